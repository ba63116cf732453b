"""Editing tools: each turns mouse and key gestures on the hall view into model edits."""

from workbench.ui.scene.tools.base import Tool, ToolEvent
from workbench.ui.scene.tools.column import ColumnTool
from workbench.ui.scene.tools.door import DoorTool
from workbench.ui.scene.tools.hall_outline import HallOutlineTool
from workbench.ui.scene.tools.place import PlaceTool
from workbench.ui.scene.tools.select import SelectTool

__all__ = ["ColumnTool", "DoorTool", "HallOutlineTool", "PlaceTool", "SelectTool", "Tool", "ToolEvent"]
