"""``opsdesk plan export`` on a demo store: the year's plan to PDF in the language asked for, and
to Excel."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader


def opsdesk(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "opsdesk", *args], capture_output=True,
                          text=True, env=env, timeout=300, check=False)


def test_plan_export_writes_the_plan_in_chinese_and_to_excel(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    made = opsdesk("demo", "--db", str(db), "--members", "200", "--as-of", "2026-11-20")
    assert made.returncode == 0, made.stderr
    pdf, xlsx = tmp_path / "plan.pdf", tmp_path / "plan.xlsx"
    done = opsdesk("plan", "export", "--year", "2026", "--out", str(pdf), "--db", str(db),
                   "--lang", "zh_CN")
    assert done.returncode == 0, done.stderr
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "2026 年目标与追踪" in text and "计划：营业额" in text and "悦容美学馆" in text
    done = opsdesk("plan", "export", "--year", "2026", "--out", str(xlsx), "--db", str(db),
                   "--lang", "en")
    assert done.returncode == 0, done.stderr
    cells = {c.value for ws in load_workbook(xlsx).worksheets for row in ws.iter_rows()
             for c in row}
    assert "Store" in cells
