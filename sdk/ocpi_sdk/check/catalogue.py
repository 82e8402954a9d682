"""The catalogue: every check as a small declarative entry.

Adding a check is adding an entry in one of the ``entries`` modules::

    @entry(
        "versions.unique",
        "Each version is listed once",
        sends="GET versions",
        rule="the versions list names each version the platform supports",
        ref=SpecRef("version_information_endpoint", "Version information endpoint"),
    )
    def _(ctx: Context) -> Verdict: ...
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ocpi_sdk.check.model import (
    ROLES,
    VERSIONS,
    Check,
    CheckFunction,
    Mode,
    Severity,
    SpecRef,
)

_CATALOGUE: dict[str, Check] = {}


def entry(
    id: str,
    title: str,
    *,
    sends: str,
    rule: str,
    ref: SpecRef | Mapping[str, SpecRef],
    severity: Severity = "required",
    roles: tuple[str, ...] = ROLES,
    versions: tuple[str, ...] = VERSIONS,
    mode: Mode = "read-only",
    profile: str | None = None,
) -> Callable[[CheckFunction], CheckFunction]:
    """Declare a check; the decorated function runs it."""

    def add(function: CheckFunction) -> CheckFunction:
        if id in _CATALOGUE:
            raise ValueError(f"two checks are called {id!r}")
        _CATALOGUE[id] = Check(
            id, title, sends, rule, ref, severity, function, roles, versions, mode, profile
        )
        return function

    return add


def catalogue() -> list[Check]:
    """Every check, in the order they run."""
    from ocpi_sdk.check import entries  # the entries register themselves

    def area(check: Check) -> int:
        return entries.ORDER.index(check.run.__module__.rsplit(".", 1)[-1])

    return sorted(_CATALOGUE.values(), key=area)  # stable: file order within an area


def select(
    *,
    role: str | None = None,
    version: str | None = None,
    mode: str = "active",
    only: str | None = None,
    profile_checks: tuple[str, ...] | None = None,
) -> list[Check]:
    """The checks of a run: for ``role`` and ``version``, of ``mode`` (active includes the
    read-only ones), matching ``only`` (a glob on the id), profile checks only when the chosen
    profile names them (all when ``profile_checks`` is None, as ``--list`` shows)."""
    from fnmatch import fnmatchcase

    patterns = [p.strip() for p in (only or "").split(",") if p.strip()]
    chosen = []
    for check in catalogue():
        if role is not None and role not in check.roles:
            continue
        if version is not None and version not in check.versions:
            continue
        if mode == "read-only" and check.mode != "read-only":
            continue
        if check.profile and profile_checks is not None and check.id not in profile_checks:
            continue
        if patterns and not any(fnmatchcase(check.id, p) for p in patterns):
            continue
        chosen.append(check)
    return chosen
