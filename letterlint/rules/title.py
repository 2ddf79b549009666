"""标题: 发文机关名称 + 事由 + 文种, without terminal punctuation (条例 第九条（七）)."""
from __future__ import annotations

import re

from letterlint.rules.base import Finding, rule

# The 15 statutory 文种 of 条例 第八条, plus the answering forms of a 函.
STATUTORY = ("决议", "决定", "命令", "令", "公报", "公告", "通告", "意见", "通知", "通报", "报告",
             "请示", "批复", "议案", "函", "纪要")
TERMINAL_PUNCT = "。.，,；;：:！!？?、"
_PAD = re.compile(r"[ \t\u3000\u00a0]+")


def _compact(title) -> str:
    return _PAD.sub("", title.text)


@rule("TITLE-002", "title-terminal-punctuation", "error")
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
        text = last.text.rstrip(" \t\u3000\u00a0")
        if text and text[-1] in TERMINAL_PUNCT:
            yield Finding(last.span(len(text) - 1, len(text)), f"标题末尾不应有标点“{text[-1]}”",
                          "删去标题末尾的标点")


@rule("DOCTYPE-001", "title-doctype", "error")
def title_doctype(letter, options):
    """标题须以法定文种结尾（函、复函、通知、请示、报告、批复、意见……或“……的答复”）。

    依据：《党政机关公文处理工作条例》第九条（七）"标题。由发文机关名称、事由和文种组成"，
    第八条列出15种法定文种；答复人大代表建议、政协委员提案用“……的答复”或“……的函”。
    “回复”“汇报”“申请”等不是法定文种。

    反例：
        关于市七届人大三次会议第56号建议的回复

    正例：
        关于市七届人大三次会议第56号建议的答复
    """
    for title in letter.all("title"):
        if title.section == "附件" or title.misplaced:
            continue
        text = _compact(title).rstrip(TERMINAL_PUNCT)
        if not text:
            continue
        if text.endswith(STATUTORY) or text.endswith("的答复"):
            continue
        last = title.lines[-1]
        stripped = last.text.rstrip(" \t\u3000\u00a0" + TERMINAL_PUNCT)
        start = max(len(stripped) - 2, last.indent)
        if text.endswith("答复"):
            msg, fix = "标题缺少文种：应为“……的答复”或“……答复的函”", "在“答复”前加“的”，或以“的函”结尾"
        else:
            tail = re.search(r"的([\u4e00-\u9fff]{1,4})$", text)
            word = tail.group(1) if tail else text[-2:]
            msg = f"标题未以法定文种结尾（“{word}”不是法定文种）"
            fix = "以函、复函、通知、请示、报告、批复、意见等法定文种结尾，答复代表建议、委员提案用“……的答复”"
        yield Finding(last.span(start, len(stripped)), msg, fix)
