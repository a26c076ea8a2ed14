"""Render a comparison of two audits as terminal text, Markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from smartcity_audit.comparison import ChangeKind, Comparison, RequirementChange, ScoreChange
from smartcity_audit.i18n import format_date, tr
from smartcity_audit.reports._common import (
    ReportOptions,
    console_bytes,
    safe,
    status_label,
    text_console,
)
from smartcity_audit.reports.markdown import escape
from smartcity_audit.scoring import percent

DiffReporter = Callable[[Comparison, ReportOptions], bytes]


def _score(value: float | None) -> str:
    shown = percent(value)
    return "—" if shown is None else f"{shown:.1f}%"


def _delta(change: ScoreChange) -> str:
    delta = change.delta
    if delta is None:
        return "—"
    points = round(delta * 100, 1)
    return f"{points:+.1f}"


def _status(status: Any, lang: str) -> str:
    return "—" if status is None else status_label(status, lang)


def _sections(comparison: Comparison) -> list[tuple[str, tuple[RequirementChange, ...]]]:
    return [
        ("diff.regressed", comparison.of_kind(ChangeKind.REGRESSED)),
        ("diff.improved", comparison.of_kind(ChangeKind.IMPROVED)),
        ("diff.new_gaps", comparison.new_gaps),
        ("diff.resolved_gaps", comparison.resolved_gaps),
        ("diff.added", comparison.of_kind(ChangeKind.ADDED)),
        ("diff.removed", comparison.of_kind(ChangeKind.REMOVED)),
    ]


def _line(change: RequirementChange, lang: str) -> str:
    return f"{change.id} {change.title.get(lang)}: {_status(change.old, lang)} → {_status(change.new, lang)}"


def render_terminal(comparison: Comparison, options: ReportOptions) -> bytes:
    """Render the comparison for a terminal."""
    lang = options.lang
    console, buffer = text_console(options)
    old, new = comparison.old, comparison.new
    title = Text(tr(lang, "diff.title"), style="bold")
    title.append(f" — {format_date(old.as_of, lang)} → {format_date(new.as_of, lang)}")
    console.print(title)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(tr(lang, "label.dimension"))
    for label in ("diff.before", "diff.after", "diff.change"):
        table.add_column(tr(lang, label), justify="right")
    for change in comparison.dimensions:
        table.add_row(
            Text(safe(change.title.get(lang))),
            _score(change.old),
            _score(change.new),
            _delta(change),
        )
    table.add_section()
    overall = comparison.overall
    table.add_row(
        Text(tr(lang, "label.overall"), style="bold"),
        _score(overall.old),
        _score(overall.new),
        _delta(overall),
    )
    console.print(table)
    for code, section in _sections(comparison):
        if not section:
            continue
        console.print(Text(f"{tr(lang, code)} ({len(section)})", style="bold"))
        for requirement_change in section:
            console.print(Text("  - " + safe(_line(requirement_change, lang))))
    if not any(changes for _, changes in _sections(comparison)):
        console.print(tr(lang, "diff.no_changes"))
    return console_bytes(buffer)


def render_markdown(comparison: Comparison, options: ReportOptions) -> bytes:
    """Render the comparison as GitHub-flavoured Markdown."""
    lang = options.lang
    old, new = comparison.old, comparison.new
    lines = [
        f"## {tr(lang, 'diff.title')}: {format_date(old.as_of, lang)} → {format_date(new.as_of, lang)}",
        "",
    ]
    header = [
        tr(lang, "label.dimension"),
        tr(lang, "diff.before"),
        tr(lang, "diff.after"),
        tr(lang, "diff.change"),
    ]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|---|---:|---:|---:|")
    for change in (*comparison.dimensions, comparison.overall):
        name = (
            tr(lang, "label.overall")
            if change is comparison.overall
            else escape(change.title.get(lang))
        )
        lines.append(f"| {name} | {_score(change.old)} | {_score(change.new)} | {_delta(change)} |")
    lines.append("")
    for code, section in _sections(comparison):
        if not section:
            continue
        lines.append(f"### {tr(lang, code)} ({len(section)})")
        lines.append("")
        lines.extend(f"- {escape(_line(item, lang))}" for item in section)
        lines.append("")
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


def _score_dict(change: ScoreChange) -> dict[str, Any]:
    delta = change.delta
    return {
        "id": change.id,
        "old": None if change.old is None else round(change.old, 4),
        "new": None if change.new is None else round(change.new, 4),
        "delta": None if delta is None else round(delta, 4),
    }


def render_json(comparison: Comparison, options: ReportOptions) -> bytes:
    """Render the comparison as JSON (``diff_version`` 1)."""
    data = {
        "diff_version": 1,
        "old": {"as_of": comparison.old.as_of.isoformat(), "rubric": comparison.old.rubric.id},
        "new": {"as_of": comparison.new.as_of.isoformat(), "rubric": comparison.new.rubric.id},
        "overall": _score_dict(comparison.overall),
        "dimensions": [_score_dict(d) for d in comparison.dimensions],
        "requirements": [
            {
                "id": c.id,
                "dimension": c.dimension,
                "old": c.old.value if c.old else None,
                "new": c.new.value if c.new else None,
                "old_score": c.old_score,
                "new_score": c.new_score,
                "change": c.kind.value,
                "new_gap": c.new_gap,
                "resolved_gap": c.resolved_gap,
            }
            for c in comparison.requirements
        ],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


DIFF_REPORTERS: dict[str, DiffReporter] = {
    "terminal": render_terminal,
    "markdown": render_markdown,
    "json": render_json,
}
