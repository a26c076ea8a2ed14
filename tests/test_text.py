"""Test text normalisation and whole-word phrase search, with examples and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartcity_audit.text import (
    _SEPARATORS,
    SearchText,
    clip,
    collapse_whitespace,
    fold,
    normalize,
    prepare,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("RPJMD Kabupaten Contoh", "rpjmd kabupaten contoh"),
        ("Déjà Vu", "deja vu"),
        ("ÉCOLE Négeri", "ecole negeri"),
        ("Straße", "strasse"),
        ("ﬁnal ﬂow", "final flow"),  # NFKC ligatures
        ("ＡＢＣ１２３", "abc123"),  # full-width forms
        ("Perbup_27_2024.pdf", "perbup 27 2024 pdf"),  # underscores separate words
        ("smart-city", "smart city"),
        ("A.B.C, (D); E!", "a b c d e"),
        ("pelak\u00adsanaan", "pelaksanaan"),  # soft hyphen
        ("kota\u200bcerdas", "kotacerdas"),  # zero-width space is invisible
        ("pelak-\nsanaan", "pelaksanaan"),  # hyphen at a line end
        ("pelak-  \r\n  sanaan", "pelaksanaan"),
        ("pelak\u2010\nsanaan", "pelaksanaan"),  # Unicode hyphen at a line end
        ("2022-\n2031", "2022 2031"),  # digits are not joined
        ("Undang-Undang", "undang undang"),  # a hyphen inside a line separates
        ("  a\t\n b  ", "a b"),
        ("", ""),
        ("--- ... ___", ""),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_prepare_keeps_original_words() -> None:
    assert prepare("Rencana pelak-\nsanaan ﬁnal") == "Rencana pelaksanaan final"


def test_collapse_whitespace_and_clip() -> None:
    assert collapse_whitespace("  a \n\t b  ") == "a b"
    assert clip("kata " * 10, 20) == "kata kata kata kata…"
    assert clip("pendek", 20) == "pendek"


def test_whole_word_matching() -> None:
    search = SearchText("Dokumen ini selaras dengan RPJMD dan RPJMDes Kabupaten.")
    assert search.find("rpjm") is None
    assert search.find("rpjmd") is not None
    assert search.find("rpjmdes") is not None
    assert search.find("kabupaten") is not None
    assert search.find("kabupate") is None
    assert search.find("") is None
    assert not search.contains("rpjm")
    assert search.contains("rpjmd dan rpjmdes")
    assert search.word_count == 8


def test_rpjmd_does_not_match_inside_rpjmdes() -> None:
    assert SearchText("Rencana RPJMDes 2020").find(normalize("RPJMD")) is None


def test_phrase_across_line_breaks_and_punctuation() -> None:
    text = "Bagian ini memuat rencana induk\nkota   cerdas, serta\n\nPETA-JALAN tahunan."
    search = SearchText(text)
    hit = search.find(normalize("Rencana Induk Kota Cerdas"))
    assert hit is not None
    assert (hit.word, hit.length) == (3, 4)
    assert search.find(normalize("peta jalan tahunan")) is not None
    assert search.find(normalize("cerdas serta peta")) is not None
    assert search.find(normalize("induk cerdas")) is None


def test_excerpt_contains_the_original_words() -> None:
    text = (
        "Pendahuluan panjang tentang daerah. Dokumen ini selaras dengan RPJMD Kabupaten Contoh\n"
        "2021-2026 serta rencana jangka panjang. Bagian berikutnya membahas hal lain sama sekali."
    )
    search = SearchText(text)
    hit = search.find(normalize("selaras dengan rpjmd"))
    assert hit is not None
    excerpt = search.excerpt(hit, context=20)
    assert "selaras dengan RPJMD" in excerpt
    assert excerpt.startswith("…")
    assert excerpt.endswith("…")
    assert "\n" not in excerpt
    full = search.excerpt(hit, context=1000)
    assert full == collapse_whitespace(text)


def test_excerpt_of_joined_hyphenation_and_accents() -> None:
    search = SearchText("Rencana pelak-\nsanaan program Déjà Vu.")
    hit = search.find(normalize("pelaksanaan"))
    assert hit is not None
    assert "pelaksanaan" in search.excerpt(hit)
    hit = search.find(normalize("deja vu"))
    assert hit is not None
    assert "Déjà Vu." in search.excerpt(hit)


def test_excerpt_does_not_cut_words() -> None:
    search = SearchText("alfabetis " * 20 + "sasaran " + "omegaomega " * 20)
    hit = search.find("sasaran")
    assert hit is not None
    for word in search.excerpt(hit, context=15).strip("…").split():
        assert word in {"alfabetis", "sasaran", "omegaomega"}


def test_empty_text() -> None:
    search = SearchText("")
    assert search.find("apa") is None
    assert search.word_count == 0


# --- properties -------------------------------------------------------------------------------

_TRICKY = list("aAzZéÉßİıΣσς0٣１ﬁ -_.,:;\n\t\r\u00ad\u200b\u2010\u0301\u3099ｶﾞ")
_texts = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.sampled_from(_TRICKY), max_size=40),
)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_normalize_output_is_clean(text: str) -> None:
    result = normalize(text)
    assert "  " not in result
    assert result == result.strip()
    assert result == result.casefold()


@settings(max_examples=300, deadline=None)
@given(_texts, st.data())
def test_every_run_of_normalized_words_is_found(text: str, data: st.DataObject) -> None:
    words = normalize(text).split(" ")
    if words == [""]:
        return
    start = data.draw(st.integers(0, len(words) - 1), label="start")
    length = data.draw(st.integers(1, 3), label="length")
    phrase = " ".join(words[start : start + length])
    hit = SearchText(text).find(phrase)
    assert hit is not None
    assert hit.length == phrase.count(" ") + 1


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(["data", "database", "base", "bases", "a", "ab", "b"]), max_size=40
    ),
    phrase=st.lists(st.sampled_from(["data", "base", "a", "b", "ab"]), min_size=1, max_size=3),
)
def test_whole_word_search_agrees_with_a_padded_substring_search(
    words: list[str], phrase: list[str]
) -> None:
    """The search without a padded copy finds exactly what " phrase " in " text " finds."""
    text = SearchText(" ".join(words))
    needle = " ".join(phrase)
    padded = f" {text.normalized} "
    expected = padded.find(f" {needle} ")
    hit = text.find(needle)
    if expected < 0:
        assert hit is None
    else:
        assert hit is not None and hit.word == padded.count(" ", 0, expected)


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=st.characters(max_codepoint=127), max_size=200))
def test_ascii_text_normalises_as_the_general_road_does(text: str) -> None:
    """The fast road for ASCII gives what prepare, fold and the separator pattern give."""
    expected = _SEPARATORS.sub(" ", fold(prepare(text))).strip()
    assert normalize(text) == expected
