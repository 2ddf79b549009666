"""Start-up: what a clean ``letterlint FILE`` run loads, and the light pieces that keep it so.

No timing here (benchmarks/bench.py measures); these tests pin the structure:
the modules a plain text run must not import, the value classes that replace
dataclasses, and the cheap readings that stand in for expensive ones.
"""
from __future__ import annotations

import copy
import os
import pickle
import subprocess
import sys

import pytest

from letterlint.diagnostic import Diagnostic, Edit, FileResult, Fix
from letterlint.model import Span
from letterlint.record import replace
from letterlint.rules import lexicon

GOOD = ("示例市交通运输局关于商请协助开展道路安全检查的函\n\n示例市公安局：\n"
        "    为做好道路安全检查工作，现商请贵局派员协助。\n    请予函复。\n\n"
        "示例市交通运输局\n2024年5月6日\n")

# Modules a clean text run has no use for: each cost a run milliseconds at import.
NOT_ON_THE_TEXT_PATH = ("argparse", "dataclasses", "inspect", "typing", "pathlib", "tomllib", "rich",
                        "importlib.metadata", "importlib.util", "json", "letterlint.docx.check", "shutil",
                        "letterlint.docx.layout", "letterlint.docx.geometry", "importlib", "warnings", "fnmatch")


def _modules_after(tmp_path, *args: str) -> set[str]:
    (tmp_path / "letter.txt").write_text(GOOD, encoding="utf-8")
    # Modules already there after ``import letterlint`` (the interpreter's, an editable
    # install's import hook) are not the run's doing.
    code = ("import sys\nimport letterlint\nbefore = set(sys.modules)\nfrom letterlint.cli import main\n"
            "code = main(sys.argv[1:])\nsys.stdout.flush()\n"
            "print('\\n#MODULES', ' '.join(sorted(set(sys.modules) - before)))\n")
    env = dict(os.environ, NO_COLOR="1")
    out = subprocess.run([sys.executable, "-c", code, *args], cwd=tmp_path, env=env,
                         capture_output=True, text=True, check=True).stdout
    return set(out.split("#MODULES", 1)[1].split())


def test_a_clean_text_run_imports_none_of_the_heavy_modules(tmp_path):
    loaded = _modules_after(tmp_path, "letter.txt")
    assert "letterlint.lint" in loaded  # the run did happen
    assert sorted(m for m in NOT_ON_THE_TEXT_PATH if m in loaded) == []


# Modules the interpreter itself does not import, which a clean text run does without: every
# pattern it uses is built from lazyre's shipped code, so ``re`` (with the enum, functools and
# collections it brings, a sixth of a run's instructions) is imported only for another pattern;
# letterlint.memo stands in for functools.lru_cache, record.TupleRecord for collections.namedtuple.
NOT_IMPORTED_BY_A_CLEAN_RUN = ("re", "enum", "functools", "collections", "operator", "types", "bisect")


def test_a_clean_text_run_imports_no_re_functools_or_collections(tmp_path):
    (tmp_path / "letter.txt").write_text(GOOD, encoding="utf-8")
    # An editable install's import hook (run by site) imports re before the run starts: set
    # these modules aside, so that the run's own import of one shows.
    code = (f"import sys\nfor m in {NOT_IMPORTED_BY_A_CLEAN_RUN!r}: sys.modules.pop(m, None)\n"
            "from letterlint.cli import main\ncode = main(sys.argv[1:])\nsys.stdout.flush()\n"
            f"print('\\n#MODULES', ' '.join(m for m in {NOT_IMPORTED_BY_A_CLEAN_RUN!r} if m in sys.modules))\n")
    env = dict(os.environ, NO_COLOR="1")
    out = subprocess.run([sys.executable, "-c", code, "letter.txt"], cwd=tmp_path, env=env,
                         capture_output=True, text=True).stdout
    report, loaded = out.split("#MODULES", 1)
    assert "未发现问题" in report  # the run did happen, and the letter is clean
    assert loaded.split() == []
    # A letter with problems may need re (a span is found by a pattern made of its words): fine.


# The Word reader and its libraries, and the Markdown reader: what a .txt run must never load.
WORD_AND_MARKDOWN = ("docx", "lxml", "lxml.etree", "markdown_it", "letterlint.docx.reader", "letterlint.docx.package",
                     "letterlint.docx.geometry", "letterlint.docx.check", "letterlint.docx.annotate", "letterlint.markdown")


def _importtime(tmp_path, name: str, data: bytes) -> set[str]:
    """Every module ``python -X importtime -m letterlint NAME`` imports, from the interpreter's start."""
    (tmp_path / name).write_bytes(data)
    env = dict(os.environ, NO_COLOR="1")
    err = subprocess.run([sys.executable, "-X", "importtime", "-m", "letterlint", name], cwd=tmp_path, env=env,
                         capture_output=True, text=True).stderr
    return {line.rsplit("|", 1)[1].strip() for line in err.splitlines() if line.startswith("import time:")
            and "|" in line and not line.endswith("| imported package")}


def test_importtime_of_a_text_run_shows_no_word_or_markdown_reader(tmp_path):
    from letterlint.docx.spec import from_spec

    loaded = _importtime(tmp_path, "letter.txt", GOOD.encode("utf-8"))
    assert "letterlint.lint" in loaded  # the run did happen, and importtime was read
    assert sorted(m for m in WORD_AND_MARKDOWN if m in loaded) == []
    # The same letter as .docx does load the reader (so the test above can see it).
    word = _importtime(tmp_path, "letter.docx", from_spec(GOOD.strip("\n")))
    assert {"lxml.etree", "letterlint.docx.reader"} <= word


def test_common_options_stay_on_the_light_path(tmp_path):
    loaded = _modules_after(tmp_path, "--format", "concise", "--no-color", "-q", "letter.txt")
    assert "argparse" not in loaded and "rich" not in loaded


def test_a_tuple_record_is_what_namedtuple_makes():
    import collections

    made = collections.namedtuple("Span", ("line", "column", "end_line", "end_column"))
    a, b = Span(1, 2, 3, 4), made(1, 2, 3, 4)
    assert (repr(a), a, hash(a), a._asdict(), a[1:]) == (repr(b), b, hash(b), b._asdict(), b[1:])
    assert Span(line=1, column=2, end_line=3, end_column=4) == a and a < Span(1, 2, 3, 5)
    assert type(a._replace(line=9)) is Span and a._replace(line=9) == b._replace(line=9)
    assert Span._make([1, 2, 3, 4]) == a and Span.__match_args__ == made.__match_args__ == Span._fields
    assert type(pickle.loads(pickle.dumps(a))) is Span and copy.deepcopy(a) == a
    with pytest.raises(AttributeError):
        a.line = 2
    with pytest.raises(ValueError):
        a._replace(row=1)
    with pytest.raises(TypeError):
        Span._make([1, 2, 3])


def test_memo_remembers_like_lru_cache():
    from letterlint.memo import memo, once

    calls = []

    @once
    def one():
        """Doc."""
        calls.append(1)
        return object()

    assert one() is one() and calls == [1] and one.__doc__ == "Doc." and one.__name__ == "one"
    one.cache_clear()
    one()
    assert calls == [1, 1]

    @memo(2)
    def double(x):
        calls.append(x)
        return 2 * x

    assert [double(3), double(3), double(4), double(5), double(3)] == [6, 6, 8, 10, 6]
    assert calls[2:] == [3, 4, 5, 3]  # 3 and 4 held; 5 made room by forgetting both


def test_builtin_ids_are_the_ids_of_the_built_lexicon():
    assert lexicon.builtin_ids() == tuple(e.id for e in lexicon.builtin().entries)


def test_every_lexicon_context_pattern_compiles():
    """They compile on first use; a broken one must not wait for a letter to trip on it."""
    for entry in lexicon.builtin().entries:
        for pattern in (entry.before, entry.after, entry.not_before, entry.not_after):
            if pattern is not None:
                pattern.compiled()


def test_record_classes_compare_order_hash_and_copy_like_the_dataclasses_they_replace():
    a = Diagnostic(2, 1, 2, 3, "DATE-001", "error", "日期", "改", Fix.replace(Span(2, 1, 2, 3), "x"))
    b = Diagnostic(2, 1, 2, 3, "DATE-001", "error", "日期")  # suggestion and fix are not compared
    c = Diagnostic(1, 5, 1, 6, "TITLE-001", "warning", "标题")
    assert a == b and hash(a) == hash(b) and sorted([a, c]) == [c, a] and len({a, b, c}) == 2
    assert a != (2, 1, 2, 3, "DATE-001", "error", "日期")
    with pytest.raises(AttributeError):
        a.line = 3
    assert pickle.loads(pickle.dumps(a)) == a and pickle.loads(pickle.dumps(a)).fix == a.fix
    assert copy.deepcopy(a) == a
    moved = replace(a, line=5, end_line=5)
    assert (moved.line, moved.column, moved.fix) == (5, 1, a.fix) and a.line == 2
    assert repr(Edit(1, 2, 1, 3, "x")) == "Edit(line=1, column=2, end_line=1, end_column=3, text='x')"
    r = FileResult("a.txt")
    assert r.diagnostics == [] and r.diagnostics is not FileResult("b.txt").diagnostics
    with pytest.raises(TypeError):
        hash(r)  # mutable: not hashable
    r.error = "x"
    assert pickle.loads(pickle.dumps(r)) == r


LIGHT_CASES = [
    [], ["a.txt"], ["a.txt", "b.md", "-"], ["--format", "json", "a.txt"], ["--format=concise", "a.txt"],
    ["--output-format", "sarif", "a"], ["a.txt", "--no-color", "-q", "--exit-zero"], ["-v", "--quiet", "a"],
    ["--select", "DATE,TITLE", "--select=NUM-001", "--ignore", "X", "--extend-select", "WORD", "a"],
    ["--jobs", "3", "a"], ["-j", "1", "a"], ["--jobs=+2", "a"], ["--fix", "--no-fix", "--unsafe-fixes", "a"],
    ["--no-unsafe-fixes", "--fix-only", "--diff", "a"], ["--fail-on", "warning", "a"], ["-o", "out.txt", "a"],
    ["--output", "r.json", "--format", "json", "a"], ["--encoding", "gb18030", "--doctype", "函", "a"],
    ["--config", "c.toml", "--isolated", "--debug", "a"], ["--stdin-filename", "x.txt"],
    ["--baseline", "b.json", "a"], ["--write-baseline=b.json", "a"], ["--annotate", "--output-dir", "o", "a"],
    ["--statistics", "--force-exclude", "--warn-unused-suppressions", "a"], ["", "a"],
]
FULL_CASES = [  # left to the full parser (its result or its message)
    ["a.txt", "--no-color", "b.txt"], ["--format", "yaml", "a"], ["--format"], ["--jobs", "two", "a"],
    ["--jobs", "-1", "a"], ["--form", "json", "a"], ["--output", "-", "a"], ["-qv", "a"], ["--quiet=1", "a"],
    ["--fail-on", "fatal", "a"], ["-h"], ["--help"], ["--version"], ["-x", "a"], ["--no-color=yes", "a"],
    ["-5", "a"], ["- a", "b"], ["--select"], ["-ojson", "a"],
]


@pytest.mark.parametrize("argv", LIGHT_CASES + FULL_CASES, ids=[" ".join(a) or "(none)" for a in LIGHT_CASES + FULL_CASES])
def test_the_light_reading_of_a_check_command_line_is_the_full_parsers(argv, capsys):
    from letterlint.cli import _parse_full, parse_check_light

    light = parse_check_light(argv)
    assert (light is not None) == (argv in LIGHT_CASES)
    try:
        full = vars(_parse_full(["check", *argv]))
    except SystemExit:  # help, version or a usage error: the light path must have left it alone
        assert light is None
        return
    full.pop("usage")
    if light is not None:
        assert vars(light) == full


def test_the_light_path_gives_the_check_usage_for_later_errors(tmp_path, capsys):
    from letterlint.cli import main

    code = main(["--baseline", "b.json", "--write-baseline", "w.json", str(tmp_path / "a.txt")])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("用法：letterlint check") and "不能同时使用" in err


def test_the_lexicon_makes_an_entry_when_a_text_first_holds_it_and_makes_it_as_the_whole_file_reads():
    fresh = lexicon.Lexicon.from_tsv(lexicon._builtin_text())
    whole = lexicon.parse_tsv(lexicon._builtin_text())
    assert fresh.by_wrong._made == set()  # nothing made yet
    assert [(s, e, h.wrong) for s, e, h in fresh.scan("现将有关工作布署如下")] == [(6, 8, "布署")]
    assert fresh.by_wrong._made == {"布署"}  # the one wrong form the text holds
    for wrong in list(fresh.by_wrong):
        assert [vars_of(e) for e in fresh.by_wrong.get(wrong)] == [vars_of(e) for e in whole if e.wrong == wrong]
    assert [e.id for e in fresh.entries] == [e.id for e in whole]


def vars_of(entry) -> tuple:
    return tuple(getattr(entry, f) if not hasattr(getattr(entry, f), "pattern") else getattr(entry, f).pattern
                 for f in entry._fields)


def test_the_rule_index_is_current():
    """letterlint/rules/_index.py is what `python -m letterlint.rules` makes of the rule modules today."""
    from letterlint import rules

    with open(rules.INDEX_MODULE, encoding="utf-8") as f:
        assert f.read() == rules.index_source(), \
            "a rule's decorator changed: run `python -m letterlint.rules` to regenerate letterlint/rules/_index.py"


def test_the_lexicon_index_is_current_and_makes_the_lexicon_the_file_makes():
    """letterlint/data/lexicon_index.marshal is what `python -m letterlint.rules` makes of lexicon.tsv today."""
    import marshal

    with open(lexicon.INDEX_FILE, "rb") as f:
        assert marshal.loads(f.read()) == marshal.loads(lexicon.index_bytes()), \
            "lexicon.tsv changed: run `python -m letterlint.rules` to regenerate letterlint/data/lexicon_index.marshal"
    shipped = lexicon.Lexicon._from_index(*lexicon._shipped_index()[1:])
    read = lexicon.Lexicon.from_tsv(lexicon._builtin_text())
    assert (dict(shipped.by_wrong), shipped.by_head, shipped.finder.pattern) == \
        (dict(read.by_wrong), read.by_head, read.finder.pattern)
    text = "现将有关工作布署如下，请登陆网站查询"
    assert [(s, e, h.id) for s, e, h in shipped.scan(text)] == [(s, e, h.id) for s, e, h in read.scan(text)] != []


def test_the_indexed_rules_are_the_decorated_ones_and_import_their_module_on_first_use():
    from letterlint.rules import builtin_rules, decorated_rules
    from letterlint.rules.base import Rule

    indexed, decorated = builtin_rules(), decorated_rules()
    assert [r.code for r in indexed] == [r.code for r in decorated]
    for a, b in zip(indexed, decorated, strict=True):
        assert [getattr(a, f) for f in Rule._fields] == [getattr(b, f) for f in Rule._fields]
    code = ("import sys\nfrom letterlint.rules import all_rules\nr = next(r for r in all_rules() if r.code == 'DATE-001')\n"
            "before = 'letterlint.rules.date' in sys.modules\nr.check\nprint(before, 'letterlint.rules.date' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]
