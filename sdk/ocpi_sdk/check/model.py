"""The data of ``ocpi check``: a check's catalogue entry, its spec reference, what it exchanged
and its result."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal

import attrs

if TYPE_CHECKING:
    from ocpi_sdk.check.context import Context

Severity = Literal["required", "recommended", "profile"]
Outcome = Literal["pass", "fail", "warn", "skip"]
Mode = Literal["read-only", "active"]

ROLES = ("cpo", "emsp", "hub")
VERSIONS = ("2.1.1", "2.2.1", "2.3.0")
SEVERITIES = ("required", "recommended", "profile")

# The spec's chapters are Markdown files in 2.1.1 and AsciiDoc files from 2.2 on.
_CHAPTER_SUFFIX = {"2.1.1": ".md"}


@attrs.frozen
class SpecRef:
    """A place in the spec: the chapter (its file name without suffix) and the section title."""

    chapter: str
    section: str

    def render(self, version: str) -> str:
        suffix = _CHAPTER_SUFFIX.get(version, ".asciidoc")
        return f"OCPI {version} {self.chapter}{suffix} § {self.section}"


@attrs.frozen
class Verdict:
    """What a check function concluded: its outcome, one line, and any detail lines."""

    outcome: Outcome
    message: str
    details: tuple[str, ...] = ()


def passed(message: str, *details: str) -> Verdict:
    return Verdict("pass", message, details)


def failed(message: str, *details: str) -> Verdict:
    return Verdict("fail", message, details)


def skipped(message: str, *details: str) -> Verdict:
    return Verdict("skip", message, details)


def verdict(problems: list[str], ok: str, bad: str) -> Verdict:
    """Pass with ``ok`` when there are no ``problems``; otherwise fail with ``bad`` and them."""
    if not problems:
        return passed(ok)
    return failed(f"{bad} ({len(problems)})", *problems[:20])


CheckFunction = Callable[["Context"], Verdict]


@attrs.frozen
class Check:
    """One entry of the catalogue.

    ``sends`` says what goes on the wire, ``rule`` quotes the rule briefly, ``ref`` is its place
    in the spec (one :class:`SpecRef`, or one per version where sections differ), ``roles`` the
    roles of the system under test it applies to, ``profile`` the profile whose rule it is
    (severity ``profile``), ``run`` the function that does it.
    """

    id: str
    title: str
    sends: str
    rule: str
    ref: SpecRef | Mapping[str, SpecRef]
    severity: Severity
    run: CheckFunction = attrs.field(repr=False)
    roles: tuple[str, ...] = ROLES
    versions: tuple[str, ...] = VERSIONS
    mode: Mode = "read-only"
    profile: str | None = None

    def reference(self, version: str) -> str:
        """The spec reference as text for ``version`` (or the profile rule's source)."""
        if isinstance(self.ref, SpecRef):
            return self.ref.render(version)
        ref = self.ref.get(version) or next(iter(self.ref.values()))
        return ref.render(version)

    def applies(self, role: str, version: str) -> bool:
        return role in self.roles and version in self.versions

    def describe(self, version: str) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "sends": self.sends,
            "rule": self.rule,
            "spec": self.reference(version),
            "severity": self.severity,
            "mode": self.mode,
            "roles": list(self.roles),
            "versions": list(self.versions),
            "profile": self.profile,
        }


@attrs.define
class Exchange:
    """One HTTP request and its response as evidence, tokens already redacted."""

    method: str
    url: str
    request_headers: dict[str, str]
    request_body: str | None
    status: int | None = None
    response_headers: dict[str, str] = attrs.field(factory=dict)
    response_body: str | None = None
    error: str | None = None
    note: str | None = None

    def redact(self, redact: Callable[[str], str]) -> None:
        """Apply ``redact`` again (to secrets learnt after this exchange was recorded)."""
        self.url = redact(self.url)
        self.request_headers = {k: redact(v) for k, v in self.request_headers.items()}
        self.response_headers = {k: redact(v) for k, v in self.response_headers.items()}
        if self.request_body is not None:
            self.request_body = redact(self.request_body)
        if self.response_body is not None:
            self.response_body = redact(self.response_body)
        if self.error is not None:
            self.error = redact(self.error)

    def to_dict(self) -> dict[str, Any]:
        return {
            "request": {
                "method": self.method,
                "url": self.url,
                "headers": self.request_headers,
                "body": self.request_body,
            },
            "response": None
            if self.status is None
            else {
                "status": self.status,
                "headers": self.response_headers,
                "body": self.response_body,
            },
            "error": self.error,
            "note": self.note,
        }

    def lines(self, body_limit: int | None = None) -> list[str]:
        """The exchange as ``>`` (sent) and ``<`` (received) lines, bodies cut at ``body_limit``."""

        def cut(body: str) -> str:
            if body_limit is None or len(body) <= body_limit:
                return body
            return body[:body_limit] + f"... ({len(body)} characters)"

        out = [f"> {self.method} {self.url}"]
        if self.note:
            out.insert(0, f"# {self.note}")
        for name, value in self.request_headers.items():
            out.append(f"> {name}: {value}")
        if self.request_body:
            out.append(f"> {cut(self.request_body)}")
        if self.error:
            out.append(f"< (no response: {self.error})")
        elif self.status is not None:
            out.append(f"< HTTP {self.status}")
            for name, value in self.response_headers.items():
                out.append(f"< {name}: {value}")
            if self.response_body:
                out.append(f"< {cut(self.response_body)}")
        return out


@attrs.define
class Result:
    """The result of one check: outcome, message, details and the exchanges it made."""

    check: Check
    outcome: Outcome
    message: str
    spec: str
    details: list[str] = attrs.field(factory=list)
    evidence: list[Exchange] = attrs.field(factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.check.id,
            "title": self.check.title,
            "severity": self.check.severity,
            "result": self.outcome,
            "spec": self.spec,
            "message": self.message,
            "details": list(self.details),
            "evidence": [e.to_dict() for e in self.evidence],
            "seconds": round(self.seconds, 3),
        }
