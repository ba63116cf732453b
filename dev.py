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


# What the tests need from the system beyond Python packages: a program that renders DXF headless, the DXF
# files written by other people that its data package ships (tests/cad/test_librecad.py), and pdftoppm to
# look at report pages as pictures (tests/report: page fill, samples).
TEST_SYSTEM_PACKAGES = {"librecad": Path("/usr/bin/librecad"), "librecad-data": Path("/usr/share/librecad/library"),
                        "poppler-utils": Path("/usr/bin/pdftoppm")}


def ensure_test_system_packages() -> bool:
    """Install the Debian packages the tests need when missing (as root), or say the one command to run."""
    missing = [pkg for pkg, path in TEST_SYSTEM_PACKAGES.items() if not path.exists()]
    if not missing or not sys.platform.startswith("linux"):
        return True
    command = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if hasattr(os, "geteuid") and os.geteuid() == 0 and subprocess.call(["which", "apt-get"],
                                                                       stdout=subprocess.DEVNULL) == 0:
        print(f"dev.py: installing {', '.join(missing)} for the tests (first run only)", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        if subprocess.call(command, env=env, stdout=subprocess.DEVNULL) != 0:
            subprocess.call(["apt-get", "update", "-q"], env=env, stdout=subprocess.DEVNULL)
            if subprocess.call(command, env=env, stdout=subprocess.DEVNULL) != 0:
                print(f"dev.py: could not install {', '.join(missing)}; run: sudo {' '.join(command)}", file=sys.stderr)
                return False
        return True
    print(f"dev.py: the tests need LibreCAD, its library of DXF files and pdftoppm; run once:\n"
          f"    sudo {' '.join(command)}", file=sys.stderr)
    return False


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
    if not ensure_test_system_packages():
        return 2
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.call([str(PY), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
