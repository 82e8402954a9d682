"""ocpi-sdk: typed models, schema validation and clients for OCPI.

The package is organised by job:

- :mod:`ocpi_sdk.schemas` -- the JSON Schema registry and payload validation;
- ``ocpi_sdk.v2_1_1``, ``ocpi_sdk.v2_2_1`` -- generated models, converters and clients per version;
- :mod:`ocpi_sdk.errors` -- the exception tree shared by everything.
"""

from __future__ import annotations

import logging

logging.getLogger("ocpi_sdk").addHandler(logging.NullHandler())

__version__ = "0.1.0"

__all__ = ["__version__"]
