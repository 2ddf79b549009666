"""One line per diagnostic, ``path:line:col: CODE message``, for scripts and editors."""
from __future__ import annotations


def render(results, stream, options) -> None:
    for r in results:
        if r.error:
            stream.write(f"{r.path}:1:1: E000 {r.error}\n")
            continue
        for d in r.diagnostics:
            stream.write(f"{r.path}:{r.position(d.line, d.column)}: {d.rule} {d.message}\n")
