"""Test discovery: walk order, skip rules, unsupported files, symlinks, odd names and sniffing."""

from __future__ import annotations

import builtins
import errno
import os
import shutil
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from smartcity_audit import discovery
from smartcity_audit.discovery import (
    discover,
    discover_file,
    display_path,
    format_by_extension,
    sniff_format,
)
from smartcity_audit.extractors import extract
from smartcity_audit.model import DocFormat, DocumentRef, Problem, ProblemKind

_PDF = b"%PDF-1.4\n% minimal header for sniffing\n"


def _write(path: Path, data: bytes = _PDF) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def _by_path(refs: tuple[DocumentRef, ...]) -> dict[str, DocumentRef]:
    return {ref.path: ref for ref in refs}


def _symlink(target: str | Path, link: Path, *, directory: bool = False) -> None:
    try:
        os.symlink(target, link, target_is_directory=directory)
    except (OSError, NotImplementedError, AttributeError) as exc:
        pytest.skip(f"os.symlink is unavailable here ({exc}); symlink handling cannot be tested")


# --- walking and skipping ---------------------------------------------------------------------


def test_paths_are_sorted_posix_and_relative(tmp_path: Path) -> None:
    for name in ("b.pdf", "A.pdf", "01-tata-kelola/z.pdf", "01-tata-kelola/sub/a.docx", "c.pdf"):
        _write(tmp_path / name)
    refs = discover(tmp_path)
    paths = [ref.path for ref in refs]
    assert paths == sorted(paths)
    assert set(paths) == {
        "A.pdf",
        "b.pdf",
        "c.pdf",
        "01-tata-kelola/z.pdf",
        "01-tata-kelola/sub/a.docx",
    }
    assert all("\\" not in p and not p.startswith("/") for p in paths)
    ref = _by_path(refs)["01-tata-kelola/z.pdf"]
    assert Path(ref.abs_path) == tmp_path / "01-tata-kelola" / "z.pdf"
    assert ref.size == len(_PDF)
    assert ref.mtime_ns > 0
    assert ref.format is DocFormat.PDF
    assert ref.problem is None


def test_hidden_lock_and_system_files_are_skipped(tmp_path: Path) -> None:
    _write(tmp_path / "laporan.pdf")
    _write(tmp_path / ".tersembunyi.pdf")
    _write(tmp_path / ".git" / "dokumen.pdf")
    _write(tmp_path / "sub" / ".cache" / "x.pdf")
    _write(tmp_path / "~$lock.docx", b"lock")
    _write(tmp_path / "sub" / "~$Masterplan.docx", b"lock")
    _write(tmp_path / "Thumbs.db", b"thumbs")
    _write(tmp_path / "sub" / "THUMBS.DB", b"thumbs")
    _write(tmp_path / "desktop.ini", b"[.ShellClassInfo]")
    _write(tmp_path / ".DS_Store", b"ds")
    assert [ref.path for ref in discover(tmp_path)] == ["laporan.pdf"]


def test_unsupported_files_are_listed_with_a_problem(tmp_path: Path, office: Path) -> None:
    shutil.copyfile(office / "lo_report.odt", tmp_path / "laporan.odt")
    _write(tmp_path / "anggaran.xlsx", b"bukan zip, hanya data lembar kerja")
    _write(tmp_path / "foto.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32)
    _write(tmp_path / "catatan.txt", b"catatan rapat")
    _write(tmp_path / "lama.doc", (office / "legacy_as_docx.docx").read_bytes())
    refs = _by_path(discover(tmp_path))
    expected = {
        "laporan.odt": DocFormat.ODT,
        "anggaran.xlsx": DocFormat.XLSX,
        "foto.jpg": DocFormat.IMAGE,
        "catatan.txt": DocFormat.OTHER,
        "lama.doc": DocFormat.DOC,
    }
    assert set(refs) == set(expected)
    for path, fmt in expected.items():
        assert refs[path].format is fmt, path
        assert refs[path].problem == Problem(ProblemKind.UNSUPPORTED_FORMAT, fmt.value), path


def test_empty_file(tmp_path: Path) -> None:
    _write(tmp_path / "kosong.pdf", b"")
    (ref,) = discover(tmp_path)
    assert ref.problem == Problem(ProblemKind.EMPTY_FILE)
    assert ref.size == 0
    assert ref.format is DocFormat.PDF


def test_exclude_globs_files_and_folders(tmp_path: Path) -> None:
    for name in (
        "laporan.pdf",
        "draft.tmp.pdf",
        "arsip/lama.pdf",
        "arsip/2019/lebih-lama.pdf",
        "01/arsip/x.pdf",
        "01/baru.pdf",
        "cadangan/a.pdf",
    ):
        _write(tmp_path / name)
    assert [r.path for r in discover(tmp_path, ("arsip",))] == [
        "01/baru.pdf",
        "cadangan/a.pdf",
        "draft.tmp.pdf",
        "laporan.pdf",
    ]
    assert [r.path for r in discover(tmp_path, ("**/arsip/**", "cadangan/", "*.tmp.pdf"))] == [
        "01/baru.pdf",
        "laporan.pdf",
    ]
    assert [r.path for r in discover(tmp_path, ("ARSIP/**", "01/*", "cadangan", "*.TMP.PDF"))] == [
        "laporan.pdf"
    ]


# --- symbolic links ---------------------------------------------------------------------------


def test_link_to_a_file_inside_the_root_is_listed_once(tmp_path: Path) -> None:
    _write(tmp_path / "dokumen" / "masterplan.pdf")
    _symlink(Path("..") / "dokumen" / "masterplan.pdf", _mkdir(tmp_path / "pintasan") / "a.pdf")
    _symlink(Path("dokumen") / "masterplan.pdf", tmp_path / "zz-link.pdf")
    refs = discover(tmp_path)
    assert len(refs) == 1
    assert refs[0].path in {"dokumen/masterplan.pdf", "pintasan/a.pdf", "zz-link.pdf"}
    assert refs[0].problem is None


def test_link_to_a_folder_inside_the_root_lists_each_file_once(tmp_path: Path) -> None:
    _write(tmp_path / "dokumen" / "a.pdf")
    _write(tmp_path / "dokumen" / "b.pdf")
    _symlink("dokumen", tmp_path / "alias", directory=True)
    names = [Path(ref.path).name for ref in discover(tmp_path)]
    assert sorted(names) == ["a.pdf", "b.pdf"]


def test_link_out_of_the_root_is_not_followed(tmp_path: Path) -> None:
    root = _mkdir(tmp_path / "bukti")
    outside = _write(tmp_path / "luar" / "rahasia.pdf")
    _write(tmp_path / "luar" / "dalam-folder.pdf")
    _symlink(outside, root / "rahasia.pdf")
    _symlink(tmp_path / "luar", root / "folder-luar", directory=True)
    refs = _by_path(discover(root))
    assert set(refs) == {"rahasia.pdf", "folder-luar"}
    assert refs["rahasia.pdf"].problem is not None
    assert refs["rahasia.pdf"].problem.kind is ProblemKind.SYMLINK_OUTSIDE
    assert refs["folder-luar"].problem is not None
    assert refs["folder-luar"].problem.kind is ProblemKind.SYMLINK_OUTSIDE
    assert not any("dalam-folder" in p for p in refs)
    assert not extract(refs["rahasia.pdf"]).readable


def test_directory_loop_terminates_and_is_reported(tmp_path: Path) -> None:
    _write(tmp_path / "a.pdf")
    _write(tmp_path / "dir" / "b.pdf")
    _symlink("..", tmp_path / "dir" / "link", directory=True)
    refs = _by_path(discover(tmp_path))
    assert set(refs) == {"a.pdf", "dir/b.pdf", "dir/link"}
    loop = refs["dir/link"].problem
    assert loop is not None
    assert loop.kind is ProblemKind.SYMLINK_LOOP


def test_self_referencing_link_is_a_loop(tmp_path: Path) -> None:
    _symlink("diri", tmp_path / "diri")
    (ref,) = discover(tmp_path)
    assert ref.problem is not None
    assert ref.problem.kind is ProblemKind.SYMLINK_LOOP


def test_broken_link(tmp_path: Path) -> None:
    _symlink("tidak-ada.pdf", tmp_path / "patah.pdf")
    (ref,) = discover(tmp_path)
    assert ref.path == "patah.pdf"
    assert ref.problem is not None
    assert ref.problem.kind is ProblemKind.BROKEN_SYMLINK
    assert not extract(ref).readable


# --- names and permissions --------------------------------------------------------------------


def test_non_utf8_file_name_is_escaped_and_readable(tmp_path: Path, office: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("Windows file names are Unicode: a name with the byte 0xff cannot exist")
    name = os.path.join(os.fsencode(tmp_path), b"laporan-\xff.pdf")
    try:
        handle = os.open(name, os.O_WRONLY | os.O_CREAT, 0o644)
    except OSError as exc:  # e.g. macOS APFS refuses names that are not valid UTF-8
        pytest.skip(f"this file system refuses non-UTF-8 names: {exc}")
    try:
        os.write(handle, (office / "lo_perbup_signed.pdf").read_bytes())
    finally:
        os.close(handle)
    (ref,) = discover(tmp_path)
    assert ref.path == "laporan-\\xff.pdf"
    ref.path.encode("utf-8")  # printable in any report
    assert ref.format is DocFormat.PDF
    assert ref.problem is None
    document = extract(ref)
    assert document.readable
    assert document.path == "laporan-\\xff.pdf"


def test_display_path_escapes_undecodable_bytes() -> None:
    assert display_path("laporan-\udcff.pdf") == "laporan-\\xff.pdf"
    assert display_path("01/Déjà vu.pdf") == "01/Déjà vu.pdf"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="needs a non-root POSIX user: root (euid 0) can read every file, so chmod 000 "
    "cannot cause PERMISSION_DENIED (see the monkeypatched variant below)",
)
def test_unreadable_file_and_folder_are_permission_denied(tmp_path: Path) -> None:
    locked = _write(tmp_path / "terkunci.pdf")
    folder = _mkdir(tmp_path / "folder-terkunci")
    _write(folder / "x.pdf")
    locked.chmod(0)
    folder.chmod(0)
    try:
        refs = _by_path(discover(tmp_path))
    finally:
        locked.chmod(0o644)
        folder.chmod(0o755)
    assert refs["terkunci.pdf"].problem is not None
    assert refs["terkunci.pdf"].problem.kind is ProblemKind.PERMISSION_DENIED
    assert refs["folder-terkunci"].problem is not None
    assert refs["folder-terkunci"].problem.kind is ProblemKind.PERMISSION_DENIED


def test_permission_error_on_open_is_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = _write(tmp_path / "terkunci.pdf")
    _write(tmp_path / "terbuka.pdf")

    def fake_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(file) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(discovery, "open", fake_open, raising=False)
    refs = _by_path(discover(tmp_path))
    assert refs["terkunci.pdf"].problem == Problem(
        ProblemKind.PERMISSION_DENIED, "Permission denied"
    )
    assert refs["terbuka.pdf"].problem is None
    assert not extract(refs["terkunci.pdf"]).readable


# --- discover_file and sniffing ---------------------------------------------------------------


def test_discover_file_names_the_file_and_sniffs_content(tmp_path: Path, office: Path) -> None:
    shutil.copyfile(office / "lo_masterplan.docx", tmp_path / "Masterplan.pdf")
    ref = discover_file(tmp_path / "Masterplan.pdf")
    assert ref.path == "Masterplan.pdf"
    assert Path(ref.abs_path) == (tmp_path / "Masterplan.pdf").resolve()
    assert ref.format is DocFormat.DOCX
    assert ref.extension_format is DocFormat.PDF
    assert ref.problem is None


def test_discover_file_on_fixtures(office: Path) -> None:
    legacy = discover_file(office / "legacy_as_docx.docx")
    assert (legacy.format, legacy.extension_format) == (DocFormat.DOC, DocFormat.DOCX)
    assert legacy.problem == Problem(ProblemKind.UNSUPPORTED_FORMAT, "doc")
    odt = discover_file(office / "lo_report.odt")
    assert odt.format is DocFormat.ODT
    assert odt.problem == Problem(ProblemKind.UNSUPPORTED_FORMAT, "odt")
    corrupt = discover_file(office / "corrupt.pdf")
    assert corrupt.format is DocFormat.PDF
    assert corrupt.problem is None  # the extractor says why it is unreadable


def test_discover_file_missing(tmp_path: Path) -> None:
    ref = discover_file(tmp_path / "tidak-ada.pdf")
    assert ref.problem is not None
    assert not extract(ref).readable


def test_format_by_extension() -> None:
    assert format_by_extension("LAPORAN.PDF") is DocFormat.PDF
    assert format_by_extension("a/b/Masterplan.DocX") is DocFormat.DOCX
    assert format_by_extension("foto.jpeg") is DocFormat.IMAGE
    assert format_by_extension("README") is DocFormat.OTHER
    assert format_by_extension("arsip.tar.gz") is DocFormat.OTHER


def _zip(path: Path, members: list[str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for member in members:
            archive.writestr(member, "<x/>")
    return path


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        (["[Content_Types].xml", "word/document.xml"], DocFormat.DOCX),
        (["[Content_Types].xml", "ppt/presentation.xml"], DocFormat.PPTX),
        (["[Content_Types].xml", "xl/workbook.xml"], DocFormat.XLSX),
        (["mimetype", "content.xml"], DocFormat.ODT),
        (["[Content_Types].xml"], DocFormat.DOCX),  # the DOCX extractor explains what is missing
        (["foto.png"], DocFormat.OTHER),
    ],
)
def test_sniff_zip_containers(tmp_path: Path, members: list[str], expected: DocFormat) -> None:
    path = _zip(tmp_path / "berkas.docx", members)
    head = path.read_bytes()[:1024]
    assert sniff_format(str(path), head, DocFormat.DOCX) is expected


@pytest.mark.parametrize(
    ("head", "claimed", "expected"),
    [
        (b"%PDF-1.7\n", DocFormat.DOCX, DocFormat.PDF),
        (b"\r\n\x00junk before the header %PDF-1.4\n", DocFormat.OTHER, DocFormat.PDF),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 8, DocFormat.DOCX, DocFormat.DOC),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 8, DocFormat.XLSX, DocFormat.XLS),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 8, DocFormat.PPTX, DocFormat.PPT),
        (b"{\\rtf1\\ansi hello}", DocFormat.DOC, DocFormat.RTF),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 8, DocFormat.PDF, DocFormat.IMAGE),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", DocFormat.OTHER, DocFormat.IMAGE),
        (b"teks biasa", DocFormat.PDF, DocFormat.PDF),
        (b"teks biasa", DocFormat.OTHER, DocFormat.OTHER),
        (b"", DocFormat.DOCX, DocFormat.DOCX),
    ],
)
def test_sniff_by_magic_bytes(
    tmp_path: Path, head: bytes, claimed: DocFormat, expected: DocFormat
) -> None:
    assert sniff_format(str(tmp_path / "x"), head, claimed) is expected


def _zip(path: Path, names: list[str], comment: bytes = b"", prefix: bytes = b"") -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.comment = comment
        for name in names:
            with archive.open(name, "w", force_zip64=name.endswith(".big")) as member:
                member.write(b"<x/>")
    if prefix:
        path.write_bytes(prefix + path.read_bytes())
    return path


@pytest.mark.parametrize(
    ("names", "comment", "prefix"),
    [
        (["[Content_Types].xml", "word/document.xml"], b"", b""),
        (["[Content_Types].xml", "xl/workbook.xml"], b"c" * 40_000, b""),
        (["[Content_Types].xml", "ppt/presentation.xml"], b"", b"MZ" * 500),
        ([f"word/media/image{i}.png" for i in range(2000)] + ["word/document.xml"], b"", b""),
        (["word/document.xml", "data.big"], b"", b""),
        (["dokumen/ringkasan é.xml", "content.xml"], b"", b""),
    ],
)
def test_zip_names_from_the_central_directory_agree_with_zipfile(
    tmp_path: Path, names: list[str], comment: bytes, prefix: bytes
) -> None:
    """The fast reading of member names gives what zipfile gives, whatever the layout."""
    archive = _zip(tmp_path / "a.docx", names, comment, prefix)
    with zipfile.ZipFile(archive) as opened:
        expected = {name.encode("utf-8") for name in opened.namelist()}
    assert discovery._zip_names(str(archive)) == expected


def test_a_windows_junction_is_resolved_like_a_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A junction back to its own folder is a loop, found as with a symbolic link."""

    class Junction:
        def __init__(self, entry: os.DirEntry[str]) -> None:
            self._entry = entry
            self.name, self.path = entry.name, entry.path

        def is_symlink(self) -> bool:
            return False  # as DirEntry says of a junction on Windows

        def stat(self, follow_symlinks: bool = True) -> Any:
            return type("Stat", (), {"st_file_attributes": 0x400})()

    folder = tmp_path / "bukti"
    folder.mkdir()
    (folder / "lagi").symlink_to(folder, target_is_directory=True)
    real_scandir = os.scandir

    class Listing:
        def __init__(self, path: str) -> None:
            self._listing = real_scandir(path)

        def __enter__(self) -> list[Any]:
            entries = list(self._listing)
            return [Junction(e) if e.name == "lagi" else e for e in entries]

        def __exit__(self, *exc: object) -> None:
            self._listing.close()

    monkeypatch.setattr(discovery, "_WINDOWS", True)
    monkeypatch.setattr(discovery.os, "scandir", Listing)
    refs = discover(folder)
    assert [(r.path, r.problem.kind if r.problem else None) for r in refs] == [
        ("lagi", ProblemKind.SYMLINK_LOOP)
    ]
