"""Invertible edits that add, remove or replace connections; each is one undo step."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.model.connections import Connection, remove_connections, restore_connections
from workbench.model.design import Design
from workbench.model.edits import Edit


@dataclass
class AddConnections(Edit):
    """Add connections (one undo step). Ids must be new; nothing else is checked here (calc reports bad
    edges with the block ids involved), so a file's odd edge is never lost on the way through an edit."""

    connections: list[Connection]
    text: str = "Connect"

    def apply(self, design: Design) -> None:
        seen: set[str] = set()
        for c in self.connections:
            if c.id in design.connections or c.id in seen:
                raise ValueError(f"connection id {c.id} already in design")
            seen.add(c.id)
        for c in self.connections:
            design.connections[c.id] = c
        design.connections_version += 1
        design.events.connections_changed.emit([c.id for c in self.connections])

    def revert(self, design: Design) -> None:
        for c in self.connections:
            design.connections.pop(c.id, None)
        design.connections_version += 1
        design.events.connections_changed.emit([c.id for c in self.connections])


@dataclass
class RemoveConnections(Edit):
    """Remove connections by id (one undo step); ids not in the design are ignored."""

    ids: list[str]
    text: str = "Disconnect"
    _removed: list[tuple[int, Connection]] = field(default_factory=list, repr=False)

    def apply(self, design: Design) -> None:
        self._removed = remove_connections(design, set(self.ids))
        design.connections_version += 1
        design.events.connections_changed.emit([c.id for _, c in self._removed])

    def revert(self, design: Design) -> None:
        restore_connections(design, self._removed)
        design.connections_version += 1
        design.events.connections_changed.emit([c.id for _, c in self._removed])


@dataclass
class ReplaceConnections(Edit):
    """Remove some connections and add others as one step (what auto-connect does to a selection)."""

    remove_ids: list[str]
    add: list[Connection]
    text: str = "Auto-connect"
    _removed: list[tuple[int, Connection]] = field(default_factory=list, repr=False)

    def apply(self, design: Design) -> None:
        self._removed = remove_connections(design, set(self.remove_ids))
        try:
            AddConnections(self.add).apply(design)
        except ValueError:
            restore_connections(design, self._removed)
            raise
        design.connections_version += 1
        design.events.connections_changed.emit([c.id for _, c in self._removed])

    def revert(self, design: Design) -> None:
        AddConnections(self.add).revert(design)
        restore_connections(design, self._removed)
        design.connections_version += 1
        design.events.connections_changed.emit([c.id for _, c in self._removed])
