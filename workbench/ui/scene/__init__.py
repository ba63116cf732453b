"""The hall canvas: scene, graphics items, view and the editing tools."""
