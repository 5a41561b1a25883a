"""KPI arithmetic for fiscal-year targets.

Targets count DISTINCT persons, enterprises, products and groups: someone attending three activities
counts once, and national totals are the union across sites, never the sum of site totals.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

KPI_KINDS = ("persons", "enterprises", "products", "groups")

_CENT = Decimal("0.01")
_MILLION = Decimal(1_000_000)


def _ids(ids: Iterable[str | None]) -> frozenset[str]:
    # Missing ids (None, "", blanks) are not somebody; counting them would inflate every KPI by one.
    return frozenset(i for i in ids if i is not None and i.strip())


@dataclass
class KpiSet:
    """The ids reached towards each target, plus the economic value created."""

    persons: frozenset[str] = field(default_factory=frozenset)
    enterprises: frozenset[str] = field(default_factory=frozenset)
    products: frozenset[str] = field(default_factory=frozenset)
    groups: frozenset[str] = field(default_factory=frozenset)
    economic_value: Decimal = field(default_factory=Decimal)

    def __post_init__(self) -> None:
        # Callers pass lists or sets straight from queries; keep the invariant "frozenset of real ids".
        self.persons = _ids(self.persons)
        self.enterprises = _ids(self.enterprises)
        self.products = _ids(self.products)
        self.groups = _ids(self.groups)
        self.economic_value = Decimal(self.economic_value)

    @classmethod
    def empty(cls) -> KpiSet:
        """Nothing reached yet: the identity of `|`."""
        return cls()

    def counts(self) -> dict[str, int]:
        """Distinct count per kind: persons, enterprises, products, groups."""
        return {kind: len(getattr(self, kind)) for kind in KPI_KINDS}

    def __or__(self, other: object) -> KpiSet:
        """Union of the id sets; economic values add (each record's value belongs to one site)."""
        if not isinstance(other, KpiSet):
            return NotImplemented
        return KpiSet(
            persons=self.persons | other.persons,
            enterprises=self.enterprises | other.enterprises,
            products=self.products | other.products,
            groups=self.groups | other.groups,
            economic_value=self.economic_value + other.economic_value,
        )


def distinct_count(ids: Iterable[str | None]) -> int:
    """How many different ids, ignoring None and empty strings."""
    return len(_ids(ids))


def progress(actual: int | Decimal, target: int | Decimal) -> float | None:
    """actual / target (may exceed 1), or None when there is no target (0)."""
    if target == 0:
        return None
    return float(Decimal(actual) / Decimal(target))


def economic_value(
    revenue_before: Decimal,
    revenue_after: Decimal,
    cost_saved: Decimal,
    investment: Decimal = Decimal(0),
) -> Decimal:
    """Economic value created = increased revenue + costs saved + new investment induced.

    Increased revenue is max(revenue_after − revenue_before, 0): a fall in revenue is not offset
    against the savings and investment, which are real regardless.
    """
    return max(revenue_after - revenue_before, Decimal(0)) + cost_saved + investment


def format_baht(value: Decimal | int) -> str:
    """`1,234.50`: two decimals (rounded half up), thousands separated by commas."""
    q = Decimal(value).quantize(_CENT, rounding=ROUND_HALF_UP)
    if q == 0:
        q = abs(q)  # no "-0.00"
    return f"{q:,.2f}"


def format_million_baht(value: Decimal | int) -> str:
    """`13,000.00 ล้านบาท` for 13,000,000,000 baht."""
    return f"{format_baht(Decimal(value) / _MILLION)} ล้านบาท"
