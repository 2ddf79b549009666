"""Markdown drafts: every kind of markup read through, diagnostics at the .md file's own line and column.

Issue 10's Markdown part: headings, emphasis, lists, block quotes and tables
become the letter's lines; ``**2024年05月06日**`` is a padded date, ``> 抄送：…``
is the 抄送, ``- 一.住宅小区`` a heading with the wrong punctuation.  The
letters are for fictional organisations.
"""
from __future__ import annotations

import pytest

from letterlint.lint import lint_text
from letterlint.markdown import letter_text, letter_view

DRAFT = """---
title: 校车线路调整
---
示例市教育局关于调整校车线路的函
===

示例市交通运输局：

　　为方便*学生*上下学，我局拟调整~~部分~~校车线路，详见[线路图][图]。现将有关事项函告如下。\\
　　请予支持。

## 一.总体安排 ##

- （一）调整线路
    - 1、东线增加两个站点。

| 线路 | 站点 |
|:---|---:|
| 东线 | 学校&amp;社区 |

　　特此函告。

示例市教育局

**2024年05月06日**

> > 抄送：示例市人民政府办公室

[图]: https://example.org/map
"""


def _lines(text: str) -> list[str]:
    return letter_text(text).split("\n")


def test_every_kind_of_markup_is_read_through_and_lines_stay():
    lines = _lines(DRAFT)
    assert len(lines) == len(DRAFT.split("\n"))
    assert [(n, line) for n, line in enumerate(lines, 1) if line] == [
        (4, "示例市教育局关于调整校车线路的函"),             # setext heading: the "===" line goes
        (7, "示例市交通运输局："),
        (9, "　　为方便学生上下学，我局拟调整部分校车线路，详见线路图。现将有关事项函告如下。"),   # hard break "\\" goes
        (10, "　　请予支持。"),
        (12, "一.总体安排"),                                 # "## … ##"
        (14, "（一）调整线路"),
        (15, "1、东线增加两个站点。"),                       # a nested item: no indentation left
        (17, "线路\u3000站点"),
        (19, "东线\u3000学校&社区"),                         # the delimiter row goes; "&amp;" reads "&"
        (21, "　　特此函告。"),
        (23, "示例市教育局"),
        (25, "2024年05月06日"),
        (27, "抄送：示例市人民政府办公室"),                  # nested block quote
    ]   # lines 1-3: the front matter; the last: the link reference definition


def test_the_complete_list_of_diagnostics_at_source_positions():
    result = lint_text(DRAFT, "草稿.md")
    assert [(d.rule, d.line, d.column, d.end_line, d.end_column) for d in result.diagnostics] == [
        ("HEAD-002", 12, 5, 12, 6),     # "## 一." : the "." is the 5th character of the source line
        ("HEAD-004", 15, 8, 15, 9),     # "    - 1、": the "、"
        ("HEAD-009", 15, 17, 15, 18),
        ("DATE-002", 25, 8, 25, 10),    # "**2024年05月06日**": "05"
        ("DATE-002", 25, 11, 25, 13),
        ("COPY-002", 27, 17, 27, 18),   # "> > 抄送：…": the last character
    ]


def test_the_same_letter_without_markup_gives_the_same_problems():
    plain = lint_text(letter_text(DRAFT), "草稿.txt")
    marked = lint_text(DRAFT, "草稿.md")
    assert [(d.rule, d.line) for d in plain.diagnostics] == [(d.rule, d.line) for d in marked.diagnostics]


@pytest.mark.parametrize(("source", "expected"), [
    ("# 示例市教育局关于调整校车线路的函", "示例市教育局关于调整校车线路的函"),
    ("###### 一、总体安排 ######", "一、总体安排"),
    ("**（一）调整线路**", "（一）调整线路"),
    ("为方便*学生*上下学，~~拟~~调整", "为方便学生上下学，拟调整"),
    # CommonMark: "_" and "__" between CJK characters are not emphasis, and the reader sees them as written.
    ("为方便__学生__上下学", "为方便__学生__上下学"),
    ("* 一、甲", "一、甲"),
    ("+ 一、甲", "一、甲"),
    ("1. 东线", "1. 东线"),            # an ordered list's number is the letter's own 三级标题
    ("1) 东线", "1) 东线"),
    ("> 抄送：甲，乙。", "抄送：甲，乙。"),
    ("我局拟于5月6日\\*起调整", "我局拟于5月6日*起调整"),
    ("示例&nbsp;市", "示例\u00a0市"),
    ("文号`示教函〔2024〕3号`。", "文号示教函〔2024〕3号。"),
    ("详见<https://example.org>。", "详见https://example.org。"),
    ("示例市<br>教育局", "示例市教育局"),
    ("    示教函〔2024〕3号", "示教函〔2024〕3号"),
])
def test_one_line_of_markup(source, expected):
    assert _lines(source)[0] == expected


def test_table_cells_and_an_escaped_pipe():
    lines = _lines("| 联系人 | 电话 |\n|:---|---:|\n| 李明 | 0571\\|123 |\n")
    assert lines[:3] == ["联系人\u3000电话", "", "李明\u30000571|123"]


def test_front_matter_only_at_the_top():
    assert _lines("---\ntitle: 甲\n---\n正文")[:4] == ["", "", "", "正文"]
    # Later, "---" is a thematic break and the text around it stays.
    assert _lines("正文\n\n---\n\ntitle: 甲") == ["正文", "", "", "", "title: 甲"]


def test_reference_links_and_their_definitions():
    assert _lines("详见[线路图][1]和[站点][]。\n\n[1]: https://example.org\n[站点]: https://example.org/s") == \
        ["详见线路图和站点。", "", "", ""]


def test_nested_lists_and_their_continuation_lines_lose_only_ascii_indentation():
    assert _lines("- 一、总体安排\n\n  　　本次调整涉及3条线路。\n  - （一）调整线路\n    1. 东线") == \
        ["一、总体安排", "", "　　本次调整涉及3条线路。", "（一）调整线路", "1. 东线"]


def test_columns_map_back_through_entities_and_escapes():
    text, columns = letter_view("示例&amp;市\\*局")
    assert text == "示例&市*局"
    # 示 例 & 市 * 局 → source columns 1 2 3 8 10 11
    assert [columns.column(1, c) for c in range(1, 7)] == [1, 2, 3, 8, 10, 11]
