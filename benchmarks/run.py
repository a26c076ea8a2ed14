"""Benchmark ``smartcity-audit scan`` against a pdftotext baseline on generated corpora.

Usage::

    python benchmarks/run.py [--sizes 250,500,1000,2000] [--jobs 2] [--out benchmarks/results.json]
                             [--seed S] [--warm-docs 10000] [--workdir DIR] [--keep]
                             [--idle-wait S] [--idle-budget S] [--no-snapshot]
    python benchmarks/run.py --markdown benchmarks/results.json   # tables for the README

The package (``smartcity_audit/`` and ``rubrics/``) is first copied to the work folder and
every measurement runs that copy, so edits made to the repository during a run do not mix
code versions; the results name the commit and a hash of the sources. For each size N the
corpus is generated once (``benchmarks/make_corpus.py``) into the work folder and every
measurement runs on that same corpus:

- ``baseline``: text of every file with the same parallelism, a process pool of ``--jobs``:
  ``pdftotext`` per PDF, and for DOCX the text runs of the document, header, footer and note
  parts (zipfile + lxml). It runs as a subprocess too, so both sides pay process start
  (median of 3).
- ``cold``: the real CLI (``sys.executable -m smartcity_audit scan ...``) with an empty cache
  folder; ``warm``: again with that cache and nothing changed (median of 5); ``touched``: the
  content of one median-sized PDF changed (a new revision, new mtime), then a rescan (median of
  5 revisions); for the smallest N also ``cold`` with ``--pdf-engine pypdf`` and with
  ``--no-cache``.
- for every tool run: wall time including process start, the scan process's peak RSS (VmHWM
  polled from /proc, or RSS polled with psutil), the largest worker's peak RSS, the peak RSS of
  the whole tree, and CPU time of the tree (``os.wait4``). Without psutil there is the scan
  process's VmHWM (Linux) and the tree's maximum RSS from ``wait4`` (or, where that is missing,
  ``getrusage(RUSAGE_CHILDREN)``).

Also: ``smartcity-audit --version`` start time (median of 5) next to a bare interpreter start,
the start of one worker's imports, one file's extraction in-process, and (``--warm-docs``) a
warm rescan of a cheaper corpus of small 1-3 page documents. The table is printed and
everything, with the machine, goes to the results JSON; the targets of the performance issue
are checked at the end.

The machine may be shared: before each run the benchmark waits (``--idle-wait``, within a
total ``--idle-budget``) for the CPUs to be nearly idle, records the CPU time other processes
used during each run, and repeats a run (up to 3 times) that others disturbed.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402

try:
    import psutil
except ImportError:  # the tree's maximum RSS from wait4/getrusage is then all there is
    psutil = None

AS_OF = "2024-11-04"
# Where the measured package is imported from: a snapshot (see ``snapshot_package``) or the repo.
PACKAGE_DIR = REPO
RUBRIC = "gm100sc"
MB = 1024 * 1024
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# --------------------------------------------------------------------------------------------
# Measuring one process
# --------------------------------------------------------------------------------------------


@dataclass
class Run:
    """One measured subprocess."""

    argv: list[str]
    wall_s: float
    returncode: int
    parent_peak_mb: float | None = None  # the process itself (VmHWM, else polled RSS)
    worker_peak_mb: float | None = None  # the largest single child (worker)
    workers_total_peak_mb: float | None = None  # all children together, at the worst moment
    tree_peak_mb: float | None = None  # parent and children together, at the worst moment
    tree_maxrss_mb: float | None = None  # wait4: max RSS of the process or any waited child
    cpu_s: float | None = None  # user + system of the process and its waited children
    children: int = 0  # distinct child processes seen
    stderr_tail: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _vm_hwm_kb(pid: int) -> int | None:
    """Return the peak resident set (VmHWM, kB) of a live process on Linux, else None."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


class _Monitor(threading.Thread):
    """Poll a process and its children for memory until told to stop."""

    def __init__(self, pid: int, interval: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.stop_event = threading.Event()
        self.parent_peak = 0
        self.child_peaks: dict[int, int] = {}
        self.children_total_peak = 0
        self.tree_peak = 0

    def run(self) -> None:
        if psutil is None:  # Linux still tells the scan process's own peak
            while not self.stop_event.is_set():
                self.parent_peak = max(self.parent_peak, (_vm_hwm_kb(self.pid) or 0) * 1024)
                self.stop_event.wait(self.interval)
            return
        try:
            process = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self.stop_event.is_set():
            try:
                rss = process.memory_info().rss
                hwm = _vm_hwm_kb(self.pid)
                self.parent_peak = max(self.parent_peak, rss, (hwm or 0) * 1024)
                children_total = 0
                for child in process.children(recursive=True):
                    try:
                        child_rss = child.memory_info().rss
                    except psutil.Error:
                        continue
                    child_hwm = (_vm_hwm_kb(child.pid) or 0) * 1024
                    peak = max(self.child_peaks.get(child.pid, 0), child_rss, child_hwm)
                    self.child_peaks[child.pid] = peak
                    children_total += child_rss
                self.children_total_peak = max(self.children_total_peak, children_total)
                self.tree_peak = max(self.tree_peak, rss + children_total)
            except psutil.Error:
                pass
            self.stop_event.wait(self.interval)


class Quiet:
    """Wait, before each measurement, until the machine's other processes leave the CPUs alone.

    The machine may be shared (other sessions' tests and fuzzers); a measurement taken while
    they run is slower for reasons that are not the tool's. ``max_wait`` bounds the wait.
    """

    max_wait = 0.0
    budget = 0.0  # seconds of waiting left for the whole benchmark
    threshold = 12.0  # percent of all CPUs busy

    @classmethod
    def wait(cls) -> dict[str, float]:
        """Block until the CPUs are nearly idle (or ``max_wait`` passed); say how it went."""
        started = time.perf_counter()
        busy = -1.0
        limit = min(cls.max_wait, cls.budget)
        if psutil is not None and limit > 0:
            while True:
                busy = psutil.cpu_percent(interval=0.5)
                if busy < cls.threshold or time.perf_counter() - started > limit:
                    break
        cls.budget = max(0.0, cls.budget - (time.perf_counter() - started))
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else -1.0
        return {
            "waited_s": round(time.perf_counter() - started, 1),
            "busy_percent_before": busy,
            "load_1min_before": round(load, 2),
        }


def _busy_cpu_s() -> float | None:
    """Return the CPU time all processes of the machine have used so far (psutil), else None."""
    if psutil is None:
        return None
    times = psutil.cpu_times()
    return sum(times) - times.idle - getattr(times, "iowait", 0.0)


def measure(argv: Sequence[str], env: dict[str, str] | None = None) -> Run:
    """Run ``argv``; return its wall time (including process start), memory and CPU.

    ``extra["background_cpu_s"]`` is the CPU time other processes of the machine used during the
    run (machine-wide busy time less this run's own); near zero means a clean measurement.
    """
    quiet = Quiet.wait()
    busy_before = _busy_cpu_s()
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(argv), stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=PACKAGE_DIR
        )
        monitor = _Monitor(process.pid)
        monitor.start()
        maxrss_mb = cpu = None
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - started
            process.returncode = os.waitstatus_to_exitcode(status)
            scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else kB
            maxrss_mb = usage.ru_maxrss * scale / MB
            cpu = usage.ru_utime + usage.ru_stime
        else:  # no wait4: the children's maximum so far, over every child of this benchmark
            process.wait()
            wall = time.perf_counter() - started
            with contextlib.suppress(ImportError):
                import resource

                usage = resource.getrusage(resource.RUSAGE_CHILDREN)
                maxrss_mb = usage.ru_maxrss * 1024 / MB
        monitor.stop_event.set()
        monitor.join()
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    busy_after = _busy_cpu_s()
    run = Run(list(argv), round(wall, 4), process.returncode, tree_maxrss_mb=_mb(maxrss_mb))
    run.cpu_s = round(cpu, 3) if cpu is not None else None
    run.extra.update(quiet)
    if busy_before is not None and busy_after is not None and cpu is not None:
        # The machine-wide counters tick at 100 Hz: a few hundredths are noise.
        run.extra["background_cpu_s"] = round(max(0.0, busy_after - busy_before - cpu), 2)
    run.stderr_tail = stderr[-800:]
    if monitor.parent_peak:
        run.parent_peak_mb = _mb(monitor.parent_peak / MB)
    if psutil is not None:
        run.worker_peak_mb = _mb(max(monitor.child_peaks.values(), default=0) / MB)
        run.workers_total_peak_mb = _mb(monitor.children_total_peak / MB)
        run.tree_peak_mb = _mb(monitor.tree_peak / MB)
        run.children = len(monitor.child_peaks)
    return run


def _mb(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


# --------------------------------------------------------------------------------------------
# Baseline: pdftotext and DOCX XML, in a process pool
# --------------------------------------------------------------------------------------------


def _docx_text(path: str) -> str:
    """Return the text runs of a DOCX's body, headers, footers and notes (zipfile + lxml)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    texts: list[str] = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name == "word/document.xml" or (
                name.startswith(("word/header", "word/footer", "word/footnotes", "word/endnotes"))
                and name.endswith(".xml")
            ):
                root = etree.fromstring(archive.read(name), parser)
                for paragraph in root.iter(W_NS + "p"):
                    texts.append("".join(t.text or "" for t in paragraph.iter(W_NS + "t")))
    return "\n".join(texts)


def _baseline_one(path: str) -> int:
    """Extract one file the baseline way; return the characters of text."""
    if path.lower().endswith(".pdf"):
        result = subprocess.run(
            ["pdftotext", "-q", "-enc", "UTF-8", path, "-"], capture_output=True, check=False
        )
        return len(result.stdout)
    return len(_docx_text(path))


def baseline_main(root: Path, jobs: int) -> int:
    """Extract every file under ``root`` with ``jobs`` processes; print a summary as JSON."""
    paths = sorted(
        os.path.join(folder, name)
        for folder, dirs, names in os.walk(root)
        for name in names
        if not name.startswith(".") and name.lower().endswith((".pdf", ".docx"))
    )
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        chars = sum(pool.map(_baseline_one, paths, chunksize=4))
    print(json.dumps({"files": len(paths), "chars": chars}))
    return 0


# --------------------------------------------------------------------------------------------
# The tool
# --------------------------------------------------------------------------------------------


def scan_argv(root: Path, output: Path, jobs: int, cache: Path | None, engine: str) -> list[str]:
    """Return the command line of one scan, the way a user would run it."""
    argv = [sys.executable, "-m", "smartcity_audit", "scan", str(root), "--jobs", str(jobs)]
    argv += ["--pdf-engine", engine]
    argv += ["--cache-dir", str(cache)] if cache is not None else ["--no-cache"]
    argv += ["--format", "json", "--output", str(output), "--rubric", RUBRIC, "--as-of", AS_OF]
    return argv


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["CI"] = "true"  # no progress bar
    env.pop("SMARTCITY_AUDIT_CACHE_DIR", None)
    return env


def tool_run(
    root: Path, work: Path, label: str, jobs: int, cache: Path | None, engine: str = "pdfium"
) -> Run:
    """Scan ``root`` once with the real CLI; fail loudly if the scan fails."""
    output = work / f"report-{label}.json"
    run = measure(scan_argv(root, output, jobs, cache, engine), _env())
    if run.returncode not in (0, 1):
        raise SystemExit(f"scan {label} failed ({run.returncode}):\n{run.stderr_tail}")
    run.extra["report_sha256"] = hashlib.sha256(output.read_bytes()).hexdigest()
    report = json.loads(output.read_text("utf-8"))
    run.extra["overall_percent"] = report["overall"]["percent"]
    run.extra["documents"] = len(report["documents"])
    return run


def clean(make_run: Callable[[], Run], tries: int = 3) -> Run:
    """Run a measurement; repeat it (up to ``tries``) while other processes took much CPU.

    Returns the run with the least background CPU; every attempt's wall time is kept.
    """
    runs: list[Run] = []
    for _ in range(tries):
        run = make_run()
        runs.append(run)
        background = run.extra.get("background_cpu_s")
        if background is None or background <= max(0.3, 0.1 * run.wall_s) or Quiet.budget <= 0:
            break
    best = min(runs, key=lambda r: r.extra.get("background_cpu_s") or 0.0)
    if len(runs) > 1:
        best.extra["attempts_wall_s"] = [r.wall_s for r in runs]
        best.extra["attempts_background_cpu_s"] = [r.extra.get("background_cpu_s") for r in runs]
    return best


def _fresh(folder: Path) -> Path:
    """Return ``folder`` emptied (a cold cache)."""
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def _median_run(runs: list[Run]) -> Run:
    ordered = sorted(runs, key=lambda r: r.wall_s)
    chosen = ordered[len(ordered) // 2]
    chosen.extra["all_wall_s"] = [r.wall_s for r in runs]
    return chosen


def _touch_target(manifest: dict[str, Any]) -> dict[str, Any]:
    """Choose the PDF of median page count (text PDFs, not masterplans or scans)."""
    pdfs = [
        f
        for f in manifest["files"]
        if f["format"] == "pdf" and f["kind"] not in ("scan", "masterplan")
    ]
    pdfs.sort(key=lambda f: (f["pages"], f["path"]))
    return pdfs[len(pdfs) // 2]


def touch(root: Path, manifest: dict[str, Any], target: dict[str, Any], variant: int) -> None:
    """Write a new revision of ``target`` (different text and size, mtime now)."""
    spec = next(s for s in manifest["specs"] if s["path"] == target["path"])
    make_corpus.write_document(make_corpus.Spec(**spec), root, manifest["seed"], variant)


def time_python(code: str, repeat: int = 5) -> float:
    """Return the median wall time of ``python -c code`` (interpreter start plus ``code``)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=PACKAGE_DIR)
        times.append(time.perf_counter() - started)
    return round(statistics.median(times), 4)


def file_extraction_s(path: Path, repeat: int = 3) -> float | None:
    """Return the median in-process extraction time of one file (the work a worker does)."""
    try:
        from smartcity_audit.discovery import discover_file
        from smartcity_audit.extractors import ExtractOptions, extract
    except ImportError:
        return None
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        extract(discover_file(path), ExtractOptions())
        times.append(time.perf_counter() - started)
    return round(statistics.median(times), 4)


def version_start(repeat: int = 5) -> dict[str, Any]:
    """Time ``--version`` (median of ``repeat``) through ``-m`` and the console script."""
    result: dict[str, Any] = {}
    variants = {"python -m smartcity_audit --version": [sys.executable, "-m", "smartcity_audit"]}
    script = Path(sys.executable).parent / "smartcity-audit"
    if script.exists():
        variants["smartcity-audit --version (console script)"] = [str(script)]
    shim = shutil.which("smartcity-audit")
    if shim and Path(shim) != script:
        variants[f"smartcity-audit --version (PATH: {shim})"] = [shim]
    for label, argv in variants.items():
        times = []
        for _ in range(repeat):
            run = measure([*argv, "--version"])
            times.append(run.wall_s)
        result[label] = {"median_s": round(statistics.median(times), 4), "all_s": times}
    result["python -c pass"] = {"median_s": time_python("pass", repeat)}
    return result


# --------------------------------------------------------------------------------------------
# One corpus size
# --------------------------------------------------------------------------------------------


def bench_size(
    n: int, jobs: int, seed: int, work: Path, smallest: bool, log: Callable[[str], None]
) -> dict[str, Any]:
    """Generate the corpus of ``n`` and run every measurement on it."""
    root = work / f"corpus-{n}"
    log(f"[N={n}] generating corpus in {root}")
    manifest = make_corpus.generate(n, root, seed, jobs=os.cpu_count(), quiet=True)
    corpus = {k: v for k, v in manifest.items() if k not in ("specs", "files")}
    log(
        f"[N={n}] {corpus['pdf_pages']} PDF pages + ~{corpus['docx_pages_estimated']} DOCX pages"
        f", {corpus['bytes'] / 1e6:.0f} MB, made in {corpus['generation_seconds']} s"
    )
    result: dict[str, Any] = {"corpus": corpus}

    baseline_argv = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--baseline-only",
        str(root),
        "--jobs",
        str(jobs),
    ]
    baselines = [clean(lambda: measure(baseline_argv)) for _ in range(3)]
    if any(b.returncode for b in baselines):
        raise SystemExit(f"baseline failed:\n{baselines[0].stderr_tail}")
    result["baseline"] = asdict(_median_run(baselines))
    log(f"[N={n}] baseline {result['baseline']['wall_s']:.2f} s")

    cache = work / f"cache-{n}"
    cold = clean(lambda: tool_run(root, work, f"{n}-cold", jobs, _fresh(cache)))
    result["cold"] = asdict(cold)
    log(f"[N={n}] cold {cold.wall_s:.2f} s, parent {cold.parent_peak_mb} MB")
    warm = _median_run(
        [clean(lambda: tool_run(root, work, f"{n}-warm", jobs, cache)) for _ in range(5)]
    )
    warm.extra["report_identical_to_cold"] = (
        warm.extra["report_sha256"] == cold.extra["report_sha256"]
    )
    result["warm"] = asdict(warm)
    log(f"[N={n}] warm {warm.wall_s:.2f} s")

    target = _touch_target(manifest)
    touched_runs = []
    variants = iter(range(1, 100))

    def touched_run() -> Run:
        touch(root, manifest, target, next(variants))
        return tool_run(root, work, f"{n}-touched", jobs, cache)

    for _ in range(5):
        touched_runs.append(clean(touched_run))
    touched = _median_run(touched_runs)
    touched.extra["file"] = target["path"]
    touched.extra["file_pages"] = target["pages"]
    touched.extra["file_extraction_s"] = file_extraction_s(root / target["path"])
    result["touched"] = asdict(touched)
    log(f"[N={n}] touched {touched.wall_s:.2f} s ({target['pages']}-page PDF)")

    if smallest:
        pypdf_cache = work / f"cache-{n}-pypdf"
        pypdf = clean(
            lambda: tool_run(root, work, f"{n}-pypdf", jobs, _fresh(pypdf_cache), "pypdf")
        )
        pages = corpus["pdf_pages"]
        pypdf.extra["pdf_pages_per_s"] = round(pages / pypdf.wall_s, 1)
        pypdf.extra["pdf_pages_per_s_per_core"] = round(pages / pypdf.wall_s / jobs, 1)
        if pypdf.cpu_s:
            pypdf.extra["pdf_pages_per_cpu_s"] = round(pages / pypdf.cpu_s, 1)
        result["cold_pypdf"] = asdict(pypdf)
        log(f"[N={n}] cold pypdf {pypdf.wall_s:.2f} s")
        nocache = clean(lambda: tool_run(root, work, f"{n}-nocache", jobs, None))
        result["cold_no_cache"] = asdict(nocache)
        log(f"[N={n}] cold --no-cache {nocache.wall_s:.2f} s")
    return result


def bench_warm_large(
    docs: int, jobs: int, seed: int, work: Path, log: Callable[[str], None]
) -> dict[str, Any]:
    """Warm rescan of ``docs`` small documents (1-3 pages: cheaper to generate and to cache)."""
    root = work / f"corpus-small-{docs}"
    log(f"[warm {docs}] generating a corpus of small documents in {root}")
    manifest = make_corpus.generate(
        docs, root, seed, jobs=os.cpu_count(), profile="small", quiet=True
    )
    corpus = {k: v for k, v in manifest.items() if k not in ("specs", "files")}
    cache = work / f"cache-small-{docs}"
    cold = clean(lambda: tool_run(root, work, f"small{docs}-cold", jobs, _fresh(cache)))
    log(f"[warm {docs}] cold {cold.wall_s:.2f} s")
    warm = _median_run(
        [clean(lambda: tool_run(root, work, f"small{docs}-warm", jobs, cache)) for _ in range(3)]
    )
    log(f"[warm {docs}] warm {warm.wall_s:.2f} s")
    return {"corpus": corpus, "cold": asdict(cold), "warm": asdict(warm)}


# --------------------------------------------------------------------------------------------
# Machine, targets, table
# --------------------------------------------------------------------------------------------


def _spin(count: int) -> float:
    """Burn CPU in pure Python; return the seconds it took."""
    started = time.perf_counter()
    total = 0
    for i in range(count):
        total += i * i
    return time.perf_counter() - started


def parallel_efficiency(jobs: int, count: int = 8_000_000) -> dict[str, float]:
    """Compare ``jobs`` CPU-bound processes at once with one alone (1.0: perfectly parallel)."""
    Quiet.wait()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        alone = min(pool.submit(_spin, count).result() for _ in range(2))
        together = max(pool.map(_spin, [count] * jobs))
    return {
        "one_process_s": round(alone, 3),
        f"{jobs}_processes_s": round(together, 3),
        "efficiency": round(alone / together, 2),
    }


def sources_digest(folder: Path) -> str:
    """Return a SHA-256 over the package and rubric sources under ``folder``."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _source_tree(root: Path) -> list[Path]:
    return [root / "smartcity_audit", root / "rubrics"]


def snapshot_package(work: Path) -> dict[str, Any]:
    """Copy the package and its rubrics as they are now; every measurement then uses the copy.

    Other people may edit the repository while the benchmark runs; without a snapshot the
    sizes would be measured on different code. The copy is byte-compiled first, so the first
    run does not pay for compiling. Subprocesses find it through ``PYTHONPATH``.
    """
    global PACKAGE_DIR
    target = work / "package"
    for source in _source_tree(REPO):
        shutil.copytree(source, target / source.name, ignore=shutil.ignore_patterns("__pycache__"))
    compileall.compile_dir(str(target), quiet=1)
    PACKAGE_DIR = target
    sys.path.insert(0, str(target))
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(target), os.environ.get("PYTHONPATH")])
    )
    info: dict[str, Any] = {"snapshot": str(target), "sources_sha256": _tree_digest(target)}
    with contextlib.suppress(OSError):
        head = (REPO / ".git" / "HEAD").read_text().strip()
        if head.startswith("ref: "):
            head = (REPO / ".git" / head[5:]).read_text().strip()
        info["commit"] = head
    with contextlib.suppress(ImportError):
        import smartcity_audit

        info["version"] = smartcity_audit.__version__
        info["imported_from"] = str(Path(smartcity_audit.__file__).parent)
    return info


def _tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for folder in _source_tree(root):
        digest.update(sources_digest(folder).encode())
    return digest.hexdigest()


def machine_info() -> dict[str, Any]:
    """Describe the machine and the library versions."""
    info: dict[str, Any] = {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor(),
        "cpu_count": os.cpu_count(),
        "python": sys.version.split()[0],
        "python_implementation": platform.python_implementation(),
    }
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu_model"] = line.split(":", 1)[1].strip()
                break
    with contextlib.suppress(OSError, ValueError, IndexError):
        info["memory_gb"] = round(
            int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024, 1
        )
    for package in (
        "smartcity-audit",
        "pypdfium2",
        "pypdf",
        "python-docx",
        "lxml",
        "fpdf2",
        "psutil",
    ):
        try:
            info[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            info[package] = None
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        out = subprocess.run([pdftotext, "-v"], capture_output=True, text=True, check=False)
        info["pdftotext"] = (
            (out.stderr or out.stdout).splitlines()[0] if (out.stderr or out.stdout) else "?"
        )
    return info


def evaluate_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Check the targets of the performance issue against the measurements."""
    sizes = results["sizes"]
    targets: list[dict[str, Any]] = []

    def add(name: str, goal: str, value: float | None, passed: bool | None, detail: str) -> None:
        targets.append(
            {"target": name, "goal": goal, "value": value, "passed": passed, "detail": detail}
        )

    for n, data in sizes.items():
        ratio = data["cold"]["wall_s"] / data["baseline"]["wall_s"]
        add(
            f"cold scan N={n} vs baseline",
            "<= 1.5x",
            round(ratio, 2),
            ratio <= 1.5,
            f"{data['cold']['wall_s']:.2f} s vs {data['baseline']['wall_s']:.2f} s",
        )
    for n, data in sizes.items():
        if "cold_pypdf" in data:
            value = data["cold_pypdf"]["extra"]["pdf_pages_per_s_per_core"]
            add(
                f"--pdf-engine pypdf N={n}",
                ">= 40 pages/s per core",
                value,
                value >= 40,
                f"{value} pages/s per core: {data['corpus']['pdf_pages']} PDF pages in "
                f"{data['cold_pypdf']['wall_s']:.2f} s with {results['settings']['jobs']} workers; "
                f"{data['cold_pypdf']['extra'].get('pdf_pages_per_cpu_s')} pages per CPU-second",
            )
    if "1000" in sizes:
        warm = sizes["1000"]["warm"]["wall_s"]
        add(
            "warm rescan 1,000 docs",
            "< 1 s (goal 0.5 s)",
            warm,
            warm < 1.0,
            f"{warm:.2f} s; goal 0.5 s {'met' if warm < 0.5 else 'not met'}",
        )
    large = results.get("warm_large")
    if large:
        warm = large["warm"]["wall_s"]
        add(
            f"warm rescan {large['corpus']['documents']:,} docs",
            "< 3 s",
            warm,
            warm < 3.0,
            f"{warm:.2f} s (small 1-3 page documents)",
        )
    for n, data in sizes.items():
        touched, warm, cold = data["touched"], data["warm"]["wall_s"], data["cold"]["wall_s"]
        extra = touched["wall_s"] - warm
        extraction = touched["extra"].get("file_extraction_s") or 0.0
        rescan = cold - warm
        passed = extra < 0.1 * rescan and extra <= extraction + 0.5
        add(
            f"one changed file N={n}",
            "costs that file's extraction, not a rescan",
            round(extra, 3),
            passed,
            f"touched {touched['wall_s']:.2f} s - warm {warm:.2f} s = {extra:.2f} s; the file's "
            f"extraction {extraction:.2f} s; a full re-extraction would add {rescan:.2f} s",
        )
    if "1000" in sizes and "2000" in sizes:
        growth = sizes["2000"]["cold"]["wall_s"] / sizes["1000"]["cold"]["wall_s"]
        pages = sizes["2000"]["corpus"]["pages"] / sizes["1000"]["corpus"]["pages"]
        add(
            "N=2000 vs N=1000 (cold)",
            "<= 2.2x",
            round(growth, 2),
            growth <= 2.2,
            f"{sizes['2000']['cold']['wall_s']:.2f} s vs {sizes['1000']['cold']['wall_s']:.2f} s; "
            f"pages grew {pages:.2f}x",
        )
    if "2000" in sizes:
        peaks = [sizes["2000"][k]["parent_peak_mb"] for k in ("cold", "warm", "touched")]
        known = [p for p in peaks if p is not None]
        peak = max(known) if known else sizes["2000"]["cold"]["tree_maxrss_mb"]
        add(
            "parent peak memory N=2000",
            "< 300 MB",
            peak,
            peak < 300 if peak else None,
            f"cold/warm/touched: {peaks} MB; largest worker "
            f"{sizes['2000']['cold']['worker_peak_mb']} MB",
        )
    version = results["version_start"]
    label = next(
        (k for k in version if "console script" in k), "python -m smartcity_audit --version"
    )
    value = version[label]["median_s"]
    add(
        "--version start",
        "< 0.3 s",
        value,
        value < 0.3,
        f"{label}: {value:.3f} s; python -m: "
        f"{version['python -m smartcity_audit --version']['median_s']:.3f} s; "
        f"bare interpreter {version['python -c pass']['median_s']:.3f} s",
    )
    return targets


def disturbance(results: dict[str, Any]) -> list[str]:
    """List the measurements during which other processes used much CPU (>10% of the run)."""
    notes = []
    for n, data in results["sizes"].items():
        for label, run in data.items():
            if not isinstance(run, dict) or "extra" not in run:
                continue
            background = run["extra"].get("background_cpu_s")
            if background is not None and background > max(0.3, 0.1 * run["wall_s"]):
                notes.append(
                    f"N={n} {label}: {background:.1f} CPU-s of other processes during {run['wall_s']:.1f} s"
                )
    return notes


def print_table(results: dict[str, Any]) -> None:
    """Print the results as a table."""
    sizes = results["sizes"]
    header = (
        f"{'N':>6} {'PDF pg':>7} {'pages':>7} {'base s':>7} {'cold s':>7} {'ratio':>6} "
        f"{'pg/s':>6} {'base pg/s':>9} {'warm s':>7} {'touch s':>7} {'parent MB':>9} "
        f"{'worker MB':>9}"
    )
    print(header)
    print("-" * len(header))
    for n, d in sizes.items():
        pages = d["corpus"]["pages"]
        base, cold = d["baseline"]["wall_s"], d["cold"]["wall_s"]
        parent = max(
            x
            for x in (d["cold"]["parent_peak_mb"], d["warm"]["parent_peak_mb"], 0)
            if x is not None
        )
        print(
            f"{n:>6} {d['corpus']['pdf_pages']:>7} {pages:>7} {base:>7.2f} {cold:>7.2f} "
            f"{cold / base:>6.2f} {pages / cold:>6.0f} {pages / base:>9.0f} "
            f"{d['warm']['wall_s']:>7.2f} {d['touched']['wall_s']:>7.2f} {parent:>9.0f} "
            f"{_fmt(d['cold']['worker_peak_mb'], 0):>9}"
        )
    if "1000" in sizes and "2000" in sizes:
        a, b = sizes["1000"], sizes["2000"]
        print(
            f"growth N=2000/N=1000: cold {b['cold']['wall_s'] / a['cold']['wall_s']:.2f}x, "
            f"warm {b['warm']['wall_s'] / a['warm']['wall_s']:.2f}x, "
            f"baseline {b['baseline']['wall_s'] / a['baseline']['wall_s']:.2f}x, "
            f"pages {b['corpus']['pages'] / a['corpus']['pages']:.2f}x"
        )
    for n, d in sizes.items():
        if "cold_pypdf" in d:
            e = d["cold_pypdf"]["extra"]
            print(
                f"N={n} --pdf-engine pypdf: {d['cold_pypdf']['wall_s']:.2f} s, "
                f"{e['pdf_pages_per_s']} PDF pages/s, {e['pdf_pages_per_s_per_core']} per core, "
                f"{e.get('pdf_pages_per_cpu_s')} per CPU-second; --no-cache cold "
                f"{d['cold_no_cache']['wall_s']:.2f} s"
            )
    large = results.get("warm_large")
    if large:
        print(
            f"warm rescan of {large['corpus']['documents']} small documents: "
            f"{large['warm']['wall_s']:.2f} s (cold {large['cold']['wall_s']:.2f} s, parent "
            f"{large['warm']['parent_peak_mb']} MB)"
        )
    for label, v in results["version_start"].items():
        print(f"{label}: {v['median_s']:.3f} s")
    for note in results.get("disturbed", []):
        print(f"disturbed: {note}")
    print()
    for t in results["targets"]:
        mark = {True: "PASS", False: "FAIL", None: "n/a "}[t["passed"]]
        print(f"{mark} {t['target']}: {t['value']} (goal {t['goal']}) - {t['detail']}")


def _fmt(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def render_markdown(results: dict[str, Any]) -> str:
    """Return the results as Markdown tables (what ``benchmarks/README.md`` shows)."""
    machine, sizes = results["machine"], results["sizes"]
    package = results.get("package", {})
    efficiency = machine.get("parallel_efficiency", {}).get("efficiency")
    lines = [
        f"Machine: {machine.get('cpu_model', machine['machine'])}, {machine['cpu_count']} CPUs "
        f"(two busy processes run at {_fmt(efficiency)} of one alone), "
        f"{machine.get('memory_gb', '?')} GB, {machine['platform']}; Python {machine['python']}, "
        f"pypdfium2 {machine.get('pypdfium2')}, pypdf {machine.get('pypdf')}, "
        f"python-docx {machine.get('python-docx')}, {machine.get('pdftotext', 'pdftotext ?')}. "
        f"smartcity-audit {package.get('version', machine.get('smartcity-audit'))} at commit "
        f"`{str(package.get('commit', '?'))[:12]}`, `--jobs {results['settings']['jobs']}`, "
        f"{results['date']}.",
        "",
        "| N | PDF / DOCX | pages (PDF + DOCX est.) | baseline s | cold s | cold / baseline "
        "| pages/s cold (baseline) | warm s | touched s (+ over warm) | parent peak MB "
        "| largest worker MB |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for n, d in sizes.items():
        corpus, base, cold = d["corpus"], d["baseline"]["wall_s"], d["cold"]["wall_s"]
        warm, touched = d["warm"]["wall_s"], d["touched"]["wall_s"]
        parents = [d[k]["parent_peak_mb"] for k in ("cold", "warm", "touched")]
        parent = max((p for p in parents if p is not None), default=None)
        lines.append(
            f"| {int(n):,} | {corpus['pdf_documents']} / {corpus['docx_documents']} "
            f"| {corpus['pages']:,} ({corpus['pdf_pages']:,} + {corpus['docx_pages_estimated']:,}) "
            f"| {base:.2f} | {cold:.2f} | {cold / base:.2f}x "
            f"| {corpus['pages'] / cold:,.0f} ({corpus['pages'] / base:,.0f}) | {warm:.2f} "
            f"| {touched:.2f} (+{touched - warm:.2f}) | {_fmt(parent, 0)} "
            f"| {_fmt(d['cold']['worker_peak_mb'], 0)} |"
        )
    lines.append("")
    if "1000" in sizes and "2000" in sizes:
        a, b = sizes["1000"], sizes["2000"]
        lines.append(
            f"Growth N=2000 / N=1000: cold {b['cold']['wall_s'] / a['cold']['wall_s']:.2f}x, "
            f"warm {b['warm']['wall_s'] / a['warm']['wall_s']:.2f}x, baseline "
            f"{b['baseline']['wall_s'] / a['baseline']['wall_s']:.2f}x, pages "
            f"{b['corpus']['pages'] / a['corpus']['pages']:.2f}x."
        )
    for n, d in sizes.items():
        if "cold_pypdf" in d:
            e = d["cold_pypdf"]["extra"]
            lines.append(
                f"`--pdf-engine pypdf`, cold, N={n}: {d['cold_pypdf']['wall_s']:.2f} s for "
                f"{d['corpus']['pdf_pages']:,} PDF pages (and the DOCX): {e['pdf_pages_per_s']} "
                f"pages/s, {e['pdf_pages_per_s_per_core']} per core, "
                f"{e.get('pdf_pages_per_cpu_s')} per CPU-second. Cold with `--no-cache`: "
                f"{d['cold_no_cache']['wall_s']:.2f} s (with the cache: {d['cold']['wall_s']:.2f} s)."
            )
    large = results.get("warm_large")
    if large:
        c = large["corpus"]
        lines.append(
            f"Warm rescan of {c['documents']:,} small documents ({c['pdf_documents']:,} PDF, "
            f"{c['docx_documents']:,} DOCX, {c['pages']:,} pages, {c['bytes'] / 1e9:.1f} GB): "
            f"{large['warm']['wall_s']:.2f} s (cold {large['cold']['wall_s']:.2f} s), parent "
            f"peak {_fmt(large['warm']['parent_peak_mb'], 0)} MB."
        )
    version = results["version_start"]
    lines.append(
        "Start: "
        + "; ".join(f"`{label}` {v['median_s']:.3f} s" for label, v in version.items())
        + f"; a worker's imports (`python -c 'import smartcity_audit.workers, ...'`) "
        f"{results.get('worker_import_s', 0):.3f} s."
    )
    lines += ["", "| target | goal | measured | result |", "| --- | --- | --- | --- |"]
    for t in results.get("targets", []):
        mark = {True: "**pass**", False: "**FAIL**", None: "n/a"}[t["passed"]]
        lines.append(f"| {t['target']} | {t['goal']} | {t['detail']} | {mark} |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark suite (or, with ``--baseline-only``, one baseline extraction)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="250,500,1000,2000", help="corpus sizes, comma-separated"
    )
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (tool and baseline)")
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument("--seed", type=int, default=make_corpus.DEFAULT_SEED)
    parser.add_argument(
        "--warm-docs",
        type=int,
        default=10000,
        help="also time a warm rescan of this many small documents (0: skip)",
    )
    parser.add_argument(
        "--workdir", type=Path, default=None, help="where corpora go (default: a temporary folder)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the corpora and caches")
    parser.add_argument(
        "--idle-wait",
        type=float,
        default=30.0,
        help="before each run, wait up to this many seconds for idle CPUs",
    )
    parser.add_argument(
        "--idle-budget",
        type=float,
        default=600.0,
        help="total seconds of such waiting (and of repeating disturbed runs)",
    )
    parser.add_argument(
        "--no-snapshot",
        action="store_true",
        help="measure the package where it is installed, not a snapshot copy",
    )
    parser.add_argument(
        "--markdown",
        type=Path,
        default=None,
        metavar="RESULTS",
        help="print the tables of a results file as Markdown and stop",
    )
    parser.add_argument("--baseline-only", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.markdown is not None:
        saved = json.loads(args.markdown.read_text("utf-8"))
        saved["targets"] = evaluate_targets(saved)  # as this version of the script judges them
        print(render_markdown(saved), end="")
        return 0
    if args.baseline_only is not None:
        return baseline_main(args.baseline_only, args.jobs)
    if not shutil.which("pdftotext"):
        raise SystemExit("error: pdftotext (poppler-utils) is needed for the baseline")

    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    Quiet.max_wait = args.idle_wait
    Quiet.budget = args.idle_budget
    work = Path(tempfile.mkdtemp(prefix="smartcity-bench-", dir=args.workdir))
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"{time.perf_counter() - started:7.1f}s {message}", flush=True)

    results: dict[str, Any] = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine_info(),
        "settings": {
            "sizes": sizes,
            "jobs": args.jobs,
            "seed": args.seed,
            "rubric": RUBRIC,
            "as_of": AS_OF,
            "psutil": psutil is not None,
            "idle_wait_s": args.idle_wait,
            "idle_budget_s": args.idle_budget,
        },
        "sizes": {},
    }
    try:
        if not args.no_snapshot:
            results["package"] = snapshot_package(work)
            log(f"measuring a snapshot of the package: {results['package']}")
        log("measuring parallel efficiency")
        results["machine"]["parallel_efficiency"] = parallel_efficiency(args.jobs)
        log(f"  {results['machine']['parallel_efficiency']}")
        log("timing --version")
        results["version_start"] = version_start()
        results["worker_import_s"] = time_python(
            "import smartcity_audit.workers, smartcity_audit.extractors, pypdfium2", 5
        )
        for n in sizes:
            results["sizes"][str(n)] = bench_size(n, args.jobs, args.seed, work, n == sizes[0], log)
            _save(args.out, results)
        if args.warm_docs:
            results["warm_large"] = bench_warm_large(
                args.warm_docs, args.jobs, args.seed, work, log
            )
        results["targets"] = evaluate_targets(results)
        results["disturbed"] = disturbance(results)
        results["total_seconds"] = round(time.perf_counter() - started, 1)
        if "package" in results:
            # Informational: the snapshot kept the measurements consistent either way.
            results["package"]["repository_changed_during_run"] = (
                _tree_digest(REPO) != results["package"]["sources_sha256"]
            )
        _save(args.out, results)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}")
    print()
    print_table(results)
    print(f"\nresults written to {args.out}")
    return 0


def _save(path: Path, results: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    sys.exit(main())
