"""Make the messy class lists the import tests read (committed beside this script; run it to remake them).

    python tests/data/make_class_lists.py

They are what centers really receive: a title above the header, an empty row, prefixes inside the name,
IDs with dashes or Thai digits or as Excel numbers, BE dates as text and as Excel serials, a mobile
number that lost its leading 0, and rows that must be rejected (bad check digit, bad phone, missing name,
an ID repeated in the file, an unreadable date).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from openpyxl import Workbook

from dipdesk.core.digits import to_thai_digits
from dipdesk.core.thaiid import make_id

HERE = Path(__file__).resolve().parent

ID1 = make_id("310010000001")  # สมศรี
ID2 = make_id("310010000002")  # วิชัย
ID3 = make_id("310010000003")  # มาลี
ID5 = make_id("310010000005")
ID9 = make_id("310010000009")
BAD_CHECK = ID5[:12] + str((int(ID5[12]) + 1) % 10)
JURISTIC = make_id("010555000123")  # a company: juristic IDs start with 0


def dashed(i: str) -> str:
    return f"{i[0]}-{i[1:5]}-{i[5:10]}-{i[10:12]}-{i[12]}"


HEADER = ["ลำดับ", "คำนำหน้า", "ชื่อ - นามสกุล", "เลขบัตรประชาชน", "วันเกิด", "เบอร์โทรศัพท์", "อีเมล",
          "ชื่อสถานประกอบการ", "เลขทะเบียนนิติบุคคล", "จังหวัด"]  # fmt: skip

# (row values as typed; the Excel version stores some as numbers and dates), expected outcome
ROWS: list[list[object]] = [
    [1, "นาง", "สมศรี รักไทย", dashed(ID1), "15/03/2520", "081-234-5678", "somsri@example.com",
     "วิสาหกิจชุมชนข้าวหอมมะลิ", "", "เชียงใหม่"],
    [2, "นาย", "วิชัย มั่นคง", to_thai_digits(ID2), dt.date(1985, 7, 1), "๐๘๙ ๑๒๓ ๔๕๖๗", "", "บริษัท ลำพูนฟู้ด จำกัด",
     JURISTIC, "จ.ลำพูน"],
    [3, "", "นางสาวมาลี ศรีสุข", int(ID3), 29221, 812345678, "", "", "", "เชียงใหม่"],
    [4, "นาย", "ประเสริฐ ผิดเลข", BAD_CHECK, "1/1/2525", "0812223333", "", "", "", "เชียงใหม่"],
    [5, "นาง", "บุญมี โทรผิด", "", "2 ก.พ. 2510", "12345", "", "", "", "ลำปาง"],
    [6, "", "", make_id("310010000006"), "", "0891112222", "", "", "", ""],
    [7, "นาง", "สมศรี รักไทย (ซ้ำ)", ID1, "", "", "", "", "", ""],
    [8, "นาย", "สมหมาย วันผิด", "", "32/13/2520", "0891234567", "", "", "", "เชียงใหม่"],
    [9, "ดร.", "อารี ใจงาม", dashed(ID9), "5 มี.ค. 2530", "+66 81 999 8888", "aree@example.org",
     "วิสาหกิจชุมชนข้าวหอมมะลิ", "", "เชียงใหม่"],
]  # fmt: skip
GOOD = {1: "สมศรี", 2: "วิชัย", 3: "มาลี", 9: "อารี"}  # ลำดับ → first name of the rows that import
BAD = {4: "check_digit", 5: "phone", 6: "name", 7: "duplicate", 8: "date"}


def _text(v: object) -> str:
    if isinstance(v, dt.date):
        return f"{v.day}/{v.month}/{v.year + 543}"
    return "" if v is None else str(v)


def write_xlsx(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "รายชื่อ"
    ws.append(["รายชื่อผู้เข้าอบรม หลักสูตรการพัฒนาผลิตภัณฑ์ชุมชน รุ่นที่ 3"])
    ws.append([])
    ws.append(HEADER)
    for i, row in enumerate(ROWS):
        ws.append(row)
        if i == 3:
            ws.append([])  # an empty row in the middle of the list
    for cell in ws["E"]:
        if isinstance(cell.value, (dt.date, int)) and not isinstance(cell.value, bool):
            cell.number_format = "DD/MM/YYYY"
    wb.save(path)


def _csv_text(header: list[str], rows: list[list[object]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    for row in rows:
        w.writerow([_text(v) for v in row])
    return buf.getvalue()


def write_csvs() -> None:
    # Thai Windows Excel "CSV (Comma delimited)": cp874, no BOM
    (HERE / "class_list_cp874.csv").write_bytes(_csv_text(HEADER, ROWS).encode("cp874"))
    # Excel "CSV UTF-8": with a byte-order mark, semicolons as a European locale would write them
    text = _csv_text(HEADER, ROWS).replace(",", ";")
    (HERE / "class_list_bom.csv").write_bytes(text.encode("utf-8-sig"))
    # Google Forms (Thai UI): timestamp, e-mail first, question texts as headers, UTF-8 without BOM
    header = ["ประทับเวลา", "ที่อยู่อีเมล", "คำนำหน้าชื่อ", "ชื่อ (ภาษาไทย)", "นามสกุล (ภาษาไทย)",
              "เลขบัตรประจำตัวประชาชน 13 หลัก", "วัน/เดือน/ปีเกิด", "เบอร์โทรศัพท์มือถือ",
              "ชื่อสถานประกอบการ/วิสาหกิจชุมชน", "ข้าพเจ้ายินยอมให้เก็บข้อมูลส่วนบุคคลตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล"]  # fmt: skip
    rows: list[list[object]] = [
        ["15/1/2026, 9:12:45", "kanya@example.com", "นางสาว", "กัญญา", "ทองดี", make_id("310010000011"),
         "3/4/1990", "0861234567", "ร้านกัญญาผ้าทอ", "ยินยอม"],
        ["15/1/2026, 9:20:03", "dang@example.com", "นาย", "แดง", "สีสด", make_id("310010000012"),
         "12/25/1988", "0871234567", "", "ยินยอม"],
        ["15/1/2026, 10:01:10", "", "นาง", "", "ไม่มีชื่อ", "", "1/1/1980", "0881234567", "", "ยินยอม"],
    ]  # fmt: skip
    (HERE / "google_forms.csv").write_text(_csv_text(header, rows), encoding="utf-8")


def write_enterprises(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["ชื่อกิจการ", "ประเภท", "เลขทะเบียนนิติบุคคล", "ขนาด", "จังหวัด", "รหัสไปรษณีย์", "โทรศัพท์"])
    ws.append(
        ["บริษัท เชียงใหม่เซรามิก จำกัด", "นิติบุคคล", make_id("050555000111"), "เล็ก", "เชียงใหม่", 50000, "053-123-456"]
    )
    ws.append(["วิสาหกิจชุมชนทอผ้าบ้านดอน", "วิสาหกิจชุมชน", "", "ย่อย", "ลำพูน", "51000", ""])
    ws.append(["ร้านป้าแดงน้ำพริก", "", "", "", "ลำปาง", "5200", ""])  # postcode too short
    ws.append(["", "นิติบุคคล", make_id("050555000222"), "", "", "", ""])  # no name
    wb.save(path)


if __name__ == "__main__":
    write_xlsx(HERE / "class_list_messy.xlsx")
    write_csvs()
    write_enterprises(HERE / "enterprises.xlsx")
    print("written to", HERE)
