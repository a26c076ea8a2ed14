"""Run a rubric against fixture folders with expected statuses, like ``semgrep --test``.

A fixture folder holds one case per subfolder: the evidence files, and a hidden
``.expected.yaml`` (hidden, so the scan does not list it) that names the expected status of
some requirements and, optionally, the audit date::

    as_of: 2024-11-04
    expect:
      GOV-01: complete
      GOV-02: missing

A case folder may also hold a ``.smartcity-audit.yaml``: its waivers, pinned evidence, excludes
and date apply; its ``rubric`` does not (the rubric under test does).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from smartcity_audit.config import (
    Config,
    check_against_rubric,
    find_config,
    load_config,
    parse_date,
)
from smartcity_audit.engine import AuditRequest, run_audit
from smartcity_audit.errors import RubricError
from smartcity_audit.model import Finding, Rubric, Status
from smartcity_audit.validation import validate
from smartcity_audit.yamlfile import format_path, load_yaml

EXPECTED_NAME = ".expected.yaml"
SCHEMA_NAME = "expected-1.schema.json"


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A requirement whose status differs from the expected one."""

    requirement: str
    expected: Status
    actual: Status
    finding: Finding


@dataclass(frozen=True, slots=True)
class CaseResult:
    """The outcome of one fixture case."""

    name: str
    checked: int
    mismatches: tuple[Mismatch, ...]

    @property
    def passed(self) -> bool:
        """Tell whether every expectation held."""
        return not self.mismatches


def default_fixtures(rubric_path: Path) -> Path:
    """Return where a rubric's fixtures live by default: ``<name>.tests/`` beside it."""
    return rubric_path.with_name(f"{rubric_path.stem}.tests")


def run_cases(rubric: Rubric, fixtures: Path, default_as_of: dt.date) -> list[CaseResult]:
    """Run every case folder below ``fixtures`` (sorted by name)."""
    cases = (
        sorted(p for p in fixtures.iterdir() if (p / EXPECTED_NAME).is_file())
        if fixtures.is_dir()
        else []
    )
    if not cases:
        raise RubricError("error.no_cases", {"path": fixtures.as_posix(), "name": EXPECTED_NAME})
    known = {r.id for r in rubric.requirements}
    return [_run_case(rubric, case, known, default_as_of) for case in cases]


def _run_case(rubric: Rubric, case: Path, known: set[str], default_as_of: dt.date) -> CaseResult:
    expected_file = case / EXPECTED_NAME
    doc = load_yaml(expected_file, expected_file.as_posix(), RubricError)
    validate(doc, SCHEMA_NAME, RubricError)
    data = doc.data
    expect: dict[str, str] = data["expect"]
    for requirement in expect:
        if requirement not in known:
            path = ("expect", requirement)
            raise RubricError(
                "error.unknown_requirement",
                {
                    "where": doc.where(path, key=True),
                    "path": format_path(path),
                    "id": requirement,
                    "rubric": rubric.id,
                },
            )
    # A case may carry its own configuration (waivers, pinned evidence, excludes, date); its
    # ``rubric`` is ignored, since the rubric under test is the point.
    found = find_config(case)
    config = load_config(found, found.as_posix()) if found else Config()
    check_against_rubric(config, rubric)
    if "as_of" in data:
        as_of = parse_date(data["as_of"], doc, ("as_of",), RubricError)
    else:
        as_of = config.as_of or default_as_of
    request = AuditRequest(
        root=case,
        root_label=case.name,
        rubric=rubric,
        as_of=as_of,
        exclude=config.exclude,
        waivers=config.waivers,
        evidence=config.evidence,
    )
    result = run_audit(request)
    findings = {f.requirement.id: f for f in result.findings}
    mismatches = tuple(
        Mismatch(requirement, Status(status), findings[requirement].status, findings[requirement])
        for requirement, status in expect.items()
        if findings[requirement].status is not Status(status)
    )
    return CaseResult(case.name, len(expect), mismatches)
