"""ตั้งค่า: this computer's preferences (language, theme, central server), saved with `Settings.save()`."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from dipdesk.paths import home_dir
from dipdesk.ui import theme
from dipdesk.ui.pages.base import AreaPage


class SettingsPage(AreaPage):
    view_name = "settings"
    listens_to = frozenset({"users", "sync"})

    def description(self) -> str:
        return self.tr(
            "Preferences of this computer: language, appearance and the address of the department's "
            "central server. The data folder and the database file are shown for backups."
        )

    def needs_loading(self) -> bool:
        return False  # nothing from the database: the preferences are already in memory

    def build(self) -> None:
        s = self.env.settings
        form = QFormLayout()
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(12)

        self.language = QComboBox()
        self.language.addItem("ไทย", "th")  # each language named in itself
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        self.language.setMinimumWidth(170)
        self.language_note = QLabel(self.tr("A new language applies the next time dipdesk starts."))
        self.language_note.setObjectName("muted")
        lang_row = QHBoxLayout()
        lang_row.setSpacing(14)
        lang_row.addWidget(self.language)
        lang_row.addWidget(self.language_note, 1)
        form.addRow(self.tr("Language"), lang_row)

        self.theme = QComboBox()
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.theme.setCurrentIndex(max(0, self.theme.findData(s.theme)))
        self.theme.setMinimumWidth(170)
        self.theme.currentIndexChanged.connect(self._theme_chosen)
        theme_note = QLabel(self.tr("Applies at once."))
        theme_note.setObjectName("muted")
        theme_row = QHBoxLayout()
        theme_row.setSpacing(14)
        theme_row.addWidget(self.theme)
        theme_row.addWidget(theme_note, 1)
        form.addRow(self.tr("Theme"), theme_row)
        theme.notifier.changed.connect(self._theme_changed)

        self.server = QLineEdit(s.server_url)
        self.server.setPlaceholderText("https://dipdesk.dip.go.th")
        self.server.setMaximumWidth(560)
        self.server_error = QLabel()
        self.server_error.setObjectName("errorText")
        self.server_error.hide()
        form.addRow(self.tr("Central server address"), self.server)
        form.addRow("", self.server_error)

        self.interval = QSpinBox()
        self.interval.setRange(5, 24 * 60)
        self.interval.setValue(s.sync_interval_minutes)
        self.interval.setSuffix(" " + self.tr("minutes"))
        self.interval.setFixedWidth(170)
        form.addRow(self.tr("Synchronise every"), self.interval)

        self.thai_digits = QCheckBox(self.tr("Use Thai digits (๐๑๒…) on printed forms and certificates"))
        self.thai_digits.setChecked(s.thai_digits_on_forms)
        form.addRow("", self.thai_digits)

        self.data_folder = QLineEdit(str(home_dir()))
        self.data_folder.setReadOnly(True)
        form.addRow(self.tr("Data folder"), self.data_folder)
        self.db_file = QLineEdit(self.env.db.display_path)
        self.db_file.setReadOnly(True)
        form.addRow(self.tr("Database file"), self.db_file)
        self.body.addLayout(form)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("okText")
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.saved_label, 1)
        self.body.addLayout(buttons)

    def _theme_chosen(self, index: int) -> None:
        name = self.theme.itemData(index)
        if name:
            theme.switch_theme(self.env.settings, name)

    def _theme_changed(self, name: str) -> None:
        i = self.theme.findData(name)
        if i >= 0 and i != self.theme.currentIndex():
            self.theme.blockSignals(True)
            self.theme.setCurrentIndex(i)
            self.theme.blockSignals(False)

    def save(self) -> bool:
        """Check and save the preferences; says so next to the button."""
        url = self.server.text().strip()
        if url and not url.startswith(("http://", "https://")):
            self.server_error.setText(self.tr("The address must start with https:// (or http://)."))
            self.server_error.show()
            self.saved_label.clear()
            return False
        self.server_error.hide()
        s = self.env.settings
        old_language = s.language
        s.language = self.language.currentData()
        s.server_url = url
        s.sync_interval_minutes = self.interval.value()
        s.thai_digits_on_forms = self.thai_digits.isChecked()
        s.theme = self.theme.currentData()
        try:
            s.save()
        except OSError as exc:
            self.saved_label.setObjectName("errorText")
            self.saved_label.setText(self.tr("The settings could not be saved: %1").replace("%1", str(exc)))
            self.saved_label.style().polish(self.saved_label)
            return False
        self.saved_label.setObjectName("okText")
        self.saved_label.style().polish(self.saved_label)
        if s.language != old_language:
            self.saved_label.setText(self.tr("Saved. Restart dipdesk to see the new language."))
        else:
            self.saved_label.setText(self.tr("Saved."))
        return True
