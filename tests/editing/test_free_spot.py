"""Insert → Module and Ctrl+D find a spot every placement rule accepts, or say which halls were tried and why."""

from __future__ import annotations

import pytest

from workbench.calc import calculate
from workbench.catalog import default_catalog
from workbench.editing import free_spot as fs
from workbench.geometry.placement import placement_problems
from workbench.io.project import load_design
from workbench.model.blocktype import Catalog
from workbench.model.design import Block, Design, Hall
from workbench.paths import sample_design_path, templates_dir

PLACEMENT_CODES = {"overlap", "outside_hall", "clearance", "door_blocked"}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


def _sample(catalog: Catalog) -> Design:
    return load_design(sample_design_path(), catalog).design


def _module(catalog: Catalog, stem: str) -> Design:
    return load_design(templates_dir() / "modules" / f"{stem}.dchall.json", catalog).design


def _placement_checks(design: Design, catalog: Catalog) -> set[tuple[str, tuple[str, ...]]]:
    return {(c.code, c.blocks) for c in calculate(design, catalog).checks if c.code in PLACEMENT_CODES}


@pytest.mark.parametrize("stem", ["air-row-pod-20kw", "nvl72-pod-1200kw", "vera-rubin-pod-200kw-racks"])
def test_a_pod_goes_to_the_hall_with_racks_and_raises_no_placement_check(catalog: Catalog, stem: str) -> None:
    design = _sample(catalog)
    before = _placement_checks(design, catalog)
    placed = fs.place_module(design, catalog, _module(catalog, stem))
    assert placed.edit is not None and placed.hall_id == "hall-1"  # Data hall 1, not the plant yard
    placed.edit.apply(design)
    assert _placement_checks(design, catalog) == before  # the checks see nothing new: one set of rules


def test_the_cursor_chooses_the_hall_and_the_spot_nearest_it(catalog: Catalog) -> None:
    design = _sample(catalog)
    module = _module(catalog, "air-row-pod-20kw")
    placed = fs.place_module(design, catalog, module, cursor=(20000.0, 14000.0))
    assert placed.edit is not None and placed.hall_id == "hall-1"
    blocks = placed.edit.edits[1].blocks
    cx = (min(b.x_mm for b in blocks) + max(b.x_mm for b in blocks)) / 2
    cy = (min(b.y_mm for b in blocks) + max(b.y_mm for b in blocks)) / 2
    assert abs(cx - 20000) < 6000 and abs(cy - 14000) < 6000
    # The cursor over the plant yard puts it there, in the free bay nearest the cursor.
    yard = fs.place_module(design, catalog, module, cursor=(22000.0, 45000.0))
    assert yard.hall_id == "plant-yard"
    # The power block finds no room there: only the yard was tried (the cursor chose it), and it says why.
    none = fs.place_module(design, catalog, _module(catalog, "power-block-2mw"), cursor=(5000.0, 30000.0))
    assert none.edit is None
    assert [(t.name, t.reason) for t in none.tried] == [("Plant yard", "no_room")]


def test_when_nothing_fits_every_hall_tried_is_named_with_its_reason(catalog: Catalog) -> None:
    design = _sample(catalog)
    design.halls.append(Hall(name="Closet", outline=[(40000, 0), (43000, 0), (43000, 3000), (40000, 3000)]))
    placed = fs.place_module(design, catalog, _module(catalog, "power-block-2mw"))
    assert placed.edit is None
    tried = {t.name: t for t in placed.tried}
    assert list(tried) == ["Data hall 1", "Plant yard", "Closet"]  # halls with racks first
    assert tried["Closet"].reason == "too_small" and tried["Data hall 1"].reason == "no_room"
    assert "Closet: 3 × 3 m, too small for 16.7 × 5.3 m" == tried["Closet"].sentence()


@pytest.mark.parametrize("name", ["CDU-A1", "CRAH-2", "DC-1", "RA08", "GEN-1", "TX-2"])
def test_a_duplicate_goes_to_the_nearest_free_spot_in_its_own_hall(catalog: Catalog, name: str) -> None:
    design = _sample(catalog)
    block = next(b for b in design.blocks.values() if b.name == name)
    offset = fs.duplicate_offset(design, catalog, [block.id])
    assert offset is not None
    copy = block.copy(id="copy", x_mm=block.x_mm + offset[0], y_mm=block.y_mm + offset[1])
    assert placement_problems(design, catalog, [copy], 1200.0) == []
    assert design.hall_of(copy) is design.hall_of(block)


def test_a_rack_row_grows_along_the_row(catalog: Catalog) -> None:
    design = _sample(catalog)
    row = [b for b in design.blocks.values() if b.name.startswith("RA")]
    dx, dy = fs.duplicate_offset(design, catalog, [b.id for b in row]) or (None, None)
    assert dy == 0 and dx is not None and abs(dx) >= 8 * 600  # the next eight racks in line, not on top
    turned = [Block("rack.air-20kw", 3000, 3000 + 600 * k, rotation_deg=90) for k in range(3)]
    assert fs.row_axis(turned) == (0.0, 1.0)
