"""The exercise's data files, read when the reader has them: synthetic files of the same layout, smaller
(the real ones are course material and are not shipped), and every way they can be wrong."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy.io import savemat

from tests.ex4 import plain
from tests.expected import EX4_COSTS
from worked.core import InvalidInput
from worked.ex4 import COST_LAMBDAS, load
from worked.mazur import rounds_to

SAME_COST_RTOL = 1e-13
"""One cost, two implementations that differ in how the logs are taken: a few ε of J."""


def write_exercise(folder, m=20, n=8, hidden=5, labels=10, seed=0, **override):
    """ex4data1.mat and ex4weights.mat as the exercise lays them out (X m×n, y m×1 of 1..K; Theta1
    hidden×(1+n), Theta2 K×(1+hidden)), with ``override`` replacing any field."""
    rng = np.random.default_rng(seed)
    fields = {
        "X": rng.uniform(-1, 1, (m, n)),
        "y": (1 + np.arange(m) % labels).reshape(m, 1).astype(np.uint8),  # 10 stands for the digit 0
        "Theta1": rng.uniform(-0.5, 0.5, (hidden, 1 + n)),
        "Theta2": rng.uniform(-0.5, 0.5, (labels, 1 + hidden)),
        **override,
    }
    savemat(folder / "ex4data1.mat", {k: fields[k] for k in ("X", "y") if fields[k] is not None})
    savemat(folder / "ex4weights.mat", {k: fields[k] for k in ("Theta1", "Theta2") if fields[k] is not None})
    return fields


@pytest.mark.parametrize("l2", COST_LAMBDAS)
def test_the_cost_at_the_given_weights_is_nn_cost_function(tmp_path, l2):
    fields = write_exercise(tmp_path)
    data = load(tmp_path)
    expected, _ = plain.nn_cost_function(
        fields["Theta1"], fields["Theta2"], fields["X"], fields["y"].ravel(), 10, l2
    )
    assert abs(data.cost(l2) - expected) <= SAME_COST_RTOL * expected


@pytest.mark.parametrize(
    ("override", "words"),
    [
        ({"Theta1": None}, r"ex4weights.mat: no field 'Theta1'"),
        ({"Theta1": np.zeros((5, 8))}, r"ex4weights.mat: Theta1 has shape \(5, 8\); for X of 8 columns"),
        (
            {"Theta2": np.zeros((10, 5))},
            r"ex4weights.mat: Theta2 has shape \(10, 5\); after Theta1's 5 units",
        ),
        ({"y": np.zeros((19, 1))}, r"ex4data1.mat: y has shape \(19, 1\)"),
        ({"y": np.zeros((20, 1))}, r"ex4data1.mat: y must hold labels 1..10"),
        ({"X": np.full((20, 8), np.nan)}, r"ex4data1.mat: field 'X' must be a finite numeric matrix"),
    ],
)
def test_a_wrong_file_is_refused_naming_the_file_and_the_field(tmp_path, override, words):
    write_exercise(tmp_path, **override)
    with pytest.raises(InvalidInput, match=words):
        load(tmp_path)


def test_a_missing_or_unreadable_file_is_named(tmp_path):
    with pytest.raises(
        InvalidInput, match=r"ex4data1.mat: no such file \(the exercise's ex4data1.mat is not shipped"
    ):
        load(tmp_path)
    (tmp_path / "ex4data1.mat").write_text("not a .mat file")
    with pytest.raises(InvalidInput, match=r"ex4data1.mat: not a MATLAB \.mat file"):
        load(tmp_path)


def test_without_scipy_the_reader_is_told_which_extra_to_install(tmp_path, monkeypatch):
    write_exercise(tmp_path)
    monkeypatch.setitem(sys.modules, "scipy.io", None)  # import scipy.io now raises ImportError
    with pytest.raises(InvalidInput, match=r"pip install 'backprop-companion\[ex4\]'"):
        load(tmp_path)


REAL_DATA = os.environ.get("EX4_DATA")
"""A folder holding the course's own ex4data1.mat and ex4weights.mat, if the reader has them."""


@pytest.mark.skipif(REAL_DATA is None, reason="set EX4_DATA to a folder with the course's ex4 files")
@pytest.mark.parametrize("l2", COST_LAMBDAS)
def test_the_real_files_give_the_costs_the_exercise_prints(l2):
    data = load(Path(str(REAL_DATA)))
    assert rounds_to(data.cost(l2), EX4_COSTS[l2].value), EX4_COSTS[l2]
