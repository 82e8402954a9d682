"""OCPI 2.3.0 Payments module.

Objects and enums of the Payments module: payment terminals run by a Payment Terminal Provider
(PTP), their assignment to Locations/EVSEs, and the financial advice confirmations that report
the captured amount of a direct payment.

Spec chapter: ``mod_payments.asciidoc``.
Generated from ``schemas/2.3.0/payments.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import attrs

from ocpi_sdk.model_support import OcpiEnum, check_items_length, too_few, too_long

if TYPE_CHECKING:
    from ocpi_sdk.v2_3_0.locations import GeoLocation
    from ocpi_sdk.v2_3_0.types import Price


__all__ = [
    "CaptureStatusCode",
    "FinancialAdviceConfirmation",
    "InvoiceCreator",
    "Terminal",
    "TerminalActivation",
]


class InvoiceCreator(OcpiEnum):
    """The party that issues the invoice to the driver."""

    CPO = "CPO"
    """The CPO issues the invoice and makes it available at invoice_base_url +
    authorization_reference."""

    PTP = "PTP"
    """The PTP issues the invoice and shows or hands it to the driver directly at the payment
    terminal."""


class CaptureStatusCode(OcpiEnum):
    """Result of capturing the payment after a charging transaction."""

    SUCCESS = "SUCCESS"
    """The full amount was captured; all checks passed and the funds will be settled."""

    PARTIAL_SUCCESS = "PARTIAL_SUCCESS"
    """Only part of the amount was approved, or the payment conditions were changed during
    processing (e.g. insufficient balance or issuer limits)."""

    FAILED = "FAILED"
    """The capture failed, e.g. insufficient funds, expired card, network problem or refusal by
    the issuer."""


@attrs.define(kw_only=True)
class Terminal:
    """One physical payment terminal, mainly mapping it to the Locations and/or EVSEs where it
    takes payments and carrying its payment-related settings (customer reference, invoice
    URL)."""

    terminal_id: str = attrs.field(metadata={"max_length": 36})
    """Unique identifier of the terminal."""

    customer_reference: str | None = attrs.field(default=None, metadata={"max_length": 36})
    """Reference linking the terminal to a CSMS; may also come from the order process."""

    party_id: str | None = attrs.field(default=None, metadata={"max_length": 3})
    """Party ID, an alternative to customer_reference."""

    country_code: str | None = attrs.field(default=None, metadata={"max_length": 2})
    """Country code, an alternative to customer_reference."""

    address: str | None = attrs.field(default=None, metadata={"max_length": 45})
    """Street or block name and house number, if available."""

    city: str | None = attrs.field(default=None, metadata={"max_length": 45})
    """City or town."""

    postal_code: str | None = attrs.field(default=None, metadata={"max_length": 10})
    """Postal code of the terminal; omitted only when there is none."""

    state: str | None = attrs.field(default=None, metadata={"max_length": 20})
    """State or province, only when relevant."""

    country: str | None = attrs.field(default=None, metadata={"max_length": 3})
    """Country as an ISO 3166-1 alpha-3 code."""

    coordinates: GeoLocation | None = None
    """Geographic coordinates of the terminal."""

    invoice_base_url: str | None = attrs.field(default=None, metadata={"max_length": 255})
    """Base URL of the downloadable invoice."""

    invoice_creator: InvoiceCreator | None = None
    """Which party creates the invoice for the driver."""

    reference: str | None = attrs.field(default=None, metadata={"max_length": 36})
    """Mapping value issued by the PTP, e.g. a serial number."""

    location_ids: list[str] | None = attrs.field(default=None, metadata={"items_max_length": 36})
    """Locations assigned to the terminal."""

    evse_uids: list[str] | None = attrs.field(default=None, metadata={"items_max_length": 36})
    """EVSEs assigned to the terminal."""

    last_updated: datetime
    """When the terminal was last updated or created."""

    def __attrs_post_init__(self) -> None:
        if len(self.terminal_id) > 36:
            raise too_long("terminal_id", self.terminal_id, 36)
        if self.customer_reference is not None and len(self.customer_reference) > 36:
            raise too_long("customer_reference", self.customer_reference, 36)
        if self.party_id is not None and len(self.party_id) > 3:
            raise too_long("party_id", self.party_id, 3)
        if self.country_code is not None and len(self.country_code) > 2:
            raise too_long("country_code", self.country_code, 2)
        if self.address is not None and len(self.address) > 45:
            raise too_long("address", self.address, 45)
        if self.city is not None and len(self.city) > 45:
            raise too_long("city", self.city, 45)
        if self.postal_code is not None and len(self.postal_code) > 10:
            raise too_long("postal_code", self.postal_code, 10)
        if self.state is not None and len(self.state) > 20:
            raise too_long("state", self.state, 20)
        if self.country is not None and len(self.country) > 3:
            raise too_long("country", self.country, 3)
        if self.invoice_base_url is not None and len(self.invoice_base_url) > 255:
            raise too_long("invoice_base_url", self.invoice_base_url, 255)
        if self.reference is not None and len(self.reference) > 36:
            raise too_long("reference", self.reference, 36)
        if self.location_ids is not None:
            check_items_length("location_ids", self.location_ids, 36)
        if self.evse_uids is not None:
            check_items_length("evse_uids", self.evse_uids, 36)


@attrs.define(kw_only=True)
class TerminalActivation:
    """The body of POST terminals/activate: a Terminal whose terminal_id may be left out, since
    the PTP sets it."""

    terminal_id: str | None = attrs.field(default=None, metadata={"max_length": 36})
    """Unique identifier of the terminal."""

    customer_reference: str | None = attrs.field(default=None, metadata={"max_length": 36})
    """Reference linking the terminal to a CSMS; may also come from the order process."""

    party_id: str | None = attrs.field(default=None, metadata={"max_length": 3})
    """Party ID, an alternative to customer_reference."""

    country_code: str | None = attrs.field(default=None, metadata={"max_length": 2})
    """Country code, an alternative to customer_reference."""

    address: str | None = attrs.field(default=None, metadata={"max_length": 45})
    """Street or block name and house number, if available."""

    city: str | None = attrs.field(default=None, metadata={"max_length": 45})
    """City or town."""

    postal_code: str | None = attrs.field(default=None, metadata={"max_length": 10})
    """Postal code of the terminal; omitted only when there is none."""

    state: str | None = attrs.field(default=None, metadata={"max_length": 20})
    """State or province, only when relevant."""

    country: str | None = attrs.field(default=None, metadata={"max_length": 3})
    """Country as an ISO 3166-1 alpha-3 code."""

    coordinates: GeoLocation | None = None
    """Geographic coordinates of the terminal."""

    invoice_base_url: str | None = attrs.field(default=None, metadata={"max_length": 255})
    """Base URL of the downloadable invoice."""

    invoice_creator: InvoiceCreator | None = None
    """Which party creates the invoice for the driver."""

    reference: str | None = attrs.field(default=None, metadata={"max_length": 36})
    """Mapping value issued by the PTP, e.g. a serial number."""

    location_ids: list[str] | None = attrs.field(default=None, metadata={"items_max_length": 36})
    """Locations assigned to the terminal."""

    evse_uids: list[str] | None = attrs.field(default=None, metadata={"items_max_length": 36})
    """EVSEs assigned to the terminal."""

    last_updated: datetime
    """When the terminal was last updated or created."""

    def __attrs_post_init__(self) -> None:
        if self.terminal_id is not None and len(self.terminal_id) > 36:
            raise too_long("terminal_id", self.terminal_id, 36)
        if self.customer_reference is not None and len(self.customer_reference) > 36:
            raise too_long("customer_reference", self.customer_reference, 36)
        if self.party_id is not None and len(self.party_id) > 3:
            raise too_long("party_id", self.party_id, 3)
        if self.country_code is not None and len(self.country_code) > 2:
            raise too_long("country_code", self.country_code, 2)
        if self.address is not None and len(self.address) > 45:
            raise too_long("address", self.address, 45)
        if self.city is not None and len(self.city) > 45:
            raise too_long("city", self.city, 45)
        if self.postal_code is not None and len(self.postal_code) > 10:
            raise too_long("postal_code", self.postal_code, 10)
        if self.state is not None and len(self.state) > 20:
            raise too_long("state", self.state, 20)
        if self.country is not None and len(self.country) > 3:
            raise too_long("country", self.country, 3)
        if self.invoice_base_url is not None and len(self.invoice_base_url) > 255:
            raise too_long("invoice_base_url", self.invoice_base_url, 255)
        if self.reference is not None and len(self.reference) > 36:
            raise too_long("reference", self.reference, 36)
        if self.location_ids is not None:
            check_items_length("location_ids", self.location_ids, 36)
        if self.evse_uids is not None:
            check_items_length("evse_uids", self.evse_uids, 36)


@attrs.define(kw_only=True)
class FinancialAdviceConfirmation:
    """Financial outcome of a payment taken at a payment terminal, tied to a charging session by
    the authorization_reference of the START_SESSION command; carries the EFT data that must
    appear on the invoice."""

    id: str = attrs.field(metadata={"max_length": 36})
    """Unique identifier of the financial advice confirmation."""

    authorization_reference: str = attrs.field(metadata={"max_length": 36})
    """Authorization reference the PTP gave in the START_SESSION command."""

    total_costs: Price
    """Amount actually captured at the PSP (consumer price including VAT)."""

    currency: str = attrs.field(metadata={"max_length": 3})
    """ISO 4217 currency code."""

    eft_data: list[str] = attrs.field(metadata={"min_items": 1, "items_max_length": 255})
    """Electronic funds transfer data of the payment, to be printed on the invoice."""

    capture_status_code: CaptureStatusCode
    """Outcome of the capture."""

    capture_status_message: str | None = attrs.field(default=None, metadata={"max_length": 255})
    """Message about an error during the capture."""

    last_updated: datetime
    """When this financial advice confirmation was last updated or created."""

    def __attrs_post_init__(self) -> None:
        if len(self.id) > 36:
            raise too_long("id", self.id, 36)
        if len(self.authorization_reference) > 36:
            raise too_long("authorization_reference", self.authorization_reference, 36)
        if len(self.currency) > 3:
            raise too_long("currency", self.currency, 3)
        if len(self.eft_data) < 1:
            raise too_few("eft_data", 1)
        if True:
            check_items_length("eft_data", self.eft_data, 255)
        if self.capture_status_message is not None and len(self.capture_status_message) > 255:
            raise too_long("capture_status_message", self.capture_status_message, 255)
