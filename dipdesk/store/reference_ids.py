"""The deterministic ids of reference rows (sites, provinces, their coverage, the default certificate
templates): the same on every computer, so seeding twice or on two sites never makes two rows.

It stands below both ``reference_data`` (the seed of sites and provinces) and ``certificate_defaults``
(the default templates), which each build their ids with it.
"""

from __future__ import annotations

import uuid

# Fixed namespace for the ids of reference rows. Never change it: ids made from it are already in databases.
REFERENCE_NAMESPACE = uuid.UUID("6f1d2c3a-5b7e-4d8f-9a0b-1c2d3e4f5a6b")


def reference_id(kind: str, key: str) -> str:
    """The deterministic id of a reference row, e.g. `reference_id("site", "IPC1")`."""
    return str(uuid.uuid5(REFERENCE_NAMESPACE, f"{kind}:{key}"))
