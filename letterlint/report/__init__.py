"""Reporters: one module per output format, all rendering the same results.

A reporter is a function ``render(results, stream, options) -> None``.  The
table below is the one place that maps a ``--format`` name to its module;
modules are imported only when chosen, so a run pays only for its format.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

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
