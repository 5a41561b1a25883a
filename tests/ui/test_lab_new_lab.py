"""A new lab is not a dead end (issue 11): a shipped catalog, a hint when it is empty, product types
to pick rather than to guess."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from dipdesk.services import lab
from dipdesk.ui.lab.catalog import _AddSpecDialog
from dipdesk.ui.lab.dialogs import ReceiveDialog


def test_a_new_installation_has_tests_to_request(seeded_db) -> None:  # type: ignore[no-untyped-def]
    with seeded_db.session() as s:
        codes = [t.code for t in lab.catalog_tests(s)]
    assert "STD-MOIST" in codes and len(codes) >= 12


def test_the_sample_dialog_says_what_to_do_when_the_catalog_is_empty(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ReceiveDialog([], [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty_hint.isVisible()
    assert "แท็บ" in dialog.empty_hint.text() or "Catalog" in dialog.empty_hint.text()
    assert dialog.check() != ""  # cannot be saved with nothing to request


def test_the_specification_dialog_offers_product_types_in_words(qtbot) -> None:  # type: ignore[no-untyped-def]
    tests = [{"code": "STD-PH", "name_th": "ความเป็นกรด-ด่าง"}]
    dialog = _AddSpecDialog(tests, ["honey-wine"], None)
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.product_type
    assert isinstance(box, QComboBox) and not box.isEditable()
    labels = [box.itemText(i) for i in range(box.count())]
    assert labels[0] == "อาหาร (food)" and "เครื่องสำอาง (cosmetic)" in labels
    assert labels[-1] == "honey-wine"  # a type the lab already used
    qtbot.keyClick(box, Qt.Key.Key_Down)  # the keyboard picks the next one
    dialog.max_value.setText("4.5")
    assert dialog.check() == ""
    assert dialog.value()["product_type"] == "beverage"


def test_the_sample_dialog_keeps_its_buttons_on_a_short_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.ui.dialogs import available_rect, buttons_inside
    from dipdesk.ui.lab.dialogs import CatalogTest

    tests = [CatalogTest(f"id{i}", f"T{i}", f"รายการ {i}", 100.0) for i in range(30)]
    dialog = ReceiveDialog(tests, [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    area = available_rect(dialog)
    assert dialog.height() <= area.height()
    assert buttons_inside(dialog, area) == []
