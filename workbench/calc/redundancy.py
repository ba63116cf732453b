"""Usable capacity of a group of modules under a redundancy scheme (N, N+k, 2N, 2(N+k), DR)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from workbench.model.design import parse_scheme as _parse_scheme

# A campus asks for the same few schemes hundreds of times per run.
parse_scheme = lru_cache(maxsize=256)(_parse_scheme)
MAX_MODULES = 1e15  # a module count cap: a near-zero module size (a typing slip) must not overflow the count


@dataclass(frozen=True)
class Capacity:
    scheme: str
    modules: int
    installed_kw: float
    usable_kw: float  # after redundancy and the design margin
    required_modules: int  # modules the scheme needs for the given load

    def to_dict(self) -> dict[str, object]:
        return {"scheme": self.scheme, "modules": self.modules, "installed_kw": self.installed_kw,
                "usable_kw": self.usable_kw, "required_modules": self.required_modules}


def usable_capacity(ratings_kw: list[float], scheme: str, margin: float) -> float:
    """Capacity left after losing the redundant modules, derated by the design margin.

    N: all; N+k: minus the k largest; 2N: half; 2(N+k): half minus k largest;
    DR (distributed redundant, M to make M-1): minus the largest.
    """
    if not ratings_kw:
        return 0.0
    family, k = parse_scheme(scheme)
    ordered = sorted(ratings_kw, reverse=True)
    installed = sum(ordered)
    if family == "N":
        usable = installed
    elif family == "N+k":
        usable = installed - sum(ordered[:k])
    elif family == "2N":
        usable = installed / 2.0
    elif family == "2(N+k)":
        usable = installed / 2.0 - sum(ordered[:k])
    else:  # DR
        usable = installed - ordered[0]
    return max(usable, 0.0) * (1.0 - margin)


def required_modules(load_kw: float, module_kw: float, scheme: str, margin: float) -> int:
    """How many modules of one size the scheme needs to carry a load."""
    if module_kw <= 0:
        return 0
    per = module_kw * (1.0 - margin)
    n = max(math.ceil(min(load_kw / per, MAX_MODULES) - 1e-9), 1 if load_kw > 0 else 0)
    family, k = parse_scheme(scheme)
    if family == "N":
        return n
    if family == "N+k":
        return n + k
    if family == "2N":
        return 2 * n
    if family == "2(N+k)":
        return 2 * (n + k)
    return n + 1


def capacity(ratings_kw: list[float], scheme: str, margin: float, load_kw: float) -> Capacity:
    module = max(ratings_kw) if ratings_kw else 0.0
    return Capacity(scheme, len(ratings_kw), float(sum(ratings_kw)),
                    usable_capacity(ratings_kw, scheme, margin),
                    required_modules(load_kw, module, scheme, margin))


@dataclass(frozen=True)
class Capacities:
    """`capacity` of many groups at once, as arrays in group order (equal up to rounding of the sums)."""

    modules: NDArray[np.int64]
    installed_kw: NDArray[np.float64]
    usable_kw: NDArray[np.float64]
    required_modules: NDArray[np.float64]  # whole numbers; floats so no count can overflow


_FAMILIES = ("N", "N+k", "2N", "2(N+k)", "DR")


def capacities(ratings_kw: list[NDArray[np.float64]], schemes: list[str], margin: float,
               loads_kw: NDArray[np.float64]) -> Capacities:
    """Usable capacity and required modules of each group (its ratings, scheme and load) in one numpy pass."""
    n = len(ratings_kw)
    lengths = np.fromiter(map(len, ratings_kw), dtype=np.int64, count=n)
    return capacities_flat(np.concatenate(ratings_kw) if n else np.zeros(0), lengths, schemes, margin, loads_kw)


def capacities_flat(flat: NDArray[np.float64], lengths: NDArray[np.int64], schemes: list[str], margin: float,
                    loads_kw: NDArray[np.float64]) -> Capacities:
    """As capacities, with every group's ratings in one array, group after group (lengths says how many)."""
    n = len(lengths)
    group = np.repeat(np.arange(n), lengths)
    ordered = flat[np.lexsort((-flat, group))]  # each group's ratings, largest first
    starts = np.cumsum(lengths) - lengths
    installed = np.bincount(group, weights=flat, minlength=n).astype(float)
    filled = lengths > 0
    largest = np.zeros(n)
    largest[filled] = ordered[starts[filled]]
    parsed = [parse_scheme(s) for s in schemes]
    family = np.asarray([_FAMILIES.index(f) for f, _ in parsed], dtype=np.int64)
    k = np.asarray([k for _, k in parsed], dtype=np.int64)
    # The k largest modules a spare-module scheme must be able to lose (k is a handful).
    lost = np.minimum(np.where((family == 1) | (family == 3), k, 0), lengths)
    spare = np.zeros(n)
    for j in range(int(lost.max()) if n else 0):
        on = lost > j
        spare[on] += ordered[starts[on] + j]
    usable = np.select([family == 0, family == 1, family == 2, family == 3],
                       [installed, installed - spare, installed / 2.0, installed / 2.0 - spare],
                       installed - largest)  # DR: all but the largest
    usable = np.where(filled, np.maximum(usable, 0.0) * (1.0 - margin), 0.0)
    per = largest * (1.0 - margin)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        # Capped where a near-zero module size would make the count overflow: no design needs 10^15 modules.
        ratio = np.minimum(np.where(per > 0, loads_kw / per, 0.0), MAX_MODULES)
    need = np.maximum(np.ceil(ratio - 1e-9), (loads_kw > 0).astype(float))
    required = np.select([family == 0, family == 1, family == 2, family == 3],
                         [need, need + k, 2 * need, 2 * (need + k)], need + 1)
    return Capacities(lengths, installed, usable, np.where(largest > 0, required, 0.0))
