"""``docs/examples.md``: the example file's schema and the grammar of quantity names (from
:mod:`worked.examples`), Mazur's file as shipped, and the second shipped text audited."""

from __future__ import annotations

from backprop_companion.docs.templates import fill
from backprop_companion.output.tables import code, markdown_table

SECOND = "single-neuron"
"""The shipped example the page audits beside Mazur's post."""


def pages() -> dict[str, str]:
    from worked import examples, tutorial
    from worked.examples.grammar import GRAMMAR
    from worked.examples.schema import FIELDS
    from worked.examples.shipped import FILES

    shipped = []
    for name in examples.SHIPPED:
        result = tutorial.judge(tutorial.load(name)) if name != "mazur" else tutorial.walkthrough()
        shipped.append([code(name), examples.describe(examples.load(name)), repr(result).strip("<>")])
    model = tutorial.load(SECOND)
    result = tutorial.judge(model)
    rows = [
        [code(e.key), e.formula, code(e.computed_rounded), code(e.printed), e.verdict] for e in result.entries
    ]
    errata = [
        f"- `{e.key}` printed `{e.printed}`, stated rule `{e.computed_rounded}`: {e.erratum.how}."
        for e in result.entries
        if e.erratum is not None
    ]
    source = model.example.source
    fields = [[code(f), default, meaning] for f, default, meaning in FIELDS]
    return {
        "examples.md": fill(
            "examples.md",
            fields=markdown_table(["field", "required / default", "meaning"], fields),
            grammar=markdown_table(["name", "meaning"], [[code(form), meaning] for form, meaning in GRAMMAR]),
            mazur=(FILES / "mazur.toml").read_text(encoding="utf-8").strip(),
            shipped=markdown_table(["--example", "text", "audit"], shipped),
            second_title=examples.describe(model.example),
            second_source=f"Source: <{source['url']}>. Its stated rule: {tutorial.stated_rule(model)}.",
            second_table=markdown_table(["key", "formula", "computed", "printed", "verdict"], rows),
            second_errata="\n".join(errata),
        )
    }
