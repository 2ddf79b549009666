"""The human report: grouped by file, the source line with the span marked.

Rich is imported only here, so a clean run (which prints one plain line)
never loads it.  Without a terminal (pre-commit, CI logs) the same report is
printed without colour and without wrapping.
"""
from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape

from letterlint.diagnostic import SEVERITY_ZH
from letterlint.report import printable, summary

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
WINDOW = 36  # characters of context shown on each side of a span in long lines


def _excerpt(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a long line around [start, end); return the piece and the new offsets."""
    lo = max(0, start - WINDOW)
    hi = min(len(text), max(end, start + 1) + WINDOW)
    head = "…" if lo > 0 else ""
    tail = "…" if hi < len(text) else ""
    piece = head + text[lo:hi] + tail
    return piece, start - lo + len(head), end - lo + len(head)


def _console(stream, options) -> Console:
    kwargs = {"file": stream, "highlight": False, "soft_wrap": True, "emoji": False}
    if options.color is False:
        kwargs["no_color"] = True
        kwargs["color_system"] = None
    elif options.color is True:
        kwargs["force_terminal"] = True
    return Console(**kwargs)


def render(results, stream, options) -> None:
    con = _console(stream, options)
    for r in results:
        path = escape(printable(r.path))
        if r.error:
            con.print(f"[bold]{path}[/]: [bold red]无法检查[/] {escape(printable(r.error))}")
            continue
        for d in r.diagnostics:
            sev = SEVERITY_ZH[d.severity]
            con.print(f"[bold]{path}:{r.position(d.line, d.column)}[/]: [{STYLE[d.severity]}]{sev}[/] "
                      f"[dim]{d.rule}[/] {escape(printable(d.message))}")
            if 0 < d.line <= len(r.lines):
                text = r.lines[d.line - 1].replace("\t", " ")
                end = d.end_column - 1 if d.end_line == d.line else len(text)
                piece, s, e = _excerpt(text, d.column - 1, max(end, d.column))
                # Escaped piece by piece, so that the carets stay under the span.
                before, span, after = printable(piece[:s]), printable(piece[s:e]), printable(piece[e:])
                gutter = f"{d.line:>5} │ "
                con.print(f"[dim]{gutter}[/]{escape(before + span + after)}")
                pad = " " * cell_len(before)
                mark = "^" * max(1, cell_len(span))
                con.print(f"[dim]{' ' * (len(gutter) - 2)}│[/] {pad}[{STYLE[d.severity]}]{mark}[/]")
            if d.suggestion:
                con.print(f"      [green]建议：[/]{escape(printable(d.suggestion))}")
    s = summary(results)
    parts = [f"{s['errors']} 个错误", f"{s['warnings']} 个警告", f"{s['infos']} 个提示"]
    if s["unreadable"]:
        parts.append(f"{s['unreadable']} 个文件无法检查")
    con.print(f"检查了 {s['files']} 个文件：" + "，".join(parts) + "。")
