"""The ocpi-sdk generator: ``schemas/<version>/`` in, ``sdk/ocpi_sdk/v<version>/`` out.

Run it with ``nox -s codegen`` (or ``python -m codegen``). It is a loop over data: ``reader``
turns the schema files and the interfaces file into a small description of classes, enums and
clients; ``render`` picks a Jinja template for each and writes formatted, deterministic files.
"""
