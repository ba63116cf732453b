"""Register the shipped TrueType fonts (embedded, subset) and mark up text so every character gets a font that has it."""

from __future__ import annotations

import functools
import re
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from workbench.paths import resources_dir

# Latin, Greek, Cyrillic and symbols come from DejaVu; CJK from Droid Sans Fallback (Apache-2.0).
# Both are TrueType outlines, which reportlab embeds as subsets (no reader-side fonts needed).
LATIN = "WB-Sans"
LATIN_BOLD = "WB-Sans-Bold"
CJK = "WB-CJK"
_FILES = {
    LATIN: "DejaVuSans.ttf",
    LATIN_BOLD: "DejaVuSans-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
}
# Characters that break no line but carry no glyph in some fonts: never sent to the font switcher.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@functools.cache
def register_fonts() -> None:
    """Register the fonts once per process; raises OSError naming the file when one is missing."""
    folder = resources_dir() / "fonts"
    for name, file in _FILES.items():
        path = folder / file
        if not path.is_file():
            raise OSError(f"report font missing: {path}")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(LATIN, 0, 0, LATIN)
    addMapping(LATIN, 1, 0, LATIN_BOLD)
    addMapping(LATIN, 0, 1, LATIN)
    addMapping(LATIN, 1, 1, LATIN_BOLD)
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(CJK, bold, italic, CJK)
    addMapping(LATIN_BOLD, 0, 0, LATIN_BOLD)
    addMapping(LATIN_BOLD, 1, 0, LATIN_BOLD)


@functools.cache
def _coverage(name: str) -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(name)
    return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]


def clean(text: object) -> str:
    """User text as a plain string without control characters (tabs and newlines become spaces)."""
    s = "" if text is None else str(text)
    s = s.replace("\r\n", "\n").replace("\t", " ")
    return _CONTROL_RE.sub("", s)


@functools.cache
def _ascii_needs_cjk() -> frozenset[str]:
    """ASCII characters the Latin font lacks and the CJK font has (none with the shipped fonts)."""
    latin, cjk = _coverage(LATIN), _coverage(CJK)
    return frozenset(chr(o) for o in range(128) if o not in latin and o in cjk)


@functools.lru_cache(maxsize=1 << 16)  # a campus report measures and draws the same few thousand strings often
def _runs(text: str) -> tuple[tuple[bool, str], ...]:
    """Split text into (needs_cjk_font, run) pieces by which font has each character."""
    if text.isascii() and not _ascii_needs_cjk().intersection(text):
        return ((False, text),) if text else ()  # the usual case, one Latin run, without a look at each character
    latin = _coverage(LATIN)
    cjk = _coverage(CJK)
    out: list[tuple[bool, str]] = []
    for ch in text:
        o = ord(ch)
        use_cjk = o not in latin and o in cjk
        if out and out[-1][0] == use_cjk:
            out[-1] = (use_cjk, out[-1][1] + ch)
        else:
            out.append((use_cjk, ch))
    return tuple(out)


# A number and the unit after it ("800 V", "10,158 kW") never part at a line end: the space becomes no-break.
_NUMBER_UNIT = re.compile(r"(?<=\d) (?=(?:kVA|MVA|kWh|MWh|[kMG]?W|k?V|mm|m²|m³|m|L/min|°[CF]|%|K|kg|ft²|ft|lb|gpm|CFM|A)"
                          r"(?![A-Za-z0-9]))")


def bind_units(text: str) -> str:
    return _NUMBER_UNIT.sub("\u00a0", text)


def markup(text: object, keep_newlines: bool = True) -> str:
    """Escape user text for a Paragraph and switch font for characters the Latin font lacks.

    Nothing the user typed is interpreted as markup: <, > and & are escaped first.
    """
    s = bind_units(clean(text))
    parts = []
    for use_cjk, run in _runs(s):
        esc = escape(run)
        if keep_newlines:
            esc = esc.replace("\n", "<br/>")
        else:
            esc = esc.replace("\n", " ")
        parts.append(f'<font name="{CJK}">{esc}</font>' if use_cjk else esc)
    return "".join(parts)


def font_for(text: str, bold: bool = False) -> str:
    """One font for a canvas string: the Latin font when it covers every character, else the CJK font."""
    latin = _coverage(LATIN)
    if all(ord(ch) in latin for ch in text):
        return LATIN_BOLD if bold else LATIN
    return CJK


def string_width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


def text_runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """(font, run) pieces for drawing mixed-script text on a canvas or in a chart."""
    latin = LATIN_BOLD if bold else LATIN
    return [(CJK if use_cjk else latin, run) for use_cjk, run in _runs(clean(text).replace("\n", " "))]


@functools.lru_cache(maxsize=1 << 16)
def _measured_runs(text: str, bold: bool) -> tuple[tuple[str, str, float], ...]:
    """(font, run, width at 1 pt) pieces: a width is proportional to the size, so each string is measured once."""
    return tuple((font, run, pdfmetrics.stringWidth(run, font, 1.0)) for font, run in text_runs(text, bold))


def mixed_width(text: str, size: float, bold: bool = False) -> float:
    return size * sum(w for _, _, w in _measured_runs(text, bold))


def draw_text(canv: object, x: float, y: float, text: str, size: float, bold: bool = False,
              anchor: str = "start") -> float:
    """Draw text whose characters may need different fonts; anchor is start, middle or end. Returns its width."""
    runs = _measured_runs(text, bold)
    width = size * sum(w for _, _, w in runs)
    if anchor == "middle":
        x -= width / 2
    elif anchor == "end":
        x -= width
    for font, run, w in runs:
        canv.setFont(font, size)  # type: ignore[attr-defined]
        canv.drawString(x, y, run)  # type: ignore[attr-defined]
        x += size * w
    return width
