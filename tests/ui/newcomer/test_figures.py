"""Figures a newcomer can trust: an incomplete PUE is greyed with its reason; capacity bars agree with their label."""

from __future__ import annotations

from workbench.model.design import Block, Hall
from workbench.model.edits import AddBlocks, AddHall
from workbench.ui.main_window import MainWindow


def _metrics(window: MainWindow):  # type: ignore[no-untyped-def]
    return next(d for d in window.docks if d.objectName() == "MetricsDock")


def test_one_rack_without_cooling_shows_the_pue_greyed_with_the_reason(empty_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = empty_window.document
    dock = _metrics(empty_window)
    hall = doc.design.halls[0]
    with qtbot.waitSignal(doc.results_ready, timeout=3000) as got:
        doc.push(AddBlocks([Block("rack.air-20kw", 4000, 4000, hall_id=hall.id)]))
    results = got.args[0]
    assert results.pue is not None
    value = dock.tiles["pue"][1]
    assert value.text() == f"{results.pue:.3f}"
    assert value.property("incomplete") is True
    assert dock.pue_note.isVisibleTo(dock)
    note = dock.pue_note.text()
    assert "PUE incomplete" in note and "no air cooling is placed" in note
    assert "no chiller, dry cooler or tower" in note
    # Its colour is the muted one, not the figure colour of a complete PUE.
    assert value.palette().color(value.foregroundRole()) != dock.tiles["it_load"][1].palette().color(
        dock.tiles["it_load"][1].foregroundRole())


def test_the_sample_pue_is_complete(window: MainWindow) -> None:
    dock = _metrics(window)
    assert window.document.results.pue_gaps == []
    assert not dock.tiles["pue"][1].property("incomplete")
    assert not dock.pue_note.isVisibleTo(dock)


def test_a_plant_yard_footprint_counts_against_its_own_floor(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    dock = _metrics(window)
    yard = next(row for row in dock.capacity.rows if row.label.startswith("Plant yard") and row.unit == "m²")
    assert yard.capacity > 0 and yard.load <= yard.capacity and yard.ok and yard.status == "ok"
    # A tiny room holding one big dry cooler: more footprint than floor, and the label says so.
    doc = window.document
    room = Hall(name="Pump room", outline=[(0, -20000), (4000, -20000), (4000, -17000), (0, -17000)])
    with qtbot.waitSignal(doc.results_ready, timeout=3000):
        doc.push(AddHall(room))
    with qtbot.waitSignal(doc.results_ready, timeout=3000):
        doc.push(AddBlocks([Block("cool.drycooler-1000", 2000, -18500, hall_id=room.id)]))
    row = next(r for r in dock.capacity.rows if r.label.startswith("Pump room") and r.unit == "m²")
    assert row.capacity == 12.0 and row.load > row.capacity
    assert row.ok is False and row.status == "over"
