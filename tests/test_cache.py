"""The extraction cache: hits, misses, invalidation, corruption, concurrency, CLI."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import docgen
import pytest
from typer.testing import CliRunner

from smartcity_audit import cli
from smartcity_audit.cache import ExtractionCache, engine_key
from smartcity_audit.cli import app
from smartcity_audit.discovery import discover
from smartcity_audit.engine import AuditRequest, evaluate, extract_sequentially
from smartcity_audit.extractors import ExtractOptions
from smartcity_audit.model import AuditResult
from smartcity_audit.rubric import load_rubric

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "contoh"
runner = CliRunner()


class CountingExtractor:
    """Extract in process and remember which files were read."""

    def __init__(self) -> None:
        self.read: list[str] = []

    def __call__(self, refs, options, on_document=None):  # type: ignore[no-untyped-def]
        self.read.extend(ref.path for ref in refs)
        return extract_sequentially(refs, options, on_document)


@pytest.fixture
def evidence(tmp_path: Path) -> Path:
    folder = tmp_path / "bukti"
    shutil.copytree(EXAMPLE, folder)
    return folder


def _scan(cache: ExtractionCache, folder: Path) -> tuple[list, CountingExtractor]:  # type: ignore[type-arg]
    counting = CountingExtractor()
    return cache.extract_all(discover(folder), ExtractOptions(), counting), counting


def test_second_scan_reads_nothing_and_gives_the_same_documents(
    evidence: Path, tmp_path: Path
) -> None:
    with ExtractionCache(tmp_path / "cache") as cache:
        first, cold = _scan(cache, evidence)
        second, warm = _scan(cache, evidence)
        # Compared while the cache is open: the pages of ``second`` are read from it.
        assert first == second == extract_sequentially(discover(evidence), ExtractOptions())
    readable = [d.path for d in first if d.format.readable and not d.path.endswith(".xlsx")]
    assert set(readable) <= set(cold.read)
    assert warm.read == ["02-ekonomi/Anggaran APBD 2024.xlsx"]  # unreadable files are never cached


def test_a_changed_file_is_read_again_and_only_it(evidence: Path, tmp_path: Path) -> None:
    with ExtractionCache(tmp_path / "cache") as cache:
        _scan(cache, evidence)
        target = evidence / "01-tata-kelola" / "Perbup_27_2022_Masterplan_SC.pdf"
        docgen.write_pdf(
            target, docgen.Doc(["LAPORAN SURVEI BARU", "Isi yang belum pernah dibaca."])
        )
        documents, counting = _scan(cache, evidence)
    assert "01-tata-kelola/Perbup_27_2022_Masterplan_SC.pdf" in counting.read
    assert len([p for p in counting.read if not p.endswith(".xlsx")]) == 1
    changed = next(d for d in documents if d.path.endswith("Perbup_27_2022_Masterplan_SC.pdf"))
    assert "SURVEI" in changed.title.upper()


def test_a_touched_but_unchanged_file_is_hashed_not_read(evidence: Path, tmp_path: Path) -> None:
    with ExtractionCache(tmp_path / "cache") as cache:
        _scan(cache, evidence)
        target = evidence / "01-tata-kelola" / "Perbup_27_2022_Masterplan_SC.pdf"
        os.utime(target, ns=(target.stat().st_atime_ns, target.stat().st_mtime_ns + 10**9))
        _, counting = _scan(cache, evidence)
    assert [p for p in counting.read if not p.endswith(".xlsx")] == []


def test_same_content_at_another_path_is_a_hit_with_the_new_path(
    evidence: Path, tmp_path: Path
) -> None:
    with ExtractionCache(tmp_path / "cache") as cache:
        _scan(cache, evidence)
        shutil.move(str(evidence / "05-masyarakat"), str(evidence / "05-society"))
        documents, counting = _scan(cache, evidence)
    assert not [p for p in counting.read if not p.endswith(".xlsx")]
    assert "05-society/Laporan Survei 2021.pdf" in [d.path for d in documents]


def test_other_extraction_options_do_not_share_entries() -> None:
    assert engine_key(ExtractOptions()) != engine_key(ExtractOptions(max_pages=10))


def test_a_corrupt_cache_is_rebuilt_with_a_warning(evidence: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / "extraction-cache.sqlite3").write_bytes(b"bukan basis data" * 100)
    with ExtractionCache(folder) as cache:
        documents, _ = _scan(cache, evidence)
        assert [code for code, _ in cache.warnings] == ["warning.cache_rebuilt"]
    assert documents == extract_sequentially(discover(evidence), ExtractOptions())
    assert (folder / "extraction-cache.sqlite3.corrupt").exists()


def test_a_damaged_entry_is_read_again(evidence: Path, tmp_path: Path) -> None:
    with ExtractionCache(tmp_path / "cache") as cache:
        _scan(cache, evidence)
        cache._db.execute("UPDATE documents SET data = x'00'")
        documents, counting = _scan(cache, evidence)
    assert documents == extract_sequentially(discover(evidence), ExtractOptions())
    assert len(counting.read) > 1


def test_pruning_keeps_the_cache_under_its_cap(evidence: Path, tmp_path: Path) -> None:
    with ExtractionCache(tmp_path / "cache", max_bytes=2000) as cache:
        _scan(cache, evidence)
        assert cache.info().bytes <= 2000


def test_two_scans_at_once_share_one_cache(evidence: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    command = [sys.executable, "-m", "smartcity_audit", "scan", str(evidence), "--cache-dir", str(folder),
               "--format", "json", "--jobs", "1"]  # fmt: skip
    scans = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)
    ]
    outputs = [scan.communicate(timeout=300) for scan in scans]
    assert [scan.returncode for scan in scans] == [0, 0], outputs
    first, second = (json.loads(out) for out, _ in outputs)
    assert first == second
    with ExtractionCache(folder) as cache:
        assert cache.info().documents == 5  # the readable-format files outside arsip/


def test_cli_cache_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli._State, "lang", "en")
    folder = tmp_path / "cache"
    assert (
        runner.invoke(
            app, ["scan", str(EXAMPLE), "--cache-dir", str(folder), "--jobs", "0"]
        ).exit_code
        == 0
    )
    info = runner.invoke(app, ["cache", "info", "--cache-dir", str(folder), "--lang", "en"])
    assert info.exit_code == 0 and "documents: 5" in info.stdout
    cleared = runner.invoke(app, ["cache", "clear", "--cache-dir", str(folder), "--lang", "en"])
    assert cleared.exit_code == 0
    info = runner.invoke(app, ["cache", "info", "--cache-dir", str(folder), "--lang", "en"])
    assert "documents: 0" in info.stdout


def test_the_cache_never_lives_in_the_evidence_folder(evidence: Path) -> None:
    result = runner.invoke(
        app, ["scan", str(evidence), "--cache-dir", str(evidence / ".cache"), "--lang", "en"]
    )
    assert result.exit_code == 2
    assert "the cache folder must not be inside the evidence folder" in result.stderr
    assert not (evidence / ".cache").exists()


def _audit(cache: ExtractionCache, folder: Path, rubric: str = "gm100sc") -> AuditResult:
    documents = cache.extract_all(discover(folder), ExtractOptions(), extract_sequentially)
    request = AuditRequest(root=folder, rubric=load_rubric(rubric), as_of=dt.date(2024, 11, 4))
    result = evaluate(request, documents, cache.text_search)
    cache.save_phrases()
    return result


def _text_read(cache: ExtractionCache) -> list[str]:
    """Return the paths whose page text was read from the cache during this scan."""
    return [
        path
        for path, entry in cache._entries.items()
        if entry.search is not None and entry.search._texts is not None
    ]


def test_a_rescan_with_the_same_rubric_reads_no_text_and_judges_the_same(
    evidence: Path, tmp_path: Path
) -> None:
    """Phrase answers (and excerpts) are remembered per document: no page is read again."""
    with ExtractionCache(tmp_path / "cache") as cache:
        cold = _audit(cache, evidence)
    with ExtractionCache(tmp_path / "cache") as cache:
        warm = _audit(cache, evidence)
        assert _text_read(cache) == []
    assert warm == cold


def test_a_new_phrase_reads_the_text_once_and_is_remembered(evidence: Path, tmp_path: Path) -> None:
    """Another rubric asks other phrases: the cached text answers them, then the memo does."""
    with ExtractionCache(tmp_path / "cache") as cache:
        _audit(cache, evidence, "gm100sc")
    with ExtractionCache(tmp_path / "cache") as cache:
        first = _audit(cache, evidence, "buleleng")
        assert _text_read(cache)  # buleleng's programme phrases were never asked
    with ExtractionCache(tmp_path / "cache") as cache:
        again = _audit(cache, evidence, "buleleng")
        assert _text_read(cache) == []
    fresh = evaluate(
        AuditRequest(root=evidence, rubric=load_rubric("buleleng"), as_of=dt.date(2024, 11, 4)),
        extract_sequentially(discover(evidence), ExtractOptions()),
    )
    assert first == again == fresh


def test_text_pruned_by_another_scan_is_read_from_the_file(evidence: Path, tmp_path: Path) -> None:
    """If the stored text vanished meanwhile, the document is read again, not judged empty."""
    with ExtractionCache(tmp_path / "cache") as cache:
        _audit(cache, evidence, "gm100sc")
    with ExtractionCache(tmp_path / "cache") as cache:
        documents = cache.extract_all(discover(evidence), ExtractOptions(), extract_sequentially)
        cache._db.execute("DELETE FROM texts")
        assert documents == extract_sequentially(discover(evidence), ExtractOptions())


def test_a_cache_of_an_older_layout_is_emptied_not_misread(evidence: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    with ExtractionCache(folder) as cache:
        _scan(cache, evidence)
        cache._db.execute("PRAGMA user_version = 2")
    with ExtractionCache(folder) as cache:
        assert cache.info().documents == 0
        documents, counting = _scan(cache, evidence)
    assert len(counting.read) > 1
    assert documents == extract_sequentially(discover(evidence), ExtractOptions())


def test_documents_are_stored_as_they_are_read_so_an_interrupted_scan_keeps_them(
    evidence: Path, tmp_path: Path
) -> None:
    """A scan stopped halfway (Ctrl+C) has already cached what it read."""

    def two_then_stop(refs, options, on_document=None):  # type: ignore[no-untyped-def]
        for position, ref in enumerate(refs[:2]):
            assert on_document is not None
            on_document(position, extract_sequentially([ref], options)[0])
        raise KeyboardInterrupt

    with ExtractionCache(tmp_path / "cache") as cache:
        with pytest.raises(KeyboardInterrupt):
            cache.extract_all(discover(evidence), ExtractOptions(), two_then_stop)
        assert cache.info().documents == 2
        _, counting = _scan(cache, evidence)
    readable = [d for d in discover(evidence) if d.format.readable and d.problem is None]
    assert len(counting.read) == len(readable) - 2 + 1  # the rest, and the .xlsx as always


def test_a_cache_damaged_inside_is_set_aside_and_rebuilt(evidence: Path, tmp_path: Path) -> None:
    """Damage past the header (found only when pages are read) costs a rebuild, not the scan."""
    folder = tmp_path / "cache"
    with ExtractionCache(folder) as cache:
        _scan(cache, evidence)
        cache._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database = folder / "extraction-cache.sqlite3"
    data = bytearray(database.read_bytes())
    page = 4096
    for start in range(2 * page, len(data), page):  # every page after the schema's
        data[start : start + 64] = b"\xff" * 64
    database.write_bytes(bytes(data))
    with ExtractionCache(folder) as cache:
        documents, counting = _scan(cache, evidence)
        assert [code for code, _ in cache.warnings] == ["warning.cache_rebuilt"]
        assert len(counting.read) > 1
    assert documents == extract_sequentially(discover(evidence), ExtractOptions())
    assert (folder / "extraction-cache.sqlite3.corrupt").exists()


def test_an_error_that_is_not_damage_keeps_the_cache_file(tmp_path: Path) -> None:
    """A closed connection (an interrupted scan), a busy or a full disk discard nothing."""
    folder = tmp_path / "cache"
    cache = ExtractionCache(folder)
    cache.close()
    with pytest.raises(sqlite3.ProgrammingError):
        cache._transaction(lambda: None)
    assert not (folder / "extraction-cache.sqlite3.corrupt").exists()
    assert cache.warnings == []


def test_answers_from_a_text_read_again_are_not_remembered(evidence: Path, tmp_path: Path) -> None:
    """Text pruned meanwhile is read from the file, which may have changed: its phrase answers
    serve this scan only, never the memo of the content the cache knew."""
    with ExtractionCache(tmp_path / "cache") as cache:
        _audit(cache, evidence, "gm100sc")
    with ExtractionCache(tmp_path / "cache") as cache:
        cache._db.execute("DELETE FROM texts")
        before = dict(cache._db.execute("SELECT digest, data FROM phrases").fetchall())
        _audit(cache, evidence, "buleleng")  # new phrases: the text is needed, and read again
        after = dict(cache._db.execute("SELECT digest, data FROM phrases").fetchall())
        assert cache._unsaved
    assert before == after
