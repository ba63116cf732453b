"""A tiny observer: named events that views connect to and edits emit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

Handler = Callable[..., None]


class Event:
    """A signal without Qt: connect handlers, emit values, block temporarily."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._handlers: list[Handler] = []
        self._blocked = 0

    def connect(self, handler: Handler) -> None:
        if handler not in self._handlers:
            self._handlers.append(handler)

    def disconnect(self, handler: Handler) -> None:
        if handler in self._handlers:
            self._handlers.remove(handler)

    def emit(self, *args: Any) -> None:
        if self._blocked:
            return
        # Copy so a handler may disconnect itself while we iterate.
        for handler in list(self._handlers):
            handler(*args)

    @contextmanager
    def blocker(self) -> Iterator[None]:
        self._blocked += 1
        try:
            yield
        finally:
            self._blocked -= 1

    def __repr__(self) -> str:
        return f"Event({self.name!r}, {len(self._handlers)} handlers)"


class DesignEvents:
    """Every event a design emits; views follow these and nothing else."""

    def __init__(self) -> None:
        self.blocks_added = Event("blocks_added")  # (list[Block])
        self.blocks_removed = Event("blocks_removed")  # (list[str] ids)
        self.blocks_moved = Event("blocks_moved")  # (list[str] ids)
        self.blocks_changed = Event("blocks_changed")  # (list[str] ids) properties other than position
        self.hall_changed = Event("hall_changed")  # (hall id)
        self.halls_changed = Event("halls_changed")  # () halls added or removed
        self.site_changed = Event("site_changed")  # ()
        self.assumptions_changed = Event("assumptions_changed")  # ()
        self.modules_changed = Event("modules_changed")  # ()
        self.connections_changed = Event("connections_changed")  # (list[str] connection ids added or removed)
        self.underlay_changed = Event("underlay_changed")  # () the underlay reference or its alignment
        self.design_reset = Event("design_reset")  # () whole design replaced

    def all(self) -> list[Event]:
        return [v for v in vars(self).values() if isinstance(v, Event)]

    @contextmanager
    def blocker(self) -> Iterator[None]:
        events = self.all()
        for e in events:
            e._blocked += 1
        try:
            yield
        finally:
            for e in events:
                e._blocked -= 1
