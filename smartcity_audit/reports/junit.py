"""Render the audit as JUnit XML: one test suite per dimension, one test case per requirement.

CI servers (GitLab, Jenkins, Azure DevOps) read this format to show each requirement as a test:
complete passes, waived is skipped, and incomplete, missing or unreadable fail with the reasons.
The output is valid against the Apache Ant JUnit schema (``tests/schemas/junit.xsd``). That
schema requires ``timestamp`` and ``hostname`` on every suite and allows no attributes on
``<testsuites>``, so the totals live on each suite; ``timestamp`` is the audit date at midnight
and ``time`` is always 0, so the same audit gives the same bytes.
"""

from __future__ import annotations

from lxml import etree

from smartcity_audit.i18n import format_date, tr
from smartcity_audit.model import AuditResult, DimensionScore, Finding, Status
from smartcity_audit.reports._common import (
    ReportOptions,
    evidence_location,
    reason_text,
    recommendation,
    safe,
    status_label,
)
from smartcity_audit.scoring import percent

HOSTNAME = "smartcity-audit"

# What ``safe`` leaves that XML 1.0 still forbids: lone surrogates (from undecodable file names)
# and the non-characters U+FFFE and U+FFFF. lxml refuses them, so they become visible escapes.


def one_line(text: str) -> str:
    """Make text legal in XML and collapse all whitespace into single spaces."""
    return " ".join(safe(text).split())


def _failure_text(finding: Finding, lang: str) -> str:
    """Write the long form of a gap: heading, reasons, candidate files with pages, next step."""
    requirement = finding.requirement
    severity = tr(lang, f"severity.{requirement.severity.value}")
    lines = [
        f"{requirement.id} {requirement.title.get(lang)} — {status_label(finding.status, lang)}"
        f" ({tr(lang, 'label.severity')}: {severity})"
    ]
    lines.extend(f"• {reason_text(reason, lang)}" for reason in finding.reasons)
    for candidate in finding.candidates:
        matched = tr(lang, f"matched.{candidate.evidence.matched_by.value}")
        location = evidence_location(candidate.evidence, lang)
        lines.append(f"{tr(lang, 'label.candidate')}: {location} ({matched})")
    # For an incomplete requirement the reasons already say what to fix.
    if finding.status is not Status.INCOMPLETE:
        advice = recommendation(finding, lang)
        if advice:
            lines.append(f"{tr(lang, 'label.next_steps')}: {advice}")
    return safe("\n".join(lines))


def _skipped_text(finding: Finding, lang: str) -> str:
    """Write why a requirement was waived, and until when."""
    parts = [reason_text(reason, lang) for reason in finding.reasons]
    if finding.waiver is not None and finding.waiver.waiver.until is not None:
        until = format_date(finding.waiver.waiver.until, lang)
        parts.append(tr(lang, "report.waiver_until", {"until": until}))
    return "; ".join(parts)


def _testcase(parent: etree._Element, finding: Finding, lang: str) -> None:
    """Add the test case of one requirement, with its failure or skip."""
    requirement = finding.requirement
    case = etree.SubElement(parent, "testcase")
    case.set("name", one_line(f"{requirement.id} {requirement.title.get(lang)}"))
    case.set("classname", one_line(requirement.dimension))
    case.set("time", "0")
    status = finding.status
    if status is Status.COMPLETE:
        return
    if status is Status.WAIVED:
        skipped = etree.SubElement(case, "skipped")
        text = _skipped_text(finding, lang)
        skipped.set("message", one_line(text))
        skipped.text = safe(text)
        return
    failure = etree.SubElement(case, "failure")
    reasons = "; ".join(reason_text(reason, lang) for reason in finding.reasons)
    failure.set("message", one_line(reasons or status_label(status, lang)))
    failure.set("type", status.value)
    failure.text = _failure_text(finding, lang)


def _properties(
    parent: etree._Element, result: AuditResult, dimension: DimensionScore, lang: str
) -> None:
    """Add the suite's properties: rubric, audit date, folder and the dimension's score."""
    properties = etree.SubElement(parent, "properties")
    score = percent(dimension.score)
    values = [
        ("rubric", result.rubric.id),
        ("rubric.version", result.rubric.version),
        ("as_of", result.as_of.isoformat()),
        ("root", result.root),
        ("language", lang),
        ("dimension", dimension.dimension.id),
        ("dimension.score_percent", "" if score is None else f"{score:.1f}"),
    ]
    for name, value in values:
        prop = etree.SubElement(properties, "property")
        prop.set("name", name)
        prop.set("value", one_line(value))


def _testsuite(
    parent: etree._Element, index: int, result: AuditResult, dimension: DimensionScore, lang: str
) -> None:
    """Add the suite of one dimension with its totals and one case per requirement."""
    own = [f for f in result.findings if f.requirement.dimension == dimension.dimension.id]
    failures = sum(f.status not in (Status.COMPLETE, Status.WAIVED) for f in own)
    skipped = sum(f.status is Status.WAIVED for f in own)
    suite = etree.SubElement(parent, "testsuite")
    suite.set("name", one_line(f"{dimension.dimension.id} {dimension.dimension.title.get(lang)}"))
    suite.set("package", one_line(result.rubric.id))
    suite.set("id", str(index))
    suite.set("tests", str(len(own)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    suite.set("time", "0")
    suite.set("timestamp", f"{result.as_of.isoformat()}T00:00:00")
    suite.set("hostname", HOSTNAME)
    _properties(suite, result, dimension, lang)
    for finding in own:
        _testcase(suite, finding, lang)
    # The schema requires both elements; the audit writes nothing to either.
    etree.SubElement(suite, "system-out")
    etree.SubElement(suite, "system-err")


def render(result: AuditResult, options: ReportOptions) -> bytes:
    """Render the JUnit XML report as UTF-8 bytes."""
    root = etree.Element("testsuites")
    for index, dimension in enumerate(result.dimensions):
        _testsuite(root, index, result, dimension, options.lang)
    return bytes(etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True))
