"""Metrics dock: figures match the results, follow edits and the utilisation control, update fast."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from tests.ui.docks.conftest import rack
from workbench.model.edits import AddBlocks, SetHallField
from workbench.ui.docks import MetricsDock


def test_shows_results_of_the_sample(sample_window) -> None:
    window, docks = sample_window
    dock: MetricsDock = docks["MetricsDock"]
    r = window.document.results
    assert dock.tiles["pue"][1].text() == f"{r.pue:.3f}"
    assert dock.tiles["pue_peak"][1].text() == f"{r.pue_peak:.3f}"
    assert dock.tiles["pue_at_load"][1].text() == f"{r.pue_at_load:.3f}"
    assert dock.tiles["pue_at_load"][0].text() == "PUE at 80 % utilisation"
    racks = r.space["racks"]
    assert dock.tiles["it_load"][1].text() == f"{r.it_load_kw:,.0f} kW"
    assert dock.summary["racks"][1].text() == \
        f"{r.space['rack_count']}  ({racks['compute']} / {racks['network']} / {racks['storage']})"
    # The calculation keeps CAPEX in USD; the dock converts once to the design's currency (EUR).
    eur = window.document.catalog.fx_rates["EUR"]
    assert r.cost["currency"] == "USD"
    assert dock.summary["capex_equipment"][1].text() == f"{r.cost['capex_total'] * eur:,.0f} EUR"
    # The headline CAPEX adds the allowances (tests/ui/test_allowances_window.py compares it with the BOM).
    capex = float(dock.summary["capex"][1].text().removesuffix(" EUR").replace(",", ""))
    assert capex > r.cost["capex_total"] * eur
    assert dock.summary["cost_per_mw"][1].text() == f"{capex / (r.it_load_kw / 1000):,.0f} EUR /MW"
    assert dock.summary["density"][1].text() == f"{r.space['kw_per_m2']:.2f} kW/m²"
    rows = dock.capacity.rows
    systems = len(r.power["systems"]) + len(r.cooling["air"]) + len(r.cooling["liquid"]) + \
        len(r.cooling["heat_rejection"])
    assert len(rows) == systems + 4  # plus footprint and floor for each of the two halls
    ups = next(row for row in rows if row.label == "main · UPS")
    assert (ups.scheme, ups.ok, ups.status) == ("N+1", True, "N+1 ✓")
    xs, ys = dock.chart.curve.getData()
    assert list(ys) == [p for _, p in r.pue_curve]
    assert xs[-1] == r.pue_curve[-1][0] * r.it_load_kw
    px, py = dock.chart.point.getData()
    assert (px[0], py[0]) == (0.8 * r.it_load_kw, r.pue_at_load)
    labels = [item[0] for item in dock.overhead.items]
    assert labels == ["Power losses", "Cooling", "Lighting", "Miscellaneous"]
    assert dock.overhead.items[1][1] == r.overhead_kw["cooling"]


def test_updates_after_adding_racks_and_flags_unmet_redundancy(qtbot, sample_window) -> None:
    window, docks = sample_window
    dock: MetricsDock = docks["MetricsDock"]
    doc = window.document
    hall = doc.design.halls[0].id
    new = [rack(3000 + 600 * i, 3000, type_id="rack.gb300-nvl72") for i in range(4)]
    for b in new:
        b.hall_id = hall
    with qtbot.waitSignal(doc.results_ready, timeout=2000) as blocker:
        doc.push(AddBlocks(new))
    r = blocker.args[0]
    assert r.it_load_kw == 2128 + 4 * 140
    assert dock.tiles["it_load"][1].text() == "2,688 kW"
    assert dock.tiles["pue"][1].text() == f"{r.pue:.3f}"
    not_met = [row for row in dock.capacity.rows if not row.ok]
    assert not_met and all(row.status.endswith("not met") for row in not_met if row.scheme)
    assert any(row.label == "main · Distribution" for row in not_met)


def test_floor_row_turns_red_when_rating_drops(qtbot, sample_window) -> None:
    window, docks = sample_window
    dock: MetricsDock = docks["MetricsDock"]
    doc = window.document
    with qtbot.waitSignal(doc.results_ready, timeout=2000):
        doc.push(SetHallField(doc.design.halls[0].id, "floor_rating_kn_m2", 10.0))
    floor = next(row for row in dock.capacity.rows if row.label == "Data hall 1 · floor, heaviest block")
    assert floor.capacity == 10.0 and not floor.ok and floor.status == "overloaded"


def test_utilisation_control_sets_load_fraction(qtbot, sample_window) -> None:
    window, docks = sample_window
    dock: MetricsDock = docks["MetricsDock"]
    doc = window.document
    assert dock.slider.value() == 80 and not dock.reset_button.isEnabled()
    with qtbot.waitSignal(doc.results_ready, timeout=2000):
        dock.slider.setValue(50)
    assert doc.load_fraction == 0.5
    assert dock.spin.value() == 50
    assert doc.results.load_fraction == 0.5
    assert dock.tiles["pue_at_load"][0].text() == "PUE at 50 % utilisation"
    assert dock.tiles["pue_at_load"][1].text() == f"{doc.results.pue_at_load:.3f}"
    assert dock.reset_button.isEnabled()
    with qtbot.waitSignal(doc.results_ready, timeout=2000):
        dock.reset_button.click()
    assert doc.load_fraction is None and dock.slider.value() == 80


def test_results_handler_is_fast(sample_window) -> None:
    window, docks = sample_window
    dock: MetricsDock = docks["MetricsDock"]
    r = window.document.results
    dock._on_results_ready(r)  # warm-up
    start = time.perf_counter()
    for _ in range(10):
        dock._on_results_ready(r)
        dock.repaint()
    per_update_s = (time.perf_counter() - start) / 10
    assert per_update_s < 0.1


def test_empty_design_shows_no_equipment(small_window) -> None:
    window, docks = small_window
    dock: MetricsDock = docks["MetricsDock"]
    assert dock.tiles["it_load"][1].text() == "0 kW"
    assert all(row.heading == "Space and floor" for row in dock.capacity.rows)
    xs, _ = dock.chart.curve.getData()
    assert xs is None or len(xs) == 0


def test_the_pue_chart_is_made_when_scrolled_into_view_with_the_curve_it_missed(qtbot, sample_window) -> None:
    window, docks = sample_window
    dock: MetricsDock = docks["MetricsDock"]
    r = window.document.results
    slot = dock.chart_slot
    dock.widget().ensureWidgetVisible(slot, 0, 0)
    qtbot.waitUntil(lambda: slot.layout().count() == 1, timeout=3000)  # its first paint asks for the chart
    chart = slot.layout().itemAt(0).widget()
    assert chart is dock.chart and chart.isVisibleTo(window)
    xs, ys = chart.curve.getData()
    assert list(ys) == [p for _, p in r.pue_curve] and xs[-1] == r.pue_curve[-1][0] * r.it_load_kw
    assert chart.getPlotItem().getAxis("left").labelText == "PUE"


def test_the_main_window_imports_without_pyqtgraph() -> None:
    # pyqtgraph costs ~0.25 s to import; the metrics dock's plots load it when they are first shown.
    code = "import sys, workbench.ui.main_window; print('pyqtgraph' in sys.modules)"
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout.strip() == "False"
