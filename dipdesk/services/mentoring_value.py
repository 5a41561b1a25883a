"""The economic value of each Big Brother line (สายพี่เลี้ยง): what the enterprises of a chain created.

A node's *own* value is the economic value of its enterprise's recorded outcomes (all years,
`dipdesk.services.mentoring_rules.enterprise_values`); its *line* value adds everything below it in the
lineage: the mentees it helped, theirs, and so on. An outside mentor's own value is not counted in its
line (the policy measures what the mentees created); a person mentor has no outcomes of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from dipdesk.services.mentoring import LineageNode
from dipdesk.services.mentoring_rules import enterprise_values


@dataclass(frozen=True)
class ChainValue:
    own: Decimal  # this enterprise's own outcomes
    line: Decimal  # its own (when it was a mentee) plus every enterprise below it


def _walk(nodes: Iterable[LineageNode]) -> Iterable[LineageNode]:
    for n in nodes:
        yield n
        yield from _walk(n.children)


def chain_values(session: Session, forest: list[LineageNode]) -> dict[str, ChainValue]:
    """`{node key: ChainValue}` for every node of the lineage forest (`dipdesk.services.mentoring.lineage`)."""
    ids = {n.key[2:] for n in _walk(forest) if n.key.startswith("e:")}
    values = enterprise_values(session, ids) if ids else {}
    found: dict[str, ChainValue] = {}

    def value(node: LineageNode, seen: frozenset[str]) -> Decimal:
        own = values.get(node.key[2:], Decimal(0)) if node.key.startswith("e:") else Decimal(0)
        below = sum((value(c, seen | {c.key}) for c in node.children if c.key not in seen), Decimal(0))
        line = below + (own if node.cohort is not None else Decimal(0))
        found[node.key] = ChainValue(own, line)
        return line

    for root in forest:
        value(root, frozenset({root.key}))
    return found


def total_value(forest: list[LineageNode], values: dict[str, ChainValue]) -> Decimal:
    """The value created by all the mentees of all lines (each counted once)."""
    return sum((values[r.key].line for r in forest if r.key in values), Decimal(0))
