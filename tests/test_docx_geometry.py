"""The layout rules that need the page's geometry: positions, wraps, red lines, seals.

Every document is generated here for fictional organisations: the example
language of letterlint/docx/spec.py, with raw DrawingML/VML where a test
needs an anchoring the language does not write.
"""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from test_docx import GOOD_LETTER

from letterlint.docx import geometry
from letterlint.docx.reader import read_docx
from letterlint.docx.spec import EMU_PER_MM, TWIPS_PER_MM, _keys, _sect, build, from_spec, paragraph_xml
from letterlint.lint import Settings, lint_bytes


def diags(data: bytes, *codes: str, doctype: str | None = None):
    result = lint_bytes(data, "t.docx", Settings(select=list(codes), doctype=doctype))
    assert result.error is None
    return [(d.rule, d.line, d.column, d.end_line, d.end_column, d.message) for d in result.diagnostics]


def anchored(inner: str, *, v_from: str = "page", v_mm: float = 30, cx_mm: float = 156, cy_mm: float = 15,
             kind: str = "textbox", name: str = "对象", inline: bool = False, color: str | None = None) -> str:
    """A run holding a DrawingML object: a text box around ``inner`` paragraphs, a picture, or a shape."""
    ext = f'<wp:extent cx="{round(cx_mm * EMU_PER_MM)}" cy="{round(cy_mm * EMU_PER_MM)}"/>'
    if kind == "textbox":
        graphic = ('<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
                   f'<wps:spPr><a:prstGeom prst="rect"/></wps:spPr><wps:txbx><w:txbxContent>{inner}</w:txbxContent>'
                   '</wps:txbx><wps:bodyPr tIns="0"/></wps:wsp></a:graphicData>')
    elif kind == "picture":
        graphic = ('<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
                   '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr>'
                   f'<pic:cNvPr id="5" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill/><pic:spPr/></pic:pic>'
                   '</a:graphicData>')
    else:
        fill = f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>' if color else "<a:noFill/>"
        graphic = ('<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
                   f'<wps:spPr><a:prstGeom prst="ellipse"/><a:noFill/><a:ln>{fill}</a:ln></wps:spPr><wps:bodyPr/>'
                   '</wps:wsp></a:graphicData>')
    if inline:
        return (f'<w:r><w:drawing><wp:inline>{ext}<wp:docPr id="5" name="{name}"/><a:graphic>{graphic}</a:graphic>'
                '</wp:inline></w:drawing></w:r>')
    return ('<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="3" '
            'behindDoc="1" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
            f'<wp:positionV relativeFrom="{v_from}"><wp:posOffset>{round(v_mm * EMU_PER_MM)}</wp:posOffset></wp:positionV>'
            f'{ext}<wp:wrapNone/><wp:docPr id="5" name="{name}"/><a:graphic>{graphic}</a:graphic></wp:anchor></w:drawing></w:r>')


def with_run(spec_line: str, run_xml: str) -> str:
    """The paragraph of one spec line with ``run_xml`` put before its text."""
    xml = paragraph_xml(spec_line)
    at = xml.index("</w:pPr>") + len("</w:pPr>") if "</w:pPr>" in xml else len("<w:p>")
    return xml[:at] + run_xml + xml[at:]


def patched(data: bytes, old: str, new: str) -> bytes:
    """``data`` with ``old`` replaced by ``new`` in word/document.xml."""
    import io
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "word/document.xml":
                assert old.encode() in content
                content = content.replace(old.encode(), new.encode())
            z.writestr(item, content)
    return out.getvalue()


def docx_of(*paragraphs: str, page: str = "") -> bytes:
    return build(list(paragraphs), section=_sect(_keys(page), {}, False))


MARK = '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:color w:val="FF0000"/><w:sz w:val="44"/></w:rPr>' \
       '<w:t>示例市教育局</w:t></w:r></w:p>'
REST = ["{右对齐}示教函〔2024〕12号", "{字体=方正小标宋简体 字号=22 居中}示例市教育局关于调整校车线路的函", "示例市交通运输局：",
        "　　特此函告。"]


# --- LAYOUT-003: characters per line from charSpace ----------------------------------------------
#
# Measured with LibreOffice 7 (soffice --headless --convert-to pdf, then pdftotext -layout), on an A4
# page with the GB/T 9704 margins (text block 8844 twips = 442.2 pt), Normal style 16 pt, a line of
# 111 Chinese characters, for charSpace values whose width/cell ratio is:
#   25.300 25.450 25.550 25.700 → 25 per line     26.300 26.450 26.550 26.700 → 26
#   27.200 27.400 27.550        → 27               25.978 (4195) 26.000 26.023 → 26
#   26.976 (1614) 27.000 27.025 → 27
# So the count is floor(width / cell), a ratio a few hundredths short of N still giving N (25.978 → 26):
# floor(ratio + 0.05).  The former formula, round(ratio), said 28 for 27.55 and 26 for 25.55, where
# LibreOffice sets 27 and 25.  In the same runs a 22 pt (2号) line held 13 characters on a 26-per-line
# grid (each took two cells), ten half-width digits took five cells and were never split by a wrap, and
# full-width digits wrapped like Chinese characters.  (When the cell is narrower than the Normal size —
# the usual 28 per line with 3号 — LibreOffice 7 sets each 3号 character on two cells, unlike Word,
# which sets it on one; the rules follow Word there: a character at the grid's own size takes one cell.)


@pytest.mark.parametrize("ratio, expected", [(25.3, 25), (25.55, 25), (25.7, 25), (25.978, 26), (26.0, 26),
                                             (26.45, 26), (26.7, 26), (27.55, 27), (28.0, 28), (27.99, 28)])
def test_chars_per_line_is_floored_like_libreoffice(ratio, expected):
    width = 8844
    section = geometry_section(char_space=round((width / 20 / ratio - 16) * 4096))
    assert geometry.chars_per_line(section, 16) == expected


def geometry_section(char_space: int):
    from letterlint.docx.reader import Section

    return Section(page_width=11906, page_height=16838, top=2098, bottom=1984, left=1587, right=1475,
                   grid_type="linesAndChars", line_pitch=579, char_space=char_space)


def test_layout_003_reports_a_grid_libreoffice_sets_at_27():
    width = 11906 - 1587 - 1474
    char_space = round((width / 20 / 27.55 - 16) * 4096)
    body = "".join(paragraph_xml(x) for x in ("示例市教育局关于调整校车线路的函", "示例市交通运输局："))
    sect = _sect({}, {}, False).replace('w:charSpace="-841"', f'w:charSpace="{char_space}"')
    assert f'w:charSpace="{char_space}"' in sect
    data = build([body], section=sect)
    assert [d[5] for d in diags(data, "LAYOUT-003")] == ["版面行数字数不合规定：每行 27 字（应为 28 字）"]


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")), reason="needs LibreOffice and pdftotext")
def test_libreoffice_sets_the_lines_the_geometry_computes(tmp_path):
    # One document, three sections (26, 27 and 25.55 cells a line): LibreOffice's lines against ours.
    chars = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜金生丽水玉出昆冈"
    width = 11906 - 1587 - 1474
    body, expected = [], []
    sections = [26.0, 27.0, 25.55]
    for k, ratio in enumerate(sections):
        cs = round((width / 20 / ratio - 16) * 4096)
        sect = _sect({}, {}, False).replace('w:charSpace="-841"', f'w:charSpace="{cs}"')
        if k < len(sections) - 1:
            sect = sect.replace("<w:sectPr>", '<w:sectPr><w:type w:val="nextPage"/>')
            body.append(f'<w:p><w:pPr><w:jc w:val="left"/>{sect}</w:pPr><w:r><w:t>{chars}</w:t></w:r></w:p>')
        else:
            body.append(f'<w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:t>{chars}</w:t></w:r></w:p>')
            last = sect
        expected.append(int(ratio))
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles '
              'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault>'
              '<w:rPr><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" '
              'w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:sz w:val="32"/></w:rPr></w:style>'
              '</w:styles>')
    data = build(body, section=last, styles=styles)
    doc = read_docx(data, "t.docx")
    ours = [geometry.chars_per_line(s, doc.base_size) for s in doc.sections]
    assert ours == expected
    (tmp_path / "g.docx").write_bytes(data)
    subprocess.run([shutil.which("soffice"), "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "g.docx")],
                   capture_output=True, timeout=180, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert (tmp_path / "g.pdf").exists()
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "g.pdf"), "-"], capture_output=True, text=True).stdout
    pages = [[len(x.replace(" ", "")) for x in page.split("\n") if x.strip()] for page in text.split("\f") if page.strip()]
    assert [p[0] for p in pages] == expected


# --- HDR-005: the 标志's top edge, whatever anchors it ----------------------------------------------


def mark_box(v_from: str, v_mm: float) -> str:
    return with_run("", anchored(MARK, v_from=v_from, v_mm=v_mm, name="标志"))


@pytest.mark.parametrize("v_from, v_mm, message", [
    ("page", 30, None),
    ("page", 50, "发文机关标志上边缘距页面上边约 50～52.7 mm（文本框相对页面定位），应距页面上边缘 30 mm（信函格式）"),
    ("margin", -7, None),                      # 37 mm top margin − 7 mm
    ("topMargin", 30, None),
    ("paragraph", -7, None),                   # the anchoring paragraph opens the page, 37 mm down
    ("paragraph", 10, "发文机关标志上边缘距页面上边约 47～49.7 mm（文本框相对段落定位），应距页面上边缘 30 mm（信函格式）"),
    ("line", -7, None),
])
def test_hdr_005_text_box_anchored_to_page_margin_paragraph_or_line(v_from, v_mm, message):
    data = docx_of(mark_box(v_from, v_mm), *[paragraph_xml(x) for x in REST])
    got = diags(data, "HDR-005")
    assert [d[5] for d in got] == ([message] if message else [])
    if message:
        assert got[0][1:5] == (1, 1, 1, 7)


def test_hdr_005_vml_text_box():
    vml = ('<w:r><w:pict><v:shape style="position:absolute;margin-left:0;margin-top:85.05pt;width:442pt;height:40pt;'
           'mso-position-horizontal:center;mso-position-vertical-relative:page">'
           f'<v:textbox><w:txbxContent>{MARK}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    data = docx_of(with_run("", vml), *[paragraph_xml(x) for x in REST])
    # 85.05 pt = 30 mm; the VML box's default inset (1.27 mm) is added.
    assert diags(data, "HDR-005") == []
    late = patched(data, "margin-top:85.05pt", "margin-top:170pt")
    assert [d[5] for d in diags(late, "HDR-005")] == [
        "发文机关标志上边缘距页面上边约 61.2～64 mm（文本框相对页面定位），应距页面上边缘 30 mm（信函格式）"]


def test_hdr_005_plain_paragraph_below_blank_lines_and_spacing():
    head = "{颜色=FF0000 居中 字体=方正小标宋简体 字号=26}示例市教育局文件"
    rest = ["示教发〔2024〕12号", "{字体=方正小标宋简体 字号=22 居中}示例市教育局关于做好暑期安全工作的通知"]
    # Three blank 3号 lines on the 22-line grid (10.2 mm each) and 4 mm before: 37 + 30.6 + 4 ≈ 71.6 mm.
    good = from_spec("\n".join(["", "", "", head.replace("}", " 段前=4mm}", 1), *rest]))
    assert diags(good, "HDR-005") == []
    bad = from_spec("\n".join(["", head, *rest]))
    assert [d[5] for d in diags(bad, "HDR-005")] == [
        "发文机关标志上边缘距页面上边约 47.2～58.5 mm（按上方各段的行高和段前段后间距推算），"
        "应在版心上边缘下 35 mm（距页面上边缘 72 mm）"]


def test_hdr_005_silent_where_the_position_cannot_be_computed():
    # A table above the mark: its height is not computed, so the mark's position is unknown.
    table = "<w:tbl><w:tr><w:tc>" + paragraph_xml("份号") + "</w:tc></w:tr></w:tbl>"
    head = paragraph_xml("{颜色=FF0000 居中 字体=方正小标宋简体 字号=26}示例市教育局文件")
    data = docx_of(table, head, paragraph_xml("示教发〔2024〕12号"),
                   paragraph_xml("{字体=方正小标宋简体 字号=22 居中}示例市教育局关于做好暑期安全工作的通知"))
    assert diags(data, "HDR-005") == []
    # A blank line in multiple line spacing on the grid above the mark: Word's rounding is not known.
    multi = docx_of('<w:p><w:pPr><w:spacing w:line="360" w:lineRule="auto"/></w:pPr></w:p>', head,
                    paragraph_xml("示教发〔2024〕12号"))
    assert diags(multi, "HDR-005") == []


# --- LAYOUT-007: the 信函格式 red lines and 发文字号 ------------------------------------------------


def letter7(old: str, new: str) -> list[str]:
    data = from_spec(GOOD_LETTER.replace(old, new))
    return [d[5] for d in diags(data, "LAYOUT-007", doctype="letter")]


def test_layout_007_good_letter_is_silent():
    assert letter7("", "") == []


@pytest.mark.parametrize("old, new, message", [
    ("直线=170@42}", "直线=170@42 线型=单线}", "标志下的红色双线（绘制的直线“红线”）应为上粗下细的双线，此处是单线"),
    ("直线=170@42}", "直线=156@42}", "标志下的红色双线（绘制的直线“红线”）线长应为 170 mm，此处约 156 mm"),
    ("直线=170@42}", "直线=170@42 线型=上细下粗}", "标志下的红色双线（绘制的直线“红线”）应为上粗下细的双线，此处是上细下粗"),
    ("直线=170@277 线型=上细下粗}", "直线=170@257 线型=上细下粗}",
     "页面下方的红色双线距页面下边缘约 40 mm（绘制的直线“红线”），应为 20 mm"),
    ("直线=170@277 线型=上细下粗}", "直线=170@277 线型=上粗下细}",
     "页面下方的红色双线（绘制的直线“红线”）应为上细下粗的双线，此处是上粗下细"),
    ("{直线=170@277 线型=上细下粗}", "{}", "信函格式首页距页面下边缘 20 mm 处应有一条红色双线（上细下粗，长 170 mm）"),
])
def test_layout_007_red_lines(old, new, message):
    assert old in GOOD_LETTER
    assert letter7(old, new) == [message]


def test_layout_007_paragraph_border_line_and_the_number_under_it():
    # The red line as the 标志 paragraph's bottom border, widened to 170 mm by −7 mm indents.
    spec = GOOD_LETTER.replace("文本框=30}示例市教育局", "边框=上粗下细 左缩进=-7mm 右缩进=-7mm}示例市教育局") \
                      .replace("{右对齐 段前=10mm 直线=170@42}", "{右对齐}")
    assert [d[5] for d in diags(from_spec(spec), "LAYOUT-007", doctype="letter")] == []
    narrow = spec.replace(" 左缩进=-7mm 右缩进=-7mm", "")
    assert [d[5] for d in diags(from_spec(narrow), "LAYOUT-007", doctype="letter")] == [
        "标志下的红色双线（段1的下边框）线长应为 170 mm，此处约 156 mm"]
    even = spec.replace("边框=上粗下细", "边框=红双线")
    assert [d[5] for d in diags(from_spec(even), "LAYOUT-007", doctype="letter")] == [
        "标志下的红色双线（段1的下边框）应为上粗下细的双线，此处是等粗双线"]
    # The line drawn as the border of the 发文字号's own paragraph: the number stands above it.
    above = spec.replace("边框=上粗下细 左缩进=-7mm 右缩进=-7mm}示例市教育局", "}示例市教育局") \
                .replace("{右对齐}示教函", "{右对齐 边框=上粗下细 左缩进=-7mm 右缩进=-7mm}示教函")
    got = diags(from_spec(above), "LAYOUT-007", doctype="letter")
    assert [(d[1], d[2], d[4], d[5]) for d in got] == [(2, 1, 13, "信函格式的发文字号应在第一条红色双线之下")]


def test_layout_007_number_flush_right():
    got = letter7("{右对齐 段前=10mm 直线=170@42}", "{右对齐 右缩进=1 段前=10mm 直线=170@42}")
    assert got == ["信函格式的发文字号应顶格居版心右边缘"]


def test_layout_007_vml_line():
    # The first red line drawn as a VML line (as older templates and WPS write it), 42 mm below the page top.
    line = ('<w:r><w:pict><v:line from="0,119.06pt" to="481.9pt,119.06pt" strokecolor="red" strokeweight="2.25pt" '
            'style="position:absolute;mso-position-horizontal:center;mso-position-vertical-relative:page">'
            '<v:stroke linestyle="thickThin"/></v:line></w:pict></w:r>')
    spec = GOOD_LETTER.replace("{右对齐 段前=10mm 直线=170@42}", "{右对齐 段前=10mm}")
    data = from_spec(spec)
    marker = '<w:t xml:space="preserve">示教函〔2024〕12号</w:t></w:r>'
    good = patched(data, marker, marker + line)
    assert [d[5] for d in diags(good, "LAYOUT-007", doctype="letter")] == []   # 481.9 pt = 170 mm, 上粗下细, red
    single = patched(good, 'linestyle="thickThin"', 'linestyle="single"')
    assert [d[5] for d in diags(single, "LAYOUT-007", doctype="letter")] == [
        "标志下的红色双线（绘制的直线）应为上粗下细的双线，此处是单线"]


# --- TITLE-008: two lines below, words whole ------------------------------------------------------

FILE_HEAD = ["{颜色=FF0000 居中 字体=方正小标宋简体 字号=26 段前=33mm}示例市教育局文件",
             "{居中 边框=上粗下细}示教发〔2024〕12号"]


def test_title_008_two_lines_below_the_red_line():
    good = from_spec("\n".join([*FILE_HEAD, "{字体=方正小标宋简体 字号=22 居中 段前=2}示例市教育局关于做好暑期安全工作的通知",
                                "各区县教育局："]))
    assert diags(good, "TITLE-008") == []
    close = from_spec("\n".join([*FILE_HEAD, "{字体=方正小标宋简体 字号=22 居中}示例市教育局关于做好暑期安全工作的通知",
                                 "各区县教育局："]))
    assert [d[1:] for d in diags(close, "TITLE-008")] == [
        (3, 1, 3, 20, "标题应在红色分隔线下空二行，此处空约 0 行")]


def test_title_008_letter_format_measures_from_the_number():
    late = GOOD_LETTER.replace("居中 段前=2}示例市教育局关于", "居中 段前=4}示例市教育局关于")
    assert [d[5] for d in diags(from_spec(late), "TITLE-008")] == ["标题应在发文字号下空二行，此处空约 4 行"]


def test_title_008_automatic_wrap_splitting_a_word():
    # 2号 on the 3号 grid of 28: each character takes two cells, so 14 characters a line.
    def title(text: str):
        return diags(from_spec("{字体=方正小标宋简体 字号=22 居中}" + text + "\n示例市交通运输局："), "TITLE-008")

    assert title("示例市教育局关于调整城区校车线路的复函") == []        # breaks after 车: words whole as far as known
    bad = "示例市教育局市政工程管理处关于调整线路的复函"
    assert bad.index("关") == 13                                         # 关 ends line 1, 于 opens line 2
    assert [d[1:] for d in title(bad)] == [
        (1, 14, 1, 16, "标题自动回行处把“关于”拆开了（“管理处关／于调整线”），回行应词意完整")]
    ending = "示例市教育局关于调整城区校车线路等事项的复函"
    assert ending.index("复") == 20 and len(ending) == 22                # no split at 14; none at 28 either
    assert title(ending) == []
    split = "示例市教育局关于调整示例市城区中小学和幼儿园校车线路的复函"
    assert split.index("复") == 27                                       # 复 ends line 2, 函 opens line 3
    assert [d[5] for d in title(split)] == ["标题自动回行处把文种“复函”拆开了（“线路的复／函”），回行应词意完整"]
    # A manual break inside the 文种.
    assert [d[5] for d in title("示例市教育局关于调整校车线路的复↵函")] == [
        "标题换行处把文种“复函”拆开了（“线路的复／函”），回行应词意完整"]
    # Without snapping to the grid a 2号 character is 22 pt: 20 a line.
    no_snap = from_spec("{字体=方正小标宋简体 字号=22 居中}" + bad + "\n示例市交通运输局：")
    no_snap = patched(no_snap, '<w:jc w:val="center"/>', '<w:snapToGrid w:val="0"/><w:jc w:val="center"/>')
    assert diags(no_snap, "TITLE-008") == []


def test_title_008_silent_where_the_wrap_is_not_computable():
    # Latin letters: their width depends on the font, so where the line ends is not decided.
    title = "示例市教育局关于开展ABCDEFGH项目有关事项的复函"
    assert diags(from_spec("{字体=方正小标宋简体 字号=22 居中}" + title + "\n示例市交通运输局："), "TITLE-008") == []


# --- ATTACH-008: the attachment title on line 3 ---------------------------------------------------

ATTACH = """示例市教育局关于调整校车线路的函
示例市交通运输局：
　　特此函告。
　　附件：校车线路表
{右对齐 右缩进=4}示例市教育局
{右对齐 右缩进=2}2024年5月6日
{字体=黑体 分页}附件
{gap}{居中}校车线路表
　　一、东线"""


@pytest.mark.parametrize("gap, message", [
    ("\n", None),
    ("", "附件标题应在附件页第三行（附件标识下空一行），此处在第 2 行"),
    ("\n\n", "附件标题应在附件页第三行（附件标识下空一行），此处在第 4 行"),
])
def test_attach_008_title_on_line_three(gap, message):
    data = from_spec(ATTACH.replace("{gap}", gap))
    got = [d[5] for d in diags(data, "ATTACH-008")]
    assert got == ([message] if message else [])


def test_attach_008_spacing_counts_and_no_grid_without_fixed_lines_is_silent():
    spaced = from_spec(ATTACH.replace("{gap}{居中}", "{居中 段前=1}"))
    assert diags(spaced, "ATTACH-008") == []
    no_grid = from_spec("@页面 网格=无\n" + ATTACH.replace("{gap}", ""))
    assert diags(no_grid, "ATTACH-008") == []


# --- PRINT-003: 印发日期 右空一字 -----------------------------------------------------------------

PRINTED = """示例市教育局关于调整校车线路的函
示例市交通运输局：
　　特此函告。
{字号=14}　抄送：示例市人民政府办公室。
{line}"""


@pytest.mark.parametrize("line, message", [
    ("{字号=14 左缩进=1 右缩进=1}示例市教育局办公室　　　　　　　　2024年5月6日印发", None),
    ("{字号=14 左缩进=1 右缩进=1}示例市教育局办公室　　　　　　2024年5月6日印发", "印发日期应右空一字，此处空2.3～3.3字"),
    ("{字号=14 左缩进=1}示例市教育局办公室　　　2024年5月6日印发", "印发日期应右空一字，此处空6.3～7.3字"),
])
def test_print_003_date_right_space_with_spaces(line, message):
    got = diags(from_spec(PRINTED.replace("{line}", line)), "PRINT-003")
    assert [d[5] for d in got] == ([message] if message else [])
    if message:
        text = line.partition("}")[2]
        assert got[0][1:5] == (5, text.index("2024") + 1, 5, len(text) + 1)


def test_print_003_right_aligned_and_right_tab():
    # Right-aligned: the right indent is the space (the organ's 左空一字 is then up to the spaces between).
    aligned = "{字号=14 右对齐 右缩进=1}示例市教育局办公室　　　　　　2024年5月6日印发"
    assert "印发日期" not in "".join(d[5] for d in diags(from_spec(PRINTED.replace("{line}", aligned)), "PRINT-003"))
    flush = aligned.replace("右缩进=1", "右缩进=0")
    assert "印发日期应右空一字，此处空0字" in [d[5] for d in diags(from_spec(PRINTED.replace("{line}", flush)), "PRINT-003")]
    text_width = 11906 - 1587 - 1474
    tab = (f'<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="{text_width - 280}"/></w:tabs><w:ind w:leftChars="100"/>'
           '</w:pPr><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>示例市教育局办公室</w:t></w:r><w:r><w:rPr><w:sz w:val="28"/>'
           '</w:rPr><w:tab/><w:t>2024年5月6日印发</w:t></w:r></w:p>')
    head = [paragraph_xml(x) for x in PRINTED.split("\n")[:4]]
    assert diags(docx_of(*head, tab), "PRINT-003") == []
    far = tab.replace(f'w:pos="{text_width - 280}"', f'w:pos="{text_width - 1200}"')
    assert [d[5] for d in diags(docx_of(*head, far), "PRINT-003")] == ["印发日期应右空一字，此处空3.8字"]


# --- DATE-006: seals and the 署名/日期 placement ---------------------------------------------------

SIGNED = """示例市教育局关于调整校车线路的函
示例市交通运输局：
　　特此函告。
{sig}示例市教育局
{date}2024年5月6日"""


def signed(sig: str, date: str, seal_run: str = "", host: int = 3) -> bytes:
    lines = SIGNED.replace("{sig}", sig).replace("{date}", date).split("\n")
    paras = [with_run(x, seal_run) if i == host and seal_run else paragraph_xml(x) for i, x in enumerate(lines)]
    return docx_of(*paras)


SEAL = anchored("", kind="picture", name="印章", v_from="paragraph", v_mm=0, cx_mm=42, cy_mm=42)


def test_date_006_unsealed_positions_accepted():
    assert diags(signed("{右对齐 右缩进=4}", "{右对齐 右缩进=2}"), "DATE-006") == []
    assert diags(signed("{右对齐 右缩进=5}", "{右对齐 右缩进=4}"), "DATE-006") == []


def test_date_006_a_seal_over_the_lines_asks_for_the_sealed_position():
    got = diags(signed("{右对齐 右缩进=4}", "{右对齐 右缩进=2}", SEAL), "DATE-006")
    assert [d[1:] for d in got] == [(5, 1, 5, 10, "成文日期右空2字，加盖印章的应右空四字（按盖章处理：浮动的图片“印章”"
                                                   "（约 42 mm × 42 mm）压在署名或日期上）")]
    # Sealed, date 右空四字, 署名 centred over it: silent; 署名 off centre: reported with the evidence.
    assert diags(signed("{右对齐 右缩进=4}", "{右对齐 右缩进=4}", SEAL), "DATE-006") == []
    got = diags(signed("{右对齐 右缩进=2}", "{右对齐 右缩进=4}", SEAL), "DATE-006")
    assert [d[1:] for d in got] == [(4, 1, 4, 7, "加盖印章的发文机关署名应以成文日期为准居中编排，此处偏右2字"
                                                "（按盖章处理：浮动的图片“印章”（约 42 mm × 42 mm）压在署名或日期上）")]


def test_date_006_what_is_not_a_seal():
    # A small logo, a picture far above the lines, a black shape: no seal.
    logo = anchored("", kind="picture", name="徽标", v_from="paragraph", v_mm=0, cx_mm=12, cy_mm=12)
    assert diags(signed("{右对齐 右缩进=4}", "{右对齐 右缩进=2}", logo), "DATE-006") == []
    far = anchored("", kind="picture", name="照片", v_from="page", v_mm=200, cx_mm=42, cy_mm=42)
    assert diags(signed("{右对齐 右缩进=4}", "{右对齐 右缩进=2}", far), "DATE-006") == []
    black = anchored("", kind="shape", name="圆", v_from="paragraph", v_mm=0, cx_mm=42, cy_mm=42, color="000000")
    assert diags(signed("{右对齐 右缩进=4}", "{右对齐 右缩进=2}", black), "DATE-006") == []
    red = black.replace('val="000000"', 'val="E60012"')
    assert [d[0] for d in diags(signed("{右对齐 右缩进=4}", "{右对齐 右缩进=2}", red), "DATE-006")] == ["DATE-006"]
    inline = anchored("", kind="picture", name="章", inline=True, cx_mm=40, cy_mm=40)
    got = diags(signed("{右对齐 右缩进=4}", "{右对齐 右缩进=2}", inline, host=4), "DATE-006")
    assert [d[5] for d in got] == ["成文日期右空2字，加盖印章的应右空四字（按盖章处理：段5中嵌入的图片“章”（约 40 mm × 40 mm））"]


# --- NUM-012: automatic wraps ----------------------------------------------------------------------


def test_num_012_full_width_number_split_by_the_wrap_and_where_it_is_not_decided():
    line = "　　经统计，本次调整涉及的线路沿途共有小学和初中学生１２００余名。"
    got = diags(from_spec(line), "NUM-012")
    assert [d[1:] for d in got] == [(1, 27, 1, 31, "数字“１２００”在自动换行处被断开（按每行 28 字推算，断在“１２”之后）")]
    # Half-width digits are a word Word does not split; no grid, or Latin letters before: not decided.
    assert diags(from_spec(line.replace("１２００", "1200")), "NUM-012") == []
    assert diags(from_spec("@页面 网格=无\n" + line), "NUM-012") == []
    assert diags(from_spec(line.replace("经统计", "经AB统计")), "NUM-012") == []
    # The number one character later is whole on the next line.
    assert diags(from_spec(line.replace("经统计，", "经统计，另外")), "NUM-012") == []


# --- hostile values ---------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ['w:line="abc"', 'w:line="0" w:lineRule="exact"', 'w:before="-99999999"',
                                 'w:beforeLines="x"', 'w:line="-360" w:lineRule="atLeast"'])
def test_garbage_geometry_is_never_a_traceback(bad):
    def with_spacing(xml: str) -> str:
        spacing = f"<w:spacing {bad}/>"
        return xml.replace("<w:pPr>", f"<w:pPr>{spacing}", 1) if "<w:pPr>" in xml \
            else xml.replace("<w:p>", f"<w:p><w:pPr>{spacing}</w:pPr>", 1)

    box = anchored(MARK, v_from="paragraph", v_mm=-7)
    paras = [with_spacing(with_run("{字号=0}", box))] + [with_spacing(paragraph_xml(x)) for x in REST]
    sect = _sect(_keys("网格=22x28"), {}, False).replace('w:linePitch="', 'w:linePitch="-')
    result = lint_bytes(build(paras, section=sect), "t.docx")
    assert result.error is None
    assert [d.message for d in result.diagnostics if d.rule == "LINT-001"] == []


@pytest.mark.parametrize("grid", ['w:charSpace="4294949887"', 'w:charSpace="1e999"', 'w:linePitch="4294949887"',
                                  'w:linePitch="inf"'])
def test_grid_numbers_beyond_32_bits_are_unknown(grid):
    # LibreOffice writes a negative charSpace as an unsigned number (4294949887, from a base it does not write
    # down): the characters per line are unknown, not "0", and the rules that need them are silent.
    attr = grid.split("=")[0]
    sect = re.sub(rf'{attr}="[^"]*"', grid, _sect(_keys("网格=22x28"), {}, False))
    line = "{首行缩进=2}本次调整涉及校车线路三条，经统计，惠及沿线各小区学生共计１２００余名。"
    result = lint_bytes(build([paragraph_xml(x) for x in (*REST, line)], section=sect), "t.docx")
    assert result.error is None
    assert [(d.rule, d.message) for d in result.diagnostics if d.rule in ("LAYOUT-003", "NUM-012", "LINT-001")] == []


def test_hdr_005_an_inline_picture_above_the_mark_pushes_it_down():
    # A 28 mm inline picture takes three grid lines (3 × 10.2 mm); 4 mm before the mark: 37 + 30.6 + 4 ≈ 71.6 mm.
    picture = anchored("", kind="picture", name="徽标", inline=True, cx_mm=28, cy_mm=28)
    head = "{颜色=FF0000 居中 字体=方正小标宋简体 字号=26 段前=4mm}示例市教育局文件"
    rest = [paragraph_xml("示教发〔2024〕12号"),
            paragraph_xml("{字体=方正小标宋简体 字号=22 居中}示例市教育局关于做好暑期安全工作的通知")]
    assert diags(docx_of(with_run("{居中}", picture), paragraph_xml(head), *rest), "HDR-005") == []
    assert [d[5] for d in diags(docx_of(paragraph_xml(head), *rest), "HDR-005")] == [
        "发文机关标志上边缘距页面上边约 41～52.3 mm（按上方各段的行高和段前段后间距推算），"
        "应在版心上边缘下 35 mm（距页面上边缘 72 mm）"]


def test_print_003_right_aligned_with_one_trailing_full_width_space():
    line = "{字号=14 左缩进=1 右对齐}示例市教育局办公室　　　　　　2024年5月6日印发　"
    got = [d[5] for d in diags(from_spec(PRINTED.replace("{line}", line)), "PRINT-003")]
    assert not [m for m in got if m.startswith("印发日期")]
    two = line + "　"
    got = [d[5] for d in diags(from_spec(PRINTED.replace("{line}", two)), "PRINT-003")]
    assert [m for m in got if m.startswith("印发日期")] == ["印发日期应右空一字，此处空2字"]


# --- LAYOUT-007: the distances of GB/T 9704 10.1 -------------------------------------------------------


@pytest.mark.parametrize("old, new, message", [
    # The 标志 (26 pt, its box 30 mm down) ends at 37.8～42.4 mm: a line at 42 mm is 4 mm below, one at 50 mm is not.
    ("{右对齐 段前=10mm 直线=170@42}", "{右对齐 段前=18mm 直线=170@50}",
     "标志下的红色双线（绘制的直线“红线”）与标志下边缘相距约 7.6～12.2 mm，应在标志下 4 mm 处"),
    # The number's characters 4.9 mm (7/8 of a 3号 character) under the line: 47 mm against a line at 42 mm.
    ("{右对齐 段前=10mm 直线=170@42}", "{右对齐 段前=20mm 直线=170@42}",
     "信函格式的发文字号与第一条红色双线（绘制的直线“红线”）相距约 15～19.6 mm，应为 3 号汉字高度的 7/8（约 4.9 mm）"),
    ("{右对齐 段前=10mm 直线=170@42}", "{右对齐 直线=170@42}",
     "信函格式的发文字号应在第一条红色双线之下，此处字的上边缘在线上方约 0.4～5 mm（绘制的直线“红线”）"),
])
def test_layout_007_distances_of_the_letter_format(old, new, message):
    assert old in GOOD_LETTER
    assert letter7(old, new) == [message]


def test_layout_007_lines_are_centred():
    data = from_spec(GOOD_LETTER)
    # The first line placed 0 mm from the page's left edge instead of centred: its centre is 21 mm left of the text block's.
    at42 = ('<wp:positionH relativeFrom="page"><wp:align>center</wp:align></wp:positionH>'
            f'<wp:positionV relativeFrom="page"><wp:posOffset>{42 * EMU_PER_MM}</wp:posOffset>')
    off = patched(data, at42, at42.replace("<wp:align>center</wp:align>", "<wp:posOffset>0</wp:posOffset>"))
    assert [d[5] for d in diags(off, "LAYOUT-007", doctype="letter")] == [
        "标志下的红色双线（绘制的直线“红线”）应居中排布，此处偏左 21 mm"]
    # 20 mm from the page edge: the 170 mm line's centre is 105 mm, the page's centre (1 mm from the text block's): centred.
    ok = patched(data, at42, at42.replace("<wp:align>center</wp:align>", f"<wp:posOffset>{20 * EMU_PER_MM}</wp:posOffset>"))
    assert diags(ok, "LAYOUT-007", doctype="letter") == []
    # A paragraph border: centred when the left and right indents are equal.
    spec = GOOD_LETTER.replace("文本框=30}示例市教育局", "边框=上粗下细 左缩进=-7mm 右缩进=-7mm}示例市教育局") \
                      .replace("{右对齐 段前=10mm 直线=170@42}", "{右对齐}")
    shifted = spec.replace("左缩进=-7mm 右缩进=-7mm", "左缩进=-14mm 右缩进=0mm")
    assert [d[5] for d in diags(from_spec(shifted), "LAYOUT-007", doctype="letter")] == [
        "标志下的红色双线（段1的下边框）应居中排布，此处偏左 7 mm"]


def test_layout_007_copy_number_top_left_under_the_line():
    # A centred 份号 above the 标志 (as in the file format): in the letter format it goes top left, under the line.
    spec = GOOD_LETTER.replace("{颜色=FF0000", "{居中}000123\n{颜色=FF0000")
    got = diags(from_spec(spec), "LAYOUT-007", doctype="letter")
    assert [(d[1], d[2], d[4], d[5]) for d in got] == [
        (1, 1, 7, "信函格式的份号应在第一条红色双线之下"), (1, 1, 7, "信函格式的份号应顶格居版心左边缘"),
        # its line pushes the number one grid line (10.2 mm) further down
        (3, 1, 13, "信函格式的发文字号与第一条红色双线（绘制的直线“红线”）相距约 15.2～19.8 mm，应为 3 号汉字高度的 7/8（约 4.9 mm）")]


@pytest.mark.skipif(not shutil.which("soffice"), reason="needs LibreOffice")
def test_border_names_read_top_to_bottom_as_libreoffice_draws_them(tmp_path):
    # thickThinSmallGap under a paragraph: LibreOffice strokes the thick line above the thin one (上粗下细);
    # thinThickSmallGap the other way round.  The PDF's content stream gives each stroke's width and height.
    import re
    import zlib

    from letterlint.docx.layout import _border_style

    body = []
    for val in ("thickThinSmallGap", "thinThickSmallGap"):
        body.append(f'<w:p><w:pPr><w:pBdr><w:bottom w:val="{val}" w:sz="24" w:space="1" w:color="FF0000"/></w:pBdr>'
                    f'</w:pPr><w:r><w:t>{val}</w:t></w:r></w:p><w:p><w:r><w:t>间隔</w:t></w:r></w:p>')
    (tmp_path / "b.docx").write_bytes(build(body))
    subprocess.run([shutil.which("soffice"), "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "b.docx")],
                   capture_output=True, timeout=180, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    pdf = (tmp_path / "b.pdf").read_bytes()
    strokes = []
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            text = zlib.decompress(m.group(1)).decode("latin-1")
        except zlib.error:
            continue
        strokes += [(float(y), float(width)) for width, y in re.findall(r"q ([\d.]+) w [^\n]*\n[\d.]+ ([\d.]+) m\n[^\n]* l S", text)]
    strokes = sorted(set(strokes), key=lambda s: -s[0])     # top of the page first (PDF y grows upwards)
    assert len(strokes) == 4
    for k, val in enumerate(("thickThinSmallGap", "thinThickSmallGap")):
        upper, lower = strokes[2 * k], strokes[2 * k + 1]
        drawn = "上粗下细" if upper[1] > lower[1] else "上细下粗"
        assert _border_style(val) == drawn


# --- LAYOUT-006: page numbers in frames, text boxes, several lines, the header ------------------------

PN_RPR = '<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr>'


def pn_runs(before: str = "— ", after: str = " —") -> str:
    return (f'<w:r>{PN_RPR}<w:t xml:space="preserve">{before}</w:t></w:r><w:r>{PN_RPR}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{PN_RPR}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r>{PN_RPR}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{PN_RPR}<w:t>1</w:t></w:r><w:r>{PN_RPR}<w:fldChar w:fldCharType="end"/></w:r>'
            f'<w:r>{PN_RPR}<w:t xml:space="preserve">{after}</w:t></w:r>')


def pn_letter(footers: dict[str, str], *, even_odd: bool = False, headers: dict[str, str] | None = None,
              page: str = "") -> list[str]:
    body = [paragraph_xml(x) for x in ("{颜色=FF0000 居中 字体=方正小标宋简体 字号=26 段前=33mm}示例市教育局文件",
                                       "示教发〔2024〕12号", "{字体=方正小标宋简体 字号=22 居中}示例市教育局关于做好暑期安全工作的通知",
                                       "各县（区）教育局：", "　　现将有关事项通知如下。")]
    data = build(body, section=_sect(_keys(page), footers, False, headers), footers=footers, even_odd=even_odd,
                 headers=headers)
    return [d[5] for d in diags(data, "LAYOUT-006")]


def framed(x_align: str, h_anchor: str = "margin", text: tuple[str, str] = ("　— ", " —　")) -> str:
    return (f'<w:p><w:pPr><w:framePr w:wrap="around" w:vAnchor="text" w:hAnchor="{h_anchor}" w:xAlign="{x_align}" w:y="1"/>'
            f'</w:pPr>{pn_runs(*text)}</w:p>')


def test_layout_006_plain_footers_odd_and_even():
    odd = f'<w:p><w:pPr><w:ind w:rightChars="100"/><w:jc w:val="right"/></w:pPr>{pn_runs()}</w:p>'
    even = f'<w:p><w:pPr><w:ind w:leftChars="100"/><w:jc w:val="left"/></w:pPr>{pn_runs()}</w:p>'
    assert pn_letter({"default": odd, "even": even}, even_odd=True) == []
    assert pn_letter({"default": odd}, even_odd=True) == [
        "偶数页页脚没有页码（设置了奇偶页不同，双页也要有页码）"]
    assert pn_letter({"default": odd, "even": odd}, even_odd=True) == ["偶数页页脚的页码：双页页码应居左空一字"]
    assert pn_letter({"default": odd.replace('w:rightChars="100"', 'w:rightChars="300"'), "even": even}, even_odd=True) == [
        "奇数页页脚的页码：单页页码应居右空一字，此处空3字"]


def test_layout_006_a_frame_aligned_outside_mirrors_without_even_odd_footers():
    # Word's "页码—外侧" frame: right on odd pages, left on even ones; the full-width spaces inside are the 空一字.
    assert pn_letter({"default": framed("outside")}) == []
    assert pn_letter({"default": framed("right")}) == ["页脚的页码：单页应居右、双页应居左（未设置奇偶页不同）"]
    assert pn_letter({"default": framed("inside")}) == ["页脚的页码：单页页码应居右空一字；双页页码应居左空一字"]
    assert pn_letter({"default": framed("outside", text=("— ", " —"))}) == [
        "页脚的页码：单页页码应居右空一字，此处空0字；双页页码应居左空一字，此处空0字"]
    # Aligned on the page's edge rather than the margin's: the number stands outside the text block.
    assert pn_letter({"default": framed("outside", "page")}) == [
        "页脚的页码：单页页码应居右空一字，此处在版心之外；双页页码应居左空一字，此处在版心之外"]


def test_layout_006_text_box_in_the_footer():
    def box(align: str, jc: str, text=("— ", " —"), ins: int = 0) -> str:
        inner = f'<w:p><w:pPr><w:jc w:val="{jc}"/></w:pPr>{pn_runs(*text)}</w:p>'
        return ('<w:p><w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
                'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
                f'<wp:positionH relativeFrom="margin"><wp:align>{align}</wp:align></wp:positionH>'
                '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
                f'<wp:extent cx="{30 * EMU_PER_MM}" cy="{8 * EMU_PER_MM}"/><wp:wrapNone/><wp:docPr id="9" name="页码"/>'
                '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
                f'<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr lIns="{ins}" rIns="{ins}"/></wps:wsp>'
                '</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>')

    # Outside, the text against the box's right edge, one full-width space: odd right 空一字; the even side's room is unknown.
    assert pn_letter({"default": box("outside", "right", ("— ", " —　"))}) == []
    assert pn_letter({"default": box("center", "center")}) == [
        "页脚的页码：单页应居右、双页应居左（未设置奇偶页不同）"]
    # Word's default inset (2.54 mm) alone is about half a 4号 character: not 空一字.
    assert pn_letter({"default": box("outside", "right")}) == ["页脚的页码：单页页码应居右空一字，此处空0字"]
    # Word's default inset (2.54 mm) is about half a 4号 character: within the half-character tolerance.
    assert pn_letter({"default": box("outside", "right", ins=91440)}) == []


def test_layout_006_several_lines_in_the_footer():
    odd = f'<w:p><w:pPr><w:ind w:rightChars="100"/><w:jc w:val="right"/></w:pPr><w:r><w:t>示例市教育局</w:t><w:br/></w:r>{pn_runs()}</w:p>'
    even = f'<w:p><w:pPr><w:ind w:leftChars="100"/><w:jc w:val="left"/></w:pPr>{pn_runs()}</w:p>'
    # Only the number's own line is its form; the line above it does not count.
    assert pn_letter({"default": odd, "even": even}, even_odd=True) == []
    # Two empty 3号 lines under the number (each 5.6 mm, or a grid line of 10.2 mm) lift it into the text block.
    lifted = even + "<w:p/><w:p/>"
    assert pn_letter({"default": odd, "even": lifted}, even_odd=True) == [
        "偶数页页脚的页码：一字线距版心下边缘约 -19.6～-5.8 mm，应为 7 mm（调整“页脚距边界”）"]


def test_layout_006_footer_distance():
    odd = f'<w:p><w:pPr><w:ind w:rightChars="100"/><w:jc w:val="right"/></w:pPr>{pn_runs()}</w:p>'
    even = f'<w:p><w:pPr><w:ind w:leftChars="100"/><w:jc w:val="left"/></w:pPr>{pn_runs()}</w:p>'
    # Word's default footer distance, 17.5 mm: the number hangs 11～16 mm under the text block.
    assert pn_letter({"default": odd, "even": even}, even_odd=True, page="页脚距离=17.5") == [
        "偶数页页脚的页码：一字线距版心下边缘约 11.3～16 mm，应为 7 mm（调整“页脚距边界”）",
        "奇数页页脚的页码：一字线距版心下边缘约 11.3～16 mm，应为 7 mm（调整“页脚距边界”）"]
    assert pn_letter({"default": odd, "even": even}, even_odd=True, page="页脚距离=25") == []


def test_layout_006_page_number_in_the_header():
    header = f'<w:p><w:pPr><w:jc w:val="right"/></w:pPr>{pn_runs()}</w:p>'
    assert pn_letter({}, headers={"default": header}) == ["页码在页眉中，应在页脚（版心下边缘之下）"]
    data = from_spec("@页眉 {右对齐}— {页码} —\n示例市教育局关于调整校车线路的函\n示例市交通运输局：")
    assert [d[5] for d in diags(data, "LAYOUT-006")] == ["页码在页眉中，应在页脚（版心下边缘之下）"]


# --- tables: the 版头 in a table, red lines as cell borders, text wrapped in a cell ------------------------


def table(rows: list[tuple[str, str, str]], *, widths=(8844,), jc: str = "center", borders: str = "") -> str:
    """A top-level table: each row is (trPr XML, tcPr XML, cell content XML), one cell per row."""
    grid = "".join(f'<w:gridCol w:w="{x}"/>' for x in widths)
    body = "".join(f"<w:tr><w:trPr>{tr}</w:trPr><w:tc><w:tcPr><w:tcW w:w=\"{sum(widths)}\" w:type=\"dxa\"/>{tc}</w:tcPr>"
                   f"{content}</w:tc></w:tr>" for tr, tc, content in rows)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="{jc}"/>{borders}</w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>")


def exact(mm: float) -> str:
    return f'<w:trHeight w:val="{round(mm * TWIPS_PER_MM)}" w:hRule="exact"/>'


RED_BOTTOM = '<w:tcBorders><w:bottom w:val="{val}" w:sz="24" w:space="0" w:color="FF0000"/></w:tcBorders>'
FILE_MARK = paragraph_xml("{颜色=FF0000 居中 字体=方正小标宋简体 字号=26}示例市教育局文件")
FILE_REST = ["{字体=方正小标宋简体 字号=22 居中}示例市教育局关于做好暑期安全工作的通知", "各县（区）教育局：", "　　现将有关事项通知如下。"]


def test_hdr_005_the_mark_in_a_table_row_of_exact_height():
    # An empty first row 35 mm high, the 标志 in the second: its top is 35 mm below the text block's top.
    head = table([(exact(35), "", "<w:p/>"), (exact(20), "", FILE_MARK),
                  (exact(12), RED_BOTTOM.format(val="single"), paragraph_xml("{居中}示教发〔2024〕12号"))])
    data = docx_of(head, *[paragraph_xml(x) for x in FILE_REST])
    assert diags(data, "HDR-005") == []
    # The 标志 in the first row: at the text block's top, 37 mm below the page top.
    high = table([(exact(20), "", FILE_MARK), (exact(12), "", paragraph_xml("{居中}示教发〔2024〕12号"))])
    got = diags(docx_of(high, *[paragraph_xml(x) for x in FILE_REST]), "HDR-005")
    # (a 26 pt line takes one or two grid lines: whether Word sets cell text on the grid is not known)
    assert [d[5] for d in got] == ["发文机关标志上边缘距页面上边约 37～48.3 mm（按表格的行高和单元格中各段推算），"
                                   "应在版心上边缘下 35 mm（距页面上边缘 72 mm）"]
    # A row whose height follows its text (no trHeight) in a cell of known width: laid out too.
    auto = table([("", "", "<w:p/>"), ("", "", FILE_MARK)])
    assert [d[5] for d in diags(docx_of(auto, *[paragraph_xml(x) for x in FILE_REST]), "HDR-005")] == [
        "发文机关标志上边缘距页面上边约 42.7～58.5 mm（按表格的行高和单元格中各段推算），应在版心上边缘下 35 mm（距页面上边缘 72 mm）"]


def test_title_008_measures_from_a_red_cell_border():
    # The red line is the bottom border of the 发文字号's row; the title stands two grid lines (2 × 10.2 mm) below it.
    head = table([(exact(35), "", "<w:p/>"), (exact(20), "", FILE_MARK),
                  (exact(12), RED_BOTTOM.format(val="single"), paragraph_xml("{居中}示教发〔2024〕12号"))])
    good = docx_of(head, paragraph_xml(FILE_REST[0].replace("居中}", "居中 段前=2}")), *[paragraph_xml(x) for x in FILE_REST[1:]])
    assert diags(good, "TITLE-008") == []
    close = docx_of(head, *[paragraph_xml(x) for x in FILE_REST])
    assert [d[5] for d in diags(close, "TITLE-008")] == ["标题应在红色分隔线下空二行，此处空约 0 行"]


def test_layout_007_red_line_as_the_bottom_border_of_the_mark_s_row():
    mark = paragraph_xml("{颜色=FF0000 居中 字体=方正小标宋简体 字号=26}示例市教育局")
    rest = ["{右对齐 段前=1mm}示教函〔2024〕12号", "{字体=方正小标宋简体 字号=22 居中 段前=2}示例市教育局关于调整校车线路的函",
            "{直线=170@277 线型=上细下粗}示例市交通运输局：", "　　特此函告。"]

    def letter(val: str, widths=(9638,)) -> list[str]:
        head = table([(exact(12), RED_BOTTOM.format(val=val), mark)], widths=widths)
        data = build([head, *[paragraph_xml(x) for x in rest]],
                     section=_sect({}, {"first": "<w:p/>"}, True), footers={"first": "<w:p/>"})
        return [d[5] for d in diags(data, "LAYOUT-007", doctype="letter")]

    # 170 mm (9638 twips), centred, thick above thin; the 标志 ends 3.3～7.5 mm above it (within 4 ± 2).
    assert letter("thickThinSmallGap") == []
    assert letter("thinThickSmallGap") == ["标志下的红色双线（表格第1行的下框线）应为上粗下细的双线，此处是上细下粗"]
    assert letter("thickThinSmallGap", widths=(8844,)) == ["标志下的红色双线（表格第1行的下框线）线长应为 170 mm，此处约 156 mm"]


def test_num_012_in_a_table_cell_wraps_at_the_cell_s_width():
    # A cell 3512 twips wide less 2 × 108 of margins: 10 characters a line on the grid and off it alike.
    cell = paragraph_xml("{左对齐}本次涉及学生人数１２００余名")
    data = docx_of(paragraph_xml("示例市教育局关于调整校车线路的函"), paragraph_xml("示例市交通运输局："),
                   table([("", "", cell)], widths=(3512,), jc="left"))
    doc = read_docx(data, "t.docx")
    p = doc.paragraphs[2]
    assert geometry.line_starts(p, doc.sections[0], doc.base_size) == [10]
    got = diags(data, "NUM-012")
    assert [(d[1], d[2], d[4], d[5]) for d in got] == [
        (3, 9, 13, "数字“１２００”在自动换行处被断开（按每行 28 字推算，断在“１２”之后）")]
    # A cell whose width is given in percent (and no table grid): its wraps are not computed.
    pct = patched(data, '<w:tcW w:w="3512" w:type="dxa"/>', '<w:tcW w:w="2500" w:type="pct"/>')
    pct = patched(pct, '<w:gridCol w:w="3512"/>', "")
    assert diags(pct, "NUM-012") == []


def test_tables_are_laid_out_in_linear_time():
    """A table of many rows, and a row of many cells: finding a cell's width and margins walks no row or table."""
    import time

    def seconds(n: int, tall: bool) -> float:
        if tall:
            body = table([("", "", paragraph_xml("第１２行文字"))] * n)
        else:
            cells = "".join('<w:tc><w:tcPr><w:tcW w:w="100" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>格１２</w:t></w:r></w:p></w:tc>'
                            for _ in range(n))
            body = f'<w:tbl><w:tblGrid>{"<w:gridCol/>" * n}</w:tblGrid><w:tr>{cells}</w:tr></w:tbl>'
        data = docx_of(paragraph_xml("示例市教育局关于调整校车线路的函"), body)
        best = float("inf")
        for _ in range(3):   # the best of three, in CPU time (as tests/test_linear.py): other tests share the machine
            t0 = time.process_time()
            assert lint_bytes(data, "t.docx").error is None
            best = min(best, time.process_time() - t0)
        return best

    for tall in (True, False):
        small, large = seconds(800, tall), seconds(3200, tall)
        assert large / small < 8, (tall, small, large)   # 4x the rows or cells; quadratic would be ~16x


def test_layout_007_lower_line_as_a_footer_paragraph_border():
    # The 信函's lower line drawn as the top border of the first page's footer: the footer's one 4号 line ends 12 mm
    # above the page's foot, so the border stands 12 mm + the line (4.9～6.7 mm, or a grid line of 10.2) + 1 pt up.
    footer = ('<w:p><w:pPr><w:pBdr><w:top w:val="thinThickSmallGap" w:sz="24" w:space="1" w:color="FF0000"/></w:pBdr>'
              '<w:ind w:left="-397" w:right="-397"/><w:rPr><w:sz w:val="28"/></w:rPr></w:pPr></w:p>')
    spec = GOOD_LETTER.replace("{直线=170@277 线型=上细下粗}示例市交通运输局：", "示例市交通运输局：")
    data = patched_part(from_spec(spec), "word/footer_first.xml", "<w:p></w:p>", footer)
    data = patched_part(data, "word/document.xml", 'w:footer="1587"', f'w:footer="{round(12 * TWIPS_PER_MM)}"')
    assert [d[5] for d in diags(data, "LAYOUT-007", doctype="letter")] == []
    thick_below = patched_part(data, "word/footer_first.xml", "thinThickSmallGap", "thickThinSmallGap")
    assert [d[5] for d in diags(thick_below, "LAYOUT-007", doctype="letter")] == [
        "页面下方的红色双线（首页页脚段落的上边框）应为上细下粗的双线，此处是上粗下细"]
    high = patched_part(data, "word/document.xml", f'w:footer="{round(12 * TWIPS_PER_MM)}"', f'w:footer="{round(30 * TWIPS_PER_MM)}"')
    assert [d[5] for d in diags(high, "LAYOUT-007", doctype="letter")] == [
        "页面下方的红色双线距页面下边缘约 35.3～40.6 mm（首页页脚段落的上边框），应为 20 mm"]


def patched_part(data: bytes, part: str, old: str, new: str) -> bytes:
    import io
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == part:
                assert old.encode() in content, (part, content[:400])
                content = content.replace(old.encode(), new.encode())
            z.writestr(item, content)
    return out.getvalue()


@pytest.mark.parametrize("tr, tc, grid, ppr", [
    ('<w:trHeight w:val="abc" w:hRule="exact"/>', '<w:tcW w:w="x" w:type="dxa"/>', '<w:gridCol w:w="abc"/>', ""),
    ('<w:trHeight w:val="-99999999" w:hRule="atLeast"/>', '<w:gridSpan w:val="99999"/>', "", '<w:tabs><w:tab w:val="left" w:pos="x"/></w:tabs>'),
    ('<w:gridBefore w:val="9999999"/>', '<w:tcMar><w:left w:w="99999999" w:type="dxa"/></w:tcMar>', '<w:gridCol w:w="0"/>',
     '<w:framePr w:xAlign="sideways" w:hAnchor="nowhere" w:w="x"/>'),
    ("", '<w:vAlign w:val="center"/><w:tcW w:w="-5000" w:type="dxa"/>', '<w:gridCol w:w="-3"/>',
     '<w:ind w:hanging="-99999" w:left="abc"/>'),
    # Numbers float() reads as infinite, or beyond the 32 bits of every OOXML number
    ('<w:trHeight w:val="1e999" w:hRule="exact"/>', '<w:tcW w:w="1e999" w:type="dxa"/>', '<w:gridCol w:w="-1e999"/>', ""),
    ('<w:trHeight w:val="99999999999999999999"/>', '<w:tcW w:w="99999999999999999999" w:type="dxa"/>',
     '<w:gridCol w:w="99999999999999999999"/>', '<w:spacing w:line="1e999" w:lineRule="exact"/>'),
])
def test_garbage_tables_frames_and_tabs_are_never_a_traceback(tr, tc, grid, ppr):
    cell = paragraph_xml("{左对齐}本次涉及学生人数１２００余名").replace("<w:pPr>", f"<w:pPr>{ppr}", 1)
    tbl = (f'<w:tbl><w:tblPr><w:tblCellMar><w:right w:w="zz" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}'
           f'</w:tblGrid><w:tr><w:trPr>{tr}</w:trPr><w:tc><w:tcPr>{tc}</w:tcPr>{cell}</w:tc></w:tr></w:tbl>')
    footer = f'<w:p><w:pPr>{ppr}</w:pPr>{pn_runs()}</w:p>'
    numbering_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering '
                     'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0">'
                     f'<w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pPr>{ppr}</w:pPr>'
                     '<w:rPr><w:sz w:val="abc"/></w:rPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>'
                     '</w:num></w:numbering>')
    numbered_para = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>总体安排１２</w:t></w:r></w:p>'
    data = build([tbl, paragraph_xml("示例市教育局关于调整校车线路的函"), numbered_para],
                 section=_sect({}, {"default": footer}, False), footers={"default": footer}, numbering=numbering_xml)
    data = patched_part(data, "word/settings.xml", "</w:settings>", '<w:defaultTabStop w:val="abc"/></w:settings>')
    result = lint_bytes(data, "t.docx")
    assert result.error is None
    assert [d.message for d in result.diagnostics if "内部错误" in d.message] == []
