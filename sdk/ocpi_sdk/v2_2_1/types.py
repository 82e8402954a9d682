"""OCPI 2.2.1 types.

Basic data types shared by every chapter of OCPI 2.2.1.

Spec chapter: ``types.asciidoc``.
Generated from ``schemas/2.2.1/types.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from ocpi_sdk.model_support import OcpiEnum, too_long

if TYPE_CHECKING:
    pass


__all__ = ["DisplayText", "Price", "Role"]


class Role(OcpiEnum):
    """The role a party plays in the OCPI network."""

    CPO = "CPO"
    """Charge Point Operator."""

    EMSP = "EMSP"
    """eMobility Service Provider."""

    HUB = "HUB"
    """Hub."""

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
    """A price or cost, without and optionally with VAT."""

    excl_vat: Decimal
    """Price or cost excluding VAT."""

    incl_vat: Decimal | None = None
    """Price or cost including VAT."""
