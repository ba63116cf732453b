"""The design as a DXF drawing in true units: a layer per category and per hall element, a BLOCK per type,
an INSERT with ATTRIBs per placed block, hall dimensions and a title block in the report language."""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import ezdxf
import numpy as np
from ezdxf.document import Drawing
from ezdxf.enums import TextEntityAlignment
from ezdxf.layouts import BlockLayout, Modelspace

from workbench.cad import layers as L
from workbench.cad.block_data import TAGS, VISIBLE_TAGS, block_attributes
from workbench.cad.raw_entities import Handles, InsertSpec, insert_text, line_text, polyline_text, splice_entities
from workbench.geometry.box_union import offset_ring, union_rings
from workbench.geometry.boxes import footprints
from workbench.geometry.footprint import block_size_mm
from workbench.geometry.placement import point_in_polygon, service_zones
from workbench.model.blocktype import RACK_CATEGORIES, BlockType, Catalog
from workbench.model.design import Block, Design, Hall

DXF_VERSION = "R2013"  # AC1027: read by LibreCAD, AutoCAD 2013+, BricsCAD, ZWCAD, GstarCAD
UNITS = {"mm": (4, 1.0), "m": (6, 0.001)}  # $INSUNITS code and drawing units per model millimetre
# LibreCAD picks a font by the text style's *name* (its bundled azomix font has the widest CJK coverage);
# AutoCAD, BricsCAD and ZWCAD use the style's TrueType file, SimSun, which Chinese Windows ships.
TEXT_STYLE = "azomix"
TEXT_FONT_FILE = "simsun.ttc"
TEXT_FONT_FAMILY = "SimSun"
DIM_STYLE = "WB"
PAPER_MM = (841.0, 594.0)  # A1 landscape: the sheet the nominal plot scale is chosen for
PLOT_SCALES = (50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000)
TEXT_MM = 2.5  # paper text height for labels and dimensions
TITLE_TEXT_MM = 3.5
TITLE_SIZE_MM = (180.0, 56.0)


class Texts(Protocol):
    """The report language (workbench.text.language.Language fits): strings by key and a language code."""

    code: str

    def t(self, key: str, **values: Any) -> str: ...


class ExportError(ValueError):
    """The drawing cannot be made (an unknown hall or unit); the message names what to change."""


@dataclass(frozen=True)
class DxfExport:
    """What was written: the counts a caller reports, and the file's path."""

    path: str
    units: str
    scale: int
    halls: int
    inserts: int
    block_definitions: int
    layers: list[str] = field(default_factory=list)
    skipped_unknown_types: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "units": self.units, "scale": self.scale, "halls": self.halls,
                "inserts": self.inserts, "block_definitions": self.block_definitions, "layers": list(self.layers),
                "skipped_unknown_types": self.skipped_unknown_types}


def block_name(type_id: str) -> str:
    """A BLOCK name CAD programs accept for a catalog type id."""
    return "WB_" + re.sub(r"[^A-Za-z0-9_-]", "_", type_id)


def write_dxf(design: Design, catalog: Catalog, path: Path | str, texts: Texts, hall: str | None = None,
              units: str = "mm", today: date | None = None) -> DxfExport:
    """Build the drawing and write it atomically; raises ExportError for an unknown hall or unit."""
    from workbench.io.atomic import write_atomic

    text, summary = dxf_text(design, catalog, texts, hall, units, today)
    # R2007 and later DXF files are UTF-8 by definition, which keeps Chinese names intact.
    write_atomic(Path(path), text.encode("utf-8"), keep_backup=False)
    return DxfExport(str(path), *summary)


def dxf_text(design: Design, catalog: Catalog, texts: Texts, hall: str | None = None, units: str = "mm",
             today: date | None = None) -> tuple[str, tuple[Any, ...]]:
    """The DXF file text and (units, scale, halls, inserts, block definitions, layers, skipped)."""
    if units not in UNITS:
        raise ExportError(f"unknown units {units!r} (use mm or m)")
    halls = _chosen_halls(design, hall)
    doc, inserts, summary = _Writer(design, catalog, texts, halls, units, today or date.today()).run()
    stream = io.StringIO()
    doc.write(stream)
    return splice_entities(stream.getvalue(), inserts), summary


def _chosen_halls(design: Design, name: str | None) -> list[Hall]:
    if name is None:
        return list(design.halls)
    found = [h for h in design.halls if name in (h.name, h.id)]
    if not found:
        known = ", ".join(repr(h.name) for h in design.halls)
        raise ExportError(f"no hall named {name!r} in the design (halls: {known})")
    return found[:1]


class _Writer:
    def __init__(self, design: Design, catalog: Catalog, texts: Texts, halls: list[Hall], units: str,
                 today: date) -> None:
        self.design, self.catalog, self.texts, self.halls = design, catalog, texts, halls
        self.units, self.today = units, today
        self.f = UNITS[units][1]
        hall_ids = {h.id for h in halls}
        first = design.halls[0].id if design.halls else ""
        self.blocks = [b for b in design.blocks.values() if (b.hall_id or first) in hall_ids]
        self.doc = ezdxf.new(DXF_VERSION, setup=["linetypes"])
        self.msp: Modelspace = self.doc.modelspace()
        self.scale = 100
        self.skipped = 0

    # --- set-up ---------------------------------------------------------------------------
    def run(self) -> tuple[Drawing, str, tuple[Any, ...]]:
        self._header()
        self._extent_and_scale()
        self._styles()
        self._layers()
        defined = self._block_definitions()
        for hall in self.halls:
            self._hall(hall)
        handles = Handles(self.doc)
        owner = self.msp.block_record_handle
        raw = self._aisles_and_clearances(owner, handles)
        specs = self._inserts()
        raw += insert_text(specs, owner, handles, TEXT_STYLE)
        raw += self._connections(owner, handles)
        handles.close()  # ezdxf numbers the entities that follow (the title block) after these
        self._title_block()
        layer_names = [layer.dxf.name for layer in self.doc.layers]
        return self.doc, raw, (self.units, self.scale, len(self.halls), len(specs), defined, layer_names,
                                   self.skipped)

    def _header(self) -> None:
        h = self.doc.header
        h["$INSUNITS"] = UNITS[self.units][0]
        h["$MEASUREMENT"] = 1  # metric
        h["$LUNITS"] = 2  # decimal
        h["$LUPREC"] = 0 if self.units == "mm" else 3
        h["$AUNITS"] = 0

    def _extent_and_scale(self) -> None:
        xs: list[float] = []
        ys: list[float] = []
        for hall in self.halls:
            xs += [p[0] for p in hall.outline]
            ys += [p[1] for p in hall.outline]
        for b in self.blocks:
            xs.append(b.x_mm)
            ys.append(b.y_mm)
        if not xs:
            xs, ys = [0.0, 10000.0], [0.0, 10000.0]
        self.extent = (min(xs), min(ys), max(xs), max(ys))
        w, d = self.extent[2] - self.extent[0], self.extent[3] - self.extent[1]
        # Room for dimensions and the title block beside the plan on the sheet.
        need = max((w + 4000) / (PAPER_MM[0] - 60), (d + 4000) / (PAPER_MM[1] - TITLE_SIZE_MM[1] - 40))
        self.scale = next((s for s in PLOT_SCALES if s >= need), PLOT_SCALES[-1])

    def paper(self, mm: float) -> float:
        """Drawing units for a length on the plotted sheet."""
        return mm * self.scale * self.f

    def _styles(self) -> None:
        style = self.doc.styles.add(TEXT_STYLE, font=TEXT_FONT_FILE)
        style.set_extended_font_data(family=TEXT_FONT_FAMILY)
        dim = self.doc.dimstyles.new(DIM_STYLE)
        dim.dxf.dimtxsty = TEXT_STYLE
        # Sizes in drawing units with DIMSCALE 1: LibreCAD ignores DIMSCALE, so the plot scale is baked in.
        dim.dxf.dimscale = 1.0
        dim.dxf.dimtxt = self.paper(TEXT_MM)
        dim.dxf.dimasz = self.paper(2.0)
        dim.dxf.dimexe = self.paper(1.5)
        dim.dxf.dimexo = self.paper(1.0)
        dim.dxf.dimgap = self.paper(0.8)
        dim.dxf.dimtad = 1  # text above the dimension line
        dim.dxf.dimdec = 0 if self.units == "mm" else 2
        dim.dxf.dimlunit = 2
        dim.dxf.dimtsz = self.paper(1.0)  # architectural ticks instead of arrows
        dim.dxf.dimclrd = 256  # BYLAYER
        dim.dxf.dimclre = 256
        dim.dxf.dimclrt = 256
        # LibreCAD draws every dimension with the header's DIM variables, not the named style.
        h = self.doc.header
        h["$DIMSTYLE"] = DIM_STYLE
        for var in ("dimtxt", "dimasz", "dimexe", "dimexo", "dimgap", "dimtsz", "dimscale", "dimtad", "dimdec"):
            h[f"${var.upper()}"] = dim.dxf.get(var)

    def _layers(self) -> None:
        connections = _connections_of(self.design)
        for spec in L.ALL_LAYERS:
            if spec is L.CONNECTION and not connections:
                continue
            layer = self.doc.layers.add(spec.name, color=spec.aci, linetype=spec.linetype, lineweight=spec.lineweight)
            layer.rgb = spec.rgb
            if spec.key:
                layer.description = self.texts.t(spec.key)

    # --- blocks ---------------------------------------------------------------------------
    def _block_definitions(self) -> int:
        used: dict[str, BlockType] = {}
        for b in self.blocks:
            t = self.catalog.get(b.type_id)
            if t is None:
                continue
            used.setdefault(t.id, t)
        for t in used.values():
            self._define(t)
        return len(used)

    def _define(self, t: BlockType) -> None:
        f = self.f
        blk: BlockLayout = self.doc.blocks.new(block_name(t.id), dxfattribs={"description": t.display_name("en")})
        w, d = t.width_mm * f, t.depth_mm * f
        # Layer 0 and BYBLOCK colour: an INSERT draws the block in its own (category) layer's colour.
        attrs = {"layer": "0", "color": 0, "lineweight": -2}
        blk.add_lwpolyline([(-w / 2, -d / 2), (w / 2, -d / 2), (w / 2, d / 2), (-w / 2, d / 2)], close=True,
                           dxfattribs=attrs)
        inset = min(w, d) * 0.12
        blk.add_line((-w / 2 + inset, -d / 2 + inset), (w / 2 - inset, -d / 2 + inset), dxfattribs=attrs)  # front
        height = self._label_height(t.width_mm, t.depth_mm)
        for tag in TAGS:
            attdef = blk.add_attdef(tag, (0, 0), text="", dxfattribs={
                "height": height, "style": TEXT_STYLE, "layer": "0", "color": 0, "prompt": tag.title()})
            attdef.set_placement((0, 0), align=TextEntityAlignment.MIDDLE_CENTER)
            if tag not in VISIBLE_TAGS:
                attdef.is_invisible = True

    def _label_height(self, w_mm: float, d_mm: float) -> float:
        return min(self.paper(TEXT_MM * 0.8), min(w_mm, d_mm) * 0.18 * self.f)

    def _inserts(self) -> list[InsertSpec]:
        f, lang = self.f, self.texts.code
        specs = []
        for b in self.blocks:
            t = self.catalog.get(b.type_id)
            if t is None:
                self.skipped += 1
                continue
            w, d = block_size_mm(b, t)
            along_x = b.rotation_deg % 180 == 0
            attribs = tuple((tag, value, tag in VISIBLE_TAGS)
                            for tag, value in block_attributes(b, t, lang).by_tag().items())
            specs.append(InsertSpec(
                block_name(t.id), L.CATEGORY_LAYERS[t.category].name, b.x_mm * f, b.y_mm * f, float(b.rotation_deg),
                w / t.width_mm if t.width_mm else 1.0, d / t.depth_mm if t.depth_mm else 1.0, attribs,
                self._label_height(w if along_x else d, d if along_x else w),
                # Names read left to right or bottom to top, never upside down.
                float(b.rotation_deg % 180)))
        return specs

    # --- halls ----------------------------------------------------------------------------
    def _hall(self, hall: Hall) -> None:
        f = self.f
        pts = [(x * f, y * f) for x, y in hall.outline]
        if len(pts) < 3:
            return
        self.msp.add_lwpolyline(pts, close=True, dxfattribs={"layer": L.HALL.name})
        outer = [(x * f, y * f) for x, y in offset_ring(hall.outline, L.WALL_BAND_MM)]
        hatch = self.msp.add_hatch(dxfattribs={"layer": L.WALL.name})
        hatch.paths.add_polyline_path(outer, is_closed=True, flags=1)  # external
        hatch.paths.add_polyline_path(pts, is_closed=True, flags=16)  # outermost inner boundary: the room
        hatch.set_pattern_fill("ANSI31", scale=self.scale * f * 0.5)
        self.msp.add_lwpolyline(outer, close=True, dxfattribs={"layer": L.WALL.name})
        for col in hall.columns:
            x0, y0 = (col.x_mm - col.width_mm / 2) * f, (col.y_mm - col.depth_mm / 2) * f
            x1, y1 = (col.x_mm + col.width_mm / 2) * f, (col.y_mm + col.depth_mm / 2) * f
            rect = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
            self.msp.add_lwpolyline(rect, close=True, dxfattribs={"layer": L.COLUMN.name})
            solid = self.msp.add_hatch(dxfattribs={"layer": L.COLUMN.name})
            solid.paths.add_polyline_path(rect, is_closed=True)
        for door in hall.doors:
            self._door(hall, door.x_mm, door.y_mm, door.width_mm, door.rotation_deg)
        self._dimensions(hall)
        x0, y0, x1, y1 = _bounds(hall.outline)
        label = self.msp.add_text(hall.name, height=self.paper(TITLE_TEXT_MM * 1.4), dxfattribs={
            "layer": L.ANNOTATION.name, "style": TEXT_STYLE})
        # Inside the room's top-left corner, clear of the dimensions drawn outside it.
        label.set_placement((x0 * f + self.paper(4), y1 * f - self.paper(4)), align=TextEntityAlignment.TOP_LEFT)

    def _door(self, hall: Hall, x: float, y: float, width: float, rotation: int) -> None:
        f = self.f
        a = math.radians(rotation)
        ux, uy = math.cos(a), math.sin(a)
        nx, ny = -uy, ux
        if not point_in_polygon(x + nx * 50, y + ny * 50, hall.outline):
            nx, ny = -nx, -ny
        half = width / 2
        attrs = {"layer": L.DOOR.name}
        for sgn in (1, -1):  # two leaves hinged at the jambs, swinging into the hall
            hx, hy = x - sgn * ux * half, y - sgn * uy * half
            ex, ey = hx + nx * half, hy + ny * half
            self.msp.add_line((hx * f, hy * f), (ex * f, ey * f), dxfattribs=attrs)
            start = math.degrees(math.atan2(ny, nx))
            towards = math.degrees(math.atan2(uy * sgn, ux * sgn))
            sweep = ((towards - start + 180) % 360) - 180
            lo, hi = (start, start + sweep) if sweep > 0 else (start + sweep, start)
            self.msp.add_arc((hx * f, hy * f), half * f, lo, hi, dxfattribs=attrs)

    def _dimensions(self, hall: Hall) -> None:
        f = self.f
        x0, y0, x1, y1 = (v * f for v in _bounds(hall.outline))
        gap = self.paper(10)
        attrs = {"layer": L.DIMENSION.name}
        dim = self.msp.add_linear_dim(base=(x0, y0 - gap), p1=(x0, y0), p2=(x1, y0), dimstyle=DIM_STYLE,
                                      dxfattribs=attrs)
        dim.render()
        dim = self.msp.add_linear_dim(base=(x0 - gap, y0), p1=(x0, y0), p2=(x0, y1), angle=90, dimstyle=DIM_STYLE,
                                      dxfattribs=attrs)
        dim.render()
        pts = [(x * f, y * f) for x, y in hall.outline]
        if len(pts) != 4 or not _axis_rect(pts):
            # An irregular room: every wall gets its own aligned dimension, outside the room.
            for i, p in enumerate(pts):
                q = pts[(i + 1) % len(pts)]
                side = self.paper(5) if _ccw(pts) else -self.paper(5)
                dim = self.msp.add_aligned_dim(p1=q, p2=p, distance=side, dimstyle=DIM_STYLE, dxfattribs=attrs)
                dim.render()

    # --- aisles, clearances, connections --------------------------------------------------
    def _aisles_and_clearances(self, owner: str, handles: Handles) -> str:
        """Merged aisle outlines and plant clearance envelopes, as raw entity text (thousands of them)."""
        f = self.f
        racks, others = [], []
        for b in self.blocks:
            t = self.catalog.get(b.type_id)
            if t is not None:
                (racks if t.category in RACK_CATEGORIES else others).append((b, t))
        out = []
        if racks:
            boxes, rot = _boxes(racks)
            front = np.array([t.clearance_front_mm for _, t in racks], dtype=float)
            rear = np.array([t.clearance_rear_mm for _, t in racks], dtype=float)
            cold, hot = service_zones(boxes, rot, front, rear)
            for zones, spec in ((cold[front > 0], L.AISLE_COLD), (hot[rear > 0], L.AISLE_HOT)):
                rings = [[(x * f, y * f) for x, y in ring] for ring in union_rings(zones)]
                out.append(polyline_text(rings, spec.name, owner, handles))
        envelopes = []
        for b, t in others:
            cf, cr, cl, crt = t.clearance_front_mm, t.clearance_rear_mm, t.clearance_left_mm, t.clearance_right_mm
            if not (cf or cr or cl or crt):
                continue
            w, d = block_size_mm(b, t)
            # Envelope at rotation 0 (front faces -y), then turned with the block.
            local = [(-w / 2 - cl, -d / 2 - cf), (w / 2 + crt, -d / 2 - cf), (w / 2 + crt, d / 2 + cr),
                     (-w / 2 - cl, d / 2 + cr)]
            a = math.radians(b.rotation_deg)
            ca, sa = round(math.cos(a)), round(math.sin(a))  # quarter turns only
            envelopes.append([((b.x_mm + px * ca - py * sa) * f, (b.y_mm + px * sa + py * ca) * f)
                              for px, py in local])
        out.append(polyline_text(envelopes, L.CLEARANCE.name, owner, handles))
        return "".join(out)

    def _connections(self, owner: str, handles: Handles) -> str:
        """A straight line from the serving block's centre to the served block's, per plant connection."""
        f = self.f
        ends = {b.id: b for b in self.blocks}
        lines = []
        for a_id, b_id in _connections_of(self.design):
            a, b = ends.get(a_id), ends.get(b_id)
            if a is not None and b is not None:
                lines.append((a.x_mm * f, a.y_mm * f, b.x_mm * f, b.y_mm * f))
        return line_text(lines, L.CONNECTION.name, owner, handles)

    # --- title block ----------------------------------------------------------------------
    def _title_block(self) -> None:
        t, site = self.texts.t, self.design.site
        w, h = self.paper(TITLE_SIZE_MM[0]), self.paper(TITLE_SIZE_MM[1])
        x1 = self.extent[2] * self.f + self.paper(20)
        y0 = self.extent[1] * self.f - self.paper(25) - h
        x0 = x1 - w
        attrs = {"layer": L.TITLE.name}
        self.msp.add_lwpolyline([(x0, y0), (x1, y0), (x1, y0 + h), (x0, y0 + h)], close=True, dxfattribs=attrs)
        rows = [
            (t("dxf.title.design"), site.name or t("report.untitled")),
            (t("dxf.title.customer"), site.customer),
            (t("dxf.title.revision"), site.revision),
            (t("dxf.title.date"), self.today.isoformat()),
            (t("dxf.title.scale"), t("dxf.scale_value", denom=self.scale)),
            (t("dxf.title.units"), t(f"dxf.units.{self.units}")),
            (t("dxf.title.drawn_with"), "Data Hall Workbench"),
        ]
        row_h = h / len(rows)
        split = x0 + w * 0.3
        self.msp.add_line((split, y0), (split, y0 + h), dxfattribs=attrs)
        for i, (label, value) in enumerate(rows):
            yb = y0 + h - (i + 1) * row_h
            if i:
                self.msp.add_line((x0, yb + row_h), (x1, yb + row_h), dxfattribs=attrs)
            for x, text, room in ((x0 + self.paper(2), label, split - x0), (split + self.paper(2), value, x1 - split)):
                if not text:
                    continue
                size = _fitted_height(text, self.paper(TITLE_TEXT_MM if i == 0 else TEXT_MM), room - self.paper(4))
                item = self.msp.add_text(text, height=size, dxfattribs={**attrs, "style": TEXT_STYLE})
                item.set_placement((x, yb + row_h / 2), align=TextEntityAlignment.MIDDLE_LEFT)


def _fitted_height(text: str, height: float, room: float) -> float:
    """A text height at most `height` at which the text fits `room` (CJK glyphs are about square, Latin ~0.65)."""
    width = sum(1.0 if ord(ch) > 0x2E80 else 0.65 for ch in text) * height
    return height if width <= room else height * room / width


def _connections_of(design: Design) -> list[tuple[str, str]]:
    """(from block, to block) of the plant graph's edges; a model without connections gives none."""
    return [(c.from_block, c.to_block) for c in getattr(design, "connections", {}).values()]


def _boxes(items: list[tuple[Block, BlockType]]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([b.x_mm for b, _ in items], dtype=float)
    y = np.array([b.y_mm for b, _ in items], dtype=float)
    sizes = np.array([block_size_mm(b, t) for b, t in items], dtype=float)
    rot = np.array([b.rotation_deg for b, _ in items], dtype=np.int64)
    return footprints(x, y, sizes[:, 0], sizes[:, 1], rot), rot


def _bounds(outline: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs = [p[0] for p in outline] or [0.0]
    ys = [p[1] for p in outline] or [0.0]
    return min(xs), min(ys), max(xs), max(ys)


def _axis_rect(pts: list[tuple[float, float]]) -> bool:
    return all(abs(p[0] - q[0]) < 1e-9 or abs(p[1] - q[1]) < 1e-9 for p, q in zip(pts, pts[1:] + pts[:1]))


def _ccw(pts: list[tuple[float, float]]) -> bool:
    return sum(p[0] * q[1] - q[0] * p[1] for p, q in zip(pts, pts[1:] + pts[:1])) > 0

