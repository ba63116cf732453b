"""Modules without Qt: save a selection as a template, insert it, explode it; each apply → revert → apply."""

from __future__ import annotations

from pathlib import Path

from workbench.editing.modules import explode_edit, insert_module, module_path, module_template
from workbench.model import Block, Catalog, Design

RACK = "rack.gb200-nvl72"


def test_a_saved_selection_inserts_and_explodes_as_one_undo_step_each(hall_design: Design, catalog: Catalog,
                                                                          round_trip) -> None:  # type: ignore[no-untyped-def]
    for k, x in enumerate((33000.0, 33600.0)):
        b = Block(RACK, x, 3000.0, hall_id="h2", name=f"S{k}")
        hall_design.blocks[b.id] = b
    chosen = list(hall_design.blocks)
    module = module_template(hall_design, chosen, catalog, name="Pair", created="2026-12-04")
    assert (module.meta["kind"], module.meta["racks"]) == ("module", 2) and module.meta["it_mw"] > 0  # gallery figures
    assert sorted(b.x_mm for b in module.blocks.values()) == [-300.0, 300.0]  # centred on the footprint
    round_trip(hall_design, insert_module(hall_design, module, 35000.0, 6000.0, hall_id="h2", template="Pair"))
    new = [b for b in hall_design.blocks.values() if b.module_id]
    assert len(new) == 2 and {b.hall_id for b in new} == {"h2"}
    explode = explode_edit(hall_design, [new[0].id])
    assert explode is not None
    round_trip(hall_design, explode)
    assert not any(b.module_id for b in hall_design.blocks.values()) and not hall_design.modules
    assert explode_edit(hall_design, chosen) is None


def test_a_module_file_is_named_by_a_slug_of_its_name(tmp_path: Path) -> None:
    assert module_path(tmp_path, "NVL72 Pod / 1.2 MW") == tmp_path / "nvl72-pod-1-2-mw.dchall.json"
    assert module_path(tmp_path, "模块").name == "module.dchall.json"
