"""Replacing a graph in an Oxigraph store is all or nothing (issue 27, item 10): ``sckg load``
killed at any moment of a replace leaves the old graph or the new one, never none or a part."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sckg.generate import generate_chunks
from sckg.kg import KnowledgeGraph

pytestmark = pytest.mark.server  # starts processes and takes a while (about a minute)
COUNT = (
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'file:')) }"
)


def _load(store: Path, data: Path) -> subprocess.Popen[bytes]:
    command = [
        str(Path(sys.executable).parent / "sckg"),
        "load",
        "--store",
        f"oxigraph:{store}",
        str(data),
    ]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _triples(store: Path) -> int:
    kg = KnowledgeGraph.open(None, f"oxigraph:{store}")
    try:
        return int(kg.select(COUNT).rows[0][0].value)
    finally:
        kg.close()


#: Projects of the city replaced (about 27 triples each); SCKG_REPLACE_PROJECTS=37000 replaces a
#: million triples.
PROJECTS = int(os.environ.get("SCKG_REPLACE_PROJECTS", "3000"))


def test_a_replace_killed_at_ten_moments_leaves_the_old_or_the_new_graph(tmp_path: Path) -> None:
    data, store = tmp_path / "city.ttl", tmp_path / "store"
    data.write_text("".join(generate_chunks(PROJECTS, 1)), encoding="utf-8")
    assert _load(store, data).wait() == 0
    old = _triples(store)
    new_text = "".join(generate_chunks(PROJECTS * 7 // 6, 2))
    data.write_text(new_text, encoding="utf-8")
    started = time.perf_counter()
    assert _load(tmp_path / "timing", data).wait() == 0
    seconds = time.perf_counter() - started
    new = _triples(tmp_path / "timing")
    assert old != new
    outcomes = []
    for step in range(10):
        process = _load(store, data)
        time.sleep(seconds * (0.3 + 0.7 * step / 9))
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = _triples(store)
        assert after in (old, new), (
            f"killed after {0.3 + 0.7 * step / 9:.0%} of a load: {after} triples"
        )
        outcomes.append("new" if after == new else "old")
        if after == new:  # back to the old version for the next kill
            data.write_text("".join(generate_chunks(PROJECTS, 1)), encoding="utf-8")
            assert _load(store, data).wait() == 0
            data.write_text(new_text, encoding="utf-8")
    print(f"{old:,} -> {new:,} triples, killed at 30-100 % of a load ({seconds:.1f} s): {outcomes}")
