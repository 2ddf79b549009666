"""版头: 份号, 密级和保密期限, 紧急程度, 签发人 (条例 第九条; GB/T 9704-2012 7.2)."""
from __future__ import annotations

from letterlint import doctypes, lazyre
from letterlint.model import PAD_CLASS
from letterlint.rules.base import Finding, rule


@rule("HDR-001", "copy-number", "error", needs_parts=("copy_number",))
def copy_number(letter, options):
    """份号用6位阿拉伯数字。

    依据：GB/T 9704-2012 7.2.1 "如需标注份号，一般用6位3号阿拉伯数字，顶格编排在版心左上角第一行"。

    反例：
        0017
        机密★1年
        关于商请协助开展道路安全检查的函

    正例：
        000017
        机密★1年
        关于商请协助开展道路安全检查的函
    """
    for part in letter.all("copy_number"):
        if len(part.text) != 6:
            yield Finding(part.span, f"份号“{part.text}”应为6位阿拉伯数字", f"改为 {part.text[-6:].zfill(6)}")


_PERIOD_OK = lazyre.compile(r"^(?:\d+(?:年|个月|月|天|日)|长期)$")


@rule("HDR-002", "secrecy", "error", needs_parts=("secrecy",))
def secrecy(letter, options):
    """密级用“绝密”“机密”“秘密”，保密期限用阿拉伯数字，中间用“★”隔开。

    依据：《党政机关公文处理工作条例》第九条（二）"涉密公文应当根据涉密程度分别标注“绝密”
    “机密”“秘密”和保密期限"；GB/T 9704-2012 7.2.2 "如需同时标注密级和保密期限，
    用“★”将两者隔开"，保密期限中的数字用阿拉伯数字。

    反例：
        机密★一年
        关于商请协助开展道路安全检查的函

    反例：
        内部
        关于商请协助开展道路安全检查的函

    正例：
        机密★1年
        关于商请协助开展道路安全检查的函
    """
    for part in letter.all("secrecy"):
        level = part.fields.get("level")
        if level and level not in _SECRECY_LEVELS:
            yield Finding(part.span, f"“{level}”不是规定的密级，密级只有“绝密”“机密”“秘密”",
                          "涉密公文标注规定的密级；不涉密的删去此行")
            continue
        star, period = part.fields.get("star"), part.fields.get("period")
        if star and star != "★":
            span = part.find(lazyre.escape(star))
            yield Finding(span or part.span, f"密级和保密期限之间应使用“★”，不应使用“{star}”", "改为 ★")
        elif not star and period:
            span = part.find(lazyre.escape(period))
            yield Finding(span or part.span, f"密级“{level}”和保密期限“{period}”之间应用“★”隔开",
                          f"改为 {level}★{period}")
        if period is not None:
            period = _URGENCY_IN_LINE.sub("", period)  # "秘密★1年　特急": HDR-004's matter
        if period is not None and not _PERIOD_OK.match(period.strip()):
            span = part.find(lazyre.escape(period))
            yield Finding(span or part.span, f"保密期限“{period}”应使用阿拉伯数字，如“1年”“6个月”",
                          "改为阿拉伯数字")


_SECRECY_LEVELS = {"绝密", "机密", "秘密"}
_URGENCY_OK = {"特急", "加急"}
_TELEGRAM_OK = {"特提", "特急", "加急", "平急"}


@rule("HDR-003", "urgency", "error", needs_parts=("urgency",))
def urgency(letter, options):
    """紧急程度标“特急”或“加急”（电报另有“特提”“平急”）。

    依据：《党政机关公文处理工作条例》第九条（三）"紧急公文应当根据紧急程度分别标注“特急”“加急”，
    电报应当分别标注“特提”“特急”“加急”“平急”"。“急件”“紧急”不是规定的写法。

    反例：
        急件
        关于商请协助开展道路安全检查的函

    正例：
        加急
        关于商请协助开展道路安全检查的函
    """
    for part in letter.all("urgency"):
        level = part.text
        if level not in _URGENCY_OK:
            msg = (f"紧急程度“{level}”只用于电报，公文应标“特急”或“加急”" if level in _TELEGRAM_OK
                   else f"紧急程度“{level}”不是规定的写法，应标“特急”或“加急”")
            yield Finding(part.span, msg, "改为 加急 或 特急")


# How an 意见 sent upward closes ("以上意见如无不妥，请批转各地执行" / "妥否，请批示").
_UPWARD_OPINION = lazyre.compile(r"如无不妥|请批转|妥否|当否|请审定|请批示|请审阅")


@rule("SIGNER-001", "signer-upward", "error", doctypes=doctypes.UPWARD | {"opinion"},
      options={"signer-required-without-header": False})
def signer_upward(letter, options):
    """上行文（请示、报告、上报的意见）须标注签发人。

    依据：《党政机关公文处理工作条例》第九条（六）"签发人。上行文应当标注签发人姓名"；
    第二十二条"重要公文和上行文由机关主要负责人签发"。没有主送机关的报告（如向社会公开的
    年度工作报告）不是上行文，不检查。意见可以上行、下行或平行，以“如无不妥，请批转……”
    “妥否，请批示”等上行用语收尾的意见是上行文。

    签发人是版头的一部分。文本没有任何版头内容（从标题开始、只写主体的草稿，网页转载）时，
    版头在红头模板里、文本之外，只报警告“文本没有版头，签发人随版头标注”；
    要求这类文本也标注签发人时，设 signer-required-without-header = true。

    反例：
        示交〔2024〕12号
        示例市交通运输局关于申请道路安全专项经费的请示
        示例市人民政府：
        为做好道路安全工作，拟申请专项经费。
        妥否，请批示。
        示例市交通运输局
        2024年5月6日

    正例：
        示交〔2024〕12号　　　　签发人：张明
        示例市交通运输局关于申请道路安全专项经费的请示
        示例市人民政府：
        为做好道路安全工作，拟申请专项经费。
        妥否，请批示。
        示例市交通运输局
        2024年5月6日
    """
    # A 报告 with no 主送 (an annual report published to the public) is not sent upward.
    if letter.has("signer") or not letter.has("title") or not letter.has("recipient"):
        return
    if letter.doctype == "opinion" and not any(_UPWARD_OPINION.search(p.text) for p in letter.body[-3:]):
        return  # a 意见 sent down or across
    docnum = letter.first("doc_number")
    title = letter.first("title")
    span = docnum.span if docnum else title.span
    outside = not options["signer-required-without-header"] and not letter.has_header
    yield Finding(span, f"{doctypes.label(letter.doctype)}是上行文，应标注签发人"
                  + ("（文本没有版头，签发人随版头标注）" if outside else ""),
                  "在发文字号同一行右侧标注“签发人：×××”", severity="warning" if outside else None)


@rule("SIGNER-002", "signer-form", "error", needs_parts=("signer",))
def signer_form(letter, options):
    """签发人标注为“签发人”＋全角冒号＋姓名。

    依据：GB/T 9704-2012 7.2.6 "由“签发人”三字加全角冒号和签发人姓名组成"。

    反例：
        签发人:张明　　　　示交〔2024〕12号

    正例：
        签发人：张明　　　　示交〔2024〕12号
    """
    for part in letter.all("signer"):
        signer = part.parsed
        if signer is None or signer.label is None:
            continue  # the last of several 签发人, on the 发文字号's line: its name only
        if "".join(signer.label.text.split()) != "签发人":
            yield Finding(signer.label.span, f"“{signer.label.text}”应写作“签发人”", "改为 签发人：姓名")
        if signer.colon is None:
            yield Finding(part.span, "签发人后缺少全角冒号“：”", "改为 签发人：姓名")
        elif signer.colon.text != "：":
            yield Finding(signer.colon.span, "签发人后应使用全角冒号“：”", "改为 签发人：")
        if not signer.names:
            yield Finding(part.span, "签发人未写姓名", "写明签发人姓名")


@rule("DOCNUM-008", "docnum-signer-line", "warning", doctypes=doctypes.UPWARD, needs_parts=("signer",))
def docnum_signer_line(letter, options):
    """上行文的发文字号与签发人编排在同一行。

    依据：GB/T 9704-2012 7.2.5 "上行文的发文字号居左空一字编排，与最后一个签发人姓名处在同一行"。

    反例：
        示交〔2024〕12号
        签发人：张明
        示例市交通运输局关于申请道路安全专项经费的请示

    正例：
        示交〔2024〕12号　　　　签发人：张明
        示例市交通运输局关于申请道路安全专项经费的请示
    """
    docnum, signers = letter.first("doc_number"), letter.all("signer")
    if docnum is None or not signers or docnum.misplaced:
        return  # a 文号 outside the 版头 is reported once, by STRUCT-001
    if signers[-1].line != docnum.line:
        yield Finding(docnum.span, "上行文的发文字号应与签发人在同一行", "把发文字号放在最后一个签发人那一行的左侧")


_URGENCY_IN_LINE = lazyre.compile(PAD_CLASS + r"*(?P<urgency>特急|加急|特提|平急)$")


@rule("HDR-004", "header-marks-own-lines", "warning",
      needs_parts=("copy_number", "secrecy", "urgency"))
def header_marks_own_lines(letter, options):
    """份号、密级和保密期限、紧急程度各占一行，顶格编排。

    依据：GB/T 9704-2012 7.2.1 份号“顶格编排在版心左上角第一行”，7.2.2 密级和保密期限“顶格编排在版心
    左上角第二行”，7.2.3 紧急程度“顶格编排在版心左上角”，需同时标注时按份号、密级、紧急程度
    的顺序自上而下分行排列（顺序由 STRUCT-001 检查）。

    反例：
        秘密★1年　特急
        关于商请协助开展道路安全检查的函

    正例：
        秘密★1年
        特急
        关于商请协助开展道路安全检查的函
    """
    for part in letter.all("copy_number", "secrecy", "urgency"):
        line = part.lines[0]
        if part.start is None and line.indent:
            yield Finding(line.span(0, line.indent), f"{part.name}应顶格编排，前面不留空白", "删去行首的空格")
        if part.kind == "secrecy":
            m = _URGENCY_IN_LINE.search(str(part.fields.get("period") or ""))
            if m:
                found = part.find(m.group("urgency") + PAD_CLASS + "*$")
                yield Finding(found or part.span, f"紧急程度“{m.group('urgency')}”应另起一行，不与密级同行",
                              "把紧急程度移到密级的下一行")
