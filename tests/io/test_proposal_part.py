"""The optional proposal part of a design file: written only when set, read back equal, bad values named by path."""

from __future__ import annotations

import json

import pytest

from workbench.catalog import default_catalog, new_design
from workbench.io.project import design_to_dict, dumps, loads_design
from workbench.model.problems import InputError
from workbench.model.proposal import Proposal, Revision, SignOff


def test_absent_when_default_and_round_trips_when_set() -> None:
    cat = default_catalog()
    d = new_design(cat)
    assert "proposal" not in design_to_dict(d)
    d.proposal = Proposal(exclusions=["Civil works"], validity_days=60, payment_terms="30/60/10", tier="III",
                          ashrae_class="A1", codes=["GB 50174-2017"],
                          revisions=[Revision("A", "2026-11-01", "Li", "First issue")],
                          sign_off=[SignOff("Approved by", "Wang", "")],
                          names={"zh": {f"hall:{d.halls[0].id}": "一号机房", "description": "说明"}})
    doc = design_to_dict(d)
    assert doc["proposal"]["validity_days"] == 60 and "scope" not in doc["proposal"]  # defaults stay out
    assert loads_design(dumps(d), cat).design.proposal == d.proposal


@pytest.mark.parametrize("part, path", [({"tier": "V"}, "$.proposal.tier"),
                                        ({"validity_days": 0}, "$.proposal.validity_days"),
                                        ({"revisions": [{"rev": "A", "when": "x"}]}, "$.proposal.revisions[0]"),
                                        ({"colour": "red"}, "$.proposal")])
def test_bad_values_are_named_by_their_json_path(part: dict, path: str) -> None:
    cat = default_catalog()
    doc = design_to_dict(new_design(cat))
    doc["proposal"] = part
    with pytest.raises(InputError) as err:
        loads_design(json.dumps(doc), cat, where="p.dchall.json")
    assert path in str(err.value)
