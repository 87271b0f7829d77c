"""The package's import graph: no cycles, and the knowledge layers free of spaCy.

Imports are read with ``ast`` from every module of ``nlp/``, at module level and inside
functions alike, so a cycle cannot hide behind a function-level import.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "nlp"
#: Layers that hold language knowledge and pure logic only.
PURE = ("nlp.lexicon", "nlp.normalize", "nlp.text", "nlp.labels", "nlp.data")
SPACY = ("spacy", "thinc", "spacy_pkuseg")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in ROOT.rglob("*.py")}


def _imports(name: str, path: Path, known: set[str]) -> tuple[set[str], set[str]]:
    """RETURNS (the nlp modules ``name`` imports, the top-level packages it imports)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    inside, outside = set(), set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(base + ([node.module] if node.module else []))
            else:
                base = node.module
            # ``from pkg import sub`` imports the submodule when there is one
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        for target in targets:
            if target == "nlp" or target.startswith("nlp."):
                while target not in known and "." in target:
                    target = target.rpartition(".")[0]
                if target != name:
                    inside.add(target)
            else:
                outside.add(target.split(".")[0])
    return inside, outside


def _graph() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    modules = _modules()
    known = set(modules)
    graph, external = {}, {}
    for name, path in modules.items():
        graph[name], external[name] = _imports(name, path, known)
    return graph, external


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """RETURNS one import cycle of ``graph`` as a list of modules, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_layers_the_graph_is_read():
    graph, _ = _graph()
    assert "nlp.lexicon.gazetteer" in graph["nlp.lexicon.places"]
    assert "nlp.pipeline.merge" in graph["nlp.pipeline.places"]


def test_layers_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_layers_no_import_cycle():
    cycle = _cycle(_graph()[0])
    assert cycle is None, " -> ".join(cycle)


@pytest.mark.parametrize("layer", PURE)
def test_layers_knowledge_imports_no_spacy(layer):
    graph, external = _graph()
    for name in graph:
        if name == layer or name.startswith(layer + "."):
            assert not external[name] & set(SPACY), f"{name} imports {external[name] & set(SPACY)}"
            upward = {m for m in graph[name] if m.startswith(("nlp.pipeline", "nlp.cli", "nlp.language"))}
            assert not upward, f"{name} imports {upward}"
