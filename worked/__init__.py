"""The numeric side of the companion: backpropagation as BP1-BP4, and the tutorial on top of it.

numpy only; this package never imports sympy, :mod:`symbolic` or the command-line shell. It is laid out
in wings, each a subpackage whose ``__init__`` is its public surface:

- :mod:`worked.core`: activations, costs, the network (BP1-BP4), training, validation of user input.
  The floor: it imports no other wing.
- :mod:`worked.gradcheck`: finite differences, the checker's modes and report, the bug catalogue.
- :mod:`worked.mazur`: Mazur's post as data (names, numbers, printed digits, formula text, rounding);
  pure Python, and all that :mod:`symbolic` reads of ``worked``.
- :mod:`worked.tutorial`: the post recomputed by the general code, its errata, the walkthrough.
- :mod:`worked.diagnosis`: the post worked as by hand, its classic mistakes, a reader's numbers judged.
- :mod:`worked.ex4`: Ng's exercise 4 (his Θ layout, sigmoidGradient, checkNNGradients, his data files).

Importing ``worked`` itself imports no wing, so ``import worked.mazur`` stays free of numpy.
"""
