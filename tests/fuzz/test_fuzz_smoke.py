"""A short run of the extractor fuzz property, for CI: 50 mutated documents, a few seconds.

The same property as ``fuzz_extractors.py`` (which runs for as long as you like): ``extract``
never lets an exception escape, returns a ``Document`` or ``UnreadableDocument`` within
``SLOW`` seconds, and returns only UTF-8-encodable text. Examples are derandomised, so CI sees
the same 50 inputs on every run; run the harness to explore further.
"""

from __future__ import annotations

from pathlib import Path

import fuzz_extractors
import pytest
from hypothesis import HealthCheck, given, settings

SEEDS = fuzz_extractors.load_seeds(regressions=False)  # those have their own test
SLOW = 10.0  # seconds for one extraction; a real one takes well under a second


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a folder for the mutated files (one file, rewritten for every example)."""
    return tmp_path_factory.mktemp("fuzz")


def test_there_are_pdf_and_docx_seeds() -> None:
    kinds = {seed.kind for seed in SEEDS}
    assert kinds == {"pdf", "docx"}
    assert len(SEEDS) >= 20


@settings(
    max_examples=50,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(sample=fuzz_extractors.samples(SEEDS))
def test_extract_never_raises_and_returns_in_time(
    scratch: Path, sample: fuzz_extractors.Sample
) -> None:
    finding, seconds, _ = fuzz_extractors.check(scratch / f"input.{sample.kind}", sample.data, SLOW)
    assert finding is None, f"{finding.kind} after {seconds:.1f} s on {sample!r}:\n{finding.detail}"
