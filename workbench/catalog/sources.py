"""Where templates and block libraries come from: built-in, the user's folder and shared folders."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from workbench.model.blocktype import Catalog
from workbench.model.problems import Problem
from workbench.paths import templates_dir, user_data_dir

ENV_TEMPLATE_PATH = "WORKBENCH_TEMPLATE_PATH"
ORIGINS = ("built-in", "user", "shared")
LIBRARIES_SUBDIR = "libraries"
MAX_FILES_PER_FOLDER = 2000  # a mis-set shared path (a whole drive) must not hang the gallery
TEMPLATE_SUFFIX = ".dchall.json"


@dataclass(frozen=True)
class TemplateFolder:
    """One folder holding templates (any depth) and block libraries (under libraries/)."""

    path: Path
    origin: str  # "built-in", "user" or "shared"

    @property
    def label(self) -> str:
        return f"{self.origin}: {self.path}"


def user_templates_dir() -> Path:
    return user_data_dir() / "templates"


def shared_folders_from_env() -> list[Path]:
    """Folders listed in WORKBENCH_TEMPLATE_PATH (os.pathsep-separated); blanks ignored."""
    raw = os.environ.get(ENV_TEMPLATE_PATH, "")
    return [Path(p.strip()).expanduser() for p in raw.split(os.pathsep) if p.strip()]


def template_folders(shared: Iterable[Path | str] = (), problems: list[Problem] | None = None,
                     include_builtin: bool = True) -> list[TemplateFolder]:
    """Built-in, user and shared folders in that order, without duplicates.

    `shared` are the folders set in Preferences; the environment variable adds more. A shared
    folder that cannot be reached (an unplugged network drive) is reported, not fatal.
    """
    candidates: list[TemplateFolder] = []
    if include_builtin:
        candidates.append(TemplateFolder(templates_dir(), "built-in"))
    candidates.append(TemplateFolder(user_templates_dir(), "user"))
    for p in [*shared_folders_from_env(), *(Path(s).expanduser() for s in shared)]:
        candidates.append(TemplateFolder(p, "shared"))
    out: list[TemplateFolder] = []
    seen: set[str] = set()
    for folder in candidates:
        key = _key(folder.path)
        if key in seen:
            continue
        seen.add(key)
        if folder.origin == "shared" and not _is_dir(folder.path):
            if problems is not None:
                problems.append(Problem(str(folder.path), "shared template folder not found or not reachable; skipped",
                                        "warning"))
            continue
        out.append(folder)
    return out


def template_files(folder: TemplateFolder, problems: list[Problem] | None = None) -> list[Path]:
    """Design files anywhere in the folder except under libraries/, sorted, capped in number."""
    if not _is_dir(folder.path):
        return []
    found: list[Path] = []
    try:
        for path in sorted(folder.path.rglob(f"*{TEMPLATE_SUFFIX}")):
            rel = path.relative_to(folder.path)
            if rel.parts and rel.parts[0] == LIBRARIES_SUBDIR:
                continue
            if path.is_symlink() and folder.origin != "built-in":
                # A link in a shared folder could point anywhere on the reader's disk.
                if problems is not None:
                    problems.append(Problem(str(path), "is a symbolic link; skipped", "warning"))
                continue
            if not path.is_file():
                continue
            found.append(path)
            if len(found) >= MAX_FILES_PER_FOLDER:
                if problems is not None:
                    problems.append(Problem(str(folder.path), f"more than {MAX_FILES_PER_FOLDER} templates; "
                                            "the rest are not listed", "warning"))
                break
    except OSError as exc:
        if problems is not None:
            problems.append(Problem(str(folder.path), f"cannot be listed: {exc.strerror or exc}", "warning"))
    return found


def library_files(folder: TemplateFolder) -> list[Path]:
    """Extra catalog files in the folder's libraries/ subfolder."""
    lib = folder.path / LIBRARIES_SUBDIR
    if not _is_dir(lib):
        return []
    try:
        return sorted(p for p in lib.glob("*.json") if p.is_file() and not p.is_symlink())
    except OSError:
        return []


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _key(path: Path) -> str:
    try:
        return os.path.normcase(str(path.resolve()))
    except OSError:
        return os.path.normcase(str(path.absolute()))


def catalog_with_libraries(shared: Iterable[Path | str] = ()) -> tuple[Catalog, list[Problem]]:
    """The shipped catalog plus every block library in the template folders (user, shared, environment)."""
    from workbench.catalog.library import default_catalog, load_catalog

    problems: list[Problem] = []
    files = [f for folder in template_folders(shared, problems) for f in library_files(folder)]
    if not files:
        return default_catalog(), problems
    catalog, found = load_catalog(files)
    return catalog, problems + found
