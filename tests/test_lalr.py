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


def test_tree_inlines_underscore_rules():
    tables = lalr.load_tables()
    parser = lalr.Parser(tables)
    for index, terminal in enumerate(["TITLE", "RECIPIENT", "PARAGRAPH", "CLOSING", "SIGNATURE", "DATE"]):
        assert parser.accepts(terminal)
        parser.feed(terminal, index)
    assert not parser.accepts("RECIPIENT")  # (a title may open a document issued below the date)
    tree = parser.finish()
    assert [c.data for c in tree.children] == ["header", "title_part", "recipient", "body", "signature_part", "attachments"]
    body = tree.children[3]
    assert body.children == [2, 3]  # the _body_item nodes are spliced into body
    assert list(tree.values()) == [0, 1, 2, 3, 4, 5]


def test_accepts_does_not_change_the_state():
    parser = lalr.Parser(lalr.load_tables())
    parser.feed("TITLE", 0)
    stack = list(parser.stack)
    assert parser.accepts("PARAGRAPH") and not parser.accepts("ORG_MARK")
    assert not parser.accepts("DATE")  # the date closes a text: not straight below the title
    assert parser.stack == stack


def test_parse_through_the_driver():
    letter = parse_text(LETTER)
    assert [p.kind for p in letter.parts] == ["title", "recipient", "paragraph", "closing", "signature", "date"]
    assert letter.misplacements == []
