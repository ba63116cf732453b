"""User preferences, recent files and window layout, kept in QSettings behind typed accessors."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "datahall-workbench"
APPLICATION = "Data Hall Workbench"
MAX_RECENT = 10
DEFAULT_GRID_MM = 600.0  # one raised-floor tile; the grid step is a preference the user can change


class Settings:
    """Typed access to QSettings; pass an ini path (tests) to keep away from the user's settings."""

    def __init__(self, ini_path: str | Path | None = None) -> None:
        if ini_path is not None:
            self.qsettings = QSettings(str(ini_path), QSettings.Format.IniFormat)
        else:
            self.qsettings = QSettings(ORGANISATION, APPLICATION)

    # --- preferences ---------------------------------------------------------------------
    def _bool(self, key: str, default: bool) -> bool:
        value = self.qsettings.value(key, default)
        if isinstance(value, str):
            return value.lower() in ("1", "true", "yes")
        return bool(value)

    def _float(self, key: str, default: float) -> float:
        try:
            value = float(self.qsettings.value(key, default))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return default
        return value if value > 0 else default

    @property
    def theme(self) -> str:
        value = str(self.qsettings.value("view/theme", "light"))
        return value if value in ("light", "dark") else "light"

    @theme.setter
    def theme(self, value: str) -> None:
        self.qsettings.setValue("view/theme", value)

    @property
    def imperial(self) -> bool:
        return self._bool("view/imperial", False)

    @imperial.setter
    def imperial(self, value: bool) -> None:
        self.qsettings.setValue("view/imperial", bool(value))

    @property
    def snap(self) -> bool:
        return self._bool("edit/snap", True)

    @snap.setter
    def snap(self, value: bool) -> None:
        self.qsettings.setValue("edit/snap", bool(value))

    @property
    def grid_visible(self) -> bool:
        return self._bool("view/grid", True)

    @grid_visible.setter
    def grid_visible(self, value: bool) -> None:
        self.qsettings.setValue("view/grid", bool(value))

    @property
    def grid_mm(self) -> float:
        return self._float("edit/grid_mm", DEFAULT_GRID_MM)

    @grid_mm.setter
    def grid_mm(self, value: float) -> None:
        self.qsettings.setValue("edit/grid_mm", float(value))

    # --- recent files --------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self.qsettings.value("files/recent", [])
        if isinstance(value, str):
            value = [value] if value else []
        # One entry per file: a path saved twice under other spellings (relative, via a link) counts once.
        out: list[str] = []
        seen: set[str] = set()
        for v in value or []:
            key = str(Path(str(v)).resolve()) if str(v) else ""
            if key and key not in seen:
                seen.add(key)
                out.append(str(v))
        return out[:MAX_RECENT]

    def add_recent_file(self, path: str | Path) -> None:
        p = str(Path(path).resolve())
        files = [f for f in self.recent_files() if f != p]
        self.qsettings.setValue("files/recent", [p, *files][:MAX_RECENT])

    def remove_recent_file(self, path: str) -> None:
        self.qsettings.setValue("files/recent", [f for f in self.recent_files() if f != path])

    def clear_recent_files(self) -> None:
        self.qsettings.setValue("files/recent", [])

    # --- window layout -------------------------------------------------------------------
    def window_geometry(self) -> QByteArray | None:
        value = self.qsettings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self.qsettings.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.qsettings.setValue("window/geometry", geometry)
        self.qsettings.setValue("window/state", state)

    def sync(self) -> None:
        self.qsettings.sync()
