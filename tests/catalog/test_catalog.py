"""The shipped catalog covers the classic and the AI-era hall, and bad entries are pinpointed."""

from __future__ import annotations

import json
from pathlib import Path

from workbench.catalog import load_catalog
from workbench.model.blocktype import Catalog
from workbench.paths import resources_dir


def test_shipped_catalog_loads_without_problems() -> None:
    catalog, problems = load_catalog()
    assert problems == []
    assert len(catalog.types) >= 40


def test_coverage_of_ai_era_and_classic_equipment(catalog: Catalog) -> None:
    kinds = {t.kind for t in catalog.types.values()}
    assert {"ups", "battery", "busway", "pdu", "rpp", "transformer", "mv-switchgear", "generator", "sst",
            "sidecar", "cdu", "rdhx", "crah", "fanwall", "inrow", "chiller", "drycooler", "tower", "pump",
            "column", "wall", "door", "ramp", "containment"} <= kinds
    racks = [t.rack.it_kw for t in catalog.types.values() if t.rack and t.category == "compute"]
    assert any(120 <= kw <= 142 for kw in racks)  # NVL72 class
    assert any(190 <= kw <= 230 for kw in racks)  # next generation
    assert any(kw >= 600 for kw in racks)  # Kyber class
    assert any(10 <= kw <= 40 and t.rack.liquid_fraction == 0 for t in catalog.types.values()
               for kw in [t.rack.it_kw if t.rack else 0])
    assert any(t.power and t.power.output_dc_v == 800 for t in catalog.types.values())
    cdu_media = {t.cooling.medium for t in catalog.types.values() if t.kind == "cdu" and t.cooling}
    assert {"liquid-to-liquid", "liquid-to-air"} <= cdu_media


def test_every_type_is_bilingual_priced_and_sourced(catalog: Catalog) -> None:
    for t in catalog.types.values():
        assert t.name.get("en") and t.name.get("zh"), t.id
        assert any("\u4e00" <= ch <= "\u9fff" for ch in t.name["zh"]), t.id
        assert t.source and t.price.currency and t.price.date, t.id


def test_bad_entry_reported_with_file_entry_and_field(tmp_path: Path) -> None:
    data = json.loads((resources_dir() / "catalog" / "core-compute.json").read_text("utf-8"))
    data["types"][0]["rack"]["air_fraction"] = 0.7  # air + liquid no longer 1
    data["types"][1]["width_mm"] = "wide"
    data["types"][2]["category"] = "teleport"
    extra = tmp_path / "team-lib.json"
    extra.write_text(json.dumps(data), "utf-8")
    catalog, problems = load_catalog([extra])
    text = "\n".join(map(str, problems))
    first, second, third = (t["id"] for t in data["types"][:3])
    assert f"team-lib.json: entry {first}, field 'rack.air_fraction'" in text
    assert f"team-lib.json: entry {second}, field 'width_mm'" in text and "'wide'" in text
    assert f"team-lib.json: entry {third}, field 'category'" in text
    # The good entries of the extra file duplicate core ids: reported as warnings, core kept.
    assert "already defined" in text
    assert len(catalog.types) >= 40


def test_library_that_is_not_json(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text("{ nope", "utf-8")
    _, problems = load_catalog([bad])
    assert len(problems) == 1 and problems[0].where == "broken.json" and "not valid JSON" in problems[0].message
