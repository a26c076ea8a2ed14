"""The main example, examples/buleleng/: its audit verdicts, and that the generator makes it.

``examples/make_buleleng.py`` documents every file and every deliberate gap. The golden below
pins the status of every requirement of the ``buleleng`` rubric and, for each gap, why it is a
gap, so a change to the rubric, the scanner or the folder that moves a verdict shows up here.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from typer.testing import CliRunner

from smartcity_audit import cli
from smartcity_audit.cli import app
from smartcity_audit.discovery import discover
from smartcity_audit.extractors import extract
from smartcity_audit.model import Document

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "buleleng"
GENERATOR = ROOT / "examples" / "make_buleleng.py"
CONFIG = ".smartcity-audit.yaml"
runner = CliRunner()

# Every requirement of the rubric and its status on the committed folder.
STATUSES = {
    # Dokumen induk dan kelembagaan
    "IND-01": "complete",
    "IND-02": "complete",
    "IND-03": "complete",
    "IND-04": "complete",
    "IND-05": "complete",
    "IND-06": "missing",
    "IND-07": "incomplete",
    "IND-08": "unreadable",
    "IND-09": "complete",
    "IND-10": "complete",
    "IND-12": "incomplete",
    "IND-13": "unreadable",
    "IND-14": "incomplete",
    "IND-15": "complete",
    "IND-16": "complete",
    # Smart Governance
    "GOV-P1": "complete",
    "GOV-P2": "complete",
    "GOV-P3": "missing",
    "GOV-L": "complete",
    "GOV-I": "complete",
    "GOV-O": "missing",
    "GOV-D": "complete",
    "GOV-BLL-1": "complete",
    # Smart Branding
    "BRD-P1": "complete",
    "BRD-P2": "missing",
    "BRD-P3": "waived",
    "BRD-L": "complete",
    "BRD-I": "complete",
    "BRD-O": "missing",
    "BRD-D": "missing",
    "BRD-BLL-1": "complete",
    # Smart Economy
    "ECO-P1": "complete",
    "ECO-P2": "complete",
    "ECO-P3": "complete",
    "ECO-L": "incomplete",
    "ECO-I": "complete",
    "ECO-O": "unreadable",
    "ECO-D": "missing",
    "ECO-BLL-1": "complete",
    # Smart Living
    "LIV-P1": "complete",
    "LIV-P2": "complete",
    "LIV-P3": "missing",
    "LIV-L": "complete",
    "LIV-I": "complete",
    "LIV-O": "missing",
    "LIV-D": "complete",
    "LIV-BLL-1": "complete",
    # Smart Society
    "SOC-P1": "complete",
    "SOC-P2": "complete",
    "SOC-P3": "missing",
    "SOC-L": "complete",
    "SOC-I": "complete",
    "SOC-O": "missing",
    "SOC-D": "missing",
    "SOC-BLL-1": "complete",
    "SOC-BLL-2": "incomplete",
    # Smart Environment
    "ENV-P1": "complete",
    "ENV-P2": "complete",
    "ENV-P3": "missing",
    "ENV-L": "complete",
    "ENV-I": "complete",
    "ENV-O": "incomplete",
    "ENV-D": "missing",
    "ENV-BLL-1": "complete",
}

# Why each gap is a gap: the reason codes of the finding (for an unreadable candidate, the
# problem of the file). These are the gaps make_buleleng.py means to plant.
NO_FILE = ["finding.no_candidate"]
OUTDATED = ["check.year_outdated"]
GAP_REASONS = {
    "IND-06": NO_FILE,
    "IND-07": ["check.text_none_found", "check.signed_missing"],  # the KONSEP/DRAFT SK Dewan
    "IND-08": ["problem.no_text_layer"],  # the scanned SK Tim Pelaksana
    "IND-12": ["finding.not_enough", *OUTDATED],  # the second minutes are from 2022
    "IND-13": ["problem.unsupported_format"],  # the application inventory is a spreadsheet
    "IND-14": OUTDATED,  # the survey is from 2021
    "GOV-P3": NO_FILE,
    "GOV-O": NO_FILE,
    "BRD-P2": NO_FILE,
    "BRD-P3": ["finding.waived"],
    "BRD-O": NO_FILE,
    "BRD-D": NO_FILE,
    "ECO-L": ["check.text_none_found", "check.signed_missing"],  # the DRAFT SOP
    "ECO-O": ["problem.unsupported_format"],  # output data as a spreadsheet
    "ECO-D": NO_FILE,
    "LIV-P3": NO_FILE,
    "LIV-O": NO_FILE,
    "SOC-P3": NO_FILE,
    "SOC-O": NO_FILE,
    "SOC-D": NO_FILE,
    "SOC-BLL-2": OUTDATED,  # the Posko DO report is from 2022
    "ENV-P3": NO_FILE,
    "ENV-O": OUTDATED,  # waste data from 2022
    "ENV-D": NO_FILE,
}


@pytest.fixture(autouse=True)
def _in_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("SMARTCITY_AUDIT_LANG", raising=False)
    monkeypatch.setattr(cli._State, "lang", "id")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Scan the committed example with the real command line, as README tells users to."""
    output = tmp_path_factory.mktemp("report") / "buleleng.json"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        patch.delenv("SMARTCITY_AUDIT_LANG", raising=False)
        patch.setattr(cli._State, "lang", "id")
        result = runner.invoke(
            app, ["scan", "examples/buleleng", "--format", "json", "--output", str(output)]
        )
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return data


def _reason_codes(requirement: dict[str, Any]) -> list[str]:
    codes = []
    for reason in requirement["reasons"]:
        if reason["code"] == "finding.candidate_unreadable":
            codes.append(reason["params"]["problem"]["code"])
        else:
            codes.append(reason["code"])
    return codes


def test_every_requirement_has_its_status(report: dict[str, Any]) -> None:
    statuses = {r["id"]: r["status"] for r in report["requirements"]}
    assert statuses == STATUSES


def test_each_gap_is_the_intended_one(report: dict[str, Any]) -> None:
    gaps = {r["id"]: r for r in report["requirements"] if r["status"] != "complete"}
    assert {i: _reason_codes(r) for i, r in gaps.items()} == GAP_REASONS


def test_scan_passes_its_gate_with_a_realistic_score(report: dict[str, Any]) -> None:
    assert report["gates"]["fail_on"] == "critical"
    assert report["gates"]["passed"] is True
    critical = [r for r in report["requirements"] if r["severity"] == "critical"]
    assert critical and all(r["status"] == "complete" for r in critical)
    assert 55 <= report["overall"]["percent"] <= 75


def test_gaps_in_at_least_three_dimensions(report: dict[str, Any]) -> None:
    open_statuses = {"incomplete", "missing", "unreadable"}
    with_gaps = {r["dimension"] for r in report["requirements"] if r["status"] in open_statuses}
    assert len(with_gaps) >= 3
    assert {"governance", "branding", "economy", "living", "society", "environment"} <= with_gaps


def test_the_waiver_applies(report: dict[str, Any]) -> None:
    (waived,) = [r for r in report["requirements"] if r["status"] == "waived"]
    assert waived["id"] == "BRD-P3"
    assert waived["waiver"]["applied"] is True
    assert waived["waiver"]["until"] == "2025-06-30"
    assert waived["waiver"]["approved_by"]
    assert waived["score"] is None
    assert report["unused_waivers"] == []


def test_archive_is_excluded_and_unsupported_files_are_listed(report: dict[str, Any]) -> None:
    paths = {d["path"]: d for d in report["documents"]}
    assert not [p for p in paths if "/arsip/" in p]
    unsupported = sorted(
        p for p, d in paths.items() if "unsupported_format" in {x["code"] for x in d["problems"]}
    )
    assert [Path(p).suffix for p in unsupported] == [".xlsx", ".jpg", ".xlsx"]


# ---------------------------------------------------------------------------------------------
# The committed folder is what the generator makes.


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_buleleng", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("rebuild") / "buleleng"
    _load_generator().build(target)
    return target


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def _what_the_scanner_reads(root: Path) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for ref in discover(root):
        document = extract(ref)
        if isinstance(document, Document):
            seen[ref.path] = (
                document.format,
                document.kind,
                document.title,
                document.title_region,
                [(page.number, page.text) for page in document.pages],
                document.page_count,
                document.headings,
                document.years,
                document.markers,
            )
        else:
            seen[ref.path] = (document.format, document.problem.kind, document.page_count)
    return seen


def _config_without_versions(root: Path) -> list[str]:
    lines = (root / CONFIG).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if not line.startswith("# generator:")]


def test_rebuild_gives_the_same_files_and_text(rebuilt: Path) -> None:
    assert _files(rebuilt) == _files(EXAMPLE)
    assert _config_without_versions(rebuilt) == _config_without_versions(EXAMPLE)
    assert _what_the_scanner_reads(rebuilt) == _what_the_scanner_reads(EXAMPLE)


def test_rebuild_gives_the_same_bytes_with_the_same_libraries(rebuilt: Path) -> None:
    committed = (EXAMPLE / CONFIG).read_text(encoding="utf-8")
    fresh = (rebuilt / CONFIG).read_text(encoding="utf-8")
    if committed != fresh:
        versions = [line for line in fresh.splitlines() if line.startswith("# generator:")]
        pytest.skip(f"folder built with other library versions than these: {versions}")
    different = [
        name
        for name in _files(EXAMPLE)
        if (EXAMPLE / name).read_bytes() != (rebuilt / name).read_bytes()
    ]
    assert different == []


def test_generator_refuses_to_replace_a_folder_it_did_not_make(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SystemExit):
        _load_generator().build(tmp_path)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"
