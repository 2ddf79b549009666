"""The fixture letters in tests/letters: the complete list of diagnostics of each (see its README).

good/ and quirks/ letters get no diagnostic at all; each bad/ letter gets exactly the
diagnostics listed here, so that a double report or noise from another rule shows.
"""
from pathlib import Path

import pytest

from letterlint.lint import Settings, lint_text
from letterlint.parse import parse_text

LETTERS = Path(__file__).resolve().parent / "letters"

BAD = {
    "cc-ascii-colon.txt": [(25, 3, "COPY-001")],
    "cc-in-body.txt": [(8, 1, "STRUCT-001")],
    "cc-no-period.txt": [(25, 23, "COPY-002")],
    "class-outside-scheme.txt": [(2, 5, "REPLY-001")],
    "closing-doubled.txt": [(13, 6, "LETTER-003")],
    "contact-bad-phone.txt": [(23, 11, "CONTACT-001")],
    "contact-in-body.txt": [(8, 1, "STRUCT-001")],
    "contact-missing.txt": [(22, 1, "REPLY-009")],
    "contact-no-phone.txt": [(23, 1, "REPLY-009")],
    "date-before-signature.txt": [(19, 1, "STRUCT-001")],
    "date-chinese-numerals.txt": [(20, 1, "DATE-001")],
    "date-impossible.txt": [(20, 8, "DATE-005")],
    "date-incomplete.txt": [(20, 1, "DATE-003")],
    "date-on-first-line.txt": [(1, 1, "STRUCT-001")],
    "date-zero-padded.txt": [(20, 6, "DATE-002"), (20, 9, "DATE-002")],
    "docnum-di.txt": [(1, 10, "DOCNUM-005")],
    "docnum-in-body.txt": [(16, 1, "STRUCT-001")],
    "docnum-no-hao.txt": [(1, 10, "DOCNUM-006")],
    "docnum-short-year.txt": [(1, 5, "DOCNUM-003")],
    "docnum-square-brackets.txt": [(1, 4, "DOCNUM-002")],
    "docnum-zero-padded.txt": [(1, 10, "DOCNUM-004")],
    "heading-duplicate.txt": [(14, 1, "HEAD-008")],
    "heading-nesting.txt": [(11, 1, "HEAD-001")],
    "heading-punct.txt": [(9, 2, "HEAD-002")],
    "heading-skip.txt": [(14, 1, "HEAD-008")],
    "print-line-in-body.txt": [(16, 1, "STRUCT-001")],
    "qingshi-formula-in-han.txt": [(17, 1, "LETTER-005")],
    "recipient-wrapped-semicolon.txt": [(5, 11, "RECIP-003")],
    "salutation-ascii-colon.txt": [(7, 8, "RECIP-002")],
    "salutation-missing.txt": [(5, 1, "RECIP-001")],
    "salutation-no-colon.txt": [(7, 7, "RECIP-002")],
    "salutation-run-in.txt": [(7, 8, "REPLY-006")],
    "secrecy-in-body.txt": [(16, 1, "STRUCT-001")],
    "secrecy-invalid.txt": [(1, 1, "HDR-002")],
    "title-below-recipient.txt": [(3, 1, "STRUCT-001")],
    "title-no-doctype.txt": [(3, 33, "DOCTYPE-001")],
    "title-period.txt": [(3, 33, "TITLE-002")],
}

# The five misplacements the reading must make visible, with the grammar's wording.
MISPLACED = {
    "title-below-recipient.txt": (3, "recipient", "主送机关（称呼）应位于标题之后"),
    "print-line-in-body.txt": (16, "print_line", "印发机关和印发日期应位于抄送之后"),
    "docnum-in-body.txt": (16, "doc_number", "发文字号应位于主送机关（称呼）之前"),
    "secrecy-in-body.txt": (16, "secrecy", "密级和保密期限应位于发文字号之前"),
    "date-on-first-line.txt": (1, "date", "成文日期应位于发文机关署名之后"),
}


def diagnostics(path: Path):
    result = lint_text(path.read_text(encoding="utf-8"), path.name, Settings())
    return [(d.line, d.column, d.rule) for d in result.diagnostics]


@pytest.mark.parametrize("path", sorted((LETTERS / "good").glob("*.txt")) + sorted((LETTERS / "quirks").glob("*.txt")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_good_and_quirky_letters_get_no_diagnostic(path):
    assert diagnostics(path) == []


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_letter_gets_exactly_its_diagnostics(name):
    assert diagnostics(LETTERS / "bad" / name) == BAD[name]


def test_every_bad_letter_is_listed():
    assert sorted(p.name for p in (LETTERS / "bad").glob("*.txt")) == sorted(BAD)


@pytest.mark.parametrize("name", sorted(MISPLACED))
def test_misplaced_part_is_reported_once_and_the_rest_is_read(name):
    text = (LETTERS / "bad" / name).read_text(encoding="utf-8")
    letter = parse_text(text)
    assert [(m.part.line, m.part.kind, m.message) for m in letter.misplacements] == [MISPLACED[name]]
    # Everything but the misplaced line is read as in a correct letter: a title, a 主送, a 署名 and a date.
    assert {"title", "recipient", "signature", "date"} <= {p.kind for p in letter.parts}


def kinds(name: str, folder: str = "quirks") -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for part in parse_text((LETTERS / folder / name).read_text(encoding="utf-8")).parts:
        out.setdefault(part.line, []).append(part.kind)
    return out


def test_spread_header_marks_on_lines_of_their_own():
    k = kinds("header-marks-spread-out.txt")
    assert (k[1], k[3], k[5], k[7]) == (["disclosure"], ["answer_class"], ["doc_number"], ["title"])


def test_class_mark_above_the_organ_name_in_letter_format():
    k = kinds("class-above-organ.txt")
    assert (k[1], k[3], k[5], k[7]) == (["answer_class"], ["org_mark"], ["doc_number"], ["title"])


def test_title_wrapped_and_letter_spaced():
    letter = parse_text((LETTERS / "quirks" / "title-wrapped-letter-spaced.txt").read_text(encoding="utf-8"))
    title = letter.first("title")
    assert (title.span.line, title.span.end_line) == (5, 6)
    assert letter.first("recipient").line == 8


def test_contact_block_with_leader_handler_postcode_and_address_after_the_date():
    k = kinds("contact-block-after-date.txt")
    assert [k[n] for n in range(22, 27)] == [["signoff"], ["contact"], ["contact"], ["contact"], ["contact"]]


def test_notice_issuing_a_document_after_the_date():
    letter = parse_text((LETTERS / "quirks" / "notice-issuing-a-document.txt").read_text(encoding="utf-8"))
    assert [p.kind for p in letter.parts if p.line >= 12 and p.kind != "attachment_text"] == ["copy_to", "print_line"]
    assert letter.misplacements == []


def test_salutation_run_into_the_first_paragraph():
    letter = parse_text((LETTERS / "bad" / "salutation-run-in.txt").read_text(encoding="utf-8"))
    salutation, text = [p for p in letter.parts if p.line == 7]
    assert (salutation.kind, salutation.text) == ("recipient", "赵某等3名代表：")
    assert text.kind == "paragraph" and text.text.startswith("你们提出的")


def test_recipient_wrapped_at_a_semicolon():
    letter = parse_text((LETTERS / "bad" / "recipient-wrapped-semicolon.txt").read_text(encoding="utf-8"))
    recipient = letter.first("recipient")
    assert (recipient.span.line, recipient.span.end_line) == (5, 6)
