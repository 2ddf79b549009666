"""联系人和联系电话: presence, completeness and valid numbers.

A contact block is the run of ``contact`` parts the classifier found (one
line each: 联系人：…, 联系电话：…, （联系人及电话：…）, 联系人、职务及电话：…),
before the signature, after the date or in the 版记.  Each line is read as
labelled fields; a compound label (联系人、职务及电话) promises every item it
names.  The ``signoff`` lines (领导署名、主管领导 …) are read for their
phone numbers and 职务 too, but their names are not the contact person.
"""
from __future__ import annotations


from letterlint import doctypes, lazyre
from letterlint.fields import (
    LABEL,
    NUMBER,
    UNCHECKED_ITEMS,
    Number,
    classify_number,  # noqa: F401  (part of this module's interface: tests)
    contact_fields,
    label_items,
    numbers_in,
)
from letterlint.fields import SP as _SP
from letterlint.fields import ContactField as Field
from letterlint.model import PAD, Line, Span, unpad
from letterlint.record import Record
from letterlint.rules.base import Finding, Fix, rule

REPLIES = doctypes.REPLIES
# Kinds whose contact is mandatory; there a missing name or number is the
# business of REPLY-009 / NOTE-002, elsewhere of CONTACT-003.
REQUIRED_KINDS = REPLIES | {"request"}

_ITEM_NAMES = {"name": "姓名", "phone": "电话号码", "position": "职务", "unit": "单位名称",
               "fax": "传真号码", "email": "邮箱地址", "leader": "领导姓名", "other": "内容",
               "address": "地址", "postcode": "邮政编码"}


class Block(Record):
    fields: list[Field]
    lines: list[Line]
    leader_lines: set[int]
    truncated: bool

    _fields = ("fields", "lines", "leader_lines", "truncated")

    def __init__(self, fields, lines, leader_lines, truncated=False):
        self.fields = fields
        self.lines = lines
        self.leader_lines = leader_lines
        self.truncated = truncated

    def has(self, item: str) -> bool:
        return any(f.filled.get(item) for f in self.fields)

    @property
    def numbers(self) -> list[Number]:
        return [n for f in self.fields for n in f.numbers]

    def phones(self) -> list[Number]:
        """Numbers that are phones (not 传真)."""
        return [n for f in self.fields if f.items != ["fax"] for n in f.numbers]


def contact_blocks(letter) -> list[Block]:
    """Shared by several rules: found once per letter (see ``_find_contact_blocks``)."""
    return letter.memo("contact.contact_blocks", _find_contact_blocks)


def _find_contact_blocks(letter) -> list[Block]:
    """The letter's contact blocks: runs of contact (and sign-off) lines with nothing between them.

    A line the classifier took for a contact line but that holds no label
    ("联系人民群众……") is not part of any block.
    """
    blocks: list[Block] = []
    current: Block | None = None
    for part in letter.parts:
        if part.kind in ("contact", "signoff"):
            for read in part.parsed:
                line, fields, truncated = read.line, read.fields, read.truncated
                if not fields and not truncated:
                    current = None
                    continue
                if current is None:
                    current = Block([], [], set())
                    blocks.append(current)
                current.fields.extend(fields)
                current.lines.append(line)
                current.truncated |= truncated
                if part.kind == "signoff":
                    current.leader_lines.add(line.number)
        elif part.kind != "disclosure":
            current = None
    # A block of sign-off lines only is no contact block.
    return [b for b in blocks if len(b.leader_lines) < len(b.lines)]


def all_blocks(letter) -> list[Block]:
    """Shared by several rules: found once per letter (see ``_find_all_blocks``)."""
    return letter.memo("contact.all_blocks", _find_all_blocks)


def _find_all_blocks(letter) -> list[Block]:
    """Contact blocks and sign-off lines standing alone (their numbers are checked too)."""
    out: list[Block] = []
    for part in letter.all("contact", "signoff"):
        block = Block([], list(part.lines), set())
        for read in part.parsed:
            block.fields.extend(read.fields)
            block.truncated |= read.truncated
        out.append(block)
    return out


# Phone labels in running text: "联系电话：0797-8888888" inside a paragraph.
TEXT_PHONE = lazyre.compile(r"(?:联系电话|电话号码|办公电话|联系方式|手机号码|手机|电话|传真)" + _SP + r"[：:]" + _SP
                        + r"(?=[（(+＋]?[\d０-９])")
# Every label TEXT_PHONE knows holds one of these words.
_TEXT_PHONE_WORDS = ("电话", "手机", "联系方式", "传真")
_TEXT_PHONE_WORD = lazyre.compile("|".join(_TEXT_PHONE_WORDS))
_TEXT_KINDS = ("paragraph", "closing", "heading1", "heading2", "heading3", "heading4", "note", "attachment_note")


def _text_numbers(letter) -> list[Number]:
    """Shared by several rules: found once per letter (see ``_find_text_numbers``)."""
    return letter.memo("contact.text_numbers", _find_text_numbers)


def _find_text_numbers(letter) -> list[Number]:
    """Numbers written right after a phone label in the text of the letter (not in contact lines)."""
    out: list[Number] = []
    if _TEXT_PHONE_WORD.search(letter.text) is None:
        return out  # no phone label anywhere (the common case): no line to scan
    for part in letter.all(*_TEXT_KINDS):
        if part.section == "附件" or _TEXT_PHONE_WORD.search(part.text) is None:
            continue
        for line, m in part.iter_matches(TEXT_PHONE):
            n = NUMBER.match(line.text, m.end())
            if n:
                out.extend(numbers_in(line, n.start(), n.end(), min_digits=5))
        # A label that promises a name and a number (联系人及电话：张三，0797-8888888): the name comes
        # first, so the number is read with the contact parser, up to the end of the sentence.
        if "联系人" not in part.text:
            continue
        seen = {(n.line.number, n.start) for n in out}
        for line, m in part.iter_matches(LABEL):
            words = label_items(m.group("label"))
            if "name" not in words or "phone" not in words:
                continue
            stop = _SENTENCE_STOP.search(line.text, m.end())
            fields, _ = contact_fields(line, False, m.start(), stop.start() if stop else None)
            for n in fields[0].numbers if fields else []:
                if (line.number, n.start) not in seen:
                    seen.add((line.number, n.start))
                    out.append(n)
    return out


_SENTENCE_STOP = lazyre.compile(r"[。；;]")


def _text_has_contact(letter) -> bool:
    """The body itself gives a contact person and a number ("请与张三联系，电话：…")."""
    return any(n.kind for n in _text_numbers(letter))


def _where_missing(letter) -> Span:
    """Where a missing contact belongs: after the date and the 附注 or sign-off lines that follow it."""
    date = letter.last("date")
    if date is None:
        return letter.end_span
    after = [p for p in letter.parts if p.line > date.line and p.section == date.section and p.start is None
             and p.kind in ("note", "signoff")]
    return after[-1].span if after else date.span


def _complete(letter) -> bool:
    """The letter's ending is there (a date or a signature): an excerpt cut short is not judged."""
    return letter.has("date", "signature")


_CONTACT_LEADERS = ("主管领导", "分管领导", "承办负责人", "承办责任人", "责任领导")


def _required_findings(letter, what: str, missing_severity: str | None = None):
    """Missing contact, name or number in a letter whose kind requires them (REPLY-009, NOTE-002).

    ``missing_severity`` is the strength of "no contact block at all" when it
    differs from the rule's own (None: the rule's).
    """
    blocks = contact_blocks(letter)
    if not blocks:
        if _complete(letter) and not _text_has_contact(letter):
            yield Finding(_where_missing(letter), f"{what}缺少联系人和联系电话",
                          "在此行之后另起一行注明“联系人：×××　联系电话：×××”", severity=missing_severity)
        return
    # A leader named as a contact (主管领导：×××) is someone to call as well; the
    # leader who signed the letter (领导署名、领导签发) is not.
    # A unit named as the contact (联系单位及电话：示例部基础教育司　010-…, the form of many ministries'
    # replies) is whom to call too.
    has_name = any(b.has("name") for b in blocks) or any(
        f.filled.get("leader") and f.label.startswith(_CONTACT_LEADERS) or f.filled.get("unit") and "name" not in f.items
        for b in blocks for f in b.fields)
    has_phone = any(b.phones() for b in blocks)
    for b in blocks:
        if b.truncated:
            return  # the text is cut off inside the block
    reported_name = reported_phone = False
    headings = _block_headings(letter)
    for b in blocks:
        for f in b.fields:
            if f.line.number in headings:
                continue
            if "name" in f.items and not f.filled.get("name"):
                yield Finding(f.item_span("name") if len(f.items) > 1 else f.label_span, _empty(f, "name"),
                              "填写承办人员的姓名")
                reported_name = True
            if "phone" in f.items and not f.filled.get("phone"):
                yield Finding(f.item_span("phone") if len(f.items) > 1 else f.label_span, _empty(f, "phone"),
                              "填写联系电话，如 0797-8888888 或 13912345678")
                reported_phone = True
    missing_name = not has_name and not reported_name
    missing_phone = not has_phone and not reported_phone
    if missing_name and missing_phone:
        yield Finding(_block_span(blocks[0]), "联系人栏既没有联系人姓名，也没有联系电话",
                      "注明“联系人：×××　联系电话：×××”")
    elif missing_name:
        yield Finding(_block_span(blocks[0]), "联系人栏没有联系人姓名", "注明“联系人：×××”")
    elif missing_phone:
        yield Finding(_block_span(blocks[-1]), "联系人栏只有姓名，没有联系电话", "注明“联系电话：×××”")


def _block_headings(letter) -> set[int]:
    """Lines that are only a label heading the contact lines under it (联系方式： / 联系人：… / 电话：…):
    the label alone, and what it promises is given by the lines under it."""
    out: set[int] = set()
    for b in contact_blocks(letter):
        for f in b.fields:
            if not f.value.strip(PAD) and f.line is not b.lines[-1] \
                    and not any(g is not f and g.line is f.line for g in b.fields) \
                    and all(any(g.filled.get(item) for g in b.fields if g.line.number > f.line.number) for item in f.items):
                out.add(f.line.number)
    return out


def _empty(f: Field, item: str) -> str:
    """The message for a label whose ``item`` was left blank."""
    what = _ITEM_NAMES[item]
    if len(f.items) == 1:
        return f"“{f.label}：”之后是空的，没有填写{what}"
    return f"“{f.label}”列出了{_word_for(f, item)}，但没有填写{what}"


def _block_span(b: Block) -> Span:
    lines = [ln for ln in b.lines if ln.number not in b.leader_lines]
    if not lines:
        # The contact shares its line with the sign-off (领导签发：…　联系人：…): from its first label on.
        own = [f for f in b.fields if "leader" not in f.items]
        if own:
            first, last = own[0], own[-1]
            return Span(first.line.number, first.label_start + 1, last.line.number, last.value_end + 1)
        lines = b.lines
    first, last = lines[0], lines[-1]
    return Span(first.number, first.indent + 1, last.number, last.span().end_column)


# What a local form may require of the contact block beyond a name and a number.
CONTACT_ITEMS = {"姓名": "name", "职务": "position", "单位": "unit", "传真": "fax", "邮箱": "email"}


@rule("REPLY-009", "reply-contact", "error", doctypes=REPLIES,
      options={"contact-required": False, "contact-items": []}, choices={"contact-items": CONTACT_ITEMS})
def reply_contact(letter, options):
    """答复函须注明联系人姓名和联系电话。

    依据：建议、提案答复函的统一格式在落款处注明“联系人：×××　联系电话：×××”或
    “联系人及电话：×××　×××”；有的地方办法要求写明“承办单位主管领导和经办人员的姓名、
    联系电话”；国务院部门的答复多写“联系单位及电话：××司　010-……”，写明联系单位的
    也算注明了联系人（本地格式要求写明联系人姓名时，设置 contact-items = ["姓名"]）。联系人一栏只有标签没有内容（如“联系电话：”后空着）同样报告。
    号码本身写错由 CONTACT-001 报告。内容被截断的摘录（没有署名也没有成文日期）不检查是否缺少。
    许多地方公开发布的答复函删去了联系人（如宣城市），所以默认没有联系人栏只报告为警告，
    已有的联系人栏不完整才报告为错误；本地格式要求必须有联系人栏时，设置
    contact-required = true，缺少联系人栏也报告为错误。

    反例：
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的建议收悉，现答复如下：
        感谢您对教育工作的关心和支持。
        示例市教育局
        2024年5月6日
        联系人：李四
        联系电话：

    正例：
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的建议收悉，现答复如下：
        感谢您对教育工作的关心和支持。
        示例市教育局
        2024年5月6日
        联系人：李四
        联系电话：0797-8888888

    示例配置：
        [local]
        contact-required = true
        contact-items = ["职务"]

    设置：contact-required（没有联系人栏时报告为错误；默认否，只报告为警告）；
    contact-items（本地格式还要求联系人栏写明的内容：姓名、职务、单位、传真、邮箱；默认不要求）。
    """
    yield from _required_findings(letter, "答复函", None if options["contact-required"] else "warning")
    blocks = contact_blocks(letter)
    if not blocks or any(b.truncated for b in blocks):
        return
    for item in options["contact-items"]:
        key = CONTACT_ITEMS.get(item)
        if key and not any(b.has(key) for b in blocks):
            yield Finding(_block_span(blocks[0]), f"联系人栏缺少{item}（本地格式要求写明）",
                          f"按本地格式注明，如“联系人、{item}及电话：×××，×××，×××”")


@rule("NOTE-002", "request-contact", "warning", doctypes={"request"})
def request_contact(letter, options):
    """请示应在附注处注明联系人和联系电话。

    依据：《国家行政机关公文处理办法》（国发〔2000〕23号）规定“请示”应当在附注处
    注明联系人的姓名和电话；该办法已由2012年《党政机关公文处理工作条例》取代，但各地
    实施细则和实践仍沿用。缺少联系人栏，或联系人栏缺少姓名或电话时报告。

    反例：
        示例市教育局关于申请校车购置经费的请示
        示例市人民政府：
        拟购置校车10辆，需经费300万元。
        妥否，请批示。
        示例市教育局
        2024年5月6日

    正例：
        示例市教育局关于申请校车购置经费的请示
        示例市人民政府：
        拟购置校车10辆，需经费300万元。
        妥否，请批示。
        示例市教育局
        2024年5月6日
        （联系人：李四，电话：0797-8888888）
    """
    yield from _required_findings(letter, "请示")


@rule("CONTACT-001", "phone-number-valid", "error")
def phone_number_valid(letter, options):
    """联系电话须是有效的号码：手机11位，座机7位或8位（可带0开头的3至4位区号）。

    依据：联系人栏（《党政机关公文处理工作条例》第九条（十四）附注；建议、提案答复函的
    联系人要求）是为了让收文方联系得上，号码少一位、多一位就打不通。手机号码为1开头
    （第二位3至9）的11位数字，可以用空格或连字符分组（137-8903-2345）；座机号码为7位或
    8位，可带区号（0797-8888888、（0797）8888888）和分机号（转123）；几个号码可用顿号、
    逗号或斜线隔开。联系人栏和正文中“电话：”之后的号码都检查。

    反例：
        联系人：李四
        联系电话：1391234567

    正例：
        联系人：李四
        联系电话：13912345678、0797-8888888转123
    """
    seen: set[tuple[int, int]] = set()
    found = [n for b in all_blocks(letter) for n in b.numbers] + _text_numbers(letter)
    for n in found:
        key = (n.line.number, n.start)
        if n.kind is None and key not in seen:
            seen.add(key)
            yield Finding(n.span, f"电话号码“{n.text.strip()}”无效：{n.problem}", "核对号码，补全或删去多余的数字")


@rule("CONTACT-002", "phone-area-code", "info", options={"suggest-area-code": False})
def phone_area_code(letter, options):
    """座机号码宜带区号（本地号码外地拨不通）。

    依据：联系电话是为了让收文方联系得上；公开发布或发往外地的公文，只写7位或8位本地
    号码，外地读者无法拨打。本规则默认不报告（本地往来的公文写本地号码是常见做法），
    需要时在设置中打开。

    示例配置：
        suggest-area-code = true

    反例：
        联系人：李四
        联系电话：8888888

    正例：
        联系人：李四
        联系电话：0797-8888888
    """
    if not options["suggest-area-code"]:
        return
    for b in all_blocks(letter):
        for n in b.numbers:
            if n.kind == "local":
                yield Finding(n.span, f"座机号码“{n.text.strip()}”没有区号", "在号码前加区号，如 0797-8888888")


@rule("CONTACT-003", "contact-label-items", "warning")
def contact_label_items(letter, options):
    """联系人栏标签列出的项目须逐项填写（如“联系人、职务及电话”须写姓名、职务和电话）。

    依据：联系人栏的标签说明了要填什么：“联系人及电话”是姓名和电话，“联系人、职务及电话”
    是姓名、职务和电话，“承办人及联系电话”是承办人姓名和电话。标签之后空着或少一项，
    收文方就得不到所需的信息。答复函和请示缺少姓名或电话由 REPLY-009、NOTE-002 报告，
    本规则报告其余项目（职务、单位、传真等）和其他文种中的缺项。

    反例：
        联系人、职务及电话：李四，13912345678

    正例：
        联系人、职务及电话：李四，市教育局办公室主任，13912345678
    """
    required = letter.doctype in REQUIRED_KINDS
    headings = _block_headings(letter)
    for b in all_blocks(letter):
        if b.truncated:
            continue
        for f in b.fields:
            if f.line.number in headings:
                continue
            for item in f.items:
                if f.filled.get(item) or item in UNCHECKED_ITEMS:
                    continue
                if required and item in ("name", "phone"):
                    continue
                if item == "email" and f.filled.get("phone"):
                    continue
                what = _ITEM_NAMES[item]
                span = f.item_span(item) if len(f.items) > 1 else f.label_span
                yield Finding(span, _empty(f, item), f"填写{what}，或删去标签中的“{_word_for(f, item)}”")


def _word_for(f: Field, item: str) -> str:
    s = f.item_span(item)
    return f.line.text[s.column - 1:s.end_column - 1]


# --- REPLY-014 ---------------------------------------------------------------------

_PUBLISHED = lazyre.compile(r"(?<![不])(?:同意(?:对外|社会)?公开|公开发布|主动公开|公开[：:]是)")
_NOT_PUBLISHED = lazyre.compile(r"不同意|不予|不公开|依申请|[：:]否")
_PRIVATE_PHONE = r"(?P<phone>(?<![\d０-９])(?:1[3-9]\d(?:[- ]?\d{4}){2}|0\d{2,3}[-—－]\d{7,8})(?![\d０-９]))"
# The name, then at most a title and a phone label before the number: 王小明代表（电话：139…）.
_OWNER_THEN_PHONE = (r"(?:代表|委员)?" + _SP + r"[（(，,：:]?" + _SP + r"(?:的)?(?:联系电话|电话号码|联系方式|手机号码|手机|电话)?"
                     + _SP + r"[：:为是]?" + _SP + _PRIVATE_PHONE)
_PHONE_AFTER_OWNER = lazyre.compile(_OWNER_THEN_PHONE)


def _published(letter) -> bool:
    for part in letter.all("disclosure"):
        mark = unpad(str(part.fields.get("mark") or part.text))
        if _PUBLISHED.search(mark) and not _NOT_PUBLISHED.search(mark):
            return True
    return False


_HAN_NAME = lazyre.compile(r"[\u4e00-\u9fff·]+")


def addressee_names(letter) -> list[str]:
    """The names of the 代表 or 委员 the salutation addresses: 王小明代表 → 王小明."""
    recipient = letter.first("recipient")
    salutation = recipient.parsed.salutation if recipient is not None else None
    if salutation is None or salutation.role.text not in ("代表", "委员"):
        return []
    names = [unpad(t.text) for t in salutation.name_list]
    return [n for n in names if 2 <= len(n) <= 4 and _HAN_NAME.fullmatch(n)]


@rule("REPLY-014", "reply-deputy-phone", "warning", doctypes=REPLIES)
def reply_deputy_phone(letter, options):
    """标明公开的答复函不得印出代表、委员本人的电话号码。

    依据：《国务院办公厅关于做好全国人大代表建议和全国政协委员提案办理结果公开工作的通知》
    （国办发〔2014〕46号）要求复文原则上全文公开，“除人大代表和政协委员联系方式……外”；
    地方办法同样要求公开的复文删去代表、委员的联系方式。标明“同意公开”“此件公开发布”
    等的答复函中，紧跟在称呼所列代表、委员姓名之后的电话号码（如“王小明代表（电话：…）”）报告；
    承办人员的电话不在此列。

    反例：
        同意公开
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的建议收悉。我局已与王小明代表（电话：13912345678）当面沟通。
        示例市教育局
        2024年5月6日

    正例：
        同意公开
        关于市七届人大三次会议第56号建议的答复
        王小明代表：
        您提出的建议收悉。我局已与王小明代表当面沟通。
        示例市教育局
        2024年5月6日
    """
    if not _published(letter):
        return
    names = addressee_names(letter)
    if not names:
        return
    recipient = letter.first("recipient")
    for part in letter.parts:
        if part is recipient or part.start is not None:
            continue
        for line in part.lines:
            # Find the names with str.find and match the phone right after each: a
            # pattern built from the names would be compiled anew for every letter.
            found = {}
            for name in names:
                at = line.text.find(name)
                while at >= 0:
                    m = _PHONE_AFTER_OWNER.match(line.text, at + len(name))
                    if m:
                        found[m.start("phone")] = m
                    at = line.text.find(name, at + 1)
            for _, m in sorted(found.items()):
                yield Finding(line.span(m.start("phone"), m.end("phone")),
                              f"标明公开的答复函印出了代表、委员本人的电话号码“{m.group('phone')}”",
                              "公开的文本应删去代表、委员的联系方式")


# --- NOTE-001 ----------------------------------------------------------------------


@rule("NOTE-001", "note-brackets", "error", fix="safe")
def note_brackets(letter, options):
    """附注（含括在括号内的联系人栏）须用全角圆括号“（）”，编排在成文日期下一行。

    依据：GB/T 9704-2012 7.3.6 “如有附注，居左空二字加圆括号编排在成文日期下一行”；
    公文中的括号为全角（GB/T 15834-2011）。半角括号“()”是常见的误用（错误）；
    附注放在成文日期之前或版记（抄送）之后，位置不对（警告）。

    反例：
        示例市教育局
        2024年5月6日
        (联系人：李四，电话：0797-8888888)

    正例：
        示例市教育局
        2024年5月6日
        （联系人：李四，电话：0797-8888888）
    """
    for part in letter.all("note", "contact"):
        if part.start is not None:
            continue
        first, last = part.lines[0], part.lines[-1]
        s, e = first.indent, len(last.text.rstrip(PAD)) - 1
        opens = first.text[s] if s < len(first.text) else ""
        closes = last.text[e] if e >= 0 else ""
        if not opens or opens not in "(（":
            continue  # only a bracketed line is a 附注 in brackets
        bad = []
        if opens == "(":
            bad.append(first.span(s, s + 1))
        if closes == ")":
            bad.append(last.span(e, e + 1))
        for span in bad:
            full = "（" if span.line == first.number and span.column == s + 1 else "）"
            yield Finding(span, "附注应使用全角圆括号“（）”，不应使用半角括号", "将 ( ) 改为 （ ）",
                          fix=Fix.replace(span, full))
        where = _note_misplaced(letter, part)
        if where:
            yield Finding(part.span, f"附注应编排在成文日期下一行，不应{where}", "移到成文日期的下一行",
                          severity="warning")


def _note_misplaced(letter, part) -> str | None:
    """Why a bracketed 附注 is out of place (before the 成文日期, or after the 版记), or None."""
    if part.section == "附件":
        return None
    date = next((p for p in letter.all("date") if p.section != "附件"), None)
    if date is not None and part.line < date.line:
        return "放在成文日期之前"
    # A 抄送 out of place (in the text) is STRUCT-001's: the 附注 is judged against the 版记 where it stands.
    copy = next((p for p in letter.all("copy_to", "print_line") if p.line < part.line and not p.misplaced), None)
    if copy is not None:
        return f"放在{copy.name}之后"
    return None
