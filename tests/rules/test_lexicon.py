"""用词 (WORD) rules: the lexicon file, its matcher, and every entry in and out of its context."""
import pytest
from helpers import lint, spans

from letterlint.rules import lexicon
from letterlint.rules.lexicon import Entry, Lexicon, LexiconError, builtin, parse_tsv

ENTRIES = builtin().entries


def _example(entry):
    return entry.example or f"经核查，{entry.wrong}。"


def _ids(text, lex=None):
    return [e.id for _, _, e in (lex or builtin()).scan(text)]


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.id for e in ENTRIES])
def test_entry_fires_in_its_context(entry):
    text = _example(entry)
    hits = [(s, e) for s, e, hit in builtin().scan(text) if hit.id == entry.id]
    assert hits, f"{entry.id} {entry.wrong}: does not fire on {text!r}"
    s, e = hits[0]
    assert text[s:e] == entry.wrong


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.id for e in ENTRIES])
def test_entry_is_silent_outside_it(entry):
    if entry.silent:
        assert entry.id not in _ids(entry.silent), f"{entry.id}: fires on its silent example"
    if not entry.right.startswith("（"):
        corrected = _example(entry).replace(entry.wrong, entry.right)
        # The right form trips no entry at all (no entry contradicts another).
        assert _ids(corrected) == [], f"{entry.id}: the corrected text {corrected!r} still fires"


def test_every_context_entry_has_its_own_examples():
    for entry in ENTRIES:
        if entry.before or entry.after:
            assert entry.example and entry.silent, f"{entry.id} has a context condition but no examples"


def test_the_file_is_well_formed():
    assert len(ENTRIES) >= 300
    assert len({e.id for e in ENTRIES}) == len(ENTRIES)
    assert all(e.wrong != e.right for e in ENTRIES)
    with pytest.raises(LexiconError):
        parse_tsv("id\twrong\n")
    header = "\t".join(lexicon.COLUMNS)
    with pytest.raises(LexiconError):
        parse_tsv(header + "\nX1\t部份\t部分\t不存在的类别" + "\t" * 9 + "\n")


def test_longest_form_wins_and_hits_do_not_overlap():
    lex = Lexicon([Entry("A", "部份", "部分", "错字"), Entry("B", "部份额", "部分额", "错字")])
    assert [(s, e, h.id) for s, e, h in lex.scan("全部份额")] == [(1, 4, "B")]


def test_failed_condition_falls_back_to_a_later_start():
    lex = Lexicon([Entry("A", "份额", "X", "错字"), Entry("B", "部份", "部分", "错字", not_after=__import__("re").compile("额"))])
    assert [h.id for _, _, h in lex.scan("部份额")] == ["A"]


LETTER = """\
关于协助做好校车安全检查的函
示例市公安局：
{body}
请予函复。
示例市教育局
2024年5月6日
"""


def test_typo_position_in_a_letter():
    diags = lint(LETTER.format(body="现将校车安全检查工作布署如下。"), select=["WORD"])
    assert spans(diags, "WORD-001") == [(3, 11, 3, 13)]
    assert diags[0].message == "错别字：“布署”应为“部署”（词条 C008）"
    assert lint(LETTER.format(body="现将校车安全检查工作部署如下。"), select=["WORD"]) == []


def test_misuse_only_in_context():
    text = LETTER.format(body="请登陆示例市教育局网站下载申请表。")
    assert spans(lint(text, select=["WORD-003"]), "WORD-003") == [(3, 2, 3, 4)]
    text = LETTER.format(body="受台风登陆影响，校车停运一天。")
    assert lint(text, select=["WORD-003"]) == []


def test_title_is_checked_too():
    text = LETTER.replace("关于协助做好校车安全检查的函", "关于做好帐户管理工作的函").format(body="现商请协助。")
    assert spans(lint(text, select=["WORD"]), "WORD-002") == [(1, 5, 1, 7)]


def test_entries_can_be_switched_off():
    text = LETTER.format(body="现将校车安全检查工作布署如下。")
    opts = {"WORD-001": {"lexicon-disable": ["C008"]}}
    assert lint(text, select=["WORD"], rule_options=opts) == []


def test_custom_terms_are_plain_strings():
    text = LETTER.format(body="请示例市教育局局（.*）牵头办理。")
    opts = {"WORD-005": {"lexicon-terms": ["示例市教育局局=>示例市教育局", "（.*）"]}}
    diags = lint(text, select=["WORD-005"], rule_options=opts)
    assert spans(diags, "WORD-005") == [(3, 2, 3, 9), (3, 9, 3, 13)]
    assert diags[1].message == "本单位规定不用“（.*）”"


def test_scan_is_linear_on_hostile_text():
    # Many candidates that all fail their conditions: each costs a bounded amount of work.
    lex = builtin()
    assert _ids("登陆" * 20000) == [] and _ids("竟争相" * 10000) == []
    assert len(list(lex.scan("部份" * 5000))) == 5000


def test_configuration_switches_entries_off_and_adds_terms(tmp_path, capsys):
    import json

    from letterlint.cli import main

    draft = tmp_path / "a.txt"
    draft.write_text(LETTER.format(body="现将校车安全检查工作布署如下，教育口各单位参照执行。"), encoding="utf-8")
    (tmp_path / ".letterlint.toml").write_text(
        'select = ["WORD"]\n[local]\nlexicon-disable = ["C008"]\nlexicon-terms = ["教育口=>教育系统"]\n', encoding="utf-8")
    assert main(["--format", "json", str(draft)]) == 0  # warnings do not fail the run
    found = [(d["rule"], d["column"]) for f in json.loads(capsys.readouterr().out)["files"] for d in f["diagnostics"]]
    assert found == [("WORD-005", 16)]
    (tmp_path / ".letterlint.toml").write_text('[local]\nlexicon-disable = ["Z999"]\n', encoding="utf-8")
    assert main([str(draft)]) == 2
    assert "“Z999”不是可用的值" in capsys.readouterr().err


@pytest.mark.parametrize("text", [
    "究竟标准是什么", "毕竟争取到了资金", "按耐火等级划分", "第一笔划拨资金已到位", "确保讲座落到实处",
    "通过抽签定出名次", "关系融洽当地群众满意", "全部份额已认购", "新建全长5公里的道路", "自己经常下乡",
    "会议期间，代表进行了讨论", "受台风登陆影响", "防止因病致贫、因贫致病",
])
def test_correct_text_that_contains_a_wrong_form_is_silent(text):
    assert _ids(text) == []
