"""Fills activities, sessions, enrollments and attendance, service records and outcomes, mentoring,
targets and certificate templates (``_ActivitiesBuild``).
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Any

from dipdesk.services.demo.common import BE_OFFSET, CHUNK, Row, _DemoBase, _Ids, _money, _uuid, _village
from dipdesk.services.demo.vocabulary import (
    _FEMALE,
    _HOTELS,
    _KIND_TEXT,
    _MALE,
    _MENTOR_TOPICS,
    _PLACES,
    _SESSION_TOPICS,
    _SURNAME_A,
    _SURNAME_B,
)
from dipdesk.store.certificate_defaults import seed_certificate_templates
from dipdesk.store.enrollment import Attendance, Enrollment
from dipdesk.store.mentoring import MentoringPair, MentoringSession
from dipdesk.store.outcomes import Outcome, ServiceRecord
from dipdesk.store.programs import Activity, ActivitySession, Target


class _ActivitiesBuild(_DemoBase):
    """Activities, sessions, enrollments and attendance; service records and outcomes; mentoring;
    targets and certificate templates."""

    # -- activities, sessions, enrollments, attendance ---------------------------------------------------------

    def activities(self) -> None:
        rng = self.rng("activities")
        r = rng.random
        n = self.n
        count = max(len(self.program_ids), n // 30)
        prov_ids = {code: p.id for code, p in self.provinces.items()}
        plan = []  # (program index, start offset, days, province code)
        for a in range(count):
            prog = a if a < len(self.program_ids) else rng.randrange(len(self.program_ids))
            days = rng.choice((1, 1, 2, 2, 2, 3, 3, 3, 4, 5))
            start = rng.randrange(0, self.fy_days - 10)
            while self.day(start).weekday() >= 5:
                start += 1
            plan.append((prog, start, days, self.pick_province(r, 0.97)))
        # Cohort numbers (รุ่นที่) follow the start dates within each program.
        order = sorted(range(count), key=lambda a: (plan[a][0], plan[a][1], a))
        cohort = [0] * count
        seen: dict[int, int] = {}
        for a in order:
            seen[plan[a][0]] = seen.get(plan[a][0], 0) + 1
            cohort[a] = seen[plan[a][0]]

        # Who attends what: most people one activity, some several; people mostly near home.
        by_prov: dict[str, list[int]] = {}
        for a, (_, _, _, code) in enumerate(plan):
            by_prov.setdefault(code, []).append(a)
        enrolled: list[list[int]] = [[] for _ in range(count)]
        person_prov = self.person_prov
        for p in range(n):
            x = r()
            k = 1 if x < 0.72 else 2 if x < 0.92 else 3 if x < 0.98 else 4
            local = by_prov.get(person_prov[p])
            chosen: list[int] = []
            for _ in range(min(k, count)):
                a = local[int(r() * len(local))] if local and r() < 0.8 else int(r() * count)
                if a not in chosen:
                    chosen.append(a)
            for a in chosen:
                enrolled[a].append(p)

        self.activity_ids: list[str] = []
        self.activity_program: list[int] = []
        activity_rows = []
        session_rows = []
        self.sessions: list[list[tuple[str, float, str]]] = []  # per activity: (id, hours, day iso)
        self.activity_start: list[int] = []
        next_activity = _Ids(rng, count)
        next_session = _Ids(rng, sum(days for _, _, days, _ in plan))
        for a, (prog, start, days, code) in enumerate(plan):
            aid = next_activity()
            stem, stem_en = self.program_topic[prog]
            kind = self.program_kind[prog]
            venue = self.venue(rng, code, kind)
            sess = []
            offset = start
            total_hours = 0.0
            for seq in range(1, days + 1):
                while self.day(offset).weekday() >= 5:
                    offset += 1
                offset = min(offset, self.fy_days - 1)
                hours = 6.0 if rng.random() < 0.8 else 3.0 if rng.random() < 0.75 else 7.0
                sid = next_session()
                topic = _SESSION_TOPICS[(seq - 1) % len(_SESSION_TOPICS)] if days > 1 else _SESSION_TOPICS[0]
                if seq == days and days > 1:
                    topic = _SESSION_TOPICS[-1]
                sess.append((sid, hours, self.day_iso[offset]))
                session_rows.append((sid, aid, seq, self.day_iso[offset], hours, topic))
                total_hours += hours
                offset += 1
            capacity = max(20, -(-len(enrolled[a]) // 5) * 5 + rng.choice((0, 5, 10)))
            activity_rows.append(
                (
                    aid,
                    self.program_ids[prog],
                    f"{self.code}-{self.fy}-A{a + 1:05d}",
                    f"{stem} รุ่นที่ {cohort[a]}",
                    f"{stem_en}, cohort {cohort[a]}",
                    cohort[a],
                    self.day_iso[start],
                    sess[-1][2],
                    venue,
                    prov_ids[code],
                    total_hours,
                    capacity,
                    80,
                )
            )
            self.activity_ids.append(aid)
            self.activity_program.append(prog)
            self.sessions.append(sess)
            self.activity_start.append(start)
        self.w.insert(
            Activity,
            "id program_id code title_th title_en cohort start_date end_date venue province_id hours capacity completion_threshold",
            activity_rows,
            fixed={"site_id": self.site.id},
            stage="activities",
            total=len(activity_rows),
        )
        self.w.insert(
            ActivitySession,
            "id activity_id seq day hours topic",
            session_rows,
            fixed={"site_id": self.site.id},
            stage="sessions",
            total=len(session_rows),
        )
        self.enrollments(rng, enrolled)

    def venue(self, rng: random.Random, code: str, kind: str) -> str:
        prov = self.provinces[code].name_th
        if code == self.home_codes[0] and rng.random() < 0.3:
            return f"ห้องประชุม{self.site.name_th}"
        x = rng.random()
        if x < 0.3:
            return f"โรงแรม{rng.choice(_HOTELS)} จังหวัด{prov}"
        if x < 0.5:
            return f"สำนักงานอุตสาหกรรมจังหวัด{prov}"
        if x < 0.65:
            return f"วิทยาลัยเทคนิค{prov}"
        if x < 0.8 or kind not in {"exhibition", "matching"}:
            return f"ที่ทำการวิสาหกิจชุมชน{_village(rng.choice(_PLACES))} จังหวัด{prov}"
        return f"ศูนย์แสดงสินค้าและการประชุม จังหวัด{prov}"

    def enrollments(self, rng: random.Random, enrolled: list[list[int]]) -> None:
        total_enr = sum(len(x) for x in enrolled)
        total_att = sum(len(x) * len(s) for x, s in zip(enrolled, self.sessions, strict=True))
        ent_group = self.ent_group
        ent_ids = self.ent_ids
        person_ent = self.person_ent
        person_ids = self.person_ids
        fixed = {"site_id": self.site.id}
        enr_cols = "id activity_id person_id enterprise_id group_id status applied_on note"
        att_cols = "id enrollment_id session_id present hours"
        enr_buf: list[Row] = []
        att_buf: list[Row] = []
        done_enr = 0
        done_att = 0

        def flush() -> None:
            nonlocal done_enr, done_att
            self.w.insert(Enrollment, enr_cols, enr_buf, fixed=fixed)
            self.w.insert(Attendance, att_cols, att_buf, fixed=fixed)
            done_enr += len(enr_buf)
            done_att += len(att_buf)
            self.tick("enrollments", done_enr, total_enr)
            self.tick("attendance", done_att, total_att)
            enr_buf.clear()
            att_buf.clear()

        r = rng.random
        next_enrollment = _Ids(rng, total_enr)
        next_attendance = _Ids(rng, total_att)
        day_iso = self.day_iso
        add_enrollment = enr_buf.append
        for a, people in enumerate(enrolled):
            aid = self.activity_ids[a]
            sess = [(sid, hours) for sid, hours, _day in self.sessions[a]]
            n_sess = len(sess)
            total_hours = sum(h for _, h in sess)
            applied_base = self.activity_start[a] - 3
            for p in people:
                eid = next_enrollment()
                e = person_ent.get(p)
                ent = ent_ids[e] if e is not None else None
                group = ent_group[e] if e is not None else None
                applied = day_iso[max(0, applied_base - int(r() * 28))]
                x = r()
                if x < 0.02:  # applied, never confirmed: no attendance
                    add_enrollment((eid, aid, person_ids[p], ent, group, "applied", applied, ""))
                    continue
                if x < 0.84:  # the usual case: present every day
                    att_buf.extend([(next_attendance(), eid, sid, 1, hours) for sid, hours in sess])
                    attended = total_hours
                else:  # missed one day, or came only on the first
                    missed = int(r() * n_sess) if x < 0.95 else -1
                    attended = 0.0
                    for k, (sid, hours) in enumerate(sess):
                        present = k != missed if missed >= 0 else (k == 0 if n_sess > 1 else False)
                        attended += hours if present else 0.0
                        att_buf.append(
                            (next_attendance(), eid, sid, 1 if present else 0, hours if present else 0.0)
                        )
                share = attended / total_hours if total_hours else 0.0
                if share >= 0.8:
                    status, note = "completed", ""
                elif share >= 0.5:
                    status, note = "enrolled", "เวลาเรียนไม่ครบตามเกณฑ์ร้อยละ 80"
                else:
                    status, note = "dropped", "ขาดการอบรมเกินกำหนด"
                add_enrollment((eid, aid, person_ids[p], ent, group, status, applied, note))
            if len(enr_buf) >= CHUNK:
                flush()
        flush()

    # -- service records and outcomes ------------------------------------------------------------------------

    def services(self) -> None:
        rng = self.rng("services")
        count = max(10, int(len(self.ent_ids) * 1.2))
        staff = [self.user_names["staff"], self.user_names["admin"]] + [
            f"{'นาย' if m else 'นางสาว'}{rng.choice(_MALE if m else _FEMALE)[0]} "
            f"{rng.choice(_SURNAME_A)[0]}{rng.choice(_SURNAME_B)[0]}"
            for m in (True, False, True, False, True, False)
        ]
        acts_by_prog: dict[int, list[int]] = {}
        for a, prog in enumerate(self.activity_program):
            acts_by_prog.setdefault(prog, []).append(a)

        r = rng.random
        next_id = _Ids(rng, count)

        def pick(seq: Sequence[Any]) -> Any:
            return seq[int(r() * len(seq))]

        def rows() -> Iterator[Row]:
            for _ in range(count):
                e = int(r() * len(self.ent_ids))
                prog = int(r() * len(self.program_ids))
                kind = self.program_kind[prog]
                acts = acts_by_prog.get(prog, [])
                act = self.activity_ids[pick(acts)] if acts and r() < 0.4 else None
                prods = self.ent_products[e]
                product = pick(prods)[0] if prods and r() < 0.5 else None
                topic = pick(_MENTOR_TOPICS)
                yield (
                    next_id(),
                    self.ent_ids[e],
                    self.program_ids[prog],
                    act,
                    self.person_ids[self.ent_owner[e]],
                    product,
                    kind,
                    self.day_iso[int(r() * self.fy_days)],
                    float(pick((1, 2, 2, 3, 3, 4, 6, 8))),
                    pick(staff),
                    f"{_KIND_TEXT[kind][3]} เรื่อง{topic}",
                )

        self.w.insert(
            ServiceRecord,
            "id enterprise_id program_id activity_id person_id product_id service_kind day hours staff_name description",
            rows(),
            fixed={"site_id": self.site.id},
            stage="service records",
            total=count,
        )

        base_revenue = {
            "micro": (2e5, 1.8e6),
            "small": (1.8e6, 1e8),
            "medium": (1e8, 5e8),
            "large": (5e8, 2e9),
        }
        start, end = self.fy_start.isoformat(), self.fy_end.isoformat()
        next_outcome = _Ids(rng, len(self.ent_ids))

        def outcome_rows() -> Iterator[Row]:
            for e in range(self.mentor_company_count, len(self.ent_ids)):
                if r() >= 0.55:
                    continue
                lo, hi = base_revenue[self.ent_size[e]]
                before = lo + (hi - lo) * r()
                growth = pick((1.02, 1.05, 1.1, 1.15, 1.2, 1.3, 1.5, 1.8))
                yield (
                    next_outcome(),
                    self.ent_ids[e],
                    pick(self.program_ids),
                    self.fy,
                    start,
                    end,
                    _money(before),
                    _money(before * growth),
                    _money(before * 0.08 * r()),
                    _money(before * 0.15 * r()),
                    pick((0, 0, 0, 1, 1, 2, 3, 5)),
                    pick((0, 0, 1, 1, 1, 2, 3)),
                    "",
                )

        self.w.insert(
            Outcome,
            "id enterprise_id program_id fiscal_year period_start period_end revenue_before revenue_after cost_saved investment jobs_created new_products note",
            outcome_rows(),
            fixed={"site_id": self.site.id},
            stage="outcomes",
            total=int(len(self.ent_ids) * 0.55),
        )

    # -- mentoring -------------------------------------------------------------------------------------------

    def mentoring(self) -> None:
        rng = self.rng("mentoring")
        companies = list(range(self.mentor_company_count))
        pool = list(range(self.mentor_company_count, len(self.ent_ids)))
        rng.shuffle(pool)
        per_cohort = max(3, min(len(pool) // 5, len(self.ent_ids) // 40))
        pairs: list[Row] = []
        sessions: list[Row] = []
        graduates: list[int] = []
        self.cohort1_mentees: list[int] = []
        for cohort in range(1, 5):
            mentees = pool[(cohort - 1) * per_cohort : cohort * per_cohort]
            fy_start = date(self.fy - 4 + cohort - BE_OFFSET - 1, 10, 1)
            next_graduates: list[int] = []
            for m in mentees:
                # From cohort 2 on, most mentors are graduates of the cohort before (the lineage).
                mentor = rng.choice(graduates) if graduates and rng.random() < 0.6 else rng.choice(companies)
                started = fy_start + timedelta(days=rng.randint(30, 120))
                status = ("graduated" if rng.random() < 0.85 else "ended") if cohort < 4 else "active"
                if status == "graduated":
                    next_graduates.append(m)
                pair_id = _uuid(rng)
                pairs.append(
                    (
                        pair_id,
                        self.bb_program[cohort],
                        cohort,
                        self.person_ids[self.ent_owner[mentor]],
                        self.ent_ids[mentor],
                        self.ent_ids[m],
                        started.isoformat(),
                        status,
                    )
                )
                meetings = rng.randint(3, 6) if cohort < 4 else rng.randint(1, 4)
                day = started
                for _ in range(meetings):
                    day += timedelta(days=rng.randint(14, 45))
                    topic = rng.choice(_MENTOR_TOPICS)
                    sessions.append(
                        (
                            _uuid(rng),
                            pair_id,
                            day.isoformat(),
                            float(rng.choice((1, 1.5, 2, 2, 3))),
                            topic,
                            f"พี่เลี้ยงแนะนำแนวทาง{topic} และแลกเปลี่ยนประสบการณ์จากการดำเนินธุรกิจจริง",
                            rng.choice(
                                (
                                    "น้องจัดทำแผนปฏิบัติการและส่งให้พี่เลี้ยงทบทวน",
                                    "นัดหมายติดตามผลครั้งถัดไป",
                                    "ทดลองปรับสูตรการผลิตและบันทึกต้นทุน",
                                    "เปิดร้านค้าออนไลน์และรายงานยอดขาย",
                                    "",
                                )
                            ),
                        )
                    )
            if cohort == 1:
                self.cohort1_mentees = list(mentees)
            graduates = next_graduates or graduates
        self.w.insert(
            MentoringPair,
            "id program_id cohort mentor_person_id mentor_enterprise_id mentee_enterprise_id started_on status",
            pairs,
            fixed={"site_id": self.site.id},
            stage="mentoring pairs",
            total=len(pairs),
        )
        self.w.insert(
            MentoringSession,
            "id pair_id day hours topic notes follow_up",
            sessions,
            fixed={"site_id": self.site.id},
            stage="mentoring sessions",
            total=len(sessions),
        )
        # Cohort 1 mentees over four fiscal years: revenue about ten times in three years.
        rows = []
        for m in self.cohort1_mentees:
            revenue = rng.uniform(3e5, 1.5e6)
            for k in range(4):
                fy = self.fy - 3 + k
                ce = fy - BE_OFFSET
                after = revenue * rng.uniform(1.9, 2.4)
                rows.append(
                    (
                        _uuid(rng),
                        self.ent_ids[m],
                        self.bb_program[1],
                        fy,
                        date(ce - 1, 10, 1).isoformat(),
                        date(ce, 9, 30).isoformat(),
                        _money(revenue),
                        _money(after),
                        _money(revenue * rng.uniform(0.02, 0.1)),
                        _money(revenue * rng.uniform(0.05, 0.3)),
                        rng.randint(0, 4),
                        rng.randint(0, 3),
                        "ติดตามผลผู้สำเร็จโครงการพี่ช่วยน้อง รุ่นที่ 1",
                    )
                )
                revenue = after
        self.w.insert(
            Outcome,
            "id enterprise_id program_id fiscal_year period_start period_end revenue_before revenue_after cost_saved investment jobs_created new_products note",
            rows,
            fixed={"site_id": self.site.id},
        )

    # -- targets and certificate templates -------------------------------------------------------------------

    def targets(self) -> None:
        rng = self.rng("targets")
        national = (16_200, 2_200, 9_600, 70, 13_000_000_000.0)
        share = 0.07 if self.site.kind == "center" else 0.03
        # At large demo sizes the site's share grows with the data, so progress stays meaningful.
        scale = max(1.0, self.n * 0.85 / (national[0] * share))
        site_t = [max(1, round(v * share * scale)) for v in national[:4]]
        value = round(national[4] * share * scale, 2)
        rows: list[Row] = [
            (_uuid(rng), self.fy, None, None, *national[:4], national[4], self.hq_id),
            (_uuid(rng), self.fy, self.site.id, None, *site_t, value, self.hq_id),
        ]
        per = len(self.program_ids)
        for pid in self.program_ids:
            rows.append(
                (
                    _uuid(rng),
                    self.fy,
                    self.site.id,
                    pid,
                    max(1, site_t[0] // per),
                    max(1, site_t[1] // per),
                    max(1, site_t[2] // per),
                    0,
                    round(value / per, 2),
                    self.site.id,
                )
            )
        self.w.insert(
            Target,
            "id fiscal_year for_site_id program_id persons enterprises products groups economic_value site_id",
            rows,
        )

    def certificate_templates(self) -> None:
        # the defaults every installation ships (seed_reference has normally put them in already)
        seed_certificate_templates(self.s)
