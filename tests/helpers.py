"""Small helpers shared by the rule tests: lint a text, pick diagnostics."""
from __future__ import annotations

import textwrap

from letterlint.lint import Settings, lint_text


def lint(text: str, doctype: str | None = None, **settings):
    """Lint ``text`` (dedented) and return its diagnostics."""
    text = textwrap.dedent(text).lstrip("\n")
    return lint_text(text, "test.txt", Settings(doctype=doctype, **settings)).diagnostics


def spans(diags, code: str) -> list[tuple[int, int, int, int]]:
    """(line, column, end_line, end_column) of every diagnostic of ``code``."""
    return [(d.line, d.column, d.end_line, d.end_column) for d in diags if d.rule == code]


def codes(diags) -> set[str]:
    return {d.rule for d in diags}


def only(diags, code: str):
    found = [d for d in diags if d.rule == code]
    assert len(found) == 1, f"expected one {code}, got {found!r}"
    return found[0]


# --- pre-commit end-to-end tests ------------------------------------------------------------

def git(*args, cwd):
    """Run git in ``cwd`` and return its output (raises when git fails)."""
    import subprocess

    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


def make_draft_repo(tmp_path_factory, hook_id: str):
    """A fresh draft repository whose pre-commit runs ``hook_id`` from this checkout's HEAD.

    Skips the test when git, pre-commit or a git checkout is missing. Returns (repo, env).
    """
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    import pytest

    root = Path(__file__).resolve().parents[1]
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.skip("pre-commit is not installed")
    try:
        rev = git("rev-parse", "HEAD", cwd=root)
    except subprocess.CalledProcessError:
        pytest.skip("not a git checkout")
    repo = tmp_path_factory.mktemp("drafts")
    git("init", "-q", cwd=repo)
    git("config", "user.email", "clerk@example.invalid", cwd=repo)
    git("config", "user.name", "Clerk", cwd=repo)
    git("config", "core.autocrlf", "false", cwd=repo)  # the files' own line endings reach the hook
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {root.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: {hook_id}\n", encoding="utf-8")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")), NO_COLOR="1")
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, check=True,
                   capture_output=True)
    git("add", ".pre-commit-config.yaml", cwd=repo)
    return repo, env
