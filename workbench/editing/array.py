"""Rows of blocks laid as hot/cold aisle pairs: the geometry of the "Place row / array" command."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.geometry.placement import hall_id_at
from workbench.model.blocktype import Catalog
from workbench.model.design import Block, Design
from workbench.model.edits import AddBlocks

FACINGS = ("cold_pairs", "hot_pairs", "all_down", "all_up")
# cold_pairs: rows 1-2 face each other across a cold aisle, rows 2-3 back onto a hot aisle, and so on.


@dataclass
class ArraySpec:
    type_id: str
    count: int = 8  # blocks per row
    pitch_mm: float = 0.0  # centre to centre along the row; 0 uses the block width
    rows: int = 2
    cold_aisle_mm: float = 1200.0
    hot_aisle_mm: float = 1200.0
    facing: str = "cold_pairs"
    origin_x_mm: float = 0.0  # lower-left corner of the array
    origin_y_mm: float = 0.0
    name_prefix: str = "R"


def _rotation(spec: ArraySpec, row: int) -> int:
    """Rows count upwards (+y). Rotation 0 faces -y (down), 180 faces +y (up)."""
    if spec.facing == "all_down":
        return 0
    if spec.facing == "all_up":
        return 180
    first_up = spec.facing == "cold_pairs"  # row 0 faces up into the cold aisle it shares with row 1
    up = (row % 2 == 0) == first_up
    return 180 if up else 0


def _gap_after(spec: ArraySpec, row: int) -> float:
    """The aisle between row and row + 1: the faces that meet decide whether it is hot or cold."""
    if spec.facing in ("all_down", "all_up"):
        return spec.cold_aisle_mm
    faces_up = _rotation(spec, row) == 180
    return spec.cold_aisle_mm if faces_up else spec.hot_aisle_mm


def _row_letters(existing: set[str], prefix: str, rows: int) -> list[str]:
    """Row letters A, B, C... skipping letters whose names are already taken."""
    letters: list[str] = []
    k = 0
    while len(letters) < rows:
        letter = _letter(k)
        if not any(n.startswith(f"{prefix}{letter}") and n[len(prefix) + len(letter):].isdigit() for n in existing):
            letters.append(letter)
        k += 1
    return letters


def _letter(k: int) -> str:
    s = ""
    k += 1
    while k:
        k, r = divmod(k - 1, 26)
        s = chr(65 + r) + s
    return s


def array_blocks(design: Design, catalog: Catalog, spec: ArraySpec) -> list[Block]:
    t = catalog.get(spec.type_id)
    if t is None:
        raise ValueError(f"unknown block type '{spec.type_id}'")
    if not 1 <= spec.count <= 1000 or not 1 <= spec.rows <= 200:
        raise ValueError("use 1 to 1000 blocks per row and 1 to 200 rows")
    if spec.facing not in FACINGS:
        raise ValueError(f"facing must be one of {', '.join(FACINGS)}")
    pitch = spec.pitch_mm or t.width_mm
    if pitch < t.width_mm:
        raise ValueError(f"the pitch {pitch:g} mm is narrower than the block ({t.width_mm:g} mm)")
    if spec.cold_aisle_mm < 0 or spec.hot_aisle_mm < 0:
        raise ValueError("aisle widths cannot be negative")
    existing = {b.name for b in design.blocks.values()}
    letters = _row_letters(existing, spec.name_prefix, spec.rows)
    blocks = []
    y = spec.origin_y_mm
    for row in range(spec.rows):
        rot = _rotation(spec, row)
        cy = y + t.depth_mm / 2
        for i in range(spec.count):
            cx = spec.origin_x_mm + t.width_mm / 2 + i * pitch
            blocks.append(Block(type_id=spec.type_id, x_mm=cx, y_mm=cy, rotation_deg=rot,
                                name=f"{spec.name_prefix}{letters[row]}{i + 1:02d}",
                                hall_id=hall_id_at(design, cx, cy)))
        y += t.depth_mm + _gap_after(spec, row)
    return blocks


def array_edit(design: Design, catalog: Catalog, spec: ArraySpec) -> AddBlocks:
    blocks = array_blocks(design, catalog, spec)
    return AddBlocks(blocks, text=f"Place array of {len(blocks)}")
