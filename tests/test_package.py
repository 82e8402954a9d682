"""The top-level API of ``import ocpi_sdk``: lazy names, fast import, no web stack for SDK users."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import ocpi_sdk
from ocpi_sdk import credentials, negotiation
from ocpi_sdk.packages import sdk_versions

WEB_STACK = ("starlette", "uvicorn", "locust")


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )


def test_the_first_names_a_user_reaches_for_are_at_the_top_level() -> None:
    assert ocpi_sdk.connect is negotiation.connect
    assert ocpi_sdk.aconnect is negotiation.aconnect
    assert ocpi_sdk.Connection is negotiation.Connection
    assert ocpi_sdk.register is credentials.register
    assert ocpi_sdk.aregister is credentials.aregister
    assert ocpi_sdk.Party is credentials.Party
    assert ocpi_sdk.PartyRole is credentials.PartyRole
    assert ocpi_sdk.CredentialsHandler is credentials.CredentialsHandler
    assert ocpi_sdk.schemas.validate is not None and ocpi_sdk.errors.OcpiError is not None
    for version in sdk_versions():
        package = getattr(ocpi_sdk, "v" + version.replace(".", "_"))
        assert package.__name__ == "ocpi_sdk.v" + version.replace(".", "_")
    listed = dir(ocpi_sdk)
    assert {"connect", "Party", "schemas", "v2_3_0", "__version__"} <= set(listed)
    assert set(ocpi_sdk.__all__) <= set(listed)


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        ocpi_sdk.conect  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as exc:
        assert "conect" in str(exc)
    else:
        raise AssertionError("ocpi_sdk.conect resolved")


def test_every_version_package_and_lazy_name_is_typed_and_documented() -> None:
    """The lazy table, the TYPE_CHECKING imports (what mypy sees) and the docstring agree."""
    table = ocpi_sdk._LAZY
    assert {"v" + v.replace(".", "_") for v in sdk_versions()} <= set(table)
    source = Path(ocpi_sdk.__file__).read_text(encoding="utf-8")
    typed: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom)
                typed.update(alias.asname or alias.name for alias in statement.names)
    assert typed == set(table)
    doc = ocpi_sdk.__doc__ or ""
    assert all(name in doc for name in table), [name for name in table if name not in doc]


def test_import_ocpi_sdk_loads_nothing_else() -> None:
    result = _run(
        "import sys, ocpi_sdk; print(sorted(m for m in sys.modules if m.startswith('ocpi_sdk')))"
    )
    assert result.stdout.strip() == "['ocpi_sdk']", result.stderr


def test_a_pure_sdk_user_never_imports_the_web_stack() -> None:
    """Models, validation, clients, negotiation, credentials, tariffs and the CLI's start."""
    imports = ["ocpi_sdk.schemas", "ocpi_sdk.negotiation", "ocpi_sdk.credentials",
               "ocpi_sdk.tariffs", "ocpi_sdk.transport", "ocpi_sdk.cli", "ocpi_sdk.cli._validate",
               "ocpi_sdk.cli._price"]  # fmt: skip
    for version in sdk_versions():
        package = "ocpi_sdk.v" + version.replace(".", "_")
        imports += [package, package + ".clients"]
    code = (
        "import importlib, sys, ocpi_sdk\n"
        f"for name in {imports!r}: importlib.import_module(name)\n"
        "for name in ocpi_sdk.__all__: getattr(ocpi_sdk, name)\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(WEB_STACK)!r}))"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_commands_that_need_the_bench_extra_say_so_in_one_line() -> None:
    for command in (["sim", "cpo"], ["roam"]):
        code = (
            "import sys\n"
            "for name in ('starlette', 'uvicorn'): sys.modules[name] = None  # not installed\n"
            "from ocpi_sdk.cli import main\n"
            f"sys.exit(main({command!r}))"
        )
        result = _run(code)
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr.splitlines() == [
            "ocpi: this command needs the 'bench' extra (starlette, uvicorn not installed): "
            "pip install 'ocpi-sdk[bench]'"
        ]
