"""``ocpi check``: conformance checks and roaming scenarios against a system under test.

>>> from ocpi_sdk.check import Options, run, report
>>> result = run(Options("https://cpo.example/ocpi/versions", token, role="cpo"))  # doctest: +SKIP
>>> print(report.text(result)); result.exit_status  # doctest: +SKIP

The checks are a catalogue of small declarative entries (:mod:`ocpi_sdk.check.entries`), each
with its id, title, what it sends, the rule it tests, its place in the spec and its severity;
:func:`catalogue` lists them. Profiles (:mod:`ocpi_sdk.check.profiles`) are data files adding
stricter rules with their sources. Reports: :mod:`ocpi_sdk.check.report`.
"""

from ocpi_sdk.check import report
from ocpi_sdk.check.catalogue import catalogue, select
from ocpi_sdk.check.context import CannotStart
from ocpi_sdk.check.model import Check, Exchange, Result, SpecRef
from ocpi_sdk.check.runner import Options, Run, run

__all__ = [
    "CannotStart",
    "Check",
    "Exchange",
    "Options",
    "Result",
    "Run",
    "SpecRef",
    "catalogue",
    "report",
    "run",
    "select",
]
