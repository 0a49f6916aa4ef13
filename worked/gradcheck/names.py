"""What a reader sees a parameter called: Nielsen's and Ng's names, indices from 1 as in the books."""

from __future__ import annotations


def _sub(*indices: int) -> str:
    """Subscripts run together when each is one digit (``13``), else separated (``10,3``)."""
    if all(0 <= i < 10 for i in indices):
        return "".join(map(str, indices))
    return "(" + ",".join(map(str, indices)) + ")"


def weight_names(layer: int, j: int, k: int) -> tuple[str, str]:
    """Nielsen's and Ng's names of :math:`w^l_{jk}` (indices from 1, as in the books)."""
    return f"w^{layer}_{_sub(j, k)}", f"Θ^({layer})_{_sub(j, k)}"


def bias_names(layer: int, j: int) -> tuple[str, str]:
    """Nielsen's :math:`b^l_j` and Ng's :math:`\\Theta^{(l)}_{j0}` (the bias unit is column 0)."""
    return f"b^{layer}_{j}", f"Θ^({layer})_{_sub(j, 0)}"


def delta_names(layer: int, j: int) -> tuple[str, str]:
    """Nielsen's :math:`\\delta^l_j` and Ng's :math:`\\delta^{(l+1)}_j` (Ng's input is layer 1)."""
    return f"δ^{layer}_{j}", f"δ^({layer + 1})_{j}"
