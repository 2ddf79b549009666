"""Measure fixing on a folder of letters (e.g. ../shared/corpus); nothing in it is changed.

For each letter: how many problems letterlint reports, how many carry a fix,
how many of those are safe; then the letters are copied to a scratch folder,
fixed there (safe tier, then safe + unsafe), and re-read: the parts found in
each fixed copy (kinds and lines) must be those of the original.  Prints one
SUMMARY line per tier.  The fixed copies are kept for parts-check.py (--keep).

    python tools/fix-stats.py ../shared/corpus [--keep DIR]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

from letterlint.fix import fix_input
from letterlint.lint import Settings, lint_path
from letterlint.parse import parse_text
from letterlint.writeback import read


def shape(path: Path):
    letter = parse_text(read(str(path)).source.text, str(path))
    return [(p.kind, p.lines[0].number, p.lines[-1].number) for p in letter.parts]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--keep", help="leave the safely fixed copies (and the corpus's other files) here")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    letters = sorted(corpus.glob("*.txt"))
    settings = Settings()
    problems, fixable, safe = 0, Counter(), Counter()
    for path in letters:
        result = lint_path(path, settings)
        problems += len(result.diagnostics)
        for d in result.diagnostics:
            if d.fix is not None:
                fixable[d.rule] += 1
                if d.fix.applicability == "safe":
                    safe[d.rule] += 1
    print(f"problems {problems}; with a fix {sum(fixable.values())}; safe {sum(safe.values())}")
    print("  fixable by rule: " + ", ".join(f"{k} {v}" for k, v in sorted(fixable.items())))
    for tier, unsafe in (("safe", False), ("safe+unsafe", True)):
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp) / "corpus"
            shutil.copytree(corpus, work)
            applied, changed, same_parts, refused, left, failed = 0, 0, 0, [], 0, []
            new_diags = 0
            for path in letters:
                copy = work / path.name
                before = shape(copy)
                seen = {(d.rule, d.line) for d in lint_path(copy, settings).diagnostics}
                done = fix_input(str(copy), settings, unsafe=unsafe)
                for d in done.result.diagnostics:
                    if (d.rule, d.line) not in seen:
                        new_diags += 1
                        failed.append(f"{path.name}:{d.line} new {d.rule}")
                applied += done.fixed
                changed += bool(done.fixed)
                left += len(done.result.diagnostics)
                refused += done.notes
                if shape(copy) == before:
                    same_parts += 1
                else:
                    failed.append(path.name)
                if done.fixed and fix_input(str(copy), settings, unsafe=unsafe, write=False).fixed:
                    failed.append(f"{path.name} (not idempotent)")
            print(f"SUMMARY {tier}: fixes applied {applied} in {changed}/{len(letters)} letters; "
                  f"problems left {left} of {problems}; same parts after fixing {same_parts}/{len(letters)}; "
                  f"new diagnostics {new_diags}; refused/notes {len(refused)}")
            for note in refused:
                print(f"  note: {note}")
            for name in failed:
                print(f"  CHANGED PARTS: {name}")
            if args.keep and not unsafe:
                shutil.rmtree(args.keep, ignore_errors=True)
                shutil.copytree(work, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
