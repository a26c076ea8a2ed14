"""Generate examples/buleleng/, the main example: the evidence folder of Kabupaten Buleleng.

Run from the repository root: ``python examples/make_buleleng.py [OUTPUT_DIR]`` (needs
python-docx, fpdf2 and Pillow, all in the ``test`` extra). Without an argument it rebuilds
``examples/buleleng/`` from scratch; ``tests/test_example_buleleng.py`` rebuilds it into a
temporary folder and compares it with the committed one. The output is deterministic: the same
library versions give the same bytes (the versions are recorded in the folder's
``.smartcity-audit.yaml``).

Everything here is fictional: Kabupaten Buleleng (Bali, capital Singaraja) and its programmes are
real, but the regent I NYOMAN CONTOH, every other name, every regulation and decree number, every
amount and every figure are invented, and each document says "fiktif" in its footer. The folder is
audited with the bundled ``buleleng`` rubric (which extends ``gm100sc``) as of 4 November 2024;
paths below are relative to the folder.

Documents, and the requirement each one is meant to satisfy (complete unless a gap is named):

``0. Dokumen Induk/``
  - ``01_BUKU I ANALISIS STRATEGIS_Buleleng.pdf``: Buku I, analisis strategis (IND-01).
  - ``02 Buku II Masterplan SC Buleleng 2022-2031 FINAL (1).docx``: Buku II with Visi, Strategi
    and RPJMD alignment (IND-02, critical).
  - ``Buku III - Ringkasan Eksekutif.pdf``: Buku III (IND-03).
  - ``dokumenQuickwins.pdf``: in spite of its name, Buku IV Peta Jalan (IND-04).
  - ``Perbup Masterplan SC_salinan.pdf``: the signed Perbup enacting the masterplan (IND-05,
    critical).
  - ``Kelembagaan/KONSEP SK Dewan SC 2024 rev2.docx``: GAP IND-07 incomplete, the renewed SK
    Dewan Smart City is still a draft (KONSEP/DRAFT, empty date, no signature).
  - ``Kelembagaan/SK Tim Pelaksana Smart City 2024 (scan).pdf``: GAP IND-08 unreadable, an
    image-only scan of the signed decree.
  - ``Kelembagaan/MoU Kominfo-Buleleng GM100SC.pdf``: signed MoU with the ministry (IND-09).
  - ``Kelembagaan/Notulen Rapat Dewan SC 14-03-2024.docx`` and
    ``Kelembagaan/notula forum sc nov 2022.pdf``: GAP IND-12 incomplete, two minutes are
    required within the last year but the forum meeting is from 2022.
  - ``Anggaran/DPA 2024 Diskominfosanti - prog SC.pdf``: DPA 2024 with the smart-city programme
    (IND-10).
  - ``Inventaris Aplikasi Pemkab Buleleng 2024.xlsx``: GAP IND-13 unreadable, the application
    inventory exists only as a spreadsheet (unsupported format).
  - ``Survei/Laporan Hasil Survei SC 2021.pdf``: GAP IND-14 incomplete, the impact survey is from
    2021 (older than one year).
  - ``Quick Win/Dokumentasi Quick Win 2024_v2.docx``: innovation, partnership, sustainability
    and risk of the quick wins (IND-15).
  - ``BCC/Lap Operasional BCC Smt I 2024.pdf``: Buleleng Command Center report (IND-16).
  - ``arsip/SK Dewan Smart City 2019.pdf``: the old signed SK Dewan, excluded by
    ``**/arsip/**`` (with it IND-07 would pass).
  - GAP IND-06 missing: no matrix aligning the masterplan with the RPJMD.

``1. Smart Governance/``
  - ``1.1 Layanan Publik/Profil Program MPP.docx``: profile, public services (GOV-P1).
  - ``1.1 Layanan Publik/Laporan Pelaksanaan MPP 2024 (Jan-Sep).pdf``: implementation report of
    the Mal Pelayanan Publik (GOV-I, GOV-BLL-1).
  - ``1.1 Layanan Publik/Evaluasi Dampak MPP 2024.pdf``: impact evaluation (GOV-D).
  - ``1.2 Tata Kelola Birokrasi/Profil Program e-Office.pdf``: profile, bureaucracy (GOV-P2).
  - ``Dasar Hukum/SK Bupati Penyelenggaraan MPP_2023.pdf``: signed decree (GOV-L).
  - GAP GOV-P3 missing (no public-policy programme profile); GAP GOV-O missing (the visit
    figures are only inside the implementation report).

``2. Smart Branding/``
  - ``Profil Program PAS.docx``: profile of the Pekan Apresiasi Seni, tourism (BRD-P1).
  - ``SK Panitia PAS 2024.pdf``: signed decree of the head of the culture office (BRD-L).
  - ``Laporan Kegiatan PAS 2024 final.pdf``: activity report (BRD-I, BRD-BLL-1).
  - ``Dokumentasi PAS 2024/IMG_20240716_193512.jpg``: a photo, listed as unsupported.
  - GAPS: BRD-P2 missing (no business programme profile), BRD-O and BRD-D missing; BRD-P3 (city
    appearance) is waived in ``.smartcity-audit.yaml`` until 2025-06-30.

``3. Smart Economy/``
  - ``Profil Program IKM Naik Kelas.docx``: profile, industry (ECO-P1).
  - ``Profil Program Pelatihan Kewirausahaan.pdf``: profile, welfare (ECO-P2).
  - ``Profil Program Pasar Nontunai.pdf``: profile, transactions (ECO-P3).
  - ``Laporan Pelaksanaan Pelatihan Kewirausahaan 2024.pdf``: report (ECO-I, ECO-BLL-1).
  - ``draft SOP pelatihan kewirausahaan v3.docx``: GAP ECO-L incomplete, the only legal basis is
    an unsigned DRAFT SOP.
  - ``Data Capaian Output Smart Economy 2024.xlsx``: GAP ECO-O unreadable, output data only as a
    spreadsheet.
  - GAP ECO-D missing.

``4. Smart Living/``
  - ``Profil Program SITARU.pdf``: profile, spatial harmony (LIV-P1).
  - ``Profil Program Mobil Unit Pelayanan KB.docx``: profile, health (LIV-P2).
  - ``SK Kadis PPKB Jadwal MUYAN KB 2024.pdf``: signed decree (LIV-L).
  - ``Laporan Kegiatan MUYAN KB Jan-Sep 2024.pdf``: report of the mobile family-planning unit
    (LIV-I, LIV-BLL-1).
  - ``Evaluasi Manfaat KB Keliling 2024.pdf``: benefit evaluation (LIV-D).
  - GAPS: LIV-P3 missing (no mobility programme profile), LIV-O missing.

``5. Smart Society/``
  - ``Profil Program Relawan TIK.pdf``: profile, community (SOC-P1).
  - ``Profil Program Sekolah Smart.docx``: profile, learning (SOC-P2).
  - ``SK Kadisdik Penetapan Sekolah Smart 2024.pdf``: signed decree (SOC-L).
  - ``Laporan Pelaksanaan Sekolah Smart 2024.pdf``: report (SOC-I, SOC-BLL-1).
  - ``Posko DO/Laporan Posko DO 2022.pdf``: GAP SOC-BLL-2 incomplete, the last report of the
    drop-out posts is from 2022.
  - GAPS: SOC-P3 missing (no safety programme profile), SOC-O and SOC-D missing.

``6. Smart Environment/``
  - ``Profil Program Penghijauan.pdf``: profile, environmental protection (ENV-P1).
  - ``Profil Program Bule Kepo.docx``: profile, waste (ENV-P2).
  - ``SOP Bule Kepo (disahkan).pdf``: signed SOP (ENV-L).
  - ``Laporan Pelaksanaan Bule Kepo 2024.pdf``: report (ENV-I, ENV-BLL-1).
  - ``Data capaian pengurangan sampah 2022.pdf``: GAP ENV-O incomplete, output data from 2022.
  - GAPS: ENV-P3 missing (no energy programme profile), ENV-D missing.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import sys
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from docgen import write_scanned_pdf  # noqa: E402

TARGET = HERE / "buleleng"
CONFIG_NAME = ".smartcity-audit.yaml"
# Zip members get this timestamp so that DOCX and XLSX files are byte-for-byte reproducible.
ZIP_TIME = (2024, 11, 1, 8, 0, 0)

COLOPHON = (
    "Dokumen fiktif untuk contoh smartcity-audit; nama, nomor dan angka dikarang, "
    "bukan dokumen resmi Pemerintah Kabupaten Buleleng."
)

BUPATI = "I NYOMAN CONTOH"
SEKDA = "I MADE CONTOH, S.H., M.Si."
KADIS_KOMINFO = "NI LUH CONTOH SARI, S.Kom., M.T."
NIP_KOMINFO = "NIP. 19760412 200112 2 003"

KOP_KOMINFO = (
    "PEMERINTAH KABUPATEN BULELENG",
    "DINAS KOMUNIKASI, INFORMATIKA, PERSANDIAN DAN STATISTIK",
)

# ---------------------------------------------------------------------------------------------
# Document model and writers


@dataclass(frozen=True)
class Table:
    """A table; the first row is the header row."""

    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...] = ()


# A block is a Table or a string: "# ", "## ", "### " headings; "---" page break; "===" a rule
# under a letterhead; "^text" a centred bold title line; ">text" a line of the signature column
# (">" alone is an empty line there); "* text" a list item; "" a small gap; "|" a large gap (on
# covers); anything else is a paragraph.
Block = str | Table


@dataclass(frozen=True)
class Spec:
    """One evidence document: where it goes, what it says, and its recorded properties."""

    path: str
    blocks: Sequence[Block]
    created: dt.datetime
    title: str = ""
    subject: str = ""
    header: str = ""  # running header (DOCX: every page; PDF: from page 2 on)


def _heading(block: str) -> tuple[int, str] | None:
    if block.startswith("#"):
        level = len(block) - len(block.lstrip("#"))
        return level, block[level:].strip()
    return None


def _latin1(text: str) -> str:
    """Return text the PDF core fonts can encode (they cover Latin-1 only)."""
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")
    text.encode("latin-1")  # fail loudly on anything else
    return text


def _normalized_zip(data: bytes) -> bytes:
    """Rewrite a zip package with fixed timestamps so that it is reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def _docx_rule(paragraph: Any) -> None:
    """Draw a double line under a paragraph (the rule under a letterhead)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "double"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def write_docx(root: Path, spec: Spec) -> Path:
    """Write a DOCX document: headings styled, tables gridded, header and footer filled."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt

    document = docx.Document()
    props = document.core_properties
    props.title = spec.title
    props.subject = spec.subject
    props.author = "Diskominfosanti Kab. Buleleng"
    props.last_modified_by = "operator"
    props.created = spec.created
    props.modified = spec.created
    props.revision = 3
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    if spec.header:
        section.header.paragraphs[0].text = spec.header
        section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.text = COLOPHON
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.runs[0].font.size = Pt(8)
    footer.runs[0].italic = True

    paragraph = None
    for block in spec.blocks:
        if isinstance(block, Table):
            columns = len(block.rows[0])
            table = document.add_table(rows=0, cols=columns)
            table.style = "Table Grid"
            for number, row in enumerate(block.rows):
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
                    if number == 0:
                        cell.paragraphs[0].runs[0].bold = True
            paragraph = None
            continue
        heading = _heading(block)
        if block == "---":
            (paragraph or document.add_paragraph()).add_run().add_break(WD_BREAK.PAGE)
        elif block == "===":
            if paragraph is not None:
                _docx_rule(paragraph)
        elif heading:
            paragraph = document.add_heading(heading[1], level=min(heading[0], 9))
        elif block.startswith("^"):
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_after = Pt(2)
            paragraph.add_run(block[1:]).bold = True
        elif block == "|":
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.space_before = Pt(60)
        elif block.startswith(">"):
            paragraph = document.add_paragraph(block[1:])
            paragraph.paragraph_format.left_indent = Cm(9)
            paragraph.paragraph_format.space_after = Pt(0)
        elif block.startswith("* "):
            paragraph = document.add_paragraph(block[2:], style="List Bullet")
        else:
            paragraph = document.add_paragraph(block)
            if block:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    buffer = io.BytesIO()
    document.save(buffer)
    path = root / spec.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_normalized_zip(buffer.getvalue()))
    return path


def _pdf_class() -> type:
    from fpdf import FPDF

    class EvidencePdf(FPDF):
        """A4 pages with the fictional-document colophon and an optional running header."""

        running_header = ""

        def header(self) -> None:
            if self.running_header and self.page_no() > 1:
                self.set_font("Helvetica", "I", 8)
                self.cell(0, 5, self.running_header, align="R", new_x="LMARGIN", new_y="NEXT")
                self.ln(2)

        def footer(self) -> None:
            self.set_y(-14)
            self.set_font("Helvetica", "I", 7)
            self.cell(0, 4, f"Hlm. {self.page_no()}/{{nb}} - {COLOPHON}", align="C")

    return EvidencePdf


def write_pdf(root: Path, spec: Spec) -> Path:
    """Write a text PDF: headings become bookmarks, tables are ruled, every page has a footer."""
    pdf = _pdf_class()(format="A4")
    pdf.running_header = _latin1(spec.header)
    pdf.set_creation_date(spec.created)
    pdf.set_producer("Microsoft Word untuk Microsoft 365 (fiktif)")
    pdf.set_creator("Microsoft Word")
    if spec.title:
        pdf.set_title(_latin1(spec.title))
    if spec.subject:
        pdf.set_subject(_latin1(spec.subject))
    pdf.set_author("Diskominfosanti Kab. Buleleng")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(auto=True, margin=22)
    pdf.add_page()
    for block in spec.blocks:
        if isinstance(block, Table):
            pdf.set_font("Helvetica", size=9)
            widths = block.widths or tuple(1 for _ in block.rows[0])
            with pdf.table(col_widths=widths, line_height=5, first_row_as_headings=True) as table:
                for row in block.rows:
                    cells = table.row()
                    for text in row:
                        cells.cell(_latin1(text))
            pdf.ln(3)
            continue
        heading = _heading(block)
        text = _latin1(block)
        if block == "---":
            pdf.add_page()
        elif block == "===":
            y = pdf.get_y() + 1
            pdf.set_line_width(0.8)
            pdf.line(20, y, 190, y)
            pdf.set_line_width(0.2)
            pdf.line(20, y + 1.2, 190, y + 1.2)
            pdf.set_y(y + 4)
        elif heading:
            level, title = heading[0], _latin1(heading[1])
            pdf.set_font("Helvetica", "B", 13 if level == 1 else 11)
            pdf.start_section(title, level=level - 1)
            pdf.ln(1)
            pdf.multi_cell(0, 7, title, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif block.startswith("^"):
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(0, 6, text[1:], align="C", new_x="LMARGIN", new_y="NEXT")
        elif block.startswith(">"):
            pdf.set_font("Helvetica", size=11)
            pdf.set_x(105)
            pdf.multi_cell(85, 5.5, text[1:], align="L", new_x="LMARGIN", new_y="NEXT")
        elif block.startswith("* "):
            pdf.set_font("Helvetica", size=11)
            pdf.set_x(26)
            pdf.multi_cell(0, 5.5, "- " + text[2:], new_x="LMARGIN", new_y="NEXT")
        elif not block:
            pdf.ln(3)
        elif block == "|":
            pdf.ln(45)
        else:
            pdf.set_font("Helvetica", size=11)
            pdf.multi_cell(0, 5.5, text, align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
    path = root / spec.path
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def write_xlsx(path: Path, sheet: str, rows: Sequence[Sequence[str | int]]) -> Path:
    """Write a small but valid spreadsheet (inline strings): evidence the scanner cannot read."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    lines = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{_column(c)}{r}"
            if isinstance(value, int):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>')
        lines.append(f'<row r="{r}">{"".join(cells)}</row>')
    parts = {
        "[Content_Types].xml": head
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>",
        "_rels/.rels": head + f'<Relationships xmlns="{package}">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": head + f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
        f'<sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": head + f'<Relationships xmlns="{package}">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>",
        "xl/worksheets/sheet1.xml": head
        + f'<worksheet xmlns="{main}"><sheetData>{"".join(lines)}</sheetData></worksheet>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=ZIP_TIME), text.encode("utf-8"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_normalized_zip(buffer.getvalue()))
    return path


def write_photo(path: Path) -> Path:
    """Write a small JPEG standing for a photo of the event (an unsupported evidence format)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (320, 240), (34, 40, 70))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 120, 280, 200), fill=(150, 90, 40))  # the stage
    for x in range(50, 280, 22):
        draw.ellipse((x, 95, x + 14, 109), fill=(230, 190, 120))  # dancers
        draw.rectangle((x + 2, 109, x + 12, 135), fill=(200, 40, 50))
    draw.polygon(((20, 120), (160, 30), (300, 120)), outline=(240, 200, 60), width=3)
    path.parent.mkdir(parents=True, exist_ok=True)
    exif = Image.Exif()
    exif[0x010E] = "Foto tiruan (fiktif) untuk contoh smartcity-audit"  # ImageDescription
    image.save(path, format="JPEG", quality=60, exif=exif)
    return path


def write(root: Path, spec: Spec) -> Path:
    """Write a spec in the format its file name asks for."""
    if spec.path.endswith(".docx"):
        return write_docx(root, spec)
    return write_pdf(root, spec)


# ---------------------------------------------------------------------------------------------
# Building blocks of Indonesian government documents


def kop(*office: str, address: str = "Singaraja, Bali") -> list[Block]:
    """Return a letterhead: the government, the office, the town, and a double rule."""
    return [*(f"^{line}" for line in office), address, "==="]


def signature(
    office: str,
    name: str,
    *,
    place_date: Sequence[str] = (),
    nip: str = "",
    rank: str = "",
    signed: bool = True,
) -> list[Block]:
    """Return a signature column: place and date, the office, "ttd" (or empty space), the name."""
    lines: list[Block] = ["", *(f">{line}" for line in place_date), f">{office}", ">"]
    lines += [">ttd" if signed else ">", ">", f">{name}"]
    if rank:
        lines.append(f">{rank}")
    if nip:
        lines.append(f">{nip}")
    return lines


def decree_head(
    issuer: str, number: str, about: Sequence[str], *, kind: str = "KEPUTUSAN"
) -> list[Block]:
    """Return the head of a decree or regulation up to the issuer line before "Menimbang"."""
    top = ["^BUPATI BULELENG", "^PROVINSI BALI", ""] if issuer == "BUPATI BULELENG" else []
    return [
        *top,
        f"^{kind} {issuer}",
        f"^NOMOR {number}",
        "",
        "^TENTANG",
        "",
        *(f"^{line}" for line in about),
        "",
        "^DENGAN RAHMAT TUHAN YANG MAHA ESA",
        "",
        f"^{issuer},",
        "",
    ]


def profile(
    *,
    program: str,
    dimension: str,
    subdimension: str,
    opd: str,
    since: str,
    background: str,
    goals: Sequence[str],
    targets: str,
    partners: str,
    how: Sequence[str],
    results: Table,
    plans: str,
    head: str,
    name: str,
    nip: str,
    date: str,
) -> list[Block]:
    """Return a programme profile in the template of the smart-city evaluation."""
    return [
        "^PROFIL PROGRAM SMART CITY TAHUN 2024",
        "^KABUPATEN BULELENG",
        f"^{program.upper()}",
        "",
        "# 1. Identitas Program",
        Table(
            (
                ("Uraian", "Keterangan"),
                ("Nama program", program),
                ("Dimensi", dimension),
                ("Subdimensi", subdimension),
                ("Perangkat daerah pengampu", opd),
                ("Tahun mulai", since),
            ),
            (1, 2),
        ),
        "# 2. Latar Belakang",
        background,
        "# 3. Tujuan dan Sasaran",
        "Tujuan program:",
        *(f"* {goal}" for goal in goals),
        f"Sasaran program: {targets}",
        "# 4. Pelaksana dan Mitra",
        partners,
        "# 5. Mekanisme Pelaksanaan",
        *(f"* {step}" for step in how),
        "# 6. Capaian s.d. September 2024",
        results,
        "# 7. Rencana Pengembangan",
        plans,
        *signature(head, name, place_date=(f"Singaraja, {date}",), nip=nip),
    ]


def report_cover(kind: str, program: Sequence[str], period: str, office: str) -> list[Block]:
    """Return the cover page of a report, then a page break."""
    return [
        "|",
        f"^{kind}",
        *(f"^{line}" for line in program),
        f"^{period}",
        "|",
        "^PEMERINTAH KABUPATEN BULELENG",
        f"^{office}",
        "^SINGARAJA",
        "---",
    ]


# ---------------------------------------------------------------------------------------------
# 0. Dokumen Induk

INDUK = "0. Dokumen Induk"
DIMENSIONS = (
    ("Smart Governance", "Mal Pelayanan Publik, e-Office dan Buleleng Command Center"),
    ("Smart Branding", "Pekan Apresiasi Seni dan promosi destinasi wisata"),
    ("Smart Economy", "IKM Naik Kelas, pelatihan kewirausahaan dan pasar nontunai"),
    ("Smart Living", "Mobil Unit Pelayanan KB dan Sistem Informasi Tata Ruang"),
    ("Smart Society", "Sekolah Smart, Posko DO dan Relawan TIK"),
    ("Smart Environment", "Bule Kepo dan penghijauan daerah aliran sungai"),
)


def buku_i() -> Spec:
    """Buku I Analisis Strategis, four pages (IND-01)."""
    return Spec(
        f"{INDUK}/01_BUKU I ANALISIS STRATEGIS_Buleleng.pdf",
        [
            "|",
            "^BUKU I",
            "^ANALISIS STRATEGIS",
            "^MASTERPLAN SMART CITY",
            "^KABUPATEN BULELENG",
            "^TAHUN 2022-2031",
            "|",
            "^PEMERINTAH KABUPATEN BULELENG",
            "^2022",
            "---",
            "# BAB I PENDAHULUAN",
            "## 1.1 Latar Belakang",
            "Kabupaten Buleleng adalah kabupaten terluas di Provinsi Bali dengan ibu kota "
            "Singaraja. Wilayahnya membentang di pesisir utara Bali, dari kawasan pantai hingga "
            "pegunungan, sehingga layanan pemerintah harus menjangkau desa-desa yang berjauhan. "
            "Keikutsertaan dalam Gerakan Menuju 100 Smart City menjadi kesempatan untuk menata "
            "pemanfaatan teknologi informasi dan komunikasi secara terencana.",
            "Buku I menyajikan analisis strategis sebagai dasar penyusunan masterplan: profil "
            "daerah, kesiapan daerah (readiness) pada aspek struktur, infrastruktur dan "
            "suprastruktur, serta isu strategis yang harus dijawab oleh program smart city.",
            "## 1.2 Maksud dan Tujuan",
            "Maksud penyusunan Buku I adalah memberikan gambaran kondisi awal (baseline) "
            "Kabupaten Buleleng. Tujuannya adalah mengidentifikasi kekuatan, kelemahan, peluang "
            "dan tantangan sebagai bahan perumusan visi, misi dan strategi pada Buku II.",
            "## 1.3 Metodologi",
            "Analisis disusun melalui kajian dokumen perencanaan daerah, survei kesiapan "
            "perangkat daerah, diskusi kelompok terarah dengan perangkat daerah, akademisi, "
            "pelaku usaha dan komunitas, serta pendampingan tenaga ahli dari kementerian.",
            "---",
            "# BAB II PROFIL DAN KESIAPAN DAERAH",
            "## 2.1 Gambaran Umum Daerah",
            "Buleleng memiliki sembilan kecamatan dengan pusat pemerintahan di Singaraja. "
            "Sektor pertanian, perikanan, pariwisata dan perdagangan menjadi penggerak ekonomi "
            "daerah. Kawasan wisata pesisir, air terjun dan desa adat menjadi daya tarik utama.",
            "## 2.2 Kesiapan Struktur",
            "Perangkat daerah telah memiliki unit pengelola teknologi informasi, namun jumlah "
            "sumber daya manusia dengan keahlian pengembangan aplikasi dan keamanan informasi "
            "masih terbatas. Koordinasi lintas perangkat daerah belum dilembagakan secara rutin.",
            "## 2.3 Kesiapan Infrastruktur",
            Table(
                (
                    ("Aspek", "Kondisi awal (2022)", "Catatan"),
                    ("Jaringan serat optik antarkantor", "Sebagian kantor terhubung", "Perluasan"),
                    ("Pusat data daerah", "Ruang server Diskominfosanti", "Perlu standar"),
                    ("Akses internet desa", "Belum merata di desa pegunungan", "Prioritas"),
                    ("Ruang pemantauan terpadu", "Belum ada", "Rencana BCC"),
                ),
                (3, 3, 2),
            ),
            "## 2.4 Kesiapan Suprastruktur",
            "Kebijakan pendukung telah tersedia pada tingkat nasional, antara lain Peraturan "
            "Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik. Pada "
            "tingkat daerah masih diperlukan peraturan bupati yang menetapkan masterplan smart "
            "city serta kelembagaan Dewan Smart City dan Tim Pelaksana.",
            "---",
            "# BAB III ANALISIS STRATEGIS",
            "## 3.1 Analisis SWOT",
            Table(
                (
                    ("Kekuatan", "Kelemahan"),
                    ("Komitmen pimpinan daerah", "Keterbatasan SDM TIK"),
                    ("Potensi wisata dan budaya", "Data antarperangkat daerah belum terpadu"),
                    ("Peluang", "Tantangan"),
                    ("Dukungan program nasional", "Kesenjangan akses internet desa"),
                    ("Pertumbuhan ekonomi digital", "Ancaman siber dan hoaks"),
                ),
                (1, 1),
            ),
            "## 3.2 Analisis Kesenjangan",
            "Kesenjangan terbesar terdapat pada integrasi data dan layanan. Layanan perizinan, "
            "kependudukan dan kesehatan masih berjalan pada aplikasi yang terpisah, sehingga "
            "warga harus mendatangi beberapa kantor untuk satu urusan.",
            "# BAB IV ISU STRATEGIS",
            "* Layanan publik yang belum terpadu dan belum menjangkau desa.",
            "* Ekonomi daerah yang bergantung pada pariwisata dan belum tangguh terhadap krisis.",
            "* Angka anak putus sekolah dan kesenjangan pembelajaran digital.",
            "* Timbulan sampah organik rumah tangga yang terus meningkat.",
            "Isu strategis tersebut menjadi dasar perumusan program pada Buku II Masterplan.",
        ],
        dt.datetime(2022, 9, 5, 10, 0),
        title="Buku I Analisis Strategis Masterplan Smart City Kabupaten Buleleng",
        header="Buku I - Analisis Strategis",
    )


def buku_ii() -> Spec:
    """Buku II Masterplan with Visi, Strategi and RPJMD alignment (IND-02, critical)."""
    rows = [("Dimensi", "Program unggulan", "Perangkat daerah")]
    rows += [
        ("Smart Governance", "Mal Pelayanan Publik; e-Office; Buleleng Command Center", "DPMPTSP"),
        ("Smart Branding", "Pekan Apresiasi Seni; promosi destinasi digital", "Disbud"),
        ("Smart Economy", "Pelatihan kewirausahaan; IKM Naik Kelas; pasar nontunai", "Disnaker"),
        ("Smart Living", "Mobil Unit Pelayanan KB; Sistem Informasi Tata Ruang", "Dinas PPKB"),
        ("Smart Society", "Sekolah Smart; Posko DO; Relawan TIK", "Disdikpora"),
        ("Smart Environment", "Bule Kepo; penghijauan daerah aliran sungai", "DLH"),
    ]
    return Spec(
        f"{INDUK}/02 Buku II Masterplan SC Buleleng 2022-2031 FINAL (1).docx",
        [
            "|",
            "^BUKU II",
            "^MASTERPLAN SMART CITY",
            "^KABUPATEN BULELENG",
            "^TAHUN 2022-2031",
            "",
            "^Rencana Induk Pembangunan Kota Cerdas",
            "|",
            "^PEMERINTAH KABUPATEN BULELENG",
            "^2022",
            "---",
            "# BAB I PENDAHULUAN",
            "## 1.1 Latar Belakang",
            "Masterplan Smart City Kabupaten Buleleng adalah rencana induk pembangunan kota "
            "cerdas untuk jangka waktu sepuluh tahun. Dokumen ini disusun berdasarkan analisis "
            "strategis pada Buku I dan menjadi acuan perangkat daerah dalam merencanakan, "
            "menganggarkan dan melaksanakan program smart city.",
            "## 1.2 Keselarasan dengan Dokumen Perencanaan",
            "Masterplan ini selaras dengan RPJMD Kabupaten Buleleng. Setiap program unggulan "
            "dipetakan ke sasaran RPJMD dan Renstra perangkat daerah pengampu, sehingga program "
            "smart city dibiayai melalui mekanisme perencanaan dan penganggaran yang berlaku.",
            "## 1.3 Ruang Lingkup",
            "Ruang lingkup masterplan meliputi enam dimensi: Smart Governance, Smart Branding, "
            "Smart Economy, Smart Living, Smart Society dan Smart Environment.",
            "---",
            "# BAB II VISI DAN MISI SMART CITY",
            "## 2.1 Visi",
            "Terwujudnya Buleleng Cerdas: pemerintahan yang melayani, masyarakat yang berdaya "
            "dan lingkungan yang lestari melalui pemanfaatan teknologi.",
            "## 2.2 Misi",
            "* Menghadirkan layanan publik yang terpadu, cepat dan mudah dijangkau warga desa.",
            "* Memperkuat citra Buleleng sebagai daerah seni, budaya dan wisata.",
            "* Menumbuhkan wirausaha dan industri kecil yang berdaya saing.",
            "* Meningkatkan kualitas kesehatan keluarga dan pendidikan.",
            "* Mengelola sampah dan lingkungan hidup secara berkelanjutan.",
            "# BAB III STRATEGI PEMBANGUNAN SMART CITY",
            "## 3.1 Strategi Umum",
            "Strategi umum ditempuh melalui tiga jalur: penguatan kelembagaan (Dewan Smart City "
            "dan Tim Pelaksana), penyediaan infrastruktur bersama (jaringan, pusat data dan "
            "Buleleng Command Center), serta program unggulan per dimensi yang dapat segera "
            "dirasakan manfaatnya oleh warga (quick win).",
            "## 3.2 Strategi per Dimensi",
            *(f"* {name}: {text}." for name, text in DIMENSIONS),
            "---",
            "# BAB IV PROGRAM DAN RENCANA AKSI",
            "Program unggulan setiap dimensi dan perangkat daerah pengampunya disajikan pada "
            "tabel berikut. Rincian tahapan per tahun dimuat dalam Buku IV Peta Jalan.",
            Table(tuple(rows), (2, 4, 2)),
            "# BAB V PEMANTAUAN DAN EVALUASI",
            "Pelaksanaan masterplan dipantau oleh Tim Pelaksana setiap triwulan dan dilaporkan "
            "kepada Dewan Smart City. Evaluasi menyeluruh dilakukan setiap tahun bersama "
            "pendamping dari kementerian.",
            "# BAB VI PENUTUP",
            "Masterplan ini ditetapkan dengan Peraturan Bupati dan ditinjau kembali paling "
            "lambat lima tahun sejak ditetapkan atau bila terjadi perubahan RPJMD.",
        ],
        dt.datetime(2022, 10, 20, 14, 0),
        title="Masterplan Smart City Kabupaten Buleleng 2022-2031",
        subject="Buku II Masterplan",
    )


def buku_iii() -> Spec:
    """Buku III Ringkasan Eksekutif (IND-03)."""
    return Spec(
        f"{INDUK}/Buku III - Ringkasan Eksekutif.pdf",
        [
            "",
            "^BUKU III",
            "^RINGKASAN EKSEKUTIF",
            "^MASTERPLAN SMART CITY KABUPATEN BULELENG",
            "^TAHUN 2022-2031",
            "",
            "# A. Gambaran Singkat",
            "Ringkasan eksekutif ini merangkum Buku I Analisis Strategis, Buku II Masterplan dan "
            "Buku IV Peta Jalan Smart City Kabupaten Buleleng bagi pimpinan daerah dan pemangku "
            "kepentingan.",
            "# B. Visi",
            "Terwujudnya Buleleng Cerdas: pemerintahan yang melayani, masyarakat yang berdaya "
            "dan lingkungan yang lestari melalui pemanfaatan teknologi.",
            "# C. Program Unggulan (Quick Win)",
            Table(
                (
                    ("No", "Program unggulan", "Dimensi", "Mulai"),
                    ("1", "Mal Pelayanan Publik", "Smart Governance", "2022"),
                    ("2", "Buleleng Command Center", "Smart Governance", "2023"),
                    ("3", "Pekan Apresiasi Seni", "Smart Branding", "2022"),
                    ("4", "Pelatihan kewirausahaan", "Smart Economy", "2022"),
                    ("5", "Mobil Unit Pelayanan KB", "Smart Living", "2023"),
                    ("6", "Sekolah Smart dan Posko DO", "Smart Society", "2022"),
                    ("7", "Bule Kepo", "Smart Environment", "2023"),
                ),
                (1, 5, 3, 2),
            ),
            "# D. Kebutuhan Anggaran",
            "Program unggulan dibiayai melalui APBD perangkat daerah pengampu dan didukung "
            "kemitraan dengan perguruan tinggi, komunitas dan dunia usaha.",
            "# E. Tata Kelola",
            "Dewan Smart City memberi arah kebijakan, Tim Pelaksana mengoordinasikan pelaksanaan, "
            "dan Diskominfosanti menjadi sekretariat serta pengelola infrastruktur bersama.",
        ],
        dt.datetime(2022, 10, 24, 9, 0),
        title="Ringkasan Eksekutif Masterplan Smart City Kabupaten Buleleng",
    )


def buku_iv() -> Spec:
    """Buku IV Peta Jalan, saved under a misleading file name (IND-04)."""
    years = [("Tahun", "Fokus", "Program utama")]
    years += [
        ("2022", "Fondasi", "Perbup masterplan; kelembagaan; MPP"),
        ("2023", "Integrasi layanan", "Buleleng Command Center; Mobil Unit Pelayanan KB"),
        ("2024", "Perluasan", "Sekolah Smart; Bule Kepo di desa percontohan"),
        ("2025-2026", "Penguatan data", "Satu data daerah; dashboard kinerja"),
        ("2027-2031", "Keberlanjutan", "Replikasi ke seluruh kecamatan; evaluasi dampak"),
    ]
    return Spec(
        f"{INDUK}/dokumenQuickwins.pdf",
        [
            "",
            "^BUKU IV",
            "^PETA JALAN (ROAD MAP)",
            "^MASTERPLAN SMART CITY KABUPATEN BULELENG",
            "^TAHUN 2022-2031",
            "",
            "# BAB I PENDAHULUAN",
            "Peta jalan ini menjabarkan tahapan pelaksanaan Masterplan Smart City Kabupaten "
            "Buleleng dari tahun ke tahun, sebagai pedoman perangkat daerah dalam menyusun "
            "rencana kerja dan anggaran.",
            "# BAB II TAHAPAN PELAKSANAAN",
            Table(tuple(years), (2, 3, 6)),
            "# BAB III INDIKATOR KEBERHASILAN",
            "* Seluruh layanan perizinan dapat diakses di Mal Pelayanan Publik dan secara daring.",
            "* Setiap kecamatan terlayani Mobil Unit Pelayanan KB paling sedikit sebulan sekali.",
            "* Sampah organik rumah tangga di desa percontohan diolah menjadi kompos.",
            "# BAB IV PENUTUP",
            "Peta jalan ditinjau setiap tahun oleh Tim Pelaksana dan disampaikan kepada Dewan "
            "Smart City untuk disesuaikan dengan capaian dan kemampuan anggaran.",
        ],
        dt.datetime(2022, 10, 24, 9, 30),
        title="",
    )


def perbup() -> Spec:
    """The signed regent's regulation enacting the masterplan (IND-05, critical)."""
    return Spec(
        f"{INDUK}/Perbup Masterplan SC_salinan.pdf",
        [
            "^SALINAN",
            *decree_head(
                "BUPATI BULELENG",
                "17 TAHUN 2022",
                ["MASTERPLAN SMART CITY KABUPATEN BULELENG", "TAHUN 2022-2031"],
                kind="PERATURAN",
            ),
            "Menimbang : a. bahwa untuk meningkatkan kualitas pelayanan publik dan daya saing "
            "daerah melalui pemanfaatan teknologi informasi dan komunikasi, perlu disusun "
            "rencana induk smart city; b. bahwa berdasarkan pertimbangan sebagaimana dimaksud "
            "dalam huruf a, perlu menetapkan Peraturan Bupati tentang Masterplan Smart City "
            "Kabupaten Buleleng Tahun 2022-2031;",
            "Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah; "
            "2. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis "
            "Elektronik;",
            "^MEMUTUSKAN:",
            "Menetapkan : PERATURAN BUPATI TENTANG MASTERPLAN SMART CITY KABUPATEN BULELENG "
            "TAHUN 2022-2031.",
            "# BAB I KETENTUAN UMUM",
            "Pasal 1. Dalam Peraturan Bupati ini yang dimaksud dengan: 1. Daerah adalah "
            "Kabupaten Buleleng. 2. Bupati adalah Bupati Buleleng. 3. Masterplan Smart City "
            "adalah dokumen perencanaan pembangunan kota cerdas Kabupaten Buleleng untuk "
            "jangka waktu sepuluh tahun.",
            "# BAB II KEDUDUKAN DAN SISTEMATIKA",
            "Pasal 2. Masterplan Smart City menjadi pedoman perangkat daerah dalam menyusun "
            "rencana kerja yang berkaitan dengan pembangunan smart city.",
            "Pasal 3. Masterplan Smart City terdiri atas Buku I Analisis Strategis, Buku II "
            "Masterplan, Buku III Ringkasan Eksekutif dan Buku IV Peta Jalan sebagaimana "
            "tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Peraturan "
            "Bupati ini.",
            "# BAB III PELAKSANAAN DAN PENDANAAN",
            "Pasal 4. (1) Pelaksanaan Masterplan Smart City dikoordinasikan oleh perangkat daerah "
            "yang menyelenggarakan urusan pemerintahan di bidang komunikasi dan informatika. "
            "(2) Pendanaan bersumber dari Anggaran Pendapatan dan Belanja Daerah dan sumber lain "
            "yang sah dan tidak mengikat.",
            "# BAB IV KETENTUAN PENUTUP",
            "Pasal 5. Peraturan Bupati ini mulai berlaku pada tanggal diundangkan. Agar setiap "
            "orang mengetahuinya, memerintahkan pengundangan Peraturan Bupati ini dengan "
            "penempatannya dalam Berita Daerah Kabupaten Buleleng.",
            *signature(
                "BUPATI BULELENG,",
                BUPATI,
                place_date=("Ditetapkan di Singaraja", "pada tanggal 14 November 2022"),
            ),
            *signature(
                "SEKRETARIS DAERAH KABUPATEN BULELENG,",
                SEKDA,
                place_date=("Diundangkan di Singaraja", "pada tanggal 14 November 2022"),
            ),
            "",
            "BERITA DAERAH KABUPATEN BULELENG TAHUN 2022 NOMOR 17",
            "",
            "Salinan sesuai dengan aslinya",
            "KEPALA BAGIAN HUKUM SETDA KABUPATEN BULELENG,",
            "ttd",
            "NI KOMANG CONTOH, S.H.",
            "NIP. 19800517 200501 2 011",
            "---",
            "LAMPIRAN",
            "PERATURAN BUPATI BULELENG",
            "NOMOR 17 TAHUN 2022",
            "TENTANG MASTERPLAN SMART CITY KABUPATEN BULELENG TAHUN 2022-2031",
            "",
            "^SISTEMATIKA MASTERPLAN SMART CITY KABUPATEN BULELENG",
            Table(
                (
                    ("Buku", "Judul", "Isi pokok"),
                    ("I", "Analisis Strategis", "Profil, kesiapan daerah dan isu strategis"),
                    ("II", "Masterplan", "Visi, misi, strategi dan program per dimensi"),
                    ("III", "Ringkasan Eksekutif", "Ringkasan bagi pimpinan daerah"),
                    ("IV", "Peta Jalan", "Tahapan pelaksanaan 2022-2031"),
                ),
                (1, 3, 6),
            ),
            "Naskah lengkap Buku I sampai dengan Buku IV disimpan pada perangkat daerah yang "
            "menyelenggarakan urusan komunikasi dan informatika.",
            *signature("BUPATI BULELENG,", BUPATI),
        ],
        dt.datetime(2022, 11, 14, 15, 0),
        title="Peraturan Bupati Buleleng tentang Masterplan Smart City",
    )


KELEMBAGAAN = f"{INDUK}/Kelembagaan"


def sk_dewan_konsep() -> Spec:
    """The renewed council decree, still a draft (IND-07 incomplete)."""
    members = [
        ("No", "Jabatan dalam Dewan", "Jabatan dinas"),
        ("1", "Ketua", "Bupati Buleleng"),
        ("2", "Wakil Ketua", "Wakil Bupati Buleleng"),
        ("3", "Sekretaris", "Kepala Dinas Komunikasi, Informatika, Persandian dan Statistik"),
        ("4", "Anggota", "Sekretaris Daerah Kabupaten Buleleng"),
        ("5", "Anggota", "Kepala Badan Perencanaan Pembangunan Daerah"),
        ("6", "Anggota", "Unsur perguruan tinggi dan tokoh masyarakat"),
    ]
    return Spec(
        f"{KELEMBAGAAN}/KONSEP SK Dewan SC 2024 rev2.docx",
        [
            "^KONSEP",
            *decree_head(
                "BUPATI BULELENG",
                "........ TAHUN 2024",
                ["PEMBENTUKAN DEWAN SMART CITY", "KABUPATEN BULELENG"],
            ),
            "Menimbang : a. bahwa Keputusan Bupati tentang Dewan Smart City perlu disesuaikan "
            "dengan perubahan susunan pimpinan perangkat daerah; b. bahwa berdasarkan "
            "pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan Bupati "
            "tentang Pembentukan Dewan Smart City Kabupaten Buleleng;",
            "Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah; "
            "2. Peraturan Bupati Buleleng tentang Masterplan Smart City Kabupaten Buleleng "
            "Tahun 2022-2031;",
            "^MEMUTUSKAN:",
            "Menetapkan :",
            "KESATU : Membentuk Dewan Smart City Kabupaten Buleleng dengan susunan keanggotaan "
            "sebagai berikut:",
            Table(tuple(members), (1, 3, 7)),
            "KEDUA : Dewan Smart City bertugas memberi arah kebijakan, menetapkan prioritas "
            "program smart city dan mengevaluasi pelaksanaan masterplan paling sedikit dua kali "
            "dalam setahun.",
            "KETIGA : Dengan berlakunya Keputusan ini, Keputusan Bupati tentang Dewan Smart City "
            "tahun 2019 dicabut dan dinyatakan tidak berlaku.",
            "KEEMPAT : Keputusan ini mulai berlaku pada tanggal ditetapkan.",
            *signature(
                "BUPATI BULELENG,",
                BUPATI,
                place_date=("Ditetapkan di Singaraja", "pada tanggal ................ 2024"),
                signed=False,
            ),
        ],
        dt.datetime(2024, 10, 9, 13, 0),
        title="DRAFT Keputusan Bupati tentang Dewan Smart City",
        header="DRAFT rev-2 - bahan rapat Tim Pelaksana, belum ditandatangani",
    )


def mou() -> Spec:
    """The signed memorandum with the ministry (IND-09)."""
    return Spec(
        f"{KELEMBAGAAN}/MoU Kominfo-Buleleng GM100SC.pdf",
        [
            "^NOTA KESEPAKATAN",
            "^ANTARA",
            "^KEMENTERIAN KOMUNIKASI DAN INFORMATIKA",
            "^REPUBLIK INDONESIA",
            "^DENGAN",
            "^PEMERINTAH KABUPATEN BULELENG",
            "^TENTANG",
            "^GERAKAN MENUJU 100 SMART CITY",
            "",
            "^NOMOR: 00/KOMINFO/DJAI/HK.03/05/2022 (fiktif)",
            "^NOMOR: 000/17/KS/2022 (fiktif)",
            "",
            "Pada hari ini, Rabu, tanggal delapan belas bulan Mei tahun dua ribu dua puluh dua, "
            "yang bertanda tangan di bawah ini: 1. CONTOH SANTOSO, Direktur Jenderal Aplikasi "
            "Informatika, bertindak untuk dan atas nama Kementerian Komunikasi dan Informatika, "
            "selanjutnya disebut PIHAK KESATU; 2. I NYOMAN CONTOH, Bupati Buleleng, bertindak "
            "untuk dan atas nama Pemerintah Kabupaten Buleleng, selanjutnya disebut PIHAK KEDUA.",
            "## Pasal 1 Maksud dan Tujuan",
            "Nota Kesepakatan ini dimaksudkan sebagai landasan kerja sama para pihak dalam "
            "pelaksanaan Gerakan Menuju 100 Smart City, dengan tujuan mempercepat penyusunan dan "
            "pelaksanaan masterplan smart city Kabupaten Buleleng.",
            "## Pasal 2 Ruang Lingkup",
            "* Pendampingan penyusunan masterplan smart city oleh tenaga ahli.",
            "* Bimbingan teknis bagi aparatur perangkat daerah.",
            "* Evaluasi pelaksanaan masterplan secara berkala.",
            "## Pasal 3 Jangka Waktu",
            "Nota Kesepakatan ini berlaku selama lima tahun sejak ditandatangani dan dapat "
            "diperpanjang atas kesepakatan para pihak.",
            "## Pasal 4 Penutup",
            "Nota Kesepakatan ini dibuat dalam rangkap dua, masing-masing bermeterai cukup dan "
            "mempunyai kekuatan hukum yang sama.",
            "",
            "Ditandatangani di Jakarta",
            "pada tanggal 18 Mei 2022",
            "",
            "PIHAK KESATU,",
            "DIREKTUR JENDERAL APLIKASI INFORMATIKA,",
            "ttd",
            "CONTOH SANTOSO",
            "",
            "PIHAK KEDUA,",
            "BUPATI BULELENG,",
            "ttd",
            BUPATI,
        ],
        dt.datetime(2022, 5, 18, 11, 0),
        title="Nota Kesepakatan Gerakan Menuju 100 Smart City",
    )


def notulen_dewan() -> Spec:
    """Minutes of the council meeting in March 2024 (one of the two IND-12 asks for)."""
    attendance = [
        ("No", "Nama", "Jabatan", "Paraf"),
        ("1", BUPATI, "Bupati Buleleng / Ketua Dewan", "hadir"),
        ("2", SEKDA, "Sekretaris Daerah", "hadir"),
        ("3", KADIS_KOMINFO, "Kepala Diskominfosanti", "hadir"),
        ("4", "I KOMANG CONTOH, S.T.", "Kepala Bappeda", "hadir"),
        ("5", "Dr. NI WAYAN CONTOH", "Akademisi", "hadir"),
        ("6", "GEDE CONTOH ARTAWAN", "Tokoh masyarakat", "izin"),
    ]
    return Spec(
        f"{KELEMBAGAAN}/Notulen Rapat Dewan SC 14-03-2024.docx",
        [
            *kop(*KOP_KOMINFO),
            "^NOTULEN RAPAT DEWAN SMART CITY",
            "^KABUPATEN BULELENG",
            "",
            "Hari/Tanggal : Kamis, 14 Maret 2024",
            "Waktu : 09.00 - 12.00 WITA",
            "Tempat : Ruang Rapat Buleleng Command Center, Singaraja",
            "Pimpinan rapat : Bupati Buleleng selaku Ketua Dewan Smart City",
            "Acara : Evaluasi pelaksanaan program smart city tahun 2023 dan prioritas 2024",
            "# A. Pembukaan",
            "Ketua Dewan membuka rapat dan menekankan agar program smart city tahun 2024 "
            "difokuskan pada layanan yang langsung dirasakan warga.",
            "# B. Pembahasan",
            "* Sekretaris Dewan memaparkan capaian 2023: Mal Pelayanan Publik melayani rata-rata "
            "ratusan pengunjung per hari dan Buleleng Command Center mulai beroperasi.",
            "* Bappeda menyampaikan bahwa program smart city telah tercantum dalam rencana kerja "
            "perangkat daerah tahun 2024.",
            "* Akademisi mengusulkan survei dampak smart city yang baru, karena survei terakhir "
            "dilaksanakan pada 2021.",
            "# C. Kesimpulan dan Tindak Lanjut",
            "* Tim Pelaksana menyiapkan pembaruan keputusan tentang Dewan Smart City.",
            "* Diskominfosanti menyusun rencana survei dampak smart city tahun 2025.",
            "* Rapat Dewan berikutnya dijadwalkan pada semester II tahun 2024.",
            "# D. Daftar Hadir",
            Table(tuple(attendance), (1, 5, 5, 2)),
            *signature(
                "Notulis,",
                "PUTU CONTOH WIDIASTUTI, S.Kom.",
                place_date=("Singaraja, 14 Maret 2024",),
                nip="NIP. 19900221 201503 2 006",
            ),
        ],
        dt.datetime(2024, 3, 14, 13, 0),
        title="Notulen Rapat Dewan Smart City Triwulan I 2024",
    )


def notula_forum_2022() -> Spec:
    """Minutes of a forum meeting from 2022: too old for IND-12."""
    return Spec(
        f"{KELEMBAGAAN}/notula forum sc nov 2022.pdf",
        [
            *kop(*KOP_KOMINFO),
            "^NOTULA RAPAT KOORDINASI FORUM SMART CITY",
            "^KABUPATEN BULELENG TAHUN 2022",
            "",
            "Hari/Tanggal : Rabu, 16 November 2022",
            "Tempat : Ruang Rapat Diskominfosanti",
            "Agenda : Sosialisasi Peraturan Bupati tentang Masterplan Smart City",
            "# A. Pembahasan",
            "Diskominfosanti menyosialisasikan Peraturan Bupati tentang Masterplan Smart City "
            "kepada perangkat daerah dan meminta setiap perangkat daerah menunjuk penghubung "
            "Tim Pelaksana.",
            "# B. Tindak Lanjut",
            "* Perangkat daerah menyampaikan nama penghubung paling lambat akhir November 2022.",
            "* Forum smart city bertemu setiap triwulan.",
            "# C. Daftar Hadir",
            "Rapat dihadiri 24 peserta dari 18 perangkat daerah; daftar hadir terlampir.",
            *signature("Notulis,", "PUTU CONTOH WIDIASTUTI, S.Kom."),
        ],
        dt.datetime(2022, 11, 16, 14, 0),
    )


def dpa() -> Spec:
    """Budget document with the smart-city programme (IND-10)."""
    rows = [
        ("Kode", "Uraian", "Jumlah (Rp)"),
        ("2.16.02", "Program Pengelolaan Aplikasi Informatika", "2.150.000.000"),
        ("2.16.02.2.02", "Pengelolaan e-government / smart city", "1.275.000.000"),
        ("", "- Operasional Buleleng Command Center", "640.000.000"),
        ("", "- Pengembangan aplikasi layanan publik", "385.000.000"),
        ("", "- Pendampingan dan evaluasi masterplan smart city", "250.000.000"),
        ("2.16.02.2.01", "Pengelolaan nama domain dan subdomain", "175.000.000"),
        ("2.16.03", "Program Pengelolaan Informasi dan Komunikasi Publik", "700.000.000"),
    ]
    return Spec(
        f"{INDUK}/Anggaran/DPA 2024 Diskominfosanti - prog SC.pdf",
        [
            "^DOKUMEN PELAKSANAAN ANGGARAN",
            "^SATUAN KERJA PERANGKAT DAERAH (DPA-SKPD)",
            "^PEMERINTAH KABUPATEN BULELENG",
            "^TAHUN ANGGARAN 2024",
            "",
            "Urusan pemerintahan : 2.16 Urusan Pemerintahan Bidang Komunikasi dan Informatika",
            "Organisasi : Dinas Komunikasi, Informatika, Persandian dan Statistik",
            "# Rincian Belanja Program Smart City",
            Table(tuple(rows), (2, 6, 3)),
            "Jumlah anggaran program smart city pada DPA tahun anggaran 2024 sebesar "
            "Rp 1.275.000.000 (satu miliar dua ratus tujuh puluh lima juta rupiah).",
            *signature(
                "KEPALA DINAS KOMUNIKASI, INFORMATIKA, PERSANDIAN DAN STATISTIK,",
                KADIS_KOMINFO,
                place_date=("Singaraja, 2 Januari 2024",),
                nip=NIP_KOMINFO,
            ),
        ],
        dt.datetime(2024, 1, 2, 8, 30),
        title="Microsoft Word - DPA_2024_final_rev",
    )


def survei_2021() -> Spec:
    """The impact survey report, from 2021 (IND-14 incomplete: too old)."""
    return Spec(
        f"{INDUK}/Survei/Laporan Hasil Survei SC 2021.pdf",
        [
            *report_cover(
                "LAPORAN HASIL SURVEI",
                ["KEPUASAN MASYARAKAT TERHADAP LAYANAN SMART CITY", "KABUPATEN BULELENG"],
                "TAHUN 2021",
                "DINAS KOMUNIKASI, INFORMATIKA, PERSANDIAN DAN STATISTIK",
            ),
            "# BAB I PENDAHULUAN",
            "Survei ini mengukur manfaat layanan digital Pemerintah Kabupaten Buleleng yang "
            "dirasakan warga, sebagai bahan penyusunan masterplan smart city.",
            "# BAB II METODOLOGI",
            "Survei menggunakan kuesioner daring dan tatap muka. Responden berjumlah 420 orang "
            "dari sembilan kecamatan, dipilih secara acak bertingkat menurut kecamatan dan "
            "kelompok umur.",
            "# BAB III HASIL SURVEI",
            Table(
                (
                    ("Aspek layanan", "Puas (%)", "Cukup (%)", "Kurang (%)"),
                    ("Kemudahan akses informasi", "61", "27", "12"),
                    ("Layanan perizinan daring", "48", "33", "19"),
                    ("Pengaduan masyarakat", "52", "30", "18"),
                ),
                (5, 2, 2, 2),
            ),
            "Sebagian besar responden merasakan kemudahan akses informasi, namun layanan "
            "perizinan daring dinilai belum mudah digunakan.",
            "# BAB IV KESIMPULAN DAN REKOMENDASI",
            "Layanan tatap muka terpadu perlu dibangun untuk warga yang belum terbiasa dengan "
            "layanan daring, dan survei perlu diulang setelah program smart city berjalan.",
        ],
        dt.datetime(2021, 12, 10, 9, 0),
        title="Laporan Hasil Survei Kepuasan Layanan Smart City 2021",
    )


def quick_win() -> Spec:
    """Documentation of the quick wins: innovation, partnership, sustainability, risk (IND-15)."""
    blocks: list[Block] = [
        *kop(*KOP_KOMINFO),
        "^DOKUMENTASI PROGRAM QUICK WIN",
        "^SMART CITY KABUPATEN BULELENG",
        "^TAHUN 2024",
        "",
        "# BAB I PENDAHULUAN",
        "Dokumen ini menjelaskan tiga program quick win Kabupaten Buleleng: inovasi yang "
        "dihadirkan, kemitraan yang dibangun, upaya keberlanjutan, serta manajemen risiko "
        "masing-masing program.",
    ]
    programs = [
        (
            "Buleleng Command Center",
            "Pemantauan layanan publik, pengaduan dan data kebencanaan dalam satu dashboard.",
            "Perguruan tinggi di Singaraja untuk analisis data; penyedia jaringan.",
            "Dianggarkan rutin dalam DPA Diskominfosanti; operator bersertifikat.",
            "Gangguan jaringan dan serangan siber; ditangani dengan jaringan cadangan dan SOP "
            "insiden.",
        ),
        (
            "Mal Pelayanan Publik",
            "Layanan perizinan dan kependudukan lintas instansi di satu tempat.",
            "Instansi vertikal, BUMN dan perbankan yang membuka gerai.",
            "Ditetapkan dengan keputusan bupati dan dievaluasi setiap semester.",
            "Antrean panjang pada jam sibuk; ditangani dengan antrean daring.",
        ),
        (
            "Bule Kepo (Buleleng Kelola Sampah Organik)",
            "Pengolahan sampah organik rumah tangga menjadi kompos di tingkat desa.",
            "Desa adat, bank sampah dan kelompok tani pemakai kompos.",
            "Kompos dijual kepada kelompok tani sehingga biaya operasional tertutup.",
            "Partisipasi warga menurun; ditangani dengan pendampingan dan insentif.",
        ),
    ]
    chapters = ("II", "III", "IV")
    for number, (name, innovation, partner, sustain, risk) in enumerate(programs, start=1):
        blocks += [
            f"# BAB {chapters[number - 1]} {name.upper()}",
            f"## {number}.1 Inovasi",
            innovation,
            f"## {number}.2 Kemitraan",
            partner,
            f"## {number}.3 Keberlanjutan",
            sustain,
            f"## {number}.4 Manajemen Risiko",
            risk,
        ]
    blocks += [
        *signature(
            "KEPALA DINAS KOMUNIKASI, INFORMATIKA, PERSANDIAN DAN STATISTIK,",
            KADIS_KOMINFO,
            place_date=("Singaraja, 30 September 2024",),
            nip=NIP_KOMINFO,
        )
    ]
    return Spec(
        f"{INDUK}/Quick Win/Dokumentasi Quick Win 2024_v2.docx",
        blocks,
        dt.datetime(2024, 9, 30, 15, 0),
        title="Dokumentasi Program Quick Win Smart City 2024",
    )


def bcc() -> Spec:
    """Operating report of the Buleleng Command Center (IND-16)."""
    return Spec(
        f"{INDUK}/BCC/Lap Operasional BCC Smt I 2024.pdf",
        [
            *kop(*KOP_KOMINFO),
            "^LAPORAN OPERASIONAL",
            "^BULELENG COMMAND CENTER (BCC)",
            "^SEMESTER I TAHUN 2024",
            "",
            "# BAB I PENDAHULUAN",
            "Buleleng Command Center adalah pusat pemantauan layanan publik dan data daerah "
            "yang dikelola Diskominfosanti. Laporan ini menyajikan kegiatan operasional "
            "Januari sampai Juni 2024.",
            "# BAB II KEGIATAN PEMANTAUAN",
            Table(
                (
                    ("Layanan yang dipantau", "Sumber data", "Frekuensi"),
                    ("Pengaduan masyarakat", "Aplikasi pengaduan daerah", "Harian"),
                    ("Antrean Mal Pelayanan Publik", "Sistem antrean MPP", "Waktu nyata"),
                    ("Kamera pemantau persimpangan", "CCTV kota Singaraja", "Waktu nyata"),
                    ("Ketersediaan jaringan kantor", "Monitoring jaringan", "Waktu nyata"),
                ),
                (4, 4, 2),
            ),
            "# BAB III CAPAIAN",
            "* Pengaduan yang diteruskan ke perangkat daerah: 1.184 pengaduan, 92% selesai.",
            "* Dashboard pimpinan diperbarui setiap hari dan dipaparkan dalam rapat pimpinan.",
            "* Waktu pemulihan gangguan jaringan rata-rata 3 jam.",
            "# BAB IV KENDALA DAN TINDAK LANJUT",
            "Jumlah operator belum mencukupi untuk layanan 24 jam; penambahan operator "
            "diusulkan pada anggaran perubahan 2024.",
            *signature(
                "Kepala Bidang Aplikasi Informatika,",
                "I GEDE CONTOH PRATAMA, S.T.",
                place_date=("Singaraja, 8 Juli 2024",),
                nip="NIP. 19850903 201001 1 008",
            ),
        ],
        dt.datetime(2024, 7, 8, 10, 0),
        title="Laporan Operasional Buleleng Command Center Semester I 2024",
    )


def sk_dewan_2019() -> Spec:
    """The old signed council decree, kept in the excluded archive folder."""
    return Spec(
        f"{INDUK}/arsip/SK Dewan Smart City 2019.pdf",
        [
            *decree_head(
                "BUPATI BULELENG",
                "400/123/HK/2019 (fiktif)",
                ["PEMBENTUKAN DEWAN SMART CITY", "KABUPATEN BULELENG"],
            ),
            "Menimbang : bahwa untuk mengarahkan pelaksanaan program smart city perlu dibentuk "
            "Dewan Smart City Kabupaten Buleleng;",
            "Mengingat : Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
            "^MEMUTUSKAN:",
            "KESATU : Membentuk Dewan Smart City Kabupaten Buleleng.",
            "KEDUA : Keputusan ini mulai berlaku pada tanggal ditetapkan.",
            *signature(
                "BUPATI BULELENG,",
                "I WAYAN CONTOH",
                place_date=("Ditetapkan di Singaraja", "pada tanggal 4 Maret 2019"),
            ),
        ],
        dt.datetime(2019, 3, 4, 9, 0),
    )


# ---------------------------------------------------------------------------------------------
# 1. Smart Governance

GOV = "1. Smart Governance"


def profil_mpp() -> Spec:
    """Profile of the public service mall (GOV-P1)."""
    return Spec(
        f"{GOV}/1.1 Layanan Publik/Profil Program MPP.docx",
        profile(
            program="Mal Pelayanan Publik (MPP) Kabupaten Buleleng",
            dimension="Smart Governance",
            subdimension="Layanan Publik",
            opd="Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP)",
            since="2022",
            background="Sebelum MPP dibuka, warga harus mendatangi beberapa kantor yang "
            "berjauhan untuk mengurus perizinan, kependudukan dan perpajakan. MPP menghimpun "
            "layanan pemerintah daerah, instansi vertikal dan BUMN dalam satu gedung di "
            "Singaraja sehingga pelayanan publik menjadi lebih cepat, pasti dan terjangkau.",
            goals=[
                "Mempersingkat waktu dan biaya pengurusan layanan.",
                "Menyatukan layanan lintas instansi dalam satu tempat.",
                "Menyediakan antrean daring dan informasi persyaratan yang jelas.",
            ],
            targets="seluruh warga dan pelaku usaha di Kabupaten Buleleng.",
            partners="DPMPTSP sebagai pengelola; Disdukcapil, Bapenda, kepolisian, kantor "
            "pertanahan, BPJS dan perbankan sebagai penyelenggara gerai.",
            how=[
                "Warga mengambil antrean di lokasi atau melalui aplikasi.",
                "Petugas gerai memeriksa persyaratan dan memproses layanan.",
                "Kepuasan warga diukur setiap semester.",
            ],
            results=Table(
                (
                    ("Indikator", "Capaian"),
                    ("Gerai layanan", "18 instansi"),
                    ("Jenis layanan", "212 jenis"),
                    ("Rata-rata kunjungan per hari", "310 orang"),
                ),
                (3, 2),
            ),
            plans="Menambah gerai layanan desa dan menghubungkan antrean MPP dengan dashboard "
            "Buleleng Command Center.",
            head="Kepala DPMPTSP Kabupaten Buleleng,",
            name="KOMANG CONTOH ARIASA, S.E., M.M.",
            nip="NIP. 19720815 199803 1 007",
            date="12 Februari 2024",
        ),
        dt.datetime(2024, 2, 12, 10, 0),
        title="Profil Program Mal Pelayanan Publik",
    )


def laporan_mpp() -> Spec:
    """Implementation report of the public service mall (GOV-I, GOV-BLL-1)."""
    months = [("Bulan", "Kunjungan", "Layanan selesai")]
    months += [
        ("Januari", "6.410", "6.102"),
        ("Februari", "6.115", "5.880"),
        ("Maret", "6.870", "6.540"),
        ("April", "5.940", "5.702"),
        ("Mei", "6.650", "6.391"),
        ("Juni", "6.320", "6.085"),
        ("Juli", "7.015", "6.760"),
        ("Agustus", "6.780", "6.533"),
        ("September", "6.505", "6.270"),
    ]
    return Spec(
        f"{GOV}/1.1 Layanan Publik/Laporan Pelaksanaan MPP 2024 (Jan-Sep).pdf",
        [
            *report_cover(
                "LAPORAN PELAKSANAAN",
                ["PENYELENGGARAAN MAL PELAYANAN PUBLIK", "KABUPATEN BULELENG"],
                "PERIODE JANUARI - SEPTEMBER TAHUN 2024",
                "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
            ),
            "# BAB I PENDAHULUAN",
            "Laporan ini menyajikan pelaksanaan penyelenggaraan Mal Pelayanan Publik (MPP) "
            "Kabupaten Buleleng pada Januari sampai September 2024 sebagai bahan evaluasi "
            "pimpinan daerah dan evaluasi smart city.",
            "# BAB II PELAKSANAAN KEGIATAN",
            "MPP dilaksanakan setiap hari kerja pukul 08.00 - 15.00 WITA dengan 18 gerai "
            "instansi. Layanan yang paling banyak diminta adalah administrasi kependudukan, "
            "perpajakan daerah dan perizinan berusaha.",
            Table(tuple(months), (3, 3, 3)),
            "# BAB III CAPAIAN",
            "Selama sembilan bulan, MPP menerima 58.605 kunjungan dan menyelesaikan 56.263 "
            "layanan (96%). Antrean daring digunakan oleh 38% pengunjung.",
            "# BAB IV KENDALA DAN TINDAK LANJUT",
            "* Lonjakan antrean pada awal bulan; ditambah petugas pada gerai kependudukan.",
            "* Gangguan jaringan sesekali; dipantau melalui Buleleng Command Center.",
            "# BAB V PENUTUP",
            "Penyelenggaraan MPP akan diperluas dengan gerai layanan di kecamatan.",
            *signature(
                "Kepala DPMPTSP Kabupaten Buleleng,",
                "KOMANG CONTOH ARIASA, S.E., M.M.",
                place_date=("Singaraja, 7 Oktober 2024",),
                nip="NIP. 19720815 199803 1 007",
            ),
        ],
        dt.datetime(2024, 10, 7, 9, 0),
        title="Laporan Pelaksanaan MPP Buleleng 2024",
        header="Laporan Pelaksanaan MPP 2024",
    )


def dampak_mpp() -> Spec:
    """Impact evaluation of the public service mall (GOV-D)."""
    return Spec(
        f"{GOV}/1.1 Layanan Publik/Evaluasi Dampak MPP 2024.pdf",
        [
            "^EVALUASI DAMPAK",
            "^MAL PELAYANAN PUBLIK KABUPATEN BULELENG",
            "^TAHUN 2024",
            "",
            "# BAB I PENDAHULUAN",
            "Evaluasi ini membandingkan waktu dan biaya yang dikeluarkan warga untuk mengurus "
            "layanan sebelum dan sesudah Mal Pelayanan Publik beroperasi.",
            "# BAB II METODE",
            "Data diambil dari sistem antrean MPP dan wawancara terhadap 150 pengunjung pada "
            "Juli - Agustus 2024.",
            "# BAB III TEMUAN",
            Table(
                (
                    ("Indikator", "Sebelum MPP", "Sesudah MPP"),
                    ("Kantor yang didatangi untuk izin usaha", "4", "1"),
                    ("Waktu pengurusan izin usaha (hari)", "9", "3"),
                    ("Biaya transportasi warga desa (Rp)", "120.000", "40.000"),
                ),
                (5, 2, 2),
            ),
            "# BAB IV KESIMPULAN",
            "MPP memberi manfaat nyata berupa penghematan waktu dan biaya, terutama bagi warga "
            "desa yang jauh dari Singaraja.",
        ],
        dt.datetime(2024, 9, 16, 10, 0),
        title="Evaluasi Dampak Mal Pelayanan Publik 2024",
    )


def profil_eoffice() -> Spec:
    """Profile of e-Office, bureaucratic governance (GOV-P2)."""
    return Spec(
        f"{GOV}/1.2 Tata Kelola Birokrasi/Profil Program e-Office.pdf",
        profile(
            program="e-Office dan Tanda Tangan Elektronik",
            dimension="Smart Governance",
            subdimension="Tata Kelola Birokrasi",
            opd="Dinas Komunikasi, Informatika, Persandian dan Statistik",
            since="2021",
            background="Naskah dinas masih banyak diedarkan dalam bentuk kertas sehingga "
            "disposisi lambat dan sulit dilacak. Sejalan dengan Sistem Pemerintahan Berbasis "
            "Elektronik (SPBE) dan reformasi birokrasi, Pemerintah Kabupaten Buleleng "
            "menerapkan e-Office dengan tanda tangan elektronik tersertifikasi.",
            goals=[
                "Mempercepat alur naskah dinas dan disposisi.",
                "Mengurangi penggunaan kertas.",
                "Meningkatkan akuntabilitas tata kelola pemerintahan.",
            ],
            targets="seluruh perangkat daerah, kecamatan dan kelurahan.",
            partners="Diskominfosanti sebagai pengelola; Balai Sertifikasi Elektronik untuk "
            "sertifikat elektronik; Bagian Organisasi Setda untuk tata naskah dinas.",
            how=[
                "Naskah dinas dibuat dan didisposisikan melalui e-Office.",
                "Pejabat menandatangani naskah dengan sertifikat elektronik.",
                "Arsip naskah tersimpan otomatis dan dapat dilacak.",
            ],
            results=Table(
                (
                    ("Indikator", "Capaian"),
                    ("Perangkat daerah pengguna", "42 perangkat daerah"),
                    ("Pejabat bersertifikat elektronik", "618 orang"),
                    ("Naskah dinas elektronik", "31.540 naskah"),
                ),
                (3, 2),
            ),
            plans="Integrasi e-Office dengan aplikasi kepegawaian dan arsip dinamis daerah.",
            head="Kepala Diskominfosanti Kabupaten Buleleng,",
            name=KADIS_KOMINFO,
            nip=NIP_KOMINFO,
            date="15 Februari 2024",
        ),
        dt.datetime(2024, 2, 15, 10, 0),
        title="Profil Program e-Office",
    )


def sk_mpp() -> Spec:
    """The signed decree on the public service mall (GOV-L)."""
    return Spec(
        f"{GOV}/Dasar Hukum/SK Bupati Penyelenggaraan MPP_2023.pdf",
        [
            *decree_head(
                "BUPATI BULELENG",
                "500.16/412/HK/2023",
                ["PENYELENGGARAAN MAL PELAYANAN PUBLIK", "KABUPATEN BULELENG"],
            ),
            "Menimbang : a. bahwa untuk mendekatkan dan mempercepat pelayanan kepada "
            "masyarakat perlu diselenggarakan Mal Pelayanan Publik; b. bahwa berdasarkan "
            "pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan Bupati "
            "tentang Penyelenggaraan Mal Pelayanan Publik Kabupaten Buleleng;",
            "Mengingat : 1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik; "
            "2. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah; 3. Peraturan "
            "Presiden Nomor 89 Tahun 2021 tentang Penyelenggaraan Mal Pelayanan Publik;",
            "^MEMUTUSKAN:",
            "Menetapkan : KEPUTUSAN BUPATI TENTANG PENYELENGGARAAN MAL PELAYANAN PUBLIK "
            "KABUPATEN BULELENG.",
            "KESATU : Mal Pelayanan Publik Kabupaten Buleleng diselenggarakan oleh Dinas "
            "Penanaman Modal dan Pelayanan Terpadu Satu Pintu.",
            "KEDUA : Instansi penyelenggara gerai layanan tercantum dalam Lampiran Keputusan ini.",
            "KETIGA : Biaya penyelenggaraan dibebankan pada Anggaran Pendapatan dan Belanja "
            "Daerah Kabupaten Buleleng.",
            "KEEMPAT : Keputusan ini mulai berlaku pada tanggal ditetapkan.",
            *signature(
                "BUPATI BULELENG,",
                BUPATI,
                place_date=("Ditetapkan di Singaraja", "pada tanggal 3 April 2023"),
            ),
        ],
        dt.datetime(2023, 4, 3, 10, 0),
        title="Keputusan Bupati Buleleng tentang Penyelenggaraan MPP",
    )


# ---------------------------------------------------------------------------------------------
# 2. Smart Branding

BRD = "2. Smart Branding"
DISBUD_HEAD = "I WAYAN CONTOH SUDARSANA, S.Sn., M.Si."
DISBUD_NIP = "NIP. 19700311 199603 1 005"


def profil_pas() -> Spec:
    """Profile of the Pekan Apresiasi Seni, tourism (BRD-P1)."""
    return Spec(
        f"{BRD}/Profil Program PAS.docx",
        profile(
            program="Pekan Apresiasi Seni (PAS) Buleleng",
            dimension="Smart Branding",
            subdimension="Pariwisata",
            opd="Dinas Kebudayaan Kabupaten Buleleng",
            since="2022",
            background="Buleleng memiliki ragam kesenian khas pesisir utara Bali. Pekan "
            "Apresiasi Seni mempertemukan sanggar, sekolah seni dan seniman muda dalam "
            "pagelaran tahunan yang dipromosikan secara digital, sehingga menjadi agenda "
            "wisata budaya yang menarik wisatawan ke Singaraja.",
            goals=[
                "Melestarikan kesenian Buleleng dan memberi ruang bagi seniman muda.",
                "Menjadikan PAS agenda tetap kalender wisata daerah.",
                "Mempromosikan destinasi wisata budaya melalui kanal digital.",
            ],
            targets="sanggar seni, pelajar, masyarakat dan wisatawan.",
            partners="Dinas Kebudayaan sebagai penyelenggara; Dinas Pariwisata untuk promosi; "
            "Diskominfosanti untuk siaran langsung; sanggar dan sekolah seni sebagai peserta.",
            how=[
                "Kurasi sanggar peserta dan penyusunan jadwal pentas.",
                "Promosi melalui media sosial dan laman resmi pemerintah daerah.",
                "Pentas selama tujuh hari dengan siaran langsung.",
            ],
            results=Table(
                (
                    ("Indikator", "Capaian 2024"),
                    ("Sanggar peserta", "64 sanggar"),
                    ("Pengunjung selama tujuh hari", "21.300 orang"),
                    ("Penonton siaran langsung", "48.900 tayangan"),
                ),
                (3, 2),
            ),
            plans="Menyusun paket wisata budaya yang menggabungkan PAS dengan desa wisata.",
            head="Kepala Dinas Kebudayaan Kabupaten Buleleng,",
            name=DISBUD_HEAD,
            nip=DISBUD_NIP,
            date="20 Agustus 2024",
        ),
        dt.datetime(2024, 8, 20, 10, 0),
        title="Profil Program Pekan Apresiasi Seni",
    )


def sk_panitia_pas() -> Spec:
    """Signed decree forming the festival committee (BRD-L)."""
    return Spec(
        f"{BRD}/SK Panitia PAS 2024.pdf",
        [
            *decree_head(
                "KEPALA DINAS KEBUDAYAAN KABUPATEN BULELENG",
                "430/211/Disbud/2024",
                ["PEMBENTUKAN PANITIA PEKAN APRESIASI SENI", "KABUPATEN BULELENG TAHUN 2024"],
            ),
            "Menimbang : a. bahwa dalam rangka pelaksanaan Pekan Apresiasi Seni Tahun 2024 perlu "
            "dibentuk panitia; b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam "
            "huruf a, perlu menetapkan Keputusan Kepala Dinas Kebudayaan;",
            "Mengingat : 1. Undang-Undang Nomor 5 Tahun 2017 tentang Pemajuan Kebudayaan; "
            "2. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
            "^MEMUTUSKAN:",
            "KESATU : Membentuk Panitia Pekan Apresiasi Seni Kabupaten Buleleng Tahun 2024 "
            "dengan susunan sebagaimana tercantum dalam Lampiran.",
            "KEDUA : Panitia bertugas menyiapkan, melaksanakan dan melaporkan kegiatan Pekan "
            "Apresiasi Seni yang diselenggarakan pada 14 - 20 Juli 2024.",
            "KETIGA : Keputusan ini mulai berlaku pada tanggal ditetapkan.",
            *signature(
                "KEPALA DINAS KEBUDAYAAN KABUPATEN BULELENG,",
                DISBUD_HEAD,
                place_date=("Ditetapkan di Singaraja", "pada tanggal 3 Juni 2024"),
                rank="Pembina Utama Muda",
                nip=DISBUD_NIP,
            ),
        ],
        dt.datetime(2024, 6, 3, 9, 0),
        title="SK Panitia PAS 2024",
    )


def laporan_pas() -> Spec:
    """Activity report of the Pekan Apresiasi Seni (BRD-I, BRD-BLL-1)."""
    return Spec(
        f"{BRD}/Laporan Kegiatan PAS 2024 final.pdf",
        [
            *report_cover(
                "LAPORAN KEGIATAN",
                ["PEKAN APRESIASI SENI (PAS)", "KABUPATEN BULELENG"],
                "TAHUN 2024",
                "DINAS KEBUDAYAAN",
            ),
            "# BAB I PENDAHULUAN",
            "Pekan Apresiasi Seni Tahun 2024 dilaksanakan pada 14 - 20 Juli 2024 di Taman "
            "Kota Singaraja dengan tema pelestarian seni pesisir utara Bali.",
            "# BAB II PELAKSANAAN KEGIATAN",
            Table(
                (
                    ("Hari", "Mata acara", "Peserta"),
                    ("1", "Pembukaan dan pawai seni", "12 sanggar"),
                    ("2-3", "Lomba tari kreasi pelajar", "18 sekolah"),
                    ("4-5", "Pentas gong kebyar dan drama tari", "20 sanggar"),
                    ("6", "Lokakarya seni untuk wisatawan", "140 wisatawan"),
                    ("7", "Penutupan", "14 sanggar"),
                ),
                (1, 5, 3),
            ),
            "# BAB III HASIL KEGIATAN",
            "Kegiatan diikuti 64 sanggar dan dikunjungi sekitar 21.300 pengunjung, termasuk "
            "wisatawan mancanegara. Siaran langsung ditonton 48.900 kali.",
            "# BAB IV PENUTUP",
            "Pekan Apresiasi Seni berikutnya direncanakan masuk kalender wisata Provinsi Bali.",
            *signature(
                "Ketua Panitia,",
                "NI MADE CONTOH ASTITI, S.Sn.",
                place_date=("Singaraja, 5 Agustus 2024",),
                nip="NIP. 19830609 200901 2 002",
            ),
        ],
        dt.datetime(2024, 8, 5, 9, 0),
        title="Laporan Kegiatan Pekan Apresiasi Seni 2024",
    )


# ---------------------------------------------------------------------------------------------
# 3. Smart Economy

ECO = "3. Smart Economy"
DISNAKER_HEAD = "PUTU CONTOH ADNYANA, S.E., M.Si."
DISNAKER_NIP = "NIP. 19740128 199903 1 004"


def profil_ikm() -> Spec:
    """Profile of IKM Naik Kelas, industry (ECO-P1)."""
    return Spec(
        f"{ECO}/Profil Program IKM Naik Kelas.docx",
        profile(
            program="IKM Naik Kelas",
            dimension="Smart Economy",
            subdimension="Industri",
            opd="Dinas Perindustrian dan Perdagangan",
            since="2023",
            background="Industri kecil dan menengah (IKM) Buleleng seperti tenun, kopi dan "
            "olahan ikan memiliki produk unggulan, tetapi pemasarannya masih terbatas pada "
            "pasar lokal. Program IKM Naik Kelas mendampingi IKM memperbaiki mutu, kemasan dan "
            "pemasaran daring.",
            goals=[
                "Meningkatkan mutu dan kemasan produk unggulan daerah.",
                "Memperluas pasar IKM melalui lokapasar daring.",
            ],
            targets="100 IKM binaan setiap tahun.",
            partners="Dinas Perindustrian dan Perdagangan; perguruan tinggi; asosiasi IKM.",
            how=[
                "Seleksi IKM binaan.",
                "Pendampingan mutu, kemasan dan sertifikasi halal.",
                "Kurasi produk untuk lokapasar daring.",
            ],
            results=Table(
                (
                    ("Indikator", "Capaian"),
                    ("IKM binaan", "112 IKM"),
                    ("Produk tersertifikasi", "47 produk"),
                ),
                (3, 2),
            ),
            plans="Membuka gerai produk unggulan di Mal Pelayanan Publik.",
            head="Kepala Dinas Perindustrian dan Perdagangan,",
            name="GEDE CONTOH SUARDANA, S.T.",
            nip="NIP. 19750505 200003 1 010",
            date="4 Maret 2024",
        ),
        dt.datetime(2024, 3, 4, 10, 0),
        title="Profil Program IKM Naik Kelas",
    )


def profil_kewirausahaan() -> Spec:
    """Profile of the entrepreneurship training, welfare (ECO-P2)."""
    return Spec(
        f"{ECO}/Profil Program Pelatihan Kewirausahaan.pdf",
        profile(
            program="Pelatihan Kewirausahaan",
            dimension="Smart Economy",
            subdimension="Kesejahteraan",
            opd="Dinas Tenaga Kerja",
            since="2022",
            background="Banyak pencari kerja muda di Buleleng, sementara lapangan kerja formal "
            "terbatas. Pelatihan kewirausahaan membekali pencari kerja dan pelaku usaha pemula "
            "dengan keterampilan usaha, pemasaran digital dan pengelolaan keuangan.",
            goals=[
                "Menumbuhkan wirausaha baru dan membuka lapangan kerja.",
                "Meningkatkan kesejahteraan keluarga pelaku usaha pemula.",
            ],
            targets="pencari kerja usia muda dan pelaku usaha pemula.",
            partners="Dinas Tenaga Kerja; Balai Latihan Kerja; perbankan untuk akses modal.",
            how=[
                "Pendaftaran peserta melalui aplikasi daerah.",
                "Pelatihan lima hari dan pendampingan tiga bulan.",
                "Temu usaha dengan perbankan.",
            ],
            results=Table(
                (
                    ("Indikator", "Capaian"),
                    ("Peserta pelatihan 2024", "360 orang"),
                    ("Usaha baru berjalan", "141 usaha"),
                ),
                (3, 2),
            ),
            plans="Membuka kelas daring untuk peserta di desa pegunungan.",
            head="Kepala Dinas Tenaga Kerja Kabupaten Buleleng,",
            name=DISNAKER_HEAD,
            nip=DISNAKER_NIP,
            date="4 Maret 2024",
        ),
        dt.datetime(2024, 3, 4, 11, 0),
        title="Profil Program Pelatihan Kewirausahaan",
    )


def profil_nontunai() -> Spec:
    """Profile of cashless markets, transactions (ECO-P3)."""
    return Spec(
        f"{ECO}/Profil Program Pasar Nontunai.pdf",
        profile(
            program="Pasar Nontunai",
            dimension="Smart Economy",
            subdimension="Transaksi",
            opd="Dinas Perindustrian dan Perdagangan",
            since="2023",
            background="Transaksi di pasar tradisional hampir seluruhnya tunai. Program Pasar "
            "Nontunai mengenalkan pembayaran digital dengan QRIS kepada pedagang dan pembeli, "
            "termasuk pembayaran retribusi pasar.",
            goals=[
                "Memperluas transaksi nontunai di pasar daerah.",
                "Meningkatkan transparansi penerimaan retribusi pasar.",
            ],
            targets="pedagang pasar daerah dan pengelola pasar.",
            partners="Dinas Perindustrian dan Perdagangan; bank daerah; perusahaan daerah pasar.",
            how=[
                "Sosialisasi dan pendaftaran QRIS pedagang.",
                "Pembayaran retribusi pasar melalui QRIS.",
            ],
            results=Table(
                (
                    ("Indikator", "Capaian"),
                    ("Pedagang memakai QRIS", "1.420 pedagang"),
                    ("Pasar percontohan", "6 pasar"),
                ),
                (3, 2),
            ),
            plans="Memperluas ke seluruh pasar daerah pada 2025.",
            head="Kepala Dinas Perindustrian dan Perdagangan,",
            name="GEDE CONTOH SUARDANA, S.T.",
            nip="NIP. 19750505 200003 1 010",
            date="6 Maret 2024",
        ),
        dt.datetime(2024, 3, 6, 10, 0),
        title="Profil Program Pasar Nontunai",
    )


def laporan_kewirausahaan() -> Spec:
    """Report of the entrepreneurship training (ECO-I, ECO-BLL-1)."""
    return Spec(
        f"{ECO}/Laporan Pelaksanaan Pelatihan Kewirausahaan 2024.pdf",
        [
            *report_cover(
                "LAPORAN PELAKSANAAN",
                ["PELATIHAN KEWIRAUSAHAAN", "BAGI PENCARI KERJA DAN USAHA PEMULA"],
                "TAHUN 2024",
                "DINAS TENAGA KERJA",
            ),
            "# BAB I PENDAHULUAN",
            "Pelatihan kewirausahaan dilaksanakan dalam tiga angkatan pada Maret, Juni dan "
            "Agustus 2024 di Balai Latihan Kerja Singaraja.",
            "# BAB II PELAKSANAAN",
            Table(
                (
                    ("Angkatan", "Waktu", "Peserta", "Lulus"),
                    ("I", "18 - 22 Maret 2024", "120", "116"),
                    ("II", "10 - 14 Juni 2024", "120", "118"),
                    ("III", "19 - 23 Agustus 2024", "120", "115"),
                ),
                (2, 4, 2, 2),
            ),
            "# BAB III HASIL",
            "Sebanyak 349 peserta lulus pelatihan dan 141 peserta telah menjalankan usaha. "
            "Pendampingan dilanjutkan hingga Desember 2024.",
            "# BAB IV PENUTUP",
            "Pelatihan kewirausahaan akan dilanjutkan dengan kelas daring pada 2025.",
            *signature(
                "Kepala Dinas Tenaga Kerja Kabupaten Buleleng,",
                DISNAKER_HEAD,
                place_date=("Singaraja, 27 September 2024",),
                nip=DISNAKER_NIP,
            ),
        ],
        dt.datetime(2024, 9, 27, 9, 0),
        title="Laporan Pelaksanaan Pelatihan Kewirausahaan 2024",
    )


def sop_kewirausahaan_draft() -> Spec:
    """An SOP that is still a draft: the only legal basis of the dimension (ECO-L incomplete)."""
    steps = [
        ("No", "Kegiatan", "Pelaksana", "Waktu"),
        ("1", "Membuka pendaftaran peserta", "Bidang Pelatihan", "14 hari"),
        ("2", "Seleksi administrasi dan wawancara", "Tim seleksi", "5 hari"),
        ("3", "Pelaksanaan pelatihan", "Instruktur BLK", "5 hari"),
        ("4", "Pendampingan usaha", "Pendamping", "3 bulan"),
        ("5", "Pelaporan", "Bidang Pelatihan", "7 hari"),
    ]
    return Spec(
        f"{ECO}/draft SOP pelatihan kewirausahaan v3.docx",
        [
            *kop("PEMERINTAH KABUPATEN BULELENG", "DINAS TENAGA KERJA"),
            "^DRAFT",
            "^STANDAR OPERASIONAL PROSEDUR",
            "^PELATIHAN KEWIRAUSAHAAN",
            "",
            Table(
                (
                    ("Nomor SOP", "...................."),
                    ("Tanggal pembuatan", "Agustus 2024"),
                    ("Tanggal pengesahan", "...................."),
                    ("Disahkan oleh", "Kepala Dinas Tenaga Kerja"),
                ),
                (1, 2),
            ),
            "# 1. Dasar Hukum",
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah.",
            "# 2. Prosedur",
            Table(tuple(steps), (1, 5, 3, 2)),
            "# 3. Keterkaitan",
            "SOP pendaftaran pencari kerja; SOP pengelolaan Balai Latihan Kerja.",
            "Catatan: masih menunggu masukan Bagian Organisasi Setda.",
        ],
        dt.datetime(2024, 8, 12, 16, 0),
        title="DRAFT SOP Pelatihan Kewirausahaan",
        header="DRAFT v3",
    )


# ---------------------------------------------------------------------------------------------
# 4. Smart Living

LIV = "4. Smart Living"
PPKB_HEAD = "dr. NI KETUT CONTOH LESTARI, M.Kes."
PPKB_NIP = "NIP. 19780719 200604 2 009"


def profil_sitaru() -> Spec:
    """Profile of the spatial-planning information system (LIV-P1)."""
    return Spec(
        f"{LIV}/Profil Program SITARU.pdf",
        profile(
            program="Sistem Informasi Tata Ruang (SITARU)",
            dimension="Smart Living",
            subdimension="Harmoni Tata Ruang",
            opd="Dinas Pekerjaan Umum dan Penataan Ruang",
            since="2023",
            background="Warga dan pengembang perumahan sering tidak mengetahui peruntukan "
            "lahan sebelum membangun. SITARU menyajikan peta rencana tata ruang secara daring "
            "sehingga pembangunan permukiman sesuai peruntukan.",
            goals=[
                "Menyediakan informasi rencana tata ruang yang mudah diakses.",
                "Mencegah pembangunan permukiman di kawasan yang tidak sesuai peruntukan.",
            ],
            targets="warga, pengembang perumahan dan perangkat desa.",
            partners="Dinas PUPR; kantor pertanahan; perguruan tinggi untuk pemetaan.",
            how=[
                "Digitalisasi peta rencana tata ruang.",
                "Layanan informasi peruntukan lahan secara daring.",
            ],
            results=Table(
                (
                    ("Indikator", "Capaian"),
                    ("Permohonan informasi peruntukan", "2.310 permohonan"),
                    ("Desa dengan peta digital", "74 desa"),
                ),
                (3, 2),
            ),
            plans="Menghubungkan SITARU dengan layanan persetujuan bangunan gedung.",
            head="Kepala Dinas PUPR Kabupaten Buleleng,",
            name="I KETUT CONTOH PARWATA, S.T., M.T.",
            nip="NIP. 19710920 199703 1 006",
            date="8 Maret 2024",
        ),
        dt.datetime(2024, 3, 8, 10, 0),
        title="Profil Program SITARU",
    )


def profil_muyan_kb() -> Spec:
    """Profile of the mobile family-planning unit, health (LIV-P2)."""
    return Spec(
        f"{LIV}/Profil Program Mobil Unit Pelayanan KB.docx",
        profile(
            program="Mobil Unit Pelayanan KB",
            dimension="Smart Living",
            subdimension="Kesehatan",
            opd="Dinas Pengendalian Penduduk dan Keluarga Berencana (PPKB)",
            since="2023",
            background="Pasangan usia subur di desa pegunungan sulit menjangkau fasilitas "
            "kesehatan untuk layanan keluarga berencana. Mobil unit pelayanan KB keliling ke "
            "desa-desa sesuai jadwal yang diumumkan melalui aplikasi dan media sosial.",
            goals=[
                "Mendekatkan layanan keluarga berencana ke desa terpencil.",
                "Meningkatkan kesehatan ibu dan anak.",
            ],
            targets="pasangan usia subur di 148 desa dan kelurahan.",
            partners="Dinas PPKB; puskesmas; bidan desa; penyuluh KB.",
            how=[
                "Penjadwalan kunjungan desa setiap bulan.",
                "Konseling dan layanan KB oleh bidan di mobil unit.",
                "Pencatatan akseptor dalam aplikasi pendataan keluarga.",
            ],
            results=Table(
                (
                    ("Indikator", "Capaian"),
                    ("Desa terlayani", "96 desa"),
                    ("Akseptor baru", "1.872 orang"),
                ),
                (3, 2),
            ),
            plans="Menambah satu mobil unit untuk wilayah barat.",
            head="Kepala Dinas PPKB Kabupaten Buleleng,",
            name=PPKB_HEAD,
            nip=PPKB_NIP,
            date="11 Maret 2024",
        ),
        dt.datetime(2024, 3, 11, 10, 0),
        title="Profil Program Mobil Unit Pelayanan KB",
    )


def sk_muyan_kb() -> Spec:
    """Signed decree on the schedule of the mobile family-planning unit (LIV-L)."""
    return Spec(
        f"{LIV}/SK Kadis PPKB Jadwal MUYAN KB 2024.pdf",
        [
            *decree_head(
                "KEPALA DINAS PENGENDALIAN PENDUDUK DAN KELUARGA BERENCANA KABUPATEN BULELENG",
                "800/045/PPKB/2024",
                ["JADWAL OPERASIONAL MOBIL UNIT PELAYANAN KB", "TAHUN 2024"],
            ),
            "Menimbang : bahwa agar layanan keluarga berencana menjangkau seluruh desa, perlu "
            "menetapkan jadwal operasional mobil unit pelayanan KB tahun 2024;",
            "Mengingat : 1. Undang-Undang Nomor 52 Tahun 2009 tentang Perkembangan "
            "Kependudukan dan Pembangunan Keluarga; 2. Undang-Undang Nomor 23 Tahun 2014 tentang "
            "Pemerintahan Daerah;",
            "^MEMUTUSKAN:",
            "KESATU : Menetapkan jadwal operasional mobil unit pelayanan KB tahun 2024 "
            "sebagaimana tercantum dalam Lampiran.",
            "KEDUA : Kepala puskesmas dan perbekel mengumumkan jadwal kepada warga.",
            "KETIGA : Keputusan ini mulai berlaku pada tanggal ditetapkan.",
            *signature(
                "KEPALA DINAS PENGENDALIAN PENDUDUK DAN KELUARGA BERENCANA,",
                PPKB_HEAD,
                place_date=("Ditetapkan di Singaraja", "pada tanggal 8 Januari 2024"),
                rank="Pembina Tingkat I",
                nip=PPKB_NIP,
            ),
        ],
        dt.datetime(2024, 1, 8, 9, 0),
        title="Keputusan Kepala Dinas PPKB tentang Jadwal Mobil Unit Pelayanan KB 2024",
    )


def laporan_muyan_kb() -> Spec:
    """Report of the mobile family-planning unit (LIV-I, LIV-BLL-1)."""
    return Spec(
        f"{LIV}/Laporan Kegiatan MUYAN KB Jan-Sep 2024.pdf",
        [
            *kop("PEMERINTAH KABUPATEN BULELENG", "DINAS PENGENDALIAN PENDUDUK DAN KB"),
            "^LAPORAN KEGIATAN",
            "^MOBIL UNIT PELAYANAN KB",
            "^JANUARI - SEPTEMBER 2024",
            "",
            "# BAB I PENDAHULUAN",
            "Laporan ini menyajikan kegiatan mobil unit pelayanan KB yang dilaksanakan sesuai "
            "jadwal operasional tahun 2024.",
            "# BAB II PELAKSANAAN",
            Table(
                (
                    ("Kecamatan", "Kunjungan", "Akseptor baru", "Konseling"),
                    ("Gerokgak", "14", "231", "402"),
                    ("Seririt", "12", "204", "356"),
                    ("Busungbiu", "12", "188", "311"),
                    ("Banjar", "11", "176", "298"),
                    ("Sukasada", "13", "215", "377"),
                    ("Sawan", "11", "169", "284"),
                    ("Kubutambahan", "12", "198", "322"),
                    ("Tejakula", "12", "201", "333"),
                ),
                (3, 2, 2, 2),
            ),
            "# BAB III KENDALA",
            "Akses jalan ke beberapa desa sulit dilalui pada musim hujan.",
            "# BAB IV TINDAK LANJUT",
            "Penjadwalan ulang kunjungan yang tertunda dan penambahan layanan konseling remaja.",
            *signature(
                "Kepala Bidang Keluarga Berencana,",
                "NI LUH CONTOH PURNAMI, S.ST.",
                place_date=("Singaraja, 4 Oktober 2024",),
                nip="NIP. 19860214 201001 2 012",
            ),
        ],
        dt.datetime(2024, 10, 4, 9, 0),
        title="Laporan Kegiatan Mobil Unit Pelayanan KB 2024",
    )


def manfaat_kb() -> Spec:
    """Benefit evaluation of the mobile family-planning service (LIV-D)."""
    return Spec(
        f"{LIV}/Evaluasi Manfaat KB Keliling 2024.pdf",
        [
            "^EVALUASI MANFAAT",
            "^LAYANAN KB KELILING BAGI WARGA DESA",
            "^KABUPATEN BULELENG TAHUN 2024",
            "",
            "# BAB I PENDAHULUAN",
            "Evaluasi ini menilai manfaat mobil unit pelayanan KB bagi warga desa yang jauh dari "
            "puskesmas.",
            "# BAB II METODE",
            "Wawancara terstruktur dengan 120 akseptor di 12 desa yang dikunjungi mobil unit "
            "pada Juli - September 2024, dilengkapi diskusi dengan bidan desa dan perbekel.",
            "# BAB III HASIL WAWANCARA",
            Table(
                (
                    ("Manfaat yang dirasakan", "Akseptor (%)"),
                    ("Tidak perlu menempuh perjalanan lebih dari satu jam", "84"),
                    ("Pertama kali mendapat konseling KB", "71"),
                    ("Tidak kehilangan upah harian untuk berobat", "66"),
                    ("Merasa lebih nyaman dilayani di desa sendiri", "90"),
                ),
                (6, 2),
            ),
            "# BAB IV KESIMPULAN",
            "Layanan keliling menurunkan hambatan jarak dan biaya, sehingga perlu dipertahankan "
            "dan diperluas.",
        ],
        dt.datetime(2024, 10, 15, 9, 0),
        title="Evaluasi Manfaat Layanan KB Keliling 2024",
    )


# ---------------------------------------------------------------------------------------------
# 5. Smart Society

SOC = "5. Smart Society"
DISDIK_HEAD = "Drs. I MADE CONTOH SUWARDANA, M.Pd."
DISDIK_NIP = "NIP. 19680402 199303 1 008"


def profil_relawan_tik() -> Spec:
    """Profile of the ICT volunteers, community (SOC-P1)."""
    return Spec(
        f"{SOC}/Profil Program Relawan TIK.pdf",
        profile(
            program="Relawan TIK Desa",
            dimension="Smart Society",
            subdimension="Komunitas",
            opd="Dinas Komunikasi, Informatika, Persandian dan Statistik",
            since="2022",
            background="Banyak warga desa belum terbiasa memakai layanan digital pemerintah. "
            "Komunitas Relawan TIK Desa mendampingi warga memakai aplikasi layanan publik dan "
            "mengajarkan literasi digital secara gotong royong.",
            goals=[
                "Membentuk komunitas relawan TIK di setiap desa.",
                "Meningkatkan kecakapan digital warga desa.",
            ],
            targets="pemuda desa dan warga lanjut usia.",
            partners="Diskominfosanti; perguruan tinggi; karang taruna.",
            how=[
                "Rekrutmen dan pelatihan relawan.",
                "Pendampingan warga di balai desa setiap pekan.",
            ],
            results=Table(
                (
                    ("Indikator", "Capaian"),
                    ("Relawan aktif", "296 orang"),
                    ("Warga terdampingi", "8.450 orang"),
                ),
                (3, 2),
            ),
            plans="Sertifikasi relawan dan kompetisi desa digital.",
            head="Kepala Diskominfosanti Kabupaten Buleleng,",
            name=KADIS_KOMINFO,
            nip=NIP_KOMINFO,
            date="18 Maret 2024",
        ),
        dt.datetime(2024, 3, 18, 10, 0),
        title="Profil Program Relawan TIK Desa",
    )


def profil_sekolah_smart() -> Spec:
    """Profile of Sekolah Smart, learning (SOC-P2)."""
    return Spec(
        f"{SOC}/Profil Program Sekolah Smart.docx",
        profile(
            program="Sekolah Smart",
            dimension="Smart Society",
            subdimension="Pembelajaran",
            opd="Dinas Pendidikan, Pemuda dan Olahraga",
            since="2022",
            background="Kesenjangan mutu pembelajaran antara sekolah di kota dan di desa masih "
            "besar. Sekolah Smart menyediakan ruang kelas digital, bahan ajar daring dan "
            "pelatihan guru agar siswa di desa mendapat pembelajaran yang setara.",
            goals=[
                "Menyediakan kelas digital di sekolah dasar dan menengah pertama.",
                "Meningkatkan kompetensi guru dalam pembelajaran digital.",
            ],
            targets="siswa dan guru SD dan SMP negeri.",
            partners="Disdikpora; perguruan tinggi keguruan; penyedia jaringan.",
            how=[
                "Penetapan sekolah sasaran.",
                "Penyediaan perangkat dan jaringan.",
                "Pelatihan guru dan pendampingan.",
            ],
            results=Table(
                (
                    ("Indikator", "Capaian"),
                    ("Sekolah Smart", "58 sekolah"),
                    ("Guru terlatih", "730 guru"),
                    ("Siswa terlayani", "15.600 siswa"),
                ),
                (3, 2),
            ),
            plans="Perluasan ke 40 sekolah pada 2025.",
            head="Kepala Disdikpora Kabupaten Buleleng,",
            name=DISDIK_HEAD,
            nip=DISDIK_NIP,
            date="20 Maret 2024",
        ),
        dt.datetime(2024, 3, 20, 10, 0),
        title="Profil Program Sekolah Smart",
    )


def sk_sekolah_smart() -> Spec:
    """Signed decree naming the Sekolah Smart schools (SOC-L)."""
    return Spec(
        f"{SOC}/SK Kadisdik Penetapan Sekolah Smart 2024.pdf",
        [
            *decree_head(
                "KEPALA DINAS PENDIDIKAN, PEMUDA DAN OLAHRAGA KABUPATEN BULELENG",
                "420/1187/Disdikpora/2024",
                ["PENETAPAN SEKOLAH PELAKSANA PROGRAM SEKOLAH SMART", "TAHUN 2024"],
            ),
            "Menimbang : bahwa untuk melaksanakan program Sekolah Smart tahun 2024 perlu "
            "menetapkan sekolah pelaksana;",
            "Mengingat : 1. Undang-Undang Nomor 20 Tahun 2003 tentang Sistem Pendidikan "
            "Nasional; 2. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
            "^MEMUTUSKAN:",
            "KESATU : Menetapkan 58 sekolah pelaksana program Sekolah Smart sebagaimana "
            "tercantum dalam Lampiran.",
            "KEDUA : Kepala sekolah pelaksana melaporkan kegiatan setiap semester.",
            "KETIGA : Keputusan ini mulai berlaku pada tanggal ditetapkan.",
            *signature(
                "KEPALA DINAS PENDIDIKAN, PEMUDA DAN OLAHRAGA,",
                DISDIK_HEAD,
                place_date=("Ditetapkan di Singaraja", "pada tanggal 15 Januari 2024"),
                rank="Pembina Utama Muda",
                nip=DISDIK_NIP,
            ),
        ],
        dt.datetime(2024, 1, 15, 9, 0),
        title="Keputusan Kepala Disdikpora tentang Penetapan Sekolah Smart 2024",
    )


def laporan_sekolah_smart() -> Spec:
    """Report of Sekolah Smart (SOC-I, SOC-BLL-1)."""
    return Spec(
        f"{SOC}/Laporan Pelaksanaan Sekolah Smart 2024.pdf",
        [
            *report_cover(
                "LAPORAN PELAKSANAAN",
                ["PROGRAM SEKOLAH SMART", "KABUPATEN BULELENG"],
                "SEMESTER I TAHUN 2024",
                "DINAS PENDIDIKAN, PEMUDA DAN OLAHRAGA",
            ),
            "# BAB I PENDAHULUAN",
            "Program Sekolah Smart dilaksanakan di 58 sekolah yang ditetapkan dengan Keputusan "
            "Kepala Disdikpora tahun 2024.",
            "# BAB II PELAKSANAAN",
            Table(
                (
                    ("Kegiatan", "Sasaran", "Realisasi"),
                    ("Pemasangan kelas digital", "58 sekolah", "58 sekolah"),
                    ("Pelatihan guru", "700 guru", "730 guru"),
                    ("Kelas daring antarsekolah", "120 sesi", "134 sesi"),
                ),
                (4, 3, 3),
            ),
            "# BAB III CAPAIAN",
            "Sebanyak 15.600 siswa mengikuti pembelajaran di kelas digital. Nilai rata-rata "
            "asesmen literasi siswa sekolah sasaran naik 6 poin.",
            "# BAB IV KENDALA DAN TINDAK LANJUT",
            "Jaringan internet di 9 sekolah pegunungan belum stabil; diusulkan jaringan satelit.",
            *signature(
                "Kepala Disdikpora Kabupaten Buleleng,",
                DISDIK_HEAD,
                place_date=("Singaraja, 22 Juli 2024",),
                nip=DISDIK_NIP,
            ),
        ],
        dt.datetime(2024, 7, 22, 9, 0),
        title="Laporan Pelaksanaan Sekolah Smart Semester I 2024",
    )


def laporan_posko_do_2022() -> Spec:
    """The last report of the drop-out posts, from 2022 (SOC-BLL-2 incomplete)."""
    return Spec(
        f"{SOC}/Posko DO/Laporan Posko DO 2022.pdf",
        [
            *kop("PEMERINTAH KABUPATEN BULELENG", "DINAS PENDIDIKAN, PEMUDA DAN OLAHRAGA"),
            "^LAPORAN POSKO PENANGANAN ANAK PUTUS SEKOLAH",
            "^(POSKO DO) KABUPATEN BULELENG",
            "^TAHUN 2022",
            "",
            "# BAB I PENDAHULUAN",
            "Posko DO dibentuk di setiap kecamatan untuk mendata dan mengembalikan anak putus "
            "sekolah ke sekolah formal atau pendidikan kesetaraan.",
            "# BAB II HASIL PENDATAAN",
            Table(
                (
                    ("Uraian", "Jumlah anak"),
                    ("Anak putus sekolah terdata", "412"),
                    ("Kembali ke sekolah formal", "187"),
                    ("Mengikuti pendidikan kesetaraan", "126"),
                    ("Masih dalam pendampingan", "99"),
                ),
                (4, 2),
            ),
            "# BAB III TINDAK LANJUT",
            "Pendampingan anak yang belum kembali bersekolah dilanjutkan oleh posko kecamatan.",
            *signature(
                "Kepala Bidang Pembinaan Pendidikan Dasar,",
                "NI WAYAN CONTOH RATNADI, S.Pd.",
                place_date=("Singaraja, 20 Desember 2022",),
                nip="NIP. 19790822 200501 2 014",
            ),
        ],
        dt.datetime(2022, 12, 20, 9, 0),
        title="Laporan Posko DO 2022",
    )


# ---------------------------------------------------------------------------------------------
# 6. Smart Environment

ENV = "6. Smart Environment"
DLH_HEAD = "I KETUT CONTOH WIRAWAN, S.T., M.Si."
DLH_NIP = "NIP. 19730630 199903 1 003"


def profil_penghijauan() -> Spec:
    """Profile of reforestation along rivers, environmental protection (ENV-P1)."""
    return Spec(
        f"{ENV}/Profil Program Penghijauan.pdf",
        profile(
            program="Penghijauan Daerah Aliran Sungai",
            dimension="Smart Environment",
            subdimension="Proteksi Lingkungan",
            opd="Dinas Lingkungan Hidup",
            since="2023",
            background="Beberapa daerah aliran sungai di Buleleng mengalami erosi dan "
            "penurunan kualitas air. Program penghijauan menanam pohon bersama desa adat dan "
            "memantau kualitas air sungai dengan sensor yang datanya tampil di dashboard.",
            goals=[
                "Menambah tutupan vegetasi di sempadan sungai.",
                "Memantau kualitas air sungai secara berkala.",
            ],
            targets="desa di sepanjang daerah aliran sungai prioritas.",
            partners="Dinas Lingkungan Hidup; desa adat; sekolah; komunitas pecinta alam.",
            how=[
                "Penanaman pohon bersama warga.",
                "Pengambilan sampel dan pemantauan kualitas air.",
            ],
            results=Table(
                (
                    ("Indikator", "Capaian"),
                    ("Pohon ditanam", "18.500 pohon"),
                    ("Titik pantau kualitas air", "12 titik"),
                ),
                (3, 2),
            ),
            plans="Menambah titik pantau dan menerbitkan laporan kualitas air triwulanan.",
            head="Kepala Dinas Lingkungan Hidup Kabupaten Buleleng,",
            name=DLH_HEAD,
            nip=DLH_NIP,
            date="22 Maret 2024",
        ),
        dt.datetime(2024, 3, 22, 10, 0),
        title="Profil Program Penghijauan DAS",
    )


def profil_bule_kepo() -> Spec:
    """Profile of Bule Kepo, waste (ENV-P2)."""
    return Spec(
        f"{ENV}/Profil Program Bule Kepo.docx",
        profile(
            program="Buleleng Kelola Sampah Organik (Bule Kepo)",
            dimension="Smart Environment",
            subdimension="Pengelolaan Sampah",
            opd="Dinas Lingkungan Hidup",
            since="2023",
            background="Sebagian besar sampah rumah tangga di Buleleng adalah sampah organik "
            "yang berakhir di tempat pemrosesan akhir. Bule Kepo mengajak rumah tangga memilah "
            "sampah organik dan mengolahnya menjadi kompos di rumah kompos desa.",
            goals=[
                "Mengurangi sampah organik yang dibuang ke tempat pemrosesan akhir.",
                "Menghasilkan kompos bagi kelompok tani.",
            ],
            targets="rumah tangga di desa percontohan.",
            partners="Dinas Lingkungan Hidup; desa adat; bank sampah; kelompok tani.",
            how=[
                "Pemilahan sampah organik di rumah tangga.",
                "Pengangkutan terjadwal ke rumah kompos desa.",
                "Pencatatan timbangan sampah melalui aplikasi.",
            ],
            results=Table(
                (
                    ("Indikator", "Capaian"),
                    ("Desa percontohan", "24 desa"),
                    ("Sampah organik terolah", "1.140 ton"),
                ),
                (3, 2),
            ),
            plans="Replikasi ke seluruh kecamatan pada 2025.",
            head="Kepala Dinas Lingkungan Hidup Kabupaten Buleleng,",
            name=DLH_HEAD,
            nip=DLH_NIP,
            date="22 Maret 2024",
        ),
        dt.datetime(2024, 3, 22, 11, 0),
        title="Profil Program Bule Kepo",
    )


def sop_bule_kepo() -> Spec:
    """Signed SOP of Bule Kepo (ENV-L)."""
    steps = [
        ("No", "Kegiatan", "Pelaksana", "Mutu baku"),
        ("1", "Memilah sampah organik di rumah tangga", "Warga", "Setiap hari"),
        ("2", "Mengangkut sampah organik ke rumah kompos", "Petugas desa", "2 kali sepekan"),
        ("3", "Menimbang dan mencatat sampah", "Operator rumah kompos", "Setiap angkutan"),
        ("4", "Mengolah menjadi kompos", "Operator rumah kompos", "21 hari"),
        ("5", "Melaporkan capaian ke DLH", "Perbekel", "Setiap bulan"),
    ]
    return Spec(
        f"{ENV}/SOP Bule Kepo (disahkan).pdf",
        [
            *kop("PEMERINTAH KABUPATEN BULELENG", "DINAS LINGKUNGAN HIDUP"),
            "^STANDAR OPERASIONAL PROSEDUR",
            "^BULELENG KELOLA SAMPAH ORGANIK (BULE KEPO)",
            "",
            Table(
                (
                    ("Nomor SOP", "660/077/DLH/2023"),
                    ("Tanggal pembuatan", "2 Oktober 2023"),
                    ("Tanggal efektif", "1 November 2023"),
                ),
                (1, 2),
            ),
            "# 1. Dasar Hukum",
            "Undang-Undang Nomor 18 Tahun 2008 tentang Pengelolaan Sampah.",
            "# 2. Prosedur",
            Table(tuple(steps), (1, 6, 3, 2)),
            "# 3. Peralatan",
            "Tempat sampah terpilah, timbangan, mesin pencacah dan bak pengomposan.",
            *signature(
                "KEPALA DINAS LINGKUNGAN HIDUP KABUPATEN BULELENG,",
                DLH_HEAD,
                place_date=("Disahkan di Singaraja", "pada tanggal 16 Oktober 2023"),
                nip=DLH_NIP,
            ),
        ],
        dt.datetime(2023, 10, 16, 9, 0),
        title="SOP Bule Kepo",
    )


def laporan_bule_kepo() -> Spec:
    """Report of Bule Kepo (ENV-I, ENV-BLL-1)."""
    return Spec(
        f"{ENV}/Laporan Pelaksanaan Bule Kepo 2024.pdf",
        [
            *report_cover(
                "LAPORAN PELAKSANAAN",
                ["BULELENG KELOLA SAMPAH ORGANIK (BULE KEPO)"],
                "JANUARI - SEPTEMBER TAHUN 2024",
                "DINAS LINGKUNGAN HIDUP",
            ),
            "# BAB I PENDAHULUAN",
            "Bule Kepo dilaksanakan di 24 desa percontohan. Laporan ini menyajikan kegiatan "
            "Januari sampai September 2024.",
            "# BAB II PELAKSANAAN KEGIATAN",
            Table(
                (
                    ("Triwulan", "Sampah organik terolah (ton)", "Kompos dihasilkan (ton)"),
                    ("I", "352", "118"),
                    ("II", "381", "127"),
                    ("III", "407", "136"),
                ),
                (2, 4, 4),
            ),
            "# BAB III CAPAIAN",
            "Sebanyak 1.140 ton sampah organik diolah menjadi 381 ton kompos yang dimanfaatkan "
            "kelompok tani.",
            "# BAB IV KENDALA DAN TINDAK LANJUT",
            "Mesin pencacah di dua rumah kompos rusak; perbaikan dianggarkan pada 2025.",
            *signature(
                "Kepala Dinas Lingkungan Hidup Kabupaten Buleleng,",
                DLH_HEAD,
                place_date=("Singaraja, 10 Oktober 2024",),
                nip=DLH_NIP,
            ),
        ],
        dt.datetime(2024, 10, 10, 9, 0),
        title="Laporan Pelaksanaan Bule Kepo 2024",
    )


def data_sampah_2022() -> Spec:
    """Output data of waste reduction, from 2022 (ENV-O incomplete)."""
    return Spec(
        f"{ENV}/Data capaian pengurangan sampah 2022.pdf",
        [
            *kop("PEMERINTAH KABUPATEN BULELENG", "DINAS LINGKUNGAN HIDUP"),
            "^DATA CAPAIAN PENGURANGAN SAMPAH",
            "^KABUPATEN BULELENG TAHUN 2022",
            "",
            Table(
                (
                    ("Kecamatan", "Timbulan (ton)", "Dikurangi (ton)", "Persentase"),
                    ("Buleleng", "31.200", "5.930", "19%"),
                    ("Sukasada", "12.400", "1.860", "15%"),
                    ("Seririt", "9.800", "1.270", "13%"),
                    ("Kabupaten", "98.600", "13.800", "14%"),
                ),
                (3, 3, 3, 2),
            ),
            "Sumber: laporan bank sampah dan tempat pengolahan sampah, diolah DLH.",
        ],
        dt.datetime(2023, 1, 20, 9, 0),
        title="Data Capaian Pengurangan Sampah 2022",
    )


# ---------------------------------------------------------------------------------------------
# The folder


SPECS = (
    buku_i,
    buku_ii,
    buku_iii,
    buku_iv,
    perbup,
    sk_dewan_konsep,
    mou,
    notulen_dewan,
    notula_forum_2022,
    dpa,
    survei_2021,
    quick_win,
    bcc,
    sk_dewan_2019,
    profil_mpp,
    laporan_mpp,
    dampak_mpp,
    profil_eoffice,
    sk_mpp,
    profil_pas,
    sk_panitia_pas,
    laporan_pas,
    profil_ikm,
    profil_kewirausahaan,
    profil_nontunai,
    laporan_kewirausahaan,
    sop_kewirausahaan_draft,
    profil_sitaru,
    profil_muyan_kb,
    sk_muyan_kb,
    laporan_muyan_kb,
    manfaat_kb,
    profil_relawan_tik,
    profil_sekolah_smart,
    sk_sekolah_smart,
    laporan_sekolah_smart,
    laporan_posko_do_2022,
    profil_penghijauan,
    profil_bule_kepo,
    sop_bule_kepo,
    laporan_bule_kepo,
    data_sampah_2022,
)

APPLICATIONS = (
    ("No", "Nama aplikasi", "Layanan", "Perangkat daerah pengelola", "Status"),
    (1, "e-Office", "Naskah dinas elektronik", "Diskominfosanti", "Berjalan"),
    (2, "Antrean MPP", "Antrean Mal Pelayanan Publik", "DPMPTSP", "Berjalan"),
    (3, "Dashboard BCC", "Pemantauan layanan", "Diskominfosanti", "Berjalan"),
    (4, "SITARU", "Informasi tata ruang", "Dinas PUPR", "Berjalan"),
    (5, "Pendataan KB", "Pencatatan akseptor", "Dinas PPKB", "Berjalan"),
    (6, "Timbang Kepo", "Pencatatan sampah organik", "DLH", "Uji coba"),
    (),
    ("Data fiktif untuk contoh smartcity-audit; bukan data resmi Pemerintah Kabupaten Buleleng.",),
)

OUTPUTS = (
    ("No", "Program", "Indikator output", "Target 2024", "Realisasi s.d. Sep 2024"),
    (1, "Pelatihan kewirausahaan", "Peserta lulus", 360, 349),
    (2, "IKM Naik Kelas", "IKM binaan", 100, 112),
    (3, "Pasar Nontunai", "Pedagang memakai QRIS", 1500, 1420),
    (),
    ("Data fiktif untuk contoh smartcity-audit; bukan data resmi Pemerintah Kabupaten Buleleng.",),
)


def config_text() -> str:
    """Return the folder's audit configuration, recording the versions that built the folder."""
    tools = ", ".join(f"{name} {version(name)}" for name in ("python-docx", "fpdf2", "Pillow"))
    return f"""\
# Konfigurasi audit contoh Kabupaten Buleleng (fiktif) / audit configuration of the example.
# Dibuat oleh examples/make_buleleng.py; jangan disunting tangan, jalankan ulang skripnya.
# generator: {tools}, zlib {zlib.ZLIB_RUNTIME_VERSION}
rubric: buleleng
as_of: 2024-11-04
exclude: ["**/arsip/**"]
fail_on: critical
waivers:
  - requirement: BRD-P3
    reason: Program penataan wajah kota baru dimulai 2025; profilnya disusun setelah kegiatan pertama
    approved_by: Kepala Dinas Kominfosanti Kabupaten Buleleng
    until: 2025-06-30
"""


def build(target: Path) -> list[Path]:
    """Rebuild ``target`` from scratch and return the files written, sorted."""
    if target.exists():
        if any(target.iterdir()) and not (target / CONFIG_NAME).exists():
            raise SystemExit(f"refusing to replace {target}: it is not a generated example folder")
        shutil.rmtree(target)
    target.mkdir(parents=True)
    written = [write(target, make()) for make in SPECS]
    kelembagaan = target / KELEMBAGAAN
    written.append(
        write_scanned_pdf(kelembagaan / "SK Tim Pelaksana Smart City 2024 (scan).pdf", pages=3)
    )
    written.append(
        write_xlsx(
            target / INDUK / "Inventaris Aplikasi Pemkab Buleleng 2024.xlsx",
            "Aplikasi",
            APPLICATIONS,
        )
    )
    written.append(
        write_xlsx(
            target / ECO / "Data Capaian Output Smart Economy 2024.xlsx", "Output 2024", OUTPUTS
        )
    )
    written.append(write_photo(target / BRD / "Dokumentasi PAS 2024" / "IMG_20240716_193512.jpg"))
    config = target / CONFIG_NAME
    config.write_text(config_text(), encoding="utf-8")
    written.append(config)
    return sorted(written)


def main(argv: Iterable[str] | None = None) -> None:
    """Rebuild the example folder (or the folder given as the only argument)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) > 1:
        raise SystemExit("usage: python examples/make_buleleng.py [OUTPUT_DIR]")
    target = Path(args[0]) if args else TARGET
    files = build(target)
    size = sum(path.stat().st_size for path in files)
    print(f"{target}: {len(files)} files, {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
