"""Lines → classified units → Lark LALR parse → the document model.

The classifier (``classify.py``) decides what each line is; the grammar
(``grammar/letter.lark``) decides whether the parts stand in the mandated
order.  Tokens are fed one at a time to Lark's interactive LALR parser so
that a misplaced part can be reported precisely and skipped, and the rest of
the letter still parsed (error recovery).
"""
from __future__ import annotations

import functools
import os
from pathlib import Path

from lark import Lark, Token
from lark.exceptions import UnexpectedInput
from lark.lexer import Lexer

from letterlint import doctypes
from letterlint.classify import Unit, classify
from letterlint.model import PART_NAMES, Letter, Line, Misplacement, Part

GRAMMAR = Path(__file__).with_name("grammar") / "letter.lark"

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


class UnitLexer(Lexer):
    """Tokens are made by the classifier; this lexer only passes them on.

    It lives at module level so that Lark can pickle the parser into its cache.
    """

    def __init__(self, lexer_conf):
        pass

    def lex(self, data, *args):
        return iter(())


@functools.lru_cache(maxsize=1)
def _parser():
    # The grammar analysis is cached on disk by Lark (keyed by the grammar's
    # hash and Lark's version), so a pre-commit run loads it instead of
    # rebuilding the LALR tables.  LETTERLINT_CACHE_DIR moves the cache file.
    cache_dir = os.environ.get("LETTERLINT_CACHE_DIR")
    cache: bool | str = True
    if cache_dir:
        cache = os.path.join(cache_dir, "letterlint-grammar.cache")
    try:
        return Lark(GRAMMAR.read_text(encoding="utf-8"), parser="lalr", lexer=UnitLexer,
                    propagate_positions=True, cache=cache)
    except OSError:  # an unwritable cache location must not stop the linter
        return Lark(GRAMMAR.read_text(encoding="utf-8"), parser="lalr", lexer=UnitLexer,
                    propagate_positions=True)


def split_lines(text: str) -> list[Line]:
    return [Line(i + 1, t) for i, t in enumerate(text.split("\n"))]


_BODY_KINDS = frozenset({"paragraph", "heading1", "heading2", "heading3", "heading4"})


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
        if after == "closing" and before in _BODY_KINDS:
            return "BODY_CONTACT"
    return unit.kind.upper()


def _token(unit: Unit, index: int, terminal: str):
    first, last = unit.lines[0], unit.lines[-1]
    return Token(terminal, str(index), start_pos=index, line=first.number, column=1,
                 end_line=last.number, end_column=len(last.text) + 1, end_pos=index + 1)


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
    parser = _parser()
    ip = parser.parse_interactive("")
    misplaced: dict[int, Misplacement] = {}
    before_last = None      # parser state before the last accepted token
    last_index = None       # index of the last accepted unit
    for index, unit in enumerate(units):
        token = _token(unit, index, _terminal(units, index))
        snapshot = ip.copy(deepcopy_values=False)
        try:
            ip.feed_token(token)
        except UnexpectedInput:
            ip = snapshot
            # Is it rather the previous part that stands out of place?  If the
            # parser would accept this token without it, the previous one is
            # the intruder (a contact line moved into the body, a date above
            # its signature).
            if before_last is not None and last_index is not None and units[last_index].kind != unit.kind:
                trial = before_last.copy(deepcopy_values=False)
                try:
                    trial.feed_token(token)
                except UnexpectedInput:
                    trial = None
                if trial is not None:
                    prev = units[last_index]
                    misplaced[last_index] = Misplacement(
                        prev.part(), _misplaced_message(prev.kind, unit.kind, part_first=True))
                    ip = trial
                    last_index = index
                    # The state before this token is now the one before the intruder.
                    continue
            prev_kind = units[last_index].kind if last_index is not None else None
            if prev_kind is None:
                msg = f"{PART_NAMES[unit.kind]}位置不当"
            else:
                msg = _misplaced_message(unit.kind, prev_kind, part_first=False)
            misplaced[index] = Misplacement(unit.part(), msg, duplicate=unit.kind == prev_kind)
            continue
        before_last = snapshot
        last_index = index
    try:
        tree = ip.feed_eof()
    except UnexpectedInput:  # pragma: no cover - every state of the grammar accepts the end
        tree = None

    sections: dict[int, str] = {}
    if tree is not None:
        for sub in tree.children:
            if sub is None or not hasattr(sub, "data"):
                continue
            name = SECTION_OF.get(sub.data, "")
            for tok in sub.scan_values(lambda v: hasattr(v, "type")):
                sections[int(tok.value)] = name

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
