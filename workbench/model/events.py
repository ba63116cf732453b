"""A tiny observer: named events that views connect to and edits emit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Generic, ParamSpec

if TYPE_CHECKING:  # design.py holds the events: a real import would be circular
    from workbench.model.design import Block

P = ParamSpec("P")


class Event(Generic[P]):
    """A signal without Qt: connect handlers, emit values, block temporarily.

    The payload is part of the type (`Event[[list[str]]]`): mypy checks every emit and every handler.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._handlers: list[Callable[P, None]] = []
        self._blocked = 0

    def connect(self, handler: Callable[P, None]) -> None:
        if handler not in self._handlers:
            self._handlers.append(handler)

    def disconnect(self, handler: Callable[P, None]) -> None:
        if handler in self._handlers:
            self._handlers.remove(handler)

    def emit(self, *args: P.args, **kwargs: P.kwargs) -> None:
        if self._blocked:
            return
        # Copy so a handler may disconnect itself while we iterate.
        for handler in list(self._handlers):
            handler(*args, **kwargs)

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
        self.blocks_added: Event[[list[Block]]] = Event("blocks_added")
        self.blocks_removed: Event[[list[str]]] = Event("blocks_removed")  # ids
        self.blocks_moved: Event[[list[str]]] = Event("blocks_moved")  # ids
        self.blocks_changed: Event[[list[str]]] = Event("blocks_changed")  # ids; properties other than position
        self.hall_changed: Event[[str]] = Event("hall_changed")  # hall id
        self.halls_changed: Event[[]] = Event("halls_changed")  # halls added or removed
        self.site_changed: Event[[]] = Event("site_changed")
        self.assumptions_changed: Event[[]] = Event("assumptions_changed")
        self.modules_changed: Event[[]] = Event("modules_changed")
        self.connections_changed: Event[[list[str]]] = Event("connections_changed")  # connection ids added or removed
        self.underlay_changed: Event[[]] = Event("underlay_changed")  # the underlay reference or its alignment
        self.design_reset: Event[[]] = Event("design_reset")  # whole design replaced

    def all(self) -> list[Event[...]]:
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
