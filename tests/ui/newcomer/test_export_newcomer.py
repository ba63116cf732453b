"""Export as a newcomer meets it: an Export button, remembered choices, errors that clear, a done message."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pypdf import PdfReader

from workbench.catalog import default_catalog
from workbench.io.project import load_design
from workbench.paths import sample_design_path
from workbench.report.options import ReportOptions
from workbench.ui.dialogs.export_dialog import ExportDialog, start_export


@pytest.fixture
def sample():  # type: ignore[no-untyped-def]
    catalog = default_catalog()
    return load_design(sample_design_path(), catalog).design, catalog


def test_the_button_says_export_and_errors_clear_once_fixed(qtbot, sample, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    design, catalog = sample
    dialog = ExportDialog(None, design, catalog, "design", start_folder=tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Export"
    dialog.output.setText(str(tmp_path / "missing" / "r.pdf"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "does not exist" in dialog.error.text() and dialog.result() == 0
    dialog.output.setText(str(tmp_path / "r.pdf"))  # fixed: the message goes without pressing Export again
    assert dialog.error.text() == ""
    assert dialog.factor.isVisibleTo(dialog)  # the price factor is on the design report form too


def test_the_last_language_currency_rate_and_units_come_back(qtbot, sample, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    design, catalog = sample
    first = ExportDialog(None, design, catalog, "design", start_folder=tmp_path)
    qtbot.addWidget(first)
    first.lang.setCurrentIndex(first.lang.findData("zh"))
    first.currency.setCurrentText("CNY")
    first.rate.setValue(7.1234)
    first.units.setCurrentIndex(first.units.findData("imperial"))
    first.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert first.result() == 1
    second = ExportDialog(None, design, catalog, "bom_pdf", start_folder=tmp_path)
    qtbot.addWidget(second)
    o = second.options()
    assert (o.lang, o.currency, o.rate, o.units) == ("zh", "CNY", 7.1234, "imperial")


def test_a_finished_export_says_so_with_open_and_show_in_folder(qtbot, sample, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    design, catalog = sample
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(QUrl(url).toLocalFile()) or True)
    out = tmp_path / "report.pdf"
    job = start_export(None, design, catalog, "design", out, ReportOptions(lang="zh"))
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    assert len(PdfReader(str(out)).pages) > 5
    box = job.done_box
    assert box is not None and box.isVisible() and str(out) in box.text()
    buttons = {b.objectName(): b for b in box.findChildren(QPushButton)}
    assert buttons["open"].text() == "Open" and buttons["show_in_folder"].text() == "Show in folder"
    buttons["show_in_folder"].click()
    assert opened == [str(tmp_path)]
    box.close()
