"""The DXF layers the workbench writes: name, colour, lineweight and linetype, one table for export and docs."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.model.blocktype import CATEGORIES


@dataclass(frozen=True)
class LayerSpec:
    """One layer; colour is an AutoCAD colour index (ACI) plus a true colour, lineweight in 1/100 mm."""

    name: str
    aci: int
    rgb: tuple[int, int, int]
    lineweight: int
    linetype: str = "Continuous"
    key: str = ""  # report-language key of the layer's description


# Category colours follow the PDF floor plan (report/styles.py) so the two drawings read alike.
_CATEGORY_RGB = {
    "compute": (0x3F, 0x6F, 0xB5), "network": (0x7A, 0x5B, 0xA6), "storage": (0x3C, 0x8D, 0x87),
    "power": (0xD0, 0x8A, 0x2C), "cooling": (0x4A, 0xA3, 0xD6), "structure": (0x8A, 0x8F, 0x96),
}
_CATEGORY_ACI = {"compute": 5, "network": 6, "storage": 4, "power": 30, "cooling": 140, "structure": 8}

HALL = LayerSpec("WB-HALL", 7, (0, 0, 0), 50, key="dxf.layer.hall")
WALL = LayerSpec("WB-WALL", 8, (0x60, 0x60, 0x60), 35, key="dxf.layer.wall")
COLUMN = LayerSpec("WB-COLUMN", 250, (0x4A, 0x4F, 0x55), 35, key="dxf.layer.column")
DOOR = LayerSpec("WB-DOOR", 30, (0xE0, 0x7A, 0x1F), 25, key="dxf.layer.door")
AISLE_COLD = LayerSpec("WB-AISLE-COLD", 151, (0x6F, 0xA8, 0xDC), 13, key="dxf.layer.aisle_cold")
AISLE_HOT = LayerSpec("WB-AISLE-HOT", 11, (0xE0, 0x8A, 0x7A), 13, key="dxf.layer.aisle_hot")
CLEARANCE = LayerSpec("WB-CLEARANCE", 9, (0xB0, 0xB0, 0xB0), 9, "DASHED", key="dxf.layer.clearance")
CONNECTION = LayerSpec("WB-CONNECTION", 6, (0xC0, 0x3C, 0xC0), 25, key="dxf.layer.connection")
DIMENSION = LayerSpec("WB-DIM", 3, (0x2E, 0x8B, 0x57), 18, key="dxf.layer.dimension")
ANNOTATION = LayerSpec("WB-ANNO", 7, (0, 0, 0), 18, key="dxf.layer.annotation")
TITLE = LayerSpec("WB-TITLE", 7, (0, 0, 0), 35, key="dxf.layer.title")

CATEGORY_LAYERS = {
    cat: LayerSpec(f"WB-{cat.upper()}", _CATEGORY_ACI[cat], _CATEGORY_RGB[cat], 25, key=f"category.{cat}")
    for cat in CATEGORIES
}

ALL_LAYERS: tuple[LayerSpec, ...] = (
    HALL, WALL, COLUMN, DOOR, AISLE_COLD, AISLE_HOT, CLEARANCE, *CATEGORY_LAYERS.values(),
    CONNECTION, DIMENSION, ANNOTATION, TITLE,
)

# Walls are drawn as a band outside the hall outline so the plan reads as a building; the model keeps only the
# clear internal outline, so this is a drawing convention, not a structural figure.
WALL_BAND_MM = 200.0
