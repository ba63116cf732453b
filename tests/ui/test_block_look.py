"""A block's look, shared between blocks of one kind, is the look made afresh for each block: names, overrides,
rotation, language and a catalog that replaces a type all show."""

from __future__ import annotations

import dataclasses

from workbench.bench.generate import generate_design
from workbench.model import Catalog
from workbench.ui.scene import block_look as looks


def test_every_look_equals_one_made_afresh_for_its_block(catalog: Catalog) -> None:
    design = generate_design(catalog, 600)
    blocks = list(design.blocks.values())
    blocks[1] = dataclasses.replace(blocks[1], name="")  # the type's display name as label
    blocks[2] = dataclasses.replace(blocks[2], rotation_deg=90, locked=True)
    blocks[3] = dataclasses.replace(blocks[3], overrides={"width_mm": 1234.0})
    for lang in ("en", "zh"):
        for b in blocks:
            made = looks._make_look(b, catalog.get(b.type_id), lang)
            assert looks.block_look(b, catalog, lang) == made._replace(label=b.name or made.label), b.id
    assert len(looks._LOOKS) < len(blocks)  # shared, not one per block


def test_a_catalog_that_replaces_a_type_gets_the_new_look(catalog: Catalog) -> None:
    b = next(b for b in generate_design(catalog, 50).blocks.values() if catalog.get(b.type_id).rack)
    t = catalog.get(b.type_id)
    before = looks.block_look(b, catalog)
    wider = Catalog(types={**catalog.types, t.id: dataclasses.replace(t, width_mm=t.width_mm + 300)},
                    parameters=catalog.parameters)
    after = looks.block_look(b, wider)
    assert after.width_mm + after.depth_mm == before.width_mm + before.depth_mm + 300
    assert looks.block_look(b, catalog) == before
