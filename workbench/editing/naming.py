"""Names for new blocks: the next free 'RA02' after 'RA01', or 'RACK-01' for a first block of its kind."""

from __future__ import annotations

import re

from workbench.model.blocktype import Catalog
from workbench.model.design import Design


def next_name(existing: set[str], stem: str) -> str:
    """'RA01' -> the next free 'RA02'...; a name without digits gets '-2', '-3'..."""
    m = re.match(r"^(.*?)(\d+)$", stem)
    base, width, start = (m.group(1), len(m.group(2)), int(m.group(2))) if m else (stem + "-", 1, 1)
    k = start + 1
    while True:
        candidate = f"{base}{k:0{width}d}"
        if candidate not in existing:
            return candidate
        k += 1


def default_name(design: Design, catalog: Catalog, type_id: str) -> str:
    t = catalog.get(type_id)
    stem = (t.kind if t else "block").upper()
    names = {b.name for b in design.blocks.values()}
    first = f"{stem}-01"
    return first if first not in names else next_name(names, first)
