"""OCPI 2.3.0 types.

Basic data types shared by every chapter of OCPI 2.3.0.

Spec chapter: ``types.asciidoc``.
Generated from ``schemas/2.3.0/types.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from ocpi_sdk.model_support import OcpiEnum, too_long

if TYPE_CHECKING:
    pass


__all__ = ["DisplayText", "Price", "Role", "TaxAmount"]


class Role(OcpiEnum):
    """The role a party plays in the OCPI network."""

    CPO = "CPO"
    """Charge Point Operator."""

    EMSP = "EMSP"
    """eMobility Service Provider."""

    NAP = "NAP"
    """National Access Point: a national database with the Location information of a country."""

    NSP = "NSP"
    """Navigation Service Provider: like an eMSP, mostly interested in Location information."""

    OTHER = "OTHER"
    """Any other role."""

    SCSP = "SCSP"
    """Smart Charging Service Provider."""


@attrs.define(kw_only=True)
class DisplayText:
    """A text for end users, in one language."""

    language: str = attrs.field(metadata={"max_length": 2})
    """ISO 639-1 language code of the text."""

    text: str = attrs.field(metadata={"max_length": 512})
    """The text to show to an end user; plain text, no markup or HTML."""

    def __attrs_post_init__(self) -> None:
        if len(self.language) > 2:
            raise too_long("language", self.language, 2)
        if len(self.text) > 512:
            raise too_long("text", self.text, 512)


@attrs.define(kw_only=True)
class Price:
    """A price or cost before taxes, with the taxes that apply to it."""

    before_taxes: Decimal
    """Price or cost excluding taxes."""

    taxes: list[TaxAmount] | None = None
    """Every tax that applies to this price and is relevant to the receiver of the Session or
    CDR."""


@attrs.define(kw_only=True)
class TaxAmount:
    """One tax applied to a price: its name, optional account number and percentage, and the
    amount due."""

    name: str
    """Name of the tax, e.g. "QST" where a tax name is required (Canada) or a generic "VAT" or
    "General Sales Tax"."""

    account_number: str | None = None
    """Tax account number of the business remitting the tax, where a country requires it."""

    percentage: Decimal | None = None
    """Tax percentage, where a country requires it."""

    amount: Decimal
    """Amount of money due for this tax."""
