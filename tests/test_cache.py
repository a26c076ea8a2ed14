"""The extraction cache: hits, misses, invalidation, corruption, concurrency, CLI."""

from __future__ import annotations

import json
import os
import shutil
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
from smartcity_audit.engine import extract_sequentially
from smartcity_audit.extractors import ExtractOptions

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "contoh"
runner = CliRunner()


class CountingExtractor:
    """Extract in process and remember which files were read."""

    def __init__(self) -> None:
        self.read: list[str] = []

    def __call__(self, refs, options):  # type: ignore[no-untyped-def]
        self.read.extend(ref.path for ref in refs)
        return extract_sequentially(refs, options)


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
