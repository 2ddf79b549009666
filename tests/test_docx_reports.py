"""Every report format points into a Word draft by paragraph: the place a clerk can find in Word.

The draft is made so that the text view's lines and columns differ from the
paragraphs: a 版头 table row (two paragraphs read as one line), a title with
a manual line break (one paragraph on two lines), and a 成文日期 whose first
paragraph mark is a tracked deletion (two paragraphs joined into one line).
Every format must name the same paragraphs and columns.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from docx_fixtures import docx, para, run, table_row

from letterlint.cli import main

ROOT = Path(__file__).resolve().parents[1]
DELETED = '<w:rPr><w:del w:id="9" w:author="审核人" w:date="2024-05-06T00:00:00Z"/></w:rPr>'
SELECT = "SIGNER-003,DATE-002"
# (rule, paragraph, column, end paragraph, end column, run) of the complete list under SELECT,
# and the text-view (line, column) the rules reported.
EXPECTED = [("SIGNER-003", 2, 5, 2, 7, 1), ("DATE-002", 10, 1, 10, 3, 1), ("DATE-002", 10, 4, 10, 6, 1)]
TEXT_VIEW = [(1, 18), (9, 6), (9, 9)]


def letter(title_first: str = "示例市教育局关于调整") -> bytes:
    return docx(
        table_row(para(run("示教函〔2024〕3号")), para(run("签发人：张明"))),
        para(run(title_first), "<w:r><w:br/></w:r>", run("校车线路的函")),
        para(run("示例市交通运输局：")),
        para(run("　　为方便学生上下学，我局拟调整校车线路。")),
        para(run("　　请予支持。")),
        para(run("　　特此函告。")),
        para(run("示例市教育局")),
        para(run("2024年"), ppr=DELETED), para(run("05月06日")),
        para(run("（联系人：李明，电话：0571-12345678）")),
    )


@pytest.fixture
def draft(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("函.docx").write_bytes(letter())
    return "函.docx"


def report(capsys, fmt: str, path: str, select: str = SELECT) -> str:
    main(["--format", fmt, "--select", select, path])
    return capsys.readouterr().out


def test_concise(draft, capsys):
    out = report(capsys, "concise", draft).splitlines()
    assert [line.split(": ")[0] for line in out] == [f"函.docx:段{p}:列{c}" for _, p, c, _, _, _ in EXPECTED]


def test_json_fields_and_schema(draft, capsys):
    doc = json.loads(report(capsys, "json", draft))
    diags = doc["files"][0]["diagnostics"]
    assert [(d["rule"], d["paragraph"], d["paragraph_column"], d["end_paragraph"], d["end_paragraph_column"], d["run"])
            for d in diags] == EXPECTED
    assert [(d["line"], d["column"]) for d in diags] == TEXT_VIEW
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "docs" / "output.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema, cls=jsonschema.Draft202012Validator)
    for name in ("paragraph", "paragraph_column", "run", "end_paragraph", "end_paragraph_column"):
        assert schema["$defs"]["diagnostic"]["properties"][name]["description"]


def test_sarif_region_message_and_properties(draft, capsys):
    (run_,) = json.loads(report(capsys, "sarif", draft))["runs"]
    got = []
    for result, (rule, p, c, ep, ec, r), (line, col) in zip(run_["results"], EXPECTED, TEXT_VIEW, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        got.append((result["ruleId"], region["startLine"], region["startColumn"], region["endLine"],
                    region["endColumn"], result["properties"]["run"]))
        assert result["message"]["text"].startswith(f"段{p}:列{c} ")
        assert result["properties"] == {"paragraph": p, "paragraphColumn": c, "endParagraph": ep,
                                        "endParagraphColumn": ec, "run": r, "textLine": line, "textColumn": col}
    assert got == EXPECTED


def test_sarif_columns_in_a_paragraph_count_utf16_units(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("吉.docx").write_bytes(letter("𠮷田市教育局关于调整"))
    (run_,) = json.loads(report(capsys, "sarif", "吉.docx", "TITLE-008"))["runs"]
    regions = [(r["locations"][0]["physicalLocation"]["region"], r["properties"]) for r in run_["results"]]
    # The title's second line starts after "𠮷田市教育局关于调整\n": character 12, UTF-16 unit 13.
    second = [(reg, props) for reg, props in regions if props["paragraphColumn"] == 12]
    assert second and all(reg["startLine"] == 3 and reg["startColumn"] == 13 for reg, _ in second)
    assert all(reg["startColumn"] == 1 for reg, props in regions if props["paragraphColumn"] == 1)


def test_github_annotations(draft, capsys):
    out = report(capsys, "github", draft).splitlines()
    severity = {"SIGNER-003": "warning", "DATE-002": "error"}
    assert [line.split(" 成文")[0].split(" 签发")[0] for line in out] == [
        f"::{severity[rule]} file=函.docx,line={p},col={c},endLine={ep},endColumn={ec},title={rule}::段{p}:列{c}"
        for rule, p, c, ep, ec, _ in EXPECTED]


def test_gitlab_code_quality(draft, capsys):
    issues = json.loads(report(capsys, "gitlab", draft))
    assert [(i["check_name"], i["location"]["lines"]["begin"], i["location"]["lines"]["end"]) for i in issues] == \
        [(rule, p, ep) for rule, p, _, ep, _, _ in EXPECTED]
    assert [i["description"].split(" ")[0] for i in issues] == [f"段{p}:列{c}" for _, p, c, _, _, _ in EXPECTED]


def test_junit(draft, capsys):
    root = ET.fromstring(report(capsys, "junit", draft))
    case = root.find("testsuite/testcase")
    failing = case.find("failure").text.splitlines()
    others = case.find("system-out").text.splitlines()
    assert [line.split(" ")[0] for line in failing] == ["段10:列1", "段10:列4"]
    assert [line.split(" ")[0] for line in others] == ["段2:列5"]


def test_html_notes_and_gutter(draft, capsys):
    page = report(capsys, "html", draft)
    for _, p, c, _, _, _ in EXPECTED:
        assert f"第{p}段第{c}列" in page
    assert "第9行" not in page and "第1行" not in page
    assert '">段1</a>' in page and '">段3</a>' in page and '">段10</a>' not in page   # line 9 starts in 段9


def test_text_drafts_keep_lines_and_columns(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("函.txt").write_text("示例市教育局关于调整校车线路的函\n示例市交通运输局：\n　　请予支持。\n示例市教育局\n2024年05月06日\n",
                             encoding="utf-8")
    assert report(capsys, "concise", "函.txt", "DATE-002").startswith("函.txt:5:6: 错误 DATE-002")
    (run_,) = json.loads(report(capsys, "sarif", "函.txt", "DATE-002"))["runs"]
    result = run_["results"][0]
    assert "properties" not in result and result["locations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert "line=5,col=6" in report(capsys, "github", "函.txt", "DATE-002")
    assert "第5行第6列" in report(capsys, "html", "函.txt", "DATE-002")
    diag = json.loads(report(capsys, "json", "函.txt", "DATE-002"))["files"][0]["diagnostics"][0]
    assert "paragraph" not in diag and "end_paragraph" not in diag


def test_no_fix_hint_for_a_word_draft(draft, capsys):
    main(["--format", "concise", "--select", "DATE-002", draft])
    err = capsys.readouterr().err
    assert "--fix" not in err   # --fix never rewrites a Word file: offering it would mislead
