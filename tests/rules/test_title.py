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


def test_answer_without_de_lacks_its_doctype():
    assert check("关于市七届人大三次会议第56号建议答复", "DOCTYPE-001") == [(1, 18, 1, 20)]
