"""The compiled hot path (setup.py): what rasad reports about its build, stale extensions, and
pickling of the objects that cross process boundaries (workers send documents back; the alias
index is cached as a pickle), which a compiled class must support like a Python one."""

from __future__ import annotations

import importlib.machinery
import os
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasad import build
from rasad.cli.main import cli
from rasad.document import Article
from rasad.export.record import record_line
from rasad.kb.loader import load_kb
from rasad.mentions.gazetteer import Gazetteer
from rasad.pipeline import default_pipeline

SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def test_version_names_the_build():
    out = CliRunner().invoke(cli, ["--version"]).output
    assert out.strip().endswith(build.describe())
    assert build.describe() in ("compiled (mypyc)", "pure Python")


def test_the_build_is_compiled_when_ci_asks_for_it():
    expected = os.environ.get("RASAD_EXPECT_COMPILED")
    if expected is None or build.pure_requested():
        pytest.skip("RASAD_EXPECT_COMPILED is not set (make test sets it), or RASAD_PURE is")
    assert build.compiled() is (expected == "1")


def _touch(path: Path, mtime: float) -> None:
    path.write_text("")
    os.utime(path, (mtime, mtime))


def test_a_source_newer_than_its_extension_is_stale(tmp_path):
    (tmp_path / "sub").mkdir()
    _touch(tmp_path / "fresh.py", 100)
    _touch(tmp_path / f"fresh{SUFFIX}", 200)
    _touch(tmp_path / "sub" / "edited.py", 300)
    _touch(tmp_path / "sub" / f"edited{SUFFIX}", 200)
    _touch(tmp_path / "plain.py", 500)  # no extension: never stale
    assert build.stale_extensions(tmp_path) == [tmp_path / "sub" / "edited.py"]


def test_the_installed_package_has_no_stale_extension():
    if build.pure_requested():
        pytest.skip("RASAD_PURE=1: the extensions are not used")
    assert build.stale_extensions() == []


def test_pure_runs_the_source_files_of_a_compiled_install():
    import subprocess
    import sys

    probe = (
        "import rasad.text.normalize as m, rasad.build as b; "
        "print(m.__file__.endswith('.py'), b.describe())"
    )
    env = {**os.environ, "RASAD_PURE": "1"}
    out = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    ).stdout.split(maxsplit=1)
    assert out == ["True", "pure Python\n"]


@pytest.mark.parametrize(
    "text",
    [
        "سفر عراقچی به بغداد\n\nعباس عراقچی، وزیر امور خارجه، روز دوشنبه در بغداد با فؤاد حسین دیدار کرد.",
        "عراقجي في بغداد\n\nالتقى وزير الخارجية العراقي فؤاد حسين نظيره الإيراني عباس عراقجي أمس.",
        "Araghchi in Baghdad\n\nIraqi Foreign Minister Fuad Hussein met Abbas Araghchi on Monday.",
    ],
)
def test_a_document_survives_pickling(text):
    doc = default_pipeline()(Article(text=text, file="a.txt", format="text", path="a.txt"))
    again = pickle.loads(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
    assert again.normalized == doc.normalized
    assert record_line(again) == record_line(doc)


def test_the_alias_index_survives_pickling():
    kb = load_kb(Path(__file__).parent / "linking" / "mini_kb.yaml")
    index = Gazetteer.build(kb)
    again = pickle.loads(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    assert again.size == index.size and sorted(again.automata) == sorted(index.automata)
    assert [again.group(i) for i in range(len(index.groups))] == index.groups


def test_failures_and_seed_headers_survive_pickling():
    from rasad.document import Failure, SeedHeader, Span

    for value in (
        Failure("a.html", "/in/a.html", "read", "E010", "the page is cut off", line=None),
        Failure("b.jsonl", None, "text", "E002", "no article body", line=7),
        SeedHeader("2024-09-19", "https://example.org/a", Span(0, 35)),
    ):
        assert pickle.loads(pickle.dumps(value)) == value
