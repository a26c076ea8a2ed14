"""Test how JSON Schema violations become located messages with hints."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator

from smartcity_audit.errors import ConfigError, RubricError
from smartcity_audit.i18n import MESSAGES
from smartcity_audit.validation import load_schema, show, validate
from smartcity_audit.yamlfile import parse_yaml

CONFIG = "config-1.schema.json"
RUBRIC = "rubric-1.schema.json"
SCHEMA_HINT = "hint.rubric_schema"


def config_error(text: str) -> ConfigError:
    doc = parse_yaml(text, "c.yaml", ConfigError)
    with pytest.raises(ConfigError) as info:
        validate(doc, CONFIG, ConfigError)
    return info.value


def rubric_error(text: str) -> RubricError:
    doc = parse_yaml(text, "r.yaml", RubricError)
    with pytest.raises(RubricError) as info:
        validate(doc, RUBRIC, RubricError, SCHEMA_HINT)
    return info.value


RUBRIC_HEAD = "rubric: 1\nid: r\ntitle: R\ndimensions: []\n"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("high", "'high'"),
        ("", "''"),
        ("it's", '"it\'s"'),
        (True, "true"),
        (False, "false"),
        (None, "null"),
        (0, "0"),
        (2024.2, "2024.2"),
        ({"a": 1}, "a mapping"),
        ([1], "a list"),
    ],
)
def test_show(value: Any, shown: str) -> None:
    """Values appear in messages the way they are written in YAML."""
    assert show(value) == shown


@pytest.mark.parametrize("name", [CONFIG, RUBRIC])
def test_bundled_schemas_are_valid(name: str) -> None:
    """The bundled schemas are valid JSON Schema 2020-12, loaded once."""
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert load_schema(name) is schema


def test_valid_documents_pass() -> None:
    """A valid document raises nothing."""
    validate(parse_yaml("lang: en\n", "c.yaml", ConfigError), CONFIG, ConfigError)
    validate(parse_yaml(RUBRIC_HEAD, "r.yaml", RubricError), RUBRIC, RubricError)


CONVERSIONS = [
    pytest.param(
        "colour: red\n",
        "error.schema.unknown_key",
        "c.yaml:1:1: (root): unknown key 'colour'",
        "allowed keys: as_of, evidence, exclude, fail_on, fail_under, fail_under_dimension, lang, rubric, waivers",
        id="additionalProperties-allowed-keys",
    ),
    pytest.param(
        "waivers:\n  - requirement: X\n    reason: y\n    untill: 2025-01-01\n",
        "error.schema.unknown_key",
        "c.yaml:4:5: waivers[0]: unknown key 'untill'",
        "did you mean 'until'?",
        id="additionalProperties-did-you-mean",
    ),
    pytest.param(
        "waivers:\n  - reason: y\n",
        "error.schema.required",
        "c.yaml:2:5: waivers[0]: required key 'requirement' is missing",
        None,
        id="required",
    ),
    pytest.param(
        "lang: EN\n",
        "error.schema.enum",
        "c.yaml:1:7: lang: 'EN' is not one of id, en",
        None,
        id="enum",
    ),
    pytest.param(
        "fail_under: yes\n",
        "error.schema.type",
        "c.yaml:1:13: fail_under: true must be of type number",
        None,
        id="type-number",
    ),
    pytest.param(
        "rubric: 7\n",
        "error.schema.type",
        "c.yaml:1:9: rubric: 7 must be of type string",
        'write text values in quotes, e.g. version: "2024.2"',
        id="type-string-hints-quotes",
    ),
    pytest.param(
        "exclude: [1]\n",
        "error.schema.type",
        "c.yaml:1:11: exclude[0]: 1 must be of type string",
        'write text values in quotes, e.g. version: "2024.2"',
        id="type-in-a-list",
    ),
    pytest.param(
        "waivers: {}\n",
        "error.schema.type",
        "c.yaml:1:10: waivers: a mapping must be of type list",
        None,
        id="type-list",
    ),
    pytest.param(
        "evidence: []\n",
        "error.schema.type",
        "c.yaml:1:11: evidence: a list must be of type mapping",
        None,
        id="type-mapping",
    ),
    pytest.param(
        "fail_under: 100.5\n",
        "error.schema.maximum",
        "c.yaml:1:13: fail_under: 100.5 is more than the maximum 100",
        None,
        id="maximum",
    ),
    pytest.param(
        "fail_under: -0.5\n",
        "error.schema.minimum",
        "c.yaml:1:13: fail_under: -0.5 is less than the minimum 0",
        None,
        id="minimum",
    ),
    pytest.param(
        "evidence:\n  X: []\n",
        "error.schema.min_items",
        "c.yaml:2:6: evidence.X: the list must not be empty",
        None,
        id="minItems",
    ),
    pytest.param(
        "rubric: ''\n",
        "error.schema.min_length",
        "c.yaml:1:9: rubric: the text must not be empty",
        None,
        id="minLength",
    ),
    pytest.param(
        "as_of: '2024/11/04'\n",
        "error.schema.pattern",
        "c.yaml:1:8: as_of: '2024/11/04' does not match the pattern ^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        None,
        id="pattern",
    ),
]


@pytest.mark.parametrize(("text", "code", "message", "hint"), CONVERSIONS)
def test_conversion(text: str, code: str, message: str, hint: str | None) -> None:
    """Each kind of schema violation has its own located message and, where useful, a hint."""
    error = config_error(text)
    assert error.code == code
    assert error.message("en") == message
    assert error.hint_text("en") == hint
    assert error.details == ()


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        pytest.param(
            RUBRIC_HEAD.replace("rubric: 1", "rubric: 2"),
            "r.yaml:1:9: rubric: 2 is not one of 1",
            "see the full schema with: smartcity-audit rubric schema",
            id="const",
        ),
        pytest.param(
            RUBRIC_HEAD.replace("title: R", "title: [R]"),
            "r.yaml:3:8: title: a list must be of type string / mapping",
            "see the full schema with: smartcity-audit rubric schema",
            id="type-union-of-a-list",
        ),
        pytest.param(
            RUBRIC_HEAD.replace("title: R", "title: 5"),
            "r.yaml:3:8: title: 5 must be of type string / mapping",
            'write text values in quotes, e.g. version: "2024.2"',
            id="type-union-of-a-number",
        ),
        pytest.param(
            RUBRIC_HEAD.replace("title: R", "title: {}"),
            "r.yaml:3:8: title: empty block; give at least one of: id, en",
            "see the full schema with: smartcity-audit rubric schema",
            id="minProperties",
        ),
        pytest.param(
            RUBRIC_HEAD.replace("title: R", "title: {fr: Titre}"),
            "r.yaml:3:9: title: unknown key 'fr'",
            "allowed keys: en, id",
            id="unknown-language",
        ),
    ],
)
def test_conversion_in_rubrics(text: str, message: str, hint: str | None) -> None:
    """Rubric violations; the caller's default hint fills in when a violation has none."""
    error = rubric_error(text)
    assert error.message("en") == message
    assert error.hint_text("en") == hint


def test_every_unknown_key_is_reported() -> None:
    """Two unknown keys in one mapping are two errors, each at its own line."""
    error = config_error("lang: en\ncolour: red\nsize: big\n")
    assert error.message("en").splitlines() == [
        "c.yaml:2:1: (root): unknown key 'colour'",
        "c.yaml:3:1: (root): unknown key 'size'",
    ]


def test_every_missing_key_is_named() -> None:
    """Each missing required key is named once."""
    error = config_error("waivers:\n  - approved_by: Kepala Dinas\n")
    assert sorted(error.message("en").splitlines()) == [
        "c.yaml:2:5: waivers[0]: required key 'reason' is missing",
        "c.yaml:2:5: waivers[0]: required key 'requirement' is missing",
    ]


def test_details_in_position_order() -> None:
    """The first error is the earliest in the file; ``details`` follow in file order."""
    error = config_error("fail_on: high\nlang: fr\nwaivers:\n  - reason: x\nfail_under: 120\n")
    assert [error.code, *(d.code for d in error.details)] == [
        "error.schema.enum",
        "error.schema.enum",
        "error.schema.required",
        "error.schema.maximum",
    ]
    assert error.message("en").splitlines() == [
        "c.yaml:1:10: fail_on: 'high' is not one of critical, major, minor",
        "c.yaml:2:7: lang: 'fr' is not one of id, en",
        "c.yaml:4:5: waivers[0]: required key 'requirement' is missing",
        "c.yaml:5:13: fail_under: 120 is more than the maximum 100",
    ]


def test_unknown_key_sorted_by_its_own_line() -> None:
    """An unknown key sorts where it is written, not where its mapping starts."""
    error = config_error("lang: fr\nfail_on: high\ncolour: red\n")
    assert error.message("en").splitlines() == [
        "c.yaml:1:7: lang: 'fr' is not one of id, en",
        "c.yaml:2:10: fail_on: 'high' is not one of critical, major, minor",
        "c.yaml:3:1: (root): unknown key 'colour'",
    ]


def test_hint_of_the_first_error() -> None:
    """The error's hint is the first error's own hint, else the default."""
    first_has_hint = rubric_error(RUBRIC_HEAD + "colour: red\nversion: 2\n")
    assert first_has_hint.hint_text("en") == "allowed keys: " + (
        "description, dimensions, extends, id, language, remove, rubric, title, version"
    )
    first_without = rubric_error(RUBRIC_HEAD.replace("id: r", "id: 'r r'"))
    assert (
        first_without.hint_text("en") == "see the full schema with: smartcity-audit rubric schema"
    )


def test_every_schema_message_is_translated() -> None:
    """All schema messages exist in both languages with the same parameters."""
    codes = [code for code in MESSAGES if code.startswith("error.schema.")]
    assert codes
    for code in codes:
        english, indonesian = MESSAGES[code]["en"], MESSAGES[code]["id"]
        assert sorted(_fields(english)) == sorted(_fields(indonesian)), code


def _fields(template: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(template) if name]
