"""CLI subcommands of each area, one module each (`register(subparsers)`), found by `dipdesk.cli`.

Keeping each area's commands in its own module lets areas grow without editing one shared file.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil


def register_all(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
