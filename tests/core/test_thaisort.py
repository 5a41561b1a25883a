"""Thai dictionary order without ICU (issue 11: the province list)."""

from __future__ import annotations

from dipdesk.core.thaisort import thai_sort_key
from dipdesk.store.reference_data import PROVINCES


def test_leading_vowels_sort_with_their_consonant() -> None:
    words = ["อ่างทอง", "เชียงใหม่", "กรุงเทพมหานคร", "แพร่", "ชัยนาท", "ไม่มี", "โคราช", "ขอนแก่น"]
    assert sorted(words, key=thai_sort_key) == [
        "กรุงเทพมหานคร", "ขอนแก่น", "โคราช", "ชัยนาท", "เชียงใหม่", "แพร่", "ไม่มี", "อ่างทอง",
    ]  # fmt: skip


def test_tone_marks_only_break_ties() -> None:
    assert sorted(["ป่า", "ปา", "ป้า"], key=thai_sort_key) == ["ปา", "ป่า", "ป้า"]
    assert sorted(["Nan", "Bangkok"], key=thai_sort_key) == ["Bangkok", "Nan"]


def test_all_77_provinces_in_thai_order() -> None:
    names = sorted((th for _c, th, _en, _r in PROVINCES), key=thai_sort_key)
    assert names.index("เชียงใหม่") < names.index("ตาก") < names.index("อ่างทอง")
    assert names.index("เชียงราย") < names.index("เชียงใหม่") and names[0] == "กระบี่"
    assert names.index("แพร่") < names.index("ภูเก็ต") and names.index("ลำปาง") < names.index("เลย")
