"""Statements that were re-drafted, not edited: what corresponds to what, and how it differs.

The align stage (:mod:`docdiff.align`) pairs the units of a revision
conservatively and leaves the rest as insertions and deletions; the phrase
stage (:mod:`docdiff.phrases`) finds wordings the two share.  This stage sits
above both and reads their results: it relates the units they left apart by
the evidence they share (concepts, rare terms, figures, names, phrases),
aligns the sentences of rewritten pairs, types the differences of every pair
(divergences), and draws up the ledger of two statements (what each side got
that the other did not).  Its inputs are parsed documents and the values of
:mod:`docdiff.result`; it reads no file and formats nothing.
"""
