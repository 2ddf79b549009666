"""Automatic numbering read exactly as Word shows it: the number, what follows it, bullets.

The numbering definitions are written here as Word writes them (numbering.xml
with w:abstractNum levels and w:num instances); the letters are for
fictional organisations.
"""
from __future__ import annotations

import pytest
from docx_fixtures import docx, numbered, para, run

from letterlint.docx.numbering import Numbering, bullet_glyph
from letterlint.docx.reader import read_docx
from letterlint.docx.view import Layout
from letterlint.lint import Settings, lint_bytes, lint_text
from letterlint.rules import all_rules

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXT_ONLY = Settings(ignore=sorted(r.code for r in all_rules() if r.origin == "letterlint.docx.layout"))


def level(ilvl: int, fmt: str, text: str, start: int = 1, suff: str | None = None, restart: int | None = None,
          legal: bool = False) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            + (f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else "")
            + ("<w:isLgl/>" if legal else "")
            + (f'<w:suff w:val="{suff}"/>' if suff else "")
            + f'<w:lvlText w:val="{text}"/></w:lvl>')


def numbering(*abstracts: tuple[int, list[str]], nums: dict[int, str] | None = None) -> str:
    """numbering.xml: ``abstracts`` are (abstractNumId, levels); ``nums`` numId → the w:num's inner XML."""
    body = "".join(f'<w:abstractNum w:abstractNumId="{aid}">{"".join(levels)}</w:abstractNum>'
                   for aid, levels in abstracts)
    body += "".join(f'<w:num w:numId="{nid}">{inner}</w:num>' for nid, inner in (nums or {}).items())
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:numbering xmlns:w="{W_NS}">{body}</w:numbering>')


GONGWEN = [level(0, "chineseCounting", "%1、"), level(1, "chineseCounting", "（%2）"), level(2, "decimal", "%3."),
           level(3, "decimal", "（%4）")]


def view(data: bytes) -> list[str]:
    return Layout(read_docx(data, "t.docx")).lines


# --- what follows the number: w:suff -----------------------------------------------------------


@pytest.mark.parametrize(("suff", "gap"), [(None, "\t"), ("tab", "\t"), ("space", " "), ("nothing", "")])
def test_the_suffix_after_the_number_is_in_the_text(suff, gap):
    levels = [level(0, "chineseCounting", "%1、", suff=suff), level(1, "chineseCounting", "（%2）", suff=suff)]
    data = docx(numbered("总体安排", 1, 0), numbered("调整线路", 1, 1), numbered("保障措施", 1, 0),
                numbering=numbering((0, levels), nums={1: '<w:abstractNumId w:val="0"/>'}))
    assert view(data) == [f"一、{gap}总体安排", f"（一）{gap}调整线路", f"二、{gap}保障措施"]


def test_the_suffix_is_per_level_and_a_level_override_wins():
    levels = [level(0, "chineseCounting", "%1、", suff="nothing"), level(1, "chineseCounting", "（%2）")]
    override = ('<w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/>'
                + level(1, "chineseCounting", "（%2）", suff="space") + "</w:lvlOverride>")
    data = docx(numbered("总体安排", 1, 0), numbered("调整线路", 1, 1), numbered("另一清单", 2, 1),
                numbering=numbering((0, levels), nums={1: '<w:abstractNumId w:val="0"/>', 2: override}))
    assert view(data) == ["一、总体安排", "（一）\t调整线路", "（一） 另一清单"]


def test_label_positions_count_the_suffix_and_runs_start_after_it():
    data = docx(numbered("总体安排", 1, 0), numbering=numbering((0, GONGWEN), nums={1: '<w:abstractNumId w:val="0"/>'}))
    paragraph = read_docx(data, "t.docx").paragraphs[0]
    assert paragraph.text == "一、\t总体安排" and paragraph.label == 3
    assert paragraph.run_at(2) is None and paragraph.run_at(3) == 1


# --- formats, levels, restarts -------------------------------------------------------------------


def test_four_levels_restart_when_a_shallower_level_advances():
    data = docx(*(numbered(t, 1, lv) for t, lv in (("甲", 0), ("乙", 1), ("丙", 2), ("丁", 3), ("戊", 3), ("己", 2),
                                                   ("庚", 3), ("辛", 1), ("壬", 2), ("癸", 0), ("子", 1))),
                numbering=numbering((0, GONGWEN), nums={1: '<w:abstractNumId w:val="0"/>'}))
    assert [line.replace("\t", "") for line in view(data)] == [
        "一、甲", "（一）乙", "1.丙", "（1）丁", "（2）戊", "2.己", "（1）庚", "（二）辛", "1.壬", "二、癸", "（一）子"]


def test_lvl_restart_zero_keeps_counting_across_a_shallower_level():
    levels = [level(0, "chineseCounting", "%1、", suff="nothing"),
              level(1, "decimal", "%2.", suff="nothing", restart=0)]
    data = docx(numbered("甲", 1, 0), numbered("乙", 1, 1), numbered("丙", 1, 0), numbered("丁", 1, 1),
                numbering=numbering((0, levels), nums={1: '<w:abstractNumId w:val="0"/>'}))
    assert view(data) == ["一、甲", "1.乙", "二、丙", "2.丁"]


def test_instances_share_counters_unless_a_start_override_restarts_them():
    levels = [level(0, "decimal", "%1.", suff="nothing")]
    nums = {1: '<w:abstractNumId w:val="0"/>', 2: '<w:abstractNumId w:val="0"/>',
            3: '<w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'}
    data = docx(numbered("甲", 1, 0), numbered("乙", 2, 0), numbered("丙", 3, 0), numbered("丁", 3, 0),
                numbered("戊", 1, 0), numbering=numbering((0, levels), nums=nums))
    assert view(data) == ["1.甲", "2.乙", "5.丙", "6.丁", "3.戊"]


@pytest.mark.parametrize(("fmt", "start", "shown"), [
    ("chineseCounting", 9, ["九", "十", "十一"]),
    ("chineseCountingThousand", 19, ["十九", "二十", "二十一"]),
    ("decimal", 9, ["9", "10", "11"]),
    ("ideographTraditional", 1, ["甲", "乙", "丙"]),
    ("ideographZodiac", 1, ["子", "丑", "寅"]),
    ("chineseLegalSimplified", 1, ["壹", "贰", "叁"]),
    ("decimalEnclosedCircle", 1, ["①", "②", "③"]),
    ("decimalFullWidth", 9, ["９", "１０", "１１"]),
    ("upperRoman", 3, ["III", "IV", "V"]),
    ("lowerLetter", 1, ["a", "b", "c"]),
])
def test_number_formats(fmt, start, shown):
    levels = [level(0, fmt, "%1、", start=start, suff="nothing")]
    data = docx(*(numbered(t, 1, 0) for t in "甲乙丙"),
                numbering=numbering((0, levels), nums={1: '<w:abstractNumId w:val="0"/>'}))
    assert view(data) == [f"{n}、{t}" for n, t in zip(shown, "甲乙丙", strict=True)]


def test_legal_numbering_shows_every_level_in_decimal():
    levels = [level(0, "chineseCounting", "%1、", suff="nothing"),
              level(1, "chineseCounting", "%1.%2", suff="space", legal=True)]
    data = docx(numbered("甲", 1, 0), numbered("乙", 1, 1), numbered("丙", 1, 1),
                numbering=numbering((0, levels), nums={1: '<w:abstractNumId w:val="0"/>'}))
    assert view(data) == ["一、甲", "1.1 乙", "1.2 丙"]


def test_a_list_made_from_a_list_style_takes_the_style_lists_levels():
    defining = [level(0, "chineseCounting", "%1、", suff="nothing")]
    nums = {1: '<w:abstractNumId w:val="0"/>', 2: '<w:abstractNumId w:val="1"/>'}
    xml = numbering((0, ['<w:styleLink w:val="GongwenList"/>', *defining]),
                    (1, ['<w:numStyleLink w:val="GongwenList"/>']), nums=nums)
    data = docx(numbered("甲", 2, 0), numbered("乙", 2, 0), numbering=xml)
    assert view(data) == ["一、甲", "二、乙"]


# --- bullets -----------------------------------------------------------------------------------


def test_bullets_show_their_glyph_and_suffix():
    levels = [level(0, "bullet", "\uf0b7"), level(1, "bullet", "\uf0a7", suff="space"),
              level(2, "bullet", "●", suff="nothing")]
    data = docx(numbered("各校做好宣传", 1, 0), numbered("张贴告示", 1, 1), numbered("家长会", 1, 2), para(run("请予支持。")),
                numbering=numbering((0, levels), nums={1: '<w:abstractNumId w:val="0"/>'}))
    assert view(data) == ["•\t各校做好宣传", "▪ 张贴告示", "●家长会", "请予支持。"]


def test_bullet_glyphs_of_symbol_fonts():
    assert bullet_glyph("\uf0b7") == "•" and bullet_glyph("\uf0d8") == "➢" and bullet_glyph("\uf0fc") == "✓"
    assert bullet_glyph("\uf020") == "•" and bullet_glyph("\ue000") == "•" and bullet_glyph("◆") == "◆"


def test_an_empty_level_text_shows_nothing():
    levels = [level(0, "none", "")]
    data = docx(numbered("甲", 1, 0), numbering=numbering((0, levels), nums={1: '<w:abstractNumId w:val="0"/>'}))
    assert view(data) == ["甲"]


def test_unknown_lists_and_num_id_zero_show_nothing():
    numbers = Numbering(None)
    assert numbers.label("1", "0") is None and numbers.label("0", "0") is None and numbers.label(None, None) is None


# --- the heading rules see what they see in a .txt draft -----------------------------------------

LETTER = """示例市教育局关于调整校车线路的函
示例市交通运输局：
　　为方便学生上下学，我局拟调整校车线路，现将有关事项函告如下。
{h1}总体安排
　　本次调整涉及3条线路，惠及学生1200余名。
{h2}调整线路
　　东线增加两个站点。
　　请予支持。
　　特此函告。
示例市教育局
2024年5月6日
（联系人：李明，电话：0571-12345678）"""


def _diags(result):
    return [(d.rule, d.line, d.column, d.end_line, d.end_column) for d in result.diagnostics]


def _word(h1_text: str, suff: str | None) -> bytes:
    levels = [level(0, "chineseCounting", h1_text, suff=suff), level(1, "chineseCounting", "（%2）", suff=suff)]
    lines = LETTER.split("\n")
    body = [para(run(t)) if "{h" not in t else numbered(t.split("}", 1)[1], 1, 0 if "{h1}" in t else 1) for t in lines]
    return docx(*body, numbering=numbering((0, levels), nums={1: '<w:abstractNumId w:val="0"/>'}))


@pytest.mark.parametrize(("suff", "gap"), [(None, "\t"), ("space", " "), ("nothing", "")])
def test_numbered_headings_lint_as_the_same_text_typed(suff, gap):
    word = lint_bytes(_word("%1、", suff), "letter.docx", TEXT_ONLY)
    txt = lint_text(LETTER.format(h1="一、" + gap, h2="（一）" + gap), "letter.txt", TEXT_ONLY)
    assert _diags(word) == _diags(txt) == []


@pytest.mark.parametrize(("suff", "gap"), [(None, "\t"), ("nothing", "")])
def test_a_wrong_numbering_pattern_is_reported_where_the_reader_sees_it(suff, gap):
    word = lint_bytes(_word("%1.", suff), "letter.docx", TEXT_ONLY)
    txt = lint_text(LETTER.format(h1="一." + gap, h2="（一）" + gap), "letter.txt", TEXT_ONLY)
    assert _diags(word) == _diags(txt)
    assert [(d.rule, d.line, d.column, d.end_column) for d in word.diagnostics] == [("HEAD-002", 4, 2, 3)]
    assert word.position(4, 2) == "段4:列2"


# --- a numbered paragraph's format and geometry: the level's pPr and rPr, the gap after the number ------------

import shutil  # noqa: E402
import subprocess  # noqa: E402

from letterlint.docx import geometry  # noqa: E402
from letterlint.docx.spec import _sect, build, paragraph_xml  # noqa: E402

HANG = '<w:ind w:left="1360" w:leftChars="400" w:hanging="1360" w:hangingChars="400"/>'
FIRST = '<w:ind w:left="0" w:firstLine="640" w:firstLineChars="200"/>'
CHARS = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜金生丽水玉出昆冈剑号巨阙珠称夜光果珍李柰"


def with_level(ppr: str = "", rpr: str = "", suff: str | None = None) -> str:
    lv = level(0, "chineseCounting", "%1、", suff=suff)
    return numbering((0, [lv.replace("</w:lvl>", f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:lvl>")]),
                     nums={1: '<w:abstractNumId w:val="0"/>'})


def heading_letter(num_xml: str, heading_ppr: str = "", heading_font: str = "黑体") -> bytes:
    heading = (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>{heading_ppr}</w:pPr>'
               f'<w:r><w:rPr><w:rFonts w:eastAsia="{heading_font}"/></w:rPr><w:t>总体安排</w:t></w:r></w:p>')
    body = [paragraph_xml(x) for x in ("{字体=方正小标宋简体 字号=22 居中}示例市教育局关于调整校车线路的函", "示例市交通运输局：",
                                       "{首行缩进=2}为方便学生上下学，我局拟调整校车线路。")]
    return build([*body, heading, paragraph_xml("{首行缩进=2}特此函告。")], numbering=num_xml)


def layout_diags(data: bytes, *codes: str):
    result = lint_bytes(data, "t.docx", Settings(select=list(codes)))
    assert result.error is None
    return [(d.rule, d.line, d.column, d.end_column, d.message) for d in result.diagnostics]


def test_the_number_is_set_in_the_level_s_run_format():
    # The heading's words are 黑体; the number "一、" takes the paragraph mark's format with the level's rPr on top.
    assert layout_diags(heading_letter(with_level(FIRST, '<w:rFonts w:eastAsia="黑体"/>')), "HEAD-010") == []
    assert layout_diags(heading_letter(with_level(FIRST, '<w:rFonts w:eastAsia="宋体"/>')), "HEAD-010") == [
        ("HEAD-010", 4, 1, 4, "一级标题应使用黑体，此处是“宋体”")]   # "一、" and the tab after it


def test_the_level_s_indents_go_between_the_style_and_the_paragraph():
    # The level indents the first line two characters: the heading is 左空二字.
    assert layout_diags(heading_letter(with_level(FIRST, '<w:rFonts w:eastAsia="黑体"/>')), "BODY-001") == []
    # A hanging indent from the level (Word's default list): the first line starts at the margin.
    assert layout_diags(heading_letter(with_level(HANG, '<w:rFonts w:eastAsia="黑体"/>')), "BODY-001") == [
        ("BODY-001", 4, 1, 2, "一级标题（一、）应首行左空二字，此处空0字")]
    # The paragraph's own first-line indent replaces the level's hanging one, and its left indent the level's.
    fixed = heading_letter(with_level(HANG, '<w:rFonts w:eastAsia="黑体"/>'),
                           '<w:ind w:left="0" w:leftChars="0" w:firstLineChars="200"/>')
    assert layout_diags(fixed, "BODY-001") == []


def test_num_012_measures_a_numbered_paragraph_with_its_number():
    # "一、" and the tab to the next default stop take the first line's first cells: ２０２４ lands on the wrap.
    text = "为方便学生上下学，我局拟调整校车线路，现于２０２４年秋季学期起调整线路十二条。"
    para_xml = (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                f'<w:r><w:t>{text}</w:t></w:r></w:p>')
    data = build([paragraph_xml("示例市教育局关于调整校车线路的函"), paragraph_xml("示例市交通运输局："), para_xml],
                 numbering=with_level(FIRST))
    doc = read_docx(data, "t.docx")
    p = doc.paragraphs[2]
    starts = geometry.line_starts(p, doc.sections[0], doc.base_size, doc.default_tab)
    # 2 cells of indent, 2 of "一、", the tab to 36 pt (720 twips: the third cell), then 23 characters.
    assert p.text[:3] == "一、\t" and starts == [3 + 23]
    assert p.text[starts[0] - 2:starts[0] + 2] == "２０２４"
    assert [d[4] for d in layout_diags(data, "NUM-012")] == [
        "数字“２０２４”在自动换行处被断开（按每行 28 字推算，断在“２０”之后）"]


GRID_26 = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles '
           f'xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>'
           '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:sz w:val="32"/>'
           '</w:rPr></w:style></w:styles>')


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")), reason="needs LibreOffice and pdftotext")
@pytest.mark.parametrize("ind, suff", [(HANG, None), (FIRST, None), (FIRST, "space"), (FIRST, "nothing")])
def test_libreoffice_wraps_a_numbered_paragraph_where_the_geometry_does(tmp_path, ind, suff):
    # A 26-cell grid (LibreOffice sets a 3号 character in two cells of a grid finer than 16 pt, Word in one:
    # so the check uses a grid both set alike).  The number, its tab/space/nothing and the indents of the level.
    width = 11906 - 1587 - 1474
    cs = round((width / 20 / 26 - 16) * 4096)
    sect = _sect({}, {}, False).replace('w:charSpace="-841"', f'w:charSpace="{cs}"')
    body = [f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:jc w:val="left"/></w:pPr>'
            f'<w:r><w:t>{CHARS}</w:t></w:r></w:p>']
    lv = level(0, "chineseCounting", "%1、", suff=suff).replace("</w:lvl>", f"<w:pPr>{ind}</w:pPr></w:lvl>")
    data = build(body, numbering=numbering((0, [lv]), nums={1: '<w:abstractNumId w:val="0"/>'}), styles=GRID_26,
                 section=sect)
    doc = read_docx(data, "t.docx")
    p = doc.paragraphs[0]
    starts = geometry.line_starts(p, doc.sections[0], doc.base_size, doc.default_tab)
    assert starts is not None
    ours = [len(p.text[a:b].replace("\t", "").replace(" ", "")) for a, b in zip([0, *starts], [*starts, len(p.text)])]
    (tmp_path / "n.docx").write_bytes(data)
    subprocess.run([shutil.which("soffice"), "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "n.docx")],
                   capture_output=True, timeout=180, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "n.pdf"), "-"], capture_output=True, text=True).stdout
    theirs = [len(x.replace(" ", "")) for x in text.split("\f")[0].split("\n") if x.strip()]
    assert ours == theirs
