"""Profile ``smartcity-audit scan`` on a corpus and time the hot spots the benchmark found.

Usage::

    python benchmarks/profile_scan.py CORPUS [--out DIR] [--top 25] [--skip-cprofile]

``CORPUS`` is a folder made by ``benchmarks/make_corpus.py``. Three parts:

1. ``cold.prof``: a cold scan under ``python -m cProfile`` with ``--jobs 0`` (extraction in the
   scanning process, so the profile covers what the workers do), ``--no-cache``;
2. ``warm.prof``: a warm scan under cProfile (the cache filled by an unprofiled scan first);
3. stage timings without a profiler: PDF text (PDFium), the per-page analysis functions, the
   parent's indexing and matching, each next to a candidate fix computed here (the package is
   not changed; a fix is applied in this process only, and its result compared with the
   original's).

cProfile inflates functions that make many small calls (generator expressions); part 3 gives
the undistorted proportions. For a sampling view of the workers too, use py-spy::

    py-spy record --subprocesses --idle -f raw -o scan.txt -- python -m smartcity_audit scan ...
"""

from __future__ import annotations

import argparse
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

AS_OF = "2024-11-04"


def scan_argv(corpus: Path, output: Path, extra: Sequence[str]) -> list[str]:
    """Return the arguments of a JSON scan of ``corpus`` after ``-m smartcity_audit``."""
    return [
        "scan",
        str(corpus),
        "--format",
        "json",
        "--output",
        str(output),
        "--rubric",
        "gm100sc",
        "--as-of",
        AS_OF,
        *extra,
    ]


def profile(corpus: Path, out: Path, top: int) -> None:
    """Write and summarise cold.prof and warm.prof.

    The scans run in ``out``, so ``smartcity_audit`` is imported the usual way (``PYTHONPATH``,
    then the installed package), not from the current folder.
    """
    env = dict(os.environ, CI="true")
    cache = out / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    report = out / "report.json"
    runs = {
        "cold": scan_argv(corpus, report, ["--jobs", "0", "--no-cache"]),
        "warm": scan_argv(corpus, report, ["--jobs", "2", "--cache-dir", str(cache)]),
    }
    # Fill the cache for the warm profile.
    subprocess.run(
        [sys.executable, "-m", "smartcity_audit", *runs["warm"]], env=env, check=True, cwd=out
    )
    for label, argv in runs.items():
        prof = out / f"{label}.prof"
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "smartcity_audit", *argv],
            env=env,
            check=True,
            cwd=out,
            stderr=subprocess.DEVNULL,
        )
        print(f"\n=== {label} scan under cProfile: {time.perf_counter() - started:.1f} s ({prof})")
        stats = pstats.Stats(str(prof))
        print(f"--- top {top} by own time")
        stats.sort_stats("tottime").print_stats(top)
        print(f"--- smartcity_audit functions, top {top} by cumulative time")
        stats.sort_stats("cumtime").print_stats("smartcity_audit", top)


def _timed(function: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def _page_count(path: str) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return len(document)
    finally:
        document.close()


def stages(corpus: Path) -> None:
    """Time the extraction and evaluation stages and candidate fixes, without a profiler."""
    from smartcity_audit import analysis, matching
    from smartcity_audit.discovery import discover
    from smartcity_audit.engine import extract_sequentially
    from smartcity_audit.extractors import ExtractOptions
    from smartcity_audit.extractors import pdf as pdf_extractor
    from smartcity_audit.matching import CompiledMatch, DocumentIndex, find_candidates
    from smartcity_audit.model import Document, Evidence
    from smartcity_audit.rubric import load_rubric
    from smartcity_audit.text import SearchText, normalize

    refs = discover(corpus)
    pdfs = [r for r in refs if r.format.value == "pdf"]
    print(f"\n=== stages on {len(refs)} files ({len(pdfs)} PDF), one process, no profiler")
    counts = [_page_count(r.abs_path) for r in pdfs]
    seconds, texts = _timed(
        lambda: [pdf_extractor._pdfium_texts(r, n) or [] for r, n in zip(pdfs, counts, strict=True)]
    )
    pages = [t for doc in texts for t in doc]
    chars = sum(map(len, pages))
    print(f"{len(pages)} PDF pages, {chars / 1e6:.1f} M characters")

    def row(label: str, value: float, per_page: bool = True) -> None:
        extra = f"  {1000 * value / len(pages):6.3f} ms/page" if per_page else ""
        print(f"  {label:58s} {value:7.3f} s{extra}")

    row("PDFium text (pdf._pdfium_texts)", seconds)
    t, _ = _timed(lambda: [sum(not ch.isspace() for ch in p) for p in pages])
    row("pdf.extract: sum(not ch.isspace() for ch in text)", t)
    t, _ = _timed(lambda: [len("".join(p.split())) for p in pages])
    row("  fix: len(''.join(text.split()))", t)
    t, original = _timed(lambda: [list(analysis.heading_lines(p.splitlines(), 1)) for p in pages])
    row("analysis.heading_lines", t)
    upper_line = analysis._is_upper_line

    def upper_first(line: str) -> bool:
        return line.isupper() and upper_line(line)

    analysis._is_upper_line = upper_first
    try:
        t, fixed = _timed(lambda: [list(analysis.heading_lines(p.splitlines(), 1)) for p in pages])
    finally:
        analysis._is_upper_line = upper_line
    row(f"  fix: str.isupper() first in _is_upper_line (same: {fixed == original})", t)
    t, _ = _timed(lambda: [analysis.ratification(p, 1) for p in pages])
    row("analysis.ratification", t)
    t, _ = _timed(lambda: [len(normalize(p).split()) for p in pages])
    row("text.normalize() of every page (in the worker)", t)

    docx_refs = [r for r in refs if r.format.value == "docx"]
    if docx_refs:
        import docx

        from smartcity_audit.extractors import docx as docx_extractor

        options = ExtractOptions()
        t, _ = _timed(lambda: [docx_extractor.extract(r, options) for r in docx_refs])
        print(
            f"  {len(docx_refs)} DOCX: extractors.docx.extract {t:.3f} s, {1000 * t / len(docx_refs):.1f} ms/file"
        )
        t, _ = _timed(lambda: [docx.Document(r.abs_path) for r in docx_refs])
        print(f"    of which python-docx docx.Document() opening the package: {t:.3f} s")

    print("parent (every scan, warm too): documents extracted in-process first")
    documents = extract_sequentially(refs, ExtractOptions())
    rubric = load_rubric("gm100sc")
    folder_of = matching.folder_resolver(rubric)
    all_chars = sum(len(p.text) for d in documents if isinstance(d, Document) for p in d.pages)
    t, indexes = _timed(lambda: [DocumentIndex(d, folder_of(d.path)) for d in documents])
    row(f"matching.DocumentIndex (SearchText of {all_chars / 1e6:.1f} M chars)", t, False)

    def match_all() -> list[list[tuple[str, Evidence]]]:
        return [
            [
                (i.document.path, e)
                for i, e in find_candidates(r, CompiledMatch.of(r.match, r.dimension), indexes)
            ]
            for r in rubric.requirements
        ]

    t, _ = _timed(match_all)
    row("matching.find_candidates, all requirements", t, False)
    t, _ = _timed(
        lambda: [SearchText(p.text) for d in documents if isinstance(d, Document) for p in d.pages]
    )
    row("  for comparison: SearchText without the cached normalized text", t, False)


def main(argv: Sequence[str] | None = None) -> int:
    """Profile a corpus."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--out", type=Path, default=None, help="folder for the .prof files")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--skip-cprofile", action="store_true", help="only the stage timings")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="smartcity-profile-"))
    out.mkdir(parents=True, exist_ok=True)
    if not args.skip_cprofile:
        profile(args.corpus, out, args.top)
    stages(args.corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
