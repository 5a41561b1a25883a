"""Files (product photos, signature images, lab attachments) travel apart from the rows that name them:
content-addressed by SHA-256, uploaded and downloaded in chunks that resume where a cut left them
(SYNC.md #11). Rows hold only the address (`products.photo_hash`, `certificate_templates.background_hash`).

On the device the files live in a folder beside the database (`<db name>-files/ab/abcdef…`).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from dipdesk.store.certificates import CertificateTemplate
from dipdesk.store.followups import OutcomeEvidence
from dipdesk.store.people import Product
from dipdesk.sync.transport import SyncError, Transport

CHUNK = 256 * 1024
REFERENCING = (
    (Product, "photo_hash"),
    (CertificateTemplate, "background_hash"),
    (OutcomeEvidence, "file_hash"),  # receipts and statements behind an outcome
)


def files_dir(engine: Engine) -> Path:
    database = engine.url.database or "dipdesk"
    p = Path(database)
    return p.with_name(p.stem + "-files")


def local_path(engine: Engine, sha256: str) -> Path:
    return files_dir(engine) / sha256[:2] / sha256


def store_local(engine: Engine, data: bytes) -> str:
    """Keep `data` in the device's file store; returns its address."""
    sha = hashlib.sha256(data).hexdigest()
    dest = local_path(engine, sha)
    if not dest.exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_suffix(".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, dest)
    return sha


# keys of a template's positioned elements that hold a file's address (a signatory's signature image)
ELEMENT_FILE_KEYS = ("signature_hash", "hash")


def _is_sha(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)


def referenced(engine: Engine) -> set[str]:
    """Addresses of every file a row here refers to: product photos, template backgrounds, and the
    signature images inside templates' elements (headquarters' templates are held by every site, so
    their images travel to every site too)."""
    out: set[str] = set()
    with engine.connect() as conn:
        for model, column in REFERENCING:
            col: Any = getattr(model, column)
            out.update(h for h in conn.execute(select(col).where(col != "")).scalars() if h)
        t = CertificateTemplate
        for elements in conn.execute(select(t.elements).where(t.deleted.is_(False))).scalars():
            for e in elements if isinstance(elements, list) else ():
                if isinstance(e, dict):
                    out.update(str(e[k]) for k in ELEMENT_FILE_KEYS if _is_sha(e.get(k)))
    return {h for h in out if _is_sha(h)}


def upload(tx: Transport, path: Path, sha256: str, *, chunk: int = CHUNK) -> None:
    """Upload a file, resuming from what the server already holds."""
    total = path.stat().st_size
    status = tx.json("POST", "/api/v1/files/status", {"hashes": [sha256]})["files"].get(sha256)
    offset = int(status["received"]) if status and int(status.get("total", -1)) == total else 0
    if status and status.get("complete"):
        return
    with path.open("rb") as f:
        while True:
            f.seek(offset)
            data = f.read(chunk)
            try:
                resp = tx.raw(
                    "PUT",
                    f"/api/v1/files/{sha256}",
                    params={"offset": offset, "total": total},
                    content=data,
                    headers={"Content-Type": "application/octet-stream"},
                )
            except SyncError as exc:
                if exc.status == 409:  # the server holds a different amount: ask where to go on
                    st = tx.json("POST", "/api/v1/files/status", {"hashes": [sha256]})["files"].get(sha256)
                    offset = int(st["received"]) if st else 0
                    continue
                raise
            answer = resp.json()
            if answer.get("complete"):
                return
            offset = int(answer["received"])
            if not data:
                raise SyncError(f"upload of {sha256} made no progress")


def download(tx: Transport, sha256: str, dest: Path) -> None:
    """Download a file, resuming a partial `.part` left by an earlier cut; checked against its hash."""
    import httpx

    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    for _attempt in range(2):
        have = part.stat().st_size if part.exists() else 0
        headers = {"Range": f"bytes={have}-"} if have else {}
        tx.round_trips += 1
        try:
            with tx.client.stream("GET", f"/api/v1/files/{sha256}", headers=headers) as resp:
                if resp.status_code == 416:  # the partial file is complete already, or bogus: start over
                    part.unlink(missing_ok=True)
                    continue
                if resp.status_code >= 400:
                    resp.read()
                    raise SyncError(
                        f"download of {sha256}: the server answered {resp.status_code}",
                        status=resp.status_code,
                    )
                with part.open("ab" if resp.status_code == 206 else "wb") as f:
                    for block in resp.iter_raw():
                        f.write(block)  # kept as it arrives: a cut resumes from here
                        tx.bytes_down += len(block)
        except httpx.HTTPError as exc:
            raise SyncError(f"download of {sha256} interrupted: {exc}") from exc
        break
    h = hashlib.sha256()
    with part.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    if h.hexdigest() != sha256:
        part.unlink(missing_ok=True)
        raise SyncError(f"downloaded file {sha256} does not match its address; it will be fetched again")
    os.replace(part, dest)


KEY_FILES_OK = "sync.files_ok"
RECHECK_SECONDS = 3600


def sync_files(engine: Engine, tx: Transport) -> tuple[int, int]:
    """Upload referenced files the server lacks and download those this device lacks.

    Nothing is asked (no round trip) when the referenced files and which of them are here are as they
    were at the last check, less than an hour ago: an incremental sync stays at push + pull. A file
    nobody has uploaded yet is looked for again within the hour."""
    import time

    from dipdesk.sync.outbox import get_state, set_state

    wanted = sorted(referenced(engine))
    if not wanted:
        return 0, 0

    def fingerprint() -> str:
        here = "".join("1" if local_path(engine, h).exists() else "0" for h in wanted)
        return hashlib.sha256((" ".join(wanted) + here).encode()).hexdigest()

    with engine.connect() as conn:
        last = (get_state(conn, KEY_FILES_OK) or "").split("@")
    if len(last) == 2 and last[0] == fingerprint() and time.time() - float(last[1] or 0) < RECHECK_SECONDS:
        return 0, 0
    status = tx.json("POST", "/api/v1/files/status", {"hashes": wanted})["files"]
    up = down = 0
    for sha in wanted:
        path = local_path(engine, sha)
        on_server = status.get(sha)
        if path.exists() and not (on_server and on_server.get("complete")):
            upload(tx, path, sha)
            up += 1
        elif not path.exists() and on_server and on_server.get("complete"):
            download(tx, sha, path)
            down += 1
    with engine.begin() as conn:
        set_state(conn, KEY_FILES_OK, f"{fingerprint()}@{time.time():.0f}")
    return up, down
