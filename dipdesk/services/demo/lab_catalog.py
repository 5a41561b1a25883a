"""The demo lab's catalog: tests, which tests suit which product type, specifications and their rules,
the purposes of requests and the appearances of samples.
"""

from __future__ import annotations

from typing import Any

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
