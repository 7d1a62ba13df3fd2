"""Style, numbering and theme resolution for the DOCX reader.

Word stores little on a paragraph itself: its heading level, list label, font
and spacing mostly come from the style's ``basedOn`` chain, the numbering
definitions and the document defaults. This module resolves those once per
style (python-docx's style objects cost about half a millisecond per lookup,
too slow to ask for every paragraph) and leaves the walk over the body to
:mod:`memolint.readers.docx`.

Values in WordprocessingML are twentieths of a point (twips) unless noted;
everything here is converted to points.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any, NamedTuple

from memolint.document import Typography

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


def w(name: str) -> str:
    """Clark-notation tag or attribute name in the WordprocessingML namespace."""
    return f"{{{W_NS}}}{name}"


VAL = w("val")
_PPR = w("pPr")
_RPR = w("rPr")
_NUMPR = w("numPr")
_NUMID = w("numId")
_ILVL = w("ilvl")
_OUTLINE = w("outlineLvl")
_PSTYLE, _RSTYLE, _STYLE_ID = w("pStyle"), w("rStyle"), w("styleId")
_STYLE, _NAME, _TYPE, _DEFAULT = w("style"), w("name"), w("type"), w("default")
_ASCII, _ASCII_THEME = w("ascii"), w("asciiTheme")
_EAST_ASIA, _EAST_ASIA_THEME = w("eastAsia"), w("eastAsiaTheme")
_LINE, _LINE_RULE = w("line"), w("lineRule")
_HANGING, _FIRST_LINE = w("hanging"), w("firstLine")

#: Word's own fallback when neither styles nor defaults declare a font or size.
FALLBACK_FONT = "Times New Roman"
FALLBACK_SIZE_PT = 10.0
#: Word's spacing for "auto" (HTML-style) space before/after a paragraph.
AUTOSPACING_PT = 14.0

_UNIT_PT = {
    "pt": 1.0,
    "in": 72.0,
    "cm": 72 / 2.54,
    "mm": 72 / 25.4,
    "pc": 12.0,
    "pi": 12.0,
    "px": 0.75,
}
_MEASURE = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*(pt|in|cm|mm|pc|pi|px)?\s*$")
_HEADING_NAME = re.compile(r"heading\s*([1-9])")


def number(value: str | None) -> float | None:
    """A finite decimal attribute value, or ``None`` when absent or malformed."""
    if value is None:
        return None
    try:
        parsed = float(value.strip().rstrip("%"))
    except ValueError:
        return None
    return parsed if math.isfinite(parsed) else None


def integer(value: str | None) -> int | None:
    """An integer attribute value (``numId``, ``ilvl``, ...), or ``None``."""
    parsed = number(value)
    return int(parsed) if parsed is not None else None


def _measure_pt(value: str | None, bare_unit_pt: float) -> float | None:
    """A length in points; a bare number is in units of ``bare_unit_pt`` points."""
    match = _MEASURE.match(value) if value is not None else None
    if match is None:
        return None
    return float(match[1]) * (_UNIT_PT[match[2]] if match[2] else bare_unit_pt)


def twips_pt(value: str | None) -> float | None:
    """A twips measure in points; newer files may also write ``"12pt"``/``"1in"``."""
    return _measure_pt(value, 1 / 20)


def length_pt(value: str | None) -> float | None:
    """A CSS-like length (``"150pt"``, ``"2in"``, bare pixels) in points, as VML writes it."""
    return _measure_pt(value, _UNIT_PT["px"])


def is_on(element: Any) -> bool:
    """An on/off property element: present means on unless ``w:val`` says off."""
    return element.get(VAL, "true").lower() not in ("0", "false", "off", "none")


def attr_on(element: Any, name: str) -> bool:
    """An on/off attribute such as ``w:beforeAutospacing`` (absent means off)."""
    return element.get(w(name), "false").lower() in ("1", "true", "on")


def theme_fonts(theme: Any | None) -> dict[str, str]:
    """``{"major": typeface, "minor": typeface}`` from a theme part's Latin fonts.

    Also ``majorEastAsia``/``minorEastAsia``: the theme's east-Asian typeface,
    or its Hangul script font when that is empty (what Word shows for Korean).
    """
    fonts: dict[str, str] = {}
    if theme is None:
        return fonts
    for kind in ("major", "minor"):
        latin = theme.find(f".//{{{A_NS}}}{kind}Font/{{{A_NS}}}latin")
        if latin is not None and latin.get("typeface"):
            fonts[kind] = latin.get("typeface")
        scheme = theme.find(f".//{{{A_NS}}}{kind}Font")
        if scheme is None:
            continue
        east = [el.get("typeface") for el in scheme if el.get("typeface") and (
            el.tag == f"{{{A_NS}}}ea" or el.get("script") == "Hang")]
        if east:
            fonts[f"{kind}EastAsia"] = east[0]
    return fonts


class RunFormat(NamedTuple):
    """The character formatting of one run, after styles and defaults."""

    font: str = FALLBACK_FONT
    size_pt: float = FALLBACK_SIZE_PT
    bold: bool = False
    italic: bool = False
    character_spacing_pt: float | None = None
    character_scale_pct: float | None = None
    east_asian_font: str | None = None
    east_asian_language: str | None = None


#: Word's paragraph defaults when nothing is declared: single spacing, no space.
WORD_PARAGRAPH_DEFAULTS = Typography(
    line_rule="auto",
    line_spacing=1.0,
    space_before_pt=0.0,
    space_after_pt=0.0,
    indent_left_pt=0.0,
    indent_right_pt=0.0,
    indent_first_pt=0.0,
)


def apply_rpr(fmt: RunFormat, rpr: Any | None, fonts: dict[str, str]) -> RunFormat:
    """``fmt`` with whatever ``rpr`` (a ``w:rPr``) declares laid over it.

    One pass over the children: this runs for every run with text, and most
    ``w:rPr`` carry only a few of the properties we read.
    """
    if rpr is None:
        return fmt
    changes: dict[str, Any] = {}
    for child in rpr:
        read = _RUN_PROPERTIES.get(child.tag)
        if read is not None:
            field, value = read(child, fonts)
            if value is not None:
                changes[field] = value
        asian = _EAST_ASIAN_PROPERTIES.get(child.tag)
        if asian is not None:
            field, value = asian(child, fonts)
            if value:
                changes[field] = value
    return fmt._replace(**changes) if changes else fmt


def _half_points(element: Any) -> float | None:
    value = number(element.get(VAL))
    return value / 2 if value is not None else None


#: Run property tag -> reader returning (RunFormat field, value or None).
_RUN_PROPERTIES: dict[str, Callable[[Any, dict[str, str]], tuple[str, Any]]] = {
    w("rFonts"): lambda el, fonts: ("font", _rfonts_ascii(el, fonts)),
    w("sz"): lambda el, fonts: ("size_pt", _half_points(el)),
    w("b"): lambda el, fonts: ("bold", is_on(el)),
    w("i"): lambda el, fonts: ("italic", is_on(el)),
    w("spacing"): lambda el, fonts: ("character_spacing_pt", twips_pt(el.get(VAL))),
    w("w"): lambda el, fonts: ("character_scale_pct", number(el.get(VAL))),
}


#: The east-Asian half of ``w:rFonts`` and ``w:lang`` (a second reader per tag).
_EAST_ASIAN_PROPERTIES: dict[str, Callable[[Any, dict[str, str]], tuple[str, Any]]] = {
    w("rFonts"): lambda el, fonts: ("east_asian_font", _rfonts_east_asian(el, fonts)),
    w("lang"): lambda el, fonts: ("east_asian_language", el.get(_EAST_ASIA)),
}


def _rfonts_east_asian(rfonts: Any, fonts: dict[str, str]) -> str | None:
    """The font for east-Asian text: a theme reference wins over a named font."""
    return _rfonts_pick(rfonts, fonts, _EAST_ASIA_THEME, _EAST_ASIA, "EastAsia")


def _rfonts_ascii(rfonts: Any | None, fonts: dict[str, str]) -> str | None:
    """The font for Latin text: a theme reference wins over a named font."""
    if rfonts is None:
        return None
    return _rfonts_pick(rfonts, fonts, _ASCII_THEME, _ASCII, "")


def _rfonts_pick(rfonts: Any, fonts: dict[str, str], theme_attr: str, name_attr: str,
                 suffix: str) -> str | None:
    """One script's font from ``w:rFonts``: its theme font if resolved, else its name."""
    theme = rfonts.get(theme_attr)
    if theme:
        resolved = fonts.get(("major" if theme.startswith("major") else "minor") + suffix)
        if resolved:
            return resolved
    return rfonts.get(name_attr)


def apply_ppr(typo: Typography, ppr: Any | None) -> Typography:
    """``typo`` with the paragraph properties ``ppr`` (a ``w:pPr``) declares."""
    if ppr is None:
        return typo
    changes: dict[str, Any] = {}
    for child in ppr:
        read = _PARAGRAPH_PROPERTIES.get(child.tag)
        if read is not None:
            changes.update(read(child))
    return typo._replace(**changes) if changes else typo


def _spacing_changes(spacing: Any) -> dict[str, Any]:
    """Line and paragraph spacing declared by one ``w:spacing``."""
    changes: dict[str, Any] = {}
    line = number(spacing.get(_LINE))
    if line is not None:
        rule = spacing.get(_LINE_RULE, "auto")
        changes["line_rule"] = rule
        changes["line_spacing"] = line / 240 if rule == "auto" else line / 20
    for field, side in (("space_before_pt", "before"), ("space_after_pt", "after")):
        if attr_on(spacing, f"{side}Autospacing"):
            changes[field] = AUTOSPACING_PT
        elif twips_pt(spacing.get(w(side))) is not None:
            changes[field] = twips_pt(spacing.get(w(side)))
    return changes


def _indent_changes(indent: Any) -> dict[str, Any]:
    """Indents declared by one ``w:ind`` (``start``/``end`` are the newer names)."""
    changes: dict[str, Any] = {}
    sides = (("indent_left_pt", ("left", "start")), ("indent_right_pt", ("right", "end")))
    for field, names in sides:
        for name in names:
            value = twips_pt(indent.get(w(name)))
            if value is not None:
                changes[field] = value
                break
    hanging = twips_pt(indent.get(_HANGING))
    first = twips_pt(indent.get(_FIRST_LINE))
    if hanging is not None:
        changes["indent_first_pt"] = -hanging
    elif first is not None:
        changes["indent_first_pt"] = first
    return changes


#: Paragraph property tag -> reader returning the Typography fields it sets.
_PARAGRAPH_PROPERTIES: dict[str, Callable[[Any], dict[str, Any]]] = {
    w("spacing"): _spacing_changes,
    w("ind"): _indent_changes,
    w("keepNext"): lambda el: {"keep_with_next": is_on(el)},
    w("keepLines"): lambda el: {"keep_lines": is_on(el)},
    w("pageBreakBefore"): lambda el: {"page_break_before": is_on(el)},
    w("contextualSpacing"): lambda el: {"contextual_spacing": is_on(el)},
}


class StyleIndex:
    """What a styles part declares, before any document's theme is applied.

    Memos written from one template share a styles part byte for byte, and
    Word's is ~350 KB (mostly table styles no memo uses), which costs more to
    parse than the rest of the memo to read; so each distinct part is parsed
    and indexed once per process (built through
    :meth:`memolint.readers.opc.Package.shared`). Nothing changes the tree
    after that. Indexing is one pass over the styles' attributes: a style's
    name and properties are read only when a paragraph, run or table uses it.
    """

    def __init__(self, styles: Any | None) -> None:
        self.styles: dict[str, Any] = {}
        self._names: dict[str, str] = {}
        default_paragraph = None
        for style in styles.iterfind(_STYLE) if styles is not None else ():
            style_id = style.get(_STYLE_ID)
            if style_id is None:
                continue
            self.styles[style_id] = style  # a later duplicate replaces an earlier one
            if (default_paragraph is None and style.get(_DEFAULT) is not None
                    and style.get(_TYPE) == "paragraph" and attr_on(style, "default")):
                default_paragraph = style_id
        #: Paragraphs without ``w:pStyle`` use this style (Normal, normally).
        self.default_paragraph = default_paragraph or next(
            (sid for sid in self.styles if self.name(sid) == "normal"), None)
        defaults = styles.find(w("docDefaults")) if styles is not None else None
        self.default_ppr = _find_path(defaults, "pPrDefault", "pPr")
        self.default_rpr = _find_path(defaults, "rPrDefault", "rPr")
        self._sheets: dict[tuple[tuple[str, str], ...], StyleSheet] = {}

    def name(self, style_id: str) -> str:
        """A defined style's name, lower-cased; read on first use, then remembered."""
        name = self._names.get(style_id)
        if name is None:
            element = first_child(self.styles[style_id], _NAME)
            name = self._names[style_id] = (element.get(VAL, "") if element is not None
                                             else "").lower()
        return name

    def sheet(self, fonts: dict[str, str]) -> StyleSheet:
        """The styles resolved with a theme's ``fonts``, one sheet per distinct fonts.

        A sheet depends on nothing else, so every memo of one template (one
        index, one theme) shares one, with the styles it resolved before.
        """
        key = tuple(sorted(fonts.items()))
        sheet = self._sheets.get(key)
        if sheet is None:
            sheet = self._sheets[key] = StyleSheet(self, fonts)
        return sheet


class StyleSheet:
    """A styles part's paragraph and character styles with one theme, resolved on demand."""

    def __init__(self, index: StyleIndex, fonts: dict[str, str]) -> None:
        self.fonts = fonts
        # Per-instance memos: every paragraph of a style resolves the same way,
        # in this memo and in every other memo that shares the sheet.
        self._chain_of = cache(self._chain)
        self.style_heading_level = cache(self._heading_from_styles)
        self._numbering_of = cache(self._style_numbering)
        self.style_typography = cache(self._style_typography)
        self.base_run_format = cache(self._base_run_format)
        self._styles = index.styles
        self._name = index.name
        #: Paragraphs without ``w:pStyle`` use this style (Normal, normally).
        self.default_paragraph = index.default_paragraph
        self._default_ppr = index.default_ppr
        self._default_rpr = index.default_rpr

    def paragraph_style(self, ppr: Any | None) -> str | None:
        """The style id a paragraph uses: its ``w:pStyle`` if defined, else the default."""
        style = first_child(ppr, _PSTYLE) if ppr is not None else None
        style_id = style.get(VAL) if style is not None else None
        return style_id if style_id in self._styles else self.default_paragraph

    def name(self, style_id: str | None) -> str:
        """The style's name, lower-cased (Word stores built-in names in English)."""
        return self._name(style_id) if style_id and style_id in self._styles else ""

    def chain(self, style_id: str | None) -> tuple[Any, ...]:
        """The style and its ``basedOn`` ancestors, nearest first.

        An undefined id has none, and is not kept as a key: the memo lives as
        long as the template's sheet, and documents may name any id they like.
        """
        return self._chain_of(style_id if style_id in self._styles else None)

    def _chain(self, style_id: str | None) -> tuple[Any, ...]:
        """The style and its ``basedOn`` ancestors, nearest first (cycles cut)."""
        chain: list[Any] = []
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            chain.append(style)
            based_on = first_child(style, w("basedOn"))
            style_id = based_on.get(VAL) if based_on is not None else None
        return tuple(chain)

    def heading_level(self, style_id: str | None, ppr: Any | None) -> int | None:
        """Heading level 1-9 (0 for Title), or ``None`` for body text.

        An outline level on the paragraph or nearest along the style chain
        decides, 9 meaning body text. Without one, a style in the chain named
        ``heading N`` gives N, and the paragraph's own style named ``Title`` 0.
        """
        outline = _outline_level(ppr)
        if outline is None:
            return self.style_heading_level(style_id)
        return outline + 1 if 0 <= outline <= 8 else None

    def _heading_from_styles(self, style_id: str | None) -> int | None:
        """The heading level a paragraph style alone gives (see :meth:`heading_level`)."""
        chain = self.chain(style_id)
        for style in chain:
            outline = _outline_level(first_child(style, _PPR))
            if outline is not None:
                return outline + 1 if 0 <= outline <= 8 else None
        for style in chain:
            match = _HEADING_NAME.fullmatch(self.name(style.get(_STYLE_ID)))
            if match:
                return int(match[1])
        return 0 if self.name(style_id) == "title" else None

    def style_numbering(self, style_id: str | None) -> tuple[int | None, int | None]:
        """``(numId, ilvl)`` the style chain attaches (an undefined style attaches none)."""
        return self._numbering_of(style_id if style_id in self._styles else None)

    def _style_numbering(self, style_id: str | None) -> tuple[int | None, int | None]:
        """``(numId, ilvl)`` the style chain attaches, nearest declaration of each."""
        num_id = ilvl = None
        for style in self.chain(style_id):
            numpr = _find_path(style, "pPr", "numPr")
            if numpr is None:
                continue
            if num_id is None:
                num_id = integer(_child_val(numpr, _NUMID))
            if ilvl is None:
                ilvl = integer(_child_val(numpr, _ILVL))
        return num_id, ilvl

    def paragraph_typography(self, style_id: str | None, level_ppr: Any | None) -> Typography:
        """Paragraph formatting from defaults, style chain and list level, in that order."""
        return apply_ppr(self.style_typography(style_id), level_ppr)

    def _style_typography(self, style_id: str | None) -> Typography:
        """Paragraph formatting from defaults and style chain (cached: no list level)."""
        typo = apply_ppr(WORD_PARAGRAPH_DEFAULTS, self._default_ppr)
        for style in reversed(self.chain(style_id)):
            typo = apply_ppr(typo, first_child(style, _PPR))
        return typo

    def _base_run_format(self, style_id: str | None, char_style: str | None) -> RunFormat:
        """Run formatting from defaults, paragraph style and character style chains."""
        fmt = apply_rpr(RunFormat(), self._default_rpr, self.fonts)
        for style in reversed(self.chain(style_id)):
            fmt = apply_rpr(fmt, first_child(style, _RPR), self.fonts)
        for style in reversed(self.chain(char_style)):
            fmt = apply_rpr(fmt, first_child(style, _RPR), self.fonts)
        return fmt

    def run_format(self, style_id: str | None, rpr: Any | None) -> RunFormat:
        """Effective formatting of a run with properties ``rpr`` in a paragraph of ``style_id``."""
        char_style = _child_val(rpr, _RSTYLE) if rpr is not None else None
        if char_style not in self._styles:  # adds nothing; not a key for the shared memo
            char_style = None
        return apply_rpr(self.base_run_format(style_id, char_style), rpr, self.fonts)

    def default_typography(self) -> Typography:
        """Body text as the default paragraph style (Normal) sets it."""
        fmt = self.base_run_format(self.default_paragraph, None)
        return with_run_format(self.paragraph_typography(self.default_paragraph, None), fmt)


@lru_cache(maxsize=4096)
def with_run_format(typo: Typography, fmt: RunFormat) -> Typography:
    """``typo`` carrying the character formatting ``fmt``.

    Cached: ``dataclasses.replace`` of a frozen 19-field dataclass costs tens
    of microseconds, every paragraph asks, and a memo uses a handful of
    combinations. Both arguments are immutable values.
    """
    return typo._replace(**fmt._asdict())


def first_child(element: Any, tag: str) -> Any | None:
    """``element.find(tag)`` for one plain tag, without lxml's path machinery.

    A fraction of ``find``'s cost for the few children a property element
    has, and the reader asks several times for every paragraph and run.
    """
    for node in element:
        if node.tag == tag:
            return node
    return None


def _find_path(element: Any | None, *names: str) -> Any | None:
    for name in names:
        if element is None:
            return None
        element = first_child(element, w(name))
    return element


def _child_val(element: Any | None, tag: str) -> str | None:
    found = first_child(element, tag) if element is not None else None
    return found.get(VAL) if found is not None else None


def _outline_level(ppr: Any | None) -> int | None:
    return integer(_child_val(ppr, _OUTLINE))


class ListLevel:
    """A resolved list level: whether it shows a label, and of which kind.

    Never changed once made (levels are cached per numbering part). A plain
    class: making a dataclass costs about a millisecond of a process's first
    DOCX read.
    """

    __slots__ = ("ilvl", "labelled", "num_id", "ordered", "ppr")

    def __init__(self, num_id: int, ilvl: int, labelled: bool, ordered: bool,
                 ppr: Any | None) -> None:
        self.num_id = num_id
        self.ilvl = ilvl
        self.labelled = labelled
        self.ordered = ordered
        #: The level's own ``w:pPr`` (indents), laid over the paragraph style.
        self.ppr = ppr


class Numbering:
    """``numbering.xml``: resolves (numId, ilvl) to the level Word would show."""

    #: numStyleLink hops followed before giving up (a loop or a broken link).
    _MAX_LINKS = 3

    def __init__(self, numbering: Any | None, styles: StyleSheet) -> None:
        self._styles = styles
        self.level = cache(self._level)
        self._nums: dict[int, Any] = {}
        self._abstracts: dict[int, Any] = {}
        if numbering is None:
            return
        for num in numbering.iterfind(w("num")):
            num_id = integer(num.get(w("numId")))
            if num_id is not None:
                self._nums[num_id] = num
        for abstract in numbering.iterfind(w("abstractNum")):
            abstract_id = integer(abstract.get(w("abstractNumId")))
            if abstract_id is not None:
                self._abstracts[abstract_id] = abstract

    def paragraph_level(self, ppr: Any | None, style_id: str | None) -> ListLevel | None:
        """The list level a paragraph is attached to, or ``None`` if it is not in a list.

        The paragraph's ``w:numPr`` wins over its style's (``numId`` 0 switches
        numbering off); the level comes from the paragraph, else the style,
        else the abstract level linked to the style, else 0.
        """
        numpr = first_child(ppr, _NUMPR) if ppr is not None else None
        num_id = integer(_child_val(numpr, _NUMID))
        ilvl = integer(_child_val(numpr, _ILVL))
        style_num, style_ilvl = self._styles.style_numbering(style_id)
        if num_id is None:
            num_id = style_num
        if not num_id:
            return None
        if ilvl is None:
            ilvl = style_ilvl if style_ilvl is not None else self._style_level(num_id, style_id)
        return self.level(num_id, ilvl)

    def _level(self, num_id: int, ilvl: int) -> ListLevel | None:
        """The definition of level ``ilvl`` of list ``num_id`` (``None`` if undefined)."""
        num = self._nums.get(num_id)
        if num is None:
            return None
        lvl = self._override(num, ilvl)
        if lvl is None:
            abstract = self._abstract_of(num)
            lvl = _level_in(abstract, ilvl) if abstract is not None else None
        if lvl is None:
            return None
        fmt = _num_fmt(lvl)
        text = _child_val(lvl, w("lvlText"))
        picture = first_child(lvl, w("lvlPicBulletId")) is not None
        labelled = fmt != "none" and (bool(text and text.strip()) or picture)
        return ListLevel(num_id, ilvl, labelled, fmt != "bullet", first_child(lvl, _PPR))

    def _style_level(self, num_id: int, style_id: str | None) -> int:
        """The level whose ``w:pStyle`` names the paragraph's style, else 0."""
        abstract = self._abstract_of(self._nums.get(num_id))
        if abstract is not None and style_id:
            for lvl in abstract.iterfind(w("lvl")):
                if _child_val(lvl, _PSTYLE) == style_id:
                    return integer(lvl.get(w("ilvl"))) or 0
        return 0

    def _override(self, num: Any, ilvl: int) -> Any | None:
        for override in num.iterfind(w("lvlOverride")):
            if integer(override.get(w("ilvl"))) == ilvl:
                return override.find(w("lvl"))
        return None

    def _abstract_of(self, num: Any | None) -> Any | None:
        """The abstract definition of ``num``, following ``w:numStyleLink`` hops."""
        abstract = self._abstract_named_by(num)
        for _ in range(self._MAX_LINKS):
            link = _child_val(abstract, w("numStyleLink"))
            if link is None:
                return abstract
            linked_num = self._styles.style_numbering(link)[0]
            abstract = self._abstract_named_by(self._nums.get(linked_num))  # type: ignore[arg-type]
        return None

    def _abstract_named_by(self, num: Any | None) -> Any | None:
        abstract_id = integer(_child_val(num, w("abstractNumId")))
        return self._abstracts.get(abstract_id) if abstract_id is not None else None


def _level_in(abstract: Any, ilvl: int) -> Any | None:
    for lvl in abstract.iterfind(w("lvl")):
        if integer(lvl.get(w("ilvl"))) == ilvl:
            return lvl
    return None


def _num_fmt(lvl: Any) -> str:
    """The level's number format; Word 2010 may wrap it in ``mc:AlternateContent``."""
    fmt = _child_val(lvl, w("numFmt"))
    if fmt is None:
        fmt = _child_val(lvl.find(f"{{{MC_NS}}}AlternateContent/{{{MC_NS}}}Choice"), w("numFmt"))
    return fmt or "decimal"
