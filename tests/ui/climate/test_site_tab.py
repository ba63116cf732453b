"""The Climate tab and the metrics heat map, driven in the real main window (offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.paths import resources_dir
from workbench.ui.main_window import MainWindow

WEATHER = resources_dir() / "weather"


def _dock(window: MainWindow, name: str):  # type: ignore[no-untyped-def]
    return next(d for d in window.docks if d.objectName() == name)


def _tab(window: MainWindow):  # type: ignore[no-untyped-def]
    return _dock(window, "InspectorDock").design_page.site_tab


def test_builtin_site_runs_the_hourly_year_and_undo_goes_back(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = window.document
    manual = doc.recalculate_now()
    assert manual.annual is None
    tab = _tab(window)
    assert "economizer hours" in tab.status.text()
    index = tab.builtin.findData("builtin:greensboro-nc")
    tab.builtin.setCurrentIndex(index)
    tab._on_builtin(index)
    r = doc.recalculate_now()
    assert r.annual is not None and r.pue_at_load == r.annual.pue
    assert doc.design.climate.weather_path == "builtin:greensboro-nc" and len(doc.design.climate.weather_sha256) == 64
    assert "Greensboro" in tab.site_labels["location"][1].text()
    assert tab.months.item(6, 0).text() == f"{r.annual.design_conditions['monthly_db_c'][6]:.1f}"
    assert "loop_supply_not_held" in [c.code for c in r.checks]
    metrics = _dock(window, "MetricsDock")
    assert metrics.climate.heatmap.isVisibleTo(metrics) and metrics.climate.rows[0][0].text() in ("liquid", "air")
    doc.undo_stack.undo()
    assert doc.recalculate_now().annual is None and doc.design.climate.weather_path == ""


def test_loop_supply_typed_in_the_tab_reaches_the_year(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = window.document
    tab = _tab(window)
    assert tab.open_weather(str(WEATHER / "703165TY.csv"))
    doc.recalculate_now()
    field = tab.loop_form.fields["liquid:supply"]
    field.edit.setText("40")
    field.edit.editingFinished.emit()
    r = doc.recalculate_now()
    assert doc.design.climate.loops["liquid"].supply_c == 40.0
    assert r.annual is not None and {lp.name: lp for lp in r.annual.loops}["liquid"].supply_c == 40.0
    assert str(WEATHER / "703165TY.csv") in tab._recent()


def test_a_bad_file_leaves_the_design_unchanged(window: MainWindow, tmp_path: Path) -> None:
    doc = window.document
    tab = _tab(window)
    bad = tmp_path / "broken.epw"
    lines = (WEATHER / "USA_CO_Denver.Intl.AP.725650_TMY3.epw").read_text(encoding="utf-8").splitlines()
    bad.write_text("\n".join(lines[:3000]) + "\n", encoding="utf-8")
    steps = doc.undo_stack.count()
    assert not tab.open_weather(str(bad))
    assert doc.undo_stack.count() == steps and doc.design.climate.weather_path == ""
    assert "line 3000" in tab.status.text() and "unchanged" in tab.status.text()


def test_missing_file_keeps_the_design_usable(window: MainWindow, tmp_path: Path) -> None:
    doc = window.document
    tab = _tab(window)
    copy = tmp_path / "site.csv"
    copy.write_bytes((WEATHER / "723170TYA.CSV").read_bytes())
    assert tab.open_weather(str(copy))
    assert doc.recalculate_now().annual is not None
    copy.unlink()
    doc.site_weather.refresh(force=True)
    r = doc.recalculate_now()
    assert r.annual is None and r.pue is not None
    assert "is missing" in tab.status.text() and "economizer hours" in tab.status.text()


def test_monthly_ramp_typed_in_per_cent(window: MainWindow) -> None:
    doc = window.document
    tab = _tab(window)
    assert tab.open_weather(str(WEATHER / "703165TY.csv"))
    tab.profile.setCurrentIndex(tab.profile.findData("monthly"))
    tab._on_profile(tab.profile.currentIndex())
    assert doc.design.climate.profile_kind == "monthly" and len(doc.design.climate.profile_monthly) == 12
    tab.factors.setText("10 20 30")
    tab._on_factors()
    assert "3 values where 12" in tab.profile_note.text() and doc.design.climate.profile_monthly[0] != 0.1
    tab.factors.setText(" ".join(["50"] * 6 + ["100"] * 6))
    tab._on_factors()
    r = doc.recalculate_now()
    assert doc.design.climate.profile_monthly == [0.5] * 6 + [1.0] * 6
    assert r.annual is not None and r.annual.profile == "monthly"
    it = r.annual.monthly_it_mwh
    assert it[0] / 31 == pytest.approx(it[11] / 31 * 0.5)


def test_hourly_profile_imported_from_csv(window: MainWindow, tmp_path: Path) -> None:
    doc = window.document
    tab = _tab(window)
    assert tab.open_weather(str(WEATHER / "703165TY.csv"))
    bad = tmp_path / "short.csv"
    bad.write_text("load\n" + "\n".join(["0.5"] * 100) + "\n", encoding="utf-8")
    assert not tab.import_profile_csv(str(bad))
    assert "100 values" in tab.profile_note.text() and doc.design.climate.profile_kind == "constant"
    good = tmp_path / "load.csv"
    good.write_text("hour,percent\n" + "\n".join(f"{h},{60 if h % 24 < 8 else 90}" for h in range(8760)) + "\n",
                    encoding="utf-8")
    assert tab.import_profile_csv(str(good))
    r = doc.recalculate_now()
    assert doc.design.climate.profile_kind == "hourly" and doc.design.climate.profile_hourly[0] == 0.6
    assert r.annual is not None and r.annual.profile == "hourly"
