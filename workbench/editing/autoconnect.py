"""Auto-connect as one undoable edit: the rules of calc.autoconnect_rules applied to a design or a selection."""

from __future__ import annotations

from collections.abc import Iterable

from workbench.calc.autoconnect_rules import derive_connections
from workbench.model.blocktype import Catalog
from workbench.model.connection_edits import ReplaceConnections
from workbench.model.design import Design


def autoconnect_edit(design: Design, catalog: Catalog, block_ids: Iterable[str] | None = None) -> ReplaceConnections:
    """Rewire the whole design (block_ids None) or the given blocks, as one undo step.

    Whole design: every connection is replaced by the derived ones. A selection: the connections into the
    selected blocks are replaced by the derived ones; derived edges from a selected block to an unselected
    one are added only where that input has nothing connected yet, so hand-drawn wiring elsewhere stays.
    """
    if block_ids is None:
        derived = derive_connections(design, catalog)
        return ReplaceConnections(list(design.connections), list(derived.connections), text="Auto-connect")
    chosen = set(block_ids)
    derived = derive_connections(design, catalog, chosen)
    remove = [c.id for c in design.connections.values() if c.to_block in chosen]
    removed = set(remove)
    # Inputs outside the selection that already have something connected keep their wiring.
    fed = {(c.to_block, c.to_port) for c in design.connections.values() if c.id not in removed}
    keys = {c.key for c in design.connections.values() if c.id not in removed}
    add = [c for c in derived.connections
           if c.key not in keys and (c.to_block in chosen or (c.to_block, c.to_port) not in fed)]
    # Ids are derived from the edge, so a removed edge coming back keeps its id: drop it from both lists.
    back = {c.id for c in add} & removed
    return ReplaceConnections([i for i in remove if i not in back], [c for c in add if c.id not in back],
                              text="Auto-connect")
