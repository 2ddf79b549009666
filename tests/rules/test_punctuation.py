"""标点符号 rules (GB/T 15834-2011): each fires at the exact characters, silent on correct text."""
import time

from helpers import codes, lint, only, spans

LETTER = """\
关于商请协助开展校园步道建设的函
示例市住房和城乡建设局：
{body}
请予支持。
示例市教育局
2024年5月6日
"""


def check(body, select=("PUNCT",)):
    return lint(LETTER.format(body=body), select=list(select))


# Correct text full of things that look like defects to a careless checker.
GOOD_BODY = """\
为推进校园步道建设，详见http://www.example.gov.cn/a/b.html，或发送邮件至abc.def@example.com.cn咨询。
工程总投资3.14亿元，涉及1,000户居民，每日9:00—17:00施工，比例尺1:500，电话0791-86345678。
工程执行GB/T 50180-2018标准，编号SL-2024(B)，门牌号5-2号，型号f(x)不变。
主要措施有：1.加强管理；2.完善制度；3.落实责任。
工期为2021—2025年，每段工期3～5天，全长2.5—3米，北京—上海线路，工期为第一季度—第三季度。
请认真学习《示例市安全生产条例》《示例市消防管理办法》和《关于印发〈示例市校园步道建设方案〉的通知》。
全市开展了道路、桥梁、隧道等设施的安全检查，等到月底再行复查，等级评定另行通知。
每所学校配备三四名安全员，第一、二批学校先行实施，一、二年级学生除外。
现将《中共中央 国务院关于加强安全生产工作的意见》有关要求函告如下。
他说：“你好吗？！”我们推进“一村一幼”及“班改幼”工作。
（1）更换灯具；1）增设路灯；a）完善标识。
全市设卡、巡查……有关工作正在进行——新建、改建和扩建同步推进。
公司英文名称为Example Co., Ltd.，简称ECL。"""


def test_correct_text_is_silent():
    assert check(GOOD_BODY) == []


# --- PUNCT-001 ---------------------------------------------------------------------------------------


def test_ascii_points_next_to_chinese():
    diags = check("经研究,现将有关事项函告如下:一是加强管理.")
    assert spans(diags, "PUNCT-001") == [(3, 4, 3, 5), (3, 15, 3, 16), (3, 22, 3, 23)]
    assert [d.suggestion for d in diags] == ["改为 ，", "改为 ：", "改为 。"]
    assert {d.severity for d in diags} == {"error"}


def test_clause_comma_between_numbers_is_reported_but_not_decimals():
    # "100%,800" is a clause comma (not a thousands separator); 3.5 is a decimal.
    diags = [d for d in check("全市共有3.5万名学生,占比达100%,800余所学校受益。") if d.rule == "PUNCT-001"]
    assert spans(diags, "PUNCT-001") == [(3, 12, 3, 13), (3, 20, 3, 21)]
    # Next to Chinese text it is an error; between two figures, where it may be a separator of
    # figures or an artefact of conversion, a warning.
    assert [d.severity for d in diags] == ["error", "warning"]


def test_chinese_numeral_marker_takes_a_dunhao():
    d = only(check("主要措施：一.加强管理；二、完善制度。"), "PUNCT-001")
    assert (d.line, d.column, d.end_column) == (3, 7, 8)
    assert d.suggestion == "改为 、"


def test_colons_owned_by_other_rules_are_not_reported_twice():
    text = "关于商请协助开展校园步道建设的函\n示例市住房和城乡建设局:\n现将有关事项函告如下。\n示例市教育局\n2024年5月6日\n抄送:示例市财政局.\n"
    diags = lint(text, select=["PUNCT", "RECIP", "COPY"])
    assert "PUNCT-001" not in codes(diags)
    assert {"RECIP-002", "COPY-001", "COPY-002"} <= codes(diags)


def test_contact_label_colons_are_chinese_points_too():
    text = LETTER.format(body="现将有关事项函告如下。") + "联系人:李四,电话:0791-86345678\n"
    assert spans(lint(text, select=["PUNCT-001"]), "PUNCT-001") == [(7, 4, 7, 5), (7, 7, 7, 8), (7, 10, 7, 11)]


def test_the_colons_of_a_replys_labelled_lines():
    text = "办理结果:A\n" + LETTER.format(body="现将有关事项函告如下。") + "领导签发:张明\n"
    assert spans(lint(text, select=["PUNCT-001"]), "PUNCT-001") == [(1, 5, 1, 6), (8, 5, 8, 6)]


def test_english_line_keeps_its_punctuation():
    assert check("The Example Education Bureau (示例市教育局), founded in 1950, runs 12 schools. Thanks.") == []


# --- PUNCT-002 ---------------------------------------------------------------------------------------


def test_ascii_quotes_brackets_and_corner_quotes():
    diags = check('我局按照"放管服"改革要求，推进示例村(C1902单元)规划，设立「服务窗口」。')
    assert spans(diags, "PUNCT-002") == [(3, 5, 3, 6), (3, 9, 3, 10), (3, 20, 3, 21), (3, 28, 3, 29),
                                         (3, 34, 3, 35), (3, 39, 3, 40)]
    assert [d.severity for d in diags] == ["error"] * 4 + ["warning"] * 2


def test_ascii_angle_brackets_as_book_title_marks():
    assert spans(check("请研究批复<示例村村庄规划>的请示。"), "PUNCT-002") == [(3, 6, 3, 7), (3, 14, 3, 15)]


def test_lone_ascii_paren_says_it_is_unpaired():
    d = only(check("执行DB35/T 1644—2017)。"), "PUNCT-002")
    assert (d.column, d.end_column) == (19, 20)
    assert "缺少配对的前半" in d.message


def test_latin_only_parentheses_are_silent():
    assert check("工程编号SL-2024(B)，函数f(x)，电话(0791)86345678。") == []


# --- PUNCT-003, 004, 005 ---------------------------------------------------------------------------


def test_ellipsis_forms():
    diags = check("全市设卡、巡查...有关工作…")
    assert spans(diags, "PUNCT-003") == [(3, 8, 3, 11), (3, 15, 3, 16)]
    assert spans(check("全市设卡、巡查。。。"), "PUNCT-003") == [(3, 8, 3, 11)]


def test_double_hyphen_dash():
    d = only(check("全市共有三类项目--新建、改建和扩建。"), "PUNCT-004")
    assert (d.line, d.column, d.end_line, d.end_column) == (3, 9, 3, 11)
    assert d.severity == "error"


def test_single_dash_between_long_clauses_is_a_warning():
    d = only(check("我们的目标和主要任务是—全面建成高质量校园步道网络。"), "PUNCT-004")
    assert (d.column, d.end_column, d.severity) == (12, 13, "warning")


def test_single_dash_as_range_connector_is_silent():
    assert check("开行北京—上海列车，工期为第一季度—第三季度，每周一—周五开放。") == []
    assert check("市交通运输局关于示例—上海高速公路示例段通车情况的说明。") == []


def test_range_marks():
    diags = check("全市将在2021-2025年分批改造，每校工期3~5天。")
    assert spans(diags, "PUNCT-005") == [(3, 9, 3, 10), (3, 25, 3, 26)]
    assert [d.suggestion for d in diags] == ["改为 —", "改为 ～"]
    assert {d.severity for d in diags} == {"warning"}


def test_month_time_and_quantity_ranges():
    diags = check("1-3月完成，9:00-11:00办理，3-5天办结。")
    assert spans(diags, "PUNCT-005") == [(3, 2, 3, 3), (3, 12, 3, 13), (3, 22, 3, 23)]


def test_hyphens_in_codes_are_silent():
    assert check("执行GB/T 9704-2012，房号3-2号，电话0791-86345678，日期2024-05-06。") == []


# --- PUNCT-006 ---------------------------------------------------------------------------------------


def test_unbalanced_marks_reported_at_the_unmatched_mark():
    diags = check("现将《示例市校园步道建设方案印发给你们，原貌”的说明。")
    assert spans(diags, "PUNCT-006") == [(3, 3, 3, 4), (3, 23, 3, 24)]
    assert "书名号" in diags[0].message and "后半" in diags[0].message
    assert "前半" in diags[1].message


def test_paragraph_wrapped_mid_sentence_is_checked_as_one():
    assert check("现将《示例市校园步道\n建设方案》印发给你们。") == []


def test_multi_paragraph_quotation_opens_each_paragraph():
    assert check("“第一段引文。\n“第二段引文。”") == []


# --- PUNCT-007 … 010 -----------------------------------------------------------------------------------


def test_dunhao_between_book_titles():
    d = only(check("请认真学习《示例市安全生产条例》、《示例市消防管理办法》。"), "PUNCT-007")
    assert (d.line, d.column, d.end_line, d.end_column) == (3, 17, 3, 18)


def test_dunhao_inside_a_cited_title_is_left_alone():
    assert check("现将《关于学习“放管服”、“最多跑一次”经验的通知》转发给你们。") == []


def test_dunhao_before_deng():
    d = only(check("全市开展了道路、桥梁、隧道、等设施的安全检查。"), "PUNCT-008")
    assert (d.column, d.end_column) == (14, 15)
    assert check("全市开展了道路、桥梁等检查，等政策出台后再行复查。") == []


def test_dunhao_in_approximation():
    d = only(check("每所学校需配备三、四名安全员。"), "PUNCT-009")
    assert (d.column, d.end_column) == (9, 10)
    assert d.suggestion == "改为 三四"


def test_nested_book_title():
    d = only(check("现将《关于印发《示例市校园步道建设方案》的通知》转发给你们。"), "PUNCT-010")
    assert (d.line, d.column, d.end_line, d.end_column) == (3, 8, 3, 21)
    assert d.suggestion == "改为 〈示例市校园步道建设方案〉"


# --- PUNCT-012 … 014 -----------------------------------------------------------------------------------


def test_doubled_points():
    d = only(check("贵局来函收悉。。现函复如下："), "PUNCT-012")
    assert (d.column, d.end_column) == (7, 9)
    assert check("难道不该这样做吗？！") == []


def test_ellipsis_with_deng():
    d = only(check("全市开展了道路、桥梁、隧道……等设施的安全检查。"), "PUNCT-013")
    assert (d.column, d.end_column) == (14, 17)


def test_stray_spaces_are_a_hint():
    diags = check("经 研究，现将有关事项函告如下 。")
    assert spans(diags, "PUNCT-014") == [(3, 2, 3, 3), (3, 16, 3, 17)]
    assert {d.severity for d in diags} == {"info"}


def test_letter_spaced_words_are_silent():
    assert check("联 系 人：王  芳，电话另行通知。") == []


# --- speed -------------------------------------------------------------------------------------------


def test_a_long_letter_is_linted_quickly():
    body = "\n".join([GOOD_BODY, "经研究,现将有关事项函告如下:一是加强管理.", "全市设卡、巡查...有关工作…"] * 400)
    start = time.perf_counter()
    diags = check(body, select=("PUNCT", "NUM"))
    assert time.perf_counter() - start < 5
    assert len([d for d in diags if d.rule == "PUNCT-001"]) == 1200
