"""Statuses, scores, evidence, waivers, pins and gates, judged on in-memory documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from builders import document

from smartcity_audit.engine import AuditRequest, evaluate, run_audit
from smartcity_audit.model import AuditResult, Finding, MatchKey, Severity, Status, Waiver
from smartcity_audit.rubric import load_rubric

AS_OF = dt.date(2024, 11, 4)

RUBRIC = {
    "rubric": 1,
    "id": "uji",
    "title": "Rubrik uji",
    "version": "1",
    "dimensions": [
        {
            "id": "governance",
            "title": "Smart Governance",
            "weight": 2,
            "requirements": [
                {
                    "id": "GOV-01",
                    "title": "Masterplan",
                    "severity": "critical",
                    "weight": 3,
                    "match": {"title_any": ["masterplan smart city"]},
                    "require": {
                        "sections": ["Visi", "Strategi"],
                        "text_all": ["RPJMD"],
                        "text_none": ["DRAFT"],
                    },
                },
                {
                    "id": "GOV-02",
                    "title": "Perbup",
                    "severity": "critical",
                    "match": {"title_any": ["peraturan bupati"]},
                    "require": {"signed": True},
                },
                {
                    "id": "GOV-03",
                    "title": "Laporan rapat",
                    "severity": "minor",
                    "min_documents": 2,
                    "match": {"title_any": ["notulen rapat"]},
                },
            ],
        },
        {
            "id": "environment",
            "title": "Smart Environment",
            "weight": 1,
            "requirements": [
                {"id": "ENV-01", "title": "Sampah", "match": {"text_all": ["bank sampah"]}},
                {"id": "ENV-02", "title": "Energi", "match": {"title_any": ["energi"]}},
            ],
        },
    ],
}

MASTERPLAN = {
    "path": "gov/masterplan.pdf",
    "title": "Masterplan Smart City 2022",
    "pages": ["BAB I VISI\nselaras RPJMD", "BAB II STRATEGI\nisi"],
}
PERBUP_SIGNED = {
    "path": "gov/perbup.pdf",
    "title": "Peraturan Bupati Nomor 1",
    "pages": ["Ditetapkan di Contoh\npada tanggal 2 Januari 2023\nttd"],
}


@pytest.fixture
def rubric_file(tmp_path: Path) -> Path:
    path = tmp_path / "uji.yaml"
    path.write_text(yaml.safe_dump(RUBRIC), encoding="utf-8")
    return path


def audit(rubric_file: Path, specs: list[dict[str, Any]], **options: Any) -> AuditResult:
    request = AuditRequest(
        root=Path("."), rubric=load_rubric(str(rubric_file)), as_of=AS_OF, **options
    )
    return evaluate(request, [document(spec) for spec in sorted(specs, key=lambda s: s["path"])])


def finding(result: AuditResult, requirement_id: str) -> Finding:
    return next(f for f in result.findings if f.requirement.id == requirement_id)


def test_complete_with_evidence(rubric_file: Path) -> None:
    result = audit(rubric_file, [MASTERPLAN])
    gov = finding(result, "GOV-01")
    assert gov.status is Status.COMPLETE and gov.score == 1.0 and gov.reasons == ()
    assert gov.evidence[0].path == "gov/masterplan.pdf"
    assert gov.evidence[0].matched_by is MatchKey.TITLE and gov.evidence[0].page == 1


def test_incomplete_names_failed_checks_and_scores_half_the_share(rubric_file: Path) -> None:
    draft = {**MASTERPLAN, "path": "gov/masterplan-draft.pdf", "pages": ["BAB I VISI\nDRAFT"]}
    gov = finding(audit(rubric_file, [draft]), "GOV-01")
    assert gov.status is Status.INCOMPLETE
    assert [r.code for r in gov.reasons] == [
        "check.section_missing",
        "check.text_missing",
        "check.text_none_found",
    ]
    # 1 of 4 checks passed (section Visi): 0.25 x 0.5
    assert gov.score == pytest.approx(0.125)


def test_best_candidate_wins(rubric_file: Path) -> None:
    draft = {**MASTERPLAN, "path": "gov/a-draft.pdf", "pages": ["DRAFT"]}
    gov = finding(audit(rubric_file, [draft, MASTERPLAN]), "GOV-01")
    assert gov.status is Status.COMPLETE
    assert gov.evidence[0].path == "gov/masterplan.pdf"
    assert [c.path for c in gov.candidates] == ["gov/masterplan.pdf", "gov/a-draft.pdf"]


def test_missing(rubric_file: Path) -> None:
    env = finding(audit(rubric_file, [MASTERPLAN]), "ENV-01")
    assert env.status is Status.MISSING and env.score == 0.0
    assert [r.code for r in env.reasons] == ["finding.no_candidate"]


def test_unreadable_when_only_candidates_cannot_be_read(rubric_file: Path) -> None:
    scan = {"path": "gov/Peraturan Bupati scan.pdf", "problem": "no_text_layer", "page_count": 3}
    gov = finding(audit(rubric_file, [scan]), "GOV-02")
    assert gov.status is Status.UNREADABLE and gov.score == 0.0
    assert gov.reasons[0].code == "finding.candidate_unreadable"
    assert gov.evidence[0].matched_by is MatchKey.NAME


def test_a_scan_never_makes_a_readable_draft_complete(rubric_file: Path) -> None:
    scan = {"path": "gov/Peraturan Bupati scan.pdf", "problem": "no_text_layer"}
    draft = {
        "path": "gov/perbup-draft.pdf",
        "title": "Peraturan Bupati",
        "pages": ["pada tanggal ....."],
    }
    gov = finding(audit(rubric_file, [scan, draft]), "GOV-02")
    assert gov.status is Status.INCOMPLETE
    assert [r.code for r in gov.reasons] == ["check.signed_missing", "finding.candidate_unreadable"]


def test_min_documents(rubric_file: Path) -> None:
    one = {"path": "rapat/1.pdf", "title": "Notulen Rapat Dewan", "pages": ["isi"]}
    two = {"path": "rapat/2.pdf", "title": "Notulen Rapat Forum", "pages": ["isi"]}
    assert finding(audit(rubric_file, [one]), "GOV-03").status is Status.INCOMPLETE
    only_one = finding(audit(rubric_file, [one]), "GOV-03")
    assert only_one.reasons[0].code == "finding.not_enough" and only_one.score == 0.5
    assert finding(audit(rubric_file, [one, two]), "GOV-03").status is Status.COMPLETE


def test_waiver_applies_and_leaves_the_denominator(rubric_file: Path) -> None:
    waiver = Waiver("ENV-01", "Tidak relevan", "Kepala Dinas", dt.date(2025, 6, 30))
    result = audit(rubric_file, [MASTERPLAN, PERBUP_SIGNED], waivers=(waiver,))
    env = finding(result, "ENV-01")
    assert env.status is Status.WAIVED and env.score is None and env.waiver is not None
    environment = result.dimensions[1]
    assert environment.score == 0.0  # only ENV-02 (missing) counts
    assert environment.counts[Status.WAIVED] == 1


def test_expired_waiver_does_not_apply_and_says_so(rubric_file: Path) -> None:
    waiver = Waiver("ENV-01", "Tidak relevan", None, dt.date(2024, 6, 30))
    env = finding(audit(rubric_file, [], waivers=(waiver,)), "ENV-01")
    assert env.status is Status.MISSING
    assert [r.code for r in env.reasons] == ["finding.waiver_expired", "finding.no_candidate"]


def test_waiver_is_valid_through_its_last_day(rubric_file: Path) -> None:
    waiver = Waiver("ENV-01", "Tidak relevan", None, AS_OF)
    assert finding(audit(rubric_file, [], waivers=(waiver,)), "ENV-01").status is Status.WAIVED


def test_pinned_evidence_skips_match_but_faces_require(rubric_file: Path) -> None:
    odd_name = {**MASTERPLAN, "path": "lain/dokumenQuickwins.pdf", "title": "Dokumen"}
    result = audit(rubric_file, [odd_name], evidence={"GOV-01": ("lain/dokumenquickwins.pdf",)})
    gov = finding(result, "GOV-01")
    assert gov.status is Status.COMPLETE
    assert gov.evidence[0].matched_by is MatchKey.PINNED
    assert gov.evidence[0].path == "lain/dokumenQuickwins.pdf"


def test_pinned_file_that_does_not_exist(rubric_file: Path) -> None:
    result = audit(rubric_file, [MASTERPLAN], evidence={"GOV-01": ("tidak/ada.pdf",)})
    gov = finding(result, "GOV-01")
    assert gov.status is Status.MISSING
    assert [(r.code, r.params["path"]) for r in gov.reasons] == [
        ("finding.pinned_not_found", "tidak/ada.pdf")
    ]


def test_scores_are_weighted_means(rubric_file: Path) -> None:
    result = audit(rubric_file, [MASTERPLAN, PERBUP_SIGNED])
    governance, environment = result.dimensions
    # GOV-01 1.0 x3, GOV-02 1.0 x1, GOV-03 missing 0 x1 -> 4/5
    assert governance.score == pytest.approx(0.8)
    assert environment.score == 0.0
    # dimensions weighted 2 and 1
    assert result.overall == pytest.approx((0.8 * 2 + 0.0) / 3)
    assert result.counts[Status.COMPLETE] == 2 and result.counts[Status.MISSING] == 3


def test_gates(rubric_file: Path) -> None:
    passing = audit(
        rubric_file, [MASTERPLAN, PERBUP_SIGNED], fail_on=Severity.CRITICAL, fail_under=50
    )
    assert passing.passed
    failing = audit(rubric_file, [MASTERPLAN], fail_on=Severity.CRITICAL, fail_under=60)
    assert [g.gate for g in failing.gate_failures] == ["fail_under", "fail_on"]
    assert failing.gate_failures[1].reason.params["ids"] == "GOV-02"
    minor = audit(rubric_file, [MASTERPLAN, PERBUP_SIGNED], fail_on=Severity.MINOR)
    assert minor.gate_failures[0].reason.params["ids"] == "GOV-03, ENV-01, ENV-02"


def test_all_waived_dimension_scores_none(rubric_file: Path) -> None:
    waivers = (Waiver("ENV-01", "x"), Waiver("ENV-02", "x"))
    result = audit(rubric_file, [MASTERPLAN], waivers=waivers)
    assert result.dimensions[1].score is None
    assert result.overall == result.dimensions[0].score


def test_run_audit_is_deterministic_and_does_not_touch_the_folder(
    tmp_path: Path, rubric_file: Path
) -> None:
    from docgen import Doc, write_docx, write_pdf

    root = tmp_path / "bukti"
    write_pdf(
        root / "b" / "Masterplan Smart City.pdf",
        Doc(["# BAB I VISI", "RPJMD", "# BAB II STRATEGI"]),
    )
    write_docx(
        root / "a" / "Peraturan Bupati.docx",
        Doc(["Ditetapkan di Contoh", "pada tanggal 1 Mei 2023", "ttd"]),
    )
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()}
    request = AuditRequest(root=root, rubric=load_rubric(str(rubric_file)), as_of=AS_OF)
    first, second = run_audit(request), run_audit(request)
    assert first == second
    assert [d.path for d in first.documents] == [
        "a/Peraturan Bupati.docx",
        "b/Masterplan Smart City.pdf",
    ]
    assert finding(first, "GOV-01").status is Status.COMPLETE
    assert finding(first, "GOV-02").status is Status.COMPLETE
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()}
    assert before == after
