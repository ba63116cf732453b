"""IT load needs a utility-side supply and backup generation (or a declared none); PUE says when it is incomplete."""

from __future__ import annotations

from workbench.calc import calculate
from workbench.catalog import load_catalog
from workbench.io.project import load_design
from workbench.model.design import Block
from workbench.catalog import new_design
from workbench.paths import sample_design_path


def _catalog():  # type: ignore[no-untyped-def]
    c = load_catalog()
    return c[0] if isinstance(c, tuple) else c


def _sample():  # type: ignore[no-untyped-def]
    loaded = load_design(sample_design_path(), _catalog())
    return getattr(loaded, "design", loaded)


def _codes(design) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.code for c in calculate(design, _catalog()).checks]


def test_the_sample_has_supply_and_backup_and_a_complete_pue() -> None:
    r = calculate(_sample(), _catalog())
    assert "no_utility_supply" not in [c.code for c in r.checks]
    assert "no_backup" not in [c.code for c in r.checks]
    assert r.pue_gaps == [] and r.to_dict()["pue_incomplete"] == []


def test_without_transformers_the_it_load_has_no_utility_supply() -> None:
    design = _sample()
    for bid in [b.id for b in design.blocks.values() if b.type_id == "pwr.transformer-2500kva"]:
        del design.blocks[bid]
    r = calculate(design, _catalog())
    check = next(c for c in r.checks if c.code == "no_utility_supply")
    assert check.severity == "warning"
    assert dict(check.params)["it_kw"] == r.it_load_kw > 0


def test_without_generators_backup_is_missing_until_declared_none() -> None:
    design = _sample()
    for bid in [b.id for b in design.blocks.values() if b.type_id == "pwr.generator-3mw"]:
        del design.blocks[bid]
    assert "no_backup" in _codes(design)
    design.assumptions.values["backup_generation_none"] = 1.0
    assert "no_backup" not in _codes(design)


def test_a_rack_without_cooling_or_heat_rejection_makes_the_pue_incomplete() -> None:
    catalog = _catalog()
    design = new_design(catalog)
    hall = design.halls[0]
    design.blocks.update({b.id: b for b in [Block("rack.air-20kw", 3000, 3000, hall_id=hall.id)]})
    r = calculate(design, catalog)
    assert r.pue is not None  # a number exists, but it leaves the cooling out
    assert set(r.to_dict()["pue_incomplete"]) >= {"no_cooling", "no_power"}
    # An empty design has no IT load: no supply checks, nothing to call incomplete.
    empty = calculate(new_design(catalog), catalog)
    assert not {"no_utility_supply", "no_backup"} & {c.code for c in empty.checks}
