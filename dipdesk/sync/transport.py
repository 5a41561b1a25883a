"""The HTTP side of a sync round, below both the client and the file transfer: one keep-alive connection
to the server (:class:`Transport`, gzip both ways, counting bytes and round trips) and the error a round
stops with (:class:`SyncError`). ``dipdesk.sync.client`` and ``dipdesk.sync.files`` both build on it, so
neither needs the other's module.
"""

from __future__ import annotations

import gzip
import ssl
from typing import Any

import httpx

from dipdesk.store import jsoncodec
from dipdesk.sync.protocol import HEADER_DEVICE, HEADER_SCHEMA, HEADER_SECRET, SCHEMA_VERSION


class SyncError(Exception):
    """A round could not complete (network, refused credential, version mismatch…); the message says why."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


# ---------------------------------------------------------------------------------------------

_SSL: list[ssl.SSLContext] = []


def _ssl_context() -> ssl.SSLContext:
    """One TLS context per process: loading the CA bundle costs ~0.1 s, too much for every round."""
    if not _SSL:
        _SSL.append(ssl.create_default_context())
    return _SSL[0]


class Transport:
    """One HTTP/1.1 keep-alive connection to the server; gzip both ways; counts bytes and round trips."""

    def __init__(
        self,
        server_url: str,
        *,
        device_id: str | None = None,
        secret: str | None = None,
        timeout: float = 60.0,
        schema_version: int = SCHEMA_VERSION,
    ) -> None:
        headers = {"Accept-Encoding": "gzip", HEADER_SCHEMA: str(schema_version), "User-Agent": "dipdesk"}
        if device_id and secret:
            headers[HEADER_DEVICE] = device_id
            headers[HEADER_SECRET] = secret
        self.schema_version = schema_version
        self.client = httpx.Client(
            base_url=server_url.rstrip("/"),
            headers=headers,
            verify=_ssl_context(),
            timeout=httpx.Timeout(timeout, connect=min(timeout, 15.0)),
        )
        self.bytes_up = 0
        self.bytes_down = 0
        self.round_trips = 0

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def _send(self, method: str, path: str, **kw: Any) -> httpx.Response:
        self.round_trips += 1
        try:
            resp = self.client.request(method, path, **kw)
        except httpx.HTTPError as exc:
            raise SyncError(
                f"ติดต่อเซิร์ฟเวอร์ไม่ได้ / cannot reach the server: {exc.__class__.__name__}: {exc}"
            ) from exc
        self.bytes_down += resp.num_bytes_downloaded + 200  # + headers, roughly
        _note_server_time(resp)
        if resp.status_code >= 400:
            raise SyncError(_error_text(resp), status=resp.status_code)
        return resp

    def json(
        self,
        method: str,
        path: str,
        payload: dict[str, Any] | None = None,
        *,
        text: str | None = None,
        **kw: Any,
    ) -> dict[str, Any]:
        """Send `payload` (with this client's schema version added), or `text`, a JSON document the caller
        wrote itself (it must carry `schema_version`); answer the server's JSON object."""
        if payload is not None or text is not None:
            if text is None:
                text = jsoncodec.dumps({"schema_version": self.schema_version, **(payload or {})})
            body = gzip.compress(text.encode(), 6)
            self.bytes_up += len(body) + 250
            kw["content"] = body
            kw["headers"] = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        else:
            self.bytes_up += 250
        resp = self._send(method, path, **kw)
        try:
            data = jsoncodec.loads(resp.content)
        except ValueError as exc:
            raise SyncError(f"the server's answer is not JSON ({len(resp.content)} bytes)") from exc
        if not isinstance(data, dict):
            raise SyncError("the server's answer is not a JSON object")
        return data

    def raw(self, method: str, path: str, **kw: Any) -> httpx.Response:
        self.bytes_up += len(kw.get("content", b"") or b"") + 250
        return self._send(method, path, **kw)


def _error_text(resp: httpx.Response) -> str:
    try:
        detail = resp.json().get("detail")
    except (ValueError, AttributeError):
        detail = resp.text[:300]
    if resp.status_code == 426:
        return str(detail)
    if resp.status_code in (401, 403):
        return f"เซิร์ฟเวอร์ไม่รับรหัสประจำเครื่องนี้ / the server refused this device's credential: {detail}"
    return f"เซิร์ฟเวอร์ตอบ {resp.status_code} / the server answered {resp.status_code}: {detail}"


def _note_server_time(resp: httpx.Response) -> None:
    """The server's clock from its Date header: the client's clock checks accept stamps up to
    `hlc.MAX_AHEAD_MS` past the later of the two clocks, so a laptop whose clock runs behind still takes
    its colleagues' honest changes (issue 17)."""
    from email.utils import parsedate_to_datetime

    from dipdesk.sync import hlc

    date = resp.headers.get("date")
    if not date:
        return
    try:
        when = parsedate_to_datetime(date)
    except (TypeError, ValueError, IndexError, OverflowError):
        return
    if when.tzinfo is None:
        return
    hlc.trust_time(int(when.timestamp() * 1000))
