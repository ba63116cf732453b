"""Inspector dock: block edits (single and multi), hall/site/assumption edits, refused input, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.docks.conftest import StandInWindow, rack
from workbench.model.edits import AddBlocks
from workbench.ui.docks import InspectorDock
from workbench.ui.docks.fields import ChoiceField, NumberField, TextField


def _type_into(qtbot, field: TextField | NumberField, text: str) -> None:
    """Replace the field's text by typing, then press Return, as a user would."""
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def _racks(window: StandInWindow) -> list[str]:
    d = window.document.design
    return [b.id for b in d.blocks.values() if b.type_id == "rack.gb200-nvl72"]


def test_edit_name_of_selected_block_is_one_undo_step(qtbot, sample_window) -> None:
    window, docks = sample_window
    dock: InspectorDock = docks["InspectorDock"]
    doc = window.document
    block_id = _racks(window)[0]
    old_name = doc.design.blocks[block_id].name
    doc.set_selection([block_id])
    assert dock.stack.currentIndex() == 0
    field = dock.block_page.form.fields["name"]
    assert field.edit.text() == old_name
    _type_into(qtbot, field, "GPU rack A")
    assert doc.design.blocks[block_id].name == "GPU rack A"
    assert doc.undo_stack.count() == 1
    assert dock.header.text() == "GPU rack A"
    doc.undo_stack.undo()
    assert doc.design.blocks[block_id].name == old_name
    assert field.edit.text() == old_name  # the inspector follows the undo
    doc.undo_stack.redo()
    assert field.edit.text() == "GPU rack A"


def test_multi_selection_shows_mixed_blank_and_applies_to_all(qtbot, sample_window) -> None:
    window, docks = sample_window
    dock: InspectorDock = docks["InspectorDock"]
    doc = window.document
    ids = _racks(window)[:3]
    assert len({doc.design.blocks[i].name for i in ids}) == 3
    doc.set_selection(ids)
    field = dock.block_page.form.fields["name"]
    assert field.edit.text() == ""
    assert field.edit.placeholderText() == "mixed values"
    assert dock.header.text() == "3 blocks selected"
    it_kw = dock.block_page.form.fields["it_kw"]
    assert it_kw.edit.text() == "132"  # shared value shows
    # Leaving a mixed field blank changes nothing.
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert doc.undo_stack.count() == 0
    _type_into(qtbot, field, "row B")
    assert [doc.design.blocks[i].name for i in ids] == ["row B"] * 3
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert len({doc.design.blocks[i].name for i in ids}) == 3


def test_override_edit_changes_results_and_blank_restores_catalog(qtbot, sample_window) -> None:
    window, docks = sample_window
    dock: InspectorDock = docks["InspectorDock"]
    doc = window.document
    block_id = _racks(window)[0]
    doc.set_selection([block_id])
    before = doc.results.it_load_kw
    field = dock.block_page.form.fields["it_kw"]
    assert field.unit.text() == "kW"
    with qtbot.waitSignal(doc.results_ready, timeout=2000):
        _type_into(qtbot, field, "150")
    assert doc.design.blocks[block_id].overrides == {"it_kw": 150.0}
    assert doc.results.it_load_kw == before + 18
    assert field.label.property("role") == "override"
    _type_into(qtbot, field, "")
    assert doc.design.blocks[block_id].overrides == {}
    assert field.edit.text() == "132"
    _type_into(qtbot, field, "-3")
    assert field.has_error and "at least 0" in field.error.text()
    assert doc.undo_stack.count() == 2


def test_rotation_and_lock(qtbot, sample_window) -> None:
    window, docks = sample_window
    dock: InspectorDock = docks["InspectorDock"]
    doc = window.document
    block_id = _racks(window)[0]
    doc.set_selection([block_id])
    rotation: ChoiceField = dock.block_page.form.fields["rotation_deg"]
    rotation.combo.setCurrentIndex(rotation.combo.findData(90))
    rotation.combo.activated.emit(rotation.combo.currentIndex())  # what a user's pick emits
    assert doc.design.blocks[block_id].rotation_deg == 90
    locked = dock.block_page.form.fields["locked"]
    qtbot.mouseClick(locked.check, Qt.MouseButton.LeftButton)
    assert doc.design.blocks[block_id].locked is True
    x = dock.block_page.form.fields["x_mm"]
    _type_into(qtbot, x, "9,000")
    assert x.has_error and "unlock" in x.error.text()
    assert doc.design.blocks[block_id].x_mm != 9000
    assert doc.undo_stack.count() == 2


def test_invalid_floor_rating_is_refused_inline(qtbot, sample_window) -> None:
    window, docks = sample_window
    dock: InspectorDock = docks["InspectorDock"]
    doc = window.document
    doc.set_selection([])
    assert dock.stack.currentIndex() == 1
    hall = doc.design.halls[0]
    field = dock.design_page.hall_form.fields["floor_rating_kn_m2"]
    assert field.unit.text() == "kN/m²"
    assert field.edit.text() == "25"
    _type_into(qtbot, field, "-5")
    assert field.has_error and field.error.text() == "Must be more than 0 kN/m²."
    assert field.editor.property("invalid") is True
    _type_into(qtbot, field, "abc")
    assert field.error.text() == "“abc” is not a number."
    assert hall.floor_rating_kn_m2 == 25.0
    assert doc.undo_stack.count() == 0
    # A recalculation meanwhile keeps the refused text for the user to fix.
    doc.recalculate_now()
    assert field.edit.text() == "abc" and field.has_error
    _type_into(qtbot, field, "30")
    assert not field.has_error
    assert hall.floor_rating_kn_m2 == 30.0
    assert doc.undo_stack.count() == 1


def test_hall_name_and_second_hall(qtbot, sample_window) -> None:
    window, docks = sample_window
    dock: InspectorDock = docks["InspectorDock"]
    doc = window.document
    page = dock.design_page
    hall_choice: ChoiceField = page.hall_form.fields["hall"]
    assert hall_choice.combo.count() == 2
    hall_choice.combo.setCurrentIndex(1)
    hall_choice.combo.activated.emit(1)
    assert page.hall_form.fields["name"].edit.text() == "Plant yard"
    name = page.hall_form.fields["name"]
    _type_into(qtbot, name, "")
    assert name.has_error  # a hall needs a name
    _type_into(qtbot, name, "Yard")
    assert doc.design.halls[1].name == "Yard"
    assert hall_choice.combo.itemText(1) == "Yard"


def test_site_fields(qtbot, sample_window) -> None:
    window, docks = sample_window
    dock: InspectorDock = docks["InspectorDock"]
    doc = window.document
    form = dock.design_page.site_form
    price = form.fields["electricity_price_per_kwh"]
    assert price.unit.text() == "EUR/kWh"
    _type_into(qtbot, price, "0.21")
    assert doc.design.site.electricity_price_per_kwh == 0.21
    currency: ChoiceField = form.fields["currency"]
    currency.combo.setCurrentIndex(currency.combo.findData("USD"))
    currency.combo.activated.emit(currency.combo.currentIndex())
    assert doc.design.site.currency == "USD"
    assert price.unit.text() == "USD/kWh"
    _type_into(qtbot, form.fields["customer"], "ACME AI")
    assert doc.design.site.customer == "ACME AI"
    assert doc.undo_stack.count() == 3
    assert doc.undo_stack.text(2) == "Set customer"


def test_assumption_edit_changes_results(qtbot, sample_window) -> None:
    window, docks = sample_window
    dock: InspectorDock = docks["InspectorDock"]
    doc = window.document
    field = dock.design_page.assumption_form.fields["it_utilisation"]
    spec = doc.catalog.parameters["it_utilisation"]
    assert spec.source in field.editor.toolTip()
    before = doc.results
    assert before.load_fraction == 0.8
    _type_into(qtbot, field, "1.5")
    assert field.has_error and "at most 1" in field.error.text()
    assert doc.undo_stack.count() == 0
    with qtbot.waitSignal(doc.results_ready, timeout=2000):
        _type_into(qtbot, field, "0.5")
    assert doc.design.assumptions.values["it_utilisation"] == 0.5
    assert doc.results.load_fraction == 0.5
    assert doc.results.pue_at_load != before.pue_at_load
    assert doc.undo_stack.count() == 1


def test_redundancy_scheme_combo(qtbot, sample_window) -> None:
    window, docks = sample_window
    dock: InspectorDock = docks["InspectorDock"]
    doc = window.document
    fields = dock.design_page.scheme_form.fields
    assert set(fields) >= {"power:main", "power:utility", "power:mv", "cooling:air", "cooling:liquid",
                           "cooling:heat_rejection"}
    combo = fields["power:main"].combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["N", "N+1", "N+2", "2N", "2(N+1)", "DR"]
    assert combo.currentText() == "N+1"
    with qtbot.waitSignal(doc.results_ready, timeout=2000):
        combo.setCurrentIndex(combo.findData("2N"))
        combo.activated.emit(combo.currentIndex())
    assert doc.design.assumptions.power_schemes["main"] == "2N"
    ups = [s for s in doc.results.power["systems"] if s["name"] == "main" and s["role"] == "ups"][0]
    assert ups["scheme"] == "2N"


def test_new_power_system_name_adds_a_redundancy_row(qtbot, small_window) -> None:
    window, docks = small_window
    dock: InspectorDock = docks["InspectorDock"]
    doc = window.document
    b = rack(2000, 2000)
    doc.push(AddBlocks([b]))
    doc.set_selection([b.id])
    _type_into(qtbot, dock.block_page.form.fields["power_system"], "B-feed")
    doc.set_selection([])
    assert "power:B-feed" in dock.design_page.scheme_form.fields


def test_read_only_design_refuses_with_message(qtbot, sample_window) -> None:
    window, docks = sample_window
    dock: InspectorDock = docks["InspectorDock"]
    doc = window.document
    doc.read_only = True
    field = dock.design_page.site_form.fields["customer"]
    _type_into(qtbot, field, "Someone")
    assert field.has_error and "read-only" in field.error.text()
    assert doc.undo_stack.count() == 0


def test_language_switch_shows_chinese_parameter_labels(sample_window) -> None:
    window, docks = sample_window
    dock: InspectorDock = docks["InspectorDock"]
    field = dock.design_page.assumption_form.fields["it_utilisation"]
    spec = window.document.catalog.parameters["it_utilisation"]
    assert field.label.text() == spec.label["en"]
    dock.set_language("zh")
    assert field.label.text() == spec.label["zh"]
    assert field.edit.text() == "0.8"  # values survive the switch


def test_position_fields_follow_nudges_merged_into_one_step(qtbot, sample_window) -> None:
    """An edit puts a moved copy in the block's place: the page shows the block the design holds now, not
    the one it was first shown, after nudges that merge into one undo step."""
    from workbench.model.edits import MoveBlocks
    from workbench.ui.docks.formatting import fmt_editable

    window, docks = sample_window
    dock: InspectorDock = docks["InspectorDock"]
    doc = window.document
    block_id = _racks(window)[0]
    doc.set_selection([block_id])
    x0 = doc.design.blocks[block_id].x_mm
    for _ in range(3):
        b = doc.design.blocks[block_id]
        doc.push(MoveBlocks([block_id], [(b.x_mm + 600.0, b.y_mm)], merge_key="nudge"))
    doc.recalculate_now()
    assert doc.undo_stack.count() == 1 and doc.design.blocks[block_id].x_mm == x0 + 1800.0
    assert dock.block_page.form.fields["x_mm"].edit.text() == fmt_editable(x0 + 1800.0)
