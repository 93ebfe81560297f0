"""``python -m claimwatch``: the same as the ``claimwatch`` command."""

from claimwatch.cli import main

main()
