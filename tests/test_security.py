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
    if "stdout" not in kwargs:
        kwargs["capture_output"] = True
    return subprocess.run([sys.executable, "-m", "letterlint", *map(str, argv)], cwd=cwd, env=env, timeout=timeout,
                          **kwargs)


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
    assert code == 1 and out.startswith("--output=README.md:3:7: 错误 RECIP-002")
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
    assert code == 1 and out.startswith("rules:3:7: 错误 RECIP-002")


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
    assert p.returncode == 2 and "letterlint.toml：配置文件不是普通文件" in p.stderr.decode()
    os.mkfifo(tmp_path / "base.json")
    p = cli("--baseline", "base.json", "a.txt", cwd=tmp_path, timeout=30)
    assert p.returncode == 2 and "base.json" in p.stderr.decode() and "Traceback" not in p.stderr.decode()
    # The parse tables are a module of the package now (letterlint/_tables.py): there is no
    # cache file left to plant a FIFO in (tests/test_lalr.py checks that a run writes none).


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


# --- 11. output faults: clear message, exit 2, nothing lost or half written ---------------------


def test_output_replaces_the_report_atomically_and_leaves_no_tmp(capsys, tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    report.write_text("old report\n", encoding="utf-8")
    code, out, _ = run(capsys, "--format", "json", "--output", report, tmp_path / "a.txt")
    assert code == 1 and out == "" and json.loads(report.read_text(encoding="utf-8"))["summary"]["errors"] == 1
    assert sorted(os.listdir(report.parent)) == ["report.json"]


def test_failing_renderer_keeps_the_old_report(capsys, tmp_path, monkeypatch):
    from letterlint.report import json_report

    def broken(results, stream, options):
        stream.write("{ half")
        raise RuntimeError("renderer broke")

    monkeypatch.setattr(json_report, "render", broken)
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    report = tmp_path / "report.json"
    report.write_text("old report\n", encoding="utf-8")
    code, out, err = run(capsys, "--format", "json", "--output", report, tmp_path / "a.txt")
    assert code == 2 and "内部错误" in err
    assert report.read_text(encoding="utf-8") == "old report\n"
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "report.json"]


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_missing_folder_is_a_clear_error(capsys, tmp_path, option):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    code, out, err = run(capsys, option, tmp_path / "no" / "such" / "r.json", tmp_path / "a.txt")
    assert code == 2 and "文件夹不存在" in err and out == ""


@posix_only
@pytest.mark.skipif(os.name == "posix" and os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_is_a_clear_error(capsys, tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        code, _, err = run(capsys, "--output", ro / "r.txt", tmp_path / "a.txt")
    finally:
        ro.chmod(0o755)
    assert code == 2 and "无法在所在文件夹中创建文件" in err and os.listdir(ro) == []


@posix_only
@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_never_replaces_a_device_a_fifo_a_folder_or_a_link(capsys, tmp_path, option):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "folder").mkdir()
    (tmp_path / "target.txt").write_text("keep\n")
    os.symlink(tmp_path / "target.txt", tmp_path / "link")
    for target, kind in (("/dev/full", "设备文件"), (tmp_path / "fifo", "命名管道"), (tmp_path / "folder", "目录"),
                         (tmp_path / "link", "符号链接")):
        code, out, err = run(capsys, option, target, tmp_path / "a.txt")
        assert code == 2 and "不是普通文件" in err and kind in err, (target, err)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert stat.S_ISFIFO(os.lstat(tmp_path / "fifo").st_mode) and os.path.islink(tmp_path / "link")
    assert (tmp_path / "target.txt").read_text() == "keep\n"


@posix_only
def test_stdout_faults(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    with open("/dev/full", "w") as full:
        p = cli(tmp_path / "bad.txt", stdout=full, stderr=subprocess.PIPE)
    assert p.returncode == 2 and "标准输出" in p.stderr.decode() and "Traceback" not in p.stderr.decode()
    # stdout closed: a clean run exits 0, a run with problems says so and exits 2.
    script = "import os, sys; os.close(1); from letterlint.cli import main; sys.exit(main(sys.argv[1:]))"
    for letter, expected in (("good.txt", 0), ("bad.txt", 2)):
        p = subprocess.run([sys.executable, "-c", script, str(tmp_path / letter)], stderr=subprocess.PIPE,
                           timeout=60)
        assert p.returncode == expected, (letter, p.stderr.decode())
        assert "Traceback" not in p.stderr.decode()
        # Closed before start-up (sys.stdout is None), as a shell's >&- does.
        p = subprocess.run(["sh", "-c", 'exec "$0" -m letterlint "$1" >&-', sys.executable, str(tmp_path / letter)],
                           stderr=subprocess.PIPE, timeout=60)
        assert p.returncode == expected, (letter, p.stderr.decode())
        assert "Traceback" not in p.stderr.decode() and ("标准输出已关闭" in p.stderr.decode()) == bool(expected)
    # A reader that goes away at once (| head -0).
    for letter, expected in (("good.txt", 0), ("bad.txt", 2)):
        proc = subprocess.Popen([sys.executable, "-m", "letterlint", *[str(tmp_path / letter)] * 50],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        proc.stdout.close()
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == expected and "Traceback" not in err.decode() and "Exception" not in err.decode()


# --- 4 and 12. controls and undecodable bytes in names and text, in every format -----------------

HOSTILE_NAME = "evil\n::error file=x::pwned\x1b[31m\u202e\u2028"


def hostile_results():
    from letterlint.lint import lint_text

    text = BAD.replace("为做好", "为做\x1b]0;title\x07好\u202e")
    a = lint_text(text, HOSTILE_NAME + ".txt")
    b = lint_text(text, os.fsdecode(b"\xb9\xab\xce\xc4.txt"))  # 公文 in GBK: not UTF-8
    from letterlint.diagnostic import FileResult

    c = FileResult(path=os.fsdecode(b"\xff\n.txt"), error=os.fsdecode(b"\xff\n.txt") + "：文件为空")
    return [a, b, c]


@pytest.mark.parametrize("fmt", ["rich", "concise", "github", "json", "sarif", "gitlab", "junit", "html"])
def test_every_format_escapes_controls_and_undecodable_names(fmt):
    import io
    import xml.etree.ElementTree as ET

    from letterlint.report import ReportOptions, get_renderer

    stream = io.StringIO()
    results = hostile_results()
    get_renderer(fmt)(results, stream, ReportOptions(color=False))
    out = stream.getvalue()
    out.encode("utf-8")  # no lone surrogate left
    for raw in ("\x1b", "\x07", "\u202e", "\u2028", "\r"):
        assert raw not in out, (fmt, raw)
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(out)
    elif fmt == "junit":
        ET.fromstring(out)
    else:  # line-oriented: no line may start a workflow command but our own
        for line in out.splitlines():
            assert not line.startswith("::") or (fmt == "github" and "file=evil%0A" in line or "\\xb9" in line
                                                 or "\\xff" in line), line
    if fmt != "sarif":  # SARIF carries the name as a percent-encoded URI
        assert "\\xb9\\xab\\xce\\xc4.txt" in out.replace("\\\\", "\\")
    else:
        assert "%B9%AB%CE%C4.txt" in out


def test_rich_carets_stay_under_the_span_with_escapes():
    import io

    from letterlint.diagnostic import Diagnostic, FileResult
    from letterlint.report import ReportOptions, get_renderer

    r = FileResult(path="a.txt", lines=["\x1b[2J前文:后"], diagnostics=[
        Diagnostic(1, 7, 1, 8, "RECIP-002", "error", "冒号", None)])
    stream = io.StringIO()
    get_renderer("rich")([r], stream, ReportOptions(color=False))
    src, caret = [line for line in stream.getvalue().splitlines() if "│" in line][:2]
    assert "\\x1b[2J前文:后" in src
    from rich.cells import cell_len

    assert cell_len(src[:src.index(":")]) == cell_len(caret[:caret.index("^")])


@posix_only
def test_non_utf8_file_name_on_the_command_line(tmp_path):
    name = os.fsdecode(b"\xb9\xab\xce\xc4.txt")
    (tmp_path / name).write_text(BAD, encoding="utf-8")
    for fmt in ("rich", "github", "sarif"):  # every format in-process above; the command line's path here
        p = cli("--format", fmt, tmp_path, timeout=60)
        assert p.returncode == 1, (fmt, p.stderr)
        out = p.stdout.decode("utf-8").replace("\\\\", "\\")  # JSON doubles the backslash
        assert "RECIP-002" in out and ("\\xb9\\xab" in out or "%B9%AB" in out), fmt
    p = cli("--write-baseline", tmp_path / "b.json", tmp_path, timeout=60)
    assert p.returncode == 0
    p = cli("--baseline", tmp_path / "b.json", "--format", "json", tmp_path, timeout=60)
    assert p.returncode == 0 and json.loads(p.stdout)["summary"]["errors"] == 0


# --- 10. signals during --jobs: the workers end with the parent ----------------------------------


def _children(pid: int) -> set[int]:
    out = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            out |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            pass
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux") or not Path("/proc/self/task").exists(),
                    reason="reads /proc to find the workers")
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGINT", "SIGHUP"])
def test_signal_during_jobs_leaves_no_worker_behind(tmp_path, signame):
    letter = (BAD + "\n") * 40
    for i in range(400):
        (tmp_path / f"l{i:03d}.txt").write_text(letter, encoding="utf-8")
    env = dict(os.environ, NO_COLOR="1")
    proc = subprocess.Popen([sys.executable, "-m", "letterlint", "--jobs", "2", "--format", "json", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        workers: set[int] = set()
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
            workers = _children(proc.pid)
            time.sleep(0.02)
        if len(workers) < 2:
            pytest.skip("the run ended before its workers could be seen")
        proc.send_signal(getattr(signal, signame))
        _, err = proc.communicate(timeout=20)  # also: nobody holds the pipes open any more
        deadline = time.monotonic() + 5
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [w for w in workers if _alive(w)], "workers survived the parent"
        assert proc.returncode in (128 + getattr(signal, signame), 130), proc.returncode
        assert b"Traceback" not in err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


@pytest.mark.skipif(not sys.platform.startswith("linux") or not Path("/proc/self/task").exists(),
                    reason="PR_SET_PDEATHSIG is Linux only")
def test_workers_die_even_when_the_parent_is_killed(tmp_path):
    letter = (BAD + "\n") * 40
    for i in range(400):
        (tmp_path / f"l{i:03d}.txt").write_text(letter, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "letterlint", "--jobs", "2", str(tmp_path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        workers = _children(proc.pid)
        time.sleep(0.02)
    if len(workers) < 2:
        proc.kill()
        proc.wait()
        pytest.skip("the run ended before its workers could be seen")
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 5
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)]


def test_structure_escapes_names_and_text(capsys, tmp_path):
    name = tmp_path / os.fsdecode(b"\xb9\xab\x1b.txt")
    name.write_text(GOOD.replace("为做好", "为\x1b[2J做好"), encoding="utf-8")
    for fmt in ("rich", "json"):
        code, out, _ = run(capsys, "structure", "--format", fmt, name)
        assert code == 0 and "\x1b" not in out and "\\xb9\\xab" in out.replace("\\\\", "\\")
        out.encode("utf-8")


@posix_only
def test_endless_stdin_is_bounded(tmp_path):
    with open("/dev/zero", "rb") as zero:
        p = subprocess.run([sys.executable, "-m", "letterlint", "--format", "json", "-"], stdin=zero,
                           capture_output=True, timeout=60)
    assert p.returncode == 2 and "文件过大" in json.loads(p.stdout)["files"][0]["error"]


@pytest.mark.parametrize("fmt", ["rich", "concise", "github", "json", "sarif", "gitlab", "junit", "html"])
def test_bidi_override_quoted_in_a_message_is_escaped(fmt):
    """Found by tools/fuzz.py: a message quoting the letter carried a raw U+202E into the JSON report."""
    import io

    from letterlint.diagnostic import Diagnostic, FileResult
    from letterlint.report import ReportOptions, get_renderer

    r = FileResult(path="a.txt", lines=["甲\u202e乙"], diagnostics=[
        Diagnostic(1, 1, 1, 3, "RECIP-002", "error", "“甲\u202e乙”有误\x1b[0m", "改为“甲\u2066乙”")])
    stream = io.StringIO()
    get_renderer(fmt)([r], stream, ReportOptions(color=False))
    out = stream.getvalue()
    assert not any(ch in out for ch in "\u202e\u2066\x1b"), out
