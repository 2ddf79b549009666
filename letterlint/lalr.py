"""The LALR(1) tables of ``grammar/letter.lark``, and a small driver that runs them.

Lark builds the tables: it reads the grammar, expands its EBNF and computes
the LALR(1) automaton.  The tables are then kept in a cache file, as plain
data, so that a later run (a pre-commit hook runs once per commit) loads them
without importing Lark at all.  The driver below feeds the classified lines
to those tables one token at a time.  Unlike Lark's interactive parser it can
say whether a token would be accepted *without* changing its state
(``accepts``), and copying its state is two short list copies: that is what
the error recovery in ``parse.py`` does for every line.

The cache lives in ``$LETTERLINT_CACHE_DIR`` or the user's cache directory
(``~/.cache/letterlint``); its name carries a hash of the grammar and of this
module's format, so a changed grammar never meets stale tables.  If no cache
can be written, the tables are built in memory on every run.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path

GRAMMAR = Path(__file__).with_name("grammar") / "letter.lark"
END = "$END"
_FORMAT = 1  # bump when the layout of the cached tables changes


class Tables:
    """The automaton: per state, terminal or rule name → action.

    An action ``a >= 0`` shifts to state ``a``; ``a < 0`` reduces by rule
    ``-a - 1``.  ``rules[i]`` is ``(name, length, inline)``: the rule's
    nonterminal, how many symbols it pops, and whether its children are
    spliced into its parent's (Lark's ``_rule`` convention).
    """

    __slots__ = ("states", "rules", "start", "end")

    def __init__(self, states: list[dict[str, int]], rules: list[tuple[str, int, bool]], start: int, end: int):
        self.states, self.rules, self.start, self.end = states, rules, start, end

    def dump(self) -> bytes:
        return marshal.dumps((_FORMAT, self.states, self.rules, self.start, self.end))

    @classmethod
    def load(cls, data: bytes) -> Tables:
        fmt, states, rules, start, end = marshal.loads(data)
        if fmt != _FORMAT:
            raise ValueError("stale table format")
        return cls(states, [tuple(r) for r in rules], start, end)


def _build(grammar: str) -> Tables:
    """Let Lark compute the LALR(1) automaton of ``grammar`` and keep its tables as plain data."""
    from lark import Lark
    from lark.lexer import Lexer

    class NoLexer(Lexer):  # tokens come from the classifier, never from text
        def __init__(self, lexer_conf):
            pass

        def lex(self, data, *args):
            return iter(())

    table = Lark(grammar, parser="lalr", lexer=NoLexer).parser.parser.parser.parse_table
    rule_ids: dict = {}
    rules: list[tuple[str, int, bool]] = []
    states: list[dict[str, int]] = [{} for _ in range(max(table.states) + 1)]
    for state, actions in table.states.items():
        row = states[state]
        for symbol, (action, arg) in actions.items():
            symbol = str(symbol)  # plain str: marshal refuses Lark's str subclasses
            if action.name == "Shift":
                row[symbol] = int(arg)
            else:
                if arg not in rule_ids:
                    rule_ids[arg] = len(rules)
                    name = str(arg.origin.name)
                    rules.append((name, len(arg.expansion), name.startswith("_")))
                row[symbol] = -rule_ids[arg] - 1
    return Tables(states, rules, table.start_states["start"], table.end_states["start"])


def _cache_file(grammar: str) -> Path:
    base = os.environ.get("LETTERLINT_CACHE_DIR")
    if not base:
        if sys.platform == "win32":
            base = os.path.join(os.environ.get("LOCALAPPDATA") or os.path.expanduser("~"), "letterlint", "Cache")
        else:
            base = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "letterlint")
    key = hashlib.sha256(f"{_FORMAT}\0{sys.version_info[:2]}\0{grammar}".encode()).hexdigest()[:16]
    return Path(base) / f"letter-lalr-{key}.marshal"


def load_tables() -> Tables:
    """The tables from the cache, or built by Lark (and cached for the next run)."""
    grammar = GRAMMAR.read_text(encoding="utf-8")
    path = _cache_file(grammar)
    try:
        from letterlint.safeio import read_regular

        return Tables.load(read_regular(path, 64 << 20))  # never a FIFO or /dev/zero
    except (OSError, ValueError, EOFError, TypeError):
        pass  # no cache yet, or one we cannot read: build it
    tables = _build(grammar)
    try:  # write atomically, so that parallel runs never read half a file
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(tables.dump())
        os.replace(tmp, path)
    except OSError:
        pass  # an unwritable cache must not stop the linter
    return tables


class Node:
    """A node of the parse tree: the grammar rule's name and its children (nodes or token values)."""

    __slots__ = ("data", "children")

    def __init__(self, data: str, children: list):
        self.data, self.children = data, children

    def values(self):
        """The token values under this node, in order."""
        for child in self.children:
            if isinstance(child, Node):
                yield from child.values()
            else:
                yield child

    def __repr__(self) -> str:
        return f"Node({self.data!r}, {self.children!r})"


class Parser:
    """An LALR(1) parse in progress: feed it terminals one at a time."""

    __slots__ = ("tables", "stack", "values")

    def __init__(self, tables: Tables):
        self.tables = tables
        self.stack = [tables.start]
        self.values: list = []

    def copy(self) -> Parser:
        new = Parser.__new__(Parser)
        new.tables, new.stack, new.values = self.tables, self.stack[:], self.values[:]
        return new

    def accepts(self, terminal: str) -> bool:
        """Would ``terminal`` be shifted (or, for END, the input accepted)?  The state is not changed."""
        states, rules = self.tables.states, self.tables.rules
        action = states[self.stack[-1]].get(terminal)
        if action is None or action >= 0:  # the common cases: no copy needed
            return action is not None
        stack = self.stack[:]
        while True:
            if action is None:
                return False
            if action >= 0:
                return True
            name, size, _ = rules[-action - 1]
            if size:
                del stack[-size:]
            stack.append(states[stack[-1]][name])
            if terminal == END and stack[-1] == self.tables.end:
                return True
            action = states[stack[-1]].get(terminal)

    def feed(self, terminal: str, value) -> None:
        """Shift ``terminal`` (after the reductions it calls for); it must be accepted."""
        self._run(terminal, value)

    def finish(self) -> Node:
        """End of input: the finished tree.  The input must be complete (``accepts(END)``)."""
        return self._run(END, None)

    def _run(self, terminal: str, value):
        states, rules, stack, values = self.tables.states, self.tables.rules, self.stack, self.values
        while True:
            action = states[stack[-1]][terminal]
            if action >= 0:
                stack.append(action)
                values.append(value)
                return None
            name, size, inline = rules[-action - 1]
            children: list
            if size:
                popped = values[-size:]
                if popped[0].__class__ is _Spliced:
                    # Left recursion (Lark's x+ → x+ x): grow the list built so far
                    # in place, or a long 正文 would be copied once per paragraph.
                    children, popped = popped[0], popped[1:]
                else:
                    children = _Spliced()
                for child in popped:
                    if child.__class__ is _Spliced:
                        children.extend(child)
                    else:
                        children.append(child)
                del stack[-size:]
                del values[-size:]
            else:
                children = _Spliced()
            stack.append(states[stack[-1]][name])
            values.append(children if inline else Node(name, list(children)))
            if terminal == END and stack[-1] == self.tables.end:
                return values[-1]


class _Spliced(list):
    """What an inlined ``_rule`` reduced to: children waiting to be spliced into its parent's."""

    __slots__ = ()
