"""``ocpi_sdk.server.encoding``: request bodies with a Content-Encoding, decoded within a limit."""

from __future__ import annotations

import gzip
import zlib

import pytest

from ocpi_sdk.server.encoding import BadEncoding, UnsupportedEncoding, decoded
from ocpi_sdk.server.limits import BodyTooLarge

TEXT = b'{"id": "LOC1", "name": "Gent Zuid"}' * 20


def test_each_coding_read() -> None:
    assert decoded(gzip.compress(TEXT), "gzip", 10_000) == TEXT
    assert decoded(gzip.compress(TEXT), " X-GZIP ", 10_000) == TEXT
    assert decoded(zlib.compress(TEXT), "deflate", 10_000) == TEXT
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    assert decoded(raw.compress(TEXT) + raw.flush(), "deflate", 10_000) == TEXT
    assert decoded(TEXT, "identity", 10_000) == TEXT
    assert decoded(b"", "gzip", 10) == b""


def test_codings_undone_in_reverse_order_and_gzip_members_joined() -> None:
    twice = gzip.compress(zlib.compress(TEXT))
    assert decoded(twice, "deflate, gzip", 10_000) == TEXT
    assert decoded(gzip.compress(TEXT[:10]) + gzip.compress(TEXT[10:]), "gzip", 10_000) == TEXT


def test_output_is_bounded() -> None:
    bomb = gzip.compress(b"0" * 10_000_000)
    with pytest.raises(BodyTooLarge):
        decoded(bomb, "gzip", 1_000_000)
    assert decoded(gzip.compress(TEXT), "gzip", len(TEXT)) == TEXT
    with pytest.raises(BodyTooLarge):
        decoded(gzip.compress(TEXT), "gzip", len(TEXT) - 1)
    with pytest.raises(BodyTooLarge):  # the limit counts every member
        decoded(gzip.compress(TEXT) * 3, "gzip", len(TEXT) * 2)
    with pytest.raises(BadEncoding):
        decoded(gzip.compress(b"") * 100, "gzip", 10_000)


def test_unknown_and_broken_bodies_are_named() -> None:
    with pytest.raises(UnsupportedEncoding, match="br"):
        decoded(TEXT, "gzip, br", 10_000)
    with pytest.raises(BadEncoding, match="not gzip"):
        decoded(TEXT, "gzip", 10_000)
    with pytest.raises(BadEncoding, match="cut short"):
        decoded(gzip.compress(TEXT)[:-20], "gzip", 10_000)
    with pytest.raises(BadEncoding, match="not gzip"):
        decoded(gzip.compress(TEXT) + b"trailing", "gzip", 10_000)
