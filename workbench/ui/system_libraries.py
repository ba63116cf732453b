"""Finds the X11 system libraries Qt's xcb platform plugin needs before Qt aborts without them.

Standard library only: dev.py loads this file with the system Python, before any virtual environment exists,
and the window calls it before the QApplication is created (Qt prints a cryptic line and aborts otherwise).
"""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

# The libraries libqxcb.so and libQt6XcbQpa.so.6 link (from `ldd` on the PySide6 6.11 wheel), by the name
# ctypes.util.find_library takes, with the Debian/Ubuntu package that ships each. Fresh desktops usually have
# the core libxcb ones; libxcb-cursor0 (required since Qt 6.5), -icccm4 and -keysyms1 are the usual gaps.
XCB_LIBRARIES: dict[str, str] = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-util": "libxcb-util1",
    "xcb-randr": "libxcb-randr0",
    "xcb-shape": "libxcb-shape0",
    "xcb-shm": "libxcb-shm0",
    "xcb-sync": "libxcb-sync1",
    "xcb-xfixes": "libxcb-xfixes0",
    "xcb-xkb": "libxcb-xkb1",
    "xcb-render": "libxcb-render0",
    "xcb": "libxcb1",
    "X11-xcb": "libx11-xcb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "xkbcommon": "libxkbcommon0",
}

Lookup = Callable[[str], "str | None"]


@dataclass(frozen=True)
class MissingLibraries:
    """What is missing, and the one command that installs it."""

    libraries: tuple[str, ...]  # find_library names, e.g. "xcb-cursor"
    packages: tuple[str, ...]  # Debian/Ubuntu package names, e.g. "libxcb-cursor0"

    def command(self) -> str:
        return "sudo apt-get install -y " + " ".join(self.packages)

    def message(self, have_apt: bool = True) -> str:
        files = ", ".join(f"lib{name}.so" for name in self.libraries)
        lines = [
            "workbench: the window cannot start on this X11 desktop: Qt's xcb platform plugin needs "
            f"system libraries that are not installed ({files}).",
            "Without them Qt stops with 'Could not load the Qt platform plugin \"xcb\"' before any window opens.",
        ]
        if have_apt:
            lines += ["Install them with:", "", "    " + self.command(), ""]
        else:
            lines.append("Install your distribution's packages that provide " + files + ".")
        lines.append("Then run the same command again. (Headless commands such as 'workbench calc FILE' work "
                     "without them; QT_QPA_PLATFORM=offscreen skips this check.)")
        return "\n".join(lines)


def platform_will_be_xcb(environ: Mapping[str, str] | None = None, argv: Iterable[str] = (),
                         platform: str | None = None) -> bool:
    """True when Qt is going to load its xcb plugin: Linux, an X display, and no other platform chosen."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return False
    args = list(argv)
    chosen = env.get("QT_QPA_PLATFORM", "")
    if "-platform" in args[:-1]:
        chosen = args[args.index("-platform") + 1]
    if chosen:
        # "xcb", "xcb:option", or a fallback list "wayland;xcb": only an xcb first choice matters here.
        return chosen.split(";")[0].split(":")[0].strip() == "xcb"
    if not env.get("DISPLAY"):
        return False
    # Qt 6 prefers its Wayland plugin in a Wayland session; xcb is then only a fallback.
    return not (env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE", "").lower() == "wayland")


def system_lookup() -> Lookup:
    """A lookup over the dynamic linker's cache (`ldconfig -p`, read once); ctypes' own search if that fails."""
    ldconfig = shutil.which("ldconfig") or next((p for p in ("/sbin/ldconfig", "/usr/sbin/ldconfig")
                                                 if os.path.exists(p)), None)
    if ldconfig is None:
        return ctypes.util.find_library
    try:
        listing = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, timeout=10, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return ctypes.util.find_library
    sonames = {line.split(" (")[0].strip() for line in listing.splitlines()[1:] if " => " in line}

    def lookup(name: str) -> str | None:
        # find_library's rule: "libNAME.so" followed by a version (libxcb-cursor.so.0), never a longer name.
        prefix = f"lib{name}.so"
        return next((s for s in sorted(sonames) if s == prefix or s.startswith(prefix + ".")), None)

    return lookup


def _in_folders(name: str, folders: Iterable[Path]) -> bool:
    """A bundle (PyInstaller, pyside6-deploy) may ship the library beside Qt instead of the system having it."""
    return any(any(folder.glob(f"lib{name}.so*")) for folder in folders if folder.is_dir())


def missing_xcb_libraries(lookup: Lookup | None = None,
                          extra_folders: Iterable[Path] = ()) -> MissingLibraries | None:
    """The xcb libraries neither the system (`lookup`, ldconfig's cache) nor the bundle provides; None if all there."""
    lookup = lookup or system_lookup()
    folders = list(extra_folders)
    missing = [name for name in XCB_LIBRARIES if lookup(name) is None and not _in_folders(name, folders)]
    if not missing:
        return None
    return MissingLibraries(tuple(missing), tuple(XCB_LIBRARIES[name] for name in missing))


def check_before_qt(environ: Mapping[str, str] | None = None, argv: Iterable[str] = (),
                    lookup: Lookup | None = None, extra_folders: Iterable[Path] = ()) -> str | None:
    """The message to print instead of starting Qt, or None when the window can start."""
    if not platform_will_be_xcb(environ, argv):
        return None
    missing = missing_xcb_libraries(lookup, extra_folders)
    if missing is None:
        return None
    return missing.message(have_apt=shutil.which("apt-get") is not None)
