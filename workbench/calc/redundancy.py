"""Usable capacity of a group of modules under a redundancy scheme (N, N+k, 2N, 2(N+k), DR)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from workbench.model.design import parse_scheme as _parse_scheme

# A campus asks for the same few schemes hundreds of times per run.
parse_scheme = lru_cache(maxsize=256)(_parse_scheme)


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
    n = max(math.ceil(load_kw / per - 1e-9), 1 if load_kw > 0 else 0)
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
