"""附件说明 (GB/T 9704-2012 7.3.4) and the attachment pages (7.3.7).

Where the 附件说明 stands relative to the 署名 and 日期 is the grammar's
business (STRUCT-001); ATTACH-005 only covers the case the grammar cannot
see, a 附件说明 written into the middle of the 正文.
"""
from __future__ import annotations

from letterlint import lazyre
from letterlint.fields import ATTACHMENT_LABEL, AttachmentNote, attachment_note
from letterlint.model import PAD_CLASS, PAD_RUN, Line, Part
from letterlint.record import Record
from letterlint.rules.base import Finding, Fix, rule

_S = PAD_CLASS + "*"
# Every finding here is about a 附件说明 or an attachment page ("附件：", "附：", "附件1"):
# a letter without the character 附 has none, and the engine skips these rules on it.
_NEEDS = ("附",)
# "附件" alone on a line: a 附件说明 label without its colon when numbered names follow.
_BARE_LABEL = lazyre.compile(r"^附" + _S + r"件" + _S + r"\d*$")
_NAME_END_PUNCT = "。，；、：！？.,;:!?．"
_VAGUE = lazyre.compile(r"^附" + _S + r"件" + _S + r"[：:]?" + _S
                    + r"(?P<what>如文|见文|见后|略|[\d一二两三四五六七八九十]+" + _S + r"(?:件|份|个|页))"
                    + _S + r"[。.]?$")
_SPACES = lazyre.compile(PAD_RUN)
_SENTENCE_MARK = lazyre.compile(r"[。！？!?]")


def _read(part, more: list[Line] | None = None) -> AttachmentNote | None:
    """The 附件说明 ``part`` read, with numbered lines the classifier left out of it (``more``)."""
    return attachment_note(part.lines + more) if more else part.parsed


def _note_parts(letter) -> list[Part]:
    """The 附件说明 parts.  A "附件1：××" line after the date when the main text already has
    a 附件说明 is the label of an attachment page (with its title), not a second 附件说明."""
    parts = letter.all("attachment_note")
    date = letter.first("date")
    if date is not None and any(p.line < date.line for p in parts):
        parts = [p for p in parts if p.line < date.line]
    return parts


def _continuation(letter, i: int) -> list[Line]:
    """Numbered lines right after the 附件说明 at ``letter.parts[i]`` that the classifier left
    out of it (after the 成文日期 it reads the 附件说明 as one line: "2.××××" is a heading3)."""
    out: list[Line] = []
    for part in letter.parts[i + 1:]:
        if part.kind != "heading3" or part.section == "附件":
            break
        out.extend(part.lines)
    return out


def _notes(letter) -> list[AttachmentNote]:
    return [n for run in _runs(letter) for n in run]


def _runs(letter) -> list[list[AttachmentNote]]:
    """附件说明 parts that follow one another directly, grouped."""
    runs: list[list[AttachmentNote]] = []
    prev = None
    wanted = {id(p) for p in _note_parts(letter)}
    for i, part in enumerate(letter.parts):
        if id(part) not in wanted:
            continue
        note = _read(part, _continuation(letter, i))
        if note is None:
            continue
        if prev is not None and prev == i - 1 and runs:
            runs[-1].append(note)
        else:
            runs.append([note])
        prev = i
    return runs


def _compact(text: str) -> str:
    return _SPACES.sub("", text)


@rule("ATTACH-001", "attachment-note-form", "error", doctypes=None, needs_text=_NEEDS)
def attachment_note_form(letter, options):
    """附件说明写作“附件”加全角冒号再加附件名称（“附件：××××”）。

    依据：GB/T 9704-2012 7.3.4 "如有附件，在正文下空一行左空二字编排“附件”二字，
    后标全角冒号和附件名称"。半角冒号、“附件1：”这样把序号写在冒号前、漏写冒号或名称，都不合规定。

    反例：
        关于报送校园安全检查材料的函
        示例市公安局：
        现将有关材料随函报送，请予支持。
        附件:检查内容清单
        示例市教育局
        2024年5月6日

    正例：
        关于报送校园安全检查材料的函
        示例市公安局：
        现将有关材料随函报送，请予支持。
        附件：检查内容清单
        示例市教育局
        2024年5月6日
    """
    for note in _notes(letter):
        line = note.first
        if line.text[note.colon[0]] != "：":
            yield Finding(line.span(*note.colon), "附件说明应使用全角冒号“：”，不应使用半角冒号“:”", "改为“附件：”")
        if note.num:
            n = line.text[note.num[0]:note.num[1]]
            yield Finding(line.span(*note.num), f"附件说明不应写作“附件{n}：”，序号写在冒号之后",
                          f"写作“附件：{n}.××××”")
        if not note.items:
            yield Finding(line.span(*note.label), "附件说明缺少附件名称", "在“附件：”后写明附件名称")
    # "附件" alone above numbered names: the colon is missing.
    if "附" not in letter.text:
        return
    parts = letter.parts
    for i, part in enumerate(parts[:-1]):
        if part.kind == "paragraph" and part.section != "附件" and _BARE_LABEL.match(part.text) \
                and parts[i + 1].kind == "heading3":
            yield Finding(part.span, "附件说明的“附件”后缺少全角冒号", "写作“附件：1.××××”，其余附件名称另起一行对齐")


@rule("ATTACH-002", "attachment-list-form", "warning", doctypes=None, options={"attachment-alignment": True},
      needs_text=_NEEDS)
def attachment_list_form(letter, options):
    """有多个附件时写作“附件：1.××××”，其后“2.××××”另起一行，不重复写“附件：”。

    依据：GB/T 9704-2012 7.3.4 "如有多个附件，使用阿拉伯数字标注附件顺序号（如“附件：1.XXXXX”）"；
    各附件名称分行排列，第二个及以后的附件名称与第一个附件名称对齐，“附件：”只写一次。
    序号依次为1.、2.、3.，序号后用下脚点。

    反例：
        关于报送校园安全检查材料的函
        示例市公安局：
        现将有关材料随函报送，请予支持。
        附件：1.检查内容清单
        附件：2.检查情况汇总表
        示例市教育局
        2024年5月6日

    正例：
        关于报送校园安全检查材料的函
        示例市公安局：
        现将有关材料随函报送，请予支持。
        附件：1.检查内容清单
        　　　2.检查情况汇总表
        示例市教育局
        2024年5月6日

    设置：attachment-alignment（是否检查后续附件名称与第一个附件名称对齐，默认是；
    只检查有缩进的续行，缩进全部丢失的文本不报告）。
    """
    for run in _runs(letter):
        if len(run) > 1:
            for note in run[1:]:
                yield Finding(note.first.span(*note.label), "多个附件只在第一个附件名称前写一次“附件：”",
                              "删去重复的“附件：”，写作“附件：1.××××”，其后的“2.××××”另起一行与第一个附件名称对齐")
            continue
        items = run[0].items
        if len(items) < 2:
            continue
        for a, b in zip(items, items[1:], strict=False):
            if a.line is b.line:
                at = b.marker or (b.start, b.end)
                yield Finding(b.line.span(*at), "每个附件名称应另起一行", "把这一附件名称移到下一行，与上一个附件名称对齐")
        for k, it in enumerate(items, 1):
            if it.num is None:
                yield Finding(it.name_span(), "有多个附件时每个附件名称前应标注顺序号", f"写作“{k}.{it.name}”")
                continue
            mark = it.line.span(*it.marker)
            if it.num != str(k):
                yield Finding(mark, f"附件顺序号应为“{k}.”，这里是“{it.num}{it.punct}”", f"改为“{k}.”")
            elif it.punct not in ".．":
                yield Finding(mark, f"附件顺序号“{it.num}”后应使用下脚点“.”，不应使用“{it.punct}”", f"改为“{k}.”")
        if not options["attachment-alignment"]:
            continue
        # A deliberately indented continuation line should line up with the first name.
        first = items[0]
        # (as if the label had its full-width colon: a half-width one is ATTACH-001)
        lead = first.line.text[:first.marker[0] if first.marker else first.start].replace(":", "：")
        if "\t" in lead:
            continue
        want = _width(lead)
        for it in items[1:]:
            if it.line is first.line or it.line.indent == 0 or "\t" in it.line.text[:it.line.indent]:
                continue
            if _width(it.line.text[:it.line.indent]) != want:
                yield Finding(it.line.span(it.line.indent, it.marker[1] if it.marker else it.end),
                              "后续附件名称应与第一个附件名称对齐", "调整缩进，使序号与第一个附件的序号上下对齐")


def _width(text: str) -> int:
    """Display width of a prefix: ASCII characters are half as wide as CJK ones."""
    return sum(1 if ord(c) < 0x2000 else 2 for c in text)


@rule("ATTACH-003", "attachment-name-punctuation", "error", doctypes=None, fix="safe", needs_text=_NEEDS)
def attachment_name_punctuation(letter, options):
    """附件名称后不加标点符号。

    依据：GB/T 9704-2012 7.3.4 "附件名称后不加标点符号"。附件名称之后的句号、分号、逗号都是常见差错。

    反例：
        关于报送校园安全检查材料的函
        示例市公安局：
        现将有关材料随函报送，请予支持。
        附件：1.检查内容清单；
        　　　2.检查情况汇总表。
        示例市教育局
        2024年5月6日

    正例：
        关于报送校园安全检查材料的函
        示例市公安局：
        现将有关材料随函报送，请予支持。
        附件：1.检查内容清单
        　　　2.检查情况汇总表
        示例市教育局
        2024年5月6日
    """
    for note in _notes(letter):
        for it in note.items:
            if it.end > it.start and it.line.text[it.end - 1] in _NAME_END_PUNCT:
                mark = it.line.text[it.end - 1]
                span = it.line.span(it.end - 1, it.end)
                yield Finding(span, f"附件名称后不应加标点“{mark}”", "删去这个标点", fix=Fix.delete(span))


@rule("ATTACH-004", "single-attachment-number", "info", doctypes=None, needs_text=_NEEDS)
def single_attachment_number(letter, options):
    """只有一个附件时不标顺序号（“附件：××××”，不写“附件：1.××××”）。

    依据：GB/T 9704-2012 7.3.4 只在"如有多个附件"时"使用阿拉伯数字标注附件顺序号"。

    反例：
        关于报送校园安全检查材料的函
        示例市公安局：
        现将有关材料随函报送，请予支持。
        附件：1.检查内容清单
        示例市教育局
        2024年5月6日

    正例：
        关于报送校园安全检查材料的函
        示例市公安局：
        现将有关材料随函报送，请予支持。
        附件：检查内容清单
        示例市教育局
        2024年5月6日
    """
    notes = _notes(letter)
    items = [it for n in notes for it in n.items]
    if len(items) == 1 and items[0].num is not None:
        it = items[0]
        yield Finding(it.line.span(*it.marker), "只有一个附件时不标顺序号", f"写作“附件：{it.name}”")


@rule("ATTACH-005", "attachment-note-in-body", "warning", doctypes=None, needs_text=_NEEDS)
def attachment_note_in_body(letter, options):
    """附件说明位于正文之后、发文机关署名之前，不能夹在正文中间。

    依据：GB/T 9704-2012 7.3.4 附件说明"在正文下空一行左空二字编排"，其后是发文机关署名和成文日期
    （7.3.5）。写在署名、日期之后的附件说明由 STRUCT-001 报告；本规则报告写在正文段落之间的附件说明。

    反例：
        关于报送校园安全检查材料的函
        示例市公安局：
        现将有关材料随函报送。
        附件：检查内容清单
        请予支持。
        示例市教育局
        2024年5月6日

    正例：
        关于报送校园安全检查材料的函
        示例市公安局：
        现将有关材料随函报送。
        请予支持。
        附件：检查内容清单
        示例市教育局
        2024年5月6日
    """
    body = letter.body
    # Only when real text follows (a sentence), not the wrapped name of an attachment:
    # where the last sentence of the body is, found once (not once per 附件说明).
    last_sentence = next((i for i in range(len(body) - 1, -1, -1)
                          if body[i].kind in ("paragraph", "closing") and _SENTENCE_MARK.search(body[i].text)), -1)
    for i, part in enumerate(body[:max(last_sentence, 0)]):
        if part.kind != "paragraph" or not part.text.startswith("附"):
            continue
        label = ATTACHMENT_LABEL.match(part.text)
        if label is None or not label.group("jian"):  # 附：amid the text introduces text
            continue
        if i < last_sentence:
            line = part.lines[0]
            m = ATTACHMENT_LABEL.match(line.text, line.indent)
            yield Finding(line.span(m.start(), m.end()), "附件说明应位于正文之后，不应夹在正文中间",
                          "移到正文（含结束语）之后、发文机关署名之前")


class _Page(Record):
    label: Part              # the "附件N" part
    num: str
    title: list[Part]        # the attachment_text parts that may hold the title (wrapped)

    _fields = ("label", "num", "title")

    def __init__(self, label, num, title):
        self.label = label
        self.num = num
        self.title = title


def _pages(letter) -> list[_Page]:
    """The attachment pages: each "附件N" label with the title on the lines after it."""
    parts = letter.parts
    pages: list[_Page] = []
    for i, part in enumerate(parts):
        if part.kind != "attachment":
            continue
        title_parts = []
        j = i + 1
        while j < len(parts) and parts[j].kind == "attachment_text" and len(title_parts) < 3:
            title_parts.append(parts[j])
            j += 1
        pages.append(_Page(part, str(part.fields.get("num") or ""), title_parts))
    return pages


def _match_title(page: _Page, name: str) -> bool:
    """Whether the page's title (possibly wrapped over two or three lines) is ``name``."""
    if not page.title:
        return True
    text = ""
    for p in page.title:
        text += _compact(p.text)
        if text == name:
            return True
        if not name.startswith(text):
            return False
    return False


@rule("ATTACH-006", "attachments-match-note", "error", doctypes=None, needs_text=_NEEDS)
def attachments_match_note(letter, options):
    """附件页的数量、顺序号和标题须与附件说明一致。

    依据：GB/T 9704-2012 7.3.7 "附件应当另面编排……“附件”二字及附件顺序号……附件标题居中编排……
    附件顺序号和附件标题应当与附件说明的表述一致"。
    只在附件页随正文一并出现时检查（以“附件1”等标识开头的附件页）。

    反例：
        关于报送校园安全检查材料的函
        示例市公安局：
        现将有关材料随函报送，请予支持。
        附件：1.检查内容清单
        　　　2.检查情况汇总表
        示例市教育局
        2024年5月6日
        附件1
        检查内容清单
        一、校舍安全
        附件2
        检查情况统计表
        学校名称、检查时间、发现问题。

    正例：
        关于报送校园安全检查材料的函
        示例市公安局：
        现将有关材料随函报送，请予支持。
        附件：1.检查内容清单
        　　　2.检查情况汇总表
        示例市教育局
        2024年5月6日
        附件1
        检查内容清单
        一、校舍安全
        附件2
        检查情况汇总表
        学校名称、检查时间、发现问题。
    """
    pages = _pages(letter)
    if not pages:
        return
    notes = _notes(letter)
    items = [it for n in notes for it in n.items]
    if not items:
        yield Finding(pages[0].label.span, f"文中有{len(pages)}个附件，但正文之后没有附件说明",
                      "在正文之后、发文机关署名之前写明“附件：”和附件名称")
        return
    if len(pages) != len(items):
        where = notes[0].first.span(*notes[0].label)
        yield Finding(where, f"附件说明列出{len(items)}个附件，文中附件页有{len(pages)}个",
                      "使附件说明与附件页一一对应")
    numbered = len(items) > 1
    by_num = {it.num: it for it in items if it.num}
    for k, page in enumerate(pages):
        if numbered and not page.num:
            yield Finding(page.label.span, "有多个附件时附件页应标注顺序号（如“附件1”）", f"改为“附件{k + 1}”")
        if numbered and page.num:
            item = by_num.get(page.num)
            if item is None:
                yield Finding(page.label.span, f"附件说明中没有第{page.num}号附件", "核对附件顺序号")
                continue
        else:
            item = items[k] if k < len(items) else None
            if item is None:
                continue
        name = _compact(item.name).rstrip(_NAME_END_PUNCT)
        if name and not _match_title(page, name):
            shown = _compact(page.title[0].text)
            yield Finding(page.title[0].span, f"附件标题“{shown}”与附件说明中的名称“{name}”不一致",
                          "使附件标题与附件说明的表述一致")


@rule("ATTACH-007", "attachment-note-vague", "warning", doctypes=None, needs_text=_NEEDS)
def attachment_note_vague(letter, options):
    """附件说明须写明附件名称，不能只写“附件如文”“附件3件”。

    依据：GB/T 9704-2012 7.3.4 附件说明写"附件名称"；《党政机关公文处理工作条例》第九条（十）
    "附件说明。公文附件的顺序号和名称"。只写件数或“如文”，无法核对附件。

    反例：
        关于报送校园安全检查材料的函
        示例市公安局：
        现将有关材料随函报送，请予支持。
        附件：3件
        示例市教育局
        2024年5月6日

    正例：
        关于报送校园安全检查材料的函
        示例市公安局：
        现将有关材料随函报送，请予支持。
        附件：1.检查内容清单
        　　　2.检查情况汇总表
        　　　3.整改台账
        示例市教育局
        2024年5月6日
    """
    # The classifier takes "附件：3件" as a 附件说明, but "附件如文" (no colon) as a
    # paragraph or even a 署名 line: read any of them in the main text.
    for part in letter.all("attachment_note", "paragraph", "closing", "signature"):
        if part.section == "附件" or len(part.lines) != 1:
            continue
        line = part.lines[0]
        m = _VAGUE.match(line.stripped)
        if m:
            off = line.indent
            yield Finding(line.span(off, off + len(line.stripped)),
                          f"附件说明“{line.stripped}”没有写明附件名称", "写明每个附件的名称，多个附件按“附件：1.××××”分行列出")
