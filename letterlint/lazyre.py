"""Regular expressions compiled when they are first used.

letterlint's rules hold some two hundred patterns, many with classes of
Chinese characters that cost a millisecond or two each to compile.  A
pre-commit hook starts a fresh process for every commit, and on a typical
letter a third of the patterns are never used (their rule's quick test
finds nothing to look at), so they are compiled on demand instead of at
import.  ``compile`` takes the same arguments as ``re.compile``; the object
it returns offers the methods of a compiled pattern that letterlint uses.
"""
from __future__ import annotations

import re

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


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
            compiled = self.__dict__["_compiled"] = re.compile(self.pattern, self.flags)
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
    return LazyPattern(pattern, flags)
