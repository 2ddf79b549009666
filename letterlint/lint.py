"""The engine: decode → parse → run the rules → diagnostics.

This module is what the CLI, the tests and other programs call.  It never
prints; reporting is the job of ``letterlint.report``.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from letterlint.diagnostic import SEVERITY_RANK, Diagnostic, FileResult
from letterlint.model import Letter
from letterlint.parse import parse_text
from letterlint.rules import all_rules
from letterlint.rules.base import Rule


@dataclass
class Settings:
    """What decides which rules run and how strictly, for one file.

    Built from the config files and the command line by ``config.settings_for``;
    the defaults run every rule at its own severity.
    """

    select: list[str] = field(default_factory=list)      # empty: all rules
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    doctype: str | None = None
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    fail_on: str = "error"

    def enabled(self, rule: Rule) -> bool:
        """Selected and not ignored; when both match, the more specific selector wins."""
        def hit(selectors: Iterable[str]) -> int:
            best = -1
            for s in selectors:
                s = s.strip()
                if s == rule.name:
                    best = max(best, 100)
                elif rule.code.upper().startswith(s.upper()):
                    best = max(best, len(s))
            return best

        sel = max(hit(self.select) if self.select else 0, hit(self.extend_select))
        if sel < 0:
            return False
        ign = hit(self.ignore)
        return ign < 0 or sel > ign

    def active(self) -> list[tuple[Rule, dict[str, Any]]]:
        """The enabled rules with their options (defaults merged with the settings).

        Worked out once per selection, not once per letter: the engine asks for
        every file, and a directory may share one Settings.
        """
        key = (tuple(self.select), tuple(self.extend_select), tuple(self.ignore),
               repr(sorted(self.rule_options.items())))
        cached = self.__dict__.get("_active")
        if cached is None or cached[0] != key:
            active = []
            for rule in all_rules():
                if self.enabled(rule):
                    options = dict(rule.options)
                    options.update(self.rule_options.get(rule.code) or {})
                    active.append((rule, options))
            cached = (key, active)
            self.__dict__["_active"] = cached
        return cached[1]

    def active_for(self, doctype: str) -> list[tuple[Rule, dict[str, Any]]]:
        """``active()`` narrowed to the rules that apply to this kind of document."""
        by_kind = self.__dict__.setdefault("_active_for", {})
        self.active()
        key = (self.__dict__["_active"][0], doctype)
        if key not in by_kind:
            by_kind[key] = [(r, o) for r, o in self.active() if r.applies_to(doctype)]
        return by_kind[key]

    def __getstate__(self):  # sent to worker processes without the cache
        return {k: v for k, v in self.__dict__.items() if k not in ("_active", "_active_for")}

    def severity_of(self, rule: Rule, finding_severity: str | None) -> str:
        return self.severity.get(rule.code) or finding_severity or rule.severity

    def fails(self, diagnostics) -> bool:
        """Whether these diagnostics make the run fail (exit code 1) under ``fail_on``."""
        floor = SEVERITY_RANK[self.fail_on]
        return any(SEVERITY_RANK[d.severity] >= floor for d in diagnostics)


class RuleCrash(Exception):
    """A rule raised: an internal failure, reported with exit code 2."""


_DEFAULTS = Settings()  # shared, so that its rule selection is worked out once


def check_letter(letter: Letter, settings: Settings | None = None) -> list[Diagnostic]:
    settings = settings or _DEFAULTS
    if settings.doctype:
        letter.doctype = settings.doctype
        letter.doctype_source = "config"
    out: set[Diagnostic] = set()
    for rule, options in settings.active_for(letter.doctype):
        try:
            for f in rule.check(letter, options):
                s = f.span
                out.add(Diagnostic(s.line, s.column, s.end_line, s.end_column, rule.code,
                                   settings.severity_of(rule, f.severity), f.message, f.suggestion))
        except Exception as exc:
            raise RuleCrash(f"规则 {rule.code}（{rule.origin}）运行出错：{type(exc).__name__}: {exc}") from exc
    return sorted(out)


def lint_text(text: str, path: str = "<stdin>", settings: Settings | None = None,
              encoding: str | None = None) -> FileResult:
    parsed, columns = text, None
    if path.lower().endswith(".md"):
        from letterlint.markdown import letter_view
        from letterlint.suppress import strip_markdown_comments

        parsed, columns = letter_view(strip_markdown_comments(text))
    letter = parse_text(parsed, path)
    diags = check_letter(letter, settings)
    if columns is not None:  # back to the columns of the Markdown source
        diags = [columns.diagnostic(d) for d in diags]
    return FileResult(path=path, diagnostics=diags, doctype=letter.doctype, encoding=encoding,
                      lines=text.split("\n"))


def lint_source(source, path: str, settings: Settings | None = None) -> FileResult:
    return lint_text(source.text, path, settings, source.encoding)


def lint_bytes(data: bytes, path: str = "<stdin>", settings: Settings | None = None,
               encoding: str | None = None) -> FileResult:
    from letterlint.decode import InputError, decode_bytes
    from letterlint.docx.sniff import kind_of_bytes

    kind = kind_of_bytes(data[:1024])
    if kind:  # a Word, WPS or PDF file, whatever its name says
        from letterlint.docx.check import lint_word

        return lint_word(data, path, kind, settings)
    try:
        source = decode_bytes(data, encoding, name=path)
    except InputError as exc:
        return FileResult(path=path, error=str(exc))
    return lint_source(source, path, settings)


def lint_path(path: str | os.PathLike, settings: Settings | None = None,
              encoding: str | None = None) -> FileResult:
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
    return lint_source(source, os.fspath(path), settings)
