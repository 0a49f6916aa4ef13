"""The shell's output helpers: files written atomically, headers of generated and recorded files,
terminal and Markdown tables, SVG line charts. A leaf: it imports nothing else of the shell, so the
commands, the docs builder and the benchmark can all use it without importing one another."""

from backprop_companion.output.files import write_atomically
from backprop_companion.output.headers import (
    GENERATE_COMMAND,
    RECORD_COMMAND,
    RECORDED_FIGURE,
    RECORDED_PAGE,
    generated_header,
    recorded_header,
)
from backprop_companion.output.tables import code, format_table, markdown_table, terminal_width

__all__ = [
    "GENERATE_COMMAND",
    "RECORDED_FIGURE",
    "RECORDED_PAGE",
    "RECORD_COMMAND",
    "code",
    "format_table",
    "generated_header",
    "markdown_table",
    "recorded_header",
    "terminal_width",
    "write_atomically",
]
