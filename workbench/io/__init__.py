"""The project file format: schema version, validation with JSON paths, migrations, atomic save."""

from workbench.io.project import (
    FILE_SUFFIX,
    Loaded,
    design_from_dict,
    design_to_dict,
    dumps,
    load_design,
    loads_design,
    save_design,
)

__all__ = ["FILE_SUFFIX", "Loaded", "design_from_dict", "design_to_dict", "dumps", "load_design",
           "loads_design", "save_design"]
