"""The validators for what a user types (the command line hands its values to these, once)."""

from __future__ import annotations

import pytest

from worked.core import validation
from worked.core.validation import InvalidInput


def test_layer_widths_are_read_from_text_and_judged_where_the_network_is_made():
    assert validation.layer_widths("3,5,2") == [3, 5, 2]
    assert validation.layer_widths("3,0,2") == [3, 0, 2]  # the form is right; sizes() refuses the width
    with pytest.raises(InvalidInput, match="separated by commas"):
        validation.layer_widths("3,five,2")


@pytest.mark.parametrize(
    ("validator", "largest"),
    [(validation.batch_size, validation.MAX_BATCH), (validation.directions, validation.MAX_DIRECTIONS)],
)
def test_counts_are_whole_numbers_from_one_to_their_bound(validator, largest):
    assert validator(1) == 1 and validator(largest) == largest
    for bad in (0, -1, largest + 1, 2.0, True):
        with pytest.raises(InvalidInput):
            validator(bad)


def test_a_seed_is_a_whole_number_of_at_most_63_bits():
    assert validation.seed(0) == 0 and validation.seed(validation.MAX_SEED) == validation.MAX_SEED
    for bad in (-1, validation.MAX_SEED + 1, 1.5, True, "7"):
        with pytest.raises(InvalidInput, match="2\\^63 - 1"):
            validation.seed(bad)


@pytest.mark.parametrize(
    ("value", "what"),
    [
        ([1.0 + 2j, 0.5], "complex numbers"),
        ([True, False], "booleans"),
        (__import__("numpy").array([1.0, None], dtype=object), "Python objects"),
    ],
)
def test_numbers_that_are_not_real_are_refused_by_type(value, what):
    with pytest.raises(validation.InvalidType, match=f"x must be real numbers, got {what}"):
        validation.finite_array("x", value)
    assert validation.finite_array("x", [1, 0.5]).tolist() == [1.0, 0.5]  # the control passes


def test_a_missing_array_says_it_is_missing():
    with pytest.raises(InvalidInput, match=r"^x is missing$"):
        validation.finite_array("x", None)


@pytest.mark.parametrize("weights", [None, 3, (w for w in [[[1.0]]]), "w"])
def test_parameters_that_are_not_lists_are_refused_by_type_naming_the_argument(weights):
    with pytest.raises(validation.InvalidType, match=r"^weights must be a list of arrays"):
        validation.parameters(weights, [[0.0]])


def test_a_layer_of_width_zero_is_refused():
    with pytest.raises(InvalidInput, match="layer of width 0"):
        validation.parameters([[[1.0, 2.0]], __import__("numpy").ones((0, 1))], [[0.0], []])
    ws, _ = validation.parameters([[[1.0, 2.0]]], [[0.0]])  # the control: width 1 is fine
    assert ws[0].shape == (1, 2)


def test_cross_entropy_targets_are_probabilities():
    import numpy as np

    from worked.core import Network

    weights, biases, x = [np.array([[1.0, 2.0]])], [np.array([0.0])], np.array([0.5, 0.5])
    network = Network(weights, biases, cost="cross-entropy")
    for y in (1.5, -0.1):
        with pytest.raises(InvalidInput, match=r"y must lie in \[0, 1\] for the cross-entropy cost"):
            network.cost(x, np.array([y]))
    assert np.isfinite(network.cost(x, np.array([1.0])))  # the edges are probabilities too
    assert Network(weights, biases).cost(x, np.array([1.5])) > 0  # the quadratic cost takes any y


@pytest.mark.parametrize("activation", [3, None, [3], ["sigmoid", None]])
def test_an_activation_that_is_not_a_name_is_refused_by_type_naming_the_argument(activation):
    import numpy as np

    from worked.core import Network

    weights, biases = [np.array([[1.0, 2.0]])], [np.array([0.0])]
    with pytest.raises(validation.InvalidType, match=r"^activation must be a name"):
        Network(weights, biases, activation)
    assert Network(weights, biases, ["tanh"]).sigmas[0].name == "tanh"  # the control


@pytest.mark.parametrize("activation", ["relu", "identity", "softplus"])
def test_parameters_too_large_for_float64_are_refused_naming_the_layer(activation):
    """Weights of 1e300 make z (or the gradient) overflow: refused, not returned as inf or nan."""
    import numpy as np

    from worked.core import InvalidInput, Network

    network = Network(
        [np.full((2, 2), 1e300), np.full((2, 2), 1e300)], [np.zeros(2), np.zeros(2)], activation
    )
    with pytest.raises(InvalidInput, match="layer 3"):
        network.backprop(np.array([0.05, 0.1]), np.array([0.01, 0.99]))
    large_but_fine = Network(
        [np.full((2, 2), 1e10), np.full((2, 2), 1e10)], [np.zeros(2), np.zeros(2)], activation
    )
    assert np.all(
        np.isfinite(large_but_fine.backprop(np.array([0.05, 0.1]), np.array([0.01, 0.99])).nabla_w[1])
    )
