"""Share the options and the document assembly that every extractor uses."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from smartcity_audit import analysis
from smartcity_audit.model import (
    DocFormat,
    Document,
    DocumentRef,
    Heading,
    Marker,
    Page,
    Problem,
    YearMention,
    YearSource,
)
from smartcity_audit.text import clip, collapse_whitespace, normalize

# Title-region text beyond this many characters is not needed to find a title or its year.
TITLE_REGION_CHARS = 3000


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Limits that keep extraction bounded on large or hostile files."""

    max_pages: int = 2000
    pdf_engine: str = "pdfium"  # "pdfium" (fast, native) or "pypdf" (pure Python)
    ocr: bool = False  # read scanned PDFs with OCRmyPDF and Tesseract
    max_unzipped_bytes: int = 256 * 1024 * 1024
    max_zip_ratio: int = 200
    max_zip_members: int = 10_000


def _without_repeats(headings: Iterable[Heading]) -> list[Heading]:
    """Drop a heading-like line that repeats a bookmark or styled heading of the same page."""
    kept: list[Heading] = []
    seen: set[tuple[str, int | None]] = set()
    for heading in headings:
        key = (normalize(heading.text), heading.page)
        if key in seen:
            continue
        seen.add(key)
        kept.append(heading)
    return kept


def make_document(
    ref: DocumentRef,
    *,
    properties: tuple[str, str],
    first_page: str,
    pages: Iterable[Page],
    page_count: int | None,
    headings: Iterable[Heading],
    metadata_years: Iterable[YearMention] = (),
    problems: Iterable[Problem] = (),
) -> Document:
    """Assemble a ``Document``: title, title region, words, years and ratification markers.

    ``properties`` are the title and subject recorded in the file (often empty or stale);
    ``first_page`` is the text of the first page, whose title block is what a reader sees as
    the document's title.
    """
    page_list = tuple(replace(p, normalized=p.normalized or normalize(p.text)) for p in pages)
    headings = _without_repeats(headings)
    block = analysis.title_block(first_page)
    title_property, subject = (collapse_whitespace(p) for p in properties)
    title = title_property or clip(block, 160)
    title_region = "\n".join(filter(None, (title_property, subject, block)))[:TITLE_REGION_CHARS]
    first_number = next((p.number for p in page_list), None)
    years: list[YearMention] = []
    markers: list[Marker] = []
    for page in page_list:
        page_markers, page_years = analysis.ratification(page.text, page.number)
        markers.extend(page_markers)
        years.extend(page_years)
    years.extend(analysis.title_years(block, first_number))
    years.extend(analysis.title_years(title_property, first_number, YearSource.PROPERTIES))
    years.extend(metadata_years)
    words = sum(page.normalized.count(" ") + 1 for page in page_list if page.normalized)
    return Document(
        path=ref.path,
        format=DocFormat(ref.format),
        size=ref.size,
        title=title,
        title_region=title_region,
        pages=page_list,
        page_count=page_count,
        words=words,
        headings=tuple(headings),
        years=tuple(years),
        markers=tuple(markers),
        problems=tuple(problems),
        kind=analysis.classify(block),
        title_normalized=normalize(title_region),
    )
