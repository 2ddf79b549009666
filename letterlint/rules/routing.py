"""文种 and 行文规则 (条例 第八条、第十五条) and the opening of a 复函.

Which 文种 a title ends with is DOCTYPE-001 (title.py); how a 请示 or 报告
closes is closing.py.  These rules check what the 条例 says about whom a
请示 is sent to and copied to, 一文一事, a doubled 文种 in the title, and how
a 复函 cites the letter it answers.  (NOTE-001, the 附注 brackets, is in contact.py.)
"""
from __future__ import annotations

from letterlint import doctypes, lazyre
from letterlint.fields import numbers_in_text
from letterlint.model import PAD, PAD_CLASS, PAD_RUN, Span
from letterlint.rules.base import Finding, rule
from letterlint.saferegex import search_any

_S = PAD_CLASS + "*"
_SPACES = lazyre.compile(PAD_RUN)
_TERMINAL = "。.，,；;：:！!？?、"

# A title ending in two 文种 words (or one twice): 请示报告, 申请报告, 意见建议报告 …
# Only compounds whose last word is a statutory 文种: a title ending in a
# non-statutory word (……的汇报, ……的申请, ……的意见建议) is DOCTYPE-001.
_COMPOUND = lazyre.compile(r"(?P<a>请示|报告|汇报|申请|意见|建议)(?P<b>请示|报告|意见)$")


def _tail_span(part, n: int) -> Span:
    """Span of the last ``n`` characters of a part (padding and end punctuation aside), across lines."""
    lines = part.lines
    end_line = lines[-1]
    end = len(end_line.text.rstrip(PAD + _TERMINAL))
    left = n
    for line in reversed(lines):
        hi = len(line.text.rstrip(PAD + _TERMINAL)) if line is end_line else len(line.text.rstrip(PAD))
        k = hi
        while k > line.indent and left:
            k -= 1
            if line.text[k] not in PAD:
                left -= 1
        if not left:
            return Span(line.number, k + 1, end_line.number, end + 1)
    return part.span


@rule("DOCTYPE-002", "title-compound-doctype", "error", doctypes=None, needs_parts=("title",))
def title_compound_doctype(letter, options):
    """标题只用一个法定文种，不用“请示报告”“申请报告”这类叠用或自造的文种。

    依据：《党政机关公文处理工作条例》第八条规定15种文种，请示与报告是两个文种，不能合写；
    “申请”“汇报”“建议”不是法定文种，与法定文种连用（“申请报告”“汇报请示”“意见建议”）
    同样不合规定。标题以自造文种结尾（“……的汇报”“……的申请”）由 DOCTYPE-001 报告。

    反例：
        示例市教育局关于拨付校舍维修经费的请示报告

    正例：
        示例市教育局关于拨付校舍维修经费的请示
    """
    for title in letter.all("title"):
        if title.section == "附件" or title.misplaced:
            continue
        text = _SPACES.sub("", title.text).rstrip(_TERMINAL)
        m = _COMPOUND.search(text)
        if not m:
            continue
        a, b = m.group("a"), m.group("b")
        span = _tail_span(title, len(a + b))
        if a == b:
            msg = f"标题中文种“{a}”重复"
        else:
            msg = f"标题中“{a}{b}”叠用了两个文种" if a in ("请示", "报告", "意见") else \
                f"“{a}{b}”不是法定文种，“{a}”不能与文种“{b}”连用"
        fix = "只保留一个法定文种：请求批准用“请示”，汇报工作用“报告”" if {a, b} & {"请示", "申请"} else f"只以“{b}”结尾"
        yield Finding(span, msg, fix)


@rule("ROUTE-001", "request-one-recipient", "warning", doctypes={"request"},
      needs_parts=("recipient",))
def request_one_recipient(letter, options):
    """请示原则上只主送一个上级机关。

    依据：《党政机关公文处理工作条例》第十五条（一）"原则上主送一个上级机关，根据需要同时抄送相关上级机关和
    同级机关"。主送多个机关容易互相推诿；需要其他机关知道的，用抄送。

    反例：
        示例市教育局关于拨付校舍维修经费的请示
        示例市人民政府、示例市财政局：
        我局拟对12所学校的校舍进行维修，需经费300万元。
        妥否，请批示。

    正例：
        示例市教育局关于拨付校舍维修经费的请示
        示例市人民政府：
        我局拟对12所学校的校舍进行维修，需经费300万元。
        妥否，请批示。
    """
    for part in letter.all("recipient"):
        if part.section == "附件":
            continue
        organs = [o for o in part.parsed.items if o.name]
        seps = [o.sep for o in organs if o.sep is not None]
        if len(organs) < 2 or not seps:
            continue
        last = organs[-1].sep or organs[-1]
        span = Span(seps[0].span.line, seps[0].span.column, last.span.end_line, last.span.end_column)
        yield Finding(span, f"请示原则上只主送一个上级机关，这里主送了{len(organs)}个",
                      "只主送负责办理的上级机关，其他机关列入抄送")


@rule("ROUTE-002", "upward-no-copy-down", "warning", doctypes=doctypes.UPWARD,
      options={"lower-organs": ["^各(?!位)"]}, patterns=("lower-organs",))
def upward_no_copy_down(letter, options):
    """请示、报告不抄送下级机关。

    依据：《党政机关公文处理工作条例》第十五条（一）向上级机关行文"不抄送下级机关"。
    以“各”开头的抄送对象（各乡镇人民政府、各县区教育局）是下级机关的统称。

    反例：
        示例市教育局关于拨付校舍维修经费的请示
        示例市人民政府：
        我局拟对12所学校的校舍进行维修，需经费300万元。
        妥否，请批示。
        示例市教育局
        2024年5月8日
        抄送：市财政局，各县（市、区）教育局。

    正例：
        示例市教育局关于拨付校舍维修经费的请示
        示例市人民政府：
        我局拟对12所学校的校舍进行维修，需经费300万元。
        妥否，请批示。
        示例市教育局
        2024年5月8日
        抄送：市财政局。

    设置：lower-organs（下级机关名称的正则表达式列表，默认只认以“各”开头的统称；
    可加本地下级机关的名称，如 "乡镇人民政府$"）。
    """
    kind = doctypes.label(letter.doctype)
    lower = options["lower-organs"]
    for part in letter.all("copy_to"):
        organs = part.parsed
        for organ in organs.items if organs is not None else ():
            name = organ.name
            if name and search_any(lower, name):
                yield Finding(organ.span, f"{kind}不应抄送下级机关（“{name}”）",
                              "删去下级机关；需要下级机关知道的事项另行发文")


# A request for approval of one matter, and the closing formula of a whole 请示.
_APPROVAL = lazyre.compile(r"请予?(?:批准|审批|批复|核准)|恳请[^。；;]{0,40}?(?:批准|审批|批复|核准)")
_GENERIC = lazyre.compile(r"(?:妥否|当否|可否)[，,]?" + _S + r"请(?:批示|审批|批复|指示|审示)"
                      r"|以上请示[^。]{0,12}?请予?(?:批示|审批|批复|审示)")


def _first_match(part, rx):
    for line, m in part.iter_matches(rx):
        return line.span(m.start(), m.end())
    return None


@rule("ROUTE-004", "request-one-matter", "warning", doctypes={"request"})
def request_one_matter(letter, options):
    """请示应当一文一事：一份请示中不应有两处各自独立的请求。

    依据：《党政机关公文处理工作条例》第十五条（四）"请示应当一文一事"。两个一级标题下各有
    “请予批准”，或正文中两次出现“妥否，请批示”，多半是两件事写在了一份请示里。只在这两种
    明确的情形下提示，请求的是否同一事项仍需人工判断。

    反例：
        示例市教育局关于增加编制和追加经费的请示
        示例市人民政府：
        一、关于增加教师编制
        我局拟新增教师编制50名，请予批准。
        二、关于追加校舍维修经费
        我局拟追加校舍维修经费300万元，请予批准。
        妥否，请批示。

    正例：
        示例市教育局关于追加校舍维修经费的请示
        示例市人民政府：
        一、基本情况
        全市有12所学校的校舍需要维修。
        二、请示事项
        我局拟追加校舍维修经费300万元，请予批准。
        妥否，请批示。
    """
    body = letter.body
    # (a) the closing formula of a whole 请示 in two separate places.
    generic = [i for i, p in enumerate(body) if p.kind in ("paragraph", "closing") and _GENERIC.search(p.text)]
    if len(generic) >= 2 and generic[-1] - generic[0] > 1:
        span = _first_match(body[generic[-1]], _GENERIC)
        yield Finding(span, f"请示中第二次出现请求结束语（第{body[generic[0]].line}行已有），似为一文多事",
                      "一份请示只请示一件事，其他事项另行请示")
        return
    # (b) a request for approval under two different first-level headings.
    section = None
    hits: dict[int, object] = {}
    for p in body:
        if p.kind == "heading1":
            section = p.line
            continue
        if section is None or p.kind == "closing" or section in hits:
            continue
        span = _first_match(p, _APPROVAL)
        if span is not None:
            hits[section] = span
    if len(hits) >= 2:
        first, *rest = list(hits.items())
        for _, span in rest:
            yield Finding(span, f"两个一级标题下各有一项请求（第{first[1].line}行已有），似为一文多事",
                          "一份请示只请示一件事，其他事项另行请示")


_SENTENCE_END = "。！？；!?;"


def _acknowledgements(part):
    """(line, start, end) of each sentence of ``part`` up to its "收悉", found in linear time.

    A regular expression ``[^。…]*?收悉`` would rescan a long line without a full
    stop from every position; instead find "收悉", then look back for the
    sentence end before it.
    """
    if part.start is not None:
        bounds = [(part.lines[0], part.start, len(part.lines[0].text) if part.end is None else part.end)]
    else:
        bounds = [(line, 0, len(line.text)) for line in part.lines]
    for line, lo, hi in bounds:
        text = line.text
        i = text.find("收悉", lo, hi)
        while i >= 0:
            start = max(text.rfind(c, lo, i) for c in _SENTENCE_END) + 1
            yield line, max(start, lo), i + 2
            lo = i + 2
            i = text.find("收悉", lo, hi)
def _title_wrapped_into(opening, line, pre: str) -> tuple[int, int] | None:
    """Where in ``pre`` a cited title ends that opened (《) on the line above: an opening hard-wrapped
    inside the title (你局《关于……养护资金的 / 函》（示交函〔2024〕15号）收悉), or None."""
    close = pre.find("》")
    if close < 0 or "《" in pre[:close]:
        return None
    above = next((ln.text for part in opening for ln in part.lines if ln.number == line.number - 1), "")
    return (0, close + 1) if above.rfind("《") > above.rfind("》") else None


_CITED_TITLE = lazyre.compile(r"《[^《》]+》|关于[^，,。《》]{2,80}?的(?:复函|函|请示|报告|意见|通知|申请|建议|提案)")
# A number in brackets that is not a full 发文字号: （第12号）, （示交函12号）.
_NUMBERED_REF = lazyre.compile(r"[（(][^（）()《》]{0,30}?\d+" + _S + r"号[）)]")
_YEAR_OPEN, _YEAR_CLOSE = "〔[【［﹝〖(（", "〕]】］﹞〗)）"
_LETTER_WORD = lazyre.compile(r"函|来文")


def _incoming_number(line, start: int, end: int) -> Span | None:
    """Where the incoming letter's 发文字号 (or a bracketed number standing for it) is cited in ``line.text[start:end]``."""
    for n in numbers_in_text(line, start, end):
        if n.open.text in _YEAR_OPEN and n.close.text in _YEAR_CLOSE and 2 <= len(n.year.text) <= 4 \
                and n.year.text.isdigit():
            first = n.code.span if n.code is not None else n.open.span
            return Span(line.number, first.column, line.number, n.span.end_column)
    m = _NUMBERED_REF.search(line.text, start, end)
    return line.span(m.start(), m.end()) if m else None


@rule("LETTER-002", "reply-letter-cites-incoming", "warning", doctypes={"reply_letter"})
def reply_letter_cites_incoming(letter, options):
    """复函开头引用来函的标题和发文字号，再写“收悉”。

    依据：函的写作规范：复函开头先引叙来文，写作"你单位《关于……的函》（×函〔2024〕5号）收悉"，
    标题和发文字号都引，便于对方查对；只写“来函收悉”，或只引标题不引字号，都不完整。

    反例：
        示例市公安局关于协助开展道路安全检查的复函
        示例市交通运输局：
        你局来函收悉。经研究，现函复如下：
        我局同意派员参加联合检查。
        特此函复。

    正例：
        示例市公安局关于协助开展道路安全检查的复函
        示例市交通运输局：
        你局《关于商请协助开展道路安全检查的函》（示交函〔2024〕12号）收悉。经研究，现函复如下：
        我局同意派员参加联合检查。
        特此函复。
    """
    opening = [p for p in letter.body[:2] if p.kind in ("paragraph", "closing")]
    for part in opening:
        for line, s, end in _acknowledgements(part):
            while s < end and line.text[s] in PAD:
                s += 1
            pre = line.text[s:end - 2]
            title = _CITED_TITLE.search(pre)
            cited = (title.start(), title.end()) if title else _title_wrapped_into(opening, line, pre)
            number = _incoming_number(line, s, end - 2)
            if cited and not number:
                a, b = cited
                yield Finding(line.span(s + a, s + b), "复函引用来函标题后未注明其发文字号",
                              f"在标题后用圆括号注明来函字号，如“{pre[a:b]}（×函〔2024〕5号）收悉”")
            elif number and not cited:
                yield Finding(number, "复函只引用了来函的发文字号，未引用其标题",
                              "先引标题再注字号，如“你单位《关于……的函》（×函〔2024〕5号）收悉”")
            elif not cited and not number and _LETTER_WORD.search(pre):
                yield Finding(line.span(s, end), f"复函开头“{line.text[s:end]}”未引用来函的标题和发文字号",
                              "写作“你单位《关于……的函》（×函〔2024〕5号）收悉”")
            return  # only the first acknowledgement is the opening


# --- ROUTE-006 ----------------------------------------------------------------------


@rule("ROUTE-006", "issuer-internal-unit", "warning",
      doctypes=frozenset(doctypes.DOCTYPES) - doctypes.REPLIES,
      needs_parts=("signature",))
def issuer_internal_unit(letter, options):
    """内设机构（科、股、处、室、组）不得以自己的名义对外正式行文，办公厅（室）除外。

    依据：《党政机关公文处理工作条例》第十七条"部门内设机构除办公厅（室）外不得对外正式行文"。
    署名是机关之下的科、股、处、室、组时报告；答复代表建议、委员提案时由 REPLY-012 报告。

    反例：
        关于商请协助开展校园安全检查的函
        示例市公安局：
        现商请贵局派员协助。
        请予函复。
        示例市教育局基础教育科
        2024年5月6日

    正例：
        关于商请协助开展校园安全检查的函
        示例市公安局：
        现商请贵局派员协助。
        请予函复。
        示例市教育局
        2024年5月6日
    """
    from letterlint.rules.reply import INTERNAL_UNIT

    for sig in letter.all("signature"):
        name = _SPACES.sub("", sig.text)
        m = INTERNAL_UNIT.search(name)
        if m and not name.endswith(("办公室", "办公厅")):
            yield Finding(sig.span, f"内设机构“{m.group('unit')}”不得以自己的名义对外正式行文",
                          f"以机关的名义发文，署名 {name[:m.start('unit')]}；或由办公厅（室）行文")
