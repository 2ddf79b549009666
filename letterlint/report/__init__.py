"""Reporters: one module per output format, all rendering the same results.

A reporter is a function ``render(results, stream, options) -> None``.  The
table below is the one place that maps a ``--format`` name to its module;
modules are imported only when chosen, so a run pays only for its format.
"""
from __future__ import annotations

from letterlint import lazyre
from letterlint.record import Record

FORMATS = {
    "rich": "letterlint.report.rich_report",
    "concise": "letterlint.report.concise",
    "json": "letterlint.report.json_report",
    "sarif": "letterlint.report.sarif",
    "github": "letterlint.report.github",
    "junit": "letterlint.report.junit",
    "gitlab": "letterlint.report.gitlab",
    "html": "letterlint.report.html",
}


class ReportOptions(Record):
    color: bool | None             # None: decide from the stream (and NO_COLOR)
    statistics: bool
    quiet: bool                    # --quiet: the problems only, no summary line
    fail_on: dict[str, str]                                # path → its --fail-on / fail-on (default "error")

    _fields = ("color", "statistics", "quiet", "fail_on")

    def __init__(self, color=None, statistics=False, quiet=False, fail_on=None):
        self.color = color
        self.statistics = statistics
        self.quiet = quiet
        self.fail_on = {} if fail_on is None else fail_on

    def failing(self, result) -> list:
        """The diagnostics of ``result`` at or above its fail-on severity: those that make the exit code 1."""
        from letterlint.diagnostic import SEVERITY_RANK

        floor = SEVERITY_RANK[self.fail_on.get(result.path, "error")]
        return [d for d in result.diagnostics if SEVERITY_RANK.get(d.severity, 0) >= floor]


# What must never reach a terminal, a CI log or a report raw: C0 and C1 controls but
# the tab (newline starts a fake ``::error`` line in a GitHub log, ESC drives the terminal),
# DEL, the Unicode line/paragraph separators, the bidirectional controls that
# reorder what a reviewer sees, and lone surrogates (the bytes of a file name
# that is not UTF-8, which no UTF-8 output can carry).
_UNPRINTABLE = lazyre.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape_char(match) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape): show the byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control, separator, bidi control and undecodable byte shown as an escape.

    The one escaping function for file names and letter text in every report
    (``\\n``, ``\\x1b``, ``\\u202e``, ``\\xb0`` for a non-UTF-8 byte of a file name);
    formats with their own syntax (GitHub workflow commands, XML, HTML, JSON)
    apply theirs on top.  Text without such characters is returned unchanged.
    """
    return _UNPRINTABLE.sub(_escape_char, text)


def get_renderer(name: str):
    # __import__ rather than importlib.import_module: importing importlib (and warnings) costs a run.
    return __import__(FORMATS[name], fromlist=["render"]).render


def summary(results) -> dict:
    by_rule: dict[str, int] = {}
    for r in results:
        for d in r.diagnostics:
            by_rule[d.rule] = by_rule.get(d.rule, 0) + 1
    return {
        "files": len(results),
        "errors": sum(r.count("error") for r in results),
        "warnings": sum(r.count("warning") for r in results),
        "infos": sum(r.count("info") for r in results),
        "unreadable": sum(1 for r in results if r.error),
        "by_rule": dict(sorted(by_rule.items())),
    }


def doc_markdown(doc: str) -> list[str]:
    """A rule's docstring as Markdown lines: its indented 反例/正例 blocks become ``text`` fences."""
    out: list[str] = []
    in_block = False
    for line in doc.splitlines():
        if line.startswith("    "):
            if not in_block:
                out.append("```text")
                in_block = True
            out.append(line[4:])
            continue
        if in_block and not line.strip():
            out.append("")
            continue
        if in_block:
            while out and out[-1] == "":
                out.pop()
            out.append("```")
            in_block = False
        out.append(line)
    if in_block:
        while out and out[-1] == "":
            out.pop()
        out.append("```")
    return out
