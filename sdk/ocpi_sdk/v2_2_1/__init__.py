"""OCPI 2.2.1: every model and enum of the version, and its converter.

>>> from ocpi_sdk.v2_2_1 import loads, dumps
>>> location = loads(raw_json, Location)  # doctest: +SKIP

Generated from ``schemas/2.2.1/`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from typing import Any, TypeVar

from ocpi_sdk.converter import OcpiConverter
from ocpi_sdk.transport.spec import VersionProfile
from ocpi_sdk.v2_2_1.cdrs import (
    CDR,
    AuthMethod,
    CdrDimension,
    CdrDimensionType,
    CdrLocation,
    CdrToken,
    ChargingPeriod,
    SignedData,
    SignedValue,
)
from ocpi_sdk.v2_2_1.chargingprofiles import (
    ActiveChargingProfile,
    ActiveChargingProfileResult,
    ChargingProfile,
    ChargingProfilePeriod,
    ChargingProfileResponse,
    ChargingProfileResponseType,
    ChargingProfileResult,
    ChargingProfileResultType,
    ChargingRateUnit,
    ClearProfileResult,
    SetChargingProfile,
)
from ocpi_sdk.v2_2_1.commands import (
    CancelReservation,
    CommandResponse,
    CommandResponseType,
    CommandResult,
    CommandResultType,
    CommandType,
    ReserveNow,
    StartSession,
    StopSession,
    UnlockConnector,
)
from ocpi_sdk.v2_2_1.credentials import (
    Credentials,
    CredentialsRole,
)
from ocpi_sdk.v2_2_1.hubclientinfo import (
    ClientInfo,
    ConnectionStatus,
)
from ocpi_sdk.v2_2_1.locations import (
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
    ParkingRestriction,
    ParkingType,
    PowerType,
    PublishTokenType,
    RegularHours,
    Status,
    StatusSchedule,
)
from ocpi_sdk.v2_2_1.sessions import (
    ChargingPreferences,
    ChargingPreferencesResponse,
    ProfileType,
    Session,
    SessionStatus,
)
from ocpi_sdk.v2_2_1.tariffs import (
    DayOfWeek,
    PriceComponent,
    ReservationRestrictionType,
    Tariff,
    TariffDimensionType,
    TariffElement,
    TariffRestrictions,
    TariffType,
)
from ocpi_sdk.v2_2_1.tokens import (
    AllowedType,
    AuthorizationInfo,
    EnergyContract,
    LocationReferences,
    Token,
    TokenType,
    WhitelistType,
)
from ocpi_sdk.v2_2_1.transport import (
    Response,
)
from ocpi_sdk.v2_2_1.types import (
    DisplayText,
    Price,
    Role,
)
from ocpi_sdk.v2_2_1.versions import (
    Endpoint,
    InterfaceRole,
    ModuleID,
    Version,
    VersionDetails,
    VersionNumber,
)

VERSION = "2.2.1"

PROFILE = VersionProfile(
    version=VERSION,
    token_encoding="base64",
    request_ids=True,
    routing_headers=True,
)

T = TypeVar("T")

converter = OcpiConverter(
    VERSION,
    (
        ActiveChargingProfile,
        ActiveChargingProfileResult,
        AdditionalGeoLocation,
        AllowedType,
        AuthMethod,
        AuthorizationInfo,
        BusinessDetails,
        CDR,
        CancelReservation,
        Capability,
        CdrDimension,
        CdrDimensionType,
        CdrLocation,
        CdrToken,
        ChargingPeriod,
        ChargingPreferences,
        ChargingPreferencesResponse,
        ChargingProfile,
        ChargingProfilePeriod,
        ChargingProfileResponse,
        ChargingProfileResponseType,
        ChargingProfileResult,
        ChargingProfileResultType,
        ChargingRateUnit,
        ClearProfileResult,
        ClientInfo,
        CommandResponse,
        CommandResponseType,
        CommandResult,
        CommandResultType,
        CommandType,
        ConnectionStatus,
        Connector,
        ConnectorFormat,
        ConnectorType,
        Credentials,
        CredentialsRole,
        DayOfWeek,
        DisplayText,
        EVSE,
        Endpoint,
        EnergyContract,
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
        InterfaceRole,
        Location,
        LocationReferences,
        ModuleID,
        ParkingRestriction,
        ParkingType,
        PowerType,
        Price,
        PriceComponent,
        ProfileType,
        PublishTokenType,
        RegularHours,
        ReservationRestrictionType,
        ReserveNow,
        Response,
        Role,
        Session,
        SessionStatus,
        SetChargingProfile,
        SignedData,
        SignedValue,
        StartSession,
        Status,
        StatusSchedule,
        StopSession,
        Tariff,
        TariffDimensionType,
        TariffElement,
        TariffRestrictions,
        TariffType,
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
    "ActiveChargingProfile",
    "ActiveChargingProfileResult",
    "AdditionalGeoLocation",
    "AllowedType",
    "AuthMethod",
    "AuthorizationInfo",
    "BusinessDetails",
    "CancelReservation",
    "Capability",
    "CdrDimension",
    "CdrDimensionType",
    "CdrLocation",
    "CdrToken",
    "ChargingPeriod",
    "ChargingPreferences",
    "ChargingPreferencesResponse",
    "ChargingProfile",
    "ChargingProfilePeriod",
    "ChargingProfileResponse",
    "ChargingProfileResponseType",
    "ChargingProfileResult",
    "ChargingProfileResultType",
    "ChargingRateUnit",
    "ClearProfileResult",
    "ClientInfo",
    "CommandResponse",
    "CommandResponseType",
    "CommandResult",
    "CommandResultType",
    "CommandType",
    "ConnectionStatus",
    "Connector",
    "ConnectorFormat",
    "ConnectorType",
    "Credentials",
    "CredentialsRole",
    "DayOfWeek",
    "DisplayText",
    "Endpoint",
    "EnergyContract",
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
    "InterfaceRole",
    "Location",
    "LocationReferences",
    "ModuleID",
    "ParkingRestriction",
    "ParkingType",
    "PowerType",
    "Price",
    "PriceComponent",
    "ProfileType",
    "PublishTokenType",
    "RegularHours",
    "ReservationRestrictionType",
    "ReserveNow",
    "Response",
    "Role",
    "Session",
    "SessionStatus",
    "SetChargingProfile",
    "SignedData",
    "SignedValue",
    "StartSession",
    "Status",
    "StatusSchedule",
    "StopSession",
    "Tariff",
    "TariffDimensionType",
    "TariffElement",
    "TariffRestrictions",
    "TariffType",
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
