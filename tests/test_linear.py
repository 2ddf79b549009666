"""Every pass is linear: pathological letters at two sizes, and the ratio of the times.

Not a time limit: the CPU time of the larger input (8 times the size) divided
by that of the smaller must stay near 8 — a quadratic pass gives about 64.
CPU time (not wall time) and the best of several runs keep the ratio steady
on a loaded machine.
"""
import gc
import time

import pytest

from letterlint.lint import Settings, check_text

FACTOR = 8
LIMIT = 20   # linear measures 6–12 here (fixed costs make small inputs dear, a large working set slows every step a little: cache); quadratic ≥ 40

HEAD = "关于商请协助开展道路安全检查的复函\n示例市公安局：\n"
TAIL = "特此函复。\n示例市交通运输局\n2024年5月6日\n"

CASES = {
    # LETTER-002's 收悉 search on a long line without a full stop, with and without a 收悉
    "long-line-without-stop": (lambda n: HEAD + "你局来函" + "经研究，" * (n // 4) + "收悉\n" + TAIL, 20000),
    "long-line-without-shouxi": (lambda n: HEAD + "你局来函" + "经研究，" * (n // 4) + "\n" + TAIL, 20000),
    # NUM-003 / PUNCT-005: runs of full-width and ASCII digits before a range mark
    "fullwidth-digit-run": (lambda n: HEAD + "共" + "１" * n + "-2万人。\n" + TAIL, 20000),
    "ascii-digit-run": (lambda n: HEAD + "共" + "1" * n + "-2万人。\n" + TAIL, 20000),
    "digit-dash-run": (lambda n: HEAD + "共" + "1-" * (n // 2) + "2万人。\n" + TAIL, 20000),
    # ATTACH-005: thousands of 附件说明, each followed by a sentence
    "attachment-notes": (lambda n: HEAD + "附件：名单\n请予支持。\n" * (n // 12) + TAIL, 6000),
    # many short lines without a full stop
    "many-lines-without-stop": (lambda n: HEAD + "经研究，经研究\n" * (n // 8) + TAIL, 6000),
    # thousands of contact lines
    "contact-lines": (lambda n: HEAD + "现函复如下。\n" + TAIL + "联系人：王芳，电话：0571-12345678\n" * (n // 20),
                      12000),
}


def cpu_time(text: str, settings: Settings, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        check_text(text, "a.txt", settings)
        best = min(best, time.process_time() - start)
    return max(best, 1e-4)


@pytest.mark.parametrize("case", list(CASES))
def test_time_grows_linearly(case):
    make, n = CASES[case]
    settings = Settings(doctype="reply_letter")
    check_text(make(n), "a.txt", settings)  # warm: compiled patterns, parse tables
    small = cpu_time(make(n), settings, 3)
    large = cpu_time(make(FACTOR * n), settings, 2)
    ratio = large / small
    assert ratio < LIMIT, f"{case}: {small * 1e3:.1f} ms → {large * 1e3:.1f} ms for {FACTOR}× the input (×{ratio:.1f})"
