"""Verdicts on a folder built without knowledge of the tool, against a careful reading.

``tests/fixtures/blind/`` was made by someone who had not seen the rubrics or the scanner; its
``judgement.yaml`` records what a careful assessor decides by reading each file (kind, year,
final, signed, readable). See that folder's README.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from smartcity_audit.analysis import is_signed
from smartcity_audit.checks import document_year
from smartcity_audit.discovery import discover
from smartcity_audit.engine import AuditRequest, run_audit
from smartcity_audit.extractors import extract
from smartcity_audit.model import Document
from smartcity_audit.rubric import load_rubric

BLIND = Path(__file__).parent / "fixtures" / "blind"
ROOT = BLIND / "kabupaten-sukamaju"
AS_OF = dt.date(2024, 11, 4)
JUDGEMENT: list[dict[str, Any]] = yaml.safe_load(
    (BLIND / "judgement.yaml").read_text(encoding="utf-8")
)
DOCUMENTS = {ref.path: extract(ref) for ref in discover(ROOT)}
JUDGED = [j for j in JUDGEMENT if j["path"] in DOCUMENTS]


def test_every_file_is_listed_once() -> None:
    judged = {j["path"] for j in JUDGEMENT if not Path(j["path"]).name.startswith("~$")}
    assert set(DOCUMENTS) == judged


@pytest.mark.parametrize("judged", JUDGED, ids=[j["path"] for j in JUDGED])
def test_extraction_agrees_with_a_careful_reading(judged: dict[str, Any]) -> None:
    document = DOCUMENTS[judged["path"]]
    readable_text = isinstance(document, Document)
    if judged["path"].endswith(".xlsx"):
        assert not readable_text  # a spreadsheet is listed as unsupported, never read as text
        return
    assert readable_text == judged["readable"]
    if not isinstance(document, Document):
        return
    if judged["signed"] is not None:
        assert is_signed(document.markers) == judged["signed"]
    year = document_year(document, AS_OF)
    assert year is not None and year.year == judged["year"]


def test_starter_rubric_verdicts() -> None:
    request = AuditRequest(root=ROOT, rubric=load_rubric("starter"), as_of=AS_OF)
    statuses = {f.requirement.id: f.status.value for f in run_audit(request).findings}
    assert statuses == {
        "GOV-01": "complete",  # Buku II Masterplan 2021, final
        "GOV-02": "complete",  # Perbup 14/2021, signed
        "GOV-03": "complete",  # SK Dewan Smart City 2023, signed
        "GOV-04": "incomplete",  # only a draft is readable; the enacted SK is an unnamed scan
        "BRD-01": "missing",  # no branding evidence at all
        "SOC-01": "incomplete",  # the survey is from 2020
        "ENV-01": "complete",  # bank sampah report 2023
    }
