"""CI outputs checked against what their consumers document: JSON schema, SARIF columns, xunit2, GitLab, concise."""
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from letterlint.cli import main
from letterlint.diagnostic import Diagnostic, FileResult
from letterlint.report import ReportOptions, get_renderer

ROOT = Path(__file__).resolve().parents[1]
GOOD = "关于商请协助开展道路安全检查的函\n\n示例市公安局：\n为做好道路安全检查工作，现商请贵局派员协助。\n请予函复。\n\n示例市交通运输局\n2024年5月6日\n"
BAD = GOOD.replace("示例市公安局：", "示例市公安局:").replace("2024年5月6日", "2024年05月06日")


def render(fmt, results, **options):
    out = io.StringIO()
    get_renderer(fmt)(results, out, ReportOptions(color=False, **options))
    return out.getvalue()


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    return tmp_path


def test_json_output_validates_against_the_published_schema(tree, capsys):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "docs" / "output.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    main(["--format", "json", str(tree)])
    doc = json.loads(capsys.readouterr().out)
    assert doc["summary"]["unreadable"] == 1 and doc["summary"]["errors"] >= 2
    assert any("fix" in d for f in doc["files"] for d in f["diagnostics"])  # the fix object is covered too
    jsonschema.validate(doc, schema, cls=jsonschema.Draft202012Validator)
    # every field is documented
    defs = schema["$defs"]
    for obj in (schema, defs["file"], defs["diagnostic"], defs["summary"], defs["fix"],
                defs["fix"]["properties"]["edits"]["items"]):
        for name, prop in obj["properties"].items():
            assert prop.get("description") or "$ref" in prop, name


def test_sarif_columns_are_utf16_units_after_astral_characters():
    line = "𠮷田市教育局:"
    d = Diagnostic(1, 7, 1, 8, "RECIP-002", "error", "冒号")
    assert line[d.column - 1] == ":"
    doc = json.loads(render("sarif", [FileResult("a.txt", [d], lines=[line], encoding="utf-8")]))
    (run,) = doc["runs"]
    assert run["columnKind"] == "utf16CodeUnits"
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    units = line.encode("utf-16-le")
    start, end = (region["startColumn"] - 1) * 2, (region["endColumn"] - 1) * 2
    assert units[start:end].decode("utf-16-le") == ":"  # what a UTF-16 consumer (GitHub, VS Code) selects


def test_junit_warnings_fail_only_when_fail_on_says_so(tree, capsys):
    letter = tree / "warn.txt"
    letter.write_text(GOOD.replace("一", "一").replace("为做好", "(一)为做好"), encoding="utf-8")
    for fail_on, failing in (("error", False), ("warning", True)):
        code = main(["--format", "junit", "--fail-on", fail_on, str(letter)])
        root = ET.fromstring(capsys.readouterr().out)
        case = root.find("testsuite/testcase")
        out = case.find("system-out")
        assert (case.find("failure") is not None) == failing == (code == 1), (fail_on, code)
        assert failing or (out is not None and "警告" in out.text)


ALLOWED = {  # the xunit2 schema (Jenkins junit-10.xsd, as used by pytest's junit_family=xunit2)
    "testsuites": ({"name", "time", "tests", "failures", "errors", "disabled"}, set(), {"testsuite"}),
    "testsuite": ({"name", "tests", "failures", "errors", "time", "disabled", "skipped", "timestamp", "hostname",
                   "id", "package", "file", "log", "url", "version"}, {"name", "tests"},
                  {"testcase", "properties", "system-out", "system-err"}),
    "testcase": ({"name", "assertions", "time", "classname", "status"}, {"name"},
                 {"skipped", "error", "failure", "system-out", "system-err"}),
    "failure": ({"message", "type"}, set(), set()),
    "error": ({"message", "type"}, set(), set()),
    "system-out": (set(), set(), set()),
}


def check_xunit2(element):
    attrs, required, children = ALLOWED[element.tag]
    assert set(element.attrib) <= attrs, (element.tag, set(element.attrib) - attrs)
    assert required <= set(element.attrib), (element.tag, required)
    for child in element:
        assert child.tag in children, (element.tag, child.tag)
        check_xunit2(child)
    if element.tag == "testcase":
        outcomes = [c.tag for c in element if c.tag in ("skipped", "error", "failure")]
        assert len(outcomes) <= 1
    for name in ("tests", "failures", "errors", "skipped", "time"):
        if name in element.attrib:
            assert float(element.get(name)) >= 0


def test_junit_keeps_to_the_xunit2_schema(tree, capsys):
    main(["--format", "junit", "--fail-on", "info", str(tree)])
    root = ET.fromstring(capsys.readouterr().out)
    assert root.tag == "testsuites"
    check_xunit2(root)
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert int(suite.get("tests")) == len(cases) == 3
    assert int(suite.get("failures")) == sum(c.find("failure") is not None for c in cases)
    assert int(suite.get("errors")) == sum(c.find("error") is not None for c in cases) == 1


def test_gitlab_issues_have_the_documented_fields(tree, capsys):
    main(["--format", "gitlab", str(tree)])
    issues = json.loads(capsys.readouterr().out)
    assert issues
    # GitLab's Code Quality report: description, check_name, fingerprint, severity,
    # location.path and location.lines.begin are required; severity is one of these.
    for issue in issues:
        assert isinstance(issue["description"], str) and issue["description"]
        assert isinstance(issue["check_name"], str) and issue["check_name"]
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert not Path(issue["location"]["path"]).is_absolute() or issue["location"]["path"].startswith("/")
        assert isinstance(issue["location"]["lines"]["begin"], int) and issue["location"]["lines"]["begin"] >= 1
        assert len(issue["fingerprint"]) == 64
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_concise_keeps_one_line_per_problem():
    d = Diagnostic(2, 1, 2, 3, "X-001", "warning", "第一行\n第二行\r\n第三行")
    out = render("concise", [FileResult("a.txt", [d], lines=["", "ab"]),
                             FileResult("b.txt", error="b.txt：文件为空")])
    # line breaks are shown as escapes (report.printable, as in every format)
    assert out.splitlines() == ["a.txt:2:1: 警告 X-001 第一行\\n第二行\\r\\n第三行", "b.txt: 错误 无法检查：b.txt：文件为空"]
    assert "E000" not in out
