"""Shared steps of the two readers: numeric columns with line numbers, missing-value filling, the hourly calendar."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from workbench.climate.errors import WeatherError

F = NDArray[np.float64]
I = NDArray[np.int64]

_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def calendar(hours: int) -> tuple[I, I, I]:
    """(month, day, hour 0..23) of every hour of a 365- or 366-day year."""
    days = list(_DAYS)
    if hours == 8784:
        days[1] = 29
    month = np.repeat(np.arange(1, 13), np.asarray(days) * 24)
    day = np.concatenate([np.repeat(np.arange(1, d + 1), 24) for d in days])
    hour = np.tile(np.arange(24), sum(days))
    return month.astype(np.int64), day.astype(np.int64), hour.astype(np.int64)


def numbers(path: str, column: list[str], name: str, first_line: int) -> F:
    """A column of text as floats; text that is not a finite number is refused with its line number.

    Python reads 'nan' and 'inf' as numbers, and a NaN passes every range check (each comparison is false),
    so they are refused here rather than travelling silently into the year (a NaN humidity would).
    """
    try:
        values = np.asarray(column, dtype=float)
        finite = np.isfinite(values)
        if not finite.all():
            k = int(np.argmin(finite))
            raise WeatherError(path, f"{name} is {column[k].strip()!r}, not a finite number", first_line + k)
        return values
    except ValueError:
        for k, text in enumerate(column):
            try:
                float(text)
            except ValueError:
                raise WeatherError(path, f"{name} is {text.strip()!r}, not a number", first_line + k) from None
        raise


def fill_missing(path: str, values: F, bad: NDArray[np.bool_], name: str) -> tuple[F, int]:
    """Coded-missing or out-of-range values taken linearly from the nearest good hours on either side.

    EnergyPlus substitutes missing weather values too (Auxiliary Programs, "Missing Data"); a field missing in
    more than half of the year is refused rather than invented.
    """
    count = int(bad.sum())
    if count == 0:
        return values, 0
    if count * 2 > len(values):
        raise WeatherError(path, f"{name} is missing in {count:,} of {len(values):,} hours")
    idx = np.arange(len(values))
    good = ~bad
    out = values.copy()
    out[bad] = np.interp(idx[bad], idx[good], values[good])
    return out, count


def check_calendar(path: str, month: I, day: I, hour: I, first_line: int) -> None:
    """Every record must be the next hour of the year: a skipped, repeated or sub-hourly record is refused."""
    em, ed, eh = calendar(len(month))
    wrong = np.flatnonzero((month != em) | (day != ed) | (hour != eh))
    if len(wrong):
        k = int(wrong[0])
        raise WeatherError(
            path, f"record is month {month[k]}, day {day[k]}, hour {hour[k] + 1} where the next hour of the year "
            f"is month {em[k]}, day {ed[k]}, hour {eh[k] + 1} (records must be hourly and in order)", first_line + k)


def check_count(path: str, n: int, last_line: int, leap_ok: bool = True) -> None:
    expected = "8,760 (or 8,784 in a leap year)" if leap_ok else "8,760"
    if n in (8760, 8784) and (leap_ok or n == 8760):
        return
    if n < 8760:
        raise WeatherError(path, f"the file ends after {n:,} hourly records where {expected} are expected "
                           "(truncated?)", last_line)
    if n % 8760 == 0 or n % 8784 == 0:
        per = n // 8760 if n % 8760 == 0 else n // 8784
        raise WeatherError(path, f"{n:,} records: {per} per hour; only hourly files are read "
                           f"({expected} records)", last_line)
    raise WeatherError(path, f"{n:,} records where {expected} hourly records are expected", last_line)
