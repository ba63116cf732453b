"""What an undo step is called in the History list and the Undo menu: plain words, a count, the interface language.

The model's edits carry short English names ("Move blocks", "Rotate", "Delete 3 blocks"); this module turns an
edit into "Move 3 blocks" / "移动 3 个块" at the moment it is shown, so a language switch renames the history too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from workbench.model.edits import AddBlocks, CompoundEdit, Edit, MoveBlocks, RemoveBlocks, SetBlockField


def _t(text: str) -> str:
    return QCoreApplication.translate("EditText", text)


def _counted(verb: str, n: int) -> str | None:
    """"Move 1 block" / "Move 3 blocks" for the verbs an edit of blocks can have; None for another verb."""
    # Whole phrases, not a verb glued to a noun: languages order and inflect them differently.
    if verb == "move":
        return _t("Move 1 block") if n == 1 else _t("Move {0} blocks").format(n)
    if verb == "nudge":
        return _t("Nudge 1 block") if n == 1 else _t("Nudge {0} blocks").format(n)
    if verb == "rotate":
        return _t("Rotate 1 block") if n == 1 else _t("Rotate {0} blocks").format(n)
    if verb == "delete":
        return _t("Delete 1 block") if n == 1 else _t("Delete {0} blocks").format(n)
    if verb in ("add", "place"):
        return _t("Add 1 block") if n == 1 else _t("Add {0} blocks").format(n)
    if verb == "duplicate":
        return _t("Duplicate 1 block") if n == 1 else _t("Duplicate {0} blocks").format(n)
    if verb == "paste":
        return _t("Paste 1 block") if n == 1 else _t("Paste {0} blocks").format(n)
    if verb == "lock":
        return _t("Lock 1 block") if n == 1 else _t("Lock {0} blocks").format(n)
    if verb == "unlock":
        return _t("Unlock 1 block") if n == 1 else _t("Unlock {0} blocks").format(n)
    if verb == "edit":
        return _t("Edit 1 block") if n == 1 else _t("Edit {0} blocks").format(n)
    return None


def _named(text: str) -> str | None:
    """Edits named after a thing: "Insert module Pod 2" keeps the name, translates the words."""
    for prefix, template in (("Insert module ", _t("Insert module {0}")), ("Explode module ", _t("Explode module {0}")),
                             ("Delete hall ", _t("Delete hall {0}")), ("Rename hall ", _t("Rename hall {0}"))):
        if text.startswith(prefix):
            return template.format(text[len(prefix):])
    return None


def block_count(edit: Edit) -> int:
    """How many blocks an edit moves, adds, removes or changes (the largest part of a compound edit)."""
    if isinstance(edit, (MoveBlocks, RemoveBlocks, SetBlockField)):
        return len(edit.ids)
    if isinstance(edit, AddBlocks):
        return len(edit.blocks)
    if isinstance(edit, CompoundEdit):
        return max((block_count(e) for e in edit.edits), default=0)
    return 0


def edit_text(edit: Edit) -> str:
    """The edit's name for people, in the interface language."""
    text = edit.text or "Edit"
    named = _named(text)
    if named is not None:
        return named
    n = block_count(edit)
    verb = text.split(" ", 1)[0].lower()
    if isinstance(edit, SetBlockField) and text == "Edit property":
        verb = "edit"
    if n and isinstance(edit, (MoveBlocks, RemoveBlocks, SetBlockField, AddBlocks, CompoundEdit)):
        counted = _counted(verb, n)
        if counted is not None:
            return counted
    return _t(text)


def plain_texts() -> tuple[str, ...]:
    """The fixed edit names, written out so the translation tools find them (edit_text translates them)."""
    return (_t("Edit"), _t("Edit hall"), _t("Add hall"), _t("Edit site"), _t("Edit assumption"),
            _t("Edit redundancy"), _t("Add module"), _t("Remove module"), _t("Explode modules"), _t("Connect"),
            _t("Disconnect"), _t("Auto-connect"), _t("Scenario"), _t("Delete hall"), _t("Move hall"))
