"""Test the rubric loader: refused files and their messages, ``extends``, bundled rubrics.

The behaviour lives in YAML case files next to this module (``cases/``): ``errors.yaml`` holds
rubrics that must be refused with their exact messages, ``multi_errors.yaml`` files with several
errors, ``extends.yaml`` parent and child rubrics with the merged result or the error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartcity_audit.errors import AuditError, RubricError
from smartcity_audit.model import Rubric, Severity
from smartcity_audit.rubric import DEFAULT_RUBRIC, bundled_names, bundled_path, load_rubric
from smartcity_audit.yamlfile import MAX_BYTES

CASES = Path(__file__).resolve().parent / "cases"


def _cases(name: str, key: str | None = None) -> list[Any]:
    data = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    cases: list[dict[str, Any]] = data[key] if key else data
    return [pytest.param(case, id=case["name"]) for case in cases]


def _write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _load_error(text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> RubricError:
    (tmp_path / "rubric.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RubricError) as info:
        load_rubric("rubric.yaml")
    return info.value


def _hint(text: str | None) -> str | None:
    """Fill ``{bundled}`` in an expected hint with the names of the bundled rubrics."""
    return text.replace("{bundled}", ", ".join(bundled_names())) if text else text


def _position(message: str) -> tuple[int, int]:
    _, line, column = message.split(": ", 1)[0].rsplit(":", 2)
    return int(line), int(column)


VALID = """\
rubric: 1
id: t
title: T
dimensions:
  - id: gov
    title: Gov
    requirements:
      - id: GOV-01
        title: Masterplan
        match:
          path: ["**/*masterplan*"]
"""


# Refused rubrics ------------------------------------------------------------------------------


@pytest.mark.parametrize("case", _cases("errors.yaml"))
def test_refused_rubric(
    case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each refused rubric names file, line, column and YAML path, with the expected hint."""
    error = _load_error(case["rubric"], tmp_path, monkeypatch)
    assert error.message("en") == case["error_en"]
    assert error.hint_text("en") == case["hint_en"]
    if "code" in case:
        assert error.code == case["code"]
    if "error_id" in case:
        assert error.message("id") == case["error_id"]


def test_indonesian_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Errors are said in Bahasa Indonesia too, hint included."""
    text = VALID.replace("title: Masterplan", "title: Masterplan\n        severity: high")
    error = _load_error(text, tmp_path, monkeypatch)
    assert error.message("id") == (
        "rubric.yaml:10:19: dimensions[0].requirements[0].severity: "
        "'high' bukan salah satu dari critical, major, minor"
    )
    assert error.hint_text("id") == "lihat skema lengkap dengan: smartcity-audit rubric schema"


@pytest.mark.parametrize("case", _cases("multi_errors.yaml"))
def test_every_error_is_listed_in_position_order(
    case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file with several errors reports all of them (``details``), sorted by position."""
    error = _load_error(case["rubric"], tmp_path, monkeypatch)
    messages = error.message("en").splitlines()
    assert messages[1:] == [detail.message("en") for detail in error.details]
    positions = [_position(m) for m in messages]
    assert positions == sorted(positions)
    if case["ordered"]:
        assert messages == case["errors_en"]
    else:
        assert sorted(messages) == sorted(case["errors_en"])


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rubric over 2 MiB is refused before it is parsed."""
    text = VALID + "# " + "x" * MAX_BYTES + "\n"
    error = _load_error(text, tmp_path, monkeypatch)
    size = len(text.encode("utf-8"))
    assert MAX_BYTES == 2 * 1024 * 1024
    assert error.code == "error.yaml_too_large"
    assert error.message("en") == f"rubric.yaml: file too large ({size} bytes; limit {MAX_BYTES})"


def test_file_at_the_size_limit_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Exactly 2 MiB is still allowed."""
    padding = MAX_BYTES - len(VALID.encode("utf-8")) - 3
    (tmp_path / "rubric.yaml").write_text(VALID + "# " + "x" * padding + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert (tmp_path / "rubric.yaml").stat().st_size == MAX_BYTES
    assert load_rubric("rubric.yaml").id == "t"


def test_deep_nesting_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Deeply nested flow lists give a rubric error, not a RecursionError."""
    text = VALID.replace("title: T", "title: " + "[" * 5000 + "]" * 5000)
    error = _load_error(text, tmp_path, monkeypatch)
    assert error.code == "error.yaml_too_complex"


@pytest.mark.parametrize("weight", [".nan", ".inf", "1" + "0" * 400], ids=["nan", "inf", "1e400"])
def test_weight_must_be_a_finite_number(
    weight: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A weight of NaN, infinity or beyond a float is refused, not stored or crashed on."""
    text = VALID.replace("    title: Gov", f"    title: Gov\n    weight: {weight}")
    _load_error(text, tmp_path, monkeypatch)


def test_remove_without_extends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``remove`` without ``extends`` removes nothing, so it is an error, not silently ignored."""
    text = VALID.replace("title: T", "title: T\nremove: [GOV-01]")
    error = _load_error(text, tmp_path, monkeypatch)
    assert error.message("en").startswith("rubric.yaml:")
    assert "remove" in error.message("en")


def test_no_hint_on_unknown_key_of_unrelated_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a close match the hint lists the allowed keys of that mapping."""
    text = VALID.replace("        match:", "        frobnicate: 1\n        match:")
    error = _load_error(text, tmp_path, monkeypatch)
    assert error.message("en") == (
        "rubric.yaml:10:9: dimensions[0].requirements[0]: unknown key 'frobnicate'"
    )
    assert error.hint_text("en") == (
        "allowed keys: component, description, group, id, match, min_documents, require, severity, tags, "
        "title, weight"
    )


# A valid rubric -------------------------------------------------------------------------------


FULL = """\
rubric: 1
id: gm100sc
title: {id: Rubrik lengkap, en: Full rubric}
description: Semua kunci.
version: "2024.2"
language: id
dimensions:
  - id: governance
    title: {id: Tata kelola, en: Governance}
    description: {en: How the city is run}
    weight: 2.5
    requirements:
      - id: GOV-01
        title: Masterplan Smart City (Buku II)
        description: Rencana induk smart city, selaras RPJMD.
        severity: critical
        weight: 3
        min_documents: 2
        group: kebijakan publik
        tags: [inti, buku-2]
        match:
          path: ["**/*masterplan*", "**/buku*2*"]
          title_any: ["masterplan smart city"]
          text_any: ["rencana induk kota cerdas"]
          text_all: []
          formats: [pdf, docx]
          all: true
        require:
          sections: ["Visi dan Misi", "Strategi"]
          text_all: ["RPJMD"]
          text_any: ["smart city"]
          text_none: ["DRAFT", "KONSEP"]
          min_pages: 20
          min_words: 3000
          year: {min: 2021, max: 2030, within_years: 5}
          signed: true
      - id: GOV-02
        title: Perbup
        match: {title_any: ["peraturan bupati"]}
"""


def test_full_rubric(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every key of the format is read into the model, with defaults where absent."""
    (tmp_path / "rubric.yaml").write_text(FULL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rubric = load_rubric("rubric.yaml")
    assert (rubric.id, rubric.version, rubric.language, rubric.source) == (
        "gm100sc",
        "2024.2",
        "id",
        "rubric.yaml",
    )
    assert rubric.title.get("id") == "Rubrik lengkap"
    assert rubric.title.get("en") == "Full rubric"
    (dimension,) = rubric.dimensions
    assert dimension.weight == 2.5
    assert dimension.title.get("en") == "Governance"
    assert dimension.description is not None
    assert dimension.description.get("en") == "How the city is run"
    first, second = dimension.requirements
    assert first.dimension == "governance"
    assert first.severity is Severity.CRITICAL
    assert (first.weight, first.min_documents, first.group) == (3.0, 2, "kebijakan publik")
    assert first.tags == ("inti", "buku-2")
    assert first.match.path == ("**/*masterplan*", "**/buku*2*")
    assert [f.value for f in first.match.formats] == ["pdf", "docx"]
    assert first.match.all is True
    assert first.require.sections == ("Visi dan Misi", "Strategi")
    assert first.require.text_none == ("DRAFT", "KONSEP")
    assert (first.require.min_pages, first.require.min_words) == (20, 3000)
    assert first.require.year is not None
    assert (first.require.year.min, first.require.year.max) == (2021, 2030)
    assert first.require.year.within_years == 5
    assert first.require.signed is True
    # Defaults.
    assert second.severity is Severity.MAJOR
    assert (second.weight, second.min_documents, second.group, second.tags) == (1.0, 1, None, ())
    assert second.description is None
    assert second.require.year is None
    assert second.require.signed is None
    assert rubric.requirement("GOV-02") is second
    assert rubric.requirement("GOV-99") is None


def test_titles_per_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``title: {id: ..., en: ...}`` gives each language its text; a plain title is the default."""
    text = VALID.replace("title: T", "title: T\nlanguage: en").replace(
        "title: Masterplan", "title: {id: Rencana induk, en: Master plan}"
    )
    (tmp_path / "rubric.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rubric = load_rubric("rubric.yaml")
    (requirement,) = rubric.requirements
    assert requirement.title.get("en") == "Master plan"
    assert requirement.title.get("id") == "Rencana induk"
    assert requirement.title.default == "Master plan"  # the rubric's language
    assert rubric.title.get("en") == "T"
    assert rubric.title.get("id") == "T"  # only one text: used for every language


def test_title_in_one_language_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A title given only in the other language is used as the default."""
    text = VALID.replace("title: Masterplan", "title: {en: Master plan}")
    (tmp_path / "rubric.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (requirement,) = load_rubric("rubric.yaml").requirements
    assert requirement.title.get("id") == "Master plan"
    assert requirement.title.get("en") == "Master plan"


def test_label_of_an_absolute_path(tmp_path: Path) -> None:
    """A rubric given by absolute path is named by that path in the rubric and its errors."""
    path = tmp_path / "rubric.yaml"
    path.write_text(VALID.replace("GOV-01", "GOV 01"), encoding="utf-8")
    with pytest.raises(RubricError) as info:
        load_rubric(str(path))
    assert info.value.message("en").startswith(f"{path}:8:13: ")


def test_path_relative_to_base_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``base_dir`` resolves a relative rubric path (as a configuration file does)."""
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "my.yaml").write_text(VALID, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rubric = load_rubric("my.yaml", base_dir=tmp_path / "project")
    assert rubric.source == "project/my.yaml"


# extends --------------------------------------------------------------------------------------


def _summary(rubric: Rubric) -> dict[str, Any]:
    return {
        "id": rubric.id,
        "title": rubric.title.default,
        "version": rubric.version,
        "language": rubric.language,
        "dimensions": [
            {
                "id": d.id,
                "title": d.title.default,
                "weight": d.weight,
                "requirements": [
                    f"{r.id} [{r.severity.value}] {r.title.default}" for r in d.requirements
                ],
            }
            for d in rubric.dimensions
        ],
    }


@pytest.mark.parametrize("case", _cases("extends.yaml", "cases"))
def test_extends(case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Dimensions merge by id, requirements override by id, ``remove`` drops; or the error."""
    _write(tmp_path, case["files"])
    monkeypatch.chdir(tmp_path)
    if "expect" in case:
        summary = _summary(load_rubric(case["load"]))
        assert {key: summary[key] for key in case["expect"]} == case["expect"]
        return
    with pytest.raises(RubricError) as info:
        load_rubric(case["load"])
    assert info.value.message("en") == case["error_en"]
    assert info.value.hint_text("en") == _hint(case["hint_en"])
    if "code" in case:
        assert info.value.code == case["code"]


def test_extends_a_bundled_rubric(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``extends: starter`` finds the bundled rubric, whatever the current folder."""
    monkeypatch.chdir(tmp_path)
    starter = load_rubric("starter")
    dimension = starter.dimensions[0]
    removed = dimension.requirements[0].id
    (tmp_path / "mine.yaml").write_text(
        "rubric: 1\nid: mine\ntitle: Mine\nextends: starter\n"
        f"remove: [{removed}]\n"
        f"dimensions:\n  - id: {dimension.id}\n    weight: 7\n",
        encoding="utf-8",
    )
    mine = load_rubric("mine.yaml")
    assert mine.id == "mine"
    assert mine.source == "mine.yaml"
    assert mine.language == starter.language
    assert mine.version == starter.version  # inherited unless the child gives its own
    assert [r.id for r in mine.requirements] == [
        r.id for r in starter.requirements if r.id != removed
    ]
    assert mine.dimensions[0].id == dimension.id
    assert mine.dimensions[0].weight == 7.0
    assert mine.dimensions[0].title == dimension.title


def test_child_language_applies_to_its_own_titles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A child may set its own language and per-language title."""
    _write(
        tmp_path,
        {
            "parent.yaml": VALID.replace("title: T", "title: T\nlanguage: id"),
            "child.yaml": "rubric: 1\nid: c\ntitle: {id: Anak, en: Child}\nlanguage: en\n"
            "extends: parent.yaml\ndimensions: []\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    rubric = load_rubric("child.yaml")
    assert rubric.language == "en"
    assert rubric.title.default == "Child"
    assert rubric.title.get("id") == "Anak"


# Bundled rubrics ------------------------------------------------------------------------------


def test_bundled_names() -> None:
    """The default rubric is bundled, and names are sorted."""
    names = bundled_names()
    assert DEFAULT_RUBRIC == "gm100sc"
    assert {"gm100sc", "buleleng", "starter"} <= set(names)
    assert names == sorted(names)


@pytest.mark.parametrize("name", bundled_names())
def test_every_bundled_rubric_loads(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every bundled rubric is valid and found by name from any folder."""
    monkeypatch.chdir(tmp_path)
    rubric = load_rubric(name)
    assert rubric.source == f"{name}.yaml"
    assert rubric.requirements
    ids = [r.id for r in rubric.requirements]
    assert len(ids) == len(set(ids))


def test_starter_from_another_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``load_rubric("starter")`` does not depend on the current folder."""
    monkeypatch.chdir(tmp_path)
    rubric = load_rubric("starter")
    assert rubric.id == "starter"
    assert rubric.source == "starter.yaml"
    assert rubric.title.get("en") == "Starter rubric - core Smart City documents"


@pytest.mark.parametrize("name", ["nope", "", "../starter", "starter.yaml", ".hidden", "a/b"])
def test_bundled_path_refuses_what_is_not_a_name(name: str) -> None:
    """Only plain names find bundled rubrics."""
    assert bundled_path(name) is None


def test_unknown_rubric(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unknown name says so and lists the bundled rubrics."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RubricError) as info:
        load_rubric("nope")
    assert info.value.code == "error.unknown_rubric"
    assert info.value.message("en") == (
        "rubric 'nope' not found (neither a bundled rubric nor a file)"
    )
    available = ", ".join(bundled_names())
    assert "starter" in available
    assert info.value.hint_text("en") == (
        f"bundled rubrics: {available}; or give the path of a .yaml file"
    )
    assert info.value.hint_text("id") == (
        f"rubrik bawaan: {available}; atau berikan jalur ke berkas .yaml"
    )


def test_a_file_shadows_a_bundled_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A path that exists wins over a bundled rubric of the same name."""
    (tmp_path / "starter").write_text(VALID, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert load_rubric("starter").id == "t"


# Property: any YAML document loads or is refused with a RubricError ----------------------------


_KEYS = st.sampled_from(
    [
        "rubric", "id", "title", "version", "language", "extends", "remove", "dimensions",
        "requirements", "match", "require", "path", "title_any", "text_all", "year", "min",
        "weight", "severity", "formats", "all", "signed", "min_pages", "en",
    ]
) | st.text(min_size=0, max_size=6)  # fmt: skip
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**6), max_value=10**6)
    | st.sampled_from(["1", "critical", "pdf", "**/*x*", "[abc", "a**b", "GOV-01", "starter"])
    | st.text(st.characters(exclude_categories=("Cs",)), max_size=8)
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=5),
    max_leaves=20,
)


@st.composite
def _rubric_like(draw: st.DrawFn) -> Any:
    """A valid rubric with one value replaced by something random, or a random document."""
    if draw(st.booleans()):
        return draw(_VALUES)
    data: dict[str, Any] = yaml.safe_load(FULL)
    paths: list[tuple[Any, Any]] = []

    def walk(node: Any) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            paths.append((node, key))
            if isinstance(value, (dict, list)):
                walk(value)

    walk(data)
    node, key = draw(st.sampled_from(paths))
    node[key] = draw(_VALUES)
    return data


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(document=_rubric_like())
def test_any_document_loads_or_is_a_rubric_error(
    document: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loading never fails with anything but ``RubricError``."""
    (tmp_path / "rubric.yaml").write_text(
        yaml.safe_dump(document, allow_unicode=True), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    try:
        rubric = load_rubric("rubric.yaml")
    except RubricError as error:
        assert isinstance(error, AuditError)
        assert error.message("en")
        assert error.message("id")
    else:
        assert rubric.requirements
