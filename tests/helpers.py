"""Small helpers shared by the rule tests: lint a text, pick diagnostics."""
from __future__ import annotations

import textwrap

from letterlint.lint import Settings, lint_text


def lint(text: str, doctype: str | None = None, **settings):
    """Lint ``text`` (dedented) and return its diagnostics."""
    text = textwrap.dedent(text).lstrip("\n")
    return lint_text(text, "test.txt", Settings(doctype=doctype, **settings)).diagnostics


def spans(diags, code: str) -> list[tuple[int, int, int, int]]:
    """(line, column, end_line, end_column) of every diagnostic of ``code``."""
    return [(d.line, d.column, d.end_line, d.end_column) for d in diags if d.rule == code]


def codes(diags) -> set[str]:
    return {d.rule for d in diags}


def only(diags, code: str):
    found = [d for d in diags if d.rule == code]
    assert len(found) == 1, f"expected one {code}, got {found!r}"
    return found[0]
