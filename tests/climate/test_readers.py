"""EPW and TMY3 readers on real files written by NREL and EnergyPlus, and on damaged copies of them."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import numpy as np
import psychrolib
import pytest

from tests.climate.conftest import DENVER, GREENSBORO, SAND_POINT, WEATHER, lines_of, write
from workbench.calc.annual_inputs import design_conditions
from workbench.climate.errors import WeatherError
from workbench.climate.load import load_weather
from workbench.climate.sites import builtin_sites

psychrolib.SetUnitSystem(psychrolib.SI)


def test_builtin_sites_are_the_files_their_index_names() -> None:
    sites = builtin_sites()
    assert [s.id for s in sites] == ["sand-point-ak", "denver-co", "greensboro-nc"]
    for s in sites:
        assert hashlib.sha256(s.file.read_bytes()).hexdigest() == s.sha256
        assert s.source and s.licence and s.name["zh"]
    assert "BSD" in (WEATHER / "LICENSE-ochre-nrel.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("path, fmt, tz, elev, lat", [
    (SAND_POINT, "TMY3", -9.0, 7.0, 55.317), (GREENSBORO, "TMY3", -5.0, 273.0, 36.1),
    (DENVER, "EPW", -7.0, 1650.0, 39.83)])
def test_header_gives_site_and_time_zone(path: Path, fmt: str, tz: float, elev: float, lat: float) -> None:
    w = load_weather(path)
    assert (w.file_format, w.time_zone_h, w.elevation_m, w.latitude) == (fmt, tz, elev, lat)
    assert w.hours == 8760 and not w.leap
    assert w.hour[0] == 0 and w.hour[23] == 23 and w.month[-1] == 12 and w.day[-1] == 31
    assert w.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def _raw_tmy3(path: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Dry bulb, dew point and pressure read with the csv module, independently of the reader."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    head = rows[1]
    cols = [head.index(c) for c in ("Dry-bulb (C)", "Dew-point (C)", "Pressure (mbar)")]
    data = np.asarray([[float(r[c]) for c in cols] for r in rows[2:]])
    return data[:, 0], data[:, 1], data[:, 2] * 100.0


def test_tmy3_columns_and_wet_bulb_match_an_independent_read_and_psychrolib() -> None:
    w = load_weather(GREENSBORO)
    db, dew, p = _raw_tmy3(GREENSBORO)
    assert np.array_equal(w.dry_bulb_c, db) and np.array_equal(w.pressure_pa, p)
    for k in range(0, 8760, 97):
        exact = psychrolib.GetTWetBulbFromTDewPoint(db[k], min(dew[k], db[k]), p[k])
        assert w.wet_bulb_c[k] == pytest.approx(exact, abs=1e-9)
    assert (w.wet_bulb_c <= w.dry_bulb_c + 1e-9).all() and (w.wet_bulb_c >= w.dew_point_c - 1e-9).all()


def test_epw_fields_match_the_text() -> None:
    w = load_weather(DENVER)
    rows = [line.split(",") for line in lines_of(DENVER)[8:]]
    assert np.array_equal(w.dry_bulb_c, [float(r[6]) for r in rows])
    assert np.array_equal(w.pressure_pa, [float(r[9]) for r in rows])
    assert w.location == "Denver Intl Ap, CO, USA"


def test_design_conditions_against_the_hours_and_the_ashrae_header() -> None:
    w = load_weather(DENVER)
    dc = design_conditions(w)
    # 0.4 % of 8,760 hours is 35 hours above the cooling dry bulb.
    assert int((w.dry_bulb_c > dc.cooling_db_c).sum()) <= 35
    assert int((w.dry_bulb_c >= dc.cooling_db_c).sum()) >= 35
    assert int((w.dry_bulb_c < dc.heating_db_c).sum()) <= 35
    # The file's own header quotes ASHRAE 2009's long-term 0.4 % cooling dry bulb for Denver: 34.6 °C.
    header = lines_of(DENVER)[1].split(",")
    assert header[header.index("Cooling") + 3] == "34.6"
    assert dc.cooling_db_c == pytest.approx(34.6, abs=1.0)
    jan = w.month == 1
    assert dc.monthly_db_c[0] == pytest.approx(float(w.dry_bulb_c[jan].mean()))
    assert dc.monthly_wb_c[6] == pytest.approx(float(w.wet_bulb_c[w.month == 7].mean()))


def test_missing_codes_are_filled_from_neighbours(tmp_path: Path) -> None:
    lines = lines_of(DENVER)
    f = lines[8 + 100].split(",")
    before, after = float(lines[8 + 99].split(",")[6]), float(lines[8 + 101].split(",")[6])
    f[6], f[9] = "99.9", "999999"
    lines[8 + 100] = ",".join(f)
    w = load_weather(write(tmp_path, "gap.epw", lines))
    assert w.filled == {"dry bulb": 1, "pressure": 1}
    assert w.dry_bulb_c[100] == pytest.approx((before + after) / 2)
    t = lines_of(GREENSBORO)
    g = t[2 + 10].split(",")
    g[31] = "-9900"
    t[2 + 10] = ",".join(g)
    assert load_weather(write(tmp_path, "gap.csv", t)).filled == {"dry bulb": 1}


def test_leap_year_epw_has_8784_hours(tmp_path: Path) -> None:
    lines = lines_of(DENVER)
    feb28 = 8 + (31 + 27) * 24
    extra = [",".join([r.split(",")[0], "2", "29"] + r.split(",")[3:]) for r in lines[feb28:feb28 + 24]]
    w = load_weather(write(tmp_path, "leap.epw", lines[:feb28 + 24] + extra + lines[feb28 + 24:]))
    assert w.hours == 8784 and w.leap
    assert int(((w.month == 2) & (w.day == 29)).sum()) == 24
    assert design_conditions(w).monthly_db_c[1] == pytest.approx(float(w.dry_bulb_c[w.month == 2].mean()))


def _damage(tmp: Path, how: str) -> Path:
    lines = lines_of(DENVER)
    if how == "truncated":
        return write(tmp, "t.epw", lines[:5008])
    if how == "fields":
        lines[300] = ",".join(lines[300].split(",")[:20])
        return write(tmp, "f.epw", lines)
    if how == "text":
        f = lines[400].split(",")
        f[7] = "n/a"
        lines[400] = ",".join(f)
        return write(tmp, "x.epw", lines)
    if how == "order":
        lines[1000], lines[1001] = lines[1001], lines[1000]
        return write(tmp, "o.epw", lines)
    if how == "subhourly":
        body = [r for r in lines[8:] for _ in range(4)]
        lines[7] = "DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31"
        return write(tmp, "s.epw", lines[:8] + body)
    if how == "design":
        p = tmp / "d.epw"
        p.write_text(json.dumps({"format": "datahall-design"}), encoding="utf-8")
        return p
    if how == "binary":
        p = tmp / "b.epw"
        p.write_bytes(b"%PDF-1.4\n\x00\x01\x02" * 10)
        return p
    if how == "huge":
        p = tmp / "huge.epw"
        with open(p, "wb") as f:
            f.truncate(200 * 1024 * 1024)  # sparse: 200 MB without writing them
        return p
    raise AssertionError(how)


@pytest.mark.parametrize("how, words, line", [
    ("truncated", "ends after 5,000 hourly records", 5008),
    ("fields", "has 20 fields where an EPW record has 35", 301),
    ("text", "dew point is 'n/a', not a number", 401),
    ("order", "records must be hourly and in order", 1001),
    ("subhourly", "4 per hour; only hourly files are read", 35048),
    ("design", "neither an EPW", 1),
    ("binary", "binary file", 1),
    ("huge", "209.7 MB", None),
])
def test_bad_files_get_a_message_naming_the_line(tmp_path: Path, how: str, words: str, line: int | None) -> None:
    path = _damage(tmp_path, how)
    with pytest.raises(WeatherError) as info:
        load_weather(path)
    assert words in str(info.value)
    assert info.value.line == line
    assert str(path) in str(info.value)
    if line is not None:
        assert f"line {line}:" in str(info.value)
