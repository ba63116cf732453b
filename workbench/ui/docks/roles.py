"""The look of the forms' role labels (error, unit, muted, section, override) and of a refused line edit.

Each widget is styled on its own, through its palette and font, rather than by one style sheet on the
whole dock: a sheet on an ancestor sends every descendant through QStyleSheetStyle, which made the
inspector's construction several times slower. Only the few widgets that need a border (section rules,
a refused line edit) carry a small sheet of their own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from workbench.ui.docks.colors import SEVERITY_COLORS, muted_text, rule_color, text_color

ROLE = "role"  # the dynamic property naming a label's role; "" is an ordinary label
ROLES = ("error", "unit", "muted", "section", "override")
_BOLD = ("section", "override")
_STYLED = "_role_styled"  # the role whose look the widget carries now
_PALETTES: dict[tuple[str, int], QPalette] = {}
_WINDOW_TEXT = QPalette.ColorRole.WindowText


def _base_palette(widget: QWidget) -> QPalette:
    """The palette the widget inherits: its own may carry a role's colour already."""
    parent = widget.parentWidget()
    return parent.palette() if parent is not None else QApplication.palette()


def section_style(palette: QPalette) -> str:
    """A section heading: bold, with a rule under it. Qt draws no border from "border-bottom: 1px solid c"
    alone (the heading had no rule while it read so); the long-hand properties do."""
    return (f"QLabel {{ font-weight: 600; color: {text_color(palette).name()}; padding-top: 8px; "
            f"border-style: solid; border-width: 0 0 1px 0; border-color: {rule_color(palette).name()}; }}")


def invalid_style() -> str:
    """A refused entry: red frame and a faint red fill; the same in both themes.

    The 2 px vertical padding keeps the edit as tall as its neighbours (Fusion's frame is 2 px, this border
    1 px), so the rows below do not move when an entry is refused.
    """
    return (f"QLineEdit {{ border: 1px solid {SEVERITY_COLORS['error']}; border-radius: 3px; padding: 2px 2px; "
            "background: rgba(209, 52, 56, 28); }")


def _role_palette(role: str, palette: QPalette) -> QPalette:
    """Only the text colour of role, over palette; an empty palette (no role) hands everything back to the theme.

    Kept per theme: a page of a hundred rows would otherwise mix the same muted colour a hundred times.
    """
    key = (role, palette.cacheKey())
    own = _PALETTES.get(key)
    if own is None:
        own = QPalette()  # an empty palette sets only the colour set here; the rest follows the theme
        if role == "error":
            own.setColor(_WINDOW_TEXT, QColor(SEVERITY_COLORS["error"]))
        elif role in ("unit", "muted"):
            own.setColor(_WINDOW_TEXT, muted_text(palette))
        if len(_PALETTES) > 64:  # palettes of themes long gone
            _PALETTES.clear()
        _PALETTES[key] = own
    return own


def apply_role(widget: QWidget, palette: QPalette | None = None) -> None:
    """Give widget the look of its current role, in the colours of palette (by default the inherited one)."""
    role = str(widget.property(ROLE) or "")
    role = role if role in ROLES else ""
    previous = str(widget.property(_STYLED) or "")
    if not role and not previous:
        return  # never styled here: leave the widget as it is (other docks give roles of their own)
    palette = palette if palette is not None else _base_palette(widget)
    widget.setPalette(_role_palette(role, palette))
    bold, was_bold = role in _BOLD, previous in _BOLD
    if bold or was_bold:
        font = QFont()  # likewise only the weight; size and family stay inherited
        if bold:
            font.setWeight(QFont.Weight.DemiBold)  # what "font-weight: 600" gave in the style sheet
        widget.setFont(font)
    if role == "section" or previous == "section":
        widget.setStyleSheet(section_style(palette) if role == "section" else "")
    widget.setProperty(_STYLED, role)


def set_role(widget: QWidget, role: str) -> None:
    """Name widget's role and give it that role's look."""
    widget.setProperty(ROLE, role)
    apply_role(widget)


def set_invalid(edit: QWidget, invalid: bool) -> None:
    """Mark an editor as holding refused input; a line edit shows it with a red frame."""
    edit.setProperty("invalid", invalid)
    if isinstance(edit, QLineEdit):
        sheet = invalid_style() if invalid else ""
        if edit.styleSheet() != sheet:
            edit.setStyleSheet(sheet)


class _RoleFollower(QObject):
    """Restyles a watched widget whenever someone sets its role property directly (not through set_role)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DynamicPropertyChange and isinstance(watched, QWidget):
            if bytes(event.propertyName().data()) == _ROLE_BYTES:  # type: ignore[attr-defined]
                apply_role(watched)
        return False


_ROLE_BYTES = ROLE.encode()
_FOLLOWER = _RoleFollower()


def style_roles(root: QWidget, palette: QPalette) -> None:
    """Restyle every descendant of root that has a role in palette's colours (after a theme switch)."""
    for widget in root.findChildren(QWidget):
        if widget.property(ROLE) is not None:
            apply_role(widget, palette)
        elif widget.property("invalid") and isinstance(widget, QLineEdit):
            # A widget with its own sheet keeps the palette it was polished with; only a new sheet
            # re-polishes it, and its text would stay in the old theme's colour.
            widget.setStyleSheet("")
            widget.setStyleSheet(invalid_style())


def follow_roles(root: QWidget, palette: QPalette) -> None:
    """Style root's descendants that other code gave a role by setting the property (not through set_role),
    and keep following that property on them."""
    for widget in root.findChildren(QWidget):
        if widget.property(ROLE) is not None and widget.property(_STYLED) is None:
            apply_role(widget, palette)
            widget.installEventFilter(_FOLLOWER)
