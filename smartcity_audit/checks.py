"""Apply a requirement's ``require`` block to one candidate document.

Each rubric key has one check function in ``CHECKS``. ``sections``, ``text_all`` and
``text_none`` give one result per phrase; the other keys give one result each. The share of
results passed is what an incomplete requirement scores (times 0.5).

The year a document "has" (``document_year``): the latest ratification date ("pada tanggal
12 Maret 2024" after "Ditetapkan di ...") if there is one; otherwise the latest date a
document was signed or held (a "Singaraja, 15 Desember 2021" line above the signer's office,
or the "Hari / Tanggal" of minutes); otherwise the latest year in the
title block at the top of the first page (what a reader sees as the title; see
``analysis.title_block``); otherwise the latest year in the title recorded in the file's
properties; otherwise the latest year of the file's creation or modification date. A range
such as 2022-2031 counts as its first year. Years after the audit date's year are ignored
as plans, not dates.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

from smartcity_audit.analysis import is_signed
from smartcity_audit.matching import DocumentIndex
from smartcity_audit.model import (
    CheckResult,
    DocFormat,
    Document,
    Reason,
    ReasonParam,
    Require,
    YearMention,
    YearSource,
)
from smartcity_audit.text import normalize_phrase

WORDS_PER_PAGE = 300


def estimate_pages(words: int) -> int:
    """Estimate printed pages from words (300 a page): DOCX page counts are often missing."""
    return max(1, math.ceil(words / WORDS_PER_PAGE))


_YEAR_PRIORITY = (
    YearSource.RATIFICATION,
    YearSource.DATED,
    YearSource.TITLE,
    YearSource.PROPERTIES,
    YearSource.METADATA,
)
_YEAR_RANK = {source: rank for rank, source in enumerate(_YEAR_PRIORITY)}


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What a check needs besides the document: the audit date."""

    as_of: dt.date


Check = Callable[[Require, Document, DocumentIndex, CheckContext], list[CheckResult]]


def document_year(document: Document, as_of: dt.date) -> YearMention | None:
    """Return the year mention that dates a document (see the module docstring)."""
    best: YearMention | None = None
    best_rank = len(_YEAR_PRIORITY)
    for mention in document.years:
        if mention.year > as_of.year:
            continue
        rank = _YEAR_RANK[mention.source]
        # The first of the latest mentions of the best source wins, as ``max`` would pick it.
        if rank < best_rank or (
            rank == best_rank and best is not None and mention.year > best.year
        ):
            best, best_rank = mention, rank
    return best


def check_sections(
    require: Require, document: Document, index: DocumentIndex, ctx: CheckContext
) -> list[CheckResult]:
    """Each section phrase must appear in a heading, not only in body text."""
    results = []
    for section in require.sections:
        heading = index.find_section(normalize_phrase(section))
        if heading is None:
            results.append(
                CheckResult(
                    "sections", False, Reason("check.section_missing", {"section": section})
                )
            )
        else:
            results.append(
                CheckResult(
                    "sections",
                    True,
                    Reason("check.section_found", {"section": section}),
                    heading.page,
                )
            )
    return results


def check_text_all(
    require: Require, document: Document, index: DocumentIndex, ctx: CheckContext
) -> list[CheckResult]:
    """Each phrase must appear somewhere in the text."""
    results = []
    for phrase in require.text_all:
        found = index.find_text(normalize_phrase(phrase))
        if found is None:
            results.append(
                CheckResult("text_all", False, Reason("check.text_missing", {"phrase": phrase}))
            )
        else:
            results.append(
                CheckResult(
                    "text_all", True, Reason("check.text_found", {"phrase": phrase}), found.page
                )
            )
    return results


def check_text_any(
    require: Require, document: Document, index: DocumentIndex, ctx: CheckContext
) -> list[CheckResult]:
    """At least one of the phrases must appear."""
    if not require.text_any:
        return []
    for phrase in require.text_any:
        found = index.find_text(normalize_phrase(phrase))
        if found is not None:
            return [
                CheckResult(
                    "text_any", True, Reason("check.text_found", {"phrase": phrase}), found.page
                )
            ]
    phrases = ", ".join(f"'{p}'" for p in require.text_any)
    return [CheckResult("text_any", False, Reason("check.text_any_missing", {"phrases": phrases}))]


def check_text_none(
    require: Require, document: Document, index: DocumentIndex, ctx: CheckContext
) -> list[CheckResult]:
    """None of the phrases may appear (in the text or the title region)."""
    results = []
    for phrase in require.text_none:
        normalized = normalize_phrase(phrase)
        found = index.find_text(normalized) or index.find_title(normalized)
        if found is None:
            results.append(
                CheckResult("text_none", True, Reason("check.text_none_ok", {"phrase": phrase}))
            )
        else:
            results.append(
                CheckResult(
                    "text_none",
                    False,
                    Reason("check.text_none_found", {"phrase": phrase}),
                    found.page,
                )
            )
    return results


def check_min_pages(
    require: Require, document: Document, index: DocumentIndex, ctx: CheckContext
) -> list[CheckResult]:
    """The document must have at least ``min_pages`` pages (for DOCX, at least as many as its words fill)."""
    if require.min_pages is None:
        return []
    pages = document.page_count or 0
    code_short = "check.pages_too_few"
    if document.format is DocFormat.DOCX and estimate_pages(document.words) > pages:
        # A DOCX file does not know its printed length for sure; judge it by its words.
        pages = estimate_pages(document.words)
        code_short = "check.pages_estimated_too_few"
    params = {"pages": pages, "min": require.min_pages}
    if pages >= require.min_pages:
        return [CheckResult("min_pages", True, Reason("check.pages_ok", params))]
    return [CheckResult("min_pages", False, Reason(code_short, params))]


def check_min_words(
    require: Require, document: Document, index: DocumentIndex, ctx: CheckContext
) -> list[CheckResult]:
    """The document must have at least ``min_words`` words."""
    if require.min_words is None:
        return []
    params = {"words": document.words, "min": require.min_words}
    if document.words >= require.min_words:
        return [CheckResult("min_words", True, Reason("check.words_ok", params))]
    return [CheckResult("min_words", False, Reason("check.words_too_few", params))]


def check_year(
    require: Require, document: Document, index: DocumentIndex, ctx: CheckContext
) -> list[CheckResult]:
    """The document's year must satisfy ``min``, ``max`` and ``within_years``."""
    rule = require.year
    if rule is None:
        return []
    mention = document_year(document, ctx.as_of)
    if mention is None:
        return [CheckResult("year", False, Reason("check.year_unknown"))]
    params: dict[str, ReasonParam] = {
        "year": mention.year,
        "source": Reason(f"source.{mention.source.value}"),
    }
    failure: Reason | None = None
    if rule.min is not None and mention.year < rule.min:
        failure = Reason("check.year_too_old", {**params, "min": rule.min})
    elif rule.max is not None and mention.year > rule.max:
        failure = Reason("check.year_too_new", {**params, "max": rule.max})
    elif rule.within_years is not None and ctx.as_of.year - mention.year > rule.within_years:
        failure = Reason(
            "check.year_outdated",
            {**params, "within": rule.within_years, "as_of_year": ctx.as_of.year},
        )
    if failure is not None:
        return [CheckResult("year", False, failure, mention.page)]
    return [CheckResult("year", True, Reason("check.year_ok", params), mention.page)]


def check_signed(
    require: Require, document: Document, index: DocumentIndex, ctx: CheckContext
) -> list[CheckResult]:
    """With ``signed: true`` the text must show ratification markers (see ``analysis.is_signed``)."""
    if not require.signed:
        return []
    if is_signed(document.markers):
        shown = "; ".join(m.excerpt for m in document.markers[:3])
        page = document.markers[0].page
        return [CheckResult("signed", True, Reason("check.signed_ok", {"markers": shown}), page)]
    return [CheckResult("signed", False, Reason("check.signed_missing"))]


CHECKS: dict[str, Check] = {
    "sections": check_sections,
    "text_all": check_text_all,
    "text_any": check_text_any,
    "text_none": check_text_none,
    "min_pages": check_min_pages,
    "min_words": check_min_words,
    "year": check_year,
    "signed": check_signed,
}


def run_checks(
    require: Require, document: Document, index: DocumentIndex, ctx: CheckContext
) -> tuple[CheckResult, ...]:
    """Run every check of a ``require`` block in rubric-key order."""
    results: list[CheckResult] = []
    for check in CHECKS.values():
        results.extend(check(require, document, index, ctx))
    return tuple(results)
