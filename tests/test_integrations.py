"""CI integrations shipped in the repository: pre-commit hook, GitHub Action, CI examples."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "contoh"
GOVERNANCE = EXAMPLE / "01-tata-kelola"
CONFIG = "rubric: starter\nas_of: 2024-11-04\nfail_on: critical\n"


def _load(path: Path) -> dict:  # type: ignore[type-arg]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_action_metadata() -> None:
    action = _load(ROOT / "action.yml")
    assert {"name", "description", "inputs", "outputs", "runs"} <= set(action)
    assert action["runs"]["using"] == "composite"
    assert {"path", "rubric", "config", "fail-under", "formats"} <= set(action["inputs"])
    assert {"score", "passed", "report-dir", "json-report", "sarif-report"} <= set(
        action["outputs"]
    )
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            # Inputs reach scripts through the environment, never spliced into the script.
            assert "${{ inputs." not in step["run"]


def _scan_script() -> str:
    step = next(s for s in _load(ROOT / "action.yml")["runs"]["steps"] if s.get("id") == "scan")
    return str(step["run"])


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's script needs bash")
@pytest.mark.skipif(
    shutil.which("smartcity-audit") is None, reason="smartcity-audit is not on PATH"
)
def test_action_scan_step_runs_and_sets_outputs(tmp_path: Path) -> None:
    outputs = tmp_path / "github_output"
    env = {
        **os.environ,
        "INPUT_PATH": str(EXAMPLE),
        "INPUT_RUBRIC": "",
        "INPUT_CONFIG": "",
        "INPUT_FAIL_UNDER": "",
        "INPUT_BASELINE": "",
        "INPUT_FORMATS": "sarif, markdown,junit",
        "INPUT_LANG": "en",
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_OUTPUT": str(outputs),
    }
    env.pop("GITHUB_STEP_SUMMARY", None)
    done = subprocess.run(
        ["bash", "-c", _scan_script()], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    values = dict(line.split("=", 1) for line in outputs.read_text(encoding="utf-8").splitlines())
    assert values["score"] == "26.7" and values["passed"] == "true"
    report_dir = Path(values["report-dir"])
    assert {p.name for p in report_dir.iterdir()} == {
        "smartcity-audit.json",
        "smartcity-audit.sarif",
        "smartcity-audit.md",
        "smartcity-audit.xml",
    }
    assert (
        json.loads(Path(values["sarif-report"]).read_text(encoding="utf-8"))["version"] == "2.1.0"
    )


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's script needs bash")
@pytest.mark.skipif(
    shutil.which("smartcity-audit") is None, reason="smartcity-audit is not on PATH"
)
def test_action_scan_step_fails_with_the_gate(tmp_path: Path) -> None:
    outputs = tmp_path / "github_output"
    env = {
        **os.environ,
        "INPUT_PATH": str(EXAMPLE),
        "INPUT_RUBRIC": "",
        "INPUT_CONFIG": "",
        "INPUT_FAIL_UNDER": "90",
        "INPUT_BASELINE": "",
        "INPUT_FORMATS": "",
        "INPUT_LANG": "en",
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_OUTPUT": str(outputs),
    }
    done = subprocess.run(
        ["bash", "-c", _scan_script()], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert "below the threshold 90.0%" in done.stderr
    assert "passed=false" in outputs.read_text(encoding="utf-8")


def test_github_workflow_example() -> None:
    workflow = _load(ROOT / "examples" / "ci" / "github-workflow.yml")
    steps = workflow["jobs"]["audit"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("github/codeql-action/upload-sarif") for u in uses)
    assert any(u.startswith("actions/upload-artifact") for u in uses)
    assert any(u.startswith("actions/cache") for u in uses)
    assert workflow["permissions"]["security-events"] == "write"


def test_gitlab_example() -> None:
    job = _load(ROOT / "examples" / "ci" / "gitlab-ci.yml")["smartcity-audit"]
    assert job["artifacts"]["reports"]["junit"] == "reports/smartcity-audit.xml"
    assert any("--report junit:" in line for line in job["script"])


def test_pre_commit_hook_metadata() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "smartcity-audit"
    assert hook["pass_filenames"] is False and hook["language"] == "python"


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def _evidence_repo(folder: Path, *documents: str) -> Path:
    folder.mkdir()
    for name in documents:
        shutil.copy(GOVERNANCE / name, folder / name)
    (folder / ".smartcity-audit.yaml").write_text(CONFIG, encoding="utf-8")
    _git(folder, "init", "-q")
    _git(folder, "add", ".")
    _git(
        folder, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "bukti"
    )
    return folder


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Share one pre-commit cache, so the hook environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(evidence: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "SMARTCITY_AUDIT_LANG": "en"}
    command = [
        sys.executable,
        "-m",
        "pre_commit",
        "try-repo",
        str(ROOT),
        "smartcity-audit",
        "--all-files",
    ]
    return subprocess.run(
        command, cwd=evidence, env=env, capture_output=True, text=True, check=False, timeout=900
    )


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit try-repo needs git")


@needs_git
def test_pre_commit_try_repo_passes_on_a_complete_folder(
    tmp_path: Path, pre_commit_home: Path
) -> None:
    pytest.importorskip("pre_commit", reason="the test extra installs pre-commit")
    evidence = _evidence_repo(
        tmp_path / "lengkap",
        "Buku II - Masterplan Smart City 2022-2031.docx",
        "Perbup_27_2022_Masterplan_SC.pdf",
    )
    done = _try_repo(evidence, pre_commit_home)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout


@needs_git
def test_pre_commit_try_repo_fails_readably_on_an_incomplete_folder(
    tmp_path: Path, pre_commit_home: Path
) -> None:
    pytest.importorskip("pre_commit", reason="the test extra installs pre-commit")
    evidence = _evidence_repo(tmp_path / "kurang", "Buku II - Masterplan Smart City 2022-2031.docx")
    done = _try_repo(evidence, pre_commit_home)
    assert done.returncode == 1
    assert "Failed" in done.stdout
    assert "1 requirement(s) of severity critical or worse not complete: GOV-02" in done.stdout
