"""sckg: the Smart City knowledge graph.

Load a city's Smart City inventory as RDF, validate it, ask it questions in SPARQL, analyse its
dependencies and draw its network. Heavy libraries are imported lazily by the modules that need them.
"""

__version__ = "0.1.0"
