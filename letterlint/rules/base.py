"""The rule plugin interface: a decorator and the value objects rules use.

A rule is a plain generator function ``check(letter, options)`` decorated
with :func:`rule`.  It reads the document model (``letterlint.model``) and
yields :class:`Finding` objects; the engine turns them into diagnostics with
the rule's code and the effective severity.  The function's docstring is the
rule's user documentation (``letterlint rule CODE``) and must contain a
``反例：`` and a ``正例：`` block, which the test suite executes.
"""
from __future__ import annotations

from letterlint import lazyre
from letterlint.diagnostic import APPLICABILITIES, SEVERITIES, Edit, Fix  # noqa: F401 (Edit, Fix: for rules)
from letterlint.model import Span
from letterlint.record import FrozenRecord

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

CODE_RE = lazyre.compile(r"^[A-Z][A-Z0-9]*-\d{3}$")


class Finding(FrozenRecord):
    """What a rule reports: where, what (in Chinese), and how to fix it."""

    span: Span
    message: str
    suggestion: str | None
    severity: str | None         # only when one rule has two strengths
    # Codes of more specific rules: when one of them reports this same span
    # (it is enabled, applies, and found it), the engine drops this finding.
    subsumed_by: tuple[str, ...]
    fix: Fix | None              # edits that remove the problem (the rule declares their tier)

    __slots__ = _fields = ("span", "message", "suggestion", "severity", "subsumed_by", "fix")

    def __init__(self, span, message, suggestion=None, severity=None, subsumed_by=(), fix=None):
        _set = object.__setattr__
        _set(self, "span", span)
        _set(self, "message", message)
        _set(self, "suggestion", suggestion)
        _set(self, "severity", severity)
        _set(self, "subsumed_by", subsumed_by)
        _set(self, "fix", fix)


class _Imported:
    """``Rule.check`` of a rule made from the generated index (``letterlint/rules/_index.py``).

    The index gives the function as ``"module:function"``; its module is
    imported when the rule first runs (or is documented), not when the rules
    are listed, so a run imports only the rule modules it uses.  The function
    then sits in the rule's ``__dict__``, where it shadows this descriptor.
    """

    def __get__(self, rule, owner=None):
        if rule is None:
            return self
        module, _, name = rule.__dict__["_address"].partition(":")
        check = rule.__dict__["check"] = getattr(__import__(module, fromlist=[name]), name)
        return check


class Rule(FrozenRecord):
    code: str
    name: str
    severity: str
    check: Callable[..., Iterable[Finding]]
    doctypes: frozenset[str] | None         # None: every kind of document
    options: dict[str, object]
    # For list options whose items come from a fixed set: option → allowed items.
    choices: dict[str, tuple[str, ...]]
    # List options whose items are regular expressions (checked when the config is read).
    patterns: frozenset[str]
    fix: str | None         # "safe" / "unsafe": the tier of the fixes the rule offers; None: no fix
    origin: str
    # What a letter must hold for the rule to find anything at all; the engine skips the
    # rule, without calling it, on a letter that lacks it.  None: no such condition.
    needs_parts: frozenset[str] | None  # a part of at least one of these kinds
    needs_text: tuple[str, ...] | None  # at least one of these strings in the text
    needs_layout: bool                  # a Word draft (letter.layout): silent on text and Markdown

    _fields = ("code", "name", "severity", "check", "doctypes", "options", "choices", "patterns", "fix", "origin",
               "needs_parts", "needs_text", "needs_layout")
    _uncompared = ("check", "options", "choices", "patterns")

    check = _Imported()  # when ``check`` is given as "module:function"

    def __init__(self, code, name, severity, check, doctypes=None, options=None, choices=None, patterns=None,
                 fix=None, origin="letterlint", needs_parts=None, needs_text=None, needs_layout=False):
        # One update of the instance's dict (a frozen record refuses attribute assignment):
        # a run makes some three hundred rules, from the index and the decorators.
        self.__dict__.update(
            code=code, name=name, severity=severity, doctypes=doctypes,
            options={} if options is None else options, choices={} if choices is None else choices,
            patterns=frozenset() if patterns is None else patterns, fix=fix, origin=origin,
            needs_parts=needs_parts, needs_text=needs_text, needs_layout=needs_layout)
        self.__dict__["_address" if isinstance(check, str) else "check"] = check

    def can_fire(self, letter) -> bool:
        """False when the letter lacks what the rule declares it needs (so it would find nothing)."""
        return self.has_needed_parts(letter) and self.has_needed_text(letter)

    def has_needed_parts(self, letter) -> bool:
        """The half of ``can_fire`` that depends only on the kinds of part the letter has (and its layout)."""
        if self.needs_layout and letter.layout is None:
            return False
        return self.needs_parts is None or not self.needs_parts.isdisjoint(letter.kinds)

    def has_needed_text(self, letter) -> bool:
        """The half of ``can_fire`` that reads the text: one of the words it needs is there."""
        if self.needs_text is None:
            return True
        text = letter.text
        for word in self.needs_text:
            if word in text:
                return True
        return False

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    @property
    def doc(self) -> str:
        from inspect import cleandoc  # only the docs commands and the docs' tests read it

        return cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0] if self.doc else ""

    def example(self, label: str) -> str | None:
        """The ``反例`` or ``正例`` block of the docstring, dedented."""
        lines = self.doc.splitlines()
        for i, line in enumerate(lines):
            if line.strip() == f"{label}：":
                block = []
                for nxt in lines[i + 1:]:
                    if nxt.strip() and not nxt.startswith("    "):
                        break
                    block.append(nxt[4:])
                return "\n".join(block).strip("\n") + "\n"
        return None

    def applies_to(self, doctype: str) -> bool:
        return self.doctypes is None or doctype in self.doctypes

    def run(self, letter, options: dict[str, object] | None = None) -> Iterator[Finding]:
        merged = dict(self.options)
        if options:
            merged.update(options)
        yield from self.check(letter, merged)


def rule(code: str, name: str, severity: str, *, doctypes: Iterable[str] | None = None,
         options: dict[str, object] | None = None, choices: dict[str, Iterable[str]] | None = None,
         patterns: Iterable[str] = (), fix: str | None = None, fixable: bool = False,
         needs_parts: Iterable[str] | None = None, needs_text: Iterable[str] | None = None,
         needs_layout: bool = False):
    """Mark a generator function as a letterlint rule.

    ``needs_parts`` (part kinds) and ``needs_text`` (strings) declare what a
    letter must hold, at least one of each, for the rule to report anything:
    the engine then skips the rule cheaply on a letter without them.  Declare
    only what is true of every finding, also under any option (a rule that
    reports a missing part never needs that part).  ``needs_layout``: the rule
    reads only the Word layout, and is skipped on text and Markdown drafts.

    ``fix`` declares the tier of the fixes its findings carry: "safe" (the
    text means the same afterwards) or "unsafe" (wording or order changes).
    ``fixable=True`` without a tier (older plugins) counts as "unsafe".
    """
    if not CODE_RE.match(code):
        raise ValueError(f"rule code {code!r} must look like ABC-123")
    if severity not in SEVERITIES:
        raise ValueError(f"rule {code}: severity must be one of {SEVERITIES}")
    if fix is None and fixable:
        fix = "unsafe"
    if fix is not None and fix not in APPLICABILITIES:
        raise ValueError(f"rule {code}: fix must be one of {APPLICABILITIES}")

    patterns = tuple(patterns)
    if patterns:
        from letterlint.saferegex import rule_defaults

        rule_defaults(item for key in patterns for item in (options or {}).get(key) or ())

    def decorate(fn):
        fn.__letterlint_rule__ = Rule(
            code=code, name=name, severity=severity, check=fn,
            doctypes=frozenset(doctypes) if doctypes is not None else None,
            options=dict(options or {}), fix=fix,
            choices={k: tuple(v) for k, v in (choices or {}).items()},
            patterns=frozenset(patterns),
            origin=fn.__module__,
            needs_parts=frozenset(needs_parts) if needs_parts is not None else None,
            needs_text=tuple(needs_text) if needs_text is not None else None,
            needs_layout=needs_layout,
        )
        return fn

    return decorate
