"""The voltage chain: the 800 V DC template is consistent, and the checks catch each contradiction it once had."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.calc import calculate
from workbench.catalog import default_catalog
from workbench.io import load_design
from workbench.model import Catalog, Design
from workbench.paths import templates_dir

VOLTAGE_CODES = {"unfed_voltage", "rack_bus_mismatch", "no_ac_for_mechanical"}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


def _hall(catalog: Catalog) -> Design:
    return load_design(templates_dir() / "halls" / "nextgen-800vdc-hall-20mw.dchall.json", catalog).design


def test_the_800v_template_is_consistent(catalog: Catalog) -> None:
    d = _hall(catalog)
    r = calculate(d, catalog)
    assert not [c for c in r.checks if c.code in VOLTAGE_CODES], [c.message for c in r.checks]
    # The racks sit on the sidecars' 800 V DC bus: 210 kW / 800 V = 262.5 A, not 4,375 A at 48 V.
    assert r.power["dc_bus"] == [{"voltage_v": 800.0, "racks": 96, "max_rack_current_a": 262.5,
                                  "total_current_a": 25200.0}]
    kinds = {catalog.types[b.type_id].kind for b in d.blocks.values()}
    assert "transformer" in kinds and "sst" not in kinds  # LV AC for sidecars and mechanical loads


def test_sst_feeding_ac_sidecars_and_no_ac_for_fans_are_errors(catalog: Catalog) -> None:
    """The template's old form: solid-state transformers (800 V DC out) in place of the LV transformers."""
    d = _hall(catalog)
    for b in d.blocks.values():
        if b.type_id == "pwr.transformer-2500kva":
            b.type_id = "pwr.sst-5mw"
    r = calculate(d, catalog)
    found = {c.code: c for c in r.checks if c.code in VOLTAGE_CODES}
    assert set(found) == {"unfed_voltage", "no_ac_for_mechanical"}
    unfed = [c for c in r.checks if c.code == "unfed_voltage"]
    sidecars = [c for c in unfed if c.param_dict()["type_id"] == "pwr.sidecar-800v"]
    assert sidecars and sidecars[0].param_dict()["n"] == 48 and "ac_lv" in sidecars[0].param_dict()["takes"]
    assert "dc_800" in sidecars[0].param_dict()["have"] and "ac_lv" not in sidecars[0].param_dict()["have"]
    fans = found["no_ac_for_mechanical"]
    mech = [b for b in d.blocks.values() if catalog.types[b.type_id].category == "cooling"
            and (catalog.types[b.type_id].cooling.fan_kw or catalog.types[b.type_id].cooling.pump_kw)]
    assert fans.param_dict()["n"] == len(mech) > 0 and all(c.severity == "error" for c in unfed)


def test_48v_racks_behind_800v_sidecars_are_an_error(catalog: Catalog) -> None:
    d = _hall(catalog)
    dc48_only = next(t.id for t in catalog.types.values() if t.rack is not None and t.rack.power_input == "dc48"
                     and not any("dc_800" in p.voltages for p in t.ports if p.kind == "power"))
    row1 = [b for b in d.blocks.values() if b.type_id == "rack.vr-nvl144" and b.power_system == "dc-row1"]
    for b in row1:
        b.type_id = dc48_only
    r = calculate(d, catalog)
    bad = [c for c in r.checks if c.code == "rack_bus_mismatch"]
    assert len(bad) == 1 and bad[0].severity == "error"
    assert set(bad[0].blocks) == {b.id for b in row1}
    assert bad[0].param_dict()["system"] == "dc-row1" and bad[0].param_dict()["delivers"] == "dc_800"


@pytest.mark.parametrize("path", sorted((templates_dir() / "halls").glob("*.dchall.json")), ids=lambda p: p.stem)
def test_no_template_breaks_the_voltage_chain(path: Path, catalog: Catalog) -> None:
    r = calculate(load_design(path, catalog).design, catalog)
    assert not [c.message for c in r.checks if c.code in VOLTAGE_CODES]
