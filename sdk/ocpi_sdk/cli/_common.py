"""What every sub-command shares: exit statuses, usage errors, help layout, extras, reading JSON."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from codecs import BOM_UTF8
from typing import Any

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """A command line that cannot be carried out; printed as one line, exit status 2."""


class MissingExtraError(UsageError):
    """A command needs packages of an optional extra that is not installed."""


class InputError(Exception):
    """A file that cannot be read, or is not JSON: that file is invalid (exit status 1)."""


def _default_note(action: argparse.Action) -> str:
    """``(default: X)`` for an option whose help does not already say its default, else ``""``."""
    default = action.default
    if (
        "default" in (action.help or "")
        or not action.option_strings
        or default is None
        or default is False
        or default is argparse.SUPPRESS
    ):
        return ""
    return "(default: %(default)s)" if default != "" else "(default: none)"


class HelpFormatter(argparse.HelpFormatter):
    """Help that shows every option's default (``(default: X)``) unless the text already does."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        note = _default_note(action)
        return " ".join(part for part in (action.help, note) if part)


class Parser(argparse.ArgumentParser):
    """An argument parser whose help shows defaults (:class:`HelpFormatter`), sub-parsers too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        if action.help is None and _default_note(action):
            action.help = _default_note(action)  # argparse prints no line for help=None
        return action


def require_extra(extra: str, *modules: str) -> None:
    """Raise :class:`MissingExtraError` unless every module of ``extra`` can be imported."""
    missing = [name for name in modules if importlib.util.find_spec(name) is None]
    if missing:
        raise MissingExtraError(
            f"this command needs the '{extra}' extra ({', '.join(missing)} not installed): "
            f"pip install 'ocpi-sdk[{extra}]'"
        )


# Modules of the optional extras, and the extra that brings each.
EXTRA_MODULES = {
    "starlette": "bench",
    "uvicorn": "bench",
    "locust": "bench",
    "gevent": "bench",
    "psutil": "bench",
}


def extra_for(error: ModuleNotFoundError) -> str | None:
    """The one-line hint for a module of an extra that is not installed, else ``None``."""
    top = (error.name or "").split(".")[0]
    extra = EXTRA_MODULES.get(top)
    if extra is None:
        return None
    return (
        f"this command needs the '{extra}' extra ({top} not installed): "
        f"pip install 'ocpi-sdk[{extra}]'"
    )


def port(text: str) -> int:
    """An argparse ``type`` for a TCP port (0-65535)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a port number (0-65535)")
    return value


def positive(text: str) -> int:
    """An argparse ``type`` for a count of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not at least 1")
    return value


def load_json(name: str) -> Any:
    """Parse the JSON of file ``name`` (``-`` for standard input) as the SDK reads JSON (numbers
    exact, NaN refused: :func:`ocpi_sdk.converter.parse_json`), or raise :class:`InputError`.
    A UTF-8 byte order mark before the JSON is skipped, with a note on standard error."""
    from ocpi_sdk.converter import parse_json
    from ocpi_sdk.errors import PayloadError

    try:
        if name == "-":
            stream = getattr(sys.stdin, "buffer", None)  # a text stream without bytes: encoded
            raw = stream.read() if stream else sys.stdin.read().encode("utf-8", "surrogatepass")
        else:
            with open(name, "rb") as handle:
                raw = handle.read()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    if raw.startswith(BOM_UTF8):
        raw = raw[len(BOM_UTF8) :]
        print(f"{name}: note: a UTF-8 byte order mark before the JSON, skipped", file=sys.stderr)
    try:
        return parse_json(raw)
    except PayloadError as exc:
        first = exc.problems[0]
        where = "" if first.path == "$" else f" (at {first.path})"
        raise InputError(first.message + where) from None


def json_text(value: Any) -> str:
    """``value`` as indented JSON, numbers written exactly as read (a ``Decimal`` as its own
    digits, never through a float)."""
    import orjson

    from ocpi_sdk.converter import json_default

    return orjson.dumps(value, default=json_default, option=orjson.OPT_INDENT_2).decode()


def read_json(name: str) -> Any:
    """Parse the JSON of file ``name`` (``-`` for standard input), or raise :class:`UsageError`."""
    try:
        return load_json(name)
    except InputError as exc:
        raise UsageError(f"{name}: {exc}") from None
