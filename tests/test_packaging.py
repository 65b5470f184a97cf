"""The ontology and data ship inside the wheel and are found there, as in a checkout."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.glob("sckg-*.whl"))


def test_wheel_contains_ontology_data_and_queries(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "sckg/ontology/sckg.ttl",
        "sckg/ontology/shapes.ttl",
        "sckg/ontology/vocab/fields.ttl",
        "sckg/ontology/vocab/sdg.ttl",
        "sckg/ontology/queries/projects-by-field.rq",
        "sckg/data/braunschweig/projects.ttl",
        "sckg/data/musterstadt/projects.ttl",
        "sckg/data/ulm/strategy.ttl",
        "sckg/data/ulm/LICENSE",
        "sckg/py.typed",
    ):
        assert needed in names


def test_installed_wheel_finds_its_files_and_answers(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import sckg.resources as r; "
        "from sckg.kg import KnowledgeGraph; from sckg.queries import run_named; "
        "print(r.ontology_dir().relative_to(sys.argv[1])); "
        "print(len(run_named(KnowledgeGraph.open(), 'projects-without-goal')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(site)], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.stdout.splitlines() == ["sckg/ontology", "5"], result.stderr
