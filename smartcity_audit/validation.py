"""Validate parsed YAML against a bundled JSON Schema, with messages that say where and how to fix."""

from __future__ import annotations

import difflib
import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from smartcity_audit.errors import AuditError
from smartcity_audit.yamlfile import Located, YamlPath, format_path

_TYPE_NAMES = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
    "array": "list",
    "object": "mapping",
    "null": "null",
}


@cache
def load_schema(name: str) -> dict[str, Any]:
    """Return a bundled JSON Schema by file name."""
    text = resources.files("smartcity_audit.schemas").joinpath(name).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def show(value: Any) -> str:
    """Show a YAML value in a message the way the user wrote it."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return str(value)


def _convert(error: ValidationError, doc: Located, kind: type[AuditError]) -> list[AuditError]:
    """Turn one schema violation into errors that say where, what and how to fix."""
    path: YamlPath = tuple(error.absolute_path)
    shown = format_path(path)
    base = {"where": doc.where(path), "path": shown, "value": show(error.instance)}
    validator = error.validator
    hint: str | None
    if validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        converted = []
        for key in [k for k in error.instance if k not in allowed]:
            params = {"where": doc.where((*path, key), key=True), "path": shown, "key": key}
            suggestion = difflib.get_close_matches(key, allowed, n=1)
            if suggestion:
                hint, hint_params = "hint.did_you_mean", {"suggestion": suggestion[0]}
            else:
                hint, hint_params = "hint.allowed_keys", {"keys": ", ".join(allowed)}
            converted.append(
                kind("error.schema.unknown_key", params, hint=hint, hint_params=hint_params)
            )
        return converted
    if validator == "required":
        # jsonschema reports each missing key separately; its message starts with the key.
        missing = next(
            (
                k
                for k in error.validator_value
                if k not in error.instance and error.message.startswith(repr(k))
            ),
            next(k for k in error.validator_value if k not in error.instance),
        )
        return [kind("error.schema.required", {**base, "key": missing})]
    if validator in ("enum", "const"):
        choices = error.validator_value if validator == "enum" else [error.validator_value]
        return [kind("error.schema.enum", {**base, "choices": ", ".join(str(c) for c in choices)})]
    if validator == "type":
        expected = error.validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        text = " / ".join(_TYPE_NAMES.get(n, n) for n in names)
        scalar = not isinstance(error.instance, (dict, list))
        hint = "hint.quote_value" if "string" in names and scalar else None
        return [kind("error.schema.type", {**base, "expected": text}, hint=hint)]
    if validator in ("minimum", "exclusiveMinimum"):
        return [kind("error.schema.minimum", {**base, "limit": error.validator_value})]
    if validator in ("maximum", "exclusiveMaximum"):
        return [kind("error.schema.maximum", {**base, "limit": error.validator_value})]
    if validator == "minProperties":
        keys = ", ".join(error.schema.get("properties", {}))
        if not keys:
            return [kind("error.schema.empty_mapping", base)]
        return [kind("error.schema.empty_block", {**base, "keys": keys})]
    if validator == "minItems":
        return [kind("error.schema.min_items", base)]
    if validator == "minLength":
        return [kind("error.schema.min_length", base)]
    if validator == "pattern":
        return [kind("error.schema.pattern", {**base, "pattern": error.validator_value})]
    if validator == "dependentRequired":
        key, needs = next((k, v) for k, v in error.validator_value.items() if k in error.instance)
        missing = next(n for n in needs if n not in error.instance)
        params = {
            "where": doc.where((*path, key), key=True),
            "path": format_path((*path, key)),
            "key": key,
            "needed": missing,
        }
        return [kind("error.schema.depends", params)]
    return [kind("error.schema.other", {**base, "detail": error.message})]


def validate(
    doc: Located, schema_name: str, kind: type[AuditError], default_hint: str | None = None
) -> None:
    """Raise ``kind`` listing every schema violation in ``doc``, in the order they stand."""
    validator = Draft202012Validator(load_schema(schema_name))
    converted = [c for e in validator.iter_errors(doc.data) for c in _convert(e, doc, kind)]
    if not converted:
        return
    converted.sort(key=_position)
    first = converted[0]
    raise kind(
        first.code,
        first.params,
        hint=first.hint or default_hint,
        hint_params=first.hint_params,
        details=tuple(converted[1:]),
    )


def _position(error: AuditError) -> tuple[int, int, str]:
    where = str(error.params.get("where", ""))
    parts = where.rsplit(":", 2)
    if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
        return int(parts[1]), int(parts[2]), error.message("en")
    return 0, 0, error.message("en")
