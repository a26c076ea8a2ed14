"""Score findings, dimensions and the whole audit, and apply the gates.

complete = 1; incomplete = share of require checks passed by the best candidate x 0.5;
missing and unreadable = 0; waived leaves the denominator. A dimension scores the weighted
mean of its requirements; the audit scores the weighted mean of its dimensions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from smartcity_audit.comparison import STATUS_RANK, Comparison
from smartcity_audit.model import (
    Dimension,
    DimensionScore,
    Finding,
    GateOutcome,
    Reason,
    ReasonParam,
    Severity,
    Status,
)

INCOMPLETE_FACTOR = 0.5


def weighted_mean(pairs: Iterable[tuple[float, float]]) -> float | None:
    """Return the weighted mean of ``(value, weight)`` pairs; ``None`` if no weight."""
    total = weight_sum = 0.0
    for value, weight in pairs:
        total += value * weight
        weight_sum += weight
    return total / weight_sum if weight_sum > 0 else None


def count_statuses(findings: Iterable[Finding]) -> dict[Status, int]:
    """Count findings per status, with every status present."""
    counts = Counter(f.status for f in findings)
    return {status: counts.get(status, 0) for status in Status}


def score_dimension(dimension: Dimension, findings: Sequence[Finding]) -> DimensionScore:
    """Score one dimension from its findings."""
    own = [f for f in findings if f.requirement.dimension == dimension.id]
    score = weighted_mean((f.score, f.requirement.weight) for f in own if f.score is not None)
    return DimensionScore(dimension, score, count_statuses(own))


def overall_score(dimensions: Iterable[DimensionScore]) -> float | None:
    """Return the weighted mean of the dimension scores that are not fully waived."""
    return weighted_mean((d.score, d.dimension.weight) for d in dimensions if d.score is not None)


def percent(score: float | None) -> float | None:
    """Turn a 0..1 score into a percentage rounded to one decimal."""
    return None if score is None else round(score * 100, 1)


def gate_failures(
    findings: Sequence[Finding],
    dimensions: Sequence[DimensionScore],
    overall: float | None,
    fail_under: float | None,
    fail_on: Severity | None,
    fail_under_dimension: Mapping[str, float] | None = None,
) -> tuple[GateOutcome, ...]:
    """Return the gates that failed: ``fail_under`` (percent), per-dimension minimums, ``fail_on``."""
    failures: list[GateOutcome] = []
    params: dict[str, ReasonParam]
    shown = percent(overall)
    if fail_under is not None and shown is not None and shown < fail_under:
        params = {"score": shown, "threshold": fail_under}
        failures.append(GateOutcome("fail_under", Reason("gate.fail_under", params)))
    for dimension in dimensions:
        minimum = (fail_under_dimension or {}).get(dimension.dimension.id)
        shown_dimension = percent(dimension.score)
        if minimum is not None and shown_dimension is not None and shown_dimension < minimum:
            params = {
                "dimension": dimension.dimension.id,
                "score": shown_dimension,
                "threshold": minimum,
            }
            failures.append(
                GateOutcome("fail_under_dimension", Reason("gate.fail_under_dimension", params))
            )
    if fail_on is not None:
        open_ids = [
            f.requirement.id
            for f in findings
            if f.requirement.severity.rank >= fail_on.rank
            and f.status not in (Status.COMPLETE, Status.WAIVED)
        ]
        if open_ids:
            params = {
                "count": len(open_ids),
                "severity": Reason(f"severity.{fail_on.value}"),
                "ids": ", ".join(open_ids),
            }
            failures.append(GateOutcome("fail_on", Reason("gate.fail_on", params)))
    return tuple(failures)


def baseline_failures(comparison: Comparison, tolerance: float) -> tuple[GateOutcome, ...]:
    """Return the regressions against a baseline: worse statuses, or an overall drop > tolerance points."""
    failures: list[GateOutcome] = []
    worse = [
        c.id
        for c in comparison.requirements
        if c.old is not None and c.new is not None and STATUS_RANK[c.new] < STATUS_RANK[c.old]
    ]
    params: dict[str, ReasonParam]
    if worse:
        params = {"count": len(worse), "ids": ", ".join(worse)}
        failures.append(GateOutcome("baseline", Reason("gate.baseline_status", params)))
    delta = comparison.overall.delta
    if delta is not None and -delta * 100 > tolerance + 1e-9:
        params = {"drop": round(-delta * 100, 1), "tolerance": tolerance}
        failures.append(GateOutcome("baseline", Reason("gate.baseline_score", params)))
    return tuple(failures)
