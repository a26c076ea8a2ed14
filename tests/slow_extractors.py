"""Extractors that misbehave on purpose, importable by worker processes in tests."""

from __future__ import annotations

import os
import time

from smartcity_audit.extractors import ExtractOptions, extract
from smartcity_audit.model import AnyDocument, DocumentRef


def misbehaving(ref: DocumentRef, options: ExtractOptions) -> AnyDocument:
    """Hang on "lambat", die on "crash", allocate without bound on "rakus"; else extract."""
    name = ref.path.rsplit("/", 1)[-1]
    if name.startswith("lambat"):
        time.sleep(60)
    if name.startswith("crash"):
        os._exit(3)
    if name.startswith("rakus"):
        hoard = []
        while True:
            hoard.append(bytearray(64 * 1024 * 1024))
    return extract(ref, options)
