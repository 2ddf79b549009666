"""The organisation registry: 机关代字 against 署名 and 发文机关标志."""
from helpers import lint, spans

REGISTRY = {"organizations": {"示教": ["示例市教育局", "市教育局"], "示交": "示例市交通运输局"}}
LETTER = """\
{mark}示交函〔2024〕12号
关于商请协助开展道路安全检查的函
示例市公安局：
现商请贵局派员协助。
请予函复。
{signature}
2024年5月6日
"""


def check(code, signature="示例市交通运输局", mark="", registry=REGISTRY):
    text = LETTER.format(signature=signature, mark=mark)
    return spans(lint(text, select=[code], rule_options={code: registry}), code)


def test_matching_signature_is_silent():
    assert check("ORG-001") == [] and check("ORG-002") == []


def test_docnum_of_another_organisation():
    # 示交函: the registered prefix 示交 belongs to 示例市交通运输局, not to 示例市教育局.
    assert check("ORG-001", signature="示例市教育局") == [(1, 1, 1, 4)]


def test_org_mark_must_match_too():
    assert check("ORG-001", mark="示例市教育局文件\n") == [(1, 1, 1, 9)]


def test_short_form_is_accepted_and_near_miss_reported():
    registry = {"organizations": {"示交": ["示例市交通运输局", "市交通运输局"]}}
    assert check("ORG-002", signature="市交通运输局", registry=registry) == []
    assert check("ORG-002", signature="示例交通运输局", registry=registry) == [(6, 1, 6, 8)]


def test_without_registry_only_a_plainly_foreign_code_is_reported():
    # 示交函 on a letter of 示例市教育局: 交 is no character of 教育局 (issue 14).
    assert check("ORG-001", signature="示例市教育局", registry={}) == [(1, 1, 1, 4)]


# --- SIGN-002 (no registry needed) ------------------------------------------------------

TITLED = """\
示例市交通运输局关于商请协助开展道路安全检查的函
示例市公安局：
现商请贵局派员协助。
请予函复。
{signature}
2024年5月6日
"""


def signed(signature, text=TITLED):
    return spans(lint(text.format(signature=signature), select=["SIGN-002"]), "SIGN-002")


def test_signature_of_the_organ_in_the_title_or_a_short_form():
    assert signed("示例市交通运输局") == []
    assert signed("市交通运输局") == []
    assert signed("示例市交运局") == []  # 规范化简称: the characters in order


def test_signature_of_another_organ():
    assert signed("示例市财政局") == [(5, 1, 5, 7)]
    d = lint(TITLED.format(signature="示例市财政局"), select=["SIGN-002"])[0]
    assert d.message == "署名“示例市财政局”与标题中的发文机关“示例市交通运输局”不一致"
    # An internal unit of the organ is another signer.
    assert signed("示例市交通运输局办公室") == [(5, 1, 5, 12)]


def test_joint_title_and_org_mark():
    joint = TITLED.replace("示例市交通运输局关于", "示例市交通运输局、示例市公安局关于")
    assert signed("示例市交通运输局\n示例市公安局", text=joint) == []
    marked = "示例市交通运输局文件\n" + TITLED.replace("示例市交通运输局关于", "关于")
    assert signed("示例市教育局", text=marked) == [(6, 1, 6, 7)]


def test_no_organ_named_nothing_to_compare():
    assert signed("示例市财政局", text=TITLED.replace("示例市交通运输局关于", "关于")) == []


def test_without_a_registry_a_code_naming_another_organ():
    # 示交函 on a letter of 示例市自然资源局: 交 is no character of 自然资源局.
    diags = lint(LETTER.format(signature="示例市自然资源局", mark=""), select=["ORG-001"])
    assert spans(diags, "ORG-001") == [(1, 1, 1, 4)]
    assert diags[0].message == "发文字号的机关代字“示交函”中的“交”不是署名机关“示例市自然资源局”的简称"
    assert check("ORG-001", registry={}) == []
    assert check("ORG-001", signature="示例市交通运输局办公室", registry={}) == []
    # A reply series (建议字) is not a place-and-organ 代字.
    text = LETTER.format(signature="示例市自然资源局", mark="").replace("示交函", "建议字")
    assert lint(text, select=["ORG-001"]) == []
