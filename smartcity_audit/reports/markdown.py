"""Render a compact GitHub-flavoured Markdown report for pull-request comments and CI summaries.

Untrusted text (file names, excerpts, rubric texts) is escaped so it can neither inject HTML
nor links nor break the tables: Markdown punctuation is backslash-escaped, ``<``, ``>`` and
``&`` become entities, and line breaks become spaces.
"""

from __future__ import annotations

import re

from smartcity_audit.i18n import format_date, tr
from smartcity_audit.model import AuditResult, Status
from smartcity_audit.reports._common import (
    ReportOptions,
    evidence_location,
    is_gap,
    next_steps,
    problem_text,
    reason_text,
    recommendation,
    safe,
    status_label,
)
from smartcity_audit.scoring import percent

STATUS_ICON = {
    Status.COMPLETE: "✅",
    Status.INCOMPLETE: "🟡",
    Status.MISSING: "❌",
    Status.UNREADABLE: "❓",
    Status.WAIVED: "➖",
}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")
_MAX_EVIDENCE = 3


def escape(text: str) -> str:
    """Escape untrusted text for inline Markdown (tables included)."""
    text = safe(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = text.replace("://", ":\\/\\/")  # no autolinks from file names or excerpts
    return " ".join(text.split())


def _score(value: float | None) -> str:
    shown = percent(value)
    return "—" if shown is None else f"{shown:.1f}%"


def render(result: AuditResult, options: ReportOptions) -> bytes:
    """Render the Markdown report."""
    lang = options.lang
    lines: list[str] = []
    title = escape(result.rubric.title.get(lang))
    lines.append(f"## {tr(lang, 'label.report_title')}: {title}")
    lines.append("")
    lines.append(
        f"**{tr(lang, 'label.overall')}: {_score(result.overall)}** · "
        f"{tr(lang, 'label.folder')}: {escape(result.root)} · "
        f"{tr(lang, 'label.rubric')}: {escape(result.rubric.id)} {escape(result.rubric.version)} · "
        f"{tr(lang, 'label.as_of')}: {format_date(result.as_of, lang)}"
    )
    lines.append("")
    header = [tr(lang, "label.dimension"), tr(lang, "label.score")]
    header += [f"{STATUS_ICON[s]} {status_label(s, lang)}" for s in Status]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" + "---:|" * (len(header) - 1))
    for dimension in result.dimensions:
        cells = [escape(dimension.dimension.title.get(lang)), _score(dimension.score)]
        cells += [str(dimension.counts.get(s, 0)) for s in Status]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")

    steps = next_steps(result.findings)
    lines.append(f"### {tr(lang, 'label.next_steps')}")
    lines.append("")
    if not steps:
        lines.append(tr(lang, "label.no_gaps"))
    for finding in steps:
        requirement = finding.requirement
        severity = tr(lang, f"severity.{requirement.severity.value}")
        lines.append(
            f"- {STATUS_ICON[finding.status]} **{escape(requirement.id)}** "
            f"({severity}) {escape(recommendation(finding, lang))}"
        )
    lines.append("")

    gaps = [f for f in result.findings if is_gap(f)]
    if gaps:
        lines.append("<details>")
        lines.append(f"<summary>{tr(lang, 'label.gaps')} ({len(gaps)})</summary>")
        lines.append("")
        for finding in gaps:
            requirement = finding.requirement
            status = status_label(finding.status, lang)
            lines.append(
                f"- {STATUS_ICON[finding.status]} **{escape(requirement.id)}** "
                f"{escape(requirement.title.get(lang))} — {status}"
            )
            for reason in finding.reasons:
                lines.append(f"  - {escape(reason_text(reason, lang))}")
            for evidence in finding.evidence[:_MAX_EVIDENCE]:
                lines.append(
                    f"  - {tr(lang, 'label.candidate')}: {escape(evidence_location(evidence, lang))}"
                )
        lines.append("")
        lines.append("</details>")
        lines.append("")

    troubled = [d for d in result.documents if d.problems]
    if troubled:
        lines.append(f"### {tr(lang, 'label.document_problems')}")
        lines.append("")
        for document in troubled:
            for problem in document.problems:
                lines.append(f"- {escape(document.path)}: {escape(problem_text(problem, lang))}")
        lines.append("")
    for failure in result.gate_failures:
        lines.append(f"> ❌ {escape(reason_text(failure.reason, lang))}")
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
