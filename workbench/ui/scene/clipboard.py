"""The clipboard's MIME type for blocks (application/x-datahall-blocks); the text itself is editing/clipboard.py's."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData

from workbench.editing.clipboard import blocks_payload
from workbench.model.design import Design

BLOCKS_MIME = "application/x-datahall-blocks"


def blocks_mime(design: Design, ids: list[str] | set[str]) -> QMimeData | None:
    payload = blocks_payload(design, ids)
    if payload is None:
        return None
    mime = QMimeData()
    mime.setData(BLOCKS_MIME, QByteArray(payload.encode("utf-8")))
    mime.setText(payload)
    return mime
