"""Headless command line: every layer below the UI, usable with no display and no Qt."""
