"""argparse in Chinese: its own words ("usage:", "options", its error messages).

argparse looks its words up through ``gettext`` at the moment it uses them,
via the module global ``argparse._`` (and ``argparse.ngettext``).  ``chinese()``
swaps in a lookup in the table below for the duration of a ``with`` block
(building the parser, parsing, printing help) and restores the originals
after, so other users of argparse in the same process (pytest) are untouched.
A message missing from the table (a newer Python's wording) stays English.
"""
from __future__ import annotations

import argparse
import contextlib

WORDS = {
    "usage: ": "用法：",
    "options": "选项",
    "optional arguments": "选项",
    "positional arguments": "位置参数",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "ambiguous option: %(option)s could match %(matches)s": "有歧义的选项：%(option)s 可以是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "参数 %s 中必须给出一个",
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的子命令 %(parser_name)r（可用：%(choices)s）",
    "argument command: invalid choice": "未知的子命令",
}


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions and epilogs keep their line breaks (Chinese has no spaces to wrap at); argparse
    writes section headings as ``title:`` without asking gettext: make the colon full-width."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        """Wrap option help by display cells (a CJK character is two), at spaces or between any two
        CJK characters, so help lines fit the terminal."""
        import unicodedata

        lines, line, cells = [], "", 0
        for word in _pieces(" ".join(text.split())):
            w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in word)
            if line and cells + w > width:
                lines.append(line.rstrip())
                line, cells = "", 0
                if word == " ":
                    continue
            line += word
            cells += w
        if line.strip():
            lines.append(line.rstrip())
        return lines

    def format_help(self) -> str:
        text = super().format_help()
        for title in ("位置参数", "选项"):
            text = text.replace(f"\n{title}:\n", f"\n{title}：\n")
        return text


def _pieces(text: str):
    """Units that may not be split: runs of non-space, non-CJK characters; each CJK character; spaces."""
    import re

    return re.findall(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+| ", text)


def _zh(message: str) -> str:
    return WORDS.get(message, message)


def _nzh(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return "需要 %s 个值"
    return singular if n == 1 else plural


@contextlib.contextmanager
def chinese():
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _zh, _nzh
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved
