"""Every requirement of the bundled rubrics has a passing and a failing evidence document.

The behaviour lives in ``bundled_cases.yaml`` next to this module: for every requirement of
``gm100sc`` and every requirement that ``buleleng`` adds or overrides, a realistic minimal
document that must make the requirement *complete*, and a realistic near miss (a draft with an
empty date, an outdated report, a decree in the wrong folder, a scanned decree...) with the
status it must get and, when *incomplete*, the reasons it must give. Some requirements list
``more`` variants: further documents a careful assessor would judge the same way.

Each case side is written with ``docgen`` into its own folder and audited alone, so a verdict
only depends on that side's documents. A requirement added to a bundled rubric without cases
fails ``test_every_requirement_has_cases``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from docgen import Doc, write_docx, write_pdf, write_scanned_pdf

from smartcity_audit.engine import AuditRequest, run_audit
from smartcity_audit.model import Finding, Requirement, Rubric, Status
from smartcity_audit.rubric import load_rubric

CASES_FILE = Path(__file__).resolve().parent / "bundled_cases.yaml"
DATA: dict[str, Any] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
AS_OF: dt.date = DATA["as_of"]
RUBRIC_CASES: dict[str, dict[str, dict[str, Any]]] = DATA["rubrics"]

BASE = "gm100sc"
BULELENG_OWN = {
    "IND-05",
    "IND-16",
    "GOV-BLL-1",
    "BRD-BLL-1",
    "ECO-BLL-1",
    "LIV-BLL-1",
    "SOC-BLL-1",
    "SOC-BLL-2",
    "ENV-BLL-1",
}
CASE_KEYS = {"pass", "fail", "fail_status", "fail_checks", "why", "more"}
VARIANT_KEYS = {"name", "why", "documents", "status", "checks"}
DOC_KEYS = {"path", "format", "title", "blocks", "scanned", "pages", "created"}
FAIL_STATUSES = {Status.INCOMPLETE, Status.MISSING, Status.UNREADABLE}
SIDE_PARAMS = ("rubric_id", "requirement_id", "specs", "status", "checks", "why")


def _documents(spec: dict[str, Any] | list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the document specs of one case side (one mapping or a list of them)."""
    return spec if isinstance(spec, list) else [spec]


def _sides() -> list[Any]:
    """Return one parameter per judged folder: each case's pass, fail and ``more`` variants."""
    params = []
    for rubric_id, cases in RUBRIC_CASES.items():
        for requirement_id, case in cases.items():
            sides = [
                ("pass", case["pass"], "complete", None, "passing document"),
                ("fail", case["fail"], case["fail_status"], case.get("fail_checks"), case["why"]),
            ]
            sides += [
                (f"more-{v['name']}", v["documents"], v["status"], v.get("checks"), v["why"])
                for v in case.get("more", ())
            ]
            for side, documents, status, checks, why in sides:
                params.append(
                    pytest.param(
                        rubric_id,
                        requirement_id,
                        _documents(documents),
                        Status(status),
                        checks,
                        why,
                        id=f"{rubric_id}-{requirement_id}-{side}",
                    )
                )
    return params


def _cases() -> list[Any]:
    return [
        pytest.param(case, id=f"{rubric_id}-{requirement_id}")
        for rubric_id, cases in RUBRIC_CASES.items()
        for requirement_id, case in cases.items()
    ]


@pytest.fixture(scope="module")
def rubrics() -> dict[str, Rubric]:
    """Load each bundled rubric once for the whole module."""
    return {rubric_id: load_rubric(rubric_id) for rubric_id in (BASE, *RUBRIC_CASES)}


def _requirements(rubric: Rubric) -> dict[str, Requirement]:
    return {requirement.id: requirement for requirement in rubric.requirements}


def _own_requirements(rubric_id: str, rubrics: dict[str, Rubric]) -> set[str]:
    """Return the ids a rubric needs cases for: all of the base, else what it adds or overrides."""
    own = _requirements(rubrics[rubric_id])
    if rubric_id == BASE:
        return set(own)
    base = _requirements(rubrics[BASE])
    return {rid for rid, requirement in own.items() if base.get(rid) != requirement}


def _write(folder: Path, spec: dict[str, Any]) -> str:
    """Write one document spec into ``folder`` with docgen; return its relative posix path."""
    target = folder / spec["path"]
    if spec.get("scanned"):
        write_scanned_pdf(target, pages=spec.get("pages", 2))
    else:
        created = spec.get("created", dt.date(2024, 1, 15))
        doc = Doc(
            blocks=spec["blocks"],
            title=spec.get("title"),
            created=dt.datetime.combine(created, dt.time(9, 0)),
        )
        (write_docx if spec["format"] == "docx" else write_pdf)(target, doc)
    return target.relative_to(folder).as_posix()


def _explain(finding: Finding) -> str:
    reasons = "; ".join(f"{r.code} {dict(r.params)}" for r in finding.reasons)
    candidates = ", ".join(
        f"{c.path} [{' '.join(('+' if k.passed else '-') + k.reason.code for k in c.checks)}]"
        for c in finding.candidates
    )
    return f"got {finding.status.value}; reasons: {reasons or '-'}; candidates: {candidates or '-'}"


def test_every_requirement_has_cases(rubrics: dict[str, Rubric]) -> None:
    """Cases exist for exactly the requirements of gm100sc and what buleleng adds or overrides."""
    assert set(RUBRIC_CASES) == {BASE, "buleleng"}
    for rubric_id, cases in RUBRIC_CASES.items():
        assert set(cases) == _own_requirements(rubric_id, rubrics), rubric_id


def test_buleleng_extends_gm100sc_as_documented(rubrics: dict[str, Rubric]) -> None:
    """buleleng drops IND-11, overrides IND-05 and adds eight requirements to the 57 of gm100sc."""
    base = _requirements(rubrics[BASE])
    buleleng = _requirements(rubrics["buleleng"])
    assert len(base) == 57
    assert set(base) - set(buleleng) == {"IND-11"}
    assert _own_requirements("buleleng", rubrics) == BULELENG_OWN


@pytest.mark.parametrize("case", _cases())
def test_case_is_well_formed(case: dict[str, Any]) -> None:
    """Each case names its near miss, the expected status and, if incomplete, the reasons."""
    assert set(case) <= CASE_KEYS and {"pass", "fail", "fail_status", "why"} <= set(case)
    variants = [
        {"status": case["fail_status"], "checks": case.get("fail_checks")},
        *case.get("more", ()),
    ]
    for variant in case.get("more", ()):
        assert set(variant) <= VARIANT_KEYS
        assert {"name", "why", "documents", "status"} <= set(variant)
    for variant in variants:
        status = Status(variant["status"])
        assert status is Status.COMPLETE or status in FAIL_STATUSES
        assert (variant.get("checks") is not None) == (status is Status.INCOMPLETE)
    assert Status(case["fail_status"]) in FAIL_STATUSES
    sides = [case["pass"], case["fail"], *(v["documents"] for v in case.get("more", ()))]
    for spec in (doc for side in sides for doc in _documents(side)):
        assert set(spec) <= DOC_KEYS and {"path", "format"} <= set(spec)
        assert spec["format"] in ("docx", "pdf")
        assert spec["path"].lower().endswith("." + spec["format"])
        if spec.get("scanned"):
            assert spec["format"] == "pdf" and "blocks" not in spec
        else:
            assert spec["blocks"] and all(isinstance(block, str) for block in spec["blocks"])


@pytest.mark.parametrize(SIDE_PARAMS, _sides())
def test_verdict(
    rubric_id: str,
    requirement_id: str,
    specs: list[dict[str, Any]],
    status: Status,
    checks: list[str] | None,
    why: str,
    rubrics: dict[str, Rubric],
    tmp_path: Path,
) -> None:
    """The documents of one case side, alone in a folder, get the expected verdict."""
    root = tmp_path / "evidence"
    paths = [_write(root, spec) for spec in specs]
    result = run_audit(AuditRequest(root=root, rubric=rubrics[rubric_id], as_of=AS_OF))
    finding = next(f for f in result.findings if f.requirement.id == requirement_id)
    message = f"{why} -> {_explain(finding)}"

    assert finding.status is status, message
    codes = [reason.code for reason in finding.reasons]
    if status is Status.COMPLETE:
        # The passing documents are the evidence, and each of them passes every check.
        assert finding.score == 1.0 and codes == [], message
        assert sorted(e.path for e in finding.evidence) == sorted(paths), message
        assert all(c.passed for c in finding.candidates), message
    elif status is Status.INCOMPLETE:
        assert codes == checks, message
        assert finding.score is not None and 0.0 <= finding.score <= 0.5
    elif status is Status.MISSING:
        assert finding.candidates == () and codes == ["finding.no_candidate"], message
    else:
        assert sorted(c.path for c in finding.candidates) == sorted(paths), message
        assert not any(c.readable for c in finding.candidates), message
        assert set(codes) == {"finding.candidate_unreadable"}, message
