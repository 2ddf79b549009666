"""Lines → classified units → LALR parse → the document model.

The classifier (``classify.py``) decides what each line is; the grammar
(``grammar/letter.lark``, run by ``lalr.py``) decides whether the parts stand
in the mandated order.  Tokens are fed one at a time so that a misplaced part
can be reported precisely and skipped, and the rest of the letter still
parsed (error recovery).
"""
from __future__ import annotations

import functools

from letterlint import doctypes
from letterlint.classify import Unit, classify
from letterlint.lalr import END, Node, Parser, Tables, load_tables
from letterlint.model import HEADING_KINDS, PART_NAMES, Letter, Line, Misplacement, Part

# The canonical rank of each part kind in GB/T 9704 order; used to word the
# message about a misplaced part ("成文日期应位于发文机关署名之后").
RANK = {
    "copy_number": 1, "secrecy": 2, "urgency": 3, "org_mark": 4,
    "doc_number": 5, "signer": 5, "answer_class": 5, "disclosure": 5,
    "title": 6, "recipient": 7,
    "paragraph": 8, "heading1": 8, "heading2": 8, "heading3": 8, "heading4": 8, "closing": 8,
    "attachment_note": 9, "signature": 10, "date": 11,
    "note": 12, "contact": 12, "signoff": 12,
    "attachment": 13, "attachment_text": 13, "copy_to": 14, "print_line": 15,
}
SECTION_OF = {"header": "版头", "title_part": "主体", "recipient": "主体", "body": "主体",
              "tail": "主体", "attachments": "附件", "record": "版记"}


@functools.lru_cache(maxsize=1)
def tables() -> Tables:
    """The LALR tables of the letter grammar (loaded once per process)."""
    return load_tables()


def split_lines(text: str) -> list[Line]:
    return [Line(i + 1, t) for i, t in enumerate(text.split("\n"))]


_TEXT_BEFORE_CONTACT = frozenset(("paragraph",) + HEADING_KINDS)


def _terminal(units: list[Unit], index: int) -> str:
    """The grammar terminal of ``units[index]``: its kind, uppercased.

    One exception needs more than one token of look-ahead, so it is decided
    here: contact lines written as the last paragraph of the 正文, between the
    text and its closing formula (…联系人：李明，电话：…  特此函商。), are part
    of the 正文 (BODY_CONTACT), not a contact block out of place.
    """
    unit = units[index]
    if unit.kind == "contact":
        after = next((u.kind for u in units[index + 1:] if u.kind not in ("contact", "signoff")), None)
        before = next((u.kind for u in reversed(units[:index]) if u.kind not in ("contact", "signoff")), None)
        if after == "closing" and before in _TEXT_BEFORE_CONTACT:
            return "BODY_CONTACT"
    return unit.kind.upper()


def _misplaced_message(part: str, other: str, part_first: bool) -> str:
    """Word the message for ``part`` that the grammar did not accept next to ``other``."""
    pn, on = PART_NAMES[part], PART_NAMES[other]
    rp, ro = RANK.get(part, 0), RANK.get(other, 0)
    if part == other or (rp == ro and part_first is False and rp not in (5, 8, 12)):
        return f"{pn}重复出现"
    if rp > ro:
        return f"{pn}应位于{on}之后"
    if rp < ro:
        return f"{pn}应位于{on}之前"
    return f"{pn}不应出现在{on}{'之前' if part_first else '之后'}"


def parse_lines(lines: list[Line], path: str = "<stdin>") -> Letter:
    units = classify(lines)
    parser = Parser(tables())
    misplaced: dict[int, Misplacement] = {}
    before_last = None      # parser state before the last accepted token
    last_index = None       # index of the last accepted unit
    for index, unit in enumerate(units):
        terminal = _terminal(units, index)
        if parser.accepts(terminal):
            before_last = parser.copy()
            parser.feed(terminal, index)
            last_index = index
            continue
        # Is it rather the previous part that stands out of place?  If the
        # parser would accept this token without it, the previous one is the
        # intruder (a contact line moved into the body, a date above its
        # signature).
        if before_last is not None and last_index is not None and units[last_index].kind != unit.kind \
                and before_last.accepts(terminal):
            prev = units[last_index]
            misplaced[last_index] = Misplacement(
                prev.part(), _misplaced_message(prev.kind, unit.kind, part_first=True))
            parser = before_last.copy()  # before_last stays: the state before this token
            parser.feed(terminal, index)
            last_index = index
            continue
        prev_kind = units[last_index].kind if last_index is not None else None
        if prev_kind is None:
            msg = f"{PART_NAMES[unit.kind]}位置不当"
        else:
            msg = _misplaced_message(unit.kind, prev_kind, part_first=False)
        misplaced[index] = Misplacement(unit.part(), msg, duplicate=unit.kind == prev_kind)
    # Every state of the grammar accepts the end of input (each part is optional
    # or has been reported missing); should it not, the sections stay empty.
    tree = parser.finish() if parser.accepts(END) else None

    sections: dict[int, str] = {}
    if tree is not None:
        for sub in tree.children:
            if not isinstance(sub, Node):
                continue
            name = SECTION_OF.get(sub.data, "")
            for index in sub.values():
                sections[index] = name

    parts: list[Part] = []
    misplacements: list[Misplacement] = []
    for index, unit in enumerate(units):
        primary = unit.part()
        if "start" in unit.fields:
            primary.start = unit.fields.pop("start")
            primary.end = unit.fields.pop("end")
            primary.fields = {k: v for k, v in unit.fields.items()}
        group = [primary] + list(unit.extra)
        for part in group:
            part.section = sections.get(index, "")
            part.misplaced = index in misplaced
        if index in misplaced:
            m = misplaced[index]
            m.part = primary
            misplacements.append(m)
        parts.extend(group)
    parts.sort(key=lambda p: (p.line, p.start or 0))

    letter = Letter(lines=lines, parts=parts, misplacements=misplacements, path=path)
    letter.doctype = infer_doctype(letter)
    return letter


def infer_doctype(letter: Letter) -> str:
    title = letter.first("title")
    recipient = letter.first("recipient")
    body = letter.body
    # The first and last paragraphs carry the formulas that tell the kind.
    opening = " ".join(p.text for p in body[:2] + body[-2:])
    return doctypes.infer(title.text if title else None, recipient.text if recipient else None,
                          letter.has("answer_class"), opening)


def parse_text(text: str, path: str = "<stdin>") -> Letter:
    return parse_lines(split_lines(text), path)
