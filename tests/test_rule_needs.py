"""What a rule declares it needs (``needs_parts``, ``needs_text``, ``needs_layout``): the engine's quick skip.

A rule that declares a need is not called on a letter that lacks it.  The
declarations are checked here against every letter the tests and examples
have and every rule's own examples: with the needed parts taken out (or on a
letter that lacks the needed words), the rule itself finds nothing, so the
skip never loses a diagnostic.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from letterlint.lint import Settings, check_letter
from letterlint.parse import parse_text
from letterlint.record import replace
from letterlint.rules import all_rules
from letterlint.rules.base import Finding, rule

ROOT = Path(__file__).resolve().parents[1]
LETTER = "关于商请协助开展校车安全检查的函\n示例市公安局：\n我局拟于6月开展校车安全检查。\n示例市教育局\n2024年5月6日\n"


def _texts() -> list[tuple[str, str]]:
    texts = []
    for folder in (ROOT / "tests" / "letters", ROOT / "examples"):
        for p in sorted(folder.rglob("*")):
            if p.suffix == ".txt" and p.is_file():
                texts.append((p.name, p.read_text(encoding="utf-8")))
    for r in all_rules():
        for label in ("反例", "正例"):
            example = r.example(label)
            if example:
                texts.append((f"{r.code}-{label}.txt", example))
    return texts


TEXTS = _texts()
DECLARING = sorted((r for r in all_rules() if r.needs_parts is not None or r.needs_text is not None or r.needs_layout),
                   key=lambda r: r.code)


def _probe(calls: list, **needs):
    """A rule that records each letter it is called on and finds one thing there."""
    def check(letter, options):
        calls.append(letter.path)
        yield Finding(letter.start_span(), "probe")
    return rule("PROBE-001", "probe", "warning", **needs)(check).__letterlint_rule__


def _run(probe, text: str):
    settings = Settings()
    settings.__dict__["_active"] = [(probe, {}, None)]  # only the probe runs
    return check_letter(parse_text(text, "probe.txt"), settings)


def test_engine_skips_a_rule_whose_parts_are_missing():
    calls: list = []
    probe = _probe(calls, needs_parts=("copy_to", "print_line"))
    assert _run(probe, LETTER) == [] and calls == []
    found = _run(probe, LETTER + "抄送：示例市交通运输局。\n")
    assert [d.rule for d in found] == ["PROBE-001"] and calls == ["probe.txt"]


def test_engine_skips_a_rule_whose_words_are_missing():
    calls: list = []
    probe = _probe(calls, needs_text=("你", "此页无正文"))
    assert _run(probe, LETTER) == [] and calls == []
    assert [d.rule for d in _run(probe, LETTER.replace("我局", "你局"))] == ["PROBE-001"]
    assert len(calls) == 1


def test_a_rule_without_needs_always_runs():
    calls: list = []
    probe = _probe(calls)
    assert probe.can_fire(parse_text("", "empty.txt"))
    assert [d.rule for d in _run(probe, "\n")] == ["PROBE-001"]


def test_some_rules_declare_needs():
    """The declarations exist (the checks below are not vacuous)."""
    assert len(DECLARING) >= 30
    assert any(r.needs_text for r in DECLARING)


def _option_sets(r) -> list[dict]:
    """The rule's defaults, and the defaults with every yes/no option turned on (a "required" option
    makes a rule report what is missing: such a rule must not declare it needs it)."""
    flipped = {k: True for k, v in r.options.items() if isinstance(v, bool)}
    return [dict(r.options)] + ([{**r.options, **flipped}] if flipped else [])


@pytest.mark.parametrize("r", DECLARING, ids=lambda r: r.code)
def test_a_rule_finds_nothing_without_what_it_needs(r):
    for options in _option_sets(r):
        for name, text in TEXTS:
            letter = parse_text(text, name)
            if r.needs_parts is not None:
                # The letter with the needed parts taken out: the rule must stay silent.
                kept = [p for p in letter.parts if p.kind not in r.needs_parts]
                bare = replace(letter, parts=kept, _memo={})
                assert not r.can_fire(bare)
                assert list(r.check(bare, options)) == [], \
                    f"{r.code} reports on {name} without {sorted(r.needs_parts)}"
            if not r.can_fire(letter):
                assert list(r.check(letter, options)) == [], f"{r.code} would lose a finding on {name}"


def test_a_required_option_is_caught():
    """The check above fails on a false declaration: REPLY-001 reports a missing mark when required."""
    r = next(r for r in all_rules() if r.code == "REPLY-001")
    wrong = replace(r, needs_parts=frozenset({"answer_class"}))
    letter = parse_text("关于市七届人大三次会议第56号建议的答复\n王小明代表：\n您提出的建议收悉。\n", "r.txt")
    options = _option_sets(wrong)[-1]
    assert not wrong.can_fire(letter) and list(wrong.check(letter, options)) != []


def test_the_engine_runs_exactly_the_rules_that_can_fire():
    """``Settings.runnable`` (kept per kind of document and set of part kinds) and the text half of the test
    leave the same rules as ``can_fire`` on each letter, also when letters of one shape share the list."""
    settings = Settings()
    shapes = set()
    for name, text in TEXTS:
        letter = parse_text(text, name)
        ran = [r.code for r, _, _ in settings.runnable(letter) if r.has_needed_text(letter)]
        assert ran == [r.code for r, _, _ in settings.active_for(letter.doctype) if r.can_fire(letter)], name
        shapes.add((letter.doctype, letter.kinds))
    assert len(settings.__dict__["_runnable"]) == len(shapes) < len(TEXTS)  # one list per shape
