"""Build in-memory documents and rubric pieces for behaviour-as-data tests."""

from __future__ import annotations

from typing import Any

from smartcity_audit import analysis
from smartcity_audit.extractors._base import make_document
from smartcity_audit.model import (
    AnyDocument,
    DocFormat,
    DocKind,
    DocumentRef,
    Heading,
    Match,
    Page,
    Problem,
    ProblemKind,
    Require,
    UnreadableDocument,
    YearMention,
    YearRule,
    YearSource,
)


def document(spec: dict[str, Any]) -> AnyDocument:
    """Build a document from a case spec.

    Keys: ``path``; ``format`` (pdf or docx, default from the extension); ``title``;
    ``pages`` (list of page texts; DOCX gets one unnumbered page); ``headings`` (extra styled
    headings; heading-like lines in the text are found as in extraction); ``page_count``;
    ``metadata_year``; ``problem`` (a ProblemKind value: the document is unreadable).
    """
    path = spec["path"]
    fmt = DocFormat(spec.get("format") or path.rsplit(".", 1)[-1].lower())
    ref = DocumentRef(path, path, 1000, 0, fmt, fmt)
    if "problem" in spec:
        return UnreadableDocument(
            path, fmt, 1000, Problem(ProblemKind(spec["problem"]), "", spec.get("page_count"))
        )
    texts = [_expand(t) for t in spec.get("pages", [""])]
    numbered = fmt is DocFormat.PDF
    pages = [Page(i + 1 if numbered else None, t) for i, t in enumerate(texts)]
    headings = [Heading(h, 1, None, "style") for h in spec.get("headings", [])]
    for page in pages:
        headings.extend(analysis.heading_lines(page.text.splitlines(), page.number))
    title = spec.get("title", "")
    metadata = [
        YearMention(y, YearSource.METADATA, None, "created") for y in spec.get("metadata_years", [])
    ]
    return make_document(
        ref,
        properties=(title, ""),
        first_page=texts[0] if texts else "",
        pages=pages,
        page_count=spec.get("page_count", len(pages) if numbered else None),
        headings=headings,
        metadata_years=metadata,
    )


def _expand(text: str) -> str:
    """Expand ``{words:N}`` to N words of filler text."""
    if text.startswith("{words:") and text.endswith("}"):
        return " ".join(["kata"] * int(text[7:-1]))
    return text


def match(spec: dict[str, Any]) -> Match:
    """Build a ``Match`` from a rubric-style mapping."""
    return Match(
        path=tuple(spec.get("path", ())),
        title_any=tuple(spec.get("title_any", ())),
        title_all=tuple(spec.get("title_all", ())),
        text_any=tuple(spec.get("text_any", ())),
        text_all=tuple(spec.get("text_all", ())),
        formats=tuple(DocFormat(f) for f in spec.get("formats", ())),
        kinds=tuple(DocKind(k) for k in spec.get("kinds", ())),
        not_kinds=tuple(DocKind(k) for k in spec.get("not_kinds", ())),
        all=bool(spec.get("all", False)),
    )


def require(spec: dict[str, Any]) -> Require:
    """Build a ``Require`` from a rubric-style mapping."""
    year = spec.get("year")
    return Require(
        sections=tuple(spec.get("sections", ())),
        text_all=tuple(spec.get("text_all", ())),
        text_any=tuple(spec.get("text_any", ())),
        text_none=tuple(spec.get("text_none", ())),
        min_pages=spec.get("min_pages"),
        min_words=spec.get("min_words"),
        year=YearRule(**year) if year else None,
        signed=spec.get("signed"),
    )
