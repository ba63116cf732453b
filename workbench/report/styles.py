"""Typography, colours and table helpers shared by the report PDFs (one look for every document)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle

from workbench.report.passes import layout_pass
from workbench.report.fonts import LATIN, LATIN_BOLD, markup, register_fonts

INK = colors.HexColor("#1d2733")
MUTED = colors.HexColor("#5b6673")
ACCENT = colors.HexColor("#0b4f71")
ACCENT_LIGHT = colors.HexColor("#e6eff4")
RULE = colors.HexColor("#c3ccd5")
ZEBRA = colors.HexColor("#f4f6f8")
TOTAL_BG = colors.HexColor("#dde7ee")
SEVERITY = {"error": colors.HexColor("#b42318"), "warning": colors.HexColor("#b54708"),
            "info": colors.HexColor("#175cd3")}
CATEGORY_COLOURS = {
    "compute": colors.HexColor("#3f6fb5"),
    "network": colors.HexColor("#7a5ba6"),
    "storage": colors.HexColor("#3c8d87"),
    "power": colors.HexColor("#d08a2c"),
    "cooling": colors.HexColor("#4aa3d6"),
    "structure": colors.HexColor("#8a8f96"),
}


# reportlab's Table sets its cell font (Helvetica by default) even when every cell is a Paragraph;
# naming our own font keeps base-14 fonts out of the PDF entirely.
BASE_TABLE: list[tuple[object, ...]] = [("FONTNAME", (0, 0), (-1, -1), LATIN), ("FONTSIZE", (0, 0), (-1, -1), 8)]


class Styles:
    """Paragraph styles for one language (CJK wrapping for Chinese)."""

    def __init__(self, cjk: bool) -> None:
        register_fonts()
        wrap = "CJK" if cjk else None
        lead = 1.45 if cjk else 1.35

        def style(name: str, size: float, font: str = LATIN, color: colors.Color = INK, align: int = TA_LEFT,
                  before: float = 0, after: float = 0, **kw: object) -> ParagraphStyle:
            return ParagraphStyle(name, fontName=font, fontSize=size, leading=round(size * lead, 1),
                                  textColor=color, alignment=align, spaceBefore=before, spaceAfter=after,
                                  wordWrap=wrap, splitLongWords=1, **kw)

        self.body = style("body", 9.2, after=5)
        self.small = style("small", 7.6, color=MUTED)
        self.note = style("note", 7.6, color=MUTED, before=3, after=4)  # clear of the table above
        self.h1 = style("h1", 16, LATIN_BOLD, ACCENT, after=8, keepWithNext=1)
        self.h2 = style("h2", 11.5, LATIN_BOLD, INK, before=10, after=5)
        self.h3 = style("h3", 9.5, LATIN_BOLD, ACCENT, before=6, after=3, keepWithNext=1)
        self.cell = style("cell", 7.8)
        self.cell_r = style("cell_r", 7.8, align=TA_RIGHT)
        self.cell_c = style("cell_c", 7.8, align=TA_CENTER)
        self.cell_b = style("cell_b", 7.8, LATIN_BOLD)
        self.cell_br = style("cell_br", 7.8, LATIN_BOLD, align=TA_RIGHT)
        self.head = style("head", 7.6, LATIN_BOLD, colors.white)
        self.head_r = style("head_r", 7.6, LATIN_BOLD, colors.white, align=TA_RIGHT)
        self.title = style("title", 25, LATIN_BOLD, INK, after=6)
        self.subtitle = style("subtitle", 12.5, LATIN, MUTED, after=4)
        self.kf_value = style("kf_value", 17, LATIN_BOLD, ACCENT, align=TA_CENTER)
        self.kf_label = style("kf_label", 7.6, LATIN, MUTED, align=TA_CENTER)
        self.toc1 = style("toc1", 10, LATIN_BOLD, leftIndent=0, before=5)
        self.toc2 = style("toc2", 9, LATIN, leftIndent=14)
        self.bullet = style("bullet", 9.2, after=3, leftIndent=10, bulletIndent=0)

    def p(self, text: object, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of user or generated text: escaped, never read as markup."""
        return cell_paragraph(text, style or self.body)

    def rich(self, safe_markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph whose markup we wrote; every piece of data inside was passed through markup()."""
        return Paragraph(safe_markup, style or self.body)


_SHORT_STYLES = frozenset({"title", "subtitle", "h1", "h2", "h3", "kf_value", "kf_label", "head", "head_r",
                           "toc1", "toc2"})


def cell_paragraph(text: object, style: ParagraphStyle) -> Paragraph:
    """Escaped text; Chinese styles break lines so numbers stay with their units. Text longer than a page
    holds is cut with an ellipsis (a 10,000-character customer name made an unsplittable table cell)."""
    from workbench.report.formatting import CELL_TEXT_CHARS, LONG_TEXT_CHARS, SHORT_TEXT_CHARS, ellipsize

    limit = SHORT_TEXT_CHARS if style.name in _SHORT_STYLES else CELL_TEXT_CHARS if style.name.startswith(
        ("cell", "small")) else LONG_TEXT_CHARS
    text = ellipsize(text, limit)
    if style.wordWrap == "CJK":
        from workbench.report.cjkwrap import CJKParagraph

        return CJKParagraph(text, style)
    return Paragraph(markup(text), style)


def cell_with_note(text: object, note: object, style: ParagraphStyle) -> Paragraph:
    """A cell's text with a small grey note under it (a catalog id, an assumption key, how an allowance is
    sized); Chinese text is broken by cjkwrap, as in every other cell, so a number keeps its unit."""
    tail = f'<font size="6.5" color="#5b6673">{markup(note)}</font>'
    if style.wordWrap == "CJK":
        from workbench.report.cjkwrap import CJKParagraph

        return CJKParagraph(text, style, tail)
    return Paragraph(f"{markup(text)}<br/>{tail}", style)


MIN_SPLIT_ROWS = 3  # a table split across pages leaves at least this many body rows on each side


class OrphanFreeTable(Table):
    """A table that never leaves a page holding one or two of its rows (the header repeats on the next page)."""

    def draw(self) -> None:
        if not layout_pass(self.canv):  # the first pass of a report only lays out
            super().draw()

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803 (reportlab API)
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        head = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        first = len(parts[0]._cellvalues) - head
        second = len(parts[1]._cellvalues) - head
        if second < MIN_SPLIT_ROWS and first > MIN_SPLIT_ROWS:
            # Split earlier, so the rows that would be alone on the next page take company with them.
            at = len(parts[0]._cellvalues)
            give = sum(self._rowHeights[at - (MIN_SPLIT_ROWS - second):at])
            parts = super().split(availWidth, availHeight - give)
            if len(parts) != 2:
                return parts
            first = len(parts[0]._cellvalues) - head
        if first < MIN_SPLIT_ROWS and availHeight < 300:
            return []  # too little room here: the whole table starts on the next page
        return parts


def data_table(styles: Styles, header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float],
               align: str = "", total_rows: Sequence[int] = (), group_rows: Sequence[int] = (),
               repeat: int = 1, bold_rows: Sequence[int] = ()) -> Table:
    """A zebra table with a dark header; align gives 'L', 'R' or 'C' per column; data rows index from 0."""
    align = (align or "L" * len(widths)).ljust(len(widths), "L")
    cell = {"L": styles.cell, "R": styles.cell_r, "C": styles.cell_c}
    bold = {"L": styles.cell_b, "R": styles.cell_br, "C": styles.cell_b}
    head_style = {"L": styles.head, "R": styles.head_r, "C": styles.head}
    totals = set(total_rows) | set(bold_rows) | set(group_rows)
    data: list[list[object]] = [[cell_paragraph(h, head_style[align[i]]) for i, h in enumerate(header)]]
    for r, row in enumerate(rows):
        st = bold if r in totals else cell
        data.append([v if isinstance(v, Paragraph) else cell_paragraph(v, st[align[i]])
                     for i, v in enumerate(row)])
    table = OrphanFreeTable(data, colWidths=list(widths), repeatRows=repeat, hAlign="LEFT")
    cmds: list[tuple[object, ...]] = [
        *BASE_TABLE,
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
    ]
    if rows:
        cmds.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]))
    for r in group_rows:
        cmds += [("BACKGROUND", (0, r + 1), (-1, r + 1), ACCENT_LIGHT),
                 ("SPAN", (0, r + 1), (-1, r + 1))]
    for r in total_rows:
        cmds += [("BACKGROUND", (0, r + 1), (-1, r + 1), TOTAL_BG),
                 ("LINEABOVE", (0, r + 1), (-1, r + 1), 0.8, ACCENT)]
    table.setStyle(TableStyle(cmds))
    return table


def kv_table(styles: Styles, rows: Sequence[tuple[str, object]], widths: Sequence[float]) -> Table:
    """Label / value pairs without a header (cover details, key figures)."""
    data = [[cell_paragraph(k, styles.cell_b), cell_paragraph(v, styles.cell)] for k, v in rows]
    table = Table(data, colWidths=list(widths), hAlign="LEFT")
    table.setStyle(TableStyle([
        *BASE_TABLE,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table
