"""End to end with the real pre-commit: a commit with a bad letter is blocked, a good one passes.

pre-commit clones this repository at its current commit (HEAD) and installs
letterlint into a hook environment, as it would for any office's repository.
It needs git, the pre-commit package and the package index; deselect with
`-m "not precommit"` when those are missing.
"""
import subprocess

import pytest
from helpers import make_draft_repo

GOOD = "关于商请协助开展道路安全检查的函\n\n示例市公安局：\n为做好道路安全检查工作，现商请贵局派员协助。\n请予函复。\n\n示例市交通运输局\n2024年5月6日\n"
BAD = GOOD.replace("2024年5月6日", "2024年05月06日")

pytestmark = pytest.mark.precommit


@pytest.fixture(scope="module")
def draft_repo(tmp_path_factory):
    return make_draft_repo(tmp_path_factory, "letterlint")


def commit(repo, env, name, text):
    (repo / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "add", "--", name], cwd=repo, check=True)
    return subprocess.run(["git", "commit", "-m", f"add {name}"], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=600)


def test_bad_letter_blocks_the_commit(draft_repo):
    repo, env = draft_repo
    p = commit(repo, env, "坏的复函.txt", BAD)
    assert p.returncode != 0, p.stdout + p.stderr
    output = p.stdout + p.stderr
    assert "DATE-002" in output and "坏的复函.txt:8:" in output
    # Take the blocked letter out of the index (there is no HEAD yet to reset to).
    subprocess.run(["git", "rm", "-q", "--cached", "坏的复函.txt"], cwd=repo, check=True)
    (repo / "坏的复函.txt").unlink()


def test_good_letter_passes(draft_repo):
    repo, env = draft_repo
    p = commit(repo, env, "复函.txt", GOOD)
    assert p.returncode == 0, p.stdout + p.stderr
    # git hands a hook's stdout to stderr.
    output = p.stdout + p.stderr
    assert "letterlint" in output and "Passed" in output


def test_upper_case_extension_is_linted_and_readme_is_not(draft_repo):
    repo, env = draft_repo
    p = commit(repo, env, "README.md", BAD)  # the repository's own README is not a letter
    assert p.returncode == 0, p.stdout + p.stderr
    p = commit(repo, env, "来函.TXT", BAD)
    assert p.returncode != 0 and "DATE-002" in p.stdout + p.stderr, p.stdout + p.stderr
    subprocess.run(["git", "rm", "-q", "--cached", "来函.TXT"], cwd=repo, check=True)
    (repo / "来函.TXT").unlink()


def test_file_named_like_an_option_is_linted_not_obeyed(draft_repo):
    """pre-commit appends the staged names after the entry: ``--`` keeps them file names (issue 9)."""
    repo, env = draft_repo
    p = commit(repo, env, "README.md", "原有说明\n")
    assert (repo / "README.md").read_text(encoding="utf-8") == "原有说明\n"
    p = commit(repo, env, "--output=README.md", BAD)
    assert p.returncode != 0 and "--output=README.md:8:" in p.stdout + p.stderr, p.stdout + p.stderr
    assert (repo / "README.md").read_text(encoding="utf-8") == "原有说明\n"
    subprocess.run(["git", "rm", "-q", "--cached", "--", "--output=README.md"], cwd=repo, check=True)
    (repo / "--output=README.md").unlink()
