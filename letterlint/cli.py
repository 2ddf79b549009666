"""Command line: ``letterlint [check] FILES``, ``structure``, ``rules``, ``rule CODE``.

Exit codes: 0 no error-level diagnostic; 1 at least one; 2 usage errors,
unreadable or undecodable input, or an internal failure (a clear message,
and a traceback only with ``--debug``).
"""
from __future__ import annotations

import argparse
import os
import sys

from letterlint import __version__
from letterlint.report import FORMATS

SUBCOMMANDS = ("check", "structure", "rules", "rule", "explain")
TEXT_SUFFIXES = (".txt", ".md", ".text")
EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="letterlint",
        description="检查党政机关公文（函、复函、建议/提案答复函等）是否符合 GB/T 9704-2012 等规定的格式。",
        epilog="子命令：check（默认）检查文件；structure 显示识别出的公文结构；rules 列出全部规则；"
               "rule CODE 显示规则说明。",
    )
    p.add_argument("--version", action="version", version=f"letterlint {__version__}")
    sub = p.add_subparsers(dest="command")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--encoding", help="强制使用的文件编码（默认自动识别 UTF-8 / GB18030 / UTF-16）")
    common.add_argument("--doctype", help="强制指定文种，如 函、复函、建议答复函、提案答复函、通知、请示")
    common.add_argument("--no-color", action="store_true", help="不使用颜色（也可设置环境变量 NO_COLOR）")
    common.add_argument("--debug", action="store_true", help="内部错误时显示完整的 Python 回溯")

    c = sub.add_parser("check", parents=[common], help="检查公文文件（默认子命令）")
    c.add_argument("paths", nargs="*", metavar="PATH", help="文件或目录；- 表示标准输入")
    c.add_argument("--format", choices=tuple(FORMATS), default="rich", help="输出格式")
    c.add_argument("--output", "-o", help="把报告写入文件而不是标准输出")
    c.add_argument("--select", action="append", help="只启用这些规则（代码、代码前缀或名称，逗号分隔）")
    c.add_argument("--ignore", action="append", help="停用这些规则（代码、代码前缀或名称，逗号分隔）")
    c.add_argument("--stdin-filename", help="从标准输入读取时报告中使用的文件名")

    s = sub.add_parser("structure", parents=[common], help="显示识别出的公文各组成部分")
    s.add_argument("path", metavar="PATH", help="文件；- 表示标准输入")
    s.add_argument("--format", choices=("rich", "json"), default="rich")

    r = sub.add_parser("rules", help="列出全部规则")
    r.add_argument("--format", choices=("rich", "json"), default="rich")

    for name in ("rule", "explain"):
        e = sub.add_parser(name, help="显示一条规则的说明")
        e.add_argument("code", metavar="CODE", help="规则代码或名称，如 DOCNUM-002")
        e.add_argument("--format", choices=("rich", "json"), default="rich")
    return p


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = build_parser()
    if not argv or (argv[0] not in SUBCOMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv = ["check", *argv]
    return parser.parse_args(argv)


# --- check ---------------------------------------------------------------------


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given; directories walked (sorted) for letter files."""
    out: list[str] = []
    for p in paths:
        if p != "-" and os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(os.path.join(root, f) for f in files if f.lower().endswith(TEXT_SUFFIXES))
            out.extend(sorted(found))
        else:
            out.append(p)
    return out


def _settings(args):
    from letterlint import doctypes
    from letterlint.lint import Settings

    doctype = None
    if args.doctype:
        try:
            doctype = doctypes.normalize(args.doctype)
        except ValueError:
            known = "、".join(v for k, v in doctypes.DOCTYPES.items() if k != "unknown")
            raise UsageError(f"未知的文种“{args.doctype}”；可用：{known}") from None
    select, ignore = _split(getattr(args, "select", None)), _split(getattr(args, "ignore", None))
    if select or ignore:
        from letterlint.rules import all_rules

        known_rules = all_rules()
        for sel in select + ignore:
            if not any(r.code.upper().startswith(sel.upper()) or r.name == sel for r in known_rules):
                raise UsageError(f"未知的规则代码或名称“{sel}”；用 letterlint rules 查看全部规则")
    return Settings(select=select, ignore=ignore, doctype=doctype)


def _lint_one(path: str, args, settings):
    from letterlint.lint import lint_bytes, lint_path

    if path == "-":
        data = sys.stdin.buffer.read()
        return lint_bytes(data, args.stdin_filename or "<stdin>", settings, args.encoding)
    return lint_path(path, settings, args.encoding)


def _color(args) -> bool | None:
    if args.no_color or os.environ.get("NO_COLOR"):
        return False
    return None


def run_check(args) -> int:
    if not args.paths:
        raise UsageError("没有给出要检查的文件；用法：letterlint 文件.txt（- 表示标准输入）")
    settings = _settings(args)
    results = [_lint_one(p, args, settings) for p in expand_paths(args.paths)]
    if not results:
        raise UsageError("给出的目录中没有可检查的文件（.txt、.md）")

    from letterlint.report import ReportOptions

    options = ReportOptions(color=_color(args))
    has_output = any(r.diagnostics or r.error for r in results)
    stream = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        if args.format == "rich" and not has_output:
            # A clean run does not pay for importing Rich.
            stream.write(f"检查了 {len(results)} 个文件，未发现问题。\n")
        else:
            from letterlint.report import get_renderer

            get_renderer(args.format)(results, stream, options)
    finally:
        if args.output:
            stream.close()
    if any(r.error for r in results):
        for r in results:
            if r.error and args.format != "rich":
                print(f"letterlint: {r.error}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_PROBLEMS if any(r.count("error") for r in results) else EXIT_OK


# --- structure -------------------------------------------------------------------


def run_structure(args) -> int:
    from letterlint import doctypes
    from letterlint.decode import decode_bytes, read_path
    from letterlint.parse import parse_text

    if args.path == "-":
        source = decode_bytes(sys.stdin.buffer.read(), args.encoding)
    else:
        source = read_path(args.path, args.encoding)
    letter = parse_text(source.text, args.path)
    if args.doctype:
        letter.doctype = doctypes.normalize(args.doctype)
    if args.format == "json":
        import json

        doc = {"version": 1, "path": args.path, "encoding": source.encoding, "doctype": letter.doctype,
               "doctype_label": doctypes.label(letter.doctype),
               "parts": [p.to_dict() for p in letter.parts],
               "misplaced": [{"line": m.part.line, "kind": m.part.kind, "message": m.message}
                             for m in letter.misplacements]}
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    from rich.console import Console
    from rich.markup import escape
    from rich.tree import Tree

    con = Console(highlight=False, soft_wrap=True, no_color=_color(args) is False)
    tree = Tree(f"[bold]{escape(args.path)}[/]  文种：{doctypes.label(letter.doctype)}（{source.encoding}）")
    branches: dict[str, Tree] = {}
    for part in letter.parts:
        section = part.section or "位置不当"
        if section not in branches:
            branches[section] = tree.add(f"[bold]{section}[/]")
        s = part.span
        where = f"{s.line}" if s.end_line == s.line else f"{s.line}-{s.end_line}"
        text = part.text if len(part.text) <= 40 else part.text[:39] + "…"
        style = "red" if part.misplaced else "cyan"
        branches[section].add(f"[{style}]{part.name}[/] [dim]第{where}行[/] {escape(text)}")
    con.print(tree)
    for m in letter.misplacements:
        con.print(f"[red]第{m.part.line}行：{escape(m.message)}[/]")
    return EXIT_OK


# --- rules and rule ------------------------------------------------------------------


def _rule_dict(rule) -> dict:
    from letterlint import doctypes

    return {"code": rule.code, "name": rule.name, "severity": rule.severity,
            "doctypes": sorted(doctypes.label(d) for d in rule.doctypes) if rule.doctypes else ["全部"],
            "fixable": rule.fixable, "summary": rule.summary, "origin": rule.origin,
            "options": rule.options}


def run_rules(args) -> int:
    from letterlint.rules import all_rules

    rules = all_rules()
    if args.format == "json":
        import json

        json.dump([_rule_dict(r) for r in rules], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    table = Table("代码", "名称", "级别", "适用文种", "可修复", "说明", box=None, pad_edge=False)
    for r in rules:
        d = _rule_dict(r)
        table.add_row(r.code, r.name, r.severity, "、".join(d["doctypes"]), "是" if r.fixable else "",
                      r.summary)
    Console(highlight=False).print(table)
    return EXIT_OK


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
    print(f"级别：{rule.severity}　适用文种：{'、'.join(d['doctypes'])}　可自动修复：{'是' if rule.fixable else '否'}")
    print()
    print(rule.doc)
    if rule.options:
        print()
        print("设置：")
        for k, v in rule.options.items():
            print(f"    {k} = {v!r}")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        args = parse_args(argv)
        handler = {"check": run_check, "structure": run_structure, "rules": run_rules,
                   "rule": run_rule, "explain": run_rule}[args.command or "check"]
        return handler(args)
    except UsageError as exc:
        print(f"letterlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except SystemExit as exc:  # argparse: --help (0) or usage error (2)
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    except Exception as exc:
        from letterlint.decode import InputError

        if isinstance(exc, InputError):
            print(f"letterlint: {exc}", file=sys.stderr)
            return EXIT_ERROR
        if debug:
            raise
        print(f"letterlint: 内部错误：{type(exc).__name__}: {exc}（加 --debug 查看详情）", file=sys.stderr)
        return EXIT_ERROR
