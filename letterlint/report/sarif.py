"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run: the tool with every rule (code, name, summary, documentation,
default level, help in Markdown, and the properties GitHub code scanning
reads: ``precision``, ``problem.severity``, ``tags``), one artifact per input
(with its encoding), one result per diagnostic.

Columns are UTF-16 code units (``columnKind: utf16CodeUnits``), converted
from letterlint's code-point columns with the line's text: that is SARIF's
default kind, the one GitHub and editors assume whatever the file says, so a
column right after 𠮷 (two UTF-16 units, one code point) lands on the same
character for every consumer.  ``endColumn`` is exclusive.  Each result
carries ``partialFingerprints.primaryLocationLineHash`` (the key GitHub uses
to follow an alert across commits; ours does not depend on the line number)
and letterlint's own ``letterlintFingerprint/v1``.  For a Word document
the region's lines are paragraphs and its columns count in the paragraph
(``report.places``), the message starts with ``段N:列M``, and the result's
``properties`` hold paragraph, column and run.  An input that
could not be linted is not a result but a tool execution notification, and
makes ``executionSuccessful`` false.

The helpers at the top (path, message, fingerprint) are shared by the other
machine-readable reporters (github, gitlab, junit).
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path, PurePath
from urllib.parse import quote

from letterlint.report import printable

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/letterlint/"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}

# --- helpers shared by the CI reporters -------------------------------------------------


def relative_path(path: str) -> str:
    """The path as CI systems want it: relative to the working directory when it lies
    below it, forward slashes, no leading ``./``.  ``<stdin>`` and the like stay as they are."""
    if path in ("-", "") or path.startswith("<"):
        return path
    p = path
    if os.path.isabs(p):
        try:
            rel = os.path.relpath(p)
        except ValueError:  # another drive (Windows)
            rel = None
        if rel is not None and PurePath(rel).parts[:1] != ("..",):
            p = rel
    if os.sep != "/":
        p = p.replace(os.sep, "/")
    while p.startswith("./"):
        p = p[2:]
    return p


def message_text(d) -> str:
    """The Chinese message, then the suggestion if there is one (raw: each format escapes it its own way)."""
    if not d.suggestion:
        return d.message
    return f"{d.message.rstrip('。')}。建议：{d.suggestion}"


def span_text(result, d) -> str:
    """The characters a diagnostic covers (``end_column`` exclusive), across lines if need be."""
    lines = result.lines
    if not (0 < d.line <= len(lines)):
        return ""
    if d.end_line <= d.line:
        return lines[d.line - 1][d.column - 1:max(d.column - 1, d.end_column - 1)]
    pieces = [lines[d.line - 1][d.column - 1:]]
    for n in range(d.line + 1, min(d.end_line, len(lines)) + 1):
        text = lines[n - 1]
        pieces.append(text[:d.end_column - 1] if n == d.end_line else text)
    return "\n".join(pieces)


def fingerprints(result) -> list[str]:
    """One stable fingerprint per diagnostic of ``result``, in order.

    sha256 of the path, the rule code, the offending text (the whole line,
    stripped, when the span is empty) and the occurrence index of that
    (rule, text) pair in the file: not the line number, so a problem keeps its
    fingerprint when lines are inserted or removed elsewhere in the letter.
    """
    path = relative_path(result.path)
    seen: dict[tuple[str, str], int] = {}
    out = []
    for d in result.diagnostics:
        text = span_text(result, d)
        if not text.strip() and 0 < d.line <= len(result.lines):
            text = result.lines[d.line - 1].strip()
        n = seen.get((d.rule, text), 0)
        seen[(d.rule, text)] = n + 1
        key = "\x00".join((path, d.rule, text, str(n)))
        out.append(hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest())
    return out


# --- SARIF ----------------------------------------------------------------------------------


def _artifact_location(path: str, index: int) -> dict:
    rel = relative_path(path)
    if os.path.isabs(rel):  # outside the working directory: an absolute file URI, no base
        if os.name == "nt":
            return {"uri": Path(rel).as_uri(), "index": index}
        return {"uri": "file://" + quote(os.fsencode(rel), safe="/"), "index": index}
    # The file name's bytes, percent-encoded: exact also for a name that is not UTF-8.
    return {"uri": quote(os.fsencode(rel), safe="/"), "uriBaseId": "%SRCROOT%", "index": index}


def _encoding(name: str | None) -> str | None:
    if not name:
        return None
    return {"utf-8-sig": "utf-8", "utf_8": "utf-8"}.get(name.lower(), name.lower())


# GitHub's problem.severity and precision for each letterlint severity.  An error-level rule
# checks a mandated textual form exactly (very few false alarms); a warning is a likely
# defect that a reviewer may accept; an info is a matter of style.
PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}
PRECISION = {"error": "very-high", "warning": "high", "info": "medium"}


def _rule_descriptor(rule) -> dict:
    from letterlint.report import doc_markdown

    desc = {"id": rule.code, "name": rule.name}
    if rule.summary:
        desc["shortDescription"] = {"text": rule.summary}
    if rule.doc:
        desc["fullDescription"] = {"text": rule.doc}
        markdown = "\n".join([f"**{rule.code}** `{rule.name}`", "", *doc_markdown(rule.doc)])
        desc["help"] = {"text": rule.doc, "markdown": markdown}
    desc["defaultConfiguration"] = {"level": LEVEL[rule.severity]}
    desc["properties"] = {"precision": PRECISION[rule.severity],
                          "problem.severity": PROBLEM_SEVERITY[rule.severity],
                          "tags": ["公文", rule.code.split("-")[0]]}
    return desc


def utf16_column(text: str, column: int) -> int:
    """A 1-based code-point column of ``text`` as a 1-based UTF-16 code-unit column."""
    before = text[:max(0, column - 1)]
    if before.isascii():
        return column
    return len(before.encode("utf-16-le")) // 2 + 1 + max(0, column - 1 - len(before))


def _region(d, lines: list[str]) -> dict:
    line = max(1, d.line)
    end_line = max(line, d.end_line)
    column = max(1, d.column)
    end_column = max(1, d.end_column)
    if end_line == line:
        end_column = max(column, end_column)

    def text(n: int) -> str:
        return lines[n - 1] if 0 < n <= len(lines) else ""

    return {"startLine": line, "startColumn": utf16_column(text(line), column), "endLine": end_line,
            "endColumn": utf16_column(text(end_line), end_column)}


def _word_place(result, d):
    if result.paragraphs is None:
        return None
    from letterlint.report.places import word_place

    return word_place(result, d)


def _word_region(result, place) -> dict:
    """A Word document's region: paragraphs as lines, columns in the paragraph (a .docx has no text lines)."""
    from letterlint.report.places import paragraph_utf16_column

    return {"startLine": place.paragraph, "startColumn": paragraph_utf16_column(result, place.paragraph, place.column),
            "endLine": place.end_paragraph,
            "endColumn": paragraph_utf16_column(result, place.end_paragraph, place.end_column)}


def _word_properties(d, place) -> dict:
    """The Word position in letterlint's own terms, and the text-view position the rules reported."""
    props = {"paragraph": place.paragraph, "paragraphColumn": place.column, "endParagraph": place.end_paragraph,
             "endParagraphColumn": place.end_column, "textLine": d.line, "textColumn": d.column}
    if place.run is not None:
        props["run"] = place.run
    return props


def document(results) -> dict:
    from letterlint import __version__
    from letterlint.rules import all_rules

    rules = [_rule_descriptor(r) for r in all_rules()]
    index = {r["id"]: i for i, r in enumerate(rules)}
    # Codes outside the registry (SUPPRESS-001, a rule that is gone) still get a descriptor.
    for code in sorted({d.rule for r in results for d in r.diagnostics} - set(index)):
        index[code] = len(rules)
        rules.append({"id": code})

    artifacts, sarif_results, notifications = [], [], []
    for i, r in enumerate(results):
        location = _artifact_location(r.path, i)
        artifact = {"location": dict(location)}
        del artifact["location"]["index"]
        encoding = _encoding(r.encoding)
        if encoding:
            artifact["encoding"] = encoding
        artifacts.append(artifact)
        if r.error:
            notifications.append({"level": "error", "message": {"text": printable(r.error)},
                                  "locations": [{"physicalLocation": {"artifactLocation": location}}]})
            continue
        for d, fp in zip(r.diagnostics, fingerprints(r), strict=True):
            place = _word_place(r, d)
            message = message_text(d) if place is None else f"{place.label} {message_text(d)}"
            region = _region(d, r.lines) if place is None else _word_region(r, place)
            entry = {
                "ruleId": d.rule,
                "ruleIndex": index[d.rule],
                "level": LEVEL.get(d.severity, "warning"),
                "message": {"text": printable(message)},
                "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
                "partialFingerprints": {"primaryLocationLineHash": f"{fp[:16]}:1", "letterlintFingerprint/v1": fp},
            }
            if place is not None:
                entry["properties"] = _word_properties(d, place)
            sarif_results.append(entry)

    invocation = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {"driver": {"name": "letterlint", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI, "rules": rules}},
        "invocations": [invocation],
        "artifacts": artifacts,
        "results": sarif_results,
        "columnKind": "utf16CodeUnits",
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(results, stream, options) -> None:
    json.dump(document(results), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
