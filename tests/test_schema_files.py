"""The schema files themselves: metaschema, conventions, and coverage of the spec's chapters."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from ocpi_sdk import schemas
from ocpi_sdk.schemas._files import schema_root

ROOT = schema_root()
FILES = sorted(p for p in ROOT.glob("*/*.json") if p.parent.name[0].isdigit())


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_file_passes_the_2020_12_metaschema(path: Path) -> None:
    document = json.loads(path.read_text())
    if path.name == "interfaces.json":
        return  # data, checked against interfaces.schema.json in test_interfaces.py
    jsonschema.Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["$id"] == f"https://ocpi-sdk.dev/schemas/{path.parent.name}/{path.name}"


@pytest.mark.parametrize("version", schemas.versions())
def test_every_definition_follows_the_conventions(version: str) -> None:
    for name in schemas.names(version):
        definition = schemas.get(version, name)
        assert definition.get("title") == name, name
        assert definition.get("description"), f"{name} has no description"
        kind = definition.get("x-ocpi-kind")
        assert kind in {"object", "class", "enum", "type"}, (name, kind)
        assert "additionalProperties" not in definition, f"{name}: policy belongs to the registry"
        if kind == "enum":
            values = definition["enum"]
            assert values and len(values) == len(set(values)), name
        if kind in {"object", "class"} and "properties" in definition:
            for field in definition.get("required", []):
                assert field in definition["properties"], (name, field)


# Written from the headings of each chapter of the spec ("X *class*", "X _enum_", "_X_ Object"),
# not from our files; plus the names the SDK gives to things the spec describes without a heading.
SPEC_NAMES = {
    "2.1.1": {
        "credentials.md": {"Credentials"},
        "mod_cdrs.md": {"CDR", "AuthMethod", "CdrDimension", "CdrDimensionType", "ChargingPeriod"},
        "mod_commands.md": {
            "CommandResponse", "ReserveNow", "StartSession", "StopSession", "UnlockConnector",
            "CommandResponseType", "CommandType",
        },
        "mod_locations.md": {
            "Location", "EVSE", "Connector", "AdditionalGeoLocation", "BusinessDetails",
            "Capability", "ConnectorFormat", "ConnectorType", "EnergyMix", "EnergySource",
            "EnergySourceCategory", "EnvironmentalImpact", "EnvironmentalImpactCategory",
            "ExceptionalPeriod", "Facility", "GeoLocation", "Hours", "Image", "ImageCategory",
            "LocationType", "ParkingRestriction", "PowerType", "RegularHours", "Status",
            "StatusSchedule",
        },
        "mod_sessions.md": {"Session", "SessionStatus"},
        "mod_tariffs.md": {
            "Tariff", "DayOfWeek", "PriceComponent", "TariffElement", "TariffDimensionType",
            "TariffRestrictions",
        },
        "mod_tokens.md": {
            "AuthorizationInfo", "Token", "Allowed", "LocationReferences", "TokenType",
            "WhitelistType",
        },
        "types.md": {"CiString", "DateTime", "DisplayText", "Number", "String", "URL"},
        "version_information_endpoint.md": {"Version", "Endpoint", "ModuleID", "VersionNumber"},
        # Described by the chapters as tables without a heading of their own:
        "sdk names": {"VersionDetails", "Response"},
    },
    "2.2.1": {
        "credentials.asciidoc": {"Credentials", "CredentialsRole"},
        "mod_cdrs.asciidoc": {
            "CDR", "AuthMethod", "CdrDimension", "CdrDimensionType", "CdrLocation", "CdrToken",
            "ChargingPeriod", "SignedData", "SignedValue",
        },
        "mod_charging_profiles.asciidoc": {
            "ChargingProfileResponse", "ActiveChargingProfileResult", "ChargingProfileResult",
            "ClearProfileResult", "SetChargingProfile", "ActiveChargingProfile",
            "ChargingRateUnit", "ChargingProfile", "ChargingProfilePeriod",
            "ChargingProfileResponseType", "ChargingProfileResultType",
        },
        "mod_commands.asciidoc": {
            "CancelReservation", "CommandResponse", "CommandResult", "ReserveNow", "StartSession",
            "StopSession", "UnlockConnector", "CommandResponseType", "CommandResultType",
            "CommandType",
        },
        "mod_hub_client_info.asciidoc": {"ClientInfo", "ConnectionStatus"},
        "mod_locations.asciidoc": {
            "Location", "EVSE", "Connector", "AdditionalGeoLocation", "BusinessDetails",
            "Capability", "ConnectorFormat", "ConnectorType", "EnergyMix", "EnergySource",
            "EnergySourceCategory", "EnvironmentalImpact", "EnvironmentalImpactCategory",
            "ExceptionalPeriod", "Facility", "GeoLocation", "Hours", "Image", "ImageCategory",
            "ParkingRestriction", "ParkingType", "PowerType", "PublishTokenType", "RegularHours",
            "Status", "StatusSchedule",
        },
        "mod_sessions.asciidoc": {
            "Session", "ChargingPreferences", "ChargingPreferencesResponse", "ProfileType",
            "SessionStatus",
        },
        "mod_tariffs.asciidoc": {
            "Tariff", "DayOfWeek", "PriceComponent", "ReservationRestrictionType",
            "TariffElement", "TariffDimensionType", "TariffRestrictions", "TariffType",
        },
        "mod_tokens.asciidoc": {
            "AuthorizationInfo", "Token", "AllowedType", "EnergyContract", "LocationReferences",
            "TokenType", "WhitelistType",
        },
        "types.asciidoc": {
            "CiString", "DateTime", "DisplayText", "Number", "Price", "Role", "String", "URL",
        },
        "version_information_endpoint.asciidoc": {
            "Version", "Endpoint", "InterfaceRole", "ModuleID", "VersionNumber",
        },
        "sdk names": {"VersionDetails", "Response"},
    },
    "2.3.0": {
        "credentials.asciidoc": {"Credentials", "CredentialsRole"},
        "mod_cdrs.asciidoc": {
            "CDR", "AuthMethod", "CdrDimension", "CdrDimensionType", "CdrLocation", "CdrToken",
            "ChargingPeriod", "SignedData", "SignedValue",
        },
        "mod_charging_profiles.asciidoc": {
            "ChargingProfileResponse", "ActiveChargingProfileResult", "ChargingProfileResult",
            "ClearProfileResult", "SetChargingProfile", "ActiveChargingProfile",
            "ChargingRateUnit", "ChargingProfile", "ChargingProfilePeriod",
            "ChargingProfileResponseType", "ChargingProfileResultType",
        },
        "mod_commands.asciidoc": {
            "CancelReservation", "CommandResponse", "CommandResult", "ReserveNow", "StartSession",
            "StopSession", "UnlockConnector", "CommandResponseType", "CommandResultType",
            "CommandType",
        },
        "mod_hub_client_info.asciidoc": {"ClientInfo", "ConnectionStatus"},
        "mod_locations.asciidoc": {
            "Location", "EVSE", "Connector", "Parking", "AdditionalGeoLocation",
            "BusinessDetails", "Capability", "ConnectorCapability", "ConnectorFormat",
            "ConnectorType", "EnergyMix", "EnergySource", "EnergySourceCategory",
            "EnvironmentalImpact", "EnvironmentalImpactCategory", "EVSEParking", "EVSEPosition",
            "ExceptionalPeriod", "Facility", "GeoLocation", "Hours", "Image", "ImageCategory",
            "ParkingDirection", "ParkingRestriction", "ParkingType", "PowerType",
            "PublishTokenType", "RegularHours", "Status", "StatusSchedule", "VehicleType",
        },
        # "_Financial Advice Confirmation_ Object": the SDK's name drops the spaces
        "mod_payments.asciidoc": {
            "Terminal", "FinancialAdviceConfirmation", "InvoiceCreator", "CaptureStatusCode",
        },
        "mod_sessions.asciidoc": {
            "Session", "ChargingPreferences", "ChargingPreferencesResponse", "ProfileType",
            "SessionStatus",
        },
        "mod_tariffs.asciidoc": {
            "Tariff", "DayOfWeek", "PriceComponent", "PriceLimit", "ReservationRestrictionType",
            "TariffElement", "TariffDimensionType", "TariffRestrictions", "TariffType",
            "TaxIncluded",
        },
        "mod_tokens.asciidoc": {
            "AuthorizationInfo", "Token", "AllowedType", "EnergyContract", "LocationReferences",
            "TokenType", "WhitelistType",
        },
        "types.asciidoc": {
            "OpenEnum", "CiString", "DateTime", "DisplayText", "Number", "Price", "TaxAmount",
            "Role", "String", "URL",
        },
        "version_information_endpoint.asciidoc": {
            "Version", "Endpoint", "InterfaceRole", "ModuleID", "VersionNumber",
        },
        "sdk names": {"VersionDetails", "Response", "TerminalActivation"},
    },
}  # fmt: skip

# The enums each version's chapters mark _OpenEnum_ (2.3.0 on); every other enum is closed.
OPEN_ENUMS = {
    "2.1.1": set(),
    "2.2.1": set(),
    "2.3.0": {
        "Capability", "CommandType", "ConnectorCapability", "ConnectorType",
        "EnvironmentalImpactCategory", "Facility", "ImageCategory", "ModuleID",
        "ParkingRestriction", "ParkingType", "TokenType", "VehicleType", "VersionNumber",
    },
}  # fmt: skip


@pytest.mark.parametrize("version", sorted(OPEN_ENUMS))
def test_open_enums_are_the_ones_the_spec_marks(version: str) -> None:
    marked = {n for n in schemas.names(version) if schemas.get(version, n).get("x-open-enum")}
    assert marked == OPEN_ENUMS[version]


@pytest.mark.parametrize("version", sorted(SPEC_NAMES))
def test_names_match_the_spec_chapters(version: str) -> None:
    expected = set().union(*SPEC_NAMES[version].values())
    actual = set(schemas.names(version))
    assert actual - expected == set(), "defined but not in the spec's chapters"
    assert expected - actual == set(), "in the spec's chapters but not defined"


def test_every_version_has_its_coverage_list() -> None:
    assert set(schemas.versions()) == set(SPEC_NAMES) == set(OPEN_ENUMS)
