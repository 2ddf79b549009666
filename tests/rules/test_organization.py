"""The organisation registry: 机关代字 against 署名 and 发文机关标志."""
import pytest
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


def test_a_forwarding_title_names_the_organ_that_forwards():
    forwarding = TITLED.replace("示例市交通运输局关于", "示例市交通运输局转发市公安局关于")
    assert signed("示例市交通运输局", text=forwarding) == []
    assert signed("示例市公安局", text=forwarding) == [(5, 1, 5, 7)]
    wrapped = TITLED.replace("示例市交通运输局关于", "示例市交通运输局转发\n市公安局关于")
    assert signed("示例市交通运输局", text=wrapped) == []
    # 转发 opening the title names no issuer: nothing to compare.
    assert signed("示例市财政局", text=TITLED.replace("示例市交通运输局关于", "转发市公安局关于")) == []


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


# --- SIGN-003: the 署名 is an organ's whole name ---------------------------------------------------------

PUBLIC_NOTICE = """\
关于开展巡察工作的公告
县委巡察组将于近日进驻有关单位。
特此公告。
{signature}
2024年5月6日
"""


def signed_whole(signature):
    return spans(lint(PUBLIC_NOTICE.format(signature=signature), select=["SIGN-003"]), "SIGN-003")


def test_a_signature_cut_to_half_a_name_is_reported_at_the_name():
    assert signed_whole("中共示例县委巡察工作") == [(4, 1, 4, 11)]
    assert signed_whole("　　　　中共示例县委巡察工作") == [(4, 5, 4, 15)]


def test_one_of_two_organs_on_a_line_cut_short_is_reported_at_that_organ():
    assert signed_whole("示例县教育局　　示例县财政") == [(4, 9, 4, 14)]


@pytest.mark.parametrize("signature", [
    "中共示例县委巡察工作领导小组办公室",              # the whole name
    "中共示例县委巡察工作\n领导小组办公室",            # the name wrapped over two lines
    "示例县乡村振兴工作领导小组",                      # 小组
    "示例县防汛抗旱指挥部",                            # 指挥部
    "示例县妇联",                                      # short form ending in 联
    "示例县教育局　　示例县财政局",                    # two organs on one line
    "县长　王某某",                                    # 职务＋姓名 (a 令)
    "王某某",                                          # a person
])
def test_whole_names_and_persons_are_silent(signature):
    assert signed_whole(signature) == []


def test_the_issuer_on_a_minutes_date_line_is_read_without_the_date():
    text = "示例县人民政府常务会议纪要\n\n示例县人民政府办公室　　　　2024年5月10日\n\n会议研究了供水事项。\n"
    assert spans(lint(text, select=["SIGN-003"]), "SIGN-003") == []


@pytest.mark.parametrize("name", ["示例市第三中学", "示例县城关镇中心小学", "示例银行示例市分行", "示例职业技术学院"])
def test_schools_and_banks_end_like_organs(name):
    assert check("SIGN-003", signature=name) == []
