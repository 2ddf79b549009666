"""The document model that rules read: a letter as a list of typed parts.

Every part keeps the physical lines it was recognised on and an exact span,
so a rule can point at the offending characters without re-reading the raw
text.  Columns are 1-based and count characters; ``end_column`` is exclusive.
"""
from __future__ import annotations

from letterlint import lazyre
from letterlint.record import Record, TupleRecord, itemgetter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    import re

# Padding: the one definition for the whole package.  Every character Python
# calls whitespace (str.isspace: space, tab, U+3000, NBSP, the vertical tab that
# is Word's soft line break, form feed, NEL, U+2028/2029, the en/em spaces …)
# plus the BOM that some editors leave inline.  Rules strip with PAD, match runs
# with PAD_RUN, and compare label words with ``unpad``; none defines its own.
PAD = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
       "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")
PAD_CLASS = f"[{PAD}]"      # one padding character, for regular expressions
PAD_RUN = f"[{PAD}]+"


def unpad(text: str) -> str:
    """``text`` without any padding character (联 系 人 → 联系人)."""
    # PAD is what str.split() splits at, and the BOM: far faster than a translate table (per character).
    return "".join(text.split()).replace("\ufeff", "")

# Part kinds, in the order GB/T 9704-2012 lays them out, with their names.
PART_NAMES: dict[str, str] = {
    "copy_number": "份号",
    "secrecy": "密级和保密期限",
    "urgency": "紧急程度",
    "case_heading": "建议提案编号",
    "org_mark": "发文机关标志",
    "doc_number": "发文字号",
    "signer": "签发人",
    "answer_class": "答复类别",
    "disclosure": "公开属性",
    "title": "标题",
    "issue_number": "期号（编号）",
    "recipient": "主送机关（称呼）",
    "paragraph": "正文",
    "heading1": "一级标题（一、）",
    "heading2": "二级标题（（一））",
    "heading3": "三级标题（1.）",
    "heading4": "四级标题（（1））",
    "closing": "结束语",
    "meeting_info": "会议时间地点",
    "attachment_note": "附件说明",
    "attendance": "出席人员名单",
    "signature": "发文机关署名",
    "date": "成文日期",
    "note": "附注",
    "contact": "联系人",
    "signoff": "领导签发",
    "attachment": "附件",
    "attachment_text": "附件正文",
    "record_recipient": "主送机关（版记）",
    "copy_to": "抄送",
    "print_line": "印发机关和印发日期",
    "other": "其他",
}

HEADING_KINDS = ("heading1", "heading2", "heading3", "heading4")
_PART = itemgetter(1)  # the part of an (index, part) pair
BODY_KINDS = ("paragraph", "closing") + HEADING_KINDS


class Span(TupleRecord):
    """Where something stands: first line and column, last line and the column after it (ints).

    A named tuple (immutable, ordered, hashable) rather than a dataclass: every
    field of every part and every diagnostic has one, and a tuple is made in a
    fraction of the time.  A ``TupleRecord`` (``collections.namedtuple``'s API),
    not ``typing.NamedTuple``: importing ``typing`` costs every run some 3 ms,
    and ``collections`` some 7 million instructions.
    """

    __slots__ = ()
    _fields = ("line", "column", "end_line", "end_column")

    def __new__(cls, line, column, end_line, end_column):
        return tuple.__new__(cls, (line, column, end_line, end_column))


class Line:
    """One line of the letter: its 1-based number and its text without the line ending.

    ``stripped`` (the text without padding) and ``indent`` (padding characters
    before it) are asked for by nearly every rule, so they are worked out once,
    when the line is made.  A plain class with slots: a letter has many lines.
    """

    __slots__ = ("number", "text", "stripped", "indent")

    def __init__(self, number: int, text: str):
        self.number = number
        self.text = text
        self.stripped = text.strip(PAD)
        self.indent = len(text) - len(text.lstrip(PAD))

    def __eq__(self, other) -> bool:
        return isinstance(other, Line) and (self.number, self.text) == (other.number, other.text)

    def __hash__(self) -> int:
        return hash((self.number, self.text))

    def __repr__(self) -> str:
        return f"Line({self.number!r}, {self.text!r})"

    def span(self, start: int | None = None, end: int | None = None) -> Span:
        """Span of ``text[start:end]``; by default the line's content without padding."""
        if start is None:
            start = self.indent
        if end is None:
            end = len(self.text.rstrip(PAD))
        end = max(end, start + 1)
        return Span(self.number, start + 1, self.number, end + 1)


# The cache of a Part not yet read: no part has -1 lines.
_UNREAD = (None, None, -1, None, None)


class Part(Record):
    """One recognised part of the letter (a title may cover several lines)."""

    kind: str
    lines: list[Line]
    section: str                 # 版头 / 主体 / 附件 / 版记, set by the parser
    misplaced: bool              # the grammar rejected it where it stands
    fields: dict[str, object]
    # For a part that is only a piece of a line (签发人 on the 文号 line):
    start: int | None            # 0-based character offsets in lines[0].text
    end: int | None

    _fields = ("kind", "lines", "section", "misplaced", "fields", "start", "end")

    def __init__(self, kind, lines, section="", misplaced=False, fields=None, start=None, end=None):
        self.kind = kind
        self.lines = lines
        self.section = section
        self.misplaced = misplaced
        self.fields = {} if fields is None else fields
        self.start = start
        self.end = end
        # What text and parsed were last made from (start, end, number of lines; kind), and the value made.
        self._text = self._parsed = _UNREAD

    @property
    def name(self) -> str:
        return PART_NAMES.get(self.kind, self.kind)

    @property
    def line(self) -> int:
        return self.lines[0].number

    @property
    def text(self) -> str:
        """The part's text, lines joined without padding (a wrapped title reads whole)."""
        # Rules ask for it dozens of times; kept with what it was made from (start, end, number of lines).
        cached = self._text
        if cached[2] == len(self.lines) and cached[0] == self.start and cached[1] == self.end:
            return cached[3]
        if self.start is not None:
            text = self.lines[0].text[self.start:self.end].strip(PAD)
        else:
            text = "".join([line.stripped for line in self.lines])
        self._text = (self.start, self.end, len(self.lines), text)
        return text

    @property
    def parsed(self) -> object:
        """This part's fields with their spans (``letterlint.fields``), read on first use.

        A ``DocNumber`` for a 发文字号, an ``OrganList`` for a 主送 or 抄送, a list
        of ``ContactLine`` for a contact line, … (see ``fields.parse``); None
        for kinds that have no fields of their own.
        """
        cached = self._parsed
        if cached[2] == len(self.lines) and cached[0] == self.start and cached[1] == self.end \
                and cached[3] == self.kind:
            return cached[4]
        from letterlint.fields import parse  # the field grammars load only when asked for

        fields = parse(self)
        self._parsed = (self.start, self.end, len(self.lines), self.kind, fields)
        return fields

    @property
    def span(self) -> Span:
        if self.start is not None:
            return self.lines[0].span(self.start, self.end)
        first, last = self.lines[0], self.lines[-1]
        last_span = last.span()
        return Span(first.number, first.indent + 1, last.number, last_span.end_column)

    def find(self, pattern: str | re.Pattern, group: int | str = 0) -> Span | None:
        """Span of the first match of ``pattern`` within this part, line by line."""
        rx = lazyre.cached(pattern) if isinstance(pattern, str) else pattern
        for line in self.lines:
            lo, hi = (self.start or 0, self.end) if self.start is not None else (0, None)
            m = rx.search(line.text, lo, len(line.text) if hi is None else hi)
            if m:
                return line.span(m.start(group), m.end(group))
        return None

    def iter_matches(self, pattern: str | re.Pattern) -> Iterator[tuple[Line, re.Match]]:
        rx = lazyre.cached(pattern) if isinstance(pattern, str) else pattern
        if self.start is not None:
            line = self.lines[0]
            for m in rx.finditer(line.text, self.start, len(line.text) if self.end is None else self.end):
                yield line, m
            return
        for line in self.lines:
            for m in rx.finditer(line.text):
                yield line, m

    def to_dict(self) -> dict:
        s = self.span
        out = {"kind": self.kind, "name": self.name, "section": self.section,
               "line": s.line, "column": s.column, "end_line": s.end_line,
               "end_column": s.end_column, "text": self.text}
        if self.misplaced:
            out["misplaced"] = True
        if self.fields:
            out["fields"] = {k: v for k, v in self.fields.items() if v is not None}
        return out


class Misplacement(Record):
    """A part the grammar did not accept where it stands, with the reason."""

    part: Part
    message: str
    suggestion: str | None
    duplicate: bool           # the same kind of part stands right before or after it

    __slots__ = _fields = ("part", "message", "suggestion", "duplicate")

    def __init__(self, part, message, suggestion=None, duplicate=False):
        self.part = part
        self.message = message
        self.suggestion = suggestion
        self.duplicate = duplicate


class Letter(Record):
    """A parsed letter: its lines, its parts in document order, its kind."""

    lines: list[Line]
    parts: list[Part]
    doctype: str
    doctype_source: str                # inferred / config / cli
    misplacements: list[Misplacement]
    path: str
    # How each unit was read (for ``structure --why``, see parse.explain):
    # the unit with its candidates, the one chosen, whether it was misplaced.
    reading: list
    # The Word document behind the letter (letterlint.docx.view.Layout), for the layout rules; None for text.
    layout: object
    # Results several rules share (e.g. the 发文字号 found in the text), computed
    # once per letter: see ``memo``.
    _memo: dict

    _fields = ("lines", "parts", "doctype", "doctype_source", "misplacements", "path", "reading", "layout", "_memo")
    _hidden = ("reading", "_memo")
    _uncompared = ("reading", "_memo")

    def __init__(self, lines, parts, doctype="unknown", doctype_source="inferred", misplacements=None,
                 path="<stdin>", reading=None, layout=None, _memo=None):
        self.lines = lines
        self.parts = parts
        self.doctype = doctype
        self.doctype_source = doctype_source
        self.misplacements = [] if misplacements is None else misplacements
        self.path = path
        self.reading = [] if reading is None else reading
        self.layout = layout
        self._memo = {} if _memo is None else _memo

    def memo(self, key: str, compute):
        """``compute(self)``, computed once per letter for every rule that asks with ``key``."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        return self._memo[key]

    def all(self, *kinds: str) -> list[Part]:
        """The parts of these kinds, in document order (a fresh list: callers may change it)."""
        # The memo is looked at here before calling _of: rules ask some 150 times a letter.
        found = self._memo.get(kinds)
        return list(found if found is not None else self._of(kinds))

    @property
    def text(self) -> str:
        """The whole letter, lines joined by newlines: for a quick "is it there at all?" test."""
        text = self._memo.get("text")
        if text is None:
            text = self._memo["text"] = "\n".join([line.text for line in self.lines])
        return text

    def _of(self, kinds: tuple[str, ...]) -> tuple[Part, ...]:
        found = self._memo.get(kinds)
        if found is None:  # rules ask for the same kinds again and again
            by_kind = self._memo.get("by_kind")
            if by_kind is None:
                by_kind = self._memo["by_kind"] = {}
                for i, p in enumerate(self.parts):
                    by_kind.setdefault(p.kind, []).append((i, p))
            hits: list[tuple[int, Part]] = []
            for kind in kinds:  # a loop over the kinds, the parts copied in C (a letter asks for some 50 sets)
                hits += by_kind.get(kind, ())
            if len(kinds) > 1:
                hits.sort()  # back into document order (by index: the indexes differ, parts are never compared)
            found = self._memo[kinds] = tuple(map(_PART, hits))
        return found

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds of part the letter has (for the engine's quick test of a rule's needs)."""
        kinds = self._memo.get("kinds")
        if kinds is None:
            kinds = self._memo["kinds"] = frozenset([p.kind for p in self.parts])
        return kinds

    def first(self, *kinds: str) -> Part | None:
        found = self._memo.get(kinds)
        if found is None:
            found = self._of(kinds)
        return found[0] if found else None

    def last(self, *kinds: str) -> Part | None:
        found = self._memo.get(kinds)
        if found is None:
            found = self._of(kinds)
        return found[-1] if found else None

    def has(self, *kinds: str) -> bool:
        found = self._memo.get(kinds)
        return bool(found if found is not None else self._of(kinds))

    @property
    def body(self) -> list[Part]:
        """Paragraphs, headings and closing of the main text (not of attachments)."""
        body = self._memo.get("body")  # a dozen rules ask: worked out once, a fresh list each time
        if body is None:
            body = self._memo["body"] = tuple(p for p in self._of(BODY_KINDS) if p.section != "附件")
        return list(body)

    @property
    def has_header(self) -> bool:
        """Whether the text holds any part of the 版头.  A text without one (a body-only draft, a
        web copy, an excerpt) gets its 版头 from the red-header template, outside the text."""
        return any(p.section == "版头" for p in self.parts)

    @property
    def end_span(self) -> Span:
        """Where to report a part that is missing altogether: the last non-blank line."""
        for line in reversed(self.lines):
            if line.stripped:
                return line.span()
        return Span(1, 1, 1, 2)

    def start_span(self) -> Span:
        for line in self.lines:
            if line.stripped:
                return line.span()
        return Span(1, 1, 1, 2)
