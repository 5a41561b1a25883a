"""A small link emulator: a TCP proxy on loopback between the client and the server that adds latency,
limits bandwidth, cuts connections at chosen byte offsets, and can go down entirely (a partition).

    link = Link(server_port, rtt_ms=300, bandwidth_bps=1_000_000).start()
    client talks to f"http://127.0.0.1:{link.port}"
    link.cut_up_after(10_000)      # reset the connection once 10,000 more bytes went client → server
    link.cut_down_after(500)       # … or server → client
    link.partition(True)           # refuse and drop everything until partition(False)

Benchmarks run it in a process of its own (`LinkProcess`, same interface for the stats), so its threads
never compete with the client's for the client process's interpreter lock:

    with LinkProcess(server_port, rtt_ms=300, bandwidth_bps=1_000_000) as link: … link.stats …

Latency: every chunk is delivered `rtt/2` after it was read, in each direction, and a new connection
waits one RTT before its first byte goes through (the TCP handshake). Bandwidth: one shared serial
line per direction, paced per chunk. Byte counts (payload, both directions) are kept for benchmarks.
"""

from __future__ import annotations

import contextlib
import json
import queue
import socket
import struct
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass

CHUNK = 4096


@dataclass
class Stats:
    bytes_up: int = 0
    bytes_down: int = 0
    connections: int = 0
    cuts: int = 0


class _Direction:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.free_at = 0.0  # when the serial line is free again
        self.cut_after: int | None = None  # bytes still allowed before a cut (one-shot)


class Link:
    def __init__(
        self,
        target_port: int,
        *,
        target_host: str = "127.0.0.1",
        rtt_ms: float = 0.0,
        bandwidth_bps: float | None = None,
    ) -> None:
        self.target = (target_host, target_port)
        self.rtt = rtt_ms / 1000.0
        self.bandwidth = bandwidth_bps
        self.stats = Stats()
        self._up = _Direction()
        self._down = _Direction()
        self._down_flag = threading.Event()
        self._stop = threading.Event()
        self._conns: set[socket.socket] = set()
        self._conns_lock = threading.Lock()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(128)
        self.port = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- control -----------------------------------------------------------------------------------------

    def start(self) -> Link:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self._listener.close()
        self._reset_all()

    def __enter__(self) -> Link:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def cut_up_after(self, n: int) -> None:
        """Reset the connection once `n` more bytes have gone client → server."""
        with self._up.lock:
            self._up.cut_after = n

    def cut_down_after(self, n: int) -> None:
        """Reset the connection once `n` more bytes have gone server → client."""
        with self._down.lock:
            self._down.cut_after = n

    def clear_cuts(self) -> None:
        for d in (self._up, self._down):
            with d.lock:
                d.cut_after = None

    def partition(self, down: bool) -> None:
        """Drop every connection and refuse new ones (True) until healed (False)."""
        if down:
            self._down_flag.set()
            self._reset_all()
        else:
            self._down_flag.clear()

    def reset_stats(self) -> None:
        self.stats = Stats()

    # -- internals ---------------------------------------------------------------------------------------

    def _reset_all(self) -> None:
        with self._conns_lock:
            conns = list(self._conns)
            self._conns.clear()
        for s in conns:
            _reset(s)

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self._down_flag.is_set():
                _reset(client)
                continue
            try:
                server = socket.create_connection(self.target, timeout=10)
            except OSError:
                _reset(client)
                continue
            server.settimeout(None)
            for s in (client, server):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._conns_lock:
                self._conns.update((client, server))
            self.stats.connections += 1
            start = time.monotonic() + self.rtt  # the handshake costs one round trip
            pair = (client, server)
            for src, dst, d, up in ((client, server, self._up, True), (server, client, self._down, False)):
                q: queue.Queue[tuple[float, bytes] | None] = queue.Queue()
                threading.Thread(target=self._reader, args=(src, q, start, pair), daemon=True).start()
                threading.Thread(target=self._writer, args=(dst, q, d, up, pair), daemon=True).start()

    def _reader(
        self,
        src: socket.socket,
        q: queue.Queue[tuple[float, bytes] | None],
        start: float,
        pair: tuple[socket.socket, socket.socket],
    ) -> None:
        try:
            while True:
                data = src.recv(CHUNK)
                if not data:
                    break
                q.put((max(time.monotonic(), start) + self.rtt / 2, data))
        except OSError:
            pass
        q.put(None)

    def _writer(
        self,
        dst: socket.socket,
        q: queue.Queue[tuple[float, bytes] | None],
        d: _Direction,
        up: bool,
        pair: tuple[socket.socket, socket.socket],
    ) -> None:
        try:
            while True:
                item = q.get()
                if item is None:
                    with contextlib.suppress(OSError):
                        dst.shutdown(socket.SHUT_WR)
                    return
                due, data = item
                cut = False
                with d.lock:
                    if d.cut_after is not None:
                        if len(data) >= d.cut_after:
                            data, cut = data[: d.cut_after], True
                            d.cut_after = None
                        else:
                            d.cut_after -= len(data)
                    now = time.monotonic()
                    begin = max(now, due, d.free_at)
                    if self.bandwidth:
                        d.free_at = begin + len(data) * 8 / self.bandwidth
                        ready = d.free_at
                    else:
                        ready = begin
                wait = ready - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                if data:
                    dst.sendall(data)
                    if up:
                        self.stats.bytes_up += len(data)
                    else:
                        self.stats.bytes_down += len(data)
                if cut:
                    self.stats.cuts += 1
                    for s in pair:
                        _reset(s)
                    return
        except OSError:
            for s in pair:
                _reset(s)


def _reset(s: socket.socket) -> None:
    """Cut: close with RST (SO_LINGER 0) so the peer sees a broken connection, not an orderly end.
    `shutdown` first, because a plain close does not wake a thread blocked reading the same socket."""
    with contextlib.suppress(OSError):
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        s.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        s.close()


class LinkProcess:
    """A `Link` in a child process (`python linkemu.py PORT RTT_MS BANDWIDTH`): it prints its port, then
    answers each line "stats" on its stdin with its byte counts as JSON, and stops at the end of stdin."""

    def __init__(self, target_port: int, *, rtt_ms: float = 0.0, bandwidth_bps: float | None = None) -> None:
        self._argv = [sys.executable, __file__, str(target_port), str(rtt_ms), str(bandwidth_bps or 0)]
        self._proc: subprocess.Popen[str] | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LinkProcess:
        self._proc = subprocess.Popen(
            self._argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1
        )
        assert self._proc.stdout is not None
        self.port = int(self._proc.stdout.readline())
        return self

    @property
    def stats(self) -> Stats:
        assert self._proc is not None and self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write("stats\n")
        self._proc.stdin.flush()
        return Stats(**json.loads(self._proc.stdout.readline()))

    def stop(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            assert self._proc.stdin is not None
            self._proc.stdin.close()
            try:
                self._proc.wait(10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(10)

    def __enter__(self) -> LinkProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _serve(argv: list[str]) -> None:
    port, rtt_ms, bandwidth = int(argv[0]), float(argv[1]), float(argv[2])
    link = Link(port, rtt_ms=rtt_ms, bandwidth_bps=bandwidth or None).start()
    print(link.port, flush=True)
    for line in sys.stdin:
        if line.strip() == "stats":
            print(json.dumps(asdict(link.stats)), flush=True)
    link.stop()


if __name__ == "__main__":
    _serve(sys.argv[1:])
