"""``python -m letterlint.rules`` writes ``letterlint/rules/_index.py``, the index of the built-in rules."""
from letterlint import rules

with open(rules.INDEX_MODULE, "w", encoding="utf-8") as out:
    out.write(rules.index_source())
print(f"{rules.INDEX_MODULE}: {len(rules.decorated_rules())} rules")
