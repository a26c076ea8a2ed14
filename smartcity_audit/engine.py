"""Run an audit: discover, extract, match, check, waive, score; return one immutable result.

The engine never prints and never reads the clock: the audit date and every option arrive in
the ``AuditRequest``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from smartcity_audit import __version__
from smartcity_audit.checks import CheckContext, document_year, run_checks
from smartcity_audit.comparison import compare
from smartcity_audit.discovery import discover
from smartcity_audit.extractors._base import ExtractOptions
from smartcity_audit.matching import (
    CompiledMatch,
    DocumentIndex,
    DocumentPool,
    TextSearchOf,
    file_stem,
    folder_resolver,
    pinned_candidates,
    title_vocabulary,
)
from smartcity_audit.model import (
    AnyDocument,
    AuditResult,
    Candidate,
    Document,
    DocumentRef,
    DocumentSummary,
    Evidence,
    Finding,
    Reason,
    ReasonParam,
    Requirement,
    Rubric,
    Severity,
    Status,
    Waiver,
    WaiverOutcome,
)
from smartcity_audit.scoring import (
    INCOMPLETE_FACTOR,
    baseline_failures,
    count_statuses,
    gate_failures,
    overall_score,
    score_dimension,
)
from smartcity_audit.waivers import waiver_for

# Called with each document's position in ``refs`` as soon as it is read (in any order).
OnDocument = Callable[[int, AnyDocument], None]


class ExtractAll(Protocol):
    """Extract documents, in the order of ``refs``; tell ``on_document`` of each as it comes."""

    def __call__(
        self,
        refs: Sequence[DocumentRef],
        options: ExtractOptions,
        on_document: OnDocument | None = None,
    ) -> list[AnyDocument]: ...


def extract_sequentially(
    refs: Sequence[DocumentRef], options: ExtractOptions, on_document: OnDocument | None = None
) -> list[AnyDocument]:
    """Extract documents one after another in this process."""
    from smartcity_audit.extractors import extract  # the readers load only when needed

    documents = []
    for position, ref in enumerate(refs):
        documents.append(extract(ref, options))
        if on_document is not None:
            on_document(position, documents[-1])
    return documents


@dataclass(frozen=True, slots=True)
class AuditRequest:
    """Everything an audit needs, already resolved from configuration and options."""

    root: Path
    rubric: Rubric
    as_of: dt.date
    root_label: str = ""
    language: str = "id"
    exclude: tuple[str, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    evidence: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    fail_under: float | None = None
    fail_on: Severity | None = None
    fail_under_dimension: Mapping[str, float] = field(default_factory=dict)
    baseline: AuditResult | None = None  # when given, only regressions against it fail
    baseline_label: str | None = None
    baseline_tolerance: float = 0.5  # overall score points
    config_source: str | None = None
    extract_options: ExtractOptions = field(default_factory=ExtractOptions)


def run_audit(
    request: AuditRequest,
    extract_all: ExtractAll = extract_sequentially,
    text_search: TextSearchOf | None = None,
) -> AuditResult:
    """Audit the folder of ``request`` against its rubric."""
    refs = discover(request.root, request.exclude)
    documents = extract_all(refs, request.extract_options)
    return evaluate(request, documents, text_search)


def evaluate(
    request: AuditRequest,
    documents: Sequence[AnyDocument],
    text_search: TextSearchOf | None = None,
) -> AuditResult:
    """Judge already-extracted documents against the rubric of ``request``.

    ``text_search`` may supply each document's phrase search with the answers of earlier scans
    (the extraction cache does), so that unchanged documents need not be searched again.
    """
    folder_of = folder_resolver(request.rubric)
    indexes = [
        DocumentIndex(document, folder_of(document.path), text_search) for document in documents
    ]
    by_path = {index.document.path: index for index in indexes}
    pool = DocumentPool(indexes, title_vocabulary(request.rubric))
    ctx = CheckContext(as_of=request.as_of)
    findings: list[Finding] = []
    for requirement in request.rubric.requirements:
        pins = request.evidence.get(requirement.id)
        absent: list[str] = []
        if pins:
            matched, absent = pinned_candidates(pins, by_path)
        else:
            compiled = CompiledMatch.of(requirement.match, requirement.dimension)
            matched = pool.find_candidates(compiled)
        candidates = tuple(_judge(requirement, index, evidence, ctx) for index, evidence in matched)
        waiver = waiver_for(requirement.id, request.waivers, request.as_of)
        findings.append(judge_requirement(requirement, candidates, absent, waiver))

    dimensions = tuple(score_dimension(d, findings) for d in request.rubric.dimensions)
    overall = overall_score(dimensions)
    used = {f.waiver.waiver for f in findings if f.waiver and f.status is Status.WAIVED}
    result = AuditResult(
        tool_version=__version__,
        root=request.root_label or request.root.as_posix(),
        as_of=request.as_of,
        rubric=request.rubric,
        language=request.language,
        findings=tuple(findings),
        dimensions=dimensions,
        overall=overall,
        counts=count_statuses(findings),
        documents=tuple(_summary(d, request.as_of) for d in documents),
        gate_failures=gate_failures(
            findings,
            dimensions,
            overall,
            request.fail_under,
            request.fail_on,
            request.fail_under_dimension,
        ),
        fail_under=request.fail_under,
        fail_on=request.fail_on,
        fail_under_dimension=dict(request.fail_under_dimension),
        baseline=request.baseline_label,
        config_source=request.config_source,
        unused_waivers=tuple(
            w for w in request.waivers if w not in used and _applies(w, request.as_of)
        ),
    )
    if request.baseline is None:
        return result
    # Against a baseline only regressions fail, so a repository can adopt the tool before its
    # evidence is complete.
    failures = baseline_failures(compare(request.baseline, result), request.baseline_tolerance)
    return replace(result, gate_failures=failures)


def _applies(waiver: Waiver, as_of: dt.date) -> bool:
    return waiver.until is None or waiver.until >= as_of


def _judge(
    requirement: Requirement, index: DocumentIndex, evidence: Evidence, ctx: CheckContext
) -> Candidate:
    document = index.document
    if not isinstance(document, Document):
        return Candidate(document.path, evidence, (), document.problem)
    return Candidate(document.path, evidence, run_checks(requirement.require, document, index, ctx))


def _rank(candidate: Candidate) -> tuple[bool, float]:
    return candidate.passed, candidate.share_passed


def judge_requirement(
    requirement: Requirement,
    candidates: tuple[Candidate, ...],
    absent_pins: Sequence[str],
    waiver: WaiverOutcome | None,
) -> Finding:
    """Decide a requirement's status, score, reasons and evidence from its candidates."""
    # Best first: passing candidates, then by share of checks passed; path order breaks ties.
    ordered = tuple(sorted(candidates, key=_rank, reverse=True))
    passed = [c for c in ordered if c.passed]
    readable = [c for c in ordered if c.readable]
    unreadable = [c for c in ordered if not c.readable]
    reasons: list[Reason] = [Reason("finding.pinned_not_found", {"path": p}) for p in absent_pins]

    if waiver is not None and waiver.applied:
        w = waiver.waiver
        params = {"reason": w.reason, "approved_by": w.approved_by or "-"}
        return Finding(
            requirement,
            Status.WAIVED,
            None,
            (Reason("finding.waived", params),),
            (),
            ordered,
            waiver,
        )
    if waiver is not None:
        reasons.append(
            Reason(
                "finding.waiver_expired",
                {"until": waiver.waiver.until.isoformat() if waiver.waiver.until else "-"},
            )
        )

    evidence = tuple(c.evidence for c in ordered)
    if _distinct(passed) >= requirement.min_documents:
        return Finding(requirement, Status.COMPLETE, 1.0, tuple(reasons), evidence, ordered, waiver)
    if not ordered:
        if not absent_pins:
            reasons.append(Reason("finding.no_candidate"))
        return Finding(requirement, Status.MISSING, 0.0, tuple(reasons), (), ordered, waiver)
    if not readable:
        reasons.extend(_unreadable_reasons(unreadable))
        return Finding(
            requirement, Status.UNREADABLE, 0.0, tuple(reasons), evidence, ordered, waiver
        )
    if passed:
        counts: dict[str, ReasonParam] = {
            "passed": _distinct(passed),
            "required": requirement.min_documents,
        }
        reasons.append(Reason("finding.not_enough", counts))
    failing = next((c for c in readable if not c.passed), None)
    if failing is not None:
        reasons.extend(c.reason for c in failing.checks if not c.passed)
    reasons.extend(_unreadable_reasons(unreadable))
    score = readable[0].share_passed * INCOMPLETE_FACTOR
    return Finding(requirement, Status.INCOMPLETE, score, tuple(reasons), evidence, ordered, waiver)


def _distinct(candidates: Sequence[Candidate]) -> int:
    """Count documents, not files: "notulen.docx" and its export "notulen.pdf" are one."""
    return len({_without_suffix(c.path).casefold() for c in candidates})


def _without_suffix(path: str) -> str:
    folder, slash, name = path.rpartition("/")
    return folder + slash + file_stem(name)


def _unreadable_reasons(candidates: Sequence[Candidate]) -> list[Reason]:
    reasons = []
    for candidate in candidates:
        problem = candidate.problem
        assert problem is not None
        pages = problem.pages if problem.pages is not None else "?"
        described = Reason(
            f"problem.{problem.kind.value}", {"detail": problem.detail, "pages": pages}
        )
        reasons.append(
            Reason("finding.candidate_unreadable", {"path": candidate.path, "problem": described})
        )
    return reasons


def _summary(document: AnyDocument, as_of: dt.date) -> DocumentSummary:
    if isinstance(document, Document):
        year = document_year(document, as_of)
        return DocumentSummary(
            path=document.path,
            format=document.format,
            size=document.size,
            readable=True,
            title=document.title,
            page_count=document.page_count,
            words=document.words,
            year=year.year if year else None,
            problems=document.problems,
            kind=document.kind,
        )
    return DocumentSummary(
        path=document.path,
        format=document.format,
        size=document.size,
        readable=False,
        title="",
        page_count=document.page_count,
        words=0,
        year=None,
        problems=(document.problem,),
    )
