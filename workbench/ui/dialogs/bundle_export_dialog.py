"""The gallery's "Export bundle…" dialog: tick templates, fill in the manifest and write a .zip with export_bundle."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from workbench.catalog.bundle_read import MANIFEST_SCHEMA
from workbench.catalog.bundles import BundleError, export_bundle
from workbench.catalog.sources import LIBRARIES_SUBDIR
from workbench.catalog.templates import TemplateInfo, TemplateSet
from workbench.model.problems import Problem
from workbench.ui.theme import LIGHT

BUNDLE_SUFFIX = ".zip"
DEFAULT_VERSION = "1.0.0"
# The manifest's own limits, so the dialog never writes a bundle that import would refuse.
_LIMITS = {key: int(MANIFEST_SCHEMA["properties"][key]["maxLength"])
           for key in ("name", "version", "author", "licence", "description")}
_AUTO_FIELDS = ("name", "author", "licence")  # filled from the ticked templates until the user types in them


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("BundleExportDialog", text, disambiguation, n)


@dataclass
class ExportOutcome:
    """What a successful export wrote: the .zip, the templates in it and the block libraries they pulled in."""

    path: Path
    templates: list[str]
    libraries: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = _tr("Bundle %1 written with %n template(s): %2.", "", len(self.templates))
        text = text.replace("%1", str(self.path)).replace("%2", ", ".join(self.templates))
        if self.libraries:
            text += " " + _tr("Block libraries included: %1.").replace("%1", ", ".join(self.libraries))
        return text


def with_zip_suffix(text: str) -> str:
    """The path as typed, with .zip added when it ends in anything else."""
    text = text.strip()
    return text if not text or text.casefold().endswith(BUNDLE_SUFFIX) else text + BUNDLE_SUFFIX


def _file_in_the_way(out: Path) -> Path | None:
    """The nearest existing parent of out when it is a file rather than a folder (saving there cannot work)."""
    for parent in out.parents:
        if parent.exists():
            return None if parent.is_dir() else parent
    return None


class BundleExportDialog(QDialog):
    """Tick templates, name the bundle and choose where to save it; Export writes it and closes, a refusal keeps
    everything typed and says which template and why."""

    def __init__(self, found: TemplateSet, preselected: Iterable[TemplateInfo] = (), parent: QWidget | None = None,
                 start_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.found = found
        self.templates = list(found.templates)
        self.start_folder = start_folder
        self.outcome: ExportOutcome | None = None
        self._auto = dict.fromkeys(_AUTO_FIELDS, True)
        self._confirmed_path = ""  # a path the save dialog already asked about replacing
        chosen = {id(t) for t in preselected}

        self.pick_label = QLabel()
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setColumnCount(4)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.items: list[QTreeWidgetItem] = []  # one row per template, in self.templates' order
        for t in self.templates:
            item = QTreeWidgetItem(self.tree)
            self.items.append(item)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if id(t) in chosen else Qt.CheckState.Unchecked)
            item.setText(0, t.name)
            item.setText(2, t.version or "—")
            item.setToolTip(0, str(t.path))
        self.tree.setMinimumHeight(200)
        self.tree.itemChanged.connect(lambda _item, _col: self._ticks_changed())
        self.tree.itemDoubleClicked.connect(self._toggle)

        self.fields: dict[str, QLineEdit] = {}
        for key in ("name", "version", "author", "licence"):
            edit = QLineEdit()
            edit.setMaxLength(_LIMITS[key])
            self.fields[key] = edit
        self.fields["version"].setText(DEFAULT_VERSION)
        for key in _AUTO_FIELDS:
            self.fields[key].textEdited.connect(lambda text, k=key: self._edited(k, text))
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        lines = self.description.fontMetrics().lineSpacing()
        self.description.setFixedHeight(lines * 4 + 12)
        self.path = QLineEdit()
        self.browse_button = QPushButton()
        self.browse_button.setAutoDefault(False)  # Enter in a field exports; it never opens the file dialog
        self.browse_button.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse_button)

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        rows: list[tuple[str, QWidget | QHBoxLayout]] = [
            ("name", self.fields["name"]), ("version", self.fields["version"]), ("author", self.fields["author"]),
            ("licence", self.fields["licence"]), ("description", self.description), ("path", path_row)]
        for key, widget in rows:
            self.labels[key] = QLabel()
            self.form.addRow(self.labels[key], widget)
        self.labels["description"].setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet(f"color: {LIGHT.error};")
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        # Our own button, not the standard Ok: the box would reset a standard button's text on a language change.
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pick_label)
        layout.addWidget(self.tree, 1)
        layout.addSpacing(6)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(760, 560)
        self.tree.setFocus()
        self.export_button.setDefault(True)  # only now: a button becomes its dialog's default once it is inside it
        self.retranslate_ui()
        self._ticks_changed()

    # --- texts -------------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Export template bundle"))
        self.tree.setHeaderLabels([self.tr("Template"), self.tr("Kind"), self.tr("Version"), self.tr("Source")])
        kinds = {"hall": self.tr("hall"), "module": self.tr("module")}
        origins = {"built-in": self.tr("built-in"), "user": self.tr("user"), "shared": self.tr("shared")}
        self.tree.blockSignals(True)  # only texts change here, not the ticks
        for i, t in enumerate(self.templates):
            item = self.items[i]
            item.setText(1, kinds.get(t.kind, t.kind))
            item.setText(3, origins.get(t.folder.origin, t.folder.origin))
            item.setToolTip(3, str(t.folder.path))
        self.tree.blockSignals(False)
        texts = {"name": self.tr("Bundle name:"), "version": self.tr("Version:"), "author": self.tr("Author:"),
                 "licence": self.tr("Licence:"), "description": self.tr("Description:"), "path": self.tr("Save to:")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.description.setPlaceholderText(self.tr("What the bundle holds and who it is for (optional)"))
        self.path.setPlaceholderText(self.tr("Folder and file name of the .zip"))
        self.browse_button.setText(self.tr("Browse…"))
        self.export_button.setText(self.tr("Export"))
        self._update_pick_label()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _update_pick_label(self) -> None:
        n = len(self.ticked())
        self.pick_label.setText(self.tr("Templates to include (%n ticked):", "", n))

    # --- ticks and automatic fields ----------------------------------------------------------------

    def ticked(self) -> list[TemplateInfo]:
        return [t for i, t in enumerate(self.templates)
                if self.items[i].checkState(0) == Qt.CheckState.Checked]

    def set_ticked(self, names: Iterable[str]) -> None:
        """Tick exactly the templates matching these names (name, file stem or relative path)."""
        wanted = list(names)
        for i, t in enumerate(self.templates):
            on = any(t.matches(n) for n in wanted)
            self.items[i].setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _toggle(self, item: QTreeWidgetItem, _column: int) -> None:
        on = item.checkState(0) == Qt.CheckState.Checked
        item.setCheckState(0, Qt.CheckState.Unchecked if on else Qt.CheckState.Checked)

    def _edited(self, key: str, text: str) -> None:
        # Clearing a field hands it back to the automatic default; typing keeps it as typed.
        self._auto[key] = not text.strip()
        if self._auto[key]:
            self._ticks_changed()

    def _ticks_changed(self) -> None:
        chosen = self.ticked()
        first = chosen[0] if chosen else None
        defaults = {"name": self._default_name(chosen), "author": first.author if first else "",
                    "licence": first.licence if first else ""}
        for key in _AUTO_FIELDS:
            if self._auto[key]:
                self.fields[key].setText(defaults[key])
        self._update_pick_label()

    def _default_name(self, chosen: list[TemplateInfo]) -> str:
        if not chosen:
            return ""
        if len(chosen) == 1:
            return chosen[0].name
        return self.tr("%1 and %n more", "", len(chosen) - 1).replace("%1", chosen[0].name)

    # --- the destination ---------------------------------------------------------------------------

    def _suggested_path(self) -> str:
        if self.path.text().strip():
            return with_zip_suffix(self.path.text())
        slug = re.sub(r"[^\w.-]+", "-", self.fields["name"].text().strip()).strip("-.") or "templates"
        return str((self.start_folder or Path.home()) / f"{slug}{BUNDLE_SUFFIX}")

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save template bundle"), self._suggested_path(),
                                              self.tr("Template bundles (*.zip)"))
        if path:
            fixed = with_zip_suffix(path)
            self.path.setText(fixed)
            # The save dialog asked before choosing an existing file; with a suffix added it asked about another name.
            self._confirmed_path = fixed if fixed == path else ""

    # --- exporting ---------------------------------------------------------------------------------

    def problems(self) -> list[str]:
        """What must be fixed before anything is written (nothing here touches the disk)."""
        out = []
        if not self.ticked():
            out.append(self.tr("Tick at least one template to put in the bundle."))
        if not self.fields["name"].text().strip():
            out.append(self.tr("Give the bundle a name."))
        if not self.fields["version"].text().strip():
            out.append(self.tr("Give the bundle a version, for example 1.0.0."))
        if len(self.description.toPlainText()) > _LIMITS["description"]:
            out.append(self.tr("The description is longer than %1 characters.")
                       .replace("%1", str(_LIMITS["description"])))
        text = with_zip_suffix(self.path.text())
        if not text:
            out.append(self.tr("Choose where to save the bundle (Save to)."))
        else:
            out += self._destination_problems(Path(text).expanduser())
        return out

    def _destination_problems(self, out: Path) -> list[str]:
        try:  # even asking about a path can fail (a name too long for the file system, a dead network drive)
            if out.is_dir():
                return [self.tr("%1 is a folder; add a file name ending in .zip.").replace("%1", str(out))]
            blocker = _file_in_the_way(out)
            if blocker is not None:
                return [self.tr("%1 is a file, not a folder; the bundle cannot be saved inside it.")
                        .replace("%1", str(blocker))]
            out.exists()
        except OSError as exc:
            return [self.tr("cannot write %1: %2").replace("%1", str(out)).replace("%2", exc.strerror or str(exc))]
        return []

    def export(self) -> bool:
        """Write the bundle; on success close the dialog, otherwise say why and keep every input."""
        self._mark_failed([])
        problems = self.problems()
        if problems:
            self._show_problems(problems)
            return False
        text = with_zip_suffix(self.path.text())
        if text != self.path.text():
            self.path.setText(text)  # show the .zip that will really be written
        out = Path(text).expanduser()
        if out.exists() and text != self._confirmed_path and QMessageBox.question(
                self, self.tr("Replace bundle?"),
                self.tr("%1 already exists. Replace it?").replace("%1", str(out))) != QMessageBox.StandardButton.Yes:
            return False
        chosen = self.ticked()
        try:
            paths = export_bundle(
                chosen, out, self.found, name=self.fields["name"].text().strip(),
                version=self.fields["version"].text().strip(), author=self.fields["author"].text().strip(),
                licence=self.fields["licence"].text().strip(), description=self.description.toPlainText().strip())
        except BundleError as exc:
            self._mark_failed(exc.problems)
            self._show_problems([f"{p.where}: {p.message}" for p in exc.problems[:20]])
            return False
        except OSError as exc:
            # A template file that vanished since the gallery read it (a shared drive) is a read problem, not a write one.
            where = str(exc.filename or out)
            read = where in {str(t.path) for t in chosen}
            line = self.tr("cannot read %1: %2") if read else self.tr("cannot write %1: %2")
            self._show_problems([line.replace("%1", where).replace("%2", exc.strerror or str(exc))])
            return False
        libraries = [p.split("/", 1)[1] for p in paths if p.startswith(f"{LIBRARIES_SUBDIR}/")]
        self.outcome = ExportOutcome(out, [t.name for t in chosen], libraries)
        self.accept()
        return True

    def _show_problems(self, lines: list[str]) -> None:
        head = self.tr("Nothing was written. Please fix this and export again:")
        self.message.setText(head + "\n" + "\n".join(f"• {line}" for line in lines))
        self.message.show()

    def _mark_failed(self, problems: list[Problem]) -> None:
        """Colour the templates a refusal names, so the user sees which one to untick or fix."""
        self.tree.blockSignals(True)  # colours and tooltips only; the ticks stay as they are
        for i, t in enumerate(self.templates):
            item = self.items[i]
            hit = [p for p in problems if f"'{t.name}'" in p.where or p.where == str(t.path)]
            # An empty QBrush would paint the text invisible; clearing the role restores the palette colour.
            item.setData(0, Qt.ItemDataRole.ForegroundRole, QBrush(QColor(LIGHT.error)) if hit else None)
            item.setToolTip(0, "\n".join([str(t.path)] + [p.message for p in hit]))
        self.tree.blockSignals(False)
        self.tree.viewport().update()


__all__ = ["BundleExportDialog", "ExportOutcome", "with_zip_suffix"]
