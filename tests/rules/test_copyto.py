"""版记 rules (抄送, 印发 line of a 函): each fires at the exact characters, silent on a good 版记."""
import pytest
from helpers import codes, lint, only, spans

LETTER = """\
关于商请协助开展道路安全检查的函
示例市公安局：
为做好道路安全检查工作，现商请贵局派员协助。
请予函复。
示例市交通运输局
2024年5月6日
{record}
"""


def check(record, select=("COPY", "PRINT")):
    return lint(LETTER.format(record=record), select=list(select))


def test_good_copy_to_is_silent():
    assert check("抄送：示例市人民政府办公室，示例市财政局、示例市教育局。") == []


def test_half_width_colon():
    d = only(check("抄送:示例市人民政府办公室。"), "COPY-001")
    assert (d.line, d.column, d.end_line, d.end_column) == (7, 3, 7, 4)
    assert d.suggestion == "改为 抄送："


def test_missing_colon():
    d = only(check("抄送 示例市人民政府办公室。"), "COPY-001")
    assert (d.line, d.column, d.end_column) == (7, 1, 3)
    assert d.message == "“抄送”后缺少全角冒号“：”"


def test_missing_full_stop_points_at_the_last_character():
    d = only(check("抄送：示例市人民政府办公室，示例市财政局"), "COPY-002")
    assert (d.line, d.column, d.end_line, d.end_column) == (7, 20, 7, 21)


def test_wrong_final_mark():
    d = only(check("抄送：示例市人民政府办公室；"), "COPY-002")
    assert (d.line, d.column, d.end_column) == (7, 14, 15)
    assert "不应使用“；”" in d.message


def test_wrapped_copy_to_is_checked_at_its_last_line():
    record = "抄送：示例市人民政府办公室，示例市财政局，示例市发展和改革委员会，示例市应急管理局，\n　　　示例市消防救援支队"
    diags = check(record)
    assert spans(diags, "COPY-002") == [(8, 12, 8, 13)]
    assert codes(check(record + "。")) == set()


def test_semicolon_and_space_separators():
    diags = check("抄送：示例市财政局；示例市教育局 示例市人民政府办公室。")
    assert spans(diags, "COPY-003") == [(7, 10, 7, 11), (7, 17, 7, 18)]
    assert {d.severity for d in diags} == {"warning"}


def test_dunhao_between_different_systems_is_only_a_hint():
    d = only(check("抄送：示例市人大常委会办公室、示例市人民政府办公室。"), "COPY-003")
    assert (d.line, d.column, d.end_column) == (7, 15, 16)
    assert d.severity == "info"


@pytest.mark.parametrize("record", [
    "抄送：示例市财政局、示例市教育局。",                      # one class: 顿号 is right
    "抄送：示例市人大常委会办公室，示例市人民政府办公室。",     # classes apart: 逗号
    "抄送：示例市应急管理局、示例市人民政府办公室。",           # system of the first unknown: no guess
])
def test_dunhao_within_a_class_is_silent(record):
    assert "COPY-003" not in codes(check(record))


@pytest.mark.parametrize("label", ["抄报", "抄发"])
def test_obsolete_label(label):
    d = only(check(f"{label}：示例市人民政府。"), "COPY-004")
    assert (d.line, d.column, d.end_column) == (7, 1, 3)
    assert d.suggestion == "改为 抄送："


def test_letter_with_print_line_gets_a_hint():
    diags = check("抄送：示例市人民政府办公室。\n示例市交通运输局办公室　2024年5月6日印发")
    d = only(diags, "PRINT-002")
    assert (d.line, d.column, d.end_line, d.end_column) == (8, 1, 8, 24)
    assert d.severity == "info"


def test_print_line_hint_only_for_letters_in_letter_format():
    record = "抄送：示例市人民政府办公室。\n示例市交通运输局办公室　2024年5月6日印发"
    text = LETTER.format(record=record)
    # A 通知 is not a 函.
    assert "PRINT-002" not in codes(lint(text.replace("的函", "的通知"), select=["PRINT-002"]))
    # A 文件格式 document (版头 “××文件”, 发文字号 without 函) keeps its 印发 line.
    assert "PRINT-002" not in codes(lint("示例市交通运输局文件\n示交发〔2024〕3号\n" + text, select=["PRINT-002"]))
    assert "PRINT-002" not in codes(lint("示交发〔2024〕3号\n" + text, select=["PRINT-002"]))
    assert "PRINT-002" in codes(lint("示交函〔2024〕3号\n" + text, select=["PRINT-002"]))


# --- COPY-006: the names on the label's line (GB/T 9704 7.4.2) ------------------------------------------

@pytest.mark.parametrize("record, end_column", [
    ("抄送：\n示例市财政局，示例市审计局。", 4),                       # the label alone, the names below
    ("抄　送：\n　　　　示例市财政局，\n　　　　示例市审计局。", 5),    # letter-spaced, the names wrapped below
])
def test_label_alone_on_its_line_is_reported_at_the_label(record, end_column):
    diags = check(record)
    assert [(d.rule, d.line, d.column, d.end_line, d.end_column, d.severity) for d in diags] == [
        ("COPY-006", 7, 1, 7, end_column, "warning")]
    assert diags[0].fix is None


def test_label_alone_without_its_colon_keeps_the_names_in_the_copy_to():
    diags = check("抄送\n示例市财政局，示例市审计局。", select=("COPY", "PRINT", "STRUCT"))
    assert [(d.rule, d.line, d.column, d.end_column) for d in diags] == [("COPY-001", 7, 1, 3), ("COPY-006", 7, 1, 3)]


@pytest.mark.parametrize("record", [
    "抄送：示例市财政局，示例市审计局。",
    "抄送：示例市人民政府办公室，示例市财政局，\n　　　示例市审计局，示例市教育局。",   # wrapped under the first organ
])
def test_names_on_the_label_line_are_silent(record):
    assert [d.rule for d in check(record, select=("COPY-006",))] == []
