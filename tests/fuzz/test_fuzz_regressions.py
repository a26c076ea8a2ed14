"""Replay every input the fuzzer ever found (``tests/fixtures/fuzz/``) through the worker pool.

Each fixture must come back as a ``Document`` or an ``UnreadableDocument`` well within the
per-file time limit, from a worker that neither timed out nor crashed. The files go through
``extract_in_workers`` (one spawned worker per job, ``TIMEOUT`` seconds each), so a fixture that
hangs the reader again fails this test instead of blocking the test run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcity_audit.discovery import discover_file
from smartcity_audit.extractors import ExtractOptions
from smartcity_audit.model import AnyDocument, Document, ProblemKind, UnreadableDocument
from smartcity_audit.workers import WorkerLimits, extract_in_workers

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fuzz"
TIMEOUT = 10.0  # seconds per file; every fixture is read in well under one
CASES = sorted(p.name for p in FIXTURES.glob("*") if p.suffix.lower() in (".pdf", ".docx"))


@pytest.fixture(scope="module")
def extracted() -> dict[str, AnyDocument]:
    """Extract every fixture once, in worker processes with a time and memory limit."""
    refs = [discover_file(FIXTURES / name) for name in CASES]
    limits = WorkerLimits(jobs=min(4, len(CASES)), timeout=TIMEOUT, memory_mb=1024)
    documents = extract_in_workers(refs, ExtractOptions(), limits)
    return dict(zip(CASES, documents, strict=True))


def test_every_fixture_is_listed_in_the_readme() -> None:
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    assert [name for name in CASES if f"`{name}`" not in readme] == []


@pytest.mark.parametrize("name", CASES)
def test_fuzz_finding_is_read_or_reported_in_time(
    extracted: dict[str, AnyDocument], name: str
) -> None:
    document = extracted[name]
    assert isinstance(document, (Document, UnreadableDocument))
    kinds = [problem.kind for problem in document.problems]
    assert ProblemKind.TIMEOUT not in kinds, f"{name} still hangs the reader"
    crashed = [p for p in document.problems if "crashed" in p.detail]
    assert not crashed, f"{name} crashed the worker: {crashed}"
    for problem in document.problems:
        problem.detail.encode("utf-8")
    if isinstance(document, Document):
        for page in document.pages:
            page.text.encode("utf-8")  # every report and the cache encode the text
