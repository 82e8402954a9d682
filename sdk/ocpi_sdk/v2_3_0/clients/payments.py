"""Clients of the OCPI 2.3.0 Payments module: one per interface role, sync and async.

Generated from ``schemas/2.3.0/interfaces.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from datetime import datetime
from typing import Any

from ocpi_sdk.transport import Ack, AsyncClient, OperationSpec, Page, SyncClient
from ocpi_sdk.v2_3_0 import PROFILE, converter
from ocpi_sdk.v2_3_0.payments import FinancialAdviceConfirmation, Terminal, TerminalActivation

__all__ = [
    "AsyncPaymentsReceiverClient",
    "AsyncPaymentsSenderClient",
    "PaymentsReceiverClient",
    "PaymentsSenderClient",
]

_SENDER_LIST_TERMINALS = OperationSpec(
    module="payments",
    role="SENDER",
    name="list_terminals",
    method="GET",
    path="terminals",
    target="endpoint",
    paginated=True,
    request_object=None,
    request_partial=False,
    response_object="Terminal",
    response_list=True,
    routed=True,
)

_SENDER_GET_TERMINAL = OperationSpec(
    module="payments",
    role="SENDER",
    name="get_terminal",
    method="GET",
    path="terminals/{terminal_id}",
    target="endpoint",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object="Terminal",
    response_list=False,
    routed=True,
)

_SENDER_ACTIVATE_TERMINAL = OperationSpec(
    module="payments",
    role="SENDER",
    name="activate_terminal",
    method="POST",
    path="terminals/activate",
    target="endpoint",
    paginated=False,
    request_object="TerminalActivation",
    request_partial=False,
    response_object=None,
    response_list=False,
    routed=True,
)

_SENDER_DEACTIVATE_TERMINAL = OperationSpec(
    module="payments",
    role="SENDER",
    name="deactivate_terminal",
    method="POST",
    path="terminals/{terminal_id}/deactivate",
    target="endpoint",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object=None,
    response_list=False,
    routed=True,
)

_SENDER_PUT_TERMINAL = OperationSpec(
    module="payments",
    role="SENDER",
    name="put_terminal",
    method="PUT",
    path="terminals/{terminal_id}",
    target="endpoint",
    paginated=False,
    request_object="Terminal",
    request_partial=False,
    response_object=None,
    response_list=False,
    routed=True,
)

_SENDER_PATCH_TERMINAL = OperationSpec(
    module="payments",
    role="SENDER",
    name="patch_terminal",
    method="PATCH",
    path="terminals/{terminal_id}",
    target="endpoint",
    paginated=False,
    request_object="Terminal",
    request_partial=True,
    response_object=None,
    response_list=False,
    routed=True,
)

_SENDER_LIST_FINANCIAL_ADVICE_CONFIRMATIONS = OperationSpec(
    module="payments",
    role="SENDER",
    name="list_financial_advice_confirmations",
    method="GET",
    path="financial-advice-confirmations",
    target="endpoint",
    paginated=True,
    request_object=None,
    request_partial=False,
    response_object="FinancialAdviceConfirmation",
    response_list=True,
    routed=True,
)

_SENDER_GET_FINANCIAL_ADVICE_CONFIRMATION = OperationSpec(
    module="payments",
    role="SENDER",
    name="get_financial_advice_confirmation",
    method="GET",
    path="financial-advice-confirmations/{financial_advice_confirmation_id}",
    target="endpoint",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object="FinancialAdviceConfirmation",
    response_list=False,
    routed=True,
)

_RECEIVER_GET_TERMINAL = OperationSpec(
    module="payments",
    role="RECEIVER",
    name="get_terminal",
    method="GET",
    path="terminals/{terminal_id}",
    target="endpoint",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object="Terminal",
    response_list=False,
    routed=True,
)

_RECEIVER_POST_TERMINAL = OperationSpec(
    module="payments",
    role="RECEIVER",
    name="post_terminal",
    method="POST",
    path="terminals",
    target="endpoint",
    paginated=False,
    request_object="Terminal",
    request_partial=False,
    response_object=None,
    response_list=False,
    routed=True,
)

_RECEIVER_GET_FINANCIAL_ADVICE_CONFIRMATION = OperationSpec(
    module="payments",
    role="RECEIVER",
    name="get_financial_advice_confirmation",
    method="GET",
    path="financial-advice-confirmations/{financial_advice_confirmation_id}",
    target="endpoint",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object="FinancialAdviceConfirmation",
    response_list=False,
    routed=True,
)

_RECEIVER_POST_FINANCIAL_ADVICE_CONFIRMATION = OperationSpec(
    module="payments",
    role="RECEIVER",
    name="post_financial_advice_confirmation",
    method="POST",
    path="financial-advice-confirmations",
    target="endpoint",
    paginated=False,
    request_object="FinancialAdviceConfirmation",
    request_partial=False,
    response_object=None,
    response_list=False,
    routed=True,
)

OPERATIONS: dict[tuple[str | None, str], OperationSpec] = {
    ("SENDER", "list_terminals"): _SENDER_LIST_TERMINALS,
    ("SENDER", "get_terminal"): _SENDER_GET_TERMINAL,
    ("SENDER", "activate_terminal"): _SENDER_ACTIVATE_TERMINAL,
    ("SENDER", "deactivate_terminal"): _SENDER_DEACTIVATE_TERMINAL,
    ("SENDER", "put_terminal"): _SENDER_PUT_TERMINAL,
    ("SENDER", "patch_terminal"): _SENDER_PATCH_TERMINAL,
    ("SENDER", "list_financial_advice_confirmations"): _SENDER_LIST_FINANCIAL_ADVICE_CONFIRMATIONS,
    ("SENDER", "get_financial_advice_confirmation"): _SENDER_GET_FINANCIAL_ADVICE_CONFIRMATION,
    ("RECEIVER", "get_terminal"): _RECEIVER_GET_TERMINAL,
    ("RECEIVER", "post_terminal"): _RECEIVER_POST_TERMINAL,
    ("RECEIVER", "get_financial_advice_confirmation"): _RECEIVER_GET_FINANCIAL_ADVICE_CONFIRMATION,
    (
        "RECEIVER",
        "post_financial_advice_confirmation",
    ): _RECEIVER_POST_FINANCIAL_ADVICE_CONFIRMATION,
}
"""Every operation of this module by (interface role, method name)."""


class PaymentsSenderClient(SyncClient):
    """Calls a partner's Payments sender interface (OCPI 2.3.0, "Sender Interface").

    The partner side is typically implemented by: PTP. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "payments"
    role = "SENDER"

    def list_terminals(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> Iterator[Terminal]:
        """Fetch Terminals last updated between date_from (inclusive) and date_to (exclusive).
        Follows every page (``Link: rel="next"`` when it can be followed, else ``offset``),
        one request per page; objects that do not fit the model are left out and kept in
        ``rejected``, repeats across pages are given once. ``client.pull`` says where the pull
        stands; resume one that failed with ``offset=client.pull.next_offset`` or
        ``page_url=client.pull.next_url``."""
        return self._items(
            _SENDER_LIST_TERMINALS,
            Terminal,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )

    def list_terminals_page(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> Page[Terminal]:
        """One page of :meth:`list_terminals` with its ``X-Total-Count``, ``X-Limit`` and next-
        page URL; pass ``page_url`` (a previous page's ``next_url``) to fetch the page after
        it."""
        return self._page(
            _SENDER_LIST_TERMINALS,
            Terminal,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )

    def get_terminal(self, terminal_id: str) -> Terminal:
        """Retrieve one Terminal from the PTP, e.g. to check its state."""
        return self._call(_SENDER_GET_TERMINAL, Terminal, path_args={"terminal_id": terminal_id})

    def activate_terminal(self, body: TerminalActivation) -> Ack:
        """Ask the PTP to activate a terminal (e.g. one integrated into a station); the PTP then
        POSTs the new Terminal to the CPO. terminal_id may be left out, the PTP sets it."""
        return self._call_ack(_SENDER_ACTIVATE_TERMINAL, body=body)

    def deactivate_terminal(self, terminal_id: str) -> Ack:
        """Ask the PTP to deactivate a terminal, e.g. when it is broken or its address changes."""
        return self._call_ack(_SENDER_DEACTIVATE_TERMINAL, path_args={"terminal_id": terminal_id})

    def put_terminal(self, terminal_id: str, body: Terminal) -> Ack:
        """Replace a Terminal in the PTP's system, e.g. to set customer_reference and
        invoice_base_url."""
        return self._call_ack(
            _SENDER_PUT_TERMINAL, path_args={"terminal_id": terminal_id}, body=body
        )

    def patch_terminal(self, terminal_id: str, body: Mapping[str, Any]) -> Ack:
        """Update some fields of a Terminal in the PTP's system, e.g. assign location_ids and/or
        evse_uids to it."""
        return self._call_ack(
            _SENDER_PATCH_TERMINAL, path_args={"terminal_id": terminal_id}, body=body
        )

    def list_financial_advice_confirmations(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> Iterator[FinancialAdviceConfirmation]:
        """Fetch Financial Advice Confirmations last updated between date_from (inclusive) and
        date_to (exclusive). Follows every page (``Link: rel="next"`` when it can be followed,
        else ``offset``), one request per page; objects that do not fit the model are left out
        and kept in ``rejected``, repeats across pages are given once. ``client.pull`` says
        where the pull stands; resume one that failed with ``offset=client.pull.next_offset``
        or ``page_url=client.pull.next_url``."""
        return self._items(
            _SENDER_LIST_FINANCIAL_ADVICE_CONFIRMATIONS,
            FinancialAdviceConfirmation,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )

    def list_financial_advice_confirmations_page(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> Page[FinancialAdviceConfirmation]:
        """One page of :meth:`list_financial_advice_confirmations` with its ``X-Total-Count``,
        ``X-Limit`` and next-page URL; pass ``page_url`` (a previous page's ``next_url``) to
        fetch the page after it."""
        return self._page(
            _SENDER_LIST_FINANCIAL_ADVICE_CONFIRMATIONS,
            FinancialAdviceConfirmation,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )

    def get_financial_advice_confirmation(
        self, financial_advice_confirmation_id: str
    ) -> FinancialAdviceConfirmation:
        """Retrieve one Financial Advice Confirmation from the PTP, e.g. to check its state."""
        return self._call(
            _SENDER_GET_FINANCIAL_ADVICE_CONFIRMATION,
            FinancialAdviceConfirmation,
            path_args={"financial_advice_confirmation_id": financial_advice_confirmation_id},
        )


class AsyncPaymentsSenderClient(AsyncClient):
    """Calls a partner's Payments sender interface (OCPI 2.3.0, "Sender Interface"), with
    asyncio.

    The partner side is typically implemented by: PTP. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "payments"
    role = "SENDER"

    def list_terminals(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> AsyncIterator[Terminal]:
        """Fetch Terminals last updated between date_from (inclusive) and date_to (exclusive).
        Follows every page (``Link: rel="next"`` when it can be followed, else ``offset``),
        one request per page; objects that do not fit the model are left out and kept in
        ``rejected``, repeats across pages are given once. ``client.pull`` says where the pull
        stands; resume one that failed with ``offset=client.pull.next_offset`` or
        ``page_url=client.pull.next_url``."""
        return self._items(
            _SENDER_LIST_TERMINALS,
            Terminal,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )

    async def list_terminals_page(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> Page[Terminal]:
        """One page of :meth:`list_terminals` with its ``X-Total-Count``, ``X-Limit`` and next-
        page URL; pass ``page_url`` (a previous page's ``next_url``) to fetch the page after
        it."""
        return await self._page(
            _SENDER_LIST_TERMINALS,
            Terminal,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )

    async def get_terminal(self, terminal_id: str) -> Terminal:
        """Retrieve one Terminal from the PTP, e.g. to check its state."""
        return await self._call(
            _SENDER_GET_TERMINAL, Terminal, path_args={"terminal_id": terminal_id}
        )

    async def activate_terminal(self, body: TerminalActivation) -> Ack:
        """Ask the PTP to activate a terminal (e.g. one integrated into a station); the PTP then
        POSTs the new Terminal to the CPO. terminal_id may be left out, the PTP sets it."""
        return await self._call_ack(_SENDER_ACTIVATE_TERMINAL, body=body)

    async def deactivate_terminal(self, terminal_id: str) -> Ack:
        """Ask the PTP to deactivate a terminal, e.g. when it is broken or its address changes."""
        return await self._call_ack(
            _SENDER_DEACTIVATE_TERMINAL, path_args={"terminal_id": terminal_id}
        )

    async def put_terminal(self, terminal_id: str, body: Terminal) -> Ack:
        """Replace a Terminal in the PTP's system, e.g. to set customer_reference and
        invoice_base_url."""
        return await self._call_ack(
            _SENDER_PUT_TERMINAL, path_args={"terminal_id": terminal_id}, body=body
        )

    async def patch_terminal(self, terminal_id: str, body: Mapping[str, Any]) -> Ack:
        """Update some fields of a Terminal in the PTP's system, e.g. assign location_ids and/or
        evse_uids to it."""
        return await self._call_ack(
            _SENDER_PATCH_TERMINAL, path_args={"terminal_id": terminal_id}, body=body
        )

    def list_financial_advice_confirmations(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> AsyncIterator[FinancialAdviceConfirmation]:
        """Fetch Financial Advice Confirmations last updated between date_from (inclusive) and
        date_to (exclusive). Follows every page (``Link: rel="next"`` when it can be followed,
        else ``offset``), one request per page; objects that do not fit the model are left out
        and kept in ``rejected``, repeats across pages are given once. ``client.pull`` says
        where the pull stands; resume one that failed with ``offset=client.pull.next_offset``
        or ``page_url=client.pull.next_url``."""
        return self._items(
            _SENDER_LIST_FINANCIAL_ADVICE_CONFIRMATIONS,
            FinancialAdviceConfirmation,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )

    async def list_financial_advice_confirmations_page(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> Page[FinancialAdviceConfirmation]:
        """One page of :meth:`list_financial_advice_confirmations` with its ``X-Total-Count``,
        ``X-Limit`` and next-page URL; pass ``page_url`` (a previous page's ``next_url``) to
        fetch the page after it."""
        return await self._page(
            _SENDER_LIST_FINANCIAL_ADVICE_CONFIRMATIONS,
            FinancialAdviceConfirmation,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )

    async def get_financial_advice_confirmation(
        self, financial_advice_confirmation_id: str
    ) -> FinancialAdviceConfirmation:
        """Retrieve one Financial Advice Confirmation from the PTP, e.g. to check its state."""
        return await self._call(
            _SENDER_GET_FINANCIAL_ADVICE_CONFIRMATION,
            FinancialAdviceConfirmation,
            path_args={"financial_advice_confirmation_id": financial_advice_confirmation_id},
        )


class PaymentsReceiverClient(SyncClient):
    """Calls a partner's Payments receiver interface (OCPI 2.3.0, "Receiver Interface").

    The partner side is typically implemented by: CPO. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "payments"
    role = "RECEIVER"

    def get_terminal(self, terminal_id: str) -> Terminal:
        """Retrieve a Terminal as stored in the CPO's system, e.g. to validate its state."""
        return self._call(_RECEIVER_GET_TERMINAL, Terminal, path_args={"terminal_id": terminal_id})

    def post_terminal(self, body: Terminal) -> Ack:
        """Create a newly shipped or activated Terminal in the CPO's system."""
        return self._call_ack(_RECEIVER_POST_TERMINAL, body=body)

    def get_financial_advice_confirmation(
        self, financial_advice_confirmation_id: str
    ) -> FinancialAdviceConfirmation:
        """Retrieve a Financial Advice Confirmation as stored in the CPO's system, e.g. to
        validate its state."""
        return self._call(
            _RECEIVER_GET_FINANCIAL_ADVICE_CONFIRMATION,
            FinancialAdviceConfirmation,
            path_args={"financial_advice_confirmation_id": financial_advice_confirmation_id},
        )

    def post_financial_advice_confirmation(self, body: FinancialAdviceConfirmation) -> Ack:
        """Send the result and EFT data of a payment capture to the CPO, with the
        authorization_reference of the START_SESSION command."""
        return self._call_ack(_RECEIVER_POST_FINANCIAL_ADVICE_CONFIRMATION, body=body)


class AsyncPaymentsReceiverClient(AsyncClient):
    """Calls a partner's Payments receiver interface (OCPI 2.3.0, "Receiver Interface"), with
    asyncio.

    The partner side is typically implemented by: CPO. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "payments"
    role = "RECEIVER"

    async def get_terminal(self, terminal_id: str) -> Terminal:
        """Retrieve a Terminal as stored in the CPO's system, e.g. to validate its state."""
        return await self._call(
            _RECEIVER_GET_TERMINAL, Terminal, path_args={"terminal_id": terminal_id}
        )

    async def post_terminal(self, body: Terminal) -> Ack:
        """Create a newly shipped or activated Terminal in the CPO's system."""
        return await self._call_ack(_RECEIVER_POST_TERMINAL, body=body)

    async def get_financial_advice_confirmation(
        self, financial_advice_confirmation_id: str
    ) -> FinancialAdviceConfirmation:
        """Retrieve a Financial Advice Confirmation as stored in the CPO's system, e.g. to
        validate its state."""
        return await self._call(
            _RECEIVER_GET_FINANCIAL_ADVICE_CONFIRMATION,
            FinancialAdviceConfirmation,
            path_args={"financial_advice_confirmation_id": financial_advice_confirmation_id},
        )

    async def post_financial_advice_confirmation(self, body: FinancialAdviceConfirmation) -> Ack:
        """Send the result and EFT data of a payment capture to the CPO, with the
        authorization_reference of the START_SESSION command."""
        return await self._call_ack(_RECEIVER_POST_FINANCIAL_ADVICE_CONFIRMATION, body=body)
