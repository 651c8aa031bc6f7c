"""rasad: political news in Persian, Arabic and English as a dated, sourced knowledge graph."""

__version__ = "0.1.0"
