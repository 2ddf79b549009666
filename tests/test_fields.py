"""The fields of each part, read once, each with its exact span (letterlint/fields.py)."""
from letterlint import fields
from letterlint.model import Line, Part


def at(tok):
    """(line, column, end_line, end_column) of a field."""
    s = tok.span if hasattr(tok, "span") else tok
    return (s.line, s.column, s.end_line, s.end_column)


def part(kind, *texts, first=1):
    return Part(kind, [Line(first + i, t) for i, t in enumerate(texts)])


# --- 发文字号 ----------------------------------------------------------------------------------


def test_docnumber_every_piece_has_its_span():
    n = part("doc_number", "示教函〔2024〕第012号").parsed
    assert (n.code.text, n.open.text, n.year.text, n.close.text, n.di.text, n.seq.text, n.hao.text) == \
        ("示教函", "〔", "2024", "〕", "第", "012", "号")
    assert at(n.code) == (1, 1, 1, 4)
    assert at(n.open) == (1, 4, 1, 5)
    assert at(n.year) == (1, 5, 1, 9)
    assert at(n.close) == (1, 9, 1, 10)
    assert at(n.brackets) == (1, 4, 1, 10)
    assert at(n.di) == (1, 10, 1, 11)
    assert at(n.seq) == (1, 11, 1, 14)
    assert at(n.hao) == (1, 14, 1, 15)
    assert at(n.span) == (1, 1, 1, 15)
    assert not n.bare and not n.cited and not n.well_formed


def test_docnumber_on_a_line_with_the_signer_and_without_hao():
    line = Line(2, "　　签发人：张某某　　示教函[24]12")
    n = fields.own_docnumber(line)
    assert at(n.code) == (2, 12, 2, 15)
    assert at(n.brackets) == (2, 15, 2, 19)
    assert at(n.year) == (2, 16, 2, 18)
    assert n.di is None and n.hao is None
    assert at(n.span) == (2, 12, 2, 21)


def test_docnumber_without_brackets_is_bare():
    n = part("doc_number", "示政函2024年12号").parsed
    assert n.bare and n.open is None and n.brackets is None
    assert (n.code.text, n.year.text, n.seq.text) == ("示政函", "2024", "12")
    assert at(n.year) == (1, 4, 1, 8)


def test_cited_numbers_in_running_text():
    p = part("paragraph", "　　根据示政发〔2024〕3号文件，现将示交函〔2023〕19号B类转去。", first=3)
    first, second = fields.cited_numbers(p)
    assert first.cited and first.well_formed
    assert at(first.code) == (3, 3, 3, 8)          # the words before it are the rule's to trim
    assert at(first.span) == (3, 3, 3, 16)
    assert second.hao is not None and at(second.hao) == (3, 32, 3, 33)
    # Prose that only looks like a number is not one.
    assert fields.cited_numbers(part("paragraph", "在（2024）12个县开展试点。")) == []
    assert fields.cited_numbers(part("paragraph", "全年完成12项工作。")) == []


# --- dates -----------------------------------------------------------------------------------


def test_date_pieces_and_the_zero_padded_month():
    d = part("date", "　　2024年05月06日", first=9).parsed
    assert d.form == "cn"
    assert at(d.year) == (9, 3, 9, 7)
    assert (d.month.text, at(d.month)) == ("05", (9, 8, 9, 10))
    assert (d.day.text, at(d.day)) == ("06", (9, 11, 9, 13))
    assert at(d.span) == (9, 3, 9, 14)


def test_numeric_date_and_a_date_without_day():
    d = part("date", "2024.5.6").parsed
    assert d.form == "numeric" and at(d.sep) == (1, 5, 1, 6)
    assert at(d.month) == (1, 6, 1, 7) and at(d.day) == (1, 8, 1, 9)
    d = part("date", "二〇二四年五月").parsed
    assert d.day is None and d.year.text == "二〇二四" and at(d.month) == (1, 6, 1, 7)
    assert part("date", "2024年5月6日印发").parsed is None


# --- headings --------------------------------------------------------------------------------


def test_heading_marker_pieces():
    h = part("heading2", "（一）、完善设施", first=4).parsed
    assert h.level == 2 and h.rest == "完善设施"
    assert at(h.open) == (4, 1, 4, 2)
    assert at(h.num) == (4, 2, 4, 3)
    assert at(h.close) == (4, 3, 4, 4)
    assert (h.punct.text, at(h.punct)) == ("、", (4, 4, 4, 5))
    assert at(h.marker) == (4, 1, 4, 5)
    h = part("heading1", "　　二、 工作措施").parsed
    assert at(h.num) == (1, 3, 1, 4) and h.punct.text == "、" and h.open is None
    assert part("heading3", "今年的工作").parsed is None


# --- 主送 and 抄送 -----------------------------------------------------------------------------


def test_recipient_wrapped_with_semicolon_at_line_end():
    organs = part("recipient", "各县（市、区）人民政府；市政府各部门，", "各直属机构：", first=5).parsed
    assert organs.names == ["各县（市、区）人民政府", "市政府各部门", "各直属机构"]
    a, b, c = organs.items
    assert at(a) == (5, 1, 5, 12) and (a.sep.text, at(a.sep)) == ("；", (5, 12, 5, 13))
    assert at(b) == (5, 13, 5, 19) and (b.sep.text, at(b.sep)) == ("，", (5, 19, 5, 20))
    assert at(c) == (6, 1, 6, 6) and c.sep is None
    assert (organs.end.text, at(organs.end)) == ("：", (6, 6, 6, 7))
    assert organs.label is None and organs.salutation is None


def test_recipient_with_a_comma_for_its_colon_and_none_at_all():
    organs = part("recipient", "示例市公安局，").parsed
    assert organs.names == ["示例市公安局"] and organs.end.text == "，"
    organs = part("recipient", "示例市公安局").parsed
    assert organs.names == ["示例市公安局"] and organs.end is None


def test_copy_to_wrapped_inside_a_name():
    organs = part("copy_to", "抄送：示例市人民政府办公室，示例市财", "　　　政局、示例市审计局。", first=20).parsed
    assert (organs.label.text, at(organs.label)) == ("抄送", (20, 1, 20, 3))
    assert at(organs.colon) == (20, 3, 20, 4)
    assert organs.names == ["示例市人民政府办公室", "示例市财政局", "示例市审计局"]
    a, b, c = organs.items
    assert at(a) == (20, 4, 20, 14) and at(a.sep) == (20, 14, 20, 15)
    assert at(b) == (20, 15, 21, 6) and (b.sep.text, at(b.sep)) == ("、", (21, 6, 21, 7))
    assert at(c) == (21, 7, 21, 13) and c.sep is None
    assert (organs.end.text, at(organs.end)) == ("。", (21, 13, 21, 14))


def test_copy_to_without_colon_or_full_stop():
    organs = part("copy_to", "抄报 示例市人民政府，示例市财政局").parsed
    assert organs.label.text == "抄报" and organs.colon is None and organs.end is None
    assert organs.names == ["示例市人民政府", "示例市财政局"]
    assert organs.content[-1][1:] == (3, 17)


# --- marks and 署名 ---------------------------------------------------------------------------


def test_secrecy_mark_pieces():
    mark = part("secrecy", "机密★1年").parsed
    assert at(mark.value) == (1, 1, 1, 3) and at(mark.star) == (1, 3, 1, 4) and at(mark.period) == (1, 4, 1, 6)


def test_signature_organs_signing_together():
    sig = part("signature", "　　示例市教育局　　示例市财政局", first=50).parsed
    assert [(o.text, at(o)) for o in sig.organs] == [("示例市教育局", (50, 3, 50, 9)), ("示例市财政局", (50, 11, 50, 17))]
    assert sig.label is None
    sig = part("signature", "答复单位：示例市教育局").parsed
    assert sig.label.text == "答复单位：" and sig.name == "示例市教育局"


# --- 附件说明 ----------------------------------------------------------------------------------


def test_attachment_note_numbered_and_wrapped():
    note = part("attachment_note", "附件：1.示例市校园安全检查内容清单（含各区县", "　　　分项数据）", "　　　2.检查情况汇总表",
                first=40).parsed
    assert note.label == (0, 3) and note.colon == (2, 3) and note.num is None
    one, two = note.items
    assert (one.num, one.punct, one.name) == ("1", ".", "示例市校园安全检查内容清单（含各区县分项数据）")
    assert at(one.number) == (40, 4, 40, 5) and at(one.punct_tok) == (40, 5, 40, 6)
    assert at(one.name_span()) == (40, 6, 40, 24)
    assert [at(s) for s in one.more_spans] == [(41, 4, 41, 9)]
    assert (two.num, two.name, at(two.number)) == ("2", "检查情况汇总表", (42, 4, 42, 5))


def test_attachment_note_with_number_before_colon():
    note = part("attachment_note", "附件1:检查内容清单").parsed
    assert note.num == (2, 3) and note.colon == (3, 4)
    assert [it.name for it in note.items] == ["检查内容清单"] and note.items[0].num is None


def test_attachment_item_number_followed_by_a_year_is_a_number_not_a_decimal():
    note = part("attachment_note", "附件：1.2024年示例名单", "　　　2.2023年示例名单", first=11).parsed
    one, two = note.items
    assert (one.num, one.name, at(one.number)) == ("1", "2024年示例名单", (11, 4, 11, 5))
    assert (two.num, two.name, at(two.number)) == ("2", "2023年示例名单", (12, 4, 12, 5))
    # A decimal stays part of the name: 附件：1.5万元分配表 is one unnumbered item.
    (only,) = part("attachment_note", "附件：1.5万元分配表").parsed.items
    assert (only.num, only.name) == (None, "1.5万元分配表")


def test_heading3_followed_by_a_year_but_not_by_a_decimal():
    assert fields.HEADING3.match("1.2024年工作安排").group("num") == "1"
    assert fields.HEADING3.match("1.5万元已拨付") is None
    assert fields.HEADING3.match("2.20万元已拨付") is None


# --- the contact block ------------------------------------------------------------------------


def test_contact_line_with_several_phones():
    (read,) = part("contact", "联系人：李四　　联系电话：0797-8123456、13912345678", first=30).parsed
    name, phone = read.fields
    assert (name.label, name.items, name.filled) == ("联系人", ["name"], {"name": True})
    assert at(name.value_span) == (30, 5, 30, 7)
    assert (phone.label, phone.items) == ("联系电话", ["phone"])
    assert [(n.text, n.kind, at(n)) for n in phone.numbers] == [
        ("0797-8123456", "landline", (30, 14, 30, 26)), ("13912345678", "mobile", (30, 27, 30, 38))]
    assert not read.truncated


def test_contact_line_with_address_postcode_and_email():
    (read,) = part("contact", "地址：示例市人民路1号　邮编：330000　电子邮箱：office@example.org", first=31).parsed
    address, postcode, email = read.fields
    assert (address.items, postcode.items, email.items) == (["address"], ["postcode"], ["email"])
    assert address.filled == {"address": True} and postcode.filled == {"postcode": True}
    assert email.filled == {"email": True}
    assert at(postcode.value_span) == (31, 16, 31, 22)
    assert at(email.label_span) == (31, 23, 31, 28)


def test_compound_contact_label_promises_each_item():
    (read,) = part("contact", "（联系人、职务及电话：李四，办公室主任，13912345678）").parsed
    (f,) = read.fields
    assert f.items == ["name", "position", "phone"]
    assert f.filled == {"name": True, "position": True, "phone": True}
    assert at(f.item_span("position")) == (1, 6, 1, 8)
    (read,) = part("contact", "联系单位及").parsed
    assert read.truncated


def test_signoff_names_are_leaders():
    (read,) = part("signoff", "分管领导：王五").parsed
    assert read.fields[0].items == ["leader"]


# --- the salutation of a reply ----------------------------------------------------------------


def test_salutation_pieces():
    sal = part("recipient", "王小明、李小红等2名代表：", first=5).parsed.salutation
    assert at(sal.names) == (5, 1, 5, 8)
    assert [(t.text, at(t)) for t in sal.name_list] == [("王小明", (5, 1, 5, 4)), ("李小红", (5, 5, 5, 8))]
    assert at(sal.joint) == (5, 8, 5, 11) and sal.count.text == "2"
    assert at(sal.role) == (5, 11, 5, 13) and at(sal.colon) == (5, 13, 5, 14)
    sal = part("recipient", "尊敬的王小明委员，").parsed.salutation
    assert sal.honor.text == "尊敬的" and sal.role.text == "委员" and sal.colon is None
    assert part("recipient", "示例市公安局：").parsed.salutation is None


# --- read once --------------------------------------------------------------------------------


def test_fields_are_read_once_and_again_when_the_part_changes():
    p = part("copy_to", "抄送：示例市财政局，")
    first = p.parsed
    assert p.parsed is first
    p.lines.append(Line(2, "　　　示例市审计局。"))
    assert p.parsed is not first and p.parsed.names == ["示例市财政局", "示例市审计局"]
    assert part("paragraph", "正文。").parsed is None


# --- 签发人 and the 印发 line ------------------------------------------------------------------


def test_signer_pieces():
    line = Line(1, "签发人:张明　李华　　示交〔2024〕12号")
    signer = Part("signer", [line], start=0, end=9).parsed
    assert at(signer.label) == (1, 1, 1, 4)
    assert (signer.colon.text, at(signer.colon)) == (":", (1, 4, 1, 5))
    assert [(t.text, at(t)) for t in signer.names] == [("张明", (1, 5, 1, 7)), ("李华", (1, 8, 1, 10))]


def test_print_line_pieces():
    pl = part("print_line", "示例市教育局办公室　2024年05月07日", first=60).parsed
    assert (pl.org.text, at(pl.org)) == ("示例市教育局办公室", (60, 1, 60, 10))
    assert at(pl.date) == (60, 11, 60, 22) and pl.printed is None
    assert (pl.form, pl.numbers) == ("cn", {"y": "2024", "m": "05", "d": "07"})
    pl = part("print_line", "示例市教育局办公室　2024-5-7印发").parsed
    assert pl.form == "numeric" and at(pl.printed) == (1, 19, 1, 21)
