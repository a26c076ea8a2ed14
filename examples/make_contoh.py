"""Generate examples/contoh/, the example evidence folder of the fictional Kabupaten Contoh.

Run from the repository root: ``python examples/make_contoh.py`` (needs python-docx and fpdf2,
both in the ``test`` extra). The folder is committed; this script shows how it was made and
rebuilds it. It has deliberate gaps against the bundled ``starter`` rubric:

- GOV-01 complete: the masterplan (DOCX) with its chapters, RPJMD alignment and year 2022;
- GOV-02 complete: the signed Perbup (PDF) found through its file name and title;
- GOV-03 incomplete: the SK Dewan Smart City is still a draft, unsigned;
- GOV-04 unreadable: the SK Tim Pelaksana is a scan without a text layer;
- BRD-01 waived in .smartcity-audit.yaml;
- SOC-01 incomplete: the survey report is from 2021 and has no "Hasil" chapter;
- ENV-01 missing: no waste-management report;
- plus an Excel budget file that the tool lists as an unsupported format.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from docgen import Doc, words, write_docx, write_pdf, write_scanned_pdf  # noqa: E402

TARGET = HERE / "contoh"

CONFIG = """\
# Konfigurasi audit untuk folder contoh / audit configuration for the example folder
rubric: starter
as_of: 2024-11-04
exclude: ["**/arsip/**"]
fail_on: critical
waivers:
  - requirement: BRD-01
    reason: Strategi branding disusun ulang bersama Dinas Pariwisata pada 2025
    approved_by: Kepala Dinas Kominfo
    until: 2025-06-30
"""


EXPECTED = """\
# Status yang diharapkan untuk folder contoh dengan rubrik starter.
# Expected statuses of the example folder under the starter rubric:
#   smartcity-audit rubric test rubrics/starter.yaml examples
expect:
  GOV-01: complete
  GOV-02: complete
  GOV-03: incomplete
  GOV-04: unreadable
  BRD-01: waived
  SOC-01: incomplete
  ENV-01: missing
"""


def masterplan() -> Doc:
    """Return the masterplan book (complete for GOV-01)."""
    return Doc(
        title="Masterplan Smart City Kabupaten Contoh 2022-2031",
        created=dt.datetime(2022, 8, 1, 10, 0),
        blocks=[
            "# MASTERPLAN SMART CITY KABUPATEN CONTOH 2022-2031",
            "Buku II Masterplan disusun oleh Pemerintah Kabupaten Contoh bersama Tim Pendamping "
            "Gerakan Menuju 100 Smart City.",
            "# BAB I PENDAHULUAN",
            "## 1.1 Latar Belakang",
            "Rencana induk kota cerdas ini selaras dengan RPJMD Kabupaten Contoh 2021-2026. "
            + words(
                120, "pembangunan daerah berbasis teknologi informasi dan komunikasi yang inklusif"
            ),
            "# BAB II VISI DAN MISI",
            "## 2.1 Visi",
            "Terwujudnya Kabupaten Contoh yang cerdas, sejahtera dan berdaya saing.",
            "## 2.2 Misi",
            words(
                80, "meningkatkan kualitas layanan publik tata kelola ekonomi digital masyarakat"
            ),
            "---",
            "# BAB III STRATEGI",
            words(
                150,
                "program prioritas setiap dimensi smart governance branding economy living society environment",
            ),
            "# BAB IV PETA JALAN",
            words(60, "tahapan pelaksanaan tahun pertama hingga tahun kesepuluh"),
        ],
    )


def perbup() -> Doc:
    """Return the regent's regulation, signed (complete for GOV-02)."""
    return Doc(
        title="Peraturan Bupati Contoh Nomor 27 Tahun 2022 tentang Masterplan Smart City",
        created=dt.datetime(2022, 10, 3, 8, 0),
        blocks=[
            "PERATURAN BUPATI CONTOH",
            "NOMOR 27 TAHUN 2022",
            "TENTANG MASTERPLAN SMART CITY",
            "# BAB I KETENTUAN UMUM",
            "Pasal 1. Dalam Peraturan Bupati ini yang dimaksud dengan Masterplan Smart City adalah "
            "dokumen perencanaan kota cerdas Kabupaten Contoh untuk jangka waktu 10 tahun.",
            "# BAB II PELAKSANAAN",
            "Pasal 2. Pelaksanaan Masterplan Smart City dikoordinasikan oleh Dinas Komunikasi dan "
            "Informatika.",
            "Ditetapkan di Contoh",
            "pada tanggal 3 Oktober 2022",
            "BUPATI CONTOH,",
            "ttd",
            "I GEDE CONTOH",
        ],
    )


def sk_dewan_draft() -> Doc:
    """Return the council decree, still a draft (incomplete for GOV-03)."""
    return Doc(
        title="DRAFT Keputusan Bupati tentang Dewan Smart City",
        created=dt.datetime(2024, 2, 12, 14, 0),
        blocks=[
            "# DRAFT KEPUTUSAN BUPATI CONTOH TENTANG DEWAN SMART CITY",
            "Menimbang: bahwa untuk mengarahkan pelaksanaan Masterplan Smart City perlu dibentuk "
            "Dewan Smart City.",
            "# MEMUTUSKAN",
            "KESATU: Membentuk Dewan Smart City Kabupaten Contoh.",
            "Ditetapkan di Contoh",
            "pada tanggal ...........",
        ],
    )


def survey() -> Doc:
    """Return an outdated survey report without a results chapter (incomplete for SOC-01)."""
    return Doc(
        title="Laporan Survei Dampak Smart City 2021",
        created=dt.datetime(2021, 12, 20, 9, 0),
        blocks=[
            "# LAPORAN SURVEI DAMPAK SMART CITY 2021",
            "# BAB I METODOLOGI",
            words(
                90, "responden dipilih secara acak dari sembilan kecamatan dengan kuesioner daring"
            ),
            "# BAB II KESIMPULAN",
            words(40, "masyarakat merasakan manfaat layanan digital"),
        ],
    )


def budget_xlsx(path: Path) -> None:
    """Write a minimal spreadsheet package: evidence in a format the tool cannot read."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')


def main() -> None:
    """Rebuild the example folder from scratch."""
    if TARGET.exists():
        shutil.rmtree(TARGET)
    governance = TARGET / "01-tata-kelola"
    write_docx(governance / "Buku II - Masterplan Smart City 2022-2031.docx", masterplan())
    write_pdf(governance / "Perbup_27_2022_Masterplan_SC.pdf", perbup())
    write_docx(governance / "SK Dewan Smart City (draft).docx", sk_dewan_draft())
    write_scanned_pdf(governance / "SK Tim Pelaksana Smart City - scan.pdf")
    write_pdf(TARGET / "05-masyarakat" / "Laporan Survei 2021.pdf", survey())
    (TARGET / "02-ekonomi").mkdir(parents=True)
    budget_xlsx(TARGET / "02-ekonomi" / "Anggaran APBD 2024.xlsx")
    write_pdf(TARGET / "arsip" / "Masterplan lama 2017.pdf", Doc(["# MASTERPLAN 2017", words(50)]))
    (TARGET / ".smartcity-audit.yaml").write_text(CONFIG, encoding="utf-8")
    (TARGET / ".expected.yaml").write_text(EXPECTED, encoding="utf-8")


if __name__ == "__main__":
    main()
