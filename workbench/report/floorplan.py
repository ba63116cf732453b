"""The floor plan of a hall drawn as vectors from the model: blocks by category, aisles, columns, doors, dimensions, scale."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.platypus import Flowable

from workbench.calc.snapshot import Snapshot
from workbench.geometry.boxes import footprints
from workbench.geometry.placement import door_inward, service_zones
from workbench.model.blocktype import CATEGORIES, RACK_CATEGORIES
from workbench.model.design import Hall
from workbench.report.fonts import LATIN, LATIN_BOLD, draw_text, mixed_width
from workbench.report.formatting import Formatter
from workbench.report.floorplan_underlay import PlanUnderlay, draw_underlay
from workbench.report.passes import layout_pass
from workbench.report.styles import ACCENT, CATEGORY_COLOURS, INK, MUTED, RULE

NICE_SCALES = (20, 25, 50, 75, 100, 125, 150, 200, 250, 300, 400, 500, 750, 1000, 1250, 1500, 2000, 2500,
               5000, 10000, 20000, 50000)
PANEL_W = 58 * mm
COLD = colors.HexColor("#d8eaf7")
HOT = colors.HexColor("#f8dcd6")
FLOOR = colors.HexColor("#fbfbfa")
PT_PER_MODEL_MM = mm  # one paper millimetre in points
MIN_LABEL_PT = 3.2


@dataclass
class HallDrawing:
    """What a plan needs from the model for one hall, as arrays (one row per block)."""

    hall: Hall
    boxes: np.ndarray  # xmin, ymin, xmax, ymax (mm)
    category: np.ndarray  # index into CATEGORIES
    rotation: np.ndarray
    front: np.ndarray  # clearance zones in front of racks
    rear: np.ndarray
    labels: list[str]

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        xs = [p[0] for p in self.hall.outline] or [0.0]
        ys = [p[1] for p in self.hall.outline] or [0.0]
        x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
        if len(self.boxes):
            x0, y0 = min(x0, float(self.boxes[:, 0].min())), min(y0, float(self.boxes[:, 1].min()))
            x1, y1 = max(x1, float(self.boxes[:, 2].max())), max(y1, float(self.boxes[:, 3].max()))
        if x1 - x0 < 1000:
            x1 = x0 + 1000
        if y1 - y0 < 1000:
            y1 = y0 + 1000
        return x0, y0, x1, y1


def hall_drawing(snap: Snapshot, hall_index: int, hall: Hall, names: list[str]) -> HallDrawing:
    """Arrays for the blocks of one hall; names are the labels of every snapshot row."""
    mask = snap.hall == hall_index
    idx = np.flatnonzero(mask)
    rot = snap.rotation[idx]
    boxes = footprints(snap.x[idx], snap.y[idx], snap.col("width_mm")[idx], snap.col("depth_mm")[idx], rot)
    cat = snap.types.category[snap.type_index[idx]]
    rack_codes = [CATEGORIES.index(c) for c in RACK_CATEGORIES]
    racks = np.isin(cat, rack_codes)
    clear = snap.types.clear[snap.type_index[idx]]
    front, rear = service_zones(boxes[racks], rot[racks], clear[racks, 0], clear[racks, 1])
    return HallDrawing(hall, boxes, cat, rot, front, rear, [names[i] for i in idx])


def choose_scale(extent_mm: tuple[float, float], area_pt: tuple[float, float], mode: str) -> int:
    """The plan scale denominator: fixed for '100'/'200', else the largest nice scale that fits the area."""
    if mode in ("100", "200"):
        return int(mode)
    need = max(extent_mm[0] / (area_pt[0] / PT_PER_MODEL_MM), extent_mm[1] / (area_pt[1] / PT_PER_MODEL_MM))
    for s in NICE_SCALES:
        if s >= need:
            return s
    return int(math.ceil(need / 10000.0) * 10000)


def tiles(bounds: tuple[float, float, float, float], area_pt: tuple[float, float],
          denom: int) -> list[tuple[float, float, float, float]]:
    """Model windows (x0, y0, x1, y1) that cover the hall at this scale, row by row from the top."""
    x0, y0, x1, y1 = bounds
    tw = area_pt[0] / PT_PER_MODEL_MM * denom
    th = area_pt[1] / PT_PER_MODEL_MM * denom
    nx = max(1, math.ceil((x1 - x0) / tw - 1e-9))
    ny = max(1, math.ceil((y1 - y0) / th - 1e-9))
    # centre the covered window on the hall so margins are even
    cx0 = x0 - (nx * tw - (x1 - x0)) / 2
    cy0 = y0 - (ny * th - (y1 - y0)) / 2
    return [(cx0 + i * tw, cy0 + j * th, cx0 + (i + 1) * tw, cy0 + (j + 1) * th)
            for j in reversed(range(ny)) for i in range(nx)]


class PlanFlowable(Flowable):
    """One sheet of a hall plan: drawing area on the left, legend and scale panel on the right."""

    def __init__(self, drawing: HallDrawing, fmt: Formatter, width: float, height: float, denom: int,
                 window: tuple[float, float, float, float], sheet: tuple[int, int], all_windows:
                 list[tuple[float, float, float, float]], caption: Flowable | None = None) -> None:
        super().__init__()
        self.caption = caption
        self.d, self.fmt, self.width, self.height = drawing, fmt, width, height
        self.denom, self.window, self.sheet, self.all_windows = denom, window, sheet, all_windows
        self.underlay: PlanUnderlay | None = None  # the architect's drawing, when the report asks for it

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    # --- coordinates ------------------------------------------------------------------------
    def _area(self) -> tuple[float, float, float, float]:
        return 0.0, 0.0, self.width - PANEL_W - 6 * mm, self.height

    def _k(self) -> float:
        return PT_PER_MODEL_MM / self.denom

    def _origin(self) -> tuple[float, float]:
        ax, ay, aw, ah = self._area()
        wx0, wy0, wx1, wy1 = self.window
        k = self._k()
        return ax + (aw - (wx1 - wx0) * k) / 2 - wx0 * k, ay + (ah - (wy1 - wy0) * k) / 2 - wy0 * k

    def draw(self) -> None:
        c = self.canv
        if layout_pass(c):
            return
        ax, ay, aw, ah = self._area()
        ox, oy = self._origin()
        k = self._k()
        c.saveState()
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.rect(ax, ay, aw, ah)
        p = c.beginPath()
        p.rect(ax, ay, aw, ah)
        c.clipPath(p, stroke=0, fill=0)
        self._draw_model(ox, oy, k)
        if len(self.all_windows) == 1:
            self._dimensions(ox, oy, k)
        c.restoreState()
        self._panel(ax + aw + 6 * mm)

    def _draw_model(self, ox: float, oy: float, k: float) -> None:
        c, d, hall = self.canv, self.d, self.d.hall
        pts = [(ox + x * k, oy + y * k) for x, y in hall.outline]
        path = _closed_path(c, pts) if len(pts) >= 3 else None
        if path is not None:
            c.setFillColor(FLOOR)
            c.drawPath(path, fill=1, stroke=0)
        draw_underlay(c, self.underlay, self._area(), ox, oy, k)  # on the floor, under the outline and blocks
        if path is not None:
            c.setStrokeColor(INK)
            c.setLineWidth(1.6)
            c.drawPath(path, fill=0, stroke=1)
        for zones, colour in ((d.front, COLD), (d.rear, HOT)):
            self._rects(zones, ox, oy, k, colour, None)
        for col in hall.columns:
            x, y = ox + (col.x_mm - col.width_mm / 2) * k, oy + (col.y_mm - col.depth_mm / 2) * k
            w, h = col.width_mm * k, col.depth_mm * k
            c.setFillColor(colors.HexColor("#4a4f55"))
            c.setStrokeColor(INK)
            c.setLineWidth(0.4)
            c.rect(x, y, w, h, fill=1, stroke=1)
        for ci, cat in enumerate(CATEGORIES):
            sel = d.category == ci
            if sel.any():
                base = CATEGORY_COLOURS[cat]
                self._rects(d.boxes[sel], ox, oy, k, base, _darker(base))
        self._fronts(ox, oy, k)
        self._doors(ox, oy, k)
        self._labels(ox, oy, k)

    def _rects(self, boxes: np.ndarray, ox: float, oy: float, k: float, fill: colors.Color,
               stroke: colors.Color | None) -> None:
        if not len(boxes):
            return
        c = self.canv
        wx0, wy0, wx1, wy1 = self.window
        vis = (boxes[:, 2] >= wx0) & (boxes[:, 0] <= wx1) & (boxes[:, 3] >= wy0) & (boxes[:, 1] <= wy1)
        path = c.beginPath()
        for x0, y0, x1, y1 in boxes[vis].tolist():
            path.rect(ox + x0 * k, oy + y0 * k, (x1 - x0) * k, (y1 - y0) * k)
        c.setFillColor(fill)
        if stroke is not None:
            c.setStrokeColor(stroke)
            c.setLineWidth(0.35)
        c.drawPath(path, fill=1, stroke=1 if stroke is not None else 0)

    def _fronts(self, ox: float, oy: float, k: float) -> None:
        """A white bar along each block's front face shows which way it faces."""
        d, c = self.d, self.canv
        if not len(d.boxes):
            return
        r = (d.rotation // 90) % 4
        b = d.boxes
        inset = np.minimum((b[:, 2] - b[:, 0]), (b[:, 3] - b[:, 1])) * 0.12
        wx0, wy0, wx1, wy1 = self.window
        vis = (b[:, 2] >= wx0) & (b[:, 0] <= wx1) & (b[:, 3] >= wy0) & (b[:, 1] <= wy1)
        b, r, inset = b[vis], r[vis], inset[vis]
        path = c.beginPath()
        for (xa, ya, xb, yb), rr, ins in zip(b.tolist(), r.tolist(), inset.tolist()):
            if rr == 0:
                line = (xa + ins, ya + ins, xb - ins, ya + ins)
            elif rr == 1:
                line = (xb - ins, ya + ins, xb - ins, yb - ins)
            elif rr == 2:
                line = (xa + ins, yb - ins, xb - ins, yb - ins)
            else:
                line = (xa + ins, ya + ins, xa + ins, yb - ins)
            path.moveTo(ox + line[0] * k, oy + line[1] * k)
            path.lineTo(ox + line[2] * k, oy + line[3] * k)
        c.setStrokeColor(colors.white)
        c.setLineWidth(max(0.5, min(1.4, 120 * k)))
        c.drawPath(path, fill=0, stroke=1)

    def _doors(self, ox: float, oy: float, k: float) -> None:
        c = self.canv
        for door in self.d.hall.doors:
            a = math.radians(door.rotation_deg)
            ux, uy = math.cos(a), math.sin(a)
            nx, ny = door_inward(self.d.hall.outline, door.x_mm, door.y_mm, door.rotation_deg)  # where its zone lies
            half = door.width_mm / 2
            ax_, ay_ = door.x_mm - ux * half, door.y_mm - uy * half
            bx_, by_ = door.x_mm + ux * half, door.y_mm + uy * half
            c.setStrokeColor(colors.white)
            c.setLineWidth(2.4)
            c.line(ox + ax_ * k, oy + ay_ * k, ox + bx_ * k, oy + by_ * k)
            c.setStrokeColor(ACCENT)
            c.setLineWidth(0.6)
            for hx, hy, sgn in ((ax_, ay_, 1), (bx_, by_, -1)):  # two leaves swinging inward
                leaf = half
                ex, ey = hx + nx * leaf, hy + ny * leaf
                c.line(ox + hx * k, oy + hy * k, ox + ex * k, oy + ey * k)
                start = math.degrees(math.atan2(ny, nx))
                towards = math.degrees(math.atan2(uy * sgn, ux * sgn))
                extent = ((towards - start + 180) % 360) - 180
                r = leaf * k
                c.arc(ox + hx * k - r, oy + hy * k - r, ox + hx * k + r, oy + hy * k + r, start, extent)

    def _labels(self, ox: float, oy: float, k: float) -> None:
        """Each block's name, shortened to its number when the name does not fit ("CDU-10" → "10"); a block too
        small even for that gets a numbered dot and is listed in the side panel (never silently dropped)."""
        c = self.canv
        c.setFillColor(colors.white)
        wx0, wy0, wx1, wy1 = self.window
        self.unlabelled: list[str] = []
        for (x0, y0, x1, y1), text in zip(self.d.boxes.tolist(), self.d.labels):
            if not text or x1 < wx0 or x0 > wx1 or y1 < wy0 or y0 > wy1:
                continue
            w, h = (x1 - x0) * k, (y1 - y0) * k
            vertical = h > w * 1.3
            along, across = (h, w) if vertical else (w, h)
            shown, size = text, 0.0
            for candidate in dict.fromkeys((text, abbreviate(text))):
                size = min(6.5, across * 0.55, (along - 2) / max(mixed_width(candidate, 1), 1e-6))
                shown = candidate
                if size >= MIN_LABEL_PT:
                    break
            cx, cy = ox + (x0 + x1) / 2 * k, oy + (y0 + y1) / 2 * k
            if size < MIN_LABEL_PT:
                self.unlabelled.append(text)
                continue
            if vertical:
                c.saveState()
                c.translate(cx, cy)
                c.rotate(90)
                draw_text(c, 0, -size * 0.35, shown, size, anchor="middle")
                c.restoreState()
            else:
                draw_text(c, cx, cy - size * 0.35, shown, size, anchor="middle")

    def _dimensions(self, ox: float, oy: float, k: float) -> None:
        c, fmt = self.canv, self.fmt
        xs = [p[0] for p in self.d.hall.outline]
        ys = [p[1] for p in self.d.hall.outline]
        if not xs:
            return
        x0, x1, y0, y1 = ox + min(xs) * k, ox + max(xs) * k, oy + min(ys) * k, oy + max(ys) * k
        c.setStrokeColor(MUTED)
        c.setFillColor(INK)
        c.setLineWidth(0.5)
        ax, ay, _, _ = self._area()
        # The dimension lines sit outside the hall but inside the frame (the text was cut by the frame edge).
        yb = max(y0 - 7 * mm, ay + 3 * mm)
        c.line(x0, yb, x1, yb)
        for x in (x0, x1):
            c.line(x, yb - 1.5 * mm, x, y0 - 1.5 * mm)
            c.line(x - 1.2 * mm, yb - 1.2 * mm, x + 1.2 * mm, yb + 1.2 * mm)
        label = fmt.length_mm(max(xs) - min(xs))
        draw_text(c, (x0 + x1) / 2, yb + 1.2 * mm, label, 7, anchor="middle")
        xl = max(x0 - 7 * mm, ax + 5 * mm)
        c.line(xl, y0, xl, y1)
        for y in (y0, y1):
            c.line(xl - 1.5 * mm, y, x0 - 1.5 * mm, y)
            c.line(xl - 1.2 * mm, y - 1.2 * mm, xl + 1.2 * mm, y + 1.2 * mm)
        c.saveState()
        c.translate(xl - 1.2 * mm, (y0 + y1) / 2)
        c.rotate(90)
        draw_text(c, 0, 0, fmt.length_mm(max(ys) - min(ys)), 7, anchor="middle")
        c.restoreState()

    # --- side panel -------------------------------------------------------------------------
    def _panel(self, x: float) -> None:
        c, fmt, t = self.canv, self.fmt, self.fmt.lang.t
        y = self.height
        c.setFillColor(ACCENT)
        y -= 10
        draw_text(c, x, y, t("plan.scale_value", denom=fmt.num(self.denom), paper=getattr(self, "paper", "A4")), 8,
                  bold=True)
        y -= 11
        c.setFillColor(MUTED)
        if len(self.all_windows) > 1:
            draw_text(c, x, y, t("plan.sheet", n=self.sheet[0], total=self.sheet[1]), 7.5)
            y -= 11
        y = self._scale_bar(x, y - 6)
        y = self._legend(x, y - 12)
        missing = getattr(self, "unlabelled", [])
        if missing:
            c.setFillColor(MUTED)
            for line in _wrap_words(t("plan.unlabelled", n=fmt.num(len(missing)), names=", ".join(missing[:12])
                                      + (" …" if len(missing) > 12 else "")), PANEL_W, 6.5):
                y -= 8.5
                draw_text(c, x, y, line, 6.5)
            y -= 4
        if self.underlay is not None and self.underlay.note:
            c.setFillColor(MUTED)
            for line in _wrap_words(self.underlay.note, PANEL_W, 6.5):
                y -= 8.5
                draw_text(c, x, y, line, 6.5)
            y -= 4
        if self.caption is not None:
            _, h = self.caption.wrapOn(c, PANEL_W, 200)
            y -= 8 + h
            self.caption.drawOn(c, x, y)
        if len(self.all_windows) > 1:
            self._key_plan(x, min(y - 16, 50 * mm), 40 * mm)

    def _scale_bar(self, x: float, y: float) -> float:
        c, fmt = self.canv, self.fmt
        k = self._k()
        unit_mm = 304.8 if fmt.units == "imperial" else 1000.0
        target = 40 * mm / k / unit_mm  # units that fit in 40 mm of paper
        step = _nice_step(target / 2)
        seg = step * unit_mm * k
        for i in range(2):
            c.setFillColor(INK if i % 2 == 0 else colors.white)
            c.setStrokeColor(INK)
            c.setLineWidth(0.5)
            c.rect(x + i * seg, y - 4, seg, 4, fill=1, stroke=1)
        c.setFillColor(INK)
        c.setFont(LATIN, 6.5)
        unit = fmt.unit("length_m")
        for i in range(3):
            c.drawCentredString(x + i * seg, y - 12, fmt.num(step * i, 0 if step >= 1 else 1))
        draw_text(c, x + 2 * seg + 8, y - 12, unit, 6.5)
        return y - 18

    def _legend(self, x: float, y: float) -> float:
        c, t = self.canv, self.fmt.lang.t
        present = sorted(set(int(v) for v in self.d.category.tolist()))
        items: list[tuple[str, colors.Color, colors.Color]] = [
            (t(f"category.{CATEGORIES[i]}"), CATEGORY_COLOURS[CATEGORIES[i]], _darker(CATEGORY_COLOURS[CATEGORIES[i]]))
            for i in present]
        # Only what the sheet draws: aisle zones, columns, doors and the front marker when there are any.
        if len(self.d.front):
            items.append((t("plan.cold_aisle"), COLD, COLD))
        if len(self.d.rear):
            items.append((t("plan.hot_aisle"), HOT, HOT))
        if self.d.hall.columns:
            items.append((t("plan.column"), colors.HexColor("#4a4f55"), INK))
        c.setFillColor(INK)
        draw_text(c, x, y, t("plan.legend"), 8, bold=True)
        y -= 13
        for label, fill, stroke in items:
            c.setFillColor(fill)
            c.setStrokeColor(stroke)
            c.setLineWidth(0.4)
            c.rect(x, y - 1.5, 9, 6.5, fill=1, stroke=1)
            c.setFillColor(INK)
            draw_text(c, x + 14, y, label, 7.2)
            y -= 11
        if self.d.hall.doors:
            c.setStrokeColor(ACCENT)
            c.setLineWidth(0.6)
            c.line(x, y - 1.5, x, y + 6.5)
            c.arc(x - 8, y - 9.5, x + 8, y + 6.5, 0, 90)
            c.setFillColor(INK)
            draw_text(c, x + 14, y, t("plan.door"), 7.2)
            y -= 11
        if not len(self.d.boxes):
            return y
        c.setFillColor(CATEGORY_COLOURS["compute"])
        c.rect(x, y - 1.5, 9, 6.5, fill=1, stroke=0)
        c.setStrokeColor(colors.white)
        c.setLineWidth(1)
        c.line(x + 1, y - 0.3, x + 8, y - 0.3)
        c.setFillColor(INK)
        draw_text(c, x + 14, y, t("plan.front"), 7.2)
        return y - 11

    def _key_plan(self, x: float, y_top: float, size: float) -> None:
        """A small map of all sheets with this one highlighted."""
        c = self.canv
        xs = [w[0] for w in self.all_windows] + [w[2] for w in self.all_windows]
        ys = [w[1] for w in self.all_windows] + [w[3] for w in self.all_windows]
        ex, ey = max(xs) - min(xs), max(ys) - min(ys)
        k = min(size / ex, size / ey)
        bx, by = x - min(xs) * k, y_top - ey * k - min(ys) * k
        c.setFillColor(INK)
        draw_text(c, x, y_top + 4, self.fmt.lang.t("plan.key_plan"), 7.5, bold=True)
        for i, (x0, y0, x1, y1) in enumerate(self.all_windows):
            current = i + 1 == self.sheet[0]
            c.setFillColor(colors.HexColor("#c9dbe6") if current else colors.white)
            c.setStrokeColor(MUTED)
            c.setLineWidth(0.4)
            c.rect(bx + x0 * k, by + y0 * k, (x1 - x0) * k, (y1 - y0) * k, fill=1, stroke=1)
            c.setFillColor(INK)
            c.setFont(LATIN_BOLD if current else LATIN, 6)
            c.drawCentredString(bx + (x0 + x1) / 2 * k, by + (y0 + y1) / 2 * k - 2, str(i + 1))
        pts = [(bx + px * k, by + py * k) for px, py in self.d.hall.outline]
        if len(pts) >= 3:
            path = _closed_path(c, pts)
            c.setStrokeColor(INK)
            c.setLineWidth(0.8)
            c.drawPath(path, fill=0, stroke=1)


def abbreviate(name: str) -> str:
    """The short form of a block name for a small footprint: its trailing number ("R1-01" → "01", "CDU 10" → "10")."""
    for sep in ("-", " ", "_", "."):
        if sep in name.strip(sep):
            return name.rstrip(sep).rsplit(sep, 1)[-1]
    return name


def _wrap_words(text: str, width: float, size: float) -> list[str]:
    lines, line = [], ""
    for word in text.split(" "):
        trial = f"{line} {word}".strip()
        if line and mixed_width(trial, size) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return [*lines, line] if line else lines


def _darker(colour: colors.Color, f: float = 0.7) -> colors.Color:
    return colors.Color(colour.red * f, colour.green * f, colour.blue * f)


def _nice_step(value: float) -> float:
    if value <= 0:
        return 1.0
    exp = math.floor(math.log10(value))
    for m in (1, 2, 5, 10):
        if m * 10**exp >= value * 0.75:
            return float(m * 10**exp)
    return float(10 ** (exp + 1))


def _closed_path(c: Canvas, pts: list[tuple[float, float]]) -> PDFPathObject:
    """A closed polygon path through page points (a hall outline)."""
    path = c.beginPath()
    path.moveTo(*pts[0])
    for pt in pts[1:]:
        path.lineTo(*pt)
    path.close()
    return path
