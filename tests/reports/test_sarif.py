"""The SARIF report: schema-valid, located, fingerprinted for GitHub, escaped, deterministic."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from audits import audit_example
from builders import document
from jsonschema import Draft4Validator

from smartcity_audit.engine import AuditRequest, evaluate
from smartcity_audit.model import AuditResult, Reason, Waiver
from smartcity_audit.reports import sarif
from smartcity_audit.reports._common import ReportOptions
from smartcity_audit.rubric import load_rubric

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
SCHEMA = ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json"

HOSTILE_NAME = "<x>&\"'\x01.pdf"
ANSI_NAME = "\x1b[31mmerah\x1b[0m %41 #?.pdf"
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
        description: "Keterangan \\x1b]0;judul\\x07"
        tags: ["a\\x1bb", "a\\x1bb"]
        match: {path: ['*.pdf']}
        require: {signed: true, text_all: ["<b>"]}
      - id: R-2
        title: T2
        severity: critical
        match: {path: ['*.docx']}
      - id: R-3
        title: T3
        severity: minor
        match: {path: ['*.odt']}
"""
# RFC 3986 URI-reference characters, with every "%" starting an escape: what ``format:
# uri-reference`` asks and what GitHub needs to find the file.
URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")


def _example(config_label: str | None = "examples/contoh/.smartcity-audit.yaml") -> AuditResult:
    """Audit the example folder, labelled as the command line does."""
    return audit_example(config_label=config_label)


@pytest.fixture(scope="module")
def example() -> AuditResult:
    """Return the audit of ``examples/contoh``."""
    return _example()


def _hostile(tmp_path: Path, root_label: str = "bukti") -> AuditResult:
    rubric_path = tmp_path / "r.yaml"
    rubric_path.write_text(HOSTILE_RUBRIC, encoding="utf-8")
    request = AuditRequest(
        root=tmp_path,
        root_label=root_label,
        rubric=load_rubric(str(rubric_path)),
        as_of=dt.date(2024, 1, 1),
        waivers=(Waiver("R-3", "alasan <b> & \x1b[0m", 'Kepala "Dinas"', dt.date(2024, 6, 30)),),
    )
    documents = [
        document({"path": HOSTILE_NAME, "pages": ["isi"]}),
        document({"path": ANSI_NAME, "problem": "no_text_layer", "page_count": 2}),
    ]
    return evaluate(request, documents)


@pytest.fixture
def hostile(tmp_path: Path) -> AuditResult:
    """Return an audit whose file names, titles and waiver hold markup and control characters."""
    return _hostile(tmp_path)


@pytest.fixture(scope="module")
def validator() -> Draft4Validator:
    """Load the OASIS SARIF 2.1.0 schema copied into ``tests/schemas``."""
    return Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def _render(result: AuditResult, lang: str = "id") -> dict[str, Any]:
    data: dict[str, Any] = json.loads(sarif.render(result, ReportOptions(lang=lang)))
    return data


def _assert_valid(validator: Draft4Validator, data: dict[str, Any]) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []


def _uris(data: Any) -> list[str]:
    """Collect every artifact location URI in a SARIF log."""
    if isinstance(data, dict):
        found = [data["uri"]] if isinstance(data.get("uri"), str) else []
        return found + [uri for value in data.values() for uri in _uris(value)]
    if isinstance(data, list):
        return [uri for item in data for uri in _uris(item)]
    return []


def test_golden(example: AuditResult, update_golden: bool) -> None:
    rendered = sarif.render(example, ReportOptions(lang="id")).decode("utf-8")
    golden = GOLDEN / "contoh.sarif.json"
    if update_golden:
        golden.write_text(rendered, encoding="utf-8", newline="\n")
    assert rendered == golden.read_text(encoding="utf-8"), (
        "run pytest --update-golden after checking contoh.sarif.json"
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_example_is_valid_against_the_schema(
    example: AuditResult, validator: Draft4Validator, lang: str
) -> None:
    data = _render(example, lang)
    _assert_valid(validator, data)
    assert data["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert data["version"] == "2.1.0"
    assert all(URI_REFERENCE.match(uri) for uri in _uris(data))


def test_every_requirement_is_a_rule_and_every_gap_a_result(example: AuditResult) -> None:
    run = _render(example, "en")["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] == "smartcity-audit"
    assert [r["id"] for r in rules] == [r.id for r in example.rubric.requirements]
    assert {r["id"]: r["defaultConfiguration"]["level"] for r in rules} == {
        "GOV-01": "error",
        "GOV-02": "error",
        "GOV-03": "warning",
        "GOV-04": "warning",
        "BRD-01": "note",
        "SOC-01": "warning",
        "ENV-01": "note",
    }
    gov01 = rules[0]
    assert gov01["shortDescription"]["text"] == "Smart City masterplan (Book II)"
    assert gov01["properties"]["dimension"] == "governance"
    assert "- has the sections: 'Visi', 'Misi', 'Strategi'" in gov01["help"]["text"]
    assert "- is dated 2021 or later" in gov01["help"]["text"]
    results = run["results"]
    # Complete and waived requirements are not results.
    assert [r["ruleId"] for r in results] == ["GOV-03", "GOV-04", "SOC-01", "ENV-01"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == rules[result["ruleIndex"]]["defaultConfiguration"]["level"]
    assert [w["ruleId"] for w in run["properties"]["waived"]] == ["BRD-01"]
    assert run["properties"]["waived"][0]["until"] == "2025-06-30"


def test_results_are_located_at_the_evidence_file_with_the_page(example: AuditResult) -> None:
    results = {r["ruleId"]: r for r in _render(example, "en")["runs"][0]["results"]}
    survey = results["SOC-01"]
    location = survey["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "examples/contoh/05-masyarakat/Laporan%20Survei%202021.pdf",
        "uriBaseId": "%SRCROOT%",
    }
    assert location["region"] == {"startLine": 1}
    assert survey["properties"]["page"] == 1
    assert "Candidate: 05-masyarakat/Laporan Survei 2021.pdf, p. 1." in survey["message"]["text"]
    assert "section 'Hasil' not found" in survey["message"]["text"]
    # Without a candidate, the gap is located at the configuration that could pin or waive it.
    missing = results["ENV-01"]["locations"][0]["physicalLocation"]
    assert missing["artifactLocation"] == {
        "uri": "examples/contoh/.smartcity-audit.yaml",
        "uriBaseId": "%SRCROOT%",
    }


def test_without_a_configuration_the_rubric_is_the_location() -> None:
    results = {r["ruleId"]: r for r in _render(_example(None))["runs"][0]["results"]}
    location = results["ENV-01"]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "starter.yaml", "uriBaseId": "%SRCROOT%"}


def test_fingerprints_are_stable_when_only_the_reasons_or_files_change(
    example: AuditResult,
) -> None:
    changed = dataclasses.replace(
        example,
        findings=tuple(
            dataclasses.replace(
                f, reasons=(Reason("finding.no_candidate"),), candidates=f.candidates[::-1]
            )
            for f in example.findings
        ),
    )
    before = {r["ruleId"]: r for r in _render(example)["runs"][0]["results"]}
    after = {r["ruleId"]: r for r in _render(changed)["runs"][0]["results"]}
    assert before["GOV-03"]["message"] != after["GOV-03"]["message"]
    fingerprints = {k: r["partialFingerprints"] for k, r in before.items()}
    assert fingerprints == {k: r["partialFingerprints"] for k, r in after.items()}
    assert len({f["smartcityAudit/v1"] for f in fingerprints.values()}) == len(fingerprints)
    expected = hashlib.sha256(b"starter\x00governance\x00GOV-03").hexdigest()
    assert fingerprints["GOV-03"] == {"smartcityAudit/v1": expected}


def test_the_same_audit_gives_the_same_bytes(example: AuditResult) -> None:
    first = sarif.render(example, ReportOptions())
    assert sarif.render(example, ReportOptions()) == first
    assert sarif.render(_example(), ReportOptions()) == first


def test_messages_follow_the_language(example: AuditResult) -> None:
    indonesian = _render(example, "id")["runs"][0]
    english = _render(example, "en")["runs"][0]
    assert indonesian["language"] == "id" and english["language"] == "en"
    assert "tidak ada berkas yang cocok" in indonesian["results"][-1]["message"]["text"]
    assert "no file matches" in english["results"][-1]["message"]["text"]


def test_hostile_names_stay_valid_and_escaped(
    hostile: AuditResult, validator: Draft4Validator
) -> None:
    rendered = sarif.render(hostile, ReportOptions(lang="en"))
    data = json.loads(rendered)
    _assert_valid(validator, data)
    text = rendered.decode("utf-8")
    # No control character survives, raw or as a JSON escape; they show as \x1b and \x01.
    assert not re.search(r"[\x00-\x1f\x7f]", text.replace("\n", ""))
    assert "\\u001b" not in text and "\\u0001" not in text and "\\u0007" not in text
    run = data["runs"][0]
    rule = run["tool"]["driver"]["rules"][0]
    assert rule["shortDescription"]["text"] == 'Surat <keputusan> & "lampiran" \\x1b[2J'
    assert rule["name"] == "SuratKeputusanLampiran2J"
    assert rule["properties"]["tags"] == ["a\\x1bb"]
    results = {r["ruleId"]: r for r in run["results"]}
    assert set(results) == {"R-1", "R-2"}
    r1 = results["R-1"]
    primary = r1["locations"][0]["physicalLocation"]["artifactLocation"]
    assert unquote(primary["uri"]) == f"bukti/{HOSTILE_NAME}"
    assert "Candidate: <x>&\"'\\x01.pdf." in r1["message"]["text"]
    related = r1["relatedLocations"][0]
    assert unquote(related["physicalLocation"]["artifactLocation"]["uri"]) == f"bukti/{ANSI_NAME}"
    assert related["message"]["text"].startswith("candidate: \\x1b[31mmerah\\x1b[0m %41 #?.pdf")
    assert all(URI_REFERENCE.match(uri) for uri in _uris(data))
    assert results["R-2"]["level"] == "error"
    waived = run["properties"]["waived"][0]
    assert waived["reason"].startswith("waived: alasan <b> & \\x1b[0m (approved by: Kepala")


@pytest.mark.parametrize(
    ("root_label", "expected"),
    [
        ("bukti dukung", {"uri": "bukti%20dukung/a%23b.pdf", "uriBaseId": "%SRCROOT%"}),
        (".", {"uri": "a%23b.pdf", "uriBaseId": "%SRCROOT%"}),
        ("./bukti", {"uri": "bukti/a%23b.pdf", "uriBaseId": "%SRCROOT%"}),
        ("../bukti", {"uri": "../bukti/a%23b.pdf", "uriBaseId": "%SRCROOT%"}),
        # A base id only applies to a relative reference: absolute folders give file URIs.
        ("/srv/bukti", {"uri": "file:///srv/bukti/a%23b.pdf"}),
        ("C:/Bukti Dukung", {"uri": "file:///C:/Bukti%20Dukung/a%23b.pdf"}),
    ],
)
def test_uris_are_relative_to_where_the_audit_ran(
    tmp_path: Path, validator: Draft4Validator, root_label: str, expected: dict[str, str]
) -> None:
    rubric_path = tmp_path / "r.yaml"
    rubric_path.write_text(HOSTILE_RUBRIC, encoding="utf-8")
    request = AuditRequest(
        root=tmp_path,
        root_label=root_label,
        rubric=load_rubric(str(rubric_path)),
        as_of=dt.date(2024, 1, 1),
    )
    data = _render(evaluate(request, [document({"path": "a#b.pdf", "pages": ["isi"]})]))
    _assert_valid(validator, data)
    result = data["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"] == expected


def test_help_describes_every_require_check(tmp_path: Path) -> None:
    rubric_path = tmp_path / "r.yaml"
    rubric_path.write_text(
        "rubric: 1\nid: r\ntitle: R\ndimensions:\n  - id: d\n    title: D\n    requirements:\n"
        "      - id: R-1\n        title: Buku\n        min_documents: 2\n"
        "        match: {path: ['*.pdf'], formats: [pdf, docx], kinds: [annex]}\n"
        "        require: {sections: [Visi], text_all: [RPJMD], text_any: [a, b],"
        " text_none: [DRAFT], min_pages: 20, min_words: 3000,"
        " year: {min: 2021, max: 2030, within_years: 5}, signed: true}\n"
        "      - id: R-2\n        title: Foto\n        match: {path: ['*.pdf']}\n",
        encoding="utf-8",
    )
    rubric = load_rubric(str(rubric_path))
    assert sarif.help_text(rubric.requirements[0], "en").splitlines() == [
        "Evidence needed: Buku (at least 2 complete document(s)).",
        "File formats: PDF, DOCX.",
        "Kind of document: annex.",
        "A document counts as complete when it:",
        "- has the sections: 'Visi'",
        "- contains every phrase: 'RPJMD'",
        "- contains at least one phrase of: 'a', 'b'",
        "- contains none of: 'DRAFT'",
        "- has at least 20 pages",
        "- has at least 3000 words",
        "- is dated 2021 or later",
        "- is dated 2030 or earlier",
        "- is dated at most 5 year(s) before the audit year",
        "- is ratified (Ditetapkan di ..., pada tanggal ..., ttd, NIP)",
        "Severity: major",
        "If the file is there but not recognised, pin it in the configuration (evidence: R-1).",
    ]
    indonesian = sarif.help_text(rubric.requirements[1], "id")
    assert "Berkas yang cocok sudah cukup" in indonesian
    assert "report." not in indonesian and "require." not in indonesian
