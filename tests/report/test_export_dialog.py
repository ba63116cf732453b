"""The export dialog and its background job: options, validation, progress, finished and failed exports."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from workbench.model import Catalog, Design
from workbench.report.options import ReportOptions
from workbench.ui.dialogs.export_dialog import ExportDialog, start_export


def test_dialog_builds_options_and_validates(qtbot: QtBot, sample: Design, catalog: Catalog, tmp_path: Path) -> None:
    dialog = ExportDialog(None, sample, catalog, "design", imperial=True, start_folder=tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.output_path().suffix == ".pdf" and dialog.output_path().parent == tmp_path
    dialog.lang.setCurrentIndex(dialog.lang.findData("zh"))
    dialog.currency.setCurrentText("CNY")
    assert dialog.rate.value() == catalog.fx_rates["CNY"]
    opts = dialog.options()
    assert (opts.lang, opts.currency, opts.units, opts.scale) == ("zh", "CNY", "imperial", "fit")
    assert dialog.problems() == []
    dialog.output.setText(str(tmp_path / "nowhere" / "r.pdf"))
    dialog._try_accept()
    assert "does not exist" in dialog.error.text() and dialog.result() == 0
    dialog.output.setText(str(tmp_path / "r.txt"))
    assert dialog.problems()


def test_export_runs_in_the_background(qtbot: QtBot, sample: Design, catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    job = start_export(None, sample, catalog, "design", out, ReportOptions(lang="zh"))
    with qtbot.waitSignal(job.finished, timeout=30_000) as sig:
        pass
    assert sig.args == [str(out)]
    assert len(PdfReader(str(out)).pages) > 5
    xlsx = tmp_path / "b.xlsx"
    job2 = start_export(None, sample, catalog, "bom_xlsx", xlsx, ReportOptions(price_factor=1.2))
    with qtbot.waitSignal(job2.finished, timeout=30_000):
        pass
    assert load_workbook(xlsx).sheetnames == ["Summary", "Detail"]


def test_failed_export_shows_a_message(qtbot: QtBot, sample: Design, catalog: Catalog, tmp_path: Path) -> None:
    job = start_export(None, sample, catalog, "bom_pdf", tmp_path / "b.pdf", ReportOptions(currency="XYZ"))
    with qtbot.waitSignal(job.failed, timeout=30_000) as sig:
        pass
    assert "no exchange rate for XYZ" in sig.args[0]
    assert job.error_box is not None and job.error_box.isVisible()
    assert "XYZ" in job.error_box.text()
    job.error_box.close()
    assert not (tmp_path / "b.pdf").exists()


def test_design_report_dialog_offers_the_price_factor_and_the_audience(qtbot: QtBot, sample: Design,
                                                                       catalog: Catalog, tmp_path: Path) -> None:
    """One price basis per export: the design report takes the factor too; customer is the default audience."""
    dialog = ExportDialog(None, sample, catalog, "design", imperial=False, start_folder=tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.options().audience == "customer"
    dialog.factor.setValue(1.15)
    dialog.audience.setCurrentIndex(dialog.audience.findData("internal"))
    opts = dialog.options()
    assert opts.price_factor == 1.15 and opts.audience == "internal"
    assert dialog.audience.itemText(0).startswith("Customer")
