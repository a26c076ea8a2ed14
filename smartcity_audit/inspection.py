"""Show what the scanner sees in one file; rubric authors use it to choose phrases and checks."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from smartcity_audit.analysis import is_signed
from smartcity_audit.checks import document_year
from smartcity_audit.discovery import discover_file
from smartcity_audit.extractors import extract
from smartcity_audit.i18n import describe_problem, problem_hint, tr
from smartcity_audit.model import AnyDocument, Document, YearMention
from smartcity_audit.reports._common import safe

_FIRST_LINES = 15
_MAX_HEADINGS = 60


@dataclass(frozen=True, slots=True)
class Inspection:
    """One extracted file and the year the scanner dates it to."""

    document: AnyDocument
    year: YearMention | None


def inspect_file(path: Path, as_of: dt.date) -> Inspection:
    """Extract one file the way a scan would."""
    document = extract(discover_file(path))
    year = document_year(document, as_of) if isinstance(document, Document) else None
    return Inspection(document, year)


def _as_dict(inspection: Inspection, lang: str) -> dict[str, Any]:
    document = inspection.document
    data: dict[str, Any] = {
        "path": document.path,
        "format": document.format.value,
        "size": document.size,
        "readable": document.readable,
        "pages": document.page_count,
        "problems": [
            {
                "code": p.kind.value,
                "message": describe_problem(p, lang),
                "hint": problem_hint(p, lang),
            }
            for p in document.problems
        ],
    }
    if isinstance(document, Document):
        year = inspection.year
        data.update(
            kind=document.kind.value,
            title=document.title,
            words=document.words,
            year={"year": year.year, "source": year.source.value, "page": year.page}
            if year
            else None,
            years=[
                {"year": m.year, "source": m.source.value, "page": m.page, "excerpt": m.excerpt}
                for m in document.years
            ],
            signed=is_signed(document.markers),
            markers=[
                {"kind": m.kind.value, "page": m.page, "excerpt": m.excerpt}
                for m in document.markers
            ],
            headings=[
                {"text": h.text, "level": h.level, "page": h.page, "source": h.source}
                for h in document.headings
            ],
            first_lines=_first_lines(document),
        )
    return data


def _first_lines(document: Document) -> list[str]:
    lines: list[str] = []
    for page in document.pages:
        for line in page.text.splitlines():
            if line.strip():
                lines.append(line.strip())
            if len(lines) >= _FIRST_LINES:
                return lines
    return lines


def render_inspection(inspection: Inspection, output_format: str, lang: str) -> bytes:
    """Render an inspection as terminal text or JSON."""
    data = _as_dict(inspection, lang)
    if output_format == "json":
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=100, no_color=True, highlight=False, markup=False, emoji=False
    )

    def row(label: str, value: object) -> None:
        line = Text(f"{tr(lang, label)}: ", style="bold")
        line.append(safe(str(value)))
        console.print(line)

    console.print(Text(safe(data["path"]), style="bold"))
    row("label.format", data["format"])
    row("label.pages", data["pages"] if data["pages"] is not None else "?")
    for problem in data["problems"]:
        hint = f" ({problem['hint']})" if problem["hint"] else ""
        row("label.problems", problem["message"] + hint)
    if not data["readable"]:
        return buffer.getvalue().encode("utf-8")
    row("label.kind", tr(lang, f"kind.{data['kind']}"))
    row("label.title", data["title"])
    row("label.words", data["words"])
    year = data["year"]
    row(
        "label.document_year",
        f"{year['year']} ({tr(lang, 'source.' + year['source'])})"
        if year
        else tr(lang, "label.none"),
    )
    row(
        "label.years",
        ", ".join(f"{m['year']} ({tr(lang, 'source.' + m['source'])})" for m in data["years"])
        or tr(lang, "label.none"),
    )
    signed = tr(lang, "label.yes" if data["signed"] else "label.no")
    row(
        "label.signed",
        f"{signed} — " + "; ".join(m["excerpt"] for m in data["markers"])
        if data["markers"]
        else signed,
    )
    console.print(Text(f"{tr(lang, 'label.headings')}:", style="bold"))
    for heading in data["headings"][:_MAX_HEADINGS]:
        page = f" ({tr(lang, 'label.page')} {heading['page']})" if heading["page"] else ""
        console.print(
            Text(
                f"  {'  ' * (heading['level'] - 1)}{safe(heading['text'])}{page}  [{heading['source']}]"
            )
        )
    hidden = len(data["headings"]) - _MAX_HEADINGS
    if hidden > 0:
        console.print(f"  … +{hidden}")
    console.print(Text(f"{tr(lang, 'label.first_lines')}:", style="bold"))
    for line in data["first_lines"]:
        console.print(Text(f"  {safe(line)}"))
    return buffer.getvalue().encode("utf-8")
