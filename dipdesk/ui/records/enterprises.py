"""กิจการ / สถานประกอบการ, their products (ผลิตภัณฑ์), outcomes (ผลลัพธ์, read-only here), groups
(กลุ่ม/คลัสเตอร์) and service records (การให้บริการ)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout
from sqlalchemy.orm import Session

from dipdesk.core.kpi import economic_value, format_baht
from dipdesk.core.thaidate import fiscal_year, fiscal_year_range
from dipdesk.services import numbering, outcomes, records
from dipdesk.services.context import Context
from dipdesk.store.base import Base
from dipdesk.store.outcomes import Outcome, ServiceRecord
from dipdesk.store.people import Enterprise, Group, Product
from dipdesk.ui.models.columns import code_choices
from dipdesk.ui.pages.base import PageEnv
from dipdesk.ui.records.controller import RecordController, RecordEditor
from dipdesk.ui.records.dialogs import RecordDialog
from dipdesk.ui.records.fields import Field, Invalid, tr
from dipdesk.ui.records.list_view import ListTexts
from dipdesk.ui.records.ops import get_live, record_values, run_read
from dipdesk.ui.records.sublist import SubList

ENTERPRISE_FIELDS = (
    Field("code", QT_TRANSLATE_NOOP("Fields", "Code"), required=True, max_length=40),
    Field("kind", QT_TRANSLATE_NOOP("Fields", "Type"), "choice", required=True, choices="kind"),
    Field("name_th", QT_TRANSLATE_NOOP("Fields", "Name (Thai)"), required=True, max_length=300, wide=True),
    Field("name_en", QT_TRANSLATE_NOOP("Fields", "Name (English)"), max_length=300, wide=True),
    Field("registration_id", QT_TRANSLATE_NOOP("Fields", "Juristic registration ID"), "id13"),
    Field("size", QT_TRANSLATE_NOOP("Fields", "Size"), "choice", required=True, choices="size"),
    Field(
        "tsic_code",
        QT_TRANSLATE_NOOP("Fields", "TSIC industry code"),
        "tsic",
        hint=QT_TRANSLATE_NOOP("Fields", "up to 5 digits"),
    ),
    Field("phone", QT_TRANSLATE_NOOP("Fields", "Phone"), "phone"),
    Field("province_id", QT_TRANSLATE_NOOP("Fields", "Province"), "ref", ref="provinces"),
    Field("postcode", QT_TRANSLATE_NOOP("Fields", "Postcode"), "postcode"),
    Field("group_id", QT_TRANSLATE_NOOP("Fields", "Group or cluster"), "ref", ref="groups", wide=True),
    Field("address", QT_TRANSLATE_NOOP("Fields", "Address"), "multiline"),
)

PRODUCT_FIELDS = (
    Field("name_th", QT_TRANSLATE_NOOP("Fields", "Product name"), required=True, max_length=300),
    Field("product_type", QT_TRANSLATE_NOOP("Fields", "Product type"), "choice", choices="product_type"),
    Field(
        "developed_in_program_id",
        QT_TRANSLATE_NOOP("Fields", "Developed in program"),
        "ref",
        ref="programs",
    ),
    Field("developed_on", QT_TRANSLATE_NOOP("Fields", "Developed on"), "date"),
    Field("description", QT_TRANSLATE_NOOP("Fields", "Description"), "multiline"),
)

SERVICE_FIELDS = (
    Field(
        "enterprise_id",
        QT_TRANSLATE_NOOP("Fields", "Enterprise"),
        "picker",
        required=True,
        ref="enterprises",
        wide=True,
    ),
    Field(
        "service_kind",
        QT_TRANSLATE_NOOP("Fields", "Service"),
        "choice",
        required=True,
        choices="service_kind",
    ),
    Field("day", QT_TRANSLATE_NOOP("Fields", "Date"), "date", required=True),
    Field("program_id", QT_TRANSLATE_NOOP("Fields", "Program"), "ref", ref="programs"),
    Field("hours", QT_TRANSLATE_NOOP("Fields", "Hours"), "decimal"),
    Field("staff_name", QT_TRANSLATE_NOOP("Fields", "Staff"), max_length=200),
    Field("description", QT_TRANSLATE_NOOP("Fields", "What was done"), "multiline"),
)

OUTCOME_FIELDS = (
    Field("period_start", QT_TRANSLATE_NOOP("Fields", "Period starts"), "date", required=True),
    Field("period_end", QT_TRANSLATE_NOOP("Fields", "Period ends"), "date", required=True),
    Field("program_id", QT_TRANSLATE_NOOP("Fields", "Program"), "ref", ref="programs"),
    Field("revenue_before", QT_TRANSLATE_NOOP("Fields", "Revenue before (baht)"), "money"),
    Field("revenue_after", QT_TRANSLATE_NOOP("Fields", "Revenue after (baht)"), "money"),
    Field("cost_saved", QT_TRANSLATE_NOOP("Fields", "Costs saved (baht)"), "money"),
    Field("investment", QT_TRANSLATE_NOOP("Fields", "Investment induced (baht)"), "money"),
    Field("jobs_created", QT_TRANSLATE_NOOP("Fields", "Jobs created"), "int"),
    Field("new_products", QT_TRANSLATE_NOOP("Fields", "New products"), "int"),
    Field("note", QT_TRANSLATE_NOOP("Fields", "Note"), max_length=400),
)

GROUP_FIELDS = (
    Field("code", QT_TRANSLATE_NOOP("Fields", "Code"), required=True, max_length=40),
    Field("kind", QT_TRANSLATE_NOOP("Fields", "Type"), "choice", required=True, choices="group_kind"),
    Field("name_th", QT_TRANSLATE_NOOP("Fields", "Name"), required=True, max_length=300, wide=True),
    Field("province_id", QT_TRANSLATE_NOOP("Fields", "Province"), "ref", ref="provinces"),
)


def _create(model: type[Base]) -> Any:
    def save(ctx: Context, values: dict[str, Any]) -> str:
        return str(records.create(ctx, model, **values).id)  # type: ignore[attr-defined]

    return save


def _update(model: type[Base], record_id: str) -> Any:
    def save(ctx: Context, values: dict[str, Any]) -> str:
        records.update(ctx, records.get(ctx, model, record_id), **values)
        return record_id

    return save


class EnterprisesController(RecordController):
    """Enterprises, with their products, service records and outcomes in the detail."""

    list_name = "enterprises"
    code_digits = 6
    record_class = Enterprise
    fields = ENTERPRISE_FIELDS
    duplicates = True
    extra_refs = frozenset({"programs"})  # the product and service-record dialogs
    widths = {  # noqa: RUF012
        "code": 122,
        "name_th": 300,
        "kind": 125,
        "registration_id": 140,
        "tsic_code": 62,
        "size": 90,
        "province": 115,
        "phone": 110,
    }

    def __init__(self, env: PageEnv, parent: QObject | None = None) -> None:
        super().__init__(env, parent=parent)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.addItem(self.tr("All types"), None)
        for code, words in code_choices("kind"):
            self.kind_filter.addItem(words, code)
        self.kind_filter.currentIndexChanged.connect(
            lambda _i: self.model.set_filters(kind=self.kind_filter.currentData())
        )
        self.list.add_filter(self.kind_filter)

    def list_texts(self) -> ListTexts:
        return ListTexts(
            count=self.tr("%1 enterprises"),
            search_hint=self.tr("Name, code or registration ID (Ctrl+F)"),
            empty=self.tr(
                "<b>No enterprises are recorded yet.</b><br>Click <b>New enterprise…</b> (Ctrl+N) to add one."
            ),
            no_match=self.tr(
                "<b>No enterprise matches “%1”.</b><br>Check the spelling, type a shorter part of the name, "
                "choose another type, or press Esc to clear the search."
            ),
            new_label=self.tr("New enterprise…"),
            sheet_title=self.tr("Enterprises"),
        )

    def new_title(self) -> str:
        return self.tr("New enterprise")

    def defaults(self) -> dict[str, Any]:
        return {"kind": "juristic", "size": "micro"}

    def code_prefix(self, session: Session, values: dict[str, Any]) -> str:
        return numbering.code_prefix(session, f"{self.env.user.site_code}-E")

    def build_editor(self, editor: RecordEditor) -> None:
        self.products = SubList(
            self.db,
            "products",
            "enterprise_id",
            ListTexts(
                count=self.tr("%1 products"),
                search_hint="",
                empty=self.tr("No products yet. Click <b>New product…</b> to add one."),
                no_match="",
                new_label=self.tr("New product…"),
                sheet_title=self.tr("Products"),
            ),
            self.tr("Save the enterprise first; then its products can be added here."),
            lang=self.lang,
            writable=self.writable,
            hidden_columns=("enterprise",),
            widths={"name_th": 260, "product_type": 160, "program": 160},
        )
        self.products.new_requested.connect(lambda: self.edit_product(None))
        self.products.open_requested.connect(self.edit_product)
        editor.tabs.addTab(self.products, self.tr("Products"))
        self.services = SubList(
            self.db,
            "service_records",
            "enterprise_id",
            ListTexts(
                count=self.tr("%1 service records"),
                search_hint="",
                empty=self.tr("No services recorded yet. Click <b>New service record…</b> to add a visit."),
                no_match="",
                new_label=self.tr("New service record…"),
                sheet_title=self.tr("Service records"),
            ),
            self.tr("Save the enterprise first; then its service records can be added here."),
            lang=self.lang,
            writable=self.writable,
            hidden_columns=("enterprise",),
            widths={"day": 110, "service_kind": 220, "program": 140, "hours": 60, "staff_name": 170},
        )
        self.services.new_requested.connect(lambda: self.edit_service(None))
        self.services.open_requested.connect(self.edit_service)
        editor.tabs.addTab(self.services, self.tr("Service records"))
        self.outcomes = SubList(
            self.db,
            "outcomes",
            "enterprise_id",
            ListTexts(
                count=self.tr("%1 outcome periods"),
                search_hint="",
                empty=self.tr(
                    "No outcomes recorded for this enterprise yet. Click <b>New outcome period…</b> to record its "
                    "revenue, costs saved, jobs and new products for a period; the economic value is computed "
                    "from them."
                ),
                no_match="",
                new_label=self.tr("New outcome period…"),
                sheet_title=self.tr("Outcomes"),
            ),
            self.tr("Save the enterprise first; then its outcomes can be recorded here."),
            lang=self.lang,
            writable=self.writable,
        )
        self.outcomes.new_requested.connect(lambda: self.edit_outcome(None))
        self.outcomes.open_requested.connect(self.edit_outcome)
        editor.tabs.addTab(self.outcomes, self.tr("Outcomes"))
        self.dialog: RecordDialog | None = None
        self.value_line: QLabel | None = None  # the outcome dialog's computed economic value

    def show_related(self, record_id: str | None, values: dict[str, Any]) -> None:
        for sub in (self.products, self.services, self.outcomes):
            sub.set_parent_id(record_id)

    # --- products and service records, in dialogs --------------------------------------------------

    def _edit(
        self,
        title: str,
        fields: tuple[Field, ...],
        model: type[Base],
        record_id: str | None,
        fixed: dict[str, Any],
        sub: SubList,
        defaults: dict[str, Any] | None = None,
        save: Any = None,
    ) -> RecordDialog | None:
        if record_id is None and not self.writable:
            return None
        if save is None:
            save = _create(model) if record_id is None else _update(model, record_id)

        def show(values: dict[str, Any]) -> None:
            dialog = RecordDialog(
                title,
                fields,
                values,
                save,
                db=self.db,
                ctx_factory=self.ctx_factory,
                lang=self.lang,
                fixed=fixed,
                read_only=not self.writable,
                model=model,
                parent=self.widget,
            )
            for ref, items in self._loaded_choices.items():
                dialog.form.set_choices(ref, items)
            dialog.saved.connect(lambda _rid: sub.refresh())
            self.dialog = dialog
            if model is Outcome:
                self.value_line = _add_value_line(dialog)
            dialog.open()

        if record_id is None:
            show(dict(defaults or {}))
            return self.dialog
        run_read(
            self.db,
            lambda s: record_values(get_live(s, model, record_id)),
            on_done=show,
            on_error=lambda exc: self.editor.show_error(str(exc)),
            owner=self.widget,
        )
        return None

    def edit_product(self, record_id: str | None) -> None:
        title = self.tr("New product") if record_id is None else self.tr("Product")
        fixed = {"enterprise_id": self.current_id}
        self._edit(title, PRODUCT_FIELDS, Product, record_id, fixed, self.products, {"product_type": "food"})

    def edit_service(self, record_id: str | None) -> None:
        title = self.tr("New service record") if record_id is None else self.tr("Service record")
        fixed = {"enterprise_id": self.current_id}
        defaults = {"service_kind": "consulting", "staff_name": self.env.user.display_name}
        self._edit(title, SERVICE_FIELDS, ServiceRecord, record_id, fixed, self.services, defaults)

    def edit_outcome(self, record_id: str | None) -> RecordDialog | None:
        """ผลลัพธ์: an enterprise's figures for a period, saved through `services.outcomes` (the economic
        value is computed from them, shown live in the dialog, never typed)."""
        enterprise_id = self.current_id
        if enterprise_id is None:
            return None
        title = self.tr("New outcome period") if record_id is None else self.tr("Outcome period")

        def save(ctx: Context, values: dict[str, Any]) -> str:
            v = dict(values)
            if record_id is None:
                start, end, program = v.pop("period_start"), v.pop("period_end"), v.pop("program_id", None)
                return str(
                    outcomes.record_outcome(
                        ctx, enterprise_id, period_start=start, period_end=end, program_id=program, **v
                    ).id
                )
            v["fiscal_year"] = fiscal_year(v["period_end"])  # the year follows the period's end
            outcomes.update_outcome(ctx, records.get(ctx, Outcome, record_id), **v)
            return record_id

        today = dt.date.today()  # by default: this fiscal year so far
        defaults = {"period_start": fiscal_year_range(fiscal_year(today))[0], "period_end": today}
        return self._edit(title, OUTCOME_FIELDS, Outcome, record_id, {}, self.outcomes, defaults, save)


VALUE_LINE = QT_TRANSLATE_NOOP(
    "Fields", "Economic value created: %1 baht (revenue gained + costs saved + investment)"
)
VALUE_PENDING = QT_TRANSLATE_NOOP("Fields", "The economic value is computed once the figures are numbers.")


def _add_value_line(dialog: RecordDialog) -> QLabel:
    """Under the figures: the economic value they make, recomputed as the user types."""
    line = QLabel()
    line.setObjectName("muted")
    line.setWordWrap(True)
    layout = dialog.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(layout.indexOf(dialog.form) + 1, line)

    def update() -> None:
        figures: dict[str, Decimal] = {}
        for key in ("revenue_before", "revenue_after", "cost_saved", "investment"):
            try:
                figures[key] = Decimal(dialog.form.editors[key].value() or 0)
            except Invalid:
                line.setText(tr(VALUE_PENDING))
                return
        value = economic_value(**figures)
        line.setText(tr(VALUE_LINE).replace("%1", format_baht(value)))

    dialog.form.changed.connect(update)
    update()
    return line


class GroupsController(RecordController):
    """Groups and clusters, with their member enterprises."""

    list_name = "groups"
    code_digits = 4
    record_class = Group
    fields = GROUP_FIELDS
    widths = {"code": 120, "name_th": 380, "kind": 200, "province": 140}  # noqa: RUF012
    open_enterprise = Signal(str)

    def list_texts(self) -> ListTexts:
        return ListTexts(
            count=self.tr("%1 groups"),
            search_hint=self.tr("Group name or code (Ctrl+F)"),
            empty=self.tr(
                "<b>No groups or clusters yet.</b><br>Click <b>New group…</b> (Ctrl+N) to add one."
            ),
            no_match=self.tr("<b>No group matches “%1”.</b><br>Press Esc to clear the search."),
            new_label=self.tr("New group…"),
            sheet_title=self.tr("Groups"),
        )

    def new_title(self) -> str:
        return self.tr("New group or cluster")

    def defaults(self) -> dict[str, Any]:
        return {"kind": "cluster"}

    def code_prefix(self, session: Session, values: dict[str, Any]) -> str:
        return numbering.code_prefix(session, f"{self.env.user.site_code}-G")

    def build_editor(self, editor: RecordEditor) -> None:
        self.members = SubList(
            self.db,
            "enterprises",
            "group_id",
            ListTexts(
                count=self.tr("%1 member enterprises"),
                search_hint="",
                empty=self.tr(
                    "No member enterprises yet. Open an enterprise and choose this group in its form."
                ),
                no_match="",
                sheet_title=self.tr("Members"),
            ),
            self.tr("Save the group first."),
            lang=self.lang,
            writable=False,
            widths={"code": 120, "name_th": 300},
        )
        self.members.open_requested.connect(self.open_enterprise)
        editor.tabs.addTab(self.members, self.tr("Member enterprises"))

    def show_related(self, record_id: str | None, values: dict[str, Any]) -> None:
        self.members.set_parent_id(record_id)


class ServiceRecordsController(RecordController):
    """Every service delivered (consulting visits, design jobs, matching events…), newest first."""

    list_name = "service_records"
    record_class = ServiceRecord
    fields = SERVICE_FIELDS
    widths = {  # noqa: RUF012
        "day": 110,
        "service_kind": 220,
        "enterprise": 260,
        "program": 130,
        "hours": 60,
        "staff_name": 160,
    }

    initial_sort = "day"
    initial_descending = True

    def __init__(self, env: PageEnv, parent: QObject | None = None) -> None:
        super().__init__(env, parent=parent)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All services"), None)
        for code, words in code_choices("service_kind"):
            self.kind_filter.addItem(words, code)
        # the longest service name is a sentence: keep the bar's room for the search and the count
        self.kind_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind_filter.setMinimumContentsLength(16)
        self.kind_filter.view().setMinimumWidth(self.kind_filter.view().sizeHintForColumn(0) + 24)
        self.kind_filter.currentIndexChanged.connect(
            lambda _i: self.model.set_filters(service_kind=self.kind_filter.currentData())
        )
        self.list.add_filter(self.kind_filter)

    def list_texts(self) -> ListTexts:
        return ListTexts(
            count=self.tr("%1 service records"),
            search_hint=self.tr("Staff, service or what was done (Ctrl+F)"),
            empty=self.tr(
                "<b>No services recorded yet.</b><br>Click <b>New service record…</b> (Ctrl+N) to record a "
                "consulting visit, a design job or a matching event."
            ),
            no_match=self.tr("<b>No service record matches “%1”.</b><br>Press Esc to clear the search."),
            new_label=self.tr("New service record…"),
            sheet_title=self.tr("Service records"),
        )

    def new_title(self) -> str:
        return self.tr("New service record")

    def record_title(self, values: dict[str, Any]) -> str:
        from dipdesk.ui.models.columns import code_label
        from dipdesk.ui.widgets import format_date

        return f"{code_label('service_kind', values.get('service_kind') or '')} · {format_date(values.get('day'))}"

    def defaults(self) -> dict[str, Any]:
        return {"service_kind": "consulting", "staff_name": self.env.user.display_name}
