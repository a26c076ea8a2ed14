"""Scan a folder of hostile files with the real CLI and check what it promises about them.

The folder (built by ``tests/hostile.py``) holds decompression bombs, XXE and billion-laughs
DOCX files, broken and encrypted PDFs, symbolic-link loops, a name that is not UTF-8, an empty
file, a 1,250-page PDF and files whose names are markup or terminal escapes. One scan writes
every report format outside the folder; the tests then check that every file is reported once
with the right problem, that nothing unreadable counts as evidence, that the XXE secret leaks
nowhere, that hostile names are escaped in every format, that memory stays bounded and that the
folder is left exactly as it was.

The CLI runs in a subprocess with a timeout, so a hang fails the test instead of blocking it.
Its extraction cache goes to a temporary folder (``XDG_CACHE_HOME``), so the scan neither reads
nor pollutes the user's cache.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import signal
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import hostile
import pytest

SCAN_TIMEOUT = 180  # seconds for one whole scan; a real one takes a few seconds
# Peak resident memory of the largest process of the scan's tree (the CLI or one worker).
# Workers run under --memory-per-file 1024 (RLIMIT_AS), so no worker can exceed ~1 GB; the
# parent holds only the extracted text. A scan of this folder peaks at ~0.2 GB.
MAX_RSS_BYTES = 1536 * 1024 * 1024
ESC = b"\x1b"
TEXT_FORMATS = ("json", "markdown", "html", "sarif", "junit", "csv", "terminal", "github")
ALL_FORMATS = (*TEXT_FORMATS, "docx")
SUFFIX = {
    "json": "json",
    "markdown": "md",
    "html": "html",
    "sarif": "sarif",
    "junit": "xml",
    "csv": "csv",
    "terminal": "txt",
    "github": "txt",
    "docx": "docx",
}

# Runs the scan as its only child and reports that child tree's peak RSS (Linux: kilobytes).
# Measuring in pytest itself would include every earlier subprocess of the test session.
_RSS_WRAPPER = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
with open(sys.argv[1], "w") as out:
    out.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""


@dataclass
class Run:
    """One finished CLI run: exit code, streams, the reports it wrote and its peak memory."""

    code: int
    stdout: bytes
    stderr: bytes
    reports: dict[str, bytes]
    max_rss_kb: int | None

    def report(self, fmt: str) -> bytes:
        """Return one report's bytes (failing with the CLI's stderr when it was not written)."""
        stderr = self.stderr.decode("utf-8", "replace")
        assert fmt in self.reports, f"exit {self.code}, no {fmt} report; stderr:\n{stderr}"
        return self.reports[fmt]

    @property
    def result(self) -> dict[str, Any]:
        """Return the parsed JSON report."""
        data: dict[str, Any] = json.loads(self.report("json"))
        return data

    @property
    def documents(self) -> dict[str, dict[str, Any]]:
        """Return the JSON report's documents by path."""
        return {d["path"]: d for d in self.result["documents"]}


def _environment(cache: Path) -> dict[str, str]:
    """Return this environment without smartcity-audit settings, with a private cache folder."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("SMARTCITY_AUDIT_") and k != "GITHUB_STEP_SUMMARY"
    }
    env.update({"XDG_CACHE_HOME": str(cache), "PYTHONIOENCODING": "utf-8", "COLUMNS": "100"})
    return env


def _run_cli(
    args: list[str], cwd: Path, *, measure: Path | None = None
) -> tuple[int, bytes, bytes]:
    """Run ``python -m smartcity_audit ARGS``; kill its whole process group on timeout."""
    command = [sys.executable, "-m", "smartcity_audit", *args]
    if measure is not None:
        command = [sys.executable, "-c", _RSS_WRAPPER, str(measure), *command]
    posix = os.name == "posix"
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=_environment(cwd / "cache"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=posix,
    )
    try:
        stdout, stderr = process.communicate(timeout=SCAN_TIMEOUT)
    except subprocess.TimeoutExpired:
        if posix:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        process.communicate()
        pytest.fail(f"the scan did not finish within {SCAN_TIMEOUT} s: {args}")
    return process.returncode, stdout, stderr


def scan(evidence: Path, out: Path, *extra: str, formats: tuple[str, ...] = ALL_FORMATS) -> Run:
    """Scan ``evidence`` with the starter rubric, writing each format into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {fmt: out / f"laporan-{fmt}.{SUFFIX[fmt]}" for fmt in formats}
    args = [
        "scan",
        str(evidence),
        "--rubric",
        "starter",
        "--as-of",
        "2024-11-04",
        "--format",
        "json",
        "--output",
        str(paths["json"]),
        "--jobs",
        "2",
        "--timeout-per-file",
        "20",
        "--memory-per-file",
        "1024",
        "--max-pages",
        "2000",
        *[f"--report={fmt}:{paths[fmt]}" for fmt in formats if fmt != "json"],
        *extra,
    ]
    measure = out / "max-rss-kb" if sys.platform.startswith("linux") else None
    code, stdout, stderr = _run_cli(args, evidence.parent, measure=measure)
    reports = {fmt: path.read_bytes() for fmt, path in paths.items() if path.exists()}
    rss = int(measure.read_text()) if measure is not None and measure.exists() else None
    return Run(code, stdout, stderr, reports, rss)


def snapshot(root: Path) -> dict[bytes, tuple[Any, ...]]:
    """Record every entry below ``root`` without following links: type, size, mtime, content."""
    state: dict[bytes, tuple[Any, ...]] = {}
    base = os.fsencode(root)
    for folder, dirs, files in os.walk(base, followlinks=False):
        for name in dirs + files:
            path = os.path.join(folder, name)
            st = os.lstat(path)
            if os.path.islink(path):
                detail: Any = os.readlink(path)
            elif os.path.isfile(path):
                with open(path, "rb") as stream:
                    detail = hashlib.sha256(stream.read()).hexdigest()
            else:
                detail = None
            state[os.path.relpath(path, base)] = (st.st_mode, st.st_size, st.st_mtime_ns, detail)
    st = os.lstat(base)
    state[b"."] = (st.st_mode, st.st_mtime_ns)
    return state


@dataclass
class Hostile:
    """The hostile folder, what each file must be reported as, and the main scan of it."""

    evidence: Path
    secret: Path
    expected: dict[str, hostile.Expected]
    before: dict[bytes, tuple[Any, ...]]
    run: Run


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    """Build the hostile folder and scan it once with every report format."""
    base = tmp_path_factory.mktemp("hostile")
    evidence = base / "bukti"
    expected = hostile.build_hostile_folder(evidence, base / "rahasia")
    before = snapshot(evidence)
    run = scan(evidence, base / "laporan")
    return Hostile(evidence, base / "rahasia" / "rahasia.txt", expected, before, run)


def _all_output(run: Run) -> dict[str, bytes]:
    """Every text the scan produced: streams, text reports, and the XML parts of the DOCX."""
    texts = {"stdout": run.stdout, "stderr": run.stderr}
    for fmt, data in run.reports.items():
        if fmt == "docx":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for name in archive.namelist():
                    if name.endswith((".xml", ".rels")):  # text parts, not images
                        texts[f"docx:{name}"] = archive.read(name)
        else:
            texts[fmt] = data
    return texts


# --- the scan itself --------------------------------------------------------------------------


def test_the_scan_ends_normally_with_every_report(folder: Hostile) -> None:
    run = folder.run
    assert run.code in (0, 1), run.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in run.stderr
    assert set(run.reports) == set(ALL_FORMATS)


def test_every_visible_file_is_reported_once_with_the_right_problem(folder: Hostile) -> None:
    listed = [d["path"] for d in folder.run.result["documents"]]
    assert len(listed) == len(set(listed)), "a file is listed twice"
    assert set(listed) == set(folder.expected)
    documents = folder.run.documents
    wrong = {}
    for path, expected in folder.expected.items():
        document = documents[path]
        codes = [p["code"] for p in document["problems"]]
        if not expected.accepts(codes, document["readable"]):
            want = [expected.code, *expected.also]
            wrong[path] = (codes, document["readable"], want, expected.why)
        elif expected.pages is not None and document["pages"] != expected.pages:
            wrong[path] = (f"{document['pages']} pages", expected.pages)
    assert not wrong, wrong


def test_hostile_names_are_candidates_of_their_requirement(folder: Hostile) -> None:
    requirements = {r["id"]: r for r in folder.run.result["requirements"]}
    for path, expected in folder.expected.items():
        if expected.requirement:
            candidates = [c["path"] for c in requirements[expected.requirement]["candidates"]]
            assert path in candidates, (path, expected.requirement, candidates)


def test_no_unreadable_document_counts_as_evidence(folder: Hostile) -> None:
    result = folder.run.result
    unreadable = {d["path"] for d in result["documents"] if not d["readable"]}
    must_fail = {p for p, e in folder.expected.items() if None not in (e.code, *e.also)}
    assert unreadable >= must_fail
    for requirement in result["requirements"]:
        evidence = {e["path"] for e in requirement["evidence"]}
        assert not evidence & unreadable, requirement["id"]
        for candidate in requirement["candidates"]:
            if candidate["path"] in unreadable:
                assert not candidate["passed"], (requirement["id"], candidate["path"])
        if requirement["status"] == "complete":
            assert evidence, requirement["id"]
    # Only the one genuine report (the waste report with a markup title) is complete.
    complete = [r["id"] for r in result["requirements"] if r["status"] == "complete"]
    assert complete == ["ENV-01"]


def test_a_lower_page_cap_reports_page_limit_for_the_long_pdf_only(
    folder: Hostile, tmp_path: Path
) -> None:
    run = scan(folder.evidence, tmp_path, "--max-pages", "1000", formats=("json",))
    assert run.code in (0, 1), run.stderr.decode("utf-8", "replace")
    limited = {
        path: [p["code"] for p in d["problems"]]
        for path, d in run.documents.items()
        if any(p["code"] == "page_limit" for p in d["problems"])
    }
    assert limited == {"pdf/lampiran-1250-halaman.pdf": ["page_limit"]}
    big = run.documents["pdf/lampiran-1250-halaman.pdf"]
    assert big["readable"]
    assert big["pages"] == hostile.BIG_PDF_PAGES  # the real count, though only 1000 were read
    assert big["problems"][0]["pages"] == hostile.BIG_PDF_PAGES


# --- leaks and escaping -----------------------------------------------------------------------


def test_the_xxe_secret_appears_in_no_output(folder: Hostile) -> None:
    assert hostile.SECRET in folder.secret.read_text(encoding="utf-8")  # the bait is there
    leaks = [name for name, data in _all_output(folder.run).items() if b"RAHASIA-XXE" in data]
    assert not leaks
    xxe = folder.run.documents["xml/xxe.docx"]
    assert xxe["readable"]
    assert xxe["words"] < 20  # "Awal akhir" and one sentence; nothing was pulled in


def test_no_raw_escape_byte_in_any_output(folder: Hostile) -> None:
    dirty = [name for name, data in _all_output(folder.run).items() if ESC in data]
    assert not dirty


def test_html_escapes_names_and_excerpts(folder: Hostile) -> None:
    html = folder.run.report("html").decode("utf-8")
    lowered = html.lower()
    assert "<script" not in lowered
    assert "<img" not in lowered
    assert "javascript:" not in re.sub(r">[^<]*<", "><", lowered), "javascript: inside a tag"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.pdf" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html  # the excerpt of the title block
    assert "merah.pdf" in html
    assert "](javascript:alert(1)).pdf" in html  # plain text in HTML
    assert "default-src 'none'" in html  # and a policy that would stop a script anyway


def test_markdown_escapes_names(folder: Hostile) -> None:
    markdown = folder.run.report("markdown").decode("utf-8")
    assert "<script" not in markdown.lower()
    assert "<img" not in markdown.lower()
    assert "](" not in markdown, "a live Markdown link"
    assert re.search(r"\\\]\\\(javascript:alert\\\(1\\\)\\\)\.pdf", markdown)
    assert "merah.pdf" in markdown
    # A line break in a name must not start a new Markdown line (a new list item or heading).
    assert not any(line.lstrip().startswith("baru | kolom") for line in markdown.splitlines())


def test_terminal_report_escapes_names(folder: Hostile) -> None:
    terminal = folder.run.report("terminal").decode("utf-8")
    assert "\\x1b[31mmerah.pdf" in terminal
    assert "<script>alert(1)</script>.pdf" in terminal  # plain text is fine on a terminal
    # A name must not be able to print a line of its own (a forged verdict, say).
    forged = [line for line in terminal.splitlines() if line.lstrip().startswith("baru | kolom")]
    assert not forged, forged


def test_junit_is_valid_xml_and_keeps_names_as_text(folder: Hostile) -> None:
    data = folder.run.report("junit")
    root = ElementTree.fromstring(data)
    assert not [e for e in root.iter() if e.tag.lower() in ("script", "img")]
    assert b"<script" not in data.lower()
    text = " ".join(e.text or "" for e in root.iter()) + " ".join(
        v for e in root.iter() for v in e.attrib.values()
    )
    assert "<script>alert(1)</script>.pdf" in text  # as text, after XML unescaping
    assert "\x1b" not in text


def _strings(value: Any, key: str | None = None) -> list[str]:
    """Return every string in a JSON value (or only those stored under ``key``)."""
    if isinstance(value, dict):
        return [
            found
            for k, v in value.items()
            for found in ([v] if isinstance(v, str) and key in (None, k) else _strings(v, key))
        ]
    if isinstance(value, list):
        return [found for item in value for found in _strings(item, key)]
    return [value] if isinstance(value, str) and key is None else []


def test_sarif_strings_carry_no_control_characters(folder: Hostile) -> None:
    sarif = json.loads(folder.run.report("sarif"))
    assert sarif["version"] == "2.1.0"
    every = _strings(sarif)
    assert not [s for s in every if "\x1b" in s], "an ESC survives JSON decoding"
    assert any("merah.pdf" in s for s in every)
    # GitHub renders message.markdown: a hostile name there must not become a live link.
    markdown = _strings(sarif, "markdown")
    assert not [m for m in markdown if re.search(r"(?<!\\)\]\(javascript", m)]


def test_csv_neutralises_formulas(folder: Hostile) -> None:
    text = folder.run.report("csv").decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "@"))]
    assert any(c.startswith("'=HYPERLINK(1)+cmd.pdf") for c in cells)


def test_github_annotations_stay_one_per_line(folder: Hostile) -> None:
    lines = folder.run.report("github").decode("utf-8").splitlines()
    assert lines
    assert all(line.startswith("::") for line in lines), lines


# --- resources and the evidence folder ----------------------------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ru_maxrss is kB on Linux only")
def test_peak_memory_of_the_scan_is_bounded(folder: Hostile) -> None:
    assert folder.run.max_rss_kb is not None
    assert folder.run.max_rss_kb * 1024 < MAX_RSS_BYTES, f"{folder.run.max_rss_kb} kB"


def test_the_evidence_folder_is_left_exactly_as_it_was(folder: Hostile) -> None:
    # Taken after the main scan (every format) and any other scan of this module; whatever
    # the scans' outcome, the folder must be untouched.
    after = snapshot(folder.evidence)
    assert after.keys() == folder.before.keys(), "a file was added or removed"
    changed = [path for path in after if after[path] != folder.before[path]]
    assert not changed


def test_a_name_that_is_not_utf8_survives_the_extraction_cache(tmp_path: Path) -> None:
    # The smallest reproduction of what breaks the hostile scan: the cache keys files by path.
    evidence = tmp_path / "bukti"
    evidence.mkdir()
    if not hostile.non_utf8_name(
        evidence, b"laporan-\xff.pdf", hostile.text_pdf_bytes([[*hostile.FILLER]])
    ):
        pytest.skip("this platform or file system refuses names that are not UTF-8")
    for attempt in ("first", "second"):  # the second scan reads from the cache
        run = scan(evidence, tmp_path / attempt, formats=("json",))
        assert run.code in (0, 1), run.stderr.decode("utf-8", "replace")
        assert [d["path"] for d in run.result["documents"]] == ["laporan-\\xff.pdf"]
        assert run.result["documents"][0]["readable"]


@pytest.mark.parametrize("inside", ["--output", "--report"])
def test_a_report_inside_the_evidence_folder_is_refused(
    folder: Hostile, tmp_path: Path, inside: str
) -> None:
    target = folder.evidence / "laporan.html"
    option = (
        ["--format", "html", "--output", str(target)]
        if inside == "--output"
        else ["--format", "json", "--output", str(tmp_path / "r.json"), f"--report=html:{target}"]
    )
    args = ["scan", str(folder.evidence), "--rubric", "starter", "--as-of", "2024-11-04"]
    code, _, stderr = _run_cli([*args, *option], tmp_path)
    assert code == 2, stderr
    assert b"Traceback" not in stderr
    assert not target.exists()
    assert snapshot(folder.evidence) == folder.before
