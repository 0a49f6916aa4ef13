"""``docs/index.html``: every Markdown page on one self-contained page, math as MathML.

The page needs no script and no network: math is presentation MathML (rendered natively by current
browsers), figures are the generated SVG inlined, styles are inline. The converter understands the
Markdown subset the generators write (headings, paragraphs, lists, tables, images, display and inline
math, code and fenced code blocks, emphasis, links, ``<a id>`` anchors) and refuses anything it would mangle.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from backprop_companion.docs.mathml import to_mathml

INLINE = re.compile(
    r"`(?P<code>[^`]+)`"
    r"|\$(?P<math>[^$]+)\$"
    r"|\[(?P<text>[^\]]+)\]\((?P<href>[^)\s]+)\)"
    r"|\*\*(?P<bold>[^*]+)\*\*"
    r"|\*(?P<em>[^*\s][^*]*)\*"
    r'|(?P<anchor><a id="[a-z0-9-]+"></a>)'
)

STYLE = """
body { font-family: Georgia, 'DejaVu Serif', serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #1b1b1b; }
nav { border-bottom: 1px solid #ccc; padding-bottom: .5rem; margin-bottom: 1.5rem; }
nav ul { columns: 2 16rem; font-size: .92rem; }
section { margin-bottom: 3rem; }
table { border-collapse: collapse; margin: 1rem 0; font-size: .92rem; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
code { font-family: 'DejaVu Sans Mono', monospace; font-size: .9em; background: #f5f5f5; padding: 0 .2em; }
pre { background: #f5f5f5; padding: .5rem; overflow-x: auto; }
math[display="block"] { margin: .8rem 0; font-size: 1.1em; }
.scroll { overflow-x: auto; max-width: 100%; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
"""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _section_id(page: str, heading: str) -> str:
    """The id of a page's section: the table of contents links to what the heading is given."""
    return f"{page}-{_slug(heading)}"


def _href(target: str, pages: list[str]) -> str:
    """Links between pages become links within the one page."""
    if target.startswith("https://") or target.startswith("http://"):
        return target  # the post, the script, the book: cited where first mentioned
    page, _, fragment = target.partition("#")
    if page.endswith(".md") and page[:-3] in pages:
        return "#" + (fragment or f"page-{page[:-3]}")
    if page == "" and fragment:
        return target
    raise ValueError(f"link to {target!r} leaves the generated docs")


def inline(text: str, pages: list[str], mathml: dict[str, str] | None = None) -> str:
    out, last = [], 0
    for m in INLINE.finditer(text):
        out.append(escape(text[last : m.start()], quote=False))
        last = m.end()
        if m.group("code") is not None:
            out.append(f"<code>{escape(m.group('code'))}</code>")
        elif m.group("math") is not None:
            out.append((mathml or {}).get(m.group("math")) or to_mathml(m.group("math")))
        elif m.group("href") is not None:
            out.append(
                f'<a href="{escape(_href(m.group("href"), pages))}">{inline(m.group("text"), pages)}</a>'
            )
        elif m.group("bold") is not None:
            out.append(f"<strong>{inline(m.group('bold'), pages)}</strong>")
        elif m.group("em") is not None:
            out.append(f"<em>{inline(m.group('em'), pages)}</em>")
        else:
            out.append(m.group("anchor"))
    out.append(escape(text[last:], quote=False))
    return "".join(out)


def _cells(line: str) -> list[str]:
    cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [c.strip().replace("\\|", "|") for c in cells]


_LIST_ITEM = r"(-|\d+\.) "


def _table(lines: list[str], i: int, inline_html: Callable[[str], str]) -> tuple[str, int]:
    """The table whose first row is ``lines[i]``, and the index of its last line."""
    rows = []
    while i < len(lines) and lines[i].strip().startswith("|"):
        rows.append(_cells(lines[i]))
        i += 1
    head = "".join(f"<th>{inline_html(c)}</th>" for c in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{inline_html(c)}</td>" for c in row) + "</tr>" for row in rows[2:])
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    return f'<div class="scroll">{table}</div>', i - 1


def _list(lines: list[str], i: int, inline_html: Callable[[str], str]) -> tuple[str, int]:
    """The list (bullets or numbers) whose first item is ``lines[i]``, items continued on lines
    indented by two spaces, and the index of its last line."""
    tag = "ul" if lines[i].strip().startswith("-") else "ol"
    items = []
    while i < len(lines) and re.match(_LIST_ITEM, lines[i].strip()):
        item = [re.sub("^" + _LIST_ITEM, "", lines[i].strip())]
        i += 1
        while i < len(lines) and lines[i].startswith("  ") and lines[i].strip():
            item.append(lines[i].strip())
            i += 1
        items.append(f"<li>{inline_html(' '.join(item))}</li>")
    return f"<{tag}>{''.join(items)}</{tag}>", i - 1


def markdown_to_html(
    name: str, markdown: str, figures: dict[str, str], pages: list[str], mathml: dict[str, str]
) -> str:
    """One page's Markdown as HTML; ``figures`` maps an image path to its SVG text, ``mathml`` maps
    the LaTeX of a formula to MathML made for it elsewhere (by sympy), used in place of converting."""
    lines = markdown.splitlines()
    html: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            html.append(f"<p>{inline(' '.join(paragraph), pages, mathml)}</p>")
            paragraph.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("<!--") or not stripped:
            flush()
        elif stripped.startswith("```"):  # a fenced block, shown as it is: the lines up to the closing fence
            flush()
            end = lines.index("```", i + 1)
            html.append(f"<pre><code>{escape(chr(10).join(lines[i + 1 : end]))}</code></pre>")
            i = end
        elif heading := re.match(r"(#{1,4}) (.*)", stripped):
            flush()
            level = len(heading.group(1))
            ident = f"page-{name}" if level == 1 else _section_id(name, heading.group(2))
            html.append(f'<h{level} id="{ident}">{inline(heading.group(2), pages, mathml)}</h{level}>')
        elif stripped.startswith("$$"):
            flush()
            if stripped == "$$":  # a block: the formula's lines, then a closing "$$" line
                end = lines.index("$$", i + 1)
                latex = "\n".join(lines[i + 1 : end])
                i = end
            else:  # one line: $$ formula $$
                latex = stripped[2:].removesuffix("$$").strip()
            html.append(f'<div class="scroll">{mathml.get(latex) or to_mathml(latex, display=True)}</div>')
        elif image := re.fullmatch(r"!\[([^\]]*)\]\(([^)]+)\)", stripped):
            flush()
            svg = figures[image.group(2)]
            html.append(f"<figure>{svg}<figcaption>{escape(image.group(1))}</figcaption></figure>")
        elif stripped.startswith("|"):
            flush()
            table, i = _table(lines, i, lambda text: inline(text, pages, mathml))
            html.append(table)
        elif re.match(_LIST_ITEM, stripped):
            flush()
            items, i = _list(lines, i, lambda text: inline(text, pages, mathml))
            html.append(items)
        else:
            paragraph.append(stripped)
        i += 1
    flush()
    return "\n".join(html)


def _contents(documents: list[tuple[str, str, str]], names: list[str], mathml: dict[str, str]) -> str:
    """The table of contents: each page, and under it its sections (its ``##`` headings)."""
    items = []
    for name, heading, text in documents:
        sections = re.findall(r"^## (.*)$", text, flags=re.MULTILINE)
        links = "".join(
            f'<li><a href="#{_section_id(name, section)}">{inline(section, names, mathml)}</a></li>'
            for section in sections
        )
        items.append(
            f'<li><a href="#page-{name}">{escape(heading)}</a>' + (f"<ul>{links}</ul>" if links else "")
        )
    return f"<ol>{'</li>'.join(items)}</li></ol>"


def page(
    title: str, documents: list[tuple[str, str, str]], figures: dict[str, str], mathml: dict[str, str]
) -> str:
    """The whole site on one page; ``documents`` is ``(name, title, markdown)`` in reading order."""
    names = [name for name, _, _ in documents]
    nav = "<h2>Contents</h2>" + _contents(documents, names, mathml)
    sections = "\n".join(
        f'<section id="section-{name}">\n{markdown_to_html(name, text, figures, names, mathml)}\n</section>'
        for name, _, text in documents
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<style>{STYLE}</style>\n</head>\n<body>\n<nav>{nav}</nav>\n{sections}\n</body>\n</html>\n"
    )
