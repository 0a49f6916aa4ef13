"""The exercise's own data files, when the reader has them: ex4data1.mat (X, y) and ex4weights.mat
(Theta1, Theta2). They are course material and are not shipped. Reading them needs scipy, an optional
extra (``pip install 'backprop-companion[ex4]'``); every missing file, field or wrong shape is refused
with a sentence that names the file and the field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from worked.core import Array, InvalidInput, Network
from worked.ex4.exercise import one_hot
from worked.ex4.thetas import from_thetas

DATA_FILE = "ex4data1.mat"
WEIGHTS_FILE = "ex4weights.mat"
COST_LAMBDAS = (0.0, 1.0, 3.0)
"""The λ at which ex4.m prints the cost at the given weights (parts 3, 4 and the λ = 3 debugging cost)."""


@dataclass(frozen=True)
class ExerciseData:
    """The examples (rows of ``x``), their labels 1..K, and the trained weights the exercise gives."""

    x: Array
    labels: Array
    network: Network

    @property
    def targets(self) -> Array:
        return one_hot(self.labels, self.network.sizes[-1])

    def cost(self, l2: float) -> float:
        """nnCostFunction at the given weights."""
        return self.network.cost(self.x, self.targets, l2=l2)


def _read(folder: Path, name: str, fields: tuple[str, ...]) -> dict[str, Array]:
    try:
        from scipy.io import loadmat
        from scipy.io.matlab import MatReadError
    except ImportError:
        raise InvalidInput(
            "reading the exercise's .mat files needs scipy: pip install 'backprop-companion[ex4]'"
        ) from None
    path = folder / name
    if not path.is_file():
        raise InvalidInput(f"{path}: no such file (the exercise's {name} is not shipped; put yours there)")
    try:
        contents = loadmat(str(path))
    except (OSError, ValueError, MatReadError) as error:
        raise InvalidInput(f"{path}: not a MATLAB .mat file the exercise wrote ({error})") from None
    missing = [f for f in fields if f not in contents]
    if missing:
        raise InvalidInput(f"{path}: no field {missing[0]!r} (expected {', '.join(fields)})")
    found = {}
    for field in fields:
        value = np.asarray(contents[field])
        if value.ndim != 2 or value.dtype.kind not in "fiu" or not np.all(np.isfinite(value)):
            raise InvalidInput(
                f"{path}: field {field!r} must be a finite numeric matrix, got shape {value.shape}"
            )
        found[field] = value.astype(np.float64)
    return found


def load(folder: str | Path) -> ExerciseData:
    """Both files from ``folder``, checked against each other: Theta1 (h, 1 + n) for X with n columns,
    Theta2 (K, 1 + h), y one label 1..K per row of X."""
    folder = Path(folder)
    data = _read(folder, DATA_FILE, ("X", "y"))
    weights = _read(folder, WEIGHTS_FILE, ("Theta1", "Theta2"))
    x, y, theta1, theta2 = data["X"], data["y"], weights["Theta1"], weights["Theta2"]
    where_w, where_d = folder / WEIGHTS_FILE, folder / DATA_FILE
    if theta1.shape[1] != 1 + x.shape[1]:
        raise InvalidInput(
            f"{where_w}: Theta1 has shape {theta1.shape}; "
            f"for X of {x.shape[1]} columns it must be (h, {1 + x.shape[1]})"
        )
    if theta2.shape[1] != 1 + theta1.shape[0]:
        raise InvalidInput(
            f"{where_w}: Theta2 has shape {theta2.shape}; "
            f"after Theta1's {theta1.shape[0]} units it must be (K, {1 + theta1.shape[0]})"
        )
    if y.shape not in ((x.shape[0], 1), (1, x.shape[0])):
        raise InvalidInput(
            f"{where_d}: y has shape {y.shape}; it must hold one label per row of X ({x.shape[0]}, 1)"
        )
    labels = y.ravel()
    if not np.all((labels >= 1) & (labels <= theta2.shape[0]) & (labels == np.round(labels))):
        raise InvalidInput(f"{where_d}: y must hold labels 1..{theta2.shape[0]} (10 for the digit 0)")
    return ExerciseData(x, labels.astype(int), from_thetas([theta1, theta2]))
