"""Extraction in worker processes: order, time limits, crashes, the memory cap."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from slow_extractors import misbehaving

from smartcity_audit.discovery import discover
from smartcity_audit.extractors import ExtractOptions, extract
from smartcity_audit.model import ProblemKind
from smartcity_audit.workers import WorkerLimits, extract_in_workers

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "buleleng"


@pytest.mark.parametrize("jobs", [1, 4])
def test_results_come_back_in_order_and_equal_in_process_extraction(jobs: int) -> None:
    refs = discover(EXAMPLE)
    expected = [extract(ref) for ref in refs]
    assert extract_in_workers(refs, ExtractOptions(), WorkerLimits(jobs=jobs)) == expected


@pytest.fixture
def troubled(tmp_path: Path) -> Path:
    source = ROOT / "examples" / "contoh" / "01-tata-kelola" / "Perbup_27_2022_Masterplan_SC.pdf"
    for name in ("a-baik.pdf", "crash.pdf", "lambat.pdf", "z-baik.pdf"):
        shutil.copy(source, tmp_path / name)
    return tmp_path


def test_a_hanging_or_crashing_file_is_reported_and_the_rest_is_read(troubled: Path) -> None:
    progress: list[tuple[int, int]] = []
    documents = extract_in_workers(
        discover(troubled),
        ExtractOptions(),
        WorkerLimits(jobs=2, timeout=3),
        lambda done, total: progress.append((done, total)),
        extractor=misbehaving,
    )
    by_name = {d.path: d for d in documents}
    assert [d.path for d in documents] == ["a-baik.pdf", "crash.pdf", "lambat.pdf", "z-baik.pdf"]
    assert by_name["a-baik.pdf"].readable and by_name["z-baik.pdf"].readable
    assert by_name["crash.pdf"].problems[0].kind is ProblemKind.CORRUPT
    assert by_name["lambat.pdf"].problems[0].kind is ProblemKind.TIMEOUT
    assert progress[-1] == (4, 4)


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux only"
)
def test_the_memory_cap_stops_a_runaway_reader(tmp_path: Path) -> None:
    source = ROOT / "examples" / "contoh" / "01-tata-kelola" / "Perbup_27_2022_Masterplan_SC.pdf"
    shutil.copy(source, tmp_path / "rakus.pdf")
    shutil.copy(source, tmp_path / "wajar.pdf")
    documents = extract_in_workers(
        discover(tmp_path),
        ExtractOptions(),
        WorkerLimits(jobs=1, timeout=60, memory_mb=700),
        extractor=misbehaving,
    )
    assert documents[0].problems[0].kind in (ProblemKind.TOO_LARGE, ProblemKind.CORRUPT)
    assert documents[1].readable
