"""The quick block check never accepts a block the JSON Schema refuses (it may only be stricter)."""

from __future__ import annotations

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.io.fast_blocks import block_surely_valid, blocks_surely_valid, ids_surely_valid
from workbench.io.project import schema

VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10**8, 10**8), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=70), st.sampled_from([0, 90, 180, 270, 45, 90.0, "x", "rack.air-20kw", "a" * 65]),
    st.dictionaries(st.sampled_from(["it_kw", "weight_kg", "bogus"]),
                    st.one_of(st.floats(-1, 2e9), st.booleans(), st.text(max_size=3)), max_size=3),
)
KEYS = st.sampled_from(["id", "type", "x_mm", "y_mm", "rotation_deg", "name", "hall", "power_system",
                        "cooling_loop", "module", "locked", "overrides", "extra"])
VALID = {"id": "b1", "type": "rack.air-20kw", "x_mm": 1.0, "y_mm": 2, "rotation_deg": 90, "name": "R1",
         "hall": "h", "locked": True, "overrides": {"it_kw": 5.0}}


def _schema_accepts(block: object) -> bool:
    block_schema = {**schema()["properties"]["blocks"]["items"], "$defs": schema()["$defs"]}
    return jsonschema.Draft202012Validator(block_schema).is_valid(block)


def test_a_good_block_takes_the_fast_path() -> None:
    assert block_surely_valid(VALID) and _schema_accepts(VALID)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(KEYS, VALUES, max_size=8), st.booleans())
def test_fast_check_is_never_looser_than_the_schema(changes: dict[str, object], start_valid: bool) -> None:
    block = {**(VALID if start_valid else {}), **changes}
    if block_surely_valid(block):
        assert _schema_accepts(block), block


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.tuples(KEYS, VALUES).map(lambda kv: {**VALID, kv[0]: kv[1]}),  # one field off
                          st.dictionaries(KEYS, VALUES, max_size=8).map(lambda c: {**VALID, **c}),
                          st.builds(lambda i: {**VALID, "id": f"b{i}"}, st.integers(0, 99)),
                          st.dictionaries(KEYS, VALUES, max_size=8)), max_size=6))
def test_the_whole_list_check_agrees_with_the_one_block_check(blocks: list[dict[str, object]]) -> None:
    # blocks_surely_valid checks a field at a time across the list; its verdict must be the per-block one.
    assert blocks_surely_valid(blocks) == all(block_surely_valid(b) for b in blocks)


def test_ids_check_takes_exactly_the_schema_characters() -> None:
    assert ids_surely_valid(["a", "Z-9_.:x", "-", "a" * 64])
    for bad in ("", "a" * 65, "a b", "ab\n", "é", "a/b", "\ud800"):
        assert not ids_surely_valid(["ok", bad]), repr(bad)
    assert not ids_surely_valid(["ok", 5])


EDGE_VALUES: list[object] = [None, True, False, 0, 1, -1, 45, 90, 90.0, 270, 1e7, 1e7 + 1, -1e7, float("nan"), float("inf"),
               10**40, "", "x", "a b", "a:b", "a" * 64, "a" * 65, "a" * 201, "n" * 10001, "rack.air-20kw", [], {},
               {"it_kw": 5.0}, {"it_kw": 0}, {"it_kw": -1}, {"it_kw": 1e-9}, {"it_kw": True}, {"it_kw": 10**400},
               {"air_fraction": 1.5}, {"bogus": 1}]


@pytest.mark.parametrize("key", ["id", "type", "x_mm", "y_mm", "rotation_deg", "name", "hall", "power_system",
                                 "cooling_loop", "module", "locked", "overrides", "extra"])
def test_each_field_off_by_itself_gets_the_same_verdict_from_both_checks(key: str) -> None:
    for value in [*EDGE_VALUES, "missing"]:
        block = {k: v for k, v in VALID.items() if k != key} if value == "missing" else {**VALID, key: value}
        alone = block_surely_valid(block)
        assert blocks_surely_valid([VALID, block]) == alone, (key, value)
        if alone:
            assert _schema_accepts(block), (key, value)
