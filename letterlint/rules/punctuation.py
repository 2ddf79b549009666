"""标点符号 in Chinese text (GB/T 15834-2011 《标点符号用法》).

Every rule reads the text of the parts that hold running text (正文, 标题,
主送, 附件说明, 联系人, 抄送, 署名 …) line by line.  URLs and e-mail
addresses are blanked out first, so their dots, colons and slashes are never
read as punctuation.  A mark that another rule already reports (the colon
after 抄送 or after the 主送, a heading's 序号, the punctuation of a title)
is left to that rule: one defect, one diagnostic.

All patterns are linear (no nested quantifiers).  The lines are prepared once
per letter (``_View``) and each rule first looks for its marks in the whole
text at once, so only the few lines that hold them are examined: a 1 MB
letter takes these rules about 0.3 s together.
"""
from __future__ import annotations

try:
    from _bisect import bisect_right  # the C function bisect re-exports, without that module
except ImportError:
    from bisect import bisect_right

from letterlint import lazyre
from letterlint.model import HEADING_KINDS, PAD, PAD_CLASS, PAD_RUN, Line, Part, Span
from letterlint.rules.base import Finding, Fix, rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    import re

# --- shared helpers (numbers.py uses them too) ------------------------------------------

# Parts that hold running text, where the punctuation rules look.
TEXT_KINDS = ("paragraph", "closing") + HEADING_KINDS + (
    "title", "recipient", "attachment_note", "attachment_text", "contact", "copy_to", "signature")
# Running text proper: sentences, not labelled lines or names.
BODY_KINDS = ("paragraph", "closing") + HEADING_KINDS + ("attachment_text",)

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Chinese punctuation: CJK symbols (、。〈〉《》「」【】〔〕…), the full-width forms
# (，：；！？（）…; not the full-width letters and digits), quotes, 省略号, 破折号.
_CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2026\u2014\u00b7"
_CJK = lazyre.compile(f"[{HAN}{_CJK_PUNCT}]")
_HAN = lazyre.compile(f"[{HAN}]")

# URLs and e-mail addresses: their characters are not punctuation of the text.
_URL = lazyre.compile(r"(?:(?:https?|ftp)://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"
                  r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_URL_TRAIL = ".,;:!?)'"


def is_cjk(ch: str) -> bool:
    """A Chinese character or a Chinese (full-width) punctuation mark."""
    return bool(ch) and _CJK.match(ch) is not None


def is_han(ch: str) -> bool:
    return bool(ch) and _HAN.match(ch) is not None


def _one_of(ch: str, chars: str) -> bool:
    """``ch in chars`` for one character ("" — no character — is never one of them)."""
    return bool(ch) and ch in chars


def masked(text: str) -> str:
    """``text`` with URLs and e-mail addresses blanked out (same length, so offsets hold)."""
    def blank(m: re.Match) -> str:
        s = m.group()
        keep = len(s.rstrip(_URL_TRAIL))
        return "\x00" * keep + s[keep:]
    if "@" not in text and "://" not in text and "www." not in text:
        return text  # what _URL needs is not there (the common case)
    return _URL.sub(blank, text)


class Segment:
    """The content of one line of a part: ``text[lo:hi]``, padding trimmed, URLs blanked."""

    __slots__ = ("part", "line", "lo", "hi", "text")

    def __init__(self, part: Part, line: Line, lo: int, hi: int):
        self.part, self.line, self.lo, self.hi = part, line, lo, hi
        self.text = masked(line.text)

    def char(self, i: int) -> str:
        """The character at ``i``, or "" outside the content."""
        return self.text[i] if self.lo <= i < self.hi else ""

    def left(self, i: int, skip_space: bool = False) -> str:
        j = i - 1
        if skip_space:
            while j >= self.lo and self.text[j] in PAD:
                j -= 1
        return self.char(j)

    def right(self, i: int, skip_space: bool = False) -> str:
        j = i + 1
        if skip_space:
            while j < self.hi and self.text[j] in PAD:
                j += 1
        return self.char(j)

    def span(self, start: int, end: int) -> Span:
        return self.line.span(start, end)


_LATIN_LETTER = lazyre.compile(r"[A-Za-z]")
_LATIN_RUN = lazyre.compile(r"[A-Za-z]{4}")  # an English word: worth counting the letters
# Every kind of part any rule of this family or of numbers.py reads.
_ALL_KINDS = TEXT_KINDS + ("note", "date", "signoff", "answer_class", "disclosure")


class _View:
    """The text segments of one letter, built once and shared by all the rules.

    ``joined`` is the content of every segment joined by newlines, so that a
    rule can find the few lines that hold its marks with one regex search
    over the whole letter instead of one per line.
    """

    def __init__(self, letter):
        self.letter = letter
        self.segs: list[Segment] = []
        # One search of the whole letter spares the per-line one on a letter without English words.
        latin = _LATIN_RUN.search(letter.text) is not None
        segs, starts, pieces, pos = self.segs, [], [], 0
        for part in letter.all(*_ALL_KINDS):
            for line in part.lines:
                if part.start is not None:
                    lo, hi = part.start, part.end if part.end is not None else len(line.text)
                else:
                    lo, hi = line.indent, line.indent + len(line.stripped)  # the text without padding
                if lo >= hi:
                    continue
                if latin and _LATIN_RUN.search(line.text, lo, hi):  # count only where there is much Latin text
                    letters = len(_LATIN_LETTER.findall(line.text, lo, hi))
                    if letters > 20 and letters > 2 * len(_HAN.findall(line.text, lo, hi)):
                        continue  # a line written in English keeps its own punctuation
                seg = Segment(part, line, lo, hi)
                segs.append(seg)
                starts.append(pos)
                piece = seg.text[lo:hi]
                pieces.append(piece)
                pos += len(piece) + 1
        self.starts: list[int] = starts
        self.joined = "\n".join(pieces)


_CACHE: list = [None]


def _view(letter) -> _View:
    view = _CACHE[0]
    if view is None or view.letter is not letter:
        view = _CACHE[0] = _View(letter)
    return view


def segments(letter, kinds=TEXT_KINDS, trigger: re.Pattern | tuple[str, ...] | None = None) -> Iterator[Segment]:
    """The lines of the parts of ``kinds`` that are Chinese text, in document order.

    With ``trigger`` (a pattern, or literal strings), only the lines where it
    is found.  A line written mostly in Latin letters (an English passage)
    keeps its own punctuation and is never yielded.
    """
    view = _view(letter)
    segs = view.segs
    if trigger is None:
        yield from (seg for seg in segs if seg.part.kind in kinds)
        return
    starts, joined = view.starts, view.joined
    if isinstance(trigger, tuple):
        found: set[int] = set()
        for lit in trigger:
            i = joined.find(lit)
            while i >= 0:
                k = bisect_right(starts, i) - 1
                found.add(k)
                i = joined.find(lit, starts[k + 1]) if k + 1 < len(segs) else -1
        yield from (segs[k] for k in sorted(found) if segs[k].part.kind in kinds)
        return
    m = trigger.search(joined)
    while m:
        k = bisect_right(starts, m.start()) - 1
        seg = segs[k]
        if seg.part.kind in kinds:
            yield seg
        if k + 1 >= len(segs):
            break
        m = trigger.search(joined, starts[k + 1])


# Rules that report a punctuation mark of their own part.  A finding here
# names them in ``subsumed_by``: where one of them reports the same mark, the
# engine keeps only its diagnostic (one defect, one diagnostic); where it is
# not enabled or found nothing, this one stands.  No rule here runs them.
_OWNERS = ("RECIP-002", "RECIP-003", "COPY-001", "COPY-002", "COPY-003", "TITLE-002", "TITLE-003",
           "HEAD-002", "HEAD-003", "HEAD-004", "HEAD-005", "HEAD-006", "HEAD-007", "HEAD-009", "SIGNER-002",
           "ATTACH-001", "ATTACH-002", "ATTACH-003", "NOTE-001", "NUM-005")


# 第一条　… / 第二章　总则: the space after an article or chapter number is the layout of such texts.
_ARTICLE = lazyre.compile(r"第[一二三四五六七八九十百零〇0-9]{1,6}[条章节]" + PAD_RUN)


def _heading_marker_end(seg: Segment) -> int:
    """Offset just past the 序号 of a heading line (一、 （一） 1. （1）) or an article (第一条　), or ``seg.lo``."""
    if seg.line is seg.part.lines[0] and (m := _ARTICLE.match(seg.line.text, seg.lo, seg.hi)):
        return m.end()
    if seg.part.kind not in HEADING_KINDS or seg.line is not seg.part.lines[0]:
        return seg.lo
    heading = seg.part.parsed
    if heading is None or heading.marker.span.column - 1 != seg.lo:
        return seg.lo
    return min(heading.marker.span.end_column - 1, seg.hi)


def _marker_at(seg: Segment, i: int) -> bool:
    """The characters before text[i] are a 序号 (1–2 digits, a letter, or 一…十) standing on their own."""
    j = i
    while j > seg.lo and j > i - 3 and (seg.text[j - 1].isascii() and seg.text[j - 1].isalnum()
                                        or seg.text[j - 1] in "一二三四五六七八九十"):
        j -= 1
    if j == i:
        return False
    token = seg.text[j:i]
    if not (token.isdigit() or (len(token) == 1 and token.isalpha()) or all(c in "一二三四五六七八九十" for c in token)):
        return False
    return j == seg.lo or seg.text[j - 1] in "：:；;，,。、（(" + PAD


# --- PUNCT-001 ------------------------------------------------------------------------------------

_ASCII_POINT = lazyre.compile(r"[,.:;?!]+")
# The labelled lines of a reply (领导签发:…, 办理结果:…, 是否同意公开:…) are Chinese text for their colons too.
_POINT_KINDS = TEXT_KINDS + ("signoff", "answer_class", "disclosure")
# Single characters as triggers: str.find over the letter beats a character-class search.
_ASCII_POINT_CHARS = tuple(",.:;?!")
FULL = {",": "，", ".": "。", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_SHORT_NUMBER_BEFORE = lazyre.compile(r"(?<![0-9０-９])[0-9０-９]{1,2}$")


def _numeric_separator(seg: Segment, i: int) -> bool:
    return seg.left(i).isdigit() and seg.right(i).isdigit()


# A run of characters that are neither Chinese nor padding: a number, a Latin word, a code.
_TOKEN = lazyre.compile(f"[^{PAD}{HAN}{_CJK_PUNCT}]+")
_LATIN = lazyre.compile(r"[A-Za-z]")


def _in_number_run(seg: Segment, tokens: list[re.Match], starts: list[int], start: int) -> bool:
    """The mark stands inside a token of digits and signs (no letters) that touches Chinese text:
    "达100%,800余个" — a clause comma, not a thousands separator."""
    k = bisect_right(starts, start) - 1
    if k < 0 or tokens[k].end() <= start:
        return False
    tok = tokens[k]
    if _LATIN.search(tok.group()):
        return False
    return is_cjk(seg.left(tok.start())) or is_cjk(seg.char(tok.end()))


def _point_findings(letter, seg: Segment) -> Iterator[tuple[int, int, str, bool]]:
    """(start, end, suggestion, between figures) of half-width 点号 in Chinese text on one line."""
    text = seg.text
    marker_end = _heading_marker_end(seg)
    tokens: list[re.Match] = []
    starts: list[int] | None = None
    for m in _ASCII_POINT.finditer(text, marker_end, seg.hi):
        run = m.group()
        start, end = m.start(), m.end()
        if set(run) == {"."} and len(run) >= 3:
            continue  # 省略号: PUNCT-003
        if len(run) == 1:
            if _numeric_separator(seg, start):
                continue  # 3.14  1,000  9:00
        left, right = seg.left(start), seg.right(end - 1)
        if not right and end == seg.hi and not (left.isascii() and left.isalpha()) and _HAN.search(text, seg.lo, seg.hi):
            right = "。"  # the end of a line of Chinese text counts as Chinese context
        if run == ".":
            if _marker_at(seg, start):
                if left in "一二三四五六七八九十" and right and not right.isspace():
                    yield start, end, "、", False   # 一.加强 → 一、加强
                continue  # 1.加强  a.  附件：1.名单
            if left.isdigit() and is_cjk(right) and end < seg.hi and _SHORT_NUMBER_BEFORE.search(text, seg.lo, start):
                continue  # 包括1.加强管理: a list marker without its colon, not a full stop
            if is_cjk(left) or (is_cjk(right) and not (left.isascii() and left.isalpha())):
                yield start, end, "。", False
            continue
        if set(run) == {"."}:
            if is_cjk(left) or is_cjk(right):
                yield start, end, "。", False
            continue
        near = is_cjk(left) or is_cjk(right) or is_cjk(seg.left(start, True)) or is_cjk(seg.right(end - 1, True))
        if near:
            yield start, end, "".join(FULL[c] for c in run), False
        elif set(run) <= {",", ";"}:
            if starts is None:
                tokens = list(_TOKEN.finditer(text, seg.lo, seg.hi))
                starts = [t.start() for t in tokens]
            if _in_number_run(seg, tokens, starts, start):
                # Between figures (100%,800余个) the mark may be meant as a separator
                # of clauses or of figures: said more mildly.
                yield start, end, "".join(FULL[c] for c in run), True


@rule("PUNCT-001", "fullwidth-points", "error", fix="safe")
def fullwidth_points(letter, options):
    """中文文本中的点号用全角形式（，。：；？！），不用半角 , . : ; ? !。

    依据：GB/T 15834-2011 5.1 标点符号"占一个字位置"（全角）；《党政机关公文处理工作条例》
    第十一条要求公文文字、标点符合国家标准。紧挨汉字或中文标点的半角点号即为差错；
    网址、电子邮箱、数字中的小数点和千分撇（3.14、1,000）、时间（9:00）、
    层次序号“1.”不在此列。两个数字之间分隔分句的半角逗号（100%,800余所）报告为警告：
    它也可能是数字的分隔或转换留下的痕迹。主送机关、抄送和标题的标点由各自的规则报告。

    反例：
        关于商请协助开展道路安全检查的函
        示例市公安局：
        为做好道路安全检查工作,现商请贵局派员协助.
        请予函复。
        示例市交通运输局
        2024年5月6日

    正例：
        关于商请协助开展道路安全检查的函
        示例市公安局：
        为做好道路安全检查工作，现商请贵局派员协助（详见www.example.gov.cn）。
        请予函复。
        示例市交通运输局
        2024年5月6日

    修正后：
        关于商请协助开展道路安全检查的函
        示例市公安局：
        为做好道路安全检查工作，现商请贵局派员协助。
        请予函复。
        示例市交通运输局
        2024年5月6日
    """
    for seg in segments(letter, _POINT_KINDS, trigger=_ASCII_POINT_CHARS):
        for start, end, fix, between_figures in _point_findings(letter, seg):
            run = seg.line.text[start:end]
            severity = "warning" if between_figures else None
            if fix == "、":
                msg = f"序号后应使用顿号“、”，不应使用半角“{run}”"
            else:
                msg = f"中文文本中应使用全角标点“{fix}”，不应使用半角“{run}”"
            # Between figures the mark may separate figures: which one is meant is the writer's call.
            span = seg.span(start, end)
            yield Finding(span, msg, f"改为 {fix}", severity=severity, subsumed_by=_OWNERS,
                          fix=None if between_figures else Fix.replace(span, fix))


# --- PUNCT-002 ------------------------------------------------------------------------------------

_PAREN = lazyre.compile(r"[()]")
_DQUOTE = lazyre.compile('"')
_OTHER_QUOTE = lazyre.compile(r"['＂＇]")
_CORNER = lazyre.compile(r"[「」『』]")
_ANGLE = lazyre.compile(r"<(?P<inner>[^<>\n]{1,200})>")
_NOT_CHINESE_PAIRED = lazyre.compile(r"[()\"'＂＇「」『』<]")
_NOT_CHINESE_PAIRED_CHARS = tuple("()\"'＂＇「」『』<")
_CORNER_FIX = {"「": "“", "」": "”", "『": "‘", "』": "’"}


def _has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def _paren_findings(seg: Segment) -> Iterator[tuple[int, str, bool]]:
    text = seg.text
    start = _heading_marker_end(seg)
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    lone: list[int] = []
    for m in _PAREN.finditer(text, start, seg.hi):
        if m.group() == "(":
            stack.append(m.start())
        elif stack:
            pairs.append((stack.pop(), m.start()))
        else:
            lone.append(m.start())
    lone.extend(stack)
    for i, j in pairs:
        inner = text[i + 1:j]
        if _has_cjk(inner) or (is_cjk(seg.left(i)) and is_cjk(seg.right(j))):
            yield i, "（", False
            yield j, "）", False
    for i in sorted(lone):
        ch = text[i]
        if ch == ")" and _marker_at(seg, i):
            continue  # 1) a) as a 序号
        if is_cjk(seg.left(i)) or is_cjk(seg.right(i)):
            yield i, FULL[ch], True


def _quote_findings(seg: Segment) -> Iterator[tuple[int, str]]:
    """Half-width and other non-Chinese quotation marks in Chinese text, with the mark to use."""
    text = seg.text
    doubles = [m.start() for m in _DQUOTE.finditer(text, seg.lo, seg.hi)]
    for n in range(0, len(doubles) - 1, 2):
        i, j = doubles[n], doubles[n + 1]
        if _has_cjk(text[i + 1:j]) or is_cjk(seg.left(i)) or is_cjk(seg.right(j)):
            yield i, "“"
            yield j, "”"
    if len(doubles) % 2:
        i = doubles[-1]
        if is_cjk(seg.left(i)) or is_cjk(seg.right(i)):
            yield i, "“”"
    for m in _OTHER_QUOTE.finditer(text, seg.lo, seg.hi):
        ch, i = m.group(), m.start()
        if ch == "＂":
            yield i, "“”"
        elif ch == "'" and _YEAR_APOSTROPHE.match(text, i + 1):
            continue  # '24年: an abbreviated year, NUM-001
        elif ch == "＇" or is_cjk(seg.left(i)) or is_cjk(seg.right(i)):
            yield i, "‘’"


@rule("PUNCT-002", "fullwidth-brackets-quotes", "error", fix="safe")
def fullwidth_brackets_quotes(letter, options):
    """中文文本中的括号、引号用全角形式（）“”‘’，不用半角 ( ) " '，不用直角引号「」。

    依据：GB/T 15834-2011 4.1（引号的形式为“”‘’）、4.9（括号），5.1 标点符号占一个字位置；
    直角引号「」『』用于竖排文本，横排的公文用“”‘’（报警告）。括号内有汉字，或括号
    两侧都是中文时，半角括号即为差错；只括着字母、数字而不挨着中文的（如 f(x)）不报告。
    层次序号的括号由 HEAD-005 报告。

    反例：
        示例市交通运输局
        关于示例大道(南段)改造工程的函
        示例市公安局：
        我局将按照"放管服"改革要求推进示例大道改造工程。
        请予函复。
        示例市交通运输局
        2024年5月6日

    正例：
        示例市交通运输局
        关于示例大道（南段）改造工程的函
        示例市公安局：
        我局将按照“放管服”改革要求推进示例大道改造工程，工程编号SL-2024(B)。
        请予函复。
        示例市交通运输局
        2024年5月6日

    修正后：
        示例市交通运输局
        关于示例大道（南段）改造工程的函
        示例市公安局：
        我局将按照“放管服”改革要求推进示例大道改造工程。
        请予函复。
        示例市交通运输局
        2024年5月6日
    """
    for seg in segments(letter, trigger=_NOT_CHINESE_PAIRED_CHARS):
        for i, fix, lone in _paren_findings(seg):
            ch = seg.line.text[i]
            msg = f"中文文本中应使用全角括号“{fix}”，不应使用半角“{ch}”"
            content = seg.text[seg.lo:seg.hi]
            unpaired = lone and (content.count("（") <= content.count("）") if ch == ")" else
                                 content.count("）") <= content.count("（"))  # no full-width partner left for it
            if unpaired:
                msg += f"，且这个括号缺少配对的{'后半' if ch == '(' else '前半'}"
            # An unpaired bracket needs its partner or must go: which, only the writer knows.
            yield Finding(seg.span(i, i + 1), msg, f"改为 {fix}", subsumed_by=_OWNERS,
                          fix=None if unpaired else Fix.replace(seg.span(i, i + 1), fix))
        for i, fix in _quote_findings(seg):
            ch = seg.line.text[i]
            yield Finding(seg.span(i, i + 1), f"中文文本中应使用全角引号“”‘’，不应使用“{ch}”", f"改为 {fix}",
                          fix=Fix.replace(seg.span(i, i + 1), fix))
        for m in _ANGLE.finditer(seg.text, seg.lo, seg.hi):
            inner = m.group("inner")
            if is_cjk(inner[0]) and is_cjk(inner[-1]) and _HAN.search(inner) \
                    and (is_cjk(seg.left(m.start())) or is_cjk(seg.right(m.end() - 1))):
                yield Finding(seg.span(m.start(), m.start() + 1), "书名号内的书名号应使用单书名号“〈〉”，不应使用“<”",
                              "改为 〈", fix=Fix.replace(seg.span(m.start(), m.start() + 1), "〈"))
                yield Finding(seg.span(m.end() - 1, m.end()), "书名号内的书名号应使用单书名号“〈〉”，不应使用“>”",
                              "改为 〉", fix=Fix.replace(seg.span(m.end() - 1, m.end()), "〉"))
        for m in _CORNER.finditer(seg.text, seg.lo, seg.hi):
            ch = m.group()
            yield Finding(seg.span(m.start(), m.end()), f"横排公文的引号应使用“”‘’，不应使用直角引号“{ch}”",
                          f"改为 {_CORNER_FIX[ch]}", severity="warning",
                          fix=Fix.replace(seg.span(m.start(), m.end()), _CORNER_FIX[ch]))


# --- PUNCT-003 ------------------------------------------------------------------------------------

_ELLIPSIS = lazyre.compile(r"\.{3,}|。{3,}|…+|⋯+|[·・．]{3,}")
_ELLIPSIS_LITERALS = ("...", "。。。", "…", "⋯", "···", "・・・", "．．．")


@rule("PUNCT-003", "ellipsis-form", "error", fix="safe")
def ellipsis_form(letter, options):
    """省略号写作“……”（两个“…”，占两个字位置），不用 ...、。。。 或单个“…”。

    依据：GB/T 15834-2011 4.11 省略号的形式为“……”，占两个字位置；整段文字的省略可
    连用两个省略号（十二连点“…………”）。三个半角句点、连续的句号或中圆点、单个“…”
    都不是省略号。

    反例：
        为做好道路安全检查工作，现商请贵局派员协助设卡、巡查...
        请予函复。

    正例：
        为做好道路安全检查工作，现商请贵局派员协助设卡、巡查……
        请予函复。
    """
    for seg in segments(letter, trigger=_ELLIPSIS_LITERALS):
        for m in _ELLIPSIS.finditer(seg.text, seg.lo, seg.hi):
            run = m.group()
            if run[0] in "…⋯" and len(run) in (2, 4):
                continue
            left, right = seg.left(m.start()), seg.right(m.end() - 1)
            if run[0] == "." and left.isascii() and left.isalnum() and right.isascii() and right.isalnum():
                continue  # 1...5 in a Latin or numeric context
            span = seg.span(m.start(), m.end())
            yield Finding(span, f"省略号应写作“……”，不应写作“{run}”", "改为 ……", fix=Fix.replace(span, "……"))


# --- PUNCT-004 ------------------------------------------------------------------------------------

_DOUBLE_HYPHEN = lazyre.compile(r"-{2,}|－{2,}|─{2,}|–{2,}")
_DASHES = ("--", "－－", "──", "––", "—")
_SINGLE_DASH = lazyre.compile(r"(?<![—―])—(?![—―])")
# Words that end (or start) a time or place: X—Y between them is a 连接号 (4.13), not a 破折号.
_RANGE_WORD = lazyre.compile(r"[年月日时天周度份底季节期段站港路街线桥口岛州市省县区镇乡村京沪津渝]$")
# A route named by the places it links (示例—上海高速公路, 成都—重庆铁路): the 一字线 joins places.
_ROUTE_AFTER = lazyre.compile(r"^[\u4e00-\u9fff]{1,6}?(?:高速|公路|铁路|高铁|城际|航线|航班|班列|快车|列车|管道|输电|运河|通道)")


def _han_run(text: str, i: int, step: int, lo: int, hi: int) -> str:
    """The run of Chinese characters from text[i] going left (step -1) or right (+1)."""
    out = []
    while lo <= i < hi and is_han(text[i]) and len(out) < 12:
        out.append(text[i])
        i += step
    return "".join(out[::-1]) if step < 0 else "".join(out)


@rule("PUNCT-004", "dash-form", "error", fix="safe")
def dash_form(letter, options):
    """破折号写作“——”（两个“—”，占两个字位置），不用 -- 或单个“—”。

    依据：GB/T 15834-2011 4.10 破折号的形式为“——”。两个半角或全角连字符“--”“－－”
    不是破折号（报错误）。单个“—”是一字线连接号（4.13），用于时间、地域的起止
    （“北京—上海”“第一季度—第三季度”“示例—上海高速公路”），只有前后都是较长的一段文字、明显不是
    起止时才提示它可能是少打了一半的破折号（报警告）。

    反例：
        全市共有三类项目--新建、改建和扩建。

    正例：
        全市共有三类项目——新建、改建和扩建，工期为第一季度—第三季度。

    修正后：
        全市共有三类项目——新建、改建和扩建。
    """
    for seg in segments(letter, trigger=_DASHES):
        text = seg.text
        for m in _DOUBLE_HYPHEN.finditer(text, seg.lo, seg.hi):
            near = any(is_cjk(c) for c in (seg.left(m.start()), seg.right(m.end() - 1),
                                           seg.left(m.start(), True), seg.right(m.end() - 1, True)))
            if near:
                span = seg.span(m.start(), m.end())
                yield Finding(span, f"破折号应写作“——”，不应写作“{m.group()}”", "改为 ——",
                              fix=Fix.replace(span, "——"))
        for m in _SINGLE_DASH.finditer(text, seg.lo, seg.hi):
            i = m.start()
            before = _han_run(text, i - 1, -1, seg.lo, seg.hi)
            after = _han_run(text, i + 1, 1, seg.lo, seg.hi)
            if not before or not after:
                continue  # 2021—2025年, 0731—2211475: a 连接号
            if len(before) < 7 and len(after) < 7:
                continue  # 北京—上海, 第一季度—第三季度: short items on both sides are a range
            if _RANGE_WORD.search(before) or before[-1] == after[-1] or after[0] in before[-4:] \
                    or _ROUTE_AFTER.match(after):
                continue  # 工期为第一季度—第三季度, 每周一—周五, 示例—上海高速公路: a range
            yield Finding(seg.span(i, i + 1), "单个“—”是连接号；用作破折号时应写作“——”",
                          "破折号改为 ——；表示起止的连接号可保留", severity="warning")


# --- PUNCT-005 ------------------------------------------------------------------------------------

# Every digit \d matches (full-width ones too) is excluded before a number, so a
# long run of digits is entered once, at its start: linear, not quadratic.
_NOT_BEFORE = r"(?<![\dA-Za-z/.\-－–_#])"
_YEAR_RANGE = lazyre.compile(_NOT_BEFORE + r"(?P<a>(?:19|20)\d{2})(?P<ya>年?) ?(?P<sep>[-－–]) ?(?P<b>(?:19|20)\d{2})(?!\d)"
                         r"(?P<yb>年?)")
_DATE_RANGE = lazyre.compile(_NOT_BEFORE + r"(?P<a>\d{1,2})(?P<ua>[月日]?) ?(?P<sep>[-－–]) ?(?P<b>\d{1,2})(?P<ub>[月日])")
_TIME_RANGE = lazyre.compile(r"(?<![\d:])\d{1,2}:\d{2} ?(?P<sep>[-－–]) ?\d{1,2}:\d{2}(?![\d:])")
_UNITS = (r"万|亿|个|人|名|天|年|月|周|次|家|件|元|岁|小时|分钟|公里|千米|米|厘米|毫米|吨|公斤|千克|克|亩|公顷|倍|所|项|条"
          r"|户|辆|台|套|层|%|％|℃")
_NUM_RANGE = lazyre.compile(r"(?<![\dA-Za-z/.\-－–_#第图表式])(?P<a>\d+(?:\.\d+)?) ?(?P<sep>[-－–]) ?(?P<b>\d+(?:\.\d+)?)"
                        r"(?=" + _UNITS + r")")
_TILDE = lazyre.compile(r"~")
_RANGE_MARK_CHARS = ("-", "－", "–", "~")


def _range_findings(seg: Segment) -> Iterator[tuple[int, str, str]]:
    text = seg.text
    taken: set[int] = set()
    for m in _YEAR_RANGE.finditer(text, seg.lo, seg.hi):
        a, b = int(m.group("a")), int(m.group("b"))
        enclosed = _one_of(seg.left(m.start()), "（(") and _one_of(seg.right(m.end() - 1), "）)")
        if not (a < b <= a + 50) or not (m.group("ya") or m.group("yb") or enclosed):
            continue
        taken.add(m.start("sep"))
        yield m.start("sep"), "时间的起止", "—"
    for m in _DATE_RANGE.finditer(text, seg.lo, seg.hi):
        if m.start("sep") in taken or (int(m.group("a")) >= int(m.group("b")) and not m.group("ua")):
            continue
        taken.add(m.start("sep"))
        yield m.start("sep"), "时间的起止", "—"
    for m in _TIME_RANGE.finditer(text, seg.lo, seg.hi):
        taken.add(m.start("sep"))
        yield m.start("sep"), "时间的起止", "—"
    for m in _NUM_RANGE.finditer(text, seg.lo, seg.hi):
        if m.start("sep") in taken or float(m.group("a")) >= float(m.group("b")):
            continue
        yield m.start("sep"), "数值范围", "～"
    for m in _TILDE.finditer(text, seg.lo, seg.hi):
        left, right = seg.left(m.start(), True), seg.right(m.start(), True)
        if (left.isdigit() or is_han(left) or _one_of(left, "%％℃")) and (right.isdigit() or is_han(right)):
            yield m.start(), "数值范围", "～"


@rule("PUNCT-005", "range-mark", "warning", fix="safe")
def range_mark(letter, options):
    """标示起止用浪纹线“～”或一字线“—”，不用半角“~”，年份、日期、时间的起止不用连字符“-”。

    依据：GB/T 15834-2011 4.13.3.2（标示时间、地域的起止用一字线“—”，标示数值范围
    用浪纹线“～”）；GB/T 15835-2011 5.1.3。短横线“-”用于产品型号、门牌号、电话号码和
    标准编号（GB/T 9704-2012），不表示起止，这些不报告。

    反例：
        全市将在2021-2025年分批改造校园步道，每校工期3~5天。

    正例：
        全市将在2021—2025年分批改造校园步道，每校工期3～5天，执行GB/T 50180-2018。

    修正后：
        全市将在2021—2025年分批改造校园步道，每校工期3～5天。
    """
    for seg in segments(letter, trigger=_RANGE_MARK_CHARS):
        for i, what, fix in _range_findings(seg):
            ch = seg.line.text[i]
            yield Finding(seg.span(i, i + 1), f"标示{what}应使用“{fix}”，不应使用“{ch}”", f"改为 {fix}",
                          fix=Fix.replace(seg.span(i, i + 1), fix))


# --- PUNCT-006 ------------------------------------------------------------------------------------

# Families of paired marks: openers, closers, and which of them are Chinese marks to report.
# Half-width and odd variants count as partners (they are PUNCT-002's or DOCNUM-002's to report).
_FAMILIES = (
    ("（(", "）)", "（）", "圆括号"),
    ("〔【[［〖﹝", "〕】]］〗﹞", "〔〕【】", "括号"),
    ("《", "》", "《》", "书名号"),
)
_OPEN = {c: n for n, f in enumerate(_FAMILIES) for c in f[0]}
_CLOSE = {c: n for n, f in enumerate(_FAMILIES) for c in f[1]}
_PAIRED = lazyre.compile(r"[（(）)〔【\[［〖﹝〕】\]］〗﹞《》“”‘’\"＂]")
_SENTENCE_END = tuple("。！？!?；;：:")
_YEAR_APOSTROPHE = lazyre.compile(r"\d{2}年")


def _paragraphs(letter) -> Iterator[list[Segment]]:
    """Logical paragraphs: the lines of a part, and body lines wrapped mid-sentence joined up."""
    group: list[Segment] = []
    prev: Segment | None = None
    for seg in segments(letter, TEXT_KINDS + ("note",)):
        if group and (seg.part is prev.part or (
                seg.part.kind == prev.part.kind and seg.part.kind in ("paragraph", "attachment_text")
                and seg.line.number == prev.line.number + 1
                and not prev.line.text[:prev.hi].endswith(_SENTENCE_END))):
            group.append(seg)
        else:
            if group:
                yield group
            group = [seg]
        prev = seg
    if group:
        yield group


# The quick test of a paragraph: per family (and for “”), its marks as "(" and ")", the rest deleted.
_PAIRED_CHARS = "（(）)〔【[［〖﹝〕】]］〗﹞《》“”‘’\"＂"
_BALANCE_TABLES = tuple(
    str.maketrans({c: "(" if c in opens else ")" if c in closes else None for c in _PAIRED_CHARS})
    for opens, closes in [(f[0], f[1]) for f in _FAMILIES] + [("“", "”")])
_BALANCE_PASSES = 6  # nesting deeper than this goes the long way (keeps the quick test linear)


def _plainly_balanced(group: list[Segment]) -> bool:
    """Every paired mark of the paragraph has its partner, found without a loop over the marks.

    True only when ``_unbalanced`` would find nothing: no single quotes or
    half-width double quotes (whose reading depends on their neighbours), and
    each family nests properly (removing adjacent pairs, a few times, leaves
    nothing).  Anything else goes through ``_unbalanced``.
    """
    marks = "".join(m for seg in group for m in _PAIRED.findall(seg.text, seg.lo, seg.hi))
    if not marks:
        return True
    if "‘" in marks or "’" in marks or '"' in marks or "＂" in marks:
        return False
    for table in _BALANCE_TABLES:
        s = marks.translate(table)
        for _ in range(_BALANCE_PASSES):
            if "()" not in s:
                break
            s = s.replace("()", "")
        if s:
            return False
    return True


def _unbalanced(group: list[Segment]) -> Iterator[tuple[Segment, int, str]]:
    """(segment, offset, mark) of every paired mark left without its partner."""
    stacks: list[list[tuple[Segment, int, str]]] = [[] for _ in _FAMILIES]
    dq: list[tuple[Segment, int, str]] = []   # “ and half-width " waiting for a partner
    sq: list[tuple[Segment, int, str]] = []
    for seg in group:
        text = seg.text
        for m in _PAIRED.finditer(text, seg.lo, seg.hi):
            ch, i = m.group(), m.start()
            if ch in _OPEN:
                stacks[_OPEN[ch]].append((seg, i, ch))
            elif ch in _CLOSE:
                st = stacks[_CLOSE[ch]]
                if st:
                    st.pop()
                elif ch in "）)" and _marker_at(seg, i):
                    continue  # 1） a） as a 序号
                else:
                    yield seg, i, ch
            elif ch == "“":
                dq.append((seg, i, ch))
            elif ch == "”":
                if dq:
                    dq.pop()
                else:
                    yield seg, i, ch
            elif ch in "\"＂":
                if dq:
                    dq.pop()
                else:
                    dq.append((seg, i, ch))
            elif ch == "‘":
                sq.append((seg, i, ch))
            elif ch == "’":
                left, right = seg.left(i), seg.right(i)
                if left.isascii() and left.isalpha() and right.isascii() and right.isalpha():
                    continue  # an apostrophe
                if _YEAR_APOSTROPHE.match(text, i + 1):
                    continue  # ’24年: NUM-001
                if sq:
                    sq.pop()
                else:
                    yield seg, i, ch
    for st in stacks + [dq, sq]:
        yield from st


@rule("PUNCT-006", "paired-marks-balanced", "error")
def paired_marks_balanced(letter, options):
    """成对的标号（）《》“”‘’〔〕【】须前后配对，不缺前半或后半。

    依据：GB/T 15834-2011 3.2 标号中的引号、括号、书名号都是成对使用的符号（4.1、4.9、4.15）。
    一个段落内多出的前半或后半即为差错，在这个多出的符号处报告（折行的段落连起来检查；
    引文分成几段时每段开头用前引号、只在最后一段末尾用后引号，这种前引号不报告）。
    “1）”“a）”这类序号不算缺前半；半角括号、引号作为配对的一半计算，它们的形式由 PUNCT-002 报告。

    反例：
        现将《示例市校园步道建设方案印发给你们，请遵照执行。

    正例：
        现将《示例市校园步道建设方案》印发给你们，请遵照执行。
    """
    names = {"“": "引号", "”": "引号", "‘": "单引号", "’": "单引号"}
    for f in _FAMILIES:
        for c in f[2]:
            names[c] = f[3]
    groups = list(_paragraphs(letter))
    for n, group in enumerate(groups):
        if _plainly_balanced(group):
            continue
        for seg, i, ch in sorted(_unbalanced(group), key=lambda t: (t[0].line.number, t[1])):
            if ch not in names:
                continue  # a half-width mark: PUNCT-002
            if ch == "“" and seg is group[0] and i == seg.lo and n + 1 < len(groups):
                nxt = groups[n + 1][0]
                if nxt.text[nxt.lo] == "“" and nxt.line.number == group[-1].line.number + 1:
                    continue  # a quotation over several paragraphs: each opens with “, only the last closes
            opening = ch in "（〔【《“‘"
            half = "后半" if opening else "前半"
            yield Finding(seg.span(i, i + 1), f"{names[ch]}“{ch}”缺少与之配对的{half}", f"补上配对的{names[ch]}，或删去多余的“{ch}”")


# --- PUNCT-007 … PUNCT-010 ---------------------------------------------------------------------------

_QUOTED_DUNHAO = lazyre.compile(r"[》”](?P<mark>、)[《“]")


@rule("PUNCT-007", "no-dunhao-between-quoted", "warning", fix="unsafe")
def no_dunhao_between_quoted(letter, options):
    """并列的书名号、引号之间通常不用顿号。

    依据：GB/T 15834-2011 4.5.3.5 "标有引号的并列成分之间、标有书名号的并列成分之间
    通常不用顿号"。书名号后另有括注（如“（试行）”）时顿号可用，不在此列；引用的
    文件标题（书名号内）照录原文，也不在此列。

    反例：
        请认真学习《示例市安全生产条例》、《示例市消防管理办法》。

    正例：
        请认真学习《示例市安全生产条例》《示例市消防管理办法》。
    """
    for seg in segments(letter, trigger=("》、", "”、")):
        depth, pos = 0, seg.lo
        for m in _QUOTED_DUNHAO.finditer(seg.text, seg.lo, seg.hi):
            depth += seg.text.count("《", pos, m.start()) - seg.text.count("》", pos, m.start() + 1)
            pos = m.start() + 1
            if depth > 0:
                continue  # inside a cited title: its punctuation is the title's own
            span = seg.span(m.start("mark"), m.end("mark"))
            yield Finding(span, "并列的书名号或引号之间通常不用顿号", "删去顿号", subsumed_by=_OWNERS,
                          fix=Fix.delete(span))


# X、Y、等 (a 顿号 list closed by 等 with a 顿号 before it) — 等 not starting a word (等待, 等级 …).
_DUNHAO_DENG = lazyre.compile(r"(?P<mark>[、，])等(?P<more>等?)(?![待到候同于级额价量值效距次第份分比高宽边号身闲式重温压速])")
_CLAUSE_BREAK = "。；！？：;!?:\n"


@rule("PUNCT-008", "no-dunhao-before-deng", "warning", fix="unsafe")
def no_dunhao_before_deng(letter, options):
    """用“等”“等等”结束并列词语时，“等”前不加顿号或逗号。

    依据：GB/T 15834-2011 附录 B.1.2（顿号的误用）：并列词语之后用“等”“等等”收尾时，
    “等”前不用顿号。“，等到……”“、等级”之类“等”字属下文的，不在此列。

    反例：
        全市开展了道路、桥梁、隧道、等设施的安全检查。

    正例：
        全市开展了道路、桥梁、隧道等设施的安全检查，等到月底再行复查。

    修正后：
        全市开展了道路、桥梁、隧道等设施的安全检查。
    """
    for seg in segments(letter, trigger=("、等", "，等")):
        text = seg.text
        for m in _DUNHAO_DENG.finditer(text, seg.lo, seg.hi):
            i = m.start("mark")
            # The clause before the mark must be a 顿号 list (at least one more 顿号 in it).
            k = i - 1
            found = False
            stop = max(seg.lo, i - 80)
            while k >= stop and text[k] not in _CLAUSE_BREAK and (text[k] != "，" or m.group("mark") == "，"):
                if text[k] == "、":
                    found = True
                    break
                k -= 1
            if not found:
                continue
            if m.group("mark") == "，" and not m.group("more") and is_han(seg.right(m.end() - 1)):
                continue  # ，等政策出台后 — 等 is a verb here
            mark = m.group("mark")
            yield Finding(seg.span(i, i + 1), f"并列词语后的“等{m.group('more')}”前不应加“{mark}”", f"删去“{mark}”",
                          fix=Fix.delete(seg.span(i, i + 1)))


_CN_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九十", start=0)}
_CN_VALUE["两"] = 2
_GAISHU = lazyre.compile(r"(?P<a>[一二两三四五六七八九])(?P<mark>、)(?P<b>[二两三四五六七八九十])"
                     r"(?=(?:十|百|千|万|亿)?(?:个|名|人|天|次|位|家|件|条|岁|倍|成|户|辆|台|份|本|张|所|座|间|遍|趟|回|周"
                     r"|小时|分钟|公里|里|米|亩|斤|吨|元|块|年(?!级|度|代)))")


@rule("PUNCT-009", "no-dunhao-in-approximation", "warning", fix="unsafe")
def no_dunhao_in_approximation(letter, options):
    """相邻的两个数字连用表示概数时，中间不用顿号（三四个，不写作“三、四个”）。

    依据：GB/T 15834-2011 4.5.3.4（相邻或相近两数字连用表示概数通常不用顿号）；
    GB/T 15835-2011 5.2.1。“第一、二批”“一、二年级”这类并列的序数，以及行首的
    层次序号“三、”不在此列。

    反例：
        每所学校需配备三、四名安全员。

    正例：
        每所学校需配备三四名安全员，第一、二批学校先行实施。

    修正后：
        每所学校需配备三四名安全员。
    """
    for seg in segments(letter, trigger=_GAISHU):
        text = seg.text
        for m in _GAISHU.finditer(text, seg.lo, seg.hi):
            a, b = _CN_VALUE[m.group("a")], _CN_VALUE[m.group("b")]
            if b != a + 1:
                continue
            before = seg.left(m.start())
            if m.start() == seg.lo or before in "第、一二三四五六七八九十" or seg.right(m.end("b") - 1) == "、":
                continue
            i = m.start("mark")
            yield Finding(seg.span(i, i + 1), f"“{m.group('a')}{m.group('b')}”表示概数，中间不应加顿号",
                          f"改为 {m.group('a')}{m.group('b')}", fix=Fix.delete(seg.span(i, i + 1)))


_BOOK_MARKS = lazyre.compile(r"[《》〈〉]")


@rule("PUNCT-010", "nested-book-title", "warning")
def nested_book_title(letter, options):
    """书名号里面再用书名号时，里面一层用单书名号〈〉。

    依据：GB/T 15834-2011 4.15.3 "书名号里边还要用书名号时，外面一层用双书名号，里边一层
    用单书名号"。

    反例：
        现将《关于印发《示例市校园步道建设方案》的通知》转发给你们。

    正例：
        现将《关于印发〈示例市校园步道建设方案〉的通知》转发给你们。
    """
    if _view(letter).joined.count("《") < 2:
        return  # a 《 inside a 《 needs two of them
    for group in _paragraphs(letter):
        stack: list[tuple[str, Segment, int]] = []
        for seg in group:
            for m in _BOOK_MARKS.finditer(seg.text, seg.lo, seg.hi):
                ch, i = m.group(), m.start()
                if ch in "《〈":
                    stack.append((ch, seg, i))
                elif stack and stack[-1][0] == ("《" if ch == "》" else "〈"):
                    _, oseg, oi = stack.pop()
                    if ch == "》" and stack and stack[-1][0] == "《":
                        span = oseg.span(oi, i + 1) if oseg is seg else oseg.span(oi, oi + 1)
                        yield Finding(span, "书名号内的书名号应改用单书名号“〈〉”",
                                      f"改为 〈{seg.line.text[oi + 1:i]}〉" if oseg is seg else "改为 〈……〉")


# --- PUNCT-012 … PUNCT-014 ---------------------------------------------------------------------------

_DOUBLED = lazyre.compile(r"[。，、；：？！]{2,}")


@rule("PUNCT-012", "doubled-points", "warning", fix="unsafe")
def doubled_points(letter, options):
    """点号不重叠使用（。。 ，， ；。 ：。等），问号、叹号连用除外。

    依据：GB/T 15834-2011 附录 B.2：句末点号只用一个；问号、叹号可以连用
    （“？！”）或为加强语气叠用，其余点号叠用即为差错。三个以上句号连写是错误的
    省略号，由 PUNCT-003 报告。

    反例：
        贵局来函收悉。。现函复如下：

    正例：
        贵局来函收悉。现函复如下：
    """
    for seg in segments(letter, trigger=_DOUBLED):
        for m in _DOUBLED.finditer(seg.text, seg.lo, seg.hi):
            run = m.group()
            if set(run) <= set("？！") or (set(run) == {"。"} and len(run) >= 3):
                continue
            span = seg.span(m.start(), m.end())
            yield Finding(span, f"点号“{run}”重叠使用", f"只保留一个点号，如 {run[-1]}", subsumed_by=_OWNERS,
                          fix=Fix.replace(span, run[-1]))


_ELLIPSIS_DENG = lazyre.compile(r"(?:…+|⋯+|\.{3,}|。{3,})\s?等(?![待候到])|等等?\s?(?:…+|⋯+|\.{3,}|。{3,})")


@rule("PUNCT-013", "no-ellipsis-with-deng", "warning")
def no_ellipsis_with_deng(letter, options):
    """省略号不与“等”“等等”同时使用。

    依据：GB/T 15834-2011 附录 A.9（省略号的误用）：用“等”“等等”表示省略时不再用省略号，
    二者只用其一。

    反例：
        全市开展了道路、桥梁、隧道……等设施的安全检查。

    正例：
        全市开展了道路、桥梁、隧道等设施的安全检查。
    """
    for seg in segments(letter, trigger=_ELLIPSIS_LITERALS):
        for m in _ELLIPSIS_DENG.finditer(seg.text, seg.lo, seg.hi):
            yield Finding(seg.span(m.start(), m.end()), f"“{m.group()}”中省略号与“等”重复", "删去省略号或“等”，只用其一")


_SPACE_RUN = lazyre.compile(PAD_RUN)
_QUOTED_SPAN = lazyre.compile(r"《[^《》]*(?:》|$)|“[^“”]*(?:”|$)")
_BEFORE_POINT = "，。、；：？！"
_POINT = lazyre.compile(r"[，。；：？！]")
# Padding other than the newline: the segments are joined by newlines, and a newline before the
# first character of every line would make every line a candidate.
_SPACE_TRIGGER = lazyre.compile("[" + PAD.replace("\n", "") + f"][{HAN}{_BEFORE_POINT}]")


_LABEL_MAX = 8


@rule("PUNCT-014", "stray-space", "info", fix="safe")
def stray_space(letter, options):
    """中文句子中间不应有多余的空格（“经 研究”）。

    依据：公文写作规范材料：汉字之间、汉字与点号之间不空格，句中的空格多是排版、
    复制或扫描识别留下的。只检查正文和附件中的句子；书名号、引号内的空格（如
    《中共中央 国务院关于……》中联合发文机关之间的空格）、逐字拉开的
    “联 系 人”“王  芳”，以及短标签后用空格隔开的名单（纪要的“出席：李某某　王某某”）不报告。

    反例：
        经 研究，现将有关事项函告如下。

    正例：
        经研究，现将《中共中央 国务院关于加强安全生产工作的意见》有关要求函告如下。

    修正后：
        经研究，现将有关事项函告如下。
    """
    for seg in segments(letter, BODY_KINDS, trigger=_SPACE_TRIGGER):
        point = _POINT.search(seg.text, seg.lo, seg.hi)
        if not point:
            continue  # no sentence here: a table row or a label
        # A short label and a list of names with no sentence after it (出席：李某某　王某某): the spaces
        # after the colon separate the names.
        list_from = point.end() if point.group() == "：" and point.start() - seg.lo <= _LABEL_MAX \
            and not _POINT.search(seg.text, point.end(), seg.hi) else seg.hi
        text = _QUOTED_SPAN.sub(lambda m: "\x00" * len(m.group()), seg.text)
        for m in _SPACE_RUN.finditer(text, _heading_marker_end(seg), list_from):
            left, right = seg.left(m.start()), seg.char(m.end())
            if "\t" in m.group() or not is_han(left) or not (is_han(right) or _one_of(right, _BEFORE_POINT)):
                continue
            if right not in _BEFORE_POINT:
                # Letter-spaced words and padded names (联 系 人, 王  芳): one character on each side.
                if len(_han_run(text, m.start() - 1, -1, seg.lo, seg.hi)) == 1 and \
                        len(_han_run(text, m.end(), 1, seg.lo, seg.hi)) == 1:
                    continue
            what = "点号前" if right in _BEFORE_POINT else "汉字之间"
            span = seg.span(m.start(), m.end())
            yield Finding(span, f"句中{what}有多余的空格", "删去空格", fix=Fix.delete(span))
