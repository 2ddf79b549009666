"""Lines → candidate readings → the grammar's choice → the document model.

The classifier (``classify.py``) gives each line (or wrapped group of lines)
the kinds its evidence allows, each with a strength: a labelled line, a full
发文字号, a complete date are strong; a short organ name or a title-like line
is weak; plain text is the fallback.  The grammar (``grammar/letter.lark``,
run by ``lalr.py``) is the only statement of the order of the parts, and it
picks the reading: over the whole letter, the sequence of choices that it
accepts at the least cost (a Viterbi search over parser configurations; the
grammar is regular, so there are only a few of them at any line).  Choosing a
weaker candidate costs a little, leaving a unit out of the parse as misplaced
costs much more, and a strong candidate is never demoted to text: if the
grammar rejects it where it stands, it is a misplaced part (STRUCT-001), and
the rest of the letter is read as if it were not there.
"""
from __future__ import annotations

from letterlint import doctypes
from letterlint.classify import FALLBACK, STRONG, WEAK, Unit, classify, mark_closing
from letterlint.lalr import END, Automaton, Tables, load_tables
from letterlint.memo import once
from letterlint.record import Record
from letterlint.model import HEADING_KINDS, PART_NAMES, Letter, Line, Misplacement, Part

SECTION_OF = {"header": "版头", "title_part": "主体", "recipient": "主体", "body": "主体",
              "signature_part": "主体", "attachments": "附件", "record": "版记"}

# The price of a reading: choosing a candidate weaker than the line's best
# costs the difference; a unit the grammar cannot place costs MISPLACED.  The
# small term per line prefers, between equally costly readings, the one that
# blames the earlier part (a date above its 署名 is the date out of place).
_COST = {STRONG: 0.0, WEAK: 1.0, FALLBACK: 2.0}
MISPLACED = 10.0
_EARLIER = 1e-6
# Between two parts either of which may be the one out of place, the part that
# GB/T 9704 places (署名, 成文日期, …) keeps its place and the local mark (a
# contact or sign-off line, which the standard does not place) is blamed.
_STANDARD_PART = 1e-3
_LOCAL_MARKS = frozenset({"contact", "signoff"})
_BEAM = 2 * MISPLACED
# A candidate for a part the standard does not have, offered beside one it has (a heading naming the
# 建议/提案 at the top, beside the title), yields to it where both readings fit: a letter whose only
# heading is that one has it as its title.
_YIELDING = frozenset({"case_heading"})


@once
def tables() -> Tables:
    """The LALR tables of the letter grammar (loaded once per process)."""
    return load_tables()


def split_lines(text: str) -> list[Line]:
    return [Line(i + 1, t) for i, t in enumerate(text.split("\n"))]


@once
def _automaton() -> Automaton:
    return Automaton(tables())


_TERMINAL = {kind: kind.upper() for kind in PART_NAMES}


def _terminal(unit: Unit) -> str:
    """The grammar's name for a candidate: its kind, unless it stands for it in a place of its own (TITLE_DATE)."""
    return unit.terminal or _TERMINAL[unit.kind]


def _priced(cands: list[Unit]) -> list[tuple[Unit, str, float]]:
    """The candidates the reading may choose at one line, with their price: never text instead of strong evidence.

    Choosing a candidate weaker than the line's best costs the difference;
    between candidates of equal strength, the earlier one is preferred.
    """
    top = FALLBACK
    for c in cands:
        if c.strength > top:
            top = c.strength
    options = [c for c in cands if c.strength == top] if top == STRONG else cands
    base = _COST[top]
    priced = []
    for rank, c in enumerate(options):
        price = _COST[c.strength] - base + _RANK * rank
        if c.kind in _YIELDING:
            price += _STANDARD_PART
        priced.append((c, c.terminal or _TERMINAL[c.kind], price))  # _terminal(c), inlined: the search's inner loop
    return priced


class Reading(Record):
    """The grammar's choice over a letter: per step, the candidates at its first line and the one chosen.

    ``chosen[k]`` is None where the unit ``placed[k]`` was left out as
    misplaced; ``configs[k]`` is the parser configuration before step ``k``
    (and after the last), from which the messages about misplaced parts are worded.
    """

    candidates: list
    chosen: list
    placed: list
    configs: list
    _fields = ("candidates", "chosen", "placed", "configs")

    def __init__(self, candidates, chosen, placed, configs):
        self.candidates, self.chosen, self.placed, self.configs = candidates, chosen, placed, configs


def read(lattice: list[list[Unit]]) -> Reading:
    """The cheapest reading the grammar accepts: the plain one when it costs nothing, else the search's."""
    return _free_reading(lattice) or _search(lattice)


def _free_reading(lattice: list[list[Unit]]) -> Reading | None:
    """The reading that takes the first candidate at every step, if the grammar accepts it at no price.

    Every price is positive but the first candidate's, so a reading that costs
    nothing is the only one that does, and the search would choose it too:
    most letters are read so, without a search.
    """
    auto = _automaton()
    trans, move = auto.trans, auto.next
    n = len(lattice)
    cid, flags, pos = auto.number((auto.tables.start,)), 0, 0
    candidates, chosen, configs = [], [], []
    while pos < n:
        cands = lattice[pos]
        top = cands[0]
        if top.kind in _YIELDING:
            return None
        if top.strength != STRONG:  # a strong first candidate is the strongest (the common case)
            for c in cands:
                if c.strength > top.strength:
                    return None
        terminal = top.terminal or _TERMINAL[top.kind]  # _terminal(top), inlined: once per line of every letter
        if flags == _SIGNED and terminal in _DOCUMENT:
            return None
        after = trans[cid].get(terminal)
        if after is None:
            after = move(cid, terminal)
        if after < 0:
            return None
        candidates.append(cands)
        chosen.append(top)
        configs.append(auto.configs[cid])
        cid, flags, pos = after, flags | _FLAGS.get(terminal, 0), pos + len(top.lines)
    if auto.step(auto.configs[cid], END) is None:
        return None
    configs.append(auto.configs[cid])
    return Reading(candidates, chosen, list(chosen), configs)


def _search(lattice: list[list[Unit]]) -> Reading:
    """The cheapest reading the grammar accepts, as a search over lines and parser configurations.

    A Viterbi search: at each line, every configuration still alive tries
    every candidate that starts there, and moves on past its lines.  Linear in
    the number of lines: the grammar has only a handful of configurations
    alive at any line, and the moves between them are memoised.  The state
    also remembers whether a 署名, a 成文日期 or an 附件 label was read (``_FLAGS``).
    """
    auto = _automaton()
    trans, move = auto.trans, auto.next
    n = len(lattice)
    start = auto.number((auto.tables.start,)) * 4
    frontier: list[dict[int, tuple[float, int]]] = [{} for _ in range(n + 1)]
    frontier[0][start] = (0.0, -1)
    # (back-pointer, line, configuration key before, choice or None, the unit left out)
    trail: list[tuple[int, int, int, Unit | None, Unit | None]] = []
    append = trail.append
    for pos in range(n):
        alive = frontier[pos]
        if not alive:
            continue
        if len(alive) > 4:
            floor = min(alive.values())[0] + _BEAM
            alive = {k: v for k, v in alive.items() if v[0] <= floor}
        priced = _priced(lattice[pos])
        top = priced[0][0]
        skip = MISPLACED + _EARLIER * pos + (0.0 if top.kind in _LOCAL_MARKS else _STANDARD_PART)
        skip_to = frontier[pos + len(top.lines)]
        for key, (cost, back) in alive.items():
            cid, flags = key >> 2, key & 3
            moves = trans[cid]
            for cand, terminal, price in priced:
                after = moves.get(terminal)
                if after is None:
                    after = move(cid, terminal)
                if after < 0:
                    continue
                if flags == _SIGNED and terminal in _DOCUMENT:
                    price += _UNDATED_ATTACHMENT
                nkey = after * 4 + (flags | _FLAGS.get(terminal, 0))
                c = cost + price
                target = frontier[pos + len(cand.lines)]
                old = target.get(nkey)
                if old is None or c < old[0]:
                    append((back, pos, key, cand, None))
                    target[nkey] = (c, len(trail) - 1)
            c = cost + skip
            old = skip_to.get(key)
            if old is None or c < old[0]:
                append((back, pos, key, None, top))
                skip_to[key] = (c, len(trail) - 1)
    step = auto.step
    last = frontier[n]
    ends = [(cost, back, key) for key, (cost, back) in last.items() if step(auto.configs[key >> 2], END) is not None]
    if not ends:
        ends = [(cost, back, key) for key, (cost, back) in last.items()]
    cost, back, key = min(ends, key=lambda e: e[0])
    candidates, chosen, placed, configs = [], [], [], [auto.configs[key >> 2]]
    while back >= 0:
        back, pos, before, choice, skipped = trail[back]
        candidates.append(lattice[pos])
        chosen.append(choice)
        placed.append(choice if choice is not None else skipped)
        configs.append(auto.configs[before >> 2])
    for seq in (candidates, chosen, placed, configs):
        seq.reverse()
    return Reading(candidates, chosen, placed, configs)


# What the search remembers of the reading so far besides the configuration: a 署名 was read
# (SIGNED), and a 成文日期 or an 附件 label (BELOW: what follows is an attachment's).  Below a 署名
# with neither, the lines of a document (text, a title, a 主送…) are read as an attachment only at a
# price: they are more likely the letter's own text around a part out of place.
_SIGNED, _BELOW = 1, 2
_FLAGS = {"SIGNATURE": _SIGNED, "DATE": _SIGNED | _BELOW, "ATTACHMENT": _SIGNED | _BELOW}
_DOCUMENT = frozenset({"ATTACHMENT_TEXT", "TITLE", "RECIPIENT", "DOC_NUMBER", "SIGNER", "ATTACHMENT_NOTE",
                       "HEADING1", "HEADING2", "HEADING3", "HEADING4"})
_UNDATED_ATTACHMENT = 2.0
_RANK = 1e-4


# Parts of the document an attachment carries (grammar: _attachment_item), read as its text.
_ATTACHED = frozenset({"title", "doc_number", "signer", "recipient", "attachment_note", "contact", "signoff",
                       "signature", "date", "note"})


def _name(kind: str) -> str:
    """A part's name in a message about order: headings are 正文 there."""
    return PART_NAMES["paragraph" if kind in HEADING_KINDS else kind]


_ATTACHMENT_KINDS = frozenset(("attachment", "attachment_text"))


class _Placer:
    """Words where the grammar would have a misplaced part: the nearest place that keeps the rest of the reading.

    Trying a place replays the chosen units after it until the replay meets
    the chosen reading again (or fails); a budget per letter keeps this
    linear on hostile input, after which the first place the part alone would
    be accepted is named.
    """

    def __init__(self, chosen: list[Unit | None], configs: list[tuple[int, ...]]):
        self.auto, self.chosen, self.configs = _automaton(), chosen, configs
        self.budget = 20_000

    def _fits(self, j: int, terminal: str) -> bool:
        """Would the reading still hold with ``terminal`` inserted before unit ``j``?"""
        auto, chosen, configs = self.auto, self.chosen, self.configs
        config = auto.step(configs[j], terminal)
        if config is None:
            return False
        if self.budget <= 0:
            return True
        for k in range(j, len(chosen)):
            if chosen[k] is None:
                continue
            self.budget -= 1
            config = auto.step(config, _terminal(chosen[k]))
            if config is None:
                return False
            if config == configs[k + 1]:
                return True
        return auto.step(config, END) is not None

    def message(self, index: int, unit: Unit) -> str:
        chosen, n = self.chosen, len(self.chosen)
        terminal = _terminal(unit)
        name = PART_NAMES[unit.kind]
        # configs[index + 1] is configs[index]: the part was left out there.
        after = next((j for j in range(index + 2, n + 1) if self._fits(j, terminal)), None)
        if after is not None:  # most parts out of place belong further down
            prev = next((chosen[k] for k in range(after - 1, -1, -1) if chosen[k] is not None), None)
            # Below a 附件 label a part belongs to the attachment: no place for the letter's own part.
            inside_attachment = prev is not None and prev.kind in _ATTACHMENT_KINDS \
                and unit.kind not in _ATTACHMENT_KINDS
            if prev is not None and prev.kind != unit.kind and not inside_attachment:
                return f"{name}应位于{_name(prev.kind)}之后"
        before = next((j for j in range(index - 1, -1, -1) if self._fits(j, terminal)), None)
        if before is not None:
            nxt = next((chosen[k] for k in range(before, n) if chosen[k] is not None), None)
            if nxt is not None and nxt.kind != unit.kind:
                return f"{name}应位于{_name(nxt.kind)}之前"
        prev = next((chosen[k] for k in range(index - 1, -1, -1) if chosen[k] is not None), None)
        if prev is not None and prev.kind == unit.kind:
            return f"{name}重复出现"
        return f"{name}位置不当"


def parse_lines(lines: list[Line], path: str = "<stdin>") -> Letter:
    reading = read(classify(lines))
    chosen = reading.chosen

    # The part of the start rule each chosen unit is in: the sections.
    fed = [index for index, choice in enumerate(chosen) if choice is not None]
    names = _automaton().sections([_terminal(chosen[index]) for index in fed])
    sections: dict[int, str] = {}
    if names is not None:
        for index, name in zip(fed, names):
            sections[index] = SECTION_OF.get(name, "")
    mark_closing([u for k, u in enumerate(chosen) if u is not None and sections.get(k) == "主体"])

    parts: list[Part] = []
    misplacements: list[Misplacement] = []
    steps: list[tuple[list[Unit], Unit, bool]] = []
    placer = _Placer(chosen, reading.configs)
    for index, placed in enumerate(reading.placed):
        choice = chosen[index]
        if placed.kind in _ATTACHED and sections.get(index) == "附件":
            # The attached document's own title, 署名, date…: text of the attachment, not the letter's parts.
            placed = Unit("attachment_text", placed.lines, strength=placed.strength,
                          evidence=f"附件中的{PART_NAMES[placed.kind]}")
        primary = placed.part()  # its fields are a copy: the span of a part of a line is taken out of them
        if "start" in primary.fields:
            primary.start = primary.fields.pop("start")
            primary.end = primary.fields.pop("end")
        section, misplaced = sections.get(index, ""), choice is None
        for part in (primary, *placed.extra):
            part.section = section
            part.misplaced = misplaced
            parts.append(part)
        if choice is None:
            prev = next((chosen[k] for k in range(index - 1, -1, -1) if chosen[k] is not None), None)
            after = next((chosen[k] for k in range(index + 1, len(chosen)) if chosen[k] is not None), None)
            twin = any(u is not None and u.kind == placed.kind for u in (prev, after))
            misplacements.append(Misplacement(primary, placer.message(index, placed), duplicate=twin))
        steps.append((reading.candidates[index], placed, choice is None))
    parts.sort(key=lambda p: (p.lines[0].number, p.start or 0))

    letter = Letter(lines=lines, parts=parts, misplacements=misplacements, path=path, reading=steps)
    letter.doctype = infer_doctype(letter)
    return letter


def explain(letter: Letter) -> list[dict]:
    """How each unit was read (``structure --why``): lines, kind, evidence, misplaced, the candidates that lost."""
    return [{"lines": [ln.number for ln in placed.lines], "kind": placed.kind, "evidence": placed.evidence,
             "misplaced": misplaced,
             "lost": [(c.kind, c.evidence) for c in candidates if c.kind != placed.kind or c.lines != placed.lines]}
            for candidates, placed, misplaced in letter.reading]


def infer_doctype(letter: Letter) -> str:
    title = letter.first("title")
    recipient = letter.first("recipient")
    body = letter.body
    # The first and last paragraphs carry the formulas that tell the kind.
    opening = " ".join(p.text for p in body[:2] + body[-2:])
    named = title.text if title else None
    mark = letter.first("org_mark") if title is None else None
    if mark is not None and doctypes.title_doctype(mark.text) == "order":
        named = mark.text  # a 令 has no title: its 发文机关标志 (……令) names the kind (GB/T 9704 10.3)
    return doctypes.infer(named, recipient.text if recipient else None,
                          letter.has("answer_class"), opening)


def parse_text(text: str, path: str = "<stdin>") -> Letter:
    return parse_lines(split_lines(text), path)
