"""Which staged files the pre-commit hook hands to letterlint (.pre-commit-hooks.yaml).

pre-commit selects with ``re.search`` on the path relative to the repository
root: a file is linted when ``files`` matches and ``exclude`` does not.
"""
import re
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")
ROOT = Path(__file__).resolve().parents[1]
HOOKS = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


def selected(hook: dict, path: str) -> bool:
    return bool(re.search(hook["files"], path)) and not re.search(hook.get("exclude", "^$"), path)


@pytest.mark.parametrize("path", ["来函.TXT", "drafts/复函.txt", "drafts/2024/答复.Md", "a.text",
                                  "docs/readme-draft/函.txt", "readmeletter.txt"])
@pytest.mark.parametrize("hook", ["letterlint", "letterlint-fix"])
def test_letters_are_linted_in_any_case(path, hook):
    assert selected(HOOKS[hook], path)


@pytest.mark.parametrize("path", ["README.md", "readme.txt", "docs/README.md", "CHANGELOG.md", "LICENSE.txt",
                                  "CONTRIBUTING.md", "sub/Changes.txt", "code_of_conduct.md", "a.py", "a.txt.bak",
                                  "pyproject.toml"])
@pytest.mark.parametrize("hook", ["letterlint", "letterlint-fix"])
def test_repository_documents_and_other_files_are_not(path, hook):
    assert not selected(HOOKS[hook], path)


@pytest.mark.parametrize("hook", ["letterlint", "letterlint-fix"])
def test_entry_applies_the_config_exclude_and_runs_once(hook):
    hook = HOOKS[hook]
    assert hook["entry"].split()[-2:] == ["--force-exclude", "--"]
    assert hook["require_serial"] is True and hook["language"] == "python"
    assert tuple(int(x) for x in hook["minimum_pre_commit_version"].split(".")) >= (3, 0, 0)
