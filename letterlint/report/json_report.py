"""Exactly one JSON document: files with their diagnostics, and a summary."""
from __future__ import annotations

import json

from letterlint import doctypes
from letterlint.report import printable, summary


def _diagnostic(result, d) -> dict:
    out = _escaped(d.to_dict())
    if result.paragraphs is not None:  # a Word document: where its reader finds it
        from letterlint.report.places import word_place

        place = word_place(result, d)
        if place is not None:
            out["paragraph"], out["paragraph_column"] = place.paragraph, place.column
            if place.run is not None:
                out["run"] = place.run
            out["end_paragraph"], out["end_paragraph_column"] = place.end_paragraph, place.end_column
    return out


def file_entry(r) -> dict:
    """One file's object in ``files``: also the record of a JSON-lines batch run."""
    entry = {"path": printable(r.path), "doctype": r.doctype,
             "doctype_label": doctypes.label(r.doctype) if r.doctype else None,
             "encoding": r.encoding,
             "diagnostics": [_diagnostic(r, d) for d in r.diagnostics]}
    if r.error:
        entry["error"] = printable(r.error)
    return entry


def _escaped(entry: dict) -> dict:
    """Messages quote the letter: its controls and bidi overrides are shown escaped, as in every format."""
    for key in ("message", "suggestion"):
        if isinstance(entry.get(key), str):
            entry[key] = printable(entry[key])
    return entry


def document(results) -> dict:
    files = [file_entry(r) for r in results]
    return {"version": 1, "files": files, "summary": summary(results)}


def render(results, stream, options) -> None:
    json.dump(document(results), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
