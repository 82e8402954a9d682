"""Request bodies sent with a ``Content-Encoding`` (gzip, deflate): decoded within the body limit.

A compressed body is decoded in bounded steps, so a gzip bomb stops at ``Limits.max_body`` bytes
of output instead of filling the memory; an encoding the server does not read is refused by name
(HTTP 415), never parsed as if it were JSON.
"""

from __future__ import annotations

import zlib

from ocpi_sdk.server.limits import BodyTooLarge
from ocpi_sdk.transport.body import zlib_header

READ = ("gzip", "x-gzip", "deflate", "identity")
"""The content codings a request body may carry (RFC 9110 8.4.1)."""

_MEMBERS = 16
"""The most gzip members read one after the other in a body (RFC 1952 allows several)."""


class UnsupportedEncoding(Exception):
    """A ``Content-Encoding`` the server does not decode (``br``, ``zstd``, ...)."""


class BadEncoding(Exception):
    """A body that does not decode as the ``Content-Encoding`` it was sent with says."""


def decoded(body: bytes, content_encoding: str, limit: int) -> bytes:
    """``body`` with the codings of ``content_encoding`` (a header value, codings listed in the
    order they were applied) undone, at most ``limit`` bytes of output.

    Raises :class:`UnsupportedEncoding`, :class:`BadEncoding` (not gzip/deflate, or cut short)
    or :class:`~ocpi_sdk.server.limits.BodyTooLarge` (more than ``limit`` bytes decoded)."""
    codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
    unknown = [c for c in codings if c not in READ]
    if unknown:
        raise UnsupportedEncoding(", ".join(unknown))
    for coding in reversed(codings):
        if coding in ("gzip", "x-gzip"):
            body = _inflate(body, limit, zlib.MAX_WBITS | 16, "gzip")
        elif coding == "deflate":
            # "deflate" is the zlib format (RFC 9110 8.4.1.2); some clients send raw deflate
            wbits = zlib.MAX_WBITS if zlib_header(body) else -zlib.MAX_WBITS
            body = _inflate(body, limit, wbits, "deflate")
    return body


def _inflate(data: bytes, limit: int, wbits: int, name: str) -> bytes:
    out = bytearray()
    members = 0
    while data:
        members += 1
        if members > _MEMBERS:
            raise BadEncoding(f"more than {_MEMBERS} {name} members")
        inflater = zlib.decompressobj(wbits)
        try:
            out += inflater.decompress(data, limit + 1 - len(out))
        except zlib.error as exc:
            raise BadEncoding(f"not {name}: {exc}") from None
        if len(out) > limit or inflater.unconsumed_tail:
            raise BodyTooLarge(f"more than {limit} bytes once decoded")
        if not inflater.eof:
            raise BadEncoding(f"{name} data cut short")
        data = inflater.unused_data if wbits & 16 else b""
    return bytes(out)
