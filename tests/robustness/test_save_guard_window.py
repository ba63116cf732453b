"""Saving in the window over a read-only file, or one another user owns: refused or asked, never silently
replaced (a rename over it would also have made us its owner)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from workbench.io import load_design
from workbench.model.edits import SetSiteField
from workbench.paths import sample_design_path

pytestmark = pytest.mark.needs_qt

NOBODY = 65534


@pytest.fixture
def window_on(qtbot: Any, tmp_path: Path) -> Iterator[Callable[[Path], Any]]:
    from workbench.ui.main_window import MainWindow
    from workbench.ui.settings import Settings

    opened: list[Any] = []

    def open_(path: Path) -> Any:
        w = MainWindow(settings=Settings(tmp_path / "w.ini"))
        opened.append(w)
        assert w.open_file(path, ask=False)
        w.document.push(SetSiteField("customer", "my edit"))
        return w

    yield open_
    for w in opened:
        w.document.undo_stack.setClean()
        w.close()
        w.deleteLater()


def test_a_read_only_file_is_refused_and_save_as_offered(window_on: Callable[[Path], Any], tmp_path: Path,
                                                         click_on_exec: Callable[[str], list[str]],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    design = tmp_path / "theirs.dchall.json"
    shutil.copyfile(sample_design_path(), design)
    window = window_on(design)
    design.chmod(0o444)
    before = design.read_bytes()
    shown = click_on_exec("save_as")
    copy = tmp_path / "mine.dchall.json"
    monkeypatch.setattr("workbench.ui.file_commands.ask_save_path", lambda *_a: str(copy))
    assert window.file_commands.save()
    assert "theirs.dchall.json” is read-only" in shown[0] and "will not replace it" in shown[0]
    assert design.read_bytes() == before and (design.stat().st_mode & 0o777) == 0o444
    assert load_design(copy).design.site.customer == "my edit" and window.document.path == copy


@pytest.mark.parametrize("answer", ["cancel", "replace"])
def test_another_users_file_is_replaced_only_when_asked(answer: str, window_on: Callable[[Path], Any],
                                                        tmp_path: Path,
                                                        click_on_exec: Callable[[str], list[str]]) -> None:
    design = tmp_path / "shared.dchall.json"
    shutil.copyfile(sample_design_path(), design)
    window = window_on(design)
    os.chown(design, NOBODY, NOBODY)
    design.chmod(0o666)  # writable by us, but theirs
    before = design.read_bytes()
    shown = click_on_exec(answer)
    saved = window.file_commands.save()
    assert "belongs to" in shown[0] and "makes you its owner" in shown[0]
    if answer == "cancel":
        assert not saved and design.read_bytes() == before and design.stat().st_uid == NOBODY
    else:
        assert saved and load_design(design).design.site.customer == "my edit"
