"""附件说明 and attachment pages: form, list, punctuation, numbering, position, pages, vague notes."""
from helpers import lint, spans

LETTER = """\
示教函〔2024〕12号

示例市教育局关于报送校园安全检查材料的函

示例市公安局：
现将校园安全检查有关材料随函报送，请予支持。
特此函告。

{note}
示例市教育局
2024年5月6日
{pages}"""

TWO = "附件：1.检查内容清单\n　　　2.检查情况汇总表\n"
PAGES = """
附件1

检查内容清单

一、校舍安全
重点检查教学楼的结构安全。

附件2

检查情况汇总表

学校名称、检查时间、发现问题。

抄送：示例市人民政府办公室。
"""


def check(code, note=TWO, pages=""):
    return spans(lint(LETTER.format(note=note, pages=pages), select=[code]), code)


def test_correct_notes_and_pages_are_clean():
    for note, pages in ((TWO, ""), (TWO, PAGES), ("附件：检查内容清单\n", ""),
                        ("　　附件：1.检查内容清单\n　　　　　2.检查情况汇总表\n", ""),
                        ("附件：1.检查内容清单\n      2.检查情况汇总表\n", "")):
        text = LETTER.format(note=note, pages=pages)
        assert [d for d in lint(text, select=["ATTACH"])] == [], note


def test_form_half_width_colon():
    assert check("ATTACH-001", note="附件:检查内容清单\n") == [(9, 3, 9, 4)]


def test_form_number_before_colon():
    assert check("ATTACH-001", note="附件1：检查内容清单\n") == [(9, 3, 9, 4)]


def test_form_missing_name_and_missing_colon():
    assert check("ATTACH-001", note="附件：\n") == [(9, 1, 9, 4)]
    assert check("ATTACH-001", note="附件\n1.检查内容清单\n2.检查情况汇总表\n") == [(9, 1, 9, 3)]
    assert check("ATTACH-001") == []


def test_list_repeated_label():
    assert check("ATTACH-002", note="附件：1.检查内容清单\n附件：2.检查情况汇总表\n") == [(10, 1, 10, 4)]


def test_list_items_on_one_line_numbering_and_alignment():
    assert check("ATTACH-002", note="附件：1.检查内容清单 2.检查情况汇总表\n") == [(9, 13, 9, 15)]
    assert check("ATTACH-002", note="附件：1、检查内容清单\n　　　2.检查情况汇总表\n") == [(9, 4, 9, 6)]
    assert check("ATTACH-002", note="附件：1.检查内容清单\n　　　3.检查情况汇总表\n") == [(10, 4, 10, 6)]
    assert check("ATTACH-002", note="附件：1.检查内容清单\n　2.检查情况汇总表\n") == [(10, 2, 10, 4)]
    # Indentation lost altogether (text copied from a web page) is not reported.
    assert check("ATTACH-002", note="附件：1.检查内容清单\n2.检查情况汇总表\n") == []


def test_no_punctuation_after_names():
    assert check("ATTACH-003", note="附件：1.检查内容清单；\n　　　2.检查情况汇总表。\n") == [
        (9, 12, 9, 13), (10, 13, 10, 14)]
    assert check("ATTACH-003", note="附件：检查情况汇总表（样表）\n") == []


def test_single_attachment_not_numbered():
    assert check("ATTACH-004", note="附件：1.检查内容清单\n") == [(9, 4, 9, 6)]
    assert check("ATTACH-004", note="附件：检查内容清单\n") == []
    assert check("ATTACH-004") == []


def test_note_inside_the_body():
    text = LETTER.format(note="", pages="").replace("请予支持。\n", "\n附件：检查内容清单\n请予支持。\n")
    assert spans(lint(text, select=["ATTACH-005"]), "ATTACH-005") == [(7, 1, 7, 4)]


def test_note_after_the_date_is_left_to_the_grammar():
    text = LETTER.format(note="", pages="附件：检查内容清单\n")
    diags = lint(text, select=["ATTACH-005", "STRUCT-001"])
    assert [(d.rule, d.line) for d in diags] == [("STRUCT-001", 12)]


def test_pages_match_the_note():
    assert check("ATTACH-006", pages=PAGES) == []
    assert check("ATTACH-006", pages=PAGES.replace("检查情况汇总表\n", "检查情况统计表\n")) == [(24, 1, 24, 8)]
    assert check("ATTACH-006", note="附件：检查内容清单\n", pages=PAGES) == [(9, 1, 9, 4)]
    assert check("ATTACH-006", pages=PAGES.replace("附件2", "附件3")) == [(22, 1, 22, 4)]
    assert check("ATTACH-006", note="", pages=PAGES) == [(13, 1, 13, 4)]


def test_page_title_wrapped_over_two_lines():
    pages = PAGES.replace("检查情况汇总表\n", "检查情况\n汇总表\n")
    assert check("ATTACH-006", pages=pages) == []


def test_vague_note():
    assert check("ATTACH-007", note="附件：3件\n") == [(9, 1, 9, 6)]
    assert check("ATTACH-007", note="附件如文\n") == [(9, 1, 9, 5)]
    assert check("ATTACH-007") == []


def test_alignment_check_can_be_switched_off():
    text = LETTER.format(note="附件：1.检查内容清单\n　2.检查情况汇总表\n", pages="")
    diags = lint(text, select=["ATTACH-002"], rule_options={"ATTACH-002": {"attachment-alignment": False}})
    assert spans(diags, "ATTACH-002") == []


def test_page_label_with_title_after_the_date_is_not_a_second_note():
    text = LETTER.format(note="附件：检查内容清单\n", pages="附件1：检查内容清单\n一、校舍安全\n")
    assert [d.rule for d in lint(text, select=["ATTACH"])] == []


def test_numbered_note_after_the_date_keeps_its_second_line():
    text = LETTER.format(note="", pages="附件：1.检查内容清单\n　　　2.检查情况汇总表\n")
    assert [d.rule for d in lint(text, select=["ATTACH"])] == []


def test_name_wrapped_in_the_note():
    wrapped = "附件：1.检查内容清单\n　　　2.检查情况汇总表（含各校\n　　　分项数据）\n"
    text = LETTER.format(note=wrapped, pages="")
    assert lint(text, select=["ATTACH", "SIGN", "STRUCT", "PUNCT-006"]) == []
    # The page title is the whole wrapped name.
    pages = PAGES.replace("检查情况汇总表\n", "检查情况汇总表（含各校分项数据）\n")
    assert check("ATTACH-006", note=wrapped, pages=pages) == []
    assert check("ATTACH-006", note=wrapped, pages=PAGES) == [(25, 1, 25, 8)]  # one line lower
