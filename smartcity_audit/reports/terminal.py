"""Render the terminal report with rich: dimension table, gaps with reasons, document problems.

Untrusted text (file names, excerpts) is passed as ``rich.text.Text``, never as markup, and
control characters are escaped, so a file name cannot restyle or rewrite the terminal.
"""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from smartcity_audit.i18n import format_date, problem_hint, tr
from smartcity_audit.model import AuditResult, Finding, Status
from smartcity_audit.reports._common import (
    ReportOptions,
    console_bytes,
    evidence_location,
    is_gap,
    problem_text,
    reason_text,
    safe,
    safe_line,
    status_label,
    text_console,
)
from smartcity_audit.scoring import percent

STATUS_STYLE = {
    Status.COMPLETE: "green",
    Status.INCOMPLETE: "yellow",
    Status.MISSING: "red",
    Status.UNREADABLE: "magenta",
    Status.WAIVED: "dim",
}
STATUS_MARK = {
    Status.COMPLETE: "✓",
    Status.INCOMPLETE: "~",
    Status.MISSING: "✗",
    Status.UNREADABLE: "?",
    Status.WAIVED: "-",
}
# Evidence files listed under a gap before "and N more".
_MAX_EVIDENCE = 3


def _score(value: float | None, lang: str) -> str:
    shown = percent(value)
    return tr(lang, "label.not_scored") if shown is None else f"{shown:.1f}%"


def _dimension_table(result: AuditResult, lang: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=False)
    table.add_column(tr(lang, "label.dimension"), overflow="fold")
    table.add_column(tr(lang, "label.score"), justify="right", no_wrap=True)
    for status in Status:
        table.add_column(
            STATUS_MARK[status], justify="right", style=STATUS_STYLE[status], no_wrap=True
        )
    for dimension in result.dimensions:
        table.add_row(
            Text(safe(dimension.dimension.title.get(lang))),
            _score(dimension.score, lang),
            *(str(dimension.counts.get(status, 0)) for status in Status),
        )
    table.add_section()
    table.add_row(
        Text(tr(lang, "label.overall"), style="bold"),
        Text(_score(result.overall, lang), style="bold"),
        *(str(result.counts.get(status, 0)) for status in Status),
    )
    return table


def _legend(lang: str) -> Text:
    legend = Text()
    for status in Status:
        legend.append(f"{STATUS_MARK[status]} ", style=STATUS_STYLE[status])
        legend.append(f"{status_label(status, lang)}  ")
    return legend


def _hanging(marker: str, text: Text) -> Table:
    """Lay out ``marker`` and ``text`` so that wrapped lines stay indented under the text."""
    grid = Table.grid()
    grid.add_column(no_wrap=True, width=len(marker))
    grid.add_column(overflow="fold")
    grid.add_row(Text(marker, style="dim"), text)
    return grid


def _gap(finding: Finding, lang: str) -> list[Text | Table]:
    requirement = finding.requirement
    style = STATUS_STYLE[finding.status]
    head = Text()
    head.append(requirement.id, style="bold")
    head.append(f" [{tr(lang, f'severity.{requirement.severity.value}')}] ")
    head.append(safe(requirement.title.get(lang)))
    head.append(f" — {status_label(finding.status, lang)}", style=style)
    lines: list[Text | Table] = [_hanging(f"{STATUS_MARK[finding.status]} ", head)]
    for reason in finding.reasons:
        lines.append(_hanging("    • ", Text(safe_line(reason_text(reason, lang)))))
    for evidence in finding.evidence[:_MAX_EVIDENCE]:
        line = Text(safe_line(evidence_location(evidence, lang)))
        line.append(f" ({tr(lang, f'matched.{evidence.matched_by.value}')})", style="dim")
        lines.append(_hanging(f"    {tr(lang, 'label.candidate')}: ", line))
    hidden = len(finding.evidence) - _MAX_EVIDENCE
    if hidden > 0:
        lines.append(Text(f"    … +{hidden}", style="dim"))
    return lines


def render(result: AuditResult, options: ReportOptions) -> bytes:
    """Render the report as text (with ANSI colours when ``options.color``)."""
    lang = options.lang
    console, buffer = text_console(options)
    title = Text(tr(lang, "label.report_title"), style="bold")
    title.append(f" — {safe(result.rubric.title.get(lang))}")
    console.print(title)
    meta = Text(f"{tr(lang, 'label.folder')}: ", style="dim")
    meta.append(safe_line(result.root))
    meta.append(f"   {tr(lang, 'label.rubric')}: ", style="dim")
    meta.append(safe(f"{result.rubric.id} {result.rubric.version}".strip()))
    meta.append(f"   {tr(lang, 'label.as_of')}: ", style="dim")
    meta.append(format_date(result.as_of, lang))
    console.print(meta)
    console.print(_dimension_table(result, lang))
    console.print(_legend(lang))
    console.print()

    console.print(Text(tr(lang, "label.gaps"), style="bold underline"))
    gaps = [f for f in result.findings if is_gap(f)]
    if not gaps:
        console.print(tr(lang, "label.no_gaps"))
    for dimension in result.dimensions:
        own = [f for f in gaps if f.requirement.dimension == dimension.dimension.id]
        if not own:
            continue
        console.print(Text(safe(dimension.dimension.title.get(lang)), style="bold"))
        for finding in own:
            for line in _gap(finding, lang):
                console.print(line)
    waived = [f for f in result.findings if f.status is Status.WAIVED]
    if waived:
        console.print()
        console.print(Text(tr(lang, "label.waived"), style="bold underline"))
        for finding in waived:
            reasons = Text(safe("; ".join(reason_text(r, lang) for r in finding.reasons)))
            console.print(_hanging(f"- {finding.requirement.id}: ", reasons))

    troubled = [d for d in result.documents if d.problems]
    if troubled:
        console.print()
        console.print(Text(tr(lang, "label.document_problems"), style="bold underline"))
        for document in troubled:
            for problem in document.problems:
                line = Text(safe_line(document.path))
                style = "yellow" if document.readable else "magenta"
                line.append(": " + safe(problem_text(problem, lang)), style=style)
                hint = problem_hint(problem, lang)
                if hint:
                    line.append(f" ({hint})", style="dim")
                console.print(_hanging("- ", line))

    console.print()
    if result.gate_failures:
        for failure in result.gate_failures:
            console.print(Text("✗ " + reason_text(failure.reason, lang), style="bold red"))
    elif result.fail_under is not None or result.fail_on is not None:
        console.print(Text("✓ " + tr(lang, "label.gates_passed"), style="green"))
    return console_bytes(buffer)
