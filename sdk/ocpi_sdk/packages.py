"""The generated version packages present in this installation, found by name, not listed."""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache
from types import ModuleType

import ocpi_sdk

_PACKAGE = re.compile(r"^v(\d+)_(\d+)(?:_(\d+))?$")


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


@cache
def sdk_versions() -> tuple[str, ...]:
    """The OCPI versions this SDK has generated code for, oldest first."""
    found = []
    for info in pkgutil.iter_modules(ocpi_sdk.__path__):
        match = _PACKAGE.match(info.name)
        if match and info.ispkg:
            found.append(".".join(g for g in match.groups() if g is not None))
    return tuple(sorted(found, key=_key))


def version_key(version: str) -> tuple[int, ...]:
    """Numeric order of version identifiers (``2.1.1 < 2.2 < 2.2.1 < 2.10``)."""
    return _key(version)


def package(version: str) -> ModuleType:
    """The generated package of ``version`` (``ocpi_sdk.v2_2_1``)."""
    return importlib.import_module("ocpi_sdk.v" + version.replace(".", "_"))


def clients(version: str) -> ModuleType:
    """The generated clients package of ``version`` (``ocpi_sdk.v2_2_1.clients``)."""
    return importlib.import_module("ocpi_sdk.v" + version.replace(".", "_") + ".clients")
