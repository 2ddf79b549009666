"""The command line as a new user meets it: help, errors, quiet/verbose, exit-zero, aliases, completion."""
import io
import os
import shutil
import subprocess
import sys

import pytest

from letterlint.cli import build_parser, main

GOOD = "关于商请协助开展道路安全检查的函\n\n示例市公安局：\n为做好道路安全检查工作，现商请贵局派员协助。\n请予函复。\n\n示例市交通运输局\n2024年5月6日\n"
BAD = GOOD.replace("2024年5月6日", "2024年05月06日")


@pytest.fixture
def bad(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text(BAD, encoding="utf-8")
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_help_shows_the_default_commands_options_in_chinese(capsys, monkeypatch):
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert max(cell_len(line) for line in out.splitlines()) <= 80  # wrapped by display width
    assert out.startswith("用法：letterlint check")
    for word in ("\n选项：\n", "\n位置参数：\n", "--select", "--format", "--exit-zero", "--quiet", "--verbose", "structure", "completion"):
        assert word in out, word


def test_argparse_errors_are_chinese_with_the_usage_of_the_command_run(capsys, bad):
    code, out, err = run(capsys, "--format", "nope", bad)
    assert code == 2 and out == ""
    assert err.startswith("用法：letterlint check") and "错误：" in err and "无效的选择" in err
    code, _, err = run(capsys, "rule")
    assert code == 2 and err.startswith("用法：letterlint rule") and "缺少必需的参数" in err


@pytest.mark.parametrize("command", [[], ["structure"]])
def test_bad_doctype_is_a_usage_error_before_linting(capsys, bad, command):
    code, out, err = run(capsys, *command, "--doctype", "公函X", bad)
    assert code == 2 and out == ""
    assert "未知的文种“公函X”" in err and "用法：letterlint " in err and "内部错误" not in err


def test_output_in_a_missing_folder_is_a_usage_error(capsys, bad, tmp_path):
    code, out, err = run(capsys, "--output", tmp_path / "nowhere" / "r.json", bad)
    assert code == 2 and out == "" and "所在的文件夹不存在" in err and "用法：letterlint check" in err
    assert not (tmp_path / "nowhere").exists()


def test_exit_zero_keeps_2_for_a_config_error(capsys, bad, tmp_path):
    assert run(capsys, bad)[0] == 1
    assert run(capsys, "--exit-zero", bad)[0] == 0
    broken = tmp_path / "broken.toml"
    broken.write_text("select = [\n", encoding="utf-8")
    assert run(capsys, "--exit-zero", "--config", broken, bad)[0] == 2
    assert run(capsys, "--exit-zero", tmp_path / "missing.txt")[0] == 2


def test_output_format_is_an_alias_of_format(capsys, bad):
    code, out, _ = run(capsys, "--output-format", "concise", bad)
    assert code == 1 and f"{bad}:8:6:" in out


def test_stdin_filename_alone_reads_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BAD.encode("utf-8"))))
    code, out, _ = run(capsys, "--stdin-filename", "草稿/来函.txt", "--format", "concise")
    assert code == 1 and out.startswith("草稿/来函.txt:8:6:")


def test_quiet_and_verbose(capsys, bad, tmp_path):
    code, out, err = run(capsys, "--quiet", bad)
    assert code == 1 and "DATE-002" in out and "检查了" not in out
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    assert run(capsys, "-q", good) == (0, "", "")
    code, out, err = run(capsys, "--verbose", "--isolated", good)
    assert code == 0 and f"{good}：文种 函，编码 utf-8" in err and "配置 无（默认设置）" in err


def test_rules_piped_are_whole_lines_with_chinese_severities(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()]
    assert len(rows) > 50 and all(len(r) == 6 for r in rows)
    assert {r[2] for r in rows} <= {"错误", "警告", "提示"}
    assert max(len(line) for line in out.splitlines()) > 80  # nothing is cut to a terminal's width
    from letterlint.rules import get_rule

    r = rows[0]
    assert r[5] == get_rule(r[0]).summary


def test_rule_shows_the_severity_in_chinese(capsys):
    code, out, _ = run(capsys, "rule", "DATE-002")
    assert code == 0 and "级别：错误" in out


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
def test_bash_completion_completes_subcommands_options_and_choices(capsys, tmp_path):
    code, script, _ = run(capsys, "completion", "bash")
    assert code == 0
    path = tmp_path / "letterlint.bash"
    path.write_text(script, encoding="utf-8")

    def complete(*words):
        words = ["letterlint", *words]
        probe = (f'source {path}; COMP_WORDS=({" ".join(repr(w) for w in words)}); COMP_CWORD={len(words) - 1}; '
                 '_letterlint; printf "%s\\n" "${COMPREPLY[@]}"')
        p = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, cwd=tmp_path)
        assert p.returncode == 0, p.stderr
        return set(p.stdout.split())

    assert {"structure", "rules", "completion"} <= complete("st") | complete("r") | complete("co")
    assert "structure" in complete("st")
    assert {"--format", "--fail-on"} <= complete("--f")
    assert {"sarif", "junit", "gitlab"} <= complete("--format", "")
    assert complete("rule", "--format", "") == {"rich", "json"}
    assert {"bash", "zsh"} == complete("completion", "")


def test_zsh_completion_names_every_command_and_option(capsys, tmp_path):
    code, script, _ = run(capsys, "completion", "zsh")
    assert code == 0 and script.startswith("#compdef letterlint")
    parser = build_parser()
    for name, sub in parser.commands.items():
        assert f"_letterlint_{name}()" in script
        for action in sub._actions:
            for option in action.option_strings:
                assert option in script, option
    if shutil.which("zsh"):
        p = subprocess.run(["zsh", "-n"], input=script, capture_output=True, text=True)
        assert p.returncode == 0, p.stderr
        path = tmp_path / "_letterlint"
        path.write_text(script, encoding="utf-8")
        probe = f"autoload -U compinit; compinit -u -D; source {path}; echo ${{_comps[letterlint]}}"
        p = subprocess.run(["zsh", "-f", "-c", probe], capture_output=True, text=True, cwd=tmp_path)
        assert p.stdout.strip() == "_letterlint", p.stdout + p.stderr


def test_completion_is_not_imported_on_the_normal_path():
    code = ("import sys; from letterlint.cli import main; main(['rules', '--format', 'json']); "
            "assert 'letterlint.completion' not in sys.modules")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env=dict(os.environ))
    assert p.returncode == 0, p.stderr
