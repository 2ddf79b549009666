"""Small Word documents from a text description: the examples of the layout rules.

A layout rule's 反例 and 正例 cannot be plain text, since what they show is
formatting.  They are written as the letter's lines, each optionally led by
its paragraph format in braces, and built into a real .docx by this module
(``letterlint rule`` shows them; the test suite builds and lints them)::

    @页面 宽=210 高=297 上=37 下=35 左=28 右=26 网格=22x28
    @页脚 {字号=14 字体=宋体 右对齐}— {页码} —
    {字体=方正小标宋简体 字号=22 居中}示例市教育局关于调整校车线路的函
    示例市交通运输局：
    　　正文……签发人：[[字体=楷体|张三]]

Paragraph keys: 字体 (East Asian font), 西文字体, 字号 (points), 颜色 (hex),
居中 / 右对齐 / 左对齐 / 两端对齐, 首行缩进 / 左缩进 / 右缩进 (characters, or mm
with "mm"), 段前 / 段后 (lines, or mm with "mm"), 分页 (starts a new page), 粗体,
边框 (a red line below: 边框=上粗下细 / 上细下粗 / 单线, else an even double line),
文本框=N (the paragraph sits in a text box whose top is N mm below the page
top, anchored in the next paragraph),
直线=长@上 (a drawn red line 长 mm long, 上 mm below the page top; 线型=上粗下细 /
上细下粗 / 单线 / 双线, 线色=hex).  ``[[keys|text]]``
formats part of a line; ``↵`` is a manual line break.
Unstated, a paragraph is the document default: 3号 (16 pt) 仿宋_GB2312, on an
A4 page with the GB/T 9704 margins and a 22 × 28 grid.  ``@页脚``,
``@偶数页脚`` and ``@首页页脚`` add footers (``{页码}`` is a PAGE field), ``@页眉`` a header;
``@首页不同`` and ``@单双页不同`` set the matching page options.
"""
from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape, quoteattr

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TWIPS_PER_MM = 1440 / 25.4
DEFAULT_FONT = "仿宋_GB2312"
DEFAULT_SIZE = 16
_INLINE = re.compile(r"\[\[([^|\]]*)\|([^\]]*)\]\]")
_FIELD = "{页码}"
_ALIGN = {"居中": "center", "右对齐": "right", "左对齐": "left", "两端对齐": "both"}
_BORDERS = {"上粗下细": "thickThinSmallGap", "上细下粗": "thinThickSmallGap", "单线": "single"}
_LINES = {"上粗下细": "thickThin", "上细下粗": "thinThick", "单线": "sng", "双线": "dbl"}
EMU_PER_MM = 36000


def _keys(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in text.split():
        k, _, v = item.partition("=")
        out[k] = v
    return out


def _rpr(keys: dict[str, str]) -> str:
    parts = []
    if "字体" in keys or "西文字体" in keys:
        ea = keys.get("字体")
        latin = keys.get("西文字体")
        attrs = ""
        if latin:
            attrs += f" w:ascii={quoteattr(latin)} w:hAnsi={quoteattr(latin)}"
        if ea:
            attrs += f" w:eastAsia={quoteattr(ea)}"
        parts.append(f"<w:rFonts{attrs}/>")
    if "粗体" in keys:
        parts.append("<w:b/>")
    if keys.get("颜色"):
        parts.append(f"<w:color w:val={quoteattr(keys['颜色'])}/>")
    if keys.get("字号"):
        parts.append(f'<w:sz w:val="{round(float(keys["字号"]) * 2)}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def _ppr(keys: dict[str, str]) -> str:
    parts = []
    if "分页" in keys:
        parts.append("<w:pageBreakBefore/>")
    if "边框" in keys:
        kind = _BORDERS.get(keys["边框"], "double")
        parts.append(f'<w:pBdr><w:bottom w:val="{kind}" w:sz="12" w:space="1" w:color="FF0000"/></w:pBdr>')
    spacing = ""
    for key, attr in (("段前", "before"), ("段后", "after")):
        if keys.get(key):
            value = keys[key]
            spacing += (f' w:{attr}="{round(float(value[:-2]) * TWIPS_PER_MM)}"' if value.endswith("mm")
                        else f' w:{attr}Lines="{round(float(value) * 100)}"')
    if spacing:
        parts.append(f"<w:spacing{spacing}/>")
    ind = ""
    for key, attr in (("首行缩进", "firstLineChars"), ("左缩进", "leftChars"), ("右缩进", "rightChars")):
        if keys.get(key):
            value = keys[key]
            ind += (f' w:{attr[:-5]}="{round(float(value[:-2]) * TWIPS_PER_MM)}"' if value.endswith("mm")
                    else f' w:{attr}="{round(float(value) * 100)}"')
    if ind:
        parts.append(f"<w:ind{ind}/>")
    for word, val in _ALIGN.items():
        if word in keys:
            parts.append(f'<w:jc w:val="{val}"/>')
    rpr = _rpr(keys)
    return f"<w:pPr>{''.join(parts)}{rpr}</w:pPr>" if parts or rpr else ""


def _runs(text: str, keys: dict[str, str]) -> str:
    out = []
    pos = 0
    base = {k: v for k, v in keys.items() if k in ("字体", "西文字体", "字号", "颜色", "粗体")}
    for m in _INLINE.finditer(text):
        out.append(_run(text[pos:m.start()], base))
        out.append(_run(m.group(2), {**base, **_keys(m.group(1))}))
        pos = m.end()
    out.append(_run(text[pos:], base))
    return "".join(out)


def _run(text: str, keys: dict[str, str]) -> str:
    if not text:
        return ""
    rpr = _rpr(keys)
    out = []
    for i, piece in enumerate(text.split(_FIELD)):
        if i:
            out.append(f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
                       f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
                       f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
                       f'<w:r>{rpr}<w:t>1</w:t></w:r><w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>')
        for k, bit in enumerate(piece.split("↵")):
            if k:
                out.append(f"<w:r>{rpr}<w:br/></w:r>")
            if bit:
                out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(bit)}</w:t></w:r>')
    return "".join(out)


def paragraph_xml(line: str) -> str:
    keys: dict[str, str] = {}
    if line.startswith("{") and "}" in line:
        head, _, line = line[1:].partition("}")
        keys = _keys(head)
    if keys.get("文本框"):
        inner = {k: v for k, v in keys.items() if k != "文本框"}
        box = text_box_xml(paragraph_xml("{" + " ".join(f"{k}={v}" for k, v in inner.items()) + "}" + line),
                           float(keys["文本框"]))
        return f"<w:p>{box}</w:p>"
    if keys.get("直线"):
        return f"<w:p>{_ppr(keys)}{line_xml(keys)}{_runs(line, keys)}</w:p>"
    return f"<w:p>{_ppr(keys)}{_runs(line, keys)}</w:p>"


def text_box_xml(inner: str, top_mm: float, height_mm: float = 15) -> str:
    """A run holding a text box centred on the page, its top edge ``top_mm`` below the page top."""
    return ('<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
            'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="page"><wp:align>center</wp:align></wp:positionH>'
            f'<wp:positionV relativeFrom="page"><wp:posOffset>{round(top_mm * EMU_PER_MM)}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{156 * EMU_PER_MM}" cy="{round(height_mm * EMU_PER_MM)}"/><wp:wrapNone/>'
            '<wp:docPr id="1" name="文本框"/><a:graphic>'
            '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<wps:wsp><wps:spPr><a:prstGeom prst="rect"/><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
            f'<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx>'
            '<wps:bodyPr lIns="0" tIns="0" rIns="0" bIns="0"/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')


def line_xml(keys: dict[str, str]) -> str:
    """A run holding a drawn horizontal line: 直线=length@top (mm; top below the page top), 线型, 颜色."""
    length, _, top = keys["直线"].partition("@")
    width = float(length)
    cmpd = _LINES.get(keys.get("线型", "上粗下细"), "thickThin")
    color = keys.get("线色", "FF0000")
    return ('<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" '
            'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="page"><wp:align>center</wp:align></wp:positionH>'
            f'<wp:positionV relativeFrom="page"><wp:posOffset>{round(float(top or 0) * EMU_PER_MM)}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{round(width * EMU_PER_MM)}" cy="0"/><wp:wrapNone/><wp:docPr id="2" name="红线"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<wps:wsp><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{round(width * EMU_PER_MM)}" cy="0"/></a:xfrm>'
            f'<a:prstGeom prst="line"/><a:ln w="38100" cmpd="{cmpd}"><a:solidFill><a:srgbClr val="{color}"/></a:solidFill>'
            '</a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')


def _mm(keys: dict[str, str], key: str, default: float) -> int:
    return round(float(keys.get(key, default)) * TWIPS_PER_MM)


def _sect(keys: dict[str, str], footers: dict[str, str], title_page: bool, headers: dict[str, str] | None = None) -> str:
    refs = "".join(f'<w:headerReference w:type="{kind}" r:id="rIdHdr{kind}"/>' for kind in headers or {})
    refs += "".join(f'<w:footerReference w:type="{kind}" r:id="rIdF{kind}"/>' for kind in footers)
    grid = keys.get("网格", "22x28")
    if grid == "无":
        grid_xml = ""
    else:
        lines, _, chars = grid.partition("x")
        height = _mm(keys, "高", 297) - _mm(keys, "上", 37) - _mm(keys, "下", 35)
        width = _mm(keys, "宽", 210) - _mm(keys, "左", 28) - _mm(keys, "右", 26)
        pitch = height // int(lines)
        # Word: characters per line = text width / (base font size + charSpace/4096 pt).
        char_pt = width / 20 / int(chars or 28)
        char_space = round((char_pt - DEFAULT_SIZE) * 4096)
        grid_xml = f'<w:docGrid w:type="linesAndChars" w:linePitch="{pitch}" w:charSpace="{char_space}"/>'
    return (f'<w:sectPr>{refs}<w:pgSz w:w="{_mm(keys, "宽", 210)}" w:h="{_mm(keys, "高", 297)}"/>'
            f'<w:pgMar w:top="{_mm(keys, "上", 37)}" w:right="{_mm(keys, "右", 26)}" w:bottom="{_mm(keys, "下", 35)}" '
            f'w:left="{_mm(keys, "左", 28)}" w:header="851" w:footer="{_mm(keys, "页脚距离", 28)}" w:gutter="0"/>'
            f'{"<w:titlePg/>" if title_page else ""}{grid_xml}</w:sectPr>')


def styles_xml(font: str = DEFAULT_FONT, size: float = DEFAULT_SIZE, extra: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W_NS}">'
            f'<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
            f'w:eastAsia={quoteattr(font)}/><w:sz w:val="{round(size * 2)}"/></w:rPr></w:rPrDefault>'
            f'<w:pPrDefault><w:pPr><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>'
            f'<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
            f'{extra}</w:styles>')


def build(body: list[str], *, section: str | None = None, footers: dict[str, str] | None = None,
          styles: str | None = None, numbering: str | None = None, theme: str | None = None,
          even_odd: bool = False, headers: dict[str, str] | None = None) -> bytes:
    """A .docx from raw ``w:body`` children (``w:p``, ``w:tbl``) and optional raw parts."""
    footers = footers or {}
    section = section if section is not None else _sect({}, footers, False)
    ns = (f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable=""')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {ns}><w:body>'
                f'{"".join(body)}{section}</w:body></w:document>')
    rels = ['<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
            '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>']
    types = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
             '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
             '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>']
    parts = {"word/document.xml": document, "word/styles.xml": styles or styles_xml(),
             "word/settings.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="{W_NS}">'
                                  f'{"<w:evenAndOddHeaders/>" if even_odd else ""}</w:settings>'}
    for kind, xml in footers.items():
        name = f"footer_{kind}.xml"
        parts[f"word/{name}"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {ns}>{xml}</w:ftr>')
        rels.append(f'<Relationship Id="rIdF{kind}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="{name}"/>')
        types.append(f'<Override PartName="/word/{name}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>')
    for kind, xml in (headers or {}).items():
        name = f"header_{kind}.xml"
        parts[f"word/{name}"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {ns}>{xml}</w:hdr>')
        rels.append(f'<Relationship Id="rIdHdr{kind}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="{name}"/>')
        types.append(f'<Override PartName="/word/{name}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>')
    if numbering:
        parts["word/numbering.xml"] = numbering
        rels.append('<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>')
        types.append('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>')
    if theme:
        parts["word/theme/theme1.xml"] = theme
        rels.append('<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/>')
        types.append('<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>')
    parts["word/_rels/document.xml.rels"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                             + "".join(rels) + "</Relationships>")
    parts["_rels/.rels"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                            '</Relationships>')
    parts["[Content_Types].xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                                    '<Default Extension="xml" ContentType="application/xml"/>' + "".join(types) + "</Types>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in ("[Content_Types].xml", "_rels/.rels", *[n for n in parts if n not in ("[Content_Types].xml", "_rels/.rels")]):
            z.writestr(name, parts[name])
    return buf.getvalue()


def from_spec(spec: str) -> bytes:
    """A .docx from the example language described in the module docstring."""
    body: list[str] = []
    page: dict[str, str] = {}
    footers: dict[str, str] = {}
    headers: dict[str, str] = {}
    title_page = even_odd = False
    pending: list[str] = []
    for line in spec.split("\n"):
        if line.startswith("@页面"):
            page = _keys(line[3:])
        elif line.startswith("@页眉"):
            headers["default"] = paragraph_xml(line.partition(" ")[2])
        elif line.startswith(("@页脚", "@偶数页脚", "@首页页脚")):
            word, _, rest = line.partition(" ")
            kind = {"@页脚": "default", "@偶数页脚": "even", "@首页页脚": "first"}[word]
            footers[kind] = paragraph_xml(rest)
        elif line.strip() == "@首页不同":
            title_page = True
        elif line.strip() == "@单双页不同":
            even_odd = True
        elif line.startswith("{") and "文本框=" in line.partition("}")[0]:
            box = paragraph_xml(line)[len("<w:p>"):-len("</w:p>")]
            pending.append(box)   # the text box is anchored in the next paragraph, as Word's 红头 templates do
        else:
            xml = paragraph_xml(line)
            if pending:
                at = xml.index("</w:pPr>") + len("</w:pPr>") if "</w:pPr>" in xml else len("<w:p>")
                xml = xml[:at] + "".join(pending) + xml[at:]
                pending.clear()
            body.append(xml)
    while body and body[-1] == "<w:p></w:p>":
        body.pop()
    return build(body, section=_sect(page, footers, title_page, headers), footers=footers, even_odd=even_odd,
                 headers=headers)
