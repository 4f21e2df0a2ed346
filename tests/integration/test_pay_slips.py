"""Slips from a real run: the PDF's text carries every figure of every slip to the fen, in
Chinese when the app is in Chinese; three per page with cut lines; the CLI writes the same."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from opsdesk.db.engine import Database
from opsdesk.domain.errors import ValidationError
from opsdesk.domain.money import format_money
from opsdesk.reports.slips import SlipData, SlipLine, format_basis, render_slips
from opsdesk.services import pay_runs
from opsdesk.services.context import Actor
from tests.integration.services.pay_helpers import (
    MONTH,
    YEAR,
    make_payroll,
    march_sales,
    score_attitude,
)


@pytest.fixture
def zh(qapp):  # noqa: ANN001, ANN201
    from opsdesk.app import paths
    from opsdesk.ui import i18n

    i18n.install(qapp, "zh_CN", paths.resources_dir())
    yield
    i18n.install(qapp, "en", paths.resources_dir())


@pytest.fixture
def run(db: Database, store: Actor) -> list[pay_runs.SlipView]:
    p = make_payroll(db, store)
    march_sales(p)
    score_attitude(p)
    pay_runs.draft_run(db, store, YEAR, MONTH)
    pay_runs.lock_run(db, store, YEAR, MONTH)
    return pay_runs.run_rows(db, store, YEAR, MONTH)


def text_of(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def test_every_figure_is_on_its_page(run, tmp_path: Path) -> None:
    from opsdesk.ui.pages.pay.texts import write_slips

    out = tmp_path / "slips.pdf"
    pages = write_slips(run, "悦容美学馆", "CNY", out, "one")
    texts = text_of(out)
    assert pages == len(texts) == len(run) == 4
    for v, text in zip(run, texts, strict=True):
        flat = text.replace("\n", " ")
        assert v.staff_name in flat and "悦容美学馆" in flat
        for ln in v.lines:
            assert format_money(ln.amount) in flat, (v.staff_name, ln)
        assert format_money(v.total) in flat
    zhang = next(t for v, t in zip(run, texts, strict=True) if v.staff_name == "张伟")
    assert "¥312,000.00 × 3% = ¥9,360.00" in zhang.replace("\n", " ")


def test_chinese_slip_and_three_per_page(run, tmp_path: Path, zh) -> None:  # noqa: ANN001
    from opsdesk.ui.pages.pay.texts import write_slips

    out = tmp_path / "slips3.pdf"
    pages = write_slips(run, "悦容美学馆", "CNY", out, "three")
    texts = text_of(out)
    assert pages == len(texts) == 2  # 4 slips: three on the first page, one on the second
    flat = " ".join(texts).replace("\n", " ")
    for word in ("工资条", "2026年3月", "销售提成", "基本工资", "员工签字", "实发合计",
                 "沿虚线剪开"):
        assert word in flat, word
    assert "¥312,000.00 × 3% = ¥9,360.00" in flat


def test_render_refuses_a_slip_that_does_not_add_up(tmp_path: Path) -> None:
    bad = SlipData("店", "2026-03", "张伟", (SlipLine("Base", "", 100),), total=101)
    with pytest.raises(ValidationError) as e:
        render_slips([bad], tmp_path / "x.pdf")
    assert e.value.code == "slip.total_mismatch"
    with pytest.raises(ValidationError) as e2:
        render_slips([], tmp_path / "x.pdf")
    assert e2.value.code == "slip.none"


def test_basis_formatting_percentages_and_slices() -> None:
    from fractions import Fraction

    from opsdesk.domain.incentives import Basis, Value, ValueKind

    b = Basis("pay.commission.step", (("base", Value(ValueKind.MONEY, 31_200_000)),
                                      ("rate", Value(ValueKind.RATIO, Fraction(3, 100))),
                                      ("amount", Value(ValueKind.MONEY, 936_000))))
    assert format_basis(b) == "¥312,000.00 × 3% = ¥9,360.00"
    r = Basis("x", (("a", Value(ValueKind.RATIO, Fraction(1, 3))),))
    assert format_basis(r, {"x": "{a}"}) == "33.33%"


def test_cli_writes_the_month(db: Database, store: Actor, db_path: Path, tmp_path: Path) -> None:
    p = make_payroll(db, store)
    score_attitude(p)
    pay_runs.draft_run(db, store, YEAR, MONTH)
    db.dispose()
    out = tmp_path / "cli.pdf"
    env = {"QT_QPA_PLATFORM": "offscreen", "OPSDESK_SETTINGS_DIR": str(tmp_path),
           "PATH": "/usr/bin:/bin"}
    r = subprocess.run([sys.executable, "-m", "opsdesk", "slips", "--month", "2026-03",
                        "--out", str(out), "--db", str(db_path), "--lang", "zh_CN",
                        "--layout", "three"], capture_output=True, text=True, env=env,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    assert "4 slips on 2 pages" in r.stdout
    flat = " ".join(text_of(out))
    assert "草稿" in flat and "工资条" in flat
    bad = subprocess.run([sys.executable, "-m", "opsdesk", "slips", "--month", "2026-05",
                          "--out", str(out), "--db", str(db_path)], capture_output=True,
                         text=True, env=env, timeout=120)
    assert bad.returncode == 2 and "2026" in bad.stderr
