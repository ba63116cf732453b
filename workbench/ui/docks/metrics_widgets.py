"""Painted widgets of the metrics dock: capacity bars and the overhead breakdown (the plots: metrics_plots.py)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from workbench.ui.docks.colors import LOAD_OK, LOAD_OVER, is_dark, load_color, muted_text, track_color


@dataclass
class CapacityRow:
    """One bar: load against usable capacity, with its redundancy state (scheme None: not a scheme)."""

    heading: str  # group heading drawn above the first row of a group
    label: str
    load: float
    capacity: float
    unit: str
    scheme: str | None
    ok: bool
    status: str  # short text in the pill, e.g. "N+1 ✓"
    detail: str = ""  # tooltip
    decimals: int = 0


class CapacityPanel(QWidget):
    """All capacity rows painted in one pass, so an update is one repaint and no layout work."""

    ROW_PX = 36
    HEADING_PX = 22

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[CapacityRow] = []
        self.empty_text = ""
        self._hit: list[tuple[float, float, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_rows(self, rows: list[CapacityRow]) -> None:
        self.rows = rows
        height = self._content_height()
        if height != self.height():
            self.setFixedHeight(height)
        self.update()

    def _content_height(self) -> int:
        headings = len({r.heading for r in self.rows})
        return max(30, headings * self.HEADING_PX + len(self.rows) * self.ROW_PX + 4)

    def sizeHint(self) -> QSize:
        return QSize(300, self._content_height())

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w = self.width()
        fm = p.fontMetrics()
        base = self.font()
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.9)
        bold = QFont(base)
        bold.setBold(True)
        muted = muted_text(self.palette())
        text = self.palette().windowText().color()
        dark = is_dark(self.palette())
        y = 2.0
        heading = None
        # One figures column for all rows, so the bars end at the same x.
        small_fm = QFontMetrics(small)
        fw = max((small_fm.horizontalAdvance(self._figures(r)) for r in self.rows), default=0) + 8
        self._hit = []
        if not self.rows:
            p.setPen(muted)
            p.drawText(QRectF(8, 0, w - 16, 30), Qt.AlignmentFlag.AlignVCenter, self.empty_text)
        # Only rows in the exposed part are drawn: a campus has hundreds, and the dock's scroll area shows a few.
        exposed_top, exposed_bottom = event.rect().top(), event.rect().bottom() + 1
        for row in self.rows:
            if row.heading != heading:
                heading = row.heading
                if y < exposed_bottom and y + self.HEADING_PX > exposed_top:
                    p.setFont(bold)
                    p.setPen(text)
                    p.drawText(QRectF(8, y, w - 16, self.HEADING_PX), Qt.AlignmentFlag.AlignBottom, heading)
                y += self.HEADING_PX
            top = y
            if y >= exposed_bottom or y + self.ROW_PX <= exposed_top:
                y += self.ROW_PX
                self._hit.append((top, y, row.detail))
                continue
            # Line 1: label left, redundancy pill right.
            p.setFont(base)
            pill_w = max(fm.horizontalAdvance(row.status) + 14, 44)
            p.setPen(text)
            p.drawText(QRectF(12, y + 2, w - pill_w - 28, fm.height()), Qt.AlignmentFlag.AlignLeft,
                       fm.elidedText(row.label, Qt.TextElideMode.ElideRight, int(w - pill_w - 28)))
            pill = QRectF(w - 8 - pill_w, y + 2, pill_w, fm.height())
            color = QColor(LOAD_OK if row.ok else LOAD_OVER)
            p.setPen(Qt.PenStyle.NoPen)
            if dark:  # a tinted pill with light text; pastel pills glare on a dark dock
                fill = QColor(color)
                fill.setAlpha(70)
                p.setBrush(fill)
                pill_text = color.lighter(150)
            else:
                p.setBrush(color.lighter(185) if row.ok else color.lighter(170))
                pill_text = color.darker(135)
            p.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
            p.setPen(pill_text)
            p.setFont(small)
            p.drawText(pill, Qt.AlignmentFlag.AlignCenter, row.status)
            # Line 2: bar and figures.
            bar_y = y + fm.height() + 6
            figures = self._figures(row)
            p.setFont(small)
            bar = QRectF(12, bar_y, max(40.0, w - 20 - fw - 12), 8)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(track_color(self.palette()))
            p.drawRoundedRect(bar, 3, 3)
            fraction = row.load / row.capacity if row.capacity > 0 else (1.5 if row.load > 0 else 0.0)
            fill = QRectF(bar.left(), bar.top(), bar.width() * min(fraction, 1.0), bar.height())
            p.setBrush(load_color(fraction))
            if fill.width() > 0.5:
                p.drawRoundedRect(fill, 3, 3)
            p.setPen(muted)
            p.drawText(QRectF(bar.right() + 4, bar_y - 5, fw + 4, 18),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, figures)
            y += self.ROW_PX
            self._hit.append((top, y, row.detail))
        p.end()

    @staticmethod
    def _figures(row: CapacityRow) -> str:
        d = row.decimals
        pct = f"{row.load / row.capacity * 100:.0f} %" if row.capacity > 0 else "—"
        return f"{row.load:,.{d}f} / {row.capacity:,.{d}f} {row.unit}  {pct}"

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            y = event.position().y() if hasattr(event, "position") else event.pos().y()
            for top, bottom, detail in self._hit:
                if top <= y < bottom and detail:
                    QToolTip.showText(event.globalPos(), detail, self)
                    return True
            QToolTip.hideText()
            return True
        return super().event(event)


class OverheadChart(QWidget):
    """Horizontal bars of facility overhead by subsystem (kW), each with its partial PUE."""

    ROW_PX = 22

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, float, str, str]] = []  # label, kW, right-hand note, colour
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_items(self, items: list[tuple[str, float, str, str]]) -> None:
        self.items = items
        self.setFixedHeight(max(1, len(items)) * self.ROW_PX + 6)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        w = self.width()
        label_w = max((fm.horizontalAdvance(i[0]) for i in self.items), default=60) + 16
        note_w = max((fm.horizontalAdvance(i[2]) for i in self.items), default=60) + 12
        top = max((i[1] for i in self.items), default=0.0)
        bar_w = max(30.0, w - label_w - note_w - 12)
        for n, (label, kw, note, color) in enumerate(self.items):
            y = 3 + n * self.ROW_PX
            p.setPen(self.palette().windowText().color())
            p.drawText(QRectF(12, y, label_w, self.ROW_PX), Qt.AlignmentFlag.AlignVCenter, label)
            length = bar_w * (kw / top) if top > 0 else 0.0
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(color))
            p.drawRoundedRect(QRectF(label_w, y + 5, max(length, 1.5), self.ROW_PX - 10), 2, 2)
            p.setPen(muted_text(self.palette()))
            p.drawText(QRectF(label_w + length + 6, y, note_w, self.ROW_PX), Qt.AlignmentFlag.AlignVCenter, note)
        p.end()
