"""The rubric commands: list, show, init, test."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_audit import cli
from smartcity_audit.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


@pytest.fixture(autouse=True)
def _in_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(cli._State, "lang", "en")


def test_list_shows_every_bundled_rubric() -> None:
    result = runner.invoke(app, ["rubric", "list", "--lang", "en"])
    assert result.exit_code == 0
    rows = {
        line.split()[0]: line.split() for line in result.stdout.splitlines()[1:] if line.strip()
    }
    assert set(rows) == {"buleleng", "gm100sc", "starter"}
    assert rows["gm100sc"][-2:] == ["7", "57"]


def test_show_tree_groups_requirements() -> None:
    result = runner.invoke(app, ["rubric", "show", "gm100sc", "--lang", "en"])
    assert result.exit_code == 0
    assert "Smart Environment [environment]" in result.stdout
    assert "waste management" in result.stdout.lower()
    assert "IND-05" in result.stdout


def test_show_json_resolves_extends() -> None:
    result = runner.invoke(app, ["rubric", "show", "buleleng", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    ids = [r["id"] for d in data["dimensions"] for r in d["requirements"]]
    assert "IND-11" not in ids and "ENV-BLL-1" in ids and "GOV-P1" in ids
    ind05 = next(r for d in data["dimensions"] for r in d["requirements"] if r["id"] == "IND-05")
    assert ind05["require"]["text_all"] == ["buleleng"]


def test_init_writes_a_rubric_that_validates_and_scans(tmp_path: Path) -> None:
    result = runner.invoke(app, ["rubric", "init", str(tmp_path)])
    assert result.exit_code == 0
    assert (tmp_path / "rubric.yaml").is_file() and (tmp_path / ".smartcity-audit.yaml").is_file()
    assert runner.invoke(app, ["rubric", "validate", str(tmp_path / "rubric.yaml")]).exit_code == 0
    shutil.copy(
        ROOT / "examples" / "contoh" / "01-tata-kelola" / "Perbup_27_2022_Masterplan_SC.pdf",
        tmp_path,
    )
    scan = runner.invoke(app, ["scan", str(tmp_path), "--format", "json", "--lang", "en"])
    assert scan.exit_code == 1  # the starter config fails on the missing critical masterplan
    statuses = {r["id"]: r["status"] for r in json.loads(scan.stdout)["requirements"]}
    assert statuses == {"GOV-01": "missing", "GOV-02": "complete", "ENV-01": "missing"}


def test_init_never_overwrites_without_force(tmp_path: Path) -> None:
    (tmp_path / "rubric.yaml").write_text("mine\n", encoding="utf-8")
    result = runner.invoke(app, ["rubric", "init", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 2
    assert "already exists; not overwritten (use --force to overwrite)" in result.stderr
    assert (tmp_path / "rubric.yaml").read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / ".smartcity-audit.yaml").exists()
    assert runner.invoke(app, ["rubric", "init", str(tmp_path), "--force"]).exit_code == 0
    assert (tmp_path / "rubric.yaml").read_text(encoding="utf-8") != "mine\n"


def _case(folder: Path, expected: str) -> Path:
    case = folder / "contoh"
    shutil.copytree(ROOT / "examples" / "contoh", case)
    (case / ".expected.yaml").write_text(expected, encoding="utf-8")
    return folder


def test_rubric_test_passes_on_the_example() -> None:
    result = runner.invoke(
        app, ["rubric", "test", "rubrics/starter.yaml", "examples", "--lang", "en"]
    )
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["✓ contoh: 7 expectations hold", "1 passed, 0 failed"]


def test_rubric_test_fails_when_an_expectation_is_wrong(tmp_path: Path) -> None:
    fixtures = _case(tmp_path, "expect:\n  GOV-01: complete\n  ENV-01: complete\n")
    result = runner.invoke(
        app, ["rubric", "test", "rubrics/starter.yaml", str(fixtures), "--lang", "en"]
    )
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "✗ contoh:",
        "    ENV-01: expected complete, got missing",
        "      - no file matches this requirement",
        "0 passed, 1 failed",
    ]


def test_rubric_test_finds_cases_beside_the_rubric(tmp_path: Path) -> None:
    shutil.copy(ROOT / "rubrics" / "starter.yaml", tmp_path / "mine.yaml")
    _case(tmp_path / "mine.tests", "expect:\n  GOV-02: complete\n")
    result = runner.invoke(app, ["rubric", "test", str(tmp_path / "mine.yaml")])
    assert result.exit_code == 0, result.output


def test_rubric_test_refuses_unknown_requirements_and_empty_folders(tmp_path: Path) -> None:
    fixtures = _case(tmp_path / "cases", "expect:\n  GOV-99: complete\n")
    result = runner.invoke(
        app, ["rubric", "test", "rubrics/starter.yaml", str(fixtures), "--lang", "en"]
    )
    assert result.exit_code == 2
    expected_file = (fixtures / "contoh" / ".expected.yaml").as_posix()
    assert result.stderr.splitlines()[0] == (
        f"error: {expected_file}:2:3: expect.GOV-99: requirement 'GOV-99' is not in rubric starter"
    )
    empty = runner.invoke(
        app, ["rubric", "test", "rubrics/starter.yaml", str(tmp_path / "none"), "--lang", "en"]
    )
    assert empty.exit_code == 2
    assert "no test cases in" in empty.stderr
