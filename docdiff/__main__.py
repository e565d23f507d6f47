"""``python -m docdiff``: the same as the ``docdiff`` command."""

import sys

from .cli import main

sys.exit(main())
