"""Replies to deputies and members: class mark, disclosure, title, opening, sign-off, 抄送, issuer."""
import pytest
from helpers import lint, spans

REPLY = """\
{head}关于市七届人大三次会议第56号建议的答复
王小明代表：
您提出的《关于加强校园周边交通安全的建议》收悉，现答复如下：
今年以来，我局会同交警部门加强校园周边交通管理。
感谢您对教育工作的关心和支持。
{signature}
2024年5月6日
{tail}"""


def check(code, head="", signature="示例市教育局", tail="", **options):
    text = REPLY.format(head=head, signature=signature, tail=tail)
    return spans(lint(text, select=[code], rule_options={code: options} if options else {}), code)


def test_good_reply_is_clean():
    text = REPLY.format(head="〔A〕\n是否同意公开：是\n", signature="示例市教育局",
                        tail="领导签发：张明\n联系人：李华　联系电话：0797-8123456\n"
                             "抄送：市人大常委会代表工作委员会，市政府办公室。\n")
    assert {d.rule for d in lint(text, select=["REPLY", "NOTE-003"])} == set()


@pytest.mark.parametrize("label", ["办理结果：", "答复类别："])
def test_class_label_left_empty(label):
    diags = lint(REPLY.format(head=label + "\n", signature="示例市教育局", tail="联系人：李华　联系电话：0797-8123456\n"),
                 select=["REPLY", "STRUCT"])
    assert [(d.rule, d.line, d.column, d.end_column) for d in diags] == [("REPLY-001", 1, 1, 6)]
    assert diags[0].message == f"“{label}”之后没有填写答复类别"


def test_sign_off_label_left_empty():
    assert check("REPLY-010", tail="领导签发：\n") == [(8, 1, 8, 6)]
    assert check("REPLY-010", tail="领导签发：张明\n") == []
    d = lint(REPLY.format(head="", signature="示例市教育局", tail="领导签发：\n"), select=["REPLY-010"])[0]
    assert d.message == "“领导签发：”之后没有写签发领导的姓名"


def test_class_outside_scheme():
    assert check("REPLY-001", head="〔E〕\n") == [(1, 2, 1, 3)]
    assert check("REPLY-001", head="〔D〕\n", **{"answer-class-scheme": ["A", "B", "C"]}) == [(1, 2, 1, 3)]
    assert check("REPLY-001", head="〔丙〕\n") == []


def test_class_required_by_local_setting():
    assert check("REPLY-001") == []
    assert check("REPLY-001", **{"answer-class-required": True}) == [(1, 1, 1, 21)]


def test_class_after_the_title():
    text = REPLY.format(head="", signature="示例市教育局", tail="办理结果：A\n")
    assert spans(lint(text, select=["REPLY-002"]), "REPLY-002") == [(8, 1, 8, 7)]
    assert check("REPLY-002", head="办理结果：A\n") == []


def test_a_bracketed_class_above_the_signature_is_the_class_mark_out_of_place():
    text = REPLY.format(head="", signature="〔B〕\n示例市教育局", tail="联系人：李华　联系电话：0797-8123456\n")
    diags = lint(text, select=["REPLY", "STRUCT", "SIGN"])
    assert [(d.rule, d.line, d.column) for d in diags] == [("REPLY-002", 6, 1)]


def test_disclosure_value_and_required():
    assert check("NOTE-003", tail="（公开）\n") == [(8, 1, 8, 5)]
    assert check("NOTE-003", tail="（此件公开发布）\n") == []
    assert check("REPLY-004") == []
    assert check("REPLY-004", **{"disclosure-required": True}) == [(1, 1, 1, 21)]
    assert check("REPLY-004", head="是否同意公开：是\n", **{"disclosure-required": True}) == []


def test_title_names_the_suggestion_and_number():
    text = REPLY.format(head="", signature="示例市教育局", tail="").replace("市七届人大三次会议第56号建议", "校园周边交通问题")
    assert spans(lint(text, select=["REPLY-005"]), "REPLY-005") == [(1, 1, 1, 14)]
    text = REPLY.format(head="", signature="示例市教育局", tail="").replace("第56号", "")
    assert [d.message for d in lint(text, select=["REPLY-005"])] == ["标题未写明建议编号"]


def test_opening():
    text = REPLY.format(head="", signature="示例市教育局", tail="").replace(
        "您提出的《关于加强校园周边交通安全的建议》收悉，现答复如下：\n", "")
    assert spans(lint(text, select=["REPLY-007"]), "REPLY-007") == [(3, 1, 3, 25)]
    assert check("REPLY-007") == []


def test_signoff_required_by_local_setting():
    assert check("REPLY-010") == []
    assert check("REPLY-010", **{"signoff-required": True}) == [(7, 1, 7, 10)]
    assert check("REPLY-010", tail="领导签发：张明\n", **{"signoff-required": True}) == []


def test_copy_to_bodies():
    assert check("REPLY-011", tail="抄送：示例市财政局。\n") == [(8, 1, 8, 11), (8, 1, 8, 11)]
    assert check("REPLY-011", tail="抄送：市人大常委会选任联工委、市政府督查室。\n") == []
    assert check("REPLY-011", **{"cc-required": True}) == [(7, 1, 7, 10)]


def test_proposal_copy_to_needs_the_cppcc_body():
    text = REPLY.format(head="", signature="示例市教育局", tail="抄送：市人大常委会代表工作委员会，市政府办公室。\n")
    text = text.replace("人大三次会议第56号建议", "政协九届二次会议第8号提案").replace("王小明代表", "王小明委员")
    assert [d.message for d in lint(text, select=["REPLY-011"])] == ["抄送中没有政协提案委"]


def test_internal_unit_as_issuer():
    assert check("REPLY-012", signature="示例市教育局职成科") == [(6, 1, 6, 10)]
    assert check("REPLY-012", signature="示例市人民政府办公室") == []
    assert check("REPLY-012", signature="示例市教育局教学研究中心") == [(6, 1, 6, 13)]
    assert check("REPLY-012", signature="示例市政务服务中心") == []


@pytest.mark.parametrize("proposer", ["县政协医药卫生界别", "民盟示例市委员会", "市政协经济委员会", "示例县总工会", "市工商联",
                                      "示例市工商业联合会"])
def test_a_collective_proposal_is_answered_to_the_body_that_made_it(proposer):
    text = REPLY.replace("关于市七届人大三次会议第56号建议的答复", "关于市政协十届三次会议第12号提案的答复")
    text = text.replace("王小明代表：", proposer + "：").format(head="", signature="示例市教育局", tail="")
    assert spans(lint(text, select=["REPLY-006"]), "REPLY-006") == []


def test_an_organ_that_makes_no_proposal_is_still_reported():
    text = REPLY.replace("王小明代表：", "示例市财政局：").format(head="", signature="示例市教育局", tail="")
    assert spans(lint(text, select=["REPLY-006"]), "REPLY-006") == [(2, 1, 2, 8)]
