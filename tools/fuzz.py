#!/usr/bin/env python3
"""The long fuzz and fault run of issue 9: is letterlint safe on anything a repository holds?

Three parts, each printing what it tried and what went wrong:

1. engine: ``--count`` inputs (default 100,000) in-process: letters from
   tests/letters and examples/ mutated (characters that matter to the rules
   inserted, spans deleted or doubled, lines swapped, controls and odd
   whitespace sprinkled in, encodings changed) and random byte strings,
   through ``lint_bytes``/``lint_text`` and every renderer.  A crash is an
   exception, a ``LINT-001`` (a rule that raised), a renderer that raised or
   produced an invalid document; a hang is an input that took longer than
   ``--hang`` seconds.
2. faults: the command line on hostile side files and process faults (FIFOs,
   devices, huge files, bad configs, closed stdout, a full disk, …), each with
   its exit code and whether the message was clean (no traceback, within the
   time limit).
3. summary: inputs tried, crashes, hangs, and each bad-input class with its exit code.

Every crash is written to ``--crash-dir`` as a reproducer.  Run from the
repository root:  ``python tools/fuzz.py --count 100000 --seed 1``.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from letterlint.diagnostic import FileResult  # noqa: E402
from letterlint.lint import lint_bytes, lint_text  # noqa: E402
from letterlint.report import FORMATS, ReportOptions, get_renderer  # noqa: E402

INTERNAL = "LINT-001"
# Characters the rules and the grammar care about, and characters that have broken parsers before.
INTERESTING = (list("：:，,。.、；;（）()〔〕[]【】〈〉《》“”\"'！？—…·/\\-_=+*#%")
               + list("0123456789０１２３４５６７８９〇一二三四五六七八九十百千")
               + ["年", "月", "日", "号", "第", "函", "复函", "抄送", "附件", "联系人", "电话", "邮编", "地址",
                  "主送", "特此函复", "此复", "请予函复", "收悉", "建议", "提案", "代表", "委员", "尊敬的",
                  "示例市", "人民政府", "办公室", "（此件公开发布）", "（联系人：张三，电话：010-12345678）",
                  "〔2024〕1号", "2024年5月6日", "一、", "（一）", "1.", "（1）"]
               + ["\n", "\n\n", "\r\n", "\r", "\t", " ", "\u3000", "\xa0", "\x0b", "\x0c", "\x1c", "\x85",
                  "\u2028", "\u2029", "\u200b", "\ufeff", "\x1b[31m", "\u202e", "\x00", "\ud800"])


def seeds() -> list[str]:
    out = []
    for folder in (ROOT / "tests" / "letters", ROOT / "examples"):
        for p in sorted(folder.rglob("*")):
            if p.suffix in (".txt", ".md") and p.name != "README.md":
                try:
                    out.append(p.read_bytes().decode("utf-8"))
                except (OSError, UnicodeDecodeError):
                    continue
    return out or ["关于商请协助的函\n\n示例市公安局：\n现商请贵局协助。\n请予函复。\n\n示例市交通运输局\n2024年5月6日\n"]


def mutate(text: str, rnd: random.Random) -> str:
    """A few random edits of ``text``: the kinds of damage drafts really have, and worse."""
    for _ in range(rnd.choice((1, 1, 2, 3, 5, 8, 20))):
        kind = rnd.randrange(8)
        n = len(text)
        i = rnd.randrange(n + 1)
        if kind <= 2:
            text = text[:i] + rnd.choice(INTERESTING) + text[i:]
        elif kind == 3 and n:
            j = min(n, i + rnd.choice((1, 2, 5, 20, 200)))
            text = text[:i] + text[j:]
        elif kind == 4 and n:
            j = min(n, i + rnd.choice((1, 10, 100)))
            text = text[:i] + text[i:j] * rnd.choice((2, 3, 50)) + text[j:]
        elif kind == 5:
            lines = text.split("\n")
            a, b = rnd.randrange(len(lines)), rnd.randrange(len(lines))
            lines[a], lines[b] = lines[b], lines[a]
            text = "\n".join(lines)
        elif kind == 6 and n:
            text = text[:i] + chr(rnd.choice((rnd.randrange(0x20), rnd.randrange(0x80, 0xA0),
                                             rnd.randrange(0x2000, 0x2070), rnd.randrange(0x4E00, 0x9FA5),
                                             rnd.randrange(0xFF00, 0xFF60)))) + text[i + 1:]
        elif kind == 7:
            lines = text.split("\n")
            k = rnd.randrange(len(lines))
            lines.insert(k, lines[rnd.randrange(len(lines))])
            text = "\n".join(lines)
    return text


def encode(text: str, rnd: random.Random) -> bytes:
    enc = rnd.choice(("utf-8", "utf-8", "utf-8", "gb18030", "utf-16", "utf-8-sig"))
    data = text.encode(enc, "surrogatepass" if enc.startswith("utf") else "replace")
    if rnd.random() < 0.05 and data:  # a flipped byte
        k = rnd.randrange(len(data))
        data = data[:k] + bytes([rnd.randrange(256)]) + data[k + 1:]
    return data


def random_bytes(rnd: random.Random) -> bytes:
    n = rnd.choice((0, 1, 2, 10, 100, 1000, 5000))
    if rnd.random() < 0.5:
        return bytes(rnd.randrange(256) for _ in range(n))
    return "".join(rnd.choice(INTERESTING) for _ in range(n // 4 + 1)).encode("utf-8", "surrogatepass")


def check_render(results: list[FileResult]) -> str | None:
    """Every renderer on these results; the first problem found, or None."""
    for fmt in FORMATS:
        stream = io.StringIO()
        try:
            get_renderer(fmt)(results, stream, ReportOptions(color=False))
            out = stream.getvalue()
            out.encode("utf-8")
            if fmt in ("json", "sarif", "gitlab"):
                json.loads(out)
            elif fmt == "junit":
                ET.fromstring(out)
            for raw in ("\x1b", "\u202e", "\x00"):
                if raw in out:
                    return f"{fmt}: raw {raw!r} in the report"
        except Exception as exc:
            return f"{fmt}: {type(exc).__name__}: {exc}"
    return None


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


RENDER_BATCH = 25  # results rendered together: one document per format holds them all (SARIF's rule table is costly)


def fuzz_engine(count: int, seed: int, hang: float, crash_dir: Path, report_every: int,
                budget: float | None = None) -> dict:
    rnd = random.Random(seed)
    pool = seeds()
    stats = {"inputs": 0, "crashes": 0, "hangs": 0, "render_problems": 0, "slowest": 0.0, "kinds": {}, "classes": {}}
    seen_crash: set[str] = set()
    use_alarm = hasattr(signal, "setitimer")
    if use_alarm:
        signal.signal(signal.SIGALRM, _alarm)
    start = time.monotonic()
    batch: list[tuple[FileResult, str | bytes, str]] = []

    def record(problem: str, data, kind: str, name: str) -> None:
        key = problem.split("\n")[0][:120]
        rule_crash = re.search(r"规则 (\S+?)（.*?）运行出错：(\w+)", key)
        if rule_crash:  # one class per rule and exception type, not per message
            key = f"rule crash: {rule_crash[1]} {rule_crash[2]}"
        stats["classes"][key] = stats["classes"].get(key, 0) + 1
        if key in seen_crash:
            return
        seen_crash.add(key)
        crash_dir.mkdir(parents=True, exist_ok=True)
        raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
        (crash_dir / f"crash-{len(seen_crash):03d}.bin").write_bytes(raw)
        (crash_dir / f"crash-{len(seen_crash):03d}.txt").write_text(f"{kind} {name!r}\n{problem}\n", encoding="utf-8")
        print(f"  problem #{len(seen_crash)} ({kind}): {key}", flush=True)

    def flush_batch() -> None:
        if batch and check_render([r for r, _, _ in batch]):
            for r, data, kind in batch:  # find the input(s) that break a renderer
                bad = check_render([r])
                if bad:
                    stats["render_problems"] += 1
                    stats["crashes"] += 1
                    record("renderer: " + bad, data, kind, r.path)
        batch.clear()

    for n in range(count):
        if budget is not None and time.monotonic() - start > budget:
            print(f"  time budget of {budget:.0f}s used up after {n} inputs", flush=True)
            break
        r = rnd.random()
        kind = "mutated-text" if r < 0.6 else "mutated-bytes" if r < 0.85 else "random-bytes"
        if kind == "mutated-text":
            data: str | bytes = mutate(rnd.choice(pool), rnd)
        elif kind == "mutated-bytes":
            data = encode(mutate(rnd.choice(pool), rnd), rnd)
        else:
            data = random_bytes(rnd)
        name = rnd.choice(("a.txt", "a.md", "草稿.txt", os.fsdecode(b"\xb9\xab\xce\xc4.txt"), "x\n::error ::y.txt"))
        stats["inputs"] += 1
        stats["kinds"][kind] = stats["kinds"].get(kind, 0) + 1
        problem = None
        t0 = time.monotonic()
        try:
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, hang)
            if isinstance(data, str):
                result = lint_text(data.replace("\ud800", ""), name)
            else:
                result = lint_bytes(data, name)
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
            stats["slowest"] = max(stats["slowest"], time.monotonic() - t0)  # the engine alone, not the rendering
            internal = [d for d in result.diagnostics if d.rule == INTERNAL]
            if internal:
                problem = "rule crash: " + internal[0].message
            batch.append((result, data, kind))
            if len(batch) >= RENDER_BATCH:
                flush_batch()
        except Hang:
            stats["hangs"] += 1
            problem = f"hang: over {hang}s"
        except Exception as exc:
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
            problem = f"exception: {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=-3)}"
        if problem:
            if not problem.startswith("hang"):
                stats["crashes"] += 1
            record(problem, data, kind, name)
        if report_every and (n + 1) % report_every == 0:
            rate = (n + 1) / (time.monotonic() - start)
            print(f"  … {n + 1} inputs, {stats['crashes']} crashes, {stats['hangs']} hangs, {rate:.0f}/s", flush=True)
    flush_batch()
    stats["seconds"] = round(time.monotonic() - start, 1)
    stats["distinct_problems"] = len(seen_crash)
    return stats


# --- faults through the command line --------------------------------------------------------------

GOOD = "关于商请协助开展道路安全检查的函\n\n示例市公安局：\n为做好道路安全检查工作，现商请贵局派员协助。\n请予函复。\n\n示例市交通运输局\n2024年5月6日\n"
BAD = GOOD.replace("示例市公安局：", "示例市公安局:")


def _cli(args, cwd, timeout=60, stdout=subprocess.PIPE, shell_redirect=None):
    cmd = [sys.executable, "-m", "letterlint", *map(str, args)]
    if shell_redirect:
        cmd = ["sh", "-c", 'exec "$@" ' + shell_redirect, "sh", *cmd]
    env = dict(os.environ, NO_COLOR="1")
    env.pop("PYTHONPATH", None)
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=stdout, stderr=subprocess.PIPE, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return None, "", time.monotonic() - t0
    return p.returncode, p.stderr.decode("utf-8", "replace"), time.monotonic() - t0


def fault_cases(work: Path) -> list[tuple[str, int | None, int | str, bool, str]]:
    """(class, exit code, expected, clean, note) for each fault: the command line only."""
    cases = []
    posix = os.name == "posix"

    def case(label, args, expected, setup=None, cwd=None, **kw):
        folder = Path(tempfile.mkdtemp(dir=work))
        (folder / "good.txt").write_text(GOOD, encoding="utf-8")
        (folder / "bad.txt").write_text(BAD, encoding="utf-8")
        if setup:
            setup(folder)
        code, err, secs = _cli([a(folder) if callable(a) else a for a in args], cwd or folder, **kw)
        clean = code is not None and "Traceback" not in err and "内部错误" not in err
        note = err.strip().splitlines()[-1][:90] if err.strip() else ""
        if code is None:
            note = "HANG (timeout)"
        cases.append((label, code, expected, clean, note))

    def write(name, data):
        def setup(folder):
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return setup

    case("clean letter", ["good.txt"], 0)
    case("letter with an error", ["bad.txt"], 1)
    case("missing file", ["nope.txt"], 2)
    case("directory given as a file (walked)", ["."], 1)
    case("empty file", ["e.txt"], 2, write("e.txt", b""))
    case("binary file", ["b.txt"], 2, write("b.txt", bytes(range(256)) * 4))
    case("undecodable bytes", ["u.txt"], 2, write("u.txt", "关于".encode() + b"\xff\xff\x80" * 3))
    case("huge file (> 5 MB)", ["big.txt"], 2, lambda f: os.truncate(_touch(f / "big.txt"), 6 << 20))
    case("unknown --encoding", ["--encoding", "nosuch", "good.txt"], 2)
    case("--encoding not a text codec (rot13)", ["--encoding", "rot13", "good.txt"], 2)
    case("bad TOML config", ["good.txt"], 2, write("letterlint.toml", "select = [\n"))
    case("non-UTF-8 config", ["good.txt"], 2, write("letterlint.toml", b'select = ["\xff"]\n'))
    case("config nested thousands deep", ["good.txt"], 2, write("letterlint.toml", "x = " + "[" * 5000 + "]" * 5000))
    case("config wrong type", ["good.txt"], 2, write("letterlint.toml", "select = 3\n"))
    case("config unknown rule", ["good.txt"], 2, write("letterlint.toml", 'select = ["NOPE-999"]\n'))
    case("bad suppression file", ["good.txt"], 2, write(".letterlint-ignore.toml", "[[ignore]]\nrule = 3\n"))
    case("baseline not JSON", ["--baseline", "b.json", "good.txt"], 2, write("b.json", "{"))
    case("baseline wrong shape", ["--baseline", "b.json", "good.txt"], 2,
         write("b.json", '{"version": 1, "entries": [{"path": 1}]}'))
    case("file named like an option after --", ["--", "--output=good.txt"], 2)
    case("fake git dir with fsmonitor in the walk", ["drafts"], 0, _fake_git)
    case("--output into a missing folder", ["--output", "no/such/r.txt", "bad.txt"], 2)
    case("dist-info plugin in the current folder", ["good.txt"], 0, _fake_plugin)
    if posix:
        case("FIFO given as a file", ["p.txt"], 2, lambda f: os.mkfifo(f / "p.txt"), timeout=30)
        case("FIFO met in a walk", ["."], 1, lambda f: os.mkfifo(f / "p.txt"), timeout=30)
        case("link to /dev/zero in a walk", ["."], 1, lambda f: os.symlink("/dev/zero", f / "z.txt"), timeout=30)
        case("/dev/zero given as a file", ["/dev/zero"], 2, timeout=30)
        case("--config is a FIFO", ["--config", "c.toml", "good.txt"], 2, lambda f: os.mkfifo(f / "c.toml"),
             timeout=30)
        case("--baseline is a FIFO", ["--baseline", "b.json", "good.txt"], 2, lambda f: os.mkfifo(f / "b.json"),
             timeout=30)
        case("--output is /dev/full", ["--output", "/dev/full", "bad.txt"], 2)
        case("--write-baseline is /dev/full", ["--write-baseline", "/dev/full", "bad.txt"], 2)
        case("--output is a symlink", ["--output", "l.txt", "bad.txt"], 2,
             lambda f: os.symlink(f / "good.txt", f / "l.txt"))
        case("stdout is /dev/full", ["bad.txt"], 2, shell_redirect=">/dev/full")
        case("stdout closed, clean run", ["good.txt"], 0, shell_redirect=">&-")
        case("stdout closed, problems", ["bad.txt"], 2, shell_redirect=">&-")
        case("stderr closed", ["nope.txt"], 2, shell_redirect="2>&-")
        case("non-UTF-8 file name", ["."], 1, write(os.fsdecode(b"\xb9\xab.txt"), BAD))
        case("file name with newline and ESC", ["."], 1, write("a\n::error::x\x1b[31m.txt", BAD))
    return cases


def _touch(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def _fake_git(folder: Path) -> None:
    drafts = folder / "drafts"
    (drafts / "objects").mkdir(parents=True)
    (drafts / "refs" / "heads").mkdir(parents=True)
    (drafts / "HEAD").write_text("ref: refs/heads/main\n")
    (drafts / "config").write_text(f"[core]\n\tbare = false\n\tworktree = .\n\tfsmonitor = \"touch '{folder}/PWNED'\"\n")
    (drafts / "a.txt").write_text(GOOD, encoding="utf-8")


def _fake_plugin(folder: Path) -> None:
    info = folder / "evil-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: evil\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[letterlint.rules]\nevil = evil_rules\n")
    (folder / "evil_rules.py").write_text(f"open({str(folder / 'PWNED')!r}, 'w').close()\n")


def signal_case(work: Path) -> tuple[str, int | None, int | str, bool, str]:
    """SIGTERM during --jobs 2: the exit code, and whether any worker outlived the parent."""
    if not sys.platform.startswith("linux"):
        return ("SIGTERM during --jobs", None, "143", True, "skipped (Linux only)")
    folder = Path(tempfile.mkdtemp(dir=work))
    for i in range(300):
        (folder / f"l{i:03d}.txt").write_text((BAD + "\n") * 30, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "letterlint", "--jobs", "2", str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
        for task in Path(f"/proc/{proc.pid}/task").glob("*"):
            try:
                workers |= {int(c) for c in (task / "children").read_text().split()}
            except OSError:
                pass
        time.sleep(0.02)
    proc.send_signal(signal.SIGTERM)
    try:
        proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        return ("SIGTERM during --jobs", None, 143, False, "HANG: pipes held open")
    time.sleep(1)
    alive = [w for w in workers if Path(f"/proc/{w}").exists()
             and Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"]
    return ("SIGTERM during --jobs", proc.returncode, 143, not alive, f"{len(workers)} workers, {len(alive)} left")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100_000, help="engine inputs (default 100000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--hang", type=float, default=10.0, help="seconds after which one input counts as a hang")
    ap.add_argument("--crash-dir", type=Path, default=Path("fuzz-crashes"))
    ap.add_argument("--no-faults", action="store_true", help="skip the command-line fault cases")
    ap.add_argument("--report-every", type=int, default=5000)
    ap.add_argument("--time-budget", type=float, help="stop the engine fuzz after this many seconds (and say so)")
    opts = ap.parse_args()

    print(f"engine fuzz: {opts.count} inputs, seed {opts.seed}", flush=True)
    stats = fuzz_engine(opts.count, opts.seed, opts.hang, opts.crash_dir, opts.report_every, opts.time_budget)
    print(f"ENGINE inputs={stats['inputs']} crashes={stats['crashes']} hangs={stats['hangs']} "
          f"distinct={stats['distinct_problems']} slowest={stats['slowest']:.2f}s time={stats['seconds']}s "
          f"kinds={stats['kinds']}", flush=True)
    for key, n in sorted(stats["classes"].items(), key=lambda kv: -kv[1]):
        print(f"  {n:6d} × {key}")
    bad_faults = 0
    if not opts.no_faults:
        print("\nfault cases (command line):", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            cases = fault_cases(work) + [signal_case(work)]
            pwned = list(work.rglob("PWNED"))
        for label, code, expected, clean, note in cases:
            ok = clean and (code == expected or str(code) == str(expected))
            bad_faults += not ok
            print(f"  {'ok ' if ok else 'BAD'} exit {code!s:>4} (expected {expected})  {label}  — {note}", flush=True)
        if pwned:
            bad_faults += 1
            print(f"  BAD repository content ran a command: {pwned}")
        print(f"FAULTS cases={len(cases)} bad={bad_faults} commands-run-by-content={len(pwned)}")
    return 1 if stats["crashes"] or stats["hangs"] or bad_faults else 0


if __name__ == "__main__":
    sys.exit(main())
