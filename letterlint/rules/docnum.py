"""发文字号: 机关代字〔年份〕顺序号号 (条例 第九条（五）; GB/T 9704-2012 7.2.5)."""
from __future__ import annotations

from letterlint import lazyre
from letterlint.fields import CITED_HINT, cited_numbers
from letterlint.model import PAD_RUN
from letterlint.rules.base import Edit, Finding, Fix, rule

TEXT_KINDS = ("paragraph", "closing", "heading1", "heading2", "heading3", "heading4", "title",
              "attachment_text", "attachment_note", "recipient")


def _own(letter):
    """The letter's own 发文字号, read (``fields.DocNumber``), with their part."""
    for part in letter.all("doc_number"):
        number = part.parsed
        if number is not None:
            yield part, number


def _cited(letter):
    """发文字号 cited in the text, e.g. （示政发〔2024〕3号）, that are not well-formed."""
    if not CITED_HINT.search(letter.text):
        return  # every cited number is found at such a bracketed year: one search spares one per part
    for part in letter.all(*TEXT_KINDS):
        for number in cited_numbers(part):
            if number.well_formed:
                continue  # nothing to check
            if number.text("open") in "(（" and number.hao is None:
                continue  # "(2024)12" in prose is rarely a document number
            yield part, number


def _numbers(letter):
    """Own and cited 发文字号: a cited one must have the same form (GB/T 9704 7.2.5).

    Found once per letter and shared by DOCNUM-002 … 006.
    """
    return letter.memo("docnum.numbers", lambda lt: list(_own(lt)) + list(_cited(lt)))


def _label(number) -> str:
    return "引用的发文字号" if number.cited else "令号" if number.form else "发文字号"


def _suggest(number) -> str:
    if number.form:  # 令号: 第N号
        return f"第{number.seq.text.lstrip('0') or '1'}号"
    code = "" if number.cited else number.text("code")
    seq = number.seq.text.lstrip("0") or "1"
    return f"{code}〔{number.year.text.removesuffix('年')}〕{seq}号"


@rule("DOCNUM-001", "docnum-shape", "error", needs_parts=("doc_number",))
def docnum_shape(letter, options):
    """发文字号由发文机关代字、年份和发文顺序号组成，年份须用六角括号括入。

    依据：《党政机关公文处理工作条例》第九条（五）"发文字号。由发文机关代字、
    年份、发文顺序号组成"；GB/T 9704-2012 7.2.5 "年份应标全称，用六角括号“〔〕”括入"，
    年份和顺序号用阿拉伯数字（半角）。各部分连写，中间不空格。

    反例：
        示政函2024年12号

    正例：
        示政函〔2024〕12号
    """
    for part, number in _own(letter):
        if number.form:
            continue  # a 令号 (第N号) has no 代字 and no year (GB/T 9704 10.3)
        if number.bare:
            yield Finding(part.span, "发文字号缺少用六角括号括入的年份", f"改为 {_suggest(number)}")
        elif number.code is None:
            yield Finding(number.open.span, "发文字号缺少发文机关代字",
                          "在年份前写明机关代字，如 示教函〔2024〕12号")
        seq = number.seq  # a year in full-width digits is DOCNUM-003's
        if seq is not None and _WIDE_DIGIT.search(seq.text):
            yield Finding(seq.span, f"发文顺序号“{seq.text}”应使用半角阿拉伯数字", f"改为 {seq.text.translate(_HALF_DIGITS)}")
        if gap := _gap_inside(number):
            yield Finding(gap, "发文字号中间不应有空格", "删去空格，如 示教函〔2024〕12号")


_WIDE_DIGIT = lazyre.compile(r"[０-９]")
_PAD_RUN = lazyre.compile(PAD_RUN)
_HALF_DIGITS = {ord("０") + k: ord("0") + k for k in range(10)}


def _gap_inside(number):
    """The first run of spaces between the pieces of a 发文字号 (示交函〔 2024〕 18号), if any."""
    line, span = number.line, number.span
    if line is None or span.line != span.end_line:
        return None
    gap = _PAD_RUN.search(line.text, span.column - 1, span.end_column - 1)
    return line.span(gap.start(), gap.end()) if gap else None



@rule("DOCNUM-002", "docnum-brackets", "error", fix="safe")
def docnum_brackets(letter, options):
    """发文字号的年份须用六角括号〔〕，不能用【】、[]、（）、［］、〖〗等。

    依据：GB/T 9704-2012 7.2.5 "年份应标全称，用六角括号“〔〕”括入"（U+3014、U+3015）。
    方头括号【】、方括号[]和圆括号（）是常见的误用。

    反例：
        示教函[2024]12号

    正例：
        示教函〔2024〕12号
    """
    for _part, number in _numbers(letter):
        if number.bare or number.form:
            continue
        opening, closing = number.text("open"), number.text("close")
        if opening != "〔" or closing != "〕":
            fix = Fix((Edit.replace(number.open.span, "〔"), Edit.replace(number.close.span, "〕")))
            yield Finding(number.brackets, f"{_label(number)}年份应使用六角括号〔〕，不应使用“{opening}{closing}”",
                          f"改为 {_suggest(number)}", fix=fix)


@rule("DOCNUM-003", "docnum-year", "error")
def docnum_year(letter, options):
    """发文字号的年份须写全四位阿拉伯数字。

    依据：GB/T 9704-2012 7.2.5 "年份应标全称"，即 2024 而不是 24。

    反例：
        示教函〔24〕12号

    正例：
        示教函〔2024〕12号
    """
    for _part, number in _numbers(letter):
        if number.bare or number.form:
            continue
        year = number.year.text
        if year.endswith("年"):
            yield Finding(number.year.span, f"{_label(number)}的六角括号内只写年份数字，不加“年”字", "如 〔2024〕")
        elif not (len(year) == 4 and year.isascii() and year.isdigit()):
            yield Finding(number.year.span, f"{_label(number)}年份“{year}”应标全称，写作四位阿拉伯数字", "如 〔2024〕")


@rule("DOCNUM-004", "docnum-leading-zero", "error", fix="safe")
def docnum_leading_zero(letter, options):
    """发文顺序号不加虚位（不在前面补0）。

    依据：GB/T 9704-2012 7.2.5 "发文顺序号不加“第”字，不编虚位（即1不编为01）"。

    反例：
        示教函〔2024〕012号

    正例：
        示教函〔2024〕12号
    """
    for part, number in _numbers(letter):
        seq = number.seq.text
        if len(seq) > 1 and seq.startswith("0"):
            if number.bare:
                yield Finding(part.span, "发文顺序号不应编虚位（前面补0）", f"改为 {_suggest(number)}")
                continue
            fix = Fix.replace(number.seq.span, seq.lstrip("0") or "0") if seq.isascii() else None
            yield Finding(number.seq.span, f"{'令号' if number.form else '发文顺序号'}“{seq}”不应编虚位（前面补0）", f"改为 {_suggest(number)}",
                          fix=fix)


@rule("DOCNUM-005", "docnum-di", "error", fix="safe")
def docnum_di(letter, options):
    """发文顺序号前不加“第”字。

    依据：GB/T 9704-2012 7.2.5 "发文顺序号不加“第”字"。

    反例：
        示教函〔2024〕第12号

    正例：
        示教函〔2024〕12号
    """
    for part, number in _numbers(letter):
        if number.di is not None and not number.form:  # a 令号 is written 第N号
            if number.bare:
                yield Finding(part.span, "发文顺序号前不应加“第”字", f"改为 {_suggest(number)}")
                continue
            yield Finding(number.di.span, "发文顺序号前不应加“第”字", f"改为 {_suggest(number)}",
                          fix=Fix.delete(number.di.span))


@rule("DOCNUM-006", "docnum-hao", "error", fix="unsafe")
def docnum_hao(letter, options):
    """发文字号以“号”字结尾。

    依据：GB/T 9704-2012 7.2.5 发文字号的形式为"机关代字＋〔年份〕＋顺序号＋号"。

    反例：
        示教函〔2024〕12

    正例：
        示教函〔2024〕12号
    """
    for _part, number in _numbers(letter):
        if number.bare or number.hao is not None:
            continue
        end = number.seq.span
        yield Finding(number.seq.span, f"{_label(number)}应以“号”字结尾", f"改为 {_suggest(number)}",
                      fix=Fix.insert(end.end_line, end.end_column, "号"))


@rule("DOCNUM-007", "docnum-year-date", "warning", needs_parts=("date",))
def docnum_year_date(letter, options):
    """发文字号的年份应与成文日期的年份一致。

    依据：发文字号中的年份是发文年度（GB/T 9704-2012 7.2.5），通常与成文日期
    （7.3.5）同年。跨年发文（12月成文、次年1月编号）确有其事，所以相差一年且
    日期在1月或12月时只作提示，其余情况报警告。

    反例：
        示教函〔2022〕12号
        关于商请支持校车通行保障工作的函
        示例市交通运输局：
        现商请贵局支持。
        请予函复。
        示例市教育局
        2024年5月6日

    正例：
        示教函〔2024〕12号
        关于商请支持校车通行保障工作的函
        示例市交通运输局：
        现商请贵局支持。
        请予函复。
        示例市教育局
        2024年5月6日
    """
    date = letter.first("date")
    written = date.parsed if date is not None else None
    if written is None or not written.year.text.isdigit() or len(written.year.text) != 4:
        return
    date_year = int(written.year.text)
    month = written.month.text
    for _part, number in _own(letter):
        if number.form:
            continue  # a 令号 has no year
        year = number.year.text
        if number.bare or not (len(year) == 4 and year.isdigit()) or int(year) == date_year:
            continue
        near_new_year = abs(int(year) - date_year) == 1 and month in ("1", "12")
        yield Finding(number.year.span,
                      f"发文字号年份{year}与成文日期年份{date_year}不一致",
                      "核对发文年度；跨年发文时可忽略", severity="info" if near_new_year else None)


# --- DOCNUM-009: how a document is cited -------------------------------------------------

_CITING_KINDS = ("paragraph", "closing", "heading1", "heading2", "heading3", "heading4")
_LEAD_WORDS = ("据", "照", "按", "于", "和", "及", "与", "、", "的", "将", "把", "为", "在", "对", "由", "经", "是", "见")
_AFTER_TITLE = lazyre.compile(r"》\s*[（(]\s*$")


@rule("DOCNUM-009", "cited-docnum-form", "warning")
def cited_docnum_form(letter, options):
    """引用公文时先引标题，后引发文字号，发文字号放在标题后的圆括号内。

    依据：《国家行政机关公文处理办法》（国发〔2000〕23号）第二十五条（五）“引用公文应当先引
    标题，后引发文字号”，各地实施细则和公文写作规范沿用；只写发文字号（“根据示政发〔2024〕3号
    文件”），读者不知道引的是哪份文件。正文中的发文字号前面不是“《标题》（”时报告。发文字号
    本身的写法由 DOCNUM-002…006 检查。

    反例：
        关于商请协助开展道路安全检查的函
        示例市公安局：
        根据示政发〔2024〕3号文件精神，现商请贵局派员协助。
        请予函复。
        示例市交通运输局
        2024年5月6日

    正例：
        关于商请协助开展道路安全检查的函
        示例市公安局：
        根据《示例市人民政府关于加强道路安全工作的意见》（示政发〔2024〕3号）精神，现商请贵局派员协助。
        请予函复。
        示例市交通运输局
        2024年5月6日
    """
    if not CITED_HINT.search(letter.text):
        return
    for part in letter.all(*_CITING_KINDS):
        if part.section == "附件":
            continue
        for number in cited_numbers(part):
            if number.text("open") in "(（" and number.hao is None:
                continue  # "(2024)12" in prose is rarely a document number
            line = number.line
            start = number.span.column - 1
            if _AFTER_TITLE.search(line.text, 0, start):
                continue
            # The 机关代字 may start a few words early (根据示政发〔…〕): begin after the last of them.
            code = number.code.text if number.code is not None else ""
            start += max(code.rfind(w) for w in _LEAD_WORDS) + 1
            end = number.span.end_column - 1
            cited = line.text[start:end]
            yield Finding(line.span(start, end), f"引用公文“{cited}”应先引标题，再把发文字号放在圆括号内",
                          f"写作《××××》（{cited}）")
