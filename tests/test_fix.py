"""--fix, --diff, --unsafe-fixes, --fix-only: what is fixed, and that nothing else is lost.

The letters are written for the tests (示例市…).  The property tests use
hypothesis with small, bounded example counts so that the suite stays fast.
"""
import codecs
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from letterlint import writeback
from letterlint.cli import main
from letterlint.diagnostic import Diagnostic, Edit, FileResult, Fix
from letterlint.fix import MAX_ROUNDS, fix_stored, plan_edits
from letterlint.lint import Settings, lint_text

GOOD = ("示教函〔2024〕12号\n"
        "\n"
        "示例市教育局关于商请协助开展校园周边道路安全检查的函\n"
        "\n"
        "示例市公安局：\n"
        "为做好校园周边道路安全检查工作，现商请贵局派员协助。具体事项如下：\n"
        "一、检查时间\n"
        "2024年6月3日至6月7日。\n"
        "二、检查内容\n"
        "（一）学校周边交通标志设置情况\n"
        "（二）上下学时段交通秩序\n"
        "请予函复。\n"
        "\n"
        "示例市教育局\n"
        "2024年5月6日\n"
        "（联系人：周明，电话：0797-8234567）\n"
        "\n"
        "抄送：示例市人民政府办公室。\n")

# Safe defects, each as (correct text, defective text); each touches one line.
DEFECTS = [
    ("示教函〔2024〕12号", "示教函[2024]第012号"),
    ("示例市公安局：", "示例市公安局:"),
    ("一、检查时间", "一．检查时间"),
    ("（一）学校周边", "(一)学校周边"),
    ("（二）上下学", "（二）、上下学"),
    ("2024年5月6日\n（联系人", "2024年05月06日\n（联系人"),
    ("抄送：示例市人民政府办公室。", "抄报:示例市人民政府办公室"),
    ("安全检查工作，现商请", "安全检查工作,现商请"),
    ("具体事项如下：", "具体事项如下:"),
    ("检查的函\n", "检查的函。\n"),
]
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16"]
ENDINGS = ["\n", "\r\n", "\r"]


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    return text.encode(encoding)


def with_endings(text: str, endings: list[str]) -> str:
    """``text`` ("\\n" lines) with line i ending in endings[i % len(endings)]."""
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines[:-1]):
        out.append(line + endings[i % len(endings)])
    return "".join(out) + lines[-1]


def bad_letter(n: int = len(DEFECTS)) -> str:
    text = GOOD
    for good, bad in DEFECTS[:n]:
        assert good in text, good
        text = text.replace(good, bad, 1)
    return text


def test_good_letter_is_clean():
    result = lint_text(GOOD, "good.txt")
    assert [d for d in result.diagnostics if d.severity == "error"] == []


# --- the command line -------------------------------------------------------------------------


def test_fix_writes_the_good_letter(tmp_path, capsys):
    path = tmp_path / "草稿.txt"
    path.write_text(bad_letter(), encoding="utf-8")
    assert main(["--fix", "--no-color", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == GOOD
    err = capsys.readouterr().err
    # Three on the 发文字号 line, two in the date, three in the 抄送 line, one for each other defect.
    assert f"已修正 {len(DEFECTS) + 5} 个问题（1 个文件）" in err


def test_diff_changes_nothing_and_exits_1(tmp_path, capsys):
    path = tmp_path / "草稿.txt"
    path.write_text(bad_letter(), encoding="utf-8")
    before = path.read_bytes()
    assert main(["--diff", str(path)]) == 1
    out = capsys.readouterr().out
    assert path.read_bytes() == before
    assert f"--- a/{path}" in out and "-示教函[2024]第012号" in out and "+示教函〔2024〕12号" in out
    path.write_text(GOOD, encoding="utf-8")
    assert main(["--diff", str(path)]) == 0
    assert capsys.readouterr().out == ""


def apply_unified_diff(old: str, diff: str) -> str:
    """A minimal patch(1) for one file, lines keeping their endings: to compare --diff with --fix."""
    old_lines = writeback.split_lines(old)
    lines = writeback.split_lines(diff)
    out, pos, i = [], 0, 2
    while i < len(lines):
        head = lines[i]
        assert head.startswith("@@"), head
        start = int(head.split()[1].split(",")[0][1:])
        start = start - 1 if start else 0
        out.extend(old_lines[pos:start])
        pos = start
        i += 1
        while i < len(lines) and not lines[i].startswith("@@"):
            line = lines[i]
            if line.startswith("\\"):
                out[-1] = out[-1].rstrip("\r\n") if out[-1].endswith("\n") else out[-1]
            elif line[0] == " ":
                out.append(old_lines[pos])
                pos += 1
            elif line[0] == "-":
                pos += 1
            elif line[0] == "+":
                out.append(line[1:])
            i += 1
    out.extend(old_lines[pos:])
    return "".join(out)


@pytest.mark.parametrize("endings", [["\n"], ["\r\n"], ["\r"], ["\r\n", "\n", "\r"]], ids=["lf", "crlf", "cr", "mixed"])
def test_diff_and_fix_agree_byte_for_byte(tmp_path, capsys, endings):
    original = with_endings(bad_letter(), endings)
    path = tmp_path / "草稿.txt"
    path.write_bytes(original.encode("gb18030"))
    assert main(["--diff", str(path)]) == 1
    diff = capsys.readouterr().out
    assert main(["--fix", str(path)]) == 0
    assert apply_unified_diff(original, diff).encode("gb18030") == path.read_bytes()


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("endings", [["\n"], ["\r\n"], ["\r"], ["\r\n", "\n"], ["\n", "\r", "\r\n"]],
                         ids=["lf", "crlf", "cr", "crlf+lf", "mixed3"])
@pytest.mark.parametrize("trailing", [True, False], ids=["eol", "noeol"])
def test_encoding_and_line_endings_round_trip(tmp_path, encoding, endings, trailing):
    bad, good = bad_letter(), GOOD
    if not trailing:
        bad, good = bad.rstrip("\n"), good.rstrip("\n")
    path = tmp_path / "草稿.txt"
    path.write_bytes(encode(with_endings(bad, endings), encoding))
    assert main(["--fix", str(path)]) == 0
    assert path.read_bytes() == encode(with_endings(good, endings), encoding)


def test_permissions_kept_and_no_temporary_file_left(tmp_path):
    path = tmp_path / "草稿.txt"
    path.write_text(bad_letter(), encoding="utf-8")
    os.chmod(path, 0o640)
    assert main(["--fix", str(path)]) == 0
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["草稿.txt"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_target_fixed_link_kept(tmp_path):
    real = tmp_path / "letters" / "草稿.txt"
    real.parent.mkdir()
    real.write_text(bad_letter(), encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert main(["--fix", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == GOOD


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_to_a_file_elsewhere_is_not_written(tmp_path, tmp_path_factory, monkeypatch, capsys):
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "secret.txt"
    elsewhere.write_text(bad_letter(), encoding="utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "letter.txt").symlink_to(elsewhere)
    monkeypatch.chdir(repo)
    assert main(["--fix", "letter.txt"]) == 2
    assert elsewhere.read_text(encoding="utf-8") == bad_letter()
    assert "符号链接" in capsys.readouterr().err


def test_stdin_fix_writes_the_fixed_letter_to_stdout(tmp_path):
    data = with_endings(bad_letter(), ["\r\n"]).encode("gb18030")
    env = dict(os.environ, NO_COLOR="1")
    p = subprocess.run([sys.executable, "-m", "letterlint", "--fix", "-"], input=data, capture_output=True,
                       env=env, timeout=60)
    assert p.returncode == 0, p.stderr.decode()
    assert p.stdout == with_endings(GOOD, ["\r\n"]).encode("gb18030")
    assert "已修正" in p.stderr.decode()


def test_unsafe_fixes_only_when_asked(tmp_path):
    path = tmp_path / "草稿.txt"
    text = GOOD.replace("2024年5月6日", "二〇二四年五月六日").replace("12号", "12")
    path.write_text(text, encoding="utf-8")
    assert main(["--fix", str(path)]) == 1          # DOCNUM-006 and DATE-001 remain
    assert path.read_text(encoding="utf-8") == text
    assert main(["--fix", "--unsafe-fixes", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == GOOD


def test_fix_only_reports_nothing_else(tmp_path, capsys):
    path = tmp_path / "草稿.txt"
    path.write_text(bad_letter().replace("2024年6月3日", "2024年6月31日"), encoding="utf-8")
    assert main(["--fix-only", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "DATE-005" not in captured.err
    assert "已修正" in captured.err


def test_config_keys_fix_and_unsafe_fixes(tmp_path):
    (tmp_path / ".letterlint.toml").write_text("fix = true\nunsafe-fixes = true\n", encoding="utf-8")
    path = tmp_path / "草稿.txt"
    path.write_text(GOOD.replace("2024年5月6日", "二〇二四年五月六日"), encoding="utf-8")
    assert main([str(path)]) == 0
    assert path.read_text(encoding="utf-8") == GOOD
    path.write_text(bad_letter(), encoding="utf-8")
    assert main(["--no-fix", str(path)]) == 1       # the command line wins
    assert path.read_text(encoding="utf-8") == bad_letter()


def test_config_key_types_are_checked(tmp_path, capsys):
    (tmp_path / ".letterlint.toml").write_text('fix = "yes"\n', encoding="utf-8")
    path = tmp_path / "草稿.txt"
    path.write_text(GOOD, encoding="utf-8")
    assert main([str(path)]) == 2
    assert "fix" in capsys.readouterr().err


def test_suppressed_problems_are_not_fixed(tmp_path):
    (tmp_path / ".letterlint-ignore.toml").write_text(
        '[[ignore]]\nrule = "DOCNUM-002"\ntext = "[2024]"\nreason = "原件如此"\n', encoding="utf-8")
    path = tmp_path / "草稿.txt"
    path.write_text(GOOD.replace("〔2024〕", "[2024]"), encoding="utf-8")
    assert main(["--fix", str(path)]) == 0
    assert "[2024]" in path.read_text(encoding="utf-8")


def test_unreadable_file_is_not_fixed(tmp_path, capsys):
    path = tmp_path / "草稿.txt"
    path.write_bytes(b"\x00\x01\x02binary" * 50)
    before = path.read_bytes()
    assert main(["--fix", str(path)]) == 2
    assert path.read_bytes() == before
    assert "二进制" in capsys.readouterr().err


def test_structurally_broken_letter_is_not_fixed(tmp_path, capsys):
    path = tmp_path / "草稿.txt"
    text = "为做好工作,现商请协助.\n有关情况说明如下,请知悉.\n"
    path.write_text(text, encoding="utf-8")
    main(["--fix", str(path)])
    assert path.read_text(encoding="utf-8") == text
    assert "未自动修正" in capsys.readouterr().err


def test_docx_is_not_fixed_yet(tmp_path, capsys):
    path = tmp_path / "草稿.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    before = path.read_bytes()
    main(["--fix", str(path)])
    assert path.read_bytes() == before
    assert "Word 文档不自动修正" in capsys.readouterr().err


def test_file_changed_meanwhile_is_not_overwritten(tmp_path):
    path = tmp_path / "草稿.txt"
    path.write_text(bad_letter(), encoding="utf-8")
    stored = writeback.read(str(path))
    path.write_text(bad_letter() + "补充一句。\n", encoding="utf-8")
    with pytest.raises(writeback.WriteError, match="被修改"):
        writeback.write(stored, GOOD)
    assert path.read_text(encoding="utf-8").endswith("补充一句。\n")


def test_failed_write_leaves_the_original(tmp_path, monkeypatch):
    path = tmp_path / "草稿.txt"
    path.write_text(bad_letter(), encoding="utf-8")
    stored = writeback.read(str(path))

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writeback.os, "replace", full_disk)
    with pytest.raises(writeback.WriteError, match="原文件未改动"):
        writeback.write(stored, GOOD)
    assert path.read_text(encoding="utf-8") == bad_letter()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["草稿.txt"]


def test_text_that_would_not_round_trip_is_refused(monkeypatch):
    from letterlint.decode import InputError, Source

    # Whatever the decoder read differently from the stored bytes (here: made up), nothing is written.
    monkeypatch.setattr(writeback, "decode_bytes", lambda data, enc, name: Source("别的", "utf-8", b"", "\n"))
    with pytest.raises(InputError, match="逐字节"):
        writeback.from_bytes("示例".encode("utf-8"), "x.txt")


def test_forced_encoding_without_bom_round_trips(tmp_path):
    path = tmp_path / "草稿.txt"
    path.write_bytes(bad_letter().encode("utf-16-le"))
    assert main(["--fix", "--encoding", "utf-16", str(path)]) == 0
    assert path.read_bytes() == GOOD.encode("utf-16-le")


# --- rounds and overlaps -------------------------------------------------------------------------


def _diag(rule, line, col, end, text):
    return Diagnostic(line, col, line, end, rule, "error", "m", None,
                      Fix((Edit(line, col, line, end, text),), "safe"))


def test_overlapping_edits_wait_for_the_next_round():
    raw = "甲乙丙丁\n"
    diags = [_diag("A-001", 1, 1, 3, "XY"), _diag("B-001", 1, 2, 4, "Z"), _diag("C-001", 1, 4, 5, "W")]
    new, applied, taken = plan_edits(raw, diags, False, "\n")
    assert new == "XY丙W\n" and sorted(applied) == ["A-001", "C-001"]
    insert_a, insert_b = _diag("A-001", 1, 2, 2, "<"), _diag("B-001", 1, 2, 2, ">")
    new, applied, _ = plan_edits(raw, [insert_a, insert_b], False, "\n")
    assert new == "甲<乙丙丁\n" and list(applied) == ["A-001"]


def test_non_convergence_is_bounded_and_names_the_rule(monkeypatch):
    from letterlint import fix

    calls = []

    def flip_flop(text, path, settings):
        calls.append(text)
        ch = text[0]
        diag = _diag("FLIP-001", 1, 1, 2, "乙" if ch == "甲" else "甲")
        return FileResult(path=path, diagnostics=[diag]), _Shapeless()

    monkeypatch.setattr(fix, "_lint", flip_flop)
    outcome = fix_stored("甲\n", "x.txt", Settings(), guard=False)
    assert outcome.unconverged == ("FLIP-001",)
    assert len(calls) == MAX_ROUNDS + 1


class _Shapeless:
    parts: list = []


# --- properties -------------------------------------------------------------------------------------

LETTERS = sorted((Path(__file__).parent / "letters").glob("*/*.txt"))


def _fix(raw, unsafe=False):
    return fix_stored(raw, "letter.txt", Settings(), unsafe=unsafe)


@pytest.mark.parametrize("path", LETTERS, ids=[f"{p.parent.name}/{p.name}" for p in LETTERS])
def test_fixture_letters_fix_idempotent_and_add_nothing(path):
    raw = path.read_text(encoding="utf-8")
    once = _fix(raw)
    assert _fix(once.raw).raw == once.raw
    assert not once.unconverged
    before = {(d.rule, d.line) for d in lint_text(raw, "letter.txt").diagnostics}
    after = {(d.rule, d.line) for d in lint_text(once.raw, "letter.txt").diagnostics}
    assert after <= before, after - before


letters = st.builds(
    lambda picks, endings, trailing: (picks, endings, trailing),
    st.lists(st.sampled_from(range(len(DEFECTS))), unique=True, max_size=len(DEFECTS)),
    st.lists(st.sampled_from(ENDINGS), min_size=1, max_size=3),
    st.booleans(),
)


def _generated(picks, endings, trailing):
    text = GOOD
    for i in sorted(picks):
        good, bad = DEFECTS[i]
        text = text.replace(good, bad, 1)
    if not trailing:
        text = text.rstrip("\n")
    return with_endings(text, endings)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(letters, st.sampled_from(ENCODINGS))
def test_property_fix_is_idempotent_safe_and_keeps_the_rest(case, encoding):
    raw = _generated(*case)
    stored = writeback.from_bytes(encode(raw, encoding), "letter.txt")
    assert stored.raw == raw
    once = _fix(stored.raw)
    # Fixing twice equals fixing once.
    assert _fix(once.raw).raw == once.raw
    # After a safe fix, no diagnostic appears that was not there before.
    before = {(d.rule, d.line) for d in lint_text(writeback.normalize(raw), "letter.txt").diagnostics}
    after = {(d.rule, d.line) for d in lint_text(writeback.normalize(once.raw), "letter.txt").diagnostics}
    assert after <= before, after - before
    # Every safe defect is gone: the generated letter comes back as the good one.
    good = GOOD if case[2] else GOOD.rstrip("\n")
    assert once.raw == with_endings(good, case[1])
    # The bytes round-trip in the file's own encoding.
    assert writeback.from_bytes(stored.encode(once.raw), "letter.txt").raw == once.raw


@settings(max_examples=25, deadline=None)
@given(letters)
def test_property_bytes_outside_edited_spans_unchanged(case):
    from letterlint.fix import _lint

    raw = _generated(*case)
    result, _ = _lint(writeback.normalize(raw), "letter.txt", Settings())
    new, applied, taken = plan_edits(raw, result.diagnostics, False, "\n")
    assert bool(taken) == bool(case[0])
    # Walk the original: every character outside the taken spans is found, in order, in the new text.
    pos_new, pos_old = 0, 0
    for s, e, t in sorted(taken):
        keep = raw[pos_old:s]
        assert new[pos_new:pos_new + len(keep)] == keep
        pos_new += len(keep) + len(t)
        pos_old = e
    assert new[pos_new:] == raw[pos_old:]


def test_check_says_how_many_problems_fix_would_remove(tmp_path, capsys):
    path = tmp_path / "草稿.txt"
    path.write_text(GOOD.replace("2024年5月6日", "2024年05月06日").replace("12号", "12"), encoding="utf-8")
    assert main(["--no-color", str(path)]) == 1
    assert "其中 2 个问题可用 --fix 自动修正；另有 1 个可加 --unsafe-fixes 修正" in capsys.readouterr().err
    path.write_text(GOOD, encoding="utf-8")
    main([str(path)])
    assert capsys.readouterr().err == ""


def test_config_fix_applies_only_where_it_is_set(tmp_path, capsys):
    (tmp_path / "fixed").mkdir()
    (tmp_path / "fixed" / ".letterlint.toml").write_text("fix = true\n", encoding="utf-8")
    (tmp_path / "kept").mkdir()
    a, b = tmp_path / "fixed" / "a.txt", tmp_path / "kept" / "b.txt"
    a.write_text(bad_letter(), encoding="utf-8")
    b.write_text(bad_letter(), encoding="utf-8")
    assert main(["--format", "concise", str(a), str(b)]) == 1   # b keeps its problems
    assert a.read_text(encoding="utf-8") == GOOD and b.read_text(encoding="utf-8") == bad_letter()
    out = capsys.readouterr().out
    assert "b.txt:1:" in out and "a.txt" not in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_fifo_is_not_read_or_written(tmp_path, capsys):
    fifo = tmp_path / "草稿.txt"
    os.mkfifo(fifo)
    assert main(["--fix", str(fifo)]) == 2
    assert "不是普通文件" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_markdown_directive_keeps_its_line_unfixed(tmp_path):
    path = tmp_path / "草稿.md"
    text = GOOD.replace("示教函〔2024〕12号\n", "<!-- letterlint: ignore DOCNUM-002 -->\n示教函[2024]12号\n") \
        .replace("2024年5月6日\n（", "2024年05月06日\n（")
    path.write_text(text, encoding="utf-8")
    assert main(["--fix", str(path)]) == 0
    fixed = path.read_text(encoding="utf-8")
    assert "<!-- letterlint: ignore DOCNUM-002 -->\n示教函[2024]12号" in fixed   # suppressed: kept
    assert "2024年5月6日\n（" in fixed                                         # not suppressed: fixed


def test_stdin_fix_is_bounded(tmp_path):
    from letterlint.decode import MAX_BYTES

    p = subprocess.run([sys.executable, "-m", "letterlint", "--fix", "-"], input=b"a" * (MAX_BYTES + 10),
                       capture_output=True, timeout=60)
    assert p.returncode == 2 and p.stdout == b""
    assert "过大" in p.stderr.decode()
