#!/usr/bin/env python3
"""Set up the project's virtual environment when needed, then run the workbench or the tests.

Usage: python3 dev.py run [FILE]   |   python3 dev.py test [pytest args]   |   python3 dev.py bench
Only the standard library is used here, so it works on a fresh machine with Python 3.11+.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("WORKBENCH_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def _stamp() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_env() -> None:
    """Create .venv and install the project with UI and test extras when pyproject changed."""
    if sys.version_info < (3, 11):
        sys.exit(f"dev.py: Python 3.11 or newer is needed, this is {sys.version.split()[0]}")
    marker = VENV / ".workbench-installed"
    if marker.exists() and marker.read_text() == _stamp() and PY.exists():
        return
    if not PY.exists():
        print(f"dev.py: creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    print("dev.py: installing the workbench and its dependencies (first run only)", flush=True)
    subprocess.run([str(PY), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
    subprocess.run([str(PY), "-m", "pip", "install", "-q", "-e", f"{ROOT}[ui,test]"], check=True)
    marker.write_text(_stamp())


def window_can_start(argv: list[str], environ: dict[str, str] | None = None, lookup: object = None) -> bool:
    """Check the X11 libraries Qt's xcb plugin needs, so a fresh desktop hears what to install, not a Qt abort."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("_wb_system_libraries",
                                                  ROOT / "workbench" / "ui" / "system_libraries.py")
    if spec is None or spec.loader is None:
        return True
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while the class is built
    spec.loader.exec_module(module)
    message = module.check_before_qt(os.environ if environ is None else environ, argv, lookup)
    if message:
        print(message, file=sys.stderr)
        return False
    return True


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test", "bench", "setup"):
        print(__doc__)
        return 2
    ensure_env()
    cmd, rest = argv[0], argv[1:]
    if cmd == "setup":
        return 0
    if cmd == "run":
        # `run calc FILE` and other sub-commands are headless; no argument, a file or --read-only opens the window.
        opens_window = not rest or rest[0] == "--read-only" or Path(rest[0]).exists()
        if opens_window and not window_can_start(rest):
            return 1
        return subprocess.call([str(PY), "-m", "workbench", *rest])
    if cmd == "bench":
        return subprocess.call([str(PY), "-m", "workbench", "bench", *rest])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.call([str(PY), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
