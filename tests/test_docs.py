"""The docs name every command, option, setting, error code and language-data file the code has."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from rasad.cli.main import cli
from rasad.errors import Code
from rasad.lang import LANG_DIR

REPO = Path(__file__).resolve().parents[1]
CLI_DOC = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")


def _commands(group: click.Group = cli, prefix: str = ""):
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}", command


@pytest.mark.parametrize(("name", "command"), list(_commands()))
def test_every_command_and_option_documented(name, command):
    assert f"## rasad {name}" in CLI_DOC, f"docs/cli.md has no section for rasad {name}"
    section = CLI_DOC.split(f"## rasad {name}", 1)[1].split("\n## ", 1)[0]
    for param in command.params:
        if isinstance(param, click.Option):
            for opt in param.opts:
                if opt.startswith("--"):
                    assert opt in section, f"{opt} of rasad {name} is not in docs/cli.md"


def test_every_error_code_documented():
    errors_doc = (REPO / "docs" / "errors.md").read_text(encoding="utf-8")
    for code in Code:
        assert f"`{code.name}`" in errors_doc, f"{code.name} missing from docs/errors.md"


def test_every_language_file_documented():
    lang_doc = (REPO / "docs" / "languages.md").read_text(encoding="utf-8")
    for path in sorted(LANG_DIR.glob("*/*.yaml")):
        rel = f"lang/{path.parent.name}/{path.name}"
        assert rel in lang_doc, f"{rel} is not described in docs/languages.md"


def test_readme_has_exactly_the_two_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
