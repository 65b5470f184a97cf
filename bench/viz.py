"""Maps of 500, 2,000 and 10,000 nodes: sckg viz against pyvis's default output of the same graph,
same run.

For each size a synthetic city (sckg.generate) is projected (entity projection) and drawn three
ways:
  sckg viz           build_network + write_map (spring layout, seeded; layout time shown on its own)
  pyvis in_line      Network(cdn_resources="in_line") + from_nx + write_html: pyvis's default page
  with its
                     scripts inlined, the only pyvis mode that can draw offline (physics on, pyvis
                     defaults)
  pyvis default      Network() + from_nx + write_html: pyvis's default ("local"), which loads
  vis-network
                     from a CDN; opened offline it stays blank
Each page is opened in headless Chromium (Debian's chromium via playwright, tests/browser.py) with
every outside request aborted. "drawn+still" is the time from navigation until the canvas has ink
and the node positions are the final ones (unchanged for a further --still seconds), polled every
100 ms; "-" = not still within --timeout. Medians over --repeat runs (pyvis pages: --baseline-repeat
runs).

Run: .venv/bin/python bench/viz.py [--sizes 500 2000 10000] [--repeat 5] [--baseline-repeat 3]
[--timeout 60]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium, new_offline_page  # noqa: E402

#: Runs inside every page before its own scripts: every 100 ms it hashes the node positions of the
#: vis-network object (sckg: window.sckgMap.network, pyvis: window.network) and logs when the canvas
#: first has ink and when the positions have not changed for STILL ms after that (times are
#: performance.now(), i.e. since navigation start). Measuring in the page means a page busy with
#: physics cannot stall the benchmark's own clock.
PROBE = """(() => {
  const STILL = %d;
  let last = null, firstSeen = null, drawn = null;
  function ink(canvas) {
    if (!canvas || !canvas.width || !canvas.height) return false;
    const px = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < px.length; i += 4)
      if (px[i + 3] > 0 && (px[i] < 250 || px[i + 1] < 250 || px[i + 2] < 250)) return true;
    return false;
  }
  function tick() {
    const net = (window.sckgMap && window.sckgMap.network) || window.network;
    if (net && net.body && net.getPositions) {
      const now = performance.now();
      if (drawn === null && ink(net.canvas.frame.canvas)) {
        drawn = now;
        console.log("sckg-bench-drawn " + now);
      }
      const pos = net.getPositions();
      let hash = 0, count = 0;
      for (const id in pos) { hash += pos[id].x * 1.37 + pos[id].y * 0.71 * (count %% 7); count++; }
      const key = count + ":" + hash;
      if (key !== last) {
        last = key;
        firstSeen = now;
      } else if (drawn !== null && now - Math.max(firstSeen, drawn) >= STILL) {
        console.log("sckg-bench-still " + Math.max(firstSeen, drawn));
        return;
      }
    }
    setTimeout(tick, 100);
  }
  setTimeout(tick, 0);
})();"""


def synthetic_projection(nodes: int, seed: int = 1) -> Any:
    """The entity projection of a synthetic city with about ``nodes`` nodes (about two per
    project)."""
    from sckg.generate import generate
    from sckg.kg import KnowledgeGraph
    from sckg.network.projection import project

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "city.ttl"
        path.write_text(generate(max(1, round((nodes - 20) / 1.98)), seed=seed), encoding="utf-8")
        return project(KnowledgeGraph.open([path]), "entity", lang="de")


@contextlib.contextmanager
def working_directory(path: Path) -> Iterator[None]:
    """pyvis's "local" mode copies its lib/ folder into the current directory: keep that out of the
    checkout."""
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def make_sckg(graph: Any, out: Path) -> tuple[float, float]:
    """(layout seconds, HTML generation seconds without the layout)."""
    from sckg.viz import build_network, write_map

    started = time.perf_counter()
    net = build_network(graph, layout="spring", seed=1)
    write_map(net, out)
    total = time.perf_counter() - started
    layout = net.meta.timings["layout"]
    return layout, total - layout


def make_pyvis(graph: Any, out: Path, mode: str) -> float:
    """Seconds for pyvis's documented path: Network, from_nx, write_html."""
    from pyvis.network import Network

    started = time.perf_counter()
    net = Network(cdn_resources=mode) if mode != "local" else Network()
    net.from_nx(graph)
    with working_directory(out.parent):
        net.write_html(out.name)
    return time.perf_counter() - started


def drawn_and_still(browser: Any, path: Path, timeout: float, still: float) -> dict[str, Any]:
    """Open ``path`` offline: seconds until drawn, until drawn and still (None if not within
    ``timeout``), outside requests, errors."""
    view = new_offline_page(browser)
    page = view.page
    page.add_init_script(PROBE % round(still * 1000))
    marks: dict[str, float] = {}

    def note(message: Any) -> None:
        kind, _, value = message.text.partition(" ")
        if kind.startswith("sckg-bench-"):
            marks[kind.removeprefix("sckg-bench-")] = float(value) / 1000

    page.on("console", note)
    started = time.monotonic()
    page.goto(path.resolve().as_uri(), wait_until="commit")
    while "still" not in marks and time.monotonic() - started < timeout:
        page.wait_for_timeout(100)
    outcome = {
        "seconds": marks.get("still"),
        "drawn": marks.get("drawn"),
        "outside": len(view.outside),
        "errors": view.errors,
        "waited": time.monotonic() - started,
    }
    page.context.close()
    return outcome


HEADER = (
    f"{'nodes':>6} {'edges':>6}  {'variant':14} {'layout s':>8} {'html s':>7} {'MB':>6} "
    f"{'drawn s':>8} {'drawn+still s':>13} {'outside req':>11}  note"
)


def line(row: tuple[Any, ...], timeout: float) -> str:
    """One row of the table: medians of the runs, and what went wrong."""
    n, m, label, layout, html, size, runs = row
    seconds = median([r["seconds"] for r in runs])
    drawn = median([r["drawn"] for r in runs])
    errors = [e for r in runs for e in r["errors"]]
    error = next(
        (e for e in errors if not e.startswith("Failed to load resource")),
        errors[0] if errors else "",
    )
    if all(r["drawn"] is None for r in runs):
        note = f"nothing drawn after {max(r['waited'] for r in runs):.0f} s"
    elif seconds is None:
        note = f"still moving after {timeout:.0f} s"
    else:
        note = ""
    note = "; ".join(filter(None, [note, error[:50]]))
    outside = max(r["outside"] for r in runs)
    return (
        f"{n:>6} {m:>6}  {label:14} {show(layout):>8} {show(html):>7} {size / 1e6:6.2f} "
        f"{show(drawn):>8} {show(seconds):>13} {outside:>11}  {note}"
    )


def median(values: list[float | None]) -> float | None:
    """The median, or None when any run did not finish (a run that never got still is slower than
    any)."""
    if not values or any(v is None for v in values):
        return None
    return statistics.median(v for v in values if v is not None)


def show(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--baseline-repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument(
        "--still", type=float, default=1.0, help="seconds without movement that count as still"
    )
    args = parser.parse_args()

    rows = []
    print(HEADER)
    with tempfile.TemporaryDirectory() as folder, chromium() as browser:
        work = Path(folder)
        for size in args.sizes:
            graph = synthetic_projection(size)
            n, m = graph.number_of_nodes(), graph.number_of_edges()
            print(f"{n} nodes, {m} edges ...", file=sys.stderr, flush=True)
            ours = work / f"sckg-{n}.html"
            timings = [make_sckg(graph, ours) for _ in range(args.repeat)]
            layout = median([t[0] for t in timings])
            html = median([t[1] for t in timings])
            runs = [
                drawn_and_still(browser, ours, args.timeout, args.still) for _ in range(args.repeat)
            ]
            rows.append((n, m, "sckg viz", layout, html, ours.stat().st_size, runs))
            print(line(rows[-1], args.timeout), flush=True)
            for mode, label in (("in_line", "pyvis in_line"), ("local", "pyvis default")):
                page = work / f"pyvis-{mode}-{n}.html"
                html = median([make_pyvis(graph, page, mode) for _ in range(args.baseline_repeat)])
                repeat, timeout = (
                    (args.baseline_repeat, args.timeout) if mode == "in_line" else (1, 15.0)
                )
                runs = [drawn_and_still(browser, page, timeout, args.still) for _ in range(repeat)]
                rows.append((n, m, label, None, html, page.stat().st_size, runs))
                print(line(rows[-1], args.timeout), flush=True)

    print()
    by_size: dict[int, dict[str, float | None]] = {}
    for n, _, label, _, html, _, runs in rows:
        by_size.setdefault(n, {})[label] = median([r["seconds"] for r in runs])
        by_size[n][label + " html"] = html
    print()
    for n, values in by_size.items():
        ours, theirs = values["sckg viz"], values["pyvis in_line"]
        if ours is None:
            ratio = "sckg viz not still"
        elif theirs is None:
            ratio = (
                f"> {args.timeout / ours:.0f}x faster (pyvis in_line not still within "
                f"{args.timeout:.0f} s)"
            )
        else:
            ratio = f"{theirs / ours:.1f}x faster"
        generation = values["pyvis in_line html"] / values["sckg viz html"]
        print(
            f"{n:>6} nodes: drawn+still {ratio}; html generation {generation:.1f}x faster than "
            "pyvis from_nx"
        )
    goals = {2000: 3.0, 10000: 15.0}
    for target, limit in goals.items():
        near = min(by_size, key=lambda k: abs(k - target), default=None)
        if near is not None and abs(near - target) < target * 0.2:
            seconds = by_size[near]["sckg viz"]
            verdict = "met" if seconds is not None and seconds < limit else "NOT met"
            print(
                f"goal: {near}-node map drawn and still < {limit:.0f} s: {verdict} "
                f"({show(seconds)} s)"
            )
    big = min(by_size, key=lambda k: abs(k - 10000), default=None)
    if big is not None and abs(big - 10000) < 2000:
        html = by_size[big]["sckg viz html"]
        print(
            f"goal: HTML generation for {big} nodes < 2 s: {'met' if html < 2 else 'NOT met'} "
            f"({html:.2f} s)"
        )


if __name__ == "__main__":
    main()
