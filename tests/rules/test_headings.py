"""层次序数 rules: nesting, punctuation and numbering of headings, and 序次语 in paragraphs."""
import pytest
from helpers import codes, lint, only, spans

from letterlint.rules.headings import int_to_cn, marker

LETTER = """\
关于商请协助开展校园步道建设的函
示例市住房和城乡建设局：
为推进校园步道建设，现将有关事项函告如下。
{body}
请予支持。
示例市教育局
2024年5月6日
"""

GOOD_BODY = """\
一、工作目标
全面完成校园步道建设。
二、主要任务
（一）完善设施
设施建设分两步实施。
1.建设步道
2.完善照明
（1）更换灯具
（2）增设路灯
（二）加强管理
三、保障措施
落实专项资金。"""


def check(body, select=("HEAD",)):
    return lint(LETTER.format(body=body), select=list(select))


def test_good_headings_are_silent():
    assert check(GOOD_BODY) == []


@pytest.mark.parametrize("n,cn", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (35, "三十五"), (99, "九十九")])
def test_int_to_cn(n, cn):
    assert int_to_cn(n) == cn


def test_markers():
    assert [marker(level, 3) for level in (1, 2, 3, 4)] == ["三、", "（三）", "3.", "（3）"]


# HEAD-001 ---------------------------------------------------------------------

def test_shallower_level_under_a_deeper_one():
    d = only(check("一、工作目标\n1.完善设施\n（一）建设步道"), "HEAD-001")
    assert (d.line, d.column, d.end_line, d.end_column) == (6, 1, 6, 4)
    assert d.message == "层级颠倒：二级标题“（一）”不应出现在三级标题“1.”之下"


def test_skipping_a_level_downward_is_allowed():
    assert "HEAD-001" not in codes(check("一、工作目标\n1.完善设施\n2.建设步道\n二、保障措施\n（一）落实资金"))


def test_items_quoted_before_the_first_section_do_not_nest():
    body = "您提出的建议如下：\n1.完善设施\n2.建设步道\n现答复如下：\n一、关于完善设施\n二、关于建设步道"
    assert check(body) == []
    # Without text between, the 一、 stands directly under the 1. items.
    assert spans(check("1.完善设施\n一、工作目标"), "HEAD-001") == [(5, 1, 5, 3)]


# HEAD-002 .. HEAD-005 -----------------------------------------------------------

@pytest.mark.parametrize("mark", ["．", ".", "，", "：", ","])
def test_heading1_needs_a_dunhao(mark):
    d = only(check(f"一{mark}工作目标\n全面完成校园步道建设。"), "HEAD-002")
    assert (d.line, d.column, d.end_line, d.end_column) == (4, 2, 4, 3)
    assert d.suggestion == "改为 一、"


@pytest.mark.parametrize("space", [" ", "\u3000"])
def test_heading1_with_a_space_for_its_dunhao(space):
    d = only(check(f"一{space}工作目标\n全面完成校园步道建设。"), "HEAD-002")
    assert (d.line, d.column, d.end_column) == (4, 2, 3)
    assert d.message == "一级标题序号“一”后缺少顿号“、”，不应只空格" and d.suggestion == "改为 一、"


def test_heading1_space_before_dunhao():
    d = only(check("一 、工作目标\n全面完成校园步道建设。"), "HEAD-002")
    assert (d.line, d.column, d.end_column) == (4, 2, 4)


@pytest.mark.parametrize("heading,col", [("（一）、完善设施", 4), ("（一）．完善设施", 4), ("（1）.更换灯具", 4)])
def test_bracketed_number_takes_no_punctuation(heading, col):
    body = "一、工作目标\n" + ("（一）完善设施\n1.建设步道\n" if "1" in heading else "") + heading
    d = only(check(body), "HEAD-003")
    assert (d.column, d.end_column) == (col, col + 1)


@pytest.mark.parametrize("mark", ["、", "，"])
def test_heading3_needs_a_dot(mark):
    d = only(check(f"一、工作目标\n1{mark}建设步道\n2.完善照明"), "HEAD-004")
    assert (d.line, d.column, d.end_line, d.end_column) == (5, 2, 5, 3)
    assert d.suggestion == "改为 1."


def test_fullwidth_dot_is_a_dot():
    assert "HEAD-004" not in codes(check("一、工作目标\n1．建设步道\n2．完善照明"))


def test_numbers_in_a_list_are_not_headings():
    assert check("2、3月份开展调研。\n一、二季度完成建设。") == []


@pytest.mark.parametrize("heading,shown", [("(一)完善设施", "(一)"), ("（一)完善设施", "（一)")])
def test_half_width_brackets(heading, shown):
    d = only(check("一、工作目标\n" + heading), "HEAD-005")
    assert (d.line, d.column, d.end_line, d.end_column) == (5, 1, 5, 4)
    assert shown in d.message and d.suggestion == "改为 （一）"


# HEAD-006, HEAD-007 ---------------------------------------------------------------

def test_ordinal_takes_a_comma():
    diags = check("我局做了以下工作。第一、摸清底数；第二、完善台账。")
    assert spans(diags, "HEAD-006") == [(4, 12, 4, 13), (4, 20, 4, 21)]
    assert diags[0].suggestion == "改为 第一，"


def test_listed_ordinals_are_not_sequence_words():
    assert check("第一、二季度已完成，第一、第二批次已验收。") == []


def test_yishi_takes_no_punctuation():
    diags = check("重点做了两项工作：一是：摸清底数；二是，完善台账。")
    assert spans(diags, "HEAD-007") == [(4, 12, 4, 13), (4, 20, 4, 21)]
    assert {d.severity for d in diags} == {"warning"}


def test_yishi_inside_a_word_is_ignored():
    assert check("重点做了两项工作：一是摸清底数；二是完善台账。标准统一是，各方共识。") == []


# HEAD-008 -------------------------------------------------------------------------

def test_gap_in_numbering():
    d = only(check("一、工作目标\n二、主要任务\n四、保障措施"), "HEAD-008")
    assert (d.line, d.column, d.end_line, d.end_column) == (6, 1, 6, 2)
    assert d.message == "一级标题序号不连续：“四、”前应为“三、”"


def test_repeated_number():
    d = only(check("一、工作目标\n（一）完善设施\n（二）加强管理\n（二）落实资金"), "HEAD-008")
    assert (d.line, d.column, d.end_column) == (7, 2, 3)
    assert "重复" in d.message and d.suggestion == "核对序号，此处应为 （三）"


def test_first_number_of_a_level():
    d = only(check("一、工作目标\n（二）完善设施"), "HEAD-008")
    assert (d.line, d.column, d.end_column) == (5, 2, 3)
    assert "（一）" in d.message


def test_numbering_restarts_under_each_parent():
    assert "HEAD-008" not in codes(check("一、工作目标\n（一）完善设施\n（二）加强管理\n二、保障措施\n（一）落实资金"))


def test_a_new_list_after_text_may_restart_at_one():
    body = "一、工作目标\n具体如下。\n1.甲事项。\n2.乙事项。\n另需做好：\n1.丙事项。\n2.丁事项。"
    assert "HEAD-008" not in codes(check(body))


def test_a_second_level_heading_repeated_after_text_is_a_repeat():
    d = only(check("一、调查内容\n（一）出行特征\n了解出行次数。\n（一）服务评价\n了解候车时间。"), "HEAD-008")
    assert (d.line, d.column, d.end_column) == (7, 2, 3)
    assert d.message == "二级标题序号重复：“（一）”与上一个同级标题序号相同"


NOTICE = """\
关于印发校园步道建设方案的通知
各中小学校：
现将《校园步道建设方案》印发给你们，请结合实际认真贯彻执行。
一、高度重视
二、按时报送
示例市教育局
2024年5月6日
附件1
校园步道建设方案
一、总体要求
二、主要任务
附件2
校园步道验收标准
一、验收范围
三、验收程序
"""


def test_each_attachment_is_numbered_on_its_own():
    diags = lint(NOTICE, select=["HEAD"])
    assert spans(diags, "HEAD-008") == [(15, 1, 15, 2)]


# HEAD-009 -------------------------------------------------------------------------

def test_heading_alone_with_colon():
    d = only(check("一、工作目标：\n全面完成校园步道建设。"), "HEAD-009")
    assert (d.line, d.column, d.end_line, d.end_column) == (4, 7, 4, 8)


def test_heading_alone_with_full_stop():
    d = only(check("一、工作目标\n（一）完善设施。\n设施建设分两步实施。"), "HEAD-009")
    assert (d.line, d.column, d.end_column) == (5, 8, 9)


def test_run_in_heading_may_end_with_full_stop():
    assert "HEAD-009" not in codes(check("一、工作目标\n（一）完善设施。设施建设分两步实施。\n（二）加强管理。落实专人负责。"))


def test_list_of_sentences_is_not_a_heading():
    assert "HEAD-009" not in codes(check("1.请各校按时报送。\n2.请指定专人负责。\n联系人另行通知。"))


def test_markers_with_only_a_closing_bracket():
    body = "一）工作目标\n全面完成校园步道建设。\n1)建设步道\n2）完善照明"
    diags = lint(LETTER.format(body=body), select=["HEAD-002", "HEAD-004"])
    assert spans(diags, "HEAD-002") == [(4, 2, 4, 3)]
    assert spans(diags, "HEAD-004") == [(6, 2, 6, 3), (7, 2, 7, 3)]
    assert only(diags, "HEAD-002").suggestion == "改为 一、 或 （一）"
    # "1)" inside a sentence, or a figure like "3)" after text, is no marker.
    body = "全面完成校园步道建设（详见附件1)。\n预算为20)万元的笔误不在此列。"
    assert lint(LETTER.format(body=body), select=["HEAD-002", "HEAD-004"]) == []
