"""The demo's vocabulary: Thai given names and surnames (with romanisations), places, roads, products,
brands, community groups, hotels, and the texts of activities and mentoring sessions.
"""

from __future__ import annotations

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
