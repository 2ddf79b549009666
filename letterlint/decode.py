"""Bytes of a draft → text, deterministically.

Order of detection: a BOM (UTF-8, UTF-16, UTF-32) decides; otherwise strict
UTF-8; otherwise GB18030.  UTF-8 is tried first and strictly because almost
any byte string decodes "successfully" as GB18030 — UTF-8 text read as
GB18030 is garbage, never an error — while GB18030/GBK text is almost never
valid UTF-8.  GB18030 is a superset of GBK and GB2312, the encodings that
government offices' Windows machines still write by default.
"""
from __future__ import annotations

import codecs
import os

from letterlint.record import FrozenRecord

from letterlint import lazyre

MAX_BYTES = 5 * 1024 * 1024  # a letter is a few KB; anything this large is not one

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class InputError(Exception):
    """An input that cannot be linted; the message is for the user (exit code 2)."""


class Source(FrozenRecord):
    text: str       # decoded, BOM removed, newlines normalised to "\n"
    encoding: str   # the codec used
    bom: bytes      # the BOM found, b"" if none
    newline: str    # the dominant line ending of the original

    __slots__ = _fields = ("text", "encoding", "bom", "newline")

    def __init__(self, text, encoding, bom, newline):
        _set = object.__setattr__
        _set(self, "text", text)
        _set(self, "encoding", encoding)
        _set(self, "bom", bom)
        _set(self, "newline", newline)


def _newline(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    best = max((crlf, "\r\n"), (lf, "\n"), (cr, "\r"))
    return best[1] if best[0] else "\n"


# Control characters other than \t \n \v \f \r and the DOS end-of-file mark \x1a.
_CONTROL = lazyre.compile("[\x00-\x08\x0e-\x19\x1b-\x1f]")


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:4096]
    if _CONTROL.search(sample) is None:
        return False  # the common case, found by one scan in C
    return len(_CONTROL.findall(sample)) > max(8, len(sample) // 50)


def decode_bytes(data: bytes, encoding: str | None = None, *, name: str = "<stdin>") -> Source:
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}：文件过大（{len(data):,} 字节，上限 {MAX_BYTES:,} 字节），不像是一份公文")
    if encoding:
        try:
            candidates = [codecs.lookup(encoding).name]
        except LookupError:
            raise InputError(f"{name}：未知的编码“{encoding}”（可用如 utf-8、gb18030、gbk、utf-16）") from None
    else:
        candidates = ["utf-8", "gb18030"]
    bom = next((mark for mark, _ in _BOMS if data.startswith(mark)), b"")
    if bom and not encoding:
        candidates = [next(enc for mark, enc in _BOMS if mark == bom)]
    payload = data[len(bom):] if bom and candidates[0] not in ("utf-8-sig", "utf-16", "utf-32") else data
    text = None
    error: UnicodeDecodeError | None = None
    used = candidates[0]
    for enc in candidates:
        try:
            text = payload.decode(enc)
            used = enc
            break
        except UnicodeDecodeError as exc:
            error = exc
    if text is None:
        assert error is not None
        offset = error.start + len(data) - len(payload)
        raise InputError(f"{name}：无法按 {'、'.join(candidates)} 解码（第 {offset} 字节 0x{data[offset]:02x} 无效）；"
                         "如果文件用了其他编码，请用 --encoding 指定，如 --encoding gbk")
    if text.startswith("\ufeff"):
        text = text[1:]
    if _looks_binary(text):
        raise InputError(f"{name}：看起来是二进制文件，不是纯文本公文")
    if not text.strip():
        raise InputError(f"{name}：文件为空")
    newline = _newline(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Source(text=text, encoding=used, bom=bom, newline=newline)


def read_stdin() -> bytes:
    """Standard input, at most one byte past ``MAX_BYTES`` (``decode_bytes`` then says it is too large).

    Bounded like files: ``letterlint - < /dev/zero`` must not eat the memory.
    A closed standard input reads as empty.
    """
    import sys

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return b""
    try:
        return stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"<stdin>：无法读取标准输入（{exc.strerror or exc}）") from None


def read_path(path: str | os.PathLike, encoding: str | None = None) -> Source:
    """Read and decode a draft: regular files only (never a FIFO or device), at most ``MAX_BYTES``."""
    from letterlint.safeio import NotRegularFile, TooLarge, read_regular

    name = os.fspath(path)
    try:
        data = read_regular(name, MAX_BYTES)
    except FileNotFoundError:
        raise InputError(f"{name}：文件不存在") from None
    except PermissionError:
        raise InputError(f"{name}：没有读取权限") from None
    except IsADirectoryError:
        raise InputError(f"{name}：是目录，不是文件") from None
    except NotRegularFile as exc:
        raise InputError(f"{name}：{exc}，不能作为公文读取") from None
    except TooLarge:
        raise InputError(f"{name}：文件过大（超过上限 {MAX_BYTES:,} 字节），不像是一份公文") from None
    except OSError as exc:
        raise InputError(f"{name}：无法读取（{exc.strerror or exc}）") from None
    return decode_bytes(data, encoding, name=name)


def encode_text(text: str, source: Source) -> bytes:
    """Re-encode "\\n"-text the way the source was stored: same codec, BOM and line ending."""
    if source.newline != "\n":
        text = text.replace("\n", source.newline)
    enc = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le" if source.bom == codecs.BOM_UTF16_LE else "utf-16-be",
           "utf-32": "utf-32-le" if source.bom == codecs.BOM_UTF32_LE else "utf-32-be"}.get(source.encoding,
                                                                                          source.encoding)
    return source.bom + text.encode(enc)
