"""``python -m frettir``: the ``frettir`` command line (see :mod:`frettir.cli`)."""

import sys

from frettir.cli import main

sys.exit(main())
