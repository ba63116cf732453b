"""Block types, assumptions and templates as data, loaded and validated from resources/ and templates/."""

from workbench.catalog.library import default_catalog, load_catalog, new_design

__all__ = ["default_catalog", "load_catalog", "new_design"]
