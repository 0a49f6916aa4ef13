r"""Presentation MathML from the small LaTeX subset the docs use.

The Markdown pages carry math as ``$...$`` and ``$$...$$`` (which the code host renders); the
self-contained HTML page needs the same formulas as MathML, which browsers render with no script.
This converter covers exactly the subset the docs use (letters, numbers, ``^``, ``_``, groups,
``\frac``, Greek letters, a few operators and text commands). Anything else is refused with the
command named, so a formula can never be dropped silently from the page.
"""

from __future__ import annotations

import re
from html import escape

GREEK = {
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "epsilon": "ε",
    "varepsilon": "ε",
    "eta": "η",
    "theta": "θ",
    "lambda": "λ",
    "mu": "μ",
    "sigma": "σ",
    "tau": "τ",
    "phi": "φ",
    "Delta": "Δ",
    "Theta": "Θ",
    "pi": "π",
    "rho": "ρ",
    "omega": "ω",
    "Sigma": "Σ",
}
SYMBOLS = {
    "partial": ("mi", "∂"),
    "nabla": ("mi", "∇"),
    "ell": ("mi", "ℓ"),
    "infty": ("mi", "∞"),
    "cdot": ("mo", "⋅"),
    "odot": ("mo", "⊙"),
    "times": ("mo", "×"),
    "top": ("mi", "⊤"),
    "prime": ("mo", "′"),
    "to": ("mo", "→"),
    "leftarrow": ("mo", "←"),
    "rightarrow": ("mo", "→"),
    "in": ("mo", "∈"),
    "le": ("mo", "≤"),
    "leq": ("mo", "≤"),
    "ge": ("mo", "≥"),
    "geq": ("mo", "≥"),
    "ne": ("mo", "≠"),
    "neq": ("mo", "≠"),
    "approx": ("mo", "≈"),
    "equiv": ("mo", "≡"),
    "ldots": ("mo", "…"),
    "dots": ("mo", "…"),
    "cdots": ("mo", "⋯"),
    "lVert": ("mo", "‖"),
    "rVert": ("mo", "‖"),
    "mid": ("mo", "∣"),
    "quad": ("mspace", "1em"),
    "qquad": ("mspace", "2em"),
    ",": ("mspace", "0.17em"),
    ";": ("mspace", "0.28em"),
    " ": ("mspace", "0.25em"),
    "sum": ("mo", "∑"),
    "Rightarrow": ("mo", "⇒"),
    "iff": ("mo", "⟺"),
    "forall": ("mo", "∀"),
    "langle": ("mo", "⟨"),
    "rangle": ("mo", "⟩"),
}
FUNCTIONS = {"max", "min", "log", "ln", "exp", "tanh"}
"""Operator names, set upright as LaTeX sets them."""
TEXT_COMMANDS = {"text", "mathrm", "operatorname"}
TOKEN = re.compile(r"\\([A-Za-z]+|[,; ])|(\d+(?:\.\d+)?)|([A-Za-z])|(\S)")


class LatexError(ValueError):
    """A formula uses LaTeX outside the supported subset."""


def to_mathml(latex: str, display: bool = False) -> str:
    """``<math>`` element for ``latex``; ``display`` for a block formula."""
    parser = _Parser(latex)
    body = parser.sequence(until=None)
    mode = ' display="block"' if display else ""
    return f'<math xmlns="http://www.w3.org/1998/Math/MathML"{mode}><mrow>{body}</mrow></math>'


class _Parser:
    def __init__(self, latex: str) -> None:
        self.latex = latex
        self.tokens = [m for m in TOKEN.finditer(latex)]
        self.i = 0

    def fail(self, message: str) -> LatexError:
        return LatexError(f"{message} in formula {self.latex!r}")

    def peek(self) -> re.Match[str] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> re.Match[str]:
        token = self.peek()
        if token is None:
            raise self.fail("unexpected end")
        self.i += 1
        return token

    def sequence(self, until: str | None) -> str:
        parts: list[str] = []
        while True:
            token = self.peek()
            if token is None:
                if until is not None:
                    raise self.fail(f"missing {until!r}")
                return "".join(parts)
            if (until == "right" and token.group(1) == "right") or (until and token.group(4) == until):
                return "".join(parts)
            parts.append(self.scripted())

    def group(self) -> str:
        """A ``{...}`` group or a single atom, as one MathML element."""
        token = self.peek()
        if token is not None and token.group(4) == "{":
            self.take()
            inner = self.sequence(until="}")
            self.take()
            return f"<mrow>{inner}</mrow>"
        return self.atom()

    def scripted(self) -> str:
        base_token = self.peek()
        base = self.atom()
        sub = sup = None
        while (token := self.peek()) is not None and token.group(4) in ("_", "^", "'"):
            self.take()
            if token.group(4) == "'":
                sup = (sup or "") + "<mo>′</mo>"
            elif token.group(4) == "_":
                sub = self.group()
            else:
                sup = self.group()
        big = base_token is not None and base_token.group(1) == "sum"
        under, over = ("munder", "mover") if big else ("msub", "msup")
        if sub is not None and sup is not None:
            tag = "munderover" if big else "msubsup"
            return f"<{tag}>{base}{sub}{sup}</{tag}>"
        if sub is not None:
            return f"<{under}>{base}{sub}</{under}>"
        if sup is not None:
            return f"<{over}>{base}{sup}</{over}>"
        return base

    def atom(self) -> str:
        token = self.take()
        command, number, letter, other = token.groups()
        if number is not None:
            return f"<mn>{number}</mn>"
        if letter is not None:
            return f"<mi>{letter}</mi>"
        if other is not None:
            if other == "{":
                inner = self.sequence(until="}")
                self.take()
                return f"<mrow>{inner}</mrow>"
            if other in "}^_&\\":
                raise self.fail(f"unexpected {other!r}")
            return f"<mo>{'−' if other == '-' else escape(other)}</mo>"
        return self.command(command)

    def command(self, name: str) -> str:
        if name in GREEK:
            return f"<mi>{GREEK[name]}</mi>"
        if name in SYMBOLS:
            tag, value = SYMBOLS[name]
            return f'<mspace width="{value}"/>' if tag == "mspace" else f"<{tag}>{value}</{tag}>"
        if name in FUNCTIONS:
            return f'<mi mathvariant="normal">{name}</mi>'
        if name in ("frac", "tfrac", "dfrac"):
            return f"<mfrac>{self.group()}{self.group()}</mfrac>"
        if name == "sqrt":
            return f"<msqrt>{self.group()}</msqrt>"
        if name in TEXT_COMMANDS:
            return (
                f'<mi mathvariant="normal">{escape(self.raw_group())}</mi>'
                if name != "text"
                else (f"<mtext>{escape(self.raw_group())}</mtext>")
            )
        if name == "mathbf":
            return f'<mi mathvariant="bold">{escape(self.raw_group())}</mi>'
        if name == "left":
            opening = self.take().group(0)
            inner = self.sequence(until="right")
            self.take()
            closing = self.take().group(0)
            return f"<mrow><mo>{escape(opening)}</mo>{inner}<mo>{escape(closing)}</mo></mrow>"
        raise self.fail(f"unsupported LaTeX command \\{name}")

    def raw_group(self) -> str:
        """The literal text of a ``{...}`` group (for ``\\text`` and friends)."""
        start = self.take()
        if start.group(4) != "{":
            raise self.fail("expected '{' after a text command")
        depth, begin = 1, start.end()
        while depth:
            token = self.take()
            depth += {"{": 1, "}": -1}.get(token.group(4) or "", 0)
        return self.latex[begin : token.start()]
