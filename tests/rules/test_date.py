"""成文日期 and 印发日期 rules: each fires at the exact characters, and stays silent on a good date."""
import pytest
from helpers import codes, lint, only, spans

from letterlint.rules.date import cn_to_int

LETTER = """\
关于商请协助开展校园周边交通整治的函
示例市公安局：
为做好校园周边交通整治工作，现商请贵局派员协助。
请予函复。
示例市教育局
{date}
"""

RECORD = LETTER + """\
抄送：示例市人民政府办公室。
{print_line}
"""


def check(date, select=("DATE",)):
    return lint(LETTER.format(date=date), select=list(select))


def test_good_date_is_silent():
    assert check("2024年5月6日", select=["DATE", "PRINT"]) == []


@pytest.mark.parametrize("text,value", [("二〇二四", 2024), ("二0一七", 2017), ("二○○三", 2003), ("十", 10),
                                        ("十一", 11), ("二十", 20), ("二十九", 29), ("九十九", 99), ("五", 5),
                                        ("０５", 5), ("12", 12), ("十十", None), ("二百", None), ("", None)])
def test_cn_to_int(text, value):
    assert cn_to_int(text) == value


def test_chinese_numerals():
    d = only(check("二〇二四年五月六日"), "DATE-001")
    assert (d.line, d.column, d.end_line, d.end_column) == (6, 1, 6, 10)
    assert d.suggestion == "改为 2024年5月6日"


def test_chinese_numerals_mixed_with_a_digit_zero():
    d = only(check("二0一七年十二月二十六日"), "DATE-001")
    assert spans([d], "DATE-001") == [(6, 1, 6, 13)]
    assert d.suggestion == "改为 2017年12月26日"


def test_chinese_numerals_before_2012_are_not_reported():
    # GB/T 9704-1999 asked for Chinese numerals until 2012-07-01.
    assert codes(check("二〇一一年五月六日")) == set()
    assert codes(check("二〇一二年七月一日")) == {"DATE-001"}


def test_leading_zeros_point_at_the_padded_digits():
    diags = check("2024年05月06日")
    assert spans(diags, "DATE-002") == [(6, 6, 6, 8), (6, 9, 6, 11)]
    assert {d.suggestion for d in diags} == {"改为 2024年5月6日"}
    assert "月份“05”" in diags[0].message


def test_short_year():
    assert spans(check("24年5月6日"), "DATE-002") == [(6, 1, 6, 3)]


def test_fullwidth_digits():
    d = only(check("２０２４年５月６日"), "DATE-002")
    assert (d.line, d.column, d.end_column) == (6, 1, 10)
    assert "全角" in d.message and d.suggestion == "改为 2024年5月6日"
    assert "DATE-001" not in codes(check("２０２４年５月６日"))


def test_incomplete_date():
    assert spans(check("2024年5月"), "DATE-003") == [(6, 1, 6, 8)]


@pytest.mark.parametrize("date", ["2024.5.6", "2024-05-06", "2024/5/6"])
def test_dotted_forms(date):
    diags = check(date)
    d = only(diags, "DATE-004")
    assert (d.line, d.column, d.end_column) == (6, 1, 1 + len(date))
    assert d.suggestion == "改为 2024年5月6日"
    assert "DATE-002" not in codes(diags)  # the rewrite fixes the padding too


def test_impossible_day():
    d = only(check("2024年2月30日"), "DATE-005")
    assert (d.line, d.column, d.end_line, d.end_column) == (6, 8, 6, 10)
    assert d.message == "成文日期不存在：2024年2月没有30日"


def test_impossible_month():
    assert spans(check("2024年13月6日"), "DATE-005") == [(6, 6, 6, 8)]


def test_leap_day_and_chinese_numerals_are_read():
    assert "DATE-005" not in codes(check("2024年2月29日"))
    assert spans(check("二〇二三年二月二十九日"), "DATE-005") == [(6, 8, 6, 11)]


def test_no_text_page_after_the_date():
    text = LETTER.format(date="2024年5月6日") + "（此页无正文）\n"
    assert spans(lint(text, select=["DATE"]), "DATE-007") == [(7, 1, 7, 8)]


def test_no_text_page_above_the_signature():
    text = LETTER.format(date="2024年5月6日").replace("请予函复。\n", "请予函复。\n此页无正文\n")
    assert spans(lint(text, select=["DATE"]), "DATE-007") == [(5, 1, 5, 6)]


def record(date="2024年5月6日", print_line="示例市教育局办公室　2024年5月7日印发", select=("DATE", "PRINT")):
    return lint(RECORD.format(date=date, print_line=print_line), select=list(select))


def test_good_record_is_silent():
    assert record(select=["DATE", "PRINT-001"]) == []


def test_print_date_before_the_date():
    d = only(record(date="2024年5月8日"), "DATE-008")
    # 示例市教育局办公室 (9) + full-width space: the date starts at column 11.
    assert (d.line, d.column, d.end_line, d.end_column) == (8, 11, 8, 20)
    assert d.message == "印发日期2024年5月7日早于成文日期2024年5月8日"
    assert d.severity == "warning"


def test_same_day_print_is_fine():
    assert "DATE-008" not in codes(record(date="2024年5月7日"))


def test_print_line_without_yinfa():
    diags = record(print_line="示例市教育局办公室　2024年5月7日")
    d = only(diags, "PRINT-001")
    assert (d.line, d.column, d.end_column) == (8, 11, 20)
    assert d.message == "印发日期后缺少“印发”二字"
    assert d.suggestion == "改为 示例市教育局办公室　2024年5月7日印发"


def test_print_line_with_padded_date():
    d = only(record(print_line="示例市教育局办公室　2024年05月07日印发"), "PRINT-001")
    assert (d.line, d.column, d.end_column) == (8, 11, 22)
    assert "虚位" in d.message and d.suggestion == "改为 示例市教育局办公室　2024年5月7日印发"


def test_print_line_with_dotted_date():
    d = only(record(print_line="示例市教育局办公室　2024.5.7印发"), "PRINT-001")
    assert (d.line, d.column, d.end_column) == (8, 11, 19)
    assert "××××年×月×日" in d.message


def test_print_line_with_a_two_digit_year_is_still_the_print_line():
    diags = record(print_line="示例市教育局办公室　24年5月7日印发", select=["DATE", "PRINT-001", "STRUCT", "NUM"])
    assert [d.rule for d in diags] == ["PRINT-001"]
    d = diags[0]
    assert (d.line, d.column, d.end_column) == (8, 11, 18)
    assert d.message == "印发日期的年份“24”应标全称（四位）"


def test_print_line_with_chinese_numerals():
    d = only(record(print_line="示例市教育局办公室　二〇二四年五月七日印发"), "PRINT-001")
    assert "阿拉伯数字" in d.message and d.suggestion == "改为 示例市教育局办公室　2024年5月7日印发"


@pytest.mark.parametrize("date, span, message", [
    ("2024年5月6", (6, 8, 6, 9), "缺少“日”字"),
    ("2024年5月6号", (6, 9, 6, 10), "的“号”应写作“日”"),
    ("2024年5月6日。", (6, 10, 6, 11), "后不加句号"),
])
def test_a_day_without_ri_with_hao_or_a_full_stop_is_read_as_the_date_and_reported(date, span, message):
    diags = check(date, select=["DATE", "SIGN", "STRUCT"])
    d = only(diags, "DATE-003")
    assert ((d.line, d.column, d.end_line, d.end_column), d.suggestion) == (span, "改为 2024年5月6日")
    assert message in d.message and d.fix is not None
    assert [x.rule for x in diags] == ["DATE-003"]  # the 署名 above it is still the 署名
