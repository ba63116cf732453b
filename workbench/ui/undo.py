"""One generic QUndoCommand that carries a model Edit; commands never touch graphics items."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from workbench.model.design import Design
from workbench.model.edits import Edit
from workbench.ui.edit_text import edit_text

_MERGE_IDS: dict[str, int] = {}


def _merge_id(key: str | None) -> int:
    if key is None:
        return -1
    return _MERGE_IDS.setdefault(key, 1000 + len(_MERGE_IDS))


class EditCommand(QUndoCommand):
    """Applies an Edit on redo() and reverts it on undo(); edits with a merge key merge (nudges)."""

    def __init__(self, design: Design, edit: Edit, text: str | None = None) -> None:
        super().__init__(text or edit_text(edit))
        self.design = design
        self.edit = edit
        self.given_text = text  # a caller's own (already translated) text; else the edit names itself

    def retranslate(self) -> None:
        """Rename the step in the interface language now installed (History list, Undo menu)."""
        if self.given_text is None:
            self.setText(edit_text(self.edit))

    def redo(self) -> None:
        self.edit.apply(self.design)

    def undo(self) -> None:
        self.edit.revert(self.design)

    def id(self) -> int:
        return _merge_id(self.edit.merge_key)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand):
            return False
        return self.edit.merge(other.edit)
