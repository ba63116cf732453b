"""In the window: an allowance switched to a fixed amount in the Assumptions tab, typed values refused by name,
and the metrics dock's total project CAPEX (equipment plus allowances) equal to the BOM's."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget

from workbench.model.edits import SetAssumption
from workbench.report.bom import build_bom
from workbench.report.options import ReportOptions
from workbench.ui.docks.formatting import fmt_money
from workbench.ui.main_window import MainWindow

PARAM = "allowance_installation"


def dock(window: MainWindow, name: str) -> QDockWidget:
    return next(d for d in window.docks if d.objectName() == name)


def bom_of(window: MainWindow):  # type: ignore[no-untyped-def]
    doc = window.document
    return build_bom(doc.design, doc.catalog, ReportOptions(), white_space_m2=doc.results.space.white_space_m2)


def test_metrics_dock_shows_the_project_total_with_equipment_beside_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    metrics = dock(window, "MetricsDock")
    doc = window.document
    cur = doc.design.site.currency
    bom = bom_of(window)
    assert bom.allowances and bom.project_total > bom.total
    assert metrics.summary["capex"][0].text() == "CAPEX, project total (ROM)"
    assert metrics.summary["capex"][1].text() == fmt_money(float(bom.project_total), cur)
    assert metrics.summary["capex_equipment"][1].text() == fmt_money(float(bom.total), cur)
    tip = metrics.summary["capex"][1].toolTip()
    assert fmt_money(float(bom.total), cur) in tip and fmt_money(float(bom.allowances_total), cur) in tip
    mw = doc.results.it_load_kw / 1000.0
    assert metrics.summary["cost_per_mw"][1].text() == f"{fmt_money(float(bom.project_total) / mw, cur)} /MW"
    # An allowance assumption moves the project total, not the equipment.
    with qtbot.waitSignal(doc.results_ready, timeout=3000):
        doc.push(SetAssumption("allowance_installation", 0.35))
    after = bom_of(window)
    assert after.project_total > bom.project_total and after.total == bom.total
    assert metrics.summary["capex"][1].text() == fmt_money(float(after.project_total), cur)
    assert metrics.summary["capex_equipment"][1].text() == fmt_money(float(bom.total), cur)


def test_allowance_switched_to_a_fixed_amount_and_back(qtbot, window: MainWindow, type_into) -> None:  # type: ignore[no-untyped-def]
    doc = window.document
    inspector = dock(window, "InspectorDock")
    metrics = dock(window, "MetricsDock")
    page = inspector.design_page
    page.tabs.setCurrentIndex(2)  # Assumptions
    fields = page.assumption_form.fields
    mode, amount, share = fields[f"mode:{PARAM}"], fields[f"fixed:{PARAM}"], fields[PARAM]
    assert mode.combo.currentData() == "basis" and mode.combo.currentText() == "Share"
    assert fields["mode:allowance_fire_usd_per_m2"].combo.currentText() == "Rate × quantity"
    assert amount.editor.isHidden() and share.editor.isEnabled()
    before = bom_of(window)
    by_share = next(a for a in before.allowances if a.key == "installation")

    # Switching keeps today's figure (in USD), so the total does not jump; the share is greyed, not lost.
    with qtbot.waitSignal(doc.results_ready, timeout=3000):
        mode.combo.setCurrentIndex(mode.combo.findData("fixed"))
        mode.combo.activated.emit(mode.combo.currentIndex())
    usd = doc.design.assumptions.fixed_usd[PARAM]
    rate = doc.catalog.fx_rates[doc.design.site.currency]
    assert abs(usd * rate - float(by_share.cost)) < 0.01 * rate
    assert not amount.editor.isHidden() and not share.editor.isEnabled()
    assert amount.unit.text() == "USD"
    assert metrics.summary["capex"][1].text() == fmt_money(float(before.project_total), doc.design.site.currency)
    steps = doc.undo_stack.count()

    for typed, words in (("-5", "at least 0"), ("nan", "is not a number"), ("twelve", "is not a number")):
        type_into(amount, typed)
        assert amount.has_error, typed
        assert amount.error.text().startswith("Fixed amount of Installation:") and words in amount.error.text()
        assert doc.undo_stack.count() == steps and doc.design.assumptions.fixed_usd[PARAM] == usd
    type_into(amount, "")
    assert amount.has_error and "enter an amount in USD" in amount.error.text()
    assert doc.undo_stack.count() == steps

    with qtbot.waitSignal(doc.results_ready, timeout=3000):
        type_into(amount, "2,500,000")
    assert not amount.has_error and doc.design.assumptions.fixed_usd[PARAM] == 2_500_000.0
    bom = bom_of(window)
    inst = next(a for a in bom.allowances if a.key == "installation")
    assert inst.fixed and float(inst.amount) == round(2_500_000.0 * rate, 2)
    assert metrics.summary["capex"][1].text() == fmt_money(float(bom.project_total), doc.design.site.currency)

    # Back to the share: one undo step each way, and the share the user had is still there.
    with qtbot.waitSignal(doc.results_ready, timeout=3000):
        mode.combo.setCurrentIndex(mode.combo.findData("basis"))
        mode.combo.activated.emit(mode.combo.currentIndex())
    assert PARAM not in doc.design.assumptions.fixed_usd
    assert amount.editor.isHidden() and share.editor.isEnabled()
    assert bom_of(window).project_total == before.project_total
    doc.undo_stack.undo()
    assert doc.design.assumptions.fixed_usd[PARAM] == 2_500_000.0 and mode.combo.currentData() == "fixed"
    assert amount.edit.text() == "2,500,000"
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert PARAM not in doc.design.assumptions.fixed_usd and mode.combo.currentData() == "basis"
