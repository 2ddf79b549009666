"""The layout rules (GB/T 9704-2012): what only the Word file shows.

These rules read ``letter.layout`` (``letterlint.docx.view.Layout``): the
paragraphs and sections of the .docx behind the letter, with every run's
resolved formatting.  On a text or Markdown draft there is no layout and they
stay silent.  Their examples are Word documents described line by line (see
``letterlint.docx.spec``): ``{字体=黑体 字号=16}`` before a line is its format.
Offices adapt the form, so nearly all are warnings, and fonts and sizes are
settings of the local format (``[local]`` in the config).
"""
from __future__ import annotations

from collections.abc import Iterator

from letterlint.docx.fonts import family, size_name
from letterlint.model import PAD, Span
from letterlint.record import Record
from letterlint.rules.base import Finding, rule


class _Geometry:
    """``letterlint.docx.geometry``, imported when a Word draft is first measured: its rules are
    registered on every run, but a text draft never needs the module (a pre-commit hook saves its import)."""

    def __getattr__(self, name: str):
        if name.startswith("__"):  # asked of every module value by the rule registry
            raise AttributeError(name)
        global geometry
        from letterlint.docx import geometry as module

        geometry = module
        return getattr(module, name)


geometry = _Geometry()

TWIPS_PER_MM = 1440 / 25.4
FONT_ALIASES: list[str] = []   # default of the font-aliases setting: "字体名=家族"
HEADING_FONTS = ["黑体", "楷体", "仿宋", "仿宋"]
BLACK_LIMIT = 0x40             # a colour whose channels are all below this reads as black


def _mm(twips: float) -> float:
    return twips / TWIPS_PER_MM


def _cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80 and ch not in PAD


def _black(color: str | None) -> bool:
    if not color or len(color) != 6:
        return True
    try:
        return all(int(color[i:i + 2], 16) < BLACK_LIMIT for i in (0, 2, 4))
    except ValueError:
        return True


def _red(color: str | None) -> bool:
    if not color or len(color) != 6:
        return False
    try:
        r, g, b = (int(color[i:i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return r >= 0xB0 and g <= 0x60 and b <= 0x60


def check_format(letter, part, label: str, font: str | None, size: float | None, aliases,
                 limit: tuple[int, int] | None = None) -> Iterator[Finding]:
    """Stretches of ``part`` not in ``font`` (family, Chinese characters) or not at ``size``.

    ``limit`` narrows the check to the 0-based columns [a, b) of the part's first line.
    """
    layout = letter.layout
    want_family = family(font, aliases) if font else None
    first = part.lines[0].number
    for line_no, a, b, para, off in layout.stretches(part):
        base = off - a   # paragraph offset of column 0 of this stretch's line
        if limit is not None:
            if line_no != first:
                continue
            a, b = max(a, limit[0]), min(b, limit[1])
        text = letter.lines[line_no - 1].text
        for kind in ("font", "size"):
            if (kind == "font" and want_family is None) or (kind == "size" and size is None):
                continue
            # One finding per line and kind: the first wrong stretch, with the count of the others.
            found: list[tuple[int, int, object]] = []
            start = None
            actual = None
            for k in range(a, b + 1):
                bad = None
                if k < b and text[k] not in PAD:
                    fmt = para.format_at(base + k)
                    if kind == "font" and _cjk(text[k]):
                        got = fmt.font
                        bad = None if family(got, aliases) == want_family else (got or "未设置")
                    elif kind == "size":
                        bad = None if abs(fmt.size - size) < 0.26 else fmt.size
                if bad is not None and start is not None and bad != actual:
                    found.append((start, k, actual))
                    start = None
                if bad is not None and start is None:
                    start, actual = k, bad
                elif bad is None and start is not None and (k == b or text[k] not in PAD):
                    found.append((start, k, actual))
                    start = None
            if found:
                s0, e0, got = found[0]
                yield _format_finding(line_no, s0, e0, label, kind, got, want_family, size, len(found))


def _format_finding(line_no, start, end, label, kind, actual, want_family, size, count: int = 1) -> Finding:
    span = Span(line_no, start + 1, line_no, end + 1)
    more = f"（这一行共{count}处）" if count > 1 else ""
    if kind == "font":
        return Finding(span, f"{label}应使用{want_family}，此处是“{actual}”{more}", f"把字体改为{want_family}")
    return Finding(span, f"{label}应为{size_name(size)}，此处是{size_name(actual)}{more}",
                   f"把字号改为{size_name(size)}")


def _first_line_of_paragraph(layout, part) -> tuple | None:
    """(line, start, end, paragraph, offset) of the part's first line if it opens its paragraph."""
    for stretch in layout.stretches(part):
        line_no, _, _, para, _ = stretch
        if layout.first_line.get(para.number) == line_no and para.where == "正文":
            return stretch
        return None
    return None


def _char_size(para) -> float:
    sizes = [p.fmt.size for p in para.pieces if p.end > p.start]
    return sizes[0] if sizes else para.mark.size


def indents(para) -> tuple[float, float, float]:
    """(left, first-line, right) indent in characters; first-line is negative for a hanging indent."""
    ind = para.props.get("ind") or {}
    unit = _char_size(para) * 20 or 320   # twips per character (a 3号 character if the size reads 0)

    def chars(name_chars: str, name: str, alt: str | None = None) -> float:
        for key in (name_chars, name, alt):
            if key and key in ind:
                try:
                    value = float(ind[key])
                except ValueError:
                    continue
                return value / 100 if key.endswith("Chars") else value / unit
        return 0.0

    left = chars("leftChars", "left", "start") if "startChars" not in ind else float(ind["startChars"]) / 100
    right = chars("rightChars", "right", "end") if "endChars" not in ind else float(ind["endChars"]) / 100
    if "hangingChars" in ind or "hanging" in ind:
        first = -chars("hangingChars", "hanging")
    else:
        first = chars("firstLineChars", "firstLine")
    return left, first, right


def _pad_width(s: str) -> float | None:
    """Width of padding in characters (full-width space 1, ASCII space ½); None with a tab."""
    width = 0.0
    for ch in s:
        if ch == "\t":
            return None
        width += 0.5 if ch == " " else 1.0
    return width


def _width(s: str) -> float:
    return sum(0.5 if ord(ch) < 0x2E80 and ch != "\u3000" else 1.0 for ch in s)


def lead(para) -> float | None:
    """Where the first line's text starts, in characters from the left edge of the text block."""
    left, first, _ = indents(para)
    text = para.text.split("\n", 1)[0]
    pad = _pad_width(text[:len(text) - len(text.lstrip(PAD))])
    return None if pad is None else left + first + pad


def trail(para) -> float | None:
    """Space after the last character of a right-aligned paragraph, in characters."""
    _, _, right = indents(para)
    text = para.text.rsplit("\n", 1)[-1]
    pad = _pad_width(text[len(text.rstrip(PAD)):])
    return None if pad is None else right + pad


def _line_span(letter, line_no: int) -> Span:
    return letter.lines[line_no - 1].span()


def _near(a: float, b: float, tolerance: float = 0.3) -> bool:
    return abs(a - b) <= tolerance


def _fmt(n: float) -> str:
    text = f"{n:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


# --- page --------------------------------------------------------------------------


def _section_spans(letter):
    """(section, span of its first line) for each section of the document."""
    layout = letter.layout
    seen = set()
    for para in layout.doc.paragraphs:
        if para.section in seen or para.where != "正文" or para.number not in layout.first_line:
            continue
        seen.add(para.section)
        yield layout.doc.sections[para.section], _line_span(letter, layout.first_line[para.number])


@rule("LAYOUT-001", "page-a4", "error", needs_layout=True)
def page_a4(letter, options):
    """公文用纸为 A4（210 mm × 297 mm）。

    依据：《党政机关公文处理工作条例》第十二条；GB/T 9704-2012 5.1。横向的 A4 页（如横排表格的附件页）也是 A4。

    例子是 Word 文档：每行一段，行首 {…} 是该段格式，[[格式|文字]] 是部分文字的格式（写法见 docs/docx.md）。

    反例：
        @页面 宽=215.9 高=279.4
        示例市教育局关于调整校车线路的函
        示例市交通运输局：

    正例：
        @页面 宽=210 高=297
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
    """
    if letter.layout is None:
        return
    for section, span in _section_spans(letter):
        w, h = sorted((_mm(section.page_width), _mm(section.page_height)))
        if not (_near(w, 210, 1) and _near(h, 297, 1)):
            yield Finding(span, f"纸张应为 A4（210 mm × 297 mm），此处是 {_fmt(w)} mm × {_fmt(h)} mm",
                          "在“布局—纸张大小”中选 A4")


@rule("LAYOUT-002", "page-margins", "warning", needs_layout=True)
def page_margins(letter, options):
    """页边距：天头（上白边）37 mm ± 1 mm，订口（左白边）28 mm ± 1 mm，版心 156 mm × 225 mm。

    由此下白边约 35 mm、右白边约 26 mm。

    依据：GB/T 9704-2012 5.2.1。

    例子是 Word 文档：每行一段，行首 {…} 是该段格式，[[格式|文字]] 是部分文字的格式（写法见 docs/docx.md）。

    反例：
        @页面 上=25.4 下=25.4 左=31.8 右=31.8
        示例市教育局关于调整校车线路的函
        示例市交通运输局：

    正例：
        @页面 上=37 下=35 左=28 右=26
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
    """
    if letter.layout is None:
        return
    for section, span in _section_spans(letter):
        if section.page_width > section.page_height:
            continue  # a landscape page (a wide table): its margins turn with it
        top, left = _mm(section.top), _mm(section.left + section.gutter)
        width = _mm(section.page_width - section.left - section.right - section.gutter)
        height = _mm(section.page_height - abs(section.top) - abs(section.bottom))
        problems = []
        if not _near(top, 37, 1):
            problems.append(f"上边距 {_fmt(top)} mm（应为 37 mm）")
        if not _near(left, 28, 1):
            problems.append(f"左边距 {_fmt(left)} mm（应为 28 mm）")
        if not _near(width, 156, 1):
            problems.append(f"版心宽 {_fmt(width)} mm（应为 156 mm，右边距约 26 mm）")
        if not _near(height, 225, 1):
            problems.append(f"版心高 {_fmt(height)} mm（应为 225 mm，下边距约 35 mm）")
        if problems:
            yield Finding(span, "页边距不合规定：" + "，".join(problems),
                          "页边距设为上 37 mm、下 35 mm、左 28 mm、右 26 mm")


@rule("LAYOUT-003", "page-grid", "warning", options={"lines-per-page": 22, "chars-per-line": 28}, needs_layout=True)
def page_grid(letter, options):
    """每面排 22 行，每行排 28 个字（文档网格，或约 29 磅的固定行距）。

    从文档网格（“指定行和字符网格”）读每页行数和每行字数；没有网格时从正文的固定行距推算行数。
    两者都没有时无法确定，不报告。每行字数按 Word 和 LibreOffice 的排法计算：一格宽为“正文”样式字号加
    charSpace/4096 磅，版心宽除以格宽后去掉小数（差 0.05 格以内算满一格）。机关另有规定的，在配置中设置 lines-per-page、chars-per-line。

    依据：GB/T 9704-2012 5.2.3（“一般每面排22行，每行排28个字，并撑满版心”）。

    例子是 Word 文档：每行一段，行首 {…} 是该段格式，[[格式|文字]] 是部分文字的格式（写法见 docs/docx.md）。

    反例：
        @页面 网格=20x30
        示例市教育局关于调整校车线路的函
        示例市交通运输局：

    正例：
        @页面 网格=22x28
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
    """
    layout = letter.layout
    if layout is None:
        return
    want_lines, want_chars = options["lines-per-page"], options["chars-per-line"]
    for section, span in _section_spans(letter):
        if section.page_width > section.page_height:
            continue
        height = section.page_height - abs(section.top) - abs(section.bottom)
        problems = []
        lines = chars = None
        if section.grid_type in ("lines", "linesAndChars", "snapToChars") and section.line_pitch:
            lines = int(height / section.line_pitch + 0.05)
        else:
            exact = [int(p.props["spacing"]["line"]) for p in layout.doc.paragraphs
                     if p.where == "正文" and p.section == layout.doc.sections.index(section)
                     and (p.props.get("spacing") or {}).get("lineRule") == "exact"
                     and (p.props["spacing"].get("line") or "").isdigit()]
            if exact:
                lines = int(height / max(set(exact), key=exact.count) + 0.05)
        chars = geometry.chars_per_line(section, layout.doc.base_size)
        if lines is not None and lines != want_lines:
            problems.append(f"每页 {lines} 行（应为 {want_lines} 行）")
        if chars is not None and chars != want_chars:
            problems.append(f"每行 {chars} 字（应为 {want_chars} 字）")
        if problems:
            yield Finding(span, "版面行数字数不合规定：" + "，".join(problems),
                          f"在“页面设置—文档网格”中指定每页 {want_lines} 行、每行 {want_chars} 字")


_BODY_KINDS = {"paragraph": "正文", "closing": "正文", "recipient": "主送机关", "attachment_note": "附件说明",
               "signature": "发文机关署名", "date": "成文日期", "note": "附注", "contact": "联系人",
               "doc_number": "发文字号", "signoff": "领导签发", "copy_number": "份号"}


@rule("LAYOUT-004", "element-fonts", "warning",
      options={"body-font": "仿宋", "body-size": 16, "copy-font": "仿宋", "copy-size": 14, "font-aliases": FONT_ALIASES},
      needs_layout=True)
def element_fonts(letter, options):
    """正文等各要素用 3 号仿宋体字，抄送机关用 4 号仿宋体字。

    检查正文段落、主送机关、附件说明、署名、成文日期、附注、联系人、发文字号（3 号仿宋）和抄送（4 号仿宋）；
    标题、各级标题、签发人、附件标识、印发机关和印发日期由各自的规则检查。字体看汉字的“中文字体”，
    仿宋_GB2312、仿宋、FangSong、方正仿宋_GBK 等都算仿宋；本机关的其他字体用 font-aliases 设置
    （如 "汉仪仿宋简=仿宋"），字体和字号用 body-font、body-size、copy-font、copy-size 设置。

    依据：GB/T 9704-2012 5.2.2（“如无特殊说明，公文格式各要素一般用3号仿宋体字”）、7.4.2。

    例子是 Word 文档：每行一段，行首 {…} 是该段格式，[[格式|文字]] 是部分文字的格式（写法见 docs/docx.md）。

    反例：
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
        {字体=宋体 字号=12}　　为方便学生上下学，我局拟调整校车线路。

    正例：
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
        {字体=仿宋_GB2312 字号=16}　　为方便学生上下学，我局拟调整校车线路。
    """
    if letter.layout is None:
        return
    aliases = options["font-aliases"]
    for part in letter.parts:
        if part.kind in _BODY_KINDS and part.section != "附件":
            yield from check_format(letter, part, _BODY_KINDS[part.kind], options["body-font"],
                                    options["body-size"], aliases)
        elif part.kind == "copy_to":
            yield from check_format(letter, part, "抄送", options["copy-font"], options["copy-size"], aliases)


@rule("LAYOUT-005", "text-color", "warning", needs_layout=True)
def text_color(letter, options):
    """文字用黑色；只有发文机关标志（以及版头分隔线、印章）用红色。

    依据：GB/T 9704-2012 5.2.4（“如无特殊说明，公文中文字的颜色均为黑色”）。

    例子是 Word 文档：每行一段，行首 {…} 是该段格式，[[格式|文字]] 是部分文字的格式（写法见 docs/docx.md）。

    反例：
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
        　　为方便学生上下学，我局拟[[颜色=FF0000|于下周起]]调整校车线路。

    正例：
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
        　　为方便学生上下学，我局拟于下周起调整校车线路。
    """
    layout = letter.layout
    if layout is None:
        return
    for part in letter.parts:
        if part.kind == "org_mark":
            continue
        for line_no, a, b, para, off in layout.stretches(part):
            text = letter.lines[line_no - 1].text
            base = off - a
            start = color = None
            for k in range(a, b + 1):
                got = para.format_at(base + k).color if k < b and text[k] not in PAD else None
                bad = None if k >= b or text[k] in PAD or _black(got) else got
                if start is not None and bad != color and (k == b or text[k] not in PAD):
                    yield Finding(Span(line_no, start + 1, line_no, k + 1),
                                  f"文字应为黑色，此处是彩色（#{color}）", "把文字颜色改为黑色（自动）")
                    start = None
                if bad is not None and start is None:
                    start, color = k, bad


def _page_field(paras):
    for p in paras:
        for instr, start, end in p.fields:
            if instr.split()[:1] == ["PAGE"]:
                return p, start, end
    return None


PAGE_NUMBER_DROP_MM = 7   # the 一字线 stand 7 mm below the text block's lower edge (GB/T 9704 7.5)
_SIDES = {"right": ("right", "right"), "end": ("right", "right"), "left": ("left", "left"), "start": ("left", "left"),
          "center": ("center", "center"), "outside": ("right", "left"), "inside": ("left", "right")}


def _line_of(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the manual line (between line breaks) that holds characters start:end."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return a, (len(text) if b < 0 else b)


def _number_place(layout, section, para, a: int, b: int) -> dict[str, tuple[str, float | None]] | None:
    """Where the page number's line stands on odd and even pages: {"odd"/"even": (side, room in characters)}.

    ``side`` is left, right or center; ``room`` the space between the number's
    outer character and the text block's edge on that side (None where it
    cannot be told).  A plain footer paragraph follows its alignment and
    indents; a frame (``w:framePr``) or a text box follows its horizontal
    alignment, where inside/outside mirror on even pages (ECMA-376 17.3.1.11,
    20.4.3.1), and its inset; an anchor relative to the page puts the number
    that far past the text block's edge.
    """
    text = para.text
    line = text[a:b]
    lead_pad = _pad_width(line[:len(line) - len(line.lstrip(PAD))])
    trail_pad = _pad_width(line[len(line.rstrip(PAD)):])
    unit_mm = (_char_size(para) or 14) * 25.4 / 72
    left_i, first_i, right_i = indents(para)
    left_i += first_i if a == 0 else 0
    frame = para.props.get("framePr") or {}
    box = para.anchor if para.where == "文本框" else None
    margin_mm = {"left": _mm(section.left + section.gutter), "right": _mm(section.right)}
    if frame.get("xAlign") or (box and box.get("h_align")):
        align = frame.get("xAlign") or box.get("h_align")
        base = (frame.get("hAnchor") or "page") if frame else (box.get("h_from") or "column")
        inset = {"left": box.get("l_ins", 0), "right": box.get("r_ins", 0)} if box else {"left": 0.0, "right": 0.0}
        sides = _SIDES.get(align)
        if sides is None:
            return None
        out = {}
        for parity, side in zip(("odd", "even"), sides):
            if side == "center":
                out[parity] = (side, None)
                continue
            pad = lead_pad if side == "left" else trail_pad
            jc = para.props.get("jc") or "left"
            flush = jc in (("right", "end") if side == "right" else ("left", "start", "both", "distribute"))
            sized = box.get("width_mm") if box else frame.get("w")
            if sized and not flush:
                out[parity] = (side, None)   # a box wider than its text, the text not against the outer edge
                continue
            room = None if pad is None else pad + (left_i if side == "left" else right_i) + inset[side] / unit_mm
            if room is not None and base == "page":
                room -= margin_mm[side] / unit_mm
            elif base not in ("margin", "column", "text", "page"):
                room = None
            out[parity] = (side, room)
        return out
    if frame or box:
        return None   # placed by an offset: where it falls is not worked out
    jc = para.props.get("jc") or "left"
    if jc in ("right", "end"):
        side, room = "right", (None if trail_pad is None else right_i + trail_pad)
    elif jc == "center":
        side, room = "center", None
    else:
        side, room = "left", (None if lead_pad is None else left_i + lead_pad)
    return {"odd": (side, room), "even": (side, room)}


def _drop_mm(layout, section, store: list, para, b: int) -> tuple[float, float] | None:
    """How far below the text block's lower edge the page number's dashes stand, in mm (a range).

    Word sets a footer's last line on the footer distance (``w:pgMar/@footer``,
    from the page's lower edge); the lines below the number's line raise it.
    A dash is drawn about the middle of its line: 0.3–0.9 of the font size above
    the line's foot, higher when the line is taller than the font.
    """
    if para.where != "页脚" or para.props.get("framePr"):
        return None
    size = _char_size(para) or 14
    pitch = geometry.line_pitch(section)
    below = [0.0, 0.0]

    def add_lines(p, count: int) -> bool:
        lh = geometry.line_height(p, None)
        if lh is None:
            return False
        hi = max(lh[1], pitch or 0) if (p.props.get("spacing") or {}).get("lineRule") != "exact" else lh[1]
        below[0] += lh[0] * count
        below[1] += hi * count
        return True

    if not add_lines(para, para.text.count("\n", b)):
        return None
    after = geometry._spacing(para, "after", pitch)
    if after is None:
        return None
    below[0] += after
    below[1] += after
    for p in store[store.index(para) + 1:]:
        if p.where != "页脚":
            continue
        before, after = geometry._spacing(p, "before", pitch), geometry._spacing(p, "after", pitch)
        if before is None or after is None or not add_lines(p, p.text.count("\n") + 1):
            return None
        below[0] += before + after
        below[1] += before + after
    own = geometry.line_height(para, None)
    if own is None:
        return None
    foot = _mm(section.footer_distance)
    lo = foot + _mm(below[0]) + 0.3 * size * 25.4 / 72
    hi = foot + _mm(below[1]) + 0.9 * size * 25.4 / 72 + max(0.0, _mm(own[1] - size * 20))
    bottom = _mm(abs(section.bottom))
    return (bottom - hi, bottom - lo)


@rule("LAYOUT-006", "page-number", "warning", options={"page-number-font": "宋体", "page-number-size": 14,
                                                        "font-aliases": FONT_ALIASES},
                                                        needs_layout=True)
def page_number(letter, options):
    """页码：4 号半角宋体阿拉伯数字，两边各一条一字线（“— 1 —”），在版心下边缘之下，一字线上距版心下边缘 7 mm；
    单页居右空一字，双页居左空一字。

    页码在页脚里，不在正文的行中，所以问题报告在该节的第一行，消息里说明是页脚。页码可以是页脚中的段落
    （右对齐加右缩进或空格，左对齐加左缩进或空格），也可以在图文框（w:framePr）或文本框里：框的水平对齐为
    “外侧”（outside）时单页在右、双页在左，一个页脚就够了，框内的空格或内边距算作空的那一字；框相对页面
    （而不是页边距）对齐时，页码在版心之外。“外侧”按 Word 的排法检查；LibreOffice 把这样的图文框在每页都排在
    左边（实测），所以用 LibreOffice 或 WPS 打开时页码位置可能不同，不能确定时以“奇偶页不同”的两个页脚为稳妥。
    否则单双页位置不同要在“页面设置—版式”中勾选“奇偶页不同”，
    分别设置奇数页和偶数页页脚，偶数页页脚没有页码也报告。页脚有几行（页码之下还有空行）时只看页码那一行，
    并把下面的行算进高度。页码放在页眉里的，报告应放在页脚。

    上下位置：Word 把页脚的最后一行排在“页脚距边界”处，一字线大约在页码那一行的中部；按这个范围推算
    一字线到版心下边缘的距离，允许 ±2 mm，只有整个范围都不合规定时才报告（Word 默认的页脚距边界 17.5 mm
    会使页码离版心过远）。图文框和文本框里的页码不推算上下位置。文档没有页码时只作提示（一页的函、
    信函格式首页可以没有页码）。

    依据：GB/T 9704-2012 7.5；框的对齐见 ECMA-376 第 1 部分 17.3.1.11（framePr）、20.4.3.1（positionH）。

    例子是 Word 文档：每行一段，行首 {…} 是该段格式，[[格式|文字]] 是部分文字的格式（写法见 docs/docx.md）。

    反例：
        @页脚 {居中}第{页码}页
        示例市教育局关于调整校车线路的函
        示例市交通运输局：

    正例：
        @单双页不同
        @页脚 {字号=14 字体=宋体 西文字体=宋体 右对齐 右缩进=1}— {页码} —
        @偶数页脚 {字号=14 字体=宋体 西文字体=宋体 左对齐 左缩进=1}— {页码} —
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
    """
    layout = letter.layout
    if layout is None:
        return
    aliases = options["font-aliases"]
    want_family, size = family(options["page-number-font"], aliases), options["page-number-size"]
    even_odd = layout.doc.even_odd
    any_number = False
    for section, span in _section_spans(letter):
        kinds = ["default", "even"] if even_odd else ["default"]
        found_any = {k: _page_field(section.footers.get(k, ())) for k in kinds}
        if not any(found_any.values()):
            in_header = next((f for k in ("default", "even", "first") if (f := _page_field(section.headers.get(k, ())))), None)
            if in_header is not None:
                any_number = True
                yield Finding(span, "页码在页眉中，应在页脚（版心下边缘之下）", "把页码移到页脚，形式为“— 1 —”")
            continue
        places: dict[str, tuple] = {}
        for kind in kinds:
            found = found_any[kind]
            where = {"default": "奇数页页脚" if even_odd else "页脚", "even": "偶数页页脚"}[kind]
            if found is None:
                odd = kind == "default"
                yield Finding(span, f"{where}没有页码（设置了奇偶页不同，{'单' if odd else '双'}页也要有页码）",
                              f"在{'奇' if odd else '偶'}数页页脚插入页码，居{'右' if odd else '左'}空一字")
                continue
            any_number = True
            para, start, end = found
            a, b = _line_of(para.text, start, end)
            problems = []
            before, after = para.text[a:start].strip(PAD), para.text[end:b].strip(PAD)
            if before != "—" or after != "—":
                problems.append(f"形式应为“— 1 —”（此处是“{para.text[a:b].strip(PAD)}”）")
            fmt = para.format_at(start) if end > start else para.mark
            if family(fmt.ascii or fmt.east_asia, aliases) != want_family or abs(fmt.size - size) > 0.26:
                problems.append(f"应为{size_name(size)}{want_family}（此处是{size_name(fmt.size)}“{fmt.ascii or fmt.east_asia}”）")
            place = _number_place(layout, section, para, a, b)
            if place is not None:
                places[kind] = place
                for parity in (("odd", "even") if not even_odd else ("odd",) if kind == "default" else ("even",)):
                    side, room = place[parity]
                    want = "right" if parity == "odd" else "left"
                    label = "单页页码应居右空一字" if parity == "odd" else "双页页码应居左空一字"
                    if side != want or (room is not None and not _near(room, 1, 0.5)):
                        if not even_odd and side == place["odd" if parity == "even" else "even"][0]:
                            label = "单页应居右、双页应居左（未设置奇偶页不同）"
                        if side == want and room is not None:
                            label += "，此处在版心之外" if room < -0.3 else f"，此处空{_fmt(room)}字"
                        if label not in problems:
                            problems.append(label)
            drop = _drop_mm(layout, section, section.footers.get(kind, []), para, b)
            if drop is not None and (drop[1] < PAGE_NUMBER_DROP_MM - 2 or drop[0] > PAGE_NUMBER_DROP_MM + 2):
                problems.append(f"一字线距版心下边缘约 {_mm_range(drop)}，应为 7 mm（调整“页脚距边界”）")
            if problems:
                yield Finding(span, f"{where}的页码：" + "；".join(problems), "页码设为 4 号宋体“— 1 —”，单页居右空一字、双页居左空一字")
    if not any_number and not layout.doc.sections[0].title_page:
        first = next(_section_spans(letter), None)
        if first is not None:
            yield Finding(first[1], "文档没有设置页码", "在页脚插入页码，形式为“— 1 —”", severity="info")


def _letter_format(letter) -> bool:
    mark = letter.first("org_mark")
    return mark is not None and not mark.text.endswith("文件")


def _red_line(para) -> bool:
    border = para.props.get("pBdr")
    if border is not None:
        for edge in border:
            if _red((edge.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}color") or "").upper()):
                return True
    el = para.element
    if el is None:
        return False
    for node in el.iter():
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag.endswith("}line") or (tag.endswith("}prstGeom") and node.get("prst") == "line"):
            return True
    return False


_THICK_THIN = {"thickThin": "上粗下细", "thinThick": "上细下粗", "dbl": "等粗双线", "tri": "三线", "sng": "单线"}


def _border_style(val: str) -> str:
    """A paragraph border's line kind in the words of GB/T 9704 (the name read from top to bottom)."""
    if val.startswith("thickThin"):
        return "上粗下细"
    if val.startswith("thinThick"):
        return "上细下粗"
    if val in ("double", "doubleWave"):
        return "等粗双线"
    if val.startswith("thinThickThin") or val == "triple":
        return "三线"
    return "单线"


class RedLine(Record):
    """A red rule of the 版头 or the page foot: a paragraph border or a drawn line."""

    style: str                    # 上粗下细 / 上细下粗 / 等粗双线 / 单线 …
    length_mm: float | None
    top_mm: tuple | None          # its height on the page, mm below the page top, if known
    para: object                  # the paragraph that carries or anchors it
    how: str
    offset_mm: float | None       # its centre's distance right (+) or left (−) of the text block's centre, if known

    __slots__ = _fields = ("style", "length_mm", "top_mm", "para", "how", "offset_mm")

    def __init__(self, style, length_mm, top_mm, para, how, offset_mm=None):
        self.style = style
        self.length_mm = length_mm
        self.top_mm = top_mm
        self.para = para
        self.how = how
        self.offset_mm = offset_mm


def red_lines(layout) -> list[RedLine]:
    """The red rules of the document's body, headers and footers, in document order."""
    out: list[RedLine] = []
    w_ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for para in layout.doc.paragraphs:
        border = para.props.get("pBdr")
        if border is None or para.where != "正文":
            continue
        for edge in border:
            side = edge.tag.rsplit("}", 1)[-1]
            if side not in ("top", "bottom") or not _red((edge.get(w_ns + "color") or "").upper()):
                continue
            left, _, right = indents(para)
            unit = _char_size(para) * 20
            section = layout.doc.sections[min(para.section, len(layout.doc.sections) - 1)]
            length = _mm(geometry.text_width(section) - (left + right) * unit)
            top = geometry.page_top_mm(layout, para)
            place = geometry.flow(layout).get(para.number)
            try:   # the border stands w:space points off the text (ECMA-376 17.3.1.7)
                space = _mm(float(edge.get(w_ns + "space") or 0) * 20)
            except ValueError:
                space = 0.0
            if side == "bottom":
                top = None if top is None or place is None or place.line_height is None or place.lines is None \
                    else (top[0] + _mm(place.line_height[0] * place.lines[0]) + space,
                          top[1] + _mm(place.line_height[1] * place.lines[1]) + space)
            elif top is not None:
                top = (top[0] - space, top[1] - space)
            out.append(RedLine(_border_style(edge.get(w_ns + "val") or ""), length, top, para,
                               f"段{para.number}的{'下' if side == 'bottom' else '上'}边框",
                               _mm((left - right) * unit) / 2))
    out.extend(_table_lines(layout))
    out.extend(_header_footer_lines(layout))
    for d in geometry.drawings(layout):
        thin = d.kind == "line" or (d.height_mm is not None and d.height_mm <= 1.5 and d.kind == "shape")
        if not thin or not _red(d.color):
            continue
        out.append(RedLine(_THICK_THIN.get(d.compound or "sng", "单线"), d.width_mm,
                           geometry.drawing_top_mm(layout, d), d.host, f"绘制的直线“{d.name}”" if d.name else "绘制的直线",
                           _drawing_offset(layout, d)))
    return out


def _header_footer_lines(layout) -> list[RedLine]:
    """Red paragraph borders in the first page's header and footer (a template may draw the 信函's lower line
    as the top border of a footer paragraph).

    The header's first line starts at the header distance from the page's top,
    the footer's last line ends at the footer distance from its foot; the lines
    between are 1–1.35 times their font size, or a grid line.
    """
    w_ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    doc = layout.doc
    if not doc.sections:
        return []
    section = doc.sections[0]
    kind = "first" if section.title_page else "default"
    pitch = geometry.line_pitch(section)
    out: list[RedLine] = []
    for store, where in ((section.headers, "页眉"), (section.footers, "页脚")):
        paras = [p for p in store.get(kind, []) if p.where == where]
        extents = []   # (space before, line box height, space after) of each paragraph, as ranges
        for p in paras:
            lh = geometry.line_height(p, None)
            before, after = geometry._spacing(p, "before", pitch), geometry._spacing(p, "after", pitch)
            if lh is None or before is None or after is None:
                extents = None
                break
            n = p.text.count("\n") + 1
            extents.append((before, (lh[0] * n, max(lh[1], pitch or 0) * n), after))
        for k, p in enumerate(paras):
            border = p.props.get("pBdr")
            if border is None:
                continue
            for edge in border:
                side = edge.tag.rsplit("}", 1)[-1]
                if side not in ("top", "bottom") or not _red((edge.get(w_ns + "color") or "").upper()):
                    continue
                try:
                    space = _mm(float(edge.get(w_ns + "space") or 0) * 20)
                except ValueError:
                    space = 0.0
                top = None
                if extents is not None:
                    if where == "页眉":   # from the header distance down to this paragraph's top or bottom
                        lo = hi = float(section.header_distance)
                        for b, h, a in extents[:k]:
                            lo, hi = lo + b + h[0] + a, hi + b + h[1] + a
                        lo, hi = lo + extents[k][0], hi + extents[k][0]
                        if side == "bottom":
                            lo, hi = lo + extents[k][1][0], hi + extents[k][1][1]
                        top = (_mm(lo) + (space if side == "bottom" else -space), _mm(hi) + (space if side == "bottom" else -space))
                    else:                 # from the footer distance up
                        lo = hi = float(section.footer_distance)
                        for b, h, a in extents[k + 1:]:
                            lo, hi = lo + b + h[0] + a, hi + b + h[1] + a
                        lo, hi = lo + extents[k][2], hi + extents[k][2]
                        if side == "top":
                            lo, hi = lo + extents[k][1][0], hi + extents[k][1][1]
                        page_h = _mm(section.page_height)
                        off = space if side == "top" else -space
                        top = (page_h - _mm(hi) - off, page_h - _mm(lo) - off)
                left, _, right = indents(p)
                unit = _char_size(p) * 20
                length = _mm(geometry.text_width(section) - (left + right) * unit)
                out.append(RedLine(_border_style(edge.get(w_ns + "val") or ""), length, top, p,
                                   f"{'首页' if kind == 'first' else ''}{where}段落的{'下' if side == 'bottom' else '上'}边框",
                                   _mm((left - right) * unit) / 2))
    return out


def _table_lines(layout) -> list[RedLine]:
    """Red rules drawn as table borders: a cell's top or bottom border (w:tcBorders), or the table's (w:tblBorders).

    红头 templates that lay the 版头 out in a table draw the red line as the
    bottom border of the 标志's row.  A rule is as long as the cells that carry
    it (the table's width for a table border), and stands at its row's top or
    bottom where the table's rows could be laid out.  Borders from a table style
    are not read.
    """
    w_ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    out: list[RedLine] = []
    firsts: dict[int, object] = {}
    for para in layout.doc.paragraphs:
        if para.where == "表格" and para.element is not None:
            tr = para.element.getparent()
            while tr is not None and tr.tag != w_ns + "tr":
                tr = tr.getparent()
            if tr is not None:
                firsts.setdefault(id(tr), para)
    for box in geometry.tables(layout):
        tbl = box.element
        host = next((firsts[id(tr)] for tr, _, _ in box.rows if id(tr) in firsts), None)
        if host is None:
            continue
        section = layout.doc.sections[min(host.section, len(layout.doc.sections) - 1)]
        left = geometry.table_left(tbl, section)
        width = geometry.table_width(tbl)

        def offset(start, length):
            if start is None or length is None:
                return None
            return _mm(start + length / 2 - geometry.text_width(section) / 2)

        def add(edge, side, row_index, start, length, what):
            tr, top, height = box.rows[row_index]
            if not _red((edge.get(w_ns + "color") or "").upper()) or (edge.get(w_ns + "val") or "") in ("nil", "none"):
                return
            at = None
            if top is not None:
                at = top if side == "top" else (None if height is None else (top[0] + height[0], top[1] + height[1]))
            top_mm = None if at is None or box.page != 0 else (_mm(abs(section.top) + at[0]), _mm(abs(section.top) + at[1]))
            out.append(RedLine(_border_style(edge.get(w_ns + "val") or ""), None if length is None else _mm(length), top_mm,
                               firsts.get(id(tr), host), what, offset(start, length)))

        borders = geometry._sub(tbl, "tblPr", "tblBorders")
        if borders is not None and box.rows:
            for side, row_index in (("top", 0), ("bottom", len(box.rows) - 1)):
                edge = borders.find(w_ns + side)
                if edge is not None:
                    add(edge, side, row_index, left, width, f"表格的{'上' if side == 'top' else '下'}框线")
        for k, (tr, _, _) in enumerate(box.rows):
            for side in ("top", "bottom"):
                runs: list[list] = []      # [start, length, first cell's border] of each stretch of red cells
                x = left
                previous_red = False
                for tc in tr.iterfind(w_ns + "tc"):
                    cw = geometry.cell_width(tc, section.__dict__.setdefault("_cell_widths", {}))
                    edge = geometry._sub(tc, "tcPr", "tcBorders", side)
                    red = edge is not None and _red((edge.get(w_ns + "color") or "").upper())
                    if red and not previous_red:
                        runs.append([x, 0, edge])
                    if red:
                        runs[-1][1] = None if cw is None or runs[-1][1] is None else runs[-1][1] + cw
                    previous_red = red
                    x = None if x is None or cw is None else x + cw
                for run_start, run_len, edge in runs:
                    add(edge, side, k, run_start, run_len, f"表格第{k + 1}行的{'上' if side == 'top' else '下'}框线")
    return out


def _drawing_offset(layout, d) -> float | None:
    """How far right (+) of the text block's centre a drawn object's centre stands, in mm; None if unknown.

    Centred on the page or on the margins both count as centred: the text
    block of GB/T 9704 (28 mm left, 26 mm right) is only 1 mm off the page's centre.
    """
    host = d.host
    section = layout.doc.sections[min(host.section, len(layout.doc.sections) - 1)]
    page_w, left_m = _mm(section.page_width), _mm(section.left + section.gutter)
    block_centre = left_m + _mm(geometry.text_width(section)) / 2
    if d.h_align == "center" or (d.inline and (host.props.get("jc") or "left") == "center"):
        return 0.0 if d.inline or d.h_from in ("margin", "column", "text", None) else page_w / 2 - block_centre
    if d.inline or d.h_mm is None or d.width_mm is None or d.h_align:
        return None
    base = {"page": 0.0, "margin": left_m, "column": left_m, "text": left_m, None: left_m}.get(d.h_from)
    if base is None:
        return None
    return base + d.h_mm + d.width_mm / 2 - block_centre


@rule("LAYOUT-007", "letter-format", "warning", doctypes=("letter", "reply_letter"), needs_layout=True)
def letter_format(letter, options):
    """信函格式：首页不显示页码；标志下 4 mm 处一条红色双线（上粗下细），距下页边 20 mm 处一条红色双线（上细下粗），
    线长均为 170 mm，居中排布；发文字号顶格居版心右边缘，份号、密级和保密期限、紧急程度顶格居版心左边缘，
    都在第一条红色双线之下，与该线相距 3 号汉字高度的 7/8（约 4.9 mm）。

    发文机关标志是机关名称（不是“××文件”）时按信函格式检查。首页页脚不能有页码（“页面设置—版式—首页不同”）。
    红色双线可以是段落边框（正文，或首页的页眉、页脚中）、表格或单元格的上下框线（红头模板用表格排版头时），
    也可以是绘制的直线（正文、页眉或页脚中）；页脚段落的边框按“页脚距边界”和页脚各行的高度推算位置；段落边框的线型按名称从上到下读
    （thickThin… 为上粗下细、thinThick… 为上细下粗，与 LibreOffice 的绘制一致），长度为版心宽减去左右缩进，
    位置在段落末行之下再加边框的间距（w:space）；绘制的直线看它的宽度、复合类型和水平位置。线长允许 ±2 mm；
    居中：线的中点与版心（或页面）中线相差不超过 2 mm，段落边框看左右缩进是否相等。标志下边缘到第一条线
    （4 mm）、第一条线到发文字号或份号等第一个要素的字的上边缘（约 4.9 mm）、下面那条线距页面下边缘（20 mm）
    都允许 ±2 mm，按可能的范围判断（字在行内的位置随字体而不同），位置无法推算时不检查距离，只检查有没有。
    标志距页面上边缘 30 mm 由 HDR-005 检查，版记不加印发机关和印发日期由 COPY 规则检查。

    依据：GB/T 9704-2012 10.1。

    例子是 Word 文档：每行一段，行首 {…} 是该段格式，[[格式|文字]] 是部分文字的格式（写法见 docs/docx.md）。

    反例：
        @页脚 {字号=14 字体=宋体 居中}— {页码} —
        示例市教育局
        示教函〔2024〕12号
        示例市教育局关于调整校车线路的函
        示例市交通运输局：

    正例：
        @首页不同
        @首页页脚
        @页脚 {字号=14 字体=宋体 居中}— {页码} —
        {边框=上粗下细 左缩进=-7mm 右缩进=-7mm}示例市教育局
        {右对齐}示教函〔2024〕12号
        示例市教育局关于调整校车线路的函
        {直线=170@277 线型=上细下粗}示例市交通运输局：
    """
    layout = letter.layout
    if layout is None or not _letter_format(letter):
        return
    mark = letter.first("org_mark")
    span = mark.span
    first = layout.doc.sections[0]
    numbered = _page_field(first.footers.get("first" if first.title_page else "default", ()))
    if numbered is not None:
        yield Finding(span, "信函格式的首页不显示页码", "在“页面设置—版式”中勾选“首页不同”，首页页脚留空")
    title = letter.first("title")
    title_paras = layout.paragraphs_of(title) if title is not None else []
    stop = title_paras[0].number if title_paras else None
    lines = red_lines(layout)
    page_h = _mm(first.page_height)
    head = [r for r in lines if r.para.where in ("正文", "表格", "页眉") and (stop is None or r.para.number < stop)
            and (r.top_mm is None or r.top_mm[1] < page_h / 2)]
    foot = [r for r in lines if r not in head and r.top_mm is not None and r.top_mm[0] > page_h / 2]
    if not head:
        yield Finding(span, "信函格式的发文机关标志下应有红色双线", "在标志下方加一条红色双线（上粗下细，长 170 mm）")
    else:
        yield from _check_line(head[0], "上粗下细", span, "标志下的红色双线")
        mark_paras = layout.paragraphs_of(mark)
        below = _mark_to_line(layout, mark_paras[0], head[0]) if mark_paras else None
        if below is not None and (below[1] < LETTER_LINE_GAP - 2 or below[0] > LETTER_LINE_GAP + 2):
            yield Finding(span, f"标志下的红色双线（{head[0].how}）与标志下边缘相距约 {_mm_range(below)}，"
                                f"应在标志下 {LETTER_LINE_GAP} mm 处", "调整红色双线的位置，使它在标志下 4 mm")
    if head or foot:
        if not foot:
            yield Finding(span, "信函格式首页距页面下边缘 20 mm 处应有一条红色双线（上细下粗，长 170 mm）",
                          "在首页下方加一条红色双线")
        else:
            line = foot[-1]
            yield from _check_line(line, "上细下粗", span, "页面下方的红色双线")
            bottom = (page_h - line.top_mm[1], page_h - line.top_mm[0])
            if bottom[1] < 18 or bottom[0] > 22:
                yield Finding(span, f"页面下方的红色双线距页面下边缘约 {_mm_range(bottom)}（{line.how}），应为 20 mm",
                              "把这条线移到距页面下边缘 20 mm 处")
    chars = geometry.chars_per_line(first, layout.doc.base_size) or 28
    for part in letter.all("doc_number", "copy_number", "secrecy", "urgency"):
        paras = layout.paragraphs_of(part)
        if not paras or paras[0].where != "正文" or (part.kind == "doc_number" and part is not letter.first("doc_number")):
            continue
        para = paras[0]
        name = _LETTER_HEAD_NAMES[part.kind]
        alone = para.text.strip(PAD) == part.text.strip(PAD)
        if part.kind == "doc_number":
            if alone:
                right = _right_space(para, chars)
                flush = (para.props.get("jc") or "left") in ("right", "end") and right is not None and right <= 0.3
            else:   # on one line with the 份号 (a tab or spaces between): the room left at the line's end
                room = _end_space(layout, para)
                flush = room is None or room[0] <= 0.5
            if not flush:
                yield Finding(part.span, "信函格式的发文字号应顶格居版心右边缘", "段落右对齐，右缩进 0，不加空格")
        elif para.text.lstrip(PAD).startswith(part.text.strip(PAD)) and (
                (lead(para) or 0) > 0.3 or alone and (para.props.get("jc") or "left") in ("center", "right", "end")):
            yield Finding(part.span, f"信函格式的{name}应顶格居版心左边缘", "段落左对齐，不缩进，不加空格")
        if head and (head[0].para is para and head[0].how.endswith("下边框")
                     or head[0].para.where in ("正文", "表格") and head[0].para.number > para.number):
            yield Finding(part.span, f"信函格式的{name}应在第一条红色双线之下", "把红色双线移到它的上方")
            continue
        if part.kind == "doc_number" or part is letter.first("copy_number", "secrecy", "urgency"):
            yield from _under_line(layout, part, para, head[0] if head else None, name)


LETTER_LINE_GAP = 4                    # mm from the 标志's lower edge to the first red double line (GB/T 9704 10.1)
UNDER_LINE_MM = 7 / 8 * 16 * 25.4 / 72   # 3号汉字高度的 7/8: 14 pt ≈ 4.9 mm
_LETTER_HEAD_NAMES = {"doc_number": "发文字号", "copy_number": "份号", "secrecy": "密级和保密期限", "urgency": "紧急程度"}


def _mark_to_line(layout, para, line: RedLine) -> tuple[float, float] | None:
    """Distance in mm from the 标志's lower edge (its characters' bottom) down to the red line, as a range."""
    found = mark_top(layout, para)
    if found is None or line.top_mm is None:
        return None
    (lo, hi), _ = found
    size_mm = geometry._size(para) * 25.4 / 72
    bottom = (lo + 0.85 * size_mm, hi + size_mm)   # a CJK glyph fills 0.85–1 of its em
    return (line.top_mm[0] - bottom[1], line.top_mm[1] - bottom[0])


def _under_line(layout, part, para, line: RedLine | None, name: str):
    """The first element under the red double line stands 7/8 of a 3号 character's height below it."""
    if line is None or line.top_mm is None:
        return
    found = mark_top(layout, para)
    if found is None:
        return
    (lo, hi), _ = found
    gap = (lo - line.top_mm[1], hi - line.top_mm[0])
    if gap[1] < 0:
        yield Finding(part.span, f"信函格式的{name}应在第一条红色双线之下，此处字的上边缘在线上方约 {_mm_range((-gap[1], -gap[0]))}"
                                 f"（{line.how}）", "调整段前间距或红色双线的位置，使它在线下约 4.9 mm")
    elif gap[1] < UNDER_LINE_MM - 2 or gap[0] > UNDER_LINE_MM + 2:
        yield Finding(part.span, f"信函格式的{name}与第一条红色双线（{line.how}）相距约 {_mm_range(gap)}，"
                                 f"应为 3 号汉字高度的 7/8（约 {_fmt(UNDER_LINE_MM)} mm）",
                      "调整段前间距，使它在红色双线下约 4.9 mm")


def _check_line(line: RedLine, style: str, span, label: str):
    problems = []
    if line.style != style:
        problems.append(f"应为{style}的双线，此处是{line.style}")
    if line.length_mm is not None and not _near(line.length_mm, 170, 2):
        problems.append(f"线长应为 170 mm，此处约 {_fmt(line.length_mm)} mm")
    if line.offset_mm is not None and abs(line.offset_mm) > 2:
        problems.append(f"应居中排布，此处偏{'右' if line.offset_mm > 0 else '左'} {_fmt(abs(line.offset_mm))} mm")
    if problems:
        yield Finding(span, f"{label}（{line.how}）" + "，".join(problems), f"改为{style}的红色双线，长 170 mm，居中")


def _box_of(layout, para):
    """The text box (a ``geometry.Drawing``) that holds ``para``, or None."""
    el = para.element
    cur = el.getparent() if el is not None else None
    while cur is not None:
        for d in geometry.drawings(layout):
            if d.element is cur:
                return d
        cur = cur.getparent()
    return None


def mark_top(layout, para) -> tuple[tuple[float, float], str] | None:
    """Top edge of the characters of ``para`` in mm below the page top, and how it was found."""
    size_mm = geometry._size(para) * 25.4 / 72
    if para.where == "文本框":
        box = _box_of(layout, para)
        if box is None:
            return None
        top = geometry.drawing_top_mm(layout, box)
        if top is None:
            return None
        inset = 0.0 if box.element is None else _box_inset(box)
        place = {"page": "相对页面", "margin": "相对页边距", "topMargin": "相对上边距", "paragraph": "相对段落",
                 "line": "相对行"}.get(box.v_from or "", "嵌入文字行")
        return (top[0] + inset, top[1] + inset + size_mm * (geometry.GLYPH_HEIGHT[1] - 1)), f"文本框{place}定位"
    if para.where not in ("正文", "表格"):
        return None
    top = geometry.glyph_top_mm(layout, para)
    how = "按上方各段的行高和段前段后间距推算" if para.where == "正文" else "按表格的行高和单元格中各段推算"
    return (top, how) if top is not None else None


def _box_inset(box) -> float:
    """The text box's top inset in mm (Word's default 1.27 mm)."""
    body = next(box.element.iter("{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}bodyPr"), None)
    if body is not None and (body.get("tIns") or "").isdigit():
        return int(body.get("tIns")) / geometry.EMU_PER_MM
    return 1.27


def _mm_range(r) -> str:
    lo, hi = r
    return f"{_fmt(lo)} mm" if abs(hi - lo) < 0.05 else f"{_fmt(lo)}～{_fmt(hi)} mm"


@rule("HDR-005", "org-mark-layout", "warning", needs_layout=True)
def org_mark_layout(letter, options):
    """发文机关标志用红色，居中排布；上边缘的位置：文件格式在版心上边缘下 35 mm，信函格式距页面上边缘 30 mm。

    上边缘的位置（允许 ±2 mm）对各种排法都检查：标志在文本框里时，按文本框的定位（相对页面、页边距、
    上边距、段落或行）和文本框的上内边距计算；标志是正文中的段落时，按上方各段的行数、行高（文档网格的
    行距或固定行距）和段前段后间距推算。字的上边缘在行内的位置随字体而不同，按可能的范围判断，
    只有整个范围都不合规定时才报告；无法推算的（没有网格的多倍行距等）不报告。标志在表格里（红头模板常用表格
    排版头）或上方有表格时，按表格各行的高度推算：固定行高照用，最小行高（默认）取它和单元格中各段高度的较大者，
    单元格文字按单元格宽度减去左右边距（默认各 0.19 cm）排；单元格文字是否对齐文档网格不确定，两种都算。
    单元格宽度以百分比给出、有纵向合并的单元格或嵌套表格时不推算。

    依据：GB/T 9704-2012 7.2.4、10.1。

    例子是 Word 文档：每行一段，行首 {…} 是该段格式，[[格式|文字]] 是部分文字的格式（写法见 docs/docx.md）。

    反例：
        示例市教育局文件
        示教发〔2024〕12号
        示例市教育局关于做好暑期安全工作的通知

    正例：
        {颜色=FF0000 居中 字体=方正小标宋简体 字号=26 段前=33mm}示例市教育局文件
        示教发〔2024〕12号
        示例市教育局关于做好暑期安全工作的通知
    """
    layout = letter.layout
    if layout is None:
        return
    for part in letter.all("org_mark"):
        paras = layout.paragraphs_of(part)
        if not paras:
            continue
        para = paras[0]
        text = part.text
        problems = []
        colors = {para.format_at(i).color for i, ch in enumerate(para.text) if ch not in PAD}
        if not colors or not all(_red(c) for c in colors):
            problems.append("应为红色")
        box = _box_of(layout, para) if para.where == "文本框" else None
        if (para.props.get("jc") or "left") != "center" and (box is None or box.h_align != "center"):
            problems.append("应居中")
        found = mark_top(layout, para)
        if found is not None:
            (lo, hi), how = found
            section = layout.doc.sections[min(para.section, len(layout.doc.sections) - 1)]
            letter_format = not text.endswith("文件")
            want = 30 if letter_format else _mm(abs(section.top)) + 35
            if hi < want - 2 or lo > want + 2:
                where = "距页面上边缘 30 mm（信函格式）" if letter_format else f"在版心上边缘下 35 mm（距页面上边缘 {_fmt(want)} mm）"
                problems.append(f"上边缘距页面上边约 {_mm_range((lo, hi))}（{how}），应{where}")
        if problems:
            yield Finding(part.span, "发文机关标志" + "，".join(problems), "标志用红色小标宋体字，居中，按规定的位置排布")


@rule("TITLE-008", "title-layout", "warning",
      options={"title-font": "小标宋", "title-size": 22, "font-aliases": FONT_ALIASES},
      needs_layout=True)
def title_layout(letter, options):
    """标题用 2 号小标宋体字，居中，在红色分隔线下空二行；回行时词意完整。

    方正小标宋简体、方正小标宋_GBK 等都算小标宋；字体和字号用 title-font、title-size 设置。
    位置：文件格式量红色分隔线（段落边框、表格框线或绘制的直线）到标题，信函格式量发文字号（标题上方最后一个要素）到标题，应空二行
    （按文档网格的行距，允许 ±半行）；行距或上方各段的高度无法推算时不检查。回行：手动换行、分成几段，
    或按版心宽和标题字号推算的自动换行（标题的字在字符网格上占整格）处，不能拆开“关于”、结尾的文种
    （通知、复函……）、连在一起的数字或字母，下一行也不能以句号、顿号、右括号等开头。其他词的边界
    没有词表可以判定，不报告。

    依据：GB/T 9704-2012 7.3.1（“编排于红色分隔线下空二行位置……回行时，要做到词意完整，排列对称”）、10.1。

    例子是 Word 文档：每行一段，行首 {…} 是该段格式，[[格式|文字]] 是部分文字的格式（写法见 docs/docx.md）。

    反例：
        {字体=黑体 字号=16}示例市教育局关于调整校车线路的复↵函
        示例市交通运输局：

    正例：
        {字体=方正小标宋简体 字号=22 居中}示例市教育局关于↵调整校车线路的复函
        示例市交通运输局：
    """
    layout = letter.layout
    if layout is None:
        return
    for part in letter.all("title"):
        yield from check_format(letter, part, "标题", options["title-font"], options["title-size"],
                                options["font-aliases"])
        paras = layout.paragraphs_of(part)
        for para in paras:
            if (para.props.get("jc") or "left") != "center":
                line = layout.first_line.get(para.number, part.line)
                yield Finding(_line_span(letter, line), "标题应居中", "把标题段落设为居中")
        if paras and paras[0].where == "正文":
            yield from _title_distance(letter, part, paras[0])
        yield from _title_breaks(letter, part, paras)


def _title_distance(letter, part, para):
    """The title stands two empty lines below the red line (or, in letter format, the 发文字号)."""
    layout = letter.layout
    doc = layout.doc
    section = doc.sections[min(para.section, len(doc.sections) - 1)]
    pitch = geometry.line_pitch(section)
    places = geometry.flow(layout)
    here = places.get(para.number)
    if pitch is None or here is None or here.top is None or here.page != 0:
        return
    if _letter_format(letter):
        number = letter.first("doc_number")
        above = layout.paragraphs_of(number) if number is not None and number.line < part.line else []
        if not above or above[0].where != "正文":
            return
        gap = geometry.gap(layout, above[0], para)
        what = "发文字号"
    else:
        lines = [r for r in red_lines(layout) if r.para.where in ("正文", "表格") and r.para.number < para.number]
        if not lines:
            return
        line = lines[-1]
        if line.how.endswith("下边框"):
            gap = geometry.gap(layout, line.para, para)
        elif line.top_mm is not None and geometry.page_of(layout, line.para) == 0:
            top_mm = _mm(abs(section.top))
            gap = (here.top[0] - (line.top_mm[1] - top_mm) * TWIPS_PER_MM,
                   here.top[1] - (line.top_mm[0] - top_mm) * TWIPS_PER_MM)
        else:
            return
        what = "红色分隔线"
    if gap is None:
        return
    lo, hi = gap[0] / pitch, gap[1] / pitch
    if hi < 1.5 or lo > 2.5:
        said = _fmt(lo) if abs(hi - lo) < 0.05 else f"{_fmt(lo)}～{_fmt(hi)}"
        yield Finding(part.span, f"标题应在{what}下空二行，此处空约 {said} 行", "调整标题前的空行或段前间距，使标题在其下空二行")


def _title_position(part, offset: int) -> tuple[int, int]:
    """(line, 0-based column) of character ``offset`` of the joined title text."""
    for line in part.lines:
        n = len(line.stripped)
        if offset < n:
            return line.number, line.indent + offset
        offset -= n
    last = part.lines[-1]
    return last.number, last.indent + len(last.stripped) - 1


def _title_breaks(letter, part, paras):
    """Line breaks of a wrapped title that split a word the model can name."""
    from letterlint.doctypes import _ENDINGS

    layout = letter.layout
    text = part.text
    ending = next((w for w, _ in _ENDINGS if text.endswith(w)), "")
    # Where the title's lines meet: (offset in the joined title text, how), from the view and from automatic wrapping.
    breaks: list[tuple[int, str]] = []
    offset = 0
    for line in part.lines[:-1]:
        offset += len(line.stripped)
        breaks.append((offset, "换行"))
    if len(paras) == 1 and paras[0].where == "正文":
        para = paras[0]
        doc = layout.doc
        section = doc.sections[min(para.section, len(doc.sections) - 1)]
        starts = geometry.line_starts(para, section, doc.base_size, doc.default_tab)
        lead = len(para.text) - len(para.text.lstrip(PAD))
        if starts and len(para.text.strip(PAD)) == len(text):
            breaks += [(s - lead, "自动回行") for s in starts if para.text[s - 1] != "\n"]
    for at, how in sorted(set(breaks)):
        if not 0 < at < len(text):
            continue
        a, b = text[at - 1], text[at]
        problem = None
        if a + b == "关于":
            problem = "把“关于”拆开了"
        elif ending and len(text) - len(ending) < at:
            problem = f"把文种“{ending}”拆开了"
        elif a.isascii() and b.isascii() and a.isalnum() and b.isalnum():
            problem = "把数字或字母拆开了"
        elif b in geometry.NO_LINE_START:
            problem = f"下一行以“{b}”开头"
        if problem:
            (l1, c1), (l2, c2) = _title_position(part, at - 1), _title_position(part, at)
            yield Finding(Span(l1, c1 + 1, l2, c2 + 2), f"标题{how}处{problem}（“{text[max(0, at - 4):at]}／{text[at:at + 4]}”），回行应词意完整",
                          "调整回行位置，使每行词意完整，排成梯形或菱形")


def _heading_extent(part) -> tuple[int, int] | None:
    """Columns of a run-in heading's own words: up to its full stop when text follows on the line."""
    line = part.lines[0]
    text = line.text
    end = len(text.rstrip(PAD))
    stop = text.find("。", line.indent)
    if 0 <= stop < end - 1:
        return line.indent, stop + 1
    return None


@rule("HEAD-010", "heading-fonts", "warning",
      options={"heading-fonts": HEADING_FONTS, "body-size": 16, "font-aliases": FONT_ALIASES},
      needs_layout=True)
def heading_fonts(letter, options):
    """结构层次序数的字体：一级标题黑体，二级标题楷体，三级、四级标题仿宋，都是 3 号。

    标题后接正文的（“（一）调整线路。本次……”），只检查到标题的句号为止，后面的正文由 LAYOUT-004 检查。
    字体用 heading-fonts（依次为一至四级）设置。

    依据：GB/T 9704-2012 7.3.3（“一般第一层用黑体字、第二层用楷体字、第三层和第四层用仿宋体字标注”）。

    例子是 Word 文档：每行一段，行首 {…} 是该段格式，[[格式|文字]] 是部分文字的格式（写法见 docs/docx.md）。

    反例：
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
        　　一、总体安排
        　　（一）调整线路。本次调整涉及3条线路。

    正例：
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
        {字体=黑体}　　一、总体安排
        　　[[字体=楷体|（一）调整线路。]]本次调整涉及3条线路。
    """
    if letter.layout is None:
        return
    fonts = list(options["heading-fonts"]) + ["仿宋"] * 4
    for part in letter.all("heading1", "heading2", "heading3", "heading4"):
        level = int(part.kind[-1])
        label = ("一", "二", "三", "四")[level - 1] + "级标题"
        extent = _heading_extent(part)
        yield from check_format(letter, part, label, fonts[level - 1], options["body-size"], options["font-aliases"],
                                limit=extent)


@rule("BODY-001", "body-indent", "warning", needs_layout=True)
def body_indent(letter, options):
    """正文每个自然段左空二字（首行缩进 2 字符），回行顶格。

    首行缩进可以用段落格式（首行缩进 2 字符），也可以用两个全角空格；两者相加应是二字。
    回行顶格：段落不能有左缩进或悬挂缩进。各级标题、附件说明也是这样。用 Word 自动编号的段落，缩进按 Word
    的顺序取：段落样式，其上是编号级别的缩进，再上是段落自己的缩进（首行缩进和悬挂缩进互相取代）；
    编号算作首行的字，所以 Word 默认列表的悬挂缩进（编号在页边、回行缩进）不合规定。
    表格里的文字不是正文段落，不检查。

    依据：GB/T 9704-2012 7.3.3、7.3.4。

    例子是 Word 文档：每行一段，行首 {…} 是该段格式，[[格式|文字]] 是部分文字的格式（写法见 docs/docx.md）。

    反例：
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
        {左缩进=2}为方便学生上下学，我局拟调整校车线路。

    正例：
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
        {首行缩进=2}为方便学生上下学，我局拟调整校车线路。
    """
    layout = letter.layout
    if layout is None:
        return
    for part in letter.all("paragraph", "closing", "heading1", "heading2", "heading3", "heading4",
                           "attachment_note"):
        if part.section == "附件":
            continue
        first = _first_line_of_paragraph(layout, part)
        if first is None:
            continue
        line_no, a, b, para, _ = first
        if (para.props.get("jc") or "left") in ("center", "right", "end"):
            continue
        left, _, _ = indents(para)
        start = lead(para)
        span = Span(line_no, a + 1, line_no, a + 2)
        if start is not None and not _near(start, 2):
            yield Finding(span, f"{part.name}应首行左空二字，此处空{_fmt(start)}字", "首行缩进设为 2 字符（不用空格）")
        elif abs(left) > 0.3 or (indents(para)[1] < -0.3):
            yield Finding(Span(line_no, a + 1, line_no, b + 1), f"{part.name}回行应顶格，此处左缩进{_fmt(left)}字",
                          "左缩进设为 0，首行缩进 2 字符")


@rule("SIGNER-003", "signer-layout", "warning",
      options={"body-font": "仿宋", "body-size": 16, "signer-name-font": "楷体", "font-aliases": FONT_ALIASES},
      needs_layout=True)
def signer_layout(letter, options):
    """签发人：“签发人：”用 3 号仿宋，姓名用 3 号楷体，居右空一字。

    签发人与发文字号在同一行（上行文）时不检查对齐。

    依据：GB/T 9704-2012 7.2.6。

    例子是 Word 文档：每行一段，行首 {…} 是该段格式，[[格式|文字]] 是部分文字的格式（写法见 docs/docx.md）。

    反例：
        示例市教育局文件
        {右对齐 右缩进=1}签发人：张明
        关于申请校舍维修经费的请示

    正例：
        示例市教育局文件
        {右对齐 右缩进=1}签发人：[[字体=楷体|张明]]
        关于申请校舍维修经费的请示
    """
    layout = letter.layout
    if layout is None:
        return
    aliases = options["font-aliases"]
    for part in letter.all("signer"):
        line = part.lines[0]
        text = line.text
        lo = part.start if part.start is not None else line.indent
        hi = part.end if part.end is not None else len(text.rstrip(PAD))
        colon = text.find("：", lo, hi)
        if colon < 0:
            colon = text.find(":", lo, hi)
        if colon < 0:
            continue
        yield from check_format(letter, part, "“签发人：”", options["body-font"], options["body-size"], aliases,
                                limit=(lo, colon + 1))
        yield from check_format(letter, part, "签发人姓名", options["signer-name-font"], options["body-size"], aliases,
                                limit=(colon + 1, hi))
        if text[:lo].strip(PAD):
            continue  # on the line of the 发文字号
        paras = layout.paragraphs_of(part)
        if not paras or paras[0].where != "正文":
            continue
        para = paras[0]
        space = trail(para)
        if (para.props.get("jc") or "left") not in ("right", "end") or space is None or not _near(space, 1, 0.5):
            yield Finding(line.span(lo, hi), "签发人应居右空一字", "段落右对齐，右缩进 1 字符")


SEAL_SIZE_MM = (25, 60)   # an official seal is about 42 mm across (a round one 40–45 mm)


def _seal_like(d) -> bool:
    """A picture or shape the size and shape of a seal, and, for a drawn shape, red."""
    if d.kind not in ("picture", "shape") or d.width_mm is None or d.height_mm is None:
        return False
    lo, hi = SEAL_SIZE_MM
    square = lo <= d.width_mm <= hi and lo <= d.height_mm <= hi and abs(d.width_mm - d.height_mm) <= 0.2 * d.width_mm
    return square and (d.kind == "picture" or _red(d.color))


def seal_evidence(layout, paras) -> str | None:
    """Why the 署名/日期 in ``paras`` count as sealed (a seal-sized picture or red shape on them), or None.

    A floating object counts when its height on the page overlaps the lines
    of the 署名 or 日期; when the positions cannot be computed, when it is
    anchored within two paragraphs of them.  An inline picture in those
    paragraphs counts too.
    """
    numbers = {p.number for p in paras}
    spans = []
    for p in paras:
        top = geometry.page_top_mm(layout, p)
        place = geometry.flow(layout).get(p.number)
        if top is not None and place is not None and place.line_height is not None and place.lines is not None:
            spans.append((top[0], top[1] + _mm(place.line_height[1] * place.lines[1])))
    for d in geometry.drawings(layout):
        if d.host.where != "正文" or not _seal_like(d):
            continue
        what = f"{'图片' if d.kind == 'picture' else '红色图形'}“{d.name}”" if d.name else ("图片" if d.kind == "picture" else "红色图形")
        size = f"约 {_fmt(d.width_mm)} mm × {_fmt(d.height_mm)} mm"
        if d.inline:
            if d.host.number in numbers:
                return f"段{d.host.number}中嵌入的{what}（{size}）"
            continue
        top = geometry.drawing_top_mm(layout, d)
        if top is not None and spans:
            if any(top[0] <= b and top[1] + d.height_mm >= a for a, b in spans):
                return f"浮动的{what}（{size}）压在署名或日期上"
        elif any(abs(d.host.number - n) <= 2 for n in numbers):
            return f"段{d.host.number}中浮动的{what}（{size}）在署名和日期旁"
    return None


def _right_space(para, chars: int) -> float | None:
    """Space between the paragraph's last character and the right edge of the text block."""
    jc = para.props.get("jc") or "left"
    if jc in ("right", "end"):
        return trail(para)
    if jc in ("left", "start", "both"):
        start = lead(para)
        if start is None:
            return None
        text = para.text.strip(PAD)
        _, _, right = indents(para)
        return chars - right - start - _width(text)
    return None


@rule("DATE-006", "date-position", "warning", options={"chars-per-line": 28}, needs_layout=True)
def date_position(letter, options):
    """成文日期的位置：加盖印章的右空四字；不加盖印章的，署名右空二字，日期首字比署名首字右移二字。

    日期比署名长时，日期右空二字，署名相应左移。按加盖印章处理的依据（写在消息里）：署名或日期段落中
    嵌入的印章大小的图片（边长 25～60 mm、近似正方形），或压在署名、日期所在行上的这样的浮动图片或红色图形
    （按页面上的位置计算；位置无法推算时，锚定在署名、日期前后两段以内的也算）。加盖印章的，日期右空四字，
    署名以日期为准居中；没有印章的，两种位置都接受。居中的日期总是报告。左对齐用空格排的日期，
    按每行 28 字（chars-per-line）推算位置。

    依据：GB/T 9704-2012 7.3.5.1、7.3.5.2。

    例子是 Word 文档：每行一段，行首 {…} 是该段格式，[[格式|文字]] 是部分文字的格式（写法见 docs/docx.md）。

    反例：
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
        　　特此函告。
        {右对齐 右缩进=2}示例市教育局
        {居中}2024年5月6日

    正例：
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
        　　特此函告。
        {右对齐 右缩进=4}示例市教育局
        {右对齐 右缩进=2}2024年5月6日
    """
    layout = letter.layout
    if layout is None:
        return
    chars = options["chars-per-line"]
    for date in letter.all("date"):
        if date.section == "附件":
            continue
        date_paras = layout.paragraphs_of(date)
        if not date_paras or date_paras[0].where != "正文":
            continue
        dp = date_paras[0]
        d_right = _right_space(dp, chars)
        if d_right is None:
            yield Finding(date.span, "成文日期应右对齐（加盖印章的右空四字）", "段落右对齐，右缩进 4 字符（不盖章时与署名对齐）")
            continue
        signature = letter.last("signature")
        sp = layout.paragraphs_of(signature) if signature is not None and signature.line < date.line else []
        seal = seal_evidence(layout, date_paras + sp)
        s_right = _right_space(sp[0], chars) if sp else None
        if seal is not None:
            if not _near(d_right, 4, 0.6):
                yield Finding(date.span, f"成文日期右空{_fmt(d_right)}字，加盖印章的应右空四字（按盖章处理：{seal}）",
                              "段落右对齐，右缩进 4 字符")
            elif s_right is not None:
                # 署名以成文日期为准居中: the centres of the two lines meet.
                off = (s_right + _width(sp[0].text.strip(PAD)) / 2) - (d_right + _width(dp.text.strip(PAD)) / 2)
                if abs(off) > 0.6:
                    yield Finding(signature.span, f"加盖印章的发文机关署名应以成文日期为准居中编排，此处偏{'左' if off > 0 else '右'}"
                                                  f"{_fmt(abs(off))}字（按盖章处理：{seal}）",
                                  "调整署名的右缩进，使署名在日期上方居中")
            continue
        if _near(d_right, 4, 0.6):
            continue   # the sealed position, also accepted without a seal in view
        unsealed = None
        if s_right is not None:
            # 首字比署名首字右移二字; a date longer than that allows is 右空二字 and the 署名 moves left.
            first_gap = (s_right + _width(sp[0].text.strip(PAD))) - (d_right + _width(dp.text.strip(PAD)))
            unsealed = _near(first_gap, 2, 0.6) and (_near(d_right, 2, 0.6) or _near(s_right, 2, 0.6))
            if unsealed:
                continue
        yield Finding(date.span, f"成文日期右空{_fmt(d_right)}字，位置不对："
                                 + ("加盖印章的应右空四字" if unsealed is None
                                    else "加盖印章的应右空四字；不盖章的署名右空二字，日期首字比署名首字右移二字"
                                         "（日期较长时日期右空二字、署名相应左移）"),
                          "按 GB/T 9704-2012 7.3.5 调整日期位置")


@rule("PRINT-003", "print-line-layout", "warning",
      options={"copy-font": "仿宋", "copy-size": 14, "font-aliases": FONT_ALIASES},
      needs_layout=True)
def print_line_layout(letter, options):
    """印发机关和印发日期用 4 号仿宋，印发机关左空一字，印发日期右空一字。

    印发日期右空一字：右对齐的，右缩进加行末空格应为一字；用右对齐制表位的，制表位距版心右边缘一字；
    左对齐用空格排开的，按每行的格数（字符网格）减去字数推算，半角数字的宽度按范围估计，
    只有整个范围都不在半字到一字半之间才报告。

    依据：GB/T 9704-2012 7.4.3。

    例子是 Word 文档：每行一段，行首 {…} 是该段格式，[[格式|文字]] 是部分文字的格式（写法见 docs/docx.md）。

    反例：
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
        　　特此函告。
        抄送：示例市人民政府办公室。
        示例市教育局办公室　　　　　　　2024年5月6日印发

    正例：
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
        　　特此函告。
        {字号=14}　抄送：示例市人民政府办公室。
        {字号=14 左缩进=1 右缩进=1}示例市教育局办公室　　　　　　　　2024年5月6日印发
    """
    layout = letter.layout
    if layout is None:
        return
    for part in letter.all("print_line"):
        yield from check_format(letter, part, "印发机关和印发日期", options["copy-font"], options["copy-size"],
                                options["font-aliases"])
        paras = layout.paragraphs_of(part)
        if not paras or paras[0].where != "正文":
            continue
        start = lead(paras[0])
        if start is not None and not _near(start, 1, 0.3):
            yield Finding(part.lines[0].span(), f"印发机关应左空一字，此处空{_fmt(start)}字", "段落左缩进 1 字符")
        space = _end_space(layout, paras[0])
        if space is not None and (space[1] < 0.5 or space[0] > 1.5):
            line = part.lines[0]
            date = part.parsed.date if part.parsed is not None else None
            span = line.span(date.span.column - 1, line.span().end_column - 1) if date is not None else line.span()
            said = _fmt(space[0]) if space[1] - space[0] < 0.05 else f"{_fmt(space[0])}～{_fmt(space[1])}"
            yield Finding(span, f"印发日期应右空一字，此处空{said}字",
                          "段落右对齐、右缩进 1 字符，或调整中间的空格")


def _end_space(layout, para) -> tuple[float, float] | None:
    """Room between a one-line paragraph's last character and the right edge of the text block, in characters.

    An interval: half-width characters (the digits of a date) are between
    ``geometry.HALF_WIDTH`` of a character wide.  None where it cannot be told
    (a tab without a right tab stop, several lines, centred text).
    """
    if "\n" in para.text:
        return None
    doc = layout.doc
    section = doc.sections[min(para.section, len(doc.sections) - 1)]
    cell = geometry.cell_pt(section, doc.base_size) or _char_size(para)
    if cell <= 0:
        return None
    width_chars = geometry.text_width(section) / 20 / cell
    jc = para.props.get("jc") or "left"
    _, _, right = indents(para)
    text = para.text.rstrip(PAD)
    if "\t" in text:
        stops = [int(pos) for val, pos in para.props.get("tabs") or () if val in ("right", "end") and (pos or "").lstrip("-").isdigit()]
        if not stops or "\t" in text[text.rindex("\t") + 1:]:
            return None
        space = (geometry.text_width(section) - max(stops)) / 20 / cell
        return (space, space)
    if jc in ("right", "end"):
        t = trail(para)
        return None if t is None else (t, t)
    if jc not in ("left", "start", "both"):
        return None
    start = lead(para)
    if start is None:
        return None
    body = text.lstrip(PAD)
    full = sum(1 for ch in body if geometry.full_width(ch))
    half = len(body) - full
    used_lo = start + right + full + half * geometry.HALF_WIDTH[0]
    used_hi = start + right + full + half * geometry.HALF_WIDTH[1]
    return (width_chars - used_hi, width_chars - used_lo)


@rule("ATTACH-008", "attachment-label-layout", "warning",
      options={"attachment-label-font": "黑体", "body-size": 16, "font-aliases": FONT_ALIASES},
      needs_layout=True)
def attachment_label_layout(letter, options):
    """附件页：“附件”及序号用 3 号黑体，顶格编排在版心左上角第一行，另起一页；附件标题居中编排在第三行。

    第三行按文档网格的行距（没有网格时按附件标识的固定行距）从附件标识量到标题，允许 ±半行；
    行距不能确定时只检查居中。

    依据：GB/T 9704-2012 7.3.7。

    例子是 Word 文档：每行一段，行首 {…} 是该段格式，[[格式|文字]] 是部分文字的格式（写法见 docs/docx.md）。

    反例：
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
        　　特此函告。
        　　附件：校车线路表
        示例市教育局
        2024年5月6日
        　　附件
        校车线路表

    正例：
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
        　　特此函告。
        　　附件：校车线路表
        示例市教育局
        2024年5月6日
        {字体=黑体 分页}附件

        {居中}校车线路表
    """
    layout = letter.layout
    if layout is None:
        return
    for part in letter.all("attachment"):
        yield from check_format(letter, part, "附件标识", options["attachment-label-font"], options["body-size"],
                                options["font-aliases"])
        first = _first_line_of_paragraph(layout, part)
        if first is None:
            continue
        line_no, a, b, para, _ = first
        start = lead(para)
        if (start is not None and start > 0.3) or (para.props.get("jc") or "left") in ("center", "right", "end"):
            yield Finding(Span(line_no, a + 1, line_no, b + 1), "附件标识应顶格编排", "去掉缩进和空格，左对齐")
        if not para.new_page:
            yield Finding(Span(line_no, a + 1, line_no, b + 1), "附件应另起一页",
                          "在附件标识前插入分页符，或设置“段前分页”")
        yield from _attachment_title(letter, part, para)


def _attachment_title(letter, label, para):
    """The attachment's title: centred on the third line of its page (the label is on the first)."""
    layout = letter.layout
    after = [p for p in letter.parts if p.line > label.lines[-1].number]
    title = after[0] if after and after[0].kind in ("attachment_text", "title") else None
    paras = layout.paragraphs_of(title) if title is not None else []
    if not paras or paras[0].where != "正文":
        return
    tp = paras[0]
    if (tp.props.get("jc") or "left") != "center":
        yield Finding(title.lines[0].span(), "附件标题应居中", "把附件标题段落设为居中")
    places = geometry.flow(layout)
    a = places.get(para.number)
    section = layout.doc.sections[min(para.section, len(layout.doc.sections) - 1)]
    unit = geometry.line_pitch(section)
    if unit is None and a is not None and a.line_height is not None and a.line_height[0] == a.line_height[1]:
        unit = a.line_height[0]
    between = geometry.gap(layout, para, tp)
    if not unit or unit <= 0 or a is None or a.line_height is None or a.lines is None or between is None:
        return
    # Line 1 is the label's; the title's line is 1 + (the label's height and what follows it) in lines.
    lo = 1 + (a.line_height[0] * a.lines[0] + between[0]) / unit
    hi = 1 + (a.line_height[1] * a.lines[1] + between[1]) / unit
    if hi < 2.5 or lo > 3.5:
        said = _fmt(lo) if abs(hi - lo) < 0.05 else f"{_fmt(lo)}～{_fmt(hi)}"
        yield Finding(title.lines[0].span(), f"附件标题应在附件页第三行（附件标识下空一行），此处在第 {said} 行",
                      "附件标识和附件标题之间空一行")


FULL_DIGITS = "０１２３４５６７８９"


def _view_position(layout, para, offset: int) -> tuple[int, int] | None:
    """(line, 0-based column) in the text view of character ``offset`` of ``para``."""
    line = layout.first_line.get(para.number)
    if line is None:
        return None
    for k in range(line - 1, len(layout.segments)):
        for seg in layout.segments[k]:
            if seg.paragraph is para and seg.offset <= offset < seg.offset + max(seg.length, 1):
                return k + 1, seg.column + offset - seg.offset
        if k > line + para.text.count("\n"):
            break
    return None


@rule("NUM-012", "number-line-break", "warning", needs_layout=True)
def number_line_break(letter, options):
    """一个数字不能被换行断开移行：手动换行，或自动换行。

    手动换行（Shift+Enter，例子中写作 ↵）把“1200”拆到两行，打印出来数字就断开了。自动换行按文档网格推算：
    每行的格数由版心宽、“正文”样式字号和字符网格（charSpace）算出（见 LAYOUT-003），汉字和全角字符各占一格，
    减去段落缩进。半角数字和字母连在一起时 Word 不会在中间自动换行，全角数字（１２００）则可能被拆开。
    自动编号的段落按显示的样子排：编号的字、其后的制表符（到下一个左对齐制表位：悬挂缩进处、段落的制表位，
    或每隔“默认制表位”一个；网格上制表符之后是否对齐到整格不确定，两种都算）、空格或什么也没有，
    缩进取自编号级别（段落自己的缩进优先）；这样算出的换行位置已用 LibreOffice 核对。没有字符网格，
    或一段里有宽度不能确定的字符（半角字母的宽度、右对齐或居中的制表位）使换行位置在各种可能下不一致时，
    不报告。表格里的文字按所在单元格的宽度排（见 docs/docx.md），只报告手动换行。

    依据：GB/T 15835-2011 5.1.7.2。

    例子是 Word 文档：每行一段，行首 {…} 是该段格式，[[格式|文字]] 是部分文字的格式（写法见 docs/docx.md）。

    反例：
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
        　　本次调整涉及学生12↵00余名。
        　　经统计，本次调整涉及的线路沿途共有小学和初中学生１２００余名。

    正例：
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
        　　本次调整涉及学生1200余名。
        　　经统计，本次调整涉及的线路沿途共有小学和初中学生1200余名。
    """
    layout = letter.layout
    if layout is None:
        return
    lines = letter.lines
    for i in range(1, min(len(lines), len(layout.segments))):
        prev, cur = lines[i - 1].text, lines[i].text
        if not prev or not cur or not prev[-1].isdigit() or not (cur[0].isdigit() or cur[0] in ".．%％"):
            continue
        a, b = layout.segments[i - 1][-1], layout.segments[i][0]
        if a.paragraph is None or a.paragraph is not b.paragraph or b.offset == 0:
            continue
        start = len(prev)
        while start > 0 and (prev[start - 1].isdigit() or prev[start - 1] in ".,"):
            start -= 1
        stop = 0
        while stop < len(cur) and (cur[stop].isdigit() or cur[stop] in ".．%％"):
            stop += 1
        yield Finding(Span(i, start + 1, i, len(prev) + 1), f"数字“{prev[start:]}{cur[:stop]}”被换行断开",
                      "删去手动换行，让数字在同一行")
    yield from _wrapped_numbers(layout)


def _wrapped_numbers(layout):
    """Full-width numbers that an automatic wrap splits, where the wrap can be computed."""
    doc = layout.doc
    for para in doc.paragraphs:
        if para.where not in ("正文", "表格") or not any(ch in FULL_DIGITS for ch in para.text):
            continue
        section = doc.sections[min(para.section, len(doc.sections) - 1)]
        if geometry.cell_pt(section, doc.base_size) is None:
            continue
        starts = geometry.line_starts(para, section, doc.base_size, doc.default_tab)
        text = para.text
        for s in starts or ():
            if s == 0 or text[s - 1] == "\n" or text[s - 1] not in FULL_DIGITS + "．" or text[s] not in FULL_DIGITS + "．％":
                continue
            lo, hi = s, s
            while lo > 0 and text[lo - 1] in FULL_DIGITS + "．，":
                lo -= 1
            while hi < len(text) and text[hi] in FULL_DIGITS + "．％":
                hi += 1
            first, last = _view_position(layout, para, lo), _view_position(layout, para, hi - 1)
            if first is None or last is None or first[0] != last[0]:
                continue
            per_line = geometry.chars_per_line(section, doc.base_size)
            yield Finding(Span(first[0], first[1] + 1, first[0], last[1] + 2),
                          f"数字“{text[lo:hi]}”在自动换行处被断开（按每行 {per_line} 字推算，断在“{text[lo:s]}”之后）",
                          "调整字距或措辞，或改用半角数字，让数字在同一行")
