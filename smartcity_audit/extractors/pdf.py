"""Extract text per page, headings, metadata and dates from PDF files (PDFium or pypdf)."""

from __future__ import annotations

import ctypes
import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from pypdf import PdfReader

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
    """Read a PDF; an encrypted, scanned or corrupt one becomes an ``UnreadableDocument``.

    With the ``pdfium`` engine PDFium reads everything (text, page count, metadata, bookmarks)
    from one parse; whatever PDFium cannot open or read (a password, a broken page tree, a page
    it fails on) goes to pypdf, which also decides what exactly is wrong with the file.
    """
    if options.pdf_engine == "pdfium":
        document = _extract_pdfium(ref, options)
        if document is not None:
            return document
    return _extract_pypdf(ref, options)


def _extract_pypdf(ref: DocumentRef, options: ExtractOptions) -> AnyDocument:
    # Imported here: with the default engine most scans never need pypdf.
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

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

    read = min(page_count, options.max_pages)
    pages: list[Page] = []
    failed: list[int] = []
    for index in range(read):
        try:
            text = reader.pages[index].extract_text() or ""
        except Exception:  # one bad page (broken font, bad stream) must not hide the others
            failed.append(index + 1)
            text = ""
        pages.append(Page(index + 1, text))
    return _assemble(
        ref, page_count, pages, failed, lambda: _metadata(reader), lambda: list(_outline(reader))
    )


def _assemble(
    ref: DocumentRef,
    page_count: int,
    pages: list[Page],
    failed: list[int],
    metadata: Callable[[], tuple[str, str, list[YearMention]]],
    outline: Callable[[], list[Heading]],
) -> AnyDocument:
    """Judge the pages read (all empty: a scan) and assemble the document."""
    problems: list[Problem] = []
    if len(pages) < page_count:
        problems.append(Problem(ProblemKind.PAGE_LIMIT, str(len(pages)), page_count))
    empty = [p.number for p in pages if _visible_chars(p.text) < MIN_PAGE_CHARS]
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

    title, subject, metadata_years = metadata()
    headings = outline()
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


def _extract_pdfium(ref: DocumentRef, options: ExtractOptions) -> AnyDocument | None:
    """Read a PDF with PDFium alone, or return ``None`` to let pypdf read (and judge) it.

    PDFium reads text about twenty times faster than pypdf. The page loop calls PDFium's C
    functions directly: the object wrappers of pypdfium2 cost as much again per page.
    """
    try:
        import pypdfium2
        import pypdfium2.raw as pdfium_c
    except ImportError:
        return None
    try:
        document = pypdfium2.PdfDocument(ref.abs_path)
    except Exception:  # a password, or damage PDFium cannot repair: pypdf says which
        return None
    try:
        page_count = len(document)
        if page_count <= 0:
            return None
        buffer = _TextBuffer()
        pages = [
            Page(index + 1, _pdfium_page_text(pdfium_c, document, index, buffer))
            for index in range(min(page_count, options.max_pages))
        ]
        return _assemble(
            ref,
            page_count,
            pages,
            [],
            lambda: _pdfium_metadata(document),
            lambda: list(_pdfium_outline(document)),
        )
    except _PageUnreadable:
        return None
    finally:
        document.close()


class _PageUnreadable(Exception):
    """PDFium could not load a page or its text."""


class _TextBuffer:
    """One UTF-16 buffer for all the pages of a document, grown when a page needs more."""

    def __init__(self) -> None:
        self.chars = 0
        self.array: Any = None

    def pointer(self, chars: int) -> Any:
        if chars > self.chars:
            self.chars = max(chars + 1, 2 * self.chars)
            self.array = (ctypes.c_ushort * self.chars)()
        return self.array


def _pdfium_page_text(pdfium_c: Any, document: Any, index: int, buffer: _TextBuffer) -> str:
    page = pdfium_c.FPDF_LoadPage(document.raw, index)
    if not page:
        raise _PageUnreadable(index)
    try:
        textpage = pdfium_c.FPDFText_LoadPage(page)
        if not textpage:
            raise _PageUnreadable(index)
        try:
            count = pdfium_c.FPDFText_CountChars(textpage)
            if count <= 0:
                return ""
            array = buffer.pointer(count + 1)
            written = pdfium_c.FPDFText_GetText(textpage, 0, count, array)
            size = max(written - 1, 0) * 2  # without the terminating NUL
            text = ctypes.string_at(array, size).decode("utf-16-le", errors="replace")
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)
    finally:
        pdfium_c.FPDF_ClosePage(page)
    # PDFium marks a word it joined across a line-end hyphen with U+FFFE (or U+0002): the
    # word is whole, so the mark goes.
    if "\ufffe" in text or "\x02" in text:
        text = text.replace("\ufffe", "").replace("\x02", "")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _pdfium_metadata(document: Any) -> tuple[str, str, list[YearMention]]:
    try:
        title = collapse_whitespace(document.get_metadata_value("Title"))
        subject = collapse_whitespace(document.get_metadata_value("Subject"))
        dates = [
            (label, document.get_metadata_value(label)) for label in ("CreationDate", "ModDate")
        ]
    except Exception:  # undecodable metadata is harmless
        return "", "", []
    years = []
    for label, value in dates:
        parsed = parse_pdf_date(value)
        if parsed is not None:
            years.append(
                YearMention(parsed.year, YearSource.METADATA, None, f"{label} {parsed.date()}")
            )
    if _GENERATED_TITLE.fullmatch(title):
        title = ""
    return title, subject, years


def _pdfium_outline(document: Any) -> Iterator[Heading]:
    try:
        for count, bookmark in enumerate(document.get_toc(max_depth=_MAX_OUTLINE_DEPTH)):
            if count >= _MAX_OUTLINE_ITEMS:
                return
            title = collapse_whitespace(bookmark.get_title() or "")
            if not title:
                continue
            dest = bookmark.get_dest()
            index = dest.get_index() if dest is not None else None
            page = index + 1 if index is not None and index >= 0 else None
            yield Heading(title, bookmark.level + 1, page, "bookmark")
    except Exception:  # a broken outline is not a reason to reject the text
        return


_PDF_DATE_FORMATS = ("%Y", "%Y%m", "%Y%m%d", "%Y%m%d%H", "%Y%m%d%H%M", "%Y%m%d%H%M%S")


def parse_pdf_date(value: str) -> dt.datetime | None:
    """Read a PDF date ("D:20240312093000+07'00'"), the way pypdf does; ``None`` if malformed."""
    text = value.strip()
    if not text:
        return None
    text = text[2:] if text.startswith("D:") else text
    digits = re.match(r"\d*", text)
    stamp = digits.group() if digits else ""
    zone = text[len(stamp) :].replace("'", "")
    if zone not in ("", "Z", "z") and not re.fullmatch(r"[+-]\d{2}(?:\d{2})?", zone):
        return None
    for pattern in _PDF_DATE_FORMATS:
        try:
            return dt.datetime.strptime(stamp, pattern)
        except ValueError:
            continue
    return None


# The ASCII characters for which ``str.isspace`` is true.
_ASCII_SPACE = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


def _visible_chars(text: str) -> int:
    """Count the characters of ``text`` that are not whitespace."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _ASCII_SPACE))
    return len("".join(text.split()))


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
