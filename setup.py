"""Builds rasad's hot path as C extensions with mypyc; everything else stays Python.

The modules in ``COMPILED`` are the ones every article passes through (text, dates, name
matching, linking, events, the record). They are ordinary, type-checked Python: mypyc compiles
them from the same files, and the package works the same without it (only slower).
``RASAD_COMPILE=0`` installs the pure-Python package; so does a machine without a C compiler,
with a warning. ``rasad --version`` says which one is installed.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup

COMPILED = [
    "src/rasad/document.py",
    "src/rasad/text/chars.py",
    "src/rasad/text/digits.py",
    "src/rasad/text/langid.py",
    "src/rasad/text/layout.py",
    "src/rasad/text/normalize.py",
    "src/rasad/text/profile.py",
    "src/rasad/text/sentences.py",
    "src/rasad/text/stage.py",
    "src/rasad/dates/calendars.py",
    "src/rasad/dates/expressions.py",
    "src/rasad/dates/fold.py",
    "src/rasad/dates/patterns.py",
    "src/rasad/dates/publication.py",
    "src/rasad/dates/stage.py",
    "src/rasad/mentions/gazetteer.py",
    "src/rasad/linking/coref.py",
    "src/rasad/linking/linker.py",
    "src/rasad/linking/roles.py",
    "src/rasad/linking/stage.py",
    "src/rasad/events/extract.py",
    "src/rasad/events/lexicon.py",
    "src/rasad/events/mentions.py",
    "src/rasad/events/statements.py",
    "src/rasad/events/stage.py",
    "src/rasad/export/record.py",
]


def ext_modules() -> list:
    if os.environ.get("RASAD_COMPILE", "1") == "0":
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("rasad: mypyc is not available; installing pure Python", file=sys.stderr)
        return []
    # built in pip's isolated environment, where the dependencies' types are absent: ignores
    # that silence them there are not errors
    options = ["--config-file=pyproject.toml", "--no-warn-unused-ignores"]
    return mypycify([*options, *COMPILED], opt_level="3")


setup(ext_modules=ext_modules())
