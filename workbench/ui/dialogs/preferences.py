"""The Preferences dialog: language (switches live), units, theme, grid step, shared template folders and logo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.ui import i18n
from workbench.ui.settings import Settings

SHARED_FOLDERS_KEY = "templates/shared_folders"
LOGO_KEY = "report/logo_path"
GRID_MIN_MM, GRID_MAX_MM = 10.0, 6000.0
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")


def shared_template_folders(settings: Settings) -> list[str]:
    """Shared template folders the user added (pass to workbench.catalog.templates.discover_templates)."""
    value = settings.qsettings.value(SHARED_FOLDERS_KEY, [])
    if isinstance(value, str):
        value = [value] if value else []
    return [str(v) for v in (value or []) if str(v).strip()]


def set_shared_template_folders(settings: Settings, folders: list[str]) -> None:
    settings.qsettings.setValue(SHARED_FOLDERS_KEY, list(folders))


def logo_path(settings: Settings) -> str:
    """The default logo for reports ("" for none); a design's own site.logo_path wins over it."""
    return str(settings.qsettings.value(LOGO_KEY, "") or "")


def set_logo_path(settings: Settings, path: str) -> None:
    settings.qsettings.setValue(LOGO_KEY, path)


class PreferencesDialog(QDialog):
    """Edits the preferences; the language applies at once, the rest on OK. Cancel restores the language."""

    preferences_changed = Signal()  # after OK/Apply: the window re-reads theme, units and grid

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self._initial_language = i18n.current_language()
        self.setObjectName("PreferencesDialog")

        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.units = QComboBox()
        self.theme = QComboBox()
        self.grid = QDoubleSpinBox()
        self.grid.setRange(GRID_MIN_MM, GRID_MAX_MM)
        self.grid.setDecimals(0)
        self.grid.setSingleStep(50)
        self.grid.setSuffix(" mm")
        self.folders = QListWidget()
        self.folders.setMinimumHeight(80)
        self.add_folder = QPushButton()
        self.remove_folder = QPushButton()
        self.logo = QLineEdit()
        self.browse_logo = QPushButton()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #d13438")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply)

        self._labels = {key: QLabel() for key in ("language", "units", "theme", "grid", "folders", "logo")}
        form = QFormLayout()
        form.addRow(self._labels["language"], self.language)
        form.addRow(self._labels["units"], self.units)
        form.addRow(self._labels["theme"], self.theme)
        form.addRow(self._labels["grid"], self.grid)
        folder_buttons = QVBoxLayout()
        folder_buttons.addWidget(self.add_folder)
        folder_buttons.addWidget(self.remove_folder)
        folder_buttons.addStretch(1)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folders, 1)
        folder_row.addLayout(folder_buttons)
        form.addRow(self._labels["folders"], folder_row)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(self.browse_logo)
        form.addRow(self._labels["logo"], logo_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.retranslate_ui()
        self._load()
        self.language.currentIndexChanged.connect(self._on_language_changed)
        self.add_folder.clicked.connect(self._on_add_folder)
        self.remove_folder.clicked.connect(self._on_remove_folder)
        self.folders.currentRowChanged.connect(lambda row: self.remove_folder.setEnabled(row >= 0))
        self.browse_logo.clicked.connect(self._on_browse_logo)
        self.buttons.clicked.connect(self._on_button)
        self.remove_folder.setEnabled(False)
        self.resize(560, self.sizeHint().height())

    # --- texts ---------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        self._labels["language"].setText(self.tr("Language:"))
        self._labels["units"].setText(self.tr("Units:"))
        self._labels["theme"].setText(self.tr("Theme:"))
        self._labels["grid"].setText(self.tr("Grid step:"))
        self._labels["folders"].setText(self.tr("Shared template folders:"))
        self._labels["logo"].setText(self.tr("Company logo for reports:"))
        self._set_items(self.units, [("si", self.tr("SI (m, kW, °C, L/min)")),
                                     ("imperial", self.tr("Imperial (ft, kW, °F, gal/min)"))])
        self._set_items(self.theme, [("light", self.tr("Light")), ("dark", self.tr("Dark"))])
        self.grid.setToolTip(self.tr("Blocks snap to this step when snapping is on; 600 mm is one raised-floor tile."))
        self.folders.setToolTip(self.tr("Folders (for example on a network share) whose hall, module and "
                                        "block templates appear next to the shipped ones."))
        self.add_folder.setText(self.tr("Add…"))
        self.remove_folder.setText(self.tr("Remove"))
        self.logo.setPlaceholderText(self.tr("PNG or JPEG file; used when a design has no logo of its own"))
        self.browse_logo.setText(self.tr("Browse…"))
        self.language.setToolTip(self.tr("The interface changes language at once."))

    @staticmethod
    def _set_items(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        """Refill a combo's texts, keeping the chosen value (the data), without emitting a change."""
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        if current is not None:
            combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- values --------------------------------------------------------------------------
    def _load(self) -> None:
        s = self.settings
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        self.language.blockSignals(False)
        self.units.setCurrentIndex(self.units.findData("imperial" if s.imperial else "si"))
        self.theme.setCurrentIndex(max(0, self.theme.findData(s.theme)))
        self.grid.setValue(s.grid_mm)
        self.folders.clear()
        self.folders.addItems(shared_template_folders(s))
        self.logo.setText(logo_path(s))

    def logo_problem(self) -> str:
        """Why the logo field cannot be saved, or "" when it can (empty means no logo)."""
        logo = self.logo.text().strip()
        if not logo:
            return ""
        path = Path(logo)
        if not path.is_file():
            return self.tr("Company logo: the file {0} does not exist.").format(logo)
        if path.suffix.lower() not in LOGO_SUFFIXES:
            return self.tr("Company logo: use a PNG or JPEG file, not {0}.").format(path.suffix or path.name)
        return ""

    def folder_warnings(self) -> list[str]:
        """Listed folders that are not there now; they are kept (a share may be offline) but said so."""
        out = []
        for i in range(self.folders.count()):
            folder = self.folders.item(i).text()
            if not Path(folder).is_dir():
                out.append(self.tr("Shared template folders: {0} is not a folder now (unplugged drive or "
                                   "offline share?); it is kept and skipped until it is back.").format(folder))
        return out

    def apply(self) -> bool:
        """Save the values; returns False (and shows why) when the logo is unusable. Missing folders only warn."""
        blocking = self.logo_problem()
        self.message.setText("\n".join([m for m in (blocking, *self.folder_warnings()) if m]))
        if blocking:
            self.logo.setFocus()
            return False
        s = self.settings
        s.imperial = self.units.currentData() == "imperial"
        s.theme = str(self.theme.currentData())
        s.grid_mm = float(self.grid.value())
        set_shared_template_folders(s, [self.folders.item(i).text() for i in range(self.folders.count())])
        set_logo_path(s, self.logo.text().strip())
        s.qsettings.setValue(i18n.LANGUAGE_KEY, i18n.current_language())
        s.sync()
        self._initial_language = i18n.current_language()
        self.preferences_changed.emit()
        return True

    # --- handlers ------------------------------------------------------------------------
    def _on_language_changed(self, _index: int) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        problems = i18n.set_language(app, str(self.language.currentData()), self.settings, remember=False)
        self.message.setText("\n".join(problems))

    def _on_add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Shared template folder"))
        if folder:
            self.add_folder_path(folder)

    def add_folder_path(self, folder: str) -> None:
        existing = {self.folders.item(i).text() for i in range(self.folders.count())}
        if folder not in existing:
            self.folders.addItem(folder)

    def _on_remove_folder(self) -> None:
        row = self.folders.currentRow()
        if row >= 0:
            self.folders.takeItem(row)

    def _on_browse_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Company logo"), self.logo.text(),
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.logo.setText(path)

    def _on_button(self, button: QAbstractButton) -> None:
        role = self.buttons.buttonRole(button)
        if role == QDialogButtonBox.ButtonRole.ApplyRole:
            self.apply()
        elif role == QDialogButtonBox.ButtonRole.AcceptRole:
            if self.apply():
                self.accept()
        elif role == QDialogButtonBox.ButtonRole.RejectRole:
            self.reject()

    def reject(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and i18n.current_language() != self._initial_language:
            i18n.set_language(app, self._initial_language, self.settings, remember=False)
        super().reject()


def show_preferences(parent: QWidget | None = None, settings: Settings | None = None) -> PreferencesDialog:
    """Open the dialog modelessly (the window stays usable) and return it; connect preferences_changed."""
    dialog = PreferencesDialog(settings, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
