"""The LALR tables: generated from the grammar by Lark at development time, run by letterlint's own driver."""
import os
import subprocess
import sys

import pytest

from letterlint import lalr
from letterlint.parse import parse_text

LETTER = "示例市教育局关于商请提供统计数据的函\n示例市统计局：\n请于6月30日前提供有关数据。\n特此函商。\n示例市教育局\n2024年5月6日\n"


def test_generated_tables_match_the_grammar():
    """letterlint/_tables.py is what `python -m letterlint.lalr` makes of the grammar today."""
    pytest.importorskip("lark")
    assert lalr.TABLES_MODULE.read_text(encoding="utf-8") == lalr.generate(), \
        "grammar/letter.lark changed: run `python -m letterlint.lalr` to regenerate letterlint/_tables.py"


def test_the_grammar_has_no_conflicts():
    lark = pytest.importorskip("lark")
    broken = lalr.GRAMMAR.read_text(encoding="utf-8").replace("recipient: RECIPIENT", "recipient: RECIPIENT PARAGRAPH?", 1)
    with pytest.raises(lark.exceptions.GrammarError):  # strict mode refuses a conflict
        lalr.build(broken)


def test_a_run_never_imports_lark_nor_writes_a_cache(tmp_path):
    letter = tmp_path / "函.txt"
    letter.write_text(LETTER, encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ, HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"), NO_COLOR="1")
    env.pop("LETTERLINT_CACHE_DIR", None)
    code = ("import sys; from letterlint.cli import main; rc = main([sys.argv[1]]); "
            "print('lark' in sys.modules); sys.exit(rc)")
    run = subprocess.run([sys.executable, "-c", code, str(letter)], env=env, capture_output=True, text=True)
    assert (run.returncode, run.stdout.split()[-1]) == (0, "False")
    assert list(home.rglob("*")) == []


def test_each_terminal_belongs_to_a_part_of_the_start_rule():
    auto = lalr.Automaton(lalr.load_tables())
    terminals = ["TITLE", "RECIPIENT", "PARAGRAPH", "CLOSING", "SIGNATURE", "DATE"]
    # The _body_item rules are inlined: their terminals are the body's.
    assert auto.sections(terminals) == ["title_part", "recipient", "body", "body", "signature_part", "signature_part"]
    assert auto.sections(terminals + ["RECIPIENT"]) is None  # (a title may open a document issued below the date)
    assert auto.sections([]) == []


def test_a_rule_inside_a_part_gives_way_to_the_part_but_an_inlined_one_does_not():
    auto = lalr.Automaton(lalr.load_tables())
    # Both attachments are in the attachments part (a rule inside a part is not a part); the 版记 follows.
    assert auto.sections(["ORG_MARK", "DOC_NUMBER", "TITLE", "PARAGRAPH", "DATE", "ATTACHMENT", "ATTACHMENT_TEXT",
                          "ATTACHMENT", "COPY_TO"]) == \
        ["header", "header", "title_part", "body", "signature_part", "attachments", "attachments", "attachments",
         "record"]
    # Attachments alone: attachment+ is an inlined rule of the start rule, so each attachment is a part of it.
    assert auto.sections(["ATTACHMENT", "ATTACHMENT_TEXT", "ATTACHMENT"]) == ["attachment"] * 3


def test_the_same_moves_give_the_same_sections_when_remembered():
    """The effect of a move is worked out once per configuration and terminal, then reused."""
    auto = lalr.Automaton(lalr.load_tables())
    letter = ["TITLE", "RECIPIENT", "PARAGRAPH", "PARAGRAPH", "PARAGRAPH", "SIGNATURE", "DATE", "COPY_TO"]
    first = auto.sections(letter)
    assert first == ["title_part", "recipient", "body", "body", "body", "signature_part", "signature_part", "record"]
    known = sum(len(e) for e in auto.effects)
    assert auto.sections(letter) == first and sum(len(e) for e in auto.effects) == known
    # A shorter body reuses the moves made for the longer one.
    assert auto.sections(letter[:3] + letter[5:]) == first[:3] + first[5:]


def test_a_rejected_move_is_not_a_configuration():
    auto = lalr.Automaton(lalr.load_tables())
    start = auto.number((auto.tables.start,))
    assert auto.next(start, "DATE") < 0 and auto.next(start, "TITLE") >= 0
    after_title = auto.next(start, "TITLE")
    assert auto.step(auto.configs[after_title], "PARAGRAPH") is not None
    assert auto.step(auto.configs[after_title], "ORG_MARK") is None
    assert auto.step(auto.configs[after_title], "DATE") is None  # the date closes a text: not straight below the title


def test_parse_through_the_driver():
    letter = parse_text(LETTER)
    assert [p.kind for p in letter.parts] == ["title", "recipient", "paragraph", "closing", "signature", "date"]
    assert letter.misplacements == []
