"""Load untrusted YAML safely, keeping the line and column of every value for error messages.

Only the YAML core schema is accepted (``yaml.SafeLoader``), files are size-capped, duplicate
keys are errors, and alias expansion is bounded so that an alias bomb fails fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from smartcity_audit.errors import AuditError

MAX_BYTES = 2 * 1024 * 1024
MAX_VALUES = 200_000

YamlPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Located:
    """Parsed YAML with the position of each value and each mapping key (1-based)."""

    data: Any
    source: str  # the file as the user named it
    values: dict[YamlPath, tuple[int, int]]
    keys: dict[YamlPath, tuple[int, int]]

    def where(self, path: YamlPath, *, key: bool = False) -> str:
        """Return ``file:line:col`` of the value (or key) at ``path``, or of its nearest parent."""
        table = self.keys if key else self.values
        probe = path
        while probe not in table and probe:
            probe = probe[:-1]
            table = self.values
        line, column = table.get(probe, (1, 1))
        return f"{self.source}:{line}:{column}"


def format_path(path: YamlPath) -> str:
    """Write a YAML path as ``dimensions[0].requirements[2].severity``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(root)"


class _Builder:
    def __init__(self, source: str, error: type[AuditError]) -> None:
        self.source = source
        self.error = error
        self.count = 0
        self.values: dict[YamlPath, tuple[int, int]] = {}
        self.keys: dict[YamlPath, tuple[int, int]] = {}
        self.scalars = yaml.SafeLoader("")

    def _where(self, node: yaml.Node) -> str:
        return f"{self.source}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"

    def _count(self) -> None:
        self.count += 1
        if self.count > MAX_VALUES:
            raise self.error(
                "error.yaml_too_complex",
                {"where": self.source, "limit": MAX_VALUES},
                hint="hint.yaml_too_complex",
            )

    def _refuse_tag(self, node: yaml.Node, allowed: frozenset[str]) -> None:
        if node.tag not in allowed:
            raise self.error(
                "error.yaml_tag", {"where": self._where(node), "tag": shown_tag(node.tag)}
            )

    def build(self, node: yaml.Node, path: YamlPath) -> Any:
        self._count()
        self.values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            self._refuse_tag(node, _MAP_TAGS)
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            self._refuse_tag(node, _SEQ_TAGS)
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        self._refuse_tag(node, _SCALAR_TAGS)
        if node.tag == _TIMESTAMP:
            # Dates stay text as written; whoever needs a date validates it with a location.
            return node.value
        try:
            return self.scalars.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError) as exc:
            detail = getattr(exc, "problem", None) or str(exc)
            raise self.error(
                "error.yaml_syntax", {"where": self._where(node), "detail": detail}
            ) from exc

    def _mapping(self, node: yaml.MappingNode, path: YamlPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        merges: list[yaml.Node] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merges.append(value_node)
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _CORE + "null":
                raise self.error("error.yaml_key_type", {"where": self._where(key_node)})
            key = str(key_node.value)  # as written: "1.50" stays "1.50", "true" stays "true"
            if key in result:
                raise self.error(
                    "error.yaml_duplicate_key",
                    {"where": self._where(key_node), "path": format_path(path), "key": key},
                )
            key_path = (*path, key)
            self.keys[key_path] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, key_path)
        # Merge keys (<<): written keys win; among merged mappings the first one wins.
        for merge in merges:
            sources = merge.value if isinstance(merge, yaml.SequenceNode) else [merge]
            for source in sources:
                if not isinstance(source, yaml.MappingNode):
                    detail = (
                        "expected a mapping or list of mappings for merging, but found "
                        + type(source).__name__.removesuffix("Node").lower()
                    )
                    raise self.error(
                        "error.yaml_syntax", {"where": self._where(source), "detail": detail}
                    )
                for key, value in self._mapping(source, path).items():
                    result.setdefault(key, value)
        return result


def shown_tag(tag: str) -> str:
    """Show a YAML tag the way it is written (``!!python/name:x``, not the full URI)."""
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


_CORE = "tag:yaml.org,2002:"
_MERGE = _CORE + "merge"
_TIMESTAMP = _CORE + "timestamp"
_MAP_TAGS = frozenset({_CORE + "map"})
_SEQ_TAGS = frozenset({_CORE + "seq"})
_SCALAR_TAGS = frozenset(
    _CORE + name for name in ("str", "int", "float", "bool", "null", "timestamp")
)


def load_yaml(path: Path, source: str, error: type[AuditError]) -> Located:
    """Read and parse ``path``; raise ``error`` (a subclass of ``AuditError``) with its location."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise error("error.yaml_too_large", {"where": source, "size": size, "limit": MAX_BYTES})
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(
            "error.yaml_read", {"where": source, "detail": f"not UTF-8 ({exc.reason})"}
        ) from exc
    except OSError as exc:
        detail = exc.strerror or str(exc)
        raise error("error.yaml_read", {"where": source, "detail": detail}) from exc
    return parse_yaml(text, source, error)


# libyaml's composer recurses in C: text nested deeper than this is composed by the Python
# parser, which fails with a RecursionError instead of overflowing the C stack.
_C_MAX_DEPTH = 200


def _shallow(text: str, loader: type[Any]) -> bool:
    """Tell whether no collection in ``text`` nests deeper than ``_C_MAX_DEPTH``.

    libyaml's parser (unlike its composer) keeps its own stack, so its events can be counted
    safely at any depth.
    """
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > _C_MAX_DEPTH:
                return False
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return True


def _compose(text: str) -> yaml.Node | None:
    """Compose with libyaml when available (several times faster), else in pure Python.

    libyaml words some syntax errors differently, so a document it refuses is parsed again in
    Python, whose messages are the ones users see (and the tests check).
    """
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            if _shallow(text, fast):
                return yaml.compose(text, Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def parse_yaml(text: str, source: str, error: type[AuditError]) -> Located:
    """Parse YAML text; see ``load_yaml``."""
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{source}:{mark.line + 1}:{mark.column + 1}" if mark else source
        problem = exc.problem or ""
        if exc.context and (not problem or problem.startswith("but ")):
            problem = f"{exc.context}, {problem}" if problem else exc.context
        detail = problem or "syntax error"
        raise error(
            "error.yaml_syntax", {"where": where, "detail": detail}, hint="hint.yaml_syntax"
        ) from exc
    except yaml.YAMLError as exc:
        raise error(
            "error.yaml_syntax", {"where": source, "detail": str(exc)}, hint="hint.yaml_syntax"
        ) from exc
    except RecursionError as exc:  # nesting deeper than the parser can follow
        raise error("error.yaml_too_complex", {"where": source, "limit": MAX_VALUES}) from exc
    if node is None:
        return Located(None, source, {}, {})
    builder = _Builder(source, error)
    try:
        data = builder.build(node, ())
    except RecursionError as exc:
        raise error("error.yaml_too_complex", {"where": source, "limit": MAX_VALUES}) from exc
    return Located(data, source, builder.values, builder.keys)
