"""A Qt-free undo history for headless use and tests; the UI wraps edits in QUndoStack."""

from __future__ import annotations

from workbench.model.design import Design
from workbench.model.edits import Edit


class History:
    def __init__(self, design: Design) -> None:
        self.design = design
        self._done: list[Edit] = []
        self._undone: list[Edit] = []

    def push(self, edit: Edit) -> None:
        if self._done and self._done[-1].merge_key is not None:
            last = self._done[-1]
            edit.apply(self.design)
            if last.merge(edit):
                self._undone.clear()
                return
            self._done.append(edit)
            self._undone.clear()
            return
        edit.apply(self.design)
        self._done.append(edit)
        self._undone.clear()

    def undo(self) -> bool:
        if not self._done:
            return False
        edit = self._done.pop()
        edit.revert(self.design)
        self._undone.append(edit)
        return True

    def redo(self) -> bool:
        if not self._undone:
            return False
        edit = self._undone.pop()
        edit.apply(self.design)
        self._done.append(edit)
        return True

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)
