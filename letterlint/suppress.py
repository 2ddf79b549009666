"""Suppressions that live outside the letter, and a baseline of known problems.

A plain-text letter cannot carry ``# noqa`` comments without polluting the
document that will be printed, so suppressions are kept in a sidecar file,
``.letterlint-ignore.toml``, found beside the config files (the same walk up
from each linted file).  An entry names a rule (code, prefix or name), a
snippet of the letter's text and a reason, optionally a file glob::

    [[ignore]]
    rule = "DATE-001"
    text = "二〇一七年三月五日"
    files = "archive/*.txt"
    reason = "历史档案按原件保留"

An entry matches a diagnostic of that rule whose line contains the snippet,
so it survives edits elsewhere in the letter.  Markdown drafts may also say
``<!-- letterlint: ignore DATE-001 -->`` on the line before the offending one
(an HTML comment, invisible when rendered).

The baseline records the current diagnostics by file, rule and a fingerprint
of the offending text (not the line number): ``--baseline FILE`` then reports
only problems that are new.
"""
from __future__ import annotations

import os

from letterlint import lazyre
from letterlint.config import ConfigError, _load_toml, check_glob, cut, matches
from letterlint.record import Record
from letterlint.selection import covers, is_known

SIDECAR = ".letterlint-ignore.toml"
MD_DIRECTIVE = lazyre.compile(r"<!--\s*letterlint:\s*ignore\s+(?P<codes>[A-Za-z0-9,\- ]+?)\s*-->")
_CODE_SEPARATORS = lazyre.compile(r"[,\s]+")


class Entry(Record):
    rule: str
    text: str
    reason: str
    files: str | None
    source: str       # the sidecar file
    line: int         # where the entry starts in it
    base_dir: str
    used: bool

    _fields = ("rule", "text", "reason", "files", "source", "line", "base_dir", "used")

    def __init__(self, rule, text, reason, files, source, line, base_dir, used=False):
        self.rule = rule
        self.text = text
        self.reason = reason
        self.files = files
        self.source = source
        self.line = line
        self.base_dir = base_dir
        self.used = used

    def covers(self, path: str, code: str, name: str, line_text: str) -> bool:
        if not covers(self.rule, code, name):
            return False
        if self.files and not matches(path, self.files, self.base_dir):
            return False
        return self.text in line_text


def load_sidecar(path: Path) -> list[Entry]:
    data = _load_toml(path)
    entries = data.get("ignore", [])
    unknown = set(data) - {"ignore"}
    if unknown:
        raise ConfigError(f"{path}：未知的设置 {cut(', '.join(sorted(unknown)))}（只允许 [[ignore]] 条目）")
    if not isinstance(entries, list):
        raise ConfigError(f"{path}：ignore 应为 [[ignore]] 条目的列表")
    from letterlint.safeio import read_regular

    raw_lines = read_regular(path).decode("utf-8", "replace").split("\n")
    starts = [i + 1 for i, line in enumerate(raw_lines) if line.strip() == "[[ignore]]"]
    out = []
    for n, item in enumerate(entries):
        where = f"{path} 第{n + 1}个 [[ignore]] 条目"
        if not isinstance(item, dict):
            raise ConfigError(f"{where}：应为表")
        extra = set(item) - {"rule", "text", "reason", "files"}
        if extra:
            raise ConfigError(f"{where}：未知的键 {cut(', '.join(sorted(extra)))}（可用：rule、text、reason、files）")
        for key in ("rule", "text", "reason"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise ConfigError(f"{where}：缺少必填的 {key}（字符串）；每条忽略都要写明规则、原文片段和理由")
        if "files" in item:
            if not isinstance(item["files"], str) or not item["files"].strip():
                raise ConfigError(f"{where}：files 应为一个路径模式（字符串），实际是 {cut(item['files'], quote=True)}")
            check_glob(f"{where}：files", item["files"])
        from letterlint.rules import all_rules

        if not is_known(item["rule"], all_rules()):
            raise ConfigError(f"{where}：rule 的值“{cut(item['rule'])}”不是已知的规则代码、代码前缀或名称")
        out.append(Entry(item["rule"], item["text"], item["reason"], item.get("files"), str(path),
                         starts[n] if n < len(starts) else 1, str(path.parent)))
    return out


class Suppressions:
    """Sidecar entries found for the linted files, loaded once per file."""

    def __init__(self, isolated: bool = False):
        self.isolated = isolated
        self._by_dir: dict[str, list[Entry]] = {}
        self._files: dict[str, list[Entry]] = {}

    def entries_for(self, path: str) -> list[Entry]:
        if self.isolated:
            return []
        directory = os.path.dirname(os.path.abspath(path)) if path not in ("-", "<stdin>") else os.getcwd()
        if directory not in self._by_dir:
            found: list[Entry] = []
            d = os.path.realpath(directory)  # os.path: no pathlib unless a sidecar is found
            while True:
                candidate = os.path.join(d, SIDECAR)
                if os.path.isfile(candidate):
                    if candidate not in self._files:
                        from pathlib import Path

                        self._files[candidate] = load_sidecar(Path(candidate))
                    found.extend(self._files[candidate])
                parent = os.path.dirname(d)
                if os.path.exists(os.path.join(d, ".git")) or parent == d:
                    break
                d = parent
            self._by_dir[directory] = found
        return self._by_dir[directory]

    def apply(self, result, rules_by_code=None) -> None:
        """Drop the diagnostics of ``result`` that an entry or a Markdown directive covers.

        An internal error (LINT-001) is never suppressed.
        """
        entries = self.entries_for(result.path)  # also for a clean file: a bad sidecar is an error either way
        if not result.diagnostics:
            return
        if rules_by_code is None:
            from letterlint.rules import all_rules

            rules_by_code = {r.code: r for r in all_rules()}
        inline = markdown_directives(result.lines) if result.path.lower().endswith(".md") else {}
        kept = []
        for d in result.diagnostics:
            if d.rule not in rules_by_code:  # LINT-001, or a report of the engine itself
                kept.append(d)
                continue
            text = "\n".join(result.lines[d.line - 1:d.end_line]) if result.lines else ""
            name = rules_by_code[d.rule].name
            if any(covers(sel, d.rule, name) for sel in inline.get(d.line, ())):
                continue
            hit = next((e for e in entries if e.covers(result.path, d.rule, name, text)), None)
            if hit is not None:
                hit.used = True
                continue
            kept.append(d)
        result.diagnostics = kept

    def unused(self) -> list[Entry]:
        return [e for entries in self._files.values() for e in entries if not e.used]


def markdown_directives(lines: list[str]) -> dict[int, list[str]]:
    """Line number → rule selectors ignored on it, from ``<!-- letterlint: ignore X -->`` above it."""
    out: dict[int, list[str]] = {}
    for i, line in enumerate(lines):
        m = MD_DIRECTIVE.search(line)
        if m:
            codes = [c.strip() for c in _CODE_SEPARATORS.split(m.group("codes")) if c.strip()]
            out.setdefault(i + 2, []).extend(codes)
            if line.strip() != m.group(0):  # the directive ends a line of text: it covers that line
                out.setdefault(i + 1, []).extend(codes)
    return out


def strip_markdown_comments(text: str) -> str:
    """Blank out HTML comment lines of a Markdown draft so they are not read as letter text."""
    return "\n".join("" if line.strip().startswith("<!--") and line.strip().endswith("-->") else line
                     for line in text.split("\n"))


# --- baseline ----------------------------------------------------------------


def fingerprint(result, d) -> str:
    """Rule + the offending line's text (without padding): stable when lines move."""
    line = result.lines[d.line - 1].strip() if 0 < d.line <= len(result.lines) else ""
    import hashlib

    return hashlib.sha256(f"{d.rule}\x00{line}".encode()).hexdigest()[:16]


def _key(path: str) -> str:
    return os.path.relpath(os.path.abspath(path)).replace(os.sep, "/") if path not in ("-", "<stdin>") else path


class Baseline(Record):
    counts: dict[tuple[str, str, str], int]

    _fields = ("counts",)

    def __init__(self, counts=None):
        self.counts = {} if counts is None else counts

    @classmethod
    def load(cls, path: str) -> Baseline:
        try:
            from letterlint.safeio import read_regular

            import json

            data = json.loads(read_regular(path).decode("utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}：基线文件不存在（先用 --write-baseline 生成）") from None
        except UnicodeDecodeError:
            raise ConfigError(f"{path}：基线文件不是 UTF-8 编码") from None
        except RecursionError:
            raise ConfigError(f"{path}：基线文件嵌套层数过多，无法读取") from None
        except (OSError, ValueError) as exc:
            raise ConfigError(f"{path}：无法读取基线文件：{cut(str(exc), 200)}") from None
        if not isinstance(data, dict) or data.get("version") != 1 or not isinstance(data.get("entries"), list):
            raise ConfigError(f"{path}：不是 letterlint 基线文件（应为 {{\"version\": 1, \"entries\": [...]}}）")
        counts = {}
        for n, e in enumerate(data["entries"], 1):
            where = f"{path}：entries 第{n}项"
            if not isinstance(e, dict):
                raise ConfigError(f"{where} 应为对象（含 path、rule、fingerprint、count），实际是 {cut(e)}")
            for key in ("path", "rule", "fingerprint"):
                if key not in e:
                    raise ConfigError(f"{where}：缺少 {key}")
                if not isinstance(e[key], str):
                    raise ConfigError(f"{where}：{key} 应为字符串，实际是 {cut(e[key], quote=True)}")
            count = e.get("count", 1)
            if not isinstance(count, int) or isinstance(count, bool) or count < 1:
                raise ConfigError(f"{where}：count 应为正整数，实际是 {cut(count, quote=True)}")
            key = (e["path"], e["rule"], e["fingerprint"])
            counts[key] = counts.get(key, 0) + count
        return cls(counts)

    @classmethod
    def from_results(cls, results) -> Baseline:
        counts: dict[tuple[str, str, str], int] = {}
        for r in results:
            for d in r.diagnostics:
                key = (_key(r.path), d.rule, fingerprint(r, d))
                counts[key] = counts.get(key, 0) + 1
        return cls(counts)

    def write(self, path: str) -> None:
        entries = [{"path": p, "rule": rule, "fingerprint": fp, "count": n}
                   for (p, rule, fp), n in sorted(self.counts.items())]
        from letterlint.safeio import atomic_write

        import json

        text = json.dumps({"version": 1, "entries": entries}, ensure_ascii=False, indent=1) + "\n"
        # A non-UTF-8 file name (surrogate escapes) stays a JSON \udcXX escape, so it reads back the same.
        atomic_write(path, text.encode("utf-8", "backslashreplace"))

    def filter(self, result) -> None:
        """Drop the diagnostics the baseline already knows (each known one once per recorded count)."""
        left = dict(self.counts)
        kept = []
        for d in result.diagnostics:
            if d.rule == "LINT-001":  # an internal error is never taken as known
                kept.append(d)
                continue
            key = (_key(result.path), d.rule, fingerprint(result, d))
            if left.get(key, 0) > 0:
                left[key] -= 1
                continue
            kept.append(d)
        result.diagnostics = kept
