"""Find the packaged ontology, vocabularies, named queries and datasets.

In a wheel they live inside the package (``sckg/ontology``, ``sckg/data``: hatchling force-include);
in a checkout or an editable install they are the top-level ``ontology/`` and ``data/`` folders.
"""

from functools import cache
from pathlib import Path

from .errors import ParameterError
from .words import error_message

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
    """The folder holding the bundled datasets (``braunschweig/``, ``musterstadt/``,
    ``templates/``)."""
    return _root("data")


def dataset(name: str) -> Path:
    """A bundled dataset folder by name, e.g. ``dataset("braunschweig")``."""
    folder = data_dir() / name
    if name == "templates" or not folder.is_dir():
        from .errors import DataError
        from .words import error_message

        known = ", ".join(
            sorted(p.name for p in data_dir().iterdir() if p.is_dir() and p.name != "templates")
        )
        raise DataError(error_message("error.no_bundled_dataset", name=name, known=known))
    return folder


#: Reference vocabularies in ``vocab/``, loaded not with every dataset but when a job needs them
#: (:meth:`sckg.kg.KnowledgeGraph.use_vocabulary`): ``sdg``, the UN's goals, targets, indicators;
#: ``concepts``, the Smart City thesaurus of :mod:`sckg.concepts`.
REFERENCE_VOCABULARIES = ("sdg", "concepts")


def model_files() -> list[Path]:
    """The ontology and SKOS vocabularies that are loaded with every dataset (for labels and
    classes)."""
    root = ontology_dir()
    files = sorted((root / "vocab").glob("*.ttl"))
    vocab = (p for p in files if p.stem not in REFERENCE_VOCABULARIES)
    return [root / "sckg.ttl", *vocab]


def reference_vocabulary(name: str) -> Path:
    """The file of a reference vocabulary by name, e.g. ``reference_vocabulary("sdg")``."""
    if name not in REFERENCE_VOCABULARIES:
        known = ", ".join(REFERENCE_VOCABULARIES)
        raise ParameterError(error_message("error.vocabulary", name=name, known=known))
    return ontology_dir() / "vocab" / f"{name}.ttl"


def shapes_file() -> Path:
    """The SHACL shapes."""
    return ontology_dir() / "shapes.ttl"


def queries_dir() -> Path:
    """The named SPARQL queries (``*.rq``)."""
    return ontology_dir() / "queries"
