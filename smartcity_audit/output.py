"""Write report files atomically: a temporary file beside the target, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from smartcity_audit.errors import ReportError


def is_inside(path: Path, folder: Path) -> bool:
    """Tell whether ``path`` is ``folder`` or lies below it (after resolving links)."""
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one."""
    directory = path.parent if str(path.parent) else Path()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise ReportError(
            "error.write_failed", {"path": str(path), "detail": exc.strerror or str(exc)}
        ) from exc
    try:
        # mkstemp creates the file for its owner only; a report gets the usual permissions.
        with contextlib.suppress(OSError, NotImplementedError):
            os.chmod(temporary, 0o666 & ~_umask())
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise ReportError(
                "error.write_failed", {"path": str(path), "detail": exc.strerror or str(exc)}
            ) from exc
        raise
