"""Fills the lab: requests, samples (with their fates), analyses in every state, published and amended
reports (``_LabBuild``), and the helpers that plan them.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from dipdesk.core.thaidate import fiscal_year
from dipdesk.services.demo.common import Row, _DemoBase, _json, _money, _ts, _utc, _uuid
from dipdesk.services.demo.lab_catalog import _APPEARANCES, _LAB_PURPOSES, _LAB_SPECS, _LAB_TESTS, _TEST_MENU
from dipdesk.services.demo.vocabulary import _PRODUCTS, _SECTOR_TH, PRODUCT_TYPES
from dipdesk.services.lab import DEFAULT_DECISION_RULE, report_content
from dipdesk.store.auth import User
from dipdesk.store.lab import (
    LabAnalysis,
    LabReport,
    LabRequest,
    LabSample,
    LabSettings,
    LabSpecification,
    LabTest,
)
from dipdesk.store.lab_defaults import default_test_rows
from dipdesk.store.people import Enterprise

#: fields of a shipped test (`lab_defaults.default_test_rows`) → the demo's names for them
_SHIPPED_FIELDS = (
    ("name_th", "name_th"), ("name_en", "name_en"), ("kind", "kind"), ("method", "method"),
    ("standard_ref", "standard_ref"), ("unit", "unit"), ("result_type", "result_type"), ("choices", "choices"),
    ("decimals", "decimals"), ("lod", "lod"), ("upper_limit", "upper"), ("uncertainty", "uncertainty"),
    ("uncertainty_is_percent", "uncertainty_pct"), ("accredited", "accredited"), ("fee", "fee"),
    ("turnaround_days", "days"),
)  # fmt: skip


class _LabBuild(_DemoBase):
    """The lab: catalog, requests, samples, analyses in every state, reports."""

    # -- the lab ---------------------------------------------------------------------------------------------

    def lab(self) -> None:
        rng = self.rng("lab")
        site_id = self.site.id
        self.w.insert(
            LabSettings,
            "id lab_name_th address allow_self_verification",
            [(_uuid(rng), f"ห้องปฏิบัติการวิเคราะห์ทดสอบ {self.site.name_th}", self.site.address, 0)],
            fixed={"site_id": site_id},
        )
        tests: dict[str, dict[str, Any]] = {}
        test_rows = []
        shipped = {d["code"].removeprefix("STD-"): d for d in default_test_rows("")}  # every column given
        for spec in _LAB_TESTS:
            t = dict(spec)
            own_id = _uuid(rng)  # drawn for every test, so the rest of the demo stays what it was
            std = shipped.get(t["key"])
            if std is not None and not t.get("formula"):
                # the lab works with the test every installation ships (STD-…), as it is defined there
                t.update({ours: std[theirs] for theirs, ours in _SHIPPED_FIELDS})
                t["id"] = std["id"]
                tests[t["key"]] = t
                continue
            # a test of the lab's own; one computed from weighings is its own variant of a shipped test
            t["id"] = own_id
            tests[t["key"]] = t
            test_rows.append(
                (
                    t["id"],
                    f"{self.code}-{t['key']}{'V' if std is not None else ''}",
                    t["name_th"],
                    t["name_en"],
                    t["kind"],
                    t["method"],
                    t["standard_ref"],
                    t["unit"],
                    t.get("result_type", "numeric"),
                    _json(t.get("choices", [])),
                    t["decimals"],
                    t.get("lod"),
                    t.get("upper"),
                    t.get("uncertainty"),
                    1 if t.get("uncertainty_pct") else 0,
                    1 if t.get("accredited") else 0,
                    float(t["fee"]),
                    t["days"],
                    t.get("formula", ""),
                    _json(t.get("interim", [])),
                )
            )
        self.w.insert(
            LabTest,
            "id code name_th name_en kind method standard_ref unit result_type choices decimals lod upper_limit uncertainty uncertainty_is_percent accredited fee turnaround_days formula interim_fields",
            test_rows,
            fixed={"site_id": site_id},
        )
        specs: dict[tuple[str, str], tuple[float | None, float | None, float | None, float | None, str]] = {}
        spec_rows = []
        for ptype, key, lo, hi, warn_lo, warn_hi, standard in _LAB_SPECS:
            specs[(ptype, key)] = (lo, hi, warn_lo, warn_hi, standard)
            spec_rows.append((_uuid(rng), ptype, tests[key]["id"], lo, hi, warn_lo, warn_hi, standard))
        self.w.insert(
            LabSpecification,
            "id product_type test_id min_value max_value warn_low warn_high standard",
            spec_rows,
            fixed={"site_id": site_id},
        )

        # Requests and samples, oldest first, so numbers rise with dates. Each sample gets a fate that
        # decides its state; the newest are still in the lab.
        # A lab's yearly volume does not grow with the number of trainees: capped at a busy lab's year.
        req_count = min(600, max(12, self.n // 150))
        tech, verifier = self.user_ids["labtech"], self.user_ids["labverifier"]
        # Closed work spans the fiscal year up to the demo's "today"; requests whose samples are all still
        # in the lab were made in the days just before "today" (most are within their turnaround, a few
        # are overdue), numbered in the fiscal year of their date as the lab service numbers them.
        last_day = max(60, min(self.fy_days, (self.today - self.fy_start).days + 1))
        days = sorted(rng.randrange(last_day - 20) for _ in range(req_count))
        samples_per = [rng.choice((1, 1, 2, 2, 3)) for _ in range(req_count)]
        total_samples = sum(samples_per)
        fates = _sample_fates(total_samples)
        starts = [sum(samples_per[:q]) for q in range(req_count)]
        open_req = [
            all(f not in ("published", "cancelled") for f in fates[a : a + k])
            for a, k in zip(starts, samples_per, strict=True)
        ]
        ago = sorted(
            (rng.randint(11, 20) if rng.random() < 0.1 else rng.randint(0, 6) for _ in range(sum(open_req))),
            reverse=True,
        )
        numbers: dict[tuple[str, int], int] = {}

        def number(series: str, letter: str, on: date) -> str:
            fy = fiscal_year(on)
            numbers[(series, fy)] = numbers.get((series, fy), 0) + 1
            return f"{letter}{fy}-{self.code}-{numbers[(series, fy)]:05d}"

        prefix = f"{self.fy}-{self.code}"
        req_rows: list[Row] = []
        sample_rows: list[Row] = []
        analysis_rows: list[Row] = []
        reports: list[_PlannedReport] = []
        sample_no = 0
        report_no = 0
        amended = False
        for q in range(req_count):
            e = rng.randrange(self.mentor_company_count, len(self.ent_ids))
            owner = self.ent_owner[e]
            requested = self.today - timedelta(days=ago.pop(0)) if open_req[q] else self.day(days[q])
            request_no = number("REQ", "R", requested)
            req_id = _uuid(rng)
            req_tests: list[str] = []
            fee = 0.0
            sample_states: list[str] = []
            for _ in range(samples_per[q]):
                fate = fates[sample_no]
                sample_no += 1
                ptype = self.ent_sector[e] if rng.random() < 0.85 else rng.choice(PRODUCT_TYPES)
                prods = [name for _, name in self.ent_products[e]]
                item = (
                    rng.choice(prods)
                    if prods and ptype == self.ent_sector[e]
                    else rng.choice(_PRODUCTS[ptype])
                )
                keys = _tests_for(ptype, rng)
                received = fate != "registered"
                received_at = _utc(requested, rng.randint(9, 15), rng.randint(0, 59))
                turnaround = max(tests[k]["days"] for k in keys)
                sid = _uuid(rng)
                lab_no = number("LAB", "L", requested)
                sample_rows.append(
                    (
                        sid,
                        lab_no,
                        req_id,
                        f"{item} ({_SECTOR_TH[ptype]})",
                        ptype,
                        rng.choice(
                            ("3 ขวด x 200 กรัม", "2 ถุง x 500 กรัม", "1 กิโลกรัม", "5 ชิ้น", "4 ซอง x 100 กรัม")
                        ),
                        rng.choice(("ปกติ บรรจุภัณฑ์ปิดสนิท", "ปกติ", "ภาชนะบรรจุมีรอยบุบเล็กน้อย ตัวอย่างไม่เสียหาย"))
                        if received
                        else "",
                        rng.choice(("อุณหภูมิห้อง", "อุณหภูมิห้อง", "ตู้เย็น 2–8 °C")),
                        (requested - timedelta(days=rng.randint(1, 5))).isoformat(),
                        "ผู้ขอรับบริการเป็นผู้เก็บตัวอย่างและนำส่งเอง",
                        _ts(received_at) if received else None,
                        tech if received else None,
                        (requested + timedelta(days=turnaround)).isoformat(),
                        fate,
                    )
                )
                sample_states.append(fate)
                for k in keys:
                    if k not in req_tests:
                        req_tests.append(k)
                    fee += float(tests[k]["fee"])
                tested = requested + timedelta(days=rng.randint(1, max(1, turnaround - 1)))
                if fate != "published":
                    tested = min(tested, self.today)  # nothing is tested in the future
                self.analyses(
                    rng, analysis_rows, sid, keys, tests, specs, ptype, fate, tested, tech, verifier
                )
                if fate == "published":
                    issued = tested + timedelta(days=rng.randint(1, 3))
                    report_no += 1
                    number_ = f"RPT{prefix}-{report_no:05d}"
                    rid = _uuid(rng)
                    if not amended:
                        # The first report was amended: it named the contact person instead of the firm.
                        amended = True
                        reports.append(
                            _PlannedReport(
                                rid, number_, sid, "replaced", issued, customer=self.full_name(owner)
                            )
                        )
                        report_no += 1
                        reports.append(
                            _PlannedReport(
                                _uuid(rng),
                                f"RPT{prefix}-{report_no:05d}",
                                sid,
                                "published",
                                issued + timedelta(days=7),
                                replaces=reports[-1],
                                reason=f"แก้ไขรายงานฉบับเลขที่ {number_}: ระบุชื่อผู้ติดต่อแทนชื่อผู้ขอรับบริการ "
                                "แก้เป็นชื่อกิจการตามคำขอรับบริการ",
                            )
                        )
                    else:
                        reports.append(_PlannedReport(rid, number_, sid, "published", issued))
            if all(s == "published" for s in sample_states):
                state = "completed"
            elif all(s == "registered" for s in sample_states):
                state = "submitted"
            elif all(s == "cancelled" for s in sample_states):
                state = "cancelled"
            else:
                state = "in_progress"
            req_rows.append(
                (
                    req_id,
                    request_no,
                    self.ent_ids[e],
                    self.ent_name[e],
                    self.full_name(owner),
                    self.person_info[owner][3],
                    rng.choice(_LAB_PURPOSES),
                    requested.isoformat(),
                    _json([tests[k]["id"] for k in req_tests]),
                    _money(fee),
                    state,
                )
            )
        self.w.insert(
            LabRequest,
            "id request_no customer_enterprise_id customer_name contact_name contact_phone purpose requested_on test_ids fee_total state",
            req_rows,
            fixed={"site_id": site_id},
            stage="lab requests",
            total=len(req_rows),
        )
        self.w.insert(
            LabSample,
            "id lab_no request_id description product_type quantity condition storage sampling_date sampling_plan received_at received_by due_on state",
            sample_rows,
            fixed={"site_id": site_id},
            stage="lab samples",
            total=len(sample_rows),
        )
        self.w.insert(
            LabAnalysis,
            "id sample_id test_id state value_text value limit_flag interim tested_on submitted_by submitted_at verified_by verified_at retest_of_id remarks",
            analysis_rows,
            fixed={"site_id": site_id},
            stage="lab analyses",
            total=len(analysis_rows),
        )
        self.w.insert(
            LabReport,
            "id report_no sample_id state issued_on authorised_by replaces_id amendment_reason decision_rule content",
            self.report_rows(reports, verifier),
            fixed={"site_id": site_id},
            stage="lab reports",
            total=len(reports),
        )
        self.counters = {**numbers, ("RPT", self.fy): report_no}

    def report_rows(self, reports: list[_PlannedReport], verifier: str) -> Iterator[Row]:
        """The reports as the lab service publishes them: their content is what `report_content` gives for
        the records just written, so a demo report prints like any other."""
        # Load the lab's records once, so report_content finds them in the session's identity map.
        requests = list(self.s.scalars(select(LabRequest).where(LabRequest.site_id == self.site.id)))
        customers = {r.customer_enterprise_id for r in requests if r.customer_enterprise_id}
        held = [
            *requests,
            *self.s.scalars(select(LabSample).where(LabSample.site_id == self.site.id)),
            *self.s.scalars(select(Enterprise).where(Enterprise.id.in_(customers))),
            *self.s.scalars(select(LabSettings)),
        ]
        authoriser = self.s.get(User, verifier)
        for plan in reports:
            sample = self.s.get(LabSample, plan.sample_id)
            assert sample is not None
            replaces = plan.replaces
            content = report_content(
                self.s,
                sample,
                report_no=plan.number,
                issued_on=plan.issued,
                decision_rule=DEFAULT_DECISION_RULE,
                authoriser=authoriser,
                replaces=LabReport(report_no=replaces.number, issued_on=replaces.issued)
                if replaces
                else None,
                amendment_reason=plan.reason,
            )
            if plan.customer:
                content["customer"] = plan.customer
            yield (
                plan.id,
                plan.number,
                plan.sample_id,
                plan.state,
                plan.issued.isoformat(),
                verifier,
                replaces.id if replaces else None,
                plan.reason,
                DEFAULT_DECISION_RULE,
                _json(content),
            )
        del held

    def analyses(
        self,
        rng: random.Random,
        out: list[Row],
        sample_id: str,
        keys: list[str],
        tests: dict[str, dict[str, Any]],
        specs: dict[tuple[str, str], tuple[float | None, float | None, float | None, float | None, str]],
        ptype: str,
        fate: str,
        tested: date,
        tech: str,
        verifier: str,
    ) -> None:
        """Append the analyses of one sample to `out`."""
        submitted_at = _ts(_utc(tested, 15, 30))
        verified_at = _ts(_utc(tested + timedelta(days=1), 10, 0))
        for i, key in enumerate(keys):
            t = tests[key]
            spec = specs.get((ptype, key))
            if fate == "cancelled":
                state = "rejected"
            elif fate in {"registered", "received"}:
                state = "registered"
            elif fate == "testing":
                state = (
                    ("verified", "to_be_verified", "registered")[i % 3]
                    if i < 3
                    else rng.choice(("verified", "to_be_verified", "registered"))
                )
            else:
                state = fate  # verified | published
            if fate in {"published", "verified"} and i == len(keys) - 1 and rng.random() < 0.08:
                state = "rejected"
            if fate == "published" and i == len(keys) - 1 and len(keys) > 2 and self.take("rejected"):
                state = "rejected"
            if state == "rejected":
                reason = (
                    "ยกเลิกตามคำขอของผู้ขอรับบริการ"
                    if fate == "cancelled"
                    else "ปริมาณตัวอย่างไม่เพียงพอสำหรับการทดสอบรายการนี้"
                )
                out.append(
                    (
                        _uuid(rng),
                        sample_id,
                        t["id"],
                        "rejected",
                        "",
                        None,
                        "",
                        "{}",
                        None,
                        None,
                        None,
                        None,
                        None,
                        None,
                        reason,
                    )
                )
                continue
            retract = fate == "published" and i == 0 and (self.take("retracted") or rng.random() < 0.04)
            if retract:
                # A first result withdrawn after verification; the retest below replaces it.
                old_id = _uuid(rng)
                value_text, value, flag, interim = _result(rng, t, spec, fail=True, ptype=ptype)
                out.append(
                    (
                        old_id,
                        sample_id,
                        t["id"],
                        "retracted",
                        value_text,
                        value,
                        flag,
                        _json(interim),
                        tested.isoformat(),
                        tech,
                        submitted_at,
                        verifier,
                        verified_at,
                        None,
                        "ถอนผล: เครื่องมือวัดคลาดเคลื่อนจากการสอบเทียบ ทดสอบซ้ำ",
                    )
                )
            else:
                old_id = None
            if state == "registered":
                out.append(
                    (
                        _uuid(rng),
                        sample_id,
                        t["id"],
                        "registered",
                        "",
                        None,
                        "",
                        "{}",
                        None,
                        None,
                        None,
                        None,
                        None,
                        old_id,
                        "",
                    )
                )
                continue
            value_text, value, flag, interim = _result(rng, t, spec, fail=rng.random() < 0.06, ptype=ptype)
            verified = state in {"verified", "published"}
            out.append(
                (
                    _uuid(rng),
                    sample_id,
                    t["id"],
                    state,
                    value_text,
                    value,
                    flag,
                    _json(interim),
                    tested.isoformat(),
                    tech,
                    submitted_at,
                    verifier if verified else None,
                    verified_at if verified else None,
                    old_id,
                    "ทดสอบซ้ำแทนผลที่ถอน" if old_id else "",
                )
            )


@dataclass
class _PlannedReport:
    id: str
    number: str
    sample_id: str
    state: str
    issued: date
    replaces: _PlannedReport | None = None
    reason: str = ""
    customer: str = ""  # what the (later corrected) report said instead of the customer's name


def _sample_fates(total: int) -> list[str]:
    """Fates of the samples, oldest first: most are published; the newest are still in the lab.

    Every fate occurs at least once (cancelled only in larger builds), whatever the size.
    """
    pending = (
        ("cancelled", 0.05),
        ("verified", 0.35),
        ("testing", 0.3),
        ("received", 0.2),
        ("registered", 0.1),
    )
    in_lab = max(4, round(total * 0.28))
    tail: list[str] = []
    for fate, share in pending:
        least = 0 if fate == "cancelled" and total < 40 else 1
        tail += [fate] * max(least, round(in_lab * share))
    tail = tail[: max(0, total - 1)]
    return ["published"] * (total - len(tail)) + tail


def _tests_for(ptype: str, rng: random.Random) -> list[str]:
    menu = _TEST_MENU[ptype]
    k = rng.randint(3, min(6, len(menu)))
    head = [menu[0]]  # the type's main test first (moisture for food and herbs, etc.)
    return head + rng.sample(menu[1:], k - 1)


def _result(
    rng: random.Random,
    t: dict[str, Any],
    spec: tuple[float | None, float | None, float | None, float | None, str] | None,
    *,
    fail: bool,
    ptype: str = "food",
) -> tuple[str, float | None, str, dict[str, Any]]:
    """(value_text, value, limit flag, interim readings) for one result of test `t`."""
    if t.get("result_type") == "choice":
        choice = rng.choice(t["choices"][4:]) if not fail else rng.choice(t["choices"][:4])
        return choice, None, "", {}
    if t.get("result_type") == "text":
        return rng.choice(_APPEARANCES[ptype]), None, "", {}
    lo, hi = t["typical"]
    if spec is not None:
        s_lo, s_hi = spec[0], spec[1]
        if fail and s_hi is not None:
            value = s_hi * rng.uniform(1.1, 1.8)
        elif fail and s_lo is not None:
            value = s_lo * rng.uniform(0.6, 0.95)
        else:
            lo = max(lo, s_lo) if s_lo is not None else lo
            hi = min(hi, s_hi * 0.95) if s_hi is not None else hi
            value = rng.uniform(lo, hi) if hi > lo else lo
    else:
        value = rng.uniform(lo, hi)
    lod = t.get("lod")
    if lod is not None and (value < lod or (t.get("often_nd") and not fail and rng.random() < 0.5)):
        return f"<{_plain(lod)}", None, "<", {}  # typed as technicians do: below the detection limit
    upper = t.get("upper")
    if upper is not None and value > upper:
        return f">{_plain(upper)}", None, ">", {}
    interim: dict[str, Any] = {}
    if t.get("formula"):
        wet = round(rng.uniform(2.0, 5.0), 4)
        dry = round(wet * (1 - value / 100), 4)
        interim = {"wet": wet, "dry": dry}
        value = (wet - dry) / wet * 100
    if t["decimals"] == 0:
        value = float(round(value))
    text = f"{value:.{t['decimals'] + 1}f}" if t["decimals"] else f"{value:.0f}"
    return text, value, "", interim


def _plain(x: float) -> str:
    return format(x, "f").rstrip("0").rstrip(".")
