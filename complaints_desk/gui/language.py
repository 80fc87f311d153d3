"""Korean first, English at run time. Installing or removing a translator makes Qt send every widget a
QEvent.LanguageChange, and each widget's `retranslate()` sets its strings again (no restart)."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .packaged import KOREAN_QM, resource_file


class Language(StrEnum):
    KOREAN = "ko"
    ENGLISH = "en"


_current = Language.KOREAN
_installed: list[QTranslator] = []  # the application's translators: one set, whoever installed them


def current() -> Language:
    return _current


def korean() -> bool:
    return _current is Language.KOREAN


class Languages:
    """The application's translators: ours (complaints_desk/resources/translations) and Qt's own (dialog buttons and the like)."""

    def use(self, language: Language) -> None:
        global _current
        app = QCoreApplication.instance()
        assert app is not None
        for translator in _installed:
            app.removeTranslator(translator)
        _installed.clear()
        _current = language
        if language is Language.KOREAN:
            ours = QTranslator(app)
            compiled = resource_file(KOREAN_QM)
            if not ours.load(str(compiled)):
                raise FileNotFoundError(compiled)
            qt = QTranslator(app)
            if qt.load(
                QLocale(QLocale.Language.Korean),
                "qtbase",
                "_",
                QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
            ):
                _installed.append(qt)
            _installed.append(ours)
            QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
        else:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        for translator in _installed:
            app.installTranslator(translator)
