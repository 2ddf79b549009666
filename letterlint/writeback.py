"""Reading a draft for fixing, and writing the fixed text back without losing a byte.

Fixing works on the *stored* text: the decoded characters with every line's
own ending ("\\r\\n", "\\r" or "\\n", mixed files included) and the trailing
newline or its absence.  Re-encoding it with the file's codec and BOM gives
back the original bytes exactly; that is checked when the file is read, and a
file for which it does not hold is not fixed.  Since the codecs used are
stateless, the bytes outside an edited span stay as they were.

The write is atomic: a temporary file in the target's own folder, flushed to
disk, given the original's permissions, then ``os.replace``.  A crash, a full
disk or Ctrl-C leaves the original untouched.  A file changed on disk since it
was read is not overwritten.  A symlink is followed: its target is fixed and
the link stays a link.
"""
from __future__ import annotations

import codecs
import os
import stat
import sys
from dataclasses import dataclass

from letterlint.decode import InputError, Source, decode_bytes

# The codec that writes the payload after the BOM (the BOM is kept separately).
_PAYLOAD_CODEC = {"utf-8-sig": "utf-8"}


class WriteError(Exception):
    """The fixed text could not be written; the message is for the user. The original is intact."""


@dataclass
class Stored:
    """A draft as read for fixing: the bytes, how they decode, and the stored text."""

    path: str
    data: bytes
    source: Source
    raw: str   # decoded, BOM removed, line endings as stored

    def encode(self, raw: str) -> bytes:
        return self.source.bom + raw.encode(_payload_codec(self.source))


def _payload_codec(source: Source) -> str:
    enc = source.encoding
    if enc in ("utf-16", "utf-32"):
        bom_le = codecs.BOM_UTF16_LE if enc == "utf-16" else codecs.BOM_UTF32_LE
        bom_be = codecs.BOM_UTF16_BE if enc == "utf-16" else codecs.BOM_UTF32_BE
        if not source.bom:  # forced with --encoding and no BOM: Python reads the machine's byte order
            return f"{enc}-{'le' if sys.byteorder == 'little' else 'be'}"
        return f"{enc}-le" if source.bom == bom_le else f"{enc}-be" if source.bom == bom_be else enc
    return _PAYLOAD_CODEC.get(enc, enc)


def from_bytes(data: bytes, path: str, encoding: str | None = None) -> Stored:
    """Decode ``data`` as the linter does, keeping the line endings; refuse what would not round-trip."""
    source = decode_bytes(data, encoding, name=path)
    payload = data[len(source.bom):]
    raw = payload.decode(_payload_codec(source))
    stored = Stored(path, data, source, raw)
    if normalize(raw) != source.text or stored.encode(raw) != data:
        raise InputError(f"{path}：无法保证按原编码（{source.encoding}）逐字节写回，未修正")
    return stored


def read(path: str, encoding: str | None = None) -> Stored:
    """Read a draft for fixing: the bytes once, with the linter's own limits (regular file, size)."""
    from letterlint.decode import MAX_BYTES, read_path
    from letterlint.safeio import read_regular

    try:
        data = read_regular(path, MAX_BYTES)
    except Exception:
        read_path(path, encoding)  # raises the linter's own message for the same failure
        raise InputError(f"{path}：无法读取") from None
    return from_bytes(data, path, encoding)


def normalize(raw: str) -> str:
    """The text the linter reads: every line ending as "\\n"."""
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def line_starts(raw: str) -> list[int]:
    """Offsets in ``raw`` where each line begins (line 1 at index 0), for any mix of endings."""
    starts = [0]
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch == "\r":
            i += 2 if i + 1 < n and raw[i + 1] == "\n" else 1
            starts.append(i)
        elif ch == "\n":
            i += 1
            starts.append(i)
        else:
            nxt_r, nxt_n = raw.find("\r", i), raw.find("\n", i)
            cands = [x for x in (nxt_r, nxt_n) if x >= 0]
            if not cands:
                break
            i = min(cands)
    return starts


def split_lines(raw: str) -> list[str]:
    """``raw`` cut into lines that keep their own endings (for a diff)."""
    starts = line_starts(raw)
    out = [raw[a:b] for a, b in zip(starts, starts[1:] + [len(raw)], strict=True)]
    return [line for line in out if line]


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable where the system allows it (POSIX); best effort."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _inside(path: str, folder: str) -> bool:
    folder = os.path.realpath(folder)
    return os.path.commonpath([path, folder]) == folder


def write(stored: Stored, raw: str) -> None:
    """Replace the file's content with ``raw`` in its own encoding, atomically.

    A symbolic link is followed only to a file inside the link's own folder or
    the current folder: a link planted in a repository must not make ``--fix``
    rewrite a file elsewhere on the machine.
    """
    target = os.path.realpath(stored.path)
    if os.path.islink(stored.path) and not (_inside(target, os.path.dirname(os.path.abspath(stored.path)))
                                            or _inside(target, os.getcwd())):
        raise WriteError(f"{stored.path}：是指向所在文件夹和当前文件夹之外的符号链接（{target}），未修正")
    folder = os.path.dirname(target) or "."
    data = stored.encode(raw)
    from letterlint.safeio import TooLarge, read_regular

    try:
        st = os.stat(target)
        current = read_regular(target, len(stored.data))
    except TooLarge:
        current = None
    except (OSError, ValueError) as exc:
        raise WriteError(f"{stored.path}：无法再次读取（{getattr(exc, 'strerror', None) or exc}），未修正") from None
    if current != stored.data:
        raise WriteError(f"{stored.path}：文件在检查期间被修改，未覆盖；请重新运行")
    import tempfile  # only when a file is written: --diff and clean files do not pay for it

    fd, tmp = None, None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".letterlint-tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fd = None
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        if hasattr(os, "chown"):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass  # not ours to give away: the file is then owned by whoever fixes it
        os.replace(tmp, target)
        tmp = None
        _sync_folder(folder)
    except OSError as exc:
        raise WriteError(f"{stored.path}：写入失败（{exc.strerror or exc}），原文件未改动") from None
    finally:
        if fd is not None:
            os.close(fd)
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
