"""``python -m letterlint.rules`` writes what a run reads instead of working it out: the index of the
built-in rules (``letterlint/rules/_index.py``) and that of the lexicon (``letterlint/data/lexicon_index.marshal``)."""
from letterlint import rules
from letterlint.rules import lexicon

with open(rules.INDEX_MODULE, "w", encoding="utf-8") as out:
    out.write(rules.index_source())
print(f"{rules.INDEX_MODULE}: {len(rules.decorated_rules())} rules")
with open(lexicon.INDEX_FILE, "wb") as out:
    out.write(lexicon.index_bytes())
print(f"{lexicon.INDEX_FILE}: {len(lexicon.builtin_ids())} entries")
