"""Schema migrations: each step turns a version-n document into version n+1."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

CURRENT_VERSION = 2


def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds the plant graph (`connections`). The document step only makes room for it; the edges
    themselves are derived from systems, loops and positions once the catalog is known (io.project._loads
    calls calc.autoconnect_rules), since which ports a block has is catalog data."""
    doc["connections"] = []
    return doc


# version -> function upgrading a document of that version to version + 1. Every version that ever
# ships keeps a golden file tests/data/design-v<version>.dchall.json that must load into today's model.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


class NewerVersionError(ValueError):
    """The file comes from a newer workbench; reading it could silently drop what we do not know."""

    def __init__(self, file_version: int) -> None:
        self.file_version = file_version
        super().__init__(
            f"$.schema_version: this file was written in schema version {file_version}, newer than "
            f"schema version {CURRENT_VERSION} that this workbench reads; update the workbench to open it")


def file_version(doc: dict[str, Any]) -> int:
    """The document's schema version; ValueError (with its JSON path) when missing or not a whole number ≥ 1."""
    if "schema_version" not in doc:
        raise ValueError("$.schema_version: missing; a design file states its schema version")
    version = doc["schema_version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        shown = repr(version) if isinstance(version, (int, float, str, bool)) or version is None else type(version).__name__
        raise ValueError(f"$.schema_version: must be a whole number ≥ 1, got {shown[:40]}")
    return version


def migrate(doc: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """Bring a document to the current version; returns it and the version it came in.

    The input is never changed: upgrading works on a copy, so a failed step leaves nothing half done.
    """
    version = file_version(doc)
    if version > CURRENT_VERSION:
        raise NewerVersionError(version)
    original = version
    if version < CURRENT_VERSION:
        doc = copy.deepcopy(doc)
    while version < CURRENT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ValueError(f"$.schema_version: no upgrade from schema version {version} is known")
        try:
            doc = step(doc)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            raise ValueError(f"$: cannot upgrade from schema version {version} to {version + 1}: "
                             f"{type(exc).__name__}: {str(exc)[:200]}") from None
        version += 1
        doc["schema_version"] = version
    return doc, original
