"""The PDF document frame: A4 pages (portrait and landscape), header, footer with page x of y, contents and outline."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from workbench.report.fonts import LATIN, LATIN_BOLD, draw_text, markup, mixed_width
from workbench.report.styles import ACCENT, MUTED, RULE

MARGIN = 18 * mm
HEADER_H = 10 * mm
PORTRAIT = A4
LANDSCAPE = landscape(A4)
LANDSCAPE_A3 = landscape(A3)  # for plans of large halls (ReportOptions.plan_paper)


class Heading(Paragraph):
    """A paragraph that adds itself to the contents (level 0 or 1) and to the PDF outline."""

    def __init__(self, text: str, style: Any, level: int, plain: str) -> None:
        super().__init__(text, style)
        self.toc_level = level
        self.plain = plain


class Decoration:
    """Header and footer for every page but (optionally) the first; 'page x of y' takes y from the previous pass.

    Drawing at the end of each page (instead of holding pages back until the end, as the usual
    'page x of y' canvas does) keeps bookmarks and contents links on the page they belong to.
    """

    def __init__(self, header: tuple[str, str], footer: str, page_word: Callable[[int, int], str],
                 skip_first: bool) -> None:
        from workbench.report.formatting import ellipsize

        # One line each: long site or customer names are cut rather than drawn off the page.
        self.header = (ellipsize(header[0], 90), ellipsize(header[1], 60))
        self.footer, self.page_word, self.skip_first = ellipsize(footer, 120), page_word, skip_first

    def draw(self, canv: Canvas, number: int, total: int) -> None:
        if self.skip_first and number == 1:
            return
        w, h = canv._pagesize
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        top = h - MARGIN + 4 * mm
        canv.line(MARGIN, top - 1.5 * mm, w - MARGIN, top - 1.5 * mm)
        canv.line(MARGIN, MARGIN - 6 * mm, w - MARGIN, MARGIN - 6 * mm)
        canv.setFillColor(ACCENT)
        draw_text(canv, MARGIN, top, _fit(self.header[0], w * 0.6, bold=True), 8, bold=True)
        canv.setFillColor(MUTED)
        draw_text(canv, w - MARGIN, top, self.header[1], 8, anchor="end")
        draw_text(canv, MARGIN, MARGIN - 10 * mm, _fit(self.footer, w * 0.55, 7.5), 7.5)
        draw_text(canv, w - MARGIN, MARGIN - 10 * mm, self.page_word(number, max(total, number)), 7.5,
                  anchor="end")
        canv.restoreState()


class _PageTotal(Flowable):
    """An invisible indexing flowable: the document is built again until its page count stops changing."""

    def __init__(self, doc: ReportDoc) -> None:
        super().__init__()
        self._doc = doc
        self.width = self.height = 0

    def isIndexing(self) -> int:  # noqa: N802 (reportlab API)
        return 1

    def isSatisfied(self) -> int:  # noqa: N802 (reportlab API)
        return int(self._doc.page_total == self._doc.page_total_before)

    def beforeBuild(self) -> None:  # noqa: N802 (reportlab API)
        self._doc.page_total_before = self._doc.page_total

    def afterBuild(self) -> None:  # noqa: N802 (reportlab API)
        self._doc.page_total = self._doc.page

    def notify(self, kind: str, stuff: Any) -> None:
        pass

    def draw(self) -> None:
        pass


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
                 cover_painter: Callable[[Canvas, Any], None] | None = None,
                 decoration: Decoration | None = None) -> None:
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
        self.decoration = decoration
        self.page_total = 0  # pages of the previous pass (0 before the first)
        self.page_total_before = -1
        aw, ah = LANDSCAPE_A3
        plan_a3 = Frame(MARGIN, MARGIN, aw - 2 * MARGIN, ah - 2 * MARGIN - 2 * mm, id="plan_a3",
                        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates = [PageTemplate("body", [body], pagesize=PORTRAIT),
                     PageTemplate("plan", [plan], pagesize=LANDSCAPE),
                     PageTemplate("plan_a3", [plan_a3], pagesize=LANDSCAPE_A3)]
        if cover_painter is not None:  # the first template is the first page's
            templates.insert(0, PageTemplate("cover", [cover], onPage=self._paint_cover, pagesize=PORTRAIT))
        self.addPageTemplates(templates)
        self.plan_frame_size = (plan._width, plan._height)
        self.body_frame_size = (body._width, body._height)

    def _paint_cover(self, canv: Canvas, doc: Any) -> None:
        if self._cover_painter is not None:
            self._cover_painter(canv, doc)

    def afterPage(self) -> None:  # noqa: N802 (reportlab API)
        if self.decoration is not None:
            self.decoration.draw(self.canv, self.page, self.page_total)

    def multiBuild(self, story: list[Flowable], maxPasses: int = 10, **kw: Any) -> int:  # noqa: N802, N803
        """Build until the contents and the page total are stable (at least two passes)."""
        self.in_multi_build, self.passes_started = True, 0
        try:
            return int(super().multiBuild([_PageTotal(self), *story], maxPasses=maxPasses, **kw))
        finally:
            self.in_multi_build = False

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab API)
        level = getattr(flowable, "toc_level", None)
        if level is None:
            return
        # A key stable across passes (the heading's order) so contents links resolve in the final pass.
        self._heading_no = getattr(self, "_heading_no", 0) + 1
        key = f"h{self._heading_no}"
        self.canv.bookmarkHorizontal(key, 0, self.frame._y + flowable.height + 12)
        self.canv.addOutlineEntry(flowable.plain, key, level=level, closed=level > 0)
        # The contents is a Paragraph per entry: the text goes through markup() so Chinese gets its font.
        self.notify("TOCEntry", (level, markup(flowable.plain, keep_newlines=False), self.page, key))

    def beforeDocument(self) -> None:  # noqa: N802 (reportlab API)
        self._heading_no = 0
        self.passes_started = getattr(self, "passes_started", 0) + 1


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


__all__ = ["LATIN_BOLD", "Decoration", "Heading", "ReportDoc", "build_atomic"]
