"""rasad: political news in Persian, Arabic and English as a dated, sourced knowledge graph."""

import os as _os

__version__ = "0.1.0"

if _os.environ.get("RASAD_PURE") == "1":  # run the .py files of a compiled install
    from rasad.build import prefer_source

    prefer_source()
