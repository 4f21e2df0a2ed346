"""Receipts: real PDFs, their text extracted and every figure checked."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from opsdesk.domain.errors import ValidationError
from opsdesk.reports.fonts import cjk_font
from opsdesk.reports.receipts import LABELS_ZH, ReceiptData, ReceiptLine, render_receipt

LINES = (
    ReceiptLine("面部深层清洁护理（60分钟）", 1, 29800, 23840, 5960),
    ReceiptLine("玻尿酸补水面膜", 3, 12800, 38400),
    ReceiptLine("Hydrating serum 30ml", 2, 45000, 81000, 9000),
)


def receipt(**kw) -> ReceiptData:  # noqa: ANN003
    base = ReceiptData(
        shop_name="美丽花园美容会所", receipt_no="S20240503-000127",
        issued_at=datetime(2024, 5, 3, 14, 22), lines=LINES, total=143240,
        payment_method="储值卡", member_name="欧阳娜娜", member_phone="13812345678",
        tier_name="合伙人会员", balance_principal=123450, balance_bonus=20000,
        cashier="李小红", shop_address="深圳市南山区科技园路88号", footer="谢谢惠顾",
        labels=LABELS_ZH)
    return replace(base, **kw)


def pdf_text(path: Path) -> tuple[PdfReader, str]:
    reader = PdfReader(path)
    return reader, "\n".join(p.extract_text() for p in reader.pages)


@pytest.mark.parametrize("paper", ["80mm", "a4"])
def test_every_name_and_figure_is_printed(tmp_path: Path, paper: str) -> None:
    out = tmp_path / f"r-{paper}.pdf"
    render_receipt(receipt(), out, paper=paper)
    reader, text = pdf_text(out)
    assert len(reader.pages) == 1
    for expected in ("美丽花园美容会所", "欧阳娜娜", "138****5678", "合伙人会员", "李小红",
                     "S20240503-000127", "2024-05-03 14:22", "储值卡", "谢谢惠顾",
                     "面部深层清洁护理（60分钟）", "玻尿酸补水面膜", "Hydrating serum 30ml",
                     "¥298.00", "-¥59.60", "¥238.40", "¥128.00", "¥384.00", "¥450.00",
                     "-¥90.00", "¥810.00",
                     "¥1,582.00", "-¥149.60", "¥1,432.40",  # subtotal, discounts, total
                     "¥1,434.50", "¥1,234.50", "¥200.00"):  # balance = principal + bonus
        assert expected in text, expected
    assert "13812345678" not in text


def test_roll_page_is_80mm_wide_and_as_tall_as_its_content(tmp_path: Path) -> None:
    short, long = tmp_path / "short.pdf", tmp_path / "long.pdf"
    render_receipt(receipt(), short)
    many = tuple(ReceiptLine(f"项目{i}", 1, 1000, 1000) for i in range(40))
    render_receipt(receipt(lines=many, total=40000), long)
    s, lg = PdfReader(short).pages, PdfReader(long).pages
    assert len(s) == 1 and len(lg) == 1  # no item spilled onto a second roll page
    assert float(s[0].mediabox.width) == pytest.approx(80 * mm, abs=0.01)
    h_short, h_long = float(s[0].mediabox.height), float(lg[0].mediabox.height)
    assert 80 * mm < h_short < 200 * mm
    assert h_long > h_short + 37 * 6  # at least six points of roll per extra item
    text = lg[0].extract_text()
    assert "项目0" in text and "项目39" in text and "¥400.00" in text


def test_a4_with_many_lines_continues_on_further_pages(tmp_path: Path) -> None:
    out = tmp_path / "a4.pdf"
    many = tuple(ReceiptLine(f"商品{i:03d}", 2, 1250, 2500) for i in range(90))
    render_receipt(receipt(lines=many, total=225000), out, paper="a4")
    reader, text = pdf_text(out)
    assert len(reader.pages) >= 2
    assert all(float(p.mediabox.width) == pytest.approx(A4[0], abs=0.01) for p in reader.pages)
    assert all(f"商品{i:03d}" in text for i in range(90))
    assert "¥2,250.00" in text
    assert "第 2 页" in reader.pages[1].extract_text()
    # The column heads repeat on the second page.
    assert "单价" in reader.pages[1].extract_text()


def test_walk_in_sale_without_member_or_balance(tmp_path: Path) -> None:
    out = io.BytesIO()
    data = receipt(member_name=None, member_phone=None, tier_name=None, balance_principal=None,
                   balance_bonus=None, payment_method="现金")
    render_receipt(data, out)
    text = PdfReader(out).pages[0].extract_text()
    assert "现金" in text and "¥1,432.40" in text
    assert "会员" not in text and "储值余额" not in text


def test_markup_characters_in_names_print_as_typed(tmp_path: Path) -> None:
    out = tmp_path / "m.pdf"
    render_receipt(receipt(member_name="A&B <VIP>", shop_name="Tom & Jerry's"), out)
    text = PdfReader(out).pages[0].extract_text()
    assert "A&B <VIP>" in text and "Tom & Jerry's" in text


def test_labels_come_from_the_caller(tmp_path: Path) -> None:
    out = tmp_path / "labels.pdf"
    render_receipt(receipt(labels=replace(LABELS_ZH, total="TOTAL", payment="Paid by")), out)
    text = PdfReader(out).pages[0].extract_text()
    assert "TOTAL" in text and "Paid by" in text and "实收" not in text


def test_english_labels_by_default(tmp_path: Path) -> None:
    out = tmp_path / "en.pdf"
    data = ReceiptData("Shop", "R1", datetime(2024, 1, 2, 3, 4), LINES, 143240, "Cash")
    render_receipt(data, out, paper="a4")
    text = PdfReader(out).pages[0].extract_text()
    assert "Total" in text and "Cash" in text and "Page 1" in text


@pytest.mark.parametrize(("change", "code"), [
    ({"lines": ()}, "receipt.no_lines"),
    ({"total": 143241}, "receipt.total_mismatch"),
    ({"lines": (ReceiptLine("x", 2, 100, 150),), "total": 150}, "receipt.line_mismatch"),
    ({"balance_bonus": None}, "receipt.balance_incomplete"),
    ({"currency": "XXX"}, "money.unknown_currency"),
])
def test_inconsistent_data_is_refused_and_nothing_is_written(tmp_path: Path, change: dict,
                                                              code: str) -> None:
    out = tmp_path / "bad.pdf"
    with pytest.raises(ValidationError) as e:
        render_receipt(receipt(**change), out)
    assert e.value.code == code
    assert not out.exists()


def test_unknown_paper_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as e:
        render_receipt(receipt(), tmp_path / "x.pdf", paper="58mm")
    assert e.value.code == "receipt.paper_invalid"


def test_line_mismatch_names_the_line(tmp_path: Path) -> None:
    lines = (LINES[0], ReceiptLine("x", 2, 100, 150))
    with pytest.raises(ValidationError) as e:
        render_receipt(receipt(lines=lines, total=23990), tmp_path / "x.pdf")
    assert e.value.params["line"] == 2
    assert e.value.params["expected"] == "¥2.00"


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_the_chinese_font_is_an_embedded_truetype_subset(tmp_path: Path) -> None:
    if not cjk_font().embedded:
        pytest.skip("no TrueType CJK font on this machine")
    out = tmp_path / "r.pdf"
    render_receipt(receipt(), out)
    report = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                            check=True).stdout
    rows = [r.split() for r in report.splitlines()[2:]]
    cjk = [r for r in rows if "+" in r[0]]  # subset fonts are named ABCDEF+Name
    assert cjk, report
    assert all(r[1] == "TrueType" and r[-5:-2] == ["yes", "yes", "yes"] for r in cjk), report
