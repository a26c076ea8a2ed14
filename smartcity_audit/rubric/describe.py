"""Describe rubrics for people and programs: bundled list, tree and JSON."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from smartcity_audit.i18n import tr
from smartcity_audit.model import DocFormat, DocKind, Match, Require, Requirement, Rubric, YearRule


@dataclass(frozen=True, slots=True)
class RubricSummary:
    """One line of ``rubric list``."""

    name: str
    id: str
    title: str
    version: str
    dimensions: int
    requirements: int


def summarize(name: str, rubric: Rubric, lang: str) -> RubricSummary:
    """Summarise a loaded rubric for ``rubric list``."""
    return RubricSummary(
        name=name,
        id=rubric.id,
        title=rubric.title.get(lang),
        version=rubric.version,
        dimensions=len(rubric.dimensions),
        requirements=len(rubric.requirements),
    )


def match_to_dict(match: Match) -> dict[str, Any]:
    """Return a ``match`` block as JSON-ready data (every key present)."""
    return {
        "path": list(match.path),
        "title_any": list(match.title_any),
        "title_all": list(match.title_all),
        "text_any": list(match.text_any),
        "text_all": list(match.text_all),
        "formats": [f.value for f in match.formats],
        "kinds": [k.value for k in match.kinds],
        "not_kinds": [k.value for k in match.not_kinds],
        "all": match.all,
    }


def require_to_dict(require: Require) -> dict[str, Any]:
    """Return a ``require`` block as JSON-ready data (every key present)."""
    year = require.year
    return {
        "sections": list(require.sections),
        "text_all": list(require.text_all),
        "text_any": list(require.text_any),
        "text_none": list(require.text_none),
        "min_pages": require.min_pages,
        "min_words": require.min_words,
        "year": {"min": year.min, "max": year.max, "within_years": year.within_years}
        if year
        else None,
        "signed": require.signed,
    }


def match_from_dict(data: Mapping[str, Any]) -> Match:
    """Rebuild a ``match`` block from ``match_to_dict`` data."""
    return Match(
        path=tuple(data.get("path", ())),
        title_any=tuple(data.get("title_any", ())),
        title_all=tuple(data.get("title_all", ())),
        text_any=tuple(data.get("text_any", ())),
        text_all=tuple(data.get("text_all", ())),
        formats=tuple(DocFormat(f) for f in data.get("formats", ())),
        kinds=tuple(DocKind(k) for k in data.get("kinds", ())),
        not_kinds=tuple(DocKind(k) for k in data.get("not_kinds", ())),
        all=bool(data.get("all", False)),
    )


def require_from_dict(data: Mapping[str, Any]) -> Require:
    """Rebuild a ``require`` block from ``require_to_dict`` data."""
    year = data.get("year")
    return Require(
        sections=tuple(data.get("sections", ())),
        text_all=tuple(data.get("text_all", ())),
        text_any=tuple(data.get("text_any", ())),
        text_none=tuple(data.get("text_none", ())),
        min_pages=data.get("min_pages"),
        min_words=data.get("min_words"),
        year=YearRule(**year) if year else None,
        signed=data.get("signed"),
    )


def _requirement_dict(requirement: Requirement, lang: str) -> dict[str, Any]:
    return {
        "id": requirement.id,
        "title": requirement.title.get(lang),
        "description": requirement.description.get(lang) if requirement.description else None,
        "group": requirement.group,
        "component": requirement.component.value if requirement.component else None,
        "severity": requirement.severity.value,
        "weight": requirement.weight,
        "min_documents": requirement.min_documents,
        "tags": list(requirement.tags),
        "match": match_to_dict(requirement.match),
        "require": require_to_dict(requirement.require),
    }


def rubric_to_dict(rubric: Rubric, lang: str) -> dict[str, Any]:
    """Return the resolved rubric (``extends`` applied) as JSON-ready data."""
    return {
        "id": rubric.id,
        "title": rubric.title.get(lang),
        "version": rubric.version,
        "language": rubric.language,
        "source": rubric.source,
        "dimensions": [
            {
                "id": d.id,
                "title": d.title.get(lang),
                "weight": d.weight,
                "requirements": [_requirement_dict(r, lang) for r in d.requirements],
            }
            for d in rubric.dimensions
        ],
    }


def render_json(rubric: Rubric, lang: str) -> bytes:
    """Render the resolved rubric as JSON."""
    return (json.dumps(rubric_to_dict(rubric, lang), ensure_ascii=False, indent=2) + "\n").encode(
        "utf-8"
    )


def render_tree(rubric: Rubric, lang: str, width: int = 100) -> bytes:
    """Render dimensions, groups and requirements as a tree."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, no_color=True, highlight=False, markup=False, emoji=False
    )
    root = Tree(Text(f"{rubric.id} {rubric.version} — {rubric.title.get(lang)}".strip()))
    for dimension in rubric.dimensions:
        count = f"{len(dimension.requirements)} {tr(lang, 'label.requirements')}"
        branch = root.add(
            Text(f"{dimension.title.get(lang)} [{dimension.id}] ×{dimension.weight:g} — {count}")
        )
        groups: dict[str | None, Tree] = {}
        for requirement in dimension.requirements:
            parent = branch
            if requirement.group:
                if requirement.group not in groups:
                    groups[requirement.group] = branch.add(Text(requirement.group))
                parent = groups[requirement.group]
            severity = tr(lang, f"severity.{requirement.severity.value}")
            component = f", {requirement.component.value}" if requirement.component else ""
            label = f"{requirement.id} {requirement.title.get(lang)} ({severity}, ×{requirement.weight:g}{component})"
            parent.add(Text(label))
    console.print(root)
    text = "\n".join(line.rstrip() for line in buffer.getvalue().splitlines())
    return (text + "\n").encode("utf-8")
