"""Closing checks: what the whole run met (they run last)."""

from __future__ import annotations

from ocpi_sdk.check.catalogue import entry
from ocpi_sdk.check.context import Context
from ocpi_sdk.check.entries import _refs
from ocpi_sdk.check.model import Verdict, verdict


@entry(
    "transport.transient_errors",
    "No rate limiting, server errors or unreadable bodies during the run",
    sends="every GET of the run (each repeated up to twice after such an answer)",
    rule="a successful request is answered HTTP 200 with an OCPI envelope",
    ref=_refs.RESPONSE_FORMAT,
    severity="recommended",
)
def transient_errors(ctx: Context) -> Verdict:
    met = list(ctx.prober.transient)
    ctx.cite(*met[:8])
    problems = [f"{a.exchange.method} {a.exchange.url}: {a.describe()}" for a in met]
    return verdict(problems, "none met", "answers that had to be retried")
