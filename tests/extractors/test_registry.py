"""Test the extractor registry: which formats are read, and that ``extract`` never raises."""

from __future__ import annotations

import shutil
from pathlib import Path

import docgen
import pytest

from smartcity_audit.discovery import discover_file
from smartcity_audit.extractors import EXTRACTORS, ExtractOptions, extract
from smartcity_audit.model import (
    AnyDocument,
    DocFormat,
    Document,
    DocumentRef,
    Problem,
    ProblemKind,
    UnreadableDocument,
)


@pytest.mark.parametrize("fmt", list(DocFormat))
def test_every_readable_format_has_an_extractor(fmt: DocFormat) -> None:
    assert fmt.readable == (fmt in EXTRACTORS)


def test_registry_holds_only_pdf_and_docx() -> None:
    assert set(EXTRACTORS) == {DocFormat.PDF, DocFormat.DOCX}


@pytest.mark.parametrize("name", ["lo_masterplan.pdf", "lo_masterplan.docx"])
def test_extractor_that_raises_becomes_corrupt(
    monkeypatch: pytest.MonkeyPatch, office: Path, name: str
) -> None:
    def explode(ref: DocumentRef, options: ExtractOptions) -> AnyDocument:
        raise RuntimeError("pustaka gagal")

    ref = discover_file(office / name)
    monkeypatch.setitem(EXTRACTORS, ref.format, explode)
    document = extract(ref)
    assert isinstance(document, UnreadableDocument)
    assert document.problem.kind is ProblemKind.CORRUPT
    assert "RuntimeError" in document.problem.detail
    assert "pustaka gagal" in document.problem.detail
    assert document.path == name
    assert document.size == ref.size


def test_extractor_recursion_error_becomes_corrupt(
    monkeypatch: pytest.MonkeyPatch, office: Path
) -> None:
    def recurse(ref: DocumentRef, options: ExtractOptions) -> AnyDocument:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setitem(EXTRACTORS, DocFormat.PDF, recurse)
    document = extract(discover_file(office / "lo_masterplan.pdf"))
    assert isinstance(document, UnreadableDocument)
    assert document.problem.kind is ProblemKind.CORRUPT


def test_options_reach_the_extractor(monkeypatch: pytest.MonkeyPatch, office: Path) -> None:
    seen: list[ExtractOptions] = []
    original = EXTRACTORS[DocFormat.PDF]

    def spy(ref: DocumentRef, options: ExtractOptions) -> AnyDocument:
        seen.append(options)
        return original(ref, options)

    monkeypatch.setitem(EXTRACTORS, DocFormat.PDF, spy)
    extract(discover_file(office / "lo_masterplan.pdf"))
    extract(discover_file(office / "lo_masterplan.pdf"), ExtractOptions(max_pages=1))
    assert seen == [ExtractOptions(), ExtractOptions(max_pages=1)]


def test_pdf_name_with_docx_content_is_read_as_docx(tmp_path: Path, office: Path) -> None:
    path = tmp_path / "Masterplan.pdf"
    shutil.copyfile(office / "lo_masterplan.docx", path)
    ref = discover_file(path)
    assert ref.format is DocFormat.DOCX
    assert ref.extension_format is DocFormat.PDF
    document = extract(ref)
    assert isinstance(document, Document)
    assert document.format is DocFormat.DOCX
    assert document.title == "Masterplan Smart City Kabupaten Contoh 2022-2031"
    assert document.problems[0] == Problem(ProblemKind.EXTENSION_MISMATCH, "docx")


def test_docx_name_with_pdf_content_is_read_as_pdf(tmp_path: Path) -> None:
    source = docgen.write_pdf(tmp_path / "src.pdf", docgen.Doc(["# BAB I UMUM", docgen.words(40)]))
    path = tmp_path / "laporan.docx"
    shutil.copyfile(source, path)
    document = extract(discover_file(path))
    assert isinstance(document, Document)
    assert document.format is DocFormat.PDF
    assert [p.kind for p in document.problems] == [ProblemKind.EXTENSION_MISMATCH]


def test_legacy_doc_named_docx_is_unsupported(office: Path) -> None:
    ref = discover_file(office / "legacy_as_docx.docx")
    assert ref.format is DocFormat.DOC
    assert ref.extension_format is DocFormat.DOCX
    document = extract(ref)
    assert isinstance(document, UnreadableDocument)
    assert document.format is DocFormat.DOC
    assert document.problem.kind is ProblemKind.UNSUPPORTED_FORMAT
    assert document.problem.detail == "doc"


def test_odt_is_unsupported(office: Path) -> None:
    document = extract(discover_file(office / "lo_report.odt"))
    assert isinstance(document, UnreadableDocument)
    assert document.format is DocFormat.ODT
    assert document.problem.kind is ProblemKind.UNSUPPORTED_FORMAT


def test_problem_found_by_discovery_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "kosong.pdf"
    path.write_bytes(b"")
    document = extract(discover_file(path))
    assert isinstance(document, UnreadableDocument)
    assert document.problem == Problem(ProblemKind.EMPTY_FILE)
    assert document.problems == (document.problem,)


def test_readable_flags(office: Path) -> None:
    assert extract(discover_file(office / "lo_masterplan.pdf")).readable is True
    assert extract(discover_file(office / "scanned_sk.pdf")).readable is False
