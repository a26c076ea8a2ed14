"""Render one CSV row per requirement, ready for Excel (UTF-8 with BOM, CRLF, quoted fields).

A cell that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return is prefixed with an
apostrophe so a spreadsheet never runs a file name as a formula (CSV injection).
"""

from __future__ import annotations

import csv
import io

from smartcity_audit.i18n import tr
from smartcity_audit.model import AuditResult
from smartcity_audit.reports._common import (
    ReportOptions,
    evidence_location,
    reason_text,
    safe,
    status_label,
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = (
    "dimension",
    "group",
    "id",
    "title",
    "severity",
    "status",
    "score",
    "reasons",
    "evidence",
)


def cell(text: str) -> str:
    """Make untrusted text safe for a spreadsheet cell."""
    text = safe(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def render(result: AuditResult, options: ReportOptions) -> bytes:
    """Render the CSV report."""
    lang = options.lang
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([tr(lang, f"csv.{column}") for column in COLUMNS])
    titles = {d.dimension.id: d.dimension.title.get(lang) for d in result.dimensions}
    for finding in result.findings:
        requirement = finding.requirement
        writer.writerow(
            [
                cell(titles.get(requirement.dimension, requirement.dimension)),
                cell(requirement.group or ""),
                cell(requirement.id),
                cell(requirement.title.get(lang)),
                tr(lang, f"severity.{requirement.severity.value}"),
                status_label(finding.status, lang),
                "" if finding.score is None else f"{finding.score * 100:.1f}",
                cell("; ".join(reason_text(r, lang) for r in finding.reasons)),
                cell("; ".join(evidence_location(e, lang) for e in finding.evidence)),
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
