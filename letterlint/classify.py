"""The line classifier: offers, for each line of a letter, the kinds its own evidence allows.

``classify`` returns a lattice: for each non-blank line, the candidate units
that start there, best first.  A unit is what the grammar sees as one token:
one physical line, or several for a wrapped title, 主送, 抄送 or 附件说明 (a
multi-line candidate is offered beside the one-line ones, never instead of
them).  Each candidate carries a strength: STRONG for a label (抄送：,
联系人：, 附件：), a whole 发文字号, a complete date, a 密级 word; WEAK for a
short organ name, a title-like or salutation-like line; FALLBACK for text,
offered only where no strong candidate stands.

The evidence is local: a line's own text and its neighbours (a short organ
name directly below a date at the end is a 署名), never where the line sits in
the letter.  Which candidate stands is ``parse.read``'s business: the reading
the grammar (``grammar/letter.lark``, the only statement of the order of the
parts) accepts at the least cost, where a strong candidate it rejects is a
misplaced part.  Whether a part's form is right is the rules' business.
"""
from __future__ import annotations

from letterlint import lazyre
from letterlint.memo import memo
from letterlint.doctypes import ENDING_WORDS, title_doctype

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

# The patterns of a part's fields live with the fields (one definition each).
from letterlint.fields import (
    ADDRESSEE_SUFFIX,
    ANSWERED_BY,
    ATTACHMENT_NOTE,
    ATTENDANCE,
    ATTENDANCE_FIRST,
    MEETING_INFO,
    CN_DIGIT,
    CN_NUM,
    CONTACT,
    COPY_TO,
    COPY_TO_STRICT,
    DATE_CN,
    DATE_IN_LINE,
    DATE_NUMERIC,
    DOCNUM,
    DOCNUM_BARE,
    HEADING1,
    HEADING2,
    HEADING3,
    HEADING4,
    ORDER_NUMBER,
    ORG_SUFFIX,
    PRINT_LINE,
    SECRECY,
    SIGNER,
    SP,
)
from letterlint.fields import DOCNUM_HINT as _DOCNUM_HINT
from letterlint.fields import DOCNUM_YEAR_HINT as _DOCNUM_YEAR
from letterlint.model import PAD, Line, Part
from letterlint.record import Record

# --- patterns for the content of one line ------------------------------------

_YEAR_HINT = lazyre.compile(r"\d{4}")


CLASS_LETTERS = "A-DＡ-Ｄ甲乙丙丁"
# Any letter where a class mark stands is the class mark: one outside the scheme (E) is
# reported by REPLY-001, not ignored.
_ANY_CLASS = r"(?P<cls>[A-ZＡ-Ｚ甲乙丙丁戊])(?![A-Za-zＡ-Ｚａ-ｚ])"
_OPEN, _CLOSE = r"[（(〔\[【]", r"[）)〕\]】]"
# The meaning of the class in words, before or after the letter (已解决（A类）, A类（已解决）).
_CLASS_WORDS = r"[\u4e00-\u9fff]{2,10}"
# Labels may be letter-spaced (类 别：B) or have a space before the colon.
CLASS_LABELLED = lazyre.compile(
    r"(?:答" + SP + r"复|办" + SP + r"理|办" + SP + r"复|办" + SP + r"结)?" + SP
    + r"(?:类" + SP + r"别|结" + SP + r"果|类" + SP + r"型)" + SP + r"[：:]" + SP
    + r"(?:" + _CLASS_WORDS + SP + r"(?=" + _OPEN + r"))?" + _OPEN + r"?" + SP + _ANY_CLASS + SP + r"类?" + SP
    + _CLOSE + r"?(?:" + SP + _OPEN + _CLASS_WORDS + _CLOSE + r")?"
)
CLASS_ALONE = lazyre.compile(r"^[〔\[【（(]?" + SP + r"(?P<cls>[" + CLASS_LETTERS + r"])" + SP + r"类?" + SP + r"[〕\]】）)]?"
                             + r"(?:" + SP + r"[（(][\u4e00-\u9fff]{2,16}[）)])?$")  # B类（正在解决或列入计划解决）
# A single letter alone on a header line, bare or bracketed, is meant as a class mark
# even outside the usual A-D (so that "E" or "〔E〕" can be reported, not ignored).
CLASS_BRACKETED = lazyre.compile(r"^[〔\[【（(]?" + SP + r"(?P<cls>[A-ZＡ-Ｚ甲乙丙丁戊])" + SP + r"类?" + SP + r"[〕\]】）)]?$")
# What CLASS_ALONE and CLASS_BRACKETED can start with: a bracket or the letter.
_CLASS_FIRST = frozenset("〔[【（(ABCDEFGHIJKLMNOPQRSTUVWXYZＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ甲乙丙丁戊")
CLASS_GLUED = lazyre.compile(r"[（(〔\[【]?" + SP + r"(?P<cls>[" + CLASS_LETTERS + r"])" + SP + r"类" + SP + r"[）)〕\]】]?")
# A class glued to the 发文字号 (…13号E类, …13号（E）): any letter.
CLASS_AFTER_DOCNUM = lazyre.compile(r"(?<=号)" + SP + r"(?:" + _OPEN + SP + r")?" + _ANY_CLASS + SP
                                    + r"(?:类" + SP + _CLOSE + r"?|" + _CLOSE + r")")

# 公开属性: a label (是否同意公开, 公开属性, 公开方式 …) and its answer, or the mark alone.
def _spaced(*words: str) -> str:
    """Words a label may letter-space (公 开 属 性), as alternatives."""
    return "(?:" + "|".join(SP.join(w) for w in words) + ")"


_DISCLOSURE_LABEL = (r"(?:是否(?:同意)?(?:对外|向社会|社会)?公开|(?:信息|政务|政府信息)?"
                     + _spaced("公开属性", "公开方式", "公开类型", "公开形式", "公开选项") + ")")
_DISCLOSURE_ANSWER = (r"(?:不同意(?:对外|社会)?公开|同意(?:对外|社会)?公开|不同意|同意|主动公开|依申请公开|不予公开"
                      r"|部分公开|不公开|公开|是|否)")
DISCLOSURE = lazyre.compile(
    r"[〔【\[（(]?" + SP
    + r"(?P<mark>" + _DISCLOSURE_LABEL + SP + r"[：:]" + SP + _DISCLOSURE_ANSWER
    + r"|(?:不)?同意(?:对外|社会)?公开(?:发布)?"
    r"|此件(?:主动公开|公开发布|依申请公开|不予公开|不公开)"
    r"|(?:主动公开|依申请公开|不予公开))"
    + SP + r"[〕】\]）)]?"
)
URGENCY = lazyre.compile(r"^(?P<level>特急|加急|特提|平急|急件|紧急|特快|急)$")
# Words written where the 密级 stands that are not 密级 (reported by HDR-002).
SECRECY_INVALID = lazyre.compile(r"^(?P<level>内部(?:资料|文件|使用|事项)?|保密|秘级|涉密)(?:[★☆*＊].{1,8})?$")
COPY_NUMBER = lazyre.compile(r"^\d{4,8}$")
# The label of the 答复类别 with nothing after it (办理结果：): the mark left unfilled (REPLY-001).
_EMPTY_CLASS_LABEL = lazyre.compile(r"^(?:答" + SP + r"复|办" + SP + r"理|办" + SP + r"复)?" + SP
                                    + r"(?:类" + SP + r"别|结" + SP + r"果)" + SP + r"[：:]$")
# 主送机关 moved into the 版记 when they are too many for the first page (GB/T 9704-2012 7.3.2: marked
# like the 抄送, so ending in 。).
RECORD_RECIPIENT = lazyre.compile(r"^主" + SP + r"送" + SP + r"[：:]")
# A shorter number is a 份号 written short only above the 密级 or 紧急程度 it goes with (HDR-001 reports it).
_SHORT_NUMBER = lazyre.compile(r"^\d{1,3}$")


SIGNOFF = lazyre.compile(r"^" + _spaced("领导签发", "签发领导", "领导署名", "领导签字", "分管领导", "主管领导", "承办负责人",
                                        "承办责任人", "责任领导", "审核人", "签发", "签批领导") + SP + r"[：:]?")
ATTACHMENT_HEAD = lazyre.compile(r"^附" + SP + r"件" + SP + r"(?P<num>\d*)$")
PAREN_LINE = lazyre.compile(r"^[（(].*[）)]$")
# A numbered item of an 附件说明 (1.… 2.2019年…): unlike HEADING3, a figure may follow the mark.
ATTACH_ITEM = lazyre.compile(r"^\d{1,2}[.．、]")

_CLOSING_WORDS = lazyre.compile(
    r"特此|专此|此复|此致|敬礼|顺祝|敬祝|祝(?:您|你|愿|各位)|函复|函告|函商|函询|为盼|为荷|妥否|请批示|请审批|请予|请即复函|感谢|谢谢|致谢|敬请|恳请"
    r"|希望.{0,40}(?:支持|关心|关注|意见|建议|监督|指导)|欢迎.{0,30}(?:意见|建议|指导|监督)|多提宝贵意见"
    # A reply that ends by asking for the addressee's view of it (以上答复…您对此有何意见，请填写回执).
    r"|有何意见|如有(?:不同)?意见|如有疑问|意见回执|答复函回执"
)
# Apart from the words above: an anchor (^) in that alternation would make Python's re try every branch at
# every position of every line of the text, eight times slower.
_CLOSING_OPENING = lazyre.compile(r"以上(?:答复|意见|复函)")


def _has_closing_words(s: str) -> bool:
    """``s`` holds the words of a closing formula (特此函复, 感谢……支持, 以上答复……)."""
    return _CLOSING_WORDS.search(s) is not None or s.startswith("以上") and _CLOSING_OPENING.match(s) is not None
# A sentence ends at these marks; a closing formula stands in the last sentence
# of its paragraph, or the paragraph is the formula alone (one or two sentences).
SENTENCE_END = lazyre.compile(r"[。！？!?]+(?=.)")
# 注：… is a labelled 附注 (a disclosure mark is often written so: 注：此件主动公开).
NOTE_LABEL = lazyre.compile(r"^[（(]?" + SP + r"(?:附" + SP + r")?注" + SP + r"[：:]")
# The opening sentence of a text ends with a colon too ("……收悉，现答复如下："):
# it announces the text and addresses nobody (…作如下决定： too).
OPENING_SENTENCE = lazyre.compile(r"收悉|如下[\u4e00-\u9fff]{0,4}\s*[：:]$|现将|现就|现予|经研究|为做好|根据")
SENTENCE_PUNCT = lazyre.compile(r"[。，；！？!?;,]")
_TITLE_OPENERS = ("关于", "对", "转发", "印发")
TITLE_START = lazyre.compile("^(?:" + "|".join(_TITLE_OPENERS) + ")")
TITLE_ORG_THEN = lazyre.compile(r"^[\u4e00-\u9fff（）()]{2,30}?(?:关于|对于|对)")


_HEADER_GLUE = lazyre.compile(r"[\s\u3000·、，,：:]+")
_TITLE_BREAK = lazyre.compile(r"[。：:；;]")
_NOT_SALUTATION = lazyre.compile(r"[。；;：:？?]")
_NOT_CLASS_LIST = lazyre.compile(r"[。；;！？!?：:]")
_NOT_SIGNATURE = lazyre.compile(r"[：:。（(]")
_CONTACT_VALUE = lazyre.compile(r"[：:]|\d{5,}")


def _compact(text: str) -> str:
    # Four replacements, not str.translate: a translate table is looked up per character (16 times slower).
    if " " in text or "\u3000" in text or "\t" in text or "\u00a0" in text:
        return text.replace(" ", "").replace("\u3000", "").replace("\t", "").replace("\u00a0", "")
    return text  # most lines


# How strongly a line's own evidence speaks for a kind (see parse.read).
STRONG, WEAK, FALLBACK = 2, 1, 0

# The strength and evidence of a kind when nothing more specific is said.
_DEFAULT_EVIDENCE = {
    "copy_number": (WEAK, "版头中只有数字的一行"),
    "secrecy": (STRONG, "密级词（绝密、机密、秘密）"),
    "urgency": (STRONG, "紧急程度词（特急、加急）"),
    "org_mark": (STRONG, "以“文件”结尾的发文机关标志"),
    "doc_number": (STRONG, "发文字号（代字〔年份〕序号号）"),
    "signer": (STRONG, "标注“签发人”"),
    "answer_class": (STRONG, "答复类别标注"),
    "disclosure": (STRONG, "公开属性标注"),
    "title": (WEAK, "标题形式（关于……、以文种结尾）"),
    "issue_number": (STRONG, "标题下的期号（第N期、第N次、〔年份〕N期）"),
    "case_heading": (WEAK, "版头之上点明第N号建议/提案的标题行"),
    "recipient": (WEAK, "以冒号结尾的称呼行"),
    "paragraph": (FALLBACK, "没有其他依据"),
    "heading1": (FALLBACK, "以“一、”开头"),
    "heading2": (FALLBACK, "以“（一）”开头"),
    "heading3": (FALLBACK, "以“1.”开头"),
    "heading4": (FALLBACK, "以“（1）”开头"),
    "closing": (FALLBACK, "结束语用语（特此、此复、感谢……）"),
    "attachment_note": (STRONG, "标注“附件：”"),
    "attendance": (WEAK, "标注“出席：/列席：/请假：”的名单"),
    "meeting_info": (WEAK, "标注“时间：/地点：”的会议信息"),
    "signature": (WEAK, "成文日期之上的机关名称"),
    "date": (STRONG, "完整的年月日"),
    "note": (WEAK, "成文日期之后的括注"),
    "contact": (STRONG, "标注“联系人/电话”"),
    "signoff": (STRONG, "标注“领导签发/分管领导”"),
    "attachment": (STRONG, "单独一行的“附件N”"),
    "attachment_text": (FALLBACK, "成文日期之后的文字"),
    "copy_to": (STRONG, "标注“抄送：”"),
    "record_recipient": (STRONG, "标注“主送：”、以句号结尾（版记中的主送机关）"),
    "print_line": (STRONG, "印发机关和印发日期"),
}


class Unit(Record):
    """One token for the grammar: its kind and the parts it carries.

    ``alts`` are the other kinds the same lines' evidence allows; the reading
    in ``parse.py`` chooses among the unit and its alternatives.
    """

    kind: str
    lines: list[Line]
    extra: list[Part]                                # more parts on the same line(s)
    fields: dict
    strength: int                 # STRONG / WEAK / FALLBACK; -1: the kind's default
    evidence: str
    alts: list[Unit]
    terminal: str                 # the grammar's terminal when not the kind's own (TITLE_DATE)

    _fields = ("kind", "lines", "extra", "fields", "strength", "evidence", "alts", "terminal")
    __slots__ = _fields  # a letter makes a few of these per line

    def __init__(self, kind, lines, extra=None, fields=None, strength=-1, evidence="", alts=None, terminal=""):
        self.kind = kind
        self.lines = lines
        self.extra = [] if extra is None else extra
        self.fields = {} if fields is None else fields
        self.strength = strength
        self.evidence = evidence
        self.alts = [] if alts is None else alts
        self.terminal = terminal

    def settle(self) -> Unit:
        """Fill in the strength and evidence of its kind where nothing more specific was said."""
        strength, evidence = _DEFAULT_EVIDENCE.get(self.kind, (WEAK, ""))
        if self.strength < 0:
            self.strength = strength
        if not self.evidence:
            self.evidence = evidence
        for alt in self.alts:
            alt.settle()
        return self

    @property
    def line(self) -> int:
        return self.lines[0].number

    def part(self) -> Part:
        return Part(self.kind, self.lines, fields=dict(self.fields))


# --- header lines --------------------------------------------------------------


def header_parts(line: Line) -> list[Part]:
    """The 版头 marks on one line: 发文字号, 签发人, 答复类别, 公开属性 (any of them, any order)."""
    text = line.text
    # Each mark below is looked for only where the characters it cannot do without are on the line.
    hint = _DOCNUM_HINT.search(text)
    docnum = hint is not None and _DOCNUM_YEAR.search(text, hint.start()) is not None
    hao = "号" in text
    signed = "签" in text
    classed = "类" in text or "结" in text
    disclosed = "公开" in text
    if not (docnum or hao or signed or classed or disclosed):
        return []  # most lines of a letter
    parts: list[Part] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start: int, end: int, **fields) -> None:
        # Trim padding inside the match so the span covers characters only.
        while start < end and text[start] in PAD:
            start += 1
        while end > start and text[end - 1] in PAD:
            end -= 1
        parts.append(Part(kind, [line], start=start, end=end, fields=fields))
        taken.append((start, end))

    def free(m: re.Match) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    # DOCNUM tries every character as the start of a 机关代字; begin near the bracket.
    m = DOCNUM.search(text, max(0, hint.start() - 24)) if docnum else None
    if m and (m.group("code") or m.group("open") in "〔【[［﹝〖"):
        add("doc_number", m.start(), m.end(), **m.groupdict(""))  # code, open, year, close, di, seq, hao
    elif hao and _YEAR_HINT.search(text) and (b := DOCNUM_BARE.search(text)):
        add("doc_number", b.start(), b.end(), code=b.group("code"), open="", year=b.group("year"),
            close="", di=b.group("di"), seq=b.group("seq"), hao=b.group("hao"), bare=True)
    m = SIGNER.search(text) if signed else None
    if m and not free(m) and taken and m.start() < taken[0][0]:
        m = SIGNER.search(text, 0, taken[0][0])  # 签发人：张明　　示交〔2024〕12号: the names end before the number
    if m and free(m):
        add("signer", m.start(), m.end(), colon=m.group("colon"), names=m.group("names").strip(PAD))
    for rx, present in ((CLASS_LABELLED, classed), (CLASS_GLUED, classed and "类" in text), (CLASS_AFTER_DOCNUM, hao)):
        if not present:
            continue
        m = rx.search(text)
        if m and free(m):
            add("answer_class", m.start(), m.end(), mark=m.group("cls"))
            break
    m = DISCLOSURE.search(text) if disclosed else None
    if m and free(m):
        add("disclosure", m.start(), m.end(), mark=m.group("mark"))
    parts.sort(key=lambda p: p.start or 0)
    return parts


# _is_header_line's answers during one classify() (each line is asked as itself and as a neighbour), by the
# line object's id with the object itself, so that a line made for a moment never takes another's answer.
_HEADER_LINES: dict[int, tuple[Line, list[Part] | None]] = {}


def _is_header_line(line: Line) -> list[Part] | None:
    """The header parts of a line that holds nothing else, or None."""
    known = _HEADER_LINES.get(id(line))
    if known is not None and known[0] is line:
        return known[1]
    parts = _header_line(line)
    _HEADER_LINES[id(line)] = (line, parts)
    return parts


def _header_line(line: Line) -> list[Part] | None:
    s = line.stripped
    if len(s) > 80:
        return None
    m = (CLASS_ALONE.match(s) or CLASS_BRACKETED.match(s)) if s[:1] in _CLASS_FIRST else None
    if m:
        off = line.indent
        return [Part("answer_class", [line], start=off, end=off + len(s), fields={"mark": m.group("cls")})]
    parts = header_parts(line)
    if not parts:
        return None
    rest = line.text
    for p in sorted(parts, key=lambda p: -(p.start or 0)):
        rest = rest[: p.start] + rest[p.end:]
    leftover = _HEADER_GLUE.sub("", rest)
    if leftover and not (len(leftover) <= 4 and parts[0].kind == "signer"):
        return None
    return parts


# The name of the last of several 签发人, set apart at the right end of the 发文字号's line.
_LAST_SIGNER = lazyre.compile("(?<=[" + PAD + "]{2})(?P<name>[\u4e00-\u9fff·]{2,5})[" + PAD + "]*$")


def _has_signer(unit: Unit) -> bool:
    return unit.kind == "signer" or any(p.kind == "signer" for p in unit.extra)


def _docnum_with_last_signer(line: Line) -> list[Part] | None:
    """A 发文字号 with the last 签发人's name at the right end of its line (示农请〔2024〕5号　　　王某某).

    GB/T 9704 7.2.5/7.2.6: with several 签发人 the 发文字号 stands on the line of the last one; read
    only below a 签发人 line, where a name alone at the end of the line can mean nothing else.
    """
    if len(line.stripped) > 60 or not _DOCNUM_HINT.search(line.text):
        return None
    m = _LAST_SIGNER.search(line.text)
    if m is None:
        return None
    head = Line(line.number, line.text[: m.start()])
    parts = _is_header_line(head)
    if not parts or [p.kind for p in parts] != ["doc_number"]:
        return None
    name = Part("signer", [line], start=m.start("name"), end=m.end("name"),
                fields={"colon": "", "names": m.group("name"), "continued": True})
    return [Part(p.kind, [line], start=p.start, end=p.end, fields=p.fields) for p in parts] + [name]


# More 签发人 names on a line of their own, below the 签发人 line (GB/T 9704 7.2.5: names wrap onto
# the next line, aligned under the first name).
_SIGNER_NAMES = lazyre.compile("^[\u4e00-\u9fff·]{2,5}(?:[" + PAD + "]+[\u4e00-\u9fff·]{2,5})?$")


def _signer_names(line: Line) -> Unit | None:
    """A line that only carries more 签发人 names (read below a 签发人 line only)."""
    s = line.stripped
    if not _SIGNER_NAMES.match(s) or ORG_SUFFIX.search(_compact(s)) or title_doctype(_compact(s)):
        return None
    start = line.indent
    return Unit("signer", [line], fields={"colon": "", "names": s, "continued": True, "start": start,
                                          "end": start + len(s)}, evidence="签发人行下另起一行的签发人姓名")


def _signer_after_date(line: Line) -> Unit | None:
    """签发人：××× alone on a line after the 成文日期: the sign-off of the letter, as 领导签发：×××.

    The rule catalogue (3.2 h) has the reply's 领导签发： after the date and the 签发人 of GB/T 9704
    7.2.6 in the 版头; 签发人： written after the date is the local form of the former, so it is read as
    a sign-off (with the 版头's 签发人 as the other candidate, for the grammar to weigh), not as a
    版头 mark out of place.
    """
    parts = _is_header_line(line) if "签" in line.text else None
    if not parts or [p.kind for p in parts] != ["signer"]:
        return None
    as_signer = _unit_from_header(parts)
    return Unit("signoff", [line], evidence="成文日期之后的“签发人：”（领导签发）", alts=[as_signer])


def _unit_from_header(parts: list[Part]) -> Unit:
    priority = ("doc_number", "signer", "answer_class", "disclosure")
    primary = min(parts, key=lambda p: priority.index(p.kind))
    unit = Unit(primary.kind, primary.lines, extra=[p for p in parts if p is not primary], fields=primary.fields)
    unit.fields = dict(primary.fields, start=primary.start, end=primary.end)
    return unit


# --- the whole letter ------------------------------------------------------------


ISSUE_NUMBER = lazyre.compile(r"^[（(〔]?" + SP + r"(?:(?:\d{4}" + SP + r"年|〔" + SP + r"\d{4}" + SP + r"〕)" + SP
                              + r")?第?" + SP + r"[0-9０-９一二三四五六七八九十百零〇]{1,6}" + SP + r"[期次]" + SP
                              + r"[）)〕]?$")


def _is_issue_number(s: str) -> bool:
    """``s`` (stripped) is a 期号 (第3期, 2024年第5次): ISSUE_NUMBER, asked only where its 期 or 次 stands."""
    return ("期" in s or "次" in s) and ISSUE_NUMBER.match(s) is not None


# A status in brackets on the line under a title (（征求意见稿）, （试行）): the end of the title.
_TITLE_QUALIFIER = lazyre.compile(r"^[（(]" + SP + r"(?:征求意见稿|送审稿|修订草案|草案|试行|暂行|修订稿|修改稿|讨论稿"
                                  r"|代拟稿|审议稿|报批稿)" + SP + r"[）)]$")
# The 题注 of a document adopted or approved by a meeting: （2024年6月28日……会议通过）.
_ADOPTED = lazyre.compile(r"^[（(]" + SP + DATE_IN_LINE + r"[^（(）)]{2,80}?(?:通过|批准|公布|发布|修订|修正)"
                          + r"[^（(）)]{0,40}[）)]$")
# A 纪要's issuer and date on one line under its title: 示例县人民政府办公室　　　2024年5月10日.
_ISSUER_DATE = lazyre.compile(r"^(?P<org>[^" + PAD + r"].{1,38}?)[" + PAD + r"]{2,}" + DATE_IN_LINE + r"$")


# The heading of a reply that names the 建议/提案 it answers, at the top above the organ's name and the
# 发文字号 (政协示例市委员会第三届第二次会议 / 第0215号提案答复), on one line or wrapped over two.
CASE_HEADING = lazyre.compile(r"^(?P<meeting>[\u4e00-\u9fff（）()0-9０-９]{2,40}?会议)?(?:[（(〔]?)(?P<number>第[0-9０-９]{1,6}号)"
                              r"(?:[）)〕]?)(?P<case>代表建议|建议|提案|议案|意见)(?:的)?(?P<doctype>答复函|答复|复函|办理答复|办理情况)?$")


# The 发文机关标志 of a 命令（令）: the organ's full name and 令 or 命令 (GB/T 9704 10.3).
_ORDER_MARK = lazyre.compile(r"^(?P<org>[\u4e00-\u9fff（）()]{2,30}?)(?:命令|令)$")


def _order_header(nb: list[Line], i: int) -> list[Unit] | None:
    """``<organ>令`` alone on a line with its 令号 (第N号) alone on the next: 发文机关标志 and 发文字号.

    GB/T 9704 10.3: the 令号 stands centred below the 标志 in place of the 发文字号; without the 令号 below
    it the line is left to be read as a title (a web copy of a 令 may start so).
    """
    if i + 1 >= len(nb) or not nb[i].stripped.endswith("令"):
        return None
    m = _ORDER_MARK.match(_compact(nb[i].stripped))
    n = ORDER_NUMBER.match(nb[i + 1].stripped)
    if m is None or n is None or not ORG_SUFFIX.search(m.group("org")):
        return None
    fields = {"form": "令号", "di": n.group("di"), "seq": n.group("seq"), "hao": n.group("hao")}
    return [Unit("org_mark", [nb[i]], evidence="发文机关全称加“令”（其下是令号）"),
            Unit("doc_number", [nb[i + 1]], fields=fields, evidence="发文机关标志“……令”下的令号（第N号）")]


def _case_heading(nb: list[Line], i: int) -> Unit | None:
    """A heading naming the 建议/提案 at ``nb[i]`` (one or two lines), if the 版头 goes on below it."""
    pair = nb[i].text + (nb[i + 1].text if i + 1 < len(nb) else "")
    if "第" not in pair or "号" not in pair:
        return None  # the heading names the 建议/提案 by its number (第N号), on its line or the next
    for size in (1, 2):
        if i + size >= len(nb):
            return None
        lines = nb[i:i + size]
        c = _compact("".join(ln.stripped for ln in lines))
        m = None if TITLE_START.match(c) or TITLE_ORG_THEN.match(c) else CASE_HEADING.match(c)  # 关于…/对…: a title
        if m is None or not m.group("meeting") and not m.group("doctype"):
            continue
        below = i + size
        if _organ_run(nb, below) or _is_header_line(nb[below]) is not None:
            fields = {k: v for k, v in m.groupdict().items() if v}
            return Unit("case_heading", lines, fields=fields,
                        alts=[Unit("title", lines, evidence="标题形式（第N号建议/提案答复）")])
    return None


def _title_date(line: Line) -> Unit | None:
    """The date a document carries right under its title, as its 成文日期 (条例 第九条（十二）: a document
    adopted by a meeting is dated by the meeting), or None."""
    s = line.stripped
    if not s or "日" not in s:
        return None
    extra: list[Part] = []
    m = _ADOPTED.match(s)
    evidence_ = "标题下题注中的会议通过日期"
    if m is None:
        m = _ISSUER_DATE.match(s)
        if m is None or not _is_org_signature(m.group("org")):
            return None
        off = line.indent
        extra.append(Part("signature", [line], start=off + m.start("org"), end=off + m.end("org")))
        evidence_ = "标题下同一行的发文机关和日期"
    off = line.indent
    fields = date_fields(m.group("date")) or {}
    fields.update(start=off + m.start("date"), end=off + m.end("date"))
    return Unit("date", [line], extra=extra, fields=fields, evidence=evidence_, terminal="TITLE_DATE")


def _wrapped_adoption_note(nb: list[Line], i: int) -> Unit | None:
    """The adoption 题注 wrapped over two or three lines under a title (（2024年8月28日……常务委员会 /
    第二十次会议通过）): the date on its first line is the document's date."""
    first = nb[i].stripped
    if not first.startswith(("（", "(")) or "）" in first or ")" in first or "日" not in first:
        return None
    for k in range(i + 1, min(i + 3, len(nb))):
        if not nb[k].stripped.endswith(("）", ")")):
            continue
        joined = "".join(ln.stripped for ln in nb[i:k + 1])
        m = _ADOPTED.match(joined)
        if m is None or m.end("date") > len(first):
            return None
        off = nb[i].indent
        fields = date_fields(m.group("date")) or {}
        fields.update(start=off + m.start("date"), end=off + m.end("date"))
        return Unit("date", nb[i:k + 1], fields=fields, evidence="标题下题注中的会议通过日期（题注分行）",
                    terminal="TITLE_DATE")
    return None


def _organ_run(nb: list[Line], i: int) -> int:
    """How many lines from ``nb[i]`` make a 发文机关标志 of organ names, one per line, or 0.

    The names must be followed by a mark of the 版头 (the 发文字号 of 信函格式), or the last of
    them end in 文件 (示例市教育局 / 示例市财政局文件): a name alone is not evidence enough.
    """
    k = i
    while k < len(nb) and k - i < 6 and _is_org_signature(nb[k].stripped):
        k += 1
    if k == i:
        return 0
    below = nb[k].stripped if k < len(nb) else ""
    if below.endswith("文件") and len(below) <= 40 and not SENTENCE_PUNCT.search(below):
        return k - i + 1
    if k == i + 1 == 1 and k < len(nb) and not nb[i].stripped.endswith(("、", "和", "及", "与")) \
            and _whole_title_line(nb[k].stripped):
        return 1  # 信函格式: the organ's name alone over the title (示例市教育局 / 示例市教育局关于……的函)
    return k - i if k < len(nb) and _is_header_line(nb[k]) is not None else 0


def _whole_title_line(s: str) -> bool:
    """A line that is a whole title by itself, issuer and all (示例市教育局关于……的通知): the organ's name
    above it is no part of it (a title wrapped after the name goes on with 关于……)."""
    c = _compact(s).removesuffix("。")  # a stray full stop after it is TITLE-002's
    return len(c) <= 80 and not TITLE_START.match(c) and _ABOUT_WORD.search(c) is not None and _title_complete(c) \
        and not SENTENCE_PUNCT.search(c)


_ISSUER_GAP = lazyre.compile(r"[ \u3000、和]+")


# The number of a 公告 or 通告 under its title (第3号, 〔2024〕第1号, 2024年第1号): a running number of the
# announcements, not a 发文字号 (no 代字; the 第 belongs to it).
_ANNOUNCEMENT_NUMBER = lazyre.compile(r"^[（(]?(?:〔\d{4}〕|\d{4}年)?第[0-9０-９]{1,6}号[）)]?$")


def _minutes_mark(nb: list[Line], i: int) -> Unit | None:
    """A 纪要标志 (示例市人民政府 / 专题会议纪要), or the organ's name alone, over its 期号: the 版头 of a
    纪要 whose own title follows (GB/T 9704-2012 10.3).  Offered after the title reading: a 纪要 without a
    title of its own is named by it."""
    for k in (1, 2):
        if i + k >= len(nb) or not _is_issue_number(nb[i + k].stripped):
            continue
        c = "".join(_compact(x.stripped) for x in nb[i:i + k])
        if len(c) <= 40 and not SENTENCE_PUNCT.search(c) and not _ABOUT_WORD.search(c) \
                and (c.endswith("纪要") or k == 1 and _is_org_signature(c)):
            return Unit("org_mark", nb[i:i + k], strength=WEAK, evidence="纪要标志或机关名称（其下是期号）")
    return None


_ABOUT_WORD = lazyre.compile(r"关于|对于")


def _issuer_list(s: str) -> bool:
    """A line that only names organs (示例市教育局　示例市财政局): the issuers heading a joint title."""
    names = [x for x in _ISSUER_GAP.split(s.strip(PAD)) if x]
    return 0 < len(names) <= 8 and len(s) <= 100 and all(len(x) <= 30 and ORG_SUFFIX.search(x) for x in names)


def _looks_like_title(s: str, nxt: str | None) -> bool:
    c = _compact(s).rstrip("。.，,；;！!")
    if len(c) > 80 or not c:
        return False
    if c.endswith(("：", ":")):
        return False
    if TITLE_START.match(c) or TITLE_ORG_THEN.match(c):
        return True
    if _may_end_title(c) and title_doctype(c) and len(c) <= 60 and not SENTENCE_PUNCT.search(c):
        return True
    # An issuer name alone above a 关于… line starts the title.
    if nxt is not None and TITLE_START.match(_compact(nxt)) and (ORG_SUFFIX.search(c) and len(c) <= 30 or _issuer_list(s)):
        return True
    return False


_HAN = lazyre.compile("[\u4e00-\u9fff]")


def _wrapped_title(nb: list[Line], i: int) -> int:
    """How many lines (2-4) a title wrapped at any point takes from ``nb[i]``, or 0.

    The lines joined must read as a whole title (关于…的答复, …局对…提案的答复),
    each line short and none ending a sentence or a label; a comma inside the
    title is allowed (关于增加车位，解决“停车难”建议的答复).
    """
    end = min(i + 4, len(nb))
    if _breaks_title(nb[i].stripped):
        return 0
    for k in range(i + 1, end):
        s = nb[k].stripped
        if _breaks_title(s):
            return 0  # a line that no title goes on into, before any line that may end one
        if _may_end_title(s):
            break
    else:
        return 0  # no line below can end a 文种 word (most lines)
    joined = ""
    for k in range(i, end):
        s = nb[k].stripped
        if _breaks_title(s) or not _HAN.search(s) or _is_header_line(nb[k]) is not None or _is_issue_number(s):
            return 0  # a line without a Chinese character (0017, a figure) does not wrap a title
        joined += s
        if k > i and _may_end_title(s) and _title_complete(joined) and _looks_like_title(joined, None) \
                and "。" not in joined:
            return k - i + 1
    return 0


def _breaks_title(s: str) -> bool:
    """The cheap half of the test below: no title is wrapped over the line ``s`` (stripped)."""
    return len(s) > 40 or s.startswith(("（", "(", "〔", "【", "[")) or _TITLE_BREAK.search(s) is not None


@memo(4096)
def _title_complete(text: str) -> bool:
    return title_doctype(_compact(text)) is not None  # title_doctype sets a stray mark after the 文种 aside


# The last characters of the 文种 words (函, 复, 知 …) and of a bracketed status after one (（试行）).
_TITLE_LAST = frozenset(word[-1] for word in ENDING_WORDS) | frozenset("）)")
_TITLE_TAIL_MARKS = PAD + "。.，,；;：:！!？?、"


def _may_end_title(s: str) -> bool:
    """A title may end with the line ``s``: its last character (stray marks aside) ends a 文种 word.

    A cheap test before joining lines to ask ``_title_complete``: False only where no text ending with
    ``s`` names a 文种 (most lines of a letter).
    """
    last = s[-1:]
    if last in _TITLE_LAST or not last:
        return True
    if last not in _TITLE_TAIL_MARKS:
        return False  # the common case: a line ending in any other character
    t = s.rstrip(_TITLE_TAIL_MARKS)
    return not t or t[-1] in _TITLE_LAST


def _title_continues(line: Line) -> bool:
    s = line.stripped
    c = _compact(s)
    return (0 < len(c) <= 40 and not c.endswith(("：", ":")) and not SENTENCE_PUNCT.search(c.rstrip("。.，,；;！!？?"))
            and _is_header_line(line) is None and not HEADING1.match(c) and not HEADING2.match(c)
            and not _minutes_head(s))


def _is_recipient(s: str) -> bool:
    c = s.strip(PAD)
    if not c.endswith(("：", ":")) or len(c) > 120:
        return False
    if CONTACT.match(c) or COPY_TO.match(c) or ATTACHMENT_NOTE.match(c) or SIGNER.match(c) or SIGNOFF.match(c):
        return False
    return "。" not in c and not OPENING_SENTENCE.search(c)


_LIST_GOES_ON = "，、,；;"  # the marks a line of a wrapped list of organs ends with


def _wrapped_recipient(nb: list[Line], i: int) -> int | None:
    """How many lines a long 主送机关 list wrapped over (各县（市、区）人民政府，市政府各部门，/ 各直属机构：), or None."""
    first = nb[i].stripped
    if first[-1] not in _LIST_GOES_ON or "。" in first:
        return None
    joined = first
    for k in range(i + 1, min(i + 3, len(nb))):
        joined += nb[k].stripped
        if joined.endswith(("：", ":")):
            return k - i + 1 if _is_recipient(joined) and len(joined) <= 200 else None
        if not joined.endswith(("，", "、", ",", "；", ";")):
            return None
    return None


_RUN_IN = lazyre.compile(r"^(?P<who>[^：:，,。；;、（(“\s]{2,30}?)(?P<colon>[：:])(?P<rest>\S.{5,})$")


def _run_in_salutation(line: Line) -> Unit | None:
    """A salutation run into the first paragraph (王某代表：您提出的……): the 称呼, with the text as a part of its own."""
    m = _RUN_IN.match(line.stripped)
    if not m:
        return None
    who = m.group("who")
    if not (ADDRESSEE_SUFFIX.search(who) or ORG_SUFFIX.search(who)) or OPENING_SENTENCE.search(who) \
            or CONTACT.match(who) or COPY_TO.match(who) or SIGNOFF.match(who) or ATTACHMENT_NOTE.match(who + "："):
        return None
    off = line.indent
    rest = off + m.start("rest")
    text = Part("paragraph", [line], start=rest, end=len(line.text.rstrip(PAD)))
    return Unit("recipient", [line], extra=[text], evidence="句首的称呼（后接正文）",
                fields={"colon": m.group("colon"), "start": off, "end": off + m.end("colon")})


_LIST_COMMA = lazyre.compile(r"[，,、]")
_CLASS_COMMA = lazyre.compile(r"[，,]")


def _is_recipient_wrong_mark(s: str) -> bool:
    """A salutation closed with a comma, a semicolon or an exclamation mark instead of the colon (示例市公安局，)."""
    c = s.strip(PAD)
    if not c.endswith(("，", ",", "！", "!", "；", ";")) or len(c) > 40 or _NOT_SALUTATION.search(c[:-1]):
        return False
    core = _compact(c[:-1])
    last = _LIST_COMMA.split(core)[-1]
    return bool(ADDRESSEE_SUFFIX.search(last) or ORG_SUFFIX.search(last))


def _is_recipient_without_colon(s: str) -> bool:
    c = s.strip(PAD)
    if not c or c.endswith("："):
        return False
    core = _compact(c)
    if len(c) <= 40 and not SENTENCE_PUNCT.search(c):
        return bool(ADDRESSEE_SUFFIX.search(core) or ORG_SUFFIX.search(core)
                    or ("、" in core or "各" in core) and core.endswith(_GROUP_SUFFIXES))  # 市直各部门
    # Classes of addressees separated by commas (各镇、乡人民政府，县政府直属各单位):
    # every class must end like a body of the state.
    if len(c) > 120 or _NOT_CLASS_LIST.search(c):
        return False
    classes = [x for x in _CLASS_COMMA.split(core) if x]
    return len(classes) > 1 and all(ORG_SUFFIX.search(x) or x.endswith(_GROUP_SUFFIXES) for x in classes)


_GROUP_SUFFIXES = ("部门", "单位", "机构", "企业", "人民政府")


def _organ_classes(s: str) -> int:
    """How many classes of organs a line lists, separated by commas (0 unless every piece names organs)."""
    c = _compact(s.strip(PAD))
    if not c or len(c) > 120 or _NOT_CLASS_LIST.search(c):
        return 0
    classes = [x for x in _CLASS_COMMA.split(c) if x]
    ok = all(ORG_SUFFIX.search(x) or x.endswith(_GROUP_SUFFIXES) for x in classes)
    return len(classes) if ok else 0


@memo(4096)
def _is_signature(s: str) -> bool:
    c = s.strip(PAD)
    if ANSWERED_BY.match(c):
        return True
    if "此页无正文" in c:
        return False
    if not c or len(c) > 40 or SENTENCE_PUNCT.search(c) or _NOT_SIGNATURE.search(c) and not _second_name(c) \
            or not _HAN.search(c):
        return False  # a name has a Chinese character: 〔B〕 or 2024 is no 署名
    if HEADING1.match(c) or HEADING2.match(c) or ATTACH_ITEM.match(c) or CONTACT.match(c) or SIGNOFF.match(c):
        return False
    return not DATE_CN.match(c) and not DATE_NUMERIC.match(c)


# An organ with its second name in brackets (中共示例市委组织部（示例市公务员局）): one organ, two names.
_SECOND_NAME = lazyre.compile(r"^(?P<first>[^：:。（(]{2,30})[（(](?P<second>[^：:。（()）]{2,20})[）)]$")


def _second_name(c: str) -> bool:
    m = _SECOND_NAME.match(c)
    return m is not None and ORG_SUFFIX.search(m.group("first")) is not None \
        and ORG_SUFFIX.search(m.group("second")) is not None


@memo(4096)
def _is_org_signature(s: str) -> bool:
    return _is_signature(s) and (ORG_SUFFIX.search(_compact(s)) is not None or ANSWERED_BY.match(s.strip(PAD)) is not None)


def date_fields(s: str) -> dict | None:
    c = s.strip(PAD)
    if not c or not (c[0].isdigit() or c[0] in CN_DIGIT):
        return None  # both forms open with the year's first digit
    m = DATE_CN.match(c)
    if m:
        return {"y": m.group("y"), "m": m.group("m"), "d": m.group("d"), "form": "cn"}
    m = DATE_NUMERIC.match(c)
    if m:
        return {"y": m.group("y"), "m": m.group("m"), "d": m.group("d"), "form": "numeric", "sep": m.group("sep")}
    return None


# The characters a heading's 序号 can start with (HEADING1 … HEADING4), but the digits (str.isdigit).
_HEADING_FIRST = frozenset("（(" + CN_NUM)


def _body_kind(s: str) -> tuple[str, dict]:
    c = s.strip(PAD)
    if c[:1] not in _HEADING_FIRST and not c[:1].isdigit():
        return "paragraph", {}  # no 序号 can start here: spare the four patterns (most lines of the text)
    for kind, rx in (("heading2", HEADING2), ("heading4", HEADING4), ("heading1", HEADING1), ("heading3", HEADING3)):
        m = rx.match(c)
        if m:
            if kind == "heading1" and m.group("num") == "十" and m.group("punct") not in "、":
                continue  # "十，" is not a heading marker, and rarely text starts so
            return kind, {k: v for k, v in m.groupdict().items() if v is not None}
    return "paragraph", {}


# The first characters the labels of _tail_kind can start with (a bracket: a contact line in brackets).
_TAIL_FIRST = frozenset("抄分报送领签主承责审联电手经传邮通地职会协（(")


@memo(4096)
def _tail_kind(s: str) -> str | None:
    """Kinds recognised by their label wherever they stand (so misplaced ones are caught)."""
    c = s.strip(PAD)
    if c[:1] not in _TAIL_FIRST:
        return None
    if COPY_TO.match(c) and (COPY_TO.match(c).group("colon") or len(c) <= 60):
        return "copy_to"
    if COPY_TO_STRICT.match(c):
        return "copy_to"
    if c[0] == "主" and RECORD_RECIPIENT.match(c) and c.endswith(("。", "，", "、")):  # ，、: wrapped
        return "record_recipient"
    if SIGNOFF.match(c) and len(c) <= 60 and not c.startswith(("签发人",)):
        return "signoff"
    if CONTACT.match(c) and len(c) <= 120 and (_CONTACT_VALUE.search(c) or len(c) <= 12):
        return "contact"
    return None


# A separator typed as characters (GB/T 9704 7.2.7 红色分隔线, 7.4.1 版记 lines in a text export): no part.
_RULE_CHARS = "─━—―-_=＝－～~·‐‑‒–"
_RULE_LINE = lazyre.compile("^[" + lazyre.escape(_RULE_CHARS) + "]{4,}$")


def classify(lines: list[Line]) -> list[list[Unit]]:
    """The candidates of a letter, by the non-blank line each starts at (a lattice for ``parse.read``).

    Every candidate comes from local evidence: the lines it covers and their
    neighbours, never from where it stands in the letter.  The text reading
    (a paragraph, a heading, attachment text) is offered at every line whose
    own evidence is not strong; which candidates stand is the grammar's choice.
    """
    nb = [ln for ln in lines if ln.stripped and not (ln.stripped[0] in _RULE_CHARS and _RULE_LINE.match(ln.stripped))]
    _HEADER_LINES.clear()
    above_date = _above_date(nb)
    lattice = []
    for i in range(len(nb)):
        cands = _candidates(nb, i, above_date)  # settled: each has its strength and evidence
        for unit in cands:
            if unit.alts or unit.kind == "signoff":
                cands = _with_alternatives(cands)
                break
        lattice.append(cands)
    # A unit wrapped over several lines never takes in a line whose own evidence is strong
    # (the rows below row i are still as classified when row i is looked at).
    for i, cands in enumerate(lattice):
        for unit in cands:
            if len(unit.lines) > 1:
                cands = [u for u in cands if len(u.lines) == 1 or not _strong_other(lattice, i, u)]
                if not cands:  # it was the line's only reading: the line is text
                    cands = _text(nb[i], _body_kind(nb[i].stripped))
                break
        lattice[i] = _choosable(cands)
    return lattice


def _with_alternatives(cands: list[Unit]) -> list[Unit]:
    """The candidates followed by the other kinds their own lines allow (a 领导签发 line is also a 签发人),
    a sign-off line's contact set apart (``_split_signoff``)."""
    cands = cands + [alt for unit in cands for alt in unit.alts]
    for unit in cands:
        if unit.alts:
            unit.alts = []
        if unit.kind == "signoff":
            _split_signoff(unit)
        unit.settle()
    return cands


def _strong_other(lattice: list[list[Unit]], i: int, unit: Unit) -> bool:
    """A line that ``unit`` (starting at row ``i``) takes in has strong evidence of another kind."""
    return any(u.strength == STRONG and u.kind != unit.kind
               for row in lattice[i + 1:i + len(unit.lines)] for u in row)


def _choosable(cands: list[Unit]) -> list[Unit]:
    """The candidates the reading may choose: where one is strong, the strong ones (``parse._priced``)."""
    if len(cands) > 1:
        for unit in cands:
            if unit.strength == STRONG:
                return [u for u in cands if u.strength == STRONG]
    return cands


def _split_signoff(unit: Unit) -> None:
    """A sign-off line that goes on with the contact (领导签发：…　　联系人：…　联系电话：…): the contact is a
    part of its own on that line, as on a 抄报 line."""
    if len(unit.lines) != 1 or unit.extra or "start" in unit.fields:
        return
    line = unit.lines[0]
    text = line.text
    m = _CONTACT_INSIDE.search(text, line.indent + 3)
    if m is None:
        return
    end = m.start()
    while end > line.indent and text[end - 1] in PAD:
        end -= 1
    unit.extra = [Part("contact", [line], start=m.start(), end=len(text.rstrip(PAD)))]
    unit.fields = dict(unit.fields, start=line.indent, end=end)


def _above_date(nb: list[Line]) -> set[int]:
    """The short lines standing right above a line that is only a date (up to three): a 署名's place.

    Neighbour evidence for a 署名 that is not an organ's name (市长　王某某, a
    person's name on a reply), or whose organ name is wrapped.
    """
    marked: set[int] = set()
    for k, line in enumerate(nb):
        if "年" not in line.stripped or date_fields(line.stripped) is None:
            continue
        j = k - 1
        while j >= 0 and k - j <= 3 and _is_signature(nb[j].stripped) and not _in_attendance(nb, j, 0):
            marked.add(j)
            j -= 1
    return marked


def _text(line: Line, body: tuple[str, dict]) -> list[Unit]:
    """The text readings of a line: body text (a paragraph or a heading) or the text of an attachment.

    ``body``: ``_body_kind`` of the line.
    """
    kind, fields = body
    if kind != "paragraph":  # a heading: the grammar takes it in both places
        return [Unit(kind, [line], fields=fields, strength=FALLBACK, evidence=_DEFAULT_EVIDENCE[kind][1])]
    found = [Unit("paragraph", [line], strength=FALLBACK, evidence=_PARAGRAPH_EVIDENCE),
             Unit("attachment_text", [line], strength=FALLBACK, evidence=_ATTACHMENT_TEXT_EVIDENCE)]
    if _has_closing_words(line.stripped):
        # After a contact line only a closing formula may still stand (…联系人：… / 特此函商。).
        found.append(Unit("closing", [line], strength=FALLBACK, evidence=_CLOSING_EVIDENCE))
    return found


# The text readings are made settled (Unit.settle): a letter has many of them.
_PARAGRAPH_EVIDENCE = _DEFAULT_EVIDENCE["paragraph"][1]
_ATTACHMENT_TEXT_EVIDENCE = _DEFAULT_EVIDENCE["attachment_text"][1]
_CLOSING_EVIDENCE = _DEFAULT_EVIDENCE["closing"][1]


def _candidates(nb: list[Line], i: int, above_date: set[int]) -> list[Unit]:
    """What the units starting at ``nb[i]`` may be, by their own text and their neighbours' only.

    The order is the order of preference between candidates of equal
    strength; the text readings come last and are offered only where the
    line's own evidence is not strong.
    """
    n = len(nb)
    line = nb[i]
    s = line.stripped
    prev = nb[i - 1] if i else None
    # A full stop, question or exclamation mark inside the line makes it a sentence: no 版头 mark, title,
    # organ name, 主送 list, 题注 or list of names holds one, so those are not looked for (most lines of a text).
    plain = _SENTENCE_INSIDE.search(s, 0, len(s) - 1) is None
    nxt = nb[i + 1].stripped if i + 1 < n else None
    body = _body_kind(s)
    if _only_text(nb, i, body[0], plain, above_date):
        return _text(line, body)
    found: list[Unit] = []
    title = None
    # The line's own evidence, and the 版头 marks it holds (added to ``found`` in their turn below).
    own = evidence(line, amid_text=s[0] == "附" and _amid_text(nb, i))  # the flag matters to 附件 labels only
    if own and own[0].kind == "date" and _amid_headings(nb, i):
        own = []  # a date under a heading of the text: text
    for unit in own:  # the labelled parts that go on over the lines below
        if unit.kind == "attachment_note":
            unit.lines = nb[i:_note_end(nb, i)]
        elif unit.kind in ("copy_to", "record_recipient") and not unit.extra:
            end = i + 1
            while end < n and _continues_copy_to(Unit("copy_to", nb[i:end]), nb[end]):
                end += 1
            unit.lines = nb[i:end]
    header = None
    if plain and (parts := _is_header_line(line)) is not None and not any(u.kind in ("doc_number", "signer") for u in own):
        header = _unit_from_header(parts)
        bare = len(parts) == 1 and parts[0].kind == "answer_class" and (CLASS_ALONE.match(s) or CLASS_BRACKETED.match(s))
        if bare:
            # A bare letter (B, 〔E〕) is a class mark only beside the marks of a 版头.
            if _header_near(nb, i) or i == 0 or i + 1 < len(nb) and _title_complete(nb[i + 1].stripped) \
                    or s[0] in "〔【[":  # 〔B〕 in its brackets is a class mark wherever it stands (REPLY-002)
                header.strength, header.evidence = WEAK, "版头中单独一行的字母（答复类别）"
            else:
                header = None
    # Strong own evidence: the readings that are only ever weak are not looked for (see _settled).
    settled = _settled(own, header, prev, s)
    # A heading of the text (一、……), a date or a labelled line (联系人：, 抄送：) opens none of the units
    # wrapped over several lines either: a third of the short lines of a letter.
    if plain and not (body[0] != "paragraph" or _tail_kind(s)
                      or s[:1].isdigit() and date_fields(s)):
        if not settled and (m := SECRECY_INVALID.match(s)):
            found.append(Unit("secrecy", [line], fields={"level": m.group("level")}, strength=WEAK,
                              evidence="写在密级位置的词（不是规定的密级）"))
        # Units wrapped over several lines, recognised by the lines together.
        # Each unit below is looked for only where its first line can open it (the tests start so too).
        if s[-1] == "令" and (order := _order_header(nb, i)) is not None:
            found.append(order[0])
        elif prev is not None and prev.stripped[-1] == "令" and (order := _order_header(nb, i - 1)) is not None:
            found.append(order[1])
        if run := _organ_run(nb, i):
            found.append(Unit("org_mark", nb[i:i + run], strength=WEAK if run > 1 or not s.endswith("文件") else STRONG,
                              evidence="版头的机关名称（其下是发文字号或“文件”）"))
        if not settled and (case := _case_heading(nb, i)) is not None:
            found.append(case)
        if _is_header_line(line) is None:  # a line of 版头 marks opens no title
            title = _title_at(nb, i)
        if title is not None:
            found.append(title)
            # A whole title on one line (关于……＋文种) is as settled as a label: it takes in no line below.
            settled = settled or len(title.lines) == 1 and any(u.kind == "title" and u.strength == STRONG for u in own)
        if not settled and (minutes := _minutes_mark(nb, i)) is not None:
            found.append(minutes)
        if not settled and s[-1] in _LIST_GOES_ON and (wrapped := _wrapped_recipient(nb, i)) is not None:
            found.append(Unit("recipient", nb[i:i + wrapped], fields={"colon": nb[i + wrapped - 1].stripped[-1]},
                              evidence="分行书写的主送机关（以冒号结束）"))
        if s[0] in "（(" and (adopted := _wrapped_adoption_note(nb, i)) is not None:
            found.append(adopted)
        if settled:
            pass
        elif s[0] in ATTENDANCE_FIRST and (run := _attendance_run(nb, i, n)):
            found.append(_attendance_unit(nb[i:i + run]))
        elif (info := _meeting_info(line)) is not None:
            found.append(info)
        if not settled and i + 2 < n and i + 1 in above_date and i in above_date and _wrapped_organ(s, nxt):
            found.append(Unit("signature", nb[i:i + 2], evidence="成文日期之上分两行书写的机关名称"))

    for unit in own:
        if unit.kind == "title" and title is not None:
            title.strength, title.evidence = unit.strength, unit.evidence
            continue  # the same title, with the lines that finish it
        found.append(unit)
    if header is not None:
        found.append(header)
    if plain and s[-1] in "：:" and _EMPTY_CLASS_LABEL.match(s):
        found.insert(0, Unit("answer_class", [line], fields={"mark": ""}, evidence="答复类别标注（没有填写类别）"))
    if plain and prev is not None and _header_signer(prev):
        if (parts := _docnum_with_last_signer(line)) is not None:
            found.insert(0, _unit_from_header(parts))
        elif (names := _signer_names(line)) is not None:
            found.append(names)
    signer = next((u for u in found if u.kind == "signer" and not u.extra and not u.fields.get("continued")),
                  None) if found else None
    if signer is not None and (signoff := _signer_after_date(line)) is not None:
        signoff.alts = []
        signoff.strength = STRONG
        found.append(signoff)
    if settled:
        pass  # a 份号 is weak evidence
    elif s[0].isdigit() and COPY_NUMBER.match(s):
        found.append(Unit("copy_number", [line]))
    elif i == 0 and nxt is not None and _SHORT_NUMBER.match(s) and (SECRECY.match(nxt) or URGENCY.match(nxt)):
        found.append(Unit("copy_number", [line], evidence="版头第一行、密级或紧急程度之上的数字（份号）"))
    if prev is not None and _tail_kind(prev.stripped) == "copy_to" and (m := PRINT_LINE.match(s)) \
            and not any(u.kind == "print_line" for u in found):
        found.append(Unit("print_line", [line], fields={"org": m.group("org"), "date": m.group("date"),
                                                        "printed": m.group("printed") or ""}))
    if _is_issue_number(s):
        if not settled:
            found.append(Unit("issue_number", [line], strength=WEAK))
    elif prev is not None and s[-1:] in "号）)" and _ANNOUNCEMENT_NUMBER.match(_compact(s)) \
            and title_doctype(_compact(prev.stripped)) in ("announcement", "circular"):
        found.insert(0, Unit("issue_number", [line], evidence="公告、通告标题下的编号（第N号）"))
    if settled:
        pass  # a date without its day and a 题注's date are weak evidence
    elif (df := date_fields(s)) is not None and not df["d"]:
        found.append(Unit("date", [line], fields=df, strength=WEAK, evidence="年月齐全、缺日的日期"))
    if not settled and (dated := _title_date(line)) is not None:
        dated.strength = WEAK
        found.append(dated)

    # Weak evidence: a salutation, a 署名, a note.
    if settled:
        pass
    elif _is_recipient(s) and not any(u.kind == "recipient" for u in found) and not HEADING1.match(s):
        found.append(Unit("recipient", [line], fields={"colon": s[-1]}, evidence="以冒号结尾的称呼行"))
    elif ("：" in s or ":" in s) and (run_in := _run_in_salutation(line)) is not None:
        found.append(run_in)
    elif nxt is not None and _is_recipient_wrong_mark(s):
        found.append(Unit("recipient", [line], fields={"colon": s[-1]}, evidence="以逗号、分号或叹号结尾的称呼"))
    elif nxt is not None and len(nxt) > len(s) and _is_recipient_without_colon(s) \
            and (ADDRESSEE_SUFFIX.search(_compact(s)) or _compact(s).startswith("各") or _organ_classes(s) > 1
                 or prev is not None and _heads_letter(nb, i - 1)):
        found.append(Unit("recipient", [line], fields={"colon": ""}, evidence="标题之下的机关名称（缺冒号的称呼）"))
    if _is_org_signature(s) and not any(u.kind == "signature" for u in found):
        if prev is not None and _is_date(prev.stripped) and (nxt is None or _ends_letter(nb[i + 1])):
            # An organ's name between the date and the end of the letter (or its 版记) can only be its 署名.
            found.append(Unit("signature", [line], strength=STRONG, evidence="成文日期之下、文末的机关名称（署名）"))
        elif not settled and _may_sign(nb, i):
            found.append(Unit("signature", [line], evidence="机关名称（署名）"))
    elif not settled and i in above_date and not any(u.kind in ("signature", "signoff", "contact") for u in found):
        found.append(Unit("signature", [line], evidence="成文日期之上的短行（署名）"))
    if s[0] in "（(" and PAREN_LINE.match(s) and not any(u.kind == "note" for u in found):
        unit = Unit("note", [line], strength=WEAK, evidence="括注（附注）")
        m = DISCLOSURE.search(line.text)
        if m:
            # （此件公开发布）: a 附注 that is also the 公开属性, as strong as the mark alone.
            unit.extra.append(Part("disclosure", [line], start=m.start(), end=m.end(), fields={"mark": m.group("mark")}))
            unit.strength, unit.evidence = STRONG, "括注的公开属性（附注）"
        if CONTACT.match(s.lstrip("（(")):
            unit.kind = "contact"
        found.insert(0, unit) if unit.strength == STRONG else found.append(unit)
    elif not settled and s in ("此页无正文",):
        found.append(Unit("note", [line]))

    if prev is not None and prev.stripped == s:
        for unit in found:
            if unit.kind == "recipient":  # the salutation pasted twice: a second 主送 (STRUCT-003), not text
                unit.strength, unit.evidence = STRONG, "与上一行相同的称呼行（重复的主送机关）"
    for unit in found:
        unit.settle()
    if not any(u.strength == STRONG for u in found):
        found.extend(_text(line, body))
    return found


_SENTENCE_INSIDE = lazyre.compile(r"[。！？!?]")
# The first characters of the lines that a label or a mark opens (抄送：, 附件：, 注：, 答复单位：, 密级, （…）).
_LABEL_FIRST = _TAIL_FIRST | frozenset("附注答承发办绝机秘")
# And of a date (its year) or of a word written where the 密级 stands (内部, 保密★1年).
_NOT_SENTENCE_FIRST = frozenset(CN_DIGIT) | frozenset("内保秘涉")


def _settled(own: list[Unit], header: Unit | None, prev: Line | None, s: str) -> bool:
    """The line's own evidence is strong (a label, a 发文字号, a date, …), so its weak readings need not be looked for.

    Where a line has a strong candidate, the reading chooses among its strong
    ones only (``parse._priced``): a weak one there could never be chosen.
    Only a candidate of this line alone counts: one wrapped over the lines
    below (a title, an 抄送 list, an 附件说明) is given up where it would take
    in a line strongly evidenced as something else (``classify``), and the
    weak ones are the line's readings then.  Nor does a line that repeats the
    one above (a 称呼 pasted twice is strong).
    """
    if prev is not None and prev.stripped == s:
        return False
    if header is not None and header.strength != WEAK:
        return True  # a 版头 mark's kinds are strong by default (_DEFAULT_EVIDENCE)
    for unit in own:
        strength = unit.strength if unit.strength >= 0 else _DEFAULT_EVIDENCE.get(unit.kind, (WEAK, ""))[0]
        if strength == STRONG and len(unit.lines) == 1 and unit.kind != "title":
            return True
    return False


def _only_text(nb: list[Line], i: int, body: str, plain: bool, above_date: set[int]) -> bool:
    """Nothing but a text reading can hold ``nb[i]`` (most lines of a text), so the other tests are spared.

    A sentence: a full stop (question, exclamation mark) inside it, or one
    sentence ending in a full stop that no title reading takes (a title with
    a stray full stop is TITLE-002's).  Each other reading of such a line
    needs what this rules out: a label or mark at its start (a 密级, a
    date), a colon at its end or after its first words (a 称呼 run into the
    text), a short line ending in a comma (a 称呼 with the wrong mark), a
    签发人, the place above the date (a 署名) or below the 抄送 (the 印发
    line); the rest hold no full stop.

    A heading (一、…, （一）…) without a full stop inside: the same, and it
    is no 版头 line, no title (（一）关于……的通知), no organ's name over a
    longer line (a 称呼 without its colon), no name under a 签发人 line.
    """
    line = nb[i]
    s = line.stripped
    prev = nb[i - 1] if i else None
    heading = plain and body in ("heading1", "heading2")
    # The tests of the line's own characters first: they settle most lines.
    if heading:
        if s[-1] in "：:，,！!；;）)" or "印发" in s or s.endswith("文件") or "签" in s or _tail_kind(s) is not None:
            return False
    elif s[0] in _LABEL_FIRST:
        return False
    elif plain:
        if s[-1] != "。" or s[0] in _NOT_SENTENCE_FIRST or s[0].isdigit() or "签" in s:
            return False
    elif not (s[-1] in "。？?" or len(s) > 60 and s[-1] not in "：:"):
        return False
    if s.find("：", 0, 32) >= 0 or s.find(":", 0, 32) >= 0 or i in above_date or prev is not None and _tail_kind(prev.stripped) == "copy_to":
        return False
    if heading:
        nxt = nb[i + 1].stripped if i + 1 < len(nb) else None
        return _is_header_line(line) is None and not (_may_end_title(s) and _title_complete(s)) \
            and not (nxt is not None and len(nxt) > len(s) and _is_recipient_without_colon(s)) \
            and (prev is None or not _header_signer(prev))
    # A title with a stray full stop (TITLE-002), where the line's words may open one at all.
    return not plain or not _may_open_title(s, nb[i + 1].stripped if i + 1 < len(nb) else None) \
        or _title_at(nb, i) is None


def _may_open_title(s: str, nxt: str | None) -> bool:
    """A cheap test of what ``_looks_like_title`` needs, for a line holding a full stop (so wrapping no title):
    False only where no title reading can start at ``s`` (most sentences)."""
    c = _compact(s).rstrip("。.，,；;！!")
    if len(c) > 80 or not c:
        return False
    # 关于…/对…, an issuer then 关于/对 (TITLE_ORG_THEN: at most 30 characters before), a 文种 at the end,
    # or the issuer alone above a 关于… line.
    return c.startswith(_TITLE_OPENERS) or "关于" in c[:32] or "对" in c[:31] or _may_end_title(c) \
        or nxt is not None and _compact(nxt).startswith(_TITLE_OPENERS)


def _is_date(s: str) -> bool:
    return "年" in s and date_fields(s) is not None


def _ends_letter(line: Line) -> bool:
    """``line`` is of the end of a letter: a 附注, contact or sign-off line, the 版记, an attachment's label."""
    s = line.stripped
    return bool(_tail_kind(s) or PAREN_LINE.match(s) or PRINT_LINE.match(s) or ATTACHMENT_HEAD.match(s))


def _may_sign(nb: list[Line], i: int) -> bool:
    """What stands around ``nb[i]`` lets it be a 署名: below it the end, a date, another 署名 line, a mark of
    the letter's end or its 版头 marks; or a date above it.  An organ's name followed by text is of the text
    (a list of units commended or invited, one per line)."""
    if i + 1 >= len(nb) or i and _is_date(nb[i - 1].stripped):
        return True
    s = nb[i + 1].stripped
    return bool(date_fields(s) is not None or _is_signature(s) or _ends_letter(nb[i + 1])
                or ATTACHMENT_NOTE.match(s) or _is_header_line(nb[i + 1]) is not None)


def _amid_headings(nb: list[Line], i: int) -> bool:
    """``nb[i]`` stands under a heading or a label of the text, or above a heading: a date there is an item of
    the text (一、发布时间 / 2024年5月6日), not the 成文日期, which closes the text under its 署名.  A heading
    that is a whole paragraph (二、……。) is the last item of the text, and the date under it may close it."""
    prev = nb[i - 1].stripped if i else ""
    nxt = nb[i + 1].stripped if i + 1 < len(nb) else ""
    heading_line = prev and _body_kind(prev)[0] in ("heading1", "heading2") and not SENTENCE_PUNCT.search(prev)
    return bool(heading_line or prev.endswith(("：", ":"))
                or nxt and _body_kind(nxt)[0] in ("heading1", "heading2"))


def _title_at(nb: list[Line], i: int) -> Unit | None:
    """A title starting at ``nb[i]``, with the lines that finish it (wrapped at any point) and its status line."""
    n = len(nb)
    s = nb[i].stripped
    if _minutes_head(s):
        return None  # a 期号, or an issuer and a date on one line (示例市人民政府办公室　2024年6月7日), open no title
    wrapped = _wrapped_title(nb, i)
    if _colon_after_title(nb, i):
        return Unit("title", [nb[i]], evidence="标题形式（其后误加冒号，下一行是称呼）")
    if not wrapped and not (_looks_like_title(s, nb[i + 1].stripped if i + 1 < n else None) and not _is_recipient(s)):
        return None
    if not wrapped and not (_title_complete(s) and (not s.endswith("。") or _stray_stop_after_title(s))) \
            and not _heads_title(nb, i):
        return None
    k = i + 1
    while k < n and k - i < max(4, wrapped) \
            and not (_may_end_title(nb[k - 1].stripped) and _title_complete("".join(ln.stripped for ln in nb[i:k]))) \
            and (k - i < wrapped or _title_continues(nb[k])):
        if _is_recipient_without_colon(nb[k].stripped) and ADDRESSEE_SUFFIX.search(_compact(nb[k].stripped)):
            break  # do not swallow the salutation: a short addressee line before a paragraph
        k += 1
    if k < n and _TITLE_QUALIFIER.match(nb[k].stripped):
        k += 1
    return Unit("title", nb[i:k])


def _minutes_head(s: str) -> bool:
    """``s`` (stripped) is a line of a 纪要's head under its 标志: the 期号, or the issuer and the date on one
    line (示例市人民政府办公室　2024年6月7日).  No title opens or goes on there."""
    return _is_issue_number(s) or "日" in s and _ISSUER_DATE.match(s) is not None


def _stray_stop_after_title(s: str) -> bool:
    """……关于……的通告。: a whole title with a full stop after it (TITLE-002), not a sentence."""
    c = _compact(s)[:-1]
    return len(c) <= 60 and _ABOUT_WORD.search(c) is not None and not SENTENCE_PUNCT.search(c) and "《" not in c


def _colon_after_title(nb: list[Line], i: int) -> bool:
    """A whole title (关于……的函) with a colon after it, over the 称呼: a title with a stray colon (TITLE-002),
    not a second salutation."""
    s = nb[i].stripped
    if not s.endswith(("：", ":")) or i + 1 >= len(nb) or not _is_recipient(nb[i + 1].stripped):
        return False
    c = _compact(s)[:-1]
    return len(c) <= 80 and (TITLE_START.search(c) or _ABOUT_WORD.search(c)) is not None and _title_complete(c) \
        and not SENTENCE_PUNCT.search(c)


def _heads_title(nb: list[Line], i: int) -> bool:
    """What stands around ``nb[i]`` says a title may start there: nothing or a 版头 mark above, a 称呼 below."""
    if i == 0 or _heads_letter(nb, i - 1) and not _title_complete(nb[i - 1].stripped):
        return True
    below = nb[i + 1].stripped if i + 1 < len(nb) else ""
    return _is_recipient(below) or any(_is_recipient(nb[k].stripped) and _may_end_title(nb[k - 1].stripped)
                                       and _title_complete("".join(ln.stripped for ln in nb[i:k]))
                                       for k in range(i + 2, min(i + 5, len(nb))))


def _wrapped_organ(first: str, second: str | None) -> bool:
    """One organ's name wrapped over two lines (示例市住房和城乡建设局城市 / 管理执法支队)."""
    return second is not None and len(_compact(first)) >= 6 and not first.startswith("附") \
        and not _is_org_signature(first) and _is_org_signature(second)


def _header_signer(line: Line) -> bool:
    """The line carries a 签发人 (so a name or a 发文字号 below may go on with it)."""
    parts = _is_header_line(line) if "签" in line.text else None
    return bool(parts) and any(p.kind == "signer" for p in parts) or _signer_names(line) is not None \
        and _header_near([line], 0)


def _header_near(nb: list[Line], i: int) -> bool:
    """A mark of the 版头 (发文字号, 签发人, …文件) on the line above or below ``nb[i]``."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(nb):
            s = nb[j].stripped
            parts = _is_header_line(nb[j])
            if parts and any(p.kind in ("doc_number", "signer") for p in parts) or s.endswith("文件") \
                    or j > i and _organ_run(nb, j):
                return True
    return False


def _heads_letter(nb: list[Line], j: int) -> bool:
    """``nb[j]`` reads as the end of a letter's head: its title, or a mark of its 版头."""
    s = nb[j].stripped
    ends_title = _may_end_title(s)  # what every title reading below needs (a cheap test)
    if _TITLE_QUALIFIER.match(s) or ends_title and _title_complete(s) or _is_header_line(nb[j]) is not None \
            or s.endswith("文件") or _minutes_head(s):
        return True
    # The last line of a wrapped title: the lines above it and it make a whole title.
    return ends_title and any(_looks_like_title(nb[k].stripped, None)
                              and _title_complete("".join([ln.stripped for ln in nb[k:j + 1]]))
                              for k in range(max(0, j - 3), j))


def _amid_text(nb: list[Line], i: int) -> bool:
    """An 附件 label with text going on below it: left as text (ATTACH-001/ATTACH-005 word that case)."""
    end = _note_end(nb, i)
    if end >= len(nb):
        return False
    s = nb[end].stripped
    if ATTACHMENT_HEAD.match(nb[i].stripped):
        # 附件 / 1.… / 2.… above the 署名: the 附件说明 without its colon, not the label of an attachment's page.
        return end > i + 1 and (_is_org_signature(s) or _is_date(s))
    return not (_tail_kind(s) or date_fields(s) or _is_signature(s) or ATTACHMENT_HEAD.match(s)
                or PRINT_LINE.match(s) or PAREN_LINE.match(s) or _is_header_line(nb[end]) is not None
                or any(u.kind == "attachment_note" for u in evidence(nb[end])))


def _note_end(nb: list[Line], i: int) -> int:
    """Where an 附件说明 starting at ``nb[i]`` ends: after its numbered and wrapped lines."""
    j = i + 1
    while j < len(nb) and (ATTACH_ITEM.match(nb[j].stripped) or _note_continues(nb[j - 1], nb[j])):
        j += 1
    return j


def evidence(line: Line, amid_text: bool = False, tail: str | None | bool = False) -> list[Unit]:
    """The kinds one line's own text proves or allows, each with its strength: no neighbour, no position.

    STRONG: a label (抄送：, 联系人：, 附件：, 答复单位：), a whole 发文字号 or
    签发人 line, a complete date, a 密级 or 紧急程度 word, a 发文机关标志
    (…文件), an 印发 line, a whole title (关于……＋文种).  WEAK: a line ending
    in a colon (a 称呼), a labelled 注：, a bracketed line below the text (附注).
    Where the line stands is the grammar's business: offered everywhere, a
    strong candidate the grammar rejects is a misplaced part, never text.
    Each test first looks for what its kind cannot do without: every line passes here.

    ``amid_text``: the line stands between paragraphs of the text, where an
    附件 label is left as text for ATTACH-001/ATTACH-005, which word that case
    (a label without its colon, a 附件说明 amid the text) better than an order error.
    """
    s = line.stripped
    if not s:
        return []
    found: list[Unit] = []
    if tail is False:  # not already known to the caller
        tail = _tail_kind(s)
    if tail == "copy_to":
        found.append(_copy_to_unit(line))
    elif tail:
        found.append(Unit(tail, [line]))
    if s[0] == "附" and not amid_text:
        if ATTACHMENT_NOTE.match(s):
            found.append(_attachment_note_unit([line]))
        elif m := ATTACHMENT_HEAD.match(s):
            found.append(Unit("attachment", [line], fields={"num": m.group("num")}))
    if s[0] in "注附（(" and NOTE_LABEL.match(s):
        found.extend(_note_candidates(line))
    if s[0] in "答承发办" and ANSWERED_BY.match(s) and len(s) <= 40 and not SENTENCE_PUNCT.search(s) and ORG_SUFFIX.search(_compact(s)):
        found.append(Unit("signature", [line], strength=STRONG, evidence="标注“答复单位/承办单位”的机关名称"))
    if s[-1:] in "：:" and len(s) <= 60 and _is_recipient(s) and not HEADING1.match(s) and not HEADING2.match(s):
        found.append(Unit("recipient", [line], fields={"colon": s[-1]}, evidence="以冒号结尾的短行（可能是称呼）"))
    if s[-1:] in "。.．" and not found and (df := date_fields(s)) is not None and df["d"]:
        return [Unit("date", [line], fields=df)]  # 2024年5月6日。: DATE-003 reports the full stop
    if len(s) > 60 or s[-1:] in "。；;，,：:！!？?" or found:
        return found
    if s[0] in "绝机秘" and (m := SECRECY.match(s)):
        return [Unit("secrecy", [line], fields={k: v for k, v in m.groupdict().items() if v})]
    if len(s) <= 3 and URGENCY.match(s):
        return [Unit("urgency", [line], fields={"level": s})]
    if (df := date_fields(s)) is not None and df["d"]:
        if df["form"] == "cn":
            return [Unit("date", [line], fields=df)]
        # 2024.5.6 or 2024-05-06 alone on a line: a date in the wrong form (DATE-004), or a figure.
        return [Unit("date", [line], fields=df, strength=WEAK, evidence="数字形式的日期（2024.5.6）")]
    if "印发" in s and not SENTENCE_PUNCT.search(s) and (m := PRINT_LINE.match(s)) and m.group("printed") \
            and not (m.group("org") or "").endswith(("于", "在")):
        return [Unit("print_line", [line], fields={"org": m.group("org"), "date": m.group("date"), "printed": "印发"})]
    if s.endswith("文件") and len(s) <= 40 and not SENTENCE_PUNCT.search(s):
        return [Unit("org_mark", [line])]
    if len(s) <= 48 and (_DOCNUM_HINT.search(s) or "签" in s):  # a line that holds only marks is short
        parts = _is_header_line(line)
        if parts and any(p.kind in ("doc_number", "signer") for p in parts):
            return [_unit_from_header(parts)]
    if ("关于" in s or "对" in s or "转发" in s or "印发" in s) and not SENTENCE_PUNCT.search(s):
        c = _compact(s)
        if (TITLE_START.match(c) or TITLE_ORG_THEN.match(c)) and title_doctype(c):
            return [Unit("title", [line], strength=STRONG, evidence="完整的标题（关于……＋文种）")]
    return found


def _attachment_note_unit(lines: list[Line]) -> Unit:
    """An 附件说明; labelled 附： without 件 it is only weak evidence (附：also introduces text)."""
    if ATTACHMENT_NOTE.match(lines[0].stripped).group("jian"):
        return Unit("attachment_note", lines)
    return Unit("attachment_note", lines, strength=WEAK, evidence="标注“附：”（缺“件”字）的附件说明")


def _note_candidates(line: Line) -> list[Unit]:
    """A labelled 附注 (注：…): a note, and when it is a disclosure mark (注：此件主动公开) that mark too.

    Where the grammar takes a 附注 (below the date) it is read as one; a
    disclosure mark may also close the text before the 署名 (local templates).
    """
    # Weak: amid the text, 注： also explains a table or a figure.
    note = Unit("note", [line], strength=WEAK, evidence="标注“注：”的附注")
    m = DISCLOSURE.search(line.text)
    if m is None:
        return [note]
    disclosure = Part("disclosure", [line], start=m.start(), end=m.end(), fields={"mark": m.group("mark")})
    note.extra.append(disclosure)
    as_mark = Unit("disclosure", [line], extra=[Part("note", [line])], strength=STRONG,
                   evidence="标注“注：”的公开属性",
                   fields={"mark": m.group("mark"), "start": m.start(), "end": m.end()})
    return [note, as_mark]


_CONTACT_INSIDE = lazyre.compile(r"(?<=[。；;\s])(?:联" + SP + r"系" + SP + r"人|联系电话|联系方式|电" + SP + r"话)"
                                 + SP + r"[：:]")


def _copy_to_unit(line: Line) -> Unit:
    """A 抄送/抄报 line; contact details written on the same line (…。联系电话：…) are a contact part of their own."""
    text = line.text
    m = _CONTACT_INSIDE.search(text, line.indent + 3)
    if m is None:
        return Unit("copy_to", [line])
    end = m.start()
    while end > line.indent and text[end - 1] in PAD:
        end -= 1
    contact = Part("contact", [line], start=m.start(), end=len(text.rstrip(PAD)))
    return Unit("copy_to", [line], extra=[contact], fields={"start": line.indent, "end": end})


_NOT_NAMES = lazyre.compile(r"[。；;！？!?：:“”《》]")
_NAMES_GAP = lazyre.compile(r"[" + PAD + r"、，,]+")


def _attendance_label(line: Line) -> bool:
    """``line`` opens a 纪要's list of those at the meeting: 出席：李某某　王某某 (a label, then names only)."""
    s = line.stripped
    if s[:1] not in ATTENDANCE_FIRST or len(s) > 120:
        return False
    m = ATTENDANCE.match(s)
    names = m.group("names") if m else None
    if not names:
        return False
    if names.endswith("。") and "，" not in names and "," not in names and len(_NAMES_GAP.split(names)) > 1:
        names = names[:-1]  # a list of names may end with a full stop; a sentence (…，…。) may not pass for one
    return not _NOT_NAMES.search(names)


def _attendance_label_alone(line: Line) -> bool:
    s = line.stripped
    return s[:1] in ATTENDANCE_FIRST and len(s) <= 8 and (m := ATTENDANCE.match(s)) is not None and not m.group("names")


def _names_only(line: Line) -> bool:
    """A line of names only (王某某　李某某（市教育局）), under the label of a list of those attending."""
    s = line.stripped
    return (len(s) <= 60 and not _NOT_NAMES.search(s.rstrip("。")) and not SENTENCE_PUNCT.search(s.rstrip("。"))
            and not _is_org_signature(s) and date_fields(s) is None and _tail_kind(s) is None)


def _attendance_continues(prev: Line, line: Line) -> bool:
    """``line`` carries on the names of the list on ``prev``, aligned under them (GB/T 9704 10.4)."""
    s = line.stripped
    return (line.number == prev.number + 1 and 2 <= line.indent <= 10 and len(s) <= 60
            and not _NOT_NAMES.search(s.rstrip("。")) and not SENTENCE_PUNCT.search(s.rstrip("。"))
            and not _is_org_signature(s) and date_fields(s) is None and _tail_kind(s) is None)


def _attendance_run(nb: list[Line], k: int, end: int) -> int:
    """How many lines (before ``end``) the list of those attending that opens at ``nb[k]`` takes (0: none opens there)."""
    if _attendance_label(nb[k]):
        j = k + 1
    elif k + 1 < end and _attendance_label_alone(nb[k]) and _names_only(nb[k + 1]):
        j = k + 2  # 出席人员： / 王某某　李某某: the label alone, the names on the line below
    else:
        return 0
    while j < end and _attendance_continues(nb[j - 1], nb[j]) and not _attendance_label(nb[j]):
        j += 1
    return j - k


def _in_attendance(nb: list[Line], j: int, lo: int) -> bool:
    """``nb[j]`` is a wrapped line of a list of those attending that opens above it (not below ``lo``)."""
    k = j
    while k > lo and _attendance_continues(nb[k - 1], nb[k]):
        k -= 1
        if _attendance_label(nb[k]):
            return True
    return False


def _meeting_info(line: Line) -> Unit | None:
    """时间：…/地点：… of a 纪要 (weak: the grammar takes it only above the text, with the lists of those attending)."""
    s = line.stripped
    m = MEETING_INFO.match(s) if s[:1] in "时地会" and len(s) <= 60 else None
    if m is None or "。" in m.group("value")[:-1]:
        return None
    return Unit("meeting_info", [line], fields={"label": _compact(m.group("label"))}, strength=WEAK,
                evidence="标注“时间：/地点：”的会议信息")


def _attendance_unit(lines: list[Line]) -> Unit:
    """出席/列席/请假… with its wrapped lines: weak evidence (amid the text such a line stays text)."""
    m = ATTENDANCE.match(lines[0].stripped)
    fields = {"label": _compact(m.group("label"))}
    return Unit("attendance", lines, fields=fields, strength=WEAK, evidence="标注“出席：/列席：/请假：”的名单")


def _note_continues(prev: Line, line: Line) -> bool:
    """``line`` carries on an attachment name from ``prev`` (附件：……（含各区县 / 　　　分项数据）)."""
    s = line.stripped
    if line.number != prev.number + 1 or line.indent == 0 or HEADING3.match(s) or ATTACHMENT_NOTE.match(s) \
            or _tail_kind(s) or date_fields(s):
        return False
    p = prev.stripped
    if p.count("（") + p.count("(") > p.count("）") + p.count(")"):
        return True  # a bracket left open on the line above
    return ORG_SUFFIX.search(_compact(s)) is None and not SENTENCE_PUNCT.search(s)


def _continues_copy_to(unit: Unit, line: Line) -> bool:
    """A 抄送 list wrapped onto the next line: the list goes on, or an indented line ends it."""
    s = line.stripped
    if not s or _tail_kind(s) or PRINT_LINE.match(s) or ATTACHMENT_HEAD.match(s) or PAREN_LINE.match(s):
        return False
    prev = unit.lines[-1].stripped
    if prev.endswith(("，", "、", ",", "：", ":")):  # a list cut after a comma, or the label alone (抄送：)
        return True
    if len(unit.lines) == 1 and (m := COPY_TO.match(prev)) and m.end() == len(prev):
        return True  # the label alone without its colon (抄送): COPY-001 and COPY-006 report it
    return line.indent > 0 and not prev.endswith("。") and s.endswith(("。", "."))


def mark_closing(body: list[Unit]) -> None:
    """The closing formula is the last paragraph of the body when it reads as one (此致/敬礼: two lines).

    Run on the units the grammar read as the 主体: which paragraph is the last is known only then.
    """
    paras = [u for u in body if u.kind in ("paragraph",)]
    if not paras:
        return
    last = paras[-1]
    if body and body[-1] is not last:
        # Only numbered lines of a lower level may follow the closing paragraph:
        # a paragraph or a 一、/（一） heading below it means the text goes on
        # (thanks written at the top of a reply, before its sections).
        if any(u.kind in ("paragraph", "heading1", "heading2") for u in body[body.index(last) + 1:]):
            return
    s = _compact(last.lines[0].stripped)
    if _compact(last.lines[-1].stripped).endswith(("：", ":")):
        return  # "…现答复如下：" announces the text; it does not close it
    if s in ("敬礼", "敬礼！", "敬礼!"):
        idx = body.index(last)
        last.kind = "closing"
        if idx > 0 and _compact(body[idx - 1].lines[0].stripped).startswith("此致"):
            body[idx - 1].kind = "closing"
        return
    if _has_closing_words(s) and _closes(s):
        last.kind = "closing"


def _closes(paragraph: str) -> bool:
    """The closing words end the paragraph: a long paragraph that only opens with thanks goes on to answer."""
    sentences = [x for x in SENTENCE_END.split(paragraph) if x]
    return len(sentences) <= 2 or _has_closing_words(sentences[-1])
