"""Numbers in measurement and clock times (GB/T 15835-2011; practice).

NUM-007: measured quantities are written in Arabic numerals (百分之二十 → 20%),
except approximate numbers and fixed expressions, which keep Chinese numerals.
NUM-010: one clock convention per document (下午3时 and 15:00 not mixed).
Both look only at the text of the body and the attachments.
"""
from __future__ import annotations

from letterlint import lazyre
from letterlint.rules.base import Finding, rule

_TEXT_PARTS = ("paragraph", "heading1", "heading2", "heading3", "heading4", "closing", "attachment_text")
_CN = "零〇一二两三四五六七八九十百千"
# 百分之二十 / 百分之三点五 (百分之几 is an approximate number and is left alone).
_PERCENT = lazyre.compile(r"百分之(?P<n>[零〇一二两三四五六七八九十百点]+)")
# An exact Chinese-numeral value right before a unit of measurement, starting with a
# digit or 十 (千米, 百米 are units).  Not after another numeral or 几/数/第 (approximate or ordinal), not "一" alone (一米阳光,
# 一元化), not a title or name built on the amount (十亿元镇, 百亿元级), and not two
# neighbouring digits (三四公里 is an approximate number).  The look-behind stands after the
# first digit (it reads the character before it): a pattern that starts with a character
# class is searched with a fast scan, one that starts with a look-behind is tried everywhere.
_MEASURE = lazyre.compile(
    r"(?P<n>[一二两三四五六七八九十](?<![0-9" + _CN + r"几数第余多万亿].)[" + _CN + r"]{0,5})"
    r"(?P<unit>平方公里|平方米|立方米|公里|千米|公顷|千克|公斤|万元|亿元|元|米|亩|吨)"
    r"(?![化论制性钱线镇村县乡级户企园区市楼产])")
_DIGIT = "一二两三四五六七八九"
_UNIT_CHARS = "米里顷克斤元亩吨"  # one of them ends every unit _MEASURE knows
_UNIT_CHAR = lazyre.compile(f"[{_UNIT_CHARS}]")


def _approximate(n: str) -> bool:
    """三四 / 五六十 / 十七八: two digits side by side make an approximate number."""
    return any(a in _DIGIT and b in _DIGIT for a, b in zip(n, n[1:], strict=False))


@rule("NUM-007", "measure-arabic", "info")
def measure_arabic(letter, options):
    """用于计量的数字（百分比、长度、面积、重量、金额）用阿拉伯数字。

    依据：GB/T 15835—2011 4.1.1：用于计量的数字，在使用数字进行计量的场合，为达到醒目、易于辨识的效果，
    应采用阿拉伯数字；概数（三四公里、十几万元）和固定词语（一元化）仍用汉字。

    反例：
        全市农村公路新增三十公里，完成率达百分之二十。

    正例：
        全市农村公路新增30公里，完成率达20%，另有三四公里正在施工。
    """
    for part in letter.all(*_TEXT_PARTS):
        text = part.text
        if "百分之" not in text and _UNIT_CHAR.search(text) is None:
            continue  # neither a percentage nor a unit: skip the scan (the common paragraph)
        for line, m in part.iter_matches(_PERCENT):
            yield Finding(line.span(m.start(), m.end()), f"百分比“{m.group()}”用阿拉伯数字",
                          "写作“20%”这样的形式")
        for line, m in part.iter_matches(_MEASURE):
            n = m.group("n")
            if n in ("一", "两") or _approximate(n):
                continue
            yield Finding(line.span(m.start(), m.end()), f"计量数值“{m.group()}”用阿拉伯数字",
                          f"改用阿拉伯数字，如“30{m.group('unit')}”")


# 上午9时 / 下午3点 / 晚上8:30 (12-hour) against 15时 / 15:30 (24-hour, hour 13–23).
_TWELVE = lazyre.compile(r"(?P<half>上午|下午|中午|晚上|早上|凌晨|傍晚)\s*(?P<h>[0-9]{1,2})(?:时|点|[:：][0-5][0-9])")
# 13–23, not after a digit or a separator; the look-behinds follow the first digit (see _MEASURE).
_TWENTY_FOUR = lazyre.compile(r"(?P<h>[12](?<![0-9.:：][12])(?:(?<=1)[3-9]|(?<=2)[0-3]))(?:时|点|[:：][0-5][0-9])")


@rule("NUM-010", "clock-style", "info")
def clock_style(letter, options):
    """一份公文只用一种计时制：不把“下午3时”与“15时”混用，也不写“下午15时”。

    依据：公文常见差错（12小时制与24小时制混用）；GB/T 15835—2011 要求同类表述前后一致。
    用24小时制时不加“上午”“下午”。

    反例：
        会议于下午3时开始，15:30结束。

    正例：
        会议于15时开始，15:30结束。
    """
    twelve, twenty_four = [], []
    for part in letter.all(*_TEXT_PARTS):
        text = part.text
        if "时" not in text and "点" not in text and ":" not in text and "：" not in text:
            continue  # no clock time can be written without one of them
        for line, m in part.iter_matches(_TWELVE):
            if int(m.group("h")) > 12:
                yield Finding(line.span(m.start(), m.end()),
                              f"“{m.group()}”把“{m.group('half')}”与24小时制连用",
                              f"写作“{m.group()[len(m.group('half')):].strip()}”，去掉“{m.group('half')}”")
            else:
                twelve.append((line, m))
        for line, m in part.iter_matches(_TWENTY_FOUR):
            if line.text[max(0, m.start() - 2):m.start()] not in ("上午", "下午", "中午", "晚上", "早上", "凌晨", "傍晚"):
                twenty_four.append((line, m))
    if not twelve or not twenty_four:
        return
    minority, style = (twelve, "12小时制") if len(twelve) <= len(twenty_four) else (twenty_four, "24小时制")
    for line, m in minority:
        yield Finding(line.span(m.start(), m.end()),
                      f"计时制不一致：“{m.group()}”用{style}，文中另有另一种计时",
                      "全文统一用24小时制（如“15时”）")
