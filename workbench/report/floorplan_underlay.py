"""The architect's underlay in the report's floor plans: read once per report, aligned, visible layers only, drawn
as thin light-grey lines under the halls (docs/dxf.md)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from workbench.cad.align import Similarity
from workbench.cad.dxf_import import DxfReadError, read_underlay
from workbench.io.underlay_doc import resolve_path
from workbench.model.underlay import UnderlayRef

UNDERLAY_GREY = colors.HexColor("#c4c4c4")  # lighter than every plan colour, so the halls read on top
LINE_PT = 0.25  # a hairline on paper whatever the scale
MIN_SEG_PT = 0.3  # about 0.1 mm on paper: shorter pieces are invisible and only make the page slow


@dataclass(frozen=True)
class PlanUnderlay:
    """What the plans draw: the aligned segments of the shown layers (model mm), and a note for the side panel."""

    seg: NDArray[np.float64]  # (n, 4) x0, y0, x1, y1 in the design's coordinates
    note: str  # the line under the legend: which drawing is shown, or why it is not


def plan_underlay(ref: UnderlayRef | None, design_dir: str | Path | None,
                  t: Callable[..., str]) -> PlanUnderlay | None:
    """The underlay for the plans, or None when the design has none or does not ask for it in reports.

    A relative path is resolved against the design file's folder (`design_dir`, what the window uses); without
    one, against the current working directory. A missing, changed or unreadable file gives no lines and a note.
    """
    if ref is None or not ref.in_report:
        return None
    design_file = Path(design_dir) / "design" if design_dir else None  # resolve_path wants a file in the folder
    path = resolve_path(ref, design_file)
    empty = np.zeros((0, 4))
    if not path.exists():
        return PlanUnderlay(empty, t("plan.underlay_missing", path=ref.path))
    try:
        u = read_underlay(path, ref.units or None)
    except DxfReadError as exc:
        return PlanUnderlay(empty, t("plan.underlay_unreadable", reason=str(exc)))
    if ref.sha256 and ref.sha256 != u.sha256:
        # The alignment was made for the old drawing; drawing the new one could put walls in the wrong place.
        return PlanUnderlay(empty, t("plan.underlay_changed", path=ref.path))
    hidden = set(ref.hidden_layers)
    shown = [i for i, name in enumerate(u.layers) if name not in hidden]
    keep = np.isin(u.seg_layer, shown)
    seg = Similarity(ref.scale, ref.rotation_deg, ref.dx_mm, ref.dy_mm).apply(u.seg[keep]) if keep.any() else empty
    return PlanUnderlay(seg, t("plan.underlay_shown", name=Path(ref.path).name))


def draw_underlay(c: Canvas, under: PlanUnderlay | None, area: tuple[float, float, float, float],
                  ox: float, oy: float, k: float) -> int:
    """Stroke the segments that cross the drawing area (page points) as one path; returns how many were drawn."""
    if under is None or not len(under.seg):
        return 0
    ax, ay, aw, ah = area
    s = under.seg
    x0, y0, x1, y1 = (ax - ox) / k, (ay - oy) / k, (ax + aw - ox) / k, (ay + ah - oy) / k
    inside = ((np.maximum(s[:, 0], s[:, 2]) >= x0) & (np.minimum(s[:, 0], s[:, 2]) <= x1)
              & (np.maximum(s[:, 1], s[:, 3]) >= y0) & (np.minimum(s[:, 1], s[:, 3]) <= y1))
    p = s[inside] * k + np.array([ox, oy, ox, oy])
    p = p[np.hypot(p[:, 2] - p[:, 0], p[:, 3] - p[:, 1]) >= MIN_SEG_PT]
    if not len(p):
        return 0
    path = c.beginPath()
    # All segments as one operator string formatted in one pass, not a moveTo/lineTo call per point, to 0.1 pt
    # (0.035 mm on paper, finer than the line); the canvas clip to the plan frame is already in force.
    path._code.append("\n".join(f"{a:.1f} {b:.1f} m {e:.1f} {f:.1f} l" for a, b, e, f in p.tolist()))
    c.saveState()
    c.setStrokeColor(UNDERLAY_GREY)
    c.setLineWidth(LINE_PT)
    c.setLineCap(1)
    c.drawPath(path, fill=0, stroke=1)
    c.restoreState()
    return len(p)
