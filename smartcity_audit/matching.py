"""Decide which documents are candidates for a requirement, and where each phrase stands.

Every readable document is indexed once (``DocumentIndex``); phrases are normalised once per
rubric. An unreadable document can still be a candidate through its path or file name, so a
scanned decree named "SK Dewan Smart City.pdf" is reported as unreadable evidence rather
than missing evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePosixPath

from smartcity_audit.globs import glob_matches
from smartcity_audit.model import (
    AnyDocument,
    Document,
    Evidence,
    Heading,
    Match,
    MatchKey,
    Requirement,
    Rubric,
)
from smartcity_audit.text import Hit, SearchText, clip, normalize


@dataclass(frozen=True, slots=True)
class Found:
    """A phrase found in a document: the page (None for DOCX), where, and how to show it.

    The excerpt is cut only when asked for: most finds only need to exist (checks want the
    page), and cutting excerpts for every one of them was the slowest part of a rescan.
    """

    page: int | None
    key: MatchKey = MatchKey.TEXT
    source: SearchText | None = None
    hit: Hit | None = None
    fixed: str = ""

    @property
    def excerpt(self) -> str:
        """Return the text around the find."""
        if self.source is not None and self.hit is not None:
            return self.source.excerpt(self.hit)
        return self.fixed


class DocumentIndex:
    """A document prepared once for all the phrase searches of a rubric."""

    def __init__(self, document: AnyDocument, folder_dimension: str | None = None) -> None:
        self.document = document
        self.folder_dimension = folder_dimension  # the dimension whose folder holds the file
        stem = PurePosixPath(document.path).stem
        self.name = SearchText(stem)
        self.pages: list[tuple[int | None, SearchText]] = []
        self.title: SearchText | None = None
        if isinstance(document, Document):
            self.pages = [
                (page.number, SearchText(page.text, page.normalized or None))
                for page in document.pages
            ]
            self.title = SearchText(document.title_region)

    @cached_property
    def headings(self) -> list[tuple[Heading, str]]:
        """Return each heading with its normalised text."""
        if not isinstance(self.document, Document):
            return []
        return [(heading, f" {normalize(heading.text)} ") for heading in self.document.headings]

    def find_text(self, phrase: str) -> Found | None:
        """Find a normalised phrase in the body text; return the first page and an excerpt."""
        for number, text in self.pages:
            hit = text.find(phrase)
            if hit is not None:
                return Found(number, MatchKey.TEXT, text, hit)
        return None

    def find_title(self, phrase: str) -> Found | None:
        """Find a normalised phrase in the title region or, failing that, in the file name."""
        if self.title is not None:
            hit = self.title.find(phrase)
            if hit is not None:
                first_page = self.pages[0][0] if self.pages else None
                return Found(first_page, MatchKey.TITLE, self.title, hit)
        if self.name.contains(phrase):
            return Found(None, MatchKey.NAME, fixed=clip(PurePosixPath(self.document.path).name))
        return None

    def find_section(self, phrase: str) -> Heading | None:
        """Return the first heading that contains the normalised phrase."""
        padded = f" {phrase} "
        for heading, normalized in self.headings:
            if padded in normalized:
                return heading
        return None


@dataclass(frozen=True, slots=True)
class CompiledMatch:
    """A requirement's ``match`` block with its phrases normalised."""

    match: Match
    dimension: str
    title_any: tuple[str, ...]
    title_all: tuple[str, ...]
    text_any: tuple[str, ...]
    text_all: tuple[str, ...]

    @classmethod
    def of(cls, match: Match, dimension: str = "") -> CompiledMatch:
        """Normalise the phrases of a ``match`` block of a requirement in ``dimension``."""
        return cls(
            match=match,
            dimension=dimension,
            title_any=tuple(normalize(p) for p in match.title_any),
            title_all=tuple(normalize(p) for p in match.title_all),
            text_any=tuple(normalize(p) for p in match.text_any),
            text_all=tuple(normalize(p) for p in match.text_all),
        )


def _path_hit(match: Match, path: str) -> Found | None:
    for pattern in match.path:
        if glob_matches(pattern, path):
            return Found(None, MatchKey.PATH, fixed=clip(PurePosixPath(path).name))
    return None


def _folder_hit(compiled: CompiledMatch, index: DocumentIndex) -> Found | None:
    if compiled.dimension and index.folder_dimension == compiled.dimension:
        return Found(None, MatchKey.PATH, fixed=clip(PurePosixPath(index.document.path).name))
    return None


def _title_hit(phrases: tuple[str, ...], index: DocumentIndex) -> Found | None:
    for phrase in phrases:
        found = index.find_title(phrase)
        if found is not None:
            return found
    return None


def _title_all_hit(phrases: tuple[str, ...], index: DocumentIndex) -> Found | None:
    first: Found | None = None
    for phrase in phrases:
        found = index.find_title(phrase)
        if found is None:
            return None
        first = first or found
    return first


def _text_any_hit(phrases: tuple[str, ...], index: DocumentIndex) -> Found | None:
    for phrase in phrases:
        found = index.find_text(phrase)
        if found is not None:
            return found
    return None


def _text_all_hit(phrases: tuple[str, ...], index: DocumentIndex) -> Found | None:
    first: Found | None = None
    for phrase in phrases:
        found = index.find_text(phrase)
        if found is None:
            return None
        first = first or found
    return first


def match_document(compiled: CompiledMatch, index: DocumentIndex) -> Evidence | None:
    """Return the evidence that makes a document a candidate, or ``None``.

    Without ``all: true`` any listed key may hit; with it, every listed key must. ``formats``
    and ``kinds`` only filter. When several keys hit, the evidence shown is the strongest:
    title, then text, then path. Keys are tried in that order, so without ``all`` the first
    hit decides; with ``all`` the cheap keys (path, folder, title) are tried first, so a file
    that fails them is never searched.
    """
    match = compiled.match
    document = index.document
    if match.formats and document.format not in match.formats:
        return None
    # Kinds filter like formats; the kind of an unreadable file is unknown and passes.
    kind = document.kind if isinstance(document, Document) else None
    if kind is not None and ((match.kinds and kind not in match.kinds) or kind in match.not_kinds):
        return None
    # The text of an unreadable file is unknown, not absent: with ``all: true`` it neither
    # makes nor breaks the match, so a scanned decree named like one stays a candidate.
    readable = document.readable
    keys: list[tuple[bool, Callable[[], Found | None]]] = [
        (bool(match.title_any), lambda: _title_hit(compiled.title_any, index)),
        (bool(match.title_all), lambda: _title_all_hit(compiled.title_all, index)),
        (bool(match.text_any) and readable, lambda: _text_any_hit(compiled.text_any, index)),
        (bool(match.text_all) and readable, lambda: _text_all_hit(compiled.text_all, index)),
        (bool(match.path), lambda: _path_hit(match, document.path)),
        (match.dimension_folder, lambda: _folder_hit(compiled, index)),
    ]
    listed = [find for present, find in keys if present]
    chosen: Found | None = None
    if not match.all:
        for find in listed:
            chosen = find()
            if chosen is not None:
                break
    else:
        # Cheap keys (path, folder) first, so a file that fails them is never searched; each
        # key is evaluated once.
        results: dict[int, Found | None] = {}
        order = [i for i in (4, 5, 0, 1, 2, 3) if keys[i][0]]
        for i in order:
            results[i] = keys[i][1]()
            if results[i] is None:
                return None
        chosen = next(results[i] for i in sorted(results))
    if chosen is None:
        return None
    return Evidence(document.path, chosen.key, chosen.page, chosen.excerpt)


def find_candidates(
    requirement: Requirement, compiled: CompiledMatch, indexes: Iterable[DocumentIndex]
) -> list[tuple[DocumentIndex, Evidence]]:
    """Return the candidates of a requirement with the evidence that made each one."""
    found: list[tuple[DocumentIndex, Evidence]] = []
    for index in indexes:
        evidence = match_document(compiled, index)
        if evidence is not None:
            found.append((index, evidence))
    return found


def pinned_candidates(
    paths: Sequence[str], indexes_by_path: dict[str, DocumentIndex]
) -> tuple[list[tuple[DocumentIndex, Evidence]], list[str]]:
    """Return pinned files that exist as candidates, and the pinned paths that do not exist.

    A pinned path matches exactly, or else ignoring case (Windows users type names freely).
    """
    folded = {path.casefold(): index for path, index in indexes_by_path.items()}
    found: list[tuple[DocumentIndex, Evidence]] = []
    absent: list[str] = []
    for path in paths:
        index = indexes_by_path.get(path) or folded.get(path.casefold())
        if index is None:
            absent.append(path)
            continue
        actual = index.document.path
        name = clip(PurePosixPath(actual).name)
        found.append((index, Evidence(actual, MatchKey.PINNED, None, name)))
    return found, absent


def folder_resolver(rubric: Rubric) -> Callable[[str], str | None]:
    """Return a function naming the dimension whose folder holds a path.

    The first folder on the path (from the scanned root down) whose name matches a dimension's
    ``folders`` patterns decides: "1. Smart Governance/Survei Kepuasan Masyarakat/x.pdf" is
    governance evidence even though "Masyarakat" names the society folders.
    """
    patterns = [(d.id, d.folders) for d in rubric.dimensions if d.folders]

    def resolve(path: str) -> str | None:
        for folder in path.split("/")[:-1]:
            for dimension, globs in patterns:
                if any(glob_matches(g, folder) for g in globs):
                    return dimension
        return None

    return resolve
