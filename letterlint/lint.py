"""The engine: decode → parse → run the rules → diagnostics.

This module is what the CLI, the tests and other programs call.  It never
prints; reporting is the job of ``letterlint.report``.
"""
from __future__ import annotations

import os

from letterlint.diagnostic import SEVERITY_RANK, Diagnostic, FileResult, Fix
from letterlint.model import Letter
from letterlint.parse import parse_text
from letterlint.record import Record, replace
from letterlint.rules import all_rules
from letterlint.rules.base import Rule
from letterlint.selection import Decision

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable


class Settings(Record):
    """What decides which rules run and how strictly, for one file.

    Built from the config files and the command line by ``config.settings_for``
    (once per distinct configuration: files that share one get the same
    object); the defaults run every rule at its own severity.  Whether a rule
    is on is decided by ``selection.Decision``, the one place that reads
    selectors.  Treat a Settings as frozen once it has been used: its rule
    selection is worked out on first use and kept.
    """

    select: list[str]                                    # empty: all rules
    extend_select: list[str]
    ignore: list[str]
    severity: dict[str, str]
    doctype: str | None
    rule_options: dict[str, dict[str, object]]
    fail_on: str

    _fields = ("select", "extend_select", "ignore", "severity", "doctype", "rule_options", "fail_on")

    def __init__(self, select=None, extend_select=None, ignore=None, severity=None, doctype=None,
                 rule_options=None, fail_on="error"):
        self.select = [] if select is None else select
        self.extend_select = [] if extend_select is None else extend_select
        self.ignore = [] if ignore is None else ignore
        self.severity = {} if severity is None else severity
        self.doctype = doctype
        self.rule_options = {} if rule_options is None else rule_options
        self.fail_on = fail_on

    @property
    def decision(self) -> Decision:
        d = self.__dict__.get("_decision")
        if d is None:
            d = self.__dict__["_decision"] = Decision(
                tuple(self.select), tuple(self.extend_select), tuple(self.ignore),
                tuple(self.severity.items()))
        return d

    def enabled(self, rule: Rule) -> bool:
        """Selected and not ignored (see ``selection.Decision.enabled``)."""
        return self.decision.enabled(rule.code, rule.name)

    def active(self) -> list[tuple[Rule, dict[str, object]]]:
        """The enabled rules with their options (defaults merged with the settings), worked out once."""
        cached = self.__dict__.get("_active")
        if cached is None:
            cached = []
            for rule in all_rules():
                if self.enabled(rule):
                    options = dict(rule.options)
                    options.update(self.rule_options.get(rule.code) or {})
                    cached.append((rule, options, self.decision.severity_override(rule.code, rule.name)))
            self.__dict__["_active"] = cached
        return [(r, o) for r, o, _ in cached]

    def active_for(self, doctype: str) -> list[tuple[Rule, dict[str, object], str | None]]:
        """The enabled rules that apply to this kind of document: (rule, options, severity override)."""
        by_kind = self.__dict__.setdefault("_active_for", {})
        found = by_kind.get(doctype)
        if found is None:
            self.active()
            found = by_kind[doctype] = [t for t in self.__dict__["_active"] if t[0].applies_to(doctype)]
        return found

    def runnable(self, letter) -> list[tuple[Rule, dict[str, object], str | None]]:
        """``active_for(letter.doctype)`` without the rules that need a kind of part the letter lacks (or a
        Word layout), worked out once per kind of document and set of part kinds: letters alike share it."""
        key = (letter.doctype, letter.kinds, letter.layout is None)
        cache = self.__dict__.setdefault("_runnable", {})
        found = cache.get(key)
        if found is None:
            if len(cache) >= 256:  # letters of very many shapes: start afresh rather than grow
                cache.clear()
            found = cache[key] = [t for t in self.active_for(letter.doctype) if t[0].has_needed_parts(letter)]
        return found

    def __getstate__(self):  # sent to worker processes without the caches
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def severity_of(self, rule: Rule, finding_severity: str | None) -> str:
        return self.decision.severity_override(rule.code, rule.name) or finding_severity or rule.severity

    def fails(self, diagnostics) -> bool:
        """Whether these diagnostics make the run fail (exit code 1) under ``fail_on``."""
        floor = SEVERITY_RANK[self.fail_on]
        return any(SEVERITY_RANK[d.severity] >= floor for d in diagnostics)


INTERNAL_CODE = "LINT-001"  # a rule raised: reported on the letter, exit code 2


class RuleCrash(Exception):
    """A rule raised: an internal failure, reported with exit code 2."""


_DEFAULTS = Settings()  # shared, so that its rule selection is worked out once


def _crash_diagnostic(rule: Rule, exc: BaseException) -> Diagnostic:
    detail = f"{type(exc).__name__}: {exc}"
    if len(detail) > 300:
        detail = detail[:300] + "…"
    return Diagnostic(1, 1, 1, 2, INTERNAL_CODE, "error",
                      f"内部错误：规则 {rule.code}（{rule.origin}）运行出错：{detail}",
                      "这是 letterlint 或规则插件的缺陷，请报告；其他规则的结果不受影响")


def _overlaps(span, spans) -> bool:
    return any(a < span.end_column and span.column < b for a, b in spans)


def _resolve_overlaps(found: list) -> list:
    """Drop the findings that declare themselves subsumed by another rule's finding on the same span.

    A finding with ``subsumed_by`` (rule codes) gives way only to a finding that
    one of those rules actually reported here: a rule that is not enabled, or
    not applicable, reported nothing, and the finding stands.
    """
    if not any(f.subsumed_by for _, f in found):
        return found
    cells: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for rule, f in found:
        s = f.span
        if s.line == s.end_line:
            cells.setdefault((rule.code, s.line), []).append((s.column, s.end_column))
    return [(rule, f) for rule, f in found
            if not any(_overlaps(f.span, cells.get((code, f.span.line), ())) for code in f.subsumed_by)]


def check_letter(letter: Letter, settings: Settings | None = None) -> list[Diagnostic]:
    """Run the enabled rules on a parsed letter.  The letter is not changed.

    A rule that raises becomes one ``LINT-001`` diagnostic (severity error)
    naming the rule and the exception; the other rules still report.
    """
    settings = settings or _DEFAULTS
    if settings.doctype and settings.doctype != letter.doctype:
        letter = replace(letter, doctype=settings.doctype, doctype_source="config", _memo={})
    found: list = []
    crashes: list[Diagnostic] = []
    # The rules whose needed parts the letter has; of those, the ones that need a word it lacks are skipped.
    for rule, options, override in settings.runnable(letter):
        if rule.needs_text is not None and not rule.has_needed_text(letter):
            continue  # the letter lacks what the rule needs: it would find nothing
        try:
            mine = list(rule.check(letter, options))
        except Exception as exc:  # one failing rule never stops the others
            crashes.append(_crash_diagnostic(rule, exc))
            continue
        if mine:
            found.extend([(rule, f, override) for f in mine])
    kept = _resolve_overlaps([(r, f) for r, f, _ in found]) if found else found
    overrides = {r.code: o for r, _, o in found}
    out: set[Diagnostic] = set(crashes)
    for rule, f in kept:
        s = f.span
        fix = f.fix
        if fix is not None and fix.applicability is None:  # the tier the rule declares
            fix = Fix(fix.edits, rule.fix or "unsafe")
        out.add(Diagnostic(s.line, s.column, s.end_line, s.end_column, rule.code,
                           overrides[rule.code] or f.severity or rule.severity, f.message, f.suggestion, fix))
    return sorted(out)


def read_letter(text: str, path: str = "<stdin>"):
    """The letter model of a draft's text, and for Markdown the map back to its columns (else None).

    A Markdown draft is read through its markup (``letterlint.markdown``); the
    diagnostics found on it go back to the .md file's columns with
    ``columns.diagnostic(d)``.  The check and the fixer both read drafts here.
    """
    if not path.lower().endswith(".md"):
        return parse_text(text, path), None
    from letterlint.markdown import letter_view
    from letterlint.suppress import strip_markdown_comments

    parsed, columns = letter_view(strip_markdown_comments(text))
    return parse_text(parsed, path), columns


def check_text(text: str, path: str = "<stdin>", settings: Settings | None = None,
               encoding: str | None = None) -> FileResult:
    """Parse and check one text with these settings: no config lookup, no suppressions, no baseline."""
    letter, columns = read_letter(text, path)
    diags = check_letter(letter, settings)
    if columns is not None:  # back to the columns of the Markdown source
        diags = [columns.diagnostic(d) for d in diags]
    doctype = settings.doctype if settings and settings.doctype else letter.doctype
    return FileResult(path=path, diagnostics=diags, doctype=doctype, encoding=encoding,
                      lines=text.split("\n"))


def check_path(path: str | os.PathLike, settings: Settings | None = None,
               encoding: str | None = None) -> FileResult:
    """``check_text`` on a file read from disk (an unreadable file is a result with ``error``)."""
    from letterlint.decode import InputError, read_path
    from letterlint.docx.sniff import kind_of_path

    kind = kind_of_path(path)
    if kind:  # a Word, WPS or PDF file, whatever its name says
        from letterlint.docx.check import lint_word_path

        return lint_word_path(os.fspath(path), kind, settings)
    try:
        source = read_path(path, encoding)
    except InputError as exc:
        return FileResult(path=os.fspath(path), error=str(exc))
    return check_text(source.text, os.fspath(path), settings, source.encoding)


def check_bytes(data: bytes, path: str = "<stdin>", settings: Settings | None = None,
                encoding: str | None = None) -> FileResult:
    """``check_text`` on bytes (standard input): a Word file is read as such, whatever its name."""
    from letterlint.decode import InputError, decode_bytes
    from letterlint.docx.sniff import kind_of_bytes

    kind = kind_of_bytes(data[:1024])
    if kind:
        from letterlint.docx.check import lint_word

        return lint_word(data, path, kind, settings)
    try:
        source = decode_bytes(data, encoding, name=path)
    except InputError as exc:
        return FileResult(path=path, error=str(exc))
    return check_text(source.text, path, settings, source.encoding)


class Engine:
    """One run: configuration, suppressions and baseline, applied the same way for every caller.

    The command line, ``lint_path`` and ``lint_text`` all go through an Engine,
    so a file gets the same diagnostics however it is linted.  Configs and
    sidecar files are found by walking up from each file and cached per
    directory; Settings are built once per distinct configuration.
    """

    def __init__(self, config: str | None = None, isolated: bool = False, cli=None,
                 baseline: str | None = None):
        from letterlint.config import CliOptions, ConfigResolver

        self.resolver = ConfigResolver(config, isolated)
        self.cli = cli or CliOptions()
        self.isolated = isolated
        self._suppressions = None
        self.baseline = None
        if baseline:
            from letterlint.suppress import Baseline

            self.baseline = Baseline.load(baseline)

    @property
    def suppressions(self):
        if self._suppressions is None:
            from letterlint.suppress import Suppressions

            self._suppressions = Suppressions(isolated=self.isolated)
        return self._suppressions

    def config_for(self, path: str):
        return self.resolver.for_path(path)

    def settings_for(self, path: str) -> Settings:
        from letterlint.config import settings_for

        return settings_for(path, self.config_for(path), self.cli)

    def excluded(self, path: str) -> bool:
        from letterlint.config import is_excluded

        return is_excluded(path, self.config_for(path))

    def finish(self, result: FileResult) -> FileResult:
        """Apply the suppressions and the baseline to a checked file (in place; returned)."""
        if result.error:
            return result
        self.suppressions.apply(result)  # also when clean: a malformed sidecar is an error either way
        if self.baseline is not None:
            self.baseline.filter(result)
        return result

    def lint_text(self, text: str, path: str = "<stdin>", encoding: str | None = None,
                  settings: Settings | None = None) -> FileResult:
        return self.finish(check_text(text, path, settings or self.settings_for(path), encoding))

    def lint_path(self, path: str | os.PathLike, encoding: str | None = None,
                  settings: Settings | None = None) -> FileResult:
        name = os.fspath(path)
        return self.finish(check_path(name, settings or self.settings_for(name), encoding))

    def lint_bytes(self, data: bytes, path: str = "<stdin>", encoding: str | None = None,
                   settings: Settings | None = None) -> FileResult:
        return self.finish(check_bytes(data, path, settings or self.settings_for(path), encoding))


_ENGINE: list[Engine] = []


def default_engine() -> Engine:
    """The Engine of ``lint_text``/``lint_path``: configs found from each file, kept for the process."""
    if not _ENGINE:
        _ENGINE.append(Engine())
    return _ENGINE[0]


def lint_text(text: str, path: str = "<stdin>", settings: Settings | None = None,
              encoding: str | None = None) -> FileResult:
    """Lint a text as the command line lints a file of that name.

    Without ``settings``, the configuration is the one found for ``path``;
    the sidecar suppressions found for ``path`` apply either way.
    """
    return default_engine().lint_text(text, path, encoding, settings)


def lint_source(source, path: str, settings: Settings | None = None) -> FileResult:
    return lint_text(source.text, path, settings, source.encoding)


def lint_bytes(data: bytes, path: str = "<stdin>", settings: Settings | None = None,
               encoding: str | None = None) -> FileResult:
    return default_engine().lint_bytes(data, path, encoding, settings)


def lint_path(path: str | os.PathLike, settings: Settings | None = None,
              encoding: str | None = None) -> FileResult:
    """Lint a file as ``letterlint PATH`` does (config, suppressions; see ``lint_text``)."""
    return default_engine().lint_path(path, encoding, settings)
