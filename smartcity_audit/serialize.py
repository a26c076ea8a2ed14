"""Turn extracted documents into plain JSON data and back, for the extraction cache.

A document is stored in two parts: what judging needs (title, headings, dates, markers,
counts) and the text of its pages, read back only when needed (``StoredPages``).

JSON rather than pickle: a cache folder may be restored from a shared CI cache, and loading
it must never run code. The document's path and size are not stored; they belong to the file
the content was found at this time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from typing import Any, TypeVar, overload

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
from smartcity_audit.text import normalize

FORMAT_VERSION = 4


def _problem(problem: Problem) -> list[Any]:
    return [problem.kind.value, problem.detail, problem.pages]


def _load_problem(data: list[Any]) -> Problem:
    return Problem(ProblemKind(data[0]), str(data[1]), data[2])


def document_to_data(document: AnyDocument) -> dict[str, Any]:
    """Return the JSON-ready content of an extracted document, without the text of its pages.

    The pages go separately (``pages_to_data``): a rescan needs only this part, and the text
    only when a phrase is asked that its memo does not answer.
    """
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
        "title_normalized": document.title_normalized,
        "page_count": document.page_count,
        "words": document.words,
        "years": [[y.year, y.source.value, y.page, y.excerpt] for y in document.years],
        "markers": [[m.kind.value, m.page, m.excerpt] for m in document.markers],
        "problems": [_problem(p) for p in document.problems],
        "kind": document.kind.value,
    }


def headings_to_json(document: AnyDocument) -> str:
    """Return the headings as JSON text, stored apart and decoded only when a check needs them."""
    if isinstance(document, UnreadableDocument):
        return "[]"
    return json.dumps(
        [[h.text, h.level, h.page, h.source] for h in document.headings], ensure_ascii=False
    )


def pages_to_data(document: Document) -> list[list[Any]]:
    """Return the page numbers and texts of a document (the normalised text is recomputed)."""
    return [[page.number, page.text] for page in document.pages]


def pages_from_data(data: Any) -> tuple[Page, ...]:
    """Rebuild pages; raise ``ValueError`` on data of another shape."""
    try:
        return tuple(Page(n, str(t), normalize(str(t))) for n, t in data)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"malformed cached text: {exc}") from exc


T = TypeVar("T")


class Deferred(Sequence[T]):
    """A tuple built the first time it is used: the pages of a cached document (read from
    the cache) or its headings (decoded from JSON), which most rescans never look at."""

    __slots__ = ("_items", "_load")

    def __init__(self, load: Callable[[], tuple[T, ...]]) -> None:
        self._load: Callable[[], tuple[T, ...]] | None = load
        self._items: tuple[T, ...] = ()

    def _get(self) -> tuple[T, ...]:
        if self._load is not None:
            self._items = self._load()
            self._load = None
        return self._items

    @property
    def loaded(self) -> bool:
        """Tell whether the text has been read."""
        return self._load is None

    def __len__(self) -> int:
        return len(self._get())

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        return self._get()[index]

    def __iter__(self) -> Iterator[T]:
        return iter(self._get())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return self._get() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._get())

    def __repr__(self) -> str:
        return f"Deferred({self._get()!r})" if self.loaded else "Deferred(<not read>)"


# Enum members by value: a dictionary lookup is several times faster than ``Enum(value)``.
_FORMATS = {member.value: member for member in DocFormat}
_KINDS = {member.value: member for member in DocKind}
_YEAR_SOURCES = {member.value: member for member in YearSource}
_MARKER_KINDS = {member.value: member for member in MarkerKind}


def _headings(encoded: str | bytes) -> tuple[Heading, ...]:
    try:
        return tuple(Heading(str(t), int(lv), p, str(s)) for t, lv, p, s in json.loads(encoded))
    except (TypeError, ValueError):  # a damaged entry: its headings are lost, not the scan
        return ()


def document_from_data(
    data: Mapping[str, Any],
    ref: DocumentRef,
    pages: Sequence[Page] = (),
    headings: str | bytes = "[]",
) -> AnyDocument:
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
            format=_FORMATS[data["format"]],
            size=ref.size,
            title=str(data["title"]),
            title_region=str(data["title_region"]),
            title_normalized=str(data["title_normalized"]),
            pages=pages,
            page_count=data["page_count"],
            words=int(data["words"]),
            headings=Deferred(partial(_headings, headings)),
            years=tuple(
                YearMention(int(y), _YEAR_SOURCES[s], p, str(e)) for y, s, p, e in data["years"]
            ),
            markers=tuple(Marker(_MARKER_KINDS[k], p, str(e)) for k, p, e in data["markers"]),
            problems=tuple(_load_problem(p) for p in data["problems"]),
            kind=_KINDS[data["kind"]],
        )
    except (KeyError, TypeError) as exc:
        raise ValueError(f"malformed cache entry: {exc}") from exc
