"""The message catalog: both languages everywhere, same placeholders, no dangling codes."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from smartcity_audit.i18n import LANGUAGES, MESSAGES, format_date, tr
from smartcity_audit.model import MatchKey, ProblemKind, Severity, Status, YearSource

PACKAGE = Path(__file__).resolve().parents[1] / "smartcity_audit"
CODE = re.compile(
    r"""["'](?P<code>(?:check|finding|problem|hint|error|gate|label|msg|status|severity|matched|source)\.[a-z_.]+)["']"""
)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_in_both_languages_with_the_same_placeholders(code: str) -> None:
    entry = MESSAGES[code]
    assert set(entry) == set(LANGUAGES)
    assert all(text.strip() for text in entry.values())
    assert _fields(entry["id"]) == _fields(entry["en"])


def test_every_code_used_in_the_package_exists() -> None:
    used = {
        m.group("code")
        for path in PACKAGE.rglob("*.py")
        for m in CODE.finditer(path.read_text(encoding="utf-8"))
    }
    missing = sorted(code for code in used if code not in MESSAGES)
    assert missing == []


def test_every_enum_value_has_a_label() -> None:
    expected = (
        [f"status.{s.value}" for s in Status]
        + [f"severity.{s.value}" for s in Severity]
        + [f"matched.{m.value}" for m in MatchKey]
        + [f"source.{s.value}" for s in YearSource]
        + [f"problem.{p.value}" for p in ProblemKind]
    )
    assert [code for code in expected if code not in MESSAGES] == []


def test_dates_in_indonesian() -> None:
    import datetime as dt

    assert format_date(dt.date(2024, 11, 4), "id") == "4 November 2024"
    assert format_date(dt.date(2024, 8, 17), "id") == "17 Agustus 2024"
    assert format_date(dt.date(2024, 11, 4), "en") == "2024-11-04"


def test_unknown_language_falls_back_to_english() -> None:
    assert tr("fr", "status.complete") == "complete"
