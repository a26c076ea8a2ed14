"""Profile ``smartcity-audit scan`` on a corpus and time the hot spots the benchmark found.

Usage::

    python benchmarks/profile_scan.py CORPUS [--out DIR] [--top 25] [--skip-cprofile]

``CORPUS`` is a folder made by ``benchmarks/make_corpus.py``. Three parts:

1. ``cold.prof``: a cold scan under ``python -m cProfile`` with ``--jobs 0`` (extraction in the
   scanning process, so the profile covers what the workers do), ``--no-cache``;
2. ``warm.prof``: a warm scan under cProfile (the cache filled by an unprofiled scan first);
3. stage timings without a profiler: discovery, PDF extraction with its per-page analysis
   functions, DOCX extraction, the cache lookup, evaluation cold and warm, the JSON report.

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


def stages(corpus: Path) -> None:
    """Time the stages of extraction and evaluation in one process, without a profiler."""
    import datetime as dt
    import gc

    from smartcity_audit import GC_THRESHOLD, analysis
    from smartcity_audit.cache import ExtractionCache
    from smartcity_audit.discovery import discover
    from smartcity_audit.engine import AuditRequest, evaluate, extract_sequentially
    from smartcity_audit.extractors import ExtractOptions, extract
    from smartcity_audit.model import Document
    from smartcity_audit.reports import REPORTERS, ReportOptions
    from smartcity_audit.rubric import load_rubric
    from smartcity_audit.text import normalize

    gc.set_threshold(*GC_THRESHOLD)  # as the command does
    options = ExtractOptions()
    t, refs = _timed(lambda: discover(corpus))
    pdfs = [r for r in refs if r.format.value == "pdf"]
    docxs = [r for r in refs if r.format.value == "docx"]
    print(f"\n=== stages on {len(refs)} files, one process, no profiler")
    print(f"  discovery: {t:.3f} s")
    t, documents = _timed(lambda: [extract(r, options) for r in pdfs])
    pages = [p.text for d in documents if isinstance(d, Document) for p in d.pages]
    print(
        f"  PDF extraction: {t:.3f} s for {len(pages)} pages, {1000 * t / len(pages):.3f} ms/page"
    )

    def row(label: str, function: Callable[[], Any]) -> None:
        seconds, _ = _timed(function)
        print(
            f"    of which {label:34s} {seconds:7.3f} s  {1000 * seconds / len(pages):.3f} ms/page"
        )

    row(
        "analysis.heading_lines",
        lambda: [list(analysis.heading_lines(p.splitlines(), 1)) for p in pages],
    )
    row("analysis.ratification", lambda: [analysis.ratification(p, 1) for p in pages])
    row("text.normalize", lambda: [normalize(p) for p in pages])
    if docxs:
        t, _ = _timed(lambda: [extract(r, options) for r in docxs])
        print(f"  DOCX extraction: {t:.3f} s, {1000 * t / len(docxs):.2f} ms/file")

    request = AuditRequest(
        root=corpus, rubric=load_rubric("gm100sc"), as_of=dt.date.fromisoformat(AS_OF)
    )
    with tempfile.TemporaryDirectory() as folder:
        with ExtractionCache(Path(folder)) as cache:
            t, documents = _timed(lambda: cache.extract_all(refs, options, extract_sequentially))
            t, result = _timed(lambda: evaluate(request, documents, cache.text_search))
            print(f"  evaluation, cold (phrases searched in the text): {t:.3f} s")
            cache.save_phrases()
        with ExtractionCache(Path(folder)) as cache:
            t, documents = _timed(lambda: cache.extract_all(refs, options, extract_sequentially))
            print(f"  cache lookup of {len(refs)} unchanged files: {t:.3f} s")
            t, result = _timed(lambda: evaluate(request, documents, cache.text_search))
            print(f"  evaluation, warm (phrase answers remembered): {t:.3f} s")
    t, _ = _timed(lambda: REPORTERS["json"](result, ReportOptions(lang="id")))
    print(f"  JSON report: {t:.3f} s")


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
