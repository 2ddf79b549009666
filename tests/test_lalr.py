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


def test_the_parts_of_the_start_rule_and_the_terminals_each_covers():
    tables = lalr.load_tables()
    parser = lalr.Parser(tables)
    for terminal in ["TITLE", "RECIPIENT", "PARAGRAPH", "CLOSING", "SIGNATURE", "DATE"]:
        assert parser.accepts(terminal)
        parser.feed(terminal)
    assert not parser.accepts("RECIPIENT")  # (a title may open a document issued below the date)
    # An empty 版头 and an empty attachments part cover nothing; the _body_item rules are spliced into body.
    assert parser.finish() == [("header", 0, 0), ("title_part", 0, 1), ("recipient", 1, 2), ("body", 2, 4),
                               ("signature_part", 4, 6), ("attachments", 6, 6)]


def test_nested_rules_pass_no_span_up_but_inlined_ones_do():
    parser = lalr.Parser(lalr.load_tables())
    for terminal in ["ORG_MARK", "DOC_NUMBER", "TITLE", "PARAGRAPH", "DATE", "ATTACHMENT", "ATTACHMENT_TEXT",
                     "ATTACHMENT", "COPY_TO"]:
        parser.feed(terminal)
    # The attachments part covers both attachments (a rule inside a part passes no span up); the 版记 follows.
    assert parser.finish() == [("header", 0, 2), ("title_part", 2, 3), ("body", 3, 4), ("signature_part", 4, 5),
                               ("attachments", 5, 8), ("record", 8, 9)]
    # Attachments alone: attachment+ is an inlined rule of the start rule, so each attachment is a part of it.
    parser = lalr.Parser(lalr.load_tables())
    for terminal in ["ATTACHMENT", "ATTACHMENT_TEXT", "ATTACHMENT"]:
        parser.feed(terminal)
    assert parser.finish() == [("header", 0, 0), ("attachment", 0, 2), ("attachment", 2, 3)]


def test_accepts_does_not_change_the_state():
    parser = lalr.Parser(lalr.load_tables())
    parser.feed("TITLE")
    stack = list(parser.stack)
    assert parser.accepts("PARAGRAPH") and not parser.accepts("ORG_MARK")
    assert not parser.accepts("DATE")  # the date closes a text: not straight below the title
    assert parser.stack == stack


def test_parse_through_the_driver():
    letter = parse_text(LETTER)
    assert [p.kind for p in letter.parts] == ["title", "recipient", "paragraph", "closing", "signature", "date"]
    assert letter.misplacements == []
