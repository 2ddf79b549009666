"""Resolved formatting: what Word actually shows for a run or a paragraph.

Word resolves a property by looking, in order, at the run's own properties,
its character style, the paragraph's style and the styles it is based on, the
document defaults, and for fonts the theme.  For Chinese text the East Asian
font (``w:eastAsia`` / ``w:eastAsiaTheme``) is the one that counts; the ASCII
font applies to Latin letters and digits.
"""
from __future__ import annotations

from dataclasses import dataclass

from letterlint.docx.package import A, Package, w

VAL = w("val")
# Run properties read, by element name → key.
_RUN_FLAGS = {"b": "bold", "i": "italic", "vanish": "hidden", "specVanish": "hidden", "strike": "strike"}
_PARA_KEYS = ("jc", "ind", "numPr", "spacing", "pageBreakBefore", "pBdr", "outlineLvl", "snapToGrid", "tabs", "framePr")


@dataclass(frozen=True)
class RunFormat:
    """A run's resolved look: East Asian and ASCII font, size in points, colour (hex or None), flags."""

    east_asia: str | None
    ascii: str | None
    size: float
    color: str | None      # "FF0000"; None for automatic (black)
    bold: bool = False
    hidden: bool = False

    @property
    def font(self) -> str | None:
        """The font Chinese characters are set in: the East Asian one first."""
        return self.east_asia or self.ascii


def _on(el) -> bool:
    v = el.get(VAL)
    return v is None or v.lower() not in ("0", "false", "off", "none")


def _rpr_dict(rpr) -> dict:
    """The properties a ``w:rPr`` sets, as a flat dict (only what it sets)."""
    out: dict = {}
    if rpr is None:
        return out
    for child in rpr:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "rFonts":
            theme = child.get(w("eastAsiaTheme"))
            if theme:
                out["ea"] = ("theme", theme)
            elif child.get(w("eastAsia")):
                out["ea"] = ("font", child.get(w("eastAsia")))
            theme = child.get(w("asciiTheme"))
            if theme:
                out["ascii"] = ("theme", theme)
            elif child.get(w("ascii")):
                out["ascii"] = ("font", child.get(w("ascii")))
        elif tag == "sz" and child.get(VAL, "").isdigit():
            out["sz"] = int(child.get(VAL))
        elif tag == "color":
            out["color"] = (child.get(VAL) or "auto", child.get(w("themeColor")))
        elif tag in _RUN_FLAGS:
            out[_RUN_FLAGS[tag]] = _on(child)
        elif tag == "rStyle":
            out["rStyle"] = child.get(VAL)
    return out


def _ppr_dict(ppr) -> dict:
    out: dict = {}
    if ppr is None:
        return out
    for child in ppr:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "ind":
            # Attributes merge one by one: a style sets firstLineChars, the paragraph its left indent.
            out["ind"] = {k.rsplit("}", 1)[-1]: v for k, v in child.attrib.items()}
        elif tag == "spacing":
            out["spacing"] = {k.rsplit("}", 1)[-1]: v for k, v in child.attrib.items()}
        elif tag == "jc":
            out["jc"] = child.get(VAL)
        elif tag == "numPr":
            ilvl = child.find(w("ilvl"))
            num = child.find(w("numId"))
            out["numPr"] = (num.get(VAL) if num is not None else None, ilvl.get(VAL) if ilvl is not None else None)
        elif tag == "pageBreakBefore":
            out["pageBreakBefore"] = _on(child)
        elif tag == "pBdr":
            out["pBdr"] = child
        elif tag == "outlineLvl":
            out["outlineLvl"] = child.get(VAL)
        elif tag == "pStyle":
            out["pStyle"] = child.get(VAL)
        elif tag == "snapToGrid":
            out["snapToGrid"] = _on(child)
        elif tag == "framePr":
            out["framePr"] = {k.rsplit("}", 1)[-1]: v for k, v in child.attrib.items()}
        elif tag == "tabs":
            out["tabs"] = [(t.get(VAL), t.get(w("pos"))) for t in child if t.tag == w("tab")]
    return out


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        if k == "ind" and k in out:
            base = dict(out[k])
            # A first-line indent and a hanging one exclude each other: the later setting replaces the earlier.
            if {"firstLine", "firstLineChars"} & v.keys():
                base = {a: b for a, b in base.items() if not a.startswith("hanging")}
            if {"hanging", "hangingChars"} & v.keys():
                base = {a: b for a, b in base.items() if not a.startswith("firstLine")}
            out[k] = {**base, **v}
        elif k in ("ind", "spacing") and k in out:
            out[k] = {**out[k], **v}
        elif k == "numPr" and k in out:
            num = v[0] if v[0] is not None else out[k][0]
            lvl = v[1] if v[1] is not None else out[k][1]
            out[k] = (num, lvl)
        else:
            out[k] = v
    return out


class Styles:
    """styles.xml and the theme fonts of one package, with resolved chains cached."""

    def __init__(self, pkg: Package, main: str):
        root = pkg.xml(pkg.related(main, "styles") or "word/styles.xml")
        theme_part = pkg.related(main, "theme")
        self.theme_fonts = _theme_fonts(pkg.xml(theme_part) if theme_part else None)
        self.theme_colors = _theme_colors(pkg.xml(theme_part) if theme_part else None)
        self.styles: dict[str, tuple[str, str | None, dict, dict]] = {}
        self.default_para: str | None = None
        self.default_char: str | None = None
        self.default_rpr: dict = {}
        self.default_ppr: dict = {}
        if root is not None:
            defaults = root.find(w("docDefaults"))
            if defaults is not None:
                self.default_rpr = _rpr_dict(defaults.find(f"{w('rPrDefault')}/{w('rPr')}"))
                self.default_ppr = _ppr_dict(defaults.find(f"{w('pPrDefault')}/{w('pPr')}"))
            for st in root.iter(w("style")):
                sid = st.get(w("styleId"), "")
                based = st.find(w("basedOn"))
                kind = st.get(w("type"), "paragraph")
                self.styles[sid] = (kind, based.get(VAL) if based is not None else None,
                                    _ppr_dict(st.find(w("pPr"))), _rpr_dict(st.find(w("rPr"))))
                if st.get(w("default")) in ("1", "true", "on"):
                    if kind == "paragraph":
                        self.default_para = sid
                    elif kind == "character":
                        self.default_char = sid
        self._chains: dict = {}

    def _chain(self, sid: str | None, which: int) -> dict:
        """Merged pPr (which=2) or rPr (which=3) of a style and its based-on chain."""
        key = (sid, which)
        if key in self._chains:
            return self._chains[key]
        seen: list[str] = []
        cur = sid
        while cur and cur in self.styles and cur not in seen and len(seen) < 50:
            seen.append(cur)
            cur = self.styles[cur][1]
        out: dict = {}
        for s in reversed(seen):
            out = _merge(out, self.styles[s][which])
        self._chains[key] = out
        return out

    def paragraph(self, ppr_el, numbering: dict | None = None) -> tuple[dict, dict]:
        """(resolved paragraph properties, the paragraph style's run properties) for a ``w:pPr``.

        ``numbering`` is the paragraph properties of its list level: Word sets
        them over the paragraph style's and under the paragraph's own (a list's
        indents win over the style's, a direct indent over the list's).
        """
        direct = _ppr_dict(ppr_el)
        sid = direct.get("pStyle") or self.default_para
        ppr = _merge(_merge(self.default_ppr, self._chain(sid, 2)), direct)
        if numbering:
            ppr = _merge(_merge(_merge(self.default_ppr, self._chain(sid, 2)), numbering), direct)
        ppr["style"] = sid
        rpr = _merge(self.default_rpr, self._chain(sid, 3))
        return ppr, rpr

    def run(self, para_rpr: dict, rpr_el, over: dict | None = None) -> RunFormat:
        """The format of a run with properties ``rpr_el`` in a paragraph whose style gives ``para_rpr``;
        ``over`` (a list level's run properties, for the number) goes on top."""
        direct = _rpr_dict(rpr_el)
        char_style = direct.get("rStyle") or self.default_char
        merged = _merge(_merge(para_rpr, self._chain(char_style, 3)), direct)
        if over:
            merged = _merge(merged, over)
        return self.format(merged)

    def format(self, merged: dict) -> RunFormat:
        color = merged.get("color")
        hexval = None
        if color:
            val, theme = color
            if theme and theme in self.theme_colors:
                val = self.theme_colors[theme]
            hexval = None if (val or "auto").lower() == "auto" else val.upper()
        return RunFormat(east_asia=self._font(merged.get("ea")), ascii=self._font(merged.get("ascii")),
                         size=merged.get("sz", 20) / 2, color=hexval,
                         bold=bool(merged.get("bold")), hidden=bool(merged.get("hidden")))

    def _font(self, spec) -> str | None:
        if not spec:
            return None
        kind, name = spec
        if kind == "font":
            return name
        major = name.startswith("major")
        script = "ea" if "EastAsia" in name else "latin"
        return self.theme_fonts.get(("major" if major else "minor", script)) or None


def _theme_fonts(theme) -> dict:
    out: dict = {}
    if theme is None:
        return out
    for which in ("major", "minor"):
        font = theme.find(f".//{{{A}}}{which}Font")
        if font is None:
            continue
        latin = font.find(f"{{{A}}}latin")
        if latin is not None and latin.get("typeface"):
            out[(which, "latin")] = latin.get("typeface")
        ea = font.find(f"{{{A}}}ea")
        if ea is not None and ea.get("typeface"):
            out[(which, "ea")] = ea.get("typeface")
        else:  # an empty <a:ea typeface=""/> defers to the script table: Hans is simplified Chinese
            for f in font.iter(f"{{{A}}}font"):
                if f.get("script") == "Hans":
                    out[(which, "ea")] = f.get("typeface")
    return out


_THEME_COLOR_NAMES = {"dk1": ("text1", "dark1"), "lt1": ("background1", "light1"), "dk2": ("text2", "dark2"),
                      "lt2": ("background2", "light2")}


def _theme_colors(theme) -> dict:
    out: dict = {}
    if theme is None:
        return out
    scheme = theme.find(f".//{{{A}}}clrScheme")
    if scheme is None:
        return out
    for slot in scheme:
        name = slot.tag.rsplit("}", 1)[-1]
        val = None
        for c in slot:
            val = c.get("val") if c.tag.endswith("srgbClr") else c.get("lastClr") or ("000000" if name == "dk1" else None)
        if val:
            for alias in (name, *_THEME_COLOR_NAMES.get(name, ())):
                out[alias] = val
    return out
