"""Render the audit as SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Every requirement is a rule; every gap (incomplete, missing, unreadable) is a result located at
the evidence file, or at the configuration or rubric when no file is a candidate. Waived
requirements are not results: GitHub code scanning ignores SARIF ``suppressions`` and would open
an alert for them, whereas an absent result closes the alert. They are listed in the run's
properties instead. Each result carries a fingerprint of rubric, dimension and requirement only,
so an alert keeps its identity while its reasons or its candidate file change.

Paths are written relative to ``%SRCROOT%``, the folder the audit ran in (the repository root in
CI), as the scanned folder's label joined with the document's path; a folder given as an absolute
path gives ``file://`` URIs instead, since a base id only applies to relative references. The
output has no timestamps and a fixed key order, so the same audit gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from smartcity_audit.i18n import describe_problem, format_date, problem_hint, tr
from smartcity_audit.model import (
    AuditResult,
    Candidate,
    DocumentSummary,
    Finding,
    Requirement,
    Rubric,
    Severity,
    Status,
)
from smartcity_audit.reports._common import (
    ReportOptions,
    evidence_location,
    is_gap,
    reason_text,
    safe,
    status_label,
)
from smartcity_audit.scoring import percent

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
TOOL_NAME = "smartcity-audit"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "smartcityAudit/v1"

LEVELS = {Severity.CRITICAL: "error", Severity.MAJOR: "warning", Severity.MINOR: "note"}

# Lone surrogates (from undecodable file names) cannot be encoded as UTF-8; U+FFFE and U+FFFF
# are non-characters. Both become visible escapes, like the control characters ``safe`` handles.
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:/")
_LANGUAGE = re.compile(r"^[a-zA-Z]{2}(-[a-zA-Z]{2})?$")


def fingerprint(rubric: Rubric, requirement: Requirement) -> str:
    """Identify a requirement's gap across runs: rubric, dimension and requirement ids only."""
    key = "\x00".join((rubric.id, requirement.dimension, requirement.id))
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()


def artifact_location(path: str) -> dict[str, Any]:
    """Locate a posix path relative to the working folder, or absolute, as a SARIF artifact."""
    if path.startswith("/"):
        return {"uri": "file://" + _quote(path)}
    if _WINDOWS_DRIVE.match(path):
        return {"uri": f"file:///{path[:2]}" + _quote(path[2:])}
    return {"uri": _quote(path), "uriBaseId": SRCROOT}


def _quote(path: str) -> str:
    # The real bytes of an undecodable name, so the URI still names the file.
    return quote(path, safe="/", errors="surrogateescape")


def _document_path(root: str, path: str) -> str:
    """Join the scanned folder's label and a document's path (``.`` and ``./`` vanish)."""
    if not root:
        return path
    return PurePosixPath(root, path).as_posix()


def _rule_name(requirement: Requirement, lang: str) -> str:
    """Make a PascalCase identifier from the title, as SARIF suggests for ``name``."""
    ascii_title = (
        unicodedata.normalize("NFKD", requirement.title.get(lang))
        .encode("ascii", "ignore")
        .decode()
    )
    words = re.findall(r"[A-Za-z0-9]+", ascii_title)
    name = "".join(word[:1].upper() + word[1:] for word in words)
    return name or re.sub(r"[^A-Za-z0-9]", "", requirement.id) or "Requirement"


def _phrases(items: Iterable[str]) -> str:
    return ", ".join(f"'{item}'" for item in items)


def require_in_words(requirement: Requirement, lang: str) -> list[str]:
    """Describe each ``require`` check of a requirement in words."""
    require = requirement.require
    words: list[str] = []
    if require.sections:
        words.append(tr(lang, "require.sections", {"items": _phrases(require.sections)}))
    if require.text_all:
        words.append(tr(lang, "require.text_all", {"items": _phrases(require.text_all)}))
    if require.text_any:
        words.append(tr(lang, "require.text_any", {"items": _phrases(require.text_any)}))
    if require.text_none:
        words.append(tr(lang, "require.text_none", {"items": _phrases(require.text_none)}))
    if require.min_pages is not None:
        words.append(tr(lang, "require.min_pages", {"min": require.min_pages}))
    if require.min_words is not None:
        words.append(tr(lang, "require.min_words", {"min": require.min_words}))
    if require.year is not None:
        if require.year.min is not None:
            words.append(tr(lang, "require.year_min", {"min": require.year.min}))
        if require.year.max is not None:
            words.append(tr(lang, "require.year_max", {"max": require.year.max}))
        if require.year.within_years is not None:
            words.append(tr(lang, "require.year_within", {"within": require.year.within_years}))
    if require.signed:
        words.append(tr(lang, "require.signed"))
    return words


def help_text(requirement: Requirement, lang: str) -> str:
    """Explain what evidence a requirement needs and what makes it complete."""
    lines = [
        tr(
            lang,
            "report.help.evidence",
            {"title": requirement.title.get(lang), "count": requirement.min_documents},
        )
    ]
    description = requirement.description
    if description is not None:
        lines.append(description.get(lang))
    match = requirement.match
    if match.formats:
        formats = ", ".join(f.value.upper() for f in match.formats)
        lines.append(tr(lang, "report.help.formats", {"formats": formats}))
    if match.kinds:
        kinds = ", ".join(tr(lang, f"kind.{k.value}") for k in match.kinds)
        lines.append(tr(lang, "report.help.kinds", {"kinds": kinds}))
    checks = require_in_words(requirement, lang)
    if checks:
        lines.append(tr(lang, "report.help.complete_when"))
        lines.extend(f"- {check}" for check in checks)
    else:
        lines.append(tr(lang, "report.help.no_checks"))
    severity = tr(lang, f"severity.{requirement.severity.value}")
    lines.append(f"{tr(lang, 'label.severity')}: {severity}")
    lines.append(tr(lang, "report.help.pin", {"id": requirement.id}))
    return safe("\n".join(lines))


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _rule(requirement: Requirement, lang: str) -> dict[str, Any]:
    title = safe(requirement.title.get(lang))
    description = requirement.description
    properties: dict[str, Any] = {"dimension": requirement.dimension}
    if requirement.group is not None:
        properties["group"] = safe(requirement.group)
    if requirement.component is not None:
        properties["component"] = requirement.component.value
    properties["severity"] = requirement.severity.value
    properties["weight"] = requirement.weight
    properties["minDocuments"] = requirement.min_documents
    properties["tags"] = _unique(safe(tag) for tag in requirement.tags)
    return {
        "id": requirement.id,
        "name": _rule_name(requirement, lang),
        "shortDescription": {"text": title},
        "fullDescription": {
            "text": safe(description.get(lang)) if description is not None else title
        },
        "help": {"text": help_text(requirement, lang)},
        "defaultConfiguration": {"level": LEVELS[requirement.severity]},
        "properties": properties,
    }


def _primary_candidate(finding: Finding) -> Candidate | None:
    """Pick the file the reasons are about: the best candidate that did not pass."""
    for candidate in finding.candidates:
        if not candidate.passed:
            return candidate
    return finding.candidates[0] if finding.candidates else None


def _candidate_location(result: AuditResult, candidate: Candidate, lang: str) -> dict[str, Any]:
    evidence = candidate.evidence
    matched = tr(lang, f"matched.{evidence.matched_by.value}")
    text = f"{tr(lang, 'label.candidate')}: {evidence_location(evidence, lang)} ({matched})"
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": artifact_location(_document_path(result.root, candidate.path)),
            "region": {"startLine": 1},
        },
        "message": {"text": safe(text)},
    }
    if evidence.page is not None:
        location["properties"] = {"page": evidence.page}
    return location


def _fallback_location(result: AuditResult, lang: str) -> dict[str, Any]:
    """Locate a gap without a candidate at the configuration, else at the rubric."""
    if result.config_source:
        path, code = result.config_source, "report.location.config"
    else:
        path, code = result.rubric.source, "report.location.rubric"
    return {
        "physicalLocation": {
            "artifactLocation": artifact_location(path),
            "region": {"startLine": 1},
        },
        "message": {"text": tr(lang, code)},
    }


def _message(finding: Finding, primary: Candidate | None, lang: str) -> str:
    requirement = finding.requirement
    head = f"{requirement.title.get(lang)} — {status_label(finding.status, lang)}"
    reasons = "; ".join(reason_text(reason, lang) for reason in finding.reasons)
    text = f"{head}: {reasons}." if reasons else f"{head}."
    if primary is not None:
        label = tr(lang, "label.candidate").capitalize()
        text += f" {label}: {evidence_location(primary.evidence, lang)}."
    return safe(text)


def _result(
    result: AuditResult, finding: Finding, rule_index: Sequence[str], lang: str
) -> dict[str, Any]:
    requirement = finding.requirement
    primary = _primary_candidate(finding)
    properties: dict[str, Any] = {
        "status": finding.status.value,
        "severity": requirement.severity.value,
        "dimension": requirement.dimension,
    }
    if primary is not None:
        location = _candidate_location(result, primary, lang)
        if primary.evidence.page is not None:
            properties["page"] = primary.evidence.page
    else:
        location = _fallback_location(result, lang)
    sarif_result: dict[str, Any] = {
        "ruleId": requirement.id,
        "ruleIndex": rule_index.index(requirement.id),
        "level": LEVELS[requirement.severity],
        "message": {"text": _message(finding, primary, lang)},
        "locations": [location],
    }
    related = [
        _candidate_location(result, candidate, lang)
        for candidate in finding.candidates
        if candidate is not primary
    ]
    if related:
        sarif_result["relatedLocations"] = related
    sarif_result["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint(result.rubric, requirement)}
    sarif_result["properties"] = properties
    return sarif_result


def _notifications(result: AuditResult, lang: str) -> list[dict[str, Any]]:
    """Report document problems (unreadable, unsupported) as tool execution notifications."""
    notifications = []
    for document in result.documents:
        for problem in document.problems:
            text = f"{document.path}: {describe_problem(problem, lang)}"
            hint = problem_hint(problem, lang)
            if hint:
                text += f" ({hint})"
            notifications.append(
                {
                    "level": "warning" if not document.readable else "note",
                    "message": {"text": safe(text)},
                    "locations": [_document_location(result, document)],
                    "properties": {"problem": problem.kind.value},
                }
            )
    return notifications


def _document_location(result: AuditResult, document: DocumentSummary) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": artifact_location(_document_path(result.root, document.path))
        }
    }


def _waived(result: AuditResult, lang: str) -> list[dict[str, Any]]:
    """List waived requirements with the waiver's reason, approver and end date."""
    waived = []
    for finding in result.findings:
        if finding.status is not Status.WAIVED:
            continue
        entry: dict[str, Any] = {
            "ruleId": finding.requirement.id,
            "reason": safe("; ".join(reason_text(r, lang) for r in finding.reasons)),
        }
        if finding.waiver is not None:
            waiver = finding.waiver.waiver
            entry["approvedBy"] = safe(waiver.approved_by) if waiver.approved_by else None
            entry["until"] = waiver.until.isoformat() if waiver.until else None
            if waiver.until is not None:
                until = format_date(waiver.until, lang)
                entry["reason"] += "; " + tr(lang, "report.waiver_until", {"until": until})
        waived.append(entry)
    return waived


def to_dict(result: AuditResult, lang: str) -> dict[str, Any]:
    """Build the SARIF log as a JSON-ready dictionary."""
    rubric = result.rubric
    requirements = rubric.requirements
    rule_index = [r.id for r in requirements]
    driver: dict[str, Any] = {
        "name": TOOL_NAME,
        "version": result.tool_version,
        "semanticVersion": result.tool_version,
        "rules": [_rule(r, lang) for r in requirements],
    }
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": _notifications(result, lang),
            }
        ],
        "originalUriBaseIds": {SRCROOT: {"description": {"text": tr(lang, "report.srcroot")}}},
        "results": [_result(result, f, rule_index, lang) for f in result.findings if is_gap(f)],
        "properties": {
            "root": safe(result.root),
            "asOf": result.as_of.isoformat(),
            "rubric": {
                "id": rubric.id,
                "version": rubric.version,
                "title": safe(rubric.title.get(lang)),
                "source": safe(rubric.source),
            },
            "config": safe(result.config_source) if result.config_source else None,
            "scorePercent": percent(result.overall),
            "counts": {status.value: result.counts.get(status, 0) for status in Status},
            "gates": {
                "passed": result.passed,
                "failures": [safe(reason_text(g.reason, lang)) for g in result.gate_failures],
            },
            "waived": _waived(result, lang),
        },
    }
    if _LANGUAGE.match(lang):
        run["language"] = lang
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render(result: AuditResult, options: ReportOptions) -> bytes:
    """Render the SARIF log as UTF-8 JSON with a trailing newline."""
    text = json.dumps(to_dict(result, options.lang), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")
