"""Modules without Qt: place in a free spot of the selection's hall, explode, save a selection as a template."""

from __future__ import annotations

from pathlib import Path

from workbench.editing.modules import explode_edit, module_path, module_template, place_module_edit
from workbench.model import Block, Catalog, Design

RACK = "rack.gb200-nvl72"


def test_a_module_goes_to_a_free_spot_in_the_hall_of_the_selection(hall_design: Design, catalog: Catalog,
                                                                  round_trip) -> None:  # type: ignore[no-untyped-def]
    for k, x in enumerate((33000.0, 33600.0)):
        b = Block(RACK, x, 3000.0, hall_id="h2", name=f"S{k}")
        hall_design.blocks[b.id] = b
    chosen = list(hall_design.blocks)
    module = module_template(hall_design, chosen, catalog, name="Pair", created="2026-12-04")
    assert (module.meta["kind"], module.meta["racks"]) == ("module", 2) and module.meta["it_mw"] > 0  # gallery figures
    placed = place_module_edit(hall_design, catalog, module, near=[chosen[0]], template="Pair")
    assert placed is not None
    edit, fitted = placed
    round_trip(hall_design, edit)
    new = [b for b in hall_design.blocks.values() if b.module_id]
    assert fitted and len(new) == 2 and {b.hall_id for b in new} == {"h2"}
    explode = explode_edit(hall_design, [new[0].id])
    assert explode is not None
    round_trip(hall_design, explode)
    assert not any(b.module_id for b in hall_design.blocks.values()) and not hall_design.modules
    assert explode_edit(hall_design, chosen) is None


def test_a_module_that_fits_nowhere_goes_in_the_middle(hall_design: Design, catalog: Catalog) -> None:
    b = Block(RACK, 5000.0, 5000.0, hall_id="h1")
    hall_design.blocks[b.id] = b
    big = module_template(hall_design, [b.id], catalog, name="Big", created="")
    for blk in big.blocks.values():
        blk.overrides["width_mm"] = 19000.0  # with its service gaps wider than the 20 m hall
    placed = place_module_edit(hall_design, catalog, big, near=[], template="Big")
    assert placed is not None
    edit, fitted = placed
    assert not fitted
    edit.apply(hall_design)
    added = [x for x in hall_design.blocks.values() if x.module_id]
    assert [(x.x_mm, x.y_mm) for x in added] == [(10000.0, 6000.0)]  # hall 1's middle
    assert place_module_edit(Design(halls=[]), catalog, big) is None


def test_a_module_file_is_named_by_a_slug_of_its_name(tmp_path: Path) -> None:
    assert module_path(tmp_path, "NVL72 Pod / 1.2 MW") == tmp_path / "nvl72-pod-1-2-mw.dchall.json"
    assert module_path(tmp_path, "模块").name == "module.dchall.json"
