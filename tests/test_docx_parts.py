"""Fonts, sizes and page set-up of each part of a Word letter: what GB/T 9704 asks, the tolerances, and the
font names offices use for one family (issue 10's list, part by part).

Each case is a small document described as in the rules' examples (letterlint/docx/spec.py), for
fictional organisations; a case that breaks the rule has its exact finding, one that keeps it has none.
"""
from __future__ import annotations

import pytest

from letterlint.docx.spec import _keys, _sect, build, from_spec, paragraph_xml
from letterlint.lint import Settings, lint_bytes

OPENING = "示例市教育局关于调整校车线路的函\n示例市交通运输局：\n"
BASE = OPENING + "　　特此函告。"


def found(data: bytes, code: str, doctype: str | None = None) -> list[tuple]:
    result = lint_bytes(data, "e.docx", Settings(select=[code], doctype=doctype))
    assert result.error is None, result.error
    return [(d.line, d.column, d.end_column, d.message) for d in result.diagnostics]


# --- one family, many names -----------------------------------------------------------------------


@pytest.mark.parametrize("font", ["仿宋_GB2312", "仿宋", "FangSong", "方正仿宋_GBK", "方正仿宋简体"])
def test_the_body_in_any_name_of_fangsong(font):
    assert found(from_spec(OPENING + f"{{字体={font}}}　　为方便学生上下学，我局拟调整校车线路。"), "LAYOUT-004") == []


@pytest.mark.parametrize("font", ["方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S"])
def test_the_title_in_any_name_of_xiaobiaosong(font):
    assert found(from_spec(f"{{字体={font} 字号=22 居中}}" + BASE), "TITLE-008") == []


# --- the parts: title 2号小标宋, headings by level, 抄送 4号仿宋, 附件 label 3号黑体 -----------------------

HEADINGS = OPENING + "{字体=黑体}　　一、总体安排\n{字体=楷体}　　（一）调整线路。\n{字体=%s}　　1.东线\n{字体=%s}　　（1）西线\n　　特此函告。"


def test_levels_three_and_four_are_fangsong():
    assert found(from_spec(HEADINGS % ("仿宋_GB2312", "FangSong")), "HEAD-010") == []
    # "1." is set in the Latin font: only the words of level 3 are in the wrong face; level 4's brackets are too.
    assert found(from_spec(HEADINGS % ("黑体", "楷体")), "HEAD-010") == [
        (5, 5, 7, "三级标题应使用仿宋，此处是“黑体”"), (6, 3, 4, "四级标题应使用仿宋，此处是“楷体”（这一行共2处）")]


END = BASE + "\n示例市教育局\n2024年5月6日\n{字号=%s}抄送：示例市人民政府办公室。"


def test_the_copy_line_is_4hao_fangsong():
    assert found(from_spec(END % 14), "LAYOUT-004", "函") == []
    assert found(from_spec(END % 16), "LAYOUT-004", "函") == [(6, 1, 15, "抄送应为4号（14磅），此处是3号（16磅）")]


ATTACHMENT = (BASE + "\n　　附件：校车线路表\n示例市教育局\n2024年5月6日\n{字体=%s 分页 字号=%s}附件\n\n{居中}校车线路表")


def test_the_attachment_label_is_3hao_heiti():
    assert found(from_spec(ATTACHMENT % ("SimHei", 16)), "ATTACH-008") == []
    assert found(from_spec(ATTACHMENT % ("黑体", 14)), "ATTACH-008") == [
        (7, 1, 3, "附件标识应为3号（16磅），此处是4号（14磅）")]


# --- the page: margins within 1 mm, lines from the grid or the line pitch, the page number's form -------------


@pytest.mark.parametrize(("margins", "message"), [
    ("上=37.9 左=28.9 右=25.1 下=34.1", None),
    ("上=36.1 左=27.1 右=26.9 下=35.9", None),
    ("上=38.2 左=28 右=26 下=33.8", "页边距不合规定：上边距 38.2 mm（应为 37 mm）"),
    ("上=37 左=26.8 右=27.2 下=35", "页边距不合规定：左边距 26.8 mm（应为 28 mm）"),
])
def test_margins_within_a_millimetre(margins, message):
    assert found(from_spec(f"@页面 {margins}\n" + BASE), "LAYOUT-002") == ([(1, 1, 17, message)] if message else [])


@pytest.mark.parametrize(("pitch", "message"), [(580, None), (520, "版面行数字数不合规定：每页 24 行（应为 22 行）")])
def test_lines_per_page_from_an_exact_line_pitch_without_a_grid(pitch, message):
    # 29 pt (580 twips) exactly: 225 mm hold 22 lines; 26 pt: 24.
    spacing = f'<w:p><w:pPr><w:spacing w:line="{pitch}" w:lineRule="exact"/></w:pPr>'
    paragraphs = [paragraph_xml(line).replace("<w:p>", spacing, 1) for line in BASE.split("\n")]
    data = build(paragraphs, section=_sect(_keys("网格=无"), {}, False))
    assert found(data, "LAYOUT-003") == ([(1, 1, 17, message)] if message else [])


FOOTERS = ("@首页不同\n@单双页不同\n@首页页脚\n@页脚 {字号=14 字体=宋体 西文字体=宋体 %s}%s\n"
           "@偶数页脚 {字号=14 字体=宋体 西文字体=宋体 左对齐 左缩进=1}%s\n")


def test_page_numbers_with_one_em_dashes_on_the_outer_side():
    good = "— {页码} —"
    assert found(from_spec(FOOTERS % ("右对齐 右缩进=1", good, good) + BASE), "LAYOUT-006") == []
    wide = "－ {页码} －"
    assert found(from_spec(FOOTERS % ("右对齐 右缩进=1", wide, wide) + BASE), "LAYOUT-006") == [
        (1, 1, 17, "偶数页页脚的页码：形式应为“— 1 —”（此处是“－ 1 －”）"),
        (1, 1, 17, "奇数页页脚的页码：形式应为“— 1 —”（此处是“－ 1 －”）")]
    assert found(from_spec(FOOTERS % ("左对齐 左缩进=1", good, good) + BASE), "LAYOUT-006") == [
        (1, 1, 17, "奇数页页脚的页码：单页页码应居右空一字")]


def test_a_missing_odd_page_number_is_named_as_such():
    # Even and odd footers set apart, the number only on even pages: the odd footer is the one to fix.
    spec = FOOTERS % ("右对齐 右缩进=1", "示例市教育局", "— {页码} —") + BASE
    result = lint_bytes(from_spec(spec), "e.docx", Settings(select=["LAYOUT-006"]))
    assert [(d.message, d.suggestion) for d in result.diagnostics] == [
        ("奇数页页脚没有页码（设置了奇偶页不同，单页也要有页码）", "在奇数页页脚插入页码，居右空一字")]


def test_an_office_says_its_fonts_and_sizes_once_in_the_config(tmp_path, capsys):
    from letterlint.cli import main

    draft = tmp_path / "函.docx"
    draft.write_bytes(from_spec("{字号=20 字体=方正小标宋简体 居中}示例市教育局关于调整校车线路的函\n示例市交通运输局：\n"
                                "{字体=汉仪仿宋简}　　为方便学生上下学，我局拟调整校车线路。"))
    argv = ["--format", "concise", "--select", "LAYOUT-004,TITLE-008", str(draft)]
    main(argv)
    assert capsys.readouterr().out.splitlines() == [
        f"{draft}:段1:列1: 警告 TITLE-008 标题应为2号（22磅），此处是20磅",
        f"{draft}:段3:列3: 警告 LAYOUT-004 正文应使用仿宋，此处是“汉仪仿宋简”"]
    (tmp_path / "letterlint.toml").write_text('[local]\nfont-aliases = ["汉仪仿宋简=仿宋"]\ntitle-size = 20\n',
                                             encoding="utf-8")
    assert main(argv) == 0 and capsys.readouterr().out == ""
