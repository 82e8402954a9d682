"""Bounds applied to every request before its body is parsed."""

from __future__ import annotations

import re

import attrs


@attrs.frozen
class Limits:
    """``max_body``: the largest request body read (bytes; larger ones are refused with 413
    before more is read). ``max_depth``: the deepest JSON nesting parsed (OCPI objects nest
    about six deep). ``page_limit``: the server's maximum page size. ``offload_above``: bodies
    larger than this are parsed and validated in a worker thread, so other requests go on.
    ``body_seconds``: the time a request body may take to arrive (a body dripped in slower is
    refused with 408, so a slow sender cannot hold the server's attention for ever)."""

    max_body: int = 4 * 1024 * 1024
    max_depth: int = 32
    page_limit: int = 100
    offload_above: int = 16 * 1024
    body_seconds: float = 30.0


class BodyTooLarge(Exception):
    """A request body (announced or read) larger than :attr:`Limits.max_body`."""


_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def too_deep(raw: bytes, limit: int) -> bool:
    """Whether the JSON text ``raw`` nests arrays/objects more than ``limit`` deep, decided
    without parsing it (strings skipped; linear in the size of ``raw``)."""
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return False
    brackets = _STRINGS.sub(b"", raw).translate(None, _NOT_BRACKETS)
    depth = 0
    for byte in brackets:
        if byte in (0x5B, 0x7B):
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False
