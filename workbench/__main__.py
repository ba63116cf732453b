"""Entry point: a sub-command runs headless; no command (or a file) opens the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from workbench.cli.main import COMMANDS, _register_extensions

    _register_extensions()
    if args and (args[0] in COMMANDS or args[0].startswith("-") and args[0] not in ("--read-only",)):
        from workbench.cli.main import run

        return run(args)
    try:
        from workbench.ui.app import run_app
    except ImportError as exc:
        print(f"workbench: the window needs PySide6 and pyqtgraph ({exc}); install with "
              "pip install -e '.[ui]', or use a command such as 'workbench calc FILE'", file=sys.stderr)
        return 2
    return run_app(args)


if __name__ == "__main__":
    raise SystemExit(main())
