"""结束语: LETTER-003/005, REPLY-008, ROUTE-003/005 and PUNCT-011."""
import pytest
from helpers import lint, only, spans

LETTER = """\
关于商请协助开展道路安全检查的函
示例市公安局：
为做好道路安全检查工作，现商请贵局派员协助。
{closing}
示例市交通运输局
2024年5月6日
"""

REPLY_LETTER = """\
关于同意借用体育场馆的复函
示例市教育局：
你局《关于商借体育场馆的函》收悉。经研究，同意借用。
{closing}
示例市体育局
2024年5月6日
"""

SUGGESTION = """\
关于示例市七届人大三次会议第56号建议的答复
王小明代表：
您提出的《关于加强校园周边交通安全的建议》收悉，现答复如下：
今年以来，我局加强了校园周边交通管理。
{closing}
示例市教育局
2024年5月6日
"""

REQUEST = """\
示例市教育局关于拨付校舍维修经费的请示
示例市人民政府：
我局拟对12所学校的校舍进行维修，需经费300万元。
{closing}
示例市教育局
2024年5月6日
"""

REPORT = """\
示例市教育局关于2024年校舍安全检查情况的报告
示例市人民政府：
我局完成了全市校舍安全检查，维修计划已提请审批。
{closing}
示例市教育局
2024年5月6日
"""

THANKS = "感谢您对教育工作的关心和支持。"


def run(template, closing, code):
    return lint(template.format(closing=closing), select=[code])


# --- LETTER-003 ------------------------------------------------------------------


@pytest.mark.parametrize("template,closing", [
    (LETTER, "请予函复。"), (LETTER, "特此函商，请予函复。"), (LETTER, "特此函告。"),
    (REPLY_LETTER, "特此函复。"), (REPLY_LETTER, "此复。"),
    (SUGGESTION, THANKS + "\n特此函复。如有疑问，请与我局联系。"),
    (SUGGESTION, "再次感谢您对教育工作的关心和支持！"),
])
def test_fitting_closing_is_silent(template, closing):
    assert run(template, closing, "LETTER-003") == []


def test_doubled_closing_is_a_warning():
    d = only(run(REPLY_LETTER, "特此函复。此复。", "LETTER-003"), "LETTER-003")
    assert (d.line, d.column, d.end_line, d.end_column) == (4, 6, 4, 8)
    assert d.severity == "warning"


def test_doubled_closing_on_two_lines():
    diags = run(SUGGESTION, THANKS + "\n特此函复。\n此复。", "LETTER-003")
    assert spans(diags, "LETTER-003") == [(7, 1, 7, 3)]


def test_reply_asking_for_a_reply():
    d = only(run(REPLY_LETTER, "请予函复。", "LETTER-003"), "LETTER-003")
    assert (d.line, d.column, d.end_line, d.end_column) == (4, 1, 4, 5)
    assert d.severity == "info"


def test_letter_closing_as_a_reply():
    d = only(run(LETTER, "此复。", "LETTER-003"), "LETTER-003")
    assert (d.line, d.column, d.end_line, d.end_column) == (4, 1, 4, 3)
    assert d.severity == "info"


def test_letter_that_answers_may_close_as_a_reply():
    text = LETTER.replace("为做好道路安全检查工作，现商请贵局派员协助。", "贵局来函收悉。经研究，同意派员协助。")
    assert run(text, "特此函复。", "LETTER-003") == []


# --- LETTER-005 ------------------------------------------------------------------


def test_letter_without_request_formula_is_silent():
    assert run(LETTER, "请予审批为盼。", "LETTER-005") == []


@pytest.mark.parametrize("closing,span", [("妥否，请批示。", (4, 1, 4, 7)), ("当否，请批示。", (4, 1, 4, 7)),
                                          ("以上事项请审批。", (4, 5, 4, 8))])
def test_request_formula_in_a_letter(closing, span):
    d = only(run(LETTER, closing, "LETTER-005"), "LETTER-005")
    assert (d.line, d.column, d.end_line, d.end_column) == span
    assert d.severity == "warning"


def test_request_formula_in_a_reply_to_a_deputy():
    diags = run(SUGGESTION, THANKS + "\n妥否，请批示。", "LETTER-005")
    assert spans(diags, "LETTER-005") == [(6, 1, 6, 7)]


# --- REPLY-008 -------------------------------------------------------------------


@pytest.mark.parametrize("closing", [THANKS, "再次感谢您对教育工作的关心和支持！", "衷心感谢您的理解和支持。",
                                     THANKS + "\n特此函复。", "谢谢！"])
def test_thanks_are_found(closing):
    assert run(SUGGESTION, closing, "REPLY-008") == []


def test_no_thanks_reported_at_the_last_paragraph():
    d = only(run(SUGGESTION, "特此函复。", "REPLY-008"), "REPLY-008")
    assert (d.line, d.column, d.end_line, d.end_column) == (5, 1, 5, 6)
    assert d.severity == "warning"
    assert "代表" in d.message


def test_thanks_only_in_the_last_three_paragraphs():
    text = SUGGESTION.replace("收悉，现答复如下：", "收悉，感谢您的关注，现答复如下：")
    text = text.replace("今年以来，我局加强了校园周边交通管理。",
                        "今年以来，我局加强了校园周边交通管理。\n一是增设护学岗。\n二是加装信号灯。")
    assert spans(run(text, "特此函复。", "REPLY-008"), "REPLY-008") == [(7, 1, 7, 6)]


def test_locally_accepted_closing_formula():
    closing = "欢迎继续监督我局工作。"
    assert spans(run(SUGGESTION, closing, "REPLY-008"), "REPLY-008") == [(5, 1, 5, 12)]
    options = {"REPLY-008": {"closing-formulas": ["欢迎继续监督"]}}
    assert lint(SUGGESTION.format(closing=closing), select=["REPLY-008"], rule_options=options) == []


# --- ROUTE-003 -------------------------------------------------------------------


def test_report_closing_is_silent():
    # "提请审批" describes what was done; it is not a request.
    assert run(REPORT, "特此报告。", "ROUTE-003") == []


@pytest.mark.parametrize("closing,span", [
    ("特此报告，请批示。", (4, 6, 4, 9)),
    ("妥否，请批示。", (4, 1, 4, 3)),
    ("以上报告，恳请市政府予以批准。", (4, 6, 4, 15)),
    ("以上事项，请予批准。", (4, 6, 4, 10)),
])
def test_request_in_a_report(closing, span):
    diags = run(REPORT, closing, "ROUTE-003")
    assert spans(diags, "ROUTE-003")[0] == span
    assert diags[0].severity == "error"


# --- ROUTE-005 -------------------------------------------------------------------


@pytest.mark.parametrize("closing", ["妥否，请批示。", "以上请示，请予批复。", "请予审批。", "当否，请批示。"])
def test_request_closing_present(closing):
    assert run(REQUEST, closing, "ROUTE-005") == []


def test_request_without_closing():
    d = only(run(REQUEST, "我局将管好用好这笔经费。", "ROUTE-005"), "ROUTE-005")
    assert (d.line, d.column, d.end_line, d.end_column) == (4, 1, 4, 13)
    assert d.severity == "info"


# --- PUNCT-011 -------------------------------------------------------------------


def test_request_formula_punctuation_good():
    assert run(REQUEST, "妥否，请批示。", "PUNCT-011") == []


def test_question_and_exclamation_marks():
    diags = run(REQUEST, "妥否？请批示！", "PUNCT-011")
    assert spans(diags, "PUNCT-011") == [(4, 3, 4, 4), (4, 7, 4, 8)]
    assert all(d.severity == "warning" for d in diags)
    assert diags[0].suggestion == "改为“妥否，请批示。”"


def test_half_width_question_mark():
    assert spans(run(REQUEST, "当否?请批示。", "PUNCT-011"), "PUNCT-011") == [(4, 3, 4, 4)]
