"""ocpi-sdk: typed models, schema validation, clients, tariffs and simulators for OCPI.

What a user reaches for first is here, imported on first use (``import ocpi_sdk`` stays fast)::

    import ocpi_sdk

    connection = ocpi_sdk.connect(versions_url, token, role="EMSP")

- :func:`connect` / :func:`aconnect` -- version negotiation with a partner you already hold a
  token for, giving a :class:`Connection` (negotiated version, endpoints, typed clients);
- :func:`register` / :func:`aregister` -- the credentials handshake from token A, as the
  :class:`Party` you are (its :class:`PartyRole` list); :class:`CredentialsHandler` answers it;
- :mod:`ocpi_sdk.schemas` -- the JSON Schema registry and payload validation;
- :mod:`ocpi_sdk.errors` -- the exception tree shared by everything;
- ``ocpi_sdk.v2_1_1``, ``ocpi_sdk.v2_2_1``, ``ocpi_sdk.v2_3_0`` -- generated models, enums,
  converters (``loads``/``dumps``) and sync and async clients per OCPI version;
- :func:`convert` -- translate an object between versions, listing what is lost
  (:mod:`ocpi_sdk.translation`).

Further parts, imported by name: :mod:`ocpi_sdk.negotiation`, :mod:`ocpi_sdk.credentials`,
:mod:`ocpi_sdk.transport` (the sans-IO core and its drivers), :mod:`ocpi_sdk.tariffs` (pricing
and CDR checks), :mod:`ocpi_sdk.check` (conformance checks of a live platform),
:mod:`ocpi_sdk.openapi` (OpenAPI documents), :mod:`ocpi_sdk.sim` (simulated CPO, eMSP and hub;
needs the ``bench`` extra) and :mod:`ocpi_sdk.cli` (the ``ocpi`` command).
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

logging.getLogger("ocpi_sdk").addHandler(logging.NullHandler())

__version__ = "0.1.0"

# Name -> where it lives: "package.module" for a module, "package.module:attribute" for a
# name inside one. Adding a top-level name is one line here (and its import below for mypy).
_LAZY: dict[str, str] = {
    "connect": "ocpi_sdk.negotiation:connect",
    "aconnect": "ocpi_sdk.negotiation:aconnect",
    "Connection": "ocpi_sdk.negotiation:Connection",
    "register": "ocpi_sdk.credentials:register",
    "aregister": "ocpi_sdk.credentials:aregister",
    "Party": "ocpi_sdk.credentials:Party",
    "PartyRole": "ocpi_sdk.credentials:PartyRole",
    "CredentialsHandler": "ocpi_sdk.credentials:CredentialsHandler",
    "schemas": "ocpi_sdk.schemas",
    "errors": "ocpi_sdk.errors",
    "v2_1_1": "ocpi_sdk.v2_1_1",
    "v2_2_1": "ocpi_sdk.v2_2_1",
    "v2_3_0": "ocpi_sdk.v2_3_0",
    "convert": "ocpi_sdk.translation:convert",
}

if TYPE_CHECKING:
    from ocpi_sdk import errors as errors
    from ocpi_sdk import schemas as schemas
    from ocpi_sdk import v2_1_1 as v2_1_1
    from ocpi_sdk import v2_2_1 as v2_2_1
    from ocpi_sdk import v2_3_0 as v2_3_0
    from ocpi_sdk.credentials import CredentialsHandler as CredentialsHandler
    from ocpi_sdk.credentials import Party as Party
    from ocpi_sdk.credentials import PartyRole as PartyRole
    from ocpi_sdk.credentials import aregister as aregister
    from ocpi_sdk.credentials import register as register
    from ocpi_sdk.negotiation import Connection as Connection
    from ocpi_sdk.negotiation import aconnect as aconnect
    from ocpi_sdk.negotiation import connect as connect
    from ocpi_sdk.translation import convert as convert

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    """Import a top-level name of :data:`_LAZY` on first use, then keep it."""
    try:
        target = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'ocpi_sdk' has no attribute {name!r}") from None
    module_name, _, attribute = target.partition(":")
    value = importlib.import_module(module_name)
    if attribute:
        value = getattr(value, attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names (lazy ones included) and the module's own dunders."""
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})
