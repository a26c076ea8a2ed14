"""Extract the full text of DOCX files: body, tables, text boxes, headers, footers and notes.

Text comes from walking the WordprocessingML itself rather than ``Document.paragraphs``, which
misses nested tables, text boxes and tracked insertions. Tracked deletions (``w:del``,
``w:moveFrom``) and the fallback copies of text boxes (``mc:Fallback``) are skipped. Archives
are checked for decompression bombs before anything is inflated, and XML is parsed without
DTDs, external entities or network access.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from typing import Any

import docx
from lxml import etree

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

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_W_VAL = W + "val"
_SKIP = frozenset({W + "del", W + "moveFrom", MC + "Fallback", W + "delText", W + "instrText"})
_BREAKS = frozenset({W + "br", W + "cr"})
_NOTE_PARTS = ("/word/footnotes.xml", "/word/endnotes.xml")
_HEADING_STYLE = re.compile(r"^(?:heading|judul)\s*(\d)$", re.IGNORECASE)
# Members smaller than this may have any compression ratio (tiny XML compresses very well).
_RATIO_FLOOR_BYTES = 1024 * 1024
# Body words that stand in for the first page when the document has no page break early on.
_FIRST_PAGE_WORDS = 400
_SAFE_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
    remove_blank_text=False,
)


def _unreadable(ref: DocumentRef, kind: ProblemKind, detail: str = "") -> UnreadableDocument:
    return UnreadableDocument(
        path=ref.path, format=ref.format, size=ref.size, problem=Problem(kind, detail)
    )


def check_archive(path: str, options: ExtractOptions) -> Problem | None:
    """Refuse archives whose declared sizes or compression ratios betray a decompression bomb."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        return Problem(ProblemKind.CORRUPT, f"not a valid DOCX (zip) file: {exc}")
    if len(infos) > options.max_zip_members:
        return Problem(ProblemKind.ZIP_BOMB, f"{len(infos)} members")
    total = sum(info.file_size for info in infos)
    if total > options.max_unzipped_bytes:
        return Problem(ProblemKind.ZIP_BOMB, f"{total} bytes unpacked")
    for info in infos:
        if info.file_size > _RATIO_FLOOR_BYTES:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > options.max_zip_ratio:
                return Problem(ProblemKind.ZIP_BOMB, f"{info.filename}: ratio {ratio:.0f}:1")
    if "word/document.xml" not in {info.filename for info in infos}:
        return Problem(ProblemKind.CORRUPT, "word/document.xml is missing")
    return None


def _inline(element: Any, out: list[str], nested: list[Any]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            out.append(child.text or "")
        elif tag == W + "tab":
            out.append("\t")
        elif tag in _BREAKS:
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag in (W + "txbxContent", W + "p", W + "tbl"):
            nested.append(child)
        else:
            _inline(child, out, nested)


def iter_paragraphs(container: Any) -> Iterator[tuple[Any, str]]:
    """Yield ``(w:p element, text)`` in reading order, tables and text boxes included."""
    for child in container:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "p":
            out: list[str] = []
            nested: list[Any] = []
            _inline(child, out, nested)
            yield child, "".join(out)
            for box in nested:
                yield from iter_paragraphs(box if box.tag != W + "p" else [box])
        else:
            yield from iter_paragraphs(child)


def _style_levels(document: Any) -> dict[str, int]:
    """Map style ids to heading levels, from names ("Heading 2") or outline levels."""
    levels: dict[str, int] = {}
    try:
        styles = list(document.styles)
    except Exception:  # a broken styles part only costs us style-based headings
        return levels
    by_id = {getattr(s, "style_id", None): s for s in styles}

    def level_of(style: Any, depth: int = 0) -> int | None:
        if style is None or depth > 10:
            return None
        name = str(getattr(style, "name", "") or "")
        named = _HEADING_STYLE.match(name)
        if named:
            return int(named.group(1))
        if name.casefold() == "title":
            return 1
        outline = style.element.find(f"{W}pPr/{W}outlineLvl")
        if outline is not None:
            value = outline.get(_W_VAL, "9")
            return (
                int(value) + 1 if value.isascii() and value.isdigit() and int(value) < 9 else None
            )
        base = style.element.find(f"{W}basedOn")
        return level_of(by_id.get(base.get(_W_VAL)) if base is not None else None, depth + 1)

    for style_id, style in by_id.items():
        if style_id:
            level = level_of(style)
            if level is not None:
                levels[style_id] = level
    return levels


def _paragraph_level(paragraph: Any, styles: dict[str, int]) -> tuple[int | None, str]:
    """Return a paragraph's heading level and where it comes from ("outline" or "style")."""
    outline = paragraph.find(f"{W}pPr/{W}outlineLvl")
    if outline is not None:
        value = outline.get(_W_VAL, "9")
        if value.isascii() and value.isdigit() and int(value) < 9:
            return int(value) + 1, "outline"
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    return (styles.get(style.get(_W_VAL, "")) if style is not None else None), "style"


def _breaks_inside(paragraph: Any) -> int:
    """Count the page breaks in a paragraph: explicit ones and those Word last rendered."""
    return sum(
        1
        for node in paragraph.iter(W + "br", W + "lastRenderedPageBreak")
        if node.tag == W + "lastRenderedPageBreak" or node.get(W + "type") == "page"
    )


def _break_before(paragraph: Any) -> bool:
    return paragraph.find(f"{W}pPr/{W}pageBreakBefore") is not None


def _part_root(part: Any) -> Any:
    element = getattr(part, "element", None)
    if element is not None:
        return element
    return etree.fromstring(part.blob, parser=_SAFE_PARSER)


def _page_count(document: Any) -> int | None:
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            root = etree.fromstring(part.blob, parser=_SAFE_PARSER)
            for node in root.iter("{*}Pages"):
                text = (node.text or "").strip()
                return (
                    int(text)
                    if text.isascii() and text.isdigit() and 0 < int(text) < 1_000_000
                    else None
                )
    return None


def _metadata_years(document: Any) -> list[YearMention]:
    years: list[YearMention] = []
    try:
        props = document.core_properties
        for label, value in (("created", props.created), ("modified", props.modified)):
            if value is not None:
                years.append(
                    YearMention(value.year, YearSource.METADATA, None, f"{label} {value.date()}")
                )
    except Exception:  # malformed core properties are harmless
        pass
    return years


def extract(ref: DocumentRef, options: ExtractOptions) -> AnyDocument:
    """Read a DOCX file; a broken or hostile one becomes an ``UnreadableDocument``."""
    problem = check_archive(ref.abs_path, options)
    if problem is not None:
        return UnreadableDocument(path=ref.path, format=ref.format, size=ref.size, problem=problem)
    try:
        document = docx.Document(ref.abs_path)
    except Exception as exc:  # python-docx raises many kinds of errors on broken packages
        return _unreadable(ref, ProblemKind.CORRUPT, f"{type(exc).__name__}: {exc}")

    styles = _style_levels(document)
    body_lines: list[str] = []
    first_page: list[str] = []
    first_page_words = 0
    first_page_done = False
    breaks = 0
    headings: list[Heading] = []
    for paragraph, text in iter_paragraphs(document.element.body):
        before = _break_before(paragraph)
        inside = _breaks_inside(paragraph)
        breaks += before + inside
        first_page_done = first_page_done or (before and bool(body_lines))
        body_lines.append(text)
        clean = collapse_whitespace(text)
        if clean and not first_page_done:
            first_page.append(clean)
            first_page_words += len(clean.split())
        # A break inside a paragraph ends the page after the paragraph's text.
        first_page_done = first_page_done or inside > 0 or first_page_words >= _FIRST_PAGE_WORDS
        if not clean:
            continue
        level, source = _paragraph_level(paragraph, styles)
        if level is not None:
            headings.append(Heading(clean, level, None, source))
        else:
            headings.extend(analysis.heading_lines([clean], None))

    pages = [Page(None, "\n".join(body_lines))]
    for part in document.part.package.iter_parts():
        name = str(part.partname)
        is_margin = re.fullmatch(r"/word/(?:header|footer)\d*\.xml", name) is not None
        if is_margin or name in _NOTE_PARTS:
            text = "\n".join(t for _, t in iter_paragraphs(_part_root(part)))
            if text.strip():
                pages.append(Page(None, text))

    props = document.core_properties
    # Word records the page count when it saves; python-docx and LibreOffice may not, so the
    # page breaks seen in the text are a lower bound. Checks may still estimate from words.
    word_pages = max(_page_count(document) or 0, breaks + 1)
    return make_document(
        ref,
        properties=(props.title or "", props.subject or ""),
        first_page="\n".join(first_page),
        pages=pages,
        page_count=word_pages,
        headings=headings,
        metadata_years=_metadata_years(document),
    )
