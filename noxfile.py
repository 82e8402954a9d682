"""Developer tasks: ``nox -s tests``, ``lint``, ``typecheck``, ``codegen``, ``bench``."""

from __future__ import annotations

import nox

nox.options.sessions = ["tests"]
nox.options.reuse_existing_virtualenvs = True

PYTHON = "3.11"


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the test suite (needs the spec examples in ../shared/ocpi-examples or $OCPI_EXAMPLES)."""
    session.install("-e", ".[test,codegen]")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Lint and check formatting with ruff."""
    session.install("ruff==0.17.6")
    session.run("ruff", "check", "sdk", "codegen", "tests", "bench", "noxfile.py")
    session.run("ruff", "format", "--check", "sdk", "codegen", "tests", "bench", "noxfile.py")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """Type-check the public package with mypy --strict."""
    session.install("-e", ".", "mypy==2.4.1", "types-jsonschema")
    session.run("mypy", "--strict", "sdk/ocpi_sdk")
    session.run("mypy", "--strict", "tests/typing/user_code.py")


@nox.session(python=PYTHON)
def codegen(session: nox.Session) -> None:
    """Regenerate sdk/ocpi_sdk/v*/ from schemas/ (deterministic; commit the result)."""
    session.install("-e", ".[codegen]")
    session.run("python", "-m", "codegen", *session.posargs)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Run the benchmarks in bench/; each prints its ratio against a baseline in the same run
    (models.py builds Pydantic models with datamodel-code-generator: the codegen extra)."""
    session.install("-e", ".[test,codegen]")
    import pathlib

    for script in sorted(pathlib.Path("bench").glob("[!_]*.py")):
        session.run("python", str(script))
