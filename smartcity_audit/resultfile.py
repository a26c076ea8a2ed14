"""Read a saved JSON report back into an ``AuditResult``, so any format renders without rescanning.

The JSON report keeps message codes with their parameters and rubric texts in every language
they were given in, so a report saved in Bahasa Indonesia renders again in English.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from smartcity_audit.errors import ReportError
from smartcity_audit.model import (
    AuditResult,
    Candidate,
    CheckResult,
    Component,
    Dimension,
    DimensionScore,
    DocFormat,
    DocKind,
    DocumentSummary,
    Evidence,
    Finding,
    GateOutcome,
    MatchKey,
    Problem,
    ProblemKind,
    Reason,
    ReasonParam,
    Requirement,
    Rubric,
    Severity,
    Status,
    Text,
    Waiver,
    WaiverOutcome,
)
from smartcity_audit.rubric.describe import match_from_dict, require_from_dict
from smartcity_audit.validation import load_schema

MAX_BYTES = 256 * 1024 * 1024


def load_result(path: Path) -> AuditResult:
    """Load a JSON report written by ``--format json``; raise ``ReportError`` when it is not one."""
    label = path.as_posix()
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ReportError("error.result_invalid", {"path": label, "detail": "too large"})
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError as exc:
        raise ReportError("error.file_missing", {"path": label}) from exc
    except OSError as exc:
        raise ReportError(
            "error.result_invalid", {"path": label, "detail": exc.strerror or str(exc)}
        ) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReportError(
            "error.result_invalid", {"path": label, "detail": str(exc)}, hint="hint.result"
        ) from exc
    errors = sorted(
        Draft202012Validator(load_schema("report-1.schema.json")).iter_errors(data), key=str
    )
    if errors:
        where = "/".join(str(p) for p in errors[0].absolute_path) or "(root)"
        detail = f"{where}: {errors[0].message}"
        raise ReportError(
            "error.result_invalid", {"path": label, "detail": detail}, hint="hint.result"
        )
    return result_from_dict(data)


def _text(default: str | None, translations: Mapping[str, str] | None) -> Text | None:
    if default is None:
        return None
    return Text(default, dict(translations or {}))


def _param(value: Any) -> ReasonParam:
    if isinstance(value, dict):
        return _reason(value)
    return value  # type: ignore[no-any-return]


def _reason(data: Mapping[str, Any]) -> Reason:
    return Reason(data["code"], {k: _param(v) for k, v in data.get("params", {}).items()})


def _problem(data: Mapping[str, Any]) -> Problem:
    return Problem(ProblemKind(data["code"]), data.get("detail", ""), data.get("pages"))


def _evidence(data: Mapping[str, Any]) -> Evidence:
    return Evidence(data["path"], MatchKey(data["matched_by"]), data["page"], data["excerpt"])


def _candidate(data: Mapping[str, Any], evidence: Mapping[str, Evidence]) -> Candidate:
    checks = tuple(
        CheckResult(c["check"], c["passed"], _reason(c), c["page"]) for c in data["checks"]
    )
    shown = evidence.get(data["path"]) or Evidence(data["path"], MatchKey(data["matched_by"]))
    problem = _problem(data["problem"]) if data["problem"] else None
    return Candidate(data["path"], shown, checks, problem)


def _requirement(data: Mapping[str, Any]) -> Requirement:
    title = _text(data["title"], data.get("title_i18n"))
    assert title is not None
    return Requirement(
        id=data["id"],
        dimension=data["dimension"],
        title=title,
        description=_text(data["description"], data.get("description_i18n")),
        severity=Severity(data["severity"]),
        weight=float(data["weight"]),
        min_documents=int(data["min_documents"]),
        match=match_from_dict(data.get("match", {})),
        require=require_from_dict(data.get("require", {})),
        group=data["group"],
        component=Component(data["component"]) if data.get("component") else None,
        tags=tuple(data["tags"]),
    )


def _finding(data: Mapping[str, Any]) -> Finding:
    evidence = tuple(_evidence(e) for e in data["evidence"])
    by_path = {e.path: e for e in evidence}
    waiver = None
    if data["waiver"] is not None:
        w = data["waiver"]
        until = dt.date.fromisoformat(w["until"]) if w["until"] else None
        waiver = WaiverOutcome(
            Waiver(data["id"], w["reason"], w["approved_by"], until), w["applied"]
        )
    return Finding(
        requirement=_requirement(data),
        status=Status(data["status"]),
        score=data["score"],
        reasons=tuple(_reason(r) for r in data["reasons"]),
        evidence=evidence,
        candidates=tuple(_candidate(c, by_path) for c in data["candidates"]),
        waiver=waiver,
    )


def _counts(data: Mapping[str, int]) -> dict[Status, int]:
    return {status: int(data.get(status.value, 0)) for status in Status}


def result_from_dict(data: Mapping[str, Any]) -> AuditResult:
    """Build an ``AuditResult`` from a validated JSON report."""
    findings = tuple(_finding(r) for r in data["requirements"])
    dimensions = []
    for d in data["dimensions"]:
        title = _text(d["title"], d.get("title_i18n"))
        assert title is not None
        own = tuple(f.requirement for f in findings if f.requirement.dimension == d["id"])
        dimension = Dimension(d["id"], title, float(d["weight"]), own)
        dimensions.append(DimensionScore(dimension, d["score"], _counts(d["counts"])))
    rubric_data = data["rubric"]
    rubric_title = _text(rubric_data["title"], rubric_data.get("title_i18n"))
    assert rubric_title is not None
    rubric = Rubric(
        id=rubric_data["id"],
        title=rubric_title,
        version=rubric_data["version"],
        language=rubric_data.get("language", data["language"]),
        dimensions=tuple(d.dimension for d in dimensions),
        source=rubric_data["source"],
    )
    documents = tuple(
        DocumentSummary(
            path=doc["path"],
            format=DocFormat(doc["format"]),
            size=doc["size"],
            readable=doc["readable"],
            title=doc["title"],
            page_count=doc["pages"],
            words=doc["words"],
            year=doc["year"],
            problems=tuple(_problem(p) for p in doc["problems"]),
            kind=DocKind(doc["kind"]) if doc.get("kind") else None,
        )
        for doc in data["documents"]
    )
    gates = data["gates"]
    return AuditResult(
        tool_version=data["tool"]["version"],
        root=data["root"],
        as_of=dt.date.fromisoformat(data["as_of"]),
        rubric=rubric,
        language=data["language"],
        findings=findings,
        dimensions=tuple(dimensions),
        overall=data["overall"]["score"],
        counts=_counts(data["overall"]["counts"]),
        documents=documents,
        gate_failures=tuple(GateOutcome(g["gate"], _reason(g)) for g in gates["failures"]),
        fail_under=gates["fail_under"],
        fail_on=Severity(gates["fail_on"]) if gates["fail_on"] else None,
        fail_under_dimension={
            k: float(v) for k, v in gates.get("fail_under_dimension", {}).items()
        },
        baseline=gates.get("baseline"),
        config_source=data["config"],
        unused_waivers=tuple(
            Waiver(
                w["requirement"],
                w["reason"],
                None,
                dt.date.fromisoformat(w["until"]) if w["until"] else None,
            )
            for w in data["unused_waivers"]
        ),
    )
