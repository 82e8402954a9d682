"""OCPI 2.1.1 Locations module.

Objects, classes and enums of the OCPI 2.1.1 Locations module: Location, EVSE, Connector and
their data types.

Spec chapter: ``mod_locations.md``.
Generated from ``schemas/2.1.1/locations.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from ocpi_sdk.model_support import OcpiEnum, too_few, too_long

if TYPE_CHECKING:
    from ocpi_sdk.v2_1_1.types import DisplayText


__all__ = [
    "EVSE",
    "AdditionalGeoLocation",
    "BusinessDetails",
    "Capability",
    "Connector",
    "ConnectorFormat",
    "ConnectorType",
    "EnergyMix",
    "EnergySource",
    "EnergySourceCategory",
    "EnvironmentalImpact",
    "EnvironmentalImpactCategory",
    "ExceptionalPeriod",
    "Facility",
    "GeoLocation",
    "Hours",
    "Image",
    "ImageCategory",
    "Location",
    "LocationType",
    "ParkingRestriction",
    "PowerType",
    "RegularHours",
    "Status",
    "StatusSchedule",
]


class Capability(OcpiEnum):
    """A function an EVSE supports."""

    CHARGING_PROFILE_CAPABLE = "CHARGING_PROFILE_CAPABLE"
    """The EVSE supports charging profiles (not yet usable through OCPI 2.1.1)."""

    CREDIT_CARD_PAYABLE = "CREDIT_CARD_PAYABLE"
    """Charging can be paid for with a credit card."""

    REMOTE_START_STOP_CAPABLE = "REMOTE_START_STOP_CAPABLE"
    """The EVSE can be started and stopped remotely."""

    RESERVABLE = "RESERVABLE"
    """The EVSE can be reserved."""

    RFID_READER = "RFID_READER"
    """Charging can be authorized with an RFID token."""

    UNLOCK_CAPABLE = "UNLOCK_CAPABLE"
    """The connectors have a mechanical lock the eMSP can ask to unlock."""


class ConnectorFormat(OcpiEnum):
    """Whether a connector is a socket or an attached cable."""

    SOCKET = "SOCKET"
    """A socket: the driver brings a matching cable with plug."""

    CABLE = "CABLE"
    """A cable attached to the charger: the car needs a matching inlet."""


class ConnectorType(OcpiEnum):
    """Plug or socket standard of a connector."""

    CHADEMO = "CHADEMO"
    """CHAdeMO, DC."""

    DOMESTIC_A = "DOMESTIC_A"
    """Household type A (NEMA 1-15), 2 pins."""

    DOMESTIC_B = "DOMESTIC_B"
    """Household type B (NEMA 5-15), 3 pins."""

    DOMESTIC_C = "DOMESTIC_C"
    """Household type C (CEE 7/17), 2 pins."""

    DOMESTIC_D = "DOMESTIC_D"
    """Household type D, 3 pins."""

    DOMESTIC_E = "DOMESTIC_E"
    """Household type E (CEE 7/5), 3 pins."""

    DOMESTIC_F = "DOMESTIC_F"
    """Household type F (CEE 7/4, Schuko), 3 pins."""

    DOMESTIC_G = "DOMESTIC_G"
    """Household type G (BS 1363, Commonwealth), 3 pins."""

    DOMESTIC_H = "DOMESTIC_H"
    """Household type H (SI-32), 3 pins."""

    DOMESTIC_I = "DOMESTIC_I"
    """Household type I (AS 3112), 3 pins."""

    DOMESTIC_J = "DOMESTIC_J"
    """Household type J (SEV 1011), 3 pins."""

    DOMESTIC_K = "DOMESTIC_K"
    """Household type K (DS 60884-2-D1), 3 pins."""

    DOMESTIC_L = "DOMESTIC_L"
    """Household type L (CEI 23-16-VII), 3 pins."""

    IEC_60309_2_SINGLE_16 = "IEC_60309_2_single_16"
    """IEC 60309-2 industrial, single phase, 16 A (usually blue)."""

    IEC_60309_2_THREE_16 = "IEC_60309_2_three_16"
    """IEC 60309-2 industrial, three phase, 16 A (usually red)."""

    IEC_60309_2_THREE_32 = "IEC_60309_2_three_32"
    """IEC 60309-2 industrial, three phase, 32 A (usually red)."""

    IEC_60309_2_THREE_64 = "IEC_60309_2_three_64"
    """IEC 60309-2 industrial, three phase, 64 A (usually red)."""

    IEC_62196_T1 = "IEC_62196_T1"
    """IEC 62196 Type 1 (SAE J1772)."""

    IEC_62196_T1_COMBO = "IEC_62196_T1_COMBO"
    """Combo based on Type 1, DC."""

    IEC_62196_T2 = "IEC_62196_T2"
    """IEC 62196 Type 2 (Mennekes)."""

    IEC_62196_T2_COMBO = "IEC_62196_T2_COMBO"
    """Combo based on Type 2, DC."""

    IEC_62196_T3A = "IEC_62196_T3A"
    """IEC 62196 Type 3A."""

    IEC_62196_T3C = "IEC_62196_T3C"
    """IEC 62196 Type 3C (Scame)."""

    TESLA_R = "TESLA_R"
    """Tesla Roadster connector (round, 4 pins)."""

    TESLA_S = "TESLA_S"
    """Tesla Model S connector (oval, 5 pins)."""


class EnergySourceCategory(OcpiEnum):
    """Kind of energy source."""

    NUCLEAR = "NUCLEAR"
    """Nuclear power."""

    GENERAL_FOSSIL = "GENERAL_FOSSIL"
    """Fossil power of any kind."""

    COAL = "COAL"
    """Fossil power from coal."""

    GAS = "GAS"
    """Fossil power from gas."""

    GENERAL_GREEN = "GENERAL_GREEN"
    """Renewable power of any kind."""

    SOLAR = "SOLAR"
    """Renewable power from photovoltaics."""

    WIND = "WIND"
    """Renewable power from wind turbines."""

    WATER = "WATER"
    """Renewable power from water turbines."""


class EnvironmentalImpactCategory(OcpiEnum):
    """Kind of environmental impact."""

    NUCLEAR_WASTE = "NUCLEAR_WASTE"
    """Nuclear waste produced, in grams per kWh."""

    CARBON_DIOXIDE = "CARBON_DIOXIDE"
    """Carbon dioxide emitted, in grams per kWh."""


class Facility(OcpiEnum):
    """A facility a charging location belongs to."""

    HOTEL = "HOTEL"
    """A hotel."""

    RESTAURANT = "RESTAURANT"
    """A restaurant."""

    CAFE = "CAFE"
    """A cafe."""

    MALL = "MALL"
    """A mall or shopping centre."""

    SUPERMARKET = "SUPERMARKET"
    """A supermarket."""

    SPORT = "SPORT"
    """Sports facilities such as a gym or a field."""

    RECREATION_AREA = "RECREATION_AREA"
    """A recreation area."""

    NATURE = "NATURE"
    """In or near a park or nature reserve."""

    MUSEUM = "MUSEUM"
    """A museum."""

    BUS_STOP = "BUS_STOP"
    """A bus stop."""

    TAXI_STAND = "TAXI_STAND"
    """A taxi stand."""

    TRAIN_STATION = "TRAIN_STATION"
    """A train station."""

    AIRPORT = "AIRPORT"
    """An airport."""

    CARPOOL_PARKING = "CARPOOL_PARKING"
    """A carpool parking."""

    FUEL_STATION = "FUEL_STATION"
    """A fuel station."""

    WIFI = "WIFI"
    """Wifi or another kind of internet access is available."""


class ImageCategory(OcpiEnum):
    """What an image shows, so that it is used correctly."""

    CHARGER = "CHARGER"
    """Photo of the device holding one or more EVSEs."""

    ENTRANCE = "ENTRANCE"
    """Photo of the car entrance of the location, seen from the street."""

    LOCATION = "LOCATION"
    """Overview photo of the location."""

    NETWORK = "NETWORK"
    """Logo of a roaming network the EVSE belongs to, for lists, maps and detail views."""

    OPERATOR = "OPERATOR"
    """Logo of the charge point operator, shown when no network logo is present."""

    OTHER = "OTHER"
    """Any other image."""

    OWNER = "OWNER"
    """Logo of the charge point owner (for example a local shop), for detail views."""


class LocationType(OcpiEnum):
    """General type of a charging location."""

    ON_STREET = "ON_STREET"
    """Parking in public space."""

    PARKING_GARAGE = "PARKING_GARAGE"
    """Multistorey car park."""

    UNDERGROUND_GARAGE = "UNDERGROUND_GARAGE"
    """Multistorey car park, mainly underground."""

    PARKING_LOT = "PARKING_LOT"
    """An open area for parking vehicles, e.g. at supermarkets or bars."""

    OTHER = "OTHER"
    """None of the other values."""

    UNKNOWN = "UNKNOWN"
    """Type unknown to the operator (default)."""


class ParkingRestriction(OcpiEnum):
    """A restriction on who or what may use the parking spot."""

    EV_ONLY = "EV_ONLY"
    """Parking spot reserved for electric vehicles."""

    PLUGGED = "PLUGGED"
    """Parking allowed only while plugged in (charging)."""

    DISABLED = "DISABLED"
    """Parking spot reserved for disabled people with a valid ID."""

    CUSTOMERS = "CUSTOMERS"
    """Parking spot for customers or guests only (hotel, shop, ...)."""

    MOTORCYCLES = "MOTORCYCLES"
    """Parking spot only suitable for (electric) motorcycles or scooters."""


class PowerType(OcpiEnum):
    """Kind of power a connector delivers."""

    AC_1_PHASE = "AC_1_PHASE"
    """AC, single phase."""

    AC_3_PHASE = "AC_3_PHASE"
    """AC, three phases."""

    DC = "DC"
    """Direct current."""


class Status(OcpiEnum):
    """Status of an EVSE or connector."""

    AVAILABLE = "AVAILABLE"
    """Able to start a new charging session."""

    BLOCKED = "BLOCKED"
    """Not reachable because of a physical barrier, for example a parked car."""

    CHARGING = "CHARGING"
    """In use."""

    INOPERATIVE = "INOPERATIVE"
    """Not yet active, or no longer available (deleted)."""

    OUTOFORDER = "OUTOFORDER"
    """Currently out of order."""

    PLANNED = "PLANNED"
    """Planned, will be operating soon."""

    REMOVED = "REMOVED"
    """Discontinued or removed."""

    RESERVED = "RESERVED"
    """Reserved for a particular driver, unavailable to others."""

    UNKNOWN = "UNKNOWN"
    """No status information available (also used when offline)."""


@attrs.define(kw_only=True)
class Location:
    """A charging location of a CPO: where a group of EVSEs that belong together is installed (or
    the entrance leading to them)."""

    id: str = attrs.field(metadata={"max_length": 39})
    """Unique, never-changing identifier of the location within the CPO's platform."""

    type: LocationType
    """General type of the charging location."""

    name: str | None = attrs.field(default=None, metadata={"max_length": 255})
    """Display name of the location."""

    address: str = attrs.field(metadata={"max_length": 45})
    """Street or block name, with house number when available."""

    city: str = attrs.field(metadata={"max_length": 45})
    """City or town."""

    postal_code: str = attrs.field(metadata={"max_length": 10})
    """Postal code."""

    country: str = attrs.field(metadata={"max_length": 3})
    """Country as an ISO 3166-1 alpha-3 code."""

    coordinates: GeoLocation
    """Geographic coordinates of the location."""

    related_locations: list[AdditionalGeoLocation] | None = None
    """Other points relevant to the user, such as entrances."""

    evses: list[EVSE] | None = None
    """The EVSEs of this location."""

    directions: list[DisplayText] | None = None
    """Human-readable directions to reach the location."""

    operator: BusinessDetails | None = None
    """The operator; when absent, the party's own business details apply."""

    suboperator: BusinessDetails | None = None
    """The suboperator, if any."""

    owner: BusinessDetails | None = None
    """The owner, if known."""

    facilities: list[Facility] | None = None
    """Facilities the location belongs to."""

    time_zone: str | None = attrs.field(default=None, metadata={"max_length": 255})
    """IANA tz database name of the location's time zone, e.g. "Europe/Oslo"."""

    opening_times: Hours | None = None
    """When the EVSEs can be accessed for charging."""

    charging_when_closed: bool | None = None
    """Whether charging continues outside the opening hours; true when absent."""

    images: list[Image] | None = None
    """Photos or logos related to the location."""

    energy_mix: EnergyMix | None = None
    """The energy supplied at this location."""

    last_updated: datetime
    """When this location or one of its EVSEs or connectors was last changed or created."""

    def __attrs_post_init__(self) -> None:
        if len(self.id) > 39:
            raise too_long("id", self.id, 39)
        if self.name is not None and len(self.name) > 255:
            raise too_long("name", self.name, 255)
        if len(self.address) > 45:
            raise too_long("address", self.address, 45)
        if len(self.city) > 45:
            raise too_long("city", self.city, 45)
        if len(self.postal_code) > 10:
            raise too_long("postal_code", self.postal_code, 10)
        if len(self.country) > 3:
            raise too_long("country", self.country, 3)
        if self.time_zone is not None and len(self.time_zone) > 255:
            raise too_long("time_zone", self.time_zone, 255)


@attrs.define(kw_only=True)
class EVSE:
    """The part of a location that powers a single EV in a single session; its connectors cannot
    be used at the same time."""

    uid: str = attrs.field(metadata={"max_length": 39})
    """Unique, never-changing technical identifier of the EVSE within the CPO's platform (not the
    human-readable evse_id)."""

    evse_id: str | None = attrs.field(default=None, metadata={"max_length": 48})
    """EVSE ID following the eMI3 V1.0 specification; may be dropped when the EVSE is REMOVED so
    the ID can be reused."""

    status: Status
    """Current status of the EVSE."""

    status_schedule: list[StatusSchedule] | None = None
    """Planned future statuses of the EVSE."""

    capabilities: list[Capability] | None = None
    """Functions the EVSE supports."""

    connectors: list[Connector] = attrs.field(metadata={"min_items": 1})
    """The connectors of the EVSE."""

    floor_level: str | None = attrs.field(default=None, metadata={"max_length": 4})
    """Floor on which the EVSE is located (in a garage), in the locally shown numbering."""

    coordinates: GeoLocation | None = None
    """Geographic coordinates of the EVSE."""

    physical_reference: str | None = attrs.field(default=None, metadata={"max_length": 16})
    """Number or text printed on the EVSE for visual identification."""

    directions: list[DisplayText] | None = None
    """Multi-language directions from the location to the EVSE."""

    parking_restrictions: list[ParkingRestriction] | None = None
    """Restrictions that apply to the parking spot."""

    images: list[Image] | None = None
    """Photos or logos related to the EVSE."""

    last_updated: datetime
    """When this EVSE or one of its connectors was last changed or created."""

    def __attrs_post_init__(self) -> None:
        if len(self.uid) > 39:
            raise too_long("uid", self.uid, 39)
        if self.evse_id is not None and len(self.evse_id) > 48:
            raise too_long("evse_id", self.evse_id, 48)
        if len(self.connectors) < 1:
            raise too_few("connectors", 1)
        if self.floor_level is not None and len(self.floor_level) > 4:
            raise too_long("floor_level", self.floor_level, 4)
        if self.physical_reference is not None and len(self.physical_reference) > 16:
            raise too_long("physical_reference", self.physical_reference, 16)


@attrs.define(kw_only=True)
class Connector:
    """A socket or cable of an EVSE; only one connector of an EVSE can be in use at a time."""

    id: str = attrs.field(metadata={"max_length": 36})
    """Identifier of the connector, unique within its EVSE."""

    standard: ConnectorType
    """Standard of the installed connector."""

    format: ConnectorFormat
    """Whether the connector is a socket or an attached cable."""

    power_type: PowerType
    """Kind of power delivered (AC phases or DC)."""

    voltage: int
    """Voltage in volts (line to neutral for AC_3_PHASE)."""

    amperage: int
    """Maximum current in amperes."""

    tariff_id: str | None = attrs.field(default=None, metadata={"max_length": 36})
    """Identifier of the current tariff; set it to a free-of-charge tariff when charging is free."""

    terms_and_conditions: str | None = attrs.field(default=None, metadata={"max_length": 255})
    """Link to the operator's terms and conditions."""

    last_updated: datetime
    """When this connector was last changed or created."""

    def __attrs_post_init__(self) -> None:
        if len(self.id) > 36:
            raise too_long("id", self.id, 36)
        if self.tariff_id is not None and len(self.tariff_id) > 36:
            raise too_long("tariff_id", self.tariff_id, 36)
        if self.terms_and_conditions is not None and len(self.terms_and_conditions) > 255:
            raise too_long("terms_and_conditions", self.terms_and_conditions, 255)


@attrs.define(kw_only=True)
class AdditionalGeoLocation:
    """An extra point (WGS 84) relevant to a charging location."""

    latitude: str = attrs.field(metadata={"max_length": 10})
    """Latitude in decimal degrees (WGS 84), '.' as decimal separator, e.g. "50.770774"."""

    longitude: str = attrs.field(metadata={"max_length": 11})
    """Longitude in decimal degrees (WGS 84), '.' as decimal separator, e.g. "-126.104965"."""

    name: DisplayText | None = None
    """Name of the point as used locally, e.g. the street or number of a parking entrance."""

    def __attrs_post_init__(self) -> None:
        if len(self.latitude) > 10:
            raise too_long("latitude", self.latitude, 10)
        if len(self.longitude) > 11:
            raise too_long("longitude", self.longitude, 11)


@attrs.define(kw_only=True)
class BusinessDetails:
    """Name, website and logo of a business (operator, suboperator or owner)."""

    name: str = attrs.field(metadata={"max_length": 100})
    """Name of the business."""

    website: str | None = attrs.field(default=None, metadata={"max_length": 255})
    """Link to the business's website."""

    logo: Image | None = None
    """Logo of the business."""

    def __attrs_post_init__(self) -> None:
        if len(self.name) > 100:
            raise too_long("name", self.name, 100)
        if self.website is not None and len(self.website) > 255:
            raise too_long("website", self.website, 255)


@attrs.define(kw_only=True)
class EnergyMix:
    """Energy mix and environmental impact of the energy supplied at a location or under a
    tariff."""

    is_green_energy: bool
    """True when the energy is 100% from renewable sources."""

    energy_sources: list[EnergySource] | None = None
    """Share of each energy source."""

    environ_impact: list[EnvironmentalImpact] | None = None
    """Nuclear waste and CO2 amounts."""

    supplier_name: str | None = attrs.field(default=None, metadata={"max_length": 64})
    """Name of the energy supplier."""

    energy_product_name: str | None = attrs.field(default=None, metadata={"max_length": 64})
    """Name of the supplier's product or tariff plan."""

    def __attrs_post_init__(self) -> None:
        if self.supplier_name is not None and len(self.supplier_name) > 64:
            raise too_long("supplier_name", self.supplier_name, 64)
        if self.energy_product_name is not None and len(self.energy_product_name) > 64:
            raise too_long("energy_product_name", self.energy_product_name, 64)


@attrs.define(kw_only=True)
class EnergySource:
    """Share of one energy source in the mix; the shares of a category add up to 100."""

    source: EnergySourceCategory
    """The energy source."""

    percentage: Decimal
    """Share of this source in the mix, 0 to 100."""


@attrs.define(kw_only=True)
class EnvironmentalImpact:
    """Amount of one kind of waste or emission per kWh."""

    source: EnvironmentalImpactCategory
    """Which impact this amount measures."""

    amount: Decimal
    """Amount in g/kWh."""


@attrs.define(kw_only=True)
class ExceptionalPeriod:
    """One period of exceptional opening or closing."""

    period_begin: datetime
    """Start of the exception."""

    period_end: datetime
    """End of the exception."""


@attrs.define(kw_only=True)
class GeoLocation:
    """Coordinates (WGS 84) of a charge point."""

    latitude: str = attrs.field(metadata={"max_length": 10})
    """Latitude in decimal degrees (WGS 84), '.' as decimal separator, e.g. "50.770774"."""

    longitude: str = attrs.field(metadata={"max_length": 11})
    """Longitude in decimal degrees (WGS 84), '.' as decimal separator, e.g. "-126.104965"."""

    def __attrs_post_init__(self) -> None:
        if len(self.latitude) > 10:
            raise too_long("latitude", self.latitude, 10)
        if len(self.longitude) > 11:
            raise too_long("longitude", self.longitude, 11)


@attrs.define(kw_only=True)
class Hours:
    """Opening and access hours of a location. The spec makes regular_hours and twentyfourseven a
    choice: exactly one of the two is present."""

    regular_hours: list[RegularHours] | None = None
    """Weekday-based regular hours; not used for 24/7 (choice with twentyfourseven)."""

    twentyfourseven: bool | None = None
    """True for open 24 hours a day, 7 days a week, apart from the exceptions (choice with
    regular_hours)."""

    exceptional_openings: list[ExceptionalPeriod] | None = None
    """Dated periods of extra opening, on top of the regular hours."""

    exceptional_closings: list[ExceptionalPeriod] | None = None
    """Dated periods of closing; they override the regular hours and exceptional openings."""


@attrs.define(kw_only=True)
class Image:
    """Reference to an image (photo or logo) of a location, EVSE or business."""

    url: str = attrs.field(metadata={"max_length": 255})
    """Where the full image can be fetched with a web browser."""

    thumbnail: str | None = attrs.field(default=None, metadata={"max_length": 255})
    """Where a thumbnail of the image can be fetched."""

    category: ImageCategory
    """What the image is for."""

    type: str = attrs.field(metadata={"max_length": 4})
    """Image file type, e.g. gif, jpeg, png, svg."""

    width: int | None = None
    """Width of the full image in pixels (int(5))."""

    height: int | None = None
    """Height of the full image in pixels (int(5))."""

    def __attrs_post_init__(self) -> None:
        if len(self.url) > 255:
            raise too_long("url", self.url, 255)
        if self.thumbnail is not None and len(self.thumbnail) > 255:
            raise too_long("thumbnail", self.thumbnail, 255)
        if len(self.type) > 4:
            raise too_long("type", self.type, 4)


@attrs.define(kw_only=True)
class RegularHours:
    """One regular weekly period of operation or access."""

    weekday: int
    """Day of the week, Monday (1) to Sunday (7)."""

    period_begin: str = attrs.field(metadata={"max_length": 5})
    """Start time, 24h "HH:MM" with leading zeros."""

    period_end: str = attrs.field(metadata={"max_length": 5})
    """End time, same syntax as period_begin; must be later than it."""

    def __attrs_post_init__(self) -> None:
        if len(self.period_begin) > 5:
            raise too_long("period_begin", self.period_begin, 5)
        if len(self.period_end) > 5:
            raise too_long("period_end", self.period_end, 5)


@attrs.define(kw_only=True)
class StatusSchedule:
    """A planned status for a future period, for trip planning; informational only."""

    period_begin: datetime
    """Start of the period."""

    period_end: datetime | None = None
    """End of the period, if known."""

    status: Status
    """Status during the period."""
