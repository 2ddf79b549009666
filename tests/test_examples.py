"""The bundled examples: the demo letters and the example office configurations."""
import json
from pathlib import Path

import pytest

from letterlint.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def lint_json(capsys, *paths):
    code = main(["--format", "json", *map(str, paths)])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("office,clean,flawed,expected", [
    ("city-reply-office", "复文-合格.txt", "复文-待改.txt",
     {"ORG-001", "REPLY-001", "REPLY-004", "REPLY-010", "REPLY-011"}),
    ("ministry", "函-合格.txt", "函-待改.txt", {"DOCNUM-002", "DATE-002", "TITLE-001"}),
])
def test_example_configs(capsys, office, clean, flawed, expected):
    folder = EXAMPLES / "configs" / office
    code, doc = lint_json(capsys, folder / clean)
    assert code == 0 and doc["files"][0]["diagnostics"] == [], doc
    code, doc = lint_json(capsys, folder / flawed)
    assert code == 1
    assert expected <= {d["rule"] for d in doc["files"][0]["diagnostics"]}


def test_city_config_makes_the_copy_to_rule_an_error(capsys):
    code, doc = lint_json(capsys, EXAMPLES / "configs" / "city-reply-office" / "复文-待改.txt")
    severities = {d["rule"]: d["severity"] for d in doc["files"][0]["diagnostics"]}
    assert severities["REPLY-011"] == "error"


def test_readme_opens_with_the_two_setup_commands_and_ci_runs_the_second():
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert len(first_block) == 2
    install, test = first_block
    assert install.startswith("python -m pip install . && letterlint examples/")
    assert test in (root / ".ci" / "run").read_text(encoding="utf-8").splitlines()
