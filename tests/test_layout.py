"""The repository carries what it reads, and its modules depend on each other one way only."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
MAX_BYTES = 10 * 1024 * 1024


def _modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        name = ".".join(path.relative_to(SRC).with_suffix("").parts)
        out[name.removesuffix(".__init__")] = path
    return out


def _imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Every aicycle module `name` imports, at module level or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {m for m in found if m in known and m != name}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        component.append(top)
                        if top == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def test_no_import_cycle_between_modules() -> None:
    known = _modules()
    graph = {name: _imports(name, path, known) for name, path in known.items()}
    assert sum(len(v) for v in graph.values()) > 200  # the walk really saw the package's imports
    assert _cycles(graph) == []


def test_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_nothing_reads_outside_the_repository() -> None:
    pattern = re.compile(r"\.\./shared|parents\[2\]\s*/\s*[\"']shared|[\"']shared[\"']\s*/\s*[\"']data")
    offenders = [f"{p.relative_to(REPO)}:{i}" for d in ("src", "tests", "scripts", "benchmarks")
                 for p in (REPO / d).rglob("*.py") if p.name != "import_data.py"
                 for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert offenders == []


def _tracked() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=False)
    if out.returncode != 0:  # not a git checkout (an sdist): every file on disk
        return [p for p in REPO.rglob("*") if p.is_file() and ".venv" not in p.parts and ".git" not in p.parts]
    return [REPO / name for name in out.stdout.decode().split("\0") if name]


def test_repository_stays_lean() -> None:
    big = [str(p.relative_to(REPO)) for p in _tracked() if p.exists() and p.stat().st_size > MAX_BYTES]
    assert big == []


def test_every_data_file_has_its_provenance_in_sources_md() -> None:
    sources = (REPO / "data" / "SOURCES.md").read_text(encoding="utf-8")
    files = [p for p in (REPO / "data").rglob("*") if p.is_file() and p.name != "SOURCES.md"]
    assert len(files) > 250
    def named(path: Path) -> bool:  # the file itself, or a folder holding it, written as `folder/`
        rel = path.relative_to(REPO / "data")
        return path.name in sources or any(f"{'/'.join(rel.parts[:i])}/" in sources for i in (1, 2, 3))

    missing = [str(p.relative_to(REPO / "data")) for p in files if not named(p)]
    assert missing == []
