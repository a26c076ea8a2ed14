"""Test safe YAML loading: positions, dates, merge keys, duplicate keys, tags and limits."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from smartcity_audit import yamlfile
from smartcity_audit.errors import AuditError, ConfigError, RubricError
from smartcity_audit.yamlfile import (
    MAX_BYTES,
    MAX_VALUES,
    Located,
    format_path,
    load_yaml,
    parse_yaml,
)


def parse(text: str) -> Located:
    return parse_yaml(text, "f.yaml", ConfigError)


def refused(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        parse(text)
    return info.value


# Positions ------------------------------------------------------------------------------------

DOC = """\
base: &b
  x: 1
  y: [a, b]
child:
  <<: *b
  z: [c]
list:
  - k: v
    m: {a: 1}
"""


@pytest.mark.parametrize(
    ("path", "key", "where"),
    [
        ((), False, "f.yaml:1:1"),
        (("base",), False, "f.yaml:1:7"),  # the anchor starts the value
        (("base",), True, "f.yaml:1:1"),
        (("base", "y"), False, "f.yaml:3:6"),
        (("base", "y"), True, "f.yaml:3:3"),
        (("base", "y", 1), False, "f.yaml:3:10"),
        (("child", "z"), False, "f.yaml:6:6"),
        (("child", "z"), True, "f.yaml:6:3"),
        (("child", "x"), False, "f.yaml:2:6"),  # merged: where it was written
        (("list", 0), False, "f.yaml:8:5"),
        (("list", 0, "m"), True, "f.yaml:9:5"),
        (("list", 0, "m", "a"), False, "f.yaml:9:12"),
        (("list", 0, "m", "a"), True, "f.yaml:9:9"),
        # Missing paths fall back to the value of the nearest parent.
        (("list", 0, "missing"), False, "f.yaml:8:5"),
        (("list", 0, "missing"), True, "f.yaml:8:5"),
        (("list", 5, "k"), False, "f.yaml:8:3"),
        (("nowhere", "at", "all"), False, "f.yaml:1:1"),
    ],
)
def test_where(path: tuple[str | int, ...], key: bool, where: str) -> None:
    """``where`` gives ``file:line:column`` of a value or a key, 1-based."""
    assert parse(DOC).where(path, key=key) == where


def test_where_of_an_empty_document() -> None:
    """An empty document has no positions; ``where`` points at the start of the file."""
    doc = parse("")
    assert doc.data is None
    assert doc.where(("a",)) == "f.yaml:1:1"


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ((), "(root)"),
        (("rubric",), "rubric"),
        (
            ("dimensions", 0, "requirements", 2, "severity"),
            "dimensions[0].requirements[2].severity",
        ),
        (("remove", 1), "remove[1]"),
        ((0, "a"), "[0].a"),
        (("evidence", "GOV-01", 0), "evidence.GOV-01[0]"),
    ],
)
def test_format_path(path: tuple[str | int, ...], text: str) -> None:
    """YAML paths are written the way a user navigates the file."""
    assert format_path(path) == text


# Values ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a: 2024-11-04", "2024-11-04"),
        ("a: '2024-11-04'", "2024-11-04"),
        ("a: 2024-02-30", "2024-02-30"),  # impossible, still a string: checked later
        ("a: 2024-13-01", "2024-13-01"),
        ("a: 1", 1),
        ("a: 1.5", 1.5),
        ("a: '1.5'", "1.5"),
        ("a: true", True),
        ("a: ~", None),
        ("a: !!str 1", "1"),
        ("a: 0o17", "0o17"),
        ("a: [1, b]", [1, "b"]),
        ("a: {b: c}", {"b": "c"}),
        ("a: &x [1]\nb: *x", [1]),
    ],
)
def test_values(text: str, value: Any) -> None:
    """Core-schema scalars; dates stay ISO strings so that their fields are validated later."""
    data = parse(text + "\n").data
    assert list(data.values())[-1] == value


def test_timestamp_stays_a_string() -> None:
    """A date with a time is a string too (the configuration only takes plain dates)."""
    value = parse("a: 2024-11-04 10:30:00\n").data["a"]
    assert isinstance(value, str)
    assert value.startswith("2024-11-04")


def test_byte_order_mark(tmp_path: Path) -> None:
    """A UTF-8 byte order mark (Windows Notepad) is skipped."""
    path = tmp_path / "f.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert load_yaml(path, "f.yaml", ConfigError).data == {"a": 1}


def test_scalar_that_cannot_be_constructed() -> None:
    """An explicit tag on a value that does not fit it is a located error, not a crash."""
    error = refused("a: 1\nb: !!float x\n")
    assert error.message("en").startswith("f.yaml:2:4: ")


# Merge keys -----------------------------------------------------------------------------------


def test_merge_key() -> None:
    """``<<: *anchor`` copies the anchored mapping's keys."""
    assert parse(DOC).data["child"] == {"x": 1, "y": ["a", "b"], "z": ["c"]}


def test_merge_key_overridden() -> None:
    """Keys written next to ``<<`` override the merged ones; that is what merge keys are for."""
    text = "base: &b\n  x: 1\n  y: 2\nchild:\n  <<: *b\n  y: 3\n"
    assert parse(text).data["child"] == {"x": 1, "y": 3}


def test_merge_key_before_its_override_in_any_order() -> None:
    """An explicit key wins over a merged one wherever ``<<`` is written."""
    text = "base: &b\n  y: 2\nchild:\n  y: 3\n  <<: *b\n"
    assert parse(text).data["child"] == {"y": 3}


def test_merge_of_several_mappings() -> None:
    """With ``<<: [*a, *b]`` the first mapping that has a key wins."""
    text = "a: &a {k: 1}\nb: &b {k: 2, m: 3}\nc:\n  <<: [*a, *b]\n"
    assert parse(text).data["c"] == {"k": 1, "m": 3}


def test_merge_of_a_scalar() -> None:
    """Merging something that is not a mapping is a located error in plain words."""
    error = refused("<<: 5\n")
    assert error.code == "error.yaml_syntax"
    assert error.message("en") == (
        "f.yaml:1:5: invalid YAML: "
        "expected a mapping or list of mappings for merging, but found scalar"
    )


# Keys -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: 1\na: 2\n", "f.yaml:2:1: (root): key 'a' appears twice"),
        ("a:\n  b: 1\n  c: 2\n  b: 3\n", "f.yaml:4:3: a: key 'b' appears twice"),
        ("l:\n  - {k: 1, k: 2}\n", "f.yaml:2:12: l[0]: key 'k' appears twice"),
        ("1: a\n'1': b\n", "f.yaml:2:1: (root): key '1' appears twice"),
    ],
)
def test_duplicate_keys(text: str, message: str) -> None:
    """A key written twice in one mapping is an error at the second one."""
    error = refused(text)
    assert error.code == "error.yaml_duplicate_key"
    assert error.message("en") == message


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("1: a\n", "1"),
        ("2024: a\n", "2024"),
        ("1.50: a\n", "1.50"),  # as written, not as the float prints
        ("true: a\n", "true"),  # not Python's 'True'
        ("GOV-01: a\n", "GOV-01"),
    ],
)
def test_keys_that_are_not_strings_are_kept_as_written(text: str, key: str) -> None:
    """Numbers and booleans used as keys become the text the user wrote."""
    assert parse(text).data == {key: "a"}


@pytest.mark.parametrize(
    ("text", "where"),
    [("~: a\n", "f.yaml:1:1"), ("[a]: b\n", "f.yaml:1:1"), ("? {a: 1}\n: b\n", "f.yaml:1:3")],
)
def test_keys_that_cannot_be_text(text: str, where: str) -> None:
    """Null, list and mapping keys are refused."""
    error = refused(text)
    assert error.code == "error.yaml_key_type"
    assert error.message("en") == f"{where}: keys must be strings"


# Refused documents ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: b: c\n", "f.yaml:1:5: invalid YAML: mapping values are not allowed here"),
        ("a: [1, 2\n", "f.yaml:2:1: invalid YAML: expected ',' or ']', but got '<stream end>'"),
        (
            "a:\n\t- b\n",
            "f.yaml:2:1: invalid YAML: found character '\\t' that cannot start any token",
        ),
        (
            "a: 1\n---\nb: 2\n",
            "f.yaml:2:1: invalid YAML: expected a single document in the stream, "
            "but found another document",
        ),
    ],
)
def test_syntax_errors(text: str, message: str) -> None:
    """Syntax errors say where and what, with a hint on indentation and colons."""
    error = refused(text)
    assert error.code == "error.yaml_syntax"
    assert error.message("en") == message
    assert error.hint_text("en") == "check the indentation and colons around that line"
    assert (
        error.hint_text("id") == "periksa indentasi dan tanda titik dua di sekitar baris tersebut"
    )


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a: !!python/object:os.system {}\n", "!!python/object:os.system"),
        ("a: !!python/object/apply:os.system [ls]\n", "!!python/object/apply:os.system"),
        ("a: !!python/name:os.system x\n", "!!python/name:os.system"),
        ("a: !!binary aGVsbG8=\n", "!!binary"),
        ("a: !!set {x, y}\n", "!!set"),
        ("a: !custom x\n", "!custom"),
    ],
)
def test_tags_outside_the_core_schema(text: str, tag: str) -> None:
    """Python and other non-core tags are refused, on scalars, lists and mappings alike."""
    error = refused(text)
    assert error.code == "error.yaml_tag"
    assert error.message("en") == f"f.yaml:1:4: YAML tag '{tag}' is not allowed"


def test_alias_bomb() -> None:
    """Aliases that multiply fail fast once the expanded values pass the limit."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    error = refused("\n".join(lines) + "\n")
    assert error.code == "error.yaml_too_complex"
    assert error.params["limit"] == MAX_VALUES
    assert error.hint_text("en") == "remove the nested aliases (*name) that multiply"


def test_many_values_below_the_limit() -> None:
    """A large but honest document loads."""
    text = "a: [" + ", ".join(["1"] * 10_000) + "]\n"
    assert len(parse(text).data["a"]) == 10_000


def test_deep_nesting() -> None:
    """Nesting deeper than Python's recursion limit is refused, not a RecursionError."""
    error = refused("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert error.code == "error.yaml_too_complex"


def test_errors_have_the_type_asked_for() -> None:
    """The caller chooses the error class (rubric or configuration)."""
    with pytest.raises(RubricError):
        parse_yaml("a: 1\na: 2\n", "r.yaml", RubricError)
    with pytest.raises(ConfigError):
        parse_yaml("a: 1\na: 2\n", "c.yaml", ConfigError)


# Files ----------------------------------------------------------------------------------------


def test_file_too_large(tmp_path: Path) -> None:
    """Files over 2 MiB are refused by size, before they are read."""
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: 1\n" + b"#" * MAX_BYTES)
    with pytest.raises(ConfigError) as info:
        load_yaml(path, "big.yaml", ConfigError)
    assert info.value.code == "error.yaml_too_large"
    assert info.value.message("en") == (
        f"big.yaml: file too large ({MAX_BYTES + 5} bytes; limit {MAX_BYTES})"
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda p: p.write_bytes(b"a: \xff\n"),
            "f.yaml: cannot be read: not UTF-8 (invalid start byte)",
        ),
        (lambda p: None, "f.yaml: cannot be read: No such file or directory"),  # (errno text)
        (lambda p: p.mkdir(), "f.yaml: cannot be read: "),
    ],
    ids=["not-utf8", "missing", "directory"],
)
def test_unreadable_files(make: Any, message: str, tmp_path: Path) -> None:
    """Files that cannot be read say why."""
    path = tmp_path / "f.yaml"
    make(path)
    with pytest.raises(ConfigError) as info:
        load_yaml(path, "f.yaml", ConfigError)
    assert info.value.code == "error.yaml_read"
    assert info.value.message("en").startswith(message)
    assert isinstance(info.value, AuditError)


@pytest.mark.parametrize("name", ["gm100sc", "buleleng", "starter"])
def test_libyaml_and_python_parsers_give_the_same_values_and_positions(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """libyaml is only a faster path: values, value positions and key positions are the same."""
    text = (Path(__file__).resolve().parents[1] / "rubrics" / f"{name}.yaml").read_text("utf-8")
    fast = yamlfile.parse_yaml(text, "r.yaml", RubricError)
    monkeypatch.delattr(yaml, "CSafeLoader")
    slow = yamlfile.parse_yaml(text, "r.yaml", RubricError)
    assert fast == slow


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 5000 + "]" * 5000,  # flow collections
        "- " * 50_000 + "x\n",  # block sequences on one line: no brackets, no new lines
        "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 3000)),  # indented mappings
    ],
    ids=["flow", "block-sequences", "block-mappings"],  # the texts are too long for test ids
)
def test_deeply_nested_yaml_is_too_complex_never_a_crash(text: str) -> None:
    """Nesting deeper than the parsers follow is refused, in a separate process so that a
    crash of libyaml's composer (C stack overflow) would fail the test, not end the run."""
    code = (
        "import sys\n"
        "from smartcity_audit import yamlfile\n"
        "from smartcity_audit.errors import RubricError\n"
        "try:\n"
        "    yamlfile.parse_yaml(sys.stdin.read(), 'r.yaml', RubricError)\n"
        "except RubricError as exc:\n"
        "    print(exc.code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], input=text, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "error.yaml_too_complex"
