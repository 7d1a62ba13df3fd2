"""Generate ``memolint/layout/data/fonts.json``: the layout engine's font metrics.

Run at build time only (fontTools is not a runtime dependency)::

    apt-get install -y --no-install-recommends fonts-crosextra-carlito \
        fonts-crosextra-caladea fonts-liberation fonts-dejavu-core \
        fonts-nanum fonts-noto-cjk
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
common symbols; one space-separated string per face, so that reading the
table parses none of them), and the vertical metrics in the same unit. Raw units keep the
numbers exact: LibreOffice rounds ascent and descent to twips, so a rounded
table would be off by a line every few pages.

Korean fonts (Nanum from ``fonts-nanum``, Noto Sans/Serif CJK KR from
``fonts-noto-cjk``) go to a second file, ``fonts_cjk.json``, which the runtime
reads only when a document has east-Asian text. Their widths are stored as
run-length ranges ``[first, last, width]``: Hangul syllables and ideographs
are nearly all one advance, so 11,172 syllables take a handful of entries.
``ko_fallbacks`` records what fontconfig shows for Korean font names a memo
may carry (Malgun Gothic, Batang, ...) when the text is tagged Korean.
"""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

from fontTools.ttLib import TTFont

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "memolint" / "layout" / "data" / "fonts.json"
OUT_CJK = OUT.with_name("fonts_cjk.json")
CROSEXTRA = Path("/usr/share/fonts/truetype/crosextra")
LIBERATION = Path("/usr/share/fonts/truetype/liberation")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
NANUM = Path("/usr/share/fonts/truetype/nanum")
NOTO_CJK = Path("/usr/share/fonts/opentype/noto")
#: Index of the Korean face in the Noto CJK collections (JP, KR, SC, TC, HK).
NOTO_KR_INDEX = 1
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

#: Korean families -> (names they answer to, (file, collection index) per style).
#: Nanum and Noto CJK have no italic: renderers slant the upright face, whose
#: advances are unchanged, so italic styles reuse the upright files.
CJK_FAMILIES: dict[str, tuple[list[str], list[tuple[Path, int | None]]]] = {
    "NanumGothic": (["Nanum Gothic", "나눔고딕"], [
        (NANUM / f, None) for f in ("NanumGothic.ttf", "NanumGothicBold.ttf",
                                    "NanumGothic.ttf", "NanumGothicBold.ttf")]),
    "NanumMyeongjo": (["Nanum Myeongjo", "나눔명조"], [
        (NANUM / f, None) for f in ("NanumMyeongjo.ttf", "NanumMyeongjoBold.ttf",
                                    "NanumMyeongjo.ttf", "NanumMyeongjoBold.ttf")]),
    "Noto Sans CJK KR": (["Noto Sans CJK", "Noto Sans CJK JP"], [
        (NOTO_CJK / f, NOTO_KR_INDEX) for f in (
            "NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc",
            "NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc")]),
    "Noto Serif CJK KR": (["Noto Serif CJK", "Noto Serif CJK JP"], [
        (NOTO_CJK / f, NOTO_KR_INDEX) for f in (
            "NotoSerifCJK-Regular.ttc", "NotoSerifCJK-Bold.ttc",
            "NotoSerifCJK-Regular.ttc", "NotoSerifCJK-Bold.ttc")]),
}
#: East-Asian ranges stored for the Korean fonts, on top of ``RANGES``: Hangul
#: jamo, CJK punctuation, kana, compatibility jamo, ideographs, Hangul
#: syllables, compatibility ideographs, full-width forms.
CJK_RANGES = ((0x1100, 0x11FF), (0x3000, 0x30FF), (0x3130, 0x318F), (0x3400, 0x4DBF),
              (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFF00, 0xFFEF))
#: Ideograph blocks (Hanja): stored as one run at the block's most common
#: advance. Nanum's Hanja vary by a few units, which would take thousands of
#: runs for characters a Korean memo rarely uses.
IDEOGRAPHS = frozenset({(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)})
#: Korean font names memos carry that no Debian package provides.
KOREAN_FONTS = (
    "Malgun Gothic", "맑은 고딕", "Batang", "바탕", "BatangChe", "Gulim", "굴림", "GulimChe",
    "Dotum", "돋움", "DotumChe", "Gungsuh", "궁서", "Apple SD Gothic Neo", "AppleGothic",
    "AppleMyungjo", "Noto Sans KR", "Noto Serif KR", "Pretendard", "Spoqa Han Sans",
    "HY헤드라인M", "HYGothic-Medium", "함초롬바탕", "함초롬돋움", "HCR Batang", "HCR Dotum",
)

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
    # One string, not a JSON list: the runtime parses only the faces a document uses.
    return {"widths": " ".join(map(str, widths)), **vertical_metrics(font)}


def cjk_face_metrics(path: Path, index: int | None) -> dict[str, object]:
    """A Korean face: widths as ``[first, last, width]`` runs over every stored range.

    Consecutive code points with the same advance share one run; code points
    the font has no glyph for are left out (the renderer falls back for them).
    """
    font = TTFont(path, fontNumber=index if index is not None else -1)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"].metrics
    runs: list[list[int]] = []
    for first, last in (*RANGES, *CJK_RANGES):
        present = [code for code in range(first, last + 1) if code in cmap]
        if (first, last) in IDEOGRAPHS and present:
            common = Counter(hmtx[cmap[code]][0] for code in present).most_common(1)[0][0]
            runs.append([present[0], present[-1], common])
            continue
        for code in present:
            width = hmtx[cmap[code]][0]
            if runs and runs[-1][1] == code - 1 and runs[-1][2] == width:
                runs[-1][1] = code
            else:
                runs.append([code, code, width])
    return {"runs": runs, **vertical_metrics(font)}


def vertical_metrics(font: TTFont) -> dict[str, object]:
    """Units per em and the three sets of vertical metrics, in font units."""
    hhea, os2 = font["hhea"], font["OS/2"]
    return {
        "upm": font["head"].unitsPerEm,
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


def korean_fallbacks() -> dict[str, str]:
    """Korean font name -> the family fontconfig shows for it in Korean-tagged text."""
    found = {}
    for name in KOREAN_FONTS:
        result = subprocess.run(["fc-match", "-f", "%{family}", f"{name}:lang=ko"],
                                capture_output=True, text=True, check=True, timeout=30)
        family = result.stdout.split(",")[0].strip()
        if family in CJK_FAMILIES:
            found[name] = family
    return found


def main_cjk() -> None:
    """Write the lazily loaded Korean table."""
    table = {
        "comment": "Generated by tools/gen_font_metrics.py; do not edit.",
        "aliases": {alias: family for family, (aliases, _) in CJK_FAMILIES.items()
                    for alias in aliases},
        "ko_fallbacks": korean_fallbacks(),
        "families": {
            family: {style: cjk_face_metrics(path, index)
                     for style, (path, index) in zip(STYLES, files, strict=True)}
            for family, (_, files) in CJK_FAMILIES.items()
        },
    }
    OUT_CJK.write_text(json.dumps(table, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT_CJK} ({OUT_CJK.stat().st_size} bytes)")


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
    main_cjk()


if __name__ == "__main__":
    main()
