"""Order, presence and uniqueness of the parts of a letter (GB/T 9704-2012 §7)."""
from __future__ import annotations

from letterlint import doctypes
from letterlint.model import unpad
from letterlint.rules.base import Finding, rule

# Parts that stand once in a letter; a second one is STRUCT-003, not an order error.
_UNIQUE = ("title", "recipient", "date", "doc_number", "signer", "answer_class", "org_mark")


@rule("STRUCT-001", "part-order", "error")
def part_order(letter, options):
    """各组成部分须按规定顺序排列。

    依据：GB/T 9704-2012 第7章规定公文各要素的顺序：版头（份号、密级和保密期限、
    紧急程度、发文机关标志、发文字号、签发人），主体（标题、主送机关、正文、附件说明、
    发文机关署名、成文日期、附注），附件，版记（抄送、印发机关和印发日期）。
    顺序由语法文件 grammar/letter.lark 统一规定；某一部分出现在不允许的位置时，
    在该部分处报告一次，其余部分照常检查。

    答复类别、公开属性、联系人和领导签发的位置不由 GB/T 9704 规定，而由各地的
    答复格式规定，各地不同（如“承办负责人”有的在成文日期之前，有的在之后），
    所以这几项位置不当只报警告（warning）。

    反例：
        示例市交通运输局关于商请协助开展道路安全检查的函

        示例市公安局：
        为做好道路安全检查工作，现商请贵局派员协助。
        请予函复。

        2024年5月6日
        示例市交通运输局

    正例：
        示例市交通运输局关于商请协助开展道路安全检查的函

        示例市公安局：
        为做好道路安全检查工作，现商请贵局派员协助。
        请予函复。

        示例市交通运输局
        2024年5月6日
    """
    for m in letter.misplacements:
        if m.duplicate and m.part.kind in _UNIQUE:
            continue  # reported by STRUCT-003
        severity = "warning" if m.part.kind in _LOCAL_KINDS else None
        yield Finding(m.part.span, m.message, m.suggestion, severity=severity)


# Marks placed by local reply formats, not by GB/T 9704: their order differs by place.
_LOCAL_KINDS = frozenset({"answer_class", "disclosure", "contact", "signoff"})


def _order_format(letter) -> bool:
    """The letter is laid out as a 命令（令）: its 发文字号 is a 令号 (第N号) under an ……令 标志."""
    return any(p.fields.get("form") == "令号" for p in letter.all("doc_number"))


# Which parts each kind of document must have.  The 主送机关 and 署名 have
# rules of their own (RECIP-001, SIGN-001); contact lines are REPLY-009.
_REQUIRED = {
    "title": "标题",
    "body": "正文",
    "date": "成文日期",
}


@rule("STRUCT-002", "required-part", "error", options={"title-required-in-excerpt": False})
def required_parts(letter, options):
    """公文须有标题、正文和成文日期。

    依据：《党政机关公文处理工作条例》第九条列出公文要素，标题（第九条（七））、
    正文（第九条（九））和成文日期（第九条（十二））是每份公文都有的部分；
    GB/T 9704-2012 7.3.5.4 要求成文日期"年、月、日标全"。
    未识别文种的文本（如只有片段）不检查标题。命令（令）没有标题：发文机关标志（……令）下是令号，
    再下是正文（GB/T 9704-2012 10.3），读出令号时不报缺少标题。纪要不署名、不在正文下标成文日期
    （GB/T 9704-2012 10.3 纪要格式），印发机关和印发日期一行有日期时不报缺少成文日期。

    没有版头、从主送机关或正文开始的文本（网页转载、节选、只写正文的草稿），
    标题常在文本之外（网页标题、文件名、红头模板），缺少标题时只作警告；
    要求这类文本也写标题时，设 title-required-in-excerpt = true。

    反例：
        示例市教育局：
        现将有关事项函告如下，请予支持。
        特此函告。
        示例市交通运输局

    正例：
        关于商请支持校车通行保障工作的函
        示例市教育局：
        现将有关事项函告如下，请予支持。
        特此函告。
        示例市交通运输局
        2024年5月6日
    """
    where = letter.end_span
    if not letter.has("title") and not _order_format(letter):
        excerpt = not options["title-required-in-excerpt"] and not letter.has_header
        yield Finding(letter.start_span(), "缺少标题" + ("（文本没有版头，标题可能在文本之外）" if excerpt else ""),
                      "在主送机关之前写明“发文机关＋关于＋事由＋文种”的标题", severity="warning" if excerpt else None)
    if not letter.body:
        yield Finding(where, "缺少正文")
    if not letter.has("date") and not _minutes_dated_by_print_line(letter):
        sig = letter.last("signature")
        span = sig.span if sig else where
        yield Finding(span, "缺少成文日期", "在发文机关署名下一行写明成文日期，如 2024年5月6日")


def _minutes_dated_by_print_line(letter) -> bool:
    """A 纪要 has no 署名 and 成文日期 below its text (GB/T 9704 10.3 gives it a format of its own); its date
    stands in the 版头 or, at the latest, on the 印发 line."""
    printed = letter.first("print_line")
    return letter.doctype == "minutes" and printed is not None and bool(printed.fields.get("date"))


@rule("STRUCT-003", "duplicate-part", "warning")
def duplicate_parts(letter, options):
    """标题、主送机关、发文字号、成文日期等部分只能出现一次。

    依据：GB/T 9704-2012 第7章：每个要素在公文中只编排一处；同一部分出现两次，
    多半是复制粘贴或合并草稿时留下的。附件页中的标题和日期不计。

    反例：
        关于商请协助开展道路安全检查的函
        示例市公安局：
        现商请贵局派员协助。
        请予函复。
        示例市交通运输局
        2024年5月6日
        2024年5月8日

    正例：
        关于商请协助开展道路安全检查的函
        示例市公安局：
        现商请贵局派员协助。
        请予函复。
        示例市交通运输局
        2024年5月6日
    """
    for kind in _UNIQUE:
        parts = [p for p in letter.all(kind) if p.section != "附件"
                 and not (kind == "signer" and p.fields.get("continued"))]
        for extra in parts[1:]:
            yield Finding(extra.span, f"{extra.name}重复出现（第{parts[0].line}行已有）")
    # 抄送 and 抄报 may both stand in the 版记; the same label twice is one list written twice.
    first: dict[str, int] = {}
    for part in letter.all("copy_to"):
        if part.section == "附件" or part.parsed is None or part.parsed.label is None:
            continue
        label = unpad(part.parsed.label.text)
        if label in first:
            yield Finding(part.span, f"{label}重复出现（第{first[label]}行已有）", f"把两行{label}合为一行")
        else:
            first[label] = part.line


# A 通知, 意见 or 通报 is nearly always addressed, but one published to the public
# may not be: for those a missing 主送 is a warning.
_RECIPIENT_USUAL = frozenset({"notice", "opinion", "bulletin"})


@rule("RECIP-001", "recipient-missing", "error", doctypes=doctypes.ADDRESSED)
def recipient_missing(letter, options):
    """函、复函、请示、批复、上报的报告和建议/提案答复须有主送机关（称呼）。

    依据：GB/T 9704-2012 7.3.2 主送机关"编排于标题下空一行位置，居左顶格"；
    函是"不相隶属机关之间"的行文（条例第八条（十四）），请示"原则上主送一个上级机关"
    （条例第十五条（一）），答复代表建议、委员提案须有"×××代表："或"×××委员："称呼。
    通知、意见、通报一般也有主送机关，但面向社会公开发布的可以没有，所以对它们只报警告。
    报告标了签发人就是上行文（条例第九条（六）），须主送上级机关；没有签发人的报告
    （如向社会公开的年度工作报告）不检查。

    反例：
        关于商请协助开展道路安全检查的函
        为做好道路安全检查工作，现商请贵局派员协助。
        请予函复。
        示例市交通运输局
        2024年5月6日

    正例：
        关于商请协助开展道路安全检查的函
        示例市公安局：
        为做好道路安全检查工作，现商请贵局派员协助。
        请予函复。
        示例市交通运输局
        2024年5月6日
    """
    if letter.has("recipient", "record_recipient"):
        return
    if letter.doctype == "report" and not letter.has("signer"):
        return  # a report published to the public, not sent upward
    title = letter.first("title")
    span = title.span if title else letter.start_span()
    who = "代表或委员的称呼（如“王××代表：”）" if letter.doctype in doctypes.REPLIES else "主送机关"
    yield Finding(span, f"缺少{who}", "在标题下一行顶格写主送机关或称呼，以全角冒号“：”结尾",
                  severity="warning" if letter.doctype in _RECIPIENT_USUAL else None)


@rule("SIGN-001", "signature-missing", "warning", doctypes=doctypes.LETTERS | {"request", "report", "approval", "notice",
                                                                               "opinion", "bulletin", "announcement",
                                                                               "circular", "decision", "resolution",
                                                                               "unknown"})
def signature_missing(letter, options):
    """成文日期之上须有发文机关署名。

    依据：《党政机关公文处理工作条例》第九条（十一）"发文机关署名。署发文机关全称
    或者规范化简称"；GB/T 9704-2012 7.3.5 署名在正文（或附件说明）之下、成文日期之上。
    纪要、以题注标明通过日期的决定和决议、由领导人署名的命令（令）不检查；认不出文种的
    （如没有标题的网页文本），只在成文日期位于正文之后时检查。

    反例：
        关于商请协助开展道路安全检查的函
        示例市公安局：
        现商请贵局派员协助。
        请予函复。
        2024年5月6日

    正例：
        关于商请协助开展道路安全检查的函
        示例市公安局：
        现商请贵局派员协助。
        请予函复。
        示例市交通运输局
        2024年5月6日
    """
    if letter.has("signature") or not letter.body:
        return
    date = letter.first("date")
    if letter.doctype == "unknown" and (date is None or date.line < letter.body[-1].line):
        return
    if letter.doctype in ("decision", "resolution") and (date is None or date.line < letter.body[0].line):
        return  # dated by its 题注 under the title (adopted by a meeting), or an excerpt without its end
    span = date.span if date else letter.end_span
    yield Finding(span, "缺少发文机关署名", "在成文日期上一行写发文机关全称或规范化简称")
