"""Replies to deputies' suggestions (建议答复) and members' proposals (提案答复).

The forms differ by province and city, so the local conventions are
settings (``[tool.letterlint.local]``) with national defaults that raise no
false alarm on a correct reply from elsewhere: an answer-class mark and a
disclosure mark are checked when present and required only when configured.
"""
from __future__ import annotations

from letterlint import doctypes, lazyre
from letterlint.memo import memo
from letterlint.model import Span, unpad
from letterlint.rules.base import Finding, rule
from letterlint.saferegex import search_any

REPLIES = doctypes.REPLIES
_FULLWIDTH_LETTER = str.maketrans("ＡＢＣＤ", "ABCD")

DEFAULT_DISCLOSURE_MARKS = [
    "同意公开", "同意对外公开", "不同意公开", "不同意对外公开", "是否同意公开：是", "是否同意公开：否",
    "是否公开：是", "是否公开：否", "此件公开发布", "此件主动公开", "此件依申请公开", "此件不予公开", "此件不公开",
    "主动公开", "依申请公开", "不予公开",
]


def _compact(text: str) -> str:
    return unpad(text).replace(":", "：")


@memo(8)
def _compact_marks(marks: tuple[str, ...]) -> frozenset[str]:
    """The allowed marks, compacted once per setting rather than once per letter."""
    return frozenset(_compact(m) for m in marks)


@rule("REPLY-001", "answer-class", "error", doctypes=REPLIES,
      options={"answer-class-scheme": ["A", "B", "C", "D", "甲", "乙", "丙", "丁"], "answer-class-required": False})
def answer_class(letter, options):
    """答复类别（办理结果）标注须在本地规定的类别之内；本地要求标注时不得缺少。

    依据：全国人大代表建议办理的统一格式要求"以A、B、C、D标明办理结果"并"注在答复稿首页右上角"；
    各地办法规定的类别不同（A/B/C、A/B/C/D、甲/乙/丙），所以类别方案和是否必须标注是本地设置。
    默认接受 A～D 和甲～丁，且不要求必须标注。

    反例：
        〔E〕
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的建议收悉，现答复如下：

    正例：
        〔A〕
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的建议收悉，现答复如下：

    设置：answer-class-scheme（允许的类别，默认 A～D、甲～丁），answer-class-required（是否必须标注，默认否）。
    """
    scheme = [str(x) for x in options["answer-class-scheme"]]
    marks = letter.all("answer_class")
    for part in marks:
        value = part.parsed.value
        written = value.text if value is not None else ""
        if not written:
            yield Finding(part.span, f"“{part.text}”之后没有填写答复类别", f"填写类别，如“{part.text}{scheme[0]}”")
        elif written.translate(_FULLWIDTH_LETTER) not in scheme:
            yield Finding(value.span if value is not None else part.span,
                          f"答复类别“{written}”不在本地规定的类别中（{'、'.join(scheme)}）",
                          "按本地办理规定标注类别")
    if not marks and options["answer-class-required"]:
        title = letter.first("title")
        yield Finding(title.span if title else letter.start_span(), "缺少答复类别（办理结果）标注",
                      f"在首页标题之前标注类别，如“〔{scheme[0]}〕”或“办理结果：（{scheme[0]}）”")


@rule("REPLY-002", "answer-class-position", "warning", doctypes=REPLIES)
def answer_class_position(letter, options):
    """答复类别标注应位于首页标题之前（右上角或版头的一行）。

    依据：全国人大代表建议办理的统一格式要求类别"注在答复稿首页右上角"；浙江、陕西等地
    办法同样规定"在首页文件标题的右上角""首页右上角"。标在正文之后的类别不合规定。

    反例：
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的建议收悉，现答复如下：
        感谢您对教育工作的关心和支持。
        示例市教育局
        2024年5月6日
        办理结果：A

    正例：
        办理结果：A
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的建议收悉，现答复如下：
        感谢您对教育工作的关心和支持。
        示例市教育局
        2024年5月6日
    """
    title = letter.first("title")
    recipient = letter.first("recipient")
    anchor = title or recipient
    if anchor is None:
        return
    for part in letter.all("answer_class"):
        if part.line > anchor.line:
            yield Finding(part.span, f"答复类别应标注在首页{anchor.name}之前（右上角），不应在第{part.line}行",
                          "移到标题之前")


@rule("NOTE-003", "disclosure-value", "warning",
      options={"disclosure-marks": DEFAULT_DISCLOSURE_MARKS},
      needs_parts=("disclosure", "note"))
def disclosure_value(letter, options):
    """公开属性标注须是规定的写法（如“此件公开发布”“此件依申请公开”“此件不予公开”）。

    依据：政府信息公开工作要求公文标明公开属性，各地规定在附注位置标"（此件公开发布）"
    "（此件依申请公开）""（此件不予公开）"等固定写法；答复代表建议、委员提案的复文
    另有"是否同意公开：是""〔同意对外公开〕"等本地写法。允许的写法是本地设置。

    反例：
        关于开展道路安全检查的通知
        各县（市、区）交通运输局：
        现就有关事项通知如下。
        示例市交通运输局
        2024年5月6日
        （公开）

    正例：
        关于开展道路安全检查的通知
        各县（市、区）交通运输局：
        现就有关事项通知如下。
        示例市交通运输局
        2024年5月6日
        （此件公开发布）

    写成“标签：答复”的标注（是否同意公开：同意、公开属性：主动公开、公开方式：依申请公开），整体是
    允许的写法，或答复本身是允许的写法（主动公开），或是否式的问题用同意/不同意作答而对应的
    “是/否”写法允许（是否同意公开：同意 同 是否同意公开：是），即为规定写法。

    设置：disclosure-marks（允许的公开属性写法）。
    """
    if not letter.has("disclosure", "note"):
        return
    allowed = _compact_marks(tuple(options["disclosure-marks"]))
    for part in letter.all("disclosure"):
        mark = part.parsed
        value = mark.value
        written = value.text if value is not None else part.text
        if _compact(written) not in allowed and not _answer_allowed(mark, allowed):
            yield Finding(part.span, f"公开属性“{written}”不是本地规定的写法",
                          "改用规定写法，如（此件公开发布）")
    for part in letter.all("note"):
        text = _compact(part.text).strip("（）()")
        if "公开" in text and not any(a in text for a in allowed) and len(text) <= 12:
            yield Finding(part.span, f"公开属性“{text}”不是规定的写法", "改为（此件公开发布）、（此件依申请公开）或（此件不予公开）")


# A yes/no question about disclosure (是否同意公开) answered in words: the 是/否 it means.
_YES_NO = {"是": "是", "否": "否", "同意": "是", "同意公开": "是", "同意对外公开": "是",
           "不同意": "否", "不同意公开": "否", "不同意对外公开": "否"}
# 是否同意对外公开 asks what 是否同意公开 asks.
_TO_WHOM = lazyre.compile(r"对外|向社会|社会")


def _answer_allowed(mark, allowed: frozenset[str]) -> bool:
    """A labelled 公开属性 (公开属性：主动公开, 是否同意公开：同意) whose answer is an allowed mark or means an allowed 是/否."""
    if mark.answer is None or mark.label is None:
        return False
    answer, label = _compact(mark.answer.text), _compact(mark.label.text)
    if answer in allowed:
        return True
    yes_no = _YES_NO.get(answer)
    if not label.startswith("是否") or yes_no is None:
        return False
    return f"{label}：{yes_no}" in allowed or f"{_TO_WHOM.sub('', label)}：{yes_no}" in allowed


@rule("REPLY-004", "disclosure-required", "warning", doctypes=REPLIES, options={"disclosure-required": False})
def disclosure_required(letter, options):
    """本地要求时，答复须标明公开属性。

    依据：国办发〔2014〕46号要求做好建议提案办理结果公开工作，各地据此要求复文标明
    是否公开（"是否同意公开：是"、"（此件公开发布）"等）。是否必须标注是本地设置，默认不要求。

    反例：
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的建议收悉，现答复如下：
        示例市教育局
        2024年5月6日

    正例：
        是否同意公开：是
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的建议收悉，现答复如下：
        示例市教育局
        2024年5月6日

    示例配置：
        disclosure-required = true

    设置：disclosure-required（默认否）。
    """
    if options["disclosure-required"] and not letter.has("disclosure"):
        title = letter.first("title")
        yield Finding(title.span if title else letter.start_span(), "缺少公开属性标注",
                      "按本地规定标注，如“是否同意公开：是”或在成文日期下一行写（此件公开发布）")


_NUMBERED = lazyre.compile(r"第?\s*\d+\s*号|（第?\d+号）|\(第?\d+号\)")
_ANSWERED = lazyre.compile(r"建议|提案|议案")


@rule("REPLY-005", "reply-title", "warning", doctypes=REPLIES, needs_parts=("title",))
def reply_title(letter, options):
    """答复的标题应写明所答复的建议或提案及其编号。

    依据：各地办理规定的复文标题格式为"关于××届人大×次会议第×××号建议的答复"
    "关于政协××届×次会议第×××号提案的答复"；写明编号便于人大、政协对账和公开。

    反例：
        关于城区排水问题的答复
        赵某委员：
        您提出的提案收悉，现答复如下：

    正例：
        关于市政协九届二次会议第8号提案的答复
        赵某委员：
        您提出的提案收悉，现答复如下：
    """
    title = letter.first("title")
    if title is None:
        return
    text = _compact(title.text)
    word = "提案" if letter.doctype == "proposal_reply" else "建议"
    if not _ANSWERED.search(text):
        yield Finding(title.span, f"标题未写明所答复的{word}", f"如“关于……第×号{word}的答复”")
    elif not _NUMBERED.search(text):
        yield Finding(title.span, f"标题未写明{word}编号", f"如“关于……第×号{word}的答复”")


_ACK = lazyre.compile(r"收悉|收到|提出的|提的|所提|提出《|交由我|交我")
_ANNOUNCE = lazyre.compile(r"如下|现答复|现回复|现函复|现予答复|答复如下|函告如下")


@rule("REPLY-007", "reply-opening", "warning", doctypes=REPLIES)
def reply_opening(letter, options):
    """答复的开头应说明收到的建议或提案，并引出答复（“……收悉……现答复如下：”）。

    依据：建议提案答复的通行格式：开头写"您提出的《关于……的建议》（第×号）收悉……现答复如下："，
    先说明答复的是哪一件建议或提案，再逐条答复。

    反例：
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        今年以来，我局加强校园周边交通管理。
        感谢您对教育工作的关心和支持。

    正例：
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的《关于加强校园周边交通安全的建议》收悉，现答复如下：
        今年以来，我局加强校园周边交通管理。
        感谢您对教育工作的关心和支持。
    """
    body = letter.body
    if not body or not letter.has("recipient"):
        return
    opening = " ".join(p.text for p in body[:3])
    if not _ACK.search(opening) or not _ANNOUNCE.search(opening):
        yield Finding(body[0].span, "开头未说明所答复的建议或提案并引出答复",
                      "如“您提出的《关于……的建议》收悉……现答复如下：”")


@rule("REPLY-010", "reply-signoff", "warning", doctypes=REPLIES, options={"signoff-required": False})
def reply_signoff(letter, options):
    """本地要求时，答复须注明签发的领导（“领导签发：×××”或版头的签发人）。

    依据：全国人大代表建议办理要求复文"由负责人签发"，各地规定"由承办单位主要负责同志签发"
    "分管领导审签"，有的地方要求在复文上注明"领导签发：×××"。是否必须注明是本地设置，默认不要求。

    成文日期之后写成“签发人：×××”的一行按领导签发读（规则目录3.2 h：领导签发在成文日期之后，
    GB/T 9704 7.2.6 的签发人在版头），不作为错位的版头签发人报告；上行文的版头仍须标注签发人（SIGNER-001）。

    反例：
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的建议收悉，现答复如下：
        示例市教育局
        2024年5月6日

    正例：
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的建议收悉，现答复如下：
        示例市教育局
        2024年5月6日
        领导签发：张明

    示例配置：
        signoff-required = true

    “领导签发：”之后空着、没有写姓名的，不论是否要求，都报告。

    设置：signoff-required（默认否）。
    """
    for part in letter.all("signoff"):
        for line in part.parsed or ():
            for f in line.fields:
                if f.items == ["leader"] and not f.filled.get("leader"):
                    yield Finding(Span(line.line.number, f.label_start + 1, line.line.number, f.value_end + 1),
                                  f"“{f.label}：”之后没有写签发领导的姓名", f"写明姓名，如“{f.label}：张明”")
    if options["signoff-required"] and not letter.has("signoff", "signer"):
        date = letter.first("date")
        yield Finding(date.span if date else letter.end_span, "缺少签发领导（领导签发：×××）",
                      "在成文日期之后注明“领导签发：×××”，或在版头标注签发人")


@rule("REPLY-011", "reply-copy-to", "warning", doctypes=REPLIES,
      options={"cc-required": False,
               "cc-suggestion": ["人大|人代"], "cc-proposal": ["政协|提案委"],
               "cc-government": ["政府办|府办|督查室|督办|政府督查"]},
      patterns=("cc-suggestion", "cc-proposal", "cc-government"))
def reply_copy_to(letter, options):
    """答复的抄送应包括人大代表工作机构（建议）或政协提案委（提案），以及政府办公室或督查室。

    依据：全国人大代表建议办理要求复文抄送全国人大常委会办公厅和国务院办公厅；各地办法
    要求抄送（或抄报）本级人大常委会代表工作机构、政协提案委和政府办公室（督查室）。
    机构名称各地不同且2023年后有调整，所以用正则表达式设置；是否必须有抄送也是本地设置，
    默认有抄送时才检查其内容。

    反例：
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的建议收悉，现答复如下：
        示例市教育局
        2024年5月6日
        抄送：示例市财政局。

    正例：
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的建议收悉，现答复如下：
        示例市教育局
        2024年5月6日
        抄送：市人大常委会代表工作委员会，市政府办公室。

    设置：cc-required（默认否）；cc-suggestion、cc-proposal、cc-government（各为正则表达式列表，须各有一项匹配）。
    """
    copies = letter.all("copy_to")
    if not copies:
        if options["cc-required"]:
            date = letter.first("date")
            yield Finding(date.span if date else letter.end_span, "缺少抄送",
                          "抄送本级人大常委会代表工作机构（或政协提案委）和政府办公室（督查室）")
        return
    # The patterns come from the repository's config: each is searched in one
    # name at a time, within the bounds of saferegex.
    names = [_compact(organ.name) for p in copies if p.parsed is not None for organ in p.parsed.items]
    wanted = options["cc-proposal"] if letter.doctype == "proposal_reply" else options["cc-suggestion"]
    groups = [("人大代表工作机构" if letter.doctype != "proposal_reply" else "政协提案委", wanted),
              ("政府办公室或督查室", options["cc-government"])]
    for label, patterns in groups:
        if patterns and not any(search_any(patterns, name) for name in names):
            yield Finding(copies[0].span, f"抄送中没有{label}", f"按本地规定抄送{label}")


# An organ followed by one of its internal units: 示例市教育局基础教育科 (also used by ROUTE-006).
INTERNAL_UNIT = lazyre.compile(r"(?:局|委|厅|政府|办公室|中心|院)(?P<unit>[\u4e00-\u9fff]{1,10}(?:科|股|处|组|室))$")
# A unit under an organ, named after it: 示例市教育局教学研究中心, 示例市交通运输局公路养护站.
_AFFILIATED_UNIT = lazyre.compile(r"(?:局|委|厅|政府)(?P<unit>[\u4e00-\u9fff]{2,14}(?:中心|站|所|队|馆|院))$")


@rule("REPLY-012", "reply-internal-unit", "warning", doctypes=REPLIES, needs_parts=("signature",))
def reply_internal_unit(letter, options):
    """答复应以承办单位的名义，不能以内设机构（科、股、处、室）或下属单位（……中心、……站）的名义。

    依据：《党政机关公文处理工作条例》第十七条"部门内设机构除办公厅（室）外不得对外正式行文"；
    各地办理规定要求复文"不能以内设机构或下属单位名义答复"。署名在机关名称后接“……中心”
    “……站”“……所”“……队”的，是该机关的下属单位。

    反例：
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的建议收悉，现答复如下：
        示例市教育局职成科
        2024年5月6日

    正例：
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的建议收悉，现答复如下：
        示例市教育局
        2024年5月6日
    """
    for sig in letter.all("signature"):
        name = _compact(sig.text)
        m = INTERNAL_UNIT.search(name)
        if m and not name.endswith("办公室"):
            yield Finding(sig.span, f"答复以内设机构“{m.group('unit')}”的名义署名",
                          f"以承办单位的名义署名，如 {name[:m.start('unit')]}")
            continue
        m = _AFFILIATED_UNIT.search(name)
        if m:
            yield Finding(sig.span, f"答复以下属单位“{m.group('unit')}”的名义署名",
                          f"以承办单位的名义署名，如 {name[:m.start('unit')]}")
