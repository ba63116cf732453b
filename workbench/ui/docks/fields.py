"""Form fields that validate inline: a label, an editor, a unit and an error line under the editor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from workbench.ui.docks.formatting import fmt_editable, parse_number
from workbench.ui.docks.roles import set_invalid, set_role

MIXED: Any = object()  # a multi-selection whose blocks disagree: the field shows blank
EDITOR_WIDTH_PX = 128
UNIT_WIDTH_PX = 64


def _tr(text: str) -> str:
    return QCoreApplication.translate("Field", text)


def _user_busy(field: TextField | NumberField) -> bool:
    """True while the user types in the field or has refused text to fix: a refresh must not wipe it."""
    return field.has_error or (field.edit.hasFocus() and field.edit.isModified())


class Field(QObject):
    """One editable value; emits committed(value) only for input that passed validation."""

    committed = Signal(object)

    def __init__(self, label_fn: Callable[[], str], editor: QWidget, unit_fn: Callable[[], str] | None = None) -> None:
        super().__init__(editor)
        self.label_fn = label_fn
        self.unit_fn = unit_fn
        self.editor = editor
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.unit = QLabel()
        set_role(self.unit, "unit")
        self.error = QLabel()
        set_role(self.error, "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.tooltip = ""
        self.shows_unit = True  # False once a form lays the field out without its unit column

    def retranslate(self) -> None:
        self.label.setText(self.label_fn())
        self.unit.setText(self.unit_fn() if self.unit_fn else "")

    def set_tooltip(self, text: str) -> None:
        self.tooltip = text
        for w in (self.label, self.editor):
            w.setToolTip(text)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        set_invalid(self.editor, True)

    def clear_error(self) -> None:
        if self.error.isVisible() or self.editor.property("invalid"):
            self.error.hide()
            self.error.clear()
            set_invalid(self.editor, False)

    @property
    def has_error(self) -> bool:
        return not self.error.isHidden()

    def set_visible(self, visible: bool) -> None:
        for w in (self.label, self.editor, self.unit) if self.shows_unit else (self.label, self.editor):
            w.setVisible(visible)
        self.error.setVisible(visible and bool(self.error.text()))

    def set_value(self, value: Any) -> None:
        raise NotImplementedError


class TextField(Field):
    """Free text; blank is allowed unless required."""

    def __init__(self, label_fn: Callable[[], str], required: bool = False,
                 completions: list[str] | None = None, placeholder_fn: Callable[[], str] | None = None) -> None:
        edit = QLineEdit()
        super().__init__(label_fn, edit)
        self.edit = edit
        self.required = required
        self.placeholder_fn = placeholder_fn
        self._shown = ""
        self._mixed = False
        self._completer: QCompleter | None = None
        self._words: list[str] = []
        if completions is not None:
            self.set_completions(completions)
        self.edit.editingFinished.connect(self._on_editing_finished)

    def retranslate(self) -> None:
        super().retranslate()
        self._update_placeholder()

    def set_completions(self, words: list[str]) -> None:
        unique = sorted(set(words))
        if self._completer is not None and unique == self._words:
            return
        self._words = unique
        if self._completer is None:
            self._completer = QCompleter(self.edit)
            self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self._completer.setModel(QStringListModel(self._completer))
            self.edit.setCompleter(self._completer)
        model = self._completer.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(unique)

    def set_value(self, value: Any) -> None:
        shown = "" if value is MIXED else str(value)
        if shown == self._shown and _user_busy(self):
            return
        self._mixed = value is MIXED
        self._shown = shown
        self.edit.setText(self._shown)
        self._update_placeholder()
        self.clear_error()

    def _update_placeholder(self) -> None:
        if self._mixed:
            self.edit.setPlaceholderText(_tr("mixed values"))
        else:
            self.edit.setPlaceholderText(self.placeholder_fn() if self.placeholder_fn else "")

    def _on_editing_finished(self) -> None:
        text = self.edit.text().strip()
        if text == self._shown.strip() and not self.has_error:
            return
        if self._mixed and not text:
            self.clear_error()
            return
        if self.required and not text:
            self.show_error(_tr("Enter a value; this cannot be blank."))
            return
        self.clear_error()
        self._shown = text
        self.edit.setModified(False)
        self.committed.emit(text)


class NumberField(Field):
    """A number with unit and bounds; text that is not a number or is out of bounds is refused."""

    def __init__(self, label_fn: Callable[[], str], unit_fn: Callable[[], str] | None = None,
                 minimum: float | None = None, maximum: float | None = None,
                 min_exclusive: bool = False, allow_blank: bool = False) -> None:
        edit = QLineEdit()
        edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        edit.setFixedWidth(EDITOR_WIDTH_PX)
        super().__init__(label_fn, edit, unit_fn)
        self.edit = edit
        self.minimum = minimum
        self.maximum = maximum
        self.min_exclusive = min_exclusive
        self.allow_blank = allow_blank  # blank commits None (e.g. remove an override)
        self._shown = ""
        self._mixed = False
        self.edit.editingFinished.connect(self._on_editing_finished)

    def set_value(self, value: Any) -> None:
        shown = "" if value is MIXED or value is None else fmt_editable(float(value))
        if shown == self._shown and _user_busy(self):
            return
        self._mixed = value is MIXED
        self._shown = shown
        self.edit.setText(self._shown)
        self.edit.setPlaceholderText(_tr("mixed") if self._mixed else "")
        self.clear_error()

    def validate(self, text: str) -> tuple[float | None, str | None]:
        """Return (value, None) or (None, message)."""
        unit = self.unit_fn() if self.unit_fn else ""
        try:
            value = parse_number(text)
        except ValueError:
            return None, _tr("“{0}” is not a number.").format(text)
        if self.minimum is not None:
            if self.min_exclusive and value <= self.minimum:
                return None, _tr("Must be more than {0} {1}.").format(fmt_editable(self.minimum), unit).replace(" .", ".")
            if value < self.minimum:
                return None, _tr("Must be at least {0} {1}.").format(fmt_editable(self.minimum), unit).replace(" .", ".")
        if self.maximum is not None and value > self.maximum:
            return None, _tr("Must be at most {0} {1}.").format(fmt_editable(self.maximum), unit).replace(" .", ".")
        return value, None

    def _on_editing_finished(self) -> None:
        text = self.edit.text().strip()
        if text == self._shown and not self.has_error:
            return
        if not text:
            if self._mixed:
                self.clear_error()
                return
            if self.allow_blank:
                self.clear_error()
                self._shown = ""
                self.committed.emit(None)
                return
            self.show_error(_tr("Enter a number."))
            return
        value, message = self.validate(text)
        if message is not None:
            self.show_error(message)
            return
        self.clear_error()
        self._shown = fmt_editable(float(value))  # type: ignore[arg-type]
        self.edit.setText(self._shown)
        self.committed.emit(value)


class ChoiceField(Field):
    """A fixed list of choices as (data, text) pairs; mixed shows no current item."""

    def __init__(self, label_fn: Callable[[], str], choices_fn: Callable[[], list[tuple[Any, str]]]) -> None:
        combo = QComboBox()
        combo.setFixedWidth(EDITOR_WIDTH_PX)
        super().__init__(label_fn, combo)
        self.combo = combo
        self.choices_fn = choices_fn
        self._value: Any = None
        self.combo.activated.connect(self._on_activated)

    def retranslate(self) -> None:
        super().retranslate()
        self._fill()

    def _fill(self, extra: Any = None) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        choices = list(self.choices_fn())
        if extra is not None and extra is not MIXED and all(d != extra for d, _ in choices):
            choices.append((extra, str(extra)))
        for data, text in choices:
            self.combo.addItem(text, data)
        self._select(self._value)
        self.combo.blockSignals(False)

    def _select(self, value: Any) -> None:
        index = -1 if value is MIXED else self.combo.findData(value)
        self.combo.setCurrentIndex(index)

    def set_value(self, value: Any) -> None:
        self._value = value
        if value is not MIXED and self.combo.findData(value) < 0:
            self._fill(extra=value)
        self.combo.blockSignals(True)
        self._select(value)
        self.combo.blockSignals(False)
        self.clear_error()

    def _on_activated(self, index: int) -> None:
        data = self.combo.itemData(index)
        if data == self._value:
            return
        self._value = data
        self.committed.emit(data)


class CheckField(Field):
    """A yes/no value; a mixed selection shows the partially checked state."""

    def __init__(self, label_fn: Callable[[], str]) -> None:
        check = QCheckBox()
        super().__init__(label_fn, check)
        self.check = check
        self.check.clicked.connect(self._on_clicked)

    def set_value(self, value: Any) -> None:
        self.check.blockSignals(True)
        if value is MIXED:
            self.check.setTristate(True)
            self.check.setCheckState(Qt.CheckState.PartiallyChecked)
        else:
            self.check.setTristate(False)
            self.check.setChecked(bool(value))
        self.check.blockSignals(False)

    def _on_clicked(self) -> None:
        value = self.check.checkState() == Qt.CheckState.Checked
        self.check.setTristate(False)
        self.check.setChecked(value)
        self.committed.emit(value)


class FormGrid(QWidget):
    """Rows of label | editor | unit, with the error line under the editor; fields keep their keys."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(8, 4, 8, 8)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(3)
        self.grid.setColumnStretch(0, 1)
        # Fixed editor and unit columns keep editors aligned across the separate grids of one page.
        self.grid.setColumnMinimumWidth(1, EDITOR_WIDTH_PX)
        self.grid.setColumnMinimumWidth(2, UNIT_WIDTH_PX)
        self.fields: dict[str, Field] = {}
        self.sections: list[tuple[QLabel, Callable[[], str]]] = []
        self._row = 0

    def add_section(self, title_fn: Callable[[], str]) -> QLabel:
        label = QLabel()
        set_role(label, "section")
        self.grid.addWidget(label, self._row, 0, 1, 3)
        self.sections.append((label, title_fn))
        self._row += 1
        return label

    def add(self, key: str, field: Field) -> Field:
        field.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        field.label.setMinimumWidth(90)
        self.grid.addWidget(field.label, self._row, 0, Qt.AlignmentFlag.AlignVCenter)
        if isinstance(field, TextField):
            self.grid.addWidget(field.editor, self._row, 1, 1, 2)
            # Text has no unit; the label still needs a parent, or showing it would open a window.
            field.unit.setParent(self)
            field.unit.hide()
            field.shows_unit = False
        else:
            self.grid.addWidget(field.editor, self._row, 1, Qt.AlignmentFlag.AlignLeft)
            self.grid.addWidget(field.unit, self._row, 2)
        # The text, not the cell, is right-aligned: an aligned cell gets the label's one-line size hint, and
        # a message that wraps to two lines would be cut off.
        field.error.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(field.error, self._row + 1, 0, 1, 3)
        self._row += 2
        self.fields[key] = field
        return field

    def add_widget(self, widget: QWidget) -> None:
        self.grid.addWidget(widget, self._row, 0, 1, 3)
        self._row += 1

    def finish(self) -> None:
        self.grid.setRowStretch(self._row, 1)

    def retranslate(self) -> None:
        for label, title_fn in self.sections:
            label.setText(title_fn())
        for field in self.fields.values():
            field.retranslate()
