r"""A reader's own backprop, called in the layout of the book it follows and read back in the companion's.

Four conventions, each a :class:`Convention` that builds nothing of its own: it hands the reader's
code the companion's network, converted to the book's layout, calls it, and converts what comes back
to ``(nabla_w, nabla_b)`` shaped like ``Network.weights`` and ``Network.biases`` (``nabla_b`` is
``None`` where the convention does not give it). The reader's code is only called, never changed;
an exception in it is re-raised as :class:`ReaderFailure`, so that it is never taken for the
companion's own.

``nielsen``
    A class like network.py's: ``Network(sizes)`` with ``weights[l]`` of shape (n, k), ``biases[l]``
    of shape (n, 1), and ``backprop(x, y) -> (nabla_b, nabla_w)`` for one example given as column
    vectors (quadratic cost). network2's style, ``Network(sizes, cost=CrossEntropyCost)``, is
    recognised by the ``cost`` parameter and checked with each cost class its file defines.
``ng``
    ``nnCostFunction(nn_params, input_layer_size, hidden_layer_size, num_labels, X, y, lambda_) ->
    (J, grad)``: one hidden layer, :math:`\Theta^{(1)}, \Theta^{(2)}` unrolled column-major with the
    bias in column 0, labels ``0..K-1`` (or ``1..K``), sigmoid units, cross-entropy, L2 on weights.
``mazur``
    The tutorial script's ``NeuralNetwork(num_inputs, num_hidden, num_outputs, hidden_layer_weights,
    hidden_layer_bias, output_layer_weights, output_layer_bias)`` with ``train(inputs, outputs)``:
    one step at its ``LEARNING_RATE`` is taken and the gradient read off the weights it moved,
    :math:`(w - w') / \eta`, so the update order is checked too (one shared bias per layer, not trained).
``function``
    ``f(weights, biases, x, y) -> (cost, nabla_w, nabla_b)`` in the companion's own layout: lists
    like ``Network.weights`` and ``Network.biases``, ``x`` and ``y`` a batch as rows; sigmoid,
    quadratic cost, the mean over the batch.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from worked.core import Array, InvalidInput, Network
from worked.gradcheck.suspects import Gradient


class ReaderFailure(Exception):
    """The reader's code raised ``error`` (kept with its traceback) while being checked."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(f"{type(error).__name__}: {error}")
        self.error = error


def _call(f: Callable[..., object], *args: object, **kwargs: object) -> object:
    try:
        return f(*args, **kwargs)
    except Exception as error:  # anything the reader's code raises is the reader's answer
        raise ReaderFailure(error) from error


@dataclass(frozen=True)
class Setting:
    """One network the reader's code is checked on: layer sizes, cost, examples, λ (one per check)."""

    sizes: tuple[int, ...]
    cost: str = "quadratic"
    m: int = 1
    l2: float = 0.0


@dataclass(frozen=True)
class Convention:
    """How to call code written in one book's layout. ``gradient(network, xs, ys, l2)`` is the
    reader's gradient in the companion's layout; ``settings`` the networks to check it on."""

    name: str
    described: str
    settings: tuple[Setting, ...]
    gradient: Callable[[Network, Array, Array, float], Gradient]
    eta: float | None = None  # the learning rate of a convention checked through a training step


def _array(value: object, what: str) -> Array:
    try:
        return np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidInput(f"{what} is not an array of numbers: {value!r:.80}") from None


NIELSEN_SETTINGS = (
    Setting((3, 5, 2)),
    Setting((2, 4, 3, 2)),
    Setting((3, 3, 3)),
    Setting((3, 3, 3, 3)),
    Setting((4, 2)),
)
"""Non-square layers (where w and wᵀ differ in shape), square networks (where a transposition runs
and shows only in value) with one and two hidden layers (so a bug in every hidden layer is told from
one in a single layer), and no hidden layer."""


def nielsen(cls: type, cost_class: object | None, cost: str) -> Convention:
    """network.py's class (``cost_class`` ``None``) or network2's, given the cost class to pass."""

    def gradient(network: Network, xs: Array, ys: Array, l2: float) -> Gradient:
        sizes = network.sizes
        net = _call(cls, sizes) if cost_class is None else _call(cls, sizes, cost=cost_class)
        net.weights = [w.copy() for w in network.weights]  # type: ignore[attr-defined]
        net.biases = [b.reshape(-1, 1).copy() for b in network.biases]  # type: ignore[attr-defined]
        found = _call(net.backprop, xs[0].reshape(-1, 1), ys[0].reshape(-1, 1))  # type: ignore[attr-defined]
        if not isinstance(found, tuple | list) or len(found) != 2:
            raise InvalidInput(f"backprop(x, y) returned {found!r:.80}; expected (nabla_b, nabla_w)")
        nabla_b, nabla_w = found
        return [_array(g, "nabla_w") for g in nabla_w], [_array(g, "nabla_b").reshape(-1) for g in nabla_b]

    settings = tuple(Setting(s.sizes, cost) for s in NIELSEN_SETTINGS)
    style = (
        "network.py" if cost_class is None else f"network2.py, cost={getattr(cost_class, '__name__', cost)}"
    )
    return Convention("nielsen", f"Nielsen's {style}: Network(sizes).backprop(x, y)", settings, gradient)


NG_SETTINGS = (Setting((3, 5, 4), "cross-entropy", 5), Setting((4, 2, 3), "cross-entropy", 5, 1.5))
"""One hidden layer as in ex4, wider and narrower than the input, 5 examples (so 1/m shows), λ = 0
and λ = 1.5 (so the regularised gradient and its bugs show)."""


def _unrolled(weights: list[Array], biases: list[Array]) -> Array:
    """Ng's nn_params: each Θ = [b | w] unrolled column-major (Octave's ``Theta(:)``)."""
    thetas = [np.column_stack([b, w]) for w, b in zip(weights, biases, strict=True)]
    return np.concatenate([t.ravel(order="F") for t in thetas])


def ng(f: Callable[..., object], labels_from: int) -> Convention:
    """ex4's ``nnCostFunction``, labels counted from ``labels_from`` (0 or 1)."""

    def gradient(network: Network, xs: Array, ys: Array, l2: float) -> Gradient:
        n_in, hidden, labels = network.sizes
        y = np.argmax(ys, axis=1) + labels_from
        found = _call(f, _unrolled(network.weights, network.biases), n_in, hidden, labels, xs.copy(), y, l2)
        if not isinstance(found, tuple | list) or len(found) != 2:
            raise InvalidInput(f"nnCostFunction returned {found!r:.80}; expected (J, grad)")
        grad = _array(found[1], "grad").reshape(-1)
        if grad.size != hidden * (n_in + 1) + labels * (hidden + 1):
            raise InvalidInput(
                f"grad has {grad.size} entries; expected {hidden * (n_in + 1) + labels * (hidden + 1)}"
            )
        first = grad[: hidden * (n_in + 1)].reshape(hidden, n_in + 1, order="F")
        second = grad[hidden * (n_in + 1) :].reshape(labels, hidden + 1, order="F")
        return [first[:, 1:], second[:, 1:]], [first[:, 0], second[:, 0]]

    return Convention(
        "ng", "Ng's ex4: nnCostFunction(nn_params, ..., X, y, lambda_) -> (J, grad)", NG_SETTINGS, gradient
    )


MAZUR_SETTINGS = (Setting((2, 2, 2)), Setting((3, 4, 2)), Setting((2, 3, 1)))
"""The tutorial's 2-2-2, and two non-square networks with one hidden layer as the script has."""


def mazur(cls: type) -> Convention:
    """The tutorial script's class, checked through one step of its ``train``."""
    eta = float(getattr(cls, "LEARNING_RATE", 0.5))

    def gradient(network: Network, xs: Array, ys: Array, l2: float) -> Gradient:
        n_in, hidden, out = network.sizes
        w2, w3 = network.weights
        net = _call(
            cls,
            n_in,
            hidden,
            out,
            w2.ravel().tolist(),
            float(network.biases[0][0]),
            w3.ravel().tolist(),
            float(network.biases[1][0]),
        )
        _call(net.train, xs[0].tolist(), ys[0].tolist())  # type: ignore[attr-defined]
        try:
            layers = (net.hidden_layer.neurons, net.output_layer.neurons)  # type: ignore[attr-defined]
            moved = [np.array([n.weights for n in neurons], dtype=np.float64) for neurons in layers]
        except AttributeError as error:
            raise InvalidInput(
                f"cannot read the weights back ({error}): expected hidden_layer.neurons[h].weights and "
                "output_layer.neurons[o].weights, as in the tutorial's script"
            ) from None
        return [(w - new) / eta for w, new in zip(network.weights, moved, strict=True)], None

    return Convention(
        "mazur", "Mazur's script: NeuralNetwork(...).train(inputs, outputs)", MAZUR_SETTINGS, gradient, eta
    )


FUNCTION_SETTINGS = (Setting((3, 5, 2), m=4), Setting((2, 4, 3, 2), m=4), Setting((3, 3, 3), m=4))


def function(f: Callable[..., object]) -> Convention:
    """``f(weights, biases, x, y) -> (cost, nabla_w, nabla_b)`` in the companion's layout."""

    def gradient(network: Network, xs: Array, ys: Array, l2: float) -> Gradient:
        found = _call(
            f, [w.copy() for w in network.weights], [b.copy() for b in network.biases], xs.copy(), ys.copy()
        )
        if not isinstance(found, tuple | list) or len(found) != 3:
            raise InvalidInput(f"the function returned {found!r:.80}; expected (cost, nabla_w, nabla_b)")
        return [_array(g, "nabla_w") for g in found[1]], [_array(g, "nabla_b").reshape(-1) for g in found[2]]

    return Convention(
        "function", "f(weights, biases, x, y) -> (cost, nabla_w, nabla_b)", FUNCTION_SETTINGS, gradient
    )


CONVENTIONS = ("nielsen", "ng", "mazur", "function")
"""The layouts a reader's own backprop is read in: the book's network.py (and network2), Ng's
nnCostFunction, the tutorial script's NeuralNetwork class, a plain function in the companion's layout."""

EXPECTED = {
    "nielsen": "a class Network(sizes) (network2: Network(sizes, cost=...)) with "
    "backprop(x, y) -> (nabla_b, nabla_w)",
    "ng": "a function nnCostFunction(nn_params, input_layer_size, hidden_layer_size, num_labels, X, y, "
    "lambda_) -> (J, grad)",
    "mazur": "a class NeuralNetwork(num_inputs, num_hidden, num_outputs, hidden_layer_weights, "
    "hidden_layer_bias, output_layer_weights, output_layer_bias) with train(training_inputs, "
    "training_outputs)",
    "function": "a function f(weights, biases, x, y) -> (cost, nabla_w, nabla_b)",
}
"""What code of each convention must look like, in the words of the refusal when it does not."""

COST_CLASSES = {"QuadraticCost": "quadratic", "CrossEntropyCost": "cross-entropy"}
"""network2's cost classes, by the names the book gives them, and the companion's cost each is."""


def _parameters(obj: object) -> list[str]:
    """The names of the parameters ``obj`` is called with (a class: its ``__init__``'s, less self)."""
    try:
        return list(inspect.signature(obj).parameters)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return []


def detect(obj: object) -> str | None:
    """The convention ``obj`` fits by its shape (``None``: none): a class with ``backprop`` is
    Nielsen's, one with ``train`` Mazur's; a function of 7 parameters is Ng's, of 4 the companion's."""
    if isinstance(obj, type):
        if callable(getattr(obj, "backprop", None)):
            return "nielsen"
        return "mazur" if callable(getattr(obj, "train", None)) and len(_parameters(obj)) >= 7 else None
    if callable(obj):
        return {7: "ng", 4: "function"}.get(len(_parameters(obj)))
    return None


def conventions_for(
    obj: object, name: str, namespace: dict[str, object], labels_from: int = 0
) -> list[Convention]:
    """How to call ``obj`` in the convention ``name`` (one per cost class for network2's style, found
    in ``namespace``, the reader's file). Raises :class:`InvalidInput` when ``obj`` does not fit it."""
    if detect(obj) != name:
        what = getattr(obj, "__name__", repr(obj))
        raise InvalidInput(f"{what} does not fit the {name} convention: expected {EXPECTED[name]}")
    if name == "nielsen":
        assert isinstance(obj, type)
        if "cost" not in _parameters(obj):
            return [nielsen(obj, None, "quadratic")]
        found = [nielsen(obj, namespace[k], cost) for k, cost in COST_CLASSES.items() if k in namespace]
        if not found:
            raise InvalidInput(
                f"{obj.__name__} takes cost=, but the file defines none of {', '.join(COST_CLASSES)}"
            )
        return found
    if name == "mazur":
        assert isinstance(obj, type)
        return [mazur(obj)]
    assert callable(obj)
    return [ng(obj, labels_from)] if name == "ng" else [function(obj)]
