"""OCPI 2.3.0 ChargingProfiles module.

Objects, classes and enums of the ChargingProfiles module: setting, clearing and reading smart
charging profiles of ongoing sessions, with asynchronous results.

Spec chapter: ``mod_charging_profiles.asciidoc``.
Generated from ``schemas/2.3.0/chargingprofiles.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from ocpi_sdk.model_support import OcpiEnum, too_long

if TYPE_CHECKING:
    pass


__all__ = [
    "ActiveChargingProfile",
    "ActiveChargingProfileResult",
    "ChargingProfile",
    "ChargingProfilePeriod",
    "ChargingProfileResponse",
    "ChargingProfileResponseType",
    "ChargingProfileResult",
    "ChargingProfileResultType",
    "ChargingRateUnit",
    "ClearProfileResult",
    "SetChargingProfile",
]


class ChargingRateUnit(OcpiEnum):
    """Unit in which the limits of a charging profile are expressed."""

    W = "W"
    """Watts: total allowed charging power (handy for DC charging)."""

    A = "A"
    """Amperes: current per phase, not summed over phases (handy for AC charging)."""


class ChargingProfileResponseType(OcpiEnum):
    """The Receiver's (typically CPO's) immediate answer to a ChargingProfiles request."""

    ACCEPTED = "ACCEPTED"
    """Accepted by the CPO and forwarded to the EVSE."""

    NOT_SUPPORTED = "NOT_SUPPORTED"
    """Charging profiles are not supported by this CPO, Charge Point or EVSE."""

    REJECTED = "REJECTED"
    """Refused by the CPO, for example because the session does not belong to the requesting
    party's customer."""

    TOO_OFTEN = "TOO_OFTEN"
    """Refused by the CPO because requests arrive more often than allowed."""

    UNKNOWN_SESSION = "UNKNOWN_SESSION"
    """The CPO does not know the session named in the request."""


class ChargingProfileResultType(OcpiEnum):
    """Outcome of a ChargingProfiles request as reported by the EVSE, sent asynchronously via the
    CPO."""

    ACCEPTED = "ACCEPTED"
    """The EVSE accepted the request."""

    REJECTED = "REJECTED"
    """The EVSE refused the request."""

    UNKNOWN = "UNKNOWN"
    """The EVSE found no charging profile matching the request."""


@attrs.define(kw_only=True)
class ChargingProfileResponse:
    """Immediate answer of the Receiver (typically the CPO) to a ChargingProfiles GET, PUT or
    DELETE request, before the Charge Point has answered."""

    result: ChargingProfileResponseType
    """Whether the Receiver accepted the request for forwarding to the Charge Point."""

    timeout: int
    """Seconds within which the asynchronous result is expected; after that the Sender may assume
    it will not arrive."""


@attrs.define(kw_only=True)
class ActiveChargingProfileResult:
    """Asynchronous result of a GET ActiveChargingProfile request, POSTed by the Receiver to the
    request's response_url."""

    result: ChargingProfileResultType
    """Whether the EVSE could process the request for its ActiveChargingProfile."""

    profile: ActiveChargingProfile | None = None
    """The ActiveChargingProfile, given when result is ACCEPTED."""


@attrs.define(kw_only=True)
class ChargingProfileResult:
    """Asynchronous result of a PUT (SetChargingProfile) request, POSTed by the Receiver to the
    request's response_url."""

    result: ChargingProfileResultType
    """Whether the EVSE could apply the new or updated charging profile."""


@attrs.define(kw_only=True)
class ClearProfileResult:
    """Asynchronous result of a DELETE (clear profile) request, POSTed by the Receiver to the
    request's response_url."""

    result: ChargingProfileResultType
    """Whether the EVSE could remove the charging profile."""


@attrs.define(kw_only=True)
class SetChargingProfile:
    """Body of the PUT on the Receiver interface: the charging profile to apply to a session and
    where to send its result."""

    charging_profile: ChargingProfile
    """Power or current limits over time to apply to the session."""

    response_url: str = attrs.field(metadata={"max_length": 255})
    """URL to which the ChargingProfileResult is POSTed; may embed a unique request ID."""

    def __attrs_post_init__(self) -> None:
        if len(self.response_url) > 255:
            raise too_long("response_url", self.response_url, 255)


@attrs.define(kw_only=True)
class ActiveChargingProfile:
    """Charging profile as computed by the Charge Point from all its smart charging inputs, for
    an ongoing session."""

    start_date_time: datetime
    """When the Charge Point computed this profile; the profile's times are relative to it."""

    charging_profile: ChargingProfile
    """The computed list of charging periods."""


@attrs.define(kw_only=True)
class ChargingProfile:
    """Maximum power or current over time, as a list of charging periods."""

    start_date_time: datetime | None = None
    """Start of an absolute profile; when absent the profile is relative to the start of
    charging."""

    duration: int | None = None
    """Length of the profile in seconds; when absent the last period lasts indefinitely or until
    the session ends."""

    charging_rate_unit: ChargingRateUnit
    """Unit of the limits in this profile."""

    min_charging_rate: Decimal | None = None
    """Lowest charging rate the EV supports, in charging_rate_unit (at most one decimal)."""

    charging_profile_period: list[ChargingProfilePeriod] | None = None
    """Periods giving the maximum power or current over time."""


@attrs.define(kw_only=True)
class ChargingProfilePeriod:
    """One period of a ChargingProfile: a limit that applies from a start offset until the next
    period starts."""

    start_period: int
    """Start of this period in seconds from the start of the profile; also ends the previous
    period."""

    limit: Decimal
    """Maximum charging rate during this period, in charging_rate_unit (at most one decimal)."""
