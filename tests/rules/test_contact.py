"""Contact blocks: presence in replies and requests, the items a label promises, valid phone numbers."""
import pytest
from helpers import codes, lint, only, spans

from letterlint.model import Line
from letterlint.rules.contact import classify_number, numbers_in

REPLY = """\
{head}关于市七届人大三次会议第56号建议的答复
王小明代表：
您提出的《关于加强校园周边交通安全的建议》收悉，现答复如下：
今年以来，我局会同交警部门加强校园周边交通管理。
感谢您对教育工作的关心和支持。
{before}示例市教育局
2024年5月6日
{tail}"""

NOTICE = """\
示例市教育局关于召开校车安全工作会议的通知
各县（市、区）教育局：
定于2024年5月10日召开校车安全工作会议，请于5月8日前报送参会名单。
{contact}
示例市教育局
2024年5月6日
"""

REQUEST = """\
示例市教育局关于申请校车购置经费的请示
示例市人民政府：
为保障学生上下学安全，拟购置校车10辆，需经费300万元。
妥否，请批示。
示例市教育局
2024年5月6日
{tail}"""

CONTACT_CODES = ["REPLY-009", "REPLY-014", "NOTE-001", "NOTE-002", "CONTACT"]


def reply(code, head="", before="", tail="", **options):
    text = REPLY.format(head=head, before=before, tail=tail)
    return spans(lint(text, select=[code], rule_options={code: options} if options else {}), code)


def all_contact(text, doctype=None):
    return lint(text, doctype=doctype, select=CONTACT_CODES)


# --- shapes of a correct contact block ------------------------------------------------


@pytest.mark.parametrize("before,tail", [
    ("联 系 人：李明\n电话号码：0797-8888888\n", ""),                         # before the signature, spaced label
    ("", "联系人：李明\n联系电话：0797—8888888\n"),                             # after the date, em dash
    ("", "（联系人：李明，电话：137 8903 2345）\n"),                            # in brackets, grouped mobile
    ("", "领导签发：张华\n联系人及电话：李明　13789032345\n"),                  # after a sign-off line
    ("", "抄送：市人大常委会代表工作委员会，市政府办公室。\n"
         "联系人、职务及电话：李明，市教育局办公室主任，15912345678\n"),       # after the 抄送, three items
    ("", "承办负责人：张华\n承办人及联系电话：李明  137-8903-2345\n"),
    ("", "联系人：李明、王芳\n联系电话：（0797）8888888转123、13912345678/8888889\n"),
    ("", "联系单位：示例市教育局\n主管领导：张华 职务：副局长\n联系电话：13912345678\n"
         "承办人：李明 职务：办公室科员\n联系电话：0797-88888888\n"),
])
def test_correct_contact_blocks_are_clean(before, tail):
    assert all_contact(REPLY.format(head="", before=before, tail=tail)) == []


def test_sample_letter_line_with_position_passes():
    tail = "联系人、职务及电话：利小娟，团市委兼职副书记、市教育局职成科负责人，15970838229\n"
    assert all_contact(REPLY.format(head="", before="", tail=tail)) == []


# --- REPLY-009 -----------------------------------------------------------------------


def test_reply_without_contact_is_reported_at_the_date_when_required():
    assert reply("REPLY-009", **{"contact-required": True}) == [(7, 1, 7, 10)]
    d = only(lint(REPLY.format(head="", before="", tail=""), select=["REPLY-009"],
                  rule_options={"REPLY-009": {"contact-required": True}}), "REPLY-009")
    assert d.severity == "error" and "缺少联系人和联系电话" in d.message


def test_missing_contact_is_only_a_warning_by_default():
    # Many published replies drop the contact block; only a local form makes it an error.
    assert reply("REPLY-009") == [(7, 1, 7, 10)]
    d = only(lint(REPLY.format(head="", before="", tail=""), select=["REPLY-009"]), "REPLY-009")
    assert d.severity == "warning"
    # A block that is there is still checked.
    assert reply("REPLY-009", tail="联系人：李明\n联系电话：\n") == [(9, 1, 9, 6)]


def test_empty_phone_label():
    assert reply("REPLY-009", tail="联系人：李明\n联系电话：\n") == [(9, 1, 9, 6)]
    d = only(lint(REPLY.format(head="", before="", tail="联系人：李明\n联系电话：\n"), select=["REPLY-009"]),
             "REPLY-009")
    assert d.message == "“联系电话：”之后是空的，没有填写电话号码"


def test_empty_name_label():
    assert reply("REPLY-009", tail="联系人：\n联系电话：13912345678\n") == [(8, 1, 8, 5)]


def test_name_without_any_number():
    assert reply("REPLY-009", tail="联系人：李明\n") == [(8, 1, 8, 7)]
    d = only(lint(REPLY.format(head="", before="", tail="联系人：李明\n"), select=["REPLY-009"]), "REPLY-009")
    assert d.message == "联系人栏只有姓名，没有联系电话"


def test_number_without_a_name():
    assert reply("REPLY-009", tail="联系电话：13912345678\n") == [(8, 1, 8, 17)]


def test_an_address_line_closes_the_contact_block():
    text = REPLY.format(head="", before="", tail="联系人：李明\n联系电话：0797-8123456\n通信地址：示例市文化路16号（邮编：341000）\n")
    assert lint(text, select=["REPLY", "STRUCT", "CONTACT", "ATTACH"]) == []
    from letterlint.parse import parse_text
    assert parse_text(text).parts[-1].kind == "contact"


@pytest.mark.parametrize("tail", ["主办单位联系人：林芳　电话：13800138000\n",
                                  "承办科室：基础教育股　联系人：林芳　电话：0591-22334455\n"])
def test_contact_lines_opening_with_the_unit(tail):
    text = REPLY.format(head="", before="", tail=tail)
    assert lint(text, select=["REPLY", "STRUCT", "CONTACT", "PUNCT"]) == []
    from letterlint.parse import parse_text
    assert parse_text(text).parts[-1].kind == "contact"


def test_a_name_given_under_contact_means():
    assert reply("REPLY-009", tail="联系方式：林芳，0591-22334455\n") == []
    assert reply("REPLY-009", tail="联系方式：0591-22334455\n") == [(8, 1, 8, 19)]


def test_a_contact_unit_with_its_number_is_a_contact():
    assert reply("REPLY-009", tail="联系单位及电话：示例市教育局基础教育处　0797-8123456\n") == []
    assert reply("REPLY-009", tail="联系单位：示例市教育局基础教育处\n联系电话：0797-8123456\n") == []
    assert reply("REPLY-009", tail="联系单位及电话：示例市教育局基础教育处\n") == [(8, 6, 8, 8)]  # 电话 promised, not given
    # A local form that wants a person's name says so.
    unit = "联系单位及电话：示例市教育局基础教育处　0797-8123456\n"
    assert reply("REPLY-009", tail=unit, **{"contact-items": ["姓名"]}) == [(8, 1, 8, 33)]


def test_compound_label_promising_a_number():
    # 承办人及联系电话 promises a number: point at the word 联系电话 of the label.
    assert reply("REPLY-009", tail="承办人及联系电话：李明\n") == [(8, 5, 8, 9)]


def test_invalid_number_is_not_a_missing_one():
    # The number is there but wrong: CONTACT-001 reports it, not REPLY-009.
    diags = lint(REPLY.format(head="", before="", tail="联系人：李明\n联系电话：1391234567\n"),
                 select=["REPLY-009", "CONTACT-001"])
    assert codes(diags) == {"CONTACT-001"}


def test_excerpt_cut_short_is_not_judged():
    text = "王小明代表：\n您提出的建议收悉，现答复如下：\n我局将加强管理。\n"
    assert spans(lint(text, doctype="suggestion_reply", select=["REPLY-009"]), "REPLY-009") == []
    # Nor a block cut off after its connector.
    assert reply("REPLY-009", tail="联系单位及\n") == []


def test_contact_given_in_the_text():
    before = "如有疑问，请与李明联系，联系电话：0797-8888888。\n"
    text = REPLY.format(head="", before="", tail="").replace("感谢您对", before + "感谢您对")
    assert spans(lint(text, select=["REPLY-009"]), "REPLY-009") == []


def test_paragraph_starting_like_a_label_is_no_contact():
    text = REPLY.format(head="", before="", tail="").replace(
        "感谢您", "联系人民群众是我们的工作方法：一是走访，二是座谈。\n感谢您")
    assert spans(lint(text, select=["REPLY-009", "CONTACT-001"],
                      rule_options={"REPLY-009": {"contact-required": True}}), "REPLY-009") == [(8, 1, 8, 10)]


# --- CONTACT-001 ------------------------------------------------------------------------


def test_mobile_one_digit_short():
    assert reply("CONTACT-001", tail="联系人：李明\n联系电话：1391234567\n") == [(9, 6, 9, 16)]
    d = only(lint(REPLY.format(head="", before="", tail="联系人：李明\n联系电话：1391234567\n"),
                  select=["CONTACT-001"]), "CONTACT-001")
    assert "11位" in d.message and "10位" in d.message


def test_landline_one_digit_short_in_a_notice():
    text = NOTICE.format(contact="联系人：李明，联系电话：0797-888888")
    assert spans(lint(text, select=["CONTACT-001"]), "CONTACT-001") == [(4, 13, 4, 24)]
    # Absence is not reported for a 通知.
    assert all_contact(NOTICE.format(contact="请准时参会。")) == []


def test_several_numbers_each_checked():
    assert reply("CONTACT-001", tail="联系人：李明\n联系电话：0797-8888888、292327\n") == [(9, 19, 9, 25)]


def test_number_after_a_label_in_the_text():
    text = NOTICE.format(contact="请各单位准时参会，联系电话：139123456789。")
    assert spans(lint(text, select=["CONTACT-001"]), "CONTACT-001") == [(4, 15, 4, 27)]


def test_not_phone_numbers_are_left_alone():
    text = NOTICE.format(contact="联系人：李明，电话：0797-8888888，QQ：123456789，邮编：341000")
    assert all_contact(text) == []


@pytest.mark.parametrize("number,kind", [
    ("13789032345", "mobile"), ("137-8903-2345", "mobile"), ("137 8903 2345", "mobile"),
    ("+86 13912345678", "mobile"), ("0797-8888888", "landline"), ("0797-88888888", "landline"),
    ("(0797)8888888", "landline"), ("（0797）8888888", "landline"), ("0797—8888888", "landline"),
    ("0731-2211475", "landline"), ("07978888888", "landline"), ("0797-8888888-123", "landline"),
    ("0797-8888888转123", "landline"), ("8888888", "local"), ("88888888", "local"),
    ("12345", "service"), ("400-123-4567", "service"),
    ("1391234567", None), ("139123456789", None), ("12912345678", None), ("888888", None),
    ("0797-888888", None), ("07-8888888", None),
    ("+86 591 2233 4455", "landline"), ("+86-10-6609 6000", "landline"), ("+86 591 223", None),
    ("+86 12912345678", None),
])
def test_classify_number(number, kind):
    assert classify_number(number)[0] == kind


def test_numbers_separated_by_spaces():
    line = Line(1, "电话：2923271 2923272")
    assert [(n.text, n.kind) for n in numbers_in(line, 3, len(line.text))] == [
        ("2923271", "local"), ("2923272", "local")]


# --- CONTACT-002 ------------------------------------------------------------------------


def test_area_code_hint_only_when_asked():
    tail = "联系人：李明\n联系电话：8888888\n"
    assert reply("CONTACT-002", tail=tail) == []
    assert reply("CONTACT-002", tail=tail, **{"suggest-area-code": True}) == [(9, 6, 9, 13)]
    assert reply("CONTACT-002", tail="联系人：李明\n联系电话：0797-8888888\n", **{"suggest-area-code": True}) == []


# --- CONTACT-003 ------------------------------------------------------------------------


def test_label_promising_a_position():
    tail = "联系人、职务及电话：李明，13912345678\n"
    assert reply("CONTACT-003", tail=tail) == [(8, 5, 8, 7)]
    d = only(lint(REPLY.format(head="", before="", tail=tail), select=["CONTACT-003"]), "CONTACT-003")
    assert d.severity == "warning" and d.message == "“联系人、职务及电话”列出了职务，但没有填写职务"
    # The same for a position written with spaces.
    assert reply("CONTACT-003", tail="联系人、职务及电话：李明 办公室主任 13912345678\n") == []


def test_empty_labels_in_other_kinds():
    assert spans(lint(NOTICE.format(contact="联系人：李明，联系电话："), select=["CONTACT-003"]),
                 "CONTACT-003") == [(4, 8, 4, 13)]
    # In a reply the missing number is REPLY-009's, not reported twice.
    assert reply("CONTACT-003", tail="联系人：李明\n联系电话：\n") == []
    # A 职务 line of its own belongs to the contact block; left empty, it is reported.
    assert reply("CONTACT-003", tail="联系人：李明\n职务：\n联系电话：13912345678\n") == [(9, 1, 9, 4)]
    assert reply("CONTACT-003", tail="联系人：李明\n职务：科长\n联系电话：13912345678\n") == []


def test_empty_position_field():
    assert reply("CONTACT-003", tail="承办人：李明 职务：\n联系电话：13912345678\n") == [(8, 8, 8, 11)]


# --- NOTE-002 ---------------------------------------------------------------------------


def test_request_without_contact():
    diags = lint(REQUEST.format(tail=""), select=["NOTE-002"])
    assert spans(diags, "NOTE-002") == [(6, 1, 6, 10)]
    assert diags[0].severity == "warning"


def test_request_with_contact():
    assert all_contact(REQUEST.format(tail="（联系人：李明，电话：0797-8888888）\n")) == []
    assert spans(lint(REQUEST.format(tail="（联系人：李明）\n"), select=["NOTE-002"]), "NOTE-002") == [(7, 1, 7, 9)]


# --- REPLY-014 --------------------------------------------------------------------------


def test_published_reply_printing_the_deputys_phone():
    text = REPLY.format(head="同意公开\n", before="", tail="联系人：李明\n联系电话：0797-8888888\n").replace(
        "今年以来，", "我局已与王小明代表（电话：13912345678）当面沟通。今年以来，")
    assert spans(lint(text, select=["REPLY-014"]), "REPLY-014") == [(5, 14, 5, 25)]
    # Not marked for publication: no warning.
    assert spans(lint(text.replace("同意公开\n", "不同意公开\n"), select=["REPLY-014"]), "REPLY-014") == []


def test_staff_phone_in_a_published_reply_is_fine():
    assert reply("REPLY-014", head="是否同意公开：是\n", tail="联系人：李明\n联系电话：13912345678\n") == []


# --- NOTE-001 ---------------------------------------------------------------------------


def test_half_width_brackets_of_a_note():
    assert reply("NOTE-001", tail="(联系人：李明，电话：0797-8888888)\n") == [(8, 1, 8, 2), (8, 24, 8, 25)]
    assert reply("NOTE-001", tail="（此件公开发布)\n") == [(8, 8, 8, 9)]
    assert reply("NOTE-001", tail="（联系人：李明，电话：0797-8888888）\n") == []


def test_staff_phone_on_a_line_naming_the_deputy_is_fine():
    text = REPLY.format(head="同意公开\n", before="", tail="联系人：李明\n联系电话：0797-8888888\n").replace(
        "今年以来，", "王小明代表如有疑问，请与我局李明联系，电话：13912345678。今年以来，")
    assert spans(lint(text, select=["REPLY-014"]), "REPLY-014") == []
    text = text.replace("王小明代表如有疑问", "王小明代表：13812345678，如有疑问")
    assert spans(lint(text, select=["REPLY-014"]), "REPLY-014") == [(5, 7, 5, 18)]


def test_the_signing_leader_is_not_the_contact_person():
    # 领导署名 names who approved the reply, not whom to call.
    assert reply("REPLY-009", tail="领导署名：张华\n电话号码：13912345678\n") == [(9, 1, 9, 17)]
    # A leader named as a contact (主管领导) is someone to call.
    assert reply("REPLY-009", tail="主管领导：张华\n联系电话：13912345678\n") == []


def test_local_form_requires_more_items():
    assert reply("REPLY-009", tail="联系人：李明\n联系电话：13912345678\n", **{"contact-items": ["职务"]}) == [(8, 1, 9, 17)]
    assert reply("REPLY-009", tail="联系人、职务及电话：李明，科长，13912345678\n", **{"contact-items": ["职务"]}) == []
    assert reply("REPLY-009", tail="联系人：李明\n职务：科长\n联系电话：13912345678\n", **{"contact-items": ["职务"]}) == []


NOTE_LETTER = """\
示交〔2024〕12号　　签发人：张明
示例市交通运输局关于申请道路安全专项经费的请示
示例市人民政府：
为做好道路安全工作，拟申请专项经费。
妥否，请批示。
{before}示例市交通运输局
2024年5月6日
{after}"""


def test_note_position():
    note = "（联系人：张三，电话：0791-86345678）\n"
    diags = lint(NOTE_LETTER.format(before=note, after=""), select=["NOTE-001"])
    assert [(d.line, d.column, d.severity) for d in diags] == [(6, 1, "warning")]
    assert diags[0].message == "附注应编排在成文日期下一行，不应放在成文日期之前"
    diags = lint(NOTE_LETTER.format(before="", after="抄送：示例市财政局。\n" + note), select=["NOTE-001"])
    assert [(d.line, d.message) for d in diags] == [(9, "附注应编排在成文日期下一行，不应放在抄送之后")]
    assert lint(NOTE_LETTER.format(before="", after=note), select=["NOTE-001"]) == []
    # A 抄送 misplaced in the text is STRUCT-001's: the 附注 under the date is where it belongs.
    moved = NOTE_LETTER.format(before="", after=note).replace("妥否，请批示。\n", "妥否，请批示。\n抄送：示例市财政局。\n")
    assert [d.rule for d in lint(moved, select=["NOTE-001", "STRUCT-001"])] == ["STRUCT-001"]


def test_number_after_the_name_of_a_contact_label_in_the_text_is_checked():
    text = ("样例县住房和城乡建设局关于征求意见的公告\n现公开征求意见。\n二、联系方式：县住建局保障办，联系人及电话：徐某，{phone}。\n"
            "特此公告。\n样例县住房和城乡建设局\n2024年6月30日\n")
    assert spans(lint(text.format(phone="0795-712345"), select=["CONTACT-001"]), "CONTACT-001") == [(3, 26, 3, 37)]
    assert spans(lint(text.format(phone="0795-7123456"), select=["CONTACT-001"]), "CONTACT-001") == []


def test_a_label_heading_the_contact_lines_under_it_is_not_an_empty_field():
    text = ("样例县卫生健康委员会关于商请协助的函\n县教育局：\n商请贵局协调各中小学校配合体检。\n请予支持为盼。\n"
            "样例县卫生健康委员会\n2024年9月24日\n联系方式：\n联系人：易某\n{phone}")
    assert spans(lint(text.format(phone="联系电话：0795-7121314\n"), select=["CONTACT-003"]), "CONTACT-003") == []
    # Nothing under it gives what it promises (a number): the label is an empty field.
    assert spans(lint(text.format(phone=""), select=["CONTACT-003"]), "CONTACT-003") == [(7, 1, 7, 6)]
