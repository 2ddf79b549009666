"""Archive-scale runs: one JSON line per file, for a distributed engine to map.

An archive of millions of letters is a batch job, not a command line.  These
functions are the unit of work such a job maps over its partitions (Dask bag,
Spark RDD, a plain ``multiprocessing`` pool): each takes one path, lints it
with the same engine as ``letterlint PATH``, and returns one line of JSON
whose object is exactly that file's entry in ``letterlint --format json``.
A file that cannot be read becomes a record with ``error``, never an
exception, so one bad file does not fail a partition.  ``docs/batch.md``
gives the recipe.
"""
from __future__ import annotations

import json
import os

from letterlint.lint import Settings, lint_path
from letterlint.report.json_report import file_entry

__all__ = ["lint_record", "lint_json_line", "letter_paths"]


def lint_record(path: str | os.PathLike, settings: Settings | None = None,
                encoding: str | None = None) -> dict:
    """The ``--format json`` entry of one file (``path``, ``doctype``, ``diagnostics``, …)."""
    return file_entry(lint_path(path, settings, encoding))


def lint_json_line(path: str | os.PathLike, settings: Settings | None = None,
                   encoding: str | None = None) -> str:
    """``lint_record`` as one line of JSON (no newline inside, none at the end)."""
    return json.dumps(lint_record(path, settings, encoding), ensure_ascii=False, separators=(",", ":"))


def letter_paths(root: str | os.PathLike, suffixes: tuple[str, ...] = (".txt", ".md")) -> list[str]:
    """Every regular file under ``root`` whose name ends in one of ``suffixes`` (case-insensitive), sorted.

    A plain walk for archives that are not git work trees; hidden folders are skipped
    and links are not followed.
    """
    found = []
    suffixes = tuple(s.lower() for s in suffixes)
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            full = os.path.join(folder, name)
            if name.lower().endswith(suffixes) and os.path.isfile(full) and not os.path.islink(full):
                found.append(full)
    return sorted(found)
