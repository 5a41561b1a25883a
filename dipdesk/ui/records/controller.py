"""A controller per record area: it owns the list, the detail form and the model, and runs the work.

`RecordController` is the plain object STYLE.md asks for (after Anki's browser table and Vorta's tabs):
the page hands it its dependencies (`PageEnv`), it builds a `QStackedWidget` with the list and the
editor, reacts to the user (open, new, save, delete, cancel) and to change notices (`changed`), and does
all reading and writing in workers through the services. Subclasses say what the area is: its list
(`list_name`), record class, fields, words, and what the detail shows besides the form.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from dipdesk.services import records, search
from dipdesk.services.context import Context
from dipdesk.services.duplicates import PossibleDuplicate, possible_duplicates
from dipdesk.services.errors import ValidationError
from dipdesk.services.search import ListQuery
from dipdesk.store.base import Base
from dipdesk.ui.history import may_see_history, show_history
from dipdesk.ui.models.lazy import LazyTableModel
from dipdesk.ui.pages.base import PageEnv
from dipdesk.ui.records.choices import load_choices
from dipdesk.ui.records.dialogs import DuplicatesDialog
from dipdesk.ui.records.fields import Field, Invalid
from dipdesk.ui.records.form import RecordForm
from dipdesk.ui.records.list_view import ListTexts, RecordList
from dipdesk.ui.records.ops import (
    can_write,
    error_text,
    get_live,
    make_ctx_factory,
    record_values,
    run_read,
    run_write,
)
from dipdesk.ui.widgets import NoticeBox


class RecordEditor(QWidget):
    """The detail half: a title, the form, tabs of related records, and Save / Cancel / Delete.

    The form and the related lists share the height in a splitter, so an activity's training days or an
    enterprise's products are in sight at 1280×800 without scrolling the window: the form scrolls in its
    own pane, and Save / Cancel / Delete stay at the bottom whatever the height.
    """

    RELATED_MIN = 240  # the related lists' pane when first shown: its toolbar, header and a few rows

    def __init__(self, form: RecordForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Back to the list"))
        self.back_button.setToolTip(self.tr("Esc"))
        top.addWidget(self.back_button)
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setMinimumWidth(100)  # a long activity name must not widen the window
        top.addWidget(self.title, 1)
        self.status = QLabel()
        self.status.setObjectName("muted")
        top.addWidget(self.status)
        lay.addLayout(top)

        self.form_scroll = QScrollArea()
        self.form_scroll.setObjectName("formScroll")
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(0, 0, 12, 4)  # room for the scroll bar beside the fields
        inner.addWidget(form)
        inner.addStretch(1)
        self.form_scroll.setWidget(holder)
        self.error_box = NoticeBox(error=True)
        self.error_box.hide()
        upper = QWidget()
        upper_lay = QVBoxLayout(upper)
        upper_lay.setContentsMargins(0, 0, 0, 0)
        upper_lay.addWidget(self.form_scroll, 1)
        upper_lay.addWidget(self.error_box)
        self.tabs = QTabWidget()
        self.tabs.hide()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("detailSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self._split_by_user = False
        self.splitter.splitterMoved.connect(lambda _pos, _i: setattr(self, "_split_by_user", True))
        lay.addWidget(self.splitter, 1)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Esc"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.history_button = QPushButton(self.tr("Edit history"))  # ประวัติการแก้ไข: the audit page
        self.history_button.hide()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        self.area_buttons = (
            QHBoxLayout()
        )  # area buttons (Enroll people…, Attendance…), beside Save: no row of their own
        self.area_buttons.setSpacing(10)
        buttons.addLayout(self.area_buttons)
        buttons.addWidget(self.history_button)
        buttons.addSpacing(24)
        buttons.addWidget(self.delete_button)
        lay.addLayout(buttons)

    # The page scrolls when its content asks for more than the window has, and it asks for its parts'
    # preferred heights: the editor asks for little (the splitter shares whatever it is given), so the
    # page fits the window and Save, the form and the related lists are all in sight.
    PREFERRED_HEIGHT = 460

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(self.minimumSizeHint().height(), self.PREFERRED_HEIGHT))

    def hasHeightForWidth(self) -> bool:
        return False

    def show_related_tabs(self, visible: bool) -> None:
        """Show the related lists under the form (a saved record that has some) or give the form the room."""
        visible = visible and self.tabs.count() > 0
        was = self.tabs.isVisibleTo(self)
        self.tabs.setVisible(visible)
        if visible and not was and not self._split_by_user:
            self._share_height()

    def _share_height(self) -> None:
        """The form as tall as it needs, but the related lists keep at least `RELATED_MIN`."""
        total = sum(self.splitter.sizes()) or self.splitter.height()
        if total <= 0:
            return
        form_height = self.form.sizeHint().height() + 8
        upper = max(120, min(form_height, total - self.RELATED_MIN))
        self.splitter.setSizes([upper, max(0, total - upper)])

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.tabs.isVisibleTo(self) and not self._split_by_user:
            self._share_height()

    def show_error(self, text: str) -> None:
        self.error_box.set_text(html.escape(text))
        self.error_box.setVisible(bool(text))


class RecordController(QObject):
    """The list and the detail of one kind of record. See the module docstring."""

    changed = Signal(str)  # a record of this kind was saved or deleted (its id)
    opened = Signal(str)  # a record is shown in the editor (its id, "" for a new one)
    ready = Signal()  # the list's first page and count arrived (or failed)

    list_name: ClassVar[str] = ""
    record_class: ClassVar[type[Base]]
    fields: ClassVar[Sequence[Field]] = ()
    duplicates: ClassVar[bool] = False
    widths: ClassVar[dict[str, int]] = {}
    optional_columns: ClassVar[tuple[str, ...]] = ()  # left out first to last when the list is narrow
    initial_sort: ClassVar[str] = ""  # the list's first sort ("" = the list's default)
    initial_descending: ClassVar[bool] = False
    extra_refs: ClassVar[frozenset[str]] = frozenset()  # choices the area's dialogs need besides the form's
    code_digits: ClassVar[int] = (
        0  # > 0: a new record's code is suggested, `code_prefix()` + this many digits
    )
    code_depends_on: ClassVar[tuple[str, ...]] = ()  # fields whose change re-suggests an untouched code

    def __init__(
        self,
        env: PageEnv,
        *,
        filters: dict[str, Any] | None = None,
        fixed: dict[str, Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.db = env.db
        self.lang = env.lang
        self.ctx_factory = make_ctx_factory(env.user, env.lang)
        self.writable = can_write(env.user)
        self.current_id: str | None = None
        self.current_values: dict[str, Any] = {}
        self.is_ready = False
        self.save_task: Any = None
        self.duplicates_dialog: DuplicatesDialog | None = None
        self._loaded_choices: dict[str, list[tuple[Any, str]]] = {}
        self._suggested_code = ""  # the code last filled in for a new record ("" = none)
        self._code_request = 0  # the newest suggestion asked for: an older answer arriving late is dropped

        query = ListQuery(
            self.list_name,
            lang=env.lang,
            filters=tuple(sorted((filters or {}).items())),
            sort=self.initial_sort,
            descending=self.initial_descending,
        )
        self.model = LazyTableModel(self.db, query, self)
        self.list = RecordList(self.model, self.list_texts(), lang=env.lang, widths=self.widths)
        self.list.new_button.setEnabled(self.writable)
        self.list.table.set_optional_columns(self.optional_columns)
        self.list.open_requested.connect(self.open_record)
        self.list.new_requested.connect(self.new_record)
        self.model.first_page_loaded.connect(self._maybe_ready)
        self.model.count_changed.connect(self._maybe_ready)
        self.model.load_failed.connect(lambda _exc: self._mark_ready())

        self._fixed = dict(fixed or {})
        self._form: RecordForm | None = None
        self._editor: RecordEditor | None = None
        self.widget = QStackedWidget()
        self.widget.addWidget(self.list)

    # --- the editor, built when first needed (a list screen opens faster without its forms) ----------

    @property
    def form(self) -> RecordForm:
        self._ensure_editor()
        assert self._form is not None
        return self._form

    @property
    def editor(self) -> RecordEditor:
        self._ensure_editor()
        assert self._editor is not None
        return self._editor

    @property
    def editor_built(self) -> bool:
        return self._editor is not None

    def _ensure_editor(self) -> None:
        if self._editor is not None:
            return
        form = RecordForm(self.fields, lang=self.lang, db=self.db, model=self.record_class)
        for key, value in self._fixed.items():
            form.hide_field(key, value)
        editor = RecordEditor(form)
        self._form, self._editor = form, editor
        editor.back_button.clicked.connect(self.cancel)
        editor.cancel_button.clicked.connect(self.cancel)
        editor.save_button.clicked.connect(self.save)
        editor.delete_button.clicked.connect(self.delete)
        editor.history_button.clicked.connect(self.show_history)
        form.changed.connect(lambda: editor.status.setText(""))
        QShortcut(QKeySequence.StandardKey.Save, editor, activated=self.save)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), editor, activated=self.cancel)
        for key in self.code_depends_on:
            form.editors[key].edited.connect(self._code_basis_changed)
        self.build_editor(editor)
        self.widget.addWidget(editor)
        self._load_choices()

    # --- what an area says (subclasses) --------------------------------------------------------------

    def list_texts(self) -> ListTexts:
        raise NotImplementedError

    def new_title(self) -> str:
        raise NotImplementedError

    def record_title(self, values: dict[str, Any]) -> str:
        return str(values.get("name_th") or values.get("code") or "")

    def defaults(self) -> dict[str, Any]:
        """Values a new record starts with."""
        return {}

    def code_prefix(self, session: Session, values: dict[str, Any]) -> str:
        """What a suggested code starts with (`IPC1-E`); see `code_digits`. Runs in a worker: it may read
        `session` and `values` (what the form holds, a copy), never a widget."""
        return ""

    def build_editor(self, editor: RecordEditor) -> None:
        """Add tabs and buttons to the editor (once)."""

    def show_related(self, record_id: str | None, values: dict[str, Any]) -> None:
        """Point the editor's related lists at this record (None: a new, unsaved record)."""

    def create(self, ctx: Context, values: dict[str, Any]) -> Base:
        return records.create(ctx, self.record_class, **values)

    # --- loading ------------------------------------------------------------------------------------

    def load(self) -> None:
        """Show the list (first time) or refresh it (later)."""
        if self.model.is_loaded:
            self.model.refresh()
        else:
            self.model.reload()
        if self._editor is not None:
            self._load_choices()

    def _load_choices(self) -> None:
        refs = self.form.refs() | self.extra_refs
        if not refs:
            return
        lang = self.lang
        run_read(
            self.db, lambda s: load_choices(s, refs, lang), on_done=self._choices_loaded, owner=self.widget
        )

    def _choices_loaded(self, choices: dict[str, list[tuple[Any, str]]]) -> None:
        self._loaded_choices = choices
        for ref, items in choices.items():
            self.form.set_choices(ref, items)

    def _maybe_ready(self) -> None:
        if self.model.is_loaded and not self.model.loading and not self.model.counting:
            self._mark_ready()

    def _mark_ready(self) -> None:
        if not self.is_ready:
            self.is_ready = True
            self.ready.emit()

    # --- opening ------------------------------------------------------------------------------------

    def show_list(self) -> None:
        self.widget.setCurrentWidget(self.list)
        self.list.table.setFocus()

    def new_record(self, prefill: dict[str, Any] | None = None) -> None:
        if not self.writable:
            return
        self.current_id = None
        self.current_values = {}
        values = self.defaults()
        values.update(prefill or {})
        self.form.set_values(values)
        self.form.set_read_only(False)
        self.form.clear_messages()
        self.editor.title.setText(self.new_title())
        self.editor.status.setText("")
        self.editor.show_error("")
        self.editor.delete_button.hide()
        self.editor.history_button.hide()
        self.editor.save_button.setEnabled(True)
        self.editor.show_related_tabs(False)
        self.show_related(None, values)
        self.widget.setCurrentWidget(self.editor)
        self.opened.emit("")
        first = self.form.first_input()
        if first is not None:
            first.setFocus()
        if self.code_digits and "code" in self.form.editors:
            self._suggested_code = ""
            self._suggest_code()

    def _suggest_code(self) -> None:
        """Fill the new record's code with the next free one (a worker reads the highest in use)."""
        code = self.form.editors["code"]
        table, digits, prefix_of = self.list_name, self.code_digits, self.code_prefix
        values = self.form.raw_values()
        self._code_request += 1
        request = self._code_request

        def read(session: Session) -> str:
            return search.next_code(session.connection(), table, prefix_of(session, values), digits)

        def fill(suggested: str) -> None:
            # not another record by now, not a newer suggestion, not typed over
            if self.current_id is None and request == self._code_request and self._code_untouched():
                code.set_value(suggested)
                self._suggested_code = suggested

        run_read(self.db, read, on_done=fill, owner=self.widget)

    def _code_untouched(self) -> bool:
        text = self.form.editors["code"].text().strip()
        return not text or text == self._suggested_code

    def _code_basis_changed(self) -> None:
        """A field the code is made from changed (an activity's program): suggest again, unless the user
        typed a code of their own."""
        if (
            self.current_id is None
            and self._editor is not None
            and self.widget.currentWidget() is self._editor
            and self._code_untouched()
        ):
            self._suggest_code()

    def open_record(self, record_id: str) -> None:
        """Load the record in a worker and show it in the editor."""
        self.current_id = record_id
        self.editor.title.setText(self.tr("Loading…"))
        self.editor.status.setText("")
        self.editor.show_error("")
        self.form.set_read_only(True)
        self.editor.save_button.setEnabled(False)
        self.widget.setCurrentWidget(self.editor)
        model = self.record_class

        def read(session: Session) -> dict[str, Any]:
            return record_values(get_live(session, model, record_id))

        run_read(
            self.db,
            read,
            on_done=lambda values: self._record_loaded(record_id, values),
            on_error=self._load_failed,
            owner=self.widget,
        )

    def _record_loaded(self, record_id: str, values: dict[str, Any]) -> None:
        if record_id != self.current_id:
            return
        self.current_values = values
        self.form.set_values(values)
        self.form.set_read_only(not self.writable)
        self.form.clear_messages()
        self.editor.title.setText(self.record_title(values))
        self.editor.save_button.setEnabled(self.writable)
        self.editor.delete_button.setVisible(self.writable)
        self.editor.history_button.setVisible(may_see_history(self.env.user))
        self.editor.show_related_tabs(True)
        self.show_related(record_id, values)
        self.opened.emit(record_id)
        first = self.form.first_input()
        if first is not None and self.writable:
            first.setFocus()

    def _load_failed(self, exc: BaseException) -> None:
        self.editor.title.setText("")
        self.editor.show_error(error_text(exc, self.lang))

    # --- saving -------------------------------------------------------------------------------------

    def save(self) -> None:
        if self._editor is None or self.widget.currentWidget() is not self._editor:
            return
        if not self.writable or self.save_task is not None:
            return
        if not self.editor.save_button.isEnabled():
            return
        self.editor.show_error("")
        if self.form.validate() is not None:
            self.editor.status.setText(self.tr("Please correct the fields marked in red."))
            return
        try:
            values = self.form.values()
        except Invalid:
            return
        if self.current_id is None and self.duplicates:
            self._check_duplicates(values)
        else:
            self._write(values)

    def _check_duplicates(self, values: dict[str, Any]) -> None:
        kind, lang = self.list_name, self.lang
        self.editor.status.setText(self.tr("Looking for possible duplicates…"))
        self.editor.save_button.setEnabled(False)
        run_read(
            self.db,
            lambda s: possible_duplicates(s, kind, values, lang=lang),
            on_done=lambda found: self._duplicates_found(values, found),
            on_error=self._save_failed,
            owner=self.widget,
        )

    def _duplicates_found(self, values: dict[str, Any], found: list[PossibleDuplicate]) -> None:
        self.editor.save_button.setEnabled(True)
        self.editor.status.setText("")
        if not found:
            self._write(values)
            return
        dialog = DuplicatesDialog(found, self.lang, self.widget)
        self.duplicates_dialog = dialog

        def chosen(action: str, record_id: str) -> None:
            self.duplicates_dialog = None
            if action == "open":
                self.open_record(record_id)
            elif action == "create":
                self._write(values)

        dialog.chosen.connect(chosen)
        dialog.open()

    def _write(self, values: dict[str, Any]) -> None:
        record_id = self.current_id
        model = self.record_class
        create = self.create

        def write(ctx: Context) -> tuple[str, dict[str, Any]]:
            if record_id is None:
                obj = create(ctx, values)
            else:
                obj = records.get(ctx, model, record_id)
                records.update(ctx, obj, **values)
            return obj.id, record_values(obj)  # type: ignore[attr-defined]

        self.editor.save_button.setEnabled(False)
        self.editor.status.setText(self.tr("Saving…"))
        self.save_task = run_write(
            self.db,
            self.ctx_factory,
            write,
            on_done=self._saved,
            on_error=self._save_failed,
            owner=self.widget,
        )

    def _saved(self, result: tuple[str, dict[str, Any]]) -> None:
        self.save_task = None
        record_id, values = result
        created = self.current_id is None
        self.current_id = record_id
        self.current_values = values
        self.form.set_values(values)
        self.editor.title.setText(self.record_title(values))
        self.editor.status.setText(self.tr("Saved."))
        self.editor.save_button.setEnabled(True)
        self.editor.delete_button.setVisible(True)
        if created:
            self.editor.show_related_tabs(True)
            self.show_related(record_id, values)
            self.opened.emit(record_id)
        self.model.refresh()
        self.changed.emit(record_id)

    def _save_failed(self, exc: BaseException) -> None:
        self.save_task = None
        self.editor.save_button.setEnabled(True)
        self.editor.status.setText("")
        message = error_text(exc, self.lang)
        if isinstance(exc, ValidationError) and self.form.show_error(exc.field, message):
            self.editor.status.setText(self.tr("Please correct the fields marked in red."))
            return
        self.editor.show_error(message)

    def show_history(self) -> None:
        """The audit page filtered to the open record."""
        if self.current_id is not None:
            show_history((self.current_id,), self.record_title(self.current_values))

    # --- leaving and deleting -----------------------------------------------------------------------

    def cancel(self) -> None:
        if self._editor is None or self.widget.currentWidget() is not self._editor:
            return
        if self.writable and self.form.is_dirty() and not self._confirm_discard():
            return
        self.current_id = None
        self.show_list()

    def _confirm_discard(self) -> bool:
        box = QMessageBox(self.widget)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("Leave without saving? What you typed in this form will be lost."))
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("Leave without saving"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return bool(box.exec() == QMessageBox.StandardButton.Ok)

    def delete(self) -> None:
        if self.current_id is None or not self.writable:
            return
        box = QMessageBox(self.widget)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete"))
        box.setText(
            self.tr("Delete %1? It disappears from the lists; the audit trail keeps a record of it.").replace(
                "%1", self.editor.title.text()
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("Delete"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() != QMessageBox.StandardButton.Ok:
            return
        record_id, model = self.current_id, self.record_class

        def remove(ctx: Context) -> str:
            records.soft_delete(ctx, records.get(ctx, model, record_id))
            return record_id

        def done(rid: str) -> None:
            self.current_id = None
            self.model.refresh()
            self.changed.emit(rid)
            self.show_list()

        run_write(
            self.db, self.ctx_factory, remove, on_done=done, on_error=self._save_failed, owner=self.widget
        )
