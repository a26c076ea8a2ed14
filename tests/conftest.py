"""Shared fixtures: document builders, the LibreOffice fixture folder, golden-file support."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
OFFICE = TESTS / "fixtures" / "office"
sys.path.insert(0, str(TESTS))  # makes tests/docgen.py importable as ``docgen``
# Scans run by the tests (in process and in subprocesses) keep their extraction cache apart from
# the user's.
os.environ["SMARTCITY_AUDIT_CACHE_DIR"] = tempfile.mkdtemp(prefix="smartcity-audit-test-cache-")


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--update-golden`` to rewrite golden files instead of comparing with them."""
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Tell whether golden files should be rewritten."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def office() -> Path:
    """Return the folder of documents made with LibreOffice (see its README)."""
    return OFFICE
