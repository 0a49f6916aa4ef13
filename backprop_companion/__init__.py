"""The shell of the companion: the ``backprop-companion`` command and the docs builder.

This is the one place where :mod:`worked` (numpy) and :mod:`symbolic` (sympy) meet; both are
imported lazily inside the commands that need them, so ``--help`` starts without either.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
