"""OCPI 2.1.1 CDRs module.

Objects and data types of the CDRs module chapter.

Spec chapter: ``mod_cdrs.md``.
Generated from ``schemas/2.1.1/cdrs.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from ocpi_sdk.model_support import OcpiEnum, too_few, too_long

if TYPE_CHECKING:
    from ocpi_sdk.v2_1_1.locations import Location
    from ocpi_sdk.v2_1_1.tariffs import Tariff


__all__ = ["CDR", "AuthMethod", "CdrDimension", "CdrDimensionType", "ChargingPeriod"]


class AuthMethod(OcpiEnum):
    """How a charging session was authorized."""

    AUTH_REQUEST = "AUTH_REQUEST"
    """Authorized by a request to the eMSP."""

    WHITELIST = "WHITELIST"
    """Authorized from a whitelist, without asking the eMSP."""


class CdrDimensionType(OcpiEnum):
    """Kind of quantity measured in a CdrDimension."""

    ENERGY = "ENERGY"
    """Energy in kWh; default step size 1 Wh."""

    FLAT = "FLAT"
    """Flat fee, without unit."""

    MAX_CURRENT = "MAX_CURRENT"
    """Highest current reached in the session, in A."""

    MIN_CURRENT = "MIN_CURRENT"
    """Lowest current used in the session, in A."""

    PARKING_TIME = "PARKING_TIME"
    """Time not charging, in hours; default step size 1 second."""

    TIME = "TIME"
    """Time charging, in hours; default step size 1 second."""


@attrs.define(kw_only=True)
class CDR:
    """Charge Detail Record: the billing record of a finished charging session, sent by the CPO
    to the eMSP."""

    id: str = attrs.field(metadata={"max_length": 36})
    """Identifier of the CDR in the CPO platform."""

    start_date_time: datetime
    """Start of the charging session."""

    stop_date_time: datetime
    """End of the charging session."""

    auth_id: str = attrs.field(metadata={"max_length": 36})
    """auth_id of the Token used for the session."""

    auth_method: AuthMethod
    """How the session was authorized."""

    location: Location
    """Location of the session, with only the EVSE and connector used."""

    meter_id: str | None = attrs.field(default=None, metadata={"max_length": 255})
    """Identifier of the meter in the Charge Point."""

    currency: str = attrs.field(metadata={"max_length": 3})
    """ISO 4217 currency code of the CDR."""

    tariffs: list[Tariff] | None = None
    """Tariffs relevant to this CDR, including a free-of-charge tariff when applicable."""

    charging_periods: list[ChargingPeriod] = attrs.field(metadata={"min_items": 1})
    """Periods that make up the session, each with its own relevant tariff."""

    total_cost: Decimal
    """Total cost of the session, excluding VAT."""

    total_energy: Decimal
    """Total energy charged, in kWh."""

    total_time: Decimal
    """Total session duration (charging and not charging), in hours."""

    total_parking_time: Decimal | None = None
    """Part of the session with no energy transfer, in hours."""

    remark: str | None = attrs.field(default=None, metadata={"max_length": 255})
    """Free human-readable remark, e.g. why the session stopped."""

    last_updated: datetime
    """When this CDR was last changed or created."""

    def __attrs_post_init__(self) -> None:
        if len(self.id) > 36:
            raise too_long("id", self.id, 36)
        if len(self.auth_id) > 36:
            raise too_long("auth_id", self.auth_id, 36)
        if self.meter_id is not None and len(self.meter_id) > 255:
            raise too_long("meter_id", self.meter_id, 255)
        if len(self.currency) > 3:
            raise too_long("currency", self.currency, 3)
        if len(self.charging_periods) < 1:
            raise too_few("charging_periods", 1)
        if self.remark is not None and len(self.remark) > 255:
            raise too_long("remark", self.remark, 255)


@attrs.define(kw_only=True)
class CdrDimension:
    """One measured quantity of a charging period."""

    type: CdrDimensionType
    """Kind of quantity."""

    volume: Decimal
    """Amount consumed, in the unit of the dimension type."""


@attrs.define(kw_only=True)
class ChargingPeriod:
    """A period of a session, from its start until the next period starts, with the values that
    apply to it."""

    start_date_time: datetime
    """Start of the period; it lasts until the next period (or the session end)."""

    dimensions: list[CdrDimension] = attrs.field(metadata={"min_items": 1})
    """Values measured in this period."""

    def __attrs_post_init__(self) -> None:
        if len(self.dimensions) < 1:
            raise too_few("dimensions", 1)
