"""PDFium and pypdf read the corpus to the same verdicts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from smartcity_audit.analysis import is_signed
from smartcity_audit.checks import document_year
from smartcity_audit.config import find_config, load_config
from smartcity_audit.discovery import discover
from smartcity_audit.engine import AuditRequest, run_audit
from smartcity_audit.extractors import ExtractOptions, extract
from smartcity_audit.model import Document
from smartcity_audit.rubric import load_rubric

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [
    ROOT / "examples" / "contoh",
    ROOT / "examples" / "buleleng",
    ROOT / "tests" / "fixtures" / "blind" / "kabupaten-sukamaju",
    ROOT / "tests" / "fixtures" / "office",
]
AS_OF = dt.date(2024, 11, 4)


def _reading(document: object) -> tuple[object, ...]:
    if not isinstance(document, Document):
        return ("unreadable", tuple(p.kind for p in getattr(document, "problems", ())))
    year = document_year(document, AS_OF)
    return (
        document.kind,
        document.page_count,
        year.year if year else None,
        is_signed(document.markers),
        tuple(h.text for h in document.headings if h.source == "bookmark"),
    )


@pytest.mark.parametrize("folder", CORPUS, ids=[f.name for f in CORPUS])
def test_both_engines_read_every_pdf_alike(folder: Path) -> None:
    for ref in discover(folder):
        if ref.format.value != "pdf":
            continue
        pdfium = extract(ref, ExtractOptions(pdf_engine="pdfium"))
        pypdf = extract(ref, ExtractOptions(pdf_engine="pypdf"))
        assert _reading(pdfium) == _reading(pypdf), ref.path


@pytest.mark.parametrize("folder", CORPUS[:3], ids=[f.name for f in CORPUS[:3]])
@pytest.mark.parametrize("rubric", ["starter", "gm100sc", "buleleng"])
def test_both_engines_give_the_same_verdicts(folder: Path, rubric: str) -> None:
    found = find_config(folder)
    config = load_config(found, "config") if found else None
    verdicts = []
    for engine in ("pdfium", "pypdf"):
        request = AuditRequest(
            root=folder,
            rubric=load_rubric(rubric),
            as_of=AS_OF,
            exclude=config.exclude if config else (),
            waivers=config.waivers if config and config.rubric == rubric else (),
            extract_options=ExtractOptions(pdf_engine=engine),
        )
        verdicts.append(
            {f.requirement.id: (f.status, f.score) for f in run_audit(request).findings}
        )
    assert verdicts[0] == verdicts[1]
