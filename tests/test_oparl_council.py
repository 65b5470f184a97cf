"""A council system of real size, end to end: the synthetic export (sckg.ingest.oparl_synth) through the import,
its dataset description, deleted stubs, the mapping a briefing needs, the skip report, and the nightly sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from sckg.ingest.oparl import Skipped, import_oparl
from sckg.ingest.oparl_synth import ROOT, write_synthetic_export


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("council") / "export"
    write_synthetic_export(folder, scale=0.1, seed=5)
    return folder


def test_deleted_stubs_without_type_are_reported_as_deleted(export: Path) -> None:
    result = import_oparl(export, "musterstadt")
    deleted = [s for s in result.report.skipped if s.reason == "deleted on the server"]
    assert deleted == [Skipped(f"{ROOT}meeting/{n}", "", "deleted on the server") for n in (36,)] + [
        Skipped(f"{ROOT}paper/{n}", "", "deleted on the server") for n in range(201, 205)]
    assert not any(s.reason.startswith("unknown type") for s in result.report.skipped)
