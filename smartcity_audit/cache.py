"""Remember extracted text between scans, so unchanged documents are not read again.

The cache is one SQLite file (standard library) in a cache folder: by default the user cache
folder of the platform (``platformdirs``), never inside an evidence folder. Entries are keyed
by the SHA-256 of the file's content plus an *engine key* (tool version, reader library
versions, extraction options), so a changed file, a new smartcity-audit or a different
``--max-pages`` is read again. A ``(path, size, mtime_ns)`` table lets an unchanged file skip
hashing. Everything is stored as JSON, the text zlib-compressed (never pickle: a restored CI
cache must not run code), in three tables per document: what judging needs (``documents``,
the headings in a column of their own), the text of its pages (``texts``, read only when
needed) and the answers of the phrase searches made so far (``phrases``, see
``matching.TextSearch``). A rescan of unchanged files with the same rubric reads the first and
the last, one query for all files, and no text. The file is pruned least-recently-used down to
a size cap. Two scans at once are safe (WAL journal, busy timeout, short write transactions);
a damaged cache file is set aside and rebuilt with a warning, when it is opened or when a
query meets the damage.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import queue
import sqlite3
import threading
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Any

from smartcity_audit import __version__
from smartcity_audit.engine import ExtractAll, OnDocument
from smartcity_audit.extractors._base import ExtractOptions
from smartcity_audit.matching import TextSearch
from smartcity_audit.model import AnyDocument, Document, DocumentRef, Page, ProblemKind
from smartcity_audit.serialize import (
    Deferred,
    document_from_data,
    document_to_data,
    headings_to_json,
    pages_from_data,
    pages_to_data,
)

DEFAULT_MAX_BYTES = 1024 * 1024 * 1024
FILE_NAME = "extraction-cache.sqlite3"
SCHEMA_VERSION = 4  # PRAGMA user_version; a file of another version is emptied and rebuilt
SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path BLOB PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, digest TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    digest TEXT NOT NULL, engine TEXT NOT NULL, data BLOB NOT NULL, headings BLOB NOT NULL,
    bytes INTEGER NOT NULL, used INTEGER NOT NULL, PRIMARY KEY (digest, engine)
);
CREATE INDEX IF NOT EXISTS documents_used ON documents (used);
CREATE TABLE IF NOT EXISTS texts (
    digest TEXT NOT NULL, engine TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (digest, engine)
);
CREATE TABLE IF NOT EXISTS phrases (
    digest TEXT NOT NULL, engine TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (digest, engine)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""
_TABLES = ("files", "documents", "texts", "phrases", "meta")
_HASH_CHUNK = 1024 * 1024
_LEVEL = 1  # zlib: the fastest level; text compresses 3-4x at it, and speed is the point


def _encode(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _pack(data: Any) -> bytes:
    """Encode and compress (the text of pages; the small parts are read faster uncompressed)."""
    return zlib.compress(_encode(data), _LEVEL)


def _unpack(blob: bytes) -> Any:
    return json.loads(zlib.decompress(blob))


def default_folder() -> Path:
    """Return the platform's cache folder for smartcity-audit."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("smartcity-audit", appauthor=False))


def engine_key(options: ExtractOptions) -> str:
    """Name everything that changes what extraction returns."""
    versions = []
    for package in ("pypdf", "pypdfium2", "lxml", "ocrmypdf"):
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


@dataclass(slots=True)
class _Entry:
    """What the cache knows of one document of this scan."""

    digest: str
    engine: str
    search: TextSearch | None = None
    stored: bool = False  # the phrases row exists, so an unchanged memo need not be written


class ExtractionCache:
    """A persistent store of extracted documents, keyed by content and engine."""

    def __init__(self, folder: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.folder = folder
        self.path = folder / FILE_NAME
        self.max_bytes = max_bytes
        self.warnings: list[tuple[str, dict[str, object]]] = []
        self.hits = 0
        self.misses = 0
        self._entries: dict[str, _Entry] = {}  # by document path, for this scan
        self._memos: dict[str, bytes] = {}
        self._unsaved: set[str] = set()  # paths whose text was read again from the file
        self._used = 0  # this scan's value of the use counter
        self._options = ExtractOptions()
        self._db = self._open()

    def _connect(self) -> sqlite3.Connection:
        # Used by one thread at a time: the scan's, or during extraction the ``_Writer``'s.
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA busy_timeout = 30000")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            # A new file, or one of an older layout: (re)build it, it only holds derived data.
            # Checked again under the write lock, where another scan may have just built it.
            with _write_lock(db):
                if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                    for table in _TABLES:
                        db.execute(f"DROP TABLE IF EXISTS {table}")
                    for statement in filter(str.strip, SCHEMA.split(";")):
                        db.execute(statement)
                    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        return db

    def _open(self) -> sqlite3.Connection:
        self.folder.mkdir(parents=True, exist_ok=True)
        # No integrity check of the whole file here: it would read every page, which costs
        # seconds for a cache near its cap on every scan. Damage found later is handled where
        # it shows (``_recover``).
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            if not _damage(exc):
                raise
            self._set_aside(str(exc))
            return self._connect()

    def _recover(self, exc: sqlite3.DatabaseError) -> None:
        """Set a cache file that turned out damaged aside, and go on with a new, empty one."""
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        self._set_aside(str(exc))
        self._db = self._connect()
        self._entries.clear()
        self._memos.clear()

    def _transaction(self, work: Callable[[], None]) -> None:
        """Run ``work`` in one write transaction; on damage, start a new cache and skip it."""
        try:
            with _write_lock(self._db):
                work()
        except sqlite3.DatabaseError as exc:
            if not _damage(exc):
                raise
            self._recover(exc)

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
        key = _path_key(ref)
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

    def _pages(
        self, ref: DocumentRef, options: ExtractOptions, digest: str, engine: str
    ) -> tuple[Page, ...]:
        """Read the text of a cached document (on first use of its pages).

        If another scan pruned it meanwhile, or the cache is closed, the file is read again, in
        this process.
        """
        try:
            row = self._db.execute(
                "SELECT data FROM texts WHERE digest = ? AND engine = ?", (digest, engine)
            ).fetchone()
        except sqlite3.Error:  # the cache was closed meanwhile
            row = None
        if row is not None:
            with contextlib.suppress(zlib.error, ValueError):
                return pages_from_data(_unpack(row[0]))
        from smartcity_audit.extractors import extract

        # What this read finds may not be the content the memo belongs to (the file may have
        # changed or vanished): its answers are used for this scan but not remembered.
        self._unsaved.add(ref.path)
        document = extract(ref, options)
        return tuple(document.pages) if isinstance(document, Document) else ()

    def _load(
        self,
        ref: DocumentRef,
        digest: str,
        engine: str,
        row: tuple[bytes, bytes, bytes | None],
    ) -> AnyDocument | None:
        """Rebuild a cached document and remember its phrase memo; ``None`` if unusable."""
        data, headings, memo = row
        try:
            pages = Deferred(partial(self._pages, ref, self._options, digest, engine))
            document = document_from_data(json.loads(data), ref, pages, headings)
            if memo is not None:
                self._memos[ref.path] = memo  # decoded by the search, when first used
        except (ValueError, UnicodeDecodeError):
            for table in ("documents", "texts", "phrases"):
                self._db.execute(
                    f"DELETE FROM {table} WHERE digest = ? AND engine = ?", (digest, engine)
                )
            return None
        self._entries[ref.path] = _Entry(digest, engine, stored=memo is not None)
        return document

    def _fast_hits(
        self, refs: Sequence[DocumentRef], wanted: list[int], engine: str
    ) -> dict[int, AnyDocument]:
        """Look up every unchanged file (same path, size and mtime) in one query."""
        self._db.execute(
            "CREATE TEMP TABLE IF NOT EXISTS wanted "
            "(position INTEGER PRIMARY KEY, path BLOB, size INTEGER, mtime_ns INTEGER)"
        )
        self._db.execute("DELETE FROM wanted")
        self._db.executemany(
            "INSERT INTO wanted VALUES (?, ?, ?, ?)",
            ((i, _path_key(refs[i]), refs[i].size, refs[i].mtime_ns) for i in wanted),
        )
        rows = self._db.execute(
            "SELECT w.position, f.digest, d.data, d.headings, p.data FROM wanted w "
            "JOIN files f ON f.path = w.path AND f.size = w.size AND f.mtime_ns = w.mtime_ns "
            "JOIN documents d ON d.digest = f.digest AND d.engine = ? "
            "LEFT JOIN phrases p ON p.digest = f.digest AND p.engine = d.engine",
            (engine,),
        ).fetchall()
        found: dict[int, AnyDocument] = {}
        for position, digest, *row in rows:
            document = self._load(refs[position], digest, engine, tuple(row))
            if document is not None:
                found[position] = document
        return found

    def get(self, digest: str, engine: str, ref: DocumentRef) -> AnyDocument | None:
        """Return the cached document for this content and engine, or ``None``."""
        row = self._db.execute(
            "SELECT d.data, d.headings, p.data FROM documents d LEFT JOIN phrases p "
            "ON p.digest = d.digest AND p.engine = d.engine WHERE d.digest = ? AND d.engine = ?",
            (digest, engine),
        ).fetchone()
        if row is None:
            return None
        return self._load(ref, digest, engine, row)

    def put(self, digest: str, engine: str, document: AnyDocument) -> None:
        """Store a document under its content digest and engine."""
        data = _encode(document_to_data(document))
        headings = headings_to_json(document).encode("utf-8")
        used = self._used or self._tick()
        text = _pack(pages_to_data(document) if isinstance(document, Document) else [])
        self._db.execute(
            "INSERT OR REPLACE INTO documents (digest, engine, data, headings, bytes, used) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (digest, engine, data, headings, len(data) + len(headings) + len(text), used),
        )
        self._db.execute(
            "INSERT OR REPLACE INTO texts (digest, engine, data) VALUES (?, ?, ?)",
            (digest, engine, text),
        )
        self._entries[document.path] = _Entry(digest, engine)

    def text_search(self, document: Document) -> TextSearch | None:
        """Return the phrase search of a document of this scan, with its remembered answers.

        ``save_phrases`` stores what the audit added to the memo, for the next scan.
        """
        entry = self._entries.get(document.path)
        if entry is None:
            return None
        if entry.search is None:
            encoded = self._memos.pop(document.path, None)
            entry.search = TextSearch(lambda: document.pages, encoded=encoded)
        return entry.search

    def save_phrases(self) -> None:
        """Store the phrase memos that changed during this scan."""
        rows = [
            (entry.digest, entry.engine, _encode(entry.search.memo))
            for path, entry in self._entries.items()
            if entry.search is not None
            and (entry.search.changed or not entry.stored)
            and path not in self._unsaved
        ]
        if rows:
            with contextlib.suppress(sqlite3.OperationalError):  # busy or full: asked again
                self._transaction(
                    lambda: self._db.executemany(
                        "INSERT OR REPLACE INTO phrases (digest, engine, data) VALUES (?, ?, ?)",
                        rows,
                    ).close()
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
        with _write_lock(self._db):
            for digest, engine, size in rows:
                if total <= self.max_bytes:
                    break
                for table in ("documents", "texts", "phrases"):
                    self._db.execute(
                        f"DELETE FROM {table} WHERE digest = ? AND engine = ?", (digest, engine)
                    )
                total -= size
                removed += 1
            self._db.execute("DELETE FROM files WHERE digest NOT IN (SELECT digest FROM documents)")
        return removed

    def is_empty(self) -> bool:
        """Tell whether the cache holds no document (a first scan reads every file)."""
        return self._db.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is None

    def info(self) -> CacheInfo:
        """Return counts and size."""
        documents, size = self._db.execute(
            "SELECT COUNT(*), COALESCE(SUM(bytes), 0) FROM documents"
        ).fetchone()
        files = self._db.execute("SELECT COUNT(*) FROM files").fetchone()[0]
        return CacheInfo(str(self.path), int(documents), int(files), int(size), self.max_bytes)

    def clear(self) -> None:
        """Delete every entry."""
        for table in ("documents", "texts", "phrases", "files"):
            self._db.execute(f"DELETE FROM {table}")
        self._db.execute("VACUUM")

    def _look_up(
        self,
        refs: Sequence[DocumentRef],
        readable: list[int],
        engine: str,
        results: list[AnyDocument | None],
        prepare: Callable[[int], None] | None = None,
    ) -> list[tuple[int, str]]:
        """Fill ``results`` from the cache; return the files to read, with their digests."""
        missing: list[tuple[int, str]] = []
        with _write_lock(self._db):
            found = self._fast_hits(refs, readable, engine)
            if prepare is not None and len(found) < len(readable):
                prepare(len(readable) - len(found))
            for index in readable:
                if index in found:
                    results[index] = found[index]
                    continue
                try:
                    digest = self.digest(refs[index])
                except OSError:
                    missing.append((index, ""))  # extraction will report why it cannot be read
                    continue
                cached = self.get(digest, engine, refs[index])
                if cached is None:
                    missing.append((index, digest))
                else:
                    results[index] = cached
            # One use-counter value for the whole scan, for least-recently-used pruning.
            self._used = self._tick()
            self._db.execute(
                "UPDATE documents SET used = ? WHERE engine = ? AND digest IN "
                "(SELECT f.digest FROM wanted w JOIN files f ON f.path = w.path)",
                (self._used, engine),
            )
        return missing

    def extract_all(
        self,
        refs: Sequence[DocumentRef],
        options: ExtractOptions,
        extract_missing: ExtractAll,
        on_document: OnDocument | None = None,
        prepare: Callable[[int], None] | None = None,
    ) -> list[AnyDocument]:
        """Return every document, from the cache where possible, extracting the rest.

        ``prepare`` hears how many files the cache certainly lacks (changed or new, before
        their content is hashed), so that workers can start meanwhile. Extracted documents are
        stored as they arrive, while the other files are still being read.
        """
        engine = engine_key(options)
        self._options = options
        results: list[AnyDocument | None] = [None] * len(refs)
        readable = [i for i, ref in enumerate(refs) if ref.problem is None and ref.format.readable]
        wanted = set(readable)
        try:
            missing = self._look_up(refs, readable, engine, results, prepare)
        except sqlite3.DatabaseError as exc:
            if not _damage(exc):
                raise
            self._recover(exc)
            results = [None] * len(refs)
            missing = self._look_up(refs, readable, engine, results)
        if on_document is not None:
            for index, document in enumerate(results):
                if document is not None:
                    on_document(index, document)
        # Files with nothing to read are cheap, and never cached.
        missing.extend((i, "") for i in range(len(refs)) if i not in wanted)
        missing.sort()
        self.hits += len(refs) - len(missing)
        self.misses += sum(1 for _, digest in missing if digest)

        if missing:
            # Documents are stored by a thread of their own while the workers go on: a scan
            # that stored them itself kept the workers waiting on each write.
            writer = _Writer(self, engine)

            def store(position: int, document: AnyDocument) -> None:
                index, digest = missing[position]
                # A timeout depends on the machine and its load: read that file again next time.
                if digest and not _transient(document):
                    writer.put(digest, document)
                if on_document is not None:
                    on_document(index, document)

            try:
                extracted = extract_missing([refs[i] for i, _ in missing], options, store)
            finally:
                writer.close()
            for (index, _), document in zip(missing, extracted, strict=True):
                results[index] = document
        try:
            self.prune()
        except sqlite3.DatabaseError as exc:  # busy or full: pruned next time
            if _damage(exc):
                self._recover(exc)
        documents = [r for r in results if r is not None]
        assert len(documents) == len(refs), "every file gets a result"
        return documents


class _Writer:
    """Store extracted documents in the cache from a thread, in the order they arrive.

    While it runs, only this thread uses the cache's connection. Compressing text and SQLite
    writes let the scan's thread read the next results meanwhile.
    """

    def __init__(self, cache: ExtractionCache, engine: str) -> None:
        self._cache = cache
        self._engine = engine
        self._queue: queue.SimpleQueue[tuple[str, AnyDocument] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="cache-writer", daemon=True)
        self._thread.start()

    def put(self, digest: str, document: AnyDocument) -> None:
        self._queue.put((digest, document))

    def close(self) -> None:
        """Store what is queued, then stop."""
        self._queue.put(None)
        self._thread.join()

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            digest, document = item
            # A damaged cache is set aside and rebuilt inside ``_transaction``; any other
            # failure (locked past the timeout, disk full) costs this document its entry, and
            # a closed cache (the scan was interrupted) ends the writing.
            try:
                self._cache._transaction(partial(self._cache.put, digest, self._engine, document))
            except sqlite3.ProgrammingError:
                return
            except sqlite3.Error:
                continue


@contextlib.contextmanager
def _write_lock(db: sqlite3.Connection) -> Iterator[None]:
    """Run the block in one write transaction (``BEGIN IMMEDIATE``), rolled back on any error."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise


def _damage(exc: sqlite3.DatabaseError) -> bool:
    """Tell a damaged cache file (SQLite says "corrupt" or "not a database") from every other
    error: a busy or full disk, a closed connection, which are no reason to discard it."""
    name = getattr(exc, "sqlite_errorname", "")
    return name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB"


def _path_key(ref: DocumentRef) -> bytes:
    # File names need not be UTF-8: key by the file system's own bytes.
    return os.fsencode(ref.abs_path)


def _transient(document: AnyDocument) -> bool:
    return any(p.kind in (ProblemKind.TIMEOUT, ProblemKind.TOO_LARGE) for p in document.problems)
