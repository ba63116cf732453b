"""Frozen-bundle entry point: `workbench --self-test` runs the self-test, anything else goes to workbench.__main__."""

from __future__ import annotations

import multiprocessing
import sys


def launch() -> int:
    args = sys.argv[1:]
    if args[:1] == ["--self-test"]:
        # Handled here too so a bundle can always test itself, whatever __main__ does with the flag.
        from workbench.ui.selftest_qt import main as self_test

        return self_test()
    from workbench.__main__ import main

    return main(args)


if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen child process must not start a second window
    raise SystemExit(launch())
