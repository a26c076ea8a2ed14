"""Render an ``AuditResult`` in one format per module, behind one ``Reporter`` protocol."""

from __future__ import annotations

from collections.abc import Callable

from smartcity_audit.model import AuditResult
from smartcity_audit.reports import csv, docx, github, html, json, junit, markdown, sarif, terminal
from smartcity_audit.reports._common import ReportOptions

Reporter = Callable[[AuditResult, ReportOptions], bytes]

REPORTERS: dict[str, Reporter] = {
    "terminal": terminal.render,
    "json": json.render,
    "markdown": markdown.render,
    "csv": csv.render,
    "github": github.render,
    "junit": junit.render,
    "sarif": sarif.render,
    "html": html.render,
    "docx": docx.render,
}

__all__ = ["REPORTERS", "ReportOptions", "Reporter"]
