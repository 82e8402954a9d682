"""Options a user sets on a client: retries, hub routing, safety limits, and what the SDK
tolerated or rejected."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import attrs
import orjson

logger = logging.getLogger("ocpi_sdk")


@attrs.frozen
class RetryPolicy:
    """Retries with exponential backoff, for idempotent requests only (GET, PUT, DELETE).

    A request is retried on a connection error or timeout, and on the HTTP ``statuses``
    (by default 429, 500, 502, 503, 504), at most ``attempts`` times in all. ``Retry-After`` is
    honoured (capped at ``max_delay``). ``RetryPolicy.off()`` disables retries.
    """

    attempts: int = 3
    backoff: float = 0.5
    max_delay: float = 30.0
    statuses: Sequence[int] = (429, 500, 502, 503, 504)

    @classmethod
    def off(cls) -> RetryPolicy:
        return cls(attempts=1)

    def delay(self, attempt: int, retry_after: str | None = None) -> float:
        """Seconds to wait before retry number ``attempt`` (1-based): ``Retry-After`` (seconds or
        an HTTP-date, RFC 9110 10.2.3) when it is a time, else our own backoff; never more than
        ``max_delay``."""
        if retry_after is not None:
            wait = _retry_after_seconds(retry_after)
            if wait is not None:
                return min(max(wait, 0.0), self.max_delay)
        return float(min(self.backoff * (2 ** (attempt - 1)), self.max_delay))


def _retry_after_seconds(value: str) -> float | None:
    """A ``Retry-After`` value as seconds from now (None when it is neither a finite number of
    seconds nor an HTTP-date)."""
    import math

    try:
        seconds = float(value)
    except ValueError:
        from datetime import UTC, datetime
        from email.utils import parsedate_to_datetime

        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return (when - datetime.now(UTC)).total_seconds()
    return seconds if math.isfinite(seconds) else None


@attrs.frozen
class Routing:
    """The OCPI 2.2+ routing headers, for talking to a party through a hub."""

    from_country_code: str
    from_party_id: str
    to_country_code: str | None = None
    to_party_id: str | None = None

    def headers(self) -> dict[str, str]:
        out = {
            "OCPI-from-country-code": self.from_country_code,
            "OCPI-from-party-id": self.from_party_id,
        }
        if self.to_country_code and self.to_party_id:
            out["OCPI-to-country-code"] = self.to_country_code
            out["OCPI-to-party-id"] = self.to_party_id
        return out


@attrs.frozen
class Tolerance:
    """Something a partner got wrong that the SDK carried on through, without losing data."""

    kind: str
    detail: str
    method: str = ""
    url: str = ""

    def __str__(self) -> str:
        return f"{self.kind}: {self.detail}" + (f" ({self.method} {self.url})" if self.url else "")


class ToleranceLog:
    """Where a client records what it tolerated: logged as warnings and kept in ``.events``, the
    latest ``MAX_EVENTS`` of them (``dropped`` counts the older ones let go), so a client that
    runs for weeks against a partner who gets one thing wrong on every page stays bounded."""

    MAX_EVENTS = 1000

    def __init__(self) -> None:
        self.events: list[Tolerance] = []
        self.dropped = 0

    def add(self, kind: str, detail: str, *, method: str = "", url: str = "") -> None:
        event = Tolerance(kind, detail, method, url)
        self.events.append(event)
        if len(self.events) > 2 * self.MAX_EVENTS:  # trimmed in bulk: O(1) a call on average
            over = len(self.events) - self.MAX_EVENTS
            del self.events[:over]
            self.dropped += over
        logger.warning("tolerated %s", event)


MIB = 1024 * 1024


@attrs.frozen
class Limits:
    """Safety limits of a client, so that no partner can keep it busy or fill its memory.

    ``max_body_bytes``: the largest response body read, counted after decompression (a gzip
    bomb stops at this size), default 64 MiB; a larger body is a
    :class:`~ocpi_sdk.errors.ResponseTooLargeError`. ``deadline``: seconds one call may take in
    all, retries, redirects and a slow-drip body included, default 120; past it the call raises
    :class:`~ocpi_sdk.errors.DeadlineExceededError`. ``max_pages``: the most pages one ``list()``
    fetches, default 10,000 (an endless ``Link`` chain stops there with a
    :class:`~ocpi_sdk.errors.PaginationError`). ``list_deadline``: seconds a whole ``list()``
    may take, default None (no limit beyond ``max_pages`` x ``deadline``). ``None`` switches a
    limit off.
    """

    max_body_bytes: int | None = 64 * MIB
    deadline: float | None = 120.0
    max_pages: int | None = 10_000
    list_deadline: float | None = None


@attrs.frozen
class Rejected:
    """An object of a partner's response that does not fit its OCPI model, kept as received.

    ``raw`` is the object's JSON value, ``problems`` each problem with its JSON path in the
    response (``$.data[3].evses[0].uid``), ``url`` the page it came from and ``index`` its place
    in that page's ``data``.
    """

    object_name: str
    raw: Any
    problems: tuple[Any, ...]
    url: str
    index: int

    @property
    def json(self) -> bytes:
        """The object as JSON text."""
        return orjson.dumps(self.raw, option=orjson.OPT_NON_STR_KEYS, default=str)

    def __str__(self) -> str:
        lines = "".join(f"\n  {p.path}: {p.message} [{p.rule}]" for p in self.problems)
        return f"invalid {self.object_name} at $.data[{self.index}] of {self.url}:{lines}"


class RejectedLog:
    """Where a client keeps the objects it could not read (``client.rejected``); each is also
    logged as a warning. At most ``keep`` are kept (the oldest go first); ``count`` counts all."""

    def __init__(self, keep: int = 1_000) -> None:
        self.keep = keep
        self.objects: list[Rejected] = []
        self.count = 0

    def add(self, rejected: Rejected) -> None:
        self.count += 1
        self.objects.append(rejected)
        if len(self.objects) > self.keep:
            del self.objects[0]
        logger.warning("rejected %s", rejected)
