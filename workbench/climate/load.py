"""Open a weather file of either format: size limit, checksum, format detection, then the format's reader."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from workbench.calc.annual_inputs import WeatherYear
from workbench.climate.epw import HEADER_LINES as EPW_HEADER_LINES
from workbench.climate.epw import read_epw
from workbench.climate.errors import WeatherError
from workbench.climate.tmy3 import read_tmy3
from workbench.climate.wetbulb import UnsolvableHour
from workbench.paths import user_data_dir

# A year of hourly EPW is about 1.6 MB and TMY3 about 1.7 MB; anything far larger is not one year of hours.
MAX_BYTES = 20 * 1024 * 1024


def sha256_of(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


RETIRED_CACHE = ("cache", "wet-bulb")  # per-file wet-bulb answers of the second wave, no longer read
_retired_checked = False


def remove_retired_cache() -> None:
    """Delete the wet-bulb cache earlier versions kept in the user's folder (the year is now solved in ~12 ms);
    once per process, and quietly: a folder that cannot be removed costs nothing but its disk space."""
    global _retired_checked
    if not _retired_checked:
        _retired_checked = True
        shutil.rmtree(user_data_dir().joinpath(*RETIRED_CACHE), ignore_errors=True)


def load_weather(path: str | Path) -> WeatherYear:
    """Read an EPW or NREL TMY3 CSV; any problem raises WeatherError naming the file and line."""
    remove_retired_cache()
    p = Path(path)
    name = str(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise WeatherError(name, f"cannot be opened ({exc.strerror or exc})") from None
    if size > MAX_BYTES:
        raise WeatherError(name, f"is {size / 1e6:.1f} MB; a year of hourly weather is about 2 MB "
                           f"(at most {MAX_BYTES // (1024 * 1024)} MB is read)")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise WeatherError(name, f"cannot be read ({exc.strerror or exc})") from None
    digest = hashlib.sha256(data).hexdigest()
    if b"\x00" in data[:4096]:
        raise WeatherError(name, "is a binary file, not an EPW or NREL TMY3 text file", 1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # older EPW station names are Latin-1
    lines = text.splitlines()
    if not lines:
        raise WeatherError(name, "is empty")
    if lines[0].upper().startswith("LOCATION"):
        reader, first_record = read_epw, EPW_HEADER_LINES + 1
    elif len(lines) > 1 and lines[1].startswith("Date (MM/DD/YYYY)"):
        reader, first_record = read_tmy3, 3  # after the site line and the column names
    else:
        raise WeatherError(name, f"is neither an EPW (first line 'LOCATION,…') nor an NREL TMY3 CSV (second line "
                           f"'Date (MM/DD/YYYY),…'); line 1 starts {lines[0][:40]!r}", 1)
    try:
        return reader(name, lines, digest)
    except UnsolvableHour as exc:
        # The text 'nan' parses as a number and passes the range checks; no wet bulb can be solved from it.
        raise WeatherError(name, str(exc), first_record + exc.hour) from None
