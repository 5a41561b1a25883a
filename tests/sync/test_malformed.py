"""The server never answers 500, whatever arrives: garbage bodies, broken gzip, wrong types, absurd
numbers, missing or forged credentials, and random values in every field of a change."""

from __future__ import annotations

import gzip
import json
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from synctest import Server, http, pair

from dipdesk.sync import hlc
from dipdesk.sync.client import device_state
from dipdesk.sync.protocol import SCHEMA_VERSION, synced_tables


@pytest.fixture(scope="module")
def creds(server: Server, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    from synctest import Device

    folder = tmp_path_factory.mktemp("malformed")
    made: list[Device] = []

    def make(srv: Server, name: str) -> Device:
        d = Device(folder / f"{name}.sqlite3", srv, name)
        made.append(d)
        return d

    _site, a, _b = pair(server, make)
    with a.engine.connect() as conn:
        st_ = device_state(conn)
    assert st_ is not None
    for d in made:
        d.close()
    return {
        "X-Dipdesk-Device": st_.device_id,
        "X-Dipdesk-Secret": st_.secret,
        "X-Dipdesk-Schema": str(SCHEMA_VERSION),
    }


def _check(r: httpx.Response) -> None:
    assert r.status_code < 500, f"{r.request.method} {r.request.url} → {r.status_code}: {r.text[:300]}"
    if r.status_code >= 400 and r.headers.get("content-type", "").startswith("application/json"):
        assert "detail" in r.json()


GARBAGE: list[tuple[bytes, dict[str, str]]] = [
    (b"", {}),
    (b"garbage", {"Content-Type": "application/json"}),
    (b"\xff\xfe\x00\x01", {"Content-Type": "application/json"}),
    (b"[]", {"Content-Type": "application/json"}),
    (b"null", {"Content-Type": "application/json"}),
    (b'{"schema_version": "three"}', {"Content-Type": "application/json"}),
    (b'{"schema_version": 1e999, "changes": []}', {"Content-Type": "application/json"}),
    (b'{"schema_version": 3, "changes": {"a": 1}}', {"Content-Type": "application/json"}),
    (b'{"schema_version": 3, "changes": [null, 1, "x"]}', {"Content-Type": "application/json"}),
    (b'{"schema_version": 3, "changes": [{"seq": -1}]}', {"Content-Type": "application/json"}),
    (
        b'{"schema_version": 3, "changes": [{"seq": 99999999999999999999999}]}',
        {"Content-Type": "application/json"},
    ),
    (b'{"schema_version": 3, "code": ' + b'"x" ' * 3 + b"}", {"Content-Type": "application/json"}),
    (b'{"schema_version": 3, "ids": {"people": [1, 2]}}', {"Content-Type": "application/json"}),
    (b'{"schema_version": 3, "ids": {"no_table": ["a"]}}', {"Content-Type": "application/json"}),
    (b'{"schema_version": 3, "hashes": ["zz"]}', {"Content-Type": "application/json"}),
    (b"not gzip at all", {"Content-Type": "application/json", "Content-Encoding": "gzip"}),
    (gzip.compress(b"{}")[:-6], {"Content-Type": "application/json", "Content-Encoding": "gzip"}),
    (gzip.compress(b"\x00" * 120_000_000), {"Content-Type": "application/json", "Content-Encoding": "gzip"}),
    (b"x", {"Content-Type": "application/json", "Content-Encoding": "br"}),
    (b'{"a":' * 5000, {"Content-Type": "application/json"}),
]


@pytest.mark.parametrize("path", ["/api/v1/push", "/api/v1/enroll", "/api/v1/exists", "/api/v1/files/status"])
def test_garbage_bodies_never_yield_500(server: Server, creds: dict[str, str], path: str) -> None:
    with httpx.Client(base_url=server.url, timeout=30, verify=False) as client:
        for body, headers in GARBAGE:
            for auth in ({}, creds):
                _check(client.post(path, content=body, headers={**auth, **headers}))


@pytest.mark.parametrize(
    ("method", "path", "params"),
    [
        ("GET", "/api/v1/pull", {"since": "-5"}),
        ("GET", "/api/v1/pull", {"since": "abc", "limit": "0"}),
        ("GET", "/api/v1/pull", {"since": str(2**70), "limit": str(10**9)}),
        ("GET", "/api/v1/pull", {}),
        ("GET", "/api/v1/digest", {}),
        ("GET", "/api/v1/files/" + "g" * 64, {}),
        ("GET", "/api/v1/files/" + "a" * 64, {}),
        ("GET", "/api/v1/files/" + "a" * 500, {}),
        ("PUT", "/api/v1/files/" + "a" * 64, {"offset": "-1"}),
        ("PUT", "/api/v1/files/" + "a" * 64, {"offset": "10", "total": "5"}),
        ("GET", "/verify/" + "ก" * 300, {}),
        ("GET", "/verify/%00%ff", {}),
        ("DELETE", "/api/v1/push", {}),
        ("GET", "/nowhere", {}),
    ],
)
def test_odd_requests_never_yield_500(
    server: Server, creds: dict[str, str], method: str, path: str, params: dict[str, str]
) -> None:
    with httpx.Client(base_url=server.url, timeout=30, verify=False) as client:
        for headers in (
            {},
            creds,
            {**creds, "X-Dipdesk-Secret": "forged"},
            {**creds, "X-Dipdesk-Schema": "999"},
            {**creds, "X-Dipdesk-Schema": "x" * 100},
            {**creds, "Range": "bytes=99999999999999999999-"},
            {**creds, "X-Dipdesk-Device": "d" * 1000},
        ):
            _check(client.request(method, path, params=params, headers=headers))


def test_a_too_new_client_is_told_clearly(server: Server, creds: dict[str, str]) -> None:
    r = http().post(
        f"{server.url}/api/v1/push", json={"schema_version": SCHEMA_VERSION + 1, "changes": []}, headers=creds
    )
    assert r.status_code == 426 and "newer than this server" in r.json()["detail"]
    r = http().get(
        f"{server.url}/api/v1/pull", headers={**creds, "X-Dipdesk-Schema": str(SCHEMA_VERSION + 5)}
    )
    assert r.status_code == 426


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
_tables = sorted(synced_tables())


@st.composite
def _change(draw: Any, seq: int) -> dict[str, Any]:
    table = draw(st.sampled_from([*_tables, "x", ""]))
    info = synced_tables().get(table)
    names = list(info.fields) if info else ["a"]
    fields = draw(st.dictionaries(st.sampled_from([*names, "zz"]), _json_values, max_size=6))
    return {
        "seq": seq,
        "t": table or "people",
        "id": draw(st.text(min_size=1, max_size=36)),
        "op": draw(st.sampled_from(["c", "s", "u", "d", "r"])),
        "f": fields,
        "h": draw(st.sampled_from([str(hlc.Stamp(hlc.now_ms(), 0, "fuzz")), "", "x-y-z", "9" * 80])) or "h",
        "b": draw(st.dictionaries(st.text(max_size=8), st.none() | st.text(max_size=20), max_size=2)),
    }


@settings(
    max_examples=int(__import__("os").environ.get("FUZZ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(data=st.data())
def test_random_changes_are_answered_with_rejections_not_errors(
    server: Server, creds: dict[str, str], data: Any
) -> None:
    base = int(http().get(f"{server.url}/api/v1/health").json()["schema_version"])
    last = int(server.scalar("SELECT last_seq FROM srv_devices WHERE id = :d", d=creds["X-Dipdesk-Device"]))
    changes = [data.draw(_change(last + 1 + i)) for i in range(data.draw(st.integers(1, 6)))]
    r = http().post(
        f"{server.url}/api/v1/push",
        content=gzip.compress(json.dumps({"schema_version": base, "changes": changes}).encode()),
        headers={**creds, "Content-Encoding": "gzip", "Content-Type": "application/json"},
        timeout=30,
    )
    _check(r)


def test_a_push_body_of_the_wrong_shape_is_refused_with_where_and_why(
    server: Server, creds: dict[str, str]
) -> None:
    """The push body is read without a validation model per change (`push_body`): a body of the wrong
    shape is still refused as a whole, 422, naming the change and the field, and nothing is applied."""
    good = {"seq": 1, "t": "people", "id": "x", "op": "c", "f": {}, "h": hlc.at_ms(1, "d")}
    cases = [
        ({"schema_version": SCHEMA_VERSION, "changes": [{**good, "seq": True}]}, ["changes", "0", "seq"]),
        ({"schema_version": SCHEMA_VERSION, "changes": [good, {**good, "op": "x"}]}, ["changes", "1", "op"]),
        ({"schema_version": SCHEMA_VERSION, "changes": [{**good, "id": "ก" * 37}]}, ["changes", "0", "id"]),
        ({"schema_version": SCHEMA_VERSION, "changes": [{**good, "t": "a\x00"}]}, ["changes", "0", "t"]),
        ({"schema_version": SCHEMA_VERSION, "changes": [{**good, "b": {"x": 1}}]}, ["changes", "0", "b"]),
        ({"schema_version": SCHEMA_VERSION, "changes": [{**good, "zz": 1}]}, ["changes", "0"]),
        ({"schema_version": SCHEMA_VERSION, "changes": [{"seq": 1}]}, ["changes", "0", "t"]),
        ({"schema_version": SCHEMA_VERSION, "changes": [good] * 5001}, ["changes"]),
        ({"schema_version": SCHEMA_VERSION, "changes": [], "acked_before": -1}, ["acked_before"]),
        ({"changes": []}, ["schema_version"]),
    ]
    with httpx.Client(base_url=server.url, timeout=30, verify=False) as client:
        for body, where in cases:
            r = client.post("/api/v1/push", json=body, headers=creds)
            assert r.status_code == 422, (where, r.status_code, r.text[:300])
            assert any(e["loc"] == ["body", *where] for e in r.json()["detail"]), (where, r.text[:300])
        # a lone surrogate's escape is not the whole body's fault: it is that change's rejection
        text = json.dumps(
            {"schema_version": SCHEMA_VERSION, "changes": [{**good, "f": {"first_name_th": "\ud800"}}]}
        )
        r = client.post("/api/v1/push", content=text, headers={**creds, "Content-Type": "application/json"})
        assert r.status_code in (200, 409), r.text[:300]
