"""The one place where model millimetres (y up) become scene units (y down), and lengths become text."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

MM_PER_INCH = 25.4


def to_scene(x_mm: float, y_mm: float) -> QPointF:
    """Model point to scene point: the scene is in millimetres with y pointing down."""
    return QPointF(x_mm, -y_mm)


def to_model(point: QPointF) -> tuple[float, float]:
    return point.x(), -point.y()


def box_to_scene(xmin: float, ymin: float, xmax: float, ymax: float) -> QRectF:
    """Model box [xmin, ymin, xmax, ymax] to the scene rectangle covering it."""
    return QRectF(xmin, -ymax, xmax - xmin, ymax - ymin)


def scene_rect_to_box(rect: QRectF) -> tuple[float, float, float, float]:
    r = rect.normalized()
    return r.left(), -r.bottom(), r.right(), -r.top()


def format_length(mm: float, imperial: bool = False) -> str:
    """Metres with two decimals, or feet and inches to the nearest inch."""
    if not imperial:
        return f"{mm / 1000.0:.2f} m"
    sign = "-" if mm < 0 else ""
    inches = round(abs(mm) / MM_PER_INCH)
    return f"{sign}{inches // 12}′ {inches % 12}″"


def format_point(x_mm: float, y_mm: float, imperial: bool = False) -> str:
    return f"X {format_length(x_mm, imperial)}   Y {format_length(y_mm, imperial)}"
