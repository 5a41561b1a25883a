"""A small in-process rate limit (sliding window per client address) for the public pages: the verify page
answers 429 past `limit` requests a minute from one address, so serials cannot be enumerated quickly.
Each server worker keeps its own window (several workers allow that many times the limit; still far below
what enumeration needs)."""

from __future__ import annotations

import threading
import time
from collections import deque

MAX_CLIENTS = 50_000


class RateLimit:
    def __init__(self, limit: int = 30, window: float = 60.0) -> None:
        self.limit = limit
        self.window = window
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        """Count a request from `client`; False when it is over the limit (the request is not counted)."""
        now = time.monotonic()
        with self._lock:
            if len(self._hits) > MAX_CLIENTS:  # forget idle clients (bounded memory)
                for key in [k for k, q in self._hits.items() if not q or q[-1] < now - self.window]:
                    del self._hits[key]
            hits = self._hits.setdefault(client, deque())
            while hits and hits[0] < now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            return True

    def retry_after(self, client: str) -> int:
        with self._lock:
            hits = self._hits.get(client)
            if not hits:
                return 1
            return max(1, int(hits[0] + self.window - time.monotonic()) + 1)
