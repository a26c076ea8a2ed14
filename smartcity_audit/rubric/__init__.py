"""Load rubrics: safe YAML, a version gate, schema validation, ``extends`` and bundled lookup."""

from smartcity_audit.rubric.bundled import DEFAULT_RUBRIC, bundled_names, bundled_path
from smartcity_audit.rubric.loader import SCHEMA_NAME, load_rubric, resolve_rubric

__all__ = [
    "DEFAULT_RUBRIC",
    "SCHEMA_NAME",
    "bundled_names",
    "bundled_path",
    "load_rubric",
    "resolve_rubric",
]
