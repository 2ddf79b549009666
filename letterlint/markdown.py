"""Markdown drafts: the letter's lines, with Markdown's markup taken out.

Drafts kept in git are often Markdown.  markdown-it-py (installed with Rich)
tells which characters are markup: heading marks, emphasis, bullets, block
quotes, table pipes, code fences, links, HTML.  Those characters are removed
(a space left in their place would read as a stray space in the sentence),
every line stays a line, and a column map per line takes each diagnostic back
to the line and column of the .md file: ``**2024年05月06日**`` is a padded
date at column 7, ``> 抄送：…`` is the 抄送, ``- 一.住宅小区`` a heading whose
number has the wrong punctuation.  Numbers of ordered lists ("1." "2.") are
the letter's own 三级标题 and stay.

Markup also includes what a reader of the rendered draft never sees: the
indentation of nested list items and of indented code, a YAML front matter
block at the top, link reference definitions and the "[ref]" of a reference
link, the backslash of an escape ("\\*" reads "*") and of a hard line break,
and entities ("&amp;" reads "&", its first column carrying it).
"""
from __future__ import annotations

import re

_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
_EMPHASIS = frozenset(("strong_open", "strong_close", "em_open", "em_close", "s_open", "s_close"))


_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:")


def _parser():
    from markdown_it import MarkdownIt

    # text_join off: escapes ("\*") and entities ("&nbsp;") stay tokens of their own, so their markup is found.
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).disable("text_join")


def _front_matter(lines: list[str]) -> int:
    """Lines of a YAML front matter block ("---" … "---" at the top, as static-site drafts carry), or 0."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    for n in range(1, min(len(lines), 200)):
        if _FRONT_MATTER_END.match(lines[n]):
            return n + 1
    return 0


class _Canvas:
    """The source lines with the markup characters marked; ``blank`` marks, ``result`` leaves them out."""

    def __init__(self, text: str):
        self.source = text.split("\n")
        self.lines = [list(line) for line in self.source]   # a marked character becomes None

    def blank(self, line: int, start: int, end: int) -> None:
        if 0 <= line < len(self.lines):
            row = self.lines[line]
            for k in range(max(0, start), min(end, len(row))):
                row[k] = None

    def text(self, line: int) -> str:
        """The source line, marked characters as spaces (so later searches skip them)."""
        return "".join(" " if c is None else c for c in self.lines[line]) if 0 <= line < len(self.lines) else ""

    def result(self) -> tuple[str, list[list[int]]]:
        out, maps = [], []
        for row in self.lines:
            kept = [k for k, c in enumerate(row) if c is not None]
            out.append("".join(row[k] for k in kept))
            maps.append(kept)
        return "\n".join(out), maps


class ColumnMap:
    """Columns of the letter text back to columns of the Markdown source, line by line."""

    def __init__(self, source: list[str], maps: list[list[int]]):
        self.source = source
        self.maps = maps

    def column(self, line: int, column: int, end: bool = False) -> int:
        """1-based ``column`` (exclusive end if ``end``) of the letter text → the source's."""
        if not 1 <= line <= len(self.maps):
            return column
        kept = self.maps[line - 1]
        index = column - 2 if end else column - 1
        if index < 0:
            return column
        if index < len(kept):
            return kept[index] + (2 if end else 1)
        past = index - len(kept)
        return len(self.source[line - 1]) + past + (2 if end else 1)

    def edit(self, e):
        from letterlint.record import replace

        if (e.line, e.column) == (e.end_line, e.end_column):   # an insertion stays before the same character
            at = self.column(e.line, e.column)
            return replace(e, column=at, end_column=at)
        return replace(e, column=self.column(e.line, e.column), end_column=self.column(e.end_line, e.end_column, True))

    def diagnostic(self, d):
        """The diagnostic (and its fix's edits) in the columns of the Markdown source."""
        from letterlint.record import replace

        out = replace(d, column=self.column(d.line, d.column), end_column=self.column(d.end_line, d.end_column, True))
        fix = getattr(d, "fix", None)
        if fix is not None and fix.edits:
            out = replace(out, fix=replace(fix, edits=tuple(self.edit(e) for e in fix.edits)))
        return out


def letter_view(text: str) -> tuple[str, ColumnMap]:
    """The letter lines of a Markdown draft and the map of their columns back to the source."""
    canvas = _mark(text)
    result, maps = canvas.result()
    return result, ColumnMap(canvas.source, maps)


def letter_text(text: str) -> str:
    return letter_view(text)[0]


def _mark(text: str) -> _Canvas:
    canvas = _Canvas(text)
    front = _front_matter(canvas.source)
    for n in range(front):
        canvas.blank(n, 0, len(canvas.source[n]))
    # The parser sees empty lines for the front matter, so the line numbers of its tokens stay those of the file.
    tokens = _parser().parse("\n" * front + "\n".join(canvas.source[front:]) if front else text)
    covered = [False] * len(canvas.source)
    for tok in tokens:
        if tok.map is None:
            continue
        first, last = tok.map[0], tok.map[1]
        for n in range(first, min(last, len(covered))):
            covered[n] = True
        if tok.type == "blockquote_open":
            for n in range(first, last):
                m = _QUOTE.match(canvas.text(n))
                if m:
                    canvas.blank(n, 0, m.end())
        elif tok.type == "heading_open":
            if tok.markup.startswith("#"):
                line = canvas.text(first)
                start = line.find("#")
                stop = start
                while stop < len(line) and line[stop] in "# \t":
                    stop += 1
                canvas.blank(first, start, stop)
                closing = re.search(r"[ \t]#+[ \t]*$", line)
                if closing:
                    canvas.blank(first, closing.start(), len(line))
            else:   # setext: the underline
                canvas.blank(last - 1, 0, len(canvas.text(last - 1)))
        elif tok.type == "list_item_open":
            # The item's indentation is markup (a nested item reads as a line of its own, not indented),
            # and so is a bullet with its spaces; the number of an ordered item is the letter's own.
            for n in range(first, last):
                line = canvas.text(n)
                canvas.blank(n, 0, len(line) - len(line.lstrip(" \t")))
            line = canvas.text(first)
            k = len(line) - len(line.lstrip(" \t"))
            if tok.markup in ("-", "*", "+") and line[k:k + 1] == tok.markup:
                stop = k + 1
                while stop < len(line) and line[stop] in " \t":
                    stop += 1
                canvas.blank(first, k, stop)
        elif tok.type == "code_block":   # an indented block: its four spaces of indentation are markup
            for n in range(first, last):
                line = canvas.text(n)
                canvas.blank(n, 0, min(4, len(line) - len(line.lstrip(" \t"))))
        elif tok.type == "hr" or tok.type == "html_block":
            for n in range(first, last):
                canvas.blank(n, 0, len(canvas.text(n)))
        elif tok.type == "fence":
            canvas.blank(first, 0, len(canvas.text(first)))
            if last - 1 > first and canvas.text(last - 1).strip().startswith(tok.markup):
                canvas.blank(last - 1, 0, len(canvas.text(last - 1)))
        elif tok.type == "table_open":
            for n in range(first, last):
                line = canvas.text(n)
                if n == first + 1 and set(line.strip()) <= set("|:- \t"):
                    canvas.blank(n, 0, len(line))   # the delimiter row
                    continue
                pipes = [k for k, ch in enumerate(line) if ch == "|" and (k == 0 or line[k - 1] != "\\")]
                for k, ch in enumerate(line):   # "\|" in a cell reads "|"
                    if ch == "|" and k > 0 and line[k - 1] == "\\":
                        canvas.blank(n, k - 1, k)
                for k in pipes:   # the pipe and the spaces around it go; cells stay apart by one 全角 space
                    lo, hi = k, k + 1
                    while lo > 0 and line[lo - 1] in " \t":
                        lo -= 1
                    while hi < len(line) and line[hi] in " \t":
                        hi += 1
                    canvas.blank(n, lo, hi)
                    if line[:lo].strip() and line[hi:].strip():
                        canvas.lines[n][k] = "\u3000"
        elif tok.type == "inline" and tok.children:
            _inline(tok, canvas)
    for n, seen in enumerate(covered):   # link reference definitions: lines no block token holds
        if not seen and n >= front and _REFERENCE.match(canvas.source[n]):
            canvas.blank(n, 0, len(canvas.source[n]))
    return canvas


def _inline(tok, canvas: _Canvas) -> None:
    """Blank the inline markup of one inline token, found in order in its source lines."""
    content = tok.content
    pieces = content.split("\n")
    # Where each line of the content starts in the (already blanked) source.
    starts: list[tuple[int, int, int, int]] = []   # (content offset, source line, column, length)
    offset = 0
    for j, piece in enumerate(pieces):
        line_no = tok.map[0] + j
        col = canvas.text(line_no).find(piece) if piece else 0
        starts.append((offset, line_no, col, len(piece)))
        offset += len(piece) + 1

    def blank(a: int, b: int) -> None:
        for off, line_no, col, length in reversed(starts):
            if a >= off:
                if col >= 0:
                    canvas.blank(line_no, col + a - off, col + min(b - off, length))
                return

    def replace(a: int, b: int, text: str) -> None:
        """Characters a…b of the content read as ``text`` (an entity): its first source column carries it."""
        for off, line_no, col, length in reversed(starts):
            if a >= off:
                if col >= 0 and len(text) == 1:   # (the rare entity of two code points stays as written)
                    canvas.blank(line_no, col + a - off + 1, col + min(b - off, length))
                    canvas.lines[line_no][col + a - off] = text
                return

    cursor = 0
    for child in tok.children:
        kind = child.type
        if kind == "text":
            pos = content.find(child.content, cursor)
            if pos >= 0:
                cursor = pos + len(child.content)
        elif kind in ("softbreak", "hardbreak"):
            pos = content.find("\n", cursor)
            if pos >= 0:
                blank(cursor, pos)   # the trailing spaces or backslash of a hard break
                cursor = pos + 1
        elif kind == "text_special":   # "\*" is "*"; "&nbsp;" is one no-break space
            pos = content.find(child.markup, cursor)
            if pos >= 0:
                if child.info == "escape":
                    blank(pos, pos + 1)
                else:
                    replace(pos, pos + len(child.markup), child.content)
                cursor = pos + len(child.markup)
        elif kind in _EMPHASIS:
            pos = content.find(child.markup, cursor)
            if pos >= 0:
                blank(pos, pos + len(child.markup))
                cursor = pos + len(child.markup)
        elif kind == "code_inline":
            pos = content.find(child.markup, cursor)
            if pos >= 0:
                blank(pos, pos + len(child.markup))
                inner = content.find(child.content, pos + len(child.markup))
                close = content.find(child.markup, inner + len(child.content) if inner >= 0 else pos + 1)
                if close >= 0:
                    blank(close, close + len(child.markup))
                    cursor = close + len(child.markup)
        elif kind == "link_open":
            if child.markup == "autolink":
                pos = content.find("<", cursor)
            else:
                pos = content.find("[", cursor)
            if pos >= 0:
                blank(pos, pos + 1)
                cursor = pos + 1
        elif kind == "link_close":
            if child.markup == "autolink":
                pos = content.find(">", cursor)
                if pos >= 0:
                    blank(pos, pos + 1)
                    cursor = pos + 1
                continue
            pos = content.find("]", cursor)
            if pos >= 0:
                end = pos + 1
                if content[end:end + 1] in ("(", "["):   # [text](url), [text][ref], [text][]
                    close = content.find(")" if content[end] == "(" else "]", end)
                    end = close + 1 if close >= 0 else end
                blank(pos, end)
                cursor = end
        elif kind == "image":
            pos = content.find("![", cursor)
            close = content.find(")", pos) if pos >= 0 else -1
            if pos >= 0 and close >= 0:
                blank(pos, close + 1)
                cursor = close + 1
        elif kind == "html_inline":
            pos = content.find(child.content, cursor)
            if pos >= 0:
                blank(pos, pos + len(child.content))
                cursor = pos + len(child.content)
