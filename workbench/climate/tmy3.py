"""NREL TMY3 CSV: a line of site metadata, a line of column names, then 8,760 hourly records.

Layout and the missing-value code -9900 follow the NREL "Users Manual for TMY3 Data Sets" (NREL/TP-581-43156);
times are local standard time, hour ending 01:00 … 24:00, and a TMY3 year has no 29 February.
"""

from __future__ import annotations

import numpy as np

from workbench.calc.annual_inputs import WeatherYear
from workbench.climate.errors import WeatherError
from workbench.climate.records import check_calendar, check_count, fill_missing, numbers
from workbench.climate.wetbulb import wet_bulb

MISSING = -9900.0
# (column name, our name, valid low, valid high, scale to SI)
_COLUMNS = (
    ("Dry-bulb (C)", "dry bulb", -70.0, 70.0, 1.0),
    ("Dew-point (C)", "dew point", -70.0, 70.0, 1.0),
    ("RHum (%)", "relative humidity", 0.0, 110.0, 1.0),
    ("Pressure (mbar)", "pressure", 310.0, 1200.0, 100.0),
)


def read_tmy3(path: str, lines: list[str], sha256: str = "") -> WeatherYear:
    meta = [s.strip().strip('"') for s in lines[0].split(",")]
    if len(meta) != 7:
        raise WeatherError(path, f"the site line has {len(meta)} fields where TMY3 gives 7 "
                           "(station, name, state, time zone, latitude, longitude, elevation)", 1)
    tz, lat, lon, elev = (_meta_number(path, meta[i], name)
                          for i, name in ((3, "time zone"), (4, "latitude"), (5, "longitude"), (6, "elevation")))
    names = [s.strip() for s in lines[1].split(",")]
    where: dict[str, int] = {}
    for col in ("Date (MM/DD/YYYY)", "Time (HH:MM)") + tuple(c[0] for c in _COLUMNS):
        if col not in names:
            raise WeatherError(path, f"no column {col!r} in the column names", 2)
        where[col] = names.index(col)
    body = lines[2:]
    while body and not body[-1].strip():
        body.pop()
    check_count(path, len(body), 2 + len(body), leap_ok=False)
    rows = [line.split(",") for line in body]
    counts = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    wrong = np.flatnonzero(counts != len(names))
    if len(wrong):
        k = int(wrong[0])
        raise WeatherError(path, f"record has {counts[k]} fields where the column line names {len(names)}", 3 + k)
    first = 3
    date = [r[where["Date (MM/DD/YYYY)"]] for r in rows]
    time = [r[where["Time (HH:MM)"]] for r in rows]
    month = numbers(path, [d[0:2] for d in date], "month", first).astype(np.int64)
    day = numbers(path, [d[3:5] for d in date], "day", first).astype(np.int64)
    hour = numbers(path, [t.split(":")[0] for t in time], "hour", first).astype(np.int64) - 1
    check_calendar(path, month, day, hour, first)
    out = {}
    filled = {}
    for col, name, lo, hi, scale in _COLUMNS:
        v = numbers(path, [r[where[col]] for r in rows], name, first)
        bad = (v == MISSING) | (v < lo) | (v > hi)
        got, filled[name] = fill_missing(path, v, bad, name)
        out[name] = got * scale
    db, dew = out["dry bulb"], np.minimum(out["dew point"], out["dry bulb"])
    return WeatherYear(
        month=month, day=day, hour=hour, dry_bulb_c=db, dew_point_c=dew, rh_pct=out["relative humidity"],
        pressure_pa=out["pressure"], wet_bulb_c=wet_bulb(db, dew, out["pressure"], sha256),
        station=meta[0], location=", ".join(s for s in (meta[1].title(), meta[2]) if s), latitude=lat,
        longitude=lon, time_zone_h=tz, elevation_m=elev, file_format="TMY3", source=path, sha256=sha256,
        filled={k: v for k, v in filled.items() if v},
    )


def _meta_number(path: str, text: str, name: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise WeatherError(path, f"site {name} is {text!r}, not a number", 1) from None
    if not np.isfinite(value):
        raise WeatherError(path, f"site {name} is {text!r}, not a finite number", 1)
    return value
