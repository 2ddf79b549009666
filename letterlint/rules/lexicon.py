"""用词 (WORD): the misuse lexicon — 错别字, 非推荐异形词, 误用词 and 固定表述.

The entries are data, not code: ``letterlint/data/lexicon.tsv`` (versioned with
the package, one entry a line).  Columns:

- ``id``: stable entry id (C… 错字, Y… 异形词, M… 误用, G… 固定表述), used to
  switch an entry off in the configuration (``lexicon-disable = ["C001"]``);
- ``wrong`` / ``right``: the wrong form (a plain string) and what to write;
- ``kind``: 错字 / 异形 / 误用 / 固定 — which rule reports it (WORD-001..004);
- ``severity``: empty for the rule's own, else info / warning / error;
- ``before`` / ``after``: regular expressions that must match right before
  (ending at the hit) or right after (starting after it); ``not_before`` /
  ``not_after``: ones that must not.  They look at most ``WINDOW`` characters
  of the same line, so each hit costs a bounded amount of work;
- ``parts``: part kinds to look in (comma-separated; empty: the text parts);
- ``source``: the reference or reason; ``example`` / ``silent``: a sentence
  where the entry fires and one where it must not (the tests run them).

The file is read once per process; all wrong forms are found by one combined
pattern, so the scan is linear in the text whatever the number of entries.
Offices add their own terms with WORD-005 (plain strings, never patterns).
"""
from __future__ import annotations

import os

from letterlint import lazyre
from letterlint.memo import memo, once
from letterlint.record import Record
from letterlint.rules.base import Finding, rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

LEXICON_FILE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "lexicon.tsv")
# What a run needs of LEXICON_FILE, worked out by ``python -m letterlint.rules`` (see ``index_bytes``).
INDEX_FILE = os.path.join(os.path.dirname(LEXICON_FILE), "lexicon_index.marshal")

WINDOW = 24  # characters of context an entry's conditions may look at, each side
# Where words are checked: the title, the body and the attachments (not the
# 版头, 版记 or contact lines, which are names and numbers).
TEXT_PARTS = ("title", "paragraph", "heading1", "heading2", "heading3", "heading4", "closing",
              "attachment_note", "attachment", "attachment_text")
KIND_RULES = {"错字": "WORD-001", "异形": "WORD-002", "误用": "WORD-003", "固定": "WORD-004"}
COLUMNS = ("id", "wrong", "right", "kind", "severity", "before", "after", "not_before", "not_after",
           "parts", "source", "example", "silent")


class Entry(Record):
    """One line of the lexicon.  Never changed once read; a plain (not frozen) record because
    some 460 are made at the first letter and a frozen one costs six times as much to make."""

    id: str
    wrong: str
    right: str
    kind: str
    severity: str
    before: lazyre.LazyPattern | None
    after: lazyre.LazyPattern | None
    not_before: lazyre.LazyPattern | None
    not_after: lazyre.LazyPattern | None
    parts: frozenset[str] | None
    source: str
    example: str
    silent: str

    __slots__ = _fields = ("id", "wrong", "right", "kind", "severity", "before", "after", "not_before",
        "not_after", "parts", "source", "example", "silent")

    def __init__(self, id, wrong, right, kind, severity="", before=None, after=None, not_before=None,
                 not_after=None, parts=None, source="", example="", silent=""):
        self.id = id
        self.wrong = wrong
        self.right = right
        self.kind = kind
        self.severity = severity
        self.before = before
        self.after = after
        self.not_before = not_before
        self.not_after = not_after
        self.parts = parts
        self.source = source
        self.example = example
        self.silent = silent

    def holds(self, text: str, start: int, end: int) -> bool:
        """Whether the context conditions hold for a hit at ``text[start:end]``."""
        if self.before or self.not_before:
            left = text[max(0, start - WINDOW):start]
            if self.before and not self.before.search(left):
                return False
            if self.not_before and self.not_before.search(left):
                return False
        if self.after or self.not_after:
            right = text[end:end + WINDOW]
            if self.after and not self.after.match(right):
                return False
            if self.not_after and self.not_after.match(right):
                return False
        return True


class LexiconError(ValueError):
    """A malformed lexicon line (only the package's own file is read as TSV)."""


def _rows(text: str, where: str) -> list[tuple[int, str]]:
    """(line number, line) of each entry of a lexicon file, after the header (checked)."""
    rows = [(number, line) for number, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.startswith("#")]
    if rows and tuple(rows[0][1].split("\t")) != COLUMNS:
        raise LexiconError(f"{where}:{rows[0][0]}: 表头应为 {' '.join(COLUMNS)}")
    return rows[1:]


def _entry(number: int, line: str, where: str) -> Entry:
    cells = line.split("\t")
    if len(cells) != len(COLUMNS):
        raise LexiconError(f"{where}:{number}: 应有 {len(COLUMNS)} 列，实际 {len(cells)} 列")
    row = dict(zip(COLUMNS, cells, strict=True))
    if not row["wrong"] or row["kind"] not in KIND_RULES:
        raise LexiconError(f"{where}:{number}: 词条 {row['id']} 不完整、类别未知或编号重复")
    return Entry(
        id=row["id"], wrong=row["wrong"], right=row["right"], kind=row["kind"], severity=row["severity"],
        # Compiled on first use (most never are on a given letter), from the shipped code when
        # it is the package's own file (``python -m letterlint.lazyre`` reads it too).
        before=lazyre.LazyPattern(f"(?:{row['before']})$") if row["before"] else None,
        after=lazyre.LazyPattern(row["after"]) if row["after"] else None,
        not_before=lazyre.LazyPattern(f"(?:{row['not_before']})$") if row["not_before"] else None,
        not_after=lazyre.LazyPattern(row["not_after"]) if row["not_after"] else None,
        parts=frozenset(row["parts"].split(",")) if row["parts"] else None,
        source=row["source"], example=row["example"], silent=row["silent"])


def parse_tsv(text: str, where: str = "lexicon.tsv") -> list[Entry]:
    """Entries of a lexicon file; comment lines start with ``#``, the first other line is the header."""
    entries: list[Entry] = []
    seen: set[str] = set()
    for number, line in _rows(text, where):
        entry = _entry(number, line, where)
        if entry.id in seen:
            raise LexiconError(f"{where}:{number}: 词条 {entry.id} 不完整、类别未知或编号重复")
        seen.add(entry.id)
        entries.append(entry)
    return entries


class _EntriesByWrong(dict):
    """wrong form → its entries, for a lexicon read from a file: the lines of a wrong form (their
    numbers, 1-based) are made into entries when a text first holds it (a letter meets a handful
    of the 460, a clean one none); ``text`` gives the file's text then."""

    def __init__(self, numbers: dict[str, list[int]], text: Callable[[], str], where: str):
        super().__init__(numbers)
        self._text = text
        self._lines: list[str] | None = None
        self._where = where
        self._made: set[str] = set()

    def get(self, wrong, default=None):
        found = dict.get(self, wrong)
        if found is None:
            return default
        if wrong not in self._made:
            self._made.add(wrong)
            if self._lines is None:
                self._lines = self._text().splitlines()
            found = self[wrong] = [_entry(number, self._lines[number - 1], self._where) for number in found]
        return found


class Lexicon:
    """Entries indexed by wrong form, with one pattern that finds every candidate."""

    def __init__(self, entries: Iterable[Entry]):
        self._entries = tuple(entries)
        self.by_wrong: dict[str, list[Entry]] = {}
        for e in self._entries:
            self.by_wrong.setdefault(e.wrong, []).append(e)
        self._index()

    @classmethod
    def from_tsv(cls, text: str, where: str = "lexicon.tsv") -> Lexicon:
        """The lexicon of a file; each entry is made when a text first holds its wrong form."""
        lexicon = cls.__new__(cls)
        numbers: dict[str, list[int]] = {}
        for number, line in _rows(text, where):
            wrong = line.split("\t", 2)[1] if line.count("\t") >= 2 else ""
            numbers.setdefault(wrong, []).append(number)
        lexicon._entries, lexicon._text, lexicon._where = None, text, where
        lexicon.by_wrong = _EntriesByWrong(numbers, lambda: text, where)
        lexicon._index()
        return lexicon

    @classmethod
    def _from_index(cls, numbers: dict[str, list[int]], by_head: dict[str, tuple[int, ...]],
                    finder: tuple[str, int] | None) -> Lexicon:
        """The package's lexicon from its shipped index: what ``from_tsv`` makes of the file, unread."""
        lexicon = cls.__new__(cls)
        lexicon._entries, lexicon._text, lexicon._where = None, None, "lexicon.tsv"
        lexicon.by_wrong = _EntriesByWrong(numbers, _builtin_text, lexicon._where)
        lexicon.by_head = by_head
        lexicon.finder = lazyre.LazyPattern(*finder) if finder is not None else None
        return lexicon

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every entry (a file's are all read and checked on the first ask)."""
        if self._entries is None:
            text = _builtin_text() if self._text is None else self._text  # None: the package's file
            self._entries = tuple(parse_tsv(text, self._where))
        return self._entries

    def patterns(self) -> list[lazyre.LazyPattern]:
        """Every pattern the lexicon may compile: the finder and the entries' conditions."""
        found = [self.finder] if self.finder is not None else []
        for e in self.entries:
            found.extend(p for p in (e.before, e.after, e.not_before, e.not_after) if p is not None)
        return found

    def _index(self) -> None:
        # Candidates are found by one pattern over character classes: a first character of
        # a wrong form (or a one-character form), with a second character of one after it,
        # or being a one-character form itself.  The pattern opens with a class, so the
        # regex engine skips in C, with a bitmap test, every character that starts no
        # wrong form; it takes that one character only, so that the candidates follow one
        # another in a single pass, overlapping ones included.  A dictionary on the first
        # two characters then says which wrong forms may start there.
        self.by_head: dict[str, tuple[int, ...]] = {}
        heads: dict[str, set[int]] = {}
        for w in self.by_wrong:
            heads.setdefault(w[:2], set()).add(len(w))
        self.by_head = {h: tuple(sorted(ls, reverse=True)) for h, ls in heads.items()}
        firsts = {w[0] for w in self.by_wrong if len(w) > 1}
        seconds = "".join(sorted({w[1] for w in self.by_wrong if len(w) > 1}))
        singles = "".join(sorted(w for w in self.by_wrong if len(w) == 1))
        alternatives = []
        if seconds:
            alternatives.append(f"(?=[{lazyre.escape(seconds)}])")
        if singles:
            alternatives.append(f"(?<=[{lazyre.escape(singles)}])")
        starts = "".join(sorted(firsts | set(singles)))
        self.finder = (lazyre.LazyPattern(f"[{lazyre.escape(starts)}](?:{'|'.join(alternatives)})")
                       if starts else None)

    def scan(self, text: str, start: int = 0, end: int | None = None,
             part_kind: str | None = None) -> Iterator[tuple[int, int, Entry]]:
        """(start, end, entry) of every hit in ``text[start:end]``, left to right, not overlapping.

        At each candidate position the longest wrong form whose conditions hold wins;
        a candidate that fails its conditions is retried one character further on.
        """
        if self.finder is None:
            return
        end = len(text) if end is None else end
        by_wrong, by_head = self.by_wrong, self.by_head
        pos = start
        for m in self.finder.finditer(text, start, end):
            s = m.start()
            if s < pos:
                continue  # inside the wrong form just found
            two, one = by_head.get(text[s:s + 2]), by_head.get(text[s])
            if two is None and one is None:
                continue  # the two characters begin no wrong form (most candidates)
            hit = None
            for length in (two or ()) + (one or ()):
                if s + length > end:
                    continue
                for entry in by_wrong.get(text[s:s + length], ()):
                    if (entry.parts is None or part_kind in entry.parts) and entry.holds(text, s, s + length):
                        hit = (s, s + length, entry)
                        break
                if hit:
                    break
            if hit:
                yield hit
                pos = hit[1]


@once
def _builtin_text() -> str:
    # A plain file next to the package (importlib.resources would cost the start-up of every run).
    with open(LEXICON_FILE, encoding="utf-8") as f:
        return f.read()


def _ids(text: str) -> tuple[str, ...]:
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(line.split("\t", 1)[0] for line in rows[1:])  # rows[0] is the header


def index_bytes() -> bytes:
    """``INDEX_FILE`` as ``python -m letterlint.rules`` writes it (a test checks it is current).

    Indexing the 460 lines of the package's lexicon cost a one-letter run about
    a twentieth of its time; the index ships instead: the file's size (an
    index of another file is not used), the entry ids, the line numbers by
    wrong form, and the candidate finder and heads that ``Lexicon._index``
    makes.  A clean letter then never reads the file.
    """
    import marshal

    text = _builtin_text()
    lexicon = Lexicon.from_tsv(text)
    finder = (lexicon.finder.pattern, int(lexicon.finder.flags)) if lexicon.finder is not None else None
    return marshal.dumps((len(text.encode("utf-8")), _ids(text), dict(lexicon.by_wrong), lexicon.by_head, finder), 4)


@once
def _shipped_index() -> tuple | None:
    """The shipped index (ids, line numbers, heads, finder) when it was made from this lexicon file, else None."""
    import marshal

    try:
        with open(INDEX_FILE, "rb") as f:
            size, *index = marshal.loads(f.read())
        if size == os.path.getsize(LEXICON_FILE):
            return tuple(index)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    return None


@once
def builtin() -> Lexicon:
    """The package's lexicon, made once per process (from the shipped index when it fits)."""
    shipped = _shipped_index()
    if shipped is None:
        return Lexicon.from_tsv(_builtin_text())
    return Lexicon._from_index(*shipped[1:])


@once
def builtin_ids() -> tuple[str, ...]:
    """Ids of the built-in entries (the allowed values of ``lexicon-disable``).

    The rules' decorators ask at import; building the lexicon is left to the
    first letter that needs it.
    """
    shipped = _shipped_index()
    return shipped[0] if shipped is not None else _ids(_builtin_text())


def _hits(letter, lexicon: Lexicon):
    """Every hit in the letter's text parts: (line, start, end, entry)."""
    out = []
    for part in letter.all(*TEXT_PARTS):
        for line in part.lines:
            lo, hi = (part.start, part.end) if part.start is not None else (0, None)
            for s, e, entry in lexicon.scan(line.text, lo or 0, hi, part.kind):
                out.append((line, s, e, entry))
    return out


def _builtin_hits(letter):
    return letter.memo("lexicon", lambda lt: _hits(lt, builtin()))


_VERB = {"错字": "错别字", "异形": "非推荐词形", "误用": "用词不当", "固定": "固定表述有误"}


def _findings(letter, kind: str, options) -> Iterator[Finding]:
    disabled = set(options.get("lexicon-disable") or ())
    for line, s, e, entry in _builtin_hits(letter):
        if entry.kind != kind or entry.id in disabled:
            continue
        yield _finding(line, s, e, entry)


def _finding(line, s: int, e: int, entry: Entry) -> Finding:
    wrong = entry.wrong
    if entry.right.startswith("（"):  # an instruction, not a replacement word
        message = f"{_VERB[entry.kind]}：“{wrong}”{entry.right}（词条 {entry.id}）"
        suggestion = entry.right.strip("（）")
    else:
        verb = "宜用" if entry.kind == "异形" else "应为"
        message = f"{_VERB[entry.kind]}：“{wrong}”{verb}“{entry.right}”（词条 {entry.id}）"
        suggestion = f"改为“{entry.right}”"
    if entry.source:
        suggestion += f"；依据：{entry.source}"
    return Finding(line.span(s, e), message, suggestion, severity=entry.severity or None)


def _kind_rule(code: str, name: str, severity: str, kind: str):
    """Decorator arguments shared by the four built-in lexicon rules."""
    return rule(code, name, severity, options={"lexicon-disable": []},
                choices={"lexicon-disable": builtin_ids()})


@_kind_rule("WORD-001", "lexicon-typo", "warning", "错字")
def lexicon_typo(letter, options):
    """不写错别字（词表中确定的错字，如“部份”“布署”“再接再励”“侯车”）。

    依据：《党政机关公文处理工作条例》第二十条（四）要求审核“文字……用法是否规范”；
    字形以《现代汉语词典》（第7版）为准。词条列在 letterlint/data/lexicon.tsv（类别“错字”），
    每条可用设置 lexicon-disable 关闭（如 lexicon-disable = ["C001"]，四条用词规则共用）。

    反例：
        经研究，现将有关工作布署如下。

    正例：
        经研究，现将有关工作部署如下。
    """
    yield from _findings(letter, "错字", options)


@_kind_rule("WORD-002", "lexicon-variant", "info", "异形")
def lexicon_variant(letter, options):
    """用推荐词形，不用异形词（如“帐户”宜用“账户”，“答覆”宜用“答复”）。

    依据：《第一批异形词整理表》和《现代汉语词典》（第7版）的推荐词形；公文用字须规范
    （《党政机关公文处理工作条例》第十一条）。词条类别“异形”，可用 lexicon-disable 逐条关闭。

    反例：
        补助资金已拨付至各户帐户。

    正例：
        补助资金已拨付至各户账户。
    """
    yield from _findings(letter, "异形", options)


@_kind_rule("WORD-003", "lexicon-misuse", "warning", "误用")
def lexicon_misuse(letter, options):
    """不误用词语（如访问网站用“登录”不用“登陆”，“招聘启事”不写“启示”，“约……左右”重复）。

    依据：《现代汉语词典》（第7版）释义与用法说明。误用词只在词表写明的上下文中报告
    （如“登陆”后面是网站、平台、系统等），以免误报。词条类别“误用”，可用 lexicon-disable 逐条关闭。

    反例：
        请登陆示例市政务服务网查询办理进度。

    正例：
        请登录示例市政务服务网查询办理进度。
    """
    yield from _findings(letter, "误用", options)


@_kind_rule("WORD-004", "lexicon-fixed-phrase", "warning", "固定")
def lexicon_fixed_phrase(letter, options):
    """固定表述不得改字、倒序或改用阿拉伯数字（如“人民群众”“党中央、国务院”“十四五”）。

    依据：规范的政治、政策表述须完整准确；GB/T 15835—2011 4.2：词语、惯用语中作为语素的数字用汉字。
    词条类别“固定”，可用 lexicon-disable 逐条关闭。

    反例：
        切实解决人们群众反映强烈的问题。

    正例：
        切实解决人民群众反映强烈的问题。
    """
    yield from _findings(letter, "固定", options)


def _parse_term(item: str, index: int) -> Entry:
    wrong, _, right = item.partition("=>")
    wrong, right = wrong.strip(), right.strip()
    return Entry(id=f"U{index:03d}", wrong=wrong, right=right, kind="误用", source="本单位词表")


@memo(16)
def _custom(terms: tuple[str, ...]) -> Lexicon:
    return Lexicon(_parse_term(t, i) for i, t in enumerate(terms, 1) if t.partition("=>")[0].strip())


@rule("WORD-005", "lexicon-custom", "warning", options={"lexicon-terms": []})
def lexicon_custom(letter, options):
    """本单位自定义的禁用词或规范用词（设置 lexicon-terms，每项“错误写法=>正确写法”，或只写禁用词）。

    依据：各单位的公文用语规范（如机构规范简称、本地地名的规范写法）。词条按普通字符串逐字
    匹配，不作为正则表达式，所以配置文件中的词条不会拖慢或卡住检查。

    示例配置：
        lexicon-terms = ["示例市教育局局=>示例市教育局", "教育口"]

    反例：
        请示例市教育局局牵头办理。

    正例：
        请示例市教育局牵头办理。
    """
    terms = tuple(options.get("lexicon-terms") or ())
    if not terms:
        return
    lexicon = _custom(terms)
    for line, s, e, entry in _hits(letter, lexicon):
        if entry.right:
            yield Finding(line.span(s, e), f"本单位规范用词：“{entry.wrong}”应为“{entry.right}”",
                          f"改为“{entry.right}”")
        else:
            yield Finding(line.span(s, e), f"本单位规定不用“{entry.wrong}”", "换用规范的说法")
