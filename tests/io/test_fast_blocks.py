"""The quick block check never accepts a block the JSON Schema refuses (it may only be stricter)."""

from __future__ import annotations

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.io.fast_blocks import block_surely_valid
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
