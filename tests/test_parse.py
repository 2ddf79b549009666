"""The parser: which part each line is, on example letters of several kinds and shapes."""
import pytest

from letterlint.parse import parse_text

REPLY = """\
签发人：张明　　　　示教提函〔2024〕12号
〔A〕
〔同意对外公开〕
关于市七届人大三次会议第56号
建议答复的函

王小明代表：
您提出的《关于加强校园周边交通安全的建议》收悉，现答复如下：
一、关于上下学时段交通疏导
（一）增加警力。我局会同交警部门在上下学时段增派警力。
（二）完善设施。在学校周边增设减速带和警示标志。
二、关于校车安全管理
今年以来，我局组织开展校车安全专项检查。
感谢您对教育工作的关心和支持。

　　　　示例市教育局
　　　　2024年5月6日

抄送：市人大常委会代表工作委员会，市政府办公室。
联系人、职务及电话：李华，职成科科长，0797-8123456
"""


def kinds(letter):
    return [(p.line, p.kind) for p in letter.parts]


def test_reply_letter_parts():
    letter = parse_text(REPLY)
    assert letter.doctype == "suggestion_reply"
    assert kinds(letter) == [
        (1, "signer"), (1, "doc_number"), (2, "answer_class"), (3, "disclosure"), (4, "title"),
        (7, "recipient"), (8, "paragraph"), (9, "heading1"), (10, "heading2"), (11, "heading2"),
        (12, "heading1"), (13, "paragraph"), (14, "closing"), (16, "signature"), (17, "date"),
        (19, "copy_to"), (20, "contact"),
    ]
    title = letter.first("title")
    assert title.text == "关于市七届人大三次会议第56号建议答复的函"
    assert (title.span.line, title.span.end_line) == (4, 5)
    assert letter.misplacements == []


def test_sections():
    letter = parse_text(REPLY)
    assert {p.kind: p.section for p in letter.parts}["doc_number"] == "版头"
    assert {p.kind: p.section for p in letter.parts}["date"] == "主体"
    assert {p.kind: p.section for p in letter.parts}["copy_to"] == "版记"


def test_spans_of_parts_sharing_a_line():
    letter = parse_text(REPLY)
    signer, docnum = letter.first("signer"), letter.first("doc_number")
    assert (signer.span.column, signer.span.end_column) == (1, 7)
    assert (docnum.span.column, docnum.span.end_column) == (11, 24)
    assert docnum.fields["year"] == "2024" and docnum.fields["seq"] == "12"


def test_full_width_indent_is_not_part_of_the_span():
    date = parse_text(REPLY).first("date")
    assert (date.span.column, date.span.end_column) == (5, 14)


def test_docnum_before_signer_and_glued_class():
    text = REPLY.replace("签发人：张明　　　　示教提函〔2024〕12号\n〔A〕\n", "示教提函〔2024〕12号B类  签发人：张明\n")
    letter = parse_text(text)
    assert [p.kind for p in letter.parts[:4]] == ["doc_number", "answer_class", "signer", "disclosure"]
    assert letter.first("answer_class").fields["mark"] == "B"


def test_no_blank_lines_and_many_blank_lines_parse_alike():
    compact = "\n".join(line for line in REPLY.split("\n") if line.strip())
    spaced = REPLY.replace("\n", "\n\n\n")
    assert [p.kind for p in parse_text(compact).parts] == [p.kind for p in parse_text(REPLY).parts]
    assert [p.kind for p in parse_text(spaced).parts] == [p.kind for p in parse_text(REPLY).parts]


def test_three_line_title():
    text = "关于市七届人大三次会议\n第56号建议\n答复的函\n王小明代表：\n您提出的建议收悉，现答复如下：\n感谢您的关心和支持。\n示例市教育局\n2024年5月6日\n"
    letter = parse_text(text)
    assert letter.first("title").text == "关于市七届人大三次会议第56号建议答复的函"
    assert letter.first("recipient").line == 4


def test_issuer_line_above_the_title_is_part_of_the_title():
    text = "示例县人民政府\n关于同意调整示例乡村庄规划的批复\n示例乡人民政府：\n你乡《关于调整村庄规划的请示》收悉。经研究，同意。\n此复。\n示例县人民政府\n2024年5月6日\n"
    letter = parse_text(text)
    assert letter.doctype == "approval"
    assert (letter.first("title").span.line, letter.first("title").span.end_line) == (1, 2)


def test_contact_lines_before_the_signature():
    text = ("关于城区排水问题建议的答复\n赵某委员：\n您提出的建议收悉，现答复如下：\n我局已完成管网改造。\n感谢您对城建工作的关心和支持。\n"
            "联系人：孙某\n联系电话：0797-8123456\n示例市住房和城乡建设局\n2024年5月6日\n")
    letter = parse_text(text)
    assert letter.doctype == "proposal_reply"
    assert [p.kind for p in letter.parts[-4:]] == ["contact", "contact", "signature", "date"]
    assert letter.misplacements == []


def test_contact_paragraph_before_the_closing_formula_belongs_to_the_body():
    text = ("示例市教育局关于商请提供统计数据的函\n示例市统计局：\n请于6月30日前提供有关数据。\n"
            "联系人：李明，电话：0797-8123456。\n特此函商。\n示例市教育局\n2024年5月6日\n")
    letter = parse_text(text)
    contact = letter.first("contact")
    assert (contact.line, contact.section, contact.misplaced) == (4, "主体", False)
    assert letter.misplacements == []


def test_contact_line_high_in_the_body_is_misplaced():
    text = ("示例市教育局关于商请提供统计数据的函\n示例市统计局：\n联系人：李明，电话：0797-8123456。\n"
            "请于6月30日前提供有关数据。\n特此函商。\n示例市教育局\n2024年5月6日\n")
    letter = parse_text(text)
    assert [(m.part.line, m.message) for m in letter.misplacements] == [(3, "联系人应位于正文之后")]


def test_note_and_attachments_and_record():
    text = ("关于开展道路安全检查的通知\n各县（市、区）交通运输局：\n现就有关事项通知如下。\n附件：1.检查表\n　　　2.点位表\n示例市交通运输局\n2024年5月6日\n"
            "（此件公开发布）\n附件1\n检查表\n附件2\n点位表\n抄送：示例市人民政府办公室。\n示例市交通运输局办公室　　2024年5月7日印发\n")
    letter = parse_text(text)
    assert letter.doctype == "notice"
    assert [(p.line, p.kind) for p in letter.parts if p.kind not in ("paragraph",)] == [
        (1, "title"), (2, "recipient"), (4, "attachment_note"), (6, "signature"), (7, "date"), (8, "note"),
        (8, "disclosure"), (9, "attachment"), (10, "attachment_text"), (11, "attachment"), (12, "attachment_text"),
        (13, "copy_to"), (14, "print_line"),
    ]
    assert letter.first("attachment_note").span.end_line == 5
    assert letter.first("print_line").section == "版记"
    assert letter.misplacements == []


@pytest.mark.parametrize("title,doctype", [
    ("关于商请协助开展道路安全检查的函", "letter"),
    ("关于同意调整校车线路的复函", "reply_letter"),
    ("关于市政协九届二次会议第8号提案的答复", "proposal_reply"),
    ("关于市七届人大三次会议第56号建议的答复", "suggestion_reply"),
    ("示例市交通运输局关于申请专项经费的请示", "request"),
    ("关于2024年道路安全工作情况的报告", "report"),
    ("关于开展道路安全检查的通知", "notice"),
])
def test_doctype_from_title(title, doctype):
    assert parse_text(f"{title}\n示例市公安局：\n现将有关事项说明如下。\n").doctype == doctype


def test_doctype_from_salutation_when_there_is_no_title():
    assert parse_text("王小明代表：\n您提出的建议收悉，现答复如下：\n").doctype == "suggestion_reply"
    assert parse_text("李华委员：\n您提出的提案收悉，现答复如下：\n").doctype == "proposal_reply"


@pytest.mark.parametrize("text,doctype", [
    ("各乡镇人民政府：\n《样例县会议议事规则》已经县人民政府常务会议通过，现予印发。\n", "notice"),
    ("各有关单位：\n现将征求意见稿予以公布。\n特此通告。\n", "circular"),
    ("巡察组已完成巡察任务。\n特此公告。\n", "announcement"),
    ("巡察组已完成巡察任务。\n", "unknown"),
    ("各位人大代表：\n请各位代表于9月30日前将意见建议报县人大常委会。\n", "unknown"),
    ("王某某代表：\n您提出的建议收悉，现答复如下：\n", "suggestion_reply"),
])
def test_doctype_from_the_formulas_when_there_is_no_title(text, doctype):
    assert parse_text(text).doctype == doctype


def test_empty_and_fragment_texts_do_not_crash():
    for text in ("", "\n\n", "2024年5月6日", "抄送：示例市人民政府。", "一、\n（一）\n1.\n"):
        parse_text(text)


def test_thanks_before_the_sections_is_not_the_closing():
    text = ("关于市七届人大三次会议第56号建议的答复\n王小明代表：\n"
            "感谢您对教育工作的关心。经认真研究，现答复如下：\n一、关于校车\n我局已开展检查。\n"
            "二、关于步道\n我局已完成改造。\n示例市教育局\n2024年5月6日\n")
    letter = parse_text(text)
    assert not letter.has("closing")
    assert letter.misplacements == []


def test_attachment_name_wrapped_onto_an_indented_line():
    text = ("示例市教育局关于报送统计数据的函\n示例市统计局：\n现将有关数据报送你局。\n特此函告。\n\n"
            "附件：示例市2023年教育统计数据汇总表（含各区县\n　　　分项数据）\n\n示例市教育局\n2024年5月6日\n")
    letter = parse_text(text)
    note = letter.first("attachment_note")
    assert [ln.number for ln in note.lines] == [6, 7]
    assert [p.line for p in letter.all("signature")] == [9]
    assert letter.misplacements == []


def test_position_line_in_a_contact_block():
    text = ("关于市七届人大三次会议第5号建议的答复\n王小明代表：\n您提出的建议收悉，现答复如下：\n我局已开展检查。\n"
            "感谢您的关心。\n示例市教育局\n2024年5月6日\n联系人：李华\n职务：科长\n联系电话：0797-8123456\n")
    letter = parse_text(text)
    assert [p.line for p in letter.all("contact")] == [8, 9, 10]
    assert not letter.has("attachment_text")


def test_salutation_closed_with_a_comma_is_the_salutation():
    text = "关于商请协助的函\n示例市公安局，\n为做好工作，现商请贵局派员协助。\n请予函复。\n示例市交通运输局\n2024年5月6日\n"
    recipient = parse_text(text).first("recipient")
    assert (recipient.line, recipient.fields["colon"]) == (2, "，")


def test_opening_sentence_ending_in_a_colon_is_not_a_salutation():
    text = ("关于市七届人大三次会议第5号建议的答复\n您提出的建议收悉，现答复如下：\n我局已开展检查。\n"
            "示例市教育局\n2024年5月6日\n")
    letter = parse_text(text)
    assert not letter.has("recipient")
    assert letter.body[0].line == 2


@pytest.mark.parametrize("line", ["各镇、乡人民政府，县政府直属各单位", "各市州、县市区农业普查领导小组办公室"])
def test_recipient_classes_without_colon(line):
    text = f"示例县人民政府办公室关于召开会议的通知\n{line}\n定于5月6日召开全县安全生产工作会议，请各单位派员参加。\n示例县人民政府办公室\n2024年5月6日\n"
    recipient = parse_text(text).first("recipient")
    assert (recipient.line, recipient.fields["colon"]) == (2, "")
    assert parse_text(text.split("\n", 1)[1]).first("recipient").line == 1  # no title above it


def test_recipient_list_wrapped_over_two_lines():
    text = ("示例市人民政府办公室关于做好防汛工作的通知\n各县（市、区）人民政府，市政府各部门，\n各直属机构：\n"
            "为做好今年防汛工作，现将有关事项通知如下：\n示例市人民政府办公室\n2024年5月6日\n")
    recipient = parse_text(text).first("recipient")
    assert [ln.number for ln in recipient.lines] == [2, 3] and recipient.fields["colon"] == "："


def test_letter_format_org_mark_is_the_name_alone():
    text = ("示例市统计局\n\n示统函〔2024〕21号\n\n示例市统计局关于提供教育统计数据的复函\n\n示例市教育局：\n"
            "你局《关于商请提供统计数据的函》（示教函〔2024〕5号）收悉。现函复如下：\n特此函复。\n示例市统计局\n2024年5月8日\n")
    letter = parse_text(text)
    assert [(p.line, p.kind) for p in letter.parts[:3]] == [(1, "org_mark"), (3, "doc_number"), (5, "title")]
    assert letter.misplacements == [] and letter.doctype == "reply_letter"


# --- misplaced parts the grammar must see (each once, at its line) ----------------------

LETTER_WITH_RECORD = """\
示交函〔2024〕12号
示例市交通运输局关于商请协助开展道路安全检查的函

示例市公安局：
为做好道路安全检查工作，现商请贵局派员协助。
请予函复。

示例市交通运输局
2024年5月6日

抄送：示例市人民政府办公室。
示例市交通运输局办公室　　2024年5月7日印发
"""


def misplaced(text):
    return [(m.part.line, m.part.kind, m.message) for m in parse_text(text).misplacements]


def test_the_model_letter_has_no_misplaced_part():
    assert misplaced(LETTER_WITH_RECORD) == []


def test_title_below_the_recipient():
    lines = LETTER_WITH_RECORD.split("\n")
    lines[1], lines[3] = lines[3], lines[1]
    # The two lines changed places: the reading blames the first of them.
    assert misplaced("\n".join(lines)) == [(2, "recipient", "主送机关（称呼）应位于标题之后")]
    letter = parse_text("\n".join(lines))
    assert [p.kind for p in letter.parts[:4]] == ["doc_number", "recipient", "title", "paragraph"]


def test_print_line_inside_the_body():
    text = LETTER_WITH_RECORD.replace("请予函复。\n", "示例市交通运输局办公室　　2024年5月7日印发\n请予函复。\n", 1)
    text = text.rsplit("示例市交通运输局办公室", 1)[0].rstrip("\n") + "\n"
    assert misplaced(text) == [(6, "print_line", "印发机关和印发日期应位于抄送之后")]


def test_doc_number_inside_the_body():
    text = LETTER_WITH_RECORD.replace("示交函〔2024〕12号\n", "", 1).replace("请予函复。\n", "示交函〔2024〕12号\n请予函复。\n")
    assert misplaced(text) == [(5, "doc_number", "发文字号应位于主送机关（称呼）之前")]
    assert parse_text(text).first("closing").line == 6


def test_secrecy_inside_the_body():
    text = LETTER_WITH_RECORD.replace("请予函复。\n", "秘密★1年\n请予函复。\n")
    assert misplaced(text) == [(6, "secrecy", "密级和保密期限应位于发文字号之前")]


def test_date_on_the_first_line():
    text = "2024年5月6日\n" + LETTER_WITH_RECORD.replace("2024年5月6日\n", "\n")
    assert misplaced(text) == [(1, "date", "成文日期应位于发文机关署名之后")]
    letter = parse_text(text)
    # One odd line does not derail the rest: everything below is read as before.
    assert [p.kind for p in letter.parts[1:]] == ["doc_number", "title", "recipient", "paragraph", "closing",
                                                  "signature", "copy_to", "print_line"]


def test_an_organ_name_below_the_date_at_the_end_is_the_signature_and_the_date_is_misplaced():
    text = "关于商请提供统计数据的函\n示例市统计局：\n请于6月30日前提供有关数据。\n2024年5月6日\n示例市教育局\n"
    assert misplaced(text) == [(4, "date", "成文日期应位于发文机关署名之后")]
    assert kinds(parse_text(text))[-1] == (5, "signature")  # not the text of an attachment


def test_a_line_of_digits_above_the_title_is_the_copy_number_not_the_start_of_a_wrapped_title():
    letter = parse_text("000017\n示例市教育局关于商请提供统计数据的函\n示例市统计局：\n请于6月30日前提供有关数据。\n"
                        "示例市教育局\n2024年5月6日\n")
    assert kinds(letter)[:2] == [(1, "copy_number"), (2, "title")]
    assert letter.misplacements == []


def test_a_whole_title_amid_the_text_of_a_forwarding_notice_after_the_date_is_not_misplaced():
    text = ("关于转发示例省安全检查办法的通知\n各县（市、区）交通运输局：\n现将有关办法转发给你们，请遵照执行。\n"
            "示例市交通运输局\n2024年5月6日\n示例省道路安全检查办法\n第一条　为做好道路安全检查工作，制定本办法。\n")
    assert misplaced(text) == []


# --- real variations ------------------------------------------------------------------


@pytest.mark.parametrize("head", [
    "示例县交通运输\n局对县政协提案第21号的答复\n",           # wrapped inside the organ's name
    "示例县202\n4年度法治政府建设情况报告\n",                 # wrapped inside a year
    "关于增加示例县主\n城区泊车位，解决“停车难”建议的答复\n",  # a comma inside the title
])
def test_title_wrapped_at_any_point(head):
    letter = parse_text(head + "\n王某委员：\n您提出的提案收悉，现答复如下。\n我局已完成改造。\n示例县交通运输局\n2024年5月6日\n")
    title = letter.first("title")
    assert (title.span.line, title.span.end_line) == (1, 2)
    assert letter.first("recipient").line == 4 and letter.misplacements == []


def test_spread_contact_labels_after_the_date():
    letter = parse_text("关于商请提供统计数据的函\n示例市统计局：\n请于6月30日前提供有关数据。\n示例市教育局\n2024年5月6日\n"
                        "承 办 人：刘某\n经 办 人：李某\n联 系 人：王某\n联系电话：0797-8123456\n")
    assert [p.kind for p in letter.parts[-4:]] == ["contact"] * 4


def test_one_organ_name_wrapped_over_two_signature_lines():
    letter = parse_text("关于商请提供统计数据的函\n示例市统计局：\n请于6月30日前提供有关数据。\n"
                        "示例市某某工作领导\n小组办公室\n2024年5月6日\n")
    (signature,) = letter.all("signature")
    assert (signature.span.line, signature.span.end_line, signature.text) == (4, 5, "示例市某某工作领导小组办公室")


def test_one_odd_line_at_the_top_does_not_turn_the_letter_into_text():
    text = ("〔来源：示例市教育局网站〕\n示例市教育局关于市人大十届二次会议第18号建议的答复\n李某代表：\n"
            "您提出的关于加强校园安全的建议收悉，现答复如下。\n感谢您对教育工作的关心和支持。\n示例市教育局\n2024年5月6日\n")
    letter = parse_text(text)
    assert [(p.line, p.kind) for p in letter.parts] == [
        (1, "paragraph"), (2, "title"), (3, "recipient"), (4, "paragraph"), (5, "closing"), (6, "signature"), (7, "date")]
    assert [(m.part.line, m.message) for m in letter.misplacements] == [(1, "正文应位于主送机关（称呼）之后")]


def test_contact_details_on_the_copy_to_line_are_a_contact_part():
    text = ("关于市人大十届二次会议第18号建议的答复\n李某代表：\n您提出的建议收悉，现答复如下。\n感谢您的关心和支持。\n"
            "示例市教育局\n2024年5月6日\n抄送：市人大常委会代表工作委员会，市政府办公室。联系人：刘某，联系电话：0791-86345678\n")
    letter = parse_text(text)
    copy_to, contact = letter.parts[-2:]
    assert (copy_to.kind, copy_to.text) == ("copy_to", "抄送：市人大常委会代表工作委员会，市政府办公室。")
    assert (contact.kind, contact.span.column) == ("contact", 25)
    assert contact.text == "联系人：刘某，联系电话：0791-86345678"
    assert copy_to.parsed.names[-1] == "市政府办公室"


# --- closing, 附注, 附件说明 and the labelled 署名: general forms of the genre -------------

def reply_ending(*tail):
    return "\n".join(["示例市文化旅游局关于市政协六届二次会议第18号提案的答复", "孙明委员：",
                      "您提出的《关于加强古村落保护的提案》收悉，现答复如下：",
                      "我局已将古村落保护纳入年度重点工作，完成了普查建档。", *tail])


def test_a_reply_that_ends_by_asking_for_the_addressees_view_has_that_as_its_closing():
    letter = parse_text(reply_ending("以上答复，已经局长审阅，您对此有何意见，请填写在回执上，以便我们改进工作。",
                                     "示例市文化旅游局", "2024年6月3日"))
    assert [p.line for p in letter.all("closing")] == [5]
    assert letter.misplacements == []


def test_a_long_paragraph_that_only_opens_with_thanks_is_not_the_closing():
    answer = ("感谢孙明委员对古村落保护的关心。古村落是不可再生的文化资源。下一步我局将会同住建部门制定保护规划，"
              "落实修缮资金。对已列入名录的村落，将逐一建立保护档案。")
    letter = parse_text(reply_ending(answer, "示例市文化旅游局", "2024年6月3日"))
    assert letter.all("closing") == []
    assert [(p.line, p.kind) for p in letter.parts if p.line == 5] == [(5, "paragraph")]


def test_a_short_thanks_and_a_second_sentence_are_still_the_closing():
    letter = parse_text(reply_ending("感谢您对文化旅游工作的关心。欢迎继续提出宝贵意见。",
                                     "示例市文化旅游局", "2024年6月3日"))
    assert [p.line for p in letter.all("closing")] == [5]


def test_attachment_note_labelled_without_jian():
    letter = parse_text(reply_ending("特此答复。", "附：1.古村落名录", "2.保护资金安排表",
                                     "示例市文化旅游局", "2024年6月3日"))
    note = letter.first("attachment_note")
    assert [ln.number for ln in note.lines] == [6, 7]
    assert [p.kind for p in letter.parts if p.line in (6, 7)] == ["attachment_note"]
    assert [p.line for p in letter.all("closing")] == [5] and letter.misplacements == []


def test_a_paragraph_beginning_with_fu_amid_the_text_stays_text():
    letter = parse_text(reply_ending("附：有关情况说明如下。", "下一步我局将继续推进保护工作。", "特此答复。",
                                     "示例市文化旅游局", "2024年6月3日"))
    assert letter.all("attachment_note") == [] and letter.misplacements == []


def test_a_labelled_disclosure_note_before_the_date():
    letter = parse_text(reply_ending("感谢您对文化旅游工作的关心和支持。", "注：此件主动公开。", "2024年6月3日"))
    assert [(p.line, p.kind) for p in letter.parts if p.line >= 5] == [
        (5, "closing"), (6, "note"), (6, "disclosure"), (7, "date")]
    assert letter.misplacements == []


def test_a_note_label_amid_the_text_explains_the_text():
    letter = parse_text(reply_ending("注：以上数据截至2024年5月底。", "下一步我局将继续推进保护工作。", "特此答复。",
                                     "示例市文化旅游局", "2024年6月3日"))
    assert [(p.line, p.kind) for p in letter.parts if p.line == 5] == [(5, "paragraph")]
    assert letter.misplacements == []


def test_a_labelled_signature_with_a_sign_off_line_before_the_date():
    """答复单位：… is the 署名 written with a label; a sign-off line between the 署名 and the date is a
    local mark where local templates put it (署名 / 领导签发：… / 成文日期), accepted by the grammar."""
    letter = parse_text(reply_ending("特此答复。", "答复单位：示例市文化旅游局", "承办负责人：周平", "2024年6月3日"))
    assert [(p.line, p.kind) for p in letter.parts if p.line >= 5] == [
        (5, "closing"), (6, "signature"), (7, "signoff"), (8, "date")]
    assert misplaced_of(letter) == []


def misplaced_of(letter):
    return [(m.part.line, m.part.kind, m.message) for m in letter.misplacements]


@pytest.mark.parametrize("closing", ["专此函复。", "祝您身体健康，工作顺利！", "新春将至，衷心祝愿各位工作顺利！",
                                     "再次感谢您的关心，不足之处敬请谅解！祝您工作顺利！"])
def test_closing_formulas_of_wishes_and_zhuanci(closing):
    letter = parse_text(reply_ending(closing, "示例市文化旅游局", "2024年6月3日"))
    assert [p.line for p in letter.all("closing")] == [5]


# --- shapes of correct letters from places the corpus does not cover --------------------------------


def test_organ_names_listed_in_the_text_are_text_not_the_signature():
    text = ("示例县人民政府关于表彰先进集体的决定\n\n各乡镇人民政府：\n　　县政府决定，对以下单位予以表彰：\n"
            "　　示例县商务局\n　　示例县财政局\n　　希望受表彰的单位再创佳绩。\n\n示例县人民政府\n2024年2月20日\n")
    letter = parse_text(text)
    assert kinds(letter)[3:] == [(5, "paragraph"), (6, "paragraph"), (7, "paragraph"), (9, "signature"), (10, "date")]
    assert letter.misplacements == []


@pytest.mark.parametrize("around", [("　　一、发布时间\n", "　　二、发布版面\n"), ("", "　　二、发布版面\n"),
                                    ("　　一、发布时间\n", "")])
def test_a_date_under_or_above_a_heading_of_the_text_is_text(around):
    above, below = around
    text = ("关于商请发布招聘公告的函\n示例日报社：\n　　现商请贵社发布招聘公告。\n" + above + "　　2024年5月6日\n" + below
            + "　　请予支持。\n示例市人力资源和社会保障局\n2024年4月28日\n")
    letter = parse_text(text)
    assert [p.line for p in letter.all("date")] == [len(text.splitlines())]
    assert letter.misplacements == []


def test_a_date_under_a_heading_that_is_a_whole_paragraph_is_the_misplaced_date():
    text = ("关于开展教师培训的通知\n各县（市、区）教育局：\n　　一、请按时报名。\n　　二、请于6月底前报送名单，逾期不再受理。\n"
            "2024年5月6日\n示例市教育局\n")
    letter = parse_text(text)
    assert kinds(letter)[-2:] == [(5, "date"), (6, "signature")]
    assert [(m.part.line, m.part.kind) for m in letter.misplacements] == [(5, "date")]


def test_a_signature_with_the_organs_second_name_in_brackets_is_the_signature():
    letter = parse_text("中共示例市委组织部（示例市公务员局）关于商请提供培训数据的函\n示例市教育局：\n　　现商请贵局提供有关数据。\n"
                        "中共示例市委组织部（示例市公务员局）\n2024年5月6日\n")
    assert kinds(letter)[-2:] == [(4, "signature"), (5, "date")]
    assert letter.misplacements == []


BELOW_NAME = "\n各学校：\n　　现就有关事项通知如下。\n示例市教育局\n2024年6月5日\n"


def test_the_organs_name_alone_over_a_whole_title_is_the_organ_mark():
    letter = parse_text("示例市教育局\n\n示例市教育局关于开展校园安全检查的通知" + BELOW_NAME)
    assert kinds(letter)[:2] == [(1, "org_mark"), (3, "title")]
    assert letter.first("title").text == "示例市教育局关于开展校园安全检查的通知"


@pytest.mark.parametrize("first, second", [("示例市教育局", "关于开展校园安全检查的通知"),
                                           ("示例市教育局、", "示例市财政局关于开展校园安全检查的通知")])
def test_a_title_wrapped_after_the_organs_name_stays_one_title(first, second):
    letter = parse_text(f"{first}\n{second}" + BELOW_NAME)
    assert kinds(letter)[0] == (1, "title") and letter.first("title").text == first + second


def test_a_contact_block_with_an_email_line_closes_the_text():
    letter = parse_text("关于开展教师培训的通知\n各县（市、区）教育局：\n　　现将有关事项通知如下。\n　　联系人：陶某\n"
                        "　　联系电话：0571-87231234\n　　电子邮箱：px@example.gov.cn\n示例市教育局\n2024年6月28日\n")
    assert kinds(letter)[3:6] == [(4, "contact"), (5, "contact"), (6, "contact")]
    assert letter.misplacements == []


def test_separator_lines_typed_as_characters_are_no_part():
    letter = parse_text("示教发〔2024〕8号\n━━━━━━━━━━\n关于开展教师培训的通知\n各县（市、区）教育局：\n"
                        "　　现将有关事项通知如下。\n示例市教育局\n2024年5月6日\n────────\n抄送：市委办公室。\n"
                        "────────\n示例市教育局办公室　　2024年5月6日印发\n")
    assert [k for _, k in kinds(letter)] == ["doc_number", "title", "recipient", "paragraph", "signature", "date",
                                             "copy_to", "print_line"]
    assert letter.misplacements == []


def test_a_co_handling_unit_line_after_the_date_is_a_contact_line():
    letter = parse_text("关于市人大三次会议第8号建议的答复\n王某代表：\n　　您提出的建议收悉，现答复如下。\n　　已落实。\n"
                        "示例市教育局\n2024年6月5日\n会办单位：示例市财政局\n联系人：俞某　联系电话：0571-64556677\n")
    assert kinds(letter)[-2:] == [(7, "contact"), (8, "contact")]


def test_a_class_with_its_meaning_in_brackets_above_the_title_is_the_class_mark():
    letter = parse_text("B类（正在解决或列入计划解决）\n示例市教育局关于市人大三次会议第8号建议的答复\n王某代表：\n"
                        "　　您提出的建议收悉，现答复如下。\n示例市教育局\n2024年6月5日\n")
    assert kinds(letter)[:2] == [(1, "answer_class"), (2, "title")]
    assert letter.first("answer_class").fields["mark"] == "B"


def test_a_date_above_the_signature_of_a_letter_with_attachments_is_the_misplaced_part():
    text = ("关于报送检查材料的函\n示例市公安局：\n　　现将材料随函报送。\n附件：检查清单\n2024年5月6日\n示例市教育局\n"
            "附件\n检查清单\n一、校舍安全\n")
    assert misplaced(text) == [(5, "date", "成文日期应位于发文机关署名之后")]
    assert parse_text(text).first("signature").line == 6


def test_a_wrapped_unit_that_cannot_take_its_lines_leaves_its_first_line_as_text():
    # The 题注 of an adoption is cut by the title moved into it: its first line can start no wrapped 题注
    # (a wrapped unit never takes in a line strongly evidenced as something else), and it had no other reading.
    letter = parse_text("样例县人民代表大会常务委员会\n"
                        "（2024年8月28日样例县第十九届人民代表大会常务委员会\n"
                        "关于批准2023年县级财政决算的决议\n\n第二十次会议通过）\n\n"
                        "会议决定，批准2023年县级财政决算。\n")
    kinds = {p.line: p.kind for p in letter.parts}
    assert kinds[2] in ("paragraph", "attachment_text") and kinds[3] == "title"
