"""Realistic, deterministic Thai demo data for one site and one fiscal year (`dipdesk demo`).

What it builds: reference data, the installation's site, users of every role, programs of every service
kind and policy track, activities with sessions and attendance, people with valid national IDs,
enterprises (juristic persons, community enterprises, individual businesses) with members, products and
groups, enrollments, service records, outcomes, "Big Brother" mentoring across cohorts 1–4 (some mentees
of one cohort mentor the next), the year's targets, two certificate templates, and, at a site with a
lab, the lab catalog, specifications and requests with samples and analyses in every workflow state.

Determinism: the same seed, size, site and fiscal year give the same rows and ids; each part draws from
its own `random.Random` seeded with the seed, site, year and part (so two sites' demos never share ids
when they sync). Only `created_at`/`updated_at` (the time of the build) and the users' passwords (random,
shown once) differ between builds. Ids are UUID4s drawn from those generators; for the big tables they
are drawn in increasing order (`_Ids`), which keeps B-tree inserts appending (see below).

Speed, and a stated decision: the demo **bypasses `dipdesk.services.records`** (no per-row validation,
no audit entry per row) and writes with multi-row INSERTs straight through the SQLite cursor, all inside
**one transaction** (all or nothing), because a million people must build in minutes. The data is valid
by construction; the tests and `dipdesk check` verify it. During the build the connection runs with
`synchronous=OFF`, a 1 GiB page cache and foreign-key enforcement off; indexes whose keys arrive in
random order are built once at the end and the FTS5 search indexes merge once at the end (their triggers
still fill them). Everything is restored afterwards. SQLite only: this is the desktop's local database.
"""

from __future__ import annotations

import json
import random
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from itertools import chain, islice
from typing import Any

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import Column

from dipdesk.core.thaidate import fiscal_year
from dipdesk.core.thaiid import id_check_digit, make_id
from dipdesk.services.auth import generate_password, hash_password
from dipdesk.services.context import local_value, set_local_value
from dipdesk.services.errors import ServiceError
from dipdesk.services.lab import DEFAULT_DECISION_RULE, report_content
from dipdesk.store.auth import ROLES, User
from dipdesk.store.base import Base
from dipdesk.store.certificate_defaults import seed_certificate_templates
from dipdesk.store.certificates import SerialCounter
from dipdesk.store.enrollment import Attendance, Enrollment
from dipdesk.store.lab import (
    LabAnalysis,
    LabReport,
    LabRequest,
    LabSample,
    LabSettings,
    LabSpecification,
    LabTest,
)
from dipdesk.store.mentoring import MentoringPair, MentoringSession
from dipdesk.store.outcomes import Outcome, ServiceRecord
from dipdesk.store.people import Enterprise, EnterpriseMember, Group, Person, Product
from dipdesk.store.programs import POLICY_TRACKS, SERVICE_KINDS, Activity, ActivitySession, Program, Target
from dipdesk.store.reference import Province, Site, SiteProvince
from dipdesk.store.reference_data import PROVINCES, seed_reference

Progress = Callable[[str, int, int], None]
Row = tuple[Any, ...]

CHUNK = 10_000
MIN_PARTICIPANTS = 10
BE_OFFSET = 543


@dataclass
class DemoResult:
    """Rows per table after the build, and the generated password of each demo user (shown once)."""

    site_code: str
    fiscal_year: int
    counts: dict[str, int] = field(default_factory=dict)
    passwords: dict[str, str] = field(default_factory=dict)


# --- vocabulary ------------------------------------------------------------------------------------------


def _items(text: str) -> tuple[str, ...]:
    """Comma-separated items (kept as text so the word lists stay readable and compact)."""
    return tuple(item.strip() for item in text.split(",") if item.strip())


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    """Comma-separated "Thai romanised" items: the Thai part has no space, the romanised part may."""
    out = []
    for item in _items(text):
        thai, _, roman = item.partition(" ")
        out.append((thai, roman.strip()))
    return tuple(out)


# Given names (Thai, romanised) so English names and e-mail addresses agree with the Thai ones.
_MALE = _pairs(
    """
    สมชาย Somchai, สมศักดิ์ Somsak, ประเสริฐ Prasert, สมบัติ Sombat, วิชัย Wichai, สุรชัย Surachai,
    ชัยวัฒน์ Chaiwat, อนุชา Anucha, ธนากร Thanakorn, กิตติพงษ์ Kittipong, ณัฐพงษ์ Nattapong, ปิยะ Piya,
    วีระ Weera, สุทธิพงษ์ Sutthipong, อำนาจ Amnat, บุญมี Boonmee, สมพงษ์ Sompong, ธีรวัฒน์ Theerawat,
    จักรพันธ์ Chakkraphan, พิชิต Phichit, วรวุฒิ Worawut, ศุภชัย Supachai, อภิชาติ Aphichat, ธนพล Thanaphon,
    ภานุวัฒน์ Panuwat, เอกชัย Ekkachai, นพดล Noppadon, สุเมธ Sumet, ไพโรจน์ Pairoj, มานพ Manop,
    วิทยา Witthaya, สมหมาย Sommai, ทองดี Thongdee, บุญส่ง Boonsong, เกรียงไกร Kriangkrai, ชาตรี Chatree,
    ณัฐวุฒิ Nattawut, ปกรณ์ Pakorn, ศักดิ์ชัย Sakchai, ยุทธนา Yutthana, ธวัชชัย Thawatchai,
    อดิศักดิ์ Adisak, สุริยา Suriya, พงศกร Pongsakorn, ก้องภพ Kongphop, ธนวัฒน์ Thanawat, คมสัน Komsan,
    วสันต์ Wasan, จิรายุ Jirayu, ชยพล Chayaphon, รัฐพล Rattaphon, อรรถพล Atthaphon, ประพันธ์ Praphan,
    สมเกียรติ Somkiat, เฉลิมชัย Chalermchai, สันติ Santi, บรรจง Banjong, นิพนธ์ Niphon, อุดม Udom,
    ไพศาล Phaisan, ธีระ Theera, วิโรจน์ Wiroj, เสกสรร Seksan, กฤษดา Kritsada, ปรีชา Preecha, สมยศ Somyot,
    ชูชาติ Chuchat, ศรายุทธ Sarayut, ณรงค์ Narong, สุรเชษฐ์ Surachet, บุญเลิศ Boonlert, ประยูร Prayoon,
    มงคล Mongkhon, สมาน Saman, ทวีศักดิ์ Thaweesak, วัชระ Watchara
"""
)

_FEMALE = _pairs(
    """
    สมศรี Somsri, วรรณา Wanna, มาลี Malee, สุดารัตน์ Sudarat, กนกวรรณ Kanokwan, ศิริพร Siriporn, นภา Napa,
    พรทิพย์ Pornthip, รัตนา Rattana, อรุณี Arunee, จันทร์เพ็ญ Janpen, สุภาพร Supaporn, ปราณี Pranee,
    บุษบา Busaba, ลำดวน Lamduan, ทองใบ Thongbai, นงลักษณ์ Nongluck, วิไลวรรณ Wilaiwan, เพ็ญศรี Pensri,
    อัญชลี Anchalee, ปิยะนุช Piyanuch, ณัฐธิดา Nattida, ชุติมา Chutima, กัญญา Kanya, ศศิธร Sasithorn,
    พิมพ์ชนก Pimchanok, จิราพร Jiraporn, สุนิสา Sunisa, อรอุมา Ornuma, ธิดารัตน์ Thidarat, วันเพ็ญ Wanpen,
    รุ่งนภา Rungnapa, เยาวลักษณ์ Yaowalak, ดวงใจ Duangjai, บุญเรือน Boonruean, สายสุนีย์ Saisunee,
    อารีย์ Aree, นิตยา Nittaya, เบญจวรรณ Benjawan, ปวีณา Paweena, สุกัญญา Sukanya, มณีรัตน์ Maneerat,
    ภัทรา Phattra, ศิริรัตน์ Sirirat, อำไพ Ampai, สมพร Somporn, กาญจนา Kanjana, วราภรณ์ Waraporn,
    พัชรี Patcharee, ณัฐชา Nattacha, ปาริชาต Parichat, ขวัญใจ Khwanjai, แสงเดือน Saengduean,
    ทิพวรรณ Thippawan, อุไรวรรณ Uraiwan, จารุวรรณ Jaruwan, นันทนา Nantana, สุมาลี Sumalee, ลัดดา Ladda,
    ประภาพร Praphaporn, วิมลรัตน์ Wimonrat, รจนา Rotjana, เกศินี Kesinee, ธนพร Thanaporn, พรรณี Phannee,
    มยุรี Mayuree, ชนิดา Chanida, บัวผัน Buaphan, คำปุน Khampun, ศรีนวล Srinuan, อรทัย Orathai,
    จินตนา Jintana
"""
)
# Surnames are compounds, as most Thai surnames are: root + root (+ an optional ending).
_SURNAME_A = _pairs(
    """
    ศรี sri, ใจ jai, วงศ์ wong, รุ่งเรือง rungrueang, แสง saeng, บุญ boon, ทอง thong, จันทร์ chan, สุข suk,
    เจริญ charoen, พงษ์ phong, ชัย chai, ศักดิ์ sak, มั่น man, แก้ว kaew, เพชร phet, ประเสริฐ prasert,
    วัฒนา watthana, สมบูรณ์ somboon, กิตติ kitti, ธนา thana, นาค nak, ปัญญา panya, อินทร์ in, คำ kham,
    มณี manee, สิทธิ sitthi, เรือง rueang, ทรัพย์ sap, พันธ์ phan, รักษ์ rak, ศิลป์ sin, สายทอง saithong,
    ดวง duang, เกษม kasem, อุดม udom, บัว bua, ไชย chai, วิเศษ wiset, ภักดี phakdi, จิตร chit, สว่าง sawang,
    นิล nin, มงคล mongkhon, ชื่น chuen, ยอด yot, เงิน ngoen, หอม hom, ปาน pan, พรหม phrom, สุวรรณ suwan,
    ศรีสุข srisuk, กาญจน kanchana, อ่อน on, ใหม่ mai, ขาว khao, เขียว khiao, ฟ้า fa, ดอก dok, ทิพย์ thip
"""
)
_SURNAME_B = _pairs(
    """
    ดี dee, สุข suk, สวัสดิ์ sawat, กิจ kit, มา ma, ทอง thong, วงศ์ wong, ศรี sri, ชัย chai, เจริญ charoen,
    พานิช phanit, สมบูรณ์ somboon, รัตน์ rat, พันธ์ phan, ไพศาล phaisan, ภักดี phakdi, วิไล wilai, ผล phon,
    งาม ngam, เลิศ loet, มณี manee, คำ kham, แก้ว kaew, ประเสริฐ prasert, สกุล sakun, รักษ์ rak, นาค nak,
    จันทร์ chan, บุญ boon, เพ็ญ phen, เรือง rueang, ธรรม tham, วัฒน์ wat, ยิ่ง ying, ใส sai, สาร san,
    ศักดิ์ sak, โชติ chot, ปัญญา panya, อนันต์ anan, กุล kun, ทิพย์ thip, ไพบูลย์ phaiboon, สิน sin,
    ดำรง damrong, วัฒนา watthana, โสภา sopha, อำไพ ampai
"""
)
_SURNAME_C = _pairs(
    """
    กุล kun, วงศ์ wong, สกุล sakun, ชัย chai, วัฒนา watthana, กิจ kit, พันธุ์ phan, ศิริ siri, ถาวร thaworn,
    นนท์ non
"""
)
_EMAIL_DOMAINS = ("gmail.com", "gmail.com", "gmail.com", "hotmail.com", "yahoo.com", "outlook.com")

# Generic sub-district and village names that occur in provinces all over the country.
_PLACES = _items(
    """
    ในเมือง, หนองบัว, ดอนแก้ว, บ้านใหม่, ท่าช้าง, หนองหาร, บ้านดอน, โนนสูง, ห้วยทราย, ท่าข้าม, นาคูหา,
    ป่าแดด, บ้านกลาง, หัวฝาย, ทุ่งโฮ้ง, สันทราย, ดอนตูม, บ้านเหล่า, หนองแวง, โพธิ์ทอง, นาดี, ดงเย็น,
    ท่าทราย, บางพระ, หนองปลิง, ศรีเมือง, ทุ่งใหญ่, ป่าตาล, วังทอง, บ่อแก้ว
"""
)
# (แขวง, เขต, postcode) in Bangkok
_BANGKOK_AREAS = tuple(
    tuple(area.split())
    for area in _items(
        """
        ทุ่งพญาไท ราชเทวี 10400, สามเสนใน พญาไท 10400, คลองจั่น บางกะปิ 10240, ลาดยาว จตุจักร 10900,
        อนุสาวรีย์ บางเขน 10220, บางนาเหนือ บางนา 10260, ห้วยขวาง ห้วยขวาง 10310, คลองตัน คลองเตย 10110,
        สีลม บางรัก 10500, บางบอน บางบอน 10150, มีนบุรี มีนบุรี 10510, หนองแขม หนองแขม 10160
"""
    )
)
_ROADS = _items(
    """
    พหลโยธิน, มิตรภาพ, สุขุมวิท, เพชรเกษม, ราชดำเนิน, เจริญราษฎร์, ศรีสุริยวงศ์, นิมมานเหมินท์
"""
)

PRODUCT_TYPES = ("food", "herbal", "cosmetic", "packaging", "textile")
_PRODUCTS: dict[str, tuple[str, ...]] = {
    "food": _items(
        """
        น้ำพริกหนุ่ม, น้ำพริกตาแดง, ไส้อั่วสมุนไพร, แคบหมูไร้มัน, กล้วยตากอบน้ำผึ้ง, ข้าวแต๋นน้ำแตงโม,
        มะม่วงอบแห้ง, ลำไยอบแห้ง, สตรอว์เบอร์รีอบแห้ง, น้ำผึ้งดอกลำไย, ชาอู่หลง, กาแฟคั่วบด, ขนมทองม้วน,
        น้ำมะขามเข้มข้น, แหนมหมู, ข้าวกล้องงอก, คุกกี้ธัญพืช, น้ำพริกเผา, ปลาส้ม, น้ำสับปะรดพร้อมดื่ม
"""
    ),
    "herbal": _items(
        """
        ยาหม่องสมุนไพร, ลูกประคบสมุนไพร, ชาตะไคร้ใบเตย, ขมิ้นชันแคปซูล, ฟ้าทะลายโจรแคปซูล, ยาดมสมุนไพร,
        น้ำมันเหลือง, ชากระเจี๊ยบ, ชาใบหม่อน, กระชายดำผง
"""
    ),
    "cosmetic": _items(
        """
        สบู่น้ำผึ้งผสมขมิ้น, โลชั่นว่านหางจระเข้, เซรั่มมะหาด, ลิปบาล์มน้ำมันมะพร้าว, แชมพูมะกรูด,
        ครีมบำรุงผิวน้ำนมข้าว, สครับกาแฟ, เจลล้างหน้าใบบัวบก, น้ำมันมะพร้าวสกัดเย็น, โทนเนอร์ดอกอัญชัน
"""
    ),
    "packaging": _items(
        """
        กล่องกระดาษลูกฟูกพิมพ์ลาย, ถุงซิปล็อกตั้งได้, ขวดแก้วฝาล็อก, ตะกร้าไม้ไผ่สาน, กล่องของขวัญผ้าทอ,
        ถุงกระดาษคราฟท์, ถาดเยื่อกาบกล้วย, กระปุกพลาสติก PET, ฉลากสินค้ากันน้ำ, กล่องไม้สักแกะลาย
"""
    ),
    "textile": _items(
        """
        ผ้าทอมือลายน้ำไหล, ผ้าฝ้ายย้อมคราม, ผ้าไหมมัดหมี่, ผ้าซิ่นตีนจก, กระเป๋าผ้าทอ, เสื้อผ้าฝ้ายปักมือ,
        ผ้าพันคอไหม, ผ้าขาวม้าทอมือ, หมอนอิงผ้าทอ, ผ้าคลุมไหล่ย้อมสีธรรมชาติ
"""
    ),
}
_VARIANTS = ("", "", "", " สูตรดั้งเดิม", " รุ่นพรีเมียม", " ขนาดพกพา", " ชุดของฝาก", " แบบใหม่")
_TSIC: dict[str, tuple[str, ...]] = {
    "food": _items("10301, 10309, 10712, 10730, 10750, 10799, 11041, 10613"),
    "herbal": _items("21002, 10799, 20299"),
    "cosmetic": _items("20231, 20232"),
    "packaging": _items("17021, 22201, 16291, 23101"),
    "textile": _items("13121, 13122, 13921, 14111, 15121"),
}
_BRAND_A = _pairs(
    """
    ล้านนา Lanna, สยาม Siam, ไทยเจริญ Thai Charoen, ดอยงาม Doi Ngam, แม่ปิง Mae Ping, เวียงพิงค์ Wiang Ping,
    รุ่งเรือง Rungrueang, ศรีสุข Srisuk, ทองดี Thongdee, สุขใจ Sukjai, บ้านสวน Baan Suan, ภูผา Phupha,
    นาคา Naka, ธารทอง Thanthong, ไผ่งาม Phai Ngam, รวงข้าว Ruang Khao, มั่งมี Mangmee,
    เมืองเหนือ Muang Nuea, อีสานรุ่ง Isan Rung, ทักษิณ Thaksin, บูรพา Burapha, ชัยพฤกษ์ Chaiyaphruek,
    กรีนเวย์ Greenway, โกลเด้น Golden, สไมล์ Smile, ฟ้าใส Fasai, ดอกคูน Dok Khun, ราชพฤกษ์ Ratchaphruek,
    เชียงแสน Chiang Saen, อันดา Anda
"""
)
_BRAND_B: dict[str, tuple[tuple[str, str], ...]] = {
    "food": _pairs(
        "ฟู้ด Food, ฟู้ดส์ Foods, เบเกอรี่ Bakery, ฟาร์ม Farm, ฟู้ดโปรดักส์ Food Products, ฟรุ๊ต Fruit, คอฟฟี่ Coffee"
    ),
    "herbal": _pairs("เฮิร์บ Herb, เนเชอรัล Natural, ไบโอเทค Biotech, ไฟโต Phyto"),
    "cosmetic": _pairs("คอสเมติก Cosmetic, บิวตี้ Beauty, สกินแคร์ Skincare, ลาบอราทอรี่ Laboratory"),
    "packaging": _pairs("แพคเกจจิ้ง Packaging, พลาสติก Plastic, เปเปอร์ Paper, บ็อกซ์ Box"),
    "textile": _pairs("เท็กซ์ไทล์ Textile, แฟชั่น Fashion, ซิลค์ Silk, การ์เมนท์ Garment"),
}
_COMMUNITY_WORK: dict[str, tuple[str, ...]] = {
    "food": _items("แปรรูปผลไม้, ข้าวแต๋น, น้ำพริก, ขนมไทย, แปรรูปกล้วย, ผู้เลี้ยงผึ้ง"),
    "herbal": _items("สมุนไพร, ลูกประคบ, แปรรูปสมุนไพร"),
    "cosmetic": _items("สบู่สมุนไพร, เครื่องสำอางจากน้ำผึ้ง"),
    "packaging": _items("จักสานไม้ไผ่, จักสานผักตบชวา, ผลิตภาชนะจากกาบกล้วย"),
    "textile": _items("ทอผ้า, ทอผ้าฝ้าย, ผ้าย้อมคราม, ทอผ้าไหม"),
}
_COMMUNITY_GROUP = _items("กลุ่มแม่บ้าน, กลุ่มเกษตรกร, กลุ่มผู้ผลิต, กลุ่มอาชีพ, กลุ่มสตรี, กลุ่ม")
_SHOP_WORDS: dict[str, tuple[str, ...]] = {
    "food": _items("ขนมไทย, น้ำพริก, ของฝาก, เบเกอรี่, อาหารแปรรูป"),
    "herbal": _items("สมุนไพร, ยาหม่อง"),
    "cosmetic": _items("สบู่สมุนไพร, ความงาม"),
    "packaging": _items("จักสาน, บรรจุภัณฑ์"),
    "textile": _items("ผ้าทอ, ผ้าฝ้าย, ผ้าไหม"),
}
_SECTOR_TH = {
    "food": "อาหารแปรรูป",
    "herbal": "สมุนไพร",
    "cosmetic": "เครื่องสำอาง",
    "packaging": "บรรจุภัณฑ์",
    "textile": "ผ้าและเครื่องแต่งกาย",
}
_HOTELS = _items(
    """
    เดอะ ริเวอร์, ภูคำ, สยามธานี, รอยัล ปริ้นเซส, แกรนด์ วิว, กรีนเลค, ริมน้ำ
"""
)

# fmt: off
_KIND_TEXT: dict[str, tuple[str, str, str, str]] = {
    # kind: (program name stem, activity title stem, English, service record description)
    "consulting": (
        "โครงการให้คำปรึกษาแนะนำเชิงลึกแก่ผู้ประกอบการ",
        "กิจกรรมให้คำปรึกษาแนะนำ",
        "In-depth consulting",
        "ให้คำปรึกษาแนะนำ ณ สถานประกอบการ",
    ),
    "training": (
        "โครงการพัฒนาผู้ประกอบการ",
        "หลักสูตรพัฒนาผู้ประกอบการ",
        "Entrepreneur development",
        "ฝึกอบรมเชิงปฏิบัติการ",
    ),
    "incubation": (
        "โครงการบ่มเพาะธุรกิจ",
        "หลักสูตรบ่มเพาะธุรกิจ",
        "Business incubation",
        "บ่มเพาะและติดตามแผนธุรกิจ",
    ),
    "matching": (
        "โครงการเชื่อมโยงธุรกิจ",
        "กิจกรรมจับคู่ธุรกิจ",
        "Business matching",
        "จับคู่เจรจาธุรกิจกับคู่ค้า",
    ),
    "testing": (
        "โครงการวิเคราะห์ทดสอบวัตถุดิบและผลิตภัณฑ์",
        "กิจกรรมวิเคราะห์ทดสอบผลิตภัณฑ์",
        "Raw-material and product testing",
        "วิเคราะห์ทดสอบตัวอย่างผลิตภัณฑ์",
    ),
    "production": (
        "โครงการยกระดับระบบการผลิต",
        "หลักสูตรเพิ่มประสิทธิภาพการผลิต",
        "Production-system upgrading",
        "วินิจฉัยและปรับปรุงกระบวนการผลิต",
    ),
    "design": (
        "โครงการพัฒนารูปแบบผลิตภัณฑ์และบรรจุภัณฑ์",
        "เวิร์กช็อปออกแบบผลิตภัณฑ์และบรรจุภัณฑ์",
        "Product and packaging design",
        "ออกแบบและพัฒนาบรรจุภัณฑ์",
    ),
    "exhibition": (
        "โครงการส่งเสริมการตลาดและจัดแสดงสินค้า",
        "งานแสดงและจำหน่ายสินค้า",
        "Exhibitions and showrooms",
        "นำสินค้าร่วมจัดแสดงและจำหน่าย",
    ),
}
_TRACK_SECTORS: dict[str, tuple[tuple[str, str], ...]] = {
    "build_agro": (
        ("อุตสาหกรรมเกษตรแปรรูป", "agro-processing industry"),
        ("อาหารแปรรูปจากผลไม้", "processed fruit products"),
        ("สมุนไพรและผลิตภัณฑ์สุขภาพ", "herbal and health products"),
        ("กาแฟและชา", "coffee and tea"),
    ),
    "build_creative": (
        ("อุตสาหกรรมสร้างสรรค์", "creative industry"),
        ("หัตถกรรมและผ้าทอพื้นถิ่น", "crafts and local weaving"),
        ("ผลิตภัณฑ์ชุมชนเชิงวัฒนธรรม", "cultural community products"),
        ("แฟชั่นและสิ่งทอ", "fashion and textiles"),
    ),
    "build_smart": (
        ("อุตสาหกรรมอัจฉริยะ", "smart industry"),
        ("การผลิตด้วยระบบดิจิทัลและ IoT", "digital and IoT manufacturing"),
        ("ระบบอัตโนมัติสำหรับ SMEs", "automation for SMEs"),
        ("การค้าออนไลน์", "e-commerce"),
    ),
    "improve": (
        ("ผ่านเครือข่ายผู้ให้บริการและที่ปรึกษา", "through service providers and consultants"),
        ("ร่วมกับภาคีรัฐ เอกชน และประชาชน", "with public, private and civil partners"),
    ),
    "change": (
        ("ด้วยบริการดิจิทัลของ กสอ.", "through DIProm digital services"),
        ("ด้วยระบบให้บริการออนไลน์", "through online services"),
    ),
}
# fmt: on
_SESSION_TOPICS = _items(
    """
    ปฐมนิเทศและวิเคราะห์ศักยภาพธุรกิจ, การตลาดออนไลน์และการสร้างแบรนด์,
    การบริหารต้นทุนและบัญชีสำหรับผู้ประกอบการ, มาตรฐานการผลิต อย. และ มผช., การพัฒนาบรรจุภัณฑ์และฉลากสินค้า,
    ศึกษาดูงานสถานประกอบการต้นแบบ, การนำเสนอแผนธุรกิจและติดตามผล
"""
)
_MENTOR_TOPICS = _items(
    """
    การวางแผนธุรกิจและกระแสเงินสด, การตลาดออนไลน์และโซเชียลมีเดีย, การบริหารต้นทุนการผลิต,
    การขอมาตรฐาน อย. และ มผช., การพัฒนาบรรจุภัณฑ์, การเจรจาการค้าและการส่งออก, การเข้าถึงแหล่งเงินทุน,
    การจัดการคลังสินค้า, การสร้างแบรนด์, การนำระบบดิจิทัลมาใช้ในการผลิต
"""
)


# --- identifiers and formats -----------------------------------------------------------------------------


_UUID4_CLEAR = ~((0xC000 << 48) | (0xF000 << 64))  # variant and version bits, as uuid.UUID(version=4)
_UUID4_SET = (0x8000 << 48) | (4 << 76)


def _uuid(rng: random.Random) -> str:
    """A deterministic UUID4 drawn from `rng`: the text of `uuid.UUID(int=rng.getrandbits(128), version=4)`,
    formatted directly because millions are made."""
    h = f"{(rng.getrandbits(128) & _UUID4_CLEAR) | _UUID4_SET:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class _Ids:
    """Deterministic, increasing UUID4 strings for the big tables.

    The first 48 bits of the i-th of n ids lie in the i-th of n equal slices of their range, at a random
    offset; the other bits are random, with the version-4 and RFC variant bits set. So the ids are valid
    UUID4s, deterministic (drawn from `rng`), spread over the whole range like random ones, but
    increasing. Inserted in order they append to the primary-key B-tree and to every index keyed by them,
    instead of touching random pages: with random keys a million-person build spills the page cache.
    """

    def __init__(self, rng: random.Random, n: int) -> None:
        self._bits = rng.getrandbits
        self._n = max(1, n)
        self._step = (1 << 48) // self._n
        self._offset_bits = max(0, self._step.bit_length() - 1)
        self._i = 0

    def __call__(self) -> str:
        i = self._i
        if i >= self._n:
            raise RuntimeError("demo: more ids drawn than planned")
        self._i = i + 1
        bits = self._bits
        head = i * self._step + bits(self._offset_bits)
        rest = bits(74)  # 12 bits after the version nibble, 62 after the variant bits
        return (
            f"{head >> 16:08x}-{head & 0xFFFF:04x}-4{rest >> 62:03x}-"
            f"{0x8000 | (rest >> 48) & 0x3FFF:04x}-{rest & 0xFFFFFFFFFFFF:012x}"
        )


def _ts(moment: datetime) -> str:
    # SQLAlchemy's storage format for DateTime on SQLite.
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def _utc(day: date, hour: int, minute: int) -> datetime:
    """Thai office time (UTC+7) as the naive UTC the database keeps."""
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=hour - 7, minutes=minute)


def _money(x: float) -> float:
    return round(x, 2)


def _postcode(code: str) -> str:
    """Postcode of the provincial seat (อำเภอเมือง). Postal prefixes differ from DOPA codes only for 11–19."""
    if code == "10":
        return "10400"
    if code == "11":
        return "10270"
    prefix = int(code) - 1 if 12 <= int(code) <= 19 else int(code)
    return f"{prefix:02d}000"


def _landline_prefix(code: str, region: str) -> str:
    if code in {"10", "11", "12", "13", "73", "74"}:
        return "02"
    return {"north": "05", "northeast": "04", "south": "07"}.get(region, "03")


def _village(place: str) -> str:
    return place if place.startswith("บ้าน") else f"บ้าน{place}"


def _mobile(r: Callable[[], float]) -> str:
    return ("06", "08", "08", "09", "09")[int(r() * 5)] + f"{int(r() * 100_000_000):08d}"


# --- bulk writing ----------------------------------------------------------------------------------------


class _Writer:
    """Bulk inserts of plain tuples through the DBAPI cursor, inside the caller's transaction.

    Rows go in as multi-row `INSERT … VALUES (…), (…), …` statements: far fewer statements than one per
    row, which matters most for the tables whose FTS5 triggers (migration 0002) would otherwise run as
    one tiny statement each. Columns the caller does not give get their model default (stamps,
    `deleted`, empty JSON lists…) as constants, so a new column with a default does not break the demo.
    """

    MAX_PARAMS = 32_766  # SQLite's default limit on bound parameters per statement

    def __init__(self, conn: Connection, stamp: str, progress: Progress | None) -> None:
        dbapi = conn.connection.dbapi_connection
        assert dbapi is not None
        self._cursor = dbapi.cursor()
        self._max_params = self.MAX_PARAMS
        getlimit = getattr(dbapi, "getlimit", None)
        if getlimit is not None:
            self._max_params = min(self.MAX_PARAMS, int(getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)))
        self._stamp = stamp
        self._progress = progress
        self._deferred: list[str] = []
        self._fts: list[str] = []
        self.counts: dict[str, int] = {}

    def defer_indexes(self, columns: dict[type[Base], set[str]]) -> None:
        """Drop the secondary indexes on these columns until `restore_indexes`.

        Keys that arrive in order (increasing ids, the site id) append to their index cheaply; keys in
        random order (a person's id in enrollments, national IDs) touch pages all over a large index, so
        those indexes are built once after loading instead. Same transaction: a failed build rolls the
        drop back too.
        """
        for model, names in columns.items():
            found = self._cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                (model.__tablename__,),
            ).fetchall()
            for name, sql in found:
                indexed = {row[2] for row in self._cursor.execute(f'PRAGMA index_info("{name}")')}
                # an index on an expression (the lists' Thai name order) names its column only in its SQL
                if indexed & names or any(re.search(rf"\b{n}\b", sql) for n in names):
                    self._cursor.execute(f'DROP INDEX "{name}"')
                    self._deferred.append(sql)

    def restore_indexes(self) -> None:
        total = len(self._deferred)
        for done, sql in enumerate(self._deferred, 1):
            self._cursor.execute(sql)
            if self._progress:
                self._progress("indexes", done, total)
        self._deferred = []

    def hold_fts_merges(self) -> None:
        """Let the FTS5 search indexes (migration 0002) take the load without merging segments as they
        go (their default re-merges the growing index over and over); `release_fts_merges` merges once
        and puts the settings back. Stored in the FTS config table, inside the transaction."""
        self._fts = [
            row[0]
            for row in self._cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"
            )
        ]
        self._fts_config: dict[str, dict[str, Any]] = {}
        for fts in self._fts:
            saved = dict(self._cursor.execute(f'SELECT k, v FROM "{fts}_config"').fetchall())
            self._fts_config[fts] = saved
            self._cursor.execute(f'INSERT INTO "{fts}"("{fts}", rank) VALUES (\'automerge\', 0)')
            self._cursor.execute(f'INSERT INTO "{fts}"("{fts}", rank) VALUES (\'crisismerge\', 2000)')

    def release_fts_merges(self) -> None:
        for done, fts in enumerate(self._fts, 1):
            saved = self._fts_config[fts]
            self._cursor.execute(f'INSERT INTO "{fts}"("{fts}") VALUES (\'optimize\')')
            for key, default in (("automerge", 4), ("crisismerge", 16)):
                value = int(saved.get(key, default))
                self._cursor.execute(f'INSERT INTO "{fts}"("{fts}", rank) VALUES (?, ?)', (key, value))
            if self._progress:
                self._progress("search index", done, len(self._fts))

    def _default(self, col: Column[Any]) -> Any:
        if col.name in {"created_at", "updated_at"}:
            return self._stamp
        default = col.default
        value: Any
        if default is not None and getattr(default, "is_scalar", False):
            value = default.arg  # type: ignore[attr-defined]
        elif default is not None and getattr(default, "is_callable", False):
            value = default.arg(None)  # type: ignore[attr-defined]
        elif col.nullable:
            return None
        else:
            raise RuntimeError(f"demo: no value for required column {col.table.name}.{col.name}")
        return _storage(value)

    def insert(
        self,
        model: type[Base],
        columns: str,
        rows: Iterable[Row],
        *,
        fixed: dict[str, Any] | None = None,
        stage: str = "",
        total: int = 0,
    ) -> int:
        """Insert `rows` (tuples in the order of the space-separated `columns`); returns the row count."""
        table = Base.metadata.tables[model.__tablename__]
        names = columns.split()
        fixed = dict(fixed or {})
        given = set(names) | set(fixed)
        unknown = given - set(table.columns.keys())
        if unknown:
            raise RuntimeError(f"demo: {table.name} has no column(s) {sorted(unknown)}")
        for col in table.columns:
            if col.name not in given:
                fixed[col.name] = self._default(col)
        names += list(fixed)
        tail = tuple(fixed.values())
        quoted = ", ".join(f'"{name}"' for name in names)
        head = f'INSERT INTO "{table.name}" ({quoted}) VALUES '
        one = "(" + ", ".join("?" * len(names)) + ")"
        per = max(1, self._max_params // len(names))  # rows per statement
        full_sql = head + ", ".join([one] * per)
        done = 0
        it = iter(rows)
        flat = chain.from_iterable
        while True:
            batch: list[Row] = []
            rest: list[Row] = []
            while len(batch) * per < CHUNK:
                group = [r + tail for r in islice(it, per)]
                if len(group) == per:
                    batch.append(tuple(flat(group)))
                else:
                    rest = group
                    break
            if batch:
                self._cursor.executemany(full_sql, batch)
            if rest:
                self._cursor.execute(head + ", ".join([one] * len(rest)), tuple(flat(rest)))
            n = len(batch) * per + len(rest)
            if not n:
                break
            done += n
            if self._progress and stage:
                self._progress(stage, done, max(total, done))
            if rest:
                break
        self.counts[table.name] = self.counts.get(table.name, 0) + done
        return done


def _storage(value: Any) -> Any:
    """A Python value as SQLAlchemy stores it in SQLite."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime):
        return _ts(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# --- the build -------------------------------------------------------------------------------------------


class _Demo:
    def __init__(
        self,
        session: Session,
        writer: _Writer,
        *,
        site: Site,
        participants: int,
        seed: int,
        fiscal_year: int,
        progress: Progress | None,
        today: date | None = None,
    ) -> None:
        self.s = session
        self.w = writer
        self.site = site
        self.code = site.code
        self.n = participants
        self.seed = seed
        self.fy = fiscal_year
        self.progress = progress
        ce = fiscal_year - BE_OFFSET
        self.fy_start = date(ce - 1, 10, 1)
        self.fy_end = date(ce, 9, 30)
        self.fy_days = (self.fy_end - self.fy_start).days + 1
        self.day_iso = [(self.fy_start + timedelta(days=i)).isoformat() for i in range(self.fy_days)]
        #: the demo's "today": samples still in the lab were received in the days before it (pinned by tests)
        self.today = today or date.today()
        self.passwords: dict[str, str] = {}
        self.counters: dict[tuple[str, int], int] = {}  # (series, fiscal year BE) -> last number
        # One forced occurrence of the rarer analysis states, so every state exists at any size.
        self.forced = {"rejected", "retracted"}

        provinces = {p.code: p for p in session.scalars(select(Province))}
        self.provinces = provinces
        covered = list(
            session.scalars(
                select(Province.code)
                .join(SiteProvince, SiteProvince.province_id == Province.id)
                .where(SiteProvince.site_id == site.id, SiteProvince.deleted.is_(False))
                .order_by(Province.code)
            )
        ) or [code for code, *_ in PROVINCES]
        seat = site.province_code if site.province_code in covered else covered[0]
        # The seat province draws about a third of the activity; the rest share the remainder.
        self.home_codes = [seat] + [c for c in covered if c != seat]
        self.all_codes = [code for code, *_ in PROVINCES]
        self.address_tail = {
            code: f"อำเภอเมือง{p.name_th} จังหวัด{p.name_th} {_postcode(code)}" for code, p in provinces.items()
        }
        hq = session.scalars(select(Site).where(Site.code == "DIPROM")).first()
        self.hq_id = hq.id if hq else site.id

    def take(self, forced: str) -> bool:
        """True the first time only: forces one occurrence of a rare case."""
        if forced in self.forced:
            self.forced.discard(forced)
            return True
        return False

    def rng(self, stage: str) -> random.Random:
        # Site and year are part of the seed, so demos of two sites never share ids when they sync.
        return random.Random(f"{self.seed}/{self.code}/{self.fy}/{stage}")

    def tick(self, stage: str, done: int, total: int) -> None:
        if self.progress:
            self.progress(stage, done, total)

    def pick_province(self, r: Callable[[], float], home_share: float = 0.85) -> str:
        """Mostly the site's own provinces (the seat about a third of those), sometimes anywhere."""
        if r() < home_share:
            home = self.home_codes
            return home[0] if r() < 0.35 else home[int(r() * len(home))]
        return self.all_codes[int(r() * len(self.all_codes))]

    def address(self, r: Callable[[], float], code: str) -> str:
        house = f"{1 + int(r() * 399)}" + (f"/{1 + int(r() * 40)}" if r() < 0.3 else "")
        if code == "10":
            khwaeng, khet, pc = _BANGKOK_AREAS[int(r() * len(_BANGKOK_AREAS))]
            road = _ROADS[int(r() * len(_ROADS))]
            return f"{house} ถนน{road} แขวง{khwaeng} เขต{khet} กรุงเทพมหานคร {pc}"
        place = _PLACES[int(r() * len(_PLACES))]
        return f"{house} หมู่ที่ {1 + int(r() * 15)} ตำบล{place} {self.address_tail[code]}"

    def day(self, offset: int) -> date:
        return self.fy_start + timedelta(days=offset)

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

    def full_name(self, i: int) -> str:
        prefix, first, last, _phone = self.person_info[i]
        return f"{prefix}{first} {last}"

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
        for spec in _LAB_TESTS:
            t = dict(spec)
            t["id"] = _uuid(rng)
            tests[t["key"]] = t
            test_rows.append(
                (
                    t["id"],
                    f"{self.code}-{t['key']}",
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

    # -- the whole build -------------------------------------------------------------------------------------

    def run(self) -> None:
        self.w.defer_indexes(_DEFERRED_INDEXES)
        self.w.hold_fts_merges()
        self.users()
        self.programs()
        self.people()
        self.enterprises()
        self.activities()
        self.services()
        self.mentoring()
        self.targets()
        self.certificate_templates()
        if self.site.has_lab:
            self.lab()
        self.w.insert(
            SerialCounter,
            "site_code series fiscal_year last",
            [(self.code, series, fy, last) for (series, fy), last in self.counters.items()],
        )
        self.w.restore_indexes()
        self.w.release_fts_merges()


# Indexes on these columns get their keys in random order during the build: built once at the end.
_DEFERRED_INDEXES: dict[type[Base], set[str]] = {
    # the lists' sort indexes (migration 0006) too: names, phones and dates arrive in random order
    Person: {"national_id", "first_name_th", "last_name_th", "phone", "email", "birth_date", "province_id"},
    Enterprise: {"name_th", "province_id", "group_id"},
    Product: {"name_th", "product_type", "developed_on"},
    EnterpriseMember: {"person_id"},
    Enrollment: {"person_id", "enterprise_id"},
    ServiceRecord: {"enterprise_id", "day", "service_kind"},
}


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


# --- lab catalog -----------------------------------------------------------------------------------------

_FOOD_RULE = "ประกาศกระทรวงสาธารณสุข (ฉบับที่ 414) พ.ศ. 2563 เรื่อง มาตรฐานอาหารที่มีสารปนเปื้อน"
_ADDITIVE_RULE = "ประกาศกระทรวงสาธารณสุข (ฉบับที่ 418) พ.ศ. 2563 เรื่อง วัตถุเจือปนอาหาร"
_MICRO_RULE = "ประกาศกรมวิทยาศาสตร์การแพทย์ เรื่อง เกณฑ์คุณภาพทางจุลชีววิทยาของอาหารและภาชนะสัมผัสอาหาร"
_COMMUNITY_RULE = "มาตรฐานผลิตภัณฑ์ชุมชน (มผช.)"
_COSMETIC_RULE = "ASEAN Cosmetic Directive, Annex: limits of heavy metals and microbial contamination"
_LAB_PURPOSES = (
    "ประกอบการขอเลขสารบบอาหาร (อย.)",
    "ประกอบการขอรับรองมาตรฐานผลิตภัณฑ์ชุมชน (มผช.)",
    "ตรวจสอบคุณภาพก่อนส่งออก",
    "พัฒนาสูตรผลิตภัณฑ์",
    "ตรวจสอบคุณภาพวัตถุดิบ",
)
#: what "appearance" says, by product type: a lip balm is not "dry and crisp", a silk is not "creamy"
_APPEARANCES: dict[str, tuple[str, ...]] = {
    "food": (
        "ชิ้นแห้งกรอบ สีสม่ำเสมอ ไม่พบเชื้อรา",
        "ลักษณะเป็นผงละเอียด สีน้ำตาลอ่อน ไม่มีสิ่งแปลกปลอม",
        "ของเหลวข้นหนืด สีเหลืองทอง กลิ่นเฉพาะตัว",
        "เนื้อแน่น สีตามธรรมชาติของวัตถุดิบ ไม่มีกลิ่นอับ",
    ),
    "herbal": (
        "ผงละเอียด สีเขียวอมน้ำตาล กลิ่นสมุนไพร ไม่มีสิ่งแปลกปลอม",
        "แคปซูลสมบูรณ์ ไม่แตกหรือบุบ ผงภายในสีน้ำตาลอ่อน",
        "ชิ้นสมุนไพรแห้ง สีสม่ำเสมอ ไม่พบเชื้อรา",
    ),
    "cosmetic": (
        "ครีมเนื้อเนียน สีขาวนวล ไม่แยกชั้น",
        "เนื้อขี้ผึ้งเรียบเนียน สีสม่ำเสมอ ไม่มีเม็ดหรือรอยแตก",
        "ของเหลวใส ไม่มีตะกอน กลิ่นหอมอ่อน",
        "เจลใส เนื้อสม่ำเสมอ ไม่แยกชั้น",
    ),
    "packaging": (
        "ผิวเรียบ ไม่มีรอยแตก รอยพับหรือรูรั่ว",
        "รอยปิดผนึกสมบูรณ์ สีและการพิมพ์ชัดเจน ไม่ลอก",
        "แผ่นกระดาษแข็งเรียบ ขอบตัดตรง ไม่มีรอยชื้น",
    ),
    "textile": (
        "ผืนผ้าเรียบ สีสม่ำเสมอ ไม่มีรอยตำหนิ",
        "เนื้อผ้าแน่น เส้นด้ายสม่ำเสมอ ลวดลายชัดเจน",
        "ผ้าไหมเนื้อเรียบมันเงา สีไม่ด่าง ไม่มีเส้นด้ายขาด",
    ),
}

# fmt: off
_LAB_TESTS: tuple[dict[str, Any], ...] = (
    { "key": "MOIST", "name_th": "ความชื้น", "name_en": "Moisture", "kind": "physical",
     "method": "การอบแห้งที่ 105 °C (gravimetric)", "standard_ref": "AOAC 925.10", "unit": "%",
     "decimals": 2, "lod": 0.1, "uncertainty": 0.15, "accredited": True, "fee": 300, "days": 5,
     "typical": (2.0, 14.0), "formula": "(wet - dry) / wet * 100",
     "interim": [{"key": "wet", "name_th": "น้ำหนักตัวอย่างก่อนอบ", "name_en": "wet weight", "unit": "g"}, {"key": "dry", "name_th": "น้ำหนักตัวอย่างหลังอบ", "name_en": "dry weight", "unit": "g"}]},
    { "key": "ASH", "name_th": "เถ้า", "name_en": "Ash", "kind": "chemical", "method": "การเผาที่ 550 °C",
     "standard_ref": "AOAC 923.03", "unit": "%", "decimals": 2, "lod": 0.05, "uncertainty": 0.1,
     "accredited": True, "fee": 300, "days": 5, "typical": (0.5, 6.0)},
    { "key": "PH", "name_th": "ความเป็นกรด-ด่าง", "name_en": "pH", "kind": "physical", "method": "pH meter",
     "standard_ref": "AOAC 981.12", "unit": "", "decimals": 2, "uncertainty": 0.05, "accredited": True,
     "fee": 150, "days": 3, "typical": (3.5, 7.5)},
    { "key": "AW", "name_th": "ค่าวอเตอร์แอคทิวิตี", "name_en": "Water activity", "kind": "physical",
     "method": "Water activity meter (chilled-mirror dew point)", "standard_ref": "ISO 18787:2017",
     "unit": "", "decimals": 3, "uncertainty": 0.01, "accredited": True, "fee": 400, "days": 3,
     "typical": (0.3, 0.9)},
    { "key": "PROT", "name_th": "โปรตีน", "name_en": "Protein", "kind": "chemical",
     "method": "Kjeldahl (N x 6.25)", "standard_ref": "AOAC 2001.11", "unit": "%", "decimals": 2,
     "lod": 0.1, "uncertainty": 3.0, "uncertainty_pct": True, "fee": 800, "days": 7, "typical": (1.0, 25.0)},
    { "key": "FAT", "name_th": "ไขมัน", "name_en": "Fat", "kind": "chemical",
     "method": "Soxhlet extraction", "standard_ref": "AOAC 920.39", "unit": "%", "decimals": 2, "lod": 0.1,
     "uncertainty": 4.0, "uncertainty_pct": True, "fee": 600, "days": 7, "typical": (0.5, 30.0)},
    { "key": "SUGAR", "name_th": "น้ำตาลทั้งหมด", "name_en": "Total sugar", "kind": "chemical",
     "method": "Lane and Eynon", "standard_ref": "AOAC 923.09", "unit": "%", "decimals": 2, "lod": 0.1,
     "fee": 500, "days": 7, "typical": (2.0, 60.0)},
    { "key": "PB", "name_th": "ตะกั่ว", "name_en": "Lead (Pb)", "kind": "chemical",
     "method": "ICP-OES หลังย่อยด้วยไมโครเวฟ", "standard_ref": "AOAC 2015.01", "unit": "mg/kg",
     "decimals": 3, "lod": 0.01, "uncertainty": 10.0, "uncertainty_pct": True, "accredited": True,
     "fee": 800, "days": 10, "typical": (0.005, 0.6), "often_nd": True},
    { "key": "CD", "name_th": "แคดเมียม", "name_en": "Cadmium (Cd)", "kind": "chemical",
     "method": "ICP-OES หลังย่อยด้วยไมโครเวฟ", "standard_ref": "AOAC 2015.01", "unit": "mg/kg",
     "decimals": 3, "lod": 0.005, "uncertainty": 10.0, "uncertainty_pct": True, "accredited": True,
     "fee": 800, "days": 10, "typical": (0.001, 0.08), "often_nd": True},
    { "key": "AS", "name_th": "สารหนู", "name_en": "Arsenic (As)", "kind": "chemical",
     "method": "Hydride generation AAS", "standard_ref": "AOAC 986.15", "unit": "mg/kg", "decimals": 3,
     "lod": 0.01, "uncertainty": 12.0, "uncertainty_pct": True, "fee": 900, "days": 10,
     "typical": (0.005, 0.4), "often_nd": True},
    { "key": "HG", "name_th": "ปรอท", "name_en": "Mercury (Hg)", "kind": "chemical",
     "method": "Cold vapour AAS", "standard_ref": "AOAC 971.21", "unit": "mg/kg", "decimals": 3,
     "lod": 0.005, "uncertainty": 12.0, "uncertainty_pct": True, "fee": 900, "days": 10,
     "typical": (0.001, 0.05), "often_nd": True},
    { "key": "BENZ", "name_th": "กรดเบนโซอิก", "name_en": "Benzoic acid", "kind": "chemical",
     "method": "HPLC-UV", "standard_ref": "ISO 22855:2008", "unit": "mg/kg", "decimals": 0, "lod": 10.0,
     "uncertainty": 8.0, "uncertainty_pct": True, "accredited": True, "fee": 700, "days": 7,
     "typical": (0.0, 900.0), "often_nd": True},
    { "key": "SORB", "name_th": "กรดซอร์บิก", "name_en": "Sorbic acid", "kind": "chemical",
     "method": "HPLC-UV", "standard_ref": "ISO 22855:2008", "unit": "mg/kg", "decimals": 0, "lod": 10.0,
     "uncertainty": 8.0, "uncertainty_pct": True, "accredited": True, "fee": 700, "days": 7,
     "typical": (0.0, 900.0), "often_nd": True},
    { "key": "SO2", "name_th": "ซัลเฟอร์ไดออกไซด์", "name_en": "Sulphur dioxide", "kind": "chemical",
     "method": "Optimized Monier-Williams", "standard_ref": "AOAC 990.28", "unit": "mg/kg", "decimals": 0,
     "lod": 10.0, "fee": 800, "days": 7, "typical": (0.0, 120.0), "often_nd": True},
    { "key": "TPC", "name_th": "จุลินทรีย์ทั้งหมด", "name_en": "Total plate count",
     "kind": "microbiological", "method": "Pour plate 30 °C", "standard_ref": "ISO 4833-1:2013",
     "unit": "CFU/g", "decimals": 0, "lod": 10.0, "upper": 3000000.0, "accredited": True, "fee": 400,
     "days": 5, "typical": (10.0, 40000.0)},
    { "key": "YM", "name_th": "ยีสต์และรา", "name_en": "Yeasts and moulds", "kind": "microbiological",
     "method": "Spread plate DRBC 25 °C", "standard_ref": "ISO 21527-1:2008", "unit": "CFU/g",
     "decimals": 0, "lod": 10.0, "fee": 400, "days": 7, "typical": (10.0, 400.0)},
    { "key": "ECOLI", "name_th": "อี. โคไล", "name_en": "Escherichia coli", "kind": "microbiological",
     "method": "TBX 44 °C", "standard_ref": "ISO 16649-2:2001", "unit": "CFU/g", "decimals": 0, "lod": 10.0,
     "fee": 450, "days": 5, "typical": (0.0, 30.0), "often_nd": True},
    { "key": "VISC", "name_th": "ความหนืด", "name_en": "Viscosity", "kind": "physical",
     "method": "Brookfield rotational viscometer", "standard_ref": "ASTM D2196-20", "unit": "mPa·s",
     "decimals": 0, "fee": 400, "days": 3, "typical": (500.0, 20000.0)},
    { "key": "COLOR", "name_th": "ค่าสี (L*)", "name_en": "Colour (CIE L*)", "kind": "physical",
     "method": "Colorimeter, D65/10°", "standard_ref": "ISO/CIE 11664-4:2019", "unit": "", "decimals": 2,
     "fee": 300, "days": 3, "typical": (20.0, 90.0)},
    { "key": "TENS", "name_th": "ความต้านแรงดึง", "name_en": "Tensile strength", "kind": "physical",
     "method": "Strip method", "standard_ref": "ISO 13934-1:2013", "unit": "N", "decimals": 1,
     "uncertainty": 2.5, "uncertainty_pct": True, "accredited": True, "fee": 500, "days": 5,
     "typical": (150.0, 600.0)},
    { "key": "CFAST", "name_th": "ความคงทนของสีต่อการซักล้าง", "name_en": "Colour fastness to washing",
     "kind": "physical", "method": "Grey scale assessment", "standard_ref": "ISO 105-C06:2010",
     "unit": "ระดับ", "result_type": "choice",
     "choices": ["1", "1-2", "2", "2-3", "3", "3-4", "4", "4-5", "5"], "decimals": 0, "fee": 500, "days": 5},
    { "key": "APPEAR", "name_th": "ลักษณะทั่วไป", "name_en": "Appearance", "kind": "physical",
     "method": "ตรวจพินิจด้วยสายตา", "standard_ref": "มผช. (ข้อกำหนดลักษณะทั่วไป)", "unit": "",
     "result_type": "text", "decimals": 0, "fee": 100, "days": 2},
)

# Which tests make sense for which product type (the first is always done).
_TEST_MENU: dict[str, tuple[str, ...]] = {
    "food": ( "MOIST", "AW", "ASH", "PROT", "FAT", "SUGAR", "PB", "CD", "AS", "BENZ", "SORB", "SO2", "TPC",
        "YM", "ECOLI", "APPEAR"),
    "herbal": ( "MOIST", "ASH", "PB", "CD", "AS", "HG", "TPC", "YM", "APPEAR"),
    "cosmetic": ( "PH", "VISC", "PB", "AS", "HG", "CD", "TPC", "YM", "APPEAR"),
    "packaging": ( "TENS", "PB", "CD", "MOIST", "COLOR", "APPEAR"),
    "textile": ( "TENS", "CFAST", "PH", "COLOR", "APPEAR"),
}

# (product type, test, min, max, warn_low, warn_high, standard)
_LAB_SPECS: tuple[tuple[str, str, float | None, float | None, float | None, float | None, str], ...] = (
    ("food", "MOIST", None, 12.0, None, 10.0, _COMMUNITY_RULE),
    ("food", "AW", None, 0.85, None, 0.8, _COMMUNITY_RULE),
    ("food", "PB", None, 1.0, None, 0.8, _FOOD_RULE),
    ("food", "CD", None, 0.1, None, 0.08, _FOOD_RULE),
    ("food", "AS", None, 2.0, None, 1.5, _FOOD_RULE),
    ("food", "BENZ", None, 1000.0, None, 800.0, _ADDITIVE_RULE),
    ("food", "SORB", None, 1000.0, None, 800.0, _ADDITIVE_RULE),
    ("food", "SO2", None, 100.0, None, 80.0, _ADDITIVE_RULE),
    ("food", "TPC", None, 10000.0, None, 5000.0, _MICRO_RULE),
    ("food", "YM", None, 100.0, None, 50.0, _MICRO_RULE),
    ("food", "ECOLI", None, 10.0, None, None, _MICRO_RULE),
    ("herbal", "MOIST", None, 10.0, None, 9.0, "Thai Herbal Pharmacopoeia"),
    ("herbal", "ASH", None, 10.0, None, 8.0, "Thai Herbal Pharmacopoeia"),
    ("herbal", "PB", None, 10.0, None, 8.0, "ประกาศกระทรวงสาธารณสุข เรื่อง ผลิตภัณฑ์สมุนไพร"),
    ("herbal", "CD", None, 0.3, None, 0.25, "ประกาศกระทรวงสาธารณสุข เรื่อง ผลิตภัณฑ์สมุนไพร"),
    ("herbal", "AS", None, 4.0, None, 3.0, "ประกาศกระทรวงสาธารณสุข เรื่อง ผลิตภัณฑ์สมุนไพร"),
    ("herbal", "TPC", None, 500000.0, None, 100000.0, "Thai Herbal Pharmacopoeia"),
    ("cosmetic", "PH", 4.0, 8.0, 4.5, 7.5, _COMMUNITY_RULE),
    ("cosmetic", "PB", None, 20.0, None, 15.0, _COSMETIC_RULE),
    ("cosmetic", "AS", None, 5.0, None, 4.0, _COSMETIC_RULE),
    ("cosmetic", "HG", None, 1.0, None, 0.8, _COSMETIC_RULE),
    ("cosmetic", "CD", None, 5.0, None, 4.0, _COSMETIC_RULE),
    ("cosmetic", "TPC", None, 1000.0, None, 500.0, _COSMETIC_RULE),
    ("cosmetic", "YM", None, 100.0, None, 50.0, _COSMETIC_RULE),
    ("packaging", "PB", None, 100.0, None, 80.0, "EN 13428 / 94/62/EC (heavy metals in packaging)"),
    ("packaging", "CD", None, 100.0, None, 80.0, "EN 13428 / 94/62/EC (heavy metals in packaging)"),
    ("packaging", "TENS", 150.0, None, 180.0, None, _COMMUNITY_RULE),
    ("textile", "TENS", 200.0, None, 250.0, None, _COMMUNITY_RULE),
    ("textile", "PH", 4.0, 7.5, 4.5, 7.0, "OEKO-TEX Standard 100"),
)
# fmt: on


# --- entry point -----------------------------------------------------------------------------------------


def build_demo(
    engine: Engine,
    *,
    site_code: str = "IPC1",
    participants: int = 2000,
    seed: int = 2563,
    fiscal_year: int = 2569,
    progress: Progress | None = None,
    today: date | None = None,
) -> DemoResult:
    """Fill an empty database with demo data for `site_code` and `fiscal_year` (BE), in one transaction.

    `today` (default: the real date) is the demo's reference date: the lab's open samples were received
    in the days before it, so that only a few are overdue. The same seed and `today` give the same data.
    """
    if engine.dialect.name != "sqlite":
        raise ServiceError(
            "ข้อมูลตัวอย่างสร้างได้เฉพาะในฐานข้อมูล SQLite ของเครื่อง",
            "demo data is built into a local SQLite database only",
        )
    if participants < MIN_PARTICIPANTS:
        raise ServiceError(
            f"จำนวนผู้เข้าร่วมต้องมีอย่างน้อย {MIN_PARTICIPANTS} คน",
            f"participants must be at least {MIN_PARTICIPANTS}",
        )
    if not 2500 <= fiscal_year <= 2700:
        raise ServiceError(
            f"ปีงบประมาณ {fiscal_year} ไม่ถูกต้อง (ใช้ปี พ.ศ. เช่น 2569)",
            f"fiscal year {fiscal_year} is not a Buddhist-era year such as 2569",
        )
    result = DemoResult(site_code=site_code, fiscal_year=fiscal_year)
    stamp = _ts(datetime.now(UTC).replace(tzinfo=None))
    with engine.connect() as conn:
        saved = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("synchronous", "cache_size", "foreign_keys", "temp_store")
        }
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # only takes effect outside a transaction
        conn.exec_driver_sql("PRAGMA synchronous=OFF")
        conn.exec_driver_sql("PRAGMA cache_size=-1048576")  # 1 GiB
        conn.exec_driver_sql("PRAGMA temp_store=MEMORY")
        conn.commit()
        try:
            with Session(bind=conn) as session, session.begin():
                seed_reference(session)
                site = session.scalars(select(Site).where(Site.code == site_code)).first()
                if site is None:
                    raise ServiceError(f"ไม่พบหน่วยงานรหัส {site_code}", f"unknown site code {site_code}")
                _refuse_unless_empty(session, site)
                set_local_value(session, "site_id", site.id)
                writer = _Writer(conn, stamp, progress)
                demo = _Demo(
                    session,
                    writer,
                    site=site,
                    participants=participants,
                    seed=seed,
                    fiscal_year=fiscal_year,
                    progress=progress,
                    today=today,
                )
                demo.run()
                result.passwords = demo.passwords
                session.flush()
                if progress:
                    progress("counting", 0, 1)
                for table in Base.metadata.sorted_tables:
                    result.counts[table.name] = int(
                        session.scalar(select(func.count()).select_from(table)) or 0
                    )
                if progress:
                    progress("committing", 0, 1)
            if progress:
                progress("committing", 1, 1)
        finally:
            conn.rollback()
            for name, value in saved.items():
                conn.exec_driver_sql(f"PRAGMA {name}={int(value) if value is not None else 0}")
            conn.commit()
    return result


def _refuse_unless_empty(session: Session, site: Site) -> None:
    bound = local_value(session, "site_id")
    if bound and bound != site.id:
        raise ServiceError(
            "ฐานข้อมูลนี้ผูกกับหน่วยงานอื่นแล้ว สร้างข้อมูลตัวอย่างในไฟล์ใหม่",
            "this database already belongs to another site; build the demo into a new file",
        )
    for model in (User, Person, Program, Enterprise):
        if session.scalar(select(func.count()).select_from(model)):
            raise ServiceError(
                "ฐานข้อมูลนี้มีข้อมูลอยู่แล้ว สร้างข้อมูลตัวอย่างได้เฉพาะในฐานข้อมูลว่าง",
                f"this database already has {model.__tablename__}; the demo only fills an empty database",
            )
