"""Load testing an OCPI platform at network scale on Locust: ``ocpi load``.

The load plays the counterpart of the system under test through the SDK's own clients:
:func:`~ocpi_sdk.load.setup.prepare` negotiates and registers ONCE, then every Locust user
shares the connection's endpoints and token. Profiles (``profiles/*.json``) are data: which
requests, in which weights, at which rate, and the public figures they are sized from.

Locust is an optional dependency (``pip install 'ocpi-sdk[load]'``): only
:mod:`ocpi_sdk.load.locustfile` imports it, and only inside the Locust processes.
"""

from __future__ import annotations

from ocpi_sdk.load.outcomes import Outcomes
from ocpi_sdk.load.profile import Profile, load_profile, profile_names

__all__ = ["Outcomes", "Profile", "load_profile", "profile_names"]
