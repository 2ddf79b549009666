"""Word drafts: reading, positions, refusals, and the layout rules on generated documents.

Every document is made here (letterlint.docx.spec plus the raw XML of
tests/docx_fixtures.py) for fictional organisations.
"""
from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import pytest
from docx_fixtures import (NUMBERING, THEME, THEME_STYLES, docx, numbered, para, run, styled, table_row,
                           text_box)

from letterlint.cli import main
from letterlint.docx.reader import read_docx
from letterlint.docx.spec import from_spec
from letterlint.docx.view import Layout
from letterlint.lint import Settings, lint_bytes, lint_path, lint_text
from letterlint.rules import all_rules

LAYOUT_CODES = sorted(r.code for r in all_rules() if r.origin == "letterlint.docx.layout")
TEXT_ONLY = Settings(ignore=LAYOUT_CODES)


def view(data: bytes) -> list[str]:
    return Layout(read_docx(data, "t.docx")).lines


# --- reading ---------------------------------------------------------------------------


def test_reading_order_text_boxes_tables_tracked_changes_hidden_fields_breaks():
    data = docx(
        para(text_box(para(run("示例市教育局文件", color="FF0000"), ppr='<w:jc w:val="center"/>'))),
        table_row(para(run("示教发〔2024〕3号")), para(run("签发人：张明"))),
        para(run("关于"), '<w:ins w:id="1" w:author="审核人"><w:r><w:t>申请校舍维修经费</w:t></w:r></w:ins>',
             '<w:del w:id="2" w:author="审核人"><w:r><w:delText>办公用房</w:delText></w:r></w:del>', run("的请示")),
        para(run("示例市人民政府："), run("（内部备注）", hidden=True)),
        para(run("　　日期："), '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             '<w:r><w:instrText xml:space="preserve"> DATE \\@ "yyyy年M月d日" </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', run("2024年5月6日"),
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
        para(run("第一行"), "<w:r><w:br/></w:r>", run("第二行")),
    )
    assert view(data) == ["示例市教育局文件", "", "示教发〔2024〕3号\u3000\u3000签发人：张明", "关于申请校舍维修经费的请示",
                          "示例市人民政府：", "\u3000\u3000日期：2024年5月6日", "第一行", "第二行"]


def test_a_deleted_paragraph_mark_joins_the_paragraphs_as_accepted():
    deleted = '<w:rPr><w:del w:id="3" w:author="审核人" w:date="2024-05-06T00:00:00Z"/></w:rPr>'
    data = docx(para(run("　　为方便学生上下学，"), ppr=deleted), para(run("我局拟调整校车线路。")), para(run("　　特此函告。")))
    assert view(data) == ["　　为方便学生上下学，我局拟调整校车线路。", "　　特此函告。"]
    layout = Layout(read_docx(data, "t.docx"))
    paragraph, offset = layout.locate(1, 13)
    assert (paragraph.number, offset) == (2, 1)


def test_automatic_numbering_resolved_with_restarts():
    data = docx(numbered("总体情况", 1, 0), numbered("调整线路", 1, 1), numbered("东线", 1, 2), numbered("西线", 1, 2),
                numbered("经费", 1, 1), numbered("保障", 1, 0), numbered("措施", 1, 1), numbered("细则", 1, 3),
                numbered("另一份清单", 2, 0), numbering=NUMBERING)
    # The levels have no w:suff: Word puts a tab after the number, and so does the text view.
    assert view(data) == ["一、\t总体情况", "（一）\t调整线路", "1.\t东线", "2.\t西线", "（二）\t经费", "二、\t保障",
                          "（一）\t措施", "（1）\t细则", "一、\t另一份清单"]


def test_chinese_counting_beyond_ten():
    from letterlint.docx.numbering import chinese_counting

    assert [chinese_counting(n) for n in (1, 10, 11, 20, 21, 99, 100, 105, 110)] == \
        ["一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十"]


def test_theme_fonts_and_style_chain_resolved_east_asian_first():
    data = docx(styled("一、总体情况", "Heading1Cn"), styled("示例市教育局关于调整校车线路的函", "Title"),
                para(run("正文")), theme=THEME, styles=THEME_STYLES)
    doc = read_docx(data, "t.docx")
    heading, title, body = doc.paragraphs
    assert (heading.pieces[0].fmt.font, heading.pieces[0].fmt.size) == ("黑体", 16)     # majorEastAsia → Hans
    assert (title.pieces[0].fmt.font, title.pieces[0].fmt.size) == ("方正小标宋简体", 22)
    assert title.props["jc"] == "center" and heading.props["ind"] == {"firstLineChars": "200"}
    assert body.pieces[0].fmt.font == "仿宋" and body.pieces[0].fmt.ascii == "Calibri"    # minorEastAsia


def test_headers_and_footers_are_not_letter_text():
    data = from_spec("@页脚 {字号=14}— {页码} —\n示例市教育局关于调整校车线路的函\n示例市交通运输局：")
    doc = read_docx(data, "t.docx")
    assert view(data) == ["示例市教育局关于调整校车线路的函", "示例市交通运输局："]
    footer = doc.sections[0].footers["default"][0]
    assert footer.text == "— 1 —" and footer.fields == [("PAGE", 2, 3)]


# --- the same letter as .txt, .md and .docx ------------------------------------------------

LETTER = """示例市教育局关于调整校车线路的函
示例市交通运输局：
　　为方便学生上下学，我局拟调整校车线路，现将有关事项函告如下。
　　一、总体安排
　　（一）调整线路。本次调整涉及3条线路，惠及学生1200余名。
　　请予支持。
　　特此函告。
示例市教育局
2024年05月06日
（联系人：李明，电话：0571-12345678）"""


def _diags(result):
    return [(d.rule, d.line, d.column, d.end_line, d.end_column) for d in result.diagnostics]


def test_same_text_diagnostics_for_txt_md_and_docx(tmp_path):
    txt = lint_text(LETTER, "letter.txt", TEXT_ONLY)
    md = lint_text(LETTER, "letter.md", TEXT_ONLY)
    data = from_spec(LETTER)
    word = lint_bytes(data, "letter.docx", TEXT_ONLY)
    assert _diags(txt) == _diags(md) == _diags(word)
    assert ("DATE-002", 9, 6, 9, 8) in _diags(word)
    # Positions in the document: the 9th paragraph, its 6th character, the first run.
    assert word.place(9, 6) == (9, 6, 1) and word.position(9, 6) == "段9:列6"


def test_same_text_diagnostics_with_a_header_table_and_automatic_numbering():
    # The 版头 in two tables (the 标志; the 发文字号 and 签发人 in two cells of one row) and the headings
    # numbered by Word with "一." (wrong) and "（一）", no gap after the number: typed as text, the same letter.
    numbering = NUMBERING.replace("<w:lvlText", '<w:suff w:val="nothing"/><w:lvlText').replace('w:val="%1、"',
                                                                                                'w:val="%1."')
    head = [table_row(para(run("示例市教育局文件", color="FF0000"))),
            table_row(para(run("示教函〔2024〕03号")), para(run("签发人：张明")))]
    before = ["示例市教育局关于调整校车线路的函", "示例市交通运输局：", "　　为方便学生上下学，我局拟调整校车线路，现将有关事项函告如下。"]
    after = ["　　本次调整涉及3条线路，惠及学生1200余名。", "　　请予支持。", "　　特此函告。", "示例市教育局", "2024年05月06日"]
    data = docx(*head, *[para(run(t)) for t in before], numbered("总体安排", 1, 0), numbered("调整线路。", 1, 1),
                *[para(run(t)) for t in after], numbering=numbering)
    text = "\n".join(["示例市教育局文件", "示教函〔2024〕03号　　签发人：张明", *before, "一.总体安排", "（一）调整线路。", *after])
    assert "\n".join(view(data)) == text
    word = lint_bytes(data, "letter.docx", TEXT_ONLY)
    txt, md = lint_text(text, "letter.txt", TEXT_ONLY), lint_text(text, "letter.md", TEXT_ONLY)
    assert _diags(word) == _diags(txt) == _diags(md) == [
        ("DOCNUM-004", 2, 10, 2, 12), ("HEAD-002", 6, 2, 6, 3), ("HEAD-009", 7, 8, 7, 9),
        ("DATE-002", 12, 6, 12, 8), ("DATE-002", 12, 9, 12, 11)]
    # In the document: the cell holding the 发文字号 is paragraph 2, the numbered heading paragraph 7.
    assert [word.position(d.line, d.column) for d in word.diagnostics] == ["段2:列10", "段7:列2", "段8:列8", "段13:列6",
                                                                          "段13:列9"]


def test_numbering_labels_are_linted_as_written(tmp_path):
    # "一." from numbering.xml: the heading's punctuation is wrong exactly as the reader sees it.
    numbering = NUMBERING.replace('w:val="%1、"', 'w:val="%1."')
    data = docx(*[para(run(t)) for t in LETTER.split("\n")[:3]], numbered("总体安排", 1, 0), numbering=numbering)
    result = lint_bytes(data, "t.docx", TEXT_ONLY)
    assert Layout(read_docx(data, "t.docx")).lines[3] == "一.\t总体安排"
    assert any(d.rule.startswith("HEAD") and d.line == 4 and d.column == 2 for d in result.diagnostics), result.diagnostics


# --- refusals: other formats, broken and hostile files ---------------------------------------


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in entries.items():
            z.writestr(name, content)
    return buf.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
REFUSED = {
    "旧稿.doc": (OLE + b"WordDocument", "旧版 Word 文件（.doc）"),
    "草稿.wps": (OLE, "WPS 文字文件（.wps）"),
    "加密.docx": (OLE + "EncryptedPackage".encode("utf-16-le"), "已加密"),
    "扫描件.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF 文件"),
    "版式.ofd": (_zip({"OFD.xml": b"<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'/>"}), "OFD 版式文件"),
    "损坏.docx": (b"PK\x03\x04" + b"\x00" * 40, "ZIP 结构损坏"),
    "压缩包.docx": (_zip({"readme.txt": b"hello"}), "不是 Word 文档"),
    "表格.docx": (_zip({"[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
                      "xl/workbook.xml": b"<workbook/>"}), "Excel 或 PowerPoint"),
    "嵌套.docx": (docx("<w:p>" + "<w:hyperlink>" * 300 + "</w:hyperlink>" * 300 + "</w:p>"), "不是有效的 XML"),
    # Only macros, no document: a .docm (or a .docx) whose package holds a VBA project and nothing to read.
    "宏.docm": (_zip({"[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                            b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                                            b'</Types>', "word/vbaProject.bin": b"\x00" * 64}), "没有 Word 正文"),
    # Known by their first bytes, whatever their names say.
    "改名.docx": (OLE + b"WordDocument", "旧版 Word 文件（.doc）"),
    "扫描.txt": (b"%PDF-1.4\n1 0 obj", "PDF 文件"),
    "版式.md": (_zip({"Doc_0/Document.xml": b"<ofd:Document/>", "OFD.xml": b"<ofd:OFD/>"}), "OFD 版式文件"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_a_chinese_message_and_exit_2(tmp_path, capsys, monkeypatch, name):
    monkeypatch.setenv("PATH", "/nonexistent")   # no soffice: the advice, not a conversion
    data, words = REFUSED[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "好.txt"
    good.write_text(LETTER.replace("05月06日", "5月6日"), encoding="utf-8")
    code = main(["--format", "concise", "--no-color", str(bad), str(good)])
    out = capsys.readouterr()
    assert code == 2
    assert words in out.out and "Traceback" not in out.out + out.err
    assert f"{good}:" not in out.out or "E000" not in out.out.split(str(good))[1]   # the text draft was linted


def test_docx_bomb_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", b"<Types/>")
        z.writestr("word/document.xml", b"<" + b" " * (40 * 1024 * 1024) + b"/>")
    result = lint_bytes(buf.getvalue(), "炸弹.docx")
    assert result.error and "压缩炸弹" in result.error


def _with_doctype(doctype: str, entity: str) -> bytes:
    data = docx(para(run("示例市教育局关于调整校车线路的函")), para(run("示例市交通运输局：")))
    src = zipfile.ZipFile(io.BytesIO(data))
    document = src.read("word/document.xml").decode("utf-8").split("?>", 1)[-1].replace("交通运输局：", "交通运输局：" + entity, 1)
    return _zip({n: (doctype + document).encode("utf-8") if n == "word/document.xml" else src.read(n)
                 for n in src.namelist()})


def test_entities_neither_expand_nor_reach_outside(tmp_path, monkeypatch):
    # "Billion laughs": refused by the parser's amplification limit, with the Chinese message and no traceback.
    laughs = "".join(f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdefg", "bcdefgh"))
    bomb = _with_doctype(f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">{laughs}]>', "&h;")
    result = lint_bytes(bomb, "笑.docx")
    assert result.error and result.error.startswith("笑.docx：包中的 word/document.xml 不是有效的 XML")
    # An external entity is not read: the text is the letter's, whatever file it names.
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    xxe = _with_doctype(f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]>', "&x;")
    result = lint_bytes(xxe, "外部.docx")
    assert result.error is None and "机密内容" not in "\n".join(result.lines)


def test_legacy_doc_converted_with_soffice_when_present(tmp_path, monkeypatch):
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    made = from_spec(LETTER)
    (tmp_path / "made.docx").write_bytes(made)
    fake.write_text(f"#!{sys.executable}\n# fake LibreOffice: draft.docx appears next to the converted file\n"
                    f"import os, shutil, sys\n"
                    f"shutil.copy({str(tmp_path / 'made.docx')!r}, os.path.join(os.path.dirname(sys.argv[-1]), 'draft.docx'))\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake.parent))
    doc = tmp_path / "旧稿.doc"
    doc.write_bytes(OLE + b"WordDocument")
    result = lint_path(doc, TEXT_ONLY)
    assert result.error is None and ("DATE-002", 9, 6, 9, 8) in _diags(result)


@pytest.mark.skipif(not __import__("shutil").which("soffice"), reason="LibreOffice is not installed")
def test_a_real_doc_and_wps_are_converted_by_libreoffice(tmp_path):
    # LibreOffice writes the letter as a Word 97 .doc; WPS 文字 .wps files are the same container.
    (tmp_path / "letter.docx").write_bytes(from_spec(LETTER))
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "doc", "--outdir", str(tmp_path / "doc"), str(tmp_path / "letter.docx")],
                   capture_output=True, timeout=180)
    doc = tmp_path / "doc" / "letter.doc"
    assert doc.read_bytes()[:8] == OLE[:8]
    wps = tmp_path / "doc" / "旧稿.wps"
    wps.write_bytes(doc.read_bytes())
    for path in (doc, wps):
        result = lint_path(path, TEXT_ONLY)
        assert result.error is None and ("DATE-002", 9, 6, 9, 8) in _diags(result), (path, result.error)
        assert result.position(9, 6) == "段9:列6"


def test_text_run_does_not_import_the_word_reader(tmp_path):
    letter = tmp_path / "函.txt"
    letter.write_text(LETTER, encoding="utf-8")
    # Only what the run itself loads counts (an editable install's finder imports zipfile at start-up).
    code = ("import sys\nbefore = set(sys.modules)\nfrom letterlint.cli import main\nmain([sys.argv[1]])\n"
            "print('LOADED', sorted(m for m in sys.modules if m not in before and m in ('docx', 'lxml', "
            "'lxml.etree', 'zipfile', 'letterlint.docx.reader', 'markdown_it')))")
    out = subprocess.run([sys.executable, "-c", code, str(letter)], capture_output=True, text=True).stdout
    assert "LOADED []" in out


# --- positions in reports ------------------------------------------------------------------


def test_reports_give_paragraph_and_run(tmp_path, capsys):
    path = tmp_path / "函.docx"
    path.write_bytes(docx(*[para(run(t)) for t in LETTER.split("\n")[:-2]],
                          para(run("2024年"), run("05月06日")), para(run(LETTER.split("\n")[-1]))))
    main(["--format", "json", "--select", "DATE-002", str(path)])
    diags = json.loads(capsys.readouterr().out)["files"][0]["diagnostics"]
    assert [(d["line"], d["column"], d["paragraph"], d["paragraph_column"], d["run"]) for d in diags] == \
        [(9, 6, 9, 6, 2), (9, 9, 9, 9, 2)]
    main(["--format", "concise", "--select", "DATE-002", str(path)])
    assert f"{path}:段9:列6: 错误 DATE-002" in capsys.readouterr().out


def test_directory_walk_picks_up_docx_and_skips_annotated_copies(tmp_path, capsys):
    (tmp_path / "a.DOCX").write_bytes(from_spec(LETTER))
    (tmp_path / "a.letterlint.docx").write_bytes(from_spec(LETTER))
    (tmp_path / "b.txt").write_text(LETTER, encoding="utf-8")
    main(["--format", "concise", "--select", "DATE-002", str(tmp_path)])
    out = capsys.readouterr().out
    assert "a.DOCX:段9:列6" in out and "b.txt:9:6" in out and "a.letterlint.docx" not in out


# --- the layout rules: exact positions on their documented bad examples ------------------------

BAD_EXAMPLES = {
    "ATTACH-008": [(7, 3, 5, "附件应另起一页"), (7, 3, 5, "附件标识应使用黑体，此处是“仿宋_GB2312”"), (7, 3, 5, "附件标识应顶格编排"),
                   (8, 1, 6, "附件标题应在附件页第三行（附件标识下空一行），此处在第 2 行"), (8, 1, 6, "附件标题应居中")],
    "BODY-001": [(3, 1, 20, "正文回行应顶格，此处左缩进2字")],
    "DATE-006": [(5, 1, 10, "成文日期应右对齐（加盖印章的右空四字）")],
    "HDR-005": [(1, 1, 9, "发文机关标志应为红色，应居中，上边缘距页面上边约 37～41.6 mm（按上方各段的行高和段前段后间距推算），"
                          "应在版心上边缘下 35 mm（距页面上边缘 72 mm）")],
    "HEAD-010": [(3, 3, 9, "一级标题应使用黑体，此处是“仿宋_GB2312”"), (4, 3, 11, "二级标题应使用楷体，此处是“仿宋_GB2312”")],
    "LAYOUT-001": [(1, 1, 17, "纸张应为 A4（210 mm × 297 mm），此处是 215.9 mm × 279.4 mm")],
    "LAYOUT-002": [(1, 1, 17, "页边距不合规定：上边距 25.4 mm（应为 37 mm），左边距 31.8 mm（应为 28 mm），"
                              "版心宽 146.4 mm（应为 156 mm，右边距约 26 mm），版心高 246.2 mm（应为 225 mm，下边距约 35 mm）")],
    "LAYOUT-003": [(1, 1, 17, "版面行数字数不合规定：每页 20 行（应为 22 行），每行 30 字（应为 28 字）")],
    "LAYOUT-004": [(3, 3, 22, "正文应为3号（16磅），此处是小4号（12磅）"), (3, 3, 22, "正文应使用仿宋，此处是“宋体”")],
    "LAYOUT-005": [(3, 15, 19, "文字应为黑色，此处是彩色（#FF0000）")],
    "LAYOUT-006": [(1, 1, 17, "页脚的页码：形式应为“— 1 —”（此处是“第1页”）；应为4号（14磅）宋体（此处是3号（16磅）"
                              "“Times New Roman”）；单页应居右、双页应居左（未设置奇偶页不同）")],
    "LAYOUT-007": [(1, 1, 7, "信函格式的发文机关标志下应有红色双线"), (1, 1, 7, "信函格式的首页不显示页码"),
                   (2, 1, 13, "信函格式的发文字号应顶格居版心右边缘")],
    "NUM-012": [(3, 11, 13, "数字“1200”被换行断开"),
                (5, 27, 31, "数字“１２００”在自动换行处被断开（按每行 28 字推算，断在“１２”之后）")],
    "PRINT-003": [(5, 1, 28, "印发机关和印发日期应为4号（14磅），此处是3号（16磅）"), (5, 1, 28, "印发机关应左空一字，此处空0字"),
                  (5, 17, 28, "印发日期应右空一字，此处空3.3～4.3字")],
    "SIGNER-003": [(2, 5, 7, "签发人姓名应使用楷体，此处是“仿宋_GB2312”")],
    "TITLE-008": [(1, 1, 17, "标题应为2号（22磅），此处是3号（16磅）"), (1, 1, 17, "标题应使用小标宋，此处是“黑体”"),
                  (1, 1, 17, "标题应居中"), (1, 16, 2, "标题换行处把文种“复函”拆开了（“线路的复／函”），回行应词意完整"),
                  (2, 1, 2, "标题应为2号（22磅），此处是3号（16磅）"), (2, 1, 2, "标题应使用小标宋，此处是“黑体”")],
}


def _example(code: str, label: str):
    rule = next(r for r in all_rules() if r.code == code)
    doctype = sorted(rule.doctypes)[0] if rule.doctypes else None
    return lint_bytes(from_spec(rule.example(label)), "e.docx", Settings(select=[code], doctype=doctype))


def test_every_layout_rule_has_positions_checked():
    assert sorted(BAD_EXAMPLES) == LAYOUT_CODES


@pytest.mark.parametrize("code", sorted(BAD_EXAMPLES))
def test_layout_rule_fires_at_exact_positions(code):
    result = _example(code, "反例")
    assert [(d.line, d.column, d.end_column, d.message) for d in result.diagnostics] == BAD_EXAMPLES[code]
    assert _example(code, "正例").diagnostics == []


def test_fonts_and_sizes_follow_the_local_format():
    # An office that sets its body in 方正仿宋_GBK at 15 pt says so once.
    spec = "示例市教育局关于调整校车线路的函\n{字号=15}示例市交通运输局：\n{字体=汉仪仿宋简 字号=15}　　为方便学生上下学，我局拟调整校车线路。"
    data = from_spec(spec)
    default = lint_bytes(data, "e.docx", Settings(select=["LAYOUT-004"]))
    assert [(d.line, d.column, d.message) for d in default.diagnostics] == [
        (2, 1, "主送机关应为3号（16磅），此处是小3号（15磅）"),
        (3, 3, "正文应为3号（16磅），此处是小3号（15磅）"), (3, 3, "正文应使用仿宋，此处是“汉仪仿宋简”")]
    local = {"LAYOUT-004": {"body-size": 15, "font-aliases": ["汉仪仿宋简=仿宋"]}}
    assert lint_bytes(data, "e.docx", Settings(select=["LAYOUT-004"], rule_options=local)).diagnostics == []


def test_letter_format_page_a4_and_letter_sections():
    a4 = "@页面 宽=210 高=297"
    body = "示例市教育局关于调整校车线路的函\n示例市交通运输局：\n　　特此函告。"
    from letterlint.docx.spec import _keys, _sect, paragraph_xml

    parts = [paragraph_xml(x) for x in body.split("\n")]
    letter_size = _sect(_keys("宽=215.9 高=279.4"), {}, False)
    # The first section (two paragraphs) is US Letter; the last (A4) holds the third.
    first = parts[1].replace("<w:p>", f"<w:p><w:pPr>{letter_size}</w:pPr>", 1)
    data = docx(parts[0], first, parts[2], section=_sect(_keys(a4[4:]), {}, False))
    result = lint_bytes(data, "e.docx", Settings(select=["LAYOUT-001"]))
    assert [(d.line, d.message) for d in result.diagnostics] == [
        (1, "纸张应为 A4（210 mm × 297 mm），此处是 215.9 mm × 279.4 mm")]


GOOD_LETTER = """@首页不同
@单双页不同
@首页页脚
@页脚 {字号=14 字体=宋体 西文字体=宋体 右对齐 右缩进=1}— {页码} —
@偶数页脚 {字号=14 字体=宋体 西文字体=宋体 左对齐 左缩进=1}— {页码} —
{颜色=FF0000 居中 字体=方正小标宋简体 字号=26 文本框=30}示例市教育局
{右对齐 段前=10mm 直线=170@42}示教函〔2024〕12号
{字体=方正小标宋简体 字号=22 居中 段前=2}示例市教育局关于调整校车线路的函
{直线=170@277 线型=上细下粗}示例市交通运输局：
　　为方便学生上下学，我局拟调整校车线路，现将有关事项函告如下。
{字体=黑体}　　一、总体安排
　　[[字体=楷体|（一）调整线路。]]本次调整涉及3条线路，惠及学生1200余名。
　　请予支持。
　　特此函告。
{右对齐 右缩进=4}示例市教育局
{右对齐 右缩进=2}2024年5月6日
　　（联系人：李明，电话：0571-12345678）"""


def test_a_well_made_word_letter_gets_no_diagnostic():
    result = lint_bytes(from_spec(GOOD_LETTER), "good.docx")
    assert result.error is None and result.diagnostics == []


def test_a_badly_made_word_letter_gets_the_complete_list():
    bad = (GOOD_LETTER.replace("{字体=方正小标宋简体 字号=22 居中 段前=2}", "{字号=18 段前=2}")
           .replace("{字体=黑体}", "").replace("{右对齐 右缩进=2}2024年5月6日", "{居中}2024年05月06日")
           .replace("@单双页不同\n", ""))
    result = lint_bytes(from_spec("@页面 上=25.4 左=31.8 下=25.4 右=31.8 网格=无\n" + bad), "bad.docx")
    assert [(d.rule, d.line, d.column, d.end_column) for d in result.diagnostics] == [
        ("LAYOUT-002", 2, 1, 13), ("LAYOUT-006", 2, 1, 13), ("LAYOUT-007", 2, 1, 13),
        ("TITLE-008", 3, 1, 17), ("TITLE-008", 3, 1, 17), ("TITLE-008", 3, 1, 17),
        ("HEAD-010", 6, 3, 9), ("DATE-006", 11, 1, 12), ("DATE-002", 11, 6, 8), ("DATE-002", 11, 9, 11)]


# --- --annotate ------------------------------------------------------------------------------


def _anchored_texts(path) -> dict[str, str]:
    """Comment id → the text between its range start and end, in document order."""
    import docx

    body = docx.Document(str(path)).element.body
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    open_ids: list[str] = []
    texts: dict[str, str] = {}
    for el in body.iter():
        if el.tag == w + "commentRangeStart":
            open_ids.append(el.get(w + "id"))
            texts[el.get(w + "id")] = ""
        elif el.tag == w + "commentRangeEnd":
            open_ids.remove(el.get(w + "id"))
        elif el.tag == w + "t":
            for i in open_ids:
                texts[i] += el.text or ""
    return texts


def test_annotate_writes_a_commented_copy_and_leaves_the_original(tmp_path, capsys):
    import docx

    bad = GOOD_LETTER.replace("{右对齐 右缩进=2}2024年5月6日", "{右对齐 右缩进=2}2024年05月06日")
    draft = tmp_path / "草稿.docx"
    draft.write_bytes(from_spec(bad))
    before = draft.read_bytes()
    assert main(["--annotate", "--format", "concise", str(draft)]) == 1
    assert draft.read_bytes() == before
    copy = tmp_path / "草稿.letterlint.docx"
    comments = list(docx.Document(str(copy)).comments)   # round-trips through python-docx
    assert [c.author for c in comments] == ["letterlint"] * 4
    assert [c.text for c in comments] == [
        "letterlint 检查结果：2 个错误，1 个警告，0 个提示。每个问题都有一条批注。",
        "DATE-006 成文日期右空2字，位置不对：加盖印章的应右空四字；不盖章的署名右空二字，日期首字比署名首字右移二字"
        "（日期较长时日期右空二字、署名相应左移） 建议：按 GB/T 9704-2012 7.3.5 调整日期位置",
        "DATE-002 成文日期的月份“05”不应编虚位（前面补0） 建议：改为 2024年5月6日",
        "DATE-002 成文日期的日“06”不应编虚位（前面补0） 建议：改为 2024年5月6日"]
    anchored = _anchored_texts(copy)
    assert sorted(anchored.values()) == ["05", "06", "2024年05月06日", "示例市教育局关于调整校车线路的函"]
    # The split runs keep their formatting, and the text reads as before.
    again = lint_path(copy)
    assert [(d.rule, d.line, d.column) for d in again.diagnostics] == [
        ("DATE-006", 11, 1), ("DATE-002", 11, 6), ("DATE-002", 11, 9)]
    assert "已写出批注稿" in capsys.readouterr().err


def test_annotate_output_dir_for_a_folder(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "甲.docx").write_bytes(from_spec(GOOD_LETTER))
    (drafts / "乙.txt").write_text(LETTER, encoding="utf-8")
    out = tmp_path / "审阅"
    main(["--annotate", "--output-dir", str(out), "--format", "concise", str(drafts)])
    assert sorted(p.name for p in out.iterdir()) == ["甲.letterlint.docx"]
    assert not (drafts / "甲.letterlint.docx").exists()


def test_annotate_when_fixing_fixes_the_text_and_annotates_the_word_draft(tmp_path, capsys):
    # An office whose config says fix = true still gets its 批注稿 (the Word draft itself is never rewritten).
    (tmp_path / ".letterlint.toml").write_text("fix = true\n", encoding="utf-8")
    (tmp_path / "甲.docx").write_bytes(from_spec(LETTER))
    before = (tmp_path / "甲.docx").read_bytes()
    (tmp_path / "乙.txt").write_text(LETTER, encoding="utf-8")
    main(["--annotate", "--format", "concise", "--select", "DATE-002", str(tmp_path)])
    err = capsys.readouterr().err
    assert "已写出批注稿" in err and "可用 --annotate" not in err
    assert (tmp_path / "甲.docx").read_bytes() == before
    assert "2024年5月6日" in (tmp_path / "乙.txt").read_text(encoding="utf-8")
    import docx

    assert [c.text.split(" ")[0] for c in docx.Document(str(tmp_path / "甲.letterlint.docx")).comments] == [
        "letterlint", "DATE-002", "DATE-002"]


def test_annotate_without_a_word_draft_says_so(tmp_path, capsys):
    (tmp_path / "乙.txt").write_text(LETTER, encoding="utf-8")
    assert main(["--annotate", "--format", "concise", str(tmp_path / "乙.txt")]) == 1
    assert "--annotate：没有 Word 文档（.docx、.doc、.wps），未写出批注稿" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["乙.txt"]


@pytest.mark.skipif(not __import__("shutil").which("soffice"), reason="LibreOffice is not installed")
def test_annotated_copy_opens_in_libreoffice(tmp_path):
    draft = tmp_path / "draft.docx"
    draft.write_bytes(from_spec(GOOD_LETTER.replace("5月6日", "05月06日")))
    main(["--annotate", "--format", "concise", str(draft)])
    p = subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                        "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "draft.letterlint.docx")],
                       capture_output=True, timeout=180)
    assert (tmp_path / "draft.letterlint.pdf").stat().st_size > 1000, p.stderr


def test_precommit_hook_selects_word_drafts_but_not_annotated_copies():
    import re
    from pathlib import Path

    import yaml

    hook = yaml.safe_load((Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])

    def selected(name):
        return bool(files.search(name)) and not exclude.search(name)

    assert [selected(n) for n in ("a.txt", "草稿.md", "复函.docx", "复函.DOCX", "复函.letterlint.docx", "a.pdf")] == \
        [True, True, True, True, False, False]


def test_word_file_on_standard_input():
    p = subprocess.run([sys.executable, "-m", "letterlint", "--format", "concise", "--select", "DATE-002",
                        "--stdin-filename", "草稿.docx", "-"], input=from_spec(LETTER), capture_output=True)
    assert p.stdout.decode("utf-8").splitlines() == [
        "草稿.docx:段9:列6: 错误 DATE-002 成文日期的月份“05”不应编虚位（前面补0）",
        "草稿.docx:段9:列9: 错误 DATE-002 成文日期的日“06”不应编虚位（前面补0）"]


def test_reading_and_layout_rules_are_linear_in_the_runs():
    """A paragraph of many one-character runs (as WPS writes after many edits): no pass is quadratic."""
    import time

    def seconds(n: int) -> float:
        body = [para(run("示例市教育局关于调整校车线路的函")), para(run("示例市交通运输局：")),
                para(*[run("学" if k % 7 else "，", font="宋体" if k % 2 else None) for k in range(n)])]
        data = docx(*body)
        best = float("inf")
        for _ in range(2):
            t0 = time.process_time()
            lint_bytes(data, "big.docx")
            best = min(best, time.process_time() - t0)
        return best

    small, large = seconds(1000), seconds(4000)
    assert large / small < 8, (small, large)   # 4x the runs; quadratic would be ~16x
    result = lint_bytes(docx(para(run("示例市教育局关于调整校车线路的函")), para(run("示例市交通运输局：")),
                             para(*[run("学", font="宋体" if k % 2 else None) for k in range(40)])),
                        "e.docx", Settings(select=["LAYOUT-004"]))
    # One finding per line for the font, however many stretches are wrong.
    assert [(d.line, d.column, d.end_column, d.message) for d in result.diagnostics] == [
        (3, 2, 3, "正文应使用仿宋，此处是“宋体”（这一行共20处）")]
