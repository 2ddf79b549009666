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
from letterlint.rules.base import Finding, rule

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
    unit = _char_size(para) * 20   # twips per character

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
    return f"{n:.1f}".rstrip("0").rstrip(".")


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


@rule("LAYOUT-001", "page-a4", "error")
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


@rule("LAYOUT-002", "page-margins", "warning")
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


@rule("LAYOUT-003", "page-grid", "warning", options={"lines-per-page": 22, "chars-per-line": 28})
def page_grid(letter, options):
    """每面排 22 行，每行排 28 个字（文档网格，或约 29 磅的固定行距）。

    从文档网格（“指定行和字符网格”）读每页行数和每行字数；没有网格时从正文的固定行距推算行数。
    两者都没有时无法确定，不报告。机关另有规定的，在配置中设置 lines-per-page、chars-per-line。

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
        width = section.page_width - section.left - section.right - section.gutter
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
        if section.grid_type in ("linesAndChars", "snapToChars") and section.char_space is not None:
            pitch = layout.doc.base_size + section.char_space / 4096
            if pitch > 0:
                chars = round(width / 20 / pitch)
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
      options={"body-font": "仿宋", "body-size": 16, "copy-font": "仿宋", "copy-size": 14, "font-aliases": FONT_ALIASES})
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


@rule("LAYOUT-005", "text-color", "warning")
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


@rule("LAYOUT-006", "page-number", "warning", options={"page-number-font": "宋体", "page-number-size": 14,
                                                        "font-aliases": FONT_ALIASES})
def page_number(letter, options):
    """页码：4 号半角宋体阿拉伯数字，两边各一条一字线（“— 1 —”）；单页居右空一字，双页居左空一字。

    页码在页脚里，不在正文的行中，所以问题报告在该节的第一行，消息里说明是页脚。单双页位置不同要在
    “页面设置—版式”中勾选“奇偶页不同”，分别设置奇数页和偶数页页脚。文档没有页码时只作提示（一页的函、
    信函格式首页可以没有页码）。

    依据：GB/T 9704-2012 7.5。

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
    any_number = False
    for section, span in _section_spans(letter):
        kinds = ["default", "even"] if layout.doc.even_odd else ["default"]
        for kind in kinds:
            found = _page_field(section.footers.get(kind, ()))
            if found is None:
                continue
            any_number = True
            para, start, end = found
            where = {"default": "奇数页页脚" if layout.doc.even_odd else "页脚", "even": "偶数页页脚"}[kind]
            problems = []
            before, after = para.text[:start].strip(PAD), para.text[end:].strip(PAD)
            if before != "—" or after != "—":
                problems.append(f"形式应为“— 1 —”（此处是“{para.text.strip(PAD)}”）")
            fmt = para.format_at(start) if end > start else para.mark
            if family(fmt.ascii or fmt.east_asia, aliases) != want_family or abs(fmt.size - size) > 0.26:
                problems.append(f"应为{size_name(size)}{want_family}（此处是{size_name(fmt.size)}“{fmt.ascii or fmt.east_asia}”）")
            jc = para.props.get("jc") or "left"
            left, _, right = indents(para)
            if not layout.doc.even_odd:
                problems.append("单页应居右、双页应居左（未设置奇偶页不同）")
            elif kind == "default" and (jc not in ("right", "end") or not _near((trail(para) or 0), 1, 0.5)):
                problems.append("单页页码应居右空一字")
            elif kind == "even" and (jc not in ("left", "start", "both") or not _near((lead(para) or 0), 1, 0.5)):
                problems.append("双页页码应居左空一字")
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


@rule("LAYOUT-007", "letter-format", "warning", doctypes=("letter", "reply_letter"))
def letter_format(letter, options):
    """信函格式：首页不显示页码；发文机关标志下有红色双线。

    发文机关标志是机关名称（不是“××文件”）时按信函格式检查：首页页脚不能有页码（“页面设置—版式—首页不同”），
    标志与标题之间要有红色分隔线（段落边框或绘制的直线）。

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
        示例市教育局
        {边框=红双线}示教函〔2024〕12号
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
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
    stop = layout.first_line.get(layout.paragraphs_of(title)[0].number) if title is not None and layout.paragraphs_of(title) else None
    paras = [p for p in layout.doc.paragraphs if stop is None or layout.first_line.get(p.number, 0) < stop]
    if not any(_red_line(p) for p in paras):
        yield Finding(span, "信函格式的发文机关标志下应有红色双线", "在标志下方加一条红色双线（上粗下细）")


@rule("HDR-005", "org-mark-layout", "warning")
def org_mark_layout(letter, options):
    """发文机关标志用红色，居中排布。

    标志在文本框里时，看文本框的水平位置；文本框相对页面或页边距定位时，还检查上边缘的位置：
    文件格式在版心上边缘下 35 mm，信函格式距页面上边缘 30 mm（±2 mm）。

    依据：GB/T 9704-2012 7.2.4、10.1。

    例子是 Word 文档：每行一段，行首 {…} 是该段格式，[[格式|文字]] 是部分文字的格式（写法见 docs/docx.md）。

    反例：
        示例市教育局文件
        示教发〔2024〕12号
        示例市教育局关于做好暑期安全工作的通知

    正例：
        {颜色=FF0000 居中 字体=方正小标宋简体 字号=26}示例市教育局文件
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
        anchor = para.anchor or {}
        if (para.props.get("jc") or "left") != "center" and anchor.get("h_align") != "center":
            problems.append("应居中")
        if anchor.get("v_mm") is not None and anchor.get("v_from") in ("page", "margin"):
            section = layout.doc.sections[para.section]
            top = anchor["v_mm"] + (_mm(section.top) if anchor["v_from"] == "margin" else 0)
            want = 30 if not text.endswith("文件") else _mm(section.top) + 35
            if not _near(top, want, 2):
                problems.append(f"上边缘距页面上边 {_fmt(top)} mm（应为 {_fmt(want)} mm）")
        if problems:
            yield Finding(part.span, "发文机关标志" + "，".join(problems), "标志用红色小标宋体字，居中")


@rule("TITLE-008", "title-layout", "warning",
      options={"title-font": "小标宋", "title-size": 22, "font-aliases": FONT_ALIASES})
def title_layout(letter, options):
    """标题用 2 号小标宋体字，居中。

    方正小标宋简体、方正小标宋_GBK 等都算小标宋；字体和字号用 title-font、title-size 设置。

    依据：GB/T 9704-2012 7.3.1。

    例子是 Word 文档：每行一段，行首 {…} 是该段格式，[[格式|文字]] 是部分文字的格式（写法见 docs/docx.md）。

    反例：
        {字体=黑体 字号=16}示例市教育局关于调整校车线路的函
        示例市交通运输局：

    正例：
        {字体=方正小标宋简体 字号=22 居中}示例市教育局关于调整校车线路的函
        示例市交通运输局：
    """
    layout = letter.layout
    if layout is None:
        return
    for part in letter.all("title"):
        yield from check_format(letter, part, "标题", options["title-font"], options["title-size"],
                                options["font-aliases"])
        for para in layout.paragraphs_of(part):
            if (para.props.get("jc") or "left") != "center":
                line = layout.first_line.get(para.number, part.line)
                yield Finding(_line_span(letter, line), "标题应居中", "把标题段落设为居中")


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
      options={"heading-fonts": HEADING_FONTS, "body-size": 16, "font-aliases": FONT_ALIASES})
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


@rule("BODY-001", "body-indent", "warning")
def body_indent(letter, options):
    """正文每个自然段左空二字（首行缩进 2 字符），回行顶格。

    首行缩进可以用段落格式（首行缩进 2 字符），也可以用两个全角空格；两者相加应是二字。
    回行顶格：段落不能有左缩进或悬挂缩进。各级标题、附件说明也是这样。

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
      options={"body-font": "仿宋", "body-size": 16, "signer-name-font": "楷体", "font-aliases": FONT_ALIASES})
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


def _has_seal(layout, paras) -> bool:
    """A picture in or next to the 署名/日期 paragraphs: the seal."""
    numbers = {p.number for p in paras}
    for p in layout.doc.paragraphs:
        if any(abs(p.number - n) <= 2 for n in numbers) and p.element is not None:
            for node in p.element.iter():
                if isinstance(node.tag, str) and node.tag.endswith(("}drawing", "}pict")):
                    return True
    return False


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


@rule("DATE-006", "date-position", "warning", options={"chars-per-line": 28})
def date_position(letter, options):
    """成文日期的位置：加盖印章的右空四字；不加盖印章的，署名右空二字，日期首字比署名首字右移二字。

    日期比署名长时，日期右空二字，署名相应左移。文档中署名或日期附近有图片时按加盖印章处理，
    否则两种位置都接受。居中的日期总是报告。左对齐用空格排的日期，按每行 28 字（chars-per-line）推算位置。

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
        sealed = _has_seal(layout, date_paras + sp)
        if _near(d_right, 4, 0.6):
            continue   # the sealed position, also accepted without a seal in view
        unsealed = None
        if sp and not sealed:
            s_right = _right_space(sp[0], chars)
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
      options={"copy-font": "仿宋", "copy-size": 14, "font-aliases": FONT_ALIASES})
def print_line_layout(letter, options):
    """印发机关和印发日期用 4 号仿宋，印发机关左空一字，印发日期右空一字。

    依据：GB/T 9704-2012 7.4.3。

    例子是 Word 文档：每行一段，行首 {…} 是该段格式，[[格式|文字]] 是部分文字的格式（写法见 docs/docx.md）。

    反例：
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
        　　特此函告。
        抄送：示例市人民政府办公室。
        示例市教育局办公室　　　　　　　　　　2024年5月6日印发

    正例：
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
        　　特此函告。
        {字号=14}　抄送：示例市人民政府办公室。
        {字号=14 左缩进=1 右缩进=1}示例市教育局办公室　　　　　　2024年5月6日印发
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


@rule("ATTACH-008", "attachment-label-layout", "warning",
      options={"attachment-label-font": "黑体", "body-size": 16, "font-aliases": FONT_ALIASES})
def attachment_label_layout(letter, options):
    """附件页：“附件”及序号用 3 号黑体，顶格编排在版心左上角第一行，另起一页。

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
        校车线路表
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


@rule("NUM-012", "number-line-break", "warning")
def number_line_break(letter, options):
    """一个数字不能被手动换行断开移行。

    Word 文档中用手动换行（Shift+Enter，例子中写作 ↵）把“1200”拆到两行，打印出来数字就断开了。

    依据：GB/T 15835-2011 5.1.7.2。

    例子是 Word 文档：每行一段，行首 {…} 是该段格式，[[格式|文字]] 是部分文字的格式（写法见 docs/docx.md）。

    反例：
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
        　　本次调整涉及学生12↵00余名。

    正例：
        示例市教育局关于调整校车线路的函
        示例市交通运输局：
        　　本次调整涉及学生1200余名。
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
