"""The window's own start (`workbench` with no command) stops with the install command before Qt aborts."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import sys
from workbench.ui import system_libraries
# Simulate ldconfig's answer on a fresh desktop; the detection code around it is the real one.
system_libraries.system_lookup = lambda: (lambda name: None if name == "xcb-cursor" else "lib%s.so.0" % name)
from workbench.__main__ import main
sys.exit(main([]))
"""


def test_workbench_says_what_to_install_and_exits_cleanly() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = ":97"  # no such server: were the check skipped, Qt itself would abort
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stderr
    assert "sudo apt-get install -y libxcb-cursor0" in done.stderr
    assert "qt.qpa" not in done.stderr and "application failed to start" not in done.stderr  # before Qt spoke
