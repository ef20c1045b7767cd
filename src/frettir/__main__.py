"""``python -m frettir``: the ``frettir`` command line (see :mod:`frettir.cli`)."""

from frettir.cli import run

run()
