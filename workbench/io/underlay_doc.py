"""The underlay reference in the project file (`underlay`, optional in schema version 2), and finding its file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from workbench.model.underlay import UnderlayRef

SCHEMA: dict[str, Any] = {
    "type": "object", "additionalProperties": False, "required": ["path"],
    "properties": {
        "path": {"type": "string", "minLength": 1, "maxLength": 4096},
        "sha256": {"type": "string", "maxLength": 64},
        "units": {"enum": ["", "mm", "cm", "m", "in", "ft", "dm", "yd", "mil", "µin"]},
        "scale": {"type": "number", "exclusiveMinimum": 0, "maximum": 1e9},
        "rotation_deg": {"type": "number", "minimum": -3600, "maximum": 3600},
        "dx_mm": {"type": "number", "minimum": -1e12, "maximum": 1e12},
        "dy_mm": {"type": "number", "minimum": -1e12, "maximum": 1e12},
        "hidden_layers": {"type": "array", "maxItems": 10000, "items": {"type": "string", "maxLength": 255}},
        "visible": {"type": "boolean"},
        "in_report": {"type": "boolean"},
    },
}


def underlay_to_dict(ref: UnderlayRef) -> dict[str, Any]:
    return {"path": ref.path, "sha256": ref.sha256, "units": ref.units, "scale": ref.scale,
            "rotation_deg": ref.rotation_deg, "dx_mm": ref.dx_mm, "dy_mm": ref.dy_mm,
            "hidden_layers": list(ref.hidden_layers), "visible": ref.visible, "in_report": ref.in_report}


def underlay_from_dict(doc: dict[str, Any] | None) -> UnderlayRef | None:
    if not doc:
        return None
    return UnderlayRef(
        path=str(doc["path"]), sha256=str(doc.get("sha256", "")), units=str(doc.get("units", "")),
        scale=float(doc.get("scale", 1.0)), rotation_deg=float(doc.get("rotation_deg", 0.0)),
        dx_mm=float(doc.get("dx_mm", 0.0)), dy_mm=float(doc.get("dy_mm", 0.0)),
        hidden_layers=tuple(str(n) for n in doc.get("hidden_layers", [])),
        visible=bool(doc.get("visible", True)), in_report=bool(doc.get("in_report", False)))


def stored_path(drawing: Path, design_file: Path | None) -> str:
    """The path to keep in the file: relative to the design's folder when the design has one, so a project
    folder can move as a whole; absolute otherwise (or when on another drive)."""
    drawing = drawing.resolve()
    if design_file is None:
        return str(drawing)
    try:
        return Path(os.path.relpath(drawing, design_file.resolve().parent)).as_posix()
    except ValueError:  # another drive on Windows
        return str(drawing)


def resolve_path(ref: UnderlayRef, design_file: Path | None) -> Path:
    """Where the underlay file should be: its path against the design's folder, else beside the design by name."""
    p = Path(ref.path)
    if p.is_absolute():
        return p
    if design_file is not None:
        here = design_file.resolve().parent / p
        if here.exists():
            return here
        beside = design_file.resolve().parent / p.name
        if beside.exists():
            return beside
        return here
    return p.resolve()
