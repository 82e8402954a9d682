"""OCPI 2.1.1 types.

Basic data types shared by every chapter of OCPI 2.1.1.

Spec chapter: ``types.md``.
Generated from ``schemas/2.1.1/types.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ocpi_sdk.model_support import too_long

if TYPE_CHECKING:
    pass


__all__ = [
    "DisplayText",
]


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
