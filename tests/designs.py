"""Small designs built with the model API for tests: a 20 m × 10 m hall, a helper to place blocks in it, and the
`catalog` and `empty` fixtures (each folder's conftest.py imports them: the no-Qt run does not load tests/conftest.py).
"""

from __future__ import annotations

import pytest

from workbench.catalog import default_catalog, new_design
from workbench.model import Block, Catalog, Design, Hall


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The shipped catalog."""
    return default_catalog()


@pytest.fixture
def empty(catalog: Catalog) -> Design:
    """A new design with one empty 20 m × 10 m hall."""
    return small_hall(catalog)


def small_hall(catalog: Catalog) -> Design:
    """A new design (every assumption at its default) with one empty 20 m × 10 m hall, id "h1"."""
    d = new_design(catalog)
    d.halls = [Hall(id="h1", name="Hall", outline=[(0, 0), (20000, 0), (20000, 10000), (0, 10000)])]
    return d


def place(design: Design, type_id: str, x: float, y: float, rot: int = 0, **kw: object) -> Block:
    """Put a block of the type centred at (x, y) in the design's first hall, and return it."""
    b = Block(type_id=type_id, x_mm=x, y_mm=y, rotation_deg=rot, hall_id=design.halls[0].id, **kw)  # type: ignore[arg-type]
    design.blocks[b.id] = b
    return b


def move(design: Design, block: Block, x: float | None = None, y: float | None = None) -> Block:
    """Move a block as the editor does (a changed copy in its place, never a change in place); return the copy."""
    from workbench.model.edits import MoveBlocks

    MoveBlocks([block.id], [(block.x_mm if x is None else x, block.y_mm if y is None else y)]).apply(design)
    return design.blocks[block.id]
