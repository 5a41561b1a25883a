"""Helpers of the sync tests: the REAL server process (`python -m dipdesk.sync.server.cli serve`) on a free loopback
port and talk HTTP to it, on SQLite always and on PostgreSQL when `DIPDESK_TEST_PG_URL` is set (each
server gets a fresh PostgreSQL schema, dropped afterwards).

One server serves a whole test module; tests stay independent by each taking a site of their own
(the department has 24 sites). Usernames are unique per site (migration 0005).
"""

from __future__ import annotations

import contextlib
import io
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, create_engine, text

from dipdesk.store.reference_data import SITES

PG_URL = os.environ.get("DIPDESK_TEST_PG_URL", "")
PASSWORD = "password-1234"  # of every user the sync tests make (first run, add_user)
BACKENDS = ["sqlite", pytest.param("pg", marks=pytest.mark.pg)]
ALL_SITES = [s["code"] for s in SITES]


_HTTP: list[httpx.Client] = []


def http() -> httpx.Client:
    """One HTTP client for the tests' raw requests (a new client per request costs a TLS context)."""
    if not _HTTP:
        _HTTP.append(httpx.Client(timeout=60))
    return _HTTP[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    backend: str
    db: str
    port: int
    log: Path
    env: dict[str, str] = field(default_factory=dict)
    proc: subprocess.Popen[bytes] | None = None
    sites: list[str] = field(default_factory=lambda: list(ALL_SITES))
    args: list[str] = field(default_factory=list)  # more `serve` options, e.g. ["--workers", "2"]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> Server:
        env = {**os.environ, **self.env}
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "dipdesk.sync.server.cli",
                    "serve",
                    "--db",
                    self.db,
                    "--port",
                    str(self.port),
                    *self.args,
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"server exited with {self.proc.returncode}:\n{self.log.read_text()[-3000:]}"
                )
            try:
                if http().get(f"{self.url}/api/v1/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server did not answer within {timeout} s:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)

    def kill(self) -> None:
        """SIGKILL: the server dies mid-work, as in a power cut."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def take_site(self) -> str:
        return self.sites.pop(0)

    def enroll_code(self, site: str) -> str:
        from dipdesk.sync.server.db import connect, new_enrol_code

        db = connect(self.db, migrate=False)
        try:
            return new_enrol_code(db, site)
        finally:
            db.dispose()

    def engine(self) -> Engine:
        from dipdesk.sync.server.db import connect

        return connect(self.db, migrate=False).read

    def scalar(self, sql: str, **params: Any) -> Any:
        eng = self.engine()
        try:
            with eng.connect() as conn:
                return conn.execute(text(sql), params).scalar()
        finally:
            eng.dispose()


@contextlib.contextmanager
def pg_schema() -> Iterator[str]:
    """A fresh PostgreSQL schema; yields a URL whose connections use it."""
    if not PG_URL:
        pytest.skip(
            "PostgreSQL tests need DIPDESK_TEST_PG_URL (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)"
        )
    name = f"t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {name}"))
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{name}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
        admin.dispose()


@contextlib.contextmanager
def running_server(backend: str, folder: Path, env: dict[str, str] | None = None) -> Iterator[Server]:
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        db = stack.enter_context(pg_schema()) if backend == "pg" else str(folder / "server.sqlite3")
        server = Server(backend=backend, db=db, port=free_port(), log=folder / "server.log", env=env or {})
        server.start()
        try:
            yield server
        finally:
            server.stop()


@pytest.fixture(scope="module", params=BACKENDS)
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(request.param, tmp_path_factory.mktemp(f"server-{request.param}")) as s:
        yield s


# --- devices -------------------------------------------------------------------------------------------------


_TEMPLATE: dict[str, Path] = {}


def _template_db() -> Path:
    """A migrated, empty database file, made once per test session and copied for each device (running
    the migrations for every device would dominate the sync tests' time)."""
    if "path" not in _TEMPLATE:
        import tempfile

        from dipdesk.store.db import open_database

        folder = Path(tempfile.mkdtemp(prefix="dipdesk-template-"))
        path = folder / "template.sqlite3"
        eng = open_database(path)
        with eng.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        eng.dispose()
        _TEMPLATE["path"] = path
    return _TEMPLATE["path"]


class Device:
    """One installation: its own SQLite file, enrolled with the server."""

    def __init__(self, path: Path, server: Server, name: str) -> None:
        import shutil

        from dipdesk.store.db import open_database

        if not path.exists():
            shutil.copyfile(_template_db(), path)
        self.path = path
        self.server = server
        self.name = name
        self.engine = open_database(path)
        self.url = server.url

    def first_run(self, site: str, username: str | None = None) -> None:
        from dipdesk.services.setup import first_run
        from dipdesk.store.db import transaction

        with transaction(self.engine) as s:
            first_run(s, site, username or f"admin_{site.lower()}_{self.name}", PASSWORD, "ผู้ดูแล")

    def enroll(self, site: str, url: str | None = None) -> None:
        from dipdesk.sync.client import enroll

        enroll(self.engine, url or self.url, self.server.enroll_code(site), label=self.name)

    def sync(self, **kw: Any) -> Any:
        from dipdesk.sync.client import sync_once

        return sync_once(self.engine, **kw)

    def sync_ok(self, **kw: Any) -> Any:
        report = self.sync(**kw)
        assert report.ok, report.error
        return report

    def cli(self, *argv: str) -> tuple[int, str, str]:
        """`dipdesk --db THIS …`, in process (as support staff would type it)."""
        from dipdesk.cli import main

        out, err = io.StringIO(), io.StringIO()
        # a `--user` proves that user's password: every user these tests make has PASSWORD
        saved = os.environ.get("DIPDESK_PASSWORD")
        os.environ.setdefault("DIPDESK_PASSWORD", PASSWORD)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(["--db", str(self.path), *argv])
        finally:
            if saved is None:
                os.environ.pop("DIPDESK_PASSWORD", None)
        return code, out.getvalue(), err.getvalue()

    def verify(self) -> Any:
        from dipdesk.sync.client import verify

        return verify(self.engine)

    def assert_converged(self) -> None:
        result = self.verify()
        assert result.identical, (result.differing, result.pending, result.parked)

    def ctx(self) -> Any:
        from dipdesk.store.db import transaction

        return transaction(self.engine)

    def scalar(self, sql: str, **params: Any) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(text(sql), params).scalar()

    def pending(self) -> int:
        return int(self.scalar("SELECT count(*) FROM sync_outbox WHERE state = 'pending'"))

    def close(self) -> None:
        self.engine.dispose()


@pytest.fixture
def devices(tmp_path: Path) -> Iterator[Any]:
    made: list[Device] = []

    def make(server: Server, name: str) -> Device:
        d = Device(tmp_path / f"{name}.sqlite3", server, name)
        made.append(d)
        return d

    yield make
    for d in made:
        d.close()


def create_person(device: Device, **fields: Any) -> str:
    from dipdesk.services import records
    from dipdesk.services.context import system_context
    from dipdesk.store.people import Person

    values = {"prefix": "นาง", "first_name_th": "สมศรี", "last_name_th": "ใจดี", "phone": "0811111111"}
    values.update(fields)
    with device.ctx() as s:
        return str(records.create(system_context(s), Person, **values).id)


def pair(server: Server, devices: Any) -> tuple[str, Device, Device]:
    """A site with two devices that hold the same data: A set up the site, B enrolled and pulled."""
    site = server.take_site()
    a, b = devices(server, "a"), devices(server, "b")
    a.first_run(site)
    a.enroll(site)
    a.sync_ok()
    b.enroll(site)
    b.sync_ok()
    return site, a, b


def demo_device(server: Server, devices: Any, name: str, site: str, participants: int = 300) -> Device:
    """A device whose database the demo filled (bulk rows, no outbox), enrolled. The demo names its users
    admin, staff… at every site: a login is per site (migration 0005), so they never collide."""
    from dipdesk.services.demo import build_demo

    d: Device = devices(server, name)
    build_demo(d.engine, site_code=site, participants=participants)
    d.enroll(site)
    return d


def edit(device: Device, kind: str, ident: str, *assignments: str, user: str | None = None) -> str:
    argv = ["edit", kind, ident, *assignments] + (["--user", user] if user else [])
    code, out, err = device.cli(*argv)
    assert code == 0, err
    return out


def cli_sync(device: Device, *argv: str) -> str:
    code, out, err = device.cli("sync", *argv)
    assert code == 0, (out, err)
    return out


def conflicts(device: Device, *, all_: bool = False) -> list[dict[str, Any]]:
    import json

    code, out, err = device.cli("sync", "conflicts", "--format", "json", *(["--all"] if all_ else []))
    assert code == 0, err
    rows: list[dict[str, Any]] = json.loads(out)
    return rows


def add_user(device: Device, username: str, role: str = "staff") -> str:
    from dipdesk.services.context import system_context
    from dipdesk.services.setup import create_user

    with device.ctx() as s:
        return str(create_user(system_context(s), username, PASSWORD, role=role).id)
