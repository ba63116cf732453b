"""The only home of shapely: footprints, overlap, clearances, containment and snapping."""
