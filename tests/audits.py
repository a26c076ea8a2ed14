"""Audits the report tests render: an example folder with its configuration, and a hostile one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from builders import document

from smartcity_audit.config import find_config, load_config
from smartcity_audit.engine import AuditRequest, evaluate, run_audit
from smartcity_audit.model import AuditResult
from smartcity_audit.rubric import load_rubric

ROOT = Path(__file__).resolve().parents[1]
# File names that try to become markup or terminal control sequences.
HOSTILE = "<script>alert(1)</script>.pdf"
CONTROL = "merah\x1b[31m\x07.pdf"


def audit_example(
    name: str = "contoh",
    *,
    rubric: str | None = None,
    config_label: str | None = ".smartcity-audit.yaml",
) -> AuditResult:
    """Audit ``examples/NAME`` with its configuration, labelled as the command line does.

    ``config_label`` names the configuration in the result (``None``: no configuration named).
    """
    folder = ROOT / "examples" / name
    config_path = find_config(folder)
    assert config_path is not None
    config = load_config(config_path, config_label or "")
    assert config.rubric is not None and config.as_of is not None
    request = AuditRequest(
        root=folder,
        root_label=f"examples/{name}",
        rubric=load_rubric(rubric or config.rubric),
        as_of=config.as_of,
        exclude=config.exclude,
        waivers=config.waivers,
        fail_on=config.fail_on,
        config_source=config.source if config_label is not None else None,
    )
    return run_audit(request)


def hostile_result(tmp_path: Path) -> AuditResult:
    """Audit in-memory documents whose names and rubric texts try to become markup."""
    rubric_path = tmp_path / "r.yaml"
    rubric_path.write_text(
        "rubric: 1\nid: r\ntitle: 'R <b>tebal</b>'\ndimensions:\n"
        "  - id: d\n    title: 'D <i>miring</i> $x$'\n    requirements:\n"
        "      - id: R-1\n        title: 'T <img src=x onerror=alert(2)>'\n"
        "        match: {path: ['*.pdf']}\n        require: {signed: true}\n",
        encoding="utf-8",
    )
    request = AuditRequest(
        root=tmp_path, rubric=load_rubric(str(rubric_path)), as_of=dt.date(2024, 1, 1)
    )
    documents = [
        document({"path": HOSTILE, "pages": ["isi <script>alert(3)</script>"]}),
        document({"path": CONTROL, "pages": ["isi"]}),
    ]
    return evaluate(request, documents)
