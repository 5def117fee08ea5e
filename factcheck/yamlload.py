"""YAML for files a user (or a pull request) writes: rule files and ``.factcheck.yaml``, bounded in time and memory.

PyYAML composes aliases as shared nodes, so a 272-byte "billion laughs" file composes in microseconds, but
everything that walks the data afterwards (validation, merging, the checks) sees it expanded: 1.5 GB and
seconds for a few hundred bytes, a crash two levels later. And its composer recurses once per level of
nesting, so 600 nested ``[`` end in a RecursionError.

``compose`` builds the node graph from the parser's events with an explicit stack and counts, as each node
is composed, what it will cost expanded: every alias adds the size of the value it repeats. Past
``max_nodes`` values, ``max_depth`` levels (aliases included) or at an alias inside its own anchor (a
recursive alias), it stops with a ``YamlLimitError`` whose mark gives the line and column where the limit
was crossed. The limits are far above what any rule file needs (the shipped ones hold a few thousand
values, at most 7 deep).
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_NODES = 100_000
MAX_DEPTH = 64


class YamlLimitError(yaml.MarkedYAMLError):
    """The file is valid YAML but over a limit (size once expanded, depth, a recursive alias)."""


def loader_class() -> type:
    """The safe loader: libyaml's when installed (several times faster), else PyYAML's."""
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _limit(problem: str, event: Any) -> YamlLimitError:
    return YamlLimitError(None, None, problem, event.start_mark)


def _too_many(max_nodes: int, event: Any) -> YamlLimitError:
    return _limit(f"more than {max_nodes:,} values once aliases are expanded (far more than a rule or "
                  "configuration file needs: an alias bomb?)", event)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return list(node.value)


def compose(loader: Any, max_nodes: int = MAX_NODES, max_depth: int = MAX_DEPTH) -> yaml.Node | None:
    """The single document of ``loader``'s stream as a node graph (None for an empty stream).

    Raises ``yaml.YAMLError`` for text that is not YAML, ``YamlLimitError`` for YAML over the limits."""
    loader.get_event()  # stream start
    if loader.check_event(yaml.StreamEndEvent):
        loader.get_event()
        return None
    loader.get_event()  # document start
    anchors: dict[str, yaml.Node] = {}
    size: dict[int, int] = {}  # id(node) -> values it stands for, expanded
    height: dict[int, int] = {}  # id(node) -> levels it spans, expanded
    total = 0
    stack: list[tuple[yaml.Node, list[yaml.Node]]] = []  # open collections; a mapping's pending key
    while True:
        event = loader.get_event()
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in anchors:
                raise yaml.composer.ComposerError(None, None, f"found undefined alias {event.anchor!r}",
                                                  event.start_mark)
            node = anchors[event.anchor]
            if id(node) not in size:
                raise _limit(f"recursive alias *{event.anchor}: it refers to a value that contains it", event)
            total += size[id(node)]
            if len(stack) + height[id(node)] > max_depth:
                raise _limit(f"nested more than {max_depth} levels deep (counting what aliases repeat)", event)
        elif isinstance(event, yaml.ScalarEvent):
            tag = event.tag
            if tag is None or tag == "!":
                tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
            size[id(node)] = height[id(node)] = 1
            total += 1
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
            tag = event.tag
            if tag is None or tag == "!":
                tag = loader.resolve(kind, None, event.implicit)
            coll = kind(tag, [], event.start_mark, None, flow_style=event.flow_style)
            if len(stack) >= max_depth:
                raise _limit(f"nested more than {max_depth} levels deep", event)
            _anchor(anchors, event, coll)
            stack.append((coll, []))
            total += 1
            if total > max_nodes:
                raise _too_many(max_nodes, event)
            continue
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            node, _ = stack.pop()
            node.end_mark = event.end_mark
            kids = _children(node)
            size[id(node)] = 1 + sum(size[id(k)] for k in kids)
            height[id(node)] = 1 + max((height[id(k)] for k in kids), default=0)
        else:  # pragma: no cover - the parser emits nothing else inside a document
            raise yaml.composer.ComposerError(None, None, f"unexpected {type(event).__name__}", event.start_mark)
        if isinstance(event, yaml.ScalarEvent):
            _anchor(anchors, event, node)
        if total > max_nodes:
            raise _too_many(max_nodes, event)
        if not stack:
            break
        parent, pending = stack[-1]
        if isinstance(parent, yaml.MappingNode):
            if pending:
                parent.value.append((pending.pop(), node))
            else:
                pending.append(node)
        else:
            parent.value.append(node)
    loader.get_event()  # document end
    if not loader.check_event(yaml.StreamEndEvent):
        event = loader.get_event()
        raise yaml.composer.ComposerError("expected a single document in the stream", None,
                                          "but found another document", event.start_mark)
    loader.get_event()
    return node


def _anchor(anchors: dict[str, yaml.Node], event: Any, node: yaml.Node) -> None:
    if event.anchor is None:
        return
    if event.anchor in anchors:
        raise yaml.composer.ComposerError(f"found duplicate anchor {event.anchor!r}; first occurrence",
                                          anchors[event.anchor].start_mark, "second occurrence", event.start_mark)
    anchors[event.anchor] = node


def load(text: str, max_nodes: int = MAX_NODES, max_depth: int = MAX_DEPTH) -> tuple[Any, yaml.Node | None]:
    """The data of ``text`` and its node graph, composed within the limits (raises ``yaml.YAMLError``)."""
    loader = loader_class()(text)
    try:
        node = compose(loader, max_nodes, max_depth)
        return (None if node is None else loader.construct_document(node)), node
    finally:
        loader.dispose()
