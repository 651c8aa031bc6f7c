from __future__ import annotations

import pytest
import yaml

from rasad.document import LANGS
from rasad.errors import DataError
from rasad.lang import load_yaml
from rasad.text import profile as profile_mod
from rasad.text.normalize import normalize
from rasad.text.profile import text_profile


@pytest.mark.parametrize("lang", LANGS)
def test_every_fold_applies(lang):
    for src, dst in text_profile(lang).letter_folds.items():
        assert normalize(f"x{src}x", lang).text == f"x{dst}x"


@pytest.mark.parametrize("lang", LANGS)
def test_every_deletion_applies(lang):
    for ch in text_profile(lang).deletions:
        assert normalize(f"a{ch}b", lang).text == "ab"


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        ({"surprise": 1}, "unknown keys"),
        ({"letter_folds": {"ab": "c"}}, "one char"),
        ({"deletions": ["xy"]}, "not one character"),
        ({"deletions": ["ی"]}, "both folded and deleted"),
    ],
)
def test_invalid_profile_is_rejected(tmp_path, monkeypatch, patch, message):
    data = dict(load_yaml("ar", "text"))
    data.update(patch)
    (tmp_path / "ar").mkdir()
    (tmp_path / "ar" / "text.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    monkeypatch.setattr("rasad.lang.LANG_DIR", tmp_path)
    load_yaml.cache_clear()
    profile_mod.text_profile.cache_clear()
    try:
        with pytest.raises(DataError, match=message):
            profile_mod.text_profile("ar")
    finally:
        load_yaml.cache_clear()
        profile_mod.text_profile.cache_clear()


def test_unknown_language():
    with pytest.raises(DataError, match="E021"):
        load_yaml("de", "text")
