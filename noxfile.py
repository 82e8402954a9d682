"""Developer tasks: ``nox -s tests``, ``lint``, ``typecheck``, ``codegen``, ``bench``.

Every session runs on the Python that runs nox (3.11 or newer), so ``pip install nox && nox -s
tests`` tests on the Python you have. Another one: ``nox -s tests --force-python 3.13``. A Python
that cannot be found, or one older than 3.11, fails the session (never "skipped" with exit 0).
"""

from __future__ import annotations

import nox

nox.options.sessions = ["tests"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True

OLDEST = (3, 11)
CHECK = f"import sys; sys.exit(sys.version_info < {OLDEST} and 'ocpi-sdk needs Python 3.11+')"


def _supported(session: nox.Session) -> None:
    """Fail the session unless its Python is one ocpi-sdk supports; say which one runs."""
    session.run("python", "-c", CHECK, silent=True)
    session.run("python", "--version")


@nox.session(python=None)
def tests(session: nox.Session) -> None:
    """Run the test suite (needs the spec examples in ../shared/ocpi-examples or $OCPI_EXAMPLES)."""
    _supported(session)
    session.install("-e", ".[test]")
    fuzzer = _tool(session, "fuzz", "schemathesis")
    session.run("pytest", *session.posargs, env={"SCHEMATHESIS": fuzzer})


def _tool(session: nox.Session, extra: str, command: str) -> str:
    """Install the ``extra`` of ocpi-sdk's optional dependencies (a command-line tool) in a
    virtualenv of its own beside the session's, so its pins never constrain the SDK's
    environment; return the path of ``command`` in it."""
    import os
    import pathlib
    import sys
    import tomllib

    location = pathlib.Path(f"{session.virtualenv.location}-{extra}")
    scripts = location / ("Scripts" if os.name == "nt" else "bin")
    if not (scripts / "python").exists() and not (scripts / "python.exe").exists():
        # virtualenv (nox's own dependency), not `python -m venv`: no ensurepip needed
        python = session.run("python", "-c", "import sys; print(sys.executable)", silent=True)
        session.run(
            sys.executable,
            "-m",
            "virtualenv",
            "--quiet",
            "--python",
            str(python).strip(),
            str(location),
            external=True,
        )
    project = tomllib.loads(pathlib.Path("pyproject.toml").read_text(encoding="utf-8"))
    requirements = project["project"]["optional-dependencies"][extra]
    session.run(
        str(scripts / "python"), "-m", "pip", "install", "--quiet", *requirements, external=True
    )
    return str(scripts / command)


@nox.session(python=None)
def lint(session: nox.Session) -> None:
    """Lint and check formatting with ruff."""
    session.install("ruff==0.17.6")
    session.run("ruff", "check", "sdk", "codegen", "tests", "bench", "noxfile.py")
    session.run("ruff", "format", "--check", "sdk", "codegen", "tests", "bench", "noxfile.py")


@nox.session(python=None)
def typecheck(session: nox.Session) -> None:
    """Type-check the public package with mypy --strict."""
    _supported(session)
    session.install("-e", ".[bench]", "mypy==2.4.1", "types-jsonschema")
    session.run("mypy", "--strict", "sdk/ocpi_sdk")
    session.run("mypy", "--strict", "tests/typing/user_code.py")


@nox.session(python=None)
def codegen(session: nox.Session) -> None:
    """Regenerate sdk/ocpi_sdk/v*/ from schemas/ (deterministic; commit the result)."""
    _supported(session)
    session.install("-e", ".[codegen]")
    session.run("python", "-m", "codegen", *session.posargs)


@nox.session(python=None)
def bench(session: nox.Session) -> None:
    """Run the benchmarks in bench/; each prints its ratio against a baseline in the same run
    (models.py builds Pydantic models with datamodel-code-generator: the codegen extra, in test)."""
    _supported(session)
    session.install("-e", ".[test]")
    import pathlib

    for script in sorted(pathlib.Path("bench").glob("[!_]*.py")):
        session.run("python", str(script))
