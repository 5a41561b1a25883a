"""What each lazy list of the GUI is (:class:`ListSpec`): its table, columns, search text, filters and
orders, one spec per kind (people, enterprises, programs, activities, sessions, products, groups,
service records, outcomes), and the query a list asks (:class:`ListQuery`).

How a spec becomes SQL and pages of rows is :mod:`dipdesk.services.search`."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from dipdesk.store.base import thai_order


@dataclass(frozen=True)
class ListColumn:
    """One column of a list.

    `expr` is the SQL that yields its value (the listed table is aliased `t`; `{name}` stands for
    `name_th` or `name_en` by the user's language). `sort` is what to order by: "" for `expr` itself,
    None when the column cannot be sorted. `kind` says how to turn the stored value into Python:
    text, date, money (Decimal), number (Decimal), int, bool, id13 (a national ID, masked: PDPA), or
    prefixed (a title and a first name joined by U+001F, written as `core.names.full_name` does).
    """

    key: str
    expr: str
    sort: str | None = ""
    kind: str = "text"
    # Sorting by a name in a big referenced table (a product's enterprise): (that table aliased,
    # the join condition, its index's columns). The referenced table is walked in its index order and
    # each of its rows' rows read off the foreign-key index, so the first page needs no sort at all.
    join_sort: tuple[str, str, tuple[str, ...]] | None = None
    # Further expressions to order by after `sort` (a first name, then the last name), same direction.
    then: tuple[str, ...] = ()
    # Whether an index over live rows holds this order (migration 0006). Without one, the live-rows
    # condition is written `+t.deleted = 0`, which keeps SQLite from walking some other live-row index
    # (a random read per row) instead of reading the table straight through before sorting.
    indexed: bool = False


@dataclass(frozen=True)
class ListSpec:
    """What a list shows and how it may be searched and filtered."""

    name: str
    table: str
    columns: tuple[ListColumn, ...]
    default_sort: str
    search_text: str  # SQL text searched with LIKE (all of it when the table has no FTS table)
    fts: str | None = None  # the FTS5 trigram table kept by migration 0002, if any
    id_column: str | None = None  # a 13-digit ID column a full ID typed in the search box looks up
    filters: dict[str, str] = field(default_factory=dict)  # name → SQL condition using :f_<name>
    # Sorting by a column that names another record (province, program) orders by that record's
    # name: how to list such a column's choices in display order, see `_sort_by_reference`.
    references: dict[str, str] = field(default_factory=dict)
    where: tuple[str, ...] = ()  # conditions every row of the list meets (besides being live)

    def column(self, key: str) -> ListColumn:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(f"{self.name} has no column {key!r}")

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)


@dataclass(frozen=True)
class ListQuery:
    """What the user asked of a list: search text, sort, filters (hashable: the GUI caches by it)."""

    kind: str
    search: str = ""
    sort: str = ""
    descending: bool = False
    filters: tuple[tuple[str, Any], ...] = ()
    lang: str = "th"

    def with_(self, **changes: Any) -> ListQuery:
        return dataclasses.replace(self, **changes)

    def filter_dict(self) -> dict[str, Any]:
        return dict(self.filters)


# --- the lists ---------------------------------------------------------------------------------------------

_PROVINCE = "(SELECT pr.{name} FROM provinces pr WHERE pr.id = t.province_id)"
_PROVINCES_IN_ORDER = "SELECT id FROM provinces ORDER BY " + thai_order("{name}") + ", id"
_PROGRAMS_IN_ORDER = "SELECT id FROM programs ORDER BY code, id"
_ENTERPRISE = "(SELECT e.name_th FROM enterprises e WHERE e.id = t.enterprise_id)"
# Live enterprises by name: the order of ix_enterprises_name_th_thai_live.
_BY_ENTERPRISE = (
    "enterprises e",
    "t.enterprise_id = e.id AND e.deleted = 0",
    (thai_order("e.name_th"), "e.rowid"),
)

_PEOPLE_TEXT = (
    "t.prefix || ' ' || t.first_name_th || ' ' || t.last_name_th || ' ' || t.first_name_en || ' ' || "
    "t.last_name_en || ' ' || t.phone || ' ' || t.email"
)

PEOPLE = ListSpec(
    name="people",
    table="people",
    columns=(
        ListColumn(
            "name",
            "coalesce(t.prefix, '') || char(31) || coalesce(t.first_name_th, '')",
            thai_order("t.first_name_th"),
            kind="prefixed",
            then=(thai_order("t.last_name_th"),),
            indexed=True,
        ),
        ListColumn(
            "last_name_th",
            "t.last_name_th",
            thai_order("t.last_name_th"),
            then=(thai_order("t.first_name_th"),),
            indexed=True,
        ),
        ListColumn("national_id", "t.national_id", kind="id13", indexed=True),
        ListColumn("phone", "t.phone", indexed=True),
        ListColumn("email", "t.email", indexed=True),
        ListColumn("birth_date", "t.birth_date", kind="date", indexed=True),
        ListColumn("province", _PROVINCE, "t.province_id", indexed=True),
    ),
    default_sort="name",
    search_text=_PEOPLE_TEXT,
    fts="people_fts",
    id_column="national_id",
    filters={"province_id": "t.province_id = :f_province_id"},
    references={"province": _PROVINCES_IN_ORDER},
)

ENTERPRISES = ListSpec(
    name="enterprises",
    table="enterprises",
    columns=(
        ListColumn("code", "t.code"),
        ListColumn("name_th", "t.name_th", thai_order("t.name_th"), indexed=True),
        ListColumn("kind", "t.kind"),
        ListColumn("registration_id", "t.registration_id"),
        ListColumn("tsic_code", "t.tsic_code"),
        ListColumn("size", "t.size"),
        ListColumn("province", _PROVINCE, "t.province_id", indexed=True),
        ListColumn("phone", "t.phone"),
    ),
    default_sort="name_th",
    search_text="t.code || ' ' || t.name_th || ' ' || t.name_en || ' ' || coalesce(t.registration_id, '')",
    fts="enterprises_fts",
    id_column="registration_id",
    filters={
        "province_id": "t.province_id = :f_province_id",
        "kind": "t.kind = :f_kind",
        "group_id": "t.group_id = :f_group_id",
    },
    references={"province": _PROVINCES_IN_ORDER},
)

PROGRAMS = ListSpec(
    name="programs",
    table="programs",
    columns=(
        ListColumn("code", "t.code"),
        ListColumn("name_th", "t.name_th", thai_order("t.name_th")),
        ListColumn("fiscal_year", "t.fiscal_year", kind="int"),
        ListColumn("service_kind", "t.service_kind"),
        ListColumn("policy_track", "t.policy_track"),
        ListColumn("budget", "t.budget", kind="money"),
        ListColumn(
            "activities",
            "(SELECT count(*) FROM activities a WHERE a.program_id = t.id AND a.deleted = 0)",
            kind="int",
        ),
    ),
    default_sort="code",
    search_text="t.code || ' ' || t.name_th || ' ' || t.name_en",
    filters={
        "fiscal_year": "t.fiscal_year = :f_fiscal_year",
        "service_kind": "t.service_kind = :f_service_kind",
    },
)

ACTIVITIES = ListSpec(
    name="activities",
    table="activities",
    columns=(
        ListColumn("code", "t.code"),
        ListColumn("title_th", "t.title_th", thai_order("t.title_th")),
        ListColumn(
            "program",
            "(SELECT p.code FROM programs p WHERE p.id = t.program_id)",
            "t.program_id",
            indexed=True,
        ),
        ListColumn("cohort", "t.cohort", kind="int"),
        ListColumn("start_date", "t.start_date", kind="date"),
        ListColumn("end_date", "t.end_date", kind="date"),
        ListColumn("province", _PROVINCE),
        ListColumn("hours", "t.hours", kind="number"),
        ListColumn("capacity", "t.capacity", kind="int"),
        ListColumn(
            "enrolled",
            "(SELECT count(*) FROM enrollments e WHERE e.activity_id = t.id AND e.deleted = 0)",
            kind="int",
        ),
    ),
    default_sort="start_date",
    search_text="t.code || ' ' || t.title_th || ' ' || t.title_en || ' ' || t.venue",
    filters={
        "program_id": "t.program_id = :f_program_id",
        "fiscal_year": ("t.program_id IN (SELECT p.id FROM programs p WHERE p.fiscal_year = :f_fiscal_year)"),
    },
)

SESSIONS = ListSpec(
    name="sessions",
    table="activity_sessions",
    columns=(
        ListColumn("seq", "t.seq", kind="int"),
        ListColumn("day", "t.day", kind="date"),
        ListColumn("hours", "t.hours", kind="number"),
        ListColumn("topic", "t.topic"),
    ),
    default_sort="seq",
    search_text="t.topic",
    filters={"activity_id": "t.activity_id = :f_activity_id"},
)

PRODUCTS = ListSpec(
    name="products",
    table="products",
    columns=(
        ListColumn("name_th", "t.name_th", thai_order("t.name_th"), indexed=True),
        ListColumn("product_type", "t.product_type", indexed=True),
        ListColumn("enterprise", _ENTERPRISE, join_sort=_BY_ENTERPRISE),
        ListColumn(
            "program",
            "(SELECT p.code FROM programs p WHERE p.id = t.developed_in_program_id)",
            "t.developed_in_program_id",
        ),
        ListColumn("developed_on", "t.developed_on", kind="date", indexed=True),
    ),
    default_sort="name_th",
    search_text="t.name_th || ' ' || t.product_type || ' ' || t.description",
    filters={
        "enterprise_id": "t.enterprise_id = :f_enterprise_id",
        "program_id": "t.developed_in_program_id = :f_program_id",
    },
    references={"program": _PROGRAMS_IN_ORDER},
)

GROUPS = ListSpec(
    name="groups",
    table="groups",
    columns=(
        ListColumn("code", "t.code"),
        ListColumn("name_th", "t.name_th", thai_order("t.name_th")),
        ListColumn("kind", "t.kind"),
        ListColumn("province", _PROVINCE),
        ListColumn(
            "members",
            "(SELECT count(*) FROM enterprises e WHERE e.group_id = t.id AND e.deleted = 0)",
            kind="int",
        ),
    ),
    default_sort="code",
    search_text="t.code || ' ' || t.name_th",
    filters={"kind": "t.kind = :f_kind", "province_id": "t.province_id = :f_province_id"},
)

SERVICE_RECORDS = ListSpec(
    name="service_records",
    table="service_records",
    columns=(
        ListColumn("day", "t.day", kind="date", indexed=True),
        ListColumn("service_kind", "t.service_kind", indexed=True),
        ListColumn("enterprise", _ENTERPRISE, join_sort=_BY_ENTERPRISE),
        ListColumn("program", "(SELECT p.code FROM programs p WHERE p.id = t.program_id)", "t.program_id"),
        ListColumn("hours", "t.hours", kind="number"),
        ListColumn("staff_name", "t.staff_name", thai_order("t.staff_name")),
        ListColumn("description", "t.description"),
    ),
    default_sort="day",
    search_text="t.service_kind || ' ' || t.staff_name || ' ' || t.description",
    filters={
        "enterprise_id": "t.enterprise_id = :f_enterprise_id",
        "program_id": "t.program_id = :f_program_id",
        "service_kind": "t.service_kind = :f_service_kind",
    },
    references={"program": _PROGRAMS_IN_ORDER},
)

_ECONOMIC_VALUE = (
    "(max(t.revenue_after - t.revenue_before, 0) + t.cost_saved + t.investment)"  # core.kpi.economic_value
)

OUTCOMES = ListSpec(
    name="outcomes",
    table="outcomes",
    columns=(
        ListColumn("fiscal_year", "t.fiscal_year", kind="int"),
        ListColumn("period_start", "t.period_start", kind="date"),
        ListColumn("period_end", "t.period_end", kind="date"),
        ListColumn("revenue_before", "t.revenue_before", kind="money"),
        ListColumn("revenue_after", "t.revenue_after", kind="money"),
        ListColumn("cost_saved", "t.cost_saved", kind="money"),
        ListColumn("investment", "t.investment", kind="money"),
        ListColumn("jobs_created", "t.jobs_created", kind="int"),
        ListColumn("new_products", "t.new_products", kind="int"),
        ListColumn("economic_value", _ECONOMIC_VALUE, kind="money"),
    ),
    default_sort="period_start",
    search_text="t.note",
    filters={"enterprise_id": "t.enterprise_id = :f_enterprise_id"},
)

SPECS: dict[str, ListSpec] = {
    s.name: s
    for s in (
        PEOPLE,
        ENTERPRISES,
        PROGRAMS,
        ACTIVITIES,
        SESSIONS,
        PRODUCTS,
        GROUPS,
        SERVICE_RECORDS,
        OUTCOMES,
    )
}


def spec(kind: str) -> ListSpec:
    try:
        return SPECS[kind]
    except KeyError:
        raise KeyError(f"unknown list {kind!r}; lists: {', '.join(SPECS)}") from None
