"""Data-hall design workbench: layout, capacity, PUE, BOM and proposals for AI data centres."""

__version__ = "0.1.0"
