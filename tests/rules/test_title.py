"""标题 rules: terminal punctuation and the statutory 文种."""
import pytest
from helpers import lint, spans

LETTER = """\
{title}
示例市公安局：
为做好道路安全检查工作，现商请贵局派员协助。
请予函复。
示例市交通运输局
2024年5月6日
"""


def check(title, code):
    return spans(lint(LETTER.format(title=title), select=[code]), code)


def test_terminal_punctuation_points_at_the_mark():
    assert check("关于商请协助开展道路安全检查的函。", "TITLE-002") == [(1, 17, 1, 18)]


def test_wrapped_title_is_checked_on_its_last_line():
    text = LETTER.format(title="关于商请协助开展\n道路安全检查的函；")
    assert spans(lint(text, select=["TITLE-002"]), "TITLE-002") == [(2, 9, 2, 10)]


@pytest.mark.parametrize("title", ["关于商请协助开展道路安全检查的函：", "示例市交通运输局关于商请协助开展道路安全检查的函："])
def test_a_colon_after_the_title_over_the_salutation_is_the_titles_stray_mark(title):
    diags = lint(LETTER.format(title=title))
    assert [(d.rule, d.line, d.column) for d in diags] == [("TITLE-002", 1, len(title))]


def test_title_without_punctuation_is_silent():
    assert check("关于商请协助开展道路安全检查的函", "TITLE-002") == []


@pytest.mark.parametrize("title", ["关于商请协助开展道路安全检查的函", "关于市七届人大三次会议第56号建议的答复",
                                   "关于市七届人大三次会议第56号建议答复的函", "关于同意调整校车线路的复函",
                                   "关于开展道路安全检查的通知", "示例市交通运输局关于申请专项经费的请示"])
def test_statutory_doctypes_pass(title):
    assert check(title, "DOCTYPE-001") == []


def test_non_statutory_doctype():
    # 回复 is the last two characters of the 23-character title.
    assert check("关于市七届人大三次会议第56号建议的回复", "DOCTYPE-001") == [(1, 19, 1, 21)]


def test_answer_without_de_names_its_doctype_only_after_what_it_answers():
    # 答复 is the 文种 of a reply to a 建议 or 提案 (catalogue DOCTYPE-001); without 的 before it, only a hint.
    diags = lint(LETTER.format(title="关于市七届人大三次会议第56号建议答复"), select=["DOCTYPE-001"])
    assert [(d.line, d.column, d.end_column, d.severity) for d in diags] == [(1, 18, 20, "info")]
    diags = lint(LETTER.format(title="关于市区道路积水问题答复"), select=["DOCTYPE-001"])
    assert [(d.line, d.column, d.end_column, d.severity) for d in diags] == [(1, 11, 13, "error")]


def test_internal_punctuation_outside_quotes_only():
    assert check("关于加强校园安全，做好暑期工作的通知", "TITLE-003") == [(1, 9, 1, 10)]
    # A mark at the end of the line a wrapped title breaks at is inside the title.
    assert check("关于加强校园安全，\n做好暑期工作的通知", "TITLE-003") == [(1, 9, 1, 10)]
    diags = lint(LETTER.format(title="关于调整甲、乙两校学区的通知"), select=["TITLE-003"])
    assert [(d.column, d.severity) for d in diags] == [(6, "warning")]
    assert check("关于印发《示例市校车安全管理办法（试行）》的通知", "TITLE-003") == []
    assert check("关于解决“停车难、出行难”问题的通知", "TITLE-003") == []


def test_doubled_doctype():
    assert check("关于转发省教育厅关于做好招生工作的通知的通知", "TITLE-005") == [(1, 17, 1, 23)]
    assert check("关于做好招生工作的通知", "TITLE-005") == []
    assert check("示例市公安局关于交通管制的通告的通告", "TITLE-005") == [(1, 13, 1, 19)]


def test_docnum_in_title():
    assert check("关于落实示政发〔2024〕3号文件的通知", "TITLE-006") == [(1, 8, 1, 16)]


def test_trial_mark_outside_book_title_marks():
    assert check("关于印发《示例市校车安全管理办法》（试行）的通知", "TITLE-007") == [(1, 18, 1, 22)]
    assert check("关于印发《示例市校车安全管理办法（试行）》的通知", "TITLE-007") == []


def test_trial_mark_after_a_title_wrapped_at_the_book_title_mark():
    text = LETTER.format(title="关于印发《示例市校车安全管理办法》\n（试行）的通知")
    assert spans(lint(text, select=["TITLE-007"]), "TITLE-007") == [(2, 1, 2, 5)]
    text = LETTER.format(title="关于印发《示例市校车安全管理办法》\n的通知")
    assert spans(lint(text, select=["TITLE-007"]), "TITLE-007") == []


def test_title_elements():
    assert check("通知", "TITLE-001") == [(1, 1, 1, 3)]
    assert check("关于开展道路安全检查的通知", "TITLE-001") == []
    text = LETTER.format(title="关于开展道路安全检查的通知")
    diags = lint(text, select=["TITLE-001"], rule_options={"TITLE-001": {"title-requires-organ": True}})
    assert [d.message for d in diags] == ["标题缺少发文机关名称"]
