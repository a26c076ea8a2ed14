"""Build hostile evidence files: bombs, entity attacks, broken PDFs, loops and odd names.

Every builder writes one file (or link) and returns its path; ``build_hostile_folder`` writes all
of them into an evidence folder and returns what a scan must report for each path the walk can
see (``Expected``). PDFs are written byte by byte where libraries refuse to write something this
broken; ``raw_pdf`` computes a correct cross-reference table (it can leave the table out, but
pypdf does not recover a file without ``startxref``, so every hostile PDF here has one).

Everything here is small and fast to build (about a second for the whole folder): the largest
files are the 2 MB PDF stream bomb that inflates to 2 GiB, the 1.3 MB DOCX with 10,001 parts
and the 117 KB PDF of 1,250 pages; the DOCX bombs claim or inflate to hundreds of megabytes.

Run ``python tests/hostile.py FOLDER`` to build the folder by hand (the secret file goes into
``FOLDER/../rahasia``).
"""

from __future__ import annotations

import io
import os
import random
import re
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

SECRET = "RAHASIA-XXE-12345"
BIG_PDF_PAGES = 1250
HUGE_COUNT = 10**9
DEEP_LEVELS = 100_000

# --- raw PDF ----------------------------------------------------------------------------------


def _pdf_string(text: str) -> bytes:
    """Write ``text`` as a PDF literal string (latin-1, with ``\\``, ``(`` and ``)`` escaped)."""
    raw = text.encode("latin-1", "replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def text_stream(lines: Sequence[str]) -> bytes:
    """Return an uncompressed content stream object that shows ``lines`` in Helvetica."""
    ops = [b"BT /F1 11 Tf 14 TL 56 780 Td"]
    for index, line in enumerate(lines):
        ops.append((b"" if index == 0 else b"T* ") + _pdf_string(line) + b" Tj")
    ops.append(b"ET")
    content = b"\n".join(ops)
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def raw_pdf(
    objects: Sequence[bytes],
    *,
    root: int = 1,
    info: int | None = None,
    xref: bool = True,
    extra_trailer: bytes = b"",
) -> bytes:
    """Serialise ``objects`` (numbered from 1) as a PDF with a correct xref table, or none."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, root)
    if info is not None:
        trailer += b" /Info %d 0 R" % info
    trailer += extra_trailer + b" >>"
    if not xref:
        return bytes(out + b"trailer\n" + trailer + b"\n%%EOF\n")
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % start
    return bytes(out)


def text_pdf_bytes(pages: Sequence[Sequence[str]], *, title: str | None = None) -> bytes:
    """Return a valid PDF with one text page per item of ``pages`` (each a list of lines)."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", FONT]
    kids: list[bytes] = []
    for lines in pages:
        page_number = len(objects) + 1
        kids.append(b"%d 0 R" % page_number)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (page_number + 1)
        )
        objects.append(text_stream(lines))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    info = None
    if title is not None:
        objects.append(b"<< /Title " + _pdf_string(title) + b" >>")
        info = len(objects)
    return raw_pdf(objects, info=info)


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# A paragraph long enough to be a text layer, and a report that is a candidate for nothing.
FILLER = [
    "Dokumen ini disusun oleh Dinas Komunikasi dan Informatika Kabupaten Contoh.",
    "Isinya ringkasan kegiatan tahun berjalan beserta catatan tindak lanjut.",
]


def text_pdf(path: Path, lines: Sequence[str] = FILLER) -> Path:
    """Write a small valid one-page text PDF."""
    return _write(path, text_pdf_bytes([lines]))


# --- hostile PDFs -----------------------------------------------------------------------------


def _one_page_objects(lines: Sequence[str] = FILLER, page_extra: bytes = b"") -> list[bytes]:
    """Catalog (1), Pages (2), font (3), one page (4) and its content (5)."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        FONT,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R" + page_extra + b" >>",
        text_stream(lines),
    ]


def cyclic_pages_pdf(path: Path) -> Path:
    """A page tree whose root lists itself among its kids, and a child that lists its parent."""
    objects = _one_page_objects()
    objects[1] = b"<< /Type /Pages /Kids [4 0 R 2 0 R 6 0 R] /Count 3 >>"
    objects.append(b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>")
    return _write(path, raw_pdf(objects))


def huge_count_pdf(path: Path) -> Path:
    """One real page, but the page tree claims a billion (``/Count 1000000000``)."""
    objects = _one_page_objects()
    objects[1] = b"<< /Type /Pages /Kids [4 0 R] /Count %d >>" % HUGE_COUNT
    return _write(path, raw_pdf(objects))


def deep_nesting_pdf(path: Path, levels: int = DEEP_LEVELS) -> Path:
    """Arrays nested ``levels`` deep inside the page dictionary itself."""
    nested = b"[" * levels + b"0" + b"]" * levels
    return _write(path, raw_pdf(_one_page_objects(page_extra=b" /Nested " + nested)))


def deep_content_pdf(path: Path, levels: int = DEEP_LEVELS) -> Path:
    """A content stream whose text is followed by an operand array nested ``levels`` deep."""
    objects = _one_page_objects()
    content = (
        b"BT /F1 11 Tf 56 780 Td "
        + _pdf_string(FILLER[0])
        + b" Tj ET\n"
        + b"[" * levels
        + b"]" * levels
        + b" TJ"
    )
    objects[4] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    return _write(path, raw_pdf(objects))


def deep_dicts_pdf(path: Path, levels: int = DEEP_LEVELS) -> Path:
    """Dictionaries nested ``levels`` deep in the document information dictionary.

    The page itself is fine: only the metadata is poisoned, so the text must still be read.
    """
    nested = b"<< /A " * levels + b"0" + b" >>" * levels
    objects = _one_page_objects()
    objects.append(b"<< /Title (Laporan) /Nested " + nested + b" >>")
    return _write(path, raw_pdf(objects, info=len(objects)))


def deflate_blanks(megabytes: int) -> bytes:
    """Return a zlib stream that inflates to ``megabytes`` MiB of spaces, built in milliseconds.

    One MiB is deflated once after a full flush (so the block stands alone), the block is
    repeated, and the stream is closed with an empty final block and the Adler-32 of the whole,
    computed arithmetically: for n bytes of value c, a = 1 + c*n and b = n + c*n*(n+1)/2.
    """
    chunk = b" " * (1024 * 1024)
    squeeze = zlib.compressobj(9)
    first = squeeze.compress(chunk) + squeeze.flush(zlib.Z_FULL_FLUSH)
    block = squeeze.compress(chunk) + squeeze.flush(zlib.Z_FULL_FLUSH)
    n = megabytes * len(chunk)
    a = (1 + 32 * n) % 65521
    b = (n + 32 * n * (n + 1) // 2) % 65521
    return first + block * (megabytes - 1) + b"\x03\x00" + struct.pack(">I", (b << 16) | a)


def flate_bomb_pdf(path: Path, megabytes: int = 2048) -> Path:
    """A page whose content stream is ~2 MB of deflate that inflates to ``megabytes`` MiB.

    pypdf refuses to inflate more than 75 MB; PDFium has no such limit, so only the worker's
    memory cap (``--memory-per-file``) stops it.
    """
    packed = deflate_blanks(megabytes)
    objects = _one_page_objects()
    objects[4] = (
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    )
    return _write(path, raw_pdf(objects))


def big_pdf(path: Path, pages: int = BIG_PDF_PAGES) -> Path:
    """A valid PDF of ``pages`` pages that all share one short content stream (~120 bytes/page)."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",
        FONT,
        text_stream(["Lampiran data capaian program, halaman berulang."]),
    ]
    kids = []
    for _ in range(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = (
        b"<< /Type /Pages /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
        b"/Kids [" + b" ".join(kids) + b"] /Count %d >>" % pages
    )
    return _write(path, raw_pdf(objects))


def truncated_pdf(path: Path) -> Path:
    """The first 40 % of a valid three-page PDF: no xref, no trailer, no ``%%EOF``."""
    whole = text_pdf_bytes([[*FILLER, f"Halaman {n}."] for n in (1, 2, 3)])
    return _write(path, whole[: int(len(whole) * 0.4)])


def encrypted_pdf(path: Path, password: str = "rahasia") -> Path:
    """A text PDF encrypted (AES-256) with a real user password."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf_bytes([FILLER]))))
    writer.encrypt(user_password=password, owner_password="pemilik", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return _write(path, buffer.getvalue())


# Phrases the ratification and date patterns look for, each followed by a long run of blanks.
# Before the fix, each pattern had two adjacent whitespace quantifiers (``\\s*:?\\s*``) and
# backtracked quadratically over such a run: 20,000 blanks took ~10 s, 50,000 take minutes.
REDOS_PHRASES = ("Ditetapkan di", "hari / tanggal", "NIP", "Singaraja, 12 Maret")


def redos_lines(blanks: int, blank: str = " ") -> list[str]:
    """Return the lines of a report whose ratification block is padded with ``blanks`` blanks."""
    return [
        "LAPORAN KEGIATAN SMART CITY 2024",
        *(phrase + blank * blanks + "akhir" for phrase in REDOS_PHRASES),
    ]


def redos_whitespace_pdf(path: Path, blanks: int = 50_000) -> Path:
    """A one-page PDF (content deflated to a few hundred bytes) of ``redos_lines`` with tabs.

    pypdf collapses runs of spaces but keeps tabs (and line feeds) inside a string.
    """
    objects = _one_page_objects()
    content = (
        text_stream(redos_lines(blanks, "\t")).split(b"stream\n", 1)[1].rsplit(b"\nendstream", 1)[0]
    )
    packed = zlib.compress(content, 9)
    objects[4] = (
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    )
    return _write(path, raw_pdf(objects))


def redos_whitespace_docx(path: Path, blanks: int = 50_000) -> Path:
    """A minimal DOCX whose paragraphs are ``redos_lines`` (~200 KB of XML, ~1 KB deflated)."""
    return _write(path, minimal_docx(redos_lines(blanks)))


def random_bytes(path: Path, seed: int, size: int = 4096) -> Path:
    """``size`` random bytes that start with no known magic number."""
    data = bytearray(random.Random(seed).randbytes(size))
    data[:4] = b"\x00RND"
    return _write(path, bytes(data))


# --- hostile DOCX -----------------------------------------------------------------------------


def base_docx(paragraphs: Sequence[str] = ("Halo dunia.",), title: str = "") -> bytes:
    """Return a small valid DOCX made by python-docx."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_MINIMAL_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_MINIMAL_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)


def minimal_docx(paragraphs: Sequence[str]) -> bytes:
    """Return the smallest DOCX python-docx opens: content types, one relationship, the body."""
    from xml.sax.saxutils import escape

    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
        for text in paragraphs
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _MINIMAL_TYPES)
        archive.writestr("_rels/.rels", _MINIMAL_RELS)
        archive.writestr("word/document.xml", document)
    return out.getvalue()


def rewrite_docx(
    source: bytes, replace: dict[str, bytes], *, drop: Sequence[str] = (), add: bool = True
) -> bytes:
    """Copy a DOCX with some members replaced (or added) and some dropped, all deflated."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(source)) as zin,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        names = zin.namelist()
        for name in names:
            if name in drop:
                continue
            zout.writestr(name, replace.get(name, zin.read(name)))
        if add:
            for name, data in replace.items():
                if name not in names:
                    zout.writestr(name, data)
    return out.getvalue()


def _member(source: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        return archive.read(name).decode("utf-8")


def _with_doctype(xml: str, doctype: str) -> str:
    """Insert a DOCTYPE right after the XML declaration (or at the top when there is none)."""
    if xml.startswith("<?xml"):
        declaration, rest = xml.split("?>", 1)
        return f"{declaration}?>{doctype}{rest}"
    return doctype + xml


def zip_bomb_ratio_docx(path: Path, megabytes: int = 40) -> Path:
    """A DOCX whose document part really inflates ``megabytes`` MB of blanks at ~1000:1."""
    source = base_docx()
    xml = _member(source, "word/document.xml")
    padding = " " * (megabytes * 1024 * 1024)
    bomb = xml.replace("</w:body>", padding + "</w:body>").encode()
    return _write(path, rewrite_docx(source, {"word/document.xml": bomb}))


def _set_declared_size(data: bytes, member: str, size: int) -> bytes:
    """Forge the uncompressed size of ``member`` in its local and central directory headers."""
    buffer = bytearray(data)
    name = member.encode()
    central = buffer.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", buffer, central + 28)[0]
        if bytes(buffer[central + 46 : central + 46 + name_length]) == name:
            struct.pack_into("<I", buffer, central + 24, size)
            local = struct.unpack_from("<I", buffer, central + 42)[0]
            struct.pack_into("<I", buffer, local + 22, size)
            return bytes(buffer)
        central = buffer.find(b"PK\x01\x02", central + 4)
    raise ValueError(f"{member} not in archive")


def zip_bomb_declared_docx(path: Path) -> Path:
    """A small valid DOCX whose headers *declare* a ~4 GB document part."""
    forged = _set_declared_size(base_docx(), "word/document.xml", 0xFFFFFFF0)
    return _write(path, forged)


def zip_bomb_members_docx(path: Path, members: int = 10_001) -> Path:
    """A DOCX with more members than any real document has (an inode/handle bomb)."""
    source = base_docx()
    extra = {f"word/media/kosong{n:05d}.xml": b"" for n in range(members)}
    return _write(path, rewrite_docx(source, extra))


def xxe_docx(path: Path, secret: Path) -> Path:
    """External entities pointing at ``secret`` in every XML part that reaches a report.

    The document body, the core properties (the title goes into every report), the app
    properties (read with the extractor's own parser), a header and an external relationship.
    """
    uri = secret.resolve().as_uri()
    source = base_docx(["Awal &xxe; akhir.", "Laporan kegiatan dengan entitas eksternal."])

    def poisoned(name: str, root: str) -> bytes:
        xml = _member(source, name)
        doctype = (
            f'<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "{uri}"><!ENTITY % pe SYSTEM "{uri}"> %pe;]>'
        )
        return _with_doctype(xml, doctype).encode()

    document = poisoned("word/document.xml", "w:document").replace(b"&amp;xxe;", b"&xxe;")
    core = _member(source, "docProps/core.xml")
    core = _with_doctype(core, f'<!DOCTYPE cp:coreProperties [<!ENTITY xxe SYSTEM "{uri}">]>')
    if "<dc:title>" in core:
        core = core.replace("<dc:title>", "<dc:title>Judul &xxe; ")
    else:
        core = core.replace(
            "</cp:coreProperties>", "<dc:title>Judul &xxe;</dc:title></cp:coreProperties>"
        )
    app = _member(source, "docProps/app.xml")
    app = _with_doctype(app, f'<!DOCTYPE Properties [<!ENTITY xxe SYSTEM "{uri}">]>')
    app = app.replace("</Properties>", "<Pages>&xxe;</Pages><Company>&xxe;</Company></Properties>")
    rels = _member(source, "word/_rels/document.xml.rels").replace(
        "</Relationships>",
        '<Relationship Id="rIdRahasia" TargetMode="External" Target="'
        + uri
        + '" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/>'
        "</Relationships>",
    )
    data = rewrite_docx(
        source,
        {
            "word/document.xml": document,
            "docProps/core.xml": core.encode(),
            "docProps/app.xml": app.encode(),
            "word/_rels/document.xml.rels": rels.encode(),
        },
    )
    return _write(path, data)


def billion_laughs_docx(path: Path, levels: int = 10) -> Path:
    """The "billion laughs" entity expansion in the document part and the core properties."""
    entities = ['<!ENTITY lol0 "lol">']
    for level in range(1, levels):
        entities.append(f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">')
    top = f"&lol{levels - 1};"
    source = base_docx(["Tawa LAUGHS akhir.", "Laporan kegiatan berisi entitas bersarang."])
    document = _with_doctype(
        _member(source, "word/document.xml"), f"<!DOCTYPE w:document [{''.join(entities)}]>"
    ).replace("LAUGHS", top)
    core = _with_doctype(
        _member(source, "docProps/core.xml"),
        f"<!DOCTYPE cp:coreProperties [{''.join(entities)}]>",
    ).replace("</cp:coreProperties>", f"<dc:subject>{top}</dc:subject></cp:coreProperties>")
    replaced = {"word/document.xml": document.encode(), "docProps/core.xml": core.encode()}
    return _write(path, rewrite_docx(source, replaced))


def superscript_digits_docx(path: Path) -> Path:
    """A readable DOCX whose page count and an outline level are ``²``, a Unicode digit.

    ``"²".isdigit()`` is true but ``int("²")`` raises: one odd property must not make the
    whole document unreadable.
    """
    source = base_docx(["BAB I PENDAHULUAN", "Laporan kegiatan dengan angka superskrip."])
    app = re.sub(r"<Pages>\d*</Pages>", "<Pages>²</Pages>", _member(source, "docProps/app.xml"))
    document = _member(source, "word/document.xml").replace(
        "<w:p>", '<w:p><w:pPr><w:outlineLvl w:val="²"/></w:pPr>', 1
    )
    replaced = {"docProps/app.xml": app.encode(), "word/document.xml": document.encode()}
    return _write(path, rewrite_docx(source, replaced))


def docx_without_document(path: Path) -> Path:
    """A Word package (content types, relationships) whose ``word/document.xml`` is missing."""
    return _write(path, rewrite_docx(base_docx(), {}, drop=["word/document.xml"]))


# --- the file system: links, names, emptiness ---------------------------------------------------


def symlink(target: str, link: Path, *, directory: bool = False) -> bool:
    """Create a symbolic link; return False where the platform or user cannot."""
    try:
        os.symlink(target, link, target_is_directory=directory)
    except (OSError, NotImplementedError, AttributeError):
        return False
    return True


def non_utf8_name(folder: Path, name: bytes, data: bytes) -> bool:
    """Write a file whose name is not valid UTF-8 (POSIX only); return False where refused."""
    if sys.platform == "win32":
        return False
    target = os.path.join(os.fsencode(folder), name)
    try:
        handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    except OSError:  # e.g. macOS APFS refuses names that are not valid UTF-8
        return False
    try:
        os.write(handle, data)
    finally:
        os.close(handle)
    return True


# --- the whole folder -------------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    """What a scan must report for one path.

    ``code`` is the one problem the document carries (``None``: readable, no problem).
    ``also`` lists other acceptable codes where the answer depends on the PDF engine or the
    platform; each is explained where the expectation is written.
    """

    code: str | None
    why: str
    pages: int | None = None  # the page count the report must show, when it matters
    requirement: str | None = None  # a requirement this file must be a candidate of
    also: tuple[str | None, ...] = ()

    @property
    def readable(self) -> bool:
        """Tell whether the file must be read (its only acceptable outcome is no problem)."""
        return self.code is None and not self.also

    def accepts(self, codes: Sequence[str], readable: bool) -> bool:
        """Tell whether a document with these problem codes and readability is as expected."""
        for code in (self.code, *self.also):
            if code is None and readable and not codes:
                return True
            if code is not None and not readable and list(codes) == [code]:
                return True
        return False


# Hostile names: each file is a readable candidate of one starter requirement (incomplete, so
# its name is printed in the gaps of every report format; or complete, so it is evidence).
SCRIPT_NAME = "<script>alert(1)</script>.pdf"  # a folder "<script>alert(1)<" + "script>.pdf"
ANSI_NAME = "\x1b[31mmerah.pdf"
LINK_NAME = "](javascript:alert(1)).pdf"
NEWLINE_NAME = "baris\nbaru | kolom.pdf"
FORMULA_NAME = "=HYPERLINK(1)+cmd.pdf"

_HOSTILE_TEXT = "<script>alert(2)</script> <img src=x onerror=alert(3)> [x](javascript:alert(4))"

_NAMED: dict[str, tuple[str, list[str]]] = {
    # Unsigned decree of the implementation team: GOV-04 incomplete (not signed).
    SCRIPT_NAME: (
        "GOV-04",
        [
            "KEPUTUSAN BUPATI CONTOH",
            "TENTANG TIM PELAKSANA SMART CITY",
            "Menimbang: bahwa perlu dibentuk tim pelaksana.",
            _HOSTILE_TEXT,
        ],
    ),
    # Branding document without a "Strategi" section: BRD-01 incomplete.
    ANSI_NAME: (
        "BRD-01",
        [
            "DOKUMEN CITY BRANDING KABUPATEN CONTOH",
            "Ringkasan kegiatan promosi daerah \x1b[2J\x1b[31m merah \x1b[0m selesai.",
            _HOSTILE_TEXT,
        ],
    ),
    # An old survey: SOC-01 incomplete (year, sections).
    LINK_NAME: (
        "SOC-01",
        [
            "LAPORAN SURVEI DAMPAK SMART CITY 2019",
            "Ringkasan survei kepuasan warga [klik](javascript:alert(5)) selesai.",
            _HOSTILE_TEXT,
        ],
    ),
    # An unsigned Smart City Council decree: GOV-03 incomplete.
    NEWLINE_NAME: (
        "GOV-03",
        [
            "KEPUTUSAN BUPATI CONTOH",
            "TENTANG DEWAN SMART CITY",
            "Menimbang: bahwa perlu dibentuk dewan | kolom | palsu |",
            _HOSTILE_TEXT,
        ],
    ),
    # A complete waste report whose title block carries markup: ENV-01 complete, so the
    # excerpt (taken from the title) is printed as evidence.
    FORMULA_NAME: (
        "ENV-01",
        [
            "LAPORAN PENGELOLAAN SAMPAH " + _HOSTILE_TEXT,
            "=HYPERLINK(2) Kegiatan bank sampah berjalan di sepuluh desa.",
            "HASIL KEGIATAN",
            "Sampah berkurang tiga puluh persen di sepuluh desa percontohan.",
        ],
    ),
}


def hostile_names(root: Path) -> dict[str, Expected]:
    """Write the files with hostile names; return the ones this file system accepted."""
    expected: dict[str, Expected] = {}
    for name, (requirement, lines) in _NAMED.items():
        if sys.platform == "win32" and any(c in name for c in '<>|"\n\x1b'):
            continue
        try:
            _write(root / name, text_pdf_bytes([lines]))
        except OSError:
            continue
        expected[name] = Expected(None, "hostile name", requirement=requirement)
    return expected


Builder = Callable[[Path], Path]


def build_hostile_folder(root: Path, secret_dir: Path) -> dict[str, Expected]:
    """Write every hostile file into ``root``; return the expectations by report path.

    ``secret_dir`` must lie outside ``root``: it receives the file the XXE entities point at.
    """
    root.mkdir(parents=True, exist_ok=True)
    secret_dir.mkdir(parents=True, exist_ok=True)
    secret = secret_dir / "rahasia.txt"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    expected: dict[str, Expected] = {}

    def add(name: str, build: Builder, exp: Expected) -> None:
        build(root / name)
        expected[name] = exp

    add("bom/zip-bomb-rasio.docx", zip_bomb_ratio_docx, Expected("zip_bomb", "ratio 1000:1"))
    add("bom/zip-bomb-deklarasi.docx", zip_bomb_declared_docx, Expected("zip_bomb", "4 GB"))
    add("bom/zip-bomb-anggota.docx", zip_bomb_members_docx, Expected("zip_bomb", "10,001 parts"))
    # pypdf stops inflating at 75 MB (corrupt); PDFium inflates until the worker's memory cap
    # kills it (corrupt: the reader crashed). Without a cap (macOS, Windows) PDFium reads
    # 2 GB of blanks: a page without text.
    add(
        "bom/flate-bomb.pdf",
        flate_bomb_pdf,
        Expected("corrupt", "2 GB content stream", also=("no_text_layer",)),
    )
    add("xml/xxe.docx", lambda p: xxe_docx(p, secret), Expected(None, "entities never resolved"))
    # libxml2 refuses the amplification outright: nothing is expanded, the file is corrupt.
    add("xml/billion-laughs.docx", billion_laughs_docx, Expected("corrupt", "refused"))
    add("xml/tanpa-document-xml.docx", docx_without_document, Expected("corrupt", "no body"))
    add("xml/angka-superskrip.docx", superscript_digits_docx, Expected(None, "<Pages>²</Pages>"))
    # PDFium finds the one real page among the cycles (readable); pypdf refuses the page tree
    # (corrupt).
    add(
        "pdf/pohon-halaman-siklik.pdf",
        cyclic_pages_pdf,
        Expected(None, "cycle around one real page", also=("corrupt",)),
    )
    add("pdf/count-raksasa.pdf", huge_count_pdf, Expected(None, "one real page", pages=1))
    # PDFium skips the nested value it cannot use (readable); pypdf cannot parse the page
    # dictionary (corrupt).
    add(
        "pdf/sarang-array.pdf",
        deep_nesting_pdf,
        Expected(None, "page dict nested too deep", also=("corrupt",)),
    )
    # PDFium reads the text shown before the nested operand (readable); pypdf gives up on the
    # page's content stream (corrupt).
    add(
        "pdf/sarang-konten.pdf",
        deep_content_pdf,
        Expected(None, "text before the nesting", pages=1, also=("corrupt",)),
    )
    add(
        "pdf/sarang-dict-info.pdf",
        deep_dicts_pdf,
        Expected(None, "poisoned metadata only", pages=1),
    )
    add("pdf/terpotong.pdf", truncated_pdf, Expected("corrupt", "no xref, no trailer"))
    add("pdf/terkunci.pdf", encrypted_pdf, Expected("encrypted", "user password"))
    add(
        "pdf/lampiran-1250-halaman.pdf",
        big_pdf,
        Expected(None, "1,250 pages, below --max-pages", pages=BIG_PDF_PAGES),
    )
    add("acak/acak.pdf", lambda p: random_bytes(p, 1), Expected("corrupt", "random bytes"))
    add("acak/acak.docx", lambda p: random_bytes(p, 2), Expected("corrupt", "random bytes"))
    add("kosong.pdf", lambda p: _write(p, b""), Expected("empty_file", "0 bytes"))
    expected.update(hostile_names(root))

    loops = root / "tautan"
    text_pdf(loops / "isi.pdf")
    expected["tautan/isi.pdf"] = Expected(None, "beside the loops")
    if symlink("..", loops / "naik", directory=True):
        expected["tautan/naik"] = Expected("symlink_loop", "dir/link -> ..")
    if symlink("b.pdf", loops / "a.pdf") and symlink("a.pdf", loops / "b.pdf"):
        expected["tautan/a.pdf"] = Expected("symlink_loop", "a -> b -> a")
        expected["tautan/b.pdf"] = Expected("symlink_loop", "b -> a -> b")
    if non_utf8_name(root, b"laporan-\xff\xfe.pdf", text_pdf_bytes([FILLER])):
        expected["laporan-\\xff\\xfe.pdf"] = Expected(None, "non-UTF-8 name")
    return expected


def main(argv: Sequence[str]) -> int:
    """Build the hostile folder at ``argv[0]`` and print what each file should be reported as."""
    if len(argv) != 1:
        print("usage: python tests/hostile.py FOLDER", file=sys.stderr)
        return 2
    root = Path(argv[0])
    for path, exp in sorted(build_hostile_folder(root, root.parent / "rahasia").items()):
        codes = " or ".join(c or "readable" for c in (exp.code, *exp.also))
        print(f"{path!r}: {codes} ({exp.why})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
