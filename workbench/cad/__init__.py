"""CAD exchange: the design as a DXF drawing, and an architect's DXF read back as an underlay (through ezdxf, no Qt)."""
