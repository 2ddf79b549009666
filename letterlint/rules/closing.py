"""结束语: the closing formula of the body, by kind of document.

The ``closing`` part is the last paragraph of the body when it reads as a
closing formula (``classify._mark_closing``).  A 函 closes with a formula
fitting its purpose, a reply to a 代表 or 委员 thanks them, a 请示 asks for
instructions and a 报告 must not.
"""
from __future__ import annotations

from letterlint import doctypes, lazyre
from letterlint.model import PAD_CLASS, PAD_RUN
from letterlint.rules.base import Finding, rule

_SPACES = lazyre.compile(PAD_RUN)

# Formulas that end a 函 or 复函; two of them in one closing say the same thing twice.
_END = lazyre.compile(r"特此(?:函复|复函|答复|回复|函告|函达|函商|函询|批复|通知|报告)|专此(?:函复|函告|函达)|(?<![特专])此复")
_REPLY_END = lazyre.compile(r"特此(?:函复|复函|答复|回复)|专此函复|(?<![特专])此复")
_ASK_REPLY = lazyre.compile(r"特此函商|特此函询|请予函复|请即复函")
# The opening of a reply: "你局《关于……的函》收悉" / "来函收悉".
_ANSWERS = lazyre.compile(r"收悉|来函")
# 请示 formulas, which a 函 to a 不相隶属 organ does not use.
_REQUEST_FORMULA = lazyre.compile(r"(?:妥否|当否|可否)[，,]?" + PAD_CLASS + r"*请(?:批示|审批|批复|指示)"
                              r"|(?<![提报申呈])请(?:批示|审批)")
_THANKS = lazyre.compile(r"感谢|谢谢|致谢|感激|谢意")
# What a 报告 must not ask (条例 第十五条（四）).
_REPORT_REQUEST = lazyre.compile(r"妥否|当否|(?<![提报申呈])请(?:批示|批复|审批)|请予(?:批准|审批|批复)"
                             r"|恳请[^。；;]{0,30}?批准")
# How a 请示 closes: "妥否，请批示。" / "以上请示，请予批复。" / "请予审批。" …
_REQUEST_CLOSING = lazyre.compile(r"妥否|当否|可否|是否(?:妥当|可行|同意)|以上请示|恳请|请求"
                              r"|请予?(?:批示|审批|批复|批准|审定|核准|审核|同意|研究|支持|解决|安排|指示)")
_TUOFOU_MARK = lazyre.compile(r"(?:妥否|当否)(?P<bad>[？?！!])")
_PISHI_MARK = lazyre.compile(r"请(?:批示|审批|批复)(?P<bad>[！!？?])")


def _tail(letter, n: int = 3):
    """The last ``n`` parts of the main text (paragraphs, headings, closing)."""
    return letter.body[-n:]


def _closing_region(letter):
    """The closing paragraph and the short formula-only paragraphs right above it
    ("特此函复。" on one line, "此复。" on the next)."""
    body = letter.body
    if not body or body[-1].kind != "closing":
        return []
    above = []  # gathered upwards, then put back in reading order (inserting at the front is quadratic)
    for part in reversed(body[:-1]):
        if part.kind != "paragraph" or len(_SPACES.sub("", part.text)) > 12 or not _END.search(part.text):
            break
        above.append(part)
    return above[::-1] + [body[-1]]


def _is_reply(letter) -> bool:
    if letter.doctype == "reply_letter" or letter.doctype in doctypes.REPLIES:
        return True
    return any(_ANSWERS.search(p.text) for p in letter.body[:2])


def _last_paragraph(letter):
    body = letter.body
    return next((p for p in reversed(body) if p.kind in ("paragraph", "closing")), body[-1])


@rule("LETTER-003", "letter-closing-formula", "info", doctypes=doctypes.LETTERS)
def letter_closing_formula(letter, options):
    """函的结束语与行文目的相符，且不重复使用。

    依据：函的写作规范：去函按目的用“特此函商”“特此函询”“特此函告”“请予函复”，
    复函用“特此函复”或“此复”。“特此函复。此复。”把同一句结束语说了两遍（警告）；
    复函用“请予函复”“特此函商”、去函用“此复”“特此函复”是结束语与行文目的不符（提示）。

    反例：
        关于同意借用体育场馆的复函
        示例市教育局：
        你局《关于商借体育场馆的函》收悉。经研究，同意借用。
        特此函复。此复。

    正例：
        关于同意借用体育场馆的复函
        示例市教育局：
        你局《关于商借体育场馆的函》收悉。经研究，同意借用。
        特此函复。
    """
    region = _closing_region(letter)
    if not region:
        return
    hits = [(line, m) for part in region for line, m in part.iter_matches(_END)]
    for (_, first), (line, m) in zip(hits, hits[1:], strict=False):
        yield Finding(line.span(m.start(), m.end()), f"结束语重复：已有“{first.group()}”，又用“{m.group()}”",
                      f"只保留一个结束语，删去“{m.group()}”", severity="warning")
    closing = region[-1]
    if _is_reply(letter):
        for line, m in closing.iter_matches(_ASK_REPLY):
            yield Finding(line.span(m.start(), m.end()), f"复函的结束语不应用“{m.group()}”（这是去函请对方答复的用语）",
                          "复函用“特此函复。”或“此复。”")
    else:
        for line, m in closing.iter_matches(_REPLY_END):
            yield Finding(line.span(m.start(), m.end()), f"去函的结束语不应用“{m.group()}”（这是复函的用语）",
                          "按行文目的用“特此函商。”“特此函询。”“特此函告。”或“请予函复。”；若本文是复函，标题文种应为“复函”")


@rule("LETTER-005", "letter-no-request-formula", "warning", doctypes=doctypes.LETTERS)
def letter_no_request_formula(letter, options):
    """函、复函和建议/提案答复不用请示的结束语（妥否，请批示 / 请审批）。

    依据：《党政机关公文处理工作条例》第八条（十四）：函用于"不相隶属机关之间商洽工作、询问和答复问题、
    请求批准和答复审批事项"；“妥否，请批示”“请审批”是下级向上级请示的用语，函中请求批准宜用
    “请予审批为盼”“请予函复”，答复代表、委员更不应用请示语。

    反例：
        关于商请支持校车通行保障工作的函
        示例市交通运输局：
        现商请贵局支持校车通行保障工作。
        妥否，请批示。

    正例：
        关于商请支持校车通行保障工作的函
        示例市交通运输局：
        现商请贵局支持校车通行保障工作。
        请予函复。
    """
    for part in _tail(letter):
        for line, m in part.iter_matches(_REQUEST_FORMULA):
            yield Finding(line.span(m.start(), m.end()), f"{doctypes.label(letter.doctype)}中不应使用请示的用语“{m.group()}”",
                          "请求批准用“请予审批为盼。”，请对方答复用“请予函复。”")


@rule("REPLY-008", "reply-thanks", "warning", doctypes=doctypes.REPLIES, options={"closing-formulas": []})
def reply_thanks(letter, options):
    """答复代表建议、委员提案，结尾应感谢代表（委员）的关心和支持。

    依据：建议提案答复的通行格式：结尾写"感谢您对……工作的关心和支持"，可再邀请代表、委员继续
    提出意见；“再次感谢”“衷心感谢”都可以。检查正文最后三段，缺少致谢时在最后一段报告。

    反例：
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的《关于加强校园周边交通安全的建议》收悉，现答复如下：
        今年以来，我局加强了校园周边交通管理。
        特此函复。

    正例：
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的《关于加强校园周边交通安全的建议》收悉，现答复如下：
        今年以来，我局加强了校园周边交通管理。
        感谢您对教育工作的关心和支持。

    示例配置：
        [local]
        closing-formulas = ["欢迎继续监督我局工作"]

    设置：closing-formulas（本地格式认可的其他结束语，写在最后三段中的任一段即可；默认无）。
    """
    if not letter.body:
        return
    accepted = [f for f in options["closing-formulas"] if f]
    if any(_THANKS.search(p.text) or any(f in p.text for f in accepted) for p in _tail(letter)):
        return
    who = "委员" if letter.doctype == "proposal_reply" else "代表"
    yield Finding(_last_paragraph(letter).span, f"答复结尾未感谢{who}的关心和支持",
                  "在结尾写“感谢您对……工作的关心和支持。”")


@rule("ROUTE-003", "report-no-request", "error", doctypes={"report"})
def report_no_request(letter, options):
    """报告中不得夹带请示事项（妥否、请批示、请审批、请予批准）。

    依据：《党政机关公文处理工作条例》第十五条（四）"不得在报告等非请示性公文中夹带请示事项"；
    报告以“特此报告。”结束，需要上级批准的事项另行请示。

    反例：
        示例市教育局关于2024年校舍安全检查情况的报告
        示例市人民政府：
        我局完成了全市校舍安全检查。
        特此报告，请批示。

    正例：
        示例市教育局关于2024年校舍安全检查情况的报告
        示例市人民政府：
        我局完成了全市校舍安全检查。
        特此报告。
    """
    for part in letter.body:
        for line, m in part.iter_matches(_REPORT_REQUEST):
            yield Finding(line.span(m.start(), m.end()), f"报告中不应夹带请示用语“{m.group()}”",
                          "报告以“特此报告。”结束；需要批准的事项另行请示")


@rule("ROUTE-005", "request-closing", "info", doctypes={"request"})
def request_closing(letter, options):
    """请示以请求性结束语结尾（妥否，请批示 / 以上请示，请予批复）。

    依据：请示的写作规范：请示的结尾写明请求，如"妥否，请批示。""以上请示，请予批复。"
    "请予审批。"，上级据此知道要做什么。检查正文最后三段。

    反例：
        示例市教育局关于拨付校舍维修经费的请示
        示例市人民政府：
        我局拟对12所学校的校舍进行维修，需经费300万元。

    正例：
        示例市教育局关于拨付校舍维修经费的请示
        示例市人民政府：
        我局拟对12所学校的校舍进行维修，需经费300万元。
        妥否，请批示。
    """
    if not letter.body:
        return
    if any(_REQUEST_CLOSING.search(p.text) for p in _tail(letter)):
        return
    yield Finding(_last_paragraph(letter).span, "请示缺少请求性结束语",
                  "在结尾写“妥否，请批示。”或“以上请示，请予批复。”")


@rule("PUNCT-011", "request-formula-punctuation", "warning")
def request_formula_punctuation(letter, options):
    """“妥否，请批示。”：“妥否”后用逗号，不用问号；句末用句号，不用叹号。

    依据：请示结束语的规范写法是"妥否，请批示。"：“妥否”不是独立的问句，后面用逗号；
    整句是请求，不是感叹，句末用句号（GB/T 15834-2011 4.1、4.3 句号与叹号的用法）。

    反例：
        示例市教育局关于拨付校舍维修经费的请示
        示例市人民政府：
        我局拟对12所学校的校舍进行维修。
        妥否？请批示！

    正例：
        示例市教育局关于拨付校舍维修经费的请示
        示例市人民政府：
        我局拟对12所学校的校舍进行维修。
        妥否，请批示。
    """
    if not (_TUOFOU_MARK.search(letter.text) or _PISHI_MARK.search(letter.text)):
        return  # one search over the letter spares two per paragraph
    for part in letter.body:
        for line, m in part.iter_matches(_TUOFOU_MARK):
            k = m.start("bad")
            yield Finding(line.span(k, k + 1), f"“{m.group()[:-1]}”后应用逗号，不应用“{m.group('bad')}”",
                          "改为“妥否，请批示。”")
        for line, m in part.iter_matches(_PISHI_MARK):
            k = m.start("bad")
            yield Finding(line.span(k, k + 1), f"“{m.group()[:-1]}”句末应用句号，不应用“{m.group('bad')}”",
                          f"改为“{m.group()[:-1]}。”")
