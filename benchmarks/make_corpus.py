"""Generate a reproducible benchmark corpus of smart-city evidence documents.

Usage::

    python benchmarks/make_corpus.py N OUTDIR [--seed S] [--jobs J] [--profile full|small]

writes N documents (DOCX made with python-docx, PDFs made with fpdf2) into dimension folders
("0. Dokumen Induk/", "1. Smart Governance/", ... "6. Smart Environment/") of OUTDIR, which must
be empty or absent. The text is Indonesian government prose built from templates: cover pages
and title blocks, "KATA PENGANTAR", "BAB I PENDAHULUAN" with numbered sections, tables,
photo annexes, decrees with "Menimbang"/"Mengingat"/"MEMUTUSKAN" and a ratification block
("Ditetapkan di ..., pada tanggal ..., BUPATI ..., ttd, NIP ..."), minutes with "Hari/Tanggal",
drafts, a few scans without a text layer, and years 2018-2024.

Sizes follow real evidence folders (profile ``full``): most PDFs have 5-40 pages, short decrees
and minutes 2-6, and about one document in 67 is a 100-300 page masterplan book. Profile
``small`` makes 1-3 page documents (for a cheap 10,000-document warm-rescan corpus).

The corpus is deterministic for a seed: document ``i`` depends only on ``(seed, i)`` and the
names of documents before it, so the corpus of N is a prefix of the corpus of any larger N,
and the bytes do not depend on ``--jobs`` (checked for a given fpdf2/python-docx/Pillow
version; file times are set from the document dates). A manifest is written to
``OUTDIR/.corpus.json`` (a hidden file, which the scanner skips) with every file's format,
pages and bytes, and the totals; the page total is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import math
import os
import random
import sys
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

MANIFEST = ".corpus.json"
DEFAULT_SEED = 2024

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

REGIONS = [
    ("Kabupaten", "Sukamaju", "Bupati", "Sukamaju"),
    ("Kabupaten", "Tirta Makmur", "Bupati", "Sendangsari"),
    ("Kota", "Banyuwening", "Wali Kota", "Banyuwening"),
    ("Kabupaten", "Gunung Sari", "Bupati", "Pancoran"),
    ("Kota", "Karang Asri", "Wali Kota", "Karang Asri"),
]

DIMENSIONS = [
    ("induk", "0. Dokumen Induk", "Dokumen Induk"),
    ("governance", "1. Smart Governance", "Smart Governance"),
    ("branding", "2. Smart Branding", "Smart Branding"),
    ("economy", "3. Smart Economy", "Smart Economy"),
    ("living", "4. Smart Living", "Smart Living"),
    ("society", "5. Smart Society", "Smart Society"),
    ("environment", "6. Smart Environment", "Smart Environment"),
]
DIMENSION_TITLES = {dimension: title for dimension, _, title in DIMENSIONS}

SUBDIMENSIONS = {
    "induk": ["kelembagaan", "perencanaan", "anggaran"],
    "governance": ["layanan publik", "tata kelola birokrasi", "kebijakan publik"],
    "branding": ["pariwisata", "bisnis", "wajah kota"],
    "economy": ["industri", "kesejahteraan", "transaksi"],
    "living": ["harmoni tata ruang", "kesehatan", "mobilitas"],
    "society": ["komunitas", "pembelajaran", "keamanan"],
    "environment": ["proteksi lingkungan", "pengelolaan sampah", "energi"],
}

PROGRAMS = {
    "induk": [
        "Dewan Smart City",
        "Tim Pelaksana Smart City",
        "Forum Smart City",
        "Masterplan Smart City",
        "Sekretariat Smart City",
    ],
    "governance": [
        "Mal Pelayanan Publik",
        "Sistem Pemerintahan Berbasis Elektronik",
        "Perizinan Online Terpadu",
        "Satu Data Daerah",
        "E-Planning dan E-Budgeting",
        "Layanan Pengaduan Masyarakat Terpadu",
        "Tanda Tangan Elektronik",
        "Command Center Daerah",
        "Jaringan Intra Pemerintah",
    ],
    "branding": [
        "Festival Budaya Tahunan",
        "Desa Wisata Digital",
        "Pekan Apresiasi Seni",
        "Branding Produk Unggulan Daerah",
        "Penataan Wajah Kota",
        "Kalender Event Pariwisata",
        "Promosi Wisata Media Sosial",
    ],
    "economy": [
        "Pelatihan Kewirausahaan UMKM",
        "Pasar Digital Desa",
        "QRIS Pasar Tradisional",
        "Inkubator Bisnis Pemuda",
        "Koperasi Digital",
        "Bantuan Sosial Non Tunai",
        "Sentra Industri Kecil",
    ],
    "living": [
        "Sistem Informasi Tata Ruang",
        "Mobil Unit Pelayanan KB",
        "Telemedisin Puskesmas",
        "Transportasi Umum Terintegrasi",
        "Area Traffic Control System",
        "Rumah Layak Huni",
        "Ambulans Desa Siaga",
    ],
    "society": [
        "Sekolah Smart",
        "Posko Anak Putus Sekolah",
        "Perpustakaan Digital",
        "Forum Komunitas Kreatif",
        "CCTV Lingkungan",
        "Sistem Peringatan Dini Bencana",
        "Kampung Siaga Digital",
    ],
    "environment": [
        "Bank Sampah Digital",
        "Pengelolaan Sampah Terpadu",
        "Penerangan Jalan Umum Tenaga Surya",
        "Pemantauan Kualitas Udara",
        "Konservasi Mangrove",
        "Ruang Terbuka Hijau",
        "Biopori Sekolah",
    ],
}

OPD = [
    "Dinas Komunikasi, Informatika dan Statistik",
    "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah",
    "Dinas Kesehatan",
    "Dinas Kebudayaan dan Pariwisata",
    "Dinas Koperasi, Usaha Kecil dan Menengah",
    "Dinas Lingkungan Hidup",
    "Dinas Perhubungan",
    "Dinas Pendidikan, Pemuda dan Olahraga",
    "Dinas Sosial",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Badan Pengelolaan Keuangan dan Aset Daerah",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "Bagian Organisasi Sekretariat Daerah",
    "Badan Penanggulangan Bencana Daerah",
]

KECAMATAN = [
    "Sawan",
    "Kubutambahan",
    "Tejakula",
    "Banjar",
    "Seririt",
    "Gerokgak",
    "Busungbiu",
    "Sukasada",
    "Sumberjaya",
    "Cibeber",
    "Karangrejo",
    "Mekarsari",
    "Wonosari",
    "Tanjung Harapan",
    "Pasirputih",
    "Lembah Hijau",
]

NAMES = [
    "I Made Suarjana",
    "Ni Luh Putu Ariani",
    "Drs. Bambang Setiawan, M.Si.",
    "Ir. Siti Rahmawati, M.T.",
    "dr. Agus Wirawan",
    "Hendra Gunawan, S.Kom., M.M.",
    "Dewi Lestari, S.E.",
    "Ahmad Fauzi, S.Sos.",
    "Yohanes Kristianto, S.T.",
    "Nur Aisyah, S.H., M.H.",
    "Ketut Widiana, S.Pd.",
    "Rina Marlina, S.STP., M.AP.",
]

MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat"]

LAWS = [
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
    "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
    "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik",
    "Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia",
    "Peraturan Pemerintah Nomor 71 Tahun 2019 tentang Penyelenggaraan Sistem dan Transaksi "
    "Elektronik",
    "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, "
    "Pengendalian dan Evaluasi Pembangunan Daerah",
    "Peraturan Daerah Nomor 4 Tahun 2021 tentang Rencana Pembangunan Jangka Menengah Daerah "
    "Tahun 2021-2026",
]

WORDS = {
    "tujuan": [
        "meningkatkan kualitas pelayanan publik",
        "mempercepat proses perizinan",
        "memperluas akses masyarakat terhadap informasi",
        "mendorong pertumbuhan ekonomi lokal",
        "mengurangi timbulan sampah rumah tangga",
        "meningkatkan partisipasi warga",
        "memperkuat koordinasi antar perangkat daerah",
        "menurunkan angka putus sekolah",
        "meningkatkan derajat kesehatan masyarakat",
        "mengurangi kemacetan di pusat kota",
    ],
    "hasil": [
        "waktu layanan berkurang secara signifikan",
        "jumlah pengguna aplikasi terus meningkat",
        "kepuasan masyarakat mencapai kategori baik",
        "transaksi non tunai tumbuh pesat",
        "volume sampah yang diolah bertambah setiap bulan",
        "data antar perangkat daerah menjadi lebih mudah dibagipakaikan",
        "pelaku usaha mikro mampu memasarkan produk secara daring",
    ],
    "tantangan": [
        "keterbatasan jaringan internet di wilayah perdesaan",
        "rendahnya literasi digital sebagian masyarakat",
        "keterbatasan anggaran pemeliharaan perangkat",
        "belum terintegrasinya aplikasi antar perangkat daerah",
        "kurangnya sumber daya manusia bidang teknologi informasi",
        "perubahan regulasi di tingkat pusat",
    ],
    "rencana": [
        "memperluas cakupan layanan ke seluruh kecamatan",
        "mengintegrasikan aplikasi ke dalam satu portal layanan",
        "menyusun standar operasional prosedur yang baru",
        "meningkatkan kapasitas aparatur melalui pelatihan berkala",
        "menjalin kerja sama dengan perguruan tinggi dan pihak swasta",
        "melakukan evaluasi dan pemutakhiran data secara rutin",
    ],
    "objek": [
        "pengguna layanan daring",
        "pelaku UMKM terdaftar",
        "desa yang terhubung internet",
        "titik CCTV",
        "nasabah bank sampah",
        "sekolah yang menerapkan pembelajaran digital",
        "wisatawan nusantara",
        "pengaduan yang diselesaikan",
        "aplikasi terintegrasi",
    ],
    "sumber": [
        "Badan Pusat Statistik",
        "aplikasi pelaporan internal",
        "survei kepuasan masyarakat",
        "laporan triwulan perangkat daerah",
        "Sistem Informasi Pembangunan Daerah",
    ],
    "mitra": [
        "perguruan tinggi setempat",
        "komunitas teknologi",
        "Bank Pembangunan Daerah",
        "pelaku usaha pariwisata",
        "organisasi masyarakat sipil",
        "penyedia jaringan telekomunikasi",
    ],
    "dana": [
        "APBD",
        "APBD Perubahan",
        "Dana Alokasi Khusus",
        "dana desa",
        "CSR perusahaan mitra",
        "Dana Insentif Daerah",
    ],
    "kegiatan": [
        "sosialisasi",
        "rapat koordinasi",
        "bimbingan teknis",
        "pelatihan",
        "monitoring dan evaluasi",
        "uji coba layanan",
        "pendampingan lapangan",
        "focus group discussion",
    ],
}

SENTENCES = [
    "{pemda} melalui {opd} telah melaksanakan {kegiatan} {program} pada tahun {year} dengan "
    "melibatkan {n} peserta dari {k} kecamatan.",
    "Kegiatan ini bertujuan untuk {tujuan} sehingga {hasil}.",
    "Berdasarkan data {sumber}, jumlah {objek} meningkat dari {a} pada tahun {y0} menjadi {b} "
    "pada tahun {year}.",
    "Pelaksanaan {program} mengacu pada {law}.",
    "Anggaran kegiatan bersumber dari {dana} Tahun Anggaran {year} sebesar Rp {amount},-.",
    "Tantangan utama yang dihadapi adalah {tantangan}.",
    "Ke depan, {opd} akan {rencana} guna mendukung terwujudnya {pemda} yang cerdas dan berdaya "
    "saing.",
    "Dalam rangka mewujudkan visi daerah, program {program} ditetapkan sebagai program prioritas "
    "pada dimensi {dimensi}.",
    "Capaian kinerja program pada triwulan {q} mencapai {pct} persen dari target yang ditetapkan.",
    "Kegiatan {kegiatan} dilaksanakan di Kecamatan {kec} pada tanggal {date} dan dihadiri oleh "
    "{n} orang peserta.",
    "Program ini dilaksanakan bekerja sama dengan {mitra} untuk {tujuan}.",
    "Hasil evaluasi menunjukkan bahwa {hasil}, meskipun masih terdapat {tantangan}.",
    "Sebanyak {pct} persen responden menyatakan puas terhadap layanan {program}.",
    "Selain itu, {opd} juga melakukan {kegiatan} secara berkala untuk memastikan keberlanjutan "
    "program.",
    "Indikator keberhasilan program diukur melalui jumlah {objek} dan tingkat kepuasan pengguna.",
    "Sinkronisasi program dengan RPJMD {pemda} dilakukan melalui forum perangkat daerah pada "
    "bulan {month} {year}.",
    "Data dan informasi program dipublikasikan melalui portal Satu Data {pemda} agar dapat "
    "diakses oleh masyarakat.",
    "Pada tahun {year} telah terbangun {k} titik layanan baru yang tersebar di {k2} desa dan "
    "kelurahan.",
]

# A paragraph in a heading-only chapter list: (chapter title, [section titles]).
REPORT_CHAPTERS = [
    ("PENDAHULUAN", ["Latar Belakang", "Maksud dan Tujuan", "Dasar Hukum", "Ruang Lingkup"]),
    ("GAMBARAN UMUM", ["Kondisi Geografis", "Kependudukan", "Kondisi Infrastruktur TIK"]),
    (
        "PELAKSANAAN KEGIATAN",
        ["Waktu dan Tempat", "Peserta", "Metode Pelaksanaan", "Rincian Kegiatan"],
    ),
    (
        "HASIL DAN PEMBAHASAN",
        ["Capaian Output", "Capaian Outcome", "Permasalahan", "Upaya Tindak Lanjut"],
    ),
    ("ANALISIS DAMPAK", ["Dampak bagi Masyarakat", "Dampak bagi Pemerintah Daerah"]),
    ("PENUTUP", ["Kesimpulan", "Saran dan Rekomendasi"]),
]

MASTERPLAN_CHAPTERS = [
    ("PENDAHULUAN", ["Latar Belakang", "Maksud dan Tujuan", "Dasar Hukum", "Sistematika"]),
    (
        "ANALISIS STRATEGIS",
        [
            "Profil Daerah",
            "Kesiapan Daerah (Readiness)",
            "Struktur",
            "Infrastruktur",
            "Suprastruktur",
            "Isu Strategis",
        ],
    ),
    ("VISI DAN MISI SMART CITY", ["Visi", "Misi", "Keselarasan dengan RPJMD"]),
    (
        "STRATEGI PENGEMBANGAN",
        [
            "Strategi Smart Governance",
            "Strategi Smart Branding",
            "Strategi Smart Economy",
            "Strategi Smart Living",
            "Strategi Smart Society",
            "Strategi Smart Environment",
        ],
    ),
    (
        "PROGRAM DAN RENCANA AKSI",
        ["Program Jangka Pendek", "Program Jangka Menengah", "Program Jangka Panjang", "Quick Win"],
    ),
    ("PETA JALAN", ["Tahapan Pelaksanaan", "Matriks Peta Jalan", "Indikator Kinerja"]),
    ("TATA KELOLA DAN PEMBIAYAAN", ["Kelembagaan", "Skema Pembiayaan", "Manajemen Risiko"]),
    ("PENUTUP", ["Kesimpulan", "Rekomendasi"]),
]

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def latin(text: str) -> str:
    """Return ``text`` with the characters that fpdf2's core fonts cannot draw replaced."""
    return text.encode("latin-1", "replace").decode("latin-1")


class Prose:
    """Indonesian government prose from templates, deterministic for its ``random.Random``."""

    def __init__(
        self,
        rng: random.Random,
        region: tuple[str, str, str, str],
        dimension: str,
        program: str,
        year: int,
    ) -> None:
        self.rng = rng
        self.pemda = f"Pemerintah {region[0]} {region[1]}"
        self.region = region
        self.dimension = dimension
        self.program = program
        self.year = year

    def _slot(self, name: str) -> str:
        r = self.rng
        if name == "pemda":
            return self.pemda
        if name == "program":
            return self.program if r.random() < 0.7 else r.choice(PROGRAMS[self.dimension])
        if name == "opd":
            return r.choice(OPD)
        if name == "year":
            return str(self.year)
        if name == "y0":
            return str(self.year - r.randint(1, 3))
        if name in ("n", "a"):
            return str(r.randint(12, 480))
        if name == "b":
            return str(r.randint(500, 12000))
        if name in ("k", "k2"):
            return str(r.randint(3, 24))
        if name == "pct":
            return f"{r.randint(55, 99)},{r.randint(0, 9)}"
        if name == "q":
            return r.choice(["I", "II", "III", "IV"])
        if name == "amount":
            return f"{r.randint(25, 4800)}.{r.randint(0, 999):03d}.000"
        if name == "kec":
            return r.choice(KECAMATAN)
        if name == "law":
            return r.choice(LAWS)
        if name == "dimensi":
            return DIMENSION_TITLES[self.dimension]
        if name == "month":
            return r.choice(MONTHS)
        if name == "date":
            return self.date()
        return r.choice(WORDS[name])

    def date(self, year: int | None = None) -> str:
        """Return an Indonesian date ("12 Maret 2024") in ``year`` (default: the document's)."""
        r = self.rng
        return f"{r.randint(1, 28)} {r.choice(MONTHS)} {year or self.year}"

    def sentence(self) -> str:
        """Return one sentence."""
        template = self.rng.choice(SENTENCES)
        return template.format_map(_Slots(self._slot))

    def paragraph(self, low: int = 3, high: int = 7) -> str:
        """Return a paragraph of ``low``-``high`` sentences."""
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))


class _Slots(dict):  # type: ignore[type-arg]
    """A ``format_map`` mapping that makes each slot's value on demand."""

    def __init__(self, make: Callable[[str], str]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: str) -> str:
        value = self.make(key)
        self[key] = value
        return value


# --------------------------------------------------------------------------------------------
# Images (deterministic, made with Pillow, shared within one process)
# --------------------------------------------------------------------------------------------

_IMAGES: dict[tuple[str, int, int], bytes] = {}


def photo(seed: int, key: int) -> bytes:
    """Return a JPEG "photo" (smooth colour blobs with grain) for ``(seed, key)``."""
    cache_key = ("photo", seed, key)
    if cache_key not in _IMAGES:
        from PIL import Image

        r = random.Random(f"photo:{seed}:{key}")
        coarse = Image.frombytes("RGB", (8, 6), r.randbytes(8 * 6 * 3))
        fine = Image.frombytes("RGB", (160, 120), r.randbytes(160 * 120 * 3))
        image = Image.blend(
            coarse.resize((960, 720), Image.Resampling.BICUBIC),
            fine.resize((960, 720), Image.Resampling.BILINEAR),
            0.25,
        )
        out = io.BytesIO()
        image.save(out, "JPEG", quality=82)
        _IMAGES[cache_key] = out.getvalue()
    return _IMAGES[cache_key]


def scan_page(seed: int, key: int) -> bytes:
    """Return a grey JPEG that looks like a scanned typed page (no text layer)."""
    cache_key = ("scan", seed, key)
    if cache_key not in _IMAGES:
        from PIL import Image, ImageDraw

        r = random.Random(f"scan:{seed}:{key}")
        image = Image.new("L", (1240, 1754), color=246)
        draw = ImageDraw.Draw(image)
        y = 160
        while y < 1600:
            if r.random() < 0.12:
                y += 40
                continue
            right = 1100 - r.randint(0, 500) if r.random() < 0.2 else 1100
            draw.line((140, y, right, y), fill=r.randint(30, 70), width=r.randint(9, 12))
            y += 34
        for _ in range(3000):
            x, y0 = r.randrange(1240), r.randrange(1754)
            draw.point((x, y0), fill=r.randint(150, 220))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=70)
        _IMAGES[cache_key] = out.getvalue()
    return _IMAGES[cache_key]


# --------------------------------------------------------------------------------------------
# Writers: the same calls make a PDF (fpdf2) or a DOCX (python-docx)
# --------------------------------------------------------------------------------------------


class PdfWriter:
    """Write an A4 text PDF with fpdf2, wrapping lines itself (fast) and drawing them with ``text``."""

    LEFT, RIGHT, TOP, BOTTOM = 25.0, 185.0, 25.0, 272.0

    def __init__(self, title: str | None, header: str, created: dt.datetime, outline: bool) -> None:
        from fpdf import FPDF

        self.pdf = FPDF(format="A4")
        self.pdf.set_creation_date(created)
        self.pdf.set_auto_page_break(False)
        if title:
            self.pdf.set_title(latin(title))
        self.pdf.set_author("Pemerintah Daerah")
        self.header_text = latin(header)
        self.outline = outline
        self.y = self.TOP
        self.words = 0
        self._widths: dict[tuple[str, str, float], float] = {}
        self._new_page()

    def _new_page(self) -> None:
        pdf = self.pdf
        pdf.add_page()
        if pdf.page > 1:
            pdf.set_font("Helvetica", "I", 8)
            pdf.text(self.LEFT, 14, self.header_text[:110])
            pdf.text(100, 287, f"- {pdf.page} -")
        self.y = self.TOP

    def pages(self) -> float:
        """Return the pages written so far."""
        return float(self.pdf.page)

    def _width(self, word: str, style: str, size: float) -> float:
        key = (word, style, size)
        width = self._widths.get(key)
        if width is None:
            width = self._widths[key] = self.pdf.get_string_width(word)
        return width

    def _wrap(self, text: str, style: str, size: float, width: float) -> Iterator[str]:
        space = self._width(" ", style, size)
        line: list[str] = []
        used = 0.0
        for word in text.split():
            w = self._width(word, style, size)
            if line and used + space + w > width:
                yield " ".join(line)
                line, used = [word], w
            else:
                used += (space if line else 0.0) + w
                line.append(word)
        if line:
            yield " ".join(line)

    def _lines(
        self,
        text: str,
        style: str = "",
        size: float = 11,
        height: float = 6.2,
        align: str = "L",
        indent: float = 0.0,
    ) -> None:
        text = latin(text)
        self.words += len(text.split())
        self.pdf.set_font("Helvetica", style, size)
        width = self.RIGHT - self.LEFT - indent
        for line in self._wrap(text, style, size, width):
            if self.y + height > self.BOTTOM:
                self._new_page()
                self.pdf.set_font("Helvetica", style, size)
            if align == "C":
                x = (self.LEFT + self.RIGHT - self.pdf.get_string_width(line)) / 2
            elif align == "R":
                x = self.RIGHT - 70
            else:
                x = self.LEFT + indent
            self.pdf.text(x, self.y + height * 0.75, line)
            self.y += height

    def heading(self, level: int, text: str) -> None:
        """Write a heading (1: chapter, 2: section, 3: subsection), bookmarked if outlined."""
        if self.y > self.BOTTOM - 30:
            self._new_page()
        self.y += 3 if level > 1 else 5
        if self.outline:
            self.pdf.start_section(latin(text), level=level - 1)
        self._lines(text, "B", 13 if level == 1 else 11.5, 7.5, "C" if level == 1 else "L")
        self.y += 1.5

    def paragraph(self, text: str, indent: float = 0.0) -> None:
        """Write a body paragraph."""
        self._lines(text, indent=indent)
        self.y += 2.5

    def center(self, text: str, size: float = 12, bold: bool = True) -> None:
        """Write a centred line (covers and title blocks)."""
        self._lines(text, "B" if bold else "", size, size * 0.62, "C")

    def right(self, text: str) -> None:
        """Write a line of a signature block, on the right half."""
        self._lines(text, "", 11, 6.0, "R")

    def space(self, mm: float) -> None:
        """Leave vertical space."""
        self.y += mm

    def page_break(self) -> None:
        """Start a new page."""
        self._new_page()

    def table(self, rows: Sequence[Sequence[str]]) -> None:
        """Write a simple table: a header row in bold, columns at fixed positions."""
        columns = len(rows[0])
        width = (self.RIGHT - self.LEFT) / columns
        for number, row in enumerate(rows):
            if self.y + 7 > self.BOTTOM:
                self._new_page()
            self.pdf.set_font("Helvetica", "B" if number == 0 else "", 9.5)
            for col, cell in enumerate(row):
                self.pdf.text(self.LEFT + col * width + 1, self.y + 5, latin(cell)[:30])
            self.pdf.line(self.LEFT, self.y + 6.6, self.RIGHT, self.y + 6.6)
            self.words += sum(len(cell.split()) for cell in row)
            self.y += 7
        self.y += 3

    def image(self, data: bytes, caption: str) -> None:
        """Place a photo (half a page) with a caption."""
        if self.y + 115 > self.BOTTOM:
            self._new_page()
        self.pdf.image(io.BytesIO(data), x=self.LEFT + 15, y=self.y, w=130, h=97.5)
        self.y += 100
        self._lines(caption, "I", 9.5, 5.5, "C")
        self.y += 4

    def scan(self, data: bytes) -> None:
        """Add a page that is only an image (a scan without a text layer)."""
        if self.y > self.TOP or self.pdf.page > 1:
            self.pdf.add_page()
        self.pdf.image(io.BytesIO(data), x=0, y=0, w=210, h=297)
        self.y = self.BOTTOM

    def save(self, path: Path) -> None:
        """Write the file."""
        path.write_bytes(bytes(self.pdf.output()))


class DocxWriter:
    """Write a DOCX with python-docx; pages are estimated at 300 words a page like the scanner."""

    def __init__(self, title: str | None, header: str, created: dt.datetime, outline: bool) -> None:
        import docx

        self.document = docx.Document()
        props = self.document.core_properties
        props.title = title or ""
        props.author = "Dinas Komunikasi dan Informatika"
        props.created = created
        props.modified = created
        props.last_modified_by = "admin"
        props.revision = 1
        section = self.document.sections[0]
        section.header.paragraphs[0].text = header
        self.words = 0
        self._paragraph: Any = None

    def pages(self) -> float:
        """Return the estimated pages (300 words a page)."""
        return self.words / 300

    def heading(self, level: int, text: str) -> None:
        """Write a heading with a Heading N style."""
        self._paragraph = self.document.add_heading(text, level=level)
        self.words += len(text.split())

    def paragraph(self, text: str, indent: float = 0.0) -> None:
        """Write a body paragraph."""
        from docx.shared import Cm

        self._paragraph = self.document.add_paragraph(text)
        if indent:
            self._paragraph.paragraph_format.left_indent = Cm(indent / 10)
        self.words += len(text.split())

    def center(self, text: str, size: float = 12, bold: bool = True) -> None:
        """Write a centred line."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        self._paragraph = self.document.add_paragraph()
        self._paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = self._paragraph.add_run(text)
        run.bold = bold
        run.font.size = Pt(size)
        self.words += len(text.split())

    def right(self, text: str) -> None:
        """Write a line of a signature block."""
        from docx.shared import Cm

        self._paragraph = self.document.add_paragraph(text)
        self._paragraph.paragraph_format.left_indent = Cm(9)
        self.words += len(text.split())

    def space(self, mm: float) -> None:
        """Leave vertical space (an empty paragraph)."""
        self._paragraph = self.document.add_paragraph()

    def page_break(self) -> None:
        """Start a new page."""
        from docx.enum.text import WD_BREAK

        paragraph = self._paragraph or self.document.add_paragraph()
        paragraph.add_run().add_break(WD_BREAK.PAGE)

    def table(self, rows: Sequence[Sequence[str]]) -> None:
        """Write a table with a grid."""
        table = self.document.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            cells = table.rows[r].cells
            for c, cell in enumerate(row):
                cells[c].text = cell
                self.words += len(cell.split())
        self._paragraph = None

    def image(self, data: bytes, caption: str) -> None:
        """Insert a photo with a caption."""
        from docx.shared import Cm

        self.document.add_picture(io.BytesIO(data), width=Cm(13))
        self.center(caption, 9, bold=False)

    def scan(self, data: bytes) -> None:  # pragma: no cover - scans are PDFs only
        """Scans are only made as PDFs."""
        raise NotImplementedError

    def save(self, path: Path) -> None:
        """Write the file with fixed zip entry times, so the bytes depend only on the content."""
        raw = io.BytesIO()
        self.document.save(raw)
        out = io.BytesIO()
        with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
                fixed.compress_type = zipfile.ZIP_DEFLATED
                fixed.external_attr = info.external_attr
                target.writestr(fixed, source.read(info.filename))
        path.write_bytes(out.getvalue())


Writer = PdfWriter | DocxWriter

# --------------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """What one document is: where it goes, its kind, format, target pages, year and topic."""

    index: int
    path: str  # posix, relative to the corpus root
    kind: str
    format: str  # "pdf" or "docx"
    pages: int  # target pages (DOCX: 300-word pages)
    dimension: str
    program: str
    year: int
    draft: bool = False


# kind: (weight, share as PDF, pages low, pages high)
KINDS: dict[str, tuple[float, float, int, int]] = {
    "laporan": (30, 0.75, 8, 40),
    "profil": (12, 0.55, 5, 16),
    "sk": (12, 0.6, 3, 8),
    "perbup": (4, 0.9, 6, 20),
    "notulen": (10, 0.25, 2, 6),
    "data": (8, 0.6, 5, 20),
    "survei": (5, 0.85, 15, 40),
    "mou": (5, 0.8, 5, 12),
    "sop": (7, 0.5, 5, 15),
    "scan": (3, 1.0, 1, 5),
}
BOOKS = [
    ("Buku I Analisis Strategis", "Buku I"),
    ("Buku II Masterplan Smart City", "Buku II"),
    ("Buku III Quick Win", "Buku III"),
    ("Buku IV Peta Jalan Smart City", "Buku IV"),
]


def region_for(seed: int) -> tuple[str, str, str, str]:
    """Return the region (kind, name, head's title, capital) of the corpus of ``seed``."""
    return REGIONS[seed % len(REGIONS)]


def _file_name(
    rng: random.Random,
    kind: str,
    program: str,
    year: int,
    region: tuple[str, str, str, str],
    draft: bool,
    index: int,
) -> str:
    """Return a file name (without extension) in one of the styles real folders have."""
    head = region[2].replace(" ", "")
    base = {
        "laporan": rng.choice(
            [
                f"Laporan Kegiatan {program} {year}",
                f"LAPORAN PELAKSANAAN {program.upper()} TAHUN {year}",
                f"laporan_{program.lower().replace(' ', '_')}_{year}",
                f"Lap. Triwulan {rng.choice(['I', 'II', 'III', 'IV'])} {program}",
            ]
        ),
        "profil": rng.choice(
            [
                f"Profil Program {program}",
                f"PROFIL {program.upper()} {year}",
                f"profil-program-{program.lower().replace(' ', '-')}",
            ]
        ),
        "sk": rng.choice(
            [
                f"SK {head} {program} {year}",
                f"Keputusan {program} No {index % 400 + 1}",
                f"SK {program} {year}",
                f"kpts_{program.lower().replace(' ', '')}_{year}",
            ]
        ),
        "perbup": rng.choice(
            [
                f"Per{head[:3].lower()} {index % 60 + 1} Tahun {year} tentang {program}",
                f"Peraturan {region[2]} {region[1]} tentang {program} {year}",
            ]
        ),
        "notulen": rng.choice(
            [
                f"Notulen Rapat {program} {rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{year}",
                f"notula rapat koordinasi {program.lower()} {year}",
                f"Notulen {program} {rng.choice(MONTHS)} {year}",
            ]
        ),
        "data": rng.choice(
            [
                f"Data Capaian Output {program} {year}",
                f"Rekap Data {program} {year}",
                f"data capaian {program.lower()} {year}",
            ]
        ),
        "survei": rng.choice(
            [f"Laporan Survei Kepuasan {program} {year}", f"Hasil Survei {program} {year}"]
        ),
        "mou": rng.choice(
            [
                f"MoU {program} {year}",
                f"Perjanjian Kerja Sama {program} {year}",
                f"PKS {program} {year}",
            ]
        ),
        "sop": rng.choice(
            [
                f"SOP {program}",
                f"Standar Operasional Prosedur {program} {year}",
                f"draft SOP {program.lower()} v{rng.randint(1, 4)}",
            ]
        ),
        "scan": rng.choice(
            [f"scan{index:04d}", f"SK {program} {year} (scan)", f"IMG_{year}{index:04d}"]
        ),
    }[kind]
    if draft and kind in ("sk", "perbup", "sop"):
        base = rng.choice(["KONSEP ", "draft ", "DRAFT "]) + base
    if rng.random() < 0.1:
        base += rng.choice([" rev1", " rev2", " final", " (1)", " fix"])
    return base


def plan(n: int, seed: int = DEFAULT_SEED, profile: str = "full") -> list[Spec]:
    """Decide every document of a corpus of ``n``; document ``i`` depends on ``(seed, i)``."""
    region = region_for(seed)
    specs: list[Spec] = []
    taken: set[str] = set()
    kinds = list(KINDS)
    weights = [KINDS[k][0] for k in kinds]
    for index in range(n):
        rng = random.Random(f"plan:{seed}:{index}")
        masterplan = profile == "full" and index % 67 == 5
        if masterplan:
            dim, folder, _ = DIMENSIONS[0]
            book, short = BOOKS[(index // 67) % len(BOOKS)]
            year = rng.randint(2019, 2023)
            name = rng.choice(
                [
                    f"{book} {region[0]} {region[1]} {year}-{year + 9}",
                    f"{short} Masterplan SC {year}",
                    f"dokumen{short.replace(' ', '')}",
                ]
            )
            spec_kind, fmt, pages, program = "masterplan", "pdf", rng.randint(100, 300), book
            sub = "Masterplan"
            draft = False
        else:
            spec_kind = rng.choices(kinds, weights)[0]
            _, pdf_share, low, high = KINDS[spec_kind]
            if spec_kind in ("sk", "perbup", "notulen", "mou") and rng.random() < 0.35:
                dim, folder, _ = DIMENSIONS[0]
            else:
                dim, folder, _ = DIMENSIONS[1 + rng.randrange(6)]
            fmt = "pdf" if rng.random() < pdf_share else "docx"
            # Most documents are short; a long tail reaches the upper bound.
            pages = low + int((high - low + 1) * rng.random() ** 1.6)
            if profile == "small":
                pages = rng.randint(1, 3)
            program = rng.choice(PROGRAMS[dim])
            year = rng.choices(range(2018, 2025), [1, 2, 3, 5, 8, 12, 14])[0]
            draft = spec_kind in ("sk", "perbup", "sop") and rng.random() < 0.12
            name = _file_name(rng, spec_kind, program, year, region, draft, index)
            sub = rng.choice(["", "", str(year), program, rng.choice(SUBDIMENSIONS[dim]).title()])
            if dim == "induk" and not sub:
                sub = rng.choice(["Kelembagaan", "Regulasi", "Rapat"])
        parts = [folder, sub] if sub else [folder]
        stem = "/".join([*parts, name])
        candidate, copy = f"{stem}.{fmt}", 1
        while candidate.casefold() in taken:
            copy += 1
            candidate = f"{stem} ({copy}).{fmt}"
        taken.add(candidate.casefold())
        specs.append(Spec(index, candidate, spec_kind, fmt, pages, dim, program, year, draft))
    return specs


def _signature(w: Writer, prose: Prose, place: str, office: str, *, signed: bool) -> None:
    r = prose.rng
    w.space(6)
    w.right(f"Ditetapkan di {place}")
    w.right(f"pada tanggal {prose.date() if signed else '.......... ' + str(prose.year)}")
    w.space(3)
    w.right(f"{office},")
    w.space(4)
    w.right("ttd" if signed else "")
    w.space(4)
    w.right(r.choice(NAMES).upper())
    if signed and r.random() < 0.6:
        w.right(
            f"NIP {r.randint(19600101, 19851231)} {r.randint(198501, 201512)} "
            f"{r.randint(1, 2)} {r.randint(1, 9):03d}"
        )


def _closing(w: Writer, prose: Prose, place: str, role: str) -> None:
    r = prose.rng
    w.space(6)
    w.right(f"{place}, {prose.date()}")
    w.right(f"{role},")
    w.space(10)
    w.right(r.choice(NAMES))
    w.right(
        f"NIP {r.randint(19600101, 19851231)} {r.randint(198501, 201512)} 1 {r.randint(1, 9):03d}"
    )


def _chapters(
    w: Writer,
    prose: Prose,
    chapters: Sequence[tuple[str, Sequence[str]]],
    target: float,
    reserve: float,
    photos: int,
    seed: int,
) -> None:
    """Write numbered chapters until the document reaches ``target`` pages less ``reserve``."""
    r = prose.rng
    number = 0
    while True:
        for title, sections in chapters:
            if number and w.pages() >= target - reserve:
                return
            number += 1
            if number > 1 and r.random() < 0.7:
                w.page_break()
            roman = ROMAN[(number - 1) % len(ROMAN)]
            w.heading(
                1,
                f"BAB {roman} {title}"
                if number <= len(chapters)
                else f"BAB {roman} {title} (LANJUTAN)",
            )
            for s, section in enumerate(sections, 1):
                w.heading(2, f"{number}.{s} {section}")
                for _ in range(r.randint(2, 5)):
                    w.paragraph(prose.paragraph())
                    if w.pages() >= target - reserve:
                        return
                if r.random() < 0.25:
                    w.heading(
                        3,
                        f"{number}.{s}.1 {r.choice(['Analisis', 'Kondisi Saat Ini', 'Rincian', 'Evaluasi'])}",
                    )
                    w.paragraph(prose.paragraph())
                if r.random() < 0.2:
                    w.table(_table(prose))
                if photos and r.random() < 0.15:
                    w.image(
                        photo(seed, r.randrange(24)),
                        f"Gambar {number}.{s} Dokumentasi {prose.program}",
                    )


def _table(prose: Prose) -> list[list[str]]:
    r = prose.rng
    rows = [["No", "Kecamatan", "Target", "Realisasi", "Capaian (%)"]]
    for i in range(r.randint(4, 10)):
        target = r.randint(20, 900)
        done = int(target * r.uniform(0.5, 1.1))
        rows.append(
            [str(i + 1), r.choice(KECAMATAN), str(target), str(done), f"{100 * done / target:.1f}"]
        )
    return rows


def write_document(spec: Spec, root: Path, seed: int, variant: int = 0) -> dict[str, Any]:
    """Write one document of the corpus; ``variant`` > 0 changes its content (a new revision)."""
    region = region_for(seed)
    rng = random.Random(f"doc:{seed}:{spec.index}:{variant}")
    prose = Prose(rng, region, spec.dimension, spec.program, spec.year)
    kind_label, place, head = (
        f"{region[0]} {region[1]}",
        region[3],
        f"{region[2]} {region[1]}".upper(),
    )
    created = dt.datetime(
        spec.year, rng.randint(1, 12), rng.randint(1, 28), 9, 0, tzinfo=dt.timezone.utc
    )
    title_prop = _title_property(rng, spec, region)
    header = f"{spec.program} - {kind_label} {spec.year}"
    cls = PdfWriter if spec.format == "pdf" else DocxWriter
    w: Writer = cls(
        title_prop, header, created, outline=spec.kind == "masterplan" or rng.random() < 0.3
    )
    target = float(spec.pages)
    revision = f" (Revisi {variant})" if variant else ""

    if spec.kind == "scan":
        for page in range(spec.pages):
            w.scan(scan_page(seed, (spec.index + page) % 12))
    elif spec.kind in ("sk", "perbup"):
        _decree(w, prose, spec, region, head, place, target, revision)
    elif spec.kind == "notulen":
        _minutes(w, prose, spec, kind_label, place, target, revision)
    else:
        _report(w, prose, spec, region, kind_label, place, target, revision, seed)

    path = root / spec.path
    path.parent.mkdir(parents=True, exist_ok=True)
    w.save(path)
    stamp = created.timestamp() + 3600 * rng.randint(0, 2000) if not variant else time.time()
    os.utime(path, (stamp, stamp))
    pages = w.pages() if spec.format == "pdf" else math.ceil(w.pages())
    return {
        "path": spec.path,
        "format": spec.format,
        "kind": spec.kind,
        "pages": int(pages),
        "words": w.words,
        "bytes": path.stat().st_size,
    }


def _title_property(
    rng: random.Random, spec: Spec, region: tuple[str, str, str, str]
) -> str | None:
    roll = rng.random()
    if roll < 0.4:
        return None
    if roll < 0.55:
        return f"Microsoft Word - {Path(spec.path).stem}.docx"
    return f"{spec.program} {region[0]} {region[1]} {spec.year}"


def _decree(
    w: Writer,
    prose: Prose,
    spec: Spec,
    region: tuple[str, str, str, str],
    head: str,
    place: str,
    target: float,
    revision: str,
) -> None:
    r = prose.rng
    regulation = spec.kind == "perbup"
    if spec.draft:
        w.center(r.choice(["KONSEP", "DRAFT", "RANCANGAN"]), 10)
    w.center(("PERATURAN " if regulation else "KEPUTUSAN ") + head, 13)
    number = (
        f"NOMOR {r.randint(1, 60)} TAHUN {spec.year}"
        if regulation
        else f"NOMOR 100.3.3.2/{r.randint(10, 800)}/HK/{spec.year}"
    )
    w.center(number, 12)
    w.center("TENTANG", 12)
    subject = r.choice(
        [
            f"PEMBENTUKAN {spec.program.upper()}",
            f"PENYELENGGARAAN {spec.program.upper()}",
            f"TIM PELAKSANA SMART CITY {region[0].upper()} {region[1].upper()}",
            f"DEWAN SMART CITY {region[0].upper()} {region[1].upper()}",
            f"MASTERPLAN SMART CITY {region[0].upper()} {region[1].upper()} "
            f"TAHUN {spec.year}-{spec.year + 9}",
        ]
    )
    w.center(subject + revision.upper(), 12)
    w.space(4)
    w.center("DENGAN RAHMAT TUHAN YANG MAHA ESA", 11)
    w.center(f"{head},", 11)
    w.space(3)
    w.paragraph("Menimbang :")
    for letter in "abc"[: r.randint(2, 3)]:
        w.paragraph(f"{letter}. bahwa {prose.sentence().rstrip('.').lower()};", indent=8)
    w.paragraph("Mengingat :")
    for i, law in enumerate(r.sample(LAWS, r.randint(3, 6)), 1):
        w.paragraph(f"{i}. {law};", indent=8)
    if regulation:
        w.center("MEMUTUSKAN:", 11)
        w.paragraph(f"Menetapkan : PERATURAN {head} TENTANG {subject}.")
        chapters = [
            ("KETENTUAN UMUM", ["Pasal 1"]),
            ("MAKSUD DAN TUJUAN", ["Pasal 2", "Pasal 3"]),
            ("RUANG LINGKUP", ["Pasal 4"]),
            ("PELAKSANAAN", ["Pasal 5", "Pasal 6"]),
            ("PEMBIAYAAN", ["Pasal 7"]),
            ("KETENTUAN PENUTUP", ["Pasal 8"]),
        ]
        for c, (title, articles) in enumerate(chapters, 1):
            w.heading(2, f"BAB {ROMAN[c - 1]} {title}")
            for article in articles:
                w.center(article, 11, bold=False)
                for verse in range(1, r.randint(2, 5)):
                    w.paragraph(f"({verse}) {prose.sentence()}")
            while c == 4 and w.pages() < target - 2:
                w.paragraph(prose.paragraph())
    else:
        w.center("MEMUTUSKAN:", 11)
        w.paragraph(f"Menetapkan : KEPUTUSAN {head} TENTANG {subject}.")
        for ordinal in ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA"][: r.randint(3, 5)]:
            w.paragraph(f"{ordinal} : {prose.sentence()}")
    _signature(w, prose, place, head, signed=not spec.draft)
    if regulation and not spec.draft:
        w.space(4)
        w.right(f"Diundangkan di {place}")
        w.right(f"pada tanggal {prose.date()}")
        w.right(f"SEKRETARIS DAERAH {region[0].upper()} {region[1].upper()},")
        w.space(8)
        w.right(r.choice(NAMES).upper())
        w.paragraph(
            f"BERITA DAERAH {region[0].upper()} {region[1].upper()} TAHUN {spec.year} "
            f"NOMOR {r.randint(1, 60)}"
        )
    # Annexes (member lists, job descriptions) fill the remaining pages.
    while w.pages() < target:
        w.page_break()
        w.center(f"LAMPIRAN {'PERATURAN' if regulation else 'KEPUTUSAN'} {head}", 11)
        w.center(number, 10, bold=False)
        rows = [["No", "Jabatan dalam Tim", "Unsur", "Keterangan"]]
        for i in range(r.randint(10, 24)):
            rows.append(
                [
                    str(i + 1),
                    r.choice(["Ketua", "Wakil Ketua", "Sekretaris", "Anggota"]),
                    r.choice(OPD)[:28],
                    r.choice(["ex officio", "-", "koordinator"]),
                ]
            )
        w.table(rows)
        w.paragraph(prose.paragraph(2, 4))


def _minutes(
    w: Writer, prose: Prose, spec: Spec, kind_label: str, place: str, target: float, revision: str
) -> None:
    r = prose.rng
    w.center("NOTULEN RAPAT" + revision.upper(), 13)
    w.center(f"{spec.program.upper()} {kind_label.upper()}", 11)
    w.space(3)
    w.paragraph(f"Hari / Tanggal : {r.choice(DAYS)}, {prose.date()}")
    w.paragraph(f"Waktu : {r.randint(8, 14):02d}.00 WITA s.d. selesai")
    w.paragraph(f"Tempat : Ruang Rapat {r.choice(OPD)}")
    w.paragraph(f"Pimpinan Rapat : {r.choice(NAMES)}")
    w.paragraph(f"Peserta : {r.randint(8, 40)} orang (daftar hadir terlampir)")
    w.paragraph(f"Agenda : {r.choice(WORDS['kegiatan']).capitalize()} {spec.program}")
    w.heading(2, "Pembahasan")
    point = 0
    while w.pages() < target - 0.3:
        point += 1
        w.paragraph(f"{point}. {prose.paragraph(2, 5)}")
    w.heading(2, "Kesimpulan dan Tindak Lanjut")
    w.paragraph(prose.paragraph(2, 3))
    _closing(w, prose, place, "Notulis")


def _report(
    w: Writer,
    prose: Prose,
    spec: Spec,
    region: tuple[str, str, str, str],
    kind_label: str,
    place: str,
    target: float,
    revision: str,
    seed: int,
) -> None:
    r = prose.rng
    opd = r.choice(OPD)
    title = {
        "masterplan": spec.program.upper(),
        "laporan": "LAPORAN PELAKSANAAN KEGIATAN",
        "profil": f"PROFIL PROGRAM {DIMENSION_TITLES[spec.dimension].upper()}",
        "data": "DATA CAPAIAN OUTPUT",
        "survei": "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT",
        "mou": "PERJANJIAN KERJA SAMA",
        "sop": "STANDAR OPERASIONAL PROSEDUR",
    }[spec.kind]
    if spec.draft:
        w.center("DRAFT", 10)
    w.space(30 if spec.format == "pdf" else 0)
    w.center(title + revision.upper(), 16)
    if spec.kind == "masterplan":
        w.center(f"MASTERPLAN SMART CITY {kind_label.upper()}", 14)
        w.center(f"TAHUN {spec.year}-{spec.year + 9}", 13)
    else:
        w.center(spec.program.upper(), 14)
    if spec.kind == "profil":
        w.center(f"Subdimensi: {r.choice(SUBDIMENSIONS[spec.dimension]).title()}", 11, bold=False)
    w.space(50 if spec.format == "pdf" else 0)
    w.center(opd.upper(), 12)
    w.center(f"PEMERINTAH {kind_label.upper()}", 12)
    w.center(f"TAHUN {spec.year}", 12)
    w.page_break()
    if spec.kind == "mou":
        w.paragraph(
            f"Pada hari ini {r.choice(DAYS)} tanggal {prose.date()}, yang bertanda tangan di "
            f"bawah ini: {r.choice(NAMES)}, selaku Kepala {opd}, selanjutnya disebut PIHAK "
            f"PERTAMA; dan {r.choice(NAMES)}, selaku pimpinan {r.choice(WORDS['mitra'])}, "
            "selanjutnya disebut PIHAK KEDUA."
        )
        chapters = [
            ("MAKSUD DAN TUJUAN", ["Pasal 1"]),
            ("RUANG LINGKUP", ["Pasal 2", "Pasal 3"]),
            ("HAK DAN KEWAJIBAN", ["Pasal 4", "Pasal 5"]),
            ("JANGKA WAKTU", ["Pasal 6"]),
            ("PENUTUP", ["Pasal 7"]),
        ]
    else:
        w.heading(1, "KATA PENGANTAR")
        w.paragraph(
            "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa atas tersusunnya "
            f"dokumen {title.lower()} {spec.program} ini. " + prose.paragraph(2, 4)
        )
        _closing(w, prose, place, f"Kepala {opd}")
        w.page_break()
        chapters = MASTERPLAN_CHAPTERS if spec.kind == "masterplan" else REPORT_CHAPTERS
        w.heading(1, "DAFTAR ISI")
        for c, (chapter, _) in enumerate(chapters, 1):
            w.paragraph(f"BAB {ROMAN[c - 1]} {chapter} " + "." * 20 + f" {c * 3}")
        w.page_break()
    photos = spec.kind == "laporan"
    reserve = 1.0 if photos else 0.2
    _chapters(w, prose, chapters, target, reserve, int(photos), seed)
    if spec.kind == "data":
        w.table(_table(prose))
    if photos:
        w.page_break()
        w.heading(1, "LAMPIRAN DOKUMENTASI KEGIATAN")
        for i in range(r.randint(2, 6)):
            w.image(
                photo(seed, r.randrange(24)),
                f"Foto {i + 1}. {r.choice(WORDS['kegiatan']).capitalize()} "
                f"{spec.program} di Kecamatan {r.choice(KECAMATAN)}",
            )
    if spec.kind in ("mou", "sop"):
        _signature(w, prose, place, f"KEPALA {opd.upper()}", signed=not spec.draft)


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def _write_chunk(args: tuple[list[dict[str, Any]], str, int]) -> list[dict[str, Any]]:
    specs, root, seed = args
    return [write_document(Spec(**spec), Path(root), seed) for spec in specs]


def generate(
    n: int,
    outdir: Path,
    seed: int = DEFAULT_SEED,
    jobs: int | None = None,
    profile: str = "full",
    quiet: bool = False,
) -> dict[str, Any]:
    """Write the corpus of ``n`` documents into ``outdir``; return (and write) its manifest."""
    outdir.mkdir(parents=True, exist_ok=True)
    if any(outdir.iterdir()):
        raise SystemExit(f"error: {outdir} is not empty")
    started = time.perf_counter()
    specs = plan(n, seed, profile)
    jobs = max(1, jobs or os.cpu_count() or 1)
    # Long documents first, so one masterplan does not finish alone at the end.
    order = sorted(specs, key=lambda s: -s.pages)
    chunks = [[asdict(s) for s in order[i :: jobs * 8]] for i in range(jobs * 8)]
    files: list[dict[str, Any]] = []
    if jobs == 1:
        for chunk in chunks:
            files.extend(_write_chunk((chunk, str(outdir), seed)))
    else:
        with ProcessPoolExecutor(jobs) as pool:
            for result in pool.map(_write_chunk, [(c, str(outdir), seed) for c in chunks if c]):
                files.extend(result)
    by_path = {f["path"]: f for f in files}
    files = [by_path[s.path] | {"index": s.index} for s in specs]
    pdfs = [f for f in files if f["format"] == "pdf"]
    manifest = {
        "n": n,
        "seed": seed,
        "profile": profile,
        "documents": len(files),
        "pdf_documents": len(pdfs),
        "docx_documents": len(files) - len(pdfs),
        "pdf_pages": sum(f["pages"] for f in pdfs),
        "docx_pages_estimated": sum(f["pages"] for f in files if f["format"] == "docx"),
        "bytes": sum(f["bytes"] for f in files),
        "masterplans": sum(1 for f in files if f["kind"] == "masterplan"),
        "scans": sum(1 for f in files if f["kind"] == "scan"),
        "generation_seconds": round(time.perf_counter() - started, 2),
        "specs": [asdict(s) for s in specs],
        "files": files,
    }
    manifest["pages"] = manifest["pdf_pages"] + manifest["docx_pages_estimated"]
    (outdir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
    if not quiet:
        print(
            f"{n} documents ({manifest['pdf_documents']} PDF, {manifest['docx_documents']} DOCX, "
            f"{manifest['masterplans']} masterplans, {manifest['scans']} scans) in {outdir}: "
            f"{manifest['pdf_pages']} PDF pages + ~{manifest['docx_pages_estimated']} DOCX pages "
            f"= {manifest['pages']} pages, {manifest['bytes'] / 1e6:.1f} MB, "
            f"{manifest['generation_seconds']} s"
        )
    return manifest


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and write the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("outdir", type=Path, help="output folder (empty or absent)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: CPUs)")
    parser.add_argument(
        "--profile",
        choices=["full", "small"],
        default="full",
        help="full: realistic sizes; small: 1-3 page documents",
    )
    args = parser.parse_args(argv)
    generate(args.n, args.outdir, args.seed, args.jobs, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
