"""Allowances given as a fixed amount: stored in the design file only when set, read back equal, bad values named."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from workbench.catalog import default_catalog, new_design
from workbench.io.project import design_to_dict, dumps, load_design, loads_design, save_design
from workbench.model.allowances import ALLOWANCE_PARAMS, SetAllowanceFixed
from workbench.model.problems import InputError
from workbench.paths import sample_design_path
from workbench.scenarios import operations

ROOT = Path(__file__).resolve().parents[2]


def test_save_and_open_keep_fixed_amounts(tmp_path: Path) -> None:
    cat = default_catalog()
    d = load_design(sample_design_path(), cat).design
    assert d.assumptions.fixed_usd == {}
    assert "fixed_usd" not in design_to_dict(d)["assumptions"]  # a file without fixed amounts stays as it was
    SetAllowanceFixed("allowance_installation", 2_500_000.0).apply(d)
    SetAllowanceFixed("allowance_battery_usd_per_kw", 0.0).apply(d)  # a fixed 0 leaves the battery allowance out
    path = tmp_path / "fixed.dchall.json"
    save_design(d, path)
    doc = json.loads(path.read_text("utf-8"))
    assert doc["assumptions"]["fixed_usd"] == {"allowance_installation": 2_500_000.0,
                                               "allowance_battery_usd_per_kw": 0.0}
    loaded = load_design(path, cat)
    assert loaded.problems == []
    assert loaded.design.assumptions.fixed_usd == d.assumptions.fixed_usd
    # The share the fixed amount replaces is kept, so switching back restores it.
    assert loaded.design.assumptions.values["allowance_installation"] == d.assumptions.values["allowance_installation"]


def test_every_shipped_golden_and_template_still_opens(tmp_path: Path) -> None:
    cat = default_catalog()
    files = sorted((ROOT / "tests" / "data").glob("design-v*.dchall.json")) + \
        sorted((ROOT / "templates" / "halls").glob("*.dchall.json"))
    assert len(files) >= 3
    for path in files:
        loaded = load_design(path, cat)
        assert loaded.design.assumptions.fixed_usd == {}, path.name


def test_edit_apply_revert_apply() -> None:
    d = new_design(default_catalog())
    first = SetAllowanceFixed("allowance_commissioning", 80_000.0)
    first.apply(d)
    second = SetAllowanceFixed("allowance_commissioning", 120_000.0)
    second.apply(d)
    assert d.assumptions.fixed_usd == {"allowance_commissioning": 120_000.0}
    back = SetAllowanceFixed("allowance_commissioning", None)
    back.apply(d)
    assert d.assumptions.fixed_usd == {}
    back.revert(d)
    assert d.assumptions.fixed_usd == {"allowance_commissioning": 120_000.0}
    second.revert(d)
    first.revert(d)
    assert d.assumptions.fixed_usd == {}
    first.apply(d)
    assert d.assumptions.fixed_usd == {"allowance_commissioning": 80_000.0}


@pytest.mark.parametrize("value, words", [(-1.0, "at least 0 USD"), (math.nan, "finite"), (math.inf, "finite"),
                                          ("12k", "must be a number of USD"), (True, "must be a number of USD"),
                                          (2e12, "at most")])
def test_edit_refuses_bad_amounts_naming_the_field(value: object, words: str) -> None:
    with pytest.raises(ValueError) as err:
        SetAllowanceFixed("allowance_installation", value)  # type: ignore[arg-type]
    assert "fixed amount of allowance_installation" in str(err.value) and words in str(err.value)


def test_only_allowances_take_a_fixed_amount() -> None:
    assert set(ALLOWANCE_PARAMS.values()) <= set(default_catalog().parameters)
    with pytest.raises(ValueError, match="it_utilisation is not an allowance"):
        SetAllowanceFixed("it_utilisation", 5.0)


@pytest.mark.parametrize("value, words", [(-5, "below the smallest allowed 0"), ("lots", "must be a number, not text"),
                                          (None, "must be a number, not null")])
def test_file_with_a_bad_amount_is_refused_by_its_json_path(value: object, words: str) -> None:
    cat = default_catalog()
    doc = design_to_dict(new_design(cat))
    doc["assumptions"]["fixed_usd"] = {"allowance_installation": value}
    with pytest.raises(InputError) as err:
        loads_design(json.dumps(doc), cat, where="p.dchall.json")
    message = str(err.value)
    assert "$.assumptions.fixed_usd.allowance_installation" in message and words in message


def test_file_with_a_fixed_amount_for_no_allowance_warns_and_ignores_it() -> None:
    cat = default_catalog()
    doc = design_to_dict(new_design(cat))
    doc["assumptions"]["fixed_usd"] = {"pue_target": 3.0}
    loaded = loads_design(json.dumps(doc), cat, where="p.dchall.json")
    assert any("$.assumptions.fixed_usd.pue_target" in p.where and "ignored" in p.message for p in loaded.problems)


def test_a_scenario_may_fix_an_allowance_the_base_sizes_by_share() -> None:
    cat = default_catalog()
    d = load_design(sample_design_path(), cat).design
    operations.create(d, "Fixed installation").apply(d)
    SetAllowanceFixed("allowance_installation", 1_000_000.0).apply(d)
    reopened = loads_design(dumps(d), cat).design
    assert reopened.assumptions.fixed_usd == {"allowance_installation": 1_000_000.0}
    operations.switch(reopened, operations.BASE).apply(reopened)
    assert reopened.assumptions.fixed_usd == {}
