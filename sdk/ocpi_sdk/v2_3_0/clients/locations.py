"""Clients of the OCPI 2.3.0 Locations module: one per interface role, sync and async.

Generated from ``schemas/2.3.0/interfaces.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from datetime import datetime
from typing import Any

from ocpi_sdk.transport import Ack, AsyncClient, OperationSpec, Page, SyncClient
from ocpi_sdk.v2_3_0 import PROFILE, converter
from ocpi_sdk.v2_3_0.locations import EVSE, Connector, Location

__all__ = [
    "AsyncLocationsReceiverClient",
    "AsyncLocationsSenderClient",
    "LocationsReceiverClient",
    "LocationsSenderClient",
]

_SENDER_LIST = OperationSpec(
    module="locations",
    role="SENDER",
    name="list",
    method="GET",
    path="",
    target="endpoint",
    paginated=True,
    request_object=None,
    request_partial=False,
    response_object="Location",
    response_list=True,
    routed=True,
)

_SENDER_GET = OperationSpec(
    module="locations",
    role="SENDER",
    name="get",
    method="GET",
    path="{location_id}",
    target="endpoint",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object="Location",
    response_list=False,
    routed=True,
)

_SENDER_GET_EVSE = OperationSpec(
    module="locations",
    role="SENDER",
    name="get_evse",
    method="GET",
    path="{location_id}/{evse_uid}",
    target="endpoint",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object="EVSE",
    response_list=False,
    routed=True,
)

_SENDER_GET_CONNECTOR = OperationSpec(
    module="locations",
    role="SENDER",
    name="get_connector",
    method="GET",
    path="{location_id}/{evse_uid}/{connector_id}",
    target="endpoint",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object="Connector",
    response_list=False,
    routed=True,
)

_RECEIVER_GET = OperationSpec(
    module="locations",
    role="RECEIVER",
    name="get",
    method="GET",
    path="{country_code}/{party_id}/{location_id}",
    target="endpoint",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object="Location",
    response_list=False,
    routed=True,
)

_RECEIVER_GET_EVSE = OperationSpec(
    module="locations",
    role="RECEIVER",
    name="get_evse",
    method="GET",
    path="{country_code}/{party_id}/{location_id}/{evse_uid}",
    target="endpoint",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object="EVSE",
    response_list=False,
    routed=True,
)

_RECEIVER_GET_CONNECTOR = OperationSpec(
    module="locations",
    role="RECEIVER",
    name="get_connector",
    method="GET",
    path="{country_code}/{party_id}/{location_id}/{evse_uid}/{connector_id}",
    target="endpoint",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object="Connector",
    response_list=False,
    routed=True,
)

_RECEIVER_PUT = OperationSpec(
    module="locations",
    role="RECEIVER",
    name="put",
    method="PUT",
    path="{country_code}/{party_id}/{location_id}",
    target="endpoint",
    paginated=False,
    request_object="Location",
    request_partial=False,
    response_object=None,
    response_list=False,
    routed=True,
)

_RECEIVER_PUT_EVSE = OperationSpec(
    module="locations",
    role="RECEIVER",
    name="put_evse",
    method="PUT",
    path="{country_code}/{party_id}/{location_id}/{evse_uid}",
    target="endpoint",
    paginated=False,
    request_object="EVSE",
    request_partial=False,
    response_object=None,
    response_list=False,
    routed=True,
)

_RECEIVER_PUT_CONNECTOR = OperationSpec(
    module="locations",
    role="RECEIVER",
    name="put_connector",
    method="PUT",
    path="{country_code}/{party_id}/{location_id}/{evse_uid}/{connector_id}",
    target="endpoint",
    paginated=False,
    request_object="Connector",
    request_partial=False,
    response_object=None,
    response_list=False,
    routed=True,
)

_RECEIVER_PATCH = OperationSpec(
    module="locations",
    role="RECEIVER",
    name="patch",
    method="PATCH",
    path="{country_code}/{party_id}/{location_id}",
    target="endpoint",
    paginated=False,
    request_object="Location",
    request_partial=True,
    response_object=None,
    response_list=False,
    routed=True,
)

_RECEIVER_PATCH_EVSE = OperationSpec(
    module="locations",
    role="RECEIVER",
    name="patch_evse",
    method="PATCH",
    path="{country_code}/{party_id}/{location_id}/{evse_uid}",
    target="endpoint",
    paginated=False,
    request_object="EVSE",
    request_partial=True,
    response_object=None,
    response_list=False,
    routed=True,
)

_RECEIVER_PATCH_CONNECTOR = OperationSpec(
    module="locations",
    role="RECEIVER",
    name="patch_connector",
    method="PATCH",
    path="{country_code}/{party_id}/{location_id}/{evse_uid}/{connector_id}",
    target="endpoint",
    paginated=False,
    request_object="Connector",
    request_partial=True,
    response_object=None,
    response_list=False,
    routed=True,
)

OPERATIONS: dict[tuple[str | None, str], OperationSpec] = {
    ("SENDER", "list"): _SENDER_LIST,
    ("SENDER", "get"): _SENDER_GET,
    ("SENDER", "get_evse"): _SENDER_GET_EVSE,
    ("SENDER", "get_connector"): _SENDER_GET_CONNECTOR,
    ("RECEIVER", "get"): _RECEIVER_GET,
    ("RECEIVER", "get_evse"): _RECEIVER_GET_EVSE,
    ("RECEIVER", "get_connector"): _RECEIVER_GET_CONNECTOR,
    ("RECEIVER", "put"): _RECEIVER_PUT,
    ("RECEIVER", "put_evse"): _RECEIVER_PUT_EVSE,
    ("RECEIVER", "put_connector"): _RECEIVER_PUT_CONNECTOR,
    ("RECEIVER", "patch"): _RECEIVER_PATCH,
    ("RECEIVER", "patch_evse"): _RECEIVER_PATCH_EVSE,
    ("RECEIVER", "patch_connector"): _RECEIVER_PATCH_CONNECTOR,
}
"""Every operation of this module by (interface role, method name)."""


class LocationsSenderClient(SyncClient):
    """Calls a partner's Locations sender interface (OCPI 2.3.0, "Sender Interface").

    The partner side is typically implemented by: CPO. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "locations"
    role = "SENDER"

    def list(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> Iterator[Location]:
        """Fetch Locations last updated between date_from (inclusive) and date_to (exclusive).
        Follows every page (``Link: rel="next"`` when it can be followed, else ``offset``),
        one request per page; objects that do not fit the model are left out and kept in
        ``rejected``, repeats across pages are given once. ``client.pull`` says where the pull
        stands; resume one that failed with ``offset=client.pull.next_offset`` or
        ``page_url=client.pull.next_url``."""
        return self._items(
            _SENDER_LIST,
            Location,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )

    def list_page(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> Page[Location]:
        """One page of :meth:`list` with its ``X-Total-Count``, ``X-Limit`` and next-page URL;
        pass ``page_url`` (a previous page's ``next_url``) to fetch the page after it."""
        return self._page(
            _SENDER_LIST,
            Location,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )

    def get(self, location_id: str) -> Location:
        """Retrieve one Location from the Sender."""
        return self._call(_SENDER_GET, Location, path_args={"location_id": location_id})

    def get_evse(self, location_id: str, evse_uid: str) -> EVSE:
        """Retrieve one EVSE of a Location from the Sender."""
        return self._call(
            _SENDER_GET_EVSE, EVSE, path_args={"location_id": location_id, "evse_uid": evse_uid}
        )

    def get_connector(self, location_id: str, evse_uid: str, connector_id: str) -> Connector:
        """Retrieve one Connector of an EVSE from the Sender."""
        return self._call(
            _SENDER_GET_CONNECTOR,
            Connector,
            path_args={
                "location_id": location_id,
                "evse_uid": evse_uid,
                "connector_id": connector_id,
            },
        )


class AsyncLocationsSenderClient(AsyncClient):
    """Calls a partner's Locations sender interface (OCPI 2.3.0, "Sender Interface"), with
    asyncio.

    The partner side is typically implemented by: CPO. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "locations"
    role = "SENDER"

    def list(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> AsyncIterator[Location]:
        """Fetch Locations last updated between date_from (inclusive) and date_to (exclusive).
        Follows every page (``Link: rel="next"`` when it can be followed, else ``offset``),
        one request per page; objects that do not fit the model are left out and kept in
        ``rejected``, repeats across pages are given once. ``client.pull`` says where the pull
        stands; resume one that failed with ``offset=client.pull.next_offset`` or
        ``page_url=client.pull.next_url``."""
        return self._items(
            _SENDER_LIST,
            Location,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )

    async def list_page(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> Page[Location]:
        """One page of :meth:`list` with its ``X-Total-Count``, ``X-Limit`` and next-page URL;
        pass ``page_url`` (a previous page's ``next_url``) to fetch the page after it."""
        return await self._page(
            _SENDER_LIST,
            Location,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )

    async def get(self, location_id: str) -> Location:
        """Retrieve one Location from the Sender."""
        return await self._call(_SENDER_GET, Location, path_args={"location_id": location_id})

    async def get_evse(self, location_id: str, evse_uid: str) -> EVSE:
        """Retrieve one EVSE of a Location from the Sender."""
        return await self._call(
            _SENDER_GET_EVSE, EVSE, path_args={"location_id": location_id, "evse_uid": evse_uid}
        )

    async def get_connector(self, location_id: str, evse_uid: str, connector_id: str) -> Connector:
        """Retrieve one Connector of an EVSE from the Sender."""
        return await self._call(
            _SENDER_GET_CONNECTOR,
            Connector,
            path_args={
                "location_id": location_id,
                "evse_uid": evse_uid,
                "connector_id": connector_id,
            },
        )


class LocationsReceiverClient(SyncClient):
    """Calls a partner's Locations receiver interface (OCPI 2.3.0, "Receiver Interface").

    The partner side is typically implemented by: EMSP, NSP. Create it with the endpoint URL
    from the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "locations"
    role = "RECEIVER"

    def get(self, country_code: str, party_id: str, location_id: str) -> Location:
        """Retrieve a Location as stored in the Receiver's system."""
        return self._call(
            _RECEIVER_GET,
            Location,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "location_id": location_id,
            },
        )

    def get_evse(self, country_code: str, party_id: str, location_id: str, evse_uid: str) -> EVSE:
        """Retrieve an EVSE as stored in the Receiver's system."""
        return self._call(
            _RECEIVER_GET_EVSE,
            EVSE,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "location_id": location_id,
                "evse_uid": evse_uid,
            },
        )

    def get_connector(
        self, country_code: str, party_id: str, location_id: str, evse_uid: str, connector_id: str
    ) -> Connector:
        """Retrieve a Connector as stored in the Receiver's system."""
        return self._call(
            _RECEIVER_GET_CONNECTOR,
            Connector,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "location_id": location_id,
                "evse_uid": evse_uid,
                "connector_id": connector_id,
            },
        )

    def put(self, country_code: str, party_id: str, location_id: str, body: Location) -> Ack:
        """Push a new or replacing Location to the Receiver."""
        return self._call_ack(
            _RECEIVER_PUT,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "location_id": location_id,
            },
            body=body,
        )

    def put_evse(
        self, country_code: str, party_id: str, location_id: str, evse_uid: str, body: EVSE
    ) -> Ack:
        """Push a new or replacing EVSE of a Location to the Receiver."""
        return self._call_ack(
            _RECEIVER_PUT_EVSE,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "location_id": location_id,
                "evse_uid": evse_uid,
            },
            body=body,
        )

    def put_connector(
        self,
        country_code: str,
        party_id: str,
        location_id: str,
        evse_uid: str,
        connector_id: str,
        body: Connector,
    ) -> Ack:
        """Push a new or replacing Connector of an EVSE to the Receiver."""
        return self._call_ack(
            _RECEIVER_PUT_CONNECTOR,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "location_id": location_id,
                "evse_uid": evse_uid,
                "connector_id": connector_id,
            },
            body=body,
        )

    def patch(
        self, country_code: str, party_id: str, location_id: str, body: Mapping[str, Any]
    ) -> Ack:
        """Send the changed fields of a Location to the Receiver."""
        return self._call_ack(
            _RECEIVER_PATCH,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "location_id": location_id,
            },
            body=body,
        )

    def patch_evse(
        self,
        country_code: str,
        party_id: str,
        location_id: str,
        evse_uid: str,
        body: Mapping[str, Any],
    ) -> Ack:
        """Send the changed fields of an EVSE (e.g. its status) to the Receiver."""
        return self._call_ack(
            _RECEIVER_PATCH_EVSE,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "location_id": location_id,
                "evse_uid": evse_uid,
            },
            body=body,
        )

    def patch_connector(
        self,
        country_code: str,
        party_id: str,
        location_id: str,
        evse_uid: str,
        connector_id: str,
        body: Mapping[str, Any],
    ) -> Ack:
        """Send the changed fields of a Connector to the Receiver."""
        return self._call_ack(
            _RECEIVER_PATCH_CONNECTOR,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "location_id": location_id,
                "evse_uid": evse_uid,
                "connector_id": connector_id,
            },
            body=body,
        )


class AsyncLocationsReceiverClient(AsyncClient):
    """Calls a partner's Locations receiver interface (OCPI 2.3.0, "Receiver Interface"), with
    asyncio.

    The partner side is typically implemented by: EMSP, NSP. Create it with the endpoint URL
    from the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "locations"
    role = "RECEIVER"

    async def get(self, country_code: str, party_id: str, location_id: str) -> Location:
        """Retrieve a Location as stored in the Receiver's system."""
        return await self._call(
            _RECEIVER_GET,
            Location,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "location_id": location_id,
            },
        )

    async def get_evse(
        self, country_code: str, party_id: str, location_id: str, evse_uid: str
    ) -> EVSE:
        """Retrieve an EVSE as stored in the Receiver's system."""
        return await self._call(
            _RECEIVER_GET_EVSE,
            EVSE,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "location_id": location_id,
                "evse_uid": evse_uid,
            },
        )

    async def get_connector(
        self, country_code: str, party_id: str, location_id: str, evse_uid: str, connector_id: str
    ) -> Connector:
        """Retrieve a Connector as stored in the Receiver's system."""
        return await self._call(
            _RECEIVER_GET_CONNECTOR,
            Connector,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "location_id": location_id,
                "evse_uid": evse_uid,
                "connector_id": connector_id,
            },
        )

    async def put(self, country_code: str, party_id: str, location_id: str, body: Location) -> Ack:
        """Push a new or replacing Location to the Receiver."""
        return await self._call_ack(
            _RECEIVER_PUT,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "location_id": location_id,
            },
            body=body,
        )

    async def put_evse(
        self, country_code: str, party_id: str, location_id: str, evse_uid: str, body: EVSE
    ) -> Ack:
        """Push a new or replacing EVSE of a Location to the Receiver."""
        return await self._call_ack(
            _RECEIVER_PUT_EVSE,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "location_id": location_id,
                "evse_uid": evse_uid,
            },
            body=body,
        )

    async def put_connector(
        self,
        country_code: str,
        party_id: str,
        location_id: str,
        evse_uid: str,
        connector_id: str,
        body: Connector,
    ) -> Ack:
        """Push a new or replacing Connector of an EVSE to the Receiver."""
        return await self._call_ack(
            _RECEIVER_PUT_CONNECTOR,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "location_id": location_id,
                "evse_uid": evse_uid,
                "connector_id": connector_id,
            },
            body=body,
        )

    async def patch(
        self, country_code: str, party_id: str, location_id: str, body: Mapping[str, Any]
    ) -> Ack:
        """Send the changed fields of a Location to the Receiver."""
        return await self._call_ack(
            _RECEIVER_PATCH,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "location_id": location_id,
            },
            body=body,
        )

    async def patch_evse(
        self,
        country_code: str,
        party_id: str,
        location_id: str,
        evse_uid: str,
        body: Mapping[str, Any],
    ) -> Ack:
        """Send the changed fields of an EVSE (e.g. its status) to the Receiver."""
        return await self._call_ack(
            _RECEIVER_PATCH_EVSE,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "location_id": location_id,
                "evse_uid": evse_uid,
            },
            body=body,
        )

    async def patch_connector(
        self,
        country_code: str,
        party_id: str,
        location_id: str,
        evse_uid: str,
        connector_id: str,
        body: Mapping[str, Any],
    ) -> Ack:
        """Send the changed fields of a Connector to the Receiver."""
        return await self._call_ack(
            _RECEIVER_PATCH_CONNECTOR,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "location_id": location_id,
                "evse_uid": evse_uid,
                "connector_id": connector_id,
            },
            body=body,
        )
