"""The scenario switcher: a toolbar combo, the Scenarios menu, and the banner that says which option is edited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QInputDialog, QLabel, QMenu, QMessageBox, QWidget

from workbench.io.scenario_state import BASE
from workbench.scenarios import operations as ops

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

# The banner's colour: a scenario is being edited (amber reads as "not the base" in both themes).
BANNER_STYLE = "background:#b26a00;color:white;padding:3px 10px;border-radius:3px;font-weight:600"


def tr(text: str) -> str:
    return QCoreApplication.translate("ScenarioBar", text)


class ScenarioBar(QObject):
    """Adds the switcher to the window's toolbar and a Scenarios menu; every action is one undo step."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.document = window.document
        self.combo = QComboBox(window)
        self.combo.setObjectName("ScenarioCombo")
        self.combo.setMinimumContentsLength(14)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.activated.connect(self._on_activated)
        self.label = QLabel(window)
        window.toolbar.addSeparator()
        window.toolbar.addWidget(self.label)
        window.toolbar.addWidget(self.combo)
        self.banner = QLabel(window.view)
        self.banner.setObjectName("ScenarioBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.banner.move(12, 10)
        self.menu = QMenu(window)
        self.menu.setObjectName("menu_scenarios")
        self.actions: dict[str, QAction] = {}
        for key in ("new", "duplicate", "rename", "delete", "promote", "-", "compare"):
            if key == "-":
                self.menu.addSeparator()
                continue
            action = QAction(window)
            action.setObjectName(f"scenario_{key}")
            action.triggered.connect(getattr(self, f"_do_{key}"))
            self.menu.addAction(action)
            self.actions[key] = action
        bar = window.menuBar()
        help_menu = window.menus.get("help")
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), self.menu)
        else:
            bar.addMenu(self.menu)
        window.menus["scenarios"] = self.menu
        self.document.design_replaced.connect(self._follow)
        self._follow()
        self.retranslate()

    # --- following the design --------------------------------------------------------------
    def _follow(self) -> None:
        events = self.document.design.events
        events.design_reset.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        design = self.document.design
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(tr("Base design"), BASE)
        for s in design.scenarios:
            self.combo.addItem(s.name, s.id)
        index = self.combo.findData(design.active_scenario)
        self.combo.setCurrentIndex(max(0, index))
        self.combo.blockSignals(False)
        has = bool(design.scenarios)
        active = design.active_scenario != BASE
        for key in ("duplicate", "rename", "delete", "promote"):
            self.actions[key].setEnabled(active)
        self.actions["compare"].setEnabled(has)
        name = self.active_name()
        self.banner.setText(tr("Editing scenario “%1”: changes apply to this option only").replace("%1", name))
        self.banner.adjustSize()
        self.banner.setVisible(active)
        self.window.update_title()

    def active_name(self) -> str:
        design = self.document.design
        return next((s.name for s in design.scenarios if s.id == design.active_scenario), "")

    def retranslate(self) -> None:
        self.menu.setTitle(tr("&Scenarios"))
        self.label.setText(tr(" Scenario: "))
        texts = {"new": tr("&New scenario from current…"), "duplicate": tr("&Duplicate scenario…"),
                 "rename": tr("&Rename scenario…"), "delete": tr("De&lete scenario"),
                 "promote": tr("&Promote to base"), "compare": tr("&Compare scenarios…")}
        for key, text in texts.items():
            self.actions[key].setText(text)
        self.combo.setToolTip(tr("The option being edited; edits change only this option"))
        self.refresh()

    # --- actions ---------------------------------------------------------------------------
    def _push(self, make: object) -> bool:
        try:
            edit = make()  # type: ignore[operator]
        except ops.ScenarioError as exc:
            QMessageBox.warning(self.window, tr("Scenarios"), str(exc))
            return False
        self.document.push(edit, edit.text)
        return True

    def switch_to(self, scenario_id: str) -> bool:
        """Edit another option (one undo step), with its figures calculated before the window repaints."""
        if scenario_id == self.document.design.active_scenario:
            return True
        if not self._push(lambda: ops.switch(self.document.design, scenario_id)):
            return False
        # A switch is one deliberate action, not a burst of edits to coalesce: no waiting for the throttle.
        self.document.recalculate_now()
        return True

    def _on_activated(self, index: int) -> None:
        if not self.switch_to(str(self.combo.itemData(index))):
            self.refresh()

    def _ask_name(self, title: str, label: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(self.window, title, label, text=text)
        return name if ok else None

    def _do_new(self) -> None:
        name = self._ask_name(tr("New scenario"), tr("Name of the new option (it starts as what you see now):"))
        if name is not None:
            self._push(lambda: ops.create(self.document.design, name))

    def _do_duplicate(self) -> None:
        current = self.active_name()
        name = self._ask_name(tr("Duplicate scenario"), tr("Name of the copy:"), current + " (2)")
        if name is not None:
            self._push(lambda: ops.duplicate(self.document.design, self.document.design.active_scenario, name))

    def _do_rename(self) -> None:
        name = self._ask_name(tr("Rename scenario"), tr("New name:"), self.active_name())
        if name is not None:
            self._push(lambda: ops.rename(self.document.design, self.document.design.active_scenario, name))

    def _do_delete(self) -> None:
        self._push(lambda: ops.delete(self.document.design, self.document.design.active_scenario))

    def _do_promote(self) -> None:
        self._push(lambda: ops.promote(self.document.design, self.document.design.active_scenario))

    def _do_compare(self) -> None:
        from workbench.ui.dialogs.compare_dialog import CompareDialog

        dialog = CompareDialog(self.document, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.compare_dialog: QWidget = dialog
