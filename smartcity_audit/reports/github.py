"""Render GitHub Actions workflow commands: one annotation per gap.

``::error file=PATH,title=ID::message`` annotates the evidence file of an incomplete or
unreadable requirement; a missing requirement has no file, so its annotation stands on the
run. Critical gaps are errors, major ones warnings, minor ones notices. Values are escaped as
GitHub's workflow-command syntax requires, so no file name can start a command of its own.
"""

from __future__ import annotations

from smartcity_audit.i18n import tr
from smartcity_audit.model import AuditResult, Severity
from smartcity_audit.reports._common import (
    ReportOptions,
    next_steps,
    reason_text,
    safe,
    status_label,
)

LEVEL = {Severity.CRITICAL: "error", Severity.MAJOR: "warning", Severity.MINOR: "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow-command message."""
    return safe(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow-command property value (``file=``, ``title=``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: AuditResult, options: ReportOptions) -> bytes:
    """Render one annotation per gap, most severe first."""
    lang = options.lang
    lines = []
    for finding in next_steps(result.findings):
        requirement = finding.requirement
        title = (
            f"{requirement.id} {requirement.title.get(lang)} — {status_label(finding.status, lang)}"
        )
        message = "; ".join(reason_text(r, lang) for r in finding.reasons) or status_label(
            finding.status, lang
        )
        properties = [f"title={escape_property(title)}"]
        candidate = finding.candidates[0] if finding.candidates else None
        if candidate is not None:
            # Paths in the report are relative to the scanned folder, as the checkout has them.
            root = result.root.rstrip("/")
            path = candidate.path if root in ("", ".") else f"{root}/{candidate.path}"
            properties.insert(0, f"file={escape_property(path)}")
        lines.append(
            f"::{LEVEL[requirement.severity]} {','.join(properties)}::{escape_data(message)}"
        )
    if not lines:
        lines.append(
            f"::notice title={escape_property(tr(lang, 'label.report_title'))}::{tr(lang, 'label.no_gaps')}"
        )
    return ("\n".join(lines) + "\n").encode("utf-8")
