"""Match cases from ``cases/matching.yaml``: which files become candidates, and how."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from builders import document, match

from smartcity_audit.matching import CompiledMatch, DocumentIndex, match_document

CASES = yaml.safe_load(
    (Path(__file__).parent / "cases" / "matching.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_match_case(case: dict[str, Any]) -> None:
    index = DocumentIndex(document(case["doc"]))
    evidence = match_document(CompiledMatch.of(match(case["match"])), index)
    if case["expect"] is None:
        assert evidence is None
    else:
        assert evidence is not None
        assert evidence.matched_by.value == case["expect"]
        assert evidence.path == case["doc"]["path"]


def test_text_evidence_names_the_page_and_an_excerpt() -> None:
    doc = document(
        {
            "path": "x.pdf",
            "pages": ["halaman satu", "Di halaman dua ada rencana induk kota cerdas yang baru."],
        }
    )
    evidence = match_document(
        CompiledMatch.of(match({"text_any": ["Rencana Induk"]})), DocumentIndex(doc)
    )
    assert evidence is not None
    assert evidence.page == 2
    assert "rencana induk kota cerdas" in evidence.excerpt


def test_section_is_found_in_headings_only() -> None:
    doc = document(
        {
            "path": "x.pdf",
            "pages": ["BAB IV PETA JALAN\nteks", "Peta jalan juga disebut di kalimat biasa."],
        }
    )
    index = DocumentIndex(doc)
    heading = index.find_section("peta jalan")
    assert heading is not None and heading.page == 1
    assert index.find_section("kalimat biasa") is None
