"""Malformed configuration, suppression files, baselines and options: a clear message naming the file
and the key, exit code 2, never an internal error; regular expressions from a config are bounded."""
import time

import pytest

from letterlint.cli import main
from letterlint.saferegex import UnsafePattern, compile_safe, search_any

LETTER = "关于商请协助开展道路安全检查的函\n示例市公安局：\n现商请贵局派员协助。\n请予函复。\n示例市交通运输局\n2024年5月6日\n"
HUGE = "A" * 3_000_000


@pytest.fixture
def tree(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text(LETTER, encoding="utf-8")
    return tmp_path


def fails_clearly(capsys, *argv, expect=()):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert "内部错误" not in err and "Traceback" not in err, err
    assert len(err) < 1000, err[:300]   # values are cut, never echoed whole
    for piece in expect:
        assert piece in err, err
    return err


CONFIGS = [
    (".letterlint.toml", b'select = ["\xff"]\n', ["UTF-8"]),
    (".letterlint.toml", b"a = " + b"[" * 5000 + b"]" * 5000 + b"\n", ["嵌套"]),
    (".letterlint.toml", b"a = " + b"{b=" * 3000 + b"1" + b"}" * 3000 + b"\n", ["嵌套"]),
    (".letterlint.toml", b'select = "DATE"\n', ["select"]),
    (".letterlint.toml", b"select = [1]\n", ["select"]),
    (".letterlint.toml", f'select = ["{HUGE}"]\n'.encode(), ["select", "3000000"]),
    (".letterlint.toml", f'[per-file-ignores]\n"{HUGE}" = ["NOPE"]\n'.encode(), ["per-file-ignores", "NOPE"]),
    (".letterlint.toml", b'severity = { DATE = 3 }\n', ["severity"]),
    (".letterlint.toml", b'severity = { DATE = "loud" }\n', ["severity.DATE"]),
    (".letterlint.toml", b'root = "yes"\n', ["root"]),
    (".letterlint.toml", b'[rules]\nROUTE-002 = 3\n', ["rules.ROUTE-002"]),
    (".letterlint.toml", b'[rules.ROUTE-002]\nlower-organs = "x"\n', ["rules.ROUTE-002.lower-organs"]),
    (".letterlint.toml", b'exclude = ["../*"]\n', ["exclude"]),
    ("pyproject.toml", b"[tool]\nletterlint = 3\n", ["tool.letterlint"]),
    (".letterlint-ignore.toml", b'[[ignore]]\nrule = "DATE"\ntext = "x"\nreason = "y"\nfiles = 3\n', ["files"]),
    (".letterlint-ignore.toml", b'[[ignore]]\nrule = "DATE"\ntext = "x"\nreason = "y"\nfiles = ["a"]\n', ["files"]),
    (".letterlint-ignore.toml", b'[[ignore]]\nrule = "DATE"\ntext = "x"\nreason = "y"\nfiles = "../*"\n', ["files"]),
    (".letterlint-ignore.toml", b"ignore = 3\n", ["ignore"]),
    (".letterlint-ignore.toml", b"ignore = [3]\n", ["[[ignore]]"]),
    (".letterlint-ignore.toml", b'[[ignore]]\nrule = 3\ntext = "x"\nreason = "y"\n', ["rule"]),
    (".letterlint-ignore.toml", f'[[ignore]]\nrule = "{HUGE}"\ntext = "x"\nreason = "y"\n'.encode(), ["rule"]),
    (".letterlint-ignore.toml", b"\xff\xfe", ["UTF-8"]),
]


@pytest.mark.parametrize("name, content, expect", CONFIGS, ids=[f"{n}-{i}" for i, (n, _, _) in enumerate(CONFIGS)])
def test_malformed_config_and_sidecar(capsys, tree, name, content, expect):
    (tree / name).write_bytes(content)
    err = fails_clearly(capsys, tree / "a.txt", expect=expect)
    assert name in err


BASELINES = [
    (b'{"version": 1, "entries": [3]}', "entries 第1项"),
    (b'{"version": 1, "entries": [{"path": "a"}]}', "rule"),
    (b'{"version": 1, "entries": [{"path": "a", "rule": "x", "fingerprint": "y", "count": "2"}]}', "count"),
    (b'{"version": 1, "entries": [{"path": "a", "rule": "x", "fingerprint": "y", "count": 1.5}]}', "count"),
    (b'{"version": 1, "entries": [{"path": "a", "rule": "x", "fingerprint": "y", "count": true}]}', "count"),
    (b'{"version": 1, "entries": {}}', "version"),
    (b"[" * 100_000 + b"]" * 100_000, "嵌套"),
    (b"\xff\xfe\x00", "UTF-8"),
    (b'{"version": 1, "entries": [{"path": "' + HUGE.encode() + b'", "rule": 1}]}', "rule"),
]


@pytest.mark.parametrize("content, expect", BASELINES, ids=[str(i) for i in range(len(BASELINES))])
def test_malformed_baseline(capsys, tree, content, expect):
    (tree / "bl.json").write_bytes(content)
    fails_clearly(capsys, "--baseline", tree / "bl.json", tree / "a.txt", expect=["bl.json", expect])


@pytest.mark.parametrize("encoding", ["rot13", "base64", "hex", "zlib", "no-such-codec"])
def test_encoding_must_be_a_text_encoding(capsys, tree, encoding):
    fails_clearly(capsys, "--encoding", encoding, tree / "a.txt", expect=["--encoding", encoding])


# --- regular expressions from the config -------------------------------------------------------

@pytest.mark.parametrize("pattern", ["(市|市)*x", "(a+)+b", "(?:人大|人代)+x", r"(\w)\1", ".*.*.*x",
                                     "(a|ab)*c", "x{0,5000}y{0,5000}", "(a)(?(1)a|b)", "a" * 600])
def test_unbounded_patterns_are_refused(pattern):
    with pytest.raises(UnsafePattern):
        compile_safe(pattern)


@pytest.mark.parametrize("pattern", ["^各(?!位)", "人大|人代", "政府办|府办|督查室|督办|政府督查", "乡镇人民政府$",
                                     "^各.*局$", r"第\d{1,3}号", "(?:区|县)人民政府", "[^，]{2,8}办公室"])
def test_ordinary_patterns_are_allowed(pattern):
    compile_safe(pattern)


def test_refused_pattern_is_a_config_error_naming_file_and_key(capsys, tree):
    (tree / ".letterlint.toml").write_text('[rules.ROUTE-002]\nlower-organs = ["(市|市)*x"]\n', encoding="utf-8")
    fails_clearly(capsys, tree / "a.txt", expect=[".letterlint.toml", "rules.ROUTE-002.lower-organs", "(市|市)*x"])
    (tree / ".letterlint.toml").write_text('[local]\ncc-government = ["(a+)+"]\n', encoding="utf-8")
    fails_clearly(capsys, tree / "a.txt", expect=[".letterlint.toml", "local.cc-government"])


def test_allowed_pattern_stays_fast_on_a_hostile_name():
    name = "市" * 100_000
    start = time.perf_counter()
    for _ in range(20):
        search_any(["^各.*局$", "市{0,50}x", "[^，]{2,8}x"], name)
    assert time.perf_counter() - start < 5  # a backtracking blow-up would take far longer than this


def test_a_letter_with_many_long_copy_items_and_a_config_pattern(tmp_path):
    from letterlint.lint import Settings, check_text

    copy_to = "抄送：" + "、".join("市" * 300 for _ in range(200)) + "。\n"
    text = "关于示例事项的请示\n示例市人民政府：\n现请示如下。\n妥否，请批示。\n示例市教育局\n2024年5月6日\n" + copy_to
    settings = Settings(doctype="request", rule_options={"ROUTE-002": {"lower-organs": ["^市*x", ".*局$"]}})
    start = time.perf_counter()
    result = check_text(text, "a.txt", settings)
    assert time.perf_counter() - start < 10
    assert not any(d.rule == "LINT-001" for d in result.diagnostics)
