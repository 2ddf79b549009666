"""Configuration: found by walking up from each linted file, merged, validated.

Where a directory holds more than one, the first of these is used:
``.letterlint.toml``, ``letterlint.toml`` (settings at top level), then
``pyproject.toml`` (settings under ``[tool.letterlint]``; a pyproject.toml
without that table is not a letterlint config).  Configs of parent
directories apply too, the nearer one winning key by key; the walk stops at
the repository root (a directory with ``.git``) or at a config that says
``root = true``.  ``--config PATH`` uses that one file only; ``--isolated``
ignores every config.  Command-line options win over every file.
"""
from __future__ import annotations

import os

from letterlint.diagnostic import SEVERITIES
from letterlint.record import Record

CONFIG_NAMES = (".letterlint.toml", "letterlint.toml", "pyproject.toml")

# Every key of the [tool.letterlint] table, with the type it takes.
KEYS: dict[str, str] = {
    "root": "bool",
    "select": "list[str]",
    "extend-select": "list[str]",
    "ignore": "list[str]",
    "severity": "table[str]",
    "per-file-ignores": "table[list[str]]",
    "exclude": "list[str]",
    "extensions": "list[str]",
    "doctype": "str",
    "fail-on": "str",
    "format": "str",
    "fix": "bool",
    "unsafe-fixes": "bool",
    "local": "table",
    "organizations": "table[str|list[str]]",
    "rules": "table",
}
FAIL_ON = ("error", "warning", "info")


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file and the key (exit 2)."""


def cut(value: object, limit: int = 60, quote: bool = False) -> str:
    """A value as shown in a message: a string as it is (in quotes with ``quote``), anything else as a
    short repr; never more than ``limit`` characters of it (a 3 MB value is not echoed)."""
    if isinstance(value, str):
        total = len(value)
        text = f'"{value[:limit]}"' if quote else value[:limit]
    else:
        import reprlib

        short = reprlib.Repr()
        short.maxlevel, short.maxstring, short.maxother, short.maxlist, short.maxdict = 3, limit, limit, 6, 6
        text, total = short.repr(value), 0
    text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)
    return text + (f"…（共 {total} 个字符）" if total > limit else "")


class Config(Record):
    """The merged settings of the config files that apply to one directory."""

    values: dict[str, object]
    origin: dict[str, str]                                # key → the file (or "命令行") it came from
    files: list[str]                                      # root-most first
    base_dir: str                                         # the nearest config's folder
    # Globs of every config file that applies, each anchored at the folder of
    # the file that declared it: a nearer config adds to a parent's, it does
    # not hide them.  (folder, glob) and (folder, glob, selectors).
    excludes: list[tuple[str, str]]
    per_file_ignores: list[tuple[str, str, tuple[str, ...]]]
    _settings: dict

    _fields = ("values", "origin", "files", "base_dir", "excludes", "per_file_ignores", "_settings")
    _hidden = ("_settings",)
    _uncompared = ("_settings",)

    def __init__(self, values=None, origin=None, files=None, base_dir=".", excludes=None, per_file_ignores=None,
                 _settings=None):
        self.values = {} if values is None else values
        self.origin = {} if origin is None else origin
        self.files = [] if files is None else files
        self.base_dir = base_dir
        self.excludes = [] if excludes is None else excludes
        self.per_file_ignores = [] if per_file_ignores is None else per_file_ignores
        self._settings = {} if _settings is None else _settings


def _load_toml(path: Path) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        import io

        from letterlint.safeio import read_regular

        return tomllib.load(io.BytesIO(read_regular(path)))  # never a FIFO, device or endless file
    except OSError as exc:
        raise ConfigError(f"{path}：无法读取配置文件（{exc.strerror or exc}）") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}：TOML 格式错误：{cut(str(exc), 200)}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}：配置文件不是 UTF-8 编码（第 {exc.start + 1} 个字节起无法解码）；"
                          "TOML 文件必须用 UTF-8 保存") from None
    except RecursionError:
        raise ConfigError(f"{path}：TOML 嵌套层数过多，无法读取") from None


def table_of(path: Path) -> dict | None:
    """The letterlint settings in a config file, or None if it holds none.

    A ``pyproject.toml`` that does not even mention letterlint is not read as
    TOML: most projects have one, and parsing it (and importing the parser)
    would cost every run in such a tree for nothing.
    """
    if path.name == "pyproject.toml" and not _mentions_letterlint(path):
        return None
    data = _load_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("letterlint") if isinstance(tool, dict) else None
        if table is not None and not isinstance(table, dict):
            raise ConfigError(f"{path}：tool.letterlint 应为表（[tool.letterlint]），实际是 {cut(table, quote=True)}")
        return table
    return data


def _mentions_letterlint(path: Path) -> bool:
    from letterlint.safeio import read_regular

    try:
        return b"letterlint" in read_regular(path)
    except OSError:  # unreadable: _load_toml says so
        return True


def _check_type(path: Path, key: str, value: object, kind: str) -> None:
    def fail(what: str) -> None:
        raise ConfigError(f"{path}：设置 {key} 应为{what}，实际是 {cut(value, quote=True)}")

    if kind == "bool" and not isinstance(value, bool):
        fail(" true 或 false")
    if kind == "str" and not isinstance(value, str):
        fail("字符串")
    if kind == "list[str]" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        fail("字符串列表")
    if kind.startswith("table") and not isinstance(value, dict):
        fail("表（table）")
    if kind == "table[str]" and not all(isinstance(v, str) for v in value.values()):
        fail("值为字符串的表")
    if kind == "table[str|list[str]]" and not all(
            isinstance(v, str) or (isinstance(v, list) and v and all(isinstance(x, str) for x in v))
            for v in value.values()):
        fail("值为字符串（全称）或字符串列表（全称和简称）的表")
    if kind == "table[list[str]]" and not all(
            isinstance(v, list) and all(isinstance(x, str) for x in v) for v in value.values()):
        fail("值为字符串列表的表")


def _known_selector(sel: str, rules) -> bool:
    from letterlint.selection import is_known

    return is_known(sel, rules)


def check_glob(where: str, glob: str) -> None:
    """A glob stays inside the folder of the file that declares it: no "..", no absolute path."""
    g = glob.replace("\\", "/")
    if g.startswith("/") or os.path.isabs(glob) or ".." in g.split("/") or (len(g) > 1 and g[1] == ":"):
        raise ConfigError(f"{where}：路径模式“{cut(glob)}”不能以 / 开头或含有 ..："
                          "配置文件只能作用于它所在文件夹及其下的文件")


def validate(path: Path, table: dict) -> dict:
    """Check every key and value of one file's settings; return them unchanged."""
    from letterlint import doctypes
    from letterlint.rules import all_rules

    rules = all_rules()
    for key, value in table.items():
        if key not in KEYS:
            allowed = "、".join(KEYS)
            raise ConfigError(f"{path}：未知的设置 {cut(key)}（可用：{allowed}）")
        _check_type(path, key, value, KEYS[key])
    for key in ("select", "extend-select", "ignore"):
        for sel in table.get(key, []):
            if not _known_selector(sel, rules):
                raise ConfigError(f"{path}：{key} 中的“{cut(sel)}”不是已知的规则代码、代码前缀或名称")
    for glob in table.get("exclude", []):
        check_glob(f"{path}：exclude", glob)
    for glob, codes in table.get("per-file-ignores", {}).items():
        check_glob(f"{path}：per-file-ignores", glob)
        for sel in codes:
            if not _known_selector(sel, rules):
                raise ConfigError(f"{path}：per-file-ignores.\"{cut(glob)}\" 中的“{cut(sel)}”不是已知的规则代码")
    for code, level in table.get("severity", {}).items():
        if not _known_selector(code, rules):
            raise ConfigError(f"{path}：severity 中的“{cut(code)}”不是已知的规则代码、代码前缀或名称")
        if level not in SEVERITIES:
            raise ConfigError(f"{path}：severity.{code} 应为 {' / '.join(SEVERITIES)} 之一，实际是 {cut(level)}")
    if "fail-on" in table and table["fail-on"] not in FAIL_ON:
        raise ConfigError(f"{path}：fail-on 应为 {' / '.join(FAIL_ON)} 之一，实际是 {cut(table['fail-on'])}")
    if "doctype" in table:
        try:
            doctypes.normalize(table["doctype"])
        except ValueError:
            known = "、".join(v for k, v in doctypes.DOCTYPES.items() if k != "unknown")
            raise ConfigError(f"{path}：doctype 的值“{cut(table['doctype'])}”不是已知文种（可用：{known}）") from None
    if "format" in table:
        from letterlint.report import FORMATS

        if table["format"] not in FORMATS:
            raise ConfigError(f"{path}：format 应为 {' / '.join(FORMATS)} 之一，实际是 {cut(table['format'])}")
    options = local_options(rules)
    for key, value in table.get("local", {}).items():
        if key not in options:
            raise ConfigError(f"{path}：local 中未知的设置 {cut(key)}（可用：{'、'.join(sorted(options))}）")
        _check_option(path, f"local.{key}", value, options[key], _choices(rules, key),
                      any(key in r.patterns for r in rules))
    for code, opts in table.get("rules", {}).items():
        rule = next((r for r in rules if r.code == code), None)
        if rule is None:
            raise ConfigError(f"{path}：rules 中的“{cut(code)}”不是已知的规则代码")
        if not isinstance(opts, dict):
            raise ConfigError(f"{path}：rules.{code} 应为表（table）")
        for key, value in opts.items():
            if key not in rule.options:
                allowed = "、".join(rule.options) or "（此规则没有设置项）"
                raise ConfigError(f"{path}：规则 {code} 没有设置 {cut(key)}（可用：{allowed}）")
            _check_option(path, f"rules.{code}.{key}", value, rule.options[key], rule.choices.get(key),
                          key in rule.patterns)
    return table


def _choices(rules, key: str) -> tuple[str, ...] | None:
    return next((r.choices[key] for r in rules if key in r.choices), None)


def _check_option(path: Path, key: str, value: object, default: object, choices: tuple[str, ...] | None = None,
                  regex: bool = False) -> None:
    """A rule option takes a value of the same type as its default (items from its choices;
    valid regular expressions where the rule reads them as such)."""
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, (list, tuple)):
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    elif isinstance(default, str):
        ok = isinstance(value, str)
    elif isinstance(default, dict):
        ok = isinstance(value, dict)
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = True
    if not ok:
        raise ConfigError(f"{path}：设置 {key} 的类型不对：应与默认值 {cut(default)} 同类型，实际是 {cut(value, quote=True)}")
    if choices is not None:
        for item in value:
            if item not in choices:
                raise ConfigError(f"{path}：设置 {key} 中的“{cut(item)}”不是可用的值（可用：{'、'.join(choices)}）")
    if regex:
        import re

        from letterlint.saferegex import UnsafePattern, compile_safe

        for item in value:
            try:
                compile_safe(item)
            except re.error as exc:
                raise ConfigError(f"{path}：设置 {key} 中的“{cut(item)}”不是有效的正则表达式（{exc}）") from None
            except (UnsafePattern, RecursionError, OverflowError) as exc:
                reason = exc if isinstance(exc, UnsafePattern) else "嵌套过深"
                raise ConfigError(f"{path}：设置 {key} 中的正则表达式“{cut(item)}”不允许使用：{reason}") from None


def local_options(rules) -> dict[str, object]:
    """Local-format settings: every rule option, by name, with its default."""
    out: dict[str, object] = {}
    for r in rules:
        for key, default in r.options.items():
            out.setdefault(key, default)
    return out


def find_config_files(directory: str | os.PathLike) -> list[Path]:
    """Config files that apply to files in ``directory``, root-most first.

    The walk up is made with ``os.path``: a run in a tree without config files
    never imports ``pathlib`` (a file found is handed on as a ``Path``).
    """
    found: list[Path] = []
    d = os.path.realpath(directory)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(d, name)
            if os.path.isfile(candidate):
                from pathlib import Path

                table = table_of(Path(candidate))
                if table is None:
                    continue
                found.append(Path(candidate))
                if table.get("root") is True:
                    return found[::-1]
                break
        parent = os.path.dirname(d)
        if os.path.exists(os.path.join(d, ".git")) or parent == d:
            return found[::-1]
        d = parent


_MERGED_TABLES = ("severity", "per-file-ignores", "local", "organizations", "rules")


def merge(files: list[Path]) -> Config:
    cfg = Config(files=[str(f) for f in files])
    for f in files:
        table = validate(f, table_of(f) or {})
        for key, value in table.items():
            if key in _MERGED_TABLES:
                merged = dict(cfg.values.get(key, {}))
                if key == "rules":
                    for code, opts in value.items():
                        merged[code] = {**merged.get(code, {}), **opts}
                else:
                    merged.update(value)
                cfg.values[key] = merged
            else:
                cfg.values[key] = value
            cfg.origin[key] = str(f)
        folder = str(f.parent)
        cfg.excludes.extend((folder, g) for g in table.get("exclude", []))
        cfg.per_file_ignores.extend((folder, g, tuple(c)) for g, c in table.get("per-file-ignores", {}).items())
        cfg.base_dir = folder
    return cfg


class ConfigResolver:
    """Finds and caches the config of each directory for one run."""

    def __init__(self, explicit: str | None = None, isolated: bool = False):
        self.explicit = explicit
        self.isolated = isolated
        self._cache: dict[str, Config] = {}
        self._none = Config()  # --isolated: one shared config, so its Settings are built once
        if explicit:
            from pathlib import Path

            path = Path(explicit)
            if not path.is_file():
                kind = "不是普通文件" if path.exists() else "不存在"  # a FIFO or device is never read
                raise ConfigError(f"{explicit}：配置文件{kind}")
            if table_of(path) is None:
                raise ConfigError(f"{explicit}：没有 [tool.letterlint] 设置")
            self._explicit = merge([path])

    def for_path(self, path: str) -> Config:
        if self.isolated:
            return self._none
        if self.explicit:
            return self._explicit
        directory = os.path.dirname(os.path.abspath(path)) if path not in ("-", "<stdin>") else os.getcwd()
        if directory not in self._cache:
            self._cache[directory] = merge(find_config_files(directory))
        return self._cache[directory]


def matches(path: str, pattern: str, base_dir: str) -> bool:
    """Does a config glob match ``path``?  Globs are relative to the config's directory."""
    import fnmatch  # here: a run without globs in its config never needs it

    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute, base_dir).replace(os.sep, "/")
    pattern = pattern.replace(os.sep, "/")
    if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(os.path.basename(path), pattern):
        return True
    # "archive/" or "archive" excludes everything below it.
    prefix = pattern.rstrip("/*")
    return bool(prefix) and "*" not in prefix and (rel == prefix or rel.startswith(prefix + "/"))


class CliOptions(Record):
    """What the command line says about rule selection; it wins over every file."""

    select: list[str]
    extend_select: list[str]
    ignore: list[str]
    doctype: str | None
    fail_on: str | None

    __slots__ = _fields = ("select", "extend_select", "ignore", "doctype", "fail_on")

    def __init__(self, select=None, extend_select=None, ignore=None, doctype=None, fail_on=None):
        self.select = [] if select is None else select
        self.extend_select = [] if extend_select is None else extend_select
        self.ignore = [] if ignore is None else ignore
        self.doctype = doctype
        self.fail_on = fail_on


def settings_for(path: str, cfg: Config, cli: CliOptions | None = None):
    """The Settings for one file: defaults < parent config < nearest config < command line.

    Built once per distinct configuration (the config, the per-file-ignores
    that match, the command line): the files of a folder share one Settings,
    and with it the rule selection worked out for it.
    """
    cli = cli or CliOptions()
    extra = tuple(codes for folder, glob, codes in cfg.per_file_ignores if matches(path, glob, folder))
    key = (extra, tuple(cli.select), tuple(cli.extend_select), tuple(cli.ignore), cli.doctype, cli.fail_on)
    settings = cfg._settings.get(key)
    if settings is None:
        settings = cfg._settings[key] = _build_settings(cfg, cli, [c for codes in extra for c in codes])
    return settings


def _build_settings(cfg: Config, cli: CliOptions, per_file: list[str]):
    from letterlint import doctypes
    from letterlint.lint import Settings
    from letterlint.rules import all_rules

    v = cfg.values
    ignore = list(v.get("ignore", [])) + per_file + list(cli.ignore)
    doctype = cli.doctype or v.get("doctype")
    local = dict(v.get("local", {}))
    if "organizations" in v:
        local["organizations"] = v["organizations"]
    rule_options: dict[str, dict[str, object]] = {}
    for rule in all_rules():
        opts = {k: local[k] for k in rule.options if k in local}
        opts.update(v.get("rules", {}).get(rule.code, {}))
        if opts:
            rule_options[rule.code] = opts
    return Settings(
        select=list(cli.select or v.get("select", [])),
        extend_select=list(v.get("extend-select", [])) + list(cli.extend_select),
        ignore=ignore,
        severity=dict(v.get("severity", {})),
        doctype=doctypes.normalize(doctype) if doctype else None,
        rule_options=rule_options,
        fail_on=cli.fail_on or v.get("fail-on", "error"),
    )


def is_excluded(path: str, cfg: Config) -> bool:
    """Does an ``exclude`` glob of any config that applies (anchored at its own folder) match?"""
    return any(matches(path, pattern, folder) for folder, pattern in cfg.excludes)


def show(cfg: Config, path: str, cli: CliOptions | None = None) -> str:
    """The effective configuration for ``path`` and where each value came from."""
    import json

    settings = settings_for(path, cfg, cli)
    lines = [f"# {path} 的有效配置", "# 配置文件（由上层到下层）：" + ("、".join(cfg.files) or "（无，使用默认值）")]
    shown = {
        "select": (settings.select, "select"), "extend-select": (settings.extend_select, "extend-select"),
        "ignore": (settings.ignore, "ignore"), "severity": (settings.severity, "severity"),
        "doctype": (settings.doctype, "doctype"), "fail-on": (settings.fail_on, "fail-on"),
        "exclude": ([os.path.join(folder, g) for folder, g in cfg.excludes], "exclude"),
        "local": (cfg.values.get("local", {}), "local"),
        "organizations": (cfg.values.get("organizations", {}), "organizations"),
        "rules": (settings.rule_options, "rules"),
    }
    for key, (value, origin_key) in shown.items():
        origin = cfg.origin.get(origin_key, "默认值")
        if key == "ignore" and "per-file-ignores" in cfg.origin:
            origin += f"；per-file-ignores 来自 {cfg.origin['per-file-ignores']}"
        if cli and origin_key in ("select", "ignore", "doctype", "fail-on", "extend-select") and \
                getattr(cli, origin_key.replace("-", "_")):
            origin = "命令行"
        lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}    # 来自：{origin}")
    return "\n".join(lines)
