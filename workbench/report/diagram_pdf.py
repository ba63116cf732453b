"""A plant diagram (calc.plant_layout) drawn as PDF vectors: boxes with ratings and loads, orthogonal runs, legend."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from workbench.calc.plant_layout import DiagramLayout
from workbench.report.fonts import draw_text, mixed_width
from workbench.report.passes import layout_pass
from workbench.report.styles import CATEGORY_COLOURS, INK, MUTED, RULE

LINE_COLOURS = {
    ("power", "A"): colors.HexColor("#d9480f"),
    ("power", "B"): colors.HexColor("#1c7ed6"),
    ("power", ""): colors.HexColor("#7048e8"),
    ("liquid", ""): colors.HexColor("#0b9fb3"),
    ("heat", ""): colors.HexColor("#c2255c"),
}
MAX_SLOTS_PER_SHEET = 16  # about 15 mm per box on A4 landscape: three lines of 5.5 pt text stay legible
TITLE_COL = 28 * mm
LEGEND_H = 9 * mm


@dataclass(frozen=True)
class NodeLines:
    """What a box says: name; rating and load; redundancy (or IT for racks)."""

    title: str
    figures: str
    note: str
    category: str


def sheets_for(layout: DiagramLayout) -> list[tuple[float, float]]:
    """Windows [x0, x1) in slot units, one per sheet, so every box keeps a legible size."""
    width = max(layout.width, 1.0)
    count = max(1, -(-int(width) // MAX_SLOTS_PER_SHEET))
    step = width / count
    return [(k * step, (k + 1) * step) for k in range(count)]


def _fit(text: str, width: float, size: float, bold: bool = False) -> str:
    """The text, or its longest start that fits with an ellipsis (found by halving: a prefix's width only grows)."""
    if mixed_width(text, size, bold) <= width:
        return text
    lo, hi = 0, len(text) - 1  # the longest fitting prefix has lo..hi characters
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mixed_width(text[:mid] + "…", size, bold) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo] + "…" if lo else ""


class DiagramFlowable(Flowable):
    """One sheet of a diagram: the window of slots it shows, level titles at the left, a line legend below."""

    def __init__(self, layout: DiagramLayout, lines: dict[str, NodeLines], width: float, height: float,
                 window: tuple[float, float], level_titles: list[str], legend: list[tuple[tuple[str, str], str]]):
        super().__init__()
        self.layout, self.lines = layout, lines
        self.width, self.height = width, height
        self.window = window
        self.level_titles = level_titles
        self.legend = legend

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        # Take the room left under the heading and caption (whatever their wrapped height), never a new page.
        if avail_h >= 80 * mm:
            self.height = min(self.height, avail_h - 1)
        return self.width, self.height

    def _geometry(self) -> tuple[float, float, float, float]:
        """(slot width, level height, origin x, origin y of the top level) in points."""
        x0, x1 = self.window
        slots = max(x1 - x0, 1.0) + 1.0  # half a slot of room each side: a box is never cut at the sheet edge
        area_w = self.width - TITLE_COL
        area_h = self.height - LEGEND_H
        slot_w = area_w / slots
        level_h = min(area_h / max(self.layout.height, 1.0), 32 * mm)
        return slot_w, level_h, TITLE_COL - (x0 - 0.5) * slot_w, self.height - 2 * mm

    def draw(self) -> None:
        c: Canvas = self.canv
        if layout_pass(c):
            return
        slot_w, level_h, ox, top = self._geometry()
        box_w = min(slot_w * 0.88, 40 * mm)
        box_h = min(level_h * 0.5, 13 * mm)
        pos = {n.block_id: (ox + n.x * slot_w, top - n.y * level_h) for n in self.layout.nodes}
        c.saveState()
        # Level titles and rules.
        for i, title in enumerate(self.level_titles):
            y = top - (i + 0.5) * level_h
            c.setFillColor(MUTED)
            draw_text(c, 0, y - 2.5, _fit(title, TITLE_COL - 2 * mm, 7, True), 7, bold=True)
            c.setStrokeColor(RULE)
            c.setLineWidth(0.3)
            c.setDash(1, 2)
            c.line(TITLE_COL, y + level_h / 2, self.width, y + level_h / 2)
        c.setDash()
        # Clip the drawing to this sheet's window.
        path = c.beginPath()
        path.rect(TITLE_COL - 1, LEGEND_H, self.width - TITLE_COL + 1, self.height - LEGEND_H)
        c.clipPath(path, stroke=0, fill=0)
        for e in self.layout.edges:
            a, b = pos.get(e.src), pos.get(e.dst)
            if a is None or b is None:
                continue
            colour = LINE_COLOURS.get((e.kind, e.side if e.kind == "power" else ""), LINE_COLOURS[(e.kind, "")]
                                      if (e.kind, "") in LINE_COLOURS else INK)
            c.setStrokeColor(colour)
            c.setLineWidth(0.7)
            if e.side == "B":
                c.setDash(2, 1.5)
            else:
                c.setDash()
            y_top, y_bot = a[1] - box_h / 2, b[1] + box_h / 2
            mid = (y_top + y_bot) / 2 if y_bot < y_top else y_top - (level_h - box_h) / 2
            p = c.beginPath()
            p.moveTo(a[0], y_top)
            p.lineTo(a[0], mid)
            p.lineTo(b[0], mid)
            p.lineTo(b[0], y_bot)
            c.drawPath(p, stroke=1, fill=0)
        c.setDash()
        x0, x1 = self.window
        last = x1 >= self.layout.width - 1e-9
        for n in self.layout.nodes:
            # A box belongs to the sheet holding its centre, so each is drawn whole, once.
            if not (x0 <= n.x < x1 or (last and n.x >= x1)):
                continue
            x, y = pos[n.block_id]
            self._box(c, n.block_id, x, y, box_w, box_h, bool(n.group))
        c.restoreState()
        self._draw_legend(c)

    def _box(self, c: Canvas, node_id: str, x: float, y: float, w: float, h: float, group: bool) -> None:
        lines = self.lines.get(node_id, NodeLines(node_id, "", "", "structure"))
        hue = CATEGORY_COLOURS.get(lines.category, CATEGORY_COLOURS["structure"])
        fill = colors.Color(hue.red, hue.green, hue.blue, alpha=0.16)
        c.setStrokeColor(hue)
        c.setLineWidth(0.8)
        if group:  # a stack of racks: a second outline behind
            c.setFillColor(colors.white)
            c.roundRect(x - w / 2 + 1.2, y - h / 2 + 1.2, w, h, 1.5, stroke=1, fill=1)
        c.setFillColor(colors.white)
        c.roundRect(x - w / 2, y - h / 2, w, h, 1.5, stroke=0, fill=1)
        c.setFillColor(fill)
        c.roundRect(x - w / 2, y - h / 2, w, h, 1.5, stroke=1, fill=1)
        c.setFillColor(INK)
        inner = w - 2.4
        left = x - w / 2 + 1.2
        size = 5.8 if w > 16 * mm else 5.0
        draw_text(c, left, y + h / 2 - size - 1.0, _fit(lines.title, inner, size, True), size, bold=True)
        c.setFillColor(MUTED)
        small = size - 0.6
        for k, text in enumerate((lines.figures, lines.note)):
            if text:
                draw_text(c, left, y + h / 2 - size - 1.6 - (k + 1) * (small + 1.2), _fit(text, inner, small), small)

    def _draw_legend(self, c: Canvas) -> None:
        x = TITLE_COL
        y = 3 * mm
        for key, label in self.legend:
            colour = LINE_COLOURS.get(key, INK)
            c.setStrokeColor(colour)
            c.setLineWidth(1.0)
            if key[1] == "B":
                c.setDash(2, 1.5)
            c.line(x, y + 2, x + 8 * mm, y + 2)
            c.setDash()
            c.setFillColor(INK)
            width = draw_text(c, x + 9.5 * mm, y, label, 7)
            x += 9.5 * mm + width + 6 * mm
