"""The engine contract: one selection decision, crash isolation, overlaps, one result however a file is linted."""
import json
import os
import subprocess
import sys

import pytest

from letterlint.cli import main
from letterlint.lint import Engine, Settings, check_letter, lint_path, lint_text
from letterlint.parse import parse_text
from letterlint.selection import Decision, specificity

LETTER = """\
关于商请协助开展道路安全检查的函
示例市公安局:
为做好道路安全检查工作，现商请贵局派员协助。
请予函复。
示例市交通运输局
2024年05月06日
"""


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def found(capsys, *argv):
    code, out, err = run(capsys, "--format", "json", *argv)
    assert code in (0, 1), err
    return [(d["rule"], d["line"], d["column"]) for f in json.loads(out)["files"] for d in f["diagnostics"]]


# --- the decision unit ---------------------------------------------------------------------------

@pytest.mark.parametrize("selector, code, name, expected", [
    ("SIGN", "SIGN-001", "signature-missing", True),
    ("SIGN", "SIGNER-001", "signer-upward", False),      # whole segments only
    ("SIGN-", "SIGNER-001", "signer-upward", False),
    ("SIGN-0", "SIGN-001", "signature-missing", True),   # digits may be cut
    ("SIGN-00", "SIGN-001", "signature-missing", True),
    ("SIGN-01", "SIGN-001", "signature-missing", False),
    ("SIGNER", "SIGNER-002", "signer-form", True),
    ("sign", "SIGN-001", "signature-missing", True),     # codes ignore case
    ("S", "SIGN-001", "signature-missing", False),
    ("signer-form", "SIGNER-002", "signer-form", True),  # a name
    ("signer", "SIGNER-002", "signer-form", True),       # a code prefix in lower case
    ("SIGN-001", "SIGN-001", "signature-missing", True),
    ("SIGN-0011", "SIGN-001", "signature-missing", False),
    ("", "SIGN-001", "signature-missing", False),
])
def test_selector_matches_whole_segments(selector, code, name, expected):
    assert (specificity(selector, code, name) >= 0) is expected


# select, extend-select, ignore → is SIGN-001 (signature-missing) on?
@pytest.mark.parametrize("select, extend, ignore, on", [
    ((), (), (), True),                                   # default: everything
    ((), (), ("SIGN",), False),
    ((), (), ("SIGNER",), True),                          # SIGNER does not reach SIGN-001
    (("SIGNER",), (), (), False),
    (("SIGN",), (), ("SIGN-001",), False),                # the more specific ignore wins
    (("SIGN-001",), (), ("SIGN",), True),                 # the more specific select wins
    (("signature-missing",), (), ("SIGN",), True),        # a name is as specific as the code
    (("SIGN",), (), ("SIGN",), False),                    # a tie: ignore wins
    (("DATE",), ("SIGN",), (), True),                     # extend-select adds to select
    (("DATE",), ("SIGN",), ("SIGN-0",), False),
    (("DATE",), (), (), False),
])
def test_decision_table(select, extend, ignore, on):
    assert Decision(select, extend, ignore).enabled("SIGN-001", "signature-missing") is on


@pytest.mark.parametrize("severity, expected", [
    ((), None),
    ((("SIGN", "warning"),), "warning"),
    ((("SIGNER", "warning"),), None),
    ((("SIGN", "warning"), ("SIGN-001", "info")), "info"),          # the most specific wins
    ((("signature-missing", "info"), ("SIGN", "warning")), "info"),
])
def test_severity_override_table(severity, expected):
    assert Decision(severity=severity).severity_override("SIGN-001", "signature-missing") == expected


def test_config_ignore_sign_keeps_signer_rules(capsys, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".letterlint.toml").write_text('ignore = ["SIGN"]\nseverity = { "DATE" = "info" }\n',
                                               encoding="utf-8")
    engine = Engine()
    s = engine.settings_for(str(tmp_path / "a.txt"))
    enabled = {r.code for r, _ in s.active()}
    assert "SIGN-001" not in enabled and "SIGN-002" not in enabled
    assert {"SIGNER-001", "SIGNER-002"} <= enabled
    (tmp_path / "a.txt").write_text(LETTER, encoding="utf-8")
    code, out, _ = run(capsys, "--format", "json", tmp_path / "a.txt")
    diags = json.loads(out)["files"][0]["diagnostics"]
    assert {d["severity"] for d in diags if d["rule"].startswith("DATE")} == {"info"}


def test_sidecar_and_markdown_directive_use_the_same_selectors(tmp_path):
    from letterlint.suppress import markdown_directives
    from letterlint.selection import covers

    assert markdown_directives(["<!-- letterlint: ignore SIGN -->", "x"]) == {2: ["SIGN"]}
    assert covers("SIGN", "SIGN-001") and not covers("SIGN", "SIGNER-001")


def test_settings_are_built_once_per_configuration(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".letterlint.toml").write_text('ignore = ["DATE"]\n[per-file-ignores]\n"old/*" = ["NUM"]\n',
                                               encoding="utf-8")
    (tmp_path / "old").mkdir()
    engine = Engine()
    a, b = engine.settings_for(str(tmp_path / "a.txt")), engine.settings_for(str(tmp_path / "b.txt"))
    c = engine.settings_for(str(tmp_path / "old" / "c.txt"))
    assert a is b and a is not c and "NUM" in c.ignore
    assert a.active() is not None and a.__dict__["_active"] is b.__dict__["_active"]


# --- no rule runs another rule: overlaps are the engine's --------------------------------------

def test_colon_after_recipient_reported_once_by_the_specific_rule(capsys, tmp_path):
    (tmp_path / "a.txt").write_text(LETTER, encoding="utf-8")
    codes = [c for c in found(capsys, "--isolated", tmp_path / "a.txt") if c[1] == 2]
    assert codes == [("RECIP-002", 2, 7)]


@pytest.mark.parametrize("option", [("--select", "PUNCT"), ("--ignore", "RECIP-002"), ("--ignore", "RECIP")])
def test_colon_after_recipient_not_silenced_when_the_specific_rule_is_off(capsys, tmp_path, option):
    (tmp_path / "a.txt").write_text(LETTER, encoding="utf-8")
    codes = [c for c in found(capsys, "--isolated", *option, tmp_path / "a.txt") if c[1] == 2]
    assert codes == [("PUNCT-001", 2, 7)]


def test_punctuation_module_runs_no_other_rule():
    import inspect

    from letterlint.rules import punctuation

    source = inspect.getsource(punctuation)
    assert "get_rule" not in source and ".run(letter" not in source


# --- crash isolation --------------------------------------------------------------------------------

def _raising_plugin(site):
    dist = site / "boom_letterlint-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: boom-letterlint\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[letterlint.rules]\nboom = boom_letterlint\n")
    (site / "boom_letterlint.py").write_text('''
from letterlint.rules.base import rule


@rule("BOOM-001", "boom", "warning")
def boom(letter, options):
    """Raises on letters that mention 爆炸.

    反例：
        爆炸

    正例：
        平安
    """
    if "爆炸" in letter.text:
        raise ValueError("规则自身的缺陷")
    return iter(())
''', encoding="utf-8")


def test_a_raising_plugin_rule_is_a_diagnostic_and_exit_2(tmp_path):
    site = tmp_path / "site"
    _raising_plugin(site)
    (tmp_path / "a.txt").write_text(LETTER.replace("现商请", "爆炸现商请"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(LETTER, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(site), NO_COLOR="1")
    p = subprocess.run([sys.executable, "-m", "letterlint", "--isolated", "--format", "json", "a.txt", "b.txt"],
                       capture_output=True, text=True, env=env, cwd=tmp_path)
    assert p.returncode == 2, p.stderr
    assert "Traceback" not in p.stderr
    files = {f["path"]: f["diagnostics"] for f in json.loads(p.stdout)["files"]}
    crash = [d for d in files["a.txt"] if d["rule"] == "LINT-001"]
    assert len(crash) == 1 and crash[0]["severity"] == "error"
    assert "BOOM-001" in crash[0]["message"] and "ValueError" in crash[0]["message"]
    assert {d["rule"] for d in files["a.txt"]} >= {"LINT-001", "RECIP-002", "DATE-002"}  # others still report
    assert {d["rule"] for d in files["b.txt"]} >= {"RECIP-002", "DATE-002"}
    assert not any(d["rule"] == "LINT-001" for d in files["b.txt"])


def test_a_failing_renderer_is_reported_not_a_traceback(capsys, tmp_path, monkeypatch):
    from letterlint import report

    def broken(results, stream, options):
        raise RuntimeError("renderer defect")

    monkeypatch.setattr(report, "get_renderer", lambda fmt: broken)
    (tmp_path / "a.txt").write_text(LETTER, encoding="utf-8")
    code, out, err = run(capsys, "--isolated", "--format", "json", tmp_path / "a.txt")
    assert code == 2 and "renderer defect" in err and "Traceback" not in err


# --- one result, however the file is linted ---------------------------------------------------------

@pytest.fixture
def project(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".letterlint.toml").write_text('ignore = ["NUM"]\nseverity = { "DATE-002" = "warning" }\n',
                                               encoding="utf-8")
    (tmp_path / ".letterlint-ignore.toml").write_text(
        '[[ignore]]\nrule = "RECIP-002"\ntext = "示例市公安局"\nreason = "测试"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(LETTER, encoding="utf-8")
    return tmp_path


def test_lint_path_lint_text_and_cli_agree(capsys, project, monkeypatch):
    monkeypatch.chdir(project)
    from letterlint import lint

    monkeypatch.setattr(lint, "_ENGINE", [])
    via_cli = found(capsys, "a.txt")
    via_path = [(d.rule, d.line, d.column) for d in lint_path("a.txt").diagnostics]
    via_text = [(d.rule, d.line, d.column) for d in lint_text(LETTER, "a.txt").diagnostics]
    assert via_cli == via_path == via_text
    assert not any(r == "RECIP-002" for r, _, _ in via_cli)           # the sidecar applies
    assert ("DATE-002", 6, 6) in via_cli
    sev = {d.rule: d.severity for d in lint_path("a.txt").diagnostics}
    assert sev["DATE-002"] == "warning"


def test_check_letter_does_not_change_the_letter():
    letter = parse_text(LETTER, "a.txt")
    before = letter.doctype
    check_letter(letter, Settings(doctype="suggestion_reply"))
    assert letter.doctype == before and letter.doctype_source != "config"


# --- configs in several folders ------------------------------------------------------------------

def test_parent_exclude_and_per_file_ignores_survive_a_nearer_config(capsys, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".letterlint.toml").write_text(
        'exclude = ["drafts/old/*"]\n[per-file-ignores]\n"drafts/new/*" = ["DATE"]\n', encoding="utf-8")
    for sub in ("drafts/old", "drafts/new"):
        (tmp_path / sub).mkdir(parents=True)
        (tmp_path / sub / "a.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / "drafts" / ".letterlint.toml").write_text('ignore = ["NUM"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "--format", "json", tmp_path / "drafts")
    files = {os.path.relpath(f["path"], tmp_path): f["diagnostics"] for f in json.loads(out)["files"]}
    assert list(files) == [os.path.join("drafts", "new", "a.txt")]   # the parent's exclude still holds
    assert not any(d["rule"].startswith("DATE") for d in files[os.path.join("drafts", "new", "a.txt")])


@pytest.mark.parametrize("table", ['exclude = ["../*"]', 'exclude = ["/etc/*"]',
                                   '[per-file-ignores]\n"../../**" = ["DATE"]'])
def test_a_config_cannot_reach_outside_its_folder(capsys, tmp_path, table):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pr").mkdir()
    (tmp_path / "pr" / ".letterlint.toml").write_text(table + "\n", encoding="utf-8")
    (tmp_path / "pr" / "a.txt").write_text(LETTER, encoding="utf-8")
    code, _, err = run(capsys, tmp_path / "pr" / "a.txt")
    assert code == 2 and ".letterlint.toml" in err and ".." in err


def test_a_deeper_config_does_not_choose_the_format_of_the_run(capsys, tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / ".letterlint.toml").write_text('format = "concise"\n', encoding="utf-8")
    (tmp_path / "a" / "x.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / "b.txt").write_text(LETTER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "--no-color", "a/x.txt", "b.txt")
    assert "│" in out  # the rich report: the concise format of a/ does not speak for b.txt


def test_a_sidecar_in_a_folder_does_not_reach_files_outside_it(capsys, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pr").mkdir()
    (tmp_path / "pr" / ".letterlint-ignore.toml").write_text(
        '[[ignore]]\nrule = "DATE"\ntext = "2024"\nreason = "x"\nfiles = "*"\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / "pr" / "a.txt").write_text(LETTER, encoding="utf-8")
    code, out, err = run(capsys, "--format", "json", tmp_path / "b.txt", tmp_path / "pr" / "a.txt")
    dates = {os.path.basename(f["path"]): [d["rule"] for d in f["diagnostics"] if d["rule"].startswith("DATE")]
             for f in json.loads(out)["files"]}
    assert dates == {"b.txt": ["DATE-002", "DATE-002"], "a.txt": []}


def test_a_renderer_failing_on_one_file_keeps_the_others(capsys, tmp_path, monkeypatch):
    from letterlint import report

    real = report.get_renderer("json")

    def picky(results, stream, options):
        if any("bad" in r.path and r.diagnostics for r in results):
            raise RuntimeError("cannot render this one")
        real(results, stream, options)

    monkeypatch.setattr(report, "get_renderer", lambda fmt: picky)
    (tmp_path / "bad.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / "good.txt").write_text(LETTER, encoding="utf-8")
    code, out, err = run(capsys, "--isolated", "--format", "json", tmp_path / "bad.txt", tmp_path / "good.txt")
    assert code == 2 and "Traceback" not in err
    files = {os.path.basename(f["path"]): f for f in json.loads(out)["files"]}
    assert files["good.txt"]["diagnostics"]                        # still reported
    assert "cannot render this one" in (files["bad.txt"].get("error") or "")
