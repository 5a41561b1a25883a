"""Translations and fonts: the Thai catalogue is loaded and complete, and Loma draws the Thai."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QLabel

ROOT = Path(__file__).resolve().parents[2]


def test_thai_translation_is_loaded(qapp) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.ui.i18n import current_language, install_translations

    assert current_language() == "th"
    assert QCoreApplication.translate("Areas", "Dashboard") == "ภาพรวม"
    assert QCoreApplication.translate("Areas", "Testing lab") == "ห้องปฏิบัติการทดสอบ"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "ยกเลิก"  # Qt's own buttons too
    install_translations(qapp, "en")
    assert QCoreApplication.translate("Areas", "Dashboard") == "Dashboard"
    install_translations(qapp, "th")


def test_every_message_is_translated_and_finished() -> None:
    for lang in ("th", "en"):
        tree = ET.parse(ROOT / "i18n" / f"dipdesk_{lang}.ts")
        for message in tree.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            assert translation is not None, source
            assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), (lang, source)
            assert (translation.text or "").strip(), (lang, source)
            if "%1" in (source or ""):
                assert "%1" in (translation.text or ""), (lang, source)


def test_thai_is_drawn_with_the_bundled_loma(qapp) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.ui.theme import UI_FONT, register_fonts

    assert {"Loma", "Laksaman"} <= set(register_fonts())
    assert QApplication.font().family() == UI_FONT
    label = QLabel("ผู้ประกอบการ")
    label.ensurePolished()
    assert QFontInfo(label.font()).family() == "Loma"
