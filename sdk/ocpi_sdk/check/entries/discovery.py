"""Versions and version details: the envelope, the lists, the URLs, the endpoints offered."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

from ocpi_sdk import packages, schemas
from ocpi_sdk.check.catalogue import entry
from ocpi_sdk.check.context import Context
from ocpi_sdk.check.entries import _refs
from ocpi_sdk.check.entries._valid import without_nulls
from ocpi_sdk.check.model import Verdict, failed, passed, skipped, verdict
from ocpi_sdk.check.probe import Answer

V22 = ("2.2.1", "2.3.0")


def envelope_problems(answer: Answer, name: str | None, version: str) -> list[str]:
    """What is wrong with a response that should be an OCPI envelope carrying ``name``."""
    if answer.error:
        return [answer.describe()]
    if answer.envelope is None:
        return [f"HTTP {answer.status}: the body is not an OCPI envelope: {answer.text[:120]!r}"]
    report = schemas.check_envelope(without_nulls(answer.document), name, version=version)
    return [f"{p.path}: {p.message}" for p in report.errors]


def _absolute(url: Any) -> bool:
    if not isinstance(url, str):
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@entry(
    "versions.envelope",
    "The versions list is an OCPI envelope with a list of Version objects",
    sends="GET VERSIONS_URL with the token",
    rule="every response SHALL be an OCPI response message; data: Version[]",
    ref=_refs.VERSIONS_LIST,
)
def versions_envelope(ctx: Context) -> Verdict:
    answer = ctx.versions_answer
    ctx.cite(answer)
    if answer is None:
        return skipped("the versions list was not read")
    newest = max(packages.sdk_versions(), key=packages.version_key)  # knows every number
    problems = envelope_problems(answer, "Version", newest)
    if answer.status != 200:
        problems.insert(0, f"HTTP {answer.status}, expected 200")
    return verdict(problems, "envelope and Version list valid", "the versions list is invalid")


@entry(
    "versions.unique",
    "Each version is listed once",
    sends="GET VERSIONS_URL",
    rule="a list of the versions the platform supports, each with its details URL",
    ref=_refs.VERSIONS_LIST,
)
def versions_unique(ctx: Context) -> Verdict:
    ctx.cite(ctx.versions_answer)
    data = ctx.versions_answer.data if ctx.versions_answer else None
    if not isinstance(data, list):
        return skipped("no versions list to read")
    counts = Counter(str(v.get("version")) for v in data if isinstance(v, dict))
    twice = [f"{v} listed {n} times" for v, n in counts.items() if n > 1]
    return verdict(twice, f"{len(counts)} distinct versions", "versions listed more than once")


@entry(
    "versions.absolute_urls",
    "Version URLs are absolute http(s) URLs",
    sends="GET VERSIONS_URL",
    rule="url: URL of the endpoint with the details of this version",
    ref=_refs.VERSIONS_LIST,
)
def versions_urls(ctx: Context) -> Verdict:
    ctx.cite(ctx.versions_answer)
    data = ctx.versions_answer.data if ctx.versions_answer else None
    if not isinstance(data, list):
        return skipped("no versions list to read")
    bad = [
        f"$[{i}].url: {v.get('url')!r} is not an absolute URL"
        for i, v in enumerate(data)
        if isinstance(v, dict) and not _absolute(v.get("url"))
    ]
    return verdict(bad, "every version URL is absolute", "relative or invalid version URLs")


@entry(
    "details.envelope",
    "Version details are an OCPI envelope with a VersionDetails object",
    sends="GET the chosen version's details URL",
    rule="data: VersionDetails (one object), listing the endpoints of this version",
    ref=_refs.VERSION_DETAILS,
)
def details_envelope(ctx: Context) -> Verdict:
    answer = ctx.details_answer
    ctx.cite(answer)
    if answer is None:
        return skipped("the version details were not read")
    custom = re.compile(r"^\$\.data\.endpoints\[\d+\]\.identifier: ")
    problems = [  # custom module ids are allowed (Custom Modules)
        p for p in envelope_problems(answer, "VersionDetails", ctx.version) if not custom.match(p)
    ]
    if isinstance(answer.data, list):
        problems.insert(0, "$.data is a list; the version details are one object")
    return verdict(problems, "envelope and VersionDetails valid", "the version details are invalid")


@entry(
    "details.version_matches",
    "Version details name the version they describe",
    sends="GET the chosen version's details URL",
    rule="version: the version number of these details",
    ref=_refs.VERSION_DETAILS,
)
def details_version(ctx: Context) -> Verdict:
    ctx.cite(ctx.details_answer)
    data = ctx.details_answer.data if ctx.details_answer else None
    if not isinstance(data, dict):
        return skipped("no version details object to read")
    if str(data.get("version")) != ctx.version:
        return failed(f"the details of {ctx.version} say version {data.get('version')!r}")
    return passed(f"version {ctx.version}")


@entry(
    "details.absolute_urls",
    "Endpoint URLs are absolute http(s) URLs",
    sends="GET the version details",
    rule="url: URL to the endpoint",
    ref=_refs.ENDPOINT_CLASS,
)
def details_urls(ctx: Context) -> Verdict:
    ctx.cite(ctx.details_answer)
    bad = [
        f"$.endpoints[{i}].url: {e.get('url')!r} is not an absolute URL"
        for i, e in enumerate(ctx.endpoints)
        if not _absolute(e.get("url"))
    ]
    if not ctx.endpoints:
        return skipped("no endpoints listed")
    return verdict(bad, f"{len(ctx.endpoints)} absolute endpoint URLs", "bad endpoint URLs")


@entry(
    "details.credentials",
    "The credentials module is offered",
    sends="GET the version details",
    rule="every party SHALL implement the credentials module (to register)",
    ref=_refs.REGISTRATION,
)
def details_credentials(ctx: Context) -> Verdict:
    ctx.cite(ctx.details_answer)
    if not ctx.endpoints:
        return skipped("no endpoints listed")
    if ctx.endpoint("credentials") is None:
        listed = ", ".join(sorted({str(e.get("identifier")) for e in ctx.endpoints}))
        return failed(f"no credentials endpoint; listed: {listed}")
    return passed("credentials offered")


@entry(
    "details.roles",
    "Every endpoint says which interface role it is (SENDER/RECEIVER)",
    sends="GET the version details",
    rule="role: InterfaceRole, the interface of the module this endpoint implements",
    ref=_refs.ENDPOINT_CLASS,
    versions=V22,
)
def details_roles(ctx: Context) -> Verdict:
    ctx.cite(ctx.details_answer)
    if not ctx.endpoints:
        return skipped("no endpoints listed")
    bad = [
        f"$.endpoints[{i}] ({e.get('identifier')}): role {e.get('role')!r}"
        for i, e in enumerate(ctx.endpoints)
        if e.get("role") not in ("SENDER", "RECEIVER")
    ]
    return verdict(bad, "every endpoint has its role", "endpoints without a valid role")


@entry(
    "details.unique_endpoints",
    "Each module interface is listed once; custom modules are allowed",
    sends="GET the version details",
    rule="one endpoint per module (and role); custom module ids may be added",
    ref=_refs.CUSTOM_MODULES,
)
def details_unique(ctx: Context) -> Verdict:
    ctx.cite(ctx.details_answer)
    if not ctx.endpoints:
        return skipped("no endpoints listed")
    keys = Counter(
        (str(e.get("identifier")), str(e.get("role")) if ctx.has_roles else "")
        for e in ctx.endpoints
    )
    twice = [f"{m} {r}".strip() + f" listed {n} times" for (m, r), n in keys.items() if n > 1]
    known = {i.module for i in schemas.interfaces(ctx.version)}
    custom = sorted({m for m, _ in keys} - known)
    note = f"; custom modules: {', '.join(custom)}" if custom else ""
    return verdict(twice, f"{len(keys)} endpoints{note}", "endpoints listed more than once")


@entry(
    "details.role_modules",
    "The Sender interfaces of the platform's role are offered",
    sends="GET the version details",
    rule="a platform offers the interfaces its role implements (Locations Sender for a CPO...)",
    ref=_refs.VERSION_DETAILS,
    severity="recommended",
)
def details_role_modules(ctx: Context) -> Verdict:
    ctx.cite(ctx.details_answer)
    if not ctx.endpoints:
        return skipped("no endpoints listed")
    expected = {
        i.module
        for i in schemas.interfaces(ctx.version)
        if i.role == "SENDER" and ctx.role.upper() in i.implemented_by and i.module != "versions"
    }
    if ctx.role == "hub":
        expected = {"hubclientinfo"} & expected
    missing = sorted(m for m in expected if ctx.endpoint(m, "SENDER") is None)
    if missing:
        return failed(f"not offered: {', '.join(missing)} (Sender)")
    return passed(f"offered: {', '.join(sorted(expected)) or 'none expected'}")


@entry(
    "credentials.get",
    "GET credentials returns the platform's Credentials object",
    sends="GET credentials with the token",
    rule="GET: retrieves the credentials object to access the server's platform",
    ref=_refs.CREDENTIALS_GET,
)
def credentials_get(ctx: Context) -> Verdict:
    url = ctx.endpoint("credentials")
    if url is None:
        return skipped("no credentials endpoint")
    answer = ctx.memo("credentials", lambda: ctx.get(url))
    ctx.cite(answer)
    if answer.status == 401 and ctx.modules_refused is not None:
        return skipped("the token is not a registered partner's token (refused with 401)")
    problems = envelope_problems(answer, "Credentials", ctx.version)
    if isinstance(answer.data, list):
        problems.insert(0, "$.data is a list; the credentials are one object")
    return verdict(problems, "Credentials valid", "the Credentials object is invalid")


@entry(
    "credentials.roles",
    "The credentials name the platform's own role",
    sends="GET credentials",
    rule="roles: list of the roles this party provides",
    ref=_refs.CREDENTIALS_OBJECT,
    versions=V22,
    roles=("cpo", "emsp"),
)
def credentials_roles(ctx: Context) -> Verdict:
    url = ctx.endpoint("credentials")
    if url is None:
        return skipped("no credentials endpoint")
    answer = ctx.memo("credentials", lambda: ctx.get(url))
    ctx.cite(answer)
    data = answer.data
    if not isinstance(data, dict):
        return skipped(f"no Credentials object ({answer.describe()})")
    roles = [r.get("role") for r in data.get("roles") or [] if isinstance(r, dict)]
    if ctx.role.upper() not in roles:
        return failed(f"roles {roles}: no {ctx.role.upper()}")
    return passed(f"roles {', '.join(str(r) for r in roles)}")
