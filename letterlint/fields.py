"""The fields of each part, with their exact spans: the one home of the field grammars.

The classifier (``classify.py``) decides what a line *is*; this module reads
what a part *says*: the 机关代字, brackets, year and number of a 发文字号, the
names and separators of a 主送 or 抄送 list, the labelled fields of a contact
block, the items of a 附件说明.  Every field carries its own ``Span`` (line,
column, end), so a rule points at — and a fix replaces — exactly the
characters it means.  Rules read these fields; none re-matches the raw lines.

Fields depend only on a part's ``kind``, ``lines`` and ``start``/``end``, and
are read lazily, once per part, on first use (``Part.parsed``): most letters
are checked by rules that never ask for most fields, so parsing them all up
front would cost start-up and throughput for nothing.
"""
from __future__ import annotations

from letterlint import lazyre
from letterlint.model import PAD, PAD_CLASS, PAD_RUN, Line, Span, unpad
from letterlint.record import Record, TupleRecord

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

CN_DIGIT = "〇○零Ｏ0一二三四五六七八九"
CN_NUM = "一二三四五六七八九十"
# Any run of spaces (ASCII, tab, U+3000, NBSP …).  \s rather than a character class:
# a class with non-Latin-1 members costs ~0.1 ms to compile, and these patterns
# repeat it hundreds of times, which made start-up slow.
SP = r"\s*"
_S = PAD_CLASS + "*"   # spaces only, not line breaks
_ANY_SPACE = lazyre.compile(r"\s")
_NON_SPACE_RUN = lazyre.compile(r"\S+")


class Tok(TupleRecord):
    """One field as written (``text``, a str) and where it stands (``span``, a Span)."""

    __slots__ = ()
    _fields = ("text", "span")

    def __new__(cls, text, span):
        return tuple.__new__(cls, (text, span))


def _tok(line: Line, start: int, end: int) -> Tok | None:
    """``line.text[start:end]`` as a field, or None when it is empty."""
    if end <= start:
        return None
    return Tok(line.text[start:end], Span(line.number, start + 1, line.number, end + 1))


def _join(a: Span, b: Span) -> Span:
    """From the start of ``a`` to the end of ``b``."""
    return Span(a.line, a.column, b.end_line, b.end_column)


# --- 发文字号 ------------------------------------------------------------------------------

# The one 发文字号 pattern, loose enough that malformed numbers are still read
# (and reported): any bracket pair, spaces, a colon after the 机关代字, 第, no 号.
_DOCNUM_OPEN = r"[〔【\[［(（〖﹝{｛<《]"  # every bracket a year is put in, right or wrong
DOCNUM = lazyre.compile(
    r"(?P<code>[\u4e00-\u9fffA-Za-z]{1,16}?)?" + SP + r"[：:]?" + SP
    + r"(?P<open>" + _DOCNUM_OPEN + r")" + SP
    + r"(?P<year>(?:\d{1,4}|[" + CN_DIGIT + r"]{2,4}|\d*[OoＯｏ][\dOoＯｏ]*)年?)" + SP
    + r"(?P<close>[〕】\]］)）〗﹞}｝>》])" + SP
    + r"(?P<di>第?)" + SP + r"(?P<seq>\d+)" + SP + r"(?P<hao>号?)"
)
DOCNUM_HINT = lazyre.compile(_DOCNUM_OPEN)
# What DOCNUM cannot do without: an opening bracket and the first of the year's digits (or a letter O for 0).
DOCNUM_YEAR_HINT = lazyre.compile(_DOCNUM_OPEN + SP + r"(?:\d|[OoＯｏ]|[" + CN_DIGIT + r"]{2})")
# A 发文字号 without year brackets, e.g. "示政函2024年12号".
DOCNUM_BARE = lazyre.compile(r"(?:^|(?<=" + PAD_CLASS + r"))(?P<code>[\u4e00-\u9fff]{1,16}?)(?P<year>\d{4})年?(?P<di>第?)"
                             r"(?P<seq>\d+)(?P<hao>号)(?=$|" + PAD_CLASS + r")")
# The 令号 of a 命令（令） (GB/T 9704 10.3): 第N号 alone, centred below the 发文机关标志; no 代字, no year.
ORDER_NUMBER = lazyre.compile(r"^(?P<di>第?)" + _S + r"(?P<seq>[0-9０-９]{1,6})" + _S + r"(?P<hao>号?)$")
# Cheap test for a number cited in running text: a year of 2 or 4 digits in brackets.
CITED_HINT = lazyre.compile(r"[〔【\[［(（〖﹝]\d{2,4}[〕】\]］)）〗﹞]")
_CITED_OPEN = "〔【[［(（〖﹝"
_CITED_CLOSE = "〕】]］)）〗﹞"
# What may follow a cited number that has no 号: the end of a clause, 文 or 件.
_CITED_AFTER = "）)，,。、；;文件号"


class DocNumber(Record):
    """A 发文字号: 机关代字〔年份〕顺序号号, each piece with its span.

    ``bare`` numbers have no brackets (示政函2024年12号); ``cited`` ones stand
    in running text ("根据示政发〔2024〕3号文件").
    """

    span: Span
    code: Tok | None
    open: Tok | None
    year: Tok | None            # None for a 令号
    close: Tok | None
    di: Tok | None
    seq: Tok
    hao: Tok | None
    bare: bool
    cited: bool
    line: Line | None

    form: str                    # "令号" for a 命令's 第N号 (no 代字, no year), else ""

    __slots__ = _fields = ("span", "code", "open", "year", "close", "di", "seq", "hao", "bare", "cited", "line", "form")

    def __init__(self, span, code, open, year, close, di, seq, hao, bare=False, cited=False, line=None, form=""):
        self.span = span
        self.code = code
        self.open = open
        self.year = year
        self.close = close
        self.di = di
        self.seq = seq
        self.hao = hao
        self.bare = bare
        self.cited = cited
        self.line = line
        self.form = form

    @property
    def brackets(self) -> Span | None:
        """From the opening to the closing bracket of the year."""
        if self.open is None or self.close is None:
            return None
        return _join(self.open.span, self.close.span)

    def text(self, name: str) -> str:
        tok = getattr(self, name)
        return tok.text if tok is not None else ""

    @property
    def well_formed(self) -> bool:
        if self.form:
            return self.hao is not None and not (len(self.seq.text) > 1 and self.seq.text.startswith("0"))
        return (self.text("open"), self.text("close")) == ("〔", "〕") and not self.di and self.hao is not None \
            and len(self.year.text) == 4 and self.year.text.isdigit() \
            and not (len(self.seq.text) > 1 and self.seq.text.startswith("0"))


def _docnum(line: Line, m: re.Match, cited: bool = False, code_start: int | None = None) -> DocNumber:
    def g(name: str) -> Tok | None:
        return _tok(line, m.start(name), m.end(name)) if m.group(name) else None

    code = g("code")
    if code_start is not None:
        code = _tok(line, code_start, m.end("code"))
    start = code.span.column - 1 if code is not None else m.start("open")
    end = m.end("hao") if m.group("hao") else m.end("seq")
    return DocNumber(line.span(start, end), code, g("open"), g("year"), g("close"), g("di"), g("seq"), g("hao"),
                     cited=cited, line=line)


def own_docnumber(line: Line, start: int = 0, end: int | None = None) -> DocNumber | None:
    """The 发文字号 written in ``line.text[start:end]`` (a 版头 line), bracketed or bare."""
    end = len(line.text) if end is None else end
    hint = DOCNUM_HINT.search(line.text, start, end)
    m = DOCNUM.search(line.text, max(start, hint.start() - 24), end) if hint else None
    if m is not None:
        return _docnum(line, m)
    b = DOCNUM_BARE.search(line.text, start, end)
    if b is None:
        return None
    g = {k: _tok(line, b.start(k), b.end(k)) for k in ("code", "year", "di", "seq", "hao")}
    return DocNumber(line.span(b.start(), b.end()), g["code"], None, g["year"], None, g["di"], g["seq"], g["hao"],
                     bare=True, line=line)


def order_number(line: Line, start: int = 0, end: int | None = None) -> DocNumber | None:
    """The 令号 (第N号) written in ``line.text[start:end]``: a 发文字号 of the form "令号", without year."""
    end = len(line.text.rstrip(PAD)) if end is None else end
    while start < end and line.text[start] in PAD:
        start += 1
    m = ORDER_NUMBER.match(line.text, start, end)
    if m is None:
        return None
    g = {k: _tok(line, m.start(k), m.end(k)) for k in ("di", "seq", "hao")}
    return DocNumber(line.span(m.start(), m.end()), None, None, None, None, g["di"], g["seq"], g["hao"],
                     line=line, form="令号")


def _is_code_char(c: str) -> bool:
    """A character DOCNUM takes into a 机关代字: a Chinese character or a Latin letter."""
    return "\u4e00" <= c <= "\u9fff" or "A" <= c <= "Z" or "a" <= c <= "z"


def numbers_in_text(line: Line, start: int = 0, end: int | None = None):
    """Every 发文字号 the one pattern finds in ``line.text[start:end]``, read as written, in order."""
    end = len(line.text) if end is None else end
    hint = DOCNUM_HINT.search(line.text, start, end)
    if hint is None:
        return  # no bracket, no number: most lines (the pattern tries every character as a start)
    for m in DOCNUM.finditer(line.text, max(start, hint.start() - 24), end):
        yield _docnum(line, m)


def cited_numbers(part) -> list[DocNumber]:
    """发文字号 cited in the text of ``part`` (（示政发〔2024〕3号）), well-formed or not, once per part."""
    cache = part.__dict__.get("_cited_numbers")
    key = (len(part.lines), part.start, part.end)
    if cache is not None and cache[0] == key:
        return cache[1]
    out: list[DocNumber] = []
    if CITED_HINT.search(part.text):
        for line in part.lines:
            text = line.text
            lo, hi = (part.start, part.end) if part.start is not None else (0, None)
            hi = len(text) if hi is None else hi
            # Read the number at each bracketed year: its 机关代字 is the run of letters right before it.
            for hint in CITED_HINT.finditer(text, lo, hi):
                k = j = hint.start()
                while j > lo and k - j < 16 and _is_code_char(text[j - 1]):
                    j -= 1
                if j == k:
                    continue  # no 机关代字: "(2024)" in prose
                m = DOCNUM.match(text, j, hi)
                number = _cited(line, m) if m is not None and m.start("open") == k else None
                if number is not None:
                    out.append(number)
    part.__dict__["_cited_numbers"] = (key, out)
    return out


def _cited(line: Line, m: re.Match) -> DocNumber | None:
    """``m`` read as a number cited in running text, or None when prose only looks like one.

    In prose the 机关代字 is the run of Chinese characters right before the
    bracket (at most 12: "根据示政发" — the words before it are the caller's
    to trim), nothing stands between the pieces, the year has 2 or 4 digits,
    and a number without 号 ends a clause.
    """
    text = line.text
    if m.group("open") not in _CITED_OPEN or m.group("close") not in _CITED_CLOSE:
        return None
    end = m.end("hao") if m.group("hao") else m.end("seq")
    if _ANY_SPACE.search(text[m.start("open"):end]):
        return None
    year, seq = m.group("year"), m.group("seq")
    if not (year.isascii() and year.isdigit() and len(year) in (2, 4)) or len(seq) > 5:
        return None
    k = m.start("open")
    j = k
    while j > 0 and k - j < 12 and "\u4e00" <= text[j - 1] <= "\u9fff":
        j -= 1
    if j == k:
        return None
    if not m.group("hao") and end < len(text) and text[end] not in _CITED_AFTER and not text[end].isspace():
        return None
    return _docnum(line, m, cited=True, code_start=j)


# --- 成文日期 --------------------------------------------------------------------------------

_Y = r"(?P<y>[0-9０-９]{1,4}|[" + CN_DIGIT + r"]{2,4})"
_M = r"(?P<m>[0-9０-９]{1,2}|[" + CN_NUM + r"零〇]{1,3})"
_D = r"(?P<d>[0-9０-９]{1,2}|[" + CN_NUM + r"零〇]{1,3})"
# The day may lack its 日 or end in 号, and a full stop may follow: DATE-003 reports those forms.
DATE_CN = lazyre.compile(r"^" + _Y + SP + r"年" + SP + _M + SP + r"月(?:" + SP + _D + SP + r"(?P<unit>[日号])?)?" + SP
                         + r"(?P<stop>[。．.])?$")
# A whole date inside a line (the 题注 of a document adopted by a meeting, a 纪要's issuer-and-date line).
DATE_IN_LINE = r"(?P<date>" + _Y + SP + r"年" + SP + _M + SP + r"月" + SP + _D + SP + r"日)"
DATE_NUMERIC = lazyre.compile(r"^(?P<y>\d{4})" + SP + r"(?P<sep>[.\-/．])" + SP + r"(?P<m>\d{1,2})" + SP
                              + r"(?P=sep)" + SP + r"(?P<d>\d{1,2})" + SP + r"日?$")


class Date(Record):
    """A date alone on its line: 2024年5月6日 (``form`` "cn") or 2024.5.6 ("numeric").

    ``unit`` is the word after the day (日, or 号 written for it; None when missing), ``stop`` a full stop
    written after the date (None when there is none, as there should be).
    """

    span: Span
    form: str
    year: Tok
    month: Tok
    day: Tok | None
    sep: Tok | None          # the mark between the numbers of a numeric date
    unit: Tok | None
    stop: Tok | None

    __slots__ = _fields = ("span", "form", "year", "month", "day", "sep", "unit", "stop")

    def __init__(self, span, form, year, month, day, sep=None, unit=None, stop=None):
        self.span = span
        self.form = form
        self.year = year
        self.month = month
        self.day = day
        self.sep = sep
        self.unit = unit
        self.stop = stop


def date_of(line: Line) -> Date | None:
    """The date that is the whole content of ``line``, or None."""
    text = line.stripped
    off = line.indent
    for form, rx in (("cn", DATE_CN), ("numeric", DATE_NUMERIC)):
        m = rx.match(text)
        if m is None:
            continue
        def tok(name: str) -> Tok | None:
            return _tok(line, off + m.start(name), off + m.end(name)) if m.group(name) else None
        if form == "numeric":
            return Date(line.span(), form, tok("y"), tok("m"), tok("d"), tok("sep"))
        return Date(line.span(), form, tok("y"), tok("m"), tok("d"), unit=tok("unit"), stop=tok("stop"))
    return None


# The 印发 line of the 版记: 印发机关　2024年5月7日印发.
PRINT_LINE = lazyre.compile(r"^(?P<org>\S.*?)??" + SP + r"(?P<date>(?:\d{4}|(?<![\d.])\d{2}|[" + CN_DIGIT + r"]{4})" + SP + r"年.{1,12}?日"
                            r"|\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2})" + SP + r"(?P<printed>印发)?$")
# The pieces of its date, read loosely (spaces removed) so that any malformed one is reported.
_PRINT_CN = lazyre.compile(r"^(?P<y>[^年]+)年(?P<m>[^月]+)月(?:(?P<d>[^日]+)日)?$")
_PRINT_NUMERIC = lazyre.compile(r"^(?P<y>\d{4})(?P<sep>[.\-/．])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})$")


class PrintLine(Record):
    """The 印发 line: the organ, the date (as written, and its numbers), the word 印发.

    ``form`` is "cn" (2024年5月7日) or "numeric" (2024-5-7), None when the
    date cannot be read; ``numbers`` the year, month and day as written
    (keys y, m, d; spaces removed).
    """

    org: Tok | None
    date: Tok | None
    printed: Tok | None
    form: str | None
    numbers: dict

    __slots__ = _fields = ("org", "date", "printed", "form", "numbers")

    def __init__(self, org, date, printed, form=None, numbers=None):
        self.org = org
        self.date = date
        self.printed = printed
        self.form = form
        self.numbers = {} if numbers is None else numbers


def _print_line(part) -> PrintLine:
    line = part.lines[0]
    off = line.indent
    m = PRINT_LINE.match(line.stripped)
    if m is None:
        return PrintLine(None, None, None)

    def g(name: str) -> Tok | None:
        return _tok(line, off + m.start(name), off + m.end(name)) if m.group(name) else None

    out = PrintLine(g("org"), g("date"), g("printed"))
    compact = _SPACES.sub("", m.group("date"))
    for form, rx in (("numeric", _PRINT_NUMERIC), ("cn", _PRINT_CN)):
        d = rx.match(compact)
        if d:
            out.form, out.numbers = form, {k: d.group(k) for k in ("y", "m", "d")}
            break
    return out


# --- headings -----------------------------------------------------------------------------

# A space alone after the numeral (二 公共建筑) is the 顿号 left out (HEAD-002).
HEADING1 = lazyre.compile(r"^(?P<num>[" + CN_NUM + r"]{1,3})(?P<punct>[、.．，,：:；;]|" + SP + r"、|[ \u3000](?=[\u4e00-\u9fff]))")
HEADING2 = lazyre.compile(r"^(?P<open>[（(])" + SP + r"(?P<num>[" + CN_NUM + r"]{1,3})" + SP
                          + r"(?P<close>[）)])(?P<punct>[、.．，,：:]?)")
# After the mark of an item numbered 1. a figure means a decimal (1.5万元), except a year (1.2024年…).
NOT_DECIMAL = r"(?!\d(?!\d{3}年))"
HEADING3 = lazyre.compile(r"^(?P<num>\d{1,2})(?P<punct>[.．、，,])" + NOT_DECIMAL)
HEADING4 = lazyre.compile(r"^(?P<open>[（(])" + SP + r"(?P<num>\d{1,2})" + SP
                          + r"(?P<close>[）)])(?P<punct>[、.．，,：:]?)")
HEADING_PATTERNS = {"heading1": HEADING1, "heading2": HEADING2, "heading3": HEADING3, "heading4": HEADING4}


class Heading:
    """The 序号 of a heading line: 一、 （一） 1. （1）, each piece with its span.

    ``marker`` is the whole 序号 with its punctuation; ``num``, ``open``,
    ``close`` and ``punct`` its pieces (None when not written); ``rest`` the
    heading's text after it.  The pieces are made when asked for: a letter has
    many headings and most rules look only at the number.
    """

    __slots__ = ("level", "line", "rest", "_m", "_off")

    def __init__(self, level: int, line: Line, m: re.Match, off: int):
        self.level, self.line, self._m, self._off = level, line, m, off
        self.rest = line.text[off + m.end():].strip()

    def _piece(self, name: str | None) -> Tok | None:
        m, off = self._m, self._off
        if name is None:
            return _tok(self.line, off + m.start(), off + m.end())
        if not m.groupdict().get(name):
            return None
        return _tok(self.line, off + m.start(name), off + m.end(name))

    marker = property(lambda self: self._piece(None))
    num = property(lambda self: self._piece("num"))
    open = property(lambda self: self._piece("open"))
    close = property(lambda self: self._piece("close"))
    punct = property(lambda self: self._piece("punct"))


def heading_of(kind: str, line: Line) -> Heading | None:
    """The 序号 that opens ``line``, read as a heading of ``kind`` (heading1 … heading4)."""
    rx = HEADING_PATTERNS.get(kind)
    off = line.indent
    m = rx.match(line.text[off:]) if rx is not None else None   # the patterns are anchored with ^
    if m is None:
        return None
    return Heading(int(kind[-1]), line, m, off)


# --- lists of organs: 主送 and 抄送 ------------------------------------------------------------

COPY_TO = lazyre.compile(r"^(?P<label>抄" + SP + r"送|抄" + SP + r"报|抄" + SP + r"发)" + SP + r"(?P<colon>[：:]?)")
COPY_TO_STRICT = lazyre.compile(r"^(?P<label>分送|报送|送)" + SP + r"(?P<colon>[：:])")
ORG_SUFFIX = lazyre.compile(
    r"(?:局|委|厅|办|办公室|政府|公司|院|所|会|处|室|中心|部|街道|办事处|乡|镇|村|站|队|单位|学校|校|馆|社|集团|银行"
    r"|委员会|管委会|分局|支队|大队|协会|联合会|党委|党组|工委|总队|署|科|股|园区|示范区|新区)$"
)
ADDRESSEE_SUFFIX = lazyre.compile(r"(?:代表|委员|同志|先生|女士|主任|局长|书记|市长|县长|领导)$")

ORGAN_SEPARATORS = "、，,；;"
_COPY_END = "。.，,、；;：:！!？?"
_RECIPIENT_END = "：:，,！!"
_OPENERS = {"（": "）", "(": ")", "《": "》", "“": "”"}
_MARKS: dict[str, lazyre.LazyPattern] = {}   # separators and brackets, by the separators of a list
_SPACES = lazyre.compile(PAD_RUN)
_NO_PAD_RUN = lazyre.compile(r"[^" + PAD + r"]+")


def _marks(separators: str) -> lazyre.LazyPattern:
    """The separators and brackets of a list, as one character class."""
    return lazyre.compile("[" + lazyre.escape(separators + "".join(k + v for k, v in _OPENERS.items())) + "]")


class Organ(Record):
    """One name in a list of organs (or people), with the separator written after it."""

    name: str                # as written, padding inside a wrapped name removed
    span: Span               # may run over two lines when the name wraps
    sep: Tok | None          # 、 ， ； … after the name; None for the last name

    __slots__ = _fields = ("name", "span", "sep")

    def __init__(self, name, span, sep):
        self.name = name
        self.span = span
        self.sep = sep


class OrganList(Record):
    """A 主送 or 抄送 list: its label (抄送), the colon, the names, the mark that ends it.

    ``end`` is the mark after the last name: the colon of a 主送 (or the comma
    written in its place), the full stop of a 抄送 (or what stands there).
    ``content`` is each line's stretch of names, (line, start, end) offsets.
    """

    label: Tok | None
    colon: Tok | None
    items: list[Organ]
    end: Tok | None
    content: list[tuple[Line, int, int]]
    _salutation_at: tuple | None

    __slots__ = _fields = ("label", "colon", "items", "end", "content", "_salutation_at")
    _hidden = ("_salutation_at",)

    def __init__(self, label, colon, items, end, content, _salutation_at=None):
        self.label = label
        self.colon = colon
        self.items = items
        self.end = end
        self.content = content
        self._salutation_at = _salutation_at

    @property
    def salutation(self) -> Salutation | None:
        """The 主送 read as the 称呼 of a reply (王小明等2名代表：), or None; read on first use."""
        at = self._salutation_at
        if at is None:
            return None
        if len(at) == 3:
            self._salutation_at = (salutation_of(*at),)
        return self._salutation_at[0]

    @property
    def names(self) -> list[str]:
        return [o.name for o in self.items]


def organ_list(lines: list[Line], labelled: bool, end_marks: str, separators: str = ORGAN_SEPARATORS,
               upto: int | None = None, apart: bool = False) -> OrganList | None:
    """The one splitter for lists of organs, over one or more lines.

    Names are separated by 、，,；; outside brackets and quotes (各县（市、区）
    人民政府 is one name); a name with no separator at the end of a line goes
    on on the next.  ``labelled``: the first line opens with 抄送： (None when
    it does not); ``end_marks``: the marks that may close the list; ``upto``:
    where the list ends on the last line (the 关于 of a title), if not at its end.
    ``apart``: organs may also stand apart by spaces or one per line (the issuers of a joint
    版头 or title); a stretch is split so only when every piece is an organ's name.
    """
    if not lines:
        return None
    first = lines[0]
    label = colon = None
    start = first.indent
    if labelled:
        m = COPY_TO.match(first.stripped) or COPY_TO_STRICT.match(first.stripped)
        if m is None:
            return None
        off = first.indent
        label = _tok(first, off + m.start("label"), off + m.end("label"))
        colon = _tok(first, off + m.start("colon"), off + m.end("colon"))
        start = off + m.end()
    content: list[tuple[Line, int, int]] = []
    for i, line in enumerate(lines):
        lo = start if i == 0 else line.indent
        hi = len(line.text.rstrip(PAD)) if upto is None or i < len(lines) - 1 else upto
        while hi > lo and line.text[hi - 1] in PAD:
            hi -= 1
        while lo < hi and line.text[lo] in PAD:
            lo += 1
        if lo < hi:
            content.append((line, lo, hi))
    end = None
    if content and end_marks:
        line, lo, hi = content[-1]
        if line.text[hi - 1] in end_marks:
            end = _tok(line, hi - 1, hi)
            hi -= 1
            while hi > lo and line.text[hi - 1] in PAD:
                hi -= 1
            content[-1] = (line, lo, hi)
            if lo >= hi:
                content.pop()
    items: list[Organ] = []
    pieces: list[tuple[Line, int, int]] = []   # the name being read, line by line
    closer = ""

    def close_name(sep: Tok | None) -> None:
        trimmed = []
        for line, a, b in pieces:
            while a < b and line.text[a] in PAD:
                a += 1
            while b > a and line.text[b - 1] in PAD:
                b -= 1
            if a < b:
                trimmed.append((line, a, b))
        pieces.clear()
        if not trimmed:
            if sep is not None and items and items[-1].sep is None:
                items[-1].sep = sep
            elif sep is not None:
                items.append(Organ("", sep.span, sep))
            return
        if apart:
            names = [(ln, m.start(), m.end()) for ln, a, b in trimmed for m in _NO_PAD_RUN.finditer(ln.text, a, b)]
            if len(names) > 1 and all(b - a >= 3 and ORG_SUFFIX.search(ln.text[a:b]) for ln, a, b in names):
                for ln, a, b in names[:-1]:
                    items.append(Organ(ln.text[a:b], Span(ln.number, a + 1, ln.number, b + 1), None))
                ln, a, b = names[-1]
                items.append(Organ(ln.text[a:b], Span(ln.number, a + 1, ln.number, b + 1), sep))
                return
        (l0, a0, _), (l1, _, b1) = trimmed[0], trimmed[-1]
        name = "".join(_SPACES.sub("", ln.text[a:b]) for ln, a, b in trimmed)
        items.append(Organ(name, Span(l0.number, a0 + 1, l1.number, b1 + 1), sep))

    marks = _MARKS.get(separators)
    if marks is None:
        marks = _MARKS[separators] = _marks(separators)
    for line, lo, hi in content:
        text = line.text
        a = lo
        for mark in marks.finditer(text, lo, hi):   # only the separators and brackets matter
            k, ch = mark.start(), mark.group()
            if closer:
                if ch == closer:
                    closer = ""
                continue
            if ch in _OPENERS:
                closer = _OPENERS[ch]
            elif ch in separators:
                pieces.append((line, a, k))
                close_name(_tok(line, k, k + 1))
                a = k + 1
        if a < hi:
            pieces.append((line, a, hi))
        closer = ""   # a bracket left open does not swallow the next line
    close_name(None)
    return OrganList(label, colon, [o for o in items if o.name or o.sep is not None], end, content)


# The salutation of a reply: (尊敬的) 名字(、名字…)(等N名/位) 代表|委员 ：
SALUTATION = lazyre.compile(
    r"(?P<honor>尊敬的)?" + _S + r"(?P<names>[^：:。]*?)" + _S
    + r"(?P<joint>等" + _S + r"(?P<n>[0-9０-９一二两三四五六七八九十]+)?" + _S + r"(?:名|位|个)?)?" + _S
    + r"(?P<role>代表团|代表|委员)(?:们)?" + _S + r"(?P<colon>[：:]?)" + _S + r"$"
)
_NAME_SEPARATORS = "、，,"


class Salutation(Record):
    """The 称呼 of a reply to deputies or members: 王小明、李小红等2名代表：

    ``names`` is the stretch of names; ``name_list`` each name, split at
    、，, (padding trimmed); ``joint`` the 等N名 after them, ``count`` its N.
    """

    line: Line
    honor: Tok | None
    names: Tok | None
    name_list: list[Tok]
    joint: Tok | None
    count: Tok | None
    role: Tok
    colon: Tok | None

    __slots__ = _fields = ("line", "honor", "names", "name_list", "joint", "count", "role", "colon")

    def __init__(self, line, honor, names, name_list, joint, count, role, colon):
        self.line = line
        self.honor = honor
        self.names = names
        self.name_list = name_list
        self.joint = joint
        self.count = count
        self.role = role
        self.colon = colon


def salutation_of(line: Line, lo: int, hi: int) -> Salutation | None:
    """``line.text[lo:hi]`` read as the salutation of a reply, or None when it is not one."""
    m = SALUTATION.match(line.text, lo, hi)
    if m is None:
        return None

    def g(name: str) -> Tok | None:
        return _tok(line, m.start(name), m.end(name)) if m.group(name) else None

    name_list = []
    a = m.start("names")
    for k in range(m.start("names"), m.end("names") + 1):
        if k == m.end("names") or line.text[k] in _NAME_SEPARATORS:
            b = k
            while a < b and line.text[a] in PAD:
                a += 1
            while b > a and line.text[b - 1] in PAD:
                b -= 1
            if a < b:
                name_list.append(_tok(line, a, b))
            a = k + 1
    return Salutation(line, g("honor"), g("names"), name_list, g("joint"), g("n"), g("role"), g("colon"))


def own_lines(part) -> list[Line]:
    """The lines of ``part``; for a part that is only a piece of its line, that piece alone,
    at its own columns (the rest of the line blanked or cut), so that fields keep their spans."""
    if part.start is None:
        return part.lines
    line = part.lines[0]
    return [Line(line.number, " " * part.start + line.text[part.start:part.end])]


def recipients(part) -> OrganList:
    """The 主送 list of a recipient part: names, separators, the closing colon, and (for a
    reply) the salutation read from its last line."""
    lines = own_lines(part)  # a 称呼 run into the first paragraph: up to its colon
    organs = organ_list(lines, labelled=False, end_marks=_RECIPIENT_END)
    last = lines[-1]
    lo, hi = last.indent, len(last.text.rstrip(PAD))
    if organs.end is not None and organs.end.text not in "：:" and organs.end.span.line == last.number:
        hi -= 1  # a comma or "！" in place of the colon: RECIP-002 reports it
    organs._salutation_at = (last, lo, hi)
    return organs


def copy_list(lines: list[Line]) -> OrganList | None:
    """A 抄送 list over ``lines`` (its first line opens with 抄送：), or None."""
    return organ_list(lines, labelled=True, end_marks=_COPY_END)


# The organs that issue a letter, named in its 发文机关标志 (示例市教育局　示例市财政局文件) or
# at the head of its title (示例市教育局关于……): 和 joins them too.
ISSUER_SEPARATORS = ORGAN_SEPARATORS + "和"
_MARKS.update({s: _marks(s) for s in (ORGAN_SEPARATORS, ISSUER_SEPARATORS)})  # made at import: shipped compiled
_ABOUT = lazyre.compile(r"关" + _S + r"于|对" + _S + r"于")


def _org_mark_issuers(part) -> OrganList | None:
    """The organs a 发文机关标志 names, without its 文件."""
    last = part.lines[-1]
    k = len(last.text.rstrip(PAD))
    for ch in "件文":
        while k > 0 and last.text[k - 1] in PAD:
            k -= 1
        if k == 0 or last.text[k - 1] != ch:
            k = None
            break
        k -= 1
    end = k if k is not None else len(last.text.rstrip(PAD))
    return organ_list(part.lines, labelled=False, end_marks="", separators=ISSUER_SEPARATORS, upto=end, apart=True)


class Title(Record):
    """A title's fields: the organs it names as issuers (示例市教育局关于……), if any."""

    issuers: OrganList | None

    __slots__ = _fields = ("issuers",)

    def __init__(self, issuers):
        self.issuers = issuers


def _title(part) -> Title:
    for i, line in enumerate(part.lines):
        m = _ABOUT.search(line.text, line.indent)
        if m is None:
            continue
        if i == 0 and not line.text[line.indent:m.start()].strip(PAD):
            break  # 关于… opens the title: no issuer named
        upto = m.start()
        # 示例市人民政府办公室转发市教育局关于……: the issuer is the one that forwards (none if 转发 opens the title).
        for j, before in enumerate(part.lines[:i + 1]):
            verb = _FORWARDS.search(before.text, before.indent, m.start() if j == i else len(before.text))
            if verb is not None:
                if j == 0 and not before.text[before.indent:verb.start()].strip(PAD):
                    return Title(None)
                i, upto = j, verb.start()
                break
        return Title(organ_list(part.lines[:i + 1], labelled=False, end_marks="", separators=ISSUER_SEPARATORS,
                                upto=upto, apart=True))
    return Title(None)


_FORWARDS = lazyre.compile(r"转" + _S + r"发|印" + _S + r"发|批" + _S + r"转")


# --- 签发人 ---------------------------------------------------------------------------------

# 签发： without its 人 is the label written short (SIGNER-002), where no word runs into it (领导签发： is a sign-off).
SIGNER = lazyre.compile(r"(?:签" + SP + r"发" + SP + r"人|(?<![\u4e00-\u9fff])签" + SP + r"发(?=" + SP + r"[：:]))"
                        + SP + r"(?P<colon>[：:]?)" + SP
                        + r"(?P<names>[^\s\u3000〔【\[（(]*(?:[ \u3000]{1,2}[^\s\u3000〔【\[（(\d]+)*)")


class Signer(Record):
    """签发人：姓名: the label, its colon, and each name (several 签发人 stand apart by spaces).

    The last of several 签发人 stands at the right end of the 发文字号's line, without the label
    (GB/T 9704 7.2.5, 7.2.6): that part has ``label`` and ``colon`` None.
    """

    label: Tok | None
    colon: Tok | None
    names: list[Tok]

    __slots__ = _fields = ("label", "colon", "names")

    def __init__(self, label, colon, names):
        self.label = label
        self.colon = colon
        self.names = names


def _signer(part) -> Signer | None:
    line = part.lines[0]
    lo = part.start if part.start is not None else line.indent
    hi = part.end if part.end is not None else len(line.text)
    if part.fields.get("continued"):
        return Signer(None, None, [_tok(line, n.start(), n.end()) for n in _NO_PAD_RUN.finditer(line.text, lo, hi)])
    m = SIGNER.search(line.text, lo, hi)
    if m is None:
        return None
    names = [_tok(line, m.start("names") + n.start(), m.start("names") + n.end())
             for n in _NON_SPACE_RUN.finditer(m.group("names"))]
    label_end = m.start("colon") if m.group("colon") else m.start("names")
    while label_end > m.start() and line.text[label_end - 1] in PAD:
        label_end -= 1
    return Signer(_tok(line, m.start(), label_end), _tok(line, m.start("colon"), m.end("colon")), names)


# --- marks: 密级, 答复类别, 公开属性 ------------------------------------------------------------

# The 保密期限 follows the ★; without the ★ only what reads as a period (1年, 六个月, 长期) is taken for one.
SECRECY = lazyre.compile(r"^(?P<level>绝密|机密|秘密)(?:" + SP + r"(?P<star>[★☆*＊])?" + SP
                         + r"(?P<period>(?(star).+|(?:[0-9０-９一二三四五六七八九十]+(?:年|个月|月)|长期))))?$")


class Mark(Record):
    """A mark of the 版头 or 版记: its value as written, and the whole mark."""

    span: Span
    value: Tok | None
    star: Tok | None            # 密级: the ★ before the 保密期限
    period: Tok | None          # 密级: the 保密期限
    label: Tok | None           # 公开属性 written as a field: its label (是否同意公开, 公开属性 …)
    answer: Tok | None          # … and its answer (是, 同意, 主动公开 …)

    __slots__ = _fields = ("span", "value", "star", "period", "label", "answer")

    def __init__(self, span, value, star=None, period=None, label=None, answer=None):
        self.span = span
        self.value = value
        self.star = star
        self.period = period
        self.label = label
        self.answer = answer


def _mark(part) -> Mark:
    line = part.lines[0]
    lo = part.start if part.start is not None else line.indent
    hi = part.end if part.end is not None else len(line.text.rstrip(PAD))
    if part.kind == "secrecy":
        m = SECRECY.match(line.text[lo:hi])
        if m:
            def g(name):
                return _tok(line, lo + m.start(name), lo + m.end(name)) if m.group(name) else None
            return Mark(part.span, g("level"), g("star"), g("period"))
    # The classifier read the class letter or the disclosure words (several patterns
    # decide whether a line is such a mark); the field is where they stand.
    value = str(part.fields.get("mark") or "")
    at = line.text.find(value, lo, hi) if value else -1
    if at < 0:
        return Mark(part.span, None)
    label = answer = None
    colon = _FIELD_COLON.search(value) if part.kind == "disclosure" else None
    if colon is not None:  # 是否同意公开：同意, 公开属性：主动公开
        a, b = colon.start(), colon.end()
        while a > 0 and value[a - 1] in PAD:
            a -= 1
        while b < len(value) and value[b] in PAD:
            b += 1
        label, answer = _tok(line, at, at + a), _tok(line, at + b, at + len(value))
    return Mark(part.span, _tok(line, at, at + len(value)), label=label, answer=answer)


_FIELD_COLON = lazyre.compile(r"[：:]")


# --- 署名 ----------------------------------------------------------------------------------

ANSWERED_BY = lazyre.compile(r"^(?:答复单位|承办单位|承办部门|发文单位|办理单位)" + SP + r"[：:]")
_SIGNING_ORGAN = lazyre.compile(r"\S+(?:" + PAD_CLASS + "(?!" + PAD_CLASS + r")\S+)*")


class Signature(Record):
    """A 署名 line: the organ (or organs, 联合行文 on one line) it names."""

    label: Tok | None        # 答复单位： and the like, when written
    organs: list[Tok]

    __slots__ = _fields = ("label", "organs")

    def __init__(self, label, organs):
        self.label = label
        self.organs = organs

    @property
    def name(self) -> str:
        return "".join(_SPACES.sub("", o.text) for o in self.organs)


def _signature(part) -> Signature:
    label = None
    organs: list[Tok] = []
    for line in own_lines(part):  # a 署名 that shares its line (a 纪要's issuer and date): its own stretch
        lo, hi = line.indent, len(line.text.rstrip(PAD))
        m = ANSWERED_BY.match(line.stripped) if line.number == part.lines[0].number else None
        if m:
            label = _tok(line, lo, lo + m.end())
            lo += m.end()
        # Organs signing together stand apart by two or more spaces on one line.
        for piece in _SIGNING_ORGAN.finditer(line.text[lo:hi]):
            organs.append(_tok(line, lo + piece.start(), lo + piece.end()))
    return Signature(label, organs)


# --- 附件说明 -------------------------------------------------------------------------------

# The label of a 附件说明 at the start of its first line: 附件： / 附件: / 附件1：
# 附： without 件 is a short form of the label (a defect of form, but the part is the 附件说明).
ATTACHMENT_LABEL = lazyre.compile(r"附" + _S + r"(?P<jian>件)?" + _S + r"(?P<num>\d*)" + _S + r"(?P<colon>[：:])")
ATTACHMENT_NOTE = lazyre.compile(r"^附" + SP + r"(?P<jian>件)?" + SP + r"(?P<num>\d*)" + SP + r"(?P<colon>[：:])")
# An item number: 1. 1． 1、 1，
ITEM_MARKER = lazyre.compile(r"(?P<num>\d{1,2})" + _S + r"(?P<punct>[.．、，,])" + NOT_DECIMAL)
# A mark that may precede a second item on the same line.
_ITEM_BREAK = PAD + "；;，,。、"


class AttachmentItem(Record):
    """One attachment named in a 附件说明: its number, the mark after it, its name."""

    line: Line
    num: str | None          # "1" or None when unnumbered
    marker: tuple[int, int] | None   # offsets of the number and its mark
    punct: str
    start: int               # offsets of the name in line.text
    end: int
    more: str                # the rest of a name wrapped onto the next line(s)
    more_spans: list[Span]

    __slots__ = _fields = ("line", "num", "marker", "punct", "start", "end", "more", "more_spans")

    def __init__(self, line, num, marker, punct, start, end, more="", more_spans=None):
        self.line = line
        self.num = num
        self.marker = marker
        self.punct = punct
        self.start = start
        self.end = end
        self.more = more
        self.more_spans = [] if more_spans is None else more_spans

    @property
    def name(self) -> str:
        return self.line.text[self.start:self.end] + self.more

    def name_span(self) -> Span:
        return self.line.span(self.start, self.end)

    @property
    def number(self) -> Tok | None:
        if self.marker is None:
            return None
        return _tok(self.line, self.marker[0], self.marker[0] + len(self.num or ""))

    @property
    def punct_tok(self) -> Tok | None:
        if self.marker is None or not self.punct:
            return None
        return _tok(self.line, self.marker[1] - len(self.punct), self.marker[1])


class AttachmentNote(Record):
    """A 附件说明, read: its label and the attachments it names (offsets on its first line)."""

    lines: list[Line]
    label: tuple[int, int]          # offsets of "附件…：" on the first line
    num: tuple[int, int] | None     # offsets of a number between 附件 and the colon
    colon: tuple[int, int]
    items: list[AttachmentItem]

    __slots__ = _fields = ("lines", "label", "num", "colon", "items")

    def __init__(self, lines, label, num, colon, items):
        self.lines = lines
        self.label = label
        self.num = num
        self.colon = colon
        self.items = items

    @property
    def first(self) -> Line:
        return self.lines[0]


def _items_in(line: Line, lo: int) -> list[AttachmentItem]:
    """The attachments named on ``line`` from offset ``lo`` on."""
    text = line.text
    hi = len(text.rstrip(PAD))
    while lo < hi and text[lo] in PAD:
        lo += 1
    if lo >= hi:
        return []
    markers = [m for m in ITEM_MARKER.finditer(text, lo, hi)
               if m.start() == lo or text[m.start() - 1] in _ITEM_BREAK]
    items: list[AttachmentItem] = []
    if not markers or markers[0].start() > lo:
        end = markers[0].start() if markers else hi
        items.append(AttachmentItem(line, None, None, "", lo, end))
    for m in markers:
        items.append(AttachmentItem(line, m.group("num"), (m.start(), m.end()), m.group("punct"), m.end(), hi))
    # Each name ends where the next item begins; padding trimmed on both sides.
    for a, b in zip(items, items[1:], strict=False):
        a.end = b.marker[0] if b.marker else b.start
    for it in items:
        while it.start < it.end and text[it.start] in PAD:
            it.start += 1
        while it.end > it.start and text[it.end - 1] in PAD:
            it.end -= 1
    return items


def attachment_note(lines: list[Line]) -> AttachmentNote | None:
    """The 附件说明 over ``lines``: "附件：" and its items, numbered (1. 2.) or not, wrapped or not."""
    first = lines[0]
    m = ATTACHMENT_LABEL.match(first.text, first.indent)
    if m is None:
        return None
    num = (m.start("num"), m.end("num")) if m.group("num") else None
    items = _items_in(first, m.end())
    for line in lines[1:]:
        got = _items_in(line, line.indent)
        if got and got[0].num is None and items:
            # No number of its own: the name above wrapped onto this line.
            items[-1].more += got[0].line.text[got[0].start:got[0].end]
            items[-1].more_spans.append(got[0].name_span())
            got = got[1:]
        items.extend(got)
    return AttachmentNote(list(lines), (m.start(), m.end()), num, (m.start("colon"), m.end("colon")), items)


# --- the contact block ---------------------------------------------------------------------

# A line the classifier reads as a contact line, by its label.
CONTACT = lazyre.compile(r"^[（(]?" + SP + r"(?:" + "|".join(SP.join(w) for w in (
                             "联系人", "联系电话", "联系方式", "联系单位", "联系部门", "电话号码", "电话", "手机", "承办人",
                             "经办人", "主办单位联系人", "承办单位联系人", "承办单位", "承办科室", "承办处室", "分管单位",
                             "会办单位", "协办单位", "传真", "邮箱"))
                         + r"|(?:" + "|".join(SP.join(w) for w in ("邮编", "邮政编码", "通讯地址", "通信地址", "联系地址", "地址", "电子邮件",
                                                                   "电子邮箱", "电子信箱"))
                         + r")" + SP + r"(?=[：:])"
                         # 职务 only as a label (职务：科长), never a sentence about one.
                         r"|职" + SP + r"[务位]" + SP + r"(?=[：:]))")

_FW = str.maketrans("０１２３４５６７８９（）－", "0123456789()-")

# Label words and what they promise.  Longest first, so 电话号码 wins over 电话.
LABEL_WORDS: dict[str, str] = {
    "主办单位联系人": "name", "承办单位联系人": "name", "联系人姓名": "name", "联系人": "name", "承办人": "name", "经办人": "name", "姓名": "name",
    "联系人电话": "phone", "联系人手机": "phone", "联系电话": "phone", "电话号码": "phone", "手机号码": "phone",
    "办公电话": "phone", "固定电话": "phone", "移动电话": "phone", "联系方式": "phone", "手机": "phone",
    "电话": "phone", "座机": "phone",
    "职务": "position", "职位": "position",
    "联系单位": "unit", "联系部门": "unit", "承办单位": "unit", "承办科室": "unit", "承办处室": "unit", "单位": "unit",
    "传真": "fax", "电子邮箱": "email", "电子信箱": "email", "电子邮件": "email", "邮箱": "email",
    "通讯地址": "address", "通信地址": "address", "地址": "address", "邮政编码": "postcode", "邮编": "postcode",
    # Fields whose value is not checked; they only end the field before them.
    "微信": "other", "QQ": "other", "会办单位": "other", "协办单位": "other",
    # Leader lines (signoff parts): a name, but not the contact person's.
    "领导署名": "leader", "领导签发": "leader", "签发领导": "leader", "主管领导": "leader", "分管领导": "leader",
    "承办负责人": "leader", "承办责任人": "leader", "责任领导": "leader", "审核人": "leader",
    "签发人": "leader",   # 签发人：××× after the 成文日期: the reply's sign-off (classify._signer_after_date)
}
# Items whose value no rule checks: a missing one is not reported.
UNCHECKED_ITEMS = ("leader", "other", "address", "postcode")


def _spaced(word: str) -> str:
    return SP.join(lazyre.escape(c) for c in word)


_WORD = "(?:" + "|".join(_spaced(w) for w in sorted(LABEL_WORDS, key=len, reverse=True)) + ")"
_JOIN_WORDS = "、及和与/"  # what joins the words of a compound label (联系人及电话)
_JOIN = SP + "[" + _JOIN_WORDS + "]" + SP
# A (compound) label followed by its colon.
LABEL = lazyre.compile(r"(?P<label>" + _WORD + r"(?:" + _JOIN + _WORD + r")*)" + SP + r"[：:]")
# A label at the start of a line without a colon ("联系人 张三 13912345678"), not a
# word that starts a sentence ("联系人民群众…", "电话会议…").
LABEL_BARE = lazyre.compile(r"(?P<label>" + _WORD + r"(?:" + _JOIN + _WORD + r")*)(?=" + PAD_CLASS + r"|[\d０-９]|$)")
# A label cut off after its connector ("联系单位及"): a truncated text, not a block to judge.
DANGLING = lazyre.compile(_WORD + r"(?:" + _JOIN + _WORD + r")*" + _JOIN + r"$")
_WORD_RX = lazyre.compile(_WORD)

# A run of digits that may be one phone number: an area code in brackets, digit
# groups joined by a dash or one space, an extension.
NUMBER = lazyre.compile(
    r"(?<![\d０-９A-Za-z.．])(?:[+＋]86[- ]?)?"
    r"(?:[（(]" + SP + r"[0０][\d０-９]{1,4}" + SP + r"[）)]" + SP + r")?"
    r"[\d０-９](?:[\d０-９]|[-－—–‐]{1,2}(?=[\d０-９])|" + PAD_CLASS + r"(?=[\d０-９]))*"
    r"(?:" + SP + r"(?:转|分机|[eE][xX][tT]\.?)" + SP + r"[\d０-９]{1,6})?"
    r"(?![\d０-９@A-Za-z])"
)
_EXT = lazyre.compile(r"\s*(?:转|分机|[eE][xX][tT]\.?)\s*\d{1,6}$")
_PAREN_AREA = lazyre.compile(r"^\(\s*(0\d{1,4})\s*\)")
_COUNTRY_CODE = lazyre.compile(r"^[+＋]86[- ]?")
_DIGIT_RUN = lazyre.compile(r"\d+")
_ANY_PAD = lazyre.compile(PAD_CLASS)
# Hotlines (12345, 95598, 400…) and the 3- or 4-digit internal extensions of an office.
_SERVICE = lazyre.compile(r"^(?:[1-9]\d{2,3}|1\d{4}|9[56]\d{3}|[48]00\d{7})$")
_NOT_PHONE_BEFORE = lazyre.compile(r"(?:QQ|qq|微信|邮编|编码)[：: ]*$")
_SEP_STRIP = "，,；;。.、：:（）()" + PAD
_NAME_SPLIT = lazyre.compile(r"[，,；;]+")
_SPACE_SPLIT = lazyre.compile(PAD_RUN)
_EMAIL = lazyre.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_POSTCODE = lazyre.compile(r"(?<![\d０-９])[\d０-９]{6}(?![\d０-９])")


class Number(Record):
    """One phone number in a contact field, checked: its kind, or why it is invalid."""

    line: Line
    start: int
    end: int
    text: str
    kind: str | None        # mobile / landline / local / service, None if invalid
    problem: str            # why it is invalid

    __slots__ = _fields = ("line", "start", "end", "text", "kind", "problem")

    def __init__(self, line, start, end, text, kind, problem=""):
        self.line = line
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.problem = problem

    @property
    def span(self) -> Span:
        return self.line.span(self.start, self.end)


def classify_number(raw: str) -> tuple[str | None, str]:
    """The kind of one phone number (``mobile``, ``landline``, ``local``, ``service``) or (None, why not)."""
    s = raw.translate(_FW).strip()
    international = _COUNTRY_CODE.match(s) is not None
    s = _EXT.sub("", _COUNTRY_CODE.sub("", s))
    if international and s[:1].isdigit() and s[0] != "0":
        # +86 591 2233 4455: the area code without its 0, the digits grouped by spaces (ITU-T E.123).
        digits = "".join(_DIGIT_RUN.findall(s))
        if len(digits) == 11 and digits[0] == "1":
            return ("mobile", "") if digits[1] in "3456789" else (None, "手机号码第二位应为3至9")
        if 10 <= len(digits) + 1 <= 12:
            return "landline", ""
        return None, f"国际格式的座机号码（不含+86）应为9至11位，这里是{len(digits)}位"
    area = None
    m = _PAREN_AREA.match(s)
    if m:
        area, s = m.group(1), s[m.end():]
    groups = _DIGIT_RUN.findall(s)
    digits = "".join(groups)
    if not digits:
        return None, "缺少号码"
    if area is not None:
        if len(area) not in (3, 4):
            return None, f"区号“{area}”应为0开头的3位或4位数字"
        return _local(groups, area=True)
    if _SERVICE.match(digits):
        return "service", ""
    if digits[0] == "1":
        if len(digits) != 11:
            return None, f"手机号码应为11位，这里是{len(digits)}位"
        if digits[1] not in "3456789":
            return None, "手机号码第二位应为3至9"
        return "mobile", ""
    if digits[0] == "0":
        if len(groups) == 1:
            if 10 <= len(digits) <= 12:
                return "landline", ""
            return None, f"带区号的座机号码应为10至12位，这里是{len(digits)}位"
        if len(groups[0]) not in (3, 4):
            return None, f"区号“{groups[0]}”应为0开头的3位或4位数字"
        return _local(groups[1:], area=True)
    return _local(groups, area=False)


def _local(groups: list[str], area: bool) -> tuple[str | None, str]:
    """A landline number after its area code: 7 or 8 digits, then perhaps an extension group."""
    kind = "landline" if area else "local"
    if not groups:
        return None, "区号后缺少号码"
    if len(groups[0]) in (7, 8) and all(len(g) <= 6 for g in groups[1:]):
        return kind, ""   # the groups after it are an extension
    joined = "".join(groups)
    if len(joined) in (7, 8):
        return kind, ""   # written in groups, e.g. 292-3271
    first = groups[0] if len(groups[0]) >= 7 or len(groups) == 1 else joined
    return None, f"座机号码{'（区号之后）' if area else ''}应为7位或8位，这里是{len(first)}位"


def numbers_in(line: Line, start: int, end: int, min_digits: int = 1) -> list[Number]:
    """The phone numbers written in ``line.text[start:end]``, each checked."""
    out: list[Number] = []
    for m in NUMBER.finditer(line.text, start, end):
        text = m.group()
        if sum(c.isdigit() for c in text) < min_digits or _NOT_PHONE_BEFORE.search(line.text, 0, m.start()):
            continue
        kind, problem = classify_number(text)
        if kind is None and _ANY_PAD.search(text):
            # Several numbers separated by spaces ("2923271 2923272")?
            pieces = [(p.start(), p.end()) for p in _NON_SPACE_RUN.finditer(text)]
            checked = [classify_number(text[a:b]) for a, b in pieces]
            if all(k for k, _ in checked):
                out.extend(Number(line, m.start() + a, m.start() + b, text[a:b], k) for (a, b), (k, _) in
                           zip(pieces, checked, strict=True))
                continue
        out.append(Number(line, m.start(), m.end(), text, kind, problem))
    return out


class ContactField(Record):
    """One label and its value on a contact line: 联系电话：0797-8888888.

    ``items`` is what the label promises (联系人、职务及电话 → name, position,
    phone); ``filled`` which of them the value holds; ``numbers`` the phone
    numbers in the value, each checked.
    """

    line: Line
    label: str                 # as written (spaces removed)
    items: list[str]           # what the label promises: name / phone / position …
    label_start: int
    label_end: int
    value_start: int
    value_end: int
    numbers: list[Number]
    filled: dict[str, bool]

    __slots__ = _fields = ("line", "label", "items", "label_start", "label_end", "value_start", "value_end",
        "numbers", "filled")

    def __init__(self, line, label, items, label_start, label_end, value_start, value_end, numbers=None, filled=None):
        self.line = line
        self.label = label
        self.items = items
        self.label_start = label_start
        self.label_end = label_end
        self.value_start = value_start
        self.value_end = value_end
        self.numbers = [] if numbers is None else numbers
        self.filled = {} if filled is None else filled

    @property
    def value(self) -> str:
        return self.line.text[self.value_start:self.value_end].strip(_SEP_STRIP)

    @property
    def value_span(self) -> Span | None:
        """The value without the separators around it, or None when it is empty."""
        text = self.line.text
        a, b = self.value_start, self.value_end
        while a < b and text[a] in _SEP_STRIP:
            a += 1
        while b > a and text[b - 1] in _SEP_STRIP:
            b -= 1
        return self.line.span(a, b) if a < b else None

    @property
    def label_span(self) -> Span:
        """The label with its colon: what stands there when the value is missing."""
        return self.line.span(self.label_start, max(self.label_end, self.value_start))

    def item_span(self, item: str) -> Span:
        """The word of the label that promises ``item`` (职务 in 联系人、职务及电话)."""
        for m in _WORD_RX.finditer(self.line.text, self.label_start, self.label_end):
            if LABEL_WORDS.get(unpad(m.group())) == item:
                return self.line.span(m.start(), m.end())
        return self.label_span


class ContactLine(Record):
    """The labelled fields of one contact (or sign-off) line, and whether it is cut off."""

    line: Line
    fields: list[ContactField]
    truncated: bool

    __slots__ = _fields = ("line", "fields", "truncated")

    def __init__(self, line, fields, truncated):
        self.line = line
        self.fields = fields
        self.truncated = truncated


def label_items(label: str) -> list[str]:
    """What a contact label promises, in order (联系人及电话 → name, phone)."""
    return [LABEL_WORDS[unpad(w.group())] for w in _WORD_RX.finditer(label)]


def contact_lines(part) -> list[ContactLine]:
    """Each line of a contact or sign-off part, read as labelled fields."""
    leader = part.kind == "signoff"
    if part.start is not None and len(part.lines) == 1:  # a part of a line (领导签发：…　联系人：… / 抄报：…　联系人：…)
        return [ContactLine(part.lines[0], *contact_fields(part.lines[0], leader, part.start, part.end))]
    return [ContactLine(line, *contact_fields(line, leader)) for line in own_lines(part)]


def contact_fields(line: Line, leader: bool = False, start: int | None = None,
                   end: int | None = None) -> tuple[list[ContactField], bool]:
    """The one contact parser: the labelled fields of one contact or sign-off line (or of the part of it
    from ``start`` to ``end``), and whether it is cut off."""
    text = line.text
    lo = line.indent if start is None else start
    hi = len(text.rstrip(PAD)) if end is None else len(text[:end].rstrip(PAD))
    if lo < hi and text[lo] in "（(":
        lo += 1
    if hi > lo and text[hi - 1] in "）)":
        hi -= 1
    labels = []
    for m in LABEL.finditer(text, lo, hi):
        before = text[lo:m.start()].rstrip(PAD)
        if m.start() > lo and before and before[-1] not in "，,；;。、（()）" and text[m.start() - 1] not in PAD:
            continue  # a label word inside a value ("办公室电话：…"): the value goes on
        labels.append(m)
    # A label cut off after its joining word (联系人及): the value ends in that word; DANGLING says which.
    truncated = text[lo:hi].rstrip(PAD)[-1:] in _JOIN_WORDS and DANGLING.search(text[lo:hi]) is not None
    if not labels:
        m = LABEL_BARE.match(text, lo, hi)
        if m is None:
            return [], truncated
        labels = [m]
    out: list[ContactField] = []
    for i, m in enumerate(labels):
        value_end = labels[i + 1].start() if i + 1 < len(labels) else hi
        label = unpad(m.group("label"))
        items = label_items(m.group("label"))
        if leader and items and items[0] == "name":
            items[0] = "leader"
        f = ContactField(line, label, items, m.start("label"), m.end("label"), m.end(), value_end)
        _fill(f)
        out.append(f)
    return out, truncated


def _fill(f: ContactField) -> None:
    """Which promised items the value holds."""
    value = f.value
    wants_phone = any(i in ("phone", "fax") for i in f.items)
    if wants_phone or any(i in ("name", "position", "leader") for i in f.items):
        f.numbers = numbers_in(f.line, f.value_start, f.value_end, min_digits=3 if wants_phone else 5)
    rest = value
    for n in f.numbers:
        rest = rest.replace(n.text.strip(), " ")
    rest = rest.strip(_SEP_STRIP)
    tokens = [t for t in (x.strip(_SEP_STRIP) for x in _NAME_SPLIT.split(rest)) if t]
    if len(tokens) == 1 and ("position" in f.items or "unit" in f.items) and len(f.items) > 1:
        tokens = [t for t in _SPACE_SPLIT.split(tokens[0]) if t]
    text_items = [i for i in f.items if i not in ("phone", "fax")]
    for item in f.items:
        if item in ("phone", "fax"):
            f.filled[item] = bool(f.numbers) or (item == "phone" and "email" not in f.items and "@" in value)
    if wants_phone and not f.numbers and "@" in value:
        f.filled["email"] = True
    # Text items take the tokens in order: 联系人、职务及电话 → name, position.
    for k, item in enumerate(text_items):
        if item == "email":
            f.filled[item] = "@" in value
        elif item == "postcode":
            f.filled[item] = _POSTCODE.search(value) is not None
        elif len(text_items) == 1:
            f.filled[item] = bool(tokens)
        else:
            f.filled[item] = len(tokens) > k
    if f.label == "联系方式" and f.numbers and tokens:
        f.filled["name"] = True  # 联系方式：林芳，0591-22334455: the name comes with the number


# --- 出席人员名单 of a 纪要 (GB/T 9704 10.4) ---------------------------------------------------

# The label of a list of those at a meeting: 出席、列席、请假、缺席 (letter-spaced too: 出　席), and the
# 参加/主持/记录 lines written with them; 人/人员 may follow.  Only at the start of a line.
ATTENDANCE = lazyre.compile(r"^(?P<label>(?:出" + _S + r"席|列" + _S + r"席|请" + _S + r"假|缺" + _S + r"席|参" + _S
                            + r"加|参会|主" + _S + r"持|记" + _S + r"录)(?:会议)?(?:人员|领导|人)?)" + _S + r"(?P<colon>[：:])" + _S
                            + r"(?P<names>[^" + PAD + r"].*)?$")
ATTENDANCE_FIRST = "出列请缺参主记"
# The 时间：/地点： lines a 纪要 may open with (会议时间：…, letter-spaced 时　间：…).
MEETING_INFO = lazyre.compile(r"^(?P<label>(?:会议)?(?:时" + _S + r"间|地" + _S + r"点))" + _S + r"(?P<colon>[：:])" + _S
                              + r"(?P<value>[^" + PAD + r"].*)$")
_NAME_GAP = lazyre.compile(r"[" + PAD + r"、，,；;]+")


class Attendance(Record):
    """A list of those at a meeting: its label (出席), the colon, each name with its span (over wrapped lines)."""

    label: Tok
    colon: Tok
    names: list[Tok]

    __slots__ = _fields = ("label", "colon", "names")

    def __init__(self, label, colon, names):
        self.label = label
        self.colon = colon
        self.names = names


def attendance(lines: list[Line]) -> Attendance | None:
    """The 出席/列席/请假… list over ``lines`` (the first opens with the label), names split at spaces and 、，."""
    first = lines[0]
    off = first.indent
    m = ATTENDANCE.match(first.text, off)
    if m is None:
        return None
    names: list[Tok] = []
    for i, line in enumerate(lines):
        lo = m.end("colon") if i == 0 else line.indent
        hi = len(line.text.rstrip(PAD))
        a = lo
        for gap in _NAME_GAP.finditer(line.text, lo, hi):
            if gap.start() > a:
                names.append(_tok(line, a, gap.start()))
            a = gap.end()
        if a < hi:
            names.append(_tok(line, a, hi))
    return Attendance(_tok(first, m.start("label"), m.end("label")), _tok(first, m.start("colon"), m.end("colon")),
                      names)


# --- one entry point ------------------------------------------------------------------------

_KIND_PARSERS = {
    "doc_number": lambda p: (order_number if p.fields.get("form") == "令号" else own_docnumber)(
        p.lines[0], p.start or 0, p.end),
    "date": lambda p: date_of(own_lines(p)[0]),
    "recipient": recipients,
    "copy_to": lambda p: copy_list(own_lines(p)),
    "contact": contact_lines,
    "signoff": contact_lines,
    "attachment_note": lambda p: attachment_note(p.lines),
    "attendance": lambda p: attendance(p.lines),
    "signature": _signature,
    "signer": _signer,
    "print_line": _print_line,
    "org_mark": _org_mark_issuers,
    "title": _title,
    "secrecy": _mark,
    "answer_class": _mark,
    "disclosure": _mark,
}
for _kind in HEADING_PATTERNS:
    _KIND_PARSERS[_kind] = (lambda kind: lambda p: heading_of(kind, p.lines[0]))(_kind)


def parse(part):
    """The fields of ``part`` by its kind (see ``Part.parsed``); None for kinds without fields."""
    parser = _KIND_PARSERS.get(part.kind)
    return parser(part) if parser is not None else None
