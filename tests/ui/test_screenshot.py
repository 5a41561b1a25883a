"""`take_screenshot` renders every view to a PNG, offscreen, without dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from dipdesk.ui.pages import VIEW_NAMES
from dipdesk.ui.screenshot import VIEWS, take_screenshot


def test_views_match_the_cli_and_the_window() -> None:
    from dipdesk.cli import VIEWS as CLI_VIEWS

    assert VIEWS == VIEW_NAMES == CLI_VIEWS


def test_every_view_is_written_as_a_png(qtbot, seeded_db, db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    for view in VIEWS:
        out = tmp_path / f"{view}.png"
        take_screenshot(str(db_path), view, str(out))
        image = QImage(str(out))
        assert (image.width(), image.height()) == (1280, 800), view
    printed = capsys.readouterr().out
    assert "lang=th" in printed and "font=Loma" in printed


def test_english_dark(qtbot, seeded_db, db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "people-en-dark.png"
    take_screenshot(str(db_path), "people", str(out), lang="en", theme="dark")
    assert out.stat().st_size > 10_000
    assert "lang=en" in capsys.readouterr().out


def test_unknown_view_lists_the_valid_ones(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="dashboard, programs, people"):
        take_screenshot(str(tmp_path / "x.sqlite3"), "reports", str(tmp_path / "x.png"))


def test_database_without_first_run_says_run_demo(qtbot, empty_db, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RuntimeError, match="dipdesk demo"):
        take_screenshot(str(db_path), "dashboard", str(tmp_path / "x.png"))
    missing = tmp_path / "typo.sqlite3"
    with pytest.raises(RuntimeError, match="dipdesk demo"):
        take_screenshot(str(missing), "dashboard", str(tmp_path / "x.png"))
    assert not missing.exists(), "a screenshot never creates a database"
