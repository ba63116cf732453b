"""scenario_switch: from choosing another option to a redrawn canvas and updated metrics, in the real window."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from workbench.bench.measure import Figure, median_time
from workbench.bench.scenario_figures import _copy, with_scenarios
from workbench.model.blocktype import Catalog
from workbench.model.design import Design


def scenario_switch_figure(design: Design, catalog: Catalog, runs: int) -> Figure:
    """Median of switching between the base and a scenario that removed a tenth of the racks.

    The time covers what choosing the option in the Scenarios bar does (the model swap, the canvas
    reconciling its items, the recalculation, the docks following the results) and one full repaint of
    the view.
    """
    from workbench.ui.document import Document
    from workbench.ui.main_window import MainWindow
    from workbench.ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    options = with_scenarios(_copy(design), 3)
    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow(Document(catalog), Settings(Path(folder) / "bench.ini"))
        window.document.new(options)
        window.resize(1600, 1000)
        window.show()
        app.processEvents()
        window.document.recalculate_now()
        targets = [s.id for s in options.scenarios if s.name == "Option 3"] + [""]
        state = {"next": 0}

        def switch() -> None:
            target = targets[state["next"] % 2]
            state["next"] += 1
            window.scenario_bar.switch_to(target)  # what choosing an option in the Scenarios bar does
            window.view.viewport().repaint()
            app.processEvents()

        median = median_time(switch, max(runs, 2) * 2)
        results = window.document.results
        if results is None or results.space.block_count != len(window.document.design.blocks):
            raise RuntimeError("scenario_switch: the figures shown are not those of the option switched to")
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()
        app.processEvents()
    return Figure("scenario_switch", len(design.blocks), median, max(runs, 2) * 2)
