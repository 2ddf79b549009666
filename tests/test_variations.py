"""Letters nobody here has seen (issue 8, items 5 and 6): tests/letters/variations.

Each letter is written for a fictional organisation in a shape that real letters take and that the
first fixtures did not show: other kinds of document (意见, 公告, 令, 决定, 纪要, 转发 and 印发 notices),
CRLF files, full-width alignment, right-aligned signatures, titles wrapped anywhere or letter-spaced,
header marks spread out, contact blocks in every place, web copies. As in test_letters.py, every
letter is checked for its COMPLETE list of diagnostics: none for good/ and quirks/ (unless listed in
EXPECTED with the reason), exactly the listed ones for bad/. Then one test per misplacement class and
per variation class checks the reading itself (which part each line is).

A letter whose reading is wrong is marked xfail(strict=True) with the reason, so that the test turns
red (XPASS) the moment the reading is fixed and the mark must go.
"""
from pathlib import Path

import pytest

from helpers import lint as lint_snippet
from helpers import spans
from letterlint.decode import read_path
from letterlint.fix import fix_stored
from letterlint.lint import Settings, lint_path, lint_text
from letterlint.parse import parse_text

HERE = Path(__file__).resolve().parent / "letters" / "variations"


def _reading(reason: str):
    return pytest.mark.xfail(strict=True, reason=f"reading: {reason}")


# Misread letters: the line, what it is, what it is read as (see `letterlint structure --why FILE`).
MISREAD: dict[str, pytest.MarkDecorator] = {}

# Correct letters that keep a diagnostic, each with the reason it is right.
EXPECTED = {
    # A web copy that starts at the 主送: the title may be outside the text (lead's STRUCT-002 decision).
    "quirks/web-no-title.txt": [(1, 1, "STRUCT-002", "warning")],
    # The title ends in 建议答复: the 文种 答复 is there, the hint asks for the documented form 建议的答复.
    "quirks/jianyi-title-dafu-no-de.txt": [(6, 18, "DOCTYPE-001", "info")],
    # A web copy of a 报告 that starts at the 主送: as quirks/web-no-title.txt.
    "quirks/baogao-web-no-title.txt": [(1, 1, "STRUCT-002", "warning")],
    # A web copy of a notice to 各位人大代表 (not a reply): only the title outside the text.
    "quirks/tongzhi-collective-deputies-phone-only.txt": [(1, 1, "STRUCT-002", "warning")],
    # A web copy that starts with the text of a 通知: its title and 主送 are not in the text (warnings).
    "quirks/tongzhi-web-body-only.txt": [(1, 1, "RECIP-001", "warning"), (1, 1, "STRUCT-002", "warning")],
    # A web copy of a 报告 sent up without its 版头: the 签发人 goes with the 版头 (SIGNER-001's documented warning).
    "quirks/baogao-shangbao-no-signer-public.txt": [(1, 1, "SIGNER-001", "warning")],
    # 抄送： alone, the organs on the next line: GB/T 9704 7.4.2 puts them after the colon (COPY-006 warning).
    "quirks/tongzhi-cc-label-alone.txt": [(14, 1, "COPY-006", "warning")],
}

BAD = {
    # The five misplacement classes, in other kinds of document and layouts.
    "misplaced-title-below-recipient-crlf.txt": [(5, 1, "STRUCT-001")],
    "misplaced-print-line-in-body.txt": [(10, 1, "STRUCT-001")],
    "misplaced-docnum-in-body.txt": [(8, 1, "STRUCT-001")],
    "misplaced-secrecy-in-body.txt": [(7, 1, "STRUCT-001")],
    "misplaced-date-on-first-line.txt": [(1, 1, "STRUCT-001")],
    "recipient-above-title-jianyi.txt": [(4, 1, "STRUCT-001")],
    # Variations that carry a true defect.
    "class-e-glued.txt": [(2, 13, "REPLY-001")],
    "class-e-above-organ.txt": [(1, 1, "REPLY-001")],
    "secrecy-neibu-spread-header.txt": [(1, 1, "HDR-002")],
    "recipient-semicolon-yijian.txt": [(5, 14, "RECIP-003")],
    "salutation-run-in-tian.txt": [(6, 6, "REPLY-006")],
    "contact-on-chaobao-line.txt": [(16, 1, "COPY-004")],
    "web-no-date.txt": [(7, 1, "STRUCT-002")],
    "salutation-zunjing.txt": [(6, 1, "REPLY-006")],
    "signer-spread-ascii-colon.txt": [(3, 26, "SIGNER-002")],
    "class-e-bracketed-contact-no-phone.txt": [(1, 7, "REPLY-001"), (14, 1, "REPLY-009")],
    # 署名 / 领导签发 / 联系人 / 成文日期: the 署名 is read (no SIGN-001), the contact's phone is checked.
    "signoff-between-contact-bad-phone.txt": [(14, 11, "CONTACT-001")],
    # A 函 copied from the web without its date (as web-no-date.txt for a 复函).
    "han-web-no-date.txt": [(7, 1, "STRUCT-002")],
    # （此页无正文） above the 署名: GB/T 9704 7.3.5.1 forbids it.
    "baogao-no-text-on-page.txt": [(11, 1, "DATE-007")],
    # Two 签发人, the second on a line of its own, the 发文字号 on the first line (GB/T 9704 7.2.5: on the last).
    "signer-names-wrapped-docnum-above.txt": [(4, 1, "DOCNUM-008")],
    # 领导签发：…　　联系人：…　联系电话：<10-digit mobile> on one line: the contact's number is checked.
    "signoff-contact-one-line-bad-phone.txt": [(14, 28, "CONTACT-001")],
    # A 批复 copied from the web without its date.
    "pifu-web-no-date.txt": [(7, 1, "STRUCT-002")],
    # Headings alone on their lines ending in a colon (一、申报范围：): HEAD-009 at each colon.
    "headings-ending-in-colons.txt": [(7, 7, "HEAD-009"), (9, 7, "HEAD-009"), (11, 7, "HEAD-009")],
    # A 令号 with a leading zero (第012号): GB/T 9704 7.2.5 "不编虚位" holds for it too, nothing else is asked.
    "ling-number-leading-zero.txt": [(3, 2, "DOCNUM-004")],
}


def read(name: str) -> str:
    """The text as letterlint reads the file (encoding found, CRLF normalised)."""
    return read_path(HERE / name).text


def lint(name: str):
    return lint_path(HERE / name, Settings()).diagnostics


def kinds(name: str) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for part in parse_text(read(name)).parts:
        out.setdefault(part.line, []).append(part.kind)
    return out


def _param(name: str):
    marks = [MISREAD[name]] if name in MISREAD else []
    return pytest.param(name, marks=marks, id=name)


CORRECT = sorted(f"{p.parent.name}/{p.name}" for folder in ("good", "quirks") for p in (HERE / folder).glob("*.txt"))


@pytest.mark.parametrize("name", [_param(n) for n in CORRECT])
def test_correct_letter_gets_no_diagnostic(name):
    expected = EXPECTED.get(name, [])
    assert [(d.line, d.column, d.rule, d.severity) for d in lint(name)] == expected


@pytest.mark.parametrize("name", [_param(f"bad/{n}") for n in sorted(BAD)])
def test_bad_letter_gets_exactly_its_diagnostics(name):
    assert [(d.line, d.column, d.rule) for d in lint(name)] == BAD[name.removeprefix("bad/")]


def test_every_letter_is_listed_and_the_files_are_what_the_readme_says():
    assert sorted(p.name for p in (HERE / "bad").glob("*.txt")) == sorted(BAD)
    assert set(MISREAD) | set(EXPECTED) <= set(CORRECT) | {f"bad/{n}" for n in BAD}
    crlf = {p.name for p in HERE.glob("*/*.txt") if b"\r\n" in p.read_bytes()}
    assert crlf == {"han-crlf-right-aligned.txt", "jianyi-header-blank-lines-crlf.txt",
                    "tongzhi-yinfa-crlf-issuers.txt", "misplaced-title-below-recipient-crlf.txt"}


def test_a_gb18030_crlf_copy_reads_and_lints_as_the_utf8_letter(tmp_path):
    # Stored here as UTF-8 (other tests read every fixture as UTF-8); the GB18030 copy is made for the test.
    path = tmp_path / "han-minzheng.txt"
    path.write_bytes(read("quirks/han-minzheng.txt").replace("\n", "\r\n").encode("gb18030"))
    source = read_path(path)
    assert (source.encoding, source.newline, source.text) == ("gb18030", "\r\n", read("quirks/han-minzheng.txt"))
    assert lint_path(path, Settings()).diagnostics == []


@pytest.mark.parametrize("name", CORRECT + [f"bad/{n}" for n in sorted(BAD)])
def test_fix_is_idempotent_and_adds_no_diagnostic(name):
    raw = read(name)
    once = fix_stored(raw, "letter.txt", Settings())
    assert not once.unconverged
    assert fix_stored(once.raw, "letter.txt", Settings()).raw == once.raw
    before = {(d.rule, d.line) for d in lint_text(raw, "letter.txt", Settings()).diagnostics}
    after = {(d.rule, d.line) for d in lint_text(once.raw, "letter.txt", Settings()).diagnostics}
    assert after <= before, after - before


# --- misplacement classes: STRUCT-001 once, at that line, and the rest read as usual ----------------------

MISPLACED = {
    "misplaced-title-below-recipient-crlf.txt": (5, "recipient", "主送机关（称呼）应位于标题之后"),
    "recipient-above-title-jianyi.txt": (4, "recipient", "主送机关（称呼）应位于标题之后"),
    "misplaced-print-line-in-body.txt": (10, "print_line", "印发机关和印发日期应位于抄送之后"),
    "misplaced-docnum-in-body.txt": (8, "doc_number", "发文字号应位于主送机关（称呼）之前"),
    "misplaced-secrecy-in-body.txt": (7, "secrecy", "密级和保密期限应位于发文字号之前"),
    "misplaced-date-on-first-line.txt": (1, "date", "成文日期应位于发文机关署名之后"),
}


@pytest.mark.parametrize("name", sorted(MISPLACED))
def test_misplaced_part_is_reported_once_and_the_rest_is_read(name):
    letter = parse_text(read(f"bad/{name}"))
    assert [(m.part.line, m.part.kind, m.message) for m in letter.misplacements] == [MISPLACED[name]]
    assert {"title", "recipient", "signature"} <= {p.kind for p in letter.parts}


def test_title_below_recipient_in_a_crlf_letter_keeps_the_body_after_it():
    k = kinds("bad/misplaced-title-below-recipient-crlf.txt")
    assert (k[5], k[6], k[8], k[9], k[11], k[12]) == (
        ["recipient"], ["title"], ["paragraph"], ["closing"], ["signature"], ["date"])


def test_date_on_the_first_line_does_not_turn_the_rest_into_attachment_text():
    k = kinds("bad/misplaced-date-on-first-line.txt")
    assert (k[2], k[4], k[6], k[10], k[11]) == (["doc_number"], ["title"], ["recipient"], ["signature"], ["contact"])


# --- variation classes (issue 8 item 5) -----------------------------------------------------------------

@pytest.mark.parametrize("name, number", [("good/ling.txt", "第12号"), ("quirks/ling-mayor-signed.txt", "第7号"),
                                          ("bad/ling-number-leading-zero.txt", "第012号")])
def test_order_mark_and_order_number_are_the_header_of_a_ling(name, number):
    # GB/T 9704 10.3: <organ>令 is the 发文机关标志, the 令号 below it stands as the 发文字号; a 令 has no title.
    letter = parse_text(read(name))
    k = kinds(name)
    assert (k[1], k[3], k[5]) == (["org_mark"], ["doc_number"], ["paragraph"])
    docnum = letter.first("doc_number")
    assert (docnum.text, docnum.fields["form"], docnum.section) == (number, "令号", "版头")
    assert (docnum.parsed.form, docnum.parsed.code, docnum.parsed.year) == ("令号", None, None)
    assert letter.doctype == "order" and letter.first("title") is None and letter.misplacements == []


def test_a_malformed_order_number_is_reported_at_the_number():
    text = read("good/ling.txt").replace("第12号", "第12")
    assert [(d.line, d.column, d.rule) for d in lint_text(text, "letter.txt", Settings()).diagnostics] == [
        (3, 2, "DOCNUM-006")]


def test_an_order_title_without_its_number_below_stays_the_title():
    text = read("good/ling.txt").replace("第12号\n", "")
    letter = parse_text(text)
    assert (letter.first("title").text, letter.doctype, letter.first("org_mark")) == ("示例市人民政府令", "order", None)


def test_docnum_on_the_line_of_the_last_of_several_signers():
    k = kinds("quirks/qingshi-three-signers.txt")
    assert (k[1], k[2], k[4]) == (["signer"], ["doc_number", "signer"], ["title"])


def test_decision_dated_by_the_adoption_note_under_its_title():
    assert kinds("quirks/jueding-adopted-subtitle.txt")[3] == ["date"]


def test_spread_header_labels_and_a_space_before_the_colon():
    assert kinds("quirks/jianyi-title-dafu-no-de.txt")[1] == ["answer_class"]          # 类 别：A
    assert kinds("quirks/jianyi-header-blank-lines-crlf.txt")[1] == ["answer_class"]   # 类别 ：B
    assert kinds("quirks/qingshi-signer-spread.txt")[3] == ["doc_number", "signer"]   # …　签 发 人：刘某某


def test_header_marks_on_lines_of_their_own_separated_by_blank_lines():
    k = kinds("quirks/jianyi-header-blank-lines-crlf.txt")
    assert (k[1], k[4], k[7], k[10]) == (["answer_class"], ["disclosure"], ["doc_number"], ["title"])
    k = kinds("bad/secrecy-neibu-spread-header.txt")
    assert (k[1], k[3], k[5], k[7]) == (["secrecy"], ["urgency"], ["doc_number"], ["title"])


def test_copy_number_secrecy_and_urgency_one_per_line_above_the_organ():
    k = kinds("quirks/tongzhi-copy-secrecy-urgency.txt")
    assert (k[1], k[2], k[3], k[5], k[7]) == (["copy_number"], ["secrecy"], ["urgency"], ["org_mark"], ["doc_number"])


def test_class_mark_pushed_to_the_right_above_the_organ():
    k = kinds("quirks/jianyi-class-right-aligned.txt")
    assert (k[1], k[3], k[5], k[7]) == (["answer_class"], ["org_mark"], ["doc_number"], ["title"])


def test_class_mark_at_the_right_end_of_the_docnum_line():
    assert kinds("quirks/jianyi-class-on-docnum-line.txt")[1] == ["doc_number", "answer_class"]


def test_disclosure_labelled_gongkai_shuxing():
    assert kinds("quirks/jianyi-gongkai-shuxing.txt")[1] == ["disclosure"]


def test_disclosure_labelled_shifou_gongkai():
    assert kinds("quirks/jianyi-shifou-gongkai.txt")[2] == ["disclosure"]


def test_class_with_its_meaning_in_words():
    assert kinds("quirks/jianyi-class-with-words.txt")[1] == ["answer_class"]


def test_disclosure_field_above_the_copy_to():
    assert kinds("quirks/jianyi-gongkai-fangshi.txt")[16] == ["disclosure"]


def test_disclosure_mark_above_the_organ_name_in_letter_format():
    k = kinds("quirks/tian-disclosure-above-organ.txt")
    assert (k[1], k[3], k[5], k[7]) == (["disclosure"], ["org_mark"], ["doc_number"], ["title"])


def test_disclosure_answered_tongyi():
    k = kinds("quirks/tian-disclosure-tongyi.txt")
    assert (k[1], k[2], k[3]) == (["disclosure"], ["answer_class"], ["doc_number"])


def test_class_letter_outside_the_scheme_above_the_organ_is_read_and_reported():
    k = kinds("bad/class-e-above-organ.txt")
    assert (k[1], k[3], k[5]) == (["answer_class"], ["org_mark"], ["doc_number"])


def test_class_letter_outside_the_scheme_glued_to_the_docnum_is_read_and_reported():
    k = kinds("bad/class-e-glued.txt")
    assert (k[2], k[4]) == (["doc_number", "answer_class"], ["title"])


def test_invalid_secrecy_word_where_the_secrecy_stands_is_reported():
    assert [(d.line, d.rule, d.severity) for d in lint("bad/secrecy-neibu-spread-header.txt")] == [(1, "HDR-002", "error")]


@pytest.mark.parametrize("name, lines", [
    ("quirks/fuhan-title-wrapped-anywhere.txt", (5, 6)),       # wrapped inside the word 复函
    ("quirks/han-crlf-right-aligned.txt", (5, 6)),             # wrapped after 关于, CRLF
    ("quirks/tongzhi-zhuanfa.txt", (5, 6)),                    # wrapped after the issuer
    ("quirks/jianyi-title-dafu-no-de.txt", (5, 6)),            # wrapped after the issuer, ends in 建议答复
    ("quirks/yijian-title-letter-spaced.txt", (3, 4)),         # second line 指  导  意  见
    ("good/jiyao.txt", (1, 2)),                                # 局务会议纪要 on its own line
    ("quirks/gonggao-letter-spaced-two-lines.txt", (1, 2)),    # organ, then 公　　告
    ("quirks/tongzhi-title-three-lines-spaced.txt", (3, 5)),   # organ / 关于…的 / 通　知
    ("quirks/tongzhi-pizhuan.txt", (3, 4)),                    # organ / 批转…的通知
])
def test_wrapped_and_letter_spaced_titles(name, lines):
    letter = parse_text(read(name))
    title = letter.first("title")
    assert (title.span.line, title.span.end_line) == lines
    assert letter.misplacements == []


def test_title_ending_in_dafu_without_de_is_a_title_and_names_its_doctype():
    letter = parse_text(read("quirks/jianyi-title-dafu-no-de.txt"))
    assert letter.first("title").text == "示例县住房和城乡建设局对县十八届人大四次会议第25号建议答复"
    assert letter.first("recipient").line == 8


@pytest.mark.parametrize("name, part, lines", [
    ("good/tongzhi-recipient-wrapped.txt", "recipient", (7, 8)),
    ("good/han-cc-wrapped.txt", "copy_to", (17, 18)),
    ("quirks/pifu-many-cc.txt", "copy_to", (16, 17)),
    ("quirks/han-attachment-wrapped-name.txt", "attachment_note", (11, 13)),
])
def test_wrapped_recipient_copy_to_and_attachment_note(name, part, lines):
    found = parse_text(read(name)).first(part)
    assert (found.span.line, found.span.end_line) == lines


def test_short_body_line_ending_in_a_colon_after_the_recipient_is_body():
    k = kinds("quirks/fuhan-short-colon-line.txt")
    assert (k[7], k[8]) == (["recipient"], ["paragraph"])


def test_recipient_wrapped_with_a_semicolon_at_the_line_end():
    recipient = parse_text(read("bad/recipient-semicolon-yijian.txt")).first("recipient")
    assert (recipient.span.line, recipient.span.end_line) == (5, 6)


def test_salutation_run_into_the_first_paragraph_of_a_proposal_reply():
    letter = parse_text(read("bad/salutation-run-in-tian.txt"))
    salutation, text = [p for p in letter.parts if p.line == 6]
    assert (salutation.kind, salutation.text, text.kind) == ("recipient", "蒋某某委员：", "paragraph")


@pytest.mark.parametrize("name, expected", [
    # before the 署名 and date: 分管领导, 经办人, 电话, 邮编, 地址
    ("quirks/tian-contact-before-date.txt", {12: ["signoff"], 13: ["contact"], 14: ["contact"], 15: ["contact"],
                                            16: ["contact"], 18: ["signature"], 19: ["date"]}),
    # after the date, before 抄送: 分管单位, 分管领导, 经办人, 电话, 邮编, 地址
    ("quirks/jianyi-contact-before-cc.txt", {15: ["contact"], 16: ["signoff"], 17: ["contact"], 18: ["contact"],
                                            19: ["contact"], 20: ["contact"], 22: ["copy_to"]}),
    # after 抄送: 承办人, 联系电话
    ("quirks/jianyi-contact-after-cc.txt", {15: ["signoff"], 17: ["copy_to"], 19: ["contact"], 20: ["contact"]}),
    # on the 抄报 line itself
    ("bad/contact-on-chaobao-line.txt", {14: ["signoff"], 16: ["copy_to", "contact"]}),
])
def test_contact_blocks_in_every_place(name, expected):
    k = kinds(name)
    assert {n: k.get(n) for n in expected} == expected
    assert not [d for d in lint(name) if d.rule.startswith(("REPLY-009", "CONTACT-", "STRUCT-"))]


@pytest.mark.parametrize("name, first_after_date", [
    ("quirks/tongzhi-zhuanfa.txt", 14),              # 转发: the forwarded plan with its two issuers one per line
    ("quirks/jueding-issuing-rules.txt", 11),        # 决定 with the amended rules and their three issuers
    ("quirks/tongzhi-joint-issuers-one-per-line.txt", 13),  # joint 印发通知: three 署名 lines, then the 办法
    ("good/ling.txt", 10),                           # 令 with the 办法 it promulgates
    ("quirks/tongzhi-pizhuan.txt", 12),              # 批转: the plan and its issuer after the date
    ("quirks/tongzhi-attachment-own-headings.txt", 16),  # the 办法 on its 附件 page, headings 一、 again
])
def test_document_carried_after_the_date_is_read_as_attachment(name, first_after_date):
    letter = parse_text(read(name))
    after = [p for p in letter.parts if p.line >= first_after_date and p.kind not in ("copy_to", "print_line")]
    assert after and all(p.section == "附件" for p in after)
    assert letter.misplacements == []


def test_signoff_and_contact_between_the_signature_and_the_date():
    # 署名 / 领导签发：… / 联系人及电话：… / 成文日期 (grammar: SIGNATURE+ _post_item* (DATE _post_item*)?)
    for name in ("quirks/jianyi-signoff-between-signature-and-date.txt", "bad/signoff-between-contact-bad-phone.txt"):
        letter = parse_text(read(name))
        k = kinds(name)
        assert (k[10], k[12], k[13], k[14], k[15], k[17]) == (
            ["closing"], ["signature"], ["signoff"], ["contact"], ["date"], ["copy_to"])
        assert letter.misplacements == []
        assert {p.section for p in letter.parts if 12 <= p.line <= 15} == {"主体"}


def test_heading_naming_the_proposal_above_the_organ_and_docnum_is_part_of_the_header():
    # ……会议 / 第0215号提案答复 above the organ's name and the 发文字号: not a misplaced title or 主送.
    letter = parse_text(read("quirks/tian-case-heading-above-organ.txt"))
    k = kinds("quirks/tian-case-heading-above-organ.txt")
    assert (k[1], k[4], k[6], k[8], k[10]) == (["case_heading"], ["org_mark"], ["doc_number"], ["title"], ["recipient"])
    heading = letter.first("case_heading")
    assert (heading.span.line, heading.span.end_line, heading.section) == (1, 2, "版头")
    assert (heading.fields["meeting"], heading.fields["number"], heading.fields["case"]) == (
        "政协示例市委员会第三届第二次会议", "第0215号", "提案")
    assert letter.misplacements == []
    k = kinds("quirks/jianyi-case-heading-one-line.txt")
    assert (k[1], k[2], k[3], k[5]) == (["case_heading"], ["answer_class"], ["doc_number"], ["title"])


def test_heading_naming_the_proposal_is_the_title_when_the_letter_has_no_other():
    text = read("quirks/tian-case-heading-above-organ.txt").split("\n")
    del text[6:8]   # the letter's own title
    del text[2:4]   # the organ's name
    letter = parse_text("\n".join(text))
    title = letter.first("title")
    assert (title.span.line, title.span.end_line) == (1, 2)
    assert letter.first("case_heading") is None and letter.misplacements == []


def test_second_signer_name_on_a_line_of_its_own_is_a_signer_not_the_title():
    k = kinds("bad/signer-names-wrapped-docnum-above.txt")
    assert (k[1], k[4], k[5], k[7]) == (["org_mark"], ["doc_number", "signer"], ["signer"], ["title"])
    signer = [p for p in parse_text(read("bad/signer-names-wrapped-docnum-above.txt")).parts if p.line == 5][0]
    assert (signer.span, [t.text for t in signer.parsed.names]) == ((5, 24, 5, 27), ["毛某某"])


@pytest.mark.parametrize("name", ["quirks/jianyi-class-disclosure-one-line.txt", "bad/signoff-contact-one-line-bad-phone.txt"])
def test_signoff_and_contact_on_one_line_are_two_parts(name):
    line = [(p.kind, p.span.column, p.span.end_column) for p in parse_text(read(name)).parts if p.line == 14]
    assert line[0] == ("signoff", 1, 9) and line[1][:2] == ("contact", 13)


def test_contact_on_the_signoff_line_without_a_number_is_reported_at_the_contact():
    text = read("quirks/jianyi-class-disclosure-one-line.txt").replace("　　　　联系电话：0795-7890123", "")
    assert [(d.line, d.column, d.end_column, d.rule) for d in lint_text(text, "letter.txt", Settings()).diagnostics] == [
        (14, 13, 19, "REPLY-009")]


def test_contact_on_the_chaobao_line_has_its_number_checked():
    text = read("bad/contact-on-chaobao-line.txt").replace("0795-7123456", "1397912345")
    assert [(d.line, d.column, d.rule) for d in lint_text(text, "letter.txt", Settings()).diagnostics] == [
        (16, 1, "COPY-004"), (16, 34, "CONTACT-001")]


@pytest.mark.parametrize("name, part, lines", [
    ("quirks/pifu-recipient-wrapped-dunhao.txt", "recipient", (5, 6)),       # wrapped after a 顿号
    ("quirks/tongzhi-cc-three-lines-print.txt", "copy_to", (17, 19)),        # 抄送 over three lines, then 印发
    ("quirks/pifu-title-wrapped-cc-two-lines.txt", "copy_to", (16, 17)),     # second line not indented
    ("quirks/pifu-title-wrapped-cc-two-lines.txt", "title", (3, 4)),
    ("quirks/tongzhi-attachment-label-alone.txt", "attachment_note", (9, 11)),  # 附件： alone, items below
    ("quirks/qingshi-attachment-note-wrapped-contact.txt", "attachment_note", (11, 12)),
    ("quirks/yijian-title-three-lines-draft.txt", "title", (5, 7)),
    ("quirks/tian-title-wrapped-at-number.txt", "title", (4, 5)),
    ("quirks/han-attachment-titled-page-two-items.txt", "title", (5, 6)),
    ("quirks/fuhan-title-wrapped-before-fuhan.txt", "title", (5, 6)),          # …问题的 / 复函
    ("quirks/tongzhi-recipient-three-lines.txt", "recipient", (7, 9)),
    ("quirks/tongzhi-zhuanfa-long-title-three-lines.txt", "title", (5, 7)),    # …转发县农业农村局 / 《…》 / 的通知
    ("quirks/han-company-qingyu-zhichi.txt", "copy_to", (15, 16)),
    ("quirks/tongzhi-cc-label-alone.txt", "copy_to", (14, 15)),               # 抄送： alone, the organs below
])
def test_more_wrapped_units(name, part, lines):
    found = parse_text(read(name)).first(part)
    assert (found.span.line, found.span.end_line) == lines


def test_contact_block_with_address_and_post_code_after_the_copy_to():
    k = kinds("quirks/jianyi-contact-block-after-cc-with-address.txt")
    assert [k[n] for n in (17, 19, 20, 21, 22, 23)] == [
        ["copy_to"], ["signoff"], ["contact"], ["contact"], ["contact"], ["contact"]]


def test_attachment_pages_with_their_own_titles_are_attachments():
    letter = parse_text(read("quirks/han-attachment-titled-page-two-items.txt"))
    assert [p.line for p in letter.all("attachment")] == [19, 26]
    assert all(p.section == "附件" for p in letter.parts if p.line >= 19)


def test_contact_line_between_the_signature_and_the_date():
    k = kinds("quirks/fuhan-contact-between-signature-and-date.txt")
    assert (k[9], k[10], k[11]) == (["signature"], ["contact"], ["date"])


def test_a_notice_to_all_deputies_is_not_a_reply():
    assert parse_text(read("quirks/tongzhi-collective-deputies-phone-only.txt")).doctype == "unknown"


def test_status_in_brackets_under_the_title_ends_the_title():
    letter = parse_text(read("quirks/yijian-draft-subtitle.txt"))
    title = letter.first("title")
    assert (title.span.line, title.span.end_line, letter.doctype) == (1, 2, "opinion")
    assert letter.first("recipient").line == 4


def test_minutes_numbered_by_meeting_with_the_issuer_and_date_under_it():
    k = kinds("quirks/jiyao-host-and-attendees-above-text.txt")
    assert (k[1], k[3], k[5], k[15]) == (["title"], ["issue_number"], ["signature", "date"], ["copy_to"])
    # 时间/地点/主持人/出席人 above the text (the grammar's head of the body), then the text.
    assert (k[7], k[8], k[9], k[10], k[11]) == (["meeting_info"], ["meeting_info"], ["attendance"], ["attendance"],
                                                ["paragraph"])


@pytest.mark.parametrize("name, lines", [
    ("good/jiyao.txt", {10: "出席", 11: "列席"}),
    ("quirks/jiyao-issue-number.txt", {11: "出席", 12: "列席"}),
    ("quirks/jiyao-labels-letter-spaced.txt", {10: "出席", 11: "列席", 12: "记录"}),
    ("quirks/jiyao-issuer-and-date-one-line-right.txt", {10: "参加"}),
])
def test_minutes_lists_of_those_attending_below_the_text(name, lines):
    # GB/T 9704 10.4: 出席/列席/请假 lists below the 正文, labelled, names after the colon.
    letter = parse_text(read(name))
    found = {p.line: p.fields["label"] for p in letter.all("attendance")}
    assert found == lines and letter.misplacements == []
    assert all(p.section == "主体" for p in letter.all("attendance"))


@pytest.mark.parametrize("name, line", [
    ("quirks/jiyao-host-and-attendees-above-text.txt", 3),       # 第12次
    ("quirks/jiyao-issuer-and-date-one-line-right.txt", 3),      # 〔2024〕3期
    ("quirks/jiyao-issue-number.txt", 3),                        # （第8期）
])
def test_minutes_issue_number_forms(name, line):
    letter = parse_text(read(name))
    assert letter.first("issue_number").line == line and letter.has("date") and letter.misplacements == []


def test_letter_spaced_sign_off_and_contact_labels_after_the_copy_to():
    k = kinds("quirks/jianyi-signoff-spaced-label-after-cc.txt")
    assert (k[15], k[17], k[18], k[19]) == (["copy_to"], ["signoff"], ["contact"], ["contact"])


@pytest.mark.parametrize("name, lines", [
    ("quirks/han-tab-indented.txt", {11: ["signature"], 12: ["date"], 13: ["contact"]}),        # tabs
    ("quirks/yijian-header-spaced-ascii.txt", {13: ["signature"], 14: ["date"], 15: ["note", "disclosure"]}),
    ("quirks/pifu-cc-letter-spaced-print-line.txt", {14: ["copy_to"], 15: ["print_line"]}),   # 抄　送：
])
def test_aligned_with_tabs_ascii_spaces_and_letter_spaced_labels(name, lines):
    k = kinds(name)
    assert {n: k.get(n) for n in lines} == lines


def test_cizhi_jingli_closing_and_a_web_date_with_spaces():
    k = kinds("quirks/han-cizhi-jingli.txt")
    assert (k[9], k[10], k[12], k[13]) == (["closing"], ["closing"], ["signature"], ["date"])
    date = parse_text(read("quirks/fuhan-date-spaced-web.txt")).first("date")
    assert (date.line, date.parsed.year.text, date.parsed.day.text) == (8, "2024", "18")


def test_joint_reply_of_two_organs_named_on_one_line():
    letter = parse_text(read("quirks/jianyi-reply-two-organs-joint.txt"))
    title = letter.first("title")
    assert (title.span.line, title.span.end_line, letter.first("signature").line) == (4, 5, 12)
    assert letter.misplacements == []


def test_class_labelled_at_the_right_end_of_the_docnum_line():
    assert kinds("quirks/jianyi-class-on-docnum-line-labelled.txt")[1] == ["doc_number", "answer_class"]


def test_adoption_note_wrapped_over_two_lines_dates_the_resolution():
    letter = parse_text(read("quirks/jueding-adoption-note-wrapped.txt"))
    date = letter.first("date")
    assert (date.span, [ln.number for ln in date.lines], date.parsed.day.text) == ((4, 2, 4, 12), [4, 5], "28")
    assert letter.misplacements == []


def test_contact_line_between_the_attachment_note_and_the_signature():
    k = kinds("quirks/han-attachment-then-contact-then-signature.txt")
    assert (k[10], k[12], k[14], k[15]) == (["attachment_note"], ["contact"], ["signature"], ["date"])


def test_sign_off_before_the_signature_and_contact_after_the_date():
    k = kinds("quirks/jianyi-contact-split-around-signature.txt")
    assert (k[10], k[11], k[13], k[14], k[15], k[17]) == (
        ["closing"], ["signoff"], ["signature"], ["date"], ["contact"], ["copy_to"])


def test_attachment_pages_with_a_numbered_list_and_a_tab_separated_table():
    letter = parse_text(read("quirks/baogao-two-attachments-table-tabs.txt"))
    assert [p.line for p in letter.all("attachment")] == [20, 27]
    assert letter.first("attachment_note").span.end_line == 14
    assert all(p.section == "附件" for p in letter.parts if p.line >= 20)


def test_joint_signature_one_organ_per_line():
    k = kinds("quirks/tongzhi-joint-issuers-one-per-line.txt")
    assert (k[8], k[9], k[10], k[11]) == (["signature"], ["signature"], ["signature"], ["date"])


def test_decision_opening_sentence_ending_in_a_colon_is_not_a_recipient():
    assert kinds("quirks/jueding-issuing-rules.txt")[3] == ["paragraph"]


def test_web_copy_without_title_or_without_date():
    k = kinds("quirks/web-no-title.txt")
    assert (k[1], k[5], k[6]) == (["recipient"], ["signature"], ["date"])
    k = kinds("bad/web-no-date.txt")
    assert (k[1], k[3], k[7]) == (["title"], ["recipient"], ["signature"])


# --- false alarms these letters found in rules, each fixed in its rule -----------------------------------

def test_punct014_is_silent_on_a_labelled_list_of_names_and_still_reports_a_sentence():
    minutes = "示例县住房和城乡建设局局务会议纪要\n会议研究了老旧小区改造事项。\n{line}\n示例县住房和城乡建设局办公室\n2024年4月19日\n"
    assert spans(lint_snippet(minutes.format(line="出席：李某某　王某某　陈某某"), select=["PUNCT-014"]), "PUNCT-014") == []
    assert spans(lint_snippet(minutes.format(line="会议认为：经 研究，同意改造。"), select=["PUNCT-014"]),
                 "PUNCT-014") == [(3, 7, 3, 8)]
    assert spans(lint_snippet(minutes.format(line="出席：李某某　王某某，会议由 李某某主持。"), select=["PUNCT-014"]),
                 "PUNCT-014") == [(3, 7, 3, 8), (3, 15, 3, 16)]


def test_doctype001_only_hints_at_a_title_ending_in_jianyi_dafu():
    assert [(d.line, d.rule, d.severity) for d in lint("quirks/jianyi-title-dafu-no-de.txt")] == [
        (6, "DOCTYPE-001", "info")]


def test_doctype001_looks_for_the_doctype_before_a_bracketed_status_or_period():
    letter = "{title}\n各县（市、区）人力资源和社会保障局：\n现提出如下意见。\n示例市人力资源和社会保障局\n2024年5月15日\n"
    for title in ("关于规范劳务派遣用工管理的指导意见（试行）", "关于推进就业创业的实施意见（2024—2026年）"):
        assert spans(lint_snippet(letter.format(title=title), select=["DOCTYPE-001"]), "DOCTYPE-001") == []
    # Not a 文种 before the bracket: the finding points at the word, not at the bracket.
    assert spans(lint_snippet(letter.format(title="关于规范劳务派遣用工管理的办法（试行）"), select=["DOCTYPE-001"]),
                 "DOCTYPE-001") == [(1, 14, 1, 16)]


def test_org001_accepts_the_code_of_any_joint_issuer_and_still_reports_a_foreign_code():
    joint = ("{code}〔2024〕7号\n示例市市场监督管理局等三部门关于印发预付卡管理办法的通知\n各县（市、区）市场监督管理局：\n"
             "现将办法印发给你们。\n示例市市场监督管理局\n示例市商务局\n示例市公安局\n2024年4月22日\n")
    assert spans(lint_snippet(joint.format(code="示市监发"), select=["ORG-001"]), "ORG-001") == []
    assert spans(lint_snippet(joint.format(code="示财发"), select=["ORG-001"]), "ORG-001") == [(1, 1, 1, 4)]
    # With the 代字 registered, the same: any joint issuer may own it, none is a defect.
    registry = {"ORG-001": {"organizations": {"示市监": "示例市市场监督管理局", "示财": "示例市财政局"}}}
    assert spans(lint_snippet(joint.format(code="示市监发"), select=["ORG-001"], rule_options=registry), "ORG-001") == []
    assert spans(lint_snippet(joint.format(code="示财发"), select=["ORG-001"], rule_options=registry),
                 "ORG-001") == [(1, 1, 1, 4)]


def test_docnum008_leaves_a_misplaced_docnum_to_struct001_and_still_reports_one_in_the_header():
    assert [(d.line, d.rule) for d in lint("bad/misplaced-docnum-in-body.txt")] == [(8, "STRUCT-001")]
    request = "{head}示例县审计局关于申请审计经费的请示\n示例县人民政府：\n拟申请经费。\n妥否，请批示。\n示例县审计局\n2024年7月9日\n"
    assert spans(lint_snippet(request.format(head="示县审请〔2024〕2号\n签发人：唐某某\n"), select=["DOCNUM-008"]),
                 "DOCNUM-008") == [(1, 1, 1, 13)]
    assert spans(lint_snippet(request.format(head="示县审请〔2024〕2号　签发人：唐某某\n"), select=["DOCNUM-008"]),
                 "DOCNUM-008") == []
