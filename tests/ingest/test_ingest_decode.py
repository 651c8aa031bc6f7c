"""decode_bytes: every accepted encoding, every refusal, with its code."""

from __future__ import annotations

import codecs
import contextlib
import gzip

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from rasad.errors import Code, InputError
from rasad.ingest import decode_bytes
from rasad.ingest.decode import (
    _CP1252_TO_LATIN1,
    _NEUTRAL,
    _OUTSIDE_CP1252,
    _is_arabic_letter,
    _mojibake_source,
)
from tests.ingest.ingest_samples import AR, EN, FA, FA_CP1256

SAMPLES = {"fa": FA, "ar": AR, "en": EN}


def _code(data: bytes) -> Code:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "archive/item.txt")
    assert "archive/item.txt" in str(info.value)
    return info.value.code


@pytest.mark.parametrize("lang", ["fa", "ar", "en"])
@pytest.mark.parametrize(
    ("encode", "name"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16-be"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: t.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be"],
)
def test_unicode_encodings_round_trip(lang: str, encode, name: str) -> None:
    text = SAMPLES[lang]
    assert decode_bytes(encode(text), "x.txt") == (text, name)


@pytest.mark.parametrize("text", [FA_CP1256, AR], ids=["fa", "ar"])
def test_windows_1256_round_trip(text: str) -> None:
    assert decode_bytes(text.encode("cp1256"), "x.txt") == (text, "windows-1256")


def test_english_with_curly_quotes_in_windows_1252_reads_the_same() -> None:
    # windows-1252 and windows-1256 agree on these bytes, so the text is right either way
    assert decode_bytes(EN.encode("cp1252"), "x.txt") == (EN, "windows-1256")


def test_neutral_punctuation_is_the_same_byte_in_both_code_pages() -> None:
    assert all(ch.encode("cp1256") == ch.encode("cp1252") for ch in _NEUTRAL)


def test_persian_yeh_and_arabic_yeh_stay_distinct() -> None:
    text, _ = decode_bytes(FA.encode("utf-8"), "x.txt")
    assert "ی" in text and "ي" not in text


def test_line_endings_and_zwnj_are_kept() -> None:
    text = "سطر اول\r\nسطر دوم با نیم‌فاصله\r\n"
    assert decode_bytes(text.encode("utf-8"), "x.txt")[0] == text


def test_bom_is_stripped_only_once() -> None:
    data = codecs.BOM_UTF8 + ("\ufeff" + EN).encode("utf-8")
    assert decode_bytes(data, "x.txt") == ("\ufeff" + EN, "utf-8-sig")


def test_arabic_utf16_without_bom_and_without_ascii() -> None:
    text = "العراق" * 20
    assert decode_bytes(text.encode("utf-16-le"), "x.txt") == (text, "utf-16-le")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\t\r\n",
        codecs.BOM_UTF8 + b"  \n",
        codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"),
    ],
    ids=["empty", "whitespace", "utf8-bom-only", "utf16-bom-spaces"],
)
def test_empty_input_is_e002(data: bytes) -> None:
    assert _code(data) is Code.E002


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        gzip.compress(FA.encode("utf-8")),
        b"PK\x03\x04\x14\x00\x06\x00",
        bytes(range(256)) * 8,
        b"text\x00with\x00\x00odd\x00nuls\x00here",
        b"\x01\x02\x03\x04\x05\x06\x07\x08" * 20 + b"some text",
    ],
    ids=["pdf", "png", "jpeg", "gzip", "zip", "all-bytes", "nuls", "controls"],
)
def test_binary_is_e004(data: bytes) -> None:
    assert _code(data) is Code.E004


def test_utf32_is_refused_with_advice() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(codecs.BOM_UTF32_LE + EN.encode("utf-32-le"), "x.txt")
    assert info.value.code is Code.E003
    assert "UTF-32" in str(info.value)


def test_corrupt_utf8_is_e003_not_windows_1256() -> None:
    data = bytearray(FA.encode("utf-8"))
    data[40] = 0xFF  # one bad byte inside otherwise UTF-8 Persian
    assert _code(bytes(data)) is Code.E003


def test_utf8_cut_in_the_middle_of_a_letter_is_e003() -> None:
    data = FA.encode("utf-8")
    assert _code(data[: len(data) - 1]) is Code.E003


def test_invalid_bom_announced_utf8_is_e003() -> None:
    assert _code(codecs.BOM_UTF8 + AR.encode("cp1256")) is Code.E003


def test_latin1_french_is_not_read_as_windows_1256() -> None:
    assert _code("Le président a été reçu à Bagdad.".encode("latin-1")) is Code.E003


@pytest.mark.parametrize("text", [FA, AR], ids=["fa", "ar"])
@pytest.mark.parametrize("codepage", ["latin-1", "cp1252", "cp1256"])
def test_double_encoded_utf8_is_detected(text: str, codepage: str) -> None:
    """UTF-8 bytes of fa/ar read with a wrong code page, then saved again as UTF-8."""
    raw = text.encode("utf-8")
    if codepage == "cp1252":  # the 5 undefined bytes pass through as C1 controls
        mojibake = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw)
    else:
        mojibake = raw.decode(codepage)
    with pytest.raises(InputError) as info:
        decode_bytes(mojibake.encode("utf-8"), "x.txt")
    assert info.value.code is Code.E003
    assert "double-encoded" in str(info.value)


def test_utf8_persian_bytes_never_decode_as_windows_1256_garbage() -> None:
    # what a naive windows-1256 fallback would produce: "ط¹ظ„غŒ..."
    garbage = FA.encode("utf-8").decode("cp1256")
    assert garbage != FA
    data = bytearray(FA.encode("utf-8"))
    data[-3] = 0xC0  # damage one byte so strict UTF-8 fails
    assert _code(bytes(data)) is Code.E003


# --- properties ----------------------------------------------------------------------------

ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوي"
PERSIAN_EXTRA = "پچژگکی"
TEXT_CHARS = (
    ARABIC_LETTERS
    + PERSIAN_EXTRA
    + "\u200c ،؛؟«»۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩ًٌٍَُِّْ"
    + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;!?'\"()-\n"
    + "’“”—…"
)
WORDS = [
    *["ولایتی", "مالکی", "بغداد", "تهران", "نخست\u200cوزیر", "عراق", "گفت\u200cوگو", "انتخابات"],
    *["السوداني", "العراقي", "الإيراني", "بغداد", "الحكومة", "العلاقات", "وزير", "الخارجية"],
    *["Iraq", "Iran", "minister", "Baghdad", "said", "talks"],
    "،",
    "«",
    "»",
    ".",
    "\n",
]


def _has_text(text: str) -> bool:
    return bool(text.strip())


@given(st.text(alphabet=TEXT_CHARS, min_size=1, max_size=300).filter(_has_text))
def test_utf8_and_utf16_with_bom_round_trip(text: str) -> None:
    assert decode_bytes(text.encode("utf-8"), "p.txt") == (text, "utf-8")
    assert decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8"), "p.txt") == (text, "utf-8-sig")
    assert decode_bytes(text.encode("utf-16"), "p.txt")[0] == text


@given(
    st.text(alphabet=ARABIC_LETTERS + PERSIAN_EXTRA + " abcdefxyz.,", min_size=1, max_size=200),
    st.sampled_from(["utf-16-le", "utf-16-be"]),
)
def test_utf16_without_bom_round_trips(text: str, codec: str) -> None:
    assume(_has_text(text))
    assert decode_bytes(text.encode(codec), "p.txt") == (text, codec)


# windows-1256 has no Persian yeh: archives write the Arabic one
CP1256_WORDS = [w.replace("ی", "ي") for w in WORDS]


@given(st.lists(st.sampled_from(CP1256_WORDS), min_size=1, max_size=60))
def test_windows_1256_round_trips_where_representable(words: list[str]) -> None:
    text = " ".join(words)
    data = text.encode("cp1256")
    assume(_has_text(text))
    try:
        data.decode("utf-8")
        valid_utf8 = True
    except UnicodeDecodeError:
        valid_utf8 = False
    decoded, encoding = decode_bytes(data, "p.txt")
    if valid_utf8:  # pure ASCII: the same text either way
        assert text.isascii() and decoded == text
    else:
        assert (decoded, encoding) == (text, "windows-1256")


def _mojibake_reference(text: str) -> str | None:
    """``decode._mojibake_source`` as first written: each code page tried on the whole text."""
    if text.isascii():
        return None
    candidates: list[tuple[str, bytes]] = []
    if not _OUTSIDE_CP1252.search(text):
        with contextlib.suppress(UnicodeEncodeError):
            latin = text.translate(_CP1252_TO_LATIN1).encode("latin-1")
            candidates.append(("latin-1/windows-1252", latin))
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


def _misread(text: str, codepage: str) -> str:
    raw = text.encode("utf-8")
    if codepage == "cp1252":
        return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw)
    return raw.decode(codepage)


@given(
    st.text(alphabet='<html> head="x"\n', max_size=300),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join),
    st.sampled_from([None, "latin-1", "cp1252", "cp1256"]),
    st.text(alphabet=TEXT_CHARS + "éàç\u0080\u0093\u00a0", max_size=20),
)
def test_mojibake_check_agrees_with_the_whole_text_check(
    head: str, body: str, codepage: str | None, tail: str
) -> None:
    """Looking at the bytes from the first non-ASCII character decides as the whole text does."""
    middle = _misread(body, codepage) if codepage else body
    for text in (head + middle + tail, head + tail + middle, middle):
        assert _mojibake_source(text) == _mojibake_reference(text)
