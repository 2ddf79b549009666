"""一致性 (CONSIST) rules and LETTER-001: what one part says agrees with the others."""
from helpers import lint, spans

REQUEST = """\
示例市教育局关于增设校车线路的{kind}
示例市人民政府：
为方便学生上下学，拟增设校车线路3条。
{closing}
示例市教育局
2024年5月6日
"""


def test_closing_of_another_doctype():
    diags = lint(REQUEST.format(kind="请示", closing="特此报告。"), select=["CONSIST-001"])
    assert spans(diags, "CONSIST-001") == [(4, 1, 4, 5)]
    assert diags[0].message == "结束语“特此报告”是报告的用语，与标题的文种“请示”不符"
    assert lint(REQUEST.format(kind="请示", closing="妥否，请批示。"), select=["CONSIST-001"]) == []


def test_approval_closing():
    text = REQUEST.format(kind="批复", closing="特此报告。").replace("示例市人民政府", "示例县教育局")
    assert spans(lint(text, select=["CONSIST-001"]), "CONSIST-001") == [(4, 1, 4, 5)]
    for ok in ("此复。", "特此批复。"):
        text = REQUEST.format(kind="批复", closing=ok).replace("示例市人民政府", "示例县教育局")
        assert lint(text, select=["CONSIST-001"]) == []


def test_notice_closing_with_letter_formula():
    text = REQUEST.format(kind="通知", closing="请予函复。")
    assert spans(lint(text, select=["CONSIST-001"]), "CONSIST-001") == [(4, 1, 4, 5)]


LETTER = """\
示教函〔2024〕12号
示例市教育局关于商请协助开展校车安全检查的{kind}
示例市公安局：
{body}
{closing}
示例市教育局
2024年5月6日
"""


def test_letter_titled_as_notice():
    text = LETTER.format(kind="通知", body="现商请贵局派员协助开展校车安全检查。", closing="请予函复。")
    diags = lint(text, select=["LETTER-001"])
    assert spans(diags, "LETTER-001") == [(2, 22, 2, 24)]
    assert "发文字号“示教函”" in diags[0].message
    text = LETTER.format(kind="函", body="现商请贵局派员协助开展校车安全检查。", closing="请予函复。")
    assert lint(text, select=["LETTER-001"]) == []
    # A 函 number alone does not make a 通知 a 函 (国办函 prints notices).
    text = LETTER.format(kind="通知", body="现将有关事项通知如下。", closing="特此通知。")
    assert lint(text, select=["LETTER-001"]) == []


def test_han_code_on_a_request():
    text = LETTER.format(kind="请示", body="拟增设校车线路3条。", closing="妥否，请批示。")
    assert spans(lint(text, select=["CONSIST-002"]), "CONSIST-002") == [(1, 1, 1, 4)]
    notice = LETTER.format(kind="通知", body="现将有关事项通知如下。", closing="特此通知。")
    assert lint(notice, select=["CONSIST-002"]) == []
    opts = {"CONSIST-002": {"han-code-doctypes": ["通知"]}}
    assert spans(lint(notice, select=["CONSIST-002"], rule_options=opts), "CONSIST-002") == [(1, 1, 1, 4)]


REPLY = """\
关于{title_name}代表所提第56号建议的答复
{name}代表：
您提出的《关于增设校车线路的建议》（第{number}号）收悉，现答复如下：
我局已将该线路列入2024年计划。
感谢{you}对教育工作的关心和支持。
示例市教育局
2024年5月6日
"""


def reply(title_name="王小明", name="王小明", number="56", you="您"):
    return REPLY.format(title_name=title_name, name=name, number=number, you=you)


def test_mixed_address():
    diags = lint(reply(you="你"), select=["CONSIST-003"])
    assert spans(diags, "CONSIST-003") == [(5, 3, 5, 4)]
    assert lint(reply(), select=["CONSIST-003"]) == []
    # 你们 / 你局 are other forms of address.
    assert lint(reply(you="你们"), select=["CONSIST-003"]) == []


def test_same_person():
    diags = lint(reply(name="王晓明"), select=["CONSIST-004"])
    assert spans(diags, "CONSIST-004") == [(1, 3, 1, 6)]
    assert diags[0].message == "标题中的“王小明”与称呼中的“王晓明”不一致"
    assert lint(reply(), select=["CONSIST-004"]) == []
    assert lint(reply(name="王小明等3名"), select=["CONSIST-004"]) == []


def test_same_number():
    assert spans(lint(reply(number="65"), select=["CONSIST-005"]), "CONSIST-005") == [(3, 20, 3, 22)]
    assert lint(reply(), select=["CONSIST-005"]) == []


def test_self_reference():
    text = reply().replace("我局已", "我委已")
    diags = lint(text, select=["CONSIST-006"])
    assert spans(diags, "CONSIST-006") == [(4, 1, 4, 3)]
    assert lint(reply(), select=["CONSIST-006"]) == []
    # 我部门 / 由我办理 are not self-references.
    assert lint(reply().replace("我局已", "我部门已"), select=["CONSIST-006"]) == []


ATTACHED = """\
关于报送校园安全检查材料的函
示例市公安局：
{body}
附件：1.检查内容清单
　　　2.检查情况汇总表
示例市教育局
2024年5月6日
"""


def test_cited_attachment_must_be_listed():
    diags = lint(ATTACHED.format(body="检查内容见附件1，汇总情况见附件3。"), select=["ATTACH-009"])
    assert spans(diags, "ATTACH-009") == [(3, 15, 3, 18)]
    assert diags[0].message == "正文提到“附件3”，附件说明只列了2个附件"
    assert lint(ATTACHED.format(body="检查内容见附件1，汇总情况见附件二。"), select=["ATTACH-009"]) == []
    text = "关于报送材料的函\n示例市公安局：\n详见附件2。\n示例市教育局\n2024年5月6日\n"
    assert spans(lint(text, select=["ATTACH-009"]), "ATTACH-009") == [(3, 3, 3, 6)]


def test_listed_attachment_must_be_cited():
    diags = lint(ATTACHED.format(body="检查内容见附件1。"), select=["ATTACH-010"])
    assert spans(diags, "ATTACH-010") == [(5, 6, 5, 13)]
    assert lint(ATTACHED.format(body="检查内容见附件1，检查情况汇总表另行报送。"), select=["ATTACH-010"]) == []
    # No citation by number at all: not checked.
    assert lint(ATTACHED.format(body="有关材料详见附件。"), select=["ATTACH-010"]) == []
