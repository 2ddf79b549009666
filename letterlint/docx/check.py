"""Linting a Word file: read it, give the engine its text view, keep the way back to paragraphs.

The engine and the text rules see exactly what they see for a .txt draft;
the layout rules find the Word formatting on ``letter.layout``.  A .doc or
.wps draft is converted with LibreOffice when ``soffice`` is installed.
"""
from __future__ import annotations

import os

from letterlint.decode import MAX_BYTES, InputError
from letterlint.diagnostic import FileResult

MAX_DOCX_BYTES = 4 * MAX_BYTES      # a .docx with its images; the parts are limited separately
CONVERT_TIMEOUT = 120


def read_word_bytes(path: str) -> bytes:
    """The bytes of a Word file: a regular file only, at most ``MAX_DOCX_BYTES``."""
    from letterlint.safeio import NotRegularFile, TooLarge, read_regular

    try:
        return read_regular(path, MAX_DOCX_BYTES)
    except FileNotFoundError:
        raise InputError(f"{path}：文件不存在") from None
    except PermissionError:
        raise InputError(f"{path}：没有读取权限") from None
    except NotRegularFile as exc:
        raise InputError(f"{path}：{exc}，不能作为公文读取") from None
    except TooLarge:
        raise InputError(f"{path}：文件过大（超过上限 {MAX_DOCX_BYTES:,} 字节），不像是一份公文") from None
    except OSError as exc:
        raise InputError(f"{path}：无法读取（{exc.strerror or exc}）") from None


def convert_legacy(data: bytes, name: str) -> bytes:
    """A .doc/.wps (OLE) file converted to .docx by LibreOffice, or the advice to save it as .docx."""
    import shutil   # here, not at the top: only a .doc/.wps pays for these imports
    import subprocess
    import tempfile

    from letterlint.docx.package import describe_container

    message = describe_container("ole", data, name)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or "已加密" in (message or ""):
        raise InputError(message or f"{name}：无法读取")
    with tempfile.TemporaryDirectory(prefix="letterlint-") as tmp:
        src = os.path.join(tmp, "draft.doc")   # never the user's file name on a command line
        with open(src, "wb") as fh:
            fh.write(data)
        env = dict(os.environ, HOME=tmp)       # a private LibreOffice profile
        try:
            subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
                            "--convert-to", "docx", "--outdir", tmp, src],
                           capture_output=True, timeout=CONVERT_TIMEOUT, env=env, check=False)
        except (OSError, subprocess.SubprocessError) as exc:
            raise InputError(f"{name}：用 LibreOffice 转换为 .docx 失败（{exc}）；请在 Word 或 WPS 中另存为 .docx") from None
        out = os.path.join(tmp, "draft.docx")
        if not os.path.isfile(out):
            raise InputError(f"{name}：LibreOffice 未能把它转换为 .docx；请在 Word 或 WPS 中另存为 .docx")
        with open(out, "rb") as fh:
            return fh.read(MAX_DOCX_BYTES + 1)


def load(data: bytes, path: str, kind: str):
    """The Word document of these bytes (after conversion for .doc/.wps) and its text view."""
    from letterlint.docx.reader import read_docx
    from letterlint.docx.view import Layout

    if kind == "ole":
        data = convert_legacy(data, path)
    try:
        doc = read_docx(data, path)
    except InputError:
        raise
    except (RecursionError, MemoryError):
        raise InputError(f"{path}：Word 文档结构异常（嵌套过深或过大），已拒绝读取") from None
    except Exception as exc:   # lxml or a malformed part: named, never a traceback
        raise InputError(f"{path}：无法读取这个 Word 文档（{type(exc).__name__}: {exc}）；"
                         "请在 Word 或 WPS 中打开后另存为 .docx") from None
    layout = Layout(doc)
    if not layout.text.strip():
        raise InputError(f"{path}：Word 文档中没有文字")
    return layout


def lint_word(data: bytes, path: str, kind: str, settings=None) -> FileResult:
    from letterlint.lint import check_letter
    from letterlint.parse import parse_text

    try:
        layout = load(data, path, kind)
    except InputError as exc:
        return FileResult(path=path, error=str(exc))
    letter = parse_text(layout.text, path)
    letter.layout = layout
    diags = check_letter(letter, settings)
    doctype = settings.doctype if settings is not None and settings.doctype else letter.doctype
    return FileResult(path=path, diagnostics=diags, doctype=doctype, encoding="docx", lines=layout.lines,
                      paragraphs=layout.places(), runs=layout.runs())


def lint_word_path(path: str, kind: str, settings=None) -> FileResult:
    try:
        data = read_word_bytes(path)
    except InputError as exc:
        return FileResult(path=path, error=str(exc))
    return lint_word(data, path, kind, settings)


def parse_word(path: str, data: bytes | None = None):
    """The letter model of a Word file (for ``letterlint structure``); raises InputError."""
    from letterlint.docx.sniff import kind_of_bytes
    from letterlint.parse import parse_text

    data = read_word_bytes(path) if data is None else data
    layout = load(data, path, kind_of_bytes(data[:1024]) or "zip")
    letter = parse_text(layout.text, path)
    letter.layout = layout
    return letter
