"""Typed clients of every OCPI 2.3.0 interface, sync and async.

``LocationsSenderClient`` calls a partner's Locations *Sender* interface (what an eMSP uses
against a CPO); ``LocationsReceiverClient`` calls a *Receiver* interface (what a CPO uses to
push to an eMSP). ``CLIENTS`` maps ``(module, role)`` to the (sync, async) pair.

Generated from ``schemas/2.3.0/interfaces.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from ocpi_sdk.transport import AsyncClient, OperationSpec, SyncClient
from ocpi_sdk.v2_3_0.clients.cdrs import (
    OPERATIONS as _CDRS_OPERATIONS,
)
from ocpi_sdk.v2_3_0.clients.cdrs import (
    AsyncCdrsReceiverClient,
    AsyncCdrsSenderClient,
    CdrsReceiverClient,
    CdrsSenderClient,
)
from ocpi_sdk.v2_3_0.clients.chargingprofiles import (
    OPERATIONS as _CHARGINGPROFILES_OPERATIONS,
)
from ocpi_sdk.v2_3_0.clients.chargingprofiles import (
    AsyncChargingProfilesReceiverClient,
    AsyncChargingProfilesSenderClient,
    ChargingProfilesReceiverClient,
    ChargingProfilesSenderClient,
)
from ocpi_sdk.v2_3_0.clients.commands import (
    OPERATIONS as _COMMANDS_OPERATIONS,
)
from ocpi_sdk.v2_3_0.clients.commands import (
    AsyncCommandsReceiverClient,
    AsyncCommandsSenderClient,
    CommandsReceiverClient,
    CommandsSenderClient,
)
from ocpi_sdk.v2_3_0.clients.credentials import (
    OPERATIONS as _CREDENTIALS_OPERATIONS,
)
from ocpi_sdk.v2_3_0.clients.credentials import (
    AsyncCredentialsClient,
    CredentialsClient,
)
from ocpi_sdk.v2_3_0.clients.hubclientinfo import (
    OPERATIONS as _HUBCLIENTINFO_OPERATIONS,
)
from ocpi_sdk.v2_3_0.clients.hubclientinfo import (
    AsyncHubClientInfoReceiverClient,
    AsyncHubClientInfoSenderClient,
    HubClientInfoReceiverClient,
    HubClientInfoSenderClient,
)
from ocpi_sdk.v2_3_0.clients.locations import (
    OPERATIONS as _LOCATIONS_OPERATIONS,
)
from ocpi_sdk.v2_3_0.clients.locations import (
    AsyncLocationsReceiverClient,
    AsyncLocationsSenderClient,
    LocationsReceiverClient,
    LocationsSenderClient,
)
from ocpi_sdk.v2_3_0.clients.payments import (
    OPERATIONS as _PAYMENTS_OPERATIONS,
)
from ocpi_sdk.v2_3_0.clients.payments import (
    AsyncPaymentsReceiverClient,
    AsyncPaymentsSenderClient,
    PaymentsReceiverClient,
    PaymentsSenderClient,
)
from ocpi_sdk.v2_3_0.clients.sessions import (
    OPERATIONS as _SESSIONS_OPERATIONS,
)
from ocpi_sdk.v2_3_0.clients.sessions import (
    AsyncSessionsReceiverClient,
    AsyncSessionsSenderClient,
    SessionsReceiverClient,
    SessionsSenderClient,
)
from ocpi_sdk.v2_3_0.clients.tariffs import (
    OPERATIONS as _TARIFFS_OPERATIONS,
)
from ocpi_sdk.v2_3_0.clients.tariffs import (
    AsyncTariffsReceiverClient,
    AsyncTariffsSenderClient,
    TariffsReceiverClient,
    TariffsSenderClient,
)
from ocpi_sdk.v2_3_0.clients.tokens import (
    OPERATIONS as _TOKENS_OPERATIONS,
)
from ocpi_sdk.v2_3_0.clients.tokens import (
    AsyncTokensReceiverClient,
    AsyncTokensSenderClient,
    TokensReceiverClient,
    TokensSenderClient,
)
from ocpi_sdk.v2_3_0.clients.versions import (
    OPERATIONS as _VERSIONS_OPERATIONS,
)
from ocpi_sdk.v2_3_0.clients.versions import (
    AsyncVersionsClient,
    VersionsClient,
)

CLIENTS: dict[tuple[str, str | None], tuple[type[SyncClient], type[AsyncClient]]] = {
    ("versions", None): (VersionsClient, AsyncVersionsClient),
    ("credentials", None): (CredentialsClient, AsyncCredentialsClient),
    ("locations", "SENDER"): (LocationsSenderClient, AsyncLocationsSenderClient),
    ("locations", "RECEIVER"): (LocationsReceiverClient, AsyncLocationsReceiverClient),
    ("sessions", "SENDER"): (SessionsSenderClient, AsyncSessionsSenderClient),
    ("sessions", "RECEIVER"): (SessionsReceiverClient, AsyncSessionsReceiverClient),
    ("cdrs", "SENDER"): (CdrsSenderClient, AsyncCdrsSenderClient),
    ("cdrs", "RECEIVER"): (CdrsReceiverClient, AsyncCdrsReceiverClient),
    ("tariffs", "SENDER"): (TariffsSenderClient, AsyncTariffsSenderClient),
    ("tariffs", "RECEIVER"): (TariffsReceiverClient, AsyncTariffsReceiverClient),
    ("tokens", "RECEIVER"): (TokensReceiverClient, AsyncTokensReceiverClient),
    ("tokens", "SENDER"): (TokensSenderClient, AsyncTokensSenderClient),
    ("commands", "RECEIVER"): (CommandsReceiverClient, AsyncCommandsReceiverClient),
    ("commands", "SENDER"): (CommandsSenderClient, AsyncCommandsSenderClient),
    ("hubclientinfo", "RECEIVER"): (HubClientInfoReceiverClient, AsyncHubClientInfoReceiverClient),
    ("hubclientinfo", "SENDER"): (HubClientInfoSenderClient, AsyncHubClientInfoSenderClient),
    ("chargingprofiles", "RECEIVER"): (
        ChargingProfilesReceiverClient,
        AsyncChargingProfilesReceiverClient,
    ),
    ("chargingprofiles", "SENDER"): (
        ChargingProfilesSenderClient,
        AsyncChargingProfilesSenderClient,
    ),
    ("payments", "SENDER"): (PaymentsSenderClient, AsyncPaymentsSenderClient),
    ("payments", "RECEIVER"): (PaymentsReceiverClient, AsyncPaymentsReceiverClient),
}

OPERATIONS: dict[tuple[str, str | None, str], OperationSpec] = {
    **{("cdrs", *key): spec for key, spec in _CDRS_OPERATIONS.items()},
    **{("chargingprofiles", *key): spec for key, spec in _CHARGINGPROFILES_OPERATIONS.items()},
    **{("commands", *key): spec for key, spec in _COMMANDS_OPERATIONS.items()},
    **{("credentials", *key): spec for key, spec in _CREDENTIALS_OPERATIONS.items()},
    **{("hubclientinfo", *key): spec for key, spec in _HUBCLIENTINFO_OPERATIONS.items()},
    **{("locations", *key): spec for key, spec in _LOCATIONS_OPERATIONS.items()},
    **{("payments", *key): spec for key, spec in _PAYMENTS_OPERATIONS.items()},
    **{("sessions", *key): spec for key, spec in _SESSIONS_OPERATIONS.items()},
    **{("tariffs", *key): spec for key, spec in _TARIFFS_OPERATIONS.items()},
    **{("tokens", *key): spec for key, spec in _TOKENS_OPERATIONS.items()},
    **{("versions", *key): spec for key, spec in _VERSIONS_OPERATIONS.items()},
}
"""Every operation of the version by (module, interface role, method name)."""

__all__ = [
    "CLIENTS",
    "OPERATIONS",
    "AsyncCdrsReceiverClient",
    "AsyncCdrsSenderClient",
    "AsyncChargingProfilesReceiverClient",
    "AsyncChargingProfilesSenderClient",
    "AsyncCommandsReceiverClient",
    "AsyncCommandsSenderClient",
    "AsyncCredentialsClient",
    "AsyncHubClientInfoReceiverClient",
    "AsyncHubClientInfoSenderClient",
    "AsyncLocationsReceiverClient",
    "AsyncLocationsSenderClient",
    "AsyncPaymentsReceiverClient",
    "AsyncPaymentsSenderClient",
    "AsyncSessionsReceiverClient",
    "AsyncSessionsSenderClient",
    "AsyncTariffsReceiverClient",
    "AsyncTariffsSenderClient",
    "AsyncTokensReceiverClient",
    "AsyncTokensSenderClient",
    "AsyncVersionsClient",
    "CdrsReceiverClient",
    "CdrsSenderClient",
    "ChargingProfilesReceiverClient",
    "ChargingProfilesSenderClient",
    "CommandsReceiverClient",
    "CommandsSenderClient",
    "CredentialsClient",
    "HubClientInfoReceiverClient",
    "HubClientInfoSenderClient",
    "LocationsReceiverClient",
    "LocationsSenderClient",
    "PaymentsReceiverClient",
    "PaymentsSenderClient",
    "SessionsReceiverClient",
    "SessionsSenderClient",
    "TariffsReceiverClient",
    "TariffsSenderClient",
    "TokensReceiverClient",
    "TokensSenderClient",
    "VersionsClient",
]
