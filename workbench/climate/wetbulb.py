"""Wet bulb for every hour of a weather year at once: psychrolib's algorithm (ASHRAE Fundamentals 2017 ch. 1) in numpy.

psychrolib 2.5 (`GetTWetBulbFromTDewPoint`, SI) solves one point at a time in Python, about 60 µs a point, which
made the first open of a file take 0.3–0.5 s. The same steps run here on whole arrays, with the same equations,
coefficients, evaluation order, bounds and stopping rules: humidity ratio from the dew point (eqns 5/6 and 20),
the dew point recovered from it by Newton–Raphson on ln pws (as psychrolib does, so the bisection starts from the
same bracket), then bisection on the psychrometric equation (eqn 33 over water, 35 over ice) between that dew
point and the dry bulb until the bracket is within 0.001 K. Each hour stops at the iteration psychrolib would stop
at, so the answers agree with psychrolib's to rounding (tests/climate/test_wetbulb.py compares them on a grid and
on every hour of every weather file at hand). A year takes about 10 ms, less than reading a cache would save,
so nothing is cached.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

F = NDArray[np.float64]

# --- Figures, all from ASHRAE Handbook Fundamentals 2017 ch. 1 as psychrolib 2.5 (MIT) codes them -------------
ZERO_C_K = 273.15  # section 3
# Eqn 5, saturation pressure over ice, ln pws = C1/T + C2 + C3 T + C4 T² + C5 T³ + C6 T⁴ + C7 ln T (T in K, pws in
# Pa). psychrolib uses it up to the triple point rather than 0 °C so the two curves meet (see GetSatVapPres).
ICE_C1_C7 = (-5.6745359e03, 6.3925247, -9.677843e-03, 6.2215701e-07, 2.0747825e-09, -9.484024e-13, 4.1635019)
# Eqn 6, over liquid water, ln pws = C8/T + C9 + C10 T + C11 T² + C12 T³ + C13 ln T.
WATER_C8_C13 = (-5.8002206e03, 1.3914993, -4.8640239e-02, 4.1764768e-05, -1.4452093e-08, 6.5459673)
TRIPLE_POINT_C = 0.01  # the switch between eqn 5 and eqn 6
FREEZING_POINT_C = 0.0  # the switch between the water and ice forms of the psychrometric equation
MW_RATIO = 0.621945  # eqn 20: W = 0.621945 pw / (p − pw), ratio of molar masses of water and dry air
# Eqn 33 (wet bulb at or above freezing): W = ((a − b t*) Ws* − c (t − t*)) / (a + d t − e t*), with a in kJ/kg
# and b…e in kJ/(kg K)
WET_WATER = (2501.0, 2.326, 1.006, 1.86, 4.186)
# Eqn 35 (wet bulb below freezing, an ice-covered bulb), same form
WET_ICE = (2830.0, 0.24, 1.006, 1.86, 2.1)
# psychrolib's numerical settings (SetUnitSystem(SI), MIN_HUM_RATIO, MAX_ITER_COUNT, GetTDewPointFromVapPres)
TOLERANCE_K = 0.001
MIN_HUM_RATIO = 1e-7
MAX_ITER = 100
DEW_BOUNDS_C = (-100.0, 200.0)  # where eqns 5 and 6 are valid; psychrolib refuses temperatures outside them


class UnsolvableHour(ValueError):
    """An hour whose wet bulb cannot be solved (a value that is not a finite number); `hour` counts from 0."""

    def __init__(self, hour: int, message: str) -> None:
        self.hour = hour
        super().__init__(message)


def wet_bulb(db: F, dew: F, pressure_pa: F, key: str = "") -> F:
    """Wet bulb (°C) of every hour from dry bulb and dew point (°C) and pressure (Pa); dew is capped at dry bulb.

    `key` (the file's checksum) is accepted for the readers' sake and unused: solving is cheaper than a cache.
    """
    del key
    t = np.asarray(db, dtype=np.float64)
    p = np.asarray(pressure_pa, dtype=np.float64)
    td = np.minimum(np.asarray(dew, dtype=np.float64), t)
    _refuse_unusable(t, td, p)
    w = np.maximum(_hum_ratio(_sat_pressure(td), p), MIN_HUM_RATIO)  # GetHumRatioFromTDewPoint
    vap = p * w / (MW_RATIO + w)  # GetVapPresFromHumRatio
    low = np.minimum(_dew_point(t, vap), t)  # GetTDewPointFromVapPres: the bracket's lower end
    return _bisect(t, w, p, low)


def _refuse_unusable(t: F, td: F, p: F) -> None:
    # psychrolib stops with "Convergence not reached" on NaN; say which value of which hour instead.
    for values, name in ((t, "dry bulb"), (td, "dew point"), (p, "pressure")):
        bad = np.flatnonzero(~np.isfinite(values))
        if len(bad):
            k = int(bad[0])
            raise UnsolvableHour(k, f"{name} is {values[k]}, not a finite number")
    lo, hi = DEW_BOUNDS_C
    outside = np.flatnonzero((td < lo) | (t > hi))
    if len(outside):
        k = int(outside[0])
        raise UnsolvableHour(k, f"dry bulb {t[k]} °C or dew point {td[k]} °C is outside {lo:g}…{hi:g} °C, "
                             "where ASHRAE's saturation-pressure equations hold")


def _ln_sat_pressure(t_c: F) -> F:
    """ln pws (Pa) over ice up to the triple point, over water above (eqns 5 and 6), psychrolib's order of terms."""
    tk = t_c + ZERO_C_K
    ln_t = np.log(tk)
    t2, t3 = tk**2, tk**3
    a1, a2, a3, a4, a5, a6, a7 = ICE_C1_C7
    b1, b2, b3, b4, b5, b6 = WATER_C8_C13
    ice = a1 / tk + a2 + a3 * tk + a4 * t2 + a5 * t3 + a6 * tk**4 + a7 * ln_t
    water = b1 / tk + b2 + b3 * tk + b4 * t2 + b5 * t3 + b6 * ln_t
    out: F = np.where(t_c <= TRIPLE_POINT_C, ice, water)
    return out


def _sat_pressure(t_c: F) -> F:
    out: F = np.exp(_ln_sat_pressure(t_c))
    return out


def _d_ln_sat_pressure(t_c: F) -> F:
    """d(ln pws)/dT, analytically, as psychrolib's dLnPws_."""
    tk = t_c + ZERO_C_K
    t2 = tk**2
    a1, _, a3, a4, a5, a6, a7 = ICE_C1_C7
    b1, _, b3, b4, b5, b6 = WATER_C8_C13
    ice = -a1 / t2 + a3 + 2 * a4 * tk + 3 * a5 * t2 + 4 * a6 * tk**3 + a7 / tk
    water = -b1 / t2 + b3 + 2 * b4 * tk + 3 * b5 * t2 + b6 / tk
    out: F = np.where(t_c <= TRIPLE_POINT_C, ice, water)
    return out


def _hum_ratio(vap_pa: F, p: F) -> F:
    out: F = MW_RATIO * vap_pa / (p - vap_pa)
    return out


def _dew_point(t: F, vap: F) -> F:
    """Newton–Raphson on ln pws from the dry bulb, each hour until its step is within the tolerance."""
    lo, hi = DEW_BOUNDS_C
    outside = np.flatnonzero((vap < _sat_pressure(np.array(lo))) | (vap > _sat_pressure(np.array(hi))))
    if len(outside):
        k = int(outside[0])
        raise UnsolvableHour(k, f"vapour pressure {vap[k]:.4g} Pa is outside saturation at {lo:g}…{hi:g} °C")
    ln_vp = np.log(vap)
    x = t.copy()  # psychrolib's first guess
    todo = np.arange(len(x))
    for _ in range(MAX_ITER + 1):  # psychrolib gives up after its 101st step
        if not len(todo):
            return x
        old = x[todo]
        # ln(exp(·)) rather than the logarithm itself: psychrolib takes the log of GetSatVapPres.
        new = old - (np.log(_sat_pressure(old)) - ln_vp[todo]) / _d_ln_sat_pressure(old)
        x[todo] = np.minimum(np.maximum(new, lo), hi)
        todo = todo[np.abs(x[todo] - old) > TOLERANCE_K]
    if not len(todo):
        return x
    raise UnsolvableHour(int(todo[0]), "the dew point did not converge")


def _bisect(t: F, w: F, p: F, low: F) -> F:
    """Bisection on the psychrometric equation between `low` and the dry bulb, psychrolib's stopping rule."""
    sup, inf = t.copy(), low.copy()
    guess = (inf + sup) / 2
    todo = np.flatnonzero(sup - inf > TOLERANCE_K)
    for _ in range(MAX_ITER):
        if not len(todo):
            return guess
        mid = guess[todo]
        above = _hum_ratio_from_wet_bulb(t[todo], mid, p[todo]) > w[todo]
        s, i = np.where(above, mid, sup[todo]), np.where(above, inf[todo], mid)
        sup[todo], inf[todo], guess[todo] = s, i, (s + i) / 2
        todo = todo[s - i > TOLERANCE_K]
    if not len(todo):
        return guess
    raise UnsolvableHour(int(todo[0]), "the wet bulb did not converge")


def _hum_ratio_from_wet_bulb(t: F, twb: F, p: F) -> F:
    """W from dry and wet bulb (eqn 33 on water, eqn 35 on ice), as GetHumRatioFromTWetBulb."""
    ws = np.maximum(_hum_ratio(_sat_pressure(twb), p), MIN_HUM_RATIO)
    a, b, c, d, e = WET_WATER
    water = ((a - b * twb) * ws - c * (t - twb)) / (a + d * t - e * twb)
    a, b, c, d, e = WET_ICE
    ice = ((a - b * twb) * ws - c * (t - twb)) / (a + d * t - e * twb)
    out: F = np.maximum(np.where(twb >= FREEZING_POINT_C, water, ice), MIN_HUM_RATIO)
    return out

