"""Check cases from ``cases/checks.yaml``, plus the registry and the document-year rule."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from builders import document, require

from smartcity_audit.checks import CHECKS, CheckContext, document_year, run_checks
from smartcity_audit.i18n import MESSAGES
from smartcity_audit.matching import DocumentIndex
from smartcity_audit.model import Document, Require

CASES = yaml.safe_load(
    (Path(__file__).parent / "cases" / "checks.yaml").read_text(encoding="utf-8")
)
AS_OF = dt.date(2024, 11, 4)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_check_case(case: dict[str, Any]) -> None:
    doc = document(case["doc"])
    assert isinstance(doc, Document)
    as_of = dt.date.fromisoformat(case.get("as_of", AS_OF.isoformat()))
    results = run_checks(require(case["require"]), doc, DocumentIndex(doc), CheckContext(as_of))
    assert [[r.check, r.passed, r.reason.code] for r in results] == case["expect"]
    for result in results:
        assert result.reason.code in MESSAGES


def test_every_require_key_has_a_check() -> None:
    schema = json.loads(
        (
            Path(__file__).parents[1] / "smartcity_audit" / "schemas" / "rubric-1.schema.json"
        ).read_text()
    )
    schema_keys = set(schema["$defs"]["require"]["properties"])
    model_keys = {f.name for f in dataclasses.fields(Require)}
    assert set(CHECKS) == schema_keys == model_keys


def test_every_case_file_key_is_exercised() -> None:
    used = {key for case in CASES for key in case["require"]}
    assert used == set(CHECKS)


def test_document_year_prefers_ratification_then_title_block_then_properties_then_metadata() -> (
    None
):
    doc = document(
        {
            "path": "x.pdf",
            "title": "Laporan 2021",
            "pages": [
                "LAPORAN TAHUN 2020\nIsi laporan ini menjelaskan capaian program.\nDitetapkan di Contoh\npada tanggal 1 Mei 2023"
            ],
            "metadata_years": [2024],
        }
    )
    assert isinstance(doc, Document)
    year = document_year(doc, AS_OF)
    assert year is not None and (year.year, year.source.value) == (2023, "ratification")
    no_ratification = dataclasses.replace(
        doc, years=tuple(m for m in doc.years if m.source.value != "ratification")
    )
    year = document_year(no_ratification, AS_OF)
    assert year is not None and (year.year, year.source.value) == (2020, "title")
    no_block = dataclasses.replace(
        doc, years=tuple(m for m in doc.years if m.source.value in ("properties", "metadata"))
    )
    year = document_year(no_block, AS_OF)
    assert year is not None and (year.year, year.source.value) == (2021, "properties")
    only_metadata = dataclasses.replace(
        doc, years=tuple(m for m in doc.years if m.source.value == "metadata")
    )
    year = document_year(only_metadata, AS_OF)
    assert year is not None and (year.year, year.source.value) == (2024, "metadata")
