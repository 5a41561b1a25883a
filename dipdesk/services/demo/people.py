"""Fills users, programs, people, groups, enterprises, their members and products (``_PeopleBuild``)."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from typing import Any

from dipdesk.core.thaiid import id_check_digit, make_id
from dipdesk.services.auth import generate_password, hash_password
from dipdesk.services.demo.common import (
    BE_OFFSET,
    Row,
    _DemoBase,
    _Ids,
    _landline_prefix,
    _mobile,
    _money,
    _uuid,
    _village,
)
from dipdesk.services.demo.vocabulary import (
    _BRAND_A,
    _BRAND_B,
    _COMMUNITY_GROUP,
    _COMMUNITY_WORK,
    _EMAIL_DOMAINS,
    _FEMALE,
    _KIND_TEXT,
    _MALE,
    _PLACES,
    _PRODUCTS,
    _SECTOR_TH,
    _SHOP_WORDS,
    _SURNAME_A,
    _SURNAME_B,
    _SURNAME_C,
    _TRACK_SECTORS,
    _TSIC,
    _VARIANTS,
    PRODUCT_TYPES,
)
from dipdesk.store.auth import ROLES, User
from dipdesk.store.people import Enterprise, EnterpriseMember, Group, Person, Product
from dipdesk.store.programs import POLICY_TRACKS, SERVICE_KINDS, Program


class _PeopleBuild(_DemoBase):
    """Users, programs, people, groups, enterprises, members and products."""

    # -- users -------------------------------------------------------------------------------------------

    def users(self) -> None:
        rng = self.rng("users")
        site_name = self.site.name_th
        people = {
            "admin": ("นายสมชาย ใจดี", "นักวิชาการคอมพิวเตอร์ชำนาญการ", "admin"),
            "staff": ("นางสาววรรณา ศรีสุข", "นักวิชาการอุตสาหกรรมชำนาญการ", "staff"),
            "labtech": ("นายประเสริฐ วงศ์สวัสดิ์", "นักวิทยาศาสตร์ปฏิบัติการ", "lab_technician"),
            "labverifier": (
                "นางสุดารัตน์ รุ่งเรืองกิจ",
                "นักวิทยาศาสตร์ชำนาญการพิเศษ หัวหน้าห้องปฏิบัติการ",
                "lab_verifier",
            ),
            "viewer": ("นายวิชัย มั่นคง", f"ผู้อำนวยการ{site_name}", "viewer"),
            # last: the users above keep the ids the seed gave them before this role existed
            "labhead": ("นางกาญจนา ตั้งมั่น", "นักวิทยาศาสตร์เชี่ยวชาญ หัวหน้าห้องปฏิบัติการ", "lab_head"),
        }
        assert {role for *_, role in people.values()} == set(ROLES), "one demo user per role"
        rows = []
        self.user_ids: dict[str, str] = {}
        self.user_names: dict[str, str] = {}
        for username, (full_name, position, role) in people.items():
            password = generate_password()
            self.passwords[username] = password
            uid = _uuid(rng)
            self.user_ids[username] = uid
            self.user_names[username] = full_name
            rows.append((uid, username, full_name, position, hash_password(password), role, 1))
        self.w.insert(
            User,
            "id username full_name position password_hash role active",
            rows,
            fixed={"site_id": self.site.id},
        )

    # -- programs ----------------------------------------------------------------------------------------

    def programs(self) -> None:
        rng = self.rng("programs")
        count = min(300, max(len(SERVICE_KINDS), self.n // 400))
        self.program_ids: list[str] = []
        self.program_kind: list[str] = []
        self.program_topic: list[tuple[str, str]] = []  # (activity title stem, English)
        rows = []
        used: set[str] = set()
        for i in range(count):
            kind = SERVICE_KINDS[i % len(SERVICE_KINDS)]
            track = POLICY_TRACKS[i % len(POLICY_TRACKS)]
            prog_prefix, act_prefix, kind_en, _ = _KIND_TEXT[kind]
            sector, sector_en = rng.choice(_TRACK_SECTORS[track])
            name = f"{prog_prefix}{sector}"
            phase = 1
            while name in used:
                phase += 1
                name = f"{prog_prefix}{sector} ระยะที่ {phase}"
            used.add(name)
            pid = _uuid(rng)
            code = f"{self.code}-{self.fy}-P{i + 1:03d}"
            budget = _money(rng.randint(8, 120) * 50_000)
            desc = (
                f"{name} ปีงบประมาณ พ.ศ. {self.fy} ดำเนินการโดย{self.site.name_th} "
                f"ตามนโยบาย “ปั้น ปรุง เปลี่ยน” เพื่อยกระดับผู้ประกอบการวิสาหกิจขนาดกลางและขนาดย่อมและวิสาหกิจชุมชน"
            )
            rows.append((pid, code, name, f"{kind_en}: {sector_en}", self.fy, budget, kind, track, desc))
            self.program_ids.append(pid)
            self.program_kind.append(kind)
            self.program_topic.append((f"{act_prefix}{sector}", f"{kind_en}: {sector_en}"))
        # "Big Brother" (พี่ช่วยน้อง): one program per cohort, cohort 4 in this fiscal year.
        self.bb_program: dict[int, str] = {}
        for cohort in range(1, 5):
            fy = self.fy - 4 + cohort
            pid = _uuid(rng)
            self.bb_program[cohort] = pid
            rows.append(
                (
                    pid,
                    f"{self.code}-{fy}-BB",
                    f"โครงการพี่ช่วยน้อง (Big Brother) รุ่นที่ {cohort}",
                    f"Big Brother mentoring, cohort {cohort}",
                    fy,
                    _money(rng.randint(20, 60) * 50_000),
                    "consulting",
                    "improve",
                    "ผู้ประกอบการที่ประสบความสำเร็จและบริษัทเอกชนชั้นนำเป็นพี่เลี้ยงให้ผู้ประกอบการรุ่นใหม่ "
                    "ผู้สำเร็จจากรุ่นก่อนเป็นพี่เลี้ยงของรุ่นถัดไป",
                )
            )
        self.w.insert(
            Program,
            "id code name_th name_en fiscal_year budget service_kind policy_track description",
            rows,
            fixed={"site_id": self.site.id},
            stage="programs",
            total=len(rows),
        )

    # -- people ------------------------------------------------------------------------------------------

    def people(self) -> None:
        rng = self.rng("people")
        r = rng.random
        n = self.n
        next_id = _Ids(rng, n)
        self.person_ids: list[str] = []
        self.person_prov: list[str] = []
        self.person_info: list[tuple[str, str, str, str]] = []  # (prefix, first, last, phone)
        seen: set[str] = set()
        ce_year = self.fy - BE_OFFSET
        prov_ids = {code: p.id for code, p in self.provinces.items()}
        all_codes = self.all_codes
        males, females, sa, sb, sc = _MALE, _FEMALE, _SURNAME_A, _SURNAME_B, _SURNAME_C
        domains = _EMAIL_DOMAINS
        check = id_check_digit  # the rule of dipdesk.core.thaiid; input is 12 plain digits already

        # Hot loop: indexing with r() is several times faster than random.choice/randint.
        def rows() -> Iterator[Row]:
            for _ in range(n):
                pid = next_id()
                male = r() < 0.47
                first, first_en = males[int(r() * len(males))] if male else females[int(r() * len(females))]
                ia = int(r() * len(sa))
                ib = int(r() * len(sb))
                a, a_en = sa[ia]
                b, b_en = sb[ib]
                if b == a:
                    b, b_en = sb[(ib + 1) % len(sb)]
                last, last_en = a + b, a_en + b_en
                if r() < 0.3:
                    c, c_en = sc[int(r() * len(sc))]
                    last, last_en = last + c, last_en + c_en
                last_en = last_en.capitalize()
                x = r()
                if male:
                    prefix = "นาย" if x < 0.92 else "ดร." if x < 0.95 else "ว่าที่ร้อยตรี" if x < 0.98 else "ผศ."
                else:
                    prefix = "นาง" if x < 0.5 else "นางสาว" if x < 0.96 else "ดร." if x < 0.985 else "รศ."
                year = ce_year - 20 - int(r() * 49)
                born = f"{year:04d}-{1 + int(r() * 12):02d}-{1 + int(r() * 28):02d}"
                code = self.pick_province(r)
                birth_code = code if r() < 0.7 else all_codes[int(r() * len(all_codes))]
                nid: str | None = None
                if r() < 0.98:
                    # 1 = registered at birth (born 1984 on), 3 = registered before; then the province.
                    lead = "1" if year >= 1984 else "3333333358"[int(r() * 10)]
                    districts = 49 if birth_code == "10" else 18
                    while True:
                        first12 = (
                            f"{lead}{birth_code}{1 + int(r() * districts):02d}{int(r() * 10_000_000):07d}"
                        )
                        nid = f"{first12}{check(first12)}"
                        if nid not in seen:
                            seen.add(nid)
                            break
                phone = _mobile(r) if r() < 0.95 else ""
                email = ""
                if r() < 0.35:
                    domain = domains[int(r() * len(domains))]
                    email = f"{first_en.lower()}.{last_en[:4].lower()}{1 + int(r() * 99)}@{domain}"
                english = r() < 0.3
                self.person_ids.append(pid)
                self.person_prov.append(code)
                self.person_info.append((prefix, first, last, phone))
                yield (
                    pid,
                    prefix,
                    first,
                    last,
                    first_en if english else "",
                    last_en if english else "",
                    nid,
                    born,
                    "M" if male else "F",
                    phone,
                    email,
                    self.address(r, code),
                    prov_ids[code],
                    1 if r() < 0.97 else 0,
                )

        self.w.insert(
            Person,
            "id prefix first_name_th last_name_th first_name_en last_name_en national_id birth_date gender phone "
            "email address province_id consent",
            rows(),
            fixed={"site_id": self.site.id},
            stage="people",
            total=n,
        )

    # -- groups, enterprises, members, products -------------------------------------------------------------

    def enterprises(self) -> None:
        rng = self.rng("enterprises")
        r = rng.random
        n = self.n
        prov_ids = {code: p.id for code, p in self.provinces.items()}
        # Groups (กลุ่ม/คลัสเตอร์).
        group_count = max(2, n // 250)
        self.group_ids: list[str] = []
        group_rows = []
        for g in range(group_count):
            code = self.pick_province(r, 0.95)
            prov = self.provinces[code].name_th
            sector = rng.choice(PRODUCT_TYPES)
            gid = _uuid(rng)
            if rng.random() < 0.5:
                kind, name = "cluster", f"คลัสเตอร์{_SECTOR_TH[sector]}{prov}"
            else:
                kind = "community"
                name = f"เครือข่ายวิสาหกิจชุมชน{rng.choice(_COMMUNITY_WORK[sector])}{prov}"
            group_rows.append((gid, f"{self.code}-G{g + 1:04d}", f"{name} {g + 1}", kind, prov_ids[code]))
            self.group_ids.append(gid)
        self.w.insert(Group, "id code name_th kind province_id", group_rows, fixed={"site_id": self.site.id})

        ent_count = min(n, max(6, n // 8))
        self.mentor_company_count = max(2, ent_count // 60)
        owners = rng.sample(range(n), ent_count)
        next_id = _Ids(rng, ent_count)
        self.ent_ids: list[str] = []
        self.ent_owner: list[int] = owners
        self.ent_sector: list[str] = []
        self.ent_size: list[str] = []
        self.ent_name: list[str] = []
        self.ent_group: list[str | None] = []
        self.person_ent: dict[int, int] = {}
        seen_reg: set[str] = set()
        seen_names: set[str] = set()
        members: list[tuple[str, int, str]] = []  # (enterprise id, person, role); ids come after

        def pick(seq: Sequence[Any]) -> Any:
            return seq[int(r() * len(seq))]

        def company_name(sector: str, public: bool) -> tuple[str, str]:
            a, a_en = pick(_BRAND_A)
            b, b_en = pick(_BRAND_B[sector])
            brand, brand_en = f"{a}{b}", f"{a_en} {b_en}"
            year = 2005
            base = brand
            while brand in seen_names:  # registered names are unique: "… (2009)" as Thai firms do
                year += 1 + int(r() * 3)
                brand = f"{base} ({year})" if year < 2026 else f"{base} {year}"
            seen_names.add(brand)
            if brand != base:
                brand_en = f"{brand_en} ({year})"
            if public:
                return f"บริษัท {brand} จำกัด (มหาชน)", f"{brand_en} Public Company Limited"
            if r() < 0.2:
                return f"ห้างหุ้นส่วนจำกัด {brand}", f"{brand_en} Limited Partnership"
            return f"บริษัท {brand} จำกัด", f"{brand_en} Co., Ltd."

        def juristic_id(kind_digit: str) -> str:
            # 0 + registrar 10 (Bangkok) + 5 company / 3 partnership / 7 public + BE year + running number.
            while True:
                reg = make_id(f"010{kind_digit}{530 + int(r() * 38)}{int(r() * 100_000):05d}")
                if reg not in seen_reg:
                    seen_reg.add(reg)
                    return reg

        def rows() -> Iterator[Row]:
            for e, owner in enumerate(owners):
                eid = next_id()
                sector = pick(PRODUCT_TYPES)
                mentor_company = e < self.mentor_company_count
                x = r()
                kind = "juristic" if mentor_company or x < 0.45 else "community" if x < 0.7 else "individual"
                if mentor_company:
                    size = "large"
                else:
                    y = r()
                    size = "micro" if y < 0.55 else "small" if y < 0.85 else "medium" if y < 0.97 else "large"
                    if kind != "juristic" and size in {"medium", "large"}:
                        size = "small"
                name_en = ""
                reg: str | None = None  # community enterprises and individuals: no juristic ID
                if kind == "juristic":
                    name, name_en = company_name(sector, mentor_company)
                    reg = juristic_id("7" if mentor_company else "3" if name.startswith("ห้าง") else "5")
                elif kind == "community":
                    village = _village(pick(_PLACES))
                    name = f"วิสาหกิจชุมชน{pick(_COMMUNITY_GROUP)}{pick(_COMMUNITY_WORK[sector])}{village}"
                else:
                    title = pick(("", "", "ป้า", "แม่", "ลุง", "พ่อ", "บ้าน"))
                    name = f"ร้าน{title}{self.person_info[owner][1]}{pick(_SHOP_WORDS[sector])}"
                code = self.person_prov[owner] if r() < 0.9 else self.pick_province(r)
                group: str | None = None
                if self.group_ids and ((kind == "community" and r() < 0.7) or r() < 0.1):
                    group = pick(self.group_ids)
                phone = (
                    _landline_prefix(code, self.provinces[code].region) + f"{int(r() * 10_000_000):07d}"
                    if kind == "juristic"
                    else self.person_info[owner][3]
                )
                self.ent_ids.append(eid)
                self.ent_sector.append(sector)
                self.ent_size.append(size)
                self.ent_name.append(name)
                self.ent_group.append(group)
                self.person_ent.setdefault(owner, e)
                members.append((eid, owner, "owner" if kind != "community" else "ประธานกลุ่ม"))
                extra = (
                    3 + int(r() * 6)
                    if kind == "community"
                    else int(r() * 4)
                    if kind == "juristic"
                    else int(r() * 2)
                )
                chosen = {owner}
                for _ in range(extra):
                    m = int(r() * n)
                    if m in chosen:
                        continue
                    chosen.add(m)
                    self.person_ent.setdefault(m, e)
                    role = "สมาชิก" if kind == "community" else pick(("หุ้นส่วน", "ผู้จัดการ", "พนักงาน"))
                    members.append((eid, m, role))
                address = self.address(r, code)
                yield (
                    eid,
                    f"{self.code}-E{e + 1:06d}",
                    name,
                    name_en,
                    kind,
                    reg,
                    pick(_TSIC[sector]),
                    size,
                    prov_ids[code],
                    address,
                    address[-5:],
                    phone,
                    self.person_ids[owner],
                    group,
                )

        self.w.insert(
            Enterprise,
            "id code name_th name_en kind registration_id tsic_code size province_id address postcode phone "
            "owner_person_id group_id",
            rows(),
            fixed={"site_id": self.site.id},
            stage="enterprises",
            total=len(owners),
        )
        next_member = _Ids(rng, len(members))
        person_ids = self.person_ids
        self.w.insert(
            EnterpriseMember,
            "id enterprise_id person_id role",
            ((next_member(), eid, person_ids[m], role) for eid, m, role in members),
            fixed={"site_id": self.site.id},
            stage="enterprise members",
            total=len(members),
        )
        self.products(rng)

    def products(self, rng: random.Random) -> None:
        r = rng.random
        per_enterprise = [(1, 1, 2, 2, 3, 3, 4, 5)[int(r() * 8)] for _ in self.ent_ids]
        next_id = _Ids(rng, sum(per_enterprise))
        self.ent_products: list[list[tuple[str, str]]] = [[] for _ in self.ent_ids]
        programs = self.program_ids

        def rows() -> Iterator[Row]:
            for e, eid in enumerate(self.ent_ids):
                sector = self.ent_sector[e]
                names = _PRODUCTS[sector]
                for _ in range(per_enterprise[e]):
                    name = names[int(r() * len(names))] + _VARIANTS[int(r() * len(_VARIANTS))]
                    pid = next_id()
                    self.ent_products[e].append((pid, name))
                    developed = r() < 0.6  # developed in one of this year's programs: counts to the target
                    yield (
                        pid,
                        eid,
                        name,
                        sector,
                        f"{name} ผลิตโดย{self.ent_name[e]}",
                        programs[int(r() * len(programs))] if developed else None,
                        self.day_iso[int(r() * self.fy_days)] if developed else None,
                    )

        self.w.insert(
            Product,
            "id enterprise_id name_th product_type description developed_in_program_id developed_on",
            rows(),
            fixed={"site_id": self.site.id},
            stage="products",
            total=sum(per_enterprise),
        )
