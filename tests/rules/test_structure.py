"""Order and presence of the parts: grammar-driven misplacements and missing parts."""
from helpers import codes, lint, only, spans

from letterlint.parse import parse_text

GOOD = """\
关于商请协助开展道路安全检查的函

示例市公安局：
为做好道路安全检查工作，现商请贵局派员协助。
请予函复。

示例市交通运输局
2024年5月6日
"""


def test_good_letter_has_no_structure_problem():
    assert codes(lint(GOOD)) & {"STRUCT-001", "STRUCT-002", "STRUCT-003", "RECIP-001", "SIGN-001"} == set()


def test_date_above_signature_is_reported_once_at_the_date():
    text = GOOD.replace("示例市交通运输局\n2024年5月6日", "2024年5月6日\n示例市交通运输局")
    d = only(lint(text, select=["STRUCT-001"]), "STRUCT-001")
    assert (d.line, d.column, d.end_line, d.end_column) == (7, 1, 7, 10)
    assert d.message == "成文日期应位于发文机关署名之后"


def test_contact_inside_body():
    text = GOOD.replace("示例市公安局：\n", "示例市公安局：\n联系人：李华，电话：0791-86123456\n")
    d = only(lint(text, select=["STRUCT-001"]), "STRUCT-001")
    assert (d.line, d.message) == (4, "联系人应位于正文之后")
    assert d.severity == "warning"  # a local mark: its place is set by the local format


def test_copy_to_inside_body():
    text = GOOD.replace("示例市公安局：\n", "示例市公安局：\n抄送：示例市人民政府办公室。\n")
    d = only(lint(text, select=["STRUCT-001"]), "STRUCT-001")
    assert (d.line, d.message, d.severity) == (4, "抄送应位于成文日期之后", "error")


def test_header_order_comes_from_the_grammar():
    text = "特急\n机密★1年\n" + GOOD
    d = only(lint(text, select=["STRUCT-001"]), "STRUCT-001")
    assert d.line == 1 and d.message == "紧急程度应位于密级和保密期限之后"


def test_attachment_note_after_the_date():
    text = GOOD + "附件：道路安全检查点位表\n"
    d = only(lint(text, select=["STRUCT-001"]), "STRUCT-001")
    assert d.line == 9 and "附件说明" in d.message


def test_attachment_note_after_the_date_is_not_sent_into_the_attachment():
    text = GOOD + "附件：道路安全检查点位表\n\n附件\n\n道路安全检查点位表\n"
    d = only(lint(text, select=["STRUCT-001"]), "STRUCT-001")
    assert (d.line, d.column, d.message) == (9, 1, "附件说明应位于发文机关署名之前")


def test_rest_of_letter_is_still_checked_after_a_misplacement():
    text = GOOD.replace("示例市交通运输局\n2024年5月6日", "2024年05月6日\n示例市交通运输局")
    got = codes(lint(text))
    assert "STRUCT-001" in got and "DATE-002" in got


def test_missing_title_date_body():
    assert spans(lint("示例市公安局：\n", select=["STRUCT-002"]), "STRUCT-002") == [(1, 1, 1, 8), (1, 1, 1, 8),
                                                                                 (1, 1, 1, 8)]
    text = GOOD.replace("2024年5月6日\n", "")
    d = only(lint(text, select=["STRUCT-002"]), "STRUCT-002")
    assert (d.line, d.message) == (7, "缺少成文日期")


def test_missing_title_is_an_error_in_a_draft_with_a_header():
    text = "示例市交通运输局文件\n示交函〔2024〕12号\n\n" + GOOD.split("\n", 2)[2]
    d = only(lint(text, select=["STRUCT-002"]), "STRUCT-002")
    assert (d.line, d.column, d.end_line, d.end_column, d.severity, d.message) == (1, 1, 1, 11, "error", "缺少标题")


def test_missing_title_is_a_warning_in_an_excerpt_without_header():
    text = GOOD.split("\n", 2)[2]  # starts at the 主送机关, as web copies and body-only drafts do
    d = only(lint(text, select=["STRUCT-002"]), "STRUCT-002")
    assert (d.line, d.column, d.end_line, d.end_column, d.severity) == (1, 1, 1, 8, "warning")
    assert d.message == "缺少标题（文本没有版头，标题可能在文本之外）"
    strict = {"STRUCT-002": {"title-required-in-excerpt": True}}
    d = only(lint(text, select=["STRUCT-002"], rule_options=strict), "STRUCT-002")
    assert (d.line, d.severity, d.message) == (1, "error", "缺少标题")


def test_duplicate_date():
    text = GOOD + "2024年5月8日\n"
    d = only(lint(text, select=["STRUCT"]), "STRUCT-003")
    assert (d.line, d.column) == (9, 1) and "第8行" in d.message


def test_recipient_missing_in_a_letter_but_not_in_a_report():
    text = GOOD.replace("示例市公安局：\n", "")
    assert spans(lint(text, select=["RECIP-001"]), "RECIP-001") == [(1, 1, 1, 17)]
    report = "关于2024年道路安全工作情况的报告\n今年以来，我局扎实推进道路安全工作。\n特此报告。\n示例市交通运输局\n2024年5月6日\n"
    assert spans(lint(report, select=["RECIP-001"]), "RECIP-001") == []


def test_signature_missing():
    text = GOOD.replace("示例市交通运输局\n", "")
    assert spans(lint(text, select=["SIGN-001"]), "SIGN-001") == [(7, 1, 7, 10)]


def test_recipients_moved_into_the_record_are_the_recipients():
    text = ("示例市人民政府办公室关于调整防汛抗旱指挥部组成人员的通知\n　　经市政府同意，对组成人员作如下调整。\n"
            "示例市人民政府办公室\n2024年4月3日\n主送：各县（市、区）人民政府，市政府各部门。\n抄送：市委办公室。\n"
            "示例市人民政府办公室　2024年4月3日印发\n")
    assert lint(text, select=["STRUCT", "RECIP"]) == []
    letter = parse_text(text)
    assert [(p.line, p.kind, p.section) for p in letter.parts[-3:]] == [
        (5, "record_recipient", "版记"), (6, "copy_to", "版记"), (7, "print_line", "版记")]


def test_a_salutation_pasted_twice_is_one_duplicate():
    text = GOOD.replace("示例市公安局：\n", "示例市公安局：\n示例市公安局：\n")
    assert [(d.rule, d.line) for d in lint(text, select=["STRUCT", "RECIP"])] == [("STRUCT-003", 4)]


def test_a_copy_to_line_written_twice_is_a_duplicate():
    text = GOOD + "抄送：示例市人民政府办公室。\n抄送：示例市人民政府办公室。\n"
    diags = lint(text, select=["STRUCT"])
    assert [(d.rule, d.line, d.message) for d in diags] == [("STRUCT-003", 10, "抄送重复出现（第9行已有）")]
    assert lint(GOOD + "抄送：示例市人民政府办公室。\n抄报：示例市财政局。\n", select=["STRUCT"]) == []


def test_recipients_in_the_record_wrapped_over_two_lines():
    text = ("示例市人民政府办公室关于做好有关工作的通知\n　　请各单位认真落实。\n示例市人民政府办公室\n2024年4月3日\n"
            "主送：各区人民政府，市政府各部门，\n　　　示例经济技术开发区管委会。\n抄送：市委办公室。\n")
    assert lint(text, select=["STRUCT", "RECIP"]) == []
    assert [len(p.lines) for p in parse_text(text).all("record_recipient")] == [2]


def test_recipient_missing_in_a_report_sent_upward():
    report = ("示交〔2024〕12号　　签发人：张明\n关于2024年道路安全工作情况的报告\n"
              "今年以来，我局扎实推进道路安全工作。\n特此报告。\n示例市交通运输局\n2024年5月6日\n")
    assert spans(lint(report, select=["RECIP-001"]), "RECIP-001") == [(2, 1, 2, 19)]


def test_signature_missing_in_announcements_circulars_and_untitled_web_copies():
    notice = "样例县自然资源局关于征收土地的公告\n现将有关事项公告如下：征收土地面积12.36公顷。\n特此公告。\n{sig}2024年4月22日\n"
    assert spans(lint(notice.format(sig=""), select=["SIGN-001"]), "SIGN-001") == [(4, 1, 4, 11)]
    assert spans(lint(notice.format(sig="样例县自然资源局\n"), select=["SIGN-001"]), "SIGN-001") == []
    # No title and no formula (kind unknown): the date after the text still needs its 署名.
    web = "为做好森林防火工作，现公开征求意见。\n意见反馈截止时间为2024年9月10日。\n{sig}2024年8月30日\n"
    assert spans(lint(web.format(sig=""), select=["SIGN-001"]), "SIGN-001") == [(3, 1, 3, 11)]
    assert spans(lint(web.format(sig="样例县自然资源和规划局\n"), select=["SIGN-001"]), "SIGN-001") == []
    # …but not a date that stands above the text (a 题注 or a cut excerpt).
    excerpt = "（2024年6月25日）\n根据县人民政府县长的提请，会议决定：\n任命蔡某某为样例县教育局局长。\n"
    assert spans(lint(excerpt, select=["SIGN-001"]), "SIGN-001") == []


def test_signature_missing_in_a_decision_but_not_in_one_dated_by_its_title_note():
    decision = "示例市人民政府关于公布第二批名录的决定\n各县（市、区）人民政府：\n　　市政府决定公布第二批名录。\n{sig}2024年6月8日\n"
    assert spans(lint(decision.format(sig=""), select=["SIGN-001"]), "SIGN-001") == [(4, 1, 4, 10)]
    assert spans(lint(decision.format(sig="示例市人民政府\n"), select=["SIGN-001"]), "SIGN-001") == []
    adopted = ("示例市人民代表大会常务委员会关于设立示例市环境日的决定\n（2024年6月25日示例市第十七届人民代表大会常务委员会"
               "第二十次会议通过）\n　　为增强全社会环境保护意识，决定设立示例市环境日。\n")
    assert spans(lint(adopted, select=["SIGN-001"]), "SIGN-001") == []


def test_recipient_of_an_untitled_web_copy_without_its_colon():
    # A comma-separated list of organs at the top of a text without a title is its 主送.
    text = ("样例产业园区管委会，各乡镇人民政府，市级各部门{colon}\n《样例市人民政府常务会议议事规则》已经市人民政府常务会议通过，现予印发。\n"
            "样例市人民政府\n2024年11月20日\n")
    assert spans(lint(text.format(colon=""), select=["RECIP-002"]), "RECIP-002") == [(1, 23, 1, 24)]
    assert spans(lint(text.format(colon="："), select=["RECIP-002"]), "RECIP-002") == []
    # Classes of organs joined by 顿号, ending in a group word (…、各直属机构).
    letter = "样例市人民政府办公室关于做好节能工作的通知\n\n各县（市、区）人民政府、市直各有关机构{colon}\n为做好今年夏季用电高峰期间的节能工作，现将有关事项通知如下。\n样例市人民政府办公室\n2024年5月6日\n"
    assert spans(lint(letter.format(colon=""), select=["RECIP-002"]), "RECIP-002") == [(3, 19, 3, 20)]
    assert spans(lint(letter.format(colon="："), select=["RECIP-002"]), "RECIP-002") == []


def test_minutes_dated_on_their_print_line_need_no_date_below_the_text():
    minutes = ("示例市人民政府专题会议纪要\n\n　　2024年6月5日，副市长王某主持召开专题会议。纪要如下：\n"
               "　　一、会议同意建设计划。\n\n出席：王某　李某\n\n{print_line}")
    dated = lint(minutes.format(print_line="示例市人民政府办公室　　2024年6月7日印发\n"), select=["STRUCT-002"])
    assert dated == []
    undated = lint(minutes.format(print_line=""), select=["STRUCT-002"])
    assert [(d.line, d.message) for d in undated] == [(6, "缺少成文日期")]
