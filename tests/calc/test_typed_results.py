"""Results sections are typed: attribute access, the documented JSON unchanged, and no silent fallback for a renamed key."""

from __future__ import annotations

import json

import pytest

from workbench.calc import calculate
from workbench.calc.results import SECTIONS, Results
from workbench.calc.sections import CoolingGroup, PartialPue, PowerSystem, SpaceResult
from workbench.catalog import default_catalog
from workbench.io import load_design
from workbench.paths import templates_dir

CATALOG = default_catalog()
TEMPLATES = sorted((templates_dir() / "halls").glob("*.dchall.json"))


@pytest.fixture(scope="module")
def results() -> dict[str, Results]:
    return {p.name: calculate(load_design(p, CATALOG).design, CATALOG) for p in TEMPLATES}


def test_every_section_is_typed_and_its_json_round_trips(results: dict[str, Results]) -> None:
    assert len(results) >= 5
    for name, r in results.items():
        doc = r.to_dict()
        for key, section in SECTIONS.items():
            typed = getattr(r, key)
            assert isinstance(typed, section), (name, key)
            assert section.from_dict(doc[key]) == typed  # the JSON is all a section holds
            assert json.dumps(typed.to_dict()) == json.dumps(doc[key])
        # Rebuilding the results from their own JSON sections gives the same document, key order included.
        again = Results(**{k: getattr(r, k) for k in ("it_load_kw", "load_fraction", "pue", "pue_peak", "pue_at_load",
                                                      "pue_curve", "checks", "annual", "plant")},
                        **{k: doc[k] for k in SECTIONS})
        assert json.dumps(again.to_dict()) == json.dumps(doc)


def test_attributes_read_what_the_json_says(results: dict[str, Results]) -> None:
    r = next(iter(results.values()))
    doc = r.to_dict()
    assert r.space.rack_count == doc["space"]["rack_count"] == r.space["rack_count"]
    assert [h.name for h in r.space.halls] == [h["name"] for h in doc["space"]["halls"]]
    assert all(isinstance(e, PowerSystem) for e in r.power.systems)
    assert all(isinstance(e, CoolingGroup) for e in r.cooling.air + r.cooling.liquid + r.cooling.heat_rejection)
    assert r.energy.annual_facility_mwh == doc["energy"]["annual_facility_mwh"]
    storage = [e for e in r.power.systems if e.role == "storage"]
    for e in storage:  # only storage systems carry a ride-through, after losses_kw in the JSON
        assert list(e.to_dict())[-2:] == ["losses_kw", "ride_through_min"]
        assert e.ride_through_min == e.to_dict()["ride_through_min"]


def test_a_renamed_key_fails_loudly_instead_of_showing_zero(results: dict[str, Results]) -> None:
    space = next(iter(results.values())).space.to_dict()
    space["racks_total"] = space.pop("rack_count")
    with pytest.raises(KeyError, match="SpaceResult lacks 'rack_count'"):
        SpaceResult.from_dict(space)
    typed = next(iter(results.values())).space
    with pytest.raises(KeyError, match="has no 'racks_total'"):
        typed.get("racks_total", 0)
    assert typed.get("rack_count", -1) == typed.rack_count


def test_a_new_key_from_a_producer_is_kept_after_the_documented_ones(results: dict[str, Results]) -> None:
    doc = next(iter(results.values())).space.to_dict()
    grown = {"new_figure": 1.5, **doc}
    typed = SpaceResult.from_dict(grown)
    assert typed["new_figure"] == 1.5
    assert list(typed.to_dict()) == [*doc, "new_figure"]


def test_no_it_load_gives_an_empty_ppue_section() -> None:
    empty = PartialPue.from_dict({})
    assert empty.to_dict() == {} and empty.power is None and empty.get("power", 1.0) == 1.0
    full = PartialPue.from_dict({"power": 1.1, "cooling": 1.2, "lighting_misc": 1.01})
    assert full.to_dict() == {"power": 1.1, "cooling": 1.2, "lighting_misc": 1.01}


def test_results_are_frozen(results: dict[str, Results]) -> None:
    r = next(iter(results.values()))
    with pytest.raises(AttributeError):
        r.pue = 1.0  # type: ignore[misc]
    with pytest.raises(AttributeError):
        r.space.rack_count = 0  # type: ignore[misc]
