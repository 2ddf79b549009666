"""``--annotate`` makes a package as Word writes it: the rules Word is strict about, checked on the copy.

There is no Word here.  What Word requires of comments comes from ECMA-376
Part 1 §17.13.4 and from Microsoft's notes on how Word departs from it
([MS-OI29500] 2.1.315: comment ranges in text boxes, headers and footers are
ignored; more than 32767 comment ranges and Word refuses the file).
``check_package`` tests those rules on every annotated copy; when the
ECMA-376 transitional schemas are at hand (``LETTERLINT_OOXML_XSD``: a folder
with wml.xsd and its imports) the copy is also validated against them;
LibreOffice, when installed, converts it to PDF (the comments as PDF notes) and
back to .docx: every comment is kept, on the characters it was anchored on,
and python-docx reads the comments of both.
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx_fixtures import NUMBERING, docx, para, run, text_box

from letterlint.cli import main
from letterlint.docx import annotate as annotate_module
from letterlint.lint import lint_path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
DELETED = '<w:rPr><w:del w:id="90" w:author="审核人" w:date="2024-05-06T00:00:00Z"/></w:rPr>'
# The order of w:rPr and w:pPr children in ECMA-376 Part 1, 1st edition (CT_RPr, CT_PPrBase), which Word
# keeps to; the later transitional schema makes the run properties an unordered choice, so validating
# against it would not catch a run property out of place.
RPR_ORDER = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
             "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
             "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
             "em", "lang", "eastAsianLayout", "specVanish", "oMath", "ins", "del", "moveFrom", "moveTo", "rPrChange"]
PPR_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
             "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"]


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _local(el) -> str:
    return el.tag.rsplit("}", 1)[-1]


def _in_order(parent, order: list[str]) -> bool:
    ranks = [order.index(_local(c)) for c in parent if isinstance(c.tag, str) and _local(c) in order]
    return ranks == sorted(ranks)


def check_package(data: bytes) -> dict:
    """Assert the rules Word enforces on comments and packages; the parsed parts, for further checks."""
    from lxml import etree

    z = zipfile.ZipFile(io.BytesIO(data))
    names = set(z.namelist())
    assert len(names) == len(z.namelist()), "duplicate ZIP entries"
    parts = {n: etree.fromstring(z.read(n)) for n in names if n.endswith((".xml", ".rels"))}
    types = parts["[Content_Types].xml"]
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(f"{{{CT}}}Override")}
    defaults = {d.get("Extension") for d in types.iter(f"{{{CT}}}Default")}
    for name in names:   # every part has a content type; every override names a part that exists
        assert f"/{name}" in overrides or name.rsplit(".", 1)[-1] in defaults, name
    assert all(p.lstrip("/") in names for p in overrides), overrides
    assert overrides.get("/word/comments.xml") == COMMENTS_TYPE
    rels = parts["word/_rels/document.xml.rels"]
    targets = {r.get("Type"): r.get("Target") for r in rels.iter(f"{{{REL}}}Relationship")}
    assert targets.get(COMMENTS_REL) == "comments.xml"
    ids = [r.get("Id") for r in rels.iter(f"{{{REL}}}Relationship")]
    assert len(ids) == len(set(ids))

    comments = parts["word/comments.xml"]
    assert comments.tag == q("comments")
    comment_ids = [c.get(q("id")) for c in comments.iterfind(q("comment"))]
    assert len(comment_ids) == len(set(comment_ids)) and all(i.isdigit() for i in comment_ids)
    for c in comments.iterfind(q("comment")):
        assert c.get(q("author")) and c.find(f"{q('p')}/{q('r')}/{q('annotationRef')}") is not None

    document = parts["word/document.xml"]
    order = {el: k for k, el in enumerate(document.iter())}
    starts = {e.get(q("id")): e for e in document.iter(q("commentRangeStart"))}
    ends = {e.get(q("id")): e for e in document.iter(q("commentRangeEnd"))}
    refs = {e.get(q("id")): e for e in document.iter(q("commentReference"))}
    for kind in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        found = [e.get(q("id")) for e in document.iter(q(kind))]
        assert sorted(found) == sorted(comment_ids), kind   # one of each per comment, no stray ids
    for cid in comment_ids:
        start, end, ref = starts[cid], ends[cid], refs[cid]
        assert order[start] < order[end] < order[ref], cid
        ref_run = ref.getparent()
        assert ref_run.tag == q("r")
        # The reference run right after the range end, in the same paragraph.
        assert end.getnext() is ref_run
        for el in (start, end, ref):   # never in a text box (Word ignores comment ranges there)
            assert not any(a.tag == q("txbxContent") for a in el.iterancestors()), cid
        p_start = next(start.iterancestors(q("p")))
        p_end = next(end.iterancestors(q("p")))
        assert p_start is p_end or p_start.getparent() is p_end.getparent(), cid
    for rpr in document.iter(q("rPr")):
        assert _in_order(rpr, RPR_ORDER), etree.tostring(rpr)
    for ppr in document.iter(q("pPr")):
        assert _in_order(ppr, PPR_ORDER), etree.tostring(ppr)
    for r in document.iter(q("r")):
        assert not any(_local(c) == "r" for c in r), "a run inside a run"
    styles = parts["word/styles.xml"]
    style_ids = [s.get(q("styleId")) for s in styles.iterfind(q("style"))]
    assert len(style_ids) == len(set(style_ids))
    assert {"CommentText", "CommentReference"} <= set(style_ids)
    return parts


def _table(*cells: str) -> str:
    """A one-row table with the properties and grid the schema requires."""
    grid = "".join('<w:gridCol w:w="4000"/>' for _ in cells)
    tcs = "".join(f'<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>{c}</w:tc>' for c in cells)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
            f'<w:tr>{tcs}</w:tr></w:tbl>')


def draft() -> bytes:
    """A reply with its 版头 in a text box and a table, a wrapped title, a link, a tracked change, and defects."""
    return docx(
        para(text_box(para(run("示例市教育局文件", color="FF0000"), ppr='<w:jc w:val="center"/>'))),
        _table(para(run("示教函〔2024〕03号")), para(run("签发人：张明"))),
        para(run("示例市教育局关于调整", font="方正小标宋简体", size=22), "<w:r><w:br/></w:r>",
             run("校车线路的函", font="方正小标宋简体", size=22), ppr='<w:jc w:val="center"/>'),
        para(run("示例市交通运输局:")),
        para(run("　　为方便学生上下学，我局拟调整"), '<w:hyperlink w:anchor="线路"><w:r><w:t>校车线路</w:t></w:r></w:hyperlink>',
             run("。")),
        para(run("　　请予支持。")),
        para(run("　　特此函告。")),
        para(run("示例市教育局")),
        para(run("2024年"), ppr=DELETED), para(run("05月06日")),
        para(run("（联系人：李明，电话：0571-12345678）")),
    )


@pytest.fixture
def annotated(tmp_path):
    path = tmp_path / "复函.docx"
    path.write_bytes(draft())
    assert main(["--annotate", "--format", "concise", str(path)]) == 1
    return path, tmp_path / "复函.letterlint.docx"


def test_the_annotated_copy_keeps_word_rules(annotated):
    _, copy = annotated
    check_package(copy.read_bytes())


def _rezip(data: bytes, part: str, change) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for name in src.namelist():
            body = src.read(name)
            out.writestr(name, change(body) if name == part else body)
    return buf.getvalue()


@pytest.mark.parametrize(("part", "change"), [
    # the reference run before the range end
    ("word/document.xml", lambda b: b.replace(b'<w:commentRangeEnd w:id="1"/>', b"", 1).replace(
        b'<w:commentReference w:id="1"/></w:r>',
        b'<w:commentReference w:id="1"/></w:r><w:commentRangeEnd w:id="1"/>', 1)),
    # run properties out of the schema's order
    ("word/document.xml", lambda b: b.replace(b'<w:rFonts w:eastAsia="\xe6\x96\xb9\xe6\xad\xa3\xe5\xb0\x8f'
                                              b'\xe6\xa0\x87\xe5\xae\x8b\xe7\xae\x80\xe4\xbd\x93"/><w:sz w:val="44"/>',
                                              b'<w:sz w:val="44"/><w:rFonts w:eastAsia="x"/>', 1)),
    # a comment range inside the text box
    ("word/document.xml", lambda b: b.replace(b"<w:txbxContent><w:p>",
                                              b'<w:txbxContent><w:p><w:commentRangeStart w:id="1"/>', 1)
     .replace(b'<w:commentRangeStart w:id="1"/><w:r>', b"<w:r>", 1)),
    # the comments part without its content type
    ("[Content_Types].xml", lambda b: b.replace(b'<Override PartName="/word/comments.xml"',
                                                b'<Override PartName="/word/x.xml"')),
    # two comments with one id
    ("word/comments.xml", lambda b: b.replace(b'w:id="2"', b'w:id="1"', 1)),
])
def test_the_checker_catches_what_word_refuses(annotated, part, change):
    _, copy = annotated
    data = copy.read_bytes()
    broken = _rezip(data, part, change)
    assert broken != data
    with pytest.raises(AssertionError):
        check_package(broken)


def test_a_problem_in_a_text_box_is_anchored_on_the_run_that_holds_the_box(annotated):
    from lxml import etree

    path, copy = annotated
    result = lint_path(str(path))
    in_box = [d for d in result.diagnostics if d.line == 1]
    assert in_box, "the fixture must have a problem in the 版头 text box"
    document = check_package(copy.read_bytes())["word/document.xml"]
    first = document.find(f"{q('body')}/{q('p')}")
    start = first.find(q("commentRangeStart"))
    assert start is not None and start.getnext().find(f".//{q('txbxContent')}") is not None
    # The text box itself is unchanged: the same XML in the draft and in the copy.
    original = etree.fromstring(zipfile.ZipFile(io.BytesIO(draft())).read("word/document.xml"))
    boxes = [etree.tostring(b) for b in original.iter(q("txbxContent"))]
    assert [etree.tostring(b) for b in document.iter(q("txbxContent"))] == boxes


def test_a_range_over_two_paragraphs_of_the_body(annotated):
    path, copy = annotated
    document = check_package(copy.read_bytes())["word/document.xml"]
    spanning = [s for s in document.iter(q("commentRangeStart"))
                if next(s.iterancestors(q("p"))) is not next(
                    next(e for e in document.iter(q("commentRangeEnd")) if e.get(q("id")) == s.get(q("id")))
                    .iterancestors(q("p")))]
    assert spanning, "the date line joins two paragraphs: a problem on the whole line spans both"


def test_comments_read_back_with_python_docx(annotated):
    import docx as python_docx

    path, copy = annotated
    result = lint_path(str(path))
    comments = list(python_docx.Document(str(copy)).comments)
    assert len(comments) == len(result.diagnostics) + 1
    assert {c.author for c in comments} == {"letterlint"}
    assert [c.text.split(" ")[0] for c in comments[1:]] == [d.rule for d in result.diagnostics]
    # The copy lints as the draft did: splitting runs changed no text.
    again = lint_path(str(copy))
    assert [(d.rule, d.line, d.column) for d in again.diagnostics] == \
        [(d.rule, d.line, d.column) for d in result.diagnostics]


def test_comment_styles_are_added_once_and_based_on_the_default_style(tmp_path):
    from lxml import etree

    path = tmp_path / "a.docx"
    path.write_bytes(draft())
    main(["--annotate", "--format", "concise", str(path)])
    styles = etree.fromstring(zipfile.ZipFile(tmp_path / "a.letterlint.docx").read("word/styles.xml"))
    text = [s for s in styles.iterfind(q("style")) if s.get(q("styleId")) == "CommentText"]
    assert len(text) == 1 and text[0].find(q("basedOn")).get(q("val")) == "Normal"
    assert text[0].find(q("name")).get(q("val")) == "annotation text"
    # Annotating the annotated copy again adds comments, not a second pair of styles.
    again = tmp_path / "b.docx"
    again.write_bytes((tmp_path / "a.letterlint.docx").read_bytes())
    main(["--annotate", "--format", "concise", str(again)])
    check_package((tmp_path / "b.letterlint.docx").read_bytes())


def test_comment_count_is_capped_below_words_limit(tmp_path, monkeypatch):
    import docx as python_docx

    monkeypatch.setattr(annotate_module, "MAX_COMMENTS", 3)
    path = tmp_path / "a.docx"
    path.write_bytes(draft())
    main(["--annotate", "--format", "concise", str(path)])
    copy = tmp_path / "a.letterlint.docx"
    check_package(copy.read_bytes())
    comments = list(python_docx.Document(str(copy)).comments)
    assert len(comments) == 3 and "只为前 2 个加了批注" in comments[0].text


# --- the schema, when it is at hand ------------------------------------------------------------

XSD_DIR = os.environ.get("LETTERLINT_OOXML_XSD", "")

# The XML namespace's two attributes that WordprocessingML uses (xml:space, xml:lang).
XML_NS_XSD = """<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/XML/1998/namespace">
  <xsd:attribute name="space"><xsd:simpleType><xsd:restriction base="xsd:NCName">
    <xsd:enumeration value="default"/><xsd:enumeration value="preserve"/></xsd:restriction></xsd:simpleType>
  </xsd:attribute>
  <xsd:attribute name="lang" type="xsd:language"/>
</xsd:schema>
"""


def _markup_compatibility(root):
    """What a consumer of ECMA-376 Part 3 sees: each mc:AlternateContent replaced by its Fallback, and
    the mc: attributes gone (the transitional schema has no room for them)."""
    for alt in list(root.iter(f"{{{MC}}}AlternateContent")):
        fallback = alt.find(f"{{{MC}}}Fallback")
        parent = alt.getparent()
        at = parent.index(alt)
        parent.remove(alt)
        for k, child in enumerate(list(fallback) if fallback is not None else []):
            parent.insert(at + k, child)
    for el in root.iter():
        for name in [n for n in el.attrib if n.startswith(f"{{{MC}}}")]:
            del el.attrib[name]
    return root


@pytest.mark.skipif(not os.path.isfile(os.path.join(XSD_DIR, "wml.xsd")),
                    reason="set LETTERLINT_OOXML_XSD to a folder with the ECMA-376 transitional schemas (wml.xsd …; python-docx's repository has them in ref/xsd)")
def test_annotated_copy_validates_against_the_wordprocessingml_schema(annotated, tmp_path):
    from lxml import etree

    (tmp_path / "xml.xsd").write_text(XML_NS_XSD, encoding="utf-8")
    wml = Path(XSD_DIR, "wml.xsd").resolve().as_uri()
    xml_xsd = (tmp_path / "xml.xsd").as_uri()
    (tmp_path / "all.xsd").write_text(
        '<?xml version="1.0"?>\n<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
        'targetNamespace="urn:letterlint:schemas">'
        f'<xsd:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="{xml_xsd}"/>'
        f'<xsd:import namespace="{W}" schemaLocation="{wml}"/></xsd:schema>', encoding="utf-8")
    schema = etree.XMLSchema(etree.parse(str(tmp_path / "all.xsd")))
    _, copy = annotated
    z = zipfile.ZipFile(copy)
    for part in ("word/document.xml", "word/comments.xml", "word/styles.xml"):
        root = _markup_compatibility(etree.fromstring(z.read(part)))
        assert schema.validate(root), (part, [e.message for e in schema.error_log][:5])


# --- LibreOffice -------------------------------------------------------------------------------


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_libreoffice_round_trip_to_docx_and_pdf(annotated, tmp_path):
    path, copy = annotated
    comments = _libreoffice_keeps_the_comments(copy, tmp_path)
    assert len(comments) == len(lint_path(str(path)).diagnostics) + 1


def _libreoffice_keeps_the_comments(copy: Path, tmp_path: Path) -> list:
    """Convert an annotated copy to .docx and to PDF with LibreOffice; check it kept every comment, its text and
    the characters it is anchored on, and drew each as a PDF note.  The comments of the converted .docx."""
    import docx as python_docx

    out = tmp_path / "lo"
    # The PDF with the comments exported as PDF notes (LibreOffice 7.4 takes filter options as JSON).
    for target in ("docx", 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'):
        p = subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                            "--convert-to", target, "--outdir", str(out), str(copy)], capture_output=True, timeout=240)
        assert (out / f"{copy.stem}.{target[:4].rstrip(':')}").is_file(), p.stderr
    assert (out / f"{copy.stem}.pdf").stat().st_size > 1000
    saved = out / f"{copy.stem}.docx"
    comments = list(python_docx.Document(str(saved)).comments)
    assert all(c.author == "letterlint" for c in comments)
    ours = sorted(c.text for c in python_docx.Document(str(copy)).comments)
    assert sorted(c.text for c in comments) == ours
    # LibreOffice laid out every comment: one PDF note each, with the comment's text.
    assert sorted(_pdf_notes((out / f"{copy.stem}.pdf").read_bytes())) == ours
    # And kept each on the characters it was anchored on (a range holding only the text box's run, no text,
    # LibreOffice keeps as a comment at that place, without a range).
    kept = dict(_anchors(saved))
    assert [(text, kept.get(text)) for text, anchored in _anchors(copy) if anchored] == \
        [(text, anchored) for text, anchored in _anchors(copy) if anchored]
    return comments


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_libreoffice_keeps_comments_on_numbered_headings_table_cells_and_split_runs(tmp_path):
    # The 标志 in a table, the 发文字号 and 签发人 in two cells, headings numbered by Word with a wrong "一.",
    # a tracked insertion and deletion, and a padded date over three runs (one red).
    wrong = NUMBERING.replace('w:val="%1、"', 'w:val="%1."')
    path = tmp_path / "函.docx"
    path.write_bytes(docx(
        _table(para(run("示例县农业农村局文件", font="方正小标宋简体", size=26, color="FF0000"), ppr='<w:jc w:val="center"/>')),
        _table(para(run("示农函〔2024〕07号")), para(run("签发人：王芳"))),
        para(run("示例县农业农村局关于春耕物资调运的函", font="方正小标宋简体", size=22), ppr='<w:jc w:val="center"/>'),
        para(run("示例县供销合作社:")),
        para(run("　　为保障春耕生产，我局拟调运化肥"), '<w:ins w:id="11" w:author="审核人"><w:r><w:t>和种子</w:t></w:r></w:ins>',
             '<w:del w:id="12" w:author="审核人"><w:r><w:delText>和农药</w:delText></w:r></w:del>', run("，现函告如下。")),
        para(run("调运安排"), ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'),
        para(run("调运数量"), ppr='<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>'),
        para(run("　　特此函告。")), para(run("示例县农业农村局")),
        para(run("2024年0"), run("5月0", color="FF0000"), run("6日")), numbering=wrong))
    assert main(["--annotate", "--format", "concise", str(path)]) == 1
    copy = tmp_path / "函.letterlint.docx"
    held = dict(_anchors(copy))
    assert held["HEAD-002 一级标题序号“一”后应使用顿号“、”，不应使用“.” 建议：改为 一、（问题在 Word 自动编号“一.”上；编号没有"
                "自己的文字块，批注标在段首。编号的字体、字号随段落标记和编号级别的设置，在“定义新编号格式—字体”中修改）"] == "调运安排"
    assert sorted(v for k, v in held.items() if k.startswith(("DATE-002", "DOCNUM-004", "SIGNER-003", "LAYOUT-005"))) == \
        ["05", "06", "07", "5月0", "王芳"]
    _libreoffice_keeps_the_comments(copy, tmp_path)


def _pdf_notes(pdf: bytes) -> list[str]:
    """The texts of a PDF's text annotations (LibreOffice writes them as UTF-16 hex strings)."""
    import re

    return [bytes.fromhex(m.group(1).decode())[2:].decode("utf-16-be")
            for m in re.finditer(rb"/Subtype\s*/Text\b.*?/Contents\s*<([0-9A-Fa-f]+)>", pdf, re.S)]


def _anchors(path) -> list[tuple[str, str | None]]:
    """(comment text, the document text its range holds, None without a range) for every comment."""
    from lxml import etree

    z = zipfile.ZipFile(path)
    texts = {c.get(q("id")): "".join(t.text or "" for t in c.iter(q("t")))
             for c in etree.fromstring(z.read("word/comments.xml")).iterfind(q("comment"))}
    open_ids: list[str] = []
    held: dict[str, str] = {}
    for el in etree.fromstring(z.read("word/document.xml")).iter(q("commentRangeStart"), q("commentRangeEnd"), q("t")):
        if el.tag == q("commentRangeStart"):
            open_ids.append(el.get(q("id")))
            held[el.get(q("id"))] = ""
        elif el.tag == q("commentRangeEnd"):
            open_ids.remove(el.get(q("id")))
        elif not any(a.tag == q("txbxContent") for a in el.iterancestors()):
            for i in open_ids:
                held[i] += el.text or ""
    return sorted((text, held.get(cid)) for cid, text in texts.items())


def _comments_on(copy) -> list[tuple[str, str]]:
    """(anchored text, comment text) of every comment of an annotated copy, in document order."""
    parts = check_package(copy.read_bytes())
    texts = {c.get(q("id")): "".join(t.text or "" for t in c.iter(q("t"))) for c in parts["word/comments.xml"].iterfind(q("comment"))}
    open_ids: list[str] = []
    anchored: dict[str, str] = {}
    for el in parts["word/document.xml"].iter():
        if el.tag == q("commentRangeStart"):
            open_ids.append(el.get(q("id")))
            anchored[el.get(q("id"))] = ""
        elif el.tag == q("commentRangeEnd"):
            open_ids.remove(el.get(q("id")))
        elif el.tag == q("t"):
            for i in open_ids:
                anchored[i] += el.text or ""
    return [(anchored[i], texts[i]) for i in anchored]


def test_a_problem_on_an_automatic_number_is_anchored_at_the_paragraph_start(tmp_path):
    # The level sets the number in 宋体 while the heading's words are 黑体: HEAD-010 reports the number alone.
    numbering_xml = NUMBERING.replace('<w:lvlText w:val="%1、"/></w:lvl>',
                                      '<w:lvlText w:val="%1、"/><w:rPr><w:rFonts w:eastAsia="宋体"/></w:rPr></w:lvl>')
    heading = para(run("总体安排", font="黑体"), ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
                                                      '<w:ind w:firstLineChars="200"/>')
    path = tmp_path / "函.docx"
    path.write_bytes(docx(para(run("示例市教育局关于调整校车线路的函")), para(run("示例市交通运输局：")),
                          para(run("　　为方便学生上下学，我局拟调整校车线路。")), heading, numbering=numbering_xml))
    main(["--annotate", "--select", "HEAD-010", "--format", "concise", str(path)])
    got = [c for c in _comments_on(tmp_path / "函.letterlint.docx") if c[1].startswith("HEAD-010")]
    assert got == [("总体安排", "HEAD-010 一级标题应使用黑体，此处是“宋体” 建议：把字体改为黑体"
                                "（问题在 Word 自动编号“一、”上；编号没有自己的文字块，批注标在段首。编号的字体、字号随段落标记"
                                "和编号级别的设置，在“定义新编号格式—字体”中修改）")]


def test_a_problem_across_table_cells_is_anchored_in_the_first_cell_and_says_so(tmp_path):
    # A 版头 row of two cells reads as one line; a problem over the whole line crosses from one cell to the next.
    from letterlint.diagnostic import Diagnostic
    from letterlint.record import replace

    row = _table(para(run("示教函〔2024〕3号")), para(run("签发人：张明")))
    path = tmp_path / "函.docx"
    path.write_bytes(docx(row, para(run("示例市教育局关于调整校车线路的函")), para(run("示例市交通运输局："))))
    result = lint_path(str(path))
    line = "示教函〔2024〕3号　　签发人：张明"
    whole = Diagnostic(1, 1, 1, len(line) + 1, "TEST-001", "warning", "整行的问题", "改正")
    annotate_module.annotate(str(path), replace(result, diagnostics=[whole]), str(tmp_path / "out.docx"))
    assert [c for c in _comments_on(tmp_path / "out.docx") if c[1].startswith("TEST-001")] == [
        ("示教函〔2024〕3号", "TEST-001 整行的问题 建议：改正（问题延续到段2；批注不能跨越表格单元格，只标在第一个单元格）")]


# --- the draft is only read ----------------------------------------------------------------------------

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def test_the_draft_is_never_opened_for_writing(tmp_path, monkeypatch):
    import builtins

    path = tmp_path / "复函.docx"
    path.write_bytes(draft())
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    path.chmod(0o444)
    draft_path = os.path.realpath(path)
    writes: list[str] = []
    real_os_open, real_open = os.open, builtins.open

    def os_open(name, flags, *a, **k):
        if isinstance(name, (str, os.PathLike)) and os.path.realpath(name) == draft_path and flags & WRITE_FLAGS:
            writes.append(f"os.open {flags:#o}")
        return real_os_open(name, flags, *a, **k)

    def open_(file, mode="r", *a, **k):
        if isinstance(file, (str, os.PathLike)) and os.path.realpath(file) == draft_path and set(mode) & set("wax+"):
            writes.append(f"open {mode}")
        return real_open(file, mode, *a, **k)

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(builtins, "open", open_)
    assert main(["--annotate", "--format", "concise", str(path)]) == 1
    assert writes == [] and (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert (tmp_path / "复函.letterlint.docx").is_file()


def test_a_copy_never_replaces_a_draft_named_on_the_command_line(tmp_path, capsys):
    # a.letterlint.docx is named as a draft to check: the copy of a.docx goes beside it, not over it.
    a, named = tmp_path / "a.docx", tmp_path / "a.letterlint.docx"
    a.write_bytes(draft())
    named.write_bytes(draft())
    before = named.read_bytes()
    main(["--annotate", "--format", "concise", str(a), str(named)])
    assert named.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-2.letterlint.docx", "a.docx", "a.letterlint.docx",
                                                          "a.letterlint.letterlint.docx"]
    check_package((tmp_path / "a-2.letterlint.docx").read_bytes())


def test_a_word_draft_on_standard_input_is_not_annotated(tmp_path):
    import sys

    # --stdin-filename names a file that exists, with other content: it is neither read for the copy nor written.
    on_disk = tmp_path / "复函.docx"
    on_disk.write_bytes(docx(para(run("示例市教育局关于调整校车线路的函")), para(run("示例市交通运输局："))))
    before = on_disk.read_bytes()
    p = subprocess.run([sys.executable, "-m", "letterlint", "--annotate", "--format", "concise", "--stdin-filename",
                        str(on_disk), "-"], input=draft(), capture_output=True, cwd=tmp_path)
    err = p.stderr.decode("utf-8")
    assert p.returncode == 1 and "从标准输入读取的 Word 文档不写批注稿" in err and "Traceback" not in err
    assert on_disk.read_bytes() == before and sorted(x.name for x in tmp_path.iterdir()) == ["复函.docx"]


def test_split_runs_keep_every_character_s_format(tmp_path):
    """Runs are cut where a comment starts or ends (a date over three runs, one red): each character keeps the
    resolved format it had, and every paragraph its text and properties."""
    from letterlint.docx.reader import read_docx

    path = tmp_path / "函.docx"
    path.write_bytes(docx(para(run("示例县农业农村局关于春耕物资调运的函", font="方正小标宋简体", size=22),
                               ppr='<w:jc w:val="center"/>'),
                          para(run("示例县供销合作社:")),
                          para(run("　　为保障春耕生产，我局拟调运化肥"),
                               '<w:ins w:id="11" w:author="审核人"><w:r><w:rPr><w:b/></w:rPr><w:t>和种子</w:t></w:r></w:ins>',
                               '<w:del w:id="12" w:author="审核人"><w:r><w:delText>和农药</w:delText></w:r></w:del>',
                               run("。")),
                          para(run("示例县农业农村局")),
                          para(run("2024年0", font="宋体"), run("5月0", color="FF0000", size=15), run("6日"))))
    assert main(["--annotate", "--format", "concise", str(path)]) == 1
    copy = tmp_path / "函.letterlint.docx"
    check_package(copy.read_bytes())
    before, after = read_docx(path.read_bytes(), "a"), read_docx(copy.read_bytes(), "b")

    def chars(doc):
        return [(p.number, p.text, p.props, [(p.text[k], piece.fmt) for piece in p.pieces for k in range(piece.start, piece.end)])
                for p in doc.paragraphs]

    assert chars(after) == chars(before)
    # The date was cut: "05" and "06" each span two runs, so the last paragraph has more runs than before.
    assert len({piece.run for piece in after.paragraphs[-1].pieces}) > len({piece.run for piece in before.paragraphs[-1].pieces})


def test_many_problems_in_one_paragraph_of_many_runs_cost_linear_work(tmp_path, monkeypatch):
    """Counted, not timed: each paragraph's pieces are walked a fixed number of times whatever the number of
    problems, and python-docx's search through every comment for a free id runs once (it made 2,000 comments
    take seconds)."""
    from docx.oxml.comments import CT_Comments

    from letterlint.docx import reader

    class Counted(list):
        def __iter__(self):
            Counted.walks_by[id(self)] = Counted.walks_by.get(id(self), 0) + 1
            return super().__iter__()

    Counted.walks_by = {}
    real_read, real_next = reader.read_docx, CT_Comments._next_available_comment_id
    searches = []

    def read_docx(*a, **k):
        doc = real_read(*a, **k)
        for p in doc.paragraphs:
            p.pieces = Counted(p.pieces)
        return doc

    def next_id(self):
        searches.append(1)
        return real_next(self)

    monkeypatch.setattr(reader, "read_docx", read_docx)
    monkeypatch.setattr(CT_Comments, "_next_available_comment_id", next_id)
    path = tmp_path / "函.docx"
    path.write_bytes(docx(para(run("示例市教育局关于调整校车线路的函")), para(run("示例市交通运输局：")),
                          para(*[run("学生," if k % 2 else "上学,") for k in range(400)])))
    result = lint_path(str(path))
    assert len(result.diagnostics) > 400   # a half-width comma in every run
    Counted.walks_by.clear()
    assert annotate_module.annotate(str(path), result, str(tmp_path / "out.docx")) == len(result.diagnostics)
    assert max(Counted.walks_by.values()) <= 2 and len(searches) == 1, (max(Counted.walks_by.values()), len(searches))
    check_package((tmp_path / "out.docx").read_bytes())
