"""Certificates as records: eligibility over real attendance, serials, idempotent batches, exact reprints,
re-issue, revocation, signed QR codes (good, tampered, unknown key), and the command line."""

from __future__ import annotations

import base64
import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from dipdesk.services import certificates as svc
from dipdesk.services import records, signing
from dipdesk.services.context import Context, current_site, set_local_value
from dipdesk.services.enrollment import record_attendance
from dipdesk.services.errors import PermissionDenied, ServiceError, ValidationError
from dipdesk.store.auth import AuditEntry, LocalState, User
from dipdesk.store.certificates import Certificate, CertificatePrint, CertificateTemplate, SerialCounter
from dipdesk.store.enrollment import Enrollment
from dipdesk.store.people import Person
from dipdesk.store.programs import Activity, ActivitySession, Program
from dipdesk.store.reference import Site

POPPLER = all(shutil.which(t) for t in ("pdftotext", "pdftoppm"))
ZBAR = shutil.which("zbarimg") is not None
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
needs_zbar = pytest.mark.skipif(not (POPPLER and ZBAR), reason="zbar-tools / poppler-utils not installed")

# (prefix, first, last, hours attended of 18): stacked marks, a very long name, Thai order tricks
PEOPLE = (
    ("นาง", "ญาณิศา", "ฐิติพงศ์ปั้นทอง", 18),
    ("นางสาว", "ปิ่นมณี", "ศรีสุขสวัสดิ์", 18),
    ("นาย", "เกรียงไกร", "ผู้ใหญ่น้ำฝ้าย", 12),  # ก sorts before ข although เ is written first
    ("นาย", "ขวัญชัย", "กิ่งแก้ว", 18),
    ("ว่าที่ร้อยตรี", "พรรณนิภาวรรณ์", "จันทร์เพ็ญศรีสุขสวัสดิ์วงศ์ไพบูลย์ณอยุธยา", 18),
    ("นาย", "สมชาย", "ขาดเรียน", 6),  # below 80 %: not eligible
)
TITLE = "หลักสูตรพัฒนาผู้ประกอบการอุตสาหกรรมอาหารแปรรูปสู่มาตรฐานสากลด้วยนวัตกรรมและเทคโนโลยีดิจิทัล รุ่นที่ 2"


@dataclass
class Class:
    activity: Activity
    template: CertificateTemplate
    people: dict[str, Person]  # by first name


def shipped_templates(session: Session) -> dict[str, CertificateTemplate]:
    """The two default templates, which first-run set-up seeds (no demo needed)."""
    return {t.kind: t for t in svc.list_templates(session)}


def build_class(ctx: Context, code: str = "A-CERT-1", people: tuple = PEOPLE) -> Class:  # type: ignore[type-arg]
    templates = shipped_templates(ctx.session)
    program = ctx.session.scalars(select(Program).where(Program.code == "P-CERT")).first() or records.create(
        ctx,
        Program,
        code="P-CERT",
        name_th="โครงการพัฒนาผู้ประกอบการ",
        fiscal_year=2569,
        service_kind="training",
    )
    activity = records.create(
        ctx,
        Activity,
        program_id=program.id,
        code=code,
        title_th=TITLE,
        start_date=dt.date(2026, 3, 3),
        end_date=dt.date(2026, 3, 5),
        hours=18,
        venue="โรงแรมภูคำ จังหวัดเชียงใหม่",
    )
    sessions = [
        records.create(
            ctx, ActivitySession, activity_id=activity.id, seq=i + 1, day=dt.date(2026, 3, 3 + i), hours=6
        )
        for i in range(3)
    ]
    by_first = {}
    marks = {}
    for prefix, first, last, attended in people:
        person = records.create(ctx, Person, prefix=prefix, first_name_th=first, last_name_th=last)
        enrollment = records.create(
            ctx, Enrollment, activity_id=activity.id, person_id=person.id, status="enrolled"
        )
        for i, s in enumerate(sessions):
            marks[(enrollment.id, s.id)] = (i + 1) * 6 <= attended
        by_first[first] = person
    record_attendance(ctx, activity.id, marks)
    ctx.session.flush()
    return Class(activity, templates["completion"], by_first)


PASSWORD = "correct horse battery 2569"


@pytest.fixture(scope="module")
def _class_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the site, its administrator and the class, made once (argon2 and migrations are
    slow); each test works on a copy."""
    from dipdesk.services.setup import first_run
    from dipdesk.store.db import open_database, session_factory

    path = tmp_path_factory.mktemp("certificates") / "class.sqlite3"
    eng = open_database(path)
    with session_factory(eng)() as s:
        admin = first_run(s, "IPC1", "admin", PASSWORD, "ผู้ดูแลระบบ")
        s.commit()
        site = current_site(s)
        assert site is not None
        build_class(Context(s, admin, site))
        s.commit()
    eng.dispose()
    return path


@pytest.fixture
def db_path(tmp_path: Path, _class_file: Path) -> Path:
    """(Overrides the shared fixture) a fresh copy of the prepared database for each test."""
    import sqlite3

    dest = tmp_path / "dipdesk.sqlite3"
    src, dst = sqlite3.connect(_class_file), sqlite3.connect(dest)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return dest


@pytest.fixture
def ctx(session: Session) -> Context:
    """(Overrides the shared fixture) the administrator at IPC1, already set up in the copy."""
    admin = session.scalars(select(User).where(User.username == "admin")).one()
    site = current_site(session)
    assert site is not None
    return Context(session=session, user=admin, site=site)


@pytest.fixture
def klass(ctx: Context) -> Class:
    activity = ctx.session.scalars(select(Activity).where(Activity.code == "A-CERT-1")).one()
    template = svc.template_by_code(ctx.session, "CERT-COMPLETION")
    people = {p.first_name_th: p for p in ctx.session.scalars(select(Person))}
    return Class(activity, template, people)


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


# --- eligibility and the class list ---------------------------------------------------------------------


def test_class_list_follows_the_rule_in_thai_order(ctx: Context, klass: Class) -> None:
    entries = svc.class_list(ctx.session, klass.activity.id, "completion")
    firsts = [e.first_name for e in entries]
    assert firsts == ["เกรียงไกร", "ขวัญชัย", "ญาณิศา", "ปิ่นมณี", "พรรณนิภาวรรณ์", "สมชาย"]
    due = {e.first_name for e in entries if e.due}
    assert due == {"ญาณิศา", "ปิ่นมณี", "ขวัญชัย", "พรรณนิภาวรรณ์"}  # 12/18 and 6/18 are below 80 %
    short = next(e for e in entries if e.first_name == "สมชาย")
    assert short.eligibility.verdict.value == "not_completed" and short.attended == 6 and short.total == 18
    # marked completed by hand, the attendance still decides
    enrollment = ctx.session.get(Enrollment, short.enrollment_id)
    assert enrollment is not None
    records.update(ctx, enrollment, status="completed")
    again = next(e for e in svc.class_list(ctx.session, klass.activity.id) if e.first_name == "สมชาย")
    assert again.eligibility.verdict.value == "attendance_short" and not again.due


def test_override_needs_a_reason_and_is_audited(ctx: Context, klass: Class) -> None:
    person = klass.people["สมชาย"]
    with pytest.raises(ValidationError, match="reason"):
        svc.issue(ctx, klass.activity, person.id, klass.template)
    cert = svc.issue(ctx, klass.activity, person.id, klass.template, override_reason="ป่วย มีใบรับรองแพทย์")
    assert cert.override_reason == "ป่วย มีใบรับรองแพทย์"
    entry = ctx.session.scalars(
        select(AuditEntry).where(AuditEntry.record_id == cert.id, AuditEntry.action == "issue_override")
    ).one()
    assert entry.reason == "ป่วย มีใบรับรองแพทย์" and entry.user_id == ctx.user_id
    with pytest.raises(ServiceError, match="already"):
        svc.issue(ctx, klass.activity, person.id, klass.template, override_reason="again")


def test_a_viewer_may_not_issue(ctx: Context, klass: Class) -> None:
    viewer = User(site_id=ctx.site.id, username="v", password_hash="x", role="viewer")
    ctx.session.add(viewer)
    ctx.session.flush()
    with pytest.raises(PermissionDenied):
        svc.issue_due(Context(ctx.session, viewer, ctx.site), klass.activity, klass.template)


# --- serials --------------------------------------------------------------------------------------------


def test_issue_due_is_idempotent_with_unique_serials(ctx: Context, klass: Class) -> None:
    prefix, series = svc.serial_prefix(ctx.session, ctx.site, 2569)
    first = svc.issue_due(ctx, klass.activity, klass.template)
    assert len(first.issued) == 4 and len(first.ineligible) == 2
    assert [c.serial for c in first.issued] == [f"{prefix}{n:05d}" for n in range(1, 5)]
    assert svc.issue_due(ctx, klass.activity, klass.template).issued == []
    counter = ctx.session.get(SerialCounter, ("IPC1", series, 2569))
    assert counter is not None and counter.last == 4
    # a lost counter row does not make serials repeat: the table itself is consulted
    ctx.session.delete(counter)
    ctx.session.flush()
    other = build_class(ctx, "A-CERT-2", PEOPLE[:2])
    again = svc.issue_due(ctx, other.activity, other.template)
    assert [c.serial for c in again.issued] == [f"{prefix}00005", f"{prefix}00006"]
    serials = ctx.session.scalars(select(Certificate.serial)).all()
    assert len(serials) == len(set(serials)) == 6


def test_without_a_device_id_yet_one_is_made_and_the_serial_carries_its_tag(
    ctx: Context, klass: Class
) -> None:
    row = ctx.session.get(LocalState, svc.DEVICE_KEY)
    if row is not None:
        ctx.session.delete(row)
        ctx.session.flush()
    serials = svc.next_serials(ctx, dt.date(2026, 3, 5), 2)
    made = ctx.session.get(LocalState, svc.DEVICE_KEY)
    assert made is not None and made.value  # before enrolment too: the device id is made on first use
    tag = svc.device_tag(made.value)
    assert serials == [f"IPC1-2569-{tag}-00001", f"IPC1-2569-{tag}-00002"]


def test_two_computers_of_one_site_do_not_collide(ctx: Context, klass: Class) -> None:
    set_local_value(ctx.session, svc.DEVICE_KEY, "0b8c3e2a-6f0d-4a43-9a54-7f1f9d1c2b11")
    issued = svc.issue_due(ctx, klass.activity, klass.template).issued
    tag = svc.device_tag("0b8c3e2a-6f0d-4a43-9a54-7f1f9d1c2b11")
    assert len(tag) == 4 and tag != svc.device_tag("another device")
    assert issued[0].serial == f"IPC1-2569-{tag}-00001"
    assert all(c.serial.startswith(f"IPC1-2569-{tag}-") for c in issued)


def test_the_fiscal_year_comes_from_the_issue_date(ctx: Context, klass: Class) -> None:
    cert = svc.issue(
        ctx, klass.activity, klass.people["ปิ่นมณี"].id, klass.template, issued_on=dt.date(2026, 10, 1)
    )
    prefix, _series = svc.serial_prefix(ctx.session, ctx.site, 2570)
    assert cert.serial == f"{prefix}00001" and prefix.startswith("IPC1-2570-")  # October starts FY 2570
    assert cert.printed_data["values"]["issued_date"] == "1 ตุลาคม พ.ศ. 2569"


# --- printing, reprints, re-issue, revocation ------------------------------------------------------------


@needs_poppler
def test_print_activity_twice_reprints_and_never_double_issues(
    engine: Engine, klass: Class, tmp_path: Path
) -> None:
    first = svc.print_activity(engine, "A-CERT-1", tmp_path / "a.pdf")
    second = svc.print_activity(engine, "A-CERT-1", tmp_path / "b.pdf")
    assert (first.issued, first.reprinted, first.pages) == (4, 0, 4)
    assert (second.issued, second.reprinted, second.pages) == (0, 4, 4)
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Certificate)) == 4
        assert s.scalar(select(func.count()).select_from(CertificatePrint)) == 8
    text = _text(tmp_path / "a.pdf")
    for prefix, first_name, last, _h in PEOPLE[:5]:
        if first_name != "เกรียงไกร":
            assert f"{prefix}{first_name} {last}" in text  # every name exactly, as typed
    assert "สมชาย" not in text and "เกรียงไกร" not in text
    # sorted like the class list: ขวัญชัย, ญาณิศา, ปิ่นมณี, พรรณนิภาวรรณ์
    order = [text.index(n) for n in ("ขวัญชัย", "ญาณิศา", "ปิ่นมณี", "พรรณนิภาวรรณ์")]
    assert order == sorted(order)
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


@needs_poppler
def test_a_reprint_is_the_exact_copy_after_name_and_template_changes(
    ctx: Context, engine: Engine, klass: Class, tmp_path: Path
) -> None:
    svc.print_activity(engine, "A-CERT-1", tmp_path / "first.pdf")
    person = ctx.session.get(Person, klass.people["ปิ่นมณี"].id)
    assert person is not None
    records.update(ctx, person, first_name_th="ปิ่นมณีใหม่")
    tpl = ctx.session.get(CertificateTemplate, klass.template.id)
    assert tpl is not None
    elements = [dict(e) for e in tpl.elements]
    elements[0]["text"] = "วุฒิบัตรแบบใหม่"
    copy = svc.save_template(ctx, tpl, elements=elements)
    assert copy.code == "CERT-COMPLETION-IPC1" and copy.site_id == ctx.site.id  # HQ's template is not edited
    ctx.session.commit()
    cert = ctx.session.scalars(select(Certificate).where(Certificate.person_id == person.id)).one()
    svc.reprint(engine, cert.serial, tmp_path / "again.pdf")
    text = _text(tmp_path / "again.pdf")
    assert "นางสาวปิ่นมณี ศรีสุขสวัสดิ์" in text and "ปิ่นมณีใหม่" not in text and "แบบใหม่" not in text
    assert (
        ctx.session.scalar(
            select(func.count())
            .select_from(CertificatePrint)
            .where(CertificatePrint.certificate_id == cert.id)
        )
        == 2
    )

    # re-issued on purpose: today's name, the copy's template, revision 2; the old code is now superseded
    old_qr = cert.printed_data["qr"]
    svc.reissue(ctx, cert, "แก้ไขชื่อตามบัตรประชาชน", template=copy)
    ctx.session.commit()
    assert cert.printed_data["revision"] == 2 and cert.printed_data["name"] == "นางสาวปิ่นมณีใหม่ ศรีสุขสวัสดิ์"
    assert cert.printed_data["history"][0]["name"] == "นางสาวปิ่นมณี ศรีสุขสวัสดิ์"
    assert svc.verify(ctx.session, old_qr).code == "superseded"
    assert svc.verify(ctx.session, cert.printed_data["qr"]).ok
    svc.reprint(engine, cert.serial, tmp_path / "new.pdf")
    text = _text(tmp_path / "new.pdf")
    assert "ปิ่นมณีใหม่" in text and "วุฒิบัตรแบบใหม่" in text


def test_revoke_needs_a_reason_and_the_code_then_says_revoked(ctx: Context, klass: Class) -> None:
    cert = svc.issue_due(ctx, klass.activity, klass.template).issued[0]
    with pytest.raises(ValidationError):
        svc.revoke(ctx, cert, "  ")
    svc.revoke(ctx, cert, "ข้อมูลการเข้าอบรมผิดพลาด")
    result = svc.verify(ctx.session, cert.printed_data["qr"])
    assert (result.ok, result.code) == (False, "revoked") and "ผิดพลาด" in result.message_th
    with pytest.raises(ServiceError):
        svc.print_certificates(ctx, [cert], Path("/nonexistent/x.pdf"))
    assert ctx.session.scalars(select(AuditEntry.action).where(AuditEntry.record_id == cert.id)).all() == [
        "issue",
        "revoke",
    ]


def test_cancelling_a_batch_issues_nothing(engine: Engine, klass: Class, tmp_path: Path) -> None:
    from dipdesk.printing.certificates import Cancelled

    with pytest.raises(Cancelled):
        svc.print_activity(engine, "A-CERT-1", tmp_path / "x.pdf", should_stop=lambda: True)
    assert not (tmp_path / "x.pdf").exists()
    assert [p for p in tmp_path.iterdir() if p.suffix == ".pdf" or p.name.startswith(".dipdesk")] == []
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Certificate)) == 0


def test_one_file_per_person(engine: Engine, klass: Class, tmp_path: Path) -> None:
    result = svc.print_activity(engine, "A-CERT-1", None, per_person_dir=tmp_path / "each")
    names = sorted(p.name for p in (tmp_path / "each").iterdir())
    assert len(names) == result.pages == 4
    assert any("ญาณิศา ฐิติพงศ์ปั้นทอง" in n for n in names) and all(n.endswith(".pdf") for n in names)


# --- signed QR codes -------------------------------------------------------------------------------------


def test_qr_payload_carries_no_national_id_and_verifies(ctx: Context, klass: Class) -> None:
    person = ctx.session.get(Person, klass.people["ญาณิศา"].id)
    assert person is not None
    person.national_id = "1101700123456"
    cert = svc.issue_due(ctx, klass.activity, klass.template).issued[0]
    text = cert.printed_data["qr"]
    assert text.startswith("DC1:") and len(text) < 400
    payload, body, _sig = signing.parse_qr_text(text)
    assert payload.holder == cert.printed_data["name"] and payload.activity == TITLE
    assert payload.issued_on == dt.date(2026, 3, 5) and payload.serial == cert.serial
    assert b"1101700123456" not in body and "1101700123456" not in str(cert.printed_data)
    result = svc.verify(ctx.session, text)
    assert result.ok and result.code == "genuine" and result.known_here


def test_a_very_long_title_is_cut_in_the_code_so_it_stays_readable(ctx: Context, klass: Class) -> None:
    long_title = (
        "โครงการพัฒนาศักยภาพผู้ประกอบการวิสาหกิจขนาดกลางและขนาดย่อมในอุตสาหกรรมแฟชั่น สิ่งทอ เครื่องนุ่งห่ม "
        "และเครื่องหนัง เพื่อยกระดับขีดความสามารถในการแข่งขันสู่ตลาดสากลอย่างยั่งยืนด้วยเทคโนโลยีดิจิทัล"
        "และนวัตกรรมสร้างสรรค์ ภายใต้แผนงานส่งเสริมอุตสาหกรรมเป้าหมาย รุ่นที่ 12"
    )
    klass.activity.title_th = long_title
    cert = svc.issue_due(ctx, klass.activity, klass.template).issued[0]
    payload, _body, _sig = signing.parse_qr_text(cert.printed_data["qr"])
    assert payload.activity.endswith("...") and len(payload.activity) <= signing.ACTIVITY_MAX
    assert long_title.startswith(payload.activity[:-3])
    assert cert.printed_data["activity"]["title"] == long_title  # the certificate itself prints it whole
    from dipdesk.printing import qr

    assert qr.encode(cert.printed_data["qr"], level="M").version <= 11  # modules ≥ 0.33 mm at 23 mm
    assert svc.verify(ctx.session, cert.printed_data["qr"]).ok
    assert signing.activity_for_code(TITLE) == TITLE


def test_tampered_codes_are_rejected(ctx: Context, klass: Class) -> None:
    cert = svc.issue_due(ctx, klass.activity, klass.template).issued[0]
    payload, body, sig = signing.parse_qr_text(cert.printed_data["qr"])
    forged = signing.pack(
        signing.Payload(payload.serial, "นายปลอม ใจร้าย", payload.activity, payload.issued_on)
    )
    text = signing.PREFIX + signing.b45encode(forged + sig)
    assert svc.verify(ctx.session, text).code == "bad_signature"
    flipped = bytearray(body + sig)
    flipped[-1] ^= 1
    assert svc.verify(ctx.session, signing.PREFIX + signing.b45encode(bytes(flipped))).code == "bad_signature"
    assert svc.verify(ctx.session, "DC1:ABC").code == "malformed"
    assert svc.verify(ctx.session, "hello").code == "malformed"


def test_cli_does_not_present_a_forged_codes_claims_as_facts(
    db_path: Path, ctx: Context, klass: Class, capsys: pytest.CaptureFixture[str]
) -> None:
    from dipdesk.cli import main

    cert = svc.issue_due(ctx, klass.activity, klass.template).issued[0]
    ctx.session.commit()
    payload, _body, sig = signing.parse_qr_text(cert.printed_data["qr"])
    forged = signing.pack(signing.Payload(payload.serial, "นายปลอม ใจร้าย", "หลักสูตรปลอม", payload.issued_on))
    text = signing.PREFIX + signing.b45encode(forged + sig)
    assert main(["--db", str(db_path), "certificates", "verify", "--qr", text]) == 1
    out = capsys.readouterr().out
    assert "NOT GENUINE" in out
    lines = out.splitlines()
    claims = next(i for i, line in enumerate(lines) if "UNVERIFIED" in line)
    holder = next(i for i, line in enumerate(lines) if "นายปลอม ใจร้าย" in line)
    assert holder > claims and lines[holder].startswith("    holder ")  # under the warning, indented
    assert "ยังไม่ได้รับการยืนยัน" in out
    assert not any(line.startswith("  holder") for line in lines)
    # a genuine code's holder is stated plainly
    assert main(["--db", str(db_path), "certificates", "verify", "--qr", cert.printed_data["qr"]]) == 0
    out = capsys.readouterr().out
    assert "UNVERIFIED" not in out and f"  holder {cert.printed_data['name']}" in out


def test_unknown_key_and_keys_on_other_computers(ctx: Context, klass: Class, tmp_path: Path) -> None:
    cert = svc.issue_due(ctx, klass.activity, klass.template).issued[0]
    # a code signed by a key this computer has never seen for the site
    other = signing.Ed25519PrivateKey.generate()
    payload, _body, _sig = signing.parse_qr_text(cert.printed_data["qr"])
    text, _ = signing.make_qr_text(
        signing.Payload("IPC2-2569-00001", "นางสมศรี รักไทย", "x", payload.issued_on), other
    )
    assert svc.verify(ctx.session, text).code == "unknown_key"
    # the site's key travels by export/import; a computer without it refuses to sign
    signing.export_key(ctx, tmp_path / "key.json")
    ctx.session.delete(ctx.session.get(LocalState, "certificate_signing_key:IPC1"))
    ctx.session.flush()
    with pytest.raises(ServiceError, match="another computer"):
        signing.signing_key(ctx)
    assert signing.import_key(ctx, tmp_path / "key.json") == ctx.site.public_key
    assert signing.signing_key(ctx) is not None


def test_verification_url_form_is_checked_offline(ctx: Context, klass: Class) -> None:
    cert = svc.issue_due(ctx, klass.activity, klass.template, server_url="https://dipdesk.dip.go.th").issued[
        0
    ]
    text = cert.printed_data["qr"]
    assert text.startswith(f"https://dipdesk.dip.go.th/verify/{cert.serial}?p=")
    assert svc.verify(ctx.session, text).ok
    token = text.split("p=", 1)[1]
    record = bytearray(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    record[10] ^= 0x20
    bad = text.split("p=", 1)[0] + "p=" + base64.urlsafe_b64encode(bytes(record)).decode().rstrip("=")
    assert not svc.verify(ctx.session, bad).ok


@needs_zbar
def test_zbarimg_reads_every_code_and_verify_accepts_it(engine: Engine, klass: Class, tmp_path: Path) -> None:
    svc.print_activity(engine, "A-CERT-1", tmp_path / "a.pdf")
    # at 150 dpi, only the corner where the template puts the code (with a few mm of margin)
    qr = next(e for e in klass.template.elements if e["type"] == "qr")
    px = 150 / 25.4
    left, top, side = (round(v * px) for v in (qr["x_mm"] - 8, qr["y_mm"] - 8, qr["size_mm"] + 16))
    crop = ["-x", str(left), "-y", str(top), "-W", str(side), "-H", str(side)]
    subprocess.run(
        ["pdftoppm", "-r", "150", *crop, "-png", str(tmp_path / "a.pdf"), str(tmp_path / "p")], check=True
    )
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) == 4
    with Session(engine) as s:
        expected = {c.printed_data["qr"] for c in s.scalars(select(Certificate))}
        read = set()
        for page in pages:
            out = subprocess.run(["zbarimg", "--raw", "-q", str(page)], capture_output=True, text=True)
            codes = [line for line in out.stdout.splitlines() if line]
            assert len(codes) == 1, page
            assert svc.verify(s, codes[0]).ok
            read.add(codes[0])
    # the code printed is the verification address carrying the signed record (no server configured:
    # the template's public page); it holds the same payload as the record kept
    assert {signing.parse_qr_text(t)[1] for t in read} == {signing.parse_qr_text(t)[1] for t in expected}


# --- the command line ------------------------------------------------------------------------------------


def test_cli_print_verify_revoke(
    db_path: Path, engine: Engine, klass: Class, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dipdesk.cli import main

    db = ["--db", str(db_path)]
    assert (
        main([*db, "certificates", "print", "--activity", "A-CERT-1", "--out", str(tmp_path / "a.pdf")]) == 0
    )
    assert "issued 4, reprinted 0" in capsys.readouterr().out
    assert (
        main(
            [
                *db,
                "certificates",
                "print",
                "--activity",
                "A-CERT-1",
                "--out",
                str(tmp_path / "b.pdf"),
                "--thai-digits",
            ]
        )
        == 0
    )
    out = capsys.readouterr()
    assert "issued 0, reprinted 4" in out.out and "keep the digits" in out.err
    with Session(engine) as s:
        cert = s.scalars(select(Certificate).order_by(Certificate.serial)).first()
        assert cert is not None
        qr_text, serial = cert.printed_data["qr"], cert.serial
    assert main([*db, "certificates", "verify", "--qr", qr_text]) == 0
    assert "GENUINE" in capsys.readouterr().out
    assert main([*db, "certificates", "revoke", serial, "--reason", "ออกผิดคน"]) == 0
    capsys.readouterr()
    assert main([*db, "certificates", "verify", "--qr", qr_text]) == 1
    assert "revoked" in capsys.readouterr().out
    assert main([*db, "certificates", "verify", "--qr", qr_text[:-3] + "AAA"]) == 1
    assert main([*db, "list", "certificates"]) == 0
    listed = capsys.readouterr().out
    assert serial in listed and "revoked" in listed


# --- the shipped default templates, names as printed --------------------------------------------------------


def test_a_center_prints_after_first_run_without_the_demo(ctx: Context, klass: Class) -> None:
    """The defaults ship as reference data: a center that only ran first-run set-up can print."""
    tpl = svc.default_template(ctx.session, klass.activity)
    assert (tpl.code, tpl.kind, tpl.site_id) == ("CERT-COMPLETION", "completion", _site(ctx, "DIPROM").id)
    assert svc.issue_due(ctx, klass.activity, tpl).issued


def test_a_database_from_before_the_defaults_gets_them_when_printing(ctx: Context, klass: Class) -> None:
    from sqlalchemy import delete

    from dipdesk.store.sync import CLOCKS

    ctx.session.execute(delete(CertificateTemplate))
    ctx.session.execute(delete(CLOCKS).where(CLOCKS.c.table_name == "certificate_templates"))
    ctx.session.flush()
    assert svc.default_template(ctx.session, klass.activity).code == "CERT-COMPLETION"
    assert svc.template_by_code(ctx.session, "CERT-PARTICIPATION").kind == "participation"


def _site(ctx: Context, code: str) -> Site:
    return ctx.session.scalars(select(Site).where(Site.code == code)).one()


def test_list_certificates_shows_the_name_as_printed(
    db_path: Path, ctx: Context, klass: Class, capsys: pytest.CaptureFixture[str]
) -> None:
    from dipdesk.cli import main

    cert = svc.issue_due(ctx, klass.activity, klass.template).issued[0]
    printed = cert.printed_data["name"]
    person = ctx.session.get(Person, cert.person_id)
    assert person is not None
    records.update(ctx, person, last_name_th="เปลี่ยนนามสกุลใหม่")
    ctx.session.commit()
    assert main(["--db", str(db_path), "list", "certificates", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert printed in out and "เปลี่ยนนามสกุลใหม่" not in out


def test_a_latin_first_name_is_spaced_from_the_thai_prefix(ctx: Context, klass: Class) -> None:
    from dipdesk.services.enrollment import person_name

    assert person_name("นางสาว", "Mary-Jane", "Smith") == "นางสาว Mary-Jane Smith"
    assert person_name("นางสาว", "ปิ่นมณี", "ศรีสุขสวัสดิ์") == "นางสาวปิ่นมณี ศรีสุขสวัสดิ์"
    assert person_name("ว่าที่ ร.ต.", "สมชาย", "ใจดี") == "ว่าที่ ร.ต.สมชาย ใจดี"
    assert person_name("Mr.", "John", "Doe") == "Mr. John Doe"
    assert person_name("", "สมศรี", "รักไทย") == "สมศรี รักไทย"
    person = klass.people["ปิ่นมณี"]
    records.update(ctx, person, first_name_th="Mary-Jane", last_name_th="Smith")
    cert = svc.issue_due(ctx, klass.activity, klass.template).issued
    printed = {c.printed_data["name"] for c in cert}
    assert "นางสาว Mary-Jane Smith" in printed


def test_a_malformed_address_is_a_payload_error_not_a_crash() -> None:
    """The GUI verify tab calls the service directly: a bad address must come back as PayloadError."""
    import pytest

    from dipdesk.services.signing import PayloadError, parse_qr_text

    with pytest.raises(PayloadError):
        parse_qr_text("http://[::1")
