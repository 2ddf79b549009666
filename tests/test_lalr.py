"""The LALR tables: built by Lark once, cached as plain data, and run by letterlint's own driver."""
import os
import subprocess
import sys

import pytest

from letterlint import lalr
from letterlint.parse import parse_text

LETTER = "示例市教育局关于商请提供统计数据的函\n示例市统计局：\n请于6月30日前提供有关数据。\n特此函商。\n示例市教育局\n2024年5月6日\n"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("LETTERLINT_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_tables_are_cached_and_reloaded(cache_dir):
    built = lalr.load_tables()
    files = list(cache_dir.glob("letter-lalr-*.marshal"))
    assert len(files) == 1
    again = lalr.load_tables()
    assert (again.states, again.rules, again.start, again.end) == (built.states, built.rules, built.start, built.end)


def test_a_corrupt_cache_is_rebuilt(cache_dir):
    lalr.load_tables()
    (path,) = cache_dir.glob("letter-lalr-*.marshal")
    path.write_bytes(b"\x00garbage")
    tables = lalr.load_tables()
    assert tables.states and lalr.Tables.load(path.read_bytes()).states == tables.states


def test_an_unwritable_cache_does_not_stop_the_parse(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("LETTERLINT_CACHE_DIR", str(blocker / "cache"))
    assert lalr.load_tables().states


def test_the_cached_run_does_not_import_lark(cache_dir, tmp_path):
    letter = tmp_path / "函.txt"
    letter.write_text(LETTER, encoding="utf-8")
    env = dict(os.environ, LETTERLINT_CACHE_DIR=str(cache_dir), NO_COLOR="1")
    code = ("import sys; from letterlint.cli import main; rc = main([sys.argv[1]]); "
            "print('lark' in sys.modules); sys.exit(rc)")
    first = subprocess.run([sys.executable, "-c", code, str(letter)], env=env, capture_output=True, text=True)
    second = subprocess.run([sys.executable, "-c", code, str(letter)], env=env, capture_output=True, text=True)
    assert (first.returncode, first.stdout.split()[-1]) == (0, "True")    # built by Lark
    assert (second.returncode, second.stdout.split()[-1]) == (0, "False")  # loaded from the cache


def test_tree_inlines_underscore_rules():
    tables = lalr.load_tables()
    parser = lalr.Parser(tables)
    for index, terminal in enumerate(["TITLE", "RECIPIENT", "PARAGRAPH", "CLOSING", "SIGNATURE", "DATE"]):
        assert parser.accepts(terminal)
        parser.feed(terminal, index)
    assert not parser.accepts("TITLE")
    tree = parser.finish()
    assert [c.data for c in tree.children] == ["header", "title_part", "recipient", "body", "tail", "attachments"]
    body = tree.children[3]
    assert body.children == [2, 3]  # the _body_item nodes are spliced into body
    assert list(tree.values()) == [0, 1, 2, 3, 4, 5]


def test_accepts_does_not_change_the_state():
    parser = lalr.Parser(lalr.load_tables())
    parser.feed("TITLE", 0)
    stack = list(parser.stack)
    assert parser.accepts("DATE") and not parser.accepts("ORG_MARK")
    assert parser.stack == stack


def test_parse_through_the_driver():
    letter = parse_text(LETTER)
    assert [p.kind for p in letter.parts] == ["title", "recipient", "paragraph", "closing", "signature", "date"]
    assert letter.misplacements == []
