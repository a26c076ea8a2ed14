"""The JUnit XML report: schema-valid, read the way CI servers read it, escaped, deterministic."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from audits import audit_example
from builders import document
from lxml import etree

from smartcity_audit.engine import AuditRequest, evaluate
from smartcity_audit.model import AuditResult, Waiver
from smartcity_audit.reports import junit
from smartcity_audit.reports._common import ReportOptions
from smartcity_audit.rubric import load_rubric

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
SCHEMA = ROOT / "tests" / "schemas" / "junit.xsd"

HOSTILE_NAME = "<x>&\"'\x01.pdf"
ANSI_NAME = "\x1b[31mmerah\x1b[0m ]]> .pdf"
HOSTILE_RUBRIC = """\
rubric: 1
id: r
title: "Rubrik <b> & \\x1b[1m"
dimensions:
  - id: d
    title: "Dimensi \\"<&>\\" \\x07"
    requirements:
      - id: R-1
        title: "Surat <keputusan> & \\"lampiran\\" \\x1b[2J"
        match: {path: ['*.pdf']}
        require: {signed: true, text_all: ["<b>]]>"]}
      - id: R-2
        title: T2
        match: {path: ['*.docx']}
      - id: R-3
        title: T3
        match: {path: ['*.odt']}
"""


def _example() -> AuditResult:
    """Audit the example folder with its configuration, labelled as the command line does."""
    return audit_example(config_label="examples/contoh/.smartcity-audit.yaml")


@pytest.fixture(scope="module")
def example() -> AuditResult:
    """Return the audit of ``examples/contoh``."""
    return _example()


@pytest.fixture
def hostile(tmp_path: Path) -> AuditResult:
    """Return an audit whose file names, titles and waiver hold markup and control characters."""
    rubric_path = tmp_path / "r.yaml"
    rubric_path.write_text(HOSTILE_RUBRIC, encoding="utf-8")
    request = AuditRequest(
        root=tmp_path,
        root_label="bukti",
        rubric=load_rubric(str(rubric_path)),
        as_of=dt.date(2024, 1, 1),
        waivers=(Waiver("R-3", "alasan <b> & \x1b[0m \"'", 'Kepala "Dinas" <x>', None),),
    )
    documents = [
        document({"path": HOSTILE_NAME, "pages": ["isi ]]> DRAFT"]}),
        document({"path": ANSI_NAME, "problem": "no_text_layer", "page_count": 2}),
    ]
    return evaluate(request, documents)


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    """Load the Apache Ant JUnit schema copied into ``tests/schemas``."""
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def _assert_valid(schema: etree.XMLSchema, rendered: bytes) -> None:
    tree = etree.fromstring(rendered)
    assert schema.validate(tree), "\n".join(str(e) for e in schema.error_log)


def test_golden(example: AuditResult, update_golden: bool) -> None:
    rendered = junit.render(example, ReportOptions(lang="id")).decode("utf-8")
    golden = GOLDEN / "contoh.junit.xml"
    if update_golden:
        golden.write_text(rendered, encoding="utf-8", newline="\n")
    assert rendered == golden.read_text(encoding="utf-8"), (
        "run pytest --update-golden after checking contoh.junit.xml"
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_example_is_valid_against_the_schema(
    example: AuditResult, schema: etree.XMLSchema, lang: str
) -> None:
    _assert_valid(schema, junit.render(example, ReportOptions(lang=lang)))


def test_one_suite_per_dimension_and_one_case_per_requirement(example: AuditResult) -> None:
    root = ElementTree.fromstring(junit.render(example, ReportOptions(lang="en")))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "governance Smart Governance",
        "branding Smart Branding",
        "society Smart Society",
        "environment Smart Environment",
    ]
    outcome = {}
    for suite in suites:
        cases = suite.findall("testcase")
        # The totals a CI server shows must agree with the cases it lists.
        assert suite.get("tests") == str(len(cases))
        assert suite.get("failures") == str(sum(c.find("failure") is not None for c in cases))
        assert suite.get("skipped") == str(sum(c.find("skipped") is not None for c in cases))
        assert suite.get("errors") == "0" and suite.get("time") == "0"
        assert suite.get("timestamp") == "2024-11-04T00:00:00"
        for case in cases:
            assert case.get("classname") == suite.get("name", "").split()[0]
            failure, skipped = case.find("failure"), case.find("skipped")
            outcome[case.get("name", "").split()[0]] = (
                failure.get("type")
                if failure is not None
                else "skipped"
                if skipped is not None
                else "passed"
            )
    assert outcome == {
        "GOV-01": "passed",
        "GOV-02": "passed",
        "GOV-03": "incomplete",
        "GOV-04": "unreadable",
        "BRD-01": "skipped",
        "SOC-01": "incomplete",
        "ENV-01": "missing",
    }


def test_failure_has_a_one_line_message_and_the_full_text(example: AuditResult) -> None:
    root = ElementTree.fromstring(junit.render(example, ReportOptions(lang="en")))
    case = next(c for c in root.iter("testcase") if c.get("name", "").startswith("SOC-01"))
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == (
        "section 'Hasil' not found; year 2021 is more than 2 year(s) before 2024 (from title)"
    )
    text = failure.text or ""
    assert "• section 'Hasil' not found" in text
    assert "candidate: 05-masyarakat/Laporan Survei 2021.pdf, p. 1 (title)" in text
    skipped = next(c for c in root.iter("testcase") if c.get("name", "").startswith("BRD-01"))
    element = skipped.find("skipped")
    assert element is not None
    assert "Kepala Dinas Kominfo" in element.get("message", "")
    assert "valid until 2025-06-30" in element.get("message", "")


def test_the_same_audit_gives_the_same_bytes(example: AuditResult) -> None:
    first = junit.render(example, ReportOptions())
    assert junit.render(example, ReportOptions()) == first
    assert junit.render(_example(), ReportOptions()) == first


def test_hostile_names_are_escaped_and_stay_valid(
    hostile: AuditResult, schema: etree.XMLSchema
) -> None:
    rendered = junit.render(hostile, ReportOptions(lang="en"))
    _assert_valid(schema, rendered)
    for raw in (b"\x01", b"\x07", b"\x1b", b"<x>", b"<b>", b"<keputusan>"):
        assert raw not in rendered
    # The standard library parser (what many CI plugins amount to) reads the names back.
    root = ElementTree.fromstring(rendered)
    cases = {c.get("name", "").split()[0]: c for c in root.iter("testcase")}
    assert cases["R-1"].get("name") == 'R-1 Surat <keputusan> & "lampiran" \\x1b[2J'
    failure = cases["R-1"].find("failure")
    assert failure is not None
    assert "candidate: <x>&\"'\\x01.pdf" in (failure.text or "")
    assert "does not contain '<b>]]>'" in failure.get("message", "")
    assert "\n" not in failure.get("message", "")
    waived = cases["R-3"].find("skipped")
    assert waived is not None
    assert waived.get("message") == (
        'waived: alasan <b> & \\x1b[0m "\' (approved by: Kepala "Dinas" <x>)'
    )
    missing = cases["R-2"].find("failure")
    assert missing is not None and missing.get("type") == "missing"
    suite = root.find("testsuite")
    assert suite is not None
    assert suite.get("name") == 'd Dimensi "<&>" \\x07'


def test_unencodable_text_becomes_an_escape() -> None:
    from smartcity_audit.reports._common import safe

    assert safe("a\udcff\ufffeb\tc\nd\x0c") == "a\\udcff\\ufffeb\tc\nd\\x0c"
    assert junit.one_line(" a \n\t b\x1b ") == "a b\\x1b"
