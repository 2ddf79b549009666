"""版头 rules: 份号, 密级, 紧急程度, 签发人 and the 上行文 发文字号 line."""
from helpers import only, lint, spans

from letterlint.parse import parse_text

REQUEST = """\
{head}示例市交通运输局关于申请道路安全专项经费的请示
示例市人民政府：
为做好道路安全工作，拟申请专项经费。
妥否，请批示。
示例市交通运输局
2024年5月6日
"""


def check(code, head):
    return spans(lint(REQUEST.format(head=head), select=[code]), code)


def test_copy_number():
    assert check("HDR-001", "0017\n") == [(1, 1, 1, 5)]
    assert check("HDR-001", "000017\n") == []


def test_a_short_copy_number_above_the_secrecy_is_the_copy_number():
    diags = lint(REQUEST.format(head="23\n机密★1年\n"), select=["HDR", "STRUCT"])
    assert [(d.rule, d.line, d.column, d.end_column) for d in diags] == [("HDR-001", 1, 1, 3)]
    assert diags[0].message == "份号“23”应为6位阿拉伯数字"


def test_a_short_number_alone_on_the_first_line_is_no_copy_number():
    assert check("HDR-001", "23\n") == []


def test_secrecy_period_and_star():
    assert check("HDR-002", "机密★一年\n") == [(1, 4, 1, 6)]
    assert check("HDR-002", "机密*1年\n") == [(1, 3, 1, 4)]
    assert check("HDR-002", "机密★1年\n") == []


def test_a_wrong_secrecy_word_with_a_period():
    diags = lint(REQUEST.format(head="内部★1年\n"), select=["HDR", "STRUCT"])
    assert [(d.rule, d.line, d.message) for d in diags] == [
        ("HDR-002", 1, "“内部”不是规定的密级，密级只有“绝密”“机密”“秘密”")]


def test_secrecy_period_without_its_star():
    diags = lint(REQUEST.format(head="机密1年\n"), select=["HDR", "STRUCT"])
    assert [(d.rule, d.line, d.column, d.end_column) for d in diags] == [("HDR-002", 1, 3, 5)]
    assert diags[0].message == "密级“机密”和保密期限“1年”之间应用“★”隔开"


def test_urgency():
    assert check("HDR-003", "急件\n") == [(1, 1, 1, 3)]
    assert check("HDR-003", "平急\n") == [(1, 1, 1, 3)]
    assert check("HDR-003", "特急\n") == []


def test_header_order_is_the_grammars():
    d = lint(REQUEST.format(head="特急\n000017\n"), select=["STRUCT-001"])
    assert [(x.line, x.message) for x in d] == [(1, "紧急程度应位于份号之后")]


def test_signer_required_on_upward_documents():
    assert check("SIGNER-001", "示交〔2024〕12号\n") == [(1, 1, 1, 12)]
    assert check("SIGNER-001", "示交〔2024〕12号　　签发人：张明\n") == []
    letter = REQUEST.format(head="示交函〔2024〕12号\n").replace("申请道路安全专项经费的请示", "商请协助检查的函")
    assert spans(lint(letter, select=["SIGNER-001"]), "SIGNER-001") == []


def test_signer_missing_in_a_body_only_draft_is_a_warning():
    # No 版头 in the text: the 签发人 comes with the red-header template.
    d = only(lint(REQUEST.format(head=""), select=["SIGNER-001"]), "SIGNER-001")
    assert (d.line, d.column, d.end_line, d.end_column, d.severity) == (1, 1, 1, 24, "warning")
    assert d.message == "请示是上行文，应标注签发人（文本没有版头，签发人随版头标注）"
    strict = {"SIGNER-001": {"signer-required-without-header": True}}
    d = only(lint(REQUEST.format(head=""), select=["SIGNER-001"], rule_options=strict), "SIGNER-001")
    assert (d.line, d.severity, d.message) == (1, "error", "请示是上行文，应标注签发人")
    d = only(lint(REQUEST.format(head="示交〔2024〕12号\n"), select=["SIGNER-001"]), "SIGNER-001")
    assert (d.severity, d.message) == ("error", "请示是上行文，应标注签发人")


def test_signer_form():
    assert check("SIGNER-002", "示交〔2024〕12号　　签发人:张明\n") == [(1, 17, 1, 18)]
    assert check("SIGNER-002", "示交〔2024〕12号　　签发人：张明\n") == []


def test_signer_label_written_short():
    diags = lint(REQUEST.format(head="示交〔2024〕12号　　签发：张明\n"), select=["SIGNER", "STRUCT", "DOCNUM"])
    assert [(d.rule, d.line, d.column, d.end_column) for d in diags] == [("SIGNER-002", 1, 14, 16)]
    assert diags[0].message == "“签发”应写作“签发人”"


def test_a_sign_off_after_the_date_is_no_short_signer_label():
    text = REQUEST.format(head="签发人：张明　　示交〔2024〕12号\n") + "领导签发：张明\n"
    assert [d.rule for d in lint(text, select=["SIGNER", "STRUCT"])] == []


def test_signer_before_the_number_on_one_line():
    letter = parse_text(REQUEST.format(head="签发人：张明　　示交〔2024〕12号\n"))
    assert [p.kind for p in letter.parts[:3]] == ["signer", "doc_number", "title"]
    assert letter.first("signer").parsed.names[0].text == "张明"


def test_docnum_on_the_signer_line():
    assert check("DOCNUM-008", "示交〔2024〕12号\n签发人：张明\n") == [(1, 1, 1, 12)]
    assert check("DOCNUM-008", "签发人：张明　　示交〔2024〕12号\n") == []


OPINION = """\
示交〔2024〕12号
示例市交通运输局关于加强校车安全管理的意见
示例市人民政府：
为加强校车安全管理，提出如下意见。
{closing}
示例市交通运输局
2024年5月6日
"""


def test_signer_required_on_an_upward_opinion():
    text = OPINION.format(closing="以上意见如无不妥，请批转各县（市、区）执行。")
    assert spans(lint(text, select=["SIGNER-001"]), "SIGNER-001") == [(1, 1, 1, 12)]
    # Sent down, a 意见 needs no 签发人.
    text = OPINION.format(closing="请结合实际认真贯彻落实。").replace("示例市人民政府", "各县（市、区）交通运输局")
    assert lint(text, select=["SIGNER-001"]) == []


def test_header_marks_on_their_own_lines_flush_left():
    assert check("HDR-004", "　　000017\n") == [(1, 1, 1, 3)]
    assert check("HDR-004", "秘密★1年　特急\n") == [(1, 7, 1, 9)]
    assert check("HDR-002", "秘密★1年　特急\n") == []
    assert check("HDR-004", "000017\n秘密★1年\n特急\n") == []
