"""Extract documents in worker processes, each file under a time limit and a memory cap.

A document from an untrusted folder may hang a parser or make it allocate without bound, so
extraction runs in reused worker processes (``spawn`` start method everywhere: the same on
Windows, macOS and Linux, and no inherited locks). The parent hands out one file at a time,
waits at most ``timeout`` seconds for it, and replaces a worker that runs over, crashes or is
killed; that file is then reported as ``timeout`` or ``corrupt`` instead of stopping the scan.
Results come back in input order, whatever order the workers finish in.

The memory cap is an address-space limit (``RLIMIT_AS``) set inside each worker on Linux and
other POSIX systems that enforce it; where the ``resource`` module or the limit is missing
(Windows, macOS), workers run without a cap and only the time limit applies.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from smartcity_audit import GC_THRESHOLD
from smartcity_audit.extractors import ExtractOptions, extract
from smartcity_audit.model import AnyDocument, DocumentRef, Problem, ProblemKind, UnreadableDocument

DEFAULT_TIMEOUT = 120.0  # seconds for one file
DEFAULT_MEMORY_MB = 2048  # address space of one worker


@dataclass(frozen=True, slots=True)
class WorkerLimits:
    """How many workers, and the time and memory each file may take."""

    jobs: int = 2
    timeout: float = DEFAULT_TIMEOUT
    memory_mb: int | None = DEFAULT_MEMORY_MB


def limit_memory(megabytes: int | None) -> bool:
    """Cap this process's address space; return whether a cap is in force."""
    if megabytes is None:
        return False
    try:
        import resource
    except ImportError:  # Windows
        return False
    limit = megabytes * 1024 * 1024
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError, AttributeError):  # not enforced on this system (macOS)
        return False
    return True


Extractor = Callable[[DocumentRef, ExtractOptions], AnyDocument]


def _serve(
    connection: Connection, options: ExtractOptions, memory_mb: int | None, extractor: Extractor
) -> None:
    """Run in a worker: extract each file the parent sends until it sends ``None``."""
    limit_memory(memory_mb)
    gc.set_threshold(*GC_THRESHOLD)
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, ref = task
        try:
            document: AnyDocument = extractor(ref, options)
        except MemoryError:
            document = _unreadable(ref, ProblemKind.TOO_LARGE, "memory limit")
        connection.send((index, document))


def _unreadable(ref: DocumentRef, kind: ProblemKind, detail: str = "") -> UnreadableDocument:
    return UnreadableDocument(
        path=ref.path, format=ref.format, size=ref.size, problem=Problem(kind, detail)
    )


class _Worker:
    """One worker process and the file it is working on."""

    def __init__(
        self, context: Any, options: ExtractOptions, memory_mb: int | None, extractor: Extractor
    ) -> None:
        self.connection, child = context.Pipe()
        arguments = (child, options, memory_mb, extractor)
        self.process = context.Process(target=_serve, args=arguments, daemon=True)
        self.process.start()
        child.close()
        self.task: tuple[int, DocumentRef] | None = None
        self.deadline = 0.0

    def give(self, task: tuple[int, DocumentRef], timeout: float) -> None:
        self.task = task
        self.deadline = time.monotonic() + timeout
        self.connection.send(task)

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.connection.send(None)
            except (OSError, ValueError):
                self.process.kill()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.connection.close()


Progress = Callable[[int, int], None]


class WorkerPool:
    """Reused worker processes, which may be started before the files to read are known.

    A first scan knows it will read everything: its workers start while the scan still loads
    the rubric and lists the folder, instead of after. ``extract`` starts any that are missing.
    """

    def __init__(
        self, options: ExtractOptions, limits: WorkerLimits, extractor: Extractor = extract
    ) -> None:
        """Prepare workers that read with ``options``; ``extractor`` must be a module-level
        function, since workers start with ``spawn``."""
        self.options = options
        self._limits = limits
        self._extractor = extractor
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []

    def start(self, files: int | None = None) -> None:
        """Start the workers for ``files`` files (all ``jobs`` when unknown), if not running."""
        wanted = self._limits.jobs if files is None else min(self._limits.jobs, files)
        while len(self._workers) < max(1, wanted):
            self._workers.append(self._new())

    def _new(self) -> _Worker:
        return _Worker(self._context, self.options, self._limits.memory_mb, self._extractor)

    def close(self) -> None:
        """Stop every worker (one still reading a file is killed)."""
        for worker in self._workers:
            worker.stop(kill=worker.task is not None)
        self._workers = []

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def extract(
        self,
        refs: Sequence[DocumentRef],
        progress: Progress | None = None,
        on_document: Callable[[int, AnyDocument], None] | None = None,
    ) -> list[AnyDocument]:
        """Extract every file; return documents in the order of ``refs``.

        ``on_document`` hears of each document as it arrives, so that the caller can store it
        while the workers go on.
        """
        options, limits = self.options, self._limits
        results: list[AnyDocument | None] = [None] * len(refs)
        pending: deque[tuple[int, DocumentRef]] = deque()
        for index, ref in enumerate(refs):
            if ref.problem is not None or not ref.format.readable:
                document = extract(ref, options)  # nothing to parse: no worker needed
                results[index] = document
                if on_document is not None:
                    on_document(index, document)
            else:
                pending.append((index, ref))
        # Largest files first: the last files handed out are then small ones, and no worker
        # is left reading a 300-page book while the others have finished.
        pending = deque(sorted(pending, key=lambda task: -task[1].size))
        done = len(refs) - len(pending)
        if progress:
            progress(done, len(refs))
        if pending:
            self.start(len(pending))
        try:
            while pending or any(w.task for w in self._workers):
                for worker in self._workers:
                    if worker.task is None and pending:
                        worker.give(pending.popleft(), limits.timeout)
                busy = [w for w in self._workers if w.task is not None]
                nearest = min(w.deadline for w in busy)
                ready = wait(
                    [w.connection for w in busy], timeout=max(0.0, nearest - time.monotonic())
                )
                for worker in busy:
                    assert worker.task is not None
                    index, ref = worker.task
                    if worker.connection in ready:
                        try:
                            _, document = worker.connection.recv()
                        except (EOFError, OSError):  # the worker died: a crash or the memory cap
                            document = _unreadable(
                                ref, ProblemKind.CORRUPT, "the reader crashed on this file"
                            )
                            self._replace(worker)
                        else:
                            worker.task = None
                    elif time.monotonic() >= worker.deadline:
                        document = _unreadable(ref, ProblemKind.TIMEOUT, f"{limits.timeout:g} s")
                        self._replace(worker)
                    else:
                        continue
                    results[index] = document
                    if on_document is not None:
                        on_document(index, document)
                    done += 1
                    if progress:
                        progress(done, len(refs))
        except BaseException:
            self.close()  # a worker may be half-way through a file: never reuse it
            raise
        documents = [r for r in results if r is not None]
        assert len(documents) == len(refs), "every file gets a result"
        return documents

    def _replace(self, worker: _Worker) -> None:
        worker.stop(kill=True)
        self._workers[self._workers.index(worker)] = self._new()


def extract_in_workers(
    refs: Sequence[DocumentRef],
    options: ExtractOptions,
    limits: WorkerLimits,
    progress: Progress | None = None,
    extractor: Extractor = extract,
    on_document: Callable[[int, AnyDocument], None] | None = None,
) -> list[AnyDocument]:
    """Extract every file in a pool of worker processes started for it (see ``WorkerPool``)."""
    with WorkerPool(options, limits, extractor) as pool:
        return pool.extract(refs, progress, on_document)
