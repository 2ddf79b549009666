"""Patterns compiled on first use behave like compiled patterns."""
import re

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
