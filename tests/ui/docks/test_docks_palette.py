"""Palette dock: search, key figures, drag payload, double-click placement and language switch."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from tests.ui.docks.conftest import StandInWindow
from workbench.ui.docks import BLOCK_TYPE_MIME, PaletteDock
from workbench.ui.docks.palette import TYPE_ROLE


def _index_of(dock: PaletteDock, type_id: str) -> QModelIndex:
    proxy = dock.proxy
    for r in range(proxy.rowCount()):
        parent = proxy.index(r, 0)
        for c in range(proxy.rowCount(parent)):
            index = proxy.index(c, 0, parent)
            if index.data(TYPE_ROLE) == type_id:
                return index
    raise AssertionError(f"{type_id} not shown")


def test_lists_every_type_by_category(sample_window: tuple[StandInWindow, dict]) -> None:
    window, docks = sample_window
    dock: PaletteDock = docks["PaletteDock"]
    assert dock.objectName() == "PaletteDock"
    assert sorted(dock.visible_type_ids()) == sorted(window.document.catalog.types)
    assert dock.proxy.rowCount() == 6  # compute, network, storage, power, cooling, structure
    assert "57" in dock.count_label.text()


def test_search_matches_id_english_and_chinese(sample_window: tuple[StandInWindow, dict]) -> None:
    _, docks = sample_window
    dock: PaletteDock = docks["PaletteDock"]
    dock.search.setText("nvl72")
    assert sorted(dock.visible_type_ids()) == ["rack.gb200-nvl72", "rack.gb300-nvl72"]
    dock.search.setText("Dry cooler")  # English name, any case
    assert sorted(dock.visible_type_ids()) == ["cool.drycooler-1000", "cool.drycooler-1000-adiabatic"]
    dock.search.setText("干冷器")  # Chinese name
    assert sorted(dock.visible_type_ids()) == ["cool.drycooler-1000", "cool.drycooler-1000-adiabatic"]
    dock.search.setText("pwr.ups")  # id prefix
    assert set(dock.visible_type_ids()) == {"pwr.ups-1mw-li", "pwr.ups-500kw", "pwr.ups-legacy-500kva"}
    assert "3 of 57" in dock.count_label.text()
    dock.search.setText("no such block")
    assert dock.visible_type_ids() == []
    assert "no such block" in dock.count_label.text()
    dock.search.clear()
    assert len(dock.visible_type_ids()) == 57


def test_key_figures_show_kw_and_footprint(sample_window: tuple[StandInWindow, dict]) -> None:
    window, docks = sample_window
    dock: PaletteDock = docks["PaletteDock"]
    cat = window.document.catalog
    assert dock.key_figures(cat.types["rack.gb200-nvl72"]) == "132 kW IT · liquid · 600 × 1,200 mm"
    assert dock.key_figures(cat.types["cool.chiller-air-1500"]) == "1,500 kW rejection · 12,000 × 2,300 mm"
    assert dock.key_figures(cat.types["pwr.ups-1mw-li"]) == "1,000 kW · 3,600 × 1,000 mm"


def test_drag_payload_carries_the_type_id(sample_window: tuple[StandInWindow, dict]) -> None:
    _, docks = sample_window
    dock: PaletteDock = docks["PaletteDock"]
    index = dock.proxy.mapToSource(_index_of(dock, "cool.cdu-1200"))
    mime = dock.model.mimeData([index])
    assert mime is not None
    assert mime.formats() == [BLOCK_TYPE_MIME]
    assert bytes(mime.data(BLOCK_TYPE_MIME).data()).decode("utf-8") == "cool.cdu-1200"
    category_index = dock.model.index(0, 0)
    assert dock.model.mimeData([category_index]) is None  # categories do not drag
    assert dock.model.flags(index) & Qt.ItemFlag.ItemIsDragEnabled


def test_double_click_places_at_view_centre(qtbot, sample_window: tuple[StandInWindow, dict]) -> None:
    window, docks = sample_window
    dock: PaletteDock = docks["PaletteDock"]
    dock.search.setText("gb300")
    index = _index_of(dock, "rack.gb300-nvl72")
    rect = dock.view.visualRect(index)
    assert rect.isValid()
    qtbot.mouseClick(dock.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dock.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.calls == [("place", "rack.gb300-nvl72")]
    category = dock.view.visualRect(index.parent())
    qtbot.mouseDClick(dock.view.viewport(), Qt.MouseButton.LeftButton, pos=category.center())
    assert window.calls == [("place", "rack.gb300-nvl72")]  # a category header places nothing


def test_language_switch_shows_chinese_names(sample_window: tuple[StandInWindow, dict]) -> None:
    window, docks = sample_window
    dock: PaletteDock = docks["PaletteDock"]
    t = window.document.catalog.types["rack.gb200-nvl72"]
    source = dock.proxy.mapToSource(_index_of(dock, t.id))
    assert source.data() == t.name["en"]
    dock.set_language("zh")
    assert source.data() == t.name["zh"]
    dock.set_language("en")
    assert source.data() == t.name["en"]


def test_language_change_event_retranslates_every_dock(sample_window) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    _, docks = sample_window
    titles = {name: dock.windowTitle() for name, dock in docks.items()}
    for dock in docks.values():
        dock.setWindowTitle("stale")
        QCoreApplication.sendEvent(dock, QEvent(QEvent.Type.LanguageChange))
    assert {name: dock.windowTitle() for name, dock in docks.items()} == titles
    assert titles == {"PaletteDock": "Block palette", "InspectorDock": "Properties", "MetricsDock": "Metrics",
                      "ChecksDock": "Checks", "HistoryDock": "History"}
