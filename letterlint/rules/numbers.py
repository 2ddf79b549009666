"""数字 in Chinese text (GB/T 15835-2011 《出版物上数字用法》).

The standard's scope says 政府和企事业单位公文 "也可参照本标准执行"; GB/T 9704-2012
and the 条例 make its forms the rule for 公文.  The 成文日期 and the 印发 line
have rules of their own (DATE-*, PRINT-001), so these rules read the running
text: 正文, 标题, 附件说明, 附件, 附注 and the like.
"""
from __future__ import annotations

from letterlint import lazyre
from letterlint.model import HEADING_KINDS
from letterlint.rules.base import Finding, Fix, rule
from letterlint.rules.date import cn_to_int
from letterlint.rules.punctuation import TEXT_KINDS, segments

# Running text where numbers are written out.
NUMBER_KINDS = ("paragraph", "closing") + HEADING_KINDS + ("title", "attachment_note", "attachment_text", "note")
_FW_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")


def _century(yy: int) -> str:
    """The likely century of a two-digit year: 24 → 20, 98 → 19."""
    import datetime  # here, not at the top: a letter without two-digit years never pays for it

    return "20" if yy <= datetime.date.today().year % 100 + 1 else "19"


def _valid_md(m: int, d: int | None = None) -> bool:
    return 1 <= m <= 12 and (d is None or 1 <= d <= 31)


# --- NUM-001 ------------------------------------------------------------------------------------------

_SHORT_YEAR = lazyre.compile(r"(?<![0-9０-９.．\-/〔\[［第])(?P<y>\d{2})年(?P<m>\d{1,2})月"
                         r"|(?:^|(?<=[\s，,。；：（(、]))(?P<q>['’])(?P<y2>\d{2})年")
_SHORT_YEAR_TRIGGER = tuple(f"年{d}" for d in range(10)) + ("'", "’")  # then _SHORT_YEAR decides
# A two-digit year without a month, where only a calendar year makes sense: "23年底",
# "23年度", "于23年"; and a Chinese-numeral one with 〇: "九〇年", "〇五年".  Not "23年来",
# "工作23年" or "三五年" (a number of years, an approximate number).
_BARE_SHORT_YEAR = lazyre.compile(
    r"(?<![0-9０-９.．\-/〔\[［第])(?P<y>\d{2})年(?=底|初|末|度|上半年|下半年)"
    r"|(?<=[于自从至到])(?P<y3>\d{2})年(?![0-9０-９来间里内中多余半的时])"
    r"|(?<![〇零一二三四五六七八九十])(?P<cn>[一二三四五六七八九][〇零]|[〇零][一二三四五六七八九])年")
# Lines that can hold one: two digits not preceded by a third before 年, or a 〇 next to 年.
# Written 年-first, with the context in look-behinds: a pattern that starts with a literal is
# searched for with a fast scan, one that starts with a look-behind is tried at every character.
_BARE_SHORT_YEAR_TRIGGER = lazyre.compile(
    r"年(?:(?<=(?<![0-9０-９])\d\d年)|(?<=[〇零]年)|(?<=[〇零][一二三四五六七八九]年))")


@rule("NUM-001", "full-year", "error")
def full_year(letter, options):
    """年份不能简写，“24年5月”应写作“2024年5月”。

    依据：GB/T 15835-2011 5.1.4（年份不能简写，如“1990年”不写作“90年”）。两位数字紧接
    “年”又紧接月份（24年5月），或带撇号（’24年）的，才当作简写的年份；“24年来”
    “工作满15年6个月”这类年数不报告。没有月份时，“23年底”“23年度”“于23年”这类只能是年份的写法，
    以及“九〇年”“〇五年”这类汉字简写，也报告。

    反例：
        我局于24年5月启动校园步道改造工程。

    正例：
        我局于2024年5月启动校园步道改造工程，已连续实施15年。
    """
    for seg in segments(letter, NUMBER_KINDS, trigger=_SHORT_YEAR_TRIGGER):
        for m in _SHORT_YEAR.finditer(seg.text, seg.lo, seg.hi):
            if m.group("y"):
                if not _valid_md(int(m.group("m"))):
                    continue
                start, end, year = m.start("y"), m.end("y") + 1, m.group("y")
            else:
                start, end, year = m.start(), m.end(), m.group("y2")
            yield Finding(seg.span(start, end), f"年份“{seg.line.text[start:end]}”不应简写，应写全四位",
                          f"如 {_century(int(year))}{year}年")
    for seg in segments(letter, NUMBER_KINDS, trigger=_BARE_SHORT_YEAR_TRIGGER):
        for m in _BARE_SHORT_YEAR.finditer(seg.text, seg.lo, seg.hi):
            group = next(g for g in ("y", "y3", "cn") if m.group(g))
            start, end = m.start(group), m.end(group) + 1
            if group == "cn":
                yield Finding(seg.span(start, end), f"年份“{seg.line.text[start:end]}”不应简写，应写全四位",
                              "写全年份，如“1990年”")
            else:
                year = m.group(group)
                yield Finding(seg.span(start, end), f"年份“{seg.line.text[start:end]}”不应简写，应写全四位",
                              f"如 {_century(int(year))}{year}年")


# --- NUM-002 ------------------------------------------------------------------------------------------

_NUMERIC_DATE = lazyre.compile(r"(?<![0-9A-Za-z.．\-/])(?P<y>(?:19|20)\d{2})(?P<s>[./\-．])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})"
                           r"(?![0-9A-Za-z]|[.．\-/]\d)")
_NUMERIC_DATE_TRIGGER = (".", "/", "-", "．")  # then _NUMERIC_DATE decides


@rule("NUM-002", "date-in-text", "warning", fix="safe")
def date_in_text(letter, options):
    """正文中的日期写作“2024年5月6日”，不用 2024.5.6、2024/5/6、2024-5-6 等形式。

    依据：GB/T 15835-2011 5.1.4（年月日的表达顺序；用“-”分隔的全数字式日期须按
    GB/T 7408 年、月、日标全并补足两位，如 2024-05-06），以及公文写作惯例：公文
    正文中的日期用“××××年×月×日”。圆点、斜线分隔的写法和不补零的“2024-5-6”是
    常见差错；完整的 2024-05-06 合乎标准，不报告。成文日期由 DATE-004 检查。

    反例：
        我局已于2024.5.6完成现场勘查。

    正例：
        我局已于2024年5月6日完成现场勘查，系统记录时间为2024-05-06。

    修正后：
        我局已于2024年5月6日完成现场勘查。
    """
    for seg in segments(letter, NUMBER_KINDS, trigger=_NUMERIC_DATE_TRIGGER):
        for m in _NUMERIC_DATE.finditer(seg.text, seg.lo, seg.hi):
            mo, d, sep = int(m.group("m")), int(m.group("d")), m.group("s")
            if not _valid_md(mo, d):
                continue
            if sep == "-" and len(m.group("m")) == 2 and len(m.group("d")) == 2:
                continue  # GB/T 7408 full form, allowed by GB/T 15835 5.1.4
            span, good = seg.span(m.start(), m.end()), f"{m.group('y')}年{mo}月{d}日"
            yield Finding(span, f"正文中的日期不应写作“{m.group()}”", f"改为 {good}", fix=Fix.replace(span, good))


# --- NUM-003 ------------------------------------------------------------------------------------------

# The look-behind excludes every digit \d matches (full-width ones too): a long
# run of digits is entered once, at its start, not rescanned from each digit.
_RANGE_UNIT = lazyre.compile(r"(?<![\dA-Za-z.．])(?P<a>\d+(?:\.\d+)?)(?P<sep> ?[～~〜—\-－–] ?)(?P<b>\d+(?:\.\d+)?)"
                         r"(?P<u>万|亿|%|％|‰)")
_RANGE_TRIGGER = tuple("～~〜—-－–")  # then _RANGE_UNIT decides


@rule("NUM-003", "range-unit", "warning")
def range_unit(letter, options):
    """数值范围中的“万”“亿”和百分号不能省略前一个：“9亿～16亿”“15%～30%”。

    依据：GB/T 15835-2011 5.1.3（表示数值范围时，如省略前一数值的附加符号或计量单位
    会造成歧义，则不应省略；示例：9亿～16亿，不写为9～16亿；13万元～17万元，不写为
    13～17万元；15%～30%，不写为15～30%）。

    反例：
        项目总投资9～16亿元，其中财政资金占15～30%。

    正例：
        项目总投资9亿～16亿元，其中财政资金占15%～30%，工期3～5个月。
    """
    for seg in segments(letter, NUMBER_KINDS, trigger=_RANGE_TRIGGER):
        for m in _RANGE_UNIT.finditer(seg.text, seg.lo, seg.hi):
            if float(m.group("a")) == 0 or float(m.group("a")) >= float(m.group("b")):
                continue
            u = m.group("u")
            sep = m.group("sep").strip()
            yield Finding(seg.span(m.start("a"), m.end("u")),
                          f"数值范围“{m.group()}”省略了前一个数值的“{u}”，会造成歧义",
                          f"改为 {m.group('a')}{u}{sep}{m.group('b')}{u}")


# --- NUM-004 ------------------------------------------------------------------------------------------

# A digit run with 千 or 百 as its unit; not the 千/百 of a unit of measure (千米, 千克, 千瓦, 百分点 …).
_MIXED = lazyre.compile(r"(?<![0-9A-Za-z.．])(?P<n>\d+(?:\.\d+)?)(?P<u>[千百])"
                    r"(?![米克瓦伏帕焦卡赫兆升分字]|公顷|立方|平方)")
_MIXED_TRIGGER = ("千", "百")  # then _MIXED decides


@rule("NUM-004", "mixed-numerals", "warning")
def mixed_numerals(letter, options):
    """阿拉伯数字不与“千”“百”等汉字数字混用（“万”“亿”作单位除外）：4000人，不写作“4千人”。

    依据：GB/T 15835-2011 5.3（同一场合的数字形式一致；"数值巨大的精确数字……可以同时使用
    '万''亿'作单位"，其余不混用，如“一百零八”不写作“1百零8”）。千米、千克、千瓦、
    百分点等计量单位中的“千”“百”不在此列。

    反例：
        全市共有4千名教师参加培训。

    正例：
        全市共有4000名教师参加培训，培训点相距3千米，投入资金120万元。
    """
    for seg in segments(letter, NUMBER_KINDS, trigger=_MIXED_TRIGGER):
        for m in _MIXED.finditer(seg.text, seg.lo, seg.hi):
            n, u = m.group("n"), m.group("u")
            fix = None
            if n.isdigit():
                value = int(n) * (1000 if u == "千" else 100)
                big = seg.char(m.end()) in ("万", "亿")
                if big or value < 10000:
                    fix = f"改为 {value}"  # 4千人 → 4000人, 3千万 → 3000万
                elif value % 10000 == 0:
                    fix = f"改为 {value // 10000}万"
            yield Finding(seg.span(m.start(), m.end()), f"“{m.group()}”中阿拉伯数字与汉字数字“{u}”混用",
                          fix or "统一用阿拉伯数字，大数可用“万”“亿”作单位")


# --- NUM-005 ------------------------------------------------------------------------------------------

# .5 where a value stands: after a sign, a bracket or a word that introduces a value, before a unit.
_NO_ZERO = lazyre.compile(r"(?:^|(?<=[\s（(：:，,、~～—\-+±约为达至到近占仅共计增降超低高长少减]))\.(?P<d>\d+)"
                      r"(?=%|％|‰|倍|个百分点|万|亿|米|厘米|毫米|千克|公斤|克|吨|升|公里|亩|公顷|小时|秒)")
_NO_ZERO_TRIGGER = lazyre.compile(r"\.[0-9]")


@rule("NUM-005", "leading-zero", "warning", fix="safe")
def leading_zero(letter, options):
    """纯小数须写出小数点前的“0”：0.5，不写作“.5”。

    依据：GB/T 15835-2011 5.1.2（纯小数必须写出小数点前定位的“0”）。只在“.5”后接
    百分号、倍数或计量单位，前面是数值的引导词或符号时报告，以免把句末误用的
    半角句点当作小数点。

    反例：
        全市教育经费比上年增长.5%。

    正例：
        全市教育经费比上年增长0.5%。
    """
    for seg in segments(letter, NUMBER_KINDS, trigger=_NO_ZERO_TRIGGER):
        for m in _NO_ZERO.finditer(seg.text, seg.lo, seg.hi):
            yield Finding(seg.span(m.start(), m.end("d")), f"纯小数“{m.group()}”缺少小数点前的“0”",
                          f"改为 0.{m.group('d')}", fix=Fix.replace(seg.span(m.start(), m.start() + 1), "0."))


# --- NUM-006 ------------------------------------------------------------------------------------------

_FULLWIDTH = lazyre.compile(r"[０-９]+(?:[．.][０-９]+)?")
_FULLWIDTH_DIGITS = tuple("０１２３４５６７８９")


@rule("NUM-006", "halfwidth-digits", "error", fix="safe")
def halfwidth_digits(letter, options):
    """阿拉伯数字用半角形式：2024，不用全角的“２０２４”。

    依据：GB/T 15835-2011 5.1.7.1（阿拉伯数字使用半角形式，即二分字身）。成文日期中的
    全角数字由 DATE-002 报告。

    反例：
        我局于２０２４年5月启动校园步道改造工程。

    正例：
        我局于2024年5月启动校园步道改造工程。
    """
    for seg in segments(letter, TEXT_KINDS + ("note",), trigger=_FULLWIDTH_DIGITS):
        for m in _FULLWIDTH.finditer(seg.text, seg.lo, seg.hi):
            span, half = seg.span(m.start(), m.end()), m.group().translate(_FW_DIGITS)
            yield Finding(span, f"“{m.group()}”使用了全角数字，应使用半角阿拉伯数字", f"改为 {half}",
                          fix=Fix.replace(span, half))


# --- NUM-008 ------------------------------------------------------------------------------------------

_ZEROS = "零○Ｏ0０OО"   # what is written for 〇 by mistake: 零, the white circle, letter O, digit 0
_CN_YEAR = lazyre.compile(r"(?<![〇一二三四五六七八九" + _ZEROS + r"])(?P<y>[〇一二三四五六七八九" + _ZEROS + r"]{4})年")
# The 成文日期 switched to Arabic numerals on this day (GB/T 9704-2012); DATE-001 reports later ones.
_GB9704_2012 = (2012, 7, 1)
_CN_YEAR_TRIGGER = lazyre.compile(r"[〇零○Ｏ0０OО][〇一二三四五六七八九零○Ｏ0０OО]{0,2}年")


def _bad_year(text: str) -> bool:
    proper = sum(c in "一二三四五六七八九" for c in text)
    return proper >= 1 and any(c in _ZEROS for c in text)


def _zero_name(ch: str) -> str:
    return {"零": "“零”", "○": "圆圈符号“○”", "0": "阿拉伯数字“0”", "０": "全角数字“０”"}.get(ch, f"字母“{ch}”")


@rule("NUM-008", "year-ling", "warning", fix="safe")
def year_ling(letter, options):
    """用汉字数字写年份时，“零”写作“〇”：二〇二四年，不写作“二零二四年”。

    依据：GB/T 15835-2011 5.2.5（“零”用于计量，“〇”用于编号；年份中的“0”用“〇”，如
    “二〇〇八年”）。混入的阿拉伯数字“0”、字母“O”和圆圈符号“○”也不是“〇”。
    2012年7月1日以后的成文日期应使用阿拉伯数字，由 DATE-001 报告。

    反例：
        二零二四年是我市校园步道建设的开局之年。

    正例：
        二〇二四年是我市校园步道建设的开局之年。
    """
    for seg in segments(letter, NUMBER_KINDS, trigger=_CN_YEAR_TRIGGER):
        yield from _year_findings(seg)
    for seg in segments(letter, ("date",), trigger=_CN_YEAR_TRIGGER):
        date = seg.part.parsed
        y, mo, d = (cn_to_int(t.text if t is not None else None) for t in (
            (date.year, date.month, date.day) if date is not None else (None, None, None)))
        if y is not None and y >= 1000 and (y, mo or 12, d or 31) >= _GB9704_2012:
            continue  # DATE-001: the whole date should be in Arabic numerals
        yield from _year_findings(seg)


def _year_findings(seg):
    for m in _CN_YEAR.finditer(seg.text, seg.lo, seg.hi):
        y = m.group("y")
        if not _bad_year(y):
            continue
        fixed = "".join("〇" if c in _ZEROS else c for c in y)
        bad = next(c for c in y if c in _ZEROS)
        span = seg.span(m.start("y"), m.end("y"))
        yield Finding(span, f"年份“{y}年”中的“〇”不应写作{_zero_name(bad)}", f"改为 {fixed}年",
                      fix=Fix.replace(span, fixed))


# --- NUM-009 ------------------------------------------------------------------------------------------

# A number grouped in threes: 1,234,567 (千分撇) or 1 234 567 (千分空, with a thin or plain space).
_GROUPED = lazyre.compile(r"(?<![0-9A-Za-z.,])(?P<n>[1-9]\d{0,2}(?:(?P<sep>[,\u2009\u2005 ])\d{3})(?:(?P=sep)\d{3})*)"
                      r"(?![0-9]|[,\u2009\u2005 ]\d)")
_GROUPED_TRIGGER = (",", "\u2009", "\u2005", " ")  # then _GROUPED decides


@rule("NUM-009", "digit-grouping", "info")
def digit_grouping(letter, options):
    """一份公文中多位数的分节只用一种方式：千分撇（1,234）或千分空（1 234）。

    依据：GB/T 15835-2011 5.1.1 多位数可用千分撇“,”或千分空分节，两种方式都可以，但同一
    文件中应统一。两种方式都出现时，在用得少的那种（一样多时在后出现的那种）处提示。

    反例：
        全年完成投资1,234万元，新增学位5 600个。

    正例：
        全年完成投资1,234万元，新增学位5,600个。
    """
    found: dict[str, list] = {"comma": [], "space": []}
    for seg in segments(letter, NUMBER_KINDS, trigger=_GROUPED_TRIGGER):
        for m in _GROUPED.finditer(seg.text, seg.lo, seg.hi):
            found["comma" if m.group("sep") == "," else "space"].append((seg, m))
    commas, spaces = found["comma"], found["space"]
    if not commas or not spaces:
        return
    minority, style, other = (spaces, "千分空", "千分撇") if len(spaces) <= len(commas) else (commas, "千分撇", "千分空")
    for seg, m in minority:
        yield Finding(seg.span(m.start("n"), m.end("n")), f"“{m.group('n')}”用{style}分节，本文其他数字用{other}",
                      f"全文统一用{other}分节")


# --- NUM-011 ------------------------------------------------------------------------------------------

_JIEZHI = lazyre.compile(r"(?:^|(?<=[\s，,。；;：:！？（(]))截止(?=[0-9０-９]|[〇一二三四五六七八九十]{1,4}[年月]|二〇|二零"
                     r"|目前|当前|现在|今年|去年|本年|上年|本月|上月|今日|年底|年末|月底)")
_JIEZHI_TRIGGER = ("截止",)


@rule("NUM-011", "jiezhi-jiezhi", "info", fix="unsafe")
def jiezhi(letter, options):
    """表示“到某时为止”用“截至”；“截止”是“到期停止”，后面不直接跟时间。

    依据：公文常见差错（“截止2024年5月底，已……”应为“截至”）；《现代汉语词典》：截至，
    截止到（某个时候）；截止，到一定期限停止。“截止到”“截止于”“截止日期”不在此列。
    是否属误用要看语义，只作提示。

    反例：
        截止2024年5月底，全市已完成校园步道改造12处。

    正例：
        截至2024年5月底，全市已完成校园步道改造12处，报名截止日期为6月30日。

    修正后：
        截至2024年5月底，全市已完成校园步道改造12处。
    """
    for seg in segments(letter, NUMBER_KINDS, trigger=_JIEZHI_TRIGGER):
        for m in _JIEZHI.finditer(seg.text, seg.lo, seg.hi):
            span = seg.span(m.start(), m.end())
            yield Finding(span, "表示“到某时为止”应使用“截至”，不用“截止”", "改为 截至（或“截止到”）",
                          fix=Fix.replace(span, "截至"))

