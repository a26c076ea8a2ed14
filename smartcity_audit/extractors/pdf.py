"""Extract text per page, headings, metadata and dates from PDF files with pypdf."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

from smartcity_audit import analysis
from smartcity_audit.extractors._base import ExtractOptions, make_document
from smartcity_audit.model import (
    AnyDocument,
    DocumentRef,
    Heading,
    Page,
    Problem,
    ProblemKind,
    UnreadableDocument,
    YearMention,
    YearSource,
)
from smartcity_audit.text import collapse_whitespace

# A page with fewer visible characters than this is treated as having no text layer.
MIN_PAGE_CHARS = 20
_MAX_OUTLINE_ITEMS = 5000
_MAX_OUTLINE_DEPTH = 32
# Titles that PDF producers write instead of the document's real title.
_GENERATED_TITLE = re.compile(
    r"microsoft word - .*|(?:untitled|document|dokumen)\s*\d*", re.IGNORECASE
)


def _unreadable(
    ref: DocumentRef, kind: ProblemKind, detail: str = "", pages: int | None = None
) -> UnreadableDocument:
    return UnreadableDocument(
        path=ref.path,
        format=ref.format,
        size=ref.size,
        problem=Problem(kind, detail, pages),
        page_count=pages,
    )


def _outline(reader: PdfReader) -> Iterator[Heading]:
    count = 0

    def walk(items: list[Any], depth: int) -> Iterator[Heading]:
        nonlocal count
        if depth > _MAX_OUTLINE_DEPTH:
            return
        for item in items:
            if count >= _MAX_OUTLINE_ITEMS:
                return
            if isinstance(item, list):
                yield from walk(item, depth + 1)
                continue
            count += 1
            title = collapse_whitespace(str(getattr(item, "title", "") or ""))
            if not title:
                continue
            try:
                number = reader.get_destination_page_number(item)
                page: int | None = number + 1 if number is not None and number >= 0 else None
            except Exception:  # a dangling destination still names a heading
                page = None
            yield Heading(title, depth, page, "bookmark")

    try:
        outline = reader.outline
    except Exception:  # a broken outline is not a reason to reject the text
        return
    yield from walk(list(outline), 1)


def _metadata(reader: PdfReader) -> tuple[str, str, list[YearMention]]:
    try:
        info = reader.metadata
    except Exception:
        return "", "", []
    if info is None:
        return "", "", []
    title = collapse_whitespace(str(info.get("/Title", "") or ""))
    subject = collapse_whitespace(str(info.get("/Subject", "") or ""))
    years: list[YearMention] = []
    for label, getter in (("CreationDate", "creation_date"), ("ModDate", "modification_date")):
        try:
            value = getattr(info, getter)
        except Exception:  # malformed dates are common and harmless
            continue
        if isinstance(value, dt.datetime):
            years.append(
                YearMention(value.year, YearSource.METADATA, None, f"{label} {value.date()}")
            )
    if _GENERATED_TITLE.fullmatch(title):
        title = ""
    return title, subject, years


def extract(ref: DocumentRef, options: ExtractOptions) -> AnyDocument:
    """Read a PDF; an encrypted, scanned or corrupt one becomes an ``UnreadableDocument``."""
    try:
        # Root-object recovery scans the whole file per candidate object; a broken file may ask
        # for thousands of them.
        reader = PdfReader(ref.abs_path, strict=False, root_object_recovery_limit=200)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        return _unreadable(ref, ProblemKind.CORRUPT, f"{type(exc).__name__}: {exc}")
    if reader.is_encrypted:
        try:
            decrypted = reader.decrypt("")
        except (DependencyError, NotImplementedError) as exc:
            return _unreadable(ref, ProblemKind.ENCRYPTED, str(exc))
        if not decrypted:
            return _unreadable(ref, ProblemKind.ENCRYPTED, "password")
    try:
        page_count = len(reader.pages)
    except FileNotDecryptedError as exc:
        return _unreadable(ref, ProblemKind.ENCRYPTED, str(exc))
    except Exception as exc:  # broken page trees raise many different errors
        return _unreadable(ref, ProblemKind.CORRUPT, f"{type(exc).__name__}: {exc}")
    if page_count == 0:
        return _unreadable(ref, ProblemKind.CORRUPT, "no pages", 0)

    problems: list[Problem] = []
    read = min(page_count, options.max_pages)
    if read < page_count:
        problems.append(Problem(ProblemKind.PAGE_LIMIT, str(read), page_count))
    texts = _pdfium_texts(ref, read) if options.pdf_engine == "pdfium" else None
    pages: list[Page] = []
    failed: list[int] = []
    if texts is not None:
        pages = [Page(index + 1, text) for index, text in enumerate(texts)]
    for index in range(read if texts is None else 0):
        try:
            text = reader.pages[index].extract_text() or ""
        except Exception:  # one bad page (broken font, bad stream) must not hide the others
            failed.append(index + 1)
            text = ""
        pages.append(Page(index + 1, text))

    empty = [p.number for p in pages if len("".join(p.text.split())) < MIN_PAGE_CHARS]
    if len(empty) == len(pages):
        if failed:
            return _unreadable(
                ref, ProblemKind.CORRUPT, f"text of pages {_ranges(failed)} unreadable", page_count
            )
        return _unreadable(ref, ProblemKind.NO_TEXT_LAYER, "", page_count)
    if len(empty) > 1 and len(empty) * 10 > len(pages):
        problems.append(
            Problem(ProblemKind.PARTIAL_TEXT, _ranges([n for n in empty if n]), page_count)
        )

    title, subject, metadata_years = _metadata(reader)
    headings = list(_outline(reader))
    for page in pages:
        headings.extend(analysis.heading_lines(page.text.splitlines(), page.number))
    return make_document(
        ref,
        properties=(title, subject),
        first_page=pages[0].text,
        pages=pages,
        page_count=page_count,
        headings=headings,
        metadata_years=metadata_years,
        problems=problems,
    )


def _pdfium_texts(ref: DocumentRef, count: int) -> list[str] | None:
    """Return the text of the first ``count`` pages read by PDFium, or ``None`` to use pypdf.

    PDFium reads text about twenty times faster than pypdf; pypdf still provides structure
    (encryption, page tree, bookmarks, metadata), and takes over when PDFium cannot open a
    file or disagrees about its pages.
    """
    try:
        import pypdfium2
    except ImportError:
        return None
    try:
        document = pypdfium2.PdfDocument(ref.abs_path)
    except Exception:  # PDFium refuses what pypdf may still repair
        return None
    try:
        if len(document) < count:
            return None
        texts = []
        for index in range(count):
            page = document[index]
            try:
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_range()
                    # PDFium marks a word it joined across a line-end hyphen with U+FFFE (or
                    # U+0002): the word is whole, so the mark goes.
                    text = text.replace("\ufffe", "").replace("\x02", "")
                    texts.append(text.replace("\r\n", "\n").replace("\r", "\n"))
                finally:
                    textpage.close()
            finally:
                page.close()
        return texts
    except Exception:  # a page PDFium cannot read: let pypdf try the whole file
        return None
    finally:
        document.close()


def _ranges(numbers: list[int]) -> str:
    """Write page numbers compactly: [1, 2, 3, 7] -> "1-3, 7"."""
    parts: list[str] = []
    start = previous = None
    for n in sorted(numbers):
        if start is None:
            start = previous = n
        elif previous is not None and n == previous + 1:
            previous = n
        else:
            parts.append(f"{start}-{previous}" if start != previous else str(start))
            start = previous = n
    if start is not None:
        parts.append(f"{start}-{previous}" if start != previous else str(start))
    return ", ".join(parts)
