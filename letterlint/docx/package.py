"""Opening a Word package safely: the ZIP container and its XML parts.

A .docx is a ZIP of XML files, and repository content is hostile input: a
"docx bomb" (parts that inflate to gigabytes, XML nested thousands deep,
entity expansion) must be refused with a clear message, not run the machine
out of memory.  Every limit here is far above what a real letter uses.
"""
from __future__ import annotations

import io
import posixpath
import threading
import zipfile

from letterlint.decode import InputError

MAX_PART = 32 * 1024 * 1024       # one XML part, uncompressed (a long letter's document.xml is < 1 MB)
MAX_TOTAL = 128 * 1024 * 1024     # all parts together (images included)
MAX_RATIO = 200                   # uncompressed / compressed, for parts over 1 MB
MAX_ENTRIES = 5000

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
MAIN_TYPES = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
              "application/vnd.ms-word.document.macroEnabled.main+xml",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
              "application/vnd.ms-word.template.macroEnabledTemplate.main+xml")


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_LOCAL = threading.local()


def _parser():
    """The XML parser of this thread, made once (making one costs as much as parsing a small part;
    lxml parsers must not be shared between threads)."""
    parser = getattr(_LOCAL, "parser", None)
    if parser is None:
        from lxml import etree

        # No entities, no network, no huge trees: libxml2 then refuses nesting deeper than 256
        # levels and text nodes over 10 MB, which is what a docx bomb relies on.
        parser = _LOCAL.parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                                                 remove_comments=True, load_dtd=False)
    return parser


class Package:
    """The parts of a Word package, read on demand, each parsed once."""

    def __init__(self, data: bytes, name: str):
        self.name = name
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
            raise InputError(f"{name}：不是完整的 .docx 文件（ZIP 结构损坏：{exc}）；请在 Word 或 WPS 中打开后另存为 .docx") from None
        if len(infos) > MAX_ENTRIES:
            raise InputError(f"{name}：ZIP 包中有 {len(infos)} 个文件，不像是一份公文（可能是压缩炸弹），已拒绝读取")
        total = 0
        self.sizes: dict[str, int] = {}
        for info in infos:
            if info.flag_bits & 0x1:
                raise InputError(f"{name}：文件已加密，无法读取；请取消密码保护后另存为 .docx")
            total += info.file_size
            if info.file_size > MAX_PART or total > MAX_TOTAL or (
                    info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(1, info.compress_size)):
                raise InputError(f"{name}：ZIP 包中的 {info.filename} 解压后过大（{info.file_size:,} 字节），"
                                 "可能是压缩炸弹，已拒绝读取")
            self.sizes[info.filename] = info.file_size
        self._xml: dict[str, object] = {}
        self._rels: dict[str, dict[str, tuple[str, str]]] = {}
        self.main = self._main_part()

    def has(self, part: str) -> bool:
        return part in self.sizes

    def read(self, part: str) -> bytes:
        try:
            with self.zip.open(part) as fh:
                data = fh.read(MAX_PART + 1)  # the header's size may lie: read at most the limit
        except (zipfile.BadZipFile, KeyError, OSError, EOFError, NotImplementedError) as exc:
            raise InputError(f"{self.name}：无法读取包中的 {part}（{exc}）；请在 Word 或 WPS 中打开后另存为 .docx") from None
        except RuntimeError as exc:  # zipfile: "File is encrypted"
            raise InputError(f"{self.name}：文件已加密，无法读取（{exc}）") from None
        if len(data) > MAX_PART:
            raise InputError(f"{self.name}：包中的 {part} 解压后过大，可能是压缩炸弹，已拒绝读取")
        return data

    def xml(self, part: str):
        """The parsed root element of ``part``, or None when the package has no such part."""
        if part not in self._xml:
            if not self.has(part):
                self._xml[part] = None
            else:
                from lxml import etree

                try:
                    self._xml[part] = etree.fromstring(self.read(part), _parser())
                except etree.XMLSyntaxError as exc:
                    raise InputError(f"{self.name}：包中的 {part} 不是有效的 XML（{exc}）；"
                                     "请在 Word 或 WPS 中打开后另存为 .docx") from None
        return self._xml[part]

    def _main_part(self) -> str:
        types = self.xml("[Content_Types].xml")
        if types is None:
            if self.has("OFD.xml") or any(n.endswith("/OFD.xml") for n in self.sizes):
                raise InputError(f"{self.name}：这是 OFD 版式文件，不是可编辑的公文草稿；请检查对应的 .docx 或 .txt 稿")
            raise InputError(f"{self.name}：这是 ZIP 压缩包，不是 Word 文档（.docx）")
        for override in types.iter(f"{{{CT}}}Override"):
            if override.get("ContentType") in MAIN_TYPES:
                return override.get("PartName", "").lstrip("/")
        if self.has("word/document.xml"):
            return "word/document.xml"
        if any(n.startswith("xl/") for n in self.sizes) or any(n.startswith("ppt/") for n in self.sizes):
            raise InputError(f"{self.name}：这是 Excel 或 PowerPoint 文件，不是 Word 文档")
        raise InputError(f"{self.name}：这个 Office 文件中没有 Word 正文（word/document.xml）")

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (type, target part) for ``part`` (read once)."""
        if part not in self._rels:
            self._rels[part] = self._read_rels(part)
        return self._rels[part]

    def _read_rels(self, part: str) -> dict[str, tuple[str, str]]:
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, tuple[str, str]] = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(folder, rel.get("Target", ""))).lstrip("/")
            out[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], target)
        return out

    def related(self, part: str, kind: str) -> str | None:
        for rtype, target in self.rels(part).values():
            if rtype == kind:
                return target
        return None


def describe_container(kind: str, data: bytes, name: str) -> str | None:
    """Why a non-docx container cannot be linted (None: it may be a Word package, read on)."""
    suffix = posixpath.splitext(name.lower())[1]
    if kind == "pdf":
        return f"{name}：这是 PDF 文件，不是可编辑的公文草稿；请检查对应的 .docx 或 .txt 稿"
    if kind == "rtf":
        return f"{name}：这是 RTF 文件；请在 Word 或 WPS 中打开后另存为 .docx 再检查"
    if kind == "ole":
        if "EncryptedPackage".encode("utf-16-le") in data:
            return f"{name}：文件设有打开密码（已加密），无法读取；请取消密码保护后另存为 .docx"
        label = "WPS 文字文件（.wps）" if suffix in (".wps", ".wpt") else "旧版 Word 文件（.doc）"
        return (f"{name}：这是{label}，letterlint 只读 .docx；请在 Word 或 WPS 中“另存为”.docx 后再检查"
                "（安装 LibreOffice 后 letterlint 会自动转换）")
    return None
