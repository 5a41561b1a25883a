"""Log-in answers an unknown user as slowly as a wrong password (issue 17, item 12): the time of the
answer does not tell which user names exist."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from dipdesk.services.auth import authenticate
from dipdesk.store.db import open_database, session_factory, transaction


def test_an_unknown_user_takes_as_long_as_a_wrong_password(tmp_path: Path) -> None:
    from dipdesk.services.setup import first_run

    eng = open_database(tmp_path / "site.sqlite3")
    with transaction(eng) as s:
        first_run(s, "IPC1", "admin", "password-1234", "ผู้ดูแลระบบ")

    def timed(user: str, password: str) -> float:
        with session_factory(eng)() as s:
            started = time.perf_counter()
            assert authenticate(s, user, password) is None
            return time.perf_counter() - started

    timed("nobody", "x")  # warm-up (the dummy hash is made once)
    wrong = statistics.median(timed("admin", "wrong-password") for _ in range(7))
    unknown = statistics.median(timed(f"nobody{i}", "wrong-password") for i in range(7))
    eng.dispose()
    assert unknown > 0.4 * wrong, (
        f"unknown user {unknown * 1000:.1f} ms vs wrong password {wrong * 1000:.1f} ms"
    )
