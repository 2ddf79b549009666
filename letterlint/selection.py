"""Which rules run, and how strictly: decided here and nowhere else.

Every place that reads a rule selector — ``select``, ``extend-select``,
``ignore``, ``per-file-ignores``, ``severity``, the ``rule`` of a suppression
entry, a Markdown ``<!-- letterlint: ignore … -->`` directive, the command
line — asks :func:`specificity`, so a selector means the same thing everywhere.

A selector is a rule's name (``sign-date``), its code (``SIGN-001``) or a
prefix of the code that ends on a segment boundary or inside the number:
``SIGN`` and ``SIGN-0`` match SIGN-001, but ``SIGN`` does not match SIGNER-001
(segments are whole, as in flake8, where ``E1`` is a prefix of ``E101`` but a
plugin's ``EX`` is not).  When a rule is both selected and ignored, the more
specific selector wins (a name or a full code beats any prefix); on a tie
``ignore`` wins.
"""
from __future__ import annotations

from letterlint.record import FrozenRecord

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

NAME = 1000  # a rule's name is as specific as its full code, and beats every prefix


def specificity(selector: str, code: str, name: str) -> int:
    """How specifically ``selector`` names the rule ``code``/``name``; -1 when it does not."""
    sel = selector.strip()
    if not sel:
        return -1
    if sel == name:
        return NAME
    up, code_up = sel.upper(), code.upper()
    if not code_up.startswith(up):
        return -1
    if len(up) == len(code_up):
        return NAME
    # The letters of a segment are whole ("SIGN" is not a prefix of "SIGNER");
    # the digits may be cut ("SIGN-0" covers SIGN-001 … SIGN-099).
    rest = code_up[len(up)]
    if rest == "-" or up.endswith("-") or ("-" in up and rest.isdigit()):
        return len(up)
    return -1


def best(selectors: Iterable[str], code: str, name: str) -> int:
    """The most specific of ``selectors`` for this rule (-1: none matches)."""
    return max((specificity(s, code, name) for s in selectors), default=-1)


def covers(selector: str, code: str, name: str = "") -> bool:
    return specificity(selector, code, name) >= 0


def is_known(selector: str, rules) -> bool:
    """Does the selector name at least one of ``rules``?  (Unknown selectors are errors.)"""
    return any(covers(selector, r.code, r.name) for r in rules)


class Decision(FrozenRecord):
    """The selection of one configuration: hashable, so its outcome is worked out once."""

    select: tuple[str, ...]               # empty: every rule
    extend_select: tuple[str, ...]
    ignore: tuple[str, ...]
    severity: tuple[tuple[str, str], ...]       # (selector, level)

    __slots__ = _fields = ("select", "extend_select", "ignore", "severity")

    def __init__(self, select=(), extend_select=(), ignore=(), severity=()):
        _set = object.__setattr__
        _set(self, "select", select)
        _set(self, "extend_select", extend_select)
        _set(self, "ignore", ignore)
        _set(self, "severity", severity)

    def enabled(self, code: str, name: str) -> bool:
        if not (self.select or self.extend_select or self.ignore):
            return True  # no selectors (the default): every rule, without a look at each selector list
        chosen = max(best(self.select, code, name) if self.select else 0,
                     best(self.extend_select, code, name))
        if chosen < 0:
            return False
        dropped = best(self.ignore, code, name)
        return dropped < 0 or chosen > dropped

    def severity_override(self, code: str, name: str) -> str | None:
        """The level the configuration sets for this rule (the most specific selector), or None."""
        level, rank = None, -1
        for sel, lvl in self.severity:
            s = specificity(sel, code, name)
            if s > rank:
                level, rank = lvl, s
        return level
