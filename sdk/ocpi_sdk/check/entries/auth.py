"""Authentication: a missing, wrong or wrongly encoded token gets 401 with an OCPI envelope;
the token is Base64-encoded from 2.2 on."""

from __future__ import annotations

from ocpi_sdk.check.catalogue import entry
from ocpi_sdk.check.context import Context
from ocpi_sdk.check.entries import _refs
from ocpi_sdk.check.model import Verdict, failed, passed, skipped
from ocpi_sdk.check.probe import Answer, Auth

V22 = ("2.2.1", "2.3.0")


def module_url(ctx: Context) -> str | None:
    """A module endpoint to probe: the first Sender list, else any non-credentials endpoint."""
    lists = ctx.sender_lists()
    if lists:
        return lists[0][2]
    for endpoint in ctx.endpoints:
        if endpoint.get("identifier") not in ("credentials", "versions"):
            url = endpoint.get("url")
            return str(url) if isinstance(url, str) else None
    return None


def probe(ctx: Context, where: str, auth: Auth) -> Answer | None:
    url = ctx.versions_url if where == "versions" else module_url(ctx)
    if url is None:
        return None
    answer: Answer = ctx.memo(f"auth:{where}:{auth}", lambda: ctx.get(url, auth=auth))
    ctx.cite(answer)
    return answer


def expect_401(ctx: Context, where: str, auth: Auth) -> Verdict:
    answer = probe(ctx, where, auth)
    if answer is None:
        return skipped("no module endpoint to probe")
    if answer.status == 401:
        return passed("HTTP 401")
    ctx.blame(answer)
    return failed(f"{answer.describe()}, expected HTTP 401 Unauthorized")


AUTH_RULE = "missing header or unknown token: the server SHALL respond with HTTP 401"


@entry(
    "auth.versions_no_token",
    "The versions endpoint refuses a request without a token",
    sends="GET VERSIONS_URL without Authorization",
    rule=AUTH_RULE,
    ref=_refs.AUTH,
)
def versions_no_token(ctx: Context) -> Verdict:
    return expect_401(ctx, "versions", "none")


@entry(
    "auth.versions_wrong_token",
    "The versions endpoint refuses an unknown token",
    sends="GET VERSIONS_URL with a made-up token",
    rule=AUTH_RULE,
    ref=_refs.AUTH,
)
def versions_wrong_token(ctx: Context) -> Verdict:
    return expect_401(ctx, "versions", "wrong")


@entry(
    "auth.module_no_token",
    "A module endpoint refuses a request without a token",
    sends="GET a module endpoint without Authorization",
    rule=AUTH_RULE,
    ref=_refs.AUTH,
)
def module_no_token(ctx: Context) -> Verdict:
    return expect_401(ctx, "module", "none")


@entry(
    "auth.module_wrong_token",
    "A module endpoint refuses an unknown token",
    sends="GET a module endpoint with a made-up token",
    rule=AUTH_RULE,
    ref=_refs.AUTH,
)
def module_wrong_token(ctx: Context) -> Verdict:
    return expect_401(ctx, "module", "wrong")


@entry(
    "auth.garbled_token",
    "A wrongly encoded token is refused with 401 (not 200/3000, not 500)",
    sends="GET a module endpoint with 'Authorization: Token %%not-base64%%'",
    rule="the encoded token is Base64 of the credentials token; an unknown one gets HTTP 401",
    ref=_refs.AUTH,
    versions=V22,
)
def garbled_token(ctx: Context) -> Verdict:
    return expect_401(ctx, "module", "garbled")


@entry(
    "auth.error_envelope",
    "Authentication errors carry an OCPI envelope",
    sends="the unauthenticated requests above",
    rule="every response SHALL be an OCPI response message (status_code, timestamp)",
    ref=_refs.RESPONSE_FORMAT,
)
def error_envelope(ctx: Context) -> Verdict:
    problems = []
    answers = [probe(ctx, w, a) for w in ("versions", "module") for a in ("none", "wrong")]
    refused = [a for a in answers if a is not None and a.status is not None and a.status >= 400]
    if not refused:
        return skipped("no refused request to read")
    for answer in refused:
        env = answer.envelope
        if env is None or not isinstance(env.get("status_code"), int) or "timestamp" not in env:
            ctx.blame(answer)
            problems.append(f"{answer.exchange.method} {answer.exchange.url}: {answer.describe()}")
    if problems:
        return failed("authentication errors without an OCPI envelope", *problems)
    codes = sorted({str(a.status_code) for a in refused})
    return passed(f"{len(refused)} errors with envelopes (OCPI {', '.join(codes)})")


@entry(
    "auth.base64_token",
    "The Base64-encoded token is accepted",
    sends="GET VERSIONS_URL and the version details with 'Token base64(TOKEN)'",
    rule="after 'Token ' SHALL come the Base64 encoding of the credentials token",
    ref=_refs.AUTH,
    versions=V22,
)
def base64_token(ctx: Context) -> Verdict:
    trials: list[tuple[str, Answer]] = ctx.store.get("encoding trials", [])
    ctx.cite(*(a for _, a in trials))
    refused = [a for how, a in trials if how == "base64" and not a.accepted]
    if refused:
        for answer in refused:
            ctx.blame(answer)
        accepted = ", ".join(sorted({h for h, a in trials if a.accepted}))
        return failed(
            f"the Base64-encoded token was refused ({refused[0].describe()})"
            + (f"; accepted: {accepted}" if accepted else "")
        )
    if ctx.token_encoding != "base64":
        return failed(f"the platform wants the {ctx.token_encoding} token")
    return passed("Base64 token accepted")
