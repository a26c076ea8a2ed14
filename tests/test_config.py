"""Test the project configuration: every key, normalised pinned paths, and exact errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from smartcity_audit.config import (
    CONFIG_NAMES,
    Config,
    check_against_rubric,
    find_config,
    load_config,
    pinned_path,
)
from smartcity_audit.errors import ConfigError
from smartcity_audit.model import Rubric, Severity, Waiver
from smartcity_audit.rubric import load_rubric

NAME = ".smartcity-audit.yaml"

FULL = """\
rubric: starter                 # a bundled rubric name or a path (relative to this file)
as_of: 2024-11-04               # evaluation date for year checks and waiver expiry
lang: id
exclude: ["**/arsip/**", "~$*"]
fail_under: 80
fail_on: critical
waivers:
  - requirement: BRD-01
    reason: Tidak relevan untuk kabupaten ini
    approved_by: Kepala Dinas Kominfo
    until: 2025-06-30
  - requirement: GOV-04
    reason: Dalam proses
evidence:
  GOV-01: ["01-tata-kelola/Masterplan SC 2022-2031.pdf", "./lampiran/a.pdf"]
  GOV-02: ['01-tata-kelola\\Perbup 27 2024.pdf']
"""


def load(tmp_path: Path, text: str) -> Config:
    path = tmp_path / NAME
    path.write_text(text, encoding="utf-8")
    return load_config(path, NAME)


def refused(tmp_path: Path, text: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load(tmp_path, text)
    return info.value


def test_full_configuration(tmp_path: Path) -> None:
    """Every key of README's "Project configuration" is read and typed."""
    config = load(tmp_path, FULL)
    assert config.source == NAME
    assert config.base_dir == tmp_path
    assert config.rubric == "starter"
    assert config.as_of == dt.date(2024, 11, 4)
    assert config.lang == "id"
    assert config.exclude == ("**/arsip/**", "~$*")
    assert config.fail_under == 80.0
    assert config.fail_on is Severity.CRITICAL
    assert config.waivers == (
        Waiver(
            "BRD-01",
            "Tidak relevan untuk kabupaten ini",
            "Kepala Dinas Kominfo",
            dt.date(2025, 6, 30),
        ),
        Waiver("GOV-04", "Dalam proses", None, None),
    )
    assert dict(config.evidence) == {
        "GOV-01": ("01-tata-kelola/Masterplan SC 2022-2031.pdf", "lampiran/a.pdf"),
        "GOV-02": ("01-tata-kelola/Perbup 27 2024.pdf",),
    }
    assert dict(config.locations) == {
        ("waivers", 0, "requirement"): f"{NAME}:8:18",
        ("waivers", 1, "requirement"): f"{NAME}:12:18",
        ("evidence", "GOV-01"): f"{NAME}:15:3",
        ("evidence", "GOV-02"): f"{NAME}:16:3",
    }


def test_quoted_dates(tmp_path: Path) -> None:
    """Dates may be quoted."""
    config = load(tmp_path, 'as_of: "2024-11-04"\n')
    assert config.as_of == dt.date(2024, 11, 4)


def test_defaults(tmp_path: Path) -> None:
    """A configuration with one key leaves every other setting unset."""
    config = load(tmp_path, "lang: en\n")
    assert config == Config(source=NAME, base_dir=tmp_path, lang="en")


def test_empty_configuration(tmp_path: Path) -> None:
    """An empty file (or one with only comments) is a configuration without settings."""
    config = load(tmp_path, "# everything commented out for now\n# fail_under: 80\n")
    assert config == Config(source=NAME, base_dir=tmp_path)


@pytest.mark.parametrize(
    ("given", "normalised"),
    [
        ("a.pdf", "a.pdf"),
        ("./a.pdf", "a.pdf"),
        ("01-tata-kelola\\Masterplan.pdf", "01-tata-kelola/Masterplan.pdf"),
        (".\\02\\b.pdf", "02/b.pdf"),
        ("a/./b//c.pdf", "a/b/c.pdf"),
        ("a/../b.pdf", "b.pdf"),
        (" a.pdf ", "a.pdf"),
        ("../outside.pdf", None),
        ("..", None),
        ("a/../../x.pdf", None),
        ("/abs.pdf", None),
        ("\\abs.pdf", None),
        ("C:/abs.pdf", None),
        ("C:\\abs.pdf", None),
        ("\\\\server\\share\\x.pdf", None),
    ],
)
def test_pinned_path(given: str, normalised: str | None) -> None:
    """Pinned files are posix paths inside the scanned folder."""
    assert pinned_path(given) == normalised


ERRORS = [
    pytest.param(
        "rubric: starter\ncolour: red\n",
        f"{NAME}:2:1: (root): unknown key 'colour'",
        "allowed keys: as_of, evidence, exclude, fail_on, fail_under, fail_under_dimension, lang, rubric, waivers",
        id="unknown-key",
    ),
    pytest.param(
        "fail_undr: 80\n",
        f"{NAME}:1:1: (root): unknown key 'fail_undr'",
        "did you mean 'fail_under'?",
        id="unknown-key-typo",
    ),
    pytest.param(
        "as_of: 2024-02-30\n",
        f"{NAME}:1:8: as_of: '2024-02-30' is not a valid YYYY-MM-DD",
        None,
        id="impossible-date",
    ),
    pytest.param(
        "as_of: '2024-02-30'\n",
        f"{NAME}:1:8: as_of: '2024-02-30' is not a valid YYYY-MM-DD",
        None,
        id="impossible-date-quoted",
    ),
    pytest.param(
        "as_of: 04-11-2024\n",
        f"{NAME}:1:8: as_of: '04-11-2024' does not match the pattern ^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}$",
        None,
        id="date-not-iso",
    ),
    pytest.param(
        "fail_under: 120\n",
        f"{NAME}:1:13: fail_under: 120 is more than the maximum 100",
        None,
        id="fail-under-too-high",
    ),
    pytest.param(
        "fail_under: -1\n",
        f"{NAME}:1:13: fail_under: -1 is less than the minimum 0",
        None,
        id="fail-under-negative",
    ),
    pytest.param(
        "fail_under: '80'\n",
        f"{NAME}:1:13: fail_under: '80' must be of type number",
        None,
        id="fail-under-text",
    ),
    pytest.param(
        "fail_on: high\n",
        f"{NAME}:1:10: fail_on: 'high' is not one of critical, major, minor",
        None,
        id="fail-on-high",
    ),
    pytest.param(
        "lang: fr\n",
        f"{NAME}:1:7: lang: 'fr' is not one of id, en",
        None,
        id="lang",
    ),
    pytest.param(
        "exclude: '**/arsip/**'\n",
        f"{NAME}:1:10: exclude: '**/arsip/**' must be of type list",
        None,
        id="exclude-not-a-list",
    ),
    pytest.param(
        "evidence:\n  GOV-01: ['../outside.pdf']\n",
        f"{NAME}:2:12: evidence.GOV-01[0]: '../outside.pdf' is outside the scanned folder",
        "write paths relative to the scanned folder, e.g. 01-governance/Masterplan.pdf",
        id="pinned-parent",
    ),
    pytest.param(
        "evidence:\n  GOV-01:\n    - a.pdf\n    - /abs.pdf\n",
        f"{NAME}:4:7: evidence.GOV-01[1]: '/abs.pdf' is outside the scanned folder",
        "write paths relative to the scanned folder, e.g. 01-governance/Masterplan.pdf",
        id="pinned-absolute",
    ),
    pytest.param(
        "evidence:\n  GOV-01: []\n",
        f"{NAME}:2:11: evidence.GOV-01: the list must not be empty",
        None,
        id="pinned-empty",
    ),
    pytest.param(
        "waivers:\n  - requirement: BRD-01\n    approved_by: Kepala Dinas\n",
        f"{NAME}:2:5: waivers[0]: required key 'reason' is missing",
        None,
        id="waiver-without-reason",
    ),
    pytest.param(
        "waivers:\n  - requirement: BRD-01\n    reason: ''\n",
        f"{NAME}:3:13: waivers[0].reason: the text must not be empty",
        None,
        id="waiver-empty-reason",
    ),
    pytest.param(
        "waivers:\n  - requirement: BRD-01\n    reason: x\n    until: 2025-13-01\n",
        f"{NAME}:4:12: waivers[0].until: '2025-13-01' is not a valid YYYY-MM-DD",
        None,
        id="waiver-impossible-until",
    ),
    pytest.param(
        "waivers:\n  requirement: BRD-01\n  reason: x\n",
        f"{NAME}:2:3: waivers: a mapping must be of type list",
        None,
        id="waivers-not-a-list",
    ),
    pytest.param(
        "- rubric: starter\n",
        f"{NAME}: the file must contain a mapping (key: value)",
        None,
        id="not-a-mapping",
    ),
    pytest.param(
        "rubric: starter\nrubric: other\n",
        f"{NAME}:2:1: (root): key 'rubric' appears twice",
        None,
        id="duplicate-key",
    ),
]


@pytest.mark.parametrize(("text", "message", "hint"), ERRORS)
def test_refused_configuration(text: str, message: str, hint: str | None, tmp_path: Path) -> None:
    """Each mistake is named with file, line, column and YAML path."""
    error = refused(tmp_path, text)
    assert error.message("en") == message
    assert error.hint_text("en") == hint


def test_refused_configuration_in_indonesian(tmp_path: Path) -> None:
    """Configuration errors are said in Bahasa Indonesia too."""
    error = refused(tmp_path, "evidence:\n  GOV-01: ['../outside.pdf']\n")
    assert error.message("id") == (
        f"{NAME}:2:12: evidence.GOV-01[0]: '../outside.pdf' berada di luar folder yang dipindai"
    )
    assert error.hint_text("id") == (
        "tulis jalur relatif terhadap folder yang dipindai, mis. 01-tata-kelola/Masterplan.pdf"
    )


def test_every_schema_error_is_reported(tmp_path: Path) -> None:
    """Several mistakes are all reported, first by position."""
    error = refused(tmp_path, "lang: fr\nfail_on: high\nfail_under: 120\n")
    assert error.message("en").splitlines() == [
        f"{NAME}:1:7: lang: 'fr' is not one of id, en",
        f"{NAME}:2:10: fail_on: 'high' is not one of critical, major, minor",
        f"{NAME}:3:13: fail_under: 120 is more than the maximum 100",
    ]


# Against the rubric ---------------------------------------------------------------------------

RUBRIC = """\
rubric: 1
id: kota
title: Kota
dimensions:
  - id: gov
    title: Gov
    requirements:
      - id: GOV-01
        title: Masterplan
        match: {path: ["**/*masterplan*"]}
      - id: GOV-02
        title: Perbup
        match: {path: ["**/*perbup*"]}
  - id: brd
    title: Branding
    requirements:
      - id: BRD-01
        title: Branding
        match: {path: ["**/*branding*"]}
"""


@pytest.fixture
def rubric(tmp_path: Path) -> Rubric:
    path = tmp_path / "kota.yaml"
    path.write_text(RUBRIC, encoding="utf-8")
    return load_rubric(str(path))


def test_known_requirements_pass(tmp_path: Path, rubric: Rubric) -> None:
    """Waivers and pinned files that name the rubric's requirements are accepted."""
    config = load(
        tmp_path,
        "waivers:\n  - {requirement: BRD-01, reason: x}\nevidence:\n  GOV-02: [a.pdf]\n",
    )
    check_against_rubric(config, rubric)


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        pytest.param(
            "waivers:\n  - requirement: GOV-1\n    reason: x\n",
            f"{NAME}:2:18: waivers[0].requirement: requirement 'GOV-1' is not in rubric kota",
            "did you mean 'GOV-01'?",
            id="waiver-close",
        ),
        pytest.param(
            "waivers:\n  - requirement: BRD-01\n    reason: x\n"
            "  - requirement: ZZZ-99\n    reason: y\n",
            f"{NAME}:4:18: waivers[1].requirement: requirement 'ZZZ-99' is not in rubric kota",
            None,
            id="waiver-far",
        ),
        pytest.param(
            "evidence:\n  GOV-01: [a.pdf]\n  BRD01: [b.pdf]\n",
            f"{NAME}:3:3: evidence.BRD01: requirement 'BRD01' is not in rubric kota",
            "did you mean 'BRD-01'?",
            id="evidence-close",
        ),
        pytest.param(
            "evidence:\n  SOC-07: [c.pdf]\n",
            f"{NAME}:2:3: evidence.SOC-07: requirement 'SOC-07' is not in rubric kota",
            None,
            id="evidence-far",
        ),
    ],
)
def test_unknown_requirement(
    text: str, message: str, hint: str | None, tmp_path: Path, rubric: Rubric
) -> None:
    """A waiver or pinned file for a requirement the rubric lacks is an error where it is written."""
    config = load(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        check_against_rubric(config, rubric)
    assert info.value.code == "error.unknown_requirement"
    assert info.value.message("en") == message
    assert info.value.hint_text("en") == hint


def test_unknown_requirement_in_indonesian(tmp_path: Path, rubric: Rubric) -> None:
    """The message and the did-you-mean hint are translated."""
    config = load(tmp_path, "waivers:\n  - requirement: GOV-1\n    reason: x\n")
    with pytest.raises(ConfigError) as info:
        check_against_rubric(config, rubric)
    assert info.value.message("id") == (
        f"{NAME}:2:18: waivers[0].requirement: persyaratan 'GOV-1' tidak ada di rubrik kota"
    )
    assert info.value.hint_text("id") == "maksud Anda 'GOV-01'?"


# Finding the file -----------------------------------------------------------------------------


def test_config_names() -> None:
    """Both spellings of the extension are recognised, .yaml first."""
    assert CONFIG_NAMES == (".smartcity-audit.yaml", ".smartcity-audit.yml")


@pytest.mark.parametrize(
    ("present", "found"),
    [
        ([".smartcity-audit.yaml"], ".smartcity-audit.yaml"),
        ([".smartcity-audit.yml"], ".smartcity-audit.yml"),
        ([".smartcity-audit.yml", ".smartcity-audit.yaml"], ".smartcity-audit.yaml"),
        ([], None),
        (["smartcity-audit.yaml", ".smartcity-audit.json"], None),
    ],
)
def test_find_config(present: list[str], found: str | None, tmp_path: Path) -> None:
    """The configuration is looked for at the scanned root."""
    for name in present:
        (tmp_path / name).write_text("lang: en\n", encoding="utf-8")
    result = find_config(tmp_path)
    assert result == (tmp_path / found if found else None)


def test_find_config_ignores_a_folder(tmp_path: Path) -> None:
    """A folder that happens to have the name is not a configuration."""
    (tmp_path / ".smartcity-audit.yaml").mkdir()
    assert find_config(tmp_path) is None


def test_find_config_only_at_the_root(tmp_path: Path) -> None:
    """A configuration in a subfolder is not the root's configuration."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".smartcity-audit.yaml").write_text("lang: en\n", encoding="utf-8")
    assert find_config(tmp_path) is None
