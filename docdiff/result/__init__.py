"""The results: plain frozen data, the whole contract between the engines
(:mod:`docdiff.align`, :mod:`docdiff.phrases`, :mod:`docdiff.relate`) and every
renderer (:mod:`docdiff.render`).  The corpus's results are in :mod:`docdiff.corpus.types`.

Nothing here computes; renderers are functions of these values.  The
``to_*`` methods of :class:`Comparison` only ask the render registry
(:mod:`docdiff.registry`), which the renderers fill.  The values live in
:mod:`docdiff.result.comparison` (a comparison and its parts) and
:mod:`docdiff.result.reports` (phrase reports, formula tables, the ledger);
every one is named ``docdiff.result.<Name>``, where the CLI and pickles find it.
"""

from __future__ import annotations

from . import comparison, reports
from .comparison import *  # noqa: F403
from .reports import *  # noqa: F403

__all__ = [*comparison.__all__, *reports.__all__]

for _name in __all__:
    # One public home for each value, whichever module defines it.
    globals()[_name].__module__ = __name__
