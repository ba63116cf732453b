"""What a placed block says about itself in CAD: its footprint size and the attribute values (id, type, name, kW, system, loop)."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.model.blocktype import BlockType
from workbench.model.design import Block

# Attribute tags, in the order they are defined in every BLOCK and attached to every INSERT.
TAGS = ("ID", "TYPE", "NAME", "KW", "SYSTEM", "LOOP")
VISIBLE_TAGS = frozenset({"NAME"})


def block_kw(block: Block, t: BlockType) -> float:
    """The figure a CAD schedule wants in its kW column: IT load for racks, rating for power, duty for cooling."""
    o = block.overrides
    if t.rack is not None:
        return float(o.get("it_kw", t.rack.it_kw))
    if t.power is not None:
        return float(o.get("rating_kw", t.power.rating_kw))
    if t.cooling is not None:
        c = t.cooling
        return float(max(o.get("air_kw", c.air_kw), o.get("liquid_kw", c.liquid_kw),
                         o.get("heat_rejection_kw", c.heat_rejection_kw)))
    return 0.0


@dataclass(frozen=True)
class BlockAttributes:
    """The ATTRIB values of one INSERT, as text."""

    id: str
    type: str
    name: str
    kw: str
    system: str
    loop: str

    def by_tag(self) -> dict[str, str]:
        return {"ID": self.id, "TYPE": self.type, "NAME": self.name, "KW": self.kw, "SYSTEM": self.system,
                "LOOP": self.loop}


def block_attributes(block: Block, t: BlockType, lang: str) -> BlockAttributes:
    kw = block_kw(block, t)
    return BlockAttributes(block.id, t.id, block.name or t.display_name(lang), f"{kw:g}", block.power_system,
                           block.cooling_loop)
