"""Clients of the OCPI 2.1.1 Versions module: one per interface role, sync and async.

Generated from ``schemas/2.1.1/interfaces.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

import builtins

from ocpi_sdk.transport import AsyncClient, OperationSpec, SyncClient
from ocpi_sdk.v2_1_1 import PROFILE, converter
from ocpi_sdk.v2_1_1.versions import Version, VersionDetails

__all__ = ["AsyncVersionsClient", "VersionsClient"]

_ANY_LIST_VERSIONS = OperationSpec(
    module="versions",
    role=None,
    name="list_versions",
    method="GET",
    path="",
    target="versions_url",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object="Version",
    response_list=True,
    routed=False,
)

_ANY_GET_VERSION_DETAILS = OperationSpec(
    module="versions",
    role=None,
    name="get_version_details",
    method="GET",
    path="",
    target="version_url",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object="VersionDetails",
    response_list=False,
    routed=False,
)

OPERATIONS: dict[tuple[str | None, str], OperationSpec] = {
    (None, "list_versions"): _ANY_LIST_VERSIONS,
    (None, "get_version_details"): _ANY_GET_VERSION_DETAILS,
}
"""Every operation of this module by (interface role, method name)."""


class VersionsClient(SyncClient):
    """Calls a partner's Versions interface (OCPI 2.1.1, "Version information endpoint").

    The partner side is typically implemented by: CPO, EMSP. Create it with the endpoint URL
    from the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "versions"
    role = None

    def list_versions(self, *, versions_url: str | None = None) -> builtins.list[Version]:
        """Fetch the OCPI versions the party supports, each with the URL of its version details."""
        return self._call_many(_ANY_LIST_VERSIONS, Version, target=versions_url)

    def get_version_details(self, *, version_url: str | None = None) -> VersionDetails:
        """Fetch the endpoints the party supports for one OCPI version."""
        return self._call(_ANY_GET_VERSION_DETAILS, VersionDetails, target=version_url)


class AsyncVersionsClient(AsyncClient):
    """Calls a partner's Versions interface (OCPI 2.1.1, "Version information endpoint"), with
    asyncio.

    The partner side is typically implemented by: CPO, EMSP. Create it with the endpoint URL
    from the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "versions"
    role = None

    async def list_versions(self, *, versions_url: str | None = None) -> builtins.list[Version]:
        """Fetch the OCPI versions the party supports, each with the URL of its version details."""
        return await self._call_many(_ANY_LIST_VERSIONS, Version, target=versions_url)

    async def get_version_details(self, *, version_url: str | None = None) -> VersionDetails:
        """Fetch the endpoints the party supports for one OCPI version."""
        return await self._call(_ANY_GET_VERSION_DETAILS, VersionDetails, target=version_url)
