"""Keeps the document's calculator on the design's weather year: loads it when the reference changes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from workbench.calc.annual_inputs import WeatherYear
from workbench.climate.errors import WeatherError
from workbench.climate.sites import weather_for


class SiteWeather(QObject):
    """The loaded year, or why there is none; the design itself is never changed by a failed load."""

    changed = Signal()

    def __init__(self, document: QObject) -> None:
        super().__init__(document)
        self.document = document
        self.year: WeatherYear | None = None
        self.problem = ""  # the file is missing or unreadable: the sentence saying so
        self.note = ""  # loaded, but the file changed since it was chosen
        self._ref: tuple[str, str, str] | None = None
        self._events: object = None
        document.design_replaced.connect(self._on_design_replaced)  # type: ignore[attr-defined]
        self._on_design_replaced()

    def _on_design_replaced(self) -> None:
        events = self.document.design.events  # type: ignore[attr-defined]
        if self._events is not None:
            self._events.site_changed.disconnect(self.refresh)  # type: ignore[attr-defined]
        events.site_changed.connect(self.refresh)
        self._events = events
        self._ref = None
        self.refresh()

    def refresh(self, force: bool = False) -> None:
        """Load the year the design refers to, unless it is the one already loaded."""
        c = self.document.design.climate  # type: ignore[attr-defined]
        path = self.document.path  # type: ignore[attr-defined]
        ref = (c.weather_path, c.weather_sha256, str(path or ""))
        if ref == self._ref and not force:
            return
        self._ref = ref
        self.year, self.problem, self.note = None, "", ""
        if c.weather_path:
            try:
                self.year, self.note = weather_for(c.weather_path, path, c.weather_sha256)
            except WeatherError as exc:
                self.problem = str(exc)
        self.document.calculator.weather = self.year  # type: ignore[attr-defined]
        self.document.request_recalc(full=True)  # type: ignore[attr-defined]
        self.changed.emit()
