"""Big Brother mentoring: pairs by cohort, sessions, and the lineage from cohort to cohort."""

from __future__ import annotations

from decimal import Decimal

import _records_b_db
import pytest

from dipdesk.services import mentoring as ms
from dipdesk.services import records
from dipdesk.services.errors import ValidationError
from dipdesk.store.people import Enterprise, Person

# the fast database fixtures of this part (see _records_b_db.py)
engine = _records_b_db.engine
ctx = _records_b_db.ctx
set_up_template = _records_b_db.set_up_template


def _e(ctx, code: str, name: str, owner: Person | None = None) -> Enterprise:  # type: ignore[no-untyped-def]
    return records.create(ctx, Enterprise, code=code, name_th=name, kind="juristic",
                          owner_person_id=owner.id if owner else None)  # fmt: skip


def test_pairs_sessions_and_lineage(ctx, session) -> None:  # type: ignore[no-untyped-def]
    big = _e(ctx, "BIG", "บริษัทพี่ใหญ่")
    a = _e(ctx, "A", "น้องรุ่นหนึ่ง")
    b = _e(ctx, "B", "น้องรุ่นสอง")
    owner = records.create(ctx, Person, prefix="นาย", first_name_th="บี", last_name_th="เจ้าของ")
    c = _e(ctx, "C", "กิจการของบี", owner=owner)
    d = _e(ctx, "D", "น้องรุ่นสาม")
    mentor = records.create(ctx, Person, prefix="ดร.", first_name_th="ที่ปรึกษา", last_name_th="อิสระ")
    x = _e(ctx, "X", "น้องของที่ปรึกษา")

    p1 = ms.create_pair(
        ctx, cohort=1, mentor_enterprise_id=big.id, mentee_enterprise_id=a.id, started_on="1/11/2566"
    )
    ms.create_pair(ctx, cohort=1, mentor_enterprise_id=big.id, mentee_enterprise_id=c.id)
    ms.set_pair_status(ctx, p1, "graduated")
    ms.create_pair(ctx, cohort=2, mentor_enterprise_id=a.id, mentee_enterprise_id=b.id)  # a graduate mentors
    # through its owner; c was in cohort 1, not 2, and has not graduated: only with a reason (audited)
    ms.create_pair(ctx, cohort=3, mentor_person_id=owner.id, mentee_enterprise_id=d.id,
                   override_reason="ไม่มีผู้จบรุ่นที่ 2 ในสาขานี้")  # fmt: skip
    ms.create_pair(ctx, cohort=1, mentor_person_id=mentor.id, mentee_enterprise_id=x.id)
    with pytest.raises(ValidationError):
        ms.create_pair(ctx, cohort=1, mentor_enterprise_id=big.id, mentee_enterprise_id=a.id)
    with pytest.raises(ValidationError):
        ms.create_pair(ctx, cohort=2, mentee_enterprise_id=d.id)  # no mentor
    ms.add_session(
        ctx, p1.id, day="5/12/2566", hours="2.5", topic="การตลาดออนไลน์", follow_up="เปิดร้านค้าออนไลน์"
    )
    ms.add_session(ctx, p1.id, day="๑๐/๑/๒๕๖๗", hours=1, topic="บัญชี")
    with pytest.raises(ValidationError):
        ms.add_session(ctx, p1.id, day="5/12/2566", hours=-1, topic="x")

    rows = {r.mentee: r for r in ms.pairs(session)}
    assert rows["น้องรุ่นหนึ่ง"].sessions == 2 and rows["น้องรุ่นหนึ่ง"].hours == Decimal("3.5")
    assert rows["น้องรุ่นสอง"].mentor_was_mentee_in == 1
    assert rows["น้องรุ่นสาม"].mentor == "นายบี เจ้าของ" and rows["น้องรุ่นสาม"].mentor_was_mentee_in == 1
    assert [r.cohort for r in ms.pairs(session, cohort=1)] == [1, 1, 1]
    assert [s.topic for s in ms.sessions_of(session, p1.id)] == ["การตลาดออนไลน์", "บัญชี"]
    assert ms.cohorts(session) == [1, 2, 3]

    forest = ms.lineage(session)
    root = forest[0]
    assert root.name == "บริษัทพี่ใหญ่" and root.cohort is None and root.depth == 2
    assert [(n.name, n.cohort) for n in root.children] == [("กิจการของบี", 1), ("น้องรุ่นหนึ่ง", 1)]
    assert [(n.name, n.cohort) for n in root.children[1].children] == [("น้องรุ่นสอง", 2)]
    assert [(n.name, n.cohort) for n in root.children[0].children] == [("น้องรุ่นสาม", 3)]
    assert forest[1].name == "ดร.ที่ปรึกษา อิสระ" and forest[1].key.startswith("p:")
    links = ms.mentees_who_became_mentors(session)
    assert [(c, n, later) for c, _id, n, later in links] == [(1, "กิจการของบี", [3]), (1, "น้องรุ่นหนึ่ง", [2])]
    summary = {s.cohort: s for s in ms.cohort_summaries(session)}
    assert (summary[1].pairs, summary[1].graduated, summary[1].became_mentors, summary[1].sessions) == (
        3,
        1,
        2,
        2,
    )
