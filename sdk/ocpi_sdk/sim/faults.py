"""Named, seeded, reproducible ways for a simulator to misbehave like real partners do.

Faults that make a request fail (429, 5xx, a truncated or non-JSON body) are injected only on
requests the SDK may safely repeat (GET, PUT, DELETE), and never twice in a row on the same URL,
so a careful client can always absorb them; ``reject_post`` (not part of ``all``) fails a POST,
which no client can safely retry, to show how an unrecoverable fault is reported.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterable

FAILING = ("rate_limit", "server_error", "truncated", "not_json")
SHAPING = ("slow", "one_per_page", "link_other_path", "no_z", "extra_fields", "plain_token")
ALL = FAILING + SHAPING
EXTRA = ("reject_post",)
KNOWN = ALL + EXTRA

DESCRIPTIONS = {
    "rate_limit": "HTTP 429 with Retry-After",
    "server_error": "random HTTP 500/503",
    "truncated": "a response body cut short",
    "not_json": "an HTML error page instead of JSON",
    "slow": "responses delayed",
    "one_per_page": "pages of one item whatever limit says",
    "link_other_path": "next-page Link on another path than the request's",
    "no_z": "DateTimes without the Z",
    "extra_fields": "unknown extra fields in objects",
    "plain_token": "the plain token where 2.2 wants base64 (sent and required)",
    "reject_post": "HTTP 503 on POST requests (not recoverable)",
}

HANDLING = {
    "rate_limit": "retried after Retry-After (idempotent requests)",
    "server_error": "retried with backoff (idempotent requests)",
    "truncated": "retried: the body was not JSON (idempotent requests)",
    "not_json": "retried: the body was not JSON (idempotent requests)",
    "slow": "waited, within the client's timeout",
    "one_per_page": "followed every next-page Link",
    "link_other_path": "followed the Link URL as given",
    "no_z": "read as UTC, as the spec says",
    "extra_fields": "ignored unknown fields (notes with validate_responses)",
    "plain_token": "token encoding fallback (client) / plain token accepted (server)",
    "reject_post": "not recoverable: a POST may not be repeated",
}


def parse(names: str | Iterable[str] | None) -> tuple[str, ...]:
    """``"all"``, ``"rate_limit,no_z"`` or a list, checked against the known names."""
    if names is None:
        return ()
    items = [n.strip() for n in (names.split(",") if isinstance(names, str) else names)]
    chosen: list[str] = []
    for name in items:
        if not name:
            continue
        if name == "all":
            chosen.extend(ALL)
        elif name in KNOWN:
            chosen.append(name)
        else:
            raise ValueError(f"unknown fault {name!r}; known: all, {', '.join(KNOWN)}")
    return tuple(dict.fromkeys(chosen))


class FaultPlan:
    """Decides, reproducibly from ``seed``, which fault (if any) a request meets.

    Failing faults hit one eligible request in every ``1/rate`` (the phase drawn from the seed),
    taking the chosen faults in turn, so a run of any length meets each of them.
    """

    def __init__(self, names: Iterable[str], *, seed: int = 0, rate: float = 0.25) -> None:
        self.names = tuple(names)
        self.rate = rate
        self._random = random.Random(seed)
        self._last_faulted: set[str] = set()
        self._every = max(2, round(1 / rate)) if rate > 0 else 0
        self._eligible = self._random.randrange(self._every) if self._every else 0
        self._next = self._random.randrange(len(FAILING))
        self._lock = threading.Lock()
        self.met: dict[str, int] = {}

    def __contains__(self, name: str) -> bool:
        return name in self.names

    def failing(self, method: str, url: str) -> str | None:
        """A failing fault for this request, or None."""
        if method == "POST" and "reject_post" in self.names:
            return self._count("reject_post")
        candidates = [n for n in FAILING if n in self.names]
        if not candidates or method not in ("GET", "PUT", "DELETE"):
            return None
        key = f"{method} {url}"
        with self._lock:
            if key in self._last_faulted:
                self._last_faulted.discard(key)
                return None
            self._eligible += 1
            if not self._every or self._eligible % self._every:
                return None
            self._last_faulted.add(key)
            self._next += 1
            return self._count(candidates[self._next % len(candidates)])

    def shaping(self, name: str) -> bool:
        """Whether a shaping fault applies to this response (counted when it does)."""
        if name not in self.names:
            return False
        self._count(name)
        return True

    def _count(self, name: str) -> str:
        self.met[name] = self.met.get(name, 0) + 1
        return name

    def choice(self, options: list[int]) -> int:
        with self._lock:
            return self._random.choice(options)
