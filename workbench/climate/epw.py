"""EnergyPlus weather (EPW): eight header lines, then one comma-separated record of 35 fields per hour.

Field numbers, missing codes and valid ranges follow the EnergyPlus "Auxiliary Programs" manual, section
"Weather Converter Program" → "EnergyPlus Weather File (EPW) Data Dictionary".
"""

from __future__ import annotations

import numpy as np

from workbench.calc.annual_inputs import WeatherYear
from workbench.climate.errors import WeatherError
from workbench.climate.records import check_calendar, check_count, fill_missing, numbers
from workbench.climate.wetbulb import wet_bulb

HEADER_LINES = 8
FIELDS = 35
_HEADERS = ("LOCATION", "DESIGN CONDITIONS", "TYPICAL/EXTREME PERIODS", "GROUND TEMPERATURES",
            "HOLIDAYS/DAYLIGHT SAVINGS", "COMMENTS 1", "COMMENTS 2", "DATA PERIODS")
# (field index, name, missing code: values at or above it are missing, valid low, valid high)
_COLUMNS = (
    (6, "dry bulb", 99.9, -70.0, 70.0),
    (7, "dew point", 99.9, -70.0, 70.0),
    (8, "relative humidity", 999.0, 0.0, 110.0),
    (9, "pressure", 999999.0, 31000.0, 120000.0),
)


def read_epw(path: str, lines: list[str], sha256: str = "") -> WeatherYear:
    if len(lines) < HEADER_LINES + 1:
        raise WeatherError(path, f"only {len(lines)} lines; an EPW has {HEADER_LINES} header lines and then "
                           "one record per hour", len(lines) or None)
    for k, key in enumerate(_HEADERS):
        if not lines[k].upper().startswith(key):
            raise WeatherError(path, f"header line should start with {key!r}, found {lines[k][:30]!r}", k + 1)
    loc = [s.strip() for s in lines[0].split(",")]
    if len(loc) < 10:
        raise WeatherError(path, f"LOCATION has {len(loc) - 1} fields where 9 are expected", 1)
    lat, lon, tz, elev = (_header_number(path, loc[i], name, 1)
                          for i, name in ((6, "latitude"), (7, "longitude"), (8, "time zone"), (9, "elevation")))
    periods = [s.strip() for s in lines[7].split(",")]
    if len(periods) > 2 and periods[2] not in ("", "1"):
        raise WeatherError(path, f"DATA PERIODS gives {periods[2]} records per hour; only hourly files are read", 8)
    body = lines[HEADER_LINES:]
    while body and not body[-1].strip():
        body.pop()
    check_count(path, len(body), HEADER_LINES + len(body))
    rows = [line.split(",") for line in body]
    counts = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    wrong = np.flatnonzero(counts != FIELDS)
    if len(wrong):
        k = int(wrong[0])
        raise WeatherError(path, f"record has {counts[k]} fields where an EPW record has {FIELDS}",
                           HEADER_LINES + 1 + k)
    first = HEADER_LINES + 1
    cols = list(zip(*(r[:10] for r in rows)))
    month = numbers(path, list(cols[1]), "month", first).astype(np.int64)
    day = numbers(path, list(cols[2]), "day", first).astype(np.int64)
    hour = numbers(path, list(cols[3]), "hour", first).astype(np.int64) - 1
    check_calendar(path, month, day, hour, first)
    out = {}
    filled = {}
    for idx, name, code, lo, hi in _COLUMNS:
        v = numbers(path, list(cols[idx]), name, first)
        bad = (v >= code) | (v < lo) | (v > hi)
        out[name], filled[name] = fill_missing(path, v, bad, name)
    db, dew = out["dry bulb"], np.minimum(out["dew point"], out["dry bulb"])
    return WeatherYear(
        month=month, day=day, hour=hour, dry_bulb_c=db, dew_point_c=dew, rh_pct=out["relative humidity"],
        pressure_pa=out["pressure"], wet_bulb_c=wet_bulb(db, dew, out["pressure"], sha256),
        station=loc[5], location=", ".join(s for s in loc[1:4] if s and s != "-"), latitude=lat, longitude=lon,
        time_zone_h=tz, elevation_m=elev, file_format="EPW", source=path, sha256=sha256,
        filled={k: v for k, v in filled.items() if v},
    )


def _header_number(path: str, text: str, name: str, line: int) -> float:
    try:
        value = float(text)
    except ValueError:
        raise WeatherError(path, f"LOCATION {name} is {text!r}, not a number", line) from None
    if not np.isfinite(value):
        raise WeatherError(path, f"LOCATION {name} is {text!r}, not a finite number", line)
    return value
