"""Decide which documents are candidates for a requirement, and where each phrase stands.

Every readable document is indexed once (``DocumentIndex``); phrases are normalised once per
rubric. An unreadable document can still be a candidate through its path or file name, so a
scanned decree named "SK Dewan Smart City.pdf" is reported as unreadable evidence rather
than missing evidence.
"""

from __future__ import annotations

import contextlib
import functools
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any

from smartcity_audit.globs import glob_matches
from smartcity_audit.model import (
    AnyDocument,
    DocFormat,
    Document,
    Evidence,
    Heading,
    Match,
    MatchKey,
    Page,
    Rubric,
)
from smartcity_audit.text import Hit, SearchText, clip, normalize, normalize_phrase


@dataclass(frozen=True, slots=True)
class Found:
    """A phrase found in a document: the page (None for DOCX), where, and how to show it.

    The excerpt is cut only when asked for (``lazy``): most finds only need to exist (checks
    want the page), and cutting excerpts for every one of them was the slowest part of a rescan.
    """

    page: int | None
    key: MatchKey = MatchKey.TEXT
    fixed: str = ""
    lazy: Callable[[], str] | None = None

    @property
    def excerpt(self) -> str:
        """Return the text around the find."""
        return self.lazy() if self.lazy is not None else self.fixed


# What a document's text says about each phrase asked so far: ``[page, excerpt]`` where it
# first occurs (the excerpt ``None`` until someone needs it), or ``None`` when it is absent.
# Keys that start with "@" hold other remembered strings (the excerpts of title hits).
PhraseMemo = dict[str, Any]


class TextSearch:
    """The body text of one document, searched phrase by phrase, remembering every answer.

    Pages are read (through ``pages``) only when a phrase is not in the memo yet. The extraction
    cache keeps the memo, so a rescan whose phrases were all asked before loads no text at all;
    it hands the memo over as JSON (``encoded``), decoded on the first search.
    """

    def __init__(
        self,
        pages: Callable[[], Sequence[Page]],
        memo: PhraseMemo | None = None,
        encoded: bytes | None = None,
    ) -> None:
        self._load = pages
        self._texts: list[tuple[int | None, SearchText]] | None = None
        self._memo = memo
        self._encoded = encoded
        self._found: dict[str, Found | None] = {}
        self.changed = False

    @property
    def remembers(self) -> bool:
        """Tell whether this search came with answers from an earlier scan."""
        return self._encoded is not None or bool(self._memo)

    @property
    def memo(self) -> PhraseMemo:
        """Return the answers so far: phrase -> ``[page, excerpt or None]``, or ``None``."""
        if self._memo is None:
            self._memo = {}
            if self._encoded is not None:
                with contextlib.suppress(ValueError):  # damaged: asked again, then rewritten
                    decoded = json.loads(self._encoded)
                    if isinstance(decoded, dict):
                        self._memo = decoded
                self._encoded = None
        return self._memo

    def _locate(self, phrase: str) -> tuple[int | None, SearchText, Hit] | None:
        if self._texts is None:
            self._texts = [
                (p.number, SearchText(p.text, p.normalized or None)) for p in self._load()
            ]
        for number, text in self._texts:
            hit = text.find(phrase)
            if hit is not None:
                return number, text, hit
        return None

    def find(self, phrase: str) -> Found | None:
        """Find a normalised phrase; return the first page it is on, or ``None``."""
        if phrase in self._found:
            return self._found[phrase]
        memo = self._memo if self._memo is not None else self.memo
        if phrase not in memo:
            located = self._locate(phrase)
            memo[phrase] = None if located is None else [located[0], None]
            self.changed = True
        entry = memo[phrase]
        found: Found | None = None
        if entry is not None:
            if entry[1] is not None:
                found = Found(entry[0], MatchKey.TEXT, fixed=entry[1])
            else:
                found = Found(entry[0], MatchKey.TEXT, lazy=partial(self.excerpt, phrase))
        self._found[phrase] = found
        return found

    def excerpt(self, phrase: str) -> str:
        """Return the text around the first occurrence of a phrase that was found."""
        entry = self.memo.get(phrase)
        if entry is None:
            return ""
        if entry[1] is None:
            located = self._locate(phrase)
            entry[1] = located[1].excerpt(located[2]) if located is not None else ""
            self.changed = True
        return str(entry[1])

    def remembered(self, key: str, compute: Callable[[], str]) -> str:
        """Return a remembered string (``key`` starts with "@", unlike any phrase), or compute it."""
        memo = self.memo
        value = memo.get(key)
        if isinstance(value, str):
            return value
        computed = compute()
        memo[key] = computed
        self.changed = True
        return computed


def file_stem(path: str) -> str:
    """Return a posix path's file name without its last suffix (as ``PurePosixPath.stem``)."""
    name = path.rpartition("/")[2]
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def file_name(path: str) -> str:
    """Return a posix path's file name."""
    return path.rpartition("/")[2]


# The phrase search of a document with the answers remembered from earlier scans, if any.
TextSearchOf = Callable[[Document], TextSearch | None]


class DocumentIndex:
    """A document prepared once for all the phrase searches of a rubric."""

    def __init__(
        self,
        document: AnyDocument,
        folder_dimension: str | None = None,
        text_search: TextSearchOf | None = None,
    ) -> None:
        self.document = document
        self.folder_dimension = folder_dimension  # the dimension whose folder holds the file
        self._text_search = text_search
        # A title hit is shown on the first page: page 1 of a PDF; a DOCX has no page numbers.
        self.first_page = 1 if document.format is DocFormat.PDF else None
        self._titles: dict[str, Found | None] = {}

    @cached_property
    def text(self) -> TextSearch | None:
        """Return the phrase search of the body text (from ``text_search`` when it has one)."""
        document = self.document
        if not isinstance(document, Document):
            return None
        search = self._text_search(document) if self._text_search is not None else None
        return search or TextSearch(lambda: document.pages)

    @cached_property
    def name(self) -> SearchText:
        """Return the file name without its extension, prepared for searches."""
        return SearchText(file_stem(self.document.path))

    @cached_property
    def title(self) -> SearchText | None:
        """Return the title region (see ``Document.title_region``), prepared for searches."""
        if not isinstance(self.document, Document):
            return None
        return SearchText(self.document.title_region, self.document.title_normalized or None)

    @cached_property
    def headings(self) -> list[tuple[Heading, str]]:
        """Return each heading with its normalised text."""
        if not isinstance(self.document, Document):
            return []
        return [(heading, f" {normalize(heading.text)} ") for heading in self.document.headings]

    def find_text(self, phrase: str) -> Found | None:
        """Find a normalised phrase in the body text; return the first page and an excerpt."""
        return self.text.find(phrase) if self.text is not None else None

    def find_title(self, phrase: str) -> Found | None:
        """Find a normalised phrase in the title region or, failing that, in the file name."""
        # Many requirements ask the same title phrases ("laporan", "surat keputusan").
        if phrase in self._titles:
            return self._titles[phrase]
        found = self._find_title(phrase)
        self._titles[phrase] = found
        return found

    def _find_title(self, phrase: str) -> Found | None:
        title = self.title
        if title is not None:
            hit = title.find(phrase)
            if hit is not None:
                return Found(
                    self.first_page, MatchKey.TITLE, lazy=partial(self._title_excerpt, phrase, hit)
                )
        if self.name.contains(phrase):
            return Found(None, MatchKey.NAME, fixed=clip(file_name(self.document.path)))
        return None

    def _title_excerpt(self, phrase: str, hit: Hit) -> str:
        title = self.title
        assert title is not None
        if self.text is None:
            return title.excerpt(hit)
        return self.text.remembered(f"@title {phrase}", lambda: title.excerpt(hit))

    def find_section(self, phrase: str) -> Heading | None:
        """Return the first heading that contains the normalised phrase."""
        padded = f" {phrase} "
        for heading, normalized in self.headings:
            if padded in normalized:
                return heading
        return None


# The keys of a ``match`` block, in the order their evidence is preferred.
_TITLE_ANY, _TITLE_ALL, _TEXT_ANY, _TEXT_ALL, _PATH, _FOLDER = range(6)
_TEXT_KEYS = frozenset({_TEXT_ANY, _TEXT_ALL})


@dataclass(frozen=True, slots=True)
class CompiledMatch:
    """A requirement's ``match`` block with its phrases normalised and its keys listed."""

    match: Match
    dimension: str
    title_any: tuple[str, ...]
    title_all: tuple[str, ...]
    text_any: tuple[str, ...]
    text_all: tuple[str, ...]
    keys: tuple[int, ...] = ()  # the keys the block lists, strongest evidence first
    trial: tuple[int, ...] = ()  # the same keys, cheapest first (for ``all: true``)

    @classmethod
    def of(cls, match: Match, dimension: str = "") -> CompiledMatch:
        """Normalise the phrases of a ``match`` block of a requirement in ``dimension``."""
        listed = (
            match.title_any,
            match.title_all,
            match.text_any,
            match.text_all,
            match.path,
            match.dimension_folder,
        )
        keys = tuple(key for key, present in enumerate(listed) if present)
        return cls(
            match=match,
            dimension=dimension,
            title_any=tuple(normalize_phrase(p) for p in match.title_any),
            title_all=tuple(normalize_phrase(p) for p in match.title_all),
            text_any=tuple(normalize_phrase(p) for p in match.text_any),
            text_all=tuple(normalize_phrase(p) for p in match.text_all),
            keys=keys,
            trial=tuple(
                k
                for k in (_PATH, _FOLDER, _TITLE_ANY, _TITLE_ALL, _TEXT_ANY, _TEXT_ALL)
                if k in keys
            ),
        )


def _any_hit(phrases: tuple[str, ...], find: Callable[[str], Found | None]) -> Found | None:
    for phrase in phrases:
        found = find(phrase)
        if found is not None:
            return found
    return None


def _all_hit(phrases: tuple[str, ...], find: Callable[[str], Found | None]) -> Found | None:
    first: Found | None = None
    for phrase in phrases:
        found = find(phrase)
        if found is None:
            return None
        first = first or found
    return first


def _key_hit(key: int, compiled: CompiledMatch, index: DocumentIndex) -> Found | None:
    """Return the evidence one key of a ``match`` block finds in a document, or ``None``."""
    if key == _TITLE_ANY:
        return _any_hit(compiled.title_any, index.find_title)
    if key == _TITLE_ALL:
        return _all_hit(compiled.title_all, index.find_title)
    if key == _TEXT_ANY:
        return _any_hit(compiled.text_any, index.find_text)
    if key == _TEXT_ALL:
        return _all_hit(compiled.text_all, index.find_text)
    path = index.document.path
    if key == _PATH:
        if not any(glob_matches(pattern, path) for pattern in compiled.match.path):
            return None
    elif not compiled.dimension or index.folder_dimension != compiled.dimension:
        return None
    return Found(None, MatchKey.PATH, fixed=clip(file_name(path)))


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
    chosen: Found | None = None
    if not match.all:
        for key in compiled.keys:
            if readable or key not in _TEXT_KEYS:
                chosen = _key_hit(key, compiled, index)
                if chosen is not None:
                    break
    else:
        # Cheap keys first, so a file that fails them is never searched; each key runs once.
        results: dict[int, Found] = {}
        for key in compiled.trial:
            if readable or key not in _TEXT_KEYS:
                found = _key_hit(key, compiled, index)
                if found is None:
                    return None
                results[key] = found
        chosen = results[min(results)] if results else None
    if chosen is None:
        return None
    return Evidence(document.path, chosen.key, chosen.page, chosen.excerpt)


class DocumentPool:
    """All documents of a scan, with an index that narrows each requirement's search.

    Most ``match`` blocks need a title phrase (with ``all: true``) or a dimension folder, or
    have nothing but such keys. The pool indexes the words of every title region and file name
    and the folder each file is in, so a requirement only looks at documents that could
    match it; matching then costs what the candidates cost, not documents x requirements.
    """

    def __init__(
        self, indexes: Sequence[DocumentIndex], vocabulary: Iterable[str] | None = None
    ) -> None:
        """Index ``indexes``; ``vocabulary``, the words of the title phrases to be searched,
        keeps the index to those words (others are not indexed, and narrow nothing)."""
        self.indexes = indexes
        self._vocabulary = frozenset(vocabulary) if vocabulary is not None else None
        self._words: dict[str, list[int]] | None = None
        self._by_folder: dict[str | None, list[int]] | None = None
        self._absences: dict[str, set[int]] | None = None

    def _title_words(self) -> dict[str, list[int]]:
        if self._words is None:
            self._words = {}
            keep = self._vocabulary
            for position, index in enumerate(self.indexes):
                words = set(index.name.normalized.split())
                title = index.title
                if title is not None:
                    words.update(title.normalized.split())
                for word in words if keep is None else keep.intersection(words):
                    self._words.setdefault(word, []).append(position)
        return self._words

    def _with_phrase(self, phrase: str) -> set[int] | None:
        """Return the documents whose title region or file name has every word of ``phrase``."""
        index = self._title_words()
        words = phrase.split()
        if self._vocabulary is not None and not self._vocabulary.issuperset(words):
            return None
        lists = [index.get(word, []) for word in words]
        if not lists:
            return set()
        shortest: list[int] = min(lists, key=len)
        return set(shortest)

    def _key_positions(self, key: int, compiled: CompiledMatch) -> set[int] | None:
        """Return a superset of the documents one key can match, or ``None`` (all of them)."""
        if key == _TITLE_ANY:
            found: set[int] = set()
            for phrase in compiled.title_any:
                documents = self._with_phrase(phrase)
                if documents is None:
                    return None
                found |= documents
            return found
        if key == _TITLE_ALL:
            return self._with_phrase(compiled.title_all[0]) if compiled.title_all else set()
        if key == _FOLDER:
            return set(self._folders().get(compiled.dimension, [])) if compiled.dimension else set()
        return None

    def _absent(self, phrase: str) -> set[int]:
        """Return the documents whose remembered answers say ``phrase`` is not in their text.

        Only known answers count: a document never asked the phrase (or read just now) is not
        in the set, so it is still searched.
        """
        if self._absences is None:
            self._absences = {}
            for position, index in enumerate(self.indexes):
                text = index.text
                if text is None or not text.remembers:
                    continue
                for known, answer in text.memo.items():
                    if answer is None:
                        self._absences.setdefault(known, set()).add(position)
        return self._absences.get(phrase, set())

    def _folders(self) -> dict[str | None, list[int]]:
        """Return the documents in each dimension's folders."""
        if self._by_folder is None:
            self._by_folder = {}
            for position, index in enumerate(self.indexes):
                self._by_folder.setdefault(index.folder_dimension, []).append(position)
        return self._by_folder

    def candidates(self, compiled: CompiledMatch) -> Sequence[DocumentIndex]:
        """Return, in document order, the documents that may match a ``match`` block."""
        found: set[int] | None = None
        if compiled.match.all:
            # Every key must hit: the indexed keys intersect, and a document whose remembered
            # answers already rule out a text key (see ``_absent``) is left out.
            excluded: set[int] = set()
            for key in compiled.keys:
                positions = self._key_positions(key, compiled)
                if positions is not None:
                    found = positions if found is None else found & positions
                elif key == _TEXT_ANY and compiled.text_any:
                    excluded |= set.intersection(*(self._absent(p) for p in compiled.text_any))
                elif key == _TEXT_ALL:
                    excluded = excluded.union(*(self._absent(p) for p in compiled.text_all))
            if excluded:
                found = (set(range(len(self.indexes))) if found is None else found) - excluded
        else:
            # Any key may hit: only when every key is indexed can the search be narrowed.
            sets = [self._key_positions(key, compiled) for key in compiled.keys]
            if sets and all(s is not None for s in sets):
                found = set().union(*(s for s in sets if s is not None))
        if found is None:
            return self.indexes
        return [self.indexes[position] for position in sorted(found)]

    def find_candidates(self, compiled: CompiledMatch) -> list[tuple[DocumentIndex, Evidence]]:
        """Return the candidates of a ``match`` block with the evidence that made each one."""
        found: list[tuple[DocumentIndex, Evidence]] = []
        for index in self.candidates(compiled):
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
        name = clip(file_name(actual))
        found.append((index, Evidence(actual, MatchKey.PINNED, None, name)))
    return found, absent


def title_vocabulary(rubric: Rubric) -> set[str]:
    """Return the words of a rubric's title phrases (what ``DocumentPool`` needs to index)."""
    phrases = (p for r in rubric.requirements for p in (*r.match.title_any, *r.match.title_all))
    return {word for phrase in phrases for word in normalize_phrase(phrase).split()}


def folder_resolver(rubric: Rubric) -> Callable[[str], str | None]:
    """Return a function naming the dimension whose folder holds a path.

    The first folder on the path (from the scanned root down) whose name matches a dimension's
    ``folders`` patterns decides: "1. Smart Governance/Survei Kepuasan Masyarakat/x.pdf" is
    governance evidence even though "Masyarakat" names the society folders. Each folder is
    resolved once.
    """
    patterns = [(d.id, d.folders) for d in rubric.dimensions if d.folders]

    @functools.cache
    def resolve_folder(folder: str) -> str | None:
        if not folder:
            return None
        parent, _, name = folder.rpartition("/")
        above = resolve_folder(parent)
        if above is not None:
            return above
        for dimension, globs in patterns:
            if any(glob_matches(g, name) for g in globs):
                return dimension
        return None

    def resolve(path: str) -> str | None:
        return resolve_folder(path.rpartition("/")[0])

    return resolve
