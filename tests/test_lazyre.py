"""Patterns compiled on first use behave like compiled patterns."""
import marshal
import re

import pytest

from letterlint import lazyre


def test_lazy_pattern_compiles_on_first_use_and_then_answers_like_re():
    lazy = lazyre.compile(r"(?P<y>\d{4})年")
    assert "_compiled" not in lazy.__dict__
    assert lazy.pattern == r"(?P<y>\d{4})年"          # no compile needed for the source
    assert lazy.search("成文于2024年5月").group("y") == "2024"
    assert "_compiled" in lazy.__dict__
    # After the first use the methods are the compiled pattern's own.
    assert lazy.search == lazy.compiled().search
    assert [m.start() for m in lazy.finditer("2023年和2024年")] == [0, 6]
    assert lazy.sub("Y年", "2024年") == "Y年"
    assert lazy.groupindex == re.compile(r"(?P<y>\d{4})年").groupindex


def test_every_method_compiles_on_its_own():
    for name, args in (("match", ("2024年",)), ("fullmatch", ("2024年",)), ("findall", ("2024年",)),
                       ("split", ("2024年",)), ("subn", ("", "2024年"))):
        lazy = lazyre.compile(r"\d{4}年")
        expected = getattr(re.compile(r"\d{4}年"), name)(*args)
        result = getattr(lazy, name)(*args)
        assert (result.group() if hasattr(result, "group") else result) == \
               (expected.group() if hasattr(expected, "group") else expected)


# --- the code compiled ahead of time (letterlint/_regex_code.marshal) -------------------------

def _shipped():
    with open(lazyre.CODE_FILE, "rb") as f:
        return marshal.loads(f.read())


def test_the_shipped_code_is_what_the_generator_makes_today():
    key, table = _shipped()
    if key != lazyre._engine_key():
        pytest.skip(f"the shipped code was made for {key}, not this interpreter")
    assert table == marshal.loads(lazyre.generate())[1], \
        "patterns changed: run `python -m letterlint.lazyre` to regenerate letterlint/_regex_code.marshal"


def test_every_shipped_pattern_equals_the_one_re_compiles():
    key, table = _shipped()
    if key != lazyre._engine_key():
        pytest.skip(f"the shipped code was made for {key}, not this interpreter")
    assert len(table) > 100
    for pattern, flags in table:
        fast, slow = lazyre._compile(pattern, flags), re.compile(pattern, flags)
        assert type(fast) is re.Pattern
        assert (fast.pattern, fast.flags, fast.groups, fast.groupindex) == \
            (slow.pattern, slow.flags, slow.groups, slow.groupindex)


def test_a_damaged_or_foreign_code_file_is_ignored(tmp_path, monkeypatch):
    for content in (b"not marshal at all", marshal.dumps((("other", (2, 7)), {})),
                    marshal.dumps((lazyre._engine_key(), {("[一二]+", 0): (0, b"\x01\x02\x03", 0, {}, ())}))):
        damaged = tmp_path / "code.marshal"
        damaged.write_bytes(content)
        monkeypatch.setattr(lazyre, "CODE_FILE", damaged)
        monkeypatch.setattr(lazyre, "_table", None)
        pattern = lazyre.LazyPattern("[一二]+")
        assert pattern.search("第二一条").group() == "二一"


def test_patterns_from_a_users_lexicon_never_enter_the_generated_code():
    """The table depends on the package alone, not on what the process read before (a test's lexicon)."""
    from letterlint.rules.lexicon import Entry, Lexicon

    before = lazyre.generate()
    Lexicon([Entry("U1", "甲乙丙", "丙乙甲", "错字", not_after=lazyre.LazyPattern("丁"))])
    assert lazyre.generate() == before


def test_the_default_patterns_of_rule_options_are_within_the_bounded_syntax():
    """A run takes them from the shipped code without saferegex's check: the check is here."""
    from letterlint import saferegex
    from letterlint.rules import all_rules

    defaults = {item for r in all_rules() for key in r.patterns for item in r.options.get(key) or ()}
    assert defaults and defaults <= set(saferegex._DEFAULTS)
    for pattern in defaults:
        saferegex.compile_safe(pattern)
        name = "示例市人大常委会"
        assert bool(saferegex._DEFAULTS[pattern].search(name)) == bool(re.search(pattern, name))


def test_escape_is_re_escape():
    """Patterns made of escaped words must be spelled as re.escape spells them to find their shipped code."""
    text = "".join(map(chr, range(0x3100))) + "（示例）【2024】〔1〕★、，。：\U0001f600"
    assert lazyre.escape(text) == re.escape(text)


def test_cached_compiles_like_re_and_builds_a_shipped_pattern_from_its_code():
    shipped = next((key for key in lazyre._precompiled() if key[1] == 0), None)
    if shipped is None:
        pytest.skip("no shipped code for this interpreter")
    compiled = lazyre.cached(shipped[0])
    assert compiled is lazyre.cached(shipped[0])
    assert (compiled.pattern, compiled.flags, compiled.groupindex) == \
        (re.compile(shipped[0]).pattern, re.compile(shipped[0]).flags, re.compile(shipped[0]).groupindex)
    other = lazyre.cached(re.escape("示例市（局）") + "$")   # in no table: compiled by re
    assert other.search("这是示例市（局）").span() == (2, 8)
