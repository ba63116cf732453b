"""Inspector look and cost: role colours painted in both themes and after switches, no style sheet over whole
pages (the start-up cost it had), and tabs built when first opened, showing the design as it is then."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFont, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from workbench.catalog import new_design
from workbench.model.edits import SetAssumption, SetScheme
from workbench.ui.docks import InspectorDock
from workbench.ui.docks.colors import SEVERITY_COLORS, muted_text, rule_color
from workbench.ui.docks.fields import NumberField
from workbench.ui.docks.inspector_design import ASSUMPTIONS_TAB, CLIMATE_TAB, PROPOSAL_TAB, SITE_TAB
from workbench.ui.theme import DARK, LIGHT, apply_widget_palette

ERROR = QColor(SEVERITY_COLORS["error"])


def _laid_out(widget: QWidget) -> None:
    """Let pending layout requests settle (a slow machine may not have sized a label yet), then insist on a size:
    a grab of an unsized widget is empty, and its 'colours' would compare as black."""
    for _ in range(50):
        if widget.width() > 2 and widget.height() > 2:
            return
        QApplication.processEvents()
    raise AssertionError(f"{widget!r} was never laid out ({widget.width()}×{widget.height()} px)")


def _picture(widget: QWidget) -> QImage:
    """The widget as painted. In two full-suite runs on a loaded machine a grab came back empty for a laid-out
    label (Qt warned, nothing failed); then the widget is painted into an image of its own, on its background."""
    _laid_out(widget)
    for _ in range(5):
        image = widget.grab().toImage()
        if image.width() > 2 and image.height() > 2:
            return image
        QApplication.processEvents()
    # Late in a long run a full-width label has also come back from the grab 0 px high (a layout pass in
    # flight); its colours are what is checked here, so it is painted at the size it asks for.
    size = widget.size().expandedTo(widget.sizeHint()).expandedTo(QSize(3, 3))
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(widget.palette().color(widget.backgroundRole()))
    if widget.size() != size:
        widget.resize(size)
    widget.render(image)
    assert image.width() > 2 and image.height() > 2, f"{widget!r} cannot be painted ({widget.size()})"
    return image


def _ink(widget: QWidget) -> QColor:
    """The painted colour farthest from the widget's background (its top-left pixel): the text's colour."""
    image = _picture(widget)
    background = image.pixelColor(1, 1)
    best, far = background, -1
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            d = abs(c.red() - background.red()) + abs(c.green() - background.green()) + abs(c.blue() - background.blue())
            if d > far:
                best, far = c, d
    return best


def _near(a: QColor, b: QColor, tolerance: int = 8) -> bool:
    """Equal but for anti-aliasing: a glyph's darkest pixel may sit a few steps off the pen colour."""
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= tolerance


@pytest.fixture
def themes() -> Iterator[None]:
    app = QApplication.instance()
    saved_palette, saved_style = app.palette(), app.style().name()  # type: ignore[union-attr]
    yield
    app.setStyle(saved_style)  # type: ignore[union-attr]
    app.setPalette(saved_palette)  # type: ignore[union-attr]


def _theme(dark: bool) -> None:
    apply_widget_palette(QApplication.instance(), DARK if dark else LIGHT)  # type: ignore[arg-type]
    QApplication.processEvents()


def test_roles_paint_their_colours_in_both_themes_and_after_switches(qtbot, sample_window, themes) -> None:
    window, docks = sample_window
    dock: InspectorDock = docks["InspectorDock"]
    window.document.set_selection([])
    page = dock.design_page
    refused = page.hall_form.fields["floor_rating_kn_m2"]
    assert isinstance(refused, NumberField)
    refused.show_error(refused.validate("-5")[1] or "")
    width = page.hall_form.fields["width_mm"]
    section = page.hall_form.sections[0][0]
    for dark in (False, True, False, True):
        _theme(dark)
        palette = dock.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        assert (palette.color(QPalette.ColorRole.Window).lightness() < 128) == dark
        assert _near(_ink(refused.error), ERROR)
        assert _near(_ink(width.unit), muted_text(palette))
        assert not _near(muted_text(palette), text)  # muted is not just the text colour
        assert _near(_ink(width.label), text)
        assert _near(_ink(dock.header), text)  # follows the switch: no sheet froze the old theme's palette
        assert section.font().weight() >= QFont.Weight.DemiBold and not width.label.font().bold()
        assert _near(_ink(section), text)
        heading = _picture(section)  # the rule under the heading, in the theme's rule colour
        assert all(_near(heading.pixelColor(x, heading.height() - 1), rule_color(palette), 2)
                   for x in range(0, heading.width(), 16))
        # The refused entry: red frame, and its text in the theme's text colour, not the previous theme's.
        edit = _picture(refused.edit)
        assert _near(edit.pixelColor(edit.width() // 2, 0), ERROR)
        assert _near(_ink(refused.edit), palette.color(QPalette.ColorRole.Text), 24)
        # A refused entry keeps the height of its neighbours, so the rows below do not jump.
        assert refused.edit.height() == width.editor.height()
    refused.clear_error()
    assert refused.edit.styleSheet() == "" and not _near(_ink(refused.error), ERROR)


def test_no_style_sheet_spans_several_widgets(qtbot, sample_window) -> None:
    """A sheet on a container sends every widget under it through QStyleSheetStyle: that made building and
    showing the dock several times slower. Only leaf widgets that need a border carry one."""
    window, docks = sample_window
    dock: InspectorDock = docks["InspectorDock"]
    doc = window.document
    rack = next(b for b in doc.design.blocks.values() if b.type_id.startswith("rack."))
    doc.set_selection([rack.id])
    doc.set_selection([])
    for index in range(dock.design_page.tabs.count()):
        dock.design_page.tabs.setCurrentIndex(index)
    QApplication.processEvents()
    sheets = [w for w in [dock, *dock.findChildren(QWidget)] if w.styleSheet()]
    assert sheets, "the section headings carry their rule"
    spanning = [w for w in sheets if w.findChildren(QWidget)]
    assert not spanning, [(type(w).__name__, w.styleSheet()[:60]) for w in spanning]
    assert {w.property("role") for w in sheets} == {"section"}


def test_tabs_are_built_when_first_opened_and_show_the_design_then(qtbot, sample_window) -> None:
    window, docks = sample_window
    dock: InspectorDock = docks["InspectorDock"]
    doc = window.document
    doc.set_selection([])
    tabs = dock.design_page.tabs
    assert not any(tabs.is_built(i) for i in (SITE_TAB, ASSUMPTIONS_TAB, CLIMATE_TAB, PROPOSAL_TAB))
    doc.push(SetScheme("power", "main", "2N"))
    doc.push(SetAssumption("it_utilisation", 0.6))
    tabs.setCurrentIndex(ASSUMPTIONS_TAB)
    assert tabs.is_built(ASSUMPTIONS_TAB) and not tabs.is_built(SITE_TAB)
    page = dock.design_page
    assert page.scheme_form.fields["power:main"].combo.currentText() == "2N"  # type: ignore[attr-defined]
    assert page.assumption_form.fields["it_utilisation"].edit.text() == "0.6"  # type: ignore[attr-defined]
    assert page.scheme_form.isVisibleTo(dock) and page.assumption_form.isVisibleTo(dock)
    # An edit that leaves the set of systems alone keeps the redundancy rows (no rebuild), and they follow it.
    rows = dict(page.scheme_form.fields)
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert dict(page.scheme_form.fields) == rows
    assert all(page.scheme_form.fields[k] is rows[k] for k in rows)
    assert rows["power:main"].combo.currentText() == "N+1"  # type: ignore[attr-defined]
    assert page.assumption_form.fields["it_utilisation"].edit.text() == "0.8"  # type: ignore[attr-defined]


def test_tabs_built_after_a_language_switch_are_in_that_language(qtbot, sample_window) -> None:
    window, docks = sample_window
    dock: InspectorDock = docks["InspectorDock"]
    window.document.set_selection([])
    dock.set_language("zh")
    field = dock.design_page.assumption_form.fields["it_utilisation"]
    assert field.label.text() == window.document.catalog.parameters["it_utilisation"].label["zh"]


def test_a_refused_weather_file_is_reported_in_red(qtbot, sample_window, tmp_path: Path) -> None:
    """The Climate tab gives its status label the error role by setting the property; the colour follows."""
    window, docks = sample_window
    dock: InspectorDock = docks["InspectorDock"]
    window.document.set_selection([])
    dock.design_page.tabs.setCurrentIndex(CLIMATE_TAB)
    tab = dock.design_page.site_tab
    assert not _near(_ink(tab.status), ERROR)
    bad = tmp_path / "broken.epw"
    bad.write_text("not a weather file\n", encoding="utf-8")
    assert not tab.open_weather(str(bad))
    assert "Not used" in tab.status.text()
    assert _near(_ink(tab.status), ERROR)


def test_proposal_tab_shows_the_new_design_after_open(qtbot, sample_window) -> None:
    window, docks = sample_window
    dock: InspectorDock = docks["InspectorDock"]
    doc = window.document
    tab = dock.design_page.proposal_tab
    tab.exclusions.setPlainText("Civil works")
    tab.apply.click()
    assert doc.design.proposal.exclusions == ["Civil works"]
    doc.new(new_design(doc.catalog))
    assert tab.exclusions.toPlainText() == ""

