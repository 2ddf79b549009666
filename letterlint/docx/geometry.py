"""Where things stand on the page: a cautious layout of the body, and the drawn objects.

The layout rules need positions Word computes when it lays out the page: how
far the 发文机关标志 is from the page top, on which line an attachment title
falls, where a line of the body wraps.  This module recomputes them from the
section (page, margins, document grid) and the paragraphs, with every
uncertain quantity kept as an interval: a glyph's height in its line, the
width of a Latin letter, whether a punctuation mark hangs past the margin.
A rule reports only what holds for the whole interval, so what cannot be
decided stays silent.

How Word (and LibreOffice, which follows it) sets a line on a character
grid, measured with LibreOffice (see tests/test_docx_geometry.py): the grid
cell is the Normal style's size plus ``charSpace``/4096 pt; a line holds
``floor(width / cell + 0.05)`` cells; a full-width character takes as many
whole cells as its size needs (a 2号 character on the 3号 grid of 28 takes
two), a half-width one about half a cell; a Latin word or number is never
split by an automatic wrap, Chinese text wraps between any two characters.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(name: str) -> str:
    """A WordprocessingML tag (this module is loaded with the rules, so it imports nothing of the reader)."""
    return f"{{{W_NS}}}{name}"

EMU_PER_MM = 36000
TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_PT = 20
GRID_SLACK = 0.05              # cells: a line of exactly N cells computed as N - ε still holds N
GLYPH_HEIGHT = (1.0, 1.35)     # a line's natural height, in font sizes (font metrics differ)
HALF_WIDTH = (0.45, 0.62)      # a half-width character, in full-width characters
# May not open a line (GB/T 15834 4.x and Word's 行首禁则): a wrap before them is not where it seems.
NO_LINE_START = set("，。、；：？！）》」』】〕〗”’…—·%％,.;:?!)]}")
NO_LINE_END = set("（《「『【〔〖“‘([{")
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"

Interval = tuple  # (low, high)


def _span(a: Interval, b: Interval) -> Interval:
    return (a[0] + b[0], a[1] + b[1])


# --- the grid ----------------------------------------------------------------------------


def text_width(section) -> int:
    """Width of the text block in twips."""
    return section.page_width - section.left - section.right - section.gutter


def text_height(section) -> int:
    return section.page_height - abs(section.top) - abs(section.bottom)


def cell_pt(section, base_size: float) -> float | None:
    """Width of one cell of the character grid in points; None without a character grid."""
    if section.grid_type in ("linesAndChars", "snapToChars") and section.char_space is not None:
        cell = base_size + section.char_space / 4096
        return cell if cell > 0 else None
    return None


def chars_per_line(section, base_size: float) -> int | None:
    """Characters per line of the character grid (``floor(width / cell + 0.05)``, as LibreOffice lays it out)."""
    cell = cell_pt(section, base_size)
    if cell is None:
        return None
    return math.floor(text_width(section) / TWIPS_PER_PT / cell + GRID_SLACK)


def line_pitch(section) -> int | None:
    """The grid's line pitch in twips; None without a line grid."""
    if section.grid_type in ("lines", "linesAndChars", "snapToChars") and section.line_pitch and section.line_pitch > 0:
        return section.line_pitch
    return None


# --- wrapping -----------------------------------------------------------------------------


def full_width(ch: str) -> bool:
    o = ord(ch)
    return o >= 0x2E80 or 0x2010 <= o <= 0x2027 and ch in "—…‘’“”"


def _latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "._-/%")


@dataclass(frozen=True)
class Measure:
    """How wide the characters of one paragraph are, in points, and how wide its lines."""

    first: float          # room on the first line
    rest: float           # room on the following lines
    full: float           # one full-width character
    tolerance: float      # a line may overrun by this much (grid rounding)
    first_start: float = 0.0      # where the first line starts, pt from the text block's left edge
    rest_start: float = 0.0       # where the following lines start
    stops: tuple = ()             # the paragraph's tab stops: (position in pt, kind), sorted
    default_tab: float = 36.0     # pt between default tab stops
    hanging: float | None = None  # a hanging indent's edge: the first line's tab stop before any other (pt)
    cell: float | None = None     # the character grid's cell, when the text snaps to it

    def next_stop(self, x: float, first_line: bool) -> float | None:
        """Where a tab at ``x`` (pt from the text block's left edge) takes the text; None if not a plain left stop.

        Word measures tab stops from the text block's left edge (LibreOffice's
        Word-compatible setting, tabs not relative to the indent); the edge of a
        hanging indent is a stop on the first line, and default stops are cleared
        up to the last custom one.
        """
        eps = 0.01
        candidates = [pos for pos, kind in self.stops if pos > x + eps]
        if first_line and self.hanging is not None and self.hanging > x + eps:
            candidates.append(self.hanging)
        if candidates:
            best = min(candidates)
            kinds = {kind for pos, kind in self.stops if abs(pos - best) < eps}
            if kinds - {"left", "start", "num", None}:
                return None   # a right, centre or decimal stop: where it puts the text depends on what follows
            return best
        if self.default_tab <= 0:
            return None
        return (math.floor((x + eps) / self.default_tab) + 1) * self.default_tab


def measure(para, section, base_size: float, default_tab: int = 720, grid: bool = True) -> Measure | None:
    """The line widths and character width of ``para`` (None: the indents are not in characters we know).

    ``grid`` False lays the text out without the character grid (for table
    cells, where whether Word snaps to the grid is not known: both are tried).
    """
    from letterlint.docx.layout import indents

    size = _size(para)
    cell = cell_pt(section, base_size) if grid else None
    if cell is not None and para.props.get("snapToGrid", True):
        # A character takes whole cells; one at the grid's own size always fits in one, however narrow.
        full = cell if size <= max(cell, base_size) + 0.01 else math.ceil(size / cell - 0.01) * cell
        unit = cell
    else:
        full = size
        unit = size
    left, first, right = indents(para)
    width = text_width(section) / TWIPS_PER_PT
    if para.where == "表格":
        inner = cell_text_width(para, section.__dict__.setdefault("_cell_widths", {}))
        if inner is None:
            return None
        width = inner / TWIPS_PER_PT
    stops = []
    for kind, pos in para.props.get("tabs") or ():
        if kind == "clear":
            continue
        try:
            stops.append((float(pos) / TWIPS_PER_PT, kind))
        except (TypeError, ValueError):
            return None
    return Measure(first=width - (left + first + right) * unit, rest=width - (left + right) * unit,
                   full=full, tolerance=GRID_SLACK * unit, first_start=(left + first) * unit, rest_start=left * unit,
                   stops=tuple(sorted(stops)), default_tab=default_tab / TWIPS_PER_PT,
                   hanging=left * unit if first < 0 else None, cell=unit if full == unit and cell is not None else None)


def _size(para) -> float:
    sizes = [p.fmt.size for p in para.pieces if p.end > p.start]
    return max(sizes) if sizes else para.mark.size


def wrap(text: str, m: Measure, wide: bool, hang: bool, snap_tab: bool = False) -> list[int] | None:
    """Offsets where lines start (after the first), one way of laying the text out; None if unknown.

    ``wide`` takes half-width characters at their widest, ``hang`` lets a
    punctuation mark that may not open a line hang past the margin (Word's
    default for Chinese) instead of taking the character before it down.
    A tab (the one after an automatic number, or any other) runs to the next
    left tab stop; ``snap_tab`` rounds what follows it up to a whole cell of
    the character grid (whether Word does is not known: both ways are tried).
    """
    half = m.full * (HALF_WIDTH[1] if wide else HALF_WIDTH[0])
    full = m.full
    starts: list[int] = []
    room = m.first + m.tolerance
    used = 0.0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            starts.append(i + 1)
            room, used = m.rest + m.tolerance, 0.0
            i += 1
            continue
        if ch == "\t":
            x = (m.rest_start if starts else m.first_start) + used
            stop = m.next_stop(x, first_line=not starts)
            if stop is None:
                return None
            width = stop - x
            if snap_tab and m.cell:
                width = math.ceil(width / m.cell - 0.01) * m.cell
            if used + width > room:
                return None   # a tab past the line's end: how Word breaks there is not modelled
            used += width
            i += 1
            continue
        j = i + 1
        if ch.isascii():
            if _latin(ch):
                while j < n and _latin(text[j]):
                    j += 1
            width = half * (j - i)
        else:
            width = full if full_width(ch) else half
        if used + width > room and used > 0:
            if ch in NO_LINE_START:
                if hang:
                    used += width
                    i = j
                    continue
                # The character before comes down with it.
                back = i - 1
                starts.append(back)
                room, used = m.rest + m.tolerance, _width_of(text[back:j], full, half)
                i = j
                continue
            if text[i - 1] in NO_LINE_END and (not starts or starts[-1] < i - 1):
                # An opening mark may not end a line: it comes down with what it opens.
                starts.append(i - 1)
                room, used = m.rest + m.tolerance, _width_of(text[i - 1], full, half)
            else:
                starts.append(i)
                room, used = m.rest + m.tolerance, 0.0
        used += width
        i = j
    return starts


def _width_of(s: str, full: float, half: float) -> float:
    return sum(full if full_width(c) else half for c in s)


def _variants(para, section, base_size: float, default_tab: int = 720) -> list[list[int] | None] | None:
    """The line starts of ``para`` under each reading of what is uncertain (cached on the paragraph)."""
    key = (id(section), base_size, default_tab)
    cached = para.__dict__.get("_geometry_wraps")
    if cached is not None and cached[0] == key:
        return cached[1]
    measures = [measure(para, section, base_size, default_tab)]
    if para.where == "表格" and cell_pt(section, base_size) is not None:
        measures.append(measure(para, section, base_size, default_tab, grid=False))
    out = None
    if all(m is not None and m.rest > m.full for m in measures):
        # An automatic number is in the text as shown (its label and the tab, space or nothing after it).
        text = para.text
        wides = (False, True) if any(c.isascii() and c not in "\n\t" for c in text) else (False,)
        hangs = (True, False) if any(c in NO_LINE_START for c in text) else (True,)
        out = [wrap(text, m, wide, hang, snap) for m in measures for wide in wides for hang in hangs
               for snap in ((False, True) if "\t" in text and m.cell else (False,))]
    para.__dict__["_geometry_wraps"] = (key, out)
    return out


def line_starts(para, section, base_size: float, default_tab: int = 720) -> list[int] | None:
    """Where the automatic and manual line breaks of ``para`` fall, if every way of laying it out agrees."""
    variants = _variants(para, section, base_size, default_tab)
    if not variants or any(v is None or v != variants[0] for v in variants):
        return None
    return variants[0]


def line_count(para, section, base_size: float, default_tab: int = 720) -> Interval | None:
    variants = _variants(para, section, base_size, default_tab)
    if not variants or any(v is None for v in variants):
        return None
    counts = [len(v) + 1 for v in variants]
    return (min(counts), max(counts))


# --- tables ------------------------------------------------------------------------------
#
# Text in a table cell wraps at the cell's width less its left and right
# margins (Word's default 108 twips, 0.19 cm, each side); a row is as tall as
# its trHeight says when the rule is "exact", at least that for "atLeast" (the
# default, ECMA-376 17.4.81), and otherwise as its tallest cell's paragraphs.
# Whether Word sets cell text on the document grid is not known here, so a
# cell's lines are measured both on and off the grid and a rule speaks only
# when both agree.  Merged cells (vMerge), nested tables and widths in percent
# leave what depends on them unknown.

DEFAULT_CELL_MARGIN = 108


def _dxa(el, attr: str = "w") -> int | None:
    if el is None:
        return None
    kind = el.get(w("type"))
    value = el.get(w(attr))
    if kind not in (None, "dxa") or value is None:
        return None
    return _whole(value)


def _whole(value: str | None) -> int | None:
    """A whole number of twips from an attribute; None when unreadable or beyond 32 bits ("1e999" in a tcW)."""
    try:
        n = int(float(value)) if value is not None else None
    except (ValueError, OverflowError):
        return None
    return n if n is None or -2**31 <= n < 2**31 else None


def _cell_and_table(para):
    """The innermost w:tc holding ``para`` and the outermost w:tbl (None, None outside tables or in a text box)."""
    el = para.element
    tc = tbl = None
    cur = el.getparent() if el is not None else None
    while cur is not None:
        if cur.tag == w("txbxContent"):
            return None, None
        if cur.tag == w("tc") and tc is None:
            tc = cur
        if cur.tag == w("tbl"):
            tbl = cur
        cur = cur.getparent()
    return tc, tbl


def _sub(el, *names: str):
    """The first child named names[0], its first child named names[1], …: one step at a time, so that a
    table's or cell's properties are found at its head without a search through all its rows or paragraphs."""
    for name in names:
        if el is None:
            return None
        tag = w(name)
        # Properties come first (the schema's order); lxml's find looks through every child of a table with
        # thousands of rows, so only the head is scanned.
        found = None
        for k, child in enumerate(el):
            if child.tag == tag:
                found = child
                break
            if k >= 32:
                break
        el = found
    return el


def _grid(tbl) -> list[int]:
    grid = _sub(tbl, "tblGrid")
    cols = []
    for col in grid.iterfind(w("gridCol")) if grid is not None else ():
        cols.append(_whole(col.get(w("w"), "0")) or 0)
    return cols


def _grid_span(tc) -> int:
    span = _sub(tc, "tcPr", "gridSpan")
    value = span.get(w("val")) if span is not None else None
    return int(value) if value and value.isdigit() else 1


def cell_width(tc, cache: dict | None = None) -> int | None:
    """Width of a cell in twips: its tcW, else its columns of the table grid.

    ``cache`` (kept by the caller for one document) holds each row's widths,
    so that the cells of a wide row are not each walked from the row's start.
    """
    tr = tc.getparent()
    if tr is None:
        return None
    if cache is not None and id(tr) in cache and cache[id(tr)][0] is tr:
        return cache[id(tr)][1].get(id(tc))
    cells, widths = _row_widths(tr)
    if cache is not None:
        # The row and its cells are kept with the widths: lxml gives an element the same proxy while one is alive,
        # so their ids stay theirs.
        cache[id(tr)] = (tr, widths, cells)
    return widths.get(id(tc))


def _row_widths(tr) -> tuple[list, dict[int, int | None]]:
    tbl = tr.getparent()
    cols = _grid(tbl) if tbl is not None and tbl.tag == w("tbl") else []
    before = _sub(tr, "trPr", "gridBefore")
    start = int(before.get(w("val"))) if before is not None and (before.get(w("val")) or "").isdigit() else 0
    out: dict[int, int | None] = {}
    cells = list(tr.iterfind(w("tc")))
    for tc in cells:
        span = _grid_span(tc)
        width = _dxa(_sub(tc, "tcPr", "tcW"))
        if not width:
            part = cols[start:start + span]
            width = sum(part) if part and len(part) == span and all(part) else None
        out[id(tc)] = width
        start += span
    return cells, out


def _margin(tc, side: str) -> int:
    names = (side, {"left": "start", "right": "end"}.get(side, side))
    for holder in (_sub(tc, "tcPr", "tcMar"), _sub(_table_of(tc), "tblPr", "tblCellMar")
                   if _table_of(tc) is not None else None):
        if holder is None:
            continue
        for name in names:
            value = _dxa(_sub(holder, name))
            if value is not None:
                return value
    return DEFAULT_CELL_MARGIN if side in ("left", "right") else 0


def _table_of(tc):
    tr = tc.getparent()
    tbl = tr.getparent() if tr is not None else None
    return tbl if tbl is not None and tbl.tag == w("tbl") else None


def cell_text_width(para, cache: dict | None = None) -> int | None:
    """Width in twips that the text of a paragraph in a table cell wraps in; None if not known."""
    tc, _ = _cell_and_table(para)
    if tc is None:
        return None
    width = cell_width(tc, cache)
    if width is None:
        return None
    inner = width - _margin(tc, "left") - _margin(tc, "right")
    return inner if inner > 0 else None


def table_width(tbl) -> int | None:
    cols = _grid(tbl)
    if cols and all(cols):
        return sum(cols)
    return _dxa(_sub(tbl, "tblPr", "tblW"))


def table_left(tbl, section) -> int | None:
    """The table's left edge in twips from the text block's left edge (centred tables included)."""
    width = table_width(tbl)
    jc = _sub(tbl, "tblPr", "jc")
    align = jc.get(w("val")) if jc is not None else "left"
    if align == "center":
        return None if width is None else (text_width(section) - width) // 2
    if align in ("right", "end"):
        return None if width is None else text_width(section) - width
    indent = _dxa(_sub(tbl, "tblPr", "tblInd"))
    return indent or 0


@dataclass
class TableBox:
    """Where a top-level table stands: its rows' tops and heights in twips below the text block's top."""

    element: object
    page: int | None
    rows: list                    # (w:tr element, top interval or None, height interval or None)
    bottom: Interval | None


def _row_height(tr, content: Interval | None) -> Interval | None:
    height = _sub(tr, "trPr", "trHeight")
    value = None
    if height is not None:
        value = _whole(height.get(w("val"), "0"))
        if value is None:
            return None
    rule = (height.get(w("hRule")) if height is not None else None) or "atLeast"
    if value and rule == "exact":
        return (value, value)
    if content is None:
        return None
    if value and rule == "atLeast":
        return (max(value, content[0]), max(value, content[1]))
    return content


def _cell_content(tc, by_element, section, doc) -> tuple[list, Interval | None]:
    """(paragraph, offset of its first line's top from the cell's top, line height, lines) per paragraph, and the
    cell's content height; None where not known."""
    pitch = line_pitch(section)
    y: Interval | None = (float(_margin(tc, "top")), float(_margin(tc, "top")))
    out = []
    children = [c for c in tc if c.tag in (w("p"), w("tbl"), w("sdt"))]
    for k, child in enumerate(children):
        para = by_element.get(id(child))
        if para is None:
            y = None
            continue
        before = _spacing(para, "before", pitch)
        after = _spacing(para, "after", pitch)
        lh_grid, lh_free = line_height(para, pitch), line_height(para, None)
        count = line_count(para, section, doc.base_size, doc.default_tab) if para.text else (1, 1)
        lh = None if lh_grid is None or lh_free is None else (min(lh_grid[0], lh_free[0]), max(lh_grid[1], lh_free[1]))
        if y is None or before is None or after is None or lh is None or count is None:
            out.append((para, None, lh, count))
            y = None
            continue
        # Word may drop the first paragraph's space before and the last one's space after in a cell: either way.
        b_lo = 0.0 if k == 0 else before
        a_lo = 0.0 if k == len(children) - 1 else after
        top = (y[0] + b_lo, y[1] + before)
        out.append((para, top, lh, count))
        y = (top[0] + lh[0] * count[0] + a_lo, top[1] + lh[1] * count[1] + after)
    if y is not None:
        bottom = float(_margin(tc, "bottom"))
        y = (y[0] + bottom, y[1] + bottom)
    return out, y


def _table_flow(doc, tbl, group, section, y: Interval | None, page: int | None, out: dict) -> tuple[Interval | None, TableBox]:
    """Lay out one top-level table starting at ``y``: the places of its cells' paragraphs go into ``out``."""
    by_element = {id(p.element): p for p in group}
    rows = []
    cur = y
    for tr in tbl.iterfind(w("tr")):
        cells = list(tr.iterfind(w("tc")))
        merged = any(_sub(c, "tcPr", "vMerge") is not None for c in cells)
        contents = [_cell_content(tc, by_element, section, doc) for tc in cells]
        heights = [c[1] for c in contents]
        content = None
        if cells and not merged and all(h is not None for h in heights):
            content = (max(h[0] for h in heights), max(h[1] for h in heights))
        height = _row_height(tr, content)
        rows.append((tr, cur, height))
        for tc, (placed, inner) in zip(cells, contents):
            v = _sub(tc, "tcPr", "vAlign")
            valign = v.get(w("val")) if v is not None else "top"
            for para, top, lh, count in placed:
                if cur is None or top is None or height is None or inner is None:
                    out[para.number] = Place(None, None, lh, count, None)
                    continue
                if valign == "center":
                    shift = (max(0.0, (height[0] - inner[1]) / 2), max(0.0, (height[1] - inner[0]) / 2))
                elif valign == "bottom":
                    shift = (max(0.0, height[0] - inner[1]), max(0.0, height[1] - inner[0]))
                else:
                    shift = (0.0, 0.0)
                ptop = (cur[0] + top[0] + shift[0], cur[1] + top[1] + shift[1])
                out[para.number] = Place(page, ptop, lh, count, None)
        cur = None if cur is None or height is None else (cur[0] + height[0], cur[1] + height[1])
    if cur is not None and cur[1] > text_height(section):
        cur = None
    return cur, TableBox(tbl, page, rows, cur)


def tables(layout) -> list[TableBox]:
    """The top-level tables of the body as ``flow`` laid them out, in document order."""
    flow(layout)
    return layout.__dict__.get("_geometry_tables", [])


# --- vertical flow ------------------------------------------------------------------------


@dataclass
class Place:
    """Where a body paragraph stands: page (0-based) and its first line's top, in twips below the text block's top."""

    page: int | None
    top: Interval | None          # top of the first line (after the space before)
    line_height: Interval | None
    lines: Interval | None
    bottom: Interval | None       # below its last line and its space after


def _spacing(para, key: str, pitch: int | None) -> float | None:
    sp = para.props.get("spacing") or {}
    if sp.get(key.replace("before", "beforeAutospacing").replace("after", "afterAutospacing")) in ("1", "true", "on"):
        return None
    lines_key = key + "Lines"
    if lines_key in sp:
        try:
            value = float(sp[lines_key]) / 100
        except ValueError:
            return None
        return value * pitch if pitch else None
    try:
        return float(sp.get(key, 0) or 0)
    except ValueError:
        return None


def _inline_height(para) -> float:
    """Height in twips of the tallest inline picture or shape of ``para`` (0 without one)."""
    el = para.element
    if el is None:
        return 0.0
    best = 0.0
    for inline in el.iter(f"{{{WP}}}inline"):
        ext = inline.find(f"{{{WP}}}extent")
        if ext is not None and (ext.get("cy") or "").isdigit():
            best = max(best, int(ext.get("cy")) / EMU_PER_MM * TWIPS_PER_MM)
    return best


def line_height(para, pitch: int | None) -> Interval | None:
    """The height of one line of ``para`` in twips, as an interval."""
    sp = para.props.get("spacing") or {}
    rule = sp.get("lineRule") or "auto"
    try:
        line = float(sp.get("line")) if sp.get("line") else None
    except ValueError:
        return None
    size = _size(para) * TWIPS_PER_PT
    natural = (max(size * GLYPH_HEIGHT[0], _inline_height(para)), max(size * GLYPH_HEIGHT[1], _inline_height(para)))
    if rule == "exact" and line:
        return (line, line)
    snap = pitch is not None and para.props.get("snapToGrid", True)
    if rule == "atLeast" and line:
        natural = (max(line, natural[0]), max(line, natural[1]))
    elif line and line != 240:
        if snap:
            return None   # multiple spacing on a grid: Word's rounding is not known here
        natural = (natural[0] * line / 240, natural[1] * line / 240)
    if snap:
        return (max(1, math.ceil(natural[0] / pitch - 0.01)) * pitch, max(1, math.ceil(natural[1] / pitch - 0.01)) * pitch)
    return natural


def flow(layout) -> dict[int, Place]:
    """Paragraph number → its place, for the body paragraphs (not tables or text boxes); cached on the layout."""
    cached = layout.__dict__.get("_geometry_flow")
    if cached is not None:
        return cached
    doc = layout.doc
    out: dict[int, Place] = {}
    boxes: list[TableBox] = []
    page = 0
    y: Interval | None = (0.0, 0.0)
    paras = doc.paragraphs
    i = 0
    while i < len(paras):
        para = paras[i]
        i += 1
        if para.where == "表格":
            _, tbl = _cell_and_table(para)
            group = [para]
            while i < len(paras) and paras[i].where in ("表格", "文本框") and _cell_and_table(paras[i])[1] in (tbl, None):
                if paras[i].where == "表格":
                    group.append(paras[i])
                i += 1
            if tbl is None:
                y = None
                continue
            section = doc.sections[min(para.section, len(doc.sections) - 1)]
            if para.new_page:
                page = page + 1 if page is not None else None
                y = (0.0, 0.0)
            y, box = _table_flow(doc, tbl, group, section, y, page, out)
            boxes.append(box)
            if y is None:
                page = None
            continue
        if para.where != "正文":
            continue
        section = doc.sections[min(para.section, len(doc.sections) - 1)]
        pitch = line_pitch(section)
        if para.new_page:
            page = page + 1 if page is not None else None
            y = (0.0, 0.0)
        before = _spacing(para, "before", pitch)
        after = _spacing(para, "after", pitch)
        lh = line_height(para, pitch)
        count = line_count(para, section, doc.base_size, doc.default_tab) if para.text else (1, 1)
        top = _span(y, (before, before)) if y is not None and before is not None else None
        bottom = None
        if top is not None and lh is not None and count is not None and after is not None:
            bottom = (top[0] + lh[0] * count[0] + after, top[1] + lh[1] * count[1] + after)
            if bottom[1] > text_height(section):
                bottom = None   # runs past the page: where the next paragraph starts is not computed
                page = None
        out[para.number] = Place(page, top, lh, count, bottom)
        y = bottom
    layout.__dict__["_geometry_flow"] = out
    layout.__dict__["_geometry_tables"] = boxes
    return out


def page_top_mm(layout, para) -> Interval | None:
    """Top of ``para``'s first line in mm below the top of its page, if known."""
    place = flow(layout).get(para.number)
    if place is None or place.top is None:
        return None
    section = layout.doc.sections[min(para.section, len(layout.doc.sections) - 1)]
    return (_mm(abs(section.top) + place.top[0]), _mm(abs(section.top) + place.top[1]))


def glyph_top_mm(layout, para) -> Interval | None:
    """Top edge of ``para``'s first-line characters in mm below the page top (somewhere in the line box)."""
    top = page_top_mm(layout, para)
    place = flow(layout).get(para.number)
    if top is None or place is None or place.line_height is None:
        return None
    size = _size(para) * TWIPS_PER_PT
    slack = max(0.0, place.line_height[1] - size)
    return (top[0], top[1] + _mm(slack))


def _mm(twips: float) -> float:
    return twips / TWIPS_PER_MM


# --- drawn objects --------------------------------------------------------------------------


@dataclass
class Drawing:
    """A picture, shape, line or text box in a paragraph, with what its XML says of its place and look."""

    host: object                 # the Paragraph that anchors it
    kind: str                    # picture / line / shape / textbox
    name: str
    inline: bool
    v_from: str | None = None    # page, margin, topMargin, bottomMargin, paragraph, line
    v_mm: float | None = None    # offset of the top edge from v_from
    v_align: str | None = None
    h_from: str | None = None
    h_mm: float | None = None
    h_align: str | None = None
    width_mm: float | None = None
    height_mm: float | None = None
    color: str | None = None     # line or fill colour, "FF0000"
    compound: str | None = None  # a line's compound type: sng, dbl, thickThin, thinThick, tri
    element: object = None


def drawings(layout) -> list[Drawing]:
    """Every drawn object of the body, its headers and its footers, in document order; cached."""
    cached = layout.__dict__.get("_geometry_drawings")
    if cached is not None:
        return cached
    out: list[Drawing] = []
    paras = list(layout.doc.paragraphs)
    for section in layout.doc.sections:
        for store in (section.headers, section.footers):
            for plist in store.values():
                paras.extend(plist)
    seen = set()
    for para in paras:
        el = para.element
        if el is None or id(el) in seen:
            continue
        seen.add(id(el))
        for node in el.iter(f"{{{WP}}}anchor", f"{{{WP}}}inline", f"{{{V}}}shape", f"{{{V}}}line",
                            f"{{{V}}}rect", f"{{{V}}}roundrect", f"{{{V}}}oval"):
            if _owner(node, el) is not el:
                continue   # belongs to a paragraph nested in a text box: read with that paragraph
            if node.tag.startswith(f"{{{V}}}") and _in_choice_with_drawingml(node):
                continue   # the VML fallback of a DrawingML object already read
            d = _drawingml(node, para) if node.tag.startswith(f"{{{WP}}}") else _vml(node, para)
            if d is not None:
                out.append(d)
    layout.__dict__["_geometry_drawings"] = out
    return out


def _owner(node, stop):
    cur = node.getparent()
    while cur is not None and cur is not stop:
        if cur.tag == w("p"):
            return cur
        cur = cur.getparent()
    return cur


def _in_choice_with_drawingml(node) -> bool:
    cur = node.getparent()
    while cur is not None:
        if cur.tag == "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback":
            return True
        cur = cur.getparent()
    return False


def _color(el) -> str | None:
    if el is None:
        return None
    c = el.find(f"{{{A}}}solidFill/{{{A}}}srgbClr")
    return c.get("val").upper() if c is not None and c.get("val") else None


def _drawingml(node, host) -> Drawing | None:
    inline = node.tag == f"{{{WP}}}inline"
    doc_pr = node.find(f"{{{WP}}}docPr")
    name = doc_pr.get("name", "") if doc_pr is not None else ""
    ext = node.find(f"{{{WP}}}extent")
    d = Drawing(host=host, kind="shape", name=name, inline=inline, element=node)
    if ext is not None and (ext.get("cx") or "").isdigit() and (ext.get("cy") or "").isdigit():
        d.width_mm, d.height_mm = int(ext.get("cx")) / EMU_PER_MM, int(ext.get("cy")) / EMU_PER_MM
    if next(node.iter(f"{{{PIC}}}pic"), None) is not None:
        d.kind = "picture"
    elif next(node.iter(w("txbxContent")), None) is not None:
        d.kind = "textbox"
    geom = next(node.iter(f"{{{A}}}prstGeom"), None)
    if geom is not None and geom.get("prst") in ("line", "straightConnector1"):
        d.kind = "line"
    sp_pr = next(node.iter(f"{{{WPS}}}spPr"), None)
    if sp_pr is not None:
        ln = sp_pr.find(f"{{{A}}}ln")
        d.color = _color(ln) if d.kind == "line" else (_color(sp_pr) or _color(ln))
        if ln is not None:
            d.compound = ln.get("cmpd") or "sng"
    if not inline:
        for axis, tag in (("v", "positionV"), ("h", "positionH")):
            pos = node.find(f"{{{WP}}}{tag}")
            if pos is None:
                continue
            setattr(d, f"{axis}_from", pos.get("relativeFrom"))
            off = pos.find(f"{{{WP}}}posOffset")
            if off is not None and (off.text or "").strip().lstrip("-").isdigit():
                setattr(d, f"{axis}_mm", int(off.text) / EMU_PER_MM)
            align = pos.find(f"{{{WP}}}align")
            if align is not None:
                setattr(d, f"{axis}_align", (align.text or "").strip())
    return d


_VML_REL = {"page": "page", "margin": "margin", "top-margin-area": "topMargin", "bottom-margin-area": "bottomMargin",
            "text": "paragraph", "line": "line"}


def _length_mm(value: str) -> float | None:
    value = value.strip()
    for unit, per_mm in (("pt", 72 / 25.4), ("mm", 1.0), ("cm", 0.1), ("in", 1 / 25.4), ("px", 96 / 25.4)):
        if value.endswith(unit):
            try:
                return float(value[:-len(unit)]) / per_mm
            except ValueError:
                return None
    try:
        return float(value) / (96 / 25.4) if value else None   # VML's bare numbers are pixels
    except ValueError:
        return None


def _vml(node, host) -> Drawing | None:
    tag = node.tag.rsplit("}", 1)[-1]
    style = dict(item.split(":", 1) for item in (node.get("style") or "").split(";") if ":" in item)
    style = {k.strip(): v.strip() for k, v in style.items()}
    inline = style.get("position") != "absolute"
    d = Drawing(host=host, kind="shape", name=node.get("id") or node.get("alt") or "", inline=inline, element=node)
    if node.find(f"{{{V}}}imagedata") is not None:
        d.kind = "picture"
    elif node.find(f"{{{V}}}textbox") is not None:
        d.kind = "textbox"
    if tag == "line":
        d.kind = "line"
        try:
            x1, y1 = (_length_mm(v) for v in (node.get("from") or "0,0").split(",", 1))
            x2, y2 = (_length_mm(v) for v in (node.get("to") or "0,0").split(",", 1))
        except ValueError:
            return d
        if None not in (x1, y1, x2, y2):
            d.width_mm, d.height_mm = abs(x2 - x1), abs(y2 - y1)
            d.h_mm, d.v_mm = min(x1, x2), min(y1, y2)
    else:
        d.width_mm = _length_mm(style.get("width", ""))
        d.height_mm = _length_mm(style.get("height", ""))
        if "margin-top" in style:
            d.v_mm = _length_mm(style["margin-top"])
        if "margin-left" in style:
            d.h_mm = _length_mm(style["margin-left"])
    if not inline:
        d.v_from = _VML_REL.get(style.get("mso-position-vertical-relative", "text"), "paragraph")
        d.h_from = style.get("mso-position-horizontal-relative", "text")
        d.v_align = style.get("mso-position-vertical")
        d.h_align = style.get("mso-position-horizontal")
    color = node.get("strokecolor") if d.kind == "line" else (node.get("fillcolor") or node.get("strokecolor"))
    if color:
        color = color.split()[0].lstrip("#").upper()
        d.color = {"RED": "FF0000"}.get(color, color)
    stroke = node.find(f"{{{V}}}stroke")
    if stroke is not None:
        d.compound = {"single": "sng", "thinThin": "dbl", "thinThick": "thinThick", "thickThin": "thickThin",
                      "thickBetweenThin": "tri"}.get(stroke.get("linestyle") or "single", "sng")
    elif d.kind == "line":
        d.compound = "sng"
    return d


def drawing_top_mm(layout, d: Drawing) -> Interval | None:
    """Top edge of a floating object in mm below its page's top, if its anchoring can be followed."""
    host = d.host
    section = layout.doc.sections[min(host.section, len(layout.doc.sections) - 1)]
    page_h = _mm(section.page_height)
    top_m, bottom_m = _mm(abs(section.top)), _mm(abs(section.bottom))
    height = d.height_mm or 0.0
    if d.inline:
        return page_top_mm(layout, host) if host.where == "正文" else None
    if d.v_align:
        frames = {"page": (0.0, page_h), "margin": (top_m, page_h - bottom_m), "topMargin": (0.0, top_m),
                  "bottomMargin": (page_h - bottom_m, page_h)}
        if d.v_from not in frames:
            return None
        lo, hi = frames[d.v_from]
        where = {"top": lo, "center": (lo + hi - height) / 2, "bottom": hi - height}.get(d.v_align)
        return None if where is None else (where, where)
    if d.v_mm is None:
        return None
    base = {"page": 0.0, "topMargin": 0.0, "margin": top_m, "bottomMargin": page_h - bottom_m}.get(d.v_from or "")
    if base is not None:
        return (base + d.v_mm, base + d.v_mm)
    if d.v_from in ("paragraph", "line") and host.where == "正文":
        top = page_top_mm(layout, host)
        if top is None:
            return None
        if d.v_from == "line":
            place = flow(layout).get(host.number)
            if place is None or place.lines != (1, 1):
                return None   # the anchor's line in a wrapped paragraph is not computed
        return (top[0] + d.v_mm, top[1] + d.v_mm)
    return None


def page_of(layout, para) -> int | None:
    place = flow(layout).get(para.number)
    return place.page if place is not None else None


def gap(layout, a, b) -> Interval | None:
    """Distance in twips from the bottom of ``a``'s last line to the top of ``b``'s first line (same page).

    Summed from what lies between (``a``'s space after, the paragraphs in
    between, ``b``'s space before), so an uncertainty above both does not count.
    """
    places = flow(layout)
    pa, pb = places.get(a.number), places.get(b.number)
    if pa is None or pb is None or pa.page is None or pa.page != pb.page or a.number >= b.number:
        return None
    lo = hi = 0.0
    doc = layout.doc
    for para in doc.paragraphs[a.number - 1:b.number]:
        if para.where == "表格" or a.where == "表格":
            # A table between (or around) them: the distance of their places, each known on its own.
            if pa.top is None or pb.top is None or pa.line_height is None or pa.lines is None:
                return None
            end = (pa.top[0] + pa.line_height[0] * pa.lines[0], pa.top[1] + pa.line_height[1] * pa.lines[1])
            return (pb.top[0] - end[1], pb.top[1] - end[0])
        place = places.get(para.number)
        if place is None:
            continue
        section = doc.sections[min(para.section, len(doc.sections) - 1)]
        pitch = line_pitch(section)
        before = _spacing(para, "before", pitch)
        after = _spacing(para, "after", pitch)
        if para is a:
            if after is None:
                return None
            lo, hi = lo + after, hi + after
        elif para is b:
            if before is None:
                return None
            lo, hi = lo + before, hi + before
        else:
            if place.bottom is None or place.top is None or before is None:
                return None
            # The paragraph's own extent: before + its lines + after.
            lines_lo = place.line_height[0] * place.lines[0] if place.line_height and place.lines else None
            lines_hi = place.line_height[1] * place.lines[1] if place.line_height and place.lines else None
            if lines_lo is None or after is None:
                return None
            lo, hi = lo + before + lines_lo + after, hi + before + lines_hi + after
    return (lo, hi)
