"""Read scanned PDFs with OCR (optional: ``pip install smartcity-audit[ocr]`` plus Tesseract).

Only PDFs without a text layer are sent to OCRmyPDF, which runs Tesseract and writes a copy
with a text layer into a temporary folder (never beside the evidence); that copy is then read
like any PDF, under the original path. The result carries an ``ocr`` note, since recognised
text can be wrong, and it is cached like other extractions (the engine key names OCR).
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from smartcity_audit.extractors import pdf
from smartcity_audit.extractors._base import ExtractOptions
from smartcity_audit.model import AnyDocument, Document, DocumentRef, Problem, ProblemKind

# Tesseract language packs to ask for, when installed: Indonesian, then English.
LANGUAGES = ("ind", "eng")


def available() -> bool:
    """Tell whether OCRmyPDF and Tesseract are installed."""
    try:
        import ocrmypdf  # noqa: F401
    except ImportError:
        return False
    return shutil.which("tesseract") is not None


def _languages() -> list[str]:
    import subprocess

    try:
        listed = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return ["eng"]
    chosen = [language for language in LANGUAGES if language in listed]
    return chosen or ["eng"]


def ocr_document(ref: DocumentRef, options: ExtractOptions) -> AnyDocument | None:
    """Return the document read from an OCR'd copy of a scanned PDF, or ``None`` if OCR failed."""
    import ocrmypdf

    logging.getLogger("ocrmypdf").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="smartcity-audit-ocr-") as folder:
        output = Path(folder) / "ocr.pdf"
        try:
            ocrmypdf.ocr(
                ref.abs_path,
                output,
                language=_languages(),
                skip_text=True,
                progress_bar=False,
                optimize=0,
                jobs=1,
                output_type="pdf",
            )
        except Exception:  # OCRmyPDF raises for many kinds of input it cannot handle
            return None
        copy = replace(ref, abs_path=str(output), size=output.stat().st_size)
        document = pdf.extract(copy, replace(options, ocr=False))
    if not isinstance(document, Document):
        return None
    note = Problem(ProblemKind.OCR, "")
    return replace(document, size=ref.size, problems=(note, *document.problems))
