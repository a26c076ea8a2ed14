"""Extract the full text of DOCX files: body, tables, text boxes, headers, footers and notes.

Text comes from walking the WordprocessingML itself rather than a paragraph list, which would
miss nested tables, text boxes and tracked insertions. Tracked deletions (``w:del``,
``w:moveFrom``) and the fallback copies of text boxes (``mc:Fallback``) are skipped.

Parts are found as OPC finds them: the main part is the target of the package's
``officeDocument`` relationship and must be a WordprocessingML document, styles come through
its relationships, and headers, footers and notes are the parts reachable through
relationships under their usual names. Only what is used is inflated and parsed (those parts,
the core and app properties, the relationships leading to them): one of them missing or broken
makes the file unreadable, any other part (an image, a theme) does no harm.

Archives are checked for decompression bombs before anything is inflated, every member is
inflated with a limit (one that inflates beyond its declared size is a bomb; only stored and
deflated members are read), and XML is parsed without loading DTDs or external entities,
expanding entities in text, or network access.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

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
_NOTE_PARTS = ("/word/footnotes.xml", "/word/endnotes.xml")
_MARGIN_PART = re.compile(r"/word/(?:header|footer)\d*\.xml")
_APP_PART = "/docProps/app.xml"
_HEADING_STYLE = re.compile(r"^(?:heading|judul)\s*(\d)$", re.IGNORECASE)
# Members smaller than this may have any compression ratio (tiny XML compresses very well).
_RATIO_FLOOR_BYTES = 1024 * 1024
# Body words that stand in for the first page when the document has no page break early on.
_FIRST_PAGE_WORDS = 400
# A basedOn chain longer than this is a loop or an attack; it gives no heading level.
_MAX_STYLE_DEPTH = 10
# Every XML parse uses these: no DTD loaded, no entities expanded in text or fetched, no
# network, libxml2's limits on sizes, depth and entity amplification.
_SAFE = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}
_SAFE_PARSER = etree.XMLParser(**_SAFE)
# Compression methods an OPC package may use; zipfile inflates the others (bzip2, LZMA)
# without an output limit, so they cannot be read safely.
_OPC_COMPRESSION = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})

# --- Open Packaging Conventions names -------------------------------------------------------

_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REL_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_REL_OFFICE_DOCUMENT = _REL_OFFICE + "officeDocument"
_REL_STYLES = _REL_OFFICE + "styles"
_REL_CORE_PROPERTIES = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# Only a document: python-docx refused a template (``...template.main+xml``) and a
# macro-enabled document (``application/vnd.ms-word.document.macroEnabled.main+xml``) too.
_TYPE_DOCUMENT = _WML + "document.main+xml"
_TYPE_STYLES = _WML + "styles+xml"
_TYPE_CORE_PROPERTIES = "application/vnd.openxmlformats-package.core-properties+xml"
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_W3CDTF_FORMATS = ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d", "%Y-%m", "%Y")
_W3CDTF_OFFSET = re.compile(r"([+-])(\d\d):(\d\d)")


def _unreadable(ref: DocumentRef, problem: Problem) -> UnreadableDocument:
    return UnreadableDocument(path=ref.path, format=ref.format, size=ref.size, problem=problem)


def _archive_problem(infos: Sequence[zipfile.ZipInfo], options: ExtractOptions) -> Problem | None:
    """Check the members' declared sizes, ratios and count, and that a document part is there."""
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


def check_archive(path: str, options: ExtractOptions) -> Problem | None:
    """Refuse archives whose declared sizes or compression ratios betray a decompression bomb."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        return Problem(ProblemKind.CORRUPT, f"not a valid DOCX (zip) file: {exc}")
    return _archive_problem(infos, options)


# --- the package ------------------------------------------------------------------------------


class _Refused(Exception):
    """A member that cannot be read safely: a bomb, or compressed with an unbounded method."""

    def __init__(self, kind: ProblemKind, detail: str) -> None:
        super().__init__(detail)
        self.problem = Problem(kind, detail)


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    """Return a member's bytes (KeyError if none), inflating at most a byte beyond its size.

    zipfile would inflate the whole stream and cut it at the declared size; here an overrun is
    a bomb. Otherwise this reads like zipfile: the local header is checked, a stream that ends
    early is kept if its CRC matches, bytes after the end of the stream are ignored.
    """
    info = archive.getinfo(name)
    if info.compress_type not in _OPC_COMPRESSION:
        detail = f"{name}: compression method {info.compress_type} is not allowed"
        raise _Refused(ProblemKind.CORRUPT, detail)
    # Opened through a copy of its header that says "stored", so that zipfile checks the local
    # header (name, flags, encryption) and hands over exactly the compressed bytes.
    probe = copy.copy(info)
    probe.compress_type = zipfile.ZIP_STORED
    probe.file_size = info.compress_size
    del probe.CRC  # zipfile checks a CRC only when the header has one; it is checked below
    with archive.open(probe) as member:
        data = member.read()
    limit = info.file_size
    if info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        data = inflater.decompress(data, limit + 1)
        if len(data) <= limit:  # all input used: finish as zipfile does
            data += inflater.flush()
    if len(data) > limit:
        raise _Refused(ProblemKind.ZIP_BOMB, f"{name}: inflates beyond its declared {limit} bytes")
    if zlib.crc32(data) != info.CRC:
        raise zipfile.BadZipFile(f"Bad CRC-32 for file {name!r}")
    return data


# A part's relationships, id -> (type, target partname or None when external), as python-docx
# kept them: a repeated id keeps its first place and its last target.
_Relationships = dict[str | None, tuple[str | None, str | None]]


class _Package:
    """The parts of a DOCX and the relationships between them, each read when asked for.

    Relationship targets are resolved against the source part's folder (``posixpath.join``
    then ``normpath``, so "/word/document.xml" is absolute and ".." works) and looked up as ZIP
    member names as they are written, without percent-decoding: OPC keeps a part name's
    percent-encoding in its ZIP item name, and python-docx did not decode either.
    """

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self._archive = archive
        types = etree.fromstring(_read_member(archive, "[Content_Types].xml"), _SAFE_PARSER)
        if types.tag != _TYPES + "Types":
            raise ValueError(f"[Content_Types].xml: root element is {types.tag!r}, not Types")
        # Overrides by partname, then defaults by extension, both in any case.
        self._overrides = _content_types(types, "Override", "PartName")
        self._defaults = _content_types(types, "Default", "Extension")
        self.relationships = self.relationships_of("/")

    def content_type(self, partname: str) -> str | None:
        """Return the content type ``[Content_Types].xml`` gives a part, None if none."""
        key = partname.lower()
        if key in self._overrides:
            return self._overrides[key]
        return self._defaults.get(posixpath.splitext(key)[1][1:])

    def read(self, partname: str) -> bytes:
        """Return the bytes of a part; KeyError if it is not in the archive."""
        return _read_member(self._archive, partname[1:])

    def xml(self, partname: str) -> Any:
        """Return the root element of a part; KeyError if it is not in the archive."""
        return etree.fromstring(self.read(partname), _SAFE_PARSER)

    def relationships_of(self, partname: str) -> _Relationships:
        """Read the relationships of a part ("/" for the package's own), if it has any."""
        folder, filename = posixpath.split(partname)
        member = posixpath.join(folder, "_rels", filename + ".rels")[1:]
        try:
            root = etree.fromstring(_read_member(self._archive, member), _SAFE_PARSER)
        except KeyError:
            return {}
        if root.tag != _RELS + "Relationships":
            raise ValueError(f"{member}: root element is {root.tag!r}, not Relationships")
        relationships: _Relationships = {}
        for node in root.iterchildren(_RELS + "Relationship"):
            target = node.get("Target")
            if node.get("TargetMode") == "External":
                target = None  # never followed
            elif target is None:
                raise ValueError(f"{member}: relationship {node.get('Id')!r} has no Target")
            else:
                target = posixpath.normpath(posixpath.join(folder, target))
            relationships[node.get("Id")] = (node.get("Type"), target)
        return relationships

    @staticmethod
    def related(relationships: _Relationships, reltype: str) -> str:
        """Return the one part related by ``reltype``: KeyError if none, ValueError if several."""
        matching = [target for kind, target in relationships.values() if kind == reltype]
        if not matching:
            raise KeyError(f"no relationship of type '{reltype}' in collection")
        if len(matching) > 1:
            raise ValueError(f"multiple relationships of type '{reltype}' in collection")
        if matching[0] is None:
            raise ValueError(f"the relationship of type '{reltype}' is external")
        return matching[0]

    def reachable(self) -> Iterator[str]:
        """Yield every part reachable through relationships once, depth first, in their order.

        Only relationships are read: a part that is missing or broken is named all the same.
        """
        seen: set[str] = set()
        pending = [iter(self.relationships.values())]  # no recursion: chains may be long
        while pending:
            for _, target in pending[-1]:
                if target is not None and target not in seen:
                    seen.add(target)
                    yield target
                    pending.append(iter(self.relationships_of(target).values()))
                    break
            else:
                pending.pop()


def _content_types(root: Any, element: str, attribute: str) -> dict[str, str | None]:
    types: dict[str, str | None] = {}
    for node in root.iterchildren(_TYPES + element):
        key = node.get(attribute)
        if key is None:
            raise ValueError(f"[Content_Types].xml: {element} without {attribute}")
        types[key.lower()] = node.get("ContentType")
    return types


# --- text -------------------------------------------------------------------------------------


_P = W + "p"
_T = W + "t"
_PPR = W + "pPr"
_OUTLINE_LEVEL = W + "outlineLvl"
_PARAGRAPH_STYLE = W + "pStyle"
_PAGE_BREAK_BEFORE = W + "pageBreakBefore"
_RENDERED_BREAK = W + "lastRenderedPageBreak"

# What a text element stands for inside a paragraph (w:t stands for its text).
_TEXT_MARKS = {_T: "", W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
# How _collect_paragraphs treats the elements it is shown (every other element is transparent).
_PARAGRAPH, _BOX, _SKIPPED, _TEXT, _MARK = range(5)
_WALK_KINDS = {
    _P: _PARAGRAPH,
    W + "txbxContent": _BOX,
    W + "tbl": _BOX,
    **dict.fromkeys(_SKIP, _SKIPPED),
    **dict.fromkeys(_TEXT_MARKS, _MARK),
    _T: _TEXT,
}
_WALKED_TAGS = tuple(_WALK_KINDS)

# A paragraph and the pieces of its own text (nested paragraphs have their own).
_Paragraphs = list[tuple[Any, list[str]]]


def _collect_paragraphs(container: Any) -> _Paragraphs:
    """Return the paragraphs under ``container`` in reading order, each with its text pieces.

    Inside a paragraph, text, tabs, breaks and no-break hyphens count (their own children do
    not); a paragraph, table or text box inside it starts its own paragraphs, which follow it.
    Elsewhere every element is a container, searched for paragraphs. Tracked deletions, moved
    text and fallback copies are skipped with everything in them, at any depth. lxml walks the
    tree and reports only these elements, which makes this several times faster than visiting
    every run and property element from Python.
    """
    out: _Paragraphs = []
    # The text pieces of the paragraph being read, or None outside paragraphs (in the body, a
    # table or a text box); one entry per open paragraph, table or text box.
    stack: list[list[str] | None] = [None]
    current: list[str] | None = None
    walk = etree.iterwalk(container, events=("start", "end"), tag=_WALKED_TAGS)
    for event, element in walk:
        if element is container:  # its own tag does not count, only what is in it
            continue
        kind = _WALK_KINDS[element.tag]
        if event == "end":
            if kind <= _BOX:
                stack.pop()
                current = stack[-1]
        elif kind == _PARAGRAPH:
            current = []
            out.append((element, current))
            stack.append(current)
        elif kind == _BOX:
            current = None
            stack.append(current)
        elif kind == _SKIPPED:
            walk.skip_subtree()
        elif current is not None:
            current.append((element.text or "") if kind == _TEXT else _TEXT_MARKS[element.tag])
            walk.skip_subtree()
    return out


def iter_paragraphs(container: Any) -> Iterator[tuple[Any, str]]:
    """Yield ``(w:p element, text)`` in reading order, tables and text boxes included.

    ``container`` is an element (a body, header, footer or notes part); a paragraph comes
    before the paragraphs of the text boxes and tables inside it, and its text leaves theirs out.
    """
    for paragraph, pieces in _collect_paragraphs(container):
        yield paragraph, "".join(pieces)


def _outline_level(node: Any) -> int | None:
    """Return the heading level a ``w:outlineLvl`` gives (its value 0-8 is level 1-9)."""
    value = node.get(_W_VAL, "9")
    return int(value) + 1 if value.isascii() and value.isdigit() and int(value) < 9 else None


@dataclass(slots=True)
class _ParagraphMarks:
    """What a body's paragraphs say about headings and pages, found in one sweep of the body.

    Looking each paragraph up with ``find`` costs more than the rest of the extraction; the
    marks are few, so they are gathered from the body once and keyed by paragraph.
    """

    outline: dict[Any, Any] = field(default_factory=dict)  # first pPr/outlineLvl
    style: dict[Any, Any] = field(default_factory=dict)  # first pPr/pStyle
    break_before: set[Any] = field(default_factory=set)  # pPr/pageBreakBefore
    breaks_inside: dict[Any, int] = field(default_factory=dict)  # page breaks at any depth

    @classmethod
    def of(cls, body: Any) -> _ParagraphMarks:
        """Gather the marks of every paragraph in ``body``."""
        marks = cls()
        for node in body.iter(_OUTLINE_LEVEL, _PARAGRAPH_STYLE, _PAGE_BREAK_BEFORE):
            properties = node.getparent()
            paragraph = properties.getparent() if properties.tag == _PPR else None
            if paragraph is None or paragraph.tag != _P:
                continue
            if node.tag == _OUTLINE_LEVEL:
                marks.outline.setdefault(paragraph, node)
            elif node.tag == _PARAGRAPH_STYLE:
                marks.style.setdefault(paragraph, node)
            else:
                marks.break_before.add(paragraph)
        # Explicit page breaks and those Word last rendered, counted for every paragraph they
        # are in (a break in a text box counts for the box's paragraph and the one around it).
        for node in body.iter(W + "br", _RENDERED_BREAK):
            if node.tag == _RENDERED_BREAK or node.get(W + "type") == "page":
                for paragraph in node.iterancestors(_P):
                    marks.breaks_inside[paragraph] = marks.breaks_inside.get(paragraph, 0) + 1
        return marks


# --- styles -----------------------------------------------------------------------------------


def _style_says(style: Any) -> tuple[bool, int | str | None]:
    """Return what a ``w:style`` says on its own: (True, its level) or (False, its base's id).

    Its first ``w:name`` decides ("Heading 2", "Judul 2", "Title"; Word stores built-in names
    in lower case, and they are matched in any case), else its first ``w:pPr/w:outlineLvl``,
    else the style named by its first ``w:basedOn``.
    """
    name = based_on = outline = None
    for child in style.iterchildren(W + "name", W + "basedOn", _PPR):
        if child.tag == _PPR:
            outline = outline if outline is not None else child.find(_OUTLINE_LEVEL)
        elif child.tag == W + "name":
            name = child if name is None else name
        elif based_on is None:
            based_on = child
    text = "" if name is None else name.get(_W_VAL)
    if text is None:  # python-docx raised here, and so the document was unreadable
        raise ValueError(f"style {style.get(W + 'styleId')!r}: w:name has no w:val")
    named = _HEADING_STYLE.match(text)
    if named:
        return True, int(named.group(1))
    if text.casefold() == "title":
        return True, 1
    if outline is not None:
        return True, _outline_level(outline)
    return False, None if based_on is None else based_on.get(_W_VAL)


def _style_levels(package: _Package, main: str, wanted: Iterable[str]) -> dict[str, int]:
    """Map the ``wanted`` style ids to heading levels, from the main part's styles part.

    A style without a level of its own takes that of the style it is based on, at most
    ``_MAX_STYLE_DEPTH`` steps away. A style name without a value makes the document
    unreadable if a wanted style's chain reaches it (python-docx failed on it). Styles parts
    are large (hundreds of kilobytes of table styles, costing more to parse than the rest of
    the file) and Word writes the heading styles near the start, so the part is parsed only
    until every wanted style is decided; of styles sharing an id, the first counts.
    """
    # Each wanted style id under the id of the style its level waits for (at first, its own).
    waiting = {style_id: [style_id] for style_id in wanted if style_id}
    if not waiting:  # paragraphs name no style: the styles part is not used
        return {}
    # A missing or ambiguous styles relationship, or a target that is not a styles part, only
    # costs us style-based headings (python-docx's stand-in for a missing styles part had none).
    try:
        name = package.related(package.relationships_of(main), _REL_STYLES)
    except (KeyError, ValueError):
        return {}
    if package.content_type(name) != _TYPE_STYLES:
        return {}
    by_id: dict[str, Any] = {}
    said: dict[str, tuple[bool, int | str | None]] = {}
    levels: dict[str, int] = {}

    def waits_for(style_id: str) -> str | None:
        """Return the style a wanted style's level waits for, None once decided (in ``levels``)."""
        current: int | str | None = style_id
        for _ in range(_MAX_STYLE_DEPTH + 1):
            if not isinstance(current, str):  # no base: no level
                return None
            if current not in by_id:  # not read yet, if there is one
                return current
            if current not in said:
                said[current] = _style_says(by_id[current])
            final, current = said[current]
            if final:
                if current is not None:
                    levels[style_id] = int(current)
                return None
        return None

    for _, style in etree.iterparse(io.BytesIO(package.read(name)), tag=W + "style", **_SAFE):
        parent = style.getparent()  # only the styles of a w:styles part count
        if parent is None or parent.tag != W + "styles" or parent.getparent() is not None:
            continue
        style_id = style.get(W + "styleId")
        if style_id is None or style_id in by_id:
            continue
        by_id[style_id] = style
        for wanted_id in waiting.pop(style_id, ()):
            missing = waits_for(wanted_id)
            if missing is not None:
                waiting.setdefault(missing, []).append(wanted_id)
        if not waiting:
            break
    return levels


# --- properties -------------------------------------------------------------------------------


def _core_properties(package: _Package) -> Any:
    """Return the root of the core properties part, None if the package has none."""
    try:
        name = package.related(package.relationships, _REL_CORE_PROPERTIES)
    except KeyError:
        return None
    content_type = package.content_type(name)
    if content_type != _TYPE_CORE_PROPERTIES:
        raise ValueError(f"{name}: not a core properties part ({content_type})")
    root = package.xml(name)
    if root.tag != _CP + "coreProperties":
        raise ValueError(f"{name}: root element is {root.tag!r}, not cp:coreProperties")
    return root


def _text_of(root: Any, tag: str) -> str:
    node = None if root is None else root.find(tag)
    return "" if node is None else node.text or ""


def _parse_w3cdtf(text: str) -> dt.datetime:
    """Parse a core properties date ("2024", "2024-03", "2024-03-12T10:14:55+07:00") to UTC.

    This is python-docx's reading, kept so that documents date as before: the first 19
    characters must fit one of the formats, a 6-character rest such as "+07:00" is applied as
    an offset and any other rest ("Z", fractions of a second) is ignored. ValueError when
    nothing fits.
    """
    head, offset = text[:19], text[19:]
    for template in _W3CDTF_FORMATS:
        try:
            parsed = dt.datetime.strptime(head, template)
            break
        except ValueError:
            continue
    else:
        raise ValueError(f"could not parse W3CDTF datetime string '{text}'")
    if len(offset) == 6:
        match = _W3CDTF_OFFSET.match(offset)
        if match is None:
            raise ValueError(f"'{offset}' is not a valid offset string")
        sign, hours, minutes = match.groups()
        factor = -1 if sign == "+" else 1
        parsed += dt.timedelta(hours=int(hours) * factor, minutes=int(minutes) * factor)
    return parsed.replace(tzinfo=dt.timezone.utc)


def _metadata_years(core: Any) -> list[YearMention]:
    """Return the years of the created and modified dates; none without core properties."""
    years: list[YearMention] = []
    for label in ("created", "modified") if core is not None else ():
        node = core.find(_DCTERMS + label)
        if node is None:
            continue
        if node.text is None:  # an empty date lost the other one too, as with python-docx
            return []
        try:
            value = _parse_w3cdtf(node.text)
        except ValueError:  # an invalid date is ignored
            continue
        except OverflowError:  # moved to UTC before year 1: both are lost, as before
            return []
        years.append(YearMention(value.year, YearSource.METADATA, None, f"{label} {value.date()}"))
    return years


# --- extraction -------------------------------------------------------------------------------


def _main_part(package: _Package, path: str) -> tuple[str, Any]:
    """Return the main part's name and its ``w:body``."""
    main = package.related(package.relationships, _REL_OFFICE_DOCUMENT)
    content_type = package.content_type(main)
    if content_type != _TYPE_DOCUMENT:
        raise ValueError(f"file '{path}' is not a Word file, content type is '{content_type}'")
    root = package.xml(main)
    if root.tag != W + "document":
        raise ValueError(f"{main}: root element is {root.tag!r}, not w:document")
    body = root.find(W + "body")
    if body is None:
        raise ValueError(f"{main}: no w:body")
    return main, body


def _margins_and_page_count(package: _Package) -> tuple[list[Any], int | None]:
    """Return the roots of the headers, footers and notes, and the page count Word recorded."""
    margins = []
    page_count = None
    for name in package.reachable():
        if _MARGIN_PART.fullmatch(name) is not None or name in _NOTE_PARTS:
            margins.append(package.xml(name))
        elif name == _APP_PART:
            node = next(package.xml(name).iter("{*}Pages"), None)
            text = "" if node is None else (node.text or "").strip()
            if text.isascii() and text.isdigit() and 0 < int(text) < 1_000_000:
                page_count = int(text)
    return margins, page_count


def extract(ref: DocumentRef, options: ExtractOptions) -> AnyDocument:
    """Read a DOCX file; a broken or hostile one becomes an ``UnreadableDocument``."""
    try:
        archive = zipfile.ZipFile(ref.abs_path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        return _unreadable(ref, Problem(ProblemKind.CORRUPT, f"not a valid DOCX (zip) file: {exc}"))
    with archive:
        problem = _archive_problem(archive.infolist(), options)
        if problem is not None:
            return _unreadable(ref, problem)
        # Everything used is read while the archive is open; one part missing or broken fails.
        try:
            package = _Package(archive)
            main, body = _main_part(package, ref.abs_path)
            marks = _ParagraphMarks.of(body)
            styles = _style_levels(package, main, {n.get(_W_VAL, "") for n in marks.style.values()})
            margins, page_count = _margins_and_page_count(package)
            core = _core_properties(package)
        except _Refused as exc:
            return _unreadable(ref, exc.problem)
        except Exception as exc:  # a broken package fails in many ways
            return _unreadable(ref, Problem(ProblemKind.CORRUPT, f"{type(exc).__name__}: {exc}"))

    body_lines: list[str] = []
    first_page: list[str] = []
    first_page_words = 0
    first_page_done = False
    breaks = 0
    headings: list[Heading] = []
    for paragraph, pieces in _collect_paragraphs(body):
        text = "".join(pieces)
        before = paragraph in marks.break_before
        inside = marks.breaks_inside.get(paragraph, 0)
        breaks += before + inside
        first_page_done = first_page_done or (before and bool(body_lines))
        body_lines.append(text)
        blank = text.isspace() or not text
        if not blank and not first_page_done:
            clean = collapse_whitespace(text)
            first_page.append(clean)
            first_page_words += len(clean.split())
        # A break inside a paragraph ends the page after the paragraph's text.
        first_page_done = first_page_done or inside > 0 or first_page_words >= _FIRST_PAGE_WORDS
        if blank:
            continue
        outline, style = marks.outline.get(paragraph), marks.style.get(paragraph)
        level, source = (None if outline is None else _outline_level(outline)), "outline"
        if level is None and style is not None:
            level, source = styles.get(style.get(_W_VAL, "")), "style"
        if level is not None:
            headings.append(Heading(collapse_whitespace(text), level, None, source))
        else:  # heading_lines strips and collapses the whitespace of the lines it keeps
            headings.extend(analysis.heading_lines([text], None))

    pages = [Page(None, "\n".join(body_lines))]
    for root in margins:
        text = "\n".join(t for _, t in iter_paragraphs(root))
        if text.strip():
            pages.append(Page(None, text))

    # Word records the page count when it saves; python-docx and LibreOffice may not, so the
    # page breaks seen in the text are a lower bound. Checks may still estimate from words.
    return make_document(
        ref,
        properties=(_text_of(core, _DC + "title"), _text_of(core, _DC + "subject")),
        first_page="\n".join(first_page),
        pages=pages,
        page_count=max(page_count or 0, breaks + 1),
        headings=headings,
        metadata_years=_metadata_years(core),
    )
