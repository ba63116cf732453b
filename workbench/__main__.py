"""Entry point: a sub-command runs headless; no command (or a file) opens the window."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def main(argv: Sequence[str] | None = None) -> int:
    # Start-up makes hundreds of thousands of long-lived objects (modules, Qt wrappers, the opened design),
    # and the cyclic collector would walk all of them again and again while they are made, for nothing:
    # about a tenth of the window's start-up. The window turns it back on once it shows the design
    # (workbench/ui/app.py); every other path does so at once.
    gc.disable()
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    finally:
        gc.enable()


def _main(args: list[str]) -> int:
    if args[:1] == ["--self-test"]:
        gc.enable()
        from workbench.ui.selftest_qt import main as self_test

        return self_test()
    if args and args[0] == "bench":
        gc.enable()
        from workbench.bench import main as bench_main

        return bench_main(args[1:], scene_figures=_scene_figures, switch_figure=_switch_figure,
                          underlay_figure=_underlay_figure)
    from workbench.cli.main import COMMANDS, build_parser

    build_parser()  # sub-command modules enter their names in COMMANDS while the parser is built
    if args and (args[0] in COMMANDS or args[0].startswith("-") and args[0] not in ("--read-only",)):
        gc.enable()
        from workbench.cli.main import run

        return run(args)
    files = [a for a in args if not a.startswith("-")]
    if files and not Path(files[0]).exists():
        print(f"workbench: '{files[0]}' is neither a command nor an existing file "
              f"(commands: {', '.join(sorted(COMMANDS))}, bench)", file=sys.stderr)
        return 2
    try:
        from workbench.ui.app import run_app
    except ImportError as exc:
        print(f"workbench: the window needs PySide6 and pyqtgraph ({exc}); install with "
              "pip install -e '.[ui]', or use a command such as 'workbench calc FILE'", file=sys.stderr)
        return 2
    return run_app(args)


def _scene_figures(*args: Any) -> Any:
    """The bench's Qt figures, from the window package: imported only when they are measured."""
    from workbench.ui.bench_figures import ui_figures

    return ui_figures(*args)


def _switch_figure(*args: Any) -> Any:
    """scenario_switch, measured in the real window."""
    from workbench.ui.bench_scenarios import scenario_switch_figure

    return scenario_switch_figure(*args)



def _underlay_figure(*args: Any) -> Any:
    """underlay_pan_frame, measured in the real hall view."""
    from workbench.ui.bench_underlay import underlay_pan_figure

    return underlay_pan_figure(*args)


if __name__ == "__main__":
    raise SystemExit(main())
