"""Test the PDF extractor: text per page, bookmarks, heading-like lines, metadata and failures.

LibreOffice fixtures give real-world PDFs (outline, hyphenation, encryption, scans, damage);
fpdf2 builds the variants (generated titles, image-only pages, page limits).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docgen
import pytest
from fpdf import FPDF
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from smartcity_audit.analysis import is_signed
from smartcity_audit.discovery import discover_file
from smartcity_audit.extractors import ExtractOptions, extract, pdf
from smartcity_audit.model import (
    DocFormat,
    Document,
    MarkerKind,
    ProblemKind,
    UnreadableDocument,
    YearSource,
)
from smartcity_audit.text import SearchText, collapse_whitespace, normalize


def _read(path: Path, options: ExtractOptions | None = None) -> Document:
    document = extract(discover_file(path), options)
    assert isinstance(document, Document), document
    return document


def _unreadable(path: Path) -> UnreadableDocument:
    document = extract(discover_file(path))
    assert isinstance(document, UnreadableDocument), document
    return document


def _page_text(document: Document, number: int) -> str:
    (page,) = [p for p in document.pages if p.number == number]
    return collapse_whitespace(page.text)


def _pdf_with_pages(path: Path, image_only: set[int], count: int) -> Path:
    """Write a PDF of ``count`` pages; pages in ``image_only`` (from 1) carry only an image."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(dt.datetime(2024, 1, 15, 9, 0))
    pdf.set_font("Helvetica", size=11)
    picture = Image.new("L", (120, 160), color=200)
    for number in range(1, count + 1):
        pdf.add_page()
        if number in image_only:
            pdf.image(picture, x=20, y=20, w=120)
        else:
            pdf.multi_cell(0, 6, f"Halaman nomor {number}. " + docgen.words(40))
    pdf.output(str(path))
    return path


# --- LibreOffice PDFs -------------------------------------------------------------------------


@pytest.fixture
def masterplan(office: Path) -> Document:
    """Return the extracted LibreOffice masterplan PDF."""
    return _read(office / "lo_masterplan.pdf")


@pytest.fixture
def perbup(office: Path) -> Document:
    """Return the extracted LibreOffice Peraturan Bupati PDF."""
    return _read(office / "lo_perbup_signed.pdf")


def test_lo_pdf_text_per_page(masterplan: Document) -> None:
    assert masterplan.format is DocFormat.PDF
    assert [p.number for p in masterplan.pages] == [1, 2, 3]
    assert masterplan.page_count == 3
    assert masterplan.problems == ()
    first = _page_text(masterplan, 1)
    assert first.startswith("Header: Pemerintah Kabupaten Contoh MASTERPLAN SMART CITY")
    assert "Dokumen ini selaras dengan RPJMD Kabupaten Contoh 2021-2026" in first
    assert "komunitas. Kalimat sisipan terlacak. Hasil penyusunan" in first
    second = _page_text(masterplan, 2)
    assert "Tabel bersarang: Command Center 2023" in second
    assert second.endswith("Kotak teks: Quick Win 2023")
    assert _page_text(masterplan, 3) == "iCatatan akhir: lampiran anggaran"
    everything = " ".join(p.text for p in masterplan.pages)
    assert "terhapus" not in everything


def test_lo_pdf_bookmarks_are_headings_with_pages(masterplan: Document) -> None:
    bookmarks = [(h.text, h.level, h.page) for h in masterplan.headings if h.source == "bookmark"]
    assert bookmarks == [
        ("BAB I PENDAHULUAN", 1, 1),
        ("1.1 Latar Belakang", 2, 1),
        ("BAB II VISI DAN MISI", 1, 1),
        ("BAB III STRATEGI", 1, 1),
        ("BAB IV PETA JALAN", 1, 2),
    ]


def test_lo_pdf_heading_lines_do_not_repeat_bookmarks(masterplan: Document) -> None:
    lines = [(h.text, h.page) for h in masterplan.headings if h.source == "line"]
    assert ("MASTERPLAN SMART CITY KABUPATEN CONTOH", 1) in lines
    keys = [(normalize(h.text), h.page) for h in masterplan.headings]
    assert len(keys) == len(set(keys))


def test_lo_pdf_metadata_title_and_years(masterplan: Document) -> None:
    assert masterplan.title == "Masterplan Smart City Kabupaten Contoh 2022-2031"
    assert masterplan.title_region.startswith(
        "Masterplan Smart City Kabupaten Contoh 2022-2031\nRencana induk kota cerdas\n"
    )
    assert "MASTERPLAN SMART CITY KABUPATEN CONTOH" in masterplan.title_region
    years = {(y.source, y.year) for y in masterplan.years}
    assert (YearSource.PROPERTIES, 2022) in years
    assert (YearSource.METADATA, 2024) in years


def test_lo_perbup_headings_markers_and_years(perbup: Document) -> None:
    assert perbup.title == (
        "Peraturan Bupati Contoh Nomor 27 Tahun 2024 tentang Masterplan Smart City"
    )
    bookmarks = [(h.text, h.page) for h in perbup.headings if h.source == "bookmark"]
    assert bookmarks == [("BAB I KETENTUAN UMUM", 1), ("BAB II PELAKSANAAN", 2)]
    lines = {h.text for h in perbup.headings if h.source == "line"}
    assert {"PERATURAN BUPATI CONTOH", "NOMOR 27 TAHUN 2024", "MASTERPLAN SMART CITY"} <= lines
    kinds = {(m.kind, m.page) for m in perbup.markers}
    assert {
        (MarkerKind.PLACE, 2),
        (MarkerKind.DATE, 2),
        (MarkerKind.SIGNATURE, 2),
        (MarkerKind.NIP, 2),
    } <= kinds
    assert is_signed(perbup.markers)
    ratified = [(y.year, y.page) for y in perbup.years if y.source is YearSource.RATIFICATION]
    assert ratified == [(2024, 2), (2024, 2)]


def test_hyphenation_at_line_end_is_joined(perbup: Document) -> None:
    page = next(p for p in perbup.pages if p.number == 2)
    # pypdf keeps "pelak-\nsanaan" for the text search to join; PDFium joins it itself.
    assert "pelak-\nsanaan" in page.text or "pelaksanaan M" in page.text
    search = SearchText(page.text)
    assert search.find(normalize("pelaksanaan")) is not None
    # This phrase occurs only across the hyphenated line break.
    hit = search.find(normalize("rencana pelaksanaan Masterplan"))
    assert hit is not None
    assert "rencana pelaksanaan Masterplan" in search.excerpt(hit)
    whole = SearchText("\n".join(p.text for p in perbup.pages))
    assert whole.find(normalize("penyusunan rencana pelaksanaan")) is not None


def test_encrypted_with_empty_user_password_is_read(office: Path, perbup: Document) -> None:
    document = _read(office / "encrypted_empty_password.pdf")
    assert document.page_count == 2
    assert [p.text for p in document.pages] == [p.text for p in perbup.pages]
    assert [h.text for h in document.headings if h.source == "bookmark"] == [
        "BAB I KETENTUAN UMUM",
        "BAB II PELAKSANAAN",
    ]


def test_encrypted_with_user_password_is_unreadable(office: Path) -> None:
    document = _unreadable(office / "encrypted_user_password.pdf")
    assert document.format is DocFormat.PDF
    assert document.problem.kind is ProblemKind.ENCRYPTED
    assert not document.readable


def test_scanned_pdf_has_no_text_layer(office: Path) -> None:
    document = _unreadable(office / "scanned_sk.pdf")
    assert document.problem.kind is ProblemKind.NO_TEXT_LAYER
    assert document.problem.pages == 2
    assert document.page_count == 2


def test_docgen_scanned_pdf_has_no_text_layer(tmp_path: Path) -> None:
    document = _unreadable(docgen.write_scanned_pdf(tmp_path / "scan.pdf", pages=2))
    assert document.problem.kind is ProblemKind.NO_TEXT_LAYER
    assert document.problem.pages == 2


@pytest.mark.parametrize("name", ["truncated.pdf", "corrupt.pdf"])
def test_damaged_pdf_is_corrupt_with_detail(office: Path, name: str) -> None:
    document = _unreadable(office / name)
    assert document.format is DocFormat.PDF
    assert document.problem.kind is ProblemKind.CORRUPT
    assert document.problem.detail.strip()


def test_text_that_only_claims_to_be_pdf_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "bukan.pdf"
    path.write_text("ini hanya teks biasa, bukan PDF\n" * 5, encoding="utf-8")
    document = _unreadable(path)
    assert document.format is DocFormat.PDF
    assert document.problem.kind is ProblemKind.CORRUPT
    assert document.problem.detail


# --- PDFs built with fpdf2 --------------------------------------------------------------------

_BLOCKS = [
    "# BAB I PENDAHULUAN",
    docgen.words(50),
    "## 1.1 Latar Belakang",
    docgen.words(30),
    "---",
    "# BAB II VISI DAN MISI",
    "A. Visi dan Misi",
    docgen.words(40),
]


def test_fpdf_bookmarks_and_heading_lines(tmp_path: Path) -> None:
    path = docgen.write_pdf(
        tmp_path / "rencana.pdf", docgen.Doc(_BLOCKS, title="Rencana Aksi Smart City 2024")
    )
    document = _read(path)
    assert document.title == "Rencana Aksi Smart City 2024"
    assert document.page_count == 2
    assert [(h.text, h.level, h.page, h.source) for h in document.headings] == [
        ("BAB I PENDAHULUAN", 1, 1, "bookmark"),
        ("1.1 Latar Belakang", 2, 1, "bookmark"),
        ("BAB II VISI DAN MISI", 1, 2, "bookmark"),
        ("A. Visi dan Misi", 2, 2, "line"),
    ]


def test_fpdf_heading_lines_without_outline(tmp_path: Path) -> None:
    path = docgen.write_pdf(tmp_path / "polos.pdf", docgen.Doc(_BLOCKS), outline=False)
    document = _read(path)
    assert [(h.text, h.level, h.page, h.source) for h in document.headings] == [
        ("BAB I PENDAHULUAN", 1, 1, "line"),
        ("1.1 Latar Belakang", 2, 1, "line"),
        ("BAB II VISI DAN MISI", 1, 2, "line"),
        ("A. Visi dan Misi", 2, 2, "line"),
    ]
    # Without a metadata title, the first heading-like line of page 1 is the title.
    assert document.title == "BAB I PENDAHULUAN"


@pytest.mark.parametrize(
    "generated", ["Microsoft Word - laporan_final_v3.docx", "Untitled", "Dokumen1", "Document2"]
)
def test_generated_title_is_ignored(tmp_path: Path, generated: str) -> None:
    doc = docgen.Doc(_BLOCKS, title=generated)
    document = _read(docgen.write_pdf(tmp_path / "word.pdf", doc, outline=False))
    assert document.title == "BAB I PENDAHULUAN"
    assert generated not in document.title_region


def test_real_title_starting_with_dokumen_is_kept(tmp_path: Path) -> None:
    # Only producer placeholders ("Dokumen1", "Document2", "Untitled") are generated titles;
    # an Indonesian title that starts with the word "Dokumen" is the document's real title.
    title = "Dokumen Perencanaan Smart City Kabupaten Contoh 2024"
    document = _read(docgen.write_pdf(tmp_path / "dok.pdf", docgen.Doc(_BLOCKS, title=title)))
    assert document.title == title


def test_partial_text_layer(tmp_path: Path) -> None:
    path = _pdf_with_pages(tmp_path / "campuran.pdf", image_only={2, 3}, count=4)
    document = _read(path)
    assert [p.number for p in document.pages] == [1, 2, 3, 4]
    (problem,) = document.problems
    assert problem.kind is ProblemKind.PARTIAL_TEXT
    assert problem.detail == "2-3"
    assert problem.pages == 4
    assert "Halaman nomor 4." in _page_text(document, 4)


def test_page_limit(tmp_path: Path) -> None:
    path = _pdf_with_pages(tmp_path / "lima.pdf", image_only=set(), count=5)
    document = _read(path, ExtractOptions(max_pages=2))
    assert [p.number for p in document.pages] == [1, 2]
    assert document.page_count == 5
    (problem,) = document.problems
    assert problem.kind is ProblemKind.PAGE_LIMIT
    assert problem.pages == 5
    text = " ".join(p.text for p in document.pages)
    assert "Halaman nomor 2." in text
    assert "Halaman nomor 3." not in text
    assert _read(path).problems == ()


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(max_codepoint=0x3000), max_size=80))
def test_visible_characters_are_those_that_are_not_whitespace(text: str) -> None:
    """The fast count for ASCII pages agrees with ``str.split`` on any text."""
    assert pdf._visible_chars(text) == len("".join(text.split()))
