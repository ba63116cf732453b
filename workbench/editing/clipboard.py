"""Blocks as clipboard text (the JSON of the project file's blocks and modules) and pasting them as copies."""

from __future__ import annotations

import json
from typing import Any

from workbench.editing.blocks import copies_edit
from workbench.editing.selection import bounds
from workbench.editing.snapping import snap_centre
from workbench.io import design_from_dict, design_to_dict
from workbench.model.blocktype import Catalog
from workbench.model.design import Block, Design, ModuleInstance
from workbench.model.edits import Edit

CLIP_FORMAT = "datahall-blocks"


def blocks_payload(design: Design, ids: list[str] | set[str]) -> str | None:
    """The clipboard text for the given blocks and their module records, or None when none exists."""
    wanted = set(ids)
    blocks = {bid: b for bid, b in design.blocks.items() if bid in wanted}
    if not blocks:
        return None
    modules = {m: design.modules[m] for m in dict.fromkeys(b.module_id for b in blocks.values()) if m in design.modules}
    doc = design_to_dict(Design(halls=[], blocks=blocks, modules=modules))
    return json.dumps({"format": CLIP_FORMAT, "blocks": doc["blocks"], "modules": doc["modules"]}, ensure_ascii=False)


def parse_blocks(data: bytes, catalog: Catalog) -> tuple[list[Block], dict[str, ModuleInstance]]:
    """Blocks and modules from clipboard bytes; ValueError with a readable reason when unusable."""
    try:
        doc: Any = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"the clipboard does not hold blocks ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("format") != CLIP_FORMAT or not isinstance(doc.get("blocks"), list):
        raise ValueError("the clipboard does not hold data-hall blocks")
    try:
        design = design_from_dict({"halls": [], "blocks": doc["blocks"], "modules": doc.get("modules", [])})
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"the blocks on the clipboard are damaged ({exc})") from exc
    unknown = sorted({b.type_id for b in design.blocks.values() if b.type_id not in catalog.types})
    if unknown:
        raise ValueError(f"the clipboard holds block types this catalog lacks: {', '.join(unknown)}")
    return list(design.blocks.values()), design.modules


def paste_edit(design: Design, catalog: Catalog, data: bytes, at_x_mm: float, at_y_mm: float,
               grid_mm: float = 0.0) -> tuple[Edit, list[str]]:
    """An edit adding the clipboard's blocks with their footprint centred on the cursor, snapped."""
    blocks, modules = parse_blocks(data, catalog)
    if not blocks:
        raise ValueError("the clipboard holds no blocks")
    tmp = Design(halls=[], blocks={b.id: b for b in blocks})
    box = bounds(tmp, catalog, list(tmp.blocks))
    assert box is not None
    w, d = box[2] - box[0], box[3] - box[1]
    cx, cy = snap_centre(at_x_mm, at_y_mm, w, d, grid_mm)
    dx, dy = cx - (box[0] + box[2]) / 2, cy - (box[1] + box[3]) / 2
    return copies_edit(design, blocks, modules, dx, dy, "Paste")
