"""Fuzz the DOCX and PDF extractors with hypothesis-driven mutations of seed documents.

The property: ``smartcity_audit.extractors.extract`` never lets an exception escape, returns a
``Document`` or an ``UnreadableDocument``, takes less than ``--slow`` seconds, and returns only
text that can be encoded as UTF-8 (reports and the extraction cache encode everything).

Seeds are the committed documents in ``tests/fixtures/office/`` and ``examples/contoh/``, small
generated ones (uncompressed PDFs, so content streams and outlines are reachable by byte
mutations; hostile DOCX and PDF structures from ``tests/hostile.py``) and every regression
fixture in ``tests/fixtures/fuzz/``. A PDF is mutated as bytes; a DOCX is mostly mutated inside
one XML member and zipped again (mutating the deflated bytes would only test the CRC check),
sometimes at the zip level. Mutations favour PDF and XML tokens and numbers near known keys.

Usage (see README.md in this folder)::

    python tests/fuzz/fuzz_extractors.py --seconds 60
    python tests/fuzz/fuzz_extractors.py --seconds 3600 --slow 5 --out /tmp/fuzz-findings

Each finding is saved as ``OUT/<kind>-<digest>.<ext>`` with a ``.txt`` beside it (the seed,
the traceback or the time taken). The input being extracted is always in
``OUT/current.<ext>``, so a crash of the interpreter itself (a segfault in a native library)
leaves the culprit behind. The exit code is 1 when anything was found.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import faulthandler
import hashlib
import io
import logging
import re
import signal
import sys
import tempfile
import threading
import time
import traceback
import warnings
import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings, target
from hypothesis import strategies as st

from smartcity_audit.discovery import discover_file
from smartcity_audit.extractors import ExtractOptions, extract
from smartcity_audit.model import Document, UnreadableDocument

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
OFFICE = TESTS / "fixtures" / "office"
REGRESSIONS = TESTS / "fixtures" / "fuzz"
OPTIONS = ExtractOptions()
DEFAULT_SLOW = 10.0  # seconds: an extraction slower than this is a finding

# --- seeds ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Seed:
    """A document to mutate: its name, kind ("pdf" or "docx"), bytes and, for a zip, members."""

    name: str
    kind: str
    data: bytes
    members: tuple[tuple[str, bytes], ...] = ()


def _members(data: bytes) -> tuple[tuple[str, bytes], ...]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return tuple((info.filename, archive.read(info)) for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return ()


def _seed(name: str, data: bytes) -> Seed:
    kind = "docx" if name.lower().endswith(".docx") else "pdf"
    return Seed(name, kind, data, _members(data) if kind == "docx" else ())


def _uncompressed_fpdf() -> bytes:
    """An fpdf2 PDF with bookmarks and metadata, streams left uncompressed."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_compression(False)
    pdf.set_title("Masterplan Smart City Kabupaten Contoh 2022-2031")
    pdf.set_subject("Rencana induk kota cerdas")
    pdf.set_font("Helvetica", size=11)
    for number, heading in enumerate(("BAB I PENDAHULUAN", "BAB II VISI DAN MISI"), start=1):
        pdf.add_page()
        pdf.start_section(heading)
        text = f"{heading}\nHalaman {number}: selaras dengan RPJMD 2021-2026."
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    signed = "Ditetapkan di Singaraja\npada tanggal 12 Maret 2024\nttd\nNIP. 1970"
    pdf.multi_cell(0, 6, signed, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def generated_seeds() -> list[Seed]:
    """Build small seeds in memory: plain, structured and hostile PDFs and DOCX files."""
    sys.path.insert(0, str(TESTS))
    import docgen
    import hostile

    seeds = [
        _seed("gen-text.pdf", hostile.text_pdf_bytes([hostile.FILLER] * 2, title="Laporan 2024")),
        _seed("gen-fpdf-outline.pdf", _uncompressed_fpdf()),
        _seed("gen-base.docx", hostile.base_docx(["Halo dunia.", "BAB I PENDAHULUAN"], "Judul")),
    ]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        builders = {
            "gen-cyclic.pdf": hostile.cyclic_pages_pdf,
            "gen-huge-count.pdf": hostile.huge_count_pdf,
            "gen-deep.pdf": lambda p: hostile.deep_nesting_pdf(p, levels=40),
            "gen-deep-content.pdf": lambda p: hostile.deep_content_pdf(p, levels=40),
            "gen-big.pdf": lambda p: hostile.big_pdf(p, pages=30),
            "gen-truncated.pdf": hostile.truncated_pdf,
            "gen-encrypted.pdf": lambda p: hostile.encrypted_pdf(p, password=""),
            "gen-xxe.docx": lambda p: hostile.xxe_docx(p, folder / "tidak-ada.txt"),
            "gen-laughs.docx": lambda p: hostile.billion_laughs_docx(p, levels=3),
            "gen-no-document.docx": hostile.docx_without_document,
            "gen-headings.docx": lambda p: docgen.write_docx(
                p,
                docgen.Doc(
                    ["# LAPORAN", "Isi.", "## Hasil", "Tabel.", "---", "Halaman dua."],
                    title="Laporan Survei 2023",
                ),
            ),
        }
        for name, build in builders.items():
            seeds.append(_seed(name, build(folder / name).read_bytes()))
    seeds.append(_seed("gen-minimal.docx", hostile.minimal_docx(hostile.FILLER)))
    return seeds


def load_seeds(extra: Sequence[Path] = (), *, regressions: bool = True) -> list[Seed]:
    """Return every seed: committed fixtures, examples, generated documents, regressions."""
    paths: list[Path] = []
    folders = (OFFICE, ROOT / "examples" / "contoh", *((REGRESSIONS,) if regressions else ()))
    for folder in (*folders, *extra):
        if folder.is_dir():
            paths += sorted(
                p
                for p in folder.rglob("*")
                if p.suffix.lower() in (".pdf", ".docx") and p.is_file()
            )
    seeds = [
        _seed(str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p), p.read_bytes())
        for p in paths
    ]
    return seeds + generated_seeds()


# --- mutations --------------------------------------------------------------------------------

PDF_TOKENS = (
    b" obj ",
    b"endobj",
    b"stream\n",
    b"\nendstream",
    b" 0 R",
    b"<<",
    b">>",
    b"[",
    b"]",
    b"(",
    b")",
    b"\\",
    b"<FEFFD800>",
    b"<FEFF",
    b"/Count 2147483647",
    b"/Count -1",
    b"/Kids [1 0 R]",
    b"/Kids [2 0 R 2 0 R]",
    b"/Parent 2 0 R",
    b"/Type /Pages",
    b"/Type /Page",
    b"/Length 999999999",
    b"/Length -5",
    b"/Filter /FlateDecode",
    b"/Filter /LZWDecode",
    b"/Filter /ASCII85Decode",
    b"/Filter /ASCIIHexDecode",
    b"/Filter /RunLengthDecode",
    b"/Filter [/FlateDecode /FlateDecode]",
    b"/DecodeParms << /Predictor 15 /Columns 99999999 >>",
    b"/Encrypt 1 0 R",
    b"xref\n0 1\n",
    b"trailer",
    b"startxref\n0\n",
    b"%%EOF",
    b"/Outlines 2 0 R",
    b"/First 1 0 R",
    b"/Next 1 0 R",
    b"/Dest [1 0 R /XYZ 0 0 0]",
    b"/Resources << /Font << /F1 1 0 R >> >>",
    b"/ToUnicode 1 0 R",
    b"/Encoding /Identity-H",
    b"/Subtype /Type0",
    b"/DescendantFonts [",
    b"/W [0 [",
    b"beginbfrange",
    b"<0000> <FFFF> <D800>",
    b"BT",
    b"ET",
    b"Tj",
    b"TJ",
    b"Tf",
    b"Td",
    b"Tm",
    b"TL",
    b"T*",
    b"Do",
    b"q",
    b"Q",
    b"cm",
    b"BI",
    b"ID",
    b"EI",
    b"/XObject",
    b"/Form",
    b"/Annots [",
    b"1e308",
    b"-0",
    b"99999999999999999999",
    b"4294967296",
    b"/Title (",
    b"/CreationDate (D:99999999999999",
    b"\x00",
    b"\xff\xfe",
)
XML_TOKENS = (
    b"<w:p>",
    b"</w:p>",
    b"<w:r>",
    b"</w:r>",
    b"<w:t>",
    b"</w:t>",
    b"<w:tbl>",
    b"</w:tbl>",
    b"<w:tc>",
    b"<w:txbxContent>",
    b'<w:br w:type="page"/>',
    b"<w:lastRenderedPageBreak/>",
    b"<w:pageBreakBefore/>",
    b'<w:outlineLvl w:val="99999999999999999999"/>',
    b'<w:outlineLvl w:val="-1"/>',
    b'<w:pStyle w:val="Heading1"/>',
    b'<w:basedOn w:val="Heading1"/>',
    b"<w:ins>",
    b"<w:del>",
    b"<mc:AlternateContent>",
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
    b"&a;",
    b"&amp;",
    b"&#0;",
    b"&#xD800;",
    b"&#x10FFFF;",
    b"<![CDATA[",
    b"]]>",
    b'<?xml version="1.0" encoding="UTF-16"?>',
    b'<?xml version="1.1"?>',
    b"<Pages>99999999999999999999</Pages>",
    b"<Pages>-3</Pages>",
    b"<dc:title>",
    b'<dcterms:created xsi:type="dcterms:W3CDTF">99999-99-99T99:99:99Z',
    b'xmlns:w="urn:x"',
    b'Target="../../../../etc/passwd"',
    b'TargetMode="External"',
    b'<xi:include href="/etc/passwd" xmlns:xi="http://www.w3.org/2001/XInclude"/>',
    b"\x00",
    b"\xff\xfe",
    b"\xed\xa0\x80",
    b"\x1b[31m",
    b"<",
    b">",
    b'"',
    b"'",
    b"=",
)
_NUMBERS = (b"0", b"-1", b"1", b"2147483648", b"4294967295", b"99999999999999999999", b"1e999")
# Phrases the text analysis looks for (ratification blocks, dates, headings, kinds), inserted
# where text is (inside a PDF string or a w:t element), followed by a run of whitespace.
DOMAIN_PHRASES = (
    b"Ditetapkan di",
    b"Ditetapkan di Singaraja",
    b"pada tanggal",
    b"pada tanggal 12 Maret 2024",
    b"hari / tanggal :",
    b"NIP.",
    b"NIP",
    b"BUPATI CONTOH,",
    b"ttd",
    b"Singaraja, 12 Maret",
    b"12 Maret",
    b"12-03-2024",
    b"BAB I",
    b"BAB",
    b"1.1",
    b"KEPUTUSAN BUPATI",
    b"PERATURAN BUPATI",
    b"LAMPIRAN",
    b"Menimbang",
    b"2021 - 2026",
    b"Rp 1.000.000",
    b"DRAFT",
    b"pelak-",
)
_WHITESPACE = (b" ", b"\t", b"\n", b" \n", b"\r\n")
_TEXT_ANCHORS = re.compile(rb"\(|<w:t(?:\s[^>]*)?>")
_DIGITS = re.compile(rb"-?\d+")


def mutate(draw: Any, data: bytes, tokens: Sequence[bytes]) -> bytes:
    """Apply one to six byte-level mutations chosen by hypothesis."""
    buffer = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        size = len(buffer)
        op = draw(
            st.sampled_from(
                [
                    "flip",
                    "byte",
                    "insert",
                    "token",
                    "delete",
                    "duplicate",
                    "truncate",
                    "number",
                    "text",
                ]
            )
        )
        at = draw(st.integers(0, size))
        if op == "flip" and size:
            at = min(at, size - 1)
            buffer[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "byte" and size:
            buffer[min(at, size - 1)] = draw(st.integers(0, 255))
        elif op == "insert":
            buffer[at:at] = draw(st.binary(min_size=1, max_size=32))
        elif op == "token":
            token = draw(st.sampled_from(tokens))
            buffer[at:at] = token * draw(st.sampled_from([1, 1, 1, 2, 50, 5000]))
        elif op == "delete":
            del buffer[at : at + draw(st.integers(1, 512))]
        elif op == "duplicate" and size:
            start = draw(st.integers(0, size - 1))
            chunk = buffer[start : start + draw(st.integers(1, 2048))]
            buffer[at:at] = chunk * draw(st.sampled_from([1, 1, 2, 100]))
        elif op == "truncate":
            del buffer[at:]
        elif op == "number":
            numbers = list(_DIGITS.finditer(bytes(buffer)))
            if numbers:
                match = numbers[draw(st.integers(0, len(numbers) - 1))]
                buffer[match.start() : match.end()] = draw(st.sampled_from(_NUMBERS))
        elif op == "text":
            anchors = [m.end() for m in _TEXT_ANCHORS.finditer(bytes(buffer))]
            if anchors:
                at = anchors[draw(st.integers(0, len(anchors) - 1))]
            space = draw(st.sampled_from(_WHITESPACE))
            run = draw(st.sampled_from([0, 1, 2, 80, 3000, 30000]))
            buffer[at:at] = draw(st.sampled_from(DOMAIN_PHRASES)) + space * run
    return bytes(buffer)


def _zip(members: Sequence[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        warnings.simplefilter("ignore")  # a duplicate member name is on purpose
        for name, payload in members:
            archive.writestr(name, payload)
    return out.getvalue()


@dataclass(frozen=True)
class Sample:
    """A mutated input: the seed it came from, its kind and bytes."""

    seed: str
    kind: str
    data: bytes

    def __repr__(self) -> str:
        digest = hashlib.sha256(self.data).hexdigest()[:12]
        return f"Sample(seed={self.seed!r}, kind={self.kind!r}, {len(self.data)} bytes, {digest})"


@st.composite
def samples(draw: Any, seeds: Sequence[Seed]) -> Sample:
    """Draw a seed and mutate it: as bytes, or (DOCX) inside one XML member."""
    seed = draw(st.sampled_from(seeds))
    if seed.kind == "docx" and seed.members and draw(st.integers(0, 9)) < 8:
        members = list(seed.members)
        xml = [i for i, (name, _) in enumerate(members) if name.endswith((".xml", ".rels"))]
        if xml:
            index = draw(st.sampled_from(xml))
            name, payload = members[index]
            members[index] = (name, mutate(draw, payload, XML_TOKENS))
        action = draw(st.sampled_from(["none", "none", "none", "drop", "duplicate"]))
        if action == "drop" and members:
            members.pop(draw(st.integers(0, len(members) - 1)))
        elif action == "duplicate" and members:
            members.append(members[draw(st.integers(0, len(members) - 1))])
        return Sample(seed.name, "docx", _zip(members))
    tokens = PDF_TOKENS if seed.kind == "pdf" else XML_TOKENS
    return Sample(seed.name, seed.kind, mutate(draw, seed.data, tokens))


# --- the property -----------------------------------------------------------------------------


class Hang(BaseException):
    """Raised by the watchdog when one extraction runs over its time limit.

    A ``BaseException``, so that ``extract``'s ``except Exception`` cannot swallow it.
    """


@contextlib.contextmanager
def watchdog(seconds: float) -> Iterator[None]:
    """Raise ``Hang`` in this thread after ``seconds`` (POSIX main thread only; else no-op)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def fire(signum: int, frame: Any) -> None:
        raise Hang(f"over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class Finding:
    """A broken promise: its kind (raised, hang, bad-result, unencodable) and details."""

    kind: str
    detail: str
    signature: str


def _strings(value: Any, depth: int = 0) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif depth > 6:
        return
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _strings(getattr(value, item.name), depth + 1)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item, depth + 1)


def check(path: Path, data: bytes, slow: float) -> tuple[Finding | None, float, str]:
    """Write ``data`` to ``path``, extract it, and return (finding or None, seconds, outcome)."""
    path.write_bytes(data)
    ref = discover_file(path)
    start = time.monotonic()
    try:
        with watchdog(slow):
            document = extract(ref, OPTIONS)
    except Hang as exc:  # the traceback shows where the extractor was when time ran out
        elapsed = time.monotonic() - start
        harness = Path(__file__).name
        frames = [
            f for f in traceback.extract_tb(exc.__traceback__) if Path(f.filename).name != harness
        ]
        where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
        return Finding("hang", traceback.format_exc(), f"hang@{where}"), elapsed, "hang"
    except KeyboardInterrupt:
        raise
    except BaseException as exc:
        elapsed = time.monotonic() - start
        frames = traceback.extract_tb(exc.__traceback__)
        last = frames[-1] if frames else None
        signature = f"{type(exc).__name__}@{last.filename}:{last.lineno}" if last else repr(exc)
        return Finding("raised", traceback.format_exc(), signature), elapsed, "raised"
    elapsed = time.monotonic() - start
    if not isinstance(document, (Document, UnreadableDocument)):
        detail = f"extract returned {type(document).__name__}"
        return Finding("bad-result", detail, detail), elapsed, "bad-result"
    outcome = "document" if isinstance(document, Document) else document.problems[0].kind.value
    if elapsed > slow:
        return Finding("hang", f"{elapsed:.1f} s (limit {slow:g} s)", "slow"), elapsed, outcome
    for text in _strings(document):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            detail = f"{exc}: {text[max(0, exc.start - 20) : exc.end + 20]!r}"
            return Finding("unencodable", detail, "unencodable"), elapsed, outcome
    return None, elapsed, outcome


# --- the runner -------------------------------------------------------------------------------


@dataclass
class Campaign:
    """Counts and findings of one fuzzing run."""

    out: Path
    slow: float
    stop_at: float
    examples: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    findings: dict[str, tuple[int, Path]] = field(default_factory=dict)
    slowest: list[tuple[float, str]] = field(default_factory=list)

    def record(self, sample: Sample, finding: Finding | None, elapsed: float, outcome: str) -> None:
        """Count an example; keep the smallest input per finding signature."""
        self.examples += 1
        self.outcomes[f"{sample.kind}:{outcome}"] += 1
        self.slowest = sorted([*self.slowest, (elapsed, repr(sample))], reverse=True)[:5]
        if finding is None:
            return
        key = f"{finding.kind}:{finding.signature}"
        known = self.findings.get(key)
        if known is not None and known[0] <= len(sample.data):
            return
        digest = hashlib.sha256(sample.data).hexdigest()[:16]
        path = self.out / f"{finding.kind}-{digest}.{sample.kind}"
        path.write_bytes(sample.data)
        path.with_suffix(path.suffix + ".txt").write_text(
            f"seed: {sample.seed}\nkind: {finding.kind}\nsignature: {finding.signature}\n"
            f"seconds: {elapsed:.2f}\n\n{finding.detail}\n",
            encoding="utf-8",
        )
        if known is not None and known[1] != path:
            with contextlib.suppress(OSError):
                known[1].unlink()
                known[1].with_suffix(known[1].suffix + ".txt").unlink()
        self.findings[key] = (len(sample.data), path)
        print(f"\nFOUND {finding.kind}: {finding.signature} -> {path}", flush=True)


def run(
    seconds: float,
    slow: float,
    out: Path,
    batch: int,
    extra: Sequence[Path],
    *,
    regressions: bool = True,
) -> Campaign:
    """Fuzz for ``seconds``; return what was seen and found."""
    out.mkdir(parents=True, exist_ok=True)
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")  # duplicate zip members, pypdf's own warnings
    seeds = load_seeds(extra, regressions=regressions)
    campaign = Campaign(out, slow, time.monotonic() + seconds)
    # A native hang cannot be interrupted from Python: dump the stacks and exit instead.
    faulthandler.dump_traceback_later(slow * 3, repeat=False, exit=True)
    print(f"{len(seeds)} seeds; fuzzing for {seconds:g} s; findings go to {out}", flush=True)
    last_report = time.monotonic()

    @settings(
        max_examples=batch,
        deadline=None,
        database=None,
        phases=[Phase.generate, Phase.target],
        suppress_health_check=list(HealthCheck),
    )
    @given(sample=samples(seeds))
    def fuzz_batch(sample: Sample) -> None:
        nonlocal last_report
        if time.monotonic() >= campaign.stop_at:
            return
        current = out / f"current.{sample.kind}"
        faulthandler.dump_traceback_later(slow * 3, repeat=False, exit=True)
        finding, elapsed, outcome = check(current, sample.data, slow)
        if finding is None:  # steer towards slow inputs, but do not keep re-running a hang
            target(elapsed, label="seconds per extraction")
        campaign.record(sample, finding, elapsed, outcome)
        if time.monotonic() - last_report > 15:
            last_report = time.monotonic()
            left = campaign.stop_at - last_report
            print(
                f"{campaign.examples} examples, {len(campaign.findings)} findings, "
                f"slowest {campaign.slowest[0][0]:.2f} s, {left:.0f} s left",
                flush=True,
            )

    while time.monotonic() < campaign.stop_at:
        fuzz_batch()
    faulthandler.cancel_dump_traceback_later()
    for name in ("current.pdf", "current.docx"):
        with contextlib.suppress(OSError):
            (out / name).unlink()
    return campaign


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, fuzz, print a summary; exit 1 when anything was found."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to fuzz")
    parser.add_argument(
        "--slow", type=float, default=DEFAULT_SLOW, help="seconds per file that count as a hang"
    )
    parser.add_argument(
        "--out", type=Path, default=Path("fuzz-findings"), help="folder for findings"
    )
    parser.add_argument("--batch", type=int, default=200, help="hypothesis examples per batch")
    parser.add_argument(
        "--seeds", type=Path, action="append", default=[], help="another folder of seeds"
    )
    parser.add_argument(
        "--no-regression-seeds",
        action="store_true",
        help="leave out tests/fixtures/fuzz (while a known hang is unfixed, it eats the time)",
    )
    args = parser.parse_args(argv)
    campaign = run(
        args.seconds,
        args.slow,
        args.out,
        args.batch,
        args.seeds,
        regressions=not args.no_regression_seeds,
    )
    print(f"\n{campaign.examples} examples in {args.seconds:g} s")
    for outcome, count in sorted(campaign.outcomes.items()):
        print(f"  {outcome:32} {count}")
    print("slowest:")
    for elapsed, sample in campaign.slowest:
        print(f"  {elapsed:6.2f} s  {sample}")
    if campaign.findings:
        print(f"{len(campaign.findings)} finding(s):")
        for key, (_, path) in sorted(campaign.findings.items()):
            print(f"  {key}: {path}")
        return 1
    print("no findings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
