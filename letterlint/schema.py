"""The JSON Schema of the configuration, generated from the keys and the rule options.

``docs/config.schema.json`` is this output, checked in and kept up to date by
a test, so editors can validate ``.letterlint.toml`` and ``[tool.letterlint]``.
"""
from __future__ import annotations

from typing import Any

from letterlint.config import FAIL_ON, local_options
from letterlint.diagnostic import SEVERITIES

_STR_LIST = {"type": "array", "items": {"type": "string"}}


def _option_schema(default: Any, choices: tuple[str, ...] | None = None, regex: bool = False) -> dict:
    if isinstance(default, bool):
        return {"type": "boolean", "default": default}
    if isinstance(default, (list, tuple)):
        items = {"enum": list(choices)} if choices else {"type": "string"}
        if regex:
            items["format"] = "regex"
        return {"type": "array", "items": items, "default": list(default)}
    if isinstance(default, str):
        return {"type": "string", "default": default}
    if isinstance(default, int):
        return {"type": "integer", "default": default}
    if isinstance(default, dict):
        return {"type": "object", "additionalProperties": {"type": "string"}}
    return {}


def config_schema() -> dict:
    from letterlint import doctypes
    from letterlint.report import FORMATS
    from letterlint.rules import all_rules

    rules = all_rules()
    codes = [r.code for r in rules]
    choices = {k: c for r in rules for k, c in r.choices.items()}
    regexes = {k for r in rules for k in r.patterns}
    local = {k: _option_schema(v, choices.get(k), k in regexes) for k, v in sorted(local_options(rules).items())
             if k != "organizations"}
    per_rule = {
        r.code: {"type": "object", "additionalProperties": False,
                 "properties": {k: _option_schema(v, r.choices.get(k), k in r.patterns)
                                for k, v in r.options.items()}}
        for r in rules if r.options
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://letterlint.invalid/config.schema.json",
        "title": "letterlint configuration ([tool.letterlint], .letterlint.toml, letterlint.toml)",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "root": {"type": "boolean", "description": "不再向上查找父目录中的配置"},
            "select": dict(_STR_LIST, description="只启用这些规则（代码、代码前缀或名称）"),
            "extend-select": dict(_STR_LIST, description="在 select 之外再启用这些规则"),
            "ignore": dict(_STR_LIST, description="停用这些规则"),
            "severity": {"type": "object",
                         "propertyNames": {"anyOf": [{"enum": codes}, {"enum": sorted(r.name for r in rules)},
                                                     {"pattern": "^[A-Za-z][A-Za-z0-9]*(-[0-9]{0,3})?$"}]},
                         "additionalProperties": {"enum": list(SEVERITIES)},
                         "description": "规则（代码、代码前缀或名称）→ 级别；最具体的一项生效"},
            "per-file-ignores": {"type": "object", "additionalProperties": _STR_LIST,
                                 "description": "文件通配符 → 在这些文件中停用的规则"},
            "exclude": dict(_STR_LIST, description="不检查的文件或目录（通配符，相对于配置文件所在目录）"),
            "extensions": dict(_STR_LIST, description="检查目录时包括的文件扩展名"),
            "doctype": {"enum": [v for k, v in doctypes.DOCTYPES.items() if k != "unknown"]
                        + [k for k in doctypes.DOCTYPES if k != "unknown"]},
            "fail-on": {"enum": list(FAIL_ON)},
            "format": {"enum": list(FORMATS)},
            "fix": {"type": "boolean", "description": "检查时自动应用安全修正并写回文件（同 --fix）"},
            "unsafe-fixes": {"type": "boolean", "description": "修正时也应用可能改变措辞或顺序的修正（同 --unsafe-fixes）"},
            "local": {"type": "object", "additionalProperties": False, "properties": local,
                      "description": "本地格式：答复类别方案、公开标注、联系人格式、抄送机关等"},
            "organizations": {"type": "object",
                              "additionalProperties": {"anyOf": [{"type": "string"}, _STR_LIST]},
                              "description": "机关代字 → 机关全称，如 示教 = \"示例市教育局\""},
            "rules": {"type": "object", "additionalProperties": False, "properties": per_rule},
        },
    }
