"""Bytes to text: detect the encoding, never store mojibake silently.

Accepted encodings, tried in this order:

1. A byte-order mark decides: UTF-8 (``utf-8-sig``, BOM stripped), UTF-16 LE/BE (``utf-16-le`` /
   ``utf-16-be``, BOM stripped). Bytes invalid for the announced encoding are E003. A UTF-32
   BOM is E003 (not supported: re-save as UTF-8).
2. Known binary signatures (PDF, PNG, JPEG, GIF, gzip, zip, bzip2, xz, ELF, ...) are E004.
3. Strict UTF-8 (``utf-8``) when it holds no NUL and few control characters.
4. UTF-16 without BOM (``utf-16-le`` / ``utf-16-be``): tried when the bytes hold NULs or many
   control bytes (ASCII in UTF-16 puts NULs on one side of every pair; Arabic-script letters put
   ``0x06`` there). Accepted only when the decoded text is plausible: no control characters and
   almost all characters in Latin, Arabic-script or common punctuation ranges.
5. Other NULs or a high ratio of control bytes are E004 (binary).
6. windows-1256 (``windows-1256``), accepted only when the result is plausibly Arabic-script
   text: every non-ASCII character is an Arabic-script character or punctuation that reads the
   same in windows-1252 (curly quotes, dashes, NBSP), save a small share of Latin letters.

What is decidable, and what is not:

- Corrupted UTF-8 (a file that is UTF-8 save for a few bad bytes) is E003, never a windows-1256
  decode: when at least 80% of the bytes >= 0x80 form well-formed UTF-8 sequences (and there are
  at least four), the file is UTF-8 with errors. Genuine windows-1256 Arabic rarely forms such
  sequences (``ال`` is ``C7 E1``, an invalid pair), while UTF-8 Persian read as windows-1256 would
  turn every letter into ``ط``/``ظ`` plus a symbol (``ط³ظ„ط§ظ…``).
- Double-encoded text (UTF-8 bytes of Arabic-script text decoded as latin-1, windows-1252 or
  windows-1256, then saved again as UTF-8) is valid UTF-8 but garbage: when the whole text maps
  back through one of those code pages to valid UTF-8 holding Arabic-script letters, it is E003.
  A file that mixes mojibake with clean text cannot be told apart reliably and is read as is.
- Bytes that are valid UTF-8 are read as UTF-8, even if they were meant as windows-1256; for
  real text this ambiguity is vanishingly rare (it needs every non-ASCII byte to form a valid
  UTF-8 sequence), for two-letter strings it is undecidable.
- Latin-1/windows-1252 text with accented Latin letters (French, German) is not accepted (E003):
  rasad reads fa, ar and en. English with only curly quotes and dashes decodes the same in
  windows-1252 and windows-1256 and is accepted (reported as ``windows-1256``).

charset-normalizer is not used: its guesses are statistical and slower, and the rules above are
what rasad promises and tests.
"""

from __future__ import annotations

import codecs
import contextlib
import re

from rasad.errors import Code, InputError

__all__ = ["decode_bytes"]

_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"PK\x03\x04", "zip archive (or docx/xlsx/epub)"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
)

# C0 control bytes other than tab, LF, VT, FF, CR; plus DEL.
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\x0b\x0c\r") + b"\x7f"
_MAX_CONTROL_RATIO = 0.01  # of all bytes, for a file to be read as UTF-8 without a second look
_BINARY_CONTROL_RATIO = 0.10  # of all bytes, above which a file is binary

# Punctuation that windows-1252 and windows-1256 map from the same byte: a text holding only
# these outside ASCII decodes identically in both. Rarer symbols (³ § ¯ ...) are left out: they
# are what UTF-8 Arabic looks like when read as windows-1256.
_NEUTRAL = frozenset("\xa0«»–—‘’‚“”„•…€£©®™°×÷·\xad")
_FORMAT_MARKS = frozenset("\u200c\u200d\u200e\u200f\ufeff")
_ARABIC_RANGES = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_NEUTRAL_OR_MARK = re.compile("[" + re.escape("".join(sorted(_NEUTRAL | _FORMAT_MARKS))) + "]")
# a non-ASCII character that is neither Arabic script nor shared punctuation or a format mark
_OTHER_THAN_CP1256_ARABIC = re.compile(
    "[^\x00-\x7f" + _ARABIC_RANGES + re.escape("".join(sorted(_NEUTRAL | _FORMAT_MARKS))) + "]"
)
_HIGH_BYTES = bytes(range(0x80, 0x100))


def _is_arabic_script(ch: str) -> bool:
    o = ord(ch)
    return (
        0x0600 <= o <= 0x06FF
        or 0x0750 <= o <= 0x077F
        or 0x08A0 <= o <= 0x08FF
        or 0xFB50 <= o <= 0xFDFF
        or 0xFE70 <= o <= 0xFEFF
    )


def _is_arabic_letter(ch: str) -> bool:
    return _is_arabic_script(ch) and ch.isalpha()


def _is_expected(ch: str) -> bool:
    """A character expected in fa/ar/en news text (used to judge a BOM-less UTF-16 decode)."""
    o = ord(ch)
    if o < 0x80:
        return ch.isprintable() or ch in "\t\n\r\x0b\x0c"
    return (
        0xA0 <= o <= 0x24F  # Latin-1 supplement, Latin extended A/B
        or 0x2000 <= o <= 0x206F  # general punctuation (incl. ZWNJ, RLM)
        or 0x20A0 <= o <= 0x20CF  # currency
        or _is_arabic_script(ch)
    )


def _plausible_text(text: str) -> bool:
    if not text:
        return False
    expected = sum(1 for ch in text if _is_expected(ch))
    return expected >= 0.98 * len(text)


def _error(code: Code, path: str, **details: object) -> InputError:
    return InputError(code, path=path, **details)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """The text and codec name if ``data`` reads as plausible BOM-less UTF-16."""
    if len(data) % 2:
        return None
    # The side of each byte pair that holds NULs (ASCII) or 0x06 (Arabic) is the high byte.
    even, odd = data[0::2], data[1::2]
    score_le = odd.count(0) + odd.count(6) - even.count(0) - even.count(6)
    order = ("utf-16-le", "utf-16-be") if score_le >= 0 else ("utf-16-be", "utf-16-le")
    for name in order:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _plausible_text(text):
            return text, name
    return None


def _looks_like_broken_utf8(data: bytes) -> bool:
    """True when most non-ASCII bytes form well-formed UTF-8 sequences (UTF-8 with bad bytes)."""
    valid = data.decode("utf-8", "replace").replace("\ufffd", "")
    ascii_chars = len(valid.encode("ascii", "ignore"))
    multibyte = len(valid) - ascii_chars
    good_bytes = len(valid.encode("utf-8")) - ascii_chars
    high_bytes = len(data) - len(data.translate(None, _HIGH_BYTES))
    return multibyte >= 4 and good_bytes >= 0.8 * high_bytes


def _first_utf8_error(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        return f"invalid UTF-8 byte 0x{data[e.start]:02x} at offset {e.start}"
    return "valid UTF-8"


def _plausible_cp1256(text: str) -> bool:
    """Every non-ASCII character is Arabic script or shared punctuation, save <= 5% Latin."""
    other = len(_OTHER_THAN_CP1256_ARABIC.findall(text))
    if other == 0:
        return True
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    arabic = non_ascii - other - len(_NEUTRAL_OR_MARK.findall(text))
    return arabic > 0 and other <= 0.05 * (arabic + other)


# windows-1252 characters in 0x80-0x9F back to their byte as a latin-1 code point, so that
# ``text.translate(_CP1252_TO_LATIN1).encode("latin-1")`` undoes a latin-1 *or* windows-1252
# mis-decode (and the mixed form where undefined bytes passed through as C1 controls).
_CP1252_TO_LATIN1 = {
    ord(ch): b
    for b in range(0x80, 0xA0)
    if (ch := bytes([b]).decode("cp1252", "replace")) != "\ufffd"
}

_OUTSIDE_CP1252 = re.compile(
    "[^\x00-\xff" + "".join(re.escape(chr(c)) for c in _CP1252_TO_LATIN1) + "]"
)


_WINDOW = 64  # characters from the first non-ASCII one that ``_may_be_utf8`` looks at


def _may_be_utf8(window: str, codec: str) -> bool:
    """False when a text starting with ``window`` (after ASCII) cannot be UTF-8 through ``codec``.

    What comes before the first non-ASCII character encodes to ASCII bytes, complete UTF-8
    characters, so a text re-encoded through a one-byte code page is valid UTF-8 only if the
    bytes from there on are: an error in their first few, or a character the code page cannot
    encode, settles it without encoding the whole text.
    """
    try:
        codecs.utf_8_decode(window.encode(codec), "strict", False)
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False
    return True


def _mojibake_source(text: str) -> str | None:
    """The code page through which ``text`` was double-encoded, if it was (see module doc)."""
    if text.isascii():
        return None
    start = 0
    try:
        text.encode("ascii")  # raises, at the first non-ASCII character
    except UnicodeEncodeError as e:
        start = e.start
    window = text[start : start + _WINDOW]
    candidates: list[tuple[str, bytes]] = []
    if not _OUTSIDE_CP1252.search(text, start) and _may_be_utf8(  # stops at a Persian letter
        window.translate(_CP1252_TO_LATIN1), "latin-1"
    ):
        with contextlib.suppress(UnicodeEncodeError):
            latin = text.translate(_CP1252_TO_LATIN1).encode("latin-1")
            candidates.append(("latin-1/windows-1252", latin))
    if _may_be_utf8(window, "cp1256"):
        with contextlib.suppress(UnicodeEncodeError):
            candidates.append(("windows-1256", text.encode("cp1256")))
    for name, raw in candidates:
        try:
            repaired = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if repaired != text and sum(1 for ch in repaired if _is_arabic_letter(ch)) >= 4:
            return name
    return None


def _check_decoded(text: str, path: str, encoding: str) -> tuple[str, str]:
    if not text.strip():
        raise _error(Code.E002, path)
    if "\x00" in text:
        raise _error(Code.E004, path, detail=f"NUL characters in {encoding} text")
    source = _mojibake_source(text)
    if source is not None:
        raise _error(
            Code.E003,
            path,
            detail=f"double-encoded text (UTF-8 read as {source}, then saved again); "
            "re-export the file from its original UTF-8 bytes",
        )
    return text, encoding


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode ``data`` (the content of ``path``) to ``(text, encoding name)``.

    Raises :class:`InputError` E002 (empty), E003 (no acceptable encoding) or E004 (binary).
    Line endings and every character are kept as decoded; only a BOM is removed.
    """
    if not data.strip():
        raise _error(Code.E002, path)
    # 1. byte-order marks
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise _error(Code.E003, path, detail="UTF-32 text is not supported; re-save as UTF-8")
    for bom, name, strip in (
        (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                unmarked = data[len(bom) :].decode(strip)
            except UnicodeDecodeError as e:
                raise _error(
                    Code.E003, path, detail=f"invalid {name} at offset {e.start + len(bom)}"
                ) from e
            return _check_decoded(unmarked, path, name)
    # 2. binary signatures
    for magic, kind in _BINARY_SIGNATURES:
        if data.startswith(magic):
            raise _error(Code.E004, path, detail=f"looks like a {kind}")
    has_nul = b"\x00" in data
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    # 3. UTF-8
    text: str | None = None
    with contextlib.suppress(UnicodeDecodeError):
        text = data.decode("utf-8")
    if text is not None and not has_nul and controls <= _MAX_CONTROL_RATIO * len(data):
        return _check_decoded(text, path, "utf-8")
    # 4. UTF-16 without BOM
    if has_nul or controls:
        found = _utf16_without_bom(data)
        if found is not None:
            return _check_decoded(found[0], path, found[1])
    # 5. binary
    if has_nul or controls > _BINARY_CONTROL_RATIO * len(data):
        detail = "NUL bytes" if has_nul else f"{controls} control bytes in {len(data)}"
        raise _error(Code.E004, path, detail=f"{detail}, not UTF-8 or UTF-16 text")
    if text is not None:  # valid UTF-8 with some control characters: keep them
        return _check_decoded(text, path, "utf-8")
    # 6. windows-1256, only for plausible Arabic-script text
    reason = _first_utf8_error(data)
    if _looks_like_broken_utf8(data):
        raise _error(Code.E003, path, detail=f"{reason} in otherwise UTF-8 text (corrupt file?)")
    as_cp1256 = data.decode("cp1256")  # maps every byte; windows-1256 has no C1 controls
    if not _plausible_cp1256(as_cp1256):
        raise _error(
            Code.E003,
            path,
            detail=f"{reason}; as windows-1256 it is not Arabic-script text "
            "(latin-1 or another code page?)",
        )
    return _check_decoded(as_cp1256, path, "windows-1256")
