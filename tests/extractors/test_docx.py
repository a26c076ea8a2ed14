"""Test the DOCX extractor on LibreOffice fixtures and on documents built with python-docx.

Covers every text source (body, nested tables, text boxes, headers, footers, footnotes,
endnotes, tracked changes), headings from styles, outline levels and heading-like lines, the
title, years, page count and title region, and hostile archives (zip bombs, XXE, billion laughs).
"""

from __future__ import annotations

import datetime as dt
import time
import zipfile
from pathlib import Path

import docgen
import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from smartcity_audit.discovery import discover_file
from smartcity_audit.extractors import ExtractOptions, extract
from smartcity_audit.model import (
    DocFormat,
    Document,
    ProblemKind,
    UnreadableDocument,
    YearSource,
)
from smartcity_audit.text import SearchText, collapse_whitespace, normalize


def _read(path: Path, options: ExtractOptions | None = None) -> Document:
    document = extract(discover_file(path), options)
    assert isinstance(document, Document), document
    return document


def _unreadable(path: Path, options: ExtractOptions | None = None) -> UnreadableDocument:
    document = extract(discover_file(path), options)
    assert isinstance(document, UnreadableDocument), document
    return document


def _all_text(document: Document) -> str:
    return collapse_whitespace("\n".join(page.text for page in document.pages))


def _rewrite_member(src: Path, dst: Path, member: str, data: bytes) -> Path:
    """Copy a DOCX, replacing one member, with every member deflated."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            payload = data if info.filename == member else zin.read(info.filename)
            zout.writestr(info.filename, payload)
    return dst


def _member(path: Path, member: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(member).decode("utf-8")


def _with_doctype(xml: str, doctype: str) -> str:
    """Insert a DOCTYPE right after the XML declaration."""
    declaration, rest = xml.split("?>", 1)
    return f"{declaration}?>{doctype}{rest}"


# --- LibreOffice DOCX -------------------------------------------------------------------------


@pytest.fixture
def masterplan(office: Path) -> Document:
    """Return the extracted LibreOffice masterplan DOCX."""
    return _read(office / "lo_masterplan.docx")


def test_lo_docx_body_paragraphs(masterplan: Document) -> None:
    text = _all_text(masterplan)
    assert masterplan.format is DocFormat.DOCX
    assert "selaras dengan RPJMD Kabupaten Contoh 2021-2026" in text
    assert text.count("rencana induk kota cerdas") == 3
    assert masterplan.words > 300


def test_lo_docx_tables_including_nested(masterplan: Document) -> None:
    text = _all_text(masterplan)
    for cell in (
        "Dimensi",
        "Program Prioritas",
        "Smart Governance",
        "Program prioritas tata kelola:",
        "Tabel bersarang: Command Center",
        "Sistem Perencanaan dan Penganggaran Terpadu",
    ):
        assert cell in text
    assert text.count("Tabel bersarang: Command Center") == 1


def test_lo_docx_text_box_appears_once(masterplan: Document) -> None:
    # The text box is in mc:Choice (DrawingML) and again in mc:Fallback (VML).
    assert _all_text(masterplan).count("Kotak teks: Quick Win 2023") == 1


def test_lo_docx_header_and_footer(masterplan: Document) -> None:
    text = _all_text(masterplan)
    assert text.count("Header: Pemerintah Kabupaten Contoh") == 1
    assert text.count("Footer: Dinas Kominfo") == 1
    assert all(page.number is None for page in masterplan.pages)


def test_lo_docx_footnote_and_endnote(masterplan: Document) -> None:
    text = _all_text(masterplan)
    assert "Catatan kaki: sumber data BPS 2023" in text
    assert "Catatan akhir: lampiran anggaran" in text


def test_lo_docx_tracked_insertion_counts_deletion_does_not(masterplan: Document) -> None:
    text = _all_text(masterplan)
    assert "komunitas. Kalimat sisipan terlacak. Hasil penyusunan" in text
    assert "terhapus" not in text
    search = SearchText(text)
    assert search.find(normalize("kalimat sisipan terlacak")) is not None
    assert search.find(normalize("kalimat terhapus terlacak")) is None


def test_lo_docx_headings_from_styles(masterplan: Document) -> None:
    styled = [(h.text, h.level) for h in masterplan.headings if h.source == "style"]
    assert styled == [
        ("MASTERPLAN SMART CITY KABUPATEN CONTOH", 1),  # the Title style
        ("BAB I PENDAHULUAN", 1),
        ("1.1 Latar Belakang", 2),
        ("BAB II VISI DAN MISI", 1),
        ("BAB III STRATEGI", 1),
        ("BAB IV PETA JALAN", 1),
    ]
    assert all(h.page is None for h in masterplan.headings)


def test_lo_docx_title_and_region_from_core_properties(masterplan: Document) -> None:
    assert masterplan.title == "Masterplan Smart City Kabupaten Contoh 2022-2031"
    region = masterplan.title_region
    assert region.startswith("Masterplan Smart City Kabupaten Contoh 2022-2031\n")
    assert "Rencana induk kota cerdas" in region  # the subject
    assert "MASTERPLAN SMART CITY KABUPATEN CONTOH" in region  # the first page


def test_lo_docx_years(masterplan: Document) -> None:
    by_source = {(y.source, y.year) for y in masterplan.years}
    assert (YearSource.PROPERTIES, 2022) in by_source  # 2022-2031 counts as 2022
    assert (YearSource.PROPERTIES, 2031) not in by_source
    assert (YearSource.METADATA, 2024) in by_source  # created 2024-03-12
    # RPJMD 2021-2026 stands in the body, below the title block: it does not date the document.
    assert not [y for y in masterplan.years if y.year == 2021]
    assert not [y for y in masterplan.years if y.source is YearSource.RATIFICATION]


def test_lo_docx_page_count(masterplan: Document) -> None:
    assert masterplan.page_count is not None
    assert masterplan.page_count >= 1


def test_lo_draft_docx(office: Path) -> None:
    draft = _read(office / "lo_draft.docx")
    text = _all_text(draft)
    assert draft.title == "Draft Keputusan Bupati Contoh tentang Dewan Smart City"
    assert "KONSEP" in text
    assert "pada tanggal ..........." in text
    assert [m.kind.value for m in draft.markers] == ["place"]  # no date, no ttd, no NIP
    assert not [y for y in draft.years if y.source is YearSource.RATIFICATION]
    assert ("MEMUTUSKAN", 1, "style") in [(h.text, h.level, h.source) for h in draft.headings]


# --- DOCX built with python-docx --------------------------------------------------------------


def test_python_docx_body_headings_title_and_metadata(tmp_path: Path) -> None:
    doc = docgen.Doc(
        [
            "# Laporan Evaluasi Smart City",
            "Paragraf pembuka laporan evaluasi.",
            "## Ringkasan Eksekutif",
            "Isi ringkasan.",
        ],
        title="Laporan Evaluasi Smart City 2023",
        subject="Evaluasi tahunan",
        created=dt.datetime(2019, 5, 1, 8, 0),
    )
    document = _read(docgen.write_docx(tmp_path / "laporan.docx", doc))
    assert document.title == "Laporan Evaluasi Smart City 2023"
    assert [(h.text, h.level, h.source) for h in document.headings] == [
        ("Laporan Evaluasi Smart City", 1, "style"),
        ("Ringkasan Eksekutif", 2, "style"),
    ]
    assert "Paragraf pembuka laporan evaluasi." in _all_text(document)
    assert document.title_region.splitlines()[:2] == [
        "Laporan Evaluasi Smart City 2023",
        "Evaluasi tahunan",
    ]
    assert (YearSource.PROPERTIES, 2023) in {(y.source, y.year) for y in document.years}
    metadata = [y for y in document.years if y.source is YearSource.METADATA]
    assert metadata
    assert {y.year for y in metadata} == {2019}
    assert document.page_count == 1
    # A python-docx document has no footnotes, endnotes, headers or footers: one text part.
    assert len(document.pages) == 1


def test_title_without_properties_is_the_title_block(tmp_path: Path) -> None:
    cover = docgen.Doc(
        ["# RENCANA AKSI DAERAH", "KABUPATEN CONTOH 2024", "Isi dokumen dimulai di sini."]
    )
    document = _read(docgen.write_docx(tmp_path / "a.docx", cover))
    assert document.title == "RENCANA AKSI DAERAH KABUPATEN CONTOH 2024"
    assert (YearSource.TITLE, 2024) in {(y.source, y.year) for y in document.years}
    plain = docgen.Doc(["Kata pengantar singkat.", "Isi berikutnya."])
    document = _read(docgen.write_docx(tmp_path / "b.docx", plain))
    assert document.title == "Kata pengantar singkat."


def test_heading_style_named_heading_2(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Strategi Pembangunan", style="Heading 2")
    document.add_paragraph("Teks biasa tentang strategi.")
    document.save(str(tmp_path / "h2.docx"))
    extracted = _read(tmp_path / "h2.docx")
    assert [(h.text, h.level, h.source) for h in extracted.headings] == [
        ("Strategi Pembangunan", 2, "style")
    ]


def test_custom_heading_styles_by_name_basis_and_outline(tmp_path: Path) -> None:
    document = docx.Document()
    judul = document.styles.add_style("Judul 3", WD_STYLE_TYPE.PARAGRAPH)
    based = document.styles.add_style("Bab Khusus", WD_STYLE_TYPE.PARAGRAPH)
    based.base_style = document.styles["Heading 1"]
    outlined = document.styles.add_style("Subbab Khusus", WD_STYLE_TYPE.PARAGRAPH)
    outline = parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="1"/>')
    outlined.element.get_or_add_pPr().append(outline)
    document.add_paragraph("Peta Jalan Tahunan", style=judul)
    document.add_paragraph("Gambaran Umum Daerah", style=based)
    document.add_paragraph("Kondisi Infrastruktur", style=outlined)
    document.add_paragraph("paragraf isi biasa")
    document.save(str(tmp_path / "styles.docx"))
    extracted = _read(tmp_path / "styles.docx")
    assert [(h.text, h.level) for h in extracted.headings] == [
        ("Peta Jalan Tahunan", 3),
        ("Gambaran Umum Daerah", 1),
        ("Kondisi Infrastruktur", 2),
    ]


def _outline_level_doc(path: Path) -> Path:
    document = docx.Document()
    paragraph = document.add_paragraph("Rencana Aksi Daerah")
    outline = parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="1"/>')
    paragraph._p.get_or_add_pPr().append(outline)
    document.add_paragraph("paragraf isi yang bukan judul")
    document.save(str(path))
    return path


def test_heading_from_paragraph_outline_level(tmp_path: Path) -> None:
    extracted = _read(_outline_level_doc(tmp_path / "outline.docx"))
    assert [(h.text, h.level) for h in extracted.headings] == [("Rencana Aksi Daerah", 2)]


def test_paragraph_outline_level_heading_is_marked_outline(tmp_path: Path) -> None:
    # model.Heading documents the sources "style", "outline", "bookmark" and "line".
    extracted = _read(_outline_level_doc(tmp_path / "outline.docx"))
    assert [h.source for h in extracted.headings] == ["outline"]


def test_bold_bab_paragraph_is_heading_like_line(tmp_path: Path) -> None:
    doc = docgen.Doc(
        ["# BAB I PENDAHULUAN", "Isi bab pertama.", "# BAB II", "VISI DAN MISI", "Isi."]
    )
    document = _read(docgen.write_docx(tmp_path / "bab.docx", doc, styled_headings=False))
    assert [(h.text, h.level, h.source) for h in document.headings] == [
        ("BAB I PENDAHULUAN", 1, "line"),
        ("BAB II", 1, "line"),  # paragraphs are read one at a time
        ("VISI DAN MISI", 1, "line"),
    ]
    assert document.title == "BAB I PENDAHULUAN"


def test_python_docx_nested_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Sebelum tabel.")
    outer = document.add_table(rows=2, cols=2)
    outer.cell(0, 0).text = "Sel luar kiri"
    outer.cell(0, 1).text = "Sel luar kanan"
    inner = outer.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Sel dalam bersarang"
    inner.cell(0, 1).text = "Nilai dalam 2024"
    document.add_paragraph("Sesudah tabel.")
    document.save(str(tmp_path / "nested.docx"))
    text = _all_text(_read(tmp_path / "nested.docx"))
    for cell in ("Sel luar kiri", "Sel luar kanan", "Sel dalam bersarang", "Nilai dalam 2024"):
        assert text.count(cell) == 1
    assert text.index("Sebelum tabel.") < text.index("Sel dalam bersarang")
    assert text.index("Sel dalam bersarang") < text.index("Sesudah tabel.")


def test_python_docx_header_and_footer(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Isi dokumen.")
    document.sections[0].header.paragraphs[0].text = "Kop Pemerintah Kabupaten"
    document.sections[0].footer.paragraphs[0].text = "Kaki halaman Dinas"
    document.save(str(tmp_path / "margins.docx"))
    extracted = _read(tmp_path / "margins.docx")
    texts = [page.text for page in extracted.pages]
    assert texts[0].strip() == "Isi dokumen."
    assert "Kop Pemerintah Kabupaten" in texts[1:]
    assert "Kaki halaman Dinas" in texts[1:]


_MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
_WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
_V = 'xmlns:v="urn:schemas-microsoft-com:vml"'


def test_python_docx_text_box_with_vml_fallback_once(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Paragraf jangkar. ")
    box = "<w:p><w:r><w:t>Kotak unik Quick Win</w:t></w:r></w:p>"
    run = parse_xml(
        f"<w:r {nsdecls('w', 'wp', 'a')} {_MC} {_WPS} {_V}>"
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx><w:txbxContent>{box}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:rect><v:textbox><w:txbxContent>{box}</w:txbxContent>"
        "</v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    paragraph._p.append(run)
    vml_only = document.add_paragraph()
    vml_only._p.append(
        parse_xml(
            f"<w:r {nsdecls('w')} {_V}><w:pict><v:rect><v:textbox><w:txbxContent>"
            "<w:p><w:r><w:t>Kotak VML lama</w:t></w:r></w:p>"
            "</w:txbxContent></v:textbox></v:rect></w:pict></w:r>"
        )
    )
    document.save(str(tmp_path / "textbox.docx"))
    assert _member(tmp_path / "textbox.docx", "word/document.xml").count("Kotak unik") == 2
    text = _all_text(_read(tmp_path / "textbox.docx"))
    assert text.count("Kotak unik Quick Win") == 1
    assert text.count("Kotak VML lama") == 1
    assert "Paragraf jangkar." in text


def test_python_docx_tracked_changes(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Kalimat awal. ")
    inserted = etree.SubElement(paragraph._p, qn("w:ins"))
    inserted.set(qn("w:id"), "1")
    inserted.set(qn("w:author"), "Tim")
    etree.SubElement(etree.SubElement(inserted, qn("w:r")), qn("w:t")).text = "Sisipanunik hadir."
    deleted = etree.SubElement(paragraph._p, qn("w:del"))
    deleted.set(qn("w:id"), "2")
    deleted.set(qn("w:author"), "Tim")
    etree.SubElement(etree.SubElement(deleted, qn("w:r")), qn("w:delText")).text = "Hapusanunik"
    moved = etree.SubElement(paragraph._p, qn("w:moveFrom"))
    moved.set(qn("w:id"), "3")
    moved.set(qn("w:author"), "Tim")
    etree.SubElement(etree.SubElement(moved, qn("w:r")), qn("w:t")).text = "Pindahanlama"
    document.save(str(tmp_path / "tracked.docx"))
    extracted = _read(tmp_path / "tracked.docx")
    text = _all_text(extracted)
    assert "Kalimat awal. Sisipanunik hadir." in text
    assert "Hapusanunik" not in text
    assert "Pindahanlama" not in text
    assert extracted.words == 4


def test_page_count_is_at_least_breaks_plus_one(tmp_path: Path) -> None:
    doc = docgen.Doc(["Halaman satu.", "---", "Halaman dua.", "---", "Halaman tiga.", "---", "x"])
    document = _read(docgen.write_docx(tmp_path / "pages.docx", doc))
    assert document.page_count is not None
    assert document.page_count >= 4


def test_page_count_from_app_properties(tmp_path: Path) -> None:
    source = docgen.write_docx(tmp_path / "src.docx", docgen.Doc(["Satu halaman."]))
    app = _member(source, "docProps/app.xml").replace("<Pages>1</Pages>", "<Pages>12</Pages>")
    assert "<Pages>12</Pages>" in app
    target = _rewrite_member(source, tmp_path / "app.docx", "docProps/app.xml", app.encode())
    assert _read(target).page_count == 12


def test_page_break_before_starts_a_new_page(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Isi halaman pertama.")
    second = document.add_paragraph("Isi halaman kedua.")
    second.paragraph_format.page_break_before = True
    document.save(str(tmp_path / "before.docx"))
    extracted = _read(tmp_path / "before.docx")
    assert extracted.page_count is not None
    assert extracted.page_count >= 2
    assert "Isi halaman pertama." in extracted.title_region
    assert "Isi halaman kedua." not in extracted.title_region


def test_title_region_is_the_text_before_the_first_page_break(tmp_path: Path) -> None:
    # Word writes a page break as a run at the end of the last paragraph of the page; the text
    # of that paragraph is still on the first page.
    document = docx.Document()
    document.add_paragraph("JUDUL DI HALAMAN PERTAMA")
    closing = document.add_paragraph("Penutup Halaman Pertama")
    closing.add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("Judul Halaman Kedua")
    document.save(str(tmp_path / "region.docx"))
    extracted = _read(tmp_path / "region.docx")
    assert "JUDUL DI HALAMAN PERTAMA" in extracted.title_region
    assert "Judul Halaman Kedua" not in extracted.title_region
    assert "Penutup Halaman Pertama" in extracted.title_region


def test_title_region_stops_after_about_400_words(tmp_path: Path) -> None:
    doc = docgen.Doc([docgen.words(300), docgen.words(300), "Kalimat jauh di belakang."])
    document = _read(docgen.write_docx(tmp_path / "long.docx", doc))
    assert "Kalimat jauh di belakang." not in document.title_region
    assert "Kalimat jauh di belakang." in _all_text(document)


# --- Broken and hostile archives --------------------------------------------------------------


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    source = docgen.write_docx(tmp_path / "src.docx", docgen.Doc(["Halo dunia."]))
    xml = _member(source, "word/document.xml").replace("Halo dunia.", "A" * 3_000_000)
    bomb = _rewrite_member(source, tmp_path / "bomb.docx", "word/document.xml", xml.encode())
    with zipfile.ZipFile(bomb) as archive:
        info = archive.getinfo("word/document.xml")
    assert info.file_size > 2 * 1024 * 1024
    assert info.file_size / info.compress_size > 200
    started = time.monotonic()
    document = _unreadable(bomb)
    assert time.monotonic() - started < 2
    assert document.problem.kind is ProblemKind.ZIP_BOMB
    assert "word/document.xml" in document.problem.detail


def test_zip_member_and_size_limits(tmp_path: Path) -> None:
    source = docgen.write_docx(tmp_path / "src.docx", docgen.Doc(["Halo dunia."]))
    few_members = _unreadable(source, ExtractOptions(max_zip_members=3))
    assert few_members.problem.kind is ProblemKind.ZIP_BOMB
    small_total = _unreadable(source, ExtractOptions(max_unzipped_bytes=1000))
    assert small_total.problem.kind is ProblemKind.ZIP_BOMB
    assert "bytes" in small_total.problem.detail
    assert _read(source, ExtractOptions()).words == 2


def test_docx_without_document_part_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "kosong.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    document = _unreadable(path)
    assert document.format is DocFormat.DOCX
    assert document.problem.kind is ProblemKind.CORRUPT
    assert "word/document.xml" in document.problem.detail


def test_docx_that_is_not_a_zip_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "rusak.docx"
    path.write_bytes(b"bukan arsip zip sama sekali " * 10)
    document = _unreadable(path)
    assert document.problem.kind is ProblemKind.CORRUPT
    assert document.problem.detail


def test_xxe_in_document_part_is_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "rahasia.txt"
    secret.write_text("RAHASIA-XXE-73519", encoding="utf-8")
    source = docgen.write_docx(tmp_path / "src.docx", docgen.Doc(["Halo dunia."]))
    xml = _with_doctype(
        _member(source, "word/document.xml"),
        f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>',
    ).replace("Halo dunia.", "Awal &xxe; akhir")
    hostile = _rewrite_member(source, tmp_path / "xxe.docx", "word/document.xml", xml.encode())
    document = extract(discover_file(hostile))
    if isinstance(document, Document):
        assert "RAHASIA" not in "\n".join(page.text for page in document.pages)
        assert "Awal" in _all_text(document)
    else:
        assert document.problem.kind is ProblemKind.CORRUPT


def test_xxe_in_footnotes_part_is_not_resolved(tmp_path: Path, office: Path) -> None:
    secret = tmp_path / "rahasia.txt"
    secret.write_text("RAHASIA-XXE-73519", encoding="utf-8")
    source = office / "lo_masterplan.docx"
    xml = _with_doctype(
        _member(source, "word/footnotes.xml"),
        f'<!DOCTYPE w:footnotes [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>',
    ).replace("Catatan kaki: sumber data BPS 2023", "Catatan &xxe; kaki")
    hostile = _rewrite_member(source, tmp_path / "xxe.docx", "word/footnotes.xml", xml.encode())
    document = extract(discover_file(hostile))
    if isinstance(document, Document):
        assert "RAHASIA" not in "\n".join(page.text for page in document.pages)
        assert "Kotak teks: Quick Win 2023" in _all_text(document)
    else:
        assert document.problem.kind is ProblemKind.CORRUPT


def _billion_laughs(levels: int = 10) -> str:
    entities = ['<!ENTITY lol0 "lol">']
    entities += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)]
    return f"<!DOCTYPE w:document [{''.join(entities)}]>"


@pytest.mark.parametrize("member", ["word/document.xml", "word/footnotes.xml"])
def test_billion_laughs_never_expands(tmp_path: Path, office: Path, member: str) -> None:
    source = office / "lo_masterplan.docx"
    xml = _with_doctype(_member(source, member), _billion_laughs())
    if member == "word/document.xml":
        xml = xml.replace("Tabel bersarang: Command Center", "Mulai &lol9; selesai")
    else:
        xml = xml.replace("Catatan kaki: sumber data BPS 2023", "Mulai &lol9; selesai")
    assert "&lol9;" in xml
    hostile = _rewrite_member(source, tmp_path / "lol.docx", member, xml.encode())
    started = time.monotonic()
    document = extract(discover_file(hostile))
    assert time.monotonic() - started < 5
    if isinstance(document, Document):
        text = "\n".join(page.text for page in document.pages)
        assert "lollol" not in text
        assert len(text) < 50_000
    else:
        assert document.problem.kind is ProblemKind.CORRUPT
