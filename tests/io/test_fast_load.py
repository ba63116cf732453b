"""Opening a big design takes the fast paths (strict column checks, no second walk, batched rules), and every
verdict stays the one the full checks give: the same problem, message and JSON path, deep in a big file too."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.io.connections_doc import (
    connection_surely_valid,
    connections_from_doc,
    connections_surely_valid,
)
from workbench.io.fast_blocks import halls_surely_valid
from workbench.io.project import loads_design, schema, state_to_dict
from workbench.io.safe_json import parse_json
from workbench.model import Catalog
from workbench.model.connections import Connection
from workbench.model.problems import InputError, Problem
from workbench.paths import sample_design_path

COPIES = 190  # the sample's 53 blocks and 123 connections, 190 times: 10,070 blocks, 23,370 connections


@pytest.fixture(scope="module")
def big() -> dict[str, Any]:
    """The sample design repeated into a campus-sized document (ids made unique per copy)."""
    doc: dict[str, Any] = json.loads(sample_design_path().read_text("utf-8"))
    doc.pop("scenarios", None)  # their differences name the sample's own block ids
    doc.pop("active_scenario", None)
    blocks, connections = doc["blocks"], doc["connections"]
    doc["blocks"] = [{**b, "id": f"{b['id'][:24]}-{k}"} for k in range(COPIES) for b in blocks]
    doc["connections"] = [{**c, "id": f"{c['id'][:24]}-{k}", "from": f"{c['from'][:24]}-{k}",
                           "to": f"{c['to'][:24]}-{k}"} for k in range(COPIES) for c in connections]
    return doc


def _text(doc: dict[str, Any], path: list[Any], raw: str) -> str:
    """The document as JSON text with the value at `path` replaced by raw JSON (NaN, a duplicate key, ...)."""
    doc = copy.deepcopy(doc)
    node = doc
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = "@@RAW@@"
    return json.dumps(doc).replace('"@@RAW@@"', raw)


def _problems(text: str, catalog: Catalog | None = None) -> list[tuple[str, str]]:
    with pytest.raises(InputError) as info:
        loads_design(text, catalog, where="f")
    return [(p.where, p.message) for p in info.value.problems]


def test_a_big_clean_file_loads_whole_with_nothing_to_report(big: dict[str, Any], catalog: Catalog) -> None:
    loaded = loads_design(json.dumps(big).encode("utf-8"), catalog, where="f")
    assert loaded.problems == []
    state = state_to_dict(loaded.design)
    assert state["blocks"] == big["blocks"] and state["connections"] == big["connections"]


DAMAGE = [  # (path, raw JSON put there, the JSON path reported, the message)
    (["blocks", 9876, "x_mm"], "NaN", "$.blocks[9876].x_mm", "NaN is not a number a design can hold; use a finite value"),
    (["blocks", 5000, "rotation_deg"], "9" * 45, "$.blocks[5000].rotation_deg",
     f"the number {'9' * 37}... is out of range"),
    (["blocks", 8000, "overrides"], '{"it_kw": NaN}', "$.blocks[8000].overrides.it_kw",
     "NaN is not a number a design can hold; use a finite value"),
    (["blocks", 9500, "y_mm"], '1.0, "x_mm": 2.0', "$.blocks[9500]",
     "key 'x_mm' appears more than once; which value is meant is unclear"),
    (["blocks", 7000, "overrides"], '{"it_kw": 1, "it_kw": 2}', "$.blocks[7000].overrides",
     "key 'it_kw' appears more than once; which value is meant is unclear"),
    (["blocks", 9000, "name"], '"R\\ud800"', "$.blocks[9000].name",
     "text contains a broken character escape (lone UTF-16 surrogate)"),
    (["blocks", 9999, "name"], "[" * 40 + "]" * 40, "$.blocks[9999].name" + "[0]" * 29,
     "nested deeper than 32 levels; this is not a design"),
    (["connections", 23000, "side"], "-Infinity", "$.connections[23000].side",
     "-Infinity is not a number a design can hold; use a finite value"),
    (["connections", 20000, "to_port"], '"A", "kind": "heat"', "$.connections[20000]",
     "key 'kind' appears more than once; which value is meant is unclear"),
]


@pytest.mark.parametrize(("path", "raw", "at", "message"), DAMAGE, ids=[d[2] for d in DAMAGE])
def test_damage_deep_in_a_big_file_keeps_its_message_and_path(big: dict[str, Any], path: list[Any], raw: str,
                                                            at: str, message: str) -> None:
    text = _text(big, path, raw)
    assert _problems(text) == [(f"f: {at}", message)]
    # The same verdict as the full damage walk, which has no fast checks to trust.
    with pytest.raises(InputError) as info:
        parse_json(text, "f")
    assert [(p.where, p.message) for p in info.value.problems] == [(f"f: {at}", message)]


def test_every_bad_value_is_listed_even_when_the_blocks_are_otherwise_clean(big: dict[str, Any]) -> None:
    doc = copy.deepcopy(big)
    for i in (10, 4000, 10_000):
        doc["blocks"][i]["y_mm"] = "@@RAW@@"
    found = _problems(json.dumps(doc).replace('"@@RAW@@"', "Infinity"))
    assert [where for where, _ in found] == [f"f: $.blocks[{i}].y_mm" for i in (10, 4000, 10_000)]


SCHEMA_AND_RULES = [  # (change, the JSON path reported, words of the message)
    (lambda d: d["blocks"][9000].__setitem__("rotation_deg", 45), "$.blocks[9000].rotation_deg",
     "45 is not one of 0, 90, 180, 270"),
    (lambda d: d["blocks"][9990].__setitem__("id", d["blocks"][0]["id"]), "$.blocks[9990].id",
     "(also $.blocks[0])"),
    (lambda d: d["blocks"][8888].__setitem__("hall", "nowhere"), "$.blocks[8888].hall", "'nowhere'"),
    (lambda d: d.__setitem__("connections", None), "$.connections", "must be a list, not null"),
    (lambda d: d["halls"][1]["outline"][2].append(0), "$.halls[1].outline[2]", "too long"),
    (lambda d: d["halls"][0].__setitem__("floor_rating_kn_m2", 0), "$.halls[0].floor_rating_kn_m2", "limit 0"),
]


@pytest.mark.parametrize(("change", "at", "words"), SCHEMA_AND_RULES, ids=[s[1] for s in SCHEMA_AND_RULES])
def test_schema_and_rule_errors_deep_in_a_big_file(big: dict[str, Any], change: Any, at: str, words: str) -> None:
    doc = copy.deepcopy(big)
    change(doc)
    (where, message), *_ = _problems(json.dumps(doc))
    assert where == f"f: {at}" and words in message


@pytest.mark.parametrize(("key", "value", "words"), [("kind", [], 'a list is not one of "power", "liquid", "heat"'),
                                                     ("side", {}, 'an object is not one of "", "A", "B"')])
def test_a_list_or_object_for_kind_or_side_is_named_not_a_crash(key: str, value: object, words: str) -> None:
    # The quick check once looked these up in a set, and a list cannot be hashed (TypeError, a traceback).
    doc = json.loads(sample_design_path().read_text("utf-8"))
    doc["connections"][7][key] = value
    assert _problems(json.dumps(doc)) == [(f"f: $.connections[7].{key}", words)]


def test_an_edge_repeating_a_late_block_id_names_that_block(big: dict[str, Any]) -> None:
    # The rules no longer list every block's path up front; the one an edge repeats must still be named.
    doc = copy.deepcopy(big)
    doc["connections"][5]["id"] = doc["blocks"][10_050]["id"]
    loaded = loads_design(json.dumps(doc), None, where="f")
    assert [(p.where, p.message) for p in loaded.problems] == [
        ("f: $.connections[5].id", f"duplicate id '{doc['blocks'][10_050]['id']}' (also $.blocks[10050]); "
                                   "kept; give it an id of its own")]
    # ... and kept it is: an id shared with a block takes nothing from either.
    assert doc["connections"][5]["id"] in loaded.design.connections


def test_the_second_of_two_edges_with_one_id_is_ignored_as_the_warning_says(big: dict[str, Any]) -> None:
    doc = copy.deepcopy(big)
    doc["connections"][9]["id"] = doc["connections"][4]["id"]
    loaded = loads_design(json.dumps(doc), None, where="f")
    assert [(p.where, p.message) for p in loaded.problems] == [
        ("f: $.connections[9].id", f"duplicate id '{doc['connections'][4]['id']}' (also $.connections[4]); "
                                   "this connection is ignored")]
    kept = loaded.design.connections[doc["connections"][4]["id"]]
    assert (kept.from_block, kept.to_block) == (doc["connections"][4]["from"], doc["connections"][4]["to"])
    assert len(loaded.design.connections) == len(doc["connections"]) - 1


def test_connections_built_a_column_at_a_time_equal_the_constructor_s(big: dict[str, Any]) -> None:
    items = big["connections"][:500]
    items[3] = {**items[3], "side": "A"}
    built = connections_from_doc(items)
    expected = {c["id"]: Connection(c["id"], c["kind"], c["from"], c["from_port"], c["to"], c["to_port"],
                                    c.get("side", "")) for c in items}
    assert list(built) == list(expected) and built == expected
    assert [hash(c) for c in built.values()] == [hash(c) for c in expected.values()]
    assert built[items[3]["id"]].side == "A"


def test_connections_keep_the_first_of_a_repeated_id_and_refuse_a_bad_kind() -> None:
    a = {"id": "c1", "kind": "power", "from": "x", "from_port": "out", "to": "y", "to_port": "A"}
    assert connections_from_doc([a, {**a, "to": "z"}])["c1"].to_block == "y"
    with pytest.raises(ValueError, match="kind"):
        connections_from_doc([{**a, "kind": "air"}])


# --- the strict checks never accept what the schema refuses ----------------------------------------------

def _schema_accepts(part: str, value: object) -> bool:
    sub = {**schema()["properties"][part], "$defs": schema()["$defs"]}
    return jsonschema.Draft202012Validator(sub).is_valid(value)


EDGE = {"id": "c1", "kind": "power", "from": "a", "from_port": "out", "to": "b", "to_port": "A", "side": "A"}
EDGE_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.text(max_size=45),
                        st.sampled_from(["power", "heat", "air", "", "A", "B", "C", "a b", "x" * 65]),
                        st.lists(st.integers(), max_size=1), st.dictionaries(st.text(max_size=2), st.integers(), max_size=1))
EDGE_KEYS = st.sampled_from(sorted(EDGE) + ["extra"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.tuples(EDGE_KEYS, EDGE_VALUES).map(lambda kv: {**EDGE, kv[0]: kv[1]}),
                          st.dictionaries(EDGE_KEYS, EDGE_VALUES, max_size=4).map(lambda c: {**EDGE, **c}),
                          st.dictionaries(EDGE_KEYS, EDGE_VALUES, max_size=7)), max_size=4))
def test_connection_checks_agree_and_are_never_looser_than_the_schema(items: list[dict[str, object]]) -> None:
    verdict = connections_surely_valid(items)
    assert verdict == all(connection_surely_valid(c) for c in items)
    if verdict:
        assert _schema_accepts("connections", items), items


MM = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**8, 10**8), st.booleans(),
               st.text(max_size=2), st.none())
POINT = st.one_of(st.lists(MM, min_size=2, max_size=2), st.lists(MM, max_size=3), MM)
PART = st.dictionaries(st.sampled_from(["id", "x_mm", "y_mm", "width_mm", "depth_mm", "rotation_deg", "z"]),
                       st.one_of(MM, st.sampled_from([0, 90, 45, "c-1", "a b", 0.0, 600.0])), max_size=5)
HALL_VALUES = {
    "id": st.one_of(st.sampled_from(["h1", "a b", "", "x" * 65, "h\n"]), MM),
    "name": st.one_of(st.text(max_size=5), MM),
    "outline": st.one_of(st.lists(POINT, min_size=3, max_size=5), st.lists(POINT, max_size=2), MM),
    "floor_type": st.one_of(st.sampled_from(["slab", "raised", "grass"]), MM, st.lists(st.none(), max_size=1)),
    "floor_rating_kn_m2": MM,
    "columns": st.one_of(st.lists(PART, max_size=3), MM),
    "doors": st.one_of(st.lists(PART, max_size=3), MM),
    "extra": MM,
}
HALL = {"id": "h1", "name": "Hall", "outline": [[0, 0], [10.0, 0], [10, 5]], "floor_type": "raised",
        "floor_rating_kn_m2": 15, "columns": [{"id": "c1", "x_mm": 1, "y_mm": 2.5, "width_mm": 600}],
        "doors": [{"x_mm": 0, "y_mm": 1, "rotation_deg": 90, "width_mm": 900.0}]}


@settings(max_examples=400, deadline=None)
@given(st.fixed_dictionaries({}, optional=HALL_VALUES), st.booleans())
def test_the_halls_check_is_never_looser_than_the_schema(changes: dict[str, object], start_valid: bool) -> None:
    hall = {**(HALL if start_valid else {}), **changes}
    if halls_surely_valid([hall]):
        assert _schema_accepts("halls", [hall]), hall


def test_good_halls_take_the_fast_path() -> None:
    doc = json.loads(sample_design_path().read_text("utf-8"))
    assert halls_surely_valid(doc["halls"]) and halls_surely_valid([HALL]) and _schema_accepts("halls", [HALL])


def test_a_missing_module_deep_in_a_big_file_is_a_warning_and_the_file_opens(big: dict[str, Any]) -> None:
    doc = copy.deepcopy(big)
    doc["blocks"][9000]["module"] = "no-such-module"
    loaded = loads_design(json.dumps(doc), None, where="f")
    assert loaded.problems == [Problem("f: $.blocks[9000].module",
                                       "refers to module 'no-such-module', which is not in the file", "warning")]


ODD_VALUES: list[object] = [None, True, False, 0, 1, -1, 45, 90, 90.0, 1e7, 1e7 + 1, -1e7, float("nan"), float("inf"), 10**40,
              "", "x", "a b", "a:b", "ab\n", "a" * 40, "a" * 41, "a" * 64, "a" * 65, "n" * 10001, "power", "air",
              "A", "C", "slab", "grass", [], {}, [[0, 0], [1, 0], [1, 1]], [[0, 0], [1, 0]], [[0, 0, 0], [1, 0], [1, 1]],
              [[0, "0"], [1, 0], [1, 1]], [{"x_mm": 1, "y_mm": 2}], [{"x_mm": 1}], [{"x_mm": 1, "y_mm": 2, "width_mm": 0}],
              [{"x_mm": 1, "y_mm": 2, "rotation_deg": 45}], [{"x_mm": 1, "y_mm": 2, "rotation_deg": 90}],
              [{"id": "a b", "x_mm": 1, "y_mm": 2}], [{"x_mm": True, "y_mm": 2}]]


@pytest.mark.parametrize("key", sorted(EDGE) + ["extra"])
def test_each_edge_field_off_by_itself_gets_the_same_verdict_from_both_checks(key: str) -> None:
    for value in [*ODD_VALUES, "missing"]:
        edge = {k: v for k, v in EDGE.items() if k != key} if value == "missing" else {**EDGE, key: value}
        alone = connection_surely_valid(edge)
        assert connections_surely_valid([EDGE, edge]) == alone, (key, value)
        if alone:
            assert _schema_accepts("connections", [edge]), (key, value)


@pytest.mark.parametrize("key", sorted(HALL) + ["extra"])
def test_each_hall_field_off_by_itself_is_refused_when_the_schema_refuses_it(key: str) -> None:
    for value in [*ODD_VALUES, "missing"]:
        hall = {k: v for k, v in HALL.items() if k != key} if value == "missing" else {**HALL, key: value}
        if halls_surely_valid([HALL, hall]):
            assert _schema_accepts("halls", [HALL, hall]), (key, value)
