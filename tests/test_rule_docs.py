"""Every rule's docstring is its user documentation, and its examples run.

The 反例 block must make the rule fire; the 正例 block must not.  So the
documentation shown by `letterlint rule CODE` cannot drift from the code.
"""
import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from letterlint.lint import Settings, lint_bytes, lint_text
from letterlint.rules import all_rules

RULES = all_rules()


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_docstring_has_sections(rule):
    assert rule.summary, f"{rule.code} has no docstring"
    assert "依据：" in rule.doc, f"{rule.code} docstring does not state its basis (依据：)"
    assert rule.example("反例") and rule.example("正例"), f"{rule.code} lacks 反例/正例"


def _lint_example(rule, text, settings):
    if rule.origin == "letterlint.docx.layout":
        # Layout examples describe a Word document line by line (letterlint/docx/spec.py): build and lint it.
        from letterlint.docx.spec import from_spec

        return lint_bytes(from_spec(text), "example.docx", settings)
    return lint_text(text, "example.txt", settings)


def _fired(rule, text):
    # A rule that needs settings to act shows them in a 示例配置 block (TOML: option = value).
    config = rule.example("示例配置")
    options = {rule.code: tomllib.loads(config)} if config else {}
    doctype = None if rule.doctypes is None or len(rule.doctypes) != 1 else next(iter(rule.doctypes))
    result = _lint_example(rule, text, Settings(select=[rule.code], doctype=doctype, rule_options=options))
    if rule.doctypes is not None and result.doctype not in rule.doctypes:
        # Examples are fragments; run them as the first kind the rule applies to.
        result = _lint_example(rule, text, Settings(select=[rule.code], doctype=sorted(rule.doctypes)[0],
                                                    rule_options=options))
    return [d for d in result.diagnostics if d.rule == rule.code]


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_bad_example_fires(rule):
    assert _fired(rule, rule.example("反例")), f"{rule.code}: 反例 does not fire"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_good_example_is_clean(rule):
    assert not _fired(rule, rule.example("正例")), f"{rule.code}: 正例 fires"


def test_rules_reference_is_up_to_date():
    from pathlib import Path

    from letterlint.cli import rules_markdown

    published = (Path(__file__).parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")
    assert published == rules_markdown(RULES), "run: letterlint rules --format markdown > docs/rules.md"


# --- fixes: the 反例 fixed is the 正例 (or the 修正后 block) ----------------------------------

FIXABLE = [r for r in RULES if r.fixable]


def _settings(rule):
    config = rule.example("示例配置")
    options = {rule.code: tomllib.loads(config)} if config else {}
    doctype = None if rule.doctypes is None else sorted(rule.doctypes)[0]
    return Settings(select=[rule.code], doctype=doctype, rule_options=options)


def test_fixable_rules_state_their_tier():
    assert len(FIXABLE) >= 20
    for rule in FIXABLE:
        assert rule.fix in ("safe", "unsafe"), rule.code


@pytest.mark.parametrize("rule", FIXABLE, ids=[r.code for r in FIXABLE])
def test_bad_example_fixed_is_good_example(rule):
    from letterlint.fix import fix_stored

    bad = rule.example("反例")
    want = rule.example("修正后") or rule.example("正例")
    outcome = fix_stored(bad, "example.txt", _settings(rule), unsafe=True, guard=False)
    assert outcome.applied[rule.code] >= 1, f"{rule.code}: the 反例 offers no fix"
    assert outcome.raw == want, f"{rule.code}: the 反例 fixed is not the {'修正后' if rule.example('修正后') else '正例'}"
    assert not _fired(rule, outcome.raw), f"{rule.code}: still fires after its fix"
    if rule.fix == "safe":
        assert not fix_stored(bad, "example.txt", _settings(rule), guard=False).unconverged


@pytest.mark.parametrize("rule", [r for r in RULES if not r.fixable], ids=[r.code for r in RULES if not r.fixable])
def test_unfixable_rules_offer_no_fix(rule):
    result = lint_text(rule.example("反例"), "example.txt", _settings(rule))
    assert all(d.fix is None for d in result.diagnostics), f"{rule.code} offers a fix but declares no fix tier"
