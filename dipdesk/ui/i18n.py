"""Translations: Thai by default, English on request. Source strings are English.

The compiled catalogues (`dipdesk_th.qm`, `dipdesk_en.qm`) are found through `paths.translations_dir()`
(a checkout, a wheel or the PyInstaller bundle). Qt's own dialogs (OK/Cancel, wizard buttons, the line-edit
menu) are translated from our catalogue too: see `qt_strings.py`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from dipdesk.paths import translations_dir

log = logging.getLogger(__name__)

LANGUAGES = ("th", "en")

_installed: list[QTranslator] = []
_state = {"lang": "en", "loaded": False}


def install_translations(app: QCoreApplication, lang: str) -> bool:
    """Switch the application's language (live: open widgets get a LanguageChange event).

    Returns True if the catalogue for `lang` was loaded. English works without one (the source strings
    are English), Thai does not.
    """
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    lang = lang if lang in LANGUAGES else "th"
    loaded = False
    folder = translations_dir()
    if folder is not None:
        t = QTranslator(app)
        if t.load(f"dipdesk_{lang}", str(folder)):
            app.installTranslator(t)
            _installed.append(t)
            loaded = True
    if not loaded and lang != "en":
        log.warning("no compiled %s translation found (build i18n/*.qm with pyside6-lrelease)", lang)
    QLocale.setDefault(
        QLocale(QLocale.Language.Thai, QLocale.Country.Thailand)
        if lang == "th"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )
    _state["lang"] = lang if loaded or lang == "en" else "en"
    _state["loaded"] = loaded
    return loaded


def current_language() -> str:
    """The language the UI is showing now ("th" only when the Thai catalogue is really loaded)."""
    return str(_state["lang"])
