"""数字 rules (GB/T 15835-2011): each fires at the exact characters, silent on correct text."""
from helpers import lint, only, spans

LETTER = """\
关于商请协助开展校园步道建设的函
示例市住房和城乡建设局：
{body}
请予支持。
示例市教育局
{date}
"""


def check(body, select=("NUM",), date="2024年5月6日"):
    return lint(LETTER.format(body=body, date=date), select=list(select))


GOOD_BODY = """\
我局于2024年5月启动改造，已连续实施15年，24年来持续推进，工作满15年6个月。
我局已于2024年5月6日完成勘查，系统记录时间为2024-05-06，版本V2024.1.2，比例3.14。
项目总投资9亿～16亿元，财政资金占15%～30%，工期3～5个月，经费0～5%浮动。
全市共有4000名教师，投资300万元，相距3千米，功率5千瓦，下降2个百分点，增长0.5%。
二〇二四年是开局之年。
截至2024年5月底，全市已完成改造12处，报名截止日期为6月30日，截止到目前已受理30件。"""


def test_correct_numbers_are_silent():
    assert check(GOOD_BODY) == []


def test_abbreviated_years():
    diags = check("我局于24年5月启动改造，’23年完成规划。")
    assert spans(diags, "NUM-001") == [(3, 4, 3, 7), (3, 14, 3, 18)]
    assert diags[0].suggestion == "如 2024年"
    assert {d.severity for d in diags} == {"error"}


def test_abbreviated_years_without_a_month():
    diags = check("该工程于23年底完工，九〇年代修建的校舍已于23年拆除。")
    assert spans(diags, "NUM-001") == [(3, 5, 3, 8), (3, 12, 3, 15), (3, 23, 3, 26)]
    assert check("我局连续23年开展此项工作，近三五年来成效明显，自2023年起实施。") == []


def test_numeric_dates_in_text():
    diags = check("我局已于2024.5.6完成勘查，2024/5/6复查，2024-5-6验收。")
    assert spans(diags, "NUM-002") == [(3, 5, 3, 13), (3, 18, 3, 26), (3, 29, 3, 37)]
    assert diags[0].suggestion == "改为 2024年5月6日"
    assert {d.severity for d in diags} == {"warning"}


def test_dropped_units_in_ranges():
    diags = check("项目总投资9～16亿元，其中财政资金占15～30%。")
    assert spans(diags, "NUM-003") == [(3, 6, 3, 11), (3, 20, 3, 26)]
    assert [d.suggestion for d in diags] == ["改为 9亿～16亿", "改为 15%～30%"]


def test_mixed_numerals():
    diags = check("全市共有4千名教师，投资3百万元。")
    assert spans(diags, "NUM-004") == [(3, 5, 3, 7), (3, 13, 3, 15)]
    assert [d.suggestion for d in diags] == ["改为 4000", "改为 300"]


def test_missing_leading_zero():
    d = only(check("全市教育经费比上年增长.5%。", select=("NUM", "PUNCT-001")), "NUM-005")
    assert (d.line, d.column, d.end_line, d.end_column) == (3, 12, 3, 14)
    assert d.suggestion == "改为 0.5"


def test_sentence_period_before_a_number_is_not_a_decimal():
    diags = check("工作已全部完成.3个项目已开工。", select=("NUM", "PUNCT-001"))
    assert [d.rule for d in diags] == ["PUNCT-001"]


def test_fullwidth_digits():
    d = only(check("我局于２０２４年5月启动。"), "NUM-006")
    assert (d.column, d.end_column) == (4, 8)
    assert d.suggestion == "改为 2024"
    assert d.severity == "error"


def test_ling_in_chinese_year():
    diags = check("二零二四年是开局之年，二O二三年完成规划。")
    assert spans(diags, "NUM-008") == [(3, 1, 3, 5), (3, 12, 3, 16)]
    assert diags[0].suggestion == "改为 二〇二四年"


def test_ling_in_an_old_date_line_but_not_in_a_new_one():
    # Before GB/T 9704-2012 the 成文日期 was written in Chinese numerals: only the zero is wrong.
    d = only(check("现将有关事项函告如下。", date="二零一一年五月六日"), "NUM-008")
    assert (d.line, d.column, d.end_column) == (6, 1, 5)
    # A later date in Chinese numerals is DATE-001's to report, as a whole.
    assert check("现将有关事项函告如下。", date="二零二四年五月六日") == []


def test_jiezhi_before_a_date_is_a_hint():
    d = only(check("截止2024年5月底，全市已完成改造12处。"), "NUM-011")
    assert (d.column, d.end_column, d.severity) == (1, 3, "info")


def test_digit_grouping_mixed():
    body = "全年完成投资1,234万元，新增学位5 600个，共计12,345人。"
    assert spans(check(body, select=["NUM-009"]), "NUM-009") == [(3, 19, 3, 24)]
    d = only(check(body, select=["NUM-009"]), "NUM-009")
    assert d.severity == "info" and d.message == "“5 600”用千分空分节，本文其他数字用千分撇"


def test_digit_grouping_one_style_is_silent():
    assert check("全年完成投资1,234万元，共计12,345人。", select=["NUM-009"]) == []
    assert check("全年完成投资1 234万元，共计12 345人。", select=["NUM-009"]) == []
    assert check("联系电话138 1234 5678，投资1,234万元。", select=["NUM-009"]) == []
