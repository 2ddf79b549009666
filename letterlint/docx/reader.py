"""A .docx as the reader sees it: paragraphs in reading order with their runs' formatting.

What counts as text: the body's paragraphs, the paragraphs of tables and of
text boxes (红头 templates put the 发文机关标志, 签发人 and 发文字号 there)
in reading order; manual line breaks (a new line of the letter); tracked
changes accepted (insertions in, deletions out); automatic numbering as
shown.  What does not: hidden text, field codes (their results count),
deleted text, comments.  Headers and footers are read apart from the body,
for the page-number rule.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from letterlint.decode import InputError
from letterlint.docx.numbering import Numbering
from letterlint.docx.package import Package, describe_container, w
from letterlint.docx.sniff import kind_of_bytes
from letterlint.docx.styles import RunFormat, Styles

VAL = w("val")
P_PR, R_PR, DEL, SECT_PR, TYPE, T, R_TAG = w("pPr"), w("rPr"), w("del"), w("sectPr"), w("type"), w("t"), w("r")
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MAX_PARAGRAPHS = 100_000
MAX_DEPTH = 20          # tables in text boxes in tables …
SKIP_TAGS = frozenset(("del", "moveFrom", "delText", "instrText", "delInstrText", "commentReference",
                       "footnoteReference", "endnoteReference", "pPr", "rPr", "proofErr", "bookmarkStart",
                       "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "permStart", "permEnd"))
CONTAINER_TAGS = frozenset(("ins", "moveTo", "hyperlink", "smartTag", "customXml", "sdt", "sdtContent",
                            "fldSimple", "bdo", "dir"))


@dataclass
class Piece:
    """Characters ``start:end`` of a paragraph's text and where they come from.

    ``run`` is the 1-based index of the ``w:r`` in the paragraph (None for an
    automatic-numbering label); ``node`` is the ``w:t`` (or ``w:tab``/``w:br``)
    element and ``offset`` the first character of this piece in it, for
    ``--annotate``.
    """

    start: int
    end: int
    run: int | None
    fmt: RunFormat
    node: object = None
    offset: int = 0


@dataclass
class Paragraph:
    number: int                  # 段N: 1-based, in reading order
    text: str                    # manual line breaks are "\n"
    pieces: list[Piece]
    props: dict                  # resolved paragraph properties (jc, ind, spacing, numPr, …)
    mark: RunFormat              # the paragraph's own run format (its style): for empty paragraphs
    where: str = "正文"          # 正文 / 表格 / 文本框 / 页脚 / 页眉
    section: int = 0
    new_page: bool = False       # starts a new page (page break, pageBreakBefore, section break)
    label: int = 0               # characters of automatic numbering at the start of ``text``
    fields: list = field(default_factory=list)   # (instruction, start, end) of field results
    row: int | None = None       # table row id: the cells of one row read as one line
    mark_deleted: bool = False   # its paragraph mark is a tracked deletion: accepted, it joins the next
    element: object = None
    anchor: dict | None = None   # for a text box: position of its shape ({"v_from": …, "v_mm": …, "h_align": …})

    def piece_at(self, offset: int) -> Piece | None:
        """The piece holding character ``offset``.

        The layout rules ask for every character in turn, so the piece found
        last is tried first; otherwise a binary search.
        """
        cache = self.__dict__
        last = cache.get("_last")
        if last is not None and last.start <= offset < last.end:
            return last
        starts = cache.get("_starts")
        if starts is None or len(starts) != len(self.pieces):
            starts = cache["_starts"] = [p.start for p in self.pieces]
        i = bisect_right(starts, offset) - 1
        if i >= 0 and offset < self.pieces[i].end:
            cache["_last"] = self.pieces[i]
            return self.pieces[i]
        return None

    def format_at(self, offset: int) -> RunFormat:
        piece = self.piece_at(offset)
        return piece.fmt if piece is not None else self.mark

    def run_at(self, offset: int) -> int | None:
        piece = self.piece_at(offset)
        return piece.run if piece is not None else None


@dataclass
class Section:
    page_width: int = 11906      # twips (1/20 pt); A4 by default
    page_height: int = 16838
    top: int = 1440
    bottom: int = 1440
    left: int = 1800
    right: int = 1800
    gutter: int = 0
    footer_distance: int = 720
    header_distance: int = 720
    grid_type: str | None = None
    line_pitch: int | None = None
    char_space: int | None = None
    title_page: bool = False
    footers: dict[str, list[Paragraph]] = field(default_factory=dict)   # default / even / first
    headers: dict[str, list[Paragraph]] = field(default_factory=dict)
    start_type: str = "nextPage"


@dataclass
class WordDocument:
    paragraphs: list[Paragraph]
    sections: list[Section]
    even_odd: bool                # different footers on even and odd pages
    base_size: float              # the Normal style's size, the document grid's character unit
    package: Package | None = None
    default_tab: int = 720        # twips between default tab stops (w:defaultTabStop; Word's default ½ inch)


def open_package(data: bytes, name: str) -> Package:
    kind = kind_of_bytes(data[:1024])
    if kind != "zip":
        message = describe_container(kind or "", data, name) if kind else None
        raise InputError(message or f"{name}：不是 Word 文档（.docx）")
    return Package(data, name)


def read_docx(data: bytes, name: str, root=None) -> WordDocument:
    """The document in ``data``; ``root``, if given, is the already parsed main part to walk (for --annotate)."""
    pkg = open_package(data, name)
    main = pkg.main
    root = pkg.xml(main) if root is None else root
    body = root.find(w("body")) if root is not None else None
    if body is None:
        raise InputError(f"{name}：Word 文档中没有正文（w:body）")
    styles = Styles(pkg, main)
    num_part = pkg.related(main, "numbering")
    numbering = Numbering(pkg.xml(num_part) if num_part else None)
    settings_part = pkg.related(main, "settings")
    settings = pkg.xml(settings_part) if settings_part else None
    even_odd = settings is not None and settings.find(w("evenAndOddHeaders")) is not None \
        and settings.find(w("evenAndOddHeaders")).get(VAL, "1") not in ("0", "false", "off")
    walker = _Walker(styles, numbering, name)
    walker.block(body, "正文", 0)
    sections = [_section(s, pkg, main, styles, numbering, name) for s in walker.section_props]
    if not sections or walker.open_section:
        sections.append(_section(body.find(w("sectPr")), pkg, main, styles, numbering, name))
    for prev, cur in zip(sections, sections[1:]):   # a section without its own footer keeps the previous one
        for store in ("footers", "headers"):
            for kind, paras in getattr(prev, store).items():
                getattr(cur, store).setdefault(kind, paras)
    for p in walker.paragraphs:
        p.section = min(p.section, len(sections) - 1)
    normal = styles.format(styles.paragraph(None)[1])
    tab = settings.find(w("defaultTabStop")) if settings is not None else None
    default_tab = _int(tab, "val", 720) or 720
    return WordDocument(walker.paragraphs, sections, even_odd, normal.size, pkg, max(default_tab, 20))


class _Walker:
    """One pass over a story (body, header, footer), collecting paragraphs in reading order."""

    def __init__(self, styles: Styles, numbering: Numbering, name: str):
        self.styles = styles
        self.numbering = numbering
        self.name = name
        self.paragraphs: list[Paragraph] = []
        self.section_props: list = []      # the w:sectPr that end each section but the last
        self.open_section = True
        self.fields: list[list] = []       # stack of [instruction, state] for complex fields
        self.page_pending = False          # a page or section break waits for the next paragraph
        self.rows = 0
        self.formats: dict[tuple, RunFormat] = {}
        from lxml import etree

        self.tostring = etree.tostring

    def _format(self, props: dict, para_rpr: dict, rpr) -> RunFormat:
        """The run format of ``rpr`` in a paragraph of this style, resolved once per distinct pair.

        ``para_rpr`` depends only on the paragraph style, so (style, the rPr's
        XML) decides the result; a letter has few distinct pairs and many runs.
        """
        key = (props.get("style"), self.tostring(rpr) if rpr is not None else None)
        fmt = self.formats.get(key)
        if fmt is None:
            fmt = self.formats[key] = self.styles.run(para_rpr, rpr)
        return fmt

    def block(self, parent, where: str, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise InputError(f"{self.name}：表格或文本框嵌套过深（超过 {MAX_DEPTH} 层），已拒绝读取")
        for child in parent:
            tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
            if tag == "p":
                self.paragraph(child, where, depth)
            elif tag == "tbl":
                for row in child.iterfind(w("tr")):
                    self.rows += 1
                    row_id = self.rows
                    before = len(self.paragraphs)
                    for cell in row.iterfind(w("tc")):
                        self.block(cell, "表格" if where == "正文" else where, depth + 1)
                    for q in self.paragraphs[before:]:
                        if q.row is None:
                            q.row = row_id
            elif tag in ("sdt", "customXml"):
                content = child.find(w("sdtContent")) if tag == "sdt" else child
                if content is not None:
                    self.block(content, where, depth + 1)
            elif tag == "AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    self.block(choice, where, depth + 1)

    def paragraph(self, p, where: str, depth: int) -> None:
        if len(self.paragraphs) >= MAX_PARAGRAPHS:
            raise InputError(f"{self.name}：段落超过 {MAX_PARAGRAPHS:,} 个，不像是一份公文，已拒绝读取")
        ppr_el = p.find(P_PR)
        props, para_rpr = self.styles.paragraph(ppr_el)
        level = self.numbering.level(*props["numPr"]) if props.get("numPr") else None
        if level is not None and level.ppr:
            props = self.styles.paragraph(ppr_el, level.ppr)[0]
        mark_rpr = ppr_el.find(R_PR) if ppr_el is not None else None
        mark = self._format(props, para_rpr, mark_rpr)
        para = Paragraph(number=0, text="", pieces=[], props=props, mark=mark, where=where,
                         section=len(self.section_props), element=p)
        para.mark_deleted = mark_rpr is not None and mark_rpr.find(DEL) is not None
        para.new_page = bool(props.get("pageBreakBefore")) or self.page_pending
        self.page_pending = False
        num = props.get("numPr")
        chunks: list[str] = []
        if num:
            label = self.numbering.label(*num)
            if label:
                chunks.append(label)
                # The number is set in the paragraph mark's format with the level's run properties on top.
                fmt = self.styles.run(para_rpr, mark_rpr, level.rpr) if level is not None and level.rpr else mark
                para.pieces.append(Piece(0, len(label), None, fmt))
                para.label = len(label)
        boxes: list = []
        state = {"run": 0, "len": para.label, "text_after_break": False}
        self._inline(p, para, para_rpr, chunks, boxes, state, depth)
        para.text = "".join(chunks)
        if state.get("break_at_end"):
            self.page_pending = True
        for box, anchor in boxes:
            before = len(self.paragraphs)
            self.block(box, "文本框", depth + 1)
            for q in self.paragraphs[before:]:
                q.anchor = anchor
        para.number = len(self.paragraphs) + 1
        self.paragraphs.append(para)
        sect = ppr_el.find(SECT_PR) if ppr_el is not None else None
        if sect is not None and where == "正文":
            self.section_props.append(sect)
            t = sect.find(TYPE)
            # The section break's kind is that of the next section; read at the next sectPr, approximated here.
            self.page_pending = self.page_pending or t is None or t.get(VAL) != "continuous"

    def _inline(self, parent, para: Paragraph, para_rpr: dict, chunks: list[str], boxes: list, state: dict,
                depth: int) -> None:
        for child in parent:
            if not isinstance(child.tag, str):
                continue
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "r":
                state["run"] += 1
                self._run(child, para, para_rpr, chunks, boxes, state, depth)
            elif tag in CONTAINER_TAGS:
                start = state["len"]
                self._inline(child, para, para_rpr, chunks, boxes, state, depth)
                if tag == "fldSimple":
                    para.fields.append((child.get(w("instr"), "").strip(), start, state["len"]))
            elif tag == "oMath" or tag == "oMathPara":
                for t in child.iter("{http://schemas.openxmlformats.org/officeDocument/2006/math}t"):
                    self._text(t.text or "", para, None, para.mark, chunks, state, t)

    def _run(self, r, para, para_rpr, chunks, boxes, state, depth) -> None:
        fmt = self._format(para.props, para_rpr, r.find(R_PR))
        for child in r:
            if not isinstance(child.tag, str):
                continue
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "fldChar":
                kind = child.get(w("fldCharType"))
                if kind == "begin":
                    self.fields.append(["", "code", state["len"]])
                elif kind == "separate" and self.fields:
                    self.fields[-1][1] = "result"
                    self.fields[-1][2] = state["len"]
                elif kind == "end" and self.fields:
                    instr, _, start = self.fields.pop()
                    para.fields.append((instr.strip(), start, state["len"]))
                continue
            if tag == "instrText":
                if self.fields:
                    self.fields[-1][0] += child.text or ""
                continue
            if tag in ("drawing", "pict", "AlternateContent", "object"):
                self._boxes(child, boxes)
                continue
            if fmt.hidden or any(f[1] == "code" for f in self.fields):
                continue
            if tag == "t":
                self._text(child.text or "", para, state["run"], fmt, chunks, state, child)
            elif tag == "tab" or tag == "ptab":
                self._text("\t", para, state["run"], fmt, chunks, state, child)
            elif tag in ("br", "cr"):
                kind = child.get(w("type"))
                if kind == "page" or kind == "column":
                    if not para.text and state["len"] == para.label:
                        para.new_page = True
                    else:
                        state["break_at_end"] = True
                    continue
                self._text("\n", para, state["run"], fmt, chunks, state, child)
            elif tag == "noBreakHyphen":
                self._text("-", para, state["run"], fmt, chunks, state, child)
            elif tag == "sym":
                code = child.get(w("char"), "")
                try:
                    ch = chr(int(code, 16))
                except ValueError:
                    continue
                if not 0xF000 <= ord(ch) <= 0xF0FF:   # symbol-font private codes are not text
                    self._text(ch, para, state["run"], fmt, chunks, state, child)

    def _text(self, text, para, run, fmt, chunks, state, node) -> None:
        if not text:
            return
        if state.get("break_at_end"):
            state["break_at_end"] = False   # text follows the page break: it was not at the end
        start = state["len"]
        chunks.append(text)
        state["len"] += len(text)
        para.pieces.append(Piece(start, state["len"], run, fmt, node, 0))

    def _boxes(self, el, boxes: list) -> None:
        """Text boxes inside a drawing: the outermost w:txbxContent, the DrawingML choice only."""
        if el.tag == f"{{{MC}}}AlternateContent":
            choice = el.find(f"{{{MC}}}Choice")
            if choice is None:
                choice = el.find(f"{{{MC}}}Fallback")
            el = choice if choice is not None else el
        anchor = _anchor(el)
        stack = [el]
        while stack:
            node = stack.pop()
            for child in node:
                if not isinstance(child.tag, str):
                    continue
                if child.tag == w("txbxContent"):
                    boxes.append((child, anchor))
                elif child.tag == f"{{{MC}}}AlternateContent":
                    self._boxes(child, boxes)
                else:
                    stack.append(child)


WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def _anchor(el) -> dict | None:
    """Where a text box stands: the DrawingML anchor's positions, size and text insets, or a VML shape's style.

    Keys (each only when the XML says it): ``v_from``, ``v_mm``, ``h_from``, ``h_align``
    (left/center/right/inside/outside), ``h_mm``, ``width_mm``, ``l_ins``/``r_ins`` (mm).
    """
    anchor = next(el.iter(f"{{{WP}}}anchor"), None)
    if anchor is None:
        return _vml_anchor(el)
    out: dict = {}
    for axis, tag in (("v", "positionV"), ("h", "positionH")):
        pos = anchor.find(f"{{{WP}}}{tag}")
        if pos is None:
            continue
        out[f"{axis}_from"] = pos.get("relativeFrom")
        off = pos.find(f"{{{WP}}}posOffset")
        if off is not None and (off.text or "").strip().lstrip("-").isdigit():
            out[f"{axis}_mm"] = int(off.text) / 36000
        align = pos.find(f"{{{WP}}}align")
        if align is not None:
            out[f"{axis}_align"] = (align.text or "").strip()
    ext = anchor.find(f"{{{WP}}}extent")
    if ext is not None and (ext.get("cx") or "").isdigit():
        out["width_mm"] = int(ext.get("cx")) / 36000
    body = next(anchor.iter("{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}bodyPr"), None)
    for key, attr in (("l_ins", "lIns"), ("r_ins", "rIns")):
        value = body.get(attr) if body is not None else None
        out[key] = int(value) / 36000 if value and value.isdigit() else 2.54   # Word's default inset: 0.1 inch
    return out


def _vml_anchor(el) -> dict | None:
    from letterlint.docx.geometry import _length_mm

    shape = next((n for n in el.iter() if isinstance(n.tag, str)
                  and n.tag.startswith("{urn:schemas-microsoft-com:vml}") and n.get("style")), None)
    if shape is None:
        return None
    style = {k.strip(): v.strip() for k, _, v in (item.partition(":") for item in shape.get("style", "").split(";")) if k.strip()}
    if style.get("position") != "absolute":
        return None
    out: dict = {"h_from": {"page": "page", "margin": "margin", "text": "column"}.get(
        style.get("mso-position-horizontal-relative", "text"), style.get("mso-position-horizontal-relative")),
        "l_ins": 2.54, "r_ins": 2.54}
    if style.get("mso-position-horizontal"):
        out["h_align"] = style["mso-position-horizontal"]
    for key, name in (("h_mm", "margin-left"), ("width_mm", "width")):
        if name in style and _length_mm(style[name]) is not None:
            out[key] = _length_mm(style[name])
    return out


def _int(el, attr: str, default: int | None) -> int | None:
    """An integer attribute; ``default`` when absent, unreadable or outside the 32 bits every OOXML number has.

    LibreOffice writes a negative docGrid charSpace as an unsigned number (4294949887), measured from a base it
    does not write down: read as a number it made 0 characters (or lines) per page, so it counts as unknown and
    the rules that need it stay silent.  "1e999" no longer refuses the whole file.
    """
    if el is None:
        return default
    v = el.get(w(attr))
    try:
        n = int(float(v)) if v is not None else default
    except (ValueError, OverflowError):
        return default
    return n if n is None or -2**31 <= n < 2**31 else default


def _section(sect, pkg: Package, main: str, styles: Styles, numbering: Numbering, name: str) -> Section:
    s = Section()
    if sect is None:
        return s
    size = sect.find(w("pgSz"))
    s.page_width = _int(size, "w", s.page_width)
    s.page_height = _int(size, "h", s.page_height)
    mar = sect.find(w("pgMar"))
    s.top = _int(mar, "top", s.top)
    s.bottom = _int(mar, "bottom", s.bottom)
    s.left = _int(mar, "left", s.left)
    s.right = _int(mar, "right", s.right)
    s.gutter = _int(mar, "gutter", 0)
    s.footer_distance = _int(mar, "footer", s.footer_distance)
    s.header_distance = _int(mar, "header", s.header_distance)
    grid = sect.find(w("docGrid"))
    if grid is not None:
        s.grid_type = grid.get(w("type"))
        s.line_pitch = _int(grid, "linePitch", None)
        s.char_space = _int(grid, "charSpace", None)
    s.title_page = sect.find(w("titlePg")) is not None and sect.find(w("titlePg")).get(VAL, "1") not in ("0", "false")
    t = sect.find(w("type"))
    s.start_type = t.get(VAL, "nextPage") if t is not None else "nextPage"
    rels = pkg.rels(main)
    for tag, store, where in (("footerReference", s.footers, "页脚"), ("headerReference", s.headers, "页眉")):
        for ref in sect.iterfind(w(tag)):
            rel = rels.get(ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", ""))
            if rel is None:
                continue
            root = pkg.xml(rel[1])
            if root is None:
                continue
            walker = _Walker(styles, numbering, name)
            walker.block(root, where, 0)
            store[ref.get(w("type"), "default")] = walker.paragraphs
    return s
