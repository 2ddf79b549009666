"""Command line: ``letterlint [check] FILES``, ``structure``, ``rules``, ``rule CODE``.

Exit codes: 0 no error-level diagnostic; 1 at least one; 2 usage errors,
unreadable or undecodable input, or an internal failure (a clear message,
and a traceback only with ``--debug``).
"""
from __future__ import annotations

import os
import sys

from letterlint import __version__
from letterlint.diagnostic import SEVERITY_ZH
from letterlint.report import FORMATS, printable

SUBCOMMANDS = ("check", "structure", "config", "rules", "rule", "explain", "completion")
TEXT_SUFFIXES = (".txt", ".md", ".text", ".docx")
ANNOTATED_SUFFIX = ".letterlint.docx"   # copies written by --annotate: never linted as drafts
EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2
FAIL_ON = ("error", "warning", "info")


class UsageError(Exception):
    pass


def warn(message: str) -> None:
    """A message for the user on stderr, file names and quoted text escaped (never raw controls)."""
    print(f"letterlint: {printable(str(message))}", file=sys.stderr)


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def build_parser():
    """The full command line parser (argparse, in Chinese): every command, option and message."""
    import argparse
    from functools import partial

    from letterlint.argparse_zh import HelpFormatter

    p = argparse.ArgumentParser(
        prog="letterlint", formatter_class=HelpFormatter,
        description="检查党政机关公文（函、复函、建议/提案答复函等）是否符合 GB/T 9704-2012 等规定的格式。",
        epilog="子命令：check（默认）检查文件；structure 显示识别出的公文结构；rules 列出全部规则；"
               "rule CODE 显示规则说明。",
    )
    p.add_argument("--version", action="version", version=f"letterlint {__version__}")
    sub = p.add_subparsers(dest="command",
                           parser_class=partial(argparse.ArgumentParser, formatter_class=HelpFormatter))

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--encoding", help="强制使用的文件编码（默认自动识别 UTF-8 / GB18030 / UTF-16）")
    common.add_argument("--doctype", help="强制指定文种，如 函、复函、建议答复函、提案答复函、通知、请示")
    common.add_argument("--no-color", action="store_true", help="不使用颜色（也可设置环境变量 NO_COLOR）")
    common.add_argument("--debug", action="store_true", help="内部错误时显示完整的 Python 回溯")
    common.add_argument("--config", metavar="PATH", help="只使用这个配置文件")
    common.add_argument("--isolated", action="store_true", help="忽略所有配置文件和忽略清单")

    c = sub.add_parser("check", parents=[common], help="检查公文文件（默认子命令）",
                       description="检查公文文件（默认子命令：letterlint 文件 即 letterlint check 文件）。",
                       epilog="其他子命令：\n"
                              "  structure          显示识别出的公文结构\n"
                              "  rules              列出全部规则\n"
                              "  rule CODE          显示一条规则的说明\n"
                              "  config             显示有效配置及其来源\n"
                              "  completion SHELL   输出 bash 或 zsh 的命令补全脚本\n"
                              "各子命令的选项：letterlint 子命令 --help\n\n"
                              "退出码：0 没有达到 --fail-on 级别的问题；1 有；\n"
                              "        2 用法错误、配置错误、文件无法读取或内部错误。")
    c.add_argument("paths", nargs="*", metavar="PATH", help="文件或目录；- 表示标准输入")
    c.add_argument("--format", "--output-format", dest="format", choices=tuple(FORMATS), metavar="FORMAT",
                   help=f"输出格式：{'、'.join(FORMATS)}（默认 rich，或配置中的 format）")
    c.add_argument("--exit-zero", action="store_true",
                   help="发现问题也以退出码 0 结束（配置错误、无法读取的文件、内部错误仍为 2）")
    c.add_argument("--quiet", "-q", action="store_true", help="只输出问题，不输出汇总行和提示")
    c.add_argument("--verbose", "-v", action="store_true", help="在标准错误上说明每个文件的文种、编码和所用配置")
    c.add_argument("--output", "-o", help="把报告写入文件而不是标准输出")
    c.add_argument("--select", action="append", help="只启用这些规则（代码、代码前缀或名称，逗号分隔）")
    c.add_argument("--extend-select", action="append", help="在配置之外再启用这些规则")
    c.add_argument("--ignore", action="append", help="停用这些规则（代码、代码前缀或名称，逗号分隔）")
    c.add_argument("--fail-on", choices=FAIL_ON,
                   help="达到此级别的问题即以退出码 1 结束（默认 error）")
    c.add_argument("--stdin-filename", help="从标准输入读取时报告中使用的文件名（也用于查找配置）")
    c.add_argument("--jobs", "-j", type=int, metavar="N",
                   help="并行检查的进程数（默认：先在本进程检查，预计剩余工作超过约 0.5 秒时再用全部 CPU）")
    c.add_argument("--statistics", action="store_true", help="在报告后列出各规则的问题数")
    c.add_argument("--force-exclude", action="store_true", help="对命令行直接给出的文件也应用配置中的 exclude")
    c.add_argument("--warn-unused-suppressions", action="store_true",
                   help="报告 .letterlint-ignore.toml 中已不再匹配任何问题的条目")
    c.add_argument("--baseline", metavar="FILE", help="只报告基线文件中没有的新问题")
    c.add_argument("--write-baseline", metavar="FILE", help="把当前全部问题记入基线文件（退出码 0）")
    c.add_argument("--annotate", action="store_true",
                   help="为每个 Word 文档写出带批注的副本 X.letterlint.docx（每个问题一条批注），原文件不变")
    c.add_argument("--output-dir", metavar="DIR", help="--annotate 的副本写入这个目录（默认与原文件同目录）")
    c.add_argument("--fix", action=argparse.BooleanOptionalAction, default=None,
                   help="自动修正可安全修正的问题并写回文件，再报告其余问题（也可在配置中写 fix = true）")
    c.add_argument("--unsafe-fixes", action=argparse.BooleanOptionalAction, default=None,
                   help="同时应用可能改变措辞或顺序的修正（也可在配置中写 unsafe-fixes = true）")
    c.add_argument("--fix-only", action="store_true", help="只修正，不报告其余问题（退出码 0）")
    c.add_argument("--diff", action="store_true",
                   help="不修改文件，只输出修正的统一差异（unified diff）；有可修正的问题时退出码 1")

    s = sub.add_parser("structure", parents=[common], help="显示识别出的公文各组成部分")
    s.add_argument("paths", nargs="+", metavar="PATH", help="文件（可多个）；- 表示标准输入")
    s.add_argument("--format", choices=("rich", "json"), default="rich",
                   help="json：一个文件输出一个对象，多个文件输出对象数组")
    s.add_argument("--why", action="store_true",
                   help="逐行说明识别依据：选定的部分、决定它的依据、落选的其他可能")

    g = sub.add_parser("config", parents=[common], help="显示某个文件的有效配置及其来源")
    g.add_argument("--show", nargs="?", const=".", default=".", metavar="PATH",
                   help="要查看配置的文件或目录（默认当前目录）")
    g.add_argument("--schema", action="store_true", help="打印配置的 JSON Schema")

    r = sub.add_parser("rules", help="列出全部规则")
    r.add_argument("--format", choices=("rich", "json", "markdown"), default="rich",
                   help="markdown 生成规则参考文档（docs/rules.md）")

    for name in ("rule", "explain"):
        e = sub.add_parser(name, help="显示一条规则的说明")
        e.add_argument("code", metavar="CODE", help="规则代码或名称，如 DOCNUM-002")
        e.add_argument("--format", choices=("rich", "json"), default="rich")

    k = sub.add_parser("completion", help="输出 bash 或 zsh 的命令补全脚本")
    k.add_argument("shell", choices=("bash", "zsh"), help="source <(letterlint completion bash)")
    p.commands = dict(sub.choices)
    return p


def parse_args(argv: list[str]):
    """Parse in Chinese; ``check`` is the default command, and ``letterlint --help`` is its help.

    For ``check``, every argument after the first ``--`` is a path: pre-commit
    appends file names after the hook's entry (``letterlint --``), so a tracked
    file named ``--output=README.md`` or ``rules`` must stay a file name.  The
    paths are split off before argparse sees them: argparse's own ``--`` does
    not reach through the implicit ``check``.
    """
    if argv in (["-h"], ["--help"]) or not argv or (argv[0] not in SUBCOMMANDS and argv[0] != "--version"):
        argv = ["check", *argv]
    tail: list[str] = []
    if argv[0] == "check" and "--" in argv:
        cut = argv.index("--")
        argv, tail = argv[:cut], argv[cut + 1:]
    args = parse_check_light(argv[1:]) if argv[0] == "check" else None
    if args is None:
        args = _parse_full(argv)
    if tail:
        args.paths.extend(tail)
    return args


def _parse_full(argv: list[str]):
    from letterlint.argparse_zh import chinese

    with chinese():
        parser = build_parser()
        args = parser.parse_args(argv)
        # The usage line of the command that was run, for errors found after parsing.
        args.usage = parser.commands[args.command or "check"].format_usage()
    return args


# --- the light path: ``letterlint FILE…`` without argparse ---------------------------
# Building the full parser (seven commands, some forty options, argparse and gettext
# imported) costs a pre-commit hook milliseconds on every commit.  The check command's
# options are read here instead when the command line is plain; anything this reader is
# not sure of (help, an abbreviated or unknown option, a bad value, a value that looks
# like an option, paths on both sides of an option) goes to the full parser, which gives
# its usual result or message.  tests/test_startup.py compares the two readings.

_LIGHT_FLAGS = {"--no-color": "no_color", "--debug": "debug", "--isolated": "isolated",
                "--exit-zero": "exit_zero", "--quiet": "quiet", "-q": "quiet", "--verbose": "verbose",
                "-v": "verbose", "--statistics": "statistics", "--force-exclude": "force_exclude",
                "--warn-unused-suppressions": "warn_unused_suppressions", "--annotate": "annotate",
                "--fix-only": "fix_only", "--diff": "diff"}
_LIGHT_SWITCHES = {"--fix": ("fix", True), "--no-fix": ("fix", False),
                   "--unsafe-fixes": ("unsafe_fixes", True), "--no-unsafe-fixes": ("unsafe_fixes", False)}
_LIGHT_VALUES = {"--encoding": "encoding", "--doctype": "doctype", "--config": "config", "--format": "format",
                 "--output-format": "format", "--output": "output", "-o": "output", "--fail-on": "fail_on",
                 "--stdin-filename": "stdin_filename", "--jobs": "jobs", "-j": "jobs", "--baseline": "baseline",
                 "--write-baseline": "write_baseline", "--output-dir": "output_dir"}
_LIGHT_LISTS = {"--select": "select", "--extend-select": "extend_select", "--ignore": "ignore"}
_CHECK_DEFAULTS = {"command": "check", "paths": [], "encoding": None, "doctype": None, "no_color": False,
                   "debug": False, "config": None, "isolated": False, "format": None, "exit_zero": False,
                   "quiet": False, "verbose": False, "output": None, "select": None, "extend_select": None,
                   "ignore": None, "fail_on": None, "stdin_filename": None, "jobs": None, "statistics": False,
                   "force_exclude": False, "warn_unused_suppressions": False, "baseline": None,
                   "write_baseline": None, "annotate": False, "output_dir": None, "fix": None,
                   "unsafe_fixes": None, "fix_only": False, "diff": False}


class CheckArgs:
    """The check command's arguments read by the light path: the attributes argparse would set."""

    def __init__(self, values: dict):
        self.__dict__.update(values)

    @property
    def usage(self) -> str:
        """The check command's usage line (for errors found after parsing), from the full parser."""
        from letterlint.argparse_zh import chinese

        with chinese():
            return build_parser().commands["check"].format_usage()

    def __repr__(self) -> str:
        return f"CheckArgs({self.__dict__!r})"


def parse_check_light(argv: list[str]) -> CheckArgs | None:
    """The check command's arguments, or None when the full parser must read them."""
    values = dict(_CHECK_DEFAULTS, paths=[])
    runs, previous_was_path = 0, False
    i = 0
    while i < len(argv):
        arg = argv[i]
        i += 1
        if arg == "-" or not arg.startswith("-"):
            runs += not previous_was_path
            previous_was_path = True
            values["paths"].append(arg)
            continue
        previous_was_path = False
        name, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in _LIGHT_FLAGS and not eq:
            values[_LIGHT_FLAGS[name]] = True
        elif name in _LIGHT_SWITCHES and not eq:
            dest, on = _LIGHT_SWITCHES[name]
            values[dest] = on
        elif name in _LIGHT_VALUES or name in _LIGHT_LISTS:
            if not eq:
                if i >= len(argv):
                    return None
                value = argv[i]
                i += 1
                if value.startswith("-"):
                    return None
            if name in _LIGHT_LISTS:
                dest = _LIGHT_LISTS[name]
                values[dest] = [*(values[dest] or []), value]
                continue
            dest = _LIGHT_VALUES[name]
            if dest == "jobs":
                try:
                    value = int(value)
                except ValueError:
                    return None
            elif (dest == "format" and value not in FORMATS) or (dest == "fail_on" and value not in FAIL_ON):
                return None
            values[dest] = value
        else:
            return None
        if runs > 1:
            return None
    return None if runs > 1 else CheckArgs(values)


# --- check ---------------------------------------------------------------------


def expand_paths(paths: list[str], resolver=None) -> list[str]:
    """Files as given; directories walked for letter files (see ``letterlint.walk``: no git is run)."""
    out: list[str] = []
    for p in paths:
        if p != "-" and os.path.isdir(p):
            suffixes = TEXT_SUFFIXES
            if resolver is not None:
                suffixes = tuple(resolver.for_path(os.path.join(p, "_")).values.get("extensions", TEXT_SUFFIXES))
            from letterlint.walk import letter_files

            out.extend(f for f in letter_files(p, suffixes) if not f.lower().endswith(ANNOTATED_SUFFIX))
        else:
            out.append(p)
    return out


def _check_encoding(encoding: str) -> None:
    """--encoding must name a text encoding (rot13 and base64 are codecs, not encodings)."""
    try:
        "".encode(encoding)  # an empty text: LookupError for unknown names and for non-text codecs
    except LookupError:
        raise UsageError(f"--encoding：“{encoding[:60]}”不是可用的文本编码（可用如 utf-8、gb18030、gbk、utf-16）") from None


def _doctype(args) -> str | None:
    """``--doctype`` as a known kind of document, or a usage error naming the valid ones."""
    from letterlint import doctypes

    if not getattr(args, "doctype", None):
        return None
    try:
        return doctypes.normalize(args.doctype)
    except ValueError:
        known = "、".join(v for k, v in doctypes.DOCTYPES.items() if k != "unknown")
        raise UsageError(f"未知的文种“{args.doctype}”；可用：{known}") from None


def _cli_options(args):
    from letterlint.config import CliOptions

    doctype = _doctype(args)
    opts = CliOptions(select=_split(getattr(args, "select", None)),
                      extend_select=_split(getattr(args, "extend_select", None)),
                      ignore=_split(getattr(args, "ignore", None)), doctype=doctype,
                      fail_on=getattr(args, "fail_on", None))
    selectors = opts.select + opts.extend_select + opts.ignore
    if selectors:
        from letterlint.rules import all_rules
        from letterlint.selection import is_known

        known_rules = all_rules()
        for sel in selectors:
            if not is_known(sel, known_rules):
                raise UsageError(f"未知的规则代码或名称“{sel}”；用 letterlint rules 查看全部规则")
    return opts


def _lint_one(path: str, args, settings):
    from letterlint.lint import check_bytes, check_path

    if path == "-":
        from letterlint.decode import read_stdin

        name = args.stdin_filename or "<stdin>"
        return check_bytes(read_stdin(), name, settings, args.encoding)
    return check_path(path, settings, args.encoding)


def _lint_path_job(job):
    """One file, in a worker process (module level so that it pickles)."""
    from letterlint.lint import check_path

    path, settings, encoding = job
    return check_path(path, settings, encoding)


# The default --jobs: lint in this process, and hand the rest to every CPU only once the work
# already done predicts that what is left takes longer than PARALLEL_WORTH_S.  Starting the
# worker processes costs some 50-100 ms (fork, then results sent back); with less work left than
# that pays for, parallel runs were measured slower than one process (benchmarks/bench.py, part 5).
PARALLEL_WORTH_S = 0.5
PARALLEL_MIN_FILES = 16   # at least this many files left, so each worker has a share
ESTIMATE_AFTER_S = 0.05   # time spent before the per-file estimate is trusted


def _lint_all(paths: list[str], settings: list, args) -> list:
    """Lint the files, in parallel when asked or when the work left is large enough; results in input order."""
    if args.jobs is None:
        return _lint_adaptive(paths, settings, args)
    jobs = max(1, min(args.jobs, len(paths)))
    if jobs == 1 or "-" in paths:
        return [_lint_one(p, args, s) for p, s in zip(paths, settings, strict=True)]
    return _lint_parallel(paths, settings, args, jobs)


def _lint_adaptive(paths: list[str], settings: list, args) -> list:
    """The default: never slower than ``--jobs 1`` by more than one check of the clock per file."""
    import time

    cpus = os.cpu_count() or 1
    results: list = []
    start = time.perf_counter()
    for i, (path, setting) in enumerate(zip(paths, settings, strict=True)):
        left = len(paths) - i
        if cpus > 1 and left >= PARALLEL_MIN_FILES and i and "-" not in paths:
            spent = time.perf_counter() - start
            if spent >= ESTIMATE_AFTER_S and spent / i * left >= PARALLEL_WORTH_S:
                return results + _lint_parallel(paths[i:], settings[i:], args, cpus)
        results.append(_lint_one(path, args, setting))
    return results


def _lint_parallel(paths: list[str], settings: list, args, jobs: int) -> list:
    """The files on ``jobs`` worker processes, results in input order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from letterlint.parse import tables
    from letterlint.rules import all_rules

    tables(), all_rules()  # loaded once here; forked workers inherit them
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    chunk = max(1, len(paths) // (jobs * 8))
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_init,
                               initargs=(os.getpid(),))
    restore = _end_with_workers_on_signals(pool)
    try:
        results = list(pool.map(_lint_path_job, [(p, s, args.encoding) for p, s in zip(paths, settings, strict=True)],
                                chunksize=chunk))
    except BaseException:
        # A crash here: the workers go now instead of finishing the queue.
        _kill_workers(pool)
        raise
    finally:
        restore()
    pool.shutdown()
    return results


def _end_with_workers_on_signals(pool):
    """While workers run, SIGTERM, SIGHUP and SIGINT kill them and end the run at once.

    The handler does the work itself rather than raising: an exception raised in
    a signal handler is lost when the signal lands in a fork hook or a
    finaliser, and the run would go on.  Nothing has been written yet (the
    report comes after), so ending with ``os._exit`` loses nothing.  Returns a
    function that restores the previous handlers.
    """
    import signal

    def handler(signum, frame):
        for p in list((getattr(pool, "_processes", None) or {}).values()):
            if getattr(p, "pid", None):
                try:
                    os.kill(p.pid, getattr(signal, "SIGKILL", signal.SIGTERM))
                except OSError:
                    pass
        os._exit(130 if signum == signal.SIGINT else 128 + signum)

    previous = {}
    for name in ("SIGTERM", "SIGHUP", "SIGINT"):
        sig = getattr(signal, name, None)
        if sig is not None:
            try:
                previous[sig] = signal.signal(sig, handler)
            except (OSError, ValueError):  # not the main thread: leave the signals alone
                pass

    def restore():
        for sig, old in previous.items():
            signal.signal(sig, old)
    return restore


def _kill_workers(pool) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for p in processes:
        try:
            p.kill()
        except (OSError, ValueError, AttributeError):
            pass
    pool.shutdown(wait=False, cancel_futures=True)


def _worker_init(parent: int) -> None:
    """In each worker: die with the parent, and leave signals to it.

    Ctrl-C reaches the whole process group; the parent alone handles it (and
    ends the workers).  On Linux the kernel also sends SIGTERM to a worker
    when the parent dies for any reason, even SIGKILL (PR_SET_PDEATHSIG).
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def _color(args) -> bool | None:
    if args.no_color or os.environ.get("NO_COLOR"):
        return False
    return None


def run_check(args) -> int:
    from letterlint.lint import INTERNAL_CODE, Engine

    if not args.paths and args.stdin_filename:
        args.paths = ["-"]  # as ruff: --stdin-filename alone reads the standard input
    if not args.paths:
        raise UsageError("没有给出要检查的文件；用法：letterlint 文件.txt（- 表示标准输入）")
    if args.baseline and args.write_baseline:
        raise UsageError("--baseline 与 --write-baseline 不能同时使用")
    if args.output or args.write_baseline:  # refused before the work, not after it, with the usage
        from letterlint.safeio import OutputError, check_output_target

        try:
            check_output_target(args.output or args.write_baseline)
        except OutputError as exc:
            raise UsageError(str(exc)) from None
    engine = Engine(args.config, args.isolated, _cli_options(args), args.baseline)
    targets = []
    for path in expand_paths(args.paths, engine.resolver):
        name = args.stdin_filename or "<stdin>" if path == "-" else path
        explicit = path in args.paths
        if (not explicit or args.force_exclude) and path != "-" and engine.excluded(path):
            continue
        targets.append((path, name))
    if len(targets) > 1:  # a long run: cycles left by each letter are collected (see ``run``)
        import gc

        gc.enable()
    if not targets:
        if any(os.path.isdir(p) for p in args.paths) or args.force_exclude:
            warn("没有需要检查的文件（目录中没有 .txt/.md/.docx 文件，或都被 exclude 排除）")
            return EXIT_OK
        raise UsageError("没有需要检查的文件")

    # The format is one per run: the command line's, else the one the config of the
    # current folder sets (a config deeper in the tree speaks only for its own files).
    fmt = args.format or engine.config_for(os.path.join(os.getcwd(), "_")).values.get("format", "rich")
    jobs_settings = [engine.settings_for(name) for _, name in targets]
    if args.diff or args.fix_only or any(_fix_asked(args, engine.config_for(name)) for _, name in targets):
        if args.write_baseline:
            raise UsageError("--fix / --diff 不能与 --write-baseline 同时使用")
        return _run_fixes(targets, jobs_settings, args, fmt, engine)
    linted = _lint_all([path for path, _ in targets], jobs_settings, args)
    if args.write_baseline:
        from letterlint.suppress import Baseline

        for r in linted:
            if not r.error:
                engine.suppressions.apply(r)
        Baseline.from_results(linted).write(args.write_baseline)
        n = sum(len(r.diagnostics) for r in linted)
        warn(f"已把 {n} 个问题记入基线 {args.write_baseline}")
        return EXIT_ERROR if any(r.error for r in linted) else EXIT_OK
    results = [(engine.finish(r), s) for r, s in zip(linted, jobs_settings, strict=True)]
    if args.warn_unused_suppressions:
        results.extend((r, None) for r in _unused_suppression_results(engine.suppressions))
    fail = any(s.fails(r.diagnostics) if s else r.count("error") for r, s in results)
    if args.verbose:
        _explain_files(results, engine)
    thresholds = {r.path: s.fail_on for r, s in results if s}
    text = _render_text([r for r, _ in results], fmt, args, thresholds)  # may mark a file the renderer failed on
    errors = any(r.error or any(d.rule == INTERNAL_CODE for d in r.diagnostics) for r, _ in results)
    stdin_names = {name for path, name in targets if path == "-"}
    if args.annotate and _annotate_all([r for r, _ in results], args, stdin_names):
        errors = True
    code = EXIT_ERROR if errors else EXIT_PROBLEMS if fail and not args.exit_zero else EXIT_OK
    try:
        _deliver(text, args)
    except StdoutGone:
        if code == EXIT_OK:  # nothing was lost that the exit code does not say
            return EXIT_OK
        raise
    _warn_unreadable([r for r, _ in results], fmt)
    if fmt in ("rich", "concise"):
        _fixable_hint([r for r, _ in results])
    return code


def _explain_files(results, engine) -> None:
    """``--verbose``: per file, on stderr, what letterlint made of it and which configs applied."""
    from letterlint import doctypes

    for r, settings in results:
        cfg = engine.config_for(r.path) if settings else None
        files = "、".join(cfg.files) if cfg and cfg.files else "无（默认设置）"
        if r.error:
            warn(f"{r.path}：无法检查（{r.error}）")
            continue
        kind = doctypes.label(r.doctype) if r.doctype else "未知"
        warn(f"{r.path}：文种 {kind}，编码 {r.encoding}，配置 {files}，{len(r.diagnostics)} 个问题")


def _annotate_all(results, args, stdin_names=frozenset()) -> bool:
    """Write the annotated copies of the Word drafts (``--annotate``); True if one could not be written.

    A draft read from standard input has no file to copy (its ``--stdin-filename`` names where it came
    from, and the file there may differ): it is said, not annotated."""
    from letterlint.decode import InputError

    failed = False
    taken = {os.path.abspath(r.path) for r in results if r.path not in stdin_names}   # never written over a draft
    if not any(r.paragraphs is not None for r in results) and not any(r.error for r in results):
        warn("--annotate：没有 Word 文档（.docx、.doc、.wps），未写出批注稿；文本草稿的问题见上面的报告")
    for r in results:
        if r.error or r.paragraphs is None:
            continue
        if r.path in stdin_names:
            warn(f"{r.path}：从标准输入读取的 Word 文档不写批注稿；请给出文件路径")
            continue
        from letterlint.docx.annotate import annotate, target_path

        out = target_path(r.path, args.output_dir, taken)
        try:
            n = annotate(r.path, r, out)
        except InputError as exc:
            warn(str(exc))
            failed = True
            continue
        except Exception as exc:  # noqa: BLE001 - one draft that cannot be annotated does not stop the others
            warn(f"{r.path}：无法写出批注稿（{type(exc).__name__}: {exc}）")
            failed = True
            continue
        warn(f"已写出批注稿 {out}（{n} 条批注）")
    return failed


def _fixable_hint(results) -> None:
    """After a check, say how many of the problems --fix would remove (on stderr, as ruff does).

    Word documents are never rewritten (``paragraphs`` marks one): their problems are not counted."""
    texts = [r for r in results if r.paragraphs is None]
    safe = sum(1 for r in texts for d in r.diagnostics if d.fix and d.fix.applicability == "safe")
    unsafe = sum(1 for r in texts for d in r.diagnostics if d.fix and d.fix.applicability == "unsafe")
    if safe or unsafe:
        more = f"；另有 {unsafe} 个可加 --unsafe-fixes 修正" if unsafe else ""
        warn(f"其中 {safe} 个问题可用 --fix 自动修正{more}（先用 --diff 查看改动）")


def _fix_asked(args, cfg) -> bool:
    """Whether this file is to be fixed in place: --fix / --no-fix, else the config's ``fix``."""
    return args.fix_only or (args.fix if args.fix is not None else bool(cfg.values.get("fix", False)))


def _run_fixes(targets, settings, args, fmt: str, engine) -> int:
    """``--fix`` / ``--diff`` / ``--fix-only``: fix each file, then report what is left."""
    from letterlint.fix import FileFix, fix_input
    from letterlint.lint import INTERNAL_CODE

    stdin_out = None
    done = []
    for (path, name), s in zip(targets, settings, strict=True):
        cfg = engine.config_for(name)
        unsafe = args.unsafe_fixes if args.unsafe_fixes is not None else bool(cfg.values.get("unsafe-fixes", False))
        write = _fix_asked(args, cfg)
        if not (write or args.diff):  # a file whose config does not ask for fixing: checked only
            done.append(FileFix(_lint_one(path, args, s)))
            continue
        from letterlint.docx.sniff import kind_of_path

        if path != "-" and kind_of_path(path):  # a Word file, whatever its name: checked, never rewritten
            warn(f"{path}：Word 文档不自动修正，未修改" + ("" if args.annotate else "（可用 --annotate 写出带批注的副本）"))
            done.append(FileFix(_lint_one(path, args, s)))
            continue
        if path == "-":
            from letterlint.decode import read_stdin

            data = read_stdin()  # bounded as files are
        else:
            data = None
        f = fix_input(name if path == "-" else path, s, data=data, encoding=args.encoding, unsafe=unsafe,
                      write=write, diff=args.diff, keep=engine.finish)
        for note in f.notes:
            warn(note)
        if path == "-" and not args.diff:
            stdin_out = f.data
        if f.diff:
            write_stdout(f.diff)
        done.append(f)
    results = [f.result for f in done]
    for r in results:
        if not r.error:
            engine.finish(r)
    n_fixed = sum(f.fixed for f in done)
    n_files = sum(1 for f in done if f.fixed)
    summary = f"{'可修正' if args.diff else '已修正'} {n_fixed} 个问题（{n_files} 个文件）"
    unsafe_left = sum(1 for r in results for d in r.diagnostics if d.fix and d.fix.applicability == "unsafe")
    if unsafe_left:
        summary += f"；另有 {unsafe_left} 个问题可加 --unsafe-fixes 修正"
    warn(summary)
    for r in results:
        if r.error:
            warn(r.error)
    failed = any(r.error or any(d.rule == INTERNAL_CODE for d in r.diagnostics) for r in results) \
        or any(f.failed for f in done)
    # --annotate with --fix (or a config's fix = true): the text drafts are fixed, the Word drafts get their copies.
    if args.annotate and _annotate_all(results, args, {name for path, name in targets if path == "-"}):
        failed = True
    if stdin_out is not None:
        sys.stdout.flush()
        sys.stdout.buffer.write(stdin_out)
        sys.stdout.buffer.flush()
    if args.diff:
        return EXIT_ERROR if failed else EXIT_PROBLEMS if n_fixed else EXIT_OK
    if args.fix_only:
        return EXIT_ERROR if failed else EXIT_OK
    readable = [r for r in results if not r.error]  # the others were named above
    if readable:
        if stdin_out is not None:  # stdout holds the fixed letter: the report goes to stderr
            args.output = None
            sys.stderr.write(_render_text(readable, fmt, args))
        else:
            _deliver(_render_text(readable, fmt, args), args)
    if failed:
        return EXIT_ERROR
    return EXIT_PROBLEMS if any(s.fails(r.diagnostics) for r, s in zip(results, settings, strict=True)) else EXIT_OK


def _unused_suppression_results(suppressions):
    """Unused sidecar entries, reported as warnings on the sidecar file itself."""
    from letterlint.diagnostic import Diagnostic, FileResult

    by_file: dict[str, FileResult] = {}
    for e in suppressions.unused():
        if e.source not in by_file:
            with open(e.source, encoding="utf-8") as fh:
                lines = fh.read().split("\n")
            by_file[e.source] = FileResult(path=e.source, lines=lines, encoding="utf-8")
        line_text = by_file[e.source].lines[e.line - 1] if e.line <= len(by_file[e.source].lines) else ""
        by_file[e.source].diagnostics.append(Diagnostic(
            e.line, 1, e.line, max(2, len(line_text) + 1), "SUPPRESS-001", "warning",
            f"忽略条目（{e.rule}：“{e.text}”）已不再匹配任何问题", "删除这个条目"))
    return list(by_file.values())


class StdoutGone(Exception):
    """Standard output was closed, or its reader went away: the report could not be delivered."""


_stdout_closed = False  # set by main() when letterlint started with file descriptor 1 closed


def _render_text(results, fmt: str, args, thresholds: dict[str, str] | None = None) -> str:
    """The whole report, rendered in memory so that it is delivered in one piece.

    ``_deliver`` then writes it to ``--output`` through a temporary file in the
    same folder and a rename, so a failing renderer or a full disk never leaves a
    partial report or truncates the previous one, or to standard output with every
    failure (closed, broken pipe, full disk) turned into a clear message.
    """
    import io

    from letterlint.report import ReportOptions

    color = _color(args)
    if color is None and not args.output:
        color = _stdout_is_terminal()
    options = ReportOptions(color=color, statistics=getattr(args, "statistics", False),
                            quiet=getattr(args, "quiet", False), fail_on=thresholds or {})
    has_output = any(r.diagnostics or r.error for r in results)
    stream = io.StringIO()
    if fmt == "rich" and not has_output:
        # A clean run does not pay for importing Rich.
        if not options.quiet:
            stream.write(f"检查了 {len(results)} 个文件，未发现问题。\n")
    else:
        stream.write(render_isolated(results, fmt, sys.stdout if not args.output else stream, options))
    if options.statistics and fmt in ("rich", "concise"):
        stream.write(statistics_text(results))
    return stream.getvalue()


def _deliver(text: str, args) -> None:
    """Write the report to ``--output`` atomically (temporary file and rename), or to standard output."""
    if args.output:
        from letterlint.safeio import atomic_write

        # backslashreplace: a stray surrogate can never make the write fail half-way.
        atomic_write(args.output, text.encode("utf-8", "backslashreplace"))
    else:
        write_stdout(text)


def _warn_unreadable(results, fmt: str) -> None:
    """The rich report shows unreadable files itself; other formats also say so on stderr."""
    if fmt != "rich":
        for r in results:
            if r.error:
                warn(r.error)


def _stdout_is_terminal() -> bool | None:
    try:
        return True if sys.stdout is not None and sys.stdout.isatty() and os.environ.get("TERM") != "dumb" else None
    except (OSError, ValueError):
        return None


def write_stdout(text: str) -> None:
    """Write and flush ``text`` to standard output; raise ``StdoutGone`` or ``OutputError`` if it fails."""
    from letterlint.safeio import OutputError

    if _stdout_closed or sys.stdout is None:
        raise StdoutGone("标准输出已关闭，报告无法写出")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except (BrokenPipeError, ValueError) as exc:  # ValueError: the stream object was closed
        _silence_stdout()
        raise StdoutGone("标准输出的读取方已退出（管道已断开），报告未能完整写出") from exc
    except OSError as exc:
        import errno

        _silence_stdout()
        if exc.errno == errno.EBADF:  # descriptor 1 closed after start-up
            raise StdoutGone("标准输出已关闭，报告无法写出") from None
        raise OutputError(f"无法把报告写到标准输出（{exc.strerror or exc}）") from None
    except UnicodeEncodeError:
        _silence_stdout()
        raise OutputError(f"标准输出的编码 {sys.stdout.encoding} 无法表示报告中的汉字；"
                          "请设置 PYTHONIOENCODING=utf-8 或用 --output 写入文件") from None


def _silence_stdout() -> None:
    """Point standard output at devnull, so that the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


class RenderFailed(Exception):
    """A renderer failed on some files; they were reported as errors and the others rendered."""


def render_isolated(results, fmt: str, stream, options) -> str:
    """The report as text; a file the renderer fails on becomes an error (exit 2), the others are kept.

    The report is built in memory first (so a failure never leaves half a
    report); on failure each file is tried alone to find the ones at fault.
    """
    import io

    from letterlint.report import get_renderer

    renderer = get_renderer(fmt)

    class Buffer(io.StringIO):  # tells Rich whether the real stream is a terminal
        def isatty(self) -> bool:
            return bool(getattr(stream, "isatty", lambda: False)())

    def attempt(batch):
        buf = Buffer()
        renderer(batch, buf, options)
        return buf.getvalue()

    try:
        return attempt(results)
    except Exception as exc:
        first = exc
    for r in results:
        try:
            attempt([r])
        except Exception as exc:  # this file's diagnostics cannot be shown: say so (exit 2)
            r.diagnostics = []
            r.error = f"内部错误：{fmt} 格式无法输出此文件的报告（{type(exc).__name__}: {str(exc)[:200]}）"
    try:
        return attempt(results)
    except Exception:
        raise RenderFailed(f"内部错误：{fmt} 格式无法输出报告（{type(first).__name__}: {str(first)[:200]}）") from first


def statistics_text(results) -> str:
    """Counts per rule, most frequent first (``--statistics``)."""
    from collections import Counter

    from letterlint.rules import get_rule

    counts = Counter(d.rule for r in results for d in r.diagnostics)
    lines = ["", "各规则问题数："]
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = get_rule(code)
        lines.append(f"{n:6d}  {code:<12} {rule.summary if rule else ''}")
    return "\n".join(lines) + "\n"


def run_config(args) -> int:
    from letterlint.config import ConfigResolver, show

    if args.schema:
        import json

        from letterlint.schema import config_schema

        json.dump(config_schema(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    target = args.show
    probe = os.path.join(target, "letter.txt") if os.path.isdir(target) else target
    cfg = ConfigResolver(args.config, args.isolated).for_path(probe)
    print(show(cfg, target, _cli_options(args)))
    return EXIT_OK


# --- structure -------------------------------------------------------------------


def _part_dict(part, letter) -> dict:
    out = part.to_dict()
    if letter.layout is not None:  # a Word draft: the paragraph (段) each part starts in
        para, offset = letter.layout.locate(part.span.line, part.span.column)
        if para is not None:
            out["paragraph"], out["paragraph_column"] = para.number, offset + 1
    return out


def run_structure(args) -> int:
    """Show how each file is read: the same reading path as ``check`` (lint.read_letter)."""
    from letterlint.decode import InputError, decode_bytes, read_path, read_stdin
    from letterlint.docx.sniff import kind_of_bytes, kind_of_path
    from letterlint.lint import read_letter

    doctype = _doctype(args)
    docs, failed = [], False
    for path in args.paths:
        try:
            data = read_stdin() if path == "-" else None
            if kind_of_bytes(data[:1024]) if data is not None else kind_of_path(path):
                # A Word draft (on standard input too, known by its first bytes): its text view, and parts
                # that know their paragraphs.
                from letterlint.docx.check import parse_word

                from types import SimpleNamespace

                letter = parse_word("<stdin>" if data is not None else path, data)
                source = SimpleNamespace(encoding="docx")
            else:
                source = decode_bytes(data, args.encoding) if data is not None else read_path(path, args.encoding)
                letter, _ = read_letter(source.text, path)
        except InputError as exc:
            print(f"letterlint: {printable(str(exc))}", file=sys.stderr)
            failed = True
            continue
        if doctype:
            letter.doctype = doctype
        docs.append((path, source, letter))
    if args.format == "json":
        import json

        out = [_structure_dict(path, source, letter, args.why) for path, source, letter in docs]
        json.dump(out[0] if len(args.paths) == 1 and out else out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for path, source, letter in docs:
            _print_structure(path, source, letter, args)
    return EXIT_ERROR if failed else EXIT_OK


def _structure_dict(path: str, source, letter, why: bool) -> dict:
    from letterlint import doctypes
    from letterlint.model import PART_NAMES
    from letterlint.parse import explain

    doc = {"version": 1, "path": printable(path), "encoding": source.encoding, "doctype": letter.doctype,
           "doctype_label": doctypes.label(letter.doctype),
           "parts": [_part_dict(p, letter) for p in letter.parts],
           "misplaced": [{"line": m.part.line, "kind": m.part.kind, "message": m.message}
                         for m in letter.misplacements]}
    if why:
        doc["reading"] = [{"lines": r["lines"], "kind": r["kind"], "name": PART_NAMES.get(r["kind"], r["kind"]),
                           "evidence": r["evidence"], "misplaced": r["misplaced"],
                           "lost": [{"kind": k, "name": PART_NAMES.get(k, k), "evidence": e} for k, e in r["lost"]]}
                          for r in explain(letter)]
    return doc


def _print_structure(path: str, source, letter, args) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.tree import Tree

    from letterlint import doctypes
    from letterlint.model import PART_NAMES
    from letterlint.parse import explain

    con = Console(highlight=False, soft_wrap=True, no_color=_color(args) is False)
    tree = Tree(f"[bold]{escape(printable(path))}[/]  文种：{doctypes.label(letter.doctype)}（{source.encoding}）")
    branches: dict[str, Tree] = {}
    # Parts that are the same text (（此件公开发布）: a 附注 and the 公开属性) are shown once, with both names.
    shown: list[tuple[object, list]] = []
    for part in letter.parts:
        key = (part.section, part.misplaced, part.span)
        if shown and shown[-1][0] == key:
            shown[-1][1].append(part)
        else:
            shown.append((key, [part]))
    for _, same in shown:
        part = same[0]
        section = part.section or "位置不当"
        if section not in branches:
            branches[section] = tree.add(f"[bold]{section}[/]")
        s = part.span
        where = f"{s.line}" if s.end_line == s.line else f"{s.line}-{s.end_line}"
        where = f"第{where}行"
        if letter.layout is not None and _part_dict(part, letter).get("paragraph"):
            where += f"（段{_part_dict(part, letter)['paragraph']}）"
        text = part.text if len(part.text) <= 40 else part.text[:39] + "…"
        style = "red" if part.misplaced else "cyan"
        name = "、".join(dict.fromkeys(p.name for p in same))
        branches[section].add(f"[{style}]{name}[/] [dim]{where}[/] {escape(printable(text))}")
    con.print(tree)
    for m in letter.misplacements:
        con.print(f"[red]第{m.part.line}行：{escape(printable(m.message))}[/]")
    if args.why:
        con.print("[bold]识别依据[/]")
        for r in explain(letter):
            lines = r["lines"]
            where = f"{lines[0]}" if len(lines) == 1 else f"{lines[0]}-{lines[-1]}"
            verdict = "[red]位置不当[/]" if r["misplaced"] else ""
            lost = "；".join(f"{PART_NAMES.get(k, k)}（{e}）" for k, e in r["lost"])
            con.print(f"第{where}行  [cyan]{PART_NAMES.get(r['kind'], r['kind'])}[/] {verdict}"
                      f"  依据：{escape(r['evidence'])}" + (f"  [dim]落选：{escape(lost)}[/]" if lost else ""))


# --- rules and rule ------------------------------------------------------------------


def _rule_dict(rule) -> dict:
    from letterlint import doctypes

    return {"code": rule.code, "name": rule.name, "severity": rule.severity,
            "doctypes": sorted(doctypes.label(d) for d in rule.doctypes) if rule.doctypes else ["全部"],
            "fixable": rule.fixable, "fix": rule.fix, "summary": rule.summary, "origin": rule.origin,
            "options": rule.options}


def run_rules(args) -> int:
    from letterlint.rules import all_rules

    rules = all_rules()
    if args.format == "markdown":
        sys.stdout.write(rules_markdown(rules))
        return EXIT_OK
    if args.format == "json":
        import json

        json.dump([_rule_dict(r) for r in rules], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    if not sys.stdout.isatty():
        # Piped (grep, less, a file): whole lines, tab-separated, never cut to a terminal's width.
        for r in rules:
            d = _rule_dict(r)
            print("\t".join((r.code, r.name, SEVERITY_ZH.get(r.severity, r.severity), "、".join(d["doctypes"]),
                             _FIX_SHORT.get(r.fix, ""), r.summary)))
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    table = Table("代码", "名称", "级别", "适用文种", "自动修正", "说明", box=None, pad_edge=False)
    for r in rules:
        d = _rule_dict(r)
        table.add_row(r.code, r.name, SEVERITY_ZH.get(r.severity, r.severity), "、".join(d["doctypes"]),
                      _FIX_SHORT.get(r.fix, ""), r.summary)
    Console(highlight=False).print(table)
    return EXIT_OK


_FIX_SHORT = {"safe": "安全", "unsafe": "不安全"}


def _fix_doc(rule) -> str:
    """The rule's fix tier, as its documentation states it."""
    if rule.fix == "safe":
        return "安全修复（--fix 即应用）"
    if rule.fix == "unsafe":
        return "不安全修复（需 --fix --unsafe-fixes）"
    return "无"


def rules_markdown(rules) -> str:
    """The rule reference (docs/rules.md), built from the docstrings."""
    from letterlint.report import doc_markdown

    out = ["# letterlint 规则参考", "",
           "本文件由 `letterlint rules --format markdown > docs/rules.md` 从各规则的文档字符串生成，请勿手工修改。", "",
           "| 代码 | 名称 | 级别 | 适用文种 | 自动修正 | 说明 |", "|---|---|---|---|---|---|"]
    for r in rules:
        d = _rule_dict(r)
        out.append(f"| [{r.code}](#{r.code.lower()}) | {r.name} | {SEVERITY_ZH.get(r.severity, r.severity)} "
                   f"| {'、'.join(d['doctypes'])} | {_FIX_SHORT.get(r.fix, '')} | {r.summary} |")
    for r in rules:
        d = _rule_dict(r)
        out += ["", f"## {r.code}", "", f"`{r.name}` · 级别：{SEVERITY_ZH.get(r.severity, r.severity)} · "
                f"适用文种：{'、'.join(d['doctypes'])} · 自动修正：{_fix_doc(r)}", ""]
        out += doc_markdown(r.doc)
    return "\n".join(out) + "\n"


def run_rule(args) -> int:
    from letterlint.rules import get_rule

    rule = get_rule(args.code)
    if rule is None:
        raise UsageError(f"没有规则“{args.code}”；用 letterlint rules 查看全部规则")
    if args.format == "json":
        import json

        json.dump(dict(_rule_dict(rule), doc=rule.doc), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    d = _rule_dict(rule)
    print(f"{rule.code}  {rule.name}")
    print(f"级别：{SEVERITY_ZH.get(rule.severity, rule.severity)}　适用文种：{'、'.join(d['doctypes'])}　"
          f"自动修正：{_fix_doc(rule)}")
    print()
    print(rule.doc)
    if rule.options:
        print()
        print("设置：")
        for k, v in rule.options.items():
            print(f"    {k} = {v!r}")
    return EXIT_OK


def run_completion(args) -> int:
    from letterlint.argparse_zh import chinese
    from letterlint.completion import script

    with chinese():
        sys.stdout.write(script(build_parser(), args.shell))
    return EXIT_OK


def _guard_closed_streams() -> None:
    """Started with stdout or stderr closed: give them devnull (so no file we open later
    gets descriptor 1 or 2, and ``print(file=sys.stderr)`` does not fall back to stdout)."""
    global _stdout_closed
    if sys.stdout is None:
        _stdout_closed = True
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")


def run() -> None:
    """The ``letterlint`` command (and ``python -m letterlint``): ``main`` and the exit.

    The cycle collector is off for the run: its passes over the objects the
    imports make found nothing, and cost a one-letter run a twentieth of its
    time (``run_check`` turns it back on for more than one file, whose letters
    do leave cycles behind).  Once the output is flushed, the process ends
    without the interpreter's teardown, which frees every module and object
    one by one for nothing, unless something registered an exit handler
    (a worker pool, a temporary folder): then the usual exit runs them.
    """
    import gc

    gc.disable()
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # noqa: BLE001 - the interpreter's own exit reports it
        sys.exit(code)
    import atexit

    if getattr(atexit, "_ncallbacks", lambda: 1)() == 0:
        os._exit(code)
    gc.freeze()  # the last collection at exit need not look at the run's objects
    sys.exit(code)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    _guard_closed_streams()
    try:
        args = parse_args(argv)
        if getattr(args, "encoding", None):
            _check_encoding(args.encoding)
        handler = {"check": run_check, "structure": run_structure, "config": run_config, "rules": run_rules,
                   "rule": run_rule, "explain": run_rule, "completion": run_completion}[args.command or "check"]
        return handler(args)
    except (UsageError, StdoutGone) as exc:
        usage = getattr(locals().get("args"), "usage", "") if isinstance(exc, UsageError) else ""
        sys.stderr.write(usage)
        warn(exc)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (letterlint rules | head): the output is incomplete.
        _silence_stdout()
        warn("标准输出的读取方已退出（管道已断开），输出未能完整写出")
        return EXIT_ERROR
    except SystemExit as exc:  # argparse: --help (0) or usage error (2)
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    except Exception as exc:
        from letterlint.config import ConfigError
        from letterlint.decode import InputError
        from letterlint.rules import PluginError
        from letterlint.safeio import OutputError

        if isinstance(exc, (InputError, ConfigError, PluginError, OutputError, RenderFailed)):
            warn(exc)
            return EXIT_ERROR
        if debug:
            raise
        warn(f"内部错误：{type(exc).__name__}: {exc}（加 --debug 查看详情）")
        return EXIT_ERROR
