"""Where the shipped resources and templates live, in a checkout or in a frozen bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding resources/ and templates/ (repo root, or the PyInstaller bundle)."""
    env = os.environ.get("WORKBENCH_ROOT")
    if env:
        return Path(env)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return app_root() / "resources"


def templates_dir() -> Path:
    return app_root() / "templates"


def sample_design_path() -> Path:
    return templates_dir() / "halls" / "ai-liquid-hall-sample.dchall.json"


def user_data_dir() -> Path:
    """Per-user data folder (templates, autosaves), following each platform's convention."""
    env = os.environ.get("WORKBENCH_USER_DIR")
    if env:
        return Path(env)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "datahall-workbench"
