"""Fixtures for the cli tests: the shipped catalog and an empty hall (tests/designs.py).

The no-Qt run does not load tests/conftest.py, so the folder imports them itself.
"""

from tests.designs import catalog, empty  # noqa: F401
