"""一致性 (CONSIST): what one part of the letter says must agree with the others.

The title names the 文种; the closing formula and the 发文字号's 代字 must fit
it.  A reply speaks to one 代表 with one form of address, names the same
person and the same suggestion number throughout, and speaks for the organ
that signs it.  Each rule reads the parts the parser recognised; the patterns
here only look inside those parts (their own subject), never for structure.
"""
from __future__ import annotations

from letterlint import doctypes, lazyre
from letterlint.model import PAD, PAD_RUN
from letterlint.rules.base import Finding, rule

_SPACES = lazyre.compile(PAD_RUN)

# Closing formulas and the kind of document each belongs to.
_FORMULA = lazyre.compile(
    r"特此(?P<notice>通知|通告)|特此(?P<report>报告)|特此(?P<approval>批复)"
    r"|(?P<letter>特此函(?:告|达|商|询|复)|专此函(?:告|达|复)|请予函复|请即复函|特此复函)"
    r"|(?P<request>(?:妥否|当否)[，,]?\s*请(?:批示|批复|审批)|以上请示[，,]?\s*请(?:予)?(?:批示|批复|审批))")
_FORMULA_LABEL = {"notice": "通知", "report": "报告", "approval": "批复", "letter": "函", "request": "请示"}
# Which formula families each 文种 may close with.
_FITS = {
    "notice": {"notice"},
    "report": {"report"},
    "request": {"request"},
    "approval": {"approval", "letter"},  # 批复 close with 此复 / 特此批复; some write 特此函复
    "letter": {"letter"},
    "reply_letter": {"letter", "approval"},
    "suggestion_reply": {"letter", "approval"},
    "proposal_reply": {"letter", "approval"},
}


_REQUEST_ELSEWHERE = doctypes.LETTERS | {"report"}


def _closing_parts(letter):
    """The closing formula paragraphs: the ``closing`` part and short paragraphs right above it."""
    body = letter.body
    if not body:
        return []
    above = []  # gathered upwards, then put back in reading order (inserting at the front is quadratic)
    for part in reversed(body[:-1]):
        if part.kind != "paragraph" or len(_SPACES.sub("", part.text)) > 12:
            break
        above.append(part)
    return above[::-1] + ([body[-1]] if body[-1].kind in ("closing", "paragraph") else [])


def _title_kind(letter):
    title = letter.first("title")
    if title is None:
        return None, None
    return title, doctypes.title_doctype(_SPACES.sub("", title.text))


def _title_word_span(title, kind):
    word = doctypes.label(kind) if kind not in doctypes.REPLIES else "答复"
    return title.find(lazyre.escape(word) + r"[" + PAD + r"]*$") or title.span


@rule("CONSIST-001", "closing-fits-doctype", "warning")
def closing_fits_doctype(letter, options):
    """结束语须与标题的文种一致（请示不用“特此报告”，批复不用“特此报告”，通知不用“请予函复”）。

    依据：《党政机关公文处理工作条例》第八条规定各文种的用途，第十九条（四）要求“文种正确”；
    结束语随文种而定：通知用“特此通知”，报告用“特此报告”，请示用“妥否，请批示”，批复用“此复”
    “特此批复”，函用“特此函告”“请予函复”“特此函复”。结束语属于另一文种，说明文种用错或套用了模板。

    反例：
        示例市教育局关于增设校车线路的请示
        示例市人民政府：
        为方便学生上下学，拟增设校车线路3条。
        特此报告。

    正例：
        示例市教育局关于增设校车线路的请示
        示例市人民政府：
        为方便学生上下学，拟增设校车线路3条。
        妥否，请批示。
    """
    title, kind = _title_kind(letter)
    fits = _FITS.get(kind or "")
    if not fits:
        return
    for part in _closing_parts(letter):
        for line, m in part.iter_matches(_FORMULA):
            family = m.lastgroup
            if family == "request" and kind in _REQUEST_ELSEWHERE:
                continue  # LETTER-005 and ROUTE-003 report these
            if family not in fits:
                yield Finding(line.span(m.start(), m.end()),
                              f"结束语“{m.group()}”是{_FORMULA_LABEL[family]}的用语，与标题的文种“{doctypes.label(kind)}”不符",
                              "按文种改用相应的结束语，或改正标题的文种")


_HAN_CODE = lazyre.compile(r"函$")


@rule("LETTER-001", "letter-titled-as-letter", "warning")
def letter_titled_as_letter(letter, options):
    """用函的格式行文（发文字号用“函”字、结束语“请予函复”“特此函告”）时，标题的文种须是“函”。

    依据：《党政机关公文处理工作条例》第八条（十四）：函用于不相隶属机关之间商洽工作、询问和答复问题、
    请求批准和答复审批事项。发文字号带“函”、以函的结束语收尾的公文就是函，标题却写“通知”“报告”
    “请示”“意见”，是文种用错。批复常用“函”字号，不在此列。

    反例：
        示教函〔2024〕12号
        示例市教育局关于商请协助开展校车安全检查的通知
        示例市公安局：
        现商请贵局派员协助开展校车安全检查。
        请予函复。

    正例：
        示教函〔2024〕12号
        示例市教育局关于商请协助开展校车安全检查的函
        示例市公安局：
        现商请贵局派员协助开展校车安全检查。
        请予函复。
    """
    title, kind = _title_kind(letter)
    if kind not in ("notice", "report", "request", "opinion"):
        return
    formula = None
    for part in _closing_parts(letter):
        for _, m in part.iter_matches(_FORMULA):
            if m.lastgroup == "letter":
                formula = m.group()
    docnum = letter.first("doc_number")
    code = (docnum.fields.get("code") or "") if docnum is not None else ""
    han_code = bool(_HAN_CODE.search(code))
    if not formula:
        return
    why = f"结束语“{formula}”" + (f"、发文字号“{code}”" if han_code else "")
    yield Finding(_title_word_span(title, kind),
                  f"{why}表明这是一份函，标题的文种却是“{doctypes.label(kind)}”",
                  "标题改为“关于……的函”（或按实际文种改写结束语和发文字号）")


@rule("CONSIST-002", "docnum-code-fits-doctype", "info", options={"han-code-doctypes": ["请示", "报告"]},
      choices={"han-code-doctypes": ("通知", "请示", "报告", "意见")})
def docnum_code_fits_doctype(letter, options):
    """发文字号的代字与文种相符：“函”字号用于函（和批复），不用于请示、报告。

    依据：机关按文种分设发文字号（如“示教发”“示教函”“示教字”），《党政机关公文处理工作条例》
    第九条（五）发文字号由发文机关代字、年份、序号组成。请示、报告是上行文，函用于不相隶属机关，
    请示、报告用了函字号，多半是文种或字号用错。有的机关（如国务院办公厅的“国办函”）也用函字号
    印发通知，所以默认只查请示、报告，可用 han-code-doctypes 加上“通知”“意见”。

    反例：
        示教函〔2024〕12号
        示例市教育局关于增设校车线路的请示
        示例市人民政府：
        为方便学生上下学，拟增设校车线路3条。
        妥否，请批示。

    正例：
        示教〔2024〕12号
        示例市教育局关于增设校车线路的请示
        示例市人民政府：
        为方便学生上下学，拟增设校车线路3条。
        妥否，请批示。

    设置：han-code-doctypes（查哪些文种，默认 ["请示", "报告"]）。
    """
    title, kind = _title_kind(letter)
    docnum = letter.first("doc_number")
    wanted = {doctypes.normalize(k) for k in options["han-code-doctypes"]}
    if kind not in wanted or docnum is None:
        return
    code = docnum.fields.get("code") or ""
    if _HAN_CODE.search(code):
        span = docnum.find(lazyre.escape(code)) or docnum.span
        yield Finding(span, f"发文字号“{code}”是函的字号，标题的文种却是“{doctypes.label(kind)}”",
                      "核对文种和发文字号")


# Second person in a reply: 您 (singular, polite) against a bare 你 addressing the deputy.
# "你们" (several deputies) and "你单位/你局/你市…" (an organ) are other forms.
_NIN = lazyre.compile(r"您")
_NI = lazyre.compile(r"你(?![们方单局委厅部办院校处市县区省镇乡村所站队司会中])")


@rule("CONSIST-003", "reply-consistent-address", "warning", doctypes=doctypes.REPLIES,
      needs_text=("你",))
def reply_consistent_address(letter, options):
    """答复一位代表或委员，通篇用同一种称呼：用“您”就不再用“你”。

    依据：答复函的语气须庄重一致（答复代表建议、委员提案的统一格式以“您提出的……建议收悉”开头）；
    同一封答复中“您”“你”混用，显得随意，多是拼接不同稿件所致。

    反例：
        王小明代表：
        您提出的关于增设校车线路的建议收悉，现答复如下：
        感谢你对教育工作的关心和支持。

    正例：
        王小明代表：
        您提出的关于增设校车线路的建议收悉，现答复如下：
        感谢您对教育工作的关心和支持。
    """
    if "你" not in letter.text or "您" not in letter.text:
        return  # both forms are needed for a mix
    parts = [p for p in letter.body]
    nin = [(line, m) for p in parts for line, m in p.iter_matches(_NIN)]
    ni = [(line, m) for p in parts for line, m in p.iter_matches(_NI)]
    if not nin or not ni:
        return
    # Report the form used less often (on a tie, the bare 你).
    minority, word, other = (ni, "你", "您") if len(ni) <= len(nin) else (nin, "您", "你")
    for line, m in minority:
        yield Finding(line.span(m.start(), m.end()), f"称呼不一致：文中多用“{other}”，这里用了“{word}”",
                      f"统一用“{other}”")


# A name right before 代表/委员 (as the salutation names the deputy), or right after it.
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
             "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
             "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
             "柯纪梅童凌毕单季裴霍涂苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶牟艾尤阳穆农司卓古"
             "吉缪简车项连芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫"
             "寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝")
_NAME = r"[" + _SURNAMES + r"][\u4e00-\u9fff]{1,2}?"
# A name starts after a non-Chinese character or a particle ("关于王小明代表", "感谢王小明代表").
# The look-behinds follow the surname (they read the character before it): a pattern that starts
# with a character class is searched with a fast scan, one that starts with a look-behind is not.
_NAME_BEFORE_ROLE = lazyre.compile(r"(?P<name>[" + _SURNAMES + r"](?:(?<![\u4e00-\u9fff].)|(?<=[于对向给将请的由与为是谢].))"
                                   r"[\u4e00-\u9fff]{1,2}?)(?:等\d*[名位]?)?(?:代表|委员)(?![会长处团])")
_NAME_AFTER_ROLE = lazyre.compile(r"(?:代表|委员)(?P<name>" + _NAME + r")(?:等\d*[名位]?)?(?:提出|所提|领衔)")
_SALUTATION_NAME = lazyre.compile(r"^(?:尊敬的)?(?P<name>[\u4e00-\u9fff·]{2,4}?)(?:等[0-9一二两三四五六七八九十]*[名位]?)?"
                                  r"(?:代表|委员)(?:们)?[：:，,]?$")


@rule("CONSIST-004", "reply-same-person", "warning", doctypes=doctypes.REPLIES,
      needs_parts=("recipient",))
def reply_same_person(letter, options):
    """称呼中的代表、委员姓名与标题、正文中的姓名一致。

    依据：答复函逐人答复（联名建议答复领衔代表或逐人答复）；称呼写张三、正文写李四代表，
    多半是套用了另一份答复，寄错人是严重差错。

    反例：
        关于王小明代表所提第56号建议的答复
        王晓明代表：
        您提出的关于增设校车线路的建议收悉，现答复如下：

    正例：
        关于王小明代表所提第56号建议的答复
        王小明代表：
        您提出的关于增设校车线路的建议收悉，现答复如下：
    """
    salutation = next((p for p in letter.all("recipient") if p.section != "附件"), None)
    if salutation is None:
        return
    m = _SALUTATION_NAME.match(_SPACES.sub("", salutation.text))
    if m is None or "、" in m.group("name"):
        return
    name = m.group("name")
    if name[0] not in _SURNAMES or name.startswith(("各位", "全体")):
        return
    title = letter.first("title")
    parts = ([title] if title is not None else []) + letter.body
    for part in parts:
        if "代表" not in part.text and "委员" not in part.text:
            continue  # neither pattern can match: skip the scan (the common paragraph)
        for rx in (_NAME_BEFORE_ROLE, _NAME_AFTER_ROLE):
            for line, hit in part.iter_matches(rx):
                other = hit.group("name")
                if other == name or name.startswith(other) or other.startswith(name):
                    continue
                yield Finding(line.span(hit.start("name"), hit.end("name")),
                              f"{part.name}中的“{other}”与称呼中的“{name}”不一致",
                              "核对代表、委员的姓名")


_ITEM_NUMBER = lazyre.compile(r"第(?P<n>[0-9０-９]+)号(?:代表)?(?:建议|提案)")
_CITED_NUMBER = lazyre.compile(r"(?:建议|提案)》?（第(?P<n>[0-9０-９]+)号）")


@rule("CONSIST-005", "reply-same-number", "warning", doctypes=doctypes.REPLIES, needs_parts=("title",))
def reply_same_number(letter, options):
    """标题中的建议、提案编号与正文所引的编号一致。

    依据：答复标题写明“第×××号建议（提案）”（各地办理规定的统一格式），正文开头引用
    同一件建议；两处编号不同，说明标题或正文套用了另一件答复。

    反例：
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的《关于增设校车线路的建议》（第65号）收悉，现答复如下：

    正例：
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的《关于增设校车线路的建议》（第56号）收悉，现答复如下：
    """
    title = letter.first("title")
    if title is None:
        return
    in_title = {m.group("n") for _, m in title.iter_matches(_ITEM_NUMBER)}
    if not in_title:
        return
    for part in letter.body[:3]:
        for rx in (_ITEM_NUMBER, _CITED_NUMBER):
            for line, m in part.iter_matches(rx):
                if m.group("n") not in in_title:
                    yield Finding(line.span(m.start("n"), m.end("n")),
                                  f"正文所引编号“第{m.group('n')}号”与标题中的“第{'、'.join(sorted(in_title))}号”不一致",
                                  "核对建议、提案的编号")


# How an organ refers to itself, by the end of its name.
_SELF_BY_SUFFIX = (
    ("办公厅", {"厅", "办"}), ("办公室", {"办"}), ("委员会", {"委", "会"}), ("常委会", {"委", "会"}),
    ("中心", {"中心"}), ("局", {"局"}), ("厅", {"厅"}), ("委", {"委"}), ("院", {"院"}), ("部", {"部"}),
    ("办", {"办"}), ("署", {"署"}), ("处", {"处"}), ("队", {"队"}),
    ("公司", {"公司"}), ("学校", {"校"}), ("大学", {"校"}), ("学院", {"院", "校"}), ("联合会", {"会"}),
    ("协会", {"会"}),
)
_SELF_REF = lazyre.compile(r"我(?P<unit>局|委|厅|办|院|部|中心|署|处|队|公司|校)(?![长员门理署级])")


def _self_words(name: str) -> set[str] | None:
    for suffix, words in _SELF_BY_SUFFIX:
        if name.endswith(suffix):
            return words
    return None


@rule("CONSIST-006", "self-reference-fits-signature", "warning", needs_parts=("signature",))
def self_reference_fits_signature(letter, options):
    """正文中的自称（我局、我委、我厅……）与署名机关相符。

    依据：《党政机关公文处理工作条例》第九条（十一）署名为发文机关全称或规范化简称；
    正文以“我局”“我委”自称，须与署名机关一致。署名“示例市教育局”而正文写“我委”，
    多半是套用了别的机关的稿子。

    反例：
        关于商请协助开展校车安全检查的函
        示例市公安局：
        我委拟于6月开展校车安全检查，现商请贵局派员协助。
        请予函复。
        示例市教育局
        2024年5月6日

    正例：
        关于商请协助开展校车安全检查的函
        示例市公安局：
        我局拟于6月开展校车安全检查，现商请贵局派员协助。
        请予函复。
        示例市教育局
        2024年5月6日
    """
    signatures = [p for p in letter.all("signature") if p.section != "附件"]
    if len(signatures) != 1 or len(signatures[0].lines) != 1:
        return  # joint letters speak for several organs
    name = signatures[0].text
    if _SPACES.search(name):
        return  # two organs on one line
    expected = _self_words(name)
    if not expected:
        return
    for part in letter.body:
        if "我" not in part.text:
            continue
        for line, m in part.iter_matches(_SELF_REF):
            if m.group("unit") not in expected:
                yield Finding(line.span(m.start(), m.end()),
                              f"自称“{m.group()}”与署名“{name}”不符",
                              f"改为“我{sorted(expected)[0]}”，或核对署名")


# "附件3" / "附件三" cited in the text (not "附件：", which is the 附件说明 itself).
_CITED_ATTACHMENT = lazyre.compile(r"附件(?P<n>[0-9]{1,2}|[一二三四五六七八九十]{1,3})(?![0-9])")
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _cited_number(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    if raw == "十":
        return 10
    if len(raw) == 1:
        return _CN_DIGITS.get(raw)
    if raw.startswith("十") and len(raw) == 2:
        return 10 + _CN_DIGITS.get(raw[1], 0)
    return None


def _listed(letter) -> tuple[list, list]:
    """The 附件说明 items (from the attachment rules' own reading) and their numbers."""
    from letterlint.rules.attachment import _notes

    items = [it for note in _notes(letter) for it in note.items]
    numbers = [int(it.num) for it in items if it.num and it.num.isdigit()]
    return items, numbers


def _citations(letter):
    """(line, match, number) of every 附件N the main text cites."""
    for part in letter.body:
        if "附件" not in part.text:
            continue
        for line, m in part.iter_matches(_CITED_ATTACHMENT):
            n = _cited_number(m.group("n"))
            if n is not None:
                yield line, m, n


@rule("ATTACH-009", "cited-attachment-listed", "warning")
def cited_attachment_listed(letter, options):
    """正文提到的附件（如“见附件3”）须在附件说明中列出。

    依据：GB/T 9704-2012 7.3.4 附件说明写明“附件的顺序号和名称”，7.3.7 附件顺序号须与附件说明一致；
    正文引用了附件说明中没有的附件，是漏列附件或引错了号。

    反例：
        关于报送校园安全检查材料的函
        示例市公安局：
        检查内容见附件1，汇总情况见附件3。
        附件：1.检查内容清单
        　　　2.检查情况汇总表
        示例市教育局
        2024年5月6日

    正例：
        关于报送校园安全检查材料的函
        示例市公安局：
        检查内容见附件1，汇总情况见附件2。
        附件：1.检查内容清单
        　　　2.检查情况汇总表
        示例市教育局
        2024年5月6日
    """
    citations = list(_citations(letter))
    if not citations:
        return
    items, numbers = _listed(letter)
    count = max(numbers) if numbers else len(items)
    for line, m, n in citations:
        if not items:
            yield Finding(line.span(m.start(), m.end()), f"正文提到“{m.group()}”，但没有附件说明",
                          "在正文之后、署名之前写明“附件：”和附件名称")
        elif (numbers and n not in numbers) or (not numbers and n > count):
            yield Finding(line.span(m.start(), m.end()),
                          f"正文提到“{m.group()}”，附件说明只列了{len(items)}个附件",
                          "核对附件顺序号，或在附件说明中补列")


@rule("ATTACH-010", "listed-attachment-cited", "info")
def listed_attachment_cited(letter, options):
    """正文按序号引用附件时，附件说明列出的每个附件都应在正文中提到。

    依据：附件是正文的说明、补充或参考资料（《党政机关公文处理工作条例》第九条（十五））；
    正文逐一引用了附件1、附件2，却从未提到附件3，多半是多列了附件或漏写了引用。正文不按序号
    引用附件（如“详见附件”）时不检查。

    反例：
        关于报送校园安全检查材料的函
        示例市公安局：
        检查内容见附件1。
        附件：1.检查内容清单
        　　　2.检查情况汇总表
        示例市教育局
        2024年5月6日

    正例：
        关于报送校园安全检查材料的函
        示例市公安局：
        检查内容见附件1，汇总情况见附件2。
        附件：1.检查内容清单
        　　　2.检查情况汇总表
        示例市教育局
        2024年5月6日
    """
    cited = {n for _, _, n in _citations(letter)}
    if not cited:
        return
    items, _ = _listed(letter)
    body_text = "".join(_SPACES.sub("", p.text) for p in letter.body)
    for item in items:
        if not item.num or not item.num.isdigit() or int(item.num) in cited:
            continue
        name = _SPACES.sub("", item.name).rstrip("。，；、：.,;:")
        if name and name in body_text:
            continue
        yield Finding(item.name_span(), f"附件说明列出的附件{item.num}“{name}”在正文中没有提到",
                      "在正文中说明该附件，或从附件说明中删去")
