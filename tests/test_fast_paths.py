"""The shortcuts taken for speed give what the general way gives (issue 13).

Each shortcut is checked against the way it stands in for, on the bundled
letters and on variations of them (lines swapped or dropped, so that parts
stand out of place and the shortcut has to give way).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from letterlint.rules import lexicon

ROOT = Path(__file__).resolve().parent.parent


def _letters() -> list[str]:
    texts = []
    for folder in (ROOT / "tests" / "letters", ROOT / "examples"):
        for p in sorted(folder.rglob("*")):
            if p.suffix in (".txt", ".md") and p.is_file() and p.name.lower() != "readme.md":
                texts.append(p.read_text(encoding="utf-8"))
    return texts


LETTERS = _letters()


def _lookahead_finder(lex: lexicon.Lexicon) -> re.Pattern:
    """The lexicon's finder as it was written before: a lookahead tried at every character."""
    firsts = "".join(sorted({w[0] for w in lex.by_wrong if len(w) > 1}))
    seconds = "".join(sorted({w[1] for w in lex.by_wrong if len(w) > 1}))
    singles = "".join(sorted(w for w in lex.by_wrong if len(w) == 1))
    alternatives = [f"[{re.escape(firsts)}][{re.escape(seconds)}]"]
    if singles:
        alternatives.append(f"[{re.escape(singles)}]")
    return re.compile(f"(?=({'|'.join(alternatives)}))")


@pytest.mark.parametrize("words", [None, ["即"], ["布署"], ["布署", "即", "再接再励"]])
def test_lexicon_finder_finds_the_same_hits(words):
    lex = lexicon.builtin() if words is None else lexicon.Lexicon(
        lexicon.Entry(f"X{i}", w, "对", "错字") for i, w in enumerate(words))
    finder, before = lex.finder, _lookahead_finder(lex)
    lines = [line for text in LETTERS for line in text.split("\n")]
    lines += [e.example for e in lexicon.builtin().entries] + ["布署即布署", "再接再励即可", "即"]
    try:
        for line in lines:
            for lo, hi in ((0, None), (1, None), (0, max(0, len(line) - 1))):
                lex.finder = finder
                ours = list(lex.scan(line, lo, hi))
                lex.finder = before
                assert list(lex.scan(line, lo, hi)) == ours, line
    finally:
        lex.finder = finder


def _variations(text: str) -> list[str]:
    """The letter, and copies with two lines swapped or one dropped, so that parts stand out of place."""
    lines = text.split("\n")
    out = [text]
    for k in range(0, len(lines) - 1, 3):
        swapped = lines[:]
        swapped[k], swapped[k + 1] = swapped[k + 1], swapped[k]
        out.append("\n".join(swapped))
        out.append("\n".join(lines[:k] + lines[k + 1:]))
    return out


def test_a_reading_that_costs_nothing_is_what_the_search_chooses():
    from letterlint.classify import classify
    from letterlint.parse import _free_reading, _search, split_lines

    free = 0
    for text in LETTERS:
        for variant in _variations(text):
            lattice = classify(split_lines(variant))
            shortcut = _free_reading(lattice)
            if shortcut is None:
                continue
            free += 1
            searched = _search(lattice)
            assert [(u.kind, u.line) for u in shortcut.chosen] == [(u.kind, u.line) for u in searched.chosen]
            assert shortcut.configs == searched.configs and searched.chosen.count(None) == 0
    assert free > len(LETTERS)  # the shortcut is taken on most letters, not only on a few


def _lattice_key(lattice) -> list:
    return [[(u.kind, [ln.number for ln in u.lines], u.strength, u.evidence, u.terminal, sorted(u.fields.items()),
              [(p.kind, [ln.number for ln in p.lines], p.start, p.end) for p in u.extra]) for u in cands]
            for cands in lattice]


# Lines at the edge of the shortcut: a heading that is a title, a 称呼 without its colon as a heading, a
# sentence that a title reading takes (stray full stop), words where the 密级 stands, a date, a run-in 称呼.
_EDGES = """（一）关于加强校园安全管理的通知
示例市教育局关于开展校园安全检查的通知。
示例市教育局：
感谢你们对教育工作的关心和支持。
一、示例市财政局
二、各县（市、区）教育局
保密★1年。
2024年5月。
王某代表：您提出的建议收悉，现答复如下。
（一）关于安全检查。检查范围为全市中小学。
抄送：市政府办公室。
示例市教育局办公室　　2024年5月6日印发。"""


def test_lines_left_to_the_text_reading_get_what_every_test_gives_them(monkeypatch):
    """``classify._only_text`` spares the other tests on sentences and headings: the lattice is the same."""
    from letterlint import classify as classify_module
    from letterlint.parse import split_lines

    texts = [variant for text in LETTERS + [_EDGES] for variant in _variations(text)]
    shortcut = [_lattice_key(classify_module.classify(split_lines(t))) for t in texts]
    taken = 0
    real = classify_module._only_text
    monkeypatch.setattr(classify_module, "_only_text", lambda *args: False)
    for text, ours in zip(texts, shortcut):
        assert _lattice_key(classify_module.classify(split_lines(text))) == ours, text
    monkeypatch.setattr(classify_module, "_only_text", real)
    for text in LETTERS:
        nb = [ln for ln in split_lines(text) if ln.stripped]
        for i in range(len(nb)):
            s = nb[i].stripped
            plain = classify_module._SENTENCE_INSIDE.search(s, 0, len(s) - 1) is None
            taken += real(nb, i, classify_module._body_kind(s)[0], plain, set())
    assert taken > len(LETTERS)  # the shortcut is taken on most letters


def test_weak_readings_of_a_line_with_strong_evidence_are_neither_looked_for_nor_kept(monkeypatch):
    """``classify._settled`` spares the weak tests on a line whose own evidence is strong, and
    ``classify._choosable`` drops the weak candidates there: the reading chooses among the strong ones only.
    Neither changes what is read: the lattice is the same without the first, the reading without both."""
    from letterlint import classify as classify_module
    from letterlint.parse import parse_text, split_lines

    def reading(text: str) -> list:
        letter = parse_text(text)
        return [(p.kind, p.line, p.start, p.section, p.misplaced) for p in letter.parts] + \
            [m.message for m in letter.misplacements]

    texts = [variant for text in LETTERS + [_EDGES] for variant in _variations(text)]
    lattices = [_lattice_key(classify_module.classify(split_lines(t))) for t in texts]
    readings = [reading(t) for t in texts]
    settled, choosable = classify_module._settled, classify_module._choosable
    spared = sum(settled(classify_module.evidence(line), None, None, line.stripped)
                 for t in LETTERS for line in split_lines(t) if line.stripped)
    assert spared > len(LETTERS)  # most letters have such lines
    monkeypatch.setattr(classify_module, "_settled", lambda *args: False)
    for text, ours in zip(texts, lattices):
        assert _lattice_key(classify_module.classify(split_lines(text))) == ours, text
    monkeypatch.setattr(classify_module, "_choosable", lambda cands: cands)
    weak_kept = 0
    for text, ours in zip(texts, readings):
        strong = classify_module.STRONG
        weak_kept += any(any(u.strength == strong for u in cands) and any(u.strength != strong for u in cands)
                         for cands in classify_module.classify(split_lines(text)))
        assert reading(text) == ours, text
    assert weak_kept > len(LETTERS)  # the weak candidates were there to be chosen, and were not
    monkeypatch.setattr(classify_module, "_settled", settled)
    monkeypatch.setattr(classify_module, "_choosable", choosable)
