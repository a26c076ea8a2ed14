"""Walk an evidence folder: every file once, sorted, never leaving the folder.

Skipped silently: hidden files and folders (name starts with "."), Office lock files (``~$*``),
``Thumbs.db``, ``desktop.ini`` and ``.DS_Store``, and paths matching an exclude pattern. Every
other file becomes a ``DocumentRef``; one that cannot be read carries its ``Problem``.
"""

from __future__ import annotations

import errno
import os
import stat
import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path

from smartcity_audit.globs import excluded
from smartcity_audit.model import DocFormat, DocumentRef, Problem, ProblemKind

_SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", ".ds_store", "ehthumbs.db"})
_BY_EXTENSION = {
    ".pdf": DocFormat.PDF,
    ".docx": DocFormat.DOCX,
    ".docm": DocFormat.DOCX,
    ".dotx": DocFormat.DOCX,
    ".doc": DocFormat.DOC,
    ".dot": DocFormat.DOC,
    ".odt": DocFormat.ODT,
    ".rtf": DocFormat.RTF,
    ".ppt": DocFormat.PPT,
    ".pptx": DocFormat.PPTX,
    ".xls": DocFormat.XLS,
    ".xlsx": DocFormat.XLSX,
    ".png": DocFormat.IMAGE,
    ".jpg": DocFormat.IMAGE,
    ".jpeg": DocFormat.IMAGE,
    ".tif": DocFormat.IMAGE,
    ".tiff": DocFormat.IMAGE,
    ".gif": DocFormat.IMAGE,
    ".bmp": DocFormat.IMAGE,
    ".webp": DocFormat.IMAGE,
    ".heic": DocFormat.IMAGE,
}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")
_SNIFF_BYTES = 1024
_WINDOWS = os.name == "nt"
_REPARSE_POINT = 0x400  # FILE_ATTRIBUTE_REPARSE_POINT (stat.FILE_ATTRIBUTE_* exist on Windows only)
_EOCD_SIZE = 22  # the end-of-central-directory record of a zip file, without its comment
_MAX_COMMENT = 65535
_FIRST_WINDOW = 8192
# A central directory entry: signature, then (after 24 bytes) name, extra and comment sizes.
_ENTRY = struct.Struct("<4s24xHHH")
_MAX_DIRECTORY = 4 * 1024 * 1024  # larger directories are left to zipfile


def display_path(path: str) -> str:
    """Show a path whose name is not valid UTF-8 with its bad bytes escaped (``\\xff``)."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def format_by_extension(name: str) -> DocFormat:
    """Return the format a file name claims."""
    return _BY_EXTENSION.get(os.path.splitext(name)[1].lower(), DocFormat.OTHER)


def _zip_names(path: str) -> set[bytes]:
    """Return the member names of a zip file, reading only its central directory.

    Opening the archive with ``zipfile`` builds an object per member; for the names alone one
    read of the end of the file suffices. Anything unusual (ZIP64, a prefix before the
    archive, a damaged directory) goes to ``zipfile``, which knows every variant.
    """
    with open(path, "rb") as stream:
        size = stream.seek(0, os.SEEK_END)
        # Most archives have no comment, and a small one's directory is in its last kilobytes.
        for window in (_FIRST_WINDOW, _EOCD_SIZE + _MAX_COMMENT):
            tail_size = min(size, window)
            stream.seek(size - tail_size)
            tail = stream.read(tail_size)
            end = tail.rfind(b"PK\x05\x06")
            if end >= 0 and end + _EOCD_SIZE <= len(tail):
                count, directory_size, offset = struct.unpack_from("<HII", tail, end + 10)
                start = size - tail_size  # where ``tail`` begins in the file
                if offset != start + end - directory_size or directory_size > _MAX_DIRECTORY:
                    break
                if offset >= start:
                    directory = tail[offset - start : end]
                else:
                    stream.seek(offset)
                    directory = stream.read(directory_size)
                names = _directory_names(directory, count)
                if names is not None:
                    return names
                break
            if tail_size == size:
                break
    with zipfile.ZipFile(path) as archive:
        return {name.encode("utf-8") for name in archive.namelist()}


def _directory_names(directory: bytes, count: int) -> set[bytes] | None:
    """Return the raw file names of a central directory, or ``None`` if it does not parse."""
    names: set[bytes] = set()
    at = 0
    for _ in range(count):
        if at + 46 > len(directory):
            return None
        signature, name_size, extra_size, comment_size = _ENTRY.unpack_from(directory, at)
        if signature != b"PK\x01\x02":
            return None
        names.add(directory[at + 46 : at + 46 + name_size])
        at += 46 + name_size + extra_size + comment_size
    return names if at == len(directory) else None


def _zip_format(path: str) -> DocFormat:
    try:
        names = _zip_names(path)
    except (zipfile.BadZipFile, OSError, ValueError, struct.error):
        return DocFormat.OTHER
    if b"word/document.xml" in names:
        return DocFormat.DOCX
    if any(n.startswith(b"ppt/") for n in names):
        return DocFormat.PPTX
    if any(n.startswith(b"xl/") for n in names):
        return DocFormat.XLSX
    if b"content.xml" in names:
        return DocFormat.ODT
    # A zip that claims to be Word but has no document part: let the DOCX extractor say why.
    return DocFormat.DOCX if b"[Content_Types].xml" in names else DocFormat.OTHER


def sniff_format(path: str, head: bytes, by_extension: DocFormat) -> DocFormat:
    """Decide what a file is from its first bytes, falling back to its extension."""
    if not head:
        return by_extension
    if b"%PDF-" in head[:_SNIFF_BYTES]:
        return DocFormat.PDF
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(path)
    if head.startswith(_OLE2):
        # Legacy Office: the extension is the best guess of which application made it.
        legacy = {DocFormat.XLS, DocFormat.XLSX, DocFormat.PPT, DocFormat.PPTX}
        if by_extension in legacy:
            return (
                DocFormat.XLS if by_extension in (DocFormat.XLS, DocFormat.XLSX) else DocFormat.PPT
            )
        return DocFormat.DOC
    if head.lstrip().startswith(b"{\\rtf"):
        return DocFormat.RTF
    if head.startswith(_IMAGE_MAGIC) or head[8:12] == b"WEBP":
        return DocFormat.IMAGE
    if by_extension in (DocFormat.PDF, DocFormat.DOCX):
        # Claims to be a format we read, but the content is something else: corrupt.
        return by_extension
    return by_extension


def _is_junction(entry: os.DirEntry[str]) -> bool:
    """Tell a Windows junction (a reparse point that ``is_symlink`` does not report).

    Such an entry may lead anywhere, like a link, so its real path must be resolved.
    """
    if not _WINDOWS:
        return False
    attributes = getattr(entry.stat(follow_symlinks=False), "st_file_attributes", 0)
    return bool(attributes & _REPARSE_POINT)


def _skipped(name: str) -> bool:
    return name.startswith((".", "~$")) or name.lower() in _SYSTEM_FILES


def _inside(root_real: str, target_real: str) -> bool:
    try:
        return os.path.commonpath([root_real, target_real]) == root_real
    except ValueError:  # different drives on Windows
        return False


def _make_ref(
    abs_path: str, rel: str, st: os.stat_result | None, problem: Problem | None
) -> DocumentRef:
    claimed = format_by_extension(rel)
    size = st.st_size if st else 0
    mtime = st.st_mtime_ns if st else 0
    fmt = claimed
    if problem is None:
        try:
            with open(abs_path, "rb") as handle:
                head = handle.read(_SNIFF_BYTES)
        except PermissionError as exc:
            problem = Problem(ProblemKind.PERMISSION_DENIED, exc.strerror or str(exc))
        except OSError as exc:
            problem = Problem(ProblemKind.CORRUPT, exc.strerror or str(exc))
        else:
            if not head:
                problem = Problem(ProblemKind.EMPTY_FILE)
            else:
                fmt = sniff_format(abs_path, head, claimed)
    if problem is None and not fmt.readable:
        problem = Problem(ProblemKind.UNSUPPORTED_FORMAT, fmt.value)
    return DocumentRef(
        path=display_path(rel),
        abs_path=abs_path,
        size=size,
        mtime_ns=mtime,
        format=fmt,
        extension_format=claimed,
        problem=problem,
    )


def discover_file(path: Path) -> DocumentRef:
    """Return a ``DocumentRef`` for one file, named by its file name."""
    absolute = os.path.abspath(path)
    try:
        st = os.stat(absolute)
    except OSError as exc:
        return _make_ref(
            absolute, path.name, None, Problem(ProblemKind.PERMISSION_DENIED, exc.strerror or "")
        )
    return _make_ref(absolute, path.name, st, None)


def discover(root: Path, exclude: tuple[str, ...] = ()) -> tuple[DocumentRef, ...]:
    """Return every file below ``root`` as a ``DocumentRef``, sorted by posix path."""
    root_real = os.path.realpath(root)
    refs: dict[str, DocumentRef] = {}
    seen_files: set[str] = set()
    for ref in _walk(root_real, root_real, root_real, "", {root_real}, seen_files, exclude):
        refs.setdefault(ref.path, ref)
    return tuple(refs[key] for key in sorted(refs))


def _walk(
    root_real: str,
    folder: str,
    folder_real: str,
    rel_folder: str,
    visiting: set[str],
    seen_files: set[str],
    exclude: tuple[str, ...],
) -> Iterator[DocumentRef]:
    try:
        with os.scandir(folder) as entries:
            listing = sorted(entries, key=lambda e: e.name)
    except OSError as exc:
        if rel_folder:  # the root itself is checked by the caller
            problem = Problem(ProblemKind.PERMISSION_DENIED, exc.strerror or str(exc))
            yield _make_ref(folder, rel_folder, None, problem)
        return
    for entry in listing:
        if _skipped(entry.name):
            continue
        rel = f"{rel_folder}/{entry.name}" if rel_folder else entry.name
        if excluded(exclude, display_path(rel)):
            continue
        yield from _visit(root_real, folder_real, entry, rel, visiting, seen_files, exclude)


def _visit(
    root_real: str,
    folder_real: str,
    entry: os.DirEntry[str],
    rel: str,
    visiting: set[str],
    seen_files: set[str],
    exclude: tuple[str, ...],
) -> Iterator[DocumentRef]:
    path = entry.path
    try:
        is_link = entry.is_symlink() or _is_junction(entry)
        st = os.stat(path)  # follows links
    except OSError as exc:
        if not entry.is_symlink():
            kind = ProblemKind.PERMISSION_DENIED
        elif exc.errno == errno.ELOOP:
            kind = ProblemKind.SYMLINK_LOOP
        else:
            kind = ProblemKind.BROKEN_SYMLINK
        yield _make_ref(path, rel, None, Problem(kind, exc.strerror or str(exc)))
        return
    # Only a link can lead elsewhere: any other entry's real path is that of the folder being
    # listed plus its name, without asking the file system again.
    real = os.path.realpath(path) if is_link else os.path.join(folder_real, entry.name)
    if is_link and not _inside(root_real, real):
        yield _make_ref(path, rel, None, Problem(ProblemKind.SYMLINK_OUTSIDE))
        return
    if stat.S_ISDIR(st.st_mode):
        if real in visiting:
            yield _make_ref(path, rel, None, Problem(ProblemKind.SYMLINK_LOOP))
            return
        yield from _walk(root_real, path, real, rel, visiting | {real}, seen_files, exclude)
        return
    if not stat.S_ISREG(st.st_mode):
        return  # sockets, fifos, devices are not documents
    if real in seen_files:
        return  # a link to a file already listed: each file once
    seen_files.add(real)
    yield _make_ref(path, rel, st, None)
