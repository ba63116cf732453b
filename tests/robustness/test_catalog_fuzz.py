"""Damaged block libraries, assumptions and exchange rates give located problems, never a crash or a bad figure."""

from __future__ import annotations

import codecs
import copy
import json
import math
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.calc import calculate
from workbench.catalog import default_catalog, load_catalog
from workbench.catalog.sources import ENV_TEMPLATE_PATH, LIBRARIES_SUBDIR, catalog_with_libraries
from workbench.model.assumptions import fill_defaults
from workbench.model.blocktype import BlockType, Catalog
from workbench.model.design import Block, Design, Hall
from workbench.model.problems import Problem
from workbench.paths import resources_dir

FUZZ = settings(deadline=None, max_examples=250, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
LIB_NAME = "team-lib.json"
SEED_IDS = ("rack.gb200-nvl72", "rack.air-20kw", "net.leaf-tor", "pwr.ups-1mw-li", "pwr.busway-800a",
            "cool.cdu-1200", "cool.crah-150", "cool.chiller-air-1500", "struct.column-600")
NUM = "@@number:"  # a string marker turned into a bare JSON token (NaN, 1e999, ...) after dumping
BAD_TOKENS = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "9" * 400, "1" * 5000]
ODD_NUMBERS: list[Any] = [-1, -0.001, -1e300, 0, 1e300, 1e30, 10**25, 2**63, 1e-320, 1.5, 5001, 0.25]
JUNK_TEXT = ["\ud800", "a\udfffb", "", " ", "\u0000", "\u202e", "漢字" * 200, "é\u0301", "\U0001F600", "x" * 5000]


def _core_entries() -> dict[str, dict[str, Any]]:
    out = {}
    for path in sorted((resources_dir() / "catalog").glob("*.json")):
        for entry in json.loads(path.read_text("utf-8"))["types"]:
            out[entry["id"]] = entry
    return out


CORE_ENTRIES = _core_entries()
CORE = default_catalog()


def seed_library() -> dict[str, Any]:
    """A team library of real entries (ids prefixed so they do not clash with the core ones)."""
    types = []
    for type_id in SEED_IDS:
        entry = copy.deepcopy(CORE_ENTRIES[type_id])
        entry["id"] = f"team.{type_id}"
        types.append(entry)
    return {"catalog_version": 1,
            "library": {"id": "team-lib", "name": "Team library", "author": "Fuzz", "version": "1.0.0"},
            "types": types}


def dump(doc: Any) -> bytes:
    text = json.dumps(doc, indent=1)  # ensure_ascii: lone surrogates are written as \\udXXX escapes
    for token in BAD_TOKENS:
        text = text.replace(json.dumps(NUM + token), token)
    return text.encode("utf-8")


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value inside an entry (keys of objects, indexes of lists), up to four levels down."""
    if len(prefix) >= 4:
        return
    if isinstance(node, dict):
        for k, v in node.items():
            yield (*prefix, k)
            yield from paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield (*prefix, i)
            yield from paths(v, (*prefix, i))


def set_at(node: Any, path: tuple[Any, ...], value: Any) -> None:
    for p in path[:-1]:
        node = node[p]
    node[path[-1]] = value


def delete_at(node: Any, path: tuple[Any, ...]) -> None:
    for p in path[:-1]:
        node = node[p]
    del node[path[-1]]


def nested(depth: int) -> Any:
    value: Any = 1
    for i in range(depth):
        value = [value] if i % 2 else {"a": value}
    return value


ANY_VALUE = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(ODD_NUMBERS), st.sampled_from([NUM + t for t in BAD_TOKENS]), st.sampled_from(JUNK_TEXT),
    st.text(max_size=12), st.lists(st.integers(), max_size=3), st.builds(dict), st.builds(lambda: {"x": [1, {"y": None}]}),
    st.builds(nested, st.integers(2, 60)))


@st.composite
def entry_mutation(draw: st.DrawFn) -> tuple[str, dict[str, Any], set[str]]:
    """A library with some entries damaged; returns (what was done, document, ids of untouched entries)."""
    doc = seed_library()
    types = doc["types"]
    hit = draw(st.sets(st.integers(0, len(types) - 1), min_size=1, max_size=3))
    done = []
    for i in sorted(hit):
        entry = types[i]
        op = draw(st.sampled_from(["delete", "swap", "number", "text", "unknown", "core-id", "nest"]))
        where = draw(st.sampled_from(sorted(paths(entry), key=str)))
        if op == "delete":
            delete_at(entry, where)
        elif op in ("swap", "nest"):
            set_at(entry, where, draw(ANY_VALUE) if op == "swap" else nested(draw(st.integers(2, 200))))
        elif op == "number":
            numeric = [p for p in paths(entry) if isinstance(_get(entry, p), (int, float))
                       and not isinstance(_get(entry, p), bool)]
            where = draw(st.sampled_from(numeric)) if numeric else where
            set_at(entry, where, draw(st.sampled_from(ODD_NUMBERS + [NUM + t for t in BAD_TOKENS])))
        elif op == "text":
            where = draw(st.sampled_from([("id",), ("name", "en"), ("name", "zh"), ("kind",), ("description",),
                                          ("name", draw(st.sampled_from(JUNK_TEXT)))]))
            set_at(entry, where, draw(st.sampled_from(JUNK_TEXT)))
        elif op == "unknown":
            target = draw(st.sampled_from([entry] + [v for v in entry.values() if isinstance(v, dict)]))
            target[draw(st.sampled_from(["colour", "widht_mm", "\ud800", "", "rack"]))] = draw(ANY_VALUE)
        else:
            entry["id"] = draw(st.sampled_from(sorted(CORE.types)))
        done.append(f"{op} {entry.get('id')!r} at {where}")
    if draw(st.booleans()):  # a repeated id inside the file comes after the original: the first is kept
        original = draw(st.sampled_from(types))
        twin = copy.deepcopy(original)
        twin["width_mm"] = draw(st.sampled_from([1234, -5, NUM + "NaN", "wide"]))
        types.append(twin)
        done.append(f"duplicate of {original.get('id')!r}")
    untouched = {t["id"] for i, t in enumerate(types) if i not in hit and i < len(SEED_IDS)}
    return "; ".join(done), doc, untouched


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for p in path:
        node = node[p]
    return node


def file_damage(raw: bytes, kind: str, at: int) -> bytes:
    n = max(len(raw), 1)
    if kind == "truncate":
        return raw[: at % n]
    if kind == "not-utf8":
        i = at % n
        return raw[:i] + b"\xff\xfe\xc3(\x80" + raw[i:]
    if kind == "nul":
        return raw[: at % n] + b"\x00" + raw[at % n:]
    return {
        "empty": b"", "blank": b" \n\t", "list": b"[" + raw + b"]", "string": b'"types"', "null": b"null",
        "deep": b"[" * 100_000, "deep-object": b'{"types": ' + b'[' * 3000 + b']' * 3000 + b"}",
        "types-object": b'{"types": {"a": 1}}', "bom": codecs.BOM_UTF8 + raw,
        "utf16": raw.decode("utf-8").encode("utf-16"), "dup-key": raw[:-2] + b', "types": []}',
    }[kind]


def _load(tmp: Path, content: bytes) -> tuple[Catalog, list[Problem]]:
    path = tmp / LIB_NAME
    path.write_bytes(content)
    catalog, problems = load_catalog([path])
    assert isinstance(catalog, Catalog)
    return catalog, problems


def _finite(value: float | None, *, positive: bool = False) -> bool:
    return value is None or (math.isfinite(value) and (value > 0 if positive else value >= 0))


def assert_sound(bt: BlockType) -> None:
    """Every figure the calculations use is finite and not negative; texts encode to UTF-8."""
    assert _finite(bt.width_mm, positive=True) and _finite(bt.depth_mm, positive=True), bt.id
    assert all(_finite(v) for v in (bt.height_mm, bt.weight_kg, bt.clearance_front_mm, bt.clearance_rear_mm,
                                    bt.clearance_left_mm, bt.clearance_right_mm, bt.price.amount)), bt.id
    for text in (bt.id, bt.kind, bt.description, bt.source, bt.library, *bt.name.keys(), *bt.name.values()):
        assert isinstance(text, str)
        text.encode("utf-8")
    assert bt.id.strip() and bt.name["en"].strip()
    if bt.rack:
        r = bt.rack
        assert _finite(r.it_kw) and 0 <= r.air_fraction <= 1 and 0 <= r.liquid_fraction <= 1, bt.id
        assert abs(r.air_fraction + r.liquid_fraction - 1) < 1e-6 and _finite(r.coolant_dt_k, positive=True)
    if bt.power:
        p = bt.power
        assert _finite(p.rating_kw, positive=True) and _finite(p.rating_kva) and _finite(p.battery_min)
        assert all(_finite(c) for c in (p.loss.a, p.loss.b, p.loss.c, p.output_dc_v)), bt.id
    if bt.cooling:
        c = bt.cooling
        assert all(_finite(v) for v in (c.air_kw, c.liquid_kw, c.heat_rejection_kw, c.fan_kw, c.pump_kw,
                                        c.water_l_per_kwh, c.approach_k)) and _finite(c.cop, positive=True)


def assert_calculates(catalog: Catalog, type_ids: list[str]) -> None:
    """A hall with a core rack and one block of each given type still gives a finite PUE and IT load."""
    design = Design()
    fill_defaults(design.assumptions.values, catalog)
    hall = Hall(outline=[(0.0, 0.0), (60000.0, 0.0), (60000.0, 40000.0), (0.0, 40000.0)])
    design.halls.append(hall)
    for i, type_id in enumerate(["rack.gb200-nvl72", *type_ids]):
        block = Block(type_id, x_mm=2000.0 + 3000.0 * (i % 15), y_mm=3000.0 + 6000.0 * (i // 15), hall_id=hall.id)
        design.blocks[block.id] = block
    results = calculate(design, catalog)
    assert math.isfinite(results.pue) and results.pue >= 1.0
    assert math.isfinite(results.it_load_kw) and results.it_load_kw > 0


def assert_named(problems: list[Problem], name: str) -> None:
    for p in problems:
        assert name in p.where, p
        str(p).encode("utf-8")  # printable on any UTF-8 console or log
        assert len(p.message) < 400, p


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("catalog-fuzz")


@pytest.fixture(scope="module")
def baseline(scratch: Path) -> dict[str, BlockType]:
    """The team types as the undamaged library gives them (a plain dict keeps Hypothesis' reports short)."""
    catalog, problems = _load(scratch, dump(seed_library()))
    assert problems == []
    assert {f"team.{t}" for t in SEED_IDS} <= set(catalog.types)
    return {t: bt for t, bt in catalog.types.items() if t.startswith("team.")}


@FUZZ
@given(case=entry_mutation())
def test_damaged_entries_are_reported_and_the_rest_loads(scratch: Path, baseline: dict[str, BlockType],
                                                         case: tuple[str, dict[str, Any], set[str]]) -> None:
    what, doc, untouched = case
    catalog, problems = _load(scratch, dump(doc))
    assert_named(problems, LIB_NAME)
    for type_id in untouched:
        assert catalog.types.get(type_id) == baseline[type_id], (what, type_id)
    assert all(catalog.types[t] == bt for t, bt in CORE.types.items()), what  # core ids are never replaced
    for bt in catalog.types.values():
        assert_sound(bt)
    team = sorted(t for t, bt in catalog.types.items() if bt.library != "core-compute" and bt.library.startswith(
        "team"))
    assert_calculates(catalog, team)


@FUZZ
@given(kind=st.sampled_from(["truncate", "not-utf8", "nul", "empty", "blank", "list", "string", "null", "deep",
                             "deep-object", "types-object", "bom", "utf16", "dup-key"]),
       at=st.integers(0, 10**6))
def test_damaged_file_never_crashes(scratch: Path, baseline: dict[str, BlockType], kind: str, at: int) -> None:
    catalog, problems = _load(scratch, file_damage(dump(seed_library()), kind, at))
    assert_named(problems, LIB_NAME)
    assert all(catalog.types[t] == bt for t, bt in CORE.types.items())
    for bt in catalog.types.values():
        assert_sound(bt)
    if kind in ("bom", "utf16"):  # only the encoding differs: everything loads as before
        assert problems == [] and all(catalog.types[t] == bt for t, bt in baseline.items())
    elif kind != "truncate":
        assert problems, kind
    assert_calculates(catalog, sorted(t for t in catalog.types if t.startswith("team.")))


def _lib_with(tmp_path: Path, edit: dict[str, Any], index: int = 0) -> tuple[Catalog, list[Problem], str]:
    doc = seed_library()
    entry = doc["types"][index]
    for dotted, value in edit.items():
        set_at(entry, tuple(dotted.split(".")), value)
    catalog, problems = _load(tmp_path, dump(doc))
    return catalog, problems, entry["id"]


def test_liquid_fraction_above_one_is_refused(tmp_path: Path) -> None:
    catalog, problems, type_id = _lib_with(tmp_path, {"rack.liquid_fraction": 1.5})
    assert type_id == "team.rack.gb200-nvl72" and type_id not in catalog.types
    assert [str(p) for p in problems] == [
        "error: team-lib.json: entry team.rack.gb200-nvl72, field 'rack.liquid_fraction': "
        "must be between 0 and 1, got 1.5"]
    assert "team.rack.air-20kw" in catalog.types  # the rest of the file still loads


def test_negative_width_is_refused(tmp_path: Path) -> None:
    catalog, problems, type_id = _lib_with(tmp_path, {"width_mm": -600}, index=3)
    assert type_id not in catalog.types
    assert [str(p) for p in problems] == [
        "error: team-lib.json: entry team.pwr.ups-1mw-li, field 'width_mm': must be between 1 and 200000, got -600"]


def test_core_id_in_a_library_keeps_the_core_type(tmp_path: Path) -> None:
    catalog, problems, _ = _lib_with(tmp_path, {"id": "rack.gb200-nvl72", "rack.it_kw": 10.0})
    assert catalog.types["rack.gb200-nvl72"] == CORE.types["rack.gb200-nvl72"]
    assert [str(p) for p in problems] == [
        "warning: team-lib.json: entry rack.gb200-nvl72: id already defined by library 'core-compute'; "
        "kept the first"]


def test_nan_huge_and_surrogate_values_are_named(tmp_path: Path) -> None:
    doc = seed_library()
    doc["types"][0]["weight_kg"] = NUM + "NaN"
    doc["types"][1]["depth_mm"] = NUM + "9" * 400
    doc["types"][2]["name"]["en"] = "Leaf \ud800"
    doc["types"][3]["power"]["rating_kw"] = 5e6
    doc["types"][4]["clearance_mm"] = []
    doc["types"][5]["price"]["currency"] = "XYZ"
    catalog, problems = _load(tmp_path, dump(doc))
    text = [str(p) for p in problems]
    assert text == [
        "error: team-lib.json: entry team.rack.gb200-nvl72, field 'weight_kg': must be a finite number, got NaN",
        "error: team-lib.json: entry team.rack.air-20kw, field 'depth_mm': must be a finite number, got "
        + "9" * 37 + "...",
        "error: team-lib.json: entry team.net.leaf-tor, field 'name.en': "
        "contains a broken character escape (lone UTF-16 surrogate)",
        "error: team-lib.json: entry team.pwr.ups-1mw-li, field 'power.rating_kw': "
        "must be between 0.001 and 1e+06, got 5000000.0",
        "error: team-lib.json: entry team.pwr.busway-800a, field 'clearance_mm': "
        "must be an object with front, rear, left, right, got a list",
        "warning: team-lib.json: entry team.cool.cdu-1200, field 'price.currency': no exchange rate for XYZ in "
        "fx_rates.json; the price counts as 0 in cost totals",
    ]
    assert set(catalog.types) - set(CORE.types) == {f"team.{t}" for t in SEED_IDS[5:]}


def test_repeated_id_and_key_inside_one_file(tmp_path: Path) -> None:
    doc = seed_library()
    doc["types"].append({**doc["types"][1], "width_mm": 900})
    raw = dump(doc).replace(b'"weight_kg": ', b'"weight_kg": 14000, "weight_kg": ', 1)
    catalog, problems = _load(tmp_path, raw)
    assert [str(p) for p in problems] == [
        "error: team-lib.json: entry team.rack.gb200-nvl72: key 'weight_kg' appears more than once; "
        "which value is meant is unclear",
        "warning: team-lib.json: entry team.rack.air-20kw: id already defined by library 'team-lib'; kept the first"]
    assert catalog.types["team.rack.air-20kw"].width_mm == 600


def test_library_claiming_a_core_library_id_gets_its_own(tmp_path: Path) -> None:
    doc = seed_library()
    doc["library"]["id"] = "core-compute"
    catalog, problems = _load(tmp_path, dump(doc))
    assert [str(p) for p in problems] == [
        "warning: team-lib.json: library, field 'id': 'core-compute' is already the id of core-compute.json; "
        "listed as 'core-compute (team-lib.json)'"]
    assert catalog.libraries["core-compute"]["file"].endswith("core-compute.json")
    assert catalog.types["team.rack.air-20kw"].library == "core-compute (team-lib.json)"
    assert catalog.libraries["core-compute (team-lib.json)"]["file"].endswith(LIB_NAME)


def test_shared_folder_libraries_are_discovered_and_damage_is_contained(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_USER_DIR", str(tmp_path / "user"))
    monkeypatch.delenv(ENV_TEMPLATE_PATH, raising=False)
    libs = tmp_path / "share" / LIBRARIES_SUBDIR
    libs.mkdir(parents=True)
    (libs / "good.json").write_bytes(dump(seed_library()))
    (libs / "cut.json").write_bytes(dump(seed_library())[:500])
    (libs / "latin1.json").write_bytes(b'{"types": [], "library": {"name": "Caf\xe9"}}')
    (libs / "deep.json").write_bytes(b"[" * 50_000)
    (libs / "list.json").write_bytes(b"[]")
    (libs / "empty.json").write_bytes(b"")
    catalog, problems = catalog_with_libraries([tmp_path / "share"])
    assert {f"team.{t}" for t in SEED_IDS} <= set(catalog.types)
    by_file = {p.where.split(":")[0].split(" line")[0]: p.message for p in problems}
    assert by_file == {
        "cut.json": by_file["cut.json"], "latin1.json": by_file["latin1.json"],
        "deep.json": "is not valid JSON: nesting is too deep",
        "list.json": "must be an object with a 'types' list (a block library)", "empty.json": "the file is empty"}
    assert "ends early; it may be truncated" in by_file["cut.json"]
    assert "is not UTF-8 text" in by_file["latin1.json"]


# --- assumptions.json and fx_rates.json --------------------------------------------------------------------


@pytest.fixture(scope="module")
def res_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("resources")
    shutil.copytree(resources_dir() / "catalog", root / "catalog")
    return root


ASSUMPTIONS = json.loads((resources_dir() / "assumptions.json").read_text("utf-8"))
FX = json.loads((resources_dir() / "fx_rates.json").read_text("utf-8"))


@FUZZ
@given(data=st.data(), which=st.sampled_from(["assumptions.json", "fx_rates.json"]))
def test_damaged_assumptions_and_rates_never_crash(res_root: Path, data: st.DataObject, which: str) -> None:
    a_doc, fx_doc = copy.deepcopy(ASSUMPTIONS), copy.deepcopy(FX)
    doc = a_doc if which == "assumptions.json" else fx_doc
    touched: set[str] = set()
    op = data.draw(st.sampled_from(["field", "bytes"]))
    if op == "field":
        for _ in range(data.draw(st.integers(1, 3))):
            where = data.draw(st.sampled_from(sorted(paths(doc), key=str)))
            delete = data.draw(st.booleans())
            in_entry = where[0] == "parameters" and len(where) > (2 if delete else 1)  # deleting one shifts the rest
            touched.add(str(where[1]) if in_entry else "*")
            if delete:
                delete_at(doc, where)
            else:
                set_at(doc, where, data.draw(ANY_VALUE))
        a_raw, fx_raw = dump(a_doc), dump(fx_doc)
    else:
        kind = data.draw(st.sampled_from(["truncate", "not-utf8", "empty", "list", "deep", "bom", "dup-key"]))
        at = data.draw(st.integers(0, 10**5))
        a_raw, fx_raw = dump(a_doc), dump(fx_doc)
        if which == "assumptions.json":
            a_raw = file_damage(a_raw, kind, at)
        else:
            fx_raw = file_damage(fx_raw, kind, at)
        touched.add("*")
    (res_root / "assumptions.json").write_bytes(a_raw)
    (res_root / "fx_rates.json").write_bytes(fx_raw)
    catalog, problems = load_catalog(root=res_root)
    assert_named(problems, which)
    assert catalog.types == CORE.types
    for spec in catalog.parameters.values():
        assert math.isfinite(spec.default) and spec.label["en"].strip() and spec.source
        assert spec.minimum is None or spec.minimum <= spec.default
        assert spec.maximum is None or spec.default <= spec.maximum
    assert catalog.fx_rates["USD"] == 1.0
    assert all(math.isfinite(r) and r > 0 for r in catalog.fx_rates.values())
    if which == "assumptions.json" and "*" not in touched:
        for i, original in enumerate(ASSUMPTIONS["parameters"]):
            if str(i) not in touched:
                assert catalog.parameters[original["key"]] == CORE.parameters[original["key"]]
    if set(catalog.parameters) == set(CORE.parameters):  # with every assumption present the hall calculates
        assert_calculates(catalog, ["pwr.ups-1mw-li", "cool.cdu-1200"])


def test_bad_parameter_and_rate_are_named(res_root: Path) -> None:
    a_doc, fx_doc = copy.deepcopy(ASSUMPTIONS), copy.deepcopy(FX)
    a_doc["parameters"][0]["default"] = 1.5  # it_utilisation: max is 1
    fx_doc["rates"]["EUR"] = -0.87
    fx_doc["rates"]["euro"] = 1.0
    (res_root / "assumptions.json").write_bytes(dump(a_doc))
    (res_root / "fx_rates.json").write_bytes(dump(fx_doc))
    catalog, problems = load_catalog(root=res_root)
    assert [str(p) for p in problems] == [
        "error: assumptions.json: parameter it_utilisation, field 'default': must be within min and max, got 1.5",
        "error: fx_rates.json, field 'rates.EUR': must be between 1e-09 and 1e+09, got -0.87",
        "error: fx_rates.json, field 'rates.euro': must be a 3-letter ISO currency code, got 'euro'"]
    assert "it_utilisation" not in catalog.parameters and "design_margin" in catalog.parameters
    assert "EUR" not in catalog.fx_rates and catalog.fx_rates["CNY"] == 7.18
