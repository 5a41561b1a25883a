"""The test report (ใบรายงานผลการทดสอบ): ISO/IEC 17025:2017 7.8 content, results with their conformity
statements, pagination that balances pages and keeps the signature with what precedes it.

Split from :mod:`dipdesk.printing.lab_forms` (which re-exports :func:`render_report`); its page furniture
and building blocks come from :mod:`dipdesk.printing.lab_layout`."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from dipdesk.core import labresults as lr
from dipdesk.printing.fonts import FONT
from dipdesk.printing.lab_codes import _QR
from dipdesk.printing.lab_layout import (
    CONTENT_W,
    END_OF_REPORT,
    FAIL,
    FRAME_H,
    MUTED,
    NEAR,
    NO_PARTIAL_COPY,
    NO_PARTIAL_COPY_EN,
    ONLY_ITEMS_TESTED,
    ONLY_ITEMS_TESTED_EN,
    SHADE,
    VERDICT_TH,
    ZW,
    Out,
    _Box,
    _build,
    _Bullet,
    _Code,
    _fields_table,
    _Furniture,
    _grid,
    _head,
    _phone,
    _section,
    _signature,
    _Text,
    _title,
)

__all__ = ["MIN_FILL", "render_report", "report_story"]

# ----------------------------------------------------------------------------------------------------
# the test report
# ----------------------------------------------------------------------------------------------------


def _result_text(r: dict[str, Any], tx: _Text) -> str:
    return lr.format_result(
        value=r.get("value"),
        flag=r.get("limit_flag") or "",
        text=r.get("value_text") or "",
        decimals=int(r.get("decimals") or 0),
        lod=r.get("lod"),
        upper=r.get("upper"),
        result_type=r.get("result_type")
        or ("numeric" if r.get("value") is not None or r.get("limit_flag") else "text"),
        thai_digits=tx.thai_digits,
        sig_figs=lr.significant_figures(r.get("unit") or "", r.get("kind") or ""),
    )


def _is_text_result(r: dict[str, Any]) -> bool:
    kind = r.get("result_type")
    if kind:
        return kind == "text"
    return r.get("value") is None and not r.get("limit_flag") and bool(r.get("value_text"))


def _uncertainty_text(r: dict[str, Any], tx: _Text) -> str:
    if r.get("limit_flag") or r.get("value") is None:
        return "–" if r.get("uncertainty") is not None else ""
    return lr.format_uncertainty(
        r.get("value"),
        r.get("uncertainty"),
        is_percent=bool(r.get("uncertainty_is_percent")),
        decimals=int(r.get("decimals") or 0),
        thai_digits=tx.thai_digits,
    )


def _spec_text(r: dict[str, Any], tx: _Text) -> str:
    spec = lr.Spec(r.get("spec_min"), r.get("spec_max"))
    return lr.format_spec(spec, thai_digits=tx.thai_digits) or "–"


def report_story(content: dict[str, Any], tx: _Text) -> list[Flowable]:
    story: list[Flowable] = []
    state = content.get("state") or ("draft" if content.get("draft") else "published")
    story += _title(tx, "ใบรายงานผลการทดสอบ", "TEST REPORT")
    if state == "draft" or content.get("draft"):
        story += [
            _Box(
                [
                    tx.p("ฉบับร่าง — ผลยังไม่ได้ตรวจสอบและอนุมัติครบถ้วน ใช้อ้างอิงไม่ได้", 13.5, bold=True, color=FAIL),
                    tx.p(
                        "DRAFT — not a test report: results are not all verified and authorised.",
                        11.5,
                        color=FAIL,
                    ),
                ],
                color=FAIL,
            ),
            Spacer(1, 3 * mm),
        ]
    if state == "replaced":
        story += [
            _Box(
                [
                    tx.p(
                        f"รายงานฉบับนี้ถูกแทนที่ด้วยรายงานฉบับแก้ไขเลขที่ {content.get('replaced_by') or '–'} แล้ว "
                        "เก็บไว้เป็นหลักฐานเท่านั้น",
                        13.5,
                        bold=True,
                        color=FAIL,
                    ),
                    tx.p(f"Replaced by report no. {content.get('replaced_by') or '–'}; kept on file only.", 11.5,
                         color=FAIL),
                ],
                color=FAIL,
            ),
            Spacer(1, 3 * mm),
        ]  # fmt: skip
    if content.get("replaces"):
        when = (
            tx.date(content.get("replaces_issued_on"), "medium") if content.get("replaces_issued_on") else ""
        )
        story += [
            _Box(
                [
                    tx.p(
                        f"รายงานฉบับแก้ไข แทนรายงานเลขที่ {content['replaces']}"
                        + (f" ลงวันที่ {when}" if when else ""),
                        13.5,
                        bold=True,
                    ),
                    tx.p(f"Amendment to report no. {content['replaces']}", 11.5, color=MUTED),
                    tx.p(f"สิ่งที่แก้ไขและเหตุผล: {content.get('amendment_reason') or '–'}", 12.5),
                ],
                fill=colors.HexColor("#fff8e1"),
            ),
            Spacer(1, 3 * mm),
        ]

    received = content.get("received_on")
    sampling = content.get("sampling_date")
    contact = content.get("contact") or "–"
    if content.get("contact_phone"):
        contact = f"{contact}  โทร. {_phone(content['contact_phone'])}"
    story.append(
        _fields_table(
            tx,
            [
                ("เลขที่รายงาน", _Code(content.get("report_no") or ""),
                 "วันที่ออกรายงาน", tx.date(content.get("issued_on")) if content.get("issued_on") else "–"),
                ("ผู้ขอรับบริการ", content.get("customer") or "–"),
                ("ที่อยู่", content.get("customer_address") or "–"),
                ("ผู้ติดต่อ", contact),
                ("เลขที่คำขอ", _Code(content.get("request_no") or "–"),
                 "วัตถุประสงค์", content.get("purpose") or "–"),
            ],
        )
    )  # fmt: skip
    story += _section(tx, "ข้อมูลตัวอย่าง (Test item)")
    story.append(
        _fields_table(
            tx,
            [
                ("ตัวอย่าง", content.get("sample") or "–"),
                ("รหัสตัวอย่าง", _Code(content.get("lab_no") or ""),
                 "ปริมาณ", content.get("quantity") or "–"),
                ("สภาพเมื่อได้รับ", content.get("condition") or "–"),
                ("วันที่รับตัวอย่าง", tx.date(received) if received else "–",
                 "วันที่เก็บตัวอย่าง ‡", tx.date(sampling) if sampling else "ไม่ระบุ"),
                ("แผนการชักตัวอย่าง ‡", content.get("sampling_plan") or "ไม่มี (ทดสอบตามตัวอย่างที่ได้รับ)",
                 "วันที่ทดสอบ", tx.date_range(content.get("tested_from"), content.get("tested_to"))),
                ("สถานที่ทดสอบ", content.get("test_location") or content.get("lab_name") or "–"),
            ],
        )
    )  # fmt: skip
    story += _section(tx, "ผลการทดสอบ (Test results)", keep=55 * mm)
    issued = tx.date(content.get("issued_on")) if content.get("issued_on") else ""
    notes = _notes(content, tx)
    closing = [
        *notes[:-1],
        # the signature never goes to a page of its own: the last note and the end mark stay with it
        _Stack([notes[-1],
        Spacer(1, 3 * mm),
        Table(
            [[_report_code(content, tx), _signature(tx, "ผู้อนุมัติรายงาน (Authorised by)", content.get("authorised_name") or "",
                             content.get("authorised_position") or "", issued, width=96 * mm)]],
            colWidths=[CONTENT_W - 98 * mm, 98 * mm],
            style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("LEFTPADDING", (0, 0), (-1, -1), 0)]),
        ),
        Spacer(1, 3 * mm),
        tx.p(END_OF_REPORT, 13, bold=True, align="center")]),
    ]  # fmt: skip
    story.append(_KeepWithLastRows(_results_table(content, tx), closing))
    return story


def _report_code(content: dict[str, Any], tx: _Text) -> Any:
    """The report's signed QR (issue 15, ``services.lab.report_qr``) beside the signature, with how to
    check it; empty on a draft or a report published without one."""
    code = content.get("qr") or ""
    if not code or content.get("draft"):
        return ""
    text = tx.p(
        "ตรวจสอบความถูกต้องของรายงานฉบับนี้ได้โดยสแกนคิวอาร์โค้ดด้วยโปรแกรม dipdesk "
        "(ลงนามด้วยกุญแจของหน่วยงาน ตรวจได้แม้ไม่มีอินเทอร์เน็ต)",
        9.5,
        color=MUTED,
    )
    return Table(
        [[_QR(code, 24 * mm), text]],
        colWidths=[26 * mm, CONTENT_W - 98 * mm - 28 * mm],
        style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                          ("FONTNAME", (0, 0), (-1, -1), FONT)]),
    )  # fmt: skip


class _Stack(Flowable):
    """Flowables one under the other that never split (the signature with the note above it)."""

    def __init__(self, parts: list[Flowable]) -> None:
        super().__init__()
        self.parts = parts
        self._sizes: list[tuple[float, float, float]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._sizes = []
        for f in self.parts:
            _w, h = f.wrap(availWidth, availHeight)
            self._sizes.append((f.getSpaceBefore(), h, f.getSpaceAfter()))
        self.width, self.height = availWidth, sum(b + h + a for b, h, a in self._sizes)
        return self.width, self.height

    def draw(self) -> None:
        y = self.height
        for f, (before, h, after) in zip(self.parts, self._sizes, strict=True):
            y -= before + h
            f.drawOn(self.canv, 0, y)
            y -= after


#: a page that is not the last is filled at least this much (of the frame's height) where rows allow
MIN_FILL = 0.4


class _KeepWithLastRows(Flowable):
    """The results table and what closes the report (notes, signature, end-of-report mark), laid out so
    that the closing never stands alone on the last page: at least ``rows`` rows of results go over with
    it (under the repeated column headers).

    The rows are shared out across the pages so that no page but the last is less than :data:`MIN_FILL`
    full where that can be helped (two rows on a page of their own between a full page and the signature
    page move back, or rows from a full page move on): at each page break every possible number of rows
    for this page is tried, the pages after it laid out greedily, and the layout with the fewest pages,
    then the fewest under-filled pages, then the most rows here wins.

    Should the closing block with ``rows`` rows be taller than a page, it simply follows the table."""

    def __init__(self, table: Table, closing: list[Flowable], rows: int = 2) -> None:
        super().__init__()
        self.table = table
        self.closing = closing
        self.rows = rows
        self._sizes: list[tuple[float, float, float]] = []  # per closing flowable: before, height, after

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # every row's height (reportlab stops measuring a long table's rows past the height it is given)
        _w, self._table_h = self.table.wrap(availWidth, 1e7)
        self._sizes = []
        for f in self.closing:
            _fw, h = f.wrap(availWidth, availHeight)
            self._sizes.append((f.getSpaceBefore(), h, f.getSpaceAfter()))
        self._closing_h = sum(b + h + a for b, h, a in self._sizes)
        self.width, self.height = availWidth, self._table_h + self._closing_h
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        heights: list[float] = list(getattr(self.table, "_rowHeights", None) or [])
        head, rows = (heights[0], heights[1:]) if heights else (0.0, [])
        # a result and its conformity row are one unit: a page break never falls between them
        units: list[int] = list(getattr(self.table, "units", None) or [1] * len(rows))
        if sum(units) != len(rows):
            units = [1] * len(rows)
        body, pos = [], 0
        for u in units:
            body.append(sum(rows[pos : pos + u]))
            pos += u
        keep = min(self.rows, len(body))
        while keep > 1 and self._closing_h + head + sum(body[-keep:]) > FRAME_H:
            keep -= 1  # a long closing keeps at least the last result (with its conformity row)
        fits = keep >= 1 and self._closing_h + head + sum(body[-keep:]) <= FRAME_H
        here, under = _rows_here(body, head, self._closing_h, availHeight, keep) if fits else (0, 1)
        if under:
            # the closing is taller than a page with the last rows, or keeping rows with it would leave a
            # page under MIN_FILL: as many rows here as fit, then the notes flow on and the signature
            # keeps the last note (_Stack)
            here, total = 0, head
            while here < len(body) and total + body[here] <= availHeight + 1e-6:
                total += body[here]
                here += 1
            if here >= len(body):
                return [self.table, *self.closing]
            return self._split_at(availWidth, head, body, units, here, page_break=False)
        # the rest starts a fresh page: the page was planned with ``here`` rows, not more
        return self._split_at(availWidth, head, body, units, here, page_break=True)

    def _split_at(
        self, width: float, head: float, body: list[float], units: list[int], here: int, *, page_break: bool
    ) -> list[Flowable]:
        if here <= 0:
            return []  # all of it goes to the next page
        parts = self.table.split(width, head + sum(body[:here]) + 0.01)
        if len(parts) < 2:
            return []
        parts[1].units = units[here:]
        rest = _KeepWithLastRows(parts[1], self.closing, self.rows)
        return [parts[0], PageBreak(), rest] if page_break else [parts[0], rest]

    def draw(self) -> None:
        y = self.height - self._table_h
        self.table.drawOn(self.canv, 0, y)
        for f, (before, h, after) in zip(self.closing, self._sizes, strict=True):
            y -= before + h
            f.drawOn(self.canv, 0, y)
            y -= after


def _rows_here(
    body: Sequence[float], head: float, closing: float, avail: float, keep: int
) -> tuple[int, int]:
    """How many of the rows (heights ``body``, under a header row of ``head``) to set on a page with
    ``avail`` points left, when the rest and the ``closing`` block follow on fresh pages; see
    :class:`_KeepWithLastRows`, and how many pages but the last would then be under :data:`MIN_FILL`.
    The pages after this one are shared out optimally (fewest pages, then fewest under-filled ones); this
    page takes at least one row when one fits, so a section heading above the table is never left alone."""
    n = len(body)
    room = FRAME_H - head
    suffix = [0.0] * (n + 1)
    for i in range(n - 1, -1, -1):
        suffix[i] = suffix[i + 1] + body[i]

    @cache
    def later(i: int) -> tuple[int, int]:
        """(pages, pages under MIN_FILL but the last) for rows[i:] and the closing on fresh pages."""
        if head + suffix[i] + closing <= FRAME_H + 1e-6:
            return 1, 0
        best: tuple[int, int] | None = None
        j = i
        while j < n - keep and suffix[i] - suffix[j + 1] <= room + 1e-6:
            j += 1
            pages, under = later(j)
            fill = head + suffix[i] - suffix[j]
            cand = (pages + 1, under + (fill < MIN_FILL * FRAME_H))
            best = cand if best is None or cand < best else best
        if best is None:  # a row taller than a page: reportlab splits it; count a page and go on
            pages, under = later(min(i + 1, n))
            best = (pages + 1, under)
        return best

    used_before = FRAME_H - avail
    choice: tuple[tuple[int, int, int], int] | None = None
    total = head
    for s in range(1, n - keep + 1):
        total += body[s - 1]
        if total > avail + 1e-6:
            break
        pages, under = later(s)
        under += used_before + total < MIN_FILL * FRAME_H
        score = (pages, under, -s)
        if choice is None or score < choice[0]:
            choice = (score, s)
    if choice is None:
        return (1 if avail >= FRAME_H - 1e-6 else 0), 0
    return choice[1], choice[0][1]


_RESULT_HEAD = (
    ("ที่", "No."),
    ("รายการทดสอบ", "Test"),
    ("วิธีทดสอบ", "Method"),
    ("หน่วย", "Unit"),
    (f"ผลการ{ZW}ทดสอบ", "Result"),
    (f"ความไม่{ZW}แน่นอน", "Uncertainty"),
    (f"เกณฑ์{ZW}กำหนด", "Limit"),
    (f"ผลการ{ZW}ตัดสิน", "Verdict"),
)
_RESULT_W = (8, 36, 34, 14, 22, 22, 22, 20)


def _sum_checks(results: Sequence[dict[str, Any]]) -> dict[int, lr.SumCheck]:
    """Sum limits among the results: for the index of each group's last member, the group's check."""
    members: dict[lr.SumLimit, dict[str, tuple[int, lr.Result]]] = {}
    for i, r in enumerate(results):
        symbol = lr.analyte_symbol(r.get("test_en") or "", r.get("test") or "")
        limit = lr.sum_limit_for(r.get("standard") or "", symbol)
        if limit is None:
            continue
        result = lr.stored_result(
            r.get("value_text") or "",
            r.get("value"),
            r.get("limit_flag") or "",
            lod=r.get("lod"),
            upper=r.get("upper"),
        )
        members.setdefault(limit, {})[symbol] = (i, result)
    return {
        max(i for i, _r in found.values()): lr.check_sum(limit, {k: v[1] for k, v in found.items()})
        for limit, found in members.items()
    }


def _conformity(r: dict[str, Any], tx: _Text, in_sum: lr.SumLimit | None) -> str:
    """The row's conformity statement (7.8.6) and test conditions (7.8.3.1 a), printed under it."""
    parts: list[str] = []
    spec = _spec_text(r, tx)
    standard = (r.get("standard") or "").strip()
    if in_sum is not None:
        parts.append(f"ตัดสินจากผลรวม {in_sum.label} (ดูแถวผลรวม)")
    elif spec != "–" and r.get("verdict") not in (None, "no_spec", "pending"):
        unit = f" {r['unit']}" if r.get("unit") else ""
        cited = (
            standard if lr.is_cited(standard) else f"{standard or 'ไม่ระบุแหล่งที่มา'} (ไม่ระบุเลขที่และปีของมาตรฐาน)"
        )
        parts.append(f"ข้อกำหนด {spec}{unit} ตาม {cited}")
    conditions = lr.conditions_for(r.get("standard_ref") or "", r.get("conditions") or "")
    if conditions:
        parts.append(f"สภาวะการทดสอบ: {conditions}")
    return " · ".join(parts)


def _results_table(content: dict[str, Any], tx: _Text) -> Table:
    """Results, each with its conformity statement in a row under it (the two never part at a page
    break: the table's ``units`` attribute says how many rows each result takes), and a row for each sum
    limit after its last member."""
    head = [_head(tx, th, en) for th, en in _RESULT_HEAD]
    rows: list[list[Any]] = [head]
    units: list[int] = []
    extra: list[tuple[Any, ...]] = []
    results = content.get("results") or []
    sums = _sum_checks(results)
    summed = {lim.limit for lim in sums.values()}
    for i, r in enumerate(results, start=1):
        name = r.get("test") or ""
        if r.get("test_en"):
            name = f"{name} ({r['test_en']})"
        marks = ("" if r.get("accredited", True) else " #") + (" *" if r.get("external_provider") else "")
        method = r.get("method") or ""
        if r.get("standard_ref") and r["standard_ref"] not in method:
            method = f"{method} ({r['standard_ref']})"
        symbol = lr.analyte_symbol(r.get("test_en") or "", r.get("test") or "")
        in_sum = lr.sum_limit_for(r.get("standard") or "", symbol)
        in_sum = in_sum if in_sum in summed else None
        verdict = "no_spec" if in_sum is not None else r.get("verdict") or "no_spec"
        shown = _result_text(r, tx) or "–"
        wordy = _is_text_result(r)
        spec = f"รวม {_spec_text(r, tx)}" if in_sum is not None else _spec_text(r, tx)
        rows.append(
            [
                tx.p(str(i), 12, align="center"),
                tx.p(name + marks, 12),
                tx.p(method, 11.5, code=True),
                tx.p(r.get("unit") or "–", 12, align="center", code=True),
                tx.p(shown, 12, align="left" if wordy else "center", bold=verdict == "fail", code=not wordy),
                "" if wordy else tx.p(_uncertainty_text(r, tx) or "–", 12, align="center", code=True),
                "" if wordy else tx.p(spec, 12, align="center", code=True),
                _verdict_cell(tx, verdict),
            ]
        )  # fmt: skip
        units.append(1)
        if wordy:  # a described result (appearance, a grade) takes the room of the number columns
            extra.append(("SPAN", (4, len(rows) - 1), (6, len(rows) - 1)))
        statement = _conformity(r, tx, in_sum)
        if statement:
            rows.append(["", tx.p(statement, 10.5, color=MUTED), "", "", "", "", "", ""])
            n = len(rows) - 1
            extra += [("SPAN", (1, n), (-1, n)), ("LINEABOVE", (1, n), (-1, n), 0.25, SHADE),
                      ("TOPPADDING", (0, n), (-1, n), 0), ("LINEABOVE", (0, n), (0, n), 0, colors.white)]  # fmt: skip
            extra.append(("SPAN", (0, n - 1), (0, n)))
            units[-1] += 1
        check = sums.get(i - 1)
        if check is not None:
            rows += _sum_rows(check, tx)
            n = len(rows) - 1
            extra += [("SPAN", (1, n - 1), (3, n - 1)), ("SPAN", (1, n), (-1, n)), ("SPAN", (0, n - 1), (0, n)),
                      ("BACKGROUND", (0, n - 1), (-1, n), colors.HexColor("#f7f7f2"))]  # fmt: skip
            units.append(2)
    if len(rows) == 1:
        rows.append([tx.p("ไม่มีผลการทดสอบ", 12, align="center"), "", "", "", "", "", "", ""])
        extra.append(("SPAN", (0, 1), (-1, 1)))
        units.append(1)
    table = _grid(rows, [w * mm for w in _RESULT_W], header=True, extra=extra, pad=1.8)
    table.units = units
    return table


def _sum_rows(check: lr.SumCheck, tx: _Text) -> list[list[Any]]:
    lim = check.limit
    if check.high == check.low:
        total = lr.format_number(check.low, 1)
    elif check.high == float("inf"):
        total = f"> {lr.format_number(check.low, 1)}"
    else:
        total = f"≤ {lr.format_number(check.high, 1)}"
    missing = f" ไม่ได้ทดสอบ {', '.join(check.missing)} จึงรวมเฉพาะรายการที่ทดสอบ" if check.missing else ""
    below = " ผลที่ต่ำกว่าขีดจำกัดการตรวจพบนับที่ค่าขีดจำกัดนั้น" if check.high != check.low else ""
    statement = f"ข้อกำหนด ผลรวม {lim.label} ≤ {lr.format_number(lim.limit, 0)} {lim.unit} ตาม {lim.source}.{missing}{below}"
    return [
        [
            "",
            tx.p(f"ผลรวม {lim.label} (sum)", 12, bold=True, code=True),
            "",
            "",
            tx.p(total, 12, align="center", bold=check.verdict == "fail", code=True),
            tx.p("–", 12, align="center"),
            tx.p(f"≤ {lr.format_number(lim.limit, 0)}", 12, align="center", code=True),
            _verdict_cell(tx, check.verdict),
        ],
        ["", tx.p(statement, 10.5, color=MUTED), "", "", "", "", "", ""],
    ]


def _verdict_cell(tx: _Text, verdict: str) -> Any:
    """The verdict as printed: a failure in bold red; a pass in the warning band marked under it (as the
    result grid tints it amber), in a smaller size so that it fits the column on one line."""
    text = VERDICT_TH.get(verdict, verdict)
    if verdict == "warning":
        word, _, mark = text.partition(" ")
        return [tx.p(word, 12, align="center", color=NEAR), tx.p(mark, 10, align="center", color=NEAR)]
    return tx.p(text, 12, align="center", bold=verdict == "fail", color=FAIL if verdict == "fail" else None)


def _notes(content: dict[str, Any], tx: _Text) -> list[Flowable]:
    results = content.get("results") or []
    notes: list[str] = []
    if any(not r.get("accredited", True) for r in results):
        notes.append("# รายการทดสอบที่ไม่อยู่ในขอบข่ายการรับรองความสามารถห้องปฏิบัติการตาม ISO/IEC 17025")
    external = sorted({r["external_provider"] for r in results if r.get("external_provider")})
    if external:
        notes.append(f"* ผลการทดสอบจากผู้ให้บริการภายนอก (external provider): {', '.join(external)}")
    else:
        notes.append("ไม่มีผลการทดสอบจากผู้ให้บริการภายนอก (no results from external providers)")
    if any(r.get("limit_flag") in ("<", "ND") for r in results):
        notes.append("“< ค่า” หมายถึง ต่ำกว่าขีดจำกัดการตรวจพบ (LOD) ของวิธีทดสอบ; “> ค่า” หมายถึง สูงกว่าช่วงการวัดของวิธี")
    if any(r.get("uncertainty") is not None for r in results):
        notes.append("ค่าความไม่แน่นอนที่รายงานเป็นค่าความไม่แน่นอนขยาย ที่ระดับความเชื่อมั่นประมาณ 95% (k = 2)")
    deviations = [f"{r.get('test')}: {r['deviation']}" for r in results if r.get("deviation")]
    notes.append(
        "การเบี่ยงเบนจากวิธีทดสอบ (deviations): " + ("; ".join(deviations) if deviations else "ไม่มี (none)")
    )
    sums = _sum_checks(results)
    in_sums = {
        i
        for i, r in enumerate(results)
        if lr.sum_limit_for(
            r.get("standard") or "", lr.analyte_symbol(r.get("test_en") or "", r.get("test") or "")
        )
        in {c.limit for c in sums.values()}
    }
    verdicts = [r.get("verdict") for i, r in enumerate(results) if i not in in_sums]
    verdicts += [c.verdict for c in sums.values()]
    judged = [v for v in verdicts if v in ("pass", "warning", "fail", "inconclusive")]
    if judged:
        failed = sum(1 for v in judged if v == "fail")
        notes.append(
            f"การตัดสินผ่าน/ไม่ผ่าน (statement of conformity) ครอบคลุม {len(judged)} รายการที่มีเกณฑ์กำหนด"
            + (f" (ไม่ผ่าน {failed} รายการ)" if failed else "")
            + " โดยระบุข้อกำหนด แหล่งที่มาของข้อกำหนด และเกณฑ์ไว้ใต้แต่ละรายการ"
            + (" ผลรวมที่มีเกณฑ์กำหนดเป็นผลรวมตัดสินจากผลรวม ไม่ใช่รายธาตุ" if sums else "")
        )
        notes.append(
            "หลักเกณฑ์การตัดสิน (decision rule): "
            + lr.decision_rule_statement(
                content.get("decision_rule") or "", near_limit=any(v == "warning" for v in judged)
            )
        )
    else:
        notes.append("รายงานนี้ไม่ได้ระบุการตัดสินผ่าน/ไม่ผ่านเทียบเกณฑ์กำหนด")
    notes.append(lr.SAMPLING_BY_CUSTOMER)
    if content.get("remarks"):
        notes.append(f"หมายเหตุเพิ่มเติม: {content['remarks']}")
    notes.append(f"{ONLY_ITEMS_TESTED} ({ONLY_ITEMS_TESTED_EN})")
    notes.append(f"{NO_PARTIAL_COPY} ({NO_PARTIAL_COPY_EN})")
    out: list[Flowable] = [Spacer(1, 2.5 * mm), tx.p("หมายเหตุ (Notes)", 12.5, bold=True)]
    for n in notes:
        out.append(_Bullet(tx.p(n, 10.5)))
    return out


def render_report(content: dict[str, Any], out: Out, *, thai_digits: bool = False) -> int:
    """The test report (ใบรายงานผลการทดสอบ) as a PDF; returns the number of pages."""
    tx = _Text(thai_digits)
    state = content.get("state") or ("draft" if content.get("draft") else "published")
    watermark = "ฉบับร่าง DRAFT" if state == "draft" or content.get("draft") else ""
    if state == "replaced":
        watermark = "ถูกแทนที่ REPLACED"
    furniture = _Furniture(
        tx,
        lab_name=content.get("lab_name") or "ห้องปฏิบัติการทดสอบ",
        lab_address=content.get("lab_address") or "",
        lab_phone=_phone(content.get("lab_phone") or ""),
        doc_title="ใบรายงานผลการทดสอบ" + (" (ฉบับร่าง)" if watermark.startswith("ฉบับร่าง") else ""),
        number_label="รายงานเลขที่",
        number=content.get("report_no") or "",
        footer_note=f"{NO_PARTIAL_COPY}  {ONLY_ITEMS_TESTED}",
        watermark=watermark,
    )
    return _build(
        out,
        report_story(content, tx),
        furniture,
        title=f"ใบรายงานผลการทดสอบ {content.get('report_no') or ''}",
        subject=f"รายงานผลการทดสอบตัวอย่าง {content.get('lab_no') or ''} ของ {content.get('customer') or '–'}",
    )
