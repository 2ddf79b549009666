"""Reading and writing files that a hostile repository may have planted.

Everything letterlint reads from disk (drafts, configs, suppression files,
baselines, .gitignore files, the table cache) goes through ``read_regular``:
only a regular file is opened (a FIFO would block for ever, a device such as
/dev/zero never ends), and never more than a limit is read.  Everything it
writes (``--output``, ``--write-baseline``) goes through ``atomic_write``:
the new content goes to a temporary file in the same folder, which then
replaces the target in one step, so a failed write never truncates an
existing report and leaves no ``.tmp`` behind; and a target that exists but is
not a regular file (a device, a FIFO, a directory, a symbolic link) is never
replaced.  Messages are Chinese, for ``InputError``/``OutputError``.
"""
from __future__ import annotations

import os
import stat

DEFAULT_LIMIT = 5 * 1024 * 1024


class NotRegularFile(OSError):
    """The path exists but is a FIFO, device, socket or directory."""


class TooLarge(OSError):
    """The file is larger than the limit given to ``read_regular``."""


class OutputError(Exception):
    """A report or baseline could not be written; the message is for the user (exit code 2)."""


def kind_of(mode: int) -> str:
    """A Chinese name for what a non-regular file is."""
    if stat.S_ISDIR(mode):
        return "目录"
    if stat.S_ISFIFO(mode):
        return "命名管道（FIFO）"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备文件"
    if stat.S_ISSOCK(mode):
        return "套接字"
    if stat.S_ISLNK(mode):
        return "符号链接"
    return "特殊文件"


def read_regular(path: str | os.PathLike, limit: int = DEFAULT_LIMIT) -> bytes:
    """The bytes of a regular file (symbolic links followed), at most ``limit`` of them.

    Raises FileNotFoundError/PermissionError/OSError as ``open`` does,
    ``NotRegularFile`` for anything but a regular file (checked before opening,
    so that opening a device has no side effect, and again on the open
    descriptor, so that a swap in between does not help), and ``TooLarge``.
    The file is opened non-blocking: a FIFO swapped in after the check cannot
    block the open either.
    """
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFile(f"不是普通文件，而是{kind_of(st.st_mode)}")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(f"不是普通文件，而是{kind_of(st.st_mode)}")
        if st.st_size > limit:
            raise TooLarge(f"文件过大（超过上限 {limit:,} 字节）")
        chunks, total = [], 0
        while True:  # st_size may be 0 (files in /proc) or grow while we read
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise TooLarge(f"文件过大（超过上限 {limit:,} 字节）")
        return b"".join(chunks)
    finally:
        os.close(fd)


def check_output_target(path: str) -> None:
    """Refuse a target that exists and is not a regular file (before any work is done)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise OutputError(f"{path}：所在的文件夹不存在") from None
        return
    except OSError as exc:
        raise OutputError(f"{path}：无法访问（{exc.strerror or exc}）") from None
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(f"{path}：已存在且不是普通文件（而是{kind_of(st.st_mode)}），不会覆盖它")


def atomic_write(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step, or leave it untouched and raise ``OutputError``."""
    import tempfile

    check_output_target(path)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"{path}：无法在所在文件夹中创建文件（{exc.strerror or exc}）") from None
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        try:  # the mode a new file would get, not mkstemp's 0600
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        except OSError:
            pass
        check_output_target(path)  # nothing swapped in meanwhile
        os.replace(tmp, path)
    except OutputError:
        _remove(tmp)
        raise
    except OSError as exc:
        _remove(tmp)
        raise OutputError(f"{path}：写入失败（{exc.strerror or exc}），原有文件未改动") from None
    except BaseException:
        _remove(tmp)
        raise


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
