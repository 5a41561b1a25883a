"""`dipdesk duplicates`: candidate duplicate pairs among this site's own people or enterprises, best first
(the Thai way: `dipdesk.core.thainorm`, `dipdesk.services.duplicates.duplicate_pairs`).

    dipdesk duplicates [--kind people|enterprises] [--min 0.75] [--limit 100] [--format table|json]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any


def cmd_duplicates(args: argparse.Namespace) -> int:
    from dipdesk.paths import default_db_path
    from dipdesk.services.context import system_context
    from dipdesk.services.duplicates import duplicate_pairs
    from dipdesk.store.db import open_database, transaction

    engine = open_database(Path(args.db) if args.db else default_db_path())
    with transaction(engine) as session:
        ctx = system_context(session)
        pairs = duplicate_pairs(session, ctx.site.id, kind=args.kind, min_score=args.min, limit=args.limit)
    if args.format == "json":
        print(json.dumps([asdict(p) for p in pairs], ensure_ascii=False, indent=2))
        return 0
    for p in pairs:
        print(f"{p.score:.2f}  {p.a_name}  ⟷  {p.b_name}  ({', '.join(p.reasons)})  {p.a_id} {p.b_id}")
    print(f"{len(pairs)} candidate pair(s)")
    return 0


def _score(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= v <= 1:
        raise argparse.ArgumentTypeError("a score between 0 and 1")
    return v


def register(sub: Any) -> None:
    d = sub.add_parser("duplicates", help="candidate duplicate pairs among this site's people or enterprises")
    d.add_argument("--kind", choices=("people", "enterprises"), default="people")
    d.add_argument("--min", type=_score, default=0.75, help="lowest score shown (0..1, default 0.75)")
    d.add_argument("--limit", type=int, default=100)
    d.add_argument("--format", choices=("table", "json"), default="table")
    d.set_defaults(func=cmd_duplicates)
