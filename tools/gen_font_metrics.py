"""Generate ``memolint/layout/data/fonts.json``: the layout engine's font metrics.

Run at build time only (fontTools is not a runtime dependency)::

    apt-get install -y --no-install-recommends fonts-crosextra-carlito \
        fonts-crosextra-caladea fonts-liberation fonts-dejavu-core
    pip install fonttools
    python tools/gen_font_metrics.py

Memos name Windows fonts (Calibri, Arial, Times New Roman, ...). Their
metric-compatible open fonts have the same advance widths, so their ``hmtx``
tables stand in for the originals. DejaVu is included because it is what
LibreOffice on Linux substitutes for fonts it lacks (Verdana, Tahoma,
Garamond, ...); which name falls back to which family is asked of
fontconfig's ``fc-match`` here, once, so that the runtime needs no fontconfig.

The table stores, per face, its units per em, the advance widths in font units
of the characters memos use (Latin, Latin-1, Latin Extended-A, punctuation,
common symbols), and the vertical metrics in the same unit. Raw units keep the
numbers exact: LibreOffice rounds ascent and descent to twips, so a rounded
table would be off by a line every few pages.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from fontTools.ttLib import TTFont

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "memolint" / "layout" / "data" / "fonts.json"
CROSEXTRA = Path("/usr/share/fonts/truetype/crosextra")
LIBERATION = Path("/usr/share/fonts/truetype/liberation")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
STYLES = ("regular", "bold", "italic", "bolditalic")

#: Family as memolint names it -> (the fonts it stands for, file per style).
FAMILIES: dict[str, tuple[list[str], list[Path]]] = {
    "Carlito": (["Calibri"], [CROSEXTRA / f"Carlito-{s}.ttf"
                              for s in ("Regular", "Bold", "Italic", "BoldItalic")]),
    "Caladea": (["Cambria"], [CROSEXTRA / f"Caladea-{s}.ttf"
                              for s in ("Regular", "Bold", "Italic", "BoldItalic")]),
    "Liberation Sans": (["Arial", "Helvetica"], [
        LIBERATION / f"LiberationSans-{s}.ttf" for s in ("Regular", "Bold", "Italic", "BoldItalic")
    ]),
    "Liberation Sans Narrow": (["Arial Narrow"], [
        LIBERATION / f"LiberationSansNarrow-{s}.ttf"
        for s in ("Regular", "Bold", "Italic", "BoldItalic")
    ]),
    "Liberation Serif": (["Times New Roman", "Times"], [
        LIBERATION / f"LiberationSerif-{s}.ttf"
        for s in ("Regular", "Bold", "Italic", "BoldItalic")
    ]),
    "Liberation Mono": (["Courier New", "Courier"], [
        LIBERATION / f"LiberationMono-{s}.ttf" for s in ("Regular", "Bold", "Italic", "BoldItalic")
    ]),
    "DejaVu Sans": ([], [DEJAVU / f for f in (
        "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique.ttf")]),
    "DejaVu Serif": ([], [DEJAVU / f for f in (
        "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf",
        "DejaVuSerif-BoldItalic.ttf")]),
    "DejaVu Sans Mono": ([], [DEJAVU / f for f in (
        "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf", "DejaVuSansMono-Oblique.ttf",
        "DejaVuSansMono-BoldOblique.ttf")]),
}

#: Code point ranges (inclusive) whose widths are stored.
RANGES = ((0x20, 0x17F), (0x2010, 0x203A), (0x20AC, 0x20AC), (0x2122, 0x2122),
          (0x2190, 0x2195), (0x2212, 0x2212), (0x25A0, 0x25CF))

#: Fonts memos and office templates commonly name that have no open
#: metric-compatible twin; fc-match says what LibreOffice on Linux shows instead.
COMMON_FONTS = (
    "Aptos", "Arial Black", "Arial Unicode MS", "Book Antiqua", "Bookman Old Style",
    "Calibri Light",
    "Candara", "Century", "Century Gothic", "Century Schoolbook", "Comic Sans MS", "Consolas",
    "Constantia", "Corbel", "Franklin Gothic Book", "Franklin Gothic Medium", "Futura", "Garamond",
    "Geneva", "Georgia", "Gill Sans MT", "Helvetica Neue", "Impact", "Lucida Console",
    "Lucida Grande", "Lucida Sans", "Lucida Sans Typewriter", "Lucida Sans Unicode", "Menlo",
    "Monaco", "MS Sans Serif", "MS Serif", "Open Sans", "Optima", "Palatino", "Palatino Linotype",
    "Perpetua", "Roboto", "Rockwell", "Segoe UI", "Source Sans Pro", "Tahoma", "Trebuchet MS",
    "Univers", "Verdana",
)


def face_metrics(path: Path) -> dict[str, object]:
    """Advance widths and vertical metrics of one font file, in font units."""
    font = TTFont(path)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"].metrics
    widths = []
    for first, last in RANGES:
        for code in range(first, last + 1):
            glyph = cmap.get(code)
            widths.append(hmtx[glyph][0] if glyph else 0)
    hhea, os2 = font["hhea"], font["OS/2"]
    return {
        "upm": font["head"].unitsPerEm,
        "widths": widths,
        "hhea": [hhea.ascent, -hhea.descent, hhea.lineGap],
        "win": [os2.usWinAscent, os2.usWinDescent],
        "typo": [os2.sTypoAscender, -os2.sTypoDescender, os2.sTypoLineGap],
        "use_typo": bool(os2.fsSelection & (1 << 7)),
    }


def fallbacks() -> dict[str, str]:
    """Common font name -> the family fontconfig substitutes for it."""
    found = {}
    for name in COMMON_FONTS:
        result = subprocess.run(["fc-match", "-f", "%{family}", name], capture_output=True,
                                text=True, check=True, timeout=30)
        family = result.stdout.split(",")[0].strip()
        if family in FAMILIES:
            found[name] = family
    return found


def main() -> None:
    table = {
        "comment": "Generated by tools/gen_font_metrics.py; do not edit.",
        "ranges": [list(r) for r in RANGES],
        "styles": list(STYLES),
        "aliases": {alias: family for family, (aliases, _) in FAMILIES.items()
                    for alias in aliases},
        "fallbacks": fallbacks(),
        "families": {
            family: {style: face_metrics(path) for style, path in zip(STYLES, paths, strict=True)}
            for family, (_, paths) in FAMILIES.items()
        },
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(table, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
