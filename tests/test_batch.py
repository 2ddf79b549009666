"""The batch recipe (docs/batch.md): one JSON line per file, the same as --format json."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from letterlint.batch import letter_paths, lint_json_line, lint_record

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ROOT / "tests" / "letters"


def _cli_json(paths: list[str]) -> dict[str, dict]:
    out = subprocess.run([sys.executable, "-m", "letterlint", "--isolated", "--jobs", "1", "--format", "json",
                          *paths], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode in (0, 1), out.stderr
    return {f["path"]: f for f in json.loads(out.stdout)["files"]}


@pytest.fixture(scope="module")
def sample_paths() -> list[str]:
    paths = [os.path.relpath(p, ROOT) for p in letter_paths(LETTERS)]
    assert len(paths) > 30  # good, quirky and bad letters
    return paths


def test_letter_paths_finds_letters_case_insensitively_and_skips_hidden(tmp_path):
    (tmp_path / "a.TXT").write_text("x", encoding="utf-8")
    (tmp_path / "b.md").write_text("x", encoding="utf-8")
    (tmp_path / "c.docx.bak").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "e.txt").write_text("x", encoding="utf-8")
    found = [os.path.relpath(p, tmp_path) for p in letter_paths(tmp_path)]
    assert found == ["a.TXT", "b.md", os.path.join("sub", "e.txt")]


def test_one_line_per_file_equals_the_cli_json_entry(sample_paths):
    cli = _cli_json(sample_paths)
    for path in sample_paths:
        line = lint_json_line(path if os.path.isabs(path) else str(ROOT / path))
        assert "\n" not in line
        record = json.loads(line)
        record["path"] = path
        assert record == cli[path], path


def test_an_unreadable_file_is_a_record_not_an_exception(tmp_path):
    bad = tmp_path / "乱码.txt"
    bad.write_bytes(b"\x00\x01\x02binary\xff\xfe" * 10)
    record = lint_record(bad)
    assert record["path"] == str(bad)
    assert record["diagnostics"] == []
    assert record["error"]


def test_dask_bag_on_the_local_scheduler_writes_the_same_records(sample_paths, tmp_path):
    db = pytest.importorskip("dask.bag")
    absolute = [str(ROOT / p) for p in sample_paths]
    bag = db.from_sequence(absolute, npartitions=2).map(lint_json_line)
    bag.to_textfiles(str(tmp_path / "part-*.jsonl"), scheduler="processes", num_workers=2)
    records = {}
    for part in sorted(tmp_path.glob("part-*.jsonl")):
        for line in part.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            records[os.path.relpath(record.pop("path"), ROOT)] = record
    cli = _cli_json(sample_paths)
    assert set(records) == set(sample_paths)
    for path in sample_paths:
        expected = dict(cli[path])
        expected.pop("path")
        assert records[path] == expected, path
