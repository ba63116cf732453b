"""Readers for generated documents: text runs with their fonts, outline and link targets, page fill, currency scans."""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from fontTools.ttLib import TTFont
from pypdf import PdfReader

from workbench.paths import resources_dir

# Embedded subset names (reportlab writes "AAAAAA+<file stem>") -> the shipped TrueType file.
FONT_FILES = {"DejaVuSans": "DejaVuSans.ttf", "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
              "DroidSansFallback": "DroidSansFallbackFull.ttf", "DroidSansFallbackFull": "DroidSansFallbackFull.ttf"}


@functools.cache
def font_cmap(base_font: str) -> frozenset[int]:
    name = base_font.lstrip("/").split("+", 1)[-1]
    with TTFont(str(resources_dir() / "fonts" / FONT_FILES[name])) as font:
        return frozenset(font.getBestCmap())


def text_runs(path: Path) -> list[tuple[int, str, str]]:
    """(page number from 1, font BaseFont, text) for every text-showing run of every page."""
    out: list[tuple[int, str, str]] = []
    for n, page in enumerate(PdfReader(str(path)).pages, start=1):
        def visit(text: str, cm: object, tm: object, font: object, size: object, n: int = n) -> None:
            if font is not None and text.strip():
                out.append((n, str(font.get("/BaseFont")), text))  # type: ignore[attr-defined]
        page.extract_text(visitor_text=visit)
    return out


def missing_glyphs(path: Path) -> list[tuple[int, str, str]]:
    """(page, font, characters) where a run's font has no glyph for some of its characters."""
    bad = []
    for n, font, text in text_runs(path):
        cmap = font_cmap(font)
        # A character the font lacks is drawn as glyph 0 and read back as NUL (or U+FFFD): missing too.
        missing = "".join(sorted({ch for ch in text if not ch.isspace() and (ord(ch) not in cmap or ch in "\x00\ufffd")}))
        if missing:
            bad.append((n, font, missing))
    return bad


def page_texts(path: Path) -> list[str]:
    return [re.sub(r"[\s\u00a0]+", " ", p.extract_text() or "") for p in PdfReader(str(path)).pages]


def squash(text: str) -> str:
    return re.sub(r"[\s\u00a0]+", "", text)


def outline_targets(path: Path) -> list[tuple[str, int]]:
    """(title, page from 1) of every outline entry, nested entries included, in document order."""
    reader = PdfReader(str(path))
    out: list[tuple[str, int]] = []

    def walk(items: list[object]) -> None:
        for it in items:
            if isinstance(it, list):
                walk(it)
            else:
                out.append((str(it.title), reader.get_destination_page_number(it) + 1))  # type: ignore[attr-defined]
    walk(reader.outline)
    return out


def link_targets(path: Path, page_no: int) -> list[int]:
    """Target pages (from 1) of the internal links on one page, top to bottom."""
    reader = PdfReader(str(path))
    pages = {p.indirect_reference.idnum: i + 1 for i, p in enumerate(reader.pages)}  # type: ignore[union-attr]
    found = []
    for annot in reader.pages[page_no - 1].get("/Annots") or []:
        a = annot.get_object()
        dest = a.get("/Dest")
        if dest is None and a.get("/A") is not None:
            dest = a["/A"].get("/D")
        if isinstance(dest, str) or dest is None:
            continue
        rect = [float(v) for v in a["/Rect"]]
        found.append((-rect[3], pages[dest[0].idnum]))
    return [p for _, p in sorted(set(found))]


def page_fill(path: Path, dpi: int = 24) -> list[float]:
    """Per page, how far down the body area the content reaches (0 = empty, 1 = to the footer rule).

    Rendered with poppler's pdftoppm; the header band and the footer band are left out.
    """
    from PIL import Image

    exe = shutil.which("pdftoppm")
    if exe is None:
        raise RuntimeError("pdftoppm (Debian package poppler-utils) is needed to measure page fill")
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([exe, "-gray", "-r", str(dpi), str(path), f"{tmp}/p"], check=True)
        for png in sorted(Path(tmp).glob("p-*.pgm")) or sorted(Path(tmp).glob("p*.pgm")):
            img = Image.open(png)
            w, h = img.size
            mm = h / (297.0 if h > w else 210.0)
            top, bottom = int(21 * mm), int(h - 17 * mm)  # below the header rule, above the footer rule
            px = img.load()
            last = top
            for y in range(top, bottom):
                if any(px[x, y] < 200 for x in range(int(18 * mm), int(w - 18 * mm), 2)):
                    last = y
            out.append((last - top) / max(bottom - top, 1))
    return out
