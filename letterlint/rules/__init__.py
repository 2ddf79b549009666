"""The rule registry: the one place that lists the built-in rule modules.

Each module under ``letterlint/rules/`` holds one rule or a small family;
a rule is a generator function decorated with ``@rule`` (see ``base.py``).
Third-party packages add rules through the ``letterlint.rules`` entry-point
group: the entry point names a module (every ``@rule`` function in it is
loaded) or a single decorated function.
"""
from __future__ import annotations

import functools
import importlib
import os
import sys
from types import ModuleType

from letterlint.rules.base import Rule

BUILTIN_MODULES = (
    "structure",
    "title",
    "docnum",
    "header",
    "salutation",
    "closing",
    "contact",
    "date",
    "copyto",
    "headings",
    "organization",
    "reply",
    "attachment",
    "routing",
    "punctuation",
    "numbers",
    "lexicon",
    "consistency",
    "wording",
    "quantities",
    "letterlint.docx.layout",   # the Word layout rules (silent on text drafts)
)
ENTRY_POINT_GROUP = "letterlint.rules"


class PluginError(Exception):
    """A third-party rule package could not be loaded (named with its version)."""


def rules_in(obj) -> list[Rule]:
    if isinstance(obj, ModuleType):
        found = [v.__letterlint_rule__ for v in vars(obj).values() if hasattr(v, "__letterlint_rule__")]
        return sorted(found, key=lambda r: r.code)
    if hasattr(obj, "__letterlint_rule__"):
        return [obj.__letterlint_rule__]
    return []


def builtin_rules() -> list[Rule]:
    out: list[Rule] = []
    for name in BUILTIN_MODULES:
        out.extend(rules_in(importlib.import_module(name if "." in name else f"letterlint.rules.{name}")))
    return out


def plugin_search_path() -> list[str]:
    """The ``sys.path`` entries plugins may come from: all but the current folder.

    ``''`` (``python -m``, ``python -c``, an empty PYTHONPATH item) and the
    current folder itself are where a checked-out repository lies; a
    ``*.dist-info`` there is content to lint, not an installed plugin.
    """
    try:
        here = os.path.normcase(os.getcwd())
    except OSError:
        here = None
    return [p for p in sys.path if p and os.path.normcase(os.path.abspath(p)) != here]


def _plugins_declared(search_path: list[str]) -> bool:
    """Does any distribution on the search path declare a ``letterlint.rules`` entry point?

    A cheap look at the entry_points.txt files before importlib.metadata, whose
    import and scan cost some 25 ms: a pre-commit hook pays that on every commit,
    and almost no installation has plugins.
    """
    marker = f"[{ENTRY_POINT_GROUP}]"
    for entry in search_path:
        try:
            listing = os.scandir(entry)
        except OSError:  # a zip file or a missing directory
            continue
        with listing:
            for dist in listing:
                if not dist.name.endswith((".dist-info", ".egg-info")):
                    continue
                try:
                    with open(os.path.join(dist.path, "entry_points.txt"), encoding="utf-8") as f:
                        if marker in f.read():
                            return True
                except OSError:
                    continue
    return False


def plugin_rules() -> list[Rule]:
    search_path = plugin_search_path()
    if not _plugins_declared(search_path):
        return []
    from importlib.metadata import distributions

    out: list[Rule] = []
    seen: set[str] = set()
    eps = []
    for dist in distributions(path=search_path):  # the first of a name on the path wins, as for imports
        name = (dist.metadata["Name"] or "").lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        eps.extend(ep for ep in dist.entry_points if ep.group == ENTRY_POINT_GROUP)
    for ep in eps:
        try:
            found = rules_in(ep.load())
        except Exception as exc:  # a broken plugin is named, not a traceback
            dist = getattr(ep, "dist", None)
            where = f"{dist.name} {dist.version}" if dist else ep.value
            raise PluginError(f"无法加载规则插件 {ep.name}（{where}）：{exc}") from exc
        if not found:
            raise PluginError(f"规则插件 {ep.name}（{ep.value}）中没有用 @rule 标记的规则")
        out.extend(found)
    return out


@functools.lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Built-in rules, then plugin rules; a duplicate code is an error."""
    rules = builtin_rules() + plugin_rules()
    seen: dict[str, Rule] = {}
    for r in rules:
        if r.code in seen:
            raise PluginError(f"规则代码 {r.code} 重复：{seen[r.code].origin} 与 {r.origin}")
        seen[r.code] = r
    return tuple(sorted(rules, key=lambda r: r.code))


def get_rule(code_or_name: str) -> Rule | None:
    key = code_or_name.strip()
    for r in all_rules():
        if r.code.upper() == key.upper() or r.name == key:
            return r
    return None
