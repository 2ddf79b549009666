"""Repository content is hostile: file names, folders, side files and process faults (issue 9).

Each test plants what a pull request could contain, or makes the fault a CI
machine could meet, and checks that letterlint neither runs code, writes
outside ``--output``, hangs, nor loses the report.
"""
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from letterlint.cli import main

GOOD = """\
关于商请协助开展道路安全检查的函

示例市公安局：
为做好道路安全检查工作，现商请贵局派员协助。
请予函复。

示例市交通运输局
2024年5月6日
"""
BAD = GOOD.replace("示例市公安局：", "示例市公安局:")
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file kinds and signals")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def cli(*argv, cwd=None, timeout=60, **kwargs):
    env = dict(os.environ, NO_COLOR="1")
    env.pop("PYTHONPATH", None)
    return subprocess.run([sys.executable, "-m", "letterlint", *map(str, argv)], capture_output=True,
                          cwd=cwd, env=env, timeout=timeout, **kwargs)


# --- 1. a fake git directory in the linted tree runs nothing -----------------------------------


def plant_fake_git_dir(folder: Path, marker: Path) -> None:
    """The files of a bare repository whose config makes git run a command (core.fsmonitor)."""
    (folder / "objects").mkdir(parents=True)
    (folder / "refs" / "heads").mkdir(parents=True)
    (folder / "HEAD").write_text("ref: refs/heads/main\n")
    (folder / "config").write_text(
        "[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tworktree = .\n"
        f"\tfsmonitor = \"touch '{marker}'; false\"\n")


@pytest.mark.parametrize("inside_a_work_tree", [False, True])
def test_fake_git_dir_in_drafts_runs_no_command(capsys, tmp_path, monkeypatch, inside_a_work_tree):
    marker = tmp_path / "PWNED"
    checkout = tmp_path / "checkout"
    drafts = checkout / "drafts"
    plant_fake_git_dir(drafts, marker)
    (drafts / "letter.txt").write_text(GOOD, encoding="utf-8")
    if inside_a_work_tree:
        if shutil.which("git") is None:
            pytest.skip("git is not installed")
        subprocess.run(["git", "init", "-q", str(checkout)], check=True)
    # Proof that the planted directory is a working attack when git runs in it:
    if shutil.which("git"):
        subprocess.run(["git", "ls-files", "--others"], cwd=drafts, capture_output=True)
        assert marker.exists(), "the fake git directory should trigger fsmonitor when git runs in it"
        marker.unlink()
    monkeypatch.chdir(checkout)
    code, out, _ = run(capsys, "--format", "json", "drafts")
    assert not marker.exists()
    assert code == 0 and [f["path"] for f in json.loads(out)["files"]] == [os.path.join("drafts", "letter.txt")]


def test_walk_runs_no_subprocess(capsys, tmp_path, monkeypatch):
    import subprocess as sp

    def refuse(*a, **k):
        raise AssertionError("the walk must not start a process")

    monkeypatch.setattr(sp, "run", refuse)
    monkeypatch.setattr(sp, "Popen", refuse)
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    code, _, _ = run(capsys, tmp_path)
    assert code == 0


def test_walk_honours_gitignore_files_at_every_level(capsys, tmp_path):
    (tmp_path / ".git" / "info").mkdir(parents=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("local.txt\n")
    (tmp_path / ".gitignore").write_text("build/\n*.bak.txt\n")
    for rel in ("a.txt", "local.txt", "x.bak.txt", "build/b.txt", "sub/c.txt", "sub/skip.txt", "sub/keep.bak.txt",
                "sub/deep/d.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(GOOD, encoding="utf-8")
    (tmp_path / "sub" / ".gitignore").write_text("skip.txt\n!keep.bak.txt\n/deep/\n")
    code, out, _ = run(capsys, "--format", "json", tmp_path)
    got = [os.path.relpath(f["path"], tmp_path) for f in json.loads(out)["files"]]
    assert got == ["a.txt", os.path.join("sub", "c.txt"), os.path.join("sub", "keep.bak.txt")]
    # Walking a subfolder still applies the ignore files above it.
    code, out, _ = run(capsys, "--format", "json", tmp_path / "sub")
    got = [os.path.relpath(f["path"], tmp_path) for f in json.loads(out)["files"]]
    assert got == [os.path.join("sub", "c.txt"), os.path.join("sub", "keep.bak.txt")]


# --- 2. file names are never options -----------------------------------------------------------


def test_file_named_like_an_option_after_double_dash_is_linted_not_obeyed(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("README.md").write_text("原有内容\n", encoding="utf-8")
    Path("--output=README.md").write_text(BAD, encoding="utf-8")
    Path("--output=x.txt").write_text(GOOD, encoding="utf-8")
    code, out, _ = run(capsys, "--format", "concise", "--", "--output=README.md")
    assert code == 1 and out.startswith("--output=README.md:3:7: RECIP-002")
    assert Path("README.md").read_text(encoding="utf-8") == "原有内容\n"
    # With the subcommand implicit, and with it explicit.
    code, out, _ = run(capsys, "--", "--output=x.txt")
    assert code == 0 and "未发现问题" in out and not Path("x.txt").exists()
    code, out, _ = run(capsys, "check", "--format", "concise", "--", "--output=README.md", "--output=x.txt")
    assert code == 1 and out.count("RECIP-002") == 1
    assert Path("README.md").read_text(encoding="utf-8") == "原有内容\n"


def test_file_named_like_a_subcommand_after_double_dash(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("rules").write_text(BAD, encoding="utf-8")
    code, out, _ = run(capsys, "--format", "concise", "--", "rules")
    assert code == 1 and out.startswith("rules:3:7: RECIP-002")


def test_hook_entry_ends_options():
    import yaml

    hooks = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in hooks:
        entry = hook["entry"].split() + hook.get("args", [])
        assert entry[-1] == "--", f"{hook['id']}: file names must come after --"


# --- 9. only regular files are read, and only so much of them ------------------------------------


@posix_only
def test_fifo_given_as_a_file_is_an_error_not_a_hang(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    p = cli("--format", "concise", fifo, tmp_path / "a.txt", timeout=30)
    assert p.returncode == 2
    err = p.stderr.decode() + p.stdout.decode()
    assert "命名管道" in err and "RECIP-002" in p.stdout.decode() and "Traceback" not in err


@posix_only
def test_fifo_and_links_to_devices_in_a_walk_are_skipped(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    os.symlink("/proc/self/environ", tmp_path / "environ.txt")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    p = cli("--format", "json", tmp_path, timeout=30)
    assert p.returncode == 0
    assert [f["path"] for f in json.loads(p.stdout)["files"]] == [str(tmp_path / "a.txt")]


@posix_only
def test_explicit_device_is_an_error(capsys):
    code, out, err = run(capsys, "--format", "json", "/dev/zero")
    assert code == 2 and "设备文件" in json.loads(out)["files"][0]["error"]


def test_oversized_file_is_refused_with_a_message(capsys, tmp_path):
    from letterlint.decode import MAX_BYTES

    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(MAX_BYTES + 10)
    code, out, _ = run(capsys, "--format", "json", big)
    assert code == 2 and "文件过大" in json.loads(out)["files"][0]["error"]


@posix_only
def test_config_and_cache_fifos_do_not_hang(tmp_path):
    os.mkfifo(tmp_path / "letterlint.toml")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    p = cli("a.txt", cwd=tmp_path, timeout=30)  # found by discovery: not a config file, passed over
    assert p.returncode == 0
    p = cli("--config", "letterlint.toml", "a.txt", cwd=tmp_path, timeout=30)
    assert p.returncode == 2 and "letterlint.toml" in p.stderr.decode() and "Traceback" not in p.stderr.decode()
    os.mkfifo(tmp_path / "base.json")
    p = cli("--baseline", "base.json", "a.txt", cwd=tmp_path, timeout=30)
    assert p.returncode == 2 and "base.json" in p.stderr.decode() and "Traceback" not in p.stderr.decode()
    from letterlint import lalr

    cache = tmp_path / "cache"
    cache.mkdir()
    env_cache = dict(os.environ, LETTERLINT_CACHE_DIR=str(cache))
    name = lalr._cache_file(lalr.GRAMMAR.read_text(encoding="utf-8")).name
    os.mkfifo(cache / name)
    (tmp_path / "letterlint.toml").unlink()
    p = subprocess.run([sys.executable, "-m", "letterlint", "a.txt"], cwd=tmp_path, env=env_cache,
                       capture_output=True, timeout=60)
    assert p.returncode == 0


# --- 5. plugins only from installed distributions ------------------------------------------------


def test_dist_info_in_the_current_folder_is_not_a_plugin(tmp_path):
    plugin = Path(__file__).parent / "plugin_example"
    shutil.copytree(plugin / "acme_letterlint", tmp_path / "acme_letterlint")
    shutil.copytree(plugin / "acme_letterlint-0.1.dist-info", tmp_path / "acme_letterlint-0.1.dist-info")
    marker = tmp_path / "IMPORTED"
    with open(tmp_path / "acme_letterlint" / "__init__.py", "a", encoding="utf-8") as fh:
        fh.write(f"\nopen({str(marker)!r}, 'w').close()\n")
    (tmp_path / "a.txt").write_text(GOOD.replace("为做好", "此件为草稿。为做好"), encoding="utf-8")
    p = cli("--format", "json", "a.txt", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert not marker.exists()
    assert not any(d["rule"].startswith("ACME") for d in json.loads(p.stdout)["files"][0]["diagnostics"])
    # An empty PYTHONPATH entry also means the current folder: still not a plugin source.
    env = dict(os.environ, PYTHONPATH=os.pathsep + str(tmp_path / "nowhere"))
    p = subprocess.run([sys.executable, "-m", "letterlint", "rules", "--format", "json"], cwd=tmp_path, env=env,
                       capture_output=True)
    assert p.returncode == 0 and not marker.exists()
    assert not any(r["code"].startswith("ACME") for r in json.loads(p.stdout))


def test_module_in_the_current_folder_does_not_shadow_a_dependency(tmp_path):
    marker = tmp_path / "IMPORTED"
    (tmp_path / "rich.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    p = cli("a.txt", cwd=tmp_path)
    assert p.returncode == 1 and "RECIP-002" in p.stdout.decode() and not marker.exists()
