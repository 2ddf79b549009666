"""One definition of padding for the whole package (model.PAD): no rule keeps its own list."""
import pathlib
import re
import sys

import pytest

from letterlint.lint import check_text
from letterlint.model import PAD, unpad

WHITESPACE = ["\u000b", "\u000c", "\u0085", "\u2028", "\u2029", "\u2003", "\u1680", "\u202f", "\u3000", "\u00a0", "\t"]
LETTER = ("关于商请协助开展道路安全检查的函\n示例市公安局：\n为做好道路安全检查工作，现商请贵局派员协助。\n请予函复。\n"
          "联{c}系{c}人：王芳，电{c}话：0571-12345678\n示例市交通运输局\n2024年5月6日\n")


def test_pad_is_every_whitespace_character_and_the_bom():
    expected = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()} | {"\ufeff"}
    assert set(PAD) == expected
    assert unpad("联\u000b系\u2028人\u3000") == "联系人"


@pytest.mark.parametrize("char", WHITESPACE, ids=[f"U+{ord(c):04X}" for c in WHITESPACE])
def test_whitespace_inside_a_contact_label_is_padding(char):
    plain = [(d.rule, d.line) for d in check_text(LETTER.format(c=" "), "a.txt").diagnostics]
    got = [(d.rule, d.line) for d in check_text(LETTER.format(c=char), "a.txt").diagnostics]
    assert not any(r == "LINT-001" for r, _ in got)
    assert [x for x in got if x[0].startswith("CONTACT")] == [x for x in plain if x[0].startswith("CONTACT")]


def test_no_rule_spells_out_its_own_padding():
    rules = pathlib.Path(__file__).parent.parent / "letterlint" / "rules"
    own = re.compile(r"\\t\\u3000|\[ \\u3000\]")
    offenders = [f"{p.name}:{n}" for p in sorted(rules.glob("*.py"))
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if own.search(line)]
    assert offenders == []
