"""OCPI 2.3.0 Sessions module.

Objects and data types of the Sessions module chapter.

Spec chapter: ``mod_sessions.asciidoc``.
Generated from ``schemas/2.3.0/sessions.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from ocpi_sdk.model_support import OcpiEnum, too_long

if TYPE_CHECKING:
    from ocpi_sdk.v2_3_0.cdrs import AuthMethod, CdrToken, ChargingPeriod
    from ocpi_sdk.v2_3_0.types import Price


__all__ = [
    "ChargingPreferences",
    "ChargingPreferencesResponse",
    "ProfileType",
    "Session",
    "SessionStatus",
]


class ChargingPreferencesResponse(OcpiEnum):
    """Answer to a PUT of ChargingPreferences."""

    ACCEPTED = "ACCEPTED"
    """Preferences accepted; the EVSE will try, without guarantee, to meet them."""

    DEPARTURE_REQUIRED = "DEPARTURE_REQUIRED"
    """The CPO needs departure_time for preference-based smart charging."""

    ENERGY_NEED_REQUIRED = "ENERGY_NEED_REQUIRED"
    """The CPO needs energy_need for preference-based smart charging."""

    NOT_POSSIBLE = "NOT_POSSIBLE"
    """The preferences ask for something the EVSE knows it cannot do."""

    PROFILE_TYPE_NOT_SUPPORTED = "PROFILE_TYPE_NOT_SUPPORTED"
    """The EVSE does not support the requested profile_type."""


class ProfileType(OcpiEnum):
    """Smart charging profile chosen by the driver."""

    CHEAP = "CHEAP"
    """Charge at the lowest possible cost."""

    FAST = "FAST"
    """Charge as fast as possible, paying extra if needed."""

    GREEN = "GREEN"
    """Charge with as much renewable energy as possible."""

    REGULAR = "REGULAR"
    """No particular preference."""


class SessionStatus(OcpiEnum):
    """State of a charging session."""

    ACTIVE = "ACTIVE"
    """Session accepted and running: EV connected and authorized; energy may or may not be
    flowing."""

    COMPLETED = "COMPLETED"
    """Session finished successfully; the object will not change any more in this state."""

    INVALID = "INVALID"
    """Session declared invalid; it will not be billed."""

    PENDING = "PENDING"
    """Initial state: session not started yet, not all preconditions met; it may never become
    active."""

    RESERVATION = "RESERVATION"
    """Session created by a reservation; charging has not started and may never start."""


@attrs.define(kw_only=True)
class Session:
    """One charging session, owned by the CPO, fetched from the CPO or pushed to the eMSP."""

    country_code: str = attrs.field(metadata={"max_length": 2})
    """ISO-3166 alpha-2 country code of the CPO owning this Session."""

    party_id: str = attrs.field(metadata={"max_length": 3})
    """Party ID of the CPO owning this Session."""

    id: str = attrs.field(metadata={"max_length": 36})
    """Identifier of the session in the CPO platform."""

    start_date_time: datetime
    """When the session became ACTIVE; while PENDING, when it was created at the Charge Point."""

    end_date_time: datetime | None = None
    """When the session finished (may be after charging ended)."""

    kwh: Decimal
    """Energy charged so far, in kWh."""

    cdr_token: CdrToken
    """Token that started the session."""

    auth_method: AuthMethod
    """How the session was authorized; may change during the session."""

    authorization_reference: str | None = attrs.field(default=None, metadata={"max_length": 36})
    """Latest authorization reference given by the eMSP for this session."""

    location_id: str = attrs.field(metadata={"max_length": 36})
    """Location.id where the session takes place."""

    evse_uid: str = attrs.field(metadata={"max_length": 36})
    """EVSE.uid where the session takes place; #NA for a reservation without EVSE yet."""

    connector_id: str = attrs.field(metadata={"max_length": 36})
    """Connector.id where the session takes place; #NA for a reservation without connector yet."""

    meter_id: str | None = attrs.field(default=None, metadata={"max_length": 255})
    """Identifier of the kWh meter, if known."""

    currency: str = attrs.field(metadata={"max_length": 3})
    """ISO 4217 currency code used for this session."""

    charging_periods: list[ChargingPeriod] | None = None
    """Charging periods that allow the total cost to be computed and checked."""

    total_cost: Price | None = None
    """Cost so far in the session currency; 0 means free, absent means not given."""

    status: SessionStatus
    """Current state of the session."""

    last_updated: datetime
    """When this Session was last changed or created."""

    def __attrs_post_init__(self) -> None:
        if len(self.country_code) > 2:
            raise too_long("country_code", self.country_code, 2)
        if len(self.party_id) > 3:
            raise too_long("party_id", self.party_id, 3)
        if len(self.id) > 36:
            raise too_long("id", self.id, 36)
        if self.authorization_reference is not None and len(self.authorization_reference) > 36:
            raise too_long("authorization_reference", self.authorization_reference, 36)
        if len(self.location_id) > 36:
            raise too_long("location_id", self.location_id, 36)
        if len(self.evse_uid) > 36:
            raise too_long("evse_uid", self.evse_uid, 36)
        if len(self.connector_id) > 36:
            raise too_long("connector_id", self.connector_id, 36)
        if self.meter_id is not None and len(self.meter_id) > 255:
            raise too_long("meter_id", self.meter_id, 255)
        if len(self.currency) > 3:
            raise too_long("currency", self.currency, 3)


@attrs.define(kw_only=True)
class ChargingPreferences:
    """Charging wishes of the driver for an ongoing session, sent by the eMSP."""

    profile_type: ProfileType
    """Smart charging profile chosen by the driver; must be supported by the connector."""

    departure_time: datetime | None = None
    """Departure moment estimated by the driver."""

    energy_need: Decimal | None = None
    """Energy the driver wants charged, in kWh."""

    discharge_allowed: bool | None = None
    """Whether the EV may be discharged while the other preferences are still met; false when
    absent."""
