"""A client process of `bench_parallel_push.py`: runs a share of the benchmark's devices against the
server, as the devices' own computers would (each device its own SQLite file and its own `sync_once`), so
the 100 devices' client work is spread over several processes, none of them the server's.

    python tests/benchmarks/sync_clients.py '[[path, name], …]'

Commands arrive as JSON lines on stdin:
- `{"cmd": "prepare", "url": …, "changes": 10, "serial": N, "offsets": [s, …]}`: each device makes
  `changes` new people (before any clock starts); answers `ready`;
- `{"cmd": "go", "epoch": T}`: device i starts its round (`sync_once`) at T + offsets[i] (all 0: the
  burst; spread over a sync interval: devices on a timer); answers one JSON line with each device's
  round latency (start to end), rows pushed and pulled, errors, and this process's CPU seconds;
- `{"cmd": "quit"}`.
"""

from __future__ import annotations

import json
import resource
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))  # the sync tests' helpers


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main() -> int:
    from synctest import Device, Server, create_person

    from dipdesk.sync.client import sync_once

    devs = [
        Device(Path(path), Server(backend="", db="", port=0, log=Path("/dev/null")), name)
        for path, name in json.loads(sys.argv[1])
    ]
    job: dict[str, Any] = {}
    for line in sys.stdin:
        cmd = json.loads(line)
        if cmd["cmd"] == "quit":
            break
        if cmd["cmd"] == "prepare":
            job = cmd
            serial = int(job["serial"])
            for d in devs:
                for _ in range(int(job["changes"])):
                    serial += 1
                    create_person(d, first_name_th=f"คน{serial}", phone=f"08{serial:08d}")
            print("ready", flush=True)
            continue
        print(
            json.dumps(_round(devs, job["url"], job["offsets"], float(cmd["epoch"]), sync_once)), flush=True
        )
    for d in devs:
        d.close()
    return 0


def _round(devs: list[Any], url: str, offsets: list[float], epoch: float, sync_once: Any) -> dict[str, Any]:
    n = len(devs)
    out: dict[str, Any] = {"latency_s": [0.0] * n, "pushed": [0] * n, "pulled": [0] * n, "errors": []}

    def run(i: int) -> None:
        delay = epoch + offsets[i] - time.time()
        if delay > 0:
            time.sleep(delay)
        t = time.perf_counter()
        r = sync_once(devs[i].engine, server_url=url, files=False, timeout=120)
        out["latency_s"][i] = time.perf_counter() - t
        out["pushed"][i] = r.pushed
        out["pulled"][i] = r.pulled
        if not r.ok:
            out["errors"].append(r.error)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    cpu0 = _cpu()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out["cpu_s"] = _cpu() - cpu0
    return out


if __name__ == "__main__":
    sys.exit(main())
