"""The dashboard's arithmetic (now `dipdesk.services.kpi`): distinct counts against the site's targets."""

from __future__ import annotations

import datetime as dt

from dipdesk.core.thaidate import fiscal_year
from dipdesk.services.kpi import kpi_report
from dipdesk.ui.state import current_user_from, first_admin


def test_counts_distinct_people_and_the_site_target(seeded_db) -> None:  # type: ignore[no-untyped-def]
    with seeded_db.session() as s:
        admin = first_admin(s)
        assert admin is not None
        user = current_user_from(s, admin)
        data = kpi_report(s, user.site_id)
        older = kpi_report(s, user.site_id, fiscal_year(dt.date.today()) - 5)
    assert data.fiscal_year == fiscal_year(dt.date.today())
    assert (data.programs, data.activities, data.enrollments) == (1, 1, 2)
    assert data.site.counts == {"persons": 2, "enterprises": 1, "products": 1, "groups": 0}
    assert data.target_scope == "site" and data.site.target_of("persons") == 100
    assert data.totals == {"people": 2, "enterprises": 1, "products": 1, "groups": 0}
    assert older.programs == 0 and older.site.target is None and older.site.counts["persons"] == 0
