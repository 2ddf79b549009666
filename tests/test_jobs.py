"""The default --jobs: one process for little work, every CPU once the work left is worth it."""
from pathlib import Path

import pytest

from letterlint import cli

GOOD = Path(__file__).parent / "letters" / "good"


def _run(capsys, *argv):
    code = cli.main(["--isolated", "--format", "json", *map(str, argv)])
    return code, capsys.readouterr().out


@pytest.fixture
def folder(tmp_path):
    letters = sorted(GOOD.glob("*.txt"))
    for i in range(40):
        src = letters[i % len(letters)]
        (tmp_path / f"{i:03d}.txt").write_bytes(src.read_bytes())
    return tmp_path


def test_little_work_stays_in_one_process(folder, capsys, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a worker pool was started for less work than it pays for")

    monkeypatch.setattr(cli, "_lint_parallel", no_pool)
    monkeypatch.setattr(cli, "PARALLEL_WORTH_S", 3600.0)
    code, _ = _run(capsys, folder)
    assert code == 0


def test_the_rest_goes_parallel_with_the_same_report(folder, capsys, monkeypatch):
    serial = _run(capsys, "--jobs", "1", folder)
    started = []
    real = cli._lint_parallel

    def spy(paths, settings, args, jobs):
        started.append(len(paths))
        return real(paths, settings, args, max(2, jobs))

    monkeypatch.setattr(cli, "_lint_parallel", spy)
    monkeypatch.setattr(cli, "PARALLEL_WORTH_S", 0.0)
    monkeypatch.setattr(cli, "ESTIMATE_AFTER_S", 0.0)
    monkeypatch.setattr(cli.os, "cpu_count", lambda: 2)
    adaptive = _run(capsys, folder)
    assert started and started[0] == 39          # the first file in this process, the rest on workers
    assert adaptive == serial
