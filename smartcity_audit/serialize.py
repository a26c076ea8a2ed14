"""Turn extracted documents into plain JSON data and back, for the extraction cache.

JSON rather than pickle: a cache folder may be restored from a shared CI cache, and loading
it must never run code. The document's path and size are not stored; they belong to the file
the content was found at this time.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from smartcity_audit.model import (
    AnyDocument,
    DocFormat,
    DocKind,
    Document,
    DocumentRef,
    Heading,
    Marker,
    MarkerKind,
    Page,
    Problem,
    ProblemKind,
    UnreadableDocument,
    YearMention,
    YearSource,
)

FORMAT_VERSION = 2


def _problem(problem: Problem) -> list[Any]:
    return [problem.kind.value, problem.detail, problem.pages]


def _load_problem(data: list[Any]) -> Problem:
    return Problem(ProblemKind(data[0]), str(data[1]), data[2])


def document_to_data(document: AnyDocument) -> dict[str, Any]:
    """Return the JSON-ready content of an extracted document."""
    if isinstance(document, UnreadableDocument):
        return {
            "v": FORMAT_VERSION,
            "readable": False,
            "format": document.format.value,
            "problem": _problem(document.problem),
            "page_count": document.page_count,
        }
    return {
        "v": FORMAT_VERSION,
        "readable": True,
        "format": document.format.value,
        "title": document.title,
        "title_region": document.title_region,
        "pages": [[p.number, p.text, p.normalized] for p in document.pages],
        "page_count": document.page_count,
        "words": document.words,
        "headings": [[h.text, h.level, h.page, h.source] for h in document.headings],
        "years": [[y.year, y.source.value, y.page, y.excerpt] for y in document.years],
        "markers": [[m.kind.value, m.page, m.excerpt] for m in document.markers],
        "problems": [_problem(p) for p in document.problems],
        "kind": document.kind.value,
    }


def document_from_data(data: Mapping[str, Any], ref: DocumentRef) -> AnyDocument:
    """Rebuild a document found at ``ref``; raise ``ValueError`` on data of another shape."""
    if data.get("v") != FORMAT_VERSION:
        raise ValueError("cache entry of another format version")
    try:
        if not data["readable"]:
            return UnreadableDocument(
                path=ref.path,
                format=DocFormat(data["format"]),
                size=ref.size,
                problem=_load_problem(data["problem"]),
                page_count=data["page_count"],
            )
        return Document(
            path=ref.path,
            format=DocFormat(data["format"]),
            size=ref.size,
            title=str(data["title"]),
            title_region=str(data["title_region"]),
            pages=tuple(Page(n, str(t), str(w)) for n, t, w in data["pages"]),
            page_count=data["page_count"],
            words=int(data["words"]),
            headings=tuple(Heading(str(t), int(lv), p, str(s)) for t, lv, p, s in data["headings"]),
            years=tuple(
                YearMention(int(y), YearSource(s), p, str(e)) for y, s, p, e in data["years"]
            ),
            markers=tuple(Marker(MarkerKind(k), p, str(e)) for k, p, e in data["markers"]),
            problems=tuple(_load_problem(p) for p in data["problems"]),
            kind=DocKind(data["kind"]),
        )
    except (KeyError, TypeError) as exc:
        raise ValueError(f"malformed cache entry: {exc}") from exc
