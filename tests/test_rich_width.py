"""The default report at 80 and 160 columns, captured with Rich's own console (COLUMNS sets its width)."""
import io

import pytest
from rich.cells import cell_len

from letterlint.diagnostic import Diagnostic, FileResult
from letterlint.report import ReportOptions
from letterlint.report.rich_report import excerpt, render

PARAGRAPH = "为做好全市中小学校园周边道路交通安全工作，" * 30 + "现商请贵局派员协助。"
SHORT = "示例市公安局:"


def report(width, monkeypatch, diagnostics, lines):
    monkeypatch.setenv("COLUMNS", str(width))
    out = io.StringIO()
    render([FileResult("函.txt", diagnostics, lines=lines, encoding="utf-8")], out, ReportOptions(color=False))
    return out.getvalue().splitlines()


def excerpt_rows(lines):
    """(source row, marker row) pairs: the rows after the gutter "│"."""
    rows = [line for line in lines if "│" in line]
    return [(rows[i].split("│ ", 1)[1], rows[i + 1].split("│ ", 1)[1]) for i in range(0, len(rows), 2)]


def marked(source, marker):
    """The source characters above the carets/tildes (by display cells)."""
    out, cells = [], 0
    for ch in source:
        w = cell_len(ch)
        if marker[cells:cells + w].strip(" "):
            out.append(ch)
        cells += w
    return "".join(out)


@pytest.mark.parametrize("width", [80, 160])
def test_a_span_in_a_long_paragraph_is_windowed_and_marked_exactly(width, monkeypatch):
    start = PARAGRAPH.index("现商请")
    d = Diagnostic(1, start + 1, 1, start + 4, "X-001", "error", "消息")
    lines = report(width, monkeypatch, [d], [PARAGRAPH])
    (source, marker), = excerpt_rows(lines)
    assert all(cell_len(line) <= width for line in lines if "│" in line)
    assert source.startswith("…") and cell_len(source) >= width - 12  # the room is used
    assert marked(source, marker) == "现商请" and set(marker.strip()) == {"^"}


@pytest.mark.parametrize("width", [80, 160])
def test_a_whole_paragraph_span_is_marked_by_its_start_and_end(width, monkeypatch):
    d = Diagnostic(1, 1, 1, len(PARAGRAPH) + 1, "X-002", "warning", "整段")
    lines = report(width, monkeypatch, [d], [PARAGRAPH])
    (source, marker), = excerpt_rows(lines)
    assert cell_len(source) <= width - 8 and "…" in source
    assert source.startswith("为做好") and source.endswith("派员协助。")
    assert marker.startswith("^~") and marker.endswith("~^") and marker.count("^") == 2
    assert cell_len(marker) == cell_len(source)


def test_short_lines_are_shown_whole_and_astral_characters_take_their_cells(monkeypatch):
    text = "𠮷野家" + SHORT
    d = Diagnostic(1, len(text), 1, len(text) + 1, "RECIP-002", "error", "冒号")
    (source, marker), = excerpt_rows(report(80, monkeypatch, [d], [text]))
    assert source == text and marked(source, marker) == ":"


def test_excerpt_handles_empty_spans_and_ends():
    piece, mark = excerpt(PARAGRAPH, len(PARAGRAPH), len(PARAGRAPH), 40)
    assert piece.startswith("…") and cell_len(piece) <= 40 and mark.endswith("^")
    piece, mark = excerpt(PARAGRAPH, 0, 0, 40)
    assert piece.endswith("…") and mark == "^"
