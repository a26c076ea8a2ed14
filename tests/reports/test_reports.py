"""Golden reports of the example folder, the JSON schema, and escaping of untrusted text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from audits import audit_example
from builders import document
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from smartcity_audit.engine import AuditRequest, evaluate
from smartcity_audit.model import AuditResult
from smartcity_audit.reports import REPORTERS, ReportOptions
from smartcity_audit.reports import json as json_report
from smartcity_audit.rubric import load_rubric
from smartcity_audit.validation import load_schema

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="module")
def example() -> AuditResult:
    return audit_example()


@pytest.mark.parametrize(
    ("name", "fmt", "lang"),
    [
        ("contoh.json", "json", "id"),
        ("contoh.en.json", "json", "en"),
        ("contoh.id.txt", "terminal", "id"),
        ("contoh.en.txt", "terminal", "en"),
        ("contoh.md", "markdown", "id"),
        ("contoh.en.md", "markdown", "en"),
        ("contoh.csv", "csv", "id"),
    ],
)
def test_golden(example: AuditResult, update_golden: bool, name: str, fmt: str, lang: str) -> None:
    rendered = REPORTERS[fmt](example, ReportOptions(lang=lang, width=100))
    golden = GOLDEN / name
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(rendered)
    assert rendered == golden.read_bytes(), f"run pytest --update-golden after checking {name}"


def test_example_statuses(example: AuditResult) -> None:
    statuses = {f.requirement.id: f.status.value for f in example.findings}
    assert statuses == {
        "GOV-01": "complete",
        "GOV-02": "complete",
        "GOV-03": "incomplete",
        "GOV-04": "unreadable",
        "BRD-01": "waived",
        "SOC-01": "incomplete",
        "ENV-01": "missing",
    }
    assert "arsip/Masterplan lama 2017.pdf" not in {d.path for d in example.documents}


def test_json_report_matches_its_schema(example: AuditResult) -> None:
    for lang in ("id", "en"):
        data = json.loads(REPORTERS["json"](example, ReportOptions(lang=lang)))
        errors = list(Draft202012Validator(load_schema("report-1.schema.json")).iter_errors(data))
        assert errors == []


def test_colour_only_when_asked(example: AuditResult) -> None:
    plain = REPORTERS["terminal"](example, ReportOptions(color=False))
    coloured = REPORTERS["terminal"](example, ReportOptions(color=True))
    assert b"\x1b[" not in plain and b"\x1b[" in coloured


def test_fits_80_columns(example: AuditResult) -> None:
    text = REPORTERS["terminal"](example, ReportOptions(width=80)).decode("utf-8")
    assert max(len(line) for line in text.splitlines()) <= 80


HOSTILE = "<script>alert(1)</script>[bold red]x[/]\x1b[31mmerah\x07.pdf"


def test_untrusted_names_never_become_markup_or_escape_codes(tmp_path: Path) -> None:
    rubric_path = tmp_path / "r.yaml"
    rubric_path.write_text(
        "rubric: 1\nid: r\ntitle: R\ndimensions:\n  - id: d\n    title: D\n    requirements:\n"
        "      - id: R-1\n        title: T\n        match: {path: ['*.pdf']}\n        require: {signed: true}\n",
        encoding="utf-8",
    )
    request = AuditRequest(
        root=tmp_path, rubric=load_rubric(str(rubric_path)), as_of=dt.date(2024, 1, 1)
    )
    result = evaluate(request, [document({"path": HOSTILE, "pages": ["isi"]})])
    text = REPORTERS["terminal"](result, ReportOptions(color=False)).decode("utf-8")
    assert "\x1b" not in text and "\x07" not in text
    assert "[bold red]x[/]" in text
    assert "\\x1b[31mmerah\\x07.pdf" in text
    data = json.loads(REPORTERS["json"](result, ReportOptions()))
    assert data["requirements"][0]["evidence"][0]["path"] == HOSTILE
    markdown = REPORTERS["markdown"](result, ReportOptions()).decode("utf-8")
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown
    assert "[bold red]" not in markdown and "\\[bold red\\]" in markdown


def test_markdown_never_links_or_breaks_tables() -> None:
    from smartcity_audit.reports.markdown import escape

    assert escape("[klik](javascript:alert(1))") == "\\[klik\\]\\(javascript:alert\\(1\\)\\)"
    assert escape("a|b\nc") == "a\\|b c"
    assert escape("lihat http://contoh.invalid") == "lihat http:\\/\\/contoh.invalid"


@pytest.mark.parametrize("name", ["=HYPERLINK(1)", "+1", "-1", "@SUM(A1)", "\tx"])
def test_csv_cells_never_start_a_formula(name: str) -> None:
    from smartcity_audit.reports.csv import cell

    assert cell(name).startswith("'")


def test_csv_opens_in_excel(example: AuditResult) -> None:
    import csv
    import io

    data = REPORTERS["csv"](example, ReportOptions(lang="en"))
    assert data.startswith("\ufeff".encode())
    assert b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == [
        "dimension",
        "group",
        "id",
        "requirement",
        "severity",
        "status",
        "score (%)",
        "reasons",
        "evidence",
    ]
    assert len(rows) == 1 + len(example.findings)


def test_json_round_trip_renders_every_format_alike(example: AuditResult, tmp_path: Path) -> None:
    from smartcity_audit.resultfile import load_result

    saved = tmp_path / "hasil.json"
    saved.write_bytes(REPORTERS["json"](example, ReportOptions(lang="id")))
    loaded = load_result(saved)
    for fmt in REPORTERS:
        for lang in ("id", "en"):
            options = ReportOptions(lang=lang)
            assert REPORTERS[fmt](loaded, options) == REPORTERS[fmt](example, options), (fmt, lang)


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(value=_JSON_VALUES)
def test_the_json_writer_writes_what_json_dumps_writes(value: object) -> None:
    """The fast indented writer of the JSON report is byte-for-byte ``json.dumps(indent=2)``."""
    expected = json.dumps(value, ensure_ascii=False, indent=2)
    assert json_report.dumps_indented(value) == expected
