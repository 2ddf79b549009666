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
    stream.write(dumps(document(results)))
    stream.write("\n")


_SCALARS = {True: "true", False: "false", None: "null"}


def dumps(obj, level: int = 0) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=2)``, the same text, several times faster.

    ``json`` formats indented output in pure Python, a generator per value;
    here each string goes through the encoder's C routine and the nesting is
    joined directly.  Only the types a report holds (dict with string keys,
    list, str, int, float, bool, None) are written here; anything else goes
    to ``json.dumps``.
    """
    kind = type(obj)
    if kind is str:
        return _string(obj)
    if kind is dict:
        if not obj:
            return "{}"
        pad = "\n" + "  " * (level + 1)
        items = []
        for key, value in obj.items():
            if type(key) is not str:
                return _fallback(obj, level)
            items.append(_string(key) + ": " + dumps(value, level + 1))
        return "{" + pad + ("," + pad).join(items) + "\n" + "  " * level + "}"
    if kind is list:
        if not obj:
            return "[]"
        pad = "\n" + "  " * (level + 1)
        return "[" + pad + ("," + pad).join([dumps(v, level + 1) for v in obj]) + "\n" + "  " * level + "]"
    if kind is int or obj is None or kind is bool:
        return _SCALARS[obj] if kind is not int else int.__repr__(obj)
    return _fallback(obj, level)


def _fallback(obj, level: int) -> str:
    text = json.dumps(obj, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * level) if level else text


_string = json.encoder.encode_basestring
