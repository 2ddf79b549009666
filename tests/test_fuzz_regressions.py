"""Inputs that once crashed a rule (found by tools/fuzz.py): each must lint without LINT-001."""
import pytest

from letterlint.lint import lint_text
from letterlint.rules.headings import int_to_cn


@pytest.mark.parametrize("text", [
    "二二二.",                   # HEAD-002 asked for the numeral of 222
    "二、\n二二二、",             # HEAD-008 asked for the numeral of 221
    "〔4〕1号〔2024〕1号",        # DOCNUM-009 read the 机关代字 of a number that has none
])
def test_fuzz_finding_lints_without_an_internal_error(text):
    assert [d for d in lint_text(text, "a.txt").diagnostics if d.rule == "LINT-001"] == []


def test_chinese_numerals_of_any_heading_number():
    assert [int_to_cn(n) for n in (1, 10, 11, 20, 99, 100, 105, 110, 222, 1001, 9999)] == \
        ["一", "十", "十一", "二十", "九十九", "一百", "一百零五", "一百一十", "二百二十二", "一千零一", "九千九百九十九"]
    assert int_to_cn(0) == "0" and int_to_cn(12345) == "12345"
