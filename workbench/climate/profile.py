"""An imported hourly IT load profile: one value per hour of the year, as a fraction (0–1) or a percentage."""

from __future__ import annotations

import csv
import io
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024


class ProfileError(ValueError):
    """A profile file that cannot be used; names the file and line."""


def read_profile_csv(path: str | Path) -> list[float]:
    """8,760 or 8,784 values from the last column of each row (a header row is allowed).

    Values above 1 are read as percentages when none is above 100.
    """
    p = Path(path)
    try:
        if p.stat().st_size > MAX_BYTES:
            raise ProfileError(f"{path}: is {p.stat().st_size / 1e6:.1f} MB; an hourly profile is well under 1 MB")
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{path}: cannot be read ({exc})") from None
    values: list[float] = []
    for n, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [c.strip() for c in row if c.strip()]
        if not cells:
            continue
        try:
            value = float(cells[-1].rstrip("%"))
        except ValueError:
            if n == 1 and not values:
                continue  # a header
            raise ProfileError(f"{path}, line {n}: {cells[-1]!r} is not a number") from None
        if not 0.0 <= value <= 100.0 or value != value:
            raise ProfileError(f"{path}, line {n}: {cells[-1]} is outside 0–1 (or 0–100 %)")
        values.append(value)
    if len(values) not in (8760, 8784):
        raise ProfileError(f"{path}: {len(values):,} values where one per hour of the year (8,760 or 8,784) "
                           "is expected")
    if max(values) > 1.0:
        values = [v / 100.0 for v in values]
    return values
