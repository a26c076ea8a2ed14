"""The committed reports of the Buleleng example are what the current code produces."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from smartcity_audit.cli import app

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "examples" / "reports"


def _docx_text(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines.extend(cell.text for row in table.rows for cell in row.cells)
    return lines


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    here = Path.cwd()
    os.chdir(ROOT)  # the reports name the folder as given on the command line
    try:
        result = CliRunner().invoke(
            app,
            [
                "scan",
                "examples/buleleng",
                "--no-cache",
                "--jobs",
                "0",
                "-f",
                "json",
                "-o",
                str(out / "buleleng.json"),
                "--report",
                f"markdown:{out / 'buleleng.md'}",
                "--report",
                f"html:{out / 'buleleng.html'}",
                "--report",
                f"docx:{out / 'buleleng.docx'}",
            ],
        )
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("name", ["buleleng.json", "buleleng.md", "buleleng.html"])
def test_committed_report_is_current(fresh: Path, name: str) -> None:
    assert (fresh / name).read_bytes() == (REPORTS / name).read_bytes(), (
        f"regenerate {name}: see examples/README.md"
    )


def test_committed_word_report_is_current(fresh: Path) -> None:
    assert _docx_text((fresh / "buleleng.docx").read_bytes()) == _docx_text(
        (REPORTS / "buleleng.docx").read_bytes()
    )


def test_committed_json_has_gaps_in_several_dimensions() -> None:
    data = json.loads((REPORTS / "buleleng.json").read_text(encoding="utf-8"))
    gaps = {
        r["dimension"] for r in data["requirements"] if r["status"] not in ("complete", "waived")
    }
    assert len(gaps) >= 3
