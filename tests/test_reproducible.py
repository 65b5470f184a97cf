"""Outputs promised byte-identical are so from one process to the next.

Python salts the hash of every string per process (``PYTHONHASHSEED``), so whatever is iterated in
the order of a set (a NetworkX subgraph view lists its nodes from one) changes from run to run.
Each test writes an output twice, in two processes with different hash seeds, and compares the
bytes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MUSTERSTADT = str(ROOT / "data" / "musterstadt")


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _differing(tmp_path: Path, args: Callable[[Path], list[str]]) -> list[str]:
    """The files that differ between two runs of ``sckg`` with the arguments ``args(folder)``, run
    under the hash seeds 1 and 2, each writing into its own folder."""
    runs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        out.mkdir()
        subprocess.run(
            [sys.executable, str(ROOT / "cli.py"), *args(out)],
            env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
            timeout=300,
        )
        runs.append(_files(out))
    first, second = runs
    assert first and sorted(first) == sorted(second)
    return [name for name in sorted(first) if first[name] != second[name]]


def test_a_focused_map_is_the_same_in_every_process(tmp_path: Path) -> None:
    """The ego graph of ``--focus`` (13 nodes) was a subgraph view: its nodes, and so their
    positions, came in hash order."""
    target = "LoRaWAN-Funknetz Musterstadt"
    assert (
        _differing(
            tmp_path,
            lambda out: ["viz", "-q", "-d", MUSTERSTADT, "--focus", target, "-o", f"{out}/m"],
        )
        == []
    )


@pytest.mark.slow
def test_the_reports_maps_are_the_same_in_every_process(tmp_path: Path) -> None:
    """The report's maps of each field of action are focused maps."""
    assert (
        _differing(tmp_path, lambda out: ["report", "-q", "-d", MUSTERSTADT, "-o", str(out)]) == []
    )


@pytest.mark.slow
def test_the_deck_is_the_same_in_every_process(tmp_path: Path) -> None:
    """The deck's slides of each field of action show focused maps."""
    assert (
        _differing(
            tmp_path, lambda out: ["present", "-q", "-d", MUSTERSTADT, "-o", f"{out}/deck.html"]
        )
        == []
    )


@pytest.mark.slow
def test_the_sites_neighbourhood_maps_are_the_same_in_every_process(tmp_path: Path) -> None:
    """Each entity page's map is cut from the entity projection around the entity."""
    assert _differing(tmp_path, lambda out: ["site", "-q", "-d", MUSTERSTADT, "-o", str(out)]) == []


COMMUNITIES = """
import networkx as nx
from sckg.network.metrics import detect_communities
graph = nx.Graph()
graph.add_nodes_from(f"https://example.org/alone/{i:03}" for i in range(200))
for ring in range(3):
    nx.add_cycle(graph, [f"https://example.org/ring{ring}/{i:02}" for i in range(16)])
print(detect_communities(graph, 42).groups)
"""


def test_communities_of_a_network_of_mostly_unlinked_nodes_are_the_same_in_every_process() -> None:
    """Louvain runs on the linked nodes; when they were fewer than half, NetworkX's subgraph listed
    them in hash order, and the rings (whose cuts tie) were cut elsewhere in each process."""
    runs = [
        subprocess.run(
            [sys.executable, "-c", COMMUNITIES],
            env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout
        for seed in ("1", "2", "3")
    ]
    assert runs[0] and runs[0] == runs[1] == runs[2]
