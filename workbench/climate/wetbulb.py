"""Wet bulb from dry bulb, dew point and pressure through psychrolib (ASHRAE Fundamentals 2017 ch. 1).

psychrolib solves one point at a time by bisection (about 60 µs a point). A year repeats the same
(dry bulb, dew point, pressure) readings often (files give 0.1 K and 100 Pa steps), so each distinct
reading is solved once; the answers are kept per file checksum in memory and in the user's cache folder,
so a site opened again costs only the parse.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import psychrolib  # type: ignore[import-untyped]
from numpy.typing import NDArray

from workbench.paths import user_data_dir

F = NDArray[np.float64]

psychrolib.SetUnitSystem(psychrolib.SI)
_MEMORY: dict[str, F] = {}


def wet_bulb_exact(db: float, dew: float, pressure_pa: float) -> float:
    """psychrolib's answer for one hour."""
    return float(psychrolib.GetTWetBulbFromTDewPoint(db, min(dew, db), pressure_pa))


def wet_bulb(db: F, dew: F, pressure_pa: F, key: str = "") -> F:
    """Wet bulb (°C) for every hour; `key` (the file's sha256) lets a second load reuse the answers."""
    n = len(db)
    if key and key in _MEMORY and len(_MEMORY[key]) == n:
        return _MEMORY[key]
    cached = _read_cache(key, n)
    if cached is not None:
        _MEMORY[key] = cached
        return cached
    readings = np.stack([np.asarray(db, float), np.minimum(dew, db), np.asarray(pressure_pa, float)], axis=1)
    distinct, inverse = np.unique(readings, axis=0, return_inverse=True)
    solved = np.fromiter((wet_bulb_exact(a, b, c) for a, b, c in distinct.tolist()), dtype=float,
                         count=len(distinct))
    wb: F = solved[inverse.reshape(-1)]
    if key:
        _MEMORY[key] = wb
        _write_cache(key, wb)
    return wb


def _cache_dir() -> Path:
    env = os.environ.get("WORKBENCH_CACHE_DIR")
    if env:
        return Path(env)
    return user_data_dir() / "cache" / "wet-bulb"


def _read_cache(key: str, n: int) -> F | None:
    if not key:
        return None
    folder = _cache_dir()
    try:
        data = np.load(folder / f"{key}.npy", allow_pickle=False)
    except (OSError, ValueError):
        return None
    return data.astype(float) if data.shape == (n,) and np.isfinite(data).all() else None


def _write_cache(key: str, wb: F) -> None:
    folder = _cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f"{key}.{os.getpid()}.tmp.npy"
        np.save(tmp, wb, allow_pickle=False)
        os.replace(tmp, folder / f"{key}.npy")
    except OSError:
        pass  # a read-only home only costs the next load its half second
