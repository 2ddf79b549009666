"""`letterlint structure`: several files, --why, and the same reading path as `check`."""
import json

from letterlint.cli import main

LETTER = """\
示例市交通运输局关于商请协助开展道路安全检查的函

示例市公安局：
为做好道路安全检查工作，现商请贵局派员协助。
秘密
请予函复。

示例市交通运输局
2024年5月6日
"""


def structure(capsys, *args):
    code = main(["structure", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_why_names_the_kind_the_evidence_and_the_candidates_that_lost(capsys, tmp_path):
    path = tmp_path / "函.txt"
    path.write_text(LETTER, encoding="utf-8")
    code, out, _ = structure(capsys, "--format", "json", "--why", str(path))
    doc = json.loads(out)
    assert code == 0
    reading = {r["lines"][0]: r for r in doc["reading"]}
    assert (reading[1]["kind"], reading[1]["evidence"]) == ("title", "完整的标题（关于……＋文种）")
    assert reading[5]["kind"] == "secrecy" and reading[5]["misplaced"] is True
    assert reading[5]["lost"] == []  # strong evidence: 正文 is not even a candidate
    assert reading[4]["lost"] == [{"kind": "attachment_text", "name": "附件正文", "evidence": "成文日期之后的文字"}]
    assert doc["misplaced"] == [{"line": 5, "kind": "secrecy", "message": "密级和保密期限应位于标题之前"}]


def test_why_in_the_terminal(capsys, tmp_path):
    path = tmp_path / "函.txt"
    path.write_text(LETTER, encoding="utf-8")
    code, out, _ = structure(capsys, "--no-color", "--why", str(path))
    assert code == 0
    assert "第5行  密级和保密期限 位置不当  依据：密级词（绝密、机密、秘密）\n" in out
    assert "第4行  正文   依据：没有其他依据  落选：附件正文（成文日期之后的文字）\n" in out


def test_several_files_give_a_list_and_a_missing_one_exit_code_2(capsys, tmp_path):
    one, two = tmp_path / "a.txt", tmp_path / "b.txt"
    one.write_text(LETTER, encoding="utf-8")
    two.write_text(LETTER.replace("秘密\n", ""), encoding="utf-8")
    code, out, _ = structure(capsys, "--format", "json", str(one), str(two))
    docs = json.loads(out)
    assert code == 0 and [d["path"] for d in docs] == [str(one), str(two)]
    assert [len(d["misplaced"]) for d in docs] == [1, 0]
    code, out, err = structure(capsys, "--format", "json", str(one), str(tmp_path / "missing.txt"))
    assert code == 2 and "文件不存在" in err and len(json.loads(out)) == 1


def test_a_markdown_draft_is_read_as_check_reads_it(capsys, tmp_path):
    path = tmp_path / "函.md"
    path.write_text("<!-- 草稿备注：秘密 -->\n" + LETTER.replace("秘密\n", ""), encoding="utf-8")
    code, out, _ = structure(capsys, "--format", "json", str(path))
    doc = json.loads(out)
    assert code == 0 and doc["misplaced"] == []
    assert doc["parts"][0]["kind"] == "title"


def test_a_word_draft_shows_its_parts_with_their_paragraphs(capsys, tmp_path, monkeypatch):
    import io

    from docx_fixtures import docx, para, run, table_row

    # The 版头 in a table row of two cells: paragraphs 1 and 2 read as line 1; the title is paragraph 3, line 2.
    data = docx(table_row(para(run("示交函〔2024〕3号")), para(run("签发人：张明"))),
                *[para(run(t)) for t in LETTER.replace("秘密\n", "").split("\n") if t])
    path = tmp_path / "函.docx"
    path.write_bytes(data)
    code, out, _ = structure(capsys, "--no-color", str(path))
    assert code == 0 and "文种：函" in out
    assert "标题 第2行（段3） 示例市交通运输局关于商请协助开展道路安全检查的函" in out
    code, out, _ = structure(capsys, "--format", "json", str(path))
    title = next(p for p in json.loads(out)["parts"] if p["kind"] == "title")
    assert (title["line"], title["paragraph"], title["paragraph_column"]) == (2, 3, 1)
    # On standard input, a Word file is known by its first bytes, as `check` knows it.
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, err = structure(capsys, "--format", "json", "-")
    assert code == 0 and json.loads(out)["encoding"] == "docx", err


def test_a_file_that_is_no_draft_is_refused_with_exit_code_2(capsys, tmp_path, monkeypatch):
    import io

    scan = tmp_path / "扫描.docx"
    scan.write_bytes(b"%PDF-1.4\n1 0 obj")
    good = tmp_path / "a.txt"
    good.write_text(LETTER, encoding="utf-8")
    code, out, err = structure(capsys, "--no-color", str(scan), str(good))
    assert code == 2 and "这是 PDF 文件" in err and "Traceback" not in err and "a.txt" in out
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"%PDF-1.4\n1 0 obj")))
    code, out, err = structure(capsys, "-")
    assert code == 2 and "<stdin>：这是 PDF 文件" in err


def test_a_line_that_is_both_a_note_and_the_disclosure_is_shown_once(capsys, tmp_path):
    path = tmp_path / "答复.txt"
    path.write_text("示例市水务局关于市七届人大三次会议第5号建议的答复\n\n钱某某代表：\n您提出的建议收悉。现答复如下：我局将加快管网改造。\n"
                    "感谢您对水务工作的关心和支持。\n\n示例市水务局\n2024年6月3日\n（此件公开发布）\n", encoding="utf-8")
    code, out, _ = structure(capsys, "--no-color", str(path))
    assert code == 0
    assert out.count("（此件公开发布）") == 1
    assert "附注、公开属性 第9行 （此件公开发布）" in out
    # The json keeps one entry per part (scripts and the instruments read both kinds).
    code, out, _ = structure(capsys, "--format", "json", str(path))
    assert [p["kind"] for p in json.loads(out)["parts"] if p["line"] == 9] == ["note", "disclosure"]
