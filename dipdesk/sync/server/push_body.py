"""Reading a push body: the JSON document parsed once (orjson), and its shape checked here, change by
change, with the bounds the endpoint always had (types, lengths, seq range, at most `MAX_CHANGES`).

A first sync pushes tens of thousands of changes; building a validation model per change and dumping it
back to a dict cost more than applying some of them. What the shape check lets through still goes, change
by change, through `dipdesk.sync.server.validate` (Unicode, ranges, clocks, ownership), as before.

A body that is not JSON or not of this shape is refused as a whole with a 422 and the reasons (never a
500). Text that strict JSON parsers refuse but that a client, or an attacker, may still send (a lone
surrogate's escape, 1e1000) is read by the standard library's parser instead, so it reaches the
per-change checks and is that change's rejection, not the batch's.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

MAX_CHANGES = 5000
MAX_SEQ = 2**62
CHANGE_KEYS = frozenset({"seq", "t", "id", "op", "f", "h", "b", "u"})
REQUIRED = ("seq", "t", "id", "op", "f", "h")
OPS = frozenset({"c", "s", "u", "d", "r"})
# the text fields of a change: (key, shortest, longest)
TEXT = (("t", 1, 60), ("id", 1, 36), ("h", 1, 80))


class BodyRefused(Exception):
    """The push body as a whole cannot be read; `errors` says where and why (answered with a 422)."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors))
        self.errors = errors


def _error(loc: list[Any], msg: str) -> dict[str, Any]:
    return {"loc": ["body", *[str(x) for x in loc]], "msg": msg}


def _whole(value: Any) -> bool:
    return type(value) is int


def _text_error(value: Any, low: int, high: int) -> str | None:
    if type(value) is not str:
        return "must be text"
    if not low <= len(value) <= high:
        return f"must be {low} to {high} characters long"
    if "\x00" in value:
        return "NUL characters are not allowed"
    return None


def _change_errors(i: int, ch: Any) -> list[dict[str, Any]]:
    if type(ch) is not dict:
        return [_error(["changes", i], "must be an object")]
    errors: list[dict[str, Any]] = []
    extra = ch.keys() - CHANGE_KEYS
    if extra:
        errors.append(_error(["changes", i], f"unknown keys: {', '.join(sorted(map(str, extra)))[:200]}"))
    for key in REQUIRED:
        if key not in ch:
            errors.append(_error(["changes", i, key], "is required"))
    if errors:
        return errors
    seq = ch["seq"]
    if not _whole(seq) or not 1 <= seq <= MAX_SEQ:
        errors.append(_error(["changes", i, "seq"], f"must be a whole number from 1 to {MAX_SEQ}"))
    for key, low, high in TEXT:
        why = _text_error(ch[key], low, high)
        if why:
            errors.append(_error(["changes", i, key], why))
    if ch["op"] not in OPS or type(ch["op"]) is not str:
        errors.append(_error(["changes", i, "op"], "must be one of c, s, u, d, r"))
    if type(ch["f"]) is not dict:
        errors.append(_error(["changes", i, "f"], "must be an object"))
    base = ch.get("b")
    if base is not None and (
        type(base) is not dict or any(v is not None and type(v) is not str for v in base.values())
    ):
        errors.append(_error(["changes", i, "b"], "must be an object of clock stamps (text or null)"))
    user = ch.get("u")
    if user is not None:
        why = _text_error(user, 0, 36)
        if why:
            errors.append(_error(["changes", i, "u"], why))
    return errors


def parse_push(body: bytes) -> tuple[Any, list[dict[str, Any]], int | None]:
    """(schema_version, changes, acked_before) of a push body; raises BodyRefused."""
    return read_push(body)[:3]


def read_push(body: bytes) -> tuple[Any, list[dict[str, Any]], int | None, bool]:
    """`parse_push`, and whether every text in the body is known storable (`validate.check_values`'
    `clean`): orjson read it (it refuses a lone surrogate, escaped or not, and raw control characters)
    and it holds no NUL escape (`\\u0000`; a text that merely contains those six characters only costs
    the full checks)."""
    clean = True
    try:
        doc = orjson.loads(body)
    except orjson.JSONDecodeError:
        clean = False
        try:  # what strict parsers refuse but the checks of each change name (see the module's text)
            doc = json.loads(body)
        except (ValueError, RecursionError) as exc:
            raise BodyRefused([_error([], f"not a JSON document ({type(exc).__name__})")]) from None
    if type(doc) is not dict:
        raise BodyRefused([_error([], "must be a JSON object")])
    errors: list[dict[str, Any]] = []
    version = doc.get("schema_version")
    if not _whole(version):
        errors.append(_error(["schema_version"], "is required, a whole number"))
    acked_before = doc.get("acked_before")
    if acked_before is not None and (not _whole(acked_before) or not 0 <= acked_before <= MAX_SEQ):
        errors.append(_error(["acked_before"], f"must be a whole number from 0 to {MAX_SEQ}"))
    changes = doc.get("changes")
    if type(changes) is not list:
        errors.append(_error(["changes"], "is required, a list"))
        raise BodyRefused(errors)
    if len(changes) > MAX_CHANGES:
        errors.append(_error(["changes"], f"at most {MAX_CHANGES} changes a push"))
        raise BodyRefused(errors)
    for i, ch in enumerate(changes):
        errors.extend(_change_errors(i, ch))
        if len(errors) >= 20:
            break
    if errors:
        raise BodyRefused(errors)
    return version, changes, acked_before, clean and b"\\u0000" not in body
