"""What every generated model module shares: enum bases and the field validators.

The generated classes in ``ocpi_sdk.v*`` use these; nothing here knows about a version. Checks
raise :class:`FieldConstraintError` (never ``assert``), so they hold under ``python -O``.
"""

from __future__ import annotations

import enum
from typing import Any

__all__ = [
    "FieldConstraintError",
    "OcpiEnum",
    "OpenOcpiEnum",
    "check_items_length",
    "hidden",
    "too_few",
    "too_long",
]


class FieldConstraintError(ValueError):
    """A field value that breaks its schema constraint (``maxLength``, ``minItems``)."""

    def __init__(self, field: str, message: str, rule: str) -> None:
        self.field = field
        self.reason = message
        self.rule = rule
        super().__init__(f"{field}: {message}")


class OcpiEnum(enum.StrEnum):
    """A closed OCPI enum: a value outside the spec's list is rejected."""


class OpenOcpiEnum(enum.StrEnum):
    """An open OCPI enum (``OpenEnum`` in the spec): an unknown value is kept as it is.

    ``ConnectorType("NEW_PLUG")`` gives a pseudo-member whose value is ``"NEW_PLUG"``, so a
    payload with a value newer than this SDK loads and dumps back unchanged.
    """

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

    @property
    def known(self) -> bool:
        """Whether this value is one the schema lists."""
        return self._name_ in type(self).__members__


def too_long(field: str, value: str, limit: int) -> FieldConstraintError:
    """The error for a string field over its ``maxLength`` (``string(n)``, ``CiString(n)``)."""
    return FieldConstraintError(
        field, f"{len(value)} characters, more than the maximum of {limit}", "maxLength"
    )


def too_few(field: str, limit: int) -> FieldConstraintError:
    """The error for a list field under its ``minItems`` (cardinality ``+``)."""
    message = "must not be empty" if limit == 1 else f"fewer than {limit} items"
    return FieldConstraintError(field, message, "minItems")


def check_items_length(field: str, values: list[str], limit: int) -> None:
    """Check each string of a list field against its ``maxLength``."""
    if not values or max(map(len, values)) <= limit:  # the common case, in C
        return
    for index, item in enumerate(values):
        if len(item) > limit:
            raise too_long(f"{field}[{index}]", item, limit)


def hidden(_: object) -> str:
    """The repr of a secret field (``x-ocpi-secret`` in the schema: a Credentials token): never
    its value, so a token does not end up in a log or a report through a repr."""
    return "***"
