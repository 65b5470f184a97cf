"""Node positions, computed in Python and seeded: the same graph and seed give the same map every
time.

``spring`` is Fruchterman-Reingold with gravity, the repulsion of all node pairs approximated on a
grid (particle-mesh method: the node masses are spread onto a grid, the repulsive field is a
convolution done by FFT, and each node reads the field at its place), so 10,000 nodes take seconds.
NetworkX's own spring layout is not used: it has no gravity, so one unlinked node pushes the rest of
the map into a small clump, and it takes minutes for 10,000 nodes (and needs SciPy above 500).
``forceatlas2`` is NetworkX's ForceAtlas2 up to
:data:`EXACT_LIMIT` nodes (it holds n × n arrays) and the same forces on the grid above.
``kamada-kawai`` minimises the Kamada-Kawai energy (stress weighted by 1/d², d the graph distance)
by stress majorization (Gansner, Koren and North 2004) from a pivot-MDS start, in NumPy; it needs
all pairwise distances, so it is limited to
:data:`KAMADA_KAWAI_LIMIT` nodes. ``hierarchical`` puts nodes in layers by topological generation
(cycles share a layer), prerequisites on top, and orders each layer by the barycentre of its
neighbours.

All layouts return positions in a unit-free plane; :func:`to_pixels` scales them for the page.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..choices import Layout
from ..errors import ParameterError
from ..network.common import canonical_subgraph, canonical_undirected
from ..words import choice, error_message

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np


#: Up to this many nodes forceatlas2 is NetworkX's exact algorithm.
EXACT_LIMIT = 500
KAMADA_KAWAI_LIMIT = 1000
#: Pixels between neighbouring nodes on the page (force layouts: mean spacing; hierarchical: in a
#: layer).
SPACING = 110.0
LAYER_GAP = 160.0

Positions = dict[str, tuple[float, float]]


def compute_layout(graph: nx.Graph[str], method: str = "spring", seed: int = 42) -> Positions:
    """Positions of every node of ``graph`` with ``method`` (a :class:`Layout`), seeded."""
    choice(method, Layout, "method", "choice.layout")
    nodes = list(graph)
    if not nodes:
        return {}
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if method == "hierarchical":
        return hierarchical_layout(graph)
    undirected = canonical_undirected(graph)
    if method == "kamada-kawai":
        return kamada_kawai_layout(undirected, seed)
    if method == "forceatlas2" and len(nodes) <= EXACT_LIMIT:
        import networkx as nx

        pos = nx.forceatlas2_layout(undirected, seed=seed, max_iter=200, weight="weight")
        return {node: (float(xy[0]), float(xy[1])) for node, xy in pos.items()}
    return mesh_layout(undirected, seed, model="fa2" if method == "forceatlas2" else "fr")


def _edge_arrays(graph: nx.Graph[str]) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    import numpy as np

    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    edges = [
        (index[u], index[v], float(w or 1.0))
        for u, v, w in graph.edges(data="weight", default=1.0)
        if u != v
    ]
    if not edges:
        empty = np.zeros(0, dtype=np.int64)
        return nodes, empty, empty, np.zeros(0)
    src, dst, weight = zip(*edges, strict=True)
    return nodes, np.array(src, dtype=np.int64), np.array(dst, dtype=np.int64), np.array(weight)


def mesh_layout(
    graph: nx.Graph[str], seed: int = 42, *, model: str = "fr", iterations: int = 100
) -> Positions:
    """A force layout for large graphs: spring (Fruchterman-Reingold, ``fr``) or ForceAtlas2
    (``fa2``) forces, with the all-pairs repulsion approximated on an FFT grid; linear gravity keeps
    components together."""
    import numpy as np

    nodes, src, dst, weight = _edge_arrays(graph)
    n = len(nodes)
    rng = np.random.default_rng(seed)
    degree = np.bincount(np.concatenate([src, dst]), minlength=n).astype(float)
    mass = degree + 1.0 if model == "fa2" else np.ones(n)
    side = math.sqrt(mass.sum())
    pos = rng.random((n, 2)) * side
    grid = int(min(512, max(32, 2 ** math.ceil(math.log2(2.5 * math.sqrt(n))))))
    kernel_x, kernel_y, near = _mesh_kernel(grid)
    temperature = 0.1 * side
    for step in range(iterations):
        force = _mesh_repulsion(pos, mass, grid, kernel_x, kernel_y, near)
        if model == "fa2":
            force *= mass[:, None]
        if len(src):
            delta = pos[dst] - pos[src]
            if model == "fr":
                delta *= np.sqrt((delta**2).sum(axis=1))[:, None] * weight[:, None]
            else:
                delta *= weight[:, None]
            for axis in (0, 1):
                pull = np.bincount(src, weights=delta[:, axis], minlength=n)
                pull -= np.bincount(dst, weights=delta[:, axis], minlength=n)
                force[:, axis] += pull
        force -= math.pi * mass[:, None] * (pos - np.average(pos, axis=0, weights=mass))
        length = np.maximum(np.sqrt((force**2).sum(axis=1)), 1e-9)
        cap = temperature * (1.0 - step / iterations) + 1e-3 * side / math.sqrt(n)
        pos += force * (np.minimum(length, cap) / length)[:, None]
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos, strict=True)}


def _mesh_kernel(grid: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The FFT of the repulsion kernel d/|d|² (softened by one cell) on a grid padded to twice its
    size, and the kernel at the offsets -1..1 (to remove each node's force on itself)."""
    import numpy as np

    offsets = np.fft.fftfreq(2 * grid, 1.0 / (2 * grid))
    di, dj = np.meshgrid(offsets, offsets, indexing="ij")
    r2 = di**2 + dj**2 + 1.0
    near_i, near_j = np.meshgrid([-1.0, 0.0, 1.0], [-1.0, 0.0, 1.0], indexing="ij")
    near_r2 = near_i**2 + near_j**2 + 1.0
    near = np.stack([near_i / near_r2, near_j / near_r2])
    return np.fft.rfft2(di / r2), np.fft.rfft2(dj / r2), near


_CORNERS = ((0, 0), (1, 0), (0, 1), (1, 1))


def _mesh_repulsion(
    pos: np.ndarray,
    mass: np.ndarray,
    grid: int,
    kernel_x: np.ndarray,
    kernel_y: np.ndarray,
    near: np.ndarray,
) -> np.ndarray:
    """The repulsive force (mass_j / distance, away from each other node) on every node, via the
    grid."""
    import numpy as np

    low = pos.min(axis=0)
    extent = float((pos.max(axis=0) - low).max()) or 1.0
    cell = extent / (grid - 1.000001)
    coords = (pos - low) / cell
    base = np.minimum(np.floor(coords).astype(np.int64), grid - 2)
    frac = coords - base
    weights = [
        (frac[:, 0] if ci else 1 - frac[:, 0]) * (frac[:, 1] if cj else 1 - frac[:, 1])
        for ci, cj in _CORNERS
    ]
    flat = [(base[:, 0] + ci) * (2 * grid) + base[:, 1] + cj for ci, cj in _CORNERS]
    density = np.bincount(
        np.concatenate(flat),
        weights=np.concatenate([w * mass for w in weights]),
        minlength=(2 * grid) ** 2,
    )
    spectrum = np.fft.rfft2(density.reshape(2 * grid, 2 * grid))
    force = np.zeros_like(pos)
    for axis, kernel in enumerate((kernel_x, kernel_y)):
        field = np.fft.irfft2(spectrum * kernel, s=(2 * grid, 2 * grid)).ravel()
        for index, w in zip(flat, weights, strict=True):
            force[:, axis] += w * field[index]
        for a, (ai, aj) in enumerate(_CORNERS):  # a node's own mass pushes it too: take that out
            for b, (bi, bj) in enumerate(_CORNERS):
                force[:, axis] -= (
                    weights[a] * weights[b] * mass * near[axis, ai - bi + 1, aj - bj + 1]
                )
    return force / cell


def kamada_kawai_layout(graph: nx.Graph[str], seed: int = 42, iterations: int = 100) -> Positions:
    """Kamada-Kawai energy minimised by stress majorization, from a pivot-MDS start (up to 1,000
    nodes)."""
    import numpy as np

    nodes = list(graph)
    n = len(nodes)
    if n > KAMADA_KAWAI_LIMIT:
        raise ParameterError(error_message("error.kamada_kawai", most=KAMADA_KAWAI_LIMIT, n=n))
    dist = _distances(graph, nodes)
    finite = np.isfinite(dist)
    dist[~finite] = (dist[finite].max() if finite.any() else 0) + 1.0
    pos = _pivot_mds(dist, seed).astype(np.float32)
    dist = dist.astype(np.float32)
    weight = 1.0 / np.where(dist > 0, dist, np.float32(1.0)) ** 2
    np.fill_diagonal(weight, 0.0)
    total = weight.sum(axis=1)[:, None]
    target = weight * dist
    for _ in range(iterations):
        squared = (pos**2).sum(axis=1)
        length = np.sqrt(
            np.maximum(squared[:, None] + squared[None, :] - 2 * pos @ pos.T, np.float32(1e-12))
        )
        pull = target / length
        new = (weight @ pos + pos * pull.sum(axis=1)[:, None] - pull @ pos) / total
        moved = float(np.abs(new - pos).max())
        pos = new
        if moved < 0.01:
            break
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos, strict=True)}


def _distances(graph: nx.Graph[str], nodes: list[str]) -> np.ndarray:
    """All shortest-path lengths (hops) as an n × n array, ``inf`` between components (breadth-first
    search on all nodes at once)."""
    import numpy as np

    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    neighbours = [[i, *(index[v] for v in graph[u])] for i, u in enumerate(nodes)]
    flat = np.array([j for row in neighbours for j in row], dtype=np.int64)
    starts = np.cumsum([0] + [len(row) for row in neighbours[:-1]])
    dist = np.full((n, n), np.inf)
    reached = np.eye(n, dtype=bool)
    np.fill_diagonal(dist, 0.0)
    frontier = reached.copy()
    hops = 0
    while frontier.any():
        hops += 1
        grown = np.logical_or.reduceat(frontier[:, flat], starts, axis=1) & ~reached
        dist[grown] = hops
        reached |= grown
        frontier = grown
    return dist


def _pivot_mds(dist: np.ndarray, seed: int, pivots: int = 50) -> np.ndarray:
    """Classical MDS on the distances to a few far-apart pivot nodes (Brandes and Pich 2006)."""
    import numpy as np

    n = len(dist)
    rng = np.random.default_rng(seed)
    chosen = [int(rng.integers(n))]
    nearest = dist[chosen[0]].copy()
    for _ in range(min(pivots, n) - 1):
        chosen.append(int(np.argmax(nearest)))
        nearest = np.minimum(nearest, dist[chosen[-1]])
    squared = dist[:, chosen] ** 2
    centred = squared - squared.mean(axis=0) - squared.mean(axis=1)[:, None] + squared.mean()
    left, values, _ = np.linalg.svd(-0.5 * centred, full_matrices=False)
    pos = left[:, :2] * np.sqrt(np.maximum(values[:2], 1e-12))
    if pos.shape[1] < 2:
        pos = np.column_stack([pos, np.zeros(n)])
    jittered: np.ndarray = pos + rng.normal(scale=1e-3, size=pos.shape)
    return jittered


def hierarchical_layout(graph: nx.Graph[str]) -> Positions:
    """Layers by topological generation (prerequisites on top; a cycle's members share a layer),
    each layer ordered by the barycentre of its neighbours; each component side by side, nodes
    without links below."""
    import networkx as nx

    loose = sorted((v for v in graph if graph.degree(v) == 0), key=str)
    linked = canonical_subgraph(graph, [v for v in graph if graph.degree(v) > 0])
    undirected = canonical_undirected(linked)
    components = sorted(
        nx.connected_components(undirected), key=lambda c: (-len(c), min(map(str, c)))
    )
    pos: Positions = {}
    left = 0.0
    for members in components:
        layers = _layers(linked.subgraph(members))
        order = _order_layers(undirected, layers)
        width = max(len(layer) for layer in order)
        for depth, layer in enumerate(order):
            offset = left + (width - len(layer)) / 2
            for i, node in enumerate(layer):
                pos[node] = (offset + i, float(depth))
        left += width + 1
    columns = max(int(left) - 1, math.ceil(math.sqrt(len(loose))), 1)
    top = max((y for _, y in pos.values()), default=-1.0) + 1.5
    for i, node in enumerate(loose):
        pos[node] = (float(i % columns), top + i // columns)
    return {node: (x * SPACING * 1.5 / LAYER_GAP, y) for node, (x, y) in pos.items()}


def _layers(graph: nx.Graph[str]) -> list[list[str]]:
    import networkx as nx

    if isinstance(graph, nx.DiGraph):
        condensed = nx.condensation(graph.reverse(copy=False))
        members = condensed.graph["mapping"]
        generation = {
            c: g for g, layer in enumerate(nx.topological_generations(condensed)) for c in layer
        }
        depth = {node: generation[members[node]] for node in graph}
    else:
        root = min(graph, key=lambda v: (-graph.degree(v), str(v)))
        depth = nx.single_source_shortest_path_length(graph, root)
    layers: list[list[str]] = [[] for _ in range(max(depth.values()) + 1)]
    for node in sorted(graph, key=str):
        layers[depth[node]].append(node)
    return layers


def _order_layers(
    graph: nx.Graph[str], layers: list[list[str]], sweeps: int = 4
) -> list[list[str]]:
    """Reorder each layer by the mean position of its neighbours in the layer above (then below), a
    few times."""
    place = {node: float(i) for layer in layers for i, node in enumerate(layer)}
    for sweep in range(sweeps):
        sequence = range(1, len(layers)) if sweep % 2 == 0 else range(len(layers) - 2, -1, -1)
        for i in sequence:
            reference = set(layers[i - 1] if sweep % 2 == 0 else layers[i + 1])

            def key(node: str, reference: set[str] = reference) -> tuple[float, float]:
                near = [place[v] for v in graph[node] if v in reference]
                return (sum(near) / len(near) if near else place[node], place[node])

            layers[i] = sorted(layers[i], key=key)
            place.update((node, float(j)) for j, node in enumerate(layers[i]))
    return layers


def to_pixels(pos: Positions, method: str) -> dict[str, tuple[float, float]]:
    """Page coordinates: force layouts scaled to a mean spacing of :data:`SPACING` pixels, centred
    on 0; hierarchical layers :data:`LAYER_GAP` pixels apart."""
    if not pos:
        return {}
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    if method == "hierarchical":
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        return {
            node: (round((x - cx) * LAYER_GAP, 1), round((y - cy) * LAYER_GAP, 1))
            for node, (x, y) in pos.items()
        }
    cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = math.sqrt(max((max(xs) - min(xs)) * (max(ys) - min(ys)), 1e-12) / len(pos))
    if spread < 1e-9:
        spread = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9) / len(pos)
    factor = SPACING / spread
    return {
        node: (round((x - cx) * factor, 1), round((y - cy) * factor, 1))
        for node, (x, y) in pos.items()
    }
