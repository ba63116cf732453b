"""The one edit of the underlay reference: attach, realign, hide layers or remove, each one undo step."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.model.design import Design
from workbench.model.edits import Edit
from workbench.model.underlay import UnderlayRef


@dataclass
class SetUnderlay(Edit):
    """Attach, change or remove (None) the design's underlay reference, as one undo step."""

    underlay: UnderlayRef | None
    text: str = "Underlay"
    _old: UnderlayRef | None = None

    def apply(self, design: Design) -> None:
        self._old = design.underlay
        design.underlay = self.underlay
        design.events.underlay_changed.emit()

    def revert(self, design: Design) -> None:
        design.underlay = self._old
        design.events.underlay_changed.emit()
