"""Two documents -> clause pairs: similarity, assignment, alignment, moves, classification.

Named ``align`` rather than ``compare`` so that the package never shadows the
public :func:`docdiff.compare` function on the ``docdiff`` namespace.
"""
