"""Test the DOCX extractor on LibreOffice fixtures and on documents built with python-docx.

Covers every text source (body, nested tables, text boxes, headers, footers, footnotes,
endnotes, tracked changes), headings from styles, outline levels and heading-like lines, the
title, years, page count and title region, and hostile archives (zip bombs, XXE, billion laughs).
Packages built member by member cover how parts are found (relationships, content types,
part names), which packages are refused, core property dates, members read with a limit, and
that only the parts the extractor uses are read: a broken image or theme does no harm.
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


# --- Packages built member by member: how parts are found -------------------------------------

_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_MAIN_TYPE = _WML + "document.main+xml"
_STYLES_TYPE = _WML + "styles+xml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _content_types(overrides: dict[str, str]) -> str:
    items = "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in overrides.items())
    return (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{items}</Types>'
    )


def _relationships(*targets: tuple[str, str]) -> str:
    """Write a relationships item; a type without a colon is an officeDocument one ("styles")."""
    items = "".join(
        f'<Relationship Id="rId{number}" Type="{kind if ":" in kind else _REL + kind}" '
        f'Target="{target}"/>'
        for number, (kind, target) in enumerate(targets, 1)
    )
    return (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{items}</Relationships>"
    )


def _paragraph(text: str, style: str = "") -> str:
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{properties}<w:r><w:t>{text}</w:t></w:r></w:p>"


def _document(*paragraphs: str) -> str:
    return f"<w:document {_W}><w:body>{''.join(paragraphs)}</w:body></w:document>"


def _styles(*styles: str) -> str:
    return f"<w:styles {_W}>{''.join(styles)}</w:styles>"


def _style(style_id: str, name: str, inside: str = "", kind: str = "paragraph") -> str:
    return f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>{inside}</w:style>'


def _package(*paragraphs: str, main: str = "word/document.xml") -> dict[str, str | bytes]:
    """Return the members of the smallest DOCX: content types, one relationship, the body."""
    return {
        "[Content_Types].xml": _content_types({f"/{main}": _MAIN_TYPE}),
        "_rels/.rels": _relationships(("officeDocument", main)),
        main: _document(*(_paragraph(text) for text in paragraphs or ["Isi dokumen."])),
    }


def _write(
    path: Path, members: dict[str, str | bytes], compression: int = zipfile.ZIP_DEFLATED
) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _forge_header(data: bytes, member: str, offset: int, value: int) -> bytes:
    """Overwrite a 4-byte field of ``member``'s central directory entry (and local header)."""
    buffer = bytearray(data)
    name = member.encode()
    central = buffer.find(b"PK\x01\x02")
    while central != -1:
        length = int.from_bytes(buffer[central + 28 : central + 30], "little")
        if bytes(buffer[central + 46 : central + 46 + length]) == name:
            buffer[central + offset : central + offset + 4] = value.to_bytes(4, "little")
            local = int.from_bytes(buffer[central + 42 : central + 46], "little")
            local_offset = offset - 2  # the same field sits 2 bytes earlier in a local header
            buffer[local + local_offset : local + local_offset + 4] = value.to_bytes(4, "little")
            return bytes(buffer)
        central = buffer.find(b"PK\x01\x02", central + 4)
    raise ValueError(f"{member} not in archive")


_CRC, _DECLARED_SIZE = 16, 24  # offsets in a central directory entry


def test_main_part_is_the_target_of_the_office_document_relationship(tmp_path: Path) -> None:
    members = _package(main="word/utama.xml")
    members["word/utama.xml"] = _document(
        _paragraph("Judul Bagian Utama", "Bab"), _paragraph("Teks bagian utama.")
    )
    members["word/document.xml"] = _document(_paragraph("Teks umpan yang tidak dirujuk."))
    # Styles come through the main part's own relationships, whatever their name.
    members["word/_rels/utama.xml.rels"] = _relationships(("styles", "gaya/daftar.xml"))
    members["word/gaya/daftar.xml"] = _styles(_style("Bab", "heading 2"))
    members["[Content_Types].xml"] = _content_types(
        {"/word/utama.xml": _MAIN_TYPE, "/word/gaya/daftar.xml": _STYLES_TYPE}
    )
    document = _read(_write(tmp_path / "utama.docx", members))
    text = _all_text(document)
    assert "Teks bagian utama." in text
    assert "umpan" not in text
    assert [(h.text, h.level, h.source) for h in document.headings] == [
        ("Judul Bagian Utama", 2, "style")
    ]


@pytest.mark.parametrize(
    "target",
    [
        "/word/document.xml",
        "./word/../word/document.xml",
        "word//document.xml",
        "../word/document.xml",
    ],
)
def test_relationship_targets_resolve_like_paths(tmp_path: Path, target: str) -> None:
    members = _package("Teks dokumen.")
    members["_rels/.rels"] = _relationships(("officeDocument", target))
    assert "Teks dokumen." in _all_text(_read(_write(tmp_path / "target.docx", members)))


def test_percent_encoded_target_names_the_member_as_written(tmp_path: Path) -> None:
    # OPC keeps a part name's percent-encoding in its ZIP item name, and so did python-docx.
    members = _package("Teks umpan.")
    members["_rels/.rels"] = _relationships(("officeDocument", "word/doku%6Den.xml"))
    members["word/doku%6Den.xml"] = _document(_paragraph("Teks yang dirujuk."))
    members["[Content_Types].xml"] = _content_types({"/word/doku%6Den.xml": _MAIN_TYPE})
    assert "Teks yang dirujuk." in _all_text(_read(_write(tmp_path / "a.docx", members)))
    del members["word/doku%6Den.xml"]
    members["word/dokumen.xml"] = _document(_paragraph("Teks yang dirujuk."))
    assert _unreadable(_write(tmp_path / "b.docx", members)).problem.kind is ProblemKind.CORRUPT


@pytest.mark.parametrize(
    "content_type",
    [
        _WML + "template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
        "application/xml",
    ],
)
def test_main_part_must_be_a_wordprocessingml_document(tmp_path: Path, content_type: str) -> None:
    # python-docx opened documents only, not templates or macro-enabled files.
    members = _package()
    members["[Content_Types].xml"] = _content_types({"/word/document.xml": content_type})
    document = _unreadable(_write(tmp_path / "jenis.docx", members))
    assert document.problem.kind is ProblemKind.CORRUPT
    assert "not a Word file" in document.problem.detail
    assert content_type in document.problem.detail


@pytest.mark.parametrize(
    ("member", "xml"),
    [
        ("_rels/.rels", _relationships((_CORE_REL, "docProps/core.xml"))),  # no main part
        (
            "_rels/.rels",
            _relationships(("officeDocument", "word/document.xml"), ("officeDocument", "x.xml")),
        ),
        # The main part must have a content type.
        (
            "[Content_Types].xml",
            _content_types({}).replace(
                '<Default Extension="xml" ContentType="application/xml"/>', ""
            ),
        ),
    ],
)
def test_broken_package_structure_is_corrupt(tmp_path: Path, member: str, xml: str) -> None:
    members = _package()
    members[member] = xml
    document = _unreadable(_write(tmp_path / "rusak.docx", members))
    assert document.problem.kind is ProblemKind.CORRUPT


def test_member_inflating_beyond_its_declared_size_is_a_bomb(tmp_path: Path) -> None:
    import tracemalloc

    members = _package("Halo.")
    padding = " " * (24 * 1024 * 1024)
    members["word/document.xml"] = str(members["word/document.xml"]).replace(
        "</w:body>", padding + "</w:body>"
    )
    honest = _write(tmp_path / "jujur.docx", members).read_bytes()
    # Declaring 4 KB keeps the member under the ratio check, which trusts declared sizes.
    bomb = tmp_path / "bom.docx"
    bomb.write_bytes(_forge_header(honest, "word/document.xml", _DECLARED_SIZE, 4096))
    tracemalloc.start()
    try:
        document = _unreadable(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert document.problem.kind is ProblemKind.ZIP_BOMB
    assert "word/document.xml" in document.problem.detail
    assert peak < 4 * 1024 * 1024  # never inflated: 24 MB would have been


def test_stored_member_longer_than_declared_is_a_bomb(tmp_path: Path) -> None:
    members = _package("Halo dunia.")
    honest = _write(tmp_path / "jujur.docx", members, zipfile.ZIP_STORED).read_bytes()
    size = len(str(members["word/document.xml"]).encode())
    bomb = tmp_path / "bom.docx"
    bomb.write_bytes(_forge_header(honest, "word/document.xml", _DECLARED_SIZE, size - 5))
    assert _unreadable(bomb).problem.kind is ProblemKind.ZIP_BOMB


@pytest.mark.parametrize("member", ["word/document.xml", "word/footer1.xml"])
def test_used_member_with_a_wrong_crc_is_corrupt(tmp_path: Path, member: str) -> None:
    members = _package()
    members["word/_rels/document.xml.rels"] = _relationships(("footer", "footer1.xml"))
    members["word/footer1.xml"] = f"<w:ftr {_W}>{_paragraph('Kaki halaman.')}</w:ftr>"
    honest = _write(tmp_path / "jujur.docx", members).read_bytes()
    assert "Kaki halaman." in _all_text(_read(tmp_path / "jujur.docx"))
    broken = tmp_path / "crc.docx"
    broken.write_bytes(_forge_header(honest, member, _CRC, 0x12345678))
    document = _unreadable(broken)
    assert document.problem.kind is ProblemKind.CORRUPT
    assert "CRC" in document.problem.detail


def test_member_compressed_with_bzip2_is_refused(tmp_path: Path) -> None:
    # zipfile inflates bzip2 and LZMA without an output limit; OPC allows stored and deflated.
    path = _write(tmp_path / "bzip2.docx", _package(), zipfile.ZIP_BZIP2)
    document = _unreadable(path)
    assert document.problem.kind is ProblemKind.CORRUPT
    assert "compression method 12" in document.problem.detail


def _with_unused_part(tmp_path: Path, member: bytes | str, reltype: str = "image") -> Path:
    """Write a DOCX whose main part links to ``word/bagian.bin``, which holds ``member``."""
    members: dict[str, str | bytes] = _package("Teks tetap terbaca.")
    members["word/_rels/document.xml.rels"] = _relationships((reltype, "bagian.bin"))
    members["word/bagian.bin"] = member
    return _write(tmp_path / "bagian.docx", members)


def test_broken_parts_that_are_not_used_do_no_harm(tmp_path: Path) -> None:
    # Only the parts the text, headings and properties come from are read: more text from a
    # damaged file is better than none.
    numbering = f"<w:numbering {_W}><w:abstractNum>"  # not well-formed
    assert "Teks tetap terbaca." in _all_text(_read(_with_unused_part(tmp_path, numbering)))
    for reltype in ("numbering", "settings", "fontTable", "comments", "theme"):
        path = _with_unused_part(tmp_path, numbering, reltype)
        assert "Teks tetap terbaca." in _all_text(_read(path)), reltype
    honest = _with_unused_part(tmp_path, b"\x89PNG" + b"\0" * 64).read_bytes()
    for offset, value in ((_CRC, 0x12345678), (_DECLARED_SIZE, 8)):  # bad CRC, overrun
        broken = tmp_path / "gambar.docx"
        broken.write_bytes(_forge_header(honest, "word/bagian.bin", offset, value))
        assert "Teks tetap terbaca." in _all_text(_read(broken))


def test_missing_and_unsafely_compressed_unused_parts_do_no_harm(tmp_path: Path) -> None:
    members = _package("Teks tetap terbaca.")
    members["word/_rels/document.xml.rels"] = _relationships(
        ("image", "media/hilang.png"), ("image", ""), ("theme", "theme/theme1.xml")
    )
    path = _write(tmp_path / "hilang.docx", members)
    assert "Teks tetap terbaca." in _all_text(_read(path))
    # A member compressed with bzip2 cannot be inflated with a limit; unused, it is never read.
    with zipfile.ZipFile(path, "a", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("word/theme/theme1.xml", "<a:theme xmlns:a='urn:a'/>")
    assert "Teks tetap terbaca." in _all_text(_read(path))


@pytest.mark.parametrize(
    ("reltype", "member", "content_type"),
    [
        ("header", "word/header1.xml", _WML + "header+xml"),
        ("footnotes", "word/footnotes.xml", _WML + "footnotes+xml"),
        ("styles", "word/styles.xml", _STYLES_TYPE),
    ],
)
def test_malformed_part_that_is_used_is_corrupt(
    tmp_path: Path, reltype: str, member: str, content_type: str
) -> None:
    members = _package()
    members["word/document.xml"] = _document(_paragraph("Judul", "H1"), _paragraph("Isi."))
    members["word/_rels/document.xml.rels"] = _relationships((reltype, member[5:]))
    members[member] = f"<w:root {_W}><w:p>"
    members["[Content_Types].xml"] = _content_types(
        {"/word/document.xml": _MAIN_TYPE, f"/{member}": content_type}
    )
    document = _unreadable(_write(tmp_path / "rusak.docx", members))
    assert document.problem.kind is ProblemKind.CORRUPT
    assert "XMLSyntaxError" in document.problem.detail


def _core(created: str) -> str:
    return (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>Laporan</dc:title>'
        f"{created}</cp:coreProperties>"
    )


def _with_core(tmp_path: Path, core: str) -> Document:
    members = _package("Isi laporan.")
    members["_rels/.rels"] = _relationships(
        ("officeDocument", "word/document.xml"), (_CORE_REL, "docProps/core.xml")
    )
    members["docProps/core.xml"] = core
    members["[Content_Types].xml"] = _content_types(
        {
            "/word/document.xml": _MAIN_TYPE,
            "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        }
    )
    return _read(_write(tmp_path / "core.docx", members))


@pytest.mark.parametrize(
    ("value", "metadata"),
    [
        ("2019", ["created 2019-01-01"]),
        ("2019-05", ["created 2019-05-01"]),
        ("2019-05-01", ["created 2019-05-01"]),
        ("2019-05-01T08:00:00Z", ["created 2019-05-01"]),
        ("2019-05-01T08:00:00.25Z", ["created 2019-05-01"]),  # only the first 19 characters
        ("2019-12-31T20:00:00-08:00", ["created 2020-01-01"]),  # the offset moves it to UTC
        ("2020-01-01T05:00:00+07:00", ["created 2019-12-31"]),
        ("2020-01-01T05:00:00+0700", ["created 2020-01-01"]),  # not 6 characters: ignored
        ("2019-05-01T08:00Z", []),  # no seconds: python-docx read no date
        ("2019-05-01 08:00:00", []),
        ("01-05-2019", []),
        ("2019-13", []),
        ("", []),
        ("0001-01-01T00:00:00+01:00", []),  # before year 1 once moved to UTC
    ],
)
def test_core_property_dates(tmp_path: Path, value: str, metadata: list[str]) -> None:
    created = f"<dcterms:created>{value}</dcterms:created>"
    document = _with_core(tmp_path, _core(created))
    assert document.title == "Laporan"
    assert [y.excerpt for y in document.years if y.source is YearSource.METADATA] == metadata


def test_core_property_dates_lost_together_with_an_empty_date(tmp_path: Path) -> None:
    # python-docx failed on an empty date element and the extractor then kept neither date.
    dates = "<dcterms:created/><dcterms:modified>2019-05-01T08:00:00Z</dcterms:modified>"
    document = _with_core(tmp_path, _core(dates))
    assert not [y for y in document.years if y.source is YearSource.METADATA]
    dates = "<dcterms:created>2018</dcterms:created><dcterms:modified>x</dcterms:modified>"
    document = _with_core(tmp_path, _core(dates))
    metadata = [y.excerpt for y in document.years if y.source is YearSource.METADATA]
    assert metadata == ["created 2018-01-01"]


def test_core_properties_of_another_kind_are_corrupt(tmp_path: Path) -> None:
    members = _package()
    members["_rels/.rels"] = _relationships(
        ("officeDocument", "word/document.xml"), (_CORE_REL, "docProps/core.xml")
    )
    members["docProps/core.xml"] = _core("")  # content type application/xml by default
    assert _unreadable(_write(tmp_path / "core.docx", members)).problem.kind is ProblemKind.CORRUPT


class _NoClock(dt.datetime):
    """A datetime whose clock fails the test when read."""

    @classmethod
    def now(cls, tz: dt.tzinfo | None = None) -> _NoClock:
        raise AssertionError("the extractor read the clock")

    @classmethod
    def utcnow(cls) -> _NoClock:
        raise AssertionError("the extractor read the clock")

    @classmethod
    def today(cls) -> _NoClock:
        raise AssertionError("the extractor read the clock")


def test_docx_without_core_properties_has_no_property_title_or_dates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # python-docx stood in for missing core properties with new ones, titled "Word Document"
    # and modified now; the extractor never reads the clock, so the title comes from the
    # first page and the document has no metadata years.
    path = _write(tmp_path / "tanpa-core.docx", _package("Laporan Kegiatan 2023", "Isi."))
    monkeypatch.setattr(dt, "datetime", _NoClock)
    document = _read(path)
    with_core = _with_core(tmp_path, _core("<dcterms:created>2019-05-01</dcterms:created>"))
    monkeypatch.undo()
    assert document.title.startswith("Laporan Kegiatan 2023")  # the title block
    assert "Word Document" not in document.title_region
    assert [(y.source, y.year) for y in document.years] == [(YearSource.TITLE, 2023)]
    assert [y.excerpt for y in with_core.years if y.source is YearSource.METADATA] == [
        "created 2019-05-01"
    ]


def _styled(tmp_path: Path, styles: str, *paragraphs: str) -> Path:
    members = _package()
    members["word/document.xml"] = _document(*paragraphs)
    members["word/_rels/document.xml.rels"] = _relationships(("styles", "styles.xml"))
    members["word/styles.xml"] = styles
    members["[Content_Types].xml"] = _content_types(
        {"/word/document.xml": _MAIN_TYPE, "/word/styles.xml": _STYLES_TYPE}
    )
    return _write(tmp_path / "gaya.docx", members)


def test_heading_levels_from_style_names_outlines_and_bases(tmp_path: Path) -> None:
    chain = [_style(f"C{n}", f"Rantai {n}", f'<w:basedOn w:val="C{n + 1}"/>') for n in range(12)]
    styles = _styles(
        _style("H3", "heading 3"),  # Word's built-in name, shown as "Heading 3"
        _style("J2", "Judul 2"),
        _style("T", "title"),
        _style("O", "Subbab", '<w:pPr><w:outlineLvl w:val="3"/></w:pPr>'),
        _style("Loop1", "Putaran", '<w:basedOn w:val="Loop2"/>'),
        _style("Loop2", "Putaran", '<w:basedOn w:val="Loop1"/>'),
        *chain,
        _style("C12", "Heading 5"),
    )
    path = _styled(
        tmp_path,
        styles,
        *(
            _paragraph(f"Teks {style}", style)
            for style in ["H3", "J2", "T", "O", "Loop1", "C2", "C1", "C0"]
        ),
    )
    headings = [(h.text, h.level) for h in _read(path).headings if h.source == "style"]
    # C2 is 10 steps from Heading 5, C1 11: a chain longer than 10 gives no level.
    assert headings == [
        ("Teks H3", 3),
        ("Teks J2", 2),
        ("Teks T", 1),
        ("Teks O", 4),
        ("Teks C2", 5),
    ]


def test_styles_no_paragraph_uses_do_not_matter(tmp_path: Path) -> None:
    # python-docx failed on a style of an unknown type or a name without a value anywhere in
    # the styles part; only the styles paragraphs use (and their bases) matter now.
    styles = _styles(
        _style("X", "Aneh", kind="gambar"),
        '<w:style w:type="paragraph" w:styleId="N"><w:name/></w:style>',
        _style("H1", "heading 1"),
    )
    path = _styled(tmp_path, styles, _paragraph("Judul Dokumen", "H1"), _paragraph("isi."))
    assert [(h.text, h.level, h.source) for h in _read(path).headings] == [
        ("Judul Dokumen", 1, "style")
    ]


@pytest.mark.parametrize("style", ["H1", "Bab"])
def test_used_style_name_without_value_is_corrupt(tmp_path: Path, style: str) -> None:
    styles = _styles(
        '<w:style w:type="paragraph" w:styleId="H1"><w:name/></w:style>',
        _style("Bab", "Bab", '<w:basedOn w:val="H1"/>'),
    )
    path = _styled(tmp_path, styles, _paragraph("Judul", style))
    assert _unreadable(path).problem.kind is ProblemKind.CORRUPT


def test_styles_part_is_read_only_as_far_as_needed(tmp_path: Path) -> None:
    # Heading styles come first in Word's styles parts, before hundreds of kilobytes of table
    # styles: parsing stops once the styles the paragraphs use are decided, so damage further
    # on costs nothing, and of styles sharing an id the first counts. A base style defined
    # later is waited for.
    styles = _styles(
        _style("Bab", "Bab", '<w:basedOn w:val="Dasar"/>'),
        _style("H2", "heading 2"),
        _style("Dasar", "Judul 3"),
        _style("H2", "heading 4"),
    )
    damaged = styles.replace("</w:styles>", "<w:style><w:name w:val='rusak'></w:styles>")
    path = _styled(tmp_path, damaged, _paragraph("Bagian Satu", "H2"), _paragraph("Isi", "Bab"))
    assert [(h.text, h.level, h.source) for h in _read(path).headings] == [
        ("Bagian Satu", 2, "style"),
        ("Isi", 3, "style"),
    ]
    # A style defined only after the damage cannot be read.
    path = _styled(tmp_path, damaged, _paragraph("Entah", "Lain"))
    assert _unreadable(path).problem.kind is ProblemKind.CORRUPT


def test_styles_part_is_not_read_when_no_paragraph_names_a_style(tmp_path: Path) -> None:
    path = _styled(tmp_path, f"<w:styles {_W}><w:style>", _paragraph("Tanpa gaya."))
    assert "Tanpa gaya." in _all_text(_read(path))
    path = _styled(tmp_path, f"<w:styles {_W}><w:style>", _paragraph("Dengan gaya.", "H1"))
    assert _unreadable(path).problem.kind is ProblemKind.CORRUPT


def test_many_styles_and_style_names_stay_linear(tmp_path: Path) -> None:
    # Each style read only rechecks the paragraph styles waiting for it, so thousands of
    # unknown style names and thousands of styles do not multiply into millions of checks.
    count = 6000
    styles = _styles(
        *(_style(f"S{n}", f"Gaya {n}") for n in range(count)), _style("H", "heading 1")
    )
    paragraphs = [_paragraph(f"Teks {n}", f"P{n}") for n in range(count)]
    path = _styled(tmp_path, styles, _paragraph("Judul", "H"), *paragraphs)
    started = time.monotonic()
    document = _read(path)
    assert time.monotonic() - started < 3
    assert [(h.text, h.level) for h in document.headings if h.source == "style"] == [("Judul", 1)]


@pytest.mark.parametrize("attack", ["xxe", "billion-laughs", "internal"])
def test_entities_in_styles_are_never_fetched_or_expanded(tmp_path: Path, attack: str) -> None:
    # The styles part is parsed incrementally, with the same safe settings as every part.
    secret = tmp_path / "rahasia.txt"
    secret.write_text("heading 1", encoding="utf-8")
    entities = {
        "xxe": f'<!ENTITY e SYSTEM "{secret.as_uri()}">',
        "billion-laughs": _billion_laughs().removeprefix("<!DOCTYPE w:document [")[:-2]
        + '<!ENTITY e "&lol9;">',
        "internal": '<!ENTITY e "heading 2">',  # an internal entity in an attribute is its text
    }[attack]
    styles = f'<?xml version="1.0"?><!DOCTYPE w:styles [{entities}]>' + _styles(_style("H", "&e;"))
    started = time.monotonic()
    document = extract(discover_file(_styled(tmp_path, styles, _paragraph("Judul", "H"))))
    assert time.monotonic() - started < 5
    if attack == "internal":
        assert isinstance(document, Document)
        assert [(h.text, h.level) for h in document.headings] == [("Judul", 2)]
    else:
        assert isinstance(document, UnreadableDocument)
        assert document.problem.kind is ProblemKind.CORRUPT


def test_headers_footers_and_notes_are_found_by_part_name(tmp_path: Path) -> None:
    members = _package("Isi dokumen.")
    members["word/_rels/document.xml.rels"] = _relationships(
        ("footnotes", "footnotes.xml"), ("header", "kop.xml")
    )
    members["word/footnotes.xml"] = f"<w:footnotes {_W}>{_paragraph('Catatan kaki.')}</w:footnotes>"
    # Reached from the notes, not the document, and still read: every part is looked at.
    members["word/_rels/footnotes.xml.rels"] = _relationships(("header", "header7.xml"))
    members["word/header7.xml"] = f"<w:hdr {_W}>{_paragraph('Kop tujuh.')}</w:hdr>"
    # A header part by type whose name is not /word/header*.xml is not.
    members["word/kop.xml"] = f"<w:hdr {_W}>{_paragraph('Kop bernama lain.')}</w:hdr>"
    members["[Content_Types].xml"] = _content_types(
        {
            "/word/document.xml": _MAIN_TYPE,
            "/word/header7.xml": _WML + "header+xml",
            "/word/kop.xml": _WML + "header+xml",
        }
    )
    pages = [page.text for page in _read(_write(tmp_path / "tepi.docx", members)).pages]
    assert pages == ["Isi dokumen.", "Catatan kaki.", "Kop tujuh."]


def test_page_count_from_app_properties_reached_by_relationship(tmp_path: Path) -> None:
    members = _package("Satu halaman.")
    members["docProps/app.xml"] = "<Properties xmlns='urn:x'><Pages>12</Pages></Properties>"
    assert _read(_write(tmp_path / "lepas.docx", members)).page_count == 1
    members["_rels/.rels"] = _relationships(
        ("officeDocument", "word/document.xml"), ("extended-properties", "docProps/app.xml")
    )
    assert _read(_write(tmp_path / "terhubung.docx", members)).page_count == 12


def test_every_file_reads_its_own_styles(tmp_path: Path) -> None:
    # Nothing is remembered from one file to the next: files made from one template share
    # their styles byte for byte, and one whose styles differ or are damaged reads as such.
    source = docgen.write_docx(tmp_path / "a.docx", docgen.Doc(["# Judul Bab", "Isi."]))
    first = _read(source)
    assert _read(source) == first
    assert [(h.level, h.source) for h in first.headings] == [(1, "style")]
    broken = tmp_path / "b.docx"
    broken.write_bytes(_forge_header(source.read_bytes(), "word/styles.xml", _CRC, 0x12345678))
    assert "CRC" in _unreadable(broken).problem.detail
    renamed = _member(source, "word/styles.xml").replace(
        '<w:name w:val="heading 1"/>', '<w:name w:val="heading 3"/>'
    )
    changed = _rewrite_member(source, tmp_path / "c.docx", "word/styles.xml", renamed.encode())
    assert [(h.level, h.source) for h in _read(changed).headings] == [(3, "style")]


def test_iter_paragraphs_reading_order() -> None:
    from smartcity_audit.extractors.docx import iter_paragraphs

    body = etree.fromstring(
        f"<w:body {_W}>"
        "<w:p><w:r><w:t>luar</w:t><w:tab/><w:t>awal</w:t></w:r>"
        "<w:r><w:txbxContent><w:p><w:r><w:t>kotak</w:t></w:r></w:p></w:txbxContent></w:r>"
        "<w:r><w:t>luar akhir<w:p><w:r><w:t>di dalam teks</w:t></w:r></w:p></w:t></w:r>"
        "<w:del><w:r><w:t>terhapus</w:t></w:r></w:del></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>sel</w:t><w:br/><w:t>baris</w:t></w:r></w:p>"
        "</w:tc></w:tr></w:tbl>"
        "<w:del><w:p><w:r><w:t>paragraf terhapus</w:t></w:r></w:p></w:del>"
        "</w:body>"
    )
    assert [text for _, text in iter_paragraphs(body)] == [
        "luar\tawalluar akhir",
        "kotak",
        "sel\nbaris",
    ]
