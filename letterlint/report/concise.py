"""One line per diagnostic, for scripts, editors and CI logs.

``path:line:col: 级别 CODE message`` (级别 is 错误, 警告 or 提示), e.g.
``drafts/a.txt:8:6: 错误 DATE-002 成文日期的月份“05”不应编虚位``; a regular
expression for editors: ``^(.+):(\\d+):(\\d+): (错误|警告|提示) (\\S+) (.*)$``.
An input that could not be linted is ``path: 错误 无法检查：reason``, with
no position and no rule code (none applies).  Line breaks and other controls
inside a message or a file name are shown as escapes (``report.printable``),
so every problem stays on one line.
"""
from __future__ import annotations

from letterlint.diagnostic import SEVERITY_ZH
from letterlint.report import printable


def render(results, stream, options) -> None:
    for r in results:
        path = printable(r.path)
        if r.error:
            stream.write(f"{path}: 错误 无法检查：{printable(r.error)}\n")
            continue
        for d in r.diagnostics:
            sev = SEVERITY_ZH.get(d.severity, d.severity)
            stream.write(f"{path}:{r.position(d.line, d.column)}: {sev} {d.rule} {printable(d.message)}\n")
