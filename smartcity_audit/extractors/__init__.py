"""Turn a ``DocumentRef`` into a ``Document`` or an ``UnreadableDocument``, one module per format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from smartcity_audit.extractors import docx, pdf
from smartcity_audit.extractors._base import ExtractOptions
from smartcity_audit.model import (
    AnyDocument,
    DocFormat,
    Document,
    DocumentRef,
    Problem,
    ProblemKind,
    UnreadableDocument,
)

Extractor = Callable[[DocumentRef, ExtractOptions], AnyDocument]

EXTRACTORS: dict[DocFormat, Extractor] = {
    DocFormat.PDF: pdf.extract,
    DocFormat.DOCX: docx.extract,
}

__all__ = ["EXTRACTORS", "ExtractOptions", "Extractor", "extract"]


def _scanned(document: AnyDocument) -> bool:
    return (
        isinstance(document, UnreadableDocument)
        and document.problem.kind is ProblemKind.NO_TEXT_LAYER
    )


def extract(ref: DocumentRef, options: ExtractOptions | None = None) -> AnyDocument:
    """Extract one file; never raises for a bad file, which becomes an ``UnreadableDocument``."""
    options = options or ExtractOptions()
    extractor = EXTRACTORS.get(ref.format)
    if ref.problem is not None or extractor is None:
        problem = ref.problem or Problem(ProblemKind.UNSUPPORTED_FORMAT, ref.format.value)
        return UnreadableDocument(path=ref.path, format=ref.format, size=ref.size, problem=problem)
    try:
        document = extractor(ref, options)
    except (Exception, RecursionError) as exc:  # one bad file never stops the scan
        problem = Problem(ProblemKind.CORRUPT, f"{type(exc).__name__}: {exc}")
        return UnreadableDocument(path=ref.path, format=ref.format, size=ref.size, problem=problem)
    if options.ocr and _scanned(document):
        from smartcity_audit.extractors.ocr import ocr_document

        document = ocr_document(ref, options) or document
    if ref.extension_format != ref.format and isinstance(document, Document):
        mismatch = Problem(ProblemKind.EXTENSION_MISMATCH, ref.format.value)
        document = replace(document, problems=(mismatch, *document.problems))
    return document
