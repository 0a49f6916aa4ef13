"""ASCII spellings for a stream that cannot encode the companion's Unicode (``PYTHONIOENCODING=ascii``,
a latin-1 terminal, ``LC_ALL=C`` with UTF-8 mode off).

The text keeps its meaning: ``σ′(z)`` becomes ``sigma'(z)``, ``δ → ∂C/∂w`` becomes ``delta -> dC/dw``.
Characters with no spelling here are decomposed (``é`` to ``e``) or, failing that, written as
``\\u....`` escapes, so nothing is lost silently and nothing raises.
"""

from __future__ import annotations

import codecs
import unicodedata

SPELLINGS = {
    "²": "^2", "³": "^3", "¹": "^1", "⁴": "^4", "⁽": "^(", "⁾": ")", "ᵀ": "^T", "⊤": "^T",
    "µ": "u", "·": "*", "⋅": "*", "×": "x", "½": "1/2", "′": "'", "‖": "||", "∣": "|",
    "Δ": "Delta", "Θ": "Theta", "Σ": "Sum", "∑": "sum", "α": "alpha", "β": "beta", "γ": "gamma",
    "δ": "delta", "ε": "eps", "η": "eta", "θ": "theta", "λ": "lambda", "μ": "mu", "π": "pi",
    "ρ": "rho", "σ": "sigma", "τ": "tau", "φ": "phi", "ω": "omega", "ℓ": "l",
    "—": "--", "–": "-", "−": "-", "…": "...", "⋯": "...", "←": "<-", "→": "->", "⇒": "=>",
    "⟺": "<=>", "∀": "for all", "∂": "d", "∇": "grad", "∈": "in", "∝": "~", "∞": "inf",
    "≈": "~=", "≠": "!=", "≡": "==", "≤": "<=", "≥": ">=", "≳": ">~", "⊙": "(.)", "✓": "ok",
    "✗": "x", "⟨": "<", "⟩": ">",
}  # fmt: skip
"""Each character the companion prints outside ASCII, spelt in ASCII (a test checks every one is ASCII
and that every character of the commands' output has a spelling or an ASCII decomposition)."""


def can_encode(text: str, encoding: str | None) -> bool:
    """Whether ``text`` goes through ``encoding`` as it is (``None``: the stream takes str as is)."""
    if encoding is None:
        return True
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def spell(text: str, encoding: str | None) -> str:
    """``text`` with every character that ``encoding`` cannot hold replaced by its ASCII spelling."""
    if can_encode(text, encoding):
        return text
    try:
        codecs.lookup(encoding or "ascii")
    except LookupError:
        encoding = "ascii"
    return "".join(ch if can_encode(ch, encoding) else _ascii(ch) for ch in text)


def _ascii(ch: str) -> str:
    if ch in SPELLINGS:
        return SPELLINGS[ch]
    decomposed = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
    return decomposed or ch.encode("ascii", "backslashreplace").decode("ascii")
