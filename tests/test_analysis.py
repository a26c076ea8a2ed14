"""Test the text analysis shared by extractors: heading-like lines, years and ratification."""

from __future__ import annotations

import pytest

from smartcity_audit.analysis import (
    heading_level,
    heading_lines,
    is_signed,
    ratification,
    title_years,
)
from smartcity_audit.model import Heading, Marker, MarkerKind, YearSource

# --- heading-like lines -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("BAB I PENDAHULUAN", 1),
        ("Bab 3 Metodologi", 1),
        ("BAB IV PETA JALAN", 1),
        ("BAGIAN KEDUA Pelaksanaan", 1),
        ("LAMPIRAN I", 1),
        ("BAB II", 1),
        ("  BAB   I    PENDAHULUAN  ", 1),  # whitespace is collapsed
        ("2.1 Strategi", 2),
        ("2.1. Strategi", 2),
        ("3 Gambaran Umum", 1),
        ("3.2.1 Peta Jalan Tahap Pertama", 3),
        ("A. Visi dan Misi", 2),
        ("IV. Penutup", 2),
        ("RENCANA AKSI DAERAH", 1),
        ("TENTANG", 1),
        ("KEPUTUSAN BUPATI CONTOH NOMOR 100/45/HK/2024", 1),
        # not headings
        ("Strategi pembangunan kota cerdas disusun bertahap.", None),
        ("RENCANA AKSI DAERAH.", None),
        ("Menimbang:", None),
        ("Dalam Peraturan Bupati ini yang dimaksud dengan:", None),
        ("NIP. 19700101 199503 1 002", None),
        ("NIP 197001011995031002", None),
        ("2.1 strategi yang dipilih", None),
        ("a. huruf kecil bukan judul", None),
        ("Visi dan Misi", None),
        ("Pasal 1", None),
        ("2023", None),
        ("12.000", None),
        ("SK", None),
        ("", None),
        ("   ", None),
        ("STRATEGI " * 15, None),  # too many words
        ("A" * 130, None),  # too long
    ],
)
def test_heading_level(line: str, level: int | None) -> None:
    assert heading_level(line) == level


def _texts(lines: list[str], page: int | None = 4) -> list[tuple[str, int]]:
    return [(h.text, h.level) for h in heading_lines(lines, page)]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["BAB I PENDAHULUAN", "Isi paragraf biasa."], [("BAB I PENDAHULUAN", 1)]),
        (["BAB II", "VISI DAN MISI", "Isi paragraf."], [("BAB II VISI DAN MISI", 1)]),
        (["BAB III", "", "  STRATEGI  "], [("BAB III STRATEGI", 1)]),  # blank lines between
        (["BAB II", "Visi dan misi daerah disusun."], [("BAB II", 1)]),
        (["BAB II"], [("BAB II", 1)]),
        (["BAB II", "BAB III"], [("BAB II BAB III", 1)]),
        (
            ["BAB IV", "2.1 Strategi"],  # the next line is a heading but not in capitals
            [("BAB IV", 1), ("2.1 Strategi", 2)],
        ),
        (
            ["2.1 Strategi", "teks", "A. Visi dan Misi", "NIP. 19700101 199503 1 002"],
            [("2.1 Strategi", 2), ("A. Visi dan Misi", 2)],
        ),
        (["Sebuah kalimat biasa.", "Kalimat lain pula."], []),
        ([], []),
    ],
)
def test_heading_lines(lines: list[str], expected: list[tuple[str, int]]) -> None:
    assert _texts(lines) == expected


def test_heading_lines_carry_page_and_source() -> None:
    assert list(heading_lines(["BAB I PENDAHULUAN"], 7)) == [
        Heading("BAB I PENDAHULUAN", 1, 7, "line")
    ]
    assert list(heading_lines(["BAB II", "STRATEGI"], None)) == [
        Heading("BAB II STRATEGI", 1, None, "line")
    ]


# --- years ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Masterplan Smart City 2022-2031", [2022]),
        ("RPJMD 2021 – 2026", [2021]),
        ("RPJMD 2021–2026", [2021]),
        ("Renstra 2019/2023", [2019]),
        ("Laporan Tahun 2023", [2023]),
        ("Perbup 27 2024 tentang RPJMD 2021-2026", [2021, 2024]),
        ("Nomor 12345 dan 1899 dan 3021", []),
        ("Kode 120234", []),
        ("Tanpa tahun", []),
    ],
)
def test_title_years(text: str, years: list[int]) -> None:
    mentions = title_years(text, 1)
    assert sorted(m.year for m in mentions) == years
    assert all(m.source is YearSource.TITLE and m.page == 1 for m in mentions)


def test_title_years_source_and_excerpt() -> None:
    (mention,) = title_years("Halaman depan Masterplan 2022-2031", None, YearSource.PROPERTIES)
    assert mention.source is YearSource.PROPERTIES
    assert mention.page is None
    assert "2022-2031" in mention.excerpt


# --- ratification markers ---------------------------------------------------------------------


def _kinds(text: str) -> set[MarkerKind]:
    markers, _ = ratification(text, 2)
    return {m.kind for m in markers}


def _ratified_years(text: str) -> list[int]:
    _, years = ratification(text, 2)
    assert all(y.source is YearSource.RATIFICATION and y.page == 2 for y in years)
    return [y.year for y in years]


P, D, S, N = MarkerKind.PLACE, MarkerKind.DATE, MarkerKind.SIGNATURE, MarkerKind.NIP


@pytest.mark.parametrize(
    ("text", "kinds", "years", "signed"),
    [
        (
            "Ditetapkan di Singaraja\npada tanggal 12 Maret 2024\nBUPATI CONTOH,\nttd\nI GEDE",
            {P, D, S, MarkerKind.SIGNATORY},
            [2024],
            True,
        ),
        (  # a draft: the date is still dots
            "Ditetapkan di Singaraja\npada tanggal ...........\nBUPATI CONTOH,\n\n\nI GEDE",
            {P},
            [],
            False,
        ),
        (
            "Ditetapkan di Singaraja\npada tanggal ……… 2024\nBUPATI CONTOH,",
            {P},
            [],
            False,
        ),
        (  # colon form
            "Ditetapkan di : Singaraja\nPada tanggal : 12 Maret 2024\nBUPATI CONTOH,",
            {P, D},
            [2024],
            True,
        ),
        ("Ditetapkan di Singaraja, pada tanggal 12 Maret 2024", {P, D}, [2024], True),
        ("Ditetapkan di Singaraja\npada tanggal 12-03-2023", {P, D}, [2023], True),
        ("Ditetapkan di Singaraja\npada tanggal 12/3/2022", {P, D}, [2022], True),
        ("Ditetapkan di Singaraja\npada tanggal 12.03.2021", {P, D}, [2021], True),
        ("Ditetapkan di Singaraja\npada tanggal 2020-03-12", {P, D}, [2020], True),
        ("Ditetapkan di Singaraja\npada tanggal 12 March 2024", {P, D}, [2024], True),
        ("Disahkan di Denpasar\ntanggal 1 August 2023", {P, D}, [2023], True),
        ("Diundangkan di Singaraja\ntanggal 5 Des 2023", {P, D}, [2023], True),
        ("Ditetapkan di Singaraja\npada tanggal 17 Agustus 2019", {P, D}, [2019], True),
        (  # NIP written with spaces, with a signature mark
            "Kepala Dinas\nttd\nI MADE\nNIP. 19700101 199503 1 002",
            {S, N},
            [],
            True,
        ),
        ("NIP: 197001011995031002", {N}, [], False),
        ("NIP 19700101 199503 1 002", {N}, [], False),
        ("NIP 1970010119950310", set(), [], False),  # 16 digits: not a NIP
        ("ttd", {S}, [], False),
        ("Tertanda\nKEPALA DINAS", {S}, [], False),
        ("Ditandatangani secara elektronik oleh Kepala Dinas", {S}, [], False),
        ("atttd ttdx", set(), [], False),  # not a whole word
        # "ttd" under the office means signed, even where the date was left out
        ("Ditetapkan di Singaraja\nBUPATI CONTOH,\nttd", {P, S, MarkerKind.SIGNATORY}, [], True),
        ("BUPATI SUKAMAJU,\nttd\nH. AHMAD FAUZI", {S, MarkerKind.SIGNATORY}, [], True),  # lampiran
        ("BUPATI SUKAMAJU,\nMenimbang: bahwa ...", set(), [], False),  # the heading of a decree
        ("pada tanggal 12 Maret 2024", set(), [], False),  # a date without the block
        ("", set(), [], False),
    ],
)
def test_ratification_markers(
    text: str, kinds: set[MarkerKind], years: list[int], signed: bool
) -> None:
    assert _kinds(text) == kinds
    assert _ratified_years(text) == years
    markers, _ = ratification(text, 2)
    assert is_signed(markers) is signed


@pytest.mark.parametrize(
    "text",
    [
        "Ditetapkan di Singaraja pada tanggal 31 Desember 2019",
        "Disahkan di Denpasar pada tanggal 1 Agustus 2023 BUPATI, ttd",
    ],
)
def test_ratification_on_one_line(text: str) -> None:
    # pypdf often puts the place and the date of a ratification block on one line.
    markers, years = ratification(text, 1)
    place = next(m for m in markers if m.kind is MarkerKind.PLACE)
    assert "tanggal" not in place.excerpt
    assert MarkerKind.DATE in {m.kind for m in markers}
    assert len(years) == 1
    assert is_signed(markers)


def test_ratification_excerpts_and_pages() -> None:
    text = "Ditetapkan di Singaraja\npada tanggal 12 Maret 2024\nttd\nNIP. 19700101 199503 1 002"
    markers, years = ratification(text, 3)
    excerpts = {m.kind: m.excerpt for m in markers}
    assert excerpts == {
        P: "Ditetapkan di Singaraja",
        D: "pada tanggal 12 Maret 2024",
        S: "ttd",
        N: "NIP. 19700101 199503 1 002",
    }
    assert all(m.page == 3 for m in markers)
    assert [(y.year, y.page, y.excerpt) for y in years] == [(2024, 3, "pada tanggal 12 Maret 2024")]


def test_two_ratification_blocks_give_two_dates() -> None:
    text = (
        "Ditetapkan di Singaraja\npada tanggal 12 Maret 2024\nBUPATI,\nttd\n"
        "Diundangkan di Singaraja\npada tanggal 14 Maret 2024\nSEKDA,\nttd\n"
    )
    markers, years = ratification(text, 2)
    assert [m.kind for m in markers].count(P) == 2
    assert [m.kind for m in markers].count(D) == 2
    assert [m.kind for m in markers].count(S) == 1  # one signature marker is enough
    assert [y.year for y in years] == [2024, 2024]


# --- is_signed --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kinds", "signed"),
    [
        ({D, P}, True),
        ({D, S}, True),
        ({D, N}, True),
        ({D, P, S, N}, True),
        ({S, N}, True),
        ({D}, False),
        ({P}, False),
        ({S}, False),
        ({N}, False),
        ({P, S}, False),
        ({P, N}, False),
        (set(), False),
    ],
)
def test_is_signed_rule(kinds: set[MarkerKind], signed: bool) -> None:
    markers = [Marker(kind, 1, kind.value) for kind in sorted(kinds, key=lambda k: k.value)]
    assert is_signed(markers) is signed
    assert is_signed(iter(markers)) is signed


@pytest.mark.parametrize(
    ("block", "kind"),
    [
        (
            "SALINAN\nBUPATI SUKAMAJU\nPROVINSI JAWA BARAT\nPERATURAN BUPATI SUKAMAJU\nNOMOR 14 TAHUN 2021",
            "regulation",
        ),
        ("RANCANGAN PERATURAN WALI KOTA CONTOH\nTENTANG SMART CITY", "regulation"),
        ("BUPATI SUKAMAJU\nKEPUTUSAN BUPATI SUKAMAJU\nNOMOR 188.45/45/KPTS/2023", "decree"),
        ("DRAFT KEPUTUSAN BUPATI CONTOH TENTANG DEWAN SMART CITY", "decree"),
        ("SURAT KEPUTUSAN KEPALA DINAS", "decree"),
        (
            "LAMPIRAN II\nPERATURAN BUPATI SUKAMAJU\nNOMOR 14 TAHUN 2021\nBUKU II MASTERPLAN",
            "annex",
        ),
        ("NOTULEN RAPAT\nDEWAN SMART CITY KABUPATEN SUKAMAJU", "minutes"),
        ("BERITA ACARA RAPAT KOORDINASI", "minutes"),
        ("NOTA KESEPAKATAN\nANTARA KEMENTERIAN KOMUNIKASI DAN INFORMATIKA", "agreement"),
        ("LAPORAN PELAKSANAAN PROGRAM BANK SAMPAH\nTAHUN 2023", "other"),
        ("MASTERPLAN SMART CITY\nDAFTAR LAMPIRAN\nLAMPIRAN 1", "other"),  # "Lampiran" further down
        ("", "other"),
    ],
)
def test_classify(block: str, kind: str) -> None:
    from smartcity_audit.analysis import classify

    assert classify(block).value == kind
