"""OCPI 2.2.1 Tariffs module.

Objects, classes and enums of the OCPI 2.2.1 Tariffs module chapter.

Spec chapter: ``mod_tariffs.asciidoc``.
Generated from ``schemas/2.2.1/tariffs.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from ocpi_sdk.model_support import OcpiEnum, too_few, too_long

if TYPE_CHECKING:
    from ocpi_sdk.v2_2_1.locations import EnergyMix
    from ocpi_sdk.v2_2_1.types import DisplayText, Price


__all__ = [
    "DayOfWeek",
    "PriceComponent",
    "ReservationRestrictionType",
    "Tariff",
    "TariffDimensionType",
    "TariffElement",
    "TariffRestrictions",
    "TariffType",
]


class DayOfWeek(OcpiEnum):
    """Day of the week on which a Tariff Element applies."""

    MONDAY = "MONDAY"
    """Monday."""

    TUESDAY = "TUESDAY"
    """Tuesday."""

    WEDNESDAY = "WEDNESDAY"
    """Wednesday."""

    THURSDAY = "THURSDAY"
    """Thursday."""

    FRIDAY = "FRIDAY"
    """Friday."""

    SATURDAY = "SATURDAY"
    """Saturday."""

    SUNDAY = "SUNDAY"
    """Sunday."""


class ReservationRestrictionType(OcpiEnum):
    """Marks a Tariff Element as describing reservation costs."""

    RESERVATION = "RESERVATION"
    """Element describes the costs of a reservation."""

    RESERVATION_EXPIRES = "RESERVATION_EXPIRES"
    """Element describes the costs of a reservation that expires without a charging session being
    started before its expiry_date."""


class TariffDimensionType(OcpiEnum):
    """The dimension (energy, flat fee, parking time, charging time) that a Price Component
    prices."""

    ENERGY = "ENERGY"
    """Energy, priced per kWh; step_size unit is 1 Wh."""

    FLAT = "FLAT"
    """Flat fee; step_size has no unit."""

    PARKING_TIME = "PARKING_TIME"
    """Time not charging, priced per hour; step_size unit is 1 second."""

    TIME = "TIME"
    """Time charging, priced per hour; step_size unit is 1 second. With a RESERVATION restriction
    it prices the reservation time."""


class TariffType(OcpiEnum):
    """Situation (payment method or charging preference) in which a Tariff is valid."""

    AD_HOC_PAYMENT = "AD_HOC_PAYMENT"
    """Valid for ad-hoc payment at the Charge Point (e.g. debit or credit card terminal)."""

    PROFILE_CHEAP = "PROFILE_CHEAP"
    """Valid when the session's charging preference profile is CHEAP."""

    PROFILE_FAST = "PROFILE_FAST"
    """Valid when the session's charging preference profile is FAST."""

    PROFILE_GREEN = "PROFILE_GREEN"
    """Valid when the session's charging preference profile is GREEN."""

    REGULAR = "REGULAR"
    """Valid with an RFID and no charging preference, or when the charging preference profile is
    REGULAR."""


@attrs.define(kw_only=True)
class Tariff:
    """A CPO's tariff: a list of Tariff Elements, each a group of Price Components with optional
    restrictions."""

    country_code: str = attrs.field(metadata={"max_length": 2})
    """ISO-3166 alpha-2 country code of the CPO owning this Tariff."""

    party_id: str = attrs.field(metadata={"max_length": 3})
    """ID of the CPO owning this Tariff (ISO-15118)."""

    id: str = attrs.field(metadata={"max_length": 36})
    """Identifier of the tariff, unique within the CPO's platform (and sub-operator platforms)."""

    currency: str = attrs.field(metadata={"max_length": 3})
    """ISO-4217 currency code of this tariff."""

    type: TariffType | None = None
    """Kind of tariff, to distinguish tariffs by charging preference or payment; when absent the
    tariff is valid for all sessions."""

    tariff_alt_text: list[DisplayText] | None = None
    """Alternative tariff information text in several languages."""

    tariff_alt_url: str | None = attrs.field(default=None, metadata={"max_length": 255})
    """Web page explaining the tariff in human readable form."""

    min_price: Price | None = None
    """Minimum cost of a session with this tariff (not a flat fee: a cheaper session is raised to
    this amount)."""

    max_price: Price | None = None
    """Maximum cost of a session with this tariff."""

    elements: list[TariffElement] = attrs.field(metadata={"min_items": 1})
    """Tariff Elements of this tariff."""

    start_date_time: datetime | None = None
    """Moment (UTC) this tariff becomes active."""

    end_date_time: datetime | None = None
    """Moment (UTC) after which this tariff is no longer valid."""

    energy_mix: EnergyMix | None = None
    """Details on the energy supplied with this tariff."""

    last_updated: datetime
    """When this Tariff was last updated or created."""

    def __attrs_post_init__(self) -> None:
        if len(self.country_code) > 2:
            raise too_long("country_code", self.country_code, 2)
        if len(self.party_id) > 3:
            raise too_long("party_id", self.party_id, 3)
        if len(self.id) > 36:
            raise too_long("id", self.id, 36)
        if len(self.currency) > 3:
            raise too_long("currency", self.currency, 3)
        if self.tariff_alt_url is not None and len(self.tariff_alt_url) > 255:
            raise too_long("tariff_alt_url", self.tariff_alt_url, 255)
        if len(self.elements) < 1:
            raise too_few("elements", 1)


@attrs.define(kw_only=True)
class PriceComponent:
    """How the consumption of one dimension translates into an amount owed."""

    type: TariffDimensionType
    """The dimension priced by this component."""

    price: Decimal
    """Price per unit of the dimension, excluding VAT."""

    vat: Decimal | None = None
    """VAT percentage applicable to this dimension; absent means no VAT applies (which differs
    from 0.0)."""

    step_size: int
    """Billing block size, in the unit of the dimension type (1 Wh for ENERGY, 1 second for TIME
    and PARKING_TIME); the consumed amount is rounded up to the next multiple of this value."""


@attrs.define(kw_only=True)
class TariffElement:
    """A group of Price Components that share the same restrictions."""

    price_components: list[PriceComponent] = attrs.field(metadata={"min_items": 1})
    """Price Components of this element, each pricing one dimension."""

    restrictions: TariffRestrictions | None = None
    """Conditions under which the Price Components of this element apply."""

    def __attrs_post_init__(self) -> None:
        if len(self.price_components) < 1:
            raise too_few("price_components", 1)


@attrs.define(kw_only=True)
class TariffRestrictions:
    """Conditions that make a Tariff Element active or inactive during a session; all set
    conditions must match (logical AND)."""

    start_time: str | None = attrs.field(default=None, metadata={"max_length": 5})
    """Time of day (local time of the Location) from which the element is valid, 24h HH:MM with
    leading zeros."""

    end_time: str | None = attrs.field(default=None, metadata={"max_length": 5})
    """Time of day (local time of the Location) until which the element is valid, HH:MM like
    start_time. If earlier than start_time the period wraps past midnight; 00:00 means end of
    day."""

    start_date: str | None = attrs.field(default=None, metadata={"max_length": 10})
    """Date (local time of the Location) from which the element is valid (inclusive), YYYY-MM-DD."""

    end_date: str | None = attrs.field(default=None, metadata={"max_length": 10})
    """Date (local time of the Location) until which the element is valid (exclusive), YYYY-MM-
    DD."""

    min_kwh: Decimal | None = None
    """Energy used in kWh from which the element is valid (inclusive)."""

    max_kwh: Decimal | None = None
    """Energy used in kWh until which the element is valid (exclusive)."""

    min_current: Decimal | None = None
    """Summed current over all phases in A at or above which the element is active; it becomes
    inactive when the current drops below."""

    max_current: Decimal | None = None
    """Summed current over all phases in A below which the element is active; it becomes inactive
    when the current rises above."""

    min_power: Decimal | None = None
    """Charging power in kW at or above which the element is active; it becomes inactive when the
    power drops below."""

    max_power: Decimal | None = None
    """Charging power in kW below which the element is active; it becomes inactive when the power
    rises above."""

    min_duration: int | None = None
    """Session duration in seconds from which the element is active (inclusive)."""

    max_duration: int | None = None
    """Session duration in seconds until which the element is active (exclusive)."""

    day_of_week: list[DayOfWeek] | None = None
    """Days of the week on which the element is active."""

    reservation: ReservationRestrictionType | None = None
    """When present, the element describes reservation costs (only FLAT and TIME dimensions)."""

    def __attrs_post_init__(self) -> None:
        if self.start_time is not None and len(self.start_time) > 5:
            raise too_long("start_time", self.start_time, 5)
        if self.end_time is not None and len(self.end_time) > 5:
            raise too_long("end_time", self.end_time, 5)
        if self.start_date is not None and len(self.start_date) > 10:
            raise too_long("start_date", self.start_date, 10)
        if self.end_date is not None and len(self.end_date) > 10:
            raise too_long("end_date", self.end_date, 10)
