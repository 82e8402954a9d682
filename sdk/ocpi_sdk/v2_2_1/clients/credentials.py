"""Clients of the OCPI 2.2.1 Credentials module: one per interface role, sync and async.

Generated from ``schemas/2.2.1/interfaces.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from ocpi_sdk.transport import Ack, AsyncClient, OperationSpec, SyncClient
from ocpi_sdk.v2_2_1 import PROFILE, converter
from ocpi_sdk.v2_2_1.credentials import Credentials

__all__ = ["AsyncCredentialsClient", "CredentialsClient"]

_ANY_GET = OperationSpec(
    module="credentials",
    role=None,
    name="get",
    method="GET",
    path="",
    target="endpoint",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object="Credentials",
    response_list=False,
    routed=False,
)

_ANY_POST = OperationSpec(
    module="credentials",
    role=None,
    name="post",
    method="POST",
    path="",
    target="endpoint",
    paginated=False,
    request_object="Credentials",
    request_partial=False,
    response_object="Credentials",
    response_list=False,
    routed=False,
)

_ANY_PUT = OperationSpec(
    module="credentials",
    role=None,
    name="put",
    method="PUT",
    path="",
    target="endpoint",
    paginated=False,
    request_object="Credentials",
    request_partial=False,
    response_object="Credentials",
    response_list=False,
    routed=False,
)

_ANY_DELETE = OperationSpec(
    module="credentials",
    role=None,
    name="delete",
    method="DELETE",
    path="",
    target="endpoint",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object=None,
    response_list=False,
    routed=False,
)

OPERATIONS: dict[tuple[str | None, str], OperationSpec] = {
    (None, "get"): _ANY_GET,
    (None, "post"): _ANY_POST,
    (None, "put"): _ANY_PUT,
    (None, "delete"): _ANY_DELETE,
}
"""Every operation of this module by (interface role, method name)."""


class CredentialsClient(SyncClient):
    """Calls a partner's Credentials interface (OCPI 2.2.1, "Credentials module").

    The partner side is typically implemented by: CPO, EMSP, HUB, NAP, NSP, OTHER, SCSP.
    Create it with the endpoint URL from the partner's version details and the token to send;
    pass ``client=`` to use your own httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "credentials"
    role = None

    def get(self) -> Credentials:
        """Retrieve the credentials for accessing the server's platform."""
        return self._call(_ANY_GET, Credentials)

    def post(self, body: Credentials) -> Credentials:
        """Register: give the server credentials to the client's system and receive new
        credentials to the server's."""
        return self._call(_ANY_POST, Credentials, body=body)

    def put(self, body: Credentials) -> Credentials:
        """Update the credentials to the client's system (and switch to this version); receive
        new credentials to the server's."""
        return self._call(_ANY_PUT, Credentials, body=body)

    def delete(self) -> Ack:
        """Unregister: tell the server its credentials to the client's system are no longer
        valid."""
        return self._call_ack(_ANY_DELETE)


class AsyncCredentialsClient(AsyncClient):
    """Calls a partner's Credentials interface (OCPI 2.2.1, "Credentials module"), with asyncio.

    The partner side is typically implemented by: CPO, EMSP, HUB, NAP, NSP, OTHER, SCSP.
    Create it with the endpoint URL from the partner's version details and the token to send;
    pass ``client=`` to use your own httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "credentials"
    role = None

    async def get(self) -> Credentials:
        """Retrieve the credentials for accessing the server's platform."""
        return await self._call(_ANY_GET, Credentials)

    async def post(self, body: Credentials) -> Credentials:
        """Register: give the server credentials to the client's system and receive new
        credentials to the server's."""
        return await self._call(_ANY_POST, Credentials, body=body)

    async def put(self, body: Credentials) -> Credentials:
        """Update the credentials to the client's system (and switch to this version); receive
        new credentials to the server's."""
        return await self._call(_ANY_PUT, Credentials, body=body)

    async def delete(self) -> Ack:
        """Unregister: tell the server its credentials to the client's system are no longer
        valid."""
        return await self._call_ack(_ANY_DELETE)
