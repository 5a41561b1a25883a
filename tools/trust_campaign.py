"""The issue-17 campaign: attack and bad luck against the real server, on SQLite and PostgreSQL.

    python tools/trust_campaign.py [--backends sqlite,pg] [--examples 40] [--fuzz-batches 40]
                                   [--devices 52] [--workers 4] [--kills 10] [--out table.md]

Parts, each against freshly started server processes:
- schemathesis `--checks all` over the whole OpenAPI schema, authenticated as an enrolled device (the
  HAR report gives every response: the count of responses >= 500 must be 0; the other checks' findings
  are listed as schemathesis names them);
- a push fuzzer with hostile values (lone surrogates, NUL, 1e1000, year 9999, forged clock stamps, other
  sites' ids in every owner field, national targets, users of other sites, audit rewrites), after every
  batch a device of the fuzzer's site and a device of the victim site pull: a failing pull is a poisoned
  site; rows written for another site are cross-site writes;
- enrolment codes raced by 12 parallel requests each: a code that enrolled more than one device is a
  multi-use code;
- 50+ devices on several server workers (separate processes on one database) syncing concurrently, then
  each device's `sync --verify`;
- kill -9: the server killed while devices push (no row lost or doubled), and the pytest kill trials of
  certificate printing (half-issued certificates) and of database creation.

Prints a markdown table (and writes it to --out). Needs `pip install schemathesis` (dev extras).
DIPDESK_TEST_PG_URL names the PostgreSQL database (per-run schemas are made and dropped).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "sync")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx  # noqa: E402
from synctest import Device, Server, free_port, http, pg_schema  # noqa: E402

from dipdesk.store.reference_data import SITES, site_id  # noqa: E402
from dipdesk.sync import hlc  # noqa: E402
from dipdesk.sync.protocol import SCHEMA_VERSION  # noqa: E402

NOW = "2026-01-01T00:00:00"


# --- servers and devices -------------------------------------------------------------------------------------


@contextlib.contextmanager
def database(backend: str, folder: Path) -> Iterator[str]:
    if backend == "pg":
        with pg_schema() as url:
            yield url
    else:
        yield str(folder / "server.sqlite3")


@contextlib.contextmanager
def servers(backend: str, folder: Path, n: int = 1) -> Iterator[list[Server]]:
    """`n` server processes (workers) on one fresh database, started together."""
    folder.mkdir(parents=True, exist_ok=True)
    with database(backend, folder) as db:
        procs = [
            Server(backend=backend, db=db, port=free_port(), log=folder / f"server{i}.log") for i in range(n)
        ]
        with concurrent.futures.ThreadPoolExecutor(n) as pool:
            list(pool.map(lambda s: s.start(timeout=180), procs))
        try:
            yield procs
        finally:
            for s in procs:
                s.stop()


class Devices:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.made: list[Device] = []

    def __call__(self, server: Server, name: str) -> Device:
        d = Device(self.folder / f"{name}.sqlite3", server, name)
        self.made.append(d)
        return d

    def close(self) -> None:
        for d in self.made:
            d.close()


def creds(device: Device) -> dict[str, str]:
    from dipdesk.sync.client import device_state

    with device.engine.connect() as conn:
        st = device_state(conn)
    assert st is not None
    return {"X-Dipdesk-Device": st.device_id, "X-Dipdesk-Secret": st.secret}


def enrolled(server: Server, make: Devices, name: str, site: str, first: bool = True) -> Device:
    d = make(server, name)
    if first:
        d.first_run(site, f"admin_{site.lower()}_{name}")
    d.enroll(site)
    report = d.sync()
    assert report.ok, report.error
    return d


# --- schemathesis --------------------------------------------------------------------------------------------


def schemathesis(backend: str, folder: Path, examples: int) -> dict[str, Any]:
    make = Devices(folder)
    try:
        with servers(backend, folder / "srv") as (server,):
            dev = enrolled(server, make, "st", server.take_site())
            c = creds(dev)
            har = folder / "st.har"
            cmd = [
                sys.executable,
                "-m",
                "schemathesis.cli",
                "run",
                f"{server.url}/openapi.json",
                "--checks",
                "all",
                "--max-examples",
                str(examples),
                "--workers",
                "2",
                "--report",
                "har",
                "--report-har-path",
                str(har),
                "-H",
                f"X-Dipdesk-Device: {c['X-Dipdesk-Device']}",
                "-H",
                f"X-Dipdesk-Secret: {c['X-Dipdesk-Secret']}",
                "-H",
                f"X-Dipdesk-Schema: {SCHEMA_VERSION}",
                "--seed",
                "17",
                "--no-color",
            ]
            started = time.monotonic()
            run = subprocess.run(cmd, capture_output=True, text=True, timeout=3600, cwd=folder)
            took = time.monotonic() - started
            (folder / "st.out").write_text(run.stdout + run.stderr, encoding="utf-8")
            statuses: dict[int, int] = {}
            if har.exists():
                for entry in json.loads(har.read_text(encoding="utf-8"))["log"]["entries"]:
                    code = int(entry["response"]["status"])
                    statuses[code] = statuses.get(code, 0) + 1
            findings = sorted(
                {
                    line.strip()
                    for line in run.stdout.splitlines()
                    if line.strip().startswith("- ") and "\u2014" not in line
                }
            )[:12]
            # a pull of the site after all of it still works
            pulled = dev.sync().ok
    finally:
        make.close()
    return {
        "requests": sum(statuses.values()),
        "5xx": sum(v for k, v in statuses.items() if k >= 500),
        "statuses": dict(sorted(statuses.items())),
        "seconds": round(took, 1),
        "exit": run.returncode,
        "findings": findings,
        "site still pulls": pulled,
    }


# --- the push fuzzer ------------------------------------------------------------------------------------------

HOSTILE_TEXT = [
    "\ud800",
    "a\udfffb",
    "\x00",
    '=HYPERLINK("http://x")',
    "ก" * 5000,
    "\u202e",
    "'; DROP TABLE people;--",
]
HOSTILE_NUMBERS = ["1e1000", "-1e1000", "99999999999999999999999999", "1e308", "NaN"]
HOSTILE_DATES = [
    "9999-12-31T23:59:59-07:00",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31",
    "2569-13-45",
    "0000-00-00",
]


def _stamp(rnd: random.Random) -> str:
    now = hlc.now_ms()
    return rnd.choice(
        [
            str(hlc.Stamp(now, 0, "fuzz")),
            str(hlc.Stamp(now, 0, "fuzz")),
            "999999999999999-99999-" + "f" * 36,
            str(hlc.Stamp(now + 400 * 86_400_000, 0, "fuzz")),
            str(hlc.Stamp(4_102_444_800_000, 0, "fuzz")),  # 2100
            "000000000000000-00000-x",
        ]
    )


def _hostile_change(rnd: random.Random, own: str, victim: str, victim_user: str, victim_person: str) -> str:
    """One change as raw JSON text (values no JSON library writes, such as 1e1000, included)."""
    rid = str(uuid.uuid4())
    kind = rnd.randrange(10)
    f: dict[str, Any] = {
        "site_id": own,
        "created_at": NOW,
        "prefix": "นาง",
        "first_name_th": "ฟัซ",
        "last_name_th": "ทดสอบ",
    }
    raw_number = ""
    t, op = "people", "c"
    if kind == 0:
        f["first_name_th"] = rnd.choice(HOSTILE_TEXT)  # json.dumps writes a lone surrogate as its escape
    elif kind == 1:
        f["phone"] = "__NUMBER__"
        raw_number = rnd.choice(HOSTILE_NUMBERS)
    elif kind == 2:
        f[rnd.choice(["birth_date", "created_at"])] = rnd.choice(HOSTILE_DATES)
    elif kind == 3:
        f["site_id"] = victim  # a record claimed for another site
    elif kind == 4:
        t, rid, op, f = "people", victim_person, "u", {"phone": "0800000000"}  # another site's person
    elif kind == 5:
        t = "targets"
        f = {"site_id": own, "created_at": NOW, "fiscal_year": 2569, "persons": 1}
        f["for_site_id"] = rnd.choice([victim, None])
    elif kind == 6:
        t = "audit_entries"
        f = {
            "site_id": own,
            "created_at": NOW,
            "at": NOW,
            "user_id": victim_user,
            "action": "login",
            "table_name": "users",
            "record_id": victim_user,
            "changes": {},
            "reason": "",
        }
    elif kind == 7:
        t, op, f = rnd.choice(["sites", "provinces"]), "u", {"name_th": "ยึด"}
        rid = victim if t == "sites" else "10"
    elif kind == 8:
        f.pop("created_at")
    text = json.dumps(
        {"t": t, "id": rid, "op": op, "f": f, "h": _stamp(rnd)} | ({"u": victim_user} if kind == 9 else {})
    )
    return text.replace('"__NUMBER__"', raw_number, 1) if raw_number else text


def fuzz(backend: str, folder: Path, batches: int, seed: int = 17) -> dict[str, Any]:
    rnd = random.Random(seed)
    make = Devices(folder)
    stats: dict[str, Any] = {
        "batches": 0,
        "changes": 0,
        "rejected": 0,
        "answers >= 500": 0,
        "poisoned sites": 0,
        "cross-site writes": 0,
    }
    try:
        with servers(backend, folder / "srv") as (server,):
            from dipdesk.sync.protocol import HQ_SITE_CODE

            server.sites.remove(HQ_SITE_CODE)  # headquarters may set national targets: attack from a site
            own_site, victim_site = server.take_site(), server.take_site()
            own, victim = site_id(own_site), site_id(victim_site)
            attacker = enrolled(server, make, "attacker", own_site)
            mate = enrolled(server, make, "mate", own_site, first=False)
            target = enrolled(server, make, "victim", victim_site)
            from synctest import create_person

            victim_person = create_person(target)
            assert target.sync().ok
            victim_user = str(target.scalar("SELECT id FROM users LIMIT 1"))
            c = creds(attacker)
            seq = int(
                server.scalar("SELECT last_seq FROM srv_devices WHERE id = :d", d=c["X-Dipdesk-Device"])
            )
            before = _cross_site(server, own, victim, c["X-Dipdesk-Device"])
            for _ in range(batches):
                n = rnd.randint(1, 25)
                items = []
                for _i in range(n):
                    seq += 1
                    text = _hostile_change(rnd, own, victim, victim_user, victim_person)
                    items.append(text[:-1] + f', "seq": {seq}}}')
                body = f'{{"schema_version": {SCHEMA_VERSION}, "changes": [{", ".join(items)}]}}'.encode()
                r = http().post(
                    f"{server.url}/api/v1/push",
                    content=gzip.compress(body),
                    headers={**c, "Content-Encoding": "gzip", "Content-Type": "application/json"},
                    timeout=120,
                )
                stats["batches"] += 1
                stats["changes"] += n
                if r.status_code >= 500:
                    stats["answers >= 500"] += 1
                if r.status_code == 200:
                    stats["rejected"] += len(r.json()["rejected"])
                elif r.status_code == 422:  # refused whole by validation (e.g. NUL): not stored; seq not used
                    seq -= n
                else:
                    seq = int(
                        server.scalar(
                            "SELECT last_seq FROM srv_devices WHERE id = :d", d=c["X-Dipdesk-Device"]
                        )
                    )
            for d in (mate, target):
                report = d.sync()
                if not report.ok:
                    stats["poisoned sites"] += 1
                    stats.setdefault("errors", []).append(report.error)
            stats["cross-site writes"] = _cross_site(server, own, victim, c["X-Dipdesk-Device"]) - before
            stats["victim converged"] = bool(target.verify().identical)
    finally:
        make.close()
    return stats


def _cross_site(server: Server, own: str, victim: str, device: str) -> int:
    """Rows the attacking device wrote anywhere but its own site's records."""
    return int(
        server.scalar(
            "SELECT count(*) FROM srv_changes WHERE device_id = :d AND (site_id IS NULL OR site_id != :o)",
            d=device,
            o=own,
        )
        + server.scalar(
            "SELECT count(*) FROM targets WHERE site_id = :o AND (for_site_id IS NULL OR for_site_id != :o) AND program_id IS NULL",
            o=own,
        )
        + server.scalar("SELECT count(*) FROM people WHERE site_id = :v AND phone = '0800000000'", v=victim)
    )


# --- enrolment codes --------------------------------------------------------------------------------------


def codes(backend: str, folder: Path, n: int = 15, parallel: int = 12) -> dict[str, Any]:
    with servers(backend, folder / "srv", 2) as procs:
        site = procs[0].take_site()
        made = [procs[0].enroll_code(site) for _ in range(n)]

        def attempt(job: tuple[int, str]) -> int:
            i, code = job
            with httpx.Client(timeout=120) as c:
                return c.post(
                    f"{procs[i % len(procs)].url}/api/v1/enroll",
                    json={"schema_version": SCHEMA_VERSION, "code": code, "label": "race"},
                ).status_code

        jobs = [(i, code) for i, code in enumerate(c for c in made for _ in range(parallel))]
        with concurrent.futures.ThreadPoolExecutor(parallel) as pool:
            answers = list(pool.map(attempt, jobs))
        per_code = procs[0].engine()
        try:
            with per_code.connect() as conn:
                from sqlalchemy import text

                counts = [
                    int(r[0])
                    for r in conn.execute(
                        text("SELECT count(*) FROM srv_devices WHERE label = 'race' GROUP BY site_id")
                    )
                ]
        finally:
            per_code.dispose()
    return {
        "codes": n,
        "requests": len(jobs),
        "enrolled": answers.count(200),
        "multi-use codes": max(0, answers.count(200) - n),
        "devices made": sum(counts),
    }


# --- many devices on several workers --------------------------------------------------------------------------


def many_devices(backend: str, folder: Path, n: int, workers: int, people: int = 15) -> dict[str, Any]:
    from synctest import create_person

    make = Devices(folder)
    lock = threading.Lock()
    failures: list[str] = []
    try:
        with servers(backend, folder / "srv", workers) as procs:
            sites = [s["code"] for s in SITES][: max(1, n // 4)]
            plan = [(i, sites[i % len(sites)]) for i in range(n)]
            devs: list[Device] = []
            for i, site in plan:
                server = procs[i % workers]
                with lock:
                    d = make(server, f"d{i}")
                if i < len(sites):
                    d.first_run(site, f"admin_{site.lower()}_{i}")
                devs.append(d)
            # the first device of each site enrols and syncs first (it set the site up), then everyone
            for i, d in enumerate(devs[: len(sites)]):
                d.enroll(plan[i][1])
                r = d.sync()
                if not r.ok:
                    failures.append(f"d{i}: {r.error}")
            for i, d in enumerate(devs[len(sites) :], start=len(sites)):
                d.enroll(plan[i][1])

            def work(d: Device) -> str | None:
                for _ in range(people):
                    create_person(d, first_name_th=f"คน{uuid.uuid4().hex[:6]}")
                for _ in range(3):
                    r = d.sync()
                    if not r.ok:
                        return f"{d.name}: {r.error}"
                return None

            started = time.monotonic()
            with concurrent.futures.ThreadPoolExecutor(8) as pool:
                failures += [f for f in pool.map(work, devs) if f]
            took = time.monotonic() - started
            for d in devs:  # a last round each, then every device must equal the server
                d.sync()
            not_converged = [d.name for d in devs if not d.verify().identical]
            server_people = int(procs[0].scalar("SELECT count(*) FROM people WHERE first_name_th LIKE 'คน%'"))
    finally:
        make.close()
    return {
        "devices": n,
        "workers": workers,
        "people made": n * people,
        "people on server": server_people,
        "failed rounds": len(failures),
        "not converged": len(not_converged),
        "seconds": round(took, 1),
        "first failures": failures[:3],
    }


# --- kill -9 ----------------------------------------------------------------------------------------------


def server_kills(backend: str, folder: Path, trials: int, seed: int = 9) -> dict[str, Any]:
    from synctest import create_person

    rnd = random.Random(seed)
    make = Devices(folder)
    lost = doubled = 0
    try:
        with servers(backend, folder / "srv") as (server,):
            site = server.take_site()
            d = enrolled(server, make, "k", site)
            made: list[str] = []
            for _ in range(trials):
                made += [create_person(d, first_name_th=f"ฆ่า{uuid.uuid4().hex[:6]}") for _ in range(300)]
                t = threading.Thread(target=d.sync)
                t.start()
                time.sleep(rnd.uniform(0.05, 1.5))
                server.kill()
                t.join()
                server.start(timeout=120)
                for _ in range(3):
                    if d.sync().ok:
                        break
            ids = ",".join(f"'{i}'" for i in made)
            there = int(server.scalar(f"SELECT count(*) FROM people WHERE id IN ({ids})"))
            logged = int(
                server.scalar(
                    f"SELECT count(*) FROM srv_changes WHERE table_name = 'people' AND record_id IN ({ids})"
                )
            )
            lost = len(made) - there
            doubled = logged - there
            for _ in range(2):  # rounds until nothing is left to move (an interrupted round leaves some)
                d.sync()
            result = d.verify()
            converged = bool(result.identical)
            detail = (
                ""
                if converged
                else f"differing {result.differing}, pending {result.pending}, parked {result.parked}"
            )
    finally:
        make.close()
    out: dict[str, Any] = {"trials": trials, "rows": len(made), "lost": lost, "doubled log rows": doubled}
    out["converged"] = converged
    if detail:
        out["not converged"] = 1
        out["detail"] = detail[:300]
    return out


def pytest_kills(trials: int) -> dict[str, Any]:
    env = {**os.environ, "TRUST_KILL_TRIALS": str(trials), "PYTHONPATH": str(ROOT)}
    out: dict[str, Any] = {}
    for name, path in (
        ("certificate printing", "tests/services/certificates/test_print_kills.py"),
        (
            "database creation",
            "tests/store/test_damaged_and_new_files.py::test_a_kill_while_a_database_is_created_never_leaves_a_broken_file",
        ),
    ):
        r = subprocess.run(
            [sys.executable, "-m", "pytest", path, "-q", "-s", "-p", "no:cacheprovider"],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=3600,
        )
        lines = [
            line
            for line in r.stdout.splitlines()
            if "kill" in line.lower() or "passed" in line or "failed" in line
        ]
        out[name] = {"passed": r.returncode == 0, "trials": trials, "summary": lines[-3:]}
    return out


# --- main ---------------------------------------------------------------------------------------------------


def table(results: dict[str, dict[str, Any]]) -> str:
    rows = [
        "| part | backend | result |",
        "|---|---|---|",
    ]
    for key, value in results.items():
        part, _, backend = key.partition("@")
        rows.append(f"| {part} | {backend or '-'} | {json.dumps(value, ensure_ascii=False)} |")
    totals = {
        "poisoned sites": sum(v.get("poisoned sites", 0) for v in results.values()),
        "cross-site writes": sum(v.get("cross-site writes", 0) for v in results.values()),
        "multi-use codes": sum(v.get("multi-use codes", 0) for v in results.values()),
        "responses >= 500": sum(v.get("5xx", 0) + v.get("answers >= 500", 0) for v in results.values()),
        "lost or doubled rows": sum(
            v.get("lost", 0) + v.get("doubled log rows", 0) for v in results.values()
        ),
        "not converged devices": sum(v.get("not converged", 0) for v in results.values()),
    }
    rows.append("")
    rows.append("| total | |")
    rows.append("|---|---|")
    rows += [f"| {k} | {v} |" for k, v in totals.items()]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--backends", default="sqlite,pg")
    p.add_argument("--parts", default="schemathesis,fuzz,codes,devices,server-kills,pytest-kills")
    p.add_argument("--examples", type=int, default=40, help="schemathesis examples per operation")
    p.add_argument("--fuzz-batches", type=int, default=40)
    p.add_argument("--devices", type=int, default=52)
    p.add_argument("--workers", type=int, default=4)
    p.add_argument("--kills", type=int, default=10)
    p.add_argument("--out", type=Path)
    args = p.parse_args(argv)
    parts = set(args.parts.split(","))
    folder = Path(tempfile.mkdtemp(prefix="trust-campaign-"))
    results: dict[str, dict[str, Any]] = {}

    def record(key: str, fn: Any, *a: Any) -> None:
        started = time.monotonic()
        try:
            results[key] = fn(*a)
        except Exception as exc:  # a part that could not run is reported, the others go on
            results[key] = {"error": f"{type(exc).__name__}: {exc}"[:300]}
        print(
            f"{key}: {json.dumps(results[key], ensure_ascii=False)} ({time.monotonic() - started:.0f} s)",
            flush=True,
        )

    for backend in args.backends.split(","):
        if "schemathesis" in parts:
            record(
                f"schemathesis --checks all@{backend}",
                schemathesis,
                backend,
                folder / f"st-{backend}",
                args.examples,
            )
        if "fuzz" in parts:
            record(f"push fuzzer@{backend}", fuzz, backend, folder / f"fuzz-{backend}", args.fuzz_batches)
        if "codes" in parts:
            record(f"enrolment code race@{backend}", codes, backend, folder / f"codes-{backend}")
        if "devices" in parts:
            record(
                f"{args.devices} devices / {args.workers} workers@{backend}",
                many_devices,
                backend,
                folder / f"dev-{backend}",
                args.devices,
                args.workers,
            )
        if "server-kills" in parts:
            record(
                f"server kill -9 during push@{backend}",
                server_kills,
                backend,
                folder / f"kill-{backend}",
                args.kills,
            )
    if "pytest-kills" in parts:
        record("kill -9 trials (pytest)", pytest_kills, args.kills * 2)
    text = table(results)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
