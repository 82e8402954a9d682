"""The answering side of every OCPI 2.2.1 interface: handler classes and routes.

Subclass a handler (``LocationsReceiverHandler`` is what an eMSP implements to receive a
CPO's Locations), override the operations you serve and mount it on an
:class:`ocpi_sdk.server.OcpiServer`. An operation left alone answers HTTP 501.
``ROUTES`` is what the server core matches requests against; ``HANDLERS`` maps
``(module, role)`` to the handler class.

Generated from ``schemas/2.2.1/interfaces.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar

from ocpi_sdk.server.routes import (
    InterfaceHandler,
    ListPage,
    QueryParam,
    RequestContext,
    Route,
    not_implemented,
)
from ocpi_sdk.v2_2_1.cdrs import CDR
from ocpi_sdk.v2_2_1.chargingprofiles import (
    ActiveChargingProfile,
    ActiveChargingProfileResult,
    ChargingProfileResponse,
    ChargingProfileResult,
    ClearProfileResult,
    SetChargingProfile,
)
from ocpi_sdk.v2_2_1.commands import (
    CancelReservation,
    CommandResponse,
    CommandResult,
    ReserveNow,
    StartSession,
    StopSession,
    UnlockConnector,
)
from ocpi_sdk.v2_2_1.hubclientinfo import ClientInfo
from ocpi_sdk.v2_2_1.locations import EVSE, Connector, Location
from ocpi_sdk.v2_2_1.sessions import ChargingPreferences, ChargingPreferencesResponse, Session
from ocpi_sdk.v2_2_1.tariffs import Tariff
from ocpi_sdk.v2_2_1.tokens import AuthorizationInfo, LocationReferences, Token, TokenType

__all__ = [
    "HANDLERS",
    "ROUTES",
    "CdrsReceiverHandler",
    "CdrsSenderHandler",
    "ChargingProfilesReceiverHandler",
    "ChargingProfilesSenderHandler",
    "CommandsReceiverHandler",
    "CommandsSenderHandler",
    "HubClientInfoReceiverHandler",
    "HubClientInfoSenderHandler",
    "LocationsReceiverHandler",
    "LocationsSenderHandler",
    "SessionsReceiverHandler",
    "SessionsSenderHandler",
    "TariffsReceiverHandler",
    "TariffsSenderHandler",
    "TokensReceiverHandler",
    "TokensSenderHandler",
]

VERSION = "2.2.1"

_LOCATIONS_SENDER: tuple[Route, ...] = (
    Route(
        module="locations",
        role="SENDER",
        name="list",
        handler="list_locations",
        method="GET",
        path="",
        path_params=(),
        query=(
            QueryParam("date_from", datetime, False, None),
            QueryParam("date_to", datetime, False, None),
            QueryParam("offset", int, False, 0),
            QueryParam("limit", int, False, 1),
        ),
        paginated=True,
        body=None,
        body_partial=False,
        body_required=True,
        response=Location,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
    Route(
        module="locations",
        role="SENDER",
        name="get",
        handler="get_location",
        method="GET",
        path="{location_id}",
        path_params=("location_id",),
        query=(),
        paginated=False,
        body=None,
        body_partial=False,
        body_required=True,
        response=Location,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
    Route(
        module="locations",
        role="SENDER",
        name="get_evse",
        handler="get_evse",
        method="GET",
        path="{location_id}/{evse_uid}",
        path_params=("location_id", "evse_uid"),
        query=(),
        paginated=False,
        body=None,
        body_partial=False,
        body_required=True,
        response=EVSE,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
    Route(
        module="locations",
        role="SENDER",
        name="get_connector",
        handler="get_connector",
        method="GET",
        path="{location_id}/{evse_uid}/{connector_id}",
        path_params=("location_id", "evse_uid", "connector_id"),
        query=(),
        paginated=False,
        body=None,
        body_partial=False,
        body_required=True,
        response=Connector,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
)

_LOCATIONS_RECEIVER: tuple[Route, ...] = (
    Route(
        module="locations",
        role="RECEIVER",
        name="get",
        handler="get_location",
        method="GET",
        path="{country_code}/{party_id}/{location_id}",
        path_params=("country_code", "party_id", "location_id"),
        query=(),
        paginated=False,
        body=None,
        body_partial=False,
        body_required=True,
        response=Location,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=True,
        requires_last_updated=False,
    ),
    Route(
        module="locations",
        role="RECEIVER",
        name="get_evse",
        handler="get_evse",
        method="GET",
        path="{country_code}/{party_id}/{location_id}/{evse_uid}",
        path_params=("country_code", "party_id", "location_id", "evse_uid"),
        query=(),
        paginated=False,
        body=None,
        body_partial=False,
        body_required=True,
        response=EVSE,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=True,
        requires_last_updated=False,
    ),
    Route(
        module="locations",
        role="RECEIVER",
        name="get_connector",
        handler="get_connector",
        method="GET",
        path="{country_code}/{party_id}/{location_id}/{evse_uid}/{connector_id}",
        path_params=("country_code", "party_id", "location_id", "evse_uid", "connector_id"),
        query=(),
        paginated=False,
        body=None,
        body_partial=False,
        body_required=True,
        response=Connector,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=True,
        requires_last_updated=False,
    ),
    Route(
        module="locations",
        role="RECEIVER",
        name="put",
        handler="put_location",
        method="PUT",
        path="{country_code}/{party_id}/{location_id}",
        path_params=("country_code", "party_id", "location_id"),
        query=(),
        paginated=False,
        body=Location,
        body_partial=False,
        body_required=True,
        response=None,
        routed=True,
        target="endpoint",
        id_fields=(
            ("location_id", "id"),
            ("country_code", "country_code"),
            ("party_id", "party_id"),
        ),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=True,
        requires_last_updated=False,
    ),
    Route(
        module="locations",
        role="RECEIVER",
        name="put_evse",
        handler="put_evse",
        method="PUT",
        path="{country_code}/{party_id}/{location_id}/{evse_uid}",
        path_params=("country_code", "party_id", "location_id", "evse_uid"),
        query=(),
        paginated=False,
        body=EVSE,
        body_partial=False,
        body_required=True,
        response=None,
        routed=True,
        target="endpoint",
        id_fields=(("evse_uid", "uid"),),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=True,
        requires_last_updated=False,
    ),
    Route(
        module="locations",
        role="RECEIVER",
        name="put_connector",
        handler="put_connector",
        method="PUT",
        path="{country_code}/{party_id}/{location_id}/{evse_uid}/{connector_id}",
        path_params=("country_code", "party_id", "location_id", "evse_uid", "connector_id"),
        query=(),
        paginated=False,
        body=Connector,
        body_partial=False,
        body_required=True,
        response=None,
        routed=True,
        target="endpoint",
        id_fields=(("connector_id", "id"),),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=True,
        requires_last_updated=False,
    ),
    Route(
        module="locations",
        role="RECEIVER",
        name="patch",
        handler="patch_location",
        method="PATCH",
        path="{country_code}/{party_id}/{location_id}",
        path_params=("country_code", "party_id", "location_id"),
        query=(),
        paginated=False,
        body=Location,
        body_partial=True,
        body_required=True,
        response=None,
        routed=True,
        target="endpoint",
        id_fields=(
            ("location_id", "id"),
            ("country_code", "country_code"),
            ("party_id", "party_id"),
        ),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=True,
        requires_last_updated=True,
    ),
    Route(
        module="locations",
        role="RECEIVER",
        name="patch_evse",
        handler="patch_evse",
        method="PATCH",
        path="{country_code}/{party_id}/{location_id}/{evse_uid}",
        path_params=("country_code", "party_id", "location_id", "evse_uid"),
        query=(),
        paginated=False,
        body=EVSE,
        body_partial=True,
        body_required=True,
        response=None,
        routed=True,
        target="endpoint",
        id_fields=(("evse_uid", "uid"),),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=True,
        requires_last_updated=True,
    ),
    Route(
        module="locations",
        role="RECEIVER",
        name="patch_connector",
        handler="patch_connector",
        method="PATCH",
        path="{country_code}/{party_id}/{location_id}/{evse_uid}/{connector_id}",
        path_params=("country_code", "party_id", "location_id", "evse_uid", "connector_id"),
        query=(),
        paginated=False,
        body=Connector,
        body_partial=True,
        body_required=True,
        response=None,
        routed=True,
        target="endpoint",
        id_fields=(("connector_id", "id"),),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=True,
        requires_last_updated=True,
    ),
)

_SESSIONS_SENDER: tuple[Route, ...] = (
    Route(
        module="sessions",
        role="SENDER",
        name="list",
        handler="list_sessions",
        method="GET",
        path="",
        path_params=(),
        query=(
            QueryParam("date_from", datetime, True, None),
            QueryParam("date_to", datetime, False, None),
            QueryParam("offset", int, False, 0),
            QueryParam("limit", int, False, 1),
        ),
        paginated=True,
        body=None,
        body_partial=False,
        body_required=True,
        response=Session,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
    Route(
        module="sessions",
        role="SENDER",
        name="set_charging_preferences",
        handler="set_charging_preferences",
        method="PUT",
        path="{session_id}/charging_preferences",
        path_params=("session_id",),
        query=(),
        paginated=False,
        body=ChargingPreferences,
        body_partial=False,
        body_required=True,
        response=ChargingPreferencesResponse,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
)

_SESSIONS_RECEIVER: tuple[Route, ...] = (
    Route(
        module="sessions",
        role="RECEIVER",
        name="get",
        handler="get_session",
        method="GET",
        path="{country_code}/{party_id}/{session_id}",
        path_params=("country_code", "party_id", "session_id"),
        query=(),
        paginated=False,
        body=None,
        body_partial=False,
        body_required=True,
        response=Session,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=True,
        requires_last_updated=False,
    ),
    Route(
        module="sessions",
        role="RECEIVER",
        name="put",
        handler="put_session",
        method="PUT",
        path="{country_code}/{party_id}/{session_id}",
        path_params=("country_code", "party_id", "session_id"),
        query=(),
        paginated=False,
        body=Session,
        body_partial=False,
        body_required=True,
        response=None,
        routed=True,
        target="endpoint",
        id_fields=(
            ("session_id", "id"),
            ("country_code", "country_code"),
            ("party_id", "party_id"),
        ),
        query_fields=(),
        owned_fields=(),
        addressed_fields=("cdr_token",),
        owner_checked=True,
        requires_last_updated=False,
    ),
    Route(
        module="sessions",
        role="RECEIVER",
        name="patch",
        handler="patch_session",
        method="PATCH",
        path="{country_code}/{party_id}/{session_id}",
        path_params=("country_code", "party_id", "session_id"),
        query=(),
        paginated=False,
        body=Session,
        body_partial=True,
        body_required=True,
        response=None,
        routed=True,
        target="endpoint",
        id_fields=(
            ("session_id", "id"),
            ("country_code", "country_code"),
            ("party_id", "party_id"),
        ),
        query_fields=(),
        owned_fields=(),
        addressed_fields=("cdr_token",),
        owner_checked=True,
        requires_last_updated=True,
    ),
)

_CDRS_SENDER: tuple[Route, ...] = (
    Route(
        module="cdrs",
        role="SENDER",
        name="list",
        handler="list_cdrs",
        method="GET",
        path="",
        path_params=(),
        query=(
            QueryParam("date_from", datetime, False, None),
            QueryParam("date_to", datetime, False, None),
            QueryParam("offset", int, False, 0),
            QueryParam("limit", int, False, 1),
        ),
        paginated=True,
        body=None,
        body_partial=False,
        body_required=True,
        response=CDR,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
)

_CDRS_RECEIVER: tuple[Route, ...] = (
    Route(
        module="cdrs",
        role="RECEIVER",
        name="get",
        handler="get_cdr",
        method="GET",
        path="get/{key}",
        path_params=("key",),
        query=(),
        paginated=False,
        body=None,
        body_partial=False,
        body_required=True,
        response=CDR,
        routed=True,
        target="cdr_url",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
    Route(
        module="cdrs",
        role="RECEIVER",
        name="post",
        handler="post_cdr",
        method="POST",
        path="",
        path_params=(),
        query=(),
        paginated=False,
        body=CDR,
        body_partial=False,
        body_required=True,
        response=None,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=("cdr_token",),
        owner_checked=False,
        requires_last_updated=False,
    ),
)

_TARIFFS_SENDER: tuple[Route, ...] = (
    Route(
        module="tariffs",
        role="SENDER",
        name="list",
        handler="list_tariffs",
        method="GET",
        path="",
        path_params=(),
        query=(
            QueryParam("date_from", datetime, False, None),
            QueryParam("date_to", datetime, False, None),
            QueryParam("offset", int, False, 0),
            QueryParam("limit", int, False, 1),
        ),
        paginated=True,
        body=None,
        body_partial=False,
        body_required=True,
        response=Tariff,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
)

_TARIFFS_RECEIVER: tuple[Route, ...] = (
    Route(
        module="tariffs",
        role="RECEIVER",
        name="get",
        handler="get_tariff",
        method="GET",
        path="{country_code}/{party_id}/{tariff_id}",
        path_params=("country_code", "party_id", "tariff_id"),
        query=(),
        paginated=False,
        body=None,
        body_partial=False,
        body_required=True,
        response=Tariff,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=True,
        requires_last_updated=False,
    ),
    Route(
        module="tariffs",
        role="RECEIVER",
        name="put",
        handler="put_tariff",
        method="PUT",
        path="{country_code}/{party_id}/{tariff_id}",
        path_params=("country_code", "party_id", "tariff_id"),
        query=(),
        paginated=False,
        body=Tariff,
        body_partial=False,
        body_required=True,
        response=None,
        routed=True,
        target="endpoint",
        id_fields=(
            ("tariff_id", "id"),
            ("country_code", "country_code"),
            ("party_id", "party_id"),
        ),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=True,
        requires_last_updated=False,
    ),
    Route(
        module="tariffs",
        role="RECEIVER",
        name="delete",
        handler="delete_tariff",
        method="DELETE",
        path="{country_code}/{party_id}/{tariff_id}",
        path_params=("country_code", "party_id", "tariff_id"),
        query=(),
        paginated=False,
        body=None,
        body_partial=False,
        body_required=True,
        response=None,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=True,
        requires_last_updated=False,
    ),
)

_TOKENS_RECEIVER: tuple[Route, ...] = (
    Route(
        module="tokens",
        role="RECEIVER",
        name="get",
        handler="get_token",
        method="GET",
        path="{country_code}/{party_id}/{token_uid}",
        path_params=("country_code", "party_id", "token_uid"),
        query=(QueryParam("type", TokenType, False, None),),
        paginated=False,
        body=None,
        body_partial=False,
        body_required=True,
        response=Token,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=True,
        requires_last_updated=False,
    ),
    Route(
        module="tokens",
        role="RECEIVER",
        name="put",
        handler="put_token",
        method="PUT",
        path="{country_code}/{party_id}/{token_uid}",
        path_params=("country_code", "party_id", "token_uid"),
        query=(QueryParam("type", TokenType, False, None),),
        paginated=False,
        body=Token,
        body_partial=False,
        body_required=True,
        response=None,
        routed=True,
        target="endpoint",
        id_fields=(
            ("token_uid", "uid"),
            ("country_code", "country_code"),
            ("party_id", "party_id"),
        ),
        query_fields=(("type", "type"),),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=True,
        requires_last_updated=False,
    ),
    Route(
        module="tokens",
        role="RECEIVER",
        name="patch",
        handler="patch_token",
        method="PATCH",
        path="{country_code}/{party_id}/{token_uid}",
        path_params=("country_code", "party_id", "token_uid"),
        query=(QueryParam("type", TokenType, False, None),),
        paginated=False,
        body=Token,
        body_partial=True,
        body_required=True,
        response=None,
        routed=True,
        target="endpoint",
        id_fields=(
            ("token_uid", "uid"),
            ("country_code", "country_code"),
            ("party_id", "party_id"),
        ),
        query_fields=(("type", "type"),),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=True,
        requires_last_updated=True,
    ),
)

_TOKENS_SENDER: tuple[Route, ...] = (
    Route(
        module="tokens",
        role="SENDER",
        name="list",
        handler="list_tokens",
        method="GET",
        path="",
        path_params=(),
        query=(
            QueryParam("date_from", datetime, False, None),
            QueryParam("date_to", datetime, False, None),
            QueryParam("offset", int, False, 0),
            QueryParam("limit", int, False, 1),
        ),
        paginated=True,
        body=None,
        body_partial=False,
        body_required=True,
        response=Token,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
    Route(
        module="tokens",
        role="SENDER",
        name="authorize",
        handler="authorize",
        method="POST",
        path="{token_uid}/authorize",
        path_params=("token_uid",),
        query=(QueryParam("type", TokenType, False, None),),
        paginated=False,
        body=LocationReferences,
        body_partial=False,
        body_required=False,
        response=AuthorizationInfo,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
)

_COMMANDS_RECEIVER: tuple[Route, ...] = (
    Route(
        module="commands",
        role="RECEIVER",
        name="cancel_reservation",
        handler="cancel_reservation",
        method="POST",
        path="CANCEL_RESERVATION",
        path_params=(),
        query=(),
        paginated=False,
        body=CancelReservation,
        body_partial=False,
        body_required=True,
        response=CommandResponse,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
    Route(
        module="commands",
        role="RECEIVER",
        name="reserve_now",
        handler="reserve_now",
        method="POST",
        path="RESERVE_NOW",
        path_params=(),
        query=(),
        paginated=False,
        body=ReserveNow,
        body_partial=False,
        body_required=True,
        response=CommandResponse,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=("token",),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
    Route(
        module="commands",
        role="RECEIVER",
        name="start_session",
        handler="start_session",
        method="POST",
        path="START_SESSION",
        path_params=(),
        query=(),
        paginated=False,
        body=StartSession,
        body_partial=False,
        body_required=True,
        response=CommandResponse,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=("token",),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
    Route(
        module="commands",
        role="RECEIVER",
        name="stop_session",
        handler="stop_session",
        method="POST",
        path="STOP_SESSION",
        path_params=(),
        query=(),
        paginated=False,
        body=StopSession,
        body_partial=False,
        body_required=True,
        response=CommandResponse,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
    Route(
        module="commands",
        role="RECEIVER",
        name="unlock_connector",
        handler="unlock_connector",
        method="POST",
        path="UNLOCK_CONNECTOR",
        path_params=(),
        query=(),
        paginated=False,
        body=UnlockConnector,
        body_partial=False,
        body_required=True,
        response=CommandResponse,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
)

_COMMANDS_SENDER: tuple[Route, ...] = (
    Route(
        module="commands",
        role="SENDER",
        name="command_result",
        handler="command_result",
        method="POST",
        path="command_result/{key}",
        path_params=("key",),
        query=(),
        paginated=False,
        body=CommandResult,
        body_partial=False,
        body_required=True,
        response=None,
        routed=True,
        target="response_url",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
)

_HUBCLIENTINFO_RECEIVER: tuple[Route, ...] = (
    Route(
        module="hubclientinfo",
        role="RECEIVER",
        name="get",
        handler="get_client_info",
        method="GET",
        path="{country_code}/{party_id}",
        path_params=("country_code", "party_id"),
        query=(),
        paginated=False,
        body=None,
        body_partial=False,
        body_required=True,
        response=ClientInfo,
        routed=False,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
    Route(
        module="hubclientinfo",
        role="RECEIVER",
        name="put",
        handler="put_client_info",
        method="PUT",
        path="{country_code}/{party_id}",
        path_params=("country_code", "party_id"),
        query=(),
        paginated=False,
        body=ClientInfo,
        body_partial=False,
        body_required=True,
        response=None,
        routed=False,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
)

_HUBCLIENTINFO_SENDER: tuple[Route, ...] = (
    Route(
        module="hubclientinfo",
        role="SENDER",
        name="list",
        handler="list_client_infos",
        method="GET",
        path="",
        path_params=(),
        query=(
            QueryParam("date_from", datetime, False, None),
            QueryParam("date_to", datetime, False, None),
            QueryParam("offset", int, False, 0),
            QueryParam("limit", int, False, 1),
        ),
        paginated=True,
        body=None,
        body_partial=False,
        body_required=True,
        response=ClientInfo,
        routed=False,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
)

_CHARGINGPROFILES_RECEIVER: tuple[Route, ...] = (
    Route(
        module="chargingprofiles",
        role="RECEIVER",
        name="get",
        handler="get_charging_profile",
        method="GET",
        path="{session_id}",
        path_params=("session_id",),
        query=(
            QueryParam("duration", int, True, None),
            QueryParam("response_url", str, True, None),
        ),
        paginated=False,
        body=None,
        body_partial=False,
        body_required=True,
        response=ChargingProfileResponse,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
    Route(
        module="chargingprofiles",
        role="RECEIVER",
        name="put",
        handler="put_charging_profile",
        method="PUT",
        path="{session_id}",
        path_params=("session_id",),
        query=(),
        paginated=False,
        body=SetChargingProfile,
        body_partial=False,
        body_required=True,
        response=ChargingProfileResponse,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
    Route(
        module="chargingprofiles",
        role="RECEIVER",
        name="delete",
        handler="delete_charging_profile",
        method="DELETE",
        path="{session_id}",
        path_params=("session_id",),
        query=(QueryParam("response_url", str, True, None),),
        paginated=False,
        body=None,
        body_partial=False,
        body_required=True,
        response=ChargingProfileResponse,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
)

_CHARGINGPROFILES_SENDER: tuple[Route, ...] = (
    Route(
        module="chargingprofiles",
        role="SENDER",
        name="active_charging_profile_result",
        handler="active_charging_profile_result",
        method="POST",
        path="active_charging_profile_result/{key}",
        path_params=("key",),
        query=(),
        paginated=False,
        body=ActiveChargingProfileResult,
        body_partial=False,
        body_required=True,
        response=None,
        routed=True,
        target="response_url",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
    Route(
        module="chargingprofiles",
        role="SENDER",
        name="charging_profile_result",
        handler="charging_profile_result",
        method="POST",
        path="charging_profile_result/{key}",
        path_params=("key",),
        query=(),
        paginated=False,
        body=ChargingProfileResult,
        body_partial=False,
        body_required=True,
        response=None,
        routed=True,
        target="response_url",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
    Route(
        module="chargingprofiles",
        role="SENDER",
        name="clear_profile_result",
        handler="clear_profile_result",
        method="POST",
        path="clear_profile_result/{key}",
        path_params=("key",),
        query=(),
        paginated=False,
        body=ClearProfileResult,
        body_partial=False,
        body_required=True,
        response=None,
        routed=True,
        target="response_url",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
    Route(
        module="chargingprofiles",
        role="SENDER",
        name="put",
        handler="put_charging_profile",
        method="PUT",
        path="{session_id}",
        path_params=("session_id",),
        query=(),
        paginated=False,
        body=ActiveChargingProfile,
        body_partial=False,
        body_required=True,
        response=None,
        routed=True,
        target="endpoint",
        id_fields=(),
        query_fields=(),
        owned_fields=(),
        addressed_fields=(),
        owner_checked=False,
        requires_last_updated=False,
    ),
)


class LocationsSenderHandler(InterfaceHandler):
    """Answers the Locations sender interface (OCPI 2.2.1, "Sender Interface").

    Implemented by: CPO. Override the operations you serve; the server has already
    authenticated the caller, validated the body and checked that the URL's ids match it and
    name the caller's own objects.
    """

    version: ClassVar[str] = VERSION
    module: ClassVar[str] = "locations"
    role: ClassVar[str | None] = "SENDER"
    routes: ClassVar[tuple[Route, ...]] = _LOCATIONS_SENDER

    async def list_locations(
        self,
        ctx: RequestContext,
        *,
        date_from: datetime | None,
        date_to: datetime | None,
        offset: int,
        limit: int,
    ) -> ListPage[Location]:
        """Fetch Locations last updated between date_from (inclusive) and date_to (exclusive)."""
        raise not_implemented(ctx)

    async def get_location(self, ctx: RequestContext, location_id: str) -> Location | None:
        """Retrieve one Location from the Sender."""
        raise not_implemented(ctx)

    async def get_evse(self, ctx: RequestContext, location_id: str, evse_uid: str) -> EVSE | None:
        """Retrieve one EVSE of a Location from the Sender."""
        raise not_implemented(ctx)

    async def get_connector(
        self, ctx: RequestContext, location_id: str, evse_uid: str, connector_id: str
    ) -> Connector | None:
        """Retrieve one Connector of an EVSE from the Sender."""
        raise not_implemented(ctx)


class LocationsReceiverHandler(InterfaceHandler):
    """Answers the Locations receiver interface (OCPI 2.2.1, "Receiver Interface").

    Implemented by: EMSP, NSP. Override the operations you serve; the server has already
    authenticated the caller, validated the body and checked that the URL's ids match it and
    name the caller's own objects.
    """

    version: ClassVar[str] = VERSION
    module: ClassVar[str] = "locations"
    role: ClassVar[str | None] = "RECEIVER"
    routes: ClassVar[tuple[Route, ...]] = _LOCATIONS_RECEIVER

    async def get_location(
        self, ctx: RequestContext, country_code: str, party_id: str, location_id: str
    ) -> Location | None:
        """Retrieve a Location as stored in the Receiver's system."""
        raise not_implemented(ctx)

    async def get_evse(
        self, ctx: RequestContext, country_code: str, party_id: str, location_id: str, evse_uid: str
    ) -> EVSE | None:
        """Retrieve an EVSE as stored in the Receiver's system."""
        raise not_implemented(ctx)

    async def get_connector(
        self,
        ctx: RequestContext,
        country_code: str,
        party_id: str,
        location_id: str,
        evse_uid: str,
        connector_id: str,
    ) -> Connector | None:
        """Retrieve a Connector as stored in the Receiver's system."""
        raise not_implemented(ctx)

    async def put_location(
        self,
        ctx: RequestContext,
        country_code: str,
        party_id: str,
        location_id: str,
        location: Location,
    ) -> None:
        """Push a new or replacing Location to the Receiver."""
        raise not_implemented(ctx)

    async def put_evse(
        self,
        ctx: RequestContext,
        country_code: str,
        party_id: str,
        location_id: str,
        evse_uid: str,
        evse: EVSE,
    ) -> None:
        """Push a new or replacing EVSE of a Location to the Receiver."""
        raise not_implemented(ctx)

    async def put_connector(
        self,
        ctx: RequestContext,
        country_code: str,
        party_id: str,
        location_id: str,
        evse_uid: str,
        connector_id: str,
        connector: Connector,
    ) -> None:
        """Push a new or replacing Connector of an EVSE to the Receiver."""
        raise not_implemented(ctx)

    async def patch_location(
        self,
        ctx: RequestContext,
        country_code: str,
        party_id: str,
        location_id: str,
        changes: Mapping[str, Any],
    ) -> None:
        """Send the changed fields of a Location to the Receiver."""
        raise not_implemented(ctx)

    async def patch_evse(
        self,
        ctx: RequestContext,
        country_code: str,
        party_id: str,
        location_id: str,
        evse_uid: str,
        changes: Mapping[str, Any],
    ) -> None:
        """Send the changed fields of an EVSE (e.g. its status) to the Receiver."""
        raise not_implemented(ctx)

    async def patch_connector(
        self,
        ctx: RequestContext,
        country_code: str,
        party_id: str,
        location_id: str,
        evse_uid: str,
        connector_id: str,
        changes: Mapping[str, Any],
    ) -> None:
        """Send the changed fields of a Connector to the Receiver."""
        raise not_implemented(ctx)


class SessionsSenderHandler(InterfaceHandler):
    """Answers the Sessions sender interface (OCPI 2.2.1, "Sender Interface").

    Implemented by: CPO. Override the operations you serve; the server has already
    authenticated the caller, validated the body and checked that the URL's ids match it and
    name the caller's own objects.
    """

    version: ClassVar[str] = VERSION
    module: ClassVar[str] = "sessions"
    role: ClassVar[str | None] = "SENDER"
    routes: ClassVar[tuple[Route, ...]] = _SESSIONS_SENDER

    async def list_sessions(
        self,
        ctx: RequestContext,
        *,
        date_from: datetime,
        date_to: datetime | None,
        offset: int,
        limit: int,
    ) -> ListPage[Session]:
        """Fetch Sessions last updated between date_from and date_to."""
        raise not_implemented(ctx)

    async def set_charging_preferences(
        self, ctx: RequestContext, session_id: str, charging_preferences: ChargingPreferences
    ) -> ChargingPreferencesResponse:
        """Set or update the driver's Charging Preferences for an ongoing Session."""
        raise not_implemented(ctx)


class SessionsReceiverHandler(InterfaceHandler):
    """Answers the Sessions receiver interface (OCPI 2.2.1, "Receiver Interface").

    Implemented by: EMSP, SCSP. Override the operations you serve; the server has already
    authenticated the caller, validated the body and checked that the URL's ids match it and
    name the caller's own objects.
    """

    version: ClassVar[str] = VERSION
    module: ClassVar[str] = "sessions"
    role: ClassVar[str | None] = "RECEIVER"
    routes: ClassVar[tuple[Route, ...]] = _SESSIONS_RECEIVER

    async def get_session(
        self, ctx: RequestContext, country_code: str, party_id: str, session_id: str
    ) -> Session | None:
        """Retrieve a Session from the receiver by its id, e.g. to check its state."""
        raise not_implemented(ctx)

    async def put_session(
        self,
        ctx: RequestContext,
        country_code: str,
        party_id: str,
        session_id: str,
        session: Session,
    ) -> None:
        """Push a new or updated Session to the receiver."""
        raise not_implemented(ctx)

    async def patch_session(
        self,
        ctx: RequestContext,
        country_code: str,
        party_id: str,
        session_id: str,
        changes: Mapping[str, Any],
    ) -> None:
        """Update some fields of a Session in the receiver's system."""
        raise not_implemented(ctx)


class CdrsSenderHandler(InterfaceHandler):
    """Answers the Cdrs sender interface (OCPI 2.2.1, "Sender Interface").

    Implemented by: CPO. Override the operations you serve; the server has already
    authenticated the caller, validated the body and checked that the URL's ids match it and
    name the caller's own objects.
    """

    version: ClassVar[str] = VERSION
    module: ClassVar[str] = "cdrs"
    role: ClassVar[str | None] = "SENDER"
    routes: ClassVar[tuple[Route, ...]] = _CDRS_SENDER

    async def list_cdrs(
        self,
        ctx: RequestContext,
        *,
        date_from: datetime | None,
        date_to: datetime | None,
        offset: int,
        limit: int,
    ) -> ListPage[CDR]:
        """Fetch CDRs last updated (i.e. created) between date_from and date_to."""
        raise not_implemented(ctx)


class CdrsReceiverHandler(InterfaceHandler):
    """Answers the Cdrs receiver interface (OCPI 2.2.1, "Receiver Interface").

    Implemented by: EMSP. Override the operations you serve; the server has already
    authenticated the caller, validated the body and checked that the URL's ids match it and
    name the caller's own objects.
    """

    version: ClassVar[str] = VERSION
    module: ClassVar[str] = "cdrs"
    role: ClassVar[str | None] = "RECEIVER"
    routes: ClassVar[tuple[Route, ...]] = _CDRS_RECEIVER

    async def get_cdr(self, ctx: RequestContext, key: str) -> CDR | None:
        """Retrieve a CDR at the URL the receiver returned in the Location header of its response
        to the POST."""
        raise not_implemented(ctx)

    async def post_cdr(self, ctx: RequestContext, cdr: CDR) -> None:
        """Send a new, final CDR; the response's Location header gives the URL of the created
        CDR."""
        raise not_implemented(ctx)


class TariffsSenderHandler(InterfaceHandler):
    """Answers the Tariffs sender interface (OCPI 2.2.1, "Sender Interface").

    Implemented by: CPO. Override the operations you serve; the server has already
    authenticated the caller, validated the body and checked that the URL's ids match it and
    name the caller's own objects.
    """

    version: ClassVar[str] = VERSION
    module: ClassVar[str] = "tariffs"
    role: ClassVar[str | None] = "SENDER"
    routes: ClassVar[tuple[Route, ...]] = _TARIFFS_SENDER

    async def list_tariffs(
        self,
        ctx: RequestContext,
        *,
        date_from: datetime | None,
        date_to: datetime | None,
        offset: int,
        limit: int,
    ) -> ListPage[Tariff]:
        """Fetch Tariffs last updated between date_from and date_to."""
        raise not_implemented(ctx)


class TariffsReceiverHandler(InterfaceHandler):
    """Answers the Tariffs receiver interface (OCPI 2.2.1, "Receiver Interface").

    Implemented by: EMSP, NSP. Override the operations you serve; the server has already
    authenticated the caller, validated the body and checked that the URL's ids match it and
    name the caller's own objects.
    """

    version: ClassVar[str] = VERSION
    module: ClassVar[str] = "tariffs"
    role: ClassVar[str | None] = "RECEIVER"
    routes: ClassVar[tuple[Route, ...]] = _TARIFFS_RECEIVER

    async def get_tariff(
        self, ctx: RequestContext, country_code: str, party_id: str, tariff_id: str
    ) -> Tariff | None:
        """Retrieve a Tariff as stored in the eMSP's system."""
        raise not_implemented(ctx)

    async def put_tariff(
        self, ctx: RequestContext, country_code: str, party_id: str, tariff_id: str, tariff: Tariff
    ) -> None:
        """Push a new or updated Tariff to the eMSP."""
        raise not_implemented(ctx)

    async def delete_tariff(
        self, ctx: RequestContext, country_code: str, party_id: str, tariff_id: str
    ) -> None:
        """Remove a Tariff that is no longer used."""
        raise not_implemented(ctx)


class TokensReceiverHandler(InterfaceHandler):
    """Answers the Tokens receiver interface (OCPI 2.2.1, "Receiver Interface").

    Implemented by: CPO. Override the operations you serve; the server has already
    authenticated the caller, validated the body and checked that the URL's ids match it and
    name the caller's own objects.
    """

    version: ClassVar[str] = VERSION
    module: ClassVar[str] = "tokens"
    role: ClassVar[str | None] = "RECEIVER"
    routes: ClassVar[tuple[Route, ...]] = _TOKENS_RECEIVER

    async def get_token(
        self,
        ctx: RequestContext,
        country_code: str,
        party_id: str,
        token_uid: str,
        *,
        type: TokenType | None,
    ) -> Token | None:
        """Retrieve a Token as stored in the CPO system."""
        raise not_implemented(ctx)

    async def put_token(
        self,
        ctx: RequestContext,
        country_code: str,
        party_id: str,
        token_uid: str,
        token: Token,
        *,
        type: TokenType | None,
    ) -> None:
        """Push a new or updated Token to the CPO."""
        raise not_implemented(ctx)

    async def patch_token(
        self,
        ctx: RequestContext,
        country_code: str,
        party_id: str,
        token_uid: str,
        changes: Mapping[str, Any],
        *,
        type: TokenType | None,
    ) -> None:
        """Send partial updates of a Token to the CPO."""
        raise not_implemented(ctx)


class TokensSenderHandler(InterfaceHandler):
    """Answers the Tokens sender interface (OCPI 2.2.1, "Sender Interface").

    Implemented by: EMSP. Override the operations you serve; the server has already
    authenticated the caller, validated the body and checked that the URL's ids match it and
    name the caller's own objects.
    """

    version: ClassVar[str] = VERSION
    module: ClassVar[str] = "tokens"
    role: ClassVar[str | None] = "SENDER"
    routes: ClassVar[tuple[Route, ...]] = _TOKENS_SENDER

    async def list_tokens(
        self,
        ctx: RequestContext,
        *,
        date_from: datetime | None,
        date_to: datetime | None,
        offset: int,
        limit: int,
    ) -> ListPage[Token]:
        """Fetch Tokens last updated between date_from and date_to."""
        raise not_implemented(ctx)

    async def authorize(
        self,
        ctx: RequestContext,
        token_uid: str,
        location_references: LocationReferences | None,
        *,
        type: TokenType | None,
    ) -> AuthorizationInfo:
        """Real-time authorization of a Token, optionally at a given Location."""
        raise not_implemented(ctx)


class CommandsReceiverHandler(InterfaceHandler):
    """Answers the Commands receiver interface (OCPI 2.2.1, "Receiver Interface").

    Implemented by: CPO. Override the operations you serve; the server has already
    authenticated the caller, validated the body and checked that the URL's ids match it and
    name the caller's own objects.
    """

    version: ClassVar[str] = VERSION
    module: ClassVar[str] = "commands"
    role: ClassVar[str | None] = "RECEIVER"
    routes: ClassVar[tuple[Route, ...]] = _COMMANDS_RECEIVER

    async def cancel_reservation(
        self, ctx: RequestContext, cancel_reservation: CancelReservation
    ) -> CommandResponse:
        """Ask the CPO to send a CANCEL_RESERVATION command (cancel a reservation) to the Charge
        Point."""
        raise not_implemented(ctx)

    async def reserve_now(self, ctx: RequestContext, reserve_now: ReserveNow) -> CommandResponse:
        """Ask the CPO to send a RESERVE_NOW command (reserve an EVSE) to the Charge Point."""
        raise not_implemented(ctx)

    async def start_session(
        self, ctx: RequestContext, start_session: StartSession
    ) -> CommandResponse:
        """Ask the CPO to send a START_SESSION command (start a session) to the Charge Point."""
        raise not_implemented(ctx)

    async def stop_session(self, ctx: RequestContext, stop_session: StopSession) -> CommandResponse:
        """Ask the CPO to send a STOP_SESSION command (stop a session) to the Charge Point."""
        raise not_implemented(ctx)

    async def unlock_connector(
        self, ctx: RequestContext, unlock_connector: UnlockConnector
    ) -> CommandResponse:
        """Ask the CPO to send a UNLOCK_CONNECTOR command (unlock a connector) to the Charge
        Point."""
        raise not_implemented(ctx)


class CommandsSenderHandler(InterfaceHandler):
    """Answers the Commands sender interface (OCPI 2.2.1, "Sender Interface").

    Implemented by: EMSP. Override the operations you serve; the server has already
    authenticated the caller, validated the body and checked that the URL's ids match it and
    name the caller's own objects.
    """

    version: ClassVar[str] = VERSION
    module: ClassVar[str] = "commands"
    role: ClassVar[str | None] = "SENDER"
    routes: ClassVar[tuple[Route, ...]] = _COMMANDS_SENDER

    async def command_result(
        self, ctx: RequestContext, key: str, command_result: CommandResult
    ) -> None:
        """Deliver the asynchronous result from the Charge Point to the response_url given in the
        command."""
        raise not_implemented(ctx)


class HubClientInfoReceiverHandler(InterfaceHandler):
    """Answers the HubClientInfo receiver interface (OCPI 2.2.1, "Receiver Interface").

    Implemented by: CPO, EMSP, NAP, NSP, OTHER, SCSP. Override the operations you serve; the
    server has already authenticated the caller, validated the body and checked that the URL's
    ids match it and name the caller's own objects.
    """

    version: ClassVar[str] = VERSION
    module: ClassVar[str] = "hubclientinfo"
    role: ClassVar[str | None] = "RECEIVER"
    routes: ClassVar[tuple[Route, ...]] = _HUBCLIENTINFO_RECEIVER

    async def get_client_info(
        self, ctx: RequestContext, country_code: str, party_id: str
    ) -> ClientInfo | None:
        """Retrieve one ClientInfo object as stored in the connected party's system."""
        raise not_implemented(ctx)

    async def put_client_info(
        self, ctx: RequestContext, country_code: str, party_id: str, client_info: ClientInfo
    ) -> None:
        """Push a new or updated ClientInfo object to the connected party."""
        raise not_implemented(ctx)


class HubClientInfoSenderHandler(InterfaceHandler):
    """Answers the HubClientInfo sender interface (OCPI 2.2.1, "Sender Interface").

    Implemented by: HUB. Override the operations you serve; the server has already
    authenticated the caller, validated the body and checked that the URL's ids match it and
    name the caller's own objects.
    """

    version: ClassVar[str] = VERSION
    module: ClassVar[str] = "hubclientinfo"
    role: ClassVar[str | None] = "SENDER"
    routes: ClassVar[tuple[Route, ...]] = _HUBCLIENTINFO_SENDER

    async def list_client_infos(
        self,
        ctx: RequestContext,
        *,
        date_from: datetime | None,
        date_to: datetime | None,
        offset: int,
        limit: int,
    ) -> ListPage[ClientInfo]:
        """Fetch the ClientInfo objects last updated between date_from and date_to."""
        raise not_implemented(ctx)


class ChargingProfilesReceiverHandler(InterfaceHandler):
    """Answers the ChargingProfiles receiver interface (OCPI 2.2.1, "Receiver Interface").

    Implemented by: CPO, EMSP. Override the operations you serve; the server has already
    authenticated the caller, validated the body and checked that the URL's ids match it and
    name the caller's own objects.
    """

    version: ClassVar[str] = VERSION
    module: ClassVar[str] = "chargingprofiles"
    role: ClassVar[str | None] = "RECEIVER"
    routes: ClassVar[tuple[Route, ...]] = _CHARGINGPROFILES_RECEIVER

    async def get_charging_profile(
        self, ctx: RequestContext, session_id: str, *, duration: int, response_url: str
    ) -> ChargingProfileResponse | None:
        """Ask for the ActiveChargingProfile of a session; the result is POSTed later to
        response_url."""
        raise not_implemented(ctx)

    async def put_charging_profile(
        self, ctx: RequestContext, session_id: str, set_charging_profile: SetChargingProfile
    ) -> ChargingProfileResponse:
        """Set or replace the ChargingProfile of a session; the result is POSTed later to
        response_url."""
        raise not_implemented(ctx)

    async def delete_charging_profile(
        self, ctx: RequestContext, session_id: str, *, response_url: str
    ) -> ChargingProfileResponse:
        """Clear the ChargingProfile set on a session; the result is POSTed later to
        response_url."""
        raise not_implemented(ctx)


class ChargingProfilesSenderHandler(InterfaceHandler):
    """Answers the ChargingProfiles sender interface (OCPI 2.2.1, "Sender Interface").

    Implemented by: EMSP, SCSP. Override the operations you serve; the server has already
    authenticated the caller, validated the body and checked that the URL's ids match it and
    name the caller's own objects.
    """

    version: ClassVar[str] = VERSION
    module: ClassVar[str] = "chargingprofiles"
    role: ClassVar[str | None] = "SENDER"
    routes: ClassVar[tuple[Route, ...]] = _CHARGINGPROFILES_SENDER

    async def active_charging_profile_result(
        self,
        ctx: RequestContext,
        key: str,
        active_charging_profile_result: ActiveChargingProfileResult,
    ) -> None:
        """Deliver the Charge Point's answer to a GET ActiveChargingProfile request."""
        raise not_implemented(ctx)

    async def charging_profile_result(
        self, ctx: RequestContext, key: str, charging_profile_result: ChargingProfileResult
    ) -> None:
        """Deliver the Charge Point's answer to a PUT SetChargingProfile request."""
        raise not_implemented(ctx)

    async def clear_profile_result(
        self, ctx: RequestContext, key: str, clear_profile_result: ClearProfileResult
    ) -> None:
        """Deliver the Charge Point's answer to a DELETE ChargingProfile request."""
        raise not_implemented(ctx)

    async def put_charging_profile(
        self, ctx: RequestContext, session_id: str, active_charging_profile: ActiveChargingProfile
    ) -> None:
        """Send an updated ActiveChargingProfile of a session to the Sender."""
        raise not_implemented(ctx)


HANDLERS: dict[tuple[str, str | None], type[InterfaceHandler]] = {
    ("locations", "SENDER"): LocationsSenderHandler,
    ("locations", "RECEIVER"): LocationsReceiverHandler,
    ("sessions", "SENDER"): SessionsSenderHandler,
    ("sessions", "RECEIVER"): SessionsReceiverHandler,
    ("cdrs", "SENDER"): CdrsSenderHandler,
    ("cdrs", "RECEIVER"): CdrsReceiverHandler,
    ("tariffs", "SENDER"): TariffsSenderHandler,
    ("tariffs", "RECEIVER"): TariffsReceiverHandler,
    ("tokens", "RECEIVER"): TokensReceiverHandler,
    ("tokens", "SENDER"): TokensSenderHandler,
    ("commands", "RECEIVER"): CommandsReceiverHandler,
    ("commands", "SENDER"): CommandsSenderHandler,
    ("hubclientinfo", "RECEIVER"): HubClientInfoReceiverHandler,
    ("hubclientinfo", "SENDER"): HubClientInfoSenderHandler,
    ("chargingprofiles", "RECEIVER"): ChargingProfilesReceiverHandler,
    ("chargingprofiles", "SENDER"): ChargingProfilesSenderHandler,
}
"""Every handler class of the version by (module, interface role)."""

ROUTES: tuple[Route, ...] = (
    *_LOCATIONS_SENDER,
    *_LOCATIONS_RECEIVER,
    *_SESSIONS_SENDER,
    *_SESSIONS_RECEIVER,
    *_CDRS_SENDER,
    *_CDRS_RECEIVER,
    *_TARIFFS_SENDER,
    *_TARIFFS_RECEIVER,
    *_TOKENS_RECEIVER,
    *_TOKENS_SENDER,
    *_COMMANDS_RECEIVER,
    *_COMMANDS_SENDER,
    *_HUBCLIENTINFO_RECEIVER,
    *_HUBCLIENTINFO_SENDER,
    *_CHARGINGPROFILES_RECEIVER,
    *_CHARGINGPROFILES_SENDER,
)
"""Every route of the version."""
