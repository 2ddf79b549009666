"""Finding the letters in a directory, without running anything the repository chose.

A directory walk honours the ignore files of the git work tree it lies in
(``.gitignore`` in every folder from the work tree's root down, and the
repository's ``.git/info/exclude``), read as plain text with ``pathspec``.
letterlint never calls git here: a git process takes its configuration from
whatever repository it discovers, and a pull request can plant one (a fake
``HEAD``/``config``/``objects``/``refs`` with ``core.fsmonitor = "<command>"``
inside ``drafts/``, or a ``git`` executable that Windows would pick from the
current folder).  Reading ignore files can at worst hide a file from the walk,
never run code.  Differences from ``git ls-files --exclude-standard``: a file
that is tracked but matches an ignore pattern is skipped too, and the user's
global excludes file is not read.

Only regular files are returned: FIFOs, devices and sockets are skipped, and
so is a symbolic link whose target is not a regular file inside the walked
folder (a link to /proc/self/environ or /dev/zero is not a letter).  Hidden
folders (``.git``, ``.venv``, …) are not entered, and linked folders not
followed.
"""
from __future__ import annotations

import os
import stat

IGNORE_FILE_LIMIT = 1 << 20  # bytes; an ignore file is a few lines


def _work_tree(folder: str) -> str | None:
    """The nearest folder at or above ``folder`` holding a ``.git`` entry, or None."""
    current = folder
    while True:
        if os.path.lexists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def _read_lines(path: str) -> list[str] | None:
    from letterlint.safeio import read_regular

    try:
        data = read_regular(path, IGNORE_FILE_LIMIT)
    except OSError:  # missing, unreadable, not a regular file, too large: no patterns
        return None
    return data.decode("utf-8", "surrogateescape").splitlines()


def _spec(path: str):
    lines = _read_lines(path)
    if not lines:
        return None
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(lines)


Specs = tuple  # ((folder relative to the work tree, "" for its root; GitIgnoreSpec), ...), outermost first


def _with_folder(specs: Specs, root: str, rel_folder: str) -> Specs:
    """``specs`` plus the folder's own ``.gitignore``, if it has one."""
    spec = _spec(os.path.join(root, rel_folder, ".gitignore"))
    return specs + ((rel_folder, spec),) if spec is not None else specs


def ignored(specs: Specs, rel: str, is_dir: bool) -> bool:
    """The deepest ignore file with a matching pattern decides; within it, the last matching pattern."""
    for base, spec in reversed(specs):
        if base:
            if not rel.startswith(base + "/"):
                continue
            sub = rel[len(base) + 1:]
        else:
            sub = rel
        decision = spec.check_file(sub + "/" if is_dir else sub).include
        if decision is not None:
            return decision
    return False


def _rel(root: str, path: str) -> str:
    rel = os.path.relpath(path, root)
    return "" if rel == "." else rel.replace(os.sep, "/")


def _is_letter_file(path: str, top_real: str) -> bool:
    """A regular file, or a link to a regular file inside the walked folder."""
    try:
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            real = os.path.realpath(path)
            if not real.startswith(top_real.rstrip(os.sep) + os.sep):
                return False
            st = os.stat(real)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode)


def letter_files(folder: str, suffixes: tuple[str, ...]) -> list[str]:
    """The files under ``folder`` ending in one of ``suffixes``, not ignored, sorted.

    Paths are ``folder`` joined with the path below it, as the user wrote ``folder``.
    """
    top = os.path.abspath(folder)
    top_real = os.path.realpath(folder)
    root = _work_tree(top)
    specs: Specs | None = None
    rel_top = ""
    if root is not None:
        specs = ()
        git = os.path.join(root, ".git")
        if os.path.isdir(git) and not os.path.islink(git):
            exclude = _spec(os.path.join(git, "info", "exclude"))
            if exclude is not None:
                specs = (("", exclude),)
        # The ignore files of the folders above the walked one apply too.
        rel_top = _rel(root, top)
        parts = rel_top.split("/") if rel_top else []
        for i in range(len(parts)):
            specs = _with_folder(specs, root, "/".join(parts[:i]))
            if ignored(specs, "/".join(parts[:i + 1]), True):
                return []
    found: list[str] = []
    stack = [(folder, rel_top, specs)]  # an explicit stack: a hostile tree may nest thousands deep
    while stack:
        path, rel, inherited = stack.pop()
        here = _with_folder(inherited, root, rel) if inherited is not None else None
        try:
            with os.scandir(path) as it:
                entries = list(it)
        except OSError:
            continue
        for entry in entries:
            child_rel = f"{rel}/{entry.name}" if rel else entry.name
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if here is not None and ignored(here, child_rel, is_dir):
                continue
            if is_dir:
                if not entry.name.startswith("."):
                    stack.append((entry.path, child_rel, here))
            elif entry.name.lower().endswith(suffixes) and _is_letter_file(entry.path, top_real):
                found.append(entry.path)
    return sorted(found)
