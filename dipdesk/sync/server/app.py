"""The central service (`dipdesk-server`): FastAPI over the shared store models.

JSON in and out, gzip-compressed both ways (a request body with `Content-Encoding: gzip` is inflated
here; a response is compressed when the client accepts it). Every payload carries `schema_version`
(GET requests in the `X-Dipdesk-Schema` header). Devices authenticate with their id and secret in the
`X-Dipdesk-Device` / `X-Dipdesk-Secret` headers; their site decides what they may read and write.

Malformed input never yields a 500: validation errors are 422, anything else unexpected is answered
with 400 and a message (503 when the database itself is unavailable).
"""

from __future__ import annotations

import gzip
import hashlib
import hmac
import json
import logging
import re
import threading
import time
import zlib
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import AfterValidator, BaseModel, Field
from sqlalchemy import Text as SQLText
from sqlalchemy import cast, exists, false, func, insert, or_, select, true
from sqlalchemy.exc import OperationalError

from dipdesk import __version__
from dipdesk.store import jsoncodec
from dipdesk.store.reference import Site
from dipdesk.store.sync import CHANGES, DEVICES, FILE_CHUNKS, FILES
from dipdesk.sync import protocol
from dipdesk.sync.digest import table_digests
from dipdesk.sync.server.db import ServerDB, connect, hash_secret, prepare
from dipdesk.sync.server.devices import EnrolRefused, enrol
from dipdesk.sync.server.push import Device, SeqGap, apply_push, last_applied
from dipdesk.sync.server.push_body import BodyRefused, read_push
from dipdesk.sync.server.scope import file_visible
from dipdesk.sync.server.validate import precheck

log = logging.getLogger("dipdesk.server")

MAX_BODY = 32 * 1024 * 1024  # compressed or not
MAX_INFLATED = 96 * 1024 * 1024
MAX_CHUNK = 4 * 1024 * 1024
PUSH_WAIT_SECONDS = 20.0
PUSH_POLL_SECONDS = 0.1
MAX_WAITERS_PER_DEVICE = 2
MAX_WAITERS = 16
SHA_RE = re.compile(r"^[0-9a-f]{64}$")

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


class GzipRequestMiddleware:
    """Inflate request bodies sent with `Content-Encoding: gzip` (bounded, so no zip bomb gets through)."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        encoding = headers.get(b"content-encoding", b"").decode("latin-1").strip().lower()
        if encoding in ("", "identity"):
            await self.app(scope, receive, send)
            return
        if encoding != "gzip":
            await _plain_error(send, 415, f"unsupported Content-Encoding {encoding!r} (use gzip)")
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body.extend(message.get("body", b""))
            more = message.get("more_body", False)
            if len(body) > MAX_BODY:
                await _plain_error(send, 413, "request body too large")
                return
        try:
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            inflated = d.decompress(bytes(body), MAX_INFLATED)
            if d.unconsumed_tail:
                await _plain_error(send, 413, "request body too large once inflated")
                return
            if not d.eof:
                raise zlib.error("truncated gzip stream")
        except zlib.error as exc:
            await _plain_error(send, 400, f"request body is not valid gzip: {exc}")
            return
        new_headers = [
            (k, v) for k, v in scope["headers"] if k.lower() not in (b"content-encoding", b"content-length")
        ]
        new_headers.append((b"content-length", str(len(inflated)).encode()))
        scope = dict(scope)
        scope["headers"] = new_headers
        sent = False

        async def replay() -> MutableMapping[str, Any]:
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": inflated, "more_body": False}

        await self.app(scope, replay, send)


class CatchAllMiddleware:
    """Whatever goes wrong inside, the answer is a 400 with a message (503 when the database is down),
    never a 500 nor a dropped connection. HTTP and validation errors never get here: FastAPI answers
    them first (4xx)."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: MutableMapping[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            log.exception("refused a request (%s %s)", scope.get("method"), scope.get("path"))
            if started:
                return
            if isinstance(exc, OperationalError):
                await _plain_error(send, 503, "database unavailable, try again later")
            else:
                await _plain_error(send, 400, f"request could not be processed: {type(exc).__name__}")


async def _plain_error(send: Send, status: int, message: str) -> None:
    body = json.dumps({"detail": message}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


# --- request bodies ----------------------------------------------------------------------------------------


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("NUL characters are not allowed")
    return value


Text = Annotated[str, AfterValidator(_no_nul)]


class EnrollIn(BaseModel):
    schema_version: int
    code: Text = Field(min_length=1, max_length=64)
    device_id: Text | None = Field(default=None, max_length=36)
    site_id: Text | None = Field(default=None, max_length=36)  # the site the device's database belongs to
    label: Text = Field(default="", max_length=200)


class ExistsIn(BaseModel):
    schema_version: int
    ids: dict[Annotated[Text, Field(max_length=60)], list[Annotated[Text, Field(max_length=36)]]]


class FileStatusIn(BaseModel):
    schema_version: int
    hashes: list[Annotated[str, Field(max_length=64)]] = Field(max_length=10000)


# --- dependencies (module level, so FastAPI can resolve their annotations) --------------------------------


def _check_version(client: int | None, version: int) -> int:
    if client is None:
        raise HTTPException(
            400, "schema_version is missing (send it in the body or the X-Dipdesk-Schema header)"
        )
    if client > version:
        raise HTTPException(
            426,
            f"โปรแกรมในเครื่องนี้ใหม่กว่าเซิร์ฟเวอร์ (รุ่นข้อมูล {client} > {version}) "
            f"ต้องปรับรุ่นเซิร์ฟเวอร์ก่อนจึงจะซิงค์ได้ / This client speaks schema version {client}, "
            f"newer than this server's {version}: upgrade the server before syncing.",
        )
    if client < 1:
        raise HTTPException(400, "schema_version must be a positive number")
    return client


def header_version(request: Request, x_dipdesk_schema: Annotated[str | None, Header()] = None) -> int:
    version = int(request.app.state.schema_version)
    if x_dipdesk_schema is None or not x_dipdesk_schema.strip().isdigit():
        return _check_version(None, version)
    return _check_version(int(x_dipdesk_schema.strip()[:9]), version)


def auth(
    request: Request,
    x_dipdesk_device: Annotated[str | None, Header()] = None,
    x_dipdesk_secret: Annotated[str | None, Header()] = None,
) -> Device:
    if (
        not x_dipdesk_device
        or not x_dipdesk_secret
        or len(x_dipdesk_device) > 36
        or len(x_dipdesk_secret) > 200
    ):
        raise HTTPException(401, "device credential missing: enrol this device first")
    db: ServerDB = request.app.state.db
    dt = DEVICES
    with db.quick.connect() as conn:
        row = conn.execute(
            select(dt.c.id, dt.c.site_id, dt.c.secret_hash, dt.c.revoked, Site.code)
            .join(Site, Site.id == dt.c.site_id)
            .where(dt.c.id == x_dipdesk_device)
        ).first()
    if row is None or not hmac.compare_digest(row.secret_hash, hash_secret(x_dipdesk_secret)):
        raise HTTPException(401, "unknown device or wrong secret")
    if row.revoked:
        raise HTTPException(401, "this device has been revoked; enrol it again with a new code")
    return Device(id=row.id, site_id=row.site_id, site_code=row.code)


# --- the app ------------------------------------------------------------------------------------------------


def create_app(
    db_url: str,
    *,
    schema_version: int | None = None,
    fields_since: dict[int, dict[str, tuple[str, ...]]] | None = None,
    migrate: bool = True,
) -> FastAPI:
    """The server application over the database at `db_url` (a SQLite path or a SQLAlchemy URL);
    `migrate=False` when the database was migrated and prepared already (`serve --workers N`)."""
    db: ServerDB = connect(db_url, migrate=migrate)
    if migrate:
        prepare(db)
    version = schema_version or protocol.SCHEMA_VERSION
    since_map = fields_since if fields_since is not None else protocol.FIELDS_SINCE

    app = FastAPI(
        title="dipdesk-server",
        version=__version__,
        description="Central sync service of dipdesk (Department of Industrial Promotion).",
    )
    app.state.db = db
    app.state.schema_version = version
    app.add_middleware(GzipRequestMiddleware)
    app.add_middleware(CatchAllMiddleware)

    @app.exception_handler(OperationalError)
    async def _db_down(request: Request, exc: OperationalError) -> JSONResponse:
        log.exception("database error")
        return JSONResponse({"detail": "database unavailable, try again later"}, status_code=503)

    @app.exception_handler(Exception)
    async def _anything(request: Request, exc: Exception) -> JSONResponse:
        log.exception("refused a request")
        return JSONResponse(
            {"detail": f"request could not be processed: {type(exc).__name__}"}, status_code=400
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))}
            for e in exc.errors()[:20]
        ]
        return JSONResponse({"detail": errors}, status_code=422)

    # -- helpers ---------------------------------------------------------------------------------------------

    def respond(request: Request, payload: dict[str, Any] | bytes, status: int = 200) -> Response:
        """The answer as JSON (gzip when accepted); `payload` may be a JSON object already written out
        (bytes), which must then carry `schema_version` itself."""
        if isinstance(payload, bytes):
            body = payload
        else:
            payload.setdefault("schema_version", version)
            # backslash escapes: text that is not valid Unicode (refused on push since issue 17, but
            # perhaps stored before) shows escaped instead of failing every answer that contains it
            body = jsoncodec.dumps_bytes(payload)
        if len(body) > 512 and "gzip" in request.headers.get("accept-encoding", ""):
            return Response(
                gzip.compress(body, 6),
                status_code=status,
                media_type="application/json",
                headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"},
            )
        return Response(body, status_code=status, media_type="application/json")

    def check_version(client: int | None) -> int:
        return _check_version(client, version)

    # -- endpoints -------------------------------------------------------------------------------------------

    @app.get("/api/v1/health")
    async def health(request: Request) -> Response:
        return respond(request, {"ok": True, "service": "dipdesk-server", "version": __version__})

    @app.post("/api/v1/enroll")
    def enroll(request: Request, body: EnrollIn) -> Response:
        check_version(body.schema_version)
        try:
            with db.write.begin() as conn:
                done = enrol(conn, body.code, body.device_id, body.site_id, body.label)
        except EnrolRefused as refused:
            raise HTTPException(refused.status, refused.message) from None
        return respond(request, {"device_id": done.device_id, "secret": done.secret, "site": done.site})

    waiters: dict[str, int] = {}
    waiters_lock = threading.Lock()
    # the highest seq of each device a push of this process committed, and a condition notified at each
    # such commit: a batch waiting for the one before it wakes when that one is applied here, instead of
    # asking the database every few milliseconds while the other applies (its CPU); pushes applied by
    # another worker process are still seen, by the database check at each `PUSH_POLL_SECONDS`
    applied_here: dict[str, int] = {}
    turn = threading.Condition(waiters_lock)

    def _wait_for_turn(device_id: str, first_seq: int) -> None:
        """A batch that overtook the one before it (two in flight) waits here, outside the write lock,
        until the earlier one is applied (or a while has passed: then the gap is reported). Waiting holds
        a worker thread, so only `MAX_WAITERS_PER_DEVICE` batches of a device and `MAX_WAITERS` in all
        may wait; more are told the gap at once (issue 17: 60 such pushes stalled the server 19.6 s)."""
        with waiters_lock:
            if applied_here.get(device_id, -1) >= first_seq - 1:
                return
        with db.quick.connect() as conn:
            if last_applied(conn, device_id) >= first_seq - 1:
                return
        with waiters_lock:
            if waiters.get(device_id, 0) >= MAX_WAITERS_PER_DEVICE or sum(waiters.values()) >= MAX_WAITERS:
                return
            waiters[device_id] = waiters.get(device_id, 0) + 1
        try:
            deadline = time.monotonic() + PUSH_WAIT_SECONDS
            while (left := deadline - time.monotonic()) > 0:
                with turn:
                    turn.wait_for(
                        lambda: applied_here.get(device_id, -1) >= first_seq - 1,
                        timeout=min(left, PUSH_POLL_SECONDS),
                    )
                    if applied_here.get(device_id, -1) >= first_seq - 1:
                        return
                with db.read.connect() as conn:
                    if last_applied(conn, device_id) >= first_seq - 1:
                        return
        finally:
            with waiters_lock:
                waiters[device_id] -= 1
                if not waiters[device_id]:
                    del waiters[device_id]

    def _applied(device_id: str, acked: int) -> None:
        """A push of `device_id` up to seq `acked` is committed: wake the batch waiting for it."""
        with turn:
            if acked > applied_here.get(device_id, -1):
                applied_here[device_id] = acked
            turn.notify_all()

    def _push(request: Request, device: Device, body: bytes) -> Response:
        try:
            schema_version, raw, acked_before, clean = read_push(body)
        except BodyRefused as refused:
            return JSONResponse({"detail": refused.errors}, status_code=422)
        check_version(schema_version)
        prechecked = precheck(raw, clean=clean)  # while an earlier batch of the device may still be applied
        if raw:
            _wait_for_turn(device.id, min(c["seq"] for c in raw))
        try:
            with db.write.begin() as conn:
                result = apply_push(conn, device, raw, acked_before=acked_before, prechecked=prechecked)
        except SeqGap as gap:
            return respond(request, {"detail": str(gap), "expected": gap.expected}, 409)
        _applied(device.id, result.acked)
        return respond(
            request,
            {
                "acked": result.acked,
                "rejected": result.rejected,
                "applied": result.applied,
                "parked": result.parked,
                "conflicts": result.conflicts,
                "replayed": result.replayed,
            },
        )

    @app.post("/api/v1/push")
    async def push(request: Request, device: Annotated[Device, Depends(auth)]) -> Response:
        """The body is read here and parsed once in the worker thread (`push_body`: orjson, the shape
        checked change by change), not through a validation model per change (issue 12)."""
        body = await request.body()
        return await run_in_threadpool(_push, request, device, body)

    @app.get("/api/v1/pull")
    def pull(
        request: Request,
        device: Annotated[Device, Depends(auth)],
        client_version: Annotated[int, Depends(header_version)],
        since: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=protocol.PULL_MAX_LIMIT)] = protocol.PULL_DEFAULT_LIMIT,
        shared: Annotated[bool, Query()] = False,
        mine: Annotated[bool, Query()] = False,
    ) -> Response:
        """The log after `since` that this device's site may see: its own site's records, reference
        data, and rows other sites own that it is entitled to (`protocol.shared_rows`, decided on the
        row as it is now). `shared=true` answers with those last ones only: a device that pulled under
        an older scope rule catches up on them without pulling everything again. `mine=true` includes the
        device's own changes (a device restored from a backup gets back what it uploaded after it)."""
        c = CHANGES.c
        tables = protocol.synced_tables()
        entitled = []
        for name in protocol.SHARED_TABLES:
            info = tables[name]
            rule = protocol.shared_rows(info, device.site_id)
            if rule is not None:
                t = info.table
                entitled.append(
                    (c.table_name == name) & exists(select(t.c.id).where(t.c.id == c.record_id, rule))
                )
        others = or_(false(), *entitled)
        if shared:
            visible = (c.site_id != device.site_id) & others
        else:
            visible = (c.site_id == device.site_id) | c.site_id.is_(None) | others
        unknown_fields = _unknown_fields(since_map, client_version)
        changes: list[str] = []  # each change as JSON text, around the log's stored JSON of its fields
        size = 0
        more = False
        with db.quick.connect() as conn:
            # Everything up to `top` is committed (log writers hold the log lock until they commit), so
            # when the answer is complete the cursor may jump to `top`, past this device's own changes.
            top = int(conn.execute(select(func.max(c.server_seq))).scalar() or 0)
            q = (
                select(
                    c.server_seq,
                    c.table_name,
                    c.record_id,
                    cast(c.fields, SQLText).label("fields"),  # the stored JSON text itself
                    c.hlc,
                    c.device_id,
                    c.user_id,
                )
                .where(
                    c.server_seq > since,
                    c.server_seq <= top,
                    visible,
                    # a device's own changes never come back, except to a device restored from a backup
                    # (`dipdesk.sync.restore`): what it uploaded after the backup was made
                    true() if mine else c.device_id != device.id,
                )
                .order_by(c.server_seq)
                .limit(limit + 1)
            )
            rows = conn.execute(q).all()
        cursor = since
        # a larger batch (a first download's) may be larger in bytes too, up to its own bound
        cap = protocol.PULL_MAX_BYTES if limit <= protocol.PULL_DEFAULT_LIMIT else protocol.PULL_FIRST_BYTES
        for i, r in enumerate(rows):
            if i >= limit or size > cap:
                more = True
                break
            cursor = r.server_seq
            fields: str = r.fields or "{}"
            drop = unknown_fields.get(r.table_name)
            if drop is not None:
                if "*" in drop:
                    continue
                decoded = jsoncodec.loads(fields)
                fields = jsoncodec.dumps({k: v for k, v in decoded.items() if k not in drop})
            dumps = jsoncodec.dumps
            item = (
                f'{{"s":{int(r.server_seq)},"t":{dumps(r.table_name)},"id":{dumps(r.record_id)},"f":{fields},'
                f'"h":{dumps(r.hlc)},"d":{dumps(r.device_id)}'
            )
            if r.user_id:
                item += f',"u":{dumps(r.user_id)}'
            changes.append(item + "}")
            size += len(fields) + 150
        if not more:
            cursor = max(cursor, top, since)
        body = (
            f'{{"changes":[{",".join(changes)}],"cursor":{int(cursor)},"more":{"true" if more else "false"},'
            f'"schema_version":{int(version)}}}'
        )
        return respond(request, body.encode("utf-8", "backslashreplace"))

    @app.post("/api/v1/exists")
    def exists_(request: Request, body: ExistsIn, device: Annotated[Device, Depends(auth)]) -> Response:
        check_version(body.schema_version)
        if sum(len(v) for v in body.ids.values()) > 10000:
            raise HTTPException(413, "at most 10,000 ids per request")
        tables = protocol.synced_tables()
        answer: dict[str, dict[str, str]] = {}
        with db.read.connect() as conn:
            for name, ids in body.ids.items():
                info = tables.get(name)
                if info is None:
                    raise HTTPException(422, f"unknown table {name!r}")
                t = info.table
                found: dict[str, str] = {}
                for i in range(0, len(ids), 500):
                    q = select(t.c.id, t.c.deleted).where(t.c.id.in_(ids[i : i + 500]))
                    scope = protocol.in_scope(info, device.site_id)
                    if scope is not None:
                        q = q.where(scope)
                    for rid, deleted in conn.execute(q):
                        found[rid] = "deleted" if deleted else "live"
                answer[name] = {rid: found.get(rid, "unknown") for rid in ids}
        return respond(request, {"ids": answer})

    @app.get("/api/v1/digest")
    def digest(
        request: Request,
        device: Annotated[Device, Depends(auth)],
        client_version: Annotated[int, Depends(header_version)],
    ) -> Response:
        with db.read.connect() as conn:
            tables = table_digests(conn, device.site_id)
            top = conn.execute(select(func.max(CHANGES.c.server_seq))).scalar() or 0
        return respond(request, {"tables": tables, "server_seq": top, "site": device.site_code})

    @app.get("/api/v1/keys")
    def keys(request: Request) -> Response:
        with db.read.connect() as conn:
            rows = conn.execute(
                select(Site.id, Site.code, Site.name_th, Site.public_key)
                .where(Site.deleted.is_(False), Site.public_key != "")
                .order_by(Site.code)
            ).all()
        return respond(
            request,
            {
                "keys": [
                    {"site_id": r.id, "code": r.code, "name_th": r.name_th, "public_key": r.public_key}
                    for r in rows
                ]
            },
        )

    from dipdesk.sync.server.routes_national import add_routes  # national figures, national-ID look-up

    add_routes(app, db, auth, header_version, respond)

    # -- files -------------------------------------------------------------------------------------------------

    def _sha(sha256: str) -> str:
        if not SHA_RE.match(sha256):
            raise HTTPException(422, "a file is addressed by its SHA-256 in lower-case hex")
        return sha256

    @app.post("/api/v1/files/status")
    def file_status(
        request: Request, body: FileStatusIn, device: Annotated[Device, Depends(auth)]
    ) -> Response:
        check_version(body.schema_version)
        hashes = [_sha(h) for h in body.hashes]
        ft = FILES
        out: dict[str, Any] = {h: None for h in hashes}
        with db.read.connect() as conn:
            for i in range(0, len(hashes), 500):
                for r in conn.execute(select(ft).where(ft.c.sha256.in_(hashes[i : i + 500]))).mappings():
                    out[r["sha256"]] = {
                        "received": r["received"],
                        "total": r["total"],
                        "complete": r["complete"],
                    }
        return respond(request, {"files": out})

    def _store_chunk(
        sha: str, offset: int, total: int, data: bytes, site_id: str
    ) -> tuple[int, dict[str, Any]]:
        ft, ct = FILES, FILE_CHUNKS
        with db.write.begin() as conn:
            found = conn.execute(select(ft).where(ft.c.sha256 == sha)).mappings().first()
            row: dict[str, Any] = dict(found) if found else {"received": 0, "total": total, "complete": False}
            if found is None:
                conn.execute(
                    insert(ft).values(sha256=sha, total=total, received=0, complete=False, site_id=site_id)
                )
            if row["complete"]:
                return 200, {"received": row["total"], "total": row["total"], "complete": True}
            if row["total"] != total:
                return 409, {
                    "detail": "total size differs from the upload in progress",
                    "received": row["received"],
                }
            if offset != row["received"]:
                return 409, {"detail": "resume from the offset the server has", "received": row["received"]}
            received = offset + len(data)
            if received > total:
                return 400, {"detail": "more bytes than the announced total", "received": row["received"]}
            if data:
                conn.execute(insert(ct).values(sha256=sha, offset=offset, data=data))
            complete = False
            if received == total:
                h = hashlib.sha256()
                for (chunk,) in conn.execute(
                    select(ct.c.data).where(ct.c.sha256 == sha).order_by(ct.c.offset)
                ):
                    h.update(chunk)
                if h.hexdigest() != sha:
                    conn.execute(ct.delete().where(ct.c.sha256 == sha))
                    conn.execute(ft.update().where(ft.c.sha256 == sha).values(received=0))
                    return 422, {
                        "detail": "content does not match its SHA-256; upload it again",
                        "received": 0,
                    }
                complete = True
            conn.execute(ft.update().where(ft.c.sha256 == sha).values(received=received, complete=complete))
        return 200, {"received": received, "total": total, "complete": complete}

    @app.put("/api/v1/files/{sha256}")
    async def put_file(
        request: Request,
        sha256: Annotated[str, Path(max_length=64)],
        device: Annotated[Device, Depends(auth)],
        offset: Annotated[int, Query(ge=0, le=2**40)] = 0,
        total: Annotated[int, Query(ge=0, le=2**40)] = 0,
    ) -> Response:
        sha = _sha(sha256)
        data = await request.body()
        if len(data) > MAX_CHUNK:
            raise HTTPException(413, f"send files in chunks of at most {MAX_CHUNK} bytes")
        status, payload = await run_in_threadpool(_store_chunk, sha, offset, total, data, device.site_id)
        return respond(request, payload, status)

    @app.get("/api/v1/files/{sha256}")
    def get_file(
        request: Request,
        sha256: Annotated[str, Path(max_length=64)],
        device: Annotated[Device, Depends(auth)],
        range_: Annotated[str | None, Header(alias="range")] = None,
    ) -> Response:
        sha = _sha(sha256)
        ft, ct = FILES, FILE_CHUNKS
        with db.read.connect() as conn:
            row = conn.execute(select(ft).where(ft.c.sha256 == sha)).mappings().first()
            if (
                row is not None
                and row["site_id"] != device.site_id
                and not file_visible(conn, sha, device.site_id)
            ):
                row = None  # another site's file: answered as if it did not exist
            if row is None or not row["complete"]:
                raise HTTPException(404, "no such file (or not completely uploaded yet)")
            data = b"".join(
                chunk
                for (chunk,) in conn.execute(
                    select(ct.c.data).where(ct.c.sha256 == sha).order_by(ct.c.offset)
                )
            )
        total = len(data)
        if range_:
            m = re.fullmatch(r"bytes=(\d{1,15})-(\d{0,15})", range_.strip())
            if not m:
                raise HTTPException(416, "only one byte range of the form bytes=N- or bytes=N-M")
            start = int(m.group(1))
            end = int(m.group(2)) if m.group(2) else total - 1
            if start >= total or end < start:
                return Response(status_code=416, headers={"Content-Range": f"bytes */{total}"})
            end = min(end, total - 1)
            return Response(
                data[start : end + 1],
                status_code=206,
                media_type="application/octet-stream",
                headers={"Content-Range": f"bytes {start}-{end}/{total}", "Accept-Ranges": "bytes"},
            )
        return Response(data, media_type="application/octet-stream", headers={"Accept-Ranges": "bytes"})

    from dipdesk.sync.server.verify_page import add_verify_route  # the public certificate check

    add_verify_route(app, db)

    return app


def _unknown_fields(since_map: dict[int, dict[str, tuple[str, ...]]], client: int) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for v, per_table in since_map.items():
        if int(v) > client:
            for table, names in per_table.items():
                out.setdefault(table, set()).update(names)
    return out
