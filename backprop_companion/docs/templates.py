"""Fill the hand-written prose templates (``templates/*.md``) with generated parts.

A placeholder is ``{{name}}`` on a line of its own or inline. Every placeholder must be given and
every part given must be used, so a template and its generator cannot silently drift apart.
"""

from __future__ import annotations

import re
from importlib import resources

PLACEHOLDER = re.compile(r"\{\{([a-z_][a-z0-9_]*)\}\}")


def fill(template: str, **parts: str) -> str:
    text = resources.files("backprop_companion.docs").joinpath("templates", template).read_text("utf-8")
    names = set(PLACEHOLDER.findall(text))
    if names != set(parts):
        raise KeyError(
            f"template {template}: placeholders {sorted(names)} but parts given for {sorted(parts)}"
        )
    return PLACEHOLDER.sub(lambda m: parts[m.group(1)].rstrip("\n"), text)
