"""A block's footprint size: the type's width and depth, a block's own overrides, and rotation."""

from __future__ import annotations

from workbench.model.blocktype import BlockType
from workbench.model.design import Block

Box = tuple[float, float, float, float]
UNKNOWN_SIZE_MM = 600.0  # an unknown type still gets a visible square so it can be found and deleted


def block_size_mm(block: Block, t: BlockType | None) -> tuple[float, float]:
    """Unrotated width and depth, honouring per-block overrides."""
    w = block.overrides.get("width_mm", t.width_mm if t else UNKNOWN_SIZE_MM)
    d = block.overrides.get("depth_mm", t.depth_mm if t else UNKNOWN_SIZE_MM)
    return float(w), float(d)


def rotated_size_mm(block: Block, t: BlockType | None) -> tuple[float, float]:
    """Width along x and depth along y after the block's rotation."""
    w, d = block_size_mm(block, t)
    return (d, w) if (block.rotation_deg // 90) % 2 else (w, d)


def block_box(block: Block, t: BlockType | None) -> Box:
    """The block's footprint as (xmin, ymin, xmax, ymax) in model mm."""
    w, d = rotated_size_mm(block, t)
    return (block.x_mm - w / 2, block.y_mm - d / 2, block.x_mm + w / 2, block.y_mm + d / 2)
