"""OCR of scanned PDFs: optional, behind --ocr; without it nothing changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_audit import cli
from smartcity_audit.analysis import is_signed
from smartcity_audit.cli import app
from smartcity_audit.discovery import discover_file
from smartcity_audit.extractors import ExtractOptions, extract
from smartcity_audit.extractors.ocr import available
from smartcity_audit.model import DocKind, Document, ProblemKind

LINES = [
    "KEPUTUSAN BUPATI BULELENG",
    "TENTANG",
    "TIM PELAKSANA SMART CITY",
    "",
    "Ditetapkan di Singaraja",
    "pada tanggal 12 Maret 2024",
    "BUPATI BULELENG,",
    "ttd",
    "I NYOMAN CONTOH",
]


def scanned_decree(path: Path) -> Path:
    """Write a one-page PDF that is only an image of a typed decree (150 dpi)."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=36)
    for row, line in enumerate(LINES):
        draw.text((110, 110 + row * 70), line, fill=0, font=font)
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(image, x=0, y=0, w=210, h=297)
    pdf.output(str(path))
    return path


def test_without_ocr_a_scan_stays_unreadable(tmp_path: Path) -> None:
    document = extract(discover_file(scanned_decree(tmp_path / "sk.pdf")))
    assert document.problems[0].kind is ProblemKind.NO_TEXT_LAYER


@pytest.mark.skipif(not available(), reason="OCR needs the [ocr] extra and Tesseract on PATH")
def test_ocr_reads_a_scanned_decree(tmp_path: Path) -> None:
    path = scanned_decree(tmp_path / "sk.pdf")
    before = path.read_bytes()
    document = extract(discover_file(path), ExtractOptions(ocr=True))
    assert isinstance(document, Document)
    assert document.problems[0].kind is ProblemKind.OCR
    assert document.kind is DocKind.DECREE
    assert is_signed(document.markers)
    assert path.read_bytes() == before  # OCR works on a copy outside the evidence folder
    assert [p.name for p in tmp_path.iterdir()] == ["sk.pdf"]


def test_ocr_option_needs_the_tools(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli._State, "lang", "en")
    monkeypatch.setattr("smartcity_audit.extractors.ocr.available", lambda: False)
    result = CliRunner().invoke(app, ["scan", "examples/contoh", "--ocr", "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "error: --ocr needs OCRmyPDF and Tesseract"
