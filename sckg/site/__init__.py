"""The programme site: a static website of the graph, one page per entity (docs/site.md).

>>> from sckg.site import build_site
>>> build_site(kg, "site")          # site/index.html, site/id/<city>/project/x.html, ...
"""

from .build import Site, build_site
from .paths import page_path

__all__ = ["Site", "build_site", "page_path"]
