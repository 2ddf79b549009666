"""Kinds of document (文种) and how a letter's kind is inferred.

The kind decides which rules apply: a 通知 is not told it lacks a deputy's
salutation.  Users may name a kind by its id or its Chinese name.
"""
from __future__ import annotations

from letterlint import lazyre

DOCTYPES: dict[str, str] = {
    "letter": "函",
    "reply_letter": "复函",
    "suggestion_reply": "建议答复函",
    "proposal_reply": "提案答复函",
    "notice": "通知",
    "request": "请示",
    "report": "报告",
    "approval": "批复",
    "opinion": "意见",
    "decision": "决定",
    "resolution": "决议",
    "order": "命令",
    "communique": "公报",
    "announcement": "公告",
    "circular": "通告",
    "bulletin": "通报",
    "motion": "议案",
    "minutes": "纪要",
    "unknown": "未识别",
}

REPLIES = frozenset({"suggestion_reply", "proposal_reply"})
LETTERS = frozenset({"letter", "reply_letter"}) | REPLIES
# Kinds that are addressed to someone and so need a 主送机关 or 称呼.
ADDRESSED = LETTERS | {"request", "approval", "report", "notice", "opinion", "bulletin", "motion"}
UPWARD = frozenset({"request", "report"})

# 文种 words a title may end with, longest first so 复函 wins over 函.
_ENDINGS = [
    ("复函", "reply_letter"), ("答复函", "reply_letter"), ("答复", "reply_letter"),
    ("函", "letter"), ("通知", "notice"), ("请示", "request"), ("报告", "report"),
    ("批复", "approval"), ("意见", "opinion"), ("决定", "decision"), ("决议", "resolution"),
    ("命令", "order"), ("令", "order"), ("公报", "communique"), ("公告", "announcement"),
    ("通告", "circular"), ("通报", "bulletin"), ("议案", "motion"), ("纪要", "minutes"),
]
ENDING_WORDS = tuple(word for word, _ in _ENDINGS)


def _unspaced(text: str) -> str:
    """``text`` without white space: str.split splits at exactly the characters that the white-space class of
    a regular expression matches, U+3000 included, and far faster than a substitution."""
    return "".join(text.split())


def normalize(name: str) -> str:
    """Map a user-given kind (id or Chinese name) to its id; ValueError if unknown."""
    key = name.strip()
    if key in DOCTYPES:
        return key
    for ident, label in DOCTYPES.items():
        if label == key:
            return ident
    raise ValueError(key)


def label(ident: str) -> str:
    return DOCTYPES.get(ident, ident)


# A status or period in brackets after the 文种 word: （试行）, （征求意见稿）, （2024—2026年）.
_TRAILING_BRACKET = lazyre.compile(r"[（(][^（()）]{1,16}[）)]$")


def title_doctype(title: str) -> str | None:
    """The kind a title names by its final 文种 word (before a status in brackets), or None."""
    t = _unspaced(title).rstrip("。.，,；;：:！!？?、")  # a stray mark after the 文种 is TITLE-002's
    if t.endswith(("）", ")")):
        t = _TRAILING_BRACKET.sub("", t)
    if not t.endswith(ENDING_WORDS):  # one test for the common case: no 文种 word at the end
        return None
    for word, ident in _ENDINGS:
        if t.endswith(word):
            return ident
    return None


# Without a title, the formulas of the text tell the kind.
_BODY_FORMULAS = [
    (lazyre.compile(r"请示》?(?:（[^）]*）)?收悉|批复如下|特此批复"), "approval"),
    (lazyre.compile(r"现(?:印发|转发)给你们|现予(?:印发|转发)|通知如下|特此通知"), "notice"),
    (lazyre.compile(r"特此报告"), "report"),
    (lazyre.compile(r"特此通告"), "circular"),
    (lazyre.compile(r"特此公告"), "announcement"),
    (lazyre.compile(r"妥否，?请批示|请予审批"), "request"),
]


# "您提出的《关于……的建议》" / "你们在……会议上提出的……提案": a reply, whatever the title says.
_ADDRESSED_SUGGESTION = lazyre.compile(r"(?:您|你们?|您们)[^。]{0,60}?(?:提出|所提|提)[^。]{0,80}?(?P<what>建议|提案|议案)")


def _body_doctype(text: str) -> str | None:
    for rx, ident in _BODY_FORMULAS:
        if rx.search(text):
            return ident
    return None


def infer(title: str | None, salutation: str | None, has_answer_class: bool, opening: str) -> str:
    """Infer the kind from the title, then from the reply marks and salutation."""
    t = _unspaced(title or "")
    by_title = title_doctype(t) if t else None
    replyish = by_title in (None, "reply_letter", "letter") or "答复" in t or "办理" in t
    if not replyish:
        return by_title or "unknown"
    if not t and _body_doctype(opening) in ("approval", "notice"):
        return _body_doctype(opening)
    # The title's own word wins (a 提案 reply addressed to "代表" is still one);
    # then whom the salutation addresses; then the word 建议 in the title.
    if "提案" in t:
        return "proposal_reply"
    sal = _unspaced(salutation or "").rstrip("：:")
    # 各位代表 / 各位人大代表 addresses a body of deputies (a notice to them), not the authors of a 建议.
    named = not sal.startswith("各")
    if named and sal.endswith("委员"):
        return "proposal_reply"
    if named and sal.endswith("代表"):
        return "suggestion_reply"
    if "建议" in t and "意见建议" not in t:
        return "suggestion_reply"
    if not t or by_title is None:
        by_body = _body_doctype(opening)
        if by_body:
            return by_body
        addressed = _ADDRESSED_SUGGESTION.search(opening)
        if addressed:
            return "proposal_reply" if addressed.group("what") in ("提案", "议案") else "suggestion_reply"
        if "提案" in opening:
            return "proposal_reply"
        if "建议" in opening and "收悉" in opening or has_answer_class:
            return "suggestion_reply"
    return by_title or "unknown"
