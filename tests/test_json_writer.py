"""The JSON writer's own encoder writes exactly what ``json.dumps(…, indent=2)`` writes."""
from __future__ import annotations

import json
import random

from letterlint.lint import lint_text
from letterlint.report import json_report

LETTER = """\
示教函〔2024〕12号
关于商请协助开展校车安全检查的函
示例市公安局:
我局拟于24年5月开展校车安全检查，现商请贵局派员协助（详见附件。
请予函复。
示例市教育局
2024年5月6日
"""


def _same(obj) -> None:
    assert json_report.dumps(obj) == json.dumps(obj, ensure_ascii=False, indent=2)


def test_report_documents_are_written_as_json_writes_them():
    results = [lint_text(LETTER, "a.txt"), lint_text("", "empty.txt"), lint_text("\x00\x01", "bin.txt")]
    doc = json_report.document(results)
    assert doc["files"][0]["diagnostics"]  # not vacuous
    _same(doc)


def test_any_value_is_written_as_json_writes_it():
    rng = random.Random(2024)
    leaves = [0, -7, 2.5, 1e300, float("nan"), True, False, None, "", "引号\"、反斜杠\\、换行\n\u2028\x00", "\ud800"]

    def value(depth=0):
        roll = rng.random()
        if depth > 3 or roll < 0.4:
            return rng.choice(leaves)
        if roll < 0.7:
            return {rng.choice(["a", "中", "", "\n"]) + str(i): value(depth + 1) for i in range(rng.randint(0, 3))}
        return [value(depth + 1) for _ in range(rng.randint(0, 3))]

    for _ in range(2000):
        _same(value())
    for odd in ({1: "x"}, {"a": {2: [1]}}, [{None: 1}], {"t": (1, 2)}):
        _same(odd)
