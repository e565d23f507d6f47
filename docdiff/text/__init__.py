"""Language-neutral text primitives: typographic folding, tokens and terms, the word diff.

The lowest engine layer: every later stage may use it, it uses none of them.
:mod:`.inline` is the only module of docdiff that imports diff-match-patch.
"""
