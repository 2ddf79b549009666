"""DOCTYPE-003, TITLE-004, REPLY-003 (wording that does not fit the document) and NUM-007, NUM-010."""
from helpers import lint, spans

LETTER = """\
{title}
示例市公安局：
{body}
请予函复。
示例市教育局
2024年5月6日
"""


def letter(body="请贵局于5日内派员协助为盼。", title="关于商请协助开展校车安全检查的函"):
    return LETTER.format(title=title, body=body)


def test_command_words_toward_the_recipient():
    diags = lint(letter("贵局务必于5日内派员协助。"), select=["DOCTYPE-003"])
    assert spans(diags, "DOCTYPE-003") == [(3, 3, 3, 5)]
    assert spans(lint(letter("请务必于5日内派员协助。"), select=["DOCTYPE-003"]), "DOCTYPE-003") == [(3, 1, 3, 4)]
    assert lint(letter(), select=["DOCTYPE-003"]) == []
    # The organ's own duties, or orders to a third party, are not commands to the recipient.
    assert lint(letter("我局已责令涉事企业限期整改，我们必须加强监管。"), select=["DOCTYPE-003"]) == []


def test_book_marks_around_a_forwarded_title():
    text = letter(title="示例市教育局关于转发《省教育厅关于做好校车安全工作的通知》的通知")
    diags = lint(text, select=["TITLE-004"])
    assert spans(diags, "TITLE-004") == [(1, 11, 1, 30)]
    text = letter(title="示例市教育局关于印发《示例市校车安全管理办法（试行）》的通知")
    assert lint(text, select=["TITLE-004"]) == []


REPLY = """\
〔{mark}〕
关于市七届人大三次会议第56号建议的答复
王小明代表：
您提出的建议收悉。{text}
感谢您对教育工作的关心和支持。
示例市教育局
2024年5月6日
"""


def test_answer_class_against_the_text():
    diags = lint(REPLY.format(mark="A", text="因资金有限，该线路暂不具备条件开通。"), select=["REPLY-003"])
    assert spans(diags, "REPLY-003") == [(4, 19, 4, 25)]
    diags = lint(REPLY.format(mark="C", text="该问题已解决。"), select=["REPLY-003"])
    assert spans(diags, "REPLY-003") == [(4, 13, 4, 16)]
    assert lint(REPLY.format(mark="C", text="因资金有限，该线路暂不具备条件开通。"), select=["REPLY-003"]) == []
    assert lint(REPLY.format(mark="A", text="该问题已解决。"), select=["REPLY-003"]) == []


def test_measured_quantities():
    text = letter("全市新增农村公路三十公里，完成率达百分之二十。")
    assert spans(lint(text, select=["NUM-007"]), "NUM-007") == [(3, 9, 3, 13), (3, 18, 3, 23)]
    ok = letter("新增30公里，完成率20%，另有三四公里、十几公里在建，推进一元化管理，创建十亿元镇。")
    assert lint(ok, select=["NUM-007"]) == []


def test_clock_styles():
    text = letter("检查于下午3时开始，15:30结束。")
    assert spans(lint(text, select=["NUM-010"]), "NUM-010") == [(3, 4, 3, 8)]
    assert spans(lint(letter("检查于下午15时开始。"), select=["NUM-010"]), "NUM-010") == [(3, 4, 3, 9)]
    assert lint(letter("检查于15时开始，15:30结束。"), select=["NUM-010"]) == []
    assert lint(letter("检查于上午9时开始，下午3时结束。"), select=["NUM-010"]) == []
