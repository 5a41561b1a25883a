"""ผู้ประกอบการ / ผู้เข้าร่วม: the people screen (list, search, detail form with live checks)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtWidgets import QComboBox

from dipdesk.core.names import full_name
from dipdesk.core.thaiid import mask_id
from dipdesk.store.people import Person
from dipdesk.ui.pages.base import PageEnv
from dipdesk.ui.records.choices import load_choices
from dipdesk.ui.records.controller import RecordController
from dipdesk.ui.records.fields import Field
from dipdesk.ui.records.list_view import ListTexts
from dipdesk.ui.records.ops import run_read

PERSON_FIELDS = (
    Field("prefix", QT_TRANSLATE_NOOP("Fields", "Title"), "prefix"),
    Field("gender", QT_TRANSLATE_NOOP("Fields", "Gender"), "choice", choices="gender"),
    Field("first_name_th", QT_TRANSLATE_NOOP("Fields", "First name (Thai)"), required=True, max_length=100),
    Field("last_name_th", QT_TRANSLATE_NOOP("Fields", "Last name (Thai)"), max_length=100),
    Field("first_name_en", QT_TRANSLATE_NOOP("Fields", "First name (English)"), max_length=100),
    Field("last_name_en", QT_TRANSLATE_NOOP("Fields", "Last name (English)"), max_length=100),
    Field("national_id", QT_TRANSLATE_NOOP("Fields", "National ID"), "id13"),
    Field("birth_date", QT_TRANSLATE_NOOP("Fields", "Date of birth"), "date"),
    Field(
        "phone",
        QT_TRANSLATE_NOOP("Fields", "Phone"),
        "phone",
        hint=QT_TRANSLATE_NOOP("Fields", "e.g. 081-234-5678"),
    ),
    Field("email", QT_TRANSLATE_NOOP("Fields", "E-mail"), "email", max_length=200),
    Field("province_id", QT_TRANSLATE_NOOP("Fields", "Province"), "ref", ref="provinces"),
    Field("address", QT_TRANSLATE_NOOP("Fields", "Address"), "multiline"),
    Field(
        "consent",
        QT_TRANSLATE_NOOP("Fields", "Gave consent (PDPA) to keep these personal data"),
        "bool",
        wide=True,
    ),
)


def person_title(values: dict[str, Any]) -> str:
    """`นางสมศรี รักไทย`, `นาง Mary Smith`: see `core.names.full_name`."""
    return full_name(values.get("prefix"), values.get("first_name_th"), values.get("last_name_th"))


class PeopleController(RecordController):
    """The list of people, searchable by any part of a name, phone or e-mail, or a full national ID."""

    list_name = "people"
    record_class = Person
    fields = PERSON_FIELDS
    duplicates = True
    widths = {  # noqa: RUF012
        "name": 180,
        "last_name_th": 180,
        "national_id": 150,
        "phone": 118,
        "email": 200,
        "birth_date": 118,
    }

    def __init__(self, env: PageEnv, parent: QObject | None = None) -> None:
        super().__init__(env, parent=parent)
        self.province = QComboBox()
        self.province.setObjectName("provinceFilter")
        self.province.addItem(self.tr("All provinces"), None)
        self.province.setMinimumWidth(170)
        self.province.currentIndexChanged.connect(
            lambda _i: self.model.set_filters(province_id=self.province.currentData())
        )
        self.list.add_filter(self.province)

    def list_texts(self) -> ListTexts:
        return ListTexts(
            count=self.tr("%1 people"),
            search_hint=self.tr("Name, phone, e-mail or 13-digit ID (Ctrl+F)"),
            empty=self.tr(
                "<b>No people are recorded yet.</b><br>Click <b>New person…</b> (Ctrl+N) to add the first "
                "one, or import a class list from Excel."
            ),
            no_match=self.tr(
                "<b>Nobody matches “%1”.</b><br>Check the spelling or type a shorter part of the name "
                "(three letters are enough), choose another province, or press Esc to clear the search."
            ),
            new_label=self.tr("New person…"),
            sheet_title=self.tr("People"),
        )

    def new_title(self) -> str:
        return self.tr("New person")

    def record_title(self, values: dict[str, Any]) -> str:
        return person_title(values) or self.tr("Person")

    def defaults(self) -> dict[str, Any]:
        return {"consent": False}  # PDPA: consent is given, never assumed

    def load(self) -> None:
        super().load()
        if self.province.count() == 1:
            lang = self.lang
            run_read(
                self.db,
                lambda s: load_choices(s, {"provinces"}, lang)["provinces"],
                on_done=self._provinces,
                owner=self.widget,
            )

    def _provinces(self, items: list[tuple[Any, str]]) -> None:
        self.province.blockSignals(True)
        for pid, name in items:
            self.province.addItem(name, pid)
        self.province.blockSignals(False)

    def _record_loaded(self, record_id: str, values: dict[str, Any]) -> None:
        if not self.writable and values.get("national_id"):
            values = dict(values, national_id=mask_id(values["national_id"]))  # PDPA: look, not copy
        super()._record_loaded(record_id, values)
