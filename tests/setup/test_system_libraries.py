"""A fresh desktop without Qt's xcb libraries hears the one command to run, before Qt aborts."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from workbench.ui import system_libraries as sl

ROOT = Path(__file__).resolve().parents[2]
X11 = {"DISPLAY": ":0"}


def _without(*names: str):  # type: ignore[no-untyped-def]
    """A lookup that answers like ldconfig on a machine lacking `names`."""
    return lambda name: None if name in names else f"lib{name}.so.0"


def test_the_real_lookup_reads_the_linker_cache() -> None:
    lookup = sl.system_lookup()
    found = lookup("c")  # glibc is on every Linux machine
    assert found is not None and found.startswith("libc.so")
    assert lookup("xcb-no-such-library") is None
    assert lookup("xcb") in (None, "libxcb.so", "libxcb.so.1")  # never libxcb-cursor.so.0 by prefix


def test_a_missing_cursor_library_names_its_package_and_command() -> None:
    missing = sl.missing_xcb_libraries(_without("xcb-cursor"))
    assert missing is not None
    assert missing.packages == ("libxcb-cursor0",)
    assert missing.command() == "sudo apt-get install -y libxcb-cursor0"
    text = missing.message()
    assert "libxcb-cursor.so" in text and "    sudo apt-get install -y libxcb-cursor0" in text
    assert "xcb" in text and "platform plugin" in text  # why, not only what


def test_several_missing_libraries_make_one_command() -> None:
    missing = sl.missing_xcb_libraries(_without("xcb-cursor", "xcb-icccm", "xcb-keysyms"))
    assert missing is not None
    assert missing.command() == "sudo apt-get install -y libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"


def test_nothing_is_said_when_every_library_is_there() -> None:
    assert sl.missing_xcb_libraries(_without()) is None
    assert sl.check_before_qt(X11, [], _without()) is None


def test_a_bundle_that_ships_the_library_is_not_told_to_install_it(tmp_path: Path) -> None:
    (tmp_path / "libxcb-cursor.so.0").write_bytes(b"")
    assert sl.missing_xcb_libraries(_without("xcb-cursor"), [tmp_path]) is None


@pytest.mark.parametrize(("env", "argv", "xcb"), [
    ({"DISPLAY": ":0"}, [], True),
    ({}, [], False),  # no display: a server or CI; Qt would not try xcb
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, [], False),
    ({"QT_QPA_PLATFORM": "xcb"}, [], True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland;xcb"}, [], False),
    ({"DISPLAY": ":0"}, ["-platform", "offscreen"], False),
    ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, [], False),
    ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "x11"}, [], True),
])
def test_the_check_runs_only_when_qt_will_use_xcb(env: dict[str, str], argv: list[str], xcb: bool) -> None:
    assert sl.platform_will_be_xcb(env, argv, platform="linux") is xcb
    said = sl.check_before_qt(env, argv, _without("xcb-cursor"))
    assert (said is not None) is (xcb and sys.platform.startswith("linux"))


def test_not_on_windows_or_macos() -> None:
    assert not sl.platform_will_be_xcb(X11, [], platform="win32")
    assert not sl.platform_will_be_xcb(X11, [], platform="darwin")


def test_dev_py_run_prints_the_command_instead_of_starting(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("_dev_under_test", ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)  # only the standard library, as on a fresh machine
    assert dev.window_can_start([], X11, _without("xcb-cursor")) is False
    err = capsys.readouterr().err
    assert "sudo apt-get install -y libxcb-cursor0" in err
    assert dev.window_can_start([], X11, _without()) is True
    assert dev.window_can_start([], {"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, _without("xcb-cursor"))
