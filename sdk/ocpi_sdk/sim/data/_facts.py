"""The generated network as version-free facts; a dialect turns them into one version's JSON.

Every draw from the seeded random generator happens while these facts are built, so the same seed
gives the same network in every OCPI version and the rendering never consumes randomness.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from ocpi_sdk.sim.data._places import EnergyProduct

__all__ = [
    "EPOCH",
    "PHASES",
    "Bay",
    "Business",
    "Component",
    "Element",
    "Evse",
    "Hours",
    "Plug",
    "Site",
    "TariffPlan",
    "TokenCard",
    "iso",
]

EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
"""Every generated timestamp is this instant plus a seeded offset."""

PHASES = {"AC_1_PHASE": 1, "AC_2_PHASE": 2, "AC_2_PHASE_SPLIT": 2, "AC_3_PHASE": 3, "DC": 1}
"""Phases of each PowerType: the power of a connector is voltage x amperage x phases."""


def iso(moment: datetime) -> str:
    """``moment`` as an OCPI DateTime in UTC, whole seconds: ``2024-01-01T00:00:00Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True, slots=True)
class Business:
    """An operator, suboperator or owner."""

    name: str
    website: str | None = None
    logo: str | None = None


@dataclass(frozen=True, slots=True)
class Plug:
    """One connector of an EVSE."""

    id: str
    standard: str
    format: str
    power_type: str
    voltage: int
    amperage: int
    tariff_ids: tuple[str, ...]
    last_updated: datetime
    capabilities: tuple[str, ...] = ()  # ConnectorCapability of 2.3.0: ISO 15118 Plug & Charge

    @property
    def power(self) -> int:
        """Maximum power in W: voltage x amperage x phases (AC voltage is line to neutral)."""
        return self.voltage * self.amperage * PHASES[self.power_type]


@dataclass(frozen=True, slots=True)
class Bay:
    """The parking space a vehicle uses while charging at an EVSE (a Parking of 2.3.0).

    Sizes are in centimetres and weights in kilograms; ``None`` means not stated.
    """

    id: str
    physical_reference: str
    vehicle_types: tuple[str, ...]
    direction: str
    evse_position: str
    drive_through: bool
    roofed: bool | None = None
    max_vehicle_weight: int | None = None
    max_vehicle_height: int | None = None
    max_vehicle_length: int | None = None
    max_vehicle_width: int | None = None
    space_length: int | None = None
    space_width: int | None = None
    dangerous_goods_allowed: bool | None = None


@dataclass(frozen=True, slots=True)
class Evse:
    """One EVSE of a site."""

    uid: str
    evse_id: str
    status: str
    capabilities: tuple[str, ...]
    plugs: tuple[Plug, ...]
    physical_reference: str
    floor_level: str | None
    latitude: float
    longitude: float
    parking_restrictions: tuple[str, ...]
    last_updated: datetime
    bay: Bay | None = None


@dataclass(frozen=True, slots=True)
class Hours:
    """Opening times: ``None`` periods mean open 24/7.

    ``periods`` are ``(weekday, begin, end)`` with weekday 1 (Monday) to 7 and times ``HH:MM``;
    ``closed_days`` are UTC intervals of exceptional closing.
    """

    periods: tuple[tuple[int, str, str], ...] | None
    closed_days: tuple[tuple[datetime, datetime], ...] = ()


@dataclass(frozen=True, slots=True)
class Site:
    """A charging location."""

    id: str
    name: str
    address: str
    city: str
    postal_code: str
    country2: str
    country3: str
    latitude: float
    longitude: float
    kind: str  # ParkingType of 2.2.1
    time_zone: str
    language: str
    evses: tuple[Evse, ...]
    operator: Business
    suboperator: Business | None
    owner: Business | None
    facilities: tuple[str, ...]
    hours: Hours
    charging_when_closed: bool | None
    energy: EnergyProduct
    image: str | None
    directions: tuple[tuple[str, str], ...]
    last_updated: datetime
    help_phone: str | None = None  # the CPO's customer service in the site's country


@dataclass(frozen=True, slots=True)
class Component:
    """A price component: dimension, price excluding VAT, step size."""

    type: str
    price: float
    step_size: int


@dataclass(frozen=True, slots=True)
class Element:
    """A tariff element: its components and restrictions (field name to JSON value)."""

    components: tuple[Component, ...]
    restrictions: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TariffPlan:
    """A tariff of the CPO."""

    id: str
    type: str  # TariffType of 2.2.1
    currency: str
    vat: float
    elements: tuple[Element, ...]
    alt_text: tuple[tuple[str, str], ...]
    min_price: float | None
    max_price: float | None
    last_updated: datetime
    preauthorize: float | None = None  # what a payment terminal blocks on the card (2.3.0)


@dataclass(frozen=True, slots=True)
class TokenCard:
    """A token of the eMSP: an RFID card or an app user."""

    kind: str  # "RFID" or "APP_USER"
    uid: str
    contract_id: str
    visual_number: str | None
    issuer: str
    group_id: str | None
    language: str
    profile: str | None
    energy_contract: tuple[str, str] | None
    last_updated: datetime
