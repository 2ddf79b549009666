"""One line per diagnostic, ``path:line:col: CODE message``, for scripts and editors."""
from __future__ import annotations

from letterlint.report import printable


def render(results, stream, options) -> None:
    for r in results:
        path = printable(r.path)
        if r.error:
            stream.write(f"{path}:1:1: E000 {printable(r.error)}\n")
            continue
        for d in r.diagnostics:
            stream.write(f"{path}:{r.position(d.line, d.column)}: {d.rule} {printable(d.message)}\n")
