"""Shared test setup: offscreen Qt, isolated user folders, and the shipped catalog."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's data, settings or templates from a test."""
    home = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("WORKBENCH_USER_DIR", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("WORKBENCH_TEMPLATE_PATH", raising=False)
