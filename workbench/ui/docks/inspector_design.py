"""The inspector page with nothing selected: the hall, the site and the calculation assumptions."""

from __future__ import annotations

import copy
from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workbench.calc.capacity_checks import DEFAULT_SCHEME
from workbench.calc.groups import (
    DEFAULT_AIR_LOOP,
    DEFAULT_LIQUID_LOOP,
    DEFAULT_POWER_SYSTEM,
    DEFAULT_UTILITY_SYSTEM,
    HEAT_REJECTION_GROUP,
)
from workbench.geometry.polygons import is_axis_rectangle, outline_bounds, outline_problem, polygon_area_mm2
from workbench.calc.money import Fx
from workbench.model.allowances import ALLOWANCE_OF_PARAM, MAX_FIXED_USD, SetAllowanceFixed, fixed_amount_problem
from workbench.model.assumptions import effective_assumptions
from workbench.model.design import REDUNDANCY_SCHEMES, Hall
from workbench.model.edits import Edit, SetAssumption, SetHallField, SetScheme, SetSiteField
from workbench.ui.docks.fields import EDITOR_WIDTH_PX, ChoiceField, Field, FormGrid, NumberField, TextField
from workbench.ui.docks.formatting import fmt_editable, fmt_number
from workbench.ui.docks.lazy_tabs import LazyTabs
from workbench.ui.docks.roles import follow_roles, set_role
from workbench.ui.document import Document

if TYPE_CHECKING:
    from workbench.ui.docks.proposal_tab import ProposalTab
    from workbench.ui.docks.site_tab import SiteTab

SITE_TEXT_FIELDS = ("name", "customer", "location", "revision", "prepared_by")
GROUP_ORDER = ("load", "power", "cooling", "climate", "layout", "cost", "economics", "constants")
# Typed hall sides: under a metre is no hall (the outline tool refuses one too); over a kilometre is a typo.
MIN_HALL_SIDE_MM = 1000.0
MAX_HALL_SIDE_MM = 1_000_000.0
# Typed door widths: below a single 600 mm leaf no rack passes; above 6 m is a loading bay, not a door.
MIN_DOOR_MM = 600.0
_SYSTEM_FIELDS = attrgetter("type_id", "power_system", "cooling_loop")  # what a block says about its systems
MAX_DOOR_MM = 6000.0
HALL_TAB, SITE_TAB, ASSUMPTIONS_TAB, CLIMATE_TAB, PROPOSAL_TAB = range(5)


class ReadoutField(Field):
    """A figure shown in the form's editor column that the user reads but does not type."""

    def __init__(self, label_fn: Callable[[], str], unit_fn: Callable[[], str] | None = None) -> None:
        value = QLabel()
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        value.setFixedWidth(EDITOR_WIDTH_PX)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setContentsMargins(0, 0, 4, 0)  # figures end where the line edits' text ends, not at their frame
        super().__init__(label_fn, value, unit_fn)
        self.value_label = value

    def set_value(self, value: Any) -> None:
        self.value_label.setText(str(value))


class AllowanceAmountField(NumberField):
    """The fixed amount of one allowance, in USD; a refused value names the allowance in its message."""

    def __init__(self, label_fn: Callable[[], str], name_fn: Callable[[], str]) -> None:
        super().__init__(label_fn, lambda: "USD", 0.0, MAX_FIXED_USD, allow_blank=True)
        self.name_fn = name_fn

    def validate(self, text: str) -> tuple[float | None, str | None]:
        value, message = super().validate(text)
        if message is not None:
            message = self.tr("Fixed amount of {0}: {1}").format(self.name_fn(), message)
        return value, message


def stacked(*forms: QWidget) -> tuple[QWidget, QVBoxLayout]:
    """Forms one under the other at the top of a page; the layout is kept so a form can be swapped later."""
    holder = QWidget()
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(0)
    for form in forms:
        box.addWidget(form)
    box.addStretch(1)
    return holder, box


class DesignPage(QWidget):
    """Tabs for hall, site and assumptions; commits become Edits handed to edit_requested."""

    edit_requested = Signal(object, object)  # (Edit, Field)

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.language = "en"
        self.hall_id = ""
        # Only the Hall tab, the one shown first, is built now; the others when first opened (a 10,000-block
        # design has a hundred redundancy rows that no one may look at this session).
        self.tabs = LazyTabs()
        self.tabs.setDocumentMode(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.hall_form = self._build_hall()
        self.doors_form = FormGrid()
        self._door_rows: tuple[str, int] = ("", -1)  # (hall id, door count) the doors form was built for
        hall_holder, self._hall_box = stacked(self.hall_form, self.doors_form)
        self._site_form: FormGrid | None = None
        self._assumption_form: FormGrid | None = None
        self._scheme_form: FormGrid | None = None
        self._scheme_names: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
        self._site_tab: SiteTab | None = None
        self._proposal_tab: ProposalTab | None = None
        self.tabs.add_page(hall_holder)
        self.tabs.add_lazy(self._build_site_tab)
        self.tabs.add_lazy(self._build_assumptions_tab)
        self.tabs.add_lazy(self._build_climate_tab)
        self.tabs.add_lazy(self._build_proposal_tab)
        document.design_replaced.connect(self._on_design_replaced)

    # --- the pages, built on first use ---------------------------------------------------
    @property
    def site_form(self) -> FormGrid:
        self.tabs.ensure(SITE_TAB)
        assert self._site_form is not None
        return self._site_form

    @property
    def assumption_form(self) -> FormGrid:
        self.tabs.ensure(ASSUMPTIONS_TAB)
        assert self._assumption_form is not None
        return self._assumption_form

    @property
    def scheme_form(self) -> FormGrid:
        self.tabs.ensure(ASSUMPTIONS_TAB)
        assert self._scheme_form is not None
        return self._scheme_form

    @property
    def site_tab(self) -> SiteTab:
        self.tabs.ensure(CLIMATE_TAB)
        assert self._site_tab is not None
        return self._site_tab

    @property
    def proposal_tab(self) -> ProposalTab:
        self.tabs.ensure(PROPOSAL_TAB)
        assert self._proposal_tab is not None
        return self._proposal_tab

    def _build_site_tab(self) -> QWidget:
        f = self._site_form = self._build_site()
        f.retranslate()
        self._refresh_site()
        return f

    def _build_assumptions_tab(self) -> QWidget:
        self._assumption_form = FormGrid()
        self._scheme_form = FormGrid()
        holder, self._assumption_box = stacked(self._scheme_form, self._assumption_form)
        self._build_assumptions()
        self._assumption_form.retranslate()
        self._retranslate_assumptions()
        self._refresh_assumptions()
        return holder

    def _build_climate_tab(self) -> QWidget:
        from workbench.ui.docks.site_tab import SiteTab

        tab = self._site_tab = SiteTab(self.document, lambda: getattr(self.window(), "settings", None))
        if tab.language != self.language:
            tab.language = self.language
            tab.retranslate_ui()
        follow_roles(tab, self.palette())  # its labels get roles by property, not through set_role
        return tab

    def _build_proposal_tab(self) -> QWidget:
        from workbench.ui.docks.proposal_tab import ProposalTab

        tab = self._proposal_tab = ProposalTab(self.document)
        tab.refresh()
        follow_roles(tab, self.palette())
        return tab

    def _on_design_replaced(self) -> None:
        # The proposal's fields are applied with a button, so only a new design (not every edit) reloads them.
        if self._proposal_tab is not None:
            self._proposal_tab.refresh()

    # --- building ------------------------------------------------------------------------
    def _build_hall(self) -> FormGrid:
        f = FormGrid()
        f.add_section(lambda: self.tr("Hall"))
        f.add("hall", ChoiceField(lambda: self.tr("Hall"),
                                  lambda: [(h.id, h.name) for h in self.document.design.halls]))
        f.add("name", TextField(lambda: self.tr("Name"), required=True))
        f.add("floor_type", ChoiceField(lambda: self.tr("Floor type"),
                                        lambda: [("slab", self.tr("Slab")), ("raised", self.tr("Raised floor"))]))
        f.add("floor_rating_kn_m2", NumberField(lambda: self.tr("Floor rating"), lambda: "kN/m²", 0.0, 1000.0,
                                                min_exclusive=True))
        f.add_section(lambda: self.tr("Size"))
        f.add("width_mm", NumberField(lambda: self.tr("Width (X)"), lambda: "mm", MIN_HALL_SIDE_MM, MAX_HALL_SIDE_MM))
        f.add("depth_mm", NumberField(lambda: self.tr("Depth (Y)"), lambda: "mm", MIN_HALL_SIDE_MM, MAX_HALL_SIDE_MM))
        f.add("area_m2", ReadoutField(lambda: self.tr("Area"), lambda: "m²"))
        f.add("x_range", ReadoutField(lambda: self.tr("X from … to"), lambda: "mm"))
        f.add("y_range", ReadoutField(lambda: self.tr("Y from … to"), lambda: "mm"))
        self.size_hint = QLabel()
        self.size_hint.setWordWrap(True)
        set_role(self.size_hint, "muted")
        f.add_widget(self.size_hint)
        for key, field in f.fields.items():
            field.committed.connect(lambda value, k=key: self._on_hall_committed(k, value))
        return f

    def _build_site(self) -> FormGrid:
        f = FormGrid()
        f.add_section(lambda: self.tr("Site and proposal"))
        labels = {
            "name": lambda: self.tr("Project name"),
            "customer": lambda: self.tr("Customer"),
            "location": lambda: self.tr("Location"),
            "revision": lambda: self.tr("Revision"),
            "prepared_by": lambda: self.tr("Prepared by"),
        }
        for key in ("name", "customer", "location"):
            f.add(key, TextField(labels[key], required=key == "name"))
        f.add("currency", ChoiceField(lambda: self.tr("Currency"),
                                      lambda: [(c, c) for c in sorted(self.document.catalog.fx_rates)]))
        f.add("electricity_price_per_kwh", NumberField(lambda: self.tr("Electricity price"),
                                                       lambda: f"{self.document.design.site.currency}/kWh", 0.0, 10.0))
        for key in ("revision", "prepared_by"):
            f.add(key, TextField(labels[key]))
        f.finish()
        for key, field in f.fields.items():
            field.committed.connect(lambda value, k=key: self._on_site_committed(k, value))
        return f

    def _build_assumptions(self) -> None:
        f = self._assumption_form
        assert f is not None
        specs = sorted(self.document.catalog.parameters.values(),
                       key=lambda s: GROUP_ORDER.index(s.group) if s.group in GROUP_ORDER else len(GROUP_ORDER))
        group = None
        for spec in specs:
            if spec.group != group:
                group = spec.group
                f.add_section(lambda g=group: self._group_title(g))
            field = NumberField(lambda s=spec: s.label.get(self.language) or s.label.get("en") or s.key,
                                lambda s=spec: s.unit, spec.minimum, spec.maximum)
            f.add(spec.key, field)
            field.committed.connect(lambda value, k=spec.key: self._on_assumption_committed(k, value))
            if spec.key in ALLOWANCE_OF_PARAM:
                self._add_allowance_switch(f, spec.key, spec.unit)

    def _add_allowance_switch(self, f: FormGrid, param: str, unit: str) -> None:
        """Under an allowance's share or rate: how it is sized, and the fixed amount when it is one."""
        per_unit = unit.startswith("USD/")
        mode = ChoiceField(lambda: self.tr("Sized by"), lambda: [
            ("basis", self.tr("Rate × quantity") if per_unit else self.tr("Share")),
            ("fixed", self.tr("Fixed amount"))])
        f.add(f"mode:{param}", mode)
        mode.committed.connect(lambda value, k=param: self._on_allowance_mode_committed(k, value))
        amount = AllowanceAmountField(lambda: self.tr("Fixed amount"), lambda k=param: self.allowance_name(k))
        f.add(f"fixed:{param}", amount)
        for sub in (mode, amount):  # indented: they belong to the allowance row above
            sub.label.setIndent(16)
        amount.committed.connect(lambda value, k=param: self._on_allowance_fixed_committed(k, value))

    def allowance_name(self, param: str) -> str:
        names = {
            "lv_switchboards": self.tr("LV switchboards and cabling"), "piping_coolant": self.tr("Piping, valves and coolant"),
            "bms_epms": self.tr("BMS and power monitoring"), "fire": self.tr("Fire detection and suppression"),
            "battery": self.tr("UPS batteries"), "installation": self.tr("Installation"),
            "commissioning": self.tr("Testing and commissioning"),
        }
        return names.get(ALLOWANCE_OF_PARAM.get(param, ""), param)

    def _group_title(self, group: str) -> str:
        titles = {
            "load": self.tr("Load"), "power": self.tr("Power"), "cooling": self.tr("Cooling"),
            "climate": self.tr("Climate and chillers"), "layout": self.tr("Layout"), "cost": self.tr("Cost"),
            "economics": self.tr("Economics over the years"), "constants": self.tr("Physical constants"),
        }
        return titles.get(group, group.replace("_", " ").capitalize())

    def _rebuild_doors(self, hall: Hall | None) -> None:
        """One width row per door of the shown hall; rebuilt only when the hall or its door count changes."""
        self._hall_box.removeWidget(self.doors_form)
        self.doors_form.hide()  # until its deferred deletion, the old form would still paint over the new one
        self.doors_form.deleteLater()
        f = FormGrid()
        f.add_section(lambda: self.tr("Doors"))
        for i in range(len(hall.doors) if hall is not None else 0):
            field = NumberField(lambda k=i: self.tr("Door D{0} width").format(k + 1), lambda: "mm",
                                MIN_DOOR_MM, MAX_DOOR_MM)
            f.add(f"door:{i}", field)
            field.committed.connect(lambda value, k=i, fl=field: self._on_door_width_committed(k, value, fl))
        self.doors_hint = QLabel()
        self.doors_hint.setWordWrap(True)
        set_role(self.doors_hint, "muted")
        f.add_widget(self.doors_hint)
        f.retranslate()
        self.doors_form = f
        self._hall_box.insertWidget(1, f)
        self._door_rows = (hall.id if hall is not None else "", len(hall.doors) if hall is not None else -1)

    def _rebuild_schemes(self, power: tuple[str, ...], cooling: tuple[str, ...]) -> None:
        """Redundancy rows follow the systems present; rebuilt only when that list changes."""
        assert self._scheme_form is not None
        self._assumption_box.removeWidget(self._scheme_form)
        self._scheme_form.deleteLater()
        f = FormGrid()
        f.add_section(lambda: self.tr("Redundancy"))
        choices = lambda: [(s, s) for s in REDUNDANCY_SCHEMES]  # noqa: E731
        for domain, names in (("power", power), ("cooling", cooling)):
            for name in names:
                key = f"{domain}:{name}"
                label = (lambda n=name: self.tr("Power system “{0}”").format(n)) if domain == "power" else \
                    (lambda n=name: self.tr("Cooling group “{0}”").format(n))
                field = f.add(key, ChoiceField(label, choices))
                field.committed.connect(lambda value, d=domain, n=name, fl=field: self._on_scheme_committed(d, n, value, fl))
        f.retranslate()
        self._scheme_form = f
        self._assumption_box.insertWidget(0, f)
        self._scheme_names = (power, cooling)

    def system_names(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        d = self.document.design
        power = set(d.assumptions.power_schemes)
        cooling = set(d.assumptions.cooling_schemes) | {DEFAULT_AIR_LOOP, DEFAULT_LIQUID_LOOP, HEAT_REJECTION_GROUP}
        cat = self.document.catalog
        # The distinct (type, system, loop) triples in one C-level pass: a campus repeats a few dozen of them,
        # and this runs on every scenario switch.
        for type_id, power_system, cooling_loop in set(map(_SYSTEM_FIELDS, d.blocks.values())):
            t = cat.get(type_id)
            if t is None:
                continue
            if t.rack is not None:
                power.add(power_system or DEFAULT_POWER_SYSTEM)
            elif t.power is not None:
                power.add(power_system or (DEFAULT_UTILITY_SYSTEM if t.power.stage == "utility" else DEFAULT_POWER_SYSTEM))
            elif t.cooling is not None and cooling_loop:
                cooling.add(cooling_loop)
        return tuple(sorted(power)), tuple(sorted(cooling))

    # --- showing -------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.tabs.setTabText(0, self.tr("Hall"))
        self.tabs.setTabText(1, self.tr("Site"))
        self.tabs.setTabText(2, self.tr("Assumptions"))
        self.tabs.setTabText(3, self.tr("Climate"))
        self.tabs.setTabText(4, self.tr("Proposal"))
        if self._proposal_tab is not None:
            self._proposal_tab.retranslate_ui()
            self._proposal_tab.refresh()
        if self._site_tab is not None:
            self._site_tab.language = self.language
            self._site_tab.retranslate_ui()
        for form in (self.hall_form, self.doors_form, self._site_form, self._assumption_form, self._scheme_form):
            if form is not None:
                form.retranslate()
        if self._assumption_form is not None:
            self._retranslate_assumptions()
        self.refresh()

    def _retranslate_assumptions(self) -> None:
        """Tooltips of the assumption rows: default, bounds and source of each figure, in the UI language."""
        assert self._assumption_form is not None
        for key, spec in self.document.catalog.parameters.items():
            field = self._assumption_form.fields[key]
            bounds = self.tr("allowed {0} to {1} {2}").format(
                "−∞" if spec.minimum is None else f"{spec.minimum:,g}",
                "∞" if spec.maximum is None else f"{spec.maximum:,g}", spec.unit).strip()
            field.set_tooltip(self.tr("{0}\nDefault {1:,g} {2}; {3}\nSource: {4}").format(
                spec.label.get(self.language, spec.key), spec.default, spec.unit, bounds, spec.source))
        for param in ALLOWANCE_OF_PARAM:
            if f"mode:{param}" not in self._assumption_form.fields:
                continue
            name = self.allowance_name(param)
            self._assumption_form.fields[f"mode:{param}"].set_tooltip(self.tr(
                "How {0} is priced: by the share or rate above, or as a fixed amount you give").format(name))
            self._assumption_form.fields[f"fixed:{param}"].set_tooltip(self.tr(
                "{0} as a lump sum in USD, like every price in the design: converted once into the export "
                "currency and marked up by the price factor (the equipment build premium does not apply). "
                "It replaces the share or rate above.").format(name))

    def refresh(self) -> None:
        d = self.document.design
        halls = {h.id: h for h in d.halls}
        if self.hall_id not in halls:
            self.hall_id = d.halls[0].id if d.halls else ""
        hf = self.hall_form.fields
        hf["hall"].retranslate()  # hall names may have changed
        hf["hall"].set_value(self.hall_id)
        hall = halls.get(self.hall_id)
        for key in ("name", "floor_type", "floor_rating_kn_m2"):
            hf[key].set_visible(hall is not None)
            if hall is not None:
                hf[key].set_value(getattr(hall, key))
        hf["hall"].set_visible(len(halls) > 1)
        self._refresh_size(hall)
        self._refresh_doors(hall)
        if self._site_form is not None:
            self._refresh_site()
        if self._assumption_form is not None:
            self._refresh_assumptions()

    def _refresh_site(self) -> None:
        assert self._site_form is not None
        sf = self._site_form.fields
        site = self.document.design.site
        for key in (*SITE_TEXT_FIELDS, "currency", "electricity_price_per_kwh"):
            sf[key].set_value(getattr(site, key))
        sf["electricity_price_per_kwh"].retranslate()  # the unit carries the currency

    def _refresh_assumptions(self) -> None:
        assert self._assumption_form is not None
        d = self.document.design
        af = self._assumption_form.fields
        values = effective_assumptions(d, self.document.catalog)
        for key in self.document.catalog.parameters:
            af[key].set_value(values[key])
        for param in ALLOWANCE_OF_PARAM:
            if f"mode:{param}" in af:
                self._refresh_allowance(param)
        names = self.system_names()
        if names != self._scheme_names:
            self._rebuild_schemes(*names)
        for key, field in self.scheme_form.fields.items():
            domain, name = key.split(":", 1)
            table = d.assumptions.power_schemes if domain == "power" else d.assumptions.cooling_schemes
            field.set_value(table.get(name, DEFAULT_SCHEME))

    def _refresh_allowance(self, param: str) -> None:
        """A fixed amount shows its own row and greys the share or rate it replaces."""
        af = self.assumption_form.fields
        fixed = self.document.design.assumptions.fixed_usd.get(param)
        af[f"mode:{param}"].set_value("basis" if fixed is None else "fixed")
        amount = af[f"fixed:{param}"]
        amount.set_value(fixed)
        amount.set_visible(fixed is not None)
        basis = af[param]
        basis.editor.setEnabled(fixed is None)
        basis.label.setEnabled(fixed is None)

    def _refresh_size(self, hall: Hall | None) -> None:
        hf = self.hall_form.fields
        for key in ("width_mm", "depth_mm", "area_m2", "x_range", "y_range"):
            hf[key].set_visible(hall is not None)
        self.size_hint.setVisible(hall is not None)
        if hall is None:
            return
        x0, y0, x1, y1 = outline_bounds(hall.outline)
        rectangle = is_axis_rectangle(hall.outline)
        for key, value in (("width_mm", x1 - x0), ("depth_mm", y1 - y0)):
            field = hf[key]
            assert isinstance(field, NumberField)
            field.set_value(value)
            field.edit.setReadOnly(not rectangle)
            field.edit.setEnabled(rectangle)
        hf["area_m2"].set_value(fmt_number(polygon_area_mm2(hall.outline) / 1e6, 1))
        hf["x_range"].set_value(f"{fmt_editable(x0)} … {fmt_editable(x1)}")
        hf["y_range"].set_value(f"{fmt_editable(y0)} … {fmt_editable(y1)}")
        if rectangle:
            self.size_hint.setText(self.tr("Typing a width or depth keeps the lower-left corner where it is. "
                                           "Blocks are not moved; any left outside are flagged in Checks."))
        else:
            self.size_hint.setText(self.tr("Not a rectangle: width and depth are the outline's extent. "
                                           "Reshape it on the canvas with the Hall outline tool."))

    def _refresh_doors(self, hall: Hall | None) -> None:
        rows = (hall.id, len(hall.doors)) if hall is not None else ("", -1)
        if rows != self._door_rows:
            self._rebuild_doors(hall)
        self.doors_form.setVisible(hall is not None)
        if hall is None:
            return
        for i, door in enumerate(hall.doors):
            field = self.doors_form.fields[f"door:{i}"]
            field.set_value(door.width_mm)
            field.set_tooltip(self.tr("Door D{0} on the wall at x {1} mm, y {2} mm").format(
                i + 1, fmt_editable(door.x_mm), fmt_editable(door.y_mm)))
        depth = effective_assumptions(self.document.design, self.document.catalog).get("door_clear_depth_mm")
        text = self.tr("Blocks must keep a clear zone {0} mm deep inside each door for equipment delivery "
                       "(assumption under Layout).").format(fmt_editable(depth)) if depth is not None else ""
        if not hall.doors:
            text = self.tr("No doors: add them on a hall wall with the Door tool.") + (" " + text if text else "")
        self.doors_hint.setText(text)

    # --- editing -------------------------------------------------------------------------
    def _on_door_width_committed(self, index: int, width_mm: float, field: Field) -> None:
        """A typed door width: the hall's doors, deep-copied with the one width changed, as one SetHallField."""
        hall = self.document.design.hall(self.hall_id)
        if hall is None or index >= len(hall.doors):
            return
        if float(width_mm) == hall.doors[index].width_mm:
            return
        doors = copy.deepcopy(hall.doors)
        doors[index].width_mm = float(width_mm)
        text = self.tr("Set width of door D{0} of {1} to {2} mm").format(index + 1, hall.name, fmt_editable(width_mm))
        self._request(SetHallField(hall.id, "doors", doors, text=text), field)

    def _request(self, edit: Edit, field: Field) -> None:
        self.edit_requested.emit(edit, field)

    def _on_hall_committed(self, key: str, value: Any) -> None:
        field = self.hall_form.fields[key]
        if key == "hall":
            self.hall_id = str(value)
            self.refresh()
            return
        hall = self.document.design.hall(self.hall_id)
        if hall is None:
            return
        if key in ("width_mm", "depth_mm"):
            self._resize_hall(hall, key, float(value), field)
            return
        self._request(SetHallField(hall.id, key, value, text=self.tr("Set {0} of {1}").format(
            field.label_fn().lower(), hall.name)), field)

    def _resize_hall(self, hall: Hall, key: str, size_mm: float, field: Field) -> None:
        """Width or depth of a rectangular hall, its lower-left corner fixed: one SetHallField on the outline."""
        if not is_axis_rectangle(hall.outline):
            field.show_error(self.tr("Only a rectangular hall can be sized here; "
                                     "reshape this one with the Hall outline tool."))
            return
        x0, y0, x1, y1 = outline_bounds(hall.outline)
        if key == "width_mm":
            if size_mm == x1 - x0:
                return
            # Corners on the right wall move; the test picks the nearer wall so float noise cannot mislead it.
            outline = [(x0 + size_mm if abs(x - x1) < abs(x - x0) else x, y) for x, y in hall.outline]
            text = self.tr("Set width of {0} to {1} mm").format(hall.name, fmt_editable(size_mm))
        else:
            if size_mm == y1 - y0:
                return
            outline = [(x, y0 + size_mm if abs(y - y1) < abs(y - y0) else y) for x, y in hall.outline]
            text = self.tr("Set depth of {0} to {1} mm").format(hall.name, fmt_editable(size_mm))
        problem = outline_problem(outline)
        if problem:
            field.show_error(problem)
            return
        self._request(SetHallField(hall.id, "outline", outline, text=text), field)

    def _on_site_committed(self, key: str, value: Any) -> None:
        field = self.site_form.fields[key]
        self._request(SetSiteField(key, value, text=self.tr("Set {0}").format(field.label_fn().lower())), field)

    def _on_assumption_committed(self, key: str, value: float) -> None:
        field = self.assumption_form.fields[key]
        spec = self.document.catalog.parameters[key]
        message = spec.check(value)
        if message:
            field.show_error(message)
            return
        self._request(SetAssumption(key, value, text=self.tr("Set {0}").format(field.label_fn())), field)

    def _on_allowance_mode_committed(self, param: str, mode: str) -> None:
        """Switching to a fixed amount starts from what the share or rate gives now, so the total does not jump."""
        field = self.assumption_form.fields[f"mode:{param}"]
        name = self.allowance_name(param)
        if mode == "fixed":
            results = self.document.results or self.document.recalculate_now()
            from workbench.calc.project_capex import project_capex

            now = project_capex(self.document.design, self.document.catalog, results, Fx("USD", 1.0))
            usd = next((float(a.cost) for a in now.allowances if a.param == param), 0.0)
            edit = SetAllowanceFixed(param, usd, text=self.tr("Set {0} to a fixed amount").format(name))
        else:
            edit = SetAllowanceFixed(param, None, text=self.tr("Size {0} from its assumption").format(name))
        self._request(edit, field)

    def _on_allowance_fixed_committed(self, param: str, usd: float | None) -> None:
        field = self.assumption_form.fields[f"fixed:{param}"]
        name = self.allowance_name(param)
        if usd is None:
            field.show_error(self.tr("Fixed amount of {0}: enter an amount in USD, or size it by its share "
                                     "or rate again above.").format(name))
            return
        problem = fixed_amount_problem(param, usd)
        if problem:  # the field's bounds already refuse these; the model's rule has the last word
            field.show_error(self.tr("Fixed amount of {0}: {1}").format(name, problem))
            return
        if self.document.design.assumptions.fixed_usd.get(param) == usd:
            return
        self._request(SetAllowanceFixed(param, usd, text=self.tr("Set fixed amount of {0}").format(name)), field)

    def _on_scheme_committed(self, domain: str, name: str, scheme: str, field: Field) -> None:
        try:
            edit = SetScheme(domain, name, scheme, text=self.tr("Set redundancy of {0} to {1}").format(name, scheme))
        except ValueError as exc:
            field.show_error(str(exc))
            return
        self._request(edit, field)
