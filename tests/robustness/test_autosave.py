"""Autosave store and Autosaver: writes while dirty, offers recovery after a crash, cleans up after a normal close."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.robustness.conftest import GOLDEN_V1, ROOT
from workbench.io import load_design
from workbench.io.autosave_store import AutosaveStore, autosave_dir, session_id
from workbench.model import Catalog
from workbench.model.edits import SetSiteField
from workbench.paths import user_data_dir

CRASHED_SESSION = f"""
import os, sys
sys.path.insert(0, {str(ROOT)!r})
from workbench.io import load_design
from workbench.io.autosave_store import AutosaveStore
design = load_design({str(GOLDEN_V1)!r}).design
design.site.name = "unsaved work"
AutosaveStore().write(design, "doc1", sys.argv[1])
os._exit(9)  # dies without a normal close
"""


def _crash_a_session(source: str = "/projects/hall.dchall.json") -> None:
    """A real process that autosaves and then dies; its pid is gone afterwards."""
    subprocess.run([sys.executable, "-c", CRASHED_SESSION, source], check=False, timeout=120)


def test_store_lives_in_the_user_data_folder_and_lists_newest_first(tmp_path: Path) -> None:
    assert autosave_dir() == user_data_dir() / "autosave"
    store = AutosaveStore(tmp_path)
    design = load_design(GOLDEN_V1).design
    first = store.write(design, "a", "/x/first.dchall.json")
    info = first.with_name(first.name.replace(".dchall.json", ".info.json"))
    info.write_text(json.dumps({**json.loads(info.read_text("utf-8")), "saved_at": time.time() - 60}), "utf-8")
    store.write(design, "b")
    entries = store.entries()
    assert [e.slot for e in entries] == ["b", "a"]
    assert entries[1].path == first and entries[1].source == "/x/first.dchall.json"
    assert entries[0].title == design.site.name and entries[0].session == session_id()
    assert load_design(first).design == design  # an autosave is an ordinary design file
    assert all(not p.name.startswith(".") or p.suffix != ".json" for p in tmp_path.iterdir())
    assert store.orphans() == []  # our own session is alive


def test_orphans_of_a_crashed_session_are_found_claimed_and_cleaned() -> None:
    _crash_a_session()
    store = AutosaveStore()
    (orphan,) = store.orphans()
    assert orphan.source == "/projects/hall.dchall.json" and orphan.title == "unsaved work"
    assert (time.time() - orphan.saved_at.timestamp()) < 120
    claimed = store.claim(orphan)
    assert store.orphans() == [] and claimed.exists() and not orphan.path.exists()
    assert load_design(claimed).design.site.name == "unsaved work"
    store.cleanup()
    assert store.entries() == []


@pytest.mark.needs_qt
def test_autosaver_writes_after_idle_and_removes_after_save(qtbot: Any, catalog: Catalog, golden_copy: Path,
                                                            tmp_path: Path) -> None:
    from workbench.ui.autosave import Autosaver
    from workbench.ui.document import Document

    doc = Document(catalog)
    doc.open(golden_copy)
    saver = Autosaver(doc, store=AutosaveStore(tmp_path / "auto"), interval_ms=60_000, idle_ms=20)
    with qtbot.waitSignal(saver.autosaved, timeout=5000) as blocker:
        doc.push(SetSiteField("name", "idle edit"))
    path = Path(blocker.args[0])
    assert load_design(path).design.site.name == "idle edit"
    (entry,) = saver.store.entries()
    assert entry.source == str(golden_copy)
    doc.save()  # the file now holds everything: the autosave goes
    assert not path.exists()
    saver.cleanup()


@pytest.mark.needs_qt
def test_autosaver_saves_periodically_only_when_something_changed(qtbot: Any, catalog: Catalog,
                                                                  tmp_path: Path) -> None:
    from workbench.ui.autosave import Autosaver
    from workbench.ui.document import Document

    doc = Document(catalog)
    saver = Autosaver(doc, store=AutosaveStore(tmp_path / "auto"), interval_ms=30, idle_ms=600_000)
    with qtbot.waitSignal(saver.autosaved, timeout=5000):
        doc.push(SetSiteField("name", "periodic"))
    written: list[str] = []
    saver.autosaved.connect(written.append)
    for _ in range(3):  # three periods pass with no new edit: nothing is rewritten
        with qtbot.waitSignal(saver.periodic_timer.timeout, timeout=5000):
            pass
    assert written == []
    with qtbot.waitSignal(saver.autosaved, timeout=5000):
        doc.push(SetSiteField("name", "again"))
    assert load_design(saver.path).design.site.name == "again"
    saver.cleanup()
    assert not saver.path.exists()


@pytest.mark.needs_qt
def test_autosave_failure_is_reported_not_raised(qtbot: Any, catalog: Catalog, tmp_path: Path) -> None:
    from workbench.ui.autosave import Autosaver
    from workbench.ui.document import Document

    blocker_file = tmp_path / "file"
    blocker_file.write_text("x")
    doc = Document(catalog)
    saver = Autosaver(doc, store=AutosaveStore(blocker_file / "auto"), interval_ms=60_000, idle_ms=10)
    with qtbot.waitSignal(saver.autosave_failed, timeout=5000) as blocker:
        doc.push(SetSiteField("name", "x"))
    assert "autosave failed" in blocker.args[0]
    assert doc.dirty and doc.design.site.name == "x"
    saver.cleanup()


@pytest.mark.needs_qt
def test_recovery_is_offered_with_its_time_and_recovered(qtbot: Any, click_on_exec: Callable[[str], list[str]],
                                                         catalog: Catalog) -> None:
    from workbench.ui.autosave import Autosaver, offer_recovery
    from workbench.ui.document import Document

    _crash_a_session()
    store = AutosaveStore()
    (orphan,) = store.orphans()
    shown = click_on_exec("recover")
    path = offer_recovery(None)
    assert path is not None and path.exists()
    assert orphan.saved_at.strftime("%Y-%m-%d %H:%M:%S") in shown[0]
    assert "unsaved work" in shown[0] and "/projects/hall.dchall.json" in shown[0]
    doc = Document(catalog)
    doc.open(path)
    assert doc.design.site.name == "unsaved work"
    saver = Autosaver(doc)
    saver.cleanup()  # a normal close removes the recovered copy too
    assert not path.exists() and AutosaveStore().entries() == []


@pytest.mark.needs_qt
def test_discard_deletes_and_later_keeps(click_on_exec: Callable[[str], list[str]], qtbot: Any) -> None:
    from workbench.ui.autosave import offer_recovery

    _crash_a_session()
    click_on_exec("later")
    assert offer_recovery(None) is None
    assert len(AutosaveStore().orphans()) == 1
    click_on_exec("discard")
    assert offer_recovery(None) is None
    assert AutosaveStore().entries() == []


@pytest.mark.needs_qt
def test_no_dialog_without_orphans(monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    from workbench.ui.autosave import offer_recovery

    def must_not_show(box: QMessageBox) -> int:
        raise AssertionError("no recovery dialog expected")

    monkeypatch.setattr(QMessageBox, "exec", must_not_show)
    AutosaveStore().write(load_design(GOLDEN_V1).design, "live")  # our own, live session
    assert offer_recovery(None) is None
