"""A long session: tens of thousands of item moves through edits, undo and redo, without a crash."""

from __future__ import annotations

from workbench.model.edits import MoveBlocks
from workbench.ui.main_window import MainWindow
from workbench.ui.scene.coords import to_scene


def test_twenty_thousand_item_moves(window: MainWindow) -> None:
    doc, scene = window.document, window.scene
    ids = list(doc.design.blocks)[:40]
    start = {i: (doc.design.blocks[i].x_mm, doc.design.blocks[i].y_mm) for i in ids}
    moves = 0
    for step in range(260):
        dx = 600.0 if step % 2 == 0 else -600.0
        pos = [(doc.design.blocks[i].x_mm + dx, doc.design.blocks[i].y_mm) for i in ids]
        doc.push(MoveBlocks(ids, pos))
        moves += len(ids)
    for _ in range(120):
        doc.undo_stack.undo()
        moves += len(ids)
    for _ in range(120):
        doc.undo_stack.redo()
        moves += len(ids)
    # Live drags too: each frame moves every dragged item on screen.
    scene.begin_drag(ids)
    for frame in range(100):
        scene.drag_to(frame * 10.0, 0.0)
        moves += len(ids)
    scene.cancel_drag()
    assert moves >= 20000
    assert all((doc.design.blocks[i].x_mm, doc.design.blocks[i].y_mm) == start[i] for i in ids)
    assert all(scene.block_items[i].pos() == to_scene(*start[i]) for i in ids)
    results = doc.recalculate_now()
    assert not [c for c in results.checks if c.code == "overlap"]
    assert not window.grab().isNull()
