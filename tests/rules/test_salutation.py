"""主送机关和称呼: RECIP-002/003/004, REPLY-006, REPLY-013 point at the exact characters."""
import pytest
from helpers import lint, only, spans

LETTER = """\
关于商请协助开展道路安全检查的函
{recipient}
为做好道路安全检查工作，现商请贵局派员协助。
请予函复。
示例市交通运输局
2024年5月6日
"""

REPLY = """\
关于示例市七届人大三次会议第56号建议的答复
{salutation}
您提出的《关于加强校园周边交通安全的建议》收悉，现答复如下：
今年以来，我局加强了校园周边交通管理。
感谢您对教育工作的关心和支持。
示例市教育局
2024年5月6日
"""

PROPOSAL = REPLY.replace("人大", "政协").replace("第56号建议", "第18号提案").replace("的建议》", "的提案》")


def letter(recipient, code):
    return lint(LETTER.format(recipient=recipient), select=[code])


def reply(salutation, code, template=REPLY):
    return lint(template.format(salutation=salutation), select=[code])


# --- RECIP-002 -------------------------------------------------------------------


def test_colon_good_is_silent():
    assert letter("示例市公安局：", "RECIP-002") == []
    assert reply("王小明代表：", "RECIP-002") == []


def test_half_width_colon_points_at_the_colon():
    d = only(letter("示例市公安局:", "RECIP-002"), "RECIP-002")
    assert (d.line, d.column, d.end_line, d.end_column) == (2, 7, 2, 8)
    assert d.severity == "error"
    assert "半角冒号" in d.message
    assert d.suggestion == "改为“示例市公安局：”"


def test_missing_colon_points_at_the_last_character():
    diags = letter("示例市公安局", "RECIP-002")
    assert spans(diags, "RECIP-002") == [(2, 6, 2, 7)]
    assert diags[0].suggestion == "改为“示例市公安局：”"


@pytest.mark.parametrize("mark", ["；", ";"])
def test_a_semicolon_in_the_colons_place(mark):
    d = only(letter(f"示例市公安局{mark}", "RECIP"), "RECIP-002")
    assert (d.line, d.column, d.end_column) == (2, 7, 8)
    assert [x.rule for x in letter(f"示例市公安局{mark}", "RECIP")] == ["RECIP-002"]


@pytest.mark.parametrize("group", ["市直各部门", "各有关单位"])
def test_a_group_of_organs_without_its_colon(group):
    d = only(letter(group, "RECIP"), "RECIP-002")
    assert (d.line, d.column, d.end_column) == (2, len(group), len(group) + 1)


def test_half_width_colon_after_padding():
    # Trailing padding is not the colon: the span is the ":" itself.
    assert spans(letter("示例市公安局:  ", "RECIP-002"), "RECIP-002") == [(2, 7, 2, 8)]


# --- RECIP-003 -------------------------------------------------------------------


def test_separators_good_are_silent():
    assert letter("各县（区）教育局，市直各学校：", "RECIP-003") == []
    assert letter("示例市公安局、示例市教育局：", "RECIP-003") == []
    # A 党委 and a 政府 joined by 顿号 is the usual form for a joint letter.
    assert letter("各县市区委、人民政府，市直各单位：", "RECIP-003") == []


def test_semicolon_is_reported():
    diags = letter("示例市公安局；示例市教育局：", "RECIP-003")
    assert spans(diags, "RECIP-003") == [(2, 7, 2, 8)]
    assert diags[0].severity == "warning"


def test_space_between_names_is_reported():
    diags = letter("示例市公安局\u3000示例市教育局：", "RECIP-003")
    assert spans(diags, "RECIP-003") == [(2, 7, 2, 8)]
    assert "空格" in diags[0].message


def test_padded_name_in_a_salutation_is_not_a_separator():
    assert reply("王\u3000\u3000芳代表：", "RECIP-003") == []


def test_separator_before_the_colon():
    assert spans(letter("示例市公安局、示例市教育局、：", "RECIP-003"), "RECIP-003") == [(2, 14, 2, 15)]


def test_two_general_names_joined_by_dunhao_is_a_hint():
    d = only(letter("各县区人民政府、市政府各部门：", "RECIP-003"), "RECIP-003")
    assert (d.line, d.column, d.end_line, d.end_column) == (2, 8, 2, 9)
    assert d.severity == "info"
    # The second 统称 continuing the first's organ is of that organ: one class.
    assert letter("国务院各部委、各直属机构：", "RECIP-003") == []


def test_comma_between_deputies():
    assert spans(reply("王小明，李小红代表：", "RECIP-003"), "RECIP-003") == [(2, 4, 2, 5)]


# --- RECIP-004 -------------------------------------------------------------------


def test_flush_left_is_silent():
    assert letter("示例市公安局：", "RECIP-004") == []


@pytest.mark.parametrize("pad", ["\u3000\u3000", "  ", "\t"])
def test_indented_recipient_points_at_the_padding(pad):
    diags = letter(pad + "示例市公安局：", "RECIP-004")
    assert spans(diags, "RECIP-004") == [(2, 1, 2, 1 + len(pad))]


# --- REPLY-006 -------------------------------------------------------------------


@pytest.mark.parametrize("salutation", ["王小明代表：", "王小明等3名代表：", "王小明等三位代表：", "各位代表：",
                                        "示例市代表团："])
def test_good_salutations_are_silent(salutation):
    assert reply(salutation, "REPLY-006") == []


def test_good_proposal_salutation_is_silent():
    assert reply("赵大海委员：", "REPLY-006", PROPOSAL) == []


def test_honorific_is_a_warning():
    d = only(reply("尊敬的王小明代表：", "REPLY-006"), "REPLY-006")
    assert (d.line, d.column, d.end_line, d.end_column) == (2, 1, 2, 4)
    assert d.severity == "warning"


def test_salutation_in_the_first_paragraph():
    text = REPLY.replace("{salutation}\n您提出的", "尊敬的王小明代表，您提出的")
    diags = lint(text, select=["REPLY-006"])
    # Two findings: the honorific and the comma that should be a colon on a line of its own.
    assert spans(diags, "REPLY-006") == [(2, 1, 2, 4), (2, 9, 2, 10)]
    assert all(d.severity == "warning" for d in diags)


def test_salutation_line_closed_with_a_comma():
    # On a line of its own, it is the salutation with the wrong mark: RECIP-002, not REPLY-006.
    assert spans(reply("尊敬的王小明代表，", "REPLY-006"), "REPLY-006") == [(2, 1, 2, 4)]
    d = only(reply("尊敬的王小明代表，", "RECIP-002"), "RECIP-002")
    assert (d.line, d.column, d.end_line, d.end_column) == (2, 9, 2, 10)
    assert d.message == "主送机关（称呼）后应使用全角冒号“：”，不应使用“，”"
    assert spans(reply("王小明代表！", "RECIP-002"), "RECIP-002") == [(2, 6, 2, 7)]
    assert letter("示例市公安局，", "RECIP-003") == []  # reported once, by RECIP-002


def test_salutation_not_to_a_deputy_is_an_error():
    d = only(reply("王局长：", "REPLY-006"), "REPLY-006")
    assert (d.line, d.column, d.end_line, d.end_column) == (2, 1, 2, 5)
    assert d.severity == "error"


def test_salutation_to_an_organ_is_a_warning():
    d = only(reply("示例市人大常委会：", "REPLY-006"), "REPLY-006")
    assert (d.line, d.column, d.end_line, d.end_column) == (2, 1, 2, 10)
    assert d.severity == "warning"


def test_deputy_in_the_wrong_form():
    d = only(reply("人大代表王小明：", "REPLY-006"), "REPLY-006")
    assert d.severity == "warning"


def test_proposal_reply_addressed_to_a_deputy():
    d = only(reply("赵大海代表：", "REPLY-006", PROPOSAL), "REPLY-006")
    assert (d.line, d.column, d.end_line, d.end_column) == (2, 4, 2, 6)
    assert d.severity == "warning"
    assert "提案" in d.message


def test_suggestion_reply_addressed_to_a_member():
    assert spans(reply("王小明委员：", "REPLY-006"), "REPLY-006") == [(2, 4, 2, 6)]


def test_not_a_reply_is_not_checked():
    assert letter("王局长：", "REPLY-006") == []


# --- REPLY-013 -------------------------------------------------------------------


def test_joint_salutation_with_count_is_silent():
    assert reply("王小明等3名代表：", "REPLY-013") == []
    assert reply("王小明、李小红等5位代表：", "REPLY-013") == []


def test_listed_names_are_a_hint():
    d = only(reply("王小明、李小红、赵大海代表：", "REPLY-013"), "REPLY-013")
    assert (d.line, d.column, d.end_line, d.end_column) == (2, 1, 2, 12)
    assert d.severity == "info"
    assert d.suggestion.startswith("写作“王小明等3名代表：”")


def test_deng_without_a_count():
    d = only(reply("王小明等代表：", "REPLY-013"), "REPLY-013")
    assert (d.line, d.column, d.end_line, d.end_column) == (2, 4, 2, 5)


def test_listed_names_and_deng_without_count():
    d = only(reply("王小明、李小红等委员：", "REPLY-013", PROPOSAL), "REPLY-013")
    assert (d.line, d.column, d.end_line, d.end_column) == (2, 1, 2, 9)
    assert "N名委员" in d.suggestion


WRAPPED = """\
示例市人民政府办公室关于做好防汛工作的通知
{first}
{second}
为做好今年防汛工作，现将有关事项通知如下：
示例市人民政府办公室
2024年5月6日
"""


def test_wrapped_recipient_list():
    good = WRAPPED.format(first="各县（市、区）人民政府，市政府各部门，", second="各直属机构：")
    assert lint(good, select=["RECIP"]) == []  # the comma that ends a wrapped line is no stray mark
    bad = WRAPPED.format(first="各县（市、区）人民政府；市政府各部门，", second="　　各直属机构，:")
    diags = lint(bad, select=["RECIP"])
    assert spans(diags, "RECIP-003") == [(2, 12, 2, 13), (3, 8, 3, 9)]
    assert spans(diags, "RECIP-004") == [(3, 1, 3, 3)]
    assert spans(diags, "RECIP-002") == [(3, 9, 3, 10)]
