"""标题: 发文机关名称 + 事由 + 文种, without terminal punctuation (条例 第九条（七）)."""
from __future__ import annotations


from letterlint import lazyre
from letterlint.fields import numbers_in_text
from letterlint.model import PAD, PAD_RUN, Span
from letterlint.rules.base import Finding, Fix, rule

# The 15 statutory 文种 of 条例 第八条, plus the answering forms of a 函.
STATUTORY = ("决议", "决定", "命令", "令", "公报", "公告", "通告", "意见", "通知", "通报", "报告",
             "请示", "批复", "议案", "函", "纪要")
TERMINAL_PUNCT = "。.，,；;：:！!？?、"
_PAD = lazyre.compile(PAD_RUN)
_LAST_WORD = lazyre.compile(r"的([\u4e00-\u9fff]{1,4})$")


def _compact(title) -> str:
    return _PAD.sub("", title.text)


@rule("TITLE-002", "title-terminal-punctuation", "error", fix="safe", needs_parts=("title",))
def title_terminal_punctuation(letter, options):
    """标题末尾不加标点符号。

    依据：《国家行政机关公文处理办法》（国发〔2000〕23号）第十条（六）"标题中除法规、
    规章名称加书名号外，一般不用标点符号"，现行各地公文处理实施细则和中办、国办
    学习材料沿用此要求；标题是独立成行的名称，句末点号不属于标题。

    反例：
        关于商请协助开展道路安全检查的函。

    正例：
        关于商请协助开展道路安全检查的函
    """
    for title in letter.all("title"):
        last = title.lines[-1]
        text = last.text.rstrip(PAD)
        if text and text[-1] in TERMINAL_PUNCT:
            span = last.span(len(text) - 1, len(text))
            yield Finding(span, f"标题末尾不应有标点“{text[-1]}”", "删去标题末尾的标点", fix=Fix.delete(span))


# 答复 is the 文种 of a reply to a 代表建议 or 委员提案 when the title names what it answers: "……建议的答复",
# and, in many places' published titles, "……第N号建议答复" / "……提案答复" without the 的 (an info hint:
# the 文种 is there, the documented form has 的).
_ANSWER_DOCTYPE = ("建议答复", "提案答复", "意见答复")
# A status or period in brackets after the 文种 belongs to the document (……的指导意见（试行）,
# ……的实施意见（2024—2026年）); the 文种 stands before it.
_QUALIFIER = lazyre.compile(r"（(?:试行|暂行|草案|征求意见稿|送审稿|修订稿?|\d{4}(?:[—－-]\d{4})?年)）$")


@rule("DOCTYPE-001", "title-doctype", "error", needs_parts=("title",))
def title_doctype(letter, options):
    """标题须以法定文种结尾（函、复函、通知、请示、报告、批复、意见……或“……的答复”）。

    依据：《党政机关公文处理工作条例》第九条（七）"标题。由发文机关名称、事由和文种组成"，
    第八条列出15种法定文种；答复人大代表建议、政协委员提案用“……的答复”或“……的函”；写作
    “……建议答复”“……提案答复”的，文种仍在，只提示（提示级）补上“的”。“回复”“汇报”“申请”等不是法定文种。文种后括注的
    （试行）（暂行）（征求意见稿）或年份（2024—2026年）属于文件本身，文种在括注之前。

    反例：
        关于市七届人大三次会议第56号建议的回复

    正例：
        关于市七届人大三次会议第56号建议的答复
    """
    for title in letter.all("title"):
        if title.section == "附件" or title.misplaced:
            continue
        text = _compact(title).rstrip(TERMINAL_PUNCT)
        qualifier = _QUALIFIER.search(text)
        if qualifier:
            text = text[:qualifier.start()]
        if not text:
            continue
        if text.endswith(STATUTORY) or text.endswith("的答复"):
            continue
        last = title.lines[-1]
        stripped = last.text.rstrip(PAD + TERMINAL_PUNCT)
        if qualifier and stripped.endswith(qualifier.group()):
            stripped = stripped[:-len(qualifier.group())]
        start = max(len(stripped) - 2, last.indent)
        if text.endswith(_ANSWER_DOCTYPE):
            # The 文种 is there; the documented form puts 的 before it.
            yield Finding(last.span(start, len(stripped)), "标题以“答复”结尾，规范写法是“……建议（提案）的答复”",
                          "在“答复”前加“的”", severity="info")
            continue
        if text.endswith("答复"):
            msg, fix = "标题缺少文种：应为“……的答复”或“……答复的函”", "在“答复”前加“的”，或以“的函”结尾"
        else:
            tail = _LAST_WORD.search(text)
            word = tail.group(1) if tail else text[-2:]
            msg = f"标题未以法定文种结尾（“{word}”不是法定文种）"
            fix = "以函、复函、通知、请示、报告、批复、意见等法定文种结尾，答复代表建议、委员提案用“……的答复”"
        yield Finding(last.span(start, len(stripped)), msg, fix)


_INTERNAL_ERROR = "。，；！？!?;,"
_INTERNAL_WARN = "、：:"
# Marks inside 书名号, quotes or brackets belong to the quoted name, not to the title.
_QUOTED = lazyre.compile(r"《[^《》]*》|“[^“”]*”|（[^（）]*）|\([^()]*\)")
_INTERNAL = lazyre.compile("[" + _INTERNAL_ERROR + _INTERNAL_WARN + "]")  # none is special in a class


def _title_marks(title):
    """(line, offset, mark) for every mark of _INTERNAL_ERROR or _INTERNAL_WARN in the title,
    outside 书名号, quotes and brackets and before its closing punctuation (TITLE-002's; a mark at the end of
    a line the title wraps from is inside the title)."""
    last = title.lines[-1]
    for line in title.lines:
        masked = _QUOTED.sub(lambda m: "\x00" * len(m.group(0)), line.text)
        end = len(line.text.rstrip(PAD + TERMINAL_PUNCT)) if line is last else len(line.text.rstrip(PAD))
        for m in _INTERNAL.finditer(masked, 0, end):
            yield line, m.start(), m.group()


@rule("TITLE-003", "title-internal-punctuation", "error", needs_parts=("title",))
def title_internal_punctuation(letter, options):
    """标题中一般不用标点符号（法规、规章名称的书名号和必要的括号、引号除外）。

    依据：《国家行政机关公文处理办法》（国发〔2000〕23号）第十条（六）"标题中除法规、规章名称
    加书名号外，一般不用标点符号"，现行各地实施细则沿用。句号、逗号、分号、问号、叹号是错误；
    顿号、冒号可改写时报警告。书名号、引号和括号内的标点属于被引用的名称，不检查。

    反例：
        关于加强校园安全，做好暑期工作的通知

    正例：
        关于加强校园安全做好暑期工作的通知
    """
    for title in letter.all("title"):
        for line, i, ch in _title_marks(title):
            if ch in _INTERNAL_ERROR:
                yield Finding(line.span(i, i + 1), f"标题中不应使用“{ch}”", "删去标点或改写标题")
            elif ch in _INTERNAL_WARN:
                yield Finding(line.span(i, i + 1), f"标题中一般不用“{ch}”", "删去标点或改写标题",
                              severity="warning")


_DOUBLED = lazyre.compile(r"的(通知|函|复函|请示|报告|意见|批复|决定|通报|通告|公告|纪要|答复)的\1$")


@rule("TITLE-005", "title-doubled-doctype", "warning", needs_parts=("title",))
def title_doubled_doctype(letter, options):
    """标题不应出现“……的通知的通知”式的文种重复。

    依据：学习材料列为常见错误：转发性文件的标题应简化，不叠用文种，
    如“关于转发××关于……的通知的通知”可改为“关于……的通知”。

    反例：
        关于转发省教育厅关于做好招生工作的通知的通知

    正例：
        关于做好招生工作的通知
    """
    for title in letter.all("title"):
        text = _compact(title).rstrip(TERMINAL_PUNCT)
        m = _DOUBLED.search(text)
        if m:
            last = title.lines[-1]
            stripped = last.text.rstrip(PAD + TERMINAL_PUNCT)
            n = len(m.group(0))
            yield Finding(last.span(max(last.indent, len(stripped) - n), len(stripped)),
                          f"标题中文种“{m.group(1)}”重复", "简化标题，只保留一个文种")


_YEAR_OPEN, _YEAR_CLOSE = "〔【[［(（", "〕】]］)）"


@rule("TITLE-006", "title-docnum", "warning", needs_parts=("title",))
def title_docnum(letter, options):
    """标题中不写发文字号。

    依据：标题由发文机关名称、事由和文种组成（条例第九条（七）），引用其他文件时写文件标题，
    不在标题中写发文字号（常见差错材料）。

    反例：
        关于落实示政发〔2024〕3号文件的通知

    正例：
        关于落实道路安全工作意见的通知
    """
    for title in letter.all("title"):
        for line in title.lines:
            for n in numbers_in_text(line):
                year = n.year.text
                if n.open.text in _YEAR_OPEN and n.close.text in _YEAR_CLOSE and len(year) == 4 and year.isdigit() \
                        and n.hao is not None:
                    yield Finding(Span(line.number, n.open.span.column, line.number, n.hao.span.end_column),
                                  "标题中不应写发文字号", "改写为所引文件的标题或事由")


_TRIAL_OUTSIDE = lazyre.compile(r"》(?P<mark>[（(](?:试行|暂行|草案|征求意见稿|修订|修订稿|修正|送审稿)[）)])")
# The same when a wrapped title breaks right after 》: the mark opens the next line.
_TRIAL_LINE_START = lazyre.compile(r"(?P<mark>[（(](?:试行|暂行|草案|征求意见稿|修订|修订稿|修正|送审稿)[）)])")


@rule("TITLE-007", "title-trial-mark", "warning", needs_text=("》",))
def title_trial_mark(letter, options):
    """“（试行）”“（草案）”“（征求意见稿）”属于文件名称，应放在书名号之内。

    依据：GB/T 15834-2011 书名号的用法与常见差错材料：题注"（试行）""（草案）"是名称的一部分，
    写作《××办法（试行）》而不是《××办法》（试行）。

    反例：
        关于印发《示例市校车安全管理办法》（试行）的通知

    正例：
        关于印发《示例市校车安全管理办法（试行）》的通知
    """
    if "》" not in letter.text:
        return  # both forms follow a 》
    for part in letter.all("title", "paragraph", "closing", "heading1", "heading2", "heading3", "heading4"):
        if "》" not in part.text:
            continue
        for line, m in part.iter_matches(_TRIAL_OUTSIDE):
            yield Finding(line.span(m.start("mark"), m.end("mark")),
                          f"“{m.group('mark')}”应放在书名号之内", f"改为 《……{m.group('mark')}》")
        for above, line in zip(part.lines, part.lines[1:], strict=False):
            m = _TRIAL_LINE_START.match(line.text, line.indent) if above.stripped.endswith("》") else None
            if m:
                yield Finding(line.span(m.start("mark"), m.end("mark")),
                              f"“{m.group('mark')}”应放在书名号之内", f"改为 《……{m.group('mark')}》")


@rule("TITLE-001", "title-elements", "warning", options={"title-requires-organ": False},
      needs_parts=("title",))
def title_elements(letter, options):
    """标题由发文机关名称、事由和文种组成；本地要求时须写发文机关名称。

    依据：《党政机关公文处理工作条例》第九条（七）"标题。由发文机关名称、事由和文种组成"。
    只有文种没有事由的标题（如“通知”）总是报告；函件用信函格式、版头已有机关名称时，
    许多地方允许标题省略发文机关名称，所以是否要求写机关名称是本地设置，默认不要求。

    反例：
        通知

    正例：
        关于开展道路安全检查的通知

    设置：title-requires-organ（默认否）。
    """
    for title in letter.all("title"):
        text = _compact(title).rstrip(TERMINAL_PUNCT)
        if text in STATUTORY or text in ("复函", "答复"):
            yield Finding(title.span, "标题缺少事由", "写成“关于……的" + text + "”")
        elif options["title-requires-organ"] and (text.startswith("关于") or text.startswith("对")):
            yield Finding(title.span, "标题缺少发文机关名称", "在“关于”之前写发文机关名称")
