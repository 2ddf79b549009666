"""Where a diagnostic is in a Word document, the same in every report format.

The engine reports lines and columns of the letter's text view; a clerk
looking at the .docx finds paragraphs.  ``word_place`` turns a diagnostic of
a Word file into its paragraph and column (1-based, counting what the reader
sees, automatic numbering included), the run, and the end of its span, so
that every format names one place: ``段N:列M`` in the text formats, the
paragraph as the line and the paragraph column as the column in the
formats that have fields for them (SARIF, GitHub, GitLab), and the
paragraph fields in JSON.  For a text file it is None and nothing changes.
"""
from __future__ import annotations

from letterlint.record import FrozenRecord


class WordPlace(FrozenRecord):
    """Paragraph, 1-based column in it, run (None inside an automatic-numbering label), and the
    end of the span (paragraph, exclusive column), as every report names them."""

    __slots__ = ("paragraph", "column", "run", "end_paragraph", "end_column")
    _fields = __slots__

    def __init__(self, paragraph: int, column: int, run: int | None, end_paragraph: int, end_column: int):
        for name, value in zip(self._fields, (paragraph, column, run, end_paragraph, end_column), strict=True):
            object.__setattr__(self, name, value)

    @property
    def label(self) -> str:
        return f"段{self.paragraph}:列{self.column}"


def word_place(result, d) -> WordPlace | None:
    """The paragraph-based place of diagnostic ``d`` of ``result``; None for a text file."""
    start = result.place(d.line, d.column)
    if start is None:
        return None
    end = result.place(d.end_line, d.end_column) or start
    end_paragraph, end_column = end[0], end[1]
    if (end_paragraph, end_column) < (start[0], start[1]):
        end_paragraph, end_column = start[0], start[1]
    return WordPlace(start[0], start[1], start[2], end_paragraph, end_column)


def _astral(text: str) -> int:
    return sum(1 for ch in text if ord(ch) > 0xFFFF)


def paragraph_utf16_column(result, paragraph: int, column: int) -> int:
    """A 1-based paragraph column as UTF-16 code units (SARIF's column kind).

    The paragraph's text is put back together from the text view's segments;
    only characters outside the BMP (𠮷) make the two differ, so a letter
    without any is answered at once.
    """
    if not any(_astral(line) for line in result.lines):
        return column
    before = 0
    for line, segments in zip(result.lines, result.paragraphs or (), strict=False):
        for i, (col, number, offset) in enumerate(segments):
            if number != paragraph or offset >= column - 1:
                continue
            stop = segments[i + 1][0] if i + 1 < len(segments) else len(line)
            text = line[col:stop]
            before += _astral(text[:column - 1 - offset])
    return column + before
