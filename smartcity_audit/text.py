"""Normalise text once, the same way for documents, rubric phrases and file names.

Matching is case-, accent- and whitespace-insensitive and works on whole words: text is
NFKC-normalised (ligatures such as "ﬁ" become "fi"), words split by a hyphen at a line end are
joined, and everything that is not a letter or digit separates words. A phrase matches when its
words appear consecutively, across line breaks and punctuation.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
# A hyphen (ASCII, Unicode hyphen or non-breaking hyphen) at a line end between two letters.
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u2010\u2011]\s*\r?\n\s*(?=[^\W\d_])")
_WORD = re.compile(r"[^\W_]+")
_SPACES = re.compile(r"\s+")


def prepare(text: str) -> str:
    """Return ``text`` NFKC-normalised, without invisible characters and line-end hyphens."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    return _LINE_END_HYPHEN.sub("", text)


def fold_word(word: str) -> str:
    """Casefold a word and strip its accents (``Déjà`` -> ``deja``)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize(text: str) -> str:
    """Return the words of ``text``, folded and joined by single spaces."""
    return " ".join(fold_word(m.group()) for m in _WORD.finditer(prepare(text)))


def collapse_whitespace(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return _SPACES.sub(" ", text).strip()


def clip(text: str, limit: int = 160) -> str:
    """Collapse whitespace and shorten ``text`` to ``limit`` characters with an ellipsis."""
    text = collapse_whitespace(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a phrase was found: the index of its first word and its number of words."""

    word: int
    length: int


class SearchText:
    """Text prepared once for repeated whole-word phrase searches with excerpts."""

    __slots__ = ("_ends", "_offsets", "_starts", "normalized", "prepared")

    def __init__(self, text: str) -> None:
        self.prepared = prepare(text)
        words: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for m in _WORD.finditer(self.prepared):
            words.append(fold_word(m.group()))
            starts.append(m.start())
            ends.append(m.end())
        self._starts = starts
        self._ends = ends
        # Offsets of each word in the normalised string, which is padded with spaces so that a
        # search for " phrase " only matches whole words.
        offsets: list[int] = []
        position = 1
        for word in words:
            offsets.append(position)
            position += len(word) + 1
        self._offsets = offsets
        self.normalized = " " + " ".join(words) + " "

    @property
    def word_count(self) -> int:
        """Return the number of words."""
        return len(self._starts)

    def find(self, phrase: str) -> Hit | None:
        """Find a normalised phrase (see ``normalize``) as whole words; ``None`` if absent."""
        if not phrase:
            return None
        index = self.normalized.find(" " + phrase + " ")
        if index < 0:
            return None
        word = bisect.bisect_left(self._offsets, index + 1)
        return Hit(word=word, length=phrase.count(" ") + 1)

    def contains(self, phrase: str) -> bool:
        """Tell whether the normalised phrase occurs as whole words."""
        return bool(phrase) and (" " + phrase + " ") in self.normalized

    def excerpt(self, hit: Hit, context: int = 60) -> str:
        """Return the original text around a hit, whitespace collapsed, with ellipses."""
        if not self._starts:
            return ""
        first = min(hit.word, len(self._starts) - 1)
        last = min(hit.word + hit.length - 1, len(self._ends) - 1)
        start = max(0, self._starts[first] - context)
        end = min(len(self.prepared), self._ends[last] + context)
        # Widen to word boundaries so the excerpt does not cut words in half.
        while start > 0 and not self.prepared[start - 1].isspace():
            start -= 1
        while end < len(self.prepared) and not self.prepared[end].isspace():
            end += 1
        text = collapse_whitespace(self.prepared[start:end])
        prefix = "…" if start > 0 else ""
        suffix = "…" if end < len(self.prepared) else ""
        return prefix + text + suffix
