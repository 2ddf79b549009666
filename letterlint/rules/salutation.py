"""主送机关和称呼 (GB/T 9704-2012 7.3.2) and the salutation of a reply to a 代表 or 委员.

Where the 主送 stands (after the title, before the body) is the grammar's
business (STRUCT-001); that it is there at all is RECIP-001.  These rules
check its form: the colon, the separators, the indentation, and whom a
reply addresses.
"""
from __future__ import annotations

from letterlint import doctypes, lazyre
from letterlint.fields import ADDRESSEE_SUFFIX, ORG_SUFFIX
from letterlint.model import PAD, PAD_RUN, Span
from letterlint.rules.base import Finding, Fix, rule

REPLIES = doctypes.REPLIES
_SPACES = lazyre.compile(PAD_RUN)
# A run of spaces inside the 主送 (not the padding at either end).
_INNER_SPACE = lazyre.compile(f"(?<=[^{PAD}，、,；;：:]){PAD_RUN}(?=[^{PAD}，、,；;：:])")

# A salutation written into the first paragraph: "尊敬的王代表，您提出的……".
_INLINE_SALUTATION = lazyre.compile(
    r"(?P<honor>尊敬的)?(?![您你我对在据经关感])(?:各位|[\u4e00-\u9fff·]{1,8}(?:、[\u4e00-\u9fff·]{1,8})*"
    r"(?:等[0-9一二两三四五六七八九十]*[名位])?)(?:代表团|代表|委员)(?:们)?(?P<sep>[，,！!])")
_HONOR = lazyre.compile(r"尊敬的")
# 代表 or 委员 somewhere in the salutation, not as part of 委员会 / 委员长 / 代表处.
_ROLE_ANYWHERE = lazyre.compile(r"(?:代表|委员)(?![会长处])")


def _recipient_lines(part):
    """Each line of the recipient (a long list wraps) with the offsets of its content."""
    if part.start is not None:  # a 称呼 run into the first paragraph: only its own span
        return [(part.lines[0], part.start, part.end)]
    return [(line, line.indent, len(line.text.rstrip(PAD))) for line in part.lines]


def _recipient_line(part):
    """The recipient's last line, which ends with the colon, with the offsets of its content."""
    return _recipient_lines(part)[-1]


@rule("RECIP-002", "recipient-colon", "error", fix="safe", needs_parts=("recipient",))
def recipient_colon(letter, options):
    """主送机关（称呼）之后须用全角冒号“：”。

    依据：GB/T 9704-2012 7.3.2 "主送机关……最后一个机关名称后标全角冒号"；
    半角冒号“:”和漏标冒号都是常见差错。

    反例：
        关于商请协助开展道路安全检查的函
        示例市公安局:
        为做好道路安全检查工作，现商请贵局派员协助。
        请予函复。

    正例：
        关于商请协助开展道路安全检查的函
        示例市公安局：
        为做好道路安全检查工作，现商请贵局派员协助。
        请予函复。
    """
    for part in letter.all("recipient"):
        if part.section == "附件":
            continue
        end = part.parsed.end
        colon = end.text if end is not None else ""
        if colon == "：":
            continue
        line, lo, hi = _recipient_line(part)
        text = line.text[lo:hi]
        if colon == ":":
            yield Finding(line.span(hi - 1, hi), "主送机关（称呼）后应使用全角冒号“：”，不应使用半角冒号“:”",
                          f"改为“{text[:-1]}：”", fix=Fix.replace(end.span, "："))
        elif colon in ("，", ",", "！", "!"):
            yield Finding(line.span(hi - 1, hi), f"主送机关（称呼）后应使用全角冒号“：”，不应使用“{colon}”",
                          f"改为“{text[:-1]}：”", fix=Fix.replace(end.span, "："))
        else:
            yield Finding(line.span(hi - 1, hi), "主送机关（称呼）后缺少全角冒号“：”", f"改为“{text}：”",
                          fix=Fix.insert(line.number, hi + 1, "：") if not colon else None)


@rule("RECIP-003", "recipient-separators", "warning", needs_parts=("recipient",))
def recipient_separators(letter, options):
    """主送机关之间：同类机关用顿号，不同类别用逗号；不用分号，不用空格分隔。

    依据：GB/T 9704-2012 7.3.2 与公文写作规范材料："同一类别的机关之间用顿号，不同类别之间用逗号"，
    分号和空格都不是主送机关的分隔符。答复代表、委员的称呼中，几位代表（委员）的姓名之间用顿号。
    顿号连接两个统称（如“各县区人民政府、市政府各部门”）多半是两类机关，这要由人判断，只作提示（info）；
    后一个统称接着前一个的机关（“国务院各部委、各直属机构”）是同一机关之下的，不提示。

    反例：
        关于开展校园安全检查的通知
        各县区教育局；市直各学校：
        现就开展校园安全检查有关事项通知如下。

    正例：
        关于开展校园安全检查的通知
        各县区教育局，市直各学校：
        现就开展校园安全检查有关事项通知如下。
    """
    reply = letter.doctype in REPLIES
    for part in letter.all("recipient"):
        if part.section == "附件":
            continue
        yield from _separator_findings(part, part.parsed, reply)


def _separator_findings(part, organs, reply):
    """RECIP-003 on one recipient, read as a list of organs (or of deputies' names)."""
    items = organs.items
    for organ in items[:-1]:  # a semicolon after the last is in the colon's place: RECIP-002's
        if organ.sep is not None and organ.sep.text in "；;":
            yield Finding(organ.sep.span, "主送机关之间不应使用分号",
                          "不同类别的机关之间用逗号“，”，同类机关之间用顿号“、”")
    for line, lo, hi in organs.content:
        text = line.text
        for m in _INNER_SPACE.finditer(text, lo, hi):
            before = _SPACES.sub("", text[lo:m.start()])
            # Only a space after a complete name separates two names; "王  芳代表"
            # and "果卓  委员" are a padded name.
            if ORG_SUFFIX.search(before) or ADDRESSEE_SUFFIX.search(before):
                if reply:
                    yield Finding(line.span(m.start(), m.end()), "称呼中各位代表（委员）之间不应用空格分隔",
                                  "姓名之间用顿号“、”，或写作“×××等N名代表：”")
                else:
                    yield Finding(line.span(m.start(), m.end()), "主送机关之间不应用空格分隔",
                                  "同类机关之间用顿号“、”，不同类别之间用逗号“，”")
    last = items[-1].sep if items else None
    if last is not None and last.text in "，、," and (organs.end is None or organs.end.text not in "，,"):
        # A separator right before the colon ("示例市教育局、："); a comma in place of the colon is RECIP-002's.
        yield Finding(last.span, f"最后一个主送机关之后多了“{last.text}”", "删去这个标点，直接接全角冒号“：”")
    if reply:
        # Names of co-signing deputies are one class: 顿号, not 逗号.
        sal = organs.salutation
        if sal is not None and sal.names is not None:
            line, at = sal.line, sal.names.span.column - 1
            for k in range(at, at + len(sal.names.text)):
                if line.text[k] in "，,":
                    yield Finding(line.span(k, k + 1), "称呼中各位代表（委员）的姓名之间应使用顿号",
                                  "把“，”改为“、”")
        return
    # Names joined by a 顿号 are one class; two 统称 (各…) are likely two classes, unless the second
    # continues the first's organ (国务院各部委、各直属机构: both of the 国务院).
    for a, b in zip(items, items[1:], strict=False):
        shared = b.name.startswith("各") and a.name.find("各") > 0
        if a.sep is not None and a.sep.text == "、" and "各" in a.name and "各" in b.name and not shared:
            yield Finding(a.sep.span, f"“{a.name}”与“{b.name}”似为两类机关，之间宜用逗号",
                          "不同类别的机关之间用逗号“，”", severity="info")


@rule("RECIP-004", "recipient-indent", "warning", fix="safe", needs_parts=("recipient",))
def recipient_indent(letter, options):
    """主送机关（称呼）居左顶格，不缩进。

    依据：GB/T 9704-2012 7.3.2 主送机关"编排于标题下空一行位置，居左顶格，回行时仍顶格"。
    主送机关紧接在标题之后，这由各部分的顺序检查（STRUCT-001）负责；本规则只检查缩进：
    行首的半角或全角空格、制表符都算缩进。

    反例：
        关于商请协助开展道路安全检查的函
        　　示例市公安局：
        　　为做好道路安全检查工作，现商请贵局派员协助。

    正例：
        关于商请协助开展道路安全检查的函
        示例市公安局：
        　　为做好道路安全检查工作，现商请贵局派员协助。
    """
    for part in letter.all("recipient"):
        if part.section == "附件":
            continue
        for line in part.lines:  # a wrapped list stays flush left too
            if line.indent:
                yield Finding(line.span(0, line.indent), "主送机关（称呼）应居左顶格，不应缩进",
                              "删去行首的空格", fix=Fix.delete(line.span(0, line.indent)))


def _salutation(letter):
    """The salutation of a reply: (line, match, inline) from the 称呼 line, or from a
    first paragraph that opens with one ("尊敬的王代表，……"); None when there is none."""
    part = next((p for p in letter.all("recipient") if p.section != "附件"), None)
    if part is not None:
        return part.lines[-1], part.parsed.salutation, False
    body = letter.body
    if body and body[0].kind == "paragraph":
        line = body[0].lines[0]
        m = _INLINE_SALUTATION.match(line.text, line.indent)
        if m:
            return line, m, True
    return None


def _addressed_item(letter) -> str | None:
    """What the reply answers, as its title (or opening) says: 提案 or 建议; None if it does not say."""
    title = letter.first("title")
    texts = [_SPACES.sub("", title.text)] if title else []
    texts.append(" ".join(p.text for p in letter.body[:2]))
    for text in texts:
        if "提案" in text or "政协" in text:
            return "提案"
        if "人大" in text or "代表建议" in text:
            return "建议"
    if letter.doctype_source != "inferred":
        return "提案" if letter.doctype == "proposal_reply" else "建议"
    return None


# Who may make a 集体提案 besides members (《政协全国委员会提案工作条例》): a 界别, a democratic party, the
# 工商联, a people's organisation, a special committee of the CPPCC, a group of members (小组).
_COLLECTIVE = lazyre.compile(r"(?:(?:民革|民盟|民建|民进|农工党|致公党|九三学社|台盟)(?:.{0,16}委员会)?|界别|工商联|工商业联合会|总工会"
                             r"|共青团.{0,12}|团[省市县区]委|妇联|妇女联合会|科协|侨联|台联|青联|政协.{0,12}委员会"
                             r"|委员小组|联组)$")


@rule("REPLY-006", "reply-salutation", "error", doctypes=REPLIES)
def reply_salutation(letter, options):
    """答复建议、提案的称呼为“×××代表：”“×××委员：”或“×××等N名代表：”。

    依据：建议提案答复的通行格式（各地办理规定的复文格式）：答复直接称呼提出建议的代表或提出提案的委员，
    "×××代表：""×××委员："，联名的写"×××等N名代表："（也常写作"等N位代表"）。
    政协的界别、民主党派、人民团体、专门委员会提出的集体提案，称呼提案者（如“民盟示例市委员会：”
    “市政协经济委员会：”“县政协医药卫生界别：”）。
    称呼未指向代表或委员的报错误（致机关的称呼报警告：若本文实为会办意见或向机关报送的办理情况，
    应按函处理）；“尊敬的”、称呼后用逗号、称呼写进正文首段、提案答复称“代表”或建议答复称“委员”报警告。

    反例：
        关于市七届人大三次会议第56号建议的答复
        尊敬的王小明代表：
        您提出的《关于加强校园周边交通安全的建议》收悉，现答复如下：

    正例：
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的《关于加强校园周边交通安全的建议》收悉，现答复如下：
    """
    found = _salutation(letter)
    if found is None:
        return
    line, m, inline = found
    if inline:
        sep = m.start("sep")
        yield Finding(line.span(sep, sep + 1), "称呼应单独成行并以全角冒号结尾，不应写进正文首段",
                      f"把“{line.text[m.start():sep]}”单独写一行，改为“×××代表：”", severity="warning")
    part = next((p for p in letter.all("recipient") if p.section != "附件"), None)
    start, end = (part.start, part.end) if part is not None and part.start is not None \
        else (line.indent, len(line.text.rstrip(PAD)))
    if part is not None and part.start is not None:
        yield Finding(line.span(end - 1, end), "称呼应单独成行，不应与正文首段写在同一行",
                      f"把“{line.text[start:end]}”单独写一行", severity="warning")
    honor = _HONOR.search(line.text, start, end)
    if honor and honor.start() - start <= 1:
        yield Finding(line.span(honor.start(), honor.end()), "答复的称呼不加“尊敬的”",
                      "直接写“×××代表：”或“×××委员：”", severity="warning")
    if inline:
        return
    text = line.text[start:end]
    core = _SPACES.sub("", text).rstrip("：:")
    if m is None:
        if _COLLECTIVE.search(core):
            return  # a 集体提案: the 界别, party, people's organisation or committee that made it
        if _ROLE_ANYWHERE.search(core):
            yield Finding(line.span(start, end), f"称呼“{core}”不合答复的格式",
                          "写作“×××代表：”“×××委员：”或“×××等N名代表：”", severity="warning")
        elif ORG_SUFFIX.search(core):
            yield Finding(line.span(start, end), f"答复的称呼“{core}”是机关，不是提出建议或提案的代表、委员",
                          "答复直接称呼代表或委员，如“王××代表：”；若本文是致机关的函，请将文种设为函",
                          severity="warning")
        else:
            yield Finding(line.span(start, end), f"答复的称呼“{core}”未称呼提出建议或提案的代表、委员",
                          "写作“×××代表：”“×××委员：”或“×××等N名代表：”")
        return
    role = m.role.text
    if role == "代表团":
        return
    item = _addressed_item(letter)
    expected = {"建议": "代表", "提案": "委员"}.get(item or "")
    if expected and role != expected:
        yield Finding(m.role.span,
                      f"答复的是{item}，称呼却是“{role}”：人大代表提建议，政协委员提提案",
                      f"核对后改为“×××{expected}：”，或改正标题中的“{item}”", severity="warning")


@rule("REPLY-013", "reply-joint-salutation", "info", doctypes=REPLIES)
def reply_joint_salutation(letter, options):
    """联名建议、提案的答复，称呼写领衔人“×××等N名代表：”，不逐一列出姓名。

    依据：各地办理规定：联名提出的建议、提案，答复领衔代表（委员）并写明联名人数，
    或分别答复每位代表（委员）；"×××等N名代表："是公开答复中的通行写法。
    称呼用顿号列出几个姓名、或写“等代表”而不写人数时提示。

    反例：
        关于市七届人大三次会议第56号建议的答复
        王小明、李小红、赵大海代表：
        你们提出的《关于加强校园周边交通安全的建议》收悉，现答复如下：

    正例：
        关于市七届人大三次会议第56号建议的答复
        王小明等3名代表：
        你们提出的《关于加强校园周边交通安全的建议》收悉，现答复如下：
    """
    found = _salutation(letter)
    if found is None or found[2] or found[1] is None:
        return
    _, m, _ = found
    role = m.role.text
    if role == "代表团":
        return
    names = [n for n in (_SPACES.sub("", t.text) for t in m.name_list) if n]
    joint = m.joint
    if joint and m.count:
        return
    if len(names) > 1:
        if joint:
            message = f"称呼列出了{len(names)}位{role}的姓名，“等”后又未写明人数"
        else:
            message = f"称呼逐一列出了{len(names)}位{role}的姓名"
        count = "N" if joint else str(len(names))
        first, last = m.names.span, (joint or m.names).span
        yield Finding(Span(first.line, first.column, last.end_line, last.end_column), message,
                      f"写作“{names[0]}等{count}名{role}：”，或分别答复每位{role}")
    elif joint:
        yield Finding(joint.span, f"联名的称呼未写明{role}人数",
                      f"写作“{names[0] if names else '×××'}等N名{role}：”")
