"""Define the immutable values that flow from rubric and documents to the audit result."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from operator import attrgetter
from typing import Any, TypeVar


class Status(str, Enum):
    """Verdict on one requirement."""

    COMPLETE = "complete"
    INCOMPLETE = "incomplete"
    MISSING = "missing"
    UNREADABLE = "unreadable"
    WAIVED = "waived"


class Severity(str, Enum):
    """How much a gap in a requirement matters; ``rank`` orders them (higher is worse)."""

    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"

    @property
    def rank(self) -> int:
        """Order severities so that ``critical`` is the highest."""
        return {"critical": 3, "major": 2, "minor": 1}[self.value]


class Component(str, Enum):
    """Evaluation component a requirement serves (Baseline, Output, Outcome, Impact, Quick Win)."""

    BASELINE = "baseline"
    OUTPUT = "output"
    OUTCOME = "outcome"
    IMPACT = "impact"
    QUICK_WIN = "quick_win"


class DocFormat(str, Enum):
    """What a file really is, decided by content first and extension second."""

    PDF = "pdf"
    DOCX = "docx"
    DOC = "doc"
    ODT = "odt"
    RTF = "rtf"
    PPT = "ppt"
    PPTX = "pptx"
    XLS = "xls"
    XLSX = "xlsx"
    IMAGE = "image"
    OTHER = "other"

    @property
    def readable(self) -> bool:
        """Tell whether an extractor exists for this format."""
        return self in (DocFormat.PDF, DocFormat.DOCX)


class DocKind(str, Enum):
    """What kind of document the title block shows, as a reader sees it at first glance."""

    REGULATION = "regulation"  # PERATURAN BUPATI/WALI KOTA/DAERAH ...
    DECREE = "decree"  # KEPUTUSAN BUPATI ..., SURAT KEPUTUSAN
    ANNEX = "annex"  # LAMPIRAN ... of a regulation or decree (masterplan books often are)
    MINUTES = "minutes"  # NOTULEN, RISALAH, BERITA ACARA RAPAT
    AGREEMENT = "agreement"  # NOTA KESEPAKATAN, MoU, PERJANJIAN KERJA SAMA
    OTHER = "other"  # reports, books, profiles, data


class ProblemKind(str, Enum):
    """Why a document could not be read, or what limits what was read."""

    UNSUPPORTED_FORMAT = "unsupported_format"
    ENCRYPTED = "encrypted"
    NO_TEXT_LAYER = "no_text_layer"
    CORRUPT = "corrupt"
    EMPTY_FILE = "empty_file"
    PERMISSION_DENIED = "permission_denied"
    TOO_LARGE = "too_large"
    ZIP_BOMB = "zip_bomb"
    TIMEOUT = "timeout"
    SYMLINK_LOOP = "symlink_loop"
    SYMLINK_OUTSIDE = "symlink_outside"
    BROKEN_SYMLINK = "broken_symlink"
    EXTENSION_MISMATCH = "extension_mismatch"
    PARTIAL_TEXT = "partial_text"
    PAGE_LIMIT = "page_limit"
    OCR = "ocr"  # a note, not a failure: the text was recognised from page images


class MatchKey(str, Enum):
    """Which part of a rubric's ``match`` (or the configuration) made a file a candidate."""

    PINNED = "pinned"
    TITLE = "title"
    TEXT = "text"
    NAME = "name"  # a title phrase found in the file name
    PATH = "path"


class MarkerKind(str, Enum):
    """Ratification markers that show a document was signed and enacted."""

    PLACE = "place"  # "Ditetapkan di Singaraja"
    DATE = "date"  # "pada tanggal 12 Maret 2024"
    SIGNATURE = "signature"  # "ttd", "tertanda"
    NIP = "nip"  # civil-servant number of the signatory
    SIGNATORY = "signatory"  # "BUPATI SUKAMAJU," with "ttd" below it


class YearSource(str, Enum):
    """Where a year was found, in the order of trust used to date a document."""

    RATIFICATION = "ratification"
    DATED = "dated"  # the signing date above a signature, or the date of a meeting
    TITLE = "title"  # the title block at the top of the first page
    PROPERTIES = "properties"  # the title recorded in the file's properties
    METADATA = "metadata"  # the file's creation or modification date


_T = TypeVar("_T")


def _pickled_by_fields(cls: type[_T]) -> type[_T]:
    """Pickle instances as ``cls(*fields)``.

    Extracted documents travel from worker processes to the scan as pickles; the default state
    functions of frozen, slotted dataclasses look the fields up again for every object, which
    made unpickling tens of thousands of pages and headings a noticeable part of a scan.
    """
    names = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    values: Callable[[Any], Any] = attrgetter(*names)
    if len(names) == 1:
        one = values
        values = lambda instance: (one(instance),)  # noqa: E731

    def reduce(self: _T) -> tuple[type[_T], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = reduce  # type: ignore[assignment,method-assign]
    return cls


@dataclass(frozen=True, slots=True)
class Text:
    """A rubric string given in one language or per language (``{id: ..., en: ...}``)."""

    default: str
    translations: Mapping[str, str] = field(default_factory=dict)

    def get(self, lang: str) -> str:
        """Return the text in ``lang`` when the rubric gives it, else the default."""
        return self.translations.get(lang, self.default)


@dataclass(frozen=True, slots=True)
class Match:
    """What makes a file a candidate for a requirement."""

    path: tuple[str, ...] = ()
    title_any: tuple[str, ...] = ()
    title_all: tuple[str, ...] = ()
    text_any: tuple[str, ...] = ()
    text_all: tuple[str, ...] = ()
    formats: tuple[DocFormat, ...] = ()
    kinds: tuple[DocKind, ...] = ()
    not_kinds: tuple[DocKind, ...] = ()
    dimension_folder: bool = False  # the file lies in its requirement's dimension folder
    all: bool = False


@dataclass(frozen=True, slots=True)
class YearRule:
    """A bound on the year a document has: an absolute minimum/maximum or an age."""

    min: int | None = None
    max: int | None = None
    within_years: int | None = None


@dataclass(frozen=True, slots=True)
class Require:
    """What a candidate must show to count as complete evidence."""

    sections: tuple[str, ...] = ()
    text_all: tuple[str, ...] = ()
    text_any: tuple[str, ...] = ()
    text_none: tuple[str, ...] = ()
    min_pages: int | None = None
    min_words: int | None = None
    year: YearRule | None = None
    signed: bool | None = None


@dataclass(frozen=True, slots=True)
class Requirement:
    """One piece of evidence a rubric asks for."""

    id: str
    dimension: str
    title: Text
    description: Text | None
    severity: Severity
    weight: float
    min_documents: int
    match: Match
    require: Require
    group: str | None = None
    component: Component | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Dimension:
    """A weighted group of requirements (smart governance, smart branding, ...)."""

    id: str
    title: Text
    weight: float
    requirements: tuple[Requirement, ...]
    description: Text | None = None
    folders: tuple[str, ...] = ()  # folder-name globs that hold this dimension's evidence


@dataclass(frozen=True, slots=True)
class Rubric:
    """A validated rubric with its ``extends`` chain already applied."""

    id: str
    title: Text
    version: str
    language: str
    dimensions: tuple[Dimension, ...]
    source: str

    @property
    def requirements(self) -> tuple[Requirement, ...]:
        """Return every requirement in rubric order."""
        return tuple(r for d in self.dimensions for r in d.requirements)

    def requirement(self, requirement_id: str) -> Requirement | None:
        """Return the requirement with this id, or ``None``."""
        for requirement in self.requirements:
            if requirement.id == requirement_id:
                return requirement
        return None


@dataclass(frozen=True, slots=True)
class Waiver:
    """A decision that a requirement does not apply, possibly until a date."""

    requirement: str
    reason: str
    approved_by: str | None = None
    until: dt.date | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class DocumentRef:
    """A file found by discovery, before extraction."""

    path: str  # posix path relative to the scanned root; the document's identity
    abs_path: str
    size: int
    mtime_ns: int
    format: DocFormat
    extension_format: DocFormat
    problem: Problem | None = None  # set when discovery already knows it cannot be read


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with a document: a message code and its parameters."""

    kind: ProblemKind
    detail: str = ""
    pages: int | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Page:
    """The text of one PDF page (``number`` from 1) or of a DOCX part (``number`` None)."""

    number: int | None
    text: str
    # The words of ``text`` as ``text.normalize`` gives them, computed once where the page is
    # read (in a worker) and kept in the cache, so a rescan does not normalise again.
    normalized: str = ""


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Heading:
    """A heading found from styles, outline levels, bookmarks or heading-like lines."""

    text: str
    level: int
    page: int | None
    source: str  # "style", "outline" (paragraph outline level), "bookmark", "line"


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class YearMention:
    """A year found in a document, with where it was found."""

    year: int
    source: YearSource
    page: int | None
    excerpt: str


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Marker:
    """A ratification marker found in a document."""

    kind: MarkerKind
    page: int | None
    excerpt: str


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Document:
    """A readable document: text per page, headings, dates and signature markers."""

    path: str
    format: DocFormat
    size: int
    title: str
    title_region: str
    # Tuples when freshly extracted; from the extraction cache, ``serialize.Deferred``
    # sequences that read the text or decode the headings on first use.
    pages: Sequence[Page]
    page_count: int | None
    words: int
    headings: Sequence[Heading]
    years: tuple[YearMention, ...]
    markers: tuple[Marker, ...]
    problems: tuple[Problem, ...] = ()
    kind: DocKind = DocKind.OTHER
    title_normalized: str = ""  # ``text.normalize(title_region)``, computed where it is read

    readable = True


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class UnreadableDocument:
    """A file that could not be read, with the reason; never counts as evidence present."""

    path: str
    format: DocFormat
    size: int
    problem: Problem
    page_count: int | None = None

    readable = False

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Return the problem as a one-element tuple, like ``Document.problems``."""
        return (self.problem,)


AnyDocument = Document | UnreadableDocument


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What reports show of a document; the text itself is not kept in the result."""

    path: str
    format: DocFormat
    size: int
    readable: bool
    title: str
    page_count: int | None
    words: int
    year: int | None
    problems: tuple[Problem, ...]
    kind: DocKind | None = None  # None when the file could not be read


@dataclass(frozen=True, slots=True)
class Reason:
    """A message code with parameters, rendered in either language by ``i18n``."""

    code: str
    params: Mapping[str, ReasonParam] = field(default_factory=dict)


ReasonParam = str | int | float | Reason


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One ``require`` check on one candidate: the key, whether it passed, and why."""

    check: str
    passed: bool
    reason: Reason
    page: int | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a requirement's evidence is: file, what matched, page and a short excerpt."""

    path: str
    matched_by: MatchKey
    page: int | None = None
    excerpt: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file considered for a requirement and the outcome of each ``require`` check."""

    path: str
    evidence: Evidence
    checks: tuple[CheckResult, ...]
    problem: Problem | None = None  # set for an unreadable candidate

    @property
    def readable(self) -> bool:
        """Tell whether the candidate's file could be read."""
        return self.problem is None

    @property
    def passed(self) -> bool:
        """Tell whether the candidate is readable and passes every check."""
        return self.readable and all(c.passed for c in self.checks)

    @property
    def share_passed(self) -> float:
        """Return the share of checks passed (1.0 when there are none)."""
        if not self.readable:
            return 0.0
        if not self.checks:
            return 1.0
        return sum(c.passed for c in self.checks) / len(self.checks)


@dataclass(frozen=True, slots=True)
class WaiverOutcome:
    """A waiver that names a requirement, and whether it applied on the audit date."""

    waiver: Waiver
    applied: bool


@dataclass(frozen=True, slots=True)
class Finding:
    """The verdict on one requirement, with reasons and evidence."""

    requirement: Requirement
    status: Status
    score: float | None  # None for waived: it leaves the denominator
    reasons: tuple[Reason, ...]
    evidence: tuple[Evidence, ...]
    candidates: tuple[Candidate, ...]
    waiver: WaiverOutcome | None = None


@dataclass(frozen=True, slots=True)
class DimensionScore:
    """The weighted score of one dimension (``None`` when every requirement was waived)."""

    dimension: Dimension
    score: float | None
    counts: Mapping[Status, int]


@dataclass(frozen=True, slots=True)
class GateOutcome:
    """A failed gate, as a reason to exit with code 1."""

    gate: str
    reason: Reason


@dataclass(frozen=True, slots=True)
class AuditResult:
    """Everything one audit found: the single value every report renders."""

    tool_version: str
    root: str
    as_of: dt.date
    rubric: Rubric
    language: str
    findings: tuple[Finding, ...]
    dimensions: tuple[DimensionScore, ...]
    overall: float | None
    counts: Mapping[Status, int]
    documents: tuple[DocumentSummary, ...]
    gate_failures: tuple[GateOutcome, ...]
    fail_under: float | None = None
    fail_on: Severity | None = None
    config_source: str | None = None
    unused_waivers: tuple[Waiver, ...] = ()
    fail_under_dimension: Mapping[str, float] = field(default_factory=dict)
    baseline: str | None = None  # the baseline report gates were judged against, if any

    @property
    def passed(self) -> bool:
        """Tell whether every gate passed."""
        return not self.gate_failures
