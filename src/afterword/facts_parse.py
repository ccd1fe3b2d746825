"""Parse a facts file's YAML or JSON strictly: a duplicate key, a number too long to be a
number, nesting deeper than any facts file needs, or more values than one holds is refused
with a message naming where, never a traceback or a silent choice."""

from __future__ import annotations

import json
import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode

MAX_DEPTH = 12  # the deepest facts field is 3 levels down; leave room, refuse the absurd
MAX_VALUES = 10_000  # every value counted, aliases included (a "billion laughs" file stops here)
MAX_DIGITS = 30


class Refused(ValueError):
    """The text breaks one of the limits; the message says which and where."""


def parse(text: str) -> Any:
    """Parse JSON (text starting with '{') or YAML under the limits."""
    _bracket_depth(text)
    try:
        if text.lstrip().startswith("{"):
            data = json.loads(
                text, object_pairs_hook=_json_object, parse_int=_json_int, parse_float=_json_float
            )
        else:
            data = yaml.load(text, Loader=_StrictLoader)
    except RecursionError as err:
        raise Refused(f"nested more than {MAX_DEPTH} levels deep") from err
    _walk(data)
    return data


def _bracket_depth(text: str) -> None:
    """Refuse deep [ and { nesting before a recursive parser sees it."""
    depth = deepest = 0
    for m in re.finditer(r"[\[{]|[\]}]", text):
        depth = depth + 1 if m.group() in "[{" else max(0, depth - 1)
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            line = text.count("\n", 0, m.start()) + 1
            raise Refused(f"line {line}: nested more than {MAX_DEPTH} levels deep")


def _walk(data: Any) -> None:
    """Refuse nesting and size beyond the limits, naming the path where it happened."""
    seen = 0
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        seen += 1
        if seen > MAX_VALUES:
            raise Refused(f"more than {MAX_VALUES:,} values; a facts file needs far fewer")
        if depth > MAX_DEPTH:
            raise Refused(f"{path or '(top)'}: nested more than {MAX_DEPTH} levels deep")
        if isinstance(value, dict):
            stack += [(v, f"{path}.{k}" if path else str(k), depth + 1) for k, v in value.items()]
        elif isinstance(value, list):
            stack += [(v, f"{path}[{i}]", depth + 1) for i, v in enumerate(value)]


def _too_long(raw: str) -> bool:
    return sum(c.isdigit() for c in raw) > MAX_DIGITS


def _number_message(raw: str) -> str:
    count = sum(c.isdigit() for c in raw)
    return f"a number of {count:,} digits; Afterword reads numbers of at most {MAX_DIGITS} digits"


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise Refused(f"the key {key!r} is given twice; keep one")
        out[key] = value
    return out


def _json_int(raw: str) -> int:
    if _too_long(raw):
        raise Refused(_number_message(raw))
    return int(raw)


def _json_float(raw: str) -> float:
    if _too_long(raw):
        raise Refused(_number_message(raw))
    return float(raw)


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys and overlong numbers, saying on which line."""

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, ScalarNode):
                key = key_node.value
                if key in seen and key_node.tag != "tag:yaml.org,2002:merge":
                    raise ConstructorError(
                        None,
                        None,
                        f"the key {key!r} is given twice; keep one",
                        key_node.start_mark,
                    )
                seen.add(key)
        return super().construct_mapping(node, deep)

    def construct_yaml_int(self, node: ScalarNode) -> int:
        _yaml_number(node)
        return super().construct_yaml_int(node)

    def construct_yaml_float(self, node: ScalarNode) -> float:
        _yaml_number(node)
        return super().construct_yaml_float(node)


def _yaml_number(node: Node) -> None:
    if isinstance(node.value, str) and _too_long(node.value):
        raise ConstructorError(None, None, _number_message(node.value), node.start_mark)


_StrictLoader.add_constructor("tag:yaml.org,2002:int", _StrictLoader.construct_yaml_int)
_StrictLoader.add_constructor("tag:yaml.org,2002:float", _StrictLoader.construct_yaml_float)
