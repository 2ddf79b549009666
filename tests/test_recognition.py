"""Reading shapes of real letters that the fixtures did not show (issue 8): each by its general form.

Every test writes its own small letter for a fictional organisation and checks the reading (which
part each line is) and the diagnostics with their exact line and column.
"""
import pytest

from helpers import lint
from letterlint.classify import evidence
from letterlint.model import Line
from letterlint.parse import parse_text


def kinds(letter, lines=None):
    return [(p.line, p.kind) for p in letter.parts if lines is None or p.line in lines]


def found(text, **settings):
    return [(d.line, d.column, d.rule) for d in lint(text, **settings)]


REPLY_BODY = """\
示例县教育局关于县十届人大二次会议第9号建议的答复

方某某代表：
您提出的《关于改善乡村学校食堂条件的建议》收悉。现答复如下：
一、今年我局安排资金300万元，改造乡村学校食堂8所。
二、我局将建立食堂运营经费保障机制。
感谢您对教育工作的关心和支持。

示例县教育局
2024年6月20日
联系人及电话：何某　0790-6123456
"""


# --- 公开属性: labels and answers in their real variants ------------------------------------------

@pytest.mark.parametrize("mark", [
    "是否同意公开：同意", "是否同意公开：不同意", "是否公开：主动公开", "是否公开：是", "公开属性：主动公开",
    "公开属性：依申请公开", "公开方式：不予公开", "公开属性 ：主动公开", "公 开 属 性：依申请公开",
    "是否同意对外公开：是"])
def test_a_labelled_disclosure_above_the_docnum_is_the_disclosure_mark(mark):
    letter = parse_text(f"{mark}\n办理结果：B\n示教建〔2024〕9号\n\n{REPLY_BODY}")
    assert kinds(letter, (1, 2, 3)) == [(1, "disclosure"), (2, "answer_class"), (3, "doc_number")]
    assert letter.misplacements == []
    assert found(f"{mark}\n办理结果：B\n示教建〔2024〕9号\n\n{REPLY_BODY}") == []


def test_a_labelled_disclosure_has_its_label_and_answer_as_fields():
    mark = parse_text(f"是否同意公开：同意\n示教建〔2024〕9号\n\n{REPLY_BODY}").first("disclosure").parsed
    assert (mark.label.text, mark.answer.text) == ("是否同意公开", "同意")
    assert (mark.answer.span.column, mark.answer.span.end_column) == (8, 10)


def test_a_disclosure_answer_outside_the_local_marks_is_reported_at_the_mark():
    # 公开属性 names a category: 是 does not answer it.
    assert found(f"公开属性：是\n示教建〔2024〕9号\n\n{REPLY_BODY}") == [(1, 1, "NOTE-003")]
    # With the local marks narrowed to the 附注 forms, a labelled answer is reported too.
    assert found(f"是否同意公开：同意\n示教建〔2024〕9号\n\n{REPLY_BODY}",
                 **{"rule_options": {"NOTE-003": {"disclosure-marks": ["此件公开发布"]}}}) == [(1, 1, "NOTE-003")]


def test_a_disclosure_field_after_the_date_is_the_disclosure_mark():
    letter = parse_text(REPLY_BODY + "公开方式：依申请公开\n\n抄送：县人大常委会人事代表工作委员会。\n")
    assert kinds(letter, (12, 14)) == [(12, "disclosure"), (14, "copy_to")]


def test_a_sentence_about_disclosure_in_the_text_stays_text():
    text = REPLY_BODY.replace("二、我局将建立", "二、是否公开：是的，办理结果将主动公开。我局将建立")
    assert kinds(parse_text(text), (6,)) == [(6, "heading1")]


# --- 答复类别: the class in words, outside the scheme, glued to the 发文字号 -----------------------

@pytest.mark.parametrize("mark, letter_col", [
    ("办理结果：已解决（A类）", 10), ("办理结果：A类（已解决）", 6), ("答复类别：基本解决（B）", 11),
    ("类别：正在解决〔B〕", 9)])
def test_a_class_with_its_meaning_in_words_is_the_class_mark(mark, letter_col):
    letter = parse_text(f"{mark}\n示教建〔2024〕9号\n\n{REPLY_BODY}")
    assert kinds(letter, (1, 2)) == [(1, "answer_class"), (2, "doc_number")]
    value = letter.first("answer_class").parsed.value
    assert value.span.column == letter_col and value.text in "AB"
    assert letter.misplacements == []


@pytest.mark.parametrize("head, line, column", [
    ("E\n\n示例县教育局\n\n示教建〔2024〕9号\n", 1, 1),           # alone above the organ's name (信函格式)
    ("（F）\n示教建〔2024〕9号\n", 1, 2),
    ("示教建〔2024〕9号E类\n", 1, 12),                            # glued to the 发文字号
    ("示教建〔2024〕9号（E）\n", 1, 13),
    ("办理结果：已解决（E类）\n示教建〔2024〕9号\n", 1, 10),
])
def test_a_class_outside_the_scheme_is_a_class_mark_and_reported(head, line, column):
    text = head + "\n" + REPLY_BODY
    assert found(text) == [(line, column, "REPLY-001")]
    assert parse_text(text).misplacements == []


def test_a_class_glued_to_the_docnum_is_read_with_it():
    letter = parse_text("示教建〔2024〕9号E类\n\n" + REPLY_BODY)
    assert kinds(letter, (1,)) == [(1, "doc_number"), (1, "answer_class")]
    assert letter.first("doc_number").text == "示教建〔2024〕9号"


def test_a_single_capital_in_the_text_is_not_a_class_mark():
    text = REPLY_BODY.replace("感谢您", "附表\nA\n感谢您")
    assert "answer_class" not in {k for _, k in kinds(parse_text(text))}


def test_evidence_of_a_bare_letter_is_not_a_class_out_of_the_header():
    assert [u.kind for u in evidence(Line(8, "E"))] == []


# --- joint 版头: several issuers one per line, and a title whose first line lists them -----------

JOINT_BODY = """\
关于开展2024年农村道路安全隐患排查的通知

各县（区）交通运输局、公安局：
现就开展农村道路安全隐患排查有关事项通知如下。

示例市交通运输局
示例市公安局
2024年3月5日
"""


def test_joint_issuers_one_per_line_above_the_docnum_are_the_org_mark():
    letter = parse_text("示例市交通运输局\n示例市公安局\n\n示交联发〔2024〕2号\n\n" + JOINT_BODY)
    mark = letter.first("org_mark")
    assert [ln.number for ln in mark.lines] == [1, 2]
    assert mark.parsed.names == ["示例市交通运输局", "示例市公安局"]
    assert kinds(letter, (4, 6, 8)) == [(4, "doc_number"), (6, "title"), (8, "recipient")]
    assert letter.misplacements == []
    assert found("示例市交通运输局\n示例市公安局\n\n示交联发〔2024〕2号\n\n" + JOINT_BODY) == []


def test_joint_issuers_whose_last_line_ends_in_wenjian():
    letter = parse_text("示例市交通运输局\n示例市公安局文件\n\n示交联发〔2024〕2号\n\n" + JOINT_BODY)
    assert [ln.number for ln in letter.first("org_mark").lines] == [1, 2]
    assert letter.misplacements == []


def test_an_organ_name_alone_at_the_top_without_a_mark_below_is_not_an_org_mark():
    # A web copy that opens with the issuer's name and then the title: the name heads the title.
    letter = parse_text("示例市交通运输局\n示例市公安局\n" + JOINT_BODY)
    assert not letter.has("org_mark")


def test_title_whose_first_line_lists_the_issuers():
    head = "示交联发〔2024〕2号\n\n示例市交通运输局　示例市公安局　示例市农业农村局　示例市应急管理局\n"
    letter = parse_text(head + JOINT_BODY)
    title = letter.first("title")
    assert [ln.number for ln in title.lines] == [3, 4]
    assert title.parsed.issuers.names == ["示例市交通运输局", "示例市公安局", "示例市农业农村局", "示例市应急管理局"]
    assert kinds(letter, (6,)) == [(6, "recipient")]
    assert letter.misplacements == []


# --- 上行文 with several 签发人: the last one on the 发文字号's line (GB/T 9704 7.2.5, 7.2.6) ---------

UPWARD_BODY = """\
示例县交通运输局　示例县财政局
关于申请农村公路养护补助资金的请示

示例市交通运输局：
今年我县农村公路养护资金缺口较大。恳请市局安排补助资金600万元。
妥否，请批示。

示例县交通运输局　　示例县财政局
2024年4月8日
（联系人：钱某，电话：0790-7112233）
"""


def test_docnum_line_carrying_the_last_signer():
    text = "　　　　　　　　　　　　　　签发人：赵某某\n示县交请〔2024〕3号　　　　　　　　　　　　钱某某\n\n" + UPWARD_BODY
    letter = parse_text(text)
    assert kinds(letter, (1, 2, 4)) == [(1, "signer"), (2, "doc_number"), (2, "signer"), (4, "title")]
    last = letter.all("signer")[-1]
    assert (last.span.column, last.span.end_column) == (25, 28)
    assert [t.text for t in last.parsed.names] == ["钱某某"] and last.parsed.label is None
    assert letter.misplacements == []
    assert found(text) == []


def test_a_name_after_a_docnum_without_a_signer_above_is_not_read_as_a_signer():
    text = "示县交请〔2024〕3号　　　　　　　　　　　　钱某某\n\n" + UPWARD_BODY
    assert "signer" not in {k for _, k in kinds(parse_text(text))}


# --- the date under the title: a 决定 adopted by a meeting, a 纪要's issuer-and-date line ---------

DECISION = """\
示例县人民代表大会常务委员会关于加强饮用水水源保护的决定

（{date}示例县第十八届人民代表大会常务委员会第十二次会议通过）

为保护饮用水水源，保障公众饮水安全，作如下决定：
一、县人民政府应当划定饮用水水源保护区。
二、本决定自公布之日起施行。
"""


def test_the_adoption_date_in_the_note_under_a_decisions_title_is_its_date():
    letter = parse_text(DECISION.format(date="2024年9月26日"))
    date = letter.first("date")
    assert (date.line, date.span.column, date.span.end_column) == (3, 2, 12)
    assert (date.parsed.year.text, date.parsed.month.text, date.parsed.day.text) == ("2024", "9", "26")
    assert kinds(letter, (3, 5)) == [(3, "date"), (5, "paragraph")]
    assert letter.misplacements == []
    assert found(DECISION.format(date="2024年9月26日")) == []


def test_a_malformed_adoption_date_is_reported_at_its_own_columns():
    assert [(line, col, rule) for line, col, rule in found(DECISION.format(date="2024年09月26日"))
            if rule.startswith("DATE")] == [(3, 7, "DATE-002")]


def test_a_bracketed_line_under_the_title_without_adoption_is_not_a_date():
    letter = parse_text(DECISION.format(date="2024年9月26日").replace("会议通过", "会议材料"))
    assert kinds(letter, (3,)) != [(3, "date")]


MINUTES = """\
示例镇人民政府镇长办公会议纪要

第3期

示例镇人民政府党政办公室　　　　　　　　2024年7月2日

7月1日，镇长孙某某主持召开镇长办公会议，研究防汛备汛工作。现纪要如下：
一、会议要求各村于7月10日前完成山塘水库隐患排查。
二、会议同意安排防汛物资采购资金20万元。
"""


def test_minutes_with_issue_number_and_issuer_and_date_on_one_line():
    letter = parse_text(MINUTES)
    assert kinds(letter, (1, 3, 5, 7)) == [(1, "title"), (3, "issue_number"), (5, "signature"), (5, "date"),
                                           (7, "paragraph")]
    sig, date = letter.first("signature"), letter.first("date")
    assert (sig.span.column, sig.span.end_column) == (1, 13)
    assert (date.span.column, date.span.end_column) == (21, 30)
    assert letter.misplacements == []
    assert found(MINUTES) == []


def test_minutes_mark_over_its_issue_number_heads_a_minutes_with_its_own_title():
    text = MINUTES.replace("7月1日，", "关于做好防汛备汛工作的会议纪要\n\n7月1日，")
    letter = parse_text(text)
    assert kinds(letter, (1, 3, 5, 7, 9)) == [(1, "org_mark"), (3, "issue_number"), (5, "signature"), (5, "date"),
                                              (7, "title"), (9, "paragraph")]
    assert letter.misplacements == []
    assert found(text) == []


@pytest.mark.parametrize("number", ["第3号", "〔2024〕第3号", "2024年第3号"])
@pytest.mark.parametrize("kind", ["公告", "通告"])
def test_the_number_under_an_announcement_title_is_its_running_number(number, kind):
    text = (f"示例市公安局{kind}\n\n{number}\n\n　　决定实施临时交通管制。\n　　特此{kind}。\n\n"
            "示例市公安局\n2024年9月20日\n")
    letter = parse_text(text)
    assert kinds(letter, (1, 3, 5)) == [(1, "title"), (3, "issue_number"), (5, "paragraph")]
    assert found(text) == []


def test_a_number_with_di_under_another_title_is_still_a_faulty_doc_number():
    text = "示例市教育局关于开展教师培训的通知\n\n〔2024〕第3号\n\n各学校：\n　　请做好培训工作。\n\n示例市教育局\n2024年9月20日\n"
    assert [r for _, _, r in found(text)][:1] == ["DOCNUM-001"]


@pytest.mark.parametrize("label", ["参会人员", "参会领导", "参加会议人员", "出席会议人员"])
def test_other_labels_of_those_attending(label):
    text = MINUTES + f"\n{label}：孙某某、李某某、周某某\n"
    letter = parse_text(text)
    assert letter.parts[-1].kind == "attendance" and found(text) == []


def test_an_attendance_label_alone_over_its_names():
    text = MINUTES + "\n出席人员：\n孙某某　李某某　周某某\n列席人员：\n郑某某（镇财政所）\n"
    letter = parse_text(text)
    n = len(MINUTES.splitlines())
    assert [(p.line, p.kind) for p in letter.parts if p.line > n] == [(n + 2, "attendance"), (n + 4, "attendance")]
    assert [len(p.lines) for p in letter.all("attendance")] == [2, 2]
    assert found(text) == []


def test_the_organs_name_over_the_issue_number_heads_a_minutes_with_its_own_title():
    text = MINUTES.replace("示例镇人民政府镇长办公会议纪要", "示例镇人民政府").replace(
        "7月1日，", "关于做好防汛备汛工作的会议纪要\n\n7月1日，")
    letter = parse_text(text)
    assert kinds(letter, (1, 3, 7)) == [(1, "org_mark"), (3, "issue_number"), (7, "title")]
    assert found(text) == []


def test_a_whole_title_with_a_stray_full_stop_is_the_title():
    text = ("样例县公安局\n\n样例县公安局关于城区部分道路实行临时交通管制的通告。\n\n"
            "　　决定对城区部分道路实行临时交通管制。\n　　特此通告。\n\n样例县公安局\n2024年5月20日\n")
    letter = parse_text(text)
    assert letter.first("title").line == 3 and letter.doctype == "circular"
    assert found(text) == [(3, 26, "TITLE-002")]


def test_a_date_under_the_title_and_another_after_the_signature_is_a_duplicate():
    text = MINUTES + "\n示例镇人民政府党政办公室\n2024年7月3日\n"
    assert ("STRUCT-003" in {r for _, _, r in found(text)})


# --- 签发人：××× after the 成文日期: the sign-off (catalogue 3.2 h), not a misplaced 版头 mark -----

def test_signer_label_after_the_date_is_the_sign_off():
    text = "示教建〔2024〕9号\n\n" + REPLY_BODY.replace("2024年6月20日\n", "2024年6月20日\n签发人：吴某某\n")
    letter = parse_text(text)
    assert kinds(letter, (12, 13, 14)) == [(12, "date"), (13, "signoff"), (14, "contact")]
    assert letter.misplacements == []
    assert found(text) == []


def test_signer_label_after_the_date_satisfies_a_required_sign_off():
    text = "示教建〔2024〕9号\n\n" + REPLY_BODY.replace("2024年6月20日\n", "2024年6月20日\n签发人：吴某某\n")
    assert found(text, rule_options={"REPLY-010": {"signoff-required": True}}) == []


def test_an_upward_letter_with_its_signer_only_after_the_date_still_lacks_the_header_signer():
    text = UPWARD_BODY + "签发人：赵某某\n"
    assert (1, 1, "SIGNER-001") in found(text)
    assert parse_text(text).misplacements == []


# --- 纪要: lists of those attending (GB/T 9704 10.4) and the meeting's 时间/地点 ------------------------

ATTENDED = """\
示例县人民政府常务会议纪要

2024年4月18日，县长李某某主持召开县人民政府常务会议，研究城区供水等事项。现纪要如下：
一、会议同意城区供水管网改造方案。
二、会议要求县财政局落实资金。

出　席：李某某　王某某　陈某某　赵某某　钱某某
　　　　孙某某　周某某
请假：吴某某
列席：县财政局、县水利局负责同志

示例县人民政府办公室
2024年4月19日
"""


def test_lists_of_those_attending_below_the_text_are_read_with_their_wrapped_lines():
    letter = parse_text(ATTENDED)
    assert kinds(letter, range(7, 14)) == [(7, "attendance"), (9, "attendance"), (10, "attendance"),
                                            (12, "signature"), (13, "date")]
    present = letter.first("attendance")
    assert (present.span.line, present.span.end_line, present.fields["label"]) == (7, 8, "出席")
    listed = present.parsed
    assert (listed.label.text, listed.colon.span.column) == ("出　席", 4)
    assert [n.text for n in listed.names] == ["李某某", "王某某", "陈某某", "赵某某", "钱某某", "孙某某", "周某某"]
    assert (listed.names[0].span, listed.names[5].span) == ((7, 5, 7, 8), (8, 5, 8, 8))
    assert [n.text for n in letter.all("attendance")[2].parsed.names] == ["县财政局", "县水利局负责同志"]
    assert letter.misplacements == [] and found(ATTENDED) == []


def test_lists_of_those_attending_above_the_text_with_the_time_and_place():
    text = ATTENDED.replace("2024年4月18日，", "时间：2024年4月18日\n地点：县政府第一会议室\n出席：李某某　王某某\n2024年4月18日，")
    letter = parse_text(text)
    assert kinds(letter, (3, 4, 5, 6)) == [(3, "meeting_info"), (4, "meeting_info"), (5, "attendance"), (6, "paragraph")]
    assert letter.misplacements == [] and found(text) == []


def test_a_time_line_amid_the_text_stays_text():
    # The grammar takes 时间：/地点： only above the text; amid it they are paragraphs.
    text = ATTENDED.replace("二、会议要求", "时间：2024年5月底前\n二、会议要求")
    assert kinds(parse_text(text), (5,)) == [(5, "paragraph")]


LETTER = """\
关于商请派员出席座谈会的函

示例市公安局：
我局定于2024年6月5日召开校车安全座谈会。
{line}
座谈会在市教育局三楼会议室举行。
请予函复。

示例市教育局
2024年5月6日
"""


@pytest.mark.parametrize("line", [
    "会议邀请贵局分管负责同志出席：请于6月3日前告知名单。",   # 出席： inside a sentence
    "出席：请贵局派分管负责同志一名参加。",                    # a sentence after the label
    "出席：贵局分管负责同志",                                  # a label line amid the text (weak evidence)
])
def test_attendance_words_in_a_letter_stay_text(line):
    letter = parse_text(LETTER.format(line=line))
    assert kinds(letter, (5,)) == [(5, "paragraph")]
    assert found(LETTER.format(line=line)) == []


# --- 公开属性 in the 附注 position: every mark is both parts (附注 and 公开属性) -----------------------------

_NOTED = {
    "after the date": "关于商请协助的函\n示例市公安局：\n现商请贵局协助。\n示例市交通运输局\n2024年5月6日\n{n}\n",
    "after a contact line": "关于商请协助的函\n示例市公安局：\n现商请贵局协助。\n示例市交通运输局\n2024年5月6日\n"
                            "联系人：王某，电话：0791-86123456\n{n}\n",
    "before the 抄送": "关于商请协助的函\n示例市公安局：\n现商请贵局协助。\n示例市交通运输局\n2024年5月6日\n{n}\n"
                      "抄送：示例市人民政府办公室。\n",
    "before an 附件 page": "关于印发方案的通知\n各县教育局：\n现将方案印发给你们。\n附件：方案\n示例市教育局\n2024年5月6日\n"
                          "{n}\n附件\n方案\n一、总体要求\n",
    "in a reply": REPLY_BODY.replace("2024年6月20日\n", "2024年6月20日\n{n}\n"),
}


@pytest.mark.parametrize("mark", ["（此件公开发布）", "（此件依申请公开）", "（此件不予公开）", "（此件不公开）", "（此件主动公开）"])
@pytest.mark.parametrize("where", sorted(_NOTED))
def test_every_disclosure_mark_after_the_date_is_both_the_note_and_the_disclosure(mark, where):
    letter = parse_text(_NOTED[where].format(n=mark))
    parts = [p for p in letter.parts if p.text == mark]
    assert sorted(p.kind for p in parts) == ["disclosure", "note"]
    assert parts[0].span == parts[1].span and letter.misplacements == []
    assert letter.first("disclosure").fields["mark"] == mark[1:-1]


def test_a_wrapped_line_of_names_right_above_the_signature_is_not_a_signature():
    text = ATTENDED.replace("列席：县财政局、县水利局负责同志\n\n", "列席：县财政局负责同志　县水利局负责同志\n　　　县审计局负责同志\n")
    letter = parse_text(text)
    listed = letter.all("attendance")[-1]
    assert (listed.span.line, listed.span.end_line) == (10, 11)
    assert [p.line for p in letter.all("signature")] == [12] and found(text) == []
