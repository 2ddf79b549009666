"""Word documents for the tests, written as the XML that Word and WPS files carry.

Organisations are fictional.  ``letterlint.docx.spec.build`` packs the parts;
the helpers here write the body XML the tests need: runs with East Asian
fonts, text boxes and tables in the 版头, tracked changes, fields, numbering.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

from letterlint.docx.spec import build, paragraph_xml, styles_xml

FS = "仿宋_GB2312"


def run(text: str, font: str | None = None, size: float | None = None, color: str | None = None,
        hidden: bool = False) -> str:
    rpr = ""
    if font:
        rpr += f'<w:rFonts w:eastAsia="{font}"/>'
    if hidden:
        rpr += "<w:vanish/>"
    if color:
        rpr += f'<w:color w:val="{color}"/>'
    if size:
        rpr += f'<w:sz w:val="{round(size * 2)}"/>'
    return f'<w:r>{"<w:rPr>" + rpr + "</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*runs: str, ppr: str = "") -> str:
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{''.join(runs)}</w:p>"


def text_box(*paragraphs: str) -> str:
    """An anchored DrawingML text box (wps) with its VML fallback, as Word writes it."""
    inner = "".join(paragraphs)
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" '
            'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
            '<wp:positionV relativeFrom="page"><wp:posOffset>1080000</wp:posOffset></wp:positionV>'
            '<wp:extent cx="5600000" cy="700000"/><wp:docPr id="1" name="标志"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<wps:wsp><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
            '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
            f'<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox>'
            '</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def table_row(*cells: str) -> str:
    return "<w:tbl><w:tr>" + "".join(f"<w:tc>{c}</w:tc>" for c in cells) + "</w:tr></w:tbl>"


def numbered(text: str, num_id: int, level: int, ppr: str = "") -> str:
    return para(run(text), ppr=f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>{ppr}')


NUMBERING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
    '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>'
    '</w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    '</w:numbering>')

THEME = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office">'
    '<a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
    '<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:accent2><a:srgbClr val="C00000"/></a:accent2>'
    '</a:clrScheme><a:fontScheme name="Office">'
    '<a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/>'
    '<a:font script="Hans" typeface="黑体"/></a:majorFont>'
    '<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/>'
    '<a:font script="Hans" typeface="仿宋"/></a:minorFont>'
    '</a:fontScheme></a:themeElements></a:theme>')

THEME_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia"/>'
    '<w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>'
    '<w:pPr><w:jc w:val="both"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1Cn"><w:name w:val="一级标题"/><w:basedOn w:val="a"/>'
    '<w:pPr><w:ind w:firstLineChars="200"/></w:pPr><w:rPr><w:rFonts w:eastAsiaTheme="majorEastAsia"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="正文缩进"/><w:basedOn w:val="a"/>'
    '<w:pPr><w:ind w:firstLineChars="200"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="标题"/><w:basedOn w:val="a"/>'
    '<w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr></w:style>'
    '</w:styles>')


def styled(text: str, style: str) -> str:
    return para(run(text), ppr=f'<w:pStyle w:val="{style}"/>')


def docx(*body: str, **kw) -> bytes:
    return build(list(body), **kw)


def lines(*specs: str) -> list[str]:
    return [paragraph_xml(s) for s in specs]


__all__ = ["FS", "NUMBERING", "THEME", "THEME_STYLES", "build", "docx", "lines", "numbered", "para", "run",
           "styled", "styles_xml", "table_row", "text_box"]
