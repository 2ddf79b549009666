"""Regular expressions compiled when they are first used, from code compiled ahead of time.

letterlint's rules hold some two hundred patterns, many with classes of
Chinese characters that cost a millisecond or two each to compile.  A
pre-commit hook starts a fresh process for every commit, so compiling costs
on every commit, and on a clean letter it was half of the run.  Two things
keep that cost down:

- a pattern is compiled on its first use, not at import, because on a
  typical letter many patterns are never used (their rule's quick test finds
  nothing to look at);
- the compiled code of every pattern made with :func:`compile` at import time
  is worked out at development time by ``python -m letterlint.lazyre`` and
  shipped in ``letterlint/_regex_code.marshal``.  When the running
  interpreter is the one that file was made for (the same ``re`` engine,
  version and byte order), a first use builds the pattern object from that
  code directly, which skips the pure-Python parser and compiler of ``re``.
  The engine still checks the code (``_sre`` validates every program it is
  given), and a pattern missing from the file, or any other interpreter,
  simply compiles as usual: the file is an optimisation, never needed for a
  correct result.  A test regenerates it and checks that it is unchanged.

``compile`` takes the same arguments as ``re.compile``; the object it returns
offers the methods of a compiled pattern that letterlint uses.

This module does not import ``re``, and nothing on the path of a clean letter
may: importing it (with the ``enum``, ``functools`` and ``collections`` it
brings) cost a fresh process some 25 million instructions, a sixth of a run,
while every pattern a clean letter uses is built from the shipped code.  ``re``
is imported only when a pattern has to be compiled the ordinary way (one not
in the shipped table, or another interpreter); :func:`escape` and
:func:`cached` stand in for ``re.escape`` and the module-level ``re`` functions.
"""
from __future__ import annotations

import os
import sys

from letterlint.memo import memo

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")
CODE_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_regex_code.marshal")
_registry: list[tuple[str, LazyPattern]] = []  # (module, pattern) of every pattern made, for the generator
_table: dict | None = None


def _engine_key() -> tuple:
    """What the compiled code depends on: the interpreter's version, its ``re`` engine and byte order."""
    import _sre

    return (sys.implementation.name, sys.version_info[:2], _sre.MAGIC, _sre.CODESIZE, sys.byteorder)


def _precompiled() -> dict:
    """The shipped code table when it was made for this interpreter, else an empty one."""
    global _table
    if _table is None:
        _table = {}
        try:
            import marshal

            with open(CODE_FILE, "rb") as f:
                data = marshal.loads(f.read())
            if isinstance(data, tuple) and len(data) == 2 and data[0] == _engine_key():
                _table = data[1]
        except (OSError, ValueError, EOFError, TypeError, ImportError):
            pass
    return _table


def _compile(pattern: str, flags: int) -> re.Pattern:
    entry = _precompiled().get((pattern, int(flags)))
    if entry is not None:
        import _sre

        try:
            final_flags, code, groups, groupindex, indexgroup = entry
            return _sre.compile(pattern, final_flags, memoryview(code).cast("I").tolist(), groups,
                                groupindex, indexgroup)
        except Exception:  # noqa: BLE001 - a stale or foreign entry: compile as usual
            pass
    import re

    return re.compile(pattern, flags)


# re.escape's table (Python 3.7 and later), so that escaping a word needs no ``re``:
# a pattern made of escaped words matches the shipped code only if it is spelled alike.
_SPECIAL_CHARS = {i: "\\" + chr(i) for i in b"()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(pattern: str) -> str:
    """``re.escape(pattern)`` for a str, without importing ``re``."""
    return pattern.translate(_SPECIAL_CHARS)


@memo(512)
def cached(pattern: str, flags: int = 0) -> re.Pattern:
    """The compiled pattern, as the module-level functions of ``re`` would use it (and cached alike).

    Built from the shipped code when the pattern is in it; ``re`` is imported only
    for one that is not.
    """
    return _compile(pattern, flags)


class LazyPattern:
    """A pattern that compiles itself on first use.

    On that first use the compiled pattern's own methods are put on the
    instance, where they shadow the ones below: from then on a call costs
    what a call on a compiled pattern costs.
    """

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags = pattern, flags

    def compiled(self) -> re.Pattern:
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = _compile(self.pattern, self.flags)
            for name in _METHODS:
                self.__dict__[name] = getattr(compiled, name)
        return compiled

    def search(self, *args):
        return self.compiled().search(*args)

    def match(self, *args):
        return self.compiled().match(*args)

    def fullmatch(self, *args):
        return self.compiled().fullmatch(*args)

    def finditer(self, *args):
        return self.compiled().finditer(*args)

    def findall(self, *args):
        return self.compiled().findall(*args)

    def sub(self, *args, **kwargs):
        return self.compiled().sub(*args, **kwargs)

    def subn(self, *args, **kwargs):
        return self.compiled().subn(*args, **kwargs)

    def split(self, *args, **kwargs):
        return self.compiled().split(*args, **kwargs)

    @property
    def groupindex(self):
        return self.compiled().groupindex

    @property
    def groups(self) -> int:
        return self.compiled().groups

    def __repr__(self) -> str:
        return f"lazyre.compile({self.pattern!r})"


def compile(pattern: str, flags: int = 0) -> LazyPattern:  # noqa: A001 - mirrors re.compile
    lazy = LazyPattern(pattern, flags)
    _registry.append((sys._getframe(1).f_globals.get("__name__", ""), lazy))
    return lazy


# --- development time ------------------------------------------------------------


def _import_everything() -> None:
    """Import every module of the package, so that every pattern made at import time is registered."""
    import importlib
    import pkgutil

    import letterlint

    for info in pkgutil.walk_packages(letterlint.__path__, "letterlint."):
        if info.name.rsplit(".", 1)[-1].startswith("__main__"):
            continue
        importlib.import_module(info.name)


def generate() -> bytes:
    """The code table of every registered pattern, as ``python -m letterlint.lazyre`` writes it."""
    import marshal
    from re import _compiler, _parser

    _import_everything()
    table = {}
    ours = [lazy for module, lazy in _registry if module.startswith("letterlint.")]
    from letterlint.rules import lexicon

    ours += lexicon.builtin().patterns()  # made from the package's data rather than at import
    for lazy in sorted(ours, key=lambda p: (p.pattern, int(p.flags))):
        key = (lazy.pattern, int(lazy.flags))
        if key in table:
            continue
        parsed = _parser.parse(lazy.pattern, lazy.flags)
        code = _compiler._code(parsed, lazy.flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        words = memoryview(bytearray(4 * len(code))).cast("I")
        for i, word in enumerate(code):
            words[i] = int(word)
        table[key] = (int(lazy.flags | parsed.state.flags), words.tobytes(), parsed.state.groups - 1,
                      groupindex, tuple(indexgroup))
    return marshal.dumps((_engine_key(), table), 4)


if __name__ == "__main__":
    from letterlint import lazyre  # the module the rules register with, not this __main__ copy

    with open(lazyre.CODE_FILE, "wb") as out:
        out.write(lazyre.generate())
    print(f"{lazyre.CODE_FILE}: {os.path.getsize(lazyre.CODE_FILE)} bytes", file=sys.stderr)
