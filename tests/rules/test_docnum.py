"""发文字号 rules: each fires at the exact characters, and stays silent on a good number."""
import pytest
from helpers import codes, lint, spans

LETTER = """\
签发人：王小明    {docnum}
关于商请协助开展道路安全检查的函
示例市公安局：
为做好道路安全检查工作，现商请贵局派员协助。
请予函复。
示例市交通运输局
2024年5月6日
"""


def check(docnum):
    return lint(LETTER.format(docnum=docnum), select=["DOCNUM"])


def test_good_number_is_silent():
    assert check("示交函〔2024〕12号") == []


@pytest.mark.parametrize("bad,shown", [("[2024]", "[]"), ("【2024】", "【】"), ("（2024）", "（）"),
                                       ("(2024)", "()"), ("［2024］", "［］"), ("〖2024〗", "〖〗")])
def test_brackets(bad, shown):
    diags = check(f"示交函{bad}12号")
    # 签发人：王小明 + 4 spaces = 11 characters, 示交函 = 3: the bracket opens at column 15.
    assert spans(diags, "DOCNUM-002") == [(1, 15, 1, 21)]
    assert shown in diags[0].message
    assert diags[0].suggestion == "改为 示交函〔2024〕12号"


def test_short_year():
    assert spans(check("示交函〔24〕12号"), "DOCNUM-003") == [(1, 16, 1, 18)]


def test_leading_zero():
    diags = check("示交函〔2024〕012号")
    assert spans(diags, "DOCNUM-004") == [(1, 21, 1, 24)]
    assert diags[0].suggestion == "改为 示交函〔2024〕12号"


def test_di():
    assert spans(check("示交函〔2024〕第12号"), "DOCNUM-005") == [(1, 21, 1, 22)]


def test_no_hao():
    assert spans(check("示交函〔2024〕12"), "DOCNUM-006") == [(1, 21, 1, 23)]


def test_bare_number_without_brackets():
    assert spans(check("示交函2024年12号"), "DOCNUM-001") == [(1, 12, 1, 23)]


def test_full_width_digits_in_the_number():
    diags = check("示交函〔２０２４〕１２号")
    assert [(d.rule, d.line, d.column, d.end_column) for d in diags] == [("DOCNUM-003", 1, 16, 20),
                                                                          ("DOCNUM-001", 1, 21, 23)]
    assert diags[1].message == "发文顺序号“１２”应使用半角阿拉伯数字" and diags[1].suggestion == "改为 12"


def test_nian_inside_the_year_brackets():
    diags = check("示交函〔2024年〕12号")
    assert [(d.rule, d.line, d.column, d.end_column) for d in diags] == [("DOCNUM-003", 1, 16, 21)]
    assert diags[0].message == "发文字号的六角括号内只写年份数字，不加“年”字"


def test_a_letter_o_in_the_year():
    assert spans(check("示交函〔2O24〕12号"), "DOCNUM-003") == [(1, 16, 1, 20)]


def test_spaces_inside_the_number():
    diags = check("示交函〔 2024〕 12号")
    assert [(d.rule, d.line, d.column, d.end_column) for d in diags] == [("DOCNUM-001", 1, 16, 17)]
    assert diags[0].message == "发文字号中间不应有空格"


def test_year_mismatch_is_a_warning():
    diags = check("示交函〔2022〕12号")
    assert spans(diags, "DOCNUM-007") == [(1, 16, 1, 20)]
    assert diags[0].severity == "warning"


def test_year_mismatch_across_new_year_is_info():
    text = LETTER.format(docnum="示交函〔2023〕12号").replace("2024年5月6日", "2024年1月3日")
    diags = lint(text, select=["DOCNUM-007"])
    assert [d.severity for d in diags] == ["info"]


def test_cited_number_in_body_is_checked():
    text = LETTER.format(docnum="示交函〔2024〕12号").replace(
        "为做好", "根据《示例市人民政府关于加强道路安全的通知》（示政发[2024]3号），为做好")
    diags = lint(text, select=["DOCNUM"])
    assert spans(diags, "DOCNUM-002") == [(4, 27, 4, 33)]
    assert diags[0].message.startswith("引用的发文字号")


def test_wellformed_citation_and_prose_brackets_are_silent():
    text = LETTER.format(docnum="示交函〔2024〕12号").replace(
        "为做好", "根据（示政发〔2024〕3号）和《规划（2021—2025年）》，为做好")
    # (Citing by number alone is DOCNUM-009's business, tested below.)
    assert codes(lint(text, select=["DOCNUM"], ignore=["DOCNUM-009"])) == set()


# --- DOCNUM-009 -------------------------------------------------------------------------


def cited(sentence):
    text = LETTER.format(docnum="示交函〔2024〕12号").replace("为做好道路安全检查工作，", sentence)
    return spans(lint(text, select=["DOCNUM-009"]), "DOCNUM-009")


def test_cited_number_without_title():
    # 根据 is not part of the number: the span starts at 示政发.
    assert cited("根据示政发〔2024〕3号文件精神，") == [(4, 3, 4, 14)]
    assert cited("按市政府（示政发〔2024〕3号）要求，") == [(4, 6, 4, 17)]


def test_cited_number_after_its_title_is_silent():
    assert cited("根据《示例市人民政府关于加强道路安全工作的意见》（示政发〔2024〕3号），") == []
    assert cited("根据《示例市人民政府关于加强道路安全工作的意见》(示政发〔2024〕3号)，") == []
    assert cited("经研究（2024）12个项目已完成，") == []  # no 号: not a document number
