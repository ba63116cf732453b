"""The main window's file commands: new, open, save, save as, recent files and the unsaved-changes question."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from workbench.io import FILE_SUFFIX
from workbench.model.problems import InputError, Problem
from workbench.ui.dialogs.file_dialogs import ask_open_path, ask_save_path
from workbench.ui.document import Document
from workbench.ui.file_session import FileSession
from workbench.ui.settings import Settings

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


def save_start_path(current: Path | None, site_name: str) -> Path:
    """Where Save As starts: beside the current file, else the user's documents folder (never the program's)."""
    if current is not None:
        return current
    from PySide6.QtCore import QStandardPaths

    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
    name = "".join("-" if ch in '/\\:*?"<>|' else ch for ch in site_name).strip(" .-") or "design"
    return folder / f"{name}{FILE_SUFFIX}"


def recent_labels(files: list[str]) -> list[str]:
    """"name — folder" per recent file, the folder shortened to ~ under the home folder."""
    home = str(Path.home())
    out = []
    for f in files:
        p = Path(f)
        folder = str(p.parent)
        if folder == home or folder.startswith(home + "/"):
            folder = "~" + folder[len(home):]
        out.append(f"{p.name} — {folder}")
    return out


class FileCommands(QObject):
    """What File → New/Open/Save do; the window keeps the menus, the title and the status bar."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    @property
    def doc(self) -> Document:
        return self.window.document

    @property
    def files(self) -> FileSession:
        return self.window.files

    @property
    def settings(self) -> Settings:
        return self.window.settings

    def open_file(self, path: str | Path, ask: bool = True) -> bool:
        """Open a design file; problems are shown, and the current design stays on failure."""
        if ask and not self.maybe_save():
            return False
        choice = self.files.before_open(path)
        if choice == "cancel":
            return False
        try:
            warnings = self.doc.open(path)
        except InputError as exc:
            self.files.open_failed()
            QMessageBox.critical(self.window, self.tr("Cannot open design"), self._problem_text(path, exc.problems))
            return False
        except OSError as exc:
            self.files.open_failed()
            QMessageBox.critical(self.window, self.tr("Cannot open design"), f"{path}:\n{exc.strerror or exc}")
            return False
        self.files.after_open(path, choice)
        self.window.update_title()
        self.settings.add_recent_file(path)
        if warnings:
            QMessageBox.warning(self.window, self.tr("Opened with warnings"), self._problem_text(path, warnings))
        return True

    def open_recovered(self, path: Path) -> None:
        """Open an autosave recovered after a crash; it counts as unsaved work on its original file."""
        from workbench.io.autosave_store import AutosaveStore

        entry = AutosaveStore().entry(path)
        if self.open_file(path, ask=False):
            # The lock belongs on the original file (if it is known, absolute and still the same file).
            self.files.after_recover(entry)
            self.window.update_title()

    @staticmethod
    def _problem_text(path: str | Path, problems: list[Problem]) -> str:
        lines = [f"{p.where}: {p.message}" for p in problems[:15]]
        if len(problems) > 15:
            lines.append(f"… {len(problems) - 15} more")
        return f"{Path(path).name}\n\n" + "\n".join(lines)

    # --- file commands -------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes; True means go ahead."""
        if not self.doc.dirty:
            return True
        answer = QMessageBox.question(
            self.window, self.tr("Unsaved changes"),
            self.tr("Save the changes to %1 before closing it?").replace("%1", self.window.display_name()),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_design(self) -> None:
        if self.maybe_save():
            self.doc.read_only = False
            self.doc.new()

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        start = str(self.doc.path.parent) if self.doc.path else ""
        path = ask_open_path(self.window, start)
        if path:
            self.open_file(path, ask=False)

    def save(self) -> bool:
        if self.doc.read_only or self.doc.path is None:
            return self.save_as()
        return self._save_to(self.doc.path)

    def save_as(self) -> bool:
        path = ask_save_path(self.window, str(save_start_path(self.doc.path, self.doc.design.site.name)))
        if not path:
            return False
        if not path.endswith(FILE_SUFFIX):
            path += FILE_SUFFIX
        if self._save_to(Path(path)):
            self.files.after_save_as(path)
            self.doc.read_only = False
            self.window.update_title()
            return True
        return False

    def _save_to(self, path: Path) -> bool:
        decision = self.files.check_before_save(path)  # read-only, someone else's, changed since recovery, locked
        if decision == "save_as":
            return self.save_as()
        if decision != "save":
            return False
        try:
            self.doc.save(path)
        except (OSError, ValueError) as exc:
            self.files.save_failed()
            QMessageBox.critical(self.window, self.tr("Cannot save design"), f"{path}:\n{exc}")
            return False
        self.files.after_save(path)
        self.settings.add_recent_file(path)
        self.window.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 5000)
        return True

    def close_design(self) -> None:
        """File → Close: put the design away (asking to save) and leave an untitled empty one."""
        if not self.maybe_save():
            return
        self.files.close()
        self.doc.read_only = False
        self.doc.new()
        self.window.update_title()

    def fill_recent_menu(self) -> None:
        self.window.recent_menu.clear()
        files = self.settings.recent_files()
        for k, (f, label) in enumerate(zip(files, recent_labels(files))):
            # Numbered for the keyboard (&1 … &9); the folder tells two files of the same name apart.
            action = self.window.recent_menu.addAction(f"&{k + 1} {label}" if k < 9 else label)
            action.setToolTip(f)
            action.setStatusTip(f)
            action.triggered.connect(lambda _c=False, f=f: self._open_recent(f))
        if files:
            self.window.recent_menu.addSeparator()
            self.window.recent_menu.addAction(self.tr("Clear list"), self.settings.clear_recent_files)
        else:
            self.window.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _open_recent(self, path: str) -> None:
        if not Path(path).exists():
            QMessageBox.warning(self.window, self.tr("Cannot open design"),
                                self.tr("%1 no longer exists.").replace("%1", path))
            self.settings.remove_recent_file(path)
            return
        self.open_file(path)
