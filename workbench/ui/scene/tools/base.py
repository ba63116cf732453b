"""The tool base class: mouse and key handlers receiving model coordinates, and a shared context."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent

if TYPE_CHECKING:
    from workbench.ui.scene.editor import Editor


@dataclass
class ToolEvent:
    """A mouse gesture in model millimetres (y up), with the button and modifier keys."""

    x_mm: float
    y_mm: float
    button: Qt.MouseButton = Qt.MouseButton.LeftButton
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    view_x: float = 0.0  # viewport pixels, for click-versus-drag thresholds
    view_y: float = 0.0

    @property
    def scene_pos(self) -> QPointF:
        return QPointF(self.x_mm, -self.y_mm)

    @property
    def ctrl(self) -> bool:
        return bool(self.modifiers & Qt.KeyboardModifier.ControlModifier)

    @property
    def shift(self) -> bool:
        return bool(self.modifiers & Qt.KeyboardModifier.ShiftModifier)


class Tool:
    """Override the handlers you need; return True from a handler that used the event."""

    name = "tool"
    cursor = Qt.CursorShape.ArrowCursor
    drag_threshold_px = 4.0

    def __init__(self, editor: Editor) -> None:
        self.editor = editor

    @property
    def label(self) -> str:
        return self.name

    def activate(self) -> None:
        """Called when the tool becomes current."""

    def deactivate(self) -> None:
        """Called when another tool takes over: remove overlays, cancel gestures."""

    def mouse_press(self, event: ToolEvent) -> bool:
        return False

    def mouse_move(self, event: ToolEvent) -> bool:
        return False

    def mouse_release(self, event: ToolEvent) -> bool:
        return False

    def mouse_double_click(self, event: ToolEvent) -> bool:
        return False

    def key_press(self, event: QKeyEvent) -> bool:
        return False

    def rotate_request(self) -> bool:
        """R pressed: a tool that holds something to place may turn it; False lets the editor rotate the selection."""
        return False

    def delete_request(self) -> bool:
        """Delete pressed: a tool holding its own pick (a corner, a half-drawn outline) removes that;
        False lets the editor delete the selected blocks."""
        return False

    def mm_per_px(self) -> float:
        return self.editor.view.mm_per_px()

    def drawing_point(self, event: ToolEvent) -> tuple[float, float] | None:
        """The underlay's end point, midpoint or crossing near the cursor when View → Snap to drawing is on
        (Shift suspends it, as it does the grid); None otherwise."""
        snap = getattr(self.editor, "drawing_snap", None)
        return None if snap is None or event.shift else snap(event.x_mm, event.y_mm, self.mm_per_px())
