"""Turn rubric YAML into a validated, immutable ``Rubric``.

A file is checked on its own first (YAML, format version, JSON Schema, unique ids, non-empty
``match`` blocks, valid globs), so every error names the file that holds the mistake. Then
``extends`` is applied: dimensions merge by id, requirements override by id, and ``remove``
drops inherited requirements or dimensions.
"""

from __future__ import annotations

import copy
import math
import os
from pathlib import Path
from typing import Any

from smartcity_audit.errors import RubricError
from smartcity_audit.globs import GlobError, compile_glob
from smartcity_audit.model import (
    Component,
    Dimension,
    DocFormat,
    DocKind,
    Match,
    Reason,
    Require,
    Requirement,
    Rubric,
    Severity,
    Text,
    YearRule,
)
from smartcity_audit.rubric.bundled import bundled_names, bundled_path
from smartcity_audit.validation import show, validate
from smartcity_audit.yamlfile import Located, format_path, load_yaml

FORMAT_VERSION = 1
SCHEMA_NAME = "rubric-1.schema.json"
_MATCH_HITS = ("path", "dimension_folder", "title_any", "title_all", "text_any", "text_all")
_MAX_EXTENDS_DEPTH = 10


def resolve_rubric(name: str, base_dir: Path | None = None) -> tuple[Path, str]:
    """Find a rubric by path (relative to ``base_dir``) or bundled name; return file and label."""
    candidate = Path(name)
    if not candidate.is_absolute() and base_dir is not None:
        candidate = base_dir / candidate
    if candidate.is_file():
        return candidate, _label(candidate, name)
    bundled = bundled_path(name)
    if bundled is not None:
        return bundled, f"{name}.yaml"
    raise RubricError(
        "error.unknown_rubric",
        {"name": name},
        hint="hint.unknown_rubric",
        hint_params={"available": ", ".join(bundled_names()) or "-"},
    )


def _label(path: Path, given: str) -> str:
    if Path(given).is_absolute():
        return given
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def load_rubric(name: str, base_dir: Path | None = None) -> Rubric:
    """Load, validate and build a rubric given as a bundled name or a path."""
    path, label = resolve_rubric(name, base_dir)
    raw = _load_raw(path, label, ())
    return _build(raw, label)


def _load_raw(path: Path, label: str, chain: tuple[str, ...]) -> dict[str, Any]:
    real = os.path.realpath(path)
    if real in chain or len(chain) >= _MAX_EXTENDS_DEPTH:
        names = [Path(p).name for p in (*chain, real)]
        raise RubricError("error.extends_cycle", {"where": label, "chain": " -> ".join(names)})
    doc = load_yaml(path, label, RubricError)
    data = doc.data
    if not isinstance(data, dict):
        raise RubricError("error.not_a_mapping", {"where": label}, hint="hint.rubric_schema")
    version = data.get("rubric")
    if "rubric" in data and version != FORMAT_VERSION:
        raise RubricError(
            "error.rubric_version",
            {"where": doc.where(("rubric",)), "version": show(version)},
            hint="hint.rubric_version",
        )
    validate(doc, SCHEMA_NAME, RubricError, "hint.rubric_schema")
    _check_file(doc)
    if "extends" not in data:
        _check_complete(doc, data)
        return data
    parent_path, parent_label = _resolve_parent(data["extends"], path, doc)
    parent = _load_raw(parent_path, parent_label, (*chain, real))
    return _merge(parent, data, doc)


def _resolve_parent(extends: str, path: Path, doc: Located) -> tuple[Path, str]:
    try:
        return resolve_rubric(extends, path.parent)
    except RubricError as exc:
        raise RubricError(
            "error.extends_unknown",
            {"where": doc.where(("extends",)), "name": extends},
            hint=exc.hint,
            hint_params=exc.hint_params,
        ) from exc


def _check_file(doc: Located) -> None:
    """Check what the schema cannot: unique ids, non-empty match blocks, valid globs."""
    seen: dict[str, str] = {}

    def claim(identifier: str, path: tuple[str | int, ...]) -> None:
        shown = format_path(path)
        if identifier in seen:
            raise RubricError(
                "error.duplicate_id",
                {
                    "where": doc.where(path),
                    "path": shown,
                    "id": identifier,
                    "other": seen[identifier],
                },
                hint="hint.duplicate_id",
            )
        seen[identifier] = shown

    for d_index, dimension in enumerate(doc.data.get("dimensions", [])):
        claim(dimension["id"], ("dimensions", d_index, "id"))
        for f_index, pattern in enumerate(dimension.get("folders", [])):
            _check_glob(doc, pattern, ("dimensions", d_index, "folders", f_index))
        _check_finite(doc, dimension, ("dimensions", d_index))
        for r_index, requirement in enumerate(dimension.get("requirements", [])):
            base = ("dimensions", d_index, "requirements", r_index)
            claim(requirement["id"], (*base, "id"))
            _check_finite(doc, requirement, base)
            match = requirement["match"]
            if not any(match.get(key) for key in _MATCH_HITS):
                raise RubricError(
                    "error.schema.empty_block",
                    {
                        "where": doc.where((*base, "match")),
                        "path": format_path((*base, "match")),
                        "keys": ", ".join(_MATCH_HITS),
                    },
                    hint="hint.rubric_schema",
                )
            for g_index, pattern in enumerate(match.get("path", [])):
                _check_glob(doc, pattern, (*base, "match", "path", g_index))


def _check_glob(doc: Located, pattern: str, where: tuple[str | int, ...]) -> None:
    try:
        compile_glob(pattern)
    except GlobError as exc:
        raise RubricError(
            "error.bad_glob",
            {
                "where": doc.where(where),
                "path": format_path(where),
                "pattern": pattern,
                "problem": Reason(exc.code),
            },
        ) from exc


def _check_finite(doc: Located, block: dict[str, Any], path: tuple[str | int, ...]) -> None:
    """Refuse a NaN weight: the schema's bounds cannot, since NaN compares false with anything."""
    weight = block.get("weight")
    if isinstance(weight, float) and not math.isfinite(weight):
        where = (*path, "weight")
        raise RubricError(
            "error.not_finite",
            {"where": doc.where(where), "path": format_path(where), "value": show(weight)},
        )


def _check_complete(doc: Located, data: dict[str, Any]) -> None:
    """A rubric that extends nothing needs titles on all dimensions and some requirements."""
    for d_index, dimension in enumerate(data.get("dimensions", [])):
        if "title" not in dimension:
            path = ("dimensions", d_index)
            raise RubricError(
                "error.schema.required",
                {"where": doc.where(path), "path": format_path(path), "key": "title"},
                hint="hint.rubric_schema",
            )
    if not any(d.get("requirements") for d in data.get("dimensions", [])):
        raise RubricError("error.rubric_empty", {"where": doc.source}, hint="hint.rubric_schema")


def _merge(parent: dict[str, Any], child: dict[str, Any], doc: Located) -> dict[str, Any]:
    merged = copy.deepcopy(parent)
    for key in ("id", "title", "description", "version", "language"):
        if key in child:
            merged[key] = child[key]
    merged.pop("extends", None)
    dimensions: list[dict[str, Any]] = merged.setdefault("dimensions", [])

    for index, identifier in enumerate(child.get("remove", [])):
        found = False
        for dimension in list(dimensions):
            if dimension["id"] == identifier:
                dimensions.remove(dimension)
                found = True
            requirements = dimension.get("requirements", [])
            kept = [r for r in requirements if r["id"] != identifier]
            found = found or len(kept) != len(requirements)
            dimension["requirements"] = kept
        if not found:
            path = ("remove", index)
            raise RubricError(
                "error.remove_unknown",
                {"where": doc.where(path), "path": format_path(path), "id": identifier},
            )

    for d_index, child_dimension in enumerate(child.get("dimensions", [])):
        target = next((d for d in dimensions if d["id"] == child_dimension["id"]), None)
        if target is None:
            if "title" not in child_dimension:
                path = ("dimensions", d_index)
                raise RubricError(
                    "error.dimension_without_title",
                    {
                        "where": doc.where(path),
                        "path": format_path(path),
                        "id": child_dimension["id"],
                    },
                )
            target = {"id": child_dimension["id"], "requirements": []}
            dimensions.append(target)
        for key in ("title", "description", "weight", "folders"):
            if key in child_dimension:
                target[key] = child_dimension[key]
        for requirement in child_dimension.get("requirements", []):
            _override(dimensions, target, requirement)
    return merged


def _override(
    dimensions: list[dict[str, Any]], target: dict[str, Any], requirement: dict[str, Any]
) -> None:
    """Replace an inherited requirement of the same id in place, or add a new one."""
    own = target.setdefault("requirements", [])
    for index, existing in enumerate(own):
        if existing["id"] == requirement["id"]:
            own[index] = requirement
            return
    for dimension in dimensions:  # moved here from another dimension
        if dimension is not target:
            dimension["requirements"] = [
                r for r in dimension.get("requirements", []) if r["id"] != requirement["id"]
            ]
    own.append(requirement)


def _text(value: Any, language: str) -> Text:
    if isinstance(value, str):
        return Text(value, {language: value})
    translations = {k: v for k, v in value.items() if v}
    default = translations.get(language) or next(iter(translations.values()))
    return Text(default, translations)


def _build(raw: dict[str, Any], label: str) -> Rubric:
    language = raw.get("language", "id")
    for dimension in raw.get("dimensions", []):
        for requirement in dimension.get("requirements", []):
            if requirement["match"].get("dimension_folder") and not dimension.get("folders"):
                raise RubricError(
                    "error.no_folders",
                    {"where": label, "id": requirement["id"], "dimension": dimension["id"]},
                    hint="hint.no_folders",
                )
    dimensions: list[Dimension] = []
    for dimension in raw.get("dimensions", []):
        requirements = tuple(
            _requirement(r, dimension["id"], language) for r in dimension.get("requirements", [])
        )
        description = dimension.get("description")
        dimensions.append(
            Dimension(
                id=dimension["id"],
                title=_text(dimension["title"], language),
                weight=float(dimension.get("weight", 1)),
                requirements=requirements,
                folders=tuple(dimension.get("folders", ())),
                description=_text(description, language) if description else None,
            )
        )
    return Rubric(
        id=raw["id"],
        title=_text(raw["title"], language),
        version=str(raw.get("version", "")),
        language=language,
        dimensions=tuple(d for d in dimensions if d.requirements),
        source=label,
    )


def _requirement(raw: dict[str, Any], dimension: str, language: str) -> Requirement:
    match = raw["match"]
    require = raw.get("require", {})
    year = require.get("year")
    description = raw.get("description")
    return Requirement(
        id=raw["id"],
        dimension=dimension,
        title=_text(raw["title"], language),
        description=_text(description, language) if description else None,
        severity=Severity(raw.get("severity", "major")),
        weight=float(raw.get("weight", 1)),
        min_documents=int(raw.get("min_documents", 1)),
        group=raw.get("group"),
        component=Component(raw["component"]) if "component" in raw else None,
        tags=tuple(raw.get("tags", ())),
        match=Match(
            path=tuple(match.get("path", ())),
            title_any=tuple(match.get("title_any", ())),
            title_all=tuple(match.get("title_all", ())),
            text_any=tuple(match.get("text_any", ())),
            text_all=tuple(match.get("text_all", ())),
            formats=tuple(DocFormat(f) for f in match.get("formats", ())),
            kinds=tuple(DocKind(k) for k in match.get("kinds", ())),
            not_kinds=tuple(DocKind(k) for k in match.get("not_kinds", ())),
            dimension_folder=bool(match.get("dimension_folder", False)),
            all=bool(match.get("all", False)),
        ),
        require=Require(
            sections=tuple(require.get("sections", ())),
            text_all=tuple(require.get("text_all", ())),
            text_any=tuple(require.get("text_any", ())),
            text_none=tuple(require.get("text_none", ())),
            min_pages=require.get("min_pages"),
            min_words=require.get("min_words"),
            year=YearRule(**year) if year else None,
            signed=require.get("signed"),
        ),
    )
