"""CLI latency: `sckg query <named> --data <Braunschweig>` and `sckg --help` end to end, against
`python -c "import rdflib"` measured in the same run. Goal: a named query in under 2x the bare
rdflib import.

Run: .venv/bin/python bench/cli_latency.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def median_seconds(command: list[str], repeat: int) -> float:
    subprocess.run(command, check=True, capture_output=True)  # warm the file cache
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    data = str(ROOT / "data" / "braunschweig")
    cases = [
        ("python -c 'import rdflib' (baseline)", [sys.executable, "-c", "import rdflib"]),
        ("sckg --help", [str(BIN / "sckg"), "--help"]),
        (
            "sckg query projects-by-field",
            [str(BIN / "sckg"), "query", "projects-by-field", "--data", data],
        ),
        (
            "sckg query decisions -f json",
            [str(BIN / "sckg"), "query", "decisions", "--data", data, "-f", "json"],
        ),
        ("sckg validate (pySHACL)", [str(BIN / "sckg"), "validate", "--data", data]),
    ]
    results = [(name, median_seconds(cmd, args.repeat)) for name, cmd in cases]
    baseline = results[0][1]
    print(f"{'command':40} {'median s':>9} {'x import rdflib':>16}")
    for name, seconds in results:
        print(f"{name:40} {seconds:9.3f} {seconds / baseline:16.2f}")
    query = results[2][1]
    verdict = "met" if query < 2 * baseline else "NOT met"
    print(
        f"\ngoal: named query < 2x import rdflib ({2 * baseline:.3f} s): {verdict} ({query:.3f} s)"
    )


if __name__ == "__main__":
    main()
