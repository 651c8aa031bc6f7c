"""``python -m rasad``: the same as the ``rasad`` command."""

from rasad.cli.main import main

main()
