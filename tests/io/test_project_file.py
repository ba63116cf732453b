"""The project file: round trip, schema, precise problems, newer versions refused."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.catalog import default_catalog, new_design
from workbench.io import design_to_dict, dumps, load_design, loads_design, save_design
from workbench.io.migrations import CURRENT_VERSION
from workbench.io.project import schema
from workbench.model import Block, Column, Hall
from workbench.model.problems import InputError
from workbench.paths import sample_design_path

TYPES = sorted(default_catalog().types)
names = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
coords = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@st.composite
def designs(draw: st.DrawFn) -> object:
    d = new_design()
    d.site.name = draw(names)
    d.site.customer = draw(names)
    d.site.currency = draw(st.sampled_from(["USD", "EUR", "CNY"]))
    w = draw(st.floats(1000, 1e5))
    d.halls = [Hall(id="hall-1", name=draw(names), outline=[(0.0, 0.0), (w, 0.0), (w, w / 2), (0.0, w / 2)],
                    columns=[Column(id="c1", x_mm=draw(coords), y_mm=draw(coords))])]
    for i in range(draw(st.integers(0, 25))):
        b = Block(type_id=draw(st.sampled_from(TYPES)), x_mm=draw(coords), y_mm=draw(coords),
                  rotation_deg=draw(st.sampled_from([0, 90, 180, 270])), id=f"b{i}", name=draw(names),
                  hall_id="hall-1", power_system=draw(st.sampled_from(["", "A", "B"])),
                  locked=draw(st.booleans()))
        if draw(st.booleans()):
            b.overrides["it_kw"] = draw(st.just(0.0) | st.floats(1e-6, 1000))  # the schema: 0 or 1e-6 … 1e9
        d.blocks[b.id] = b
    d.assumptions.values["it_utilisation"] = draw(st.floats(0, 1))
    return d


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(designs())
def test_save_load_identity(tmp_path: Path, design: object) -> None:
    path = tmp_path / "d.dchall.json"
    save_design(design, path)  # type: ignore[arg-type]
    loaded = load_design(path, default_catalog()).design
    assert design_to_dict(loaded) == design_to_dict(design)  # type: ignore[arg-type]
    assert dumps(loaded) == path.read_bytes()


def test_schema_accepts_the_sample() -> None:
    doc = json.loads(sample_design_path().read_text("utf-8"))
    jsonschema.Draft202012Validator(schema()).validate(doc)


@pytest.mark.parametrize(
    ("mutate", "where", "words"),
    [
        (lambda d: d["blocks"][3].__setitem__("rotation_deg", 45), "$.blocks[3].rotation_deg", "45"),
        (lambda d: d["blocks"][0].pop("x_mm"), "$.blocks[0]", "x_mm"),
        (lambda d: d["site"].__setitem__("currency", "euro"), "$.site.currency", "euro"),
        (lambda d: d["halls"][0].__setitem__("outline", [[0, 0], [1, 1]]), "$.halls[0].outline", "short"),
        (lambda d: d.__setitem__("surprise", 1), "$", "surprise"),
        (lambda d: d["blocks"][1].__setitem__("id", d["blocks"][0]["id"]), "$.blocks[1].id", "duplicate"),
        (lambda d: d["blocks"][2].__setitem__("hall", "nowhere"), "$.blocks[2].hall", "nowhere"),
        (lambda d: d["halls"][0].__setitem__("outline", [[0, 0], [10, 10], [10, 0], [0, 10]]),
         "$.halls[0].outline", "simple polygon"),
    ],
)
def test_broken_documents_are_refused_with_their_json_path(mutate, where: str, words: str) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(sample_design_path().read_text("utf-8"))
    mutate(doc)
    with pytest.raises(InputError) as err:
        loads_design(json.dumps(doc), default_catalog(), where="f.json")
    text = str(err.value)
    assert f"f.json: {where}" in text and words in text


def test_newer_schema_version_is_refused_naming_both_versions() -> None:
    doc = json.loads(sample_design_path().read_text("utf-8"))
    doc["schema_version"] = 7
    with pytest.raises(InputError, match=f"schema version 7.*version {CURRENT_VERSION}"):
        loads_design(json.dumps(doc))


@pytest.mark.parametrize("text", ["", "{", "[1, 2]", '{"format": "other"}', '{"a": NaN}', "\x00\x01"])
def test_not_a_design(text: str) -> None:
    with pytest.raises(InputError):
        loads_design(text)


def test_unknown_block_type_is_a_warning_and_the_block_is_kept(tmp_path: Path) -> None:
    doc = json.loads(sample_design_path().read_text("utf-8"))
    doc["blocks"][0]["type"] = "rack.from-another-library"
    loaded = loads_design(json.dumps(doc), default_catalog(), where="f.json")
    assert any("$.blocks[0].type" in p.where and "rack.from-another-library" in p.message for p in loaded.problems)
    assert any(b.type_id == "rack.from-another-library" for b in loaded.design.blocks.values())


def test_out_of_range_assumption_is_refused() -> None:
    doc = json.loads(sample_design_path().read_text("utf-8"))
    doc["assumptions"]["values"]["it_utilisation"] = 3.0
    with pytest.raises(InputError, match=r"\$\.assumptions\.values\.it_utilisation"):
        loads_design(json.dumps(doc), default_catalog())


def test_save_keeps_previous_version_as_bak(tmp_path: Path) -> None:
    path = tmp_path / "x.dchall.json"
    d = new_design()
    save_design(d, path)
    first = path.read_bytes()
    d.site.name = "second"
    save_design(d, path)
    assert path.with_name("x.dchall.json.bak").read_bytes() == first
    assert b"second" in path.read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_missing_file_message() -> None:
    with pytest.raises(InputError, match="file not found"):
        load_design(Path("/nonexistent/x.dchall.json"))
