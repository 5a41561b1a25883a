"""Changes pulled from the real server keep the dashboard's kept reach equal to a recount (the merge
writes through SQL, and the triggers count what it applies in the same transaction)."""

from __future__ import annotations

import random
from typing import Any

import pytest
from kpi_reach_helpers import assert_kept_equals_recount, figures, random_edits
from sqlalchemy.orm import Session
from synctest import Server, demo_device

from dipdesk.services import kpi
from dipdesk.services.context import current_site, system_context


def test_pulled_batches_keep_the_reach_equal_to_a_recount(
    server: Server, devices: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dipdesk.store import reach

    # the first pull's bigger runs count set-based (`reach.inserting`), the later edits by the triggers
    monkeypatch.setattr(reach, "BULK_MIN", 50)
    site = server.take_site()
    a = demo_device(server, devices, "a", site, participants=150)
    a.sync_ok()
    b = devices(server, "b")
    b.enroll(site)
    b.sync_ok()  # the first pull: the whole site in batches
    with Session(b.engine) as s:
        here = current_site(s)
        assert here is not None
        site_id = here.id
        assert assert_kept_equals_recount(s, site_id) > 0
    rng = random.Random(7)
    for _round in range(3):
        with Session(a.engine) as s:
            random_edits(system_context(s), rng, 40, raw=False)
        a.sync_ok()
        b.sync_ok()
        with Session(a.engine) as sa, Session(b.engine) as sb:
            assert_kept_equals_recount(sb, site_id)
            for year in kpi.available_years(sa):
                for scope in kpi.SCOPES:
                    assert figures(kpi.kpi_report(sb, site_id, year, scope)) == figures(
                        kpi.kpi_report(sa, site_id, year, scope)
                    ), (year, scope)
