"""Command line: options -> request -> engine -> report -> exit code.

This is the only module that prints, reads the clock, or turns errors into messages and exit
codes: 0 ok, 1 gate failed, 2 usage/config/rubric error, 3 internal error, 130 interrupted.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import logging
import os
import shutil
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from smartcity_audit import GC_THRESHOLD, __version__
from smartcity_audit.errors import AuditError, ConfigError, UsageError
from smartcity_audit.i18n import DEFAULT_LANGUAGE, LANGUAGES, render, tr

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from rich.progress import Progress

    from smartcity_audit.cache import ExtractionCache
    from smartcity_audit.engine import ExtractAll, OnDocument
    from smartcity_audit.extractors import ExtractOptions
    from smartcity_audit.model import AnyDocument, AuditResult, DocumentRef
    from smartcity_audit.workers import WorkerPool

EXIT_OK = 0
EXIT_GATE = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130

app = typer.Typer(
    name="smartcity-audit",
    help=(
        "Periksa kelengkapan dokumen bukti Smart City (DOCX/PDF) terhadap rubrik YAML. / "
        "Audit smart-city evidence folders (DOCX/PDF) against a YAML rubric."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
rubric_app = typer.Typer(
    help="Periksa dan tampilkan rubrik. / Validate and show rubrics.",
    no_args_is_help=True,
)
app.add_typer(rubric_app, name="rubric")


class _State:
    """The language errors are reported in, as soon as it is known."""

    lang = os.environ.get("SMARTCITY_AUDIT_LANG", DEFAULT_LANGUAGE)


def _err(text: str) -> None:
    typer.echo(text, err=True)


def _report_error(exc: AuditError) -> None:
    lang = _State.lang if _State.lang in LANGUAGES else DEFAULT_LANGUAGE
    _err(f"{tr(lang, 'error.prefix')}: {exc.message(lang)}")
    hint = exc.hint_text(lang)
    if hint:
        _err(f"{tr(lang, 'error.hint')}: {hint}")


def _guard(action: Callable[[], int]) -> None:
    """Run a command body; the one place that turns exceptions into messages and exit codes."""
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # pypdf's warnings are ours to report
    try:
        code = action()
    except AuditError as exc:
        _report_error(exc)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        _err(tr(_State.lang, "error.interrupted"))
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:
        if os.environ.get("SMARTCITY_AUDIT_DEBUG"):
            traceback.print_exc()
        _err(
            f"{tr(_State.lang, 'error.prefix')}: {tr(_State.lang, 'error.internal', {'detail': f'{type(exc).__name__}: {exc}'})}"
        )
        _err(f"{tr(_State.lang, 'error.hint')}: {tr(_State.lang, 'hint.internal')}")
        raise typer.Exit(EXIT_INTERNAL) from None
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"smartcity-audit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="Tampilkan versi. / Show the version.",
        ),
    ] = False,
) -> None:
    """Audit smart-city evidence folders against a rubric."""


def _parse_date(option: str, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError("error.bad_date", {"option": option, "value": value}) from None


def _check_lang(value: str | None) -> str | None:
    if value is not None and value not in LANGUAGES:
        raise UsageError("error.bad_lang", {"value": value})
    return value


def _emit(data: bytes, output: Path | None) -> None:
    from smartcity_audit.output import write_atomic

    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomic(output, data)


LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        envvar="SMARTCITY_AUDIT_LANG",
        help="Bahasa laporan: id atau en. / Report language: id or en.",
    ),
]
NoColorOption = Annotated[bool, typer.Option("--no-color", help="Tanpa warna. / No colours.")]


ENV = "SMARTCITY_AUDIT_"
BINARY_FORMATS = frozenset({"docx"})
PDF_ENGINES = ("pdfium", "pypdf")


@dataclass(frozen=True)
class ScanOptions:
    """The options of ``scan`` as given on the command line or in the environment."""

    root: Path
    rubric: str | None = None
    config: Path | None = None
    as_of: str | None = None
    output_format: str = "terminal"
    output: Path | None = None
    reports: tuple[str, ...] = ()
    fail_under: float | None = None
    fail_on: str | None = None
    exclude: tuple[str, ...] = ()
    lang: str | None = None
    no_color: bool = False
    baseline: Path | None = None
    baseline_tolerance: float = 0.5
    jobs: int | None = None
    timeout: float = 120.0
    memory_mb: int = 2048
    max_pages: int = 2000
    cache_dir: Path | None = None
    no_cache: bool = False
    pdf_engine: str = "pdfium"
    ocr: bool = False


@app.command()
def scan(
    root: Annotated[Path, typer.Argument(help="Folder bukti. / Evidence folder.")],
    rubric: Annotated[
        str | None,
        typer.Option(
            "--rubric",
            "-r",
            envvar=ENV + "RUBRIC",
            help="Nama rubrik bawaan atau jalur. / Bundled rubric name or path.",
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            "-c",
            envvar=ENV + "CONFIG",
            help="Berkas konfigurasi. / Configuration file.",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", envvar=ENV + "AS_OF", help="Tanggal evaluasi YYYY-MM-DD. / Evaluation date."
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format", "-f", envvar=ENV + "FORMAT", help="Format laporan. / Report format."
        ),
    ] = "terminal",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            envvar=ENV + "OUTPUT",
            help="Tulis laporan ke berkas. / Write the report to a file.",
        ),
    ] = None,
    reports: Annotated[
        list[str] | None,
        typer.Option(
            "--report",
            help="Tulis juga FORMAT:BERKAS (bisa diulang). / Also write FORMAT:PATH (repeatable).",
        ),
    ] = None,
    fail_under: Annotated[
        float | None,
        typer.Option(
            "--fail-under",
            envvar=ENV + "FAIL_UNDER",
            help="Gagal (kode 1) bila skor < PCT. / Exit 1 below PCT.",
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            envvar=ENV + "FAIL_ON",
            help="Gagal bila ada persyaratan setingkat ini belum lengkap. / critical|major|minor",
        ),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option("--exclude", help="Pola jalur yang dilewati (bisa diulang). / Glob to skip."),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            envvar=ENV + "BASELINE",
            help="Laporan JSON acuan: gagal hanya bila memburuk. / Baseline JSON report: fail only on regressions.",
        ),
    ] = None,
    baseline_tolerance: Annotated[
        float,
        typer.Option(
            "--baseline-tolerance",
            envvar=ENV + "BASELINE_TOLERANCE",
            help="Penurunan skor yang diizinkan (poin). / Allowed overall score drop (points).",
        ),
    ] = 0.5,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            envvar=ENV + "JOBS",
            min=0,
            help="Proses pembaca (bawaan: jumlah CPU; 0: tanpa proses terpisah). / Reader processes (default: CPUs; 0: in process).",
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout-per-file",
            envvar=ENV + "TIMEOUT_PER_FILE",
            min=1,
            help="Batas waktu per berkas (detik). / Time limit per file (seconds).",
        ),
    ] = 120.0,
    memory_mb: Annotated[
        int,
        typer.Option(
            "--memory-per-file",
            envvar=ENV + "MEMORY_PER_FILE",
            min=0,
            help="Batas memori proses pembaca (MB; 0: tanpa batas). / Memory cap of a reader (MB; 0: none).",
        ),
    ] = 2048,
    max_pages: Annotated[
        int,
        typer.Option(
            "--max-pages",
            envvar=ENV + "MAX_PAGES",
            min=1,
            help="Halaman yang dibaca per PDF. / Pages read per PDF.",
        ),
    ] = 2000,
    cache_dir: Annotated[
        Path | None,
        typer.Option(
            "--cache-dir",
            envvar=ENV + "CACHE_DIR",
            help="Folder cache teks hasil ekstraksi. / Folder of the extraction cache.",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", envvar=ENV + "NO_CACHE", help="Tanpa cache. / Do not use the cache."
        ),
    ] = False,
    pdf_engine: Annotated[
        str,
        typer.Option(
            "--pdf-engine",
            envvar=ENV + "PDF_ENGINE",
            help="Pembaca teks PDF: pdfium (cepat) atau pypdf. / PDF text engine: pdfium (fast) or pypdf.",
        ),
    ] = "pdfium",
    ocr: Annotated[
        bool,
        typer.Option(
            "--ocr",
            envvar=ENV + "OCR",
            help="Baca PDF pindaian dengan OCR (perlu [ocr] dan Tesseract). / OCR scanned PDFs (needs [ocr] and Tesseract).",
        ),
    ] = False,
    lang: LangOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Pindai folder bukti dan laporkan kekurangan. / Scan an evidence folder and report the gaps."""
    options = ScanOptions(
        root=root,
        rubric=rubric,
        config=config,
        as_of=as_of,
        output_format=output_format,
        output=output,
        reports=tuple(reports or ()),
        fail_under=fail_under,
        fail_on=fail_on,
        exclude=tuple(exclude or ()),
        lang=lang,
        no_color=no_color,
        baseline=baseline,
        baseline_tolerance=baseline_tolerance,
        jobs=jobs,
        timeout=timeout,
        memory_mb=memory_mb,
        max_pages=max_pages,
        cache_dir=cache_dir,
        no_cache=no_cache,
        pdf_engine=pdf_engine,
        ocr=ocr,
    )
    _guard(lambda: _scan(options))


@contextlib.contextmanager
def _open_cache(opts: ScanOptions, root: Path) -> Iterator[ExtractionCache | None]:
    """Open the extraction cache unless ``--no-cache``; refuse one inside the evidence folder."""
    from smartcity_audit.cache import ExtractionCache, default_folder
    from smartcity_audit.output import is_inside

    if opts.no_cache:
        yield None
        return
    folder = opts.cache_dir or default_folder()
    if is_inside(folder, root):
        raise UsageError("error.cache_inside_root", {"path": str(folder)})
    with ExtractionCache(folder) as cache:
        yield cache


def _extractor(pool: WorkerPool | None) -> ExtractAll:
    """Choose how documents are extracted: in worker processes with limits, or in this process."""
    from smartcity_audit.engine import extract_sequentially

    if pool is None:
        return extract_sequentially
    progress = _progress_bar()

    def extract_all(
        refs: Sequence[DocumentRef],
        options: ExtractOptions,
        on_document: OnDocument | None = None,
    ) -> list[AnyDocument]:
        assert options == pool.options, "the workers read with the scan's options"
        if progress is None:
            return pool.extract(refs, on_document=on_document)
        with progress:
            task = progress.add_task(tr(_State.lang, "msg.reading"), total=len(refs))
            return pool.extract(
                refs,
                lambda done, total: progress.update(task, completed=done, total=total),
                on_document,
            )

    return extract_all


@contextlib.contextmanager
def _scan_resources(
    opts: ScanOptions, root: Path, options: ExtractOptions
) -> Iterator[tuple[ExtractionCache | None, WorkerPool | None]]:
    """Open the cache and prepare the workers (``--jobs 0``: none), closing both afterwards.

    With no cache, or an empty one, every file will be read: the workers start at once, while
    the scan still loads its configuration and rubric and lists the folder.
    """
    from smartcity_audit.workers import WorkerLimits, WorkerPool

    with _open_cache(opts, root) as cache, contextlib.ExitStack() as stack:
        pool = None
        if opts.jobs != 0:
            limits = WorkerLimits(
                jobs=opts.jobs or os.cpu_count() or 1,
                timeout=opts.timeout,
                memory_mb=opts.memory_mb or None,
            )
            pool = stack.enter_context(WorkerPool(options, limits))
            if cache is None or cache.is_empty():
                pool.start()
        yield cache, pool


def _progress_bar() -> Progress | None:
    """Return a progress bar on stderr for people at a terminal; nothing in CI or pipes."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )


def _today() -> dt.date:
    """Return the audit date: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.date.today()


def _github_step_summary(result: AuditResult, lang: str) -> None:
    """Append the Markdown summary to the GitHub Actions job summary, when running there."""
    from smartcity_audit.reports import REPORTERS, ReportOptions

    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary:
        return
    try:
        with open(summary, "ab") as stream:
            stream.write(REPORTERS["markdown"](result, ReportOptions(lang=lang)) + b"\n")
    except OSError as exc:
        detail = {"path": summary, "detail": exc.strerror or str(exc)}
        _err(f"{tr(lang, 'error.warning')}: {tr(lang, 'error.write_failed', detail)}")


def _report_targets(
    output_format: str, output: Path | None, reports: tuple[str, ...]
) -> list[tuple[str, Path | None]]:
    """Check the formats and return (format, path) pairs; ``None`` is standard output."""
    from smartcity_audit.reports import REPORTERS

    targets: list[tuple[str, Path | None]] = [(output_format, output)]
    for spec in reports:
        fmt, sep, file = spec.partition(":")
        if not sep or not file:
            raise UsageError("error.bad_report", {"value": spec})
        targets.append((fmt, Path(file)))
    for fmt, target in targets:
        if fmt not in REPORTERS:
            raise UsageError("error.bad_format", {"value": fmt, "choices": ", ".join(REPORTERS)})
        if fmt in BINARY_FORMATS and target is None and sys.stdout.isatty():
            raise UsageError("error.binary_to_terminal", {"format": fmt})
    return targets


def _write_reports(
    result: AuditResult, targets: list[tuple[str, Path | None]], lang: str, no_color: bool
) -> None:
    """Render each target once and write it to its file or to standard output."""
    from smartcity_audit.reports import REPORTERS, ReportOptions

    for fmt, path in targets:
        tty = path is None and sys.stdout.isatty()
        color = tty and not no_color and "NO_COLOR" not in os.environ
        width = min(shutil.get_terminal_size((100, 24)).columns, 120) if tty else 100
        _emit(REPORTERS[fmt](result, ReportOptions(lang=lang, color=color, width=width)), path)
        if path is not None:
            _err(tr(lang, "msg.report_written", {"path": str(path)}))


def _scan(opts: ScanOptions) -> int:
    from smartcity_audit.extractors import ExtractOptions
    from smartcity_audit.output import is_inside

    lang = _check_lang(opts.lang)
    _State.lang = lang or _State.lang
    targets = _report_targets(opts.output_format, opts.output, opts.reports)
    if opts.ocr:
        from smartcity_audit.extractors.ocr import available

        if not available():
            raise UsageError("error.ocr_unavailable", hint="hint.ocr_unavailable")
    if opts.pdf_engine not in PDF_ENGINES:
        raise UsageError(
            "error.bad_engine", {"value": opts.pdf_engine, "choices": ", ".join(PDF_ENGINES)}
        )
    root = opts.root
    if not root.exists():
        raise UsageError("error.root_missing", {"path": str(root)}, hint="hint.root")
    if not root.is_dir():
        raise UsageError("error.root_not_folder", {"path": str(root)}, hint="hint.root")
    for _, path in targets:
        if path is not None and is_inside(path, root):
            raise UsageError(
                "error.output_inside_root", {"path": str(path)}, hint="hint.output_inside_root"
            )

    options = ExtractOptions(max_pages=opts.max_pages, pdf_engine=opts.pdf_engine, ocr=opts.ocr)
    with _scan_resources(opts, root, options) as (cache, pool):
        result = _audit(opts, root, options, cache, pool)
    language = result.language
    _write_reports(result, targets, language, opts.no_color)
    _github_step_summary(result, language)
    for failure in result.gate_failures:
        _err(f"{tr(language, 'error.prefix')}: {render(failure.reason, language)}")
    return EXIT_GATE if result.gate_failures else EXIT_OK


def _audit(
    opts: ScanOptions,
    root: Path,
    options: ExtractOptions,
    cache: ExtractionCache | None,
    pool: WorkerPool | None,
) -> AuditResult:
    """Load the configuration and rubric, and run the audit of ``root``."""
    from smartcity_audit.config import Config, check_against_rubric, find_config, load_config
    from smartcity_audit.engine import AuditRequest, run_audit
    from smartcity_audit.model import Severity
    from smartcity_audit.rubric import DEFAULT_RUBRIC, load_rubric

    lang = _check_lang(opts.lang)
    if opts.config is not None:
        if not opts.config.is_file():
            raise ConfigError("error.file_missing", {"path": str(opts.config)})
        config = load_config(opts.config, opts.config.as_posix())
    else:
        found = find_config(root)
        config = load_config(found, found.as_posix()) if found else Config()
    _State.lang = lang or config.lang or _State.lang

    if opts.rubric is not None:
        rubric = load_rubric(opts.rubric)
    elif config.rubric is not None:
        rubric = load_rubric(config.rubric, config.base_dir)
    else:
        rubric = load_rubric(DEFAULT_RUBRIC)
    language = lang or config.lang or rubric.language
    _State.lang = language
    check_against_rubric(config, rubric)

    severity = None
    if opts.fail_on is not None:
        if opts.fail_on not in {s.value for s in Severity}:
            raise UsageError("error.bad_severity", {"value": opts.fail_on})
        severity = Severity(opts.fail_on)
    if opts.fail_under is not None and not 0 <= opts.fail_under <= 100:
        raise UsageError("error.bad_percent", {"option": "--fail-under", "value": opts.fail_under})

    baseline = None
    if opts.baseline is not None:
        from smartcity_audit.resultfile import load_result

        baseline = load_result(opts.baseline)
    as_of = _parse_date("--as-of", opts.as_of) if opts.as_of else (config.as_of or _today())
    request = AuditRequest(
        root=root,
        root_label=root.as_posix(),
        rubric=rubric,
        as_of=as_of,
        language=language,
        exclude=(*config.exclude, *opts.exclude),
        waivers=config.waivers,
        evidence=config.evidence,
        fail_under=opts.fail_under if opts.fail_under is not None else config.fail_under,
        fail_on=severity or config.fail_on,
        fail_under_dimension=config.fail_under_dimension,
        baseline=baseline,
        baseline_label=opts.baseline.as_posix() if opts.baseline else None,
        baseline_tolerance=opts.baseline_tolerance,
        config_source=config.source,
        extract_options=options,
    )
    extract_all = _extractor(pool)
    if cache is not None:
        inner = extract_all
        store = cache

        def extract_all(
            refs: Sequence[DocumentRef],
            options: ExtractOptions,
            on_document: OnDocument | None = None,
        ) -> list[AnyDocument]:
            prepare = pool.start if pool is not None else None
            return store.extract_all(refs, options, inner, on_document, prepare)

    result = run_audit(request, extract_all, cache.text_search if cache else None)
    if cache is not None:
        cache.save_phrases()
    for code, params in cache.warnings if cache else ():
        _err(f"{tr(language, 'error.warning')}: {tr(language, code, params)}")
    return result


@app.command()
def report(
    result_file: Annotated[
        Path, typer.Argument(help="Laporan JSON tersimpan. / A saved JSON report.")
    ],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="Format laporan. / Report format.")
    ] = "terminal",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Tulis laporan ke berkas. / Write the report to a file."
        ),
    ] = None,
    reports: Annotated[
        list[str] | None,
        typer.Option("--report", help="Tulis juga FORMAT:BERKAS. / Also write FORMAT:PATH."),
    ] = None,
    lang: LangOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Buat laporan dari hasil JSON tanpa memindai ulang. / Render a saved JSON result again."""

    def action() -> int:
        from smartcity_audit.resultfile import load_result

        _State.lang = _check_lang(lang) or _State.lang
        targets = _report_targets(output_format, output, tuple(reports or ()))
        result = load_result(result_file)
        language = lang or result.language
        _State.lang = language
        _write_reports(result, targets, language, no_color)
        return EXIT_OK

    _guard(action)


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="Laporan JSON lama. / The older JSON report.")],
    new: Annotated[Path, typer.Argument(help="Laporan JSON baru. / The newer JSON report.")],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="terminal | markdown | json")
    ] = "terminal",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Tulis ke berkas. / Write to a file.")
    ] = None,
    lang: LangOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Bandingkan dua audit: kemajuan dan kemunduran. / Compare two audits: progress and regressions."""

    def action() -> int:
        from smartcity_audit.comparison import compare
        from smartcity_audit.reports import ReportOptions
        from smartcity_audit.reports.diff import DIFF_REPORTERS
        from smartcity_audit.resultfile import load_result

        _State.lang = _check_lang(lang) or _State.lang
        if output_format not in DIFF_REPORTERS:
            raise UsageError(
                "error.bad_format", {"value": output_format, "choices": ", ".join(DIFF_REPORTERS)}
            )
        before, after = load_result(old), load_result(new)
        language = lang or after.language
        tty = output is None and sys.stdout.isatty()
        color = tty and not no_color and "NO_COLOR" not in os.environ
        options = ReportOptions(lang=language, color=color, width=100)
        _emit(DIFF_REPORTERS[output_format](compare(before, after), options), output)
        return EXIT_OK

    _guard(action)


@app.command()
def inspect(
    file: Annotated[Path, typer.Argument(help="Berkas DOCX/PDF. / A DOCX or PDF file.")],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="terminal | json")
    ] = "terminal",
    as_of: Annotated[str | None, typer.Option("--as-of", help="YYYY-MM-DD")] = None,
    lang: LangOption = None,
) -> None:
    """Tampilkan apa yang dilihat pemindai dalam satu berkas. / Show what the scanner sees in one file."""
    _guard(lambda: _inspect(file, output_format, as_of, lang))


def _inspect(file: Path, output_format: str, as_of_text: str | None, lang: str | None) -> int:
    from smartcity_audit.inspection import inspect_file, render_inspection

    _State.lang = _check_lang(lang) or _State.lang
    if not file.is_file():
        raise UsageError("error.file_missing", {"path": str(file)})
    if output_format not in ("terminal", "json"):
        raise UsageError("error.bad_format", {"value": output_format, "choices": "terminal, json"})
    as_of = _parse_date("--as-of", as_of_text) if as_of_text else dt.date.today()
    inspection = inspect_file(file, as_of)
    _emit(render_inspection(inspection, output_format, _State.lang), None)
    return EXIT_OK


@rubric_app.command("validate")
def rubric_validate(
    paths: Annotated[
        list[str],
        typer.Argument(help="Berkas rubrik atau nama bawaan. / Rubric files or bundled names."),
    ],
    lang: LangOption = None,
) -> None:
    """Periksa rubrik dan laporkan galat. / Validate rubrics and report errors."""
    _guard(lambda: _rubric_validate(paths, lang))


def _rubric_validate(paths: list[str], lang: str | None) -> int:
    from smartcity_audit.rubric import load_rubric

    _State.lang = _check_lang(lang) or _State.lang
    code = EXIT_OK
    for name in paths:
        try:
            rubric = load_rubric(name)
        except AuditError as exc:
            _report_error(exc)
            code = exc.exit_code
            continue
        params = {
            "path": name,
            "dimensions": len(rubric.dimensions),
            "requirements": len(rubric.requirements),
        }
        typer.echo(tr(_State.lang, "msg.rubric_valid", params))
    return code


@rubric_app.command("list")
def rubric_list(lang: LangOption = None) -> None:
    """Daftar rubrik bawaan. / List the bundled rubrics."""

    def action() -> int:
        from rich.console import Console
        from rich.table import Table

        from smartcity_audit.rubric import bundled_names, load_rubric
        from smartcity_audit.rubric.describe import summarize

        _State.lang = _check_lang(lang) or _State.lang
        table = Table(box=None, pad_edge=False)
        for label in (
            "label.name",
            "label.title",
            "label.version",
            "label.dimensions",
            "label.requirements",
        ):
            table.add_column(tr(_State.lang, label))
        for name in bundled_names():
            summary = summarize(name, load_rubric(name), _State.lang)
            table.add_row(
                summary.name,
                summary.title,
                summary.version,
                str(summary.dimensions),
                str(summary.requirements),
            )
        Console(width=120, no_color=True, highlight=False).print(table)
        return EXIT_OK

    _guard(action)


@rubric_app.command("show")
def rubric_show(
    name: Annotated[
        str, typer.Argument(help="Nama rubrik bawaan atau jalur. / Bundled name or path.")
    ],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="terminal | json")
    ] = "terminal",
    lang: LangOption = None,
) -> None:
    """Tampilkan dimensi, kelompok dan persyaratan. / Show dimensions, groups and requirements."""

    def action() -> int:
        from smartcity_audit.rubric import load_rubric
        from smartcity_audit.rubric.describe import render_json, render_tree

        _State.lang = _check_lang(lang) or _State.lang
        if output_format not in ("terminal", "json"):
            raise UsageError(
                "error.bad_format", {"value": output_format, "choices": "terminal, json"}
            )
        rubric = load_rubric(name)
        language = lang or rubric.language
        render = render_json if output_format == "json" else render_tree
        _emit(render(rubric, language), None)
        return EXIT_OK

    _guard(action)


@rubric_app.command("init")
def rubric_init(
    folder: Annotated[Path, typer.Argument(help="Folder tujuan. / Target folder.")] = Path("."),
    force: Annotated[
        bool, typer.Option("--force", help="Timpa berkas yang ada. / Overwrite.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Tulis rubrik awal dan .smartcity-audit.yaml. / Write a starter rubric and configuration."""

    def action() -> int:
        from importlib import resources

        from smartcity_audit.output import write_atomic

        _State.lang = _check_lang(lang) or _State.lang
        templates = resources.files("smartcity_audit.templates")
        targets = [
            (folder / "rubric.yaml", "rubric.yaml"),
            (folder / ".smartcity-audit.yaml", "config.yaml"),
        ]
        if not force:
            for target, _ in targets:
                if target.exists():
                    raise UsageError("error.exists", {"path": target.as_posix()})
        for target, template in targets:
            write_atomic(target, templates.joinpath(template).read_bytes())
            _err(tr(_State.lang, "msg.written", {"path": target.as_posix()}))
        return EXIT_OK

    _guard(action)


@rubric_app.command("test")
def rubric_test(
    rubric_path: Annotated[Path, typer.Argument(help="Berkas rubrik. / Rubric file.")],
    fixtures: Annotated[
        Path | None,
        typer.Argument(help="Folder kasus (bawaan: NAMA.tests/ di samping rubrik). / Case folder."),
    ] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="YYYY-MM-DD")] = None,
    lang: LangOption = None,
) -> None:
    """Uji rubrik terhadap folder kasus berisi status yang diharapkan. / Test a rubric against cases."""
    _guard(lambda: _rubric_test(rubric_path, fixtures, as_of, lang))


def _rubric_test(
    rubric_path: Path, fixtures: Path | None, as_of_text: str | None, lang: str | None
) -> int:
    from smartcity_audit.rubric import load_rubric
    from smartcity_audit.rubrictest import default_fixtures, run_cases

    _State.lang = _check_lang(lang) or _State.lang
    rubric = load_rubric(str(rubric_path))
    language = lang or rubric.language
    as_of = _parse_date("--as-of", as_of_text) if as_of_text else dt.date.today()
    results = run_cases(rubric, fixtures or default_fixtures(rubric_path), as_of)
    for result in results:
        if result.passed:
            typer.echo(
                tr(language, "msg.case_passed", {"name": result.name, "count": result.checked})
            )
            continue
        typer.echo(tr(language, "msg.case_failed", {"name": result.name}))
        for mismatch in result.mismatches:
            params = {
                "id": mismatch.requirement,
                "expected": tr(language, f"status.{mismatch.expected.value}"),
                "actual": tr(language, f"status.{mismatch.actual.value}"),
            }
            typer.echo("    " + tr(language, "msg.mismatch", params))
            for reason in mismatch.finding.reasons:
                typer.echo("      - " + render(reason, language))
    failed = sum(not r.passed for r in results)
    typer.echo(
        tr(language, "msg.cases_summary", {"passed": len(results) - failed, "failed": failed})
    )
    return EXIT_GATE if failed else EXIT_OK


cache_app = typer.Typer(
    help="Cache teks hasil ekstraksi. / The extraction cache.", no_args_is_help=True
)
app.add_typer(cache_app, name="cache")
CacheDirOption = Annotated[
    Path | None,
    typer.Option("--cache-dir", envvar=ENV + "CACHE_DIR", help="Folder cache. / Cache folder."),
]


@cache_app.command("info")
def cache_info(cache_dir: CacheDirOption = None, lang: LangOption = None) -> None:
    """Tampilkan lokasi dan ukuran cache. / Show where the cache is and how big."""

    def action() -> int:
        from smartcity_audit.cache import ExtractionCache, default_folder

        _State.lang = _check_lang(lang) or _State.lang
        with ExtractionCache(cache_dir or default_folder()) as cache:
            info = cache.info()
        params = {
            "path": info.path,
            "documents": info.documents,
            "files": info.files,
            "size": _size(info.bytes),
            "max": _size(info.max_bytes),
        }
        typer.echo(tr(_State.lang, "msg.cache_info", params))
        return EXIT_OK

    _guard(action)


@cache_app.command("clear")
def cache_clear(cache_dir: CacheDirOption = None, lang: LangOption = None) -> None:
    """Kosongkan cache. / Empty the cache."""

    def action() -> int:
        from smartcity_audit.cache import ExtractionCache, default_folder

        _State.lang = _check_lang(lang) or _State.lang
        with ExtractionCache(cache_dir or default_folder()) as cache:
            cache.clear()
            typer.echo(tr(_State.lang, "msg.cache_cleared", {"path": str(cache.path)}))
        return EXIT_OK

    _guard(action)


def _size(value: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024  # type: ignore[assignment]
    return str(value)


@rubric_app.command("schema")
def rubric_schema() -> None:
    """Cetak JSON Schema format rubrik. / Print the JSON Schema of the rubric format."""

    def action() -> int:
        from importlib import resources

        from smartcity_audit.rubric import SCHEMA_NAME

        text = (
            resources.files("smartcity_audit.schemas")
            .joinpath(SCHEMA_NAME)
            .read_text(encoding="utf-8")
        )
        _emit(text.encode("utf-8"), None)
        return EXIT_OK

    _guard(action)


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    gc.set_threshold(*GC_THRESHOLD)
    try:
        app(args=argv, prog_name="smartcity-audit", standalone_mode=True)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else EXIT_USAGE)
    return EXIT_OK


def run() -> None:
    """Run as a program (the ``smartcity-audit`` command, ``python -m smartcity_audit``).

    Exits without tearing down the objects of the scan one by one, which took a third of a
    second after a rescan of 10,000 documents: every file is written and closed, and the
    workers have stopped, by the time ``main`` returns. Output streams are flushed first.
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe ("| head")
            stream.flush()
    os._exit(code)
