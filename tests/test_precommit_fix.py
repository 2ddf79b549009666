"""End to end with the real pre-commit: the ``letterlint-fix`` hook fixes the draft in place.

As ruff's fix hook: a commit whose letter the hook changed fails, so that the
writer sees the change; the file keeps its encoding and line endings; after
``git add`` the commit passes.  A problem no safe fix removes still blocks.
Needs git, pre-commit and the package index, like tests/test_precommit.py.
"""
import subprocess

import pytest
from helpers import make_draft_repo

GOOD = "关于商请协助开展道路安全检查的函\n\n示例市公安局：\n为做好道路安全检查工作，现商请贵局派员协助。\n请予函复。\n\n示例市交通运输局\n2024年5月6日\n"
FIXABLE = GOOD.replace("2024年5月6日", "2024年05月06日").replace("示例市公安局：", "示例市公安局:")
UNFIXABLE = GOOD.replace("2024年5月6日", "2024年2月30日")

pytestmark = pytest.mark.precommit


@pytest.fixture(scope="module")
def draft_repo(tmp_path_factory):
    return make_draft_repo(tmp_path_factory, "letterlint-fix")


def commit(repo, env, name):
    subprocess.run(["git", "add", name], cwd=repo, check=True)
    return subprocess.run(["git", "commit", "-m", f"add {name}"], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=600)


def test_fixed_letter_fails_once_then_passes(draft_repo):
    repo, env = draft_repo
    original = FIXABLE.replace("\n", "\r\n").encode("gb18030")
    (repo / "草稿.txt").write_bytes(original)
    p = commit(repo, env, "草稿.txt")
    output = p.stdout + p.stderr
    assert p.returncode != 0, output
    assert "files were modified by this hook" in output
    assert (repo / "草稿.txt").read_bytes() == GOOD.replace("\n", "\r\n").encode("gb18030")
    p = commit(repo, env, "草稿.txt")
    assert p.returncode == 0, p.stdout + p.stderr
    assert "Passed" in p.stdout + p.stderr


def test_unfixable_problem_still_blocks(draft_repo):
    repo, env = draft_repo
    (repo / "坏的函.txt").write_text(UNFIXABLE, encoding="utf-8")
    p = commit(repo, env, "坏的函.txt")
    output = p.stdout + p.stderr
    assert p.returncode != 0, output
    assert "DATE-005" in output and "files were modified" not in output
    assert (repo / "坏的函.txt").read_text(encoding="utf-8") == UNFIXABLE
