"""``ReadFailure``: what a reader yields instead of an article it cannot read.

Readers never raise for bad input: one bad file, JSON line or feed item becomes one
``ReadFailure`` (with the catalogue code from :mod:`rasad.errors`) and reading goes on.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasad.errors import Code, InputError

__all__ = ["ReadFailure"]


@dataclass(frozen=True)
class ReadFailure:
    """An input that could not be read.

    ``file`` names it like ``Article.file`` would (``name.jsonl:7`` for a JSON line), ``path`` is
    the path or URL it came from, ``stage`` is always ``"read"``, ``code`` is an ``E0xx`` code and
    ``reason`` the full message; ``line`` is the 1-based line for line-oriented formats.
    """

    file: str
    path: str
    stage: str
    code: str
    reason: str
    line: int | None = None

    @classmethod
    def from_error(
        cls, error: InputError, *, file: str, path: str, line: int | None = None
    ) -> ReadFailure:
        reason = str(error)
        detail = error.details.get("detail")
        if detail and "{detail}" not in error.code.value:
            reason = f"{reason}: {detail}"
        return cls(file, path, "read", error.code.name, reason, line)

    @classmethod
    def of(
        cls, code: Code, *, file: str, path: str, line: int | None = None, **details: object
    ) -> ReadFailure:
        """A failure with ``code``'s message; ``details`` fill the template (``path`` is given)."""
        return cls.from_error(
            InputError(code, path=path, line=line, **details), file=file, path=path, line=line
        )
