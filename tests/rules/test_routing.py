"""文种 in the title, whom a 请示 goes to, 一文一事, and the opening of a 复函."""
import pytest
from helpers import lint, spans

REQUEST = """\
签发人：张某某　　　　示教请〔2024〕10号

示例市教育局关于拨付校舍维修经费的{kind}

{recipient}
{body}
妥否，请批示。

示例市教育局
2024年5月8日
{note}

{cc}
示例市教育局办公室　　　　2024年5月8日印发
"""
BODY = "我局拟对12所学校的校舍进行维修，需经费300万元，恳请市政府予以批准。"
NOTE = "（联系人：李华，电话：0797-8123456）"


def request(kind="请示", recipient="示例市人民政府：", body=BODY, note=NOTE, cc="抄送：市财政局。"):
    return REQUEST.format(kind=kind, recipient=recipient, body=body, note=note, cc=cc)


def check(code, **parts):
    return spans(lint(request(**parts), select=[code]), code)


def test_good_request_is_clean():
    assert lint(request(), select=["DOCTYPE-002", "ROUTE"]) == []


def test_compound_doctype_in_title():
    assert check("DOCTYPE-002", kind="请示报告") == [(3, 18, 3, 22)]
    assert check("DOCTYPE-002", kind="申请报告") == [(3, 18, 3, 22)]
    assert check("DOCTYPE-002") == []
    # A title ending in a non-statutory word alone is DOCTYPE-001's.
    assert check("DOCTYPE-002", kind="汇报") == []


def test_compound_doctype_wrapped_title():
    text = request(kind="请\n示报告")
    assert spans(lint(text, select=["DOCTYPE-002"]), "DOCTYPE-002") == [(3, 18, 4, 4)]


def test_request_to_several_organs():
    assert check("ROUTE-001", recipient="示例市人民政府、示例市财政局：") == [(5, 8, 5, 15)]
    assert check("ROUTE-001", recipient="市委，市政府，市财政局：") == [(5, 3, 5, 12)]
    # The 顿号 inside brackets belongs to one name.
    assert check("ROUTE-001", recipient="示例县（市、区）人民政府：") == []


def test_request_to_several_organs_wrapped_over_lines():
    # A 主送 wrapped over two lines is read whole: the organs on the second line count too.
    found = lint(request(recipient="示例市人民政府，\n示例市财政局、示例市教育局："), select=["ROUTE-001"])
    assert spans(found, "ROUTE-001") == [(5, 8, 6, 14)]
    assert "主送了3个" in found[0].message
    # One organ whose name wraps is one organ.
    assert check("ROUTE-001", recipient="示例县（市、区）人民政府\n办公室：") == []


def test_upward_document_not_copied_down():
    assert check("ROUTE-002", cc="抄送：市财政局，各县（市、区）教育局。") == [(13, 9, 13, 19)]
    assert check("ROUTE-002", kind="报告", cc="抄送：各乡镇人民政府。") == [(13, 4, 13, 11)]
    assert check("ROUTE-002") == []


def test_two_matters_in_one_request():
    body = ("一、关于增加教师编制\n我局拟新增教师编制50名，请予批准。\n"
            "二、关于追加校舍维修经费\n我局拟追加校舍维修经费300万元，恳请市政府批准。")
    assert check("ROUTE-004", body=body) == [(9, 18, 9, 25)]
    body = "关于增加教师编制，我局拟新增编制50名。妥否，请批示。\n另外，我局还需要追加经费300万元。"
    assert check("ROUTE-004", body=body) == [(8, 1, 8, 7)]


def test_one_matter_with_request_and_closing():
    body = ("一、基本情况\n全市有12所学校的校舍需要维修。\n"
            "二、请示事项\n我局拟追加经费300万元，请予批准。\n同时恳请市政府批准设立专项资金。")
    assert check("ROUTE-004", body=body) == []
    assert check("ROUTE-004") == []


REPLY = """\
示公交函〔2024〕21号

示例市公安局关于协助开展道路安全检查的复函

示例市交通运输局：
{opening}
我局同意派员参加联合检查。
特此函复。

示例市公安局
2024年5月13日
"""
CITED = "你局《关于商请协助开展道路安全检查的函》（示交函〔2024〕12号）收悉。经研究，现函复如下："


def opening(text):
    return spans(lint(REPLY.format(opening=text), select=["LETTER-002"]), "LETTER-002")


def test_reply_letter_cites_title_and_number():
    assert opening(CITED) == []
    assert opening("你局关于商请协助开展道路安全检查的函（示交函〔2024〕12号）收悉。现函复如下：") == []
    assert opening("经研究，现就有关事项函复如下：") == []


def test_reply_letter_vague_opening():
    assert opening("你局来函收悉。经研究，现函复如下：") == [(6, 1, 6, 7)]
    assert opening("来函已收悉，现函复如下：") == [(6, 1, 6, 6)]


def test_reply_letter_title_without_number_and_number_without_title():
    assert opening("你局《关于商请协助开展道路安全检查的函》收悉。现函复如下：") == [(6, 3, 6, 21)]
    assert opening("你局示交函〔2024〕12号收悉。现函复如下：") == [(6, 1, 6, 15)]


@pytest.mark.parametrize("indent", ["", "　　"])
def test_reply_letter_opening_hard_wrapped_inside_the_cited_title(indent):
    assert opening(f"{indent}你局《关于商请协助开展道路安全\n检查的函》（示交函〔2024〕12号）收悉。现函复如下：") == []
    # Wrapped, and still no number: the title is there, the number is not.
    assert opening(f"{indent}你局《关于商请协助开展道路安全\n检查的函》收悉。现函复如下：") == [(7, 1, 7, 6)]


def test_lower_organs_are_a_setting():
    opts = {"rule_options": {"ROUTE-002": {"lower-organs": ["^各(?!位)", "乡镇人民政府$"]}}}
    diags = lint(request(cc="抄送：市财政局，示例镇人民政府。"), select=["ROUTE-002"], **opts)
    assert spans(diags, "ROUTE-002") == []
    diags = lint(request(cc="抄送：市财政局，示例县乡镇人民政府。"), select=["ROUTE-002"], **opts)
    assert spans(diags, "ROUTE-002") == [(13, 9, 13, 18)]


# --- ROUTE-006 -------------------------------------------------------------------------

UNIT_LETTER = """\
关于商请协助开展校园安全检查的函
示例市公安局：
现商请贵局派员协助。
请予函复。
{signature}
2024年5月6日
"""


def test_internal_unit_as_issuer():
    diags = lint(UNIT_LETTER.format(signature="示例市教育局基础教育科"), select=["ROUTE-006"])
    assert spans(diags, "ROUTE-006") == [(5, 1, 5, 12)]
    assert diags[0].message == "内设机构“基础教育科”不得以自己的名义对外正式行文"


def test_organ_or_its_office_as_issuer_is_silent():
    for signature in ("示例市教育局", "示例市人民政府办公室", "示例市教育局办公室"):
        assert lint(UNIT_LETTER.format(signature=signature), select=["ROUTE-006"]) == [], signature
