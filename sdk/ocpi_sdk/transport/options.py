"""Options a user sets on a client: retries, hub routing, and what the SDK tolerated."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import attrs

logger = logging.getLogger("ocpi_sdk")


@attrs.frozen
class RetryPolicy:
    """Retries with exponential backoff, for idempotent requests only (GET, PUT, DELETE).

    A request is retried on a connection error or timeout, and on the HTTP ``statuses``
    (by default 429, 502, 503, 504), at most ``attempts`` times in all. ``Retry-After`` is honoured
    (capped at ``max_delay``). ``RetryPolicy.off()`` disables retries.
    """

    attempts: int = 3
    backoff: float = 0.5
    max_delay: float = 30.0
    statuses: Sequence[int] = (429, 502, 503, 504)

    @classmethod
    def off(cls) -> RetryPolicy:
        return cls(attempts=1)

    def delay(self, attempt: int, retry_after: str | None = None) -> float:
        """Seconds to wait before retry number ``attempt`` (1-based)."""
        if retry_after is not None:
            try:
                return min(max(float(retry_after), 0.0), self.max_delay)
            except ValueError:
                pass  # an HTTP-date: fall back to our own backoff
        return float(min(self.backoff * (2 ** (attempt - 1)), self.max_delay))


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
    """Where a client records what it tolerated: kept in ``.events`` and logged as warnings."""

    def __init__(self) -> None:
        self.events: list[Tolerance] = []

    def add(self, kind: str, detail: str, *, method: str = "", url: str = "") -> None:
        event = Tolerance(kind, detail, method, url)
        self.events.append(event)
        logger.warning("tolerated %s", event)
