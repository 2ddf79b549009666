"""Regular expressions from a repository's config, bounded so that they cannot hang a run.

Options such as ``cc-*`` and ``lower-organs`` are regular expressions that a
draft repository writes, so a pull request can write them too.  Python's
engine backtracks: ``(市|市)*x`` doubles its time with every character.  Two
limits make every such pattern cheap, so no step counter is needed:

* **Syntax.**  Literals, ``.``, character classes and escapes (``[^，]``,
  ``\\d``), anchors, groups, alternation and look-arounds are allowed; a
  quantifier applies to one character or class only, never to a group, and
  back-references are refused.  The work per starting position is then at most
  the product of the quantifiers' ranges, which must stay within
  ``STEP_BUDGET`` (an unbounded ``*``/``+`` counts as ``MAX_SUBJECT``): one
  ``.*`` is fine, ``.*.*.*`` is not.
* **Subject.**  The rules search one organ name at a time, cut to
  ``MAX_SUBJECT`` characters (no organ name is longer), so the time per
  character of the letter is bounded.

Google's RE2 would give the same guarantee, but it is a compiled dependency
for every installation (also the offline ones) and has no look-arounds, which
the default ``^各(?!位)`` needs; the restricted syntax keeps the standard ``re``.
"""
from __future__ import annotations

from letterlint import lazyre
from letterlint.memo import memo

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

MAX_SUBJECT = 100    # characters of one name that a config pattern reads
STEP_BUDGET = 1000   # product of the quantifier ranges, per starting position

# re's parser and its constants, loaded by the first compile_safe: a run whose config
# sets no pattern option needs no ``re`` (the defaults come from lazyre's shipped code).
_c = _p = None
_ONE_CHAR: set = set()
_REPEATS: set = set()


def _load_parser() -> None:
    global _c, _p, _ONE_CHAR, _REPEATS
    if _p is not None:
        return
    try:  # Python 3.11+
        from re import _constants as c, _parser as p
    except ImportError:  # Python 3.10
        import sre_constants as c  # type: ignore[no-redef]
        import sre_parse as p  # type: ignore[no-redef]
    _ONE_CHAR = {c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN, c.CATEGORY}
    _REPEATS = {c.MAX_REPEAT, c.MIN_REPEAT} | ({c.POSSESSIVE_REPEAT} if hasattr(c, "POSSESSIVE_REPEAT") else set())
    _c, _p = c, p


class UnsafePattern(ValueError):
    """A pattern outside the allowed syntax (the message says why, in Chinese)."""


def _cost(items) -> int:
    """Work per starting position of a sequence (raises UnsafePattern)."""
    total = 1
    for op, av in items:
        if op in _ONE_CHAR or op == _c.AT:
            continue
        if op in _REPEATS:
            lo, hi, body = av
            if len(body) != 1 or body[0][0] not in _ONE_CHAR:
                raise UnsafePattern("量词（* + ? {m,n}）只能用于单个字符或字符类，不能用于分组")
            span = MAX_SUBJECT if hi == _c.MAXREPEAT or hi > MAX_SUBJECT else hi
            total *= max(1, span - lo + 1)
        elif op == _c.SUBPATTERN:
            total *= _cost(av[-1])
        elif op == _c.BRANCH:
            total *= sum(_cost(b) for b in av[1])
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            total *= _cost(av[1])
        else:
            raise UnsafePattern(f"不支持的正则写法（{str(op).lower()}）；只允许字面文字、字符类、分组、"
                                "选择（|）、锚点、前后断言和用于单个字符的量词")
        if total > STEP_BUDGET:
            raise UnsafePattern("量词组合过多（如多个 .* 连用），可能造成回溯爆炸")
    return total


@memo(256)
def compile_safe(pattern: str) -> re.Pattern:
    """``re.compile(pattern)`` if the pattern is within the bounded syntax, else UnsafePattern/re.error."""
    if len(pattern) > 500:
        raise UnsafePattern("正则表达式过长（超过 500 个字符）")
    import re

    _load_parser()
    compiled = re.compile(pattern)
    _cost(list(_p.parse(pattern)))
    return compiled


# The default values of the rules' pattern options: written with the rules, not by a
# repository, and checked with compile_safe by the tests.  A run takes them from the
# shipped pattern code (lazyre) instead of parsing and compiling them each time.
_DEFAULTS: dict[str, lazyre.LazyPattern] = {}


def rule_defaults(patterns) -> None:
    """Declare patterns as a rule's own defaults (``rules.base.rule`` does, for its pattern options)."""
    for p in patterns:
        if p not in _DEFAULTS:
            _DEFAULTS[p] = lazyre.compile(p)


def search_any(patterns, name: str) -> bool:
    """Does any of the (already checked) patterns occur in ``name`` (cut to MAX_SUBJECT)?"""
    subject = name[:MAX_SUBJECT]
    return any((_DEFAULTS.get(p) or compile_safe(p)).search(subject) for p in patterns)
