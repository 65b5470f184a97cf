"""Find the packaged ontology, vocabularies, named queries and datasets.

In a wheel they live inside the package (``sckg/ontology``, ``sckg/data``: hatchling force-include);
in a checkout or an editable install they are the top-level ``ontology/`` and ``data/`` folders.
"""

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def _root(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"sckg is installed without its '{name}' folder; reinstall the package")


def ontology_dir() -> Path:
    """The folder holding ``sckg.ttl``, ``shapes.ttl``, ``vocab/`` and ``queries/``."""
    return _root("ontology")


def data_dir() -> Path:
    """The folder holding the bundled datasets (``braunschweig/``, ``musterstadt/``, ``templates/``)."""
    return _root("data")


def dataset(name: str) -> Path:
    """A bundled dataset folder by name, e.g. ``dataset("braunschweig")``."""
    return data_dir() / name


def model_files() -> list[Path]:
    """The ontology and SKOS vocabularies that are loaded with every dataset (for labels and classes)."""
    root = ontology_dir()
    return [root / "sckg.ttl", *sorted((root / "vocab").glob("*.ttl"))]


def shapes_file() -> Path:
    """The SHACL shapes."""
    return ontology_dir() / "shapes.ttl"


def queries_dir() -> Path:
    """The named SPARQL queries (``*.rq``)."""
    return ontology_dir() / "queries"
