r"""Keys as the post and the books write them, in Unicode and in ASCII, read as the companion's keys.

A reader copies the notation in front of them: the post writes :math:`w_5^+` for the updated w5,
:math:`\partial E_{total}/\partial w_5` for a gradient, :math:`\delta_{o1}` for a delta and
:math:`out_{h1}` for an output; on a keyboard these become ``w5+``, ``dE_total/dw5``, ``delta_o1``,
``out(h1)``. :func:`canonical` reads every such spelling as the one key it means:

- subscripts and superscripts (``w₅⁺``), TeX braces and carets (``w_{5}^{+}``) and spaces are dropped;
- ``w5+`` / ``b1+`` is the parameter after the step, ``w5_new``;
- ``δ``, ``δ_``, ``delta`` before a neuron is its delta, ``delta_o1``;
- ``out(h1)``, ``net(h1)`` is ``out_h1``, ``net_h1``;
- a derivative ``∂A/∂B`` or ``dA/dB`` is ``dA_dB`` with ``E_total`` and ``E_o1`` written ``Etotal``, ``Eo1``.

Anything else is returned unchanged; :func:`key` then refuses it, suggesting the keys it most
likely means (:func:`similar_names`).
"""

from __future__ import annotations

import difflib
import re

from worked.core import InvalidInput
from worked.diagnosis import quantities
from worked.diagnosis.typed import quoted

__all__ = ["canonical", "key", "similar_names"]

_SCRIPTS = str.maketrans(
    {
        **{chr(0x2080 + d): str(d) for d in range(10)},  # ₀..₉
        **{c: str(d) for d, c in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")},
        "⁺": "+",
        "ₒ": "o",
        "ₕ": "h",
        "ᵢ": "i",
        "∂": "d",
        "δ": "delta_",
        "Δ": "delta_",
        "{": "",
        "}": "",
        "^": "",
        " ": "",
        "\t": "",
    }
)

_NEURON = r"(?:[ioh]\d)"
_UPDATED = re.compile(r"^([wb])_?(\d+)\+$")  # w5+, w_5+ (from w_5^+), b1+
_DELTA = re.compile(rf"^delta_*({_NEURON})$")
_CALL = re.compile(rf"(out|net)\(({_NEURON})\)")  # out(h1) → out_h1
_ERROR = re.compile(r"E_?(total|o\d)")  # E_total → Etotal inside a derivative
_DERIVATIVE = re.compile(r"^d([A-Za-z][\w]*)/d([A-Za-z][\w]*)$")
_PARAMETER = re.compile(r"^([wb])_(\d+)$")  # w_5 → w5 (from w_{5})


def canonical(name: str) -> str:
    """The companion's key for ``name`` written in the post's or the books' notation (see the module).

    ``canonical("w_5^+") == "w5_new"``, ``canonical("∂E_total/∂w5") == "dEtotal_dw5"``; a name in no
    known notation comes back as typed (without spaces); nothing is raised.
    """
    text = _CALL.sub(r"\1_\2", name.translate(_SCRIPTS))
    if match := _UPDATED.match(text):
        return f"{match[1]}{match[2]}_new"
    if match := _DELTA.match(text):
        return f"delta_{match[1]}"
    if match := _DERIVATIVE.match(text):
        top, bottom = (_PARAMETER.sub(r"\1\2", _ERROR.sub(r"E\1", part)) for part in (match[1], match[2]))
        return f"d{top}_d{bottom}"
    return text


LOOKALIKES = str.maketrans({"l": "1", "i": "1", "o": "0"})
"""Characters a reader swaps for digits that look the same (out_hl for out_h1)."""


def similar_names(name: str, n: int = 5) -> list[str]:
    """Known keys that look like ``name``, closest first (for "did you mean"): read in the post's
    notation first (:func:`canonical`); a key equal to that but for case and for letters that look
    like digits comes first, then difflib's closest."""

    def fold(text: str) -> str:
        return text.lower().translate(LOOKALIKES)

    names, read = quantities.names(), canonical(name)
    exact = [k for k in names if fold(k) == fold(read)]
    close = difflib.get_close_matches(read, names, n=n, cutoff=0.6)
    return list(dict.fromkeys([*exact, *close]))[:n]


MAX_KEY_CHARACTERS = 40
"""The longest key is 24 characters; a name over twice this long is compared with none (difflib's cost
grows with the product of the lengths)."""


def key(name: str) -> str:
    """The key ``name`` means, in any notation :func:`canonical` reads.

    Raises :class:`~worked.core.InvalidInput` naming ``name`` (cut to a few dozen characters) when
    it is no key, with the keys it most likely means, or a pointer to ``check --list``.
    """
    read = canonical(name)
    if read in quantities.names():
        return read
    close = similar_names(name) if len(name) <= 2 * MAX_KEY_CHARACTERS else []
    hint = f"did you mean {', '.join(close)}?" if close else "'check --list' shows every key"
    raise InvalidInput(f"unknown key {quoted(name)}; {hint}")
