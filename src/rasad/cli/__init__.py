"""The ``rasad`` command line: thin shells over library functions."""
