"""Schema migrations: each step turns a version-n document into version n+1."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CURRENT_VERSION = 1

# version -> function upgrading a document of that version to version + 1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class NewerVersionError(ValueError):
    pass


def migrate(doc: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """Bring a document to the current version; returns it and the version it came in."""
    version = doc.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError(f"$.schema_version: must be a whole number ≥ 1, got {version!r}")
    if version > CURRENT_VERSION:
        raise NewerVersionError(
            f"$.schema_version: this file was written in schema version {version}, newer than the "
            f"version {CURRENT_VERSION} this workbench reads; update the workbench to open it")
    original = version
    while version < CURRENT_VERSION:
        doc = MIGRATIONS[version](doc)
        version += 1
        doc["schema_version"] = version
    return doc, original
