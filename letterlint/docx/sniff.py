"""What kind of file is this?  Decided by its first bytes, whatever its name says.

Kept free of imports beyond the standard library: the engine asks for every
file, and a text draft must not pay for the Word reader.
"""
from __future__ import annotations

import os
import stat

ZIP = b"PK\x03\x04"
ZIP_EMPTY = b"PK\x05\x06"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # Compound File: .doc, .wps, .xls, and encrypted .docx
PDF = b"%PDF-"
RTF = b"{\\rtf"
WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm", ".doc", ".wps", ".wpt", ".pdf", ".ofd", ".rtf")


def kind_of_bytes(head: bytes) -> str | None:
    """``zip``, ``ole``, ``pdf``, ``rtf`` for the containers letterlint knows, else None (text)."""
    if head.startswith(ZIP) or head.startswith(ZIP_EMPTY):
        return "zip"
    if head.startswith(OLE):
        return "ole"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(PDF):
        return "pdf"
    if head.startswith(RTF):
        return "rtf"
    return None


def kind_of_path(path: str | os.PathLike) -> str | None:
    """The container kind of a regular file; None for text, a directory or anything unreadable.

    Anything but a regular file (a FIFO, a device), and unreadable files, are
    left to the text reader, which words the error: opening a FIFO here would hang.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
                     | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return kind_of_bytes(os.read(fd, 1024))
    except OSError:
        return None
    finally:
        os.close(fd)
