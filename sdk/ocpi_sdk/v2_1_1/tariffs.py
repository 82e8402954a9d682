"""OCPI 2.1.1 Tariffs module.

Objects, classes and enums of the OCPI 2.1.1 Tariffs module chapter.

Spec chapter: ``mod_tariffs.md``.
Generated from ``schemas/2.1.1/tariffs.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from ocpi_sdk.model_support import OcpiEnum, too_few, too_long

if TYPE_CHECKING:
    from ocpi_sdk.v2_1_1.locations import EnergyMix
    from ocpi_sdk.v2_1_1.types import DisplayText


__all__ = [
    "DayOfWeek",
    "PriceComponent",
    "Tariff",
    "TariffDimensionType",
    "TariffElement",
    "TariffRestrictions",
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


class TariffDimensionType(OcpiEnum):
    """The dimension (energy, flat fee, parking time, charging time) that a Price Component
    prices."""

    ENERGY = "ENERGY"
    """Energy, priced per kWh; step_size unit is 1 Wh."""

    FLAT = "FLAT"
    """Flat fee; no unit."""

    PARKING_TIME = "PARKING_TIME"
    """Time not charging, priced per hour; step_size unit is 1 second."""

    TIME = "TIME"
    """Time charging, priced per hour; step_size unit is 1 second."""


@attrs.define(kw_only=True)
class Tariff:
    """A CPO's tariff: a list of Tariff Elements, each a group of Price Components with optional
    restrictions."""

    id: str = attrs.field(metadata={"max_length": 36})
    """Identifier of the tariff, unique within the CPO's platform (and sub-operator platforms)."""

    currency: str = attrs.field(metadata={"max_length": 3})
    """ISO-4217 currency code of this tariff."""

    tariff_alt_text: list[DisplayText] | None = None
    """Alternative tariff information text in several languages."""

    tariff_alt_url: str | None = attrs.field(default=None, metadata={"max_length": 255})
    """Web page explaining the tariff in human readable form."""

    elements: list[TariffElement] = attrs.field(metadata={"min_items": 1})
    """Tariff Elements of this tariff."""

    energy_mix: EnergyMix | None = None
    """Details on the energy supplied with this tariff."""

    last_updated: datetime
    """When this Tariff was last updated or created."""

    def __attrs_post_init__(self) -> None:
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

    step_size: int
    """Billing block size, in the unit of the dimension type (1 Wh for ENERGY, 1 second for TIME
    and PARKING_TIME); the used amount is billed in whole blocks of this size."""


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
    """Conditions under which a Tariff Element is valid."""

    start_time: str | None = attrs.field(default=None, metadata={"max_length": 5})
    """Time of day from which the element is valid, 24h HH:MM with leading zeros."""

    end_time: str | None = attrs.field(default=None, metadata={"max_length": 5})
    """Time of day until which the element is valid, HH:MM like start_time."""

    start_date: str | None = attrs.field(default=None, metadata={"max_length": 10})
    """Date from which the element is valid (inclusive), YYYY-MM-DD."""

    end_date: str | None = attrs.field(default=None, metadata={"max_length": 10})
    """Date until which the element is valid (exclusive), YYYY-MM-DD."""

    min_kwh: Decimal | None = None
    """Energy used in kWh from which the element is valid."""

    max_kwh: Decimal | None = None
    """Energy used in kWh until which the element is valid."""

    min_power: Decimal | None = None
    """Charging power in kW from which the element is valid."""

    max_power: Decimal | None = None
    """Charging power in kW up to which the element is valid."""

    min_duration: int | None = None
    """Session duration in seconds from which the element is valid."""

    max_duration: int | None = None
    """Session duration in seconds up to which the element is valid."""

    day_of_week: list[DayOfWeek] | None = None
    """Days of the week on which the element is valid."""

    def __attrs_post_init__(self) -> None:
        if self.start_time is not None and len(self.start_time) > 5:
            raise too_long("start_time", self.start_time, 5)
        if self.end_time is not None and len(self.end_time) > 5:
            raise too_long("end_time", self.end_time, 5)
        if self.start_date is not None and len(self.start_date) > 10:
            raise too_long("start_date", self.start_date, 10)
        if self.end_date is not None and len(self.end_date) > 10:
            raise too_long("end_date", self.end_date, 10)
