"""Remember extracted text between scans, so unchanged documents are not read again.

The cache is one SQLite file (standard library) in a cache folder: by default the user cache
folder of the platform (``platformdirs``), never inside an evidence folder. Entries are keyed
by the SHA-256 of the file's content plus an *engine key* (tool version, reader library
versions, extraction options), so a changed file, a new smartcity-audit or a different
``--max-pages`` is read again. A ``(path, size, mtime_ns)`` table lets an unchanged file skip
hashing. Text is stored zlib-compressed JSON (never pickle: a restored CI cache must not run
code). The file is pruned least-recently-used down to a size cap. Two scans at once are safe
(WAL journal, busy timeout); a corrupt cache file is set aside and rebuilt with a warning.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from smartcity_audit import __version__
from smartcity_audit.extractors import ExtractOptions
from smartcity_audit.model import AnyDocument, DocumentRef, ProblemKind
from smartcity_audit.serialize import document_from_data, document_to_data

DEFAULT_MAX_BYTES = 1024 * 1024 * 1024
FILE_NAME = "extraction-cache.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, digest TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    digest TEXT NOT NULL, engine TEXT NOT NULL, data BLOB NOT NULL, bytes INTEGER NOT NULL,
    used INTEGER NOT NULL, PRIMARY KEY (digest, engine)
);
CREATE INDEX IF NOT EXISTS documents_used ON documents (used);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""
_HASH_CHUNK = 1024 * 1024

ExtractAllFunction = Callable[[Sequence[DocumentRef], ExtractOptions], list[AnyDocument]]


def default_folder() -> Path:
    """Return the platform's cache folder for smartcity-audit."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("smartcity-audit", appauthor=False))


def engine_key(options: ExtractOptions) -> str:
    """Name everything that changes what extraction returns."""
    versions = []
    for package in ("pypdf", "pypdfium2", "python-docx", "lxml", "ocrmypdf"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} ?")
    limits = (
        f"engine {options.pdf_engine}, ocr {options.ocr}, pages {options.max_pages}, "
        f"unzipped {options.max_unzipped_bytes}, ratio {options.max_zip_ratio}"
    )
    return f"smartcity-audit {__version__}; {'; '.join(versions)}; {limits}"


def file_digest(path: str) -> str:
    """Return the SHA-256 of a file's content."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class CacheInfo:
    """What ``cache info`` shows."""

    path: str
    documents: int
    files: int
    bytes: int
    max_bytes: int


@dataclass(frozen=True, slots=True)
class CacheStats:
    """How one scan used the cache."""

    hits: int
    misses: int


class ExtractionCache:
    """A persistent store of extracted documents, keyed by content and engine."""

    def __init__(self, folder: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.folder = folder
        self.path = folder / FILE_NAME
        self.max_bytes = max_bytes
        self.warnings: list[tuple[str, dict[str, object]]] = []
        self.hits = 0
        self.misses = 0
        self._db = self._open()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.execute("PRAGMA busy_timeout = 30000")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.executescript(SCHEMA)
        return db

    def _open(self) -> sqlite3.Connection:
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            db = self._connect()
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                db.close()
                raise sqlite3.DatabaseError("quick_check failed")
            return db
        except sqlite3.DatabaseError as exc:
            self._set_aside(str(exc))
            return self._connect()

    def _set_aside(self, reason: str) -> None:
        """Move a corrupt cache file out of the way (keeping it for inspection) and start anew."""
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{self.path}{suffix}")
            if source.exists():
                with contextlib.suppress(OSError):
                    os.replace(source, Path(f"{self.path}.corrupt{suffix}"))
        with contextlib.suppress(OSError):
            self.path.unlink()
        self.warnings.append(("warning.cache_rebuilt", {"path": str(self.path), "detail": reason}))

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _tick(self) -> int:
        """Return the next use counter (a clock that only counts, for least-recently-used)."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'used'").fetchone()
        value = (int(row[0]) if row else 0) + 1
        self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('used', ?)", (value,))
        return value

    def digest(self, ref: DocumentRef) -> str:
        """Return a file's content digest, from the fast path when size and mtime are unchanged."""
        # File names need not be UTF-8: key by the file system's own bytes.
        key = os.fsencode(os.path.realpath(ref.abs_path))
        row = self._db.execute(
            "SELECT size, mtime_ns, digest FROM files WHERE path = ?", (key,)
        ).fetchone()
        if row and row[0] == ref.size and row[1] == ref.mtime_ns:
            return str(row[2])
        digest = file_digest(ref.abs_path)
        self._db.execute(
            "INSERT OR REPLACE INTO files (path, size, mtime_ns, digest) VALUES (?, ?, ?, ?)",
            (key, ref.size, ref.mtime_ns, digest),
        )
        return digest

    def get(self, digest: str, engine: str, ref: DocumentRef) -> AnyDocument | None:
        """Return the cached document for this content and engine, or ``None``."""
        row = self._db.execute(
            "SELECT data FROM documents WHERE digest = ? AND engine = ?", (digest, engine)
        ).fetchone()
        if row is None:
            return None
        try:
            document = document_from_data(json.loads(zlib.decompress(row[0])), ref)
        except (zlib.error, ValueError, json.JSONDecodeError):
            self._db.execute(
                "DELETE FROM documents WHERE digest = ? AND engine = ?", (digest, engine)
            )
            return None
        self._db.execute(
            "UPDATE documents SET used = ? WHERE digest = ? AND engine = ?",
            (self._tick(), digest, engine),
        )
        return document

    def put(self, digest: str, engine: str, document: AnyDocument) -> None:
        """Store a document under its content digest and engine."""
        data = zlib.compress(
            json.dumps(document_to_data(document), ensure_ascii=False).encode("utf-8"), 6
        )
        self._db.execute(
            "INSERT OR REPLACE INTO documents (digest, engine, data, bytes, used) VALUES (?, ?, ?, ?, ?)",
            (digest, engine, data, len(data), self._tick()),
        )

    def prune(self) -> int:
        """Delete least-recently-used documents until the cache fits its size cap."""
        total = self._db.execute("SELECT COALESCE(SUM(bytes), 0) FROM documents").fetchone()[0]
        removed = 0
        if total <= self.max_bytes:
            return removed
        rows = self._db.execute(
            "SELECT digest, engine, bytes FROM documents ORDER BY used"
        ).fetchall()
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for digest, engine, size in rows:
                if total <= self.max_bytes:
                    break
                self._db.execute(
                    "DELETE FROM documents WHERE digest = ? AND engine = ?", (digest, engine)
                )
                total -= size
                removed += 1
            self._db.execute("DELETE FROM files WHERE digest NOT IN (SELECT digest FROM documents)")
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return removed

    def info(self) -> CacheInfo:
        """Return counts and size."""
        documents, size = self._db.execute(
            "SELECT COUNT(*), COALESCE(SUM(bytes), 0) FROM documents"
        ).fetchone()
        files = self._db.execute("SELECT COUNT(*) FROM files").fetchone()[0]
        return CacheInfo(str(self.path), int(documents), int(files), int(size), self.max_bytes)

    def clear(self) -> None:
        """Delete every entry."""
        self._db.execute("DELETE FROM documents")
        self._db.execute("DELETE FROM files")
        self._db.execute("VACUUM")

    def extract_all(
        self,
        refs: Sequence[DocumentRef],
        options: ExtractOptions,
        extract_missing: ExtractAllFunction,
    ) -> list[AnyDocument]:
        """Return every document, from the cache where possible, extracting the rest."""
        engine = engine_key(options)
        results: list[AnyDocument | None] = [None] * len(refs)
        missing: list[tuple[int, str]] = []
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for index, ref in enumerate(refs):
                if ref.problem is not None or not ref.format.readable:
                    missing.append((index, ""))  # nothing to read: cheap, and never cached
                    continue
                try:
                    digest = self.digest(ref)
                except OSError:
                    missing.append((index, ""))  # extraction will report why it cannot be read
                    continue
                cached = self.get(digest, engine, ref)
                if cached is None:
                    missing.append((index, digest))
                else:
                    results[index] = cached
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self.hits += len(refs) - len(missing)
        self.misses += sum(1 for _, digest in missing if digest)
        extracted = extract_missing([refs[i] for i, _ in missing], options) if missing else []
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for (index, digest), document in zip(missing, extracted, strict=True):
                results[index] = document
                # A timeout depends on the machine and its load: read that file again next time.
                if digest and not _transient(document):
                    self.put(digest, engine, document)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self.prune()
        documents = [r for r in results if r is not None]
        assert len(documents) == len(refs), "every file gets a result"
        return documents


def _transient(document: AnyDocument) -> bool:
    return any(p.kind in (ProblemKind.TIMEOUT, ProblemKind.TOO_LARGE) for p in document.problems)
