"""The exception tree of ocpi-sdk: one root, :class:`OcpiError`, for everything the SDK raises."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ocpi_sdk.schemas import Problem

__all__ = ["OcpiError", "PayloadError", "UnknownObjectError", "UnknownVersionError"]


class OcpiError(Exception):
    """Root of every exception raised by ocpi-sdk."""


class UnknownVersionError(OcpiError, LookupError):
    """An OCPI version the SDK has no schemas for."""

    def __init__(self, version: str, known: Sequence[str]) -> None:
        self.version = version
        self.known = tuple(known)
        super().__init__(
            f"unknown OCPI version {version!r}; this SDK has schemas for: {', '.join(known)}"
        )


class UnknownObjectError(OcpiError, LookupError):
    """An object, class, enum or type name that the version's schemas do not define."""

    def __init__(self, version: str, name: str, known: Sequence[str]) -> None:
        self.version = version
        self.name = name
        self.known = tuple(known)
        close = [k for k in known if k.lower() == name.lower()]
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        super().__init__(f"OCPI {version} defines no object named {name!r}{hint}")


class PayloadError(OcpiError, ValueError):
    """A payload that does not conform to its OCPI schema or model.

    ``problems`` lists every problem found, each with its JSON path (``$.evses[0].uid``),
    a plain-words message and the schema rule broken.
    """

    def __init__(self, problems: Sequence[Problem], *, what: str = "payload") -> None:
        self.problems = tuple(problems)
        lines = [f"{p.path}: {p.message} [{p.rule}]" for p in self.problems]
        count = len(self.problems)
        head = f"invalid {what}: {count} problem{'s' if count != 1 else ''}"
        super().__init__(head + "".join(f"\n  {line}" for line in lines))
