"""The array wet-bulb solver against psychrolib, point by point: a dense grid and every hour of real weather files."""

from __future__ import annotations

import csv
import importlib.metadata
from pathlib import Path

import numpy as np
import psychrolib
import pytest

from tests.climate.conftest import DENVER, GREENSBORO, WEATHER, lines_of, write
from workbench.climate.errors import WeatherError
from workbench.climate.load import load_weather
from workbench.climate.wetbulb import TOLERANCE_K, UnsolvableHour, wet_bulb

psychrolib.SetUnitSystem(psychrolib.SI)


def _psychrolib(db: np.ndarray, dew: np.ndarray, p: np.ndarray) -> np.ndarray:
    """psychrolib's answer for each distinct reading (files repeat readings; the grid does not)."""
    readings = np.stack([db, np.minimum(dew, db), p], axis=1)
    distinct, inverse = np.unique(readings, axis=0, return_inverse=True)
    solved = np.array([psychrolib.GetTWetBulbFromTDewPoint(a, b, c) for a, b, c in distinct.tolist()])
    return solved[inverse.reshape(-1)]


def _assert_agrees(db: np.ndarray, dew: np.ndarray, p: np.ndarray) -> None:
    ours, ref = wet_bulb(db, dew, p), _psychrolib(db, dew, p)
    dev = np.abs(ours - ref)
    worst = int(np.argmax(dev))
    # The contract is psychrolib's own tolerance; the same steps in the same order should also agree to rounding
    # almost everywhere (a last-digit difference can only flip a bisection step when the midpoint is the root).
    assert dev[worst] <= TOLERANCE_K, (db[worst], dew[worst], p[worst], ours[worst], ref[worst])
    assert np.mean(dev <= 1e-9) >= 0.999
    assert ((ours <= db + 1e-12) & (ours >= np.minimum(dew, db) - TOLERANCE_K)).all()


def _grid() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    db = np.arange(-40.0, 55.01, 1.0)
    # From saturation to very dry air, and dew points on both sides of the triple point (ice below 0.01 °C).
    below = np.array([0.0, 0.05, 0.3, 1.0, 2.5, 5.0, 9.0, 15.0, 25.0, 40.0])
    p = np.array([60000.0, 70000.0, 80000.0, 90000.0, 101325.0, 105000.0])
    d, b, pp = np.meshgrid(db, below, p, indexing="ij")
    return d.ravel(), (d - b).ravel(), pp.ravel()


def test_dense_grid_matches_psychrolib() -> None:
    _assert_agrees(*_grid())


def test_around_freezing_where_the_ice_and_water_equations_meet() -> None:
    # Dry bulbs and dew points straddling 0 °C (psychrometric equation) and 0.01 °C (saturation pressure).
    near = np.array([-0.5, -0.02, -0.01, -0.001, 0.0, 0.001, 0.005, 0.01, 0.011, 0.02, 0.5, 1.0, 2.0, 4.0])
    db, dew = np.meshgrid(near, near, indexing="ij")
    keep = dew <= db
    db, dew = db[keep], dew[keep]
    for p in (61000.0, 84000.0, 101325.0):
        _assert_agrees(db, dew, np.full(len(db), p))


def _raw_epw(path: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Dry bulb, dew point and pressure of the hours with all three present (EPW missing codes 99.9, 999999)."""
    rows = [line.split(",") for line in path.read_text(encoding="latin-1").splitlines()[8:] if line.strip()]
    data = np.asarray([[float(r[6]), float(r[7]), float(r[9])] for r in rows])
    ok = (data[:, 0] < 99.9) & (data[:, 1] < 99.9) & (data[:, 2] < 999999)
    return data[ok, 0], data[ok, 1], data[ok, 2]


def _raw_tmy3(path: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    cols = [rows[1].index(c) for c in ("Dry-bulb (C)", "Dew-point (C)", "Pressure (mbar)")]
    data = np.asarray([[float(r[c]) for c in cols] for r in rows[2:]])
    ok = (data != -9900).all(axis=1)
    return data[ok, 0], data[ok, 1], data[ok, 2] * 100.0


def _installed_epws() -> list[Path]:
    """EPW files that installed packages ship (pvlib, ochre, ladybug ... when present), found by their RECORDs."""
    found = []
    for dist in importlib.metadata.distributions():
        for f in dist.files or []:
            if f.suffix.lower() == ".epw":
                found.append(Path(str(f.locate())))
    return [p for p in found if p.is_file()]


REAL_FILES = sorted(WEATHER.glob("*.epw")) + sorted(WEATHER.glob("*.csv")) + sorted(WEATHER.glob("*.CSV"))


@pytest.mark.parametrize("path", REAL_FILES + _installed_epws(), ids=lambda p: p.name)
def test_every_hour_of_real_weather_files_matches_psychrolib(path: Path) -> None:
    db, dew, p = _raw_epw(path) if path.suffix.lower() == ".epw" else _raw_tmy3(path)
    assert len(db) > 8000
    _assert_agrees(db, dew, p)


def test_the_shipped_files_are_all_compared() -> None:
    assert {p.name for p in REAL_FILES} == {"703165TY.csv", "723170TYA.CSV", DENVER.name}


def test_loaded_year_carries_the_solved_wet_bulbs() -> None:
    w = load_weather(GREENSBORO)
    db, dew, p = _raw_tmy3(GREENSBORO)
    assert len(db) == 8760
    assert np.abs(w.wet_bulb_c - _psychrolib(db, dew, p)).max() <= TOLERANCE_K


def test_dew_point_above_dry_bulb_is_saturated_air() -> None:
    db = np.array([-20.0, 0.0, 25.0])
    got = wet_bulb(db, db + 3.0, np.full(3, 95000.0))
    assert np.abs(got - _psychrolib(db, db, np.full(3, 95000.0))).max() <= TOLERANCE_K
    assert np.abs(got - db).max() <= TOLERANCE_K


@pytest.mark.parametrize("column, name", [(0, "dry bulb"), (1, "dew point"), (2, "pressure")])
def test_a_value_that_is_not_finite_names_its_hour(column: int, name: str) -> None:
    values = [np.full(5, 20.0), np.full(5, 10.0), np.full(5, 100000.0)]
    values[column][3] = np.nan
    with pytest.raises(UnsolvableHour, match=name) as info:
        wet_bulb(*values)
    assert info.value.hour == 3


@pytest.mark.parametrize("field, name, text", [(6, "dry bulb", "nan"), (7, "dew point", "NaN"),
                                               (8, "relative humidity", "nan"), (9, "pressure", "inf")])
def test_nan_in_a_file_is_refused_with_file_and_line(tmp_path: Path, field: int, name: str, text: str) -> None:
    # float() reads these, and a NaN passes every range check; humidity never reaches the wet-bulb solver.
    lines = lines_of(DENVER)
    row = lines[100].split(",")
    row[field] = text
    lines[100] = ",".join(row)
    path = write(tmp_path, "nan.epw", lines)
    with pytest.raises(WeatherError, match=f"nan.epw, line 101: {name} is '{text}', not a finite number"):
        load_weather(path)


def test_missing_pressure_is_filled_before_solving(tmp_path: Path) -> None:
    lines = lines_of(GREENSBORO)
    k = lines[1].split(",").index("Pressure (mbar)")
    row = lines[500].split(",")
    row[k] = "-9900"
    lines[500] = ",".join(row)
    w = load_weather(write(tmp_path, "gap.csv", lines))
    hour = 498  # line 501 is the 499th record
    assert w.filled == {"pressure": 1}
    assert w.pressure_pa[hour] == pytest.approx((w.pressure_pa[hour - 1] + w.pressure_pa[hour + 1]) / 2)
    exact = psychrolib.GetTWetBulbFromTDewPoint(w.dry_bulb_c[hour], w.dew_point_c[hour], w.pressure_pa[hour])
    assert w.wet_bulb_c[hour] == pytest.approx(exact, abs=TOLERANCE_K)


def test_the_retired_wet_bulb_cache_is_removed_when_weather_is_next_loaded(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Earlier versions kept solved wet bulbs per file in the user's folder; nothing reads them any more."""
    from workbench.climate import load as weather_load
    from workbench.climate.sites import builtin_sites

    monkeypatch.setenv("WORKBENCH_USER_DIR", str(tmp_path))
    monkeypatch.setattr(weather_load, "_retired_checked", False)
    old = tmp_path.joinpath(*weather_load.RETIRED_CACHE)
    old.mkdir(parents=True)
    (old / "0f3a.npy").write_bytes(b"\x93NUMPY" + bytes(100))
    keep = tmp_path / "templates"
    keep.mkdir()
    weather_load.load_weather(builtin_sites()[0].file)
    assert not old.exists() and keep.exists() and (tmp_path / "cache").exists()
