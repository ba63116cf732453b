"""The climate part of the project file: published in every schema version that has it, bad values named."""

from __future__ import annotations

import json

import pytest

from workbench.catalog import default_catalog
from workbench.io import loads_design
from workbench.io.climate_doc import SCHEMA
from workbench.io.project import dumps
from workbench.model.problems import InputError
from workbench.paths import resources_dir, sample_design_path


@pytest.mark.parametrize("version", [1, 2])
def test_schema_files_publish_the_climate_section(version: int) -> None:
    doc = json.loads((resources_dir() / "schema" / f"design-{version}.schema.json").read_text(encoding="utf-8"))
    assert doc["properties"]["climate"] == SCHEMA


@pytest.mark.parametrize("change, where", [
    ({"loops": {"liquid": {"kind": "lukewarm"}}}, "climate"),
    ({"loops": {"liquid": {"kind": "warm", "supply_c": 500}}}, "supply_c"),
    ({"profile_monthly": [0.5] * 13}, "profile_monthly"),
    ({"weather_path": 12}, "weather_path"),
])
def test_bad_climate_values_are_refused_with_their_path(change: dict[str, object], where: str) -> None:
    catalog = default_catalog()
    doc = json.loads(sample_design_path().read_text(encoding="utf-8"))
    doc["climate"] = {"weather_path": "builtin:denver-co", **change}
    with pytest.raises(InputError) as info:
        loads_design(json.dumps(doc), catalog)
    assert "$.climate" in str(info.value) and where in str(info.value)


def test_a_design_referring_to_a_missing_file_still_opens() -> None:
    catalog = default_catalog()
    doc = json.loads(sample_design_path().read_text(encoding="utf-8"))
    doc["climate"] = {"weather_path": "/nowhere/site.epw", "weather_sha256": "0" * 64}
    design = loads_design(json.dumps(doc), catalog).design
    assert design.climate.weather_path == "/nowhere/site.epw"
    assert json.loads(dumps(design))["climate"]["weather_path"] == "/nowhere/site.epw"
