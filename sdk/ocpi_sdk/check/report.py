"""Reports of a run: text, JSON (a documented, stable schema), JUnit XML and one HTML page.

JSON report, schema version 1 (keys never removed or renamed within a schema version)::

    {
      "schema": "ocpi-check-report/1",
      "target": "https://cpo.example/ocpi/versions",
      "version": "2.2.1", "role": "cpo", "mode": "read-only", "profile": "default",
      "started": "2026-12-01T05:00:00Z", "finished": "2026-12-01T05:00:04Z",
      "summary": {"passed": 40, "failed": 1, "warnings": 2, "skipped": 3},
      "exit_status": 1,
      "notes": ["..."],
      "checks": [
        {"id": "page.link_usable", "title": "...", "severity": "required|recommended|profile",
         "result": "pass|fail|warn|skip", "spec": "OCPI 2.2.1 transport_and_format.asciidoc § ...",
         "message": "...", "details": ["..."], "seconds": 0.012,
         "evidence": [{"request": {"method", "url", "headers", "body"},
                       "response": {"status", "headers", "body"} | null,
                       "error": null | "...", "note": null | "..."}]}
      ]
    }

Tokens never appear: every exchange is redacted when recorded (``Token ***``).
"""

from __future__ import annotations

import html
import json
from datetime import datetime
from typing import Any
from xml.etree import ElementTree

from ocpi_sdk.check.model import Result
from ocpi_sdk.check.runner import Run

SCHEMA = "ocpi-check-report/1"
MARK = {"pass": "PASS", "fail": "FAIL", "warn": "WARN", "skip": "SKIP"}


def _stamp(when: datetime | None) -> str | None:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ") if when else None


def summary(run: Run) -> dict[str, int]:
    return {
        "passed": run.count("pass"),
        "failed": run.count("fail"),
        "warnings": run.count("warn"),
        "skipped": run.count("skip"),
    }


def summary_line(run: Run) -> str:
    s = summary(run)
    return (
        f"{s['passed']} passed, {s['failed']} failed, {s['warnings']} warnings, "
        f"{s['skipped']} skipped"
    )


def to_dict(run: Run) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "target": run.target,
        "version": run.version,
        "role": run.role,
        "mode": run.mode,
        "profile": run.profile,
        "started": _stamp(run.started),
        "finished": _stamp(run.finished),
        "summary": summary(run),
        "exit_status": run.exit_status,
        "notes": list(run.notes),
        "checks": [r.to_dict() for r in run.results],
    }


def to_json(run: Run) -> str:
    return json.dumps(to_dict(run), indent=2)


def progress_line(index: int, total: int, result: Result) -> str:
    width = len(str(total))
    return f"[{index:>{width}}/{total}] {MARK[result.outcome]} {result.check.id}: {result.message}"


def _ordered(run: Run) -> list[Result]:
    rank = {"fail": 0, "warn": 1, "skip": 2, "pass": 3}
    return sorted(run.results, key=lambda r: rank[r.outcome])


def text(run: Run) -> str:
    """What follows the progress lines: failures and warnings with evidence, then the summary."""
    lines = [""]
    for result in _ordered(run):
        if result.outcome not in ("fail", "warn"):
            continue
        lines.append(f"{MARK[result.outcome]} {result.check.id} ({result.check.severity}): ")
        lines[-1] += result.check.title
        lines.append(f"  {result.message}")
        lines.append(f"  rule: {result.check.rule}")
        lines.append(f"  spec: {result.spec}")
        lines.extend(f"  - {d}" for d in result.details)
        for exchange in result.evidence[:2]:
            lines.extend("    " + line for line in exchange.lines(body_limit=300))
        lines.append("")
    for note in run.notes:
        lines.append(f"note: {note}")
    lines.append(f"OCPI {run.version} {run.role.upper()} at {run.target} ({run.mode})")
    lines.append(summary_line(run))
    return "\n".join(lines)


def junit(run: Run) -> str:
    """JUnit XML: one testsuite, one testcase per check (fail: failure, warn: passes with a
    system-out note, skip: skipped)."""
    s = summary(run)
    seconds = sum(r.seconds for r in run.results)
    suite = ElementTree.Element(
        "testsuite",
        name=f"ocpi check {run.role} {run.version}",
        tests=str(len(run.results)),
        failures=str(s["failed"]),
        errors="0",
        skipped=str(s["skipped"]),
        time=f"{seconds:.3f}",
        timestamp=_stamp(run.started) or "",
    )
    for result in run.results:
        case = ElementTree.SubElement(
            suite,
            "testcase",
            classname=f"ocpi.{run.role}.{run.version}.{result.check.id.split('.')[0]}",
            name=result.check.id,
            time=f"{result.seconds:.3f}",
        )
        body = "\n".join(
            [result.message, f"spec: {result.spec}", *result.details]
            + [line for e in result.evidence for line in e.lines()]
        )
        if result.outcome == "fail":
            failure = ElementTree.SubElement(case, "failure", message=result.message)
            failure.text = body
        elif result.outcome == "skip":
            ElementTree.SubElement(case, "skipped", message=result.message)
        else:
            out = ElementTree.SubElement(case, "system-out")
            out.text = ("WARNING: " if result.outcome == "warn" else "") + body
    return ElementTree.tostring(suite, encoding="unicode", xml_declaration=True)


_STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
h1{font-size:1.4em}.sum span{margin-right:1em;font-weight:bold}
.pass{color:#176a1a}.fail{color:#b00020}.warn{color:#a05a00}.skip{color:#666}
details{border:1px solid #ddd;border-radius:4px;margin:.4em 0;padding:.3em .6em}
summary{cursor:pointer}pre{background:#f6f6f6;padding:.6em;overflow:auto;white-space:pre-wrap}
.meta{color:#555;font-size:.9em}
"""


def to_html(run: Run) -> str:
    """One self-contained page: summary, failures first, each check's evidence folded."""
    e = html.escape
    s = summary(run)
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>ocpi check: {e(run.role)} {e(run.version)}</title><style>{_STYLE}</style>",
        "</head><body>",
        f"<h1>ocpi check: OCPI {e(run.version)} {e(run.role.upper())}</h1>",
        f"<p class='meta'>{e(run.target)} · {e(run.mode)} · profile {e(run.profile)} · "
        f"{e(_stamp(run.started) or '')}</p>",
        "<p class='sum'>"
        f"<span class='pass'>{s['passed']} passed</span>"
        f"<span class='fail'>{s['failed']} failed</span>"
        f"<span class='warn'>{s['warnings']} warnings</span>"
        f"<span class='skip'>{s['skipped']} skipped</span></p>",
    ]
    for note in run.notes:
        parts.append(f"<p class='meta'>note: {e(note)}</p>")
    for result in _ordered(run):
        evidence = "\n\n".join("\n".join(x.lines()) for x in result.evidence)
        details = "".join(f"<li>{e(d)}</li>" for d in result.details)
        parts.append(
            f"<details><summary><b class='{result.outcome}'>{MARK[result.outcome]}</b> "
            f"{e(result.check.id)}: {e(result.check.title)} "
            f"<span class='meta'>({e(result.check.severity)})</span></summary>"
            f"<p>{e(result.message)}</p><ul>{details}</ul>"
            f"<p class='meta'>rule: {e(result.check.rule)}<br>spec: {e(result.spec)}<br>"
            f"sends: {e(result.check.sends)}</p>"
            + (f"<pre>{e(evidence)}</pre>" if evidence else "")
            + "</details>"
        )
    parts.append("</body></html>")
    return "\n".join(parts)
