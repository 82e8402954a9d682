"""OCPI 2.2.1 version information.

Objects of the version information and version details endpoints of OCPI 2.2.1.

Spec chapter: ``version_information_endpoint.asciidoc``.
Generated from ``schemas/2.2.1/versions.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ocpi_sdk.model_support import OcpiEnum, too_few, too_long

if TYPE_CHECKING:
    pass


__all__ = ["Endpoint", "InterfaceRole", "ModuleID", "Version", "VersionDetails", "VersionNumber"]


class InterfaceRole(OcpiEnum):
    """Which side of a module an endpoint implements."""

    SENDER = "SENDER"
    """Sender interface: implemented by the owner of the data, from which the receiver pulls."""

    RECEIVER = "RECEIVER"
    """Receiver interface: implemented by the receiver of the data, to which the owner pushes."""


class ModuleID(OcpiEnum):
    """Identifier of a module in the version details. The spec lets parties that agree on it add
    custom module IDs (advised with a country code + party ID prefix, e.g. nltnm-tokens);
    those are not listed here."""

    CDRS = "cdrs"
    """CDRs module."""

    CHARGINGPROFILES = "chargingprofiles"
    """Charging Profiles module."""

    COMMANDS = "commands"
    """Commands module."""

    CREDENTIALS = "credentials"
    """Credentials & Registration module; required for all implementations, the endpoint role has
    no function for it."""

    HUBCLIENTINFO = "hubclientinfo"
    """Hub Client Info module."""

    LOCATIONS = "locations"
    """Locations module."""

    SESSIONS = "sessions"
    """Sessions module."""

    TARIFFS = "tariffs"
    """Tariffs module."""

    TOKENS = "tokens"
    """Tokens module."""


class VersionNumber(OcpiEnum):
    """The OCPI versions known to this version of the spec."""

    V2_0 = "2.0"
    """OCPI 2.0."""

    V2_1 = "2.1"
    """OCPI 2.1 (deprecated, use 2.1.1)."""

    V2_1_1 = "2.1.1"
    """OCPI 2.1.1."""

    V2_2 = "2.2"
    """OCPI 2.2 (deprecated, use 2.2.1)."""

    V2_2_1 = "2.2.1"
    """OCPI 2.2.1 (this version)."""


@attrs.define(kw_only=True)
class Version:
    """One OCPI version a party supports, with the URL of its version details."""

    version: VersionNumber
    """The version number."""

    url: str = attrs.field(metadata={"max_length": 255})
    """URL of the version details endpoint of this version."""

    def __attrs_post_init__(self) -> None:
        if len(self.url) > 255:
            raise too_long("url", self.url, 255)


@attrs.define(kw_only=True)
class VersionDetails:
    """The data of the version details endpoint: the endpoints a party supports for one OCPI
    version (the spec gives this object no class name)."""

    version: VersionNumber
    """The version number."""

    endpoints: list[Endpoint] = attrs.field(metadata={"min_items": 1})
    """The endpoints supported for this version."""

    def __attrs_post_init__(self) -> None:
        if len(self.endpoints) < 1:
            raise too_few("endpoints", 1)


@attrs.define(kw_only=True)
class Endpoint:
    """One module endpoint a party offers for a version, with the interface role it implements."""

    identifier: ModuleID
    """Module identifier of the endpoint."""

    role: InterfaceRole
    """Interface role this endpoint implements (without meaning for the credentials module)."""

    url: str = attrs.field(metadata={"max_length": 255})
    """URL of the endpoint."""

    def __attrs_post_init__(self) -> None:
        if len(self.url) > 255:
            raise too_long("url", self.url, 255)
