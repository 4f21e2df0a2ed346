"""Installing a language: our catalogue and Qt's own (qtbase_zh_CN.qm) both answer, English
needs no file, and switching back removes the translators again."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox

from opsdesk.ui import i18n


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def test_chinese_translates_our_strings_and_qts(qapp, resources):
    assert i18n.install(qapp, "zh_CN", resources) == "zh_CN"
    assert tr("MainWindow", "Staff & Roles") == "员工与角色"
    assert tr("Roles", "Front desk") == "前台"
    assert tr("Errors", "User name or PIN/password is wrong.") == "用户名或 PIN 码/密码错误。"
    # Qt's own words come from qtbase_zh_CN.qm (found in resources/translations or Qt's folder).
    assert tr("QPlatformTheme", "Cancel") == "取消"
    assert tr("QWizard", "&Next >") == "下一步(&N) >"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                           | QDialogButtonBox.StandardButton.Cancel)
    assert sorted(b.text() for b in box.buttons()) == sorted(["保存", "取消"])
    assert QLocale().name() == "zh_CN"
    assert qapp.property("opsdesk_language") == "zh_CN"
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_back_to_english_removes_the_translators(qapp, resources):
    i18n.install(qapp, "zh_CN", resources)
    assert i18n.install(qapp, "en", resources) == "en"
    assert tr("MainWindow", "Staff & Roles") == "Staff & Roles"
    assert tr("QPlatformTheme", "Cancel") == "Cancel"
    assert qapp.property("opsdesk_language") == "en"


def test_qt_catalogue_is_found_somewhere(resources):
    assert any((folder / "qtbase_zh_CN.qm").exists()
               for folder in i18n.qt_translations_dir(resources))


def test_language_codes_resolve():
    assert i18n.resolve("zh_CN") == "zh_CN"
    assert i18n.resolve("zh_TW") == "zh_CN"
    assert i18n.resolve("en") == "en"
    assert i18n.resolve("en_GB") == "en"
