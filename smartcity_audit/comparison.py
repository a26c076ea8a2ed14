"""Compare two audits: what became complete, what regressed, new and resolved gaps, score changes.

Leadership asks for progress between two audits; CI uses the same comparison to fail only on
regressions against a baseline.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from smartcity_audit.model import AuditResult, Finding, Status, Text

# How good a status is; waived counts as settled, like complete.
STATUS_RANK = {
    Status.COMPLETE: 3,
    Status.WAIVED: 3,
    Status.INCOMPLETE: 2,
    Status.UNREADABLE: 1,
    Status.MISSING: 0,
}


class ChangeKind(str, Enum):
    """How a requirement changed between two audits."""

    IMPROVED = "improved"
    REGRESSED = "regressed"
    UNCHANGED = "unchanged"
    ADDED = "added"  # the requirement is new in the rubric
    REMOVED = "removed"  # the requirement left the rubric


@dataclass(frozen=True, slots=True)
class RequirementChange:
    """One requirement in both audits."""

    id: str
    dimension: str
    title: Text
    old: Status | None
    new: Status | None
    old_score: float | None
    new_score: float | None
    kind: ChangeKind

    @property
    def new_gap(self) -> bool:
        """Tell whether this is a gap now that was not one before."""
        return _is_gap(self.new) and not _is_gap(self.old)

    @property
    def resolved_gap(self) -> bool:
        """Tell whether a former gap is settled now."""
        return _is_gap(self.old) and not _is_gap(self.new)


@dataclass(frozen=True, slots=True)
class ScoreChange:
    """A score (dimension or overall) in both audits, 0..1 or ``None``."""

    id: str
    title: Text
    old: float | None
    new: float | None

    @property
    def delta(self) -> float | None:
        """Return new minus old, when both exist."""
        return None if self.old is None or self.new is None else self.new - self.old


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything that changed between an old and a new audit."""

    old: AuditResult
    new: AuditResult
    requirements: tuple[RequirementChange, ...]
    dimensions: tuple[ScoreChange, ...]
    overall: ScoreChange

    def of_kind(self, kind: ChangeKind) -> tuple[RequirementChange, ...]:
        """Return the requirement changes of one kind."""
        return tuple(c for c in self.requirements if c.kind is kind)

    @property
    def new_gaps(self) -> tuple[RequirementChange, ...]:
        """Return requirements that became gaps."""
        return tuple(c for c in self.requirements if c.new_gap)

    @property
    def resolved_gaps(self) -> tuple[RequirementChange, ...]:
        """Return gaps that were settled."""
        return tuple(c for c in self.requirements if c.resolved_gap)


def _is_gap(status: Status | None) -> bool:
    return status is not None and STATUS_RANK[status] < STATUS_RANK[Status.COMPLETE]


def _kind(old: Finding | None, new: Finding | None) -> ChangeKind:
    if old is None:
        return ChangeKind.ADDED
    if new is None:
        return ChangeKind.REMOVED
    before, after = STATUS_RANK[old.status], STATUS_RANK[new.status]
    if after > before:
        return ChangeKind.IMPROVED
    if after < before:
        return ChangeKind.REGRESSED
    # Same rank: a lower score for an incomplete requirement is still a step back.
    if old.score is not None and new.score is not None and new.score < old.score - 1e-9:
        return ChangeKind.REGRESSED
    if old.score is not None and new.score is not None and new.score > old.score + 1e-9:
        return ChangeKind.IMPROVED
    return ChangeKind.UNCHANGED


def compare(old: AuditResult, new: AuditResult) -> Comparison:
    """Compare two audits requirement by requirement (new rubric order, then removed ones)."""
    old_findings = {f.requirement.id: f for f in old.findings}
    new_findings = {f.requirement.id: f for f in new.findings}
    order = [f.requirement.id for f in new.findings] + [
        i for i in old_findings if i not in new_findings
    ]
    changes = []
    for requirement_id in order:
        before, after = old_findings.get(requirement_id), new_findings.get(requirement_id)
        shown = after or before
        assert shown is not None
        changes.append(
            RequirementChange(
                id=requirement_id,
                dimension=shown.requirement.dimension,
                title=shown.requirement.title,
                old=before.status if before else None,
                new=after.status if after else None,
                old_score=before.score if before else None,
                new_score=after.score if after else None,
                kind=_kind(before, after),
            )
        )
    old_dimensions = {d.dimension.id: d for d in old.dimensions}
    new_dimensions = {d.dimension.id: d for d in new.dimensions}
    dimension_order = list(new_dimensions) + [i for i in old_dimensions if i not in new_dimensions]
    dimensions = []
    for dimension_id in dimension_order:
        before_score, after_score = (
            old_dimensions.get(dimension_id),
            new_dimensions.get(dimension_id),
        )
        shown_dimension = after_score or before_score
        assert shown_dimension is not None
        dimensions.append(
            ScoreChange(
                dimension_id,
                shown_dimension.dimension.title,
                before_score.score if before_score else None,
                after_score.score if after_score else None,
            )
        )
    overall = ScoreChange("overall", new.rubric.title, old.overall, new.overall)
    return Comparison(old, new, tuple(changes), tuple(dimensions), overall)
