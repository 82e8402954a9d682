"""Rules of named profiles (severity ``profile``): stricter than the spec, each from a public
document named in the profile's data file (``profiles/<name>.json``)."""

from __future__ import annotations

import re
from functools import partial
from urllib.parse import urlsplit

from ocpi_sdk.check.catalogue import entry
from ocpi_sdk.check.context import Context
from ocpi_sdk.check.entries import _refs
from ocpi_sdk.check.entries.headers import answered
from ocpi_sdk.check.model import Verdict, skipped, verdict
from ocpi_sdk.check.probe import Answer

HUB = "hub-ready"
RFID_UID = re.compile(r"^(?:[0-9A-F]{8}|[0-9A-F]{14})$")


@entry(
    "profile.https_only",
    "Every URL the platform publishes is HTTPS",
    sends="GET versions and version details",
    rule="HTTPS only (TLS) between hub and parties",
    ref=_refs.VERSIONS_LIST,
    severity="profile",
    profile=HUB,
)
def https_only(ctx: Context) -> Verdict:
    ctx.cite(ctx.versions_answer, ctx.details_answer)
    urls = [ctx.versions_url]
    data = ctx.versions_answer.data if ctx.versions_answer else None
    urls += [str(v.get("url")) for v in data or [] if isinstance(v, dict)]
    urls += [str(e.get("url")) for e in ctx.endpoints]
    plain = sorted({u for u in urls if urlsplit(u).scheme != "https"})
    return verdict(plain, f"{len(urls)} URLs on https", "URLs not on https")


@entry(
    "profile.request_id_always",
    "X-Request-ID and X-Correlation-ID are echoed on every response, errors included",
    sends="every request of the run",
    rule="request and correlation ids echoed on all responses, in every version",
    ref=_refs.UNIQUE_IDS,
    severity="profile",
    profile=HUB,
)
def request_id_always(ctx: Context) -> Verdict:
    answers: list[Answer] = answered(ctx)
    answers += [v for k, v in ctx.store.items() if k.startswith("auth:") and v is not None]
    problems = []
    for answer in answers:
        if answer.status is None:
            continue
        for name in ("X-Request-ID", "X-Correlation-ID"):
            sent = answer.exchange.request_headers.get(name)
            if sent and answer.header(name) != sent:
                ctx.cite(answer)
                ctx.blame(answer)
                problems.append(f"HTTP {answer.status} {answer.exchange.url}: no {name}")
    return verdict(problems, f"{len(answers)} responses echo both ids", "ids not echoed")


@entry(
    "profile.page_size",
    "Default page sizes are within the hub's limits",
    sends="GET each Sender list without limit",
    rule="page sizes per module within the hub's limits (e.g. Locations 20-100)",
    ref=_refs.PAGINATED_RESPONSE,
    severity="profile",
    profile=HUB,
)
def page_size(ctx: Context) -> Verdict:
    limits = ctx.profile.params("profile.page_size")
    problems, done = [], 0
    for module, _, url in ctx.sender_lists():
        bounds = limits.get(module)
        if not bounds:
            continue
        answer: Answer = ctx.memo(f"nolimit:{module}", partial(ctx.get, url))
        ctx.cite(answer)
        raw = answer.header("X-Limit")
        if raw is None or not raw.strip().isdigit():
            problems.append(f"{module}: X-Limit {raw!r}")
            continue
        done += 1
        got = int(raw)
        if got < bounds.get("min", 0) or got > bounds.get("max", got):
            ctx.blame(answer)
            problems.append(f"{module}: page size {got}, the hub wants {bounds}")
    if not done and not problems:
        return skipped("no list the profile limits")
    return verdict(problems, f"{done} lists within limits", "page sizes outside the hub's limits")


@entry(
    "profile.rfid_uid",
    "RFID Token uids are uppercase hex of 8 or 14 characters",
    sends="GET tokens",
    rule="RFID UID as uppercase hexadecimal, 8 (4 bytes) or 14 (7 bytes) characters",
    ref=_refs.module_ref("tokens", "_Token_ Object", "3.2 _Token_ Object"),
    severity="profile",
    profile=HUB,
    roles=("emsp",),
)
def rfid_uid(ctx: Context) -> Verdict:
    if "tokens" not in [m for m, _, _ in ctx.sender_lists()]:
        return skipped("no Tokens Sender endpoint")
    tokens = [
        t for t in ctx.pull("tokens").objects if isinstance(t, dict) and t.get("type") == "RFID"
    ]
    bad = [f"{t.get('uid')!r}" for t in tokens if not RFID_UID.match(str(t.get("uid")))]
    if not tokens:
        return skipped("no RFID Tokens")
    return verdict(bad, f"{len(tokens)} RFID uids well formed", "RFID uids not uppercase hex 8/14")
