"""What every sub-command shares: usage errors and reading JSON from files or standard input."""

from __future__ import annotations

import json
import sys
from typing import Any


class UsageError(Exception):
    """A command line that cannot be carried out; printed as one line, exit status 2."""


def read_json(name: str) -> Any:
    """Parse the JSON of file ``name`` (``-`` for standard input), or raise :class:`UsageError`."""
    try:
        if name == "-":
            text = sys.stdin.read()
        else:
            with open(name, encoding="utf-8") as handle:
                text = handle.read()
    except OSError as exc:
        raise UsageError(f"{name}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise UsageError(f"{name}: not UTF-8 text: {exc.reason}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"{name}: not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
