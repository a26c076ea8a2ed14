"""The command line through ``typer.testing.CliRunner``: exit codes, errors, outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_audit import __version__, cli
from smartcity_audit.cli import app
from smartcity_audit.reports import REPORTERS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "contoh"
runner = CliRunner()


@pytest.fixture(autouse=True)
def _in_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("SMARTCITY_AUDIT_LANG", raising=False)
    monkeypatch.setattr(cli._State, "lang", "id")


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"smartcity-audit {__version__}\n"


def test_scan_example_ok() -> None:
    result = runner.invoke(app, ["scan", "examples/contoh", "--no-color"])
    assert result.exit_code == 0, result.output
    assert "Kekurangan" in result.stdout
    assert "GOV-03" in result.stdout


def test_scan_english() -> None:
    result = runner.invoke(app, ["scan", "examples/contoh", "--lang", "en"])
    assert result.exit_code == 0
    assert "Gaps" in result.stdout and "incomplete" in result.stdout


def test_gate_fail_under_exits_1_with_reason_on_stderr() -> None:
    result = runner.invoke(app, ["scan", "examples/contoh", "--fail-under", "90", "--lang", "en"])
    assert result.exit_code == 1
    assert "error: overall score 26.7% is below the threshold 90.0%" in result.stderr


def test_gate_fail_on_exits_1() -> None:
    result = runner.invoke(app, ["scan", "examples/contoh", "--fail-on", "major", "--lang", "en"])
    assert result.exit_code == 1
    assert "severity major or worse not complete: GOV-03, GOV-04, SOC-01" in result.stderr


def test_json_to_file(tmp_path: Path) -> None:
    output = tmp_path / "report.json"
    result = runner.invoke(
        app, ["scan", "examples/contoh", "--format", "json", "--output", str(output)]
    )
    assert result.exit_code == 0
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["report_version"] == 1
    assert result.stdout == ""


def test_output_inside_the_evidence_folder_is_refused() -> None:
    result = runner.invoke(
        app, ["scan", "examples/contoh", "--output", "examples/contoh/r.json", "--lang", "en"]
    )
    assert result.exit_code == 2
    assert "error: the report must not be written into the evidence folder" in result.stderr
    assert not (EXAMPLE / "r.json").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["scan", "tidak-ada"], "error: folder not found: tidak-ada"),
        (["scan", "README.md"], "error: not a folder: README.md"),
        (
            ["scan", "examples/contoh", "--as-of", "4-11-2024"],
            "error: --as-of: '4-11-2024' is not a YYYY-MM-DD date",
        ),
        (
            ["scan", "examples/contoh", "--format", "pdf"],
            "error: unknown report format 'pdf'; choose one of: " + ", ".join(REPORTERS),
        ),
        (
            ["scan", "examples/contoh", "--fail-on", "high"],
            "error: unknown severity 'high'; choose one of: critical, major, minor",
        ),
        (
            ["scan", "examples/contoh", "--fail-under", "120"],
            "error: --fail-under: 120.0 must be between 0 and 100",
        ),
        (
            ["scan", "examples/contoh", "--rubric", "tidak-ada"],
            "error: rubric 'tidak-ada' not found (neither a bundled rubric nor a file)",
        ),
        (
            ["scan", "examples/contoh", "--config", "tidak.yaml"],
            "error: file not found: tidak.yaml",
        ),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == message


def test_usage_error_in_indonesian_by_default() -> None:
    result = runner.invoke(app, ["scan", "tidak-ada"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "galat: folder tidak ditemukan: tidak-ada",
        "saran: berikan folder berisi dokumen bukti, mis. smartcity-audit scan examples/contoh",
    ]


def test_unknown_option_exits_2() -> None:
    assert runner.invoke(app, ["scan", "examples/contoh", "--bogus"]).exit_code == 2


def test_config_error_exits_2(tmp_path: Path) -> None:
    (tmp_path / ".smartcity-audit.yaml").write_text("fail_on: high\n", encoding="utf-8")
    result = runner.invoke(app, ["scan", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 2
    where = (tmp_path / ".smartcity-audit.yaml").as_posix()
    assert (
        result.stderr.splitlines()[0]
        == f"error: {where}:1:10: fail_on: 'high' is not one of critical, major, minor"
    )


def test_config_names_unknown_requirement(tmp_path: Path) -> None:
    config = tmp_path / "audit.yaml"
    config.write_text(
        "rubric: starter\nwaivers:\n  - requirement: GOV-1\n    reason: x\n", encoding="utf-8"
    )
    result = runner.invoke(
        app, ["scan", "examples/contoh", "--config", str(config), "--lang", "en"]
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {config.as_posix()}:3:18: waivers[0].requirement: requirement 'GOV-1' is not in rubric starter",
        "hint: did you mean 'GOV-01'?",
    ]


def test_internal_error_exits_3(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("smartcity_audit.engine.run_audit", explode)
    result = runner.invoke(app, ["scan", "examples/contoh", "--lang", "en"])
    assert result.exit_code == 3
    assert result.stderr.splitlines()[0] == "error: internal error: RuntimeError: boom"


def test_interrupt_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("smartcity_audit.engine.run_audit", interrupt)
    assert runner.invoke(app, ["scan", "examples/contoh"]).exit_code == 130


def test_rubric_validate_ok_and_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("rubric: 2\nid: x\n", encoding="utf-8")
    ok = runner.invoke(
        app, ["rubric", "validate", "starter", "rubrics/starter.yaml", "--lang", "en"]
    )
    assert ok.exit_code == 0
    assert ok.stdout.splitlines()[0] == "starter: valid (4 dimensions, 7 requirements)"
    failed = runner.invoke(app, ["rubric", "validate", "starter", str(bad), "--lang", "en"])
    assert failed.exit_code == 2
    assert "format version 2 is not supported" in failed.stderr


def test_rubric_schema_is_json() -> None:
    result = runner.invoke(app, ["rubric", "schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "smartcity-audit rubric, format version 1"


def test_inspect(office: Path) -> None:
    result = runner.invoke(
        app, ["inspect", str(office / "lo_perbup_signed.pdf"), "--format", "json"]
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["signed"] is True and data["year"]["year"] == 2024
    assert {"text": "BAB II PELAKSANAAN", "level": 1, "page": 2, "source": "bookmark"} in data[
        "headings"
    ]


def test_inspect_unreadable_file(office: Path) -> None:
    result = runner.invoke(app, ["inspect", str(office / "scanned_sk.pdf"), "--lang", "en"])
    assert result.exit_code == 0
    assert "no text layer (scanned, 2 pages)" in result.stdout


def test_every_report_format_is_offered() -> None:
    result = runner.invoke(app, ["scan", "examples/contoh", "--format", "nope", "--lang", "en"])
    assert result.stderr.splitlines()[0].endswith(", ".join(REPORTERS))


def test_main_returns_exit_code() -> None:
    assert cli.main(["--version"]) == 0
    assert cli.main(["scan", "tidak-ada"]) == 2


def test_several_reports_from_one_scan(tmp_path: Path) -> None:
    json_file, markdown_file, csv_file = tmp_path / "a.json", tmp_path / "a.md", tmp_path / "a.csv"
    result = runner.invoke(
        app,
        [
            "scan",
            "examples/contoh",
            "-f",
            "json",
            "-o",
            str(json_file),
            "--report",
            f"markdown:{markdown_file}",
            "--report",
            f"csv:{csv_file}",
        ],
    )
    assert result.exit_code == 0, result.output
    assert json_file.is_file() and markdown_file.read_text(encoding="utf-8").startswith("## ")
    assert csv_file.read_bytes().startswith("\ufeff".encode())


@pytest.mark.parametrize("spec", ["html", "nope:x.txt", "markdown:"])
def test_bad_report_spec_exits_2(spec: str) -> None:
    result = runner.invoke(app, ["scan", "examples/contoh", "--report", spec, "--lang", "en"])
    assert result.exit_code == 2


def test_options_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMARTCITY_AUDIT_FAIL_UNDER", "90")
    monkeypatch.setenv("SMARTCITY_AUDIT_FORMAT", "json")
    result = runner.invoke(app, ["scan", "examples/contoh", "--lang", "en"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["gates"]["fail_under"] == 90.0


def test_report_renders_a_saved_result_in_another_language(tmp_path: Path) -> None:
    saved = tmp_path / "hasil.json"
    assert (
        runner.invoke(app, ["scan", "examples/contoh", "-f", "json", "-o", str(saved)]).exit_code
        == 0
    )
    result = runner.invoke(app, ["report", str(saved), "--format", "markdown", "--lang", "en"])
    assert result.exit_code == 0
    assert "What to do next" in result.stdout
    bad = runner.invoke(app, ["report", "README.md", "--lang", "en"])
    assert bad.exit_code == 2
    assert bad.stderr.startswith("error: README.md is not a valid smartcity-audit JSON report")
