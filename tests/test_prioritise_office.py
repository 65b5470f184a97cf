"""The scoring workbook in LibreOffice: the template's drop-downs and labels survive a round trip
through LibreOffice Calc (``soffice --headless --convert-to xlsx``), and a workbook LibreOffice
saved imports in ``sckg prioritise`` with the same scores.

Needs Debian's ``libreoffice-calc-nogui`` (``.ci/run`` installs it); without ``soffice`` the tests
skip with the reason, or fail when ``SCKG_REQUIRE_OFFICE=1`` (set in CI). Headless LibreOffice has
no window, so it writes no view settings: the frozen header rows are not kept (opened and saved in
the program they are)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sckg.cli import app
from sckg.kg import KnowledgeGraph
from sckg.prioritise.criteria import GRAPH_CRITERIA, items
from sckg.prioritise.workbook import PEOPLE_CRITERIA, read_scores, template_bytes

pytestmark = pytest.mark.office
ALL = [*GRAPH_CRITERIA, *PEOPLE_CRITERIA]


def _soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        reason = "LibreOffice is not installed (apt-get install libreoffice-calc-nogui)"
        if os.environ.get("SCKG_REQUIRE_OFFICE") == "1":
            pytest.fail(f"LibreOffice required (SCKG_REQUIRE_OFFICE=1) but {reason}", pytrace=False)
        pytest.skip(reason)
    return found


@pytest.fixture(scope="module")
def round_trip(
    musterstadt: KnowledgeGraph, musterstadt_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    """The template and the fictional scores, each as written and as LibreOffice saved it: the
    folders (written, saved)."""
    soffice = _soffice()
    written, saved = tmp_path_factory.mktemp("written"), tmp_path_factory.mktemp("saved")
    profile = tmp_path_factory.mktemp(
        "profile"
    )  # its own profile: no lock shared with another soffice
    found, _ = items(musterstadt, "projects", "en")
    (written / "template.xlsx").write_bytes(
        template_bytes([(i.iri, i.label, "") for i in found], ALL, ["Kämmerei", "Stadtwerke"])
    )
    shutil.copy(musterstadt_path / "scoring.xlsx", written / "scoring.xlsx")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(saved),
            str(written / "template.xlsx"),
            str(written / "scoring.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return written, saved


def _workbook(path: Path) -> dict[str, Any]:
    """What a member sees of a workbook: each sheet's cells and drop-downs, the hidden ID column."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    return {
        ws.title: {
            "cells": [list(row) for row in ws.iter_rows(values_only=True)],
            "drop-downs": sorted(
                (v.type, v.formula1, str(v.sqref), bool(v.allow_blank))
                for v in ws.data_validations.dataValidation
            ),
            "hidden": sorted(k for k, d in ws.column_dimensions.items() if d.hidden),
        }
        for ws in wb.worksheets
    }


@pytest.mark.parametrize("name", ["template.xlsx", "scoring.xlsx"])
def test_drop_downs_and_labels_survive_libreoffice(round_trip, name: str) -> None:
    written, saved = round_trip
    before, after = _workbook(written / name), _workbook(saved / name)
    assert list(after) == list(before)
    assert after == before
    scores = after["Bewertung (Scores)"]
    assert scores["drop-downs"][0][:2] == ("list", "'Skala (Scale)'!$A$2:$A$6")
    assert scores["cells"][1][3:7] == [
        "Wirkung / impact",
        "Dringlichkeit / urgency",
        "Aufwand / effort",
        "Risiko / risk",
    ]
    assert after["Skala (Scale)"]["cells"][1] == [
        "1 – sehr gering / very low",
        "sehr gering",
        "very low",
    ]
    assert after["Vergleiche (Comparisons)"]["drop-downs"][0][:2] == ("list", "Saaty!$A$2:$A$18")
    assert scores["hidden"] == ["A"]


def test_a_workbook_saved_by_libreoffice_ranks_the_same(
    round_trip, musterstadt: KnowledgeGraph, musterstadt_path: Path
) -> None:
    written, saved = round_trip
    found = [i.iri for i in items(musterstadt, "projects", "en")[0]]
    assert read_scores(saved / "scoring.xlsx", found, ALL) == read_scores(
        written / "scoring.xlsx", found, ALL
    )
    options = ["-d", str(musterstadt_path), "--runs", "50", "-f", "csv", "--lang", "en"]
    runs = [
        CliRunner().invoke(app, ["prioritise", *options, "--scores", str(folder / "scoring.xlsx")])
        for folder in (written, saved)
    ]
    assert [r.exit_code for r in runs] == [0, 0], runs[1].output
    assert runs[1].stdout == runs[0].stdout
    assert runs[1].stdout.splitlines()[1].startswith("1,Musterstadt LoRaWAN network,0.329,1,")
