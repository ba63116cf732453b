"""The architect's drawing a design is laid over: which file (relative path and checksum), its units, the
alignment that puts it on the design's coordinates, and which of its layers are hidden."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class UnderlayRef:
    """A reference to a DXF underlay; the drawing itself stays in its own file.

    Alignment is a similarity transform applied after the unit conversion:
    model = scale · R(rotation) · drawing_mm + (dx, dy).
    """

    path: str  # relative to the design file's folder when it was saved beside it, else absolute
    sha256: str = ""
    units: str = ""  # "" = what the file's $INSUNITS says
    scale: float = 1.0
    rotation_deg: float = 0.0
    dx_mm: float = 0.0
    dy_mm: float = 0.0
    hidden_layers: tuple[str, ...] = field(default_factory=tuple)
    visible: bool = True
    in_report: bool = False

    def __post_init__(self) -> None:
        for name in ("scale", "rotation_deg", "dx_mm", "dy_mm"):
            if not math.isfinite(getattr(self, name)):
                raise ValueError(f"underlay {name} must be a finite number")
        if self.scale <= 0:
            raise ValueError("underlay scale must be positive")

    def with_changes(self, **changes: object) -> UnderlayRef:
        return replace(self, **changes)  # type: ignore[arg-type]
