"""The diagnostic value object every rule yields and every report renders.

Kept free of imports from the rest of the package so that reporters, the
engine and third-party rules can all depend on it without cycles.
"""
from __future__ import annotations

from letterlint.record import FrozenRecord, Ordered, Record


SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
# How far a fix may be trusted: "safe" keeps the meaning (brackets, padding zeros,
# full-width marks); "unsafe" changes wording or order and is applied only with
# --unsafe-fixes.
APPLICABILITIES = ("safe", "unsafe")
APPLICABILITY_ZH = {"safe": "安全修复", "unsafe": "不安全修复（需 --unsafe-fixes）"}


class Edit(Ordered, FrozenRecord):
    """Replace the characters of one span with ``text`` (an empty span inserts).

    Positions are those of diagnostics: 1-based lines and columns counting
    characters, ``end_column`` exclusive.  A newline in ``text`` is written
    with the file's own line ending.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    text: str

    __slots__ = _fields = ("line", "column", "end_line", "end_column", "text")

    def __init__(self, line, column, end_line, end_column, text):
        _set = object.__setattr__
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "end_line", end_line)
        _set(self, "end_column", end_column)
        _set(self, "text", text)

    @classmethod
    def replace(cls, span, text: str) -> Edit:
        return cls(span.line, span.column, span.end_line, span.end_column, text)

    @classmethod
    def insert(cls, line: int, column: int, text: str) -> Edit:
        return cls(line, column, line, column, text)

    @classmethod
    def delete(cls, span) -> Edit:
        return cls.replace(span, "")

    def to_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "text": self.text}


class Fix(FrozenRecord):
    """Edits that are applied together or not at all.

    ``applicability`` is left None by rules: the engine stamps the rule's
    declared tier on it, so the tier is stated once, in the rule's decorator.
    """

    edits: tuple[Edit, ...]
    applicability: str | None

    __slots__ = _fields = ("edits", "applicability")

    def __init__(self, edits, applicability=None):
        _set = object.__setattr__
        _set(self, "edits", edits)
        _set(self, "applicability", applicability)

    @classmethod
    def replace(cls, span, text: str) -> Fix:
        return cls((Edit.replace(span, text),))

    @classmethod
    def delete(cls, span) -> Fix:
        return cls((Edit.delete(span),))

    @classmethod
    def insert(cls, line: int, column: int, text: str) -> Fix:
        return cls((Edit.insert(line, column, text),))

    def to_dict(self) -> dict:
        return {"applicability": self.applicability, "edits": [e.to_dict() for e in self.edits]}


class Diagnostic(Ordered, FrozenRecord):
    """One problem found in one letter.

    Lines and columns are 1-based; columns count Unicode characters (code
    points), so a column means the same thing in UTF-8 and GB18030 files.
    ``end_column`` is exclusive: the span covers ``column <= c < end_column``.
    The field order makes sorting by position (then rule) the natural order.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    suggestion: str | None
    fix: Fix | None

    __slots__ = _fields = ("line", "column", "end_line", "end_column", "rule", "severity", "message", "suggestion",
        "fix")
    _uncompared = ("suggestion", "fix")

    def __init__(self, line, column, end_line, end_column, rule, severity, message, suggestion=None, fix=None):
        _set = object.__setattr__
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "end_line", end_line)
        _set(self, "end_column", end_column)
        _set(self, "rule", rule)
        _set(self, "severity", severity)
        _set(self, "message", message)
        _set(self, "suggestion", suggestion)
        _set(self, "fix", fix)

    def to_dict(self) -> dict:
        out = {
            "rule": self.rule,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
        }
        if self.suggestion:
            out["suggestion"] = self.suggestion
        if self.fix is not None:
            out["fix"] = self.fix.to_dict()
        return out


class FileResult(Record):
    """What linting one input produced.

    ``error`` is set (and ``diagnostics`` is empty) when the input could not
    be linted at all: unreadable, binary, undecodable, empty or too large.
    ``lines`` holds the decoded text split into lines, for reporters that
    show the offending source line.
    """

    path: str
    diagnostics: list[Diagnostic]
    doctype: str | None
    encoding: str | None
    error: str | None
    lines: list[str]
    # A Word document (letterlint/docx): per line of its text view, (column, paragraph number, offset)
    # of each stretch of the line; per paragraph number, (offset, run index) of its runs.
    paragraphs: list | None
    runs: dict | None

    _fields = ("path", "diagnostics", "doctype", "encoding", "error", "lines", "paragraphs", "runs")

    def __init__(self, path, diagnostics=None, doctype=None, encoding=None, error=None, lines=None,
                 paragraphs=None, runs=None):
        self.path = path
        self.diagnostics = [] if diagnostics is None else diagnostics
        self.doctype = doctype
        self.encoding = encoding
        self.error = error
        self.lines = [] if lines is None else lines
        self.paragraphs = paragraphs
        self.runs = runs

    def place(self, line: int, column: int) -> tuple[int, int, int | None] | None:
        """(paragraph number, 1-based column in it, run index or None) of a position; None for text files."""
        if self.paragraphs is None or not 1 <= line <= len(self.paragraphs) or not self.paragraphs[line - 1]:
            return None
        col = column - 1
        start, number, offset = self.paragraphs[line - 1][0]
        for seg in self.paragraphs[line - 1]:
            if seg[0] <= col:
                start, number, offset = seg
        at = offset + max(0, col - start)
        pieces = (self.runs or {}).get(number, ())
        lo, hi = 0, len(pieces)
        while lo < hi:   # the last piece starting at or before ``at``
            mid = (lo + hi) // 2
            if pieces[mid][0] <= at:
                lo = mid + 1
            else:
                hi = mid
        run = (pieces[lo - 1][1] or None) if lo else None
        return number, at + 1, run

    def position(self, line: int, column: int) -> str:
        """``line:column`` for text, ``段N:列M`` for a Word document (what its reader can find)."""
        place = self.place(line, column)
        return f"{line}:{column}" if place is None else f"段{place[0]}:列{place[1]}"

    def count(self, severity: str) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)
