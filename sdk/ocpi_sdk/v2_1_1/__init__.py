"""OCPI 2.1.1: every model and enum of the version, and its converter.

>>> from ocpi_sdk.v2_1_1 import loads, dumps
>>> location = loads(raw_json, Location)  # doctest: +SKIP

Generated from ``schemas/2.1.1/`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from typing import Any, TypeVar

from ocpi_sdk.converter import OcpiConverter
from ocpi_sdk.transport.spec import VersionProfile
from ocpi_sdk.v2_1_1.cdrs import (
    CDR,
    AuthMethod,
    CdrDimension,
    CdrDimensionType,
    ChargingPeriod,
)
from ocpi_sdk.v2_1_1.commands import (
    CommandResponse,
    CommandResponseType,
    CommandType,
    ReserveNow,
    StartSession,
    StopSession,
    UnlockConnector,
)
from ocpi_sdk.v2_1_1.credentials import (
    Credentials,
)
from ocpi_sdk.v2_1_1.locations import (
    EVSE,
    AdditionalGeoLocation,
    BusinessDetails,
    Capability,
    Connector,
    ConnectorFormat,
    ConnectorType,
    EnergyMix,
    EnergySource,
    EnergySourceCategory,
    EnvironmentalImpact,
    EnvironmentalImpactCategory,
    ExceptionalPeriod,
    Facility,
    GeoLocation,
    Hours,
    Image,
    ImageCategory,
    Location,
    LocationType,
    ParkingRestriction,
    PowerType,
    RegularHours,
    Status,
    StatusSchedule,
)
from ocpi_sdk.v2_1_1.sessions import (
    Session,
    SessionStatus,
)
from ocpi_sdk.v2_1_1.tariffs import (
    DayOfWeek,
    PriceComponent,
    Tariff,
    TariffDimensionType,
    TariffElement,
    TariffRestrictions,
)
from ocpi_sdk.v2_1_1.tokens import (
    Allowed,
    AuthorizationInfo,
    LocationReferences,
    Token,
    TokenType,
    WhitelistType,
)
from ocpi_sdk.v2_1_1.transport import (
    Response,
)
from ocpi_sdk.v2_1_1.types import (
    DisplayText,
)
from ocpi_sdk.v2_1_1.versions import (
    Endpoint,
    ModuleID,
    Version,
    VersionDetails,
    VersionNumber,
)

VERSION = "2.1.1"

PROFILE = VersionProfile(
    version=VERSION,
    token_encoding="plain",
    request_ids=False,
    routing_headers=False,
)

T = TypeVar("T")

converter = OcpiConverter(
    VERSION,
    (
        AdditionalGeoLocation,
        Allowed,
        AuthMethod,
        AuthorizationInfo,
        BusinessDetails,
        CDR,
        Capability,
        CdrDimension,
        CdrDimensionType,
        ChargingPeriod,
        CommandResponse,
        CommandResponseType,
        CommandType,
        Connector,
        ConnectorFormat,
        ConnectorType,
        Credentials,
        DayOfWeek,
        DisplayText,
        EVSE,
        Endpoint,
        EnergyMix,
        EnergySource,
        EnergySourceCategory,
        EnvironmentalImpact,
        EnvironmentalImpactCategory,
        ExceptionalPeriod,
        Facility,
        GeoLocation,
        Hours,
        Image,
        ImageCategory,
        Location,
        LocationReferences,
        LocationType,
        ModuleID,
        ParkingRestriction,
        PowerType,
        PriceComponent,
        RegularHours,
        ReserveNow,
        Response,
        Session,
        SessionStatus,
        StartSession,
        Status,
        StatusSchedule,
        StopSession,
        Tariff,
        TariffDimensionType,
        TariffElement,
        TariffRestrictions,
        Token,
        TokenType,
        UnlockConnector,
        Version,
        VersionDetails,
        VersionNumber,
        WhitelistType,
    ),
)


def loads(raw: bytes | str | Any, cls: type[T], *, strict: bool = False) -> T:
    """JSON (bytes, str or already-parsed data) as ``cls``, a model or ``list[Model]``.

    Unknown fields are ignored, or rejected with ``strict=True``; a payload that does not fit
    raises :class:`ocpi_sdk.errors.PayloadError` naming each bad field by its JSON path.
    """
    return converter.loads(raw, cls, strict=strict)


def dumps(obj: Any) -> bytes:
    """A model (or a list of them) as compact JSON bytes; None fields are left out."""
    return converter.dumps(obj)


def to_dict(obj: Any) -> Any:
    """A model (or a list of them) as JSON-ready data; None fields are left out."""
    return converter.to_dict(obj)


__all__ = [
    "CDR",
    "EVSE",
    "PROFILE",
    "VERSION",
    "AdditionalGeoLocation",
    "Allowed",
    "AuthMethod",
    "AuthorizationInfo",
    "BusinessDetails",
    "Capability",
    "CdrDimension",
    "CdrDimensionType",
    "ChargingPeriod",
    "CommandResponse",
    "CommandResponseType",
    "CommandType",
    "Connector",
    "ConnectorFormat",
    "ConnectorType",
    "Credentials",
    "DayOfWeek",
    "DisplayText",
    "Endpoint",
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
    "LocationReferences",
    "LocationType",
    "ModuleID",
    "ParkingRestriction",
    "PowerType",
    "PriceComponent",
    "RegularHours",
    "ReserveNow",
    "Response",
    "Session",
    "SessionStatus",
    "StartSession",
    "Status",
    "StatusSchedule",
    "StopSession",
    "Tariff",
    "TariffDimensionType",
    "TariffElement",
    "TariffRestrictions",
    "Token",
    "TokenType",
    "UnlockConnector",
    "Version",
    "VersionDetails",
    "VersionNumber",
    "WhitelistType",
    "converter",
    "dumps",
    "loads",
    "to_dict",
]
