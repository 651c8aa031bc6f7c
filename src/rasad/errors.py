"""Errors rasad raises, in one catalogue.

    RasadError                 root: catch this to catch everything rasad raises on purpose
    ├── InputError             an article or file that cannot be read (encoding, empty, ...)
    ├── DataError              shipped or user-supplied data (lexicons, knowledge base) invalid
    └── StoreError             the database cannot be opened, migrated or written

Every error carries a short code (``E0xx``) so that logs, the failures table and the docs can
refer to one cause. Messages say what was wrong and what to do about it.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    """The catalogue: one entry per cause, with the message template."""

    E001 = "file not found: {path}"
    E002 = "empty input: {path} holds no text"
    E003 = "cannot decode {path}: not UTF-8, UTF-16 or windows-1256 text ({detail})"
    E004 = "binary data in {path}: {detail}"
    E005 = "cannot parse HTML in {path}: {detail}"
    E006 = "invalid JSON on line {line} of {path}: {detail}"
    E007 = "record on line {line} of {path} has no text field"
    E008 = "cannot parse feed {path}: {detail}"
    E009 = "cannot fetch {path}: {detail}"
    E010 = "truncated or malformed document {path}: {detail}"
    E011 = "cannot read {path}: {detail}"
    E020 = "invalid language data {path}: {detail}"
    E021 = "unknown language {lang!r}: rasad reads fa, ar and en"
    E030 = "unsupported database URL {url!r}: use sqlite:///path.db or postgresql://..."
    E031 = "database error: {detail}"
    E040 = "pipeline misconfigured: {detail}"
    E041 = "the analysis of {path} could not be passed between processes: {detail}"
    E050 = "invalid knowledge base {path} ({item}): {detail}"
    E060 = "invalid gold file {path}: {detail}"
    E061 = "evaluation floor: {detail}"

    def message(self, **kwargs: object) -> str:
        return f"[{self.name}] " + self.value.format(**kwargs)


class RasadError(Exception):
    """Root of every error rasad raises on purpose."""

    def __init__(self, code: Code, **kwargs: object) -> None:
        self.code = code
        self.details = kwargs
        super().__init__(code.message(**kwargs))


class InputError(RasadError):
    """An article or a file that cannot be read. The batch goes on; the failure is recorded."""


class DataError(RasadError):
    """Shipped or user-supplied data (lexicons, knowledge base) is invalid."""


class StoreError(RasadError):
    """The database cannot be opened, migrated or written."""
