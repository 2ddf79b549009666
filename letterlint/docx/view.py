"""The text view of a Word document, and the map from its lines back to paragraphs and runs.

The engine reads a letter from lines, so a .docx becomes lines: one per
paragraph, more where a manual line break splits one, and one for a table row
whose cells each hold one line (a 版头 row "发文字号 … 签发人" reads as it is
seen, side by side).  Every line keeps where its characters came from, so a
diagnostic on line L, column C is reported as 段N:列M (and run R in JSON), and
the layout rules find the formatting of any character of any part.
"""
from __future__ import annotations

from dataclasses import dataclass

from letterlint.docx.reader import Paragraph, WordDocument

CELL_GAP = "\u3000\u3000"   # between the cells of a table row read as one line


@dataclass(frozen=True)
class Segment:
    column: int           # 0-based offset in the line where this stretch starts
    length: int
    paragraph: Paragraph | None   # None: a gap between table cells
    offset: int           # offset of the stretch in the paragraph's text


class Layout:
    """The Word document behind a letter: what the layout rules read (``letter.layout``)."""

    def __init__(self, doc: WordDocument):
        self.doc = doc
        self.lines: list[str] = []
        self.segments: list[list[Segment]] = []   # per line (0-based)
        self.first_line: dict[int, int] = {}      # paragraph number → its first line (1-based)
        self._build()

    def _build(self) -> None:
        paras = self.doc.paragraphs
        i = 0
        while i < len(paras):
            p = paras[i]
            if p.row is not None:
                j = i
                while j < len(paras) and paras[j].row == p.row:
                    j += 1
                cells = [q for q in paras[i:j] if q.text.strip()]
                if cells and all("\n" not in q.text for q in cells) and j - i > 1:
                    self._row(cells, paras[i:j])
                    i = j
                    continue
            j = i
            while (paras[j].mark_deleted and j + 1 < len(paras) and paras[j + 1].where == p.where
                   and paras[j + 1].row is None and p.row is None):
                j += 1
            if j > i and all("\n" not in q.text for q in paras[i:j + 1]):
                self._joined(paras[i:j + 1])
                i = j + 1
                continue
            self._paragraph(p)
            i += 1

    def _paragraph(self, p: Paragraph) -> None:
        self.first_line[p.number] = len(self.lines) + 1
        offset = 0
        for piece in p.text.split("\n"):
            self.lines.append(piece)
            self.segments.append([Segment(0, len(piece), p, offset)])
            offset += len(piece) + 1

    def _joined(self, paras: list[Paragraph]) -> None:
        """Paragraphs whose marks are tracked deletions: one line, as after accepting the changes."""
        line_no = len(self.lines) + 1
        text, segs = "", []
        for q in paras:
            self.first_line[q.number] = line_no
            segs.append(Segment(len(text), len(q.text), q, 0))
            text += q.text
        self.lines.append(text)
        self.segments.append(segs)

    def _row(self, cells: list[Paragraph], all_cells: list[Paragraph]) -> None:
        line_no = len(self.lines) + 1
        for q in all_cells:
            self.first_line[q.number] = line_no
        text, segs = "", []
        for k, q in enumerate(cells):
            if k:
                segs.append(Segment(len(text), len(CELL_GAP), None, 0))
                text += CELL_GAP
            segs.append(Segment(len(text), len(q.text), q, 0))
            text += q.text
        self.lines.append(text)
        self.segments.append(segs)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def locate(self, line: int, column: int) -> tuple[Paragraph | None, int]:
        """(paragraph, 0-based offset in it) of a 1-based line and column of the text view."""
        if not 1 <= line <= len(self.segments):
            return None, 0
        col = column - 1
        found = self.segments[line - 1][0]
        for seg in self.segments[line - 1]:
            if seg.column <= col:
                found = seg
        if found.paragraph is None:
            return None, 0
        return found.paragraph, found.offset + max(0, min(col - found.column, found.length))

    def places(self) -> list[list[tuple[int, int, int]]]:
        """Per line: (column, paragraph number, offset) of each stretch, for ``FileResult.paragraphs``."""
        return [[(s.column, s.paragraph.number if s.paragraph else 0, s.offset) for s in segs]
                for segs in self.segments]

    def runs(self) -> dict[int, list[tuple[int, int]]]:
        """Per paragraph number: (start offset, run index) of each piece, for JSON positions."""
        return {p.number: [(pc.start, pc.run or 0) for pc in p.pieces] for p in self.doc.paragraphs if p.pieces}

    # --- what the layout rules ask ---------------------------------------------------

    def stretches(self, part):
        """(line number, start, end, paragraph, offset) for each line of a part, padding excluded.

        ``start``/``end`` are 0-based offsets in the line; the paragraph offset
        is that of ``start``.  Gaps between table cells are left out.
        """
        for line in part.lines:
            lo, hi = (part.start or 0, part.end if part.end is not None else len(line.text)) \
                if part.start is not None else (0, len(line.text))
            text = line.text
            while lo < hi and text[lo] in PAD:
                lo += 1
            while hi > lo and text[hi - 1] in PAD:
                hi -= 1
            if lo >= hi or line.number > len(self.segments):
                continue
            for seg in self.segments[line.number - 1]:
                if seg.paragraph is None:
                    continue
                a, b = max(lo, seg.column), min(hi, seg.column + seg.length)
                if a < b:
                    yield line.number, a, b, seg.paragraph, seg.offset + a - seg.column

    def paragraphs_of(self, part) -> list[Paragraph]:
        out: list[Paragraph] = []
        for _, _, _, p, _ in self.stretches(part):
            if not out or out[-1] is not p:
                out.append(p)
        return out


PAD = " \t\u3000\u00a0\ufeff"
