"""Read ``.smartcity-audit.yaml`` into a validated ``Config``."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from smartcity_audit.errors import AuditError, ConfigError
from smartcity_audit.model import Rubric, Severity, Waiver
from smartcity_audit.validation import validate
from smartcity_audit.yamlfile import Located, YamlPath, format_path, load_yaml

CONFIG_NAMES = (".smartcity-audit.yaml", ".smartcity-audit.yml")
SCHEMA_NAME = "config-1.schema.json"


@dataclass(frozen=True, slots=True)
class Config:
    """Project settings; every field is optional and command-line options override it."""

    source: str | None = None
    base_dir: Path | None = None
    rubric: str | None = None
    as_of: dt.date | None = None
    lang: str | None = None
    exclude: tuple[str, ...] = ()
    fail_under: float | None = None
    fail_on: Severity | None = None
    fail_under_dimension: Mapping[str, float] = field(default_factory=dict)
    waivers: tuple[Waiver, ...] = ()
    evidence: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Where each waiver and pinned requirement id was written, for errors found later.
    locations: Mapping[YamlPath, str] = field(default_factory=dict)


def find_config(root: Path) -> Path | None:
    """Return the configuration file at the scanned root, if there is one."""
    for name in CONFIG_NAMES:
        candidate = root / name
        if candidate.is_file():
            return candidate
    return None


def parse_date(
    value: str, doc: Located, path: YamlPath, error: type[AuditError] = ConfigError
) -> dt.date:
    """Parse a validated YYYY-MM-DD string, rejecting impossible dates such as 2024-02-30."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise error(
            "error.schema.format",
            {
                "where": doc.where(path),
                "path": format_path(path),
                "value": repr(value),
                "format": "YYYY-MM-DD",
            },
        ) from exc


def pinned_path(value: str) -> str | None:
    """Normalise a pinned path to the posix form discovery uses; ``None`` if it leaves the root."""
    text = value.replace("\\", "/").strip()
    if text.startswith("/") or (len(text) > 1 and text[1] == ":"):
        return None
    normalized = posixpath.normpath(text)
    if normalized == ".." or normalized.startswith("../"):
        return None
    return normalized


def load_config(path: Path, label: str) -> Config:
    """Load and validate a configuration file."""
    doc = load_yaml(path, label, ConfigError)
    if doc.data is None:  # an empty file, or only comments
        doc = replace(doc, data={})
    data = doc.data
    if not isinstance(data, dict):
        raise ConfigError("error.not_a_mapping", {"where": label})
    validate(doc, SCHEMA_NAME, ConfigError)
    locations: dict[YamlPath, str] = {}
    waivers = []
    for index, raw in enumerate(data.get("waivers", [])):
        until = (
            parse_date(raw["until"], doc, ("waivers", index, "until")) if "until" in raw else None
        )
        waivers.append(Waiver(raw["requirement"], raw["reason"], raw.get("approved_by"), until))
        locations[("waivers", index, "requirement")] = doc.where(("waivers", index, "requirement"))
    evidence: dict[str, tuple[str, ...]] = {}
    for requirement, files in data.get("evidence", {}).items():
        paths = []
        for index, file in enumerate(files):
            normalized = pinned_path(file)
            if normalized is None:
                where = ("evidence", requirement, index)
                raise ConfigError(
                    "error.pinned_outside",
                    {"where": doc.where(where), "path": format_path(where), "file": file},
                    hint="hint.pinned_outside",
                )
            paths.append(normalized)
        evidence[requirement] = tuple(paths)
        locations[("evidence", requirement)] = doc.where(("evidence", requirement), key=True)
    for dimension in data.get("fail_under_dimension", {}):
        locations[("fail_under_dimension", dimension)] = doc.where(
            ("fail_under_dimension", dimension), key=True
        )
    as_of = parse_date(data["as_of"], doc, ("as_of",)) if "as_of" in data else None
    return Config(
        source=label,
        base_dir=path.parent,
        rubric=data.get("rubric"),
        as_of=as_of,
        lang=data.get("lang"),
        exclude=tuple(data.get("exclude", ())),
        fail_under=float(data["fail_under"]) if "fail_under" in data else None,
        fail_on=Severity(data["fail_on"]) if "fail_on" in data else None,
        fail_under_dimension={k: float(v) for k, v in data.get("fail_under_dimension", {}).items()},
        waivers=tuple(waivers),
        evidence=evidence,
        locations=locations,
    )


def check_against_rubric(config: Config, rubric: Rubric) -> None:
    """Refuse waivers, pins and dimension gates that name what the rubric does not have."""
    known = {r.id for r in rubric.requirements}
    for index, waiver in enumerate(config.waivers):
        if waiver.requirement not in known:
            path: YamlPath = ("waivers", index, "requirement")
            _unknown(config, path, waiver.requirement, rubric, known)
    for requirement in config.evidence:
        if requirement not in known:
            _unknown(config, ("evidence", requirement), requirement, rubric, known)
    dimensions = {d.id for d in rubric.dimensions}
    for dimension in config.fail_under_dimension:
        if dimension not in dimensions:
            path = ("fail_under_dimension", dimension)
            _unknown(config, path, dimension, rubric, dimensions, "error.unknown_dimension")


def _unknown(
    config: Config,
    path: YamlPath,
    identifier: str,
    rubric: Rubric,
    known: set[str],
    code: str = "error.unknown_requirement",
) -> None:
    import difflib

    suggestion = difflib.get_close_matches(identifier, sorted(known), n=1)
    raise ConfigError(
        code,
        {
            "where": config.locations.get(path, config.source or ""),
            "path": format_path(path),
            "id": identifier,
            "rubric": rubric.id,
        },
        hint="hint.did_you_mean" if suggestion else None,
        hint_params={"suggestion": suggestion[0]} if suggestion else None,
    )
