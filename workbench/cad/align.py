"""Alignment of an underlay by two pairs of points, as CAD's ALIGN does: move, rotate and scale, never shear."""

from __future__ import annotations

import cmath
import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Point = tuple[float, float]
MIN_SPAN_MM = 1.0  # two picked points closer than this cannot define a direction


@dataclass(frozen=True)
class Similarity:
    """model = scale · R(rotation) · p + (dx, dy)."""

    scale: float = 1.0
    rotation_deg: float = 0.0
    dx_mm: float = 0.0
    dy_mm: float = 0.0

    def _a(self) -> complex:
        return self.scale * cmath.exp(1j * math.radians(self.rotation_deg))

    def apply_point(self, x: float, y: float) -> Point:
        z = self._a() * complex(x, y) + complex(self.dx_mm, self.dy_mm)
        return z.real, z.imag

    def apply(self, xy: NDArray[np.float64]) -> NDArray[np.float64]:
        """Rows of (x, y, x, y, ...) pairs: any (n, 2k) array of points."""
        a = self._a()
        c, s = a.real, a.imag
        out = np.empty_like(xy, dtype=float)
        out[:, 0::2] = c * xy[:, 0::2] - s * xy[:, 1::2] + self.dx_mm
        out[:, 1::2] = s * xy[:, 0::2] + c * xy[:, 1::2] + self.dy_mm
        return out

    def then(self, other: Similarity) -> Similarity:
        """This transform followed by `other`."""
        a = other._a() * self._a()
        b = other._a() * complex(self.dx_mm, self.dy_mm) + complex(other.dx_mm, other.dy_mm)
        return _from_complex(a, b)

    def inverse(self) -> Similarity:
        a = 1 / self._a()
        return _from_complex(a, -a * complex(self.dx_mm, self.dy_mm))


def _from_complex(a: complex, b: complex) -> Similarity:
    return Similarity(abs(a), math.degrees(cmath.phase(a)), b.real, b.imag)


def from_two_pairs(src1: Point, src2: Point, dst1: Point, dst2: Point, keep_scale: bool = False) -> Similarity:
    """The transform taking src1 to dst1 and src2 onto the line towards dst2 (exactly onto it unless keep_scale).

    Raises ValueError when either pair of points is too close together to give a direction.
    """
    s1, s2, d1, d2 = (complex(*p) for p in (src1, src2, dst1, dst2))
    if abs(s2 - s1) < MIN_SPAN_MM:
        raise ValueError("the two points picked on the drawing are the same point; pick two points far apart")
    if abs(d2 - d1) < MIN_SPAN_MM:
        raise ValueError("the two target points are the same point; pick two points far apart")
    a = (d2 - d1) / (s2 - s1)
    if keep_scale:
        a /= abs(a)
    return _from_complex(a, d1 - a * s1)
