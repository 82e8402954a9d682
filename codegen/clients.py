"""Client files of a version package (filled in by the clients generator)."""

from __future__ import annotations

import jinja2

from codegen.reader import VersionDef


def client_files(env: jinja2.Environment, version: VersionDef) -> dict[str, str]:
    return {}
