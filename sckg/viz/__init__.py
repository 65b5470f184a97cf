"""Interactive network maps: one self-contained offline HTML page per map, and a static image of it.

>>> from sckg.viz import build_network, write_map
>>> net = build_network(kg, "actors", color_by="community")   # a pyvis Network, for notebooks
>>> write_map(net, "actors.html")
>>> net                     # in Jupyter: the map inline, net.display_height (600) pixels tall
"""

from ..choices import ColorBy, Layout, SizeBy
from .build import build_network
from .render import CityMap
from .write import write_image, write_map

__all__ = ["CityMap", "ColorBy", "Layout", "SizeBy", "build_network", "write_image", "write_map"]
