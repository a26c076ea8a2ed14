"""Build small DOCX and PDF evidence documents for tests and the example folder.

DOCX files are written with python-docx, PDFs with fpdf2 (text PDFs with an optional outline)
and scanned-looking PDFs as page images with no text layer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

# A block is a heading ("# text", "## text"), a page break ("---") or a paragraph.
Block = str


@dataclass
class Doc:
    """Content shared by the DOCX and PDF builders."""

    blocks: Sequence[Block]
    title: str | None = None  # document title property
    subject: str | None = None
    created: dt.datetime = field(default_factory=lambda: dt.datetime(2024, 1, 15, 9, 0))


def _heading(block: str) -> tuple[int, str] | None:
    if block.startswith("#"):
        level = len(block) - len(block.lstrip("#"))
        return level, block[level:].strip()
    return None


def write_docx(path: Path, doc: Doc, *, styled_headings: bool = True) -> Path:
    """Write ``doc`` as DOCX; headings use Heading N styles unless ``styled_headings`` is off."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    props = document.core_properties
    props.title = doc.title or ""
    props.subject = doc.subject or ""
    props.created = doc.created
    props.modified = doc.created
    props.author = "Dinas Kominfo"
    paragraph = None
    for block in doc.blocks:
        heading = _heading(block)
        if block == "---":
            (paragraph or document.add_paragraph()).add_run().add_break(WD_BREAK.PAGE)
        elif heading and styled_headings:
            paragraph = document.add_heading(heading[1], level=min(heading[0], 9))
        elif heading:
            paragraph = document.add_paragraph()
            paragraph.add_run(heading[1]).bold = True
        else:
            paragraph = document.add_paragraph(block)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def write_pdf(path: Path, doc: Doc, *, outline: bool = True) -> Path:
    """Write ``doc`` as a text PDF; headings become bookmarks when ``outline`` is on."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(doc.created)
    if doc.title:
        pdf.set_title(doc.title)
    if doc.subject:
        pdf.set_subject(doc.subject)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    for block in doc.blocks:
        heading = _heading(block)
        if block == "---":
            pdf.add_page()
        elif heading:
            pdf.set_font("Helvetica", "B", 14 if heading[0] == 1 else 12)
            if outline:
                pdf.start_section(heading[1], level=heading[0] - 1)
            pdf.multi_cell(0, 8, heading[1], new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", size=11)
            pdf.multi_cell(0, 6, block, new_x="LMARGIN", new_y="NEXT")
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def write_scanned_pdf(path: Path, pages: int = 2) -> Path:
    """Write a PDF whose pages are only images (a scan without OCR): no text layer at all."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    pdf = FPDF(format="A4")
    pdf.set_creation_date(dt.datetime(2024, 1, 15, 9, 0))
    for number in range(pages):
        image = Image.new("L", (420, 594), color=255)
        draw = ImageDraw.Draw(image)
        for row in range(8, 560, 18):
            draw.line((40, row, 380 - (row * 7 + number * 13) % 120, row), fill=40, width=3)
        pdf.add_page()
        pdf.image(image, x=0, y=0, w=210, h=297)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def words(count: int, seed: str = "pelaksanaan program kota cerdas daerah") -> str:
    """Return ``count`` words of filler text built from ``seed``."""
    vocabulary = seed.split()
    return " ".join(vocabulary[i % len(vocabulary)] for i in range(count))
