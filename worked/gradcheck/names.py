r"""What a reader sees a parameter called: Nielsen's and Ng's names, numbered as the books number them.

Both books count the input as layer 1 and neurons from 1. ``layer`` here is the layer of the neurons a
weight or bias feeds (so the first weight matrix, ``weights[0]``, is layer 2): Nielsen's
:math:`w^l_{jk}` joins neuron :math:`k` of layer :math:`l-1` to neuron :math:`j` of layer :math:`l`;
Ng's :math:`\Theta^{(l-1)}` maps layer :math:`l-1` to :math:`l` with its bias in column 0; both write
the error of layer :math:`l` as :math:`\delta^l_j` (Ng: :math:`\delta^{(l)}_j`).
"""

from __future__ import annotations


def _sub(*indices: int) -> str:
    """Subscripts run together when each is one digit (``13``), else separated (``10,3``)."""
    if all(0 <= i < 10 for i in indices):
        return "".join(map(str, indices))
    return "(" + ",".join(map(str, indices)) + ")"


def weight_names(layer: int, j: int, k: int) -> tuple[str, str]:
    """Nielsen's :math:`w^l_{jk}` and Ng's :math:`\\Theta^{(l-1)}_{jk}` of the weight into layer ``layer``."""
    return f"w^{layer}_{_sub(j, k)}", f"Θ^({layer - 1})_{_sub(j, k)}"


def bias_names(layer: int, j: int) -> tuple[str, str]:
    """Nielsen's :math:`b^l_j` and Ng's :math:`\\Theta^{(l-1)}_{j0}` (the bias unit is column 0)."""
    return f"b^{layer}_{j}", f"Θ^({layer - 1})_{_sub(j, 0)}"


def delta_names(layer: int, j: int) -> tuple[str, str]:
    """Nielsen's :math:`\\delta^l_j` and Ng's :math:`\\delta^{(l)}_j`: the same numbers in both books."""
    return f"δ^{layer}_{j}", f"δ^({layer})_{j}"
