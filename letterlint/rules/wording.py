"""Wording that does not fit the kind of document: 指令性 words in a 函, 书名号
around a 转发 document's title, and an answer class its reply contradicts.

These read the text of recognised parts (title, body, answer-class mark); the
patterns are the rules' own subject, never the structure of the letter.
"""
from __future__ import annotations

from letterlint import doctypes, lazyre
from letterlint.rules.base import Finding, rule


# Commanding words aimed at the recipient: "贵局务必…", "你单位必须…", "请务必…", "责令贵…".
_ORDER = lazyre.compile(
    r"(?:贵(?:单位|局|委|厅|部|办|院|校|公司|中心|方|司|处|所|会|市|县|区|省)?"
    r"|你(?:单位|局|委|厅|部|办|院|校|公司|中心|方|处|市|县|区|省))"
    r"[^。；！？\n]{0,12}?(?P<word>务必|必须|责令|限期|严禁|一律不得)"
    r"|(?P<word2>请务必|责令贵)")


@rule("DOCTYPE-003", "letter-no-command", "info", doctypes=("letter", "reply_letter"))
def letter_no_command(letter, options):
    """函是平行文，对不相隶属的收文机关不用指令性词语（务必、必须、责令、限期）。

    依据：《党政机关公文处理工作条例》第八条（十四）：函适用于不相隶属机关之间商洽工作、
    询问和答复问题；对平级或不相隶属机关用“务必”“责令”“限期”等指令性词语，语气不当，
    宜改为商请、请求的语气（“请……为盼”“请予支持”）。只在这些词指向收文机关
    （“贵局务必”“你单位必须”“请务必”）时提示。

    反例：
        关于商请协助开展校车安全检查的函
        示例市公安局：
        贵局务必于5日内派员协助。
        请予函复。

    正例：
        关于商请协助开展校车安全检查的函
        示例市公安局：
        请贵局于5日内派员协助为盼。
        请予函复。
    """
    for part in letter.body:
        for line, m in part.iter_matches(_ORDER):
            group = "word" if m.group("word") else "word2"
            word = m.group(group)
            yield Finding(line.span(m.start(group), m.end(group)),
                          f"函对不相隶属机关不用指令性词语“{word}”",
                          "改用商请语气，如“请……为盼”“请予支持”")


# A 公文 title inside 书名号: 关于……的通知/通报/函/请示/报告/批复/公告/通告 (not 办法, 规定, 方案…).
_BOOK = lazyre.compile(r"《(?P<inner>[^《》]*?关于[^《》]*?(?:通知|通报|复函|函|请示|报告|批复|公告|通告))》")


@rule("TITLE-004", "title-book-marks", "warning", needs_parts=("title",))
def title_book_marks(letter, options):
    """标题中的书名号只用于法规、规章等名称，转发公文的标题不加书名号。

    依据：《国家行政机关公文处理办法》第十条（六）“标题中除法规、规章名称加书名号外，一般不用标点符号”，
    中办、国办的公文处理学习材料沿用此规则；转发、批转公文时，被转发公文的标题不加书名号
    （“关于转发省教育厅关于……的通知的通知”，宜简化为“关于……的通知”）。印发的办法、规定、
    方案等名称可以加书名号。

    反例：
        示例市教育局关于转发《省教育厅关于做好校车安全工作的通知》的通知

    正例：
        示例市教育局关于转发省教育厅关于做好校车安全工作的通知的通知
    """
    title = letter.first("title")
    if title is None:
        return
    for line, m in title.iter_matches(_BOOK):
        yield Finding(line.span(m.start(), m.end()),
                      f"标题中转发的公文标题“{m.group('inner')}”不加书名号",
                      "去掉书名号，或把标题简化为“关于……的通知”")


_SOLVED = lazyre.compile(r"已(?:经|全部|基本)?(?:解决|落实到位|办结|完成整改)")
_NOT_SOLVED = lazyre.compile(r"暂不具备(?:实施)?条件|暂无法(?:解决|实施)|难以(?:解决|实施)|留作参考|不具备(?:实施|建设)?条件")
_FULLWIDTH = str.maketrans("ＡＢＣＤ", "ABCD")


@rule("REPLY-003", "answer-class-fits-text", "info", doctypes=doctypes.REPLIES,
      needs_parts=("answer_class",))
def answer_class_fits_text(letter, options):
    """答复类别与答复内容相符：A 类（已解决）不写“暂不具备条件”，C、D 类不写“已解决”。

    依据：各地建议、提案办理规定按解决程度标类别：A 为已经解决或基本解决，C 为因条件限制待以后解决
    或留作参考，D 为留作参考（全国人大统一格式；各地略有不同）。类别与正文的说法矛盾，是常见差错。
    各地定义不同，所以只作提示。

    反例：
        〔A〕
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的建议收悉。因资金有限，该线路暂不具备条件开通。

    正例：
        〔C〕
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的建议收悉。因资金有限，该线路暂不具备条件开通。
    """
    mark_part = letter.first("answer_class")
    if mark_part is None:
        return
    mark = str(mark_part.fields.get("mark", "")).translate(_FULLWIDTH)
    if mark in ("A", "甲"):
        rx, says = _NOT_SOLVED, "尚未解决"
    elif mark in ("C", "D", "丙", "丁"):
        rx, says = _SOLVED, "已经解决"
    else:
        return
    for part in letter.body:
        for line, m in part.iter_matches(rx):
            yield Finding(line.span(m.start(), m.end()),
                          f"答复类别标为“{mark}”，正文却说“{m.group()}”（{says}）",
                          "核对答复类别与办理结果")
            return
