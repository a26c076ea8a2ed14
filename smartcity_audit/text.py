"""Normalise text once, the same way for documents, rubric phrases and file names.

Matching is case-, accent- and whitespace-insensitive and works on whole words: text is
NFKC-normalised (ligatures such as "ﬁ" become "fi"), words split by a hyphen at a line end are
joined, and everything that is not a letter or digit separates words. A phrase matches when its
words appear consecutively, across line breaks and punctuation.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# A hyphen (ASCII, Unicode hyphen or non-breaking hyphen) at a line end; it joins two words
# when letters stand on both sides (checked in ``_join``, which is faster than a lookbehind).
_LINE_END_HYPHEN = re.compile(r"[-\u2010\u2011][ \t]*\r?\n\s*")
_WORD = re.compile(r"[^\W_]+")
_SEPARATORS = re.compile(r"[\W_]+")
# Combining marks left by NFKD: Latin, extended, supplementary and half marks.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SPACES = re.compile(r"\s+")


def _join(match: re.Match[str]) -> str:
    text = match.string
    before, after = match.start() - 1, match.end()
    letters = before >= 0 and after < len(text) and text[before].isalpha() and text[after].isalpha()
    return "" if letters else match.group()


def prepare(text: str) -> str:
    """Return ``text`` NFKC-normalised, without invisible characters and line-end hyphens."""
    if not text.isascii():
        text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    return _LINE_END_HYPHEN.sub(_join, text)


def fold(text: str) -> str:
    """Casefold ``text`` and strip its accents (``Déjà`` -> ``deja``), in one pass over it."""
    text = text.casefold()
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def fold_word(word: str) -> str:
    """Casefold a word and strip its accents (``Déjà`` -> ``deja``)."""
    return fold(word)


# Every byte that is not a lower-case ASCII letter or digit becomes a space.
_ASCII_SEPARATORS = bytes(c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))


def normalize(text: str) -> str:
    """Return the words of ``text``, folded and joined by single spaces.

    Whole-string operations (in C) rather than a loop over words: documents run to megabytes.
    ASCII text (most pages) takes a faster road to the same result: no Unicode normalisation
    is needed, and a byte translation replaces the regular expression.
    """
    if text.isascii():
        if "-" in text:
            text = _LINE_END_HYPHEN.sub(_join, text)
        return " ".join(text.lower().encode("ascii").translate(_ASCII_SEPARATORS).decode().split())
    return _SEPARATORS.sub(" ", fold(prepare(text))).strip()


@functools.lru_cache(maxsize=4096)
def normalize_phrase(phrase: str) -> str:
    """Return ``normalize(phrase)``, remembered: a rubric's phrases are normalised once."""
    return normalize(phrase)


def collapse_whitespace(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return _SPACES.sub(" ", text).strip()


def clip(text: str, limit: int = 160) -> str:
    """Collapse whitespace and shorten ``text`` to ``limit`` characters with an ellipsis."""
    text = collapse_whitespace(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_PLAIN_TRIES = 8


@functools.lru_cache(maxsize=4096)
def _whole_words(phrase: str) -> re.Pattern[str]:
    """Return a pattern for a normalised phrase standing as whole words (between spaces)."""
    return re.compile(r"(?<![^ ])" + re.escape(phrase) + r"(?![^ ])")


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a phrase was found: the index of its first word and its number of words."""

    word: int
    length: int


class SearchText:
    """Text prepared once for repeated whole-word phrase searches with excerpts.

    The normalised form is built eagerly (fast, whole-string); the word offsets that map a hit
    back to the original text are built only when an excerpt is asked for.
    """

    __slots__ = ("_ends", "_starts", "normalized", "prepared")

    def __init__(self, text: str, normalized: str | None = None) -> None:
        """Prepare ``text``; ``normalized`` is ``normalize(text)`` when already known."""
        self.prepared = text if normalized is not None else prepare(text)
        if normalized is None:
            normalized = _SEPARATORS.sub(" ", fold(self.prepared)).strip()
        # Not padded with spaces: a padded copy of every page was a third copy of the text.
        self.normalized = normalized
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    @property
    def word_count(self) -> int:
        """Return the number of words."""
        return self.normalized.count(" ") + 1 if self.normalized else 0

    def _index(self, phrase: str) -> int:
        """Return where ``phrase`` starts as whole words in the normalised text, or -1.

        ``str.find`` first (fast); after a few finds inside longer words ("data" in
        "database"), one regular expression finishes the search in linear time.
        """
        text = self.normalized
        index = text.find(phrase)
        for _ in range(_PLAIN_TRIES):
            if index < 0:
                return -1
            end = index + len(phrase)
            if (index == 0 or text[index - 1] == " ") and (end == len(text) or text[end] == " "):
                return index
            index = text.find(phrase, index + 1)
        found = _whole_words(phrase).search(text, max(index, 0))
        return found.start() if found and index >= 0 else -1

    def find(self, phrase: str) -> Hit | None:
        """Find a normalised phrase (see ``normalize``) as whole words; ``None`` if absent."""
        if not phrase:
            return None
        index = self._index(phrase)
        if index < 0:
            return None
        return Hit(word=self.normalized.count(" ", 0, index), length=phrase.count(" ") + 1)

    def contains(self, phrase: str) -> bool:
        """Tell whether the normalised phrase occurs as whole words."""
        return bool(phrase) and self._index(phrase) >= 0

    def excerpt(self, hit: Hit, context: int = 60) -> str:
        """Return the original text around a hit, whitespace collapsed, with ellipses."""
        if self._starts is None:
            self.prepared = prepare(self.prepared)  # idempotent: a no-op when done in __init__
            self._starts = []
            for m in _WORD.finditer(self.prepared):
                self._starts.append(m.start())
                self._ends.append(m.end())
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
