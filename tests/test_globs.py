"""Test path globs: a table of (pattern, path, expected) and the malformed patterns."""

from __future__ import annotations

import pytest

from smartcity_audit.globs import GlobError, compile_glob, excluded, glob_matches
from smartcity_audit.i18n import MESSAGES

MATCHES = [
    # Case-insensitive, on the whole path.
    ("**/*masterplan*", "01-tata-kelola/Masterplan SC 2022-2031.pdf", True),
    ("*.pdf", "a/b/c.PDF", True),
    ("*.PDF", "c.pdf", True),
    ("masterplan.pdf", "MASTERPLAN.PDF", True),
    ("a.b", "axb", False),  # '.' is literal
    ("a+b(1).pdf", "a+b(1).pdf", True),  # regex characters are literal
    ("plan", "plan.pdf", False),  # whole name, not a prefix
    # '*' and '?' stay within one folder.
    ("a/*.pdf", "a/c.pdf", True),
    ("a/*.pdf", "a/b/c.pdf", False),
    ("a/*", "a/b/c", False),
    ("?.pdf", "a.pdf", True),
    ("?.pdf", "ab.pdf", False),
    ("a?b", "a/b", False),
    ("a*b", "a/b", False),
    # '**/' spans zero or more folders.
    ("**/x.pdf", "x.pdf", True),
    ("**/x.pdf", "a/b/x.pdf", True),
    ("a/**/x.pdf", "a/x.pdf", True),
    ("a/**/x.pdf", "a/b/c/x.pdf", True),
    ("a/**/x.pdf", "b/a/x.pdf", False),
    ("a/**", "a/b/c.pdf", True),
    ("a/**", "a", False),
    ("**", "a/b/c.pdf", True),
    ("**/arsip/**", "x/arsip/y/z.pdf", True),
    ("**/arsip/**", "arsip/z.pdf", True),
    ("**/arsip/**", "arsipku/z.pdf", False),
    # A pattern without '/' matches the file name at any depth.
    ("x.pdf", "x.pdf", True),
    ("x.pdf", "a/b/x.pdf", True),
    ("*.pdf", "a/b/x.pdf", True),
    ("*", "a/b", True),
    ("x.pdf", "x.pdf/y", False),
    # A pattern with '/' is anchored at the scanned folder; a leading '/' changes nothing.
    ("a/x.pdf", "a/x.pdf", True),
    ("a/x.pdf", "b/a/x.pdf", False),
    ("/x.pdf", "x.pdf", True),
    ("/x.pdf", "a/x.pdf", False),
    # A trailing '/' means a folder and everything below it, at any depth without another '/'.
    ("arsip/", "arsip/x.pdf", True),
    ("arsip/", "a/arsip/b/x.pdf", True),
    ("arsip/", "arsip", False),
    ("arsip/", "arsip.pdf", False),
    ("a/arsip/", "a/arsip/x.pdf", True),
    ("a/arsip/", "b/a/arsip/x.pdf", False),
    # Character classes.
    ("[abc].pdf", "B.pdf", True),
    ("[abc].pdf", "d.pdf", False),
    ("[a-c].pdf", "b.pdf", True),
    ("[!a]*.pdf", "b.pdf", True),
    ("[!a]*.pdf", "a.pdf", False),
    ("[!a]*.pdf", "A.pdf", False),  # negation is case-insensitive too
    ("[^a]*.pdf", "a.pdf", False),
    ("x[!a]y", "x/y", False),  # a negated class never matches '/'
    ("[0-9][0-9]-*/*.pdf", "01-tata-kelola/a.pdf", True),
    ("[0-9][0-9]-*/*.pdf", "ab-tata-kelola/a.pdf", False),
    # Backslashes are folder separators (patterns written on Windows).
    ("01-tata-kelola\\*.pdf", "01-tata-kelola/a.pdf", True),
    # Surrounding spaces are ignored; inner spaces are literal.
    ("  *.pdf  ", "a.pdf", True),
    ("sk dewan*", "SK Dewan Smart City.docx", True),
    ("sk dewan*", "SK-Dewan.docx", False),
]


@pytest.mark.parametrize(
    ("pattern", "path", "expected"), MATCHES, ids=[f"{p!r}~{s!r}" for p, s, _ in MATCHES]
)
def test_glob_matches(pattern: str, path: str, expected: bool) -> None:
    """Each pattern matches (or not) the relative posix path."""
    assert glob_matches(pattern, path) is expected


EXCLUDED = [
    (("**/arsip/**",), "x/arsip/y.pdf", True),
    (("arsip",), "x/arsip/y.pdf", True),  # a parent folder matches
    (("arsip",), "arsip", True),
    (("arsip",), "arsipku/y.pdf", False),
    (("draft*",), "drafts/a/b.pdf", True),
    (("a/b",), "a/b/c/d.pdf", True),
    (("a/b",), "x/a/b/c.pdf", False),
    (("*.tmp", "old/"), "old/x.pdf", True),
    (("*.tmp", "old/"), "new/x.pdf", False),
    (("*.tmp",), "a/b.tmp", True),
    ((), "a/b.pdf", False),
]


@pytest.mark.parametrize(("patterns", "path", "expected"), EXCLUDED)
def test_excluded(patterns: tuple[str, ...], path: str, expected: bool) -> None:
    """A path is excluded when it or one of its parent folders matches a pattern."""
    assert excluded(patterns, path) is expected


MALFORMED = [
    ("[abc", "glob_unclosed_bracket"),
    ("a/[!x", "glob_unclosed_bracket"),
    ("a**b", "glob_double_star"),
    ("**x", "glob_double_star"),
    ("***", "glob_double_star"),
    ("a/**b/c", "glob_double_star"),
    ("]", "glob_unopened_bracket"),
    ("a]b", "glob_unopened_bracket"),
    ("[]", "glob_empty_class"),
    ("[!]", "glob_empty_class"),
    ("", "glob_empty"),
    ("   ", "glob_empty"),
    ("a//b", "glob_empty_segment"),
]


@pytest.mark.parametrize(("pattern", "code"), MALFORMED)
def test_malformed_pattern(pattern: str, code: str) -> None:
    """Malformed patterns raise ``GlobError`` naming the problem and the pattern."""
    with pytest.raises(GlobError) as info:
        compile_glob(pattern)
    assert info.value.code == code
    assert info.value.pattern == pattern
    assert isinstance(info.value, ValueError)


def test_malformed_pattern_in_glob_matches() -> None:
    """Matching with a malformed pattern raises too, rather than matching nothing."""
    with pytest.raises(GlobError):
        glob_matches("[abc", "a")


@pytest.mark.parametrize("code", sorted({code for _, code in MALFORMED}))
def test_every_glob_problem_has_a_message(code: str) -> None:
    """Each ``GlobError.code`` is a message in both languages."""
    assert set(MESSAGES[code]) == {"id", "en"}
    assert all(MESSAGES[code].values())
