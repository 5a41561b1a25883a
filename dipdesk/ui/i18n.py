"""Translations: Thai by default, English on request. Source strings are English.

The compiled catalogues (`dipdesk_th.qm`, `dipdesk_en.qm`) are found through `paths.translations_dir()`
(a checkout, a wheel or the PyInstaller bundle). Qt's own dialogs (OK/Cancel, wizard buttons, the line-edit
menu, the file and print dialogs) are translated from our catalogue too (see `qt_strings.py`), and from
Qt's own `qtbase_<lang>.qm` where one exists.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

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
    if loaded and lang != "en":
        _install_qt_catalogue(app, lang, folder)
    QLocale.setDefault(
        QLocale(QLocale.Language.Thai, QLocale.Country.Thailand)
        if lang == "th"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )
    _state["lang"] = lang if loaded or lang == "en" else "en"
    _state["loaded"] = loaded
    return loaded


def _install_qt_catalogue(app: QCoreApplication, lang: str, ours: object) -> None:
    """Qt's own catalogue (`qtbase_th.qm`) for the file, print and colour dialogs, when this Qt has one
    or it is shipped beside ours; installed before ours, so our wording of Qt's strings wins."""
    for folder in (
        str(ours) if ours is not None else "",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        if not folder:
            continue
        t = QTranslator(app)
        if t.load(QLocale(lang), "qtbase", "_", folder):
            app.installTranslator(t)
            _installed.append(t)
            # our own catalogue must answer first: re-install it on top
            ours_t = _installed[0]
            app.removeTranslator(ours_t)
            app.installTranslator(ours_t)
            return


def current_language() -> str:
    """The language the UI is showing now ("th" only when the Thai catalogue is really loaded)."""
    return str(_state["lang"])
