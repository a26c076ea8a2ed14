"""The Word report: golden text, reproducible bytes, properties, escaping, both languages.

The LibreOffice test converts the report to PDF as a reader's office suite would, and is
skipped with a reason when ``soffice`` is not installed.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from audits import HOSTILE, audit_example, hostile_result
from docx.oxml.ns import qn

from smartcity_audit.model import AuditResult
from smartcity_audit.reports import docx as docx_report
from smartcity_audit.reports._common import ReportOptions

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"


def document_text(data: bytes) -> Iterator[str]:
    """Yield the core properties, then the body in reading order: paragraphs and table rows."""
    document = docx.Document(io.BytesIO(data))
    properties = document.core_properties
    yield f"[title] {properties.title}"
    yield f"[subject] {properties.subject}"
    yield f"[language] {properties.language}"
    yield f"[created] {properties.created.isoformat()}"
    yield f"[modified] {properties.modified.isoformat()}"
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            text = "".join(node.text or "" for node in block.iter(qn("w:t")))
            if list(block.iter(qn("w:drawing"))):
                text = f"[image] {text}".rstrip()
            yield text
        elif block.tag == qn("w:tbl"):
            for row in block.iter(qn("w:tr")):
                cells = (
                    " / ".join(
                        "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
                        for paragraph in cell.iter(qn("w:p"))
                    )
                    for cell in row.iter(qn("w:tc"))
                )
                yield "| " + " | ".join(cells) + " |"


def text_of(data: bytes) -> str:
    """Return the report's text, one block a line, without the empty spacer paragraphs."""
    return "\n".join(line for line in document_text(data) if line.strip()) + "\n"


@pytest.fixture(scope="module")
def example() -> AuditResult:
    return audit_example()


@pytest.fixture(scope="module")
def example_docx(example: AuditResult) -> bytes:
    return docx_report.render(example, ReportOptions(lang="id"))


def test_golden_text(example_docx: bytes, update_golden: bool) -> None:
    rendered = text_of(example_docx)
    golden = GOLDEN / "contoh.docx.txt"
    if update_golden:
        golden.write_text(rendered, encoding="utf-8", newline="\n")
    assert rendered == golden.read_text(encoding="utf-8"), (
        "run pytest --update-golden after checking contoh.docx.txt"
    )


def test_same_result_same_bytes(example: AuditResult) -> None:
    for lang in ("id", "en"):
        options = ReportOptions(lang=lang)
        assert docx_report.render(example, options) == docx_report.render(example, options)


def test_zip_entries_carry_the_audit_date(example_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(example_docx)) as package:
        assert package.testzip() is None
        assert {info.date_time for info in package.infolist()} == {(2024, 11, 4, 0, 0, 0)}


def test_core_properties(example_docx: bytes) -> None:
    properties = docx.Document(io.BytesIO(example_docx)).core_properties
    midnight = dt.datetime(2024, 11, 4, tzinfo=dt.timezone.utc)
    assert properties.created == midnight and properties.modified == midnight
    assert properties.language == "id-ID"
    assert properties.title == "Laporan audit kelengkapan dokumen — examples/contoh"
    assert properties.subject == "Rubrik awal - dokumen inti Smart City"
    assert properties.author == "smartcity-audit"


def test_content(example_docx: bytes) -> None:
    text = text_of(example_docx)
    assert "LAPORAN AUDIT KELENGKAPAN DOKUMEN" in text
    assert "| Per tanggal | 4 November 2024 |" in text
    # Summary per dimension: the waived dimension has no score, not 0%.
    assert "| Smart Branding | — | 0 | 0 | 0 | 0 | 1 |" in text
    # Gaps in the order to work on them, with the recommendation.
    steps = [line for line in text.splitlines() if line.startswith(("| 1 |", "| 2 |", "| 4 |"))]
    assert [line.split(" | ")[1].split()[0] for line in steps] == ["GOV-03", "GOV-04", "ENV-01"]
    assert "Lengkapi dan unggah dokumen: Laporan program pengelolaan sampah." in text
    # The evidence index names the file, the page and the requirement.
    assert "| 01-tata-kelola/Perbup_27_2022_Masterplan_SC.pdf | 1 | GOV-02 " in text
    assert "[image] " in text or "[image]" in text
    document = docx.Document(io.BytesIO(example_docx))
    assert len(document.inline_shapes) == 1  # four dimensions: the bar chart only


def test_english(example: AuditResult) -> None:
    data = docx_report.render(example, ReportOptions(lang="en"))
    text = text_of(data)
    assert "DOCUMENT COMPLETENESS AUDIT REPORT" in text
    assert "What to do next" in text and "Evidence index" in text and "2024-11-04" in text
    assert "Langkah berikutnya" not in text
    assert docx.Document(io.BytesIO(data)).core_properties.language == "en-US"


def test_untrusted_text_is_literal(tmp_path: Path) -> None:
    data = docx_report.render(hostile_result(tmp_path), ReportOptions())
    text = text_of(data)
    assert HOSTILE in text
    assert "T <img src=x onerror=alert(2)>" in text
    assert "merah\\x1b[31m\\x07.pdf" in text and "\x1b" not in text
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.pdf" in body


@pytest.mark.libreoffice
def test_libreoffice_converts_to_pdf(example_docx: bytes, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    from pypdf import PdfReader

    source = tmp_path / "laporan.docx"
    source.write_bytes(example_docx)
    completed = subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    pdf = tmp_path / "laporan.pdf"
    assert completed.returncode == 0 and pdf.exists(), completed.stderr[-2000:]
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 3
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "LAPORAN AUDIT KELENGKAPAN DOKUMEN" in text and "Indeks bukti" in text
