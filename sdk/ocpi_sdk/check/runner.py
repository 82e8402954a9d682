"""Running the catalogue against a system under test: discovery, then each check in turn."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Literal

import attrs

from ocpi_sdk import packages
from ocpi_sdk.check import profiles
from ocpi_sdk.check.catalogue import select
from ocpi_sdk.check.context import CannotStart, Context
from ocpi_sdk.check.model import ROLES, Check, Outcome, Result, Severity, Verdict, failed
from ocpi_sdk.check.probe import Answer, Prober, Redactor

Progress = Callable[[int, int, Result], None]


@attrs.define
class Options:
    """What ``ocpi check`` was asked to do."""

    versions_url: str
    token: str = attrs.field(repr=False)
    role: str
    version: str | None = None
    mode: str = "read-only"
    only: str | None = None
    profile: str = "default"
    listen: str | None = None
    public_url: str | None = None
    wait: float = 60.0
    timeout: float = 15.0
    second_token: str | None = attrs.field(default=None, repr=False)


@attrs.define
class Run:
    """A finished run: what was tested and every result."""

    target: str
    role: str
    version: str
    mode: str
    profile: str
    started: datetime
    finished: datetime | None = None
    results: list[Result] = attrs.field(factory=list)
    notes: list[str] = attrs.field(factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)

    @property
    def failed_required(self) -> list[Result]:
        return [r for r in self.results if r.outcome == "fail"]

    @property
    def exit_status(self) -> int:
        """0 when no required (or chosen profile) check failed, 1 otherwise."""
        return 1 if self.failed_required else 0


def effective_severity(check: Check, profile: profiles.Profile) -> Severity:
    rule = profile.rule(check.id)
    if rule is not None and rule.severity == "required":
        return "required"
    if rule is not None and rule.severity == "recommended":
        return "recommended"
    return check.severity


def outcome_of(verdict: Verdict, severity: Severity) -> Outcome:
    """A failed recommended check is a warning; required and profile ones fail."""
    if verdict.outcome == "fail" and severity == "recommended":
        return "warn"
    return verdict.outcome


def start(options: Options, prober: Prober, profile: profiles.Profile) -> Context:
    """Read the versions and the details of the chosen version, learning the token encoding."""
    trials: list[tuple[str, Answer]] = []
    answer = prober.get(options.versions_url, auth="base64")
    trials.append(("base64", answer))
    if answer.error:
        raise CannotStart(f"{options.versions_url} is unreachable: {answer.error}")
    if _refused(answer):
        answer = prober.get(options.versions_url, auth="plain")
        trials.append(("plain", answer))
        if _refused(answer):
            raise CannotStart(
                f"the token was refused on {options.versions_url} ({answer.describe()}), "
                "Base64-encoded and plain"
            )
    versions = answer.data
    if answer.status != 200 or not isinstance(versions, list):
        raise CannotStart(f"no versions list at {options.versions_url}: {answer.describe()}")
    offered = {
        str(v.get("version")): str(v.get("url"))
        for v in versions
        if isinstance(v, dict) and v.get("url")
    }
    from ocpi_sdk.negotiation import NoCommonVersionError, choose_version

    supported = [v for v in packages.sdk_versions() if options.version in (None, v)]
    if not supported:
        raise CannotStart(f"unknown OCPI version {options.version}")
    try:
        version, _, details_url = choose_version(offered, supported)
    except NoCommonVersionError as exc:
        raise CannotStart(str(exc)) from None
    wanted = packages.package(version).PROFILE.token_encoding
    expected: Literal["plain", "base64"] = "base64" if wanted == "base64" else "plain"
    details = prober.get(details_url, auth=expected)
    trials.append((expected, details))
    encoding = expected
    if _refused(details):
        other: Literal["plain", "base64"] = "plain" if expected == "base64" else "base64"
        retry = prober.get(details_url, auth=other)
        trials.append((other, retry))
        if retry.accepted:
            details, encoding = retry, other
    prober.encoding = encoding
    data = details.data
    endpoints = (
        [e for e in data.get("endpoints") or [] if isinstance(e, dict)]
        if isinstance(data, dict)
        else []
    )
    ctx = Context(
        versions_url=options.versions_url,
        role=options.role,
        version=version,
        mode=options.mode,
        prober=prober,
        profile=profile,
        wait=options.wait,
        versions_answer=answer,
        details_answer=details,
        endpoints=endpoints,
        token_encoding=encoding,
    )
    ctx.store["encoding trials"] = trials
    return ctx


def _refused(answer: Answer) -> bool:
    """401, or HTTP 200 with an OCPI error and no data (some servers answer a badly encoded
    token so): worth trying the other encoding."""
    if answer.status == 401:
        return True
    code = answer.status_code
    return answer.status == 200 and isinstance(code, int) and code >= 2000 and not answer.data


def connect_sdk(ctx: Context) -> None:
    """A Connection through the SDK's own negotiation, for the checks that use its clients."""
    from ocpi_sdk.negotiation import connect

    try:
        ctx.connection = connect(
            ctx.versions_url,
            ctx.prober.token,
            role=ctx.bench_role,
            versions=[ctx.version],
            token_encoding=ctx.token_encoding,
        )
    except Exception as exc:
        ctx.store["sdk connect error"] = f"{type(exc).__name__}: {exc}"


def run(
    options: Options,
    *,
    progress: Progress | None = None,
    transport: Any = None,
) -> Run:
    """Run the checks ``options`` select; raises :class:`CannotStart` when discovery fails."""
    if options.role.lower() not in ROLES or options.mode not in ("read-only", "active"):
        raise CannotStart(f"role must be one of {', '.join(ROLES)} and mode read-only or active")
    options = attrs.evolve(options, role=options.role.lower())
    try:
        profile = profiles.load(options.profile)
    except profiles.UnknownProfileError as exc:
        raise CannotStart(str(exc)) from None
    redactor = Redactor(options.token, options.second_token or "")
    prober = Prober(options.token, redactor=redactor, timeout=options.timeout, transport=transport)
    started = datetime.now(UTC)
    try:
        ctx = start(options, prober, profile)
        run_ = Run(
            options.versions_url, options.role, ctx.version, options.mode, profile.name, started
        )
        chosen = select(
            role=options.role,
            version=ctx.version,
            mode=options.mode,
            only=options.only,
            profile_checks=tuple(r.check for r in profile.rules),
        )
        if options.mode == "active":
            from ocpi_sdk.check.bench import Bench

            ctx.bench = Bench(ctx, options)
            ctx.bench.start()
        try:
            connect_sdk(ctx)
            lists = ctx.sender_lists()
            first = ctx.pull(lists[0][0]).first if lists else None
            if first is not None and first.status == 401:
                ctx.modules_refused = first
                run_.notes.append(
                    "the token was refused on the modules (HTTP 401): read-only mode needs a "
                    "token the platform issued to you as a registered partner (token C); "
                    "--mode active registers with a token A"
                )
            for index, check in enumerate(chosen, 1):
                result = run_one(ctx, check)
                run_.results.append(result)
                if progress is not None:
                    progress(index, len(chosen), result)
        finally:
            if ctx.bench is not None:
                ctx.bench.stop()
                run_.notes.extend(ctx.bench.notes)
    finally:
        prober.close()
    for result in run_.results:  # secrets learnt late (a rotated token) leave no trace
        for exchange in result.evidence:
            exchange.redact(redactor)
        result.message = redactor(result.message)
        result.details = [redactor(d) for d in result.details]
    run_.notes = [redactor(n) for n in run_.notes]
    run_.finished = datetime.now(UTC)
    return run_


def run_one(ctx: Context, check: Check) -> Result:
    ctx.prober.recording = []
    begun = time.perf_counter()
    try:
        found = check.run(ctx)
    except Exception as exc:
        found = failed(f"the check could not finish: {type(exc).__name__}: {exc}")
    severity = effective_severity(check, ctx.profile)
    redact = ctx.prober.redact
    spec = check.reference(ctx.version)
    rule = ctx.profile.rule(check.id)
    if rule is not None:
        spec = f"{spec}; profile {ctx.profile.name}: {rule.source}"
    return Result(
        check=attrs.evolve(check, severity=severity),
        outcome=outcome_of(found, severity),
        message=redact(found.message),
        spec=spec,
        details=[redact(d) for d in found.details],
        evidence=list(ctx.prober.recording[:8]),
        seconds=time.perf_counter() - begun,
    )
