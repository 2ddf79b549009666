"""docs/api.md: every ```python block runs (from the repository root), and gives what the command line gives."""
import json
import re
from pathlib import Path

import pytest

from letterlint.cli import main

ROOT = Path(__file__).resolve().parents[1]
BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "api.md").read_text(encoding="utf-8"), re.S)


def test_the_page_has_examples():
    assert len(BLOCKS) >= 4


@pytest.mark.parametrize("n", range(len(BLOCKS)))
def test_example_runs(n, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    exec(compile(BLOCKS[n], f"docs/api.md block {n + 1}", "exec"), {"__name__": f"api_doc_{n}"})


@pytest.mark.parametrize("path", ["examples/有问题的函.txt", "examples/建议答复函.txt",
                                  "examples/configs/city-reply-office/复文-待改.txt",
                                  "examples/configs/ministry/函-待改.txt"])
def test_api_gives_the_same_diagnostics_as_the_command_line(path, monkeypatch, capsys):
    from letterlint import lint_path

    monkeypatch.chdir(ROOT)
    main(["--format", "json", path])
    cli = json.loads(capsys.readouterr().out)["files"][0]
    result = lint_path(path)
    assert [d.to_dict() for d in result.diagnostics] == cli["diagnostics"]
    assert result.doctype == cli["doctype"] and result.encoding == cli["encoding"]
