"""The synthetic OParl export: the shape of a real council system, deterministic by seed, clearly
synthetic."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from sckg.errors import ParameterError
from sckg.ingest.oparl_synth import SyntheticCounts, synthetic_counts, write_synthetic_export


def _digest(folder: Path) -> str:
    files = sorted(p for p in folder.rglob("*.json"))
    return hashlib.sha256(
        b"".join(p.relative_to(folder).as_posix().encode() + p.read_bytes() for p in files)
    ).hexdigest()


def _objects(folder: Path) -> list[dict]:
    out = []
    for path in sorted(folder.rglob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        out += document.get("data", [document])
    return out


def test_the_export_has_the_shape_of_a_real_council_system(tmp_path: Path) -> None:
    counts = write_synthetic_export(tmp_path / "a", seed=1)
    assert counts == SyntheticCounts(
        papers=2000,
        meetings=350,
        consultations=2200,
        agenda_items=5000,
        files=7000,
        organizations=20,
        legislative_terms=2,
        locations=5,
        deleted=47,
    )
    top = _objects(tmp_path / "a")
    kinds = Counter(o.get("type", "deleted").rsplit("/", 1)[-1] for o in top)
    assert kinds == {
        "Paper": 2000,
        "Meeting": 350,
        "Organization": 20,
        "Location": 5,
        "deleted": 47,
        "Body": 1,
        "System": 1,
    }
    stubs = [o for o in top if "type" not in o]
    assert all(o["deleted"] is True and set(o) == {"id", "deleted", "modified"} for o in stubs)
    papers = [o for o in top if o.get("type", "").endswith("Paper")]
    meetings = [o for o in top if o.get("type", "").endswith("Meeting")]
    items = [i for m in meetings for i in m["agendaItem"]]
    consultations = [c for p in papers for c in p["consultation"]]
    assert (len(consultations), len(items)) == (2200, 5000)
    files = sum(("mainFile" in p) + len(p.get("auxiliaryFile", [])) for p in papers)
    files += sum(("invitation" in m) + ("resultsProtocol" in m) for m in meetings)
    files += sum("resolutionFile" in i for i in items)
    assert files == 7000
    linked = {i["id"]: i["consultation"] for i in items if "consultation" in i}
    assert all(linked[c["agendaItem"]] == c["id"] for c in consultations)
    assert sum("result" in i for i in items) > 1800
    assert all(("resolutionText" in i) != ("resolutionFile" in i) for i in items if "result" in i)
    assert all(
        o["web"].startswith("https://ris.musterstadt-synthetisch.example/")
        for o in papers + meetings + items
    )
    body = next(o for o in top if o.get("type", "").endswith("Body"))
    assert body["name"] == "Musterstadt (synthetisch)"
    assert "person" not in json.dumps(top).lower()  # no person, no membership
    titles = " ".join(p["name"] for p in papers)
    for topic in (
        "WLAN",
        "WiFi4EU",
        "Ladestationen für E-Autos",
        "Digitalisierungskonzept",
        "Glasfaser",
        "Feuerwehr",
        "Tourismus",
        "Haushalt",
        "Schule",
        "Bebauungsplan",
    ):
        assert topic in titles, topic


def test_the_same_seed_gives_the_same_files(tmp_path: Path) -> None:
    write_synthetic_export(tmp_path / "a", seed=3, scale=0.1)
    write_synthetic_export(tmp_path / "b", seed=3, scale=0.1)
    write_synthetic_export(tmp_path / "c", seed=4, scale=0.1)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b") != _digest(tmp_path / "c")


def test_scale() -> None:
    assert synthetic_counts(10) == SyntheticCounts(
        papers=20000,
        meetings=3500,
        consultations=22000,
        agenda_items=50000,
        files=70000,
        organizations=20,
        legislative_terms=2,
        locations=5,
        deleted=470,
    )
    with pytest.raises(ParameterError, match=r"^scale must be more than 0 and at most 100, not 0$"):
        synthetic_counts(0)
