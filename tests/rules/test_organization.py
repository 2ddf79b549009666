"""The organisation registry: 机关代字 against 署名 and 发文机关标志."""
from helpers import lint, spans

REGISTRY = {"organizations": {"示教": ["示例市教育局", "市教育局"], "示交": "示例市交通运输局"}}
LETTER = """\
{mark}示交函〔2024〕12号
关于商请协助开展道路安全检查的函
示例市公安局：
现商请贵局派员协助。
请予函复。
{signature}
2024年5月6日
"""


def check(code, signature="示例市交通运输局", mark="", registry=REGISTRY):
    text = LETTER.format(signature=signature, mark=mark)
    return spans(lint(text, select=[code], rule_options={code: registry}), code)


def test_matching_signature_is_silent():
    assert check("ORG-001") == [] and check("ORG-002") == []


def test_docnum_of_another_organisation():
    # 示交函: the registered prefix 示交 belongs to 示例市交通运输局, not to 示例市教育局.
    assert check("ORG-001", signature="示例市教育局") == [(1, 1, 1, 4)]


def test_org_mark_must_match_too():
    assert check("ORG-001", mark="示例市教育局文件\n") == [(1, 1, 1, 9)]


def test_short_form_is_accepted_and_near_miss_reported():
    registry = {"organizations": {"示交": ["示例市交通运输局", "市交通运输局"]}}
    assert check("ORG-002", signature="市交通运输局", registry=registry) == []
    assert check("ORG-002", signature="示例交通运输局", registry=registry) == [(6, 1, 6, 8)]


def test_without_registry_nothing_is_checked():
    assert check("ORG-001", signature="示例市教育局", registry={}) == []
