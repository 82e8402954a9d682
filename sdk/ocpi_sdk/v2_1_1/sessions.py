"""OCPI 2.1.1 Sessions module.

Objects and data types of the Sessions module chapter.

Spec chapter: ``mod_sessions.md``.
Generated from ``schemas/2.1.1/sessions.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from ocpi_sdk.model_support import OcpiEnum, too_long

if TYPE_CHECKING:
    from ocpi_sdk.v2_1_1.cdrs import AuthMethod, ChargingPeriod
    from ocpi_sdk.v2_1_1.locations import Location


__all__ = ["Session", "SessionStatus"]


class SessionStatus(OcpiEnum):
    """State of a charging session."""

    ACTIVE = "ACTIVE"
    """Session accepted and running: EV connected and authorized; energy may or may not be
    flowing."""

    COMPLETED = "COMPLETED"
    """Session finished successfully; it will not change any more."""

    INVALID = "INVALID"
    """Session declared invalid; it will not be billed."""

    PENDING = "PENDING"
    """Initial state: session not started yet, not all preconditions met; it may never become
    active."""


@attrs.define(kw_only=True)
class Session:
    """One charging session, owned by the CPO, fetched from the CPO or pushed to the eMSP."""

    id: str = attrs.field(metadata={"max_length": 36})
    """Identifier of the session in the CPO platform."""

    start_datetime: datetime
    """Moment the session became active."""

    end_datetime: datetime | None = None
    """Moment the session was completed."""

    kwh: Decimal
    """Energy charged so far, in kWh."""

    auth_id: str = attrs.field(metadata={"max_length": 36})
    """auth_id of the Token used for this session."""

    auth_method: AuthMethod
    """How the session was authorized."""

    location: Location
    """Location of the session, with only the EVSE and connector in use."""

    meter_id: str | None = attrs.field(default=None, metadata={"max_length": 255})
    """Identifier of the kWh meter, if known."""

    currency: str = attrs.field(metadata={"max_length": 3})
    """ISO 4217 currency code used for this session."""

    charging_periods: list[ChargingPeriod] | None = None
    """Charging periods that allow the total cost to be computed and checked."""

    total_cost: Decimal | None = None
    """Cost so far, excluding VAT, in the session currency; 0 means free, absent means not given."""

    status: SessionStatus
    """Current state of the session."""

    last_updated: datetime
    """When this Session was last changed or created."""

    def __attrs_post_init__(self) -> None:
        if len(self.id) > 36:
            raise too_long("id", self.id, 36)
        if len(self.auth_id) > 36:
            raise too_long("auth_id", self.auth_id, 36)
        if self.meter_id is not None and len(self.meter_id) > 255:
            raise too_long("meter_id", self.meter_id, 255)
        if len(self.currency) > 3:
            raise too_long("currency", self.currency, 3)
