"""Headers and the envelope's timestamp: request and correlation ids echoed (2.2+), DateTime
format, clock skew, content type."""

from __future__ import annotations

from datetime import UTC, datetime

from ocpi_sdk.check.catalogue import entry
from ocpi_sdk.check.context import Context
from ocpi_sdk.check.entries import _refs
from ocpi_sdk.check.model import SpecRef, Verdict, skipped, verdict
from ocpi_sdk.check.probe import Answer
from ocpi_sdk.converter import parse_datetime

V22 = ("2.2.1", "2.3.0")
SKEW = 300.0


def answered(ctx: Context) -> list[Answer]:
    """The successful answers read so far: versions, details, first page of each list."""
    out = [a for a in (ctx.versions_answer, ctx.details_answer) if a is not None]
    out += [p.first for p in ctx.pulls() if p.first is not None]
    good = [a for a in out if a.status == 200]
    ctx.cite(*good)
    return good


def echoed(ctx: Context, name: str) -> Verdict:
    problems = []
    answers = answered(ctx)
    for answer in answers:
        sent = answer.exchange.request_headers.get(name)
        got = answer.header(name)
        if sent and got != sent:
            ctx.blame(answer)
            problems.append(f"{answer.exchange.url}: sent {name} {sent}, got {got!r}")
    if not answers:
        return skipped("no answer to read")
    return verdict(problems, f"{name} echoed on {len(answers)} responses", f"{name} not echoed")


@entry(
    "headers.request_id",
    "X-Request-ID is echoed in the response",
    sends="X-Request-ID on every request",
    rule="the response to this request SHALL contain the same X-Request-ID",
    ref=_refs.UNIQUE_IDS,
    versions=V22,
)
def request_id(ctx: Context) -> Verdict:
    return echoed(ctx, "X-Request-ID")


@entry(
    "headers.correlation_id",
    "X-Correlation-ID is echoed in the response",
    sends="X-Correlation-ID on every request",
    rule="every response to this request SHALL contain the same X-Correlation-ID",
    ref=_refs.UNIQUE_IDS,
    versions=V22,
)
def correlation_id(ctx: Context) -> Verdict:
    return echoed(ctx, "X-Correlation-ID")


@entry(
    "headers.timestamp_format",
    "The envelope's timestamp is an OCPI DateTime",
    sends="the requests above",
    rule="timestamp: DateTime, RFC 3339 in UTC; '+00:00' is not UTC",
    ref=_refs.DATETIME,
)
def timestamp_format(ctx: Context) -> Verdict:
    problems = []
    answers = answered(ctx)
    for answer in answers:
        stamp = answer.envelope.get("timestamp") if answer.envelope else None
        if not _is_datetime(stamp):
            ctx.blame(answer)
            problems.append(f"{answer.exchange.url}: timestamp {stamp!r}")
    if not answers:
        return skipped("no answer to read")
    return verdict(problems, "timestamps well formed", "timestamps not OCPI DateTimes")


@entry(
    "headers.clock_skew",
    "The platform's clock is within 5 minutes of the bench's",
    sends="the requests above",
    rule="timestamp: the time this message was generated",
    ref=_refs.RESPONSE_FORMAT,
    severity="recommended",
)
def clock_skew(ctx: Context) -> Verdict:
    problems = []
    answers = answered(ctx)
    for answer in answers:
        stamp = answer.envelope.get("timestamp") if answer.envelope else None
        if not _is_datetime(stamp):
            continue
        skew = (parse_datetime(str(stamp)) - datetime.now(UTC)).total_seconds()
        if abs(skew) > SKEW:
            ctx.blame(answer)
            problems.append(f"{answer.exchange.url}: timestamp {stamp} is {skew:+.0f} s off")
    if not answers:
        return skipped("no answer to read")
    return verdict(problems, "clock within 5 minutes", "clock skew above 5 minutes")


@entry(
    "headers.content_type",
    "Responses are served as application/json",
    sends="the requests above",
    rule="OCPI messages are JSON over HTTP",
    ref=SpecRef("transport_and_format", "JSON / HTTP implementation guide"),
    severity="recommended",
)
def content_type(ctx: Context) -> Verdict:
    problems = []
    answers = answered(ctx)
    for answer in answers:
        kind = (answer.header("Content-Type") or "").split(";")[0].strip().lower()
        if kind != "application/json":
            ctx.blame(answer)
            problems.append(f"{answer.exchange.url}: Content-Type {kind or 'missing'}")
    if not answers:
        return skipped("no answer to read")
    return verdict(problems, "application/json", "other content types")


def _is_datetime(value: object) -> bool:
    if not isinstance(value, str) or len(value) < 19 or value[10:11] != "T":
        return False
    if "+" in value[19:] or "-" in value[19:]:
        return False  # an offset: OCPI DateTimes are UTC, with Z or nothing
    try:
        parse_datetime(value)
    except (TypeError, ValueError):
        return False
    return True
