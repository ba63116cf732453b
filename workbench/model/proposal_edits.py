"""The invertible edit of a design's proposal fields (one form submit is one undo step)."""

from __future__ import annotations

import copy

from workbench.model.design import Design
from workbench.model.edits import Edit
from workbench.model.proposal import Proposal


class SetProposal(Edit):
    """Replace the proposal fields; revert puts the previous ones back. Emits site_changed (document info)."""

    def __init__(self, proposal: Proposal, text: str = "Edit proposal") -> None:
        self.new = copy.deepcopy(proposal)
        self.old: Proposal | None = None
        self.text = text

    def apply(self, design: Design) -> None:
        self.old = copy.deepcopy(design.proposal)
        design.proposal = copy.deepcopy(self.new)
        design.events.site_changed.emit()

    def revert(self, design: Design) -> None:
        assert self.old is not None
        design.proposal = copy.deepcopy(self.old)
        design.events.site_changed.emit()
