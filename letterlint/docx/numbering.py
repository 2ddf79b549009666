"""Word's automatic numbering, resolved to the text the reader sees.

A heading's "一、" or "（一）" often is not in the text at all but comes from
numbering.xml: the paragraph's ``w:numPr`` (numId, ilvl) points to a ``w:num``,
which points to an ``w:abstractNum`` whose level gives the pattern
(``w:lvlText`` such as "%1、" or "（%2）"), the number format (``w:numFmt``:
chineseCounting, decimal, …) and the start value.  Counters run per list;
a deeper level restarts when a shallower one advances, and a ``w:num`` with
a ``w:startOverride`` starts its levels afresh.

What follows the number is part of what the reader sees: the level's
``w:suff`` is a tab (the default), a space or nothing, and the label carries
it as "\t", " " or "".  A .txt draft typed as Word shows it ("一、" then a
tab) reads the same, so the heading rules see one text whatever the source.
A bullet level (``numFmt`` bullet) shows its ``lvlText`` glyph; the glyphs
of the Symbol and Wingdings fonts (private-use code points) become the
Unicode characters they draw.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from letterlint.docx.package import w

VAL = w("val")
DIGITS = "零一二三四五六七八九"
UPPER_DIGITS = "零壹贰叁肆伍陆柒捌玖"
STEMS = "甲乙丙丁戊己庚辛壬癸"
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
SUFFIX = {"tab": "\t", "space": " ", "nothing": ""}
# Bullet glyphs of the symbol fonts Word offers in its bullet gallery (the code point
# Word stores is the font's private-use one, U+F000 + the font's byte); anything
# else private-use is shown as a plain bullet.
SYMBOL_BULLETS = {0xB7: "•", 0xA7: "▪", 0xD8: "➢", 0xFC: "✓", 0x6C: "●", 0x6E: "■", 0x71: "❑", 0x76: "❖",
                  0x75: "◆", 0xA8: "◆", 0x6F: "□", 0xE0: "→", 0xDE: "➔"}


def chinese_counting(n: int, digits: str = DIGITS, ten: str = "十") -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (as Word's chineseCounting)."""
    if n <= 0:
        return digits[0]
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + ten + (digits[ones] if ones else "")
    units = [(1000, "千"), (100, "百"), (10, ten)]
    out, zero = "", False
    for value, name in units:
        q, n = divmod(n, value)
        if q:
            if zero:
                out += digits[0]
                zero = False
            out += digits[q] + name
        elif out:
            zero = True
    if n:
        out += (digits[0] if zero or (out and not out.endswith(ten)) else "") + digits[n]
    return out


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _letters(n: int) -> str:
    n = max(n, 1)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def bullet_glyph(text: str) -> str:
    """The characters a bullet level shows: symbol-font private-use code points mapped to Unicode."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xF000 <= code <= 0xF0FF:
            out.append(SYMBOL_BULLETS.get(code - 0xF000, "•"))
        elif 0xE000 <= code <= 0xF8FF:
            out.append("•")
        else:
            out.append(ch)
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
               "japaneseCounting"):
        return chinese_counting(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return chinese_counting(n, UPPER_DIGITS, "拾")
    if fmt == "ideographDigital" or fmt == "taiwaneseDigital" or fmt == "japaneseDigitalTenThousand":
        return "".join(DIGITS[int(c)] if c != "0" else "〇" for c in str(n))
    if fmt in ("ideographTraditional",):
        return STEMS[(n - 1) % 10]
    if fmt in ("ideographZodiac",):
        return BRANCHES[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return CIRCLED[n - 1] if 1 <= n <= 20 else str(n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt in ("none", "bullet"):
        return ""
    return str(n)  # decimal and anything unknown


@dataclass
class Level:
    text: str = "%1."
    fmt: str = "decimal"
    start: int = 1
    restart: int | None = None   # w:lvlRestart: restart after this (1-based) level; None: after any shallower
    legal: bool = False          # w:isLgl: show every level in decimal
    suffix: str = "tab"
    ppr: dict = field(default_factory=dict)   # the level's paragraph properties (indents, tabs), as styles reads them
    rpr: dict = field(default_factory=dict)   # the level's run properties: the number's own format


@dataclass
class _List:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)       # level → start override
    level_defs: dict[int, Level] = field(default_factory=dict)   # w:lvlOverride/w:lvl


def _level(el) -> Level:
    lv = Level()
    t = el.find(w("lvlText"))
    if t is not None:
        lv.text = t.get(VAL, "")
    f = el.find(w("numFmt"))
    if f is not None:
        lv.fmt = f.get(VAL, "decimal")
    s = el.find(w("start"))
    if s is not None and (s.get(VAL) or "").lstrip("-").isdigit():
        lv.start = int(s.get(VAL))
    r = el.find(w("lvlRestart"))
    if r is not None and (r.get(VAL) or "").isdigit():
        lv.restart = int(r.get(VAL))
    lv.legal = el.find(w("isLgl")) is not None
    sf = el.find(w("suff"))
    if sf is not None:
        lv.suffix = sf.get(VAL, "tab")
    from letterlint.docx.styles import _ppr_dict, _rpr_dict

    lv.ppr = _ppr_dict(el.find(w("pPr")))
    lv.rpr = _rpr_dict(el.find(w("rPr")))
    return lv


class Numbering:
    """The lists of one document; ``label(numId, ilvl)`` advances the counters and returns the text."""

    def __init__(self, root):
        self.abstract: dict[str, dict[int, Level]] = {}
        self.links: dict[str, str] = {}   # abstractNum with numStyleLink → the style's list
        self.lists: dict[str, _List] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        styled: dict[str, str] = {}   # list style → the abstractNum that defines it
        for an in root.iter(w("abstractNum")):
            aid = an.get(w("abstractNumId"), "")
            levels = {}
            for lvl in an.iter(w("lvl")):
                ilvl = lvl.get(w("ilvl"), "0")
                if ilvl.isdigit():
                    levels[int(ilvl)] = _level(lvl)
            self.abstract[aid] = levels
            link = an.find(w("numStyleLink"))
            if link is not None:
                self.links[aid] = link.get(VAL, "")
            style = an.find(w("styleLink"))
            if style is not None:
                styled[style.get(VAL, "")] = aid
        # A list made from a list style (numStyleLink) has no levels of its own: they are those
        # of the list that defines the style (styleLink with the same style).
        for aid, style_name in self.links.items():
            if not self.abstract.get(aid) and styled.get(style_name) not in (None, aid):
                self.abstract[aid] = self.abstract[styled[style_name]]
        for num in root.iter(w("num")):
            nid = num.get(w("numId"), "")
            ref = num.find(w("abstractNumId"))
            lst = _List(ref.get(VAL, "") if ref is not None else "")
            for ov in num.iter(w("lvlOverride")):
                ilvl = ov.get(w("ilvl"), "0")
                if not ilvl.isdigit():
                    continue
                so = ov.find(w("startOverride"))
                if so is not None and (so.get(VAL) or "").isdigit():
                    lst.overrides[int(ilvl)] = int(so.get(VAL))
                lvl = ov.find(w("lvl"))
                if lvl is not None:
                    lst.level_defs[int(ilvl)] = _level(lvl)
            self.lists[nid] = lst

    def _levels(self, lst: _List) -> dict[int, Level]:
        levels = dict(self.abstract.get(lst.abstract, {}))
        levels.update(lst.level_defs)
        return levels

    def level(self, num_id: str | None, ilvl: str | None) -> Level | None:
        """The level definition a paragraph in this list at this level uses (counters untouched)."""
        if not num_id or num_id == "0" or num_id not in self.lists:
            return None
        return self._levels(self.lists[num_id]).get(int(ilvl) if ilvl and ilvl.isdigit() else 0)

    def label(self, num_id: str | None, ilvl: str | None) -> str | None:
        """The label shown for a paragraph in this list at this level, with its suffix (tab, space or
        nothing), counters advanced; None if none."""
        if not num_id or num_id == "0" or num_id not in self.lists:
            return None
        lst = self.lists[num_id]
        levels = self._levels(lst)
        level = int(ilvl) if ilvl and ilvl.isdigit() else 0
        if level not in levels:
            return None
        # Counters are shared by every w:num of the same abstract list, unless a w:num overrides
        # the start: then it is a list of its own that starts afresh.
        key = num_id if lst.overrides else lst.abstract
        counts = self.counters.setdefault(key, [None] * 10)
        if level >= len(counts):
            return None
        if counts[level] is None:
            counts[level] = lst.overrides.get(level, levels[level].start)
        else:
            counts[level] += 1
        for deeper in range(level + 1, len(counts)):
            lv = levels.get(deeper)
            # w:lvlRestart N: restart when level N (1-based) or a shallower one advances; 0: never.
            if lv is None or lv.restart is None or (lv.restart != 0 and level + 1 <= lv.restart):
                counts[deeper] = None
        shown = levels[level]
        out = []
        i = 0
        text = shown.text
        while i < len(text):
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                ref = int(text[i + 1]) - 1
                lv = levels.get(ref)
                value = counts[ref] if 0 <= ref < len(counts) and counts[ref] is not None else (lv.start if lv else 1)
                fmt = "decimal" if shown.legal and lv is not None and lv.fmt != "none" else (lv.fmt if lv else "decimal")
                out.append(format_number(value, fmt))
                i += 2
                continue
            out.append(ch)
            i += 1
        label = bullet_glyph(shown.text) if shown.fmt == "bullet" else "".join(out)
        if not label:
            return None   # nothing shown (lvlText ""): no number, and no gap worth reading as text
        return label + SUFFIX.get(shown.suffix, "\t")
