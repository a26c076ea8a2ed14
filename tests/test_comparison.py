"""Comparing audits: diff output, baseline gates, dimension gates, CI conveniences."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_audit import cli
from smartcity_audit.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "contoh"
PERBUP = "01-tata-kelola/Perbup_27_2022_Masterplan_SC.pdf"
runner = CliRunner()


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli._State, "lang", "en")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Return an evidence folder, its baseline report, and a changed copy's folder."""
    evidence = tmp_path / "bukti"
    shutil.copytree(EXAMPLE, evidence)
    baseline = tmp_path / "baseline.json"
    assert (
        runner.invoke(app, ["scan", str(evidence), "-f", "json", "-o", str(baseline)]).exit_code
        == 0
    )
    return evidence, baseline, tmp_path


def test_unchanged_folder_passes_against_its_baseline(folders: tuple[Path, Path, Path]) -> None:
    evidence, baseline, _ = folders
    result = runner.invoke(
        app, ["scan", str(evidence), "--baseline", str(baseline), "--fail-on", "minor"]
    )
    assert result.exit_code == 0, result.output  # absolute gates give way to the baseline


def test_removed_document_fails_naming_the_requirement(folders: tuple[Path, Path, Path]) -> None:
    evidence, baseline, _ = folders
    (evidence / PERBUP).unlink()
    result = runner.invoke(
        app, ["scan", str(evidence), "--baseline", str(baseline), "--lang", "en"]
    )
    assert result.exit_code == 1
    assert "error: 1 requirement(s) got worse than in the baseline: GOV-02" in result.stderr


def test_score_drop_beyond_tolerance_fails(folders: tuple[Path, Path, Path]) -> None:
    evidence, baseline, _ = folders
    data = json.loads(baseline.read_text(encoding="utf-8"))
    data["overall"]["score"] = 0.9  # pretend the baseline scored 90%
    baseline.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(
        app, ["scan", str(evidence), "--baseline", str(baseline), "--lang", "en"]
    )
    assert result.exit_code == 1
    assert (
        "the overall score dropped 63.3 points below the baseline (tolerance 0.5)" in result.stderr
    )
    lenient = runner.invoke(
        app, ["scan", str(evidence), "--baseline", str(baseline), "--baseline-tolerance", "70"]
    )
    assert lenient.exit_code == 0


def test_diff_names_progress_and_regressions(folders: tuple[Path, Path, Path]) -> None:
    evidence, baseline, tmp = folders
    (evidence / PERBUP).unlink()
    newer = tmp / "new.json"
    runner.invoke(app, ["scan", str(evidence), "-f", "json", "-o", str(newer)])
    text = runner.invoke(app, ["diff", str(baseline), str(newer), "--lang", "en"])
    assert text.exit_code == 0
    assert "Regressed (1)" in text.stdout and "GOV-02" in text.stdout
    data = json.loads(runner.invoke(app, ["diff", str(baseline), str(newer), "-f", "json"]).stdout)
    gov02 = next(r for r in data["requirements"] if r["id"] == "GOV-02")
    assert (gov02["old"], gov02["new"], gov02["change"], gov02["new_gap"]) == (
        "complete",
        "missing",
        "regressed",
        True,
    )
    assert data["overall"]["delta"] < 0
    markdown = runner.invoke(
        app, ["diff", str(baseline), str(newer), "-f", "markdown", "--lang", "en"]
    )
    assert "### New gaps (1)" in markdown.stdout


def test_diff_of_identical_audits(folders: tuple[Path, Path, Path]) -> None:
    _, baseline, _ = folders
    result = runner.invoke(app, ["diff", str(baseline), str(baseline), "--lang", "en"])
    assert result.exit_code == 0 and "No changes." in result.stdout


def test_dimension_minimum(tmp_path: Path) -> None:
    evidence = tmp_path / "bukti"
    shutil.copytree(EXAMPLE, evidence)
    config = evidence / ".smartcity-audit.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "fail_under_dimension: {society: 60}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["scan", str(evidence), "--lang", "en"])
    assert result.exit_code == 1
    assert "error: dimension society scores 16.7%, below the threshold 60.0%" in result.stderr
    config.write_text(
        config.read_text(encoding="utf-8").replace("society", "sosial"), encoding="utf-8"
    )
    unknown = runner.invoke(app, ["scan", str(evidence), "--lang", "en"])
    assert (
        unknown.exit_code == 2 and "dimension 'sosial' is not in rubric starter" in unknown.stderr
    )


def test_same_folder_gives_the_same_bytes(tmp_path: Path) -> None:
    for fmt in ("json", "sarif", "junit", "markdown", "csv", "github", "terminal", "html"):
        first, second = tmp_path / f"1.{fmt}", tmp_path / f"2.{fmt}"
        runner.invoke(app, ["scan", str(EXAMPLE), "-f", fmt, "-o", str(first)])
        runner.invoke(app, ["scan", str(EXAMPLE), "-f", fmt, "-o", str(second)])
        assert first.read_bytes() == second.read_bytes(), fmt


def test_source_date_epoch_sets_the_audit_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "kosong").mkdir()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1730678400")  # 2024-11-04
    result = runner.invoke(
        app, ["scan", str(tmp_path / "kosong"), "-f", "json", "--rubric", "starter"]
    )
    assert json.loads(result.stdout)["as_of"] == "2024-11-04"


def test_github_step_summary_is_appended(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert runner.invoke(app, ["scan", str(EXAMPLE)]).exit_code == 0
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# earlier step\n## ")


def test_github_annotations_escape_names() -> None:
    from smartcity_audit.reports.github import escape_data, escape_property

    assert escape_property("a,b:c%\n::error::x") == "a%2Cb%3Ac%25%0A%3A%3Aerror%3A%3Ax"
    assert escape_data("50%\r\nnext") == "50%25\\x0d%0Anext"  # control characters shown, never sent
    result = runner.invoke(app, ["scan", str(EXAMPLE), "-f", "github", "--lang", "en"])
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::warning file=") and "GOV-03" in lines[0]
    assert lines[-1].startswith("::notice title=ENV-01")
