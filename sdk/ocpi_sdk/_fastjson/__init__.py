"""The fast paths of ``loads`` and ``dumps`` and of reading a response envelope (msgspec and
orjson): shortcuts that give exactly what the converter gives, or :data:`FALLBACK`.

- :mod:`.decode`: JSON text straight into the generated classes (:class:`FastDecoder`);
- :mod:`.encode`: models straight to JSON bytes (:class:`FastEncoder`);
- :mod:`.envelope`: an envelope whose ``data`` is kept as text (:func:`read_envelope`);
- :mod:`._shapes`: what they share.
"""

from __future__ import annotations

from ocpi_sdk._fastjson._shapes import FALLBACK
from ocpi_sdk._fastjson.decode import FastDecoder
from ocpi_sdk._fastjson.encode import FastEncoder
from ocpi_sdk._fastjson.envelope import RawData, read_envelope

__all__ = ["FALLBACK", "FastDecoder", "FastEncoder", "RawData", "read_envelope"]
