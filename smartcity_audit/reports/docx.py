"""Render the audit as an official-looking Word report (DOCX) with python-docx.

The report has a title page (folder, rubric, audit date, overall score), a summary with a table
per dimension and the chart, the gaps with recommendations in the order to work on them, a table
of requirements per dimension, document problems, waivers, and an annex indexing which file
supports which requirement, on which page. Text is in the report language (Bahasa Indonesia by
default), and the document's language, title and subject are set in its properties.

Untrusted text (file names, excerpts, rubric texts) is only ever added as run text, never as
XML, after control characters, lone surrogates and non-characters have been escaped (``safe``): python-docx refuses them
and Word would not open the file. The same result gives the same bytes on one machine: the
created and modified dates are the audit date at 00:00 UTC, the chart PNG has no software or
date entry, and the ZIP entries get the audit date as their timestamp instead of the clock.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping, Sequence
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from smartcity_audit.i18n import format_date, problem_hint, tr
from smartcity_audit.model import AuditResult, Finding, Status
from smartcity_audit.reports._chart import (
    ChartKind,
    chart_items,
    chart_kinds,
    percent_text,
    render_png,
)
from smartcity_audit.reports._common import (
    ReportOptions,
    next_steps,
    problem_text,
    reason_text,
    recommendation,
    safe,
    status_label,
)
from smartcity_audit.reports.terminal import STATUS_MARK

FONT = "Arial"
NAVY = RGBColor(0x1F, 0x4E, 0x79)
INK = RGBColor(0x1B, 0x2A, 0x3A)
MUTED = RGBColor(0x5B, 0x66, 0x70)
HEADER_FILL = "1F4E79"
TOTAL_FILL = "E8F0F8"
STATUS_COLOUR = {
    Status.COMPLETE: RGBColor(0x1E, 0x7B, 0x34),
    Status.INCOMPLETE: RGBColor(0x8A, 0x5A, 0x00),
    Status.MISSING: RGBColor(0xB4, 0x23, 0x18),
    Status.UNREADABLE: RGBColor(0x69, 0x41, 0xC6),
    Status.WAIVED: RGBColor(0x55, 0x60, 0x70),
}
LANGUAGE_TAG = {"id": "id-ID", "en": "en-US"}
# Evidence files named in a table cell before "… +N".
_MAX_EVIDENCE = 3


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Writer:
    """Build one report document; every method adds one part of it, in reading order."""

    def __init__(self, result: AuditResult, lang: str) -> None:
        self.result = result
        self.lang = lang
        self.document: Any = docx.Document()
        self.not_scored = tr(lang, "label.not_scored")
        self._figures = 0

    # ---- text helpers -------------------------------------------------------------------

    def t(self, code: str, params: Mapping[str, object] | None = None) -> str:
        """Translate a message code into the report language."""
        return tr(self.lang, code, params)

    def paragraph(
        self,
        text: str = "",
        *,
        style: str | None = None,
        bold: bool = False,
        italic: bool = False,
        size: float | None = None,
        colour: RGBColor | None = None,
        align: Any = None,
        after: float | None = None,
    ) -> Any:
        """Add a paragraph with one run of cleaned text."""
        paragraph = self.document.add_paragraph(style=style)
        if text:
            self.run(paragraph, text, bold=bold, italic=italic, size=size, colour=colour)
        if align is not None:
            paragraph.alignment = align
        if after is not None:
            paragraph.paragraph_format.space_after = Pt(after)
        return paragraph

    @staticmethod
    def run(
        paragraph: Any,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        size: float | None = None,
        colour: RGBColor | None = None,
    ) -> Any:
        """Add cleaned text to a paragraph as one run."""
        run = paragraph.add_run(safe(text))
        run.bold = bold or None
        run.italic = italic or None
        if size is not None:
            run.font.size = Pt(size)
        if colour is not None:
            run.font.color.rgb = colour
        return run

    def heading(self, text: str, level: int) -> Any:
        """Add a heading of ``level`` (1 or 2) with cleaned text."""
        return self.document.add_heading(safe(text), level=level)

    def status_run(self, paragraph: Any, status: Status, *, bold: bool = True) -> None:
        """Write a status as symbol and word in its colour: never colour alone."""
        label = f"{STATUS_MARK[status]} {status_label(status, self.lang)}"
        self.run(paragraph, label, bold=bold, colour=STATUS_COLOUR[status])

    # ---- tables -------------------------------------------------------------------------

    def table(
        self, headers: Sequence[str], widths: Sequence[float], *, header_size: float = 8
    ) -> Any:
        """Add a table with a shaded header row that repeats on every page."""
        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _cell_margins(table, Cm(0.12))
        for index, width in enumerate(widths):
            table.columns[index].width = Cm(width)
        row = table.rows[0]
        _row_property(row, "w:tblHeader")
        for index, header in enumerate(headers):
            cell = row.cells[index]
            cell.width = Cm(widths[index])
            _shade(cell, HEADER_FILL)
            paragraph = cell.paragraphs[0]
            self.run(
                paragraph, header, bold=True, size=header_size, colour=RGBColor(0xFF, 0xFF, 0xFF)
            )
        return table

    def row(self, table: Any, widths: Sequence[float]) -> list[Any]:
        """Add a row that does not split across pages and return its cells."""
        row = table.add_row()
        _row_property(row, "w:cantSplit")
        cells = list(row.cells)
        for cell, width in zip(cells, widths, strict=True):
            cell.width = Cm(width)
        return cells

    def cell_text(
        self,
        cell: Any,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        colour: RGBColor | None = None,
        align: Any = None,
        size: float = 9,
    ) -> Any:
        """Write cleaned text into the first paragraph of a cell."""
        paragraph = cell.paragraphs[0]
        self.run(paragraph, text, bold=bold, italic=italic, size=size, colour=colour)
        if align is not None:
            paragraph.alignment = align
        return paragraph

    def cell_line(
        self, cell: Any, text: str, *, colour: RGBColor | None = MUTED, size: float = 8
    ) -> None:
        """Add a second, smaller line to a cell."""
        paragraph = cell.add_paragraph()
        self.run(paragraph, text, size=size, colour=colour)

    # ---- document setup -----------------------------------------------------------------

    def setup(self) -> None:
        """Set page size, margins, fonts, language, footer and core properties."""
        document = self.document
        section = document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.top_margin = section.bottom_margin = Cm(2.5)
        section.left_margin, section.right_margin = Cm(3.0), Cm(2.5)
        section.header_distance = section.footer_distance = Cm(1.2)
        styles = document.styles.element
        defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _set_fonts(defaults, FONT)
        language = defaults.find(qn("w:lang"))
        language.set(qn("w:val"), LANGUAGE_TAG.get(self.lang, "en-US"))
        normal = document.styles["Normal"]
        normal.font.size = Pt(10)
        normal.font.color.rgb = INK
        normal.paragraph_format.space_after = Pt(4)
        normal.paragraph_format.line_spacing = 1.15
        for name, size in (("Title", 24), ("Heading 1", 15), ("Heading 2", 12.5), ("Caption", 8.5)):
            style = document.styles[name]
            _set_fonts(style.element.get_or_add_rPr(), FONT)
            style.font.size = Pt(size)
            style.font.color.rgb = NAVY if name != "Caption" else MUTED
            style.font.bold = name != "Caption"
            style.font.italic = name == "Caption" or None
        document.styles["Heading 1"].paragraph_format.space_before = Pt(18)
        document.styles["Heading 1"].paragraph_format.space_after = Pt(8)
        document.styles["Heading 2"].paragraph_format.space_before = Pt(14)
        document.styles["Heading 2"].paragraph_format.space_after = Pt(4)
        # The title page has no footer; every other page names the report and its page number.
        section.different_first_page_header_footer = True
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        result = self.result
        self.run(
            footer,
            f"{self.t('label.report_title')} · {result.root} · "
            f"{format_date(result.as_of, self.lang)} · {self.t('label.page')} ",
            size=8,
            colour=MUTED,
        )
        _page_number(footer)
        self._properties()

    def _properties(self) -> None:
        result = self.result
        properties = self.document.core_properties
        stamp = dt.datetime(
            result.as_of.year, result.as_of.month, result.as_of.day, tzinfo=dt.timezone.utc
        )
        properties.title = safe(f"{self.t('label.report_document')} — {result.root}")
        properties.subject = safe(result.rubric.title.get(self.lang))
        properties.language = LANGUAGE_TAG.get(self.lang, "en-US")
        properties.author = "smartcity-audit"
        properties.last_modified_by = "smartcity-audit"
        properties.keywords = safe(f"smart city; audit; {result.rubric.id}")
        properties.comments = self.t("label.generated_by", {"version": result.tool_version})
        properties.category = self.t("label.report_title")
        properties.created = stamp
        properties.modified = stamp
        properties.last_printed = stamp
        properties.revision = 1

    # ---- parts of the report ------------------------------------------------------------

    def title_page(self) -> None:
        """Add the title page: programme, report title, folder, rubric, date, score."""
        result = self.result
        for _ in range(5):
            self.paragraph()
        self.paragraph(
            result.rubric.title.get(self.lang).upper(),
            bold=True,
            size=10,
            colour=MUTED,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            after=10,
        )
        title = self.paragraph(style="Title", align=WD_ALIGN_PARAGRAPH.CENTER)
        self.run(title, self.t("label.report_document").upper())
        self.paragraph(result.root, size=14, colour=INK, align=WD_ALIGN_PARAGRAPH.CENTER, after=36)
        rows = [
            (self.t("label.folder"), result.root),
            (self.t("label.rubric"), f"{result.rubric.id} {result.rubric.version}".strip()),
            (self.t("label.as_of"), format_date(result.as_of, self.lang)),
            (self.t("label.overall_score"), percent_text(result.overall, self.not_scored)),
            (self.t("label.documents_checked"), str(len(result.documents))),
        ]
        if result.config_source:
            rows.append((self.t("label.config"), result.config_source))
        table = self.document.add_table(rows=0, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        widths = (5.0, 8.5)
        for label, value in rows:
            cells = self.row(table, widths)
            self.cell_text(cells[0], label, colour=MUTED, size=10)
            self.cell_text(cells[1], value, bold=True, size=10)
        for _ in range(8):
            self.paragraph()
        self.paragraph(
            self.t("label.generated_by", {"version": result.tool_version}),
            size=8.5,
            colour=MUTED,
            align=WD_ALIGN_PARAGRAPH.CENTER,
        )
        self.paragraph(
            self.t("label.disclaimer"),
            italic=True,
            size=8.5,
            colour=MUTED,
            align=WD_ALIGN_PARAGRAPH.CENTER,
        )
        self.page_break()

    def page_break(self) -> None:
        """Start a new page."""
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def summary(self, number: int) -> None:
        """Add the summary: overall score, gates, dimension table and the chart."""
        result = self.result
        self.heading(f"{number}. {self.t('label.summary')}", 1)
        score = self.paragraph(after=2)
        self.run(score, f"{self.t('label.overall_score')}: ", size=12)
        self.run(
            score, percent_text(result.overall, self.not_scored), bold=True, size=16, colour=NAVY
        )
        counts = self.paragraph()
        for index, status in enumerate(Status):
            if index:
                self.run(counts, "   ")
            self.status_run(counts, status)
            self.run(counts, f": {result.counts.get(status, 0)}")
        if result.gate_failures:
            gates = self.paragraph()
            self.run(
                gates,
                f"✗ {self.t('label.gates_failed')}",
                bold=True,
                colour=STATUS_COLOUR[Status.MISSING],
            )
            for failure in result.gate_failures:
                self.paragraph(reason_text(failure.reason, self.lang), style="List Bullet")
        elif result.fail_under is not None or result.fail_on is not None:
            self.paragraph(
                f"✓ {self.t('label.gates_passed')}",
                bold=True,
                colour=STATUS_COLOUR[Status.COMPLETE],
            )

        self.heading(f"{number}.1 {self.t('label.scores_by_dimension')}", 2)
        headers = [self.t("label.dimension"), self.t("label.score")]
        headers += [f"{STATUS_MARK[s]} {_capitalised(status_label(s, self.lang))}" for s in Status]
        widths = (3.3, 1.45, *([2.15] * len(Status)))
        table = self.table(headers, widths, header_size=7.5)
        right = WD_ALIGN_PARAGRAPH.RIGHT
        for dimension in result.dimensions:
            cells = self.row(table, widths)
            self.cell_text(cells[0], dimension.dimension.title.get(self.lang), bold=True)
            self.cell_text(
                cells[1], percent_text(dimension.score, self.not_scored), bold=True, align=right
            )
            for cell, status in zip(cells[2:], Status, strict=True):
                count = dimension.counts.get(status, 0)
                colour = STATUS_COLOUR[status] if count else MUTED
                self.cell_text(cell, str(count), colour=colour, align=right)
        cells = self.row(table, widths)
        for cell in cells:
            _shade(cell, TOTAL_FILL)
        self.cell_text(cells[0], self.t("label.overall"), bold=True)
        self.cell_text(
            cells[1], percent_text(result.overall, self.not_scored), bold=True, align=right
        )
        for cell, status in zip(cells[2:], Status, strict=True):
            self.cell_text(cell, str(result.counts.get(status, 0)), bold=True, align=right)
        note = self.paragraph(self.t("label.chart_note"), size=8.5, colour=MUTED)
        note.paragraph_format.space_before = Pt(4)
        self.paragraph(self.t("label.score_note"), size=8.5, colour=MUTED)
        self.charts()

    def charts(self) -> None:
        """Add the chart images with numbered captions."""
        items = chart_items(self.result, self.lang)
        captions = {
            ChartKind.RADAR: self.t("label.chart_radar"),
            ChartKind.BARS: self.t("label.chart_bars"),
        }
        widths = {ChartKind.RADAR: 11.5, ChartKind.BARS: 13.0}
        for kind in chart_kinds(items):
            png = render_png(items, kind, not_scored=self.not_scored)
            picture = self.paragraph(align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
            picture.paragraph_format.keep_with_next = True
            picture.add_run().add_picture(io.BytesIO(png), width=Cm(widths[kind]))
            self._figures += 1
            self.paragraph(
                self.t("label.figure", {"number": self._figures, "caption": captions[kind]}),
                style="Caption",
                align=WD_ALIGN_PARAGRAPH.CENTER,
            )

    def next_steps(self, number: int) -> None:
        """Add the gaps with recommendations, in the order to work on them."""
        self.heading(f"{number}. {self.t('label.next_steps')}", 1)
        steps = next_steps(self.result.findings)
        if not steps:
            self.paragraph(f"✓ {self.t('label.no_gaps')}", colour=STATUS_COLOUR[Status.COMPLETE])
            return
        titles = self._dimension_titles()
        headers = [
            self.t("label.number"),
            self.t("label.requirement"),
            self.t("label.severity"),
            self.t("label.status"),
            self.t("label.recommendation"),
        ]
        widths = (0.9, 4.5, 1.6, 2.5, 6.0)
        table = self.table(headers, widths)
        for index, finding in enumerate(steps, start=1):
            requirement = finding.requirement
            cells = self.row(table, widths)
            self.cell_text(cells[0], str(index), align=WD_ALIGN_PARAGRAPH.RIGHT)
            paragraph = self.cell_text(cells[1], f"{requirement.id} ", bold=True)
            self.run(paragraph, requirement.title.get(self.lang), size=9)
            self.cell_line(cells[1], titles.get(requirement.dimension, requirement.dimension))
            self.cell_text(cells[2], self.t(f"severity.{requirement.severity.value}"))
            self.status_run(cells[3].paragraphs[0], finding.status)
            self.cell_text(cells[4], recommendation(finding, self.lang))

    def details(self, number: int) -> None:
        """Add one table of requirements and statuses per dimension."""
        self.heading(f"{number}. {self.t('label.details_by_dimension')}", 1)
        headers = [
            self.t("label.id"),
            self.t("label.requirement"),
            self.t("label.severity"),
            self.t("label.status"),
            self.t("label.score"),
            self.t("label.notes"),
        ]
        widths = (1.6, 4.2, 1.5, 2.5, 1.5, 4.2)
        for index, dimension in enumerate(self.result.dimensions, start=1):
            title = dimension.dimension.title.get(self.lang)
            score = percent_text(dimension.score, self.not_scored)
            heading = self.heading(f"{number}.{index} {title} — {score}", 2)
            heading.paragraph_format.keep_with_next = True
            if dimension.dimension.description is not None:
                self.paragraph(dimension.dimension.description.get(self.lang), colour=MUTED, size=9)
            table = self.table(headers, widths)
            for finding in self.result.findings:
                if finding.requirement.dimension != dimension.dimension.id:
                    continue
                self._detail_row(table, widths, finding)

    def _detail_row(self, table: Any, widths: Sequence[float], finding: Finding) -> None:
        requirement = finding.requirement
        cells = self.row(table, widths)
        self.cell_text(cells[0], requirement.id, bold=True)
        self.cell_text(cells[1], requirement.title.get(self.lang))
        if requirement.group:
            self.cell_line(cells[1], f"{self.t('label.group')}: {requirement.group}")
        self.cell_text(cells[2], self.t(f"severity.{requirement.severity.value}"))
        self.status_run(cells[3].paragraphs[0], finding.status)
        self.cell_text(
            cells[4], percent_text(finding.score, self.not_scored), align=WD_ALIGN_PARAGRAPH.RIGHT
        )
        notes = [reason_text(reason, self.lang) for reason in finding.reasons]
        if finding.status is Status.COMPLETE:
            # The files that made it complete; the annex lists every candidate.
            passing = [c.evidence for c in finding.candidates if c.passed]
            label = self.t("label.evidence")
            notes = [
                f"{label}: {_evidence_text(e.path, e.page, self.lang)}"
                for e in passing[:_MAX_EVIDENCE]
            ]
            if len(passing) > _MAX_EVIDENCE:
                notes.append(f"… +{len(passing) - _MAX_EVIDENCE}")
        self.cell_text(cells[5], "; ".join(notes) or "—", size=8.5)

    def problems(self, number: int) -> None:
        """Add the documents that could not be read, or only in part, with how to fix them."""
        self.heading(f"{number}. {self.t('label.document_problems')}", 1)
        rows = [(d, p) for d in self.result.documents for p in d.problems]
        if not rows:
            self.paragraph(
                f"✓ {self.t('label.no_document_problems')}", colour=STATUS_COLOUR[Status.COMPLETE]
            )
            return
        headers = [self.t("label.file"), self.t("label.problems"), self.t("label.how_to_fix")]
        widths = (6.0, 4.5, 5.0)
        table = self.table(headers, widths)
        for document, problem in rows:
            cells = self.row(table, widths)
            self.cell_text(cells[0], document.path)
            self.cell_text(cells[1], problem_text(problem, self.lang))
            self.cell_text(cells[2], problem_hint(problem, self.lang) or "—")

    def waivers(self, number: int) -> None:
        """Add the waivers from the configuration and whether they applied."""
        self.heading(f"{number}. {self.t('label.waived')}", 1)
        waived = [f for f in self.result.findings if f.waiver is not None]
        if not waived and not self.result.unused_waivers:
            self.paragraph(self.t("label.none"), colour=MUTED)
            return
        if waived:
            headers = [
                self.t("label.id"),
                self.t("label.requirement"),
                self.t("label.reasons"),
                self.t("label.approved_by"),
                self.t("label.valid_until"),
                self.t("label.status"),
            ]
            widths = (1.6, 3.4, 4.2, 2.4, 2.2, 1.7)
            table = self.table(headers, widths)
            for finding in waived:
                assert finding.waiver is not None
                waiver = finding.waiver.waiver
                cells = self.row(table, widths)
                self.cell_text(cells[0], finding.requirement.id, bold=True)
                self.cell_text(cells[1], finding.requirement.title.get(self.lang))
                self.cell_text(cells[2], waiver.reason)
                self.cell_text(cells[3], waiver.approved_by or "—")
                until = format_date(waiver.until, self.lang) if waiver.until else "—"
                self.cell_text(cells[4], until)
                state = "label.waiver_applied" if finding.waiver.applied else "label.waiver_expired"
                self.cell_text(cells[5], self.t(state))
        if self.result.unused_waivers:
            self.paragraph(self.t("label.unused_waivers"), bold=True)
            for waiver in self.result.unused_waivers:
                self.paragraph(
                    f"{self.t('msg.unused_waiver', {'id': waiver.requirement})} — {waiver.reason}",
                    style="List Bullet",
                )

    def evidence_index(self) -> None:
        """Add the annex: every file, the requirements it supports or was considered for, pages."""
        self.page_break()
        self.heading(f"{self.t('label.annex')}. {self.t('label.evidence_index')}", 1)
        self.paragraph(self.t("label.evidence_index_note"), colour=MUTED, size=9)
        headers = [
            self.t("label.file"),
            self.t("label.page"),
            self.t("label.requirement"),
            self.t("label.status"),
            self.t("label.passes_checks"),
            self.t("label.matched_by"),
        ]
        widths = (4.5, 0.9, 4.0, 2.3, 1.9, 1.9)
        table = self.table(headers, widths)
        for path, entries in _evidence_by_file(self.result):
            if not entries:
                cells = self.row(table, widths)
                self.cell_text(cells[0], path)
                for cell in cells[1:]:
                    self.cell_text(cell, "—", colour=MUTED)
                continue
            for finding, page, matched_by in entries:
                cells = self.row(table, widths)
                self.cell_text(cells[0], path)
                self.cell_text(
                    cells[1], "—" if page is None else str(page), align=WD_ALIGN_PARAGRAPH.RIGHT
                )
                paragraph = self.cell_text(cells[2], f"{finding.requirement.id} ", bold=True)
                self.run(paragraph, finding.requirement.title.get(self.lang), size=9)
                self.status_run(cells[3].paragraphs[0], finding.status, bold=False)
                self.cell_text(cells[4], self._verdict(finding, path))
                self.cell_text(cells[5], self.t(f"matched.{matched_by}"))

    def _verdict(self, finding: Finding, path: str) -> str:
        """Say whether the candidate file ``path`` passes the requirement's checks."""
        candidate = next((c for c in finding.candidates if c.path == path), None)
        if candidate is None or not candidate.readable:
            status = Status.UNREADABLE
            return f"{STATUS_MARK[status]} {status_label(status, self.lang)}"
        return f"✓ {self.t('label.yes')}" if candidate.passed else f"✗ {self.t('label.no')}"

    def _dimension_titles(self) -> dict[str, str]:
        return {d.dimension.id: d.dimension.title.get(self.lang) for d in self.result.dimensions}

    def build(self) -> bytes:
        """Write every part and return the document's bytes, made reproducible."""
        self.setup()
        self.title_page()
        self.summary(1)
        self.next_steps(2)
        self.details(3)
        self.problems(4)
        self.waivers(5)
        self.evidence_index()
        buffer = io.BytesIO()
        self.document.save(buffer)
        return _reproducible_zip(buffer.getvalue(), self.result.as_of)


def _evidence_text(path: str, page: int | None, lang: str) -> str:
    return path if page is None else f"{path}, {tr(lang, 'label.page')} {page}"


def _evidence_by_file(
    result: AuditResult,
) -> list[tuple[str, list[tuple[Finding, int | None, str]]]]:
    """Group evidence by file path (sorted), in rubric order; unused documents get no entries."""
    entries: dict[str, list[tuple[Finding, int | None, str]]] = {
        document.path: [] for document in result.documents
    }
    for finding in result.findings:
        for evidence in finding.evidence:
            entries.setdefault(evidence.path, []).append(
                (finding, evidence.page, evidence.matched_by.value)
            )
    return sorted(entries.items())


def _set_fonts(rpr: Any, name: str) -> None:
    """Use ``name`` for every script, dropping theme fonts (which would win over it in Word)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)


def _cell_margins(table: Any, width: Any) -> None:
    """Narrow the left and right cell margins, keeping the schema's element order."""
    properties = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("w:left", "w:right"):
        margin = OxmlElement(side)
        margin.set(qn("w:w"), str(int(width.twips)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    look = properties.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        properties.append(margins)


def _shade(cell: Any, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _row_property(row: Any, tag: str) -> None:
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    properties.append(element)


def _page_number(paragraph: Any) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _reproducible_zip(data: bytes, day: dt.date) -> bytes:
    """Rewrite the package with fixed entry dates and attributes, so equal input gives equal bytes.

    python-docx stamps each ZIP entry with the current time; the audit date is used instead.
    """
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return output.getvalue()


def render(result: AuditResult, options: ReportOptions) -> bytes:
    """Render the Word report as DOCX bytes."""
    return _Writer(result, options.lang).build()
