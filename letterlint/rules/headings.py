"""层次序数: 一、→（一）→1.→（1）, their punctuation and numbering (GB/T 9704-2012 7.3.3; GB/T 15834-2011 B.3)."""
from __future__ import annotations

from letterlint import lazyre
from letterlint.model import HEADING_KINDS, PAD, Span
from letterlint.rules.base import Edit, Finding, Fix, rule
from letterlint.rules.date import cn_to_int

LEVEL = {"heading1": 1, "heading2": 2, "heading3": 3, "heading4": 4}
LEVEL_NAME = {1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题"}
_CN = "零一二三四五六七八九"
_CN_NUMERAL = set("一二三四五六七八九十〇零")

# 序次语 inside a paragraph (GB/T 15834-2011 B.3.1, B.3.7): at the start of a
# sentence, not in a list of ordinals such as 第一、二季度 or 第一、第二名.
_ORDINAL_DUNHAO = lazyre.compile(r"(?:^|(?<=[\s\u3000。；！？：]))(?P<word>第[一二三四五六七八九十]{1,3}|其[一二三四五]|首先|其次|再次|最后)"
                             r"(?P<punct>、)(?![一二三四五六七八九十第\d])")
_YISHI_PUNCT = lazyre.compile(r"(?:^|(?<=[\s\u3000。；！？：，]))(?P<word>[一二三四五六七八九十]{1,3}是)(?P<punct>[：:，,、])")
# Inside a heading that stands alone: a second sentence or a "label: text" pair means run-in text.
_CLAUSE_BREAK = lazyre.compile(r"[。！？；!?;：:]")
# Quick tests over the whole letter before the patterns above, which try every position.
_ORDINAL_DUNHAO_HINT = lazyre.compile(r"(?:第[一二三四五六七八九十]{1,3}|其[一二三四五]|首先|其次|再次|最后)、")
_YISHI_PUNCT_HINT = lazyre.compile(r"[一二三四五六七八九十]是[：:，,、]")
_TEXT_KINDS = ("paragraph", "closing", "attachment_text") + HEADING_KINDS
# A paragraph opened by a number and a lone closing bracket: "一）总体要求", "1)建设步道".
# The parser does not take these for headings, so HEAD-002 / HEAD-004 look for them.
_HALF_BRACKET_CN = lazyre.compile(r"(?P<num>[一二三四五六七八九十]{1,3})(?P<punct>[）)])(?=\S)")
_HALF_BRACKET_DIGIT = lazyre.compile(r"(?P<num>[0-9]{1,2})(?P<punct>[）)])(?=[^\s0-9])")


def _half_bracket_openings(letter, rx):
    """(line, match) of every paragraph that opens with ``rx``."""
    for part in letter.all("paragraph", "attachment_text"):
        line = part.lines[0]
        m = rx.match(line.text, line.indent)
        if m:
            yield line, m


def int_to_cn(n: int) -> str:
    """A whole number in Chinese numerals (一, 十, 十一, 二十, 一百零五); digits outside 1 … 9999.

    Heading numbers come from the text, so a run of numerals such as 二二二 can ask
    for any number: nothing here may fail on it.
    """
    if not 0 < n < 10000:
        return str(n)
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n - 10] if n > 10 else "")
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            out += ("零" if zero and out else "") + _CN[digit] + unit
            zero = False
        elif out:
            zero = True
    return out


def marker(level: int, n: int) -> str:
    """The correct 层次序数 of ``level`` for number ``n``: 一、 （一） 1. （1）."""
    if level == 1:
        return f"{int_to_cn(n)}、"
    if level == 2:
        return f"（{int_to_cn(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


class _Heading:
    """A heading part with its 序号 read (``fields.Heading``), and the number it stands for."""

    def __init__(self, part):
        self.part = part
        self.level = LEVEL[part.kind]
        self.line = part.lines[0]
        self.m = part.parsed
        self.num = cn_to_int(self.m.num.text) if self.m else None
        self.rest = self.m.rest if self.m else ""

    def group(self, name: str) -> str:
        """The piece ``name`` of the 序号 as written (num, open, close, punct), "" if absent."""
        tok = getattr(self.m, name)
        return tok.text if tok is not None else ""

    @property
    def real(self) -> bool:
        """False for text that only looks like a heading: 一、二季度, 2、3月份."""
        if self.m is None or self.num is None:
            return False
        nxt = self.rest[:1]
        if self.level == 1 and nxt in _CN_NUMERAL:
            return False
        if self.level == 3 and nxt.isdigit():
            return False
        return True

    def span(self, group: str | None = None, last: str | None = None):
        """Span of the marker, or of ``group`` (through ``last`` when given)."""
        if group is None:
            return self.m.marker.span
        a, b = getattr(self.m, group).span, getattr(self.m, last or group).span
        return Span(a.line, a.column, b.end_line, b.end_column)

    def edit(self, group: str, text: str) -> Edit:
        """Replace exactly the field ``group`` of the 序号 (open, close, punct …) with ``text``."""
        return Edit.replace(getattr(self.m, group).span, text)

    @property
    def shown(self) -> str:
        return self.m.marker.text.strip()


def _heading(part) -> _Heading:
    """The part read as a heading, once: a dozen rules of this family ask for it."""
    h = part.__dict__.get("_heading")
    if h is None:
        h = part.__dict__["_heading"] = _Heading(part)
    return h


def _headings(parts):
    return [h for h in (_heading(p) for p in parts if p.kind in LEVEL) if h.real]


def _sections(letter):
    """The parts of the main text, then of each attachment, as separate lists.

    Numbering restarts on each attachment page (a 附件N label starts a new one;
    a document printed after the date without a label is one attachment).
    """
    yield letter.body
    current: list = []
    for part in letter.parts:
        if part.section != "附件":
            continue
        if part.kind == "attachment" and current:
            yield current
            current = []
        current.append(part)
    if current:
        yield current


def _walks(letter) -> list[list]:
    """``_walk`` of every section, worked out once per letter (HEAD-001 and HEAD-008 read it)."""
    return letter.memo("headings.walks", lambda lt: [list(_walk(section)) for section in _sections(lt)])


def _walk(parts):
    """Headings of one section with the nesting state before each: (heading, stack, restart).

    ``stack`` lists [level, last number] of the open levels, shallowest first;
    ``restart`` says that body text stands between this heading and the
    previous one of its level (a new list may start at 1 there).  A list of
    deeper items before the first heading of a shallower level, with text
    between (items quoted in the opening paragraph), does not nest: the
    shallower heading starts afresh.
    """
    stack: list[list[int]] = []
    text_since: set[int] = set()  # levels with body text since their last heading
    text_before = False           # body text since the previous heading of any level
    for part in parts:
        if part.kind not in LEVEL:
            if part.kind in ("paragraph", "attachment_text"):
                text_since.update(range(1, 5))
                text_before = True
            continue
        h = _heading(part)
        if not h.real:
            text_since.update(range(1, 5))
            text_before = True
            continue
        if text_before and stack and stack[0][0] > h.level:
            stack = []  # the deeper items were a list of their own
        yield h, [list(e) for e in stack], h.level in text_since
        text_since = {lv for lv in text_since if lv < h.level}
        text_before = False
        while stack and stack[-1][0] > h.level:
            stack.pop()
        if stack and stack[-1][0] == h.level:
            stack[-1][1] = h.num
        else:
            stack.append([h.level, h.num])


@rule("HEAD-001", "heading-nesting", "warning",
      needs_parts=("heading1", "heading2", "heading3", "heading4"))
def heading_nesting(letter, options):
    """层次序数依次为“一、”“（一）”“1.”“（1）”，上一层级不能出现在下一层级之下。

    依据：GB/T 9704-2012 7.3.3 "文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”
    标注"。可以越级向下使用（“一、”下直接用“1.”），但“（一）”不能直接出现在“1.”
    之下（层级颠倒）。正文和每个附件分别检查。

    反例：
        一、工作目标
        1.完善设施
        （一）建设步道

    正例：
        一、工作目标
        （一）完善设施
        1.建设步道
    """
    for walk in _walks(letter):
        for h, stack, _ in walk:
            if not stack or stack[-1][0] <= h.level or any(lv == h.level for lv, _ in stack):
                continue
            deeper = stack[-1]
            yield Finding(h.span(), f"层级颠倒：{LEVEL_NAME[h.level]}“{h.shown}”不应出现在"
                                    f"{LEVEL_NAME[deeper[0]]}“{marker(deeper[0], deeper[1])}”之下",
                          "层次序数依次为 一、→（一）→1.→（1），调整层级")


@rule("HEAD-002", "heading1-dunhao", "error", fix="safe")
def heading1_dunhao(letter, options):
    """一级标题序号“一”后用顿号“、”（“一）”只有右括号，也是错的）。

    依据：GB/T 15834-2011 B.3.2 "不带括号的汉字数字或“天干地支”做序次语时，后用顿号"；
    GB/T 9704-2012 7.3.3 第一层为“一、”，第二层为“（一）”；“一）”两者都不是。

    反例：
        一．工作目标

    正例：
        一、工作目标
    """
    for part in letter.all("heading1"):
        h = _heading(part)
        if not h.real:
            continue
        punct = h.group("punct")
        if punct == "、":
            continue
        good = marker(1, h.num)
        fix = Fix((h.edit("punct", "、"),))
        if punct.strip() == "、":
            yield Finding(h.span("punct"), "一级标题序号与顿号之间不应有空格", f"改为 {good}", fix=fix)
        elif punct.isspace():
            yield Finding(h.span("punct"), f"一级标题序号“{h.group('num')}”后缺少顿号“、”，不应只空格",
                          f"改为 {good}", fix=fix)
        else:
            yield Finding(h.span("punct"), f"一级标题序号“{h.group('num')}”后应使用顿号“、”，不应使用“{punct}”",
                          f"改为 {good}", fix=fix)
    for line, m in _half_bracket_openings(letter, _HALF_BRACKET_CN):
        n = cn_to_int(m.group("num"))
        if n is None:
            continue
        yield Finding(line.span(m.start("punct"), m.end("punct")),
                      f"序号“{m.group()}”只有右括号：一级标题写“{marker(1, n)}”，二级标题写“{marker(2, n)}”",
                      f"改为 {marker(1, n)} 或 {marker(2, n)}")


@rule("HEAD-003", "bracket-heading-no-punct", "error", fix="safe",
      needs_parts=("heading2", "heading4"))
def bracket_heading_no_punct(letter, options):
    """带括号的序号“（一）”“（1）”后不再加标点。

    依据：GB/T 15834-2011 B.3.4 "加括号的序次语后面不用任何点号"。

    反例：
        （一）、完善设施

    正例：
        （一）完善设施
    """
    for part in letter.all("heading2", "heading4"):
        h = _heading(part)
        punct = h.group("punct") if h.m else ""
        if h.real and punct:
            yield Finding(h.span("punct"), f"带括号的序号“{h.group('open')}{h.group('num')}{h.group('close')}”"
                                           f"后不应再加“{punct}”", f"改为 {marker(h.level, h.num)}",
                          fix=Fix((h.edit("punct", ""),)))


@rule("HEAD-004", "heading3-dot", "error", fix="safe")
def heading3_dot(letter, options):
    """三级标题序号“1”后用下脚点“.”，不用顿号、逗号或单个右括号“1)”。

    依据：GB/T 15834-2011 B.3.3 "不带括号的阿拉伯数字、拉丁字母或罗马数字做序次语时，
    后面用下脚点"；GB/T 9704-2012 7.3.3 第三层为“1.”、第四层为“（1）”，“1)”两者都不是。
    排版中常见的全角“．”同样视为下脚点。

    反例：
        1、建设步道

    正例：
        1.建设步道
    """
    for part in letter.all("heading3"):
        h = _heading(part)
        punct = h.group("punct") if h.m else ""
        if h.real and punct not in ".．":
            yield Finding(h.span("punct"), f"三级标题序号“{h.group('num')}”后应使用下脚点“.”，不应使用“{punct}”",
                          f"改为 {marker(3, h.num)}", fix=Fix((h.edit("punct", "."),)))
    for line, m in _half_bracket_openings(letter, _HALF_BRACKET_DIGIT):
        n = int(m.group("num"))
        yield Finding(line.span(m.start("punct"), m.end("punct")),
                      f"序号“{m.group()}”只有右括号：三级标题写“{marker(3, n)}”，四级标题写“{marker(4, n)}”",
                      f"改为 {marker(3, n)} 或 {marker(4, n)}")


@rule("HEAD-005", "heading-fullwidth-brackets", "warning", fix="safe",
      needs_parts=("heading2", "heading4"))
def heading_fullwidth_brackets(letter, options):
    """序号“（一）”“（1）”用全角括号。

    依据：GB/T 9704-2012 7.3.3 的层次序数为“（一）”“（1）”（全角括号）；
    GB/T 15834-2011 中文文本中的括号用全角形式。

    反例：
        (一)完善设施

    正例：
        （一）完善设施
    """
    for part in letter.all("heading2", "heading4"):
        h = _heading(part)
        if not h.real or (h.group("open") == "（" and h.group("close") == "）"):
            continue
        yield Finding(h.span("open", "close"), f"序号“{h.shown}”应使用全角括号", f"改为 {marker(h.level, h.num)}",
                      fix=Fix((h.edit("open", "（"), h.edit("close", "）"))))


@rule("HEAD-006", "ordinal-comma", "error", fix="safe")
def ordinal_comma(letter, options):
    """“第一”“其一”“首先”等序次语后用逗号，不用顿号。

    依据：GB/T 15834-2011 B.3.1 "“第”“其”字头序次语，或“首先”“其次”“最后”等做序次语时，
    后用逗号"。“第一、二季度”这类序数并列不在此列。

    反例：
        我局开展了以下工作。第一、摸清底数。

    正例：
        我局开展了以下工作。第一，摸清底数。
    """
    if not _ORDINAL_DUNHAO_HINT.search(letter.text):
        return  # one search over the letter spares one per part
    for part in letter.all(*_TEXT_KINDS):
        for line, m in part.iter_matches(_ORDINAL_DUNHAO):
            span = line.span(m.start("punct"), m.end("punct"))
            yield Finding(span, f"序次语“{m.group('word')}”后应使用逗号“，”，不应使用顿号", f"改为 {m.group('word')}，",
                          fix=Fix.replace(span, "，"))


@rule("HEAD-007", "yishi-no-punct", "warning", fix="safe")
def yishi_no_punct(letter, options):
    """行文中的“一是”“二是”后不加标点。

    依据：GB/T 15834-2011 附录 B.3（序次语之后的标点用法）B.3.7：行文中“一是”“二是”
    这类序次语，“是”字已起提示作用，后面不再加冒号、逗号等点号。

    反例：
        我局重点做了三项工作：一是：摸清底数；二是：完善台账。

    正例：
        我局重点做了三项工作：一是摸清底数；二是完善台账。
    """
    if not _YISHI_PUNCT_HINT.search(letter.text):
        return  # one search over the letter spares one per part
    for part in letter.all(*_TEXT_KINDS):
        for line, m in part.iter_matches(_YISHI_PUNCT):
            span = line.span(m.start("punct"), m.end("punct"))
            yield Finding(span, f"“{m.group('word')}”后不应加“{m.group('punct')}”", f"改为 {m.group('word')}",
                          fix=Fix.delete(span))


@rule("HEAD-008", "heading-numbering", "warning",
      needs_parts=("heading1", "heading2", "heading3", "heading4"))
def heading_numbering(letter, options):
    """同一层级的序号连续，不跳号、不重号，在每个上级标题下从头编起。

    依据：GB/T 9704-2012 7.3.3 规定各层序数的形式，序号依次递增是其应有之义；
    跳号、重号多是增删段落后未重新编号留下的。正文和每个附件分别检查；同一层级
    中间隔有正文段落、从“1.”“（1）”重新编起的，视为另起的列举，不报告（“一、”“（一）”
    在同一上级标题下不会重新编起）。

    反例：
        一、工作目标
        二、主要任务
        四、保障措施

    正例：
        一、工作目标
        二、主要任务
        三、保障措施
    """
    for walk in _walks(letter):
        for h, stack, restart in walk:
            name = LEVEL_NAME[h.level]
            open_levels = [e for e in stack if e[0] <= h.level]
            if open_levels and open_levels[-1][0] == h.level:
                last = open_levels[-1][1]
                if h.num == last + 1 or (restart and h.num == 1 and h.level >= 3):
                    continue
                if h.num == last:
                    message = f"{name}序号重复：“{h.shown}”与上一个同级标题序号相同"
                elif h.num > last + 1:
                    message = f"{name}序号不连续：“{h.shown}”前应为“{marker(h.level, h.num - 1)}”"
                else:
                    message = f"{name}序号不连续：“{h.shown}”应为“{marker(h.level, last + 1)}”"
                yield Finding(h.span("num"), message, f"核对序号，此处应为 {marker(h.level, last + 1)}")
            elif h.num != 1:
                yield Finding(h.span("num"), f"{name}序号应从“{marker(h.level, 1)}”编起，“{h.shown}”之前缺少同级标题",
                              f"核对序号，此处应为 {marker(h.level, 1)}")


def _stands_alone(h, prev, nxt) -> bool:
    """A heading that is a paragraph of its own: followed by body text or a deeper heading,
    and not one item of a list of short sentences (a sibling right before or after it)."""
    if nxt is None:
        return False
    if nxt.kind in LEVEL:
        if LEVEL[nxt.kind] <= h.level:
            return False
    elif nxt.kind not in ("paragraph", "attachment_text"):
        return False
    if prev is not None and prev.kind == h.part.kind:
        return False
    return True


@rule("HEAD-009", "heading-terminal-punct", "warning", fix="safe")
def heading_terminal_punct(letter, options):
    """独占一行的标题末尾不加句号或冒号。

    依据：公文写作规范材料：标题（包括层次标题）独立成行时末尾不用标点；标题后接
    正文同处一段（“（一）总体要求。坚持……”）时，标题句末可用句号，不在此列。
    列举式的短句（“1.”“2.”逐条成句）也不在此列。

    反例：
        现将有关安排函告如下。
        一、工作目标：
        全面完成校园步道建设。

    正例：
        现将有关安排函告如下。
        一、工作目标
        全面完成校园步道建设。
    """
    for section in _sections(letter):
        section = [p for p in section if p.kind in LEVEL or p.kind in ("paragraph", "attachment_text")]
        for i, part in enumerate(section):
            if part.kind not in LEVEL:
                continue
            h = _heading(part)
            if not h.real or not h.rest or h.rest[-1] not in "。：:":
                continue
            body = h.rest[:-1]
            if not body or len(h.rest) > 40 or _CLAUSE_BREAK.search(body):
                continue
            prev = section[i - 1] if i > 0 else None
            nxt = section[i + 1] if i + 1 < len(section) else None
            if not _stands_alone(h, prev, nxt):
                continue
            line = h.line
            end = len(line.text.rstrip(PAD))
            mark = line.text[end - 1]
            span = line.span(end - 1, end)
            yield Finding(span, f"独占一行的标题末尾不应加“{mark}”", "删去标题末尾的标点", fix=Fix.delete(span))
