"""Network analysis: named projections of the graph onto NetworkX and the analyses built on them."""
