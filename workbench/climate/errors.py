"""The one error a weather file can raise: a sentence naming the file and, where there is one, the line."""

from __future__ import annotations


class WeatherError(ValueError):
    """A weather file that cannot be used; the message names the file and line so the user can fix it."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = f"{path}, line {line}" if line is not None else path
        super().__init__(f"{where}: {message}")
