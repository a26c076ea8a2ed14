"""Compile path globs (``**/*masterplan*``) to case-insensitive regular expressions.

``*`` and ``?`` never cross a ``/``; a ``**`` segment matches any number of folders; ``[abc]``
and ``[!abc]`` are character classes. A pattern without ``/`` matches the file name at any depth,
as in ``.gitignore``. Paths are posix paths relative to the scanned folder.
"""

from __future__ import annotations

import re
from functools import lru_cache


class GlobError(ValueError):
    """Signal a pattern that is not a valid glob; ``code`` names the message in ``i18n``."""

    def __init__(self, code: str, pattern: str) -> None:
        super().__init__(f"{code}: {pattern!r}")
        self.code = code
        self.pattern = pattern


def _translate_segment(segment: str, pattern: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(segment):
        ch = segment[i]
        if ch == "*":
            if segment[i : i + 2] == "**":
                raise GlobError("glob_double_star", pattern)
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[":
            end = segment.find("]", i + 2 if segment[i + 1 : i + 2] in ("!", "^") else i + 1)
            if end < 0:
                raise GlobError("glob_unclosed_bracket", pattern)
            body = segment[i + 1 : end]
            negate = body[:1] in ("!", "^")
            if negate:
                body = body[1:]
            if not body:
                raise GlobError("glob_empty_class", pattern)
            escaped = body.replace("\\", "\\\\").replace("^", "\\^")
            out.append(f"[{'^/' if negate else ''}{escaped}]")
            i = end
        elif ch == "]":
            raise GlobError("glob_unopened_bracket", pattern)
        else:
            out.append(re.escape(ch))
        i += 1
    return "".join(out)


@lru_cache(maxsize=4096)
def compile_glob(pattern: str) -> re.Pattern[str]:
    """Compile a glob; raise ``GlobError`` with the reason when it is malformed."""
    text = pattern.strip().replace("\\", "/")
    if not text:
        raise GlobError("glob_empty", pattern)
    if "/" not in text.rstrip("/"):
        text = "**/" + text
    text = text.lstrip("/")
    if text.endswith("/"):
        text += "**"
    segments = text.split("/")
    parts: list[str] = []
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == "**":
            parts.append(".*" if last else "(?:[^/]+/)*")
        elif segment == "":
            raise GlobError("glob_empty_segment", pattern)
        else:
            parts.append(_translate_segment(segment, pattern) + ("" if last else "/"))
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


def glob_matches(pattern: str, path: str) -> bool:
    """Tell whether a relative posix ``path`` matches ``pattern``."""
    return compile_glob(pattern).fullmatch(path) is not None


def excluded(patterns: tuple[str, ...], path: str) -> bool:
    """Tell whether ``path`` or one of its parent folders matches an exclude pattern."""
    if not patterns:
        return False
    parts = path.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    return any(glob_matches(p, prefix) for p in patterns for prefix in prefixes)
