"""Translators: ours (resources/translations/opsdesk_<lang>.qm) and Qt's own (qtbase_<lang>.qm),
which also turns the layout right-to-left for Persian."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

# (code, name in its own language). English is the source language: it needs no file.
LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("zh_CN", "简体中文"))

_installed: list[QTranslator] = []
LEFT_TO_RIGHT = {"en", "zh_CN"}
_rtl_set = False


def _set_direction(app: QCoreApplication, lang: str) -> None:
    global _rtl_set
    from PySide6.QtCore import Qt  # importing the name builds Qt's enums: only when needed

    rtl = QLocale(lang).textDirection() == Qt.LayoutDirection.RightToLeft
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    _rtl_set = rtl


def system_language() -> str:
    name = QLocale.system().name()  # e.g. zh_CN, en_US
    if name.startswith("zh"):
        return "zh_CN"
    return "en"


def resolve(lang: str | None) -> str:
    codes = {c for c, _ in LANGUAGES}
    if lang in codes:
        return lang
    if lang and lang.split("_")[0] in {c.split("_")[0] for c in codes}:
        return next(c for c in codes if c.split("_")[0] == lang.split("_")[0])
    return system_language()


def qt_translations_dir(resources: Path) -> list[Path]:
    from PySide6.QtCore import QLibraryInfo  # only for a language other than English

    return [resources / "translations",
            Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]


def install(app: QCoreApplication, lang: str, resources: Path) -> str:
    """Replace the installed translators with those for ``lang``; returns the language used."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if lang != "en":
        ours = QTranslator(app)
        if ours.load(f"opsdesk_{lang}", str(resources / "translations")):
            app.installTranslator(ours)
            _installed.append(ours)
        for folder in qt_translations_dir(resources):
            qt = QTranslator(app)
            if qt.load(f"qtbase_{lang}", str(folder)):
                app.installTranslator(qt)
                _installed.append(qt)
                break
    # Settings shows this as the current choice even when the language came from the system.
    app.setProperty("opsdesk_language", lang)
    QLocale.setDefault(QLocale(lang if lang != "en" else "en_US"))
    # Touching Qt's namespace enums builds all of them (tens of milliseconds): only a language
    # that could be right-to-left pays for it, and a left-to-right one only when switching back.
    if hasattr(app, "setLayoutDirection") and (lang not in LEFT_TO_RIGHT or _rtl_set):
        _set_direction(app, lang)
    return lang
