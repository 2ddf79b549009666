"""The command line: exit codes, formats, stdin, bad input, subcommands."""
import json
import os
import subprocess
import sys

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
BAD = GOOD.replace("示例市公安局：", "示例市公安局:").replace("2024年5月6日", "2024年05月06日")


@pytest.fixture
def letters(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")
    return good, bad


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_letter_exits_0(capsys, letters):
    code, out, err = run(capsys, letters[0])
    assert code == 0 and "未发现问题" in out and err == ""


def test_errors_exit_1_with_rich_report(capsys, letters):
    code, out, _ = run(capsys, "--no-color", letters[1])
    assert code == 1
    assert f"{letters[1]}:3:7" in out and "RECIP-002" in out
    assert "\x1b[" not in out  # no colour when not a terminal
    assert "检查了 1 个文件" in out


def test_json_format_is_one_document(capsys, letters):
    code, out, _ = run(capsys, "--format", "json", *letters)
    doc = json.loads(out)
    assert code == 1 and doc["version"] == 1
    assert [f["path"] for f in doc["files"]] == [str(p) for p in letters]
    d = doc["files"][1]["diagnostics"][0]
    assert set(d) >= {"rule", "severity", "line", "column", "end_line", "end_column", "message"}
    assert doc["summary"]["files"] == 2 and doc["summary"]["errors"] >= 2
    assert doc["files"][0]["doctype"] == "letter"


def test_concise_format(capsys, letters):
    code, out, _ = run(capsys, "--format", "concise", letters[1])
    assert f"{letters[1]}:3:7: 错误 RECIP-002 " in out.splitlines()[0]


def test_stdin(capsys, monkeypatch, letters):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BAD.encode("gb18030"))))
    code, out, _ = run(capsys, "--format", "json", "--stdin-filename", "draft.txt", "-")
    doc = json.loads(out)
    assert code == 1 and doc["files"][0]["path"] == "draft.txt" and doc["files"][0]["encoding"] == "gb18030"


@pytest.mark.parametrize("content,needle", [(b"", "空"), (b"\x00\x01\x02binary\x00", "二进制"),
                                            (b"\xff\xfe\xfa" * 3 + "关于".encode(), "")])
def test_bad_input_exits_2_and_others_still_linted(capsys, tmp_path, letters, content, needle):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(content)
    code, out, err = run(capsys, "--format", "json", broken, letters[0])
    doc = json.loads(out)
    assert code == 2
    assert doc["files"][0]["error"] and needle in doc["files"][0]["error"]
    assert doc["files"][1]["diagnostics"] == [] and "error" not in doc["files"][1]
    assert "Traceback" not in err


def test_missing_file_exits_2(capsys, tmp_path):
    code, out, err = run(capsys, tmp_path / "nope.txt")
    assert code == 2 and "nope.txt" in out + err and "Traceback" not in out + err


def test_usage_errors_exit_2(capsys, letters):
    assert run(capsys)[0] == 2
    assert run(capsys, "--doctype", "便条", letters[0])[0] == 2
    assert run(capsys, "--select", "NOPE-999", letters[0])[0] == 2
    assert run(capsys, "--format", "yaml", letters[0])[0] == 2


def test_select_and_ignore(capsys, letters):
    code, out, _ = run(capsys, "--format", "json", "--select", "DATE", letters[1])
    assert {d["rule"][:4] for d in json.loads(out)["files"][0]["diagnostics"]} == {"DATE"}
    code, out, _ = run(capsys, "--format", "json", "--ignore", "RECIP-002,DATE", letters[1])
    rules = {d["rule"] for d in json.loads(out)["files"][0]["diagnostics"]}
    assert "RECIP-002" not in rules and not any(r.startswith("DATE") for r in rules)


def test_doctype_override(capsys, letters):
    code, out, _ = run(capsys, "--format", "json", "--doctype", "建议答复函", letters[0])
    assert json.loads(out)["files"][0]["doctype"] == "suggestion_reply"


def test_directory_is_walked_sorted(capsys, letters):
    code, out, _ = run(capsys, "--format", "json", letters[0].parent)
    assert [f["path"] for f in json.loads(out)["files"]] == sorted(str(p) for p in letters)


def test_output_file(capsys, tmp_path, letters):
    target = tmp_path / "report.json"
    code, out, _ = run(capsys, "--format", "json", "--output", target, letters[1])
    assert code == 1 and out == "" and json.loads(target.read_text(encoding="utf-8"))["summary"]["errors"]


def test_structure_json(capsys, letters):
    code, out, _ = run(capsys, "structure", "--format", "json", letters[0])
    doc = json.loads(out)
    assert code == 0
    assert [(p["kind"], p["line"]) for p in doc["parts"]] == [
        ("title", 1), ("recipient", 3), ("paragraph", 4), ("closing", 5), ("signature", 7), ("date", 8)]


def test_structure_tree(capsys, letters):
    code, out, _ = run(capsys, "structure", "--no-color", letters[0])
    assert code == 0 and "主体" in out and "成文日期" in out and "第8行" in out


def test_rules_and_rule(capsys):
    code, out, _ = run(capsys, "rules", "--format", "json")
    rules = json.loads(out)
    assert code == 0 and any(r["code"] == "DOCNUM-002" for r in rules)
    code, out, _ = run(capsys, "rule", "DOCNUM-002")
    assert code == 0 and "六角括号" in out and "反例" in out and "正例" in out
    assert run(capsys, "explain", "docnum-brackets")[0] == 0
    assert run(capsys, "rule", "NOPE-001")[0] == 2


def test_python_dash_m_and_console_script(letters):
    env = dict(os.environ, NO_COLOR="1")
    p = subprocess.run([sys.executable, "-m", "letterlint", str(letters[1])], capture_output=True, text=True, env=env)
    assert p.returncode == 1 and "RECIP-002" in p.stdout


def test_directory_walk_respects_gitignore(capsys, tmp_path):
    import shutil

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "copy.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "draft.txt").write_text(GOOD, encoding="utf-8")
    code, out, _ = run(capsys, "--format", "json", tmp_path)
    assert [f["path"] for f in json.loads(out)["files"]] == [str(tmp_path / "draft.txt")]


def test_jobs_give_the_same_output_as_a_serial_run(capsys, tmp_path):
    for i in range(12):
        (tmp_path / f"l{i:02d}.txt").write_text(BAD if i % 3 else GOOD, encoding="utf-8")
    serial = run(capsys, "--format", "json", "--jobs", "1", tmp_path)
    parallel = run(capsys, "--format", "json", "--jobs", "2", tmp_path)
    assert serial == parallel and serial[0] == 1


def test_statistics(capsys, letters):
    code, out, _ = run(capsys, "--no-color", "--statistics", letters[1])
    assert "各规则问题数" in out and "DATE-002" in out.split("各规则问题数")[1]
