"""Scenario differences on file documents: patch(base, diff(base, variant)) is the variant; stale parts are listed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.io.scenario_docs import diff_docs, patch_doc

_scalar = st.one_of(st.integers(-5, 5), st.text(max_size=3), st.booleans(), st.none())
_obj = st.fixed_dictionaries({"x": st.integers(0, 3)}, optional={"y": _scalar, "z": st.lists(st.integers(0, 2), max_size=2)})


@st.composite
def _id_list(draw: st.DrawFn) -> list[dict[str, object]]:
    ids = draw(st.lists(st.sampled_from("abcdef"), unique=True, max_size=5))
    return [{"id": i, **draw(_obj)} for i in ids]


_doc = st.fixed_dictionaries({
    "format": st.just("datahall-workbench"),
    "blocks": _id_list(),
    "halls": _id_list(),
    "site": st.dictionaries(st.sampled_from(["name", "currency", "price"]), _scalar, max_size=3),
    "assumptions": st.fixed_dictionaries({"values": st.dictionaries(st.sampled_from("pqrs"), st.integers(0, 9), max_size=4)}),
}, optional={"description": st.text(max_size=4), "meta": st.dictionaries(st.sampled_from("ab"), _scalar)})


@settings(max_examples=300, deadline=None)
@given(_doc, _doc)
def test_patch_of_diff_is_the_variant(base: dict[str, object], variant: dict[str, object]) -> None:
    changes = diff_docs(base, variant)
    patched = patch_doc(base, changes)
    assert patched.stale == []
    expected = {k: v for k, v in variant.items()}
    expected["format"] = base["format"]  # file-level keys are not part of a state
    assert patched.doc == expected


@settings(max_examples=100, deadline=None)
@given(_doc)
def test_no_difference_records_nothing(doc: dict[str, object]) -> None:
    assert diff_docs(doc, doc) == {}


def test_only_what_differs_is_recorded() -> None:
    base = {"blocks": [{"id": "r1", "x_mm": 0, "type": "rack"}, {"id": "r2", "x_mm": 600, "type": "rack"}],
            "site": {"currency": "USD", "name": "A"}}
    variant = {"blocks": [{"id": "r1", "x_mm": 100, "type": "rack"}, {"id": "r3", "x_mm": 1200, "type": "cdu"}],
               "site": {"currency": "EUR", "name": "A"}}
    changes = diff_docs(base, variant)
    assert changes == {
        "blocks": {"added": [{"id": "r3", "x_mm": 1200, "type": "cdu"}], "removed": ["r2"],
                   "changed": {"r1": {"x_mm": 100}}},
        "site": {"set": {"currency": {"value": "EUR"}}},
    }


def test_differences_the_base_no_longer_has_are_listed_not_dropped() -> None:
    base = {"blocks": [{"id": "r1", "x_mm": 0}]}
    changes = {"blocks": {"removed": ["gone"], "changed": {"lost": {"x_mm": 5}, "r1": {"x_mm": 7}},
                          "added": [{"id": "r1", "x_mm": 9}]}}
    patched = patch_doc(base, changes)
    assert patched.doc["blocks"] == [{"id": "r1", "x_mm": 7}]
    assert len(patched.stale) == 3
    assert any("[id=gone]" in s and "no longer has it" in s for s in patched.stale)
    assert any("[id=lost]" in s for s in patched.stale)
    assert any("already has this id" in s for s in patched.stale)
