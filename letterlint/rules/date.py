"""成文日期 and 印发日期: Arabic numerals, 年月日 in full (GB/T 9704-2012 7.3.5.4, 7.4.3)."""
from __future__ import annotations

from letterlint import lazyre
from letterlint.model import PAD, PAD_RUN
from letterlint.rules.base import Finding, Fix, rule

_CN_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_CN_VALUE.update({"○": 0, "零": 0, "Ｏ": 0, "0": 0, "两": 2})
_FULLWIDTH = lazyre.compile(r"[０-９]")
_SPACES = lazyre.compile(PAD_RUN)

_GOOD_DATE = lazyre.compile(r"^[1-9]\d{3}年[1-9]\d?月[1-9]\d?日$")
# GB/T 9704-2012 took effect on this day; earlier dates followed the 1999 edition.
_GB9704_2012 = (2012, 7, 1)
NO_TEXT_PAGE = lazyre.compile(r"[（(]?此页无正文[）)]?")


def cn_to_int(text: str | None) -> int | None:
    """A number written in Chinese numerals (一 … 九十九, or digit by digit as in 二〇二四), or None.

    Arabic digits, half- or full-width, are read too, so the caller need not
    know how the number was written.
    """
    if not text:
        return None
    if text.isdigit():
        return int(text)  # int() reads full-width digits as well
    if "十" in text:
        tens, _, ones = text.partition("十")
        if "十" in ones or len(tens) > 1 or len(ones) > 1:
            return None
        t = _CN_VALUE.get(tens, None) if tens else 1
        o = _CN_VALUE.get(ones, None) if ones else 0
        if t is None or o is None or t == 0:
            return None
        return t * 10 + o
    value = 0
    for ch in text:
        if ch not in _CN_VALUE:
            return None
        value = value * 10 + _CN_VALUE[ch]
    return value


def _arabic(text: str | None) -> bool:
    return bool(text) and text.isdigit()


def _fmt(y: int | None, m: int | None, d: int | None) -> str | None:
    if y is None or m is None or d is None or y < 1000:
        return None
    return f"{y}年{m}月{d}日"


def _dates(letter):
    """The letter's own 成文日期 parts (not dates on attachment pages), read (``fields.Date``)."""
    for part in letter.all("date"):
        if part.section == "附件":
            continue
        date = part.parsed
        if date is not None:
            yield part, date


_KEYS = {"y": "year", "m": "month", "d": "day"}


def _fields(date) -> dict:
    """The numbers of a date as written, by key (y, m, d), with its form."""
    out = {key: getattr(date, name).text if getattr(date, name) else None for key, name in _KEYS.items()}
    out["form"] = date.form
    return out


def _values(fields) -> tuple[int | None, int | None, int | None]:
    return cn_to_int(fields.get("y")), cn_to_int(fields.get("m")), cn_to_int(fields.get("d"))


def _rewrite(fields, date) -> Fix | None:
    """The whole date rewritten as 2024年5月6日, when year, month and day are all known."""
    text = _fmt(*_values(fields))
    return Fix.replace(date.span, text) if text else None


def _suggest(fields) -> str | None:
    y, m, d = _values(fields)
    text = _fmt(y, m, d)
    return f"改为 {text}" if text else None


@rule("DATE-001", "date-arabic", "error", fix="unsafe", needs_parts=("date",))
def date_arabic(letter, options):
    """成文日期用阿拉伯数字，不用汉字数字。

    依据：GB/T 9704-2012 7.3.5.4（成文日期中的数字）"用阿拉伯数字将年、月、日标全"
    （2012年版的改动：此前 GB/T 9704-1999 用汉字数字，如“二〇一二年”，所以标准施行的
    2012年7月1日以前的日期不报告）。“二0一七年”这类汉字与阿拉伯数字混写也属此列。

    反例：
        示例市教育局
        二〇二四年五月六日

    正例：
        示例市教育局
        2024年5月6日
    """
    for part, date in _dates(letter):
        f = _fields(date)
        if all(_arabic(f.get(k)) or not f.get(k) for k in ("y", "m", "d")):
            continue
        y, m, d = _values(f)
        if y is not None and 1000 <= y and (y, m or 12, d or 31) < _GB9704_2012:
            continue  # written under GB/T 9704-1999, which asked for Chinese numerals
        yield Finding(part.span, f"成文日期“{part.text}”应使用阿拉伯数字，不应使用汉字数字",
                      _suggest(f) or "如 2024年5月6日", fix=_rewrite(f, date))


@rule("DATE-002", "date-full-year-no-padding", "error", fix="safe", needs_parts=("date",))
def date_full_year(letter, options):
    """成文日期的年份标全称，月、日不编虚位（不在前面补0），数字用半角。

    依据：GB/T 9704-2012 7.3.5.4 "年份应标全称，月、日不编虚位（即1不编为01）"；
    GB/T 15835-2011 5.1.7.1 阿拉伯数字用半角（二分字身）形式，“２０２４年”这类
    全角数字也在此报告。

    反例：
        示例市教育局
        2024年05月06日

    正例：
        示例市教育局
        2024年5月6日
    """
    for part, date in _dates(letter):
        f = _fields(date)
        if f.get("form") != "cn":
            continue  # 2024-05-06 and the like: DATE-004 rewrites the whole date
        if any(_FULLWIDTH.search(f.get(k) or "") for k in ("y", "m", "d")):
            yield Finding(part.span, f"成文日期“{part.text}”使用了全角数字，应使用半角阿拉伯数字", _suggest(f),
                          fix=_rewrite(f, date))
            continue
        for key, label in (("y", "年份"), ("m", "月份"), ("d", "日")):
            value = f.get(key)
            if not _arabic(value):
                continue  # missing (DATE-003) or Chinese numerals (DATE-001)
            span = getattr(date, _KEYS[key]).span
            if key == "y" and len(value) != 4:
                yield Finding(span, f"成文日期的年份“{value}”应标全称（四位）", "如 2024年")
            elif key != "y" and len(value) > 1 and value.startswith("0"):
                yield Finding(span, f"成文日期的{label}“{value}”不应编虚位（前面补0）", _suggest(f),
                              fix=Fix.replace(span, value.lstrip("0") or "0"))


@rule("DATE-003", "date-complete", "error", fix="safe", needs_parts=("date",))
def date_complete(letter, options):
    """成文日期须年、月、日标全：日以“日”字结尾，不写“号”，其后不加句号。

    依据：GB/T 9704-2012 7.3.5.4 "用阿拉伯数字将年、月、日标全"。只写到月份的
    日期（2024年5月）不能作为成文日期；“2024年5月6”“2024年5月6号”“2024年5月6日。”
    也不是标全的形式，可自动改为 2024年5月6日（缺日的无从补全，只报告）。

    反例：
        示例市教育局
        2024年5月6号

    正例：
        示例市教育局
        2024年5月6日
    """
    for part, date in _dates(letter):
        if date.form != "cn":
            continue
        if date.day is None:
            yield Finding(part.span, f"成文日期“{part.text}”缺少日，年、月、日应标全", "如 2024年5月6日")
            continue
        f = _fields(date)
        if date.unit is None or date.unit.text != "日":
            what = "缺少“日”字" if date.unit is None else "的“号”应写作“日”"
            yield Finding(date.unit.span if date.unit else date.day.span, f"成文日期“{part.text}”{what}",
                          _suggest(f), fix=_rewrite(f, date))
        elif date.stop is not None:
            yield Finding(date.stop.span, f"成文日期“{part.text}”后不加句号", _suggest(f), fix=_rewrite(f, date))


@rule("DATE-004", "date-no-dotted-form", "error", fix="safe", needs_parts=("date",))
def date_no_dotted_form(letter, options):
    """成文日期写作“2024年5月6日”，不用 2024.5.6、2024-05-06、2024/5/6 等形式。

    依据：GB/T 9704-2012 7.3.5.4 成文日期"将年、月、日标全"，标准的示例均为
    “××××年×月×日”的形式；以圆点、连接号或斜线分隔的写法是常见差错。

    反例：
        示例市教育局
        2024.5.6

    正例：
        示例市教育局
        2024年5月6日
    """
    for part, date in _dates(letter):
        f = _fields(date)
        if f.get("form") == "numeric":
            yield Finding(part.span, f"成文日期不应写作“{part.text}”，应写作“××××年×月×日”", _suggest(f),
                          fix=_rewrite(f, date))


@rule("DATE-005", "date-real", "error", needs_parts=("date",))
def date_real(letter, options):
    """成文日期须是日历上存在的日期。

    依据：成文日期是公文生效的时间（《党政机关公文处理工作条例》第九条（十二）），
    2月30日、13月之类的日期无从生效，多为笔误。

    反例：
        示例市教育局
        2023年2月29日

    正例：
        示例市教育局
        2024年2月29日
    """
    for _part, date in _dates(letter):
        y, mo, d = _values(_fields(date))
        if mo is None:
            continue
        if not 1 <= mo <= 12:
            yield Finding(date.month.span, f"成文日期的月份“{date.month.text}”不存在", "核对日期")
            continue
        if d is None:
            continue
        # A short year cannot say whether February has 29 days: assume it may.
        year = y if y is not None and 1000 <= y <= 9999 else 2000
        last = days_in_month(year, mo)
        if not 1 <= d <= last:
            when = f"{y}年{mo}月" if year == y else f"{mo}月"
            yield Finding(date.day.span, f"成文日期不存在：{when}没有{d}日", "核对日期")


@rule("DATE-007", "no-text-page", "warning", needs_text=("此页无正文",))
def no_text_page(letter, options):
    """不用“（此页无正文）”，应调整版面使署名页有正文。

    依据：GB/T 9704-2012 7.3.5.5 "当公文排版后所剩空白处不能容下印章或签发人签名章、
    成文日期时，可以采取调整行距、字距的措施解决"，标准不设“此页无正文”的写法；
    公文写作差错材料将其列为常见问题。

    反例：
        请予函复。
        示例市教育局
        2024年5月6日
        （此页无正文）

    正例：
        请予函复。
        示例市教育局
        2024年5月6日
    """
    if "此页无正文" not in letter.text:
        return
    for part in letter.parts:
        for line, m in part.iter_matches(NO_TEXT_PAGE):
            yield Finding(line.span(m.start(), m.end()), "不应标注“此页无正文”",
                          "调整行距、字距，使发文机关署名和成文日期与正文同页")


def _as_date(y, m, d):
    """The ``datetime.date`` of these numbers, or None when they name no day."""
    if y is None or m is None or d is None or not 1000 <= y <= 9999:
        return None
    import datetime  # here, not at the top: only a letter with a 印发 line compares dates

    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


@rule("DATE-008", "print-date-after-date", "warning", needs_parts=("date",))
def print_date_after_date(letter, options):
    """印发日期不早于成文日期。

    依据：《党政机关公文处理工作条例》第九条（十二）成文日期"署会议通过或者发文机关
    负责人签发的日期"，第九条（十七）印发日期是"公文的送印日期"；先签发、后送印，
    印发日期早于成文日期多为笔误。

    反例：
        示例市教育局
        2024年5月8日
        抄送：示例市人民政府办公室。
        示例市教育局办公室　2024年5月7日印发

    正例：
        示例市教育局
        2024年5月8日
        抄送：示例市人民政府办公室。
        示例市教育局办公室　2024年5月8日印发
    """
    if not letter.has("print_line"):
        return
    dated = next((p for p in letter.all("date") if p.section != "附件"), None)
    if dated is None:
        return
    written = _as_date(*_values(_fields(dated.parsed))) if dated.parsed is not None else None
    if written is None:
        return
    for part in letter.all("print_line"):
        line = part.parsed
        if line.form is None:
            continue
        printed = _as_date(*_values(line.numbers))
        if printed is not None and printed < written:
            yield Finding(line.date.span, f"印发日期{_fmt(printed.year, printed.month, printed.day)}早于成文日期"
                                f"{_fmt(written.year, written.month, written.day)}",
                          "核对成文日期和印发日期")


def _print_date_problem(line) -> str | None:
    """What is wrong with the date of a 印发 line (None when it reads 2024年5月7日)."""
    raw = line.date.text
    c = _SPACES.sub("", raw)
    if _GOOD_DATE.match(c):
        return None
    if line.form is None:
        return f"印发日期“{raw}”格式不正确"
    fields, form = line.numbers, line.form
    if form == "numeric":
        return f"印发日期不应写作“{c}”，应写作“××××年×月×日”"
    if not fields.get("d"):
        return f"印发日期“{c}”缺少日，年、月、日应标全"
    values = [fields.get(k) or "" for k in ("y", "m", "d")]
    if not all(v.isdigit() for v in values):
        return f"印发日期“{c}”应使用阿拉伯数字，不应使用汉字数字"
    if _FULLWIDTH.search(c):
        return f"印发日期“{c}”应使用半角阿拉伯数字"
    if len(values[0]) != 4:
        return f"印发日期的年份“{values[0]}”应标全称（四位）"
    if any(len(v) > 1 and v.startswith("0") for v in values[1:]):
        return f"印发日期“{c}”的月、日不应编虚位（前面补0）"
    return f"印发日期“{raw}”格式不正确"


@rule("PRINT-001", "print-line-form", "error", needs_parts=("print_line",))
def print_line_form(letter, options):
    """印发机关和印发日期写作“印发机关　2024年5月7日印发”。

    依据：GB/T 9704-2012 7.4.3 "印发日期右空一字，用阿拉伯数字将年、月、日标全，
    年份应标全称，月、日不编虚位（即1不编为01），后加“印发”二字"。

    反例：
        示例市教育局
        2024年5月6日
        抄送：示例市人民政府办公室。
        示例市教育局办公室　2024年05月07日

    正例：
        示例市教育局
        2024年5月6日
        抄送：示例市人民政府办公室。
        示例市教育局办公室　2024年5月7日印发
    """
    for part in letter.all("print_line"):
        line = part.parsed
        org = line.org.text.strip(PAD) if line.org is not None else ""
        span = line.date.span if line.date is not None else part.span
        good = _fmt(*_values(line.numbers)) if line.form else None
        suggestion = f"改为 {org}　{good or '2024年5月7日'}印发"
        problem = _print_date_problem(line) if line.date is not None else "缺少印发日期"
        if problem:
            yield Finding(span, problem, suggestion)
        if line.printed is None:
            yield Finding(span, "印发日期后缺少“印发”二字", suggestion)


def days_in_month(year: int, month: int) -> int:
    """The number of days of a month in the Gregorian calendar (what calendar.monthrange gives, without its import)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31
