"""A response envelope read without parsing its ``data``: a page goes once from text to models."""

from __future__ import annotations

from typing import Any

import msgspec
import orjson


class RawData:
    """The ``data`` member of a response envelope, still as its JSON text (see
    :func:`read_envelope`): a page is read once, straight into models, not first into dicts."""

    __slots__ = ("text",)

    def __init__(self, text: bytes) -> None:
        self.text = text

    def parse(self) -> Any:
        """The member as Python data, numbers exact (the converter's ``parse_json``: fractions as
        ``Decimal`` from their text, integers of any size); raises ``PayloadError`` (rule ``json``)
        for text that is not JSON."""
        from ocpi_sdk.converter import parse_json  # the converter imports this module

        return parse_json(self.text)

    def starts_with(self, char: bytes) -> bool:
        """Whether the JSON value is of the kind opened by ``char`` (``b"["``: an array)."""
        return self.text.lstrip(b" \t\r\n")[:1] == char


_MEMBERS = msgspec.json.Decoder(dict[str, msgspec.Raw])


def read_envelope(content: bytes) -> Any:
    """``content`` parsed as ``orjson.loads`` parses it, except that an object's ``data`` member
    is kept as :class:`RawData` (its text) and parsed only when asked. Every other member is
    read by orjson; anything msgspec cannot split (not an object, not JSON, not UTF-8, no
    ``data``) is parsed whole by orjson, which raises its usual error."""
    if not content.isascii():
        try:
            content.decode("utf-8")
        except UnicodeDecodeError:
            return orjson.loads(content)  # raises orjson's own error
    try:
        members = _MEMBERS.decode(content)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return orjson.loads(content)
    if "data" not in members:
        return orjson.loads(content)
    document: dict[str, Any] = {}
    try:
        for key, value in members.items():
            text = bytes(value)
            document[key] = RawData(text) if key == "data" else orjson.loads(text)
    except orjson.JSONDecodeError:
        return orjson.loads(content)
    return document
