"""The desktop start reads its own options without argparse; it must agree with the full parser
on everything it accepts and hand everything else to it."""

from __future__ import annotations

import pytest

from opsdesk.app.cli import build_parser, gui_options

ACCEPTED = [
    [],
    ["--smoke"],
    ["--demo"],
    ["--db", "store.sqlite"],
    ["--db=store.sqlite", "--lang=zh_CN"],
    ["--lang", "en", "--db", "postgresql+psycopg://u@h/db", "--smoke"],
    ["--demo", "--db", "C:\\Users\\shop\\demo.sqlite"],
    ["--db", "a.sqlite", "--db", "b.sqlite"],  # the last one wins, as in argparse
    ["--db=with=equals.sqlite"],
]


@pytest.mark.parametrize("argv", ACCEPTED, ids=lambda a: " ".join(a) or "(none)")
def test_agrees_with_the_full_parser(argv: list[str]) -> None:
    assert gui_options(argv) == build_parser().parse_args(argv)


@pytest.mark.parametrize("argv", [
    ["check", "--db", "x.sqlite"],
    ["demo", "--db", "x.sqlite"],
    ["--help"],
    ["-h"],
    ["--version"],
    ["--db"],
    ["--db", "--smoke"],
    ["--smoke=yes"],
    ["--bogus"],
    ["store.sqlite"],
], ids=lambda a: " ".join(a))
def test_leaves_everything_else_to_the_full_parser(argv: list[str]) -> None:
    assert gui_options(argv) is None
