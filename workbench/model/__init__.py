"""Plain-data design model with events and invertible edits; no Qt, no shapely, no files."""

from workbench.model.blocktype import (
    BlockType,
    Catalog,
    CoolingSpec,
    LossCoefficients,
    ParameterSpec,
    PowerSpec,
    Price,
    RackSpec,
)
from workbench.model.design import (
    Assumptions,
    Block,
    Column,
    Design,
    Door,
    Hall,
    ModuleInstance,
    Site,
    new_id,
    parse_scheme,
)
from workbench.model.events import DesignEvents, Event

__all__ = [
    "Assumptions", "Block", "BlockType", "Catalog", "Column", "CoolingSpec", "Design",
    "DesignEvents", "Door", "Event", "Hall", "LossCoefficients", "ModuleInstance",
    "ParameterSpec", "PowerSpec", "Price", "RackSpec", "Site", "new_id", "parse_scheme",
]
