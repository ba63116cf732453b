"""The start-up benchmark's clock stops when the window shows the opened design with its figures, and the
figure it gives is a real start of the workbench."""

from __future__ import annotations

from pathlib import Path

from workbench.bench.generate import generate_design
from workbench.bench.views import SHOWN_MARK, startup_figure
from workbench.model import Catalog
from workbench.ui.app import report_when_shown
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings


def test_the_mark_comes_after_the_first_figures_are_shown(qtbot, settings: Settings, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          catalog: Catalog, capsys) -> None:
    from workbench.io import save_design

    path = tmp_path / "small.dchall.json"
    save_design(generate_design(catalog, 200), path)
    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    assert w.open_file(path, ask=False)
    assert w.document.recalc_pending and w.document.results is None  # opening asks for its figures at once
    seen: list[bool] = []
    w.document.results_ready.connect(lambda *_: seen.append(SHOWN_MARK in capsys.readouterr().out))
    w.show()
    report_when_shown(w)
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=10000)
    assert seen and seen[0] is False  # not printed before the results were ready
    assert SHOWN_MARK in capsys.readouterr().out
    assert w.document.results is not None and w.document.results.it_load_kw > 0


def test_startup_figure_times_a_real_start(catalog: Catalog) -> None:
    figure = startup_figure(generate_design(catalog, 100), runs=1)
    assert figure.note == "" and figure.median_s is not None
    assert 0.2 < figure.median_s < 20  # a Python process that imported Qt and opened a window


def test_the_collector_held_through_start_up_runs_again_once_the_design_is_shown(  # type: ignore[no-untyped-def]
        qtbot, settings: Settings, tmp_path: Path, catalog: Catalog) -> None:
    import gc

    from workbench.io import save_design
    from workbench.ui.app import when_first_shown

    path = tmp_path / "small.dchall.json"
    save_design(generate_design(catalog, 100), path)
    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    gc.disable()  # as workbench/__main__.py does for the window
    try:
        assert w.open_file(path, ask=False)
        when_first_shown(w, gc.enable)
        assert not gc.isenabled()  # the figures are still to come
        w.show()
        qtbot.waitUntil(gc.isenabled, timeout=10000)
        assert w.document.results is not None
        gc.disable()
        when_first_shown(w, gc.enable)  # figures already there: at once
        assert gc.isenabled()
    finally:
        gc.enable()
