"""Built-in weather sites (resources/weather/sites.json) and resolving a design's weather reference to a year."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from workbench.calc.annual_inputs import WeatherYear
from workbench.climate.errors import WeatherError
from workbench.climate.load import load_weather
from workbench.paths import resources_dir

BUILTIN = "builtin:"
HOW_TO_GET_EPW = ("For a site not built in, download its EPW from climate.onebuilding.org (TMYx files for "
                  "thousands of stations) or the EnergyPlus weather page, then choose it here.")


@dataclass(frozen=True)
class Site:
    id: str
    name: dict[str, str]
    file: Path
    format: str
    sha256: str
    source: str
    licence: str

    @property
    def reference(self) -> str:
        return BUILTIN + self.id


def builtin_sites() -> list[Site]:
    folder = resources_dir() / "weather"
    doc = json.loads((folder / "sites.json").read_text(encoding="utf-8"))
    return [Site(s["id"], dict(s["name"]), folder / s["file"], s["format"], s["sha256"], s["source"], s["licence"])
            for s in doc["sites"]]


def resolve(reference: str, design_path: str | Path | None = None) -> Path:
    """The file a weather reference names: a built-in site, an absolute path, or a path beside the design."""
    if reference.startswith(BUILTIN):
        key = reference[len(BUILTIN):]
        for site in builtin_sites():
            if site.id == key:
                return site.file
        raise WeatherError(reference, "is not a built-in site (" + ", ".join(s.id for s in builtin_sites()) + ")")
    p = Path(reference).expanduser()
    if not p.is_absolute() and design_path is not None:
        beside = Path(design_path).resolve().parent / p
        if beside.exists():
            return beside
    return p


def weather_for(reference: str, design_path: str | Path | None = None, sha256: str = "") -> tuple[WeatherYear, str]:
    """The year a reference names, and a note when the file differs from the one recorded (else "")."""
    path = resolve(reference, design_path)
    if not path.exists():
        raise WeatherError(str(path), "is missing")
    year = load_weather(path)
    note = ""
    if sha256 and year.sha256 != sha256:
        note = (f"{path}: the file has changed since it was chosen (checksum {year.sha256[:12]}… where the design "
                f"recorded {sha256[:12]}…)")
    return year, note


def year_or_none(reference: str, design_path: str | Path | None = None, sha256: str = "") -> WeatherYear | None:
    """The year for a calculation that must not fail (reports): None when there is no usable file."""
    if not reference:
        return None
    try:
        return weather_for(reference, design_path, sha256)[0]
    except WeatherError:
        return None
