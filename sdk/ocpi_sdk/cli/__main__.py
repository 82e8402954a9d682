"""``python -m ocpi_sdk.cli``: the ``ocpi`` command line."""

import sys

from ocpi_sdk.cli import main

sys.exit(main())
