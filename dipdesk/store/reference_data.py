"""The reference data every installation and the server start from: the 77 provinces, the department's
sites (headquarters units and the eleven regional Industry Promotion Centers) and which site covers which
province, the two default certificate templates (`dipdesk.store.certificate_defaults`) and the default
lab catalog (`dipdesk.store.lab_defaults`).

Province codes are the Department of Provincial Administration's two-digit codes (10 กรุงเทพมหานคร …
96 นราธิวาส). Reference rows get deterministic ids (UUID5 over a fixed namespace and the code), so every
device and the server agree on them before they ever sync. Coverage, addresses and phone numbers are
owned by headquarters and may be changed as data; what is here is the starting set (the center seats and
addresses are plausible defaults, to be corrected by HQ where they differ).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from dipdesk.store.certificate_defaults import seed_certificate_templates
from dipdesk.store.reference import Province, Site, SiteProvince
from dipdesk.store.reference_ids import REFERENCE_NAMESPACE as REFERENCE_NAMESPACE
from dipdesk.store.reference_ids import reference_id as reference_id

REGIONS: dict[str, str] = {
    "central": "ภาคกลาง",
    "north": "ภาคเหนือ",
    "northeast": "ภาคตะวันออกเฉียงเหนือ",
    "east": "ภาคตะวันออก",
    "west": "ภาคตะวันตก",
    "south": "ภาคใต้",
}

# (code, name_th, name_en, region): the six-region scheme of the Royal Society (ราชบัณฑิตยสภา).
PROVINCES: tuple[tuple[str, str, str, str], ...] = (
    ("10", "กรุงเทพมหานคร", "Bangkok", "central"),
    ("11", "สมุทรปราการ", "Samut Prakan", "central"),
    ("12", "นนทบุรี", "Nonthaburi", "central"),
    ("13", "ปทุมธานี", "Pathum Thani", "central"),
    ("14", "พระนครศรีอยุธยา", "Phra Nakhon Si Ayutthaya", "central"),
    ("15", "อ่างทอง", "Ang Thong", "central"),
    ("16", "ลพบุรี", "Lop Buri", "central"),
    ("17", "สิงห์บุรี", "Sing Buri", "central"),
    ("18", "ชัยนาท", "Chai Nat", "central"),
    ("19", "สระบุรี", "Saraburi", "central"),
    ("20", "ชลบุรี", "Chon Buri", "east"),
    ("21", "ระยอง", "Rayong", "east"),
    ("22", "จันทบุรี", "Chanthaburi", "east"),
    ("23", "ตราด", "Trat", "east"),
    ("24", "ฉะเชิงเทรา", "Chachoengsao", "east"),
    ("25", "ปราจีนบุรี", "Prachin Buri", "east"),
    ("26", "นครนายก", "Nakhon Nayok", "central"),
    ("27", "สระแก้ว", "Sa Kaeo", "east"),
    ("30", "นครราชสีมา", "Nakhon Ratchasima", "northeast"),
    ("31", "บุรีรัมย์", "Buri Ram", "northeast"),
    ("32", "สุรินทร์", "Surin", "northeast"),
    ("33", "ศรีสะเกษ", "Si Sa Ket", "northeast"),
    ("34", "อุบลราชธานี", "Ubon Ratchathani", "northeast"),
    ("35", "ยโสธร", "Yasothon", "northeast"),
    ("36", "ชัยภูมิ", "Chaiyaphum", "northeast"),
    ("37", "อำนาจเจริญ", "Amnat Charoen", "northeast"),
    ("38", "บึงกาฬ", "Bueng Kan", "northeast"),
    ("39", "หนองบัวลำภู", "Nong Bua Lam Phu", "northeast"),
    ("40", "ขอนแก่น", "Khon Kaen", "northeast"),
    ("41", "อุดรธานี", "Udon Thani", "northeast"),
    ("42", "เลย", "Loei", "northeast"),
    ("43", "หนองคาย", "Nong Khai", "northeast"),
    ("44", "มหาสารคาม", "Maha Sarakham", "northeast"),
    ("45", "ร้อยเอ็ด", "Roi Et", "northeast"),
    ("46", "กาฬสินธุ์", "Kalasin", "northeast"),
    ("47", "สกลนคร", "Sakon Nakhon", "northeast"),
    ("48", "นครพนม", "Nakhon Phanom", "northeast"),
    ("49", "มุกดาหาร", "Mukdahan", "northeast"),
    ("50", "เชียงใหม่", "Chiang Mai", "north"),
    ("51", "ลำพูน", "Lamphun", "north"),
    ("52", "ลำปาง", "Lampang", "north"),
    ("53", "อุตรดิตถ์", "Uttaradit", "north"),
    ("54", "แพร่", "Phrae", "north"),
    ("55", "น่าน", "Nan", "north"),
    ("56", "พะเยา", "Phayao", "north"),
    ("57", "เชียงราย", "Chiang Rai", "north"),
    ("58", "แม่ฮ่องสอน", "Mae Hong Son", "north"),
    ("60", "นครสวรรค์", "Nakhon Sawan", "north"),
    ("61", "อุทัยธานี", "Uthai Thani", "north"),
    ("62", "กำแพงเพชร", "Kamphaeng Phet", "north"),
    ("63", "ตาก", "Tak", "west"),
    ("64", "สุโขทัย", "Sukhothai", "north"),
    ("65", "พิษณุโลก", "Phitsanulok", "north"),
    ("66", "พิจิตร", "Phichit", "north"),
    ("67", "เพชรบูรณ์", "Phetchabun", "north"),
    ("70", "ราชบุรี", "Ratchaburi", "west"),
    ("71", "กาญจนบุรี", "Kanchanaburi", "west"),
    ("72", "สุพรรณบุรี", "Suphan Buri", "central"),
    ("73", "นครปฐม", "Nakhon Pathom", "central"),
    ("74", "สมุทรสาคร", "Samut Sakhon", "central"),
    ("75", "สมุทรสงคราม", "Samut Songkhram", "central"),
    ("76", "เพชรบุรี", "Phetchaburi", "west"),
    ("77", "ประจวบคีรีขันธ์", "Prachuap Khiri Khan", "west"),
    ("80", "นครศรีธรรมราช", "Nakhon Si Thammarat", "south"),
    ("81", "กระบี่", "Krabi", "south"),
    ("82", "พังงา", "Phangnga", "south"),
    ("83", "ภูเก็ต", "Phuket", "south"),
    ("84", "สุราษฎร์ธานี", "Surat Thani", "south"),
    ("85", "ระนอง", "Ranong", "south"),
    ("86", "ชุมพร", "Chumphon", "south"),
    ("90", "สงขลา", "Songkhla", "south"),
    ("91", "สตูล", "Satun", "south"),
    ("92", "ตรัง", "Trang", "south"),
    ("93", "พัทลุง", "Phatthalung", "south"),
    ("94", "ปัตตานี", "Pattani", "south"),
    ("95", "ยะลา", "Yala", "south"),
    ("96", "นราธิวาส", "Narathiwat", "south"),
)

PROVINCE_NAMES: dict[str, str] = {code: name_th for code, name_th, _en, _region in PROVINCES}

_HQ_ADDRESS = "75/6 ถนนพระรามที่ 6 แขวงทุ่งพญาไท เขตราชเทวี กรุงเทพมหานคร 10400"
_HQ_PHONE = "022024414"


def _hq_unit(
    code: str, name_th: str, name_en: str, abbrev_th: str, *, has_lab: bool = False
) -> dict[str, Any]:
    return {
        "code": code,
        "name_th": name_th,
        "name_en": name_en,
        "abbrev_th": abbrev_th,
        "kind": "division",
        "center_no": None,
        "address": _HQ_ADDRESS,
        "phone": _HQ_PHONE,
        "province_code": "10",
        "has_lab": has_lab,
    }


def _center(no: int, province_code: str, address: str, phone: str) -> dict[str, Any]:
    return {
        "code": f"IPC{no}",
        "name_th": f"ศูนย์ส่งเสริมอุตสาหกรรมภาคที่ {no}",
        "name_en": f"Industry Promotion Center Region {no}",
        "abbrev_th": f"ศภ.{no}",
        "kind": "center",
        "center_no": no,
        "address": address,
        "phone": phone,
        "province_code": province_code,
        "has_lab": True,
    }


# Keys match the columns of `dipdesk.store.reference.Site`.
SITES: tuple[dict[str, Any], ...] = (
    {
        "code": "DIPROM",
        "name_th": "กรมส่งเสริมอุตสาหกรรม",
        "name_en": "Department of Industrial Promotion",
        "abbrev_th": "กสอ.",
        "kind": "hq",
        "center_no": None,
        "address": _HQ_ADDRESS,
        "phone": _HQ_PHONE,
        "province_code": "10",
        "has_lab": False,
    },
    _hq_unit("IAU", "กลุ่มตรวจสอบภายใน", "Internal Audit Unit", "ตสน."),
    _hq_unit("SBK", "สำนักบริหารกลาง", "Bureau of General Administration", "สบก."),
    _hq_unit("SBY", "สำนักบริหารยุทธศาสตร์", "Bureau of Strategies Management", "สบย."),
    _hq_unit("SPK", "สำนักพัฒนาผู้ประกอบการ", "Bureau of Entrepreneurship Development", "สพก."),
    _hq_unit("SPJ", "สำนักพัฒนาการจัดการอุตสาหกรรม", "Bureau of Industrial Management Development", "สพจ."),
    _hq_unit("SPB", "สำนักพัฒนาหน่วยบริการอุตสาหกรรม", "Bureau of Service Providers Development", "สพบ."),
    _hq_unit(
        "SPS",
        "สำนักพัฒนาอุตสาหกรรมสนับสนุน",
        "Bureau of Supporting Industries Development",
        "สพส.",
        has_lab=True,
    ),
    _hq_unit("SPX", "สำนักพัฒนาอุตสาหกรรมรายสาขา", "Bureau of Industrial Sectors Development", "สพข."),
    _hq_unit("SPP", "สำนักพัฒนาอุตสาหกรรมเป้าหมาย", "Bureau of Targeted Industries Development", "สพป."),
    _hq_unit("SPC", "สำนักพัฒนาอุตสาหกรรมชุมชน", "Bureau of Community Industries Development", "สพช."),
    _hq_unit("AGRO", "กองเกษตรอุตสาหกรรม", "Agro-Industry Division", "กองเกษตรฯ"),
    _center(1, "50", "158 ถนนทุ่งโฮเต็ล ตำบลวัดเกต อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50000", "053245361"),
    _center(2, "65", "292 หมู่ที่ 5 ตำบลอรัญญิก อำเภอเมืองพิษณุโลก จังหวัดพิษณุโลก 65000", "055258230"),
    _center(3, "18", "222 หมู่ที่ 1 ตำบลบ้านกล้วย อำเภอเมืองชัยนาท จังหวัดชัยนาท 17000", "056411314"),
    _center(4, "30", "333 ถนนมิตรภาพ ตำบลในเมือง อำเภอเมืองนครราชสีมา จังหวัดนครราชสีมา 30000", "044262530"),
    _center(5, "40", "86 ถนนมิตรภาพ ตำบลในเมือง อำเภอเมืองขอนแก่น จังหวัดขอนแก่น 40000", "043243123"),
    _center(6, "41", "199 ถนนทหาร ตำบลหมากแข้ง อำเภอเมืองอุดรธานี จังหวัดอุดรธานี 41000", "042221452"),
    _center(7, "34", "145 ถนนแจ้งสนิท ตำบลในเมือง อำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี 34000", "045312251"),
    _center(8, "70", "55 ถนนเพชรเกษม ตำบลหน้าเมือง อำเภอเมืองราชบุรี จังหวัดราชบุรี 70000", "032337290"),
    _center(9, "20", "88 ถนนสุขุมวิท ตำบลบ้านสวน อำเภอเมืองชลบุรี จังหวัดชลบุรี 20000", "038273701"),
    _center(10, "84", "131 หมู่ที่ 2 ตำบลมะขามเตี้ย อำเภอเมืองสุราษฎร์ธานี จังหวัดสุราษฎร์ธานี 84000", "077274470"),
    _center(11, "90", "1 ถนนกาญจนวนิช ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา 90110", "074212950"),
)

# Which site covers which province: each of the 77 provinces exactly once. Bangkok and its vicinity
# (ปริมณฑล) are served by headquarters itself.
CENTER_PROVINCES: dict[str, list[str]] = {
    "DIPROM": ["10", "11", "12", "13", "73", "74"],
    "IPC1": ["50", "51", "52", "54", "55", "56", "57", "58"],
    "IPC2": ["53", "62", "63", "64", "65", "66", "67"],
    "IPC3": ["14", "15", "16", "17", "18", "19", "60", "61", "72"],
    "IPC4": ["30", "31", "32", "36"],
    "IPC5": ["40", "44", "45", "46"],
    "IPC6": ["38", "39", "41", "42", "43", "47", "48"],
    "IPC7": ["33", "34", "35", "37", "49"],
    "IPC8": ["70", "71", "75", "76", "77"],
    "IPC9": ["20", "21", "22", "23", "24", "25", "26", "27"],
    "IPC10": ["80", "81", "82", "83", "84", "85", "86"],
    "IPC11": ["90", "91", "92", "93", "94", "95", "96"],
}


def province_id(code: str) -> str:
    return reference_id("province", code)


def site_id(code: str) -> str:
    return reference_id("site", code)


def seed_reference(session: Session) -> None:
    """Insert whatever provinces, sites, coverage rows and default certificate templates are missing (by
    code); safe to call again.

    A province already covered by some site (for instance after HQ moved it to another center) keeps
    that coverage: only uncovered provinces get their default row, and an id already present (even a
    deleted one) is never inserted twice.
    """
    known_provinces: dict[str, str] = {
        code: pid for code, pid in session.execute(select(Province.code, Province.id))
    }
    known_ids = set(session.scalars(select(Province.id)))
    new_provinces = [
        {"id": province_id(code), "code": code, "name_th": th, "name_en": en, "region": region}
        for code, th, en, region in PROVINCES
        if code not in known_provinces and province_id(code) not in known_ids
    ]
    if new_provinces:
        session.execute(insert(Province), new_provinces)
        known_provinces.update({p["code"]: p["id"] for p in new_provinces})

    known_sites: dict[str, str] = {code: sid for code, sid in session.execute(select(Site.code, Site.id))}
    known_ids = set(session.scalars(select(Site.id)))
    new_sites = [
        {"id": site_id(s["code"]), **s}
        for s in SITES
        if s["code"] not in known_sites and site_id(s["code"]) not in known_ids
    ]
    if new_sites:
        session.execute(insert(Site), new_sites)
        known_sites.update({s["code"]: s["id"] for s in new_sites})

    covered = set(session.scalars(select(SiteProvince.province_id).where(SiteProvince.deleted.is_(False))))
    known_ids = set(session.scalars(select(SiteProvince.id)))
    new_coverage = []
    for site_code, codes in CENTER_PROVINCES.items():
        sid = known_sites.get(site_code)
        for code in codes:
            pid = known_provinces.get(code)
            row_id = reference_id("site_province", f"{site_code}:{code}")
            if sid is None or pid is None or pid in covered or row_id in known_ids:
                continue
            new_coverage.append({"id": row_id, "site_id": sid, "province_id": pid})
            covered.add(pid)
    if new_coverage:
        session.execute(insert(SiteProvince), new_coverage)

    seed_certificate_templates(session)
    from dipdesk.store.lab_defaults import seed_lab_catalog

    seed_lab_catalog(session)
