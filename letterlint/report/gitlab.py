"""GitLab Code Quality (a subset of the Code Climate issue format), for the merge request widget.

A JSON list of issues: description (message and suggestion), check_name
(the rule code), a fingerprint that does not depend on the line number (see
``sarif.fingerprints``), GitLab's severity and the location (path and lines).
An input that could not be linted is one ``critical`` issue on its line 1.
For a Word document the lines are paragraphs and the description starts
with ``段N:列M``.
"""
from __future__ import annotations

import hashlib
import json

from letterlint.report import printable
from letterlint.report.places import word_place
from letterlint.report.sarif import fingerprints, message_text, relative_path

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}
INPUT_ERROR = "LETTERLINT-INPUT"


def issues(results) -> list[dict]:
    out = []
    for r in results:
        path = printable(relative_path(r.path))
        if r.error:
            fp = hashlib.sha256("\x00".join((path, INPUT_ERROR)).encode("utf-8")).hexdigest()
            out.append({"description": printable(r.error), "check_name": INPUT_ERROR, "fingerprint": fp,
                        "severity": "critical", "location": {"path": path, "lines": {"begin": 1}}})
            continue
        for d, fp in zip(r.diagnostics, fingerprints(r), strict=True):
            place = word_place(r, d) if r.paragraphs is not None else None
            begin, end = (d.line, d.end_line) if place is None else (place.paragraph, place.end_paragraph)
            message = message_text(d) if place is None else f"{place.label} {message_text(d)}"
            out.append({"description": printable(message), "check_name": d.rule, "fingerprint": fp,
                        "severity": SEVERITY.get(d.severity, "minor"),
                        "location": {"path": path, "lines": {"begin": max(1, begin), "end": max(1, begin, end)}}})
    return out


def render(results, stream, options) -> None:
    json.dump(issues(results), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
