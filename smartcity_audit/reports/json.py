"""Render the versioned JSON report (schema: ``schemas/report-1.schema.json``).

The JSON report carries everything the other formats show, so reports can be rendered again
from it without rescanning. Keys are stable; new keys may be added within a version.
"""

from __future__ import annotations

import json
from typing import Any

from smartcity_audit.i18n import describe_problem, problem_hint, tr
from smartcity_audit.i18n import render as render_reason
from smartcity_audit.model import (
    AuditResult,
    Candidate,
    CheckResult,
    DocumentSummary,
    Evidence,
    Finding,
    Problem,
    Reason,
    Status,
    Text,
)
from smartcity_audit.reports._common import ReportOptions
from smartcity_audit.rubric.describe import match_to_dict, require_to_dict
from smartcity_audit.scoring import percent

REPORT_VERSION = 1


def _text(value: Text | None, lang: str) -> str | None:
    return value.get(lang) if value is not None else None


def _params(reason: Reason) -> dict[str, Any]:
    """Keep parameters re-renderable: a nested reason stays a ``{code, params}`` object."""
    return {
        k: {"code": v.code, "params": _params(v)} if isinstance(v, Reason) else v
        for k, v in reason.params.items()
    }


def _translations(value: Text | None) -> dict[str, str] | None:
    return dict(value.translations) if value is not None else None


def _reason(reason: Reason, lang: str) -> dict[str, Any]:
    return {
        "code": reason.code,
        "params": _params(reason),
        "message": render_reason(reason, lang),
    }


def _check(check: CheckResult, lang: str) -> dict[str, Any]:
    return {
        "check": check.check,
        "passed": check.passed,
        "page": check.page,
        **_reason(check.reason, lang),
    }


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return {
        "path": evidence.path,
        "matched_by": evidence.matched_by.value,
        "page": evidence.page,
        "excerpt": evidence.excerpt,
    }


def _problem(problem: Problem, lang: str) -> dict[str, Any]:
    return {
        "code": problem.kind.value,
        "detail": problem.detail,
        "pages": problem.pages,
        "message": describe_problem(problem, lang),
        "hint": problem_hint(problem, lang),
    }


def _candidate(candidate: Candidate, lang: str) -> dict[str, Any]:
    return {
        "path": candidate.path,
        "matched_by": candidate.evidence.matched_by.value,
        "passed": candidate.passed,
        "share_passed": round(candidate.share_passed, 4),
        "problem": _problem(candidate.problem, lang) if candidate.problem else None,
        "checks": [_check(c, lang) for c in candidate.checks],
    }


def _finding(finding: Finding, lang: str) -> dict[str, Any]:
    requirement = finding.requirement
    best = next((c for c in finding.candidates if c.readable), None)
    failed = (
        [c for c in best.checks if not c.passed]
        if best and finding.status is Status.INCOMPLETE
        else []
    )
    waiver = None
    if finding.waiver is not None:
        w = finding.waiver.waiver
        waiver = {
            "reason": w.reason,
            "approved_by": w.approved_by,
            "until": w.until.isoformat() if w.until else None,
            "applied": finding.waiver.applied,
        }
    return {
        "id": requirement.id,
        "dimension": requirement.dimension,
        "group": requirement.group,
        "component": requirement.component.value if requirement.component else None,
        "tags": list(requirement.tags),
        "title": requirement.title.get(lang),
        "description": _text(requirement.description, lang),
        "title_i18n": _translations(requirement.title),
        "description_i18n": _translations(requirement.description),
        "severity": requirement.severity.value,
        "weight": requirement.weight,
        "min_documents": requirement.min_documents,
        "match": match_to_dict(requirement.match),
        "require": require_to_dict(requirement.require),
        "status": finding.status.value,
        "status_label": tr(lang, f"status.{finding.status.value}"),
        "score": None if finding.score is None else round(finding.score, 4),
        "reasons": [_reason(r, lang) for r in finding.reasons],
        "failed_checks": [_check(c, lang) for c in failed],
        "evidence": [_evidence(e) for e in finding.evidence],
        "candidates": [_candidate(c, lang) for c in finding.candidates],
        "waiver": waiver,
    }


def _document(document: DocumentSummary, lang: str) -> dict[str, Any]:
    return {
        "path": document.path,
        "format": document.format.value,
        "kind": document.kind.value if document.kind else None,
        "size": document.size,
        "readable": document.readable,
        "title": document.title,
        "pages": document.page_count,
        "words": document.words,
        "year": document.year,
        "problems": [_problem(p, lang) for p in document.problems],
    }


def _counts(counts: Any) -> dict[str, int]:
    return {status.value: counts.get(status, 0) for status in Status}


def to_dict(result: AuditResult, lang: str) -> dict[str, Any]:
    """Build the JSON-ready report dictionary."""
    rubric = result.rubric
    return {
        "report_version": REPORT_VERSION,
        "tool": {"name": "smartcity-audit", "version": result.tool_version},
        "language": lang,
        "root": result.root,
        "as_of": result.as_of.isoformat(),
        "config": result.config_source,
        "rubric": {
            "id": rubric.id,
            "title": rubric.title.get(lang),
            "title_i18n": _translations(rubric.title),
            "language": rubric.language,
            "version": rubric.version,
            "source": rubric.source,
        },
        "overall": {
            "score": None if result.overall is None else round(result.overall, 4),
            "percent": percent(result.overall),
            "counts": _counts(result.counts),
        },
        "gates": {
            "fail_under": result.fail_under,
            "fail_on": result.fail_on.value if result.fail_on else None,
            "fail_under_dimension": dict(result.fail_under_dimension),
            "baseline": result.baseline,
            "passed": result.passed,
            "failures": [{"gate": g.gate, **_reason(g.reason, lang)} for g in result.gate_failures],
        },
        "dimensions": [
            {
                "id": d.dimension.id,
                "title": d.dimension.title.get(lang),
                "title_i18n": _translations(d.dimension.title),
                "weight": d.dimension.weight,
                "score": None if d.score is None else round(d.score, 4),
                "percent": percent(d.score),
                "counts": _counts(d.counts),
            }
            for d in result.dimensions
        ],
        "requirements": [_finding(f, lang) for f in result.findings],
        "documents": [_document(d, lang) for d in result.documents],
        "unused_waivers": [
            {
                "requirement": w.requirement,
                "reason": w.reason,
                "until": w.until.isoformat() if w.until else None,
            }
            for w in result.unused_waivers
        ],
    }


def render(result: AuditResult, options: ReportOptions) -> bytes:
    """Render the JSON report as UTF-8 bytes with a trailing newline."""
    return (dumps_indented(to_dict(result, options.lang)) + "\n").encode("utf-8")


def dumps_indented(value: Any) -> str:
    """Return ``json.dumps(value, ensure_ascii=False, indent=2)``, about three times faster.

    With ``indent`` the standard library encodes in Python through nested generators, whose
    cost grows with nesting depth; a report lists tens of thousands of nested values. This
    writes the same text into one list (JSON values only: dicts with string keys, lists,
    strings, numbers, booleans and None).
    """
    out: list[str] = []
    _encode(value, out, "\n")
    return "".join(out)


def _encode(value: Any, out: list[str], newline: str) -> None:
    if isinstance(value, str):
        out.append(_string(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            out.append(separator)
            separator = "," + inner
            out.append(_string(key) + ": ")
            _encode(item, out, inner)
        out.append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            out.append(separator)
            separator = "," + inner
            _encode(item, out, inner)
        out.append(newline + "]")
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int | float):
        out.append(json.dumps(value) if isinstance(value, float) else int.__repr__(value))
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


_string = json.encoder.encode_basestring  # what json.dumps uses with ensure_ascii=False
