"""Applying the rules' fixes: rounds until nothing changes, never two overlapping edits at once.

Each round lints the current text, takes the fixes the run may apply (safe
ones; unsafe ones too with ``--unsafe-fixes``), drops every fix that overlaps
one already taken this round, and applies the rest from the end of the text
backwards.  The next round sees the result, so a fix that was crowded out gets
its turn.  A fix is kept only if the letter still reads with the same parts
afterwards; otherwise the round is undone and the fixing stops, with the rule
codes named.  Rounds are bounded: text that still changes after
``MAX_ROUNDS`` rounds is a bug in a rule, reported with its codes, never an
endless loop.

All edits are made on the stored text (``letterlint.writeback``), whose line
endings are the file's own, so nothing outside an edit changes.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from letterlint.diagnostic import Diagnostic, FileResult
from letterlint.writeback import line_starts, normalize

MAX_ROUNDS = 8


@dataclass
class Outcome:
    """What fixing one text did."""

    raw: str                                  # the fixed stored text
    applied: Counter = field(default_factory=Counter)   # rule code → fixes applied
    result: FileResult | None = None          # the diagnostics of the fixed text
    refused: str | None = None                # why nothing (more) was fixed, for the user
    unconverged: tuple[str, ...] = ()         # rule codes still changing the text at the bound

    @property
    def count(self) -> int:
        return sum(self.applied.values())


def wanted(d: Diagnostic, unsafe: bool) -> bool:
    return d.fix is not None and bool(d.fix.edits) and (unsafe or d.fix.applicability == "safe")


def _offsets(d: Diagnostic, starts: list[int], lengths: list[int]) -> list[tuple[int, int, str]] | None:
    """The fix's edits as (start, end, text) offsets in the stored text; None if one points outside it."""
    out = []
    for e in d.fix.edits:
        ends = []
        for line, col in ((e.line, e.column), (e.end_line, e.end_column)):
            if not (1 <= line <= len(starts)) or not (1 <= col <= lengths[line - 1] + 1):
                return None
            ends.append(starts[line - 1] + col - 1)
        if ends[1] < ends[0]:
            return None
        out.append((ends[0], ends[1], e.text))
    return out


def _clash(start: int, is_insert: bool, frontier: int, frontier_insert: bool) -> bool:
    """Whether an edit starting at ``start`` overlaps what was taken before it (ending at ``frontier``).

    Replacements may touch ([a, b) then [b, c)); an insertion clashes with
    anything at or around its point, so two edits at one place never race.
    """
    return start < frontier or (start == frontier and (is_insert or frontier_insert))


def plan(raw: str, diagnostics: list[Diagnostic], unsafe: bool, newline: str) -> tuple[str, Counter]:
    """One round: apply the wanted, mutually non-overlapping fixes to ``raw``."""
    new, applied, _ = plan_edits(raw, diagnostics, unsafe, newline)
    return new, applied


def plan_edits(raw: str, diagnostics: list[Diagnostic], unsafe: bool,
               newline: str) -> tuple[str, Counter, list[tuple[int, int, str]]]:
    """``plan``, also returning the edits taken as (start, end, text) offsets in ``raw``."""
    text_lines = normalize(raw).split("\n")
    starts = line_starts(raw)
    lengths = [len(line) for line in text_lines]
    candidates = []
    for i, d in enumerate(diagnostics):
        if wanted(d, unsafe):
            edits = _offsets(d, starts, lengths)
            if edits and not all(raw[s:e] == t for s, e, t in edits):  # a fix that changes nothing is none
                edits.sort(key=lambda x: (x[0], x[1]))
                candidates.append((edits[0][0], edits[0][1], i, edits))
    candidates.sort(key=lambda c: c[:3])
    # In text order, taking each fix whose edits all lie past the ones already taken: linear, and a
    # fix that lies between the edits of another (between 〔 and 〕) waits for the next round.
    taken: list[tuple[int, int, str]] = []
    applied: Counter = Counter()
    frontier, frontier_insert = -1, False
    for _, _, i, edits in candidates:
        f, f_ins, ok = frontier, frontier_insert, True
        for s, e, _ in edits:
            if _clash(s, s == e, f, f_ins):
                ok = False
                break
            f, f_ins = e, s == e
        if ok:
            taken.extend(edits)
            applied[diagnostics[i].rule] += 1
            frontier, frontier_insert = f, f_ins
    out, pos = [], 0
    for s, e, t in sorted(taken, key=lambda x: (x[0], x[1])):
        out += [raw[pos:s], t.replace("\n", newline)]
        pos = e
    out.append(raw[pos:])
    return "".join(out), applied, taken


def _shape(letter) -> list[tuple[str, int, int, bool]]:
    return [(p.kind, p.lines[0].number, p.lines[-1].number, p.misplaced) for p in letter.parts]


def too_broken(letter) -> str | None:
    """Why a letter is not safe to fix at all: its structure could put a fix in the wrong part."""
    parts = [p for p in letter.parts if p.kind != "other"]
    if not parts:
        return "没有识别出公文的任何组成部分"
    if not letter.has("title") and not letter.has("recipient") and not letter.has("date"):
        return "没有识别出标题、主送机关或成文日期"
    misplaced = sum(1 for p in letter.parts if p.misplaced)
    if misplaced * 2 > len(letter.parts):
        return f"{misplaced} 个组成部分位置不当，结构过于混乱"
    return None


def _lint(text: str, path: str, settings):
    """Check as ``lint.check_text`` does, keeping the parsed letter (its shape guards each round)."""
    from letterlint.lint import check_letter, read_letter

    letter, columns = read_letter(text, path)
    diags = check_letter(letter, settings)
    if columns is not None:  # a Markdown draft: diagnostics and edits in the .md file's columns
        diags = [columns.diagnostic(d) for d in diags]
    doctype = settings.doctype if settings and settings.doctype else letter.doctype
    return FileResult(path=path, diagnostics=diags, doctype=doctype, lines=text.split("\n")), letter


def fix_stored(raw: str, path: str, settings, *, unsafe: bool = False, newline: str = "\n",
               keep: Callable[[FileResult], None] | None = None, guard: bool = True) -> Outcome:
    """Fix ``raw`` (stored text) in rounds; ``keep`` drops suppressed diagnostics from a result in place.

    ``guard=False`` skips the "too broken to fix" test: for fragments such as
    the documentation's examples, which are not whole letters.
    """
    outcome = Outcome(raw)
    result, letter = _lint(normalize(raw), path, settings)
    if keep:
        keep(result)
    reason = too_broken(letter) if guard else None
    if reason is not None and any(wanted(d, unsafe) for d in result.diagnostics):
        outcome.result = result
        outcome.refused = f"{path}：{reason}，未自动修正"
        return outcome
    shape = _shape(letter)
    for _ in range(MAX_ROUNDS):
        new_raw, applied = plan(outcome.raw, result.diagnostics, unsafe, newline)
        if not applied:
            break
        new_result, new_letter = _lint(normalize(new_raw), path, settings)
        if keep:
            keep(new_result)
        if _shape(new_letter) != shape:
            codes = "、".join(sorted(applied))
            outcome.refused = f"{path}：{codes} 的修正会改变公文结构的识别，未应用"
            break
        outcome.raw, result = new_raw, new_result
        outcome.applied.update(applied)
    else:
        _, more = plan(outcome.raw, result.diagnostics, unsafe, newline)
        if more:
            outcome.unconverged = tuple(sorted(more))
    outcome.result = result
    return outcome


# --- one input, as the command line asks ------------------------------------------


@dataclass
class FileFix:
    """The outcome of ``--fix`` / ``--diff`` on one input, for the command line to report."""

    result: FileResult
    fixed: int = 0                 # fixes applied (or, with --diff, that would be)
    data: bytes | None = None      # the fixed bytes (stdin: written to stdout by the caller)
    diff: str = ""                 # unified diff, when asked for
    notes: list[str] = field(default_factory=list)   # messages for the user (stderr)
    failed: bool = False           # a write failed or the fixing did not converge: exit 2


def unified_diff(old: str, new: str, path: str) -> str:
    """A unified diff of two stored texts, each line with its own ending (difflib only when asked)."""
    import difflib

    from letterlint.writeback import split_lines

    lines = difflib.unified_diff(split_lines(old), split_lines(new), f"a/{path}", f"b/{path}")
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def fix_input(path: str, settings, *, data: bytes | None = None, encoding: str | None = None,
              unsafe: bool = False, write: bool = True, diff: bool = False,
              keep: Callable[[FileResult], None] | None = None) -> FileFix:
    """Fix one file (or, with ``data``, the bytes read from stdin); write back unless ``write`` is False."""
    from letterlint import writeback
    from letterlint.decode import InputError

    try:
        stored = writeback.from_bytes(data, path, encoding) if data is not None else writeback.read(path, encoding)
    except InputError as exc:
        return FileFix(FileResult(path=path, error=str(exc)))
    outcome = fix_stored(stored.raw, path, settings, unsafe=unsafe, newline=stored.source.newline, keep=keep)
    assert outcome.result is not None
    outcome.result.encoding = stored.source.encoding
    done = FileFix(outcome.result, outcome.count)
    if outcome.refused:
        done.notes.append(outcome.refused)
    if outcome.unconverged:
        done.notes.append(f"{path}：修正经过 {MAX_ROUNDS} 轮仍未稳定（规则 {'、'.join(outcome.unconverged)}），"
                          "这是 letterlint 的缺陷，请报告")
        done.failed = True
    if outcome.raw == stored.raw:
        done.data = stored.data if data is not None else None
        return done
    if diff:
        done.diff = unified_diff(stored.raw, outcome.raw, path)
    if data is not None:
        done.data = stored.encode(outcome.raw)
    elif write and not diff:
        try:
            writeback.write(stored, outcome.raw)
        except writeback.WriteError as exc:
            done.notes.append(str(exc))
            done.failed = True
            done.fixed = 0
            # Report what the file on disk still holds, not the fixed text that was not written.
            from letterlint.lint import check_path

            done.result = check_path(path, settings, encoding)
    return done
