#!/usr/bin/env python3
"""letterlint benchmark: cold start, throughput, time per kilobyte.

Self-contained (standard library only).  The optional speed reference is
autocorrect (``pip install autocorrect-py``, imported as ``autocorrect_py``),
a Rust linter/formatter for CJK text; without it its columns are skipped.

Three measurements, side by side, in one run:

1. Cold start (the pre-commit case): wall time of ``letterlint one-letter.txt``
   as a fresh subprocess, next to ``python -c "import lark, rich.console"``,
   autocorrect's own cold start and ``python -c pass`` (the floor).
   Target: letterlint <= autocorrect's cold start (1x).
2. Throughput: ``letterlint.lint.lint_text`` over 1,000 generated letters in
   one process on one core, against ``autocorrect_py.lint_for`` over the same
   texts.  Target: letterlint >= 1/4 of autocorrect's letters per second.
3. Time per kilobyte for letters of 1 KB ... 1 MB (``lint_text`` in process).
   Target: flat, max/min of the us/KB figures <= 2, and no super-linear
   step (us/KB grows by at most 25% from one size to the next, 4x larger).
4. The bundled letters (examples/, tests/letters/), as a check on real texts.
5. Parallel runs: ``letterlint --jobs 1 DIR`` against ``--jobs 2 DIR`` on a
   directory of 2,000 generated letters, on all CPUs (not pinned).
   Target: ``--jobs 2`` at least 1.6x faster than ``--jobs 1`` (2 cores).
8. Word drafts: the same generated letters as .docx (one paragraph per line),
   ms per document in process (``lint_path``, reading included) next to the
   .txt figure, and the cold start of ``letterlint one-letter.docx``.

Usage::

    python benchmarks/bench.py                 # full run (about a minute)
    python benchmarks/bench.py --quick         # CI smoke run (a few seconds)
    python benchmarks/bench.py --json out.json # also write the figures
    python benchmarks/bench.py --no-autocorrect
    python benchmarks/bench.py --profile       # add cProfile of lint_text over 200 letters

Exit status is 0 whatever the figures (this is a measurement, not a gate),
unless ``--check`` is given: then 1 when a target is missed.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

COLD_TARGET = 1.0          # letterlint cold start <= autocorrect's cold start on the same letter
THROUGHPUT_TARGET = 0.25   # in process: letterlint letters/s >= 1/4 of autocorrect's (information)
CLI_TARGET = 1.0           # through the command line, --jobs 1, one core: letters/s >= autocorrect's
DEFAULT_JOBS_TARGET = 1.0  # the default --jobs never slower than --jobs 1 (time ratio <= 1, 5% noise allowed)
FLAT_TARGET = 2.0          # max/min of us/KB over the size series <= 2
JOBS_TARGET = 1.6          # --jobs 2 at least 1.6 x faster than --jobs 1 on a 2-core machine
STEP_TARGET = 1.25         # us/KB may not grow by more than 25% from one size to the next (4x larger)
SIZES_KB = (1, 4, 16, 64, 256, 1024)

# ---------------------------------------------------------------------------
# Letters: a fictional 建议答复函 of 示例市教育局, varied per letter.
# ---------------------------------------------------------------------------

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力梅鹏林琳宇浩凯云飞晨旭东海燕波宁志斌鑫雪慧颖欣怡佳琪子涵思远"
TOPICS = [
    ("增设学校周边公交站点", "站点设置", "发车时段"),
    ("加强中小学课后服务", "服务时段", "经费保障"),
    ("改善农村学校寄宿条件", "宿舍改造", "生活老师配备"),
    ("推进义务教育优质均衡发展", "集团化办学", "教师交流轮岗"),
    ("加强校园食品安全管理", "食堂监管", "家长陪餐"),
    ("规范校外培训机构", "日常巡查", "资金监管"),
    ("加强中小学生心理健康教育", "专职教师配备", "家校协同"),
    ("扩大普惠性学前教育资源", "新建园所", "收费标准"),
    ("提升职业教育服务产业能力", "专业设置", "校企合作"),
    ("改善学校体育场地设施", "场地建设", "课后开放"),
]
DEPTS = ["市交通运输局", "市财政局", "市卫生健康委", "市市场监管局", "市住房城乡建设局",
         "市人力资源社会保障局", "市自然资源局", "市公安局"]
SENTENCES = [
    "我局高度重视，会同{dept}对全市{n}所中小学进行了专题调研，逐校建立了问题清单和整改台账。",
    "截至{m}月底，已完成{k}个项目的前期工作，预计年内可全部投入使用，惠及学生约{s}名。",
    "下一步，我局将进一步加强统筹协调，会同有关部门完善工作机制，确保各项措施落到实处。",
    "{dept}已指导相关单位制定实施方案，明确责任分工和完成时限，并纳入年度重点工作考核。",
    "市级财政今年安排专项资金{y}万元，各区县按照不低于一比一的比例安排配套资金。",
    "我们将把代表的意见建议作为改进工作的重要参考，持续跟踪办理成效，定期向代表通报进展。",
    "同时，我局将加强政策宣传解读，通过家长会、致家长一封信等方式，及时回应群众关切。",
]


def cn_number(n: int) -> str:
    """1..99 in Chinese numerals (一, 十, 十一, 二十, 九十九)."""
    digits = "零一二三四五六七八九"
    if not 1 <= n <= 99:
        raise ValueError(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return digits[ones]
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _paragraph(rng: random.Random, sentences: int = 3) -> str:
    out = []
    for tpl in rng.sample(SENTENCES, sentences):
        out.append(tpl.format(dept=rng.choice(DEPTS), n=rng.randint(20, 480), m=rng.randint(1, 12),
                              k=rng.randint(3, 60), s=rng.randint(800, 60000), y=rng.randint(100, 9800)))
    return "".join(out)


def _parts(rng: random.Random, i: int):
    """Head and tail of letter ``i``: everything but the body's headings and paragraphs."""
    year = rng.choice((2023, 2024, 2025))
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    topic, sub1, sub2 = TOPICS[i % len(TOPICS)]
    deputy = _name(rng)
    count = rng.randint(2, 12)
    congress = cn_number(rng.randint(5, 18))
    session = cn_number(rng.randint(1, 5))
    head = [
        f"办理结果：（{rng.choice('ABCD')}）",
        f"是否同意公开：{rng.choice(('是', '否'))}",
        f"示教提函〔{year}〕{rng.randint(1, 300)}号",
        "",
        f"关于市{congress}届人大{session}次会议第{rng.randint(1, 400)}号建议的答复",
        "",
        f"{deputy}等{count}名代表：",
        f"你们提出的《关于{topic}的建议》收悉，现答复如下：",
    ]
    tail = [
        "感谢你们对教育工作的关心和支持。",
        "",
        "示例市教育局",
        f"{year}年{month}月{day}日",
        f"领导签发：{_name(rng)}",
        f"联系人及电话：{_name(rng)}　0797-{rng.randint(8000000, 8999999)}",
        "",
        "抄送：市人大常委会代表工作委员会，市政府督查室。",
    ]
    return head, tail, (sub1, sub2)


def make_letter(i: int, seed: int = 2024) -> str:
    """An ordinary letter (about 1.5-2 KB): two headings, sub-headings, paragraphs."""
    rng = random.Random(seed * 100003 + i)
    head, tail, (sub1, sub2) = _parts(rng, i)
    body = [
        f"一、关于{sub1}",
        "（一）基本情况",
        _paragraph(rng, 3),
        "（二）工作措施",
        _paragraph(rng, 2),
        f"二、关于{sub2}",
        _paragraph(rng, 3),
    ]
    return "\n".join(head + body + tail) + "\n"


def make_sized_letter(target_bytes: int, seed: int = 7) -> str:
    """A letter of about ``target_bytes`` UTF-8 bytes (never less).

    The body is headings 一、 (at most 九十九) each with sub-headings （一）…（九）
    each with three paragraphs, numbering continuing; past 九十九 the
    remaining paragraphs go under the last sub-heading.
    """
    rng = random.Random(seed)
    head, tail, _ = _parts(rng, 0)
    fixed = len(("\n".join(head + tail) + "\n").encode("utf-8"))
    body: list[str] = []
    size = fixed
    top = sub = para = 0
    subs_per_top, paras_per_sub = 9, 3

    def add(line: str) -> None:
        nonlocal size
        body.append(line)
        size += len(line.encode("utf-8")) + 1

    while size < target_bytes:
        if top == 0 or (para >= paras_per_sub and sub >= subs_per_top and top < 99):
            top += 1
            sub = para = 0
            add(f"{cn_number(top)}、关于{rng.choice(TOPICS)[rng.choice((1, 2))]}")
        if sub == 0 or (para >= paras_per_sub and sub < subs_per_top):
            sub += 1
            para = 0
            add(f"（{cn_number(sub)}）{rng.choice(('基本情况', '工作措施', '下一步打算', '存在的困难'))}")
        add(_paragraph(rng, rng.choice((2, 3))))
        para += 1
    return "\n".join(head + body + tail) + "\n"


def bundled_letters() -> list[str]:
    """The texts of the letters the tests and examples have (good, quirky and bad shapes)."""
    texts = []
    for d in (ROOT / "examples", ROOT / "tests" / "letters"):
        if d.is_dir():
            for p in sorted(d.rglob("*")):
                if p.suffix in (".txt", ".md") and p.is_file() and p.name.lower() != "readme.md":
                    texts.append(p.read_text(encoding="utf-8"))
    return texts


def real_shaped_letters(n: int) -> list[tuple[str, str]]:
    """(name, text) of ``n`` letters of real shapes: every other one generated, the rest the bundled letters in turn."""
    shapes = bundled_letters()
    return [(f"{i:05d}.txt", make_letter(i) if (i % 2 == 0 or not shapes) else shapes[(i // 2) % len(shapes)])
            for i in range(n)]


def write_letter_dir(folder: Path, n: int) -> int:
    """``n`` letters of real shapes (``real_shaped_letters``), one file each.

    Returns the total size in bytes.
    """
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i, (_, text) in enumerate(real_shaped_letters(n)):
        data = text.encode("utf-8")
        (folder / f"{i:05d}.txt").write_bytes(data)
        total += len(data)
    return total


# ---------------------------------------------------------------------------
# Timing helpers
# ---------------------------------------------------------------------------

ALL_CPUS = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None


def unpinned() -> None:
    """preexec_fn for a child that may use every CPU (the --jobs benchmark)."""
    if ALL_CPUS is not None:
        os.sched_setaffinity(0, ALL_CPUS)


def pin_one_core() -> str:
    """Pin this process (and its children) to one CPU; returns a description."""
    if hasattr(os, "sched_setaffinity"):
        try:
            cpus = sorted(os.sched_getaffinity(0))
            os.sched_setaffinity(0, {cpus[-1]})
            return f"pinned to CPU {cpus[-1]} (of {len(cpus)} available)"
        except OSError as exc:  # pragma: no cover - container restrictions
            return f"not pinned ({exc})"
    return "not pinned (no sched_setaffinity on this platform)"


def time_subprocess(argv: list[str], runs: int, warmup: int, cwd: str, env: dict) -> dict:
    """Median/min wall time of ``argv`` as a fresh process, output captured."""
    return time_subprocesses({"": argv}, runs, warmup, cwd, env)[""]


def time_subprocesses(cases: dict[str, list[str]], runs: int, warmup: int, cwd: str, env: dict) -> dict:
    """Median/min wall time of each command as a fresh process, output captured.

    The commands take turns (one run of each, then the next round), so that a
    change in the machine's load falls on all of them alike.
    """
    times: dict[str, list[float]] = {label: [] for label in cases}
    codes: dict[str, set] = {label: set() for label in cases}
    last = {}
    for k in range(warmup + runs):
        for label, argv in cases.items():
            t0 = time.perf_counter()
            p = subprocess.run(argv, cwd=cwd, env=env, capture_output=True)
            dt = time.perf_counter() - t0
            codes[label].add(p.returncode)
            if k >= warmup:
                times[label].append(dt)
            last[label] = p
    return {label: {"median_ms": statistics.median(times[label]) * 1e3, "min_ms": min(times[label]) * 1e3,
                    "runs": runs, "exit_codes": sorted(codes[label]),
                    "stderr_tail": last[label].stderr.decode("utf-8", "replace")[-400:]
                    if last[label].returncode not in (0, 1) else ""}
            for label in cases}


def instructions(argv: list[str], cwd: str, env: dict) -> int | None:
    """Instructions executed by ``argv`` (valgrind's callgrind), or None without valgrind.

    Unlike wall time this hardly moves with the machine's load, so a change of a
    few per cent shows on a busy machine too.
    """
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    p = subprocess.run([valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
                       cwd=cwd, env=env, capture_output=True, text=True)
    for line in p.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1])
    return None


def time_calls(fn, texts, repeats: int) -> float:
    """Median over ``repeats`` of the seconds taken by fn over all ``texts``."""
    runs = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for name, text in texts:
            fn(text, name)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def time_one(fn, text: str, name: str, min_total: float, min_reps: int) -> tuple[float, int]:
    """Seconds per call of fn(text, name): best of batches until ``min_total`` spent."""
    best = float("inf")
    reps = 0
    spent = 0.0
    while reps < min_reps or spent < min_total:
        t0 = time.perf_counter()
        fn(text, name)
        dt = time.perf_counter() - t0
        best = min(best, dt)
        spent += dt
        reps += 1
    return best, reps


# ---------------------------------------------------------------------------
# The benchmark
# ---------------------------------------------------------------------------

def load_autocorrect(disabled: bool):
    if disabled:
        return None, "disabled (--no-autocorrect)"
    try:
        import autocorrect_py
    except ImportError:
        return None, "not installed (pip install autocorrect-py)"
    try:
        from importlib.metadata import version
        ver = version("autocorrect-py")
    except Exception:  # noqa: BLE001
        ver = "?"
    return autocorrect_py, f"autocorrect-py {ver}"


def letterlint_argv() -> list[str]:
    exe = shutil.which("letterlint")
    return [exe] if exe else [sys.executable, "-m", "letterlint"]


def bench_cold(args, ac, workdir: Path, letter: str) -> dict:
    path = workdir / "one-letter.txt"
    path.write_text(letter, encoding="utf-8")
    env = dict(os.environ, NO_COLOR="1")
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    # An installed package has its .pyc files (pip compiles them); with
    # PYTHONDONTWRITEBYTECODE set, an editable checkout would recompile every
    # module on every run and the figure would measure the compiler instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    runs, warmup = (5, 1) if args.quick else (args.runs, 2)
    py = sys.executable
    cases = {
        "python -c pass": [py, "-c", "pass"],
        "import lark, rich.console": [py, "-c", "import lark, rich.console"],
        "letterlint one-letter.txt": letterlint_argv() + [path.name],
    }
    if ac is not None:
        cases["autocorrect_py.lint_for"] = [
            py, "-c",
            "import autocorrect_py,sys;p=sys.argv[1];"
            "autocorrect_py.lint_for(open(p,encoding='utf-8').read(),p)", path.name]
    out = time_subprocesses(cases, runs, warmup, str(workdir), env)
    if not args.quick and not args.no_instructions:
        for label, argv in cases.items():
            out[label]["instructions"] = instructions(argv, str(workdir), env)
    base = out["import lark, rich.console"]["median_ms"]
    out["ratio_vs_lark_rich"] = out["letterlint one-letter.txt"]["median_ms"] / base
    if "autocorrect_py.lint_for" in out:
        out["ratio_vs_autocorrect"] = (out["letterlint one-letter.txt"]["median_ms"]
                                       / out["autocorrect_py.lint_for"]["median_ms"])
        ours, theirs = (out[k].get("instructions") for k in ("letterlint one-letter.txt", "autocorrect_py.lint_for"))
        if ours and theirs:
            out["instructions_vs_autocorrect"] = ours / theirs
    out["letterlint_argv"] = " ".join(cases["letterlint one-letter.txt"][:-1])
    return out


def bench_throughput(args, ac, lint_text) -> dict:
    n = 200 if args.quick else args.letters
    repeats = 1 if args.quick else 3
    texts = [(f"letter-{i:04d}.txt", make_letter(i)) for i in range(n)]
    kb = sum(len(t.encode("utf-8")) for _, t in texts) / 1024
    # Warm up: the first call loads the grammar (Lark cache) and the rules.
    for name, text in texts[:5]:
        lint_text(text, name)
    diags = sum(len(lint_text(t, name).diagnostics) for name, t in texts[:50])
    out = {"letters": n, "total_kb": kb, "repeats": repeats,
           "diagnostics_in_first_50": diags}
    t = time_calls(lint_text, texts, repeats)
    out["letterlint"] = {"seconds": t, "letters_per_s": n / t, "us_per_letter": t / n * 1e6}
    if ac is not None:
        ac.lint_for(texts[0][1], texts[0][0])
        t_ac = time_calls(ac.lint_for, texts, repeats)
        out["autocorrect_lint_for"] = {"seconds": t_ac, "letters_per_s": n / t_ac, "us_per_letter": t_ac / n * 1e6}
        fmt = lambda text, name: ac.format_for(text, name)  # noqa: E731
        t_fmt = time_calls(fmt, texts, repeats)
        out["autocorrect_format_for"] = {"seconds": t_fmt, "letters_per_s": n / t_fmt, "us_per_letter": t_fmt / n * 1e6}
        out["ratio_vs_autocorrect"] = out["letterlint"]["letters_per_s"] / out["autocorrect_lint_for"]["letters_per_s"]
    # The same in process on letters of real shapes (the mix of part 2b): bundled letters have
    # other parts and defects, so other rules do work.
    real = real_shaped_letters(n)
    for name, text in real[:5]:
        lint_text(text, name)
    t = time_calls(lint_text, real, repeats)
    shaped = out["real_shapes"] = {"letterlint": {"seconds": t, "letters_per_s": n / t, "us_per_letter": t / n * 1e6}}
    if ac is not None:
        t_ac = time_calls(ac.lint_for, real, repeats)
        shaped["autocorrect_lint_for"] = {"seconds": t_ac, "letters_per_s": n / t_ac, "us_per_letter": t_ac / n * 1e6}
        shaped["ratio_vs_autocorrect"] = n / t / shaped["autocorrect_lint_for"]["letters_per_s"]
    return out


def bench_sizes(args, ac, lint_text) -> dict:
    min_total, min_reps = (0.05, 1) if args.quick else (0.5, 3)
    rows = []
    for kb in SIZES_KB:
        text = make_sized_letter(kb * 1024)
        nbytes = len(text.encode("utf-8"))
        lint_text(text, f"size-{kb}k.txt")  # warm
        t, reps = time_one(lint_text, text, f"size-{kb}k.txt", min_total, min_reps)
        row = {"size_kb": kb, "bytes": nbytes, "lines": text.count("\n"), "reps": reps,
               "ms": t * 1e3, "us_per_kb": t * 1e6 / (nbytes / 1024),
               "diagnostics": len(lint_text(text, f"size-{kb}k.txt").diagnostics)}
        if ac is not None:
            try:
                t_ac, _ = time_one(ac.lint_for, text, f"size-{kb}k.txt", min_total / 2, 1)
                row["autocorrect_us_per_kb"] = t_ac * 1e6 / (nbytes / 1024)
            except Exception as exc:  # noqa: BLE001 - its parser gives up on very large input
                row["autocorrect_us_per_kb"] = None
                row["autocorrect_error"] = str(exc).strip().splitlines()[-1].strip(" =")
        rows.append(row)
    per = [r["us_per_kb"] for r in rows]
    # A super-linear step shows as µs/KB growing from one size to the next
    # (each size is 4x the previous); a fixed per-letter cost only makes the
    # smallest sizes dearer per KB, which max/min also counts.
    steps = [b / a for a, b in zip(per, per[1:], strict=False)]
    # Least-squares fit ms = fixed + slope * KB: the per-letter fixed cost and the marginal cost.
    xs = [r["bytes"] / 1024 for r in rows]
    ys = [r["ms"] for r in rows]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
    # The fit is dominated by the big sizes; estimate the fixed cost from the 1 KB letter.
    fixed_ms = rows[0]["ms"] - slope * xs[0]
    return {"rows": rows, "max_min_ratio": max(per) / min(per),
            "largest_vs_smallest": per[-1] / per[0], "worst_step_up": max(steps),
            "marginal_us_per_kb": slope * 1e3, "fixed_ms_per_letter": fixed_ms}


def bench_corpus(lint_path) -> dict:
    files = []
    for d in (ROOT / "examples", ROOT / "tests" / "letters"):
        if d.is_dir():
            files += sorted(p for p in d.rglob("*") if p.suffix in (".txt", ".md") and p.is_file()
                            and p.name.lower() != "readme.md")
    if not files:
        return {"files": 0}
    for p in files[:3]:
        lint_path(p)
    t0 = time.perf_counter()
    results = [lint_path(p) for p in files]
    dt = time.perf_counter() - t0
    return {"files": len(files), "seconds": dt, "ms_per_file": dt / len(files) * 1e3,
            "diagnostics": sum(len(r.diagnostics) for r in results),
            "unreadable": sum(1 for r in results if r.error)}


AUTOCORRECT_DIR = """
import os, sys, autocorrect_py
folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    path = os.path.join(folder, name)
    with open(path, encoding="utf-8") as f:
        autocorrect_py.lint_for(f.read(), path)
"""


def _wall(argv, runs: int, env: dict, cwd: str, preexec=None) -> dict:
    times, code = [], None
    for k in range(1 + runs):  # one warm-up run
        t0 = time.perf_counter()
        p = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, preexec_fn=preexec)
        if k:
            times.append(time.perf_counter() - t0)
        code = p.returncode
    return {"median_s": statistics.median(times), "min_s": min(times), "exit_code": code}


def _bench_env() -> dict:
    env = dict(os.environ, NO_COLOR="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def bench_cli(args, ac) -> dict:
    """Letters/s through the command line as users run it: a directory, --jobs 1, one core."""
    n = 200 if args.quick else args.cli_letters
    runs = 1 if args.quick else 3
    env = _bench_env()
    out: dict = {"letters": n, "runs": runs}
    with tempfile.TemporaryDirectory(prefix="letterlint-cli-") as tmp:
        folder = Path(tmp) / "letters"
        out["total_kb"] = write_letter_dir(folder, n) / 1024
        for fmt in ("json", "concise"):
            r = _wall(letterlint_argv() + ["--jobs", "1", "--format", fmt, str(folder)], runs, env, tmp)
            r["letters_per_s"] = n / r["median_s"]
            out[fmt] = r
        if ac is not None:
            r = _wall([sys.executable, "-c", AUTOCORRECT_DIR, str(folder)], runs, env, tmp)
            r["letters_per_s"] = n / r["median_s"]
            out["autocorrect"] = r
            out["ratio_vs_autocorrect"] = out["json"]["letters_per_s"] / r["letters_per_s"]
    return out


def bench_jobs(args) -> dict:
    """The default --jobs against --jobs 1 over directories of several sizes, and --jobs 2 on the largest.

    The default switches to every CPU from a threshold number of files; the rows show where
    parallel runs start to pay, which is how the threshold was chosen.
    """
    sizes = (8, 32) if args.quick else tuple(args.jobs_sizes)
    runs = 1 if args.quick else args.jobs_runs
    env = _bench_env()
    out: dict = {"cpus": len(ALL_CPUS) if ALL_CPUS else os.cpu_count(), "runs": runs, "rows": []}
    with tempfile.TemporaryDirectory(prefix="letterlint-jobs-") as tmp:
        for n in sizes:
            folder = Path(tmp) / f"letters-{n}"
            write_letter_dir(folder, n)
            row = {"letters": n}
            for label, extra in (("jobs1", ["--jobs", "1"]), ("default", []), ("jobs2", ["--jobs", "2"])):
                argv = letterlint_argv() + ["--format", "concise", *extra, str(folder)]
                row[label] = _wall(argv, runs, env, tmp, unpinned)
            row["default_vs_jobs1"] = row["default"]["median_s"] / row["jobs1"]["median_s"]
            row["jobs2_speedup"] = row["jobs1"]["median_s"] / row["jobs2"]["median_s"]
            out["rows"].append(row)
    out["worst_default_vs_jobs1"] = max(r["default_vs_jobs1"] for r in out["rows"])
    out["speedup"] = out["rows"][-1]["jobs2_speedup"]
    out["letters"] = out["rows"][-1]["letters"]
    return out


PEAK_RSS = """
import resource, subprocess, sys
p = subprocess.run(sys.argv[1:], capture_output=True)
print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _peak_rss_mb(argv: list[str], env: dict, cwd: str) -> tuple[float, int]:
    """Peak resident memory (MB) of ``argv`` and every process it waited for, and its exit code."""
    p = subprocess.run([sys.executable, "-c", PEAK_RSS, *argv], cwd=cwd, env=env, capture_output=True,
                       text=True, preexec_fn=unpinned)
    code, kb = p.stdout.split()
    return int(kb) / 1024, int(code)


def bench_memory(args) -> dict:
    """Peak memory for a 1 MB letter and for a directory of 10,000 files."""
    n = 500 if args.quick else args.memory_files
    env = _bench_env()
    out: dict = {"files": n}
    with tempfile.TemporaryDirectory(prefix="letterlint-mem-") as tmp:
        big = Path(tmp) / "big.txt"
        big.write_text(make_sized_letter(1024 * 1024), encoding="utf-8")
        out["python_mb"], _ = _peak_rss_mb([sys.executable, "-c", "pass"], env, tmp)
        out["one_mb_letter_mb"], out["one_mb_exit"] = _peak_rss_mb(
            letterlint_argv() + ["--format", "json", str(big)], env, tmp)
        folder = Path(tmp) / "letters"
        write_letter_dir(folder, n)
        out["dir_jobs1_mb"], out["dir_jobs1_exit"] = _peak_rss_mb(
            letterlint_argv() + ["--format", "json", "--jobs", "1", str(folder)], env, tmp)
        out["dir_default_mb"], out["dir_default_exit"] = _peak_rss_mb(
            letterlint_argv() + ["--format", "json", str(folder)], env, tmp)
    return out


DASK_RUN = """
import sys, dask.bag as db
from letterlint.batch import letter_paths, lint_json_line
db.from_sequence(letter_paths(sys.argv[1]), partition_size=500).map(lint_json_line).to_textfiles(
    sys.argv[2] + "/part-*.jsonl", scheduler="processes", num_workers=2)
"""


def bench_batch(args) -> dict:
    """The Dask recipe (docs/batch.md) against ``letterlint --jobs 2 --format json`` on the same files."""
    n = 500 if args.quick else args.memory_files
    env = _bench_env()
    out: dict = {"files": n}
    with tempfile.TemporaryDirectory(prefix="letterlint-batch-") as tmp:
        folder = Path(tmp) / "letters"
        write_letter_dir(folder, n)
        out["jobs2"] = _wall(letterlint_argv() + ["--format", "json", "--jobs", "2", str(folder)], 1, env, tmp,
                             unpinned)
        target = Path(tmp) / "out"
        target.mkdir()
        out["dask"] = _wall([sys.executable, "-c", DASK_RUN, str(folder), str(target)], 1, env, tmp, unpinned)
        out["dask_lines"] = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in target.glob("*.jsonl"))
    out["dask_vs_jobs2"] = out["dask"]["median_s"] / out["jobs2"]["median_s"]
    return out


def bench_docx(args, lint_path) -> dict:
    """ms per .docx document against ms per .txt, same letters; cold start of one .docx."""
    from letterlint.docx.spec import build, paragraph_xml

    n = 20 if args.quick else 100
    out: dict = {"letters": n}
    with tempfile.TemporaryDirectory(prefix="letterlint-bench-docx-") as tmp:
        txts, docs = [], []
        for i in range(n):
            text = make_letter(i)
            t = Path(tmp) / f"letter-{i:04d}.txt"
            t.write_text(text, encoding="utf-8")
            d = Path(tmp) / f"letter-{i:04d}.docx"
            d.write_bytes(build([paragraph_xml(line) for line in text.split("\n")]))
            txts.append(t)
            docs.append(d)
        lint_path(docs[0]), lint_path(txts[0])   # warm: rules, grammar, lxml
        for label, paths in (("txt", txts), ("docx", docs)):
            runs = []
            for _ in range(1 if args.quick else 3):
                t0 = time.perf_counter()
                for path in paths:
                    lint_path(path)
                runs.append(time.perf_counter() - t0)
            out[f"{label}_ms_per_doc"] = statistics.median(runs) / n * 1e3
        out["docx_kb"] = statistics.mean(d.stat().st_size for d in docs) / 1024
        if not args.no_cold:
            env = dict(os.environ, NO_COLOR="1")
            runs, warmup = (3, 1) if args.quick else (7, 1)
            for label, path in (("cold_txt", txts[0]), ("cold_docx", docs[0])):
                out[label] = time_subprocess(letterlint_argv() + [path.name], runs, warmup, tmp, env)
    return out


def profile(lint_text, n: int = 200, top: int = 10) -> dict:
    """Where the time goes: cProfile of lint_text, phases, rules, cold-start imports (letters of real shapes)."""
    from letterlint.lint import Settings, check_letter
    from letterlint.parse import parse_text

    texts = real_shaped_letters(n)
    lint_text(texts[0][1], texts[0][0])
    prof = cProfile.Profile()
    prof.enable()
    for name, text in texts:
        lint_text(text, name)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).strip_dirs().sort_stats("cumulative").print_stats(top)
    buf.write("--- by own time (tottime) ---\n")
    pstats.Stats(prof, stream=buf).strip_dirs().sort_stats("tottime").print_stats(top)

    # Phases, without the profiler's overhead.
    t0 = time.perf_counter()
    letters = [parse_text(text, name) for name, text in texts]
    t1 = time.perf_counter()
    for letter in letters:
        check_letter(letter)
    t2 = time.perf_counter()
    phases = {"parse_text_ms": (t1 - t0) * 1e3, "check_letter_ms": (t2 - t1) * 1e3}

    # Rules, one by one, in the engine's order on fresh letters: the first pass also builds what
    # several rules share (fields, views, kept per letter) and charges it to the first rule that
    # asks; the second pass is each rule's own work.
    per_rule: dict[str, float] = {}
    own: dict[str, float] = {}
    settings = Settings()
    for letter in [parse_text(text, name) for name, text in texts]:
        active = [(r, o) for r, o, _ in settings.active_for(letter.doctype) if r.can_fire(letter)]
        for table in (per_rule, own):
            for rule, options in active:
                t0 = time.perf_counter()
                for _ in rule.check(letter, options):
                    pass
                table[rule.code] = table.get(rule.code, 0.0) + (time.perf_counter() - t0) * 1e3
    rules_top = sorted(per_rule.items(), key=lambda kv: -kv[1])[:top]
    own_top = sorted(own.items(), key=lambda kv: -kv[1])[:top]

    # Cold start: the heaviest imports of one `letterlint one-letter.txt` run.
    imports = []
    with tempfile.TemporaryDirectory(prefix="letterlint-bench-") as tmp:
        path = Path(tmp) / "one-letter.txt"
        path.write_text(texts[0][1], encoding="utf-8")
        env = dict(os.environ, NO_COLOR="1", PYTHONPROFILEIMPORTTIME="1")
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run(letterlint_argv() + [path.name], cwd=tmp, env=env, capture_output=True)  # warm .pyc
        p = subprocess.run(letterlint_argv() + [path.name], cwd=tmp, env=env, capture_output=True)
        for line in p.stderr.decode("utf-8", "replace").splitlines():
            if not line.startswith("import time:") or "|" not in line:
                continue
            self_us, cum_us, name = line[len("import time:"):].split("|", 2)
            name = name[1:]  # one space after the bar, then two per nesting level
            try:
                self_us, cum_us = int(self_us), int(cum_us)
            except ValueError:
                continue
            depth = (len(name) - len(name.lstrip(" "))) // 2
            imports.append({"module": name.strip(), "depth": depth, "self_ms": self_us / 1e3, "cum_ms": cum_us / 1e3})
    # -X importtime lists a module after the modules it imports: the parent of
    # an entry is the next one listed one level up.
    for k, imp in enumerate(imports):
        imp["parent"] = next((j["module"] for j in imports[k + 1:] if j["depth"] < imp["depth"]), "")
    top_imports = sorted((i for i in imports if i["depth"] <= 2), key=lambda i: -i["cum_ms"])[:12]
    return {"cprofile": buf.getvalue(), "letters": n, "phases": phases, "rules_top": rules_top,
            "rules_total_ms": sum(per_rule.values()), "rules_own_top": own_top,
            "rules_own_total_ms": sum(own.values()), "imports_top": top_imports}


def print_profile(prof: dict) -> None:
    n = prof["letters"]
    ph = prof["phases"]
    total = ph["parse_text_ms"] + ph["check_letter_ms"]
    print(f"\nProfile over {n} letters")
    print(f"   parse_text   {ph['parse_text_ms']:8.1f} ms  ({ph['parse_text_ms'] / total:.0%})  "
          f"{ph['parse_text_ms'] / n * 1e3:6.0f} µs/letter")
    print(f"   check_letter {ph['check_letter_ms']:8.1f} ms  ({ph['check_letter_ms'] / total:.0%})  "
          f"{ph['check_letter_ms'] / n * 1e3:6.0f} µs/letter")
    print(f"   slowest rules, with what they build for others (of {prof['rules_total_ms']:.1f} ms in all rules):")
    for code, ms in prof["rules_top"]:
        print(f"      {code:<12}{ms:8.1f} ms  {ms / n * 1e3:6.0f} µs/letter")
    if "rules_own_top" in prof:
        print(f"   slowest rules on their own, shared results built (of {prof['rules_own_total_ms']:.1f} ms):")
        for code, ms in prof["rules_own_top"]:
            print(f"      {code:<12}{ms:8.1f} ms  {ms / n * 1e3:6.0f} µs/letter")
    print("   heaviest imports of one cold `letterlint one-letter.txt` (-X importtime, cumulative, depth <= 2):")
    for i in prof["imports_top"]:
        via = f"  (imported by {i['parent']})" if i["parent"] else ""
        print(f"      {i['module']:<40}{i['cum_ms']:7.1f} ms  self {i['self_ms']:5.1f}{via}")
    print(f"\ncProfile: lint_text over {n} letters of real shapes, top functions by cumulative time")
    print(prof["cprofile"])


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------

def fmt_ratio(value: float, target: float, higher_is_better: bool) -> str:
    ok = value >= target if higher_is_better else value <= target
    sign = ">=" if higher_is_better else "<="
    return f"{value:.2f}x (target {sign} {target:g}x: {'OK' if ok else 'MISSED'})"


def print_report(res: dict) -> None:
    p = print
    p(f"letterlint {res['env']['letterlint']} · Python {res['env']['python']} · {res['env']['platform']}")
    p(f"reference: {res['env']['autocorrect']} · {res['env']['affinity']}")
    p("")
    cold = res.get("cold")
    if cold:
        p(f"1. Cold start (fresh process, median of {cold['python -c pass']['runs']} runs, the commands taking turns)")
        p(f"   {'command':<32}{'median ms':>11}{'min ms':>9}{'vs lark+rich':>14}{'instructions':>15}")
        base = cold["import lark, rich.console"]["median_ms"]
        for label in ("python -c pass", "import lark, rich.console", "letterlint one-letter.txt",
                      "autocorrect_py.lint_for"):
            if label in cold:
                r = cold[label]
                extra = "" if r["exit_codes"] in ([0], [1], [0, 1]) else f"  exit {r['exit_codes']}!"
                ins = f"{r['instructions'] / 1e6:>13.0f} M" if r.get("instructions") else f"{'':>15}"
                p(f"   {label:<32}{r['median_ms']:>11.1f}{r['min_ms']:>9.1f}{r['median_ms'] / base:>13.2f}x{ins}{extra}")
        p(f"   letterlint / (import lark, rich.console) = {cold['ratio_vs_lark_rich']:.2f}x (information)")
        if "ratio_vs_autocorrect" in cold:
            p(f"   letterlint / autocorrect cold start = "
              f"{fmt_ratio(cold['ratio_vs_autocorrect'], COLD_TARGET, False)}")
        if "instructions_vs_autocorrect" in cold:
            p(f"   letterlint / autocorrect instructions (callgrind) = {cold['instructions_vs_autocorrect']:.2f}x "
              "(information: steady under load)")
        p(f"   letterlint above the interpreter floor: "
          f"{cold['letterlint one-letter.txt']['median_ms'] - cold['python -c pass']['median_ms']:.1f} ms")
        p("")
    th = res["throughput"]
    p(f"2. Throughput: {th['letters']} letters ({th['total_kb']:.0f} KB), one process, "
      f"median of {th['repeats']}")
    p(f"   {'linter':<32}{'letters/s':>11}{'µs/letter':>11}{'seconds':>9}")
    for key, label in (("letterlint", "letterlint lint_text"),
                       ("autocorrect_lint_for", "autocorrect lint_for"),
                       ("autocorrect_format_for", "autocorrect format_for")):
        if key in th:
            r = th[key]
            p(f"   {label:<32}{r['letters_per_s']:>11.0f}{r['us_per_letter']:>11.0f}{r['seconds']:>9.2f}")
    if "ratio_vs_autocorrect" in th:
        p(f"   letterlint / autocorrect (lint_for) = "
          f"{fmt_ratio(th['ratio_vs_autocorrect'], THROUGHPUT_TARGET, True)}")
    shaped = th.get("real_shapes")
    if shaped:
        p("   the same on letters of real shapes (half generated, half the bundled letters):")
        for key, label in (("letterlint", "letterlint lint_text"), ("autocorrect_lint_for", "autocorrect lint_for")):
            if key in shaped:
                r = shaped[key]
                p(f"   {label:<32}{r['letters_per_s']:>11.0f}{r['us_per_letter']:>11.0f}{r['seconds']:>9.2f}")
        if "ratio_vs_autocorrect" in shaped:
            p(f"   letterlint / autocorrect (lint_for, real shapes) = {shaped['ratio_vs_autocorrect']:.2f}x")
    p(f"   (diagnostics on the first 50 generated letters: {th['diagnostics_in_first_50']})")
    p("")
    sz = res["sizes"]
    p("3. Time per kilobyte (lint_text, best of repeated calls)")
    hdr = f"   {'size':>7}{'bytes':>10}{'lines':>7}{'ms':>10}{'µs/KB':>9}{'diags':>7}"
    if "autocorrect_us_per_kb" in sz["rows"][0]:
        hdr += f"{'autocorrect µs/KB':>19}"
    p(hdr)
    for r in sz["rows"]:
        label = f"{r['size_kb']} KB" if r["size_kb"] < 1024 else "1 MB"
        line = f"   {label:>7}{r['bytes']:>10}{r['lines']:>7}{r['ms']:>10.2f}{r['us_per_kb']:>9.1f}{r['diagnostics']:>7}"
        if r.get("autocorrect_us_per_kb") is not None:
            line += f"{r['autocorrect_us_per_kb']:>19.1f}"
        elif "autocorrect_error" in r:
            line += f"  failed ({r['autocorrect_error']})"
        p(line)
    p(f"   max/min µs/KB = {fmt_ratio(sz['max_min_ratio'], FLAT_TARGET, False)}; "
      f"1 MB vs 1 KB = {sz['largest_vs_smallest']:.2f}x")
    p(f"   worst step up (µs/KB, next size / size) = {fmt_ratio(sz['worst_step_up'], STEP_TARGET, False)}")
    p(f"   fit: {sz['marginal_us_per_kb']:.0f} µs per KB + {sz['fixed_ms_per_letter']:.2f} ms fixed per letter")
    p("")
    corp = res.get("corpus", {})
    if corp.get("files"):
        p(f"4. Bundled letters (examples/, tests/letters/): {corp['files']} files, "
          f"{corp['ms_per_file']:.2f} ms/file (lint_path), {corp['diagnostics']} diagnostics, "
          f"{corp['unreadable']} unreadable")
        p("")
    cli = res.get("cli")
    if cli:
        p(f"2b. Through the command line: {cli['letters']} letters of real shapes ({cli['total_kb']:.0f} KB) "
          f"in one directory, --jobs 1, one core, median of {cli['runs']}")
        for key, label in (("json", "letterlint --format json"), ("concise", "letterlint --format concise"),
                           ("autocorrect", "autocorrect lint_for (one process)")):
            if key in cli:
                r = cli[key]
                p(f"   {label:<38}{r['letters_per_s']:>9.0f} letters/s  ({r['median_s']:.2f} s, exit {r['exit_code']})")
        if "ratio_vs_autocorrect" in cli:
            p(f"   letterlint (json) / autocorrect = {fmt_ratio(cli['ratio_vs_autocorrect'], CLI_TARGET, True)}")
        p("")
    jobs = res.get("jobs")
    if jobs:
        p(f"5. Parallel: letters in one directory, {jobs['cpus']} CPUs, median of {jobs['runs']} runs (seconds)")
        p(f"   {'letters':>8}{'--jobs 1':>10}{'default':>10}{'--jobs 2':>10}{'default/1':>11}{'2 vs 1':>9}")
        for r in jobs["rows"]:
            p(f"   {r['letters']:>8}{r['jobs1']['median_s']:>10.3f}{r['default']['median_s']:>10.3f}"
              f"{r['jobs2']['median_s']:>10.3f}{r['default_vs_jobs1']:>10.2f}x{r['jobs2_speedup']:>8.2f}x")
        p(f"   default never slower than --jobs 1: worst default/--jobs 1 = "
          f"{fmt_ratio(jobs['worst_default_vs_jobs1'], DEFAULT_JOBS_TARGET + 0.05, False)}")
        p(f"   speed-up --jobs 2 / --jobs 1 at {jobs['letters']} letters = "
          f"{fmt_ratio(jobs['speedup'], JOBS_TARGET, True)}")
        p("")
    mem = res.get("memory")
    if mem:
        p(f"6. Peak memory (resident, MB): python -c pass {mem['python_mb']:.0f}; one 1 MB letter "
          f"{mem['one_mb_letter_mb']:.0f}; {mem['files']} files --jobs 1 {mem['dir_jobs1_mb']:.0f}, "
          f"default --jobs {mem['dir_default_mb']:.0f} (largest single process)")
        p("")
    batch = res.get("batch")
    if batch:
        p(f"7. Batch: {batch['files']} files: letterlint --jobs 2 --format json {batch['jobs2']['median_s']:.1f} s; "
          f"Dask bag, local scheduler, 2 processes {batch['dask']['median_s']:.1f} s "
          f"({batch['dask_vs_jobs2']:.2f}x, {batch['dask_lines']} JSON lines)")
        p("")
    dx = res.get("docx")
    if dx:
        p(f"8. Word drafts: {dx['letters']} generated letters as .txt and as .docx ({dx['docx_kb']:.1f} KB each), "
          "lint_path in process")
        p(f"   .txt  {dx['txt_ms_per_doc']:8.2f} ms per document")
        p(f"   .docx {dx['docx_ms_per_doc']:8.2f} ms per document  ({dx['docx_ms_per_doc'] / dx['txt_ms_per_doc']:.1f}x)")
        if "cold_docx" in dx:
            p(f"   cold start: letterlint one-letter.txt {dx['cold_txt']['median_ms']:.1f} ms, "
              f"letterlint one-letter.docx {dx['cold_docx']['median_ms']:.1f} ms (median)")
        p("")
    parts = []
    if cold and "ratio_vs_autocorrect" in cold:
        parts.append(f"cold start {cold['ratio_vs_autocorrect']:.2f}x autocorrect (≤{COLD_TARGET:g})")
    elif cold:
        parts.append(f"cold start {cold['ratio_vs_lark_rich']:.2f}x lark+rich (no autocorrect)")
    if cli and "ratio_vs_autocorrect" in cli:
        parts.append(f"CLI throughput {cli['ratio_vs_autocorrect']:.2f}x autocorrect (≥{CLI_TARGET:g})")
    if "ratio_vs_autocorrect" in th:
        parts.append(f"throughput {th['ratio_vs_autocorrect']:.2f}x autocorrect (≥{THROUGHPUT_TARGET:g})")
    else:
        parts.append(f"throughput {th['letterlint']['letters_per_s']:.0f} letters/s (no autocorrect)")
    parts.append(f"µs/KB max/min {sz['max_min_ratio']:.2f}x (≤{FLAT_TARGET:g}), "
                 f"worst step {sz['worst_step_up']:.2f}x (≤{STEP_TARGET:g})")
    if jobs:
        parts.append(f"default --jobs ≤ {jobs['worst_default_vs_jobs1']:.2f}x --jobs 1 (≤1), "
                     f"--jobs 2 speed-up {jobs['speedup']:.2f}x (≥{JOBS_TARGET:g})")
    if mem:
        parts.append(f"peak MB 1 MB letter {mem['one_mb_letter_mb']:.0f}, {mem['files']} files {mem['dir_jobs1_mb']:.0f}")
    verdict = "all targets met" if not res["missed"] else "MISSED: " + ", ".join(res["missed"])
    p("SUMMARY: " + " · ".join(parts) + f" — {verdict}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer letters and repetitions (CI smoke run)")
    ap.add_argument("--json", metavar="FILE", help="write the figures as JSON to FILE")
    ap.add_argument("--no-autocorrect", action="store_true", help="skip the autocorrect reference")
    ap.add_argument("--no-cold", action="store_true", help="skip the subprocess cold-start timing")
    ap.add_argument("--no-instructions", action="store_true",
                    help="skip the instruction counts of the cold start (valgrind's callgrind, when installed)")
    ap.add_argument("--runs", type=int, default=15, help="cold-start runs per command (default 15)")
    ap.add_argument("--letters", type=int, default=1000, help="letters in the throughput test (default 1000)")
    ap.add_argument("--no-jobs", action="store_true", help="skip the --jobs 1 / --jobs 2 comparison")
    ap.add_argument("--jobs-sizes", type=int, nargs="+", default=[4, 8, 16, 32, 64, 256, 2000],
                    help="directory sizes of the --jobs test (default 4 8 16 32 64 256 2000)")
    ap.add_argument("--jobs-runs", type=int, default=3, help="runs per --jobs setting (default 3)")
    ap.add_argument("--cli-letters", type=int, default=1000,
                    help="letters in the command-line throughput test (default 1000)")
    ap.add_argument("--no-cli", action="store_true", help="skip the command-line throughput test")
    ap.add_argument("--memory-files", type=int, default=10000,
                    help="files in the memory and batch tests (default 10000)")
    ap.add_argument("--no-memory", action="store_true", help="skip the peak-memory test")
    ap.add_argument("--batch", action="store_true",
                    help="also time the Dask recipe (docs/batch.md) against --jobs 2 (needs dask[bag])")
    ap.add_argument("--profile", action="store_true", help="cProfile lint_text over 200 letters, top 10")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args(argv)

    import letterlint
    from letterlint.lint import lint_path, lint_text

    ac, ac_desc = load_autocorrect(args.no_autocorrect)
    affinity = pin_one_core()
    res: dict = {"env": {"letterlint": getattr(letterlint, "__version__", "?"),
                         "python": platform.python_version(),
                         "platform": f"{platform.system()} {platform.machine()}",
                         "autocorrect": ac_desc, "affinity": affinity, "quick": args.quick},
                 "targets": {"cold_start_max_ratio_vs_autocorrect": COLD_TARGET,
                             "cli_throughput_min_ratio": CLI_TARGET, "default_jobs_max_ratio": DEFAULT_JOBS_TARGET,
                             "throughput_min_ratio": THROUGHPUT_TARGET,
                             "per_kb_max_min_ratio": FLAT_TARGET, "per_kb_worst_step_up": STEP_TARGET,
                             "jobs2_min_speedup": JOBS_TARGET}}
    if not args.no_cold:
        with tempfile.TemporaryDirectory(prefix="letterlint-bench-") as tmp:
            res["cold"] = bench_cold(args, ac, Path(tmp), make_letter(0))
    res["throughput"] = bench_throughput(args, ac, lint_text)
    if not args.no_cli:
        res["cli"] = bench_cli(args, ac)
    res["sizes"] = bench_sizes(args, ac, lint_text)
    res["corpus"] = bench_corpus(lint_path)
    if not args.no_jobs:
        res["jobs"] = bench_jobs(args)
    if not args.no_memory:
        res["memory"] = bench_memory(args)
    if args.batch:
        res["batch"] = bench_batch(args)
    res["docx"] = bench_docx(args, lint_path)

    missed = []
    if res.get("cold", {}).get("ratio_vs_autocorrect", 0) > COLD_TARGET:
        missed.append("cold start")
    if res.get("cli", {}).get("ratio_vs_autocorrect", CLI_TARGET) < CLI_TARGET:
        missed.append("command-line throughput")
    if "jobs" in res and res["jobs"]["worst_default_vs_jobs1"] > DEFAULT_JOBS_TARGET + 0.05:
        missed.append("default --jobs slower than --jobs 1")
    if res["throughput"].get("ratio_vs_autocorrect", 1.0) < THROUGHPUT_TARGET:
        missed.append("throughput")
    if res["sizes"]["max_min_ratio"] > FLAT_TARGET:
        missed.append("µs/KB max/min")
    if res["sizes"]["worst_step_up"] > STEP_TARGET:
        missed.append("super-linear step")
    if "jobs" in res and res["jobs"]["speedup"] < JOBS_TARGET:
        missed.append("--jobs speed-up")
    res["missed"] = missed
    print_report(res)

    if args.profile:
        res["profile"] = profile(lint_text)
        print_profile(res["profile"])
    if args.json:
        Path(args.json).write_text(json.dumps(res, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 1 if (args.check and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
