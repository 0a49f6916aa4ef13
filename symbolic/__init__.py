"""The symbolic side of the companion (sympy): BP1-BP4 derived from the definitions and proved.

It may read :mod:`worked.tutorial`'s constants (data), never its formulas, so that the two sides
check each other. Nothing here imports the command-line shell.
"""

__all__: list[str] = []
