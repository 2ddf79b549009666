"""The human report: grouped by file, the source line with the span marked.

Rich is imported only here, so a clean run (which prints one plain line)
never loads it.  Without a terminal (pre-commit, CI logs) the same report is
printed without colour and without wrapping.  The excerpt of the source line
is cut to the console's width (80 cells without a terminal), see ``excerpt``.
"""
from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size
from rich.console import Console
from rich.markup import escape

from letterlint.diagnostic import SEVERITY_ZH
from letterlint.report import printable, summary

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _take(text: str, start: int, step: int, budget: int) -> tuple[int, int]:
    """Walk from ``start`` by ``step`` (1 or -1) while the characters fit in ``budget`` cells.

    Returns (the index reached, the cells used); it stops as soon as the budget
    is spent, so a long paragraph costs no more than its visible part.
    """
    i, used = start, 0
    while 0 <= (i if step > 0 else i - 1) < len(text):
        w = get_character_cell_size(text[i] if step > 0 else text[i - 1])
        if used + w > budget:
            break
        used += w
        i += step
    return i, used


def excerpt(text: str, start: int, end: int, width: int) -> tuple[str, str]:
    """The source line cut to ``width`` cells around [start, end), and the marker line under it.

    CJK characters take two cells (Rich's cell functions decide).  A span that
    fits is marked with carets under each of its cells and shown with as much
    context on each side as fits, cut with "…"; a span wider than the window (a
    whole paragraph) shows its beginning and its end joined by "…", marked by
    "^" under its first and last characters and "~" between.  An empty span
    (a missing character) is one caret at its position.
    """
    start = min(max(0, start), len(text))
    end = min(max(start, end), len(text))
    line_end, line_cells = _take(text, 0, 1, width + 1)
    if line_end == len(text) and line_cells <= width:
        return text, " " * cell_len(text[:start]) + "^" * max(1, cell_len(text[start:end]))
    span_end, span_cells = _take(text[:end], start, 1, width - 2)
    if span_end >= end:  # the span fits, with room for the two "…"
        room = width - 2 - max(1, span_cells)
        lo, hi, left, right = start, end, 0, 0
        while room > 0:
            grown = False
            new_hi, w = _take(text, hi, 1, 1 if room == 1 else 2)
            if new_hi > hi and w <= room:
                hi, room, right, grown = new_hi, room - w, right + w, True
            new_lo, w = _take(text, lo, -1, 1 if room == 1 else 2)
            if new_lo < lo and w <= room:
                lo, room, left, grown = new_lo, room - w, left + w, True
            if not grown:
                break
        head = "…" if lo > 0 else ""
        tail = "…" if hi < len(text) else ""
        piece = head + text[lo:hi] + tail
        return piece, " " * (len(head) + left) + "^" * max(1, span_cells)
    # Too wide: the first and the last part of the span, joined by "…".
    half = (width - 3) // 2
    head_end, head_cells = _take(text, start, 1, half)
    tail_start, tail_cells = _take(text, end, -1, half)
    before = "…" if start > 0 else ""
    after = "…" if end < len(text) else ""
    piece = before + text[start:head_end] + "…" + text[tail_start:end] + after
    inner = head_cells + 1 + tail_cells
    return piece, " " * len(before) + "^" + "~" * max(0, inner - 2) + "^"


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
                # Escaped first (controls become visible escapes), so the carets stay under the span.
                start = d.column - 1
                before, span = printable(text[:start]), printable(text[start:end])
                shown = before + span + printable(text[end:])
                gutter = f"{d.line:>5} │ "
                piece, mark = excerpt(shown, len(before), len(before) + len(span), max(20, con.width - len(gutter)))
                con.print(f"[dim]{gutter}[/]{escape(piece)}")
                con.print(f"[dim]{' ' * (len(gutter) - 2)}│[/] [{STYLE[d.severity]}]{mark}[/]")
            if d.suggestion:
                con.print(f"      [green]建议：[/]{escape(printable(d.suggestion))}")
    if options.quiet:
        return
    s = summary(results)
    parts = [f"{s['errors']} 个错误", f"{s['warnings']} 个警告", f"{s['infos']} 个提示"]
    if s["unreadable"]:
        parts.append(f"{s['unreadable']} 个文件无法检查")
    con.print(f"检查了 {s['files']} 个文件：" + "，".join(parts) + "。")
