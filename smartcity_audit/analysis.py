"""Find headings, years and ratification markers in extracted text (shared by extractors).

The rule for the year a document "has" lives in ``checks.document_year``; this module only
collects the mentions it chooses from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from smartcity_audit.model import DocKind, Heading, Marker, MarkerKind, YearMention, YearSource
from smartcity_audit.text import clip, collapse_whitespace

MONTHS = {
    # Indonesian, English and common abbreviations.
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}  # fmt: skip

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"(?:19[4-9]\d|20\d\d)"
DATE_PATTERN = (
    rf"(?:\d{{1,2}}\s*(?:{_MONTH_NAMES})\.?\s*(?:,\s*)?(?P<y1>{_YEAR})"
    rf"|\d{{1,2}}\s*[-/.]\s*\d{{1,2}}\s*[-/.]\s*(?P<y2>{_YEAR})"
    rf"|(?P<y3>{_YEAR})\s*-\s*\d{{1,2}}\s*-\s*\d{{1,2}})"
)
_DATE = re.compile(DATE_PATTERN, re.IGNORECASE)
_PLACE = re.compile(
    r"\b(?:ditetapkan|disahkan|diundangkan|dikeluarkan|ditandatangani)\s+di\s*(?::[ \t]*)?"
    r"(?P<place>[^\W\d_](?:(?!\s+(?:pada\s+)?tanggal\b)[^\n,:;]){1,40})",
    re.IGNORECASE,
)
_RATIFICATION_DATE = re.compile(
    rf"\b(?:pada\s+)?tanggal\s*(?::\s*)?(?P<date>{DATE_PATTERN})", re.IGNORECASE
)
_SIGNATURE = re.compile(
    r"(?<![^\W_])(?:ttd|t\.t\.d|tertanda|ditandatangani\s+secara\s+elektronik)(?![^\W_])",
    re.IGNORECASE,
)
# An office followed by a comma on its own line ("BUPATI SUKAMAJU,"), then a signature mark.
_SIGNATORY = re.compile(
    r"^[ \t]*(?:a\.?n\.?\s+|plt\.?\s+)?(?:bupati|wali\s*kota|walikota|gubernur|kepala|sekretaris|ketua)"
    r"\b[^\n]{0,80},[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_SIGNATORY_WINDOW = 120
# "Singaraja, 15 Desember 2021" on its own line above the signer's office: the signing date.
_CLOSING_DATE = re.compile(
    rf"^[ \t]*[^\W\d_][^\n,]{{1,40}},[ \t]*(?P<date>{DATE_PATTERN})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_OFFICE_LINE = re.compile(
    r"^[ \t]*(?:a\.?n\.?\s+|plt\.?\s+)?(?:bupati|wali\s*kota|walikota|gubernur|kepala|sekretaris|ketua|camat|"
    r"direktur|koordinator|notulis|pimpinan)\b",
    re.IGNORECASE | re.MULTILINE,
)
# Every closing date has a comma followed by a digit (each form of date starts with one):
# a page without one is spared the pattern.
_CLOSING_HINT = re.compile(r",[ \t]*\d")
# "Hari / Tanggal : Selasa, 12 Maret 2024" in minutes: the meeting date.
_MEETING_DATE = re.compile(
    rf"\bhari\s*/\s*tanggal\s*(?::\s*)?(?:[^\W\d_]+,?\s*)?(?P<date>{DATE_PATTERN})", re.IGNORECASE
)
_NIP = re.compile(r"\bNIP\.?\s*(?::\s*)?(?P<nip>\d(?:[ .]?\d){17})(?!\d)", re.IGNORECASE)
# Runs of blanks are collapsed before the patterns run, so no pattern can be made to backtrack
# over thousands of spaces.
_BLANKS = re.compile(r"[ \t\u00a0]{2,}")
_YEAR_RANGE = re.compile(rf"(?<!\d)(?P<first>{_YEAR})\s*[-–—/]\s*(?:{_YEAR})(?!\d)")
_YEAR_ALONE = re.compile(rf"(?<!\d)(?P<year>{_YEAR})(?!\d)")
# How far after "Ditetapkan di ..." the "pada tanggal ..." of the same block may stand.
_BLOCK_WINDOW = 250

_CHAPTER = re.compile(r"^(?:BAB|BAGIAN|LAMPIRAN)\s+(?:[IVXLC]+|\d+|KE[A-Z]+)\b", re.IGNORECASE)
_CHAPTER_ALONE = re.compile(r"^(?:BAB|BAGIAN)\s+(?:[IVXLC]+|\d+)\.?$", re.IGNORECASE)
_NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?P<title>[^\W\d_].*)$")
_LETTERED = re.compile(r"^(?:[A-H]|[IVX]{1,4})\.\s+(?P<title>[^\W\d_].*)$")
_MAX_HEADING_CHARS = 120
_MAX_HEADING_WORDS = 14
# Numbered lines at least this long that continue in lower case are list items, not headings.
_WRAPPED_MIN_WORDS = 6


def _is_upper_line(line: str) -> bool:
    if not line.isupper():  # cheap first test; the rest only runs on candidate lines
        return False
    letters = [ch for ch in line if ch.isalpha()]
    digits = sum(ch.isdigit() for ch in line)
    return len(letters) >= 3 and len(letters) >= digits and all(ch.isupper() for ch in letters)


def heading_level(line: str) -> int | None:
    """Return the level of a heading-like line ("BAB I PENDAHULUAN", "2.1 Strategi"), or None."""
    return _level(collapse_whitespace(line))


def _level(line: str) -> int | None:
    """``heading_level`` of a line whose whitespace is already collapsed."""
    if not line or len(line) > _MAX_HEADING_CHARS or line.count(" ") >= _MAX_HEADING_WORDS:
        return None
    if _CHAPTER.match(line):
        return 1
    if line[-1] in ".,;:":
        return None
    numbered = _NUMBERED.match(line)
    if numbered and numbered.group("title")[0].isupper() and any(ch.isalpha() for ch in line):
        return min(numbered.group("num").rstrip(".").count(".") + 1, 6)
    if _LETTERED.match(line):
        return 2
    if _is_upper_line(line):
        return 1
    return None


def _may_head(line: str) -> bool:
    """Cheaply rule out a stripped, non-empty line that cannot be (part of) a heading.

    Only a chapter line ("BAB", "BAGIAN", "LAMPIRAN", any case) may start in lower case or
    end in punctuation; every other heading starts with a digit, a capital or a symbol.
    """
    first = line[0]
    if first in "bBlL":
        return True
    return not first.islower() and line[-1] not in ".,;:"


def _wrapped_sentence(line: str, following: str) -> bool:
    """Tell a long numbered line that goes on in lower case on the next line (a list item)."""
    return len(line.split()) >= _WRAPPED_MIN_WORDS and following[:1].islower()


def heading_lines(lines: Iterable[str], page: int | None) -> Iterator[Heading]:
    """Yield heading-like lines; a lone "BAB II" is joined with the title line after it.

    A long numbered line followed by a line that starts in lower case is a wrapped list item
    ("3. Masterplan Smart City adalah dokumen ... / untuk jangka waktu"), not a heading.
    """
    pending: str | None = None
    # Stripped lines; whitespace inside is collapsed only for lines that may be headings
    # (most lines of a page are prose, and this runs on every page).
    clean = [line for line in map(str.strip, lines) if line]
    for index, raw in enumerate(clean):
        line = " ".join(raw.split()) if _may_head(raw) else ""
        if pending is not None:
            if line and _is_upper_line(line) and _level(line) is not None:
                yield Heading(f"{pending} {line}", 1, page, "line")
                pending = None
                continue
            yield Heading(pending, 1, page, "line")
            pending = None
        if not line:
            continue
        if _CHAPTER_ALONE.match(line):
            pending = line
            continue
        level = _level(line)
        following = clean[index + 1] if index + 1 < len(clean) else ""
        if level is None or (line[0].isdigit() and _wrapped_sentence(line, following)):
            continue
        yield Heading(line, level, page, "line")
    if pending is not None:
        yield Heading(pending, 1, page, "line")


_DRAFT_PREFIX = r"(?:(?:salinan|rancangan|draft|draf|konsep)\s+)?"
_OFFICE = r"(?:bupati|wali\s*kota|walikota|gubernur|menteri|presiden|kepala|sekretaris|daerah|pemerintah|dewan)"
_KINDS = (
    (DocKind.ANNEX, re.compile(r"^lampiran\b", re.IGNORECASE)),
    (DocKind.REGULATION, re.compile(rf"^{_DRAFT_PREFIX}peraturan\s+{_OFFICE}\b", re.IGNORECASE)),
    (DocKind.DECREE, re.compile(rf"^{_DRAFT_PREFIX}(?:surat\s+)?keputusan\b", re.IGNORECASE)),
    (DocKind.MINUTES, re.compile(r"^(?:notulen|notula|risalah|berita\s+acara)\b", re.IGNORECASE)),
    (
        DocKind.AGREEMENT,
        re.compile(
            r"^(?:nota\s+kesepa(?:katan|haman)|memorandum|perjanjian\s+kerja\s*sama|kesepakatan\s+bersama)\b",
            re.IGNORECASE,
        ),
    ),
)
# An annex says so in its first lines; further down, "Lampiran" is only a heading.
_ANNEX_LINES = 2


def classify(block: str) -> DocKind:
    """Tell the kind of a document from its title block (see ``DocKind``).

    The first line that names a kind decides: "LAMPIRAN II / PERATURAN BUPATI ..." is an annex
    of a regulation, "BUPATI SUKAMAJU / KEPUTUSAN BUPATI ..." a decree.
    """
    for index, line in enumerate(block.splitlines()):
        for kind, pattern in _KINDS:
            if pattern.match(line) and (kind is not DocKind.ANNEX or index < _ANNEX_LINES):
                return kind
    return DocKind.OTHER


_BODY_START = re.compile(
    r"^(?:menimbang|mengingat|memperhatikan|dengan\s+rahmat|kata\s+pengantar|daftar\s+isi|"
    r"abstrak|pendahuluan|latar\s+belakang|(?:bab|bagian)\s+(?:[ivxlc]+|\d+)\b|"
    r"pasal\s+\d|\d+\.\d*\s|hari\s*/?\s*tanggal|no\.?\s+(?:program|kegiatan|uraian|nama|sub))",
    re.IGNORECASE,
)
# Table data (amounts in rupiah, several grouped numbers) is not part of a cover.
_TABLE_DATA = re.compile(r"\brp\.?\s*\d|(?:\d{1,3}(?:\.\d{3})+.*){2}", re.IGNORECASE)
_TITLE_BLOCK_LINES = 14
_TITLE_BLOCK_WORDS = 80
_SENTENCE_WORDS = 16
_LOWER_PROSE_WORDS = 8  # a line this long starting in lower case continues a sentence


def title_block(text: str) -> str:
    """Return the title block at the top of a first page: the cover lines before the body.

    The block ends before the first line that starts the body ("Menimbang", "DENGAN RAHMAT",
    "KATA PENGANTAR", "BAB I", a numbered section, "Hari/Tanggal" of minutes, a table header
    such as "No Program"), holds table data (rupiah amounts, grouped numbers), or reads as
    prose (ends with ".", "," or ";", has more than 16 words, or starts in lower case with 8
    or more), and after 14 lines or 80 words, so phrases that a decree or report only
    mentions in its body do not count as its title. A first page that starts with prose gives
    its first line, shortened.
    """
    lines: list[str] = []
    words = 0
    for raw in text.splitlines():
        line = collapse_whitespace(raw)
        if not line:
            continue
        count = len(line.split())
        prose = (
            count > _SENTENCE_WORDS
            or (line[0].islower() and count >= _LOWER_PROSE_WORDS)
            or (count > 2 and line[-1] in ".,;")
        )
        if lines and (prose or _BODY_START.match(line) or _TABLE_DATA.search(line)):
            break
        if prose:
            lines.append(" ".join(line.split()[:_SENTENCE_WORDS]))
            break
        lines.append(line)
        words += count
        if len(lines) >= _TITLE_BLOCK_LINES or words >= _TITLE_BLOCK_WORDS:
            break
    return "\n".join(lines)


def title_years(
    text: str, page: int | None, source: YearSource = YearSource.TITLE
) -> list[YearMention]:
    """Return the years written in a title or first page; a range such as 2022-2031 counts as 2022."""
    mentions: list[YearMention] = []
    for m in _YEAR_RANGE.finditer(text):
        start = max(0, m.start() - 30)
        mentions.append(
            YearMention(int(m.group("first")), source, page, clip(text[start : m.end() + 10], 60))
        )
    remainder = _YEAR_RANGE.sub(" ", text)
    for m in _YEAR_ALONE.finditer(remainder):
        start = max(0, m.start() - 30)
        excerpt = clip(remainder[start : m.end() + 10], 60)
        mentions.append(YearMention(int(m.group("year")), source, page, excerpt))
    return mentions


def _date_year(match: re.Match[str]) -> int:
    year = match.group("y1") or match.group("y2") or match.group("y3")
    return int(year)


# What ``re.IGNORECASE`` matches to ASCII letters beyond their own capitals: "İ", "ı", "ſ"
# and the Kelvin sign; ``str.lower`` alone would miss them.
_IGNORECASE_EXTRAS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_PLACE_WORDS = ("ditetapkan", "disahkan", "diundangkan", "dikeluarkan", "ditandatangani")
_SIGNATURE_WORDS = ("ttd", "t.t.d", "tertanda", "ditandatangani")
_OFFICE_WORDS = (
    "bupati", "wali", "gubernur", "kepala", "sekretaris", "ketua", "camat", "direktur",
    "koordinator", "notulis", "pimpinan",
)  # fmt: skip


def ratification(text: str, page: int | None) -> tuple[list[Marker], list[YearMention]]:
    """Find ratification markers and the years of ratification dates in one page of text.

    Each pattern runs only when the words it needs occur on the page: most pages of a report
    name no office, place of enactment, signature or NIP, and the patterns are the costly part.
    """
    folded = (text if text.isascii() else text.translate(_IGNORECASE_EXTRAS)).lower()
    place = any(word in folded for word in _PLACE_WORDS)
    signature = any(word in folded for word in _SIGNATURE_WORDS)
    office = any(word in folded for word in _OFFICE_WORDS)
    meeting = "hari" in folded and "tanggal" in folded
    nip = "nip" in folded
    markers: list[Marker] = []
    years: list[YearMention] = []
    if not (place or signature or office or meeting or nip):
        return markers, years
    if "  " in text or "\t" in text or "\u00a0" in text:  # else no run of two blanks
        text = _BLANKS.sub(" ", text)
    for found in _PLACE.finditer(text) if place else ():
        markers.append(Marker(MarkerKind.PLACE, page, clip(found[0], 80)))
        window = text[found.end() : found.end() + _BLOCK_WINDOW]
        dated = _RATIFICATION_DATE.search(window)
        if dated:
            date = _DATE.search(dated.group("date"))
            if date:
                excerpt = clip(dated[0], 80)
                markers.append(Marker(MarkerKind.DATE, page, excerpt))
                years.append(YearMention(_date_year(date), YearSource.RATIFICATION, page, excerpt))
    # A closing date counts only above an office line or a signature mark.
    closing_dates = (office or signature) and _CLOSING_HINT.search(text) is not None
    for closing in _CLOSING_DATE.finditer(text) if closing_dates else ():
        below = text[closing.end() : closing.end() + _SIGNATORY_WINDOW]
        date = _DATE.search(closing.group("date"))
        if date and (_OFFICE_LINE.search(below) or _SIGNATURE.search(below)):
            years.append(
                YearMention(_date_year(date), YearSource.DATED, page, clip(closing[0], 80))
            )
    for meeting_date in _MEETING_DATE.finditer(text) if meeting else ():
        date = _DATE.search(meeting_date.group("date"))
        if date:
            years.append(
                YearMention(_date_year(date), YearSource.DATED, page, clip(meeting_date[0], 80))
            )
    first_signature = _SIGNATURE.search(text) if signature else None
    if first_signature:
        markers.append(Marker(MarkerKind.SIGNATURE, page, clip(first_signature[0], 80)))
    for office_line in _SIGNATORY.finditer(text) if office and signature else ():
        below = text[office_line.end() : office_line.end() + _SIGNATORY_WINDOW]
        if _SIGNATURE.search(below):
            markers.append(Marker(MarkerKind.SIGNATORY, page, clip(office_line[0], 80)))
            break
    first_nip = _NIP.search(text) if nip else None
    if first_nip:
        markers.append(Marker(MarkerKind.NIP, page, clip(first_nip[0], 80)))
    return markers, years


def is_signed(markers: Iterable[Marker]) -> bool:
    """Apply the documented rule: a filled ratification date plus a place, signature or NIP.

    Also signed: a signatory's office followed by a signature mark ("BUPATI SUKAMAJU," then
    "ttd"), as on the annexes (lampiran) of a regulation; and a signature mark together with
    a NIP, for decrees whose date stands in a table the text layer scrambles.
    """
    kinds = {m.kind for m in markers}
    if MarkerKind.SIGNATORY in kinds:
        return True
    if MarkerKind.DATE in kinds:
        return bool(kinds & {MarkerKind.PLACE, MarkerKind.SIGNATURE, MarkerKind.NIP})
    return {MarkerKind.SIGNATURE, MarkerKind.NIP} <= kinds
