"""The PDF document frame: A4 pages (portrait and landscape), header, footer with page x of y, contents and outline."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from workbench.report.fonts import LATIN, LATIN_BOLD, draw_text, mixed_width
from workbench.report.styles import ACCENT, MUTED, RULE

MARGIN = 18 * mm
HEADER_H = 10 * mm
PORTRAIT = A4
LANDSCAPE = landscape(A4)


class Heading(Paragraph):
    """A paragraph that adds itself to the contents (level 0 or 1) and to the PDF outline."""

    def __init__(self, text: str, style: Any, level: int, plain: str) -> None:
        super().__init__(text, style)
        self.toc_level = level
        self.plain = plain


def _canvas_class(header: tuple[str, str], footer: str, page_word: Callable[[int, int], str],
                  skip_first: bool) -> type[Canvas]:
    """A canvas that holds pages back until the end so the footer can say 'page x of y'."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab API)
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                if not (skip_first and self._pageNumber == 1):
                    self._decorate(self._pageNumber, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _decorate(self, number: int, total: int) -> None:
            w, h = self._pagesize
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.6)
            top = h - MARGIN + 4 * mm
            self.line(MARGIN, top - 1.5 * mm, w - MARGIN, top - 1.5 * mm)
            self.line(MARGIN, MARGIN - 6 * mm, w - MARGIN, MARGIN - 6 * mm)
            self.setFillColor(ACCENT)
            draw_text(self, MARGIN, top, _fit(header[0], w * 0.6, bold=True), 8, bold=True)
            self.setFillColor(MUTED)
            draw_text(self, w - MARGIN, top, header[1], 8, anchor="end")
            draw_text(self, MARGIN, MARGIN - 10 * mm, _fit(footer, w * 0.55, 7.5), 7.5)
            draw_text(self, w - MARGIN, MARGIN - 10 * mm, page_word(number, total), 7.5, anchor="end")
            self.restoreState()

    return NumberedCanvas


def _fit(text: str, width_pt: float, size: float = 8, bold: bool = False) -> str:
    """Shorten a header string with an ellipsis so it never runs into the other side."""
    text = " ".join(text.split())
    if mixed_width(text, size, bold) <= width_pt:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # longest prefix that fits, by bisection (names may be very long)
        mid = (lo + hi + 1) // 2
        if mixed_width(text[:mid] + "…", size, bold) <= width_pt:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo] + "…"


class ReportDoc(BaseDocTemplate):
    """Portrait body pages, landscape plan pages, a cover without header; headings feed the contents."""

    def __init__(self, filename: str, title: str, author: str, subject: str,
                 cover_painter: Callable[[Canvas, Any], None] | None = None) -> None:
        super().__init__(filename, pagesize=PORTRAIT, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN + 2 * mm, bottomMargin=MARGIN, title=title, author=author,
                         subject=subject, creator="Datahall Workbench", initialFontName=LATIN,
                         initialFontSize=9)
        pw, ph = PORTRAIT
        lw, lh = LANDSCAPE
        body = Frame(MARGIN, MARGIN, pw - 2 * MARGIN, ph - 2 * MARGIN - 2 * mm, id="body",
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        plan = Frame(MARGIN, MARGIN, lw - 2 * MARGIN, lh - 2 * MARGIN - 2 * mm, id="plan",
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        cover = Frame(MARGIN, MARGIN, pw - 2 * MARGIN, ph - 2 * MARGIN - 22 * mm, id="cover",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self._cover_painter = cover_painter
        templates = [PageTemplate("body", [body], pagesize=PORTRAIT),
                     PageTemplate("plan", [plan], pagesize=LANDSCAPE)]
        if cover_painter is not None:  # the first template is the first page's
            templates.insert(0, PageTemplate("cover", [cover], onPage=self._paint_cover, pagesize=PORTRAIT))
        self.addPageTemplates(templates)
        self.plan_frame_size = (plan._width, plan._height)
        self.body_frame_size = (body._width, body._height)

    def _paint_cover(self, canv: Canvas, doc: Any) -> None:
        if self._cover_painter is not None:
            self._cover_painter(canv, doc)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab API)
        level = getattr(flowable, "toc_level", None)
        if level is None:
            return
        key = f"h{id(flowable)}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.plain, key, level=level, closed=level > 0)
        self.notify("TOCEntry", (level, flowable.getPlainText(), self.page, key))


def build_atomic(out_path: Path, build: Callable[[str], None]) -> None:
    """Run build(temp_path) in the destination folder, then move the finished file into place."""
    out_path = Path(out_path)
    folder = out_path.parent if str(out_path.parent) else Path(".")
    if not folder.is_dir():
        raise OSError(f"folder does not exist: {folder}")
    fd, tmp = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes owner-only files; a report is an ordinary document
        build(tmp)
        os.replace(tmp, out_path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


__all__ = ["LATIN_BOLD", "Heading", "ReportDoc", "build_atomic", "_canvas_class"]
