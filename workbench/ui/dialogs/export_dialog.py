"""File → Export: an options dialog for the design report, BOM PDF or BOM spreadsheet, run in a worker thread."""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QMessageBox, QProgressDialog, QPushButton, QVBoxLayout, QWidget,
)

from workbench.io import design_from_dict, design_to_dict
from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.report.bom_csv import write_bom_csv
from workbench.report.bom_pdf import build_bom_pdf
from workbench.report.bom_xlsx import write_bom_xlsx
from workbench.report.design_report import build_design_report
from workbench.report.options import ReportOptions
from workbench.text.language import available_languages

KINDS = ("design", "bom_pdf", "bom_xlsx")
SETTINGS_GROUP = "export"  # QSettings keys of the remembered choices


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("ExportDialog", text)


class ExportDialog(QDialog):
    """Options for one export; the report language is independent of the window's language."""

    def __init__(self, parent: QWidget | None, design: Design, catalog: Catalog, kind: str,
                 imperial: bool = False, start_folder: Path | None = None) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(f"unknown export kind {kind!r}")
        self.kind = kind
        self._catalog = catalog
        self._design = design
        self.lang = QComboBox()
        for code, name in available_languages().items():
            self.lang.addItem(name, code)
        self.currency = QComboBox()
        self.currency.setEditable(True)
        for code in sorted(catalog.fx_rates):
            self.currency.addItem(code)
        self.currency.setCurrentText(design.site.currency or "USD")
        self.rate = QDoubleSpinBox()
        self.rate.setDecimals(4)
        self.rate.setRange(0.0001, 1_000_000.0)
        self.units = QComboBox()
        self.units.addItem("SI", "si")
        self.units.addItem("Imperial", "imperial")
        self.units.setCurrentIndex(1 if imperial else 0)
        self.scale = QComboBox()
        for value in ("fit", "100", "200"):
            self.scale.addItem("", value)
        self.factor = QDoubleSpinBox()
        self.factor.setDecimals(3)
        self.factor.setRange(0.01, 99.0)
        self.factor.setValue(1.0)
        # One price basis per export: the factor applies to every price; the audience decides what is shown.
        self.audience = QComboBox()
        for value in ("customer", "internal"):
            self.audience.addItem("", value)
        self.logo = QLineEdit(design.site.logo_path or _preferred_logo())
        self.logo_button = QPushButton()
        self.logo_button.clicked.connect(self._browse_logo)
        self.output = QLineEdit(str(self._default_output(start_folder)))
        self.output_button = QPushButton()
        self.output_button.clicked.connect(self._browse_output)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b42318")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        self.currency.currentTextChanged.connect(self._currency_changed)
        self._currency_changed(self.currency.currentText())
        self._restore_choices(imperial)
        # An error message goes as soon as its cause is fixed (it is only shown after a failed Export).
        for signal in (self.lang.currentIndexChanged, self.currency.currentTextChanged, self.rate.valueChanged,
                       self.factor.valueChanged, self.output.textChanged, self.logo.textChanged,
                       self.units.currentIndexChanged, self.scale.currentIndexChanged):
            signal.connect(self._recheck)

        form = QFormLayout()
        self._labels = {k: QLabel() for k in ("lang", "currency", "rate", "units", "scale", "factor", "audience", "logo",
                                              "output")}
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo)
        logo_row.addWidget(self.logo_button)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output)
        out_row.addWidget(self.output_button)
        rows: list[tuple[str, Any]] = [("lang", self.lang), ("currency", self.currency), ("rate", self.rate)]
        rows += [("factor", self.factor), ("audience", self.audience)]
        if kind == "design":
            rows += [("units", self.units), ("scale", self.scale), ("logo", logo_row)]
        rows.append(("output", out_row))
        for key, widget in rows:
            form.addRow(self._labels[key], widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    # --- remembered choices --------------------------------------------------------------------------
    def _restore_choices(self, imperial: bool) -> None:
        """The language, currency, rate and units of the last export, so a second export is one click."""
        from workbench.ui.settings import Settings

        q = Settings().qsettings
        lang = str(q.value(f"{SETTINGS_GROUP}/lang", "") or "")
        if lang and self.lang.findData(lang) >= 0:
            self.lang.setCurrentIndex(self.lang.findData(lang))
        currency = str(q.value(f"{SETTINGS_GROUP}/currency", "") or "")
        if currency:
            self.currency.setCurrentText(currency)
            try:
                rate = float(q.value(f"{SETTINGS_GROUP}/rate", 0.0) or 0.0)
            except (TypeError, ValueError):
                rate = 0.0
            if rate > 0:
                self.rate.setValue(rate)  # the rate typed last time, not only the catalog's
        units = str(q.value(f"{SETTINGS_GROUP}/units", "") or "")
        if units in ("si", "imperial"):
            self.units.setCurrentIndex(self.units.findData(units))
        elif imperial:
            self.units.setCurrentIndex(1)

    def remember_choices(self) -> None:
        from workbench.ui.settings import Settings

        q = Settings().qsettings
        q.setValue(f"{SETTINGS_GROUP}/lang", self.lang.currentData())
        q.setValue(f"{SETTINGS_GROUP}/currency", self.currency.currentText().strip().upper())
        q.setValue(f"{SETTINGS_GROUP}/rate", self.rate.value())
        q.setValue(f"{SETTINGS_GROUP}/units", self.units.currentData())

    def _recheck(self, *_: object) -> None:
        if self.error.text():
            self.error.setText("\n".join(self.problems()))

    def retranslate_ui(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("Export"))
        titles = {"design": _tr("Export design report"), "bom_pdf": _tr("Export bill of materials (PDF)"),
                  "bom_xlsx": _tr("Export bill of materials (spreadsheet)")}
        self.setWindowTitle(titles[self.kind])
        texts = {"lang": _tr("Report language"), "currency": _tr("Currency"), "rate": _tr("Rate (per USD)"),
                 "units": _tr("Units"), "scale": _tr("Plan scale"), "factor": _tr("Price factor"),
                 "logo": _tr("Logo"), "output": _tr("Save as"), "audience": _tr("Prices for")}
        for key, label in self._labels.items():
            label.setText(texts[key])
        self.audience.setItemText(0, _tr("Customer (selling prices only)"))
        self.audience.setItemText(1, _tr("Internal (cost, price factor and margin)"))
        for i, text in enumerate((_tr("Fit to page"), "1:100", "1:200")):
            self.scale.setItemText(i, text)
        self.logo_button.setText(_tr("Browse…"))
        self.output_button.setText(_tr("Browse…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _suffix(self) -> str:
        return ".xlsx" if self.kind == "bom_xlsx" else ".pdf"

    def _default_output(self, folder: Path | None) -> Path:
        stem = "".join(ch if ch.isalnum() or ch in "-_ " else "_" for ch in (self._design.site.name or "design"))
        stem = stem.strip()[:60] or "design"
        tail = "report" if self.kind == "design" else "bom"
        return (folder or Path.home()) / f"{stem} {tail}{self._suffix()}"

    def _currency_changed(self, code: str) -> None:
        rate = self._catalog.fx_rates.get(code.strip().upper())
        if rate is not None:
            self.rate.setValue(rate)

    def _browse_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, _tr("Choose a logo"), self.logo.text(),
                                              _tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.logo.setText(path)

    def _browse_output(self) -> None:
        if self.kind == "bom_xlsx":
            filters = _tr("Excel workbook (*.xlsx);;CSV (*.csv)")
        else:
            filters = _tr("PDF (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(self, _tr("Export to"), self.output.text(), filters)
        if path:
            self.output.setText(path)

    def options(self) -> ReportOptions:
        currency = self.currency.currentText().strip().upper() or None
        return ReportOptions(lang=self.lang.currentData(), currency=currency, rate=self.rate.value(),
                             units=self.units.currentData(), scale=self.scale.currentData(),
                             logo_path=self.logo.text().strip() or None, price_factor=self.factor.value(),
                             audience=str(self.audience.currentData() or "customer"))

    def output_path(self) -> Path:
        return Path(self.output.text().strip()).expanduser()

    def problems(self) -> list[str]:
        out = list(self.options().problems())
        path = self.output_path()
        allowed = (".xlsx", ".csv") if self.kind == "bom_xlsx" else (".pdf",)
        if path.suffix.lower() not in allowed:
            out.append(_tr("The file name must end in {}.").format(" / ".join(allowed)))
        elif not path.parent.is_dir():
            out.append(_tr("The folder {} does not exist.").format(path.parent))
        return out

    def _try_accept(self) -> None:
        problems = self.problems()
        self.error.setText("\n".join(problems))
        if not problems:
            self.remember_choices()
            self.accept()


class _Signals(QObject):
    progress = Signal(int)
    finished = Signal(str)
    failed = Signal(str)


class _Task(QRunnable):
    def __init__(self, kind: str, design: Design, catalog: Catalog, path: Path, options: ReportOptions,
                 signals: _Signals) -> None:
        super().__init__()
        self.kind, self.design, self.catalog, self.path, self.options = kind, design, catalog, path, options
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            step = lambda f, _s: self.signals.progress.emit(int(f * 100))  # noqa: E731
            if self.kind == "design":
                build_design_report(self.design, self.catalog, self.path, self.options, step)
            elif self.kind == "bom_pdf":
                build_bom_pdf(self.design, self.catalog, self.path, self.options, step)
            elif self.path.suffix.lower() == ".csv":
                write_bom_csv(self.design, self.catalog, self.path, self.options)
            else:
                write_bom_xlsx(self.design, self.catalog, self.path, self.options)
            self.signals.progress.emit(100)
            self.signals.finished.emit(str(self.path))
        except (ValueError, OSError) as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a report bug must reach the user as a message, not kill the thread  # noqa: BLE001
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}\n\n{traceback.format_exc(limit=4)}")


class ExportJob(QObject):
    """One running export: a progress dialog while the worker builds; a message box if it fails."""

    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None, kind: str, design: Design, catalog: Catalog, path: Path,
                 options: ReportOptions, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.error_box: QMessageBox | None = None
        self.done_box: QMessageBox | None = None
        self.progress = QProgressDialog(_tr("Exporting…"), "", 0, 100, parent)
        self.progress.setCancelButton(None)
        self.progress.setWindowTitle(_tr("Export"))
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setValue(0)
        self._signals = _Signals(self)
        self._signals.progress.connect(self.progress.setValue)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        # Work on a copy so edits made while the export runs cannot change what is being written.
        copy = design_from_dict(design_to_dict(design))
        (pool or QThreadPool.globalInstance()).start(_Task(kind, copy, catalog, path, options, self._signals))

    def _on_finished(self, path: str) -> None:
        self.progress.close()
        self.progress.deleteLater()
        self.done_box = done_message(self.parent() if isinstance(self.parent(), QWidget) else None, Path(path))
        self.finished.emit(path)

    def _on_failed(self, message: str) -> None:
        self.progress.close()
        self.progress.deleteLater()
        box = QMessageBox(QMessageBox.Icon.Critical, _tr("Export failed"),
                          _tr("The export could not be written:\n{}").format(message),
                          QMessageBox.StandardButton.Ok, self.parent() if isinstance(self.parent(), QWidget) else None)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal, does not block the event loop
        self.error_box = box
        self.failed.emit(message)


def done_message(parent: QWidget | None, path: Path) -> QMessageBox:
    """"Exported" with Open and Show in folder; window-modal, so the event loop (and tests) keep running."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    box = QMessageBox(QMessageBox.Icon.Information, _tr("Export finished"),
                      _tr("Written to {}").format(path), QMessageBox.StandardButton.Close, parent)
    box.setObjectName("ExportDoneBox")
    open_button = box.addButton(_tr("Open"), QMessageBox.ButtonRole.ActionRole)
    folder_button = box.addButton(_tr("Show in folder"), QMessageBox.ButtonRole.ActionRole)
    open_button.setObjectName("open")
    folder_button.setObjectName("show_in_folder")
    # Action buttons would close the box before Qt tells us which: connect them directly.
    open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
    folder_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _preferred_logo() -> str:
    """The company logo set in Preferences, used when the design names none."""
    from workbench.ui.dialogs.preferences import logo_path
    from workbench.ui.settings import Settings

    return logo_path(Settings())


def export_design(parent: QWidget | None, document: Any, kind: str, imperial: bool = False) -> ExportJob | None:
    """Ask for options, then export in the background; returns the running job, or None when cancelled."""
    dialog = ExportDialog(parent, document.design, document.catalog, kind, imperial,
                          document.path.parent if getattr(document, "path", None) else None)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        options = dialog.options()
        if getattr(document, "path", None):  # the underlay's relative path is found from the design's folder
            options.design_dir = str(document.path.parent)
        return start_export(parent, document.design, document.catalog, kind, dialog.output_path(), options)
    finally:
        dialog.deleteLater()


def start_export(parent: QWidget | None, design: Design, catalog: Catalog, kind: str, path: Path,
                 options: ReportOptions) -> ExportJob:
    return ExportJob(parent, kind, design, catalog, path, options)
