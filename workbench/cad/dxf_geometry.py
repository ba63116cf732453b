"""DXF entities turned into plain geometry: straight segments, closed outlines, circles, texts and top-level inserts.

Curves are flattened to segments; blocks are expanded through their INSERT transforms (nested, with a
depth limit and a guard against blocks that insert themselves); entities of other types are counted.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from dataclasses import dataclass, field

from workbench.cad.dxf_tags import RawBlock, RawDrawing, RawEntity, Tags

Affine = tuple[float, float, float, float, float, float]  # x' = a x + b y + c, y' = d x + e y + f
IDENTITY: Affine = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0)
MIRROR_X: Affine = (-1.0, 0.0, 0.0, 0.0, 1.0, 0.0)  # an arbitrary axis (0, 0, -1) OCS, as mirrored plans use
MAX_DEPTH = 24  # deeper nesting than any real drawing; also stops a chain of distinct blocks that never ends
MAX_SEGMENTS = 4_000_000  # about 130 MB of coordinates; more means a block expansion ran away
ARC_STEP_DEG = 10.0
SUPPORTED = ("LINE", "LWPOLYLINE", "POLYLINE", "ARC", "CIRCLE", "INSERT", "TEXT", "MTEXT", "ATTRIB", "HATCH",
             "DIMENSION")
_QUIET = {"SEQEND", "VERTEX", "ATTDEF", "ENDBLK", "BLOCK"}  # parts of other entities, not drawn on their own


class GeometryLimitError(ValueError):
    """The drawing expands beyond what an underlay can hold; the message says how far it got."""


@dataclass
class Collected:
    """Geometry in file units (before the unit factor), per-entity layer indexes into `layers`."""

    layers: list[str] = field(default_factory=list)
    seg: array = field(default_factory=lambda: array("d"))  # x0, y0, x1, y1 per segment
    seg_layer: array = field(default_factory=lambda: array("i"))
    seg_snap: array = field(default_factory=lambda: array("b"))  # 1: a real straight edge, 0: a piece of a curve
    points: array = field(default_factory=lambda: array("d"))  # extra snap points: ends and centres of curves
    closed: list[tuple[int, list[tuple[float, float]]]] = field(default_factory=list)
    circles: list[tuple[float, float, float, int]] = field(default_factory=list)  # cx, cy, r, layer
    texts: list[tuple[int, float, float, float, float, str]] = field(default_factory=list)  # layer, x, y, h, rot, text
    inserts: list[tuple[int, str, float, float, tuple[float, float, float, float]]] = field(default_factory=list)
    read: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    loops: list[str] = field(default_factory=list)  # block names that insert themselves


def collect(drawing: RawDrawing) -> Collected:
    out = Collected()
    _Walker(drawing, out).run()
    return out


def compose(t: Affine, u: Affine) -> Affine:
    """t after u."""
    a, b, c, d, e, f = t
    p, q, r, s, v, w = u
    return (a * p + b * s, a * q + b * v, a * r + b * w + c, d * p + e * s, d * q + e * v, d * r + e * w + f)


def _num(tags: dict[int, str], code: int, default: float = 0.0) -> float:
    value = tags.get(code)
    if value is None:
        return default
    try:
        x = float(value)
    except ValueError:
        return default
    return x if math.isfinite(x) else default


_MTEXT_CODES = re.compile(r"\\[ACcFfHhLlOoKkQqTtWw][^;\\{}]*;|\\[LlOoKk]|[{}]")


def plain_mtext(text: str) -> str:
    """MTEXT without its formatting codes, paragraphs joined by spaces."""
    text = text.replace("\\P", " ").replace("\\~", " ")
    return _MTEXT_CODES.sub("", text).replace("\\\\", "\\").strip()


class _Walker:
    def __init__(self, drawing: RawDrawing, out: Collected) -> None:
        self.d, self.out = drawing, out
        self.layer_index: dict[str, int] = {}
        for name in drawing.layers:
            self._layer(name)
        self.stack: list[str] = []

    def _layer(self, name: str) -> int:
        i = self.layer_index.get(name)
        if i is None:
            i = self.layer_index[name] = len(self.out.layers)
            self.out.layers.append(name)
        return i

    def run(self) -> None:
        self._entities(self.d.entities, IDENTITY, "0", top=True)

    # --- output helpers -------------------------------------------------------------------
    def _segments(self, pts: list[tuple[float, float]], t: Affine, layer: int, snap: int, closed: bool = False) -> None:
        if len(pts) < 2:
            return
        a, b, c, d, e, f = t
        tp = [(a * x + b * y + c, d * x + e * y + f) for x, y in pts]
        if closed and tp[0] != tp[-1]:
            tp.append(tp[0])
        seg = self.out.seg
        for (x0, y0), (x1, y1) in zip(tp, tp[1:]):
            seg.extend((x0, y0, x1, y1))
        n = len(tp) - 1
        self.out.seg_layer.extend([layer] * n)
        self.out.seg_snap.extend([snap] * n)
        if len(seg) > 4 * MAX_SEGMENTS:
            raise GeometryLimitError(f"the drawing expands to more than {MAX_SEGMENTS:,} line segments "
                                     "(blocks inserted many times inside each other); it is too large for an underlay")

    def _point(self, x: float, y: float, t: Affine) -> tuple[float, float]:
        a, b, c, d, e, f = t
        return a * x + b * y + c, d * x + e * y + f

    # --- entities -------------------------------------------------------------------------
    def _entities(self, entities: list[RawEntity], t: Affine, parent_layer: str, top: bool = False) -> None:
        i, n = 0, len(entities)
        while i < n:
            e = entities[i]
            kind = e.kind
            if kind == "POLYLINE":
                j = i + 1
                vertices = []
                while j < n and entities[j].kind == "VERTEX":
                    vertices.append(entities[j])
                    j += 1
                self._polyline(e, vertices, t, parent_layer)
                i = j
                continue
            handler = getattr(self, "_e_" + kind.lower(), None) if kind in SUPPORTED else None
            if handler is None:
                if kind not in _QUIET:
                    self.out.skipped[kind] += 1
            else:
                self.out.read[kind] += 1
                handler(e.tags, t, parent_layer, top)
            i += 1

    def _layer_of(self, tags: dict[int, str], parent_layer: str) -> int:
        name = tags.get(8, "0").strip() or "0"
        # CAD rule: what a block draws on layer 0 takes the layer of the INSERT that places it.
        return self._layer(parent_layer if name == "0" else name)

    @staticmethod
    def _ocs(tags: dict[int, str], t: Affine) -> Affine:
        return compose(t, MIRROR_X) if _num(tags, 230, 1.0) < 0 else t

    def _e_line(self, tags_list: Tags, t: Affine, parent: str, top: bool) -> None:
        tags = dict(tags_list)
        x0, y0, x1, y1 = _num(tags, 10), _num(tags, 20), _num(tags, 11), _num(tags, 21)
        a, b, c, d, e, f = t
        # The commonest entity by far: straight to the arrays, no point lists.
        self.out.seg.extend((a * x0 + b * y0 + c, d * x0 + e * y0 + f, a * x1 + b * y1 + c, d * x1 + e * y1 + f))
        self.out.seg_layer.append(self._layer_of(tags, parent))
        self.out.seg_snap.append(1)

    def _e_arc(self, tags_list: Tags, t: Affine, parent: str, top: bool) -> None:
        tags = dict(tags_list)
        t = self._ocs(tags, t)
        cx, cy, r = _num(tags, 10), _num(tags, 20), abs(_num(tags, 40))
        start, end = _num(tags, 50), _num(tags, 51)
        sweep = (end - start) % 360.0 or 360.0
        pts = _arc_points(cx, cy, r, start, sweep)
        layer = self._layer_of(tags, parent)
        self._segments(pts, t, layer, 0)
        for x, y in (pts[0], pts[-1], (cx, cy)):
            self.out.points.extend(self._point(x, y, t))

    def _e_circle(self, tags_list: Tags, t: Affine, parent: str, top: bool) -> None:
        tags = dict(tags_list)
        t = self._ocs(tags, t)
        cx, cy, r = _num(tags, 10), _num(tags, 20), abs(_num(tags, 40))
        layer = self._layer_of(tags, parent)
        x, y = self._point(cx, cy, t)
        if abs(abs(t[0] * t[4] - t[1] * t[3]) - (t[0] ** 2 + t[3] ** 2)) > 1e-9 * (t[0] ** 2 + t[3] ** 2):
            # Scaled unevenly by its INSERT: an ellipse, drawn as segments.
            self._segments(_arc_points(cx, cy, r, 0.0, 360.0), t, layer, 0)
        else:
            # Kept whole (drawn as a circle, not 36 segments): circles are most of a plan's columns and bolts.
            self.out.circles.append((x, y, r * math.hypot(t[0], t[3]), layer))
        self.out.points.extend((x, y))

    def _e_lwpolyline(self, tags_list: Tags, t: Affine, parent: str, top: bool) -> None:
        tags = dict(tags_list)
        t = self._ocs(tags, t)
        closed = int(_num(tags, 70)) & 1 == 1
        verts: list[list[float]] = []  # x, y, bulge
        for code, value in tags_list:
            if code == 10:
                verts.append([_to_float(value), 0.0, 0.0])
            elif code == 20 and verts:
                verts[-1][1] = _to_float(value)
            elif code == 42 and verts:
                verts[-1][2] = _to_float(value)
        self._poly([(v[0], v[1], v[2]) for v in verts], closed, t, self._layer_of(tags, parent))

    def _polyline(self, head: RawEntity, vertices: list[RawEntity], t: Affine, parent: str) -> None:
        tags = dict(head.tags)
        flags = int(_num(tags, 70))
        if flags & (16 | 64):  # polygon meshes and polyface meshes are 3D: not a plan
            self.out.skipped["POLYLINE (mesh)"] += 1
            return
        self.out.read["POLYLINE"] += 1
        t = self._ocs(tags, t)
        verts = []
        for v in vertices:
            vt = dict(v.tags)
            if int(_num(vt, 70)) & 16:  # spline frame control points are not on the curve
                continue
            verts.append((_num(vt, 10), _num(vt, 20), _num(vt, 42)))
        self._poly(verts, flags & 1 == 1, t, self._layer_of(tags, parent))

    def _poly(self, verts: list[tuple[float, float, float]], closed: bool, t: Affine, layer: int) -> None:
        if len(verts) < 2:
            return
        if not closed and len(verts) > 2 and verts[0][:2] == verts[-1][:2]:
            closed = True
            verts = verts[:-1]
        pts: list[tuple[float, float]] = []
        n = len(verts)
        straight = all(v[2] == 0.0 for v in verts)
        if straight:
            pts = [(v[0], v[1]) for v in verts]
            self._segments(pts, t, layer, 1, closed)
        else:
            edges = n if closed else n - 1
            pts = [(verts[0][0], verts[0][1])]
            for k in range(edges):
                x0, y0, bulge = verts[k]
                x1, y1, _ = verts[(k + 1) % n]
                if bulge:
                    pts.extend(_bulge_points(x0, y0, x1, y1, bulge)[1:])
                else:
                    pts.append((x1, y1))
            self._segments(pts, t, layer, 0)
            for v in verts:
                self.out.points.extend(self._point(v[0], v[1], t))
            if closed:
                pts = pts[:-1]
        if closed and len(pts) >= 3:
            self.out.closed.append((layer, [self._point(x, y, t) for x, y in pts]))

    def _e_text(self, tags_list: Tags, t: Affine, parent: str, top: bool) -> None:
        tags = dict(tags_list)
        t = self._ocs(tags, t)
        aligned = int(_num(tags, 72)) or int(_num(tags, 73))
        x, y = (_num(tags, 11), _num(tags, 21)) if aligned and 11 in tags else (_num(tags, 10), _num(tags, 20))
        self._text(tags, tags.get(1, ""), x, y, _num(tags, 40, 1.0), _num(tags, 50), t, parent)

    def _e_attrib(self, tags_list: Tags, t: Affine, parent: str, top: bool) -> None:
        tags = dict(tags_list)
        if int(_num(tags, 70)) & 1:  # invisible attributes are data, not drawing
            return
        self._e_text(tags_list, t, parent, top)

    def _e_mtext(self, tags_list: Tags, t: Affine, parent: str, top: bool) -> None:
        tags = dict(tags_list)
        text = "".join(v for c, v in tags_list if c == 3) + tags.get(1, "")
        rotation = _num(tags, 50)
        if 11 in tags:
            rotation = math.degrees(math.atan2(_num(tags, 21), _num(tags, 11)))
        self._text(tags, plain_mtext(text), _num(tags, 10), _num(tags, 20), _num(tags, 40, 1.0), rotation, t, parent)

    def _text(self, tags: dict[int, str], text: str, x: float, y: float, height: float, rotation: float, t: Affine,
              parent: str) -> None:
        if not text.strip():
            return
        px, py = self._point(x, y, t)
        a = math.radians(rotation)
        dx, dy = t[0] * math.cos(a) + t[1] * math.sin(a), t[3] * math.cos(a) + t[4] * math.sin(a)
        scale = math.sqrt(abs(t[0] * t[4] - t[1] * t[3]))
        self.out.texts.append((self._layer_of(tags, parent), px, py, abs(height) * scale,
                               math.degrees(math.atan2(dy, dx)), text[:200]))

    def _e_insert(self, tags_list: Tags, t: Affine, parent: str, top: bool) -> None:
        tags = dict(tags_list)
        name = tags.get(2, "").strip()
        block = self.d.blocks.get(name)
        if block is None:
            self.out.skipped["INSERT (missing block)"] += 1
            return
        layer_name = tags.get(8, "0").strip() or "0"
        layer_name = parent if layer_name == "0" else layer_name
        sx, sy = _num(tags, 41, 1.0), _num(tags, 42, 1.0)
        rot = math.radians(_num(tags, 50))
        cols, rows = max(1, int(_num(tags, 70, 1))), max(1, int(_num(tags, 71, 1)))
        dcol, drow = _num(tags, 44), _num(tags, 45)
        ocs = self._ocs(tags, t)
        for r in range(min(rows, 1000)):
            for c in range(min(cols, 1000)):
                ix, iy = _num(tags, 10), _num(tags, 20)
                # MINSERT grids are spaced along the rotated block axes.
                gx, gy = c * dcol, r * drow
                ix += gx * math.cos(rot) - gy * math.sin(rot)
                iy += gx * math.sin(rot) + gy * math.cos(rot)
                local = _insert_affine(ix, iy, sx, sy, rot, block.base)
                start, circles = len(self.out.seg), len(self.out.circles)
                self._expand(block, compose(ocs, local), layer_name)
                if top:
                    self._record_insert(layer_name, name, ocs, ix, iy, start, circles)

    def _record_insert(self, layer_name: str, name: str, t: Affine, x: float, y: float, start: int,
                       circles: int) -> None:
        seg = self.out.seg
        xs, ys = list(seg[start::2]), list(seg[start + 1::2])
        for cx, cy, r, _ in self.out.circles[circles:]:
            xs += [cx - r, cx + r]
            ys += [cy - r, cy + r]
        if not xs:
            return
        bbox = (min(xs), min(ys), max(xs), max(ys))
        px, py = self._point(x, y, t)
        self.out.inserts.append((self._layer(layer_name), name, px, py, bbox))

    def _expand(self, block: RawBlock, t: Affine, layer_name: str) -> None:
        if block.name in self.stack:
            if block.name not in self.out.loops:
                self.out.loops.append(block.name)
            self.out.skipped["INSERT (block inserts itself)"] += 1
            return
        if len(self.stack) >= MAX_DEPTH:
            self.out.skipped["INSERT (nested too deep)"] += 1
            return
        self.stack.append(block.name)
        try:
            self._entities(block.entities, t, layer_name)
        finally:
            self.stack.pop()

    def _e_dimension(self, tags_list: Tags, t: Affine, parent: str, top: bool) -> None:
        tags = dict(tags_list)
        block = self.d.blocks.get(tags.get(2, "").strip())
        if block is None:  # no drawn geometry saved with the dimension
            self.out.skipped["DIMENSION (no block)"] += 1
            return
        layer_name = tags.get(8, "0").strip() or "0"
        self._expand(block, t, parent if layer_name == "0" else layer_name)

    def _e_hatch(self, tags_list: Tags, t: Affine, parent: str, top: bool) -> None:
        tags = dict(tags_list)
        t = self._ocs(tags, t)
        layer = self._layer_of(tags, parent)
        for path, closed in _hatch_paths(tags_list):
            self._segments(path, t, layer, 1, closed)


def _to_float(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        return 0.0
    return x if math.isfinite(x) else 0.0


def _arc_points(cx: float, cy: float, r: float, start_deg: float, sweep_deg: float) -> list[tuple[float, float]]:
    n = max(2, math.ceil(abs(sweep_deg) / ARC_STEP_DEG))
    a0 = math.radians(start_deg)
    step = math.radians(sweep_deg) / n
    return [(cx + r * math.cos(a0 + k * step), cy + r * math.sin(a0 + k * step)) for k in range(n + 1)]


def _bulge_points(x0: float, y0: float, x1: float, y1: float, bulge: float) -> list[tuple[float, float]]:
    """Points along a polyline arc segment; bulge = tan(sweep / 4), positive counter-clockwise."""
    chord = math.hypot(x1 - x0, y1 - y0)
    if chord == 0:
        return [(x0, y0), (x1, y1)]
    sweep = 4 * math.atan(bulge)
    r = chord / (2 * math.sin(abs(sweep) / 2))
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    # Centre lies off the chord's midpoint, to the left for a counter-clockwise arc.
    h = r * math.cos(sweep / 2) * (1 if bulge > 0 else -1)
    ux, uy = (x1 - x0) / chord, (y1 - y0) / chord
    cx, cy = mx - uy * h, my + ux * h
    start = math.degrees(math.atan2(y0 - cy, x0 - cx))
    pts = _arc_points(cx, cy, r, start, math.degrees(sweep))
    pts[0], pts[-1] = (x0, y0), (x1, y1)
    return pts


def _insert_affine(x: float, y: float, sx: float, sy: float, rot: float, base: tuple[float, float]) -> Affine:
    c, s = math.cos(rot), math.sin(rot)
    bx, by = base
    # translate(x, y) · rotate(rot) · scale(sx, sy) · translate(-base)
    a, b, d, e = c * sx, -s * sy, s * sx, c * sy
    return (a, b, x - a * bx - b * by, d, e, y - d * bx - e * by)


def _hatch_paths(tags: Tags) -> list[tuple[list[tuple[float, float]], bool]]:
    """Boundary paths of a HATCH as point lists (polyline paths and line/arc edge paths)."""
    out: list[tuple[list[tuple[float, float]], bool]] = []
    i, n = 0, len(tags)
    while i < n and tags[i][0] != 91:
        i += 1
    i += 1
    while i < n:
        code, value = tags[i]
        if code != 92:
            if code in (97, 75, 76, 52, 41, 77, 78, 98):  # end of the boundary data
                if code != 97:
                    break
            i += 1
            continue
        flags = int(_to_float(value))
        i += 1
        if flags & 2:  # polyline path
            verts: list[list[float]] = []
            closed = True
            while i < n and tags[i][0] not in (92, 97):
                c, v = tags[i]
                if c == 73:
                    closed = _to_float(v) != 0
                elif c == 10:
                    verts.append([_to_float(v), 0.0, 0.0])
                elif c == 20 and verts:
                    verts[-1][1] = _to_float(v)
                elif c == 42 and verts:
                    verts[-1][2] = _to_float(v)
                i += 1
            pts: list[tuple[float, float]] = [(verts[0][0], verts[0][1])] if verts else []
            for k in range(len(verts) - (0 if closed else 1)):
                x0, y0, b = verts[k]
                x1, y1, _ = verts[(k + 1) % len(verts)]
                pts.extend(_bulge_points(x0, y0, x1, y1, b)[1:] if b else [(x1, y1)])
            if len(pts) >= 2:
                out.append((pts, False))
            continue
        # edge path: 93 edge count, then 72 type per edge
        path: list[tuple[float, float]] = []
        while i < n and tags[i][0] not in (92, 97):
            c, v = tags[i]
            if c != 72:
                i += 1
                continue
            kind = int(_to_float(v))
            fields: dict[int, float] = {}
            i += 1
            while i < n and tags[i][0] not in (72, 92, 97):
                fields.setdefault(tags[i][0], _to_float(tags[i][1]))
                i += 1
            if kind == 1:
                seg = [(fields.get(10, 0.0), fields.get(20, 0.0)), (fields.get(11, 0.0), fields.get(21, 0.0))]
            elif kind == 2:
                start, end = fields.get(50, 0.0), fields.get(51, 360.0)
                ccw = fields.get(73, 1.0) != 0
                sweep = (end - start) % 360.0 or 360.0
                if not ccw:  # clockwise edges store mirrored angles
                    start, sweep = -start, -sweep
                seg = _arc_points(fields.get(10, 0.0), fields.get(20, 0.0), fields.get(40, 0.0), start, sweep)
            else:  # ellipse and spline edges: their end points keep the outline closed
                seg = [(fields.get(10, 0.0), fields.get(20, 0.0))]
            if path and seg and path[-1] == seg[0]:
                seg = seg[1:]
            path.extend(seg)
        if len(path) >= 2:
            out.append((path, False))
    return out
