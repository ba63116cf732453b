"""The inspector's Climate tab: the site's weather file, its design conditions, loop temperatures and IT profile."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.calc.annual_inputs import WeatherYear
from workbench.calc.results import Results
from workbench.climate.sites import BUILTIN, builtin_sites
from workbench.model.climate import PROFILE_KINDS
from workbench.model.climate_edits import SetLoadProfile, SetLoopTemperatures, SetWeather
from workbench.ui.docks.fields import FormGrid, NumberField
from workbench.ui.docks.formatting import fmt_number
from workbench.ui.document import Document

RECENT_KEY = "climate/recent_weather"
MAX_RECENT = 8


class SiteTab(QWidget):
    """Everything here is an edit of design.climate through the undo stack, or a read-out of the loaded year."""

    def __init__(self, document: Document, settings_fn: Callable[[], Any] | None = None) -> None:
        super().__init__()
        self.document = document
        self.settings_fn = settings_fn or (lambda: None)
        self.language = "en"
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 6, 6, 6)
        self.headings: dict[str, QLabel] = {}
        box.addWidget(self._heading("weather"))
        row = QHBoxLayout()
        self.builtin = QComboBox()
        self.builtin.activated.connect(self._on_builtin)
        self.choose = QPushButton()
        self.choose.clicked.connect(self._on_choose)
        self.clear = QPushButton()
        self.clear.clicked.connect(lambda: self._set_weather("", ""))
        for combo in (self.builtin,):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        box.addWidget(self.builtin)
        row.addWidget(self.choose)
        row.addWidget(self.clear)
        row.addStretch(1)
        box.addLayout(row)
        self.recent = QComboBox()
        self.recent.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.recent.setMinimumContentsLength(12)
        self.recent.activated.connect(self._on_recent)
        box.addWidget(self.recent)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.status)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "muted")
        box.addWidget(self.hint)
        self.site_grid = QGridLayout()
        self.site_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for n, key in enumerate(("location", "position", "elevation", "time_zone", "file", "checksum", "source",
                                 "cooling", "heating")):
            k, v = QLabel(), QLabel()
            k.setProperty("role", "muted")
            v.setWordWrap(True)
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.site_grid.addWidget(k, n, 0, Qt.AlignmentFlag.AlignTop)
            self.site_grid.addWidget(v, n, 1)
            self.site_labels[key] = (k, v)
        self.site_grid.setColumnStretch(1, 1)
        box.addLayout(self.site_grid)
        box.addWidget(self._heading("monthly"))
        self.months = QTableWidget(12, 2)
        self.months.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.months.verticalHeader().setDefaultSectionSize(20)
        self.months.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.months.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.months.setFixedHeight(12 * 20 + self.months.horizontalHeader().sizeHint().height() + 4)
        box.addWidget(self.months)
        box.addWidget(self._heading("loops"))
        self.loop_hint = QLabel()
        self.loop_hint.setWordWrap(True)
        self.loop_hint.setProperty("role", "muted")
        box.addWidget(self.loop_hint)
        self.loop_form = FormGrid()
        self._loop_names: tuple[tuple[str, str], ...] = ()
        box.addWidget(self.loop_form)
        box.addWidget(self._heading("profile"))
        prow = QHBoxLayout()
        self.profile = QComboBox()
        self.profile.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.profile.setMinimumContentsLength(12)
        self.profile.activated.connect(self._on_profile)
        self.import_profile = QPushButton()
        self.import_profile.clicked.connect(self._on_import_profile)
        prow.addWidget(self.profile, 1)
        prow.addWidget(self.import_profile)
        box.addLayout(prow)
        self.factors = QLineEdit()
        self.factors.editingFinished.connect(self._on_factors)
        box.addWidget(self.factors)
        self.profile_note = QLabel()
        self.profile_note.setWordWrap(True)
        self.profile_note.setProperty("role", "muted")
        box.addWidget(self.profile_note)
        box.addStretch(1)
        document.site_weather.changed.connect(self.refresh)
        document.results_ready.connect(self._on_results)
        document.design_replaced.connect(self.refresh)
        self.retranslate_ui()

    def _heading(self, key: str) -> QLabel:
        label = QLabel()
        label.setProperty("role", "section")
        self.headings[key] = label
        return label

    # --- texts ---------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        titles = {"weather": self.tr("Weather file"), "monthly": self.tr("Monthly means"),
                  "loops": self.tr("Cooling loops"), "profile": self.tr("IT load over the year")}
        for key, label in self.headings.items():
            label.setText(titles[key])
        self.choose.setText(self.tr("Choose EPW or TMY3…"))
        self.clear.setText(self.tr("No weather file"))
        self.clear.setToolTip(self.tr("Use the typed economizer hours instead (less accurate)"))
        self.hint.setText(self.tr(
            "For a site not built in, download its EPW from climate.onebuilding.org (TMYx files for thousands of "
            "stations) or the EnergyPlus weather page, then choose it here. Built-in sites ship only weather data "
            "the project may redistribute; sources and licences are in resources/weather/README.md."))
        keys = {"location": self.tr("Location"), "position": self.tr("Latitude, longitude"),
                "elevation": self.tr("Elevation"), "time_zone": self.tr("Time zone"), "file": self.tr("File"),
                "checksum": self.tr("SHA-256"), "source": self.tr("Source and licence"),
                "cooling": self.tr("Cooling design 0.4 %"), "heating": self.tr("Heating design 99.6 %")}
        for key, (k, _) in self.site_labels.items():
            k.setText(keys[key])
        self.months.setHorizontalHeaderLabels([self.tr("Dry bulb °C"), self.tr("Wet bulb °C")])
        self.months.setVerticalHeaderLabels([self._month(m) for m in range(12)])
        self.loop_hint.setText(self.tr(
            "Each loop holds its own supply and return temperature. Warm-water loops carry liquid-cooled racks "
            "through CDUs; chilled-water loops feed CRAHs, fan walls and rear doors. Blank takes the assumption."))
        self.import_profile.setText(self.tr("Import hourly CSV…"))
        self.loop_form.retranslate()
        self.refresh()

    def _month(self, m: int) -> str:
        return (self.tr("Jan"), self.tr("Feb"), self.tr("Mar"), self.tr("Apr"), self.tr("May"), self.tr("Jun"),
                self.tr("Jul"), self.tr("Aug"), self.tr("Sep"), self.tr("Oct"), self.tr("Nov"), self.tr("Dec"))[m]

    def _profile_name(self, kind: str) -> str:
        return {"constant": self.tr("Constant at the IT utilisation"), "weekly": self.tr("Weekly 24 × 7 profile"),
                "monthly": self.tr("Monthly ramp (phased build-out)"),
                "hourly": self.tr("Imported hourly profile")}[kind]

    # --- read-outs -----------------------------------------------------------------------
    def refresh(self) -> None:
        design = self.document.design
        sw = self.document.site_weather
        ref = design.climate.weather_path
        self.builtin.blockSignals(True)
        self.builtin.clear()
        self.builtin.addItem(self.tr("Built-in site…"), "")
        for site in builtin_sites():
            self.builtin.addItem(site.name.get(self.language[:2]) or site.name["en"], site.reference)
        idx = self.builtin.findData(ref) if ref.startswith(BUILTIN) else 0
        self.builtin.setCurrentIndex(max(idx, 0))
        self.builtin.blockSignals(False)
        self._fill_recent()
        if sw.year is not None:
            text = self.tr("Hourly year: {0}, {1} file, {2} hours. The PUE is Σ facility / Σ IT energy over "
                           "every hour.").format(sw.year.location, sw.year.file_format, fmt_number(sw.year.hours))
            if sw.note:
                text += "\n" + self.tr("The file has changed since it was chosen: {0}").format(sw.note)
        elif sw.problem:
            text = self.tr("The weather file cannot be used: {0}\nThe design stays usable: its PUE comes from the "
                           "typed economizer hours (less accurate) until the file is found or another is chosen."
                           ).format(sw.problem)
        else:
            text = self.tr("No weather file: the PUE comes from the typed economizer hours (assumption), the "
                           "less accurate path. Choose the site's weather for an hourly year.")
        self.status.setText(text)
        self.status.setProperty("role", "error" if sw.problem else "")
        self._show_year(sw.year, ref)
        self.profile.blockSignals(True)
        self.profile.clear()
        for kind in PROFILE_KINDS:
            self.profile.addItem(self._profile_name(kind), kind)
        self.profile.setCurrentIndex(PROFILE_KINDS.index(design.climate.profile_kind)
                                     if design.climate.profile_kind in PROFILE_KINDS else 0)
        self.profile.blockSignals(False)
        c = design.climate
        notes = {"constant": "", "weekly": self.tr("{0} hourly factors").format(len(c.profile_weekly)),
                 "monthly": ", ".join(fmt_number(v * 100) + " %" for v in c.profile_monthly),
                 "hourly": self.tr("{0} hours from {1}").format(fmt_number(len(c.profile_hourly)), c.profile_source)}
        self.profile_note.setText(notes.get(c.profile_kind, ""))
        values = {"weekly": c.profile_weekly, "monthly": c.profile_monthly}.get(c.profile_kind)
        self.factors.setVisible(values is not None)
        if values is not None and not self.factors.hasFocus():
            self.factors.setText(" ".join(f"{v * 100:g}" for v in values))
        self.factors.setPlaceholderText(self.tr("12 monthly values in %") if c.profile_kind == "monthly"
                                        else self.tr("24 hourly values in % (every day) or 168 (Monday 00:00 first)"))
        self.factors.setToolTip(self.factors.placeholderText())
        self._rebuild_loops(self.document.results)

    def _show_year(self, year: WeatherYear | None, ref: str) -> None:
        values: dict[str, str] = {k: "—" for k in self.site_labels}
        if year is not None:
            dc = year.design
            values.update({
                "location": year.location or year.station,
                "position": f"{year.latitude:.3f}°, {year.longitude:.3f}°",
                "elevation": self.tr("{0} m").format(fmt_number(year.elevation_m)),
                "time_zone": f"UTC{year.time_zone_h:+g}",
                "file": Path(year.source).name, "checksum": year.sha256[:16] + "…",
                "cooling": self.tr("dry bulb {0} °C, wet bulb {1} °C").format(
                    f"{dc.cooling_db_c:.1f}", f"{dc.cooling_wb_c:.1f}"),
                "heating": self.tr("dry bulb {0} °C, wet bulb {1} °C").format(
                    f"{dc.heating_db_c:.1f}", f"{dc.heating_wb_c:.1f}"),
            })
            site = next((s for s in builtin_sites() if s.reference == ref), None)
            values["source"] = f"{site.source}; {site.licence}" if site else self.tr("your file")
            for m in range(12):
                for col, v in enumerate((dc.monthly_db_c[m], dc.monthly_wb_c[m])):
                    item = QTableWidgetItem(f"{v:.1f}")
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.months.setItem(m, col, item)
        else:
            self.months.clearContents()
        for key, (_, v) in self.site_labels.items():
            v.setText(values[key])
        self.site_labels["file"][1].setToolTip(year.source if year is not None else "")
        self.site_labels["checksum"][1].setToolTip(year.sha256 if year is not None else "")

    def _fill_recent(self) -> None:
        self.recent.blockSignals(True)
        self.recent.clear()
        self.recent.addItem(self.tr("Recent sites…"), "")
        for path in self._recent():
            self.recent.addItem(Path(path).name, path)
            self.recent.setItemData(self.recent.count() - 1, path, Qt.ItemDataRole.ToolTipRole)
        self.recent.blockSignals(False)

    def _recent(self) -> list[str]:
        s = self.settings_fn()
        if s is None:
            return []
        value = s.qsettings.value(RECENT_KEY, [])
        return [str(v) for v in (value if isinstance(value, list) else [value] if value else [])]

    def _remember(self, path: str) -> None:
        s = self.settings_fn()
        if s is None or not path or path.startswith(BUILTIN):
            return
        items = [path] + [p for p in self._recent() if p != path]
        s.qsettings.setValue(RECENT_KEY, items[:MAX_RECENT])

    # --- loops ---------------------------------------------------------------------------
    def _on_results(self, results: Results) -> None:
        self._rebuild_loops(results)

    def _loops(self, results: Results | None) -> tuple[tuple[str, str], ...]:
        if results is not None and results.annual is not None:
            return tuple((lp.name, lp.kind) for lp in results.annual.loops if lp.kind != "condenser")
        names: list[tuple[str, str]] = [(n, s.kind) for n, s in self.document.design.climate.loops.items()]
        if results is not None:
            names += [(g.name, "warm") for g in results.cooling.liquid]
            names += [(g.name, "chilled") for g in results.cooling.air]
        return tuple(dict.fromkeys(names))

    def _rebuild_loops(self, results: Results | None) -> None:
        loops = self._loops(results)
        if loops != self._loop_names:
            self._loop_names = loops
            layout = self.layout()
            index = layout.indexOf(self.loop_form)
            layout.removeWidget(self.loop_form)
            self.loop_form.hide()
            self.loop_form.deleteLater()
            f = FormGrid()
            for name, kind in loops:
                title = (self.tr("Warm-water loop {0}") if kind == "warm" else self.tr("Chilled-water loop {0}"))
                f.add_section(lambda t=title, n=name: t.format(n))
                for end in ("supply", "return"):
                    field = NumberField(lambda e=end: self.tr("Supply") if e == "supply" else self.tr("Return"),
                                        lambda: "°C", -20.0, 90.0, allow_blank=True)
                    f.add(f"{name}:{end}", field)
                    field.committed.connect(lambda v, n=name, k=kind, e=end: self._on_loop_committed(n, k, e, v))
            f.retranslate()
            layout.insertWidget(index, f)
            self.loop_form = f
        by_name = {lp.name: lp for lp in results.annual.loops} if results is not None and results.annual else {}
        for name, _kind in loops:
            st = self.document.design.climate.loops.get(name)
            shown = by_name.get(name)
            for end in ("supply", "return"):
                field = self.loop_form.fields[f"{name}:{end}"]
                own = (st.supply_c if end == "supply" else st.return_c) if st else None
                field.set_value(own)
                if shown is not None and isinstance(field, NumberField):
                    field.edit.setPlaceholderText(f"{shown.supply_c if end == 'supply' else shown.return_c:g}")

    def _on_loop_committed(self, name: str, kind: str, end: str, value: float | None) -> None:
        st = self.document.design.climate.loops.get(name)
        supply = st.supply_c if st else None
        ret = st.return_c if st else None
        if end == "supply":
            supply = value
        else:
            ret = value
        try:
            edit = SetLoopTemperatures(name, kind, supply, ret)
        except ValueError as exc:
            self.loop_form.fields[f"{name}:{end}"].show_error(str(exc))
            return
        self.document.push(edit, self.tr("Edit loop temperatures"))

    # --- actions -------------------------------------------------------------------------
    def _set_weather(self, path: str, sha256: str) -> None:
        c = self.document.design.climate
        if (c.weather_path, c.weather_sha256) != (path, sha256):
            self.document.push(SetWeather(path, sha256), self.tr("Choose weather file"))

    def _on_builtin(self, index: int) -> None:
        ref = self.builtin.itemData(index)
        if ref:
            site = next(s for s in builtin_sites() if s.reference == ref)
            self._set_weather(ref, site.sha256)

    def _on_recent(self, index: int) -> None:
        path = self.recent.itemData(index)
        if path:
            self.open_weather(path)

    def _on_choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a weather file"), "",
                                              self.tr("Weather files (*.epw *.csv *.CSV);;All files (*)"))
        if path:
            self.open_weather(path)

    def open_weather(self, path: str) -> bool:
        """Read the file first: a bad file is reported here and the design is left as it was."""
        from workbench.climate.errors import WeatherError
        from workbench.climate.load import load_weather

        try:
            year = load_weather(path)
        except WeatherError as exc:
            self.status.setText(self.tr("Not used, the design is unchanged: {0}").format(exc))
            self.status.setProperty("role", "error")
            return False
        self._remember(path)
        self._set_weather(path, year.sha256)
        return True

    def _on_profile(self, index: int) -> None:
        kind = self.profile.itemData(index)
        c = self.document.design.climate
        if kind == c.profile_kind:
            return
        if kind == "hourly" and not c.profile_hourly:
            self._on_import_profile()
            return
        monthly = c.profile_monthly or ([round(0.25 + 0.75 * m / 11, 3) for m in range(12)] if kind == "monthly" else [])
        weekly = c.profile_weekly or ([1.0 if 8 <= h % 24 < 20 and h < 120 else 0.7 for h in range(168)]
                                      if kind == "weekly" else [])
        self.document.push(SetLoadProfile(kind, weekly, monthly, list(c.profile_hourly), c.profile_source),
                           self.tr("Edit IT load profile"))

    def _on_factors(self) -> None:
        """Monthly (12) or weekly (24 or 168) factors typed in per cent; a wrong count is said, not applied."""
        c = self.document.design.climate
        try:
            values = [float(x) / 100.0 for x in self.factors.text().replace(",", " ").split()]
        except ValueError:
            self.profile_note.setText(self.tr("Not used: the factors must be numbers in %."))
            return
        if any(not 0.0 <= v <= 1.0 for v in values):
            self.profile_note.setText(self.tr("Not used: each factor must be between 0 and 100 %."))
            return
        if c.profile_kind == "monthly" and len(values) != 12:
            self.profile_note.setText(self.tr("Not used: {0} values where 12 months are needed.").format(len(values)))
            return
        if c.profile_kind == "weekly":
            if len(values) == 24:
                values = values * 7
            if len(values) != 168:
                self.profile_note.setText(self.tr("Not used: {0} values where 24 or 168 are needed.").format(len(values)))
                return
        if c.profile_kind not in ("weekly", "monthly"):
            return
        weekly = values if c.profile_kind == "weekly" else list(c.profile_weekly)
        monthly = values if c.profile_kind == "monthly" else list(c.profile_monthly)
        if (weekly, monthly) != (list(c.profile_weekly), list(c.profile_monthly)):
            self.document.push(SetLoadProfile(c.profile_kind, weekly, monthly, list(c.profile_hourly),
                                              c.profile_source), self.tr("Edit IT load profile"))

    def _on_import_profile(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import an hourly IT load profile"), "",
                                              self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.import_profile_csv(path)

    def import_profile_csv(self, path: str) -> bool:
        from workbench.climate.profile import ProfileError, read_profile_csv

        try:
            values = read_profile_csv(path)
        except ProfileError as exc:
            self.profile_note.setText(self.tr("Not used, the design is unchanged: {0}").format(exc))
            return False
        c = self.document.design.climate
        self.document.push(SetLoadProfile("hourly", list(c.profile_weekly), list(c.profile_monthly), values, path),
                           self.tr("Edit IT load profile"))
        return True
