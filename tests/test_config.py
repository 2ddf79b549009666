"""Configuration: discovery and precedence, every setting, validation, suppressions, baseline."""
import json

import pytest

from letterlint.cli import main

LETTER = """\
关于商请协助开展道路安全检查的函

示例市公安局：
为做好道路安全检查工作，现商请贵局派员协助。
请予函复。

示例市交通运输局
2024年05月06日
"""


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def rules_of(capsys, *argv):
    code, out, err = run(capsys, "--format", "json", *argv)
    assert code in (0, 1), err
    doc = json.loads(out)
    return code, [(d["rule"], d["severity"]) for f in doc["files"] for d in f["diagnostics"]]


@pytest.fixture
def repo(tmp_path):
    (tmp_path / ".git").mkdir()
    sub = tmp_path / "drafts" / "2024"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text(LETTER, encoding="utf-8")
    return tmp_path


def write(path, text):
    path.write_text(text, encoding="utf-8")


def test_defaults_report_the_padded_date(capsys, repo):
    code, rules = rules_of(capsys, repo / "drafts/2024/a.txt")
    assert code == 1 and ("DATE-002", "error") in rules


def test_pyproject_table_is_read(capsys, repo):
    write(repo / "pyproject.toml", '[project]\nname = "x"\n\n[tool.letterlint]\nignore = ["DATE"]\n')
    code, rules = rules_of(capsys, repo / "drafts/2024/a.txt")
    assert code == 0 and not any(r.startswith("DATE") for r, _ in rules)


def test_pyproject_without_table_is_not_a_config(capsys, repo):
    write(repo / "drafts" / "pyproject.toml", '[project]\nname = "x"\n')
    write(repo / ".letterlint.toml", 'ignore = ["DATE"]\n')
    assert rules_of(capsys, repo / "drafts/2024/a.txt")[0] == 0


def test_nearest_config_wins_over_parent(capsys, repo):
    write(repo / ".letterlint.toml", 'ignore = ["DATE"]\n[severity]\n"DOCNUM-007" = "info"\n')
    write(repo / "drafts" / "letterlint.toml", 'ignore = []\n[severity]\n"DATE-002" = "warning"\n')
    code, rules = rules_of(capsys, repo / "drafts/2024/a.txt")
    assert code == 0 and ("DATE-002", "warning") in rules


def test_dot_file_wins_over_plain_name_in_one_directory(capsys, repo):
    write(repo / "drafts" / ".letterlint.toml", 'ignore = ["DATE"]\n')
    write(repo / "drafts" / "letterlint.toml", 'ignore = []\n')
    assert rules_of(capsys, repo / "drafts/2024/a.txt")[0] == 0


def test_root_stops_the_walk(capsys, repo):
    write(repo / ".letterlint.toml", 'ignore = ["DATE"]\n')
    write(repo / "drafts" / ".letterlint.toml", "root = true\n")
    assert rules_of(capsys, repo / "drafts/2024/a.txt")[0] == 1


def test_command_line_wins_over_config(capsys, repo):
    write(repo / ".letterlint.toml", 'ignore = ["DATE"]\n')
    code, rules = rules_of(capsys, "--select", "DATE", repo / "drafts/2024/a.txt")
    # --select on the command line replaces the file's selection; the file's ignore still applies.
    assert code == 0 and rules == []
    code, rules = rules_of(capsys, "--isolated", repo / "drafts/2024/a.txt")
    assert code == 1


def test_explicit_config_file(capsys, repo, tmp_path_factory):
    other = tmp_path_factory.mktemp("cfg") / "strict.toml"
    write(other, 'fail-on = "info"\nselect = ["DATE"]\n')
    write(repo / ".letterlint.toml", 'ignore = ["DATE"]\n')
    code, rules = rules_of(capsys, "--config", other, repo / "drafts/2024/a.txt")
    assert code == 1 and {r for r, _ in rules} == {"DATE-002"}


def test_extend_select_and_fail_on(capsys, repo):
    write(repo / ".letterlint.toml", 'select = ["TITLE"]\nextend-select = ["DATE-002"]\n')
    code, rules = rules_of(capsys, repo / "drafts/2024/a.txt")
    assert {r for r, _ in rules} == {"DATE-002"}
    write(repo / ".letterlint.toml", 'fail-on = "warning"\n[severity]\n"DATE-002" = "warning"\n')
    assert rules_of(capsys, repo / "drafts/2024/a.txt")[0] == 1
    assert rules_of(capsys, "--fail-on", "error", repo / "drafts/2024/a.txt")[0] == 0


def test_per_file_ignores_and_exclude(capsys, repo):
    (repo / "archive").mkdir()
    write(repo / "archive" / "old.txt", LETTER)
    write(repo / ".letterlint.toml", '[per-file-ignores]\n"drafts/**" = ["DATE-002"]\n')
    code, out, _ = run(capsys, "--format", "json", repo / "drafts/2024/a.txt", repo / "archive/old.txt")
    files = json.loads(out)["files"]
    assert [any(d["rule"] == "DATE-002" for d in f["diagnostics"]) for f in files] == [False, True]
    write(repo / ".letterlint.toml", 'exclude = ["archive"]\n')
    code, out, _ = run(capsys, "--format", "json", repo)
    assert [f["path"].endswith("a.txt") for f in json.loads(out)["files"]] == [True]
    # An explicitly named file is linted unless --force-exclude (pre-commit passes files one by one).
    assert len(json.loads(run(capsys, "--format", "json", repo / "archive/old.txt")[1])["files"]) == 1
    assert run(capsys, "--force-exclude", repo / "archive/old.txt")[0] == 0


def test_doctype_setting(capsys, repo):
    write(repo / ".letterlint.toml", 'doctype = "建议答复函"\n')
    code, out, _ = run(capsys, "--format", "json", repo / "drafts/2024/a.txt")
    assert json.loads(out)["files"][0]["doctype"] == "suggestion_reply"


@pytest.mark.parametrize("content,needle", [
    ('colour = "red"\n', "未知的设置 colour"),
    ('select = "DATE"\n', "select 应为字符串列表"),
    ('ignore = ["NOPE-1"]\n', "“NOPE-1”不是已知的规则代码"),
    ('fail-on = "fatal"\n', "fail-on 应为 error / warning / info 之一"),
    ('doctype = "便条"\n', "“便条”不是已知文种"),
    ('[severity]\n"DATE-002" = "fatal"\n', "severity.DATE-002 应为 error / warning / info 之一"),
    ('[severity]\n"NOPE-001" = "error"\n', "“NOPE-001”不是已知的规则代码"),
    ('[rules.DATE-002]\ncolour = 1\n', "规则 DATE-002 没有设置 colour"),
    ('[local]\ncolour = 1\n', "local 中未知的设置 colour"),
    ('[local]\ncontact-items = ["电话号码"]\n', "设置 local.contact-items 中的“电话号码”不是可用的值（可用：姓名、职务、单位、传真、邮箱）"),
    ('[rules.REPLY-009]\ncontact-items = ["住址"]\n', "设置 rules.REPLY-009.contact-items 中的“住址”不是可用的值"),
    ('[local]\ncc-government = ["(督查"]\n', "设置 local.cc-government 中的“(督查”不是有效的正则表达式"),
    ("select = [\n", "TOML 格式错误"),
])
def test_validation_errors_name_file_and_key(capsys, repo, content, needle):
    write(repo / ".letterlint.toml", content)
    code, out, err = run(capsys, repo / "drafts/2024/a.txt")
    assert code == 2 and needle in err and ".letterlint.toml" in err and "Traceback" not in err


def test_config_show_names_the_sources(capsys, repo):
    write(repo / ".letterlint.toml", 'ignore = ["DATE"]\n')
    write(repo / "drafts" / "letterlint.toml", 'fail-on = "warning"\n')
    code, out, _ = run(capsys, "config", "--show", repo / "drafts/2024/a.txt")
    assert code == 0
    assert any(line.startswith('ignore = ["DATE"]') and ".letterlint.toml" in line for line in out.splitlines())
    assert any(line.startswith('fail-on = "warning"') and "letterlint.toml" in line for line in out.splitlines())
    assert any(line.startswith("doctype = null") and "默认值" in line for line in out.splitlines())


def test_published_schema_is_up_to_date():
    from pathlib import Path

    from letterlint.schema import config_schema

    published = json.loads((Path(__file__).parents[1] / "docs" / "config.schema.json").read_text(encoding="utf-8"))
    assert published == config_schema(), "run: letterlint config --schema > docs/config.schema.json"


def test_schema_accepts_a_valid_config():
    jsonschema = pytest.importorskip("jsonschema")
    from letterlint.schema import config_schema

    jsonschema.validate({"select": ["DATE"], "severity": {"DATE-002": "warning"}, "fail-on": "warning"},
                        config_schema())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"colour": "red"}, config_schema())


# --- suppressions -----------------------------------------------------------------


SIDECAR = """\
[[ignore]]
rule = "DATE-002"
text = "2024年05月06日"
reason = "原件如此"
"""


def test_sidecar_suppresses_by_content_and_survives_edits_above(capsys, repo):
    write(repo / ".letterlint-ignore.toml", SIDECAR)
    letter = repo / "drafts/2024/a.txt"
    assert rules_of(capsys, letter)[0] == 0
    write(letter, "\n\n（此为新增说明）\n" + LETTER)
    code, rules = rules_of(capsys, letter)
    assert "DATE-002" not in {r for r, _ in rules}


def test_sidecar_file_glob(capsys, repo):
    write(repo / ".letterlint-ignore.toml", SIDECAR + 'files = "archive/*.txt"\n')
    assert rules_of(capsys, repo / "drafts/2024/a.txt")[0] == 1


def test_sidecar_requires_a_reason(capsys, repo):
    write(repo / ".letterlint-ignore.toml", SIDECAR.replace('reason = "原件如此"\n', ""))
    code, out, err = run(capsys, repo / "drafts/2024/a.txt")
    assert code == 2 and "reason" in err


def test_unused_suppressions_are_reported(capsys, repo):
    write(repo / ".letterlint-ignore.toml", SIDECAR + '\n[[ignore]]\nrule = "DOCNUM-002"\ntext = "[2019]"\nreason = "旧"\n')
    code, out, _ = run(capsys, "--format", "json", "--warn-unused-suppressions", repo / "drafts/2024/a.txt")
    files = json.loads(out)["files"]
    unused = [d for f in files for d in f["diagnostics"] if d["rule"] == "SUPPRESS-001"]
    assert len(unused) == 1 and unused[0]["line"] == 6 and "[2019]" in unused[0]["message"]


def test_markdown_inline_directive(capsys, repo):
    md = repo / "drafts" / "b.md"
    write(md, LETTER.replace("2024年05月06日", "<!-- letterlint: ignore DATE-002 -->\n2024年05月06日"))
    code, rules = rules_of(capsys, md)
    assert "DATE-002" not in {r for r, _ in rules}
    write(md, LETTER)
    assert "DATE-002" in {r for r, _ in rules_of(capsys, md)[1]}


# --- baseline ---------------------------------------------------------------------


def test_baseline_reports_only_new_problems_and_survives_inserted_lines(capsys, repo):
    letter = repo / "drafts/2024/a.txt"
    baseline = repo / "baseline.json"
    code, out, err = run(capsys, "--write-baseline", baseline, letter)
    assert code == 0 and baseline.exists()
    assert rules_of(capsys, "--baseline", baseline, letter)[1] == []
    edited = LETTER.replace("检查的函\n", "检查的函。\n").replace("请予函复。", "检查时间另行商定。\n\n请予函复。")
    write(letter, "\n\n" + edited)
    code, rules = rules_of(capsys, "--baseline", baseline, letter)
    assert {r for r, _ in rules} == {"TITLE-002"}


def test_bad_baseline_file(capsys, repo):
    write(repo / "baseline.json", "{}")
    code, out, err = run(capsys, "--baseline", repo / "baseline.json", repo / "drafts/2024/a.txt")
    assert code == 2 and "基线" in err


def test_organization_registry_and_local_settings_reach_the_rules(capsys, repo):
    letter = repo / "drafts/2024/a.txt"
    write(letter, "示交函〔2024〕12号\n" + LETTER.replace("05月06日", "5月6日").replace("示例市交通运输局", "示例市教育局"))
    write(repo / ".letterlint.toml", '[organizations]\n"示交" = "示例市交通运输局"\n')
    code, rules = rules_of(capsys, letter)
    assert ("ORG-001", "warning") in rules
    write(repo / ".letterlint.toml", '[organizations]\n"示交" = 12\n')
    code, out, err = run(capsys, letter)
    assert code == 2 and "organizations" in err
