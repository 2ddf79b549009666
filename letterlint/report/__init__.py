"""Reporters: one module per output format, all rendering the same results.

A reporter is a function ``render(results, stream, options) -> None``.  The
table below is the one place that maps a ``--format`` name to its module;
modules are imported only when chosen, so a run pays only for its format.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field

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


@dataclass
class ReportOptions:
    color: bool | None = None      # None: decide from the stream (and NO_COLOR)
    statistics: bool = False
    quiet: bool = False            # --quiet: the problems only, no summary line
    fail_on: dict[str, str] = field(default_factory=dict)  # path → its --fail-on / fail-on (default "error")

    def failing(self, result) -> list:
        """The diagnostics of ``result`` at or above its fail-on severity: those that make the exit code 1."""
        from letterlint.diagnostic import SEVERITY_RANK

        floor = SEVERITY_RANK[self.fail_on.get(result.path, "error")]
        return [d for d in result.diagnostics if SEVERITY_RANK.get(d.severity, 0) >= floor]


def get_renderer(name: str):
    return importlib.import_module(FORMATS[name]).render


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
